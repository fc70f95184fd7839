/* search.c: the screening searches partitioned over MPI ranks (see kt_dist.h). */
#include <stdlib.h>
#include <string.h>

#include "kt_dist.h"

enum { K = KT_SCREEN_SEARCHES };
_Static_assert(K <= 8, "a step's searches fit in a byte");

kt_dist_stats kt_dist_last;

/* One rank's part of the graph and of the search tables. */
typedef struct {
    MPI_Comm comm;
    int rank, size;
    kt_screen *s;           /* sources and step rules (every rank has the whole model) */
    const kt_graph *g;
    int32_t nv;
    int32_t nown;           /* the vertices this rank owns: rank, rank + N, rank + 2N, ... */
    /* the steps into owned vertices (who depends on them), by local index in relation
     * order: off[i]..off[i+1] index node (the dependent), edge and mask (bit c: a step of
     * search c) */
    int32_t *off, *node, *edge;
    uint8_t *mask;
    int32_t *dist[K], *next[K]; /* per owned vertex, as kt_screen_tables */
} part;

static void die(const part *d, const char *what)
{
    fprintf(kt_dist_stderr ? kt_dist_stderr : stderr, "keten: rank %d: %s\n", d->rank, what);
    fflush(kt_dist_stderr ? kt_dist_stderr : stderr);
    MPI_Abort(d->comm, 2);
    exit(2); /* not reached */
}

static void *xmalloc(const part *d, size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die(d, "out of memory");
    return p;
}

/* The owner of a vertex and its index there: v mod N and v / N, as the Graph500 reference
 * BFS does (vertex ids are first-seen order, so the modulo spreads every kind of entity). */
static int owner(const part *d, int64_t v)
{
    return (int)(v % d->size);
}

static int32_t lidx(const part *d, int32_t v)
{
    return v / d->size;
}

static int32_t gid(const part *d, int32_t i)
{
    return i * d->size + d->rank;
}

/* ---- one all-to-all exchange of fixed-size records, and the replies back ---- */

typedef struct {
    int *scount, *sdisp, *rcount, *rdisp; /* records per rank */
    size_t nrecv;
    MPI_Datatype t, rt;                   /* one record; one reply */
} plan;

/* Send n records of sz bytes, record i to rank dest[i].  *recv receives what was sent here,
 * grouped by source rank in rank order; order[j] is the index of the record sent j-th (so
 * that a reply j answers record order[j]).  Record counts per rank pair must stay below 2^31. */
static void exchange(part *d, const void *rec, const int *dest, size_t n, size_t sz, plan *pl, void **recv,
                     size_t **order)
{
    const char *in = rec;
    pl->scount = xmalloc(d, 4 * (size_t)d->size * sizeof(int));
    pl->sdisp = pl->scount + d->size;
    pl->rcount = pl->sdisp + d->size;
    pl->rdisp = pl->rcount + d->size;
    memset(pl->scount, 0, (size_t)d->size * sizeof(int));
    for (size_t i = 0; i < n; i++)
        pl->scount[dest[i]]++;
    int *fill = xmalloc(d, (size_t)d->size * sizeof(int));
    for (int r = 0, at = 0; r < d->size; r++) {
        pl->sdisp[r] = fill[r] = at;
        at += pl->scount[r];
    }
    char *send = xmalloc(d, n * sz);
    *order = xmalloc(d, n * sizeof **order);
    for (size_t i = 0; i < n; i++) {
        int j = fill[dest[i]]++;
        (*order)[j] = i;
        memcpy(send + (size_t)j * sz, in + i * sz, sz);
    }
    free(fill);
    MPI_Alltoall(pl->scount, 1, MPI_INT, pl->rcount, 1, MPI_INT, d->comm);
    pl->nrecv = 0;
    for (int r = 0; r < d->size; r++) {
        pl->rdisp[r] = (int)pl->nrecv;
        pl->nrecv += (size_t)pl->rcount[r];
    }
    *recv = xmalloc(d, pl->nrecv * sz);
    MPI_Type_contiguous((int)sz, MPI_BYTE, &pl->t);
    MPI_Type_commit(&pl->t);
    MPI_Alltoallv(send, pl->scount, pl->sdisp, pl->t, *recv, pl->rcount, pl->rdisp, pl->t, d->comm);
    free(send);
}

/* One reply of sz bytes per record received (rep, in the order received) back to its
 * sender: out[j] answers the record the sender sent j-th.  Frees the plan. */
static void reply(part *d, plan *pl, const void *rep, size_t sz, void *out)
{
    MPI_Type_contiguous((int)sz, MPI_BYTE, &pl->rt);
    MPI_Type_commit(&pl->rt);
    MPI_Alltoallv(rep, pl->rcount, pl->rdisp, pl->rt, out, pl->scount, pl->sdisp, pl->rt, d->comm);
    MPI_Type_free(&pl->rt);
    MPI_Type_free(&pl->t);
    free(pl->scount);
}

static void plan_free(plan *pl)
{
    MPI_Type_free(&pl->t);
    free(pl->scount);
}

/* ---- the partition ---- */

/* The steps into the owned vertices: every rank reads every relation once, and keeps
 * the steps whose far end it owns.  O(|V| + |E|), memory O((|V| + |E|) / N). */
static void partition(part *d)
{
    igraph_integer_t ne = kt_graph_edge_count(d->g), a, b;

    d->nown = d->nv / d->size + (d->rank < d->nv % d->size);
    d->off = calloc((size_t)d->nown + 2, sizeof *d->off);
    if (!d->off)
        die(d, "out of memory");
    for (igraph_integer_t e = 0; e < ne; e++)
        if (kt_screen_step(d->s, e, &a, &b) && owner(d, b) == d->rank)
            d->off[lidx(d, (int32_t)b) + 1]++;
    for (int32_t i = 0; i < d->nown; i++)
        d->off[i + 1] += d->off[i];
    size_t m = (size_t)d->off[d->nown];
    d->node = xmalloc(d, m * sizeof *d->node);
    d->edge = xmalloc(d, m * sizeof *d->edge);
    d->mask = xmalloc(d, m);
    int32_t *fill = xmalloc(d, ((size_t)d->nown + 1) * sizeof *fill);
    memcpy(fill, d->off, ((size_t)d->nown + 1) * sizeof *fill);
    for (igraph_integer_t e = 0; e < ne; e++) {
        unsigned mask = kt_screen_step(d->s, e, &a, &b);
        if (mask && owner(d, b) == d->rank) {
            int32_t k = fill[lidx(d, (int32_t)b)]++;
            d->node[k] = (int32_t)a;
            d->edge[k] = (int32_t)e;
            d->mask[k] = (uint8_t)mask;
        }
    }
    free(fill);
}

/* ---- the level-synchronous searches ---- */

typedef struct {
    int64_t key; /* the parent's order key */
    int32_t u;   /* the dependent reached */
    int32_t e;   /* by this relation */
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
    int64_t blk = (range + d->size - 1) / d->size;
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
    MPI_Exscan(&mine, &base, 1, MPI_INT64_T, MPI_SUM, d->comm);
    if (d->rank == 0)
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
    int32_t *dist = d->dist[c], *next = d->next[c], nf = 0;
    int32_t *front = xmalloc(d, (size_t)d->nown * sizeof *front), *newf = xmalloc(d, (size_t)d->nown * sizeof *newf);
    int64_t *fkey = xmalloc(d, (size_t)d->nown * sizeof *fkey), range = d->nv;
    int maxd = kt_screen_max_depth(d->s);

    for (int32_t i = 0; i < d->nown; i++) {
        dist[i] = next[i] = -1;
        if (kt_screen_source(d->s, c, gid(d, i))) {
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
                    cv[nc] = (cand){fkey[f], d->node[k], d->edge[k]};
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
                best[i] = rv[j].key;
                newf[nn++] = i;
            } else if (dist[i] == lev && (rv[j].key < best[i] || (rv[j].key == best[i] && rv[j].e < next[i]))) {
                next[i] = rv[j].e; /* an earlier parent in the queue, or an earlier relation */
                best[i] = rv[j].key;
            }
        }
        plan_free(&pl);
        free(rv);
        int64_t mine = nn, total = 0;
        MPI_Allreduce(&mine, &total, 1, MPI_INT64_T, MPI_SUM, d->comm);
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
    int32_t c, v, dist, next;
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
        push(d, q, (entry){c, v, -1, -1});
}

/* Resolve the paths of this rank's bidders: one exchange per step of the longest path, each
 * asking the owners for (dist, next) of the vertices reached.  The answered entries are
 * appended to *done.  O(P K max_depth) records for P starting points. */
static void resolve(part *d, const kt_tender *t, entries *done)
{
    seen h = {0};
    entries q = {0};
    for (size_t b = (size_t)d->rank; b < t->nbidders; b += (size_t)d->size) {
        igraph_integer_t *sv;
        size_t ns;
        kt_errinfo ei;
        kt_err rc = kt_screen_starts(d->s, &t->bidders[b], &sv, &ns, &ei);
        if (rc == KT_ENOMEM)
            die(d, "out of memory");
        for (size_t i = 0; rc == KT_OK && i < ns; i++)
            for (int c = 0; c < K; c++)
                ask(d, &h, &q, c, (int32_t)sv[i]);
        free(sv); /* an unknown entity: rank 0's kt_screen_bidder() reports it */
    }
    for (;;) {
        int64_t mine = (int64_t)q.n, total = 0;
        MPI_Allreduce(&mine, &total, 1, MPI_INT64_T, MPI_SUM, d->comm);
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
        }
        reply(d, &pl, rv, sizeof *rv, ans);
        free(rv);
        entries nq = {0};
        for (size_t j = 0; j < q.n; j++) {
            const entry *x = &ans[j];
            push(d, done, *x);
            if (x->dist > 0) {
                igraph_integer_t from = kt_graph_rel_from(d->g, x->next), to = kt_graph_rel_to(d->g, x->next);
                ask(d, &h, &nq, x->c, (int32_t)(from == x->v ? to : from));
            }
        }
        free(ans);
        free(order);
        free(q.v);
        q = nq;
    }
    free(q.v);
    free(h.slot);
}

/* ---- the hook ---- */

kt_err kt_dist_screen(const kt_graph *g, const kt_policy *p, const kt_tender *t, kt_screen **out, int *writer)
{
    part d = {.comm = MPI_COMM_WORLD, .g = g};
    entries done = {0};
    kt_err rc;

    *out = NULL;
    MPI_Comm_rank(d.comm, &d.rank);
    MPI_Comm_size(d.comm, &d.size);
    *writer = d.rank == 0;
    if ((rc = kt_screen_prepare(g, p, &d.s)) == KT_ENOMEM)
        die(&d, "out of memory");
    if (rc != KT_OK)
        return rc; /* the same on every rank: the same model */
    d.nv = (int32_t)kt_graph_vertex_count(g);
    partition(&d);
    int64_t *best = xmalloc(&d, (size_t)d.nown * sizeof *best);
    for (int c = 0; c < K; c++) {
        d.dist[c] = xmalloc(&d, (size_t)d.nown * sizeof *d.dist[c]);
        d.next[c] = xmalloc(&d, (size_t)d.nown * sizeof *d.next[c]);
        search(&d, c, best);
    }
    kt_dist_last.owned = d.nown;
    kt_dist_last.steps = d.off[d.nown];
    /* the steps, the tables, the keys and local indexes, a search's frontier buffers */
    kt_dist_last.bytes = (long long)d.off[d.nown] * 9 + (long long)d.nown * (8 * K + 8 + 8 + 12);
    free(best);
    free(d.off);
    free(d.node);
    free(d.edge);
    free(d.mask);
    resolve(&d, t, &done);

    /* rank 0 gathers every answered entry into its tables */
    int n = (int)done.n, *count = NULL, *disp = NULL, total = 0;
    entry *all = NULL;
    if (d.rank == 0) {
        count = xmalloc(&d, 2 * (size_t)d.size * sizeof *count);
        disp = count + d.size;
    }
    MPI_Gather(&n, 1, MPI_INT, count, 1, MPI_INT, 0, d.comm);
    if (d.rank == 0) {
        for (int r = 0; r < d.size; r++) {
            disp[r] = total;
            total += count[r];
        }
        all = xmalloc(&d, (size_t)total * sizeof *all);
    }
    MPI_Datatype et;
    MPI_Type_contiguous((int)sizeof(entry), MPI_BYTE, &et);
    MPI_Type_commit(&et);
    MPI_Gatherv(done.v, n, et, all, count, disp, et, 0, d.comm);
    MPI_Type_free(&et);
    if (d.rank == 0) {
        kt_screen_tables tab;
        if (kt_screen_tables_get(d.s, &tab) != KT_OK)
            die(&d, "out of memory");
        for (int i = 0; i < total; i++) {
            tab.dist[all[i].c][all[i].v] = all[i].dist;
            tab.next[all[i].c][all[i].v] = all[i].next;
        }
    }
    free(all);
    free(count);
    free(done.v);
    for (int c = 0; c < K; c++) {
        free(d.dist[c]);
        free(d.next[c]);
    }
    *out = d.s;
    return KT_OK;
}
