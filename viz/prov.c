/* prov.c: the provenance diagram (kt_viz_provenance, see kt_viz.h): a bill of materials
 * with each item's makers, origin and suppliers, transit suppliers marked. */
#include <stdlib.h>
#include <string.h>

#include "viz_i.h"

/* The node of vertex v, added on first sight. */
static kt_err node_of(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, size_t *idx, igraph_integer_t v,
                      size_t *out)
{
    kt_err rc = KT_OK;
    if (idx[v] == SIZE_MAX) {
        rc = kt_viz_node_entity(d, g, p, v, &idx[v]);
        if (rc == KT_OK && kt_etype_is_item(kt_graph_entity_type(g, v)) && !kt_policy_origin(g, v))
            rc = kt_viz_node_note(d, idx[v], "origin unknown");
    }
    *out = idx[v];
    return rc;
}

kt_err kt_viz_provenance(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t item,
                         kt_errinfo *ei)
{
    igraph_integer_t nv = kt_graph_vertex_count(g), ne = kt_graph_edge_count(g);
    size_t *idx = NULL;                 /* vertex -> diagram node, SIZE_MAX */
    igraph_integer_t *queue = NULL;     /* items of the bill of materials, breadth-first */
    char *in_bom = NULL;
    size_t *sup_start = NULL, *sup = NULL; /* supplies relations by the item they name (CSR) */
    size_t head = 0, tail = 0;
    kt_err rc = KT_OK;
    char buf[512];

    if (item < 0 || item >= nv)
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    idx = malloc((size_t)nv * sizeof *idx);
    queue = malloc((size_t)nv * sizeof *queue);
    in_bom = calloc((size_t)nv, 1);
    sup_start = calloc((size_t)nv + 1, sizeof *sup_start);
    sup = malloc(((size_t)ne + 1) * sizeof *sup);
    if (!idx || !queue || !in_bom || !sup_start || !sup)
        goto oom;
    for (igraph_integer_t v = 0; v < nv; v++)
        idx[v] = SIZE_MAX;
    /* one pass over the relations: who supplies which item */
    for (igraph_integer_t e = 0; e < ne; e++)
        if (kt_graph_rel_type(g, e) == KT_REL_SUPPLIES && kt_graph_rel_item(g, e) >= 0)
            sup_start[kt_graph_rel_item(g, e) + 1]++;
    for (igraph_integer_t v = 0; v < nv; v++)
        sup_start[v + 1] += sup_start[v];
    {
        size_t *fill = idx; /* scratch, reset below */
        memcpy(fill, sup_start, (size_t)nv * sizeof *fill);
        for (igraph_integer_t e = 0; e < ne; e++)
            if (kt_graph_rel_type(g, e) == KT_REL_SUPPLIES && kt_graph_rel_item(g, e) >= 0)
                sup[fill[kt_graph_rel_item(g, e)]++] = (size_t)e;
        for (igraph_integer_t v = 0; v < nv; v++)
            idx[v] = SIZE_MAX;
    }
    size_t root;
    if ((rc = node_of(d, g, p, idx, item, &root)) != KT_OK)
        goto out;
    d->nodes[root].flags |= KT_VIZ_NF_ROOT;
    in_bom[item] = 1;
    queue[tail++] = item;
    while (head < tail) {
        igraph_integer_t u = queue[head++];
        const igraph_integer_t *eids;
        igraph_integer_t n = kt_graph_out(g, u, &eids);
        size_t ui = idx[u], wi;
        /* parts and makers, in the order of kt_graph_out (sorted by the other end) */
        for (igraph_integer_t i = 0; i < n; i++) {
            igraph_integer_t e = eids[i], w = kt_graph_rel_to(g, e);
            kt_rtype t = kt_graph_rel_type(g, e);
            if ((t != KT_REL_CONTAINS && t != KT_REL_MADE_BY) || w == u)
                continue;
            if ((rc = node_of(d, g, p, idx, w, &wi)) != KT_OK ||
                (rc = kt_viz_i_relation_edge(d, g, e, wi, ui)) != KT_OK) /* "Part ×4", "Makes (in CN)" */
                goto out;
            if (t == KT_REL_CONTAINS && !in_bom[w]) {
                in_bom[w] = 1;
                queue[tail++] = w;
            }
        }
        /* suppliers of u: one that is not among u's makers trades what others make */
        for (size_t k = sup_start[u]; k < sup_start[u + 1]; k++) {
            igraph_integer_t e = (igraph_integer_t)sup[k], s = kt_graph_rel_from(g, e);
            int maker = 0;
            for (igraph_integer_t i = 0; i < n && !maker; i++)
                maker = kt_graph_rel_type(g, eids[i]) == KT_REL_MADE_BY && kt_graph_rel_to(g, eids[i]) == s;
            if ((rc = node_of(d, g, p, idx, s, &wi)) != KT_OK)
                goto out;
            if (!maker && !(d->nodes[wi].flags & KT_VIZ_NF_TRANSIT)) {
                d->nodes[wi].flags |= KT_VIZ_NF_TRANSIT;
                if ((rc = kt_viz_node_note(d, wi, "transit supplier")) != KT_OK)
                    goto out;
            }
            if ((rc = kt_viz_edge_add(d, wi, ui, KT_VIZ_E_SUPPLY, kt_ival_unknown(),
                                      maker ? "Supplies" : "Supplies (transit)")) != KT_OK)
                goto out;
        }
    }
    {
        const char *nm = kt_graph_entity_name(g, item);
        snprintf(buf, sizeof buf, "Provenance of %s", *nm ? nm : kt_graph_entity_id(g, item));
        if ((rc = kt_viz_set_title(d, buf)) != KT_OK)
            goto out;
    }
    goto out;
oom:
    rc = KT_ENOMEM;
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, "", 0, "out of memory");
    free(idx);
    free(queue);
    free(in_bom);
    free(sup_start);
    free(sup);
    return rc;
}
