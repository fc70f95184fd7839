/* kt_decisions.h: the assessor's record for a tender, as data (read by loaders/decisions.c).
 *
 * keten produces evidence; the judgement is the assessor's.  A decisions file records it,
 * one entry per judgement: about a bidder as a whole, about one finding (named by its stable
 * key, kt_case.h), or the bidder's own answer on C3A (the access it gets) or C3B (whether
 * mitigation suffices), which overrides the tender's default for that bidder.  Each entry
 * says who decided, when, and why.
 *
 * Ownership: the loader's kt_decisions belongs to the caller; kt_decisions_free() accepts
 * NULL and frees every string in it. */
#ifndef KT_DECISIONS_H
#define KT_DECISIONS_H

#include <stddef.h>

#include "kt_error.h"
#include "kt_tender.h"

typedef enum { KT_ABOUT_BIDDER = 0, KT_ABOUT_FINDING, KT_ABOUT_C3A, KT_ABOUT_C3B } kt_about;

/* What the assessor decided.  NONE: not yet (null in the file): the finding stays undecided. */
typedef enum {
    KT_DEC_NONE = 0,
    KT_DEC_ACCEPT,           /* no further action: the risk is acceptable as it is */
    KT_DEC_REQUIRE_MEASURES, /* set the measures named, in the specifications or the contract */
    KT_DEC_ASK_BIDDER,       /* ask the bidder first (keten questions) */
    KT_DEC_EXCLUDE,          /* exclude the bidder, on the legal route stated in the reasoning */
    KT_DEC__COUNT
} kt_decision;

typedef struct {
    kt_about about;
    char *bidder;          /* the tender's bidder id */
    char *key;             /* findings: the finding's stable key (16 hex digits) */
    char *node;            /* findings: the marked node as the assessor saw it (for people) */
    char *assessment;      /* the assessor's reading of the evidence; NULL when not given */
    char *reasoning;       /* why this decision */
    char *by, *date;       /* who decided, and when (YYYY-MM-DD) */
    char **measures;       /* measure ids from the policy's catalogue */
    size_t nmeasures;
    kt_decision decision;
    int access_set;        /* C3A: the bidder's access was judged (access may be 0: none) */
    unsigned access;       /* C3A: KT_ACCESS_* */
    kt_mitigation mitigation; /* C3B: the assessor's answer; UNKNOWN when not judged */
    long line;             /* where the entry stands in the decisions file */
} kt_decision_rec;

typedef struct {
    char *path;            /* the decisions file */
    char *tender;          /* the tender id it belongs to */
    kt_decision_rec *v;    /* in file order */
    size_t n;
    size_t *order;         /* indices into v sorted by bidder, then file order (kt_decisions_index) */
} kt_decisions;

void kt_decisions_free(kt_decisions *d);

/* Sort the index once (the loader does): O(n log n).  Returns KT_ENOMEM or KT_OK. */
kt_err kt_decisions_index(kt_decisions *d);
/* The entries on one bidder: order[*lo .. *hi) (empty when none; d may be NULL).
 * Complexity: O(log n), so that screening many bidders never rescans the record. */
void kt_decisions_range(const kt_decisions *d, const char *bidder, size_t *lo, size_t *hi);

const char *kt_decision_name(kt_decision d);          /* "accept", ..., "exclude"; "undecided" for NONE */
int kt_decision_parse(const char *s, kt_decision *out); /* 0 on success (not "undecided") */
const char *kt_about_name(kt_about a);                 /* "bidder", "finding", "C3A", "C3B" */

#endif
