/* vmap.c: vertex -> dense index hash map (see kt_vmap.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
#include "kt_vmap.h"

void kt_vmap_init(kt_vmap *m) { memset(m, 0, sizeof *m); }

void kt_vmap_destroy(kt_vmap *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static size_t slot_of(igraph_integer_t v, size_t cap)
{
    /* Fibonacci hashing: vertex ids are dense, so spread them */
    uint64_t h = (uint64_t)v * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 17) & (cap - 1);
}

igraph_integer_t kt_vmap_get(const kt_vmap *m, igraph_integer_t v)
{
    if (!m->cap)
        return -1;
    for (size_t s = slot_of(v, m->cap);; s = (s + 1) & (m->cap - 1)) {
        if (m->keys[s] == 0)
            return -1;
        if (m->keys[s] == v + 1)
            return m->vals[s];
    }
}

static kt_err rehash(kt_vmap *m, size_t cap)
{
    igraph_integer_t *k = calloc(cap, sizeof *k), *x = malloc(cap * sizeof *x);
    if (!k || !x) {
        free(k);
        free(x);
        return KT_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t s = slot_of(m->keys[i] - 1, cap);
        while (k[s])
            s = (s + 1) & (cap - 1);
        k[s] = m->keys[i];
        x[s] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = k;
    m->vals = x;
    m->cap = cap;
    return KT_OK;
}

kt_err kt_vmap_put(kt_vmap *m, igraph_integer_t v, igraph_integer_t *index, int *fresh)
{
    kt_err rc;
    /* keep the load at most one half, so probes stay short */
    if ((m->n + 1) * 2 > m->cap && (rc = rehash(m, m->cap ? m->cap * 2 : 64)) != KT_OK)
        return rc;
    size_t s = slot_of(v, m->cap);
    while (m->keys[s] && m->keys[s] != v + 1)
        s = (s + 1) & (m->cap - 1);
    if (m->keys[s]) {
        *index = m->vals[s];
        *fresh = 0;
        return KT_OK;
    }
    m->keys[s] = v + 1;
    m->vals[s] = (igraph_integer_t)m->n++;
    *index = m->vals[s];
    *fresh = 1;
    return KT_OK;
}

kt_err kt_vmap_grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    return kt_grow(arr, cap, n, elem);
}
