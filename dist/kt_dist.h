/* kt_dist.h: keten screen --mpi, the screening searches partitioned over MPI ranks.
 *
 * Built only by `make mpi` (Open MPI), into build/keten-mpi; keten itself knows nothing of it.
 * Rank 0 runs the command: it loads the tender, the policy and the model, and alone holds
 * the model.  Vertex v belongs to rank v mod N, at local index v / N (a 1D partition, as in
 * the Graph500 reference BFS); rank 0 sends every rank the sources at its vertices and the
 * steps that lead into them (who depends on them), reading the relations once in chunks,
 * and the starting points of its bidders (bidder i to rank i mod N).  The other ranks hold
 * nothing else: their memory is O((|V| + |E|) / N).
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
 * Each rank then resolves its bidders' evidence paths by asking the owners for (dist, next,
 * the vertex next leads to) of each vertex on them, one exchange per step, and rank 0
 * gathers those entries into its tables, screens every bidder with kt_screen_bidder() and
 * writes the output.
 *
 * Complexity per rank, for N ranks and the K searches the policy asks for (kt_screen_searches(),
 * 11 plus one per prohibition): rank 0 O(|V| + |E|) to send the
 * partition; every rank O(K (|V| + |E|) / N log(|V| / N)) work (the key sorts) and
 * O(K (|V| + |E|) / N) records sent for the searches, in about 7 collective calls per level
 * and search (latency: each waits for the slowest rank); O(P K max_depth) for the P starting
 * points of its bidders.  Memory per rank for the part it owns: 12 bytes per step (28 more
 * while they arrive), 12 K + 32 bytes per vertex (tables of dist, next and where next leads,
 * the sources, keys, frontiers), plus at each level about 70 bytes per candidate step in
 * flight; rank 0 also the model and kt_screen_prepare()'s per-vertex facts, a 64 MB buffer of
 * steps being sent, and 8 K bytes per vertex of tables for the bidders' entries.
 *
 * Ownership: *out belongs to the caller (kt_screen_free()). */
#ifndef KT_DIST_H
#define KT_DIST_H

#include <mpi.h>
#include <stdio.h>

#include "../analyses/kt_screen.h"

/* The hook behind keten screen --mpi (cli/screen_out.h), on rank 0: a screening state whose
 * tables hold every entry the bidders read.  A bidder that names an unknown entity is left
 * to kt_screen_bidder() to report.  A failure that only one rank sees (out of memory) aborts
 * every rank with a message. */
kt_err kt_dist_screen(const kt_graph *g, const kt_policy *p, const kt_tender *t, const kt_screen_tender *ctx,
                      kt_screen **out);

/* The other ranks: serve rank 0's screenings until kt_dist_done(); returns its exit status. */
int kt_dist_worker(void);
/* Rank 0, when its command is done, whatever the outcome: releases the workers with code. */
void kt_dist_done(int code);

/* What this rank's last kt_dist_screen() kept of the partitioned state: vertices owned,
 * steps kept, and the peak bytes of its partitioned structures (for keten-mpi --timings). */
typedef struct {
    long long owned, steps, bytes;
    double partition, searches, paths; /* seconds: sending the partition, the searches, the paths */
} kt_dist_stats;
extern kt_dist_stats kt_dist_last;

/* Where fatal messages go. */
extern FILE *kt_dist_stderr;

#endif
