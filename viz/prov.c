/* prov.c: the provenance diagram (kt_viz_provenance, see kt_viz.h), drawn from kt_prov_run's
 * result as the ownership and exposure diagrams are drawn from theirs: the parts, each with its
 * makers, origin and suppliers; a supplier is marked transit exactly when kt_prov lists it in
 * transit[] (its country differs from the part's known origin), so the diagram and
 * `keten provenance` never disagree. */
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_prov.h"
#include "../analyses/kt_vmap.h"
#include "viz_i.h"

/* Diagram nodes by vertex: idx maps a vertex to a dense index into node[]. */
typedef struct {
    kt_vmap idx;
    size_t *node;
    size_t cap;
} nodes;

/* The node of vertex v, added on first sight; an item the provenance result gives no origin is
 * noted so. */
static kt_err node_of(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, nodes *m, igraph_integer_t v,
                      int origin_unknown, size_t *out)
{
    igraph_integer_t i;
    int fresh;
    kt_err rc;
    if ((rc = kt_vmap_put(&m->idx, v, &i, &fresh)) != KT_OK)
        return rc;
    if (!fresh) {
        *out = m->node[i];
        return KT_OK;
    }
    if ((rc = kt_vmap_grow((void **)&m->node, &m->cap, (size_t)i + 1, sizeof *m->node)) != KT_OK ||
        (rc = kt_viz_node_entity(d, g, p, v, out)) != KT_OK)
        return rc;
    m->node[i] = *out;
    if (origin_unknown && (rc = kt_viz_node_note(d, *out, "origin unknown")) != KT_OK)
        return rc;
    return KT_OK;
}

static int cmp_edge(const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    return (x > y) - (x < y);
}

kt_err kt_viz_provenance(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t item,
                         kt_errinfo *ei)
{
    kt_prov_result *r = NULL;
    nodes m;                        /* vertex -> diagram node */
    igraph_integer_t *tr = NULL;    /* the transit supplies relations, sorted */
    kt_err rc;
    char buf[512];

    memset(&m, 0, sizeof m);
    kt_vmap_init(&m.idx);
    if (item < 0 || item >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    if ((rc = kt_prov_run(g, item, &r)) != KT_OK)
        goto out;
    if (r->ntransit && !(tr = malloc(r->ntransit * sizeof *tr))) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < r->ntransit; i++)
        tr[i] = r->transit[i].edge;
    if (r->ntransit)
        qsort(tr, r->ntransit, sizeof *tr, cmp_edge);

    /* every part first, in the result's order (tier, then id), so node order is stable */
    for (size_t i = 0; i < r->nparts; i++) {
        size_t ni;
        if ((rc = node_of(d, g, p, &m, r->parts[i].node, r->parts[i].origin == 0, &ni)) != KT_OK)
            goto out;
        if (i == 0)
            d->nodes[ni].flags |= KT_VIZ_NF_ROOT;
    }
    for (size_t i = 0; i < r->nparts; i++) {
        const kt_prov_part *pt = &r->parts[i];
        size_t ui = m.node[kt_vmap_get(&m.idx, pt->node)], wi;
        const igraph_integer_t *eids;
        igraph_integer_t n = kt_graph_out(g, pt->node, &eids);
        /* parts and makers, in the order of kt_graph_out (sorted by the other end) */
        for (igraph_integer_t k = 0; k < n; k++) {
            igraph_integer_t e = eids[k], w = kt_graph_rel_to(g, e);
            kt_rtype t = kt_graph_rel_type(g, e);
            if ((t != KT_REL_CONTAINS && t != KT_REL_MADE_BY) || w == pt->node)
                continue;
            if ((rc = node_of(d, g, p, &m, w, 0, &wi)) != KT_OK ||
                (rc = kt_viz_i_relation_edge(d, g, e, wi, ui)) != KT_OK) /* "Part ×4", "Makes (in CN)" */
                goto out;
        }
        /* the suppliers kt_prov found for the part, transit as kt_prov says */
        for (size_t k = 0; k < pt->nsuppliers; k++) {
            igraph_integer_t e = pt->suppliers[k].edge;
            int transit = tr && bsearch(&e, tr, r->ntransit, sizeof *tr, cmp_edge) != NULL;
            if ((rc = node_of(d, g, p, &m, pt->suppliers[k].supplier, 0, &wi)) != KT_OK)
                goto out;
            if (transit && !(d->nodes[wi].flags & KT_VIZ_NF_TRANSIT)) {
                d->nodes[wi].flags |= KT_VIZ_NF_TRANSIT;
                if ((rc = kt_viz_node_note(d, wi, "transit supplier")) != KT_OK)
                    goto out;
            }
            if ((rc = kt_viz_edge_add(d, wi, ui, KT_VIZ_E_SUPPLY, kt_ival_unknown(),
                                      transit ? "Supplies (transit)" : "Supplies")) != KT_OK)
                goto out;
        }
    }
    {
        const char *nm = kt_graph_entity_name(g, item);
        snprintf(buf, sizeof buf, "Provenance of %s", *nm ? nm : kt_graph_entity_id(g, item));
        rc = kt_viz_set_title(d, buf);
    }
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, "", 0, "out of memory");
    else if (rc != KT_OK && rc != KT_ENOTFOUND)
        kt_errinfo_set(ei, rc, "", 0, "provenance diagram failed");
    kt_vmap_destroy(&m.idx);
    free(m.node);
    free(tr);
    kt_prov_result_free(r);
    return rc;
}
