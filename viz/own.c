/* own.c: the ownership diagram (kt_viz_ownership, see kt_viz.h).
 *
 * Drawn from kt_own_upstream() / kt_own_downstream() (analyses/kt_own.h) and nothing else:
 * the parties are the result's, the integrated interests, control, ultimate controllers,
 * beneficial owners and state influence are its numbers and flags, so the diagram says
 * what `keten owners` and `keten owned` say.  The only thing read from the graph besides
 * names is the relations among the parties, which are drawn as they are. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_own.h"
#include "../analyses/kt_vmap.h"
#include "viz_i.h"

/* Node notes from kt_own's flags (upstream) or control (downstream), one line each. */
static kt_err party_notes(kt_viz_diagram *d, size_t at, const kt_own_party *pt, int down)
{
    static const struct {
        unsigned yes, may;
        const char *text, *may_text;
    } words[] = {
        {KT_OWN_F_ULTIMATE, KT_OWN_F_ULTIMATE_MAY, "ultimate controller", "possible ultimate controller"},
        {KT_OWN_F_BO, KT_OWN_F_BO_MAY, "beneficial owner", "possible beneficial owner"},
        {KT_OWN_F_STATE, KT_OWN_F_STATE_MAY, "state influence", "possible state influence"},
    };
    kt_err rc = KT_OK;

    if (down) {
        if (pt->controls != KT_OWN_NO)
            rc = kt_viz_node_note(d, at, pt->controls == KT_OWN_YES ? "controlled" : "possibly controlled");
        return rc;
    }
    for (size_t k = 0; k < sizeof words / sizeof words[0] && rc == KT_OK; k++)
        if (pt->flags & (words[k].yes | words[k].may))
            rc = kt_viz_node_note(d, at, pt->flags & words[k].yes ? words[k].text : words[k].may_text);
    if (pt->flags & (KT_OWN_F_ULTIMATE | KT_OWN_F_BO))
        d->nodes[at].flags |= KT_VIZ_NF_ULTIMATE;
    return rc;
}

static int same_ival(kt_ival a, kt_ival b)
{
    return fabs(a.min - b.min) < 1e-9 && fabs(a.max - b.max) < 1e-9;
}

/* The dashed edge between the subject and a party: its integrated capital interest
 * ("Integrated 52%"), or, with no ownership walk, "Controls (indirect)" / "May control
 * (indirect)".  Nothing when a drawn relation already says it all (the integrated interest
 * is the direct share; control through a controls relation or a declared controlling
 * interest with no ownership walk) or when there is nothing to say (no walk, no control). */
static kt_err interest_edge(kt_viz_diagram *d, size_t subject, size_t at, const kt_own_party *pt, int down)
{
    size_t from = down ? subject : at, to = down ? at : subject;

    if (pt->status != KT_OWN_NONE) {
        if (pt->has_direct && same_ival(pt->capital, pt->direct))
            return KT_OK;
        if (pt->capital.max > 100 + 1e-9) { /* a walk sum on an ownership cycle (kt_own.h) */
            char buf[128], s[48];
            kt_ival lo = {pt->capital.min, pt->capital.min};
            if (pt->capital.min > 100 + 1e-9)
                snprintf(buf, sizeof buf, "Integrated over 100%% (in an ownership cycle)");
            else
                snprintf(buf, sizeof buf, "Integrated %s to over 100%% (in an ownership cycle)",
                         kt_viz_i_share_text(lo, s, sizeof s));
            return kt_viz_edge_add(d, from, to, KT_VIZ_E_INDIRECT, pt->capital, buf);
        }
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_INDIRECT, pt->capital, NULL);
    }
    if (pt->controls == KT_OWN_NO || (pt->flags & KT_OWN_F_DECLARED_CTRL))
        return KT_OK;
    return kt_viz_edge_add(d, from, to, KT_VIZ_E_INDIRECT, kt_ival_unknown(),
                           pt->controls == KT_OWN_YES ? NULL : "May control (indirect)");
}

kt_err kt_viz_ownership(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t target, int down,
                        const kt_policy *p, kt_errinfo *ei)
{
    kt_own_opts o;
    kt_own_result r;
    kt_vmap pos;                   /* vertex -> 0 for target, i + 1 for r.parties[i] */
    size_t first = d->n_nodes;     /* diagram node of target; party i is first + 1 + i */
    igraph_integer_t at;
    int fresh;
    kt_err rc;
    char buf[512];

    memset(&r, 0, sizeof r);
    kt_vmap_init(&pos);
    if (target < 0 || target >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    kt_own_opts_init(&o);
    rc = down ? kt_own_downstream(g, target, &o, &r, ei) : kt_own_upstream(g, target, &o, &r, ei);
    if (rc != KT_OK)
        goto out;
    /* the nodes: target, then the parties in the result's order */
    if ((rc = kt_vmap_put(&pos, target, &at, &fresh)) != KT_OK ||
        (rc = kt_viz_node_entity(d, g, p, target, NULL)) != KT_OK)
        goto out;
    d->nodes[first].flags |= KT_VIZ_NF_ROOT;
    if (!down && r.subject_state && (rc = kt_viz_node_note(d, first, "state influence")) != KT_OK)
        goto out;
    for (size_t i = 0; i < r.n; i++)
        if ((rc = kt_vmap_put(&pos, r.parties[i].v, &at, &fresh)) != KT_OK ||
            (rc = kt_viz_node_entity(d, g, p, r.parties[i].v, NULL)) != KT_OK ||
            (rc = party_notes(d, first + 1 + i, &r.parties[i], down)) != KT_OK)
            goto out;
    /* every owns and controls relation among them, each seen once at its head */
    for (size_t k = 0; k <= r.n; k++) {
        igraph_integer_t v = k == 0 ? target : r.parties[k - 1].v;
        const igraph_integer_t *eids;
        igraph_integer_t n = kt_graph_in(g, v, &eids);
        for (igraph_integer_t i = 0; i < n; i++) {
            igraph_integer_t e = eids[i], from = kt_graph_rel_from(g, e), fi;
            kt_rtype t = kt_graph_rel_type(g, e);
            if ((t != KT_REL_OWNS && t != KT_REL_CONTROLS) || from == v || (fi = kt_vmap_get(&pos, from)) < 0)
                continue;
            if ((rc = kt_viz_i_relation_edge(d, g, e, first + (size_t)fi, first + k)) != KT_OK)
                goto out;
        }
    }
    /* upstream: the roles and directorships held in the target (trustee, settlor, director...),
     * shown beside ownership and control, never counted as either */
    if (!down) {
        const igraph_integer_t *eids;
        igraph_integer_t n = kt_graph_in(g, target, &eids);
        for (igraph_integer_t i = 0; i < n; i++) {
            igraph_integer_t e = eids[i], from = kt_graph_rel_from(g, e);
            kt_rtype t = kt_graph_rel_type(g, e);
            if ((t != KT_REL_ROLE_IN && t != KT_REL_DIRECTOR_OF) || from == target)
                continue;
            if ((rc = kt_vmap_put(&pos, from, &at, &fresh)) != KT_OK ||
                (fresh && (rc = kt_viz_node_entity(d, g, p, from, NULL)) != KT_OK) ||
                (rc = kt_viz_i_relation_edge(d, g, e, first + (size_t)at, first)) != KT_OK)
                goto out;
        }
    }
    /* the dashed edges: upstream from each ultimate controller and beneficial owner (or
     * possible one), downstream to each entity of the group */
    for (size_t i = 0; i < r.n; i++) {
        const kt_own_party *pt = &r.parties[i];
        if (!down && !(pt->flags & (KT_OWN_F_ULTIMATE | KT_OWN_F_ULTIMATE_MAY | KT_OWN_F_BO | KT_OWN_F_BO_MAY)))
            continue;
        if ((rc = interest_edge(d, first, first + 1 + i, pt, down)) != KT_OK)
            goto out;
    }
    {
        const char *name = kt_graph_entity_name(g, target);
        snprintf(buf, sizeof buf, down ? "Owned or controlled by %s" : "Owners and controllers of %s",
                 *name ? name : kt_graph_entity_id(g, target));
        rc = kt_viz_set_title(d, buf);
    }
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, "", 0, "out of memory");
    kt_own_result_destroy(&r);
    kt_vmap_destroy(&pos);
    return rc;
}
