/* measures.c: the "measures" list of a policy file (see graph/kt_measures.h):
 *
 *   "measures": [{"id": "approval-of-subcontractors", "title": "...",
 *                 "applies_to": ["subcontractor", "supplier"],
 *                 "requirement": "...", "source": "..."}]
 *
 * Every field is required and must be text (applies_to a non-empty list of kinds); ids are
 * unique; other keys are errors.  Complexity: O(file size). */
#include <string.h>

#include "load_i.h"

static const char *const keys[] = {"applies_to", "id", "requirement", "source", "title"};

kt_err kt_load_i_measures(kt_policy *p, const cJSON *doc, const char *path, const char *text, size_t len,
                          kt_errinfo *ei)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "measures");
    kt_measures *c = NULL;
    long *lines = NULL;
    size_t nlines = 0, i = 0;
    kt_err rc = KT_OK;
    if (!list)
        return KT_OK;
    if (!cJSON_IsArray(list))
        return kt_errinfo_set(ei, KT_EINVALID, path, kt_load_i_line_of(text, len, "\"measures\""),
                              "\"measures\" must be a list of measures");
    if (kt_load_i_json_elem_lines(text, len, "measures", &lines, &nlines) != 0 || !(c = kt_measures_new())) {
        rc = kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
        goto out;
    }
    for (const cJSON *m = list->child; m; m = m->next, i++) {
        long line = i < nlines ? lines[i] : 1;
        kt_measure x = {0};
        x.line = line;
        if (!cJSON_IsObject(m)) {
            rc = kt_errinfo_set(ei, KT_EINVALID, path, line, "a measure must be an object");
            goto out;
        }
        for (const cJSON *f = m->child; f; f = f->next) {
            size_t k = 0;
            while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k], f->string) != 0)
                k++;
            if (k == sizeof keys / sizeof keys[0]) {
                rc = kt_errinfo_set(ei, KT_EINVALID, path, line,
                                    "unknown key \"%s\" in a measure (id, title, applies_to, requirement, source)",
                                    f->string);
                goto out;
            }
        }
        const char *need[] = {"id", "title", "requirement", "source"};
        const char *val[4];
        for (int k = 0; k < 4; k++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, need[k]);
            if (!cJSON_IsString(v) || !v->valuestring[0]) {
                rc = kt_errinfo_set(ei, KT_EINVALID, path, line, "a measure needs \"%s\" as text", need[k]);
                goto out;
            }
            val[k] = v->valuestring;
        }
        x.id = (char *)val[0];
        x.title = (char *)val[1];
        x.requirement = (char *)val[2];
        x.source = (char *)val[3];
        const cJSON *kinds = cJSON_GetObjectItemCaseSensitive(m, "applies_to");
        if (!cJSON_IsArray(kinds) || !kinds->child) {
            rc = kt_errinfo_set(ei, KT_EINVALID, path, line, "measure \"%s\" needs \"applies_to\": a list of kinds",
                                x.id);
            goto out;
        }
        for (const cJSON *k = kinds->child; k; k = k->next) {
            unsigned bits;
            if (!cJSON_IsString(k) || kt_measure_kind_parse(k->valuestring, &bits) != 0) {
                rc = kt_errinfo_set(ei, KT_EINVALID, path, line,
                                    "measure \"%s\": unknown kind \"%s\" (party, ownership, control, supplier, "
                                    "subcontractor, component, access, unknown, any)",
                                    x.id, cJSON_IsString(k) ? k->valuestring : "?");
                goto out;
            }
            x.kinds |= bits;
        }
        if ((rc = kt_measures_add(c, &x)) != KT_OK) {
            kt_errinfo_set(ei, rc, path, line, rc == KT_EINVALID ? "measure \"%s\" is listed twice" : "out of memory",
                           x.id);
            goto out;
        }
    }
    kt_policy_set_measures(p, c);
    c = NULL;
out:
    kt_measures_free(c);
    free(lines);
    return rc;
}
