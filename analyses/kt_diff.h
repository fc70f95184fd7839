/* kt_diff.h: what changed between two models (an older and a newer load of the data), and
 * what changed around watched entities.
 *
 * Entities are the same when their ids are; relations when their type, endpoints and item
 * are (their key) and every fact they state is: share, votes, flags, basis, qty, country,
 * scope, since and until.  Where a relation came from (file, line, record id) is not part of
 * it: a line moving in a file changes nothing.  Several relations with one key (two share
 * classes) are matched as a multiset: equal ones pair first, then the rest of one key pair
 * up in order as "changed", and what is left is added or removed.
 *
 * Watched entities: their owners analysis (kt_own_upstream) on either side, compared set by
 * set: controllers, ultimate controllers, beneficial owners, state influence, each also by
 * the upper bounds ("possible").
 *
 * Complexity: O((V + E) log (V + E)) for the two models' V entities and E relations (one
 * sort of ids, one of relation keys on each side, one merge); a watched entity costs two
 * kt_own_upstream runs.  Memory O(V + E).
 *
 * Ownership: kt_diff_run fills a kt_diff the caller releases with kt_diff_destroy; items
 * borrow both graphs (vertex and edge ids). */
#ifndef KT_DIFF_H
#define KT_DIFF_H

#include "../graph/kt_graph.h"
#include "kt_own.h"

typedef enum { KT_DIFF_ADDED = 0, KT_DIFF_REMOVED, KT_DIFF_CHANGED } kt_diff_kind;

typedef struct {
    kt_diff_kind kind;
    igraph_integer_t a, b; /* vertex or edge in the old (a) and new (b) model; -1 when absent */
} kt_diff_item;

typedef struct {
    kt_diff_item *ents; /* sorted by entity id */
    size_t nents;
    kt_diff_item *rels; /* sorted by key (type, from id, to id, item id), then old before new */
    size_t nrels;
} kt_diff;

kt_err kt_diff_run(const kt_graph *a, const kt_graph *b, kt_diff *out);
void kt_diff_destroy(kt_diff *d);

/* The facts of an entity or relation as (name, text) fields, for saying what changed: the
 * same in both models exactly when the texts are.  Returns the number of fields (at most
 * KT_DIFF_FIELDS); text in bufs[i] (KT_DIFF_TEXT bytes each). */
#define KT_DIFF_FIELDS 12
#define KT_DIFF_TEXT 256
size_t kt_diff_entity_fields(const kt_graph *g, igraph_integer_t v, const char **names,
                             char bufs[][KT_DIFF_TEXT]);
size_t kt_diff_rel_fields(const kt_graph *g, igraph_integer_t e, const char **names, char bufs[][KT_DIFF_TEXT]);

/* ---- watched entities ---- */

#define KT_WATCH_SETS 8
/* "controllers", "possible controllers", "ultimate controllers", ... */
const char *kt_watch_set_name(int k);

typedef struct {
    int in_a, in_b;                   /* the entity is in the old / new model */
    const char **gone[KT_WATCH_SETS]; /* ids in the old set, not the new (sorted) */
    size_t ngone[KT_WATCH_SETS];
    const char **came[KT_WATCH_SETS]; /* ids in the new set, not the old (sorted) */
    size_t ncame[KT_WATCH_SETS];
    int changed;                      /* anything above differs, or the entity came or went */
} kt_watch;

kt_err kt_diff_watch(const kt_graph *a, const kt_graph *b, const char *id, const kt_own_opts *o, kt_watch *out,
                     kt_errinfo *ei);
void kt_watch_destroy(kt_watch *w);

#endif
