/* intern.c: string interning (see intern.h). */
#include <stdlib.h>
#include <string.h>

#include "intern.h"

#define BLOCK_SIZE (1u << 20)

static uint32_t hash_bytes(const char *s, size_t len)
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

void kt_graph_i_intern_destroy(kt_graph_i_intern *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nblocks; i++)
        free(t->blocks[i]);
    free(t->blocks);
    free(t->str);
    free(t->hash);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static char *arena_copy(kt_graph_i_intern *t, const char *s, size_t len)
{
    if (t->block_used + len + 1 > t->block_cap) {
        size_t cap = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
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

static int grow_slots(kt_graph_i_intern *t)
{
    uint32_t ns = t->nslots ? t->nslots * 2 : 1024;
    uint32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    for (uint32_t i = 0; i < t->n; i++) {
        uint32_t j = t->hash[i] & (ns - 1);
        while (slots[j])
            j = (j + 1) & (ns - 1);
        slots[j] = i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
    return 0;
}

uint32_t kt_graph_i_intern_find(const kt_graph_i_intern *t, const char *s, size_t len)
{
    if (!t->nslots)
        return KT_INTERN_NONE;
    uint32_t h = hash_bytes(s, len);
    uint32_t j = h & (t->nslots - 1);
    while (t->slots[j]) {
        uint32_t i = t->slots[j] - 1;
        if (t->hash[i] == h && strncmp(t->str[i], s, len) == 0 && t->str[i][len] == '\0')
            return i;
        j = (j + 1) & (t->nslots - 1);
    }
    return KT_INTERN_NONE;
}

uint32_t kt_graph_i_intern_add(kt_graph_i_intern *t, const char *s, size_t len, int *added)
{
    if (added)
        *added = 0;
    if ((uint64_t)(t->n + 1) * 2 > t->nslots && grow_slots(t) != 0)
        return KT_INTERN_ENOMEM;
    uint32_t h = hash_bytes(s, len);
    uint32_t j = h & (t->nslots - 1);
    while (t->slots[j]) {
        uint32_t i = t->slots[j] - 1;
        if (t->hash[i] == h && strncmp(t->str[i], s, len) == 0 && t->str[i][len] == '\0')
            return i;
        j = (j + 1) & (t->nslots - 1);
    }
    if (t->n >= KT_INTERN_ENOMEM - 1)
        return KT_INTERN_ENOMEM;
    if (t->n == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 1024;
        char **str = realloc(t->str, (size_t)cap * sizeof *str);
        if (!str)
            return KT_INTERN_ENOMEM;
        t->str = str;
        uint32_t *hh = realloc(t->hash, (size_t)cap * sizeof *hh);
        if (!hh)
            return KT_INTERN_ENOMEM;
        t->hash = hh;
        t->cap = cap;
    }
    char *p = arena_copy(t, s, len);
    if (!p)
        return KT_INTERN_ENOMEM;
    t->str[t->n] = p;
    t->hash[t->n] = h;
    t->slots[j] = t->n + 1;
    if (added)
        *added = 1;
    return t->n++;
}

size_t kt_graph_i_intern_memory(const kt_graph_i_intern *t)
{
    return t->bytes + (size_t)t->cap * (sizeof(char *) + sizeof(uint32_t)) +
           (size_t)t->nslots * sizeof(uint32_t);
}
