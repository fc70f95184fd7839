/* derived.c: indexes that follow from a built model alone, whatever the policy (see kt_graph.h,
 * "derived indexes").  A snapshot keeps them (snapshot.c), so that a screening from it does not
 * compute them again; from sources the analyses compute them here. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_i.h"
#include "kt_policy.h"

/* Which vertices lie on a cycle of capital ownership: a strongly connected component of more
 * than one vertex over the owns relations that are not declared summaries and not self-loops
 * (the walks kt_own sums).  A vertex without such a relation in, or without one out, is on no
 * cycle; the others, with the relations between them, are copied in one pass over the relations
 * into a compact out-adjacency (4 bytes per relation kept), and an iterative Tarjan runs over
 * that: 16 bytes per vertex for index, low link and adjacency run side by side, 4 each for
 * Tarjan's stack and the walk's stacks of vertices and positions, 1 for the answer.  Which
 * components there are does not depend on the order of the walk.  Complexity: O(|V| + |E|),
 * the walk over the ownership relations only. */
kt_err kt_graph_cycles(const kt_graph *g, uint8_t **out)
{
    igraph_integer_t nv = g->nv;
    size_t n = (size_t)nv + 1;
    igraph_integer_t ne = kt_graph_edge_count(g);
    const igraph_integer_t *from = VECTOR(g->ig.from), *to = VECTOR(g->ig.to);
    /* per vertex in one cache line: its index, low link (DONE once its component is known:
     * trimmed, or popped) and its run of the adjacency, so that a step reads nothing else */
    struct {
        int32_t idx, low, beg, end;
    } *t = NULL;
    const int32_t DONE = INT32_MAX;
    uint64_t *live = NULL, *has_in = NULL; /* not trimmed; in cache for the passes */
    int32_t *stk = NULL, *wv = NULL, *wp = NULL, *adj = NULL;
    uint8_t *cyclic = NULL;
    int32_t counter = 0, sp = 0;
    kt_err rc = KT_OK;

    *out = NULL;
    if (!g->built || nv >= INT32_MAX || ne >= INT32_MAX)
        return KT_EUSAGE;
    t = malloc(n * sizeof *t);
    live = calloc(n / 64 + 1, sizeof *live);
    has_in = calloc(n / 64 + 1, sizeof *has_in);
    stk = malloc(n * sizeof *stk);
    wv = malloc(n * sizeof *wv);
    wp = malloc(n * sizeof *wp);
#define LIVE(v) ((live[(v) >> 6] >> ((v) & 63)) & 1)
    if (!(cyclic = calloc(n, 1)) || !t || !live || !has_in || !stk || !wv || !wp) {
        rc = KT_ENOMEM;
        goto out;
    }
    /* live: with a capital owns relation in and one out (a bit each, then both) */
#define CAPITAL(e) (kt_graph_owner_bits(g, e, 0) & KT_OWNER_CAP)
    for (igraph_integer_t e = 0; e < ne; e++)
        if (CAPITAL(e)) {
            live[from[e] >> 6] |= 1ull << (from[e] & 63);
            has_in[to[e] >> 6] |= 1ull << (to[e] & 63);
        }
    for (size_t w = 0; w < n / 64 + 1; w++)
        live[w] &= has_in[w];
    for (igraph_integer_t v = 0; v < nv; v++) {
        t[v].beg = t[v].end = 0;
        t[v].idx = LIVE(v) ? -1 : DONE;
    }
    /* the adjacency: counts in end, then runs [beg, end) in relation order */
    for (igraph_integer_t e = 0; e < ne; e++)
        if (CAPITAL(e) && LIVE(from[e]) && LIVE(to[e]))
            t[from[e]].end++;
    int32_t m = 0;
    for (igraph_integer_t v = 0; v < nv; v++) {
        t[v].beg = m;
        m += t[v].end;
        t[v].end = t[v].beg;
    }
    if (!(adj = malloc(((size_t)m + 1) * sizeof *adj))) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (igraph_integer_t e = 0; e < ne; e++)
        if (CAPITAL(e) && LIVE(from[e]) && LIVE(to[e]))
            adj[t[from[e]].end++] = (int32_t)to[e];
#undef CAPITAL
#undef LIVE
    for (igraph_integer_t r = 0; r < nv; r++) {
        if (t[r].idx != -1)
            continue;
        int32_t wt = 0; /* the walk's depth */
        wv[wt] = (int32_t)r;
        wp[wt++] = t[r].beg;
        t[r].idx = t[r].low = counter++;
        stk[sp++] = (int32_t)r;
        while (wt > 0) {
            int32_t v = wv[wt - 1];
            if (wp[wt - 1] < t[v].end) {
                if (wp[wt - 1] + 4 < t[v].end)
                    __builtin_prefetch(&t[adj[wp[wt - 1] + 4]]);
                int32_t u = adj[wp[wt - 1]++];
                if (t[u].idx < 0) {
                    t[u].idx = t[u].low = counter++;
                    stk[sp++] = u;
                    wv[wt] = u;
                    wp[wt++] = t[u].beg;
                } else if (t[u].idx < t[v].low) {
                    t[v].low = t[u].idx; /* u is still on Tarjan's stack (not DONE) */
                }
                continue;
            }
            wt--;
            if (wt > 0 && t[v].low < t[wv[wt - 1]].low)
                t[wv[wt - 1]].low = t[v].low;
            if (t[v].low != t[v].idx)
                continue;
            /* v roots a component: pop it; mark it when it has more than one vertex */
            int big = stk[sp - 1] != v;
            do {
                int32_t x = stk[--sp];
                cyclic[x] = (uint8_t)big;
                t[x].idx = DONE;
            } while (stk[sp] != v);
        }
    }
    *out = cyclic;
    cyclic = NULL;
out:
    free(cyclic);
    free(t);
    free(live);
    free(has_in);
    free(stk);
    free(wv);
    free(wp);
    free(adj);
    return rc;
}

uint8_t kt_graph_owner_bits(const kt_graph *g, igraph_integer_t e, int directors)
{
    const kt_graph_i_rel *r = &g->rels[e];
    kt_rtype t = (kt_rtype)r->type;
    if (IGRAPH_FROM(&g->ig, e) == IGRAPH_TO(&g->ig, e) ||
        !(t == KT_REL_OWNS || t == KT_REL_CONTROLS || (t == KT_REL_DIRECTOR_OF && directors)))
        return 0;
    return (uint8_t)(KT_OWNER_USED | (t == KT_REL_OWNS && !(r->flags & KT_RF_DECLARED) ? KT_OWNER_CAP : 0));
}

/* One pass over the in-lists, in vertex order; the arrays grow by doubling.  O(|V| + |E|). */
kt_err kt_graph_owners_build(const kt_graph *g, int directors, const uint8_t *bits, kt_graph_owners *o)
{
    const igraph_integer_t *in;
    size_t n = 0, cap = 0;
    int32_t *off = NULL, *from = NULL;
    uint32_t *rel = NULL;

    memset(o, 0, sizeof *o);
    if (!g->built || g->nv >= INT32_MAX || kt_graph_edge_count(g) >= INT32_MAX)
        return KT_EUSAGE;
    if (!(off = malloc(((size_t)g->nv + 1) * sizeof *off)))
        return KT_ENOMEM;
    for (igraph_integer_t v = 0; v < g->nv; v++) {
        off[v] = (int32_t)n;
        igraph_integer_t deg = kt_graph_in(g, v, &in);
        for (igraph_integer_t i = 0; i < deg; i++) {
            uint8_t b = bits ? bits[in[i]] : kt_graph_owner_bits(g, in[i], directors);
            if (!(b & KT_OWNER_USED))
                continue;
            if (n == cap) {
                size_t nc = cap ? 2 * cap : 1024;
                int32_t *nf = realloc(from, nc * sizeof *nf);
                if (nf)
                    from = nf;
                uint32_t *nr = nf ? realloc(rel, nc * sizeof *nr) : NULL;
                if (!nr) {
                    free(off);
                    free(from);
                    free(rel);
                    return KT_ENOMEM;
                }
                rel = nr;
                cap = nc;
            }
            from[n] = (int32_t)IGRAPH_FROM(&g->ig, in[i]);
            rel[n++] = (uint32_t)in[i] | (b & KT_OWNER_CAP ? KT_OWNER_CAPITAL : 0);
        }
    }
    off[g->nv] = (int32_t)n;
    o->off = off;
    o->from = from;
    o->rel = rel;
    o->n = n;
    return KT_OK;
}

void kt_graph_owners_free(kt_graph_owners *o)
{
    free((void *)o->off);
    free((void *)o->from);
    free((void *)o->rel);
    memset(o, 0, sizeof *o);
}

/* Where the data stops at v, per completeness dimension.  O(degree of v). */
uint8_t kt_graph_gaps(const kt_graph *g, igraph_integer_t v)
{
    kt_etype t = kt_graph_entity_type(g, v);
    int complete = (kt_graph_entity_flags(g, v) & KT_EF_COMPLETE) != 0;
    const igraph_integer_t *in, *out;
    igraph_integer_t nin = kt_graph_in(g, v, &in), nout = kt_graph_out(g, v, &out);
    uint8_t r = 0;

    if (t == KT_ENT_UNKNOWN)
        return KT_GAP_OWNERSHIP | KT_GAP_SUPPLY | KT_GAP_COMPONENTS;
    if (kt_etype_is_item(t)) {
        int parts = 0;
        for (igraph_integer_t i = 0; i < nout && !parts; i++)
            parts = kt_graph_rel_type(g, out[i]) == KT_REL_CONTAINS && kt_graph_rel_to(g, out[i]) != v;
        if (!kt_policy_origin(g, v) || (!parts && !complete))
            r |= KT_GAP_COMPONENTS;
        return r;
    }
    if (t != KT_ENT_COMPANY || complete)
        return 0; /* persons and states are terminal; consortia act through their members */
    /* ownership: the direct owners add up to 100% of the capital (lower bounds) */
    double sum = 0;
    int supply = 0;
    for (igraph_integer_t i = 0; i < nin; i++) {
        igraph_integer_t e = in[i];
        kt_rtype rt = kt_graph_rel_type(g, e);
        if (rt == KT_REL_SUPPLIES)
            supply = 1;
        if (rt != KT_REL_OWNS || kt_graph_rel_from(g, e) == v || (kt_graph_rel_flags(g, e) & KT_RF_DECLARED))
            continue;
        kt_ival sh = kt_graph_rel_share(g, e);
        if (!kt_ival_is_unknown(sh))
            sum += sh.min;
    }
    for (igraph_integer_t i = 0; i < nout && !supply; i++)
        supply = kt_graph_rel_type(g, out[i]) == KT_REL_SUBCONTRACTS;
    if (sum < 100 - 1e-9)
        r |= KT_GAP_OWNERSHIP;
    if (!supply)
        r |= KT_GAP_SUPPLY;
    return r;
}

/* Leaves first (Kahn's order over contains): a leaf 1 or 0 by its origin, an assembly the mean
 * of its parts; an item in a contains cycle is never reached and keeps 0.  Complexity:
 * O(|V| + |E|); the in-lists read are those of the parts only. */
kt_err kt_graph_bom_shares(const kt_graph *g, float **out)
{
    size_t n = (size_t)g->nv + 1;
    /* per vertex: parts still to sum, parts in all, whether it is a part of anything (only
     * those have an in-list worth reading: the others add to no sum) */
    int32_t *left = calloc(n, sizeof *left), *parts = NULL, *queue = malloc(n * sizeof *queue);
    uint8_t *part = calloc(n, 1);
    float *sum = calloc(n, sizeof *sum), *bom = calloc(n, sizeof *bom);
    igraph_integer_t head = 0, tail = 0;
    const igraph_integer_t *eids;
    kt_err rc = KT_OK;

    *out = NULL;
    if (!bom || !left || !queue || !sum || !part) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (igraph_integer_t e = 0; e < kt_graph_edge_count(g); e++)
        if (kt_graph_rel_type(g, e) == KT_REL_CONTAINS && kt_graph_rel_from(g, e) != kt_graph_rel_to(g, e)) {
            left[kt_graph_rel_from(g, e)]++;
            part[kt_graph_rel_to(g, e)] = 1;
        }
    if (!(parts = malloc(n * sizeof *parts))) {
        rc = KT_ENOMEM;
        goto out;
    }
    memcpy(parts, left, n * sizeof *parts);
    for (igraph_integer_t v = 0; v < g->nv; v++)
        if (!left[v]) {
            bom[v] = kt_etype_is_item(kt_graph_entity_type(g, v)) && kt_policy_origin(g, v) ? 1.0f : 0.0f;
            queue[tail++] = (int32_t)v;
        }
    while (head < tail) {
        int32_t v = queue[head++];
        if (!part[v])
            continue;
        igraph_integer_t nin = kt_graph_in(g, v, &eids);
        for (igraph_integer_t i = 0; i < nin; i++) {
            igraph_integer_t e = eids[i], u = kt_graph_rel_from(g, e);
            if (kt_graph_rel_type(g, e) != KT_REL_CONTAINS || u == v)
                continue;
            sum[u] += bom[v];
            if (--left[u] == 0) {
                bom[u] = sum[u] / (float)parts[u];
                queue[tail++] = (int32_t)u;
            }
        }
    }
    *out = bom;
    bom = NULL;
out:
    free(bom);
    free(left);
    free(parts);
    free(part);
    free(queue);
    free(sum);
    return rc;
}

int kt_graph_dep_from(kt_rtype t)
{
    switch (t) {
    case KT_REL_SUBCONTRACTS:
    case KT_REL_OFFERS:
    case KT_REL_CONTAINS:
    case KT_REL_MADE_BY: return 1;
    case KT_REL_MEMBER_OF:
    case KT_REL_SUPPLIES:
    case KT_REL_OWNS:
    case KT_REL_CONTROLS:
    case KT_REL_DIRECTOR_OF: return 0;
    default: return -1;
    }
}

/* A counting sort of the relations by their dependency end, in relation order.  O(|V| + |E|). */
kt_err kt_graph_deps_build(const kt_graph *g, kt_graph_deps *o)
{
    igraph_integer_t ne = kt_graph_edge_count(g);
    const igraph_integer_t *from = VECTOR(g->ig.from), *to = VECTOR(g->ig.to);
    int32_t *off, *fill;
    kt_graph_dep_entry *dep;

    memset(o, 0, sizeof *o);
    if (!g->built || g->nv >= INT32_MAX || ne >= INT32_MAX)
        return KT_EUSAGE;
    if (!(off = calloc((size_t)g->nv + 2, sizeof *off)))
        return KT_ENOMEM;
    for (igraph_integer_t e = 0; e < ne; e++) {
        int f = kt_graph_dep_from((kt_rtype)g->rels[e].type);
        if (f >= 0 && from[e] != to[e])
            off[(f ? to[e] : from[e]) + 1]++;
    }
    for (igraph_integer_t v = 0; v < g->nv; v++)
        off[v + 1] += off[v];
    size_t n = (size_t)off[g->nv];
    dep = malloc((n + 1) * sizeof *dep);
    fill = malloc(((size_t)g->nv + 1) * sizeof *fill);
    if (!dep || !fill) {
        free(off);
        free(dep);
        free(fill);
        return KT_ENOMEM;
    }
    memcpy(fill, off, (size_t)g->nv * sizeof *fill);
    for (igraph_integer_t e = 0; e < ne; e++) {
        int f = kt_graph_dep_from((kt_rtype)g->rels[e].type);
        if (f < 0 || from[e] == to[e])
            continue;
        int32_t i = fill[f ? to[e] : from[e]]++;
        dep[i].node = (int32_t)(f ? from[e] : to[e]);
        dep[i].rel = (int32_t)e;
    }
    free(fill);
    o->off = off;
    o->dep = dep;
    o->n = n;
    return KT_OK;
}

void kt_graph_deps_free(kt_graph_deps *o)
{
    free((void *)o->off);
    free((void *)o->dep);
    memset(o, 0, sizeof *o);
}
