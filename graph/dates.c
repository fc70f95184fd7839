/* dates.c: the date a graph is judged on (--as-of, else today; see kt_graph.h). */
#include <string.h>

#include "graph_i.h"

int kt_graph_i_date_ok(const char *date)
{
    if (strlen(date) != 10 || date[4] != '-' || date[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9'))
            return 0;
    return 1;
}

static kt_err set_date(char out[11], const char *date)
{
    if (!date) {
        out[0] = '\0';
        return KT_OK;
    }
    if (!kt_graph_i_date_ok(date))
        return KT_EINVALID;
    memcpy(out, date, 11);
    return KT_OK;
}

/* The date is checked before g is touched: a malformed date is refused whatever g is. */
kt_err kt_graph_set_as_of(kt_graph *g, const char *date)
{
    return date && !kt_graph_i_date_ok(date) ? KT_EINVALID : set_date(g->as_of, date);
}
kt_err kt_graph_set_today(kt_graph *g, const char *date)
{
    return date && !kt_graph_i_date_ok(date) ? KT_EINVALID : set_date(g->today, date);
}
const char *kt_graph_as_of(const kt_graph *g) { return g->as_of[0] ? g->as_of : NULL; }
const char *kt_graph_date(const kt_graph *g)
{
    return g->as_of[0] ? g->as_of : g->today[0] ? g->today : NULL;
}
size_t kt_graph_dropped_by_date(const kt_graph *g) { return g->dropped_by_date; }
