/* cmd_paths.c: keten paths FROM TO FILE...: every ownership and control path between two
 * entities, strongest first, with the source of every relation. */
#include <stdlib.h>
#include <string.h>

#include "own_cli.h"

static const char help[] =
    "usage: keten paths [OPTIONS] FROM TO FILE...\n"
    "Example: keten paths state-optics lumen-modules samples/anpr-tender/data.jsonl\n\n"
    "The simple paths from FROM to TO along owns and controls relations (declared summaries\n"
    "included, and marked), with the product of the capital shares along each (a controls step\n"
    "or an unknown share counts as 0-100%).  Strongest first: fewest weak steps (unknown or zero\n"
    "shares, controls relations, declared summaries), then the largest product of the lower\n"
    "bounds of the other steps, then the fewest steps, then (from TO backwards) the owner whose\n"
    "id sorts first and the relation read first.  Says when --max-paths or --max-depth cut the\n"
    "list.\n\n" KT_OWN_CLI_OPTIONS;

static cJSON *paths_json(const kt_graph *g, const kt_own_paths *p, const kt_own_opts *o)
{
    cJSON *doc = kt_own_cli_doc(g), *arr, *cut;
    cJSON_AddStringToObject(doc, "from", kt_graph_entity_id(g, p->from));
    cJSON_AddStringToObject(doc, "to", kt_graph_entity_id(g, p->to));
    cJSON_AddItemToObject(doc, "thresholds", kt_own_cli_thresholds_json(g, o));
    arr = cJSON_AddArrayToObject(doc, "paths");
    for (size_t i = 0; i < p->n; i++) {
        const kt_own_path *x = &p->paths[i];
        cJSON *o2 = cJSON_CreateObject(), *ids = cJSON_AddArrayToObject(o2, "path"), *ev;
        for (size_t k = 0; k < x->len; k++) {
            if (k == 0)
                cJSON_AddItemToArray(ids, cJSON_CreateString(kt_graph_entity_id(g, kt_graph_rel_from(g, x->edges[k]))));
            cJSON_AddItemToArray(ids, cJSON_CreateString(kt_graph_entity_id(g, kt_graph_rel_to(g, x->edges[k]))));
        }
        cJSON_AddItemToObject(o2, "product", kt_cli_ival_json(x->product));
        cJSON_AddNumberToObject(o2, "weak_steps", x->weak);
        ev = cJSON_AddArrayToObject(o2, "evidence");
        for (size_t k = 0; k < x->len; k++)
            cJSON_AddItemToArray(ev, kt_own_cli_step_json(g, x->edges[k]));
        cJSON_AddItemToArray(arr, o2);
    }
    cut = cJSON_AddObjectToObject(doc, "cut");
    cJSON_AddBoolToObject(cut, "max_paths", p->cut_max_paths);
    cJSON_AddBoolToObject(cut, "max_depth", p->cut_max_depth);
    cJSON_AddBoolToObject(cut, "budget", p->cut_budget);
    cJSON_AddBoolToObject(doc, "complete", !p->cut_max_paths && !p->cut_max_depth && !p->cut_budget);
    return doc;
}

static void paths_text(const kt_graph *g, const kt_own_paths *p, const kt_own_opts *o)
{
    char pr[64];
    const char *fn = kt_graph_entity_name(g, p->from), *tn = kt_graph_entity_name(g, p->to);
    printf("paths from %s%s%s%s", kt_cli_text(kt_graph_entity_id(g, p->from)), fn[0] ? " (" : "", kt_cli_text(fn),
           fn[0] ? ")" : "");
    printf(" to %s%s%s%s: %zu\n", kt_cli_text(kt_graph_entity_id(g, p->to)), tn[0] ? " (" : "", kt_cli_text(tn),
           tn[0] ? ")" : "", p->n);
    for (size_t i = 0; i < p->n; i++) {
        const kt_own_path *x = &p->paths[i];
        printf("\n%zu. %s", i + 1, kt_cli_text(kt_graph_entity_id(g, p->from)));
        for (size_t k = 0; k < x->len; k++) {
            igraph_integer_t v = kt_graph_rel_to(g, x->edges[k]);
            const char *vn = kt_graph_entity_name(g, v);
            /* names beside the ids in between (the ends are named in the heading) */
            printf(" > %s%s%s%s", kt_cli_text(kt_graph_entity_id(g, v)), vn[0] && k + 1 < x->len ? " (" : "",
                   k + 1 < x->len ? kt_cli_text(vn) : "", vn[0] && k + 1 < x->len ? ")" : "");
        }
        printf("  (product %s", kt_cli_pct(x->product, pr, sizeof pr));
        if (x->weak)
            printf(", %d weak step%s", x->weak, x->weak == 1 ? "" : "s");
        printf(")\n");
        for (size_t k = 0; k < x->len; k++) {
            printf("   ");
            kt_own_cli_step_text(stdout, g, x->edges[k]);
        }
    }
    if (p->cut_max_paths)
        printf("\nmore paths exist: the list stops at --max-paths %ld\n", o->max_paths);
    if (p->cut_max_depth)
        printf("\nlonger paths may exist: paths were not followed beyond --max-depth %ld\n", o->max_depth);
    if (p->cut_budget)
        printf("\nthe search stopped after %ld relations examined: more paths may exist\n", o->budget);
}

int kt_cmd_paths(int argc, char **argv)
{
    kt_own_cli c;
    kt_graph *g = NULL;
    kt_own_paths p;
    kt_errinfo ei;
    int code = kt_own_cli_parse("paths", help, argc, argv, &c);

    memset(&p, 0, sizeof p);
    if (code >= 0)
        return code;
    if (argc - optind < 3)
        return kt_cli_usage_error("paths", argc - optind < 2 ? "FROM and TO are needed" : "no input files");
    if ((code = kt_own_cli_load(&c, argv + optind + 2, argc - optind - 2, &g)) != KT_EXIT_OK)
        goto out;
    igraph_integer_t from = kt_cli_entity(g, argv[optind]), to = from < 0 ? -1 : kt_cli_entity(g, argv[optind + 1]);
    if (from < 0 || to < 0) {
        code = KT_EXIT_FAIL;
        goto out;
    }
    if (kt_own_paths_find(g, from, to, &c.o, &p, &ei) != KT_OK) {
        kt_cli_msg("%s", ei.msg);
        code = KT_EXIT_FAIL;
        goto out;
    }
    if (c.json) {
        if (kt_cli_print_json(stdout, paths_json(g, &p, &c.o)) != 0)
            code = KT_EXIT_FAIL;
    } else {
        paths_text(g, &p, &c.o);
    }
out:
    kt_own_paths_destroy(&p);
    kt_graph_free(g);
    return code;
}
