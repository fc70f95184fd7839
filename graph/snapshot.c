/* snapshot.c: a snapshot mapped back read-only (see kt_graph.h); snapshot_write.c writes it.
 *
 * Layout (format 2; every integer in the writer's byte order, which the header records):
 *   header, 128 bytes: magic, format, byte-order mark, keten version, file size, where the table
 *     of contents is and how long, a hash of header and table, vertex count, relations left out
 *     by date, the --as-of date;
 *   sections, each at a 64-byte boundary: string tables (text, then one offset per string, and
 *     the id hash table as it is), the side arrays of KT_GRAPH_I_ARRAYS, igraph's six index
 *     vectors, the diagnostics of the load, the sources (size, time, hash, absolute path), and
 *     the derived indexes of derived.c (since format 2: which vertices lie on a cycle, where
 *     each vertex's data stops, the items' bill-of-materials shares, the dependency index, the
 *     owners index), so
 *     that a screening from the snapshot does not compute them again;
 *   table of contents: name, element size, count and offset of each section.
 * Opening maps the file and points the model's arrays into it: nothing is parsed or copied but
 * one pointer per string.  Every index the accessors follow is checked once on opening, so a
 * corrupt file is an error, not a crash.  Complexity: O(|V| + |E|) sequential reads. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "snapshot_i.h"
#include "kt_country.h"
struct kt_graph_i_snap {
    void *map;
    size_t len;
    igraph_vector_int_t saved[6]; /* igraph_empty's own vectors, given back before igraph_destroy */
    const src_rec *src;
    const char *src_text;
    const uint8_t *cyclic;     /* derived indexes (derived.c) */
    const uint8_t *gaps;
    const float *bom;
    kt_graph_deps deps;
    kt_graph_owners owners;
    char version[17];
    char date[11];       /* the date the model was built for; "" none */
    char win[4][11];
};

/* ---- hashing (change detection, not security) ---- */

uint64_t kt_snap_i_hash(uint64_t h, const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = kt_snap_i_mix(h, w);
    }
    uint64_t w = 0;
    memcpy(&w, p + i, n - i);
    return kt_snap_i_mix(h, w ^ ((uint64_t)(n - i) << 56));
}

/* A 64-bit hash of a file's bytes; 0 on success. */
int kt_snap_i_hash_file(const char *path, uint64_t *out)
{
    FILE *f = fopen(path, "rb");
    static unsigned char buf[1 << 20];
    uint64_t h = 0x6b6574656e;
    size_t n;
    if (!f)
        return -1;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        h = kt_snap_i_hash(h, buf, n);
    int bad = ferror(f);
    fclose(f);
    *out = h;
    return bad ? -1 : 0;
}

uint64_t kt_snap_i_header_sum(const header *h, const toc_entry *toc, uint32_t ntoc)
{
    header c = *h;
    c.sum = 0;
    return kt_snap_i_hash(kt_snap_i_hash(0x4b544e, (const unsigned char *)&c, sizeof c), (const unsigned char *)toc,
                    ntoc * sizeof *toc);
}

/* ---- opening ---- */

int kt_graph_is_snapshot(const char *path)
{
    char m[8];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    int yes = fread(m, 1, 8, f) == 8 && memcmp(m, MAGIC, 8) == 0;
    fclose(f);
    return yes;
}

typedef struct {
    const char *base;
    const header *h;
    const toc_entry *toc;
    const char *path;
    kt_errinfo *ei;
} reader;

/* Section name: its start and count when present with elements of size bytes; NULL with an
 * error set when absent, of another element size, or not inside the file. */
static const void *sect(reader *r, const char *name, size_t size, size_t *count)
{
    for (uint32_t i = 0; i < r->h->ntoc; i++) {
        const toc_entry *t = &r->toc[i];
        if (strncmp(t->name, name, sizeof t->name) != 0)
            continue;
        if (t->size != size) {
            kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0,
                           "snapshot section %s has %llu-byte elements, this keten reads %zu: made by another "
                           "keten build, index the sources again",
                           name, (unsigned long long)t->size, size);
            return NULL;
        }
        if (t->off % ALIGN || t->off > r->h->toc_off || t->count > (r->h->toc_off - t->off) / size) {
            kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0, "snapshot section %s lies outside the file (corrupt)", name);
            return NULL;
        }
        *count = (size_t)t->count;
        return r->base + t->off;
    }
    kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0, "snapshot has no section %s (corrupt, or made by another keten)", name);
    return NULL;
}

static kt_err corrupt(reader *r, const char *what)
{
    return kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0, "corrupt snapshot: %s", what);
}

/* A string table: every offset inside the text, the text ending in NUL. */
static kt_err r_strings(reader *r, const char *name, kt_graph_i_intern *t, int slots)
{
    char sec[16];
    size_t ntext, n, ns = 0;
    snprintf(sec, sizeof sec, "%s.text", name);
    const char *tx = sect(r, sec, 1, &ntext);
    snprintf(sec, sizeof sec, "%s.off", name);
    const uint64_t *off = tx ? sect(r, sec, sizeof *off, &n) : NULL;
    if (!off)
        return KT_EPARSE;
    if (n >= KT_INTERN_ENOMEM - 1 || (n && (ntext == 0 || tx[ntext - 1] != '\0')))
        return corrupt(r, "string table");
    if (!(t->str = malloc((n + 1) * sizeof *t->str)))
        return kt_errinfo_set(r->ei, KT_ENOMEM, r->path, 0, "out of memory");
    t->n = t->cap = (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        if (off[i] >= ntext)
            return corrupt(r, "string offset");
        t->str[i] = (char *)tx + off[i];
    }
    if (!slots)
        return KT_OK;
    snprintf(sec, sizeof sec, "%s.slots", name);
    const uint64_t *sl = sect(r, sec, sizeof *sl, &ns);
    if (!sl)
        return KT_EPARSE;
    /* lookups probe until an empty slot: a power of two, never full, numbers in range */
    size_t used = 0;
    if (ns > UINT32_MAX || (ns & (ns - 1)) || (n && !ns))
        return corrupt(r, "id hash table");
    for (size_t i = 0; i < ns; i++)
        if (sl[i]) {
            used++;
            if ((uint32_t)sl[i] == 0 || (uint32_t)sl[i] - 1 >= n)
                return corrupt(r, "id hash table");
        }
    if (ns && used >= ns)
        return corrupt(r, "id hash table");
    t->slots = (uint64_t *)sl;
    t->nslots = (uint32_t)ns;
    return KT_OK;
}

#define BAD_STR(x) ((x) != NONE && (x) >= g->strs.n)
/* a percentage: unknown, or 0-100 (1e9 units) with min <= max when both are known */
#define BAD_PCT(a, b)                                                                                          \
    (((a) != KT_PCT_NONE && (a) > 1000000000u) || ((b) != KT_PCT_NONE && (b) > 1000000000u) ||                \
     ((a) != KT_PCT_NONE && (b) != KT_PCT_NONE && (a) > (b)))

/* Every index an accessor follows, in range; lists and alias chains that end. */
static kt_err validate(reader *r, kt_graph *g)
{
    uint32_t nids = g->ids.n, nv = (uint32_t)g->nv;
    size_t ne = g->nrels;
    if (g->files.n > UINT16_MAX || g->nv < 0 || (uint64_t)g->nv > nids || (!g->vert_slot && g->nv != nids) ||
        (!g->vert_slot) != (!g->slot_vert) || (g->vert_slot && !g->canon))
        return corrupt(r, "counts");
    for (uint32_t s = 0; s < nids; s++) {
        const kt_graph_i_ent *x = &g->ents[s];
        if (BAD_STR(x->name) || BAD_STR(x->source) || (x->file != NONE && x->file >= g->files.n) ||
            (x->ident != NONE && x->ident >= g->npairs) || (x->tags != NONE && x->tags >= g->npairs) ||
            x->country > kt_country_table_len || x->type >= KT_ENT__COUNT)
            return corrupt(r, "entity");
        if (g->canon && (g->canon[s] >= nids || g->canon[g->canon[s]] != g->canon[s]))
            return corrupt(r, "alias");
        if (g->slot_vert && g->slot_vert[s] != NONE && g->slot_vert[s] >= nv)
            return corrupt(r, "vertex map");
    }
    for (uint32_t v = 0; v < nv; v++)
        if ((g->vert_slot && g->vert_slot[v] >= nids) || g->ents[g->vert_slot ? g->vert_slot[v] : v].file == NONE)
            return corrupt(r, "vertex map");
    for (size_t i = 0; i < g->npairs; i++) {
        const kt_graph_i_pair *p = &g->pairs[i];
        if (p->a >= g->strs.n || BAD_STR(p->b) || (p->next != NONE && (p->next <= i || p->next >= g->npairs)))
            return corrupt(r, "list");
    }
    for (size_t i = 0; i < g->nextras; i++) {
        const kt_graph_i_extra *x = &g->extras[i];
        if ((x->item != NONE && x->item >= nv) || BAD_STR(x->scope) || BAD_STR(x->since) || BAD_STR(x->until) ||
            BAD_STR(x->source) || x->country > kt_country_table_len || x->basis >= KT_BASIS__COUNT ||
            BAD_PCT(x->vmin, x->vmax))
            return corrupt(r, "relation extra");
    }
    for (size_t i = 0; i < g->nmarks; i++) {
        const kt_graph_i_mark *m = &g->marks[i];
        if (m->ent >= nv || (i && m->ent < g->marks[i - 1].ent) || BAD_STR(m->authority) || BAD_STR(m->programme) ||
            BAD_STR(m->since) || BAD_STR(m->until) || BAD_STR(m->source) || m->file >= g->files.n ||
            m->kind >= KT_MARK__COUNT)
            return corrupt(r, "mark");
    }
    for (uint32_t k = 0; k < g->ident_keys.n; k++)
        if (g->ident_owner[k] >= nids)
            return corrupt(r, "identifier index");
    for (size_t e = 0; e < ne; e++) {
        const kt_graph_i_rel *x = &g->rels[e];
        if (x->type >= KT_REL__COUNT || x->file >= g->files.n || (x->extra != NONE && x->extra >= g->nextras) ||
            ((x->flags & KT_RF_VOTES_GIVEN) && x->extra == NONE) || BAD_PCT(x->smin, x->smax))
            return corrupt(r, "relation");
    }
    const igraph_vector_int_t *ends[2] = {&g->ig.from, &g->ig.to}, *idx[2] = {&g->ig.oi, &g->ig.ii},
                              *start[2] = {&g->ig.os, &g->ig.is};
    for (int k = 0; k < 2; k++) {
        const igraph_integer_t *a = VECTOR(*ends[k]), *b = VECTOR(*idx[k]), *c = VECTOR(*start[k]);
        if ((size_t)igraph_vector_int_size(ends[k]) != ne || (size_t)igraph_vector_int_size(idx[k]) != ne ||
            igraph_vector_int_size(start[k]) != g->nv + 1 || c[0] != 0 || (size_t)c[nv] != ne)
            return corrupt(r, "edge index");
        for (size_t e = 0; e < ne; e++)
            if (a[e] < 0 || a[e] >= g->nv || b[e] < 0 || (size_t)b[e] >= ne)
                return corrupt(r, "edge index");
        for (uint32_t v = 0; v < nv; v++)
            if (c[v] > c[v + 1])
                return corrupt(r, "edge index");
    }
    return KT_OK;
}

/* Point an igraph vector at n mapped integers (read-only: nothing writes a built graph). */
static void view(igraph_vector_int_t *v, const igraph_integer_t *p, size_t n)
{
    v->stor_begin = (igraph_integer_t *)p;
    v->stor_end = v->end = (igraph_integer_t *)p + n;
}

static kt_err r_diags(reader *r, kt_diags *d)
{
    size_t n, nd, nt;
    const diag_rec *x = sect(r, "diag", sizeof *x, &n);
    const drop_rec *dr = x ? sect(r, "diag.drop", sizeof *dr, &nd) : NULL;
    const char *tx = dr ? sect(r, "diag.text", 1, &nt) : NULL;
    if (!tx)
        return KT_EPARSE;
    if (nt && tx[nt - 1] != '\0')
        return corrupt(r, "diagnostics");
    for (size_t i = 0; i < n; i++)
        if (x[i].sev > KT_SEV_WARNING || x[i].code >= nt || x[i].msg >= nt ||
            (x[i].record != UINT64_MAX && x[i].record >= nt) || x[i].line < 0)
            return corrupt(r, "diagnostics");
    for (size_t i = 0; i < nd; i++)
        if (dr[i].code >= nt)
            return corrupt(r, "diagnostics");
    for (size_t i = 0; d && i < n; i++)
        if (kt_diags_add(d, (kt_severity)x[i].sev, tx + x[i].code, x[i].file, (long)x[i].line,
                         x[i].record == UINT64_MAX ? NULL : tx + x[i].record, "%s", tx + x[i].msg) != KT_OK)
            return kt_errinfo_set(r->ei, KT_ENOMEM, r->path, 0, "out of memory");
    for (size_t i = 0; d && i < nd; i++)
        if (kt_diags_add_dropped(d, KT_SEV_WARNING, tx + dr[i].code, (size_t)dr[i].n) != KT_OK)
            return kt_errinfo_set(r->ei, KT_ENOMEM, r->path, 0, "out of memory");
    return KT_OK;
}

static kt_err r_header(reader *r, size_t len)
{
    const header *h = r->h;
    if (len < 8 || memcmp(h->magic, MAGIC, 8) != 0)
        return kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0, "not a keten snapshot");
    if (len < sizeof *h)
        return kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0, "truncated snapshot (%zu bytes)", len);
    if (h->bom != BOM)
        return kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0, "snapshot made on a machine of another byte order");
    if (h->format != FORMAT)
        return kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0,
                              "snapshot format %u, made by %s keten; this keten reads format %u: run keten index "
                              "again",
                              (unsigned)h->format, h->format < FORMAT ? "an older" : "a newer", FORMAT);
    if (h->file_size != len)
        return kt_errinfo_set(r->ei, KT_EPARSE, r->path, 0, "truncated snapshot (%zu bytes of %llu)", len,
                              (unsigned long long)h->file_size);
    if (h->ntoc > MAX_SECTIONS || h->toc_off < sizeof *h || h->toc_off % ALIGN ||
        h->toc_off + h->ntoc * sizeof(toc_entry) != len)
        return corrupt(r, "table of contents");
    r->toc = (const toc_entry *)(r->base + h->toc_off);
    if (kt_snap_i_header_sum(h, r->toc, h->ntoc) != h->sum)
        return corrupt(r, "header checksum");
    if (memchr(h->as_of, '\0', sizeof h->as_of) == NULL || strlen(h->as_of) >= 11 ||
        memchr(h->version, '\0', sizeof h->version) == NULL)
        return corrupt(r, "header");
    for (int i = 0; i < 4; i++)
        if (strnlen(h->win[i], sizeof h->win[i]) >= 11)
            return corrupt(r, "header");
    return KT_OK;
}

/* The derived indexes: the cycle flags 0 or 1, the gaps' bits, the shares 0-1; the owners
 * index's offsets rising from 0 to its length, every owner a vertex and every relation one,
 * with one flag bit.  O(|V| + |E|). */
static kt_err r_derived(reader *r, kt_graph *g)
{
    struct kt_graph_i_snap *s = g->snap;
    size_t nc, ng, nb, no, nf, nr, nv = (size_t)g->nv, ne = g->nrels;
    const uint8_t *cyc = sect(r, "d.cyclic", 1, &nc);
    const uint8_t *gaps = cyc ? sect(r, "d.gaps", 1, &ng) : NULL;
    const float *bom = gaps ? sect(r, "d.bom", sizeof *bom, &nb) : NULL;
    size_t ndo, nd;
    const int32_t *doff = bom ? sect(r, "d.dep.off", sizeof *doff, &ndo) : NULL;
    const kt_graph_dep_entry *dep = doff ? sect(r, "d.dep", sizeof *dep, &nd) : NULL;
    const int32_t *off = dep ? sect(r, "d.own.off", sizeof *off, &no) : NULL;
    const int32_t *from = off ? sect(r, "d.own.from", sizeof *from, &nf) : NULL;
    const uint32_t *rel = from ? sect(r, "d.own.rel", sizeof *rel, &nr) : NULL;
    if (!rel)
        return KT_EPARSE;
    if (nc != nv)
        return corrupt(r, "cycle flags");
    for (size_t v = 0; v < nv; v++)
        if (cyc[v] > 1)
            return corrupt(r, "cycle flags");
    if (ng != nv || nb != nv)
        return corrupt(r, "gaps or shares");
    for (size_t v = 0; v < nv; v++)
        if (gaps[v] > (KT_GAP_OWNERSHIP | KT_GAP_SUPPLY | KT_GAP_COMPONENTS) || !(bom[v] >= 0 && bom[v] <= 1))
            return corrupt(r, "gaps or shares");
    if (ndo != nv + 1 || doff[0] != 0 || (size_t)doff[nv] != nd)
        return corrupt(r, "dependency index");
    for (size_t v = 0; v < nv; v++)
        if (doff[v] > doff[v + 1])
            return corrupt(r, "dependency index");
    for (size_t i = 0; i < nd; i++)
        if (dep[i].node < 0 || (size_t)dep[i].node >= nv || dep[i].rel < 0 || (size_t)dep[i].rel >= ne)
            return corrupt(r, "dependency index");
    if (no != nv + 1 || nf != nr || off[0] != 0 || (size_t)off[nv] != nf)
        return corrupt(r, "owners index");
    for (size_t v = 0; v < nv; v++)
        if (off[v] > off[v + 1])
            return corrupt(r, "owners index");
    for (size_t i = 0; i < nf; i++)
        if (from[i] < 0 || (size_t)from[i] >= nv || (rel[i] & ~KT_OWNER_CAPITAL) >= ne)
            return corrupt(r, "owners index");
    s->cyclic = cyc;
    s->gaps = gaps;
    s->bom = bom;
    s->deps = (kt_graph_deps){doff, nd ? dep : NULL, nd};
    s->owners = (kt_graph_owners){off, nf ? from : NULL, nf ? rel : NULL, nf};
    return KT_OK;
}

const uint8_t *kt_graph_cycles_kept(const kt_graph *g)
{
    return g->snap ? g->snap->cyclic : NULL;
}

const uint8_t *kt_graph_gaps_kept(const kt_graph *g)
{
    return g->snap ? g->snap->gaps : NULL;
}

const float *kt_graph_bom_kept(const kt_graph *g)
{
    return g->snap ? g->snap->bom : NULL;
}

int kt_graph_deps_kept(const kt_graph *g, kt_graph_deps *o)
{
    memset(o, 0, sizeof *o);
    if (!g->snap || !g->snap->deps.off)
        return 0;
    *o = g->snap->deps;
    return 1;
}

int kt_graph_owners_kept(const kt_graph *g, kt_graph_owners *o)
{
    memset(o, 0, sizeof *o);
    if (!g->snap || !g->snap->owners.off || kt_graph_directors_control(g))
        return 0;
    *o = g->snap->owners;
    return 1;
}

int kt_graph_snapshot_lazy = 0;

kt_err kt_graph_open(const char *path, kt_graph **out, kt_diags *d, kt_errinfo *ei)
{
    kt_graph *g = NULL;
    kt_err rc;
    struct stat st;
    reader r = {NULL, NULL, NULL, path, ei};
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    *out = NULL;
    if (fd < 0)
        return kt_errinfo_set(ei, errno == ENOENT ? KT_ENOTFOUND : KT_EIO, path, 0, "cannot open: %s",
                              strerror(errno));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return kt_errinfo_set(ei, KT_EIO, path, 0, "not a regular file");
    }
    size_t len = (size_t)st.st_size;
    void *map = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE | (kt_graph_snapshot_lazy ? 0 : MAP_POPULATE), fd, 0)
                    : MAP_FAILED;
    close(fd);
    if (map == MAP_FAILED)
        return kt_errinfo_set(ei, len ? KT_EIO : KT_EPARSE, path, 0, len ? "cannot map: %s" : "empty file",
                              strerror(errno));
    if (!(g = kt_graph_new()) || !(g->snap = calloc(1, sizeof *g->snap))) {
        munmap(map, len);
        kt_graph_free(g);
        return kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
    }
    g->snap->map = map;
    g->snap->len = len;
    r.base = map;
    r.h = map;
    if ((rc = r_header(&r, len)) != KT_OK)
        goto fail;
    memcpy(g->snap->version, r.h->version, sizeof r.h->version);
    memcpy(g->snap->date, r.h->as_of, 11);
    for (int i = 0; i < 4; i++)
        memcpy(g->snap->win[i], r.h->win[i], 11);
    g->nv = r.h->nv;
    g->dropped_by_date = r.h->dropped_by_date;
    if ((rc = r_strings(&r, "files", &g->files, 0)) != KT_OK || (rc = r_strings(&r, "ids", &g->ids, 1)) != KT_OK ||
        (rc = r_strings(&r, "strs", &g->strs, 0)) != KT_OK || (rc = r_strings(&r, "idkeys", &g->ident_keys, 1)) != KT_OK)
        goto fail;
    {
        size_t nt;
        const char *sc = sect(&r, "schemes", 1, &nt);
        if (!sc) {
            rc = KT_EPARSE;
            goto fail;
        }
        if (nt && sc[nt - 1] != '\0') {
            rc = corrupt(&r, "schemes");
            goto fail;
        }
        for (size_t at = 0; at < nt; at += strlen(sc + at) + 1) {
            if (g->nschemes == sizeof g->schemes / sizeof g->schemes[0]) {
                rc = corrupt(&r, "schemes");
                goto fail;
            }
            if (!(g->schemes[g->nschemes] = strdup(sc + at))) {
                rc = kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
                goto fail;
            }
            g->nschemes++;
        }
    }
    {
        kt_graph_i_array arr[] = KT_GRAPH_I_ARRAYS(g);
        size_t count[sizeof arr / sizeof arr[0]];
        for (size_t i = 0; i < sizeof arr / sizeof arr[0]; i++) {
            const void *p = sect(&r, arr[i].name, arr[i].size, &count[i]);
            if (!p) {
                rc = KT_EPARSE;
                goto fail;
            }
            *arr[i].ptr = count[i] ? (void *)p : NULL;
            if (arr[i].n)
                *arr[i].n = count[i];
        }
        kt_graph_i_array now[] = KT_GRAPH_I_ARRAYS(g); /* counts that follow from the others */
        for (size_t i = 0; i < sizeof arr / sizeof arr[0]; i++)
            if (now[i].count != count[i] && !(now[i].count == 0 && count[i] == 0)) {
                rc = corrupt(&r, arr[i].name);
                goto fail;
            }
        g->ents_cap = g->ids.n;
        g->canon_cap = g->canon ? g->ids.n : 0;
        g->rels_cap = g->nrels;
        g->extras_cap = g->nextras;
        g->pairs_cap = g->npairs;
    }
    if (igraph_empty(&g->ig, 0, IGRAPH_DIRECTED) != IGRAPH_SUCCESS) {
        rc = kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
        goto fail;
    }
    g->built = 1;
    {
        igraph_vector_int_t *iv[6] = {&g->ig.from, &g->ig.to, &g->ig.oi, &g->ig.ii, &g->ig.os, &g->ig.is};
        static const char *ivn[6] = {"ig.from", "ig.to", "ig.oi", "ig.ii", "ig.os", "ig.is"};
        for (int i = 0; i < 6; i++)
            g->snap->saved[i] = *iv[i];
        for (int i = 0; i < 6; i++) {
            size_t n;
            const igraph_integer_t *p = sect(&r, ivn[i], sizeof *p, &n);
            if (!p) {
                rc = KT_EPARSE;
                goto fail;
            }
            view(iv[i], p, n);
        }
        g->ig.n = g->nv;
    }
    if ((rc = validate(&r, g)) != KT_OK || (rc = r_derived(&r, g)) != KT_OK || (rc = r_diags(&r, d)) != KT_OK)
        goto fail;
    {
        size_t ns, nt;
        g->snap->src = sect(&r, "src", sizeof(src_rec), &ns);
        g->snap->src_text = g->snap->src ? sect(&r, "src.text", 1, &nt) : NULL;
        if (!g->snap->src_text) {
            rc = KT_EPARSE;
            goto fail;
        }
        if (ns != g->files.n || (nt && g->snap->src_text[nt - 1] != '\0')) {
            rc = corrupt(&r, "sources");
            goto fail;
        }
        for (size_t i = 0; i < ns; i++)
            if (g->snap->src[i].path >= nt) {
                rc = corrupt(&r, "sources");
                goto fail;
            }
    }
    *out = g;
    return KT_OK;
fail:
    kt_graph_free(g);
    return rc;
}

void kt_graph_i_snap_close(kt_graph *g)
{
    struct kt_graph_i_snap *s = g->snap;
    kt_graph_i_array arr[] = KT_GRAPH_I_ARRAYS(g);
    for (size_t i = 0; i < sizeof arr / sizeof arr[0]; i++)
        *arr[i].ptr = NULL;
    g->ids.slots = g->ident_keys.slots = NULL; /* mapped; the str arrays are ours and go with the tables */
    if (g->built) {
        igraph_vector_int_t *iv[6] = {&g->ig.from, &g->ig.to, &g->ig.oi, &g->ig.ii, &g->ig.os, &g->ig.is};
        for (int i = 0; i < 6; i++)
            *iv[i] = s->saved[i];
        g->ig.n = 0;
    }
    munmap(s->map, s->len);
    free(s);
    g->snap = NULL;
}

kt_err kt_graph_verify(const kt_graph *g, kt_errinfo *ei)
{
    const struct kt_graph_i_snap *s = g->snap;
    if (!s)
        return KT_OK;
    const header *h = s->map;
    uint64_t sum = kt_snap_i_hash(BODY_SEED, (const unsigned char *)s->map + HEADER, (size_t)(h->toc_off - HEADER));
    if (sum != h->body_sum)
        return kt_errinfo_set(ei, KT_EPARSE, "", 0, "corrupt snapshot: its content does not match its hash");
    return KT_OK;
}

int kt_graph_is_mapped(const kt_graph *g)
{
    return g->snap != NULL;
}

const char *kt_graph_snapshot_version(const kt_graph *g)
{
    return g->snap ? g->snap->version : NULL;
}

const char *kt_graph_snapshot_date(const kt_graph *g)
{
    return g->snap && g->snap->date[0] ? g->snap->date : NULL;
}

int kt_graph_snapshot_covers(const kt_graph *g, const char *date)
{
    const struct kt_graph_i_snap *s = g->snap;
    if (!s)
        return 0;
    if (!date || !s->date[0])
        return !date && !s->date[0];
    return (!s->win[0][0] || strcmp(date, s->win[0]) >= 0) && (!s->win[1][0] || strcmp(date, s->win[1]) > 0) &&
           (!s->win[2][0] || strcmp(date, s->win[2]) <= 0) && (!s->win[3][0] || strcmp(date, s->win[3]) < 0);
}

kt_src_state kt_graph_source_state(const kt_graph *g, uint32_t file)
{
    if (!g->snap || file >= g->files.n)
        return KT_SRC_UNCHECKED;
    const src_rec *r = &g->snap->src[file];
    const char *abs = g->snap->src_text + r->path;
    struct stat st;
    uint64_t h;
    if (r->size == UINT64_MAX || !abs[0])
        return KT_SRC_UNCHECKED;
    if (stat(abs, &st) != 0 || !S_ISREG(st.st_mode))
        return KT_SRC_GONE;
    if ((uint64_t)st.st_size != r->size)
        return KT_SRC_CHANGED;
    if (st.st_mtim.tv_sec == r->mtime_s && st.st_mtim.tv_nsec == r->mtime_ns)
        return KT_SRC_SAME;
    /* touched but the same size: the bytes decide */
    if (kt_snap_i_hash_file(abs, &h) != 0)
        return KT_SRC_GONE;
    return h == r->hash ? KT_SRC_SAME : KT_SRC_CHANGED;
}
