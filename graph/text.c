/* text.c: control characters in data, made visible (see kt_text.h). */
#include <stdio.h>
#include <string.h>

#include "kt_text.h"

size_t kt_text_utf8_len(const unsigned char *s)
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
            return 0; /* U+FFFE, U+FFFF: not characters (and not allowed in XML) */
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

/* What to write for the character of length n at p, or NULL when it is written as it is. */
static const char *escape_of(const unsigned char *p, size_t n, char buf[8])
{
    if (n == 0) {
        snprintf(buf, 8, "\\x%02x", p[0]);
        return buf;
    }
    if (n == 1) {
        if (p[0] == '\n')
            return "\\n";
        if (p[0] == '\r')
            return "\\r";
        if (p[0] == '\t')
            return "\\t";
        if (p[0] < 0x20 || p[0] == 0x7f) {
            snprintf(buf, 8, "\\x%02x", p[0]);
            return buf;
        }
        return NULL;
    }
    if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
        snprintf(buf, 8, "\\u%04x", p[1]);
        return buf;
    }
    return NULL;
}

void kt_text_escape(const char *s, void (*put)(void *ctx, const char *bytes, size_t n, int escaped), void *ctx)
{
    const unsigned char *p = (const unsigned char *)s, *run = p;
    char buf[8];
    if (!s)
        return;
    while (*p) {
        size_t n = kt_text_utf8_len(p);
        const char *e = escape_of(p, n, buf);
        if (e) {
            if (p > run)
                put(ctx, (const char *)run, (size_t)(p - run), 0);
            put(ctx, e, strlen(e), 1);
            p += n ? n : 1;
            run = p;
        } else {
            p += n;
        }
    }
    if (p > run)
        put(ctx, (const char *)run, (size_t)(p - run), 0);
}

int kt_text_needs_escape(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    char buf[8];
    while (p && *p) {
        size_t n = kt_text_utf8_len(p);
        if (escape_of(p, n, buf))
            return 1;
        p += n;
    }
    return 0;
}
