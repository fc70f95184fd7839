/* own_control.c: control by majority aggregation, ultimate controllers, state influence.
 *
 * Upstream, for each entity B of the subgraph, owners first (Tarjan's order on the away
 * graph), cycles repeated until nothing changes, we find B's controllers:
 *   - every holder of a controls relation to B (declared or not);
 *   - every holder of a declared owns relation to B with more than the threshold of votes;
 *   - by aggregation: each vote holder H of B adds its votes to itself and to every entity
 *     that controls H (walking up the controllers found so far); an entity whose sum passes
 *     the threshold controls B.  A walk stops at an entity already found to control B: every
 *     controller above it controls B too, by transitivity.
 * The controllers found form the "immediate control" graph IC; the entities that control the
 * subject are those IC reaches from it.  Starting from no control and adding only what the
 * sums justify computes the least fixed point, so a cycle never justifies itself.
 * Downstream, only the subject's group matters: X is in it when the votes in X held by the
 * subject and its group pass the threshold, or a member holds a controls relation to X. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
#include "own_i.h"

typedef struct {
    const kt_own_i_sub *s;
    double thr;
    int hi;                  /* 0: lower bounds of the votes, 1: upper bounds */
    /* IC as linked lists: head[x] -> node; node: ctrl (a controller of x), next */
    igraph_integer_t *head, *nctrl, *nnext;
    size_t nn, ncap;
    /* scratch, all of size n */
    long *icmark, *wmark, *accgen;
    double *acc;
    igraph_integer_t *queue;
    long gen, wgen;
} ctl;

static double vote_bound(const ctl *c, igraph_integer_t e)
{
    kt_ival vo = kt_graph_rel_votes(c->s->g, e);
    if (kt_ival_is_unknown(vo))
        return c->hi ? 100 : 0;
    return c->hi ? vo.max : vo.min;
}

static int add(ctl *c, igraph_integer_t b, igraph_integer_t a)
{
    if (c->icmark[a] == c->gen)
        return 0;
    if (c->nn == c->ncap) {
        /* the two lists grow alike; ncap moves only when both have */
        size_t c1 = c->ncap, c2 = c->ncap;
        if (kt_grow((void **)&c->nctrl, &c1, c->nn + 1, sizeof *c->nctrl) != KT_OK ||
            kt_grow((void **)&c->nnext, &c2, c->nn + 1, sizeof *c->nnext) != KT_OK)
            return -1;
        c->ncap = c1 < c2 ? c1 : c2;
    }
    c->icmark[a] = c->gen;
    c->nctrl[c->nn] = a;
    c->nnext[c->nn] = c->head[b];
    c->head[b] = (igraph_integer_t)c->nn++;
    return 1;
}

/* Recompute the controllers of b; returns 1 when some were added, 0 if none, -1 on ENOMEM. */
static int controllers_of(ctl *c, igraph_integer_t b)
{
    const kt_own_i_sub *s = c->s;
    int changed = 0, r;
    c->gen++;
    for (igraph_integer_t k = c->head[b]; k >= 0; k = c->nnext[k])
        c->icmark[c->nctrl[k]] = c->gen;
    for (igraph_integer_t i = s->aoff[b]; i < s->aoff[b + 1]; i++) {
        igraph_integer_t e = s->aedge[i], h = s->anb[i];
        if (h == b)
            continue;
        if (kt_graph_rel_is_control(s->g, e) ||
            ((kt_graph_rel_flags(s->g, e) & KT_RF_DECLARED) && kt_own_i_above(vote_bound(c, e), c->thr))) {
            if ((r = add(c, b, h)) < 0)
                return -1;
            changed |= r;
            continue;
        }
        if (!kt_own_i_rel_capital(s->g, e))
            continue;
        double v = vote_bound(c, e);
        if (!(v > 0))
            continue;
        /* walk up from the holder: it and every entity controlling it get v once */
        c->wgen++;
        igraph_integer_t qh = 0, qt = 0;
        c->queue[qt++] = h;
        c->wmark[h] = c->wgen;
        while (qh < qt) {
            igraph_integer_t a = c->queue[qh++];
            if (c->accgen[a] != c->gen) {
                c->accgen[a] = c->gen;
                c->acc[a] = 0;
            }
            c->acc[a] += v;
            if (kt_own_i_above(c->acc[a], c->thr)) {
                if ((r = add(c, b, a)) < 0)
                    return -1;
                changed |= r;
                continue;
            }
            for (igraph_integer_t k = c->head[a]; k >= 0; k = c->nnext[k]) {
                igraph_integer_t z = c->nctrl[k];
                if (z == b || c->wmark[z] == c->wgen)
                    continue;
                c->wmark[z] = c->wgen;
                c->queue[qt++] = z;
            }
        }
    }
    return changed;
}

/* Controllers of the subject in one mode: IC from the fixed point, then what IC reaches
 * from the subject, its top components, and state influence. */
static kt_err upstream_mode(ctl *c, const kt_own_i_comps *comps, unsigned char *reach, unsigned char *ultimate,
                            unsigned char *state)
{
    const kt_own_i_sub *s = c->s;
    igraph_integer_t n = s->n;
    kt_err rc = KT_OK;
    igraph_integer_t *off = NULL, *nb = NULL, *roff = NULL, *rnb = NULL;
    kt_own_i_comps ic;

    memset(&ic, 0, sizeof ic);
    for (igraph_integer_t ci = 0; ci < comps->ncomp; ci++) {
        igraph_integer_t b = comps->comp_off[ci], e = comps->comp_off[ci + 1];
        int changed;
        do {
            changed = 0;
            for (igraph_integer_t p = b; p < e; p++) {
                int r = controllers_of(c, comps->order[p]);
                if (r < 0)
                    return KT_ENOMEM;
                changed |= r;
            }
        } while (changed && e - b > 1);
    }
    /* IC as CSR (x -> its controllers) and reversed (x -> what it controls) */
    off = calloc((size_t)n + 1, sizeof *off);
    roff = calloc((size_t)n + 2, sizeof *roff);
    nb = malloc((c->nn + 1) * sizeof *nb);
    rnb = malloc((c->nn + 1) * sizeof *rnb);
    if (!off || !roff || !nb || !rnb) {
        rc = KT_ENOMEM;
        goto out;
    }
    igraph_integer_t k = 0;
    for (igraph_integer_t x = 0; x < n; x++) {
        off[x] = k;
        for (igraph_integer_t j = c->head[x]; j >= 0; j = c->nnext[j]) {
            nb[k++] = c->nctrl[j];
            roff[c->nctrl[j] + 2]++;
        }
    }
    off[n] = k;
    for (igraph_integer_t x = 0; x < n; x++)
        roff[x + 2] += roff[x + 1];
    for (igraph_integer_t x = 0; x < n; x++)
        for (igraph_integer_t j = off[x]; j < off[x + 1]; j++)
            rnb[roff[nb[j] + 1]++] = x;
    /* who controls the subject: what IC reaches from it; the top components are ultimate */
    igraph_integer_t root = 0;
    if ((rc = kt_own_i_scc(n, off, nb, &root, 1, &ic)) != KT_OK)
        goto out;
    for (igraph_integer_t ci = 0; ci < ic.ncomp; ci++) {
        int top = 1;
        for (igraph_integer_t p = ic.comp_off[ci]; p < ic.comp_off[ci + 1] && top; p++) {
            igraph_integer_t x = ic.order[p];
            for (igraph_integer_t j = off[x]; j < off[x + 1] && top; j++)
                top = ic.comp[nb[j]] == ci;
        }
        for (igraph_integer_t p = ic.comp_off[ci]; p < ic.comp_off[ci + 1]; p++) {
            igraph_integer_t x = ic.order[p];
            if (x == 0)
                continue;
            reach[x] = 1;
            ultimate[x] = (unsigned char)top;
        }
    }
    /* state influence: states and state-owned entities, and everything IC says they control */
    igraph_integer_t qh = 0, qt = 0;
    igraph_integer_t *q = c->queue;
    for (igraph_integer_t x = 0; x < n; x++) {
        igraph_integer_t v = s->vert[x];
        state[x] = kt_graph_entity_type(s->g, v) == KT_ENT_STATE ||
                   (kt_graph_entity_flags(s->g, v) & KT_EF_STATE_OWNED);
        if (state[x])
            q[qt++] = x;
    }
    while (qh < qt) {
        igraph_integer_t x = q[qh++];
        for (igraph_integer_t j = roff[x]; j < roff[x + 1]; j++)
            if (!state[rnb[j]]) {
                state[rnb[j]] = 1;
                q[qt++] = rnb[j];
            }
    }
out:
    kt_own_i_comps_destroy(&ic);
    free(off);
    free(nb);
    free(roff);
    free(rnb);
    return rc;
}

/* Downstream: in[x] = 1 when the subject controls x. */
static void downstream_mode(ctl *c, const kt_own_i_comps *comps, unsigned char *in)
{
    const kt_own_i_sub *s = c->s;
    in[0] = 1;
    for (igraph_integer_t ci = comps->ncomp - 1; ci >= 0; ci--) {
        igraph_integer_t b = comps->comp_off[ci], e = comps->comp_off[ci + 1];
        int changed;
        do {
            changed = 0;
            for (igraph_integer_t p = b; p < e; p++) {
                igraph_integer_t x = comps->order[p];
                double sum = 0;
                int yes = 0;
                if (in[x])
                    continue;
                for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1] && !yes; i++) {
                    igraph_integer_t ed = s->tedge[i];
                    if (!in[s->tnb[i]])
                        continue;
                    if (kt_graph_rel_is_control(s->g, ed) ||
                        ((kt_graph_rel_flags(s->g, ed) & KT_RF_DECLARED) && kt_own_i_above(vote_bound(c, ed), c->thr)))
                        yes = 1;
                    else if (kt_own_i_rel_capital(s->g, ed))
                        sum += vote_bound(c, ed);
                }
                if (yes || kt_own_i_above(sum, c->thr)) {
                    in[x] = 1;
                    changed = 1;
                }
            }
        } while (changed && e - b > 1);
    }
}

kt_err kt_own_i_control(const kt_own_i_sub *s, const kt_own_i_comps *comps, double threshold, unsigned char *ctrl,
                        unsigned char *ult, unsigned char *state)
{
    kt_err rc = KT_OK;
    igraph_integer_t n = s->n;
    unsigned char *reach = NULL, *top = NULL, *st = NULL;
    ctl c;

    memset(&c, 0, sizeof c);
    c.s = s;
    c.thr = threshold;
    size_t sz = (size_t)n + 1;
    c.head = malloc(sz * sizeof *c.head);
    c.icmark = calloc(sz, sizeof *c.icmark);
    c.wmark = calloc(sz, sizeof *c.wmark);
    c.accgen = calloc(sz, sizeof *c.accgen);
    c.acc = calloc(sz, sizeof *c.acc);
    c.queue = malloc(sz * sizeof *c.queue);
    reach = malloc(sz);
    top = malloc(sz);
    st = malloc(sz);
    if (!c.head || !c.icmark || !c.wmark || !c.accgen || !c.acc || !c.queue || !reach || !top || !st) {
        rc = KT_ENOMEM;
        goto out;
    }
    memset(ctrl, KT_OWN_NO, sz - 1);
    if (ult)
        memset(ult, 0, sz - 1);
    if (state)
        memset(state, 0, sz - 1);
    for (int hi = 1; hi >= 0; hi--) {
        c.hi = hi;
        c.nn = 0;
        for (igraph_integer_t x = 0; x < n; x++)
            c.head[x] = -1;
        memset(reach, 0, sz);
        memset(top, 0, sz);
        if (s->down) {
            downstream_mode(&c, comps, reach);
        } else if ((rc = upstream_mode(&c, comps, reach, top, st)) != KT_OK) {
            goto out;
        }
        for (igraph_integer_t x = 0; x < n; x++) {
            if (reach[x] && (s->down ? x != 0 : 1))
                ctrl[x] = hi ? KT_OWN_MAY : KT_OWN_YES;
            if (!s->down) {
                if (top[x])
                    ult[x] |= (unsigned char)(hi ? 2 : 1);
                if (st[x])
                    state[x] |= (unsigned char)(hi ? 2 : 1);
            }
        }
    }
out:
    free(c.head);
    free(c.nctrl);
    free(c.nnext);
    free(c.icmark);
    free(c.wmark);
    free(c.accgen);
    free(c.acc);
    free(c.queue);
    free(reach);
    free(top);
    free(st);
    return rc;
}
