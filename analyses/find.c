/* find.c: searching entities by name and identifier, and the nearest id (see kt_find.h). */
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
#include "find_i.h"
#include "kt_find.h"

/* Decode one UTF-8 sequence at s; *len gets its byte count.  Invalid bytes decode as
 * themselves with length 1 (never a fold-table hit, so they are copied unchanged). */
static unsigned decode(const unsigned char *s, size_t *len)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n <= 1) {
        *len = 1;
        return n ? c : 0x110000 + c;
    }
    unsigned cp = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0x110000 + c;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    *len = n;
    return cp;
}

static const char *fold_of(unsigned cp)
{
    size_t lo = 0, hi = kt_find_i_fold_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (kt_find_i_fold_table[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < kt_find_i_fold_count && kt_find_i_fold_table[lo].cp == cp ? kt_find_i_fold_table[lo].text : NULL;
}

size_t kt_find_fold(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t len;
        unsigned cp = decode(p, &len);
        const char *f = NULL;
        char one[2] = {0, 0};
        if (cp >= 'A' && cp <= 'Z') {
            one[0] = (char)(cp + 32);
            f = one;
        } else if (cp >= 0x300 && cp <= 0x36F) {
            f = ""; /* combining marks: accents written as separate code points */
        } else if (cp >= 0x80 && cp < 0x110000) {
            f = fold_of(cp);
        }
        if (f) {
            for (; *f; f++, n++)
                if (n + 1 < cap)
                    out[n] = *f;
        } else {
            for (size_t i = 0; i < len; i++, n++)
                if (n + 1 < cap)
                    out[n] = (char)p[i];
        }
        p += len;
    }
    if (cap)
        out[n < cap ? n : cap - 1] = '\0';
    return n;
}

/* A growing buffer for folded text, reused for every string of one search. */
typedef struct {
    char *s;
    size_t cap;
} buf;

static const char *fold_into(buf *b, const char *s)
{
    size_t need = kt_find_fold(s, b->s, b->cap) + 1;
    if (need > b->cap) {
        size_t cap = need * 2;
        char *t = realloc(b->s, cap);
        if (!t)
            return NULL;
        b->s = t;
        b->cap = cap;
        kt_find_fold(s, b->s, b->cap);
    }
    return b->s;
}

static int cmp_hit(const void *a, const void *b, void *ctx)
{
    const kt_find_hit *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return strcmp(kt_graph_entity_id(ctx, x->v), kt_graph_entity_id(ctx, y->v));
}

/* The best-matching merged id of each entity: a list sorted by vertex, then rank, then id. */
typedef struct {
    igraph_integer_t v;
    kt_find_rank rank;
    const char *id;
} alias_hit;

static int cmp_alias(const void *a, const void *b)
{
    const alias_hit *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return strcmp(x->id, y->id);
}

static kt_err find_aliases(const kt_graph *g, const char *qs, buf *t, alias_hit **out, size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    for (uint32_t slot = 0; slot < kt_graph_id_count(g); slot++) {
        igraph_integer_t v;
        const char *id = kt_graph_alias_of(g, slot, &v), *s;
        if (!id)
            continue;
        if (!(s = fold_into(t, id)))
            return KT_ENOMEM;
        kt_find_rank r = strcmp(s, qs) == 0 ? KT_FIND_ID : KT_FIND_CONTAINS;
        if (r == KT_FIND_CONTAINS && !strstr(s, qs))
            continue;
        if (*n == cap && kt_grow((void **)out, &cap, *n + 1, sizeof **out) != 0)
            return KT_ENOMEM;
        (*out)[(*n)++] = (alias_hit){v, r, id};
    }
    if (*n > 1)
        qsort(*out, *n, sizeof **out, cmp_alias);
    return KT_OK;
}

kt_err kt_find(const kt_graph *g, const char *text, kt_find_result *out)
{
    kt_err rc = KT_OK;
    buf q = {NULL, 0}, t = {NULL, 0};
    size_t cap = 0, na = 0, ai = 0;
    alias_hit *al = NULL;
    const char *qs;
    memset(out, 0, sizeof *out);
    if (!text || !text[0])
        return KT_OK;
    if (!(qs = fold_into(&q, text)))
        return KT_ENOMEM;
    if (!qs[0])
        goto out; /* only marks: nothing to look for */
    if (find_aliases(g, qs, &t, &al, &na) != KT_OK)
        goto nomem;
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++) {
        kt_find_hit h = {v, KT_FIND_CONTAINS + 1, NULL, NULL};
        const char *s;
        if (!(s = fold_into(&t, kt_graph_entity_id(g, v))))
            goto nomem;
        if (strcmp(s, qs) == 0)
            h.rank = KT_FIND_ID;
        else if (strstr(s, qs))
            h.rank = KT_FIND_CONTAINS;
        for (size_t i = 0; i < kt_graph_entity_ident_count(g, v) && h.rank != KT_FIND_ID; i++) {
            const char *scheme, *value;
            kt_graph_entity_ident(g, v, i, &scheme, &value);
            if (!(s = fold_into(&t, value)))
                goto nomem;
            if (strcmp(s, qs) == 0) {
                h.rank = KT_FIND_ID;
                h.matched = scheme;
            } else if (strstr(s, qs) && h.rank > KT_FIND_CONTAINS) {
                h.rank = KT_FIND_CONTAINS;
            }
        }
        if (h.rank > KT_FIND_NAME) {
            if (!(s = fold_into(&t, kt_graph_entity_name(g, v))))
                goto nomem;
            if (strcmp(s, qs) == 0)
                h.rank = KT_FIND_NAME;
            else if (strstr(s, qs) && h.rank > KT_FIND_CONTAINS)
                h.rank = KT_FIND_CONTAINS;
        }
        while (ai < na && al[ai].v < v)
            ai++;
        if (ai < na && al[ai].v == v && al[ai].rank < h.rank) {
            h.rank = al[ai].rank;
            h.alias = al[ai].id;
            h.matched = NULL;
        }
        if (h.rank > KT_FIND_CONTAINS)
            continue;
        if (out->n == cap && kt_grow((void **)&out->hits, &cap, out->n + 1, sizeof *out->hits) != KT_OK)
            goto nomem;
        out->hits[out->n++] = h;
    }
    if (out->n > 1)
        qsort_r(out->hits, out->n, sizeof *out->hits, cmp_hit, (void *)g);
    goto out;
nomem:
    rc = KT_ENOMEM;
    kt_find_result_destroy(out);
out:
    free(al);
    free(q.s);
    free(t.s);
    return rc;
}

void kt_find_result_destroy(kt_find_result *r)
{
    if (!r)
        return;
    free(r->hits);
    r->hits = NULL;
    r->n = 0;
}

size_t kt_find_distance(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b), row[256];
    if (lb > 255 || (la > lb ? la - lb : lb - la) > max)
        return max + 1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best;
        row[0] = best = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1; /* every later row is at least this far */
    }
    return row[lb] > max ? max + 1 : row[lb];
}

/* How far a suggestion may be: 1 edit for names up to 3 bytes, else 2 or a third of the
 * length, and always less than the whole name (so "x" suggests nothing). */
static size_t allowed(const char *s)
{
    size_t len = strlen(s), n = len / 3;
    if (len < 4)
        return len > 1 ? 1 : 0;
    return n > 2 ? n : 2;
}

long kt_find_nearest(const char *s, const char *const *names, size_t n)
{
    size_t max = allowed(s), best = max + 1;
    long at = -1;
    for (size_t i = 0; i < n; i++) {
        size_t d = kt_find_distance(s, names[i], best - 1 < max ? best - 1 : max);
        if (d < best) {
            best = d;
            at = (long)i;
        }
        if (best == 0)
            break;
    }
    return best <= max ? at : -1;
}

igraph_integer_t kt_find_nearest_id(const kt_graph *g, const char *id)
{
    size_t max = allowed(id), best = max + 1;
    igraph_integer_t at = -1;
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g) && best > 0; v++) {
        size_t d = kt_find_distance(id, kt_graph_entity_id(g, v), best - 1);
        if (d < best) {
            best = d;
            at = v;
        }
    }
    return at;
}
