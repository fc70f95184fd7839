/* text_fuzz.c: libFuzzer target for what reads or writes text outside the graph loaders: the
 * tender and policy readers, and the writers that put data in front of people (terminal text,
 * Markdown, code spans, CSV cells, Graphviz labels).  The first byte picks the target; the
 * writers are checked for what they promise (no control byte gets through, Markdown cannot
 * open markup, a CSV cell stays one quoted cell), and abort() when they break it.
 * Build and run: make fuzz (FUZZ_SECONDS per target). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cli/cli.h"
#include "../../graph/kt_text.h"
#include "../../loaders/kt_load.h"
#include "../../viz/viz_i.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* No byte below 0x20 (but the writer's own newline at the end, when nl), no DEL. */
static void no_controls(const char *s, size_t n, int nl)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && !(nl && ch == '\n' && i + 1 == n)) || ch == 0x7f)
            abort();
    }
}

/* What fn writes for s, in memory (the caller frees it); NULL when there is no memory. */
static char *written(void (*fn)(FILE *, const char *), const char *s, size_t *n)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, n);
    if (!f)
        return NULL;
    fn(f, s);
    fclose(f);
    return out;
}

/* Write with fn into memory and check the result. */
static void through(void (*fn)(FILE *, const char *), const char *s, int mode)
{
    size_t n = 0;
    char *out = written(fn, s, &n);
    if (!out)
        return;
    no_controls(out, n, 0);
    if (mode == 1) {
        /* Markdown text: every < [ ] ` * _ | & is escaped by a backslash that is not itself escaped */
        size_t bs = 0;
        for (size_t i = 0; i < n; i++) {
            if (strchr("<[]`*_|&", out[i]) && bs % 2 == 0)
                abort();
            bs = out[i] == '\\' ? bs + 1 : 0;
        }
    }
    free(out);
}

static void csv_cell(FILE *f, const char *s)
{
    kt_cli_csv_cell(f, s, 1, ',');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init) {
        kt_graph_init_library();
        init = 1;
    }
    if (size < 1)
        return 0;
    const char *pin = getenv("FUZZ_TARGET");
    int which = pin ? atoi(pin) : data[0] % 6;
    char *s = malloc(size);
    if (!s)
        return 0;
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0'; /* writers take C strings: the text up to the first NUL */
    kt_errinfo ei;
    switch (which) {
    case 0: {
        kt_tender *t = NULL;
        if (kt_load_tender_buffer("fuzz/tender.json", (const char *)data + 1, size - 1, &t, &ei) == KT_OK)
            kt_tender_free(t);
        break;
    }
    case 1: {
        kt_policy *p = NULL;
        if (kt_load_policy_buffer("fuzz/policy.json", (const char *)data + 1, size - 1, &p, &ei) == KT_OK)
            kt_policy_free(p);
        break;
    }
    case 2: through(kt_cli_put_text, s, 0); break;
    case 3: through(kt_cli_md_text, s, 1); break;
    case 4: {
        /* a code span: one fence before and after, no control byte, nothing else outside */
        through(kt_cli_md_code, s, 0);
        /* and a CSV cell: quoted, every quote inside doubled, one CRLF at the end */
        size_t n = 0;
        char *out = written(csv_cell, s, &n);
        if (!out)
            break;
        if (n < 4 || out[0] != '"' || memcmp(out + n - 3, "\"\r\n", 3) != 0)
            abort();
        no_controls(out, n - 2, 0);
        for (size_t i = 1; i + 3 < n; i++) {
            if (out[i] == '"') {
                if (out[i + 1] != '"')
                    abort();
                i++;
            }
        }
        free(out);
        break;
    }
    default: {
        /* Graphviz labels: HTML-like and plain text, and node names: no control byte */
        kt_viz_i_buf b;
        kt_viz_i_buf_init(&b);
        kt_viz_i_put_html(&b, s);
        kt_viz_i_put_plain(&b, s);
        kt_viz_i_put_visible(&b, s);
        if (!b.oom && b.s) {
            for (size_t i = 0; i < b.n; i++)
                if ((unsigned char)b.s[i] < 0x20 && b.s[i] != '\n')
                    abort();
        }
        kt_viz_i_buf_destroy(&b);
        break;
    }
    }
    free(s);
    return 0;
}
