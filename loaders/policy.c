/* policy.c: reading a policy file (JSON) into a kt_policy.
 *
 *   {"keten_policy": "1", "name": "...", "note": "...",
 *    "C1":  {"countries": ["..."], "meaning": "...", "sources": ["..."]},
 *    "C2":  {...}, "gpa": {...}, "eu": {...},            (a plain array of codes also works)
 *    "agreements": {...},          (optional: EU trade agreements covering procurement)
 *    "state_owned_counts": "any" | ["C1", ...],          (optional; default "any")
 *    "prohibitions": [{"id", "legal_basis", "countries": [...], "owned_above": 50,
 *                      "covered_share_above": 10, "meaning", "sources": [...]}],   (optional)
 *    "thresholds": {"owner_share": 10, "control": 50, "max_depth": 25},   (each may have a
 *                                                       "..._source" beside it)
 *    "marks": {"findings": ["sanction", "debarment", "export_control"], "meaning": "..."},
 *                                                  (optional; a plain array of kinds also works)
 *    "directors_control": false,                       (optional: director_of counts as control)
 *    "measures": [...]}                                  (optional: loaders/measures.c)
 *
 * C1, C2, gpa and eu must be present (an empty list is fine and says so); codes are ISO 3166-1
 * alpha-2.  A key keten does not know is an error (a typo would otherwise be ignored).
 * Problems are reported as file:line: message.  Complexity: O(file size). */
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

/* Every key of object o must be in keys (NULL-terminated), or end in suffix when one is given. */
static kt_err known_keys(const cJSON *o, const char *const *keys, const char *suffix, const char *what,
                         const char *path, const char *text, size_t len, kt_errinfo *ei)
{
    for (const cJSON *k = o->child; k; k = k->next) {
        int ok = 0;
        for (size_t i = 0; keys[i] && !ok; i++)
            ok = strcmp(k->string, keys[i]) == 0;
        size_t n = strlen(k->string), m = suffix ? strlen(suffix) : 0;
        if (!ok && suffix && n > m && strcmp(k->string + n - m, suffix) == 0)
            ok = 1;
        if (!ok) {
            char q[160];
            snprintf(q, sizeof q, "\"%s\"", k->string);
            return kt_errinfo_set(ei, KT_EINVALID, path, kt_load_i_line_of(text, len, q), "unknown key \"%s\" in %s",
                                  k->string, what);
        }
    }
    return KT_OK;
}

/* Country codes from list (key names the set for messages) into the bitmap through add. */
static kt_err read_countries(const cJSON *list, const char *key, void (*add)(void *, unsigned), void *to,
                             const char *path, const char *text, size_t len, kt_errinfo *ei)
{
    if (!cJSON_IsArray(list))
        return policy_error(ei, path, text, len, key,
                            "policy set \"%s\" must be a list of country codes or {\"countries\": [...]}", key);
    for (const cJSON *c = list->child; c; c = c->next) {
        if (!cJSON_IsString(c))
            return policy_error(ei, path, text, len, key, "policy set \"%s\" holds a non-string", key);
        unsigned idx = kt_country_index(c->valuestring);
        if (!idx)
            return policy_error(ei, path, text, len, c->valuestring,
                                "\"%s\" is not an ISO 3166-1 alpha-2 country code", c->valuestring);
        add(to, idx);
    }
    return KT_OK;
}

typedef struct {
    kt_policy *p;
    kt_policy_set s;
} set_to;

static void add_to_set(void *to, unsigned idx)
{
    set_to *x = to;
    kt_policy_set_add(x->p, x->s, idx);
}

static void add_to_prohibition(void *to, unsigned idx)
{
    kt_prohibition *x = to;
    x->countries[idx / 8] |= (uint8_t)(1u << (idx % 8));
}

static const char *const set_fields[] = {"countries", "meaning", "sources", "note", NULL};

static kt_err read_set(kt_policy *p, kt_policy_set s, const cJSON *v, const char *path, const char *text,
                       size_t len, kt_errinfo *ei)
{
    kt_err rc;
    const cJSON *list = v;
    const char *key = kt_policy_set_key(s);
    char what[64];
    if (cJSON_IsObject(v)) {
        snprintf(what, sizeof what, "policy set \"%s\"", key);
        if ((rc = known_keys(v, set_fields, NULL, what, path, text, len, ei)) != KT_OK)
            return rc;
        list = cJSON_GetObjectItemCaseSensitive(v, "countries");
    }
    kt_policy_set_given(p, s);
    set_to to = {p, s};
    return read_countries(list, key, add_to_set, &to, path, text, len, ei);
}

/* "state_owned_counts": "any" or a list of set names. */
static kt_err read_state_counts(kt_policy *p, const cJSON *v, const char *path, const char *text, size_t len,
                                kt_errinfo *ei)
{
    static const char msg[] = "%s must be \"any\" or a list of set names (C1, C2, gpa, eu, agreements)";
    unsigned mask = 0;
    if (cJSON_IsString(v) && strcmp(v->valuestring, "any") == 0)
        return KT_OK;
    if (!cJSON_IsArray(v) || !v->child)
        return policy_error(ei, path, text, len, "state_owned_counts", msg, "state_owned_counts");
    for (const cJSON *c = v->child; c; c = c->next) {
        int found = -1;
        for (int s = 0; s < KT_SET__COUNT && cJSON_IsString(c); s++)
            if (strcmp(c->valuestring, kt_policy_set_key((kt_policy_set)s)) == 0)
                found = s;
        if (found < 0)
            return policy_error(ei, path, text, len, "state_owned_counts", msg, "state_owned_counts");
        mask |= 1u << found;
    }
    kt_policy_state_counts_sets(p, mask);
    return KT_OK;
}

static kt_err read_number(const cJSON *t, const char *key, double lo, double hi, double *out, const char *path,
                          const char *text, size_t len, kt_errinfo *ei);

static const char *const prohibition_fields[] = {"id",       "legal_basis", "countries", "owned_above",
                                                 "covered_share_above", "meaning", "sources", "note", NULL};

/* "prohibitions": [{...}] (see the top of this file). */
static kt_err read_prohibitions(kt_policy *p, const cJSON *v, const char *path, const char *text, size_t len,
                                kt_errinfo *ei)
{
    kt_err rc;
    if (!cJSON_IsArray(v))
        return policy_error(ei, path, text, len, "prohibitions", "%s must be a list of objects", "prohibitions");
    for (const cJSON *o = v->child; o; o = o->next) {
        if (!cJSON_IsObject(o))
            return policy_error(ei, path, text, len, "prohibitions", "%s must be a list of objects", "prohibitions");
        if ((rc = known_keys(o, prohibition_fields, NULL, "a prohibition", path, text, len, ei)) != KT_OK)
            return rc;
        const char *id = kt_load_i_jstr(o, "id"), *basis = kt_load_i_jstr(o, "legal_basis");
        if (!id || !id[0] || !basis || !basis[0])
            return policy_error(ei, path, text, len, "prohibitions", "%s: each needs an \"id\" and a \"legal_basis\"",
                                "prohibitions");
        const cJSON *src = cJSON_GetObjectItemCaseSensitive(o, "sources");
        const char *source = cJSON_IsArray(src) && cJSON_IsString(src->child) ? src->child->valuestring : "";
        kt_prohibition *x = kt_policy_prohibition_add(p, id, basis, source);
        if (!x) {
            if (kt_policy_prohibition_count(p) < KT_PROHIBITION_MAX)
                return KT_ENOMEM;
            return policy_error(ei, path, text, len, id, "too many prohibitions (at most 4)%s", "");
        }
        if ((rc = read_countries(cJSON_GetObjectItemCaseSensitive(o, "countries"), id, add_to_prohibition, x, path,
                                 text, len, ei)) != KT_OK ||
            (rc = read_number(o, "owned_above", 0, 100, &x->owned_above, path, text, len, ei)) != KT_OK ||
            (rc = read_number(o, "covered_share_above", 0, 100, &x->covered_share_above, path, text, len, ei)) !=
                KT_OK)
            return rc;
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
        return kt_errinfo_set(ei, KT_EINVALID, path, kt_load_i_line_of(text, len, q),
                              "threshold \"%s\" must be a number from %g to %g", key, lo, hi);
    }
    *out = v->valuedouble;
    return KT_OK;
}

/* "marks": which kinds of entity marks in force make a finding. */
static kt_err read_marks(kt_policy *p, const cJSON *v, const char *path, const char *text, size_t len,
                         kt_errinfo *ei)
{
    static const char *const fields[] = {"findings", "meaning", "sources", "note", NULL};
    kt_err rc;
    if (cJSON_IsObject(v) && (rc = known_keys(v, fields, NULL, "\"marks\"", path, text, len, ei)) != KT_OK)
        return rc;
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
    static const char *const top_keys[] = {"keten_policy", "name", "note", "C1", "C2", "gpa", "eu", "agreements",
                                           "state_owned_counts", "prohibitions", "thresholds", "marks", "directors_control",
                                           "measures", NULL};
    static const char *const threshold_keys[] = {"owner_share", "control", "max_depth", NULL};
    if ((rc = known_keys(doc, top_keys, NULL, "the policy", path, text, len, ei)) != KT_OK)
        goto out;
    for (int s = 0; s < KT_SET__COUNT; s++) {
        const char *key = kt_policy_set_key((kt_policy_set)s);
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, key);
        if (!v && s == KT_SET_AGREEMENTS)
            continue; /* optional: the aw2012 route says it is unknown where it would matter */
        if (!v) {
            rc = kt_errinfo_set(ei, KT_EINVALID, path, 1, "policy has no set \"%s\" (give an empty list if none apply)",
                                key);
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
        if ((rc = known_keys(t, threshold_keys, "_source", "\"thresholds\"", path, text, len, ei)) != KT_OK)
            goto out;
        if ((rc = read_number(t, "owner_share", 0, 100, &th->owner_share, path, text, len, ei)) != KT_OK ||
            (rc = read_number(t, "control", 0, 100, &th->control, path, text, len, ei)) != KT_OK ||
            (rc = read_number(t, "max_depth", 1, 1000000, &depth, path, text, len, ei)) != KT_OK)
            goto out;
        th->max_depth = (int)depth;
    }
    const cJSON *so = cJSON_GetObjectItemCaseSensitive(doc, "state_owned_counts");
    if (so && (rc = read_state_counts(p, so, path, text, len, ei)) != KT_OK)
        goto out;
    const cJSON *pr = cJSON_GetObjectItemCaseSensitive(doc, "prohibitions");
    if (pr && (rc = read_prohibitions(p, pr, path, text, len, ei)) != KT_OK)
        goto out;
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
