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
 *                 (director_of too when the policy opts in: kt_graph_rel_is_control)
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

/* Why the data stops at v, "unknown beyond this point" (0: it does not).  Bits:
 *   KT_UNK_SUPPLIERS  its suppliers, parts or owners are not known: `complete` is not true and
 *                     no dependency step leads out of it (persons and states are terminal by
 *                     nature and never listed for this);
 *   KT_UNK_ENTITY     an entity of type `unknown` (an unspecified party, e.g. BODS);
 *   KT_UNK_ORIGIN     its country (an item's origin, kt_policy_origin) is not known, so the
 *                     policy cannot be applied to it (not for consortia, which act through
 *                     their members, nor states, which count for C1 whatever their country);
 *   KT_UNK_DEPTH      set by searches, never here: a step leads on beyond max_depth.
 * Exposure, screening and the exposure diagram all use this one rule.
 * Complexity: O(degree of v). */
enum {
    KT_UNK_SUPPLIERS = 1u << 0,
    KT_UNK_ENTITY = 1u << 1,
    KT_UNK_DEPTH = 1u << 2,
    KT_UNK_ORIGIN = 1u << 3,
    KT_UNK__COUNT = 4
};

unsigned kt_dep_unknown(const kt_graph *g, igraph_integer_t v, double owner_share);
/* The same rule for a caller that already knows whether a dependency step leads out of v
 * (has_dependency: some relation e with kt_dep_edge's dependent v), as screening does from its
 * index.  O(1) but for an item's origin (its made_by relations). */
unsigned kt_dep_unknown_given(const kt_graph *g, igraph_integer_t v, int has_dependency);
/* Both answers at once, before knowing: *with when a dependency step leads out of v, *without
 * when none does.  O(1) but for an item's origin. */
void kt_dep_unknown_both(const kt_graph *g, igraph_integer_t v, unsigned *with, unsigned *without);
/* "suppliers_unknown", "unknown_entity", "depth_limit", "origin_unknown" for one bit. */
const char *kt_unknown_name(unsigned bit);
/* A phrase for people, for one bit: "suppliers, parts or owners not known", ... */
const char *kt_unknown_text(unsigned bit);

/* Relation e seen as one dependency step: 1 with *dependent (who depends), *dependency (on
 * whom) and *via filled, or 0 when e is no step.  The same rule as the iterators, for passes
 * that read the relations in order.  Complexity: O(1). */
int kt_dep_edge(const kt_graph *g, igraph_integer_t e, double owner_share, igraph_integer_t *dependent,
                igraph_integer_t *dependency, kt_via *via);

/* Whether the owns relation e counts as an ownership step under threshold owner_share. */
int kt_dep_owns_counts(const kt_graph *g, igraph_integer_t e, double owner_share);

/* The one transit rule (provenance, its diagram, exposure): supplies relation e passes its item
 * on rather than making it when the supplier's country and the item's origin (kt_policy_origin;
 * the item is e's `item`, else its customer) are both known and differ.  0 for any other
 * relation, and when either country is unknown (the data does not say).  Complexity: O(degree
 * of the item), that of kt_policy_origin. */
int kt_dep_transit(const kt_graph *g, igraph_integer_t e);

#endif
