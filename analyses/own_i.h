/* own_i.h: what the ownership files share: the reached subgraph in local numbering, and
 * strongly connected components.  Internal to analyses/own*.c.
 *
 * Ownership: kt_own_i_sub_build() fills a caller-allocated struct whose arrays belong to it
 * until kt_own_i_sub_destroy(); kt_own_i_scc() likewise for kt_own_i_comps. */
#ifndef KT_OWN_I_H
#define KT_OWN_I_H

#include "kt_own.h"
#include "kt_vmap.h"

/* The one tolerance of the ownership analyses, in percentage points: an interest or a vote sum
 * within KT_OWN_TOL of a threshold counts as exactly the threshold.  Shares are stored exactly
 * to 1e-7 points (graph/graph_i.h) and sums are computed in double precision, so a sum that is
 * exactly the threshold in decimal (49.9 + 0.1 = 50, 20.2 + 4.8 = 25) lands within 1e-12 of it,
 * while two different decimal sums of stored shares differ by 1e-7 or more.  Every comparison
 * with a threshold goes through these two. */
#define KT_OWN_TOL 1e-9
static inline int kt_own_i_above(double x, double thr) { return x > thr + KT_OWN_TOL; }   /* x > thr */
static inline int kt_own_i_atleast(double x, double thr) { return x >= thr - KT_OWN_TOL; } /* x >= thr */

/* The subgraph reached from the subject by owns and controls relations (self-loops left out),
 * walking away from the subject: upstream along in-edges (towards owners), downstream along
 * out-edges.  Local vertex 0 is the subject. */
typedef struct {
    const kt_graph *g;
    int down;
    igraph_integer_t n;      /* local vertices */
    igraph_integer_t *vert;  /* local -> global vertex */
    kt_vmap map;             /* global -> local (local ids are insertion order) */
    igraph_integer_t m;      /* relations in the subgraph */
    /* away[x]: relations leading from x away from the subject (upstream: x's in-edges) */
    igraph_integer_t *aoff, *aedge, *anb; /* anb: local id at the far end */
    /* toward[x]: relations leading from x towards the subject (upstream: x's out-edges) */
    igraph_integer_t *toff, *tedge, *tnb;
    kt_own_in_fn in;         /* upstream: where the in-relations come from (NULL: the graph) */
    void *in_ctx;
} kt_own_i_sub;

/* Whether relation e belongs to ownership subgraphs at all: owns or controls, not a self-loop. */
int kt_own_i_rel_used(const kt_graph *g, igraph_integer_t e);
/* Whether e counts in integrated ownership: owns, not declared, not a self-loop. */
int kt_own_i_rel_capital(const kt_graph *g, igraph_integer_t e);

/* Collect the subgraph by one iterative breadth-first traversal.
 * Complexity: O(|U| + |E_U|) expected (hashing), plus the degrees of the reached vertices. */
kt_err kt_own_i_sub_build(kt_own_i_sub *s, const kt_graph *g, igraph_integer_t subject, int down);
/* The same, upstream, with the in-relations from in (kt_own_upstream_in). */
kt_err kt_own_i_sub_build_in(kt_own_i_sub *s, const kt_graph *g, igraph_integer_t subject, kt_own_in_fn in,
                             void *ctx);
void kt_own_i_sub_destroy(kt_own_i_sub *s);
igraph_integer_t kt_own_i_sub_local(const kt_own_i_sub *s, igraph_integer_t v); /* -1 when absent */

/* Strongly connected components of a graph given as CSR (off[n+1], nb), reached from roots
 * (all vertices when roots is NULL) -- iterative Tarjan.  Components come out in Tarjan's
 * order: a component is emitted after every component reachable from it.  order[] lists the
 * vertices component by component; comp_off[c]..comp_off[c+1] delimit component c; comp[x]
 * is x's component, -1 when not reached.  Complexity: O(n + |edges|). */
typedef struct {
    igraph_integer_t ncomp;
    igraph_integer_t *comp, *order, *comp_off;
    igraph_integer_t nreached;
} kt_own_i_comps;
kt_err kt_own_i_scc(igraph_integer_t n, const igraph_integer_t *off, const igraph_integer_t *nb,
                    const igraph_integer_t *roots, igraph_integer_t nroots, kt_own_i_comps *c);
void kt_own_i_comps_destroy(kt_own_i_comps *c);

/* Integrated interests of every local vertex (see kt_own.h): u[k][x] for k = capital min,
 * capital max, votes min, votes max, as fractions, exact walk sums, never clamped (INFINITY
 * when the sum diverges; u of the subject is 1 + its self-interest); cyc[x] bit 1: x lies on
 * a cycle of relations that may hold a share, bit 2: on the subject's; status[x] a
 * kt_own_status.  A NULL u[k] skips that bound (not u[1]: it gives cyc), a NULL status the status.  Complexity: see own_integrated.c: O(|U| + |E_U|) for the acyclic part,
 * O(|C|^3) for a cycle C of up to 200 entities, sweeps x |E_C| for a larger one. */
kt_err kt_own_i_integrated(const kt_own_i_sub *s, double *u[4], unsigned char *cyc, unsigned char *status,
                           long *sweeps, kt_errinfo *ei);

/* Control.  Upstream: ctrl[x] = KT_OWN_YES / MAY / NO: x controls the subject; ult[x] bits 1
 * (ultimate, definite) and 2 (ultimate, may); state[x] bits 1 (state influence, definite)
 * and 2 (may).  Downstream: ctrl[x]: the subject controls x; ult and state unused.
 * Complexity: see kt_own_upstream. */
kt_err kt_own_i_control(const kt_own_i_sub *s, const kt_own_i_comps *c, double threshold, unsigned char *ctrl,
                        unsigned char *ult, unsigned char *state);

/* Ranking of paths: fewer weak steps first, then larger product of min shares (smaller
 * cost = -sum log), then fewer steps. */
typedef struct {
    long weak;
    double cost;
    long len;
} kt_own_i_key;
int kt_own_i_key_cmp(const kt_own_i_key *a, const kt_own_i_key *b);
/* Add relation e to key k (the step's weakness and cost). */
void kt_own_i_key_step(const kt_graph *g, igraph_integer_t e, kt_own_i_key *k);

/* The tree of strongest paths to the subject (own_paths.c): Dijkstra from the subject over
 * the away relations, in the order of kt_own.h including its tie-break (step by step from
 * the subject: the near entity's id, then the relation read first).  After a run, for every
 * x reached (kt_own_i_tree_has): key[x], and pedge[x] / pnext[x] the first relation and the
 * next local entity on x's path towards the subject.  blocked[x] (set by the caller) keeps x
 * out; relations skip[0..nskip) are not taken into skip_at.  Stops once `stop` is final (-1:
 * runs to the end).  *work (when not NULL) counts the relations examined.
 * Complexity: O(|E| log |E|) per run, plus the tie-breaks (O(path length) each, only between
 * paths of equal rank); nothing proportional to the graph is cleared between runs. */
typedef struct {
    const kt_own_i_sub *s;
    kt_own_i_key *key;
    igraph_integer_t *pedge, *pnext;
    long *seen, *done, gen;
    unsigned char *blocked;
    void *heap;
} kt_own_i_tree;
kt_err kt_own_i_tree_init(kt_own_i_tree *t, const kt_own_i_sub *s);
void kt_own_i_tree_destroy(kt_own_i_tree *t);
kt_err kt_own_i_tree_run(kt_own_i_tree *t, igraph_integer_t stop, igraph_integer_t skip_at,
                         const igraph_integer_t *skip, size_t nskip, long *work);
int kt_own_i_tree_has(const kt_own_i_tree *t, igraph_integer_t x);

#endif
