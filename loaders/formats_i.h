/* formats_i.h: each input format's two functions, for the registry (registry.c) and the format's
 * own file.  Adding a format: one file with these two, one row in registry.c, one test folder
 * tests/invalid/NAME (tests/cli/loaders/registry.sh checks the rest against the registry).
 *
 * detect(head, len, first): head is the start of the input (byte order mark and leading white
 * space skipped), len bytes of it, first the length of its first line; 1 when the content is
 * this format's.  The registry asks in its detection order; the first yes wins.
 * load(c, s): read everything from s into c->g, problems into c->d. */
#ifndef KT_LOAD_FORMATS_I_H
#define KT_LOAD_FORMATS_I_H

#include "load_i.h"

#define KT_LOAD_I_FORMAT(name)                                                                                         \
    int kt_load_i_##name##_detect(const char *head, size_t len, size_t first);                                         \
    kt_err kt_load_i_##name(kt_load_ctx *c, kt_src *s)

KT_LOAD_I_FORMAT(native);
KT_LOAD_I_FORMAT(bods);
KT_LOAD_I_FORMAT(cyclonedx);
KT_LOAD_I_FORMAT(spdx);
KT_LOAD_I_FORMAT(gleif);
KT_LOAD_I_FORMAT(ftm);
KT_LOAD_I_FORMAT(csv);

/* memmem of a C string: 1 when head[0, len) holds needle. */
int kt_load_i_has(const char *head, size_t len, const char *needle);

#endif
