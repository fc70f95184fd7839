/* kt_own.h: ownership and control: integrated ownership, controllers, ultimate controllers,
 * beneficial owners, state influence, and the paths that prove them.
 *
 * Relations used: owns (owner -> owned; capital share and votes, intervals in percent, NaN =
 * unknown) and controls (controller -> controlled, with a basis).  Owns self-loops (treasury
 * shares) are ignored.  Relations flagged KT_RF_DECLARED are declared indirect summaries
 * (BODS primary indirect, GLEIF ultimate parent): they are followed for control (a declared
 * controls relation, or a declared interest above the control threshold, makes a controller)
 * and reported beside the computed interest as a cross-check, but never multiplied into
 * integrated ownership and never added to a vote sum.
 *
 * Integrated ownership (Brioschi et al. 1989; Orbis; AMLR 2024/1624 art. 52 "indirect"):
 * the walk sum: over every ownership walk from owner to subject (a walk may come back through
 * any entity, the subject included) the product of the shares on it, i.e. a column (upstream)
 * or row (downstream) of (I - A)^-1 for the direct share matrix A.  Computed exactly per
 * strongly connected component of the relations with a positive share (own_integrated.c:
 * elimination up to 200 entities, Gauss-Seidel with an error estimate above), never clamped
 * inside; a divergent sum is INFINITY.  Lower bounds use each share's min (unknown: 0), upper
 * bounds its max (unknown: 100).  Display rule, on the result only: a party that lies on no
 * ownership cycle (downstream: a subject on none) cannot hold more than 100% when no company is
 * more than 100% held, so its bounds read at most 100; a party on a cycle keeps its sum, which
 * may pass 100 (kt_own_party.cycle).  Thresholds are compared within KT_OWN_TOL (own_i.h).
 * The status says whether an unknown share lies on some walk (KT_OWN_PARTIAL) or on every
 * walk (KT_OWN_UNKNOWN).
 *
 * Control: A controls B when A holds, itself or through entities A controls, more than
 * opts.control percent of B's votes (majority aggregation, computed to a fixed point, also
 * around cycles), or holds a controls relation (declared or not) to B, or holds a declared
 * interest in B with more than opts.control percent of the votes.  Control is transitive.
 * Computed twice: with the lower bounds of the vote shares (unknown: 0) -> KT_OWN_YES
 * ("controls"), and with the upper bounds (unknown: 100) -> KT_OWN_MAY ("may control":
 * only the upper bounds give control).  KT_OWN_NO: not even the upper bounds give control.
 *
 * Ultimate controllers of the subject: the controllers of the subject that no one controls
 * (walking up control; in a control cycle, every member of a top cycle).  Persons, states and
 * companies whose owners are unknown can all be ultimate controllers.
 * Beneficial owners: persons whose integrated capital or vote interest reaches opts.bo
 * (opts.bo_gt = 0: "25% or more", AMLR 2024/1624 art. 52(1); 1: "more than 25%", directive
 * 2015/849 art. 3(6)(a)(i)), or who control the subject.  KT_OWN_F_BO with the lower bounds
 * and definite control; KT_OWN_F_BO_MAY when only the upper bounds or "may control" qualify.
 * State influence: parties that are states (KT_ENT_STATE), flagged state_owned, or
 * controlled (yes or may) by one of those.
 *
 * Strongest path of a party, and the order of kt_own_paths_find: (fewest weak steps, largest
 * product of the min shares of the other steps, fewest steps), where a weak step is an owns
 * relation whose min share is unknown or 0, a controls relation, or a declared summary; then,
 * comparing step by step from the subject backwards, the step whose near entity (upstream:
 * the owner) has the smaller id, then the relation read first.  A party's strongest path is
 * the first path kt_own_paths_find gives from it to the subject.
 *
 * Ownership: results are structs the caller allocates; kt_own_upstream/kt_own_downstream/
 * kt_own_paths_find fill them and the caller releases them with kt_own_result_destroy /
 * kt_own_paths_destroy (both accept a zeroed or already destroyed struct).  Results borrow
 * the graph (vertex and edge ids); the graph must outlive them.
 *
 * Example:
 *     kt_own_opts o; kt_own_result r; kt_errinfo ei;
 *     kt_own_opts_init(&o);
 *     if (kt_own_upstream(g, kt_graph_find(g, "acme"), &o, &r, &ei) == KT_OK) {
 *         for (size_t i = 0; i < r.n; i++) {
 *             const kt_own_party *p = &r.parties[i];
 *             printf("%s %g-%g%% controls: %s\n", kt_graph_entity_id(g, p->v),
 *                    p->capital.min, p->capital.max, kt_own_ctrl_name(p->controls));
 *             igraph_integer_t path[64];   // or p->path_len ids from malloc
 *             size_t len = kt_own_party_path(&r, i, path, 64);
 *         }
 *     }
 *     kt_own_result_destroy(&r);
 */
#ifndef KT_OWN_H
#define KT_OWN_H

#include <stddef.h>

#include "../graph/kt_graph.h"

typedef struct {
    double control; /* control: more than this % of votes; default 50 */
    double bo;      /* beneficial ownership threshold in %; default 25 */
    int bo_gt;      /* 0: interest >= bo (AMLR 2024/1624 art. 52, default); 1: > bo (2015/849) */
    long max_paths; /* kt_own_paths_find: at most this many paths; default 100 */
    long max_depth; /* kt_own_paths_find: at most this many steps; 0 (default): no limit */
    long budget;    /* kt_own_paths_find: relations examined before giving up; default 50000000 */
} kt_own_opts;

void kt_own_opts_init(kt_own_opts *o);

typedef enum { KT_OWN_NO = 0, KT_OWN_MAY = 1, KT_OWN_YES = 2 } kt_own_ctrl;
const char *kt_own_ctrl_name(kt_own_ctrl c); /* "no", "may", "yes" */

/* What is known about an integrated interest. */
typedef enum {
    KT_OWN_KNOWN = 0, /* every ownership walk has known shares */
    KT_OWN_PARTIAL,   /* some walks have an unknown share: the bounds widen accordingly */
    KT_OWN_UNKNOWN,   /* every ownership walk has an unknown share */
    KT_OWN_NONE       /* no ownership walk at all (a controller through controls relations only) */
} kt_own_status;
const char *kt_own_status_name(kt_own_status s); /* "known", "partial", "unknown", "none" */

/* Party flags. */
enum {
    KT_OWN_F_BO = 1u << 0,          /* beneficial owner (lower bounds, definite control) */
    KT_OWN_F_BO_MAY = 1u << 1,      /* beneficial owner by the upper bounds or "may control" only */
    KT_OWN_F_ULTIMATE = 1u << 2,    /* ultimate controller (definite control) */
    KT_OWN_F_ULTIMATE_MAY = 1u << 3, /* ultimate controller when "may control" counts */
    KT_OWN_F_STATE = 1u << 4,       /* state influence: a state, state_owned, or controlled by one */
    KT_OWN_F_STATE_MAY = 1u << 5,   /* state influence only through "may control" */
    KT_OWN_F_STATEISH = 1u << 6,    /* the party itself is a state or flagged state_owned */
    KT_OWN_F_DECLARED_CTRL = 1u << 7 /* holds a controls relation or a declared controlling interest
                                      * in the subject (upstream) / is held so (downstream) */
};

/* One party upstream (an owner or controller of the subject) or downstream (an entity the
 * subject owns or controls).  Intervals in percent. */
typedef struct {
    igraph_integer_t v;
    int has_direct;        /* a direct owns relation (not declared) between party and subject */
    kt_ival direct;        /* sum of those relations' capital shares (unknown parts: 0 / 100) */
    kt_ival direct_votes;
    kt_ival capital;       /* integrated capital interest: the exact walk sum, above 100 only when
                            * cycle != 0, INFINITY when the sum diverges (see "Integrated") */
    kt_ival votes;         /* integrated vote interest, the same way */
    int cycle;             /* upstream: 0 the party is on no ownership cycle, 1 on one, 3 on one
                            * with the subject; downstream: 0 the subject is on none, 1 on one,
                            * 3 on one with the party */
    kt_own_status status;  /* unknown shares on the walks (same for capital and votes) */
    int has_declared;      /* a declared (KT_RF_DECLARED) owns relation between party and subject */
    kt_ival declared;      /* its capital share (sum when several) */
    kt_own_ctrl controls;  /* upstream: the party controls the subject; downstream: the subject
                            * controls the party */
    unsigned flags;        /* KT_OWN_F_* */
    /* Strongest path, as a tree towards the subject: path_edge is the first relation from this
     * party towards the subject, path_next the index in parties[] of the entity it leads to,
     * or -1 when that is the subject.  path_len: number of relations. */
    igraph_integer_t path_edge;
    long path_next;
    size_t path_len;
} kt_own_party;

typedef struct {
    igraph_integer_t subject; /* the target (upstream) or the source (downstream) */
    int downstream;
    kt_own_opts opts;         /* the thresholds in force */
    kt_own_party *parties;    /* every entity reached, subject excluded; sorted by capital.min
                               * descending, capital.max descending, then entity id */
    size_t n;
    size_t *ultimate;         /* upstream: indexes into parties[] of the ultimate controllers
                               * (KT_OWN_F_ULTIMATE), sorted by entity id */
    size_t n_ultimate;
    size_t *ultimate_may;     /* the same when "may control" counts (KT_OWN_F_ULTIMATE_MAY) */
    size_t n_ultimate_may;
    int subject_state;        /* the subject is a state, state_owned, or controlled (yes) by one */
    long sweeps;              /* work on cycles: 1 per cycle solved by elimination, plus the
                               * Gauss-Seidel sweeps on large ones (0: acyclic) */
} kt_own_result;

/* Owners and controllers of target: everything that reaches it by owns and controls
 * relations, with integrated interests, control, ultimate controllers, beneficial owners,
 * state influence and strongest paths.  Fails with KT_ENOMEM, or KT_EINVALID when a cycle
 * does not converge (ei says which entity).
 * Complexity: O((|U| + |E_U|) log |U|) for the upstream subgraph U of target (one
 * reverse traversal, Tarjan, one pass per bound, a Dijkstra for the paths), plus for each
 * ownership cycle C O(|C|^3) (|C| <= 200) or O(sweeps x |E_C|), plus the control walks: each minority vote holder of
 * an entity walks up the control relation until it meets a controller, O(|U| x |E_U|) in
 * contrived worst cases but O(|E_U|) when every entity has a majority holder or none.
 * Never touches the rest of the graph. */
kt_err kt_own_upstream(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts, kt_own_result *out,
                       kt_errinfo *ei);
/* kt_own_upstream() reading each entity's incoming relations from in(ctx, v, &eids), which
 * gives the relations kt_graph_in() gives, in its order (those that are not owns or controls
 * may be left out), instead of from the graph's index: for an owner closure gathered
 * elsewhere (dist/ gathers it over MPI ranks).  The same result as kt_own_upstream(). */
typedef igraph_integer_t (*kt_own_in_fn)(void *ctx, igraph_integer_t v, const igraph_integer_t **eids);
kt_err kt_own_upstream_in(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts, kt_own_in_fn in,
                          void *ctx, kt_own_result *out, kt_errinfo *ei);

/* The group below source: every entity it reaches by owns and controls relations, with the
 * source's integrated interest in each and whether the source controls it (parties[i].controls).
 * Complexity: O((|D| + |E_D|) log |D|) for the downstream subgraph D, plus cycle sweeps. */
kt_err kt_own_downstream(const kt_graph *g, igraph_integer_t source, const kt_own_opts *opts, kt_own_result *out,
                         kt_errinfo *ei);

void kt_own_result_destroy(kt_own_result *r);

/* Sort idx[0..n) (indexes into r->parties) by entity id.  Complexity: O(n log n). */
void kt_own_sort_by_id(const kt_graph *g, const kt_own_result *r, size_t *idx, size_t n);

/* The integrated capital interests alone: for every entity upstream of target (as
 * kt_own_upstream reaches them), its capital interest in target, the same numbers as
 * kt_own_upstream's parties[].capital, without control, paths, status or order (entities in
 * the order reached).  For callers that need many targets' interests (screening).  Fails like
 * kt_own_upstream.  Complexity: O(|U| + |E_U|) plus the cycle work of "Integrated" for
 * capital only.  Release with kt_own_capital_destroy (accepts a zeroed struct). */
typedef struct {
    igraph_integer_t *v;
    kt_ival *capital;
    size_t n;
} kt_own_capital;
kt_err kt_own_upstream_capital(const kt_graph *g, igraph_integer_t target, kt_own_capital *out, kt_errinfo *ei);
/* The same reading the incoming relations from in(ctx, v, &eids), as kt_own_upstream_in does
 * (screening reads them from its owners index). */
kt_err kt_own_upstream_capital_in(const kt_graph *g, igraph_integer_t target, kt_own_in_fn in, void *ctx,
                                  kt_own_capital *out, kt_errinfo *ei);
void kt_own_capital_destroy(kt_own_capital *c);

/* The index of v in r->parties, or -1.  Complexity: O(n) */
long kt_own_result_find(const kt_own_result *r, igraph_integer_t v);

/* The strongest path of party i as relation ids, in order from the party towards the subject
 * (upstream) or from the subject towards the party (downstream).  Fills min(path_len, cap)
 * ids: upstream the first ones (from the party), downstream the last ones (up to the party);
 * returns path_len.  Complexity: O(min(path_len, cap)). */
size_t kt_own_party_path(const kt_own_result *r, size_t i, igraph_integer_t *edges, size_t cap);

/* ---- paths between two entities ---- */

typedef struct {
    igraph_integer_t *edges; /* relations in order from `from` to `to` */
    size_t len;
    kt_ival product;         /* product of the capital shares (unknown share or controls step:
                              * counted as 0-100) */
    int weak;                /* steps with an unknown or zero min share, controls, or declared */
} kt_own_path;

typedef struct {
    igraph_integer_t from, to;
    kt_own_path *paths;      /* strongest first, in the order above */
    size_t n;
    int cut_max_paths;       /* more paths exist than opts.max_paths */
    int cut_max_depth;       /* a path was not followed beyond opts.max_depth steps */
    int cut_budget;          /* the search stopped after opts.budget relations examined */
} kt_own_paths;

/* The simple paths from `from` to `to` along owns and controls relations (declared ones
 * included), in the order above, at most opts->max_paths of at most opts->max_depth steps.
 * Yen's k shortest simple paths (with Lawler's deviation index) on the entities that can reach
 * `to`; each spur is one Dijkstra from `to`.  Complexity: O(|U| + |E_U|) for the restriction,
 * then O(K x L x |E_U| log |E_U|) for K paths of length L (at most opts->budget relations
 * examined); memory O(|U| + |E_U|) plus at most max_paths + 1 candidate paths. */
kt_err kt_own_paths_find(const kt_graph *g, igraph_integer_t from, igraph_integer_t to, const kt_own_opts *opts,
                         kt_own_paths *out, kt_errinfo *ei);

void kt_own_paths_destroy(kt_own_paths *p);

#endif
