/* text.c: escaping label text for Graphviz, and keeping it valid UTF-8 without control
 * characters (an SVG with either is not well-formed XML). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
#include "../graph/kt_text.h"
#include "viz_i.h"

void kt_viz_i_buf_init(kt_viz_i_buf *b)
{
    memset(b, 0, sizeof *b);
}

void kt_viz_i_buf_destroy(kt_viz_i_buf *b)
{
    if (b)
        free(b->s);
}

static void put(kt_viz_i_buf *b, const char *s, size_t n)
{
    if (b->oom || n > SIZE_MAX - b->n - 1 || kt_grow((void **)&b->s, &b->cap, b->n + n + 1, 1) != KT_OK) {
        b->oom = 1;
        return;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void kt_viz_i_puts(kt_viz_i_buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void put_text(void *ctx, const char *s, size_t n, int escaped)
{
    (void)escaped;
    put(ctx, s, n);
}

void kt_viz_i_put_visible(kt_viz_i_buf *b, const char *s)
{
    kt_text_escape(s, put_text, b);
}

/* Walk s: each valid character goes to emit_char (ASCII) or is copied (multi-byte); invalid
 * bytes become U+FFFD; control characters other than newline become a space. */
static void put_escaped(kt_viz_i_buf *b, const char *s, int html)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = kt_text_utf8_len(p);
        if (n == 0) {
            put(b, "\xEF\xBF\xBD", 3);
            p++;
            continue;
        }
        if (n > 1) {
            put(b, (const char *)p, n);
            p += n;
            continue;
        }
        switch (*p) {
        case '&': put(b, "&amp;", 5); break;
        case '\n': html ? put(b, "<BR/>", 5) : put(b, "\\n", 2); break;
        /* Graphviz applies its escString rules (\N is the node name, \\ a backslash) to
         * label text after decoding entities, in HTML-like labels too */
        case '\\': put(b, "&#92;&#92;", 10); break;
        case '<': html ? put(b, "&lt;", 4) : put(b, "<", 1); break;
        case '>': html ? put(b, "&gt;", 4) : put(b, ">", 1); break;
        case '"': html ? put(b, "&quot;", 6) : put(b, "\"", 1); break;
        case '\'': html ? put(b, "&#39;", 5) : put(b, "'", 1); break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                put(b, " ", 1);
            else
                put(b, (const char *)p, 1);
        }
        p++;
    }
}

void kt_viz_i_put_html(kt_viz_i_buf *b, const char *s)
{
    put_escaped(b, s, 1);
}

void kt_viz_i_put_plain(kt_viz_i_buf *b, const char *s)
{
    put_escaped(b, s, 0);
}
