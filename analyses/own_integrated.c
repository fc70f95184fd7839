/* own_integrated.c: integrated ownership as intervals: the exact walk sum (see kt_own.h and
 * docs/ownership.md "Integrated ownership").
 *
 * Written for the upstream case; the downstream case is the same recurrence on the
 * transposed matrix, which the local subgraph already provides (its "toward" lists).
 * For one bound (capital min, capital max, votes min, votes max) with a_e the share of
 * relation e as a fraction (unknown: 0 for a min, 1 for a max), for every local vertex x:
 *     u[x] = [x is the subject] + sum over capital relations e from x towards the subject
 *            of a_e * u[far end of e]
 * so u = (I - W)^-1 e_subject is the sum over every walk of the product of its shares:
 * u[x] (x not the subject) is x's integrated interest, u[subject] - 1 the subject's interest
 * in itself.  Nothing is clamped here: a cap fed into the next sum would make every later
 * sum wrong (a 90/90 cross-holding: the outside holders add up to exactly 100%).
 *
 * Method, for each bound separately: strongly connected components of the relations with a
 * positive share (a zero share carries no walk), solved subject-first (the reverse of
 * Tarjan's order on the away graph), so each component sees its nearer components solved.
 * In a component C with right-hand side b (the subject's 1 and the walks that leave C):
 *   - b = 0: every walk from C to the subject has a zero product: u = 0;
 *   - b has an infinite entry: every member reaches that one: u = infinity;
 *   - one entity (no self-loop: those are left out): u = b;
 *   - up to DENSE_MAX entities: exact elimination of (I - W_C) u = b without pivoting.
 *     I - W_C is a Z-matrix; it is a nonsingular M-matrix (the walk sum converges, spectral
 *     radius of W_C below 1) exactly when every pivot is positive, and then elimination is
 *     stable.  A pivot at or below PIVOT_MIN: the walk sum diverges (C is irreducible and b is
 *     not 0, so every member's sum is infinite).  O(|C|^3), at most DENSE_MAX^3;
 *   - larger: Gauss-Seidel from 0 in discovery order (a long cycle converges in few sweeps),
 *     monotone towards the walk sum; stops when a bound on the remaining error is below
 *     REL_TOL of each value, and declares divergence (infinity) when a lower bound on the
 *     spectral radius reaches 1 or a value passes HUGE_SUM (see solve_sweeps); each sweep
 *     O(|E_C|).
 * Status (known / partial / unknown / none) is reachability over all capital relations,
 * whatever their share: O(|U| + |E_U|). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "own_i.h"

#ifndef KT_OWN_DENSE_MAX
#define KT_OWN_DENSE_MAX 200 /* a -D for the differential test of the sweeps: make difftest DENSE_MAX=1 */
#endif
#define DENSE_MAX KT_OWN_DENSE_MAX
#define PIVOT_MIN 1e-12
#define REL_TOL 1e-12
#define HUGE_SUM 1e12
#define MAX_WORK 4000000000.0 /* relation visits spent on one component before giving up */

enum { KN = 1, UK = 2 }; /* a walk to the subject with known shares / with an unknown share */

typedef struct {
    const kt_own_i_sub *s;
    const double *a;   /* share per toward position */
    double *u;
    kt_own_i_comps c;  /* components of the positive relations */
    igraph_integer_t *pos;
    double *dense, *rhs;
    long sweeps;
    unsigned char *cyc; /* when set: bit 1 on a cycle, bit 2 on the subject's cycle */
} solver;

/* b[x]: the subject's 1 plus the walks that leave x's component. */
static double rhs_of(const solver *v, igraph_integer_t x, igraph_integer_t ci)
{
    const kt_own_i_sub *s = v->s;
    double b = x == 0 ? 1 : 0;
    for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1]; i++) {
        igraph_integer_t y = s->tnb[i];
        if (v->a[i] > 0 && v->c.comp[y] >= 0 && v->c.comp[y] != ci)
            b += v->a[i] * v->u[y];
    }
    return b;
}

static void set_all(solver *v, igraph_integer_t b, igraph_integer_t e, double x)
{
    for (igraph_integer_t p = b; p < e; p++)
        v->u[v->c.order[p]] = x;
}

/* Exact elimination on a component of k <= DENSE_MAX entities. */
static kt_err solve_dense(solver *v, igraph_integer_t ci, igraph_integer_t b, igraph_integer_t e)
{
    const kt_own_i_sub *s = v->s;
    size_t k = (size_t)(e - b);
    double *m = v->dense, *r = v->rhs;
    v->sweeps++;
    memset(m, 0, k * k * sizeof *m);
    for (size_t i = 0; i < k; i++) {
        igraph_integer_t x = v->c.order[b + (igraph_integer_t)i];
        m[i * k + i] = 1;
        r[i] = rhs_of(v, x, ci);
        for (igraph_integer_t j = s->toff[x]; j < s->toff[x + 1]; j++)
            if (v->a[j] > 0 && v->c.comp[s->tnb[j]] == ci)
                m[i * k + (size_t)v->pos[s->tnb[j]]] -= v->a[j];
    }
    for (size_t c = 0; c < k; c++) {
        double piv = m[c * k + c];
        if (!(piv > PIVOT_MIN)) {
            set_all(v, b, e, INFINITY);
            return KT_OK;
        }
        for (size_t i = c + 1; i < k; i++) {
            double f = m[i * k + c] / piv;
            if (f == 0)
                continue;
            for (size_t j = c; j < k; j++)
                m[i * k + j] -= f * m[c * k + j];
            r[i] -= f * r[c];
        }
    }
    for (size_t i = k; i-- > 0;) {
        double x = r[i];
        for (size_t j = i + 1; j < k; j++)
            x -= m[i * k + j] * r[j];
        r[i] = x / m[i * k + i];
        v->u[v->c.order[b + (igraph_integer_t)i]] = r[i];
    }
    return KT_OK;
}

/* Gauss-Seidel on a large component.  After each sweep, with u > 0 on the component, the
 * Collatz-Wielandt bounds min_x (W_C u)_x / u_x <= rho(W_C) <= max_x (W_C u)_x / u_x decide:
 * a lower bound of at least 1 - PIVOT_MIN: the sum diverges; an upper bound R < 1: the error
 * e = (I - W_C)^-1 r of the residual r = b + W u - u >= 0 (iterates from 0 stay below the
 * sum) is at most max_x (r_x / u_x) / (1 - R) times u, so the sweeps stop once that is below
 * REL_TOL.  Each sweep and each check: O(|E_C|). */
static kt_err solve_sweeps(solver *v, igraph_integer_t ci, igraph_integer_t b, igraph_integer_t e, kt_errinfo *ei)
{
    const kt_own_i_sub *s = v->s;
    double work = 0;
    for (long sw = 1;; sw++) {
        double d = 0, top = 0;
        /* Tarjan's order lists a component last-discovered first: go backwards */
        for (igraph_integer_t p = e; p-- > b;) {
            igraph_integer_t x = v->c.order[p];
            double nu = x == 0 ? 1 : 0;
            for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1]; i++)
                if (v->a[i] > 0)
                    nu += v->a[i] * v->u[s->tnb[i]];
            work += 2.0 * (double)(s->toff[x + 1] - s->toff[x]) + 2;
            if (nu - v->u[x] > d)
                d = nu - v->u[x]; /* monotone from 0: values only grow */
            v->u[x] = nu;
            if (nu > top)
                top = nu;
        }
        v->sweeps++;
        if (d == 0) /* a fixed point in floating point */
            return KT_OK;
        if (top > HUGE_SUM) {
            set_all(v, b, e, INFINITY);
            return KT_OK;
        }
        double lo = INFINITY, hi = 0, res = 0;
        int pos = 1;
        for (igraph_integer_t p = b; p < e && pos; p++) {
            igraph_integer_t x = v->c.order[p];
            double in = 0, all = x == 0 ? 1 : 0, ux = v->u[x];
            for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1]; i++)
                if (v->a[i] > 0) {
                    double t = v->a[i] * v->u[s->tnb[i]];
                    all += t;
                    if (v->c.comp[s->tnb[i]] == ci)
                        in += t;
                }
            if (!(ux > 0)) {
                pos = 0;
                break;
            }
            lo = fmin(lo, in / ux);
            hi = fmax(hi, in / ux);
            res = fmax(res, (all - ux) / ux);
        }
        if (pos && lo >= 1 - PIVOT_MIN) {
            set_all(v, b, e, INFINITY);
            return KT_OK;
        }
        if (pos && hi < 1 && res / (1 - hi) <= REL_TOL)
            return KT_OK;
        if (work > MAX_WORK)
            return kt_errinfo_set(ei, KT_EINVALID, "", 0,
                                  "ownership cycle through \"%s\" does not converge after %ld sweeps",
                                  kt_graph_entity_id(s->g, s->vert[v->c.order[b]]), sw);
    }
}

/* One bound: components of the relations with a positive share, then each solved. */
static kt_err solve_bound(solver *v, kt_errinfo *ei)
{
    const kt_own_i_sub *s = v->s;
    igraph_integer_t n = s->n;
    kt_err rc = KT_OK;
    /* the away graph restricted to positive capital relations, as CSR */
    igraph_integer_t *off = calloc((size_t)n + 2, sizeof *off), *nb = malloc(((size_t)s->m + 1) * sizeof *nb);
    if (!off || !nb) {
        rc = KT_ENOMEM;
        goto out;
    }
    /* toward position i (x -> y) is the away relation y -> x */
    for (igraph_integer_t x = 0; x < n; x++)
        for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1]; i++)
            if (v->a[i] > 0)
                off[s->tnb[i] + 2]++;
    for (igraph_integer_t x = 0; x < n; x++)
        off[x + 2] += off[x + 1];
    for (igraph_integer_t x = 0; x < n; x++)
        for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1]; i++)
            if (v->a[i] > 0)
                nb[off[s->tnb[i] + 1]++] = x;
    /* every entity a root, so cycles away from the positive walks are known too (their sums: 0) */
    if ((rc = kt_own_i_scc(n, off, nb, NULL, 0, &v->c)) != KT_OK)
        goto out;
    for (igraph_integer_t x = 0; x < n && v->cyc; x++) {
        igraph_integer_t ci = v->c.comp[x];
        if (ci >= 0 && v->c.comp_off[ci + 1] - v->c.comp_off[ci] > 1)
            v->cyc[x] = (unsigned char)(1 | (ci == v->c.comp[0] ? 2 : 0));
    }
    for (igraph_integer_t x = 0; x < n; x++)
        v->u[x] = 0;
    for (igraph_integer_t ci = v->c.ncomp - 1; ci >= 0 && rc == KT_OK; ci--) {
        igraph_integer_t b = v->c.comp_off[ci], e = v->c.comp_off[ci + 1];
        int zero = 1, inf = 0;
        for (igraph_integer_t p = b; p < e; p++) {
            igraph_integer_t x = v->c.order[p];
            double r = rhs_of(v, x, ci);
            v->pos[x] = p - b;
            zero &= r == 0;
            inf |= isinf(r);
            if (e - b == 1)
                v->u[x] = r;
        }
        if (e - b == 1)
            continue;
        if (zero || inf)
            set_all(v, b, e, zero ? 0 : INFINITY);
        else if (e - b <= DENSE_MAX)
            rc = solve_dense(v, ci, b, e);
        else
            rc = solve_sweeps(v, ci, b, e, ei);
    }
out:
    kt_own_i_comps_destroy(&v->c);
    free(off);
    free(nb);
    return rc;
}

/* Status: KN when a walk of known shares reaches the subject, UK when a walk with an unknown
 * share does.  Breadth-first over the away relations, from the subject (KN) and from the
 * entities holding an unknown share in an entity that reaches the subject (UK). */
static kt_err walk_status(const kt_own_i_sub *s, unsigned char *walk)
{
    igraph_integer_t n = s->n, *q = malloc(((size_t)n + 1) * sizeof *q), qh, qt;
    unsigned char *reach = calloc((size_t)n + 1, 1);
    if (!q || !reach) {
        free(q);
        free(reach);
        return KT_ENOMEM;
    }
    for (int pass = 0; pass < 3; pass++) {
        /* pass 0: every capital walk (reach); 1: known walks (KN); 2: walks with an unknown (UK) */
        unsigned char *mark = pass == 0 ? reach : walk, bit = pass == 1 ? KN : pass == 2 ? UK : 1;
        qh = qt = 0;
        if (pass < 2) {
            mark[0] |= bit;
            q[qt++] = 0;
        } else {
            for (igraph_integer_t x = 0; x < n; x++)
                for (igraph_integer_t i = s->toff[x]; i < s->toff[x + 1]; i++)
                    if (kt_own_i_rel_capital(s->g, s->tedge[i]) && reach[s->tnb[i]] &&
                        kt_ival_is_unknown(kt_graph_rel_share(s->g, s->tedge[i])) && !(walk[x] & UK)) {
                        walk[x] |= UK;
                        q[qt++] = x;
                    }
        }
        while (qh < qt) {
            igraph_integer_t y = q[qh++];
            for (igraph_integer_t i = s->aoff[y]; i < s->aoff[y + 1]; i++) {
                igraph_integer_t x = s->anb[i], e = s->aedge[i];
                if (!kt_own_i_rel_capital(s->g, e) || (mark[x] & bit))
                    continue;
                if (pass == 1 && kt_ival_is_unknown(kt_graph_rel_share(s->g, e)))
                    continue;
                mark[x] |= bit;
                q[qt++] = x;
            }
        }
    }
    walk[0] &= (unsigned char)~KN; /* the subject's own mark was only the start */
    free(q);
    free(reach);
    return KT_OK;
}

kt_err kt_own_i_integrated(const kt_own_i_sub *s, double *u[4], unsigned char *cyc, unsigned char *status,
                           long *sweeps, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    igraph_integer_t m = s->m, n = s->n;
    solver v;
    unsigned char *walk = calloc((size_t)n + 1, 1);
    size_t dn = (size_t)(n < DENSE_MAX ? n : DENSE_MAX);

    memset(&v, 0, sizeof v);
    v.s = s;
    double *a = malloc(((size_t)m + 1) * sizeof *a);
    v.pos = malloc(((size_t)n + 1) * sizeof *v.pos);
    v.dense = malloc((dn * dn + 1) * sizeof *v.dense);
    v.rhs = malloc((dn + 1) * sizeof *v.rhs);
    if (!walk || !a || !v.pos || !v.dense || !v.rhs) {
        rc = KT_ENOMEM;
        goto out;
    }
    v.a = a;
    memset(cyc, 0, (size_t)n);
    for (int j = 0; j < 4 && rc == KT_OK; j++) {
        if (!u[j])
            continue; /* a bound the caller does not want */
        /* the bound of each toward relation, as a fraction: unknown min 0, unknown max 1 */
        for (igraph_integer_t i = 0; i < m; i++) {
            igraph_integer_t e = s->tedge[i];
            kt_ival iv = j < 2 ? kt_graph_rel_share(s->g, e) : kt_graph_rel_votes(s->g, e);
            if (!kt_own_i_rel_capital(s->g, e))
                a[i] = 0;
            else if (kt_ival_is_unknown(iv))
                a[i] = j % 2;
            else
                a[i] = (j % 2 ? iv.max : iv.min) / 100;
        }
        v.u = u[j];
        v.cyc = j == 1 ? cyc : NULL; /* the cycles of every relation that may hold a share */
        rc = solve_bound(&v, ei);
    }
    if (rc == KT_OK && status)
        rc = walk_status(s, walk);
    if (rc == KT_OK && status)
        for (igraph_integer_t x = 0; x < n; x++) {
            int kn = walk[x] & KN, uk = walk[x] & UK;
            status[x] = kn && uk ? KT_OWN_PARTIAL : kn ? KT_OWN_KNOWN : uk ? KT_OWN_UNKNOWN : KT_OWN_NONE;
        }
    *sweeps = v.sweeps;
out:
    free(a);
    free(walk);
    free(v.pos);
    free(v.dense);
    free(v.rhs);
    return rc;
}
