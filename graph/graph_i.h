/* graph_i.h: the layout of kt_graph, shared by the graph module's files only. */
#ifndef KT_GRAPH_I_H
#define KT_GRAPH_I_H

#include "intern.h"
#include "kt_graph.h"

#define NONE UINT32_MAX

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
    float smin, smax; /* share; NaN unknown */
    uint32_t line;
    uint32_t extra;   /* index into g->extras, NONE */
    uint16_t file;
    uint8_t type;     /* kt_rtype */
    uint8_t flags;    /* KT_RF_* */
} kt_graph_i_rel;

typedef struct {
    uint32_t item;   /* entity slot until build, then vertex; NONE */
    float qty;       /* NaN none */
    float vmin, vmax; /* owns votes when given apart from the share (KT_RF_VOTES_GIVEN) */
    uint32_t scope, since, until, source; /* strs numbers, NONE */
    uint8_t country; /* as in kt_graph_i_ent */
    uint8_t basis;
} kt_graph_i_extra;

typedef struct {
    uint32_t a, b; /* strs numbers (scheme, value) or (tag, unused) */
    uint32_t next; /* NONE ends the list */
} kt_graph_i_pair;

struct kt_graph {
    kt_graph_i_intern ids;  /* entity ids; number = entity slot */
    kt_graph_i_intern strs; /* every other string */
    kt_graph_i_intern files;
    kt_graph_i_intern ident_keys; /* "scheme\x1fvalue" -> owner slot in ident_owner */
    uint32_t *ident_owner;
    size_t ident_owner_cap;

    kt_graph_i_ent *ents; /* by slot */
    size_t ents_cap;
    uint32_t *canon;      /* slot -> canonical slot when aliases exist, else NULL */
    size_t canon_cap;

    kt_graph_i_rel *rels;
    size_t nrels, rels_cap;
    igraph_vector_int_t edges; /* 2 per relation: slots while loading, vertices after build */

    kt_graph_i_extra *extras;
    size_t nextras, extras_cap;
    kt_graph_i_pair *pairs;
    size_t npairs, pairs_cap;

    char as_of[11];       /* "" when no date filter */
    size_t dropped_by_date;
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
    }

/* Release a mapped snapshot's view (snapshot.c); kt_graph_free calls it. */
void kt_graph_i_snap_close(kt_graph *g);

/* Grow *p (of *cap elements of size sz) to hold at least need; 0 on success. */
int kt_graph_i_reserve(void **p, size_t *cap, size_t need, size_t sz);

#endif
