/* search.c: the screening searches partitioned over MPI ranks (see kt_dist.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dist_i.h"

enum { K = KT_SCREEN_SEARCHES_MAX };
_Static_assert(K <= 32, "a step's searches fit in 32 bits");

/* One rank's part of the graph and of the search tables. */
typedef struct {
    dctx x;
    int32_t nv;             /* vertices in the whole graph */
    int maxd;               /* the policy's max_depth */
    uint32_t present;       /* bit c: search c runs (the policy asks for it) */
    int32_t nown;           /* the vertices this rank owns: rank, rank + N, rank + 2N, ... */
    uint32_t *src;          /* per owned vertex: bit c, a source of search c */
    /* the steps into owned vertices (who depends on them), by local index in relation
     * order: off[i]..off[i+1] index node (the dependent), edge and mask (bit c: a step of
     * search c) */
    int32_t *off, *node, *edge;
    uint32_t *mask;
    int32_t *dist[K], *next[K]; /* per owned vertex, as kt_screen_tables */
    int32_t *to[K];             /* per owned vertex: the vertex next leads to */
    int32_t *starts;            /* the starting points of this rank's bidders */
    size_t nstarts;
} part;

static _Noreturn void die(const part *d, const char *what)
{
    kt_dist_die(&d->x, what);
}

static void *xmalloc(const part *d, size_t n)
{
    return kt_dist_xmalloc(&d->x, n);
}

static int owner(const part *d, int64_t v)
{
    return kt_dist_owner(&d->x, v);
}

static int32_t lidx(const part *d, int32_t v)
{
    return v / d->x.size;
}

static int32_t gid(const part *d, int32_t i)
{
    return i * d->x.size + d->x.rank;
}

typedef kt_dist_plan plan;

static void exchange(part *d, const void *rec, const int *dest, size_t n, size_t sz, plan *pl, void **recv,
                     size_t **order)
{
    kt_dist_exchange(&d->x, rec, dest, n, sz, pl, recv, order);
}

static void reply(part *d, plan *pl, const void *rep, size_t sz, void *out)
{
    kt_dist_reply(&d->x, pl, rep, sz, out);
}

/* ---- the partition, read by every rank from its own copy of the model ---- */

static int32_t owned_by(const part *d, int r)
{
    return d->nv / d->x.size + (r < d->nv % d->x.size);
}

/* The sources of every search at each owned vertex, and the steps into owned vertices, in
 * relation order: two passes over the relations (count, then fill).  O(|V| / N + |E|) time,
 * O((|V| + |E|) / N) memory. */
static void partition(part *d, const kt_screen *s, int64_t ne)
{
    igraph_integer_t a, b;

    d->src = xmalloc(d, (size_t)d->nown * sizeof *d->src);
    for (int32_t i = 0; i < d->nown; i++) {
        uint32_t m = 0;
        for (int c = 0; c < K; c++)
            if ((d->present >> c) & 1)
                m |= (uint32_t)kt_screen_source(s, c, gid(d, i)) << c;
        d->src[i] = m;
    }
    if (!(d->off = calloc((size_t)d->nown + 2, sizeof *d->off)))
        die(d, "out of memory");
    for (int64_t e = 0; e < ne; e++)
        if (kt_screen_step(s, e, &a, &b) && owner(d, b) == d->x.rank)
            d->off[lidx(d, (int32_t)b) + 1]++;
    for (int32_t i = 0; i < d->nown; i++)
        d->off[i + 1] += d->off[i];
    size_t n = (size_t)d->off[d->nown];
    d->node = xmalloc(d, n * sizeof *d->node);
    d->edge = xmalloc(d, n * sizeof *d->edge);
    d->mask = xmalloc(d, n * sizeof *d->mask);
    int32_t *at = xmalloc(d, ((size_t)d->nown + 1) * sizeof *at);
    memcpy(at, d->off, ((size_t)d->nown + 1) * sizeof *at);
    for (int64_t e = 0; e < ne; e++) {
        uint32_t m = kt_screen_step(s, e, &a, &b);
        if (m && owner(d, b) == d->x.rank) {
            int32_t j = at[lidx(d, (int32_t)b)]++;
            d->node[j] = (int32_t)a;
            d->edge[j] = (int32_t)e;
            d->mask[j] = m;
        }
    }
    free(at);
}

/* The starting points of this rank's bidders (bidder i: rank i mod N).  A bidder naming an
 * unknown entity is left out: rank 0's kt_screen_bidder() reports it. */
static void find_starts(part *d, const kt_screen *s, const kt_tender *t, const kt_screen_tender *ctx)
{
    size_t cap = 0;
    d->starts = NULL;
    d->nstarts = 0;
    for (size_t b = (size_t)d->x.rank; b < t->nbidders; b += (size_t)d->x.size) {
        igraph_integer_t *sv;
        size_t ns;
        kt_errinfo ei;
        kt_err rc = kt_screen_starts(s, ctx, &t->bidders[b], &sv, &ns, &ei);
        if (rc == KT_ENOMEM)
            die(d, "out of memory");
        if (rc != KT_OK)
            continue;
        if (d->nstarts + ns > cap) {
            cap = 2 * (d->nstarts + ns);
            if (!(d->starts = realloc(d->starts, cap * sizeof *d->starts)))
                die(d, "out of memory");
        }
        for (size_t i = 0; i < ns; i++)
            d->starts[d->nstarts++] = (int32_t)sv[i];
        free(sv);
    }
}

/* ---- the level-synchronous searches ---- */

typedef struct {
    int64_t key; /* the parent's order key */
    int32_t u;   /* the dependent reached */
    int32_t e;   /* by this relation */
    int32_t b;   /* from this parent */
    int32_t pad;
} cand;

typedef struct {
    int64_t key;
    int32_t e, pad;
} pair;

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->e > y->e) - (x->e < y->e);
}

/* The dense ranks of this level's (parent key, relation) pairs, keys in [0, range): each pair
 * goes to the rank holding its block of keys, which sorts them; an exclusive scan of the
 * counts places the blocks.  key[] receives the ranks, in the order of q. */
static void dense_ranks(part *d, const pair *q, size_t n, int64_t range, int64_t *key)
{
    int64_t blk = (range + d->x.size - 1) / d->x.size;
    int *dest = xmalloc(d, n * sizeof *dest);
    for (size_t i = 0; i < n; i++)
        dest[i] = (int)(q[i].key / blk);
    plan pl;
    pair *rv;
    size_t *order;
    exchange(d, q, dest, n, sizeof *q, &pl, (void **)&rv, &order);
    free(dest);
    /* sort the received pairs, remembering where each came from (pad: its index) */
    for (size_t i = 0; i < pl.nrecv; i++)
        rv[i].pad = (int32_t)i;
    if (pl.nrecv)
        qsort(rv, pl.nrecv, sizeof *rv, cmp_pair);
    int64_t mine = (int64_t)pl.nrecv, base = 0;
    MPI_Exscan(&mine, &base, 1, MPI_INT64_T, MPI_SUM, d->x.comm);
    if (d->x.rank == 0)
        base = 0; /* MPI_Exscan leaves rank 0's result undefined */
    int64_t *rank = xmalloc(d, pl.nrecv * sizeof *rank), *out = xmalloc(d, n * sizeof *out);
    for (size_t j = 0; j < pl.nrecv; j++)
        rank[rv[j].pad] = base + (int64_t)j;
    reply(d, &pl, rank, sizeof *rank, out);
    for (size_t j = 0; j < n; j++)
        key[order[j]] = out[j];
    free(rank);
    free(out);
    free(rv);
    free(order);
}

/* Search c, as screen.c's single-process queue would run it.  O((|V| + |E|) / N) per rank
 * and at most 3 max_depth collective exchanges. */
static void search(part *d, int c, int64_t *best)
{
    int32_t *dist = d->dist[c], *next = d->next[c], *to = d->to[c], nf = 0;
    int32_t *front = xmalloc(d, (size_t)d->nown * sizeof *front), *newf = xmalloc(d, (size_t)d->nown * sizeof *newf);
    int64_t *fkey = xmalloc(d, (size_t)d->nown * sizeof *fkey), range = d->nv;
    int maxd = d->maxd;

    for (int32_t i = 0; i < d->nown; i++) {
        dist[i] = next[i] = to[i] = -1;
        if ((d->src[i] >> c) & 1) {
            dist[i] = 0;
            front[nf] = i;
            fkey[nf++] = gid(d, i); /* sources enter the queue in vertex order */
        }
    }
    for (int lev = 1; lev <= maxd; lev++) {
        size_t nc = 0;
        for (int32_t f = 0; f < nf; f++)
            for (int32_t k = d->off[front[f]]; k < d->off[front[f] + 1]; k++)
                nc += (d->mask[k] >> c) & 1;
        cand *cv = xmalloc(d, nc * sizeof *cv);
        int *dest = xmalloc(d, nc * sizeof *dest);
        nc = 0;
        for (int32_t f = 0; f < nf; f++)
            for (int32_t k = d->off[front[f]]; k < d->off[front[f] + 1]; k++)
                if ((d->mask[k] >> c) & 1) {
                    cv[nc] = (cand){fkey[f], d->node[k], d->edge[k], gid(d, front[f]), 0};
                    dest[nc++] = owner(d, d->node[k]);
                }
        plan pl;
        cand *rv;
        size_t *order;
        exchange(d, cv, dest, nc, sizeof *cv, &pl, (void **)&rv, &order);
        free(cv);
        free(dest);
        free(order);
        int32_t nn = 0;
        for (size_t j = 0; j < pl.nrecv; j++) {
            int32_t i = lidx(d, rv[j].u);
            if (dist[i] < 0) {
                dist[i] = lev;
                next[i] = rv[j].e;
                to[i] = rv[j].b;
                best[i] = rv[j].key;
                newf[nn++] = i;
            } else if (dist[i] == lev && (rv[j].key < best[i] || (rv[j].key == best[i] && rv[j].e < next[i]))) {
                next[i] = rv[j].e; /* an earlier parent in the queue, or an earlier relation */
                to[i] = rv[j].b;
                best[i] = rv[j].key;
            }
        }
        kt_dist_plan_free(&pl);
        free(rv);
        int64_t mine = nn, total = 0;
        MPI_Allreduce(&mine, &total, 1, MPI_INT64_T, MPI_SUM, d->x.comm);
        if (total == 0 || lev == maxd)
            break;
        pair *q = xmalloc(d, (size_t)nn * sizeof *q);
        for (int32_t j = 0; j < nn; j++)
            q[j] = (pair){best[newf[j]], next[newf[j]], 0};
        dense_ranks(d, q, (size_t)nn, range, fkey);
        free(q);
        int32_t *tmp = front;
        front = newf;
        newf = tmp;
        nf = nn;
        range = total;
    }
    free(front);
    free(newf);
    free(fkey);
}

/* ---- the bidders' evidence paths ---- */

typedef struct {
    int32_t c, v, dist, next, to; /* to: the vertex next leads to */
} entry;

/* A set of (search, vertex) pairs asked for already: open addressing on c * |V| + v. */
typedef struct {
    int64_t *slot;
    size_t cap, n;
} seen;

static int seen_add(const part *d, seen *h, int64_t x)
{
    if (2 * (h->n + 1) > h->cap) {
        size_t cap = h->cap ? 2 * h->cap : 1024;
        int64_t *slot = xmalloc(d, cap * sizeof *slot);
        memset(slot, 0xff, cap * sizeof *slot);
        for (size_t i = 0; i < h->cap; i++)
            if (h->slot[i] >= 0) {
                size_t j = (size_t)((uint64_t)h->slot[i] * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
                while (slot[j] >= 0)
                    j = (j + 1) & (cap - 1);
                slot[j] = h->slot[i];
            }
        free(h->slot);
        h->slot = slot;
        h->cap = cap;
    }
    size_t j = (size_t)((uint64_t)x * 0x9E3779B97F4A7C15ull >> 20) & (h->cap - 1);
    for (; h->slot[j] >= 0; j = (j + 1) & (h->cap - 1))
        if (h->slot[j] == x)
            return 0;
    h->slot[j] = x;
    h->n++;
    return 1;
}

typedef struct {
    entry *v; /* c, v filled; dist, next once answered */
    size_t n, cap;
} entries;

static void push(const part *d, entries *q, entry x)
{
    if (q->n == q->cap) {
        q->cap = q->cap ? 2 * q->cap : 256;
        if (!(q->v = realloc(q->v, q->cap * sizeof *q->v)))
            die(d, "out of memory");
    }
    q->v[q->n++] = x;
}

static void ask(const part *d, seen *h, entries *q, int32_t c, int32_t v)
{
    if (seen_add(d, h, (int64_t)c * d->nv + v))
        push(d, q, (entry){c, v, -1, -1, -1});
}

/* Resolve the paths of this rank's bidders: one exchange per step of the longest path, each
 * asking the owners for (dist, next) of the vertices reached.  The answered entries are
 * appended to *done.  O(P K max_depth) records for P starting points. */
static void resolve(part *d, entries *done)
{
    seen h = {0};
    entries q = {0};
    for (size_t i = 0; i < d->nstarts; i++)
        for (int c = 0; c < K; c++)
            if ((d->present >> c) & 1)
                ask(d, &h, &q, c, d->starts[i]);
    for (;;) {
        int64_t mine = (int64_t)q.n, total = 0;
        MPI_Allreduce(&mine, &total, 1, MPI_INT64_T, MPI_SUM, d->x.comm);
        if (total == 0)
            break;
        int *dest = xmalloc(d, q.n * sizeof *dest);
        for (size_t i = 0; i < q.n; i++)
            dest[i] = owner(d, q.v[i].v);
        plan pl;
        entry *rv, *ans = xmalloc(d, q.n * sizeof *ans);
        size_t *order;
        exchange(d, q.v, dest, q.n, sizeof *q.v, &pl, (void **)&rv, &order);
        free(dest);
        for (size_t j = 0; j < pl.nrecv; j++) {
            int32_t i = lidx(d, rv[j].v);
            rv[j].dist = d->dist[rv[j].c][i];
            rv[j].next = d->next[rv[j].c][i];
            rv[j].to = d->to[rv[j].c][i];
        }
        reply(d, &pl, rv, sizeof *rv, ans);
        free(rv);
        entries nq = {0};
        for (size_t j = 0; j < q.n; j++) {
            const entry *x = &ans[j];
            push(d, done, *x);
            if (x->dist > 0)
                ask(d, &h, &nq, x->c, x->to);
        }
        free(ans);
        free(order);
        free(q.v);
        q = nq;
    }
    free(q.v);
    free(h.slot);
}

/* ---- one screening, on every rank ---- */

/* The partition, the searches, the bidders' paths; rank 0 gets the entries its bidders read
 * into its tables. */
static void run(part *d, kt_screen *s, const kt_tender *t, const kt_screen_tender *ctx, int64_t ne)
{
    entries done = {0};
    double t0 = MPI_Wtime();

    d->nown = owned_by(d, d->x.rank);
    partition(d, s, ne);
    find_starts(d, s, t, ctx);
    double t1 = MPI_Wtime();
    int64_t *best = xmalloc(d, (size_t)d->nown * sizeof *best);
    int nk = 0;
    for (int c = 0; c < K; c++)
        if ((d->present >> c) & 1) {
            d->dist[c] = xmalloc(d, (size_t)d->nown * sizeof *d->dist[c]);
            d->next[c] = xmalloc(d, (size_t)d->nown * sizeof *d->next[c]);
            d->to[c] = xmalloc(d, (size_t)d->nown * sizeof *d->to[c]);
            search(d, c, best);
            nk++;
        }
    kt_dist_sample();
    kt_dist_last.owned = d->nown;
    kt_dist_last.steps = d->off[d->nown];
    /* the steps, the tables, the sources, keys and frontiers */
    kt_dist_last.bytes = (long long)d->off[d->nown] * 12 + (long long)d->nown * (12 * nk + 4 + 8 + 8 + 12);
    free(best);
    free(d->off);
    free(d->node);
    free(d->edge);
    free(d->mask);
    free(d->src);
    double t2 = MPI_Wtime();
    resolve(d, &done);

    /* rank 0 gathers every answered entry into its tables */
    entry *all;
    size_t total;
    kt_dist_gather(&d->x, done.v, done.n, sizeof *done.v, (void **)&all, &total);
    if (d->x.rank == 0) {
        kt_screen_tables tab;
        kt_screen_tables_get(s, &tab);
        for (size_t i = 0; i < total; i++) {
            tab.dist[all[i].c][all[i].v] = all[i].dist;
            if (tab.next[all[i].c]) /* NULL: a search that keeps no paths */
                tab.next[all[i].c][all[i].v] = all[i].next;
        }
    }
    free(all);
    free(done.v);
    kt_dist_sample();
    kt_dist_last.partition = t1 - t0;
    kt_dist_last.searches = t2 - t1;
    kt_dist_last.paths = MPI_Wtime() - t2;
    for (int c = 0; c < K; c++) {
        free(d->dist[c]);
        free(d->next[c]);
        free(d->to[c]);
    }
    free(d->starts);
}

kt_err kt_dist_screen(const kt_graph *g, const kt_policy *p, const kt_tender *t, const kt_screen_tender *ctx,
                      kt_screen **out)
{
    part d;
    kt_screen *s = NULL;
    kt_err rc;

    memset(&d, 0, sizeof d);
    dctx_init(&d.x);
    *out = NULL;
    if ((rc = kt_screen_prepare(g, p, &s)) != KT_OK) {
        if (d.x.rank != 0)
            die(&d, kt_err_str(rc));
        return rc; /* the workers wait for rank 0's end */
    }
    /* the searches that run: rank 0 reads them off its tables (which it fills); a worker
     * leaves its tables untouched (never resident) and takes them from the header */
    kt_dist_header h = {KT_JOB_SCREEN, 0, kt_graph_vertex_count(g), kt_graph_edge_count(g), kt_screen_max_depth(s), -1};
    if (d.x.rank == 0) {
        kt_screen_tables tab;
        kt_screen_tables_get(s, &tab);
        h.b = 0;
        for (int c = 0; c < kt_screen_searches(s); c++)
            h.b |= (int64_t)(tab.dist[c] != NULL) << c;
        kt_dist_header_bcast(&h, d.x.comm);
    } else if (kt_dist_join(&d.x, &h) != 0) {
        kt_screen_free(s);
        return KT_EUSAGE; /* rank 0 ended before screening */
    }
    d.nv = (int32_t)h.nv;
    d.maxd = (int)h.a;
    d.present = (uint32_t)h.b;
    run(&d, s, t, ctx, h.ne);
    if (d.x.rank != 0) {
        kt_screen_free(s);
        return KT_EUSAGE; /* a worker writes nothing: its command ends here */
    }
    *out = s;
    return KT_OK;
}

int kt_dist_worker(void)
{
    dctx d;
    kt_dist_header h;

    dctx_init(&d);
    if (kt_dist_final >= 0)
        return kt_dist_final;
    kt_dist_header_bcast(&h, d.comm);
    if (h.job != KT_JOB_DONE)
        kt_dist_die(&d, "could not read the data or the command's files that rank 0 read (run the command alone "
                        "on this machine to see why)");
    return (int)h.code;
}

void kt_dist_done(int code)
{
    kt_dist_header h = {KT_JOB_DONE, code, 0, 0, 0, 0};
    kt_dist_header_bcast(&h, MPI_COMM_WORLD);
}
