/* provenance.c: bill of materials, origin shares, HHI and transit (see kt_prov.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt_dep.h"
#include "kt_prov.h"
#include "kt_vmap.h"

#define EPS 1e-12

const char *kt_prov_split_name(kt_prov_split s)
{
    static const char *n[] = {"", "share", "qty", "equal"};
    return (unsigned)s < 4 ? n[s] : "?";
}

const char *kt_prov_rule_name(kt_prov_origin_rule r)
{
    static const char *n[] = {"unknown", "own", "made_by", "manufacturer"};
    return (unsigned)r < 4 ? n[r] : "?";
}

const char *kt_prov_band_name(kt_prov_band b)
{
    static const char *n[] = {"not_concentrated", "somewhat_concentrated", "concentrated"};
    return (unsigned)b < 3 ? n[b] : "?";
}

void kt_prov_result_free(kt_prov_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nparts; i++)
        free(r->parts[i].suppliers);
    free(r->parts);
    free(r->origins);
    free(r->transit);
    free(r);
}

/* Which step of the origin rule applies; mirrors kt_policy_origin(), which gives the value. */
static kt_prov_origin_rule origin_rule(const kt_graph *g, igraph_integer_t v, igraph_integer_t *maker)
{
    const igraph_integer_t *eids;
    igraph_integer_t n = kt_graph_out(g, v, &eids);
    kt_prov_origin_rule rule = kt_graph_entity_country_index(g, v) ? KT_PROV_ORIGIN_OWN : KT_PROV_ORIGIN_UNKNOWN;
    *maker = -1;
    for (igraph_integer_t i = 0; i < n; i++) {
        if (kt_graph_rel_type(g, eids[i]) != KT_REL_MADE_BY)
            continue;
        if (*maker < 0)
            *maker = kt_graph_rel_to(g, eids[i]);
        if (rule == KT_PROV_ORIGIN_UNKNOWN && kt_country_index(kt_graph_rel_country(g, eids[i])))
            rule = KT_PROV_ORIGIN_MADE_BY;
    }
    if (rule == KT_PROV_ORIGIN_UNKNOWN && kt_etype_is_item(kt_graph_entity_type(g, v)) &&
        kt_policy_origin(g, v))
        rule = KT_PROV_ORIGIN_MANUFACTURER;
    return rule;
}

/* Add supplier relation e to part p, once. */
static kt_err add_supplier(kt_prov_part *p, size_t *cap, igraph_integer_t e, igraph_integer_t supplier)
{
    for (size_t i = 0; i < p->nsuppliers; i++)
        if (p->suppliers[i].edge == e)
            return KT_OK;
    if (kt_vmap_grow((void **)&p->suppliers, cap, p->nsuppliers + 1, sizeof *p->suppliers) != KT_OK)
        return KT_ENOMEM;
    p->suppliers[p->nsuppliers++] = (kt_prov_supplier){supplier, e};
    return KT_OK;
}


static int cmp_part(const void *x, const void *y, void *ctx)
{
    const kt_graph *g = ctx; /* qsort_r context */
    const kt_prov_part *a = x, *b = y;
    if (a->tier != b->tier)
        return a->tier < b->tier ? -1 : 1;
    return strcmp(kt_graph_entity_id(g, a->node), kt_graph_entity_id(g, b->node));
}

static int cmp_supplier(const void *x, const void *y)
{
    const kt_prov_supplier *a = x, *b = y;
    return (a->edge > b->edge) - (a->edge < b->edge);
}

static int cmp_origin(const void *x, const void *y)
{
    const kt_prov_origin *a = x, *b = y;
    if (!a->country != !b->country)
        return a->country ? -1 : 1; /* unknown last */
    if (a->share != b->share)
        return a->share > b->share ? -1 : 1;
    return (a->country > b->country) - (a->country < b->country); /* table order is code order */
}

static int cmp_transit(const void *x, const void *y, void *ctx)
{
    const kt_graph *g = ctx; /* qsort_r context */
    const kt_prov_transit *a = x, *b = y;
    int c = strcmp(kt_graph_entity_id(g, a->part), kt_graph_entity_id(g, b->part));
    if (!c)
        c = strcmp(kt_graph_entity_id(g, a->supplier), kt_graph_entity_id(g, b->supplier));
    return c ? c : (a->edge > b->edge) - (a->edge < b->edge);
}

/* The weights an assembly gives its contains relations, and which split that is.  w has
 * room for n; returns the split used. */
static kt_prov_split weights(const kt_graph *g, const igraph_integer_t *ce, size_t n, double *w)
{
    int all_share = 1, all_qty = 1;
    double ss = 0, sq = 0;
    for (size_t i = 0; i < n; i++) {
        kt_ival s = kt_graph_rel_share(g, ce[i]);
        double q = kt_graph_rel_qty(g, ce[i]);
        if (kt_ival_is_unknown(s))
            all_share = 0;
        else
            ss += (s.min + s.max) / 2;
        if (isnan(q) || q <= 0)
            all_qty = 0;
        else
            sq += q;
    }
    if (all_share && ss > 0) {
        for (size_t i = 0; i < n; i++) {
            kt_ival s = kt_graph_rel_share(g, ce[i]);
            w[i] = (s.min + s.max) / 2 / ss;
        }
        return KT_PROV_SPLIT_SHARE;
    }
    if (all_qty) {
        for (size_t i = 0; i < n; i++)
            w[i] = kt_graph_rel_qty(g, ce[i]) / sq;
        return KT_PROV_SPLIT_QTY;
    }
    for (size_t i = 0; i < n; i++)
        w[i] = 1.0 / (double)n;
    return KT_PROV_SPLIT_EQUAL;
}

kt_err kt_prov_run(const kt_graph *g, igraph_integer_t item, kt_prov_result **out)
{
    kt_err rc = KT_OK;
    kt_vmap seen;                   /* vertex -> index in r->parts (before sorting) */
    kt_vmap makers;                 /* manufacturers whose supplies were looked at */
    kt_prov_result *r = NULL;
    size_t cap_parts = 0, cap_indeg = 0, cap_ce = 0, cap_w = 0, cap_tr = 0;
    igraph_integer_t *indeg = NULL; /* contains relations into each part from reached parts */
    size_t *sup_cap = NULL;         /* capacity of each part's suppliers array */
    igraph_integer_t *ce = NULL;    /* one assembly's contains relations */
    double *w = NULL;               /* and their weights */
    igraph_integer_t *queue = NULL; /* topological order */
    double bucket[KT_COUNTRY_MAX];  /* share by origin country index */
    igraph_integer_t idx;
    int fresh;

    *out = NULL;
    kt_vmap_init(&seen);
    kt_vmap_init(&makers);
    memset(bucket, 0, sizeof bucket);
    if (item < 0 || item >= kt_graph_vertex_count(g))
        return KT_EUSAGE;
    if (!(r = calloc(1, sizeof *r)))
        return KT_ENOMEM;
    r->item = item;

    /* 1. breadth-first over contains: tiers and in-degrees within the reached sub-DAG */
    if ((rc = kt_vmap_put(&seen, item, &idx, &fresh)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&r->parts, &cap_parts, 1, sizeof *r->parts)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&indeg, &cap_indeg, 1, sizeof *indeg)) != KT_OK)
        goto out;
    memset(&r->parts[0], 0, sizeof r->parts[0]);
    r->parts[0].node = item;
    indeg[0] = 0;
    r->nparts = 1;
    for (size_t head = 0; head < r->nparts; head++) {
        const igraph_integer_t *eids;
        igraph_integer_t n = kt_graph_out(g, r->parts[head].node, &eids);
        r->parts[head].leaf = 1;
        for (igraph_integer_t i = 0; i < n; i++) {
            if (kt_graph_rel_type(g, eids[i]) != KT_REL_CONTAINS)
                continue;
            r->parts[head].leaf = 0;
            igraph_integer_t child = kt_graph_rel_to(g, eids[i]);
            if ((rc = kt_vmap_put(&seen, child, &idx, &fresh)) != KT_OK)
                goto out;
            if (fresh) {
                if ((rc = kt_vmap_grow((void **)&r->parts, &cap_parts, r->nparts + 1, sizeof *r->parts)) != KT_OK ||
                    (rc = kt_vmap_grow((void **)&indeg, &cap_indeg, r->nparts + 1, sizeof *indeg)) != KT_OK)
                    goto out;
                memset(&r->parts[idx], 0, sizeof r->parts[idx]);
                r->parts[idx].node = child;
                r->parts[idx].tier = r->parts[head].tier + 1;
                indeg[idx] = 0;
                r->nparts++;
            }
            indeg[idx]++;
        }
    }
    if (!(sup_cap = calloc(r->nparts, sizeof *sup_cap)) || !(queue = malloc(r->nparts * sizeof *queue))) {
        rc = KT_ENOMEM;
        goto out;
    }

    /* 2. origins, manufacturers, and suppliers into the part itself */
    for (size_t i = 0; i < r->nparts; i++) {
        kt_prov_part *p = &r->parts[i];
        const igraph_integer_t *eids;
        p->origin = kt_policy_origin(g, p->node);
        p->rule = origin_rule(g, p->node, &p->manufacturer);
        igraph_integer_t n = kt_graph_in(g, p->node, &eids);
        for (igraph_integer_t k = 0; k < n; k++) {
            igraph_integer_t it = kt_graph_rel_item(g, eids[k]);
            if (kt_graph_rel_type(g, eids[k]) == KT_REL_SUPPLIES && (it < 0 || it == p->node) &&
                (rc = add_supplier(p, &sup_cap[i], eids[k], kt_graph_rel_from(g, eids[k]))) != KT_OK)
                goto out;
        }
    }

    /* supplies of a reached part into the manufacturer of any reached item: where parts are
     * bought to be built in.  Each manufacturer's in-relations are scanned once. */
    for (size_t i = 0; i < r->nparts; i++) {
        const igraph_integer_t *eids;
        igraph_integer_t n = kt_graph_out(g, r->parts[i].node, &eids);
        for (igraph_integer_t m = 0; m < n; m++) {
            if (kt_graph_rel_type(g, eids[m]) != KT_REL_MADE_BY)
                continue;
            igraph_integer_t maker = kt_graph_rel_to(g, eids[m]);
            if ((rc = kt_vmap_put(&makers, maker, &idx, &fresh)) != KT_OK)
                goto out;
            if (!fresh)
                continue;
            const igraph_integer_t *in;
            igraph_integer_t nin = kt_graph_in(g, maker, &in);
            for (igraph_integer_t k = 0; k < nin; k++) {
                igraph_integer_t c = kt_graph_rel_type(g, in[k]) == KT_REL_SUPPLIES
                                         ? kt_vmap_get(&seen, kt_graph_rel_item(g, in[k]))
                                         : -1;
                if (c >= 0 && (rc = add_supplier(&r->parts[c], &sup_cap[c], in[k], kt_graph_rel_from(g, in[k]))) !=
                                  KT_OK)
                    goto out;
            }
        }
    }

    /* 3. shares in topological order (Kahn) */
    r->parts[0].share = 1.0;
    size_t qn = 0;
    queue[qn++] = 0;
    for (size_t qh = 0; qh < qn; qh++) {
        igraph_integer_t a = queue[qh];
        kt_prov_part *pa = &r->parts[a];
        const igraph_integer_t *eids;
        igraph_integer_t n = kt_graph_out(g, pa->node, &eids);
        size_t nce = 0;
        for (igraph_integer_t i = 0; i < n; i++) {
            if (kt_graph_rel_type(g, eids[i]) != KT_REL_CONTAINS)
                continue;
            if ((rc = kt_vmap_grow((void **)&ce, &cap_ce, nce + 1, sizeof *ce)) != KT_OK)
                goto out;
            ce[nce++] = eids[i];
        }
        if (!nce)
            continue;
        if ((rc = kt_vmap_grow((void **)&w, &cap_w, nce, sizeof *w)) != KT_OK)
            goto out;
        pa->split = weights(g, ce, nce, w);
        for (size_t i = 0; i < nce; i++) {
            igraph_integer_t c = kt_vmap_get(&seen, kt_graph_rel_to(g, ce[i]));
            r->parts[c].share += pa->share * w[i];
            if (--indeg[c] == 0)
                queue[qn++] = c;
        }
    }

    /* 4. origin buckets over the leaves, HHI, bands */
    for (size_t i = 0; i < r->nparts; i++)
        if (r->parts[i].leaf)
            bucket[r->parts[i].origin < KT_COUNTRY_MAX ? r->parts[i].origin : 0] += r->parts[i].share;
    size_t nb = 0;
    for (size_t c = 0; c < KT_COUNTRY_MAX; c++)
        nb += bucket[c] > 0;
    if (!(r->origins = calloc(nb ? nb : 1, sizeof *r->origins))) {
        rc = KT_ENOMEM;
        goto out;
    }
    double known_sq = 0, known_max = 0;
    for (size_t c = 0; c < KT_COUNTRY_MAX; c++) {
        if (bucket[c] <= 0)
            continue;
        r->origins[r->norigins++] = (kt_prov_origin){(unsigned)c, bucket[c]};
        if (c) {
            known_sq += bucket[c] * bucket[c];
            if (bucket[c] > known_max)
                known_max = bucket[c];
        }
    }
    r->unknown_share = bucket[0];
    r->hhi = known_sq + bucket[0] * bucket[0];
    r->hhi_min = known_sq;
    r->hhi_max = known_sq + bucket[0] * bucket[0] + 2 * bucket[0] * known_max;
    /* CBS bands */
    r->band = r->hhi + EPS >= 0.25 ? KT_PROV_CONCENTRATED
              : r->hhi + EPS >= 0.15 ? KT_PROV_SOMEWHAT
                                     : KT_PROV_NOT_CONCENTRATED;
    r->extra_eu_share = r->hhi_extra_eu = NAN;
    r->eu_flag = -1; /* kt_prov_extra_eu, with the policy's eu set */

    /* 5. transit: a supplier whose country differs from the part's known origin */
    for (size_t i = 0; i < r->nparts; i++) {
        kt_prov_part *p = &r->parts[i];
        for (size_t k = 0; k < p->nsuppliers; k++) {
            unsigned sc = kt_graph_entity_country_index(g, p->suppliers[k].supplier);
            if (!kt_dep_transit(g, p->suppliers[k].edge))
                continue; /* the one rule, shared with exposure */
            if ((rc = kt_vmap_grow((void **)&r->transit, &cap_tr, r->ntransit + 1, sizeof *r->transit)) != KT_OK)
                goto out;
            r->transit[r->ntransit++] =
                (kt_prov_transit){p->node, p->suppliers[k].supplier, p->suppliers[k].edge, sc, p->origin};
        }
    }

    for (size_t i = 0; i < r->nparts; i++)
        if (r->parts[i].nsuppliers)
            qsort(r->parts[i].suppliers, r->parts[i].nsuppliers, sizeof *r->parts[i].suppliers, cmp_supplier);
    if (r->nparts - 1)
        qsort_r(r->parts + 1, r->nparts - 1, sizeof *r->parts, cmp_part, (void *)g);
    if (r->norigins)
        qsort(r->origins, r->norigins, sizeof *r->origins, cmp_origin);
    if (r->ntransit)
        qsort_r(r->transit, r->ntransit, sizeof *r->transit, cmp_transit, (void *)g);
    *out = r;
    r = NULL;
out:
    kt_vmap_destroy(&seen);
    kt_vmap_destroy(&makers);
    free(indeg);
    free(sup_cap);
    free(ce);
    free(w);
    free(queue);
    kt_prov_result_free(r);
    return rc;
}

void kt_prov_extra_eu(kt_prov_result *r, const kt_policy *p)
{
    double extra = 0, sq = 0;
    r->extra_eu_share = r->hhi_extra_eu = NAN;
    r->eu_flag = -1;
    if (!p || !kt_policy_set_was_given(p, KT_SET_EU))
        return;
    for (size_t i = 0; i < r->norigins; i++)
        if (r->origins[i].country && !kt_policy_in_set(p, KT_SET_EU, r->origins[i].country))
            extra += r->origins[i].share;
    for (size_t i = 0; i < r->norigins && extra > 0; i++)
        if (r->origins[i].country && !kt_policy_in_set(p, KT_SET_EU, r->origins[i].country))
            sq += (r->origins[i].share / extra) * (r->origins[i].share / extra);
    r->extra_eu_share = extra;
    r->hhi_extra_eu = extra > 0 ? sq : NAN;
    /* SWD(2021) 352: concentration of extra-EU supply above 0.4, and extra-EU supply above
     * half of the total */
    r->eu_flag = extra > 0.5 + EPS && sq > 0.4 + EPS;
}
