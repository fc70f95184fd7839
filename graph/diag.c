/* diag.c: the list of problems found in input (see kt_diag.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kt_diag.h"
#include "kt_mem.h"

struct kt_diags {
    kt_diag *v;
    size_t n, cap;
    size_t errors, warnings; /* counted, stored or not */
    size_t dropped;
    size_t seq;
    size_t cap_per_code; /* 0: KT_DIAGS_MAX */
    /* per-code counts, to cap a flood of one problem: a small list of (code, count) */
    const char **codes;
    size_t *code_n;
    size_t ncodes, codes_cap;
    kt_skip *skips; /* kinds are malloc'd */
    size_t nskips, skips_cap;
};

kt_diags *kt_diags_new(void)
{
    return calloc(1, sizeof(kt_diags));
}

void kt_diags_free(kt_diags *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].msg);
        free(d->v[i].record);
    }
    free(d->v);
    free(d->codes);
    free(d->code_n);
    for (size_t i = 0; i < d->nskips; i++)
        free((char *)d->skips[i].kind);
    free(d->skips);
    free(d);
}

/* How many of this code are stored already; registers the code.  Returns SIZE_MAX on ENOMEM. */
static size_t code_bump(kt_diags *d, const char *code)
{
    for (size_t i = 0; i < d->ncodes; i++)
        if (d->codes[i] == code || strcmp(d->codes[i], code) == 0)
            return d->code_n[i]++;
    if (d->ncodes == d->codes_cap) {
        size_t cap = d->codes_cap ? d->codes_cap * 2 : 16;
        const char **c = realloc(d->codes, cap * sizeof *c);
        if (!c)
            return SIZE_MAX;
        d->codes = c;
        size_t *n = realloc(d->code_n, cap * sizeof *n);
        if (!n)
            return SIZE_MAX;
        d->code_n = n;
        d->codes_cap = cap;
    }
    d->codes[d->ncodes] = code;
    d->code_n[d->ncodes++] = 1;
    return 0;
}

kt_err kt_diags_add(kt_diags *d, kt_severity sev, const char *code, uint32_t file, long line,
                    const char *record, const char *fmt, ...)
{
    va_list ap;
    char buf[512];
    size_t have;

    if (!d)
        return KT_OK;
    if (sev == KT_SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
    have = code_bump(d, code);
    if (have == SIZE_MAX)
        return KT_ENOMEM;
    if (have >= (d->cap_per_code ? d->cap_per_code : KT_DIAGS_MAX)) {
        d->dropped++;
        return KT_OK;
    }
    if (kt_grow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v) != KT_OK)
        return KT_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    kt_diag *x = &d->v[d->n];
    x->sev = sev;
    x->code = code;
    x->file = file;
    x->line = line;
    x->seq = d->seq++;
    x->msg = strdup(buf);
    x->record = record ? strdup(record) : NULL;
    if (!x->msg || (record && !x->record)) {
        free(x->msg);
        free(x->record);
        return KT_ENOMEM;
    }
    d->n++;
    return KT_OK;
}

void kt_diags_set_cap(kt_diags *d, size_t max)
{
    d->cap_per_code = max;
}

size_t kt_diags_count(const kt_diags *d) { return d ? d->n : 0; }
const kt_diag *kt_diags_get(const kt_diags *d, size_t i) { return &d->v[i]; }
size_t kt_diags_errors(const kt_diags *d) { return d ? d->errors : 0; }
size_t kt_diags_warnings(const kt_diags *d) { return d ? d->warnings : 0; }
int kt_diags_has_errors(const kt_diags *d) { return d && d->errors > 0; }
size_t kt_diags_dropped(const kt_diags *d) { return d ? d->dropped : 0; }

static int cmp_diag(const void *a, const void *b)
{
    const kt_diag *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_skip(const void *x, const void *y);

void kt_diags_sort(kt_diags *d)
{
    if (d && d->n > 1)
        qsort(d->v, d->n, sizeof *d->v, cmp_diag);
    if (d && d->nskips > 1)
        qsort(d->skips, d->nskips, sizeof *d->skips, cmp_skip);
}

kt_err kt_diags_skip(kt_diags *d, uint32_t file, const char *kind)
{
    size_t in_file = 0;
    if (!d)
        return KT_OK;
    for (size_t i = 0; i < d->nskips; i++) {
        if (d->skips[i].file != file)
            continue;
        in_file++;
        if (strcmp(d->skips[i].kind, kind) == 0) {
            d->skips[i].count++;
            return KT_OK;
        }
    }
    if (in_file >= KT_SKIP_KINDS && strcmp(kind, "other") != 0)
        return kt_diags_skip(d, file, "other");
    if (kt_grow((void **)&d->skips, &d->skips_cap, d->nskips + 1, sizeof *d->skips) != KT_OK)
        return KT_ENOMEM;
    size_t n = strlen(kind) + 1;
    char *k = malloc(n);
    if (!k)
        return KT_ENOMEM;
    memcpy(k, kind, n);
    d->skips[d->nskips++] = (kt_skip){file, k, 1};
    return KT_OK;
}

size_t kt_diags_skip_count(const kt_diags *d)
{
    return d ? d->nskips : 0;
}

const kt_skip *kt_diags_skip_get(const kt_diags *d, size_t i)
{
    return i < d->nskips ? &d->skips[i] : NULL;
}

static int cmp_skip(const void *x, const void *y)
{
    const kt_skip *a = x, *b = y;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    return strcmp(a->kind, b->kind);
}

size_t kt_diags_code_count(const kt_diags *d) { return d ? d->ncodes : 0; }

const char *kt_diags_code(const kt_diags *d, size_t i, size_t *dropped)
{
    *dropped = d->code_n[i] > KT_DIAGS_MAX ? d->code_n[i] - KT_DIAGS_MAX : 0;
    return d->codes[i];
}

kt_err kt_diags_add_dropped(kt_diags *d, kt_severity sev, const char *code, size_t n)
{
    if (!d || !n)
        return KT_OK;
    size_t have = code_bump(d, code);
    if (have == SIZE_MAX)
        return KT_ENOMEM;
    for (size_t i = 0; i < d->ncodes; i++)
        if (d->codes[i] == code || strcmp(d->codes[i], code) == 0)
            d->code_n[i] += n - 1;
    if (sev == KT_SEV_ERROR)
        d->errors += n;
    else
        d->warnings += n;
    d->dropped += n;
    return KT_OK;
}

kt_err kt_diags_append(kt_diags *d, const kt_diags *from)
{
    kt_err rc = KT_OK;
    for (size_t i = 0; rc == KT_OK && i < from->n; i++) {
        const kt_diag *x = &from->v[i];
        rc = kt_diags_add(d, x->sev, x->code, x->file, x->line, x->record, "%s", x->msg);
    }
    /* what from counted beyond its cap came after all it stored of that code */
    for (size_t c = 0; rc == KT_OK && c < from->ncodes; c++) {
        size_t dropped;
        const char *code = kt_diags_code(from, c, &dropped);
        kt_severity sev = KT_SEV_WARNING;
        for (size_t i = 0; dropped && i < from->n; i++)
            if (from->v[i].code == code) {
                sev = from->v[i].sev; /* a code has one severity */
                break;
            }
        rc = kt_diags_add_dropped(d, sev, code, dropped);
    }
    return rc;
}
