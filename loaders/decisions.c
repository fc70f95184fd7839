/* decisions.c: reading an assessor's decisions file (JSON) into a kt_decisions.
 *
 *   {"keten_decisions": "1", "tender": "POL-2026-ANPR-04",
 *    "decisions": [
 *      {"bidder": "B2", "about": "finding", "key": "0123456789abcdef", "node": "state-optics",
 *       "assessment": "...", "measures": ["origin-of-components"],
 *       "decision": "require_measures" | "accept" | "ask_bidder" | "exclude" | null,
 *       "reasoning": "...", "by": "...", "date": "2026-11-20"},
 *      {"bidder": "B5", "about": "C3A", "access": ["sensitive_ict"], "reasoning", "by", "date"},
 *      {"bidder": "B5", "about": "C3B", "mitigation": "sufficient" | "insufficient" | null, ...},
 *      {"bidder": "B4", "about": "bidder", "decision": "...", "reasoning", "by", "date"}]}
 *
 * A null decision, access or mitigation is a judgement not yet made (what
 * keten screen --decisions-template writes).  One entry per bidder and finding key, and per
 * bidder and about for the others.  Unknown keys are errors.  Whether the bidders, the tender
 * and the measures exist is checked against the tender and the policy later (kt_case_check).
 * Problems: file:line: message, KT_EINVALID.  Complexity: O(file size + n log n + n k) for n
 * entries and k entries per bidder (the duplicate check looks at the bidder's own entries). */
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_decisions.h"
#include "load_i.h"

static const char *const keys[] = {"about",    "access", "assessment", "bidder",    "by",  "date",
                                   "decision", "key",    "measures",   "mitigation", "node", "reasoning"};

static int is_date(const char *s)
{
    static const char pat[] = "dddd-dd-dd";
    for (size_t i = 0; i < sizeof pat - 1; i++)
        if (!s[i] || (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-'))
            return 0;
    return s[sizeof pat - 1] == '\0';
}

static int is_key(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return 0;
    return n == 16;
}

/* An optional text field into *out (a copy; NULL when absent or null). */
static kt_err text(const cJSON *o, const char *key, char **out, const char *path, long line, kt_errinfo *ei)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    *out = NULL;
    if (!v || cJSON_IsNull(v))
        return KT_OK;
    if (!cJSON_IsString(v))
        return kt_errinfo_set(ei, KT_EINVALID, path, line, "\"%s\" must be text", key);
    if (!(*out = strdup(v->valuestring)))
        return kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
    return KT_OK;
}

static kt_err entry(kt_decision_rec *x, const cJSON *o, const char *path, long line, kt_errinfo *ei)
{
    kt_err rc;
    char *about = NULL, *dec = NULL, *mit = NULL;
    x->line = line;
    if (!cJSON_IsObject(o))
        return kt_errinfo_set(ei, KT_EINVALID, path, line, "a decision must be an object");
    for (const cJSON *f = o->child; f; f = f->next) {
        size_t k = 0;
        while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k], f->string) != 0)
            k++;
        if (k == sizeof keys / sizeof keys[0])
            return kt_errinfo_set(ei, KT_EINVALID, path, line, "unknown key \"%s\" in a decision", f->string);
    }
    if ((rc = text(o, "bidder", &x->bidder, path, line, ei)) != KT_OK ||
        (rc = text(o, "key", &x->key, path, line, ei)) != KT_OK ||
        (rc = text(o, "node", &x->node, path, line, ei)) != KT_OK ||
        (rc = text(o, "assessment", &x->assessment, path, line, ei)) != KT_OK ||
        (rc = text(o, "reasoning", &x->reasoning, path, line, ei)) != KT_OK ||
        (rc = text(o, "by", &x->by, path, line, ei)) != KT_OK ||
        (rc = text(o, "date", &x->date, path, line, ei)) != KT_OK ||
        (rc = text(o, "about", &about, path, line, ei)) != KT_OK ||
        (rc = text(o, "decision", &dec, path, line, ei)) != KT_OK ||
        (rc = text(o, "mitigation", &mit, path, line, ei)) != KT_OK)
        goto out;
    rc = KT_EINVALID;
    if (!x->bidder || !x->bidder[0]) {
        kt_errinfo_set(ei, rc, path, line, "a decision needs \"bidder\"");
        goto out;
    }
    if (!about || (strcmp(about, "bidder") && strcmp(about, "finding") && strcmp(about, "C3A") && strcmp(about, "C3B"))) {
        kt_errinfo_set(ei, rc, path, line, "\"about\" must be bidder, finding, C3A or C3B, not \"%s\"",
                       about ? about : "");
        goto out;
    }
    x->about = about[0] == 'b' ? KT_ABOUT_BIDDER : about[0] == 'f' ? KT_ABOUT_FINDING
               : about[2] == 'A'                ? KT_ABOUT_C3A
                                                : KT_ABOUT_C3B;
    if (x->about == KT_ABOUT_FINDING && (!x->key || !is_key(x->key))) {
        kt_errinfo_set(ei, rc, path, line, "a finding's decision needs its \"key\": 16 hex digits, as keten prints "
                                           "it%s", "");
        goto out;
    }
    if (x->about != KT_ABOUT_FINDING && x->key) {
        kt_errinfo_set(ei, rc, path, line, "\"key\" belongs to decisions about a finding, not about %s", about);
        goto out;
    }
    if (x->date && !is_date(x->date)) {
        kt_errinfo_set(ei, rc, path, line, "\"date\" must be YYYY-MM-DD, not \"%s\"", x->date);
        goto out;
    }
    if (dec && kt_decision_parse(dec, &x->decision) != 0) {
        kt_errinfo_set(ei, rc, path, line,
                       "unknown decision \"%s\" (accept, require_measures, ask_bidder, exclude, or null)", dec);
        goto out;
    }
    if (dec && (x->about == KT_ABOUT_C3A || x->about == KT_ABOUT_C3B)) {
        kt_errinfo_set(ei, rc, path, line, "a %s entry records \"access\" or \"mitigation\", not \"decision\"", about);
        goto out;
    }
    if (mit) {
        if (x->about != KT_ABOUT_C3B) {
            kt_errinfo_set(ei, rc, path, line, "\"mitigation\" belongs to a C3B entry%s", "");
            goto out;
        }
        if (strcmp(mit, "sufficient") == 0)
            x->mitigation = KT_MITIGATION_SUFFICIENT;
        else if (strcmp(mit, "insufficient") == 0)
            x->mitigation = KT_MITIGATION_INSUFFICIENT;
        else {
            kt_errinfo_set(ei, rc, path, line, "unknown mitigation \"%s\" (sufficient, insufficient, or null)", mit);
            goto out;
        }
    }
    const cJSON *acc = cJSON_GetObjectItemCaseSensitive(o, "access");
    if (acc && !cJSON_IsNull(acc)) {
        if (x->about != KT_ABOUT_C3A || !cJSON_IsArray(acc)) {
            kt_errinfo_set(ei, rc, path, line, "%s", x->about != KT_ABOUT_C3A ? "\"access\" belongs to a C3A entry"
                                                                            : "\"access\" must be a list");
            goto out;
        }
        x->access_set = 1;
        for (const cJSON *a = acc->child; a; a = a->next) {
            const char *s = cJSON_IsString(a) ? a->valuestring : "";
            if (strcmp(s, "sensitive_locations") == 0)
                x->access |= KT_ACCESS_LOCATIONS;
            else if (strcmp(s, "sensitive_ict") == 0)
                x->access |= KT_ACCESS_ICT;
            else if (strcmp(s, "vital_infrastructure") == 0)
                x->access |= KT_ACCESS_INFRASTRUCTURE;
            else {
                kt_errinfo_set(ei, rc, path, line,
                               "unknown access \"%s\" (sensitive_locations, sensitive_ict, vital_infrastructure)", s);
                goto out;
            }
        }
    }
    const cJSON *ms = cJSON_GetObjectItemCaseSensitive(o, "measures");
    if (ms && !cJSON_IsNull(ms)) {
        if (!cJSON_IsArray(ms)) {
            kt_errinfo_set(ei, rc, path, line, "\"measures\" must be a list of measure ids%s", "");
            goto out;
        }
        size_t n = (size_t)cJSON_GetArraySize(ms);
        if (n && !(x->measures = calloc(n, sizeof *x->measures))) {
            rc = kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
            goto out;
        }
        for (const cJSON *m = ms->child; m; m = m->next) {
            if (!cJSON_IsString(m)) {
                kt_errinfo_set(ei, rc, path, line, "\"measures\" must be a list of measure ids%s", "");
                goto out;
            }
            if (!(x->measures[x->nmeasures++] = strdup(m->valuestring))) {
                rc = kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
                goto out;
            }
        }
    }
    rc = KT_OK;
out:
    free(about);
    free(dec);
    free(mit);
    return rc;
}

kt_err kt_load_decisions_buffer(const char *path, const char *text_, size_t len, kt_decisions **out,
                                kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    const char *end = NULL;
    long *lines = NULL;
    size_t nlines = 0;
    kt_decisions *d = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(text_, len, &end, 0);

    *out = NULL;
    if (!doc) {
        long line = 1;
        for (const char *q = text_; end && q < end && q < text_ + len; q++)
            line += *q == '\n';
        return kt_errinfo_set(ei, KT_EPARSE, path, line, "malformed JSON in decisions file");
    }
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(doc, "keten_decisions");
    const cJSON *tender = cJSON_GetObjectItemCaseSensitive(doc, "tender");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "decisions");
    if (!cJSON_IsObject(doc) || !cJSON_IsString(ver) || strcmp(ver->valuestring, "1") != 0) {
        rc = kt_errinfo_set(ei, KT_EINVALID, path, 1, "not a keten decisions file (needs \"keten_decisions\": \"1\")");
        goto out;
    }
    for (const cJSON *f = doc->child; f; f = f->next)
        if (strcmp(f->string, "keten_decisions") && strcmp(f->string, "tender") && strcmp(f->string, "decisions")) {
            char q[160];
            snprintf(q, sizeof q, "\"%s\"", f->string);
            rc = kt_errinfo_set(ei, KT_EINVALID, path, kt_load_i_line_of(text_, len, q),
                                "unknown key \"%s\" (keten_decisions, tender, decisions)", f->string);
            goto out;
        }
    if (!cJSON_IsString(tender) || !cJSON_IsArray(list)) {
        rc = kt_errinfo_set(ei, KT_EINVALID, path, 1, "a decisions file needs \"tender\" (its id) and \"decisions\" (a list)");
        goto out;
    }
    size_t n = (size_t)cJSON_GetArraySize(list);
    if (!(d = calloc(1, sizeof *d)) || !(d->path = strdup(path)) || !(d->tender = strdup(tender->valuestring)) ||
        (n && !(d->v = calloc(n, sizeof *d->v))) || kt_load_i_json_elem_lines(text_, len, "decisions", &lines, &nlines) != 0) {
        rc = kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
        goto out;
    }
    for (const cJSON *o = list->child; o; o = o->next) {
        kt_decision_rec *x = &d->v[d->n++];
        if ((rc = entry(x, o, path, d->n - 1 < nlines ? lines[d->n - 1] : 1, ei)) != KT_OK)
            goto out;
    }
    if ((rc = kt_decisions_index(d)) != KT_OK) {
        kt_errinfo_set(ei, rc, path, 0, "out of memory");
        goto out;
    }
    /* a second entry on the same thing: within each bidder's run, in file order */
    for (size_t a = 0, b; a < d->n; a = b) {
        for (b = a + 1; b < d->n && strcmp(d->v[d->order[b]].bidder, d->v[d->order[a]].bidder) == 0; b++)
            ;
        for (size_t i = a + 1; i < b; i++) {
            const kt_decision_rec *x = &d->v[d->order[i]];
            for (size_t j = a; j < i; j++) {
                const kt_decision_rec *y = &d->v[d->order[j]];
                if (y->about == x->about && (x->about != KT_ABOUT_FINDING || strcmp(y->key, x->key) == 0)) {
                    rc = kt_errinfo_set(ei, KT_EINVALID, path, x->line, "a second decision on the same %s of bidder "
                                        "\"%s\" (the first is on line %ld)", kt_about_name(x->about), x->bidder, y->line);
                    goto out;
                }
            }
        }
    }
    *out = d;
    d = NULL;
out:
    free(lines);
    kt_decisions_free(d);
    cJSON_Delete(doc);
    return rc;
}

static kt_err parse_doc(const char *path, const char *text_, size_t len, void *out, kt_errinfo *ei)
{
    return kt_load_decisions_buffer(path, text_, len, out, ei);
}

kt_err kt_load_decisions(const char *path, kt_decisions **out, kt_errinfo *ei)
{
    *out = NULL;
    return kt_load_i_read_doc(path, "decisions", parse_doc, out, ei);
}
