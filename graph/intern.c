/* intern.c: string interning (see intern.h). */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>

#include "intern.h"

#define BLOCK_SIZE (8u << 20)

/* A table as shared: its slots (two words each: the slot and its pre[] word) and size; next
 * links the retired ones. */
struct kt_graph_i_shared {
    uint64_t *slots;
    uint32_t nslots;
    struct kt_graph_i_shared *next;
};

uint32_t kt_graph_i_hash(const char *s, size_t len)
{
    /* FNV-1a, 32 bit: short ids, good enough spread with the final mix below */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    h ^= h >> 16;
    h *= 0x45d9f3bu;
    h ^= h >> 16;
    return h;
}

void kt_graph_i_intern_init(kt_graph_i_intern *t)
{
    memset(t, 0, sizeof *t);
}

void kt_graph_i_intern_init_inline(kt_graph_i_intern *t)
{
    memset(t, 0, sizeof *t);
    t->inline_keys = 1;
}

uint64_t kt_graph_i_pack(const char *s, size_t len)
{
    uint64_t x = 0;
    if (len >= 1 && len <= 8)
        memcpy(&x, s, len);
    return x;
}
#define pack kt_graph_i_pack

void kt_graph_i_intern_destroy(kt_graph_i_intern *t)
{
    if (!t)
        return;
    kt_graph_i_intern_share(t, 0);
    for (size_t i = 0; i < t->nblocks; i++)
        free(t->blocks[i]);
    free(t->blocks);
    free(t->str);
    free(t->slots); /* pre[] lies inside it */
    memset(t, 0, sizeof *t);
}

static char *arena_copy(kt_graph_i_intern *t, const char *s, size_t len)
{
    if (t->block_used + len + 1 > t->block_cap) {
        /* blocks grow from 64 KiB to BLOCK_SIZE: a small graph (a test, a fuzz input) does not
         * pay 8 MiB per table, a large one soon gets 8 MiB blocks */
        size_t want = t->nblocks < 7 ? (size_t)(64u << 10) << t->nblocks : BLOCK_SIZE;
        size_t cap = len + 1 > want ? len + 1 : want;
        if (t->nblocks == t->blocks_cap) {
            size_t bc = t->blocks_cap ? t->blocks_cap * 2 : 16;
            char **b = realloc(t->blocks, bc * sizeof *b);
            if (!b)
                return NULL;
            t->blocks = b;
            t->blocks_cap = bc;
        }
        char *blk = malloc(cap);
        if (!blk)
            return NULL;
        t->blocks[t->nblocks++] = blk;
        t->block = blk;
        t->block_used = 0;
        t->block_cap = cap;
        t->bytes += cap;
    }
    char *p = t->block + t->block_used;
    memcpy(p, s, len);
    p[len] = '\0';
    t->block_used += len + 1;
    return p;
}

/* madvise(advice) on the whole pages of a block of 4 MiB or more (smaller ones are not worth a
 * system call); failure changes nothing (the advice is a hint). */
#ifdef MADV_POPULATE_WRITE
static void advise(void *p, size_t bytes, int advice)
{
    const uintptr_t page = 4096;
    if (!p || bytes < (4u << 20))
        return;
    uintptr_t a = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t b = ((uintptr_t)p + bytes) & ~(page - 1);
    if (b > a)
        madvise((void *)a, b - a, advice);
}
#endif

static int grow_slots_to(kt_graph_i_intern *t, uint32_t ns);

/* Faults in the pages of a fresh calloc'd block; contents stay zero.  Where the kernel lacks
 * MADV_POPULATE_WRITE (before 5.14) the pages fault in when first used, as without this. */
static void populate(void *p, size_t bytes)
{
#ifdef MADV_POPULATE_WRITE
    advise(p, bytes, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)bytes;
#endif
}

static int grow_slots(kt_graph_i_intern *t)
{
    return grow_slots_to(t, t->nslots ? t->nslots * 2 : 1024);
}

int kt_graph_i_intern_reserve(kt_graph_i_intern *t, size_t n)
{
    uint32_t ns = t->nslots ? t->nslots : 1024;
    if (n > (1u << 30))
        return 0; /* a hint beyond any table keten makes: ignored */
    while ((uint64_t)(n + 1) * 2 > ns)
        ns *= 2;
    return ns > t->nslots ? grow_slots_to(t, ns) : 0;
}

/* Slot j: slots[j], or with pre[] slots[2j], its pre[] word beside it at slots[2j + 1] (one
 * cache line and one page for both: a lookup at millions of ids costs one miss, not two). */
static inline size_t at(const kt_graph_i_intern *t, size_t j)
{
    return t->pre ? 2 * j : j;
}

static int grow_slots_to(kt_graph_i_intern *t, uint32_t ns)
{
    size_t step = t->inline_keys ? 2 : 1;
    uint64_t *slots = calloc((size_t)ns * step, sizeof *slots);
    if (!slots)
        return -1;
    if (t->n) /* every page is written in the rehash below (ids land at random): fault them in
               * now, in order, rather than by its reads (the zero page) and then writes (a copy) */
        populate(slots, (size_t)ns * step * sizeof *slots);
    for (uint32_t k = 0; k < t->nslots; k++) {
        uint64_t x = t->slots[at(t, k)];
        if (!x)
            continue;
        uint32_t j = (uint32_t)(x >> 32) & (ns - 1);
        while (slots[j * step])
            j = (j + 1) & (ns - 1);
        slots[j * step] = x;
        if (step == 2) {
            const char *u = t->str[(uint32_t)x - 1];
            slots[j * 2 + 1] = t->pre ? t->slots[at(t, k) + 1] : pack(u, strlen(u));
        }
    }
    struct kt_graph_i_shared *sh = atomic_load_explicit(&t->shared, memory_order_relaxed), *now = NULL;
    if (sh && !(now = malloc(sizeof *now))) {
        free(slots);
        return -1;
    }
    if (sh) {
        /* readers may be in the old table: it goes when sharing ends */
        now->slots = slots;
        now->nslots = ns;
        now->next = NULL;
        sh->next = t->retired;
        t->retired = sh;
        atomic_store_explicit(&t->shared, now, memory_order_release);
    } else {
        free(t->slots);
    }
    t->slots = slots;
    t->pre = step == 2 ? slots + 1 : NULL;
    t->nslots = ns;
    return 0;
}

int kt_graph_i_intern_share(kt_graph_i_intern *t, int on)
{
    struct kt_graph_i_shared *sh = atomic_load_explicit(&t->shared, memory_order_relaxed);
    if (on && !sh && t->pre) {
        if (!(sh = malloc(sizeof *sh)))
            return -1;
        sh->slots = t->slots;
        sh->nslots = t->nslots;
        sh->next = NULL;
        atomic_store_explicit(&t->shared, sh, memory_order_release);
    } else if (!on && sh) {
        atomic_store_explicit(&t->shared, NULL, memory_order_relaxed);
        free(sh); /* the table itself is t->slots */
        while ((sh = t->retired)) {
            t->retired = sh->next;
            free(sh->slots);
            free(sh);
        }
    }
    return 0;
}

uint32_t kt_graph_i_intern_find_shared(const kt_graph_i_intern *t, uint32_t h, uint64_t pk)
{
    const struct kt_graph_i_shared *sh =
        atomic_load_explicit(&((kt_graph_i_intern *)t)->shared, memory_order_acquire);
    if (!sh || !pk)
        return KT_INTERN_NONE;
    for (uint32_t j = h & (sh->nslots - 1);; j = (j + 1) & (sh->nslots - 1)) {
        uint64_t x = __atomic_load_n(&sh->slots[2 * (size_t)j], __ATOMIC_ACQUIRE);
        if (!x)
            return KT_INTERN_NONE;
        if ((uint32_t)(x >> 32) == h && __atomic_load_n(&sh->slots[2 * (size_t)j + 1], __ATOMIC_RELAXED) == pk)
            return (uint32_t)x - 1;
    }
}

void kt_graph_i_intern_prefetch_shared(const kt_graph_i_intern *t, uint32_t h)
{
    const struct kt_graph_i_shared *sh =
        atomic_load_explicit(&((kt_graph_i_intern *)t)->shared, memory_order_acquire);
    if (sh)
        __builtin_prefetch(&sh->slots[2 * (size_t)(h & (sh->nslots - 1))]);
}

void kt_graph_i_intern_drop_pre(kt_graph_i_intern *t)
{
    if (t->pre) {
        /* in place, front to back: slot j moves from 2j to j, never over one not yet moved */
        for (uint32_t j = 0; j < t->nslots; j++)
            t->slots[j] = t->slots[2 * (size_t)j];
        uint64_t *s = realloc(t->slots, (size_t)(t->nslots ? t->nslots : 1) * sizeof *s);
        if (s)
            t->slots = s;
        t->pre = NULL;
    }
    t->inline_keys = 0;
}

static int same(const kt_graph_i_intern *t, uint32_t j, uint32_t h, const char *s, size_t len, uint64_t pk)
{
    uint64_t x = t->slots[at(t, j)];
    if ((uint32_t)(x >> 32) != h)
        return 0;
    if (t->pre && pk)
        return t->slots[at(t, j) + 1] == pk; /* both 1-8 bytes, or the stored key is longer (0) */
    const char *u = t->str[(uint32_t)x - 1];
    return memcmp(u, s, len) == 0 && u[len] == '\0';
}

void kt_graph_i_intern_prefetch(const kt_graph_i_intern *t, const char *const *s, size_t n)
{
    uint32_t h[128];
    if (!t->nslots)
        return;
    if (n > 128)
        n = 128;
    /* three rounds, each touching what the previous one brought in: the slot, the string
     * pointer, the text */
    for (size_t i = 0; i < n; i++) {
        h[i] = kt_graph_i_hash(s[i], strlen(s[i]));
        __builtin_prefetch(&t->slots[at(t, h[i] & (t->nslots - 1))]);
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t x = t->slots[at(t, h[i] & (t->nslots - 1))];
        if (x && (uint32_t)(x >> 32) == h[i])
            __builtin_prefetch(&t->str[(uint32_t)x - 1]);
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t x = t->slots[at(t, h[i] & (t->nslots - 1))];
        if (x && (uint32_t)(x >> 32) == h[i])
            __builtin_prefetch(t->str[(uint32_t)x - 1]);
    }
}

void kt_graph_i_intern_prefetch_h(const kt_graph_i_intern *t, const uint32_t *h, size_t n)
{
    if (!t->nslots)
        return;
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&t->slots[at(t, h[i] & (t->nslots - 1))]); /* the pre[] word too */
}

uint32_t kt_graph_i_intern_find(const kt_graph_i_intern *t, const char *s, size_t len)
{
    if (!t->nslots)
        return KT_INTERN_NONE;
    uint32_t h = kt_graph_i_hash(s, len);
    uint32_t j = h & (t->nslots - 1);
    for (; t->slots[at(t, j)]; j = (j + 1) & (t->nslots - 1))
        if (same(t, j, h, s, len, pack(s, len)))
            return (uint32_t)t->slots[at(t, j)] - 1;
    return KT_INTERN_NONE;
}

static uint32_t push(kt_graph_i_intern *t, const char *s, size_t len)
{
    if (t->n >= KT_INTERN_ENOMEM - 1)
        return KT_INTERN_ENOMEM;
    if (t->n == t->cap) {
        uint32_t cap = t->cap ? t->cap + t->cap / 2 : 1024;
        char **str = realloc(t->str, (size_t)cap * sizeof *str);
        if (!str)
            return KT_INTERN_ENOMEM;
        t->str = str;
        t->cap = cap;
    }
    char *p = arena_copy(t, s, len);
    if (!p)
        return KT_INTERN_ENOMEM;
    t->str[t->n] = p;
    return t->n++;
}

uint32_t kt_graph_i_intern_append(kt_graph_i_intern *t, const char *s, size_t len)
{
    return push(t, s, len);
}

uint32_t kt_graph_i_intern_add(kt_graph_i_intern *t, const char *s, size_t len, int *added)
{
    return kt_graph_i_intern_add_h(t, s, len, kt_graph_i_hash(s, len), t->inline_keys ? pack(s, len) : 0, added);
}

int kt_graph_i_intern_full(const kt_graph_i_intern *t)
{
    /* grown at 3/4 full (reserved at half): each slot holds the hash, so a longer probe costs
     * compares within a cache line, while a table twice the size costs its pages' first touch
     * (a fault and the kernel's zeroing, 16 bytes a slot) and a rehash */
    return (uint64_t)(t->n + 1) * 4 > (uint64_t)t->nslots * 3;
}

uint32_t kt_graph_i_intern_add_h(kt_graph_i_intern *t, const char *s, size_t len, uint32_t h, uint64_t pk,
                                 int *added)
{
    if (added)
        *added = 0;
    if (kt_graph_i_intern_full(t) && grow_slots(t) != 0)
        return KT_INTERN_ENOMEM;
    uint32_t j = h & (t->nslots - 1);
    for (; t->slots[at(t, j)]; j = (j + 1) & (t->nslots - 1))
        if (same(t, j, h, s, len, pk))
            return (uint32_t)t->slots[at(t, j)] - 1;
    uint32_t i = push(t, s, len);
    if (i == KT_INTERN_ENOMEM)
        return i;
    /* the pre[] word first, then the slot (released): a reader that sees the slot sees both
     * (kt_graph_i_intern_find_shared) */
    if (t->pre)
        __atomic_store_n(&t->slots[at(t, j) + 1], pk, __ATOMIC_RELAXED);
    __atomic_store_n(&t->slots[at(t, j)], ((uint64_t)h << 32) | (i + 1), __ATOMIC_RELEASE);
    if (added)
        *added = 1;
    return i;
}

size_t kt_graph_i_intern_memory(const kt_graph_i_intern *t)
{
    return t->bytes + (size_t)t->cap * sizeof(char *) + (size_t)t->nslots * sizeof *t->slots * (t->pre ? 2 : 1);
}
