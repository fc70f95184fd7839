/* cmd_check.c: keten check FILE...: load, count and list every problem. */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_country.h"
#include "cli.h"

static const char help[] =
    "usage: keten check [--json] [--from FORMAT] [--quiet] FILE...\n"
    "Example: keten check samples/anpr-tender/data.jsonl\n\n"
    "Load the files into one model and print counts by entity type, relation type and\n"
    "country, then every problem found, sorted by file and line.  Problems go to stderr as\n"
    "'file:line: message [code]'; with --json everything goes to stdout as one document.\n\n"
    "  --json           print the report as JSON\n"
    "  --from FORMAT    read every file as FORMAT (%s);\n"
    "                   default: detected from each file's content\n"
    "  --quiet          print errors only, not warnings\n"
    "  -h, --help       this help\n\n"
    "Exit status: 0 valid (warnings allowed); 2 errors in the input, or files unreadable.\n";

typedef struct {
    size_t etype[KT_ENT__COUNT];
    size_t rtype[KT_REL__COUNT];
    size_t country[KT_COUNTRY_MAX]; /* by 1 + table row; 0: no country */
    size_t mark[KT_MARK__COUNT];
} counts;

static void count(const kt_graph *g, counts *c)
{
    memset(c, 0, sizeof *c);
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++) {
        c->etype[kt_graph_entity_type(g, v)]++;
        c->country[kt_graph_entity_country_index(g, v)]++;
        for (size_t i = 0; i < kt_graph_mark_count(g, v); i++) {
            kt_mark m;
            kt_graph_mark_get(g, v, i, &m);
            c->mark[m.kind]++;
        }
    }
    for (igraph_integer_t e = 0; e < kt_graph_edge_count(g); e++)
        c->rtype[kt_graph_rel_type(g, e)]++;
}

static void print_text(const kt_graph *g, const counts *c, const kt_diags *d)
{
    printf("files: %u\n", kt_graph_file_count(g));
    for (uint32_t f = 0; f < kt_graph_file_count(g); f++)
        printf("  %s\n", kt_cli_text(kt_graph_file_name(g, f)));
    printf("entities: %ld\n", (long)kt_graph_vertex_count(g));
    for (int t = 0; t < KT_ENT__COUNT; t++)
        if (c->etype[t])
            printf("  %-12s %zu\n", kt_etype_name((kt_etype)t), c->etype[t]);
    if (kt_graph_as_of(g))
        printf("as of: %s (%zu relations not valid on that date left out)\n", kt_graph_as_of(g),
               kt_graph_dropped_by_date(g));
    else if (kt_graph_dropped_by_date(g))
        printf("as of: today (%zu relations not in force today left out)\n", kt_graph_dropped_by_date(g));
    printf("relations: %ld\n", (long)kt_graph_edge_count(g));
    for (int t = 0; t < KT_REL__COUNT; t++)
        if (c->rtype[t])
            printf("  %-12s %zu\n", kt_rtype_name((kt_rtype)t), c->rtype[t]);
    if (kt_graph_marks_total(g)) {
        printf("marks: %zu\n", kt_graph_marks_total(g));
        for (int k = 0; k < KT_MARK__COUNT; k++)
            if (c->mark[k])
                printf("  %-12s %zu\n", kt_mark_kind_name((kt_mark_kind)k), c->mark[k]);
    }
    printf("countries:\n");
    for (size_t i = 1; i < KT_COUNTRY_MAX; i++)
        if (c->country[i])
            printf("  %-12s %zu\n", kt_country_table[i - 1].a2, c->country[i]);
    if (c->country[0])
        printf("  %-12s %zu\n", "(none)", c->country[0]);
    if (kt_diags_skip_count(d)) {
        printf("left out (read, not modelled):\n");
        for (size_t i = 0; i < kt_diags_skip_count(d); i++) {
            const kt_skip *k = kt_diags_skip_get(d, i);
            printf("  %s: %s %zu\n", kt_graph_file_name(g, k->file), k->kind, k->count);
        }
    }
    printf("problems: %zu errors, %zu warnings\n", kt_diags_errors(d), kt_diags_warnings(d));
}

static cJSON *problems_json(const kt_graph *g, const kt_diags *d, int quiet)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < kt_diags_count(d); i++) {
        const kt_diag *x = kt_diags_get(d, i);
        if (quiet && x->sev != KT_SEV_ERROR)
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "severity", x->sev == KT_SEV_ERROR ? "error" : "warning");
        cJSON_AddStringToObject(o, "code", x->code);
        cJSON_AddStringToObject(o, "file", x->file == UINT32_MAX ? "" : kt_graph_file_name(g, x->file));
        if (x->line)
            cJSON_AddNumberToObject(o, "line", (double)x->line);
        else
            cJSON_AddNullToObject(o, "line");
        if (x->record)
            cJSON_AddStringToObject(o, "record", x->record);
        cJSON_AddStringToObject(o, "message", x->msg);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *report_json(const kt_graph *g, const counts *c, const kt_diags *d, int built, int quiet)
{
    cJSON *doc = cJSON_CreateObject(), *o;
    cJSON_AddStringToObject(doc, "keten", KT_VERSION);
    o = cJSON_AddArrayToObject(doc, "files");
    for (uint32_t f = 0; f < kt_graph_file_count(g); f++)
        cJSON_AddItemToArray(o, cJSON_CreateString(kt_graph_file_name(g, f)));
    cJSON_AddBoolToObject(doc, "valid", !kt_diags_has_errors(d));
    if (built) {
        cJSON_AddNumberToObject(doc, "entities", (double)kt_graph_vertex_count(g));
        cJSON_AddNumberToObject(doc, "relations", (double)kt_graph_edge_count(g));
        if (kt_graph_as_of(g))
            cJSON_AddStringToObject(doc, "as_of", kt_graph_as_of(g));
        if (kt_graph_as_of(g) || kt_graph_dropped_by_date(g))
            cJSON_AddNumberToObject(doc, "left_out_by_date", (double)kt_graph_dropped_by_date(g));
        o = cJSON_AddObjectToObject(doc, "by_entity_type");
        for (int t = 0; t < KT_ENT__COUNT; t++)
            if (c->etype[t])
                cJSON_AddNumberToObject(o, kt_etype_name((kt_etype)t), (double)c->etype[t]);
        o = cJSON_AddObjectToObject(doc, "by_relation_type");
        for (int t = 0; t < KT_REL__COUNT; t++)
            if (c->rtype[t])
                cJSON_AddNumberToObject(o, kt_rtype_name((kt_rtype)t), (double)c->rtype[t]);
        if (kt_graph_marks_total(g)) {
            cJSON_AddNumberToObject(doc, "marks", (double)kt_graph_marks_total(g));
            o = cJSON_AddObjectToObject(doc, "by_mark");
            for (int k = 0; k < KT_MARK__COUNT; k++)
                if (c->mark[k])
                    cJSON_AddNumberToObject(o, kt_mark_kind_name((kt_mark_kind)k), (double)c->mark[k]);
        }
        o = cJSON_AddObjectToObject(doc, "by_country");
        for (size_t i = 1; i < KT_COUNTRY_MAX; i++)
            if (c->country[i])
                cJSON_AddNumberToObject(o, kt_country_table[i - 1].a2, (double)c->country[i]);
        if (c->country[0])
            cJSON_AddNumberToObject(o, "none", (double)c->country[0]);
        o = cJSON_AddArrayToObject(doc, "left_out");
        for (size_t i = 0; i < kt_diags_skip_count(d); i++) {
            const kt_skip *k = kt_diags_skip_get(d, i);
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "file", kt_graph_file_name(g, k->file));
            cJSON_AddStringToObject(x, "kind", k->kind);
            cJSON_AddNumberToObject(x, "count", (double)k->count);
            cJSON_AddItemToArray(o, x);
        }
    }
    cJSON_AddNumberToObject(doc, "errors", (double)kt_diags_errors(d));
    cJSON_AddNumberToObject(doc, "warnings", (double)kt_diags_warnings(d));
    cJSON_AddItemToObject(doc, "problems", problems_json(g, d, quiet));
    return doc;
}

typedef struct {
    const kt_graph *g;
    FILE *out;  /* what kt_graph_check says, kept for its place in the output */
    char *text;
    size_t len;
    int failed;
} self_check;

static void *run_self_check(void *arg)
{
    self_check *sc = arg;
    sc->failed = kt_graph_check(sc->g, sc->out);
    return NULL;
}

int kt_cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int json = 0, quiet = 0, opt, code;
    kt_format fmt = KT_FMT_AUTO;
    kt_graph *g = NULL;
    kt_diags *d = NULL;
    counts *c = NULL;
    kt_errinfo ei;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'j': json = 1; break;
        case 'q': quiet = 1; break;
        case 'f':
            if (kt_format_parse(optarg, &fmt) != 0)
                return kt_cli_usage_error("check", "unknown format \"%s\" (%s)", optarg, kt_format_list());
            break;
        case 'h': printf(help, kt_format_list()); return KT_EXIT_OK; /* the formats from the registry */
        default: return kt_cli_usage_error("check", "bad option");
        }
    }
    if (optind >= argc)
        return kt_cli_usage_error("check", "no input files");
    d = kt_diags_new();
    c = calloc(1, sizeof *c);
    if (!d || !c) {
        kt_cli_msg("out of memory");
        code = KT_EXIT_FAIL;
        goto out;
    }
    code = kt_cli_load(argv + optind, argc - optind, fmt, quiet, &g, d);
    if (!g) {
        /* the files could not even be read: kt_cli_load said why */
        code = KT_EXIT_FAIL;
        goto out;
    }
    if (code == KT_EXIT_OK && kt_graph_is_mapped(g) && kt_graph_verify(g, &ei) != KT_OK) {
        kt_cli_msg("%s: %s", argv[optind], ei.msg);
        code = KT_EXIT_FAIL;
        goto out;
    }
    int valid = code == KT_EXIT_OK;
    self_check sc = {g, NULL, NULL, 0, 0};
    if (valid) {
        /* the model's own consistency check beside the search for duplicates, on another thread
         * when there is one; what it says is printed where it was before */
        pthread_t t;
        int threaded = kt_load_get_threads() > 1 && (sc.out = open_memstream(&sc.text, &sc.len)) &&
                       pthread_create(&t, NULL, run_self_check, &sc) == 0;
        /* name-only matches are listed, never merged */
        kt_err drc = kt_graph_find_duplicates(g, d);
        if (threaded)
            pthread_join(t, NULL);
        else if (sc.out)
            run_self_check(&sc);
        if (sc.out)
            fclose(sc.out);
        if (drc != KT_OK) {
            kt_cli_msg("out of memory");
            code = KT_EXIT_FAIL;
            free(sc.text);
            goto out;
        }
        kt_diags_sort(d);
    }
    if (valid)
        count(g, c);
    if (json) {
        if (kt_cli_print_json(stdout, report_json(g, c, d, valid, quiet)) != 0)
            code = KT_EXIT_FAIL;
    } else {
        kt_cli_print_diags(g, d, !quiet);
        if (valid)
            print_text(g, c, d);
    }
    if (valid && sc.out)
        fwrite(sc.text, 1, sc.len, stderr);
    else if (valid) /* no memory for the text: said directly */
        sc.failed = kt_graph_check(g, stderr);
    free(sc.text);
    if (valid && sc.failed)
        code = KT_EXIT_FAIL;
out:
    free(c);
    kt_diags_free(d);
    kt_graph_free(g);
    return code;
}
