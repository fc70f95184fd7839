/* country.c: country names in the wild -> ISO 3166-1 alpha-2 (kt_country_normalise) through the
 * alias table generated from Unicode CLDR (tools/country_aliases.py).
 *
 * Expected, by hand: codes in any case; alpha-3; "UK" (CLDR English short) -> GB although it is
 * two letters and no ISO code; "Deutschland" (German, DE's official language) -> DE; "Duitsland"
 * (Dutch) -> DE; "Hong Kong SAR" (CLDR "Hong Kong SAR China" without "China") -> HK;
 * "Österreich" and the unaccented "Osterreich" -> AT; "中国" (Chinese) -> CN; "Czech Republic"
 * (CLDR English variant) -> CZ; "U.S.A." (supplement) -> US; "Korea, Republic of" (ISO
 * official name) -> KR; "Atlantis", "", "ZZ" and "Europe" -> none.  The table is sorted
 * (bsearch needs it) and every code in it is an ISO code. */
#include <stdio.h>
#include <string.h>

#include "../../graph/kt_country.h"

int main(void)
{
    static const char *cases[][2] = {
        {"nl", "NL"}, {"NLD", "NL"}, {"UK", "GB"}, {"Deutschland", "DE"}, {"Duitsland", "DE"},
        {"Hong Kong SAR", "HK"}, {"\xc3\x96sterreich", "AT"}, {"Osterreich", "AT"}, {"\xe4\xb8\xad\xe5\x9b\xbd", "CN"},
        {"Czech Republic", "CZ"}, {"U.S.A.", "US"}, {"Korea, Republic of", "KR"}, {" united kingdom ", "GB"},
        {"Atlantis", NULL}, {"", NULL}, {"ZZ", NULL}, {"Europe", NULL},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = kt_country_normalise(cases[i][0]);
        int ok = cases[i][1] ? got && strcmp(got, cases[i][1]) == 0 : got == NULL;
        printf("%s -> %s%s\n", i == 6 ? "(O-umlaut)sterreich" : i == 8 ? "(zhongguo)" : cases[i][0], got ? got : "-",
               ok ? "" : " WRONG");
        bad += !ok;
    }
    for (size_t i = 0; i < kt_country_aliases_len; i++) {
        if (i && strcmp(kt_country_aliases[i - 1].folded, kt_country_aliases[i].folded) >= 0) {
            printf("table not sorted at %zu\n", i);
            bad++;
        }
        if (!kt_country_valid(kt_country_aliases[i].a2)) {
            printf("not an ISO code: %s\n", kt_country_aliases[i].a2);
            bad++;
        }
    }
    printf("aliases: %s\n", kt_country_aliases_len > 1000 ? "more than 1000" : "too few");
    /* the two-letter lookup against a scan of the table, on every pair of capitals and more */
    size_t known = 0;
    for (char a = 'A'; a <= 'Z'; a++)
        for (char b = 'A'; b <= 'Z'; b++) {
            char code[3] = {a, b, '\0'};
            unsigned want = 0;
            for (size_t i = 0; i < kt_country_table_len && !want; i++)
                if (strcmp(kt_country_table[i].a2, code) == 0)
                    want = (unsigned)i + 1;
            known += want != 0;
            if (kt_country_index(code) != want || kt_country_valid(code) != (want != 0)) {
                printf("lookup wrong for %s\n", code);
                bad++;
            }
        }
    const char *never[] = {"", "N", "nl", "Nl", "NLD", "N1", "@A", "[A", "A@", "Z[", "NL "};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (kt_country_index(never[i]) || kt_country_valid(never[i])) {
            printf("\"%s\" taken for a code\n", never[i]);
            bad++;
        }
    printf("two-letter lookup: %zu codes of %zu rows found, none else\n", known, kt_country_table_len);
    return bad != 0;
}
