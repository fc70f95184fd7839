/* kt_measures.h: the policy's catalogue of measures - requirements a buyer can set in the
 * specifications or the contract - each keyed by the kinds of finding it answers and citing
 * the public guidance it comes from.  The catalogue is data (loaders/measures.c reads the
 * policy's "measures" list); keten names no measure in code.
 *
 * Kinds of finding, from the relations on a finding's path and the tender:
 *   party          the risk sits at the bidder's own party (the path is the party itself, or
 *                  goes through membership or control only)
 *   ownership      an owns relation is on the path
 *   control        a controls relation is on the path
 *   supplier       a supplies relation is on the path
 *   subcontractor  a subcontracts relation is on the path, or it starts at a subcontractor
 *   component      an offered item, a part or a maker (offers, contains, made_by), or the path
 *                  starts at an offered item
 *   access         the contract opens access to sensitive locations, ICT or vital
 *                  infrastructure (consideration C3A), for every finding of the tender
 *   unknown        the data stops: a question to the bidder
 *   any            every finding
 *
 * Ownership: a kt_measures belongs to its policy (kt_policy_free frees it); strings are
 * copied in and owned by the catalogue. */
#ifndef KT_MEASURES_H
#define KT_MEASURES_H

#include <stddef.h>

#include "kt_error.h"

enum {
    KT_MK_PARTY = 1u << 0,
    KT_MK_OWNERSHIP = 1u << 1,
    KT_MK_CONTROL = 1u << 2,
    KT_MK_SUPPLIER = 1u << 3,
    KT_MK_SUBCONTRACTOR = 1u << 4,
    KT_MK_COMPONENT = 1u << 5,
    KT_MK_ACCESS = 1u << 6,
    KT_MK_UNKNOWN = 1u << 7,
    KT_MK__COUNT = 8,
    KT_MK_ANY = (1u << 8) - 1
};

typedef struct {
    char *id;          /* short, unique in the catalogue: "origin-of-components" */
    char *title;       /* one line */
    char *requirement; /* what the buyer writes into the specifications or the contract */
    char *source;      /* the public guidance it comes from */
    unsigned kinds;    /* KT_MK_* */
    long line;         /* where it stands in the policy file */
} kt_measure;

typedef struct kt_measures kt_measures;

kt_measures *kt_measures_new(void);
void kt_measures_free(kt_measures *m);
/* Copy m into the catalogue; KT_EINVALID when its id is already there, KT_ENOMEM. */
kt_err kt_measures_add(kt_measures *c, const kt_measure *m);
size_t kt_measures_count(const kt_measures *c); /* 0 for NULL */
const kt_measure *kt_measures_get(const kt_measures *c, size_t i);

/* The measures whose kinds meet `kinds`, by index, in catalogue order: writes at most cap
 * indices to out and returns how many apply.  Complexity: O(catalogue size). */
size_t kt_measures_for(const kt_measures *c, unsigned kinds, size_t *out, size_t cap);

const char *kt_measure_kind_name(unsigned bit);          /* "party", ..., "unknown" */
int kt_measure_kind_parse(const char *s, unsigned *bits); /* 0 on success; "any" gives every kind */

#endif
