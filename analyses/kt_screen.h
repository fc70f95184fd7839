/* kt_screen.h: bulk screening of bidders against the four considerations.
 *
 * The risk origins are found once: for every node, a multi-source search backwards along
 * the dependency steps of kt_dep.h (from every node the policy marks C1, C2 or state_owned,
 * and from every node where the data stops) records how far the nearest origin of each kind
 * is and the first relation towards it.  One more search, along control steps only (explicit
 * controls relations, and owns relations whose votes are certainly above the policy's control
 * threshold), finds who is controlled from a marked node.  A bidder is then served by reading
 * those tables at its own parties and items and walking the recorded relations: its cost is
 * the length of the paths it reports.
 *
 * Complexity: kt_screen_new() O(|V| + |E|) to index who depends on whom (two passes over the
 * relations in order), then O(K (|V| + |E|)) for K = 6 searches, each bounded by the
 * policy's max_depth; kt_screen_bidder() O(s K d) for s starting points and paths of length
 * d <= max_depth.  Memory: 8 K bytes per vertex.
 *
 * What a bidder's result says:
 *   findings: per starting point (consortium, member, subcontractor, offered item) and per
 *     kind of origin (C1, C2, state_owned, control from a marked party, a mark the policy makes
 *     a finding: sanctioned, debarred, export_controlled), the NEAREST marked
 *     node, with its shortest path; one entry per marked node (the shortest path wins).
 *     `keten exposure NODE` lists every marked node behind one starting point.
 *   unknown: per starting point, the nearest node beyond which the data stops
 *     (kt_dep_unknown), with its path.
 *   considerations C1 and C2 are met when a finding carries them (state_owned counts for
 *     C1); when there is none they are unknown if the data stops somewhere on the way, and
 *     not met only when it does not.  C3A is met when the tender opens any access, C3B when
 *     the assessor judged mitigation insufficient.
 *   legal route: under aw2012 a member established outside the GPA parties, under adv one
 *     established outside the EU; unknown when a member's country is not known.
 *   party-level risk: a marked member (or consortium) itself, or one controlled from a marked
 *     party through a chain of control steps (explicit controls relations, or holdings of more
 *     than the control threshold of the votes): "comes from or is controlled from";
 *     exclusion needs the party-level findings to carry both C1 (or state_owned) and C2.
 *     Risk that arrives only through components, suppliers, subcontractors or minority owners
 *     is not party-level: it has no exclusion route and calls for requirements in the
 *     specifications or the contract.
 *   verdict (worst last): clear (no finding, data complete) < mitigate (a finding, but a
 *     consideration is not met) < review (no consideration fails, but one is unknown) <
 *     specify_or_mitigate (all four met, but not at party level or with no legal route) <
 *     exclusion_possible (all four met at party level, and a legal route exists).
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

typedef enum { KT_CONS_NOT_MET = 0, KT_CONS_MET, KT_CONS_UNKNOWN } kt_cons;

typedef enum {
    KT_VERDICT_CLEAR = 0,
    KT_VERDICT_MITIGATE,
    KT_VERDICT_REVIEW,
    KT_VERDICT_SPECIFY_OR_MITIGATE,
    KT_VERDICT_EXCLUSION_POSSIBLE,
    KT_VERDICT__COUNT
} kt_verdict;

enum { KT_C1 = 0, KT_C2, KT_C3A, KT_C3B, KT_CONS__COUNT };

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
    kt_ival interest;        /* product of the votes of the trailing run of ownership steps (the
                              * finding's interest where the run starts); unknown when none or unknown */
    int has_ownership;       /* the path ends in ownership steps */
    size_t seq;              /* internal: the order found, for deterministic ties */
} kt_screen_item;

typedef struct {
    igraph_integer_t v;
    kt_screen_role role;
    unsigned reasons;
} kt_screen_party;

typedef struct {
    kt_verdict verdict;
    kt_cons cons[KT_CONS__COUNT];
    int route;                  /* 1 a legal route exists, 0 none, -1 unknown */
    kt_screen_party *members;   /* the consortium (if any) and its members, as screened */
    size_t nmembers;
    kt_screen_item *findings;   /* sorted by depth, then node id */
    size_t nfindings;
    kt_screen_item *unknown;    /* sorted likewise */
    size_t nunknown;
    int party_risk;             /* party-level findings carry both C1 (or state_owned) and C2 */
} kt_screen_result;

/* The context every bidder of one tender shares. */
typedef struct {
    kt_regime regime;
    unsigned access;            /* KT_ACCESS_* */
    int access_given;
    kt_mitigation mitigation;
} kt_screen_tender;

/* Run the searches.  Fails with KT_EUSAGE when the graph holds 2^31 relations or more. */
kt_err kt_screen_new(const kt_graph *g, const kt_policy *p, kt_screen **out);
void kt_screen_free(kt_screen *s);

/* Screen one bidder of tender t.  Entity ids that the graph lacks give KT_ENOTFOUND with
 * ei naming the id (the caller adds the tender file's line).  Complexity: see above. */
kt_err kt_screen_bidder(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                        kt_screen_result *out, kt_errinfo *ei);
void kt_screen_result_destroy(kt_screen_result *r);

const char *kt_verdict_name(kt_verdict v);
int kt_verdict_parse(const char *s, kt_verdict *out); /* 0 on success */
const char *kt_cons_name(kt_cons c);                  /* "met", "not_met", "unknown" */
const char *kt_role_name(kt_screen_role r);

#endif
