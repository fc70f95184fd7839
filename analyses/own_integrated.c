/* own_integrated.c: integrated ownership as intervals (see kt_own.h for the method).
 *
 * Written for the upstream case; the downstream case is the same recurrence on the
 * transposed matrix, which the local subgraph already provides (its "toward" lists).
 * With a_e the share of relation e as a fraction, for every local vertex x:
 *     u[x] = [x is the subject] + sum over capital relations e from x towards the subject
 *            of a_e * u[far end of e]
 * so u = (I - A)^-1 e_subject: u[x] (x not the subject) is x's integrated interest, and
 * u[subject] - 1 the subject's interest in itself through cross-holdings.  Components are
 * taken subject-first (the reverse of Tarjan's order on the away graph); inside a cycle,
 * Gauss-Seidel sweeps until no value moves by more than 1e-9.  Values are clamped at 1
 * (100%; the subject at 2), which also bounds sweeps whose upper shares sum beyond 100%. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "own_i.h"

#define MAX_SWEEPS 100000L
#define TOL 1e-9

enum { KN = 1, UK = 2 }; /* a walk to the subject with known shares / with an unknown share */

/* One update of x; returns the largest change and sets *flip when the walk flags changed. */
static double update(const kt_own_i_sub *s, const double *a[4], double *u[4], unsigned char *walk,
                     igraph_integer_t x, int *flip)
{
    double nu[4] = {0, 0, 0, 0};
    unsigned char w = x == 0 ? KN : 0;
    if (x == 0)
        nu[0] = nu[1] = nu[2] = nu[3] = 1;
    for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1]; i++) {
        if (!kt_own_i_rel_capital(s->g, s->tedge[i]))
            continue;
        igraph_integer_t k = s->tnb[i];
        for (int j = 0; j < 4; j++)
            nu[j] += a[j][i] * u[j][k];
        /* walk flags: an unknown share on the step makes every walk through it unknown */
        unsigned char wk = walk[k];
        if (kt_ival_is_unknown(kt_graph_rel_share(s->g, s->tedge[i]))) {
            if (wk)
                w |= UK;
        } else {
            w |= wk;
        }
    }
    double cap = x == 0 ? 2 : 1, d = 0;
    for (int j = 0; j < 4; j++) {
        if (nu[j] > cap)
            nu[j] = cap;
        double dd = fabs(nu[j] - u[j][x]);
        if (dd > d)
            d = dd;
        u[j][x] = nu[j];
    }
    if (w != walk[x]) {
        walk[x] = w;
        *flip = 1;
    }
    return d;
}

kt_err kt_own_i_integrated(const kt_own_i_sub *s, const kt_own_i_comps *c, double *u[4], unsigned char *status,
                           long *sweeps, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    double *a[4] = {NULL, NULL, NULL, NULL};
    unsigned char *walk = NULL;
    igraph_integer_t m = s->m;

    *sweeps = 0;
    for (int j = 0; j < 4; j++)
        if (!(a[j] = malloc(((size_t)m + 1) * sizeof *a[j]))) {
            rc = KT_ENOMEM;
            goto out;
        }
    if (!(walk = calloc((size_t)s->n + 1, 1))) {
        rc = KT_ENOMEM;
        goto out;
    }
    /* the four bounds of each toward relation, as fractions: unknown min 0, unknown max 1 */
    for (igraph_integer_t i = 0; i < m; i++) {
        igraph_integer_t e = s->tedge[i];
        kt_ival sh = kt_graph_rel_share(s->g, e), vo = kt_graph_rel_votes(s->g, e);
        a[0][i] = kt_ival_is_unknown(sh) ? 0 : sh.min / 100;
        a[1][i] = kt_ival_is_unknown(sh) ? 1 : sh.max / 100;
        a[2][i] = kt_ival_is_unknown(vo) ? 0 : vo.min / 100;
        a[3][i] = kt_ival_is_unknown(vo) ? 1 : vo.max / 100;
    }
    for (igraph_integer_t x = 0; x < s->n; x++)
        for (int j = 0; j < 4; j++)
            u[j][x] = 0;
    const double *ca[4] = {a[0], a[1], a[2], a[3]};
    for (igraph_integer_t ci = c->ncomp - 1; ci >= 0; ci--) {
        igraph_integer_t b = c->comp_off[ci], e = c->comp_off[ci + 1];
        int flip = 0;
        if (e - b == 1) {
            update(s, ca, u, walk, c->order[b], &flip);
            continue;
        }
        /* a cycle: sweep to a fixed point */
        long sw = 0;
        for (;;) {
            double d = 0;
            flip = 0;
            for (igraph_integer_t p = b; p < e; p++) {
                double dd = update(s, ca, u, walk, c->order[p], &flip);
                if (dd > d)
                    d = dd;
            }
            sw++;
            if (d < TOL && !flip)
                break;
            if (sw >= MAX_SWEEPS) {
                rc = kt_errinfo_set(ei, KT_EINVALID, "", 0,
                                    "ownership cycle through \"%s\" does not converge after %ld sweeps",
                                    kt_graph_entity_id(s->g, s->vert[c->order[b]]), sw);
                goto out;
            }
        }
        *sweeps += sw;
    }
    for (igraph_integer_t x = 0; x < s->n; x++) {
        int kn = walk[x] & KN, uk = walk[x] & UK;
        status[x] = kn && uk ? KT_OWN_PARTIAL : kn ? KT_OWN_KNOWN : uk ? KT_OWN_UNKNOWN : KT_OWN_NONE;
    }
out:
    for (int j = 0; j < 4; j++)
        free(a[j]);
    free(walk);
    return rc;
}
