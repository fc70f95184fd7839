/* load_i.h: what loaders share (internal to loaders/).
 *
 * kt_src is a buffered reader that hands out lines (for line-oriented formats) or the
 * whole input (for JSON documents).  The kt_json_* helpers turn cJSON values into keten's
 * fields and report wrong types as diagnostics at the record's place. */
#ifndef KT_LOAD_I_H
#define KT_LOAD_I_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "kt_load.h"

typedef struct {
    FILE *in;         /* NULL when reading from memory */
    char *buf;        /* owned when in != NULL */
    size_t len, cap;  /* bytes in buf, its capacity */
    size_t pos;       /* next unread byte */
    const char *mem;  /* memory input */
    int eof;
    long lineno;      /* line number of the last line returned */
    int io_error;
} kt_src;

/* Everything one loader call needs. */
typedef struct {
    kt_graph *g;
    kt_diags *d;
    uint32_t file;    /* kt_graph_add_file index */
    const char *path;
} kt_load_ctx;

void kt_load_i_src_file(kt_src *s, FILE *in);
void kt_load_i_src_mem(kt_src *s, const char *buf, size_t len);
void kt_load_i_src_destroy(kt_src *s);
/* Make at least want bytes (or all that is left) readable from pos; returns bytes available. */
size_t kt_load_i_src_peek(kt_src *s, size_t want, const char **p);
/* Next line without its newline (and without a trailing CR), NUL-terminated in place;
 * 1 when a line was read, 0 at end of input, -1 on memory or read error. */
int kt_load_i_src_line(kt_src *s, char **line, size_t *len);
/* The rest of the input as one NUL-terminated buffer (borrowed from s). */
int kt_load_i_src_all(kt_src *s, const char **buf, size_t *len);

/* Parse one JSON text; on failure add a json_malformed (or json_too_deep) diagnostic at the
 * right line (first_line is the line of text[0]) and return NULL. */
cJSON *kt_load_i_json_parse(kt_load_ctx *c, const char *text, size_t len, long first_line);

/* The line of each element of an array in a JSON document: key NULL for a top-level array,
 * else the array under that top-level key.  *lines is malloc'd (caller frees); n elements.
 * Returns 0, or -1 when out of memory.  Complexity: O(len). */
int kt_load_i_json_elem_lines(const char *text, size_t len, const char *key, long **lines, size_t *n);

/* Field readers: NULL/absent gives the default; a wrong type adds a field_type diagnostic
 * (at line, or record when line is 0) and sets *bad. */
const char *kt_load_i_str(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record,
                          int *bad);
int kt_load_i_bool(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad,
                   int *value); /* 1 when present */
/* A share: a number, or {"min": a, "max": b}; unknown when absent. */
kt_ival kt_load_i_share(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad);

/* The native loader's entry points, used by kt_load_stream. */
kt_err kt_load_i_native(kt_load_ctx *c, kt_src *s);

#endif
