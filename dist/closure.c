/* closure.c: keten owners ENTITY --mpi and keten critical NODE --mpi: the closure the
 * analysis reads found level-synchronously over the ranks and gathered to rank 0, which runs
 * the unchanged engine on it (kt_own_upstream_in(), kt_crit_run_steps()).
 *
 * owners: the owner closure, along incoming owns and controls relations (the relations the
 * ownership engine follows, kt_graph_in() order).  critical: what the node reaches along
 * dependency steps other than ownership and control (kt_dep_iter order, owner_share 100).
 * Each rank keeps the closure entities it owns (a kt_vmap).  At each level it reads its
 * frontier's steps from its copy of the model, keeps them, and sends each far end to its
 * owner (MPI_Alltoallv), which adds it to the next frontier when new.  Rank 0 gathers every
 * entity's steps and serves the engine's reads from them: the engine walks the closure in its
 * own order, so the result, and the output, is the single-process command's, byte for byte.
 * The engine still reads the closure's relations and entities (shares, types, names,
 * sources) from rank 0's model: a snapshot maps those pages only.
 *
 * Complexity: O((U + E_U) / N) work and memory per rank for a closure of U entities and E_U
 * relations (when spread evenly; every relation of a closure entity is read, kept or not), as
 * many exchanges as the closure is deep; rank 0 O(U + E_U) for the lists and the engine's own
 * cost (kt_own.h, kt_crit.h). */
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_vmap.h"
#include "../analyses/own_i.h" /* kt_own_i_rel_used: the relations the engine follows */
#include "dist_i.h"

typedef struct {
    int64_t v, n; /* an entity and how many steps it has in the closure */
} head;

/* What a rank keeps of the closure, and rank 0 what it gathers: heads, and the steps of each
 * in the same order (edge, the far end, via). */
typedef struct {
    head *h;
    size_t nh, cap_h;
    kt_dep_step *st;
    size_t ns, cap_s;
} lists;

/* The steps of v that belong to the closure, appended to l->st. */
typedef void (*expand_fn)(const dctx *d, const kt_graph *g, igraph_integer_t v, lists *l);

static void grow(const dctx *d, void **arr, size_t *cap, size_t n, size_t elem)
{
    if (kt_vmap_grow(arr, cap, n, elem) != KT_OK)
        kt_dist_die(d, "out of memory");
}

static void add(const dctx *d, lists *l, kt_dep_step st)
{
    grow(d, (void **)&l->st, &l->cap_s, l->ns + 1, sizeof *l->st);
    l->st[l->ns++] = st;
}

static void owners_expand(const dctx *d, const kt_graph *g, igraph_integer_t v, lists *l)
{
    const igraph_integer_t *in;
    igraph_integer_t n = kt_graph_in(g, v, &in);
    for (igraph_integer_t i = 0; i < n; i++)
        if (kt_own_i_rel_used(g, in[i]))
            add(d, l, (kt_dep_step){in[i], kt_graph_rel_from(g, in[i]), KT_VIA_OWNERSHIP});
}

static void critical_expand(const dctx *d, const kt_graph *g, igraph_integer_t v, lists *l)
{
    kt_dep_iter it;
    kt_dep_step st;
    kt_dep_iter_init(&it, g, v, 100.0);
    while (kt_dep_iter_next(&it, &st))
        if (st.via != KT_VIA_OWNERSHIP && st.via != KT_VIA_CONTROL) /* as kt_crit_run() skips them */
            add(d, l, st);
}

/* The level-synchronous search from subject; *l gets this rank's closure entities and steps. */
static void search(const dctx *d, const kt_graph *g, igraph_integer_t subject, expand_fn expand, lists *l)
{
    kt_vmap own;
    kt_dist_levels lv = {0};
    igraph_integer_t idx;
    int fresh;

    memset(l, 0, sizeof *l);
    kt_vmap_init(&own);
    if (kt_dist_owner(d, subject) == d->rank) {
        if (kt_vmap_put(&own, subject, &idx, &fresh) != KT_OK)
            kt_dist_die(d, "out of memory");
        kt_dist_levels_push(d, &lv, subject);
    }
    while (kt_dist_levels_advance(d, &lv) > 0) {
        size_t first = l->ns;
        for (size_t f = 0; f < lv.n; f++) {
            size_t at = l->ns;
            expand(d, g, lv.cur[f], l);
            grow(d, (void **)&l->h, &l->cap_h, l->nh + 1, sizeof *l->h);
            l->h[l->nh++] = (head){lv.cur[f], (int64_t)(l->ns - at)};
        }
        size_t ns = l->ns - first;
        int64_t *sv = kt_dist_xmalloc(d, ns * sizeof *sv);
        int *dest = kt_dist_xmalloc(d, ns * sizeof *dest);
        for (size_t i = 0; i < ns; i++) {
            sv[i] = l->st[first + i].next;
            dest[i] = kt_dist_owner(d, sv[i]);
        }
        kt_dist_plan pl;
        int64_t *got;
        size_t *order;
        kt_dist_exchange(d, sv, dest, ns, sizeof *sv, &pl, (void **)&got, &order);
        free(sv);
        free(dest);
        free(order);
        for (size_t j = 0; j < pl.nrecv; j++) {
            if (kt_vmap_put(&own, got[j], &idx, &fresh) != KT_OK)
                kt_dist_die(d, "out of memory");
            if (fresh)
                kt_dist_levels_push(d, &lv, got[j]);
        }
        kt_dist_plan_free(&pl);
        free(got);
    }
    kt_dist_levels_free(&lv);
    kt_vmap_destroy(&own);
}

/* The gathered closure, as the engines read it. */
typedef struct {
    kt_vmap at;            /* entity -> index in off */
    size_t *off;           /* its steps: st[off[i]] .. st[off[i + 1]] */
    kt_dep_step *st;
    igraph_integer_t *rel; /* owners: the steps' relations */
} closure;

static igraph_integer_t in_rels(void *ctx, igraph_integer_t v, const igraph_integer_t **eids)
{
    const closure *c = ctx;
    igraph_integer_t i = kt_vmap_get(&c->at, v);
    *eids = i < 0 ? NULL : c->rel + c->off[i];
    return i < 0 ? 0 : (igraph_integer_t)(c->off[i + 1] - c->off[i]);
}

static igraph_integer_t steps_of(void *ctx, igraph_integer_t v, const kt_dep_step **list)
{
    const closure *c = ctx;
    igraph_integer_t i = kt_vmap_get(&c->at, v);
    *list = i < 0 ? NULL : c->st + c->off[i];
    return i < 0 ? 0 : (igraph_integer_t)(c->off[i + 1] - c->off[i]);
}

/* Every rank: the job's header, the search and the gathering.  0 on rank 0 with *c filled
 * (free with closure_free()); -1 elsewhere (the worker's command ends). */
static int gather(const kt_graph *g, int job, igraph_integer_t subject, expand_fn expand, closure *c)
{
    dctx d;
    lists l;
    head *ah;
    size_t nah, nas;

    dctx_init(&d);
    memset(c, 0, sizeof *c);
    kt_vmap_init(&c->at);
    kt_dist_header h = {job, 0, kt_graph_vertex_count(g), kt_graph_edge_count(g), 0, subject};
    if (d.rank == 0)
        kt_dist_header_bcast(&h, d.comm);
    else if (kt_dist_join(&d, &h) != 0)
        return -1; /* rank 0 ended first */
    double t0 = MPI_Wtime();
    memset(&kt_dist_last, 0, sizeof kt_dist_last);
    search(&d, g, subject, expand, &l);
    kt_dist_sample();
    kt_dist_last.owned = (long long)l.nh;
    kt_dist_last.steps = (long long)l.ns;
    kt_dist_last.bytes = (long long)(l.nh * sizeof *l.h + l.ns * sizeof *l.st);
    kt_dist_last.searches = MPI_Wtime() - t0;
    kt_dist_gather(&d, l.h, l.nh, sizeof *l.h, (void **)&ah, &nah);
    kt_dist_gather(&d, l.st, l.ns, sizeof *l.st, (void **)&c->st, &nas);
    free(l.h);
    free(l.st);
    if (d.rank != 0)
        return -1;
    /* each rank's heads and steps come in the same order, rank after rank */
    igraph_integer_t idx;
    int fresh;
    c->off = kt_dist_xmalloc(&d, (nah + 1) * sizeof *c->off);
    c->rel = kt_dist_xmalloc(&d, (nas + 1) * sizeof *c->rel);
    c->off[0] = 0;
    for (size_t i = 0; i < nah; i++) {
        if (kt_vmap_put(&c->at, ah[i].v, &idx, &fresh) != KT_OK)
            kt_dist_die(&d, "out of memory");
        c->off[i + 1] = c->off[i] + (size_t)ah[i].n;
    }
    free(ah);
    if (c->off[nah] != nas)
        kt_dist_die(&d, "the gathered closure does not add up");
    for (size_t i = 0; i < nas; i++)
        c->rel[i] = c->st[i].edge;
    kt_dist_last.paths = MPI_Wtime() - t0 - kt_dist_last.searches;
    return 0;
}

static void closure_free(closure *c)
{
    kt_vmap_destroy(&c->at);
    free(c->off);
    free(c->st);
    free(c->rel);
}

kt_err kt_dist_owners(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts, kt_own_result *out,
                      kt_errinfo *ei)
{
    closure c;
    memset(out, 0, sizeof *out);
    if (target < 0 || target >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity"); /* every rank alike */
    if (gather(g, KT_JOB_OWNERS, target, owners_expand, &c) != 0) {
        closure_free(&c);
        return kt_errinfo_set(ei, KT_EUSAGE, "", 0, "a worker writes nothing");
    }
    kt_err rc = kt_own_upstream_in(g, target, opts, in_rels, &c, out, ei);
    closure_free(&c);
    return rc;
}

kt_err kt_dist_critical(const kt_graph *g, igraph_integer_t start, kt_crit_result **out)
{
    closure c;
    *out = NULL;
    if (start < 0 || start >= kt_graph_vertex_count(g))
        return KT_EUSAGE; /* every rank alike */
    if (gather(g, KT_JOB_CRITICAL, start, critical_expand, &c) != 0) {
        closure_free(&c);
        return KT_EUSAGE; /* a worker writes nothing */
    }
    kt_err rc = kt_crit_run_steps(g, start, steps_of, &c, out);
    closure_free(&c);
    return rc;
}
