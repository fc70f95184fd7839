/* measures.c: the policy's catalogue of measures (see kt_measures.h). */
#include <stdlib.h>
#include <string.h>

#include "kt_measures.h"

struct kt_measures {
    kt_measure *v;
    size_t n, cap;
};

static const char *const kind_names[KT_MK__COUNT] = {"party",         "ownership", "control", "supplier",
                                                     "subcontractor", "component", "access",  "unknown"};

kt_measures *kt_measures_new(void) { return calloc(1, sizeof(kt_measures)); }

static void measure_destroy(kt_measure *m)
{
    free(m->id);
    free(m->title);
    free(m->requirement);
    free(m->source);
}

void kt_measures_free(kt_measures *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        measure_destroy(&c->v[i]);
    free(c->v);
    free(c);
}

static char *dup(const char *s, int *bad)
{
    char *d = strdup(s ? s : "");
    *bad |= !d;
    return d;
}

kt_err kt_measures_add(kt_measures *c, const kt_measure *m)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].id, m->id) == 0)
            return KT_EINVALID;
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 8;
        kt_measure *nv = realloc(c->v, nc * sizeof *nv);
        if (!nv)
            return KT_ENOMEM;
        c->v = nv;
        c->cap = nc;
    }
    int bad = 0;
    kt_measure x = {dup(m->id, &bad), dup(m->title, &bad), dup(m->requirement, &bad), dup(m->source, &bad),
                    m->kinds, m->line};
    if (bad) {
        measure_destroy(&x);
        return KT_ENOMEM;
    }
    c->v[c->n++] = x;
    return KT_OK;
}

size_t kt_measures_count(const kt_measures *c) { return c ? c->n : 0; }
const kt_measure *kt_measures_get(const kt_measures *c, size_t i) { return &c->v[i]; }

size_t kt_measures_for(const kt_measures *c, unsigned kinds, size_t *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < kt_measures_count(c); i++)
        if (c->v[i].kinds & kinds) {
            if (n < cap)
                out[n] = i;
            n++;
        }
    return n;
}

const char *kt_measure_kind_name(unsigned bit)
{
    for (int i = 0; i < KT_MK__COUNT; i++)
        if (bit == 1u << i)
            return kind_names[i];
    return "?";
}

int kt_measure_kind_parse(const char *s, unsigned *bits)
{
    if (strcmp(s, "any") == 0) {
        *bits = KT_MK_ANY;
        return 0;
    }
    for (int i = 0; i < KT_MK__COUNT; i++)
        if (strcmp(s, kind_names[i]) == 0) {
            *bits = 1u << i;
            return 0;
        }
    return -1;
}
