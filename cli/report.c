/* report.c: what the exposure, provenance and critical commands print alike. */
#include <math.h>

#include "../graph/kt_country.h"
#include "cli.h"

int kt_cli_load_policy(const char *path, kt_policy **out)
{
    kt_errinfo ei;
    if (kt_load_policy(path, out, &ei) == KT_OK)
        return 0;
    if (ei.line)
        fprintf(stderr, "%s:%ld: %s\n", ei.file, ei.line, ei.msg);
    else
        fprintf(stderr, "%s: %s\n", ei.file, ei.msg);
    return KT_EXIT_FAIL;
}

cJSON *kt_cli_policy_json(const kt_policy *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "file", kt_policy_file(p));
    cJSON_AddStringToObject(o, "name", kt_policy_name(p));
    return o;
}

cJSON *kt_cli_thresholds_json(const kt_policy *p)
{
    const kt_policy_thresholds *t = kt_policy_thresholds_get(p);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "owner_share", t->owner_share);
    cJSON_AddNumberToObject(o, "control", t->control);
    cJSON_AddNumberToObject(o, "max_depth", t->max_depth);
    return o;
}

double kt_cli_num(double x)
{
    double r = round(x * 1e9) / 1e9;
    return r == 0 ? 0 : r; /* no -0 */
}

const char *kt_cli_pct(kt_ival iv, char *buf, size_t len)
{
    if (kt_ival_is_unknown(iv))
        snprintf(buf, len, "unknown");
    else if (kt_cli_num(iv.min) == kt_cli_num(iv.max))
        snprintf(buf, len, "%g%%", kt_cli_num(iv.min));
    else
        snprintf(buf, len, "%g-%g%%", kt_cli_num(iv.min), kt_cli_num(iv.max));
    return buf;
}

const char *kt_cli_country(unsigned idx)
{
    return idx && idx <= kt_country_table_len ? kt_country_table[idx - 1].a2 : "";
}

cJSON *kt_cli_files_json(const kt_graph *g)
{
    cJSON *a = cJSON_CreateArray();
    for (uint32_t f = 0; f < kt_graph_file_count(g); f++)
        cJSON_AddItemToArray(a, cJSON_CreateString(kt_graph_file_name(g, f)));
    return a;
}
