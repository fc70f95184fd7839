/* country.c: ISO 3166-1 validation and normalisation (see kt_country.h). */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kt_country.h"

/* Two capital letters -> 1 + row of kt_country_table, 0 none: one array read per code, for a
 * lookup that runs for every entity and relation loaded (on any thread). */
static uint8_t a2_index[26 * 26];
static pthread_once_t a2_once = PTHREAD_ONCE_INIT;

static void a2_build(void)
{
    _Static_assert(sizeof(a2_index) == 26 * 26, "one byte per code");
    for (size_t i = 0; i < kt_country_table_len && i < 255; i++) {
        const char *a = kt_country_table[i].a2;
        a2_index[(a[0] - 'A') * 26 + (a[1] - 'A')] = (uint8_t)(i + 1);
    }
}

unsigned kt_country_index(const char *s)
{
    if (!s || !(s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] == '\0'))
        return 0;
    pthread_once(&a2_once, a2_build);
    return a2_index[(s[0] - 'A') * 26 + (s[1] - 'A')];
}

int kt_country_valid(const char *s)
{
    return kt_country_index(s) != 0;
}

static const kt_country_row *find_a2(const char *s)
{
    unsigned i = kt_country_index(s);
    return i ? &kt_country_table[i - 1] : NULL;
}

/* Lower-case ASCII letters and digits, other ASCII dropped, bytes of UTF-8 sequences kept:
 * "Korea, Republic of" -> "korearepublicof".  tools/country_aliases.py folds the same way. */
static void fold(const char *s, char *out, size_t len)
{
    size_t j = 0;
    for (; *s && j + 1 < len; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80 || isalnum(c))
            out[j++] = c >= 0x80 ? (char)c : (char)tolower(c);
    }
    out[j] = '\0';
}

static int cmp_alias(const void *key, const void *row)
{
    return strcmp((const char *)key, ((const kt_country_alias *)row)->folded);
}

const char *kt_country_normalise(const char *s)
{
    char f[128];
    size_t n;

    if (!s)
        return NULL;
    while (isspace((unsigned char)*s))
        s++;
    n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 2 && isalpha((unsigned char)s[0]) && isalpha((unsigned char)s[1])) {
        char c[3] = {(char)toupper((unsigned char)s[0]), (char)toupper((unsigned char)s[1]), 0};
        const kt_country_row *r = find_a2(c);
        if (r)
            return r->a2; /* else a name such as "UK" */
    }
    if (n == 3 && isalpha((unsigned char)s[0]) && isalpha((unsigned char)s[1]) &&
        isalpha((unsigned char)s[2])) {
        for (size_t i = 0; i < kt_country_table_len; i++)
            if (strncasecmp(kt_country_table[i].a3, s, 3) == 0)
                return kt_country_table[i].a2;
    }
    fold(s, f, sizeof f);
    if (!f[0])
        return NULL;
    const kt_country_alias *a =
        bsearch(f, kt_country_aliases, kt_country_aliases_len, sizeof kt_country_aliases[0], cmp_alias);
    return a ? find_a2(a->a2)->a2 : NULL;
}
