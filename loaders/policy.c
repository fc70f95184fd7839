/* policy.c: reading a policy file (JSON) into a kt_policy.
 *
 *   {"keten_policy": "1", "name": "...",
 *    "C1":  {"countries": ["..."], "meaning": "...", "sources": ["..."]},
 *    "C2":  {...}, "gpa": {...}, "eu": {...},            (a plain array of codes also works)
 *    "thresholds": {"owner_share": 10, "control": 50, "max_depth": 25},
 *    "marks": {"findings": ["sanction", "debarment", "export_control"], "meaning": "..."},
 *                                                  (optional; a plain array of kinds also works)
 *    "directors_control": false,                       (optional: director_of counts as control)
 *    "measures": [...]}                                  (optional: loaders/measures.c)
 *
 * Every set must be present (an empty list is fine and says so); codes are ISO 3166-1
 * alpha-2.  Problems are reported as file:line: message.  Complexity: O(file size). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

static kt_err policy_error(kt_errinfo *ei, const char *path, const char *text, size_t len, const char *needle,
                           const char *fmt, const char *arg)
{
    char q[160];
    snprintf(q, sizeof q, "\"%s\"", needle);
    return kt_errinfo_set(ei, KT_EINVALID, path, kt_load_i_line_of(text, len, q), fmt, arg);
}

static const char *set_keys[KT_SET__COUNT] = {"C1", "C2", "gpa", "eu"};

static kt_err read_set(kt_policy *p, kt_policy_set s, const cJSON *v, const char *path, const char *text,
                       size_t len, kt_errinfo *ei)
{
    const cJSON *list = v;
    if (cJSON_IsObject(v))
        list = cJSON_GetObjectItemCaseSensitive(v, "countries");
    if (!cJSON_IsArray(list))
        return policy_error(ei, path, text, len, set_keys[s],
                            "policy set \"%s\" must be a list of country codes or {\"countries\": [...]}",
                            set_keys[s]);
    kt_policy_set_given(p, s);
    for (const cJSON *c = list->child; c; c = c->next) {
        if (!cJSON_IsString(c))
            return policy_error(ei, path, text, len, set_keys[s], "policy set \"%s\" holds a non-string",
                                set_keys[s]);
        unsigned idx = kt_country_index(c->valuestring);
        if (!idx)
            return policy_error(ei, path, text, len, c->valuestring,
                                "\"%s\" is not an ISO 3166-1 alpha-2 country code", c->valuestring);
        kt_policy_set_add(p, s, idx);
    }
    return KT_OK;
}

static kt_err read_number(const cJSON *t, const char *key, double lo, double hi, double *out, const char *path,
                          const char *text, size_t len, kt_errinfo *ei)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(t, key);
    if (!v)
        return KT_OK;
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < lo || v->valuedouble > hi) {
        char q[64];
        snprintf(q, sizeof q, "\"%s\"", key);
        return kt_errinfo_set(ei, KT_EINVALID, path, kt_load_i_line_of(text, len, q), "threshold \"%s\" must be a number from %g to %g",
                              key, lo, hi);
    }
    *out = v->valuedouble;
    return KT_OK;
}

/* "marks": which kinds of entity marks in force make a finding. */
static kt_err read_marks(kt_policy *p, const cJSON *v, const char *path, const char *text, size_t len,
                         kt_errinfo *ei)
{
    const cJSON *list = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, "findings") : v;
    if (!cJSON_IsArray(list))
        return policy_error(ei, path, text, len, "marks", "policy \"%s\" must be a list of mark kinds or "
                            "{\"findings\": [...]}", "marks");
    for (const cJSON *c = list->child; c; c = c->next) {
        kt_mark_kind k;
        if (!cJSON_IsString(c) || kt_mark_kind_parse(c->valuestring, &k) != 0 || !kt_mark_reason(k))
            return policy_error(ei, path, text, len, cJSON_IsString(c) ? c->valuestring : "marks",
                                "\"%s\" is not a mark kind that can make a finding (sanction, debarment, "
                                "export_control)",
                                cJSON_IsString(c) ? c->valuestring : "?");
        kt_policy_mark_set(p, k);
    }
    return KT_OK;
}

kt_err kt_load_policy_buffer(const char *path, const char *text, size_t len, kt_policy **out, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    kt_policy *p = NULL;
    cJSON *doc;

    *out = NULL;
    if ((rc = kt_load_i_json_parse_doc(path, "policy", text, len, &doc, ei)) != KT_OK)
        return rc;
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(doc, "keten_policy");
    if (!cJSON_IsObject(doc) || !cJSON_IsString(ver) || strcmp(ver->valuestring, "1") != 0) {
        rc = kt_errinfo_set(ei, KT_EINVALID, path, 1, "not a keten policy file (needs \"keten_policy\": \"1\")");
        goto out;
    }
    if (!(p = kt_policy_new())) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (int s = 0; s < KT_SET__COUNT; s++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, set_keys[s]);
        if (!v) {
            rc = kt_errinfo_set(ei, KT_EINVALID, path, 1, "policy has no set \"%s\" (give an empty list if none apply)",
                                set_keys[s]);
            goto out;
        }
        if ((rc = read_set(p, (kt_policy_set)s, v, path, text, len, ei)) != KT_OK)
            goto out;
    }
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(doc, "thresholds");
    if (t) {
        kt_policy_thresholds *th = kt_policy_thresholds_mut(p);
        double depth = th->max_depth;
        if (!cJSON_IsObject(t)) {
            rc = policy_error(ei, path, text, len, "thresholds", "%s must be an object", "thresholds");
            goto out;
        }
        if ((rc = read_number(t, "owner_share", 0, 100, &th->owner_share, path, text, len, ei)) != KT_OK ||
            (rc = read_number(t, "control", 0, 100, &th->control, path, text, len, ei)) != KT_OK ||
            (rc = read_number(t, "max_depth", 1, 1000000, &depth, path, text, len, ei)) != KT_OK)
            goto out;
        th->max_depth = (int)depth;
    }
    const cJSON *marks = cJSON_GetObjectItemCaseSensitive(doc, "marks");
    if (marks && (rc = read_marks(p, marks, path, text, len, ei)) != KT_OK)
        goto out;
    const cJSON *dc = cJSON_GetObjectItemCaseSensitive(doc, "directors_control");
    if (dc && !cJSON_IsBool(dc)) {
        rc = policy_error(ei, path, text, len, "directors_control", "policy \"%s\" must be true or false",
                          "directors_control");
        goto out;
    }
    kt_policy_set_directors_control(p, cJSON_IsTrue(dc));
    if ((rc = kt_load_i_measures(p, doc, path, text, len, ei)) != KT_OK)
        goto out;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(doc, "name");
    if ((rc = kt_policy_set_text(p, cJSON_IsString(name) ? name->valuestring : NULL, path)) != KT_OK)
        goto out;
    *out = p;
    p = NULL;
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, path, 0, "out of memory");
    kt_policy_free(p);
    cJSON_Delete(doc);
    return rc;
}

static kt_err parse_doc(const char *path, const char *text, size_t len, void *out, kt_errinfo *ei)
{
    return kt_load_policy_buffer(path, text, len, out, ei);
}

kt_err kt_load_policy(const char *path, kt_policy **out, kt_errinfo *ei)
{
    *out = NULL;
    return kt_load_i_read_doc(path, "policy", parse_doc, out, ei);
}
