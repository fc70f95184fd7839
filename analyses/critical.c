/* critical.c: single points of failure by needs and post-dominators (see kt_crit.h). */
#include <stdlib.h>
#include <string.h>

#include "kt_crit.h"
#include "kt_vmap.h"

const char *kt_crit_rule_name(kt_crit_rule r)
{
    static const char *n[] = {"required", "only_supplier", "only_manufacturer", "on_every_route"};
    return (unsigned)r < 4 ? n[r] : "?";
}

void kt_crit_result_free(kt_crit_result *r)
{
    if (!r)
        return;
    free(r->reached);
    free(r->critical);
    free(r->sole);
    free(r);
}

/* One dependency step of a reached node, keyed for grouping into needs. */
typedef struct {
    int kind;              /* 0 AND, 1 supplies (OR by item), 2 made_by (OR) */
    igraph_integer_t item; /* supplies: the item, -1 unspecified */
    igraph_integer_t target; /* reached index */
    igraph_integer_t edge;
} step;

/* A need: a forced target (a reached index), or an OR group (a choice vertex of F). */
typedef struct {
    igraph_integer_t to; /* reached index, or R + choice number */
    igraph_integer_t edge;
    igraph_integer_t item;
    kt_crit_rule rule;
} need;

static int cmp_step(const void *x, const void *y)
{
    const step *a = x, *b = y;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    if (a->kind != 0 && a->item != b->item)
        return a->item < b->item ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    return (a->edge > b->edge) - (a->edge < b->edge);
}


void kt_crit_path(const kt_crit_result *r, const kt_crit_point *c, kt_crit_hop *hops)
{
    /* walking up from the point gives the last hops first */
    igraph_integer_t k = c->at;
    for (int at = c->path_len - 1; at >= 0; at--, k = r->reached[k].parent)
        hops[at] = (kt_crit_hop){r->reached[k].node, r->reached[k].edge};
}

static int cmp_point(const void *x, const void *y, void *ctx)
{
    const kt_graph *g = ctx; /* qsort_r context */
    const kt_crit_point *a = x, *b = y;
    if (a->depth != b->depth)
        return a->depth < b->depth ? -1 : 1;
    return strcmp(kt_graph_entity_id(g, a->node), kt_graph_entity_id(g, b->node));
}

static int cmp_sole(const void *x, const void *y)
{
    const kt_crit_sole *a = x, *b = y;
    return (a->edge > b->edge) - (a->edge < b->edge);
}

/* A reached node's steps: from the graph (kt_dep_iter) or from a kt_crit_steps_fn. */
typedef struct {
    kt_dep_iter it;
    kt_crit_steps_fn fn;
    const kt_dep_step *list;
    igraph_integer_t n, i;
} steps_iter;

static void steps_init(steps_iter *s, const kt_graph *g, kt_crit_steps_fn fn, void *ctx, igraph_integer_t v)
{
    s->fn = fn;
    s->i = 0;
    if (fn)
        s->n = fn(ctx, v, &s->list);
    else
        kt_dep_iter_init(&s->it, g, v, 100.0);
}

static int steps_next(steps_iter *s, kt_dep_step *st)
{
    if (!s->fn)
        return kt_dep_iter_next(&s->it, st);
    if (s->i >= s->n)
        return 0;
    *st = s->list[s->i++];
    return 1;
}

/* Lengauer-Tarjan's eval(v): the vertex of least semi-dominator on v's forest path,
 * compressing the path without recursion (stack: room for the path). */
static igraph_integer_t lt_eval(igraph_integer_t v, igraph_integer_t *anc, igraph_integer_t *label,
                                const igraph_integer_t *semi, igraph_integer_t *stack)
{
    if (anc[v] < 0)
        return v;
    igraph_integer_t x = v, ns = 0;
    while (anc[anc[x]] >= 0) {
        stack[ns++] = x;
        x = anc[x];
    }
    while (ns) {
        x = stack[--ns];
        igraph_integer_t a = anc[x];
        if (semi[label[a]] < semi[label[x]])
            label[x] = label[a];
        anc[x] = anc[a];
    }
    return label[v];
}

/* Post-dominators: the immediate dominator of every vertex of F (n vertices, edges fe as
 * from,to pairs) along F's edges reversed, from root (the sink); -1 when the vertex has no path
 * to root, and for root.  Lengauer-Tarjan with path compression, iterative (chains as deep as
 * the data): O(E log n) time, 12 n + 2 E integers, each freed here but *dom.  Written here
 * instead of igraph_dominator_tree, which asserts (abort) when memory runs out inside it. */
static kt_err post_dominators(const igraph_vector_int_t *fe, igraph_integer_t n, igraph_integer_t root,
                              igraph_integer_t **dom)
{
    size_t E = (size_t)igraph_vector_int_size(fe) / 2, un = (size_t)n;
    const igraph_integer_t *ev = VECTOR(*fe);
    /* out: F's successors (the DFS's predecessors); in: F's predecessors (the DFS's successors) */
    igraph_integer_t *oi = calloc(un + 1, sizeof *oi), *ii = calloc(un + 1, sizeof *ii);
    igraph_integer_t *oa = malloc((E ? E : 1) * sizeof *oa), *ia = malloc((E ? E : 1) * sizeof *ia);
    igraph_integer_t *num = malloc(un * sizeof *num), *vert = malloc(un * sizeof *vert);
    igraph_integer_t *parent = malloc(un * sizeof *parent), *semi = malloc(un * sizeof *semi);
    igraph_integer_t *label = malloc(un * sizeof *label), *anc = malloc(un * sizeof *anc);
    igraph_integer_t *bhead = malloc(un * sizeof *bhead), *bnext = malloc(un * sizeof *bnext);
    igraph_integer_t *stack = malloc(un * sizeof *stack), *pos = malloc(un * sizeof *pos);
    igraph_integer_t *idom = malloc(un * sizeof *idom);
    kt_err rc = KT_ENOMEM;
    if (!oi || !ii || !oa || !ia || !num || !vert || !parent || !semi || !label || !anc || !bhead ||
        !bnext || !stack || !pos || !idom)
        goto out;
    for (size_t e = 0; e < E; e++) {
        oi[ev[2 * e] + 1]++;
        ii[ev[2 * e + 1] + 1]++;
    }
    for (size_t v = 0; v < un; v++) {
        oi[v + 1] += oi[v];
        ii[v + 1] += ii[v];
        num[v] = -1;
        anc[v] = -1;
        bhead[v] = -1;
        idom[v] = -1;
    }
    for (size_t v = 0; v < un; v++)
        pos[v] = oi[v];
    for (size_t e = 0; e < E; e++)
        oa[pos[ev[2 * e]]++] = ev[2 * e + 1];
    for (size_t v = 0; v < un; v++)
        pos[v] = ii[v];
    for (size_t e = 0; e < E; e++)
        ia[pos[ev[2 * e + 1]]++] = ev[2 * e];

    /* 1. depth-first preorder from root over F's edges reversed */
    igraph_integer_t N = 0, sp = 0;
    num[root] = N;
    vert[N++] = root;
    parent[root] = -1;
    pos[root] = ii[root];
    stack[sp++] = root;
    while (sp) {
        igraph_integer_t v = stack[sp - 1];
        if (pos[v] == ii[v + 1]) {
            sp--;
            continue;
        }
        igraph_integer_t w = ia[pos[v]++];
        if (num[w] < 0) {
            num[w] = N;
            vert[N++] = w;
            parent[w] = v;
            pos[w] = ii[w];
            stack[sp++] = w;
        }
    }
    for (igraph_integer_t i = 0; i < N; i++) {
        semi[vert[i]] = i;
        label[vert[i]] = vert[i];
    }
    /* 2. semi-dominators in reverse preorder, and implicit immediate dominators */
    for (igraph_integer_t i = N - 1; i >= 1; i--) {
        igraph_integer_t w = vert[i];
        for (igraph_integer_t k = oi[w]; k < oi[w + 1]; k++) {
            igraph_integer_t v = oa[k], u;
            if (num[v] < 0)
                continue;
            u = lt_eval(v, anc, label, semi, stack);
            if (semi[u] < semi[w])
                semi[w] = semi[u];
        }
        igraph_integer_t sd = vert[semi[w]], p = parent[w];
        bnext[w] = bhead[sd];
        bhead[sd] = w;
        anc[w] = p;
        for (igraph_integer_t v = bhead[p]; v >= 0; v = bnext[v]) {
            igraph_integer_t u = lt_eval(v, anc, label, semi, stack);
            idom[v] = semi[u] < semi[v] ? u : p;
        }
        bhead[p] = -1;
    }
    /* 3. explicit immediate dominators in preorder */
    for (igraph_integer_t i = 1; i < N; i++) {
        igraph_integer_t w = vert[i];
        if (idom[w] != vert[semi[w]])
            idom[w] = idom[idom[w]];
    }
    idom[root] = -1;
    *dom = idom;
    idom = NULL;
    rc = KT_OK;
out:
    free(oi);
    free(ii);
    free(oa);
    free(ia);
    free(num);
    free(vert);
    free(parent);
    free(semi);
    free(label);
    free(anc);
    free(bhead);
    free(bnext);
    free(stack);
    free(pos);
    free(idom);
    return rc;
}

#define GROW(arr, cap, n)                                                                                    \
    do {                                                                                                     \
        if ((rc = kt_vmap_grow((void **)&(arr), &(cap), (n), sizeof *(arr))) != KT_OK)                     \
            goto out;                                                                                        \
    } while (0)

kt_err kt_crit_run(const kt_graph *g, igraph_integer_t start, kt_crit_result **out)
{
    return kt_crit_run_steps(g, start, NULL, NULL, out);
}

kt_err kt_crit_run_steps(const kt_graph *g, igraph_integer_t start, kt_crit_steps_fn steps, void *ctx,
                         kt_crit_result **out)
{
    kt_err rc = KT_OK;
    kt_vmap seen;
    kt_crit_result *r = NULL;
    kt_crit_reached *re = NULL; /* reached nodes in breadth-first order (r->reached at the end) */
    size_t nre = 0, cap_re = 0;
    step *st = NULL;           /* one node's steps */
    size_t cap_st = 0;
    need *nd = NULL;           /* all needs, grouped by node */
    size_t nnd = 0, cap_nd = 0;
    size_t *nd_start = NULL;   /* needs of reached i: nd[nd_start[i] .. nd_start[i + 1]) */
    size_t cap_ns = 0;
    igraph_vector_int_t fe;    /* edges of F */
    igraph_integer_t *dom = NULL; /* per vertex of F: its immediate post-dominator */
    int have_fe = 0;
    igraph_integer_t nchoice = 0;
    char *in_s = NULL;         /* per reached node: in the SPOF set */
    char *walked = NULL;       /* per choice vertex: post-dominators walked */
    igraph_integer_t *work = NULL; /* closure worklist */
    size_t cap_cr = 0, cap_so = 0;

    *out = NULL;
    kt_vmap_init(&seen);
    if (start < 0 || start >= kt_graph_vertex_count(g))
        return KT_EUSAGE;
    if (!(r = calloc(1, sizeof *r)))
        return KT_ENOMEM;
    r->start = start;
    if (igraph_vector_int_init(&fe, 0) != IGRAPH_SUCCESS) {
        rc = KT_ENOMEM;
        goto out;
    }
    have_fe = 1;

    /* 1. reach, breadth-first, without ownership and control; shortest paths tie-broken by the
     * lowest relation id on the last step, as in exposure */
    igraph_integer_t idx;
    int fresh;
    if ((rc = kt_vmap_put(&seen, start, &idx, &fresh)) != KT_OK)
        goto out;
    GROW(re, cap_re, 1);
    re[nre++] = (kt_crit_reached){start, -1, -1, 0};
    for (size_t h = 0; h < nre; h++) {
        steps_iter it;
        kt_dep_step s;
        steps_init(&it, g, steps, ctx, re[h].node);
        while (steps_next(&it, &s)) {
            if (s.via == KT_VIA_OWNERSHIP || s.via == KT_VIA_CONTROL)
                continue;
            if (kt_graph_rel_type(g, s.edge) == KT_REL_SUPPLIES && (kt_graph_rel_flags(g, s.edge) & KT_RF_SOLE_SOURCE)) {
                GROW(r->sole, cap_so, r->nsole + 1);
                r->sole[r->nsole++] = (kt_crit_sole){s.edge, s.next, re[h].node, kt_graph_rel_item(g, s.edge)};
            }
            if ((rc = kt_vmap_put(&seen, s.next, &idx, &fresh)) != KT_OK)
                goto out;
            if (fresh) {
                GROW(re, cap_re, nre + 1);
                re[nre++] = (kt_crit_reached){s.next, (igraph_integer_t)h, s.edge, re[h].depth + 1};
            } else if (re[idx].depth == re[h].depth + 1 && s.edge < re[idx].edge) {
                re[idx].parent = (igraph_integer_t)h;
                re[idx].edge = s.edge;
            }
        }
    }
    r->nreached = nre;
    igraph_integer_t R = (igraph_integer_t)nre;

    /* 2. needs per node, grouped; F's edges (choice vertices numbered from R, sink last) */
    GROW(nd_start, cap_ns, nre + 1);
    for (size_t i = 0; i < nre; i++) {
        steps_iter it;
        kt_dep_step s;
        size_t ns = 0;
        nd_start[i] = nnd;
        steps_init(&it, g, steps, ctx, re[i].node);
        while (steps_next(&it, &s)) {
            if (s.via == KT_VIA_OWNERSHIP || s.via == KT_VIA_CONTROL)
                continue;
            kt_rtype t = kt_graph_rel_type(g, s.edge);
            GROW(st, cap_st, ns + 1);
            st[ns].kind = t == KT_REL_SUPPLIES ? 1 : t == KT_REL_MADE_BY ? 2 : 0;
            st[ns].item = t == KT_REL_SUPPLIES ? kt_graph_rel_item(g, s.edge) : -1;
            st[ns].target = kt_vmap_get(&seen, s.next);
            st[ns].edge = s.edge;
            ns++;
        }
        if (ns)
            qsort(st, ns, sizeof *st, cmp_step);
        for (size_t a = 0; a < ns;) {
            /* a group: same kind and (for OR kinds) same item; AND steps group by target */
            size_t b = a + 1, distinct = 1;
            while (b < ns && st[b].kind == st[a].kind &&
                   (st[a].kind == 0 ? st[b].target == st[a].target : st[b].item == st[a].item)) {
                distinct += st[b].target != st[b - 1].target;
                b++;
            }
            GROW(nd, cap_nd, nnd + 1);
            nd[nnd].edge = st[a].edge; /* lowest relation id of the lowest target */
            nd[nnd].item = st[a].kind == 1 ? st[a].item : -1;
            if (distinct == 1) {
                nd[nnd].to = st[a].target;
                nd[nnd].rule = st[a].kind == 1 ? KT_CRIT_ONLY_SUPPLIER
                               : st[a].kind == 2 ? KT_CRIT_ONLY_MANUFACTURER
                                                 : KT_CRIT_REQUIRED;
                if (igraph_vector_int_push_back(&fe, (igraph_integer_t)i) || igraph_vector_int_push_back(&fe, st[a].target))
                    goto nomem;
            } else {
                igraph_integer_t c = R + nchoice++;
                nd[nnd].to = c;
                nd[nnd].rule = KT_CRIT_ON_EVERY_ROUTE;
                if (igraph_vector_int_push_back(&fe, (igraph_integer_t)i) || igraph_vector_int_push_back(&fe, c))
                    goto nomem;
                for (size_t k = a; k < b; k++)
                    if ((k == a || st[k].target != st[k - 1].target) &&
                        (igraph_vector_int_push_back(&fe, c) || igraph_vector_int_push_back(&fe, st[k].target)))
                        goto nomem;
            }
            nnd++;
            a = b;
        }
    }
    nd_start[nre] = nnd;
    kt_vmap_destroy(&seen); /* every target is an index now */
    free(st);
    st = NULL;
    igraph_integer_t T = R + nchoice; /* the sink, joined from every node with no needs */
    for (size_t i = 0; i < nre; i++)
        if (nd_start[i] == nd_start[i + 1] &&
            (igraph_vector_int_push_back(&fe, (igraph_integer_t)i) || igraph_vector_int_push_back(&fe, T)))
            goto nomem;

    /* 3. post-dominators: dominators from the sink against the edges */
    if ((rc = post_dominators(&fe, T + 1, T, &dom)) != KT_OK)
        goto out;
    igraph_vector_int_destroy(&fe);
    have_fe = 0;

    /* 4. the closure from the start */
    if (!(in_s = calloc(nre, 1)) || !(walked = calloc((size_t)nchoice + 1, 1)) ||
        !(work = malloc(nre * sizeof *work)))
        goto nomem;
    size_t nw = 0;
    in_s[0] = 1;
    work[nw++] = 0;
    for (size_t wh = 0; wh < nw; wh++) {
        igraph_integer_t u = work[wh];
        /* the forced needs of u, then what every route onward from u and from each of its OR
         * needs passes (its post-dominators); a walk stops at a node already in S, whose own
         * walk covers the rest */
        for (size_t k = nd_start[u]; k <= nd_start[u + 1]; k++) {
            igraph_integer_t from;
            kt_crit_rule rule = KT_CRIT_ON_EVERY_ROUTE;
            igraph_integer_t edge = -1, item = -1;
            if (k == nd_start[u + 1]) {
                from = u; /* the walk from u itself */
            } else if (nd[k].to < R) {
                from = -1;
                if (!in_s[nd[k].to]) {
                    in_s[nd[k].to] = 1;
                    work[nw++] = nd[k].to;
                    GROW(r->critical, cap_cr, r->ncritical + 1);
                    r->critical[r->ncritical++] =
                        (kt_crit_point){re[nd[k].to].node, nd[k].rule, re[u].node, nd[k].edge, nd[k].item, 0, nd[k].to, 0, 0};
                }
            } else {
                from = nd[k].to;
                item = nd[k].item;
            }
            for (igraph_integer_t d = from >= 0 ? dom[from] : -1; d >= 0 && d != T; d = dom[d]) {
                if (d < R) {
                    if (in_s[d])
                        break;
                    in_s[d] = 1;
                    work[nw++] = d;
                    GROW(r->critical, cap_cr, r->ncritical + 1);
                    r->critical[r->ncritical++] = (kt_crit_point){re[d].node, rule, re[u].node, edge, item, 0, d, 0, 0};
                } else {
                    if (walked[d - R])
                        break;
                    walked[d - R] = 1;
                }
            }
        }
    }

    /* 5. depths and order; the paths stay in the tree (kt_crit_path) */
    for (size_t i = 0; i < r->ncritical; i++) {
        kt_crit_point *c = &r->critical[i];
        c->depth = re[c->at].depth;
        c->path_len = c->depth + 1 < KT_CRIT_PATH_MAX ? c->depth + 1 : KT_CRIT_PATH_MAX;
        c->path_elided = c->depth + 1 - c->path_len;
    }
    if (r->ncritical)
        qsort_r(r->critical, r->ncritical, sizeof *r->critical, cmp_point, (void *)g);
    if (r->nsole)
        qsort(r->sole, r->nsole, sizeof *r->sole, cmp_sole);
    r->reached = re;
    re = NULL;
    *out = r;
    r = NULL;
    goto out;
nomem:
    rc = KT_ENOMEM;
out:
    kt_vmap_destroy(&seen);
    if (have_fe)
        igraph_vector_int_destroy(&fe);
    free(dom);
    free(re);
    free(st);
    free(nd);
    free(nd_start);
    free(in_s);
    free(walked);
    free(work);
    kt_crit_result_free(r);
    return rc;
}
