/* screen_case.c: the case file in every screening output: each finding's stable key, the
 * measures that apply, the assessor's decision or "undecided", the bidder's C3A/C3B answers
 * and the decisions that have gone stale; and the decisions template. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "screen_out.h"

#define MAX_MEASURES 64

static const char *access_names[] = {"sensitive_locations", "sensitive_ict", "vital_infrastructure"};

/* The measures for kinds, as ids joined by sep, into buf. */
static const char *measure_list(const kt_screen_report *r, unsigned kinds, const char *sep, char *buf, size_t len)
{
    size_t idx[MAX_MEASURES], used = 0;
    const kt_measures *c = kt_policy_measures(r->p);
    size_t n = kt_measures_for(c, kinds, idx, MAX_MEASURES);
    buf[0] = '\0';
    for (size_t i = 0; i < n && i < MAX_MEASURES; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? sep : "", kt_measures_get(c, idx[i])->id);
        if (w < 0 || (size_t)w >= len - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

static const kt_case_bidder *case_of(const kt_screen_report *r, size_t b)
{
    return r->cases ? &r->cases[b] : NULL;
}

/* Text from the decisions file or the data: control characters made visible, Markdown escaped. */
static void text_or_md(FILE *f, const char *s, int md)
{
    if (md)
        kt_cli_md_text(f, s ? s : "");
    else
        kt_cli_put_text(f, s ? s : "");
}

static void who(FILE *f, const kt_decision_rec *d, int md)
{
    if (d->by) {
        fputs(" by ", f);
        text_or_md(f, d->by, md);
    }
    if (d->date)
        fprintf(f, " on %s", d->date); /* checked: YYYY-MM-DD */
}

void kt_screen_case_text(FILE *f, const kt_screen_report *r, size_t b, size_t i, int finding, int md)
{
    const kt_case_bidder *c = case_of(r, b);
    char buf[1024];
    const char *ind = md ? "  - " : "    ";
    if (!c)
        return;
    unsigned kinds = finding ? c->fkinds[i] : c->ukinds[i];
    if (kt_measures_count(kt_policy_measures(r->p)))
        fprintf(f, "%smeasures: %s\n", ind, measure_list(r, kinds, ", ", buf, sizeof buf)[0] ? buf : "none in the catalogue");
    if (!finding) {
        fprintf(f, "%squestion: ", ind);
        kt_screen_question(r, b, i, buf, sizeof buf);
        text_or_md(f, buf, md);
        fprintf(f, " (key %s)\n", c->ukey[i]);
        return;
    }
    const kt_decision_rec *d = c->fdec[i];
    if (!d || d->decision == KT_DEC_NONE) {
        fprintf(f, "%sundecided (key %s)\n", ind, c->fkey[i]);
        return;
    }
    fprintf(f, "%sdecision: %s", ind, kt_decision_name(d->decision));
    who(f, d, md);
    fprintf(f, " (key %s)", c->fkey[i]);
    if (d->nmeasures) {
        fprintf(f, "; measures chosen: ");
        for (size_t m = 0; m < d->nmeasures; m++) {
            fprintf(f, "%s", m ? ", " : "");
            text_or_md(f, d->measures[m], md);
        }
    }
    fputc('\n', f);
    if (d->assessment) {
        fprintf(f, "%sassessment: ", ind);
        text_or_md(f, d->assessment, md);
        fputc('\n', f);
    }
    if (d->reasoning) {
        fprintf(f, "%sreasoning: ", ind);
        text_or_md(f, d->reasoning, md);
        fputc('\n', f);
    }
}

kt_mitigation kt_screen_case_mitigation(const kt_screen_report *r, size_t b)
{
    const kt_case_bidder *c = case_of(r, b);
    return c && c->c3b && c->c3b->mitigation != KT_MITIGATION_UNKNOWN ? c->c3b->mitigation : r->t->mitigation;
}

static void access_text(FILE *f, unsigned access)
{
    int any = 0;
    for (int k = 0; k < 3; k++)
        if (access & (1u << k))
            fprintf(f, "%s%s", any++ ? ", " : "", access_names[k]);
    if (!any)
        fprintf(f, "none");
}

void kt_screen_case_bidder_text(FILE *f, const kt_screen_report *r, size_t b, int md)
{
    const kt_case_bidder *c = case_of(r, b);
    const char *ind = md ? "- " : "  ";
    if (!c)
        return;
    if (c->c3a) {
        fprintf(f, "%sC3A for this bidder (the assessor's answer, overriding the tender's): access ", ind);
        access_text(f, c->c3a->access);
        who(f, c->c3a, md);
        if (c->c3a->reasoning) {
            fprintf(f, ": ");
            text_or_md(f, c->c3a->reasoning, md);
        }
        fputc('\n', f);
    }
    if (c->c3b && c->c3b->mitigation != KT_MITIGATION_UNKNOWN) {
        fprintf(f, "%sC3B for this bidder (the assessor's answer, overriding the tender's): mitigation %s", ind,
                kt_mitigation_name(c->c3b->mitigation));
        who(f, c->c3b, md);
        if (c->c3b->reasoning) {
            fprintf(f, ": ");
            text_or_md(f, c->c3b->reasoning, md);
        }
        fputc('\n', f);
    }
    if (c->bidder && c->bidder->decision != KT_DEC_NONE) {
        fprintf(f, "%sdecision on the bidder: %s", ind, kt_decision_name(c->bidder->decision));
        who(f, c->bidder, md);
        if (c->bidder->reasoning) {
            fprintf(f, ": ");
            text_or_md(f, c->bidder->reasoning, md);
        }
        fputc('\n', f);
    }
    for (size_t s = 0; s < c->nstale; s++) {
        const kt_decision_rec *d = c->stale[s];
        fprintf(f, "%sstale decision (", ind);
        text_or_md(f, r->decisions->path, md);
        fprintf(f, ":%ld, key %s%s", d->line, d->key, d->node ? ", about " : "");
        text_or_md(f, d->node, md);
        fprintf(f, "): %s", kt_decision_name(d->decision));
        who(f, d, md);
        fprintf(f, "; no finding has this key now: the path it was about changed or is gone, decide again\n");
    }
    if (r->decisions && r->res[b].nfindings)
        fprintf(f, "%s%zu of %zu findings undecided\n", ind, c->nundecided, r->res[b].nfindings);
}

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *decision_json(const kt_decision_rec *d)
{
    cJSON *o = cJSON_CreateObject();
    if (d->about == KT_ABOUT_C3A) {
        cJSON *a = cJSON_AddArrayToObject(o, "access");
        for (int k = 0; k < 3; k++)
            if (d->access & (1u << k))
                cJSON_AddItemToArray(a, cJSON_CreateString(access_names[k]));
    } else if (d->about == KT_ABOUT_C3B) {
        cJSON_AddItemToObject(o, "mitigation", d->mitigation == KT_MITIGATION_UNKNOWN
                                                   ? cJSON_CreateNull()
                                                   : cJSON_CreateString(kt_mitigation_name(d->mitigation)));
    } else {
        cJSON_AddStringToObject(o, "decision", kt_decision_name(d->decision));
    }
    if (d->about == KT_ABOUT_FINDING) {
        cJSON_AddStringToObject(o, "key", d->key);
        cJSON_AddItemToObject(o, "assessment", str_or_null(d->assessment));
        cJSON *m = cJSON_AddArrayToObject(o, "measures");
        for (size_t i = 0; i < d->nmeasures; i++)
            cJSON_AddItemToArray(m, cJSON_CreateString(d->measures[i]));
    }
    cJSON_AddItemToObject(o, "reasoning", str_or_null(d->reasoning));
    cJSON_AddItemToObject(o, "by", str_or_null(d->by));
    cJSON_AddItemToObject(o, "date", str_or_null(d->date));
    cJSON_AddNumberToObject(o, "line", (double)d->line);
    return o;
}

static cJSON *measures_json(const kt_screen_report *r, unsigned kinds)
{
    size_t idx[MAX_MEASURES];
    const kt_measures *c = kt_policy_measures(r->p);
    size_t n = kt_measures_for(c, kinds, idx, MAX_MEASURES);
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n && i < MAX_MEASURES; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(kt_measures_get(c, idx[i])->id));
    return a;
}

void kt_screen_case_item_json(cJSON *o, const kt_screen_report *r, size_t b, size_t i, int finding)
{
    const kt_case_bidder *c = case_of(r, b);
    char buf[1024];
    if (!c)
        return;
    cJSON_AddStringToObject(o, "key", finding ? c->fkey[i] : c->ukey[i]);
    cJSON_AddItemToObject(o, "measures", measures_json(r, finding ? c->fkinds[i] : c->ukinds[i]));
    if (!finding) {
        kt_screen_question(r, b, i, buf, sizeof buf);
        cJSON_AddStringToObject(o, "question", buf);
        return;
    }
    const kt_decision_rec *d = c->fdec[i];
    int decided = d && d->decision != KT_DEC_NONE;
    cJSON_AddStringToObject(o, "status", decided ? "decided" : "undecided");
    cJSON_AddItemToObject(o, "decision", decided ? decision_json(d) : cJSON_CreateNull());
}

void kt_screen_case_bidder_json(cJSON *o, const kt_screen_report *r, size_t b)
{
    const kt_case_bidder *c = case_of(r, b);
    if (!c)
        return;
    cJSON *k = cJSON_AddObjectToObject(o, "case");
    cJSON_AddItemToObject(k, "decision", c->bidder && c->bidder->decision != KT_DEC_NONE ? decision_json(c->bidder)
                                                                                        : cJSON_CreateNull());
    cJSON_AddItemToObject(k, "C3A", c->c3a && c->c3a->access_set ? decision_json(c->c3a) : cJSON_CreateNull());
    cJSON_AddItemToObject(k, "C3B", c->c3b && c->c3b->mitigation != KT_MITIGATION_UNKNOWN ? decision_json(c->c3b)
                                                                                         : cJSON_CreateNull());
    cJSON_AddNumberToObject(k, "undecided", (double)c->nundecided);
    cJSON *s = cJSON_AddArrayToObject(k, "stale");
    for (size_t i = 0; i < c->nstale; i++) {
        cJSON *d = decision_json(c->stale[i]);
        cJSON_AddItemToObject(d, "node", str_or_null(c->stale[i]->node));
        cJSON_AddItemToArray(s, d);
    }
}

void kt_screen_case_header_json(cJSON *o, const kt_screen_report *r)
{
    const kt_measures *c = kt_policy_measures(r->p);
    cJSON_AddItemToObject(o, "decisions", str_or_null(r->decisions ? r->decisions->path : NULL));
    cJSON *a = cJSON_AddArrayToObject(o, "measures");
    for (size_t i = 0; i < kt_measures_count(c); i++) {
        const kt_measure *m = kt_measures_get(c, i);
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", m->id);
        cJSON_AddStringToObject(x, "title", m->title);
        cJSON *k = cJSON_AddArrayToObject(x, "applies_to");
        for (int bit = 0; bit < KT_MK__COUNT; bit++)
            if (m->kinds & (1u << bit))
                cJSON_AddItemToArray(k, cJSON_CreateString(kt_measure_kind_name(1u << bit)));
        cJSON_AddStringToObject(x, "requirement", m->requirement);
        cJSON_AddStringToObject(x, "source", m->source);
        cJSON_AddItemToArray(a, x);
    }
}

const char *const kt_screen_case_csv_cols[] = {"finding_key", "measures", "decision", "decided_by", "decided_on",
                                               "stale_decisions"};
const size_t kt_screen_case_ncsv = sizeof kt_screen_case_csv_cols / sizeof kt_screen_case_csv_cols[0];

void kt_screen_case_csv(FILE *f, const kt_screen_report *r, size_t b, size_t i, char sep)
{
    const kt_case_bidder *c = case_of(r, b);
    char buf[1024], n[32];
    const kt_decision_rec *d = c && i != SIZE_MAX ? c->fdec[i] : NULL;
    int has = c && i != SIZE_MAX;
    kt_cli_csv_cell(f, has ? c->fkey[i] : "", 0, sep);
    kt_cli_csv_cell(f, has ? measure_list(r, c->fkinds[i], " ", buf, sizeof buf) : "", 0, sep);
    kt_cli_csv_cell(f, !has ? "" : d ? kt_decision_name(d->decision) : "undecided", 0, sep);
    kt_cli_csv_cell(f, d && d->by ? d->by : "", 0, sep);
    kt_cli_csv_cell(f, d && d->date ? d->date : "", 0, sep);
    snprintf(n, sizeof n, "%zu", c ? c->nstale : 0);
    fprintf(f, "%s\r\n", n);
}

/* ---- the decisions template ---- */

static cJSON *entry(const char *bidder, const char *about)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "bidder", bidder);
    cJSON_AddStringToObject(o, "about", about);
    return o;
}

static void fill(cJSON *o, const kt_decision_rec *d, int with_decision)
{
    if (with_decision)
        cJSON_AddItemToObject(o, "decision", d && d->decision != KT_DEC_NONE
                                                 ? cJSON_CreateString(kt_decision_name(d->decision))
                                                 : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "reasoning", str_or_null(d ? d->reasoning : NULL));
    cJSON_AddItemToObject(o, "by", str_or_null(d ? d->by : NULL));
    cJSON_AddItemToObject(o, "date", str_or_null(d ? d->date : NULL));
}

int kt_screen_case_template(FILE *f, const kt_screen_report *r)
{
    char buf[1024];
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "keten_decisions", "1");
    cJSON_AddStringToObject(doc, "tender", r->t->id);
    cJSON *a = cJSON_AddArrayToObject(doc, "decisions");
    for (size_t b = 0; b < r->t->nbidders; b++) {
        const kt_case_bidder *c = case_of(r, b);
        const kt_screen_result *x = &r->res[b];
        const char *id = r->t->bidders[b].id;
        cJSON *o = entry(id, "C3A");
        if (c && c->c3a && c->c3a->access_set) {
            cJSON *acc = cJSON_AddArrayToObject(o, "access");
            for (int k = 0; k < 3; k++)
                if (c->c3a->access & (1u << k))
                    cJSON_AddItemToArray(acc, cJSON_CreateString(access_names[k]));
        } else {
            cJSON_AddNullToObject(o, "access");
        }
        fill(o, c ? c->c3a : NULL, 0);
        cJSON_AddItemToArray(a, o);
        o = entry(id, "C3B");
        cJSON_AddItemToObject(o, "mitigation", c && c->c3b && c->c3b->mitigation != KT_MITIGATION_UNKNOWN
                                                   ? cJSON_CreateString(kt_mitigation_name(c->c3b->mitigation))
                                                   : cJSON_CreateNull());
        fill(o, c ? c->c3b : NULL, 0);
        cJSON_AddItemToArray(a, o);
        for (size_t i = 0; c && i < x->nfindings; i++) {
            const kt_decision_rec *d = c->fdec[i];
            o = entry(id, "finding");
            cJSON_AddStringToObject(o, "key", c->fkey[i]);
            cJSON_AddStringToObject(o, "node", kt_graph_entity_id(r->g, x->findings[i].node));
            cJSON_AddItemToObject(o, "assessment", str_or_null(d ? d->assessment : NULL));
            cJSON *m = cJSON_AddArrayToObject(o, "measures");
            if (d)
                for (size_t k = 0; k < d->nmeasures; k++)
                    cJSON_AddItemToArray(m, cJSON_CreateString(d->measures[k]));
            else if (measure_list(r, c->fkinds[i], " ", buf, sizeof buf)[0])
                for (char *t = strtok(buf, " "); t; t = strtok(NULL, " "))
                    cJSON_AddItemToArray(m, cJSON_CreateString(t)); /* the measures that apply, to keep or strike */
            fill(o, d, 1);
            cJSON_AddItemToArray(a, o);
        }
        o = entry(id, "bidder");
        fill(o, c ? c->bidder : NULL, 1);
        cJSON_AddItemToArray(a, o);
    }
    return kt_cli_print_json(f, doc);
}
