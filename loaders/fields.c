/* fields.c: one-pass member lookup and value readers (see fields.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

void kt_load_i_fields(kt_load_ctx *c, const cJSON *obj, const char *const *keys, size_t n, const cJSON **vals,
                      int warn, long line, const char *record)
{
    for (size_t i = 0; i < n; i++)
        vals[i] = NULL;
    for (const cJSON *f = obj->child; f; f = f->next) {
        /* key tables are short: comparing first letters before strcmp beats a binary search */
        const char *const *k = NULL;
        for (size_t i = 0; f->string && i < n && !k; i++)
            if (kt_load_i_streq(keys[i], f->string))
                k = &keys[i];
        if (k) {
            if (!vals[k - keys])
                vals[k - keys] = f; /* the first of a repeated key wins, as with cJSON's getter */
        } else if (warn) {
            kt_diags_add(c->d, KT_SEV_WARNING, "field_unknown", c->file, line, record,
                         "unknown field \"%s\" is ignored", f->string ? f->string : "");
        }
    }
}

const char *kt_load_i_v_str(kt_load_ctx *c, const cJSON *v, const char *key, long line, const char *record, int *bad)
{
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v)) {
        kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, record, "field \"%s\" must be a string", key);
        *bad = 1;
        return NULL;
    }
    return v->valuestring;
}

int kt_load_i_v_bool(kt_load_ctx *c, const cJSON *v, const char *key, long line, const char *record, int *bad,
                     int *value)
{
    if (!v || cJSON_IsNull(v))
        return 0;
    if (!cJSON_IsBool(v)) {
        kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, record, "field \"%s\" must be true or false",
                     key);
        *bad = 1;
        return 0;
    }
    *value = cJSON_IsTrue(v);
    return 1;
}

kt_ival kt_load_i_v_share(kt_load_ctx *c, const cJSON *v, const char *key, long line, const char *record, int *bad)
{
    kt_ival iv = kt_ival_unknown();
    if (!v || cJSON_IsNull(v))
        return iv;
    if (cJSON_IsNumber(v)) {
        iv.min = iv.max = v->valuedouble;
    } else if (cJSON_IsObject(v)) {
        const cJSON *mn = cJSON_GetObjectItemCaseSensitive(v, "min");
        const cJSON *mx = cJSON_GetObjectItemCaseSensitive(v, "max");
        if (!cJSON_IsNumber(mn) || !cJSON_IsNumber(mx))
            goto wrong;
        iv.min = mn->valuedouble;
        iv.max = mx->valuedouble;
    } else {
        goto wrong;
    }
    if (!isfinite(iv.min) || !isfinite(iv.max)) {
        kt_diags_add(c->d, KT_SEV_ERROR, "share_out_of_range", c->file, line, record, "%s is not a finite number", key);
        *bad = 1;
        return kt_ival_unknown();
    }
    return iv;
wrong:
    kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, record,
                 "field \"%s\" must be a number or {\"min\": a, \"max\": b}", key);
    *bad = 1;
    return kt_ival_unknown();
}
