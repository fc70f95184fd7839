/* own.c: kt_own_upstream and kt_own_downstream: the subgraph, the integrated interests, the
 * control, the strongest paths, put together as parties (see kt_own.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "own_i.h"

void kt_own_opts_init(kt_own_opts *o)
{
    o->control = 50;   /* majority of votes */
    o->bo = 25;        /* AMLR 2024/1624 art. 52(1) and 2015/849 art. 3(6)(a)(i): 25% */
    o->bo_gt = 0;      /* AMLR: "25% or more" */
    o->max_paths = 100;
    o->max_depth = 0;
    o->budget = 50000000;
}

const char *kt_own_ctrl_name(kt_own_ctrl c)
{
    return c == KT_OWN_YES ? "yes" : c == KT_OWN_MAY ? "may" : "no";
}

const char *kt_own_status_name(kt_own_status s)
{
    static const char *const names[] = {"known", "partial", "unknown", "none"};
    return (unsigned)s < 4 ? names[s] : "?";
}

/* pedge[x], pnext[x]: the first relation and the next local vertex of x's strongest path
 * towards the subject; plen[x] its length.  Complexity: O(|E_U| log |E_U|). */
static kt_err strongest(const kt_own_i_sub *s, igraph_integer_t *pedge, igraph_integer_t *pnext, size_t *plen)
{
    kt_own_i_tree t;
    kt_err rc = kt_own_i_tree_init(&t, s);
    if (rc != KT_OK)
        return rc;
    kt_own_i_tree_run(&t, -1, -1, NULL, 0, NULL);
    for (igraph_integer_t x = 0; x < s->n; x++) {
        int has = x > 0 && kt_own_i_tree_has(&t, x);
        pedge[x] = has ? t.pedge[x] : -1;
        pnext[x] = has ? t.pnext[x] : -1;
        plen[x] = has ? (size_t)t.key[x].len : 0;
    }
    kt_own_i_tree_destroy(&t);
    return KT_OK;
}

/* ---- assembling the result ---- */


static int party_cmp(const void *pa, const void *pb, void *ctx)
{
    const kt_graph *g = ctx; /* qsort_r context */
    const kt_own_party *a = pa, *b = pb;
    if (a->capital.min != b->capital.min)
        return a->capital.min > b->capital.min ? -1 : 1;
    if (a->capital.max != b->capital.max)
        return a->capital.max > b->capital.max ? -1 : 1;
    return strcmp(kt_graph_entity_id(g, a->v), kt_graph_entity_id(g, b->v));
}

/* The display rule, applied to the result only (never fed into another sum): an owner on no
 * ownership cycle (downstream: a source on none) cannot hold more than 100% when no company is
 * more than 100% held, so its bounds read at most 100 (a divergent upper sum reads 100); one
 * on a cycle keeps its sum. */
typedef struct {
    const kt_graph *g;
    const kt_own_result *r;
} id_ctx;

static int id_cmp(const void *pa, const void *pb, void *ctx)
{
    const id_ctx *c = ctx; /* qsort_r context */
    return strcmp(kt_graph_entity_id(c->g, c->r->parties[*(const size_t *)pa].v),
                  kt_graph_entity_id(c->g, c->r->parties[*(const size_t *)pb].v));
}

void kt_own_sort_by_id(const kt_graph *g, const kt_own_result *r, size_t *idx, size_t n)
{
    id_ctx c = {g, r};
    qsort_r(idx, n, sizeof *idx, id_cmp, &c);
}

static kt_ival pct(double lo, double hi, int cycle)
{
    kt_ival iv = {100 * lo, 100 * hi};
    if (!cycle && iv.min > 100)
        iv.min = 100;
    if (!cycle && iv.max > 100)
        iv.max = 100;
    return iv;
}

static void add_ival(kt_ival *sum, kt_ival x)
{
    sum->min += kt_ival_is_unknown(x) ? 0 : x.min;
    sum->max += kt_ival_is_unknown(x) ? 100 : x.max;
    if (sum->max > 100)
        sum->max = 100;
    if (sum->min > 100)
        sum->min = 100;
}

static int bo_reaches(const kt_own_opts *o, double x)
{
    /* AMLR 2024/1624 art. 52(1): "25% or more"; directive 2015/849 art. 3(6)(a)(i): "more than 25%" */
    return o->bo_gt ? kt_own_i_above(x, o->bo) : kt_own_i_atleast(x, o->bo);
}

static kt_err run(const kt_graph *g, igraph_integer_t subject, int down, const kt_own_opts *opts, kt_own_in_fn in,
                  void *in_ctx, kt_own_result *out, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    kt_own_i_sub s;
    kt_own_i_comps comps;
    double *u[4] = {NULL, NULL, NULL, NULL};
    unsigned char *status = NULL, *ctrl = NULL, *ult = NULL, *state = NULL, *cyc = NULL;
    igraph_integer_t *pedge = NULL, *pnext = NULL;
    size_t *plen = NULL;
    long *party_of = NULL; /* local -> index in parties (before sorting: x - 1) */

    memset(out, 0, sizeof *out);
    memset(&s, 0, sizeof s);
    memset(&comps, 0, sizeof comps);
    out->subject = subject;
    out->downstream = down;
    kt_own_opts_init(&out->opts);
    if (opts)
        out->opts = *opts;
    if (subject < 0 || subject >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    if ((rc = in ? kt_own_i_sub_build_in(&s, g, subject, in, in_ctx) : kt_own_i_sub_build(&s, g, subject, down)) !=
        KT_OK)
        goto out;
    if ((rc = kt_own_i_scc(s.n, s.aoff, s.anb, NULL, 1, &comps)) != KT_OK)
        goto out;
    size_t n = (size_t)s.n;
    for (int j = 0; j < 4; j++)
        if (!(u[j] = malloc((n + 1) * sizeof *u[j]))) {
            rc = KT_ENOMEM;
            goto out;
        }
    status = malloc(n + 1);
    cyc = malloc(n + 1);
    ctrl = malloc(n + 1);
    ult = malloc(n + 1);
    state = malloc(n + 1);
    pedge = malloc((n + 1) * sizeof *pedge);
    pnext = malloc((n + 1) * sizeof *pnext);
    plen = malloc((n + 1) * sizeof *plen);
    party_of = malloc((n + 1) * sizeof *party_of);
    out->parties = calloc(n, sizeof *out->parties);
    if (!status || !cyc || !ctrl || !ult || !state || !pedge || !pnext || !plen || !party_of ||
        (n > 1 && !out->parties)) {
        rc = KT_ENOMEM;
        goto out;
    }
    if ((rc = kt_own_i_integrated(&s, u, cyc, status, &out->sweeps, ei)) != KT_OK)
        goto out;
    if ((rc = kt_own_i_control(&s, &comps, out->opts.control, ctrl, ult, state)) != KT_OK)
        goto out;
    if ((rc = strongest(&s, pedge, pnext, plen)) != KT_OK)
        goto out;

    out->n = n - 1;
    for (size_t x = 1; x < n; x++) {
        kt_own_party *p = &out->parties[x - 1];
        igraph_integer_t v = s.vert[x];
        p->v = v;
        /* a sum passes 100% only round a cycle: upstream the party's, downstream the source's */
        p->cycle = down ? (cyc[0] ? 1 | (cyc[x] & 2) : 0) : cyc[x];
        p->capital = pct(u[0][x], u[1][x], p->cycle);
        p->votes = pct(u[2][x], u[3][x], p->cycle);
        p->status = (kt_own_status)status[x];
        p->controls = (kt_own_ctrl)ctrl[x];
        p->direct = p->direct_votes = p->declared = (kt_ival){0, 0};
        /* direct and declared relations between the party and the subject */
        for (igraph_integer_t i = s.toff[x]; i < s.toff[x + 1]; i++) {
            igraph_integer_t e = s.tedge[i];
            if (s.tnb[i] != 0)
                continue;
            if (kt_own_i_rel_capital(g, e)) {
                p->has_direct = 1;
                add_ival(&p->direct, kt_graph_rel_share(g, e));
                add_ival(&p->direct_votes, kt_graph_rel_votes(g, e));
            } else if (kt_graph_rel_type(g, e) == KT_REL_OWNS) {
                p->has_declared = 1;
                add_ival(&p->declared, kt_graph_rel_share(g, e));
                kt_ival vo = kt_graph_rel_votes(g, e);
                if (!kt_ival_is_unknown(vo) && kt_own_i_above(vo.min, out->opts.control))
                    p->flags |= KT_OWN_F_DECLARED_CTRL;
            } else {
                p->flags |= KT_OWN_F_DECLARED_CTRL; /* a controls relation */
            }
        }
        if (!p->has_direct)
            p->direct = p->direct_votes = kt_ival_unknown();
        if (!p->has_declared)
            p->declared = kt_ival_unknown();
        if (kt_graph_entity_type(g, v) == KT_ENT_STATE || (kt_graph_entity_flags(g, v) & KT_EF_STATE_OWNED))
            p->flags |= KT_OWN_F_STATEISH;
        if (!down) {
            if (ult[x] & 1)
                p->flags |= KT_OWN_F_ULTIMATE;
            if (ult[x] & 2)
                p->flags |= KT_OWN_F_ULTIMATE_MAY;
            if (state[x] & 1)
                p->flags |= KT_OWN_F_STATE;
            else if (state[x] & 2)
                p->flags |= KT_OWN_F_STATE_MAY;
            if (kt_graph_entity_type(g, v) == KT_ENT_PERSON) {
                if (bo_reaches(&out->opts, p->capital.min) || bo_reaches(&out->opts, p->votes.min) ||
                    p->controls == KT_OWN_YES)
                    p->flags |= KT_OWN_F_BO;
                else if (bo_reaches(&out->opts, p->capital.max) || bo_reaches(&out->opts, p->votes.max) ||
                         p->controls == KT_OWN_MAY)
                    p->flags |= KT_OWN_F_BO_MAY;
            }
        }
        p->path_edge = pedge[x];
        p->path_next = pnext[x]; /* local for now, mapped below */
        p->path_len = plen[x];
    }
    if (!down)
        out->subject_state = (state[0] & 1) != 0;

    /* sort, then map path_next from local ids to the new indexes */
    qsort_r(out->parties, out->n, sizeof *out->parties, party_cmp, (void *)g);
    for (size_t i = 0; i < out->n; i++)
        party_of[kt_own_i_sub_local(&s, out->parties[i].v)] = (long)i;
    party_of[0] = -1;
    for (size_t i = 0; i < out->n; i++)
        out->parties[i].path_next = out->parties[i].path_next < 0 ? -1 : party_of[out->parties[i].path_next];

    /* ultimate controllers, sorted by id */
    for (int may = 0; may < 2; may++) {
        unsigned flag = may ? KT_OWN_F_ULTIMATE_MAY : KT_OWN_F_ULTIMATE;
        size_t k = 0, *list;
        for (size_t i = 0; i < out->n; i++)
            k += (out->parties[i].flags & flag) != 0;
        if (!(list = malloc((k + 1) * sizeof *list))) {
            rc = KT_ENOMEM;
            goto out;
        }
        k = 0;
        for (size_t i = 0; i < out->n; i++)
            if (out->parties[i].flags & flag)
                list[k++] = i;
        kt_own_sort_by_id(g, out, list, k);
        if (may) {
            out->ultimate_may = list;
            out->n_ultimate_may = k;
        } else {
            out->ultimate = list;
            out->n_ultimate = k;
        }
    }
out:
    for (int j = 0; j < 4; j++)
        free(u[j]);
    free(status);
    free(cyc);
    free(ctrl);
    free(ult);
    free(state);
    free(pedge);
    free(pnext);
    free(plen);
    free(party_of);
    kt_own_i_comps_destroy(&comps);
    kt_own_i_sub_destroy(&s);
    if (rc != KT_OK)
        kt_own_result_destroy(out);
    return rc;
}

kt_err kt_own_upstream(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts, kt_own_result *out,
                       kt_errinfo *ei)
{
    return run(g, target, 0, opts, NULL, NULL, out, ei);
}

kt_err kt_own_upstream_in(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts, kt_own_in_fn in,
                          void *ctx, kt_own_result *out, kt_errinfo *ei)
{
    return run(g, target, 0, opts, in, ctx, out, ei);
}

kt_err kt_own_downstream(const kt_graph *g, igraph_integer_t source, const kt_own_opts *opts, kt_own_result *out,
                         kt_errinfo *ei)
{
    return run(g, source, 1, opts, NULL, NULL, out, ei);
}

void kt_own_result_destroy(kt_own_result *r)
{
    if (!r)
        return;
    free(r->parties);
    free(r->ultimate);
    free(r->ultimate_may);
    r->parties = NULL;
    r->ultimate = r->ultimate_may = NULL;
    r->n = r->n_ultimate = r->n_ultimate_may = 0;
}

long kt_own_result_find(const kt_own_result *r, igraph_integer_t v)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->parties[i].v == v)
            return (long)i;
    return -1;
}

size_t kt_own_party_path(const kt_own_result *r, size_t i, igraph_integer_t *edges, size_t cap)
{
    size_t len = r->parties[i].path_len, m = len < cap ? len : cap, k = 0;
    /* the tree runs from the party towards the subject: upstream that is the path's order (the
     * first m relations); downstream it is reversed (the last m relations, stored back to front) */
    for (long p = (long)i; p >= 0 && k < m; p = r->parties[p].path_next, k++)
        edges[r->downstream ? m - 1 - k : k] = r->parties[p].path_edge;
    return len;
}

kt_err kt_own_upstream_capital(const kt_graph *g, igraph_integer_t target, kt_own_capital *out, kt_errinfo *ei)
{
    return kt_own_upstream_capital_in(g, target, NULL, NULL, out, ei);
}

kt_err kt_own_upstream_capital_in(const kt_graph *g, igraph_integer_t target, kt_own_in_fn in, void *ctx,
                                  kt_own_capital *out, kt_errinfo *ei)
{
    kt_own_i_sub s;
    double *u[4] = {NULL, NULL, NULL, NULL};
    unsigned char *cyc = NULL;
    long sweeps;
    kt_err rc;

    memset(out, 0, sizeof *out);
    if (target < 0 || target >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    if ((rc = in ? kt_own_i_sub_build_in(&s, g, target, in, ctx) : kt_own_i_sub_build(&s, g, target, 0)) != KT_OK)
        return rc;
    size_t n = (size_t)s.n;
    u[0] = malloc((n + 1) * sizeof *u[0]);
    u[1] = malloc((n + 1) * sizeof *u[1]);
    cyc = malloc(n + 1);
    out->v = malloc(n * sizeof *out->v);
    out->capital = malloc(n * sizeof *out->capital);
    if (!u[0] || !u[1] || !cyc || !out->v || !out->capital)
        rc = KT_ENOMEM;
    if (rc == KT_OK && (rc = kt_own_i_integrated(&s, u, cyc, NULL, &sweeps, ei)) == KT_OK)
        for (size_t x = 1; x < n; x++) {
            out->v[out->n] = s.vert[x];
            out->capital[out->n++] = pct(u[0][x], u[1][x], cyc[x]);
        }
    free(u[0]);
    free(u[1]);
    free(cyc);
    kt_own_i_sub_destroy(&s);
    if (rc != KT_OK)
        kt_own_capital_destroy(out);
    return rc;
}

void kt_own_capital_destroy(kt_own_capital *c)
{
    if (!c)
        return;
    free(c->v);
    free(c->capital);
    memset(c, 0, sizeof *c);
}
