/* cmd_exposure.c: keten exposure NODE FILE... --policy P: findings with their paths, and
 * what is unknown beyond the data. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_exp.h"
#include "node_cmd.h"

static const char help[] =
    "usage: keten exposure NODE FILE... --policy POLICY [--json|--csv] [--max-depth N] [--fail-on finding|unknown]\n"
    "                      [--from FORMAT] [--quiet] [--mpi]\n"
    "Example: keten exposure k2-polder samples/anpr-tender/data.jsonl --policy samples/policy.json\n\n"
    "Follow every dependency from NODE (consortium members, suppliers, subcontractors, offered\n"
    "items, parts, manufacturers, owners at or above the policy's owner_share, controllers) up\n"
    "to the policy's max_depth, and list each reached node the policy marks C1, C2 or\n"
    "state_owned, or whose marks in force the policy names (sanctioned, debarred,\n"
    "export_controlled, with the authority and programme as evidence; non_gpa and non_eu are\n"
    "added as reasons), with its shortest path and the\n"
    "source of every relation on it.  Nodes whose suppliers, parts or origin are not known, and\n"
    "nodes cut by max_depth, are listed as unknown beyond this point: \"no finding in the data\"\n"
    "is said only when there are none.\n\n"
    "  --policy FILE    the policy file (country sets and thresholds); required\n"
    "  --json           print the result as one JSON document\n"
    "  --csv            one row per finding and per node where the data stops (RFC 4180)\n"
    "  --excel          CSV for Excel with a Dutch locale: UTF-8 byte order mark and ';'\n"
    "  --max-depth N    follow at most N steps (default: the policy's max_depth)\n"
    "  --fail-on W      exit 1 when there is a finding (W = finding), or a finding or a node\n"
    "                   where the data stops (W = unknown): for pipelines\n"
    "  --from FORMAT    read every file as FORMAT (default: detected)\n"
    "  --quiet          do not summarise warnings in the input\n"
    "  --mpi            run the search over the ranks of mpirun (keten-mpi, built by 'make mpi';\n"
    "                   the same output for any number of ranks)\n"
    "  -h, --help       this help\n\n"
    "Exit status: 0 answered; 1 answered and --fail-on was met; 2 could not answer (usage, bad\n"
    "input, bad policy file, unknown node, I/O, memory).\n";

kt_exp_run_fn kt_cli_exposure_mpi = NULL;

static cJSON *path_json(const kt_graph *g, const kt_exp_hop *p, int depth)
{
    cJSON *a = cJSON_CreateArray();
    char where[512];
    for (int i = 0; i <= depth; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, p[i].node));
        if (i == 0) {
            cJSON_AddNullToObject(o, "rel");
            cJSON_AddNullToObject(o, "via");
            cJSON_AddNullToObject(o, "source");
        } else {
            cJSON_AddStringToObject(o, "rel", kt_rtype_name(kt_graph_rel_type(g, p[i].edge)));
            cJSON_AddStringToObject(o, "via", kt_via_name(p[i].via));
            cJSON_AddStringToObject(o, "source", kt_graph_rel_where(g, p[i].edge, where, sizeof where));
            if (kt_graph_rel_type(g, p[i].edge) == KT_REL_SUPPLIES)
                cJSON_AddBoolToObject(o, "transit", kt_dep_transit(g, p[i].edge));
        }
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static void path_line(const kt_graph *g, const kt_exp_hop *p, int depth, FILE *f);

static void path_text(const kt_graph *g, const kt_exp_hop *p, int depth)
{
    printf("    path: ");
    path_line(g, p, depth, stdout);
    printf("\n");
}

/* The path as one line of text, with the source of every relation: "a -owns (f:3)-> b"; a
 * supplier that passes the item on (kt_dep_transit) is "-supplies, transit (f:3)->". */
static void path_line(const kt_graph *g, const kt_exp_hop *p, int depth, FILE *f)
{
    char where[512];
    fputs(kt_cli_text(kt_graph_entity_id(g, p[0].node)), f);
    for (int i = 1; i <= depth; i++)
        fprintf(f, " -%s%s (%s)-> %s", kt_rtype_name(kt_graph_rel_type(g, p[i].edge)),
                kt_dep_transit(g, p[i].edge) ? ", transit" : "",
                kt_cli_text(kt_graph_rel_where(g, p[i].edge, where, sizeof where)), kt_cli_text(kt_graph_entity_id(g, p[i].node)));
}

static void result_csv(const kt_graph *g, const kt_exp_result *r, char sep)
{
    static const char *cols[] = {"start", "kind", "node", "name", "country", "reasons", "via", "depth",
                                 "interest_min", "interest_max", "path"};
    const size_t ncols = sizeof cols / sizeof cols[0];
    char buf[256];
    char *path = NULL;
    size_t plen = 0;
    kt_cli_csv_header(stdout, cols, ncols, sep);
    for (size_t i = 0; i < r->nfindings + r->nunknown; i++) {
        int fi = i < r->nfindings;
        const kt_exp_finding *x = fi ? &r->findings[i] : NULL;
        const kt_exp_unknown *u = fi ? NULL : &r->unknown[i - r->nfindings];
        igraph_integer_t v = fi ? x->node : u->node;
        int depth = fi ? x->depth : u->depth;
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, r->start), 0, sep);
        kt_cli_csv_cell(stdout, fi ? "finding" : "unknown", 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_id(g, v), 0, sep);
        kt_cli_csv_cell(stdout, kt_graph_entity_name(g, v), 0, sep);
        kt_cli_csv_cell(stdout, kt_cli_country(kt_policy_origin(g, v)), 0, sep);
        kt_cli_csv_cell(stdout, fi ? kt_cli_reasons_text(x->reasons, " ", buf, sizeof buf)
                                   : kt_cli_why_text(u->why, "; ", buf, sizeof buf), 0, sep);
        kt_cli_csv_cell(stdout, fi && depth ? kt_via_name(x->via) : "", 0, sep);
        fprintf(stdout, "%d%c", depth, sep);
        kt_cli_csv_num(stdout, fi && x->has_interest ? x->interest.min : NAN, sep);
        kt_cli_csv_num(stdout, fi && x->has_interest ? x->interest.max : NAN, sep);
        FILE *m = open_memstream(&path, &plen);
        if (m) {
            path_line(g, fi ? x->path : u->path, depth, m);
            fclose(m);
        }
        kt_cli_csv_cell(stdout, path ? path : "", 1, sep);
        free(path);
        path = NULL;
    }
}

static void summary_text(const kt_exp_result *r, char *buf, size_t len)
{
    if (r->nfindings && !r->nunknown)
        snprintf(buf, len, "%zu finding%s in the data", r->nfindings, r->nfindings == 1 ? "" : "s");
    else if (r->nfindings)
        snprintf(buf, len, "%zu finding%s; the data is incomplete beyond %zu node%s", r->nfindings,
                 r->nfindings == 1 ? "" : "s", r->nunknown, r->nunknown == 1 ? "" : "s");
    else if (!r->nunknown)
        snprintf(buf, len, "no finding in the data");
    else
        snprintf(buf, len, "no finding, but the data is incomplete beyond %zu node%s", r->nunknown,
                 r->nunknown == 1 ? "" : "s");
}

typedef struct {
    const kt_graph *g;
    const kt_policy *p;
    const kt_exp_result *r;
} json_ctx;

static cJSON *finding_json(void *ctx, size_t i)
{
    const kt_graph *g = ((json_ctx *)ctx)->g;
    const kt_exp_finding *f = &((json_ctx *)ctx)->r->findings[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "node", kt_graph_entity_id(g, f->node));
    cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, f->node));
    cJSON_AddStringToObject(o, "country", kt_cli_country(kt_policy_origin(g, f->node)));
    cJSON_AddItemToObject(o, "reasons", kt_cli_reasons_json(f->reasons));
    if (f->reasons & KT_REASON_MARKS)
        cJSON_AddItemToObject(o, "evidence", kt_cli_marks_json(g, ((json_ctx *)ctx)->p, f->node));
    if (f->depth)
        cJSON_AddStringToObject(o, "via", kt_via_name(f->via));
    else
        cJSON_AddNullToObject(o, "via");
    cJSON_AddNumberToObject(o, "depth", f->depth);
    cJSON_AddItemToObject(o, "path", path_json(g, f->path, f->depth));
    if (f->has_interest) {
        cJSON *iv = cJSON_AddObjectToObject(o, "interest");
        if (kt_ival_is_unknown(f->interest)) {
            cJSON_AddNullToObject(iv, "min");
            cJSON_AddNullToObject(iv, "max");
        } else {
            cJSON_AddNumberToObject(iv, "min", kt_cli_num(f->interest.min));
            cJSON_AddNumberToObject(iv, "max", kt_cli_num(f->interest.max));
        }
        cJSON_AddStringToObject(iv, "in", kt_graph_entity_id(g, f->interest_in));
    } else {
        cJSON_AddNullToObject(o, "interest");
    }
    return o;
}

static cJSON *unknown_json(void *ctx, size_t i)
{
    const kt_graph *g = ((json_ctx *)ctx)->g;
    const kt_exp_unknown *u = &((json_ctx *)ctx)->r->unknown[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "node", kt_graph_entity_id(g, u->node));
    cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, u->node));
    cJSON_AddStringToObject(o, "country", kt_cli_country(kt_policy_origin(g, u->node)));
    cJSON_AddItemToObject(o, "why", kt_cli_why_json(u->why));
    cJSON_AddNumberToObject(o, "depth", u->depth);
    cJSON_AddItemToObject(o, "path", path_json(g, u->path, u->depth));
    return o;
}

/* The document, streamed: findings and unknowns are made and printed one at a time, so a
 * large answer never sits in memory as one tree. */
static int result_json(const kt_graph *g, const kt_policy *p, const kt_exp_result *r)
{
    cJSON *doc = cJSON_CreateObject();
    json_ctx ctx = {g, p, r};
    kt_cli_json_stream js;
    char buf[256];
    cJSON_AddStringToObject(doc, "keten", KT_VERSION);
    cJSON_AddItemToObject(doc, "files", kt_cli_files_json(g));
    cJSON_AddStringToObject(doc, "node", kt_graph_entity_id(g, r->start));
    cJSON_AddItemToObject(doc, "policy", kt_cli_policy_json(p));
    cJSON *th = kt_cli_thresholds_json(p);
    cJSON_ReplaceItemInObjectCaseSensitive(th, "max_depth", cJSON_CreateNumber(r->max_depth));
    cJSON_AddItemToObject(doc, "thresholds", th);
    if (kt_cli_json_begin(&js, stdout, doc) != 0)
        return -1;
    kt_cli_json_items(&js, "findings", r->nfindings, finding_json, &ctx);
    kt_cli_json_items(&js, "unknown", r->nunknown, unknown_json, &ctx);
    cJSON *s = cJSON_CreateObject();
    cJSON_AddNumberToObject(s, "reached", (double)r->nreached);
    cJSON_AddNumberToObject(s, "findings", (double)r->nfindings);
    cJSON_AddNumberToObject(s, "unknown", (double)r->nunknown);
    summary_text(r, buf, sizeof buf);
    cJSON_AddStringToObject(s, "text", buf);
    kt_cli_json_add(&js, "summary", s);
    return kt_cli_json_end(&js);
}

static void result_text(const kt_graph *g, const kt_policy *p, const kt_exp_result *r)
{
    const kt_policy_thresholds *t = kt_policy_thresholds_get(p);
    char buf[256];
    printf("exposure of %s", kt_cli_text(kt_graph_entity_id(g, r->start)));
    if (kt_graph_entity_name(g, r->start)[0])
        printf(" (%s)", kt_cli_text(kt_graph_entity_name(g, r->start)));
    printf("\npolicy: %s", kt_cli_text(kt_policy_file(p)));
    if (kt_policy_name(p)[0])
        printf(" (%s)", kt_cli_text(kt_policy_name(p)));
    printf("\nthresholds: owner_share %g%%, control %g%%, max_depth %d\n", t->owner_share, t->control,
           r->max_depth);
    printf("reached: %zu nodes\n", r->nreached);
    printf("findings: %zu\n", r->nfindings);
    for (size_t i = 0; i < r->nfindings; i++) {
        const kt_exp_finding *f = &r->findings[i];
        const char *c = kt_cli_country(kt_policy_origin(g, f->node));
        kt_cli_reasons_text(f->reasons, ",", buf, sizeof buf);
        printf("  %s", kt_cli_text(kt_graph_entity_id(g, f->node)));
        if (kt_graph_entity_name(g, f->node)[0])
            printf(" (%s)", kt_cli_text(kt_graph_entity_name(g, f->node)));
        printf(" %s %s, via %s, depth %d\n", c[0] ? c : "-", buf, f->depth ? kt_via_name(f->via) : "-",
               f->depth);
        if (f->reasons & KT_REASON_MARKS)
            kt_cli_marks_text(stdout, g, p, f->node);
        path_text(g, f->path, f->depth);
        if (f->has_interest)
            printf("    interest in %s along this path: %s\n", kt_cli_text(kt_graph_entity_id(g, f->interest_in)),
                   kt_cli_pct(f->interest, buf, sizeof buf));
    }
    printf("unknown beyond this point: %zu\n", r->nunknown);
    for (size_t i = 0; i < r->nunknown; i++) {
        const kt_exp_unknown *u = &r->unknown[i];
        printf("  %s", kt_cli_text(kt_graph_entity_id(g, u->node)));
        if (kt_graph_entity_name(g, u->node)[0])
            printf(" (%s)", kt_cli_text(kt_graph_entity_name(g, u->node)));
        printf(":");
        for (unsigned b = 1; b < (1u << KT_UNK__COUNT); b <<= 1)
            if (u->why & b)
                printf(" %s", kt_unknown_name(b));
        printf(", depth %d\n", u->depth);
        path_text(g, u->path, u->depth);
    }
    summary_text(r, buf, sizeof buf);
    printf("summary: %s\n", buf);
}

int kt_cmd_exposure(int argc, char **argv)
{
    kt_cli_node c = {"exposure", help, KT_CLI_POLICY_REQUIRED, 1, 1, 1, "node", 0, 0, 0, 0, 0, NULL, NULL, -1, 0, 0};
    kt_exp_result *r = NULL;
    c.mpi_option = kt_cli_exposure_mpi ? 2 : 1;
    int code = kt_cli_node_open(&c, argc, argv);
    if (code >= 0)
        goto out;
    code = KT_EXIT_FAIL;
    kt_err rc = (c.mpi ? kt_cli_exposure_mpi : kt_exp_run)(c.g, c.p, c.v, &(kt_exp_opts){(int)c.max_depth, -1}, &r);
    if (rc != KT_OK) {
        kt_cli_msg("%s", kt_err_str(rc));
        goto out;
    }
    code = KT_EXIT_OK;
    if (c.json) {
        if (result_json(c.g, c.p, r) != 0)
            code = KT_EXIT_FAIL;
    } else if (c.csv) {
        result_csv(c.g, r, (char)c.csv);
    } else {
        result_text(c.g, c.p, r);
    }
    if (code == KT_EXIT_OK && ((c.fail_on >= 1 && r->nfindings) || (c.fail_on == 2 && r->nunknown)))
        code = KT_EXIT_THRESHOLD;
out:
    kt_exp_result_free(r);
    kt_cli_node_close(&c);
    return code;
}
