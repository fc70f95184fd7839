/* load_i.h: the toolkit every loader shares (internal to loaders/), in layers: the source
 * reader (src.c), the JSON reader (json.c), the CSV reader (csvread.c) and small helpers
 * (lutil.c, fields.c).  None of them knows a format; the formats (one file each) and the
 * registry that lists them (registry.c) sit on top.
 *
 * kt_src is a buffered reader that hands out lines (for line-oriented formats) or the
 * whole input (for JSON documents).  The kt_json_* helpers turn cJSON values into keten's
 * fields and report wrong types as diagnostics at the record's place. */
#ifndef KT_LOAD_I_H
#define KT_LOAD_I_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "../graph/kt_country.h"
#include "kt_load.h"

typedef struct {
    FILE *in;
    char *buf;        /* owned */
    size_t len, cap;  /* bytes in buf, its capacity */
    size_t pos;       /* next unread byte */
    int eof;
    long lineno;      /* line number of the last line returned */
    int io_error;
    const char *name; /* for progress reports */
    const char *limit; /* the name of the limit (kt_load_limits) the input went past, or NULL */
    unsigned long long read, total, next_report; /* bytes read, file size (0 unknown) */
} kt_src;

/* Everything one loader call needs. */
typedef struct {
    kt_graph *g;
    kt_diags *d;
    uint32_t file;    /* kt_graph_add_file index */
    const char *path;
    int strict;       /* keten's own formats: duplicate keys, bad UTF-8 and \u0000 are errors */
    int oom;          /* set by readers that report ENOMEM this way (kt_load_i_json_parse) */
} kt_load_ctx;

/* The error for input past a limit (s->limit names it), with the option that raises it. */
kt_err kt_load_i_limit_error(const kt_src *s, const char *name, kt_errinfo *ei);
/* Open path for reading ("x.gz" through zlib); NULL with errno set. */
FILE *kt_load_i_open(const char *path);
void kt_load_i_src_file(kt_src *s, FILE *in);
void kt_load_i_src_destroy(kt_src *s);
/* Make at least want bytes (or all that is left) readable from pos; returns bytes available. */
size_t kt_load_i_src_peek(kt_src *s, size_t want, const char **p);
/* Next line without its end (LF, CRLF or a lone CR), NUL-terminated in place;
 * 1 when a line was read, 0 at end of input, -1 on memory or read error. */
int kt_load_i_src_line(kt_src *s, char **line, size_t *len);
/* Read up to n bytes into dst: what a peek left in s first, then the stream.  Returns the
 * bytes read (fewer only at the end of input), or -1 past the bytes limit (s->limit set). */
long kt_load_i_src_read(kt_src *s, char *dst, size_t n);
/* The rest of the input as one NUL-terminated buffer (borrowed from s). */
int kt_load_i_src_all(kt_src *s, const char **buf, size_t *len);

/* Parse one JSON text (json.c); first_line is the line of text[0].  On failure a diagnostic
 * (json_malformed, json_too_deep, json_trailing_data, and in strict contexts json_utf8,
 * json_nul, json_duplicate_key) and NULL; out of memory: NULL with c->oom set.  Outside strict
 * contexts duplicate keys, invalid UTF-8 and \u0000 give warnings and are repaired (the last
 * value wins; U+FFFD). */
cJSON *kt_load_i_json_parse(kt_load_ctx *c, const char *text, size_t len, long first_line);
/* The common line (an object of ASCII strings without escapes, strict numbers, literals, no key
 * twice, at most max_depth levels) parsed in one pass into the tree cJSON makes of it, its
 * nodes and strings from alloc; NULL for anything else (or out of memory), which the caller then
 * parses with kt_load_i_json_parse (jsonfast.c). */
typedef void *(*kt_load_i_alloc_fn)(size_t n);
/* strcmp(a, b) == 0 for the short names of fields and kinds, inline: run several times per
 * record, where a call to strcmp costs more than the compare */
static inline int kt_load_i_streq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}
cJSON *kt_load_i_json_fast(const char *text, size_t len, size_t max_depth, kt_load_i_alloc_fn alloc);
/* The end of a number in strict JSON syntax at p, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
 * (before e), or NULL when p starts none (jsonfast.c). */
const char *kt_load_i_json_number_end(const char *p, const char *e);
/* cJSON's allocator while keten reads: kt_load_i_json_malloc notes a failed allocation, so that
 * kt_load_i_json_parse can tell running out of memory (c->oom) from malformed text.
 * kt_load_i_json_hooks() installs it (every load does); another allocator given to cJSON (the
 * native loader's arena) calls kt_load_i_json_note_oom() when it fails. */
void *kt_load_i_json_malloc(size_t n);
void kt_load_i_json_note_oom(void);
void kt_load_i_json_hooks(void);
/* The same for a whole strict document (tender, policy): *out, or KT_EPARSE with ei set to
 * file:line: what is wrong ("malformed JSON in WHAT file", "trailing data", "duplicate key
 * ..."), or KT_ENOMEM.  A UTF-8 byte order mark is skipped. */
kt_err kt_load_i_json_parse_doc(const char *path, const char *what, const char *text, size_t len, cJSON **out,
                                kt_errinfo *ei);
/* Lines ended between text and end: LF, CRLF and a lone CR each end one. */
long kt_load_i_count_lines(const char *text, const char *end);

/* The line of each element of an array in a JSON document: key NULL for a top-level array,
 * else the array under that top-level key.  *lines is malloc'd (caller frees); n elements.
 * Returns 0, or -1 when out of memory.  Complexity: O(len). */
int kt_load_i_json_elem_lines(const char *text, size_t len, const char *key, long **lines, size_t *n);

/* The line of the first occurrence of needle in text (1 when absent): where a policy or
 * tender file's key stands.  Complexity: O(len). */
long kt_load_i_line_of(const char *text, size_t len, const char *needle);

/* The policy's "measures" catalogue (loaders/measures.c), read from the parsed document into
 * p; nothing when the key is absent. */
kt_err kt_load_i_measures(kt_policy *p, const cJSON *doc, const char *path, const char *text, size_t len,
                          kt_errinfo *ei);

/* Read a whole small JSON document (policy, tender) and hand it to parse, which turns it
 * into *out.  Errors: KT_ENOTFOUND (cannot open, "cannot open WHAT file"), KT_EIO, KT_ENOMEM. */
typedef kt_err (*kt_load_i_doc_fn)(const char *path, const char *text, size_t len, void *out, kt_errinfo *ei);
kt_err kt_load_i_read_doc(const char *path, const char *what, kt_load_i_doc_fn parse, void *out, kt_errinfo *ei);

/* The next non-blank line of s parsed as JSON: 1 with *o (NULL when the line was malformed;
 * a diagnostic says so), 0 at the end of input, -1 when out of memory.  The caller frees *o. */
int kt_load_i_json_line(kt_load_ctx *c, kt_src *s, cJSON **o);

/* Field readers: NULL/absent gives the default; a wrong type adds a field_type diagnostic
 * (at line, or record when line is 0) and sets *bad. */
const char *kt_load_i_str(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record,
                          int *bad);
int kt_load_i_bool(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad,
                   int *value); /* 1 when present */
/* A share: a number, or {"min": a, "max": b}; unknown when absent. */
kt_ival kt_load_i_share(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad);

/* ---- JSON Lines on every core (lines.c) ----
 * A format's line records as a decode step (any thread) and an add step (the loading thread,
 * in file order); kt_load_i_lines runs them over the input from where s stands, on
 * kt_load_get_threads() threads, with output that does not depend on their number. */
typedef struct {
    size_t rec_size; /* bytes of one decoded record */
    /* Turn the parsed line o into *rec.  Problems go to c->d as usual (the chunk's own list;
     * c->g must not be used).  Strings of o stay valid until rec is added; more memory for
     * rec comes from kt_load_i_lines_alloc.  Returns 1 when rec is to be added, 0 when not,
     * -1 out of memory. */
    int (*decode)(kt_load_ctx *c, const cJSON *o, long line, void *rec);
    kt_err (*add)(kt_load_ctx *c, const void *rec, long line, void *ud); /* ud: kt_load_i_lines' */
    /* optional: warm the cache for the n records about to be added */
    void (*prefetch)(kt_load_ctx *c, const void *recs, size_t n);
    /* optional, tried before decode: the record straight from the line's text (len bytes, within
     * the string limit; max_depth the depth limit), 1 with *rec exactly as decode would make it
     * without a diagnostic, 0 to leave the line (as it was) to the JSON parser and decode. */
    int (*decode_text)(char *text, size_t len, size_t max_depth, void *rec);
    /* optional, on the parsing thread once a chunk's n records are decoded: look up what it can
     * ahead of the adds (kt_graph_resolve_keys), reading c->g only as that allows */
    void (*resolve)(kt_load_ctx *c, void *recs, size_t n);
} kt_load_lines_ops;
kt_err kt_load_i_lines(kt_load_ctx *c, kt_src *s, const kt_load_lines_ops *ops, void *ud);
/* Memory that lives as long as the record being decoded (NULL out of memory). */
void *kt_load_i_lines_alloc(size_t n);

/* ---- shared by the real-data loaders (lutil.c) ---- */

/* A string -> size_t map (open addressing); keys are copied.  kt_load_i_map_get returns the
 * value slot of key (a new one holds KT_MAP_NEW when create), or NULL when absent (create 0)
 * or out of memory (create 1).  Complexity: O(key length) expected. */
#define KT_MAP_NEW ((size_t)-1)
typedef struct {
    char **keys;
    size_t *vals;
    size_t n, cap;
    size_t *slots; /* index + 1; 0 empty */
    size_t nslots;
} kt_load_map;
void kt_load_i_map_init(kt_load_map *m);
void kt_load_i_map_destroy(kt_load_map *m);
size_t *kt_load_i_map_get(kt_load_map *m, const char *key, int create);

/* A growable string for building entity ids; free(b.s) when done. */
typedef struct {
    char *s;
    size_t cap;
} kt_load_buf;
int kt_load_i_buf_printf(kt_load_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A plain decimal number, the whole string (spaces around allowed), finite; 0 on success. */
int kt_load_i_number(const char *s, double *out);
/* YYYY, YYYY-MM or YYYY-MM-DD. */
int kt_load_i_is_date(const char *s);
/* s as an ISO date in out (a date-time keeps its date), or NULL with a date_invalid warning. */
const char *kt_load_i_date(kt_load_ctx *c, const char *s, char out[11], long line, const char *record);
/* A country in the wild -> alpha-2 (kt_country_normalise), or NULL with a warning code. */
const char *kt_load_i_country(kt_load_ctx *c, const char *s, const char *code, long line, const char *record);
const char *kt_load_i_basename(const char *path);
/* 1 when head[0, len) holds needle (for the formats' detect functions). */
int kt_load_i_has(const char *head, size_t len, const char *needle);
/* The string at key, NULL when absent or not a string. */
const char *kt_load_i_jstr(const cJSON *o, const char *key);

/* RFC 4180 rows: kt_load_i_csv_row returns 1 with a row (fields in r, r->line its first line),
 * 0 at end of input, 2 after a csv_malformed error (the row is skipped), -1 out of memory. */
typedef struct {
    char *text;      /* the fields, NUL-separated */
    size_t len, cap;
    size_t *fields;  /* start of each field in text */
    size_t n, fcap;
    long line;
} kt_load_csv;
void kt_load_i_csv_init(kt_load_csv *r);
void kt_load_i_csv_destroy(kt_load_csv *r);
int kt_load_i_csv_row(kt_load_csv *r, kt_src *s, kt_load_ctx *c);
/* The next data row with exactly ncols fields: 1 with the row, 0 at the end (or after *rc went
 * wrong: KT_ENOMEM).  Malformed rows and rows of another width get a csv_malformed error and
 * are skipped. */
int kt_load_i_csv_next(kt_load_csv *r, kt_src *s, kt_load_ctx *c, size_t ncols, kt_err *rc);
const char *kt_load_i_csv_field(const kt_load_csv *r, size_t i); /* "" past the end */

/* Records of a JSON array document (or, when key is given, of the array under that key of a
 * top-level object) or of JSON Lines: fn gets each record (it owns it: cJSON_Delete) and the
 * line it starts on.  Malformed input becomes diagnostics. */
typedef kt_err (*kt_load_rec_fn)(kt_load_ctx *c, cJSON *rec, long line, void *ud);
kt_err kt_load_i_json_records(kt_load_ctx *c, kt_src *s, const char *key, kt_load_rec_fn fn, void *ud);
/* The same for an fn that keeps nothing of a record's tree after it returns (it copies what it
 * keeps): JSON Lines are then parsed on every core (lines.c), fn still called in file order. */
kt_err kt_load_i_json_records_each(kt_load_ctx *c, kt_src *s, const char *key, kt_load_rec_fn fn, void *ud);
/* The whole input parsed as one JSON document (BOM skipped); NULL after a diagnostic. */
cJSON *kt_load_i_json_doc(kt_load_ctx *c, kt_src *s, const char **text, size_t *len);

/* One native record (entity or relation object) at line: the CSV loader builds these. */
kt_err kt_load_i_native_record(kt_load_ctx *c, const cJSON *o, long line);

#endif
