/* viz_i.h: what the files of viz/ share.  Not part of the public API.
 * Ownership: a kt_viz_i_buf owns its text; kt_viz_i_buf_take() hands it to the caller. */
#ifndef KT_VIZ_I_H
#define KT_VIZ_I_H

#include <stddef.h>

#include "../graph/kt_country.h"
#include "kt_viz.h"

char *kt_viz_i_strdup(const char *s); /* NULL for NULL (and when out of memory) */
const char *kt_viz_i_share_text(kt_ival s, char *buf, size_t len);

/* Relation e of the graph as an edge from -> to, kind and label from its type and data:
 * "Owns 60%" ("Owns 30%, votes 60%"; a declared summary dashed, "Declared indirect interest
 * 42%"), "Controls (golden share)", "Lead member", "Subcontractor: SCOPE", "Part ×4",
 * "Offered", "Makes (in CN)", "Supplies ITEM".  Every diagram draws relations with it.
 * Complexity: O(1). */
/* The dashed "?" after node at, where the data stops: a made-up node named name, its note the
 * kt_unknown_text() of each KT_UNK_* bit in why, and an edge "unknown beyond this point". */
kt_err kt_viz_i_unknown_after(kt_viz_diagram *d, const char *name, unsigned why, size_t at);

kt_err kt_viz_i_relation_edge(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t e, size_t from, size_t to);

/* A growing string; oom is set on the first failed allocation and later appends do nothing. */
typedef struct {
    char *s;
    size_t n, cap;
    int oom;
} kt_viz_i_buf;

void kt_viz_i_buf_init(kt_viz_i_buf *b);
void kt_viz_i_buf_destroy(kt_viz_i_buf *b);
void kt_viz_i_puts(kt_viz_i_buf *b, const char *s); /* raw */
/* Append s with control characters and bytes that are not UTF-8 written as visible text (\x1b,
 * \n; graph/kt_text.h): for node names, which Graphviz copies into the SVG <title>. */
void kt_viz_i_put_visible(kt_viz_i_buf *b, const char *s);
/* Text for an HTML-like label: & < > " ' as entities, a backslash as &#92;&#92;, newline as <BR/>. */
void kt_viz_i_put_html(kt_viz_i_buf *b, const char *s);
/* Text for a plain label: & and \ as entities (so escString cannot act on them), newline as
 * the \n escape. */
void kt_viz_i_put_plain(kt_viz_i_buf *b, const char *s);

#endif
