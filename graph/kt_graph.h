/* kt_graph.h: keten's supplier-chain model.
 *
 * One directed multigraph (an igraph_t) holds every relation from every loaded file;
 * keten's own compact side arrays, indexed by vertex id and edge id, hold what igraph
 * does not: entity id, type, name, country, flags, identifiers, tags; relation type,
 * share interval, extra fields; and the source (file and line, or record id) of each.
 *
 * Life cycle: kt_graph_new() -> kt_graph_add_entity()/kt_graph_add_relation() any number
 * of times (loaders do this) -> kt_graph_build() once -> read-only accessors -> kt_graph_free().
 * Vertex ids are the order in which entity ids were first seen; edge ids the order in which
 * relations were added.  Both are stable for the same input files in the same order.
 *
 * Ownership: kt_graph_new() results belong to the caller (free with kt_graph_free(), which
 * accepts NULL).  Every const char * returned by an accessor is interned in the graph and
 * valid until the graph is freed.  kt_graph_add_* copy what they are given.
 *
 * Memory (measured, see README): about 70 bytes per relation after kt_graph_build(),
 * of which 32 are igraph's indexed edge list and 28 keten's relation record.
 *
 * Example:
 *     kt_graph *g = kt_graph_new();
 *     kt_diags *d = kt_diags_new();
 *     kt_load_file(g, "samples/x.jsonl", KT_FMT_AUTO, d, &ei);
 *     if (kt_graph_build(g, d) == KT_OK && !kt_diags_has_errors(d)) {
 *         igraph_integer_t v = kt_graph_find(g, "acme-bv");
 *         printf("%s\n", kt_graph_entity_name(g, v));
 *     }
 *     kt_diags_free(d); kt_graph_free(g);
 */
#ifndef KT_GRAPH_H
#define KT_GRAPH_H

#include <igraph/igraph.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kt_diag.h"
#include "kt_error.h"

typedef struct kt_graph kt_graph;

typedef enum {
    KT_ENT_COMPANY = 0,
    KT_ENT_PERSON,
    KT_ENT_STATE,
    KT_ENT_PRODUCT,
    KT_ENT_COMPONENT,
    KT_ENT_CONSORTIUM,
    KT_ENT_SERVICE, /* a service delivered to the buyer (CycloneDX services): an item */
    KT_ENT_UNKNOWN, /* an explicit "unknown owner" placeholder (BODS unspecified parties) */
    KT_ENT__COUNT
} kt_etype;

typedef enum {
    KT_REL_OWNS = 0,     /* owner -> owned: share (capital), votes */
    KT_REL_CONTROLS,     /* controller -> controlled: basis */
    KT_REL_SUPPLIES,     /* supplier -> customer: item, share, sole_source */
    KT_REL_SUBCONTRACTS, /* contractor -> subcontractor: scope */
    KT_REL_CONTAINS,     /* assembly -> part: qty */
    KT_REL_MADE_BY,      /* item -> manufacturer: country, share */
    KT_REL_MEMBER_OF,    /* company -> consortium: role */
    KT_REL_OFFERS,       /* bidder -> item */
    KT_REL_DIRECTOR_OF,  /* director -> organisation: role (board member, chair, senior official);
                          * not control unless the policy says so (KT_POLICY control_directors) */
    KT_REL_ROLE_IN,      /* party -> trust or arrangement: role (trustee, settlor, protector,
                          * beneficiary, enforcer, nominee); shown, never ownership or control */
    KT_REL__COUNT
} kt_rtype;

typedef enum {
    KT_BASIS_NONE = 0,
    KT_BASIS_BOARD,
    KT_BASIS_GOLDEN_SHARE,
    KT_BASIS_CONTRACT,
    KT_BASIS_STATUTE,
    KT_BASIS_OTHER,
    KT_BASIS_CONSOLIDATION, /* accounting consolidation (GLEIF level 2) */
    KT_BASIS__COUNT
} kt_basis;

/* Entity flags. The *_SET bits say the attribute was given at all, so that "false" and
 * "not said" stay different answers. */
enum {
    KT_EF_STATE_OWNED = 1u << 0,
    KT_EF_STATE_OWNED_SET = 1u << 1,
    KT_EF_LISTED = 1u << 2,
    KT_EF_LISTED_SET = 1u << 3,
    KT_EF_COMPLETE = 1u << 4,
    KT_EF_COMPLETE_SET = 1u << 5
};

/* Relation flags. */
enum {
    KT_RF_SOLE_SOURCE = 1u << 0,   /* supplies: no alternative source */
    KT_RF_LEAD = 1u << 1,          /* member_of: role lead */
    KT_RF_DECLARED = 1u << 2,      /* a declared indirect summary (BODS primary indirect, GLEIF
                                    * ultimate parent): followed for exposure and control, never
                                    * multiplied into integrated ownership */
    KT_RF_VOTES_GIVEN = 1u << 3,   /* owns: votes given explicitly (else votes = share) */
    KT_RF_SHARE_EXCL_MIN = 1u << 4, /* the share's lower bound is exclusive (BODS) */
    KT_RF_SHARE_EXCL_MAX = 1u << 5, /* the share's upper bound is exclusive (BODS) */
    KT_RF_BENEFICIAL = 1u << 6      /* the source declares the from-party a beneficial owner of the
                                     * to-party (BODS beneficialOwnershipOrControl) */
};

/* A closed interval of percentages 0-100.  Unknown: both bounds NaN (kt_ival_unknown). */
typedef struct {
    double min, max;
} kt_ival;

kt_ival kt_ival_unknown(void);
int kt_ival_is_unknown(kt_ival iv);
/* A percentage interval for people: "60%", or "25<dash>50%" with the given dash, each bound
 * with at most two decimals and no trailing zeros (33.33, 0.5); `unknown` when not known. */
const char *kt_ival_text(kt_ival iv, const char *dash, const char *unknown, char *buf, size_t len);

/* What a loader hands to kt_graph_add_entity.  NULL / 0 fields mean "not given". */
typedef struct {
    const char *id;      /* required */
    kt_etype type;
    const char *name;
    const char *country; /* ISO 3166-1 alpha-2, upper case, already validated by the loader */
    unsigned flags;      /* KT_EF_* */
    const char *const *ident_scheme; /* n_ident pairs, e.g. {"lei"}, {"529900..."} */
    const char *const *ident_value;
    size_t n_ident;
    const char *const *tags;
    size_t n_tags;
    const char *source; /* a declared source or record id; may be NULL */
} kt_entity_in;

/* What a loader hands to kt_graph_add_relation. */
typedef struct {
    kt_rtype type;
    const char *from, *to; /* entity ids, required; they may be declared later */
    kt_ival share;         /* owns: % of capital; supplies: % of need; made_by: % made there */
    kt_ival votes;         /* owns: % of votes; unknown = same as share */
    unsigned flags;        /* KT_RF_* */
    kt_basis basis;        /* controls */
    const char *item;      /* supplies: the item supplied (entity id) */
    double qty;            /* contains: quantity; NaN when not given */
    const char *country;   /* made_by: place of production when not the manufacturer's */
    const char *scope;     /* subcontracts */
    const char *role;      /* director_of, role_in: the role as the source names it */
    const char *since, *until; /* ISO dates */
    const char *source;    /* a declared source or record id; may be NULL */
} kt_rel_in;

void kt_rel_in_init(kt_rel_in *r, kt_rtype type, const char *from, const char *to);

/* ---- building ---- */

kt_graph *kt_graph_new(void);
void kt_graph_free(kt_graph *g);

/* Register a file name; returns its index for kt_graph_add_*.  Files are numbered in the
 * order they are added, and diagnostics sort by that order. */
uint32_t kt_graph_add_file(kt_graph *g, const char *path);
const char *kt_graph_file_name(const kt_graph *g, uint32_t file);
uint32_t kt_graph_file_count(const kt_graph *g);

/* Add or merge an entity.  A second declaration of the same id fills what the first left
 * out; conflicting values are an error (duplicate_id_conflict).  An entity whose identifier
 * (scheme and value) is already carried by an entity with another id becomes the same
 * entity (its id an alias); conflicting attributes then give a warning naming both sources
 * (merge_conflict).  Problems go to d; KT_ENOMEM is the only failure returned. */
kt_err kt_graph_add_entity(kt_graph *g, const kt_entity_in *e, uint32_t file, long line, kt_diags *d);

/* Add a relation; its endpoints may be declared later.  Problems go to d. */
kt_err kt_graph_add_relation(kt_graph *g, const kt_rel_in *r, uint32_t file, long line, kt_diags *d);

/* An entity id's length and hash as the model's id table takes them.  A loader that decodes
 * records on worker threads computes them there (kt_graph_id_key is thread-safe) and hands them
 * to the _keyed variants, which then skip that work on the thread that builds the model.
 * len 0: not computed.  keys of a relation: from, to, item. */
typedef struct {
    uint32_t len, hash;
    uint64_t text;  /* an id of 1-8 bytes itself, zero-padded; 0 for a longer one */
    uint32_t known; /* the id's place in the model + 1 when kt_graph_resolve_keys found it; 0 */
} kt_id_key;
kt_id_key kt_graph_id_key(const char *id);
/* While a loading thread adds records (between kt_graph_share_ids(g, 1) and (g, 0), called by
 * that thread), other threads may look up the ids of records to come: kt_graph_resolve_keys
 * sets known for each key of a short id (1-8 bytes) the model already holds, so that adding the
 * record skips that lookup on the loading thread.  What it finds is final (an id keeps its
 * place); what it does not find is looked up when the record is added.  Thread-safe (atomic
 * reads of the id table; the tables the loading thread outgrows are kept until sharing ends).
 * kt_graph_share_ids returns KT_ENOMEM only when it could not start (nothing shared then). */
kt_err kt_graph_share_ids(kt_graph *g, int on);
void kt_graph_resolve_keys(const kt_graph *g, kt_id_key *keys, size_t n);
kt_err kt_graph_add_entity_keyed(kt_graph *g, const kt_entity_in *e, const kt_id_key *id, uint32_t file, long line,
                                 kt_diags *d);
kt_err kt_graph_add_relation_keyed(kt_graph *g, const kt_rel_in *r, const kt_id_key *keys, uint32_t file,
                                   long line, kt_diags *d);
/* How many threads kt_graph_build may use (0, the default: every online core); the model is
 * the same whatever n.  One setting for the process. */
void kt_graph_set_threads(int n);

/* A hint that about ids entity ids and rels relations are coming: the id table is sized for
 * them at once instead of doubling (and rehashing) its way there, and the relation arrays are
 * reserved (address space only: pages that are never written cost no memory). */
void kt_graph_reserve(kt_graph *g, size_t ids, size_t rels);
/* kt_graph_prefetch_ids with the keys given. */
void kt_graph_prefetch_keys(const kt_graph *g, const kt_id_key *keys, size_t n);

/* Keep only relations valid on date (ISO YYYY-MM-DD): a relation whose `since` is after it or
 * whose `until` is before it is left out of the model when kt_graph_build() runs (and counted,
 * see kt_graph_dropped_by_date).  A partial date counts as its whole year or month: since
 * "2020" starts on 2020-01-01, until "2020" ends on 2020-12-31.  NULL: no filter.  Returns
 * KT_EINVALID for a malformed date. */
kt_err kt_graph_set_as_of(kt_graph *g, const char *date);
const char *kt_graph_as_of(const kt_graph *g); /* NULL when not set */
size_t kt_graph_dropped_by_date(const kt_graph *g);

/* The day "today" for a graph without kt_graph_set_as_of: relations that ended before it or
 * start after it are left out as with an as-of date, and marks (below) are judged on it, but
 * kt_graph_as_of() stays NULL.  The CLI sets the current date; NULL (the default): no filter. */
kt_err kt_graph_set_today(kt_graph *g, const char *date);
/* A later record supersedes the one named source: the relations recorded with that source
 * (kt_rel_in.source) hold at most until the given ISO date, whichever file they came from
 * (BODS 0.2/0.3 replacesStatements across files).  Applied by kt_graph_build before the date
 * filter.  Complexity: O(S log S + |E| log S) at build for S supersessions. */
kt_err kt_graph_supersede(kt_graph *g, const char *source, const char *until);

/* The date relations and marks are judged on: the as-of date, else today, else NULL. */
const char *kt_graph_date(const kt_graph *g);

/* ---- marks: what a source says about an entity (sanctions, debarment, export control) ----
 * A mark is not a relation: it is a listing of one entity by an authority, with its own
 * validity.  Marks are kept whatever their dates; kt_mark_active() judges one on a date.
 * Which marks make a finding is the policy's choice (kt_policy.h). */
typedef enum {
    KT_MARK_SANCTION = 0, /* listed under a sanctions programme */
    KT_MARK_SANCTION_LINKED, /* linked to a sanctioned party (not itself listed) */
    KT_MARK_DEBARMENT,    /* excluded from public contracts by an authority */
    KT_MARK_EXPORT_CONTROL, /* on an export control list */
    KT_MARK__COUNT
} kt_mark_kind;

typedef struct {
    const char *entity; /* entity id, required; may be declared later */
    kt_mark_kind kind;
    const char *authority, *programme; /* who listed it, under what; NULL when not said */
    const char *since, *until;         /* ISO dates (partial allowed); NULL when not said */
    const char *source;                /* record id; may be NULL */
} kt_mark_in;

/* After kt_graph_build: one mark as stored (strings interned in the graph). */
typedef struct {
    kt_mark_kind kind;
    const char *authority, *programme, *since, *until, *source; /* NULL when not said */
    const char *file;
    long line;
} kt_mark;

/* Add a mark; its entity must be declared by the time kt_graph_build runs (mark_undeclared
 * error otherwise).  Problems go to d; KT_ENOMEM is the only failure returned. */
kt_err kt_graph_add_mark(kt_graph *g, const kt_mark_in *m, uint32_t file, long line, kt_diags *d);
/* Marks of vertex v, in the order added.  Complexity: O(log M) for M marks in the graph. */
size_t kt_graph_mark_count(const kt_graph *g, igraph_integer_t v);
void kt_graph_mark_get(const kt_graph *g, igraph_integer_t v, size_t i, kt_mark *out);
size_t kt_graph_marks_total(const kt_graph *g);
/* In force on date (YYYY-MM-DD): since <= date <= until, partial dates widened; a NULL date:
 * every mark is in force. */
int kt_mark_active(const kt_mark *m, const char *date);
/* "sanction", "sanction_linked", "debarment", "export_control". */
const char *kt_mark_kind_name(kt_mark_kind k);
int kt_mark_kind_parse(const char *s, kt_mark_kind *out); /* 0 on success */

/* A hint for loaders that read records in batches: the entity ids of the next n records
 * (n <= 128) will be looked up soon.  Complexity: O(n); changes nothing. */
void kt_graph_prefetch_ids(const kt_graph *g, const char *const *ids, size_t n);

/* Resolve every relation, create the igraph_t (as igraph_create does, on two threads), and check the
 * model: relations to undeclared entities, contains cycles, ownership above 100%
 * (errors); entities with no relations, ownership self-loops, items with no known origin
 * (warnings).  After an error in d the graph must not be analysed.
 * Complexity: O(|V| + |E|) plus igraph_create's O(|V| + |E|) indexing. */
kt_err kt_graph_build(kt_graph *g, kt_diags *d);

/* Verify internal invariants (array sizes, endpoints, intervals); prints what is broken to
 * out and returns nonzero.  Every test runs it. */
int kt_graph_check(const kt_graph *g, FILE *out);

/* Add a likely_duplicate warning to d for each entity whose normalised name (lower case,
 * punctuation and legal forms such as "Ltd", "B.V." dropped) equals that of an earlier
 * entity of the same kind (organisation, person, item) with which it shares no identifier.
 * Such entities are never merged: the warning names both places for the user to decide.
 * Call after kt_graph_build.  Complexity: O(|V| log |V|) (one sort), not quadratic: each
 * entity is compared with the first of its run of equal names. */
kt_err kt_graph_find_duplicates(const kt_graph *g, kt_diags *d);

/* ---- reading (after kt_graph_build) ---- */

const igraph_t *kt_graph_igraph(const kt_graph *g);
igraph_integer_t kt_graph_vertex_count(const kt_graph *g);
igraph_integer_t kt_graph_edge_count(const kt_graph *g);

/* The vertex of an entity id (aliases included), or -1. */
igraph_integer_t kt_graph_find(const kt_graph *g, const char *id);

/* The entities carrying value as an identifier under any scheme ("529900T8BM49AURSDO55" as
 * lei, "pkg:npm/x@1" as purl): the number of distinct vertices found; the first max of them in
 * hits[], with the scheme that matched in schemes[] (interned).  Complexity: O(schemes). */
size_t kt_graph_find_value(const kt_graph *g, const char *value, igraph_integer_t *hits, const char **schemes,
                           size_t max);

/* Every id read, declared or merged: slots 0 <= slot < kt_graph_id_count(g).  An id merged
 * into another entity's (an alias, see kt_graph_add_entity) is returned by kt_graph_alias_of,
 * with *v set to the vertex of the entity it names; for any other slot it returns NULL.  O(1). */
uint32_t kt_graph_id_count(const kt_graph *g);
const char *kt_graph_alias_of(const kt_graph *g, uint32_t slot, igraph_integer_t *v);

const char *kt_graph_entity_id(const kt_graph *g, igraph_integer_t v);
kt_etype kt_graph_entity_type(const kt_graph *g, igraph_integer_t v);
const char *kt_graph_entity_name(const kt_graph *g, igraph_integer_t v); /* "" when none */
const char *kt_graph_entity_country(const kt_graph *g, igraph_integer_t v); /* "" when none */
/* 1 + row in kt_country_table (kt_country.h), 0 when none: for per-country bitmaps. */
unsigned kt_graph_entity_country_index(const kt_graph *g, igraph_integer_t v);
unsigned kt_graph_entity_flags(const kt_graph *g, igraph_integer_t v);
size_t kt_graph_entity_ident_count(const kt_graph *g, igraph_integer_t v);
void kt_graph_entity_ident(const kt_graph *g, igraph_integer_t v, size_t i, const char **scheme,
                           const char **value);
size_t kt_graph_entity_tag_count(const kt_graph *g, igraph_integer_t v);
const char *kt_graph_entity_tag(const kt_graph *g, igraph_integer_t v, size_t i);
/* Where the entity was (first) declared. */
const char *kt_graph_entity_file(const kt_graph *g, igraph_integer_t v);
long kt_graph_entity_line(const kt_graph *g, igraph_integer_t v);
const char *kt_graph_entity_source(const kt_graph *g, igraph_integer_t v); /* NULL when none */

kt_rtype kt_graph_rel_type(const kt_graph *g, igraph_integer_t e);
igraph_integer_t kt_graph_rel_from(const kt_graph *g, igraph_integer_t e);
igraph_integer_t kt_graph_rel_to(const kt_graph *g, igraph_integer_t e);
kt_ival kt_graph_rel_share(const kt_graph *g, igraph_integer_t e);
kt_ival kt_graph_rel_votes(const kt_graph *g, igraph_integer_t e); /* = share when not given */
unsigned kt_graph_rel_flags(const kt_graph *g, igraph_integer_t e);
kt_basis kt_graph_rel_basis(const kt_graph *g, igraph_integer_t e);
igraph_integer_t kt_graph_rel_item(const kt_graph *g, igraph_integer_t e); /* -1 when none */
double kt_graph_rel_qty(const kt_graph *g, igraph_integer_t e);           /* NaN when none */
const char *kt_graph_rel_country(const kt_graph *g, igraph_integer_t e);  /* "" when none */
const char *kt_graph_rel_scope(const kt_graph *g, igraph_integer_t e);    /* NULL when none */
const char *kt_graph_rel_role(const kt_graph *g, igraph_integer_t e);     /* director_of, role_in; NULL */
const char *kt_graph_rel_since(const kt_graph *g, igraph_integer_t e);    /* NULL when none */
const char *kt_graph_rel_until(const kt_graph *g, igraph_integer_t e);    /* NULL when none */
const char *kt_graph_rel_file(const kt_graph *g, igraph_integer_t e);
long kt_graph_rel_line(const kt_graph *g, igraph_integer_t e);
const char *kt_graph_rel_source(const kt_graph *g, igraph_integer_t e);   /* NULL when none */

/* Format "file:line" (or "file:line (source)", or the record id alone) into buf. */
const char *kt_graph_rel_where(const kt_graph *g, igraph_integer_t e, char *buf, size_t len);
const char *kt_graph_entity_where(const kt_graph *g, igraph_integer_t v, char *buf, size_t len);

/* Incident edges, zero-copy: *eids points at n edge ids, sorted by the other endpoint.
 * Out-edges of v are relations with from == v; in-edges those with to == v.
 * Complexity: O(1). */
igraph_integer_t kt_graph_out(const kt_graph *g, igraph_integer_t v, const igraph_integer_t **eids);
igraph_integer_t kt_graph_in(const kt_graph *g, igraph_integer_t v, const igraph_integer_t **eids);

/* Whether relation e confers control: a controls relation, or a director_of relation when
 * kt_graph_set_directors_control(g, 1) was called (the policy's "directors_control").  Every
 * analysis that follows control asks this.  Complexity: O(1). */
int kt_graph_rel_is_control(const kt_graph *g, igraph_integer_t e);
void kt_graph_set_directors_control(kt_graph *g, int on);
int kt_graph_directors_control(const kt_graph *g);

/* Names for enums, as used in the native format ("company", "owns", "board"). */
const char *kt_etype_name(kt_etype t);
const char *kt_rtype_name(kt_rtype t);
const char *kt_basis_name(kt_basis b);
int kt_etype_parse(const char *s, kt_etype *out); /* 0 on success */
int kt_rtype_parse(const char *s, kt_rtype *out);
int kt_basis_parse(const char *s, kt_basis *out);
int kt_etype_is_item(kt_etype t); /* product, component or service */

/* Bytes of memory the model holds (side arrays, intern tables, igraph). */
size_t kt_graph_memory(const kt_graph *g);

/* ---- snapshots (snapshot.c) ----
 * kt_graph_save writes a built model, with the diagnostics of its load (d) and the size, time
 * and hash of each source, to one versioned binary file; kt_graph_open maps such a file
 * read-only and gives a built model that answers exactly as the one saved, its diagnostics
 * added to d (may be NULL).  out must be seekable.  A truncated, corrupt or foreign file is
 * KT_EPARSE with ei saying why.  Complexity: save O(|V| + |E| + source bytes); open O(|V| + |E|)
 * sequential checks and no parsing. */
kt_err kt_graph_save(const kt_graph *g, const kt_diags *d, const char *version, FILE *out, kt_errinfo *ei);
kt_err kt_graph_open(const char *path, kt_graph **out, kt_diags *d, kt_errinfo *ei);
/* 1 when the file at path starts as a snapshot does. */
int kt_graph_is_snapshot(const char *path);
int kt_graph_is_mapped(const kt_graph *g);
/* 0 (default): opening a snapshot reads the whole file into memory at once (MAP_POPULATE);
 * 1: pages are read as they are first used, so that a process using a part of the model (an MPI
 * rank, dist/) keeps only that part resident.  Set before kt_graph_open(). */
extern int kt_graph_snapshot_lazy;
/* Hash a mapped snapshot's whole content and compare with the hash saved in it: opening checks
 * every index (no crash, whatever the bytes), this also finds changed text and numbers.  keten
 * check does it.  KT_OK for a graph not mapped.  Complexity: O(file size). */
kt_err kt_graph_verify(const kt_graph *g, kt_errinfo *ei);
const char *kt_graph_snapshot_version(const kt_graph *g); /* keten version that wrote it; NULL */
/* The date a snapshot's model was built for (the --as-of date, else the day it was indexed);
 * NULL when built with no date.  A snapshot holds the relations valid on that date, and
 * answers exactly as its sources would on every date on which the same relations are valid:
 * kt_graph_snapshot_covers says whether date (NULL: no date) is one.  The caller then sets the
 * date with kt_graph_set_as_of or kt_graph_set_today, as for a load. */
const char *kt_graph_snapshot_date(const kt_graph *g);
int kt_graph_snapshot_covers(const kt_graph *g, const char *date);
typedef enum { KT_SRC_SAME = 0, KT_SRC_CHANGED, KT_SRC_GONE, KT_SRC_UNCHECKED } kt_src_state;
/* Whether a mapped snapshot's source file still holds what was indexed: same size and time,
 * or else the same bytes.  KT_SRC_UNCHECKED for standard input and for a graph not mapped. */
kt_src_state kt_graph_source_state(const kt_graph *g, uint32_t file);

/* ---- derived indexes (derived.c) ----
 * Indexes that follow from the built model alone, whatever the policy.  A snapshot keeps them
 * (kt_graph_save computes them, kt_graph_open maps and checks them): the *_kept functions give
 * a mapped snapshot's, else NULL / 0; the others compute them, for a model built from sources.
 *
 * Cycles: per vertex 1 when it lies on a cycle of capital ownership (a strongly connected
 * component of more than one vertex over owns relations that are not declared summaries;
 * self-loops do not count), else 0; |V| + 1 bytes, the caller's to free.  KT_EUSAGE on a graph not built or beyond 2^31 vertices or relations.
 * Complexity: O(|V| + |E|), an iterative Tarjan. */
kt_err kt_graph_cycles(const kt_graph *g, uint8_t **out);
const uint8_t *kt_graph_cycles_kept(const kt_graph *g);
/* Gaps: per vertex, where its data stops for each completeness dimension (bits KT_GAP_*):
 * ownership, a company not marked complete whose direct owners' known shares (lower bounds)
 * add up to less than 100%; supply, such a company without a supplier or subcontractor;
 * components, an item without a known origin, or without parts and not marked complete; an
 * entity only referenced, all three.  kt_graph_gaps: O(degree of v).  The snapshot keeps them
 * per vertex (kt_graph_gaps_kept, |V| bytes).
 * BOM shares: per item its share of its bill of materials with a known origin, 0-1 (a leaf 1 or
 * 0 by its origin, kt_policy_origin; an assembly the mean of its parts; anything else 0); |V| + 1
 * floats, the caller's to free.  kt_graph_bom_shares: O(|V| + |E|), Kahn's order over contains. */
enum { KT_GAP_OWNERSHIP = 1, KT_GAP_SUPPLY = 2, KT_GAP_COMPONENTS = 4 };
uint8_t kt_graph_gaps(const kt_graph *g, igraph_integer_t v);
const uint8_t *kt_graph_gaps_kept(const kt_graph *g);
kt_err kt_graph_bom_shares(const kt_graph *g, float **out);
const float *kt_graph_bom_kept(const kt_graph *g);
/* The owners index: per vertex v, its relations in that are owns or controls relations (and
 * director_of with directors, see kt_graph_rel_is_control), self-loops left out, in
 * kt_graph_in's order: off[v]..off[v+1] index from[] (the owner) and rel[] (the relation, with
 * KT_OWNER_CAPITAL when it counts in integrated ownership: owns, not declared).  4 bytes per
 * vertex and 8 per relation kept.  kt_graph_owner_bits: what relation e is to the index
 * (KT_OWNER_USED: in it; KT_OWNER_CAP: with KT_OWNER_CAPITAL), O(1); kt_graph_owners_build
 * takes them from bits[] when given (made where the relations are read in order anyway), else
 * asks; O(|V| + |E|).  kt_graph_owners_kept gives the snapshot's, made without directors: 1,
 * only when the graph's directors do not control; else 0 and *o cleared. */
enum { KT_OWNER_USED = 1, KT_OWNER_CAP = 2 };
#define KT_OWNER_CAPITAL (1u << 31)
typedef struct {
    const int32_t *off, *from;
    const uint32_t *rel;
    size_t n; /* relations kept: off[|V|] */
} kt_graph_owners;
uint8_t kt_graph_owner_bits(const kt_graph *g, igraph_integer_t e, int directors);
kt_err kt_graph_owners_build(const kt_graph *g, int directors, const uint8_t *bits, kt_graph_owners *o);
void kt_graph_owners_free(kt_graph_owners *o); /* one kt_graph_owners_build made */
int kt_graph_owners_kept(const kt_graph *g, kt_graph_owners *o);

/* The dependency index: per vertex b, the relations whose other end depends on b by their
 * type (kt_graph_dep_from: 1, the source depends on the target: subcontracts, offers,
 * contains, made_by; 0, the target on the source: member_of, supplies, owns, controls,
 * director_of; -1 none), self-loops left out, in relation order: off[b]..off[b+1] index dep[]
 * (the dependent and the relation).  Whether a relation is a dependency step at all is the
 * policy's to say (analyses/kt_dep.h); this is every relation that may be one.  4 bytes per
 * vertex and 8 per relation kept.  kt_graph_deps_build: O(|V| + |E|), a counting sort;
 * kt_graph_deps_kept gives the snapshot's (1), else 0 and *o cleared. */
typedef struct {
    int32_t node, rel;
} kt_graph_dep_entry;
typedef struct {
    const int32_t *off; /* |V| + 1 entries (+ 1 more when built here) */
    const kt_graph_dep_entry *dep;
    size_t n;
} kt_graph_deps;
int kt_graph_dep_from(kt_rtype t);
kt_err kt_graph_deps_build(const kt_graph *g, kt_graph_deps *o);
void kt_graph_deps_free(kt_graph_deps *o); /* one kt_graph_deps_build made */
int kt_graph_deps_kept(const kt_graph *g, kt_graph_deps *o);

/* Install igraph's non-aborting error handler; call once at start-up. */
void kt_graph_init_library(void);
/* An igraph error code as keten's: IGRAPH_ENOMEM is KT_ENOMEM, any other failure KT_EGRAPH,
 * whose kt_err_str() then carries igraph's reason. */
kt_err kt_graph_igraph_err(igraph_error_t err);

#endif
