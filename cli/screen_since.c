/* screen_since.c: keten screen --since PREVIOUS.json: what changed per bidder since an earlier
 * run's JSON output.  Works on the two JSON documents (the earlier one as written then, the
 * new one as keten screen --format json writes it now), so any earlier run compares.
 * Complexity: O(B + F log F) for B bidders and F findings and unknowns in the two runs. */
#include <stdlib.h>
#include <string.h>

#include "screen_since.h"

/* "node from" keys of a bidder's list (findings or unknown), sorted; caller frees v and its strings. */
typedef struct {
    char **v;
    size_t n;
} keys;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(x) ? x->valuestring : "";
}

static int keys_of(const cJSON *bidder, const char *list, keys *out)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(bidder, list), *x;
    size_t n = cJSON_IsArray(a) ? (size_t)cJSON_GetArraySize(a) : 0;
    out->n = 0;
    out->v = calloc(n + 1, sizeof *out->v);
    if (!out->v)
        return -1;
    if (!cJSON_IsArray(a))
        a = NULL;
    cJSON_ArrayForEach(x, a)
    {
        const char *node = str(x, "node"), *from = str(x, "from");
        size_t len = strlen(node) + strlen(from) + 16;
        char *k = malloc(len);
        if (!k)
            return -1;
        if (from[0] && strcmp(from, node) != 0)
            snprintf(k, len, "%s (from %s)", node, from);
        else
            snprintf(k, len, "%s", node);
        out->v[out->n++] = k;
    }
    qsort(out->v, out->n, sizeof *out->v, cmp_str);
    return 0;
}

static void keys_free(keys *k)
{
    for (size_t i = 0; k->v && i < k->n; i++)
        free(k->v[i]);
    free(k->v);
    k->v = NULL;
    k->n = 0;
}

/* Keys in a and not b into one array of the JSON object, or as text lines with mark. */
static size_t minus(const keys *a, const keys *b, cJSON *arr, FILE *f, const char *mark)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n) {
        int c = j >= b->n ? -1 : strcmp(a->v[i], b->v[j]);
        if (c == 0) {
            i++;
            j++;
        } else if (c > 0) {
            j++;
        } else {
            if (arr)
                cJSON_AddItemToArray(arr, cJSON_CreateString(a->v[i]));
            if (f)
                fprintf(f, "  %s %s\n", mark, a->v[i]);
            n++;
            i++;
        }
    }
    return n;
}

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
    keys pf = {0}, cf = {0}, pu = {0}, cu = {0};
    bidders pi = {0}, ci = {0};
    size_t unchanged = 0, nchanged = 0, nb = 0;
    int rc = -1;

    *changed = 0;
    if (!prev || !cur || index_bidders(prev, &pi) != 0 || index_bidders(cur, &ci) != 0)
        goto done;
    if (as_json) {
        out = cJSON_CreateObject();
        cJSON_AddStringToObject(out, "keten", KT_VERSION);
        cJSON_AddStringToObject(out, "since", prev_path);
        cJSON_AddItemToObject(out, "tender", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(cur, "tender"), 1));
        list = cJSON_AddArrayToObject(out, "changed");
    } else {
        fprintf(f, "since %s (tender %s)\n", prev_path, str(cur, "tender"));
    }
    /* every bidder of the new run, in tender order; then those only the earlier run had */
    cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(cur, "bidders"))
    {
        const cJSON *p = find_bidder(&pi, b);
        nb++;
        if (keys_of(b, "findings", &cf) || keys_of(b, "unknown", &cu) || (p && keys_of(p, "findings", &pf)) ||
            (p && keys_of(p, "unknown", &pu)))
            goto done;
        const char *v0 = p ? str(p, "verdict") : NULL, *v1 = str(b, "verdict");
        cJSON *o = NULL;
        if (as_json) {
            o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "id", str(b, "id"));
            cJSON_AddStringToObject(o, "name", str(b, "name"));
            cJSON_AddStringToObject(o, "old_verdict", v0);
            cJSON_AddStringToObject(o, "new_verdict", v1);
        }
        /* count first, print when something changed */
        size_t k = minus(&cf, &pf, NULL, NULL, NULL) + minus(&pf, &cf, NULL, NULL, NULL) +
                   minus(&cu, &pu, NULL, NULL, NULL) + minus(&pu, &cu, NULL, NULL, NULL);
        if (p && strcmp(v0, v1) == 0 && k == 0) {
            unchanged++;
            cJSON_Delete(o);
        } else {
            nchanged++;
            if (!as_json) {
                fprintf(f, "\n%s %s: ", str(b, "id"), str(b, "name"));
                if (!p)
                    fprintf(f, "new bidder, verdict %s\n", v1);
                else if (strcmp(v0, v1) != 0)
                    fprintf(f, "verdict %s -> %s\n", v0, v1);
                else
                    fprintf(f, "verdict %s (unchanged)\n", v1);
            }
            minus(&cf, &pf, o ? cJSON_AddArrayToObject(o, "findings_added") : NULL, as_json ? NULL : f, "+ finding");
            minus(&pf, &cf, o ? cJSON_AddArrayToObject(o, "findings_gone") : NULL, as_json ? NULL : f, "- finding");
            minus(&cu, &pu, o ? cJSON_AddArrayToObject(o, "unknown_opened") : NULL, as_json ? NULL : f,
                  "+ unknown beyond");
            minus(&pu, &cu, o ? cJSON_AddArrayToObject(o, "unknown_closed") : NULL, as_json ? NULL : f,
                  "- unknown beyond (closed)");
            if (o)
                cJSON_AddItemToArray(list, o);
        }
        keys_free(&cf);
        keys_free(&cu);
        keys_free(&pf);
        keys_free(&pu);
    }
    size_t gone = 0;
    cJSON *gl = as_json ? cJSON_AddArrayToObject(out, "bidders_gone") : NULL;
    cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(prev, "bidders"))
    if (!find_bidder(&ci, b)) {
        gone++;
        if (gl)
            cJSON_AddItemToArray(gl, cJSON_CreateString(str(b, "id")));
        else
            fprintf(f, "\n%s %s: no longer a bidder (verdict was %s)\n", str(b, "id"), str(b, "name"),
                    str(b, "verdict"));
    }
    *changed = nchanged + gone > 0;
    if (as_json) {
        cJSON *s = cJSON_AddObjectToObject(out, "summary");
        cJSON_AddNumberToObject(s, "bidders", (double)nb);
        cJSON_AddNumberToObject(s, "unchanged", (double)unchanged);
        cJSON_AddNumberToObject(s, "changed", (double)nchanged);
        cJSON_AddNumberToObject(s, "gone", (double)gone);
        rc = kt_cli_print_json(f, out);
        out = NULL;
    } else {
        fprintf(f, "\n%zu bidders: %zu unchanged, %zu changed, %zu gone\n", nb, unchanged, nchanged, gone);
        rc = 0;
    }
done:
    keys_free(&cf);
    keys_free(&cu);
    keys_free(&pf);
    keys_free(&pu);
    free(pi.v);
    free(ci.v);
    cJSON_Delete(out);
    cJSON_Delete(prev);
    cJSON_Delete(cur);
    return rc;
}
