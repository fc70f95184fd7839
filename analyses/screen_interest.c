/* screen_interest.c: a screening finding's interest: the marked party's integrated capital
 * interest (kt_own.h "Integrated ownership": the walk sum, lower bounds with unknown shares
 * 0, upper bounds with unknown shares 100) in the company where the path's trailing run of
 * ownership steps starts (23.5% held directly and 76.5% through a wholly owned company is
 * 100%, not the product along one path).
 *
 * Three ways, cheapest first; each gives what kt_own_upstream gives, to the bit:
 *   1. the one-walk case (single_walk): the run is the only ownership walk; the product along it.
 *      O(run length + in-degrees on it).
 *   2. the company's upstream without cycles below the party (solve): one breadth-first
 *      traversal of the upstream subgraph U of the company over owns and controls relations, in
 *      kt_own's order, then the walk sums of every entity of U whose walks to the company meet
 *      no ownership cycle, leaves first (Kahn's order over the capital relations that may hold
 *      a share), each sum taken in kt_own's order of terms, with kt_own's display rule.
 *      O(|U| + |E_U|) per company, on arrays sized once per screening (no hashing, nothing
 *      allocated per company once they have grown), memoised across bidders.
 *   3. otherwise (a cycle below the party): the ownership engine's capital interests for the
 *      company (kt_own_upstream_capital), memoised.  O(|U| + |E_U|) plus its cycle work
 *      (kt_own.h "Integrated").
 * A company is solved at most once per screening by 2 and at most once by 3.  Nothing here
 * touches the graph beyond the companies' upstream subgraphs. */
#include <stdlib.h>
#include <string.h>

#include "kt_own.h"
#include "screen_i.h"

/* The capital owns relations into v, as kt_own counts them (no self-loops, no declared
 * summaries), counted up to stop.  O(in-degree of v). */
static int capital_owners(const kt_graph *g, igraph_integer_t v, int stop)
{
    const igraph_integer_t *in;
    igraph_integer_t n = kt_graph_in(g, v, &in);
    int k = 0;
    for (igraph_integer_t i = 0; i < n && k < stop; i++)
        k += kt_graph_rel_type(g, in[i]) == KT_REL_OWNS && kt_graph_rel_from(g, in[i]) != v &&
             !(kt_graph_rel_flags(g, in[i]) & KT_RF_DECLARED);
    return k;
}

/* The one-walk case, without solving.  When the company and every holder between it and the
 * finding X have exactly one capital owner, every ownership walk from X to the company ends
 * with the run, and what comes before is a closed walk at X; when X is on no ownership cycle
 * (it has no capital owner, or lies on no cycle of capital ownership) there is none, so the run
 * is the only walk and the walk sum is the product along it (lower bounds, unknown 0; upper
 * bounds, unknown 100), as kt_own_upstream would give.  1 when it applies.
 * O(run length + in-degrees). */
static int single_walk(const kt_screen *s, kt_screen_item *x, int k)
{
    kt_ival in = {100, 100};
    if (s->cyclic[x->node] && capital_owners(s->g, x->node, 1))
        return 0;
    for (int i = k; i < x->depth; i++)
        if (capital_owners(s->g, x->nodes[i], 2) != 1)
            return 0;
    for (int i = k; i < x->depth; i++) {
        kt_ival sh = kt_graph_rel_share(s->g, x->edges[i]);
        if (kt_graph_rel_flags(s->g, x->edges[i]) & KT_RF_DECLARED)
            return 0;
        in.min *= kt_ival_is_unknown(sh) ? 0 : sh.min / 100;
        in.max *= kt_ival_is_unknown(sh) ? 1 : sh.max / 100;
    }
    x->interest = in;
    return 1;
}

/* The owners index: the snapshot's when it keeps one for these directors, else made here
 * (kt_graph_owners_build).  O(|V| + |E|), nothing when kept. */
kt_err kt_screen_i_owners(kt_screen *s, const uint8_t *bits)
{
    kt_graph_owners o;
    if (!kt_graph_owners_kept(s->g, &o)) {
        kt_err rc = kt_graph_owners_build(s->g, kt_graph_directors_control(s->g), bits, &s->oin_made);
        if (rc != KT_OK)
            return rc;
        o = s->oin_made;
    }
    s->oin_off = o.off;
    s->oin_from = o.from;
    s->oin_rel = o.rel;
    return KT_OK;
}

/* A share bound as kt_own multiplies it: a fraction, unknown min 0, unknown max 1. */
static void bounds(const kt_graph *g, igraph_integer_t e, double *lo, double *hi)
{
    kt_ival iv = kt_graph_rel_share(g, e);
    *lo = kt_ival_is_unknown(iv) ? 0 : iv.min / 100;
    *hi = kt_ival_is_unknown(iv) ? 1 : iv.max / 100;
}

/* The local ids: linear probing from a Fibonacci hash; a slot of an earlier traversal (another
 * stamp) is empty.  The table holds the traversal's vertices only (a few thousand slots where a
 * per-vertex array would span the graph), so a lookup stays in cache.  O(1) expected. */
static size_t slot_of(const kt_screen_i_memo *m, int32_t v)
{
    return (size_t)(((uint64_t)(uint32_t)v * 0x9e3779b97f4a7c15ull) >> 32) & (m->cap_sl - 1);
}

/* Local vertex of global v in the current traversal, or -1. */
static int32_t local(const kt_screen_i_memo *m, int32_t v)
{
    for (size_t h = slot_of(m, v);; h = (h + 1) & (m->cap_sl - 1)) {
        if (m->sl[h].stamp != m->epoch)
            return -1;
        if (m->sl[h].v == v)
            return m->sl[h].loc;
    }
}

static void put_slot(kt_screen_i_memo *m, int32_t v, int32_t loc)
{
    size_t h = slot_of(m, v);
    while (m->sl[h].stamp == m->epoch)
        h = (h + 1) & (m->cap_sl - 1);
    m->sl[h].stamp = m->epoch;
    m->sl[h].v = v;
    m->sl[h].loc = loc;
}

/* Give v (not yet met) the local id n, the table kept at most half full: when it would be
 * more, twice the slots, the n vertices met so far put in again.  Amortised O(1). */
static kt_err add_local(kt_screen_i_memo *m, int32_t v, size_t n)
{
    if (2 * (n + 1) > m->cap_sl) {
        size_t cap = m->cap_sl ? 2 * m->cap_sl : 4096;
        void *t = calloc(cap, sizeof *m->sl);
        if (!t)
            return KT_ENOMEM;
        free(m->sl);
    free(m->ein);
        m->sl = t;
        m->cap_sl = cap;
        m->epoch = 1;
        for (size_t i = 0; i < n; i++)
            put_slot(m, m->vert[i], (int32_t)i);
    }
    put_slot(m, v, (int32_t)n);
    return KT_OK;
}

/* Way 2 for company c: append the marked parties of its upstream whose walk sums meet no
 * ownership cycle to m->ent; *partial set when a marked party's does.  See the top comment. */
kt_err kt_screen_i_solve(const kt_screen *s, kt_screen_i_memo *m, igraph_integer_t c, int *partial)
{
    const kt_graph *g = s->g;
    kt_err rc;

    if (++m->epoch == 0) { /* wrapped: forget every stamp */
        if (m->sl)
            memset(m->sl, 0, m->cap_sl * sizeof *m->sl);
        m->epoch = 1;
    }
    /* U in kt_own's local order: breadth-first from c over the in-edges that are owns or
     * controls relations; vert doubles as the queue.  On the way, each entity's capital
     * in-edges (its away list, as kt_own_i_sub has it) go to cfrom/cab from coff[y] on, so
     * that the passes below read the graph no more. */
    size_t n = 0, mt = 0;
    if ((rc = kt_vmap_grow((void **)&m->vert, &m->cap_v, 1, sizeof *m->vert)) != KT_OK)
        return rc;
    if ((rc = add_local(m, (int32_t)c, 0)) != KT_OK)
        return rc;
    m->vert[n++] = (int32_t)c;
    for (size_t h = 0; h < n; h++) {
        if ((rc = kt_vmap_grow((void **)&m->coff, &m->cap_coff, h + 2, sizeof *m->coff)) != KT_OK)
            return rc;
        m->coff[h] = (int32_t)mt;
        int32_t y = m->vert[h];
        /* the owners of the vertices a few places on in the queue, on their way into the cache:
         * where their runs start, then the runs */
        if (h + 8 < n)
            __builtin_prefetch(&s->oin_off[m->vert[h + 8]]);
        if (h + 4 < n && s->oin_from) {
            int32_t o = s->oin_off[m->vert[h + 4]];
            __builtin_prefetch(&s->oin_from[o]);
            __builtin_prefetch(&s->oin_rel[o]);
        }
        for (int32_t i = s->oin_off[y]; i < s->oin_off[y + 1]; i++) {
            int32_t x = s->oin_from[i];
            igraph_integer_t e = (igraph_integer_t)(s->oin_rel[i] & ~KT_OWNER_CAPITAL);
            int32_t lx = local(m, x);
            if (lx < 0) {
                if ((rc = kt_vmap_grow((void **)&m->vert, &m->cap_v, n + 1, sizeof *m->vert)) != KT_OK ||
                    (rc = add_local(m, x, n)) != KT_OK)
                    return rc;
                lx = (int32_t)n;
                m->vert[n++] = (int32_t)x;
            }
            if (!(s->oin_rel[i] & KT_OWNER_CAPITAL))
                continue;
            if ((rc = kt_vmap_grow((void **)&m->cfrom, &m->cap_cfrom, mt + 1, sizeof *m->cfrom)) != KT_OK ||
                (rc = kt_vmap_grow((void **)&m->cab, &m->cap_cab, 2 * mt + 2, sizeof *m->cab)) != KT_OK)
                return rc;
            m->cfrom[mt] = lx;
            bounds(g, e, &m->cab[2 * mt], &m->cab[2 * mt + 1]);
            mt++;
        }
    }
    m->coff[n] = (int32_t)mt;
    if ((rc = kt_vmap_grow((void **)&m->toff, &m->cap_off, n + 2, sizeof *m->toff)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&m->cnt, &m->cap_cnt, n + 1, sizeof *m->cnt)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&m->u, &m->cap_u, 2 * n + 2, sizeof *m->u)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&m->tnb, &m->cap_t, mt + 1, sizeof *m->tnb)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&m->ta, &m->cap_ta, 2 * mt + 2, sizeof *m->ta)) != KT_OK ||
        (rc = kt_vmap_grow((void **)&m->queue, &m->cap_q, n + 1, sizeof *m->queue)) != KT_OK)
        return rc;
    /* toward lists (transposed away lists): for y in local order, its capital in-edges in
     * order, as kt_own_i_sub_build lays them out; cnt[x]: x's relations that may hold a share */
    memset(m->toff, 0, (n + 2) * sizeof *m->toff);
    memset(m->cnt, 0, n * sizeof *m->cnt);
    for (size_t k = 0; k < mt; k++)
        m->toff[m->cfrom[k] + 2]++;
    for (size_t x = 0; x < n; x++)
        m->toff[x + 2] += m->toff[x + 1];
    for (size_t y = 0; y < n; y++)
        for (int32_t k = m->coff[y]; k < m->coff[y + 1]; k++) {
            int32_t x = m->cfrom[k], p = m->toff[x + 1]++;
            m->tnb[p] = (int32_t)y;
            m->ta[2 * p] = m->cab[2 * k];
            m->ta[2 * p + 1] = m->cab[2 * k + 1];
            m->cnt[x] += m->cab[2 * k + 1] > 0;
        }
    /* Kahn's order over the relations that may hold a share, from the leaves (c, and entities
     * whose relations all hold nothing): an entity is summed once every entity it holds is.
     * Entities on an ownership cycle, or above one, are never reached: they are left to way 3.
     * Each sum as kt_own's rhs_of takes it: terms in toward order, zero shares skipped. */
    size_t head = 0, tail = 0;
    int32_t *queue = m->queue;
    for (size_t x = 0; x < n; x++)
        if (!m->cnt[x])
            queue[tail++] = (int32_t)x;
    while (head < tail) {
        int32_t x = queue[head++];
        double lo = x == 0 ? 1 : 0, hi = lo;
        for (int32_t p = m->toff[x]; p < m->toff[x + 1]; p++) {
            if (m->ta[2 * p] > 0)
                lo += m->ta[2 * p] * m->u[2 * m->tnb[p]];
            if (m->ta[2 * p + 1] > 0)
                hi += m->ta[2 * p + 1] * m->u[2 * m->tnb[p] + 1];
        }
        m->u[2 * x] = lo;
        m->u[2 * x + 1] = hi;
        for (int32_t k = m->coff[x]; k < m->coff[x + 1]; k++)
            if (m->cab[2 * k + 1] > 0 && --m->cnt[m->cfrom[k]] == 0)
                queue[tail++] = m->cfrom[k];
    }
    /* the marked parties (c itself is no party of its own upstream); the display rule of
     * kt_own for an entity on no ownership cycle: at most 100 */
    for (size_t x = 1; x < n; x++) {
        if (!(s->reasons[m->vert[x]] & KT_REASON_RISK))
            continue;
        if (m->cnt[x]) {
            *partial = 1;
            continue;
        }
        if ((rc = kt_vmap_grow((void **)&m->ent, &m->cap_ent, m->nent + 1, sizeof *m->ent)) != KT_OK)
            return rc;
        kt_ival iv = {100 * m->u[2 * x], 100 * m->u[2 * x + 1]};
        m->ent[m->nent].v = m->vert[x];
        m->ent[m->nent++].capital = (kt_ival){iv.min > 100 ? 100 : iv.min, iv.max > 100 ? 100 : iv.max};
    }
    return KT_OK;
}

/* Way 3 for company c: append every marked party of its upstream with its capital interest
 * from the ownership engine (kt_own_upstream_capital: kt_own_upstream's numbers; none when a
 * cycle does not converge: the interest stays unknown). */
/* kt_own_in_fn over the owners index: v's run, as relation numbers in the memo's scratch
 * (kt_graph_in's relations that are owns or controls, in its order).  O(the run). */
typedef struct {
    const kt_screen *s;
    kt_screen_i_memo *m;
    int oom;
} owners_in;

static igraph_integer_t in_owners(void *ctx, igraph_integer_t v, const igraph_integer_t **eids)
{
    owners_in *o = ctx;
    const kt_screen *s = o->s;
    kt_screen_i_memo *m = o->m;
    int32_t lo = s->oin_off[v], hi = s->oin_off[v + 1];
    if (kt_vmap_grow((void **)&m->ein, &m->cap_ein, (size_t)(hi - lo) + 1, sizeof *m->ein) != KT_OK) {
        o->oom = 1;
        *eids = NULL;
        return 0;
    }
    for (int32_t i = lo; i < hi; i++)
        m->ein[i - lo] = (igraph_integer_t)(s->oin_rel[i] & ~KT_OWNER_CAPITAL);
    *eids = m->ein;
    return hi - lo;
}

kt_err kt_screen_i_solve_own(const kt_screen *s, kt_screen_i_memo *m, igraph_integer_t c)
{
    kt_own_capital r;
    kt_errinfo ei;
    owners_in oi = {s, m, 0};
    kt_err rc = kt_own_upstream_capital_in(s->g, c, in_owners, &oi, &r, &ei);
    if (oi.oom && rc == KT_OK) {
        kt_own_capital_destroy(&r);
        return KT_ENOMEM;
    }
    if (rc == KT_ENOMEM)
        return rc;
    for (size_t i = 0; rc == KT_OK && i < r.n; i++) {
        if (!(s->reasons[r.v[i]] & KT_REASON_RISK))
            continue;
        if ((rc = kt_vmap_grow((void **)&m->ent, &m->cap_ent, m->nent + 1, sizeof *m->ent)) != KT_OK)
            break;
        m->ent[m->nent].v = r.v[i];
        m->ent[m->nent++].capital = r.capital[i];
    }
    kt_own_capital_destroy(&r);
    return rc == KT_ENOMEM ? rc : KT_OK;
}

int kt_screen_i_interest_fast(const kt_screen *s, kt_screen_item *x, igraph_integer_t *company)
{
    int k = x->depth;
    while (k > 0 && kt_graph_rel_type(s->g, x->edges[k - 1]) == KT_REL_OWNS)
        k--;
    *company = x->nodes[k];
    return single_walk(s, x, k);
}

kt_err kt_screen_i_interest(const kt_screen *s, kt_screen_item *x)
{
    kt_screen_i_memo *m = s->memo;
    igraph_integer_t idx, c;
    int fresh;
    kt_err rc;
    if (kt_screen_i_interest_fast(s, x, &c))
        return KT_OK;
    if ((rc = kt_vmap_put(&m->map, c, &idx, &fresh)) != KT_OK)
        return rc;
    if (fresh) {
        if ((rc = kt_vmap_grow((void **)&m->at, &m->cap_at, (size_t)idx + 1, sizeof *m->at)) != KT_OK)
            return rc;
        m->at[idx].start = m->nent;
        m->at[idx].partial = 0;
        rc = kt_screen_i_solve(s, m, c, &m->at[idx].partial);
        m->at[idx].count = m->nent - m->at[idx].start;
        if (rc != KT_OK)
            return rc;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = m->at[idx].start; i < m->at[idx].start + m->at[idx].count; i++)
            if (m->ent[i].v == x->node) {
                x->interest = m->ent[i].capital;
                return KT_OK;
            }
        if (pass || !m->at[idx].partial)
            break;
        /* a marked party above an ownership cycle: the ownership engine, once for c */
        m->at[idx].start = m->nent;
        m->at[idx].partial = 0;
        rc = kt_screen_i_solve_own(s, m, c);
        m->at[idx].count = m->nent - m->at[idx].start;
        if (rc != KT_OK)
            return rc;
    }
    return KT_OK;
}

void kt_screen_i_memo_free(kt_screen_i_memo *m)
{
    if (!m)
        return;
    kt_vmap_destroy(&m->map);
    free(m->at);
    free(m->ent);
    free(m->sl);
    free(m->ein);
    free(m->vert);
    free(m->toff);
    free(m->cnt);
    free(m->tnb);
    free(m->queue);
    free(m->u);
    free(m->ta);
    free(m->coff);
    free(m->cfrom);
    free(m->cab);
    memset(m, 0, sizeof *m);
}
