/* mem.c: kt_grow (see kt_mem.h). */
#include <stdint.h>
#include <stdlib.h>

#include "kt_mem.h"

kt_err kt_grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return KT_OK;
    if (elem == 0 || need > SIZE_MAX / elem)
        return KT_ENOMEM;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c = c > SIZE_MAX / 2 ? need : c * 2;
    if (c > SIZE_MAX / elem)
        c = need; /* the doubling overshot what fits: take exactly what is needed */
    void *p = realloc(*arr, c * elem);
    if (!p)
        return KT_ENOMEM;
    *arr = p;
    *cap = c;
    return KT_OK;
}
