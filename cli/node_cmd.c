/* node_cmd.c: the shared front of the one-node commands (see node_cmd.h). */
#include <getopt.h>
#include <string.h>

#include "node_cmd.h"

int kt_cli_node_open(kt_cli_node *c, int argc, char **argv)
{
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"policy", required_argument, NULL, 'p'},
                                         {"max-depth", required_argument, NULL, 'd'},
                                         {"fail-on", required_argument, NULL, 'F'},
                                         {"csv", no_argument, NULL, 'c'},
                                         {"excel", no_argument, NULL, 'x'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"mpi", no_argument, NULL, 'M'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *policy_path = NULL;
    kt_format fmt = KT_FMT_AUTO;
    int opt;

    c->json = c->quiet = c->csv = c->mpi = 0;
    c->max_depth = 0;
    c->fail_on = 0;
    c->g = NULL;
    c->p = NULL;
    c->v = -1;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'j': c->json = 1; break;
        case 'q': c->quiet = 1; break;
        case 'p':
            if (c->policy_use == KT_CLI_POLICY_NONE)
                return kt_cli_usage_error(c->cmd, "--policy is not an option of %s", c->cmd);
            policy_path = optarg;
            break;
        case 'd':
            if (!c->max_depth_option)
                return kt_cli_usage_error(c->cmd, "--max-depth is not an option of %s", c->cmd);
            if (kt_cli_parse_long(optarg, 1, 1000000, &c->max_depth) != 0)
                return kt_cli_usage_error(c->cmd, "--max-depth must be a whole number from 1 to 1000000");
            break;
        case 'c':
        case 'x':
            if (!c->csv_option)
                return kt_cli_usage_error(c->cmd, "--%s is not an option of %s", opt == 'c' ? "csv" : "excel", c->cmd);
            c->csv = opt == 'x' ? ';' : (c->csv ? c->csv : ',');
            break;
        case 'F':
            if (!c->fail_on_option)
                return kt_cli_usage_error(c->cmd, "--fail-on is not an option of %s", c->cmd);
            if (strcmp(optarg, "finding") == 0)
                c->fail_on = 1;
            else if (strcmp(optarg, "unknown") == 0)
                c->fail_on = 2;
            else
                return kt_cli_usage_error(c->cmd, "--fail-on takes finding or unknown");
            break;
        case 'f':
            if (kt_format_parse(optarg, &fmt) != 0)
                return kt_cli_usage_error(c->cmd, "unknown format \"%s\" (%s)", optarg, kt_format_list());
            break;
        case 'M':
            if (!c->mpi_option)
                return kt_cli_usage_error(c->cmd, "--mpi is not an option of %s", c->cmd);
            if (c->mpi_option == 1)
                return kt_cli_usage_error(c->cmd, "--mpi needs keten-mpi (built by 'make mpi') run under mpirun");
            c->mpi = 1;
            break;
        case 'h': fputs(c->help, stdout); return KT_EXIT_OK;
        default: return kt_cli_usage_error(c->cmd, "bad option");
        }
    }
    if (optind >= argc)
        return kt_cli_usage_error(c->cmd, "no %s given", c->what ? c->what : "node");
    if (optind + 1 >= argc)
        return kt_cli_usage_error(c->cmd, "no input files");
    if (!policy_path && c->policy_use == KT_CLI_POLICY_REQUIRED)
        return kt_cli_usage_error(c->cmd, "--policy FILE is required (which countries count is yours to say)");
    if (policy_path && kt_cli_load_policy(policy_path, &c->p) != 0)
        return KT_EXIT_FAIL;
    if (kt_cli_load(argv + optind + 1, argc - optind - 1, fmt, c->quiet, &c->g, NULL) != 0)
        return KT_EXIT_FAIL;
    if (c->p)
        kt_graph_set_directors_control(c->g, kt_policy_directors_control(c->p));
    if ((c->v = kt_cli_entity(c->g, argv[optind])) < 0)
        return KT_EXIT_FAIL;
    return -1;
}

void kt_cli_node_close(kt_cli_node *c)
{
    kt_policy_free(c->p);
    kt_graph_free(c->g);
    c->p = NULL;
    c->g = NULL;
}
