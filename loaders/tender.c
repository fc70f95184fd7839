/* tender.c: reading a tender file (JSON) into a kt_tender.
 *
 *   {"keten_tender": "1", "id": "...", "title": "...", "authority": "...",
 *    "regime": "aw2012" | "adv" | "none",
 *    "covered_by_agreements": true,   (optional; false: the contract is outside the GPA and
 *                                      the EU's trade agreements)
 *    "access": ["sensitive_locations", "sensitive_ict", "vital_infrastructure"],   (C3A)
 *    "mitigation": "sufficient" | "insufficient" | "unknown",                      (C3B)
 *    "data": ["graph.jsonl", ...], "policy": "policy.json",   (relative to the tender file)
 *    "as_of": "2026-12-01",   (optional: only relations valid on that date count)
 *    "bidders": [{"id", "name", "consortium": "entity-id"},
 *                {"id", "name", "members": [PARTY], "subcontractors": [PARTY], "offers": [item ids]}]}
 *   PARTY: "entity-id" | {"id", "lead": true, "share": 15, "access": [...]}
 *     (share: per cent of the contract value; access: what that party gets, by default the
 *     tender's for members and none for subcontractors)
 *
 * A key keten does not know is an error at its line (a typo such as "ownr_share" would
 * otherwise be ignored).  Entity ids are checked against the graph later
 * (analyses/screen.c), with the bidder's line.
 * Problems: file:line: message, KT_EINVALID.  Complexity: O(file size). */
#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../graph/kt_tender.h"
#include "load_i.h"

typedef struct {
    const char *path, *text;
    size_t len;
    kt_errinfo *ei;
} ctx;

static long line_of_key(const ctx *c, const char *key)
{
    char q[128];
    snprintf(q, sizeof q, "\"%s\"", key);
    return kt_load_i_line_of(c->text, c->len, q);
}

static kt_err fail(const ctx *c, long line, const char *fmt, const char *a, const char *b)
{
    return kt_errinfo_set(c->ei, KT_EINVALID, c->path, line, fmt, a, b);
}

/* The line of the first "key" at or after line from. */
static long line_of_key_from(const ctx *c, long from, const char *key)
{
    char q[160];
    size_t off = 0;
    long line = 1;
    for (; off < c->len && line < from; off++)
        line += c->text[off] == '\n';
    snprintf(q, sizeof q, "\"%s\"", key);
    return kt_load_i_line_of(c->text + off, c->len - off, q) + line - 1;
}

/* Every key of object o must be one of keys (NULL-terminated). */
static kt_err known_keys(const ctx *c, const cJSON *o, const char *const *keys, long from, const char *what)
{
    for (const cJSON *k = o->child; k; k = k->next) {
        size_t i = 0;
        while (keys[i] && strcmp(k->string, keys[i]) != 0)
            i++;
        if (!keys[i])
            return fail(c, line_of_key_from(c, from, k->string), "unknown key \"%s\" in %s", k->string, what);
    }
    return KT_OK;
}

/* An access list into KT_ACCESS_* bits. */
static kt_err read_access(const ctx *c, const cJSON *acc, long line, unsigned *out)
{
    *out = 0;
    if (!cJSON_IsArray(acc))
        return fail(c, line, "\"access\" must be a list%s%s", "", "");
    for (const cJSON *a = acc->child; a; a = a->next) {
        const char *v = cJSON_IsString(a) ? a->valuestring : "";
        if (strcmp(v, "sensitive_locations") == 0)
            *out |= KT_ACCESS_LOCATIONS;
        else if (strcmp(v, "sensitive_ict") == 0)
            *out |= KT_ACCESS_ICT;
        else if (strcmp(v, "vital_infrastructure") == 0)
            *out |= KT_ACCESS_INFRASTRUCTURE;
        else
            return fail(c, line, "unknown access \"%s\" (sensitive_locations, sensitive_ict, vital_infrastructure)%s",
                        v, "");
    }
    return KT_OK;
}

/* Resolve name against the folder of the tender file. */
static char *resolve(const char *tender_path, const char *name)
{
    if (name[0] == '/')
        return strdup(name);
    char *copy = strdup(tender_path);
    if (!copy)
        return NULL;
    const char *dir = dirname(copy);
    size_t n = strlen(dir) + strlen(name) + 2;
    char *out = malloc(n);
    if (out) {
        if (strcmp(dir, ".") == 0)
            snprintf(out, n, "%s", name);
        else
            snprintf(out, n, "%s/%s", dir, name);
    }
    free(copy);
    return out;
}

static kt_err str_field(const ctx *c, const cJSON *o, const char *key, int required, long line, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    *out = NULL;
    if (!v || cJSON_IsNull(v)) {
        if (required)
            return fail(c, line, "tender needs \"%s\"%s", key, "");
        return KT_OK;
    }
    if (!cJSON_IsString(v))
        return fail(c, line, "field \"%s\" must be a string%s", key, "");
    *out = strdup(v->valuestring);
    return *out ? KT_OK : KT_ENOMEM;
}

/* A list of strings (a single string counts as a list of one). */
static kt_err str_list(const ctx *c, const cJSON *v, const char *key, long line, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!v || cJSON_IsNull(v))
        return KT_OK;
    if (cJSON_IsString(v)) {
        if (!(*out = calloc(1, sizeof **out)) || !((*out)[0] = strdup(v->valuestring)))
            return KT_ENOMEM;
        *n = 1;
        return KT_OK;
    }
    if (!cJSON_IsArray(v))
        return fail(c, line, "field \"%s\" must be a list of strings%s", key, "");
    size_t cnt = (size_t)cJSON_GetArraySize(v);
    if (cnt && !(*out = calloc(cnt, sizeof **out)))
        return KT_ENOMEM;
    for (const cJSON *x = v->child; x; x = x->next) {
        if (!cJSON_IsString(x))
            return fail(c, line, "field \"%s\" must be a list of strings%s", key, "");
        if (!((*out)[*n] = strdup(x->valuestring)))
            return KT_ENOMEM;
        (*n)++;
    }
    return KT_OK;
}

/* Members (member 1) or subcontractors: ids or {"id", "lead", "share", "access"}. */
static kt_err read_parties(const ctx *c, const kt_tender_bidder *b, const cJSON *list, int member, long line,
                           kt_tender_member **out, size_t *n)
{
    static const char *const member_keys[] = {"id", "lead", "share", "access", "note", NULL};
    static const char *const sub_keys[] = {"id", "share", "access", "note", NULL};
    const char *what = member ? "a member" : "a subcontractor";
    kt_err rc;
    *out = NULL;
    *n = 0;
    if (!list || cJSON_IsNull(list))
        return KT_OK;
    if (cJSON_IsString(list) || !cJSON_IsArray(list))
        return fail(c, line, "bidder \"%s\": \"%s\" must be a list", b->id, member ? "members" : "subcontractors");
    if (!(*out = calloc((size_t)cJSON_GetArraySize(list) + 1, sizeof **out)))
        return KT_ENOMEM;
    for (const cJSON *m = list->child; m; m = m->next) {
        kt_tender_member *x = &(*out)[*n];
        const cJSON *id = cJSON_IsString(m) ? m : cJSON_GetObjectItemCaseSensitive(m, "id");
        x->share = NAN;
        if (!cJSON_IsString(id))
            return fail(c, line, "bidder \"%s\": %s needs an \"id\"", b->id, what);
        if (!(x->id = strdup(id->valuestring)))
            return KT_ENOMEM;
        (*n)++;
        if (!cJSON_IsObject(m))
            continue;
        if ((rc = known_keys(c, m, member ? member_keys : sub_keys, line, what)) != KT_OK)
            return rc;
        const cJSON *lead = cJSON_GetObjectItemCaseSensitive(m, "lead"), *share = cJSON_GetObjectItemCaseSensitive(m, "share"),
                    *acc = cJSON_GetObjectItemCaseSensitive(m, "access");
        if (lead && !cJSON_IsBool(lead))
            return fail(c, line, "bidder \"%s\": \"lead\" must be true or false%s", b->id, "");
        x->lead = cJSON_IsTrue(lead);
        if (share) {
            if (!cJSON_IsNumber(share) || !isfinite(share->valuedouble) || share->valuedouble < 0 ||
                share->valuedouble > 100)
                return fail(c, line_of_key_from(c, line, "share"), "bidder \"%s\": \"share\" must be a number from 0 to 100%s",
                            b->id, "");
            x->share = share->valuedouble;
        }
        if (acc) {
            if ((rc = read_access(c, acc, line_of_key_from(c, line, "access"), &x->access)) != KT_OK)
                return rc;
            x->access_given = 1;
        }
    }
    return KT_OK;
}

static kt_err read_bidder(const ctx *c, const cJSON *o, long line, kt_tender_bidder *b)
{
    kt_err rc;
    b->line = line;
    if (!cJSON_IsObject(o))
        return fail(c, line, "bidder must be an object%s%s", "", "");
    if ((rc = str_field(c, o, "id", 1, line, &b->id)) != KT_OK || (rc = str_field(c, o, "name", 0, line, &b->name)) != KT_OK ||
        (rc = str_field(c, o, "consortium", 0, line, &b->consortium)) != KT_OK)
        return rc;
    static const char *const bidder_keys[] = {"id", "name", "consortium", "members", "subcontractors", "offers",
                                               "note", NULL};
    if ((rc = known_keys(c, o, bidder_keys, line, "a bidder")) != KT_OK)
        return rc;
    const cJSON *members = cJSON_GetObjectItemCaseSensitive(o, "members");
    if (b->consortium && members)
        return fail(c, line, "bidder \"%s\" gives both \"consortium\" and \"members\"%s", b->id, "");
    if (!b->consortium && !members)
        return fail(c, line, "bidder \"%s\" needs \"consortium\" (an entity id) or \"members\"%s", b->id, "");
    if (members && (!cJSON_IsArray(members) || cJSON_GetArraySize(members) == 0))
        return fail(c, line, "bidder \"%s\": \"members\" must be a non-empty list%s", b->id, "");
    if ((rc = read_parties(c, b, members, 1, line, &b->members, &b->nmembers)) != KT_OK ||
        (rc = read_parties(c, b, cJSON_GetObjectItemCaseSensitive(o, "subcontractors"), 0, line, &b->subcontractors,
                           &b->nsubcontractors)) != KT_OK ||
        (rc = str_list(c, cJSON_GetObjectItemCaseSensitive(o, "offers"), "offers", line, &b->offers, &b->noffers)) !=
            KT_OK)
        return rc;
    return KT_OK;
}

static int cmp_bidder_id(const void *a, const void *b)
{
    const kt_tender_bidder *const *x = a, *const *y = b;
    return strcmp((*x)->id, (*y)->id);
}

kt_err kt_load_tender_buffer(const char *path, const char *text, size_t len, kt_tender **out, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    cJSON *doc = NULL;
    kt_tender *t = NULL;
    long *lines = NULL;
    size_t nlines = 0;
    char *s = NULL;
    kt_tender_bidder **sorted = NULL;
    ctx c = {path, text, len, ei};

    *out = NULL;
    if ((rc = kt_load_i_json_parse_doc(path, "tender", text, len, &doc, ei)) != KT_OK)
        return rc;
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(doc, "keten_tender");
    if (!cJSON_IsObject(doc) || !cJSON_IsString(ver) || strcmp(ver->valuestring, "1") != 0) {
        rc = fail(&c, 1, "not a keten tender file (needs \"keten_tender\": \"1\")%s%s", "", "");
        goto out;
    }
    if (!(t = calloc(1, sizeof *t)) || !(t->path = strdup(path))) {
        rc = KT_ENOMEM;
        goto out;
    }
    static const char *const top_keys[] = {"keten_tender", "id", "title", "authority", "regime",
                                           "covered_by_agreements", "access", "mitigation", "data", "policy",
                                           "as_of", "bidders", "note", NULL};
    if ((rc = known_keys(&c, doc, top_keys, 1, "the tender")) != KT_OK)
        goto out;
    if ((rc = str_field(&c, doc, "id", 1, 1, &t->id)) != KT_OK ||
        (rc = str_field(&c, doc, "title", 0, line_of_key(&c, "title"), &t->title)) != KT_OK ||
        (rc = str_field(&c, doc, "authority", 0, line_of_key(&c, "authority"), &t->authority)) != KT_OK)
        goto out;

    if ((rc = str_field(&c, doc, "regime", 1, 1, &s)) != KT_OK)
        goto out;
    if (strcmp(s, "aw2012") == 0)
        t->regime = KT_REGIME_AW2012;
    else if (strcmp(s, "adv") == 0)
        t->regime = KT_REGIME_ADV;
    else if (strcmp(s, "none") == 0)
        t->regime = KT_REGIME_NONE;
    else {
        rc = fail(&c, line_of_key(&c, "regime"), "unknown regime \"%s\" (aw2012, adv, none)%s", s, "");
        goto out;
    }
    free(s);
    s = NULL;
    const cJSON *cov = cJSON_GetObjectItemCaseSensitive(doc, "covered_by_agreements");
    t->covered_by_agreements = 1;
    if (cov && !cJSON_IsBool(cov)) {
        rc = fail(&c, line_of_key(&c, "covered_by_agreements"), "\"covered_by_agreements\" must be true or false%s%s",
                  "", "");
        goto out;
    }
    if (cov)
        t->covered_by_agreements = cJSON_IsTrue(cov);

    const cJSON *acc = cJSON_GetObjectItemCaseSensitive(doc, "access");
    if (acc && !cJSON_IsNull(acc)) {
        if (!cJSON_IsArray(acc)) {
            rc = fail(&c, line_of_key(&c, "access"), "\"access\" must be a list%s%s", "", "");
            goto out;
        }
        t->access_given = 1;
        if ((rc = read_access(&c, acc, line_of_key(&c, "access"), &t->access)) != KT_OK)
            goto out;
    }
    if ((rc = str_field(&c, doc, "mitigation", 0, 1, &s)) != KT_OK)
        goto out;
    if (!s || strcmp(s, "unknown") == 0)
        t->mitigation = KT_MITIGATION_UNKNOWN;
    else if (strcmp(s, "sufficient") == 0)
        t->mitigation = KT_MITIGATION_SUFFICIENT;
    else if (strcmp(s, "insufficient") == 0)
        t->mitigation = KT_MITIGATION_INSUFFICIENT;
    else {
        rc = fail(&c, line_of_key(&c, "mitigation"), "unknown mitigation \"%s\" (sufficient, insufficient, unknown)%s",
                  s, "");
        goto out;
    }
    free(s);
    s = NULL;

    t->data_line = line_of_key(&c, "data");
    t->policy_line = line_of_key(&c, "policy");
    if ((rc = str_list(&c, cJSON_GetObjectItemCaseSensitive(doc, "data"), "data", line_of_key(&c, "data"), &t->data,
                       &t->ndata)) != KT_OK)
        goto out;
    if (t->ndata == 0) {
        rc = fail(&c, 1, "tender needs \"data\": the graph files to screen against%s%s", "", "");
        goto out;
    }
    for (size_t i = 0; i < t->ndata; i++) {
        char *r = resolve(path, t->data[i]);
        if (!r) {
            rc = KT_ENOMEM;
            goto out;
        }
        free(t->data[i]);
        t->data[i] = r;
    }
    if ((rc = str_field(&c, doc, "policy", 0, 1, &s)) != KT_OK)
        goto out;
    if (s) {
        if (!(t->policy = resolve(path, s))) {
            rc = KT_ENOMEM;
            goto out;
        }
        free(s);
        s = NULL;
    }

    if ((rc = str_field(&c, doc, "as_of", 0, line_of_key(&c, "as_of"), &t->as_of)) != KT_OK)
        goto out;
    if (t->as_of && !(strlen(t->as_of) == 10 && kt_load_i_is_date(t->as_of))) {
        rc = fail(&c, line_of_key(&c, "as_of"), "as_of \"%s\" is not a date (YYYY-MM-DD)%s", t->as_of, "");
        goto out;
    }
    const cJSON *bidders = cJSON_GetObjectItemCaseSensitive(doc, "bidders");
    if (!cJSON_IsArray(bidders) || cJSON_GetArraySize(bidders) == 0) {
        rc = fail(&c, line_of_key(&c, "bidders"), "tender needs a non-empty list \"bidders\"%s%s", "", "");
        goto out;
    }
    if (kt_load_i_json_elem_lines(text, len, "bidders", &lines, &nlines) != 0) {
        rc = KT_ENOMEM;
        goto out;
    }
    t->bidders = calloc((size_t)cJSON_GetArraySize(bidders), sizeof *t->bidders);
    if (!t->bidders) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (const cJSON *b = bidders->child; b; b = b->next) {
        long line = t->nbidders < nlines ? lines[t->nbidders] : 1;
        kt_tender_bidder *x = &t->bidders[t->nbidders++];
        if ((rc = read_bidder(&c, b, line, x)) != KT_OK)
            goto out;
    }
    /* bidder ids must be unique: sort pointers, compare neighbours.  O(n log n) */
    sorted = malloc(t->nbidders * sizeof *sorted);
    if (!sorted) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < t->nbidders; i++)
        sorted[i] = &t->bidders[i];
    qsort(sorted, t->nbidders, sizeof *sorted, cmp_bidder_id);
    for (size_t i = 1; i < t->nbidders; i++)
        if (strcmp(sorted[i - 1]->id, sorted[i]->id) == 0) {
            const kt_tender_bidder *later = sorted[i - 1]->line > sorted[i]->line ? sorted[i - 1] : sorted[i];
            rc = fail(&c, later->line, "bidder id \"%s\" is used twice%s", later->id, "");
            goto out;
        }
    *out = t;
    t = NULL;
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, path, 0, "out of memory");
    free(sorted);
    free(s);
    free(lines);
    kt_tender_free(t);
    cJSON_Delete(doc);
    return rc;
}

/* One file the tender names: under base (the tender's folder, real path) and regular. */
static kt_err check_path(const kt_tender *t, const char *base, const char *file, const char *what, long line,
                         kt_errinfo *ei)
{
    struct stat st;
    char *real = realpath(file, NULL);
    size_t n = strlen(base);
    kt_err rc = KT_OK;
    if (!real)
        return errno == ENOENT ? KT_OK : kt_errinfo_set(ei, KT_EINVALID, t->path, line, "%s file \"%.60s\": %s", what,
                                                        file, strerror(errno));
    if (strncmp(real, base, n) != 0 || (real[n] != '/' && strcmp(base, "/") != 0))
        rc = kt_errinfo_set(ei, KT_EINVALID, t->path, line,
                            "%s file \"%.60s\" is outside the tender's folder (--allow-outside reads it anyway)",
                            what, file);
    else if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
        rc = kt_errinfo_set(ei, KT_EINVALID, t->path, line, "%s file \"%.60s\" is not a regular file", what, file);
    free(real);
    return rc;
}

kt_err kt_tender_check_paths(const kt_tender *t, kt_errinfo *ei)
{
    char *copy = strdup(t->path), *base = NULL;
    kt_err rc = KT_ENOMEM;
    if (!copy || !(base = realpath(dirname(copy), NULL))) {
        if (copy)
            rc = kt_errinfo_set(ei, KT_EIO, t->path, 0, "cannot resolve the tender's folder: %s", strerror(errno));
        else
            kt_errinfo_set(ei, rc, t->path, 0, "out of memory");
        goto out;
    }
    rc = KT_OK;
    for (size_t i = 0; i < t->ndata && rc == KT_OK; i++)
        rc = check_path(t, base, t->data[i], "data", t->data_line, ei);
    if (rc == KT_OK && t->policy)
        rc = check_path(t, base, t->policy, "policy", t->policy_line, ei);
out:
    free(copy);
    free(base);
    return rc;
}

static kt_err parse_doc(const char *path, const char *text, size_t len, void *out, kt_errinfo *ei)
{
    return kt_load_tender_buffer(path, text, len, out, ei);
}

kt_err kt_load_tender(const char *path, kt_tender **out, kt_errinfo *ei)
{
    *out = NULL;
    return kt_load_i_read_doc(path, "tender", parse_doc, out, ei);
}
