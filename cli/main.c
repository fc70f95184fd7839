/* main.c: the keten command: dispatch to cli/cmd_NAME.c. */
#include <cjson/cJSON.h>
#include <graphviz/gvc.h>
#include <graphviz/graphviz_version.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_find.h"
#include "cli.h"

static const struct {
    const char *name;
    kt_cmd_fn fn;
    const char *summary;
} commands[] = {
    {"check", kt_cmd_check, "load files, count what they hold and list every problem"},
    {"screen", kt_cmd_screen, "screen a tender's bidders: verdict and evidence per bidder"},
    {"questions", kt_cmd_questions, "what to ask each bidder where the data stops, with an answer template"},
    {"exposure", kt_cmd_exposure, "what a node reaches that the policy marks, with paths and gaps"},
    {"provenance", kt_cmd_provenance, "bill of materials, origin shares, concentration and transit"},
    {"critical", kt_cmd_critical, "suppliers and parts a node depends on with no alternative"},
    {"owners", kt_cmd_owners, "who owns and controls an entity: interests, controllers, beneficial owners"},
    {"owned", kt_cmd_owned, "what an entity owns and controls: its group, with integrated interests"},
    {"paths", kt_cmd_paths, "every ownership and control path between two entities, strongest first"},
    {"find", kt_cmd_find, "find entities by name or identifier (case and accents ignored)"},
    {"diagram", kt_cmd_diagram, "draw ownership chains, exposure paths or a bill of materials"},
    {"diff", kt_cmd_diff, "what changed between two loads of the data, and around watched entities"},
    {"index", kt_cmd_index, "load and check files once into a snapshot every command reads at once"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: keten COMMAND [OPTIONS] FILE...\n\n"
               "keten analyses supplier chains, ownership and control for procurement screening.\n"
               "Example: keten screen samples/anpr-tender/tender.json\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nEvery command takes --as-of YYYY-MM-DD: only relations valid on that date (by their\n"
               "since/until) are loaded; without it, those valid today.  A snapshot (keten index)\n"
               "stands in for the data files of any command; --strict makes a snapshot whose sources\n"
               "changed an error instead of a warning.\n"
               "Every command takes --limit NAME=N (K, M, G, T: powers of 1024) to raise a limit on one\n"
               "input file: bytes (decompressed, 64G), document (a JSON document, 2G), line (64M),\n"
               "string (a JSON string, 16M), depth (JSON nesting, 1000 at most), records (lines or\n"
               "records, 500000000).  See docs/limits.md.\n"
               "Every command takes --threads N: how many threads parse JSON Lines input and, in screen,\n"
               "run the searches and the bidders (default: every online core); the output is the same\n"
               "whatever N.\n"
               "\n'keten COMMAND --help' tells more about a command.\n"
               "Exit status: 0 answered; 1 answered and a result crossed --fail-on; 2 could not answer\n"
               "(usage, bad input, I/O, memory).\n");
}

/* Take the global options --as-of DATE (or --as-of=DATE) and --strict out of argv, wherever it stands
 * before "--".  Returns the new argc, or -1 when the date is missing. */
static int take_as_of(int argc, char **argv)
{
    int k = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[k++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--as-of") == 0) {
            if (i + 1 >= argc)
                return -1;
            kt_cli_as_of = argv[++i];
            continue;
        }
        if (strncmp(argv[i], "--as-of=", 8) == 0) {
            kt_cli_as_of = argv[i] + 8;
            continue;
        }
        if (strcmp(argv[i], "--strict") == 0) {
            kt_cli_strict = 1;
            continue;
        }
        argv[k++] = argv[i];
    }
    argv[k] = NULL;
    return k;
}

/* Take the global options --limit NAME=N (or --limit=NAME=N) and --threads N out of argv, like --as-of.
 * Returns the new argc, or -1 after a message when it is not one. */
static int take_limits(int argc, char **argv)
{
    int k = 0;
    for (int i = 0; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[k++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--limit") == 0) {
            if (i + 1 >= argc) {
                kt_cli_msg("--limit needs NAME=N");
                return -1;
            }
            v = argv[++i];
        } else if (strncmp(argv[i], "--limit=", 8) == 0) {
            v = argv[i] + 8;
        }
        if (!v && (strcmp(argv[i], "--threads") == 0 || strncmp(argv[i], "--threads=", 10) == 0)) {
            /* --threads N: the threads that parse line-based input (the output never depends on it) */
            const char *t = argv[i][9] == '=' ? argv[i] + 10 : i + 1 < argc ? argv[++i] : NULL;
            char *end = NULL;
            long n = t && *t >= '0' && *t <= '9' ? strtol(t, &end, 10) : 0;
            if (!t) {
                kt_cli_msg("--threads needs N");
                return -1;
            }
            if (!end || *end || n < 1 || n > KT_LOAD_THREADS_MAX) {
                kt_cli_msg("--threads %s: give a number of threads, 1-%d", t, KT_LOAD_THREADS_MAX);
                return -1;
            }
            kt_load_set_threads((int)n);
            continue;
        }
        if (!v) {
            argv[k++] = argv[i];
            continue;
        }
        char name[16];
        const char *eq = strchr(v, '=');
        if (!eq || (size_t)(eq - v) >= sizeof name) {
            kt_cli_msg("--limit %s: give NAME=N (bytes, document, line, string, depth, records)", v);
            return -1;
        }
        memcpy(name, v, (size_t)(eq - v));
        name[eq - v] = '\0';
        if (kt_load_limit_parse(name, eq + 1) != 0) {
            kt_cli_msg("--limit %s: not a limit name (bytes, document, line, string, depth, records) with a "
                       "number (K, M, G, T; depth 1-1000)",
                       v);
            return -1;
        }
    }
    argv[k] = NULL;
    return k;
}

int main(int argc, char **argv)
{
    /* a closed pipe (keten ... | head) ends the program quietly */
    signal(SIGPIPE, SIG_DFL);
    kt_graph_init_library();
    if ((argc = take_as_of(argc, argv)) < 0) {
        kt_cli_msg("--as-of needs a date (YYYY-MM-DD)");
        return KT_EXIT_FAIL;
    }
    if ((argc = take_limits(argc, argv)) < 0)
        return KT_EXIT_FAIL;
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
    const char *names[sizeof commands / sizeof commands[0]];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        names[i] = commands[i].name;
    long near = kt_find_nearest(argv[1], names, sizeof names / sizeof names[0]);
    if (near >= 0)
        return kt_cli_usage_error(NULL, "unknown command \"%s\"; did you mean \"%s\"?", argv[1], names[near]);
    return kt_cli_usage_error(NULL, "unknown command \"%s\"", argv[1]);
}
