/* registry.c: the one list of input formats, and loading by it (see kt_load.h).
 *
 * Every place that names the formats reads this table: --from (kt_format_parse), help texts
 * (kt_format_list), detection (kt_load_detect), the fuzz target (one format per index);
 * tests/cli/loaders/registry.sh checks the bash completion, docs/loaders.md, the fuzz Makefile
 * and the tests/invalid folders against it. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "load_i.h"

typedef struct {
    const char *name;
    int (*detect)(const char *head, size_t len, size_t first);
    kt_err (*load)(kt_load_ctx *c, kt_src *s);
    int strict; /* keten's own format: duplicate keys, bad UTF-8 and \u0000 are errors, not repaired */
    int rank;   /* detection order: 1 first; the last rank says yes to anything (the fallback) */
} format;

/* THE list of formats: X(name, strict, detection rank), one row each.  Each format's file
 * defines kt_load_i_NAME(c, s), which reads everything from s into c->g with problems into c->d,
 * and kt_load_i_NAME_detect(head, len, first): 1 when the input's start (byte order mark and
 * leading white space skipped; len bytes, the first line first bytes long) is this format's.
 * Adding a format: one file with those two functions, one row here, one tests/invalid/NAME
 * folder.  kt_format f is row f - 1 (0 is "auto"). */
#define FORMATS(X)                                                                                                     \
    X(native, 1, 7)                                                                                                    \
    X(bods, 0, 3)                                                                                                      \
    X(cyclonedx, 0, 1)                                                                                                 \
    X(spdx, 0, 2)                                                                                                      \
    X(gleif, 0, 5)                                                                                                     \
    X(ftm, 0, 4)                                                                                                       \
    X(csv, 0, 6)

#define DECLARE(name, strict, rank)                                                                                    \
    int kt_load_i_##name##_detect(const char *head, size_t len, size_t first);                                         \
    kt_err kt_load_i_##name(kt_load_ctx *c, kt_src *s);
FORMATS(DECLARE)
#define ROW(name, strict, rank) {#name, kt_load_i_##name##_detect, kt_load_i_##name, strict, rank},
static const format formats[] = {FORMATS(ROW)};
#define NFORMATS (sizeof formats / sizeof formats[0])

size_t kt_format_count(void)
{
    return NFORMATS;
}

const char *kt_format_name(kt_format f)
{
    if (f == KT_FMT_AUTO)
        return "auto";
    return f > 0 && (size_t)f <= NFORMATS ? formats[f - 1].name : "?";
}

int kt_format_parse(const char *s, kt_format *out)
{
    if (strcmp(s, "auto") == 0) {
        *out = KT_FMT_AUTO;
        return 0;
    }
    for (size_t i = 0; i < NFORMATS; i++)
        if (strcmp(s, formats[i].name) == 0) {
            *out = (kt_format)(i + 1);
            return 0;
        }
    return -1;
}

const char *kt_format_list(void)
{
    static char list[256];
    if (!list[0])
        for (size_t i = 0; i < NFORMATS; i++) {
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", formats[i].name);
        }
    return list;
}

kt_format kt_load_detect(const char *head, size_t len, const char *name)
{
    size_t i = 0;
    (void)name; /* content decides: file names in the wild say little */
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    head += i;
    len -= i;
    size_t first = 0;
    while (first < len && head[first] != '\n' && head[first] != '\r')
        first++;
    for (int rank = 1; rank <= (int)NFORMATS; rank++)
        for (size_t f = 0; f < NFORMATS; f++)
            if (formats[f].rank == rank && (rank == (int)NFORMATS || formats[f].detect(head, len, first)))
                return (kt_format)(f + 1);
    return KT_FMT_AUTO; /* not reached: the last rank takes anything */
}

kt_err kt_load_stream(kt_graph *g, const char *name, FILE *in, kt_format fmt, kt_diags *d, kt_errinfo *ei)
{
    kt_src s;
    kt_err rc;
    kt_load_ctx c = {g, d, kt_graph_add_file(g, name), name, 0, 0};

    if (c.file == UINT32_MAX)
        return kt_errinfo_set(ei, KT_ENOMEM, name, 0, "out of memory");
    if (fmt < 0 || (size_t)fmt > NFORMATS)
        return kt_errinfo_set(ei, KT_EUSAGE, name, 0, "no such format");
    kt_load_i_src_file(&s, in);
    s.name = name;
    {
        struct stat st;
        if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode))
            s.total = (unsigned long long)st.st_size; /* a .gz stream has no fileno: size unknown */
    }
    if (fmt == KT_FMT_AUTO) {
        const char *p = "";
        size_t n = kt_load_i_src_peek(&s, 1u << 16, &p);
        fmt = kt_load_detect(p, n, name);
    }
    c.strict = formats[fmt - 1].strict;
    kt_load_i_json_hooks();
    rc = formats[fmt - 1].load(&c, &s);
    if (rc == KT_OK && c.oom)
        rc = KT_ENOMEM;
    if (s.limit)
        rc = kt_load_i_limit_error(&s, name, ei);
    else if (rc == KT_OK && s.io_error)
        rc = kt_errinfo_set(ei, KT_EIO, name, 0, "read error");
    else if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, name, 0, "out of memory");
    kt_load_i_src_destroy(&s);
    return rc;
}

kt_err kt_load_file(kt_graph *g, const char *path, kt_format fmt, kt_diags *d, kt_errinfo *ei)
{
    FILE *in;
    kt_err rc;

    if (strcmp(path, "-") == 0)
        return kt_load_stream(g, "<stdin>", stdin, fmt, d, ei);
    in = kt_load_i_open(path);
    if (!in)
        return kt_errinfo_set(ei, errno == ENOENT ? KT_ENOTFOUND : KT_EIO, path, 0, "cannot open: %s", strerror(errno));
    rc = kt_load_stream(g, path, in, fmt, d, ei);
    fclose(in);
    return rc;
}

kt_err kt_load_buffer(kt_graph *g, const char *name, const char *buf, size_t len, kt_format fmt, kt_diags *d,
                      kt_errinfo *ei)
{
    FILE *in = fmemopen((void *)buf, len ? len : 1, "rb");
    kt_err rc;
    if (!in)
        return kt_errinfo_set(ei, KT_ENOMEM, name, 0, "out of memory");
    if (len == 0) {
        /* fmemopen cannot open an empty buffer: read past its one byte */
        fgetc(in);
    }
    rc = kt_load_stream(g, name, in, fmt, d, ei);
    fclose(in);
    return rc;
}
