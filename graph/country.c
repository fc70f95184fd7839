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
    return s && strlen(s) == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) &&
           find_a2(s) != NULL;
}

/* Lower-case letters and digits only: "Korea, Republic of" -> "korearepublicof". */
static void fold(const char *s, char *out, size_t len)
{
    size_t j = 0;
    for (; *s && j + 1 < len; s++)
        if (isalnum((unsigned char)*s))
            out[j++] = (char)tolower((unsigned char)*s);
    out[j] = '\0';
}

/* Names seen in the wild that are none of ISO's short, official or common names.  Each maps
 * to a code by the ISO table's own spelling, so no country is named twice. */
static const struct {
    const char *alias, *a2;
} aliases[] = {
    {"usa", "US"}, {"unitedstatesofamerica", "US"}, {"america", "US"},
    {"uk", "GB"}, {"greatbritain", "GB"}, {"england", "GB"}, {"britain", "GB"},
    {"southkorea", "KR"}, {"korea", "KR"}, {"northkorea", "KP"},
    {"russia", "RU"}, {"taiwan", "TW"}, {"vietnam", "VN"}, {"iran", "IR"}, {"syria", "SY"},
    {"laos", "LA"}, {"bolivia", "BO"}, {"venezuela", "VE"}, {"tanzania", "TZ"}, {"moldova", "MD"},
    {"czechia", "CZ"}, {"czechrepublic", "CZ"}, {"holland", "NL"}, {"thenetherlands", "NL"},
    {"prc", "CN"}, {"peoplesrepublicofchina", "CN"}, {"mainlandchina", "CN"},
    {"hongkong", "HK"}, {"macau", "MO"}, {"macao", "MO"}, {"ivorycoast", "CI"},
    {"turkey", "TR"}, {"turkiye", "TR"}, {"brunei", "BN"}, {"capeverde", "CV"},
    {"eswatini", "SZ"}, {"swaziland", "SZ"}, {"burma", "MM"}, {"uae", "AE"},
    {"kosovo", "XK"}, {"palestine", "PS"}, {"vatican", "VA"}, {"micronesia", "FM"},
};

const char *kt_country_normalise(const char *s)
{
    char f[128], g[128];
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
        return r ? r->a2 : NULL;
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
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].alias, f) == 0)
            return find_a2(aliases[i].a2)->a2;
    for (size_t i = 0; i < kt_country_table_len; i++) {
        const kt_country_row *r = &kt_country_table[i];
        const char *names[3] = {r->name, r->official, r->common};
        for (int k = 0; k < 3; k++) {
            if (!names[k])
                continue;
            fold(names[k], g, sizeof g);
            if (strcmp(f, g) == 0)
                return r->a2;
        }
    }
    return NULL;
}
