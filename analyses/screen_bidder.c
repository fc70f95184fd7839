/* screen_bidder.c: bulk screening, stage 2: one bidder, read from the tables screen.c built
 * (see kt_screen.h for the rules and their sources). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt_vmap.h"
#include "screen_i.h"

typedef struct {
    igraph_integer_t v;
    kt_screen_role role;
    size_t party; /* index into the result's members[], or (size_t)-1 for offered items */
} start;

typedef struct {
    kt_screen_item *v;
    size_t n, cap;
} item_list;

static int list_push(item_list *l, const kt_screen_item *x)
{
    if (kt_vmap_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v) != KT_OK)
        return -1;
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

static void list_free(item_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        item_free(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Walk the recorded relations from st along search cls into an item.  0, or -1 on ENOMEM. */
static int walk(const kt_screen *s, int cls, const start *st, int party, kt_screen_item *x)
{
    const kt_graph *g = s->g;
    int d = s->dist[cls][st->v];
    memset(x, 0, sizeof *x);
    x->start = st->v;
    x->role = st->role;
    x->depth = d;
    x->prohibition = -1;
    x->interest = kt_ival_unknown();
    x->nodes = malloc(((size_t)d + 1) * sizeof *x->nodes);
    x->edges = malloc(((size_t)d + 1) * sizeof *x->edges);
    if (!x->nodes || !x->edges) {
        item_free(x);
        return -1;
    }
    int party_path = 1;
    igraph_integer_t v = st->v;
    x->nodes[0] = v;
    for (int i = 0; i < d; i++) {
        igraph_integer_t e = s->next[cls][v];
        igraph_integer_t u = kt_graph_rel_from(g, e) == v ? kt_graph_rel_to(g, e) : kt_graph_rel_from(g, e);
        kt_rtype t = kt_graph_rel_type(g, e);
        x->has_ownership = t == KT_REL_OWNS; /* the path ends in ownership steps */
        if (t != KT_REL_MEMBER_OF && !kt_screen_i_controls_step(s, e))
            party_path = 0;
        x->edges[i] = e;
        x->nodes[i + 1] = u;
        v = u;
    }
    x->node = v;
    x->reasons = s->reasons[v];
    x->why = s->unknown[v];
    x->party = party && party_path && cls != CL_UNKNOWN;
    return 0;
}

/* Keep one item per node (and prohibition): party-level first, then the shortest, then the
 * earliest start. */
static int cmp_dedupe(const void *a, const void *b)
{
    const kt_screen_item *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    if (x->prohibition != y->prohibition)
        return x->prohibition - y->prohibition;
    if (x->covered != y->covered)
        return y->covered - x->covered;
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
    int c = strcmp(kt_graph_entity_id(graph, x->node), kt_graph_entity_id(graph, y->node));
    return c ? c : x->prohibition - y->prohibition;
}

static void dedupe(const kt_graph *g, item_list *l)
{
    size_t k = 0;
    if (l->n == 0)
        return; /* qsort wants a valid pointer even for no elements */
    qsort(l->v, l->n, sizeof *l->v, cmp_dedupe);
    for (size_t i = 0; i < l->n; i++) {
        if (k > 0 && l->v[k - 1].node == l->v[i].node && l->v[k - 1].prohibition == l->v[i].prohibition) {
            item_free(&l->v[i]);
            continue;
        }
        l->v[k++] = l->v[i];
    }
    l->n = k;
    qsort_r(l->v, l->n, sizeof *l->v, cmp_report, (void *)g);
}

/* ---- the bidder's parties and starting points ---- */

typedef struct {
    start *v;
    size_t n, cap;
    kt_screen_party *parties;
    size_t np, capp;
} starts;

static kt_err add_start(starts *S, igraph_integer_t vert, kt_screen_role role, const kt_tender_member *m,
                        const kt_screen_tender *t)
{
    for (size_t i = 0; i < S->n; i++)
        if (S->v[i].v == vert)
            return KT_OK; /* a party met twice is screened once, in its first role */
    if (kt_vmap_grow((void **)&S->v, &S->cap, S->n + 1, sizeof *S->v) != KT_OK)
        return KT_ENOMEM;
    start *st = &S->v[S->n++];
    st->v = vert;
    st->role = role;
    st->party = (size_t)-1;
    if (role == KT_ROLE_OFFER)
        return KT_OK;
    if (kt_vmap_grow((void **)&S->parties, &S->capp, S->np + 1, sizeof *S->parties) != KT_OK)
        return KT_ENOMEM;
    kt_screen_party *p = &S->parties[S->np];
    memset(p, 0, sizeof *p);
    st->party = S->np++;
    p->v = vert;
    p->role = role;
    p->share = m ? m->share : NAN;
    p->outside = -1;
    if (m && m->access_given) {
        p->access = m->access;
        p->access_known = 1;
    } else if (role == KT_ROLE_SUBCONTRACTOR) {
        p->access_known = 1; /* none unless the tender says so for this subcontractor */
    } else {
        p->access = t->access;
        p->access_known = t->access_given;
    }
    /* a subcontractor that gets access delivers and is judged as a party (C1, C2, C3A) */
    p->party = role != KT_ROLE_SUBCONTRACTOR || p->access != 0;
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

static kt_err collect_starts(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b, starts *S,
                             kt_errinfo *ei)
{
    const kt_graph *g = s->g;
    igraph_integer_t v;
    kt_err rc;

    if (b->consortium) {
        const igraph_integer_t *eids;
        if ((rc = resolve(g, b->consortium, b, &v, ei)) != KT_OK ||
            (rc = add_start(S, v, KT_ROLE_CONSORTIUM, NULL, t)) != KT_OK)
            return rc;
        /* members: leads first, then the rest, each in edge order */
        igraph_integer_t n = kt_graph_in(g, v, &eids);
        for (int pass = 0; pass < 2; pass++)
            for (igraph_integer_t i = 0; i < n; i++) {
                if (kt_graph_rel_type(g, eids[i]) != KT_REL_MEMBER_OF)
                    continue;
                int lead = (kt_graph_rel_flags(g, eids[i]) & KT_RF_LEAD) != 0;
                if (lead == (pass == 0) && (rc = add_start(S, kt_graph_rel_from(g, eids[i]),
                                                           lead ? KT_ROLE_LEAD : KT_ROLE_MEMBER, NULL, t)) != KT_OK)
                    return rc;
            }
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < b->nmembers; i++) {
            const kt_tender_member *m = &b->members[i];
            if (m->lead != (pass == 0))
                continue;
            if ((rc = resolve(g, m->id, b, &v, ei)) != KT_OK ||
                (rc = add_start(S, v, m->lead ? KT_ROLE_LEAD : KT_ROLE_MEMBER, m, t)) != KT_OK)
                return rc;
        }
    for (size_t i = 0; i < b->nsubcontractors; i++)
        if ((rc = resolve(g, b->subcontractors[i].id, b, &v, ei)) != KT_OK ||
            (rc = add_start(S, v, KT_ROLE_SUBCONTRACTOR, &b->subcontractors[i], t)) != KT_OK)
            return rc;
    for (size_t i = 0; i < b->noffers; i++)
        if ((rc = resolve(g, b->offers[i], b, &v, ei)) != KT_OK || (rc = add_start(S, v, KT_ROLE_OFFER, NULL, t)) != KT_OK)
            return rc;
    return KT_OK;
}

kt_err kt_screen_starts(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                        igraph_integer_t **v, size_t *n, kt_errinfo *ei)
{
    starts S = {0};
    kt_err rc = collect_starts(s, t, b, &S, ei);

    *v = NULL;
    *n = 0;
    if (rc == KT_OK && !(*v = malloc((S.n ? S.n : 1) * sizeof **v)))
        rc = KT_ENOMEM;
    for (size_t i = 0; rc == KT_OK && i < S.n; i++)
        (*v)[(*n)++] = S.v[i].v;
    free(S.v);
    free(S.parties);
    return rc;
}

/* ---- the considerations, the route, the verdict ---- */

static unsigned cons_bits(int c)
{
    return c == KT_C1 ? KT_REASON_C1_ANY : KT_REASON_C2;
}

int kt_screen_decides(const kt_screen_result *r, int c, const kt_screen_item *x)
{
    if ((c != KT_C1 && c != KT_C2) || !(x->reasons & cons_bits(c)))
        return 0;
    return r->cons[c] == KT_CONS_IN_CHAIN || (r->cons[c] == KT_CONS_MET && x->party);
}

/* Whether the path of x takes a membership step. */
static int through_membership(const kt_graph *g, const kt_screen_item *x)
{
    for (int i = 0; i < x->depth; i++)
        if (kt_graph_rel_type(g, x->edges[i]) == KT_REL_MEMBER_OF)
            return 1;
    return 0;
}

/* Whether the path of x runs through membership only (the party itself, seen from its consortium). */
static int membership_only(const kt_graph *g, const kt_screen_item *x)
{
    for (int i = 0; i < x->depth; i++)
        if (kt_graph_rel_type(g, x->edges[i]) != KT_REL_MEMBER_OF)
            return 0;
    return 1;
}

static void risk_cons(const kt_screen *s, kt_screen_result *r, int c, int incomplete)
{
    int party = 0, chain = 0, itself = 0;
    for (size_t i = 0; i < r->nfindings; i++) {
        const kt_screen_item *x = &r->findings[i];
        if (!(x->reasons & cons_bits(c)))
            continue;
        chain = 1;
        if (x->party) {
            party = 1;
            itself |= membership_only(s->g, x);
        }
    }
    r->cons[c] = party ? KT_CONS_MET : chain ? KT_CONS_IN_CHAIN : incomplete ? KT_CONS_UNKNOWN : KT_CONS_NOT_MET;
    r->why[c] = party ? (itself ? KT_RULE_PARTY_ITSELF : KT_RULE_CONTROLLED_FROM)
                : chain ? KT_RULE_IN_CHAIN
                : incomplete ? KT_RULE_NONE_INCOMPLETE
                             : KT_RULE_NONE_COMPLETE;
}

/* Where the route applies to a tenderer: 1 established there, 0 not, -1 unknown; *no_agr set
 * when only the missing agreements set leaves it unknown. */
static int outside(const kt_screen *s, const kt_screen_tender *t, unsigned c, int *no_agr)
{
    if (!c)
        return -1;
    if (t->regime == KT_REGIME_AW2012 && t->covered_by_agreements) {
        /* Aanbestedingswet 2012: no right of access for parties from outside the GPA and the
         * EU's trade agreements covering procurement (letter of 3 July 2023) */
        if (kt_policy_in_set(s->p, KT_SET_GPA, c))
            return 0;
        if (!kt_policy_set_was_given(s->p, KT_SET_AGREEMENTS)) {
            *no_agr = 1;
            return -1;
        }
        return !kt_policy_in_set(s->p, KT_SET_AGREEMENTS, c);
    }
    /* ADV, or a contract the agreements do not cover: outside the EU */
    return !kt_policy_in_set(s->p, KT_SET_EU, c);
}

static void legal_route(const kt_screen *s, const kt_screen_tender *t, kt_screen_result *r)
{
    int any = 0, unknown = 0, no_agr = 0, exists = 0, c1_party = 0;
    for (size_t i = 0; i < r->nmembers; i++) {
        kt_screen_party *m = &r->members[i];
        c1_party |= m->party && (m->party_reasons & KT_REASON_C1_ANY);
        if (m->role == KT_ROLE_SUBCONTRACTOR)
            continue; /* the route concerns those who tender */
        unsigned c = kt_graph_entity_country_index(s->g, m->v);
        if (m->role == KT_ROLE_CONSORTIUM && !c)
            continue; /* a consortium without a seat of its own is judged by its members */
        any = 1;
        m->outside = t->regime == KT_REGIME_NONE ? 0 : outside(s, t, c, &no_agr);
        exists |= m->outside == 1;
        unknown |= m->outside < 0;
    }
    if (t->regime == KT_REGIME_NONE) {
        r->route = KT_ROUTE_NONE;
        r->why[KT_WHY_ROUTE] = KT_RULE_ROUTE_REGIME_NONE;
    } else if (exists) {
        r->route = KT_ROUTE_EXISTS;
        r->why[KT_WHY_ROUTE] = t->regime == KT_REGIME_ADV ? KT_RULE_ROUTE_OUTSIDE_EU
                               : t->covered_by_agreements ? KT_RULE_ROUTE_OUTSIDE_GPA
                                                          : KT_RULE_ROUTE_NOT_COVERED;
    } else if (t->regime == KT_REGIME_ADV && c1_party) {
        /* ADV (Directive 2009/81/EC art. 39(2)(e)): not reliable enough to exclude risks to
         * national security; applies to EU-established bidders too; the assessor's finding */
        r->route = KT_ROUTE_RELIABILITY;
        r->why[KT_WHY_ROUTE] = KT_RULE_ROUTE_RELIABILITY;
    } else if (unknown || !any) {
        r->route = KT_ROUTE_UNKNOWN;
        r->why[KT_WHY_ROUTE] = no_agr ? KT_RULE_ROUTE_NO_AGREEMENTS : KT_RULE_ROUTE_COUNTRY_UNKNOWN;
    } else {
        r->route = KT_ROUTE_NONE;
        r->why[KT_WHY_ROUTE] = KT_RULE_ROUTE_INSIDE;
    }
}

static void verdict(kt_screen_result *r, int incomplete)
{
    int prohibited = 0, possible = 0, finding = 0, any_not = 0, any_unknown = 0, all_met = 1;
    for (size_t i = 0; i < r->nprohibited; i++) {
        prohibited |= r->prohibited[i].covered == 1;
        possible |= r->prohibited[i].covered < 0;
    }
    for (int c = 0; c < KT_CONS__COUNT; c++) {
        all_met &= r->cons[c] == KT_CONS_MET;
        any_not |= r->cons[c] == KT_CONS_NOT_MET;
        any_unknown |= r->cons[c] == KT_CONS_UNKNOWN;
    }
    for (int c = KT_C1; c <= KT_C2; c++)
        finding |= r->cons[c] == KT_CONS_MET || r->cons[c] == KT_CONS_IN_CHAIN;
    int c_finding = finding;
    kt_verdict v;
    kt_screen_rule w;
    int one = all_met && r->party_risk;
    int marked = 0; /* a listing the policy makes a finding (sanction, debarment, export control) */
    for (size_t i = 0; i < r->nfindings; i++)
        marked |= (r->findings[i].reasons & KT_REASON_MARKS) != 0;
    finding |= marked; /* a listing meets no consideration, but is never "clear" */
    if (prohibited)
        v = KT_VERDICT_PROHIBITED, w = KT_RULE_V_PROHIBITED;
    else if (one && (r->route == KT_ROUTE_EXISTS || r->route == KT_ROUTE_RELIABILITY))
        v = KT_VERDICT_EXCLUSION_POSSIBLE, w = KT_RULE_V_EXCLUSION;
    else if (one && r->route == KT_ROUTE_UNKNOWN)
        v = KT_VERDICT_REVIEW, w = KT_RULE_V_ROUTE_UNKNOWN;
    else if (possible)
        v = KT_VERDICT_REVIEW, w = KT_RULE_V_PROHIBITION_POSSIBLE;
    else if (finding && any_not)
        v = KT_VERDICT_MITIGATE, w = KT_RULE_V_NOT_MET;
    else if (finding && any_unknown)
        v = KT_VERDICT_REVIEW, w = KT_RULE_V_UNKNOWN;
    else if (finding)
        v = KT_VERDICT_SPECIFY_OR_MITIGATE,
        w = !(r->cons[KT_C1] == KT_CONS_MET && r->cons[KT_C2] == KT_CONS_MET) ? KT_RULE_V_CHAIN_ONLY
            : !r->party_risk                                                 ? KT_RULE_V_NOT_ONE_PARTY
                                                                             : KT_RULE_V_NO_ROUTE;
    else if (incomplete)
        v = KT_VERDICT_REVIEW, w = KT_RULE_V_INCOMPLETE;
    else
        v = KT_VERDICT_CLEAR, w = KT_RULE_V_CLEAR;
    if (!c_finding && v == KT_VERDICT_MITIGATE)
        w = KT_RULE_V_MARKED; /* the finding is a listing only */
    r->verdict = v;
    r->why[KT_WHY_VERDICT] = w;
}

/* Per cent of v's direct ownership known: 100 for persons, states and entities declared
 * complete; else the lower bounds of the direct capital shares, at most 100.  O(in-degree). */
static double ownership_known(const kt_graph *g, igraph_integer_t v)
{
    kt_etype t = kt_graph_entity_type(g, v);
    const igraph_integer_t *in;
    if (t == KT_ENT_CONSORTIUM)
        return NAN;
    if (t == KT_ENT_PERSON || t == KT_ENT_STATE || (kt_graph_entity_flags(g, v) & KT_EF_COMPLETE))
        return 100;
    double sum = 0;
    igraph_integer_t n = kt_graph_in(g, v, &in);
    for (igraph_integer_t i = 0; i < n; i++) {
        kt_ival sh = kt_graph_rel_share(g, in[i]);
        if (kt_graph_rel_type(g, in[i]) == KT_REL_OWNS && kt_graph_rel_from(g, in[i]) != v &&
            !(kt_graph_rel_flags(g, in[i]) & KT_RF_DECLARED) && !kt_ival_is_unknown(sh))
            sum += sh.min;
    }
    return sum > 100 ? 100 : sum;
}

/* The mean share of known origin over the items the bidder offers: its `offers`, and the
 * offers relations of its parties.  O(degrees of the parties). */
static double bom_known(const kt_screen *s, const starts *S)
{
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < S->n; i++) {
        if (S->v[i].role == KT_ROLE_OFFER) {
            sum += s->bom[S->v[i].v];
            n++;
            continue;
        }
        const igraph_integer_t *out;
        igraph_integer_t no = kt_graph_out(s->g, S->v[i].v, &out);
        for (igraph_integer_t k = 0; k < no; k++)
            if (kt_graph_rel_type(s->g, out[k]) == KT_REL_OFFERS) {
                sum += s->bom[kt_graph_rel_to(s->g, out[k])];
                n++;
            }
    }
    return n ? 100.0 * sum / (double)n : NAN;
}

/* Whether the prohibition k covers the party (1), may cover it (-1: share not stated), or not. */
static int covered(const kt_screen *s, size_t k, const kt_screen_party *p)
{
    if (p->role != KT_ROLE_SUBCONTRACTOR)
        return 1; /* those who tender */
    if (isnan(p->share))
        return -1;
    return p->share > kt_policy_prohibition(s->p, k)->covered_share_above;
}

kt_err kt_screen_bidder(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                        kt_screen_result *out, kt_errinfo *ei)
{
    return kt_screen_i_bidder(s, t, b, out, ei, NULL);
}

kt_err kt_screen_i_bidder(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                          kt_screen_result *out, kt_errinfo *ei, kt_screen_i_pending *pend)
{
    static const int risk_classes[] = {CL_C1, CL_C2, CL_STATE, CL_MARK, CL_CTRL_C1, CL_CTRL_C2, CL_CTRL_STATE};
    kt_err rc = KT_OK;
    starts S = {0};
    item_list found = {0}, unk = {0}, proh = {0};
    kt_screen_item x;

    memset(out, 0, sizeof *out);
    if ((rc = collect_starts(s, t, b, &S, ei)) != KT_OK)
        goto out;
    for (size_t i = 0; i < S.n; i++) {
        const start *st = &S.v[i];
        kt_screen_party *p = st->party != (size_t)-1 ? &S.parties[st->party] : NULL;
        int party = p && p->party;
        for (size_t k = 0; k < sizeof risk_classes / sizeof risk_classes[0]; k++) {
            int cls = risk_classes[k];
            if ((cls >= CL_CTRL_C1 && !party) || s->dist[cls][st->v] < 0)
                continue;
            if (walk(s, cls, st, party, &x) != 0 || list_push(&found, &x) != 0) {
                rc = KT_ENOMEM;
                goto out;
            }
            /* one party's own reasons: a consortium's come from its members, who are parties too */
            if (x.party && !(st->role == KT_ROLE_CONSORTIUM && through_membership(s->g, &x)))
                p->party_reasons |= x.reasons;
        }
        if (s->dist[CL_UNKNOWN][st->v] >= 0 &&
            (walk(s, CL_UNKNOWN, st, 0, &x) != 0 || list_push(&unk, &x) != 0)) {
            rc = KT_ENOMEM;
            goto out;
        }
        for (size_t k = 0; p && k < s->nprohib; k++) {
            int cov = covered(s, k, p);
            if (!cov || s->dist[CL_PROHIB + k][st->v] < 0)
                continue;
            if (walk(s, CL_PROHIB + (int)k, st, 1, &x) != 0 || list_push(&proh, &x) != 0) {
                rc = KT_ENOMEM;
                goto out;
            }
            proh.v[proh.n - 1].prohibition = (int)k;
            proh.v[proh.n - 1].covered = cov;
        }
        for (int d = 0; d < KT_DIM__COUNT; d++)
            out->complete[d] |= (s->dist[CL_DIM + d][st->v] >= 0) << 1; /* bit 1: incomplete seen */
    }
    dedupe(s->g, &found);
    dedupe(s->g, &unk);
    dedupe(s->g, &proh);
    for (size_t i = 0; i < found.n; i++) {
        igraph_integer_t c;
        if (!found.v[i].has_ownership)
            continue;
        if (!pend) {
            if ((rc = kt_screen_i_interest(s, &found.v[i])) != KT_OK)
                goto out;
        } else if (!kt_screen_i_interest_fast(s, &found.v[i], &c)) {
            if (kt_vmap_grow((void **)&pend->v, &pend->cap, pend->n + 1, sizeof *pend->v) != KT_OK) {
                rc = KT_ENOMEM;
                goto out;
            }
            pend->v[pend->n].finding = i;
            pend->v[pend->n].wait = 0;
            pend->v[pend->n++].company = c;
        }
    }
    out->findings = found.v, out->nfindings = found.n;
    out->unknown = unk.v, out->nunknown = unk.n;
    out->prohibited = proh.v, out->nprohibited = proh.n;
    memset(&found, 0, sizeof found);
    memset(&unk, 0, sizeof unk);
    memset(&proh, 0, sizeof proh);
    out->members = S.parties;
    out->nmembers = S.np;
    S.parties = NULL;

    int incomplete = out->nunknown > 0;
    for (int d = 0; d < KT_DIM__COUNT; d++) {
        out->complete[d] = !(out->complete[d] & 2);
        incomplete |= !out->complete[d];
    }
    out->ownership_known = NAN;
    for (size_t i = 0; i < out->nmembers; i++) {
        kt_screen_party *m = &out->members[i];
        m->reasons = s->reasons[m->v];
        m->ownership_known = ownership_known(s->g, m->v);
        if (!isnan(m->ownership_known) && !(m->ownership_known >= out->ownership_known))
            out->ownership_known = m->ownership_known;
        out->party_risk |= m->party && m->access && (m->party_reasons & KT_REASON_C1_ANY) &&
                           (m->party_reasons & KT_REASON_C2);
    }
    out->bom_known = bom_known(s, &S);
    risk_cons(s, out, KT_C1, incomplete);
    risk_cons(s, out, KT_C2, incomplete);
    int any_access = 0, unstated = 0;
    for (size_t i = 0; i < out->nmembers; i++) {
        any_access |= out->members[i].party && out->members[i].access;
        unstated |= out->members[i].party && !out->members[i].access_known;
    }
    out->cons[KT_C3A] = any_access ? KT_CONS_MET : unstated ? KT_CONS_UNKNOWN : KT_CONS_NOT_MET;
    out->why[KT_C3A] = any_access ? KT_RULE_ACCESS_PARTY : unstated ? KT_RULE_ACCESS_UNSTATED : KT_RULE_ACCESS_NONE;
    out->cons[KT_C3B] = t->mitigation == KT_MITIGATION_INSUFFICIENT ? KT_CONS_MET
                        : t->mitigation == KT_MITIGATION_SUFFICIENT ? KT_CONS_NOT_MET
                                                                    : KT_CONS_UNKNOWN;
    out->why[KT_C3B] = KT_RULE_MITIGATION;
    legal_route(s, t, out);
    verdict(out, incomplete);
out:
    list_free(&found);
    list_free(&unk);
    list_free(&proh);
    free(S.v);
    free(S.parties);
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
    for (size_t i = 0; i < r->nprohibited; i++)
        item_free(&r->prohibited[i]);
    free(r->findings);
    free(r->unknown);
    free(r->prohibited);
    free(r->members);
    memset(r, 0, sizeof *r);
}
