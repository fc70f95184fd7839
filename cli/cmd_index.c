/* cmd_index.c: keten index FILE... -o SNAPSHOT: load and check data files once and keep the
 * model in one file that every command maps instead of parsing. */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: keten index [OPTIONS] FILE... -o SNAPSHOT\n"
    "Example: keten index samples/anpr-tender/data.jsonl -o anpr.ktn\n"
    "then:    keten owners lumen-modules anpr.ktn\n\n"
    "Loads and checks the files as every command does and writes the model to SNAPSHOT: a\n"
    "versioned binary file with the sources' sizes and hashes, laid out to be used in place.  Any\n"
    "command then takes SNAPSHOT wherever it takes data files (a tender's data too), answers\n"
    "exactly as from the files, and starts in a fraction of the time.  A snapshot whose sources\n"
    "changed since is reported (an error with --strict).  It holds the relations valid on the\n"
    "--as-of date (else today) and answers for every date on which the same relations are\n"
    "valid; asked about another date, it says so: index again with that --as-of.\n"
    "Files with errors are not indexed (see keten check).\n\n"
    "Options:\n"
    "  -o, --output FILE  where to write the snapshot (required)\n"
    "  --from FORMAT      read every file as FORMAT instead of detecting it\n"
    "  --quiet            print errors only, not warnings\n"
    "  --as-of DATE       keep only relations valid on DATE (the snapshot answers for that date)\n"
    "  -h, --help         show this help\n\n"
    "Prints one line: the snapshot, entities, relations and bytes.\n"
    "Exit status: 0 written; 2 errors in the input, or files unreadable or unwritable.\n";

int kt_cmd_index(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *path = NULL;
    kt_format fmt = KT_FMT_AUTO;
    int quiet = 0, opt, code = KT_EXIT_FAIL;
    kt_graph *g = NULL;
    kt_diags *d = NULL;
    kt_cli_out o;
    kt_errinfo ei;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (opt) {
        case 'o': path = optarg; break;
        case 'q': quiet = 1; break;
        case 'f':
            if (kt_format_parse(optarg, &fmt) != 0)
                return kt_cli_usage_error("index", "unknown format \"%s\"", optarg);
            break;
        case 'h': fputs(help, stdout); return KT_EXIT_OK;
        default: return kt_cli_usage_error("index", "bad option");
        }
    }
    if (!path || strcmp(path, "-") == 0)
        return kt_cli_usage_error("index", "-o SNAPSHOT is required (a file: a snapshot is mapped, not streamed)");
    if (optind >= argc)
        return kt_cli_usage_error("index", "no input files");
    if (!(d = kt_diags_new())) {
        kt_cli_msg("out of memory");
        return KT_EXIT_FAIL;
    }
    /* the load's own diagnostics go into the snapshot, to be shown as the files would show them */
    if (kt_cli_load(argv + optind, argc - optind, fmt, 1, &g, d) != KT_EXIT_OK) {
        if (g)
            kt_cli_print_diags(g, d, 0);
        goto out;
    }
    if (!quiet) {
        if (kt_graph_dropped_by_date(g) && kt_cli_as_of)
            kt_cli_msg("as of %s: %zu relations not valid on that date left out", kt_cli_as_of,
                       kt_graph_dropped_by_date(g));
        else if (kt_graph_dropped_by_date(g))
            kt_cli_msg("%zu relations not in force today left out (--as-of DATE chooses another day)",
                       kt_graph_dropped_by_date(g));
        if (kt_diags_warnings(d))
            kt_cli_msg("%zu warning%s in the input (see keten check)", kt_diags_warnings(d),
                       kt_diags_warnings(d) == 1 ? "" : "s");
    }
    if (kt_cli_out_open(&o, path) != 0)
        goto out;
    kt_err rc = kt_graph_save(g, d, KT_VERSION, o.f, &ei);
    if (rc != KT_OK) {
        kt_cli_msg("%s: %s", path, ei.msg);
        kt_cli_out_close(&o, 0);
        goto out;
    }
    long size = fseek(o.f, 0, SEEK_END) == 0 ? ftell(o.f) : -1;
    if (kt_cli_out_close(&o, 1) != 0)
        goto out;
    printf("%s: %ld entities, %ld relations, %ld bytes\n", path, (long)kt_graph_vertex_count(g),
           (long)kt_graph_edge_count(g), size);
    code = KT_EXIT_OK;
out:
    kt_diags_free(d);
    kt_graph_free(g);
    return code;
}
