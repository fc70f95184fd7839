/* util.c: loading, messages, strict numbers and whole-or-nothing output for the commands. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../analyses/kt_find.h"
#include "../graph/kt_mem.h"
#include "../graph/kt_text.h"
#include "cli.h"

const char *kt_cli_as_of;
int kt_cli_strict;

/* ---- text from the data, made safe to print (graph/kt_text.h) ---- */

static void put_file(void *ctx, const char *b, size_t n, int escaped)
{
    (void)escaped;
    fwrite(b, 1, n, (FILE *)ctx);
}

void kt_cli_put_text(FILE *f, const char *s)
{
    kt_text_escape(s, put_file, f);
}

typedef struct {
    char *s;
    size_t n, cap;
    int oom;
} text_buf;

static void put_buf(void *ctx, const char *b, size_t n, int escaped)
{
    text_buf *t = ctx;
    (void)escaped;
    if (t->oom || (n > SIZE_MAX - t->n - 1) || kt_grow((void **)&t->s, &t->cap, t->n + n + 1, 1) != KT_OK) {
        t->oom = 1;
        return;
    }
    memcpy(t->s + t->n, b, n);
    t->n += n;
    t->s[t->n] = '\0';
}

/* owned here, per thread (output is written on several, kt_cli_each): slots reused in turn,
 * so one printf may take up to 16 of them */
static _Thread_local text_buf slot[16];
static _Thread_local unsigned next;

void kt_cli_text_release(void)
{
    for (int i = 0; i < 16; i++) {
        free(slot[i].s);
        memset(&slot[i], 0, sizeof slot[i]);
    }
}

const char *kt_cli_text(const char *s)
{
    if (!s || !kt_text_needs_escape(s))
        return s;
    text_buf *t = &slot[next++ % 16];
    t->n = 0;
    t->oom = 0;
    kt_text_escape(s, put_buf, t);
    return t->oom || !t->s ? "(out of memory)" : t->s;
}

/* Markdown: the characters that start inline markup, HTML, entities or a table cell are
 * backslash-escaped; control characters become visible text (\n), so data never starts a line
 * (where - + 1. would make a list and # a heading). */
static void put_md(void *ctx, const char *b, size_t n, int escaped)
{
    FILE *f = ctx;
    for (size_t i = 0; i < n; i++) {
        if (!escaped && strchr("\\`*_[]<>#|~&", b[i]))
            fputc('\\', f);
        fputc(b[i], f);
    }
}

void kt_cli_md_text(FILE *f, const char *s)
{
    kt_text_escape(s, put_md, f);
}

void kt_cli_md_code(FILE *f, const char *s)
{
    const char *t = kt_cli_text(s ? s : "");
    size_t run = 0, longest = 0;
    for (const char *p = t; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    /* a fence longer than any run of backticks inside (CommonMark 6.1), with a space inside
     * it when the text starts or ends with a backtick */
    int pad = *t == '`' || (*t && t[strlen(t) - 1] == '`');
    for (size_t i = 0; i <= longest; i++)
        fputc('`', f);
    fputs(pad ? " " : "", f);
    fputs(t, f);
    fputs(pad ? " " : "", f);
    for (size_t i = 0; i <= longest; i++)
        fputc('`', f);
}

void kt_cli_vline(FILE *f, const char *fmt, va_list ap)
{
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) {
        fputs("(out of memory)\n", f);
        return;
    }
    kt_cli_put_text(f, s);
    fputc('\n', f);
    free(s);
}

void kt_cli_line(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kt_cli_vline(f, fmt, ap);
    va_end(ap);
}

void kt_cli_msg(const char *fmt, ...)
{
    va_list ap;
    fputs("keten: ", stderr);
    va_start(ap, fmt);
    kt_cli_vline(stderr, fmt, ap);
    va_end(ap);
}

int kt_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("keten: ", stderr);
    va_start(ap, fmt);
    kt_cli_vline(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "try 'keten %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
    return KT_EXIT_FAIL;
}

static void print_diag(const kt_graph *g, const kt_diag *x)
{
    const char *file = x->file == UINT32_MAX ? "" : kt_graph_file_name(g, x->file);
    const char *sev = x->sev == KT_SEV_WARNING ? "warning: " : "";
    if (x->line)
        kt_cli_line(stderr, "%s:%ld: %s%s [%s]", file, x->line, sev, x->msg, x->code);
    else if (x->record)
        kt_cli_line(stderr, "%s: record %s: %s%s [%s]", file, x->record, sev, x->msg, x->code);
    else
        kt_cli_line(stderr, "%s: %s%s [%s]", file, sev, x->msg, x->code);
}

void kt_cli_print_diags(const kt_graph *g, const kt_diags *d, int with_warnings)
{
    for (size_t i = 0; i < kt_diags_count(d); i++) {
        const kt_diag *x = kt_diags_get(d, i);
        if (x->sev == KT_SEV_ERROR || with_warnings)
            print_diag(g, x);
    }
    if (kt_diags_dropped(d))
        kt_cli_msg("%zu more problems of the same kinds not shown", kt_diags_dropped(d));
}

static void load_progress(void *ctx, const char *name, unsigned long long done, unsigned long long total);

/* Map a snapshot (the only data file) into *g; 0, or KT_EXIT_FAIL after saying why.  A
 * snapshot answers for the date it was made with: --as-of must match it. */
static int open_snapshot(char **files, int nfiles, kt_format fmt, int quiet, const char *today, kt_graph **g,
                         kt_diags *d)
{
    kt_errinfo ei;
    const char *path = files[0];
    if (nfiles != 1) {
        kt_cli_msg("%s is a snapshot: give it alone, not with other data files", path);
        return KT_EXIT_FAIL;
    }
    if (fmt != KT_FMT_AUTO) {
        kt_cli_msg("%s is a snapshot: --from does not apply", path);
        return KT_EXIT_FAIL;
    }
    if (kt_graph_open(path, g, d, &ei) != KT_OK) {
        kt_cli_print_errinfo(&ei);
        return KT_EXIT_FAIL;
    }
    /* the snapshot holds the relations valid on the day it was built for; it answers for every
     * day on which the same ones are valid */
    const char *made = kt_graph_snapshot_date(*g), *want = kt_cli_as_of ? kt_cli_as_of : today;
    if (!kt_graph_snapshot_covers(*g, want)) {
        kt_cli_msg("%s holds the relations valid on %s, and some relation starts or ends between that day and %s: "
                   "index the sources again%s%s",
                   path, made ? made : "any day", want ? want : "(no date)", kt_cli_as_of ? " with --as-of " : "",
                   kt_cli_as_of ? kt_cli_as_of : "");
        return KT_EXIT_FAIL;
    }
    if (kt_cli_as_of)
        kt_graph_set_as_of(*g, kt_cli_as_of);
    else
        kt_graph_set_today(*g, today);
    int stale = 0;
    for (uint32_t i = 0; i < kt_graph_file_count(*g); i++) {
        kt_src_state st = kt_graph_source_state(*g, i);
        if (st != KT_SRC_CHANGED && st != KT_SRC_GONE)
            continue;
        stale = 1;
        if (!quiet || kt_cli_strict)
            kt_cli_msg("%s%s: source %s %s since it was indexed%s", kt_cli_strict ? "" : "warning: ", path,
                       kt_graph_file_name(*g, i), st == KT_SRC_GONE ? "has gone or become unreadable" : "has changed",
                       kt_cli_strict ? " (--strict)" : "; answers are from the snapshot");
    }
    return stale && kt_cli_strict ? KT_EXIT_FAIL : KT_EXIT_OK;
}

int kt_cli_load(char **files, int nfiles, kt_format fmt, int quiet, kt_graph **out, kt_diags *dd)
{
    kt_graph *g = kt_graph_new();
    kt_diags *d = dd ? dd : kt_diags_new();
    kt_errinfo ei;
    int code = KT_EXIT_FAIL;
    kt_err rc = KT_OK;

    *out = NULL;
    if (!g || !d) {
        kt_cli_msg("out of memory");
        goto out;
    }
    if (nfiles == 0) {
        kt_cli_msg("no input files");
        goto out;
    }
    if (kt_cli_as_of && kt_graph_set_as_of(g, kt_cli_as_of) != KT_OK) {
        kt_cli_msg("--as-of %s is not a date (YYYY-MM-DD)", kt_cli_as_of);
        goto out;
    }
    char today[16] = "";
    if (!kt_cli_as_of) { /* without --as-of: the state today */
        time_t now = time(NULL);
        struct tm tm;
        if (gmtime_r(&now, &tm) && strftime(today, sizeof today, "%Y-%m-%d", &tm) == 10)
            kt_graph_set_today(g, today);
    }
    for (int i = 0; i < nfiles; i++)
        if (strcmp(files[i], "-") != 0 && kt_graph_is_snapshot(files[i])) {
            kt_graph_free(g);
            g = NULL;
            if (open_snapshot(files + i, i == 0 ? nfiles : 2, fmt, quiet, today[0] ? today : NULL, &g, d) !=
                KT_EXIT_OK)
                goto out;
            goto built;
        }
    kt_cli_status_start(!quiet);
    kt_load_set_progress(load_progress, NULL);
    for (int i = 0; i < nfiles; i++) {
        if ((rc = kt_load_file(g, files[i], fmt, d, &ei)) != KT_OK) {
            kt_load_set_progress(NULL, NULL);
            kt_cli_status_end();
            if (ei.line)
                kt_cli_msg("%s:%ld: %s", ei.file, ei.line, ei.msg);
            else
                kt_cli_msg("%s: %s", ei.file, ei.msg);
            goto out;
        }
    }
    kt_load_set_progress(NULL, NULL);
    kt_cli_status("building the graph");
    /* build even after errors, so that check reports every problem in one run */
    rc = kt_graph_build(g, d);
    kt_cli_status_end();
    if (rc != KT_OK && rc != KT_EINVALID) {
        kt_cli_msg("%s", kt_err_str(rc));
        goto out;
    }
built:
    kt_diags_sort(d);
    if (kt_diags_has_errors(d)) {
        if (!dd)
            kt_cli_print_diags(g, d, 0);
        goto out;
    }
    if (!quiet && !dd && kt_graph_dropped_by_date(g) && kt_cli_as_of)
        kt_cli_msg("as of %s: %zu relations not valid on that date left out", kt_cli_as_of,
                   kt_graph_dropped_by_date(g));
    else if (!quiet && !dd && kt_graph_dropped_by_date(g))
        kt_cli_msg("%zu relations not in force today left out (--as-of DATE chooses another day)",
                   kt_graph_dropped_by_date(g));
    if (!quiet && !dd && kt_diags_warnings(d))
        kt_cli_msg("%zu warning%s in the input (see keten check)", kt_diags_warnings(d),
                   kt_diags_warnings(d) == 1 ? "" : "s");
    *out = g;
    g = NULL;
    code = KT_EXIT_OK;
out:
    if (!dd)
        kt_diags_free(d);
    if (code != KT_EXIT_OK && dd) {
        /* keten check still wants the partial graph for file names */
        *out = g;
        g = NULL;
    }
    kt_graph_free(g);
    return code;
}

/* Add v to the candidates (once); how says how arg matched it. */
static void candidate(igraph_integer_t v, const char *how, igraph_integer_t *c, const char **why, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        if (c[i] == v)
            return;
    if (*n < 8) {
        c[*n] = v;
        why[*n] = how;
    }
    (*n)++;
}

char *kt_cli_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *t = NULL, buf[65536];
    size_t cap = 0, got;
    *len = 0;
    if (!f) {
        kt_cli_msg("%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        if (*len + got + 1 > cap) {
            cap = (*len + got + 1) * 2;
            char *p = realloc(t, cap);
            if (!p) {
                free(t);
                fclose(f);
                kt_cli_msg("out of memory");
                return NULL;
            }
            t = p;
        }
        memcpy(t + *len, buf, got);
        *len += got;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(t);
        kt_cli_msg("%s: read error", path);
        return NULL;
    }
    if (!t && !(t = malloc(1))) {
        kt_cli_msg("out of memory");
        return NULL;
    }
    t[*len] = '\0';
    return t;
}

igraph_integer_t kt_cli_entity(const kt_graph *g, const char *id)
{
    /* the id prefixes the loaders give: a BODS, FtM or GLEIF id may be named without it */
    static const char *prefixes[] = {"bods:", "ftm:", "lei:"};
    igraph_integer_t v = kt_graph_find(g, id), c[8], hits[8];
    const char *why[8], *schemes[8];
    size_t n = 0;
    char buf[1024];

    if (v >= 0)
        return v;
    size_t nh = kt_graph_find_value(g, id, hits, schemes, 8);
    for (size_t i = 0; i < nh && i < 8; i++)
        candidate(hits[i], schemes[i], c, why, &n);
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        if (snprintf(buf, sizeof buf, "%s%s", prefixes[i], id) >= (int)sizeof buf)
            continue;
        if ((v = kt_graph_find(g, buf)) >= 0)
            candidate(v, "id", c, why, &n);
    }
    if (n == 1) {
        const char *nm = kt_graph_entity_name(g, c[0]);
        if (strcmp(why[0], "id") == 0)
            kt_cli_msg("note: \"%s\" taken as entity \"%s\"%s%s%s", id, kt_graph_entity_id(g, c[0]), *nm ? " (" : "",
                       nm, *nm ? ")" : "");
        else
            kt_cli_msg("note: \"%s\" is the %s of entity \"%s\"%s%s%s", id, why[0], kt_graph_entity_id(g, c[0]),
                       *nm ? " (" : "", nm, *nm ? ")" : "");
        return c[0];
    }
    if (n > 1) {
        kt_cli_msg("ambiguous entity \"%s\": %zu entities match, among them \"%s\" and \"%s\"; give the id", id,
                   n, kt_graph_entity_id(g, c[0]), kt_graph_entity_id(g, c[1]));
        return -1;
    }
    igraph_integer_t near = kt_find_nearest_id(g, id);
    if (near >= 0)
        kt_cli_msg("unknown entity \"%s\"; did you mean \"%s\"?", id, kt_graph_entity_id(g, near));
    else
        kt_cli_msg("unknown entity \"%s\"", id);
    return -1;
}

int kt_cli_parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(x) || x < lo || x > hi)
        return -1;
    *out = x;
    return 0;
}

int kt_cli_parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (!*s || *end || errno || x < lo || x > hi)
        return -1;
    *out = x;
    return 0;
}

/* The temporary file being written, removed by exit() and by a fatal signal (Ctrl-C) before it
 * takes its default action: nothing half-written is left behind.  One at a time. */
static char *volatile out_pending;

static void out_remove_pending(void)
{
    char *t = out_pending;
    if (t)
        unlink(t);
}

static void out_on_signal(int sig)
{
    out_remove_pending();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void out_watch(char *tmp)
{
    static int installed;
    if (!installed) {
        static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
        atexit(out_remove_pending);
        for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            struct sigaction sa = {0};
            struct sigaction old;
            if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
                continue; /* started in the background with the signal ignored: keep it so */
            sa.sa_handler = out_on_signal;
            sigemptyset(&sa.sa_mask);
            sigaction(sigs[i], &sa, NULL);
        }
        installed = 1;
    }
    out_pending = tmp;
}

int kt_cli_out_open(kt_cli_out *o, const char *path)
{
    struct stat st;
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    /* A symlink is followed: the file it names is replaced, the link stays. */
    char *real = realpath(path, NULL);
    o->path = real ? real : strdup(path);
    if (!o->path)
        goto nomem;
    if (stat(o->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device, FIFO or terminal: written directly (renaming over it would replace it) */
        if (!(o->f = fopen(o->path, "wb")))
            goto cannot;
        return 0;
    }
    if (!real && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        /* a dangling symlink: create the file it names, through it */
        if (!(o->f = fopen(path, "wb")))
            goto cannot;
        return 0;
    }
    int exists = stat(o->path, &st) == 0;
    size_t n = strlen(o->path) + 32;
    if (!(o->tmp = malloc(n)))
        goto nomem;
    snprintf(o->tmp, n, "%s.tmp.%ld", o->path, (long)getpid());
    int fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        goto cannot;
    out_watch(o->tmp);
    if (exists) {
        /* keep the target's owner (root only) and mode, e.g. 0600 */
        if (fchown(fd, st.st_uid, st.st_gid) != 0) {
            /* not root: the file becomes the user's, as any new file would */
        }
        fchmod(fd, st.st_mode & 07777);
    }
    if (!(o->f = fdopen(fd, "wb"))) {
        close(fd);
        goto cannot;
    }
    return 0;
nomem:
    kt_cli_msg("out of memory");
    goto fail;
cannot:
    kt_cli_msg("%s: cannot write: %s", path, strerror(errno));
fail:
    if (o->tmp) {
        unlink(o->tmp);
        out_pending = NULL;
    }
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
    return -1;
}

int kt_cli_out_close(kt_cli_out *o, int ok)
{
    int rc = 0, err = 0;
    if (!o->f)
        return -1;
    if (o->f == stdout) {
        fflush(stdout);
        return ok ? 0 : -1;
    }
    if (fflush(o->f) != 0 || ferror(o->f))
        err = errno ? errno : EIO;
    if (fclose(o->f) != 0 && !err)
        err = errno;
    if (ok && !err && o->tmp && rename(o->tmp, o->path) != 0)
        err = errno;
    if (err) /* a full disk says so (ENOSPC), as does any other write error */
        kt_cli_msg("%s: cannot write: %s", o->path, strerror(err));
    if (!ok || err) {
        if (o->tmp)
            unlink(o->tmp);
        rc = -1;
    }
    if (o->tmp)
        out_pending = NULL;
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
    return rc;
}

/* Pretty-print compact JSON text as jq does: two-space indent, "key": value, empty
 * containers as {} and []. */
static void pretty_at(FILE *f, const char *s, int depth)
{
    for (const char *p = s; *p; p++) {
        char ch = *p;
        if (ch == '"') {
            const char *q = p + 1;
            while (*q && *q != '"')
                q += (*q == '\\' && q[1]) ? 2 : 1;
            fwrite(p, 1, (size_t)(q - p) + (*q ? 1 : 0), f);
            p = *q ? q : q - 1;
        } else if (ch == '{' || ch == '[') {
            if (p[1] == (ch == '{' ? '}' : ']')) {
                fputc(ch, f);
                fputc(*++p, f);
                continue;
            }
            fputc(ch, f);
            fprintf(f, "\n%*s", 2 * ++depth, "");
        } else if (ch == '}' || ch == ']') {
            fprintf(f, "\n%*s%c", 2 * --depth, "", ch);
        } else if (ch == ',') {
            fprintf(f, ",\n%*s", 2 * depth, "");
        } else if (ch == ':') {
            fputs(": ", f);
        } else {
            fputc(ch, f);
        }
    }
}

static void pretty(FILE *f, const char *s)
{
    pretty_at(f, s, 0);
}

int kt_cli_json_begin(kt_cli_json_stream *s, FILE *f, cJSON *head)
{
    char *t = cJSON_PrintUnformatted(head);
    cJSON_Delete(head);
    s->f = f;
    s->members = 0;
    s->err = 0;
    size_t len = t ? strlen(t) : 0;
    if (len < 2 || t[len - 1] != '}') {
        free(t);
        kt_cli_msg("out of memory");
        s->err = 1;
        return -1;
    }
    t[len - 1] = '\0'; /* the head without its closing brace: more members follow */
    pretty_at(f, t, 0);
    s->members = len > 2;
    free(t);
    return 0;
}

/* ",\n  "key": " (no comma before the first member) */
static int json_key(kt_cli_json_stream *s, const char *key)
{
    cJSON *kj = cJSON_CreateString(key);
    char *k = kj ? cJSON_PrintUnformatted(kj) : NULL;
    cJSON_Delete(kj);
    if (!k) {
        s->err = 1;
        return -1;
    }
    fprintf(s->f, "%s\n  %s: ", s->members++ ? "," : "", k);
    free(k);
    return 0;
}

int kt_cli_json_items(kt_cli_json_stream *s, const char *key, size_t n, cJSON *(*item)(void *ctx, size_t i),
                      void *ctx)
{
    if (s->err || json_key(s, key) != 0)
        return -1;
    fputc('[', s->f);
    for (size_t i = 0; i < n; i++) {
        cJSON *x = item(ctx, i);
        char *xs = x ? cJSON_PrintUnformatted(x) : NULL;
        cJSON_Delete(x);
        if (!xs) {
            s->err = 1;
            return -1;
        }
        fprintf(s->f, "%s\n    ", i ? "," : "");
        pretty_at(s->f, xs, 2);
        free(xs);
    }
    fputs(n ? "\n  ]" : "]", s->f);
    return 0;
}

int kt_cli_json_add(kt_cli_json_stream *s, const char *key, cJSON *value)
{
    char *v = value ? cJSON_PrintUnformatted(value) : NULL;
    cJSON_Delete(value);
    if (s->err || !v || json_key(s, key) != 0) {
        free(v);
        s->err = 1;
        return -1;
    }
    pretty_at(s->f, v, 1);
    free(v);
    return 0;
}

int kt_cli_json_end(kt_cli_json_stream *s)
{
    if (s->err) {
        if (!ferror(s->f))
            kt_cli_msg("out of memory");
        return -1;
    }
    fputs(s->members ? "\n}\n" : "}\n", s->f);
    return ferror(s->f) ? -1 : 0;
}

int kt_cli_print_json_items(FILE *f, cJSON *head, const char *key, size_t n,
                            cJSON *(*item)(void *ctx, size_t i), void *ctx)
{
    kt_cli_json_stream s;
    if (kt_cli_json_begin(&s, f, head) != 0)
        return -1;
    kt_cli_json_items(&s, key, n, item, ctx);
    return kt_cli_json_end(&s);
}

int kt_cli_print_json(FILE *f, cJSON *doc)
{
    char *s = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    if (!s) {
        kt_cli_msg("out of memory");
        return -1;
    }
    pretty(f, s);
    fputc('\n', f);
    free(s);
    return 0;
}

int kt_cli_finish(int code)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno == EPIPE)
            return code;
        kt_cli_msg("error writing output: %s", strerror(errno));
        return KT_EXIT_FAIL;
    }
    return code;
}

/* ---- a status line on a terminal ---- */

static struct {
    int on;        /* kt_cli_status_start(1) on a terminal */
    double t0;     /* when it started */
    int shown;     /* something is on the line */
} status;

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void kt_cli_status_start(int enabled)
{
    status.on = enabled && kt_cli_progress_ok();
    status.t0 = mono();
    status.shown = 0;
}

void kt_cli_status(const char *fmt, ...)
{
    va_list ap;
    if (!status.on || mono() - status.t0 < 1.0)
        return; /* quick runs show nothing */
    fputs("\rketen: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\033[K", stderr);
    fflush(stderr);
    status.shown = 1;
}

void kt_cli_status_end(void)
{
    if (status.shown)
        fputs("\r\033[K", stderr);
    status.shown = 0;
}

static void load_progress(void *ctx, const char *name, unsigned long long done, unsigned long long total)
{
    (void)ctx;
    if (total)
        kt_cli_status("loading %s: %llu%%", name, done * 100 / total);
    else
        kt_cli_status("loading %s: %llu MB", name, done >> 20);
}

int kt_cli_progress_ok(void)
{
    const char *term = getenv("TERM");
    if (!isatty(STDERR_FILENO) || getenv("NO_COLOR") || getenv("CI") || (term && strcmp(term, "dumb") == 0))
        return 0;
    return 1;
}

int kt_cli_text_width(const char *s)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (p && *p) {
        unsigned c = *p, cp = c;
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (n > 1) {
            cp = c & (0x7Fu >> n);
            for (size_t i = 1; i < n; i++) {
                if ((p[i] & 0xC0) != 0x80) {
                    n = i;
                    break;
                }
                cp = (cp << 6) | (p[i] & 0x3Fu);
            }
        }
        p += n;
        if (cp >= 0x300 && cp <= 0x36F)
            continue; /* combining marks take no column */
        /* East Asian wide and full-width characters take two columns */
        w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                     (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                     (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
                     (cp >= 0x20000 && cp <= 0x3FFFD)
                 ? 2
                 : 1;
    }
    return w;
}

void kt_cli_pad(FILE *f, const char *s, int width)
{
    s = kt_cli_text(s); /* control characters made visible, and counted as printed */
    fputs(s, f);
    for (int w = kt_cli_text_width(s); w < width; w++)
        fputc(' ', f);
}
