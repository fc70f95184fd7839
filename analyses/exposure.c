/* exposure.c: one breadth-first search from a node over dependency steps (see kt_exp.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt_exp.h"
#include "kt_vmap.h"

kt_ival kt_exp_ival_mul(kt_ival a, kt_ival b)
{
    if (kt_ival_is_unknown(a) || kt_ival_is_unknown(b))
        return kt_ival_unknown();
    kt_ival r = {a.min * b.min / 100.0, a.max * b.max / 100.0};
    return r;
}

void kt_exp_result_free(kt_exp_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nfindings; i++)
        free(r->findings[i].path);
    for (size_t i = 0; i < r->nunknown; i++)
        free(r->unknown[i].path);
    free(r->findings);
    free(r->unknown);
    free(r->reached);
    free(r);
}

/* Copy the tree path to reached[i] into a new array of depth + 1 hops. */
static kt_exp_hop *path_to(const kt_exp_result *r, igraph_integer_t i)
{
    int depth = r->reached[i].depth;
    kt_exp_hop *p = malloc((size_t)(depth + 1) * sizeof *p);
    if (!p)
        return NULL;
    for (igraph_integer_t k = i, at = depth; k >= 0; k = r->reached[k].parent, at--) {
        p[at].node = r->reached[k].node;
        p[at].edge = r->reached[k].edge;
        p[at].via = r->reached[k].via;
    }
    return p;
}

/* Report order: by depth, then entity id.  ctx is the graph (qsort_r). */
static int cmp_node(const kt_graph *g, igraph_integer_t a, int da, igraph_integer_t b, int db)
{
    if (da != db)
        return da < db ? -1 : 1;
    return strcmp(kt_graph_entity_id(g, a), kt_graph_entity_id(g, b));
}

static int cmp_finding(const void *x, const void *y, void *ctx)
{
    const kt_exp_finding *a = x, *b = y;
    return cmp_node(ctx, a->node, a->depth, b->node, b->depth);
}

static int cmp_unknown(const void *x, const void *y, void *ctx)
{
    const kt_exp_unknown *a = x, *b = y;
    return cmp_node(ctx, a->node, a->depth, b->node, b->depth);
}

kt_err kt_exp_classify(const kt_graph *g, const kt_policy *p, kt_exp_result *r, const unsigned char *cut)
{
    size_t cap_find = 0, cap_unk = 0;
    for (size_t head = 0; head < r->nreached; head++) {
        igraph_integer_t v = r->reached[head].node;
        int depth = r->reached[head].depth;
        unsigned why = kt_dep_unknown(g, v, r->owner_share) | (cut[head] ? KT_UNK_DEPTH : 0);
        if (why) {
            if (kt_vmap_grow((void **)&r->unknown, &cap_unk, r->nunknown + 1, sizeof *r->unknown) != KT_OK)
                return KT_ENOMEM;
            kt_exp_unknown *u = &r->unknown[r->nunknown];
            u->node = v;
            u->why = why;
            u->depth = depth;
            if (!(u->path = path_to(r, (igraph_integer_t)head)))
                return KT_ENOMEM;
            r->nunknown++;
        }
        unsigned reasons = kt_policy_reasons(p, g, v);
        if (reasons & KT_REASON_RISK) {
            if (kt_vmap_grow((void **)&r->findings, &cap_find, r->nfindings + 1, sizeof *r->findings) != KT_OK)
                return KT_ENOMEM;
            kt_exp_finding *f = &r->findings[r->nfindings];
            memset(f, 0, sizeof *f);
            f->node = v;
            f->reasons = reasons;
            f->depth = depth;
            f->via = r->reached[head].via;
            f->interest_in = -1;
            if (!(f->path = path_to(r, (igraph_integer_t)head)))
                return KT_ENOMEM;
            r->nfindings++;
            /* the trailing run of ownership steps: the finding's interest along this path */
            kt_ival iv = {100.0, 100.0};
            for (int k = depth; k >= 1 && f->path[k].via == KT_VIA_OWNERSHIP; k--) {
                iv = kt_exp_ival_mul(kt_graph_rel_votes(g, f->path[k].edge), iv);
                f->has_interest = 1;
                f->interest_in = f->path[k - 1].node;
            }
            f->interest = f->has_interest ? iv : kt_ival_unknown();
        }
    }
    if (r->nfindings)
        qsort_r(r->findings, r->nfindings, sizeof *r->findings, cmp_finding, (void *)g);
    if (r->nunknown)
        qsort_r(r->unknown, r->nunknown, sizeof *r->unknown, cmp_unknown, (void *)g);
    return KT_OK;
}

kt_err kt_exp_run(const kt_graph *g, const kt_policy *p, igraph_integer_t start, const kt_exp_opts *opts,
                  kt_exp_result **out)
{
    kt_err rc = KT_OK;
    kt_vmap seen;                     /* vertex -> index in r->reached */
    size_t cap_reached = 0, cap_cut = 0;
    unsigned char *cut = NULL;        /* per reached node: at max_depth, a step leads out unreached */
    kt_exp_result *r = NULL;

    *out = NULL;
    kt_vmap_init(&seen);
    if ((rc = kt_exp_result_new(p, start, opts, kt_graph_vertex_count(g), &r)) != KT_OK)
        return rc;

    igraph_integer_t idx;
    int fresh;
    if ((rc = kt_vmap_put(&seen, start, &idx, &fresh)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&r->reached, &cap_reached, 1, sizeof *r->reached)) != KT_OK)
        goto out;
    r->reached[0] = (kt_exp_reach){start, -1, -1, KT_VIA_MEMBERSHIP, 0};
    r->nreached = 1;

    /* r->reached doubles as the queue: breadth-first order is the order of discovery */
    for (size_t head = 0; head < r->nreached; head++) {
        igraph_integer_t v = r->reached[head].node;
        int depth = r->reached[head].depth;
        kt_dep_iter it;
        kt_dep_step st;
        if ((rc = kt_vmap_grow((void **)&cut, &cap_cut, head + 1, 1)) != KT_OK)
            goto out;
        cut[head] = 0;
        kt_dep_iter_init(&it, g, v, r->owner_share);
        while (kt_dep_iter_next(&it, &st)) {
            igraph_integer_t j = kt_vmap_get(&seen, st.next);
            if (j >= 0) {
                /* tie-break among shortest paths: the lowest relation id on the last step.
                 * Parents at this depth are final, because every node of the depth above
                 * was processed first. */
                kt_exp_reach *x = &r->reached[j];
                if (x->depth == depth + 1 && st.edge < x->edge) {
                    x->parent = (igraph_integer_t)head;
                    x->edge = st.edge;
                    x->via = st.via;
                }
                continue;
            }
            if (depth >= r->max_depth) {
                cut[head] = 1;
                continue;
            }
            if ((rc = kt_vmap_put(&seen, st.next, &idx, &fresh)) != KT_OK ||
                (rc = kt_vmap_grow((void **)&r->reached, &cap_reached, r->nreached + 1, sizeof *r->reached)) !=
                    KT_OK)
                goto out;
            r->reached[r->nreached++] = (kt_exp_reach){st.next, (igraph_integer_t)head, st.edge, st.via, depth + 1};
        }
    }
    /* each node classified with its final path (every parent is fixed once the BFS is done) */
    if ((rc = kt_exp_classify(g, p, r, cut)) != KT_OK)
        goto out;
    *out = r;
    r = NULL;
out:
    free(cut);
    kt_vmap_destroy(&seen);
    kt_exp_result_free(r);
    return rc;
}

kt_err kt_exp_result_new(const kt_policy *p, igraph_integer_t start, const kt_exp_opts *opts, igraph_integer_t nv,
                         kt_exp_result **out)
{
    const kt_policy_thresholds *th = kt_policy_thresholds_get(p);
    kt_exp_result *r;
    *out = NULL;
    if (start < 0 || start >= nv)
        return KT_EUSAGE;
    if (!(r = calloc(1, sizeof *r)))
        return KT_ENOMEM;
    r->start = start;
    r->max_depth = opts && opts->max_depth > 0 ? opts->max_depth : th->max_depth;
    r->owner_share = opts && opts->owner_share >= 0 ? opts->owner_share : th->owner_share;
    *out = r;
    return KT_OK;
}
