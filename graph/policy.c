/* policy.c: the screening policy as data (see kt_policy.h). */
#include <stdlib.h>
#include <string.h>

#include "kt_policy.h"

struct kt_policy {
    uint8_t sets[KT_SET__COUNT][KT_COUNTRY_MAX / 8]; /* bitmap by country index */
    unsigned given;                                    /* bit per set named in the file */
    kt_policy_thresholds thr;
    char *name, *file;
    kt_measures *measures;                             /* the catalogue, or NULL */
    unsigned state_sets; /* 0: every state_owned and state entity counts for C1 */
    kt_prohibition prohib[KT_PROHIBITION_MAX];
    size_t nprohib;
    unsigned marks; /* bit per kt_mark_kind that makes a finding */
    int directors_control;
};

static const char *set_keys[KT_SET__COUNT] = {"C1", "C2", "gpa", "eu", "agreements"};

const char *kt_policy_set_key(kt_policy_set s)
{
    return (unsigned)s < KT_SET__COUNT ? set_keys[s] : "?";
}

void kt_policy_state_counts_sets(kt_policy *p, unsigned set_mask) { p->state_sets = set_mask; }
unsigned kt_policy_state_counts(const kt_policy *p) { return p->state_sets; }

kt_prohibition *kt_policy_prohibition_add(kt_policy *p, const char *id, const char *basis, const char *source)
{
    if (p->nprohib == KT_PROHIBITION_MAX)
        return NULL;
    kt_prohibition *x = &p->prohib[p->nprohib];
    memset(x, 0, sizeof *x);
    x->id = strdup(id ? id : "");
    x->basis = strdup(basis ? basis : "");
    x->source = strdup(source ? source : "");
    if (!x->id || !x->basis || !x->source) {
        free(x->id);
        free(x->basis);
        free(x->source);
        return NULL;
    }
    x->owned_above = 50;
    x->covered_share_above = 0;
    p->nprohib++;
    return x;
}

size_t kt_policy_prohibition_count(const kt_policy *p) { return p->nprohib; }
const kt_prohibition *kt_policy_prohibition(const kt_policy *p, size_t i) { return &p->prohib[i]; }

int kt_prohibition_country(const kt_prohibition *x, unsigned c)
{
    return c && c < KT_COUNTRY_MAX && (x->countries[c / 8] >> (c % 8)) & 1u;
}

kt_policy *kt_policy_new(void)
{
    kt_policy *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->thr.owner_share = 10; /* Wet vifo: significant influence from 10% of votes */
    p->thr.control = 50;     /* control: more than half of the votes */
    p->thr.max_depth = 25;
    return p;
}

void kt_policy_free(kt_policy *p)
{
    if (!p)
        return;
    free(p->name);
    free(p->file);
    kt_measures_free(p->measures);
    for (size_t i = 0; i < p->nprohib; i++) {
        free(p->prohib[i].id);
        free(p->prohib[i].basis);
        free(p->prohib[i].source);
    }
    free(p);
}

void kt_policy_set_add(kt_policy *p, kt_policy_set s, unsigned c)
{
    if (c && c < KT_COUNTRY_MAX)
        p->sets[s][c / 8] |= (uint8_t)(1u << (c % 8));
}

void kt_policy_set_given(kt_policy *p, kt_policy_set s) { p->given |= 1u << s; }

kt_err kt_policy_set_text(kt_policy *p, const char *name, const char *file)
{
    char *n = name ? strdup(name) : NULL, *f = file ? strdup(file) : NULL;
    if ((name && !n) || (file && !f)) {
        free(n);
        free(f);
        return KT_ENOMEM;
    }
    free(p->name);
    free(p->file);
    p->name = n;
    p->file = f;
    return KT_OK;
}

kt_policy_thresholds *kt_policy_thresholds_mut(kt_policy *p) { return &p->thr; }
const kt_policy_thresholds *kt_policy_thresholds_get(const kt_policy *p) { return &p->thr; }

int kt_policy_in_set(const kt_policy *p, kt_policy_set s, unsigned c)
{
    return c && c < KT_COUNTRY_MAX && (p->sets[s][c / 8] >> (c % 8)) & 1u;
}

int kt_policy_set_was_given(const kt_policy *p, kt_policy_set s) { return (p->given >> s) & 1u; }
const char *kt_policy_name(const kt_policy *p) { return p->name ? p->name : ""; }
const char *kt_policy_file(const kt_policy *p) { return p->file ? p->file : ""; }

unsigned kt_policy_country_reasons(const kt_policy *p, unsigned c)
{
    unsigned r = 0;
    if (!c)
        return 0;
    if (kt_policy_in_set(p, KT_SET_C1, c))
        r |= KT_REASON_C1;
    if (kt_policy_in_set(p, KT_SET_C2, c))
        r |= KT_REASON_C2;
    if (kt_policy_set_was_given(p, KT_SET_GPA) && !kt_policy_in_set(p, KT_SET_GPA, c))
        r |= KT_REASON_NON_GPA;
    if (kt_policy_set_was_given(p, KT_SET_EU) && !kt_policy_in_set(p, KT_SET_EU, c))
        r |= KT_REASON_NON_EU;
    return r;
}

unsigned kt_policy_origin(const kt_graph *g, igraph_integer_t v)
{
    unsigned c = kt_graph_entity_country_index(g, v);
    if (c || !kt_etype_is_item(kt_graph_entity_type(g, v)))
        return c;
    /* an item's place of production: its made_by's country, else its manufacturer's; with
     * several made_by, the first in edge order that says one */
    const igraph_integer_t *eids;
    igraph_integer_t n = kt_graph_out(g, v, &eids);
    unsigned maker = 0;
    for (igraph_integer_t i = 0; i < n; i++) {
        if (kt_graph_rel_type(g, eids[i]) != KT_REL_MADE_BY)
            continue;
        unsigned rc = kt_country_index(kt_graph_rel_country(g, eids[i]));
        if (rc)
            return rc;
        if (!maker)
            maker = kt_graph_entity_country_index(g, kt_graph_rel_to(g, eids[i]));
    }
    return maker;
}

void kt_policy_mark_set(kt_policy *p, kt_mark_kind k)
{
    if (kt_mark_reason(k))
        p->marks |= 1u << k;
}

void kt_policy_set_directors_control(kt_policy *p, int on) { p->directors_control = on != 0; }
int kt_policy_directors_control(const kt_policy *p) { return p->directors_control; }

int kt_policy_mark_makes_finding(const kt_policy *p, kt_mark_kind k) { return (p->marks >> k) & 1u; }

unsigned kt_mark_reason(kt_mark_kind k)
{
    switch (k) {
    case KT_MARK_SANCTION: return KT_REASON_SANCTIONED;
    case KT_MARK_DEBARMENT: return KT_REASON_DEBARRED;
    case KT_MARK_EXPORT_CONTROL: return KT_REASON_EXPORT_CONTROLLED;
    default: return 0;
    }
}

unsigned kt_policy_reasons(const kt_policy *p, const kt_graph *g, igraph_integer_t v)
{
    unsigned c = kt_policy_origin(g, v);
    unsigned r = kt_policy_country_reasons(p, c);
    kt_etype t = kt_graph_entity_type(g, v);
    /* consideration 1 (letter of 17 April 2023): "or is a state company", without qualification:
     * every state_owned entity and every state counts unless the policy narrows it to the
     * countries of some sets */
    int counts = !p->state_sets;
    for (int s = 0; s < KT_SET__COUNT && !counts; s++)
        counts = ((p->state_sets >> s) & 1u) && kt_policy_in_set(p, (kt_policy_set)s, c);
    if (counts && t == KT_ENT_STATE)
        r |= KT_REASON_STATE;
    else if (counts && (kt_graph_entity_flags(g, v) & KT_EF_STATE_OWNED))
        r |= KT_REASON_STATE_OWNED;
    if (p->marks) {
        size_t n = kt_graph_mark_count(g, v);
        for (size_t i = 0; i < n; i++) {
            kt_mark m;
            kt_graph_mark_get(g, v, i, &m);
            if (kt_policy_mark_makes_finding(p, m.kind) && kt_mark_active(&m, kt_graph_date(g)))
                r |= kt_mark_reason(m.kind);
        }
    }
    return r;
}

const char *kt_reason_name(unsigned bit)
{
    switch (bit) {
    case KT_REASON_C1: return "C1";
    case KT_REASON_C2: return "C2";
    case KT_REASON_STATE_OWNED: return "state_owned";
    case KT_REASON_NON_GPA: return "non_gpa";
    case KT_REASON_NON_EU: return "non_eu";
    case KT_REASON_STATE: return "state";
    case KT_REASON_SANCTIONED: return "sanctioned";
    case KT_REASON_DEBARRED: return "debarred";
    case KT_REASON_EXPORT_CONTROLLED: return "export_controlled";
    }
    return "?";
}

void kt_policy_set_measures(kt_policy *p, kt_measures *c)
{
    kt_measures_free(p->measures);
    p->measures = c;
}

const kt_measures *kt_policy_measures(const kt_policy *p) { return p->measures; }
