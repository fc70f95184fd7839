/* kt_dep.h: what "depends on" means, shared by exposure, provenance, critical suppliers,
 * screening and the exposure diagram.
 *
 * A dependency step goes from a node to something whose risk it carries:
 *   consortium -> its members          (member_of, read backwards)   via membership
 *   company    -> its suppliers        (supplies, read backwards)    via supply
 *   company    -> its subcontractors   (subcontracts)                via subcontract
 *   bidder     -> the items it offers  (offers)                      via supply
 *   item       -> its parts            (contains)                    via component
 *   item       -> its manufacturer     (made_by)                     via supply
 *   company    -> its owners           (owns, read backwards) when the owner's votes may
 *                 reach the policy's owner_share threshold (upper bound >= threshold, or
 *                 unknown: an unknown share is followed and said to be unknown)   via ownership
 *   company    -> its controllers      (controls, read backwards)    via control
 * Declared summaries (KT_RF_DECLARED) are followed as declared.  Owns self-loops are not.
 * The reverse iterator gives the same steps seen from their far end (who depends on v).
 *
 * Ownership: iterators borrow the graph; nothing is allocated. */
#ifndef KT_DEP_H
#define KT_DEP_H

#include "../graph/kt_graph.h"

typedef enum {
    KT_VIA_MEMBERSHIP = 0,
    KT_VIA_SUPPLY,
    KT_VIA_SUBCONTRACT,
    KT_VIA_COMPONENT,
    KT_VIA_OWNERSHIP,
    KT_VIA_CONTROL,
    KT_VIA__COUNT
} kt_via;

const char *kt_via_name(kt_via v); /* "membership", "supply", ... */

typedef struct {
    igraph_integer_t edge; /* the relation */
    igraph_integer_t next; /* the node reached */
    kt_via via;
} kt_dep_step;

typedef struct {
    const kt_graph *g;
    igraph_integer_t v;
    double owner_share;
    const igraph_integer_t *out, *in;
    igraph_integer_t nout, nin, i;
    int reverse;
} kt_dep_iter;

/* Steps out of v (what v depends on).  Complexity: O(degree of v) over the whole iteration. */
void kt_dep_iter_init(kt_dep_iter *it, const kt_graph *g, igraph_integer_t v, double owner_share);
/* Steps into v (who depends on v); step.next is the dependent node. */
void kt_dep_iter_init_reverse(kt_dep_iter *it, const kt_graph *g, igraph_integer_t v, double owner_share);
/* 1 and *step filled while steps remain, then 0. */
int kt_dep_iter_next(kt_dep_iter *it, kt_dep_step *step);

/* Why the data stops at v, for "unknown beyond this point" (0: it does not).
 *   PLACEHOLDER  an explicit unknown-owner entity (type unknown)
 *   NO_COUNTRY   a company or person whose country is not known: C1/C2 cannot be judged
 *   NO_ORIGIN    an item with no known origin (kt_policy_origin)
 *   NO_SOURCES   a company (or consortium) not marked complete with no suppliers, members,
 *                subcontractors or owners in the data
 *   NO_PARTS     an item not marked complete with no parts and no manufacturer
 * Persons and states are terminal by nature: they have no suppliers to miss.
 * Complexity: O(degree of v). */
typedef enum {
    KT_UNK_NONE = 0,
    KT_UNK_PLACEHOLDER,
    KT_UNK_NO_COUNTRY,
    KT_UNK_NO_ORIGIN,
    KT_UNK_NO_SOURCES,
    KT_UNK_NO_PARTS
} kt_unknown_why;

kt_unknown_why kt_dep_unknown(const kt_graph *g, igraph_integer_t v, double owner_share);
const char *kt_unknown_name(kt_unknown_why w);        /* "placeholder", "no_country", ... */
const char *kt_unknown_text(kt_unknown_why w);        /* a phrase for people */

/* Whether the owns relation e counts as an ownership step under threshold owner_share. */
int kt_dep_owns_counts(const kt_graph *g, igraph_integer_t e, double owner_share);

#endif
