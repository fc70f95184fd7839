/* kt_diag.h: the problems found while loading and checking input.
 *
 * Loaders and kt_graph_build() add diagnostics; only cli/ prints them.  Each has a stable
 * code (e.g. "owns_share_above_100"), a severity, a place (file index and line, or a
 * record id) and a message.  kt_diags_sort() orders them by file, line, then insertion.
 *
 * Ownership: kt_diags_new() results belong to the caller (kt_diags_free() accepts NULL);
 * codes are static strings; messages and record ids are copied. */
#ifndef KT_DIAG_H
#define KT_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "kt_error.h"

typedef enum { KT_SEV_ERROR = 0, KT_SEV_WARNING = 1 } kt_severity;

typedef struct {
    kt_severity sev;
    const char *code; /* static */
    uint32_t file;    /* index from kt_graph_add_file; UINT32_MAX: none */
    long line;        /* 0: not tied to a line */
    char *record;     /* record id in formats without lines; NULL when none */
    char *msg;
    size_t seq;       /* insertion order, for stable sorting */
} kt_diag;

typedef struct kt_diags kt_diags;

kt_diags *kt_diags_new(void);
void kt_diags_free(kt_diags *d);

/* Add a diagnostic; the message is printf-formatted.  Returns KT_ENOMEM or KT_OK.  After
 * KT_DIAGS_MAX entries of one code, further ones are counted but not stored. */
kt_err kt_diags_add(kt_diags *d, kt_severity sev, const char *code, uint32_t file, long line,
                    const char *record, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

size_t kt_diags_count(const kt_diags *d);
const kt_diag *kt_diags_get(const kt_diags *d, size_t i);
size_t kt_diags_errors(const kt_diags *d);   /* counted, including those not stored */
size_t kt_diags_warnings(const kt_diags *d);
int kt_diags_has_errors(const kt_diags *d);
size_t kt_diags_dropped(const kt_diags *d);  /* how many were counted but not stored */
void kt_diags_sort(kt_diags *d);

/* The codes seen, in first-seen order, and how many of each were counted but not stored
 * (a snapshot saves these); kt_diags_add_dropped counts n more of code without storing them. */
size_t kt_diags_code_count(const kt_diags *d);
const char *kt_diags_code(const kt_diags *d, size_t i, size_t *dropped);
kt_err kt_diags_add_dropped(kt_diags *d, kt_severity sev, const char *code, size_t n);
/* Add from's diagnostics to d as if added to d in from's order (from at the default cap). */
kt_err kt_diags_append(kt_diags *d, const kt_diags *from);

#define KT_DIAGS_MAX 1000
/* Store up to max of each code instead (a loader's scratch list, replayed into the real one). */
void kt_diags_set_cap(kt_diags *d, size_t max);

/* Records a loader read and left out on purpose (an SPDX relationship that is not a part
 * relation, an FtM schema keten does not model): counted by file and kind, so `keten check`
 * can say what each file held beyond what was loaded.  kind is copied ("relationship
 * GENERATES").  At most KT_SKIP_KINDS kinds a file; further kinds count under "other".
 * Complexity: O(kinds) a call. */
#define KT_SKIP_KINDS 64
kt_err kt_diags_skip(kt_diags *d, uint32_t file, const char *kind);
typedef struct {
    uint32_t file;
    const char *kind;
    size_t count;
} kt_skip;
size_t kt_diags_skip_count(const kt_diags *d);
/* The i-th tally, sorted by file then kind after kt_diags_sort(). */
const kt_skip *kt_diags_skip_get(const kt_diags *d, size_t i);

#endif
