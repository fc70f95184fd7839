/* kt_screen.h: bulk screening of bidders against the four considerations, the legal routes
 * and the statutory prohibitions of the policy.
 *
 * Three stages, each usable on its own (kt_screen_new: index and searches; kt_screen_bidder:
 * one bidder; cli/screen_out.c: output):
 *
 * 1. Index (once).  A compact reverse adjacency "who depends on v" over the dependency steps
 *    of kt_dep.h, plus the owns relations that confer control (votes certainly above the
 *    policy's control threshold, whatever owner_share says) or majority ownership for a
 *    prohibition.  Then one multi-source breadth-first search per kind of origin, backwards,
 *    bounded by max_depth, records for every vertex how far the nearest origin is and the
 *    first relation towards it:
 *      C1, C2, state (state_owned or state entities that count), and the listing marks the
 *        policy makes findings (sanctioned, debarred, export_controlled), along dependency steps;
 *      the same three along control steps only (controls relations, majority vote
 *        holdings): who is controlled from a marked party, per reason, so that every reason
 *        carried by ANY party controlling a vertex through a chain of control is found (the
 *        nearest such party per reason is shown);
 *      where the data stops (kt_dep_unknown), along dependency steps (the unknown[] evidence);
 *      per completeness dimension, where the data stops, along that dimension's steps only:
 *        ownership (owns, controls: a company whose direct owners do not add up to 100% and
 *        which is not declared complete), supply (member_of, supplies, subcontracts: a company
 *        with no supplier or subcontractor declared and not declared complete), components
 *        (member_of, offers, contains: an item with no parts and not declared complete, or of
 *        unknown origin);
 *      per prohibition, parties established in its countries, along owns relations of more
 *        than its owned_above share of the capital (a chain of majority holdings).
 *    And one pass over the bills of materials (leaves first) gives each item the share of its
 *    bill of materials with a known origin (leaves count 1 or 0, an assembly the mean of its
 *    parts; items in a contains cycle count 0).
 *
 * 2. One bidder.  Its starting points: the consortium, the members (leads first), the
 *    subcontractors, the offered items.  The bidder's PARTIES are the consortium, the members,
 *    and the subcontractors that get access (judged as a party for C1, C2 and C3A).  Reading the
 *    tables at the starting points and walking the recorded relations gives the findings,
 *    unknowns and prohibition hits.  A finding's interest is the marked party's integrated
 *    capital interest (kt_own.h; the numbers kt_own_upstream gives) in the company where the
 *    path's trailing run of ownership steps starts.
 *
 * Complexity: kt_screen_new() O(|V| + |E|) for the index, then O((11 + P)(|V| + |E|)) for the
 * searches (P prohibitions, at most 4), each vertex expanded once per search up to max_depth;
 * memory about (86 + 8P) bytes per vertex, 12 bytes per dependency step and 8 per owns or
 * controls relation (the owners index of the interests), and for a moment 28 bytes per vertex
 * and 4 per relation to find the cycles (an iterative Tarjan, O(|V| + |E|)), 1 byte per
 * relation for the index, and per thread a queue and a bitset (4 bytes and 1 bit per vertex).
 * From a snapshot the indexes that do not depend on the policy are the snapshot's (graph/
 * derived.c: the cycles, the gaps, the bills of materials, the dependency and owners indexes):
 * then 1 byte per relation that may be a step (its kind under this policy) instead of 12 per
 * step, and no cycles, owners index or bills of materials to find.
 * The stages run as tasks on the threads of kt_screen_opts (screen_par.c): the cycles, the
 * bills of materials, the owners index and the per-vertex facts side by side, then the reverse
 * index and every search; each writes arrays of its own, so the tables are the same whatever
 * the threads.
 * kt_screen_bidder() O(s K d) for s starting points, K = 8 + P kinds and paths of length
 * d <= max_depth, plus the degrees of the parties, plus for the interests (screen_interest.c):
 * nothing more when the ownership run is the only walk (no vertex of it on a cycle, one capital
 * owner at each step), else once per company (memoised in the kt_screen across bidders) one
 * pass over its upstream ownership subgraph U, O(|U| + |E_U|) on arrays sized once (8 bytes per
 * vertex, allocated on first use), plus, only when a marked party's walks meet an ownership
 * cycle, the ownership engine for capital alone on U (kt_own_upstream_capital); never the whole
 * graph.  Because of that memo, calls to kt_screen_bidder on one kt_screen must not run
 * concurrently; kt_screen_bidders() screens many bidders on every thread instead, with the
 * same results (screen_batch.c).
 *
 * The considerations, per bidder:
 *   C1, C2: met when a finding carrying the reason (for C1: C1, state_owned or state) sits at
 *     party level: the party itself, or a party controlling it through a chain of control
 *     steps (the letter's "comes from, or is controlled by a party from"; for C2, whose letter
 *     speaks only of where the party comes from, a party controlled from a C2 country is read
 *     as coming from it: a subsidiary belongs to its parent's group); in_chain when findings
 *     carry it only through components, suppliers, subcontractors without access, or owners
 *     that do not control (the ground for requirements in the specifications, not for
 *     exclusion); otherwise unknown when the data is incomplete (an unknown on some path, or a
 *     completeness dimension incomplete), and not_met only when it is complete.
 *   C3A: met when some party gets access (members: the tender's by default, or their own;
 *     subcontractors: their own, none by default); unknown when a member's access is neither
 *     stated by the tender nor by the member.  C3B: the assessor's answer on mitigation.
 * The legal route (judged on the consortium and the members, who tender):
 *   aw2012: a party established outside the GPA parties and outside the countries whose trade
 *     agreement with the EU covers procurement (the policy's `agreements`; when the policy has
 *     none, unknown); with the tender's covered_by_agreements false, outside the EU.
 *   adv: a party established outside the EU; else, with a party-level C1 finding, the ground
 *     that the bidder is not reliable enough to exclude risks to national security (Directive
 *     2009/81/EC art. 39(2)(e)), which needs the assessor's finding (KT_ROUTE_RELIABILITY).
 *   none: the buyer is outside the procurement acts: no route.
 *   unknown when no party is outside but a party's country is not known.
 * Verdicts (first that applies; severity order is the enum's):
 *   prohibited          a declared prohibition applies to a covered party;
 *   exclusion_possible  C1, C2, C3A, C3B met, ONE party carries C1 and C2 at party level and gets
 *                       access, and a route exists (or the reliability ground, for the assessor);
 *   review              as above but the route unknown; or a prohibition may apply (a covered
 *                       party's share of the contract value is not stated);
 *   mitigate            a finding (C1 or C2 met or in_chain), but a consideration not met;
 *   review              a finding, nothing not met, something unknown;
 *   specify_or_mitigate a finding, the rest met, but no exclusion (in the chain only, not at
 *                       one party, or no route): requirements in the specifications/contract;
 *   review              no finding, but the data is incomplete (also when C3A or C3B is not
 *                       met: exclusion is out of reach, but "clear" would claim complete data);
 *   clear               no finding, and every dimension complete;
 *   a listing mark the policy makes a finding (sanction, debarment, export control: kt_policy.h
 *   "marks") counts as a finding here, though it meets no consideration: never clear.
 *
 * Ownership: kt_screen_new() results belong to the caller (kt_screen_free(), NULL-safe);
 * kt_screen_result is caller-allocated and released with kt_screen_result_destroy(). */
#ifndef KT_SCREEN_H
#define KT_SCREEN_H

#include "../graph/kt_graph.h"
#include "../graph/kt_policy.h"
#include "../graph/kt_tender.h"
#include "kt_dep.h"

typedef struct kt_screen kt_screen;

typedef enum {
    KT_ROLE_CONSORTIUM = 0,
    KT_ROLE_LEAD,
    KT_ROLE_MEMBER,
    KT_ROLE_SUBCONTRACTOR,
    KT_ROLE_OFFER
} kt_screen_role;

typedef enum { KT_CONS_NOT_MET = 0, KT_CONS_MET, KT_CONS_UNKNOWN, KT_CONS_IN_CHAIN } kt_cons;

typedef enum {
    KT_VERDICT_CLEAR = 0,
    KT_VERDICT_MITIGATE,
    KT_VERDICT_REVIEW,
    KT_VERDICT_SPECIFY_OR_MITIGATE,
    KT_VERDICT_EXCLUSION_POSSIBLE,
    KT_VERDICT_PROHIBITED,
    KT_VERDICT__COUNT
} kt_verdict;

/* Values kept from the old int route (1 exists, 0 none, -1 unknown); RELIABILITY is new. */
typedef enum { KT_ROUTE_UNKNOWN = -1, KT_ROUTE_NONE = 0, KT_ROUTE_EXISTS = 1, KT_ROUTE_RELIABILITY = 2 } kt_route;

enum { KT_C1 = 0, KT_C2, KT_C3A, KT_C3B, KT_CONS__COUNT };

/* The rule that decided a consideration, the route or the verdict (kt_screen_rule_name gives
 * its stable name, kt_screen_rule_text a sentence). */
typedef enum {
    KT_RULE_PARTY_ITSELF = 0,   /* C1/C2 met: the party itself is marked */
    KT_RULE_CONTROLLED_FROM,    /* C1/C2 met: a party controlling it through control steps is */
    KT_RULE_IN_CHAIN,           /* only through components, suppliers, non-party subcontractors, owners */
    KT_RULE_NONE_INCOMPLETE,    /* no finding, data incomplete */
    KT_RULE_NONE_COMPLETE,      /* no finding, data complete */
    KT_RULE_ACCESS_PARTY,       /* C3A met: a party gets access */
    KT_RULE_ACCESS_NONE,        /* C3A not met */
    KT_RULE_ACCESS_UNSTATED,    /* C3A unknown */
    KT_RULE_MITIGATION,         /* C3B: the assessor's answer */
    KT_RULE_ROUTE_OUTSIDE_GPA,  /* aw2012: outside the GPA and the trade agreements */
    KT_RULE_ROUTE_NOT_COVERED,  /* aw2012, contract not covered by the agreements: outside the EU */
    KT_RULE_ROUTE_OUTSIDE_EU,   /* adv: outside the EU */
    KT_RULE_ROUTE_RELIABILITY,  /* adv: not reliable enough (assessor's finding) */
    KT_RULE_ROUTE_REGIME_NONE,  /* buyer outside the procurement acts */
    KT_RULE_ROUTE_INSIDE,       /* every party established inside */
    KT_RULE_ROUTE_COUNTRY_UNKNOWN,
    KT_RULE_ROUTE_NO_AGREEMENTS, /* a party outside the GPA, the policy lists no agreements */
    KT_RULE_V_PROHIBITED,
    KT_RULE_V_EXCLUSION,
    KT_RULE_V_ROUTE_UNKNOWN,
    KT_RULE_V_PROHIBITION_POSSIBLE,
    KT_RULE_V_NOT_MET,
    KT_RULE_V_UNKNOWN,
    KT_RULE_V_NOT_ONE_PARTY,    /* all met, but no one party carries C1, C2 and access */
    KT_RULE_V_CHAIN_ONLY,       /* all met, C1 or C2 only in the chain */
    KT_RULE_V_NO_ROUTE,
    KT_RULE_V_INCOMPLETE,
    KT_RULE_V_CLEAR,
    KT_RULE_V_MARKED,           /* mitigate on a listing mark alone */
    KT_RULE__COUNT
} kt_screen_rule;

/* The slots of a result's why[]. */
enum { KT_WHY_C1 = 0, KT_WHY_C2, KT_WHY_C3A, KT_WHY_C3B, KT_WHY_ROUTE, KT_WHY_VERDICT, KT_WHY__COUNT };

/* Completeness dimensions. */
enum { KT_DIM_OWNERSHIP = 0, KT_DIM_SUPPLY, KT_DIM_COMPONENTS, KT_DIM__COUNT };

typedef struct {
    igraph_integer_t node;   /* the marked node, or where the data stops */
    unsigned reasons;        /* its KT_REASON_* bits (findings) */
    unsigned why;            /* unknowns: KT_UNK_* bits (kt_dep.h) */
    igraph_integer_t start;  /* the bidder's starting point it was reached from */
    kt_screen_role role;     /* that starting point's role */
    int depth;               /* relations on the path */
    int party;               /* the risk sits at the bidder's own party level */
    igraph_integer_t *nodes; /* depth + 1 nodes, start first */
    igraph_integer_t *edges; /* depth relations */
    kt_ival interest;        /* the marked party's integrated capital interest (kt_own_upstream) in
                              * the company where the path's trailing run of ownership steps starts;
                              * unknown when the path does not end in ownership steps */
    int has_ownership;       /* the path ends in ownership steps */
    int prohibition;         /* prohibition hits: the policy's prohibition index; else -1 */
    int covered;             /* prohibition hits: 1 the party is covered, -1 its share is not stated */
    size_t seq;              /* internal: the order found, for deterministic ties */
} kt_screen_item;

/* One of the bidder's parties (consortium, members, subcontractors), as screened. */
typedef struct {
    igraph_integer_t v;
    kt_screen_role role;
    unsigned reasons;           /* its own KT_REASON_* bits */
    int party;                  /* judged as a party (not: a subcontractor without access) */
    unsigned access;            /* KT_ACCESS_* it gets */
    int access_known;           /* 0: a member whose access neither it nor the tender states */
    double share;               /* per cent of the contract value; NaN when not stated */
    unsigned party_reasons;     /* reasons of the findings at its party level (itself, controllers) */
    int outside;                /* tenderers: 1 established where the route applies, 0 not, -1 unknown */
    double ownership_known;     /* per cent of its direct ownership known (100: declared complete) */
} kt_screen_party;

typedef struct {
    kt_verdict verdict;
    kt_cons cons[KT_CONS__COUNT];
    kt_route route;
    kt_screen_rule why[KT_WHY__COUNT];
    kt_screen_party *members;   /* the consortium (if any), members and subcontractors, as screened */
    size_t nmembers;
    kt_screen_item *findings;   /* sorted by depth, then node id */
    size_t nfindings;
    kt_screen_item *unknown;    /* sorted likewise */
    size_t nunknown;
    kt_screen_item *prohibited; /* prohibition hits at covered (or possibly covered) parties */
    size_t nprohibited;
    int party_risk;             /* one party carries C1 (or state) and C2 at party level and gets access */
    int complete[KT_DIM__COUNT]; /* per dimension: 1 complete along every path from the bidder */
    double bom_known;           /* share (0-100) of the offered items' bills of materials with a known
                                 * origin, mean over the items; NaN when nothing is offered */
    double ownership_known;     /* the least ownership_known over the parties */
} kt_screen_result;

/* The context every bidder of one tender shares. */
typedef struct {
    kt_regime regime;
    unsigned access;            /* KT_ACCESS_* */
    int access_given;
    kt_mitigation mitigation;
    int covered_by_agreements;
} kt_screen_tender;

/* Options of a screening.  threads: how many threads the stages use (0: every online core);
 * the results are the same, byte for byte, whatever the number. */
typedef struct {
    int threads;
} kt_screen_opts;

/* Run the searches.  Fails with KT_EUSAGE when the graph holds 2^31 relations or more.
 * kt_screen_new(): default options (o NULL). */
kt_err kt_screen_new_opts(const kt_graph *g, const kt_policy *p, const kt_screen_opts *o, kt_screen **out);
kt_err kt_screen_new(const kt_graph *g, const kt_policy *p, kt_screen **out);
void kt_screen_free(kt_screen *s);

/* Screen one bidder of tender t.  Entity ids that the graph lacks give KT_ENOTFOUND with
 * ei naming the id (the caller adds the tender file's line).  Complexity: see above. */
kt_err kt_screen_bidder(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                        kt_screen_result *out, kt_errinfo *ei);
void kt_screen_result_destroy(kt_screen_result *r);

/* Screen bidders b[0..n-1], bidder i in its own context ctx[i], on the threads of the
 * kt_screen's options: out[i] and rcs[i] (KT_OK; KT_ENOTFOUND with ei[i] as kt_screen_bidder
 * gives it, out[i] then empty) are what kt_screen_bidder gives called on each bidder in
 * order on a kt_screen no bidder was screened on before, byte for byte, whatever the number
 * of threads.  The bidders are spread over the threads; the interests' upstream solves are
 * made once per company, on every thread, and handed out in bidder order (as the memo of
 * kt_screen_bidder does).  Returns KT_ENOMEM (every out[] released) or KT_OK.  Complexity:
 * the sum of kt_screen_bidder's, each company's upstream solved at most once per way. */
kt_err kt_screen_bidders(const kt_screen *s, const kt_screen_tender *ctx, const kt_tender_bidder *b, size_t n,
                         kt_screen_result *out, kt_err *rcs, kt_errinfo *ei);

/* fn(arg, i, worker) for every i in 0..n-1, each once, on at most threads threads (0: every
 * online core); worker (0..threads-1) names the thread.  Returns when every task has run.  For
 * callers that spread work per bidder as the screening does (the output, the case files). */
typedef void (*kt_screen_task)(void *arg, size_t i, int worker);
void kt_screen_parallel(int threads, size_t n, kt_screen_task fn, void *arg);
int kt_screen_threads(int threads); /* the threads that would use: 0 gives every online core */

/* The stages, for a search stage run elsewhere (dist/ runs it partitioned over MPI ranks).
 * kt_screen_new() is kt_screen_prepare() (the sources marked, the per-vertex facts,
 * O(|V| + |E|)) and the searches; a caller that fills the tables itself gets the same bidder
 * results.  The searches: kt_screen_searches() multi-source breadth-first searches backwards
 * along the steps kt_screen_step() gives them, from the vertices kt_screen_source() marks,
 * sources entering in vertex order and steps in relation order, so that each vertex's first
 * relation is the lowest-numbered relation towards the earliest-queued vertex of the level
 * before; no vertex at max_depth is expanded.  Tables: dist[c][v] the relations from v to
 * the nearest source (-1: none within max_depth), next[c][v] the first relation on that path
 * (-1 at a source); dist[c] NULL for a search the policy does not ask for, next[c] NULL for a
 * search that keeps no paths.  Only the entries the bidders' walks read must be right: from
 * each starting point (kt_screen_starts()) along next to a source. */
enum { KT_SCREEN_SEARCHES_MAX = 32 };
typedef struct {
    int32_t *dist[KT_SCREEN_SEARCHES_MAX], *next[KT_SCREEN_SEARCHES_MAX]; /* |V| entries each */
} kt_screen_tables;
kt_err kt_screen_prepare(const kt_graph *g, const kt_policy *p, kt_screen **out);
int kt_screen_searches(const kt_screen *s);
/* The tables of s to fill, every entry -1 (owned by s). */
void kt_screen_tables_get(kt_screen *s, kt_screen_tables *t);
int kt_screen_source(const kt_screen *s, int search, igraph_integer_t v);
/* The searches relation e is a step of (bit c for search c; 0: none), with who depends on
 * whom.  O(1). */
uint32_t kt_screen_step(const kt_screen *s, igraph_integer_t e, igraph_integer_t *dependent,
                        igraph_integer_t *dependency);
/* The vertices a bidder's walks start from (caller frees *v); errors as kt_screen_bidder(). */
kt_err kt_screen_starts(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                        igraph_integer_t **v, size_t *n, kt_errinfo *ei);

const char *kt_verdict_name(kt_verdict v);
int kt_verdict_parse(const char *s, kt_verdict *out); /* 0 on success */
const char *kt_cons_name(kt_cons c);                  /* "met", "in_chain", "not_met", "unknown" */
const char *kt_role_name(kt_screen_role r);
const char *kt_route_name(kt_route r);                /* "exists", "reliability", "none", "unknown" */
const char *kt_screen_rule_name(kt_screen_rule r);
const char *kt_screen_rule_text(kt_screen_rule r);
const char *kt_dim_name(int dim);                     /* "ownership", "supply", "components" */
/* Whether finding x (an entry of r->findings) is among those that decided consideration c
 * (KT_C1 or KT_C2) in the state r->cons[c]. */
int kt_screen_decides(const kt_screen_result *r, int c, const kt_screen_item *x);
/* The max_depth in force. */
int kt_screen_max_depth(const kt_screen *s);

#endif
