/* src.c: the source reader under every loader (see load_i.h): a file, standard input or a .gz
 * file through zlib, read in large blocks and handed out as lines or as the whole text, with
 * progress reports.  It knows nothing of formats. */
#include <errno.h>
#include <sys/stat.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

/* ---- reader ---- */

static kt_load_progress_fn progress_fn;
static void *progress_ctx;

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
        if (fill(s, have + 1) != 0)
            return -1;
    }
}

int kt_load_i_src_all(kt_src *s, const char **buf, size_t *len)
{
    while (!s->eof)
        if (fill(s, s->len - s->pos + (1u << 20)) != 0)
            return -1;
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

