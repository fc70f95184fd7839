/* text.c: escaping label text for Graphviz, and keeping it valid UTF-8 without control
 * characters (an SVG with either is not well-formed XML). */
#include <stdlib.h>
#include <string.h>

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
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (b->n + n + 1 > cap)
            cap *= 2;
        char *t = realloc(b->s, cap);
        if (!t) {
            b->oom = 1;
            return;
        }
        b->s = t;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void kt_viz_i_puts(kt_viz_i_buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when it is not one: no overlong
 * forms, no surrogates, nothing above U+10FFFF, and not U+FFFE/U+FFFF (not XML characters). */
static size_t utf8_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        if (c == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF))
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* Walk s: each valid character goes to emit_char (ASCII) or is copied (multi-byte); invalid
 * bytes become U+FFFD; control characters other than newline become a space. */
static void put_escaped(kt_viz_i_buf *b, const char *s, int html)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = utf8_len(p);
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
