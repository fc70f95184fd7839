/* kt_case.h: the assessor's case file around a screening: stable keys for findings, the
 * kinds of finding that select measures from the policy's catalogue, and the assessor's
 * decisions matched against the evidence.
 *
 * A finding's key is a hash of its evidence: whether it is a finding or a gap, and for every
 * relation on its path the relation's type, both ends' ids, its share and its source (the
 * declared source, else the file's base name and line).  A decision names its finding by that
 * key, so when the data change and the path changes or disappears, the decision no longer
 * matches any finding and is reported `stale`; a finding no decision names is `undecided`.
 * Keys are 64-bit FNV-1a hashes written as 16 hex digits: the same evidence gives the same
 * key on every machine and run.
 *
 * Ownership: kt_case_bidder is caller-allocated, filled by kt_case_bidder_init() and
 * released with kt_case_bidder_destroy(); it borrows the decisions it points into. */
#ifndef KT_CASE_H
#define KT_CASE_H

#include "../graph/kt_decisions.h"
#include "../graph/kt_measures.h"
#include "kt_screen.h"

#define KT_CASE_KEY_LEN 17 /* 16 hex digits and a NUL */

/* The key of a finding (finding = 1) or a gap (finding = 0).  Complexity: O(path length). */
void kt_case_key(const kt_graph *g, const kt_screen_item *x, int finding, char out[KT_CASE_KEY_LEN]);

/* The kinds of finding (KT_MK_*) an item is, for selecting measures: from the relations on its
 * path and the role of its starting point (subcontractor, offered item), KT_MK_PARTY at party level, KT_MK_ACCESS when the bidder gets access (access != 0),
 * KT_MK_UNKNOWN for gaps (finding = 0).  Complexity: O(path length). */
unsigned kt_case_kinds(const kt_graph *g, const kt_screen_item *x, int finding, unsigned access);

/* One bidder's case: per finding and gap its key and kinds, the decision naming it, and the
 * decisions on this bidder that name no current finding (stale). */
typedef struct {
    char (*fkey)[KT_CASE_KEY_LEN]; /* per finding */
    unsigned *fkinds;
    const kt_decision_rec **fdec;  /* per finding: its decision, or NULL (undecided) */
    char (*ukey)[KT_CASE_KEY_LEN]; /* per gap */
    unsigned *ukinds;
    const kt_decision_rec *bidder; /* the decision on the bidder as a whole, or NULL */
    const kt_decision_rec *c3a, *c3b; /* the bidder's own C3A / C3B answers, or NULL */
    const kt_decision_rec **stale; /* finding decisions that match no finding, in file order */
    size_t nstale;
    size_t nundecided;             /* findings with no decision, or a null one */
} kt_case_bidder;

/* Build bidder_id's case from its screening result r and the decisions d (may be NULL).
 * access: the access the bidder gets (the tender's, or its C3A answer).
 * Complexity: O(P + log n + f k) for P the length of all paths, n entries in the record, f
 * findings and k entries on this bidder (the record's index, kt_decisions_range). */
kt_err kt_case_bidder_init(kt_case_bidder *c, const kt_graph *g, const kt_screen_result *r, const char *bidder_id,
                           unsigned access, const kt_decisions *d);
void kt_case_bidder_destroy(kt_case_bidder *c);
/* kt_case_bidder_init for every bidder b of n whose want[b] is KT_OK, into c[b] with its
 * result in rc[b] (the others: c[b] zeroed, rc[b] = want[b]), spread over threads (0: every
 * online core): the same cases as calling it bidder by bidder.  access[b]: as above. */
void kt_case_bidders_init(kt_case_bidder *c, size_t n, const kt_graph *g, const kt_screen_result *r,
                          const kt_tender_bidder *b, const unsigned *access, const kt_decisions *d,
                          const kt_err *want, kt_err *rc, int threads);

/* Apply bidder_id's C3A and C3B answers in d (if any) to its screening context t: the
 * bidder's own access and mitigation override the tender's defaults.  O(log n + k). */
void kt_case_override(const kt_decisions *d, const char *bidder_id, kt_screen_tender *t);

/* Check a decisions file against the tender (its id, the bidders) and the policy (the measures
 * named must be in its catalogue).  KT_EINVALID with ei as file:line: message.
 * Complexity: O(b log b + n (log b + m)) for n entries, b bidders and m measures named per
 * entry against the catalogue's size. */
kt_err kt_case_check(const kt_decisions *d, const kt_tender *t, const kt_policy *p, kt_errinfo *ei);

#endif
