/* screen_out.c: writing screened bidders as a table, JSON, JSON Lines, CSV or Markdown. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "screen_out.h"

const char kt_screen_notice[] =
    "keten supports the assessor's risk analysis; it does not replace it. Findings are evidence from the "
    "data given, not legal conclusions.";

static const char *cons_keys[KT_CONS__COUNT] = {"C1", "C2", "C3A", "C3B"};

/* The label of the relation that took a path into its next node. */
static const char *via_of(kt_rtype t)
{
    switch (t) {
    case KT_REL_MEMBER_OF: return "membership";
    case KT_REL_SUBCONTRACTS: return "subcontract";
    case KT_REL_CONTAINS: return "component";
    case KT_REL_OWNS: return "ownership";
    case KT_REL_CONTROLS: return "control";
    default: return "supply";
    }
}

/* The company where the path's trailing run of ownership steps starts: what `interest` is in. */
static igraph_integer_t run_start(const kt_graph *g, const kt_screen_item *x)
{
    int k = x->depth;
    while (k > 0 && kt_graph_rel_type(g, x->edges[k - 1]) == KT_REL_OWNS)
        k--;
    return x->nodes[k];
}

static const char *item_via(const kt_graph *g, const kt_screen_item *x)
{
    return x->depth == 0 ? "self" : via_of(kt_graph_rel_type(g, x->edges[x->depth - 1]));
}

/* An item's country is where it was made (kt_policy_origin); anything else's its own. */
static const char *origin_code(const kt_graph *g, igraph_integer_t v)
{
    return kt_cli_country(kt_policy_origin(g, v));
}

static const char *access_names[] = {"sensitive_locations", "sensitive_ict", "vital_infrastructure"};

static cJSON *access_json(unsigned access)
{
    cJSON *a = cJSON_CreateArray();
    for (unsigned i = 0; i < 3; i++)
        if (access & (1u << i))
            cJSON_AddItemToArray(a, cJSON_CreateString(access_names[i]));
    return a;
}

void kt_screen_out_explain(const kt_screen_report *r, size_t b, char *buf, size_t len)
{
    const kt_screen_result *x = &r->res[b];
    snprintf(buf, len, "%s.%s", kt_screen_rule_text(x->why[KT_WHY_VERDICT]),
             x->verdict == KT_VERDICT_EXCLUSION_POSSIBLE && x->route == KT_ROUTE_RELIABILITY
                 ? " The route is the reliability ground: it needs the assessor's finding."
                 : "");
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* The entity ids that decided why-slot `slot` of bidder b, as a list through put(). */
static void deciders(const kt_screen_report *r, size_t b, int slot, void (*put)(void *, const char *), void *to)
{
    const kt_screen_result *x = &r->res[b];
    const kt_graph *g = r->g;
    if (slot == KT_WHY_C1 || slot == KT_WHY_C2) {
        if (x->cons[slot] == KT_CONS_UNKNOWN)
            for (size_t i = 0; i < x->nunknown; i++)
                put(to, kt_graph_entity_id(g, x->unknown[i].node));
        for (size_t i = 0; i < x->nfindings; i++)
            if (kt_screen_decides(x, slot, &x->findings[i]))
                put(to, kt_graph_entity_id(g, x->findings[i].node));
    } else if (slot == KT_WHY_C3A) {
        for (size_t m = 0; m < x->nmembers; m++)
            if (x->members[m].party && (x->cons[KT_C3A] == KT_CONS_MET ? x->members[m].access != 0
                                                                       : !x->members[m].access_known))
                put(to, kt_graph_entity_id(g, x->members[m].v));
    } else if (slot == KT_WHY_ROUTE) {
        int want = x->route == KT_ROUTE_EXISTS ? 1 : x->route == KT_ROUTE_UNKNOWN ? -1 : 2;
        for (size_t m = 0; m < x->nmembers; m++)
            if (x->route == KT_ROUTE_RELIABILITY ? x->members[m].party && (x->members[m].party_reasons & KT_REASON_C1_ANY)
                                                 : x->members[m].outside == want)
                put(to, kt_graph_entity_id(g, x->members[m].v));
    } else if (slot == KT_WHY_VERDICT) {
        for (size_t i = 0; i < x->nprohibited; i++)
            put(to, kt_graph_entity_id(g, x->prohibited[i].start));
    }
}

typedef struct {
    FILE *f;
    int n;
} put_text;

static void put_text_fn(void *to, const char *id)
{
    put_text *p = to;
    fputs(p->n++ ? ", " : ": ", p->f);
    kt_cli_put_text(p->f, id);
}

static void put_json_fn(void *to, const char *id)
{
    cJSON_AddItemToArray(to, cJSON_CreateString(id));
}

static const char *why_keys[KT_WHY__COUNT] = {"C1", "C2", "C3A", "C3B", "route", "verdict"};

static const char *slot_state(const kt_screen_result *x, int slot)
{
    if (slot < KT_CONS__COUNT)
        return kt_cons_name(x->cons[slot]);
    return slot == KT_WHY_ROUTE ? kt_route_name(x->route) : kt_verdict_name(x->verdict);
}

/* "C1 met (party_itself): huaxing-vision" */
static void why_brief(FILE *f, const kt_screen_report *r, size_t b, int slot)
{
    const kt_screen_result *x = &r->res[b];
    put_text p = {f, 0};
    fprintf(f, "%s %s (%s)", why_keys[slot], slot_state(x, slot), kt_screen_rule_name(x->why[slot]));
    if (slot == KT_WHY_C3B)
        fprintf(f, ": mitigation %s", kt_mitigation_name(kt_screen_case_mitigation(r, b)));
    deciders(r, b, slot, put_text_fn, &p);
}

static cJSON *why_json(const kt_screen_report *r, size_t b)
{
    const kt_screen_result *x = &r->res[b];
    const kt_policy_thresholds *th = kt_policy_thresholds_get(r->p);
    cJSON *o = cJSON_CreateObject();
    for (int slot = 0; slot < KT_WHY__COUNT; slot++) {
        cJSON *w = cJSON_AddObjectToObject(o, why_keys[slot]);
        cJSON_AddStringToObject(w, "state", slot_state(x, slot));
        cJSON_AddStringToObject(w, "rule", kt_screen_rule_name(x->why[slot]));
        cJSON_AddStringToObject(w, "text", kt_screen_rule_text(x->why[slot]));
        if (slot == KT_WHY_C1 || slot == KT_WHY_C2) {
            cJSON *t = cJSON_AddObjectToObject(w, "threshold");
            cJSON_AddNumberToObject(t, "owner_share", th->owner_share);
            cJSON_AddNumberToObject(t, "control", th->control);
            cJSON_AddNumberToObject(t, "max_depth", th->max_depth);
        } else {
            cJSON_AddNullToObject(w, "threshold");
        }
        deciders(r, b, slot, put_json_fn, cJSON_AddArrayToObject(w, "decided_by"));
    }
    return o;
}

static void coverage_text(FILE *f, const kt_screen_result *x, int max_depth)
{
    fprintf(f, "coverage: bill of materials with known origin ");
    if (isnan(x->bom_known))
        fprintf(f, "(nothing offered)");
    else
        fprintf(f, "%.4g%%", x->bom_known);
    fprintf(f, ", ownership known ");
    if (isnan(x->ownership_known))
        fprintf(f, "(no party)");
    else
        fprintf(f, "%.4g%%", x->ownership_known);
    fprintf(f, ", supply %s, depth searched %d; incomplete:", x->complete[KT_DIM_SUPPLY] ? "declared" : "not declared",
            max_depth);
    int any = 0;
    for (int d = 0; d < KT_DIM__COUNT; d++)
        if (!x->complete[d])
            fprintf(f, "%s %s", any++ ? "," : "", kt_dim_name(d));
    fprintf(f, "%s\n", any ? "" : " none");
}

static cJSON *num_or_null(double v)
{
    return isnan(v) ? cJSON_CreateNull() : cJSON_CreateNumber(kt_cli_num(v));
}

static cJSON *coverage_json(const kt_screen_result *x, int max_depth)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "bom_known", num_or_null(x->bom_known));
    cJSON_AddItemToObject(o, "ownership_known", num_or_null(x->ownership_known));
    cJSON_AddBoolToObject(o, "supply_declared", x->complete[KT_DIM_SUPPLY]);
    cJSON_AddNumberToObject(o, "depth_searched", max_depth);
    cJSON *c = cJSON_AddObjectToObject(o, "complete");
    for (int d = 0; d < KT_DIM__COUNT; d++)
        cJSON_AddBoolToObject(c, kt_dim_name(d), x->complete[d]);
    return o;
}

static char *path_text(const kt_graph *g, const kt_screen_item *x)
{
    size_t cap = 256, used = 0;
    char *s = malloc(cap);
    char where[320];
    if (!s)
        return NULL;
    s[0] = '\0';
    for (int i = 0; i <= x->depth; i++) {
        const char *id = kt_graph_entity_id(g, x->nodes[i]);
        size_t need = strlen(id) + 400;
        if (used + need > cap) {
            while (used + need > cap)
                cap *= 2;
            char *t = realloc(s, cap);
            if (!t) {
                free(s);
                return NULL;
            }
            s = t;
        }
        if (i == 0)
            used += (size_t)snprintf(s + used, cap - used, "%s", id);
        else
            used += (size_t)snprintf(s + used, cap - used, " -[%s %s]-> %s", kt_rtype_name(kt_graph_rel_type(g, x->edges[i - 1])),
                                     kt_graph_rel_where(g, x->edges[i - 1], where, sizeof where), id);
    }
    return s;
}

/* ---- table ---- */

static void table_prohibition(FILE *f, const kt_screen_report *r, const kt_screen_item *x)
{
    const kt_prohibition *p = kt_policy_prohibition(r->p, (size_t)x->prohibition);
    char *path = path_text(r->g, x);
    fprintf(f, "  prohibition %s%s: %s %s; %s\n    %s\n", kt_cli_text(p->id),
            x->covered == 1 ? "" : " (may apply: the share of the contract value is not stated)",
            kt_role_name(x->role), kt_cli_text(kt_graph_entity_id(r->g, x->start)), kt_cli_text(p->basis),
            path ? kt_cli_text(path) : "(out of memory)");
    free(path);
}

static void table_item(FILE *f, const kt_graph *g, const kt_screen_item *x, int finding)
{
    char rs[200];
    igraph_integer_t v = x->node;
    const char *country = origin_code(g, v);
    if (finding) {
        kt_cli_reasons_text(x->reasons, " ", rs, sizeof rs);
        fprintf(f, "  finding: %s \"%s\" (%s) %s; via %s, depth %d, from %s %s%s\n", kt_cli_text(kt_graph_entity_id(g, v)),
                kt_cli_text(kt_graph_entity_name(g, v)), country[0] ? country : "country unknown", rs, item_via(g, x), x->depth,
                kt_role_name(x->role), kt_cli_text(kt_graph_entity_id(g, x->start)), x->party ? "; party level" : "");
        char pct[64];
        if (x->has_ownership)
            fprintf(f, "    integrated ownership interest in %s: %s\n", kt_cli_text(kt_graph_entity_id(g, run_start(g, x))),
                    kt_ival_is_unknown(x->interest) ? "not known (the ownership engine gave none)"
                                                    : kt_cli_pct(x->interest, pct, sizeof pct));
    } else {
        fprintf(f, "  unknown beyond %s \"%s\": %s; depth %d, from %s %s\n", kt_cli_text(kt_graph_entity_id(g, v)),
                kt_cli_text(kt_graph_entity_name(g, v)), kt_cli_why_text(x->why, "; ", rs, sizeof rs), x->depth, kt_role_name(x->role),
                kt_cli_text(kt_graph_entity_id(g, x->start)));
    }
    char *p = path_text(g, x);
    fprintf(f, "    %s\n", p ? kt_cli_text(p) : "(out of memory)");
    free(p);
}

/* Bidder b's section of the table (kt_cli_each: on any thread). */
static int table_bidder(FILE *f, size_t b, void *ctx)
{
    const kt_screen_report *r = ctx;
    const kt_screen_result *x = &r->res[b];
    const kt_tender_bidder *tb = &r->t->bidders[b];
    char buf[600];
    fprintf(f, "\n%s%s%s: %s\n", kt_cli_text(tb->id), tb->name ? " " : "", tb->name ? kt_cli_text(tb->name) : "", kt_verdict_name(x->verdict));
    kt_screen_out_explain(r, b, buf, sizeof buf);
    fprintf(f, "  %s\n", buf);
    for (int slot = 0; slot < KT_WHY_VERDICT; slot++) {
        fputs("  ", f);
        why_brief(f, r, b, slot);
        fputc('\n', f);
    }
    fputs("  ", f);
    coverage_text(f, x, kt_policy_thresholds_get(r->p)->max_depth);
    for (size_t i = 0; i < x->nprohibited; i++)
        table_prohibition(f, r, &x->prohibited[i]);
    if (!x->nfindings)
        fprintf(f, "  no finding in the data%s\n", x->nunknown ? ", but the data is incomplete" : "");
    for (size_t i = 0; i < x->nfindings; i++) {
        table_item(f, r->g, &x->findings[i], 1);
        if (x->findings[i].reasons & KT_REASON_MARKS) /* the listings, as evidence */
            kt_cli_marks_text(f, r->g, r->p, x->findings[i].node);
        kt_screen_case_text(f, r, b, i, 1, 0);
    }
    for (size_t i = 0; i < x->nunknown; i++) {
        table_item(f, r->g, &x->unknown[i], 0);
        kt_screen_case_text(f, r, b, i, 0, 0);
    }
    kt_screen_case_bidder_text(f, r, b, 0);
    return 0;
}

int kt_screen_out_table(FILE *f, const kt_screen_report *r)
{
    const kt_tender *t = r->t;
    int width = 6;
    for (size_t b = 0; b < t->nbidders; b++) {
        int w = kt_cli_text_width(kt_cli_text(t->bidders[b].id)); /* columns as printed, escapes included */
        width = w > width ? w : width;
    }
    fprintf(f, "tender %s%s%s%s (%s%s), policy %s\n", kt_cli_text(t->id), t->title ? " \"" : "",
            t->title ? kt_cli_text(t->title) : "", t->title ? "\"" : "", kt_regime_name(t->regime),
            t->regime == KT_REGIME_AW2012 && !t->covered_by_agreements ? ", not covered by the trade agreements" : "",
            kt_cli_text(kt_policy_file(r->p)));
    if (kt_graph_as_of(r->g))
        fprintf(f, "as of %s: only relations valid on that date\n", kt_graph_as_of(r->g));
    fprintf(f, "%s\n\n", kt_screen_notice);
    fprintf(f, "%-*s  %-19s  %-8s  %-8s  %-8s  %-8s  %s\n", width, "BIDDER", "VERDICT", "C1", "C2", "C3A", "C3B",
            "ROUTE");
    for (size_t b = 0; b < t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        kt_cli_pad(f, t->bidders[b].id, width);
        fprintf(f, "  %-19s  %-8s  %-8s  %-8s  %-8s  %s\n", kt_verdict_name(x->verdict), kt_cons_name(x->cons[0]), kt_cons_name(x->cons[1]),
                kt_cons_name(x->cons[2]), kt_cons_name(x->cons[3]), kt_route_name(x->route));
    }
    if (kt_cli_each(f, t->nbidders, table_bidder, (void *)r) != 0)
        return -1;
    return ferror(f) ? -1 : 0;
}

/* ---- JSON ---- */

static cJSON *path_json(const kt_graph *g, const kt_screen_item *x)
{
    char where[320];
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i <= x->depth; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, x->nodes[i]));
        cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, x->nodes[i]));
        if (i == 0) {
            cJSON_AddNullToObject(o, "rel");
            cJSON_AddNullToObject(o, "source");
        } else {
            igraph_integer_t e = x->edges[i - 1];
            cJSON_AddStringToObject(o, "rel", kt_rtype_name(kt_graph_rel_type(g, e)));
            cJSON_AddStringToObject(o, "source", kt_graph_rel_where(g, e, where, sizeof where));
        }
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *item_json(const kt_graph *g, const kt_screen_item *x, int finding)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "node", kt_graph_entity_id(g, x->node));
    cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, x->node));
    const char *c = origin_code(g, x->node);
    if (c[0])
        cJSON_AddStringToObject(o, "country", c);
    else
        cJSON_AddNullToObject(o, "country");
    if (finding) {
        cJSON_AddItemToObject(o, "reasons", kt_cli_reasons_json(x->reasons));
        cJSON_AddStringToObject(o, "via", item_via(g, x));
        cJSON_AddBoolToObject(o, "party_level", x->party);
    } else {
        cJSON_AddItemToObject(o, "why", kt_cli_why_json(x->why));
    }
    cJSON_AddNumberToObject(o, "depth", x->depth);
    cJSON_AddStringToObject(o, "from", kt_graph_entity_id(g, x->start));
    cJSON_AddStringToObject(o, "from_role", kt_role_name(x->role));
    cJSON_AddItemToObject(o, "path", path_json(g, x));
    if (finding)
        cJSON_AddItemToObject(o, "interest", kt_cli_ival_json(x->interest));
    return o;
}

static cJSON *bidder_json(const kt_screen_report *r, size_t b)
{
    const kt_screen_result *x = &r->res[b];
    const kt_tender_bidder *tb = &r->t->bidders[b];
    char buf[600];
    cJSON *o = cJSON_CreateObject(), *a;
    cJSON_AddStringToObject(o, "id", tb->id);
    cJSON_AddStringToObject(o, "name", tb->name ? tb->name : "");
    cJSON_AddStringToObject(o, "verdict", kt_verdict_name(x->verdict));
    kt_screen_out_explain(r, b, buf, sizeof buf);
    cJSON_AddStringToObject(o, "explanation", buf);
    a = cJSON_AddObjectToObject(o, "considerations");
    for (int c = 0; c < KT_CONS__COUNT; c++)
        cJSON_AddStringToObject(a, cons_keys[c], kt_cons_name(x->cons[c]));
    cJSON *lr = cJSON_AddObjectToObject(o, "legal_route");
    cJSON_AddStringToObject(lr, "regime", kt_regime_name(r->t->regime));
    cJSON_AddStringToObject(lr, "route", kt_route_name(x->route));
    if (x->route == KT_ROUTE_UNKNOWN) /* as before: true, false or null; reliability counts as a route */
        cJSON_AddNullToObject(lr, "exists");
    else
        cJSON_AddBoolToObject(lr, "exists", x->route != KT_ROUTE_NONE);
    cJSON_AddStringToObject(lr, "basis", kt_screen_rule_text(x->why[KT_WHY_ROUTE]));
    cJSON_AddBoolToObject(lr, "needs_assessor_finding", x->route == KT_ROUTE_RELIABILITY);
    a = cJSON_AddArrayToObject(lr, "members_outside");
    cJSON *unk = cJSON_AddArrayToObject(lr, "members_country_unknown");
    for (size_t m = 0; m < x->nmembers; m++) {
        igraph_integer_t v = x->members[m].v;
        if (x->members[m].outside == 1)
            cJSON_AddItemToArray(a, cJSON_CreateString(kt_graph_entity_id(r->g, v)));
        else if (x->members[m].outside < 0 && x->members[m].role != KT_ROLE_SUBCONTRACTOR &&
                 !(x->members[m].role == KT_ROLE_CONSORTIUM && !kt_graph_entity_country(r->g, v)[0]))
            cJSON_AddItemToArray(unk, cJSON_CreateString(kt_graph_entity_id(r->g, v)));
    }
    cJSON_AddBoolToObject(lr, "party_level_risk", x->party_risk);
    cJSON_AddItemToObject(o, "why", why_json(r, b));
    cJSON_AddItemToObject(o, "coverage", coverage_json(x, kt_policy_thresholds_get(r->p)->max_depth));
    a = cJSON_AddArrayToObject(o, "members");
    for (size_t m = 0; m < x->nmembers; m++) {
        const kt_screen_party *pm = &x->members[m];
        cJSON *mo = cJSON_CreateObject();
        cJSON_AddStringToObject(mo, "id", kt_graph_entity_id(r->g, pm->v));
        cJSON_AddStringToObject(mo, "name", kt_graph_entity_name(r->g, pm->v));
        cJSON_AddStringToObject(mo, "role", kt_role_name(pm->role));
        const char *c = kt_graph_entity_country(r->g, pm->v);
        if (c[0])
            cJSON_AddStringToObject(mo, "country", c);
        else
            cJSON_AddNullToObject(mo, "country");
        cJSON_AddItemToObject(mo, "reasons", kt_cli_reasons_json(pm->reasons));
        cJSON_AddBoolToObject(mo, "party", pm->party);
        cJSON_AddItemToObject(mo, "access", pm->access_known ? access_json(pm->access) : cJSON_CreateNull());
        cJSON_AddItemToObject(mo, "share", num_or_null(pm->share));
        cJSON_AddItemToObject(mo, "party_level_reasons", kt_cli_reasons_json(pm->party_reasons));
        cJSON_AddItemToObject(mo, "ownership_known", num_or_null(pm->ownership_known));
        cJSON_AddItemToArray(a, mo);
    }
    a = cJSON_AddArrayToObject(o, "prohibitions");
    for (size_t i = 0; i < x->nprohibited; i++) {
        const kt_screen_item *it = &x->prohibited[i];
        const kt_prohibition *p = kt_policy_prohibition(r->p, (size_t)it->prohibition);
        cJSON *po = item_json(r->g, it, 0);
        cJSON_DeleteItemFromObjectCaseSensitive(po, "why");
        cJSON_AddStringToObject(po, "prohibition", p->id);
        cJSON_AddStringToObject(po, "legal_basis", p->basis);
        cJSON_AddStringToObject(po, "source", p->source);
        cJSON_AddStringToObject(po, "covered", it->covered == 1 ? "yes" : "share_not_stated");
        cJSON_AddItemToArray(a, po);
    }
    a = cJSON_AddArrayToObject(o, "findings");
    for (size_t i = 0; i < x->nfindings; i++) {
        cJSON *it = item_json(r->g, &x->findings[i], 1);
        if (it && (x->findings[i].reasons & KT_REASON_MARKS)) /* the listings, as evidence */
            cJSON_AddItemToObject(it, "evidence", kt_cli_marks_json(r->g, r->p, x->findings[i].node));
        kt_screen_case_item_json(it, r, b, i, 1);
        cJSON_AddItemToArray(a, it);
    }
    a = cJSON_AddArrayToObject(o, "unknown");
    for (size_t i = 0; i < x->nunknown; i++) {
        cJSON *it = item_json(r->g, &x->unknown[i], 0);
        kt_screen_case_item_json(it, r, b, i, 0);
        cJSON_AddItemToArray(a, it);
    }
    kt_screen_case_bidder_json(o, r, b);
    return o;
}

static cJSON *header_json(const kt_screen_report *r)
{
    const kt_tender *t = r->t;
    const kt_policy_thresholds *th = kt_policy_thresholds_get(r->p);
    cJSON *o = cJSON_CreateObject(), *a;
    cJSON_AddStringToObject(o, "keten", KT_VERSION);
    cJSON_AddStringToObject(o, "notice", kt_screen_notice);
    cJSON_AddStringToObject(o, "tender", t->id);
    cJSON_AddStringToObject(o, "title", t->title ? t->title : "");
    cJSON_AddStringToObject(o, "authority", t->authority ? t->authority : "");
    cJSON_AddStringToObject(o, "regime", kt_regime_name(t->regime));
    if (t->access_given) {
        a = cJSON_AddArrayToObject(o, "access");
        if (t->access & KT_ACCESS_LOCATIONS)
            cJSON_AddItemToArray(a, cJSON_CreateString("sensitive_locations"));
        if (t->access & KT_ACCESS_ICT)
            cJSON_AddItemToArray(a, cJSON_CreateString("sensitive_ict"));
        if (t->access & KT_ACCESS_INFRASTRUCTURE)
            cJSON_AddItemToArray(a, cJSON_CreateString("vital_infrastructure"));
    } else {
        cJSON_AddNullToObject(o, "access");
    }
    cJSON_AddStringToObject(o, "mitigation", kt_mitigation_name(t->mitigation));
    if (kt_graph_as_of(r->g))
        cJSON_AddStringToObject(o, "as_of", kt_graph_as_of(r->g));
    else
        cJSON_AddNullToObject(o, "as_of");
    cJSON *in = cJSON_AddObjectToObject(o, "inputs");
    cJSON_AddStringToObject(in, "tender", t->path);
    a = cJSON_AddArrayToObject(in, "data");
    for (size_t i = 0; i < t->ndata; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(t->data[i]));
    cJSON_AddStringToObject(in, "policy", kt_policy_file(r->p));
    cJSON_AddStringToObject(in, "policy_name", kt_policy_name(r->p));
    cJSON *tj = cJSON_AddObjectToObject(o, "thresholds");
    cJSON_AddNumberToObject(tj, "owner_share", th->owner_share);
    cJSON_AddNumberToObject(tj, "control", th->control);
    cJSON_AddNumberToObject(tj, "max_depth", th->max_depth);
    size_t counts[KT_VERDICT__COUNT] = {0};
    for (size_t b = 0; b < t->nbidders; b++)
        counts[r->res[b].verdict]++;
    kt_screen_case_header_json(o, r);
    cJSON *sj = cJSON_AddObjectToObject(o, "summary");
    cJSON_AddNumberToObject(sj, "bidders", (double)t->nbidders);
    for (int v = 0; v < KT_VERDICT__COUNT; v++)
        cJSON_AddNumberToObject(sj, kt_verdict_name((kt_verdict)v), (double)counts[v]);
    return o;
}

int kt_screen_out_json(FILE *f, const kt_screen_report *r)
{
    cJSON *doc = header_json(r);
    cJSON *a = cJSON_AddArrayToObject(doc, "bidders");
    for (size_t b = 0; b < r->t->nbidders; b++)
        cJSON_AddItemToArray(a, bidder_json(r, b));
    return kt_cli_print_json(f, doc);
}

/* Bidder b's line (kt_cli_each: on any thread). */
static int jsonl_bidder(FILE *f, size_t b, void *ctx)
{
    const kt_screen_report *r = ctx;
    cJSON *o = bidder_json(r, b);
    cJSON_AddStringToObject(o, "tender", r->t->id);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s)
        return -1;
    fprintf(f, "%s\n", s);
    free(s);
    return 0;
}

int kt_screen_out_jsonl(FILE *f, const kt_screen_report *r)
{
    if (kt_cli_each(f, r->t->nbidders, jsonl_bidder, (void *)r) != 0)
        return -1;
    return ferror(f) ? -1 : 0;
}

/* ---- CSV (RFC 4180) ---- */

/* The brief why, the incomplete dimensions and the prohibitions hit: the last three cells. */
static void csv_why(FILE *f, const kt_screen_report *r, size_t b, char sep)
{
    const kt_screen_result *x = &r->res[b];
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    for (int slot = 0; m && slot < KT_WHY__COUNT; slot++) {
        fputs(slot ? "; " : "", m);
        why_brief(m, r, b, slot);
    }
    if (m)
        fclose(m);
    kt_cli_csv_cell(f, text ? text : "", 0, sep);
    free(text);
    char dims[64] = "";
    for (int d = 0; d < KT_DIM__COUNT; d++)
        if (!x->complete[d])
            snprintf(dims + strlen(dims), sizeof dims - strlen(dims), "%s%s", dims[0] ? " " : "", kt_dim_name(d));
    kt_cli_csv_cell(f, dims, 0, sep);
    text = NULL;
    m = open_memstream(&text, &len);
    for (size_t i = 0; m && i < x->nprohibited; i++)
        fprintf(m, "%s%s%s: %s", i ? "; " : "", kt_policy_prohibition(r->p, (size_t)x->prohibited[i].prohibition)->id,
                x->prohibited[i].covered == 1 ? "" : " (share not stated)",
                kt_graph_entity_id(r->g, x->prohibited[i].start));
    if (m)
        fclose(m);
    kt_cli_csv_cell(f, text ? text : "", 0, sep); /* the case file's cells follow */
    free(text);
}

/* Bidder b's rows (kt_cli_each: on any thread). */
static int csv_bidder(FILE *f, size_t b, void *ctx)
{
    const kt_screen_report *r = ctx;
    char sep = r->excel ? ';' : ',';
    char rs[96], depth[16];
    const kt_screen_result *x = &r->res[b];
    size_t rows = x->nfindings ? x->nfindings : 1;
    for (size_t i = 0; i < rows; i++) {
        const kt_screen_item *it = x->nfindings ? &x->findings[i] : NULL;
        kt_cli_csv_cell(f, r->t->id, 0, sep);
        kt_cli_csv_cell(f, r->t->bidders[b].id, 0, sep);
        kt_cli_csv_cell(f, r->t->bidders[b].name, 0, sep);
        kt_cli_csv_cell(f, kt_verdict_name(x->verdict), 0, sep);
        for (int c = 0; c < KT_CONS__COUNT; c++)
            kt_cli_csv_cell(f, kt_cons_name(x->cons[c]), 0, sep);
        kt_cli_csv_cell(f, kt_route_name(x->route), 0, sep);
        if (it) {
            kt_cli_reasons_text(it->reasons, " ", rs, sizeof rs);
            snprintf(depth, sizeof depth, "%d", it->depth);
            char *p = path_text(r->g, it);
            kt_cli_csv_cell(f, kt_graph_entity_id(r->g, it->node), 0, sep);
            kt_cli_csv_cell(f, kt_graph_entity_name(r->g, it->node), 0, sep);
            kt_cli_csv_cell(f, origin_code(r->g, it->node), 0, sep);
            kt_cli_csv_cell(f, rs, 0, sep);
            kt_cli_csv_cell(f, item_via(r->g, it), 0, sep);
            fprintf(f, "%s%c", depth, sep);
            kt_cli_csv_cell(f, it->party ? "yes" : "no", 0, sep);
            kt_cli_csv_cell(f, kt_graph_entity_id(r->g, it->start), 0, sep);
            kt_cli_csv_num(f, it->interest.min, sep);
            kt_cli_csv_num(f, it->interest.max, sep);
            kt_cli_csv_cell(f, p ? p : "", 0, sep);
            free(p);
        } else {
            for (int k = 0; k < 11; k++) /* finding .. path: empty */
                fputc(sep, f);
        }
        fprintf(f, "%zu%c", x->nunknown, sep);
        csv_why(f, r, b, sep);
        kt_screen_case_csv(f, r, b, it ? i : SIZE_MAX, sep);
    }
    return 0;
}

int kt_screen_out_csv(FILE *f, const kt_screen_report *r)
{
    static const char *cols[] = {"tender",   "bidder",  "bidder_name", "verdict",  "C1",       "C2",
                                 "C3A",      "C3B",     "legal_route", "finding",  "finding_name", "country",
                                 "reasons",  "via",     "depth",       "party_level", "from",  "interest_min",
                                 "interest_max", "path", "unknown_count", "why", "incomplete", "prohibitions"};
    size_t ncols = sizeof cols / sizeof cols[0];
    char sep = r->excel ? ';' : ',';
    const char *all[sizeof cols / sizeof cols[0] + 8];
    for (size_t k = 0; k < ncols; k++)
        all[k] = cols[k];
    for (size_t k = 0; k < kt_screen_case_ncsv && k < 8; k++)
        all[ncols + k] = kt_screen_case_csv_cols[k];
    kt_cli_csv_header(f, all, ncols + (kt_screen_case_ncsv < 8 ? kt_screen_case_ncsv : 8), sep);
    if (kt_cli_each(f, r->t->nbidders, csv_bidder, (void *)r) != 0)
        return -1;
    return ferror(f) ? -1 : 0;
}

/* ---- Markdown ---- */

/* Markdown-safe text (cli/util.c): markup characters escaped, control characters made visible. */
#define md kt_cli_md_text

int kt_screen_out_md(FILE *f, const kt_screen_report *r)
{
    const kt_tender *t = r->t;
    const kt_policy_thresholds *th = kt_policy_thresholds_get(r->p);
    char buf[600], rs[200];
    fprintf(f, "# Screening report: ");
    md(f, t->title ? t->title : t->id);
    fprintf(f, "\n\n> %s\n\n", kt_screen_notice);
    fprintf(f, "- Tender: ");
    md(f, t->id);
    fprintf(f, "%s", t->authority ? ", " : "");
    md(f, t->authority);
    fprintf(f, "\n- Regime: %s%s\n", kt_regime_name(t->regime),
            t->regime == KT_REGIME_AW2012 && !t->covered_by_agreements ? " (contract not covered by the trade agreements)"
                                                                       : "");
    char acc[120] = "";
    static const struct {
        unsigned bit;
        const char *text;
    } kinds[] = {{KT_ACCESS_LOCATIONS, "sensitive locations"},
                 {KT_ACCESS_ICT, "sensitive ICT systems"},
                 {KT_ACCESS_INFRASTRUCTURE, "vital infrastructure"}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (t->access & kinds[i].bit)
            snprintf(acc + strlen(acc), sizeof acc - strlen(acc), "%s%s", acc[0] ? ", " : "", kinds[i].text);
    fprintf(f, "- Access the contract opens (C3A): %s\n",
            !t->access_given ? "not stated (C3A unknown)" : !t->access ? "none (C3A not met)" : acc);
    fprintf(f, "- Mitigation (C3B, the assessor's answer): %s\n", kt_mitigation_name(t->mitigation));
    fprintf(f, "- Policy: ");
    md(f, kt_policy_name(r->p));
    fprintf(f, " (");
    md(f, kt_policy_file(r->p));
    fprintf(f, "); owners counted from %g%% of votes, depth up to %d\n", th->owner_share, th->max_depth);
    if (kt_graph_as_of(r->g))
        fprintf(f, "- As of %s: only relations valid on that date\n", kt_graph_as_of(r->g));
    fprintf(f, "- keten %s\n\n", KT_VERSION);
    fprintf(f, "| Bidder | Verdict | C1 | C2 | C3A | C3B | Legal route |\n|---|---|---|---|---|---|---|\n");
    for (size_t b = 0; b < t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        fprintf(f, "| ");
        md(f, t->bidders[b].id);
        fprintf(f, " | **%s** | %s | %s | %s | %s | %s |\n", kt_verdict_name(x->verdict), kt_cons_name(x->cons[0]),
                kt_cons_name(x->cons[1]), kt_cons_name(x->cons[2]), kt_cons_name(x->cons[3]), kt_route_name(x->route));
    }
    for (size_t b = 0; b < t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        fprintf(f, "\n## ");
        md(f, t->bidders[b].id);
        if (t->bidders[b].name) {
            fprintf(f, ": ");
            md(f, t->bidders[b].name);
        }
        kt_screen_out_explain(r, b, buf, sizeof buf);
        fprintf(f, "\n\n**%s.** %s\n\n", kt_verdict_name(x->verdict), buf);
        for (int slot = 0; slot < KT_WHY_VERDICT; slot++) {
            char *text = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&text, &len);
            if (m) {
                why_brief(m, r, b, slot);
                fclose(m);
            }
            fputs("- ", f);
            md(f, text ? text : "");
            fputc('\n', f);
            free(text);
        }
        {
            char *text = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&text, &len);
            if (m) {
                coverage_text(m, x, th->max_depth);
                fclose(m);
            }
            if (text && len && text[len - 1] == '\n')
                text[len - 1] = '\0'; /* the line end is the format's, not data */
            fputs("- ", f);
            md(f, text ? text : "");
            fputc('\n', f);
            free(text);
        }
        for (size_t i = 0; i < x->nprohibited; i++) {
            const kt_screen_item *it = &x->prohibited[i];
            const kt_prohibition *pr = kt_policy_prohibition(r->p, (size_t)it->prohibition);
            fprintf(f, "- **Prohibition** ");
            md(f, pr->id);
            fprintf(f, "%s: ", it->covered == 1 ? "" : " (may apply: share of the contract value not stated)");
            md(f, kt_graph_entity_id(r->g, it->start));
            fprintf(f, "; ");
            md(f, pr->basis);
            char *p = path_text(r->g, it);
            fprintf(f, "\n  - path: ");
            kt_cli_md_code(f, p);
            fputc('\n', f);
            free(p);
        }
        fputc('\n', f);
        if (!x->nfindings)
            fprintf(f, "No finding in the data%s.\n", x->nunknown ? ", but the data is incomplete (below)" : "");
        for (size_t i = 0; i < x->nfindings; i++) {
            const kt_screen_item *it = &x->findings[i];
            kt_cli_reasons_text(it->reasons, " ", rs, sizeof rs);
            fprintf(f, "- Finding: ");
            md(f, kt_graph_entity_name(r->g, it->node)[0] ? kt_graph_entity_name(r->g, it->node)
                                                          : kt_graph_entity_id(r->g, it->node));
            fprintf(f, " (%s), %s, via %s at depth %d%s\n",
                    origin_code(r->g, it->node)[0] ? origin_code(r->g, it->node) : "country unknown",
                    rs, item_via(r->g, it), it->depth, it->party ? ", at the bidder's own level" : "");
            if (it->has_ownership) {
                fprintf(f, "  - integrated ownership interest in ");
                md(f, kt_graph_entity_id(r->g, run_start(r->g, it)));
                fprintf(f, ": %s\n", kt_ival_is_unknown(it->interest) ? "not known"
                                                                      : kt_cli_pct(it->interest, buf, sizeof buf));
            }
            char *p = path_text(r->g, it);
            fprintf(f, "  - path: ");
            kt_cli_md_code(f, p);
            fputc('\n', f);
            free(p);
            kt_screen_case_text(f, r, b, i, 1, 1);
        }
        for (size_t i = 0; i < x->nunknown; i++) {
            const kt_screen_item *it = &x->unknown[i];
            fprintf(f, "- Unknown beyond ");
            md(f, kt_graph_entity_id(r->g, it->node));
            fprintf(f, ": %s (depth %d)\n", kt_cli_why_text(it->why, "; ", rs, sizeof rs), it->depth);
            kt_screen_case_text(f, r, b, i, 0, 1);
        }
        kt_screen_case_bidder_text(f, r, b, 1);
    }
    return ferror(f) ? -1 : 0;
}

/* ---- for the HTML report (cli/screen_html.c), which escapes what these print ---- */

void kt_screen_out_why_text(FILE *f, const kt_screen_report *r, size_t b, int slot)
{
    why_brief(f, r, b, slot);
}

void kt_screen_out_coverage_text(FILE *f, const kt_screen_report *r, size_t b)
{
    coverage_text(f, &r->res[b], kt_policy_thresholds_get(r->p)->max_depth);
}

void kt_screen_out_prohibition_text(FILE *f, const kt_screen_report *r, const kt_screen_item *x)
{
    table_prohibition(f, r, x);
}
