/* country.c: ISO 3166-1 validation and normalisation (see kt_country.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kt_country.h"

static int cmp_a2(const void *key, const void *row)
{
    return strcmp((const char *)key, ((const kt_country_row *)row)->a2);
}

static const kt_country_row *find_a2(const char *s)
{
    return bsearch(s, kt_country_table, kt_country_table_len, sizeof kt_country_table[0], cmp_a2);
}

unsigned kt_country_index(const char *s)
{
    const kt_country_row *r;
    if (!s || strlen(s) != 2 || !(r = find_a2(s)))
        return 0;
    return (unsigned)(r - kt_country_table) + 1;
}

int kt_country_valid(const char *s)
{
    return s && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) && s[2] == '\0' &&
           find_a2(s) != NULL; /* two letters: no strlen, this runs for every entity loaded */
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
