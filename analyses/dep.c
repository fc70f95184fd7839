/* dep.c: dependency steps (see kt_dep.h). */
#include <math.h>

#include "../graph/kt_policy.h"
#include "kt_dep.h"

static const char *via_names[KT_VIA__COUNT] = {"membership", "supply", "subcontract", "component", "ownership",
                                               "control"};

const char *kt_via_name(kt_via v)
{
    return (unsigned)v < KT_VIA__COUNT ? via_names[v] : "?";
}

int kt_dep_owns_counts(const kt_graph *g, igraph_integer_t e, double owner_share)
{
    /* Wet vifo counts votes; an unknown share is followed so that it is reported, not hidden */
    kt_ival votes = kt_graph_rel_votes(g, e);
    if (kt_graph_rel_from(g, e) == kt_graph_rel_to(g, e))
        return 0;
    return kt_ival_is_unknown(votes) || votes.max >= owner_share;
}

/* Is an edge of type t, seen from its "from" end (forward=1) or "to" end, a step?
 * Returns the via, or -1. */
static int classify(const kt_graph *g, igraph_integer_t e, int from_end, double owner_share)
{
    switch (kt_graph_rel_type(g, e)) {
    case KT_REL_MEMBER_OF: return from_end ? -1 : KT_VIA_MEMBERSHIP;
    case KT_REL_SUPPLIES: return from_end ? -1 : KT_VIA_SUPPLY;
    case KT_REL_SUBCONTRACTS: return from_end ? KT_VIA_SUBCONTRACT : -1;
    case KT_REL_OFFERS: return from_end ? KT_VIA_SUPPLY : -1;
    case KT_REL_CONTAINS: return from_end ? KT_VIA_COMPONENT : -1;
    case KT_REL_MADE_BY: return from_end ? KT_VIA_SUPPLY : -1;
    case KT_REL_OWNS: return !from_end && kt_dep_owns_counts(g, e, owner_share) ? KT_VIA_OWNERSHIP : -1;
    case KT_REL_CONTROLS: return from_end ? -1 : KT_VIA_CONTROL;
    case KT_REL_DIRECTOR_OF: return !from_end && kt_graph_rel_is_control(g, e) ? KT_VIA_CONTROL : -1;
    default: return -1;
    }
}

int kt_dep_transit(const kt_graph *g, igraph_integer_t e)
{
    if (kt_graph_rel_type(g, e) != KT_REL_SUPPLIES)
        return 0;
    igraph_integer_t item = kt_graph_rel_item(g, e);
    unsigned sc = kt_graph_entity_country_index(g, kt_graph_rel_from(g, e));
    unsigned origin = kt_policy_origin(g, item >= 0 ? item : kt_graph_rel_to(g, e));
    return sc && origin && sc != origin;
}

int kt_dep_edge(const kt_graph *g, igraph_integer_t e, double owner_share, igraph_integer_t *dependent,
                igraph_integer_t *dependency, kt_via *via)
{
    igraph_integer_t from = kt_graph_rel_from(g, e), to = kt_graph_rel_to(g, e);
    int v;
    if (from == to)
        return 0;
    if ((v = classify(g, e, 1, owner_share)) >= 0) {
        *dependent = from;
        *dependency = to;
    } else if ((v = classify(g, e, 0, owner_share)) >= 0) {
        *dependent = to;
        *dependency = from;
    } else {
        return 0;
    }
    *via = (kt_via)v;
    return 1;
}

static void init(kt_dep_iter *it, const kt_graph *g, igraph_integer_t v, double owner_share, int reverse)
{
    it->g = g;
    it->v = v;
    it->owner_share = owner_share;
    it->nout = kt_graph_out(g, v, &it->out);
    it->nin = kt_graph_in(g, v, &it->in);
    it->i = 0;
    it->reverse = reverse;
}

void kt_dep_iter_init(kt_dep_iter *it, const kt_graph *g, igraph_integer_t v, double owner_share)
{
    init(it, g, v, owner_share, 0);
}

void kt_dep_iter_init_reverse(kt_dep_iter *it, const kt_graph *g, igraph_integer_t v, double owner_share)
{
    init(it, g, v, owner_share, 1);
}

int kt_dep_iter_next(kt_dep_iter *it, kt_dep_step *step)
{
    /* forward: out-edges seen from their from-end, then in-edges from their to-end.
     * reverse: the same relations seen from the other end: a step u -> v exists when the
     * edge classified from u's end reaches v, so at v we look at in-edges classified from
     * their from-end and out-edges classified from their to-end. */
    while (it->i < it->nout + it->nin) {
        igraph_integer_t k = it->i++;
        int is_out = k < it->nout;
        igraph_integer_t e = is_out ? it->out[k] : it->in[k - it->nout];
        int from_end = it->reverse ? !is_out : is_out;
        int via = classify(it->g, e, from_end, it->owner_share);
        if (via < 0)
            continue;
        igraph_integer_t other = is_out ? kt_graph_rel_to(it->g, e) : kt_graph_rel_from(it->g, e);
        if (other == it->v)
            continue; /* self-loops carry nothing */
        step->edge = e;
        step->next = other;
        step->via = (kt_via)via;
        return 1;
    }
    return 0;
}

void kt_dep_unknown_both(const kt_graph *g, igraph_integer_t v, unsigned *with, unsigned *without)
{
    kt_etype t = kt_graph_entity_type(g, v);
    unsigned why = 0;

    if (t == KT_ENT_UNKNOWN || t == KT_ENT_STATE) {
        *with = *without = t == KT_ENT_UNKNOWN ? KT_UNK_ENTITY : 0;
        return;
    }
    if (t != KT_ENT_CONSORTIUM && kt_policy_origin(g, v) == 0)
        why |= KT_UNK_ORIGIN;
    *with = why;
    /* no dependency step out of a party that is not a person nor marked complete */
    *without = why | (t != KT_ENT_PERSON && !(kt_graph_entity_flags(g, v) & KT_EF_COMPLETE) ? KT_UNK_SUPPLIERS : 0);
}

/* has_dependency < 0: ask kt_dep_iter, only when the rule needs it. */
static unsigned unknown(const kt_graph *g, igraph_integer_t v, double owner_share, int has_dependency)
{
    unsigned with, without;
    kt_dep_iter it;
    kt_dep_step st;

    kt_dep_unknown_both(g, v, &with, &without);
    if (with == without)
        return with;
    if (has_dependency < 0) {
        kt_dep_iter_init(&it, g, v, owner_share);
        has_dependency = kt_dep_iter_next(&it, &st);
    }
    return has_dependency ? with : without;
}

unsigned kt_dep_unknown(const kt_graph *g, igraph_integer_t v, double owner_share)
{
    return unknown(g, v, owner_share, -1);
}

unsigned kt_dep_unknown_given(const kt_graph *g, igraph_integer_t v, int has_dependency)
{
    return unknown(g, v, 0, has_dependency != 0);
}

const char *kt_unknown_name(unsigned bit)
{
    switch (bit) {
    case KT_UNK_SUPPLIERS: return "suppliers_unknown";
    case KT_UNK_ENTITY: return "unknown_entity";
    case KT_UNK_DEPTH: return "depth_limit";
    case KT_UNK_ORIGIN: return "origin_unknown";
    }
    return "?";
}

const char *kt_unknown_text(unsigned bit)
{
    switch (bit) {
    case KT_UNK_SUPPLIERS: return "suppliers, parts or owners not known";
    case KT_UNK_ENTITY: return "party not identified";
    case KT_UNK_DEPTH: return "not followed beyond the depth limit";
    case KT_UNK_ORIGIN: return "country or origin not known";
    }
    return "?";
}
