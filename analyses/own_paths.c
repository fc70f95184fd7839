/* own_paths.c: every simple ownership/control path between two entities, strongest first.
 *
 * Best-first search: a priority queue of partial paths from `from`, ranked as in kt_own.h
 * (kt_own_i_key); a step never strengthens a path, so complete paths leave the queue
 * strongest first and the first opts.max_paths are the answer.  Partial paths share their
 * prefixes in a tree (node = parent + one relation).  Only entities that can reach `to` are
 * entered (the upstream subgraph of `to`, collected first).  "Simple" is checked with an
 * on-path mark array kept for the current node and moved along the tree to the next node
 * popped (cost: the tree distance between them, O(1) per step along a chain). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "own_i.h"

typedef struct {
    igraph_integer_t parent; /* node, -1 for the root */
    igraph_integer_t edge;   /* relation into this node's entity, -1 for the root */
    igraph_integer_t x;      /* local entity */
    long depth;
    kt_own_i_key key;
    double lo, hi;           /* product of the shares as fractions */
} pnode;

typedef struct {
    pnode *nodes;
    size_t n, cap;
    igraph_integer_t *heap; /* node indexes */
    size_t hn, hcap;
} search;

static int before(const search *s, igraph_integer_t a, igraph_integer_t b)
{
    int c = kt_own_i_key_cmp(&s->nodes[a].key, &s->nodes[b].key);
    return c < 0 || (c == 0 && a < b); /* ties: the order in which they were found */
}

static kt_err push(search *s, igraph_integer_t node)
{
    if (s->hn == s->hcap) {
        size_t nc = s->hcap ? s->hcap * 2 : 256;
        igraph_integer_t *h = realloc(s->heap, nc * sizeof *h);
        if (!h)
            return KT_ENOMEM;
        s->heap = h;
        s->hcap = nc;
    }
    size_t i = s->hn++;
    while (i > 0 && before(s, node, s->heap[(i - 1) / 2])) {
        s->heap[i] = s->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    s->heap[i] = node;
    return KT_OK;
}

static igraph_integer_t pop(search *s)
{
    igraph_integer_t top = s->heap[0], last = s->heap[--s->hn];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        igraph_integer_t mv = last;
        if (l < s->hn && before(s, s->heap[l], mv)) {
            m = l;
            mv = s->heap[l];
        }
        if (r < s->hn && before(s, s->heap[r], mv))
            m = r;
        if (m == i)
            break;
        s->heap[i] = s->heap[m];
        i = m;
    }
    if (s->hn)
        s->heap[i] = last;
    return top;
}

static kt_err add_node(search *s, pnode nd, igraph_integer_t *idx)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 256;
        pnode *p = realloc(s->nodes, nc * sizeof *p);
        if (!p)
            return KT_ENOMEM;
        s->nodes = p;
        s->cap = nc;
    }
    *idx = (igraph_integer_t)s->n;
    s->nodes[s->n++] = nd;
    return KT_OK;
}

/* Move the on-path marks from node cur to node nx through their common ancestor. */
static void move_marks(const search *s, unsigned char *on, igraph_integer_t cur, igraph_integer_t nx)
{
    igraph_integer_t a = cur, b = nx;
    while (a >= 0 && (b < 0 || s->nodes[a].depth > s->nodes[b].depth)) {
        on[s->nodes[a].x] = 0;
        a = s->nodes[a].parent;
    }
    while (b >= 0 && (a < 0 || s->nodes[b].depth > s->nodes[a].depth)) {
        on[s->nodes[b].x] = 1;
        b = s->nodes[b].parent;
    }
    while (a != b) {
        on[s->nodes[a].x] = 0;
        on[s->nodes[b].x] = 1;
        a = s->nodes[a].parent;
        b = s->nodes[b].parent;
    }
}

static void factor(const kt_graph *g, igraph_integer_t e, double *lo, double *hi)
{
    kt_ival sh = kt_graph_rel_type(g, e) == KT_REL_OWNS ? kt_graph_rel_share(g, e) : kt_ival_unknown();
    if (kt_ival_is_unknown(sh)) {
        *lo = 0; /* unknown share or a controls step: 0-100% */
        *hi = 1;
    } else {
        *lo = sh.min / 100;
        *hi = sh.max / 100;
    }
}

static kt_err record(const kt_graph *g, const search *s, igraph_integer_t node, kt_own_paths *out, size_t *cap)
{
    const pnode *nd = &s->nodes[node];
    if (out->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        kt_own_path *p = realloc(out->paths, nc * sizeof *p);
        if (!p)
            return KT_ENOMEM;
        out->paths = p;
        *cap = nc;
    }
    kt_own_path *p = &out->paths[out->n];
    p->len = (size_t)nd->depth;
    if (!(p->edges = malloc((p->len + 1) * sizeof *p->edges)))
        return KT_ENOMEM;
    size_t k = p->len;
    for (igraph_integer_t x = node; s->nodes[x].parent >= 0; x = s->nodes[x].parent)
        p->edges[--k] = s->nodes[x].edge;
    p->product = (kt_ival){100 * nd->lo, 100 * nd->hi};
    p->weak = (int)nd->key.weak;
    out->n++;
    (void)g;
    return KT_OK;
}

kt_err kt_own_paths_find(const kt_graph *g, igraph_integer_t from, igraph_integer_t to, const kt_own_opts *opts,
                         kt_own_paths *out, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    kt_own_opts o;
    kt_own_i_sub u;
    search s;
    unsigned char *on = NULL;
    size_t cap = 0;
    igraph_integer_t cur = -1, idx;

    memset(out, 0, sizeof *out);
    memset(&u, 0, sizeof u);
    memset(&s, 0, sizeof s);
    out->from = from;
    out->to = to;
    kt_own_opts_init(&o);
    if (opts)
        o = *opts;
    if (from < 0 || to < 0 || from >= kt_graph_vertex_count(g) || to >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    if (from == to || o.max_paths <= 0)
        return KT_OK;
    if ((rc = kt_own_i_sub_build(&u, g, to, 0)) != KT_OK)
        goto out;
    igraph_integer_t lfrom = kt_own_i_sub_local(&u, from);
    if (lfrom < 0)
        goto out; /* `from` reaches nothing that leads to `to` */
    if (!(on = calloc((size_t)u.n + 1, 1))) {
        rc = KT_ENOMEM;
        goto out;
    }
    pnode root = {-1, -1, lfrom, 0, {0, 0, 0}, 1, 1};
    if ((rc = add_node(&s, root, &idx)) != KT_OK || (rc = push(&s, idx)) != KT_OK)
        goto out;
    while (s.hn) {
        igraph_integer_t nx = pop(&s);
        move_marks(&s, on, cur, nx);
        cur = nx;
        pnode nd = s.nodes[nx];
        if (nd.x == 0) {
            if (out->n == (size_t)o.max_paths) {
                out->cut_max_paths = 1;
                break;
            }
            if ((rc = record(g, &s, nx, out, &cap)) != KT_OK)
                goto out;
            continue;
        }
        /* toward[x] in the upstream subgraph of `to`: x's relations to entities that reach `to` */
        for (igraph_integer_t i = u.toff[nd.x]; i < u.toff[nd.x + 1]; i++) {
            igraph_integer_t y = u.tnb[i], e = u.tedge[i];
            if (on[y])
                continue;
            if (o.max_depth > 0 && nd.depth >= o.max_depth) {
                out->cut_max_depth = 1;
                break;
            }
            if ((long)s.n >= o.budget) {
                out->cut_budget = 1;
                goto out;
            }
            pnode ch = {nx, e, y, nd.depth + 1, nd.key, 0, 0};
            double lo, hi;
            kt_own_i_key_step(g, e, &ch.key);
            factor(g, e, &lo, &hi);
            ch.lo = nd.lo * lo;
            ch.hi = nd.hi * hi;
            if ((rc = add_node(&s, ch, &idx)) != KT_OK || (rc = push(&s, idx)) != KT_OK)
                goto out;
        }
    }
out:
    free(on);
    free(s.nodes);
    free(s.heap);
    kt_own_i_sub_destroy(&u);
    if (rc != KT_OK)
        kt_own_paths_destroy(out);
    return rc;
}

void kt_own_paths_destroy(kt_own_paths *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        free(p->paths[i].edges);
    free(p->paths);
    p->paths = NULL;
    p->n = 0;
}
