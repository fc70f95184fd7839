/* screen_since.c: keten screen --since PREVIOUS.json: what changed per bidder since an earlier
 * run's JSON output.  Works on the two JSON documents (the earlier one as written then, the
 * new one as keten screen --format json writes it now), so any earlier run compares.
 *
 * A finding is named by its node and the party it was reached from; its key (kt_case.h) is a
 * hash of its evidence, so a finding named alike in both runs whose key differs has a changed
 * path or changed sources.  Decisions gone stale (the case file's rule, kt_case.h, between the
 * two runs):
 *   - a decision on a finding whose key was a finding of the earlier run and is none now: the
 *     finding is gone, or its evidence changed (a finding named alike has another key).  The
 *     decisions are the current run's (--decisions now: its stale entries), else those the
 *     earlier run recorded on its findings;
 *   - the decision on a bidder as a whole and its C3B answer (whether mitigation suffices),
 *     which rest on the bidder's whole evidence: when the same entry stood in the earlier run
 *     and stands now (--decisions in both runs) and since then the verdict changed or a
 *     finding was added, gone or changed.  Without --decisions now these are not judged: the
 *     verdicts then differ for want of the record, not of the data.  A C3A answer (the access
 *     the contract gives the bidder) does not rest on the data: never stale.
 * Complexity: O(B log B + F log F) for B bidders and F findings and unknowns in the two runs. */
#include <stdlib.h>
#include <string.h>

#include "screen_since.h"

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(x) ? x->valuestring : "";
}

/* A bidder's findings or unknowns: "node (from node)" labels with their keys, sorted by label
 * then key; a second array sorted by key.  Labels are owned, keys and objects borrowed. */
typedef struct {
    char *label;
    const char *key;
    const cJSON *obj;
} item;

typedef struct {
    item *v;
    item **by_key;
    size_t n;
} items;

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int c = strcmp(x->label, y->label);
    return c ? c : strcmp(x->key, y->key);
}

static int cmp_key(const void *a, const void *b)
{
    return strcmp((*(item *const *)a)->key, (*(item *const *)b)->key);
}

static void items_free(items *s)
{
    for (size_t i = 0; s->v && i < s->n; i++)
        free(s->v[i].label);
    free(s->v);
    free(s->by_key);
    memset(s, 0, sizeof *s);
}

static int items_of(const cJSON *bidder, const char *list, items *out)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(bidder, list), *x;
    size_t n = cJSON_IsArray(a) ? (size_t)cJSON_GetArraySize(a) : 0;
    memset(out, 0, sizeof *out);
    if (!(out->v = calloc(n + 1, sizeof *out->v)) || !(out->by_key = calloc(n + 1, sizeof *out->by_key)))
        return -1;
    if (!cJSON_IsArray(a))
        a = NULL;
    cJSON_ArrayForEach(x, a)
    {
        const char *node = str(x, "node"), *from = str(x, "from");
        size_t len = strlen(node) + strlen(from) + 16;
        item *it = &out->v[out->n];
        if (!(it->label = malloc(len)))
            return -1;
        if (from[0] && strcmp(from, node) != 0)
            snprintf(it->label, len, "%s (from %s)", node, from);
        else
            snprintf(it->label, len, "%s", node);
        it->key = str(x, "key");
        it->obj = x;
        out->n++;
    }
    qsort(out->v, out->n, sizeof *out->v, cmp_item);
    for (size_t i = 0; i < out->n; i++)
        out->by_key[i] = &out->v[i];
    qsort(out->by_key, out->n, sizeof *out->by_key, cmp_key);
    return 0;
}

/* The item with this key, or NULL (no key: no match).  O(log n). */
static const item *with_key(const items *s, const char *key)
{
    item k = {.key = key}, *kp = &k;
    if (!key || !key[0])
        return NULL;
    item **x = bsearch(&kp, s->by_key, s->n, sizeof *s->by_key, cmp_key);
    return x ? *x : NULL;
}

/* The first item with this label, or NULL.  O(log n). */
static const item *with_label(const items *s, const char *label)
{
    size_t a = 0, b = s->n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(s->v[m].label, label) < 0)
            a = m + 1;
        else
            b = m;
    }
    return a < s->n && strcmp(s->v[a].label, label) == 0 ? &s->v[a] : NULL;
}

/* Labels in a and not b (as many times as a has them more), into one array of the JSON object,
 * or as text lines with mark.  Returns how many. */
static size_t minus(const items *a, const items *b, cJSON *arr, FILE *f, const char *mark)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n) {
        int c = j >= b->n ? -1 : strcmp(a->v[i].label, b->v[j].label);
        if (c == 0) {
            i++;
            j++;
        } else if (c > 0) {
            j++;
        } else {
            if (arr)
                cJSON_AddItemToArray(arr, cJSON_CreateString(a->v[i].label));
            if (f)
                kt_cli_line(f, "  %s %s", mark, a->v[i].label);
            n++;
            i++;
        }
    }
    return n;
}

/* Findings named alike in both runs whose keys differ: their path or sources changed. */
static size_t changed_items(const items *p, const items *c, cJSON *arr, FILE *f)
{
    size_t i = 0, j = 0, n = 0;
    while (i < p->n && j < c->n) {
        int cmp = strcmp(p->v[i].label, c->v[j].label);
        if (cmp < 0) {
            i++;
        } else if (cmp > 0) {
            j++;
        } else {
            const item *x = &p->v[i++], *y = &c->v[j++];
            if (!x->key[0] || !y->key[0] || strcmp(x->key, y->key) == 0)
                continue;
            if (arr) {
                cJSON *o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "finding", y->label);
                cJSON_AddStringToObject(o, "old_key", x->key);
                cJSON_AddStringToObject(o, "new_key", y->key);
                cJSON_AddItemToArray(arr, o);
            }
            if (f)
                kt_cli_line(f, "  ~ finding %s: its path or sources changed (key %s -> %s)", y->label, x->key, y->key);
            n++;
        }
    }
    return n;
}

/* ---- decisions gone stale ---- */

typedef struct {
    const char *about;   /* "finding", "C3B" or "bidder" */
    const char *file;    /* the decisions file the entry is in */
    const cJSON *d;      /* the entry as the run's JSON has it */
    const char *node;    /* findings: the node it was about */
    const char *why;     /* finding_gone, evidence_changed, verdict_changed, findings_changed */
    const char *new_key; /* evidence_changed: the finding's key now */
} stale;

/* The same judgement in both runs: what was decided, why, by whom and when. */
static int same_entry(const cJSON *a, const cJSON *b)
{
    static const char *const k[] = {"decision", "mitigation", "reasoning", "by", "date"};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (strcmp(str(a, k[i]), str(b, k[i])) != 0 ||
            cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(a, k[i])) !=
                cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(b, k[i])))
            return 0;
    return 1;
}

static const cJSON *case_entry(const cJSON *bidder, const char *k)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(bidder, "case"), k);
    return cJSON_IsObject(x) ? x : NULL;
}

/* A decision on a finding of the earlier run (pf) that matches none now (cf). */
static void finding_stale(stale *s, const item *was, const items *cf, const char *file, const cJSON *d)
{
    const item *now = with_label(cf, was->label);
    s->about = "finding";
    s->file = file;
    s->d = d;
    s->node = str(was->obj, "node");
    s->why = now ? "evidence_changed" : "finding_gone";
    s->new_key = now ? now->key : NULL;
}

/* The decisions of bidder b (earlier run: p) gone stale between the runs, into out (room for
 * every finding of the earlier run, every stale entry now and two); returns how many. */
static size_t stale_of(const cJSON *cur, const cJSON *prev, const cJSON *b, const cJSON *p, const items *pf,
                       const items *cf, int evidence_changed, stale *out)
{
    size_t n = 0;
    const cJSON *x;
    int cur_dec = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(cur, "decisions"));
    const char *file = str(cur_dec ? cur : prev, "decisions");
    if (cur_dec) {
        /* the current record's stale entries whose finding the earlier run had */
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(b, "case"), "stale"))
        {
            const item *was = with_key(pf, str(x, "key"));
            if (was)
                finding_stale(&out[n++], was, cf, file, x);
        }
    } else if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(prev, "decisions"))) {
        /* the decisions the earlier run recorded on its findings */
        for (size_t i = 0; i < pf->n; i++) {
            const cJSON *d = cJSON_GetObjectItemCaseSensitive(pf->v[i].obj, "decision");
            if (cJSON_IsObject(d) && pf->v[i].key[0] && !with_key(cf, pf->v[i].key))
                finding_stale(&out[n++], &pf->v[i], cf, file, d);
        }
    }
    static const char *const whole[] = {"C3B", "decision"};
    for (size_t k = 0; cur_dec && evidence_changed && k < 2; k++) {
        const cJSON *pe = case_entry(p, whole[k]), *ce = case_entry(b, whole[k]);
        if (!pe || !ce || !same_entry(pe, ce))
            continue;
        memset(&out[n], 0, sizeof out[n]);
        out[n].about = k ? "bidder" : "C3B";
        out[n].file = file;
        out[n].d = ce;
        out[n].why = evidence_changed == 2 ? "verdict_changed" : "findings_changed";
        n++;
    }
    return n;
}

/* The entry's line in its decisions file (0 when the JSON lacks it). */
static long line_of(const cJSON *d)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(d, "line");
    return cJSON_IsNumber(x) ? (long)x->valueint : 0; /* cJSON saturates valueint */
}

static cJSON *str_or_null(const char *s) { return s && s[0] ? cJSON_CreateString(s) : cJSON_CreateNull(); }

static cJSON *stale_json(const stale *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "about", s->about);
    cJSON_AddStringToObject(o, "file", s->file);
    cJSON_AddNumberToObject(o, "line", (double)line_of(s->d));
    cJSON_AddItemToObject(o, "key", str_or_null(strcmp(s->about, "finding") ? NULL : str(s->d, "key")));
    cJSON_AddItemToObject(o, "node", str_or_null(s->node));
    cJSON_AddItemToObject(o, "decision", str_or_null(str(s->d, "decision")));
    cJSON_AddItemToObject(o, "mitigation", str_or_null(str(s->d, "mitigation")));
    cJSON_AddItemToObject(o, "by", str_or_null(str(s->d, "by")));
    cJSON_AddItemToObject(o, "date", str_or_null(str(s->d, "date")));
    cJSON_AddStringToObject(o, "why", s->why);
    cJSON_AddItemToObject(o, "new_key", str_or_null(s->new_key));
    return o;
}

static void stale_text(FILE *f, const stale *s, const char *v0, const char *v1)
{
    const char *by = str(s->d, "by"), *date = str(s->d, "date");
    char who[512], why[256];
    long line = line_of(s->d);
    snprintf(who, sizeof who, "%s%s%s%s", by[0] ? " by " : "", by, date[0] ? " on " : "", date);
    if (!strcmp(s->why, "finding_gone"))
        snprintf(why, sizeof why, "its finding is gone");
    else if (!strcmp(s->why, "evidence_changed"))
        snprintf(why, sizeof why, "its finding's path or sources changed (key now %s)", s->new_key);
    else if (!strcmp(s->why, "verdict_changed"))
        snprintf(why, sizeof why, "taken on this bidder's evidence, and the verdict changed since (%s -> %s)", v0, v1);
    else
        snprintf(why, sizeof why, "taken on this bidder's evidence, and its findings changed since");
    if (!strcmp(s->about, "finding"))
        kt_cli_line(f, "  stale decision (%s:%ld, key %s%s%s): %s%s; %s: decide again", s->file, line,
                    str(s->d, "key"), s->node && s->node[0] ? ", about " : "", s->node ? s->node : "",
                    str(s->d, "decision"), who, why);
    else if (!strcmp(s->about, "C3B"))
        kt_cli_line(f, "  stale C3B answer (%s:%ld): mitigation %s%s; %s: decide again", s->file, line,
                    str(s->d, "mitigation"), who, why);
    else
        kt_cli_line(f, "  stale decision on the bidder (%s:%ld): %s%s; %s: decide again", s->file, line,
                    str(s->d, "decision"), who, why);
}

/* ---- the two runs' bidders ---- */

/* A run's bidders sorted by id, for lookups in O(log B). */
typedef struct {
    const cJSON **v;
    size_t n;
} bidders;

static int cmp_bidder(const void *a, const void *b)
{
    return strcmp(str(*(const cJSON *const *)a, "id"), str(*(const cJSON *const *)b, "id"));
}

static int index_bidders(const cJSON *doc, bidders *out)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(doc, "bidders"), *x;
    out->n = 0;
    out->v = malloc(((size_t)cJSON_GetArraySize(a) + 1) * sizeof *out->v);
    if (!out->v)
        return -1;
    cJSON_ArrayForEach(x, a)
    out->v[out->n++] = x;
    qsort(out->v, out->n, sizeof *out->v, cmp_bidder);
    return 0;
}

static const cJSON *find_bidder(const bidders *b, const cJSON *like)
{
    const cJSON **x = bsearch(&like, b->v, b->n, sizeof *b->v, cmp_bidder);
    return x ? *x : NULL;
}

static cJSON *read_doc(const char *path)
{
    size_t len;
    char *t = kt_cli_read_file(path, &len);
    if (!t)
        return NULL;
    cJSON *doc = cJSON_ParseWithLength(t, len);
    free(t);
    if (!doc || !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(doc, "bidders")))
        kt_cli_msg("%s: not the JSON output of keten screen (--format json)", path);
    return doc && cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(doc, "bidders")) ? doc : (cJSON_Delete(doc), NULL);
}

int kt_screen_since(FILE *f, const char *prev_path, const char *cur_text, size_t cur_len, int as_json, int *changed)
{
    cJSON *prev = read_doc(prev_path), *cur = cJSON_ParseWithLength(cur_text, cur_len), *out = NULL, *list = NULL,
          *b;
    items pf = {0}, cf = {0}, pu = {0}, cu = {0};
    bidders pi = {0}, ci = {0};
    stale *st = NULL;
    size_t unchanged = 0, nchanged = 0, nb = 0, nstale = 0;
    int rc = -1;

    *changed = 0;
    if (!prev || !cur || index_bidders(prev, &pi) != 0 || index_bidders(cur, &ci) != 0)
        goto done;
    if (as_json) {
        out = cJSON_CreateObject();
        cJSON_AddStringToObject(out, "keten", KT_VERSION);
        cJSON_AddStringToObject(out, "since", prev_path);
        cJSON_AddItemToObject(out, "tender", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(cur, "tender"), 1));
        cJSON_AddItemToObject(out, "decisions", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(cur, "decisions"), 1));
        list = cJSON_AddArrayToObject(out, "changed");
    } else {
        kt_cli_line(f, "since %s (tender %s)", prev_path, str(cur, "tender"));
    }
    /* every bidder of the new run, in tender order; then those only the earlier run had */
    cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(cur, "bidders"))
    {
        const cJSON *p = find_bidder(&pi, b);
        nb++;
        if (items_of(b, "findings", &cf) || items_of(b, "unknown", &cu) || items_of(p, "findings", &pf) ||
            items_of(p, "unknown", &pu))
            goto done;
        const char *v0 = p ? str(p, "verdict") : NULL, *v1 = str(b, "verdict");
        /* count first, print when something changed */
        size_t nf = minus(&cf, &pf, NULL, NULL, NULL) + minus(&pf, &cf, NULL, NULL, NULL) +
                    changed_items(&pf, &cf, NULL, NULL);
        size_t k = nf + minus(&cu, &pu, NULL, NULL, NULL) + minus(&pu, &cu, NULL, NULL, NULL), ns = 0;
        const cJSON *sl = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(b, "case"), "stale");
        if (p) {
            if (!(st = calloc(pf.n + (size_t)cJSON_GetArraySize(sl) + 2, sizeof *st)))
                goto done;
            ns = stale_of(cur, prev, b, p, &pf, &cf, strcmp(v0, v1) != 0 ? 2 : nf > 0, st);
        }
        nstale += ns;
        if (p && strcmp(v0, v1) == 0 && k == 0 && ns == 0) {
            unchanged++;
        } else {
            cJSON *o = NULL;
            nchanged++;
            if (as_json) {
                o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "id", str(b, "id"));
                cJSON_AddStringToObject(o, "name", str(b, "name"));
                cJSON_AddStringToObject(o, "old_verdict", v0);
                cJSON_AddStringToObject(o, "new_verdict", v1);
                cJSON_AddItemToArray(list, o);
            } else {
                fputc('\n', f);
                if (!p)
                    kt_cli_line(f, "%s %s: new bidder, verdict %s", str(b, "id"), str(b, "name"), v1);
                else if (strcmp(v0, v1) != 0)
                    kt_cli_line(f, "%s %s: verdict %s -> %s", str(b, "id"), str(b, "name"), v0, v1);
                else
                    kt_cli_line(f, "%s %s: verdict %s (unchanged)", str(b, "id"), str(b, "name"), v1);
            }
            FILE *tf = as_json ? NULL : f;
            minus(&cf, &pf, o ? cJSON_AddArrayToObject(o, "findings_added") : NULL, tf, "+ finding");
            minus(&pf, &cf, o ? cJSON_AddArrayToObject(o, "findings_gone") : NULL, tf, "- finding");
            changed_items(&pf, &cf, o ? cJSON_AddArrayToObject(o, "findings_changed") : NULL, tf);
            minus(&cu, &pu, o ? cJSON_AddArrayToObject(o, "unknown_opened") : NULL, tf, "+ unknown beyond");
            minus(&pu, &cu, o ? cJSON_AddArrayToObject(o, "unknown_closed") : NULL, tf, "- unknown beyond (closed)");
            cJSON *sa = o ? cJSON_AddArrayToObject(o, "decisions_gone_stale") : NULL;
            for (size_t i = 0; i < ns; i++) {
                if (sa)
                    cJSON_AddItemToArray(sa, stale_json(&st[i]));
                else
                    stale_text(f, &st[i], v0, v1);
            }
        }
        free(st);
        st = NULL;
        items_free(&cf);
        items_free(&cu);
        items_free(&pf);
        items_free(&pu);
    }
    size_t gone = 0;
    cJSON *gl = as_json ? cJSON_AddArrayToObject(out, "bidders_gone") : NULL;
    cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(prev, "bidders"))
    if (!find_bidder(&ci, b)) {
        gone++;
        if (gl) {
            cJSON_AddItemToArray(gl, cJSON_CreateString(str(b, "id")));
        } else {
            fputc('\n', f);
            kt_cli_line(f, "%s %s: no longer a bidder (verdict was %s)", str(b, "id"), str(b, "name"),
                        str(b, "verdict"));
        }
    }
    *changed = nchanged + gone > 0;
    if (as_json) {
        cJSON *s = cJSON_AddObjectToObject(out, "summary");
        cJSON_AddNumberToObject(s, "bidders", (double)nb);
        cJSON_AddNumberToObject(s, "unchanged", (double)unchanged);
        cJSON_AddNumberToObject(s, "changed", (double)nchanged);
        cJSON_AddNumberToObject(s, "gone", (double)gone);
        cJSON_AddNumberToObject(s, "decisions_gone_stale", (double)nstale);
        rc = kt_cli_print_json(f, out);
        out = NULL;
    } else {
        fprintf(f, "\n%zu bidders: %zu unchanged, %zu changed, %zu gone; %zu decision%s gone stale\n", nb, unchanged,
                nchanged, gone, nstale, nstale == 1 ? "" : "s");
        rc = 0;
    }
done:
    free(st);
    items_free(&cf);
    items_free(&cu);
    items_free(&pf);
    items_free(&pu);
    free(pi.v);
    free(ci.v);
    cJSON_Delete(out);
    cJSON_Delete(prev);
    cJSON_Delete(cur);
    return rc;
}
