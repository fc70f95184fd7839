/* test_util.h: helpers for unit tests.  Each test prints headings and results to stdout;
 * the runner compares them with NAME.out, whose numbers were worked out by hand. */
#ifndef KT_TEST_UTIL_H
#define KT_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../graph/kt_graph.h"
#include "../../loaders/kt_load.h"

/* Load a native-format text into a built graph; prints diagnostics as "file:line: sev code: msg". */
static inline kt_graph *test_load(const char *name, const char *text, int print_diags)
{
    kt_graph *g = kt_graph_new();
    kt_diags *d = kt_diags_new();
    kt_errinfo ei;
    if (kt_load_buffer(g, name, text, strlen(text), KT_FMT_AUTO, d, &ei) != KT_OK) {
        printf("load failed: %s\n", ei.msg);
        exit(1);
    }
    kt_graph_build(g, d);
    kt_diags_sort(d);
    if (print_diags)
        for (size_t i = 0; i < kt_diags_count(d); i++) {
            const kt_diag *x = kt_diags_get(d, i);
            printf("  %s:%ld: %s %s: %s\n", kt_graph_file_name(g, x->file), x->line,
                   x->sev == KT_SEV_ERROR ? "error" : "warning", x->code, x->msg);
        }
    if (kt_diags_has_errors(d)) {
        kt_diags_free(d);
        kt_graph_free(g);
        return NULL;
    }
    kt_diags_free(d);
    if (kt_graph_check(g, stdout) != 0)
        exit(1);
    return g;
}

static inline igraph_integer_t V(const kt_graph *g, const char *id)
{
    igraph_integer_t v = kt_graph_find(g, id);
    if (v < 0) {
        printf("no entity %s\n", id);
        exit(1);
    }
    return v;
}

#endif
