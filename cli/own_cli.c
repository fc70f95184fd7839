/* own_cli.c: options, formatting and evidence shared by keten owners, owned and paths. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "own_cli.h"

kt_own_upstream_fn kt_cli_owners_mpi = NULL;

int kt_own_cli_parse(const char *cmd, const char *help, int argc, char **argv, kt_own_cli *c)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"control", required_argument, NULL, 'c'},
                                         {"bo", required_argument, NULL, 'b'},
                                         {"bo-rule", required_argument, NULL, 'r'},
                                         {"max-paths", required_argument, NULL, 'p'},
                                         {"max-depth", required_argument, NULL, 'd'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"mpi", no_argument, NULL, 'M'},
                                         {"policy", required_argument, NULL, 'P'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int opt;
    long l;
    memset(c, 0, sizeof *c);
    c->fmt = KT_FMT_AUTO;
    kt_own_opts_init(&c->o);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'j': c->json = 1; break;
        case 'c':
            if (kt_cli_parse_double(optarg, 0, 100, &c->o.control) != 0 || c->o.control >= 100)
                return kt_cli_usage_error(cmd, "--control must be a percentage from 0 to below 100, not \"%s\"",
                                          optarg);
            c->control_set = 1;
            break;
        case 'P': c->policy = optarg; break;
        case 'b':
            if (kt_cli_parse_double(optarg, 0, 100, &c->o.bo) != 0)
                return kt_cli_usage_error(cmd, "--bo must be a percentage from 0 to 100, not \"%s\"", optarg);
            break;
        case 'r':
            if (strcmp(optarg, "ge") == 0)
                c->o.bo_gt = 0;
            else if (strcmp(optarg, "gt") == 0)
                c->o.bo_gt = 1;
            else
                return kt_cli_usage_error(cmd, "--bo-rule must be ge or gt, not \"%s\"", optarg);
            break;
        case 'p':
            if (kt_cli_parse_long(optarg, 1, 1000000, &l) != 0)
                return kt_cli_usage_error(cmd, "--max-paths must be a whole number from 1 to 1000000, not \"%s\"",
                                          optarg);
            c->o.max_paths = l;
            break;
        case 'd':
            if (kt_cli_parse_long(optarg, 1, 1000000000, &l) != 0)
                return kt_cli_usage_error(cmd, "--max-depth must be a whole number from 1, not \"%s\"", optarg);
            c->o.max_depth = l;
            break;
        case 'f':
            if (kt_format_parse(optarg, &c->fmt) != 0)
                return kt_cli_usage_error(cmd, "unknown format \"%s\" (%s)", optarg, kt_format_list());
            break;
        case 'M':
            if (strcmp(cmd, "owners") != 0)
                return kt_cli_usage_error(cmd, "--mpi is an option of owners only");
            if (!kt_cli_owners_mpi)
                return kt_cli_usage_error(cmd, "--mpi needs keten-mpi (built by 'make mpi') run under mpirun");
            c->mpi = 1;
            break;
        case 'h': fputs(help, stdout); return KT_EXIT_OK;
        default: return kt_cli_usage_error(cmd, "bad option");
        }
    }
    return -1;
}

int kt_own_cli_load(kt_own_cli *c, char **files, int n, kt_graph **g)
{
    kt_policy *p = NULL;
    int code;
    if (c->policy && kt_cli_load_policy(c->policy, &p) != 0)
        return KT_EXIT_FAIL;
    if ((code = kt_cli_load(files, n, c->fmt, 0, g, NULL)) == KT_EXIT_OK && p) {
        kt_graph_set_directors_control(*g, kt_policy_directors_control(p));
        if (!c->control_set)
            c->o.control = kt_policy_thresholds_get(p)->control;
    }
    kt_policy_free(p);
    return code;
}

cJSON *kt_own_cli_step_json(const kt_graph *g, igraph_integer_t e)
{
    char where[512];
    cJSON *o = cJSON_CreateObject();
    kt_rtype t = kt_graph_rel_type(g, e);
    cJSON_AddStringToObject(o, "from", kt_graph_entity_id(g, kt_graph_rel_from(g, e)));
    cJSON_AddStringToObject(o, "to", kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
    cJSON_AddStringToObject(o, "relation", kt_rtype_name(t));
    if (t == KT_REL_OWNS) {
        cJSON_AddItemToObject(o, "share", kt_cli_ival_json(kt_graph_rel_share(g, e)));
        cJSON_AddItemToObject(o, "votes", kt_cli_ival_json(kt_graph_rel_votes(g, e)));
    } else {
        cJSON_AddStringToObject(o, "basis", kt_basis_name(kt_graph_rel_basis(g, e)));
    }
    cJSON_AddBoolToObject(o, "declared", (kt_graph_rel_flags(g, e) & KT_RF_DECLARED) != 0);
    cJSON_AddStringToObject(o, "source", kt_graph_rel_where(g, e, where, sizeof where));
    return o;
}

void kt_own_cli_step_text(FILE *f, const kt_graph *g, igraph_integer_t e)
{
    char where[512], p[64];
    kt_rtype t = kt_graph_rel_type(g, e);
    fprintf(f, "%s -%s", kt_cli_text(kt_graph_entity_id(g, kt_graph_rel_from(g, e))),
            (kt_graph_rel_flags(g, e) & KT_RF_DECLARED) ? "declared " : "");
    if (t == KT_REL_OWNS)
        fprintf(f, "owns %s", kt_cli_pct(kt_graph_rel_share(g, e), p, sizeof p));
    else
        fprintf(f, "controls (%s)", kt_basis_name(kt_graph_rel_basis(g, e)));
    fprintf(f, "-> %s  [%s]\n", kt_cli_text(kt_graph_entity_id(g, kt_graph_rel_to(g, e))), kt_cli_text(kt_graph_rel_where(g, e, where, sizeof where)));
}

int kt_own_cli_over(kt_ival iv)
{
    return iv.max > 100 + 1e-9; /* the tolerance of analyses/own_i.h */
}

const char *kt_own_cli_interest(kt_ival iv, char *buf, size_t len)
{
    char a[64];
    if (!kt_own_cli_over(iv))
        return kt_cli_pct(iv, buf, len);
    if (iv.min > 100 + 1e-9) {
        snprintf(buf, len, "over 100%%");
        return buf;
    }
    kt_ival lo = {iv.min, iv.min};
    kt_cli_pct(lo, a, sizeof a);
    a[strlen(a) - 1] = '\0';
    snprintf(buf, len, "%s-over 100%%", a);
    return buf;
}

const char *kt_own_cli_over_note(const kt_own_party *p, int down)
{
    if (!(p->cycle & 2))
        return down ? "over 100%: the source is in an ownership cycle" : "over 100%: in an ownership cycle";
    return down ? "over 100%: in a cycle with the source" : "over 100%: in a cycle with the target";
}

cJSON *kt_own_cli_interest_json(kt_ival iv)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "min", isinf(iv.min) ? cJSON_CreateNull() : cJSON_CreateNumber(kt_cli_num(iv.min)));
    cJSON_AddItemToObject(o, "max", isinf(iv.max) ? cJSON_CreateNull() : cJSON_CreateNumber(kt_cli_num(iv.max)));
    return o;
}

cJSON *kt_own_cli_thresholds_json(const kt_graph *g, const kt_own_opts *o)
{
    cJSON *t = cJSON_CreateObject();
    cJSON_AddNumberToObject(t, "control", o->control);
    cJSON_AddBoolToObject(t, "directors_control", kt_graph_directors_control(g));
    cJSON_AddNumberToObject(t, "bo", o->bo);
    cJSON_AddStringToObject(t, "bo_rule", o->bo_gt ? "gt" : "ge");
    cJSON_AddNumberToObject(t, "max_paths", (double)o->max_paths);
    if (o->max_depth > 0)
        cJSON_AddNumberToObject(t, "max_depth", (double)o->max_depth);
    else
        cJSON_AddNullToObject(t, "max_depth");
    return t;
}

void kt_own_cli_thresholds_text(FILE *f, const kt_graph *g, const kt_own_opts *o)
{
    char c[32], b[32];
    kt_ival ci = {o->control, o->control}, bi = {o->bo, o->bo};
    kt_cli_pct(ci, c, sizeof c);
    kt_cli_pct(bi, b, sizeof b);
    c[strlen(c) - 1] = '\0'; /* the text adds its own % */
    b[strlen(b) - 1] = '\0';
    fprintf(f,
            "rules: control = more than %s%% of the votes, held directly or through controlled entities,\n"
            "       or a controls relation; beneficial owner = a person holding %s%s%%%s of capital or votes\n"
            "       (%s), or who controls\n",
            c, o->bo_gt ? "more than " : "", b, o->bo_gt ? "" : " or more",
            o->bo_gt ? "directive 2015/849" : "EU AMLR 2024/1624 art. 52");
    if (kt_graph_directors_control(g))
        fputs("       a director_of relation counts as control (the policy's directors_control)\n", f);
}

cJSON *kt_own_cli_doc(const kt_graph *g)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "keten", KT_VERSION);
    cJSON *files = cJSON_AddArrayToObject(doc, "files");
    for (uint32_t f = 0; f < kt_graph_file_count(g); f++)
        cJSON_AddItemToArray(files, cJSON_CreateString(kt_graph_file_name(g, f)));
    return doc;
}
