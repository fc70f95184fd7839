/* screen_i.h: what the screening stages share (internal to analyses/screen*.c).
 * screen.c builds the index and runs the searches; screen_bidder.c resolves one bidder. */
#ifndef KT_SCREEN_I_H
#define KT_SCREEN_I_H

#include "kt_screen.h"
#include "kt_vmap.h"

/* Integrated interests already computed, per company a finding's ownership run starts at:
 * the marked parties of its upstream with their capital interest (screen_interest.c).  Filled
 * as bidders need them, so each company's upstream is solved once per screening; the scratch
 * arrays of the solver are sized once and reused. */
typedef struct {
    kt_vmap map;          /* company -> index into at[] */
    struct {
        size_t start, count; /* its entries in ent[] */
        int partial;         /* a marked party above an ownership cycle is not among them */
    } *at;
    size_t cap_at;
    struct {
        igraph_integer_t v;
        kt_ival capital;
    } *ent;
    size_t nent, cap_ent;
    /* the solver's scratch: the local id loc of each vertex v met, in an open-addressing table
     * of cap_sl slots (a power of two, at least twice the vertices met) whose slots count only
     * when stamp == epoch; per local vertex or relation, grown as needed */
    struct {
        uint32_t stamp;
        int32_t v, loc;
    } *sl;
    size_t cap_sl;
    uint32_t epoch;
    int32_t *vert, *toff, *cnt, *tnb, *queue, *coff, *cfrom;
    double *u, *ta, *cab; /* pairs: lower, upper bound */
    igraph_integer_t *ein; /* way 3: a run of the owners index as relation numbers */
    size_t cap_ein;
    size_t cap_v, cap_off, cap_cnt, cap_t, cap_ta, cap_u, cap_q, cap_coff, cap_cfrom, cap_cab;
} kt_screen_i_memo;

/* The searches.  Those before CL__PATHS keep a first relation per vertex (a path to show);
 * the completeness dimensions keep only a distance. */
enum {
    CL_C1 = 0, CL_C2, CL_STATE,             /* along dependency steps */
    CL_MARK,                                /* marks the policy makes findings (sanctions, ...) */
    CL_CTRL_C1, CL_CTRL_C2, CL_CTRL_STATE,  /* along control steps only */
    CL_UNKNOWN,                             /* where the data stops, along dependency steps */
    CL_PROHIB,                              /* CL_PROHIB + k: prohibition k */
    CL__PATHS = CL_PROHIB + KT_PROHIBITION_MAX,
    CL_DIM = CL__PATHS,                     /* CL_DIM + KT_DIM_*: completeness dimensions */
    CL__N = CL_DIM + KT_DIM__COUNT
};

/* Kinds of a reverse adjacency entry. */
enum {
    ST_DEP = 1u << 0,     /* a dependency step (kt_dep_edge) */
    ST_CTRL = 1u << 1,    /* confers control: controls, or votes certainly above the threshold */
    ST_OWNS = 1u << 2,    /* an owns relation (prohibitions test its capital) */
    ST_DIM = 1u << 3      /* ST_DIM << KT_DIM_*: a step of that completeness dimension */
};

struct kt_screen {
    const kt_graph *g;
    int threads;           /* the threads the stages use (kt_screen_i_threads of the option) */
    const kt_policy *p;
    double owner_share, control;
    int max_depth;
    size_t nprohib;
    igraph_integer_t nv;
    uint16_t *reasons;     /* per vertex: KT_REASON_* */
    uint8_t *unknown;      /* per vertex: KT_UNK_* bits (kt_dep_unknown) */
    uint8_t *prohib;       /* per vertex: bit k, established in prohibition k's countries */
    const uint8_t *dim_src; /* per vertex: bit per dimension where its data stops (kt_graph_gaps:
                            * the snapshot's, else dim_made's) */
    uint8_t *dim_made;
    const float *bom;      /* per item: share of its bill of materials with a known origin (0-1;
                            * kt_graph_bom_shares: the snapshot's, else bom_made) */
    float *bom_made;
    const uint8_t *cyclic; /* per vertex: on a cycle of capital ownership (strongly connected
                            * with another vertex): its interests need the full walk sum; the
                            * snapshot's (kt_graph_cycles_kept), else cyclic_made */
    uint8_t *cyclic_made;
    /* who depends on each vertex: rev_off[v]..rev_off[v+1] index rev (the dependent and the
     * relation) and rev_kind (its kind bits, ST_*; 0: no step under this policy), in relation
     * order.  From a snapshot its dependency index (kt_graph_deps_kept: every relation that may
     * be a step), the kinds read per entry; else made from the relations' kinds in two passes
     * (rev_off_made, rev_made: the steps only) */
    const int32_t *rev_off;
    const kt_graph_dep_entry *rev;
    uint8_t *rev_kind;
    int32_t *rev_off_made;
    kt_graph_dep_entry *rev_made;
    /* the owners of each vertex as kt_own's subgraphs take them (owns and controls relations,
     * no self-loops), in the graph's in-list order: oin_off[v]..oin_off[v+1] index oin_from and
     * oin_rel (the relation, with KT_OWNER_CAPITAL when it counts in integrated ownership); the
     * snapshot's (kt_graph_owners_kept), else oin_made's */
    const int32_t *oin_off, *oin_from;
    const uint32_t *oin_rel;
    kt_graph_owners oin_made;
    int32_t *dist[CL__N];  /* per vertex: relations to the nearest source; -1 none within max_depth */
    int32_t *next[CL__N];  /* per vertex: the first relation on that path; -1 at a source (paths only) */
    kt_screen_i_memo *memo; /* written by kt_screen_bidder (see kt_screen.h) */
};

/* The interest of finding x (screen_interest.c; kt_screen.h, kt_screen_item.interest).
 * Writes s->memo.  KT_ENOMEM, else KT_OK (the interest may stay unknown). */
kt_err kt_screen_i_interest(const kt_screen *s, kt_screen_item *x);

/* Its parts, for callers that keep the memo themselves (screen_batch.c): the one-walk case
 * (1: x->interest set; else 0 and *company the company where the run starts); way 2 and way 3
 * for a company (entries appended to m->ent; m's scratch only is used otherwise); a memo's
 * arrays freed (not the struct). */
int kt_screen_i_interest_fast(const kt_screen *s, kt_screen_item *x, igraph_integer_t *company);
kt_err kt_screen_i_solve(const kt_screen *s, kt_screen_i_memo *m, igraph_integer_t c, int *partial);
kt_err kt_screen_i_solve_own(const kt_screen *s, kt_screen_i_memo *m, igraph_integer_t c);
void kt_screen_i_memo_free(kt_screen_i_memo *m);
/* The owners index (oin_*) of s: the snapshot's, else made in one pass over the in-lists
 * (kt_graph_owners_build: O(|V| + |E|); 4 bytes per vertex and 8 per owns or controls
 * relation).  bits: per relation kt_graph_owner_bits, made where the relations are read in
 * order anyway; NULL to ask it there. */
kt_err kt_screen_i_owners(kt_screen *s, const uint8_t *bits);

/* One bidder (screen_bidder.c).  pend NULL: kt_screen_bidder (interests through s->memo).
 * Otherwise the interests the one-walk case does not give are left unknown and listed in
 * *pend (finding index, company), in the order kt_screen_bidder would ask the memo. */
typedef struct {
    struct {
        size_t finding;
        igraph_integer_t company;
        int wait; /* screen_batch.c: answered by way 3 */
    } *v;
    size_t n, cap;
} kt_screen_i_pending;
kt_err kt_screen_i_bidder(const kt_screen *s, const kt_screen_tender *t, const kt_tender_bidder *b,
                          kt_screen_result *out, kt_errinfo *ei, kt_screen_i_pending *pend);

/* Work spread over threads (screen_par.c).  kt_screen_i_threads: the option's number of
 * threads, 0 giving every online core.  kt_screen_i_parallel: fn(arg, i, worker) for every i
 * in 0..n-1, each once, on at most `threads` threads; worker (0..threads-1) names the thread,
 * for scratch space of its own.  Returns when every task has run. */
typedef void (*kt_screen_i_task)(void *arg, size_t i, int worker);
int kt_screen_i_threads(int threads);
void kt_screen_i_parallel(int threads, size_t n, kt_screen_i_task fn, void *arg);

/* Whether relation e is a control step under the policy's control threshold. */
int kt_screen_i_controls_step(const kt_screen *s, igraph_integer_t e);

#endif
