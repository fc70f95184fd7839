/* snapshot_i.h: the snapshot's layout, shared by its writer (snapshot_write.c) and its reader
 * (snapshot.c); snapshot.c's opening comment describes the format. */
#ifndef KT_SNAPSHOT_I_H
#define KT_SNAPSHOT_I_H

#include <stdint.h>
#include <stdio.h>

#include "graph_i.h"

#define MAGIC "\x89KTN\r\n\x1a\n"
#define FORMAT 2u
#define BOM 0x01020304u
#define ALIGN 64u
#define HEADER 256u
#define MAX_SECTIONS 64u

typedef struct {
    char magic[8];
    uint32_t format, bom;
    char version[16];
    uint64_t file_size, toc_off;
    uint32_t ntoc, pad;
    uint64_t sum; /* hash of the header (this field 0) and the table of contents */
    int64_t nv;
    uint64_t dropped_by_date;
    char as_of[16];      /* the date the model was built for (--as-of, else the day of indexing) */
    char win[4][16];     /* the dates it answers for: from, after, to, before (graph_i.h) */
    uint64_t body_sum;   /* hash of every byte between the header and the table of contents */
    char reserved[HEADER - 168];
} header;

_Static_assert(sizeof(header) == HEADER, "the header is HEADER bytes");

typedef struct {
    char name[16];
    uint64_t size, count, off, reserved;
} toc_entry;

typedef struct {
    uint32_t sev, file;
    int64_t line;
    uint64_t code, record, msg; /* offsets into "diag.text"; record UINT64_MAX when none */
} diag_rec;

typedef struct {
    uint64_t code, n; /* offset of the code in "diag.text"; warnings counted but not stored */
} drop_rec;

typedef struct {
    uint64_t size;       /* UINT64_MAX: not a file (standard input) */
    int64_t mtime_s, mtime_ns;
    uint64_t hash;
    uint64_t path;       /* offset of the absolute path in "src.text" */
} src_rec;

#define BODY_SEED 0x736e6170ull

/* One word into a running hash (the body's and kt_snap_i_hash's). */
static inline uint64_t kt_snap_i_mix(uint64_t h, uint64_t w)
{
    h ^= w * 0x9e3779b97f4a7c15ull;
    h = (h << 31) | (h >> 33);
    return h * 0xbf58476d1ce4e5b9ull;
}

/* Hashing for change detection, not security: of n bytes after h; of a file's bytes (0, or -1
 * when it cannot be read); of a header (its sum field as 0) and its table of contents. */
uint64_t kt_snap_i_hash(uint64_t h, const unsigned char *p, size_t n);
int kt_snap_i_hash_file(const char *path, uint64_t *out);
uint64_t kt_snap_i_header_sum(const header *h, const toc_entry *toc, uint32_t ntoc);

#endif
