/* cmd_find.c: keten find TEXT FILE...: entities by name or identifier, with their ids. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_find.h"
#include "cli.h"

static const char help[] =
    "usage: keten find [--json] [--from FORMAT] TEXT FILE...\n"
    "Example: keten find noordlicht samples/anpr-tender/data.jsonl\n\n"
    "Find entities whose id, name or identifier (an LEI, a registry number, ...) contains TEXT,\n"
    "ignoring case and accents in any script (\"Skoda\" finds \"\xc5\xa0koda\").  An id merged into\n"
    "another entity (two records sharing an identifier) finds that entity, and says so.  Exact\n"
    "matches of an id or identifier come first, then exact names, then the rest; within each,\n"
    "by id.  Prints each entity's id, type, name, country and where it was declared.\n\n"
    "  --json            print one JSON document\n"
    "  --from FORMAT     read every file as FORMAT (native, bods, cyclonedx, spdx, gleif, ftm, csv)\n"
    "  -h, --help        this help\n\n"
    "Exit status: 0 answered (also when nothing matched); 2 could not answer.\n";

static const char *rank_name(kt_find_rank r)
{
    return r == KT_FIND_ID ? "identifier" : r == KT_FIND_NAME ? "name" : "contains";
}

static int print_json(const kt_graph *g, const char *text, const kt_find_result *r)
{
    char where[512];
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "keten", KT_VERSION);
    cJSON_AddItemToObject(doc, "files", kt_cli_files_json(g));
    cJSON_AddStringToObject(doc, "query", text);
    cJSON *a = cJSON_AddArrayToObject(doc, "entities");
    for (size_t i = 0; i < r->n; i++) {
        igraph_integer_t v = r->hits[i].v;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, v));
        cJSON_AddStringToObject(o, "type", kt_etype_name(kt_graph_entity_type(g, v)));
        cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, v));
        const char *c = kt_graph_entity_country(g, v);
        if (c[0])
            cJSON_AddStringToObject(o, "country", c);
        else
            cJSON_AddNullToObject(o, "country");
        cJSON_AddStringToObject(o, "source", kt_graph_entity_where(g, v, where, sizeof where));
        cJSON_AddStringToObject(o, "match", rank_name(r->hits[i].rank));
        if (r->hits[i].matched)
            cJSON_AddStringToObject(o, "identifier", r->hits[i].matched);
        if (r->hits[i].alias)
            cJSON_AddStringToObject(o, "alias", r->hits[i].alias);
        cJSON *ids = cJSON_AddObjectToObject(o, "identifiers");
        for (size_t k = 0; k < kt_graph_entity_ident_count(g, v); k++) {
            const char *scheme, *value;
            kt_graph_entity_ident(g, v, k, &scheme, &value);
            cJSON_AddStringToObject(ids, scheme, value);
        }
        cJSON_AddItemToArray(a, o);
    }
    return kt_cli_print_json(stdout, doc);
}

static void print_table(const kt_graph *g, const kt_find_result *r)
{
    char where[512];
    int wid = 2, wname = 4;
    for (size_t i = 0; i < r->n; i++) {
        int a = kt_cli_text_width(kt_cli_text(kt_graph_entity_id(g, r->hits[i].v)));
        int b = kt_cli_text_width(kt_cli_text(kt_graph_entity_name(g, r->hits[i].v)));
        wid = a > wid ? a : wid;
        wname = b > wname ? b : wname;
    }
    wid = wid > 40 ? 40 : wid;
    wname = wname > 40 ? 40 : wname;
    printf("%-*s  %-10s  %-*s  %-7s  %s\n", wid, "ID", "TYPE", wname, "NAME", "COUNTRY", "SOURCE");
    for (size_t i = 0; i < r->n; i++) {
        igraph_integer_t v = r->hits[i].v;
        const char *name = kt_graph_entity_name(g, v), *c = kt_graph_entity_country(g, v);
        kt_cli_pad(stdout, kt_graph_entity_id(g, v), wid);
        printf("  %-10s  ", kt_etype_name(kt_graph_entity_type(g, v)));
        kt_cli_pad(stdout, name[0] ? name : "-", wname);
        printf("  %-7s  %s", c[0] ? c : "-", kt_cli_text(kt_graph_entity_where(g, v, where, sizeof where)));
        if (r->hits[i].alias)
            printf("  (merged id %s)", kt_cli_text(r->hits[i].alias));
        putchar('\n');
    }
}

int kt_cmd_find(int argc, char **argv)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int opt, json = 0, code;
    kt_format fmt = KT_FMT_AUTO;
    kt_graph *g = NULL;
    kt_find_result r = {NULL, 0};

    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'j': json = 1; break;
        case 'f':
            if (kt_format_parse(optarg, &fmt) != 0)
                return kt_cli_usage_error("find", "unknown format \"%s\"", optarg);
            break;
        case 'h': fputs(help, stdout); return KT_EXIT_OK;
        default: return kt_cli_usage_error("find", "bad option");
        }
    }
    if (argc - optind < 2)
        return kt_cli_usage_error("find", argc - optind < 1 ? "no text to find" : "no input files");
    const char *text = argv[optind];
    if ((code = kt_cli_load(argv + optind + 1, argc - optind - 1, fmt, 0, &g, NULL)) != KT_EXIT_OK)
        goto out;
    if (kt_find(g, text, &r) != KT_OK) {
        kt_cli_msg("out of memory");
        code = KT_EXIT_FAIL;
        goto out;
    }
    if (json) {
        if (print_json(g, text, &r) != 0)
            code = KT_EXIT_FAIL;
    } else if (r.n) {
        print_table(g, &r);
    } else {
        printf("no entity matches \"%s\"\n", kt_cli_text(text));
    }
out:
    kt_find_result_destroy(&r);
    kt_graph_free(g);
    return code;
}
