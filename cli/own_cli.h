/* own_cli.h: what keten owners, owned and paths share: options, number formatting, and the
 * evidence (each relation on a path with its type, share and source) in text and JSON.
 * Ownership: JSON builders return new cJSON items owned by the caller (or by the parent
 * they are added to). */
#ifndef KT_OWN_CLI_H
#define KT_OWN_CLI_H

/* Paths printed keep at most this many relations (a 100,000-deep chain would print 10^10). */
#define KT_OWN_CLI_PATH_MAX 32

#include <getopt.h>

#include "../analyses/kt_own.h"
#include "cli.h"

typedef struct {
    int json;
    int mpi; /* --mpi */
    kt_format fmt;
    kt_own_opts o;
    const char *policy; /* --policy FILE: its control threshold (unless --control) and directors_control */
    int control_set;    /* --control was given */
} kt_own_cli;

/* keten owners --mpi: the owner closure gathered over MPI ranks (dist/, linked only into
 * keten-mpi; NULL in keten), with kt_own_upstream()'s contract. */
typedef kt_err (*kt_own_upstream_fn)(const kt_graph *g, igraph_integer_t target, const kt_own_opts *opts,
                                     kt_own_result *out, kt_errinfo *ei);
extern kt_own_upstream_fn kt_cli_owners_mpi;

/* Parse the shared options; returns -1 to go on with argv[optind..], or an exit code. */
int kt_own_cli_parse(const char *cmd, const char *help, int argc, char **argv, kt_own_cli *c);

/* Load the policy (if --policy) and the files, and apply the policy to the model and the
 * options.  Returns KT_EXIT_OK or the exit code (the message printed). */
int kt_own_cli_load(kt_own_cli *c, char **files, int n, kt_graph **g);

/* An integrated interest for people: "52%", "25-50%", and, for an entity on an ownership cycle
 * whose walk sum passes 100% (kt_own.h), "over 100%" or "60-over 100%". */
const char *kt_own_cli_interest(kt_ival iv, char *buf, size_t len);
/* Whether a bound passes 100% (then the note kt_own_cli_over_note applies). */
int kt_own_cli_over(kt_ival iv);
/* "over 100%: in a cycle with the target" (upstream) / "... with the source" / "... in an
 * ownership cycle" (a cycle that does not include the subject). */
const char *kt_own_cli_over_note(const kt_own_party *p, int down);
/* An interest as JSON {"min","max"}: exact walk sums, null for a bound that is infinite. */
cJSON *kt_own_cli_interest_json(kt_ival iv);

/* One relation as evidence: {"from","to","relation","share","votes","declared","basis","source"}. */
cJSON *kt_own_cli_step_json(const kt_graph *g, igraph_integer_t e);
/* "from -owns 80%-> to (source)" */
void kt_own_cli_step_text(FILE *f, const kt_graph *g, igraph_integer_t e);

/* The thresholds in force, as JSON, and as one line of text. */
cJSON *kt_own_cli_thresholds_json(const kt_graph *g, const kt_own_opts *o);
void kt_own_cli_thresholds_text(FILE *f, const kt_graph *g, const kt_own_opts *o);

/* {"keten", "files"} header of every document. */
cJSON *kt_own_cli_doc(const kt_graph *g);

/* keten owners (down = 0) and keten owned (down = 1): parse, load, analyse, print. */
int kt_own_cli_parties(const char *cmd, const char *help, int down, int argc, char **argv);

#define KT_OWN_CLI_OPTIONS                                                                                  \
    "  --json            print one JSON document\n"                                                       \
    "  --control PCT     control: more than PCT% of the votes (default 50)\n"                              \
    "  --bo PCT          beneficial ownership threshold (default 25)\n"                                   \
    "  --bo-rule ge|gt   ge: PCT% or more (EU AMLR 2024/1624 art. 52, default);\n"                        \
    "                    gt: more than PCT% (directive 2015/849)\n"                                       \
    "  --max-paths N     paths: at most N paths, strongest first (default 100)\n"                         \
    "  --max-depth N     paths: at most N relations per path (default: no limit)\n"                       \
    "  --policy FILE     use the policy's control threshold (unless --control) and its\n"               \
    "                    directors_control (a director_of relation counts as control)\n"              \
    "  --from FORMAT     read every file as FORMAT (native, bods, cyclonedx, spdx, gleif, ftm, csv)\n"   \
    "  --mpi             owners: gather the owner closure over the ranks of mpirun (keten-mpi, built\n"  \
    "                    by 'make mpi'; the same output for any number of ranks)\n"                      \
    "  -h, --help        this help\n\n"                                                                   \
    "Words: \"controls\" means the lower bounds of the shares already give control (or a controls\n"     \
    "relation says so); \"may control\" means only the upper bounds (unknown shares counted as\n"         \
    "100%) do.  Integrated interests are intervals: unknown shares count 0 in the lower bound and\n"     \
    "100 in the upper; \"partial\" and \"unknown\" say an unknown share lies on some or every chain.\n"  \
    "An entity on an ownership cycle may hold \"over 100%\": its walks come back round the cycle.\n"    \
    "Exit status: 0 answered; 2 could not answer (usage, unknown entity, bad input, I/O).\n"

#endif
