/* screen.c: bulk screening (see kt_screen.h for what it computes and why). */
#include <stdlib.h>
#include <string.h>

#include "kt_screen.h"

/* The searches: three kinds of risk origin, where the data stops, control from a risk
 * origin through explicit control relations only, and marks the policy makes findings
 * (sanctioned, debarred, export_controlled). */
enum { CL_C1 = 0, CL_C2, CL_SO, CL_UNKNOWN, CL_CONTROL, CL_MARK, CL__N };

struct kt_screen {
    const kt_graph *g;
    const kt_policy *p;
    double owner_share;
    int max_depth;
    igraph_integer_t nv;
    uint8_t *reasons;      /* per vertex: KT_REASON_* */
    uint8_t *unknown;      /* per vertex: KT_UNK_* bits (kt_dep_unknown) */
    /* who depends on each vertex, as a compact adjacency built in two passes over the
     * relations in order (sequential reads beat per-vertex iteration at 10M relations):
     * rev_off[v]..rev_off[v+1] index rev_node (the dependent), rev_edge and rev_ctrl */
    int32_t *rev_off, *rev_node, *rev_edge;
    uint8_t *rev_ctrl;     /* the step confers control (controls_step) */
    double control;        /* the policy's control threshold, percent of votes */
    int32_t *dist[CL__N];  /* per vertex: relations to the nearest source; -1 none within max_depth */
    int32_t *next[CL__N];  /* per vertex: the first relation on that path; -1 at a source */
};

static int is_source(const kt_screen *s, int cls, igraph_integer_t v)
{
    switch (cls) {
    case CL_C1: return (s->reasons[v] & KT_REASON_C1) != 0;
    case CL_C2: return (s->reasons[v] & KT_REASON_C2) != 0;
    case CL_SO: return (s->reasons[v] & KT_REASON_STATE_OWNED) != 0;
    case CL_UNKNOWN: return s->unknown[v] != 0;
    case CL_MARK: return (s->reasons[v] & KT_REASON_MARKS) != 0;
    default: return (s->reasons[v] & KT_REASON_RISK) != 0;
    }
}

/* One multi-source breadth-first search backwards along dependency steps.  Sources enter
 * in vertex order and steps in relation order, so ties resolve the same way every run.
 * Complexity: O(|V| + |E|), each vertex expanded once, only up to max_depth. */
static void search(kt_screen *s, int cls, int32_t *queue)
{
    int32_t *dist = s->dist[cls], *next = s->next[cls];
    igraph_integer_t head = 0, tail = 0;

    for (igraph_integer_t v = 0; v < s->nv; v++) {
        next[v] = -1;
        if (is_source(s, cls, v)) {
            dist[v] = 0;
            queue[tail++] = (int32_t)v;
        } else {
            dist[v] = -1;
        }
    }
    while (head < tail) {
        int32_t v = queue[head++];
        if (dist[v] >= s->max_depth)
            continue;
        for (int32_t k = s->rev_off[v]; k < s->rev_off[v + 1]; k++) {
            int32_t u = s->rev_node[k];
            if (dist[u] >= 0 || (cls == CL_CONTROL && !s->rev_ctrl[k]))
                continue;
            dist[u] = dist[v] + 1;
            next[u] = s->rev_edge[k];
            queue[tail++] = u;
        }
    }
}

/* Whether relation e, as a dependency step, confers control: an explicit controls relation, or
 * an owns relation whose votes are certainly above the control threshold (a majority
 * holding).  Majorities put together from several minority holdings are the owners
 * analysis' business (keten owners); here a chain of such steps reads "controlled from". */
static int controls_step(const kt_screen *s, igraph_integer_t e)
{
    kt_rtype t = kt_graph_rel_type(s->g, e);
    if (kt_graph_rel_is_control(s->g, e))
        return 1;
    if (t != KT_REL_OWNS)
        return 0;
    kt_ival v = kt_graph_rel_votes(s->g, e);
    return !kt_ival_is_unknown(v) && v.min > s->control;
}

/* The reverse dependency adjacency: count, prefix-sum, fill.  Complexity: O(|V| + |E|). */
static kt_err build_reverse(kt_screen *s)
{
    const kt_graph *g = s->g;
    igraph_integer_t ne = kt_graph_edge_count(g), a, b;
    kt_via via;
    int32_t *fill = NULL;

    if (!(s->rev_off = calloc((size_t)s->nv + 2, sizeof *s->rev_off)))
        return KT_ENOMEM;
    for (igraph_integer_t e = 0; e < ne; e++)
        if (kt_dep_edge(g, e, s->owner_share, &a, &b, &via))
            s->rev_off[b + 1]++;
    for (igraph_integer_t v = 0; v < s->nv; v++)
        s->rev_off[v + 1] += s->rev_off[v];
    size_t m = (size_t)s->rev_off[s->nv] + 1;
    s->rev_node = malloc(m * sizeof *s->rev_node);
    s->rev_edge = malloc(m * sizeof *s->rev_edge);
    s->rev_ctrl = malloc(m);
    fill = malloc(((size_t)s->nv + 1) * sizeof *fill);
    if (!s->rev_node || !s->rev_edge || !s->rev_ctrl || !fill) {
        free(fill);
        return KT_ENOMEM;
    }
    memcpy(fill, s->rev_off, (size_t)s->nv * sizeof *fill);
    for (igraph_integer_t e = 0; e < ne; e++)
        if (kt_dep_edge(g, e, s->owner_share, &a, &b, &via)) {
            int32_t k = fill[b]++;
            s->rev_node[k] = (int32_t)a;
            s->rev_edge[k] = (int32_t)e;
            s->rev_ctrl[k] = (uint8_t)controls_step(s, e);
        }
    free(fill);
    return KT_OK;
}

kt_err kt_screen_new(const kt_graph *g, const kt_policy *p, kt_screen **out)
{
    kt_err rc = KT_OK;
    int32_t *queue = NULL;
    kt_screen *s = calloc(1, sizeof *s);

    *out = NULL;
    if (!s)
        return KT_ENOMEM;
    if (kt_graph_edge_count(g) >= INT32_MAX || kt_graph_vertex_count(g) >= INT32_MAX) {
        rc = KT_EUSAGE;
        goto out;
    }
    s->g = g;
    s->p = p;
    s->owner_share = kt_policy_thresholds_get(p)->owner_share;
    s->max_depth = kt_policy_thresholds_get(p)->max_depth;
    s->control = kt_policy_thresholds_get(p)->control;
    s->nv = kt_graph_vertex_count(g);
    size_t n = (size_t)s->nv + 1;
    s->reasons = malloc(n);
    s->unknown = malloc(n);
    queue = malloc(n * sizeof *queue);
    if (!s->reasons || !s->unknown || !queue) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (int c = 0; c < CL__N; c++) {
        s->dist[c] = malloc(n * sizeof(int32_t));
        s->next[c] = malloc(n * sizeof(int32_t));
        if (!s->dist[c] || !s->next[c]) {
            rc = KT_ENOMEM;
            goto out;
        }
    }
    for (igraph_integer_t v = 0; v < s->nv; v++) {
        s->reasons[v] = (uint8_t)kt_policy_reasons(p, g, v);
        s->unknown[v] = (uint8_t)kt_dep_unknown(g, v, s->owner_share);
    }
    if ((rc = build_reverse(s)) != KT_OK)
        goto out;
    for (int c = 0; c < CL__N; c++)
        search(s, c, queue);
    *out = s;
    s = NULL;
out:
    free(queue);
    kt_screen_free(s);
    return rc;
}

void kt_screen_free(kt_screen *s)
{
    if (!s)
        return;
    free(s->reasons);
    free(s->unknown);
    free(s->rev_off);
    free(s->rev_node);
    free(s->rev_edge);
    free(s->rev_ctrl);
    for (int c = 0; c < CL__N; c++) {
        free(s->dist[c]);
        free(s->next[c]);
    }
    free(s);
}

/* ---- one bidder ---- */

typedef struct {
    igraph_integer_t v;
    kt_screen_role role;
} start;

typedef struct {
    kt_screen_item *v;
    size_t n, cap;
} item_list;

static int list_push(item_list *l, const kt_screen_item *x)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        kt_screen_item *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n] = *x;
    l->v[l->n].seq = l->n;
    l->n++;
    return 0;
}

static void item_free(kt_screen_item *x)
{
    free(x->nodes);
    free(x->edges);
}

static int is_party_role(kt_screen_role r)
{
    return r == KT_ROLE_CONSORTIUM || r == KT_ROLE_LEAD || r == KT_ROLE_MEMBER;
}

/* Walk the recorded relations from start st along class cls into an item.  0, or -1 on ENOMEM. */
static int walk(const kt_screen *s, int cls, const start *st, kt_screen_item *x)
{
    const kt_graph *g = s->g;
    int d = s->dist[cls][st->v];
    memset(x, 0, sizeof *x);
    x->start = st->v;
    x->role = st->role;
    x->depth = d;
    x->nodes = malloc(((size_t)d + 1) * sizeof *x->nodes);
    x->edges = malloc(((size_t)d + 1) * sizeof *x->edges);
    if (!x->nodes || !x->edges) {
        item_free(x);
        return -1;
    }
    kt_ival in = {100, 100};
    int in_unknown = 0, party_path = 1;
    igraph_integer_t v = st->v;
    x->nodes[0] = v;
    for (int i = 0; i < d; i++) {
        igraph_integer_t e = s->next[cls][v];
        igraph_integer_t u = kt_graph_rel_from(g, e) == v ? kt_graph_rel_to(g, e) : kt_graph_rel_from(g, e);
        kt_rtype t = kt_graph_rel_type(g, e);
        /* the interest is that of the trailing run of ownership steps, as in exposure: the
         * finding's holding in the company where the run starts (60% of 50% = 30%) */
        if (t == KT_REL_OWNS) {
            kt_ival vo = kt_graph_rel_votes(g, e);
            x->has_ownership = 1;
            if (kt_ival_is_unknown(vo))
                in_unknown = 1;
            else {
                in.min = in.min * vo.min / 100;
                in.max = in.max * vo.max / 100;
            }
        } else {
            in.min = in.max = 100;
            in_unknown = 0;
            x->has_ownership = 0;
        }
        if (t != KT_REL_MEMBER_OF && !controls_step(s, e))
            party_path = 0;
        x->edges[i] = e;
        x->nodes[i + 1] = u;
        v = u;
    }
    x->node = v;
    x->reasons = s->reasons[v];
    x->why = s->unknown[v];
    x->interest = x->has_ownership && !in_unknown ? in : kt_ival_unknown();
    x->party = is_party_role(st->role) && party_path && cls != CL_UNKNOWN;
    return 0;
}

/* Keep one item per node: party-level first, then the shortest, then the earliest start. */
static int cmp_dedupe(const void *a, const void *b)
{
    const kt_screen_item *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    if (x->party != y->party)
        return y->party - x->party;
    if (x->depth != y->depth)
        return x->depth - y->depth;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_report(const void *a, const void *b, void *graph)
{
    const kt_screen_item *x = a, *y = b;
    if (x->depth != y->depth)
        return x->depth - y->depth;
    return strcmp(kt_graph_entity_id(graph, x->node), kt_graph_entity_id(graph, y->node));
}

static void dedupe(const kt_graph *g, item_list *l)
{
    size_t k = 0;
    if (l->n == 0)
        return; /* qsort wants a valid pointer even for no elements */
    qsort(l->v, l->n, sizeof *l->v, cmp_dedupe);
    for (size_t i = 0; i < l->n; i++) {
        if (k > 0 && l->v[k - 1].node == l->v[i].node) {
            item_free(&l->v[i]);
            continue;
        }
        l->v[k++] = l->v[i];
    }
    l->n = k;
    qsort_r(l->v, l->n, sizeof *l->v, cmp_report, (void *)g);
}

static kt_err add_start(start **v, size_t *n, size_t *cap, igraph_integer_t vert, kt_screen_role role)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i].v == vert)
            return KT_OK; /* a party met twice is screened once, in its first role */
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        start *x = realloc(*v, c * sizeof *x);
        if (!x)
            return KT_ENOMEM;
        *v = x;
        *cap = c;
    }
    (*v)[*n].v = vert;
    (*v)[(*n)++].role = role;
    return KT_OK;
}

static kt_err resolve(const kt_graph *g, const char *id, const kt_tender_bidder *b, igraph_integer_t *v,
                      kt_errinfo *ei)
{
    *v = kt_graph_find(g, id);
    if (*v < 0)
        return kt_errinfo_set(ei, KT_ENOTFOUND, "", b->line, "bidder \"%s\": unknown entity \"%s\"", b->id, id);
    return KT_OK;
}

static kt_err collect_starts(const kt_screen *s, const kt_tender_bidder *b, start **sv, size_t *ns, kt_errinfo *ei)
{
    const kt_graph *g = s->g;
    size_t cap = 0;
    igraph_integer_t v;
    kt_err rc;

    if (b->consortium) {
        const igraph_integer_t *eids;
        if ((rc = resolve(g, b->consortium, b, &v, ei)) != KT_OK)
            return rc;
        if ((rc = add_start(sv, ns, &cap, v, KT_ROLE_CONSORTIUM)) != KT_OK)
            return rc;
        /* members: leads first, then the rest, each in edge order */
        igraph_integer_t n = kt_graph_in(g, v, &eids);
        for (int pass = 0; pass < 2; pass++)
            for (igraph_integer_t i = 0; i < n; i++) {
                if (kt_graph_rel_type(g, eids[i]) != KT_REL_MEMBER_OF)
                    continue;
                int lead = (kt_graph_rel_flags(g, eids[i]) & KT_RF_LEAD) != 0;
                if (lead == (pass == 0) &&
                    (rc = add_start(sv, ns, &cap, kt_graph_rel_from(g, eids[i]), lead ? KT_ROLE_LEAD : KT_ROLE_MEMBER)) !=
                        KT_OK)
                    return rc;
            }
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < b->nmembers; i++) {
            if (b->members[i].lead != (pass == 0))
                continue;
            if ((rc = resolve(g, b->members[i].id, b, &v, ei)) != KT_OK ||
                (rc = add_start(sv, ns, &cap, v, b->members[i].lead ? KT_ROLE_LEAD : KT_ROLE_MEMBER)) != KT_OK)
                return rc;
        }
    for (size_t i = 0; i < b->nsubcontractors; i++)
        if ((rc = resolve(g, b->subcontractors[i], b, &v, ei)) != KT_OK ||
            (rc = add_start(sv, ns, &cap, v, KT_ROLE_SUBCONTRACTOR)) != KT_OK)
            return rc;
    for (size_t i = 0; i < b->noffers; i++)
        if ((rc = resolve(g, b->offers[i], b, &v, ei)) != KT_OK || (rc = add_start(sv, ns, &cap, v, KT_ROLE_OFFER)) != KT_OK)
            return rc;
    return KT_OK;
}

static kt_cons risk_cons(const kt_screen_result *r, unsigned bits)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].reasons & bits)
            return KT_CONS_MET;
    return r->nunknown ? KT_CONS_UNKNOWN : KT_CONS_NOT_MET;
}

/* The legal route for exclusion (Aanbestedingswet 2012: bidders from outside the GPA parties;
 * ADV: bidders from outside the EU), judged on the bidder's own parties. */
static int legal_route(const kt_screen *s, const kt_screen_tender *t, const kt_screen_result *r)
{
    unsigned outside = t->regime == KT_REGIME_ADV ? KT_REASON_NON_EU : KT_REASON_NON_GPA;
    int unknown = 0, any = 0;
    for (size_t i = 0; i < r->nmembers; i++) {
        const kt_screen_party *m = &r->members[i];
        if (m->role == KT_ROLE_CONSORTIUM && !kt_graph_entity_country_index(s->g, m->v))
            continue; /* a consortium without a seat of its own is judged by its members */
        any = 1;
        if (m->reasons & outside)
            return 1;
        if (!kt_graph_entity_country_index(s->g, m->v))
            unknown = 1;
    }
    return unknown || !any ? -1 : 0;
}

static kt_verdict verdict(const kt_screen_result *r)
{
    int risk = r->cons[KT_C1] == KT_CONS_MET || r->cons[KT_C2] == KT_CONS_MET;
    int all_met = 1, any_not = 0;
    /* a mark the policy makes a finding (sanctioned, ...) is never "clear"; it meets no
     * consideration by itself, so it gives mitigate or review */
    for (size_t i = 0; i < r->nfindings && !risk; i++)
        risk = (r->findings[i].reasons & KT_REASON_MARKS) != 0;
    for (int c = 0; c < KT_CONS__COUNT; c++) {
        all_met &= r->cons[c] == KT_CONS_MET;
        any_not |= r->cons[c] == KT_CONS_NOT_MET;
    }
    if (!risk)
        return r->cons[KT_C1] == KT_CONS_UNKNOWN || r->cons[KT_C2] == KT_CONS_UNKNOWN ? KT_VERDICT_REVIEW
                                                                                     : KT_VERDICT_CLEAR;
    if (all_met)
        return r->party_risk && r->route == 1 ? KT_VERDICT_EXCLUSION_POSSIBLE : KT_VERDICT_SPECIFY_OR_MITIGATE;
    return any_not ? KT_VERDICT_MITIGATE : KT_VERDICT_REVIEW;
}

kt_err kt_screen_bidder(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                        kt_screen_result *out, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    start *sv = NULL;
    size_t ns = 0;
    item_list found = {0}, unk = {0};
    kt_screen_item x;

    memset(out, 0, sizeof *out);
    if ((rc = collect_starts(s, b, &sv, &ns, ei)) != KT_OK)
        goto out;
    for (size_t i = 0; i < ns; i++) {
        static const int risk_classes[] = {CL_C1, CL_C2, CL_SO, CL_CONTROL, CL_MARK};
        for (size_t k = 0; k < sizeof risk_classes / sizeof risk_classes[0]; k++) {
            int cls = risk_classes[k];
            if (cls == CL_CONTROL && !is_party_role(sv[i].role))
                continue;
            if (s->dist[cls][sv[i].v] < 0)
                continue;
            if (walk(s, cls, &sv[i], &x) != 0 || list_push(&found, &x) != 0) {
                rc = KT_ENOMEM;
                goto out;
            }
        }
        if (s->dist[CL_UNKNOWN][sv[i].v] >= 0) {
            if (walk(s, CL_UNKNOWN, &sv[i], &x) != 0 || list_push(&unk, &x) != 0) {
                rc = KT_ENOMEM;
                goto out;
            }
        }
    }
    dedupe(s->g, &found);
    dedupe(s->g, &unk);
    out->findings = found.v;
    out->nfindings = found.n;
    out->unknown = unk.v;
    out->nunknown = unk.n;
    found.v = unk.v = NULL;
    found.n = unk.n = 0;

    out->members = malloc((ns ? ns : 1) * sizeof *out->members);
    if (!out->members) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < ns; i++)
        if (is_party_role(sv[i].role)) {
            kt_screen_party *m = &out->members[out->nmembers++];
            m->v = sv[i].v;
            m->role = sv[i].role;
            m->reasons = s->reasons[sv[i].v];
        }
    /* party level means both C1 and C2 at the bidder's own level: exclusion weighs the party,
     * and "all considerations apply" must hold of the party itself */
    unsigned party_reasons = 0;
    for (size_t i = 0; i < out->nfindings; i++)
        if (out->findings[i].party)
            party_reasons |= out->findings[i].reasons;
    out->party_risk = (party_reasons & (KT_REASON_C1 | KT_REASON_STATE_OWNED)) && (party_reasons & KT_REASON_C2);
    out->cons[KT_C1] = risk_cons(out, KT_REASON_C1 | KT_REASON_STATE_OWNED);
    out->cons[KT_C2] = risk_cons(out, KT_REASON_C2);
    out->cons[KT_C3A] = !t->access_given ? KT_CONS_UNKNOWN : t->access ? KT_CONS_MET : KT_CONS_NOT_MET;
    out->cons[KT_C3B] = t->mitigation == KT_MITIGATION_INSUFFICIENT ? KT_CONS_MET
                        : t->mitigation == KT_MITIGATION_SUFFICIENT ? KT_CONS_NOT_MET
                                                                    : KT_CONS_UNKNOWN;
    out->route = legal_route(s, t, out);
    out->verdict = verdict(out);
out:
    for (size_t i = 0; i < found.n; i++)
        item_free(&found.v[i]);
    for (size_t i = 0; i < unk.n; i++)
        item_free(&unk.v[i]);
    free(found.v);
    free(unk.v);
    free(sv);
    if (rc != KT_OK)
        kt_screen_result_destroy(out);
    return rc;
}

void kt_screen_result_destroy(kt_screen_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nfindings; i++)
        item_free(&r->findings[i]);
    for (size_t i = 0; i < r->nunknown; i++)
        item_free(&r->unknown[i]);
    free(r->findings);
    free(r->unknown);
    free(r->members);
    memset(r, 0, sizeof *r);
}

static const char *verdict_names[KT_VERDICT__COUNT] = {"clear", "mitigate", "review", "specify_or_mitigate",
                                                        "exclusion_possible"};

const char *kt_verdict_name(kt_verdict v)
{
    return (unsigned)v < KT_VERDICT__COUNT ? verdict_names[v] : "?";
}

int kt_verdict_parse(const char *s, kt_verdict *out)
{
    for (int i = 0; i < KT_VERDICT__COUNT; i++)
        if (strcmp(s, verdict_names[i]) == 0) {
            *out = (kt_verdict)i;
            return 0;
        }
    return -1;
}

const char *kt_cons_name(kt_cons c)
{
    return c == KT_CONS_MET ? "met" : c == KT_CONS_NOT_MET ? "not_met" : "unknown";
}

const char *kt_role_name(kt_screen_role r)
{
    static const char *names[] = {"consortium", "lead", "member", "subcontractor", "offer"};
    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
}
