/* textgen.h: what the parser tests (jsonfast.c, nativefast.c) make random lines with: a seeded
 * xorshift generator (TEXTGEN_SEED, defined before the include) and a text buffer that put()
 * appends to, silently stopping short of its end. */
#ifndef KT_TEXTGEN_H
#define KT_TEXTGEN_H

#include <string.h>

static unsigned long long rng = TEXTGEN_SEED;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static char buf[8192];
static size_t len;

static void put(const char *s)
{
    size_t n = strlen(s);
    if (len + n < sizeof buf - 1) {
        memcpy(buf + len, s, n);
        len += n;
    }
}

#endif
