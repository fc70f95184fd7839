/* graph_i.h: the layout of kt_graph, shared by the graph module's files only. */
#ifndef KT_GRAPH_I_H
#define KT_GRAPH_I_H

#include <math.h>

#include "intern.h"
#include "kt_graph.h"

#define NONE UINT32_MAX

/* Percentages (shares, votes) are stored as whole multiples of 1e-7 percentage points (100% =
 * 10^9 units): a decimal with up to seven places is kept exactly and read back as the double
 * nearest to it, so 49.9 + 0.1 adds up to 50 within the tolerance of the ownership analyses
 * (KT_OWN_TOL, analyses/own_i.h); 32-bit floats made it 50.0000015.  KT_PCT_NONE: unknown. */
typedef uint32_t kt_graph_i_pct;
#define KT_PCT_NONE UINT32_MAX
static inline kt_graph_i_pct kt_graph_i_pct_put(double p)
{
    /* p was checked to be 0-100; anything else (a half-unknown interval) reads as unknown */
    return !(p >= 0 && p <= 100) ? KT_PCT_NONE : (kt_graph_i_pct)llround(p * 1e7);
}
static inline double kt_graph_i_pct_get(kt_graph_i_pct u)
{
    return u == KT_PCT_NONE ? NAN : u / 1e7;
}

typedef struct {
    uint32_t name;   /* strs number, NONE */
    uint32_t source; /* strs number, NONE */
    uint32_t file;   /* file index, NONE when only referenced */
    uint32_t line;
    uint32_t ident;  /* head of this entity's list in g->idents, NONE */
    uint32_t tags;   /* head of this entity's list in g->tags, NONE */
    uint8_t country; /* 1 + index in kt_country_table; 0 none */
    uint8_t type;    /* kt_etype */
    uint8_t flags;   /* KT_EF_* */
} kt_graph_i_ent;

typedef struct { /* 20 bytes: this is the array that grows with the data */
    kt_graph_i_pct smin, smax; /* share; KT_PCT_NONE unknown */
    uint32_t line;
    uint32_t extra;   /* index into g->extras, NONE */
    uint16_t file;
    uint8_t type;     /* kt_rtype */
    uint8_t flags;    /* KT_RF_* */
} kt_graph_i_rel;

typedef struct {
    uint32_t item;   /* entity slot until build, then vertex; NONE */
    float qty;       /* NaN none */
    kt_graph_i_pct vmin, vmax; /* owns votes when given apart from the share (KT_RF_VOTES_GIVEN) */
    uint32_t scope, since, until, source; /* strs numbers, NONE */
    uint8_t country; /* as in kt_graph_i_ent */
    uint8_t basis;
} kt_graph_i_extra;

typedef struct {
    uint32_t a, b; /* strs numbers (scheme, value) or (tag, unused) */
    uint32_t next; /* NONE ends the list */
} kt_graph_i_pair;

typedef struct {
    uint32_t ent; /* entity slot until build, then vertex */
    uint32_t authority, programme, since, until, source; /* strs numbers, NONE */
    uint32_t line;
    uint16_t file;
    uint8_t kind; /* kt_mark_kind */
} kt_graph_i_mark;

struct kt_graph {
    kt_graph_i_intern ids;  /* entity ids; number = entity slot */
    kt_graph_i_intern strs; /* every other string */
    kt_graph_i_intern files;
    kt_graph_i_intern ident_keys; /* "scheme\x1fvalue" -> owner slot in ident_owner */
    uint32_t *ident_owner;
    size_t ident_owner_cap;
    char *schemes[32];      /* the distinct identifier schemes, for kt_graph_find_value */
    size_t nschemes;

    kt_graph_i_ent *ents; /* by slot */
    size_t ents_cap;
    uint32_t *canon;      /* slot -> canonical slot when aliases exist, else NULL */
    size_t canon_cap;

    kt_graph_i_rel *rels;
    size_t nrels, rels_cap;
    igraph_vector_int_t efrom, eto; /* per relation: slots while loading, vertices after build,
                                     * when kt_graph_i_create hands them to ig */

    kt_graph_i_extra *extras;
    size_t nextras, extras_cap;
    kt_graph_i_pair *pairs;
    size_t npairs, pairs_cap;

    kt_graph_i_mark *marks; /* sorted by vertex after build */
    size_t nmarks, marks_cap;

    uint32_t *supersede;  /* pairs (source, until) as strs numbers, kt_graph_supersede */
    size_t nsupersede, supersede_cap;

    char as_of[11];       /* "" when no date filter */
    char today[11];       /* "" when not set */
    int directors_control; /* director_of counts as control (kt_graph_set_directors_control) */
    size_t dropped_by_date;
    /* the dates D on which the same relations would be kept (kt_graph_build): D >= from,
     * D > after, D <= to and D < before; "" for no bound.  A snapshot answers for these dates. */
    char win_from[11], win_after[11], win_to[11], win_before[11];
    int built;
    igraph_t ig;
    uint32_t *vert_slot;  /* vertex -> slot (identity unless aliases) */
    uint32_t *slot_vert;  /* slot -> vertex, NONE for aliases; NULL when identity */
    igraph_integer_t nv;
    struct kt_graph_i_snap *snap; /* set when the model is a mapped snapshot (snapshot.c) */
};

/* The model's side arrays as a snapshot saves and maps them (snapshot.c): a new array joins
 * with one line here (and its index fields with a line in snapshot.c's validate).  count is
 * the number of elements in use; n the member that holds it, set when a snapshot is opened
 * (NULL when the count follows from other members: it is then checked). */
typedef struct {
    const char *name;
    void **ptr;
    size_t size, count;
    size_t *n;
} kt_graph_i_array;

#define KT_GRAPH_I_ARRAYS(g)                                                                                   \
    {                                                                                                          \
        {"ents", (void **)&(g)->ents, sizeof *(g)->ents, (g)->ids.n, NULL},                                    \
        {"canon", (void **)&(g)->canon, sizeof *(g)->canon, (g)->canon ? (g)->ids.n : 0, NULL},                \
        {"rels", (void **)&(g)->rels, sizeof *(g)->rels, (g)->nrels, &(g)->nrels},                             \
        {"extras", (void **)&(g)->extras, sizeof *(g)->extras, (g)->nextras, &(g)->nextras},                   \
        {"pairs", (void **)&(g)->pairs, sizeof *(g)->pairs, (g)->npairs, &(g)->npairs},                        \
        {"vert_slot", (void **)&(g)->vert_slot, sizeof *(g)->vert_slot, (g)->vert_slot ? (size_t)(g)->nv : 0,  \
         NULL},                                                                                                \
        {"slot_vert", (void **)&(g)->slot_vert, sizeof *(g)->slot_vert, (g)->slot_vert ? (g)->ids.n : 0, NULL}, \
        {"marks", (void **)&(g)->marks, sizeof *(g)->marks, (g)->nmarks, &(g)->nmarks},                        \
        {"ident_owner", (void **)&(g)->ident_owner, sizeof *(g)->ident_owner, (g)->ident_keys.n, NULL},        \
    }

/* Release a mapped snapshot's view (snapshot.c); kt_graph_free calls it. */
void kt_graph_i_snap_close(kt_graph *g);
/* Shared by graph.c, build.c and marks.c. */
uint32_t kt_graph_i_slot_add(kt_graph *g, const char *id);   /* KT_INTERN_ENOMEM on failure */
uint32_t kt_graph_i_str_add(kt_graph *g, const char *s);     /* NONE for NULL */
void kt_graph_i_widen(const char *date, int last, char out[11]);
int kt_graph_i_date_ok(const char *date);                    /* YYYY-MM-DD */
kt_err kt_graph_i_marks_build(kt_graph *g, kt_diags *d, int *bad);

/* igraph_create(ig, edges, nv, directed) to the byte for the edges from[i] -> to[i], its two
 * indexes made at once (igraph_index.c).  from and to move into ig: they come back empty. */
kt_err kt_graph_i_create(igraph_t *ig, igraph_vector_int_t *from, igraph_vector_int_t *to, igraph_integer_t nv);

/* Grow *p (of *cap elements of size sz) to hold at least need; 0 on success. */
int kt_graph_i_reserve(void **p, size_t *cap, size_t need, size_t sz);

#endif
