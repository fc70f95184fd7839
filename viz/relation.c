/* relation.c: one relation of the graph as a diagram edge, labelled the same way in every
 * diagram that draws it (ownership, exposure, provenance). */
#include <stdio.h>
#include <string.h>

#include "viz_i.h"

/* "Controls", or "Controls (golden share)" with the basis. */
static kt_err controls_edge(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t e, size_t from, size_t to)
{
    char buf[256];
    kt_basis bs = kt_graph_rel_basis(g, e);

    if (bs == KT_BASIS_NONE)
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_CONTROLS, kt_ival_unknown(), NULL);
    snprintf(buf, sizeof buf, "Controls (%s)", kt_basis_name(bs));
    for (char *c = buf; *c; c++)
        if (*c == '_')
            *c = ' ';
    return kt_viz_edge_add(d, from, to, KT_VIZ_E_CONTROLS, kt_ival_unknown(), buf);
}

/* "Owns 60%"; a declared summary dashed, "Declared indirect interest 42%"; votes when they
 * differ from the capital share, "Owns 30%, votes 60%". */
static kt_err owns_edge(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t e, size_t from, size_t to)
{
    char buf[256], s1[80], s2[80];
    kt_ival share = kt_graph_rel_share(g, e);

    if (kt_graph_rel_flags(g, e) & KT_RF_DECLARED) {
        snprintf(buf, sizeof buf, "Declared indirect interest %s", kt_viz_i_share_text(share, s1, sizeof s1));
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_INDIRECT, share, buf);
    }
    if (kt_graph_rel_flags(g, e) & KT_RF_VOTES_GIVEN) {
        kt_viz_i_share_text(share, s1, sizeof s1);
        kt_viz_i_share_text(kt_graph_rel_votes(g, e), s2, sizeof s2);
        if (strcmp(s1, s2) != 0) {
            snprintf(buf, sizeof buf, "Owns %s, votes %s", s1, s2);
            return kt_viz_edge_add(d, from, to, KT_VIZ_E_OWNS, share, buf);
        }
    }
    return kt_viz_edge_add(d, from, to, KT_VIZ_E_OWNS, share, NULL);
}

kt_err kt_viz_i_relation_edge(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t e, size_t from, size_t to)
{
    char buf[512];
    const char *s;

    switch (kt_graph_rel_type(g, e)) {
    case KT_REL_OWNS: return owns_edge(d, g, e, from, to);
    case KT_REL_CONTROLS: return controls_edge(d, g, e, from, to);
    case KT_REL_MEMBER_OF:
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_MEMBERSHIP, kt_ival_unknown(),
                               kt_graph_rel_flags(g, e) & KT_RF_LEAD ? "Lead member" : "Member");
    case KT_REL_SUBCONTRACTS:
        if ((s = kt_graph_rel_scope(g, e)) != NULL)
            snprintf(buf, sizeof buf, "Subcontractor: %s", s);
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUBCONTRACT, kt_ival_unknown(), s ? buf : NULL);
    case KT_REL_CONTAINS: {
        double q = kt_graph_rel_qty(g, e);
        int show = q == q && q != 1; /* a quantity given and not 1 */
        if (show)
            snprintf(buf, sizeof buf, "Part \xC3\x97%.6g", q); /* multiplication sign */
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_COMPONENT, kt_ival_unknown(), show ? buf : NULL);
    }
    case KT_REL_OFFERS: return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUPPLY, kt_ival_unknown(), "Offered");
    case KT_REL_DIRECTOR_OF: /* shown as a role: a director is not a controller */
    case KT_REL_ROLE_IN:
        s = kt_graph_rel_role(g, e);
        snprintf(buf, sizeof buf, "%s%s%s", kt_graph_rel_type(g, e) == KT_REL_DIRECTOR_OF ? "Director: " : "Role: ",
                 s ? s : "not said", kt_graph_rel_flags(g, e) & KT_RF_BENEFICIAL ? " (declared beneficial owner)" : "");
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_MEMBERSHIP, kt_ival_unknown(), buf);
    case KT_REL_MADE_BY:
        s = kt_graph_rel_country(g, e);
        if (*s)
            snprintf(buf, sizeof buf, "Makes (in %s)", s);
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUPPLY, kt_ival_unknown(), *s ? buf : "Makes");
    default: break;
    }
    /* supplies, naming the item when the relation does */
    igraph_integer_t item = kt_graph_rel_item(g, e);
    if (item >= 0) {
        s = kt_graph_entity_name(g, item);
        snprintf(buf, sizeof buf, "Supplies %s", *s ? s : kt_graph_entity_id(g, item));
    }
    return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUPPLY, kt_ival_unknown(), item >= 0 ? buf : NULL);
}
