/* exposure.c: the exposure diagram (kt_viz_exposure, see kt_viz.h).
 *
 * Drawn from kt_exp_run()'s result and nothing else, so the diagram shows what `keten
 * exposure` reports: the path of every finding and of every unknown node, each exactly as
 * the result holds it, and after each unknown node a "?" listing kt_unknown_text() of its
 * why bits (the shared rule kt_dep_unknown, analyses/kt_dep.h), as the screening diagrams
 * draw it.  Edges are drawn in the
 * direction things flow (dependency -> dependent), so the node examined is on the right and
 * what it depends on spreads out to the left. */
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_exp.h"
#include "../analyses/kt_vmap.h"
#include "viz_i.h"

typedef struct {
    kt_viz_diagram *d;
    const kt_graph *g;
    const kt_policy *p;
    kt_vmap nodes;  /* vertex -> index into idx[] */
    size_t *idx;    /* diagram node of each vertex drawn */
    size_t cap_idx;
    kt_vmap edges;  /* relations drawn (values unused) */
} exp_draw;

/* The diagram node of vertex v, added on first sight. */
static kt_err node_of(exp_draw *x, igraph_integer_t v, size_t *out)
{
    igraph_integer_t i;
    int fresh;
    kt_err rc;

    if ((rc = kt_vmap_put(&x->nodes, v, &i, &fresh)) != KT_OK)
        return rc;
    if (fresh) {
        if ((rc = kt_vmap_grow((void **)&x->idx, &x->cap_idx, (size_t)i + 1, sizeof *x->idx)) != KT_OK ||
            (rc = kt_viz_node_entity(x->d, x->g, x->p, v, &x->idx[i])) != KT_OK)
            return rc;
    }
    *out = x->idx[i];
    return KT_OK;
}

/* One reported path, path[0] the start and path[depth] its end, whose node goes in *last.
 * Complexity: O(depth). */
static kt_err draw_path(exp_draw *x, const kt_exp_hop *path, int depth, size_t *last)
{
    size_t prev = 0, cur;
    kt_err rc;

    for (int k = 0; k <= depth; k++) {
        if ((rc = node_of(x, path[k].node, &cur)) != KT_OK)
            return rc;
        if (k > 0) {
            igraph_integer_t unused;
            int fresh;
            if ((rc = kt_vmap_put(&x->edges, path[k].edge, &unused, &fresh)) != KT_OK)
                return rc;
            /* the dependency (path[k]) flows into the node that depends on it (path[k-1]) */
            if (fresh && (rc = kt_viz_i_relation_edge(x->d, x->g, path[k].edge, cur, prev)) != KT_OK)
                return rc;
        }
        prev = cur;
    }
    *last = prev;
    return KT_OK;
}

/* The dashed "?" after unknown node u, drawn at diagram node at, named "?" + its id. */
static kt_err draw_unknown(exp_draw *x, const kt_exp_unknown *u, size_t at)
{
    const char *id = kt_graph_entity_id(x->g, u->node);
    char *name = malloc(strlen(id) + 2);
    kt_err rc;

    if (!name)
        return KT_ENOMEM;
    sprintf(name, "?%s", id);
    rc = kt_viz_i_unknown_after(x->d, name, u->why, at);
    free(name);
    return rc;
}

kt_err kt_viz_exposure(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t node,
                       kt_errinfo *ei)
{
    kt_exp_result *r = NULL;
    exp_draw x = {d, g, p, {0}, NULL, 0, {0}};
    size_t at;
    kt_err rc;
    char buf[512];

    if (node < 0 || node >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    kt_vmap_init(&x.nodes);
    kt_vmap_init(&x.edges);
    if ((rc = kt_exp_run(g, p, node, NULL, &r)) != KT_OK)
        goto out;
    if ((rc = node_of(&x, node, &at)) != KT_OK)
        goto out;
    d->nodes[at].flags |= KT_VIZ_NF_ROOT;
    for (size_t i = 0; i < r->nfindings; i++)
        if ((rc = draw_path(&x, r->findings[i].path, r->findings[i].depth, &at)) != KT_OK)
            goto out;
    for (size_t i = 0; i < r->nunknown; i++)
        if ((rc = draw_path(&x, r->unknown[i].path, r->unknown[i].depth, &at)) != KT_OK ||
            (rc = draw_unknown(&x, &r->unknown[i], at)) != KT_OK)
            goto out;
    {
        const char *nm = kt_graph_entity_name(g, node);
        snprintf(buf, sizeof buf, "Exposure of %s: %zu finding%s, %zu unknown boundar%s",
                 *nm ? nm : kt_graph_entity_id(g, node), r->nfindings, r->nfindings == 1 ? "" : "s", r->nunknown,
                 r->nunknown == 1 ? "y" : "ies");
        rc = kt_viz_set_title(d, buf);
    }
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, "", 0, "out of memory");
    kt_exp_result_free(r);
    kt_vmap_destroy(&x.nodes);
    kt_vmap_destroy(&x.edges);
    free(x.idx);
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
