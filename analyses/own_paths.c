/* own_paths.c: the strongest simple paths between two entities (Yen's k shortest simple paths),
 * and the shortest-path tree both they and the owners' strongest paths come from.
 *
 * The order (kt_own.h, docs/ownership.md "Order of paths") is a total order: fewest weak
 * steps, largest product of the min shares of the other steps, fewest steps, then, step by
 * step from the far end (the subject), the step whose near entity's id sorts first, then the
 * relation read first.  It is compatible with Dijkstra from the subject: appending the same
 * step to two paths keeps their order, and a step never makes a path rank higher.
 *
 * Yen: the first path is the tree's; the next one is the best of the candidates made by
 * deviating from an earlier path at one of its entities (the spur), with the root before the
 * spur blocked and the relations that earlier paths with the same root took out of the spur
 * removed; a spur's best continuation is one Dijkstra from TO.  A candidate deviates at or
 * after the deviation of the path it came from (Lawler).  Candidates beyond the ones still
 * needed are dropped, so memory stays within (max_paths + 1) paths x their length. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
#include "own_i.h"

/* ---- Dijkstra from the subject over the away relations ---- */

typedef struct {
    kt_own_i_key key;
    igraph_integer_t x;
} hent;

static int hless(const hent *a, const hent *b)
{
    int c = kt_own_i_key_cmp(&a->key, &b->key);
    return c < 0 || (c == 0 && a->x < b->x);
}

static void hpush(hent *h, size_t *n, hent e)
{
    size_t i = (*n)++;
    while (i > 0 && hless(&e, &h[(i - 1) / 2])) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = e;
}

static hent hpop(hent *h, size_t *n)
{
    hent top = h[0], last = h[--*n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        const hent *mv = &last;
        if (l < *n && hless(&h[l], mv)) {
            m = l;
            mv = &h[l];
        }
        if (r < *n && hless(&h[r], mv))
            m = r;
        if (m == i)
            break;
        h[i] = h[m];
        i = m;
    }
    if (*n)
        h[i] = last;
    return top;
}

kt_err kt_own_i_tree_init(kt_own_i_tree *t, const kt_own_i_sub *s)
{
    size_t n = (size_t)s->n + 1;
    memset(t, 0, sizeof *t);
    t->s = s;
    t->key = malloc(n * sizeof *t->key);
    t->pedge = malloc(n * sizeof *t->pedge);
    t->pnext = malloc(n * sizeof *t->pnext);
    t->seen = calloc(n, sizeof *t->seen);
    t->done = calloc(n, sizeof *t->done);
    t->blocked = calloc(n, 1);
    t->heap = malloc(((size_t)s->m + 2) * sizeof(hent));
    if (!t->key || !t->pedge || !t->pnext || !t->seen || !t->done || !t->blocked || !t->heap) {
        kt_own_i_tree_destroy(t);
        return KT_ENOMEM;
    }
    return KT_OK;
}

void kt_own_i_tree_destroy(kt_own_i_tree *t)
{
    free(t->key);
    free(t->pedge);
    free(t->pnext);
    free(t->seen);
    free(t->done);
    free(t->blocked);
    free(t->heap);
    memset(t, 0, sizeof *t);
}

/* One step of the tie-break: the relation's near entity (the end away from the subject) by
 * id, then the relation read first. */
static int step_cmp(const kt_graph *g, int down, igraph_integer_t a, igraph_integer_t b)
{
    if (a == b)
        return 0;
    igraph_integer_t va = down ? kt_graph_rel_to(g, a) : kt_graph_rel_from(g, a);
    igraph_integer_t vb = down ? kt_graph_rel_to(g, b) : kt_graph_rel_from(g, b);
    int c = va == vb ? 0 : strcmp(kt_graph_entity_id(g, va), kt_graph_entity_id(g, vb));
    return c ? c : a < b ? -1 : 1;
}

/* Two equally ranked paths to the subject of the same length, the first being step ea then
 * the tree path of xa: which comes first, comparing from the subject's end. */
static int chain_cmp(const kt_own_i_tree *t, igraph_integer_t ea, igraph_integer_t xa, igraph_integer_t eb,
                     igraph_integer_t xb)
{
    int last = 0;
    for (;;) {
        int c = step_cmp(t->s->g, t->s->down, ea, eb);
        if (c)
            last = c; /* the difference nearest the subject decides */
        if (xa == 0 || xb == 0 || xa == xb)
            return last;
        ea = t->pedge[xa];
        eb = t->pedge[xb];
        xa = t->pnext[xa];
        xb = t->pnext[xb];
    }
}

kt_err kt_own_i_tree_run(kt_own_i_tree *t, igraph_integer_t stop, igraph_integer_t skip_at,
                         const igraph_integer_t *skip, size_t nskip, long *work)
{
    const kt_own_i_sub *s = t->s;
    hent *h = t->heap;
    size_t hn = 0;
    long gen = ++t->gen;

    t->key[0] = (kt_own_i_key){0, 0, 0};
    t->pedge[0] = t->pnext[0] = -1;
    t->seen[0] = gen;
    hpush(h, &hn, (hent){t->key[0], 0});
    while (hn) {
        hent top = hpop(h, &hn);
        igraph_integer_t x = top.x;
        if (t->done[x] == gen)
            continue;
        t->done[x] = gen;
        if (x == stop)
            break;
        for (igraph_integer_t i = s->aoff[x]; i < s->aoff[x + 1]; i++) {
            igraph_integer_t y = s->anb[i], e = s->aedge[i];
            if (t->done[y] == gen || t->blocked[y])
                continue;
            if (y == skip_at) {
                size_t k = 0;
                while (k < nskip && skip[k] != e)
                    k++;
                if (k < nskip)
                    continue;
            }
            if (work)
                (*work)++;
            kt_own_i_key k = t->key[x];
            kt_own_i_key_step(s->g, e, &k);
            int c = t->seen[y] == gen ? kt_own_i_key_cmp(&k, &t->key[y]) : -1;
            if (c == 0)
                c = chain_cmp(t, e, x, t->pedge[y], t->pnext[y]);
            if (c < 0) {
                t->seen[y] = gen;
                t->key[y] = k;
                t->pedge[y] = e;
                t->pnext[y] = x;
                hpush(h, &hn, (hent){k, y}); /* each relation pushes at most once */
            }
        }
    }
    return KT_OK;
}

int kt_own_i_tree_has(const kt_own_i_tree *t, igraph_integer_t x)
{
    return t->seen[x] == t->gen;
}

/* ---- Yen ---- */

typedef struct {
    igraph_integer_t *edges; /* from `from` to `to` */
    size_t len, dev;         /* dev: the spur index it deviated at */
    kt_own_i_key key;
} cand;

static int cand_cmp(const kt_graph *g, const cand *a, const cand *b)
{
    int c = kt_own_i_key_cmp(&a->key, &b->key);
    if (c || a->len != b->len)
        return c ? c : a->len < b->len ? -1 : 1;
    for (size_t i = a->len; i-- > 0;)
        if ((c = step_cmp(g, 0, a->edges[i], b->edges[i])) != 0)
            return c;
    return 0;
}

static void factor(const kt_graph *g, igraph_integer_t e, double *lo, double *hi)
{
    kt_ival sh = kt_graph_rel_type(g, e) == KT_REL_OWNS ? kt_graph_rel_share(g, e) : kt_ival_unknown();
    if (kt_ival_is_unknown(sh)) {
        *lo = 0; /* unknown share or a controls step: 0-100% */
        *hi = 1;
    } else {
        *lo = sh.min / 100;
        *hi = sh.max / 100;
    }
}

static kt_err emit(const kt_graph *g, cand *c, kt_own_paths *out, size_t *cap)
{
    if (kt_grow((void **)&out->paths, cap, out->n + 1, sizeof *out->paths) != KT_OK)
        return KT_ENOMEM;
    kt_own_path *p = &out->paths[out->n];
    double lo = 1, hi = 1;
    for (size_t k = 0; k < c->len; k++) {
        double a, b;
        factor(g, c->edges[k], &a, &b);
        lo *= a;
        hi *= b;
    }
    p->len = c->len;
    if (!(p->edges = malloc((c->len + 1) * sizeof *p->edges)))
        return KT_ENOMEM;
    memcpy(p->edges, c->edges, c->len * sizeof *p->edges);
    p->product = (kt_ival){100 * lo, 100 * hi};
    p->weak = (int)c->key.weak;
    out->n++;
    return KT_OK;
}

typedef struct {
    const kt_graph *g;
    kt_own_i_sub u;
    kt_own_i_tree t;
    cand *a;        /* paths found, in order */
    size_t na, acap;
    cand *b;        /* candidates, sorted best first */
    size_t nb, bcap, bmax;
    igraph_integer_t *skip;
} yen;

static void cand_free(cand *c)
{
    free(c->edges);
    c->edges = NULL;
}

/* Insert c into the sorted candidates (taking its edges), unless it is there already or
 * ranks beyond the bmax still needed. */
static kt_err offer(yen *y, cand *c)
{
    size_t lo = 0, hi = y->nb;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int r = cand_cmp(y->g, &y->b[mid], c);
        if (r == 0) {
            cand_free(c);
            return KT_OK;
        }
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= y->bmax) {
        cand_free(c);
        return KT_OK;
    }
    if (y->nb == y->bmax) /* drop the last one */
        cand_free(&y->b[--y->nb]);
    if (kt_grow((void **)&y->b, &y->bcap, y->nb + 1, sizeof *y->b) != KT_OK) {
        cand_free(c);
        return KT_ENOMEM;
    }
    memmove(&y->b[lo + 1], &y->b[lo], (y->nb - lo) * sizeof *y->b);
    y->b[lo] = *c;
    y->nb++;
    return KT_OK;
}

/* The tree path from local x to the subject appended to root[0..i): a new candidate. */
static kt_err make_cand(yen *y, const igraph_integer_t *root, size_t i, igraph_integer_t x, size_t dev, cand *c)
{
    const kt_own_i_tree *t = &y->t;
    size_t len = i + (size_t)t->key[x].len;
    memset(c, 0, sizeof *c);
    if (!(c->edges = malloc((len + 1) * sizeof *c->edges)))
        return KT_ENOMEM;
    if (i)
        memcpy(c->edges, root, i * sizeof *root);
    c->len = i;
    for (igraph_integer_t z = x; z != 0; z = t->pnext[z])
        c->edges[c->len++] = t->pedge[z];
    c->dev = dev;
    c->key = (kt_own_i_key){0, 0, 0};
    for (size_t k = 0; k < c->len; k++)
        kt_own_i_key_step(y->g, c->edges[k], &c->key);
    return KT_OK;
}

/* Candidates deviating from path p (the last found) at its spurs dev..len-1. */
static kt_err spurs(yen *y, const cand *p, long budget, long *work, int *cut)
{
    kt_err rc = KT_OK;
    igraph_integer_t x = kt_own_i_sub_local(&y->u, kt_graph_rel_from(y->g, p->edges[0]));
    /* block the root entities before dev */
    for (size_t i = 0; i < p->dev; i++) {
        y->t.blocked[x] = 1;
        x = kt_own_i_sub_local(&y->u, kt_graph_rel_to(y->g, p->edges[i]));
    }
    for (size_t i = p->dev; i < p->len && rc == KT_OK; i++) {
        /* the relations earlier paths with this root took out of the spur x */
        size_t ns = 0;
        for (size_t k = 0; k < y->na; k++) {
            const cand *q = &y->a[k];
            if (q->len > i && memcmp(q->edges, p->edges, i * sizeof *q->edges) == 0)
                y->skip[ns++] = q->edges[i];
        }
        if (*work > budget) {
            *cut = 1;
            break;
        }
        kt_own_i_tree_run(&y->t, x, x, y->skip, ns, work);
        if (kt_own_i_tree_has(&y->t, x) && y->t.done[x] == y->t.gen) {
            cand c;
            if ((rc = make_cand(y, p->edges, i, x, i, &c)) == KT_OK)
                rc = offer(y, &c);
        }
        y->t.blocked[x] = 1;
        x = kt_own_i_sub_local(&y->u, kt_graph_rel_to(y->g, p->edges[i]));
    }
    /* unblock the root */
    x = kt_own_i_sub_local(&y->u, kt_graph_rel_from(y->g, p->edges[0]));
    for (size_t i = 0; i < p->len; i++) {
        y->t.blocked[x] = 0;
        x = kt_own_i_sub_local(&y->u, kt_graph_rel_to(y->g, p->edges[i]));
    }
    return rc;
}

kt_err kt_own_paths_find(const kt_graph *g, igraph_integer_t from, igraph_integer_t to, const kt_own_opts *opts,
                         kt_own_paths *out, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    kt_own_opts o;
    yen y;
    size_t cap = 0;
    long work = 0;

    memset(out, 0, sizeof *out);
    memset(&y, 0, sizeof y);
    y.g = g;
    out->from = from;
    out->to = to;
    kt_own_opts_init(&o);
    if (opts)
        o = *opts;
    if (from < 0 || to < 0 || from >= kt_graph_vertex_count(g) || to >= kt_graph_vertex_count(g))
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", 0, "no such entity");
    if (from == to || o.max_paths <= 0)
        return KT_OK;
    if ((rc = kt_own_i_sub_build(&y.u, g, to, 0)) != KT_OK)
        goto out;
    igraph_integer_t lfrom = kt_own_i_sub_local(&y.u, from);
    if (lfrom < 0)
        goto out; /* `from` reaches nothing that leads to `to` */
    if ((rc = kt_own_i_tree_init(&y.t, &y.u)) != KT_OK)
        goto out;
    if (!(y.skip = malloc(((size_t)y.u.m + 1) * sizeof *y.skip))) {
        rc = KT_ENOMEM;
        goto out;
    }
    /* the first path: the tree's */
    kt_own_i_tree_run(&y.t, lfrom, -1, NULL, 0, &work);
    y.bmax = (size_t)o.max_paths + 1;
    cand c;
    if ((rc = make_cand(&y, NULL, 0, lfrom, 0, &c)) != KT_OK || (rc = offer(&y, &c)) != KT_OK)
        goto out;
    while (y.nb > 0) {
        /* the best candidate becomes the next path */
        cand p = y.b[0];
        memmove(&y.b[0], &y.b[1], (y.nb - 1) * sizeof *y.b);
        y.nb--;
        int fits = o.max_depth <= 0 || (long)p.len <= o.max_depth;
        if (fits && out->n == (size_t)o.max_paths) {
            out->cut_max_paths = 1;
            cand_free(&p);
            break;
        }
        if (fits && (rc = emit(g, &p, out, &cap)) != KT_OK) {
            cand_free(&p);
            goto out;
        }
        if (!fits)
            out->cut_max_depth = 1;
        if (kt_grow((void **)&y.a, &y.acap, y.na + 1, sizeof *y.a) != KT_OK) {
            cand_free(&p);
            rc = KT_ENOMEM;
            goto out;
        }
        y.a[y.na++] = p;
        /* without a depth limit only the paths still to print (and one to know if there are
         * more) are worth keeping; with one, a too-long path does not count */
        if (o.max_depth <= 0) {
            y.bmax = (size_t)o.max_paths + 1 - out->n;
            while (y.nb > y.bmax)
                cand_free(&y.b[--y.nb]);
        }
        int cut = 0;
        if ((rc = spurs(&y, &y.a[y.na - 1], o.budget, &work, &cut)) != KT_OK)
            goto out;
        if (cut) {
            out->cut_budget = 1;
            break;
        }
    }
out:
    for (size_t i = 0; i < y.na; i++)
        cand_free(&y.a[i]);
    for (size_t i = 0; i < y.nb; i++)
        cand_free(&y.b[i]);
    free(y.a);
    free(y.b);
    free(y.skip);
    kt_own_i_tree_destroy(&y.t);
    kt_own_i_sub_destroy(&y.u);
    if (rc != KT_OK)
        kt_own_paths_destroy(out);
    return rc;
}

void kt_own_paths_destroy(kt_own_paths *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        free(p->paths[i].edges);
    free(p->paths);
    p->paths = NULL;
    p->n = 0;
}
