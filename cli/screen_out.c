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

static const char *item_via(const kt_graph *g, const kt_screen_item *x)
{
    return x->depth == 0 ? "self" : via_of(kt_graph_rel_type(g, x->edges[x->depth - 1]));
}

/* An item's country is where it was made (kt_policy_origin); anything else's its own. */
static const char *origin_code(const kt_graph *g, igraph_integer_t v)
{
    return kt_cli_country(kt_policy_origin(g, v));
}

static const char *route_text(int route)
{
    return route == 1 ? "exists" : route == 0 ? "none" : "unknown";
}

static const char *route_basis(kt_regime r)
{
    return r == KT_REGIME_ADV ? "ADV: bidders established outside the EU may be excluded"
                              : "Aanbestedingswet 2012: bidders established outside the GPA parties may be excluded";
}

static unsigned outside_bit(kt_regime r)
{
    return r == KT_REGIME_ADV ? KT_REASON_NON_EU : KT_REASON_NON_GPA;
}

void kt_screen_out_explain(const kt_screen_report *r, size_t b, char *buf, size_t len)
{
    const kt_screen_result *x = &r->res[b];
    char list[160] = "";
    size_t used = 0;
    kt_cons want = x->verdict == KT_VERDICT_MITIGATE ? KT_CONS_NOT_MET : KT_CONS_UNKNOWN;
    for (int c = 0; c < KT_CONS__COUNT; c++)
        if (x->cons[c] == want) {
            int w = snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", cons_keys[c]);
            if (w > 0 && (size_t)w < sizeof list - used)
                used += (size_t)w;
        }
    switch (x->verdict) {
    case KT_VERDICT_EXCLUSION_POSSIBLE:
        snprintf(buf, len,
                 "All four considerations are met at the bidder's own level and a legal route exists (%s); "
                 "exclusion may be considered.",
                 route_basis(r->t->regime));
        break;
    case KT_VERDICT_SPECIFY_OR_MITIGATE:
        snprintf(buf, len, "All four considerations are met, but %s; there is no exclusion route: set requirements "
                           "in the specifications or the contract.",
                 !x->party_risk ? "C1 and C2 are not both met at the bidder's own level (the risk comes through "
                                  "components, suppliers, subcontractors or owners)"
                 : x->route == 0 ? "no member is established where the legal route applies"
                                 : "whether a member is established where the legal route applies is not known");
        break;
    case KT_VERDICT_MITIGATE:
        snprintf(buf, len, "A %s finding, but %s not met: exclusion is not indicated; consider mitigation "
                           "measures.",
                 x->cons[KT_C1] == KT_CONS_MET || x->cons[KT_C2] == KT_CONS_MET ? "C1 or C2" : "listing (marks)", list);
        break;
    case KT_VERDICT_REVIEW:
        snprintf(buf, len, "%s unknown%s: review before deciding.", list,
                 x->nunknown ? "; the data stops before the end of some paths" : "");
        break;
    default:
        snprintf(buf, len, "No finding in the data, and the data is complete along every path.");
        break;
    }
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
        if (!kt_ival_is_unknown(x->interest))
            fprintf(f, "    ownership interest along the path: %s\n", kt_cli_pct(x->interest, pct, sizeof pct));
        else if (x->has_ownership)
            fprintf(f, "    ownership interest along the path: unknown (a share is not known)\n");
    } else {
        fprintf(f, "  unknown beyond %s \"%s\": %s; depth %d, from %s %s\n", kt_cli_text(kt_graph_entity_id(g, v)),
                kt_cli_text(kt_graph_entity_name(g, v)), kt_cli_why_text(x->why, "; ", rs, sizeof rs), x->depth, kt_role_name(x->role),
                kt_cli_text(kt_graph_entity_id(g, x->start)));
    }
    char *p = path_text(g, x);
    fprintf(f, "    %s\n", p ? kt_cli_text(p) : "(out of memory)");
    free(p);
}

int kt_screen_out_table(FILE *f, const kt_screen_report *r)
{
    const kt_tender *t = r->t;
    size_t width = 6;
    char buf[600];
    for (size_t b = 0; b < t->nbidders; b++)
        if (strlen(t->bidders[b].id) > width)
            width = strlen(t->bidders[b].id);
    fprintf(f, "tender %s%s%s%s (%s), policy %s\n", kt_cli_text(t->id), t->title ? " \"" : "", t->title ? kt_cli_text(t->title) : "",
            t->title ? "\"" : "", kt_regime_name(t->regime), kt_cli_text(kt_policy_file(r->p)));
    if (kt_graph_as_of(r->g))
        fprintf(f, "as of %s: only relations valid on that date\n", kt_graph_as_of(r->g));
    fprintf(f, "%s\n\n", kt_screen_notice);
    fprintf(f, "%-*s  %-19s  %-7s  %-7s  %-7s  %-7s  %s\n", (int)width, "BIDDER", "VERDICT", "C1", "C2", "C3A",
            "C3B", "ROUTE");
    for (size_t b = 0; b < t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        fprintf(f, "%-*s  %-19s  %-7s  %-7s  %-7s  %-7s  %s\n", (int)width, kt_cli_text(t->bidders[b].id),
                kt_verdict_name(x->verdict), kt_cons_name(x->cons[0]), kt_cons_name(x->cons[1]),
                kt_cons_name(x->cons[2]), kt_cons_name(x->cons[3]), route_text(x->route));
    }
    for (size_t b = 0; b < t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        const kt_tender_bidder *tb = &t->bidders[b];
        fprintf(f, "\n%s%s%s: %s\n", kt_cli_text(tb->id), tb->name ? " " : "", tb->name ? kt_cli_text(tb->name) : "", kt_verdict_name(x->verdict));
        kt_screen_out_explain(r, b, buf, sizeof buf);
        fprintf(f, "  %s\n", buf);
        fprintf(f, "  legal route (%s): %s", kt_regime_name(t->regime), route_text(x->route));
        int any = 0;
        for (size_t m = 0; m < x->nmembers; m++)
            if (x->members[m].reasons & outside_bit(t->regime))
                fprintf(f, "%s%s (%s)", any++ ? ", " : "; established outside: ",
                        kt_cli_text(kt_graph_entity_id(r->g, x->members[m].v)), kt_graph_entity_country(r->g, x->members[m].v));
        fputc('\n', f);
        if (!x->nfindings)
            fprintf(f, "  no finding in the data%s\n", x->nunknown ? ", but the data is incomplete" : "");
        for (size_t i = 0; i < x->nfindings; i++) {
            table_item(f, r->g, &x->findings[i], 1);
            kt_screen_case_text(f, r, b, i, 1, 0);
        }
        for (size_t i = 0; i < x->nunknown; i++) {
            table_item(f, r->g, &x->unknown[i], 0);
            kt_screen_case_text(f, r, b, i, 0, 0);
        }
        kt_screen_case_bidder_text(f, r, b, 0);
    }
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
    if (x->route < 0)
        cJSON_AddNullToObject(lr, "exists");
    else
        cJSON_AddBoolToObject(lr, "exists", x->route == 1);
    cJSON_AddStringToObject(lr, "basis", route_basis(r->t->regime));
    a = cJSON_AddArrayToObject(lr, "members_outside");
    cJSON *unk = cJSON_AddArrayToObject(lr, "members_country_unknown");
    for (size_t m = 0; m < x->nmembers; m++) {
        igraph_integer_t v = x->members[m].v;
        if (x->members[m].reasons & outside_bit(r->t->regime))
            cJSON_AddItemToArray(a, cJSON_CreateString(kt_graph_entity_id(r->g, v)));
        else if (!kt_graph_entity_country(r->g, v)[0] && x->members[m].role != KT_ROLE_CONSORTIUM)
            cJSON_AddItemToArray(unk, cJSON_CreateString(kt_graph_entity_id(r->g, v)));
    }
    cJSON_AddBoolToObject(lr, "party_level_risk", x->party_risk);
    a = cJSON_AddArrayToObject(o, "members");
    for (size_t m = 0; m < x->nmembers; m++) {
        cJSON *mo = cJSON_CreateObject();
        igraph_integer_t v = x->members[m].v;
        cJSON_AddStringToObject(mo, "id", kt_graph_entity_id(r->g, v));
        cJSON_AddStringToObject(mo, "name", kt_graph_entity_name(r->g, v));
        cJSON_AddStringToObject(mo, "role", kt_role_name(x->members[m].role));
        const char *c = kt_graph_entity_country(r->g, v);
        if (c[0])
            cJSON_AddStringToObject(mo, "country", c);
        else
            cJSON_AddNullToObject(mo, "country");
        cJSON_AddItemToObject(mo, "reasons", kt_cli_reasons_json(x->members[m].reasons));
        cJSON_AddItemToArray(a, mo);
    }
    a = cJSON_AddArrayToObject(o, "findings");
    for (size_t i = 0; i < x->nfindings; i++) {
        cJSON *it = item_json(r->g, &x->findings[i], 1);
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

int kt_screen_out_jsonl(FILE *f, const kt_screen_report *r)
{
    for (size_t b = 0; b < r->t->nbidders; b++) {
        cJSON *o = bidder_json(r, b);
        cJSON_AddStringToObject(o, "tender", r->t->id);
        char *s = cJSON_PrintUnformatted(o);
        cJSON_Delete(o);
        if (!s)
            return -1;
        fprintf(f, "%s\n", s);
        free(s);
    }
    return ferror(f) ? -1 : 0;
}

/* ---- CSV (RFC 4180) ---- */

int kt_screen_out_csv(FILE *f, const kt_screen_report *r)
{
    static const char *cols[] = {"tender",   "bidder",  "bidder_name", "verdict",  "C1",       "C2",
                                 "C3A",      "C3B",     "legal_route", "finding",  "finding_name", "country",
                                 "reasons",  "via",     "depth",       "party_level", "from",  "interest_min",
                                 "interest_max", "path", "unknown_count"};
    size_t ncols = sizeof cols / sizeof cols[0];
    char sep = r->excel ? ';' : ',';
    char rs[96], depth[16];
    const char *all[sizeof cols / sizeof cols[0] + 8];
    for (size_t k = 0; k < ncols; k++)
        all[k] = cols[k];
    for (size_t k = 0; k < kt_screen_case_ncsv && k < 8; k++)
        all[ncols + k] = kt_screen_case_csv_cols[k];
    kt_cli_csv_header(f, all, ncols + (kt_screen_case_ncsv < 8 ? kt_screen_case_ncsv : 8), sep);
    for (size_t b = 0; b < r->t->nbidders; b++) {
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
            kt_cli_csv_cell(f, route_text(x->route), 0, sep);
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
                for (int k = 0; k < 10; k++)
                    fputc(sep, f);
            }
            fprintf(f, "%zu%c", x->nunknown, sep);
            kt_screen_case_csv(f, r, b, it ? i : SIZE_MAX, sep);
        }
    }
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
    fprintf(f, "\n- Regime: %s (%s)\n", kt_regime_name(t->regime), route_basis(t->regime));
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
                kt_cons_name(x->cons[1]), kt_cons_name(x->cons[2]), kt_cons_name(x->cons[3]), route_text(x->route));
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
            if (!kt_ival_is_unknown(it->interest))
                fprintf(f, "  - ownership interest along the path: %s\n",
                        kt_cli_pct(it->interest, buf, sizeof buf));
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
