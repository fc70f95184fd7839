/* own.c: the ownership diagram (kt_viz_ownership, see kt_viz.h).
 *
 * Until analyses/kt_own.h lands the integrated interests are computed here from the graph:
 * the interest of x in t is the sum over every ownership path from x to t of the product of
 * the capital shares along it (Open Ownership's "indirect interest"; the same multiplication
 * the AMLR uses for indirect ownership).  Bounds are multiplied bound by bound, so a 25-50%
 * share times 60% gives 15-30%; an unknown share counts as 0-100%. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "viz_i.h"

#define MAX_ROUNDS 200 /* ownership cycles: rounds of iteration before giving up refining */

typedef struct {
    igraph_integer_t e;
    size_t a, b; /* positions in the closure: b's value gets share * a's value */
    double lo, hi;
} mult;

static int is_link(const kt_graph *g, igraph_integer_t e)
{
    kt_rtype t = kt_graph_rel_type(g, e);
    return (t == KT_REL_OWNS || t == KT_REL_CONTROLS) && kt_graph_rel_from(g, e) != kt_graph_rel_to(g, e);
}

/* Multiplied into integrated interests: owns, not a declared summary, not a self-loop. */
static int multiplies(const kt_graph *g, igraph_integer_t e)
{
    return kt_graph_rel_type(g, e) == KT_REL_OWNS && !(kt_graph_rel_flags(g, e) & KT_RF_DECLARED) &&
           kt_graph_rel_from(g, e) != kt_graph_rel_to(g, e);
}

static kt_err edge_for(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t e, size_t from, size_t to)
{
    char buf[256], s1[80], s2[80];
    kt_ival share = kt_graph_rel_share(g, e);
    if (kt_graph_rel_type(g, e) == KT_REL_CONTROLS) {
        kt_basis bs = kt_graph_rel_basis(g, e);
        if (bs == KT_BASIS_NONE)
            return kt_viz_edge_add(d, from, to, KT_VIZ_E_CONTROLS, kt_ival_unknown(), NULL);
        snprintf(buf, sizeof buf, "Controls (%s)", kt_basis_name(bs));
        for (char *c = buf; *c; c++)
            if (*c == '_')
                *c = ' ';
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_CONTROLS, kt_ival_unknown(), buf);
    }
    if (kt_graph_rel_flags(g, e) & KT_RF_DECLARED) {
        snprintf(buf, sizeof buf, "Declared indirect interest %s", kt_viz_i_share_text(share, s1, sizeof s1));
        return kt_viz_edge_add(d, from, to, KT_VIZ_E_INDIRECT, share, buf);
    }
    if (kt_graph_rel_flags(g, e) & KT_RF_VOTES_GIVEN) {
        kt_ival votes = kt_graph_rel_votes(g, e);
        kt_viz_i_share_text(share, s1, sizeof s1);
        kt_viz_i_share_text(votes, s2, sizeof s2);
        if (strcmp(s1, s2) != 0) {
            snprintf(buf, sizeof buf, "Owns %s, votes %s", s1, s2);
            return kt_viz_edge_add(d, from, to, KT_VIZ_E_OWNS, share, buf);
        }
    }
    return kt_viz_edge_add(d, from, to, KT_VIZ_E_OWNS, share, NULL);
}

/* Integrated interests over the closure: val[target] = 1; for each multiplying edge m,
 * val[m.b] += share(m) * val[m.a].  Kahn's order settles the acyclic part in one pass; what a
 * cycle holds back is iterated.  Complexity: O(|C| + |M|) acyclic, O(MAX_ROUNDS * |M|) else. */
static kt_err interests(size_t nc, const mult *m, size_t nm, size_t target, double *lo, double *hi)
{
    size_t *pending = calloc(nc, sizeof *pending), *start = calloc(nc + 1, sizeof *start);
    size_t *by_a = malloc((nm + 1) * sizeof *by_a), *queue = malloc((nc + 1) * sizeof *queue);
    size_t head = 0, tail = 0;
    kt_err rc = KT_OK;

    if (!pending || !start || !by_a || !queue) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < nc; i++)
        lo[i] = hi[i] = 0;
    lo[target] = hi[target] = 1;
    for (size_t k = 0; k < nm; k++) {
        start[m[k].a + 1]++;
        if (m[k].b != target)
            pending[m[k].b]++;
    }
    for (size_t i = 0; i < nc; i++)
        start[i + 1] += start[i];
    {
        size_t *fill = queue; /* scratch before the queue is used */
        memcpy(fill, start, nc * sizeof *fill);
        for (size_t k = 0; k < nm; k++)
            by_a[fill[m[k].a]++] = k;
    }
    for (size_t i = 0; i < nc; i++)
        if (pending[i] == 0)
            queue[tail++] = i;
    while (head < tail) {
        size_t a = queue[head++];
        for (size_t j = start[a]; j < start[a + 1]; j++) {
            const mult *x = &m[by_a[j]];
            if (x->b == target)
                continue;
            lo[x->b] += x->lo * lo[a];
            hi[x->b] += x->hi * hi[a];
            if (--pending[x->b] == 0)
                queue[tail++] = x->b;
        }
    }
    if (tail < nc) {
        /* cycles: recompute the unsettled nodes from their inputs until nothing moves */
        double *nlo = calloc(nc, sizeof *nlo), *nhi = calloc(nc, sizeof *nhi);
        if (!nlo || !nhi) {
            free(nlo);
            free(nhi);
            rc = KT_ENOMEM;
            goto out;
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double delta = 0;
            for (size_t i = 0; i < nc; i++)
                nlo[i] = nhi[i] = 0;
            for (size_t k = 0; k < nm; k++)
                if (pending[m[k].b] && m[k].b != target) {
                    nlo[m[k].b] += m[k].lo * lo[m[k].a];
                    nhi[m[k].b] += m[k].hi * hi[m[k].a];
                }
            for (size_t i = 0; i < nc; i++)
                if (pending[i] && i != target) {
                    double nh = nhi[i] > 1 ? 1 : nhi[i];
                    delta = fmax(delta, fmax(fabs(nlo[i] - lo[i]), fabs(nh - hi[i])));
                    lo[i] = nlo[i] > 1 ? 1 : nlo[i];
                    hi[i] = nh;
                }
            if (delta < 1e-12)
                break;
        }
        free(nlo);
        free(nhi);
    }
    for (size_t i = 0; i < nc; i++) {
        lo[i] = lo[i] > 1 ? 1 : lo[i];
        hi[i] = hi[i] > 1 ? 1 : hi[i];
    }
out:
    free(pending);
    free(start);
    free(by_a);
    free(queue);
    return rc;
}

kt_err kt_viz_ownership(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t target, int down,
                        const kt_policy *p, kt_errinfo *ei)
{
    igraph_integer_t nv = kt_graph_vertex_count(g);
    size_t *pos = NULL;            /* vertex -> position in the closure (= diagram node), SIZE_MAX */
    igraph_integer_t *vert = NULL; /* position -> vertex, in breadth-first order */
    mult *m = NULL;
    double *lo = NULL, *hi = NULL;
    size_t nc = 0, nm = 0, cap_m = 0, first_node = d->n_nodes;
    kt_err rc = KT_OK;
    char buf[512];

    if (target < 0 || target >= nv)
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    pos = malloc((size_t)nv * sizeof *pos);
    vert = malloc((size_t)nv * sizeof *vert);
    if (!pos || !vert)
        goto oom;
    for (igraph_integer_t v = 0; v < nv; v++)
        pos[v] = SIZE_MAX;
    /* breadth-first over owns/controls: up through in-edges, down through out-edges; every
     * relation whose near end is in the closure is drawn */
    pos[target] = nc;
    vert[nc++] = target;
    if ((rc = kt_viz_node_entity(d, g, p, target, NULL)) != KT_OK)
        goto out;
    d->nodes[first_node].flags |= KT_VIZ_NF_ROOT;
    for (size_t head = 0; head < nc; head++) {
        const igraph_integer_t *eids;
        igraph_integer_t u = vert[head];
        igraph_integer_t n = down ? kt_graph_out(g, u, &eids) : kt_graph_in(g, u, &eids);
        for (igraph_integer_t i = 0; i < n; i++) {
            igraph_integer_t e = eids[i];
            if (!is_link(g, e))
                continue;
            igraph_integer_t w = down ? kt_graph_rel_to(g, e) : kt_graph_rel_from(g, e);
            if (pos[w] == SIZE_MAX) {
                pos[w] = nc;
                vert[nc++] = w;
                if ((rc = kt_viz_node_entity(d, g, p, w, NULL)) != KT_OK)
                    goto out;
            }
            size_t fi = first_node + pos[kt_graph_rel_from(g, e)], ti = first_node + pos[kt_graph_rel_to(g, e)];
            if ((rc = edge_for(d, g, e, fi, ti)) != KT_OK)
                goto out;
            if (!multiplies(g, e))
                continue;
            if (nm == cap_m) {
                size_t cap = cap_m ? 2 * cap_m : 64;
                mult *mm = realloc(m, cap * sizeof *mm);
                if (!mm)
                    goto oom;
                m = mm;
                cap_m = cap;
            }
            kt_ival s = kt_graph_rel_share(g, e);
            m[nm].e = e;
            /* up: the owner's interest comes from the owned; down: the owned's from the owner */
            m[nm].a = down ? pos[kt_graph_rel_from(g, e)] : pos[kt_graph_rel_to(g, e)];
            m[nm].b = down ? pos[kt_graph_rel_to(g, e)] : pos[kt_graph_rel_from(g, e)];
            m[nm].lo = kt_ival_is_unknown(s) ? 0 : s.min / 100;
            m[nm].hi = kt_ival_is_unknown(s) ? 1 : s.max / 100;
            nm++;
        }
    }
    if (!(lo = malloc(nc * sizeof *lo)) || !(hi = malloc(nc * sizeof *hi)))
        goto oom;
    if ((rc = interests(nc, m, nm, 0, lo, hi)) != KT_OK)
        goto oom;
    /* the dashed edges: up, from each ultimate owner (no owner or controller of its own) and
     * each person; down, to each member target does not hold directly */
    for (size_t i = 1; i < nc; i++) {
        igraph_integer_t x = vert[i];
        const igraph_integer_t *eids;
        igraph_integer_t n = down ? kt_graph_in(g, x, &eids) : kt_graph_out(g, x, &eids);
        int direct = 0, direct_same = 0, has_up = 0;
        for (igraph_integer_t k = 0; k < n; k++) {
            igraph_integer_t e = eids[k], other = down ? kt_graph_rel_from(g, e) : kt_graph_rel_to(g, e);
            if (other != target || !is_link(g, e))
                continue;
            direct = 1;
            kt_ival s = kt_graph_rel_share(g, e);
            if (multiplies(g, e) && !kt_ival_is_unknown(s) && fabs(s.min / 100 - lo[i]) < 1e-9 &&
                fabs(s.max / 100 - hi[i]) < 1e-9)
                direct_same = 1;
            if (kt_graph_rel_type(g, e) == KT_REL_CONTROLS && hi[i] == 0)
                direct_same = 1;
        }
        if (!down) {
            const igraph_integer_t *in;
            igraph_integer_t nin = kt_graph_in(g, x, &in);
            for (igraph_integer_t k = 0; k < nin && !has_up; k++)
                has_up = is_link(g, in[k]);
            if (!has_up)
                d->nodes[first_node + i].flags |= KT_VIZ_NF_ULTIMATE;
            if (has_up && kt_graph_entity_type(g, x) != KT_ENT_PERSON)
                continue;
        }
        if (direct && direct_same)
            continue;
        kt_ival iv = {lo[i] * 100, hi[i] * 100};
        if (hi[i] == 0)
            iv = kt_ival_unknown(); /* reached through control only: "Indirect control" */
        size_t xi = first_node + i;
        if ((rc = kt_viz_edge_add(d, down ? first_node : xi, down ? xi : first_node, KT_VIZ_E_INDIRECT, iv, NULL)) !=
            KT_OK)
            goto out;
    }
    {
        const char *name = kt_graph_entity_name(g, target);
        snprintf(buf, sizeof buf, down ? "Owned or controlled by %s" : "Owners and controllers of %s",
                 *name ? name : kt_graph_entity_id(g, target));
        if ((rc = kt_viz_set_title(d, buf)) != KT_OK)
            goto out;
    }
    goto out;
oom:
    rc = KT_ENOMEM;
out:
    if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, "", 0, "out of memory");
    free(pos);
    free(vert);
    free(m);
    free(lo);
    free(hi);
    return rc;
}
