/* cmd_diagram.c: keten diagram ownership|exposure|provenance SUBJECT FILE...: draw an
 * ownership chain, exposure paths or a bill of materials as DOT, SVG, PNG or PDF. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../viz/kt_viz.h"
#include "cli.h"

static const char help[] =
    "usage: keten diagram ownership ENTITY FILE... [--down] [--policy P]\n"
    "       keten diagram exposure NODE FILE... --policy P\n"
    "       keten diagram provenance ITEM FILE... [--policy P]\n"
    "       [--format dot|svg|png|pdf] [-o FILE] [--max-nodes N] [--from FORMAT] [--quiet]\n"
    "Example: keten diagram ownership acme samples/diagrams/data.jsonl -o acme.svg\n\n"
    "Draw a diagram with Graphviz, left to right in the direction things flow (owner -> owned,\n"
    "supplier -> customer, part -> assembly), so the subject is on the right:\n"
    "  ownership   what `keten owners ENTITY` reports: its owners and controllers, \"Owns 60%\"\n"
    "              and \"Controls\" edges, and a dashed edge with the integrated interest\n"
    "              (\"Integrated 52%\", \"Controls (indirect)\") from each ultimate controller\n"
    "              and beneficial owner; --down: what `keten owned ENTITY` reports\n"
    "  exposure    what `keten exposure NODE` reports: the path to each finding (marked nodes\n"
    "              with their reason codes) and to each node beyond which nothing is known,\n"
    "              with a dashed \"?\" after it saying what is not known\n"
    "  provenance  ITEM's bill of materials: parts, makers, origin countries, suppliers; transit\n"
    "              suppliers (who supply an item they do not make) are marked\n\n"
    "  --format F       dot, svg, png or pdf; default: from the -o file's extension, else dot\n"
    "  -o, --output F   write to F (whole or not at all); default: standard output\n"
    "  --max-nodes N    draw at most N nodes (default 200); the rest are folded into summary\n"
    "                   nodes such as \"+37 more owners\"\n"
    "  --policy P       the policy file (required for exposure; marks nodes in the others)\n"
    "  --down           ownership: the group ENTITY owns or controls instead of its owners\n"
    "  --from FORMAT    read every file as FORMAT; default: detected from each file's content\n"
    "  --quiet          no warning summary\n"
    "  -h, --help       this help\n\n"
    "DOT is the graph before layout, byte-identical for the same input.  SVG is the format to\n"
    "paste into case files (bitmaps over 32,768 pixels fail).\n"
    "Exit status: 0 drawn; 2 usage error, bad input, unknown entity, or the file not written.\n";

typedef enum { KIND_OWNERSHIP, KIND_EXPOSURE, KIND_PROVENANCE } kind;

int kt_cmd_diagram(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'F'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"max-nodes", required_argument, NULL, 'n'},
                                         {"policy", required_argument, NULL, 'p'},
                                         {"down", no_argument, NULL, 'd'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int opt, down = 0, quiet = 0, have_fmt = 0, code = KT_EXIT_FAIL;
    const char *output = NULL, *policy_path = NULL;
    long max_nodes = 200;
    kt_format from = KT_FMT_AUTO;
    kt_viz_format vf = KT_VIZ_DOT;
    kind k;
    kt_graph *g = NULL;
    kt_policy *p = NULL;
    kt_viz_diagram d;
    kt_errinfo ei;
    kt_cli_out o;
    kt_err rc;

    kt_viz_diagram_init(&d);
    memset(&o, 0, sizeof o);
    optind = 1;
    opterr = 0; /* one message of our own, not getopt's */
    while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (opt) {
        case 'F':
            if (kt_viz_format_parse(optarg, &vf) != 0)
                return kt_cli_usage_error("diagram", "unknown diagram format \"%s\" (dot, svg, png, pdf)", optarg);
            have_fmt = 1;
            break;
        case 'o': output = optarg; break;
        case 'n':
            if (kt_cli_parse_long(optarg, 2, 1000000, &max_nodes) != 0)
                return kt_cli_usage_error("diagram", "--max-nodes must be a whole number from 2 to 1000000, not \"%s\"",
                                          optarg);
            break;
        case 'p': policy_path = optarg; break;
        case 'd': down = 1; break;
        case 'q': quiet = 1; break;
        case 'f':
            if (kt_format_parse(optarg, &from) != 0)
                return kt_cli_usage_error("diagram", "unknown format \"%s\" (%s)", optarg, kt_format_list());
            break;
        case 'h': fputs(help, stdout); return KT_EXIT_OK;
        default:
            if (optopt)
                return kt_cli_usage_error("diagram", "bad option \"-%c\"", optopt);
            return kt_cli_usage_error("diagram", "bad option \"%s\"", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return kt_cli_usage_error("diagram", "no diagram kind (ownership, exposure, provenance)");
    if (strcmp(argv[optind], "ownership") == 0)
        k = KIND_OWNERSHIP;
    else if (strcmp(argv[optind], "exposure") == 0)
        k = KIND_EXPOSURE;
    else if (strcmp(argv[optind], "provenance") == 0)
        k = KIND_PROVENANCE;
    else
        return kt_cli_usage_error("diagram", "unknown diagram kind \"%s\" (ownership, exposure, provenance)",
                                  argv[optind]);
    if (optind + 1 >= argc)
        return kt_cli_usage_error("diagram", "no %s given", k == KIND_PROVENANCE ? "item" : "entity");
    if (optind + 2 >= argc)
        return kt_cli_usage_error("diagram", "no input files");
    if (k == KIND_EXPOSURE && !policy_path)
        return kt_cli_usage_error("diagram", "exposure needs --policy");
    if (down && k != KIND_OWNERSHIP)
        return kt_cli_usage_error("diagram", "--down is for ownership diagrams");
    if (!have_fmt && output && kt_viz_format_from_path(output, &vf) != 0)
        vf = KT_VIZ_DOT;

    if (policy_path && kt_load_policy(policy_path, &p, &ei) != KT_OK) {
        if (ei.line)
            kt_cli_line(stderr, "%s:%ld: %s", ei.file, ei.line, ei.msg);
        else
            kt_cli_msg("%s: %s", ei.file, ei.msg);
        goto out;
    }
    if (kt_cli_load(argv + optind + 2, argc - optind - 2, from, quiet, &g, NULL) != KT_EXIT_OK)
        goto out;
    if (p)
        kt_graph_set_directors_control(g, kt_policy_directors_control(p));
    igraph_integer_t v = kt_cli_entity(g, argv[optind + 1]);
    if (v < 0)
        goto out;
    switch (k) {
    case KIND_OWNERSHIP: rc = kt_viz_ownership(&d, g, v, down, p, &ei); break;
    case KIND_EXPOSURE: rc = kt_viz_exposure(&d, g, p, v, &ei); break;
    default:
        if (!kt_etype_is_item(kt_graph_entity_type(g, v))) {
            kt_cli_msg("\"%s\" is a %s, not a product or component", argv[optind + 1],
                       kt_etype_name(kt_graph_entity_type(g, v)));
            goto out;
        }
        rc = kt_viz_provenance(&d, g, p, v, &ei);
        break;
    }
    if (rc == KT_OK && (rc = kt_viz_fold(&d, (size_t)max_nodes)) != KT_OK)
        kt_errinfo_set(&ei, rc, "", 0, "out of memory");
    if (rc != KT_OK) {
        kt_cli_msg("%s", ei.msg);
        goto out;
    }
    if (kt_cli_out_open(&o, output) != 0)
        goto out;
    rc = kt_viz_render(&d, vf, o.f, &ei);
    if (rc != KT_OK)
        kt_cli_msg("%s%s%s", output ? output : "", output ? ": " : "", ei.msg);
    if (kt_cli_out_close(&o, rc == KT_OK) != 0)
        goto out; /* the reason is printed */
    code = KT_EXIT_OK;
out:
    kt_viz_diagram_destroy(&d);
    kt_policy_free(p);
    kt_graph_free(g);
    return code;
}
