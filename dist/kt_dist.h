/* kt_dist.h: keten screen --mpi, the screening searches partitioned over MPI ranks.
 *
 * Built only by `make mpi` (Open MPI), into build/keten-mpi; keten itself knows nothing of it.
 * Every rank loads the tender, the policy and the data (the model is replicated); what is
 * partitioned is the screening's search state.  Vertex v belongs to rank v mod N, at local
 * index v / N (a 1D partition, as in the Graph500 reference BFS); a rank keeps the reverse dependency steps
 * that lead into its vertices and its vertices' entries of the search tables.
 *
 * The searches (kt_screen.h) run level-synchronously: at each level every rank expands its
 * frontier and sends each candidate (dependent, parent's order key, relation) to the
 * dependent's owner with MPI_Alltoallv; the owner keeps, for a vertex first reached at this
 * level, the candidate with the smallest (parent's key, relation).  The key of a level is the
 * rank of the vertex in the single-process queue: level 0 is the vertex id (sources enter in
 * vertex order), level d the dense rank of (parent's key, relation) over the level, computed
 * by sending each pair to the rank that holds its block of parent keys, sorting there, and
 * an MPI_Exscan of the counts.  So each vertex gets exactly the relation the single-process
 * queue gives it, and the output is byte-identical for any number of ranks.
 *
 * Bidders are split over the ranks (bidder i to rank i mod N); each rank resolves its
 * bidders' evidence paths by asking the owners for (dist, next) of each vertex on them, one
 * exchange per step, and rank 0 gathers those entries into its tables, screens every bidder
 * with kt_screen_bidder() and writes the output.
 *
 * Complexity per rank, for N ranks and K = KT_SCREEN_SEARCHES: O(|E|) to find its steps
 * (every rank reads all relations once), O(K (|V| + |E|) / N log(|V| / N)) work (the key
 * sorts) and O(K (|V| + |E|) / N) records sent for the
 * searches, in at most 4 K max_depth collective exchanges (latency: they wait for the slowest
 * rank); O(P K max_depth) for the P starting points of its bidders.  Memory per rank:
 * the model, 2 bytes per vertex (the sources), and for the part it owns 9 bytes per step
 * and 68 per vertex (K tables of dist and next, keys, frontiers), plus at each
 * level about 60 bytes per candidate step in flight; rank 0 also 40 bytes per vertex of
 * tables for the bidders' entries.
 *
 * Ownership: *out belongs to the caller (kt_screen_free()). */
#ifndef KT_DIST_H
#define KT_DIST_H

#include <mpi.h>
#include <stdio.h>

#include "../analyses/kt_screen.h"

/* The hook behind keten screen --mpi (cli/screen_out.h): a screening state on every rank,
 * with the tables the bidders read on rank 0 (*writer 1 there, 0 elsewhere).  A bidder that
 * names an unknown entity is left to rank 0's kt_screen_bidder() to report.  A failure
 * that only one rank can see (out of memory) aborts every rank with a message. */
kt_err kt_dist_screen(const kt_graph *g, const kt_policy *p, const kt_tender *t, kt_screen **out, int *writer);

/* What this rank's last kt_dist_screen() kept of the partitioned state: vertices owned,
 * steps kept, and the peak bytes of its partitioned structures (for keten-mpi --timings). */
typedef struct {
    long long owned, steps, bytes;
} kt_dist_stats;
extern kt_dist_stats kt_dist_last;

/* Where fatal messages go on every rank (ranks other than 0 send stdout and stderr to
 * /dev/null, so that messages and output come once). */
extern FILE *kt_dist_stderr;

#endif
