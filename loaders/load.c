/* load.c: the reader shared by loaders, JSON helpers, format detection and dispatch. */
#include <errno.h>
#include <sys/stat.h>
#include <zlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

/* ---- reader ---- */

static kt_load_progress_fn progress_fn;
static void *progress_ctx;

const kt_load_limits kt_load_limits_default = {64ULL << 30, 2ULL << 30, 64ULL << 20, 16ULL << 20, 1000, 500000000ULL};
static kt_load_limits limits = {64ULL << 30, 2ULL << 30, 64ULL << 20, 16ULL << 20, 1000, 500000000ULL};

void kt_load_set_limits(const kt_load_limits *l)
{
    limits = l ? *l : kt_load_limits_default;
}

const kt_load_limits *kt_load_get_limits(void)
{
    return &limits;
}

int kt_load_limit_parse(const char *name, const char *text)
{
    static const char *names[] = {"bytes", "document", "line", "string", "depth", "records"};
    unsigned long long *field[] = {&limits.bytes, &limits.document, &limits.line, &limits.string, &limits.depth,
                                   &limits.records};
    char *end;
    errno = 0;
    if (!text || *text < '0' || *text > '9')
        return -1;
    unsigned long long x = strtoull(text, &end, 10);
    int shift = 0;
    switch (*end) {
    case 'K': shift = 10; end++; break;
    case 'M': shift = 20; end++; break;
    case 'G': shift = 30; end++; break;
    case 'T': shift = 40; end++; break;
    default: break;
    }
    if (errno || *end || x == 0 || (shift && x > (~0ULL >> shift)))
        return -1;
    x <<= shift;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0) {
            if (i == 4 && x > 1000)
                return -1; /* cJSON stops at 1000 levels whatever we say */
            *field[i] = x;
            return 0;
        }
    return -1;
}

/* The error for input past a limit, with the option that raises it. */
static kt_err limit_error(const kt_src *s, const char *name, kt_errinfo *ei)
{
    const kt_load_limits *l = &limits;
    unsigned long long v = strcmp(s->limit, "bytes") == 0      ? l->bytes
                           : strcmp(s->limit, "document") == 0 ? l->document
                           : strcmp(s->limit, "line") == 0     ? l->line
                                                               : l->records;
    const char *what = strcmp(s->limit, "bytes") == 0      ? "the file holds more than %llu bytes (after decompression)"
                       : strcmp(s->limit, "document") == 0 ? "the JSON document is longer than %llu bytes"
                       : strcmp(s->limit, "line") == 0     ? "a line is longer than %llu bytes"
                                                           : "the file has more than %llu lines or records";
    char msg[160];
    snprintf(msg, sizeof msg, what, v);
    return kt_errinfo_set(ei, KT_EINVALID, name, s->limit[0] == 'l' || s->limit[0] == 'r' ? s->lineno + 1 : 0,
                          "%s; keten --limit %s=N raises the limit", msg, s->limit);
}

void kt_load_set_progress(kt_load_progress_fn fn, void *ctx)
{
    progress_fn = fn;
    progress_ctx = ctx;
}

void kt_load_i_src_file(kt_src *s, FILE *in)
{
    memset(s, 0, sizeof *s);
    s->in = in;
}

void kt_load_i_src_mem(kt_src *s, const char *buf, size_t len)
{
    memset(s, 0, sizeof *s);
    s->mem = buf;
    s->len = len;
    s->eof = 1;
}

void kt_load_i_src_destroy(kt_src *s)
{
    if (s->in)
        free(s->buf);
    memset(s, 0, sizeof *s);
}

static const char *src_data(const kt_src *s)
{
    return s->in ? s->buf : s->mem;
}

/* Read more from the stream so that at least want bytes follow pos (or end of input). */
static int fill(kt_src *s, size_t want)
{
    if (!s->in)
        return 0;
    while (!s->eof && s->len - s->pos < want) {
        if (s->pos > 0 && s->pos == s->len) {
            s->len = s->pos = 0;
        } else if (s->pos > (1u << 20)) {
            memmove(s->buf, s->buf + s->pos, s->len - s->pos);
            s->len -= s->pos;
            s->pos = 0;
        }
        if (s->cap - s->len < (1u << 16) + 1) {
            size_t cap = s->cap ? s->cap * 2 : (1u << 20);
            while (cap - s->len < (1u << 16) + 1)
                cap *= 2;
            char *b = realloc(s->buf, cap);
            if (!b)
                return -1;
            s->buf = b;
            s->cap = cap;
        }
        size_t n = fread(s->buf + s->len, 1, s->cap - s->len - 1, s->in);
        s->len += n;
        s->read += n;
        if (s->read > limits.bytes) {
            s->limit = "bytes";
            return -1;
        }
        if (progress_fn && s->read >= s->next_report) {
            progress_fn(progress_ctx, s->name ? s->name : "", s->read, s->total);
            s->next_report = s->read + (16u << 20);
        }
        if (n == 0) {
            if (ferror(s->in))
                s->io_error = 1;
            s->eof = 1;
        }
    }
    return 0;
}

size_t kt_load_i_src_peek(kt_src *s, size_t want, const char **p)
{
    if (fill(s, want) != 0)
        return 0;
    *p = src_data(s) + s->pos;
    return s->len - s->pos;
}

int kt_load_i_src_line(kt_src *s, char **line, size_t *len)
{
    for (;;) {
        const char *data = src_data(s);
        if (!data) {
            /* nothing read yet (no peek came first): read, or end when there is nothing */
            if (s->eof || !s->in)
                return 0;
            if (fill(s, 1) != 0)
                return -1;
            continue;
        }
        const char *start = data + s->pos;
        size_t avail = s->len - s->pos;
        const char *nl = memchr(start, '\n', avail);
        /* a lone CR ends a line too (old Mac files): the first CR before the LF, if any */
        const char *cr = memchr(start, '\r', nl ? (size_t)(nl - start) : avail);
        size_t skip = 1;
        if (cr && cr + 1 == start + avail && !s->eof && s->in) {
            /* a CR at the end of what is read: an LF may follow, read more first */
            if (fill(s, avail + 1) != 0)
                return -1;
            continue;
        }
        if (cr && cr + 1 < start + avail && cr[1] == '\n')
            skip = 2, nl = cr; /* CRLF */
        else if (cr)
            nl = cr;
        if (nl || (s->eof && s->pos < s->len)) {
            size_t n = nl ? (size_t)(nl - start) : s->len - s->pos;
            if (n > limits.line || (unsigned long long)s->lineno >= limits.records) {
                s->limit = n > limits.line ? "line" : "records";
                return -1;
            }
            s->pos += n + (nl ? skip : 0);
            s->lineno++;
            if (!s->in) {
                /* memory input is const: copy the line into a scratch buffer */
                if (n + 1 > s->cap) {
                    char *b = realloc(s->buf, n + 1);
                    if (!b)
                        return -1;
                    s->buf = b;
                    s->cap = n + 1;
                }
                memcpy(s->buf, start, n);
                start = s->buf;
            }
            char *l = (char *)start;
            l[n] = '\0';
            *line = l;
            *len = n;
            return 1;
        }
        if (s->eof)
            return 0;
        size_t have = s->len - s->pos;
        if (have > limits.line) {
            s->limit = "line";
            return -1;
        }
        if (fill(s, have + 1) != 0)
            return -1;
    }
}

int kt_load_i_src_all(kt_src *s, const char **buf, size_t *len)
{
    if (s->in) {
        for (;;) {
            if (s->len - s->pos > limits.document) {
                s->limit = "document";
                return -1;
            }
            if (s->eof)
                break;
            if (fill(s, s->len - s->pos + (1u << 20)) != 0)
                return -1;
        }
        s->buf[s->len] = '\0';
    }
    *buf = src_data(s) + s->pos;
    *len = s->len - s->pos;
    s->pos = s->len;
    return 0;
}

/* ---- JSON ---- */

int kt_load_i_json_elem_lines(const char *text, size_t len, const char *key, long **lines, size_t *n)
{
    /* Track depth and strings; remember the last string seen directly in the root object and
     * whether a ':' followed it (then it was a key).  Inside the wanted array, the first
     * non-blank byte after '[' or ',' starts an element. */
    size_t cap = 0, klen = key ? strlen(key) : 0;
    long line = 1;
    int depth = 0, in_str = 0, target = -1, need = 0, key_match = 0, last_str_match = 0;
    const char *str_start = NULL;

    *lines = NULL;
    *n = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= len || text[i + 1] != '\n')))
            line++;
        if (in_str) {
            if (ch == '\\')
                i++;
            else if (ch == '"') {
                in_str = 0;
                if (depth == 1 && key)
                    last_str_match = (size_t)(text + i - str_start) == klen && memcmp(str_start, key, klen) == 0;
            }
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        if (target >= 0 && depth == target && need && ch != ']') {
            if (*n == cap) {
                cap = cap ? cap * 2 : 256;
                long *l = realloc(*lines, cap * sizeof *l);
                if (!l) {
                    free(*lines);
                    *lines = NULL;
                    return -1;
                }
                *lines = l;
            }
            (*lines)[(*n)++] = line;
            need = 0;
        }
        switch (ch) {
        case '"':
            in_str = 1;
            str_start = text + i + 1;
            break;
        case ':':
            if (depth == 1)
                key_match = last_str_match;
            break;
        case '[':
        case '{':
            depth++;
            if (ch == '[' && target < 0 && ((!key && depth == 1) || (key && depth == 2 && key_match))) {
                target = depth;
                need = 1;
            }
            break;
        case ']':
        case '}':
            if (depth == target)
                return 0;
            depth--;
            break;
        case ',':
            if (depth == target)
                need = 1;
            else if (depth == 1)
                key_match = last_str_match = 0;
            break;
        default:
            break;
        }
    }
    return 0;
}

const char *kt_load_i_str(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad)
{
    return kt_load_i_v_str(c, cJSON_GetObjectItemCaseSensitive(obj, key), key, line, record, bad);
}

int kt_load_i_bool(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad,
                   int *value)
{
    return kt_load_i_v_bool(c, cJSON_GetObjectItemCaseSensitive(obj, key), key, line, record, bad, value);
}

kt_ival kt_load_i_share(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad)
{
    return kt_load_i_v_share(c, cJSON_GetObjectItemCaseSensitive(obj, key), key, line, record, bad);
}

int kt_load_i_json_line(kt_load_ctx *c, kt_src *s, cJSON **o)
{
    char *line;
    size_t len;
    int r;
    *o = NULL;
    while ((r = kt_load_i_src_line(s, &line, &len)) == 1) {
        const char *q = line;
        while (*q == ' ' || *q == '\t')
            q++;
        if (!*q)
            continue;
        *o = kt_load_i_json_parse(c, line, len, s->lineno);
        return 1;
    }
    return r;
}

long kt_load_i_line_of(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    long line = 1;
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(text + i, needle, n) == 0)
            return line;
        line += text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'));
    }
    return 1;
}

kt_err kt_load_i_read_doc(const char *path, const char *what, kt_load_i_doc_fn parse, void *out, kt_errinfo *ei)
{
    kt_src s;
    const char *text;
    size_t len;
    kt_err rc;
    FILE *in = fopen(path, "rb");

    if (!in)
        return kt_errinfo_set(ei, KT_ENOTFOUND, path, 0, "cannot open %s file: %s", what, strerror(errno));
    kt_load_i_src_file(&s, in);
    if (kt_load_i_src_all(&s, &text, &len) != 0)
        rc = s.limit ? limit_error(&s, path, ei) : kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
    else if (s.io_error)
        rc = kt_errinfo_set(ei, KT_EIO, path, 0, "read error");
    else
        rc = parse(path, text, len, out, ei);
    kt_load_i_src_destroy(&s);
    fclose(in);
    return rc;
}

/* ---- formats ---- */

static const char *format_names[KT_FMT__COUNT] = {"auto", "native", "bods", "cyclonedx", "spdx", "gleif", "ftm", "csv"};

const char *kt_format_name(kt_format f)
{
    return (unsigned)f < KT_FMT__COUNT ? format_names[f] : "?";
}

int kt_format_parse(const char *s, kt_format *out)
{
    for (int i = 0; i < KT_FMT__COUNT; i++)
        if (strcmp(s, format_names[i]) == 0) {
            *out = (kt_format)i;
            return 0;
        }
    return -1;
}

static int has(const char *head, size_t len, const char *needle)
{
    return memmem(head, len, needle, strlen(needle)) != NULL;
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
    if (len && (head[0] == '{' || head[0] == '[')) {
        const char *nl = memchr(head, '\n', len);
        size_t first = nl ? (size_t)(nl - head) : len;
        if (has(head, len, "\"bomFormat\"") && has(head, len, "CycloneDX"))
            return KT_FMT_CYCLONEDX;
        if (has(head, len, "\"spdxVersion\""))
            return KT_FMT_SPDX;
        if (has(head, len, "\"statementID\"") || has(head, len, "\"statementId\"") ||
            has(head, len, "\"statementType\"") || has(head, len, "\"recordDetails\""))
            return KT_FMT_BODS;
        /* FollowTheMoney: one {"id", "schema", "properties"} per line */
        if (head[0] == '{' && has(head, first, "\"schema\"") && has(head, first, "\"properties\""))
            return KT_FMT_FTM;
        return KT_FMT_NATIVE;
    }
    if (len) {
        const char *nl = memchr(head, '\n', len);
        size_t first = nl ? (size_t)(nl - head) : len;
        if (has(head, first, "Relationship.StartNode.NodeID") || has(head, first, "Entity.LegalName"))
            return KT_FMT_GLEIF;
        if (memchr(head, ',', first))
            return KT_FMT_CSV;
    }
    return KT_FMT_NATIVE;
}

kt_err kt_load_stream(kt_graph *g, const char *name, FILE *in, kt_format fmt, kt_diags *d, kt_errinfo *ei)
{
    kt_src s;
    kt_err rc;
    kt_load_ctx c = {g, d, kt_graph_add_file(g, name), name, 0, 0};

    if (c.file == UINT32_MAX)
        return kt_errinfo_set(ei, KT_ENOMEM, name, 0, "out of memory");
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
    c.strict = fmt == KT_FMT_NATIVE; /* keten's own format: no repairs */
    kt_load_i_json_hooks();
    switch (fmt) {
    case KT_FMT_NATIVE: rc = kt_load_i_native(&c, &s); break;
    case KT_FMT_BODS: rc = kt_load_i_bods(&c, &s); break;
    case KT_FMT_CYCLONEDX: rc = kt_load_i_cyclonedx(&c, &s); break;
    case KT_FMT_SPDX: rc = kt_load_i_spdx(&c, &s); break;
    case KT_FMT_GLEIF: rc = kt_load_i_gleif(&c, &s); break;
    case KT_FMT_FTM: rc = kt_load_i_ftm(&c, &s); break;
    case KT_FMT_CSV: rc = kt_load_i_csv(&c, &s); break;
    default:
        kt_load_i_src_destroy(&s);
        return kt_errinfo_set(ei, KT_EUSAGE, name, 0, "format %s is not supported yet", kt_format_name(fmt));
    }
    if (rc == KT_OK && c.oom)
        rc = KT_ENOMEM;
    if (s.limit)
        rc = limit_error(&s, name, ei);
    else if (rc == KT_OK && s.io_error)
        rc = kt_errinfo_set(ei, KT_EIO, name, 0, "read error");
    else if (rc == KT_ENOMEM)
        kt_errinfo_set(ei, rc, name, 0, "out of memory");
    kt_load_i_src_destroy(&s);
    return rc;
}

/* A .gz file read through zlib, seen as a FILE * so every loader reads it unchanged. */
static ssize_t gz_read(void *cookie, char *buf, size_t n)
{
    int got = gzread((gzFile)cookie, buf, n > (1u << 30) ? 1u << 30 : (unsigned)n);
    return got < 0 ? -1 : got;
}

static int gz_close(void *cookie)
{
    return gzclose((gzFile)cookie) == Z_OK ? 0 : EOF;
}

static FILE *open_input(const char *path)
{
    size_t n = strlen(path);
    if (n > 3 && strcmp(path + n - 3, ".gz") == 0) {
        cookie_io_functions_t io = {gz_read, NULL, NULL, gz_close};
        gzFile z = gzopen(path, "rb");
        if (!z)
            return NULL;
        gzbuffer(z, 1u << 17);
        FILE *f = fopencookie(z, "rb", io);
        if (!f)
            gzclose(z);
        return f;
    }
    return fopen(path, "rb");
}

kt_err kt_load_file(kt_graph *g, const char *path, kt_format fmt, kt_diags *d, kt_errinfo *ei)
{
    FILE *in;
    kt_err rc;

    if (strcmp(path, "-") == 0)
        return kt_load_stream(g, "<stdin>", stdin, fmt, d, ei);
    in = open_input(path);
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
