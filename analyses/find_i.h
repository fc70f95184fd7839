/* find_i.h: shared inside the find module only (find.c and the generated fold_table.c). */
#ifndef KT_FIND_I_H
#define KT_FIND_I_H

typedef struct {
    unsigned cp;       /* a code point */
    const char *text;  /* its folded form, UTF-8 */
} kt_find_i_fold;

extern const kt_find_i_fold kt_find_i_fold_table[];
extern const unsigned kt_find_i_fold_count;

#endif
