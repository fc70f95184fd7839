/* src.c: the source reader under every loader (see load_i.h): a file, standard input or a .gz
 * file through zlib, read in large blocks and handed out as lines or as the whole text, with
 * progress reports.  It knows nothing of formats. */
#include <errno.h>
#include <sys/stat.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load_i.h"

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

kt_err kt_load_i_limit_error(const kt_src *s, const char *name, kt_errinfo *ei)
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

void kt_load_i_src_destroy(kt_src *s)
{
    free(s->buf);
    memset(s, 0, sizeof *s);
}

static const char *src_data(const kt_src *s)
{
    return s->buf;
}

/* One fread into dst (at most n bytes), counted against the bytes limit and reported as
 * progress; at the end of input s->eof.  The bytes read, or -1 past the limit. */
static long read_some(kt_src *s, char *dst, size_t n)
{
    size_t k = fread(dst, 1, n, s->in);
    s->read += k;
    if (s->read > limits.bytes) {
        s->limit = "bytes";
        return -1;
    }
    if (progress_fn && s->read >= s->next_report) {
        progress_fn(progress_ctx, s->name ? s->name : "", s->read, s->total);
        s->next_report = s->read + (16u << 20);
    }
    if (k == 0) {
        if (ferror(s->in))
            s->io_error = 1;
        s->eof = 1;
    }
    return (long)k;
}

/* Read more from the stream so that at least want bytes follow pos (or end of input). */
static int fill(kt_src *s, size_t want)
{
    while (!s->eof && s->len - s->pos < want) {
        if (s->pos > 0 && s->pos == s->len) {
            s->len = s->pos = 0;
        } else if (s->pos > (1u << 20)) {
            memmove(s->buf, s->buf + s->pos, s->len - s->pos);
            s->len -= s->pos;
            s->pos = 0;
        }
        if (s->cap - s->len < (1u << 16) + 1) {
            size_t cap = s->cap ? s->cap * 2 : (1u << 17); /* small inputs stay small; large ones double */
            while (cap - s->len < (1u << 16) + 1)
                cap *= 2;
            char *b = realloc(s->buf, cap);
            if (!b)
                return -1;
            s->buf = b;
            s->cap = cap;
        }
        long n = read_some(s, s->buf + s->len, s->cap - s->len - 1);
        if (n < 0)
            return -1;
        s->len += (size_t)n;
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
            if (s->eof)
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
        if (cr && cr + 1 == start + avail && !s->eof) {
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

long kt_load_i_src_read(kt_src *s, char *dst, size_t n)
{
    size_t got = 0;
    if (s->buf && s->pos < s->len) {
        /* what a peek already read comes first */
        got = s->len - s->pos < n ? s->len - s->pos : n;
        memcpy(dst, s->buf + s->pos, got);
        s->pos += got;
    }
    while (got < n && !s->eof) {
        long k = read_some(s, dst + got, n - got);
        if (k < 0)
            return -1;
        got += (size_t)k;
    }
    return (long)got;
}

static int load_threads;

void kt_load_set_threads(int n)
{
    load_threads = n > 0 ? n : 0;
    kt_graph_set_threads(n); /* and the model's build */
}

int kt_load_get_threads(void)
{
    if (load_threads > 0)
        return load_threads;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > KT_LOAD_THREADS_MAX ? KT_LOAD_THREADS_MAX : (int)n;
}

int kt_load_i_src_all(kt_src *s, const char **buf, size_t *len)
{
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
    if (!s->buf) {
        *buf = "";
        *len = 0;
        return 0;
    }
    s->buf[s->len] = '\0';
    *buf = src_data(s) + s->pos;
    *len = s->len - s->pos;
    s->pos = s->len;
    return 0;
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

FILE *kt_load_i_open(const char *path)
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

