/* main.c: the keten command: dispatch to cli/cmd_NAME.c. */
#include <cjson/cJSON.h>
#include <graphviz/gvc.h>
#include <graphviz/graphviz_version.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    kt_cmd_fn fn;
    const char *summary;
} commands[] = {
    {"check", kt_cmd_check, "load files, count what they hold and list every problem"},
    {"screen", kt_cmd_screen, "screen a tender's bidders: verdict and evidence per bidder"},
    {"exposure", kt_cmd_exposure, "what a node reaches that the policy marks, with paths and gaps"},
    {"provenance", kt_cmd_provenance, "bill of materials, origin shares, concentration and transit"},
    {"critical", kt_cmd_critical, "suppliers and parts a node depends on with no alternative"},
    {"owners", kt_cmd_owners, "who owns and controls an entity: interests, controllers, beneficial owners"},
    {"owned", kt_cmd_owned, "what an entity owns and controls: its group, with integrated interests"},
    {"paths", kt_cmd_paths, "every ownership and control path between two entities, strongest first"},
    {"diagram", kt_cmd_diagram, "draw ownership chains, exposure paths or a bill of materials"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: keten COMMAND [OPTIONS] FILE...\n\n"
               "keten analyses supplier chains, ownership and control for procurement screening.\n"
               "Example: keten screen samples/anpr-tender/tender.json\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'keten COMMAND --help' tells more about a command.\n"
               "Exit status: 0 answered; 1 answered and a result crossed --fail-on; 2 could not answer\n"
               "(usage, bad input, I/O, memory).\n");
}

int main(int argc, char **argv)
{
    /* a closed pipe (keten ... | head) ends the program quietly */
    signal(SIGPIPE, SIG_DFL);
    kt_graph_init_library();
    if (argc < 2) {
        usage(stderr);
        return KT_EXIT_FAIL;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return kt_cli_finish(KT_EXIT_OK);
    }
    if (strcmp(argv[1], "--version") == 0) {
        int maj, min, pat;
        igraph_version(NULL, &maj, &min, &pat);
        printf("keten %s (igraph %ld.%ld.%ld, cJSON %s, Graphviz %s)\n", KT_VERSION, (long)maj, (long)min,
               (long)pat, cJSON_Version(), PACKAGE_VERSION);
        return kt_cli_finish(KT_EXIT_OK);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return kt_cli_finish(commands[i].fn(argc - 1, argv + 1));
    return kt_cli_usage_error(NULL, "unknown command \"%s\"", argv[1]);
}
