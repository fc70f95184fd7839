/* kt_find.h: finding entities by what people know of them (a name, part of one, an
 * identifier), and the nearest id to a mistyped one.
 *
 * Matching folds case and accents in any script: "Škoda", "SKODA" and "skoda" match; Greek
 * and Cyrillic capitals match their small letters; full-width Latin matches ASCII; other
 * scripts (Chinese, Japanese, Arabic, ...) match text as written.  The folding is Unicode's
 * compatibility decomposition with the combining marks dropped and the case folded
 * (analyses/fold_table.c, generated from the Unicode database).
 *
 * Ownership: kt_find() fills a caller-allocated kt_find_result; release it with
 * kt_find_result_destroy().  Example:
 *     kt_find_result r;
 *     if (kt_find(g, "noordlicht", &r) == KT_OK)
 *         for (size_t i = 0; i < r.n; i++) puts(kt_graph_entity_id(g, r.hits[i].v));
 *     kt_find_result_destroy(&r); */
#ifndef KT_FIND_H
#define KT_FIND_H

#include "../graph/kt_graph.h"

typedef enum {
    KT_FIND_ID = 0,    /* the entity id, or one of its identifiers' values, equals the text */
    KT_FIND_NAME,      /* the name equals the text */
    KT_FIND_CONTAINS   /* the id, the name or an identifier's value contains the text */
} kt_find_rank;

typedef struct {
    igraph_integer_t v;
    kt_find_rank rank;
    const char *matched; /* the identifier scheme matched (rank KT_FIND_ID by identifier), else NULL */
    const char *alias;   /* the merged id that matched, when it ranks better than the entity's own */
} kt_find_hit;

typedef struct {
    kt_find_hit *hits;   /* best rank first, then by entity id (byte order) */
    size_t n;
} kt_find_result;

/* Every entity whose id, name, identifier value or merged id (an alias: an id declared apart
 * and merged into this entity by a shared identifier) matches text (folded; empty text
 * matches nothing); a merged id ranks as the entity's own id would.  Complexity: O(T) for T
 * the total length of all ids, names and identifier values (each folded once per call), plus
 * O(h log h) to sort h hits and a aliases matched. */
kt_err kt_find(const kt_graph *g, const char *text, kt_find_result *out);
void kt_find_result_destroy(kt_find_result *r);

/* Fold s (UTF-8) into out (cap bytes, NUL-terminated; output is cut at cap).  Invalid UTF-8
 * bytes are kept as they are.  Returns the folded length, which may exceed cap - 1 when cut. */
size_t kt_find_fold(const char *s, char *out, size_t cap);

/* The edit distance (insertions, deletions, substitutions of bytes) between a and b, or
 * max + 1 when it exceeds max.  Complexity: O(|a| |b|) time, O(|b|) memory (|b| <= 255,
 * else max + 1). */
size_t kt_find_distance(const char *a, const char *b, size_t max);

/* The nearest of the given names to s: the smallest edit distance, at most 2 (1 for s of up
 * to 3 bytes, none for 1 byte; a third of s's length when longer), ties to the first; -1 when
 * none is near. */
long kt_find_nearest(const char *s, const char *const *names, size_t n);

/* The entity id nearest to id (same rule), or -1.  For error messages after a failed
 * kt_graph_find: Complexity O(|V| L^2) for ids of length L (ids whose length differs by more
 * than the allowed distance are skipped at O(1)). */
igraph_integer_t kt_find_nearest_id(const kt_graph *g, const char *id);

#endif
