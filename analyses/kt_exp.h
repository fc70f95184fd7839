/* kt_exp.h: exposure: what a node reaches along dependency steps, and which of it the
 * policy marks.
 *
 * One breadth-first search from the start node over kt_dep steps (members, suppliers,
 * subcontractors, offered items, parts, manufacturers, owners at or above the policy's
 * owner_share, controllers), at most the policy's max_depth steps deep.
 *
 * Findings.  A reached node is a finding when kt_policy_reasons() gives it C1, C2,
 * state_owned, or a mark reason the policy asks for (sanctioned, debarred, export_controlled):
 * KT_REASON_RISK.  non_gpa and non_eu are added to a finding's reasons but do
 * not make a finding by themselves: they say which exclusion route a country opens, not that
 * the node carries a security risk, and nearly every supply chain reaches a non-EU country.
 * The start node, when marked, is a finding at depth 0.  One finding per node, with one
 * shortest path: among shortest paths, the one whose last step has the lowest relation (edge)
 * id, the step before that chosen by the same rule, and so on (so a diamond gives one
 * finding, and the same input always gives the same path).
 *
 * Ownership interest.  When the last step into a finding is an ownership step, `interest` is
 * the product of the votes intervals (kt_graph_rel_votes) of the trailing run of consecutive
 * ownership steps, i.e. the finding's interest, along this path only, in `interest_in`, the
 * company where the run starts: 60% of 50% = 30%.  Unknown (NaN bounds) when a share on the
 * run is unknown.  Integrated ownership over all routes is the owners analysis' business.
 *
 * Unknown beyond this point.  A reached node is listed in unknown[] when kt_dep_unknown()
 * says the data stops there (KT_UNK_SUPPLIERS, KT_UNK_ENTITY, KT_UNK_ORIGIN: the rule every
 * analysis shares, see kt_dep.h), or, KT_UNK_DEPTH, when it is at max_depth and a step leads
 * out of it to a node not reached.
 * "No finding in the data" is a valid answer only when unknown[] is empty.
 *
 * Complexity: O(R + D) time and memory, R the nodes reached, D the sum of their degrees
 * (kt_dep scans incident relations), plus O(F·d) to copy the paths of F findings and
 * unknowns of depth up to d, plus O(F log F) to sort them.  Nothing is sized by |V|.
 *
 * Ownership: kt_exp_run() gives the caller a result to free with kt_exp_result_free()
 * (which accepts NULL).  Node and edge ids index the graph, which must outlive the result.
 *
 * Example:
 *     kt_exp_result *r;
 *     if (kt_exp_run(g, policy, kt_graph_find(g, "bidder"), NULL, &r) == KT_OK)
 *         for (size_t i = 0; i < r->nfindings; i++) ...r->findings[i].path...
 *     kt_exp_result_free(r);
 */
#ifndef KT_EXP_H
#define KT_EXP_H

#include "../graph/kt_graph.h"
#include "../graph/kt_policy.h"
#include "kt_dep.h"

typedef struct {
    int max_depth;      /* 0: the policy's max_depth */
    double owner_share; /* < 0: the policy's owner_share */
} kt_exp_opts;

/* One step of a path: the node reached and the relation that reached it (edge -1 and via
 * meaningless for the start node, path[0]). */
typedef struct {
    igraph_integer_t node;
    igraph_integer_t edge;
    kt_via via;
} kt_exp_hop;

/* One reached node: the breadth-first tree, in the order reached (reached[0] is the start).
 * The exposure diagram draws it. */
typedef struct {
    igraph_integer_t node;
    igraph_integer_t parent; /* index into reached[], -1 for the start */
    igraph_integer_t edge;   /* the step from the parent, -1 for the start */
    kt_via via;
    int depth;
} kt_exp_reach;

typedef struct {
    igraph_integer_t node;
    unsigned reasons; /* KT_REASON_* bits; always some of KT_REASON_RISK */
    int depth;
    kt_via via;       /* of the last step; meaningless at depth 0 */
    kt_exp_hop *path; /* depth + 1 hops: path[0] the start, path[depth] the node */
    int has_interest; /* the last step is an ownership step */
    kt_ival interest; /* percent, see above; unknown when a share on the run is unknown */
    igraph_integer_t interest_in; /* the company the interest is in; -1 without interest */
} kt_exp_finding;

typedef struct {
    igraph_integer_t node;
    unsigned why; /* KT_UNK_* bits (kt_dep.h) */
    int depth;
    kt_exp_hop *path; /* depth + 1 hops */
} kt_exp_unknown;

typedef struct {
    igraph_integer_t start;
    int max_depth;
    double owner_share;
    kt_exp_reach *reached; /* in breadth-first order */
    size_t nreached;
    kt_exp_finding *findings; /* sorted by depth, then entity id */
    size_t nfindings;
    kt_exp_unknown *unknown; /* sorted by depth, then entity id */
    size_t nunknown;
} kt_exp_result;

/* Run exposure from start.  opts may be NULL (the policy's thresholds).  On failure *out is
 * NULL.  Errors: KT_ENOMEM; KT_EUSAGE when start is not a vertex. */
kt_err kt_exp_run(const kt_graph *g, const kt_policy *p, igraph_integer_t start, const kt_exp_opts *opts,
                  kt_exp_result **out);
void kt_exp_result_free(kt_exp_result *r);

/* The stages, for a search run elsewhere (dist/ runs it partitioned over MPI ranks):
 * kt_exp_run() is kt_exp_result_new() (start, max_depth and owner_share set, nothing reached;
 * KT_EUSAGE when start is not one of the nv vertices), the search filling reached[] (the
 * start first, each node with its final parent, relation and depth), then kt_exp_classify():
 * findings and unknowns with their paths, sorted; cut[i] is 1 when reached[i] is at max_depth
 * and a step leads out of it to a node not reached.  The result does not depend on the order of
 * reached[] beyond the start being first.  Complexity: as kt_exp_run() after the search. */
kt_err kt_exp_result_new(const kt_policy *p, igraph_integer_t start, const kt_exp_opts *opts, igraph_integer_t nv,
                         kt_exp_result **out);
kt_err kt_exp_classify(const kt_graph *g, const kt_policy *p, kt_exp_result *r, const unsigned char *cut);

/* The product of two percentage intervals (60% of 50% is 30%); unknown when either is. */
kt_ival kt_exp_ival_mul(kt_ival a, kt_ival b);

#endif
