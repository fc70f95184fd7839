/* exposure.c: the exposure diagram (kt_viz_exposure, see kt_viz.h).
 *
 * The search follows analyses/kt_dep.h, the steps exposure and screening share, so the
 * diagram shows the same findings they report.  Edges are drawn in the direction things
 * flow (dependency -> dependent), so the node examined is on the right and what it depends
 * on spreads out to the left. */
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_dep.h"
#include "viz_i.h"

/* What is unknown beyond v, or NULL when nothing is. */
static const char *unknown_beyond(const kt_graph *g, igraph_integer_t v)
{
    kt_etype t = kt_graph_entity_type(g, v);
    unsigned f = kt_graph_entity_flags(g, v);
    const igraph_integer_t *eids;
    igraph_integer_t n;

    if (t == KT_ENT_UNKNOWN)
        return "party unknown";
    if (kt_etype_is_item(t)) {
        if (kt_policy_origin(g, v))
            return NULL;
        n = kt_graph_out(g, v, &eids);
        for (igraph_integer_t i = 0; i < n; i++)
            if (kt_graph_rel_type(g, eids[i]) == KT_REL_CONTAINS)
                return NULL; /* its parts say more */
        return "origin unknown";
    }
    if (t == KT_ENT_COMPANY && !(f & (KT_EF_LISTED | KT_EF_COMPLETE))) {
        n = kt_graph_in(g, v, &eids);
        int owned = 0;
        for (igraph_integer_t i = 0; i < n && !owned; i++) {
            kt_rtype rt = kt_graph_rel_type(g, eids[i]);
            owned = (rt == KT_REL_OWNS || rt == KT_REL_CONTROLS) && kt_graph_rel_from(g, eids[i]) != v;
        }
        if (!owned)
            return "owners unknown";
    }
    if (!*kt_graph_entity_country(g, v) && t != KT_ENT_CONSORTIUM)
        return "country unknown";
    return NULL;
}

static kt_err step_edge(kt_viz_diagram *d, const kt_graph *g, const kt_dep_step *s, size_t from, size_t to)
{
    igraph_integer_t e = s->edge;
    char buf[512], sh[80];
    kt_rtype rt = kt_graph_rel_type(g, e);

    switch (s->via) {
    case KT_VIA_OWNERSHIP: return kt_viz_edge_add(d, from, to, KT_VIZ_E_OWNS, kt_graph_rel_share(g, e), NULL);
    case KT_VIA_CONTROL:
        if (kt_graph_rel_basis(g, e) == KT_BASIS_NONE)
            return kt_viz_edge_add(d, from, to, KT_VIZ_E_CONTROLS, kt_ival_unknown(), NULL);
        snprintf(buf, sizeof buf, "Controls (%s)", kt_basis_name(kt_graph_rel_basis(g, e)));
        for (char *c = buf; *c; c++)
            if (*c == '_')
                *c = ' ';
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_CONTROLS, kt_ival_unknown(), buf);
    case KT_VIA_MEMBERSHIP:
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_MEMBERSHIP, kt_ival_unknown(),
                               kt_graph_rel_flags(g, e) & KT_RF_LEAD ? "Lead member" : "Member");
    case KT_VIA_SUBCONTRACT: {
        const char *scope = kt_graph_rel_scope(g, e);
        if (scope)
            snprintf(buf, sizeof buf, "Subcontractor: %s", scope);
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUBCONTRACT, kt_ival_unknown(), scope ? buf : NULL);
    }
    case KT_VIA_COMPONENT: {
        double q = kt_graph_rel_qty(g, e);
        if (q == q && q != 1) {
            snprintf(sh, sizeof sh, "%.6g", q);
            snprintf(buf, sizeof buf, "Part \xC3\x97%s", sh); /* multiplication sign */
        }
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_COMPONENT, kt_ival_unknown(), q == q && q != 1 ? buf : NULL);
    }
    default: break;
    }
    if (rt == KT_REL_OFFERS)
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUPPLY, kt_ival_unknown(), "Offered");
    if (rt == KT_REL_MADE_BY) {
        const char *c = kt_graph_rel_country(g, e);
        if (*c)
            snprintf(buf, sizeof buf, "Makes (in %s)", c);
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUPPLY, kt_ival_unknown(), *c ? buf : "Makes");
    }
    igraph_integer_t item = kt_graph_rel_item(g, e);
    if (item >= 0) {
        const char *nm = kt_graph_entity_name(g, item);
        snprintf(buf, sizeof buf, "Supplies %s", *nm ? nm : kt_graph_entity_id(g, item));
    }
    return kt_viz_edge_add(d, from, to, KT_VIZ_E_SUPPLY, kt_ival_unknown(), item >= 0 ? buf : NULL);
}

kt_err kt_viz_exposure(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t node,
                       kt_errinfo *ei)
{
    igraph_integer_t nv = kt_graph_vertex_count(g);
    const kt_policy_thresholds *th = kt_policy_thresholds_get(p);
    igraph_integer_t *queue = NULL, *parent = NULL;
    int *depth = NULL;
    kt_dep_step *pstep = NULL;   /* the step that reached each vertex */
    char *want = NULL;           /* on a drawn path */
    const char **why = NULL;     /* what is unknown beyond it, or NULL */
    size_t *idx = NULL;
    size_t head = 0, tail = 0, findings = 0, unknowns = 0;
    kt_err rc = KT_OK;
    char buf[512];

    if (node < 0 || node >= nv)
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    queue = malloc((size_t)nv * sizeof *queue);
    parent = malloc((size_t)nv * sizeof *parent);
    depth = malloc((size_t)nv * sizeof *depth);
    pstep = malloc((size_t)nv * sizeof *pstep);
    want = calloc((size_t)nv, 1);
    why = calloc((size_t)nv, sizeof *why);
    idx = malloc((size_t)nv * sizeof *idx);
    if (!queue || !parent || !depth || !pstep || !want || !why || !idx)
        goto oom;
    for (igraph_integer_t v = 0; v < nv; v++) {
        depth[v] = -1;
        parent[v] = -1;
        idx[v] = SIZE_MAX;
    }
    /* breadth-first: the first path found to a vertex is a shortest one, and the order of
     * kt_graph_out/in (sorted by the other end) makes it the same on every run */
    depth[node] = 0;
    queue[tail++] = node;
    while (head < tail) {
        igraph_integer_t u = queue[head++];
        kt_dep_iter it;
        kt_dep_step s;
        int more = 0;
        kt_dep_iter_init(&it, g, u, th->owner_share);
        while (kt_dep_iter_next(&it, &s)) {
            if (depth[u] >= th->max_depth) {
                more = 1;
                break;
            }
            if (depth[s.next] >= 0)
                continue;
            depth[s.next] = depth[u] + 1;
            parent[s.next] = u;
            pstep[s.next] = s;
            queue[tail++] = s.next;
        }
        why[u] = more ? "not followed beyond max_depth" : unknown_beyond(g, u);
        int target = why[u] != NULL || (kt_policy_reasons(p, g, u) & KT_REASON_RISK);
        if (why[u])
            unknowns++;
        if (kt_policy_reasons(p, g, u) & KT_REASON_RISK)
            findings++;
        for (igraph_integer_t x = u; target && x >= 0 && !want[x]; x = parent[x])
            want[x] = 1;
    }
    want[node] = 1;
    /* nodes in breadth-first order, then the step edges and the "?" nodes */
    for (size_t i = 0; i < tail; i++) {
        igraph_integer_t v = queue[i];
        if (!want[v])
            continue;
        if ((rc = kt_viz_node_entity(d, g, p, v, &idx[v])) != KT_OK)
            goto out;
        if (v == node)
            d->nodes[idx[v]].flags |= KT_VIZ_NF_ROOT;
        if (parent[v] >= 0 && (rc = step_edge(d, g, &pstep[v], idx[v], idx[parent[v]])) != KT_OK)
            goto out;
        if (!why[v])
            continue;
        if (kt_graph_entity_type(g, v) == KT_ENT_UNKNOWN) {
            if ((rc = kt_viz_node_note(d, idx[v], why[v])) != KT_OK)
                goto out;
            continue;
        }
        size_t q;
        char *name = malloc(strlen(kt_graph_entity_id(g, v)) + 2);
        if (!name)
            goto oom;
        sprintf(name, "?%s", kt_graph_entity_id(g, v));
        rc = kt_viz_node_add(d, KT_VIZ_N_UNKNOWN, name, "?", NULL, &q);
        free(name);
        if (rc != KT_OK || (rc = kt_viz_node_note(d, q, why[v])) != KT_OK ||
            (rc = kt_viz_node_note(d, q, "unknown beyond this point")) != KT_OK ||
            (rc = kt_viz_edge_add(d, q, idx[v], KT_VIZ_E_UNKNOWN, kt_ival_unknown(), NULL)) != KT_OK)
            goto out;
    }
    {
        const char *nm = kt_graph_entity_name(g, node);
        snprintf(buf, sizeof buf, "Exposure of %s: %zu finding%s, %zu unknown boundar%s", *nm ? nm : kt_graph_entity_id(g, node),
                 findings, findings == 1 ? "" : "s", unknowns, unknowns == 1 ? "y" : "ies");
        if ((rc = kt_viz_set_title(d, buf)) != KT_OK)
            goto out;
    }
    goto out;
oom:
    rc = KT_ENOMEM;
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, "", 0, "out of memory");
    free(queue);
    free(parent);
    free(depth);
    free(pstep);
    free(want);
    free(why);
    free(idx);
    return rc;
}

kt_err kt_viz_exposure_render(const kt_graph *g, const kt_policy *p, igraph_integer_t node, kt_viz_format fmt,
                              size_t max_nodes, FILE *out, kt_errinfo *ei)
{
    kt_viz_diagram d;
    kt_err rc;

    kt_viz_diagram_init(&d);
    rc = kt_viz_exposure(&d, g, p, node, ei);
    if (rc == KT_OK && (rc = kt_viz_fold(&d, max_nodes)) != KT_OK)
        kt_errinfo_set(ei, rc, "", 0, "out of memory");
    if (rc == KT_OK)
        rc = kt_viz_render(&d, fmt, out, ei);
    kt_viz_diagram_destroy(&d);
    return rc;
}
