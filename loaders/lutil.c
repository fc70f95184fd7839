/* lutil.c: helpers the real-data loaders share: a string map, an RFC 4180 CSV reader, a
 * JSON "array or JSON Lines" record iterator, strict numbers and dates (see load_i.h). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
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

const char *kt_load_i_basename(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* ---- CSV ---- */

void kt_load_i_csv_init(kt_load_csv *r)
{
    memset(r, 0, sizeof *r);
}

void kt_load_i_csv_destroy(kt_load_csv *r)
{
    free(r->text);
    free(r->fields);
    memset(r, 0, sizeof *r);
}

static int csv_push(kt_load_csv *r, size_t start)
{
    if (kt_grow((void **)&r->fields, &r->fcap, r->n + 1, sizeof *r->fields) != KT_OK)
        return -1;
    r->fields[r->n++] = start;
    return 0;
}

static int text_put(kt_load_csv *r, char ch)
{
    if (r->len + 1 >= r->cap && kt_grow((void **)&r->text, &r->cap, r->len + 2, 1) != KT_OK)
        return -1;
    r->text[r->len++] = ch;
    return 0;
}

int kt_load_i_csv_next(kt_load_csv *r, kt_src *s, kt_load_ctx *c, size_t ncols, kt_err *rc)
{
    int got;
    while (*rc == KT_OK && (got = kt_load_i_csv_row(r, s, c)) != 0) {
        if (got < 0) {
            *rc = KT_ENOMEM;
            break;
        }
        if (got == 2)
            continue;
        if (r->n != ncols) {
            *rc = kt_diags_add(c->d, KT_SEV_ERROR, "csv_malformed", c->file, r->line, NULL,
                               "row has %zu fields, the header %zu", r->n, ncols);
            continue;
        }
        return 1;
    }
    return 0;
}

int kt_load_i_csv_row(kt_load_csv *r, kt_src *s, kt_load_ctx *c)
{
    char *line;
    size_t len;
    int got, in_q = 0, was_q = 0;

    r->n = r->len = 0;
    /* skip blank lines */
    do {
        got = kt_load_i_src_line(s, &line, &len);
        if (got <= 0)
            return got;
    } while (len == 0);
    r->line = s->lineno;
    if (r->line == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        len -= 3;
    }
    if (csv_push(r, 0) != 0)
        return -1;
    for (;;) {
        for (size_t i = 0; i < len; i++) {
            char ch = line[i];
            if (in_q) {
                if (ch == '"') {
                    if (i + 1 < len && line[i + 1] == '"') {
                        if (text_put(r, '"') != 0)
                            return -1;
                        i++;
                    } else {
                        in_q = 0;
                        was_q = 1;
                    }
                } else if (text_put(r, ch) != 0) {
                    return -1;
                }
            } else if (ch == ',') {
                if (text_put(r, '\0') != 0 || csv_push(r, r->len) != 0)
                    return -1;
                was_q = 0;
            } else if (ch == '"' && r->len == r->fields[r->n - 1] && !was_q) {
                in_q = 1;
            } else if (ch == '"') {
                kt_diags_add(c->d, KT_SEV_ERROR, "csv_malformed", c->file, s->lineno, NULL,
                             "malformed CSV: stray quote in field %zu", r->n);
                return 2;
            } else if (text_put(r, ch) != 0) {
                return -1;
            }
        }
        if (!in_q)
            break;
        /* a quoted field goes on over the line break */
        if (text_put(r, '\n') != 0)
            return -1;
        got = kt_load_i_src_line(s, &line, &len);
        if (got < 0)
            return -1;
        if (got == 0) {
            kt_diags_add(c->d, KT_SEV_ERROR, "csv_malformed", c->file, r->line, NULL,
                         "malformed CSV: quoted field not closed before end of input");
            return 2;
        }
    }
    if (text_put(r, '\0') != 0)
        return -1;
    return 1;
}

const char *kt_load_i_csv_field(const kt_load_csv *r, size_t i)
{
    return i < r->n ? r->text + r->fields[i] : "";
}

/* ---- JSON records: a top-level array, or JSON Lines ---- */

kt_err kt_load_i_json_records(kt_load_ctx *c, kt_src *s, const char *key, kt_load_rec_fn fn, void *ud)
{
    const char *p;
    size_t n = kt_load_i_src_peek(s, 1u << 16, &p), i = 0;
    kt_err rc = KT_OK;

    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        s->pos += 3;
        n = kt_load_i_src_peek(s, 1u << 16, &p);
    }
    while (i < n && isspace((unsigned char)p[i]))
        i++;
    if (i == n)
        return kt_diags_add(c->d, KT_SEV_WARNING, "file_empty", c->file, 0, NULL, "file is empty");
    if (p[i] == '[' || (key && p[i] == '{')) {
        const char *text;
        size_t len, nlines = 0, k = 0;
        long *lines = NULL;
        cJSON *doc, *arr;
        if (kt_load_i_src_all(s, &text, &len) != 0)
            return KT_ENOMEM;
        if (!(doc = kt_load_i_json_parse(c, text, len, 1)))
            return KT_OK;
        arr = p[i] == '[' ? doc : cJSON_GetObjectItemCaseSensitive(doc, key);
        if (!cJSON_IsArray(arr)) {
            rc = kt_diags_add(c->d, KT_SEV_ERROR, "record_type", c->file, 1, NULL,
                              p[i] == '[' ? "document must be a JSON array" : "\"%s\" must be an array", key);
            goto out_doc;
        }
        if (kt_load_i_json_elem_lines(text, len, arr == doc ? NULL : key, &lines, &nlines) != 0) {
            rc = KT_ENOMEM;
            goto out_doc;
        }
        while (arr->child && rc == KT_OK) {
            cJSON *o = cJSON_DetachItemViaPointer(arr, arr->child);
            rc = fn(c, o, k < nlines ? lines[k] : 1, ud);
            k++;
        }
        free(lines);
    out_doc:
        cJSON_Delete(doc);
        return rc;
    }
    cJSON *o;
    int r;
    while ((r = kt_load_i_json_line(c, s, &o)) == 1)
        if (o && (rc = fn(c, o, s->lineno, ud)) != KT_OK)
            return rc;
    return r < 0 ? KT_ENOMEM : KT_OK;
}

cJSON *kt_load_i_json_doc(kt_load_ctx *c, kt_src *s, const char **text, size_t *len)
{
    if (kt_load_i_src_all(s, text, len) != 0)
        return NULL;
    if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {
        *text += 3;
        *len -= 3;
    }
    return kt_load_i_json_parse(c, *text, *len, 1);
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
