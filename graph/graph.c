/* graph.c: building the model from loaders' records, and reading it (see kt_graph.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph_i.h"
#include "kt_country.h"

int kt_graph_i_reserve(void **p, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return 0;
    /* grow by half: the big arrays (relations, edges) should not carry 2x slack at 10M */
    size_t nc = *cap ? *cap : 64;
    while (nc < need)
        nc += nc / 2;
    void *q = realloc(*p, nc * sz);
    if (!q)
        return -1;
    *p = q;
    *cap = nc;
    return 0;
}
#define RESERVE(arr, cap, need) kt_graph_i_reserve((void **)&(arr), &(cap), (need), sizeof *(arr))

kt_ival kt_ival_unknown(void)
{
    kt_ival iv = {NAN, NAN};
    return iv;
}

int kt_ival_is_unknown(kt_ival iv)
{
    return isnan(iv.min) || isnan(iv.max);
}

static void pct2(char *buf, size_t len, double x)
{
    snprintf(buf, len, "%.2f", x);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
}

const char *kt_ival_text(kt_ival iv, const char *dash, const char *unknown, char *buf, size_t len)
{
    char a[40], b[40];
    if (kt_ival_is_unknown(iv)) {
        snprintf(buf, len, "%s", unknown);
        return buf;
    }
    pct2(a, sizeof a, iv.min);
    pct2(b, sizeof b, iv.max);
    if (strcmp(a, b) == 0)
        snprintf(buf, len, "%s%%", a);
    else
        snprintf(buf, len, "%s%s%s%%", a, dash, b);
    return buf;
}

void kt_rel_in_init(kt_rel_in *r, kt_rtype type, const char *from, const char *to)
{
    memset(r, 0, sizeof *r);
    r->type = type;
    r->from = from;
    r->to = to;
    r->share = kt_ival_unknown();
    r->votes = kt_ival_unknown();
    r->qty = NAN;
}

kt_graph *kt_graph_new(void)
{
    kt_graph *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    kt_graph_i_intern_init_inline(&g->ids);
    kt_graph_i_intern_init(&g->strs);
    kt_graph_i_intern_init(&g->files);
    kt_graph_i_intern_init(&g->ident_keys);
    if (igraph_vector_int_init(&g->efrom, 0) != IGRAPH_SUCCESS) {
        free(g);
        return NULL;
    }
    if (igraph_vector_int_init(&g->eto, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&g->efrom);
        free(g);
        return NULL;
    }
    return g;
}

void kt_graph_free(kt_graph *g)
{
    if (!g)
        return;
    kt_graph_i_pf_stop(&g->pf);
    if (g->snap)
        kt_graph_i_snap_close(g);
    kt_graph_i_intern_destroy(&g->ids);
    kt_graph_i_intern_destroy(&g->strs);
    kt_graph_i_intern_destroy(&g->files);
    kt_graph_i_intern_destroy(&g->ident_keys);
    free(g->ident_owner);
    for (size_t i = 0; i < g->nschemes; i++)
        free(g->schemes[i]);
    free(g->ents);
    free(g->canon);
    free(g->rels);
    igraph_vector_int_destroy(&g->efrom);
    igraph_vector_int_destroy(&g->eto);
    free(g->extras);
    free(g->pairs);
    free(g->marks);
    free(g->supersede);
    if (g->built)
        igraph_destroy(&g->ig);
    free(g->vert_slot);
    free(g->slot_vert);
    free(g);
}

uint32_t kt_graph_add_file(kt_graph *g, const char *path)
{
    if (g->files.n >= UINT16_MAX)
        return NONE; /* relations store the file in 16 bits */
    uint32_t f = kt_graph_i_intern_add(&g->files, path, strlen(path), NULL);
    return f == KT_INTERN_ENOMEM ? NONE : f;
}

const char *kt_graph_file_name(const kt_graph *g, uint32_t file)
{
    return file < g->files.n ? g->files.str[file] : "";
}

uint32_t kt_graph_file_count(const kt_graph *g)
{
    return g->files.n;
}

/* strs number of s, NONE for NULL; KT_INTERN_ENOMEM on failure. */
uint32_t kt_graph_i_str_add(kt_graph *g, const char *s)
{
    if (!s)
        return NONE;
    return kt_graph_i_intern_add(&g->strs, s, strlen(s), NULL);
}
#define str_add kt_graph_i_str_add

/* Names are seldom repeated: store them without hashing. */
static uint32_t str_append(kt_graph *g, const char *s)
{
    if (!s)
        return NONE;
    return kt_graph_i_intern_append(&g->strs, s, strlen(s));
}


void kt_graph_prefetch_ids(const kt_graph *g, const char *const *ids, size_t n)
{
    kt_graph_i_intern_prefetch(&g->ids, ids, n);
}

/* relations faulted in ahead of the last one added (prefault.c): 11 MB of arrays */
#define PF_AHEAD ((size_t)1 << 19)

static void prefault_rels(kt_graph *g)
{
    size_t n = g->nrels + PF_AHEAD < g->rels_cap ? g->nrels + PF_AHEAD : g->rels_cap;
    size_t m = (size_t)igraph_vector_int_capacity(&g->efrom);
    kt_graph_i_pf_want(g->pf, 2, g->rels, n * sizeof *g->rels);
    kt_graph_i_pf_want(g->pf, 3, VECTOR(g->efrom), (n < m ? n : m) * sizeof(igraph_integer_t));
    kt_graph_i_pf_want(g->pf, 4, VECTOR(g->eto), (n < m ? n : m) * sizeof(igraph_integer_t));
}

void kt_graph_reserve(kt_graph *g, size_t ids, size_t rels)
{
    /* hints: running out of memory here shows later, where it matters */
    if (g->built)
        return;
    kt_graph_i_intern_reserve(&g->ids, ids);
    kt_graph_i_pf_stop(&g->pf); /* the arrays may move */
    if (rels > g->nrels && rels < ((size_t)1 << 32) && RESERVE(g->rels, g->rels_cap, rels) == 0 &&
        igraph_vector_int_reserve(&g->efrom, (igraph_integer_t)rels) == IGRAPH_SUCCESS &&
        igraph_vector_int_reserve(&g->eto, (igraph_integer_t)rels) == IGRAPH_SUCCESS) {
        /* a large load on more than one thread: the id table's pages (all of them are written
         * soon, ids landing at random) and the relation arrays a stretch ahead are faulted in on
         * a helper thread; a quarter to a third of the loading thread's time at 10M */
        if (rels >= PF_AHEAD && kt_graph_i_threads() > 1 && (g->pf = kt_graph_i_pf_start())) {
            kt_graph_i_pf_want(g->pf, 0, g->ids.slots,
                               (size_t)g->ids.nslots * (g->ids.pre ? 2 : 1) * sizeof *g->ids.slots);
            prefault_rels(g);
        }
    }
}

kt_id_key kt_graph_id_key(const char *id)
{
    size_t n = strlen(id);
    return (kt_id_key){(uint32_t)n, kt_graph_i_hash(id, n), kt_graph_i_pack(id, n), 0};
}

kt_err kt_graph_share_ids(kt_graph *g, int on)
{
    return kt_graph_i_intern_share(&g->ids, on) == 0 ? KT_OK : KT_ENOMEM;
}

/* Two rounds: the slots where the lookups start, prefetched together, then the lookups. */
void kt_graph_resolve_keys(const kt_graph *g, kt_id_key *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (keys[i].text && !keys[i].known)
            kt_graph_i_intern_prefetch_shared(&g->ids, keys[i].hash);
    for (size_t i = 0; i < n; i++)
        if (keys[i].text && !keys[i].known) {
            uint32_t slot = kt_graph_i_intern_find_shared(&g->ids, keys[i].hash, keys[i].text);
            keys[i].known = slot == KT_INTERN_NONE ? 0 : slot + 1;
        }
}

void kt_graph_prefetch_keys(const kt_graph *g, const kt_id_key *keys, size_t n)
{
    uint32_t h[64];
    for (size_t done = 0; done < n; done += 64) {
        size_t m = n - done < 64 ? n - done : 64;
        size_t k = 0;
        for (size_t i = 0; i < m; i++)
            if (!keys[done + i].known)
                h[k++] = keys[done + i].hash;
        kt_graph_i_intern_prefetch_h(&g->ids, h, k);
    }
}

static uint32_t slot_add_k(kt_graph *g, const char *s, const kt_id_key *k);

/* The slot of entity id s, made when new (referenced but not yet declared). */
uint32_t kt_graph_i_slot_add(kt_graph *g, const char *s)
{
    return slot_add_k(g, s, NULL);
}

/* The same with s's length and hash given (k; NULL: computed here). */
static uint32_t slot_add_k(kt_graph *g, const char *s, const kt_id_key *k)
{
    kt_id_key own;
    if (!k || !k->len) {
        own = kt_graph_id_key(s);
        k = &own;
    }
    uint32_t slot;
    if (k->known) {
        slot = k->known - 1; /* found on another thread: in the table already */
    } else {
        if (g->pf && kt_graph_i_intern_full(&g->ids))
            kt_graph_i_pf_stop(&g->pf); /* the table is about to move */
        if ((slot = kt_graph_i_intern_add_h(&g->ids, s, k->len, k->hash, k->text, NULL)) == KT_INTERN_ENOMEM)
            return slot;
    }
    size_t old = g->ents_cap;
    if (RESERVE(g->ents, g->ents_cap, (size_t)slot + 1) != 0)
        return KT_INTERN_ENOMEM;
    for (size_t i = old; i < g->ents_cap; i++) {
        kt_graph_i_ent *e = &g->ents[i];
        memset(e, 0, sizeof *e);
        e->name = e->source = e->file = e->ident = e->tags = NONE;
    }
    if (g->canon) {
        old = g->canon_cap;
        if (RESERVE(g->canon, g->canon_cap, (size_t)slot + 1) != 0)
            return KT_INTERN_ENOMEM;
        for (size_t i = old; i < g->canon_cap; i++)
            g->canon[i] = (uint32_t)i;
    }
    return slot;
}

static uint32_t canon_of(const kt_graph *g, uint32_t slot)
{
    if (!g->canon)
        return slot;
    while (g->canon[slot] != slot)
        slot = g->canon[slot];
    return slot;
}

static int make_canon(kt_graph *g)
{
    if (g->canon)
        return 0;
    g->canon_cap = g->ents_cap;
    g->canon = malloc(g->canon_cap * sizeof *g->canon);
    if (!g->canon)
        return -1;
    for (size_t i = 0; i < g->canon_cap; i++)
        g->canon[i] = (uint32_t)i;
    return 0;
}

static int pair_push(kt_graph *g, uint32_t *head, uint32_t a, uint32_t b)
{
    /* append at the end, so identifiers and tags keep their given order */
    uint32_t *link = head;
    while (*link != NONE) {
        kt_graph_i_pair *p = &g->pairs[*link];
        if (p->a == a && p->b == b)
            return 0; /* already there */
        link = &p->next;
    }
    size_t idx = g->npairs;
    if (RESERVE(g->pairs, g->pairs_cap, idx + 1) != 0)
        return -1;
    link = head; /* realloc may have moved pairs */
    while (*link != NONE)
        link = &g->pairs[*link].next;
    g->pairs[idx].a = a;
    g->pairs[idx].b = b;
    g->pairs[idx].next = NONE;
    g->npairs++;
    *link = (uint32_t)idx;
    return 0;
}

/* Make declaration e (from file:line) entity x's record. */
static kt_err set_record(kt_graph *g, kt_graph_i_ent *x, const kt_entity_in *e, uint32_t file, long line)
{
    x->type = (uint8_t)e->type;
    x->flags = (uint8_t)e->flags;
    x->file = file;
    x->line = (uint32_t)line;
    x->country = (uint8_t)kt_country_index(e->country);
    if ((x->name = str_append(g, e->name)) == KT_INTERN_ENOMEM ||
        (x->source = str_add(g, e->source)) == KT_INTERN_ENOMEM)
        return KT_ENOMEM;
    return KT_OK;
}

static void where_ent(const kt_graph *g, const kt_graph_i_ent *e, char *buf, size_t len)
{
    if (e->file == NONE)
        snprintf(buf, len, "(undeclared)");
    else if (e->line)
        snprintf(buf, len, "%s:%u", g->files.str[e->file], e->line);
    else if (e->source != NONE)
        snprintf(buf, len, "%s (%s)", g->files.str[e->file], g->strs.str[e->source]);
    else
        snprintf(buf, len, "%s", g->files.str[e->file]);
}

/* Merge the declaration e (from file:line) into entity slot t.  same_id: a repeated id
 * (conflicts are errors) rather than a merge by identifier (conflicts are warnings). */
static kt_err merge_into(kt_graph *g, uint32_t t, const kt_entity_in *e, uint32_t file, long line,
                         int same_id, kt_diags *d)
{
    kt_graph_i_ent *x = &g->ents[t];
    char prev[320];
    kt_severity sev = same_id ? KT_SEV_ERROR : KT_SEV_WARNING;
    const char *code = same_id ? "duplicate_id_conflict" : "merge_conflict";
    const char *what = NULL;
    char a[160] = "", b[160] = "";

    /* a placeholder for a party a loader could not identify (type unknown) gives way to the
     * first real declaration, which becomes the entity's record; a placeholder adds nothing
     * to a real entity */
    if (e->type == KT_ENT_UNKNOWN && x->type != KT_ENT_UNKNOWN)
        return KT_OK;
    if (x->type == KT_ENT_UNKNOWN && e->type != KT_ENT_UNKNOWN)
        return set_record(g, x, e, file, line);
    where_ent(g, x, prev, sizeof prev);
    if (x->type != e->type) {
        what = "type";
        snprintf(a, sizeof a, "%s", kt_etype_name((kt_etype)x->type));
        snprintf(b, sizeof b, "%s", kt_etype_name(e->type));
    } else if (e->name && x->name != NONE && strcmp(g->strs.str[x->name], e->name) != 0) {
        what = "name";
        snprintf(a, sizeof a, "%s", g->strs.str[x->name]);
        snprintf(b, sizeof b, "%s", e->name);
    } else if (e->country && x->country && x->country != kt_country_index(e->country)) {
        what = "country";
        snprintf(a, sizeof a, "%s", kt_country_table[x->country - 1].a2);
        snprintf(b, sizeof b, "%s", e->country);
    } else {
        static const unsigned pairs[3][2] = {{KT_EF_STATE_OWNED, KT_EF_STATE_OWNED_SET},
                                             {KT_EF_LISTED, KT_EF_LISTED_SET},
                                             {KT_EF_COMPLETE, KT_EF_COMPLETE_SET}};
        static const char *names[3] = {"state_owned", "listed", "complete"};
        for (int i = 0; i < 3 && !what; i++)
            if ((x->flags & pairs[i][1]) && (e->flags & pairs[i][1]) &&
                (x->flags & pairs[i][0]) != (e->flags & pairs[i][0])) {
                what = names[i];
                snprintf(a, sizeof a, "%s", (x->flags & pairs[i][0]) ? "true" : "false");
                snprintf(b, sizeof b, "%s", (e->flags & pairs[i][0]) ? "true" : "false");
            }
    }
    if (what) {
        if (kt_diags_add(d, sev, code, file, line, line ? NULL : e->source,
                         same_id ? "entity \"%s\" declared again with another %s (\"%s\" at %s, \"%s\" here)"
                                 : "entity \"%s\" merged by identifier with \"%s\" at %s: %s \"%s\" there, \"%s\" here",
                         e->id, same_id ? what : g->ids.str[t], same_id ? a : prev, same_id ? prev : what,
                         same_id ? b : a, b) != KT_OK)
            return KT_ENOMEM;
        if (same_id)
            return KT_OK; /* keep the first declaration whole */
    }
    /* fill what the earlier declaration left out */
    if (x->name == NONE && e->name && (x->name = str_append(g, e->name)) == KT_INTERN_ENOMEM)
        return KT_ENOMEM;
    if (!x->country && e->country)
        x->country = (uint8_t)kt_country_index(e->country);
    if (x->source == NONE && e->source && (x->source = str_add(g, e->source)) == KT_INTERN_ENOMEM)
        return KT_ENOMEM;
    {
        static const unsigned sets[3] = {KT_EF_STATE_OWNED_SET, KT_EF_LISTED_SET, KT_EF_COMPLETE_SET};
        for (int i = 0; i < 3; i++)
            if (!(x->flags & sets[i]) && (e->flags & sets[i]))
                x->flags |= (uint8_t)(e->flags & (sets[i] | (sets[i] >> 1)));
    }
    return KT_OK;
}

static kt_err add_lists(kt_graph *g, uint32_t t, const kt_entity_in *e)
{
    for (size_t i = 0; i < e->n_ident; i++) {
        uint32_t s = str_add(g, e->ident_scheme[i]), v = str_add(g, e->ident_value[i]);
        if (s == KT_INTERN_ENOMEM || v == KT_INTERN_ENOMEM || pair_push(g, &g->ents[t].ident, s, v) != 0)
            return KT_ENOMEM;
    }
    for (size_t i = 0; i < e->n_tags; i++) {
        uint32_t s = str_add(g, e->tags[i]);
        if (s == KT_INTERN_ENOMEM || pair_push(g, &g->ents[t].tags, s, NONE) != 0)
            return KT_ENOMEM;
    }
    return KT_OK;
}

/* Remember scheme among the distinct schemes (at most 32; more are not looked up by value). */
static int note_scheme(kt_graph *g, const char *scheme)
{
    for (size_t i = 0; i < g->nschemes; i++)
        if (strcmp(g->schemes[i], scheme) == 0)
            return 0;
    if (g->nschemes == sizeof g->schemes / sizeof g->schemes[0])
        return 0;
    size_t n = strlen(scheme) + 1;
    if (!(g->schemes[g->nschemes] = malloc(n)))
        return -1;
    memcpy(g->schemes[g->nschemes++], scheme, n);
    return 0;
}

kt_err kt_graph_add_entity(kt_graph *g, const kt_entity_in *e, uint32_t file, long line, kt_diags *d)
{
    return kt_graph_add_entity_keyed(g, e, NULL, file, line, d);
}

kt_err kt_graph_add_entity_keyed(kt_graph *g, const kt_entity_in *e, const kt_id_key *id, uint32_t file, long line,
                                 kt_diags *d)
{
    char key[512];
    uint32_t slot, t;

    if (g->built)
        return KT_EUSAGE;
    if (e->country && !kt_country_valid(e->country)) {
        return kt_diags_add(d, KT_SEV_ERROR, "country_invalid", file, line, line ? NULL : e->source,
                            "country \"%s\" of \"%s\" is not an ISO 3166-1 alpha-2 code", e->country, e->id);
    }
    if ((slot = slot_add_k(g, e->id, id)) == KT_INTERN_ENOMEM)
        return KT_ENOMEM;

    /* one entity per identifier: a known identifier under another id makes this id an alias */
    for (size_t i = 0; i < e->n_ident; i++) {
        int n = snprintf(key, sizeof key, "%s\x1f%s", e->ident_scheme[i], e->ident_value[i]);
        if (n < 0 || (size_t)n >= sizeof key)
            continue; /* absurdly long identifiers do not merge */
        uint32_t k = kt_graph_i_intern_find(&g->ident_keys, key, (size_t)n);
        if (k == KT_INTERN_NONE)
            continue;
        uint32_t owner = canon_of(g, g->ident_owner[k]);
        uint32_t me = canon_of(g, slot);
        if (owner != me) {
            if (make_canon(g) != 0)
                return KT_ENOMEM;
            g->canon[me] = owner;
            if (g->ents[me].file != NONE) {
                /* both were declared: carry the earlier declaration's lists over */
                kt_graph_i_ent old = g->ents[me];
                for (uint32_t p = old.ident; p != NONE; p = g->pairs[p].next)
                    if (pair_push(g, &g->ents[owner].ident, g->pairs[p].a, g->pairs[p].b) != 0)
                        return KT_ENOMEM;
            }
        }
    }
    t = canon_of(g, slot);
    if (g->ents[t].file == NONE) {
        kt_err rc = set_record(g, &g->ents[t], e, file, line);
        if (rc != KT_OK)
            return rc;
    } else {
        kt_err rc = merge_into(g, t, e, file, line, t == slot, d);
        if (rc != KT_OK)
            return rc;
    }
    if (add_lists(g, t, e) != KT_OK)
        return KT_ENOMEM;
    for (size_t i = 0; i < e->n_ident; i++) {
        int n = snprintf(key, sizeof key, "%s\x1f%s", e->ident_scheme[i], e->ident_value[i]);
        if (n < 0 || (size_t)n >= sizeof key)
            continue;
        int added;
        uint32_t k = kt_graph_i_intern_add(&g->ident_keys, key, (size_t)n, &added);
        if (k == KT_INTERN_ENOMEM || RESERVE(g->ident_owner, g->ident_owner_cap, (size_t)k + 1) != 0)
            return KT_ENOMEM;
        if (added) {
            g->ident_owner[k] = t;
            if (note_scheme(g, e->ident_scheme[i]) != 0)
                return KT_ENOMEM;
        }
    }
    return KT_OK;
}

static int ival_bad(kt_ival iv)
{
    if (kt_ival_is_unknown(iv))
        return 0;
    return !(iv.min >= 0 && iv.max <= 100 && iv.min <= iv.max);
}

static kt_err check_ival(kt_ival iv, const char *field, const kt_rel_in *r, uint32_t file, long line,
                         kt_diags *d, int *bad)
{
    if (kt_ival_is_unknown(iv) || !ival_bad(iv))
        return KT_OK;
    *bad = 1;
    if (iv.min > iv.max)
        return kt_diags_add(d, KT_SEV_ERROR, "share_min_above_max", file, line, line ? NULL : r->source,
                            "%s min %g is above max %g", field, iv.min, iv.max);
    return kt_diags_add(d, KT_SEV_ERROR, "share_out_of_range", file, line, line ? NULL : r->source,
                        "%s %g is outside 0-100", field, iv.min < 0 || iv.min > 100 ? iv.min : iv.max);
}

kt_err kt_graph_add_relation(kt_graph *g, const kt_rel_in *r, uint32_t file, long line, kt_diags *d)
{
    return kt_graph_add_relation_keyed(g, r, NULL, file, line, d);
}

kt_err kt_graph_add_relation_keyed(kt_graph *g, const kt_rel_in *r, const kt_id_key *keys, uint32_t file, long line,
                                   kt_diags *d)
{
    int bad = 0;
    kt_err rc;

    if (g->built)
        return KT_EUSAGE;
    if ((rc = check_ival(r->share, "share", r, file, line, d, &bad)) != KT_OK ||
        (rc = check_ival(r->votes, "votes", r, file, line, d, &bad)) != KT_OK)
        return rc;
    if (r->country && !kt_country_valid(r->country))
        return kt_diags_add(d, KT_SEV_ERROR, "country_invalid", file, line, line ? NULL : r->source,
                            "country \"%s\" is not an ISO 3166-1 alpha-2 code", r->country);
    if (!isnan(r->qty) && !(r->qty >= 0))
        return kt_diags_add(d, KT_SEV_ERROR, "qty_negative", file, line, line ? NULL : r->source,
                            "qty %g is negative", r->qty);
    if (bad)
        return KT_OK;

    uint32_t from = slot_add_k(g, r->from, keys ? &keys[0] : NULL), to = slot_add_k(g, r->to, keys ? &keys[1] : NULL);
    if (from == KT_INTERN_ENOMEM || to == KT_INTERN_ENOMEM)
        return KT_ENOMEM;
    if (g->pf && (g->nrels == g->rels_cap || igraph_vector_int_size(&g->efrom) == igraph_vector_int_capacity(&g->efrom)))
        kt_graph_i_pf_stop(&g->pf); /* the arrays are about to move */
    if (RESERVE(g->rels, g->rels_cap, g->nrels + 1) != 0)
        return KT_ENOMEM;
    if (igraph_vector_int_size(&g->efrom) == igraph_vector_int_capacity(&g->efrom)) {
        /* grow by half ourselves, so the slack stays small */
        igraph_integer_t cap = igraph_vector_int_capacity(&g->efrom);
        cap = cap < 512 ? 512 : cap + cap / 2;
        if (igraph_vector_int_reserve(&g->efrom, cap) != IGRAPH_SUCCESS ||
            igraph_vector_int_reserve(&g->eto, cap) != IGRAPH_SUCCESS)
            return KT_ENOMEM;
    }
    if (igraph_vector_int_push_back(&g->efrom, from) != IGRAPH_SUCCESS ||
        igraph_vector_int_push_back(&g->eto, to) != IGRAPH_SUCCESS)
        return KT_ENOMEM;
    kt_graph_i_rel *x = &g->rels[g->nrels];
    x->smin = kt_graph_i_pct_put(r->share.min);
    x->smax = kt_graph_i_pct_put(r->share.max);
    x->file = (uint16_t)file;
    x->line = (uint32_t)line;
    x->type = (uint8_t)r->type;
    x->flags = (uint8_t)(r->flags | (kt_ival_is_unknown(r->votes) ? 0 : KT_RF_VOTES_GIVEN));
    x->extra = NONE;
    const char *scope = r->scope ? r->scope : r->role;
    if (r->item || !isnan(r->qty) || r->country || scope || r->since || r->until || r->source ||
        r->basis != KT_BASIS_NONE || !kt_ival_is_unknown(r->votes)) {
        kt_graph_i_extra *ex;
        uint32_t item = NONE;
        if (r->item && (item = slot_add_k(g, r->item, keys ? &keys[2] : NULL)) == KT_INTERN_ENOMEM)
            return KT_ENOMEM;
        if (RESERVE(g->extras, g->extras_cap, g->nextras + 1) != 0)
            return KT_ENOMEM;
        ex = &g->extras[g->nextras];
        memset(ex, 0, sizeof *ex); /* its padding too: a snapshot writes the bytes as they are */
        ex->item = item;
        ex->qty = (float)r->qty;
        ex->vmin = kt_graph_i_pct_put(r->votes.min);
        ex->vmax = kt_graph_i_pct_put(r->votes.max);
        ex->basis = (uint8_t)r->basis;
        ex->country = (uint8_t)kt_country_index(r->country);
        if ((ex->scope = str_add(g, scope)) == KT_INTERN_ENOMEM ||
            (ex->since = str_add(g, r->since)) == KT_INTERN_ENOMEM ||
            (ex->until = str_add(g, r->until)) == KT_INTERN_ENOMEM ||
            (ex->source = str_add(g, r->source)) == KT_INTERN_ENOMEM)
            return KT_ENOMEM;
        x->extra = (uint32_t)g->nextras++;
    }
    if (++g->nrels % (PF_AHEAD / 8) == 0 && g->pf)
        prefault_rels(g);
    return KT_OK;
}

/* ---- accessors ---- */

const igraph_t *kt_graph_igraph(const kt_graph *g) { return &g->ig; }
igraph_integer_t kt_graph_vertex_count(const kt_graph *g) { return g->nv; }
igraph_integer_t kt_graph_edge_count(const kt_graph *g) { return (igraph_integer_t)g->nrels; }

igraph_integer_t kt_graph_find(const kt_graph *g, const char *id)
{
    uint32_t slot = kt_graph_i_intern_find(&g->ids, id, strlen(id));
    if (slot == KT_INTERN_NONE || !g->built)
        return -1;
    slot = canon_of(g, slot);
    if (g->ents[slot].file == NONE)
        return -1;
    if (!g->slot_vert)
        return slot;
    return g->slot_vert[slot] == NONE ? -1 : (igraph_integer_t)g->slot_vert[slot];
}

static igraph_integer_t slot_vertex(const kt_graph *g, uint32_t slot)
{
    slot = canon_of(g, slot);
    if (g->ents[slot].file == NONE)
        return -1;
    if (!g->slot_vert)
        return slot;
    return g->slot_vert[slot] == NONE ? -1 : (igraph_integer_t)g->slot_vert[slot];
}

size_t kt_graph_find_value(const kt_graph *g, const char *value, igraph_integer_t *hits, const char **schemes,
                           size_t max)
{
    char key[1024];
    size_t n = 0;
    if (!g->built)
        return 0;
    for (size_t i = 0; i < g->nschemes; i++) {
        int len = snprintf(key, sizeof key, "%s\x1f%s", g->schemes[i], value);
        if (len < 0 || (size_t)len >= sizeof key)
            continue;
        uint32_t k = kt_graph_i_intern_find(&g->ident_keys, key, (size_t)len);
        if (k == KT_INTERN_NONE)
            continue;
        igraph_integer_t v = slot_vertex(g, g->ident_owner[k]);
        int dup = v < 0;
        for (size_t j = 0; j < n && j < max && !dup; j++)
            dup = hits[j] == v;
        if (dup)
            continue;
        if (n < max) {
            hits[n] = v;
            schemes[n] = g->schemes[i];
        }
        n++;
    }
    return n;
}

static const kt_graph_i_ent *ent(const kt_graph *g, igraph_integer_t v)
{
    return &g->ents[g->vert_slot ? g->vert_slot[v] : (uint32_t)v];
}

uint32_t kt_graph_id_count(const kt_graph *g) { return g->ids.n; }

const char *kt_graph_alias_of(const kt_graph *g, uint32_t slot, igraph_integer_t *v)
{
    if (!g->built || !g->canon || slot >= g->ids.n || g->canon[slot] == slot || !g->slot_vert ||
        g->slot_vert[slot] == NONE)
        return NULL;
    *v = g->slot_vert[slot];
    return g->ids.str[slot];
}

const char *kt_graph_entity_id(const kt_graph *g, igraph_integer_t v)
{
    return g->ids.str[g->vert_slot ? g->vert_slot[v] : (uint32_t)v];
}
kt_etype kt_graph_entity_type(const kt_graph *g, igraph_integer_t v) { return (kt_etype)ent(g, v)->type; }
const char *kt_graph_entity_name(const kt_graph *g, igraph_integer_t v)
{
    uint32_t n = ent(g, v)->name;
    return n == NONE ? "" : g->strs.str[n];
}

const char *kt_graph_entity_country(const kt_graph *g, igraph_integer_t v)
{
    unsigned c = ent(g, v)->country;
    return c ? kt_country_table[c - 1].a2 : "";
}

unsigned kt_graph_entity_country_index(const kt_graph *g, igraph_integer_t v)
{
    return ent(g, v)->country;
}

unsigned kt_graph_entity_flags(const kt_graph *g, igraph_integer_t v) { return ent(g, v)->flags; }

static size_t list_len(const kt_graph *g, uint32_t head)
{
    size_t n = 0;
    for (; head != NONE; head = g->pairs[head].next)
        n++;
    return n;
}

static const kt_graph_i_pair *list_at(const kt_graph *g, uint32_t head, size_t i)
{
    while (i--)
        head = g->pairs[head].next;
    return &g->pairs[head];
}

size_t kt_graph_entity_ident_count(const kt_graph *g, igraph_integer_t v) { return list_len(g, ent(g, v)->ident); }
void kt_graph_entity_ident(const kt_graph *g, igraph_integer_t v, size_t i, const char **scheme, const char **value)
{
    const kt_graph_i_pair *p = list_at(g, ent(g, v)->ident, i);
    *scheme = g->strs.str[p->a];
    *value = g->strs.str[p->b];
}
size_t kt_graph_entity_tag_count(const kt_graph *g, igraph_integer_t v) { return list_len(g, ent(g, v)->tags); }
const char *kt_graph_entity_tag(const kt_graph *g, igraph_integer_t v, size_t i)
{
    return g->strs.str[list_at(g, ent(g, v)->tags, i)->a];
}
const char *kt_graph_entity_file(const kt_graph *g, igraph_integer_t v) { return g->files.str[ent(g, v)->file]; }
long kt_graph_entity_line(const kt_graph *g, igraph_integer_t v) { return ent(g, v)->line; }
const char *kt_graph_entity_source(const kt_graph *g, igraph_integer_t v)
{
    uint32_t s = ent(g, v)->source;
    return s == NONE ? NULL : g->strs.str[s];
}

kt_rtype kt_graph_rel_type(const kt_graph *g, igraph_integer_t e) { return (kt_rtype)g->rels[e].type; }
igraph_integer_t kt_graph_rel_from(const kt_graph *g, igraph_integer_t e) { return IGRAPH_FROM(&g->ig, e); }
igraph_integer_t kt_graph_rel_to(const kt_graph *g, igraph_integer_t e) { return IGRAPH_TO(&g->ig, e); }
kt_ival kt_graph_rel_share(const kt_graph *g, igraph_integer_t e)
{
    kt_ival iv = {kt_graph_i_pct_get(g->rels[e].smin), kt_graph_i_pct_get(g->rels[e].smax)};
    return iv;
}
kt_ival kt_graph_rel_votes(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_rel *r = &g->rels[e];
    if (!(r->flags & KT_RF_VOTES_GIVEN))
        return kt_graph_rel_share(g, e);
    kt_ival iv = {kt_graph_i_pct_get(g->extras[r->extra].vmin), kt_graph_i_pct_get(g->extras[r->extra].vmax)};
    return iv;
}
unsigned kt_graph_rel_flags(const kt_graph *g, igraph_integer_t e) { return g->rels[e].flags; }

static const kt_graph_i_extra *extra(const kt_graph *g, igraph_integer_t e)
{
    uint32_t x = g->rels[e].extra;
    return x == NONE ? NULL : &g->extras[x];
}
kt_basis kt_graph_rel_basis(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x ? (kt_basis)x->basis : KT_BASIS_NONE;
}
igraph_integer_t kt_graph_rel_item(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x && x->item != NONE ? (igraph_integer_t)x->item : -1;
}
double kt_graph_rel_qty(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x ? x->qty : NAN;
}
const char *kt_graph_rel_country(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x && x->country ? kt_country_table[x->country - 1].a2 : "";
}
static const char *xstr(const kt_graph *g, uint32_t s) { return s == NONE ? NULL : g->strs.str[s]; }
const char *kt_graph_rel_scope(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x ? xstr(g, x->scope) : NULL;
}
int kt_graph_rel_is_control(const kt_graph *g, igraph_integer_t e)
{
    kt_rtype t = kt_graph_rel_type(g, e);
    return t == KT_REL_CONTROLS || (t == KT_REL_DIRECTOR_OF && g->directors_control);
}
void kt_graph_set_directors_control(kt_graph *g, int on) { g->directors_control = on != 0; }
int kt_graph_directors_control(const kt_graph *g) { return g->directors_control; }
const char *kt_graph_rel_role(const kt_graph *g, igraph_integer_t e)
{
    kt_rtype t = kt_graph_rel_type(g, e);
    return t == KT_REL_DIRECTOR_OF || t == KT_REL_ROLE_IN ? kt_graph_rel_scope(g, e) : NULL;
}
const char *kt_graph_rel_since(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x ? xstr(g, x->since) : NULL;
}
const char *kt_graph_rel_until(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x ? xstr(g, x->until) : NULL;
}
const char *kt_graph_rel_file(const kt_graph *g, igraph_integer_t e) { return g->files.str[g->rels[e].file]; }
long kt_graph_rel_line(const kt_graph *g, igraph_integer_t e) { return g->rels[e].line; }
const char *kt_graph_rel_source(const kt_graph *g, igraph_integer_t e)
{
    const kt_graph_i_extra *x = extra(g, e);
    return x ? xstr(g, x->source) : NULL;
}

static const char *where(const char *file, long line, const char *src, char *buf, size_t len)
{
    if (line && src)
        snprintf(buf, len, "%s:%ld (%s)", file, line, src);
    else if (line)
        snprintf(buf, len, "%s:%ld", file, line);
    else if (src)
        snprintf(buf, len, "%s#%s", file, src);
    else
        snprintf(buf, len, "%s", file);
    return buf;
}

const char *kt_graph_rel_where(const kt_graph *g, igraph_integer_t e, char *buf, size_t len)
{
    return where(kt_graph_rel_file(g, e), kt_graph_rel_line(g, e), kt_graph_rel_source(g, e), buf, len);
}

const char *kt_graph_entity_where(const kt_graph *g, igraph_integer_t v, char *buf, size_t len)
{
    return where(kt_graph_entity_file(g, v), kt_graph_entity_line(g, v), kt_graph_entity_source(g, v), buf, len);
}

/* igraph 0.10's indexed edge list (src/graph/type_indexededgelist.c): oi holds edge ids sorted
 * by (from, to), os[v] the start of v's run; likewise ii/is by (to, from).  Reading them
 * directly gives zero-copy adjacency with no per-call allocation. */
igraph_integer_t kt_graph_out(const kt_graph *g, igraph_integer_t v, const igraph_integer_t **eids)
{
    igraph_integer_t a = VECTOR(g->ig.os)[v], b = VECTOR(g->ig.os)[v + 1];
    *eids = VECTOR(g->ig.oi) + a;
    return b - a;
}

igraph_integer_t kt_graph_in(const kt_graph *g, igraph_integer_t v, const igraph_integer_t **eids)
{
    igraph_integer_t a = VECTOR(g->ig.is)[v], b = VECTOR(g->ig.is)[v + 1];
    *eids = VECTOR(g->ig.ii) + a;
    return b - a;
}

/* ---- names ---- */

static const char *etype_names[KT_ENT__COUNT] = {"company", "person", "state", "product",
                                                 "component", "consortium", "service", "unknown"};
static const char *rtype_names[KT_REL__COUNT] = {"owns", "controls", "supplies", "subcontracts",
                                                 "contains", "made_by", "member_of", "offers",
                                                 "director_of", "role_in"};
static const char *basis_names[KT_BASIS__COUNT] = {"", "board", "golden_share", "contract",
                                                   "statute", "other", "consolidation"};

const char *kt_etype_name(kt_etype t) { return (unsigned)t < KT_ENT__COUNT ? etype_names[t] : "?"; }
const char *kt_rtype_name(kt_rtype t) { return (unsigned)t < KT_REL__COUNT ? rtype_names[t] : "?"; }
const char *kt_basis_name(kt_basis b) { return (unsigned)b < KT_BASIS__COUNT ? basis_names[b] : "?"; }

static int parse_name(const char *s, const char **names, int n, int *out)
{
    for (int i = 0; i < n; i++)
        if (names[i][0] && names[i][0] == s[0] && strcmp(s, names[i]) == 0) {
            *out = i;
            return 0;
        }
    return -1;
}

int kt_etype_parse(const char *s, kt_etype *out)
{
    int i;
    /* "unknown" is made by loaders for unspecified parties, never declared by users */
    if (parse_name(s, etype_names, KT_ENT_UNKNOWN, &i) != 0)
        return -1;
    *out = (kt_etype)i;
    return 0;
}

int kt_rtype_parse(const char *s, kt_rtype *out)
{
    int i;
    if (parse_name(s, rtype_names, KT_REL__COUNT, &i) != 0)
        return -1;
    *out = (kt_rtype)i;
    return 0;
}

int kt_basis_parse(const char *s, kt_basis *out)
{
    int i;
    if (parse_name(s, basis_names, KT_BASIS__COUNT, &i) != 0)
        return -1;
    *out = (kt_basis)i;
    return 0;
}

int kt_etype_is_item(kt_etype t)
{
    return t == KT_ENT_PRODUCT || t == KT_ENT_COMPONENT || t == KT_ENT_SERVICE;
}

size_t kt_graph_memory(const kt_graph *g)
{
    size_t m = sizeof *g;
    m += kt_graph_i_intern_memory(&g->ids) + kt_graph_i_intern_memory(&g->strs) +
         kt_graph_i_intern_memory(&g->files) + kt_graph_i_intern_memory(&g->ident_keys);
    m += g->ents_cap * sizeof *g->ents + g->rels_cap * sizeof *g->rels;
    m += g->extras_cap * sizeof *g->extras + g->pairs_cap * sizeof *g->pairs + g->marks_cap * sizeof *g->marks;
    m += g->ident_owner_cap * sizeof *g->ident_owner + g->canon_cap * sizeof *g->canon;
    if (g->built) {
        /* from, to, oi, ii: one igraph_integer_t each per edge; os, is per vertex */
        m += (size_t)igraph_ecount(&g->ig) * 4 * sizeof(igraph_integer_t);
        m += (size_t)(g->nv + 1) * 2 * sizeof(igraph_integer_t);
        if (g->vert_slot)
            m += (size_t)g->nv * sizeof *g->vert_slot + g->ents_cap * sizeof *g->slot_vert;
    } else {
        m += (size_t)(igraph_vector_int_capacity(&g->efrom) + igraph_vector_int_capacity(&g->eto)) *
             sizeof(igraph_integer_t);
    }
    return m;
}

/* igraph's last reason, kept for kt_err_str(KT_EGRAPH) (graph/error.c) */
char kt_graph_i_igraph_reason[200];

static void kt_igraph_error_handler(const char *reason, const char *file, int line, igraph_error_t err)
{
    /* igraph's default handler aborts; keten keeps the reason and returns the error code */
    (void)file;
    (void)line;
    snprintf(kt_graph_i_igraph_reason, sizeof kt_graph_i_igraph_reason, "%s (%s)", reason ? reason : "?",
             igraph_strerror(err));
    IGRAPH_FINALLY_FREE();
}

kt_err kt_graph_igraph_err(igraph_error_t err)
{
    return err == IGRAPH_SUCCESS ? KT_OK : err == IGRAPH_ENOMEM ? KT_ENOMEM : KT_EGRAPH;
}

void kt_graph_init_library(void)
{
    igraph_set_error_handler(kt_igraph_error_handler);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}
