/* screen.c: bulk screening, stage 1: the index and the searches every bidder shares (see
 * kt_screen.h for what is computed and why; screen_bidder.c reads them per bidder). */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "screen_i.h"

/* Whether relation e, as a step towards an owner or controller, confers control: a relation
 * kt_graph_rel_is_control says confers it (controls; director_of when the policy opts in), or an
 * owns relation whose votes are certainly above the control threshold
 * (a majority holding), whatever owner_share says.  Majorities put together from several
 * minority holdings are the owners analysis' business (keten owners). */
int kt_screen_i_controls_step(const kt_screen *s, igraph_integer_t e)
{
    kt_rtype t = kt_graph_rel_type(s->g, e);
    if (kt_graph_rel_is_control(s->g, e))
        return kt_graph_rel_from(s->g, e) != kt_graph_rel_to(s->g, e);
    if (t != KT_REL_OWNS || kt_graph_rel_from(s->g, e) == kt_graph_rel_to(s->g, e))
        return 0;
    kt_ival v = kt_graph_rel_votes(s->g, e);
    return !kt_ival_is_unknown(v) && v.min > s->control;
}

static int is_source(const kt_screen *s, int cls, igraph_integer_t v)
{
    switch (cls) {
    case CL_C1:
    case CL_CTRL_C1: return (s->reasons[v] & KT_REASON_C1) != 0;
    case CL_C2:
    case CL_CTRL_C2: return (s->reasons[v] & KT_REASON_C2) != 0;
    case CL_STATE:
    case CL_CTRL_STATE: return (s->reasons[v] & (KT_REASON_STATE_OWNED | KT_REASON_STATE)) != 0;
    case CL_UNKNOWN: return s->unknown[v] != 0;
    case CL_MARK: return (s->reasons[v] & KT_REASON_MARKS) != 0;
    default:
        if (cls >= CL_DIM)
            return (s->dim_src[v] >> (cls - CL_DIM)) & 1u;
        return (s->prohib[v] >> (cls - CL_PROHIB)) & 1u;
    }
}

/* is_source(s, cls, v) as ((*w16 ? (*w16)[v] : (*w8)[v]) & *mask) != 0. */
static void source_test(const kt_screen *s, int cls, const uint16_t **w16, const uint8_t **w8, unsigned *mask)
{
    *w16 = NULL;
    *w8 = NULL;
    switch (cls) {
    case CL_C1:
    case CL_CTRL_C1: *w16 = s->reasons, *mask = KT_REASON_C1; return;
    case CL_C2:
    case CL_CTRL_C2: *w16 = s->reasons, *mask = KT_REASON_C2; return;
    case CL_STATE:
    case CL_CTRL_STATE: *w16 = s->reasons, *mask = KT_REASON_STATE_OWNED | KT_REASON_STATE; return;
    case CL_UNKNOWN: *w8 = s->unknown, *mask = 0xffu; return;
    case CL_MARK: *w16 = s->reasons, *mask = KT_REASON_MARKS; return;
    default:
        if (cls >= CL_DIM)
            *w8 = s->dim_src, *mask = 1u << (cls - CL_DIM);
        else
            *w8 = s->prohib, *mask = 1u << (cls - CL_PROHIB);
    }
}

/* The kind bit (ST_*) an adjacency entry needs to be a step of search cls. */
static uint8_t step_bit(int cls)
{
    if (cls <= CL_MARK || cls == CL_UNKNOWN)
        return ST_DEP;
    if (cls <= CL_CTRL_STATE)
        return ST_CTRL;
    if (cls >= CL_DIM)
        return (uint8_t)(ST_DIM << (cls - CL_DIM));
    return ST_OWNS;
}

/* Prohibitions, besides ST_OWNS: relation e holds more than owned_above % of the capital (a
 * chain of such holdings, one at a time). */
static int owned_above(const kt_screen *s, int cls, igraph_integer_t e)
{
    kt_ival sh = kt_graph_rel_share(s->g, e);
    return !kt_ival_is_unknown(sh) && sh.min > kt_policy_prohibition(s->p, (size_t)(cls - CL_PROHIB))->owned_above;
}

/* One multi-source breadth-first search backwards.  Sources enter in vertex order and steps in
 * relation order, so ties resolve the same way every run.  The queue holds the levels one
 * after the other, so the level being expanded is known without reading dist[]; a bitset
 * (|V|/8 bytes, in cache where dist[] is not) says which vertices are reached.  queue and
 * seen are the running thread's scratch (|V| entries, |V| bits).  Complexity: O(|V| + |E|),
 * each vertex expanded once, only up to max_depth. */
static void search(kt_screen *s, int cls, int32_t *queue, uint64_t *seen)
{
    int32_t *dist = s->dist[cls], *next = s->next[cls];
    size_t head = 0, tail = 0;

    memset(seen, 0, ((size_t)s->nv / 64 + 1) * sizeof *seen);
    memset(dist, 0xff, (size_t)s->nv * sizeof *dist); /* -1: not reached */
    if (next)
        memset(next, 0xff, (size_t)s->nv * sizeof *next);
    /* the sources in vertex order: is_source's test, its per-vertex byte or word and mask
     * chosen once per search */
    const uint16_t *w16 = NULL;
    const uint8_t *w8 = NULL;
    unsigned mask = 0;
    source_test(s, cls, &w16, &w8, &mask);
    for (igraph_integer_t v = 0; v < s->nv; v++)
        if ((w16 ? w16[v] : w8[v]) & mask) {
            dist[v] = 0;
            seen[v >> 6] |= 1ull << (v & 63);
            queue[tail++] = (int32_t)v;
        }
    /* the kind bits first (read in order), then whether the dependent is reached (a random
     * read), then a prohibition's share: the same steps as testing them in any order */
    uint8_t bit = step_bit(cls);
    int prohib = cls >= CL_PROHIB && cls < CL__PATHS;
    int32_t d = 0; /* the level of queue[head] */
    size_t level_end = tail;
    while (head < tail) {
        if (head == level_end) {
            d++;
            level_end = tail;
        }
        if (d >= s->max_depth)
            break; /* every vertex left is at max_depth or deeper: none is expanded */
        /* the rows of the vertices a few places on in the queue, on their way into the cache */
        if (head + 16 < tail)
            __builtin_prefetch(&s->rev_off[queue[head + 16]]);
        if (head + 8 < tail) {
            int32_t o = s->rev_off[queue[head + 8]];
            __builtin_prefetch(&s->rev[o]);
            __builtin_prefetch(&s->rev_kind[o]);
        }
        int32_t v = queue[head++];
        for (int32_t k = s->rev_off[v]; k < s->rev_off[v + 1]; k++) {
            if (!(s->rev_kind[k] & bit))
                continue;
            int32_t u = s->rev[k].node;
            if (((seen[u >> 6] >> (u & 63)) & 1) || (prohib && !owned_above(s, cls, s->rev[k].rel)))
                continue;
            seen[u >> 6] |= 1ull << (u & 63);
            dist[u] = d + 1;
            if (next)
                next[u] = s->rev[k].rel;
            queue[tail++] = u;
        }
    }
}

/* The kind bits of relation e and its ends (dependent a, dependency b); 0 when it is no step
 * of any search. */
static uint8_t step_kind(const kt_screen *s, igraph_integer_t e, igraph_integer_t *a, igraph_integer_t *b)
{
    const kt_graph *g = s->g;
    kt_via via;
    kt_rtype t = kt_graph_rel_type(g, e);
    uint8_t k = 0;
    if (kt_dep_edge(g, e, s->owner_share, a, b, &via))
        k |= ST_DEP;
    int ctrl = kt_graph_rel_is_control(g, e);
    if (t == KT_REL_OWNS || ctrl) {
        if (kt_screen_i_controls_step(s, e))
            k |= ST_CTRL;
        if (t == KT_REL_OWNS && s->nprohib && kt_graph_rel_from(g, e) != kt_graph_rel_to(g, e))
            k |= ST_OWNS;
        if (k) {
            *a = kt_graph_rel_to(g, e);
            *b = kt_graph_rel_from(g, e);
        }
    }
    if (!(k & ST_DEP))
        return k;
    if (t == KT_REL_OWNS || ctrl)
        k |= ST_DIM << KT_DIM_OWNERSHIP;
    if (t == KT_REL_MEMBER_OF || t == KT_REL_SUPPLIES || t == KT_REL_SUBCONTRACTS)
        k |= ST_DIM << KT_DIM_SUPPLY;
    if (t == KT_REL_MEMBER_OF || t == KT_REL_OFFERS || t == KT_REL_CONTAINS)
        k |= ST_DIM << KT_DIM_COMPONENTS;
    return k;
}

/* Relations per task when work is split by relation or vertex. */
enum { CHUNK = 1 << 16 };

/* Bits of kinds[] beside the ST_* ones: the dependent is the relation's source (else its
 * target); the ends are neither (step_kind is asked again, in order). */
enum { KIND_FROM = 1u << 7, KIND_ODD = 1u << 6, KIND_ST = KIND_ODD - 1 };

/* step_kind for the relations of chunk i, into kinds[] with where the dependent is; *odd set
 * when a step is not oriented as the dependency index has it (kt_graph_dep_from); and what the
 * owners index needs to know of each (obits[], unless NULL: the index is kept). */
static void kinds_chunk(const kt_screen *s, uint8_t *kinds, uint8_t *obits, atomic_int *odd, size_t i)
{
    const kt_graph *g = s->g;
    igraph_integer_t ne = kt_graph_edge_count(g), a, b;
    igraph_integer_t lo = (igraph_integer_t)i * CHUNK, hi = lo + CHUNK < ne ? lo + CHUNK : ne;
    for (igraph_integer_t e = lo; e < hi; e++) {
        uint8_t k = step_kind(s, e, &a, &b);
        igraph_integer_t from = kt_graph_rel_from(g, e), to = kt_graph_rel_to(g, e);
        if (k && a == from && b == to)
            k |= KIND_FROM;
        else if (k && !(a == to && b == from))
            k |= KIND_ODD;
        kinds[e] = k;
        /* the dependency index orients each relation by its type: so must the kinds */
        if ((k & KIND_ST) && ((k & KIND_ODD) || from == to ||
                              kt_graph_dep_from(kt_graph_rel_type(g, e)) != ((k & KIND_FROM) != 0)))
            atomic_store_explicit(odd, 1, memory_order_relaxed);
        if (obits)
            obits[e] = kt_graph_owner_bits(g, e, kt_graph_directors_control(g));
    }
}

/* The ends of relation e of kind k (kinds[]). */
static void kind_ends(const kt_screen *s, igraph_integer_t e, uint8_t k, igraph_integer_t *a, igraph_integer_t *b)
{
    if (k & KIND_ODD) {
        step_kind(s, e, a, b);
        return;
    }
    igraph_integer_t from = kt_graph_rel_from(s->g, e), to = kt_graph_rel_to(s->g, e);
    *a = k & KIND_FROM ? from : to;
    *b = k & KIND_FROM ? to : from;
}

/* The reverse adjacency (rev_*).  From a snapshot, its dependency index with each entry's kind
 * read from kinds[] (kinds_chunk), by parts of the entries, each part on a thread of its own:
 * O(|E|) (a random read each).  Else a counting sort of the steps over parts of the relations,
 * each part on a thread of its own: count per part and vertex, prefix-sum (vertex by vertex,
 * part by part), fill each part's entries in relation order from its own offsets: O(P |V| +
 * |E|) for P parts (at most REV_PARTS), 4 |V| bytes per part.  Either way every vertex's
 * entries come in relation order, whatever the number of parts.  On the way, which vertices a
 * dependency step leads out of (has_dep, a bitset per part, or'ed into the first, for
 * unknown_task). */
enum { REV_PARTS = 4 };

typedef struct {
    kt_screen *s;
    const uint8_t *kinds;
    size_t parts, n;          /* n: relations, or the kept index's entries */
    int32_t *at[REV_PARTS];   /* per part and vertex: its count, then where its next entry goes */
    uint64_t *dep[REV_PARTS]; /* per part, a bit per vertex: a dependency step leads out of it */
} rev_job;

static void rev_kept(void *arg, size_t p, int w)
{
    rev_job *j = arg;
    kt_screen *s = j->s;
    size_t lo = j->n * p / j->parts, hi = j->n * (p + 1) / j->parts;
    uint64_t *dep = j->dep[p];
    for (size_t i = lo; i < hi; i++) {
        uint8_t k = j->kinds[s->rev[i].rel] & KIND_ST;
        s->rev_kind[i] = k;
        if (k & ST_DEP) {
            int32_t a = s->rev[i].node;
            dep[a >> 6] |= 1ull << (a & 63); /* a dependency step leads out of a */
        }
    }
}

static void rev_count(void *arg, size_t p, int w)
{
    rev_job *j = arg;
    igraph_integer_t a, b;
    igraph_integer_t lo = (igraph_integer_t)(j->n * p / j->parts), hi = (igraph_integer_t)(j->n * (p + 1) / j->parts);
    int32_t *cnt = j->at[p];
    uint64_t *dep = j->dep[p];
    for (igraph_integer_t e = lo; e < hi; e++)
        if (j->kinds[e] & KIND_ST) {
            kind_ends(j->s, e, j->kinds[e], &a, &b);
            cnt[b]++;
            if (j->kinds[e] & ST_DEP)
                dep[a >> 6] |= 1ull << (a & 63); /* a dependency step leads out of a */
        }
}

static void rev_fill(void *arg, size_t p, int w)
{
    rev_job *j = arg;
    kt_screen *s = j->s;
    igraph_integer_t a, b;
    igraph_integer_t lo = (igraph_integer_t)(j->n * p / j->parts), hi = (igraph_integer_t)(j->n * (p + 1) / j->parts);
    int32_t *fill = j->at[p];
    for (igraph_integer_t e = lo; e < hi; e++) {
        uint8_t k = j->kinds[e];
        if (!(k & KIND_ST))
            continue;
        kind_ends(s, e, k, &a, &b);
        int32_t i = fill[b]++;
        s->rev_made[i].node = (int32_t)a;
        s->rev_made[i].rel = (int32_t)e;
        s->rev_kind[i] = k & KIND_ST;
    }
}

/* kept: use the snapshot's dependency index (every step oriented as it has them). */
static kt_err build_reverse(kt_screen *s, const uint8_t *kinds, uint64_t *has_dep, int kept)
{
    size_t n = (size_t)s->nv + 1, words = (size_t)s->nv / 64 + 1;
    kt_graph_deps dp;
    rev_job j = {s, kinds, (size_t)s->threads < REV_PARTS ? (size_t)s->threads : REV_PARTS,
                 (size_t)kt_graph_edge_count(s->g), {NULL}, {NULL}};
    kt_err rc = KT_ENOMEM;

    if (kept && !kt_graph_deps_kept(s->g, &dp))
        kept = 0;
    if (kept)
        j.n = dp.n;
    if (j.parts > j.n / 4096 + 1)
        j.parts = j.n / 4096 + 1; /* small graphs: one part */
    j.dep[0] = has_dep;
    for (size_t p = 1; p < j.parts; p++)
        if (!(j.dep[p] = calloc(words, sizeof *j.dep[p])))
            goto out;
    if (kept) {
        s->rev_off = dp.off;
        s->rev = dp.dep;
        if (!(s->rev_kind = malloc(dp.n + 1)))
            goto out;
        kt_screen_i_parallel(s->threads, j.parts, rev_kept, &j);
    } else {
        if (!(s->rev_off = s->rev_off_made = malloc((n + 1) * sizeof *s->rev_off_made)))
            goto out;
        for (size_t p = 0; p < j.parts; p++)
            if (!(j.at[p] = calloc(n, sizeof *j.at[p])))
                goto out;
        kt_screen_i_parallel(s->threads, j.parts, rev_count, &j);
        int64_t m = 0;
        for (igraph_integer_t v = 0; v < s->nv; v++) {
            s->rev_off_made[v] = (int32_t)m;
            for (size_t p = 0; p < j.parts; p++) {
                int32_t c = j.at[p][v];
                j.at[p][v] = (int32_t)m;
                m += c;
            }
        }
        s->rev_off_made[s->nv] = s->rev_off_made[s->nv + 1] = (int32_t)m;
        if (!(s->rev = s->rev_made = malloc(((size_t)m + 1) * sizeof *s->rev_made)) ||
            !(s->rev_kind = malloc((size_t)m + 1)))
            goto out;
        kt_screen_i_parallel(s->threads, j.parts, rev_fill, &j);
    }
    for (size_t p = 1; p < j.parts; p++)
        for (size_t i = 0; i < words; i++)
            has_dep[i] |= j.dep[p][i];
    rc = KT_OK;
out:
    for (size_t p = 0; p < j.parts; p++) {
        free(j.at[p]);
        if (p)
            free(j.dep[p]);
    }
    return rc;
}

/* Where each completeness dimension's data stops at v (bits per KT_DIM_*, as graph/derived.c
 * lays them out: kt_graph_gaps). */
_Static_assert(KT_GAP_OWNERSHIP == 1u << KT_DIM_OWNERSHIP && KT_GAP_SUPPLY == 1u << KT_DIM_SUPPLY &&
                   KT_GAP_COMPONENTS == 1u << KT_DIM_COMPONENTS,
               "the gaps are the completeness dimensions");

/* Which vertices lie on a cycle of capital ownership, all the fast path of screen_interest.c
 * needs (snapshots from earlier builds keep the cycles over relations of every type: a
 * superset, which serves as well): the snapshot's, else
 * kt_graph_cycles.  O(|V| + |E|), nothing when kept. */
static kt_err cycles(kt_screen *s)
{
    if (s->cyclic)
        return KT_OK;
    kt_err rc = kt_graph_cycles(s->g, &s->cyclic_made);
    s->cyclic = s->cyclic_made;
    return rc;
}

/* Each item's share of its bill of materials with a known origin: the snapshot's, else
 * kt_graph_bom_shares.  O(|V| + |E|), nothing when kept. */
static kt_err bom_shares(kt_screen *s)
{
    if (s->bom)
        return KT_OK;
    kt_err rc = kt_graph_bom_shares(s->g, &s->bom_made);
    s->bom = s->bom_made;
    return rc;
}

/* The per-vertex facts of chunk i of the vertices; where the data stops: when no index will
 * tell whether a dependency step leads out of each vertex (none NULL), in unknown[]; else both
 * answers, unknown[] with such a step and none[] without, for unknown_task to choose from.
 * O(the chunk's vertices and their relations). */
static void facts_chunk(kt_screen *s, size_t i, uint8_t *none)
{
    const kt_graph *g = s->g;
    const kt_policy *p = s->p;
    igraph_integer_t lo = (igraph_integer_t)i * CHUNK, hi = lo + CHUNK < s->nv ? lo + CHUNK : s->nv;
    for (igraph_integer_t v = lo; v < hi; v++) {
        s->reasons[v] = (uint16_t)kt_policy_reasons(p, g, v);
        if (!none) {
            s->unknown[v] = (uint8_t)kt_dep_unknown(g, v, s->owner_share);
        } else {
            unsigned with, without;
            kt_dep_unknown_both(g, v, &with, &without);
            s->unknown[v] = (uint8_t)with;
            none[v] = (uint8_t)without;
        }
        if (s->dim_made)
            s->dim_made[v] = kt_graph_gaps(g, v);
        kt_etype t = kt_graph_entity_type(g, v);
        unsigned c = kt_graph_entity_country_index(g, v);
        /* "established in": an entity's own country (an item is never a party) */
        for (size_t k = 0; k < s->nprohib && !kt_etype_is_item(t) && t != KT_ENT_CONSORTIUM; k++)
            if (kt_prohibition_country(kt_policy_prohibition(p, k), c))
                s->prohib[v] |= (uint8_t)(1u << k);
    }
}

/* The kt_screen with its arrays (the facts not yet filled). */
static kt_err prepare(const kt_graph *g, const kt_policy *p, int threads, kt_screen **out)
{
    kt_err rc = KT_OK;
    kt_screen *s = calloc(1, sizeof *s);

    *out = NULL;
    if (!s)
        return KT_ENOMEM;
    if (kt_graph_edge_count(g) >= INT32_MAX || kt_graph_vertex_count(g) >= INT32_MAX) {
        rc = KT_EUSAGE;
        goto out;
    }
    s->g = g;
    s->p = p;
    s->threads = kt_screen_i_threads(threads);
    s->owner_share = kt_policy_thresholds_get(p)->owner_share;
    s->max_depth = kt_policy_thresholds_get(p)->max_depth;
    s->control = kt_policy_thresholds_get(p)->control;
    s->nprohib = kt_policy_prohibition_count(p);
    s->nv = kt_graph_vertex_count(g);
    s->cyclic = kt_graph_cycles_kept(g); /* NULL: made by the stages */
    {
        kt_graph_owners o;
        if (kt_graph_owners_kept(g, &o)) {
            s->oin_off = o.off;
            s->oin_from = o.from;
            s->oin_rel = o.rel;
        }
    }
    if (!(s->memo = calloc(1, sizeof *s->memo))) {
        rc = KT_ENOMEM;
        goto out;
    }
    kt_vmap_init(&s->memo->map);
    size_t n = (size_t)s->nv + 1;
    s->reasons = malloc(n * sizeof *s->reasons);
    s->unknown = malloc(n);
    s->prohib = calloc(n, 1);
    if (!(s->dim_src = kt_graph_gaps_kept(g)))
        s->dim_src = s->dim_made = malloc(n);
    s->bom = kt_graph_bom_kept(g); /* NULL: made by the stages */
    if (!s->reasons || !s->unknown || !s->prohib || !s->dim_src) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (int c = 0; c < CL__N; c++) {
        if (c >= CL_PROHIB && c < CL__PATHS && (size_t)(c - CL_PROHIB) >= s->nprohib)
            continue; /* no such prohibition */
        s->dist[c] = malloc(n * sizeof(int32_t));
        if (c < CL__PATHS)
            s->next[c] = malloc(n * sizeof(int32_t));
        if (!s->dist[c] || (c < CL__PATHS && !s->next[c])) {
            rc = KT_ENOMEM;
            goto out;
        }
    }
    *out = s;
    s = NULL;
out:
    kt_screen_free(s);
    return rc;
}

/* The stages, as tasks on every thread, each writing arrays of its own.  First the cycles,
 * the bills of materials, the per-vertex facts (by chunks of vertices), and either the owners
 * index or (searches) the relations' kinds for the reverse index and the owners index (by
 * chunks of relations): none needs another.  Then (searches) the reverse index, on one
 * thread; where the data stops (unknown[], by chunks of vertices, from what the index says of
 * each vertex); the owners index and every search. */
typedef struct {
    kt_screen *s;
    uint8_t *kinds;      /* per relation, or NULL: no reverse index */
    uint8_t *obits;      /* per relation, with kinds when the owners index is to be made:
                          * kt_graph_owner_bits */
    uint64_t *has_dep;   /* per vertex, a bit: a dependency step leads out of it */
    uint8_t *none;       /* per vertex, with kinds: where its data stops when none does */
    atomic_int odd;      /* a step oriented otherwise than the dependency index has it */
    size_t nfacts;       /* chunks of vertices; the chunks of relations follow */
    int task[1 + CL__N]; /* the owners index (-1), the searches */
    kt_err rc[3 + CL__N];
    int32_t *queue[64];  /* per worker */
    uint64_t *seen[64];
} stage_job;

enum { T_CYCLES, T_BOM, T_OWNERS, T__FIXED };

static void first_task(void *arg, size_t i, int w)
{
    stage_job *j = arg;
    kt_screen *s = j->s;
    if (i == T_CYCLES)
        j->rc[i] = cycles(s);
    else if (i == T_BOM)
        j->rc[i] = bom_shares(s);
    else if (i == T_OWNERS)
        j->rc[i] = j->kinds || s->oin_off ? KT_OK : kt_screen_i_owners(s, NULL); /* with kinds: after them */
    else if (i < T__FIXED + j->nfacts)
        facts_chunk(s, i - T__FIXED, j->none);
    else
        kinds_chunk(s, j->kinds, j->obits, &j->odd, i - T__FIXED - j->nfacts);
}

/* Where the data stops, for chunk i of the vertices: of facts_chunk's two answers the one the
 * index's has_dep says (kt_dep_unknown_given).  O(the chunk's vertices), reading no graph. */
static void unknown_task(void *arg, size_t i, int w)
{
    stage_job *j = arg;
    kt_screen *s = j->s;
    igraph_integer_t lo = (igraph_integer_t)i * CHUNK, hi = lo + CHUNK < s->nv ? lo + CHUNK : s->nv;
    for (igraph_integer_t v = lo; v < hi; v++)
        if (!((j->has_dep[v >> 6] >> (v & 63)) & 1))
            s->unknown[v] = j->none[v];
}

static void search_task(void *arg, size_t i, int w)
{
    stage_job *j = arg;
    kt_screen *s = j->s;
    if (j->task[i] < 0) {
        j->rc[i] = kt_screen_i_owners(s, j->obits);
        return;
    }
    if (!j->queue[w])
        j->queue[w] = malloc(((size_t)s->nv + 1) * sizeof *j->queue[w]);
    if (!j->seen[w])
        j->seen[w] = malloc(((size_t)s->nv / 64 + 1) * sizeof *j->seen[w]);
    if (!j->queue[w] || !j->seen[w])
        j->rc[i] = KT_ENOMEM;
    else
        search(s, j->task[i], j->queue[w], j->seen[w]);
}

static kt_err stages(kt_screen *s, int searches)
{
    stage_job j = {s, NULL, NULL, NULL, NULL, 0, ((size_t)s->nv + CHUNK - 1) / CHUNK, {0}, {KT_OK}, {NULL}, {NULL}};
    size_t ne = (size_t)kt_graph_edge_count(s->g), n = 0;
    kt_err rc = KT_OK;

    if (searches && (!(j.kinds = malloc(ne + 1)) || (!s->oin_off && !(j.obits = malloc(ne + 1))) ||
                     !(j.has_dep = calloc((size_t)s->nv / 64 + 1, sizeof *j.has_dep)) ||
                     !(j.none = malloc((size_t)s->nv + 1)))) {
        free(j.kinds);
        free(j.obits);
        free(j.has_dep);
        return KT_ENOMEM;
    }
    kt_screen_i_parallel(s->threads, T__FIXED + j.nfacts + (searches ? (ne + CHUNK - 1) / CHUNK : 0), first_task,
                         &j);
    for (int t = 0; t < T__FIXED; t++)
        if (j.rc[t] != KT_OK)
            rc = j.rc[t];
    if (rc == KT_OK && searches && (rc = build_reverse(s, j.kinds, j.has_dep, !atomic_load(&j.odd))) == KT_OK) {
        kt_screen_i_parallel(s->threads, j.nfacts, unknown_task, &j);
        if (!s->oin_off)
            j.task[n++] = -1; /* the owners index, first: the longest task */
        for (int c = 0; c < CL__N; c++)
            if (s->dist[c])
                j.task[n++] = c;
        memset(j.rc, 0, sizeof j.rc);
        kt_screen_i_parallel(s->threads, n, search_task, &j);
        for (size_t i = 0; i < n; i++)
            if (j.rc[i] != KT_OK)
                rc = j.rc[i];
    }
    free(j.kinds);
    free(j.obits);
    free(j.has_dep);
    free(j.none);
    for (int w = 0; w < 64; w++) {
        free(j.queue[w]);
        free(j.seen[w]);
    }
    return rc;
}

/* Everything but the reverse index and the searches. */
kt_err kt_screen_prepare(const kt_graph *g, const kt_policy *p, kt_screen **out)
{
    kt_screen *s;
    kt_err rc = prepare(g, p, 0, &s);
    if (rc == KT_OK && (rc = stages(s, 0)) != KT_OK) {
        kt_screen_free(s);
        s = NULL;
    }
    *out = s;
    return rc;
}

kt_err kt_screen_new_opts(const kt_graph *g, const kt_policy *p, const kt_screen_opts *o, kt_screen **out)
{
    kt_screen *s;
    kt_err rc = prepare(g, p, o ? o->threads : 0, &s);

    *out = NULL;
    if (rc != KT_OK)
        return rc;
    if ((rc = stages(s, 1)) != KT_OK) {
        kt_screen_free(s);
        return rc;
    }
    *out = s;
    return KT_OK;
}

kt_err kt_screen_new(const kt_graph *g, const kt_policy *p, kt_screen **out)
{
    return kt_screen_new_opts(g, p, NULL, out);
}

/* ---- the hook for a search stage run elsewhere (kt_screen.h) ---- */

_Static_assert((int)CL__N <= (int)KT_SCREEN_SEARCHES_MAX, "kt_screen.h makes room for the searches");

int kt_screen_searches(const kt_screen *s)
{
    return CL__N;
}

void kt_screen_tables_get(kt_screen *s, kt_screen_tables *t)
{
    size_t n = ((size_t)s->nv + 1) * sizeof(int32_t);
    memset(t, 0, sizeof *t);
    for (int c = 0; c < CL__N; c++) {
        if ((t->dist[c] = s->dist[c]))
            memset(s->dist[c], 0xff, n); /* -1: none */
        if ((t->next[c] = s->next[c]))
            memset(s->next[c], 0xff, n);
    }
}

int kt_screen_source(const kt_screen *s, int search, igraph_integer_t v)
{
    return is_source(s, search, v);
}

uint32_t kt_screen_step(const kt_screen *s, igraph_integer_t e, igraph_integer_t *dependent,
                        igraph_integer_t *dependency)
{
    uint8_t kind = step_kind(s, e, dependent, dependency);
    uint32_t m = 0;
    for (int c = 0; kind && c < CL__N; c++)
        if (s->dist[c] && (kind & step_bit(c)) &&
            (c < CL_PROHIB || c >= CL__PATHS || owned_above(s, c, e))) /* as search() tests them */
            m |= 1u << c;
    return m;
}

void kt_screen_free(kt_screen *s)
{
    if (!s)
        return;
    free(s->reasons);
    free(s->unknown);
    free(s->prohib);
    free(s->dim_made);
    free(s->bom_made);
    free(s->cyclic_made);
    free(s->rev_off_made);
    free(s->rev_made);
    free(s->rev_kind);
    kt_graph_owners_free(&s->oin_made);
    for (int c = 0; c < CL__N; c++) {
        free(s->dist[c]);
        free(s->next[c]);
    }
    kt_screen_i_memo_free(s->memo);
    free(s->memo);
    free(s);
}

int kt_screen_max_depth(const kt_screen *s) { return s->max_depth; }
