/* kt_error.h: keten's error codes and the place an error was found.
 *
 * Every fallible function returns kt_err and, where it has one, fills a kt_errinfo.
 * Only cli/ prints errors, as "file:line: message".  Messages are lowercase, name the
 * problem first and have no full stop. */
#ifndef KT_ERROR_H
#define KT_ERROR_H

typedef enum {
    KT_OK = 0,
    KT_ENOMEM,    /* out of memory */
    KT_EIO,       /* a file could not be read or written */
    KT_EPARSE,    /* input is not well-formed */
    KT_EINVALID,  /* input is well-formed but breaks a rule */
    KT_ENOTFOUND, /* a named entity or file does not exist */
    KT_EGRAPH,    /* igraph reported a failure */
    KT_EUSAGE     /* the caller asked for something impossible */
} kt_err;

typedef struct {
    char file[256];
    long line; /* 0: not tied to a line */
    long col;  /* 0: unknown */
    char msg[256];
} kt_errinfo;

/* Fill ei (which may be NULL) and return rc, so callers can write
 * `return kt_errinfo_set(ei, KT_EPARSE, path, line, "bad %s", x);`. */
kt_err kt_errinfo_set(kt_errinfo *ei, kt_err rc, const char *file, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

const char *kt_err_str(kt_err rc);

#endif
