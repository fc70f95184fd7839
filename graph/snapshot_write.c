/* snapshot_write.c: the built model written as a snapshot (kt_graph_save; the format is in
 * snapshot.c's opening comment).  Complexity: O(|V| + |E|) sequential writes. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "snapshot_i.h"

/* ---- writing ---- */

typedef struct {
    FILE *f;
    uint64_t pos;
    toc_entry toc[MAX_SECTIONS];
    uint32_t ntoc;
    int err;
    uint64_t h;              /* hash_mem of the body so far, in whole words */
    unsigned char carry[8];  /* bytes of the next word */
    size_t ncarry;
} writer;

static void w_bytes(writer *w, const void *p, size_t n)
{
    const unsigned char *b = p;
    if (n && fwrite(p, 1, n, w->f) != n)
        w->err = 1;
    w->pos += n;
    if (w->pos == n || n == 0)
        return; /* the header is not hashed */
    /* the body hash, word by word whatever the pieces written */
    while (n && w->ncarry) {
        w->carry[w->ncarry++] = *b++;
        n--;
        if (w->ncarry == 8) {
            uint64_t x;
            memcpy(&x, w->carry, 8);
            w->h = kt_snap_i_mix(w->h, x);
            w->ncarry = 0;
        }
    }
    if (!n)
        return; /* all went into the carried word */
    size_t whole = n & ~(size_t)7;
    for (size_t i = 0; i < whole; i += 8) {
        uint64_t x;
        memcpy(&x, b + i, 8);
        w->h = kt_snap_i_mix(w->h, x);
    }
    memcpy(w->carry, b + whole, n - whole);
    w->ncarry = n - whole;
}

static void w_pad(writer *w)
{
    static const char zero[ALIGN];
    w_bytes(w, zero, (size_t)((ALIGN - w->pos % ALIGN) % ALIGN));
}

static void w_begin(writer *w, const char *name, size_t size)
{
    w_pad(w);
    toc_entry *t = &w->toc[w->ntoc++];
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", name);
    t->size = size;
    t->off = w->pos;
}

static void w_end(writer *w)
{
    toc_entry *t = &w->toc[w->ntoc - 1];
    t->count = (w->pos - t->off) / t->size;
}

static void w_section(writer *w, const char *name, const void *p, size_t size, size_t count)
{
    w_begin(w, name, size);
    w_bytes(w, p, size * count);
    w_end(w);
}

/* name.text (every string and its NUL, in number order), name.off, and name.slots when given. */
static int w_strings(writer *w, const char *name, const kt_graph_i_intern *t, int slots)
{
    char sec[16];
    uint64_t *off = malloc(((size_t)t->n + 1) * sizeof *off), at = 0;
    if (!off)
        return -1;
    snprintf(sec, sizeof sec, "%s.text", name);
    w_begin(w, sec, 1);
    for (uint32_t i = 0; i < t->n; i++) {
        size_t len = strlen(t->str[i]) + 1;
        off[i] = at;
        at += len;
        w_bytes(w, t->str[i], len);
    }
    w_end(w);
    snprintf(sec, sizeof sec, "%s.off", name);
    w_section(w, sec, off, sizeof *off, t->n);
    free(off);
    if (slots) {
        snprintf(sec, sizeof sec, "%s.slots", name);
        w_section(w, sec, t->slots, sizeof *t->slots, t->nslots);
    }
    return 0;
}

/* A growing text of NUL-terminated strings, for diagnostics and source paths. */
typedef struct {
    char *s;
    size_t n, cap;
} text;

static uint64_t text_add(text *t, const char *s)
{
    size_t len = strlen(s) + 1;
    if (t->n + len > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4096;
        while (cap < t->n + len)
            cap *= 2;
        char *p = realloc(t->s, cap);
        if (!p)
            return UINT64_MAX;
        t->s = p;
        t->cap = cap;
    }
    memcpy(t->s + t->n, s, len);
    t->n += len;
    return t->n - len;
}

static kt_err w_diags(writer *w, const kt_diags *d)
{
    text tx = {0};
    size_t n = kt_diags_count(d), nc = kt_diags_code_count(d);
    diag_rec *r = calloc(n + 1, sizeof *r);
    drop_rec *dr = calloc(nc + 1, sizeof *dr);
    kt_err rc = KT_ENOMEM;
    size_t ndr = 0;
    if (!r || !dr)
        goto out;
    for (size_t i = 0; i < n; i++) {
        const kt_diag *x = kt_diags_get(d, i);
        r[i].sev = (uint32_t)x->sev;
        r[i].file = x->file;
        r[i].line = x->line;
        r[i].record = x->record ? text_add(&tx, x->record) : UINT64_MAX - 1;
        if ((r[i].code = text_add(&tx, x->code)) == UINT64_MAX || (r[i].msg = text_add(&tx, x->msg)) == UINT64_MAX ||
            r[i].record == UINT64_MAX)
            goto out;
        if (r[i].record == UINT64_MAX - 1)
            r[i].record = UINT64_MAX;
    }
    for (size_t i = 0; i < nc; i++) {
        size_t dropped;
        const char *code = kt_diags_code(d, i, &dropped);
        if (!dropped)
            continue;
        if ((dr[ndr].code = text_add(&tx, code)) == UINT64_MAX)
            goto out;
        dr[ndr++].n = dropped;
    }
    w_section(w, "diag", r, sizeof *r, n);
    w_section(w, "diag.drop", dr, sizeof *dr, ndr);
    w_section(w, "diag.text", tx.s ? tx.s : "", 1, tx.n);
    rc = KT_OK;
out:
    free(r);
    free(dr);
    free(tx.s);
    return rc;
}

/* The derived indexes (kt_graph.h): cycle flags, gaps and bill-of-materials shares, one each
 * per vertex; the dependency index; the owners index, made without directors.  O(|V| + |E|). */
static kt_err w_derived(writer *w, const kt_graph *g)
{
    uint8_t *cyclic, *gaps;
    float *bom;
    kt_graph_owners o;
    kt_graph_deps dp;
    kt_err rc = kt_graph_cycles(g, &cyclic);
    if (rc != KT_OK)
        return rc;
    if ((rc = kt_graph_bom_shares(g, &bom)) != KT_OK) {
        free(cyclic);
        return rc;
    }
    if (!(gaps = malloc((size_t)g->nv + 1))) {
        free(cyclic);
        free(bom);
        return KT_ENOMEM;
    }
    for (igraph_integer_t v = 0; v < g->nv; v++)
        gaps[v] = kt_graph_gaps(g, v);
    w_section(w, "d.cyclic", cyclic, 1, (size_t)g->nv);
    w_section(w, "d.gaps", gaps, 1, (size_t)g->nv);
    w_section(w, "d.bom", bom, sizeof *bom, (size_t)g->nv);
    free(cyclic);
    free(gaps);
    free(bom);
    /* one index at a time, written as soon as made: the least memory held at once */
    if ((rc = kt_graph_deps_build(g, &dp)) != KT_OK)
        return rc;
    w_section(w, "d.dep.off", dp.off, sizeof *dp.off, (size_t)g->nv + 1);
    w_section(w, "d.dep", dp.dep, sizeof *dp.dep, dp.n);
    kt_graph_deps_free(&dp);
    if ((rc = kt_graph_owners_build(g, 0, NULL, &o)) != KT_OK)
        return rc;
    w_section(w, "d.own.off", o.off, sizeof *o.off, (size_t)g->nv + 1);
    w_section(w, "d.own.from", o.from ? (const void *)o.from : "", sizeof *o.from, o.n);
    w_section(w, "d.own.rel", o.rel ? (const void *)o.rel : "", sizeof *o.rel, o.n);
    kt_graph_owners_free(&o);
    return KT_OK;
}

/* Size, time, hash and absolute path of every source, for noticing later changes. */
static kt_err w_sources(writer *w, const kt_graph *g, kt_errinfo *ei)
{
    text tx = {0};
    src_rec *r = calloc((size_t)g->files.n + 1, sizeof *r);
    kt_err rc = KT_ENOMEM;
    if (!r)
        goto out;
    for (uint32_t i = 0; i < g->files.n; i++) {
        const char *name = g->files.str[i];
        struct stat st;
        char *abs = NULL;
        r[i].size = UINT64_MAX;
        if (strcmp(name, "<stdin>") != 0 && stat(name, &st) == 0 && S_ISREG(st.st_mode)) {
            r[i].size = (uint64_t)st.st_size;
            r[i].mtime_s = st.st_mtim.tv_sec;
            r[i].mtime_ns = st.st_mtim.tv_nsec;
            if (kt_snap_i_hash_file(name, &r[i].hash) != 0) {
                rc = kt_errinfo_set(ei, KT_EIO, name, 0, "cannot read: %s", strerror(errno));
                goto out;
            }
            abs = realpath(name, NULL);
        }
        r[i].path = text_add(&tx, abs ? abs : "");
        free(abs);
        if (r[i].path == UINT64_MAX)
            goto out;
    }
    w_section(w, "src", r, sizeof *r, g->files.n);
    w_section(w, "src.text", tx.s ? tx.s : "", 1, tx.n);
    rc = KT_OK;
out:
    free(r);
    free(tx.s);
    return rc;
}

kt_err kt_graph_save(const kt_graph *g, const kt_diags *d, const char *version, FILE *out, kt_errinfo *ei)
{
    writer w;
    header h;
    kt_err rc;
    kt_graph *gm = (kt_graph *)g; /* the table takes member addresses; nothing is changed */
    kt_graph_i_array arr[] = KT_GRAPH_I_ARRAYS(gm);
    const igraph_vector_int_t *iv[6] = {&g->ig.from, &g->ig.to, &g->ig.oi, &g->ig.ii, &g->ig.os, &g->ig.is};
    static const char *ivn[6] = {"ig.from", "ig.to", "ig.oi", "ig.ii", "ig.os", "ig.is"};

    if (!g->built)
        return kt_errinfo_set(ei, KT_EUSAGE, "", 0, "the graph is not built");
    memset(&w, 0, sizeof w);
    w.f = out;
    w.h = BODY_SEED;
    memset(&h, 0, sizeof h);
    w_bytes(&w, &h, sizeof h);
    if (w_strings(&w, "files", &g->files, 0) != 0 || w_strings(&w, "ids", &g->ids, 1) != 0 ||
        w_strings(&w, "strs", &g->strs, 0) != 0 || w_strings(&w, "idkeys", &g->ident_keys, 1) != 0)
        return kt_errinfo_set(ei, KT_ENOMEM, "", 0, "out of memory");
    for (size_t i = 0; i < sizeof arr / sizeof arr[0]; i++)
        w_section(&w, arr[i].name, *arr[i].ptr, arr[i].size, arr[i].count);
    for (int i = 0; i < 6; i++)
        w_section(&w, ivn[i], VECTOR(*iv[i]), sizeof(igraph_integer_t), (size_t)igraph_vector_int_size(iv[i]));
    {
        text sc = {0};
        for (size_t i = 0; i < g->nschemes; i++)
            if (text_add(&sc, g->schemes[i]) == UINT64_MAX) {
                free(sc.s);
                return kt_errinfo_set(ei, KT_ENOMEM, "", 0, "out of memory");
            }
        w_section(&w, "schemes", sc.s ? sc.s : "", 1, sc.n);
        free(sc.s);
    }
    if (w_diags(&w, d) != KT_OK)
        return kt_errinfo_set(ei, KT_ENOMEM, "", 0, "out of memory");
    if ((rc = w_sources(&w, g, ei)) != KT_OK)
        return rc == KT_ENOMEM ? kt_errinfo_set(ei, rc, "", 0, "out of memory") : rc;
    if ((rc = w_derived(&w, g)) != KT_OK)
        return kt_errinfo_set(ei, rc, "", 0, rc == KT_ENOMEM ? "out of memory" : "too large for a snapshot");
    w_pad(&w);
    h.body_sum = kt_snap_i_hash(w.h, w.carry, w.ncarry); /* w_pad leaves no carry: the body is whole words */
    memcpy(h.magic, MAGIC, 8);
    h.format = FORMAT;
    h.bom = BOM;
    snprintf(h.version, sizeof h.version, "%s", version);
    h.toc_off = w.pos;
    h.ntoc = w.ntoc;
    h.file_size = w.pos + w.ntoc * sizeof(toc_entry);
    h.nv = g->nv;
    h.dropped_by_date = g->dropped_by_date;
    if (kt_graph_date(g))
        memcpy(h.as_of, kt_graph_date(g), 11);
    memcpy(h.win[0], g->win_from, 11);
    memcpy(h.win[1], g->win_after, 11);
    memcpy(h.win[2], g->win_to, 11);
    memcpy(h.win[3], g->win_before, 11);
    h.sum = kt_snap_i_header_sum(&h, w.toc, w.ntoc);
    w_bytes(&w, w.toc, w.ntoc * sizeof(toc_entry));
    if (!w.err && (fseeko(out, 0, SEEK_SET) != 0 || fwrite(&h, sizeof h, 1, out) != 1))
        w.err = 1;
    if (w.err || fflush(out) != 0)
        return kt_errinfo_set(ei, KT_EIO, "", 0, "cannot write: %s", strerror(errno));
    return KT_OK;
}
