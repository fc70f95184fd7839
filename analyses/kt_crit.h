/* kt_crit.h: critical suppliers: what a node depends on with no alternative.
 *
 * The dependency graph is the part reachable from NODE along kt_dep steps other than
 * ownership and control: members, suppliers, subcontractors, offered items, parts,
 * manufacturers.  A plain dominator tree over it would treat every branch as an
 * alternative, but an item needs ALL its parts (AND) while a customer needs only ONE of its
 * suppliers of the same item (OR).  So keten reads the steps as needs:
 *
 *   AND  each offered item, each part (contains), each subcontractor, each consortium member
 *        is needed;
 *   OR   the suppliers of one item to one customer (supplies with the same `item`; supplies
 *        without `item` count as one unspecified item) are alternatives of one need, and so
 *        are the manufacturers of one item (several made_by);
 *   a need with a single alternative (one supplier, one manufacturer) is forced.
 *
 * Definition.  d is a single point of failure (SPOF) for NODE when every way of serving
 * NODE uses d.  A way of serving is a choice of one alternative for every need of every node
 * used, each chain of needs ending at nodes with no needs (the ends of the known data).
 * keten reports the SPOFs it can prove, by the least set S with NODE in S and:
 *   required / only_supplier / only_manufacturer: the alternative of a forced need of a
 *        node in S is in S;
 *   on_every_route: for a node u in S, and for each OR need of u, every node d that lies
 *        on every path from it to the ends of the data is in S: whichever alternative is
 *        taken, its chain of needs passes d.  These are the post-dominators, read off one
 *        dominator tree over the reached graph's edges reversed (rooted at a virtual sink
 *        joined from every node with no needs; each OR need is a virtual node between the
 *        customer and its alternatives); critical.c computes it itself (Lengauer-Tarjan,
 *        checked against igraph_dominator_tree in tests/unit/critical_dom.c), because
 *        igraph's aborts the process when memory runs out inside it.
 * Every node reported is a SPOF (each rule keeps that true: a forced need is in every way of
 * serving; a way of serving through any alternative runs along a path that passes each
 * post-dominator).  The converse has one known gap: a node needed by every alternative, but
 * by some of them only beside another part (alternative A needs M and N, alternative B needs
 * M: M is a SPOF, yet the path A -> N avoids it) is not reported.  All of this holds of the
 * data as given: a supplier or manufacturer missing from the data could be an alternative, so
 * the report says "single point of failure in the data", never "proven" (a word kept for what
 * holds whatever data is missing), and not "the only ones".
 *
 * sole_source[]: every reached supplies relation marked sole_source, as declared in the
 * data, whether or not the rules above find it.
 *
 * Complexity: O(R + D) to reach R nodes with D incident relations, O(D log D) to group
 * needs, and O((R + N + E) log(R + N)) for the dominator tree over R + N vertices and E
 * edges (Lengauer-Tarjan with path compression); the closure visits each node once.
 * Memory O(R + D): the reached nodes keep their
 * breadth-first tree (kt_crit_reached, 32 bytes each) and a point's path is read off it when
 * printed (kt_crit_path(), O(KT_CRIT_PATH_MAX)), so no list is sized R x depth; the flow
 * graph is freed before the closure runs.  Nothing is sized by |V|.  The answer itself can be
 * as large as R (every reached node a point): 1.2M points for a bench consortium at 10M
 * relations; the CLI prints it one point at a time.
 *
 * Ownership: kt_crit_run() gives the caller a result to free with kt_crit_result_free()
 * (accepts NULL).  Ids index the graph, which must outlive the result.
 *
 * Example:
 *     kt_crit_result *r;
 *     if (kt_crit_run(g, kt_graph_find(g, "bidder"), &r) == KT_OK)
 *         for (size_t i = 0; i < r->ncritical; i++) ...r->critical[i].node...
 *     kt_crit_result_free(r);
 */
#ifndef KT_CRIT_H
#define KT_CRIT_H

#include "../graph/kt_graph.h"
#include "kt_dep.h"

typedef enum {
    KT_CRIT_REQUIRED = 0,         /* an AND need: part, offered item, subcontractor, member */
    KT_CRIT_ONLY_SUPPLIER,        /* the one supplier of an item to a customer that needs it */
    KT_CRIT_ONLY_MANUFACTURER,    /* the one manufacturer of a needed item */
    KT_CRIT_ON_EVERY_ROUTE     /* every route onward from a needed node or OR need passes it */
} kt_crit_rule;

typedef struct {
    igraph_integer_t node;
    igraph_integer_t edge; /* the step into node, -1 for the start */
} kt_crit_hop;

typedef struct {
    igraph_integer_t node;
    kt_crit_rule rule;
    igraph_integer_t needed_by; /* the node whose need it serves */
    igraph_integer_t edge;      /* the relation of a forced need; -1 for on_every_route */
    igraph_integer_t item;      /* the item of the supplies need, -1 when none or not a supply */
    int depth;                  /* steps from the start, breadth-first */
    igraph_integer_t at;        /* node's index in kt_crit_result.reached */
    int path_len;               /* hops kt_crit_path() gives: min(depth + 1, KT_CRIT_PATH_MAX) */
    int path_elided;            /* hops before them not given: depth + 1 - path_len */
} kt_crit_point;

/* A path shows at most this many hops (the last ones), so that printing a 100,000-deep
 * chain of single points of failure costs O(R) time and memory, not O(R^2). */
#define KT_CRIT_PATH_MAX 64

/* A reached node in the breadth-first tree: a shortest path from the start, tie-broken by the
 * lowest relation id on the last step. */
typedef struct {
    igraph_integer_t node;
    igraph_integer_t parent; /* index in reached[], -1 for the start */
    igraph_integer_t edge;   /* the step from the parent, -1 for the start */
    int depth;
} kt_crit_reached;

typedef struct {
    igraph_integer_t edge, supplier, customer, item; /* item -1 when not given */
} kt_crit_sole;

typedef struct {
    igraph_integer_t start;
    size_t nreached;
    kt_crit_reached *reached; /* nreached, in breadth-first order; reached[0] is the start */
    kt_crit_point *critical; /* sorted by depth, then entity id */
    size_t ncritical;
    kt_crit_sole *sole;      /* sorted by relation id */
    size_t nsole;
} kt_crit_result;

/* Errors: KT_ENOMEM; KT_EUSAGE when start is not a vertex; KT_EGRAPH from igraph. */
kt_err kt_crit_run(const kt_graph *g, igraph_integer_t start, kt_crit_result **out);
/* kt_crit_run() reading each reached node's steps from steps(ctx, v, &list) instead of the
 * graph: the steps kt_dep_iter_init(v, owner_share 100) gives, in its order (ownership and
 * control steps may be left out).  For a reached part gathered elsewhere (dist/ gathers it
 * over MPI ranks); the same result as kt_crit_run(). */
typedef igraph_integer_t (*kt_crit_steps_fn)(void *ctx, igraph_integer_t v, const kt_dep_step **list);
kt_err kt_crit_run_steps(const kt_graph *g, igraph_integer_t start, kt_crit_steps_fn steps, void *ctx,
                         kt_crit_result **out);
void kt_crit_result_free(kt_crit_result *r);

/* The kept hops of c's path into hops (room for c->path_len <= KT_CRIT_PATH_MAX): the last
 * path_len hops of its shortest path from the start, ending at c->node; hops[0] is the start
 * when c->path_elided is 0.  Complexity: O(KT_CRIT_PATH_MAX). */
void kt_crit_path(const kt_crit_result *r, const kt_crit_point *c, kt_crit_hop *hops);

/* "required", "only_supplier", "only_manufacturer", "on_every_route" */
const char *kt_crit_rule_name(kt_crit_rule r);

#endif
