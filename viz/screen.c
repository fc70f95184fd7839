/* screen.c: the evidence of one screened bidder as a diagram (keten screen --diagrams).
 *
 * The diagram shows exactly what the report shows: the bidder, its parties and items, and
 * the path of every finding, every prohibition hit and every point where the data stops, with a dashed "?" after the
 * latter.  Edges run from the dependency to the one that depends on it (owner -> owned,
 * supplier -> customer, part -> assembly), left to right into the bidder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
#include "viz_i.h"

typedef struct {
    igraph_integer_t *v; /* vertex of each diagram node made from the graph (-1 for others) */
    size_t n, cap;
    igraph_integer_t *edges; /* relations already drawn */
    size_t ne, cape;
} seen;

static kt_err node_of(kt_viz_diagram *d, seen *s, const kt_graph *g, const kt_policy *p, igraph_integer_t v,
                      size_t *idx)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == v) {
            *idx = i;
            return KT_OK;
        }
    kt_err rc = kt_viz_node_entity(d, g, p, v, idx);
    if (rc != KT_OK)
        return rc;
    if (*idx >= s->cap) {
        size_t old = s->cap;
        if (kt_grow((void **)&s->v, &s->cap, *idx + 1, sizeof *s->v) != KT_OK)
            return KT_ENOMEM;
        for (size_t i = old; i < s->cap; i++)
            s->v[i] = -1;
    }
    s->v[*idx] = v;
    if (*idx + 1 > s->n)
        s->n = *idx + 1;
    return KT_OK;
}

static kt_viz_ekind kind_of(kt_rtype t)
{
    switch (t) {
    case KT_REL_OWNS: return KT_VIZ_E_OWNS;
    case KT_REL_CONTROLS: return KT_VIZ_E_CONTROLS;
    case KT_REL_CONTAINS: return KT_VIZ_E_COMPONENT;
    case KT_REL_SUBCONTRACTS: return KT_VIZ_E_SUBCONTRACT;
    case KT_REL_MEMBER_OF: return KT_VIZ_E_MEMBERSHIP;
    default: return KT_VIZ_E_SUPPLY;
    }
}

static kt_err draw_item(kt_viz_diagram *d, seen *s, const kt_graph *g, const kt_policy *p, size_t root,
                        const kt_screen_item *x, int unknown)
{
    size_t a, b;
    kt_err rc;
    kt_viz_ekind k = x->role == KT_ROLE_OFFER ? KT_VIZ_E_SUPPLY
                     : x->role == KT_ROLE_SUBCONTRACTOR ? KT_VIZ_E_SUBCONTRACT
                                                        : KT_VIZ_E_MEMBERSHIP;
    if ((rc = node_of(d, s, g, p, x->start, &a)) != KT_OK)
        return rc;
    /* the start joins the bidder once */
    int joined = 0;
    for (size_t i = 0; i < d->n_edges && !joined; i++)
        joined = d->edges[i].from == a && d->edges[i].to == root;
    if (!joined && (rc = kt_viz_edge_add(d, a, root, k, kt_ival_unknown(), NULL)) != KT_OK)
        return rc;
    for (int i = 0; i < x->depth; i++) {
        igraph_integer_t e = x->edges[i];
        int drawn = 0;
        for (size_t j = 0; j < s->ne && !drawn; j++)
            drawn = s->edges[j] == e;
        if ((rc = node_of(d, s, g, p, x->nodes[i], &a)) != KT_OK ||
            (rc = node_of(d, s, g, p, x->nodes[i + 1], &b)) != KT_OK)
            return rc;
        if (drawn)
            continue;
        if (kt_grow((void **)&s->edges, &s->cape, s->ne + 1, sizeof *s->edges) != KT_OK)
            return KT_ENOMEM;
        s->edges[s->ne++] = e;
        /* draw from the relation's own "from" end, as the data says it */
        size_t from = kt_graph_rel_from(g, e) == x->nodes[i] ? a : b;
        size_t to = from == a ? b : a;
        kt_rtype t = kt_graph_rel_type(g, e);
        /* dependency -> dependent: owners, suppliers, parts and makers point at what needs them */
        if (t == KT_REL_CONTAINS || t == KT_REL_MADE_BY || t == KT_REL_OFFERS || t == KT_REL_SUBCONTRACTS) {
            size_t tmp = from;
            from = to;
            to = tmp;
        }
        if ((rc = kt_viz_edge_add(d, from, to, kind_of(t), t == KT_REL_OWNS ? kt_graph_rel_share(g, e) : kt_ival_unknown(),
                                  NULL)) != KT_OK)
            return rc;
    }
    if (unknown) {
        char name[64];
        if ((rc = node_of(d, s, g, p, x->node, &a)) != KT_OK)
            return rc;
        snprintf(name, sizeof name, "?%zu", d->n_nodes);
        if ((rc = kt_viz_i_unknown_after(d, name, x->why, a)) != KT_OK)
            return rc;
    }
    return KT_OK;
}

kt_err kt_viz_screen(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, const char *bidder_id,
                     const char *bidder_name, const kt_screen_result *r)
{
    seen s = {0};
    size_t root;
    char title[512], name[300];
    kt_err rc;

    snprintf(name, sizeof name, "bidder:%s", bidder_id);
    snprintf(title, sizeof title, "Bidder %s%s%s: %s", bidder_id, bidder_name ? " " : "", bidder_name ? bidder_name : "",
             kt_verdict_name(r->verdict));
    if ((rc = kt_viz_set_title(d, title)) != KT_OK ||
        (rc = kt_viz_node_add(d, KT_VIZ_N_GROUP, name, bidder_name ? bidder_name : bidder_id, NULL, &root)) != KT_OK)
        goto out;
    d->nodes[root].flags |= KT_VIZ_NF_ROOT;
    if ((rc = kt_viz_node_note(d, root, kt_verdict_name(r->verdict))) != KT_OK)
        goto out;
    for (size_t i = 0; i < r->nfindings; i++)
        if ((rc = draw_item(d, &s, g, p, root, &r->findings[i], 0)) != KT_OK)
            goto out;
    for (size_t i = 0; i < r->nprohibited; i++) /* a prohibition's evidence path */
        if ((rc = draw_item(d, &s, g, p, root, &r->prohibited[i], 0)) != KT_OK)
            goto out;
    for (size_t i = 0; i < r->nunknown; i++)
        if ((rc = draw_item(d, &s, g, p, root, &r->unknown[i], 1)) != KT_OK)
            goto out;
out:
    free(s.v);
    free(s.edges);
    return rc;
}
