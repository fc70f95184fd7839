/* node_cmd.h: the shared front of the commands that take one node and data files
 * (exposure, provenance, critical): options, policy, loading, the node, and the printing.
 *
 *   kt_cli_node c = {"critical", help, KT_CLI_POLICY_NONE, 0};
 *   int code = kt_cli_node_open(&c, argc, argv);     // -1: go on; else exit with it
 *   ... run the analysis on c.g, c.v (and c.p) ...
 *   ... print JSON with c.json, else the text ...
 *   kt_cli_node_close(&c);
 *
 * Ownership: the graph and policy belong to the struct until kt_cli_node_close(). */
#ifndef KT_NODE_CMD_H
#define KT_NODE_CMD_H

#include "../analyses/kt_crit.h"
#include "../analyses/kt_exp.h"
#include "cli.h"

typedef enum { KT_CLI_POLICY_NONE = 0, KT_CLI_POLICY_OPTIONAL, KT_CLI_POLICY_REQUIRED } kt_cli_policy_use;

typedef struct {
    /* set by the command */
    const char *cmd, *help;
    kt_cli_policy_use policy_use;
    int max_depth_option; /* accepts --max-depth N */
    int fail_on_option;   /* accepts --fail-on finding|unknown */
    int csv_option;       /* accepts --csv (and --excel) */
    const char *what;     /* "node" or "item", for the usage message */
    /* filled by kt_cli_node_open */
    int json, quiet;
    int csv;              /* 0, or ',' / ';' (--excel): the separator */
    long max_depth;       /* 0: not given */
    int fail_on;          /* 0 none, 1 finding, 2 finding or unknown */
    kt_graph *g;
    kt_policy *p;         /* NULL when no policy was given */
    igraph_integer_t v;
    int mpi_option;       /* set by the command: accepts --mpi (1), and keten-mpi runs it (2) */
    int mpi;              /* --mpi given */
} kt_cli_node;

/* keten exposure --mpi: the search run over MPI ranks (dist/, linked only into keten-mpi;
 * NULL in keten), with kt_exp_run()'s contract. */
typedef kt_err (*kt_exp_run_fn)(const kt_graph *g, const kt_policy *p, igraph_integer_t start, const kt_exp_opts *opts,
                                kt_exp_result **out);
extern kt_exp_run_fn kt_cli_exposure_mpi;
/* keten critical --mpi, with kt_crit_run()'s contract (dist/; NULL in keten). */
typedef kt_err (*kt_crit_run_fn)(const kt_graph *g, igraph_integer_t start, kt_crit_result **out);
extern kt_crit_run_fn kt_cli_critical_mpi;

/* Parse the options (--json, --quiet, --from, and --policy/--max-depth/--fail-on as the
 * command allows), load the policy and the files, and find the node.  Returns -1 when the command
 * should go on, else the exit status (help printed, or an error already reported). */
int kt_cli_node_open(kt_cli_node *c, int argc, char **argv);

void kt_cli_node_close(kt_cli_node *c);

#endif
