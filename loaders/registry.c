/* registry.c: the one list of input formats, and loading by it (see kt_load.h).
 *
 * Every place that names the formats reads this table: --from (kt_format_parse), help texts
 * (kt_format_list), detection (kt_load_detect), the fuzz target (one format per index);
 * tests/cli/loaders/registry.sh checks the bash completion, docs/loaders.md, the fuzz Makefile
 * and the tests/invalid folders against it. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "formats_i.h"

typedef struct {
    const char *name;
    int (*detect)(const char *head, size_t len, size_t first);
    kt_err (*load)(kt_load_ctx *c, kt_src *s);
    int strict; /* keten's own format: duplicate keys, bad UTF-8 and \u0000 are errors, not repaired */
    int rank;   /* detection order: 1 first; the last rank says yes to anything (the fallback) */
} format;

/* kt_format f is row f - 1; 0 is "auto". */
static const format formats[] = {
    {"native", kt_load_i_native_detect, kt_load_i_native, 1, 7},
    {"bods", kt_load_i_bods_detect, kt_load_i_bods, 0, 3},
    {"cyclonedx", kt_load_i_cyclonedx_detect, kt_load_i_cyclonedx, 0, 1},
    {"spdx", kt_load_i_spdx_detect, kt_load_i_spdx, 0, 2},
    {"gleif", kt_load_i_gleif_detect, kt_load_i_gleif, 0, 5},
    {"ftm", kt_load_i_ftm_detect, kt_load_i_ftm, 0, 4},
    {"csv", kt_load_i_csv_detect, kt_load_i_csv, 0, 6},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

int kt_load_i_has(const char *head, size_t len, const char *needle)
{
    return memmem(head, len, needle, strlen(needle)) != NULL;
}

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
    rc = formats[fmt - 1].load(&c, &s);
    if (rc == KT_OK && c.oom)
        rc = KT_ENOMEM;
    if (rc == KT_OK && s.io_error)
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
