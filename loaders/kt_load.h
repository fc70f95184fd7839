/* kt_load.h: reading input files into a kt_graph.
 *
 * Every format has one file in loaders/ and is chosen by content (kt_load_detect) or by the
 * user (--from).  Loaders record the source (file and line, or record id) of every entity
 * and relation they make.  Every problem with the input goes into the kt_diags as a
 * diagnostic with a stable code and a place; the return value reports only what stops
 * loading altogether (KT_EIO: the file cannot be read; KT_ENOMEM).
 *
 * Ownership: the graph and diags belong to the caller; loaders copy what they keep.
 *
 * Example:
 *     kt_errinfo ei;
 *     if (kt_load_file(g, "data.jsonl", KT_FMT_AUTO, d, &ei) != KT_OK)
 *         fprintf(stderr, "keten: %s: %s\n", ei.file, ei.msg);
 */
#ifndef KT_LOAD_H
#define KT_LOAD_H

#include <stdio.h>

#include "../graph/kt_graph.h"
#include "../graph/kt_decisions.h"
#include "../graph/kt_policy.h"
#include "../graph/kt_tender.h"

/* A format: 0 (KT_FMT_AUTO) detects it from the content, 1..kt_format_count() are the rows of
 * the format registry (loaders/registry.c), the one list of formats. */
typedef int kt_format;
#define KT_FMT_AUTO 0

size_t kt_format_count(void);
const char *kt_format_name(kt_format f);    /* "auto", "native", ...; "?" when out of range */
int kt_format_parse(const char *s, kt_format *out); /* a name or "auto"; 0 on success */
const char *kt_format_list(void);           /* "native, bods, ...": the names, for help texts */

/* Load path ("-" is standard input; a name ending ".gz" is read through zlib) in format fmt
 * (KT_FMT_AUTO: detect). */
kt_err kt_load_file(kt_graph *g, const char *path, kt_format fmt, kt_diags *d, kt_errinfo *ei);

/* Load from an open stream; name is what diagnostics call it. */
kt_err kt_load_stream(kt_graph *g, const char *name, FILE *in, kt_format fmt, kt_diags *d, kt_errinfo *ei);

/* Load from memory (fuzzing, tests): the bytes read through a FILE, as any other input. */
kt_err kt_load_buffer(kt_graph *g, const char *name, const char *buf, size_t len, kt_format fmt, kt_diags *d,
                      kt_errinfo *ei);

/* Report reading progress: fn(ctx, name, bytes read, file size or 0 when unknown) is called
 * about every 16 MiB while a file loads.  NULL turns it off.  One setting for the process
 * (keten loads one file at a time). */
typedef void (*kt_load_progress_fn)(void *ctx, const char *name, unsigned long long done,
                                    unsigned long long total);
void kt_load_set_progress(kt_load_progress_fn fn, void *ctx);

/* Limits on what one input file may make keten read and hold, so that a hostile or broken file
 * (a 4 MB .gz that expands to terabytes, a line that never ends) stops with a clear error
 * instead of filling memory.  The defaults fit the largest real data sets with room to spare:
 * the UK PSC snapshot (about 15 million JSON lines, on the order of 10 GB uncompressed, lines of
 * a few kB) and the GLEIF golden copy (about 3 million records, a few GB of CSV, rows under
 * 10 kB).  One setting for the process; keten --limit NAME=N changes one (see docs/limits.md). */
typedef struct {
    unsigned long long bytes;    /* decompressed bytes read from one file: 64 GiB */
    unsigned long long document; /* a JSON document (read whole into memory): 2 GiB */
    unsigned long long line;     /* one line of a line format (JSON Lines, CSV): 64 MiB */
    unsigned long long string;   /* one JSON string (a name, an id): 16 MiB */
    unsigned long long depth;    /* JSON nesting: 1000, cJSON's own limit (it can only go lower) */
    unsigned long long records;  /* lines or records of one file: 500 million */
} kt_load_limits;
extern const kt_load_limits kt_load_limits_default;
void kt_load_set_limits(const kt_load_limits *l);
const kt_load_limits *kt_load_get_limits(void);
/* Set the limit called name ("bytes", "document", "line", "string", "depth", "records") from
 * text: a number with an optional K, M, G or T (powers of 1024).  0 on success, -1 when the
 * name or the number is not one (depth: 1-1000). */
int kt_load_limit_parse(const char *name, const char *text);

/* How many threads parse a line-based input (JSON Lines, see docs/loaders.md): n >= 1, or 0 for
 * every online core (the default).  Output never depends on it.  One setting for the process. */
#define KT_LOAD_THREADS_MAX 256
void kt_load_set_threads(int n);
int kt_load_get_threads(void); /* the number in use: the setting, or the online cores */

/* Guess the format from the first bytes of the input and its name. */
kt_format kt_load_detect(const char *head, size_t len, const char *name);

/* Read a policy file (see loaders/policy.c for the format).  On success *out belongs to the
 * caller (kt_policy_free); on failure ei says file:line: what is wrong. */
kt_err kt_load_policy(const char *path, kt_policy **out, kt_errinfo *ei);
kt_err kt_load_policy_buffer(const char *path, const char *text, size_t len, kt_policy **out, kt_errinfo *ei);

/* Read a tender file (see loaders/tender.c for the format); data and policy paths come back
 * resolved against the tender's folder.  *out belongs to the caller (kt_tender_free). */
kt_err kt_load_tender(const char *path, kt_tender **out, kt_errinfo *ei);
kt_err kt_load_tender_buffer(const char *path, const char *text, size_t len, kt_tender **out, kt_errinfo *ei);
/* A tender may come from outside (a bidder, another office): its data and policy files must be
 * regular files inside the tender's folder tree, symlinks resolved, so that it cannot make keten
 * read /etc/shadow, wait on a FIFO or read /dev/zero.  KT_EINVALID with "file:line: message"
 * naming the first that is not; a file that does not exist is left for the loader to report.
 * keten screen --allow-outside skips this check. */
kt_err kt_tender_check_paths(const kt_tender *t, kt_errinfo *ei);

/* Read an assessor's decisions file (see loaders/decisions.c).  *out belongs to the caller
 * (kt_decisions_free); on failure ei says file:line: what is wrong. */
kt_err kt_load_decisions(const char *path, kt_decisions **out, kt_errinfo *ei);
kt_err kt_load_decisions_buffer(const char *path, const char *text, size_t len, kt_decisions **out,
                                kt_errinfo *ei);

#endif
