/* own_sub.c: the reached ownership subgraph in local numbering, strongly connected components
 * (iterative Tarjan), and the ranking of paths.  See own_i.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "own_i.h"

int kt_own_i_rel_used(const kt_graph *g, igraph_integer_t e)
{
    kt_rtype t = kt_graph_rel_type(g, e);
    return (t == KT_REL_OWNS || kt_graph_rel_is_control(g, e)) && kt_graph_rel_from(g, e) != kt_graph_rel_to(g, e);
}

int kt_own_i_rel_capital(const kt_graph *g, igraph_integer_t e)
{
    return kt_graph_rel_type(g, e) == KT_REL_OWNS && !(kt_graph_rel_flags(g, e) & KT_RF_DECLARED) &&
           kt_graph_rel_from(g, e) != kt_graph_rel_to(g, e);
}

igraph_integer_t kt_own_i_sub_local(const kt_own_i_sub *s, igraph_integer_t v)
{
    return kt_vmap_get(&s->map, v);
}

/* Add v if new; *local gets its local id. */
static kt_err hadd(kt_own_i_sub *s, igraph_integer_t v, igraph_integer_t *local, size_t *vcap, int *added)
{
    kt_err rc;
    if ((rc = kt_vmap_put(&s->map, v, local, added)) != KT_OK || !*added)
        return rc;
    if ((rc = kt_vmap_grow((void **)&s->vert, vcap, (size_t)s->n + 1, sizeof *s->vert)) != KT_OK)
        return rc;
    s->vert[s->n++] = v;
    return KT_OK;
}

static kt_err build(kt_own_i_sub *s, const kt_graph *g, igraph_integer_t subject, int down);

static igraph_integer_t away(const kt_own_i_sub *s, igraph_integer_t v, const igraph_integer_t **eids)
{
    if (s->in && !s->down)
        return s->in(s->in_ctx, v, eids);
    return s->down ? kt_graph_out(s->g, v, eids) : kt_graph_in(s->g, v, eids);
}

static igraph_integer_t far_end(const kt_own_i_sub *s, igraph_integer_t e)
{
    return s->down ? kt_graph_rel_to(s->g, e) : kt_graph_rel_from(s->g, e);
}

kt_err kt_own_i_sub_build(kt_own_i_sub *s, const kt_graph *g, igraph_integer_t subject, int down)
{
    memset(s, 0, sizeof *s);
    return build(s, g, subject, down);
}

kt_err kt_own_i_sub_build_in(kt_own_i_sub *s, const kt_graph *g, igraph_integer_t subject, kt_own_in_fn in,
                             void *ctx)
{
    memset(s, 0, sizeof *s);
    s->in = in;
    s->in_ctx = ctx;
    return build(s, g, subject, 0);
}

/* s zeroed but for in, in_ctx. */
static kt_err build(kt_own_i_sub *s, const kt_graph *g, igraph_integer_t subject, int down)
{
    kt_err rc = KT_OK;
    size_t vcap = 0;
    igraph_integer_t local;
    int added;
    const igraph_integer_t *eids;

    kt_vmap_init(&s->map);
    s->g = g;
    s->down = down;
    if ((rc = hadd(s, subject, &local, &vcap, &added)) != KT_OK)
        goto out;
    /* breadth-first: s->vert doubles as the queue */
    s->m = 0;
    for (igraph_integer_t head = 0; head < s->n; head++) {
        igraph_integer_t deg = away(s, s->vert[head], &eids);
        for (igraph_integer_t i = 0; i < deg; i++) {
            if (!kt_own_i_rel_used(g, eids[i]))
                continue;
            s->m++;
            if ((rc = hadd(s, far_end(s, eids[i]), &local, &vcap, &added)) != KT_OK)
                goto out;
        }
    }
    igraph_integer_t n = s->n, m = s->m;
    s->aoff = calloc((size_t)n + 1, sizeof *s->aoff);
    s->toff = calloc((size_t)n + 2, sizeof *s->toff);
    s->aedge = malloc(((size_t)m + 1) * sizeof *s->aedge);
    s->anb = malloc(((size_t)m + 1) * sizeof *s->anb);
    s->tedge = malloc(((size_t)m + 1) * sizeof *s->tedge);
    s->tnb = malloc(((size_t)m + 1) * sizeof *s->tnb);
    if (!s->aoff || !s->toff || !s->aedge || !s->anb || !s->tedge || !s->tnb) {
        rc = KT_ENOMEM;
        goto out;
    }
    /* away lists in local order; count toward lists on the way */
    igraph_integer_t k = 0;
    for (igraph_integer_t x = 0; x < n; x++) {
        s->aoff[x] = k;
        igraph_integer_t deg = away(s, s->vert[x], &eids);
        for (igraph_integer_t i = 0; i < deg; i++) {
            if (!kt_own_i_rel_used(g, eids[i]))
                continue;
            igraph_integer_t y = kt_own_i_sub_local(s, far_end(s, eids[i]));
            s->aedge[k] = eids[i];
            s->anb[k] = y;
            s->toff[y + 2]++;
            k++;
        }
    }
    s->aoff[n] = k;
    /* toward[y] holds the relation and the near end x, for each away relation x -> y */
    for (igraph_integer_t x = 0; x < n; x++)
        s->toff[x + 2] += s->toff[x + 1];
    for (igraph_integer_t x = 0; x < n; x++)
        for (igraph_integer_t i = s->aoff[x]; i < s->aoff[x + 1]; i++) {
            igraph_integer_t y = s->anb[i], p = s->toff[y + 1]++;
            s->tedge[p] = s->aedge[i];
            s->tnb[p] = x;
        }
out:
    if (rc != KT_OK)
        kt_own_i_sub_destroy(s);
    return rc;
}

void kt_own_i_sub_destroy(kt_own_i_sub *s)
{
    if (!s)
        return;
    free(s->vert);
    kt_vmap_destroy(&s->map);
    free(s->aoff);
    free(s->aedge);
    free(s->anb);
    free(s->toff);
    free(s->tedge);
    free(s->tnb);
    memset(s, 0, sizeof *s);
}

kt_err kt_own_i_scc(igraph_integer_t n, const igraph_integer_t *off, const igraph_integer_t *nb,
                    const igraph_integer_t *roots, igraph_integer_t nroots, kt_own_i_comps *c)
{
    kt_err rc = KT_OK;
    igraph_integer_t *index = NULL, *low = NULL, *stack = NULL, *fv = NULL, *fit = NULL;
    unsigned char *on = NULL;
    igraph_integer_t counter = 0, sp = 0, fp = 0, out_pos = 0;

    memset(c, 0, sizeof *c);
    size_t sz = (size_t)n + 1;
    c->comp = malloc(sz * sizeof *c->comp);
    c->order = malloc(sz * sizeof *c->order);
    c->comp_off = malloc((sz + 1) * sizeof *c->comp_off);
    index = malloc(sz * sizeof *index);
    low = malloc(sz * sizeof *low);
    stack = malloc(sz * sizeof *stack);
    fv = malloc(sz * sizeof *fv);
    fit = malloc(sz * sizeof *fit);
    on = calloc(sz, 1);
    if (!c->comp || !c->order || !c->comp_off || !index || !low || !stack || !fv || !fit || !on) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (igraph_integer_t x = 0; x < n; x++) {
        index[x] = -1;
        c->comp[x] = -1;
    }
    igraph_integer_t nr = roots ? nroots : n;
    for (igraph_integer_t r = 0; r < nr; r++) {
        igraph_integer_t root = roots ? roots[r] : r;
        if (index[root] >= 0)
            continue;
        index[root] = low[root] = counter++;
        stack[sp++] = root;
        on[root] = 1;
        fv[fp] = root;
        fit[fp++] = off[root];
        while (fp > 0) {
            igraph_integer_t v = fv[fp - 1];
            if (fit[fp - 1] < off[v + 1]) {
                igraph_integer_t w = nb[fit[fp - 1]++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    on[w] = 1;
                    fv[fp] = w;
                    fit[fp++] = off[w];
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            fp--;
            if (low[v] == index[v]) {
                c->comp_off[c->ncomp] = out_pos;
                igraph_integer_t w;
                do {
                    w = stack[--sp];
                    on[w] = 0;
                    c->comp[w] = c->ncomp;
                    c->order[out_pos++] = w;
                } while (w != v);
                c->ncomp++;
            }
            if (fp > 0 && low[v] < low[fv[fp - 1]])
                low[fv[fp - 1]] = low[v];
        }
    }
    c->comp_off[c->ncomp] = out_pos;
    c->nreached = out_pos;
out:
    free(index);
    free(low);
    free(stack);
    free(fv);
    free(fit);
    free(on);
    if (rc != KT_OK)
        kt_own_i_comps_destroy(c);
    return rc;
}

void kt_own_i_comps_destroy(kt_own_i_comps *c)
{
    if (!c)
        return;
    free(c->comp);
    free(c->order);
    free(c->comp_off);
    memset(c, 0, sizeof *c);
}

int kt_own_i_key_cmp(const kt_own_i_key *a, const kt_own_i_key *b)
{
    if (a->weak != b->weak)
        return a->weak < b->weak ? -1 : 1;
    /* costs are sums of logs: compare with a tolerance so equal products tie exactly */
    if (fabs(a->cost - b->cost) > 1e-12)
        return a->cost < b->cost ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return 0;
}

void kt_own_i_key_step(const kt_graph *g, igraph_integer_t e, kt_own_i_key *k)
{
    k->len++;
    if (!kt_own_i_rel_capital(g, e)) {
        k->weak++; /* controls relation or declared summary */
        return;
    }
    kt_ival sh = kt_graph_rel_share(g, e);
    if (kt_ival_is_unknown(sh) || !(sh.min > 0)) {
        k->weak++;
        return;
    }
    k->cost -= log(sh.min / 100.0);
}
