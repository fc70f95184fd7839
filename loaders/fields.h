/* fields.h: reading a JSON object's members in one pass (internal to loaders/).
 *
 * cJSON_GetObjectItemCaseSensitive scans the members with strcmp on every call; a record
 * read field by field costs members x fields compares, which dominates loading at 10M
 * records.  kt_load_i_fields() walks the members once and files each under its key's
 * position in a sorted key table; the kt_load_i_v_* readers then take the value itself. */
#ifndef KT_LOAD_FIELDS_H
#define KT_LOAD_FIELDS_H

#include "load_i.h"

/* keys: n of them (kept sorted, for readers).  vals[i] receives the member named keys[i] or NULL.  Members
 * with other names get a field_unknown warning at line/record when warn is set.
 * Complexity: O(members x n): key tables are short. */
void kt_load_i_fields(kt_load_ctx *c, const cJSON *obj, const char *const *keys, size_t n, const cJSON **vals,
                      int warn, long line, const char *record);

const char *kt_load_i_v_str(kt_load_ctx *c, const cJSON *v, const char *key, long line, const char *record, int *bad);
int kt_load_i_v_bool(kt_load_ctx *c, const cJSON *v, const char *key, long line, const char *record, int *bad,
                     int *value);
kt_ival kt_load_i_v_share(kt_load_ctx *c, const cJSON *v, const char *key, long line, const char *record, int *bad);

#endif
