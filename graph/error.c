#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kt_error.h"

/* set by the igraph error handler (graph/graph.c): igraph's reason for its last failure */
extern char kt_graph_i_igraph_reason[200];

kt_err kt_errinfo_set(kt_errinfo *ei, kt_err rc, const char *file, long line, const char *fmt, ...)
{
    va_list ap;

    if (!ei)
        return rc;
    snprintf(ei->file, sizeof ei->file, "%s", file ? file : "");
    ei->line = line;
    ei->col = 0;
    va_start(ap, fmt);
    vsnprintf(ei->msg, sizeof ei->msg, fmt, ap);
    va_end(ap);
    return rc;
}

const char *kt_err_str(kt_err rc)
{
    switch (rc) {
    case KT_OK: return "no error";
    case KT_ENOMEM: return "out of memory";
    case KT_EIO: return "input/output error";
    case KT_EPARSE: return "malformed input";
    case KT_EINVALID: return "invalid input";
    case KT_ENOTFOUND: return "not found";
    case KT_EGRAPH: {
        static char buf[256];
        if (!kt_graph_i_igraph_reason[0])
            return "graph library error";
        snprintf(buf, sizeof buf, "graph library error: %s", kt_graph_i_igraph_reason);
        return buf;
    }
    case KT_EUSAGE: return "usage error";
    }
    return "unknown error";
}
