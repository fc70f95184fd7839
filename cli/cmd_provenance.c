/* cmd_provenance.c: keten provenance ITEM FILE... [--policy P]: bill of materials, origin
 * shares, concentration and transit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_prov.h"
#include "node_cmd.h"

static const char help[] =
    "usage: keten provenance ITEM FILE... [--policy POLICY] [--json|--csv] [--from FORMAT] [--quiet]\n"
    "Example: keten provenance dm-cam samples/anpr-tender/data.jsonl --policy samples/policy.json\n\n"
    "Print the item's bill of materials tier by tier, with each part's manufacturer, suppliers\n"
    "and origin country (own country, else the country on its made_by, else its manufacturer's,\n"
    "else unknown); the origin shares over the leaf parts (split by share, else qty, else\n"
    "equally, as each assembly's row says); the item's place of assembly; the\n"
    "Herfindahl-Hirschman index of the shares (0-1) with its CBS band and the EU flag (> 0.4);\n"
    "and suppliers that only pass a part on (transit), which are never taken for its origin.\n\n"
    "  --policy FILE    mark parts whose origin is in the policy's C1 or C2 set\n"
    "  --json           print the result as one JSON document (shares in percent)\n"
    "  --csv            one row per part: tier, origin, share, manufacturer, suppliers, transit\n"
    "  --excel          CSV for Excel with a Dutch locale: UTF-8 byte order mark and ';'\n"
    "  --from FORMAT    read every file as FORMAT (default: detected)\n"
    "  --quiet          do not summarise warnings in the input\n"
    "  -h, --help       this help\n\n"
    "Exit status: 0 answered; 2 could not answer (usage, bad input, bad policy file, unknown\n"
    "item, I/O, memory).\n";

static const char *cc(unsigned c) { return c ? kt_cli_country(c) : "unknown"; }

static unsigned marks(const kt_policy *p, unsigned origin)
{
    return p ? kt_policy_country_reasons(p, origin) & (KT_REASON_C1 | KT_REASON_C2) : 0;
}

static cJSON *part_json(const kt_graph *g, const kt_policy *p, const kt_prov_part *x)
{
    char where[512];
    cJSON *o = cJSON_CreateObject(), *a;
    cJSON_AddNumberToObject(o, "tier", x->tier);
    cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, x->node));
    cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, x->node));
    cJSON_AddStringToObject(o, "origin", cc(x->origin));
    cJSON_AddStringToObject(o, "origin_rule", kt_prov_rule_name(x->rule));
    cJSON_AddNumberToObject(o, "share", kt_cli_num(x->share * 100));
    cJSON_AddBoolToObject(o, "leaf", x->leaf);
    if (x->leaf)
        cJSON_AddNullToObject(o, "split");
    else
        cJSON_AddStringToObject(o, "split", kt_prov_split_name(x->split));
    if (x->manufacturer >= 0)
        cJSON_AddStringToObject(o, "manufacturer", kt_graph_entity_id(g, x->manufacturer));
    else
        cJSON_AddNullToObject(o, "manufacturer");
    a = cJSON_AddArrayToObject(o, "suppliers");
    for (size_t k = 0; k < x->nsuppliers; k++) {
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "id", kt_graph_entity_id(g, x->suppliers[k].supplier));
        cJSON_AddStringToObject(s, "country", kt_cli_country(kt_graph_entity_country_index(g, x->suppliers[k].supplier)));
        cJSON_AddStringToObject(s, "source", kt_graph_rel_where(g, x->suppliers[k].edge, where, sizeof where));
        cJSON_AddItemToArray(a, s);
    }
    if (p) {
        a = cJSON_AddArrayToObject(o, "marks");
        unsigned m = marks(p, x->origin);
        for (unsigned b = 1; b < (1u << KT_REASON__COUNT); b <<= 1)
            if (m & b)
                cJSON_AddItemToArray(a, cJSON_CreateString(kt_reason_name(b)));
    }
    return o;
}

/* One row per part: the bill of materials for a spreadsheet. */
static void result_csv(const kt_graph *g, const kt_policy *p, const kt_prov_result *r, char sep)
{
    static const char *cols[] = {"item", "tier", "part", "name", "origin", "origin_rule", "share_pct",
                                 "leaf", "split", "manufacturer", "suppliers", "transit_via", "marks"};
    const size_t ncols = sizeof cols / sizeof cols[0];
    char buf[128], sup[512], via[512];
    kt_cli_csv_header(stdout, cols, ncols, sep);
    for (size_t i = 0; i < r->nparts; i++) {
        const kt_prov_part *x = &r->parts[i];
        size_t us = 0, uv = 0;
        sup[0] = via[0] = '\0';
        for (size_t k = 0; k < x->nsuppliers; k++) {
            igraph_integer_t sv = x->suppliers[k].supplier;
            unsigned sc = kt_graph_entity_country_index(g, sv);
            int w = snprintf(sup + us, sizeof sup - us, "%s%s", us ? " " : "", kt_cli_text(kt_graph_entity_id(g, sv)));
            if (w > 0 && (size_t)w < sizeof sup - us)
                us += (size_t)w;
            if (sc && x->origin && sc != x->origin) {
                w = snprintf(via + uv, sizeof via - uv, "%s%s (%s)", uv ? " " : "", kt_cli_text(kt_graph_entity_id(g, sv)),
                             kt_cli_country(sc));
                if (w > 0 && (size_t)w < sizeof via - uv)
                    uv += (size_t)w;
            }
        }
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, r->item), 0, sep);
        fprintf(stdout, "%d%c", x->tier, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, x->node), 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_name(g, x->node), 0, sep);
        kt_cli_csv_cell(stdout, cc(x->origin), 0, sep);
        kt_cli_csv_cell(stdout, kt_prov_rule_name(x->rule), 0, sep);
        kt_cli_csv_num(stdout, kt_cli_num(x->share * 100), sep);
        kt_cli_csv_cell(stdout, x->leaf ? "yes" : "no", 0, sep);
        kt_cli_csv_cell(stdout, x->leaf ? "" : kt_prov_split_name(x->split), 0, sep);
        kt_cli_csv_cell(stdout, x->manufacturer >= 0 ? kt_graph_entity_id(g, x->manufacturer) : "", 0, sep);
        kt_cli_csv_cell(stdout, sup, 0, sep);
        kt_cli_csv_cell(stdout, via, 0, sep);
        kt_cli_csv_cell(stdout, kt_cli_reasons_text(marks(p, x->origin), " ", buf, sizeof buf), 1, sep);
    }
}

static cJSON *result_json(const kt_graph *g, const kt_policy *p, const kt_prov_result *r)
{
    char where[512];
    cJSON *doc = cJSON_CreateObject(), *a, *o;
    const kt_prov_part *it = &r->parts[0];
    cJSON_AddStringToObject(doc, "keten", KT_VERSION);
    cJSON_AddItemToObject(doc, "files", kt_cli_files_json(g));
    cJSON_AddStringToObject(doc, "item", kt_graph_entity_id(g, r->item));
    if (p)
        cJSON_AddItemToObject(doc, "policy", kt_cli_policy_json(p));
    else
        cJSON_AddNullToObject(doc, "policy");
    o = cJSON_AddObjectToObject(doc, "assembly");
    cJSON_AddStringToObject(o, "country", cc(it->origin));
    cJSON_AddStringToObject(o, "rule", kt_prov_rule_name(it->rule));
    if (it->manufacturer >= 0)
        cJSON_AddStringToObject(o, "manufacturer", kt_graph_entity_id(g, it->manufacturer));
    else
        cJSON_AddNullToObject(o, "manufacturer");
    if (it->leaf)
        cJSON_AddNullToObject(o, "split");
    else
        cJSON_AddStringToObject(o, "split", kt_prov_split_name(it->split));
    a = cJSON_AddArrayToObject(doc, "origins");
    for (size_t i = 0; i < r->norigins; i++) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "country", cc(r->origins[i].country));
        cJSON_AddNumberToObject(x, "share", kt_cli_num(r->origins[i].share * 100));
        cJSON_AddItemToArray(a, x);
    }
    cJSON_AddNumberToObject(doc, "unknown_share", kt_cli_num(r->unknown_share * 100));
    cJSON_AddNumberToObject(doc, "hhi", kt_cli_num(r->hhi));
    o = cJSON_AddObjectToObject(doc, "hhi_range");
    cJSON_AddNumberToObject(o, "min", kt_cli_num(r->hhi_min));
    cJSON_AddNumberToObject(o, "max", kt_cli_num(r->hhi_max));
    cJSON_AddStringToObject(doc, "band", kt_prov_band_name(r->band));
    if (r->eu_flag < 0)
        cJSON_AddNullToObject(doc, "eu_flag");
    else
        cJSON_AddBoolToObject(doc, "eu_flag", r->eu_flag);
    if (isnan(r->extra_eu_share))
        cJSON_AddNullToObject(doc, "extra_eu_share");
    else
        cJSON_AddNumberToObject(doc, "extra_eu_share", kt_cli_num(r->extra_eu_share * 100));
    if (isnan(r->hhi_extra_eu))
        cJSON_AddNullToObject(doc, "hhi_extra_eu");
    else
        cJSON_AddNumberToObject(doc, "hhi_extra_eu", kt_cli_num(r->hhi_extra_eu));
    a = cJSON_AddArrayToObject(doc, "transit");
    for (size_t i = 0; i < r->ntransit; i++) {
        const kt_prov_transit *t = &r->transit[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "part", kt_graph_entity_id(g, t->part));
        cJSON_AddStringToObject(x, "via", kt_graph_entity_id(g, t->supplier));
        cJSON_AddStringToObject(x, "via_country", cc(t->supplier_country));
        cJSON_AddStringToObject(x, "origin", cc(t->origin));
        cJSON_AddStringToObject(x, "source", kt_graph_rel_where(g, t->edge, where, sizeof where));
        cJSON_AddItemToArray(a, x);
    }
    a = cJSON_AddArrayToObject(doc, "parts");
    for (size_t i = 1; i < r->nparts; i++)
        cJSON_AddItemToArray(a, part_json(g, p, &r->parts[i]));
    return doc;
}

static void result_text(const kt_graph *g, const kt_policy *p, const kt_prov_result *r)
{
    char where[512];
    const kt_prov_part *it = &r->parts[0];
    printf("provenance of %s", kt_cli_text(kt_graph_entity_id(g, r->item)));
    if (kt_graph_entity_name(g, r->item)[0])
        printf(" (%s)", kt_cli_text(kt_graph_entity_name(g, r->item)));
    printf("\nassembled in: %s (rule: %s", cc(it->origin), kt_prov_rule_name(it->rule));
    if (it->manufacturer >= 0)
        printf(", manufacturer %s", kt_cli_text(kt_graph_entity_id(g, it->manufacturer)));
    printf(")\n");
    if (p)
        printf("policy: %s\n", kt_cli_text(kt_policy_file(p)));
    printf("parts: %zu\n", r->nparts - 1);
    if (!it->leaf)
        printf("  tier 0 %s: split %s\n", kt_cli_text(kt_graph_entity_id(g, it->node)), kt_prov_split_name(it->split));
    for (size_t i = 1; i < r->nparts; i++) {
        const kt_prov_part *x = &r->parts[i];
        printf("  tier %d %s: %.2f%%, origin %s (%s)", x->tier, kt_cli_text(kt_graph_entity_id(g, x->node)),
               kt_cli_num(x->share * 100), cc(x->origin), kt_prov_rule_name(x->rule));
        if (x->manufacturer >= 0)
            printf(", manufacturer %s", kt_cli_text(kt_graph_entity_id(g, x->manufacturer)));
        for (size_t k = 0; k < x->nsuppliers; k++)
            printf(", supplier %s (%s)", kt_cli_text(kt_graph_entity_id(g, x->suppliers[k].supplier)),
                   kt_cli_text(kt_graph_rel_where(g, x->suppliers[k].edge, where, sizeof where)));
        if (!x->leaf)
            printf(", split %s", kt_prov_split_name(x->split));
        unsigned m = marks(p, x->origin);
        for (unsigned b = 1; b < (1u << KT_REASON__COUNT); b <<= 1)
            if (m & b)
                printf(" [%s]", kt_reason_name(b));
        printf("\n");
    }
    printf("origins:\n");
    for (size_t i = 0; i < r->norigins; i++)
        printf("  %-8s %.2f%%\n", cc(r->origins[i].country), kt_cli_num(r->origins[i].share * 100));
    printf("hhi: %.4f (%s)", kt_cli_num(r->hhi), kt_prov_band_name(r->band));
    if (r->unknown_share > 0)
        printf(", %.4f to %.4f depending on the unknown origins", kt_cli_num(r->hhi_min), kt_cli_num(r->hhi_max));
    if (r->eu_flag < 0)
        printf("\neu_flag: not judged (which countries are in the EU comes from --policy)\n");
    else if (isnan(r->hhi_extra_eu))
        printf("\neu_flag: no (nothing known from outside the EU)\n");
    else
        printf("\neu_flag: %s (%.2f%% from outside the EU, hhi over those origins %.4f)\n",
               r->eu_flag ? "yes" : "no", kt_cli_num(r->extra_eu_share * 100), kt_cli_num(r->hhi_extra_eu));
    printf("transit: %zu\n", r->ntransit);
    for (size_t i = 0; i < r->ntransit; i++)
        printf("  %s via %s (%s), origin %s (%s)\n", kt_cli_text(kt_graph_entity_id(g, r->transit[i].part)),
               kt_cli_text(kt_graph_entity_id(g, r->transit[i].supplier)), cc(r->transit[i].supplier_country),
               cc(r->transit[i].origin), kt_cli_text(kt_graph_rel_where(g, r->transit[i].edge, where, sizeof where)));
}

int kt_cmd_provenance(int argc, char **argv)
{
    kt_cli_node c = {"provenance", help, KT_CLI_POLICY_OPTIONAL, 0, 0, 1, "item", 0, 0, 0, 0, 0, NULL, NULL, -1, 0, 0};
    kt_prov_result *r = NULL;
    int code = kt_cli_node_open(&c, argc, argv);
    if (code >= 0)
        goto out;
    code = KT_EXIT_FAIL;
    kt_err rc = kt_prov_run(c.g, c.v, &r);
    if (rc != KT_OK) {
        kt_cli_msg("%s", kt_err_str(rc));
        goto out;
    }
    kt_prov_extra_eu(r, c.p);
    code = KT_EXIT_OK;
    if (c.json) {
        if (kt_cli_print_json(stdout, result_json(c.g, c.p, r)) != 0)
            code = KT_EXIT_FAIL;
    } else if (c.csv) {
        result_csv(c.g, c.p, r, (char)c.csv);
    } else {
        result_text(c.g, c.p, r);
    }
out:
    kt_prov_result_free(r);
    kt_cli_node_close(&c);
    return code;
}
