/* search.c: the screening searches partitioned over MPI ranks (see kt_dist.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kt_dist.h"

enum { K = KT_SCREEN_SEARCHES_MAX };
_Static_assert(K <= 32, "a step's searches fit in 32 bits");

kt_dist_stats kt_dist_last;

/* One rank's part of the graph and of the search tables.  Rank 0 alone has the model. */
typedef struct {
    MPI_Comm comm;
    int rank, size;
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

/* ---- the partition, sent out by rank 0 ---- */

static int32_t owned_by(const part *d, int r)
{
    return d->nv / d->size + (r < d->nv % d->size);
}

/* Rank 0 sends each rank count[r] records of sz bytes from buf (grouped by rank); every rank
 * gets its own in a new array, *n records. */
static void *scatter(part *d, const void *buf, const int *count, size_t sz, size_t *n)
{
    int mine = 0, *disp = NULL;
    MPI_Scatter(count, 1, MPI_INT, &mine, 1, MPI_INT, 0, d->comm);
    if (d->rank == 0) {
        disp = xmalloc(d, (size_t)d->size * sizeof *disp);
        for (int r = 0, at = 0; r < d->size; r++) {
            disp[r] = at;
            at += count[r];
        }
    }
    void *out = xmalloc(d, (size_t)mine * sz);
    MPI_Datatype t;
    MPI_Type_contiguous((int)sz, MPI_BYTE, &t);
    MPI_Type_commit(&t);
    MPI_Scatterv(buf, count, disp, t, out, mine, t, 0, d->comm);
    MPI_Type_free(&t);
    free(disp);
    *n = (size_t)mine;
    return out;
}

typedef struct {
    int32_t a, b, e;       /* a depends on b (b by local index at its owner) through e */
    uint32_t mask;         /* for these searches */
} step;

enum { CHUNK = 1 << 22 }; /* relations read per scatter of steps */

/* The sources of every search at each owned vertex, and the steps into owned vertices: rank 0
 * reads the relations in chunks and sends each step to the owner of its far end.
 * O(|V| + |E|) on rank 0, O((|V| + |E|) / N) memory on the others. */
static void partition(part *d, const kt_screen *s, int64_t ne)
{
    int *count = xmalloc(d, 2 * (size_t)d->size * sizeof *count), *fill = count + d->size;
    uint32_t *all = NULL;
    size_t n;

    if (d->rank == 0) {
        all = xmalloc(d, (size_t)d->nv * sizeof *all);
        for (int r = 0, at = 0; r < d->size; r++) {
            count[r] = owned_by(d, r);
            for (int32_t i = 0; i < count[r]; i++) {
                uint32_t m = 0;
                for (int c = 0; c < K; c++)
                    if ((d->present >> c) & 1)
                        m |= (uint32_t)kt_screen_source(s, c, (igraph_integer_t)i * d->size + r) << c;
                all[at++] = m;
            }
        }
    }
    d->src = scatter(d, all, count, sizeof *all, &n);
    free(all);

    step *mine = NULL, *buf = NULL;
    size_t nmine = 0;
    if (d->rank == 0)
        buf = xmalloc(d, CHUNK * sizeof *buf);
    for (int64_t lo = 0; lo < ne; lo += CHUNK) {
        int64_t hi = lo + CHUNK < ne ? lo + CHUNK : ne;
        if (d->rank == 0) {
            igraph_integer_t a, b;
            memset(count, 0, (size_t)d->size * sizeof *count);
            for (int64_t e = lo; e < hi; e++)
                if (kt_screen_step(s, e, &a, &b))
                    count[owner(d, b)]++;
            for (int r = 0, at = 0; r < d->size; r++) {
                fill[r] = at;
                at += count[r];
            }
            for (int64_t e = lo; e < hi; e++) {
                uint32_t m = kt_screen_step(s, e, &a, &b);
                if (m)
                    buf[fill[owner(d, b)]++] = (step){(int32_t)a, lidx(d, (int32_t)b), (int32_t)e, m};
            }
        }
        step *got = scatter(d, buf, count, sizeof *buf, &n);
        if (n && !(mine = realloc(mine, (nmine + n) * sizeof *mine)))
            die(d, "out of memory");
        if (n)
            memcpy(mine + nmine, got, n * sizeof *got);
        nmine += n;
        free(got);
    }
    free(buf);
    free(count);
    /* the steps by local index of their far end, in relation order */
    if (!(d->off = calloc((size_t)d->nown + 2, sizeof *d->off)))
        die(d, "out of memory");
    for (size_t k = 0; k < nmine; k++)
        d->off[mine[k].b + 1]++;
    for (int32_t i = 0; i < d->nown; i++)
        d->off[i + 1] += d->off[i];
    d->node = xmalloc(d, nmine * sizeof *d->node);
    d->edge = xmalloc(d, nmine * sizeof *d->edge);
    d->mask = xmalloc(d, nmine * sizeof *d->mask);
    int32_t *at = xmalloc(d, ((size_t)d->nown + 1) * sizeof *at);
    memcpy(at, d->off, ((size_t)d->nown + 1) * sizeof *at);
    for (size_t k = 0; k < nmine; k++) {
        int32_t j = at[mine[k].b]++;
        d->node[j] = mine[k].a;
        d->edge[j] = mine[k].e;
        d->mask[j] = mine[k].mask;
    }
    free(at);
    free(mine);
}

/* The starting points of every bidder (rank 0 finds them in the model), bidder i's to rank
 * i mod N.  A bidder naming an unknown entity is left out: rank 0's kt_screen_bidder()
 * reports it. */
static void send_starts(part *d, const kt_screen *s, const kt_tender *t, const kt_screen_tender *ctx)
{
    int *count = xmalloc(d, 2 * (size_t)d->size * sizeof *count), *fill = count + d->size;
    int32_t *all = NULL;
    size_t total = 0;
    igraph_integer_t **sv = NULL;
    size_t *ns = NULL;

    memset(count, 0, (size_t)d->size * sizeof *count);
    if (d->rank == 0) {
        sv = xmalloc(d, (t->nbidders + 1) * sizeof *sv);
        ns = xmalloc(d, (t->nbidders + 1) * sizeof *ns);
        for (size_t b = 0; b < t->nbidders; b++) {
            kt_errinfo ei;
            kt_err rc = kt_screen_starts(s, ctx, &t->bidders[b], &sv[b], &ns[b], &ei);
            if (rc == KT_ENOMEM)
                die(d, "out of memory");
            if (rc != KT_OK)
                ns[b] = 0;
            count[b % (size_t)d->size] += (int)ns[b];
            total += ns[b];
        }
        all = xmalloc(d, total * sizeof *all);
        for (int r = 0, at = 0; r < d->size; r++) {
            fill[r] = at;
            at += count[r];
        }
        for (size_t b = 0; b < t->nbidders; b++) {
            for (size_t i = 0; i < ns[b]; i++)
                all[fill[b % (size_t)d->size]++] = (int32_t)sv[b][i];
            free(sv[b]);
        }
        free(sv);
        free(ns);
    }
    d->starts = scatter(d, all, count, sizeof *all, &d->nstarts);
    free(all);
    free(count);
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

/* What rank 0 broadcasts before each job. */
typedef struct {
    int64_t job;  /* JOB_SCREEN or JOB_DONE */
    int64_t code; /* JOB_DONE: the exit status */
    int64_t nv, ne, maxd;
    int64_t present; /* the searches that run */
} header;

enum { JOB_SCREEN = 1, JOB_DONE };

/* The partition, the searches, the bidders' paths; rank 0 (s and t non-NULL) gets the entries
 * its bidders read into its tables. */
static void run(part *d, kt_screen *s, const kt_tender *t, const kt_screen_tender *ctx, int64_t ne)
{
    entries done = {0};
    double t0 = MPI_Wtime();

    d->nown = owned_by(d, d->rank);
    partition(d, s, ne);
    send_starts(d, s, t, ctx);
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
    int n = (int)done.n, *count = NULL, *disp = NULL, total = 0;
    entry *all = NULL;
    if (d->rank == 0) {
        count = xmalloc(d, 2 * (size_t)d->size * sizeof *count);
        disp = count + d->size;
    }
    MPI_Gather(&n, 1, MPI_INT, count, 1, MPI_INT, 0, d->comm);
    if (d->rank == 0) {
        for (int r = 0; r < d->size; r++) {
            disp[r] = total;
            total += count[r];
        }
        all = xmalloc(d, (size_t)total * sizeof *all);
    }
    MPI_Datatype et;
    MPI_Type_contiguous((int)sizeof(entry), MPI_BYTE, &et);
    MPI_Type_commit(&et);
    MPI_Gatherv(done.v, n, et, all, count, disp, et, 0, d->comm);
    MPI_Type_free(&et);
    if (d->rank == 0) {
        kt_screen_tables tab;
        kt_screen_tables_get(s, &tab);
        for (int i = 0; i < total; i++) {
            tab.dist[all[i].c][all[i].v] = all[i].dist;
            if (tab.next[all[i].c]) /* NULL: a search that keeps no paths */
                tab.next[all[i].c][all[i].v] = all[i].next;
        }
    }
    free(all);
    free(count);
    free(done.v);
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

/* The header of the next job.  The workers wait for it while rank 0 loads or writes, which
 * may take minutes: they poll every 10 ms instead of spinning in MPI (Open MPI busy-waits),
 * so that they leave the cores to rank 0. */
static void header_bcast(header *h, MPI_Comm comm)
{
    MPI_Request rq;
    int done = 0;
    MPI_Ibcast(h, sizeof *h, MPI_BYTE, 0, comm, &rq);
    while (MPI_Test(&rq, &done, MPI_STATUS_IGNORE) == MPI_SUCCESS && !done)
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
}

static void part_init(part *d)
{
    memset(d, 0, sizeof *d);
    d->comm = MPI_COMM_WORLD;
    MPI_Comm_rank(d->comm, &d->rank);
    MPI_Comm_size(d->comm, &d->size);
}

kt_err kt_dist_screen(const kt_graph *g, const kt_policy *p, const kt_tender *t, const kt_screen_tender *ctx,
                      kt_screen **out)
{
    part d;
    kt_screen *s = NULL;
    kt_err rc;

    part_init(&d);
    *out = NULL;
    if (d.rank != 0)
        die(&d, "kt_dist_screen() runs on rank 0; the other ranks run kt_dist_worker()");
    if ((rc = kt_screen_prepare(g, p, &s)) != KT_OK)
        return rc; /* the workers wait for the next job */
    header h = {JOB_SCREEN, 0, kt_graph_vertex_count(g), kt_graph_edge_count(g), kt_screen_max_depth(s), 0};
    kt_screen_tables tab;
    kt_screen_tables_get(s, &tab);
    for (int c = 0; c < kt_screen_searches(s); c++)
        h.present |= (int64_t)(tab.dist[c] != NULL) << c;
    header_bcast(&h, d.comm);
    d.nv = (int32_t)h.nv;
    d.maxd = (int)h.maxd;
    d.present = (uint32_t)h.present;
    run(&d, s, t, ctx, h.ne);
    *out = s;
    return KT_OK;
}

int kt_dist_worker(void)
{
    part d;
    header h;

    part_init(&d);
    for (;;) {
        header_bcast(&h, d.comm);
        if (h.job != JOB_SCREEN)
            return (int)h.code;
        part_init(&d);
        d.nv = (int32_t)h.nv;
        d.maxd = (int)h.maxd;
        d.present = (uint32_t)h.present;
        run(&d, NULL, NULL, NULL, h.ne);
    }
}

void kt_dist_done(int code)
{
    header h = {JOB_DONE, code, 0, 0, 0, 0};
    header_bcast(&h, MPI_COMM_WORLD);
}
