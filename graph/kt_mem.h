/* kt_mem.h: growing an array, the one way keten does it.
 *
 * Every growing array (entities, diagnostics, paths, diagram nodes, text buffers) grows through
 * kt_grow: capacity doubles, so appending n elements costs O(n) in all, and every size is checked
 * for overflow before it is multiplied, so a huge count fails with KT_ENOMEM instead of
 * allocating a wrapped-around small block. */
#ifndef KT_MEM_H
#define KT_MEM_H

#include <stddef.h>

#include "kt_error.h"

/* Make *arr hold at least need elements of elem bytes: *cap doubles (from 16) until it does,
 * and *arr is reallocated.  On failure (no memory, or need * elem beyond SIZE_MAX) *arr and
 * *cap are left as they were and the result is KT_ENOMEM.  Example:
 *     if (kt_grow((void **)&v, &cap, n + 1, sizeof *v) != KT_OK) goto nomem;
 *     v[n++] = x; */
kt_err kt_grow(void **arr, size_t *cap, size_t need, size_t elem);

#endif
