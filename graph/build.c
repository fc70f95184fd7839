/* build.c: turning loaded records into the igraph model, and the model's own checks. */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "graph_i.h"

/* Slot -> vertex when aliases exist: canonical declared slots are numbered in slot order.
 * Without aliases the mapping is the identity and no arrays are made. */
static kt_err number_vertices(kt_graph *g)
{
    uint32_t n = g->ids.n;
    if (!g->canon) {
        g->nv = n;
        return KT_OK;
    }
    /* flatten alias chains */
    for (uint32_t s = 0; s < n; s++) {
        uint32_t c = s;
        while (g->canon[c] != c)
            c = g->canon[c];
        g->canon[s] = c;
    }
    g->slot_vert = malloc((size_t)n * sizeof *g->slot_vert);
    g->vert_slot = malloc((size_t)n * sizeof *g->vert_slot);
    if (!g->slot_vert || !g->vert_slot)
        return KT_ENOMEM;
    igraph_integer_t v = 0;
    for (uint32_t s = 0; s < n; s++)
        if (g->canon[s] == s) {
            g->slot_vert[s] = (uint32_t)v;
            g->vert_slot[v++] = s;
        }
    for (uint32_t s = 0; s < n; s++)
        if (g->canon[s] != s)
            g->slot_vert[s] = g->slot_vert[g->canon[s]];
    g->nv = v;
    return KT_OK;
}

static uint32_t vert_of(const kt_graph *g, uint32_t slot)
{
    return g->slot_vert ? g->slot_vert[slot] : slot;
}

static uint32_t canon(const kt_graph *g, uint32_t slot)
{
    return g->canon ? g->canon[slot] : slot;
}

static const char *rel_src(const kt_graph *g, const kt_graph_i_rel *r)
{
    return r->extra != NONE && g->extras[r->extra].source != NONE ? g->strs.str[g->extras[r->extra].source]
                                                                  : NULL;
}

/* Every relation endpoint and supplied item must be a declared entity: relations lo..hi-1. */
static kt_err check_endpoints(kt_graph *g, kt_diags *d, int *bad, size_t lo, size_t hi)
{
    for (size_t e = lo; e < hi; e++) {
        const kt_graph_i_rel *r = &g->rels[e];
        uint32_t ends[3] = {(uint32_t)VECTOR(g->efrom)[e], (uint32_t)VECTOR(g->eto)[e],
                            r->extra != NONE ? g->extras[r->extra].item : NONE};
        static const char *role[3] = {"from", "to", "item"};
        for (int k = 0; k < 3; k++) {
            if (ends[k] == NONE || g->ents[canon(g, ends[k])].file != NONE)
                continue;
            *bad = 1;
            if (kt_diags_add(d, KT_SEV_ERROR, "unknown_entity", r->file, r->line, r->line ? NULL : rel_src(g, r),
                             "%s relation %s \"%s\" is not a declared entity", kt_rtype_name((kt_rtype)r->type),
                             role[k], g->ids.str[ends[k]]) != KT_OK)
                return KT_ENOMEM;
        }
    }
    return KT_OK;
}

/* A bill of materials must be acyclic.  Kahn's algorithm over contains edges; whatever is
 * left has a cycle on it or below one, and one cycle per group is walked and reported.
 * Complexity: O(|V| + |E|). */
static kt_err check_contains_cycles(kt_graph *g, kt_diags *d)
{
    kt_err rc = KT_OK;
    igraph_integer_t nv = g->nv, *indeg = NULL, *queue = NULL, head = 0, tail = 0;
    unsigned char *mark = NULL;
    const igraph_integer_t *eids;

    indeg = calloc((size_t)nv + 1, sizeof *indeg);
    queue = malloc(((size_t)nv + 1) * sizeof *queue);
    mark = calloc((size_t)nv + 1, 1);
    if (!indeg || !queue || !mark) {
        rc = KT_ENOMEM;
        goto out;
    }
    /* only vertices with a contains relation take part (mark 4: one goes out); their number */
    igraph_integer_t parts = 0;
    for (size_t e = 0; e < g->nrels; e++)
        if (g->rels[e].type == KT_REL_CONTAINS) {
            igraph_integer_t a = IGRAPH_FROM(&g->ig, e), b = IGRAPH_TO(&g->ig, e);
            parts += !indeg[b]++ && !mark[b];
            parts += !mark[a] && !indeg[a];
            mark[a] = 4;
        }
    for (igraph_integer_t v = 0; v < nv; v++)
        if (indeg[v] == 0 && mark[v] == 4)
            queue[tail++] = v;
    while (head < tail) {
        igraph_integer_t v = queue[head++];
        igraph_integer_t n = kt_graph_out(g, v, &eids);
        for (igraph_integer_t i = 0; i < n; i++)
            if (g->rels[eids[i]].type == KT_REL_CONTAINS && --indeg[IGRAPH_TO(&g->ig, eids[i])] == 0)
                queue[tail++] = IGRAPH_TO(&g->ig, eids[i]);
    }
    if (tail == parts)
        goto out;
    memset(mark, 0, (size_t)nv + 1);
    /* walk each unreported cycle: from a leftover vertex follow leftover contains edges until a
     * vertex repeats; mark 1 = on the current walk, 2 = done */
    for (igraph_integer_t s = 0; s < nv; s++) {
        if (indeg[s] == 0 || mark[s])
            continue;
        igraph_integer_t len = 0, v = s, first_e = -1;
        while (!mark[v]) {
            mark[v] = 1;
            queue[len++] = v;
            igraph_integer_t n = kt_graph_out(g, v, &eids), next = -1;
            for (igraph_integer_t i = 0; i < n && next < 0; i++)
                if (g->rels[eids[i]].type == KT_REL_CONTAINS && indeg[IGRAPH_TO(&g->ig, eids[i])] > 0) {
                    next = IGRAPH_TO(&g->ig, eids[i]);
                    if (mark[next] == 1)
                        first_e = eids[i];
                }
            if (next < 0)
                break; /* cannot happen: every leftover vertex has a leftover successor */
            v = next;
        }
        if (mark[v] == 1 && first_e >= 0) {
            /* the cycle is queue[k..len) where queue[k] == v */
            char path[400];
            size_t used = 0;
            igraph_integer_t k = 0;
            while (queue[k] != v)
                k++;
            for (igraph_integer_t i = k; i <= len && used < sizeof path - 8; i++) {
                const char *id = kt_graph_entity_id(g, i < len ? queue[i] : v);
                int w = snprintf(path + used, sizeof path - used, "%s%s", i > k ? " -> " : "", id);
                if (w < 0 || (size_t)w >= sizeof path - used) {
                    snprintf(path + used, sizeof path - used, " ...");
                    break;
                }
                used += (size_t)w;
            }
            const kt_graph_i_rel *r = &g->rels[first_e];
            rc = kt_diags_add(d, KT_SEV_ERROR, "contains_cycle", r->file, r->line, r->line ? NULL : rel_src(g, r),
                              "contains cycle: %s (a bill of materials must be acyclic)", path);
            if (rc != KT_OK)
                goto out;
        }
        for (igraph_integer_t i = 0; i < len; i++)
            mark[queue[i]] = 2;
    }
out:
    free(indeg);
    free(queue);
    free(mark);
    return rc;
}

static kt_err warn_ent(kt_graph *g, kt_diags *d, igraph_integer_t v, const char *code, const char *fmt_msg)
{
    uint32_t s = g->vert_slot ? g->vert_slot[v] : (uint32_t)v;
    const kt_graph_i_ent *x = &g->ents[s];
    return kt_diags_add(d, KT_SEV_WARNING, code, x->file, x->line,
                        x->line ? NULL : (x->source != NONE ? g->strs.str[x->source] : g->ids.str[s]), fmt_msg,
                        g->ids.str[s]);
}

/* Bit v of a per-vertex bitset (NULL: every bit set). */
static int bit(const uint64_t *b, igraph_integer_t v)
{
    return !b || ((b[v >> 6] >> (v & 63)) & 1);
}

/* Ownership totals, self-loops, isolated entities, items without origin: vertices lo..hi-1.
 * owns_in and owns_loop (or NULL) hold at least the vertices with an owns relation in and with
 * an owns self-loop: the others' relations need not be read for the first two.
 * Complexity: O(|V| + |E|) over all parts, the relations read those of owned companies and items. */
static kt_err check_model(kt_graph *g, kt_diags *d, igraph_integer_t lo, igraph_integer_t hi, const uint64_t *owns_in,
                          const uint64_t *owns_loop)
{
    const igraph_integer_t *eids;
    kt_err rc = KT_OK;

    for (igraph_integer_t v = lo; v < hi; v++) {
        igraph_integer_t nin = kt_graph_in(g, v, &eids);
        double share = 0, votes = 0;
        igraph_integer_t last = -1;
        for (igraph_integer_t i = 0; i < nin && bit(owns_in, v); i++) {
            const kt_graph_i_rel *r = &g->rels[eids[i]];
            /* declared summaries restate the chain; counting them would add a share twice */
            if (r->type != KT_REL_OWNS || (r->flags & KT_RF_DECLARED))
                continue;
            if (r->smin != KT_PCT_NONE)
                share += kt_graph_i_pct_get(r->smin);
            kt_ival vo = kt_graph_rel_votes(g, eids[i]);
            if (!isnan(vo.min))
                votes += vo.min;
            last = eids[i];
        }
        /* 1e-4: a margin for rounded figures in the sources (shares are stored exactly) */
        if (share > 100 + 1e-4 || votes > 100 + 1e-4) {
            const kt_graph_i_rel *r = &g->rels[last];
            int sh = share > 100 + 1e-4;
            rc = kt_diags_add(d, KT_SEV_ERROR, sh ? "owns_share_above_100" : "owns_votes_above_100", r->file,
                              r->line, r->line ? NULL : rel_src(g, r),
                              "owners of \"%s\" hold %.4g%% of its %s in all (more than 100%%)",
                              kt_graph_entity_id(g, v), sh ? share : votes, sh ? "capital" : "votes");
            if (rc != KT_OK)
                return rc;
        }
        igraph_integer_t nout = kt_graph_out(g, v, &eids);
        if (nin + nout == 0 && (rc = warn_ent(g, d, v, "entity_isolated", "entity \"%s\" has no relations")) != KT_OK)
            return rc;
        for (igraph_integer_t i = 0; i < nout && bit(owns_loop, v); i++) {
            igraph_integer_t e = eids[i];
            const kt_graph_i_rel *r = &g->rels[e];
            if (r->type == KT_REL_OWNS && IGRAPH_TO(&g->ig, e) == v) {
                rc = kt_diags_add(d, KT_SEV_WARNING, "owns_self_loop", r->file, r->line, r->line ? NULL : rel_src(g, r),
                                  "\"%s\" owns itself (treasury shares are left out of ownership analyses)",
                                  kt_graph_entity_id(g, v));
                if (rc != KT_OK)
                    return rc;
            }
        }
        if (kt_etype_is_item(kt_graph_entity_type(g, v)) && !kt_graph_entity_country_index(g, v)) {
            /* an item's origin: its country, else its made_by's country, else its manufacturer's */
            int known = 0;
            for (igraph_integer_t i = 0; i < nout && !known; i++) {
                igraph_integer_t e = eids[i];
                if (g->rels[e].type == KT_REL_MADE_BY)
                    known = kt_graph_rel_country(g, e)[0] || kt_graph_entity_country_index(g, IGRAPH_TO(&g->ig, e));
            }
            if (!known && (rc = warn_ent(g, d, v, "item_no_origin", "item \"%s\" has no known origin")) != KT_OK)
                return rc;
        }
    }
    return KT_OK;
}

/* A partial ISO date widened to a full day: the first day of its period (lo) or the last. */
void kt_graph_i_widen(const char *date, int last, char out[11])
{
    size_t n = strlen(date);
    memcpy(out, last ? "9999-12-31" : "0000-01-01", 11);
    memcpy(out, date, n < 10 ? n : 10);
    if (n == 4 && last)
        memcpy(out + 4, "-12-31", 7);
    else if (n == 7 && last)
        memcpy(out + 7, "-31", 4);
}

/* Keep the relations whose keep[] is set, in their order.  Complexity: O(|E|). */
static void compact(kt_graph *g, const unsigned char *keep)
{
    size_t k = 0;
    for (size_t e = 0; e < g->nrels; e++) {
        if (!keep[e])
            continue;
        g->rels[k] = g->rels[e];
        VECTOR(g->efrom)[k] = VECTOR(g->efrom)[e];
        VECTOR(g->eto)[k] = VECTOR(g->eto)[e];
        k++;
    }
    g->nrels = k;
    igraph_vector_int_resize(&g->efrom, (igraph_integer_t)k); /* shrinking cannot fail */
    igraph_vector_int_resize(&g->eto, (igraph_integer_t)k);
}

static void raise_to(char b[11], const char *d)
{
    if (!b[0] || strcmp(d, b) > 0)
        memcpy(b, d, 11);
}

static void lower_to(char b[11], const char *d)
{
    if (!b[0] || strcmp(d, b) < 0)
        memcpy(b, d, 11);
}

/* The dates on which the same relations would be kept as on date (NULL: all kept): a kept
 * relation must stay valid, one left out must stay out on the same side.
 * Complexity: O(|E|). */
static void date_window(kt_graph *g, const char *date)
{
    char lo[11], hi[11];
    g->win_from[0] = g->win_after[0] = g->win_to[0] = g->win_before[0] = '\0';
    for (size_t e = 0; e < g->nrels; e++) {
        const kt_graph_i_rel *r = &g->rels[e];
        if (r->extra == NONE)
            continue;
        const kt_graph_i_extra *x = &g->extras[r->extra];
        if (x->since == NONE && x->until == NONE)
            continue;
        kt_graph_i_widen(x->since != NONE ? g->strs.str[x->since] : "0000", 0, lo);
        kt_graph_i_widen(x->until != NONE ? g->strs.str[x->until] : "9999", 1, hi);
        if (date && strcmp(date, lo) < 0)
            lower_to(g->win_before, lo); /* not started yet: must not start */
        else if (date && strcmp(date, hi) > 0)
            raise_to(g->win_after, hi); /* over: must stay over */
        else {
            raise_to(g->win_from, lo);
            lower_to(g->win_to, hi);
        }
    }
}

kt_err kt_graph_supersede(kt_graph *g, const char *source, const char *until)
{
    uint32_t a, b;
    if (!source || !until)
        return KT_OK;
    if (kt_graph_i_reserve((void **)&g->supersede, &g->supersede_cap, 2 * g->nsupersede + 2, sizeof *g->supersede) !=
            0 ||
        (a = kt_graph_i_str_add(g, source)) == KT_INTERN_ENOMEM || (b = kt_graph_i_str_add(g, until)) == KT_INTERN_ENOMEM)
        return KT_ENOMEM;
    g->supersede[2 * g->nsupersede] = a;
    g->supersede[2 * g->nsupersede + 1] = b;
    g->nsupersede++;
    return KT_OK;
}

static int cmp_pair(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] > y[1]) - (x[1] < y[1]);
}

/* End the relations of superseded sources (kt_graph_supersede): until becomes the earlier of
 * its own and the supersession's.  Complexity: O(S log S + |E| log S). */
static void apply_supersede(kt_graph *g)
{
    char a[11], b[11];
    qsort(g->supersede, g->nsupersede, 2 * sizeof *g->supersede, cmp_pair);
    for (size_t e = 0; e < g->nrels; e++) {
        if (g->rels[e].extra == NONE)
            continue;
        kt_graph_i_extra *x = &g->extras[g->rels[e].extra];
        uint32_t key[2] = {x->source, 0};
        if (x->source == NONE)
            continue;
        size_t lo = 0, hi = g->nsupersede;
        while (lo < hi) { /* the first pair with this source */
            size_t mid = lo + (hi - lo) / 2;
            if (cmp_pair(&g->supersede[2 * mid], key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < g->nsupersede && g->supersede[2 * lo] == x->source; lo++) {
            uint32_t u = g->supersede[2 * lo + 1];
            if (x->until != NONE) {
                kt_graph_i_widen(g->strs.str[x->until], 1, a);
                kt_graph_i_widen(g->strs.str[u], 1, b);
                if (strcmp(b, a) >= 0)
                    continue;
            }
            x->until = u;
        }
    }
}

/* Leave out the relations not valid on the as-of date (else today).  Complexity: O(|E|). */
static kt_err filter_by_date(kt_graph *g)
{
    const char *date = kt_graph_date(g);
    char lo[11], hi[11];
    unsigned char *keep = malloc(g->nrels + 1);
    if (!keep)
        return KT_ENOMEM;
    for (size_t e = 0; e < g->nrels; e++) {
        const kt_graph_i_rel *r = &g->rels[e];
        int ok = 1;
        if (r->extra != NONE) {
            const kt_graph_i_extra *x = &g->extras[r->extra];
            if (x->since != NONE) {
                kt_graph_i_widen(g->strs.str[x->since], 0, lo);
                ok &= strcmp(lo, date) <= 0;
            }
            if (x->until != NONE) {
                kt_graph_i_widen(g->strs.str[x->until], 1, hi);
                ok &= strcmp(hi, date) >= 0;
            }
        }
        keep[e] = (unsigned char)ok;
        g->dropped_by_date += !ok;
    }
    compact(g, keep);
    free(keep);
    return KT_OK;
}

/* What makes two ownership or control relations the same fact. */
typedef struct {
    igraph_integer_t from, to;
    kt_graph_i_pct smin, smax, vmin, vmax;
    uint8_t type, basis, declared;
    uint32_t index;
} fact;

static int cmp_fact(const void *a, const void *b)
{
    const fact *x = a, *y = b;
#define CMP(f) if (x->f != y->f) return x->f < y->f ? -1 : 1
    CMP(from); CMP(to); CMP(type); CMP(basis); CMP(declared);
#undef CMP
    /* unknown (KT_PCT_NONE) sorts as equal to unknown: compare the stored units */
    int c = memcmp(&x->smin, &y->smin, 4 * sizeof x->smin);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The same ownership or control fact stated in two files (a register extract and a BODS
 * export of it, two versions of one BOM) is one fact: counted twice it would double a
 * stake.  Later copies from other files are left out with a duplicate_relation warning
 * that names both places; repeats within one file stay (they may be real, e.g. two share
 * classes) and the >100% check judges them.  Runs only when several files were loaded.
 * Complexity: O(k log k) for the k owns and controls relations. */
static kt_err drop_repeated_facts(kt_graph *g, kt_diags *d)
{
    kt_err rc = KT_OK;
    fact *f = NULL;
    unsigned char *keep = NULL;
    size_t k = 0;

    if (g->files.n < 2)
        return KT_OK;
    f = malloc((g->nrels + 1) * sizeof *f);
    keep = malloc(g->nrels + 1);
    if (!f || !keep) {
        rc = KT_ENOMEM;
        goto out;
    }
    memset(keep, 1, g->nrels + 1);
    for (size_t e = 0; e < g->nrels; e++) {
        const kt_graph_i_rel *r = &g->rels[e];
        if (r->type != KT_REL_OWNS && r->type != KT_REL_CONTROLS)
            continue;
        const kt_graph_i_extra *x = r->extra != NONE ? &g->extras[r->extra] : NULL;
        fact *t = &f[k++];
        memset(t, 0, sizeof *t);
        t->from = VECTOR(g->efrom)[e];
        t->to = VECTOR(g->eto)[e];
        t->smin = r->smin;
        t->smax = r->smax;
        t->vmin = (r->flags & KT_RF_VOTES_GIVEN) ? x->vmin : r->smin;
        t->vmax = (r->flags & KT_RF_VOTES_GIVEN) ? x->vmax : r->smax;
        t->type = r->type;
        t->basis = x ? x->basis : 0;
        t->declared = (r->flags & KT_RF_DECLARED) != 0;
        t->index = (uint32_t)e;
    }
    qsort(f, k, sizeof *f, cmp_fact);
    for (size_t i = 1, first = 0; i < k; i++) {
        fact a = f[first], b = f[i];
        a.index = b.index = 0;
        if (cmp_fact(&a, &b) != 0) {
            first = i;
            continue;
        }
        const kt_graph_i_rel *r0 = &g->rels[f[first].index], *r1 = &g->rels[f[i].index];
        if (r0->file == r1->file)
            continue;
        keep[f[i].index] = 0;
        rc = kt_diags_add(d, KT_SEV_WARNING, "duplicate_relation", r1->file, r1->line, NULL,
                          "the same %s relation as at %s:%u: counted once", kt_rtype_name((kt_rtype)r1->type),
                          g->files.str[r0->file], r0->line);
        if (rc != KT_OK)
            goto out;
    }
    compact(g, keep);
out:
    free(f);
    free(keep);
    return rc;
}

/* The checks in parts on every thread.  Each part writes diagnostics of its own; they are
 * added to d in part order once all are done, so d ends as after the parts run one by one.
 * Endpoints: PARTS parts of the relations.  After igraph is made: the bill-of-materials cycles,
 * then PARTS parts of the vertices for the model checks. */
#define PARTS 8

typedef struct {
    kt_graph *g;
    int after;           /* the checks after igraph is made, else the endpoints */
    const uint64_t *owns_in, *owns_loop; /* check_model's, or NULL */
    atomic_int next;
    kt_diags *d[1 + PARTS];
    kt_err rc[1 + PARTS];
    int bad[1 + PARTS];
} checks;

static void *run_checks(void *arg)
{
    checks *c = arg;
    kt_graph *g = c->g;
    for (int i; (i = atomic_fetch_add(&c->next, 1)) <= PARTS;) {
        if (!c->d[i])
            c->rc[i] = KT_ENOMEM;
        else if (!c->after && i > 0)
            c->rc[i] = check_endpoints(g, c->d[i], &c->bad[i], g->nrels * (size_t)(i - 1) / PARTS,
                                       g->nrels * (size_t)i / PARTS);
        else if (c->after && i == 0)
            c->rc[i] = check_contains_cycles(g, c->d[i]);
        else if (c->after)
            c->rc[i] = check_model(g, c->d[i], g->nv * (i - 1) / PARTS, g->nv * i / PARTS, c->owns_in, c->owns_loop);
    }
    return NULL;
}

/* O(|V| + |E|) work on min(threads, 2) threads: the two are what every step before has used */
static kt_err parallel_checks(kt_graph *g, kt_diags *d, int after, const uint64_t *owns, int *bad)
{
    checks c;
    pthread_t t;
    kt_err rc = KT_OK;

    memset(&c, 0, sizeof c);
    c.g = g;
    c.after = after;
    if (owns) {
        c.owns_in = owns;
        c.owns_loop = owns + (size_t)g->nv / 64 + 1;
    }
    atomic_init(&c.next, 0);
    for (int i = 0; i <= PARTS; i++)
        c.d[i] = kt_diags_new();
    int threaded = kt_graph_i_threads() > 1 && g->nrels >= 65536 && pthread_create(&t, NULL, run_checks, &c) == 0;
    run_checks(&c);
    if (threaded)
        pthread_join(t, NULL);
    for (int i = 0; i <= PARTS; i++) {
        if (rc == KT_OK && (rc = c.rc[i]) == KT_OK)
            rc = kt_diags_append(d, c.d[i]);
        *bad |= c.bad[i];
        kt_diags_free(c.d[i]);
    }
    return rc;
}

kt_err kt_graph_build(kt_graph *g, kt_diags *d)
{
    kt_err rc;
    int bad = 0;

    if (g->built)
        return KT_EUSAGE;
    kt_graph_i_pf_stop(&g->pf); /* before any array it was given moves or goes */
    /* the short ids kept in the hash table sped up loading; lookups from now on read the text,
     * and the memory goes before the build's arrays come */
    kt_graph_i_intern_drop_pre(&g->ids);
    if (g->nsupersede)
        apply_supersede(g);
    date_window(g, kt_graph_date(g));
    if (kt_graph_date(g) && (rc = filter_by_date(g)) != KT_OK)
        return rc;
    if ((rc = number_vertices(g)) != KT_OK)
        return rc;
    if ((rc = parallel_checks(g, d, 0, NULL, &bad)) != KT_OK || (rc = kt_graph_i_marks_build(g, d, &bad)) != KT_OK)
        return rc;
    if (bad)
        return KT_EINVALID;
    /* slots -> vertices, in place; on the way, which vertices have an owns relation in and an
     * owns self-loop (for the checks below; without the memory they read every relation) */
    size_t words = (size_t)g->nv / 64 + 1;
    uint64_t *owns = calloc(2 * words, sizeof *owns);
    igraph_integer_t ne = igraph_vector_int_size(&g->efrom);
    for (igraph_integer_t i = 0; i < ne; i++) {
        uint32_t a = vert_of(g, (uint32_t)VECTOR(g->efrom)[i]), b = vert_of(g, (uint32_t)VECTOR(g->eto)[i]);
        VECTOR(g->efrom)[i] = a;
        VECTOR(g->eto)[i] = b;
        if (owns && g->rels[i].type == KT_REL_OWNS) {
            owns[b >> 6] |= 1ull << (b & 63);
            if (a == b)
                owns[words + (a >> 6)] |= 1ull << (a & 63);
        }
    }
    for (size_t x = 0; x < g->nextras; x++)
        if (g->extras[x].item != NONE)
            g->extras[x].item = vert_of(g, g->extras[x].item);
    /* (relations dropped here leave bits set: the checks then read a little more) */
    if ((rc = drop_repeated_facts(g, d)) != KT_OK ||
        (rc = kt_graph_i_create(&g->ig, &g->efrom, &g->eto, g->nv)) != KT_OK) {
        free(owns);
        return rc;
    }
    g->built = 1;
    /* give back the growth slack of the side arrays */
    if (g->nrels && g->rels_cap > g->nrels) {
        kt_graph_i_rel *r = realloc(g->rels, g->nrels * sizeof *r);
        if (r) {
            g->rels = r;
            g->rels_cap = g->nrels;
        }
    }
    rc = parallel_checks(g, d, 1, owns, &bad);
    free(owns);
    return rc;
}

int kt_graph_check(const kt_graph *g, FILE *out)
{
    int bad = 0;
    if (!g->built) {
        fprintf(out, "graph not built\n");
        return 1;
    }
    if (igraph_vcount(&g->ig) != g->nv) {
        fprintf(out, "vertex count %ld != %ld\n", (long)igraph_vcount(&g->ig), (long)g->nv);
        bad = 1;
    }
    if ((size_t)igraph_ecount(&g->ig) != g->nrels) {
        fprintf(out, "edge count %ld != %zu\n", (long)igraph_ecount(&g->ig), g->nrels);
        bad = 1;
    }
    for (size_t e = 0; e < g->nrels && !bad; e++) {
        const kt_graph_i_rel *r = &g->rels[e];
        if (r->type >= KT_REL__COUNT || r->file >= g->files.n) {
            fprintf(out, "relation %zu: bad type or file\n", e);
            bad = 1;
        }
        if (r->smin != KT_PCT_NONE && !(r->smin <= r->smax && r->smax <= kt_graph_i_pct_put(100))) {
            fprintf(out, "relation %zu: bad share interval\n", e);
            bad = 1;
        }
        if (r->extra != NONE && (r->extra >= g->nextras ||
                                 (g->extras[r->extra].item != NONE && g->extras[r->extra].item >= (uint32_t)g->nv))) {
            fprintf(out, "relation %zu: bad extra\n", e);
            bad = 1;
        }
    }
    for (igraph_integer_t v = 0; v < g->nv && !bad; v++) {
        uint32_t s = g->vert_slot ? g->vert_slot[v] : (uint32_t)v;
        if (g->ents[s].file == NONE || g->ents[s].type >= KT_ENT__COUNT) {
            fprintf(out, "vertex %ld: undeclared or bad type\n", (long)v);
            bad = 1;
        }
        if (kt_graph_find(g, g->ids.str[s]) != v) {
            fprintf(out, "vertex %ld: id lookup mismatch\n", (long)v);
            bad = 1;
        }
    }
    return bad;
}
