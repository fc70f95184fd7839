/* kt_dist.h: keten-mpi: screen, exposure, critical and owners with --mpi, over MPI ranks
 * (docs/scale.md).  This comment is screening's; exposure.c and closure.c describe the others.
 *
 * Built only by `make mpi` (Open MPI), into build/keten-mpi; keten itself knows nothing of it.
 * Every rank runs the command (main.c): it reads the tender and the policy, and opens the data
 * itself: a snapshot (keten index) is mapped lazily (kt_graph_snapshot_lazy), so a rank keeps
 * resident only the pages it reads, and those are page cache that the ranks of one machine
 * share; from data files every rank parses the files (each holds the whole model: use a
 * snapshot).  Only rank 0 writes: the others write to /dev/null.  Vertex v belongs to rank
 * v mod N, at local index v / N (a 1D partition, as in the Graph500 reference BFS); each rank
 * reads the relations once and keeps the steps into its own vertices (who depends on them)
 * and the sources at them, and finds the starting points of its bidders (bidder i: rank
 * i mod N).  Nothing of the model is sent.
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
 * 11 plus one per prohibition): every rank O(|V| + |E|) to read the model (kt_screen_prepare()'s
 * per-vertex facts, then the relations, twice, for its steps: this does not shrink with N);
 * O(K (|V| + |E|) / N log(|V| / N)) work (the key sorts) and
 * O(K (|V| + |E|) / N) records sent for the searches, in about 7 collective calls per level
 * and search (latency: each waits for the slowest rank); O(P K max_depth) for the P starting
 * points of its bidders.  Memory per rank for the part it owns: 12 bytes per step (28 more
 * while they arrive), 12 K + 32 bytes per vertex (tables of dist, next and where next leads,
 * the sources, keys, frontiers), plus at each level about 70 bytes per candidate step in
 * flight; and every rank kt_screen_prepare()'s per-vertex facts (about 10 bytes per vertex; its
 * tables stay untouched, so not resident, except on rank 0, 8 K bytes per vertex, which
 * receives the bidders' entries) and 8 bytes per string of the mapped model.
 *
 * Ownership: *out belongs to the caller (kt_screen_free()). */
#ifndef KT_DIST_H
#define KT_DIST_H

#include <mpi.h>
#include <stdio.h>

#include "../analyses/kt_crit.h"
#include "../analyses/kt_exp.h"
#include "../analyses/kt_own.h"
#include "../analyses/kt_screen.h"

/* The hook behind keten screen --mpi (cli/screen_out.h), on every rank: on rank 0 a screening
 * state whose tables hold every entry the bidders read; the other ranks get KT_EUSAGE and
 * write nothing.  A bidder that names an unknown entity is left
 * to kt_screen_bidder() to report.  A failure that only one rank sees (out of memory) aborts
 * every rank with a message. */
kt_err kt_dist_screen(const kt_graph *g, const kt_policy *p, const kt_tender *t, const kt_screen_tender *ctx,
                      kt_screen **out);

/* The hook behind keten exposure --mpi (cli/node_cmd.h), on every rank: kt_exp_run()'s
 * result on rank 0, computed level-synchronously over the ranks (dist/exposure.c); the other
 * ranks get KT_EUSAGE and write nothing. */
kt_err kt_dist_exposure(const kt_graph *g, const kt_policy *p, igraph_integer_t start, const kt_exp_opts *opts,
                        kt_exp_result **out);

/* The hook behind keten owners --mpi (cli/own_cli.h), on every rank: kt_own_upstream()'s
 * result on rank 0, from the owner closure found over the ranks and gathered to rank 0
 * (dist/closure.c); the other ranks get KT_EUSAGE and write nothing. */
kt_err kt_dist_owners(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts, kt_own_result *out,
                      kt_errinfo *ei);
/* The hook behind keten critical --mpi (cli/node_cmd.h): kt_crit_run()'s result on rank 0, from
 * the reached part found over the ranks and gathered to rank 0 (dist/closure.c). */
kt_err kt_dist_critical(const kt_graph *g, igraph_integer_t start, kt_crit_result **out);

/* The other ranks, when their command is done: wait for rank 0's end (kt_dist_done()) and
 * return its exit status; a rank whose command ended before rank 0's job (it could not read
 * the data) aborts every rank. */
int kt_dist_worker(void);
/* Rank 0, when its command is done, whatever the outcome: releases the workers with code. */
void kt_dist_done(int code);

/* What this rank's last job kept of the partitioned state: vertices owned, steps kept, the
 * peak bytes of its partitioned structures, and its memory when its private memory was
 * largest (kB; for keten-mpi --timings). */
typedef struct {
    long long owned, steps, bytes;
    long long rss_kb, pss_kb, priv_kb;
    double partition, searches, paths; /* seconds: reading the partition, the searches, the paths */
} kt_dist_stats;
extern kt_dist_stats kt_dist_last;
/* A worker's copy of rank 0's exit status once rank 0 has ended; -1 before. */
extern int kt_dist_final;

/* Where fatal messages go. */
extern FILE *kt_dist_stderr;

#endif
