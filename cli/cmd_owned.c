/* cmd_owned.c: keten owned ENTITY FILE...: the group below an entity (printing shared with
 * keten owners, cmd_owners.c). */
#include "own_cli.h"

static const char help_owned[] =
    "usage: keten owned [OPTIONS] ENTITY FILE...\n"
    "Example: keten owned state-optics samples/anpr-tender/data.jsonl\n\n"
    "Everything downstream of ENTITY through owns and controls relations: ENTITY's integrated\n"
    "interest in each, whether ENTITY controls it (its group), and the strongest path to it\n"
    "with the source of every relation on it.\n\n" KT_OWN_CLI_OPTIONS;

int kt_cmd_owned(int argc, char **argv)
{
    return kt_own_cli_parties("owned", help_owned, 1, argc, argv);
}
