/* owners.c: keten owners ENTITY --mpi: the owner closure found level-synchronously over the
 * ranks and gathered to rank 0, which runs the unchanged ownership engine on it
 * (kt_own_upstream_in()).
 *
 * Each rank keeps the entities it owns that are in the closure (a kt_vmap).  At each level it
 * reads its frontier's incoming relations from its copy of the model, keeps the owns and
 * controls relations among them (as the engine counts them, kt_graph_in() order), and sends
 * each owner to the owner's rank (MPI_Alltoallv), which adds it to the next frontier when new.
 * Rank 0 gathers every entity's list and serves the engine's reads from it: the engine builds
 * its subgraph in its own order from those lists, so the result, and the output, is keten
 * owners', byte for byte.  The engine still reads the closure's relations and entities (shares,
 * names, sources) from rank 0's model: a snapshot maps those pages only.
 *
 * Complexity: O((U + E_U) / N) work and memory per rank for a closure of U entities and E_U
 * relations (when spread evenly; the incoming relations of every closure entity are read,
 * owns or not), as many exchanges as the closure is deep; rank 0 O(U + E_U) for the lists and
 * the engine's own cost (kt_own.h). */
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_vmap.h"
#include "../analyses/own_i.h" /* kt_own_i_rel_used: the relations the engine follows */
#include "dist_i.h"

typedef struct {
    int64_t v, n; /* an entity and how many of its incoming relations are kept */
} head;

/* The gathered closure, as kt_own_in_fn reads it. */
typedef struct {
    kt_vmap at;            /* entity -> index in off */
    size_t *off;           /* its relations: rel[off[i]] .. rel[off[i + 1]] */
    igraph_integer_t *rel;
} closure;

static igraph_integer_t in_rels(void *ctx, igraph_integer_t v, const igraph_integer_t **eids)
{
    const closure *c = ctx;
    igraph_integer_t i = kt_vmap_get(&c->at, v);
    if (i < 0) {
        *eids = NULL;
        return 0;
    }
    *eids = c->rel + c->off[i];
    return (igraph_integer_t)(c->off[i + 1] - c->off[i]);
}

static void grow(const dctx *d, void **arr, size_t *cap, size_t n, size_t elem)
{
    if (kt_vmap_grow(arr, cap, n, elem) != KT_OK)
        kt_dist_die(d, "out of memory");
}

/* The level-synchronous search: *hv, *rv get this rank's closure entities and their kept
 * relations, in the same order. */
static void search(const dctx *d, const kt_graph *g, igraph_integer_t subject, head **hv, size_t *nh,
                   igraph_integer_t **rv, size_t *nr)
{
    kt_vmap own;
    size_t cap_h = 0, cap_r = 0, cap_f = 0, cap_nf = 0, nf = 0;
    int64_t *front = NULL, *newf = NULL;
    igraph_integer_t idx;
    int fresh;

    *hv = NULL;
    *rv = NULL;
    *nh = *nr = 0;
    kt_vmap_init(&own);
    if (kt_dist_owner(d, subject) == d->rank) {
        if (kt_vmap_put(&own, subject, &idx, &fresh) != KT_OK)
            kt_dist_die(d, "out of memory");
        grow(d, (void **)&front, &cap_f, 1, sizeof *front);
        front[nf++] = subject;
    }
    for (;;) {
        int64_t *sv = NULL;
        int *dest = NULL;
        size_t ns = 0, cap_s = 0, cap_d = 0, nn = 0;
        for (size_t f = 0; f < nf; f++) {
            const igraph_integer_t *in;
            igraph_integer_t n = kt_graph_in(g, front[f], &in), kept = 0;
            for (igraph_integer_t i = 0; i < n; i++) {
                if (!kt_own_i_rel_used(g, in[i]))
                    continue;
                grow(d, (void **)rv, &cap_r, *nr + 1, sizeof **rv);
                grow(d, (void **)&sv, &cap_s, ns + 1, sizeof *sv);
                grow(d, (void **)&dest, &cap_d, ns + 1, sizeof *dest);
                (*rv)[(*nr)++] = in[i];
                sv[ns] = kt_graph_rel_from(g, in[i]);
                dest[ns] = kt_dist_owner(d, sv[ns]);
                ns++;
                kept++;
            }
            grow(d, (void **)hv, &cap_h, *nh + 1, sizeof **hv);
            (*hv)[(*nh)++] = (head){front[f], kept};
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
            if (fresh) {
                grow(d, (void **)&newf, &cap_nf, nn + 1, sizeof *newf);
                newf[nn++] = got[j];
            }
        }
        kt_dist_plan_free(&pl);
        free(got);
        int64_t n = (int64_t)nn, total = 0;
        MPI_Allreduce(&n, &total, 1, MPI_INT64_T, MPI_SUM, d->comm);
        if (total == 0)
            break;
        int64_t *tmp = front;
        size_t tcap = cap_f;
        front = newf;
        cap_f = cap_nf;
        newf = tmp;
        cap_nf = tcap;
        nf = nn;
    }
    free(front);
    free(newf);
    kt_vmap_destroy(&own);
}

kt_err kt_dist_owners(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts, kt_own_result *out,
                      kt_errinfo *ei)
{
    dctx d;
    head *hv, *ah;
    igraph_integer_t *rv, *ar;
    size_t nh, nr, nah, nar;

    dctx_init(&d);
    memset(out, 0, sizeof *out);
    if (target < 0 || target >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity"); /* every rank alike */
    kt_dist_header h = {KT_JOB_OWNERS, 0, kt_graph_vertex_count(g), kt_graph_edge_count(g), 0, target};
    if (d.rank == 0)
        kt_dist_header_bcast(&h, d.comm);
    else if (kt_dist_join(&d, &h) != 0)
        return kt_errinfo_set(ei, KT_EUSAGE, "", 0, "rank 0 ended first");
    double t0 = MPI_Wtime();
    memset(&kt_dist_last, 0, sizeof kt_dist_last);
    search(&d, g, target, &hv, &nh, &rv, &nr);
    kt_dist_sample();
    kt_dist_last.owned = (long long)nh;
    kt_dist_last.steps = (long long)nr;
    kt_dist_last.bytes = (long long)(nh * sizeof *hv + nr * sizeof *rv);
    kt_dist_last.searches = MPI_Wtime() - t0;
    kt_dist_gather(&d, hv, nh, sizeof *hv, (void **)&ah, &nah);
    kt_dist_gather(&d, rv, nr, sizeof *rv, (void **)&ar, &nar);
    free(hv);
    free(rv);
    if (d.rank != 0)
        return kt_errinfo_set(ei, KT_EUSAGE, "", 0, "a worker writes nothing"); /* its command ends here */

    /* each rank's heads and relations come in the same order, rank after rank */
    closure c = {.rel = ar};
    kt_err rc = KT_ENOMEM;
    igraph_integer_t idx;
    int fresh;
    kt_vmap_init(&c.at);
    if (!(c.off = malloc((nah + 1) * sizeof *c.off)))
        goto out;
    c.off[0] = 0;
    for (size_t i = 0; i < nah; i++) {
        if (kt_vmap_put(&c.at, ah[i].v, &idx, &fresh) != KT_OK)
            goto out;
        c.off[i + 1] = c.off[i] + (size_t)ah[i].n;
    }
    if (c.off[nah] != nar)
        kt_dist_die(&d, "the gathered closure does not add up");
    rc = kt_own_upstream_in(g, target, opts, in_rels, &c, out, ei);
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, KT_ENOMEM, "", 0, "out of memory");
    kt_dist_last.paths = MPI_Wtime() - t0 - kt_dist_last.searches;
    kt_vmap_destroy(&c.at);
    free(c.off);
    free(ah);
    free(ar);
    return rc;
}
