/* cmd_critical.c: keten critical NODE FILE...: the suppliers, subcontractors and parts NODE
 * depends on with no alternative, and the declared sole sources. */
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_crit.h"
#include "node_cmd.h"

static const char help[] =
    "usage: keten critical NODE FILE... [--json|--csv] [--from FORMAT] [--quiet] [--mpi]\n"
    "Example: keten critical k3-delta samples/anpr-tender/data.jsonl\n\n"
    "List the single points of failure of NODE in the data: members, suppliers, subcontractors,\n"
    "parts and manufacturers it cannot do without.  An item needs all its parts; a customer\n"
    "needs one supplier of each item it buys, so a second supplier of the same item is an\n"
    "alternative.  Each point says which rule proves it (required, only_supplier,\n"
    "only_manufacturer, on_every_route: found with a dominator tree) and the shortest path to\n"
    "it.  \"In the data\": a supplier or manufacturer the data does not list could be an\n"
    "alternative.  Supplies marked sole_source in the data are listed as declared.\n\n"
    "  --json           print the result as one JSON document\n"
    "  --csv            one row per single point of failure and per declared sole source\n"
    "  --excel          CSV for Excel with a Dutch locale: UTF-8 byte order mark and ';'\n"
    "  --from FORMAT    read every file as FORMAT (default: detected)\n"
    "  --quiet          do not summarise warnings in the input\n"
    "  --mpi            gather what NODE reaches over the ranks of mpirun (keten-mpi, built by\n"
    "                   'make mpi'; the same output for any number of ranks)\n"
    "  -h, --help       this help\n\n"
    "Exit status: 0 answered; 2 could not answer (usage, bad input, unknown node, I/O, memory).\n";

/* The kept hops of a path; a path longer than KT_CRIT_PATH_MAX starts with {"elided": N}. */
static cJSON *path_json(const kt_graph *g, const kt_crit_result *r, const kt_crit_point *c)
{
    cJSON *a = cJSON_CreateArray();
    char where[512];
    kt_crit_hop p[KT_CRIT_PATH_MAX];
    kt_crit_path(r, c, p);
    if (c->path_elided) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "elided", c->path_elided);
        cJSON_AddItemToArray(a, o);
    }
    for (int i = 0; i < c->path_len; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, p[i].node));
        if (p[i].edge < 0) {
            cJSON_AddNullToObject(o, "rel");
            cJSON_AddNullToObject(o, "source");
        } else {
            cJSON_AddStringToObject(o, "rel", kt_rtype_name(kt_graph_rel_type(g, p[i].edge)));
            cJSON_AddStringToObject(o, "source", kt_graph_rel_where(g, p[i].edge, where, sizeof where));
        }
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

/* One row per single point of failure, then one per declared sole source. */
static void result_csv(const kt_graph *g, const kt_crit_result *r, char sep)
{
    static const char *cols[] = {"start", "kind", "node", "name", "rule", "needed_by", "item", "depth", "source"};
    const size_t ncols = sizeof cols / sizeof cols[0];
    char where[512];
    kt_cli_csv_header(stdout, cols, ncols, sep);
    for (size_t i = 0; i < r->ncritical; i++) {
        const kt_crit_point *c = &r->critical[i];
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, r->start), 0, sep);
        kt_cli_csv_cell(stdout, "single_point_of_failure", 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, c->node), 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_name(g, c->node), 0, sep);
        kt_cli_csv_cell(stdout, kt_crit_rule_name(c->rule), 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, c->needed_by), 0, sep);
        kt_cli_csv_cell(stdout, c->item >= 0 ? kt_graph_entity_id(g, c->item) : "", 0, sep);
        fprintf(stdout, "%d%c", c->depth, sep);
        kt_cli_csv_cell(stdout, c->edge >= 0 ? kt_graph_rel_where(g, c->edge, where, sizeof where) : "", 1, sep);
    }
    for (size_t i = 0; i < r->nsole; i++) {
        const kt_crit_sole *x = &r->sole[i];
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, r->start), 0, sep);
        kt_cli_csv_cell(stdout, "declared_sole_source", 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, x->supplier), 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_name(g, x->supplier), 0, sep);
        kt_cli_csv_cell(stdout, "sole_source", 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, x->customer), 0, sep);
        kt_cli_csv_cell(stdout, x->item >= 0 ? kt_graph_entity_id(g, x->item) : "", 0, sep);
        fputc(sep, stdout);
        kt_cli_csv_cell(stdout, kt_graph_rel_where(g, x->edge, where, sizeof where), 1, sep);
    }
}

typedef struct {
    const kt_graph *g;
    const kt_crit_result *r;
} json_ctx;

static cJSON *point_json(void *ctx, size_t i)
{
    const kt_graph *g = ((json_ctx *)ctx)->g;
    const kt_crit_result *r = ((json_ctx *)ctx)->r;
    const kt_crit_point *c = &r->critical[i];
    char where[512];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, c->node));
    cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, c->node));
    cJSON_AddStringToObject(o, "type", kt_etype_name(kt_graph_entity_type(g, c->node)));
    cJSON_AddStringToObject(o, "country", kt_graph_entity_country(g, c->node));
    cJSON_AddStringToObject(o, "rule", kt_crit_rule_name(c->rule));
    cJSON_AddStringToObject(o, "needed_by", kt_graph_entity_id(g, c->needed_by));
    if (c->item >= 0)
        cJSON_AddStringToObject(o, "item", kt_graph_entity_id(g, c->item));
    else
        cJSON_AddNullToObject(o, "item");
    if (c->edge >= 0)
        cJSON_AddStringToObject(o, "source", kt_graph_rel_where(g, c->edge, where, sizeof where));
    else
        cJSON_AddNullToObject(o, "source");
    cJSON_AddNumberToObject(o, "depth", c->depth);
    cJSON_AddItemToObject(o, "path", path_json(g, r, c));
    return o;
}

static cJSON *sole_json(void *ctx, size_t i)
{
    const kt_graph *g = ((json_ctx *)ctx)->g;
    const kt_crit_sole *s = &((json_ctx *)ctx)->r->sole[i];
    char where[512];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "supplier", kt_graph_entity_id(g, s->supplier));
    cJSON_AddStringToObject(o, "customer", kt_graph_entity_id(g, s->customer));
    if (s->item >= 0)
        cJSON_AddStringToObject(o, "item", kt_graph_entity_id(g, s->item));
    else
        cJSON_AddNullToObject(o, "item");
    cJSON_AddStringToObject(o, "source", kt_graph_rel_where(g, s->edge, where, sizeof where));
    return o;
}

/* The document, streamed: points and sole sources are made and printed one at a time, so a
 * large answer (a point per reached node) never sits in memory as one tree. */
static int result_json(const kt_graph *g, const kt_crit_result *r)
{
    json_ctx ctx = {g, r};
    kt_cli_json_stream js;
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "keten", KT_VERSION);
    cJSON_AddItemToObject(doc, "files", kt_cli_files_json(g));
    cJSON_AddStringToObject(doc, "node", kt_graph_entity_id(g, r->start));
    if (kt_cli_json_begin(&js, stdout, doc) != 0)
        return -1;
    kt_cli_json_items(&js, "critical", r->ncritical, point_json, &ctx);
    kt_cli_json_items(&js, "sole_source", r->nsole, sole_json, &ctx);
    cJSON *s = cJSON_CreateObject();
    cJSON_AddNumberToObject(s, "reached", (double)r->nreached);
    cJSON_AddNumberToObject(s, "critical", (double)r->ncritical);
    cJSON_AddNumberToObject(s, "sole_source", (double)r->nsole);
    kt_cli_json_add(&js, "summary", s);
    return kt_cli_json_end(&js);
}

static void result_text(const kt_graph *g, const kt_crit_result *r)
{
    char where[512];
    kt_crit_hop path[KT_CRIT_PATH_MAX];
    printf("critical suppliers of %s", kt_cli_text(kt_graph_entity_id(g, r->start)));
    if (kt_graph_entity_name(g, r->start)[0])
        printf(" (%s)", kt_cli_text(kt_graph_entity_name(g, r->start)));
    printf("\nreached: %zu nodes\n", r->nreached);
    printf("single points of failure in the data: %zu\n", r->ncritical);
    for (size_t i = 0; i < r->ncritical; i++) {
        const kt_crit_point *c = &r->critical[i];
        printf("  %s", kt_cli_text(kt_graph_entity_id(g, c->node)));
        if (kt_graph_entity_name(g, c->node)[0])
            printf(" (%s)", kt_cli_text(kt_graph_entity_name(g, c->node)));
        printf(": %s for %s", kt_crit_rule_name(c->rule), kt_cli_text(kt_graph_entity_id(g, c->needed_by)));
        if (c->item >= 0)
            printf(", item %s", kt_cli_text(kt_graph_entity_id(g, c->item)));
        if (c->edge >= 0)
            printf(" (%s)", kt_cli_text(kt_graph_rel_where(g, c->edge, where, sizeof where)));
        printf(", depth %d\n    path: ", c->depth);
        kt_crit_path(r, c, path);
        if (c->path_elided)
            printf("%s ... (%d more) ... ", kt_cli_text(kt_graph_entity_id(g, r->start)), c->path_elided - 1);
        printf("%s", kt_cli_text(kt_graph_entity_id(g, path[0].node)));
        for (int k = 1; k < c->path_len; k++)
            printf(" -%s-> %s", kt_rtype_name(kt_graph_rel_type(g, path[k].edge)),
                   kt_cli_text(kt_graph_entity_id(g, path[k].node)));
        printf("\n");
    }
    printf("declared sole_source: %zu\n", r->nsole);
    for (size_t i = 0; i < r->nsole; i++) {
        const kt_crit_sole *s = &r->sole[i];
        printf("  %s supplies %s", kt_cli_text(kt_graph_entity_id(g, s->supplier)), kt_cli_text(kt_graph_entity_id(g, s->customer)));
        if (s->item >= 0)
            printf(" with %s", kt_cli_text(kt_graph_entity_id(g, s->item)));
        printf(" (%s)\n", kt_cli_text(kt_graph_rel_where(g, s->edge, where, sizeof where)));
    }
}

kt_crit_run_fn kt_cli_critical_mpi = NULL;

int kt_cmd_critical(int argc, char **argv)
{
    kt_cli_node c = {"critical", help, KT_CLI_POLICY_NONE, 0, 0, 1, "node", 0, 0, 0, 0, 0, NULL, NULL, -1, 0, 0};
    kt_crit_result *r = NULL;
    c.mpi_option = kt_cli_critical_mpi ? 2 : 1;
    int code = kt_cli_node_open(&c, argc, argv);
    if (code >= 0)
        goto out;
    code = KT_EXIT_FAIL;
    kt_err rc = (c.mpi ? kt_cli_critical_mpi : kt_crit_run)(c.g, c.v, &r);
    if (rc != KT_OK) {
        kt_cli_msg("%s", kt_err_str(rc));
        goto out;
    }
    code = KT_EXIT_OK;
    if (c.json) {
        if (result_json(c.g, r) != 0)
            code = KT_EXIT_FAIL;
    } else if (c.csv) {
        result_csv(c.g, r, (char)c.csv);
    } else {
        result_text(c.g, r);
    }
out:
    kt_crit_result_free(r);
    kt_cli_node_close(&c);
    return code;
}
