/* exposure.c: keten exposure NODE --mpi, the breadth-first search of analyses/exposure.c run
 * level-synchronously over the ranks (see kt_dist.h for the partition).
 *
 * Each rank keeps the nodes it owns that are reached (a kt_vmap, O(R / N)).  At each level it
 * expands its frontier along kt_dep steps, reading its own nodes' relations from its copy of
 * the model, and sends each step (node reached, relation, parent) to the owner of the node
 * reached (MPI_Alltoallv); the owner keeps a node first reached at this level with the lowest
 * relation among the level's steps into it, which is exactly what the single-process queue
 * keeps (a node's relation is replaced by any lower one from the level before; see
 * analyses/exposure.c).  At max_depth the steps are sent as questions instead (is that node
 * reached?), whose answers say which nodes are cut by max_depth.  Rank 0 gathers the reached
 * nodes, rebuilds the breadth-first tree and classifies it with kt_exp_classify(), the code
 * kt_exp_run() uses: the output is keten exposure's, byte for byte.
 *
 * Complexity: O((R + D) / N) work and memory per rank for R nodes reached with D incident
 * relations (when spread evenly), max_depth + 1 exchanges; rank 0 O(R log R) to rebuild the
 * tree and the classification of kt_exp_run(). */
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_vmap.h"
#include "dist_i.h"

typedef struct {
    int64_t v, parent, edge; /* the node, its parent node (-1: the start), the relation */
    int32_t via, depth;
    int32_t cut, pad; /* at max_depth, a step leads out of it to a node not reached */
} reach;

typedef struct {
    int64_t next, edge, parent;
    int32_t via, probe; /* probe: only asks whether next is reached */
} step;

static int cmp_reach(const void *a, const void *b)
{
    const reach *x = a, *y = b;
    if (x->depth != y->depth)
        return x->depth < y->depth ? -1 : 1;
    return (x->v > y->v) - (x->v < y->v);
}

static void grow(const dctx *d, void **arr, size_t *cap, size_t n, size_t elem)
{
    if (kt_vmap_grow(arr, cap, n, elem) != KT_OK)
        kt_dist_die(d, "out of memory");
}

/* The level-synchronous search; *mine gets this rank's reached nodes. */
static void search(const dctx *d, const kt_graph *g, const kt_exp_result *r, reach **mine, size_t *nmine)
{
    kt_vmap own;
    reach *rec = NULL;
    size_t nrec = 0, cap_rec = 0;
    kt_dist_levels lv = {0}; /* indexes into rec */
    igraph_integer_t idx;
    int fresh;

    kt_vmap_init(&own);
    if (kt_dist_owner(d, r->start) == d->rank) {
        if (kt_vmap_put(&own, r->start, &idx, &fresh) != KT_OK)
            kt_dist_die(d, "out of memory");
        grow(d, (void **)&rec, &cap_rec, 1, sizeof *rec);
        rec[nrec++] = (reach){r->start, -1, -1, KT_VIA_MEMBERSHIP, 0, 0, 0};
        kt_dist_levels_push(d, &lv, 0);
    }
    kt_dist_levels_advance(d, &lv);
    for (int lev = 0;; lev++) {
        int probe = lev >= r->max_depth;
        step *sv = NULL;
        int *dest = NULL;
        size_t *from = NULL, ns = 0, cap_s = 0, cap_d = 0, cap_from = 0;
        for (size_t f = 0; f < lv.n; f++) {
            kt_dep_iter it;
            kt_dep_step st;
            kt_dep_iter_init(&it, g, rec[lv.cur[f]].v, r->owner_share);
            while (kt_dep_iter_next(&it, &st)) {
                grow(d, (void **)&sv, &cap_s, ns + 1, sizeof *sv);
                grow(d, (void **)&dest, &cap_d, ns + 1, sizeof *dest);
                grow(d, (void **)&from, &cap_from, ns + 1, sizeof *from);
                sv[ns] = (step){st.next, st.edge, rec[lv.cur[f]].v, (int32_t)st.via, probe};
                from[ns] = (size_t)lv.cur[f];
                dest[ns++] = kt_dist_owner(d, st.next);
            }
        }
        kt_dist_plan pl;
        step *rv;
        size_t *order;
        kt_dist_exchange(d, sv, dest, ns, sizeof *sv, &pl, (void **)&rv, &order);
        free(dest);
        free(sv);
        int32_t *ans = kt_dist_xmalloc(d, pl.nrecv * sizeof *ans), *got = kt_dist_xmalloc(d, ns * sizeof *got);
        for (size_t j = 0; j < pl.nrecv; j++) {
            igraph_integer_t i = kt_vmap_get(&own, rv[j].next);
            ans[j] = i >= 0;
            if (rv[j].probe)
                continue;
            if (i < 0) {
                if (kt_vmap_put(&own, rv[j].next, &i, &fresh) != KT_OK)
                    kt_dist_die(d, "out of memory");
                grow(d, (void **)&rec, &cap_rec, nrec + 1, sizeof *rec);
                rec[nrec++] = (reach){rv[j].next, rv[j].parent, rv[j].edge, rv[j].via, lev + 1, 0, 0};
                kt_dist_levels_push(d, &lv, i);
            } else if (rec[i].depth == lev + 1 && rv[j].edge < rec[i].edge) {
                rec[i].parent = rv[j].parent; /* a lower relation from the level before */
                rec[i].edge = rv[j].edge;
                rec[i].via = rv[j].via;
            }
        }
        kt_dist_reply(d, &pl, ans, sizeof *ans, got);
        if (probe)
            for (size_t k = 0; k < ns; k++)
                if (!got[k])
                    rec[from[order[k]]].cut = 1;
        free(got);
        free(ans);
        free(rv);
        free(order);
        free(from);
        if (probe || kt_dist_levels_advance(d, &lv) == 0)
            break;
    }
    kt_dist_levels_free(&lv);
    kt_vmap_destroy(&own);
    *mine = rec;
    *nmine = nrec;
}

/* Rank 0: the breadth-first tree from every rank's reached nodes (by depth, then vertex id,
 * the start first), classified as kt_exp_run() does. */
static kt_err assemble(const kt_graph *g, const kt_policy *p, kt_exp_result *r, reach *all, size_t n)
{
    kt_vmap at;
    kt_err rc = KT_ENOMEM;
    unsigned char *cut = malloc(n ? n : 1);
    igraph_integer_t idx;
    int fresh;

    kt_vmap_init(&at);
    qsort(all, n, sizeof *all, cmp_reach);
    if (!cut || !(r->reached = malloc((n ? n : 1) * sizeof *r->reached)))
        goto out;
    for (size_t i = 0; i < n; i++)
        if (kt_vmap_put(&at, all[i].v, &idx, &fresh) != KT_OK)
            goto out;
    for (size_t i = 0; i < n; i++) {
        r->reached[i] = (kt_exp_reach){all[i].v, all[i].parent < 0 ? -1 : kt_vmap_get(&at, all[i].parent),
                                       all[i].edge, (kt_via)all[i].via, all[i].depth};
        cut[i] = (unsigned char)all[i].cut;
    }
    r->nreached = n;
    rc = kt_exp_classify(g, p, r, cut);
out:
    free(cut);
    kt_vmap_destroy(&at);
    return rc;
}

kt_err kt_dist_exposure(const kt_graph *g, const kt_policy *p, igraph_integer_t start, const kt_exp_opts *opts,
                        kt_exp_result **out)
{
    dctx d;
    kt_exp_result *r;
    kt_err rc;

    dctx_init(&d);
    *out = NULL;
    if ((rc = kt_exp_result_new(p, start, opts, kt_graph_vertex_count(g), &r)) != KT_OK) {
        if (rc == KT_ENOMEM && d.rank != 0)
            kt_dist_die(&d, "out of memory");
        return rc; /* every rank fails alike; the workers wait for rank 0's end */
    }
    kt_dist_header h = {KT_JOB_EXPOSURE, 0, kt_graph_vertex_count(g), kt_graph_edge_count(g), r->max_depth, start};
    if (d.rank == 0)
        kt_dist_header_bcast(&h, d.comm);
    else if (kt_dist_join(&d, &h) != 0) {
        kt_exp_result_free(r);
        return KT_EUSAGE; /* rank 0 ended before this job */
    }
    double t0 = MPI_Wtime();
    reach *mine, *all;
    size_t nmine, n;
    memset(&kt_dist_last, 0, sizeof kt_dist_last);
    search(&d, g, r, &mine, &nmine);
    kt_dist_sample();
    kt_dist_last.owned = (long long)nmine;
    kt_dist_last.bytes = (long long)(nmine * sizeof *mine);
    kt_dist_last.searches = MPI_Wtime() - t0;
    kt_dist_gather(&d, mine, nmine, sizeof *mine, (void **)&all, &n);
    free(mine);
    if (d.rank != 0) {
        kt_exp_result_free(r);
        return KT_EUSAGE; /* a worker writes nothing: its command ends here */
    }
    rc = assemble(g, p, r, all, n);
    free(all);
    kt_dist_last.paths = MPI_Wtime() - t0 - kt_dist_last.searches;
    if (rc != KT_OK) {
        kt_exp_result_free(r);
        return rc;
    }
    *out = r;
    return KT_OK;
}
