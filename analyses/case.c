/* case.c: finding keys, kinds of finding and decisions matched to findings (see kt_case.h). */
#include <stdlib.h>
#include <string.h>

#include "kt_case.h"
#include "screen_i.h"

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; s && *s; s++) {
        h ^= (unsigned char)*s;
        h *= FNV_PRIME;
    }
    h ^= 0x1f; /* a separator, so "ab"+"c" and "a"+"bc" differ */
    return h * FNV_PRIME;
}

void kt_case_key(const kt_graph *g, const kt_screen_item *x, int finding, char out[KT_CASE_KEY_LEN])
{
    uint64_t h = fnv(FNV_OFFSET, finding ? "finding" : "gap");
    char buf[512];
    h = fnv(h, kt_graph_entity_id(g, x->nodes[0]));
    for (int i = 0; i < x->depth; i++) {
        igraph_integer_t e = x->edges[i];
        kt_ival s = kt_graph_rel_share(g, e);
        h = fnv(h, kt_rtype_name(kt_graph_rel_type(g, e)));
        h = fnv(h, kt_graph_entity_id(g, kt_graph_rel_from(g, e)));
        h = fnv(h, kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
        snprintf(buf, sizeof buf, "%.9g..%.9g", s.min, s.max);
        h = fnv(h, buf);
        const char *src = kt_graph_rel_source(g, e);
        if (src) {
            h = fnv(h, src);
        } else {
            /* the base name, so that the same file read from another folder gives the same key */
            const char *file = kt_graph_rel_file(g, e), *slash = strrchr(file, '/');
            snprintf(buf, sizeof buf, "%s:%ld", slash ? slash + 1 : file, kt_graph_rel_line(g, e));
            h = fnv(h, buf);
        }
    }
    snprintf(out, KT_CASE_KEY_LEN, "%016llx", (unsigned long long)h);
}

unsigned kt_case_kinds(const kt_graph *g, const kt_screen_item *x, int finding, unsigned access)
{
    if (!finding)
        return KT_MK_UNKNOWN;
    unsigned k = access ? KT_MK_ACCESS : 0;
    if (x->party || x->depth == 0)
        k |= KT_MK_PARTY;
    /* how the starting point stands to the bidder: a path from a subcontractor or an offered
     * item is about that subcontractor or item even when no such relation is on it */
    if (x->role == KT_ROLE_SUBCONTRACTOR)
        k |= KT_MK_SUBCONTRACTOR;
    else if (x->role == KT_ROLE_OFFER)
        k |= KT_MK_COMPONENT;
    for (int i = 0; i < x->depth; i++) {
        switch (kt_graph_rel_type(g, x->edges[i])) {
        case KT_REL_OWNS: k |= KT_MK_OWNERSHIP; break;
        case KT_REL_CONTROLS: k |= KT_MK_CONTROL; break;
        case KT_REL_SUPPLIES: k |= KT_MK_SUPPLIER; break;
        case KT_REL_SUBCONTRACTS: k |= KT_MK_SUBCONTRACTOR; break;
        case KT_REL_CONTAINS:
        case KT_REL_MADE_BY:
        case KT_REL_OFFERS: k |= KT_MK_COMPONENT; break;
        default: break; /* membership: the party itself */
        }
    }
    return k;
}

kt_err kt_case_bidder_init(kt_case_bidder *c, const kt_graph *g, const kt_screen_result *r, const char *bidder_id,
                           unsigned access, const kt_decisions *d)
{
    size_t nf = r->nfindings, nu = r->nunknown, lo, hi;
    kt_decisions_range(d, bidder_id, &lo, &hi);
    size_t nd = hi - lo; /* the entries on this bidder */
    memset(c, 0, sizeof *c);
    c->fkey = calloc(nf ? nf : 1, sizeof *c->fkey);
    c->fkinds = calloc(nf ? nf : 1, sizeof *c->fkinds);
    c->fdec = calloc(nf ? nf : 1, sizeof *c->fdec);
    c->ukey = calloc(nu ? nu : 1, sizeof *c->ukey);
    c->ukinds = calloc(nu ? nu : 1, sizeof *c->ukinds);
    c->stale = calloc(nd ? nd : 1, sizeof *c->stale);
    if (!c->fkey || !c->fkinds || !c->fdec || !c->ukey || !c->ukinds || !c->stale) {
        kt_case_bidder_destroy(c);
        return KT_ENOMEM;
    }
    for (size_t i = 0; i < nf; i++) {
        kt_case_key(g, &r->findings[i], 1, c->fkey[i]);
        c->fkinds[i] = kt_case_kinds(g, &r->findings[i], 1, access);
    }
    for (size_t i = 0; i < nu; i++) {
        kt_case_key(g, &r->unknown[i], 0, c->ukey[i]);
        c->ukinds[i] = kt_case_kinds(g, &r->unknown[i], 0, access);
    }
    for (size_t j = lo; j < hi; j++) {
        const kt_decision_rec *x = &d->v[d->order[j]];
        if (x->about == KT_ABOUT_BIDDER)
            c->bidder = x;
        else if (x->about == KT_ABOUT_C3A)
            c->c3a = x;
        else if (x->about == KT_ABOUT_C3B)
            c->c3b = x;
        else {
            size_t i = 0;
            while (i < nf && strcmp(c->fkey[i], x->key) != 0)
                i++;
            if (i < nf)
                c->fdec[i] = x;
            else
                c->stale[c->nstale++] = x;
        }
    }
    for (size_t i = 0; i < nf; i++)
        c->nundecided += !c->fdec[i] || c->fdec[i]->decision == KT_DEC_NONE;
    return KT_OK;
}

typedef struct {
    kt_case_bidder *c;
    const kt_graph *g;
    const kt_screen_result *r;
    const kt_tender_bidder *b;
    const unsigned *access;
    const kt_decisions *d;
    const kt_err *want;
    kt_err *rc;
} cases_job;

static void case_task(void *arg, size_t i, int w)
{
    cases_job *j = arg;
    memset(&j->c[i], 0, sizeof j->c[i]);
    j->rc[i] = j->want[i] != KT_OK ? j->want[i]
                                   : kt_case_bidder_init(&j->c[i], j->g, &j->r[i], j->b[i].id, j->access[i], j->d);
}

void kt_case_bidders_init(kt_case_bidder *c, size_t n, const kt_graph *g, const kt_screen_result *r,
                          const kt_tender_bidder *b, const unsigned *access, const kt_decisions *d,
                          const kt_err *want, kt_err *rc, int threads)
{
    cases_job j = {c, g, r, b, access, d, want, rc};
    kt_screen_i_parallel(kt_screen_i_threads(threads), n, case_task, &j);
}

void kt_case_bidder_destroy(kt_case_bidder *c)
{
    if (!c)
        return;
    free(c->fkey);
    free(c->fkinds);
    free(c->fdec);
    free(c->ukey);
    free(c->ukinds);
    free(c->stale);
    memset(c, 0, sizeof *c);
}

void kt_case_override(const kt_decisions *d, const char *bidder_id, kt_screen_tender *t)
{
    size_t lo, hi;
    kt_decisions_range(d, bidder_id, &lo, &hi);
    for (size_t j = lo; j < hi; j++) {
        const kt_decision_rec *x = &d->v[d->order[j]];
        if (x->about == KT_ABOUT_C3A && x->access_set) {
            t->access = x->access;
            t->access_given = 1;
        } else if (x->about == KT_ABOUT_C3B && x->mitigation != KT_MITIGATION_UNKNOWN) {
            t->mitigation = x->mitigation;
        }
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

kt_err kt_case_check(const kt_decisions *d, const kt_tender *t, const kt_policy *p, kt_errinfo *ei)
{
    const kt_measures *cat = kt_policy_measures(p);
    kt_err rc = KT_OK;
    if (strcmp(d->tender, t->id) != 0)
        return kt_errinfo_set(ei, KT_EINVALID, d->path, 1, "the decisions are for tender \"%s\", not \"%s\"", d->tender,
                              t->id);
    /* the tender's bidder ids, sorted once: each entry is looked up in O(log b) */
    const char **ids = malloc((t->nbidders ? t->nbidders : 1) * sizeof *ids);
    if (!ids)
        return kt_errinfo_set(ei, KT_ENOMEM, d->path, 0, "out of memory");
    for (size_t b = 0; b < t->nbidders; b++)
        ids[b] = t->bidders[b].id;
    qsort(ids, t->nbidders, sizeof *ids, cmp_str);
    for (size_t j = 0; j < d->n && rc == KT_OK; j++) {
        const kt_decision_rec *x = &d->v[j];
        const char *key = x->bidder;
        if (!bsearch(&key, ids, t->nbidders, sizeof *ids, cmp_str)) {
            rc = kt_errinfo_set(ei, KT_EINVALID, d->path, x->line, "bidder \"%s\" is not in tender %s", x->bidder,
                                t->id);
            break;
        }
        for (size_t m = 0; m < x->nmeasures; m++) {
            size_t k = 0;
            while (k < kt_measures_count(cat) && strcmp(kt_measures_get(cat, k)->id, x->measures[m]) != 0)
                k++;
            if (k == kt_measures_count(cat)) {
                rc = kt_errinfo_set(ei, KT_EINVALID, d->path, x->line, "measure \"%s\" is not in the policy's catalogue",
                                    x->measures[m]);
                break;
            }
        }
    }
    free(ids);
    return rc;
}
