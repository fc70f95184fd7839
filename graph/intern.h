/* intern.h: string interning for the graph module (internal).
 *
 * Strings are copied once into large arena blocks and numbered 0, 1, 2, ... in the order
 * first seen; an open-addressing hash table (linear probing, power-of-two size, load <= 3/4)
 * maps text to number.  Number -> text is one array read.
 * Complexity: O(length) expected per lookup; memory about 16 bytes per string plus its text. */
#ifndef KT_INTERN_H
#define KT_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char **str;      /* number -> text (into the arena) */
    uint32_t n, cap; /* strings held, capacity of str */
    uint64_t *slots; /* hash table: (hash << 32) | (number + 1); 0 = empty.  Keeping the hash
                      * in the slot skips the text compare (a cache miss) on collisions; a
                      * 16-byte slot with the text pointer measured no faster at 10M ids */
    uint32_t nslots;
    uint64_t *pre;   /* when made by kt_graph_i_intern_init_inline: slots + 1, each slot then
                      * two words, the second the text of a key of 1-8 bytes (zero-padded; keys
                      * hold no NUL), 0 for a longer one.  A hit on a short key is then decided
                      * without reading str[] or the text (two cache misses at millions of ids).
                      * NULL otherwise, and in snapshots (kt_graph_i_intern_drop_pre). */
    int inline_keys;
    char *block;     /* current arena block */
    size_t block_used, block_cap;
    char **blocks;   /* every block, for freeing */
    size_t nblocks, blocks_cap;
    size_t bytes;    /* arena bytes, for kt_graph_memory */
    /* while shared (kt_graph_i_intern_share): the table as other threads may read it, and the
     * tables it has outgrown, kept until sharing ends since a reader may still be in one */
    struct kt_graph_i_shared *_Atomic shared;
    struct kt_graph_i_shared *retired;
} kt_graph_i_intern;

#define KT_INTERN_NONE UINT32_MAX
#define KT_INTERN_ENOMEM (UINT32_MAX - 1)

void kt_graph_i_intern_init(kt_graph_i_intern *t);
void kt_graph_i_intern_init_inline(kt_graph_i_intern *t); /* with pre[] (entity ids) */
/* The hash the table uses (thread-safe): callers may compute it ahead, on another thread. */
uint32_t kt_graph_i_hash(const char *s, size_t len);
/* What pre[] holds for s: its bytes when 1-8, zero-padded; else 0. */
uint64_t kt_graph_i_pack(const char *s, size_t len);
/* kt_graph_i_intern_add with h = kt_graph_i_hash(s, len) and pk = kt_graph_i_pack(s, len) given. */
uint32_t kt_graph_i_intern_add_h(kt_graph_i_intern *t, const char *s, size_t len, uint32_t h, uint64_t pk,
                                 int *added);
/* kt_graph_i_intern_prefetch with the hashes given. */
void kt_graph_i_intern_prefetch_h(const kt_graph_i_intern *t, const uint32_t *h, size_t n);
void kt_graph_i_intern_destroy(kt_graph_i_intern *t);
/* Give up pre[]: slots become one word each, as lookups without it and snapshots read them. */
void kt_graph_i_intern_drop_pre(kt_graph_i_intern *t);
/* Size the hash table for n strings now (a hint: growing later still works); 0, -1 no memory. */
int kt_graph_i_intern_reserve(kt_graph_i_intern *t, size_t n);
/* The number of s (length len), adding it when new; KT_INTERN_ENOMEM when out of memory.
 * *added (may be NULL) is set to 1 when s was new. */
uint32_t kt_graph_i_intern_add(kt_graph_i_intern *t, const char *s, size_t len, int *added);
/* Store s and give it a number without entering it in the hash table: for text that is
 * seldom repeated (names), where hashing costs more than it saves. */
uint32_t kt_graph_i_intern_append(kt_graph_i_intern *t, const char *s, size_t len);
/* Warm the cache for looking up n strings soon: the lookups of a batch then wait for memory
 * together instead of one after another.  Only a hint; changes nothing. */
void kt_graph_i_intern_prefetch(const kt_graph_i_intern *t, const char *const *s, size_t n);

/* The number of s, or KT_INTERN_NONE. */
uint32_t kt_graph_i_intern_find(const kt_graph_i_intern *t, const char *s, size_t len);
static inline const char *kt_graph_i_intern_str(const kt_graph_i_intern *t, uint32_t i)
{
    return t->str[i];
}

/* Lookups from other threads while this one adds (a table made by kt_graph_i_intern_init_inline
 * only).  kt_graph_i_intern_share(t, 1) starts it, (t, 0) ends it (when no other thread reads any
 * more; frees what growth left).  kt_graph_i_intern_find_shared gives the number of a key of 1-8
 * bytes (h its hash, pk its packed text, not 0) when this table already holds it, else
 * KT_INTERN_NONE, also when the key is being added at the moment: an answer given is final (a
 * string's number never changes), "none" only says "not seen here".  Thread-safe: atomic reads,
 * against the adding thread's atomic writes.  0, or -1 out of memory (then nothing is shared). */
int kt_graph_i_intern_share(kt_graph_i_intern *t, int on);
uint32_t kt_graph_i_intern_find_shared(const kt_graph_i_intern *t, uint32_t h, uint64_t pk);
/* Prefetch where those lookups start (a hint, from any thread while shared). */
void kt_graph_i_intern_prefetch_shared(const kt_graph_i_intern *t, uint32_t h);

/* Whether the next new string makes the table grow (a rehash into a new table). */
int kt_graph_i_intern_full(const kt_graph_i_intern *t);
size_t kt_graph_i_intern_memory(const kt_graph_i_intern *t);

#endif
