/* native_i.h: the native loader's decoded record, shared by native.c (the tree decoder) and
 * native_fast.c (the direct one) and their test (internal to loaders/). */
#ifndef KT_LOAD_NATIVE_I_H
#define KT_LOAD_NATIVE_I_H

#include "load_i.h"

/* A decoded record: what kt_graph_add_* takes. */
enum { REC_ENT, REC_REL, REC_MARK };
typedef struct {
    int kind;
    union {
        kt_entity_in e;
        kt_rel_in r;
        kt_mark_in m;
    } u;
    kt_id_key keys[3]; /* JSON Lines: the ids' keys (entity: id; relation: from, to, item) */
} kt_native_rec;

/* One JSON Lines record decoded from its cJSON tree, with every diagnostic (native.c): 1 when
 * *x is to be added, 0 when not, -1 out of memory. */
int kt_load_i_native_decode(kt_load_ctx *c, const cJSON *o, long line, void *x);

/* The same straight from the line's text, for the common record only: a relation or entity of
 * known fields with plain values that the tree decoder takes without a word.  1 with *x (whose
 * strings then lie in text: the closing quotes become NULs), 0 for any other line (text is as
 * it was), which then goes the tree's way; also a share {"min", "max"} when max_depth (the depth
 * limit) is below 2 (native_fast.c). */
int kt_load_i_native_fast(char *text, size_t len, size_t max_depth, kt_native_rec *x);

/* The last checks of a relation whatever the decoder, on r with its dates set and the basis and
 * role given (or NULL): the basis, the role or the lead flag filled in; 0, or which field is
 * wrong: 1 since, 2 until, 3 basis, 4 role (the tree decoder says so, the direct one declines). */
int kt_load_i_native_rel_finish(kt_rel_in *r, const char *basis, const char *role);

#endif
