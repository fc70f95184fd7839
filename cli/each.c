/* each.c: output item by item on every thread, written in order (cli.h, kt_cli_each). */
#include <stdio.h>
#include <stdlib.h>

#include "../analyses/kt_screen.h"
#include "cli.h"

typedef struct {
    int (*one)(FILE *out, size_t i, void *ctx);
    void *ctx;
    size_t base;   /* the batch's first item */
    char **text;   /* per item of the batch: what it wrote, NULL when out of memory */
    size_t *len;
} each_job;

static void each_task(void *arg, size_t i, int w)
{
    each_job *j = arg;
    FILE *m = open_memstream(&j->text[i], &j->len[i]);
    (void)w;
    if (!m) {
        j->text[i] = NULL;
        return;
    }
    int bad = j->one(m, j->base + i, j->ctx) != 0 || ferror(m);
    if (fclose(m) != 0 || bad) {
        free(j->text[i]);
        j->text[i] = NULL;
    }
    kt_cli_text_release(); /* this thread's escaping buffers: the next item may be on another */
}

enum { BATCH = 64 }; /* items per thread in a batch */

int kt_cli_each(FILE *f, size_t n, int (*one)(FILE *out, size_t i, void *ctx), void *ctx)
{
    int threads = kt_screen_threads(kt_load_get_threads());
    if (threads <= 1 || n <= 1) {
        for (size_t i = 0; i < n; i++)
            if (one(f, i, ctx) != 0)
                return -1;
        return 0;
    }
    size_t per = (size_t)threads * BATCH;
    each_job j = {one, ctx, 0, calloc(per, sizeof *j.text), calloc(per, sizeof *j.len)};
    int rc = j.text && j.len ? 0 : -1;
    for (size_t at = 0; rc == 0 && at < n; at += per) {
        size_t k = n - at < per ? n - at : per;
        j.base = at;
        kt_screen_parallel(threads, k, each_task, &j);
        for (size_t i = 0; i < k; i++) {
            if (!j.text[i])
                rc = -1;
            else if (rc == 0)
                fwrite(j.text[i], 1, j.len[i], f);
            free(j.text[i]);
            j.text[i] = NULL;
        }
    }
    free(j.text);
    free(j.len);
    return rc;
}
