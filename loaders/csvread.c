/* csvread.c: the RFC 4180 reader the CSV and GLEIF loaders share (see load_i.h): quoted fields
 * over line breaks, doubled quotes, rows of a fixed width. */
#include <stdlib.h>
#include <string.h>

#include "../graph/kt_mem.h"
#include "load_i.h"

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

