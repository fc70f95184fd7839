/* csv.c: keten's native fields as CSV columns: an entities file (columns id, type, name,
 * country, state_owned, listed, complete, source, tags, identifiers.SCHEME) or a relations
 * file (columns rel, from, to, share, votes, basis, item, sole_source, scope, qty, country,
 * role, since, until, source).  The header decides which; the file name does not matter.
 *
 * Each row becomes the native record it stands for and goes through the native loader's
 * checks, so messages and codes are the native format's, at the row's line.  Cells: empty
 * means not given; booleans true/false (also yes/no, 1/0); share and votes a number or a
 * range "MIN-MAX"; tags separated by ';'.  A cell that does not parse is passed on as text,
 * so the native checks report it (field_type).
 * Complexity: O(input size); streams row by row. */
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

static int is_col(const char *h, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(h, *names) == 0)
            return 1;
    return 0;
}

static cJSON *cell(const char *h, const char *v)
{
    static const char *const bools[] = {"state_owned", "listed", "complete", "sole_source", NULL};
    static const char *const shares[] = {"share", "votes", NULL};
    double a, b;

    if (is_col(h, bools)) {
        if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "1"))
            return cJSON_CreateTrue();
        if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "0"))
            return cJSON_CreateFalse();
    } else if (is_col(h, shares)) {
        const char *dash = strchr(v + 1, '-');
        if (kt_load_i_number(v, &a) == 0)
            return cJSON_CreateNumber(a);
        if (dash && *v != '-') {
            char lo[64];
            size_t n = (size_t)(dash - v);
            if (n < sizeof lo) {
                memcpy(lo, v, n);
                lo[n] = '\0';
                if (kt_load_i_number(lo, &a) == 0 && kt_load_i_number(dash + 1, &b) == 0) {
                    cJSON *o = cJSON_CreateObject();
                    if (o && (!cJSON_AddNumberToObject(o, "min", a) || !cJSON_AddNumberToObject(o, "max", b))) {
                        cJSON_Delete(o);
                        return NULL;
                    }
                    return o;
                }
            }
        }
    } else if (strcmp(h, "qty") == 0) {
        if (kt_load_i_number(v, &a) == 0)
            return cJSON_CreateNumber(a);
    } else if (strcmp(h, "tags") == 0) {
        cJSON *arr = cJSON_CreateArray();
        const char *p = v;
        while (arr && *p) {
            const char *e = strchr(p, ';');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char *t = malloc(n + 1);
            cJSON *s = NULL;
            if (t) {
                memcpy(t, p, n);
                t[n] = '\0';
                s = cJSON_CreateString(t);
                free(t);
            }
            if (!s || !cJSON_AddItemToArray(arr, s)) {
                cJSON_Delete(s);
                cJSON_Delete(arr);
                return NULL;
            }
            p += n + (e ? 1 : 0);
        }
        return arr;
    }
    return cJSON_CreateString(v);
}

kt_err kt_load_i_csv(kt_load_ctx *c, kt_src *s)
{
    kt_load_csv r;
    char **head = NULL;
    size_t nh = 0;
    kt_err rc = KT_OK;
    int got, rel = -1;

    kt_load_i_csv_init(&r);
    got = kt_load_i_csv_row(&r, s, c);
    if (got <= 0 || got == 2) {
        rc = got < 0 ? KT_ENOMEM
                     : got == 0 ? kt_diags_add(c->d, KT_SEV_WARNING, "file_empty", c->file, 0, NULL, "file is empty")
                                : KT_OK;
        goto out;
    }
    nh = r.n;
    if (!(head = calloc(nh, sizeof *head))) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < nh; i++) {
        const char *h = kt_load_i_csv_field(&r, i);
        size_t n = strlen(h) + 1;
        if (!(head[i] = malloc(n))) {
            rc = KT_ENOMEM;
            goto out;
        }
        memcpy(head[i], h, n);
        if (strcmp(h, "rel") == 0)
            rel = 1;
        else if (strcmp(h, "type") == 0 && rel < 0)
            rel = 0;
    }
    if (rel < 0) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "csv_header", c->file, r.line, NULL,
                          "CSV header needs a \"rel\" column (relations) or \"id\" and \"type\" (entities)");
        goto out;
    }
    while (kt_load_i_csv_next(&r, s, c, nh, &rc)) {
        cJSON *o = cJSON_CreateObject(), *ids = NULL;
        if (!o) {
            rc = KT_ENOMEM;
            break;
        }
        for (size_t i = 0; i < nh && rc == KT_OK; i++) {
            const char *v = kt_load_i_csv_field(&r, i);
            cJSON *x;
            if (!*v)
                continue;
            if (strncmp(head[i], "identifiers.", 12) == 0 && !rel) {
                if (!ids && !(ids = cJSON_AddObjectToObject(o, "identifiers")))
                    rc = KT_ENOMEM;
                else if (!cJSON_AddStringToObject(ids, head[i] + 12, v))
                    rc = KT_ENOMEM;
                continue;
            }
            if (!(x = cell(head[i], v)) || !cJSON_AddItemToObject(o, head[i], x)) {
                cJSON_Delete(x);
                rc = KT_ENOMEM;
            }
        }
        if (rc == KT_OK) {
            if (rel && !cJSON_GetObjectItemCaseSensitive(o, "rel"))
                rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, r.line, NULL, "relation has no \"rel\"");
            else if (!rel && !cJSON_GetObjectItemCaseSensitive(o, "type"))
                rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, r.line, NULL, "entity has no \"type\"");
            else
                rc = kt_load_i_native_record(c, o, r.line);
        }
        cJSON_Delete(o);
    }
out:
    for (size_t i = 0; head && i < nh; i++)
        free(head[i]);
    free(head);
    kt_load_i_csv_destroy(&r);
    return rc;
}

int kt_load_i_csv_detect(const char *head, size_t len, size_t first)
{
    return len && head[0] != '{' && head[0] != '[' && memchr(head, ',', first) != NULL;
}
