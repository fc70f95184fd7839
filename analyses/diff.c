/* diff.c: what changed between two models (see kt_diff.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt_diff.h"

/* ---- fields ---- */

static void num(char *buf, double x)
{
    if (isnan(x))
        snprintf(buf, KT_DIFF_TEXT, "unknown");
    else
        snprintf(buf, KT_DIFF_TEXT, "%.9g", x); /* every float apart, unlike the 2-decimal display */
}

static void ival(char *buf, kt_ival iv)
{
    if (kt_ival_is_unknown(iv))
        snprintf(buf, KT_DIFF_TEXT, "unknown");
    else if (iv.min == iv.max)
        snprintf(buf, KT_DIFF_TEXT, "%.9g%%", iv.min);
    else
        snprintf(buf, KT_DIFF_TEXT, "%.9g-%.9g%%", iv.min, iv.max);
}

static void flag(char *buf, unsigned flags, unsigned set, unsigned bit)
{
    snprintf(buf, KT_DIFF_TEXT, "%s", !(flags & set) ? "" : (flags & bit) ? "true" : "false");
}

/* Append s to buf (KT_DIFF_TEXT bytes) after sep when buf is not empty. */
static void join(char *buf, const char *sep, const char *a, const char *b)
{
    size_t n = strlen(buf);
    if (n + 4 < KT_DIFF_TEXT)
        snprintf(buf + n, KT_DIFF_TEXT - n, "%s%s%s%s", n ? sep : "", a, b ? ":" : "", b ? b : "");
}

size_t kt_diff_entity_fields(const kt_graph *g, igraph_integer_t v, const char **names, char bufs[][KT_DIFF_TEXT])
{
    size_t n = 0;
    unsigned f = kt_graph_entity_flags(g, v);
    names[n] = "type";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", kt_etype_name(kt_graph_entity_type(g, v)));
    names[n] = "name";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", kt_graph_entity_name(g, v));
    names[n] = "country";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", kt_graph_entity_country(g, v));
    names[n] = "state_owned";
    flag(bufs[n++], f, KT_EF_STATE_OWNED_SET, KT_EF_STATE_OWNED);
    names[n] = "listed";
    flag(bufs[n++], f, KT_EF_LISTED_SET, KT_EF_LISTED);
    names[n] = "complete";
    flag(bufs[n++], f, KT_EF_COMPLETE_SET, KT_EF_COMPLETE);
    names[n] = "identifiers";
    bufs[n][0] = '\0';
    for (size_t i = 0; i < kt_graph_entity_ident_count(g, v); i++) {
        const char *s, *x;
        kt_graph_entity_ident(g, v, i, &s, &x);
        join(bufs[n], ", ", s, x);
    }
    n++;
    names[n] = "tags";
    bufs[n][0] = '\0';
    for (size_t i = 0; i < kt_graph_entity_tag_count(g, v); i++)
        join(bufs[n], ", ", kt_graph_entity_tag(g, v, i), NULL);
    n++;
    return n;
}

size_t kt_diff_rel_fields(const kt_graph *g, igraph_integer_t e, const char **names, char bufs[][KT_DIFF_TEXT])
{
    static const struct {
        unsigned bit;
        const char *name;
    } fl[] = {{KT_RF_SOLE_SOURCE, "sole_source"},
              {KT_RF_LEAD, "lead"},
              {KT_RF_DECLARED, "declared"},
              {KT_RF_SHARE_EXCL_MIN, "share_min_exclusive"},
              {KT_RF_SHARE_EXCL_MAX, "share_max_exclusive"}};
    size_t n = 0;
    unsigned f = kt_graph_rel_flags(g, e);
    const char *s;
    names[n] = "share";
    ival(bufs[n++], kt_graph_rel_share(g, e));
    names[n] = "votes";
    ival(bufs[n++], kt_graph_rel_votes(g, e));
    names[n] = "flags";
    bufs[n][0] = '\0';
    for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++)
        if (f & fl[i].bit)
            join(bufs[n], ",", fl[i].name, NULL);
    n++;
    names[n] = "basis";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", kt_basis_name(kt_graph_rel_basis(g, e)));
    names[n] = "qty";
    num(bufs[n++], kt_graph_rel_qty(g, e));
    names[n] = "country";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", kt_graph_rel_country(g, e));
    names[n] = "scope";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", (s = kt_graph_rel_scope(g, e)) ? s : "");
    names[n] = "since";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", (s = kt_graph_rel_since(g, e)) ? s : "");
    names[n] = "until";
    snprintf(bufs[n++], KT_DIFF_TEXT, "%s", (s = kt_graph_rel_until(g, e)) ? s : "");
    return n;
}

/* 0 when every field of x in ga equals that of y in gb. */
static int fields_differ(const kt_graph *ga, igraph_integer_t x, const kt_graph *gb, igraph_integer_t y, int rel)
{
    static char fa[KT_DIFF_FIELDS][KT_DIFF_TEXT], fb[KT_DIFF_FIELDS][KT_DIFF_TEXT];
    const char *na[KT_DIFF_FIELDS], *nb[KT_DIFF_FIELDS];
    size_t n = rel ? kt_diff_rel_fields(ga, x, na, fa) : kt_diff_entity_fields(ga, x, na, fa);
    size_t m = rel ? kt_diff_rel_fields(gb, y, nb, fb) : kt_diff_entity_fields(gb, y, nb, fb);
    if (n != m)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(fa[i], fb[i]) != 0)
            return 1;
    return 0;
}

/* ---- sorting ---- */

typedef struct {
    const kt_graph *g;
    const uint32_t *rank; /* vertex -> rank of its id among the ids of both models */
} side;

static int cmp_vid(const void *x, const void *y, void *ctx)
{
    const kt_graph *g = ctx;
    return strcmp(kt_graph_entity_id(g, *(const igraph_integer_t *)x), kt_graph_entity_id(g, *(const igraph_integer_t *)y));
}

static uint64_t key_hi(const side *s, igraph_integer_t e)
{
    return ((uint64_t)kt_graph_rel_type(s->g, e) << 32) | s->rank[kt_graph_rel_from(s->g, e)];
}

static uint64_t key_lo(const side *s, igraph_integer_t e)
{
    igraph_integer_t it = kt_graph_rel_item(s->g, e);
    return ((uint64_t)s->rank[kt_graph_rel_to(s->g, e)] << 32) | (it < 0 ? UINT32_MAX : s->rank[it]);
}

static int cmp_key(const side *a, igraph_integer_t x, const side *b, igraph_integer_t y)
{
    uint64_t p = key_hi(a, x), q = key_hi(b, y);
    if (p != q)
        return p < q ? -1 : 1;
    p = key_lo(a, x);
    q = key_lo(b, y);
    return p < q ? -1 : p > q;
}

static int cmp_f(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) - isnan(y);
    return x < y ? -1 : x > y;
}

static int cmp_s(const char *x, const char *y)
{
    return strcmp(x ? x : "", y ? y : "");
}

/* The facts of two relations, in an order consistent with kt_diff_rel_fields' equality. */
static int cmp_facts(const kt_graph *ga, igraph_integer_t x, const kt_graph *gb, igraph_integer_t y)
{
    kt_ival s1 = kt_graph_rel_share(ga, x), s2 = kt_graph_rel_share(gb, y);
    kt_ival v1 = kt_graph_rel_votes(ga, x), v2 = kt_graph_rel_votes(gb, y);
    int c;
    if ((c = cmp_f(s1.min, s2.min)) || (c = cmp_f(s1.max, s2.max)) || (c = cmp_f(v1.min, v2.min)) ||
        (c = cmp_f(v1.max, v2.max)))
        return c;
    unsigned f1 = kt_graph_rel_flags(ga, x) & ~(unsigned)KT_RF_VOTES_GIVEN;
    unsigned f2 = kt_graph_rel_flags(gb, y) & ~(unsigned)KT_RF_VOTES_GIVEN;
    if (f1 != f2)
        return f1 < f2 ? -1 : 1;
    if (kt_graph_rel_basis(ga, x) != kt_graph_rel_basis(gb, y))
        return kt_graph_rel_basis(ga, x) < kt_graph_rel_basis(gb, y) ? -1 : 1;
    if ((c = cmp_f(kt_graph_rel_qty(ga, x), kt_graph_rel_qty(gb, y))) ||
        (c = strcmp(kt_graph_rel_country(ga, x), kt_graph_rel_country(gb, y))) ||
        (c = cmp_s(kt_graph_rel_scope(ga, x), kt_graph_rel_scope(gb, y))) ||
        (c = cmp_s(kt_graph_rel_since(ga, x), kt_graph_rel_since(gb, y))))
        return c;
    return cmp_s(kt_graph_rel_until(ga, x), kt_graph_rel_until(gb, y));
}

static int cmp_rel(const void *x, const void *y, void *ctx)
{
    const side *s = ctx;
    igraph_integer_t a = *(const igraph_integer_t *)x, b = *(const igraph_integer_t *)y;
    int c = cmp_key(s, a, s, b);
    if (!c)
        c = cmp_facts(s->g, a, s->g, b);
    return c ? c : (a < b ? -1 : a > b);
}

/* ---- the diff ---- */

typedef struct {
    kt_diff_item *v;
    size_t n, cap;
} list;

static int push(list *l, kt_diff_kind k, igraph_integer_t a, igraph_integer_t b)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        kt_diff_item *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (kt_diff_item){k, a, b};
    return 0;
}

static igraph_integer_t *sorted_vertices(const kt_graph *g)
{
    igraph_integer_t n = kt_graph_vertex_count(g);
    igraph_integer_t *v = malloc(((size_t)n + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (igraph_integer_t i = 0; i < n; i++)
        v[i] = i;
    qsort_r(v, (size_t)n, sizeof *v, cmp_vid, (void *)g);
    return v;
}

/* Entities by id, and the shared rank of every id. */
static kt_err diff_entities(const kt_graph *ga, const kt_graph *gb, uint32_t *ra, uint32_t *rb, list *out)
{
    igraph_integer_t *va = sorted_vertices(ga), *vb = sorted_vertices(gb);
    igraph_integer_t na = kt_graph_vertex_count(ga), nb = kt_graph_vertex_count(gb), i = 0, j = 0;
    uint32_t rank = 0;
    kt_err rc = KT_ENOMEM;
    if (!va || !vb)
        goto out;
    while (i < na || j < nb) {
        int c = i >= na ? 1 : j >= nb ? -1 : strcmp(kt_graph_entity_id(ga, va[i]), kt_graph_entity_id(gb, vb[j]));
        if (c < 0) {
            ra[va[i]] = rank++;
            if (push(out, KT_DIFF_REMOVED, va[i++], -1) != 0)
                goto out;
        } else if (c > 0) {
            rb[vb[j]] = rank++;
            if (push(out, KT_DIFF_ADDED, -1, vb[j++]) != 0)
                goto out;
        } else {
            ra[va[i]] = rb[vb[j]] = rank++;
            if (fields_differ(ga, va[i], gb, vb[j], 0) && push(out, KT_DIFF_CHANGED, va[i], vb[j]) != 0)
                goto out;
            i++;
            j++;
        }
    }
    rc = KT_OK;
out:
    free(va);
    free(vb);
    return rc;
}

static igraph_integer_t *sorted_rels(const side *s)
{
    igraph_integer_t n = kt_graph_edge_count(s->g);
    igraph_integer_t *e = malloc(((size_t)n + 1) * sizeof *e);
    if (!e)
        return NULL;
    for (igraph_integer_t i = 0; i < n; i++)
        e[i] = i;
    qsort_r(e, (size_t)n, sizeof *e, cmp_rel, (void *)s);
    return e;
}

/* One key's relations on both sides (sorted by facts): equal ones pair off, then the rest in
 * order as changed, the surplus added or removed. */
static int diff_group(const side *a, const igraph_integer_t *ea, size_t na, const side *b,
                      const igraph_integer_t *eb, size_t nb, list *out, list *tmp)
{
    size_t i = 0, j = 0;
    tmp->n = 0;
    while (i < na || j < nb) {
        int c = i >= na ? 1 : j >= nb ? -1 : cmp_facts(a->g, ea[i], b->g, eb[j]);
        if (c == 0) {
            i++;
            j++;
        } else if (c < 0) {
            if (push(tmp, KT_DIFF_REMOVED, ea[i++], -1) != 0)
                return -1;
        } else if (push(tmp, KT_DIFF_ADDED, -1, eb[j++]) != 0) {
            return -1;
        }
    }
    size_t nr = 0, nadd = 0;
    for (size_t k = 0; k < tmp->n; k++)
        tmp->v[k].kind == KT_DIFF_REMOVED ? nr++ : nadd++;
    /* pair the k-th removed with the k-th added */
    size_t pr = 0, pa = 0;
    for (size_t k = 0; k < (nr < nadd ? nr : nadd); k++) {
        while (tmp->v[pr].kind != KT_DIFF_REMOVED)
            pr++;
        while (tmp->v[pa].kind != KT_DIFF_ADDED)
            pa++;
        if (push(out, KT_DIFF_CHANGED, tmp->v[pr++].a, tmp->v[pa++].b) != 0)
            return -1;
    }
    for (size_t k = 0; k < tmp->n; k++) {
        const kt_diff_item *x = &tmp->v[k];
        if (x->kind == KT_DIFF_REMOVED && k >= pr && push(out, x->kind, x->a, -1) != 0)
            return -1;
        if (x->kind == KT_DIFF_ADDED && k >= pa && push(out, x->kind, -1, x->b) != 0)
            return -1;
    }
    return 0;
}

kt_err kt_diff_run(const kt_graph *ga, const kt_graph *gb, kt_diff *out)
{
    size_t na = (size_t)kt_graph_vertex_count(ga), nb = (size_t)kt_graph_vertex_count(gb);
    uint32_t *ra = malloc((na + 1) * sizeof *ra), *rb = malloc((nb + 1) * sizeof *rb);
    list ents = {0}, rels = {0}, tmp = {0};
    igraph_integer_t *ea = NULL, *eb = NULL;
    kt_err rc = KT_ENOMEM;

    memset(out, 0, sizeof *out);
    if (!ra || !rb || diff_entities(ga, gb, ra, rb, &ents) != KT_OK)
        goto out;
    side a = {ga, ra}, b = {gb, rb};
    if (!(ea = sorted_rels(&a)) || !(eb = sorted_rels(&b)))
        goto out;
    size_t ma = (size_t)kt_graph_edge_count(ga), mb = (size_t)kt_graph_edge_count(gb), i = 0, j = 0;
    while (i < ma || j < mb) {
        int c = i >= ma ? 1 : j >= mb ? -1 : cmp_key(&a, ea[i], &b, eb[j]);
        size_t i2 = i, j2 = j;
        if (c <= 0)
            while (i2 < ma && cmp_key(&a, ea[i2], &a, ea[i]) == 0)
                i2++;
        if (c >= 0)
            while (j2 < mb && cmp_key(&b, eb[j2], &b, eb[j]) == 0)
                j2++;
        if (diff_group(&a, ea + i, i2 - i, &b, eb + j, j2 - j, &rels, &tmp) != 0)
            goto out;
        i = i2;
        j = j2;
    }
    out->ents = ents.v;
    out->nents = ents.n;
    out->rels = rels.v;
    out->nrels = rels.n;
    ents.v = rels.v = NULL;
    rc = KT_OK;
out:
    free(ra);
    free(rb);
    free(ea);
    free(eb);
    free(ents.v);
    free(rels.v);
    free(tmp.v);
    return rc;
}

void kt_diff_destroy(kt_diff *d)
{
    free(d->ents);
    free(d->rels);
    memset(d, 0, sizeof *d);
}

/* ---- watched entities ---- */

static const char *set_names[KT_WATCH_SETS] = {
    "controllers",          "possible controllers",          "ultimate controllers",
    "possible ultimate controllers", "beneficial owners",     "possible beneficial owners",
    "state influence",      "possible state influence"};

const char *kt_watch_set_name(int k) { return k >= 0 && k < KT_WATCH_SETS ? set_names[k] : "?"; }

static int in_set(const kt_own_party *p, int k)
{
    static const unsigned bits[KT_WATCH_SETS] = {0, 0, KT_OWN_F_ULTIMATE, KT_OWN_F_ULTIMATE_MAY,
                                                 KT_OWN_F_BO, KT_OWN_F_BO_MAY, KT_OWN_F_STATE, KT_OWN_F_STATE_MAY};
    if (k == 0)
        return p->controls == KT_OWN_YES;
    if (k == 1)
        return p->controls == KT_OWN_MAY;
    return (p->flags & bits[k]) != 0;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The ids of set k of r (empty when r is NULL), sorted; caller frees. */
static const char **set_ids(const kt_graph *g, const kt_own_result *r, int k, size_t *n)
{
    const char **v = malloc(((r ? r->n : 0) + 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; r && i < r->n; i++)
        if (in_set(&r->parties[i], k))
            v[(*n)++] = kt_graph_entity_id(g, r->parties[i].v);
    qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

kt_err kt_diff_watch(const kt_graph *ga, const kt_graph *gb, const char *id, const kt_own_opts *o, kt_watch *out,
                     kt_errinfo *ei)
{
    kt_own_result ra, rb;
    igraph_integer_t va = kt_graph_find(ga, id), vb = kt_graph_find(gb, id);
    kt_err rc = KT_OK;

    memset(out, 0, sizeof *out);
    memset(&ra, 0, sizeof ra);
    memset(&rb, 0, sizeof rb);
    out->in_a = va >= 0;
    out->in_b = vb >= 0;
    out->changed = out->in_a != out->in_b;
    if ((va >= 0 && (rc = kt_own_upstream(ga, va, o, &ra, ei)) != KT_OK) ||
        (vb >= 0 && (rc = kt_own_upstream(gb, vb, o, &rb, ei)) != KT_OK))
        goto out;
    for (int k = 0; k < KT_WATCH_SETS; k++) {
        size_t n1, n2, i = 0, j = 0;
        const char **s1 = set_ids(ga, va >= 0 ? &ra : NULL, k, &n1), **s2 = set_ids(gb, vb >= 0 ? &rb : NULL, k, &n2);
        out->gone[k] = malloc((n1 + 1) * sizeof *out->gone[k]);
        out->came[k] = malloc((n2 + 1) * sizeof *out->came[k]);
        if (!s1 || !s2 || !out->gone[k] || !out->came[k]) {
            free(s1);
            free(s2);
            rc = KT_ENOMEM;
            goto out;
        }
        while (i < n1 || j < n2) {
            int c = i >= n1 ? 1 : j >= n2 ? -1 : strcmp(s1[i], s2[j]);
            if (c < 0)
                out->gone[k][out->ngone[k]++] = s1[i++];
            else if (c > 0)
                out->came[k][out->ncame[k]++] = s2[j++];
            else
                i++, j++;
        }
        out->changed |= out->ngone[k] || out->ncame[k];
        free(s1);
        free(s2);
    }
out:
    kt_own_result_destroy(&ra);
    kt_own_result_destroy(&rb);
    return rc;
}

void kt_watch_destroy(kt_watch *w)
{
    for (int k = 0; k < KT_WATCH_SETS; k++) {
        free(w->gone[k]);
        free(w->came[k]);
    }
    memset(w, 0, sizeof *w);
}
