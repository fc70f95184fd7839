/* lutil.c: small helpers the loaders share: a string map, a growable string, strict numbers
 * and dates, countries in the wild (see load_i.h). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

/* ---- string map ---- */

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

void kt_load_i_map_init(kt_load_map *m)
{
    memset(m, 0, sizeof *m);
}

void kt_load_i_map_destroy(kt_load_map *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

static int map_grow(kt_load_map *m)
{
    size_t ns = m->nslots ? m->nslots * 2 : 64;
    size_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->n; i++) {
        size_t h = (size_t)hash_str(m->keys[i], strlen(m->keys[i])) & (ns - 1);
        while (slots[h])
            h = (h + 1) & (ns - 1);
        slots[h] = i + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = ns;
    return 0;
}

size_t *kt_load_i_map_get(kt_load_map *m, const char *key, int create)
{
    size_t len = strlen(key);
    if (m->nslots) {
        size_t h = (size_t)hash_str(key, len) & (m->nslots - 1);
        while (m->slots[h]) {
            size_t i = m->slots[h] - 1;
            if (strcmp(m->keys[i], key) == 0)
                return &m->vals[i];
            h = (h + 1) & (m->nslots - 1);
        }
    }
    if (!create)
        return NULL;
    if ((m->n + 1) * 2 > m->nslots && map_grow(m) != 0)
        return NULL;
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 64;
        char **k = realloc(m->keys, nc * sizeof *k);
        if (!k)
            return NULL;
        m->keys = k;
        size_t *v = realloc(m->vals, nc * sizeof *v);
        if (!v)
            return NULL;
        m->vals = v;
        m->cap = nc;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, key, len + 1);
    size_t h = (size_t)hash_str(key, len) & (m->nslots - 1);
    while (m->slots[h])
        h = (h + 1) & (m->nslots - 1);
    m->slots[h] = m->n + 1;
    m->keys[m->n] = copy;
    m->vals[m->n] = KT_MAP_NEW;
    return &m->vals[m->n++];
}

/* ---- growable string ---- */

int kt_load_i_buf_printf(kt_load_buf *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s : "", b->s ? b->cap : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return -1;
        if ((size_t)n < b->cap)
            return 0;
        char *s = realloc(b->s, (size_t)n + 1);
        if (!s)
            return -1;
        b->s = s;
        b->cap = (size_t)n + 1;
    }
}

/* ---- numbers and dates ---- */

int kt_load_i_number(const char *s, double *out)
{
    char *end;
    if (!s)
        return -1;
    while (isspace((unsigned char)*s))
        s++;
    if (!*s)
        return -1;
    errno = 0;
    double v = strtod(s, &end);
    while (isspace((unsigned char)*end))
        end++;
    if (*end || errno == ERANGE || !isfinite(v))
        return -1;
    /* strtod also accepts hex floats, "inf" and "nan": only plain decimals here */
    for (const char *p = s; p < end; p++)
        if (!(isdigit((unsigned char)*p) || strchr("+-.eE", *p) || isspace((unsigned char)*p)))
            return -1;
    *out = v;
    return 0;
}

int kt_load_i_is_date(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    if (n >= 7) {
        int mo = (s[5] - '0') * 10 + (s[6] - '0');
        if (mo < 1 || mo > 12)
            return 0;
    }
    if (n == 10) {
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (d < 1 || d > 31)
            return 0;
    }
    return 1;
}

const char *kt_load_i_date(kt_load_ctx *c, const char *s, char out[11], long line, const char *record)
{
    size_t n;
    if (!s || !*s)
        return NULL;
    /* date-times ("2017-11-01T00:00:00Z") keep their date */
    n = strlen(s);
    if (n > 10 && s[10] == 'T')
        n = 10;
    if (n <= 10) {
        memcpy(out, s, n);
        out[n] = '\0';
        if (kt_load_i_is_date(out))
            return out;
    }
    kt_diags_add(c->d, KT_SEV_WARNING, "date_invalid", c->file, line, record,
                 "date \"%.40s\" is not an ISO date and is left out", s);
    return NULL;
}

int kt_load_i_has(const char *head, size_t len, const char *needle)
{
    return memmem(head, len, needle, strlen(needle)) != NULL;
}

const char *kt_load_i_basename(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

const char *kt_load_i_jstr(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

const char *kt_load_i_country(kt_load_ctx *c, const char *s, const char *code, long line, const char *record)
{
    const char *a2;
    if (!s || !*s)
        return NULL;
    if ((a2 = kt_country_normalise(s)) != NULL)
        return a2;
    kt_diags_add(c->d, KT_SEV_WARNING, code, c->file, line, record, "country \"%.60s\" is not recognised and is left out",
                 s);
    return NULL;
}
