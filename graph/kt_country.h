/* kt_country.h: ISO 3166-1 codes: validation and normalisation of country names and codes.
 * Reference data only; which countries matter is always the policy file's business. */
#ifndef KT_COUNTRY_H
#define KT_COUNTRY_H

#include <stddef.h>

typedef struct {
    const char *a2, *a3, *name, *official, *common; /* official/common may be NULL */
} kt_country_row;

extern const kt_country_row kt_country_table[];
extern const size_t kt_country_table_len;

/* 1 when s is an assigned ISO 3166-1 alpha-2 code in upper case (or XK). */
int kt_country_valid(const char *s);

/* 1 + the row of alpha-2 code s in kt_country_table, or 0 when s is NULL or not a code.
 * Country indexes are small (< 256): analyses keep per-country sets as bitmaps.
 * Complexity: O(log table). */
unsigned kt_country_index(const char *s);
#define KT_COUNTRY_MAX 256

/* Normalise a country as found in the wild (alpha-2 in any case, alpha-3, an English short,
 * official or common name, case- and punctuation-insensitive) to alpha-2.  Returns the static
 * code, or NULL when unrecognised.  Complexity: O(table) for names, O(log table) for codes. */
const char *kt_country_normalise(const char *s);

#endif
