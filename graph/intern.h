/* intern.h: string interning for the graph module (internal).
 *
 * Strings are copied once into large arena blocks and numbered 0, 1, 2, ... in the order
 * first seen; an open-addressing hash table (linear probing, power-of-two size, load <= 0.5)
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
    char *block;     /* current arena block */
    size_t block_used, block_cap;
    char **blocks;   /* every block, for freeing */
    size_t nblocks, blocks_cap;
    size_t bytes;    /* arena bytes, for kt_graph_memory */
} kt_graph_i_intern;

#define KT_INTERN_NONE UINT32_MAX
#define KT_INTERN_ENOMEM (UINT32_MAX - 1)

void kt_graph_i_intern_init(kt_graph_i_intern *t);
void kt_graph_i_intern_destroy(kt_graph_i_intern *t);
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
/* Ask the kernel for transparent huge pages on a large allocation: the id hash table and the
 * relation arrays are read at random, and 4 KiB pages make every lookup a TLB miss. */
void kt_graph_i_hint_huge(void *p, size_t bytes);

size_t kt_graph_i_intern_memory(const kt_graph_i_intern *t);

#endif
