/* dist_i.h: what the MPI commands of dist/ share (internal to dist/). */
#ifndef KT_DIST_I_H
#define KT_DIST_I_H

#include <stdint.h>

#include "kt_dist.h"

/* This process's place in the job. */
typedef struct {
    MPI_Comm comm;
    int rank, size;
} dctx;

void dctx_init(dctx *d);
/* A failure only this rank sees: a message, and every rank ends (exit status 2). */
_Noreturn void kt_dist_die(const dctx *d, const char *what);
void *kt_dist_xmalloc(const dctx *d, size_t n);

/* The owner of vertex v (v mod N) and its index there (v / N), as the Graph500 reference BFS
 * does (vertex ids are first-seen order, so the modulo spreads every kind of entity). */
static inline int kt_dist_owner(const dctx *d, int64_t v)
{
    return (int)(v % d->size);
}

/* One all-to-all exchange of fixed-size records, and the replies back. */
typedef struct {
    int *scount, *sdisp, *rcount, *rdisp; /* records per rank */
    size_t nrecv;
    MPI_Datatype t, rt;                   /* one record; one reply */
} kt_dist_plan;

/* Send n records of sz bytes, record i to rank dest[i].  *recv receives what was sent here,
 * grouped by source rank in rank order; order[j] is the index of the record sent j-th (so
 * that a reply j answers record order[j]).  Record counts per rank pair must stay below 2^31. */
void kt_dist_exchange(const dctx *d, const void *rec, const int *dest, size_t n, size_t sz, kt_dist_plan *pl,
                      void **recv, size_t **order);
/* One reply of sz bytes per record received (rep, in the order received) back to its
 * sender: out[j] answers the record the sender sent j-th.  Frees the plan. */
void kt_dist_reply(const dctx *d, kt_dist_plan *pl, const void *rep, size_t sz, void *out);
void kt_dist_plan_free(kt_dist_plan *pl);
/* Rank 0 gathers n records of sz bytes from every rank, in rank order; *all (rank 0: a new
 * array, NULL elsewhere) gets *total records. */
void kt_dist_gather(const dctx *d, const void *rec, size_t n, size_t sz, void **all, size_t *total);

/* The frontier of a level-synchronous search (cur, n) and the next level being filled. */
typedef struct {
    int64_t *cur, *next;
    size_t n, nnext, cap_cur, cap_next;
} kt_dist_levels;
void kt_dist_levels_push(const dctx *d, kt_dist_levels *l, int64_t x);
/* Every rank: the next level becomes the frontier; returns its size over all ranks (0: the
 * search is over). */
int64_t kt_dist_levels_advance(const dctx *d, kt_dist_levels *l);
void kt_dist_levels_free(kt_dist_levels *l);

/* What rank 0 broadcasts before each job (and at the end: JOB_DONE). */
typedef struct {
    int64_t job;  /* KT_JOB_* */
    int64_t code; /* KT_JOB_DONE: the exit status */
    int64_t nv, ne, a, b; /* the job's sizes and parameters, which every rank checks */
} kt_dist_header;

enum { KT_JOB_SCREEN = 1, KT_JOB_EXPOSURE, KT_JOB_OWNERS, KT_JOB_CRITICAL, KT_JOB_DONE };

/* Every rank: the next header, polling every 10 ms (see comm.c). */
void kt_dist_header_bcast(kt_dist_header *h, MPI_Comm comm);
/* A worker's side of a job's start: receives the header and checks that this rank loaded the
 * same data as rank 0 (mine: the header it would send; a parameter b < 0, unknown here, is set
 * to rank 0's).  0: run the job; -1: rank 0 ended
 * instead (kt_dist_final holds its exit status). */
int kt_dist_join(const dctx *d, kt_dist_header *mine);

/* This process's memory now (/proc/self/smaps_rollup: Rss, Pss, Private_Dirty), kept in
 * kt_dist_last when its private (dirty) memory is the largest seen.  The snapshot's pages are
 * clean page cache, shared by the ranks of one machine. */
void kt_dist_sample(void);

#endif
