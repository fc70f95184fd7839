/* comm.c: the exchanges the MPI commands share (see dist_i.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../analyses/kt_vmap.h"
#include "dist_i.h"

kt_dist_stats kt_dist_last;
int kt_dist_final = -1;

void dctx_init(dctx *d)
{
    d->comm = MPI_COMM_WORLD;
    MPI_Comm_rank(d->comm, &d->rank);
    MPI_Comm_size(d->comm, &d->size);
}

_Noreturn void kt_dist_die(const dctx *d, const char *what)
{
    fprintf(kt_dist_stderr ? kt_dist_stderr : stderr, "keten: rank %d: %s\n", d->rank, what);
    fflush(kt_dist_stderr ? kt_dist_stderr : stderr);
    MPI_Abort(d->comm, 2);
    exit(2); /* not reached */
}

void *kt_dist_xmalloc(const dctx *d, size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        kt_dist_die(d, "out of memory");
    return p;
}

void kt_dist_exchange(const dctx *d, const void *rec, const int *dest, size_t n, size_t sz, kt_dist_plan *pl,
                      void **recv, size_t **order)
{
    const char *in = rec;
    pl->scount = kt_dist_xmalloc(d, 4 * (size_t)d->size * sizeof(int));
    pl->sdisp = pl->scount + d->size;
    pl->rcount = pl->sdisp + d->size;
    pl->rdisp = pl->rcount + d->size;
    memset(pl->scount, 0, (size_t)d->size * sizeof(int));
    for (size_t i = 0; i < n; i++)
        pl->scount[dest[i]]++;
    int *fill = kt_dist_xmalloc(d, (size_t)d->size * sizeof(int));
    for (int r = 0, at = 0; r < d->size; r++) {
        pl->sdisp[r] = fill[r] = at;
        at += pl->scount[r];
    }
    char *send = kt_dist_xmalloc(d, n * sz);
    *order = kt_dist_xmalloc(d, n * sizeof **order);
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
    *recv = kt_dist_xmalloc(d, pl->nrecv * sz);
    MPI_Type_contiguous((int)sz, MPI_BYTE, &pl->t);
    MPI_Type_commit(&pl->t);
    MPI_Alltoallv(send, pl->scount, pl->sdisp, pl->t, *recv, pl->rcount, pl->rdisp, pl->t, d->comm);
    free(send);
}

void kt_dist_reply(const dctx *d, kt_dist_plan *pl, const void *rep, size_t sz, void *out)
{
    MPI_Type_contiguous((int)sz, MPI_BYTE, &pl->rt);
    MPI_Type_commit(&pl->rt);
    MPI_Alltoallv(rep, pl->rcount, pl->rdisp, pl->rt, out, pl->scount, pl->sdisp, pl->rt, d->comm);
    MPI_Type_free(&pl->rt);
    MPI_Type_free(&pl->t);
    free(pl->scount);
}

void kt_dist_plan_free(kt_dist_plan *pl)
{
    MPI_Type_free(&pl->t);
    free(pl->scount);
}

void kt_dist_gather(const dctx *d, const void *rec, size_t n, size_t sz, void **all, size_t *total)
{
    int mine = (int)n, *count = NULL, *disp = NULL, sum = 0;
    *all = NULL;
    *total = 0;
    if (d->rank == 0) {
        count = kt_dist_xmalloc(d, 2 * (size_t)d->size * sizeof *count);
        disp = count + d->size;
    }
    MPI_Gather(&mine, 1, MPI_INT, count, 1, MPI_INT, 0, d->comm);
    if (d->rank == 0) {
        for (int r = 0; r < d->size; r++) {
            disp[r] = sum;
            sum += count[r];
        }
        *all = kt_dist_xmalloc(d, (size_t)sum * sz);
        *total = (size_t)sum;
    }
    MPI_Datatype t;
    MPI_Type_contiguous((int)sz, MPI_BYTE, &t);
    MPI_Type_commit(&t);
    MPI_Gatherv(rec, mine, t, *all, count, disp, t, 0, d->comm);
    MPI_Type_free(&t);
    free(count);
}

void kt_dist_levels_push(const dctx *d, kt_dist_levels *l, int64_t x)
{
    if (kt_vmap_grow((void **)&l->next, &l->cap_next, l->nnext + 1, sizeof *l->next) != KT_OK)
        kt_dist_die(d, "out of memory");
    l->next[l->nnext++] = x;
}

int64_t kt_dist_levels_advance(const dctx *d, kt_dist_levels *l)
{
    int64_t n = (int64_t)l->nnext, total = 0, *tmp = l->cur;
    size_t cap = l->cap_cur;
    MPI_Allreduce(&n, &total, 1, MPI_INT64_T, MPI_SUM, d->comm);
    l->cur = l->next;
    l->cap_cur = l->cap_next;
    l->n = l->nnext;
    l->next = tmp;
    l->cap_next = cap;
    l->nnext = 0;
    return total;
}

void kt_dist_levels_free(kt_dist_levels *l)
{
    free(l->cur);
    free(l->next);
    memset(l, 0, sizeof *l);
}

/* The workers wait for a header while rank 0 loads or writes, which may take minutes: they poll
 * every 10 ms instead of spinning in MPI (Open MPI busy-waits), so that they leave the cores to
 * rank 0. */
void kt_dist_header_bcast(kt_dist_header *h, MPI_Comm comm)
{
    MPI_Request rq;
    int done = 0;
    MPI_Ibcast(h, sizeof *h, MPI_BYTE, 0, comm, &rq);
    while (MPI_Test(&rq, &done, MPI_STATUS_IGNORE) == MPI_SUCCESS && !done)
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
}

int kt_dist_join(const dctx *d, kt_dist_header *mine)
{
    kt_dist_header h;
    kt_dist_header_bcast(&h, d->comm);
    if (mine->b < 0 && h.job == mine->job)
        mine->b = h.b; /* not known here: rank 0's */
    if (h.job == KT_JOB_DONE) {
        kt_dist_final = (int)h.code;
        return -1;
    }
    if (h.job != mine->job || h.nv != mine->nv || h.ne != mine->ne || h.a != mine->a || h.b != mine->b)
        kt_dist_die(d, "this rank read other data, another policy or another command than rank 0 (every rank must "
                       "see the same files)");
    return 0;
}

void kt_dist_sample(void)
{
    char line[256];
    long long rss = 0, pss = 0, priv = 0, v;
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    while (f && fgets(line, sizeof line, f)) {
        if (sscanf(line, "Rss: %lld", &v) == 1)
            rss = v;
        else if (sscanf(line, "Pss: %lld", &v) == 1)
            pss = v;
        else if (sscanf(line, "Private_Dirty: %lld", &v) == 1)
            priv = v; /* written by this process: its heap (file pages read are clean) */
    }
    if (f)
        fclose(f);
    if (priv >= kt_dist_last.priv_kb) {
        kt_dist_last.rss_kb = rss;
        kt_dist_last.pss_kb = pss;
        kt_dist_last.priv_kb = priv;
    }
}
