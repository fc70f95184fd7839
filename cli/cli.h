/* cli.h: what the keten commands share.  Only cli/ knows argv, stdout and exit codes.
 *
 * Exit codes: 0 answered; 1 answered and a result crossed --fail-on; 2 could not answer
 * (usage, bad input, I/O, memory).
 * Ownership: kt_cli_load() gives the caller a graph to free with kt_graph_free(). */
#ifndef KT_CLI_H
#define KT_CLI_H

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>

#include "../graph/kt_graph.h"
#include "../loaders/kt_load.h"

#define KT_EXIT_OK 0
#define KT_EXIT_THRESHOLD 1
#define KT_EXIT_FAIL 2

#define KT_VERSION "0.1.0"

typedef int (*kt_cmd_fn)(int argc, char **argv);

/* Commands, one file each (cli/cmd_NAME.c). */
int kt_cmd_check(int argc, char **argv);
int kt_cmd_owners(int argc, char **argv);
int kt_cmd_owned(int argc, char **argv);
int kt_cmd_paths(int argc, char **argv);
int kt_cmd_screen(int argc, char **argv);
int kt_cmd_diagram(int argc, char **argv);
int kt_cmd_exposure(int argc, char **argv);
int kt_cmd_provenance(int argc, char **argv);
int kt_cmd_critical(int argc, char **argv);
int kt_cmd_find(int argc, char **argv);
int kt_cmd_questions(int argc, char **argv);
int kt_cmd_index(int argc, char **argv);
int kt_cmd_diff(int argc, char **argv);

/* The date set with --as-of (any command): only relations valid on that date are loaded.
 * NULL when not given. */
extern const char *kt_cli_as_of;
/* --strict (any command): a snapshot whose sources changed is an error, not a warning. */
extern int kt_cli_strict;

/* Print "keten: " and a message to stderr. */
void kt_cli_msg(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A usage error: one line, then "try 'keten CMD --help'"; returns KT_EXIT_FAIL. */
int kt_cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Text from the data (ids, names, file names, messages quoting them), made safe to print: control
 * characters become visible text (\x1b, \n), so data can neither drive a terminal nor start a
 * line of its own.  kt_cli_text() returns s itself when nothing needs escaping, else a buffer
 * kept here (one set per thread) and reused after 16 more calls (enough for the arguments of
 * one printf); kt_cli_text_release() frees the calling thread's.
 * kt_cli_line() prints one formatted line, all of it escaped, then a newline.
 * Markdown: kt_cli_md_text() escapes markup characters too; kt_cli_md_code() writes a code span
 * with a fence no backtick inside can close. */
void kt_cli_put_text(FILE *f, const char *s);
const char *kt_cli_text(const char *s);
void kt_cli_text_release(void);
/* Write items 0..n-1 to f in order, each made by one(out, i, ctx) on any of the --threads
 * threads into a buffer of its own (a batch of items at a time, so the buffers held stay
 * small); one must only read what it shares, and returns -1 when out of memory, else 0.  One
 * thread: straight to f.  -1 when out of memory (f then holds a part), else 0.  Complexity:
 * one's, and a copy of the output. */
int kt_cli_each(FILE *f, size_t n, int (*one)(FILE *out, size_t i, void *ctx), void *ctx);
void kt_cli_line(FILE *f, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void kt_cli_vline(FILE *f, const char *fmt, va_list ap);
void kt_cli_md_text(FILE *f, const char *s);
void kt_cli_md_code(FILE *f, const char *s);

/* Print diagnostics to stderr as "file:line: [warning: ]message [code]". */
void kt_cli_print_diags(const kt_graph *g, const kt_diags *d, int with_warnings);

/* Load files into one built graph.  On success *out holds the graph and the result is 0;
 * on any error the problems are printed, nothing is returned and the result is
 * KT_EXIT_FAIL.  Warnings are summarised in one line unless quiet.  d (may be NULL) receives
 * the diagnostics when the caller wants them (keten check). */
int kt_cli_load(char **files, int nfiles, kt_format fmt, int quiet, kt_graph **out, kt_diags *d);

/* A whole file, NUL-terminated, *len its size (caller frees); NULL after saying why. */
char *kt_cli_read_file(const char *path, size_t *len);

/* Find an entity named on the command line; prints "unknown entity" and returns -1. */
igraph_integer_t kt_cli_entity(const kt_graph *g, const char *id);

/* Columns text takes on a terminal: one per character, two for East Asian wide ones, none
 * for combining marks.  kt_cli_pad() prints s (through kt_cli_text) and spaces up to width
 * columns; measure kt_cli_text(s) for the width. */
int kt_cli_text_width(const char *s);
void kt_cli_pad(FILE *f, const char *s, int width);

/* SHA-256 as 64 hex digits (cli/sha256.c): of a file (-1 and "unreadable" when it cannot be
 * read), or of a buffer. */
int kt_cli_sha256_file(const char *path, char out[65]);
int kt_cli_sha256_buf(const void *p, size_t n, char out[65]);

/* Parse a number strictly (the whole string, within [lo, hi]); 0 on success. */
int kt_cli_parse_double(const char *s, double lo, double hi, double *out);
int kt_cli_parse_long(const char *s, long lo, long hi, long *out);

/* Output that is written whole or not at all: kt_cli_out_open() gives stdout for NULL or "-",
 * else a temporary file beside path (beside the file a symlink names; with the existing file's
 * mode); kt_cli_out_close() renames it into place when ok, removes it otherwise, and exit() or a
 * fatal signal removes it too.  A device or FIFO is written directly.  Both print why they
 * failed (a full disk included).  Returns 0 on success. */
typedef struct {
    FILE *f;
    char *path, *tmp; /* tmp is NULL when written directly */
} kt_cli_out;
int kt_cli_out_open(kt_cli_out *o, const char *path);
int kt_cli_out_close(kt_cli_out *o, int ok);

/* Print a cJSON document (formatted, two-space indent, newline) and free it. */
int kt_cli_print_json(FILE *f, cJSON *doc);

/* Print head (consumed) with one more member, key, last: an array of n items made one at a
 * time by item(ctx, i) and printed and freed at once, so a long list never sits in memory
 * as one tree.  Same layout as kt_cli_print_json.  Returns 0 on success. */
int kt_cli_print_json_items(FILE *f, cJSON *head, const char *key, size_t n,
                            cJSON *(*item)(void *ctx, size_t i), void *ctx);

/* The same, member by member: kt_cli_json_begin prints head (consumed) without its closing
 * brace; kt_cli_json_items adds an array made one item at a time, kt_cli_json_add one member
 * (consumed); kt_cli_json_end closes the document.  Each returns 0 on success; after a failure
 * the rest do nothing and kt_cli_json_end reports it. */
typedef struct {
    FILE *f;
    int members, err;
} kt_cli_json_stream;
int kt_cli_json_begin(kt_cli_json_stream *s, FILE *f, cJSON *head);
int kt_cli_json_items(kt_cli_json_stream *s, const char *key, size_t n, cJSON *(*item)(void *ctx, size_t i),
                      void *ctx);
int kt_cli_json_add(kt_cli_json_stream *s, const char *key, cJSON *value);
int kt_cli_json_end(kt_cli_json_stream *s);

/* Finish a command that printed to stdout: flush, check for write errors. */
int kt_cli_finish(int code);

/* A one-line status on stderr, rewritten in place: only on a terminal that may show progress,
 * and only once a second has passed since kt_cli_status_start (quick runs show nothing).
 * kt_cli_status_end() clears the line.  kt_cli_load() shows loading progress with it. */
void kt_cli_status_start(int enabled);
void kt_cli_status(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void kt_cli_status_end(void);

/* Whether stderr is a terminal that may show progress (not NO_COLOR/dumb/CI/--quiet). */
int kt_cli_progress_ok(void);

/* ---- shared by exposure, provenance and critical (cli/report.c) ---- */

/* Read a policy file; on failure print "file:line: message" (or "file: message") and return
 * KT_EXIT_FAIL, else 0 with *out the caller's (kt_policy_free). */
int kt_cli_load_policy(const char *path, kt_policy **out);
/* Print a loader's error as "file:line: message" (or "file: message") to stderr. */
void kt_cli_print_errinfo(const kt_errinfo *ei);
/* Reason bits (KT_REASON_*) and unknown-beyond bits (KT_UNK_*) as JSON arrays of names, or as
 * text joined by sep (names for reasons; phrases for people for the unknown bits). */
cJSON *kt_cli_reasons_json(unsigned reasons);
/* The evidence for v's mark reasons (sanctioned, debarred, export_controlled): each mark in
 * force that the policy makes a finding, as text lines ("    sanction: AUTHORITY, programme
 * P, from D to D [file:line (record)]") or a JSON array of objects. */
void kt_cli_marks_text(FILE *f, const kt_graph *g, const kt_policy *p, igraph_integer_t v);
cJSON *kt_cli_marks_json(const kt_graph *g, const kt_policy *p, igraph_integer_t v);
const char *kt_cli_reasons_text(unsigned reasons, const char *sep, char *buf, size_t len);
cJSON *kt_cli_why_json(unsigned why);
const char *kt_cli_why_text(unsigned why, const char *sep, char *buf, size_t len);
/* CSV (RFC 4180): one cell, always quoted, formula-like text defused with a leading ';
 * last ends the row with CRLF, else sep follows.  A number cell is bare, empty for NaN. */
void kt_cli_csv_cell(FILE *f, const char *s, int last, char sep);
void kt_cli_csv_num(FILE *f, double x, char sep);
/* The header row, after a UTF-8 byte order mark when sep is ';' (Excel with a Dutch locale). */
void kt_cli_csv_header(FILE *f, const char *const *cols, size_t n, char sep);
/* An interval as JSON: {"min", "max"} rounded to nine decimals, or null when unknown. */
cJSON *kt_cli_ival_json(kt_ival iv);

/* The policy and thresholds in force, as JSON: {"file", "name"} and {"owner_share", ...}. */
cJSON *kt_cli_policy_json(const kt_policy *p);
cJSON *kt_cli_thresholds_json(const kt_policy *p);

/* A number for JSON output, rounded to 9 decimals so that 0.1 + 0.2 prints as 0.3. */
double kt_cli_num(double x);

/* A percentage interval as text into buf: "30%", "25-50%", "unknown". */
const char *kt_cli_pct(kt_ival iv, char *buf, size_t len);

/* An alpha-2 code for a country index, "" for 0. */
const char *kt_cli_country(unsigned idx);

/* The input files as a JSON array. */
cJSON *kt_cli_files_json(const kt_graph *g);

#endif
