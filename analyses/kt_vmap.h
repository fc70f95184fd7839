/* kt_vmap.h: a map from vertex id to a small dense index, sized to the reached set.
 *
 * Analyses that start from one node touch a small part of a graph that may hold tens of
 * millions of relations.  Clearing an O(|V|) visited array per query would cost more than
 * the query; a kt_vmap grows with what is reached and nothing else.  Indexes are given in
 * insertion order (0, 1, 2, ...), so arrays indexed by them grow with the map.
 *
 * Ownership: kt_vmap_init() fills a caller-allocated struct; kt_vmap_destroy() frees what it
 * holds (and accepts a zeroed struct).
 *
 * Example:
 *     kt_vmap m; kt_vmap_init(&m);
 *     igraph_integer_t i; int fresh;
 *     if (kt_vmap_put(&m, v, &i, &fresh) != KT_OK) ...;   // i: v's index; fresh: first time
 *     kt_vmap_destroy(&m);
 */
#ifndef KT_VMAP_H
#define KT_VMAP_H

#include "../graph/kt_graph.h"

typedef struct {
    igraph_integer_t *keys; /* vertex + 1 per slot; 0 is an empty slot */
    igraph_integer_t *vals; /* index per slot */
    size_t cap;             /* slots, a power of two (0 before the first put) */
    size_t n;               /* entries */
} kt_vmap;

void kt_vmap_init(kt_vmap *m);
void kt_vmap_destroy(kt_vmap *m);

/* The index of v, or -1.  Complexity: O(1) expected. */
igraph_integer_t kt_vmap_get(const kt_vmap *m, igraph_integer_t v);

/* The index of v, giving it the next index (the count before the call) when new; *fresh is
 * 1 when v was new.  Complexity: O(1) amortised. */
kt_err kt_vmap_put(kt_vmap *m, igraph_integer_t v, igraph_integer_t *index, int *fresh);

/* Grow *arr (elements of size elem, capacity *cap) to hold at least n elements.
 * Shared by the analyses for their per-reached-node arrays.  Complexity: O(1) amortised. */
kt_err kt_vmap_grow(void **arr, size_t *cap, size_t n, size_t elem);

#endif
