/* kt_prov.h: provenance: an item's bill of materials, where its parts come from, how
 * concentrated that is, and who only passes parts on (transit).
 *
 * Bill of materials.  Every part reached from the item along `contains`, tier by tier (tier =
 * the fewest contains steps from the item), each with its manufacturer (its first made_by),
 * the suppliers found for it, and its origin country by the shared rule kt_policy_origin():
 * its own `country`, else the `country` on its made_by, else its manufacturer's country, else
 * unknown.
 *
 * Origin shares.  The item counts 1; each assembly divides what it carries over its contains
 * relations, and each leaf part (no contains of its own) gives its part to its origin:
 *   KT_PROV_SPLIT_SHARE  every contains of the assembly gives `share`: by share (the midpoint
 *                        of a range), normalised to the assembly's whole;
 *   KT_PROV_SPLIT_QTY    else every contains gives a `qty` above 0: by qty, normalised;
 *   KT_PROV_SPLIT_EQUAL  else equally (the data does not say; the result says so).
 * A part reached along several routes (a shared sub-assembly) adds what each route gives.
 * Unknown origins are one bucket of their own (country index 0), reported, never dropped.
 * The item's own place of assembly (its own origin) is reported beside the shares.
 *
 * Concentration.  The Herfindahl-Hirschman index over the origin buckets, as a fraction:
 * the sum of squared shares, the unknown bucket counted as one origin.  hhi_min and hhi_max
 * bound it over how the unknown share could really be split: spread over many origins
 * (min: the known squares alone) or all in the largest known origin (max).  Bands (CBS):
 * below 0.15 not concentrated, 0.15 to below 0.25 somewhat, 0.25 and above concentrated.
 *
 * Dependence outside the EU (kt_prov_extra_eu, with the policy's `eu` set).  The European
 * Commission's strategic-dependency screen (SWD(2021) 352) is about supply from outside the
 * EU: extra_eu_share is the known share from origins outside the EU, hhi_extra_eu the HHI
 * over those origins alone (each as a fraction of extra_eu_share), and eu_flag is set when
 * that HHI is above 0.4 and more than half the item comes from outside the EU.  An all-German
 * product is not flagged; unknown origins count on neither side (unknown_share says how much).
 * Without a policy (or one without `eu`) eu_flag is -1: which countries are in the EU is data.
 * Comparisons allow 1e-12 for rounding.
 *
 * Transit.  For each part P, the supplies relations with item = P found (a) into P itself and
 * (b) into a manufacturer (made_by) of any item of this bill of materials (where P is bought
 * to be built in).  A supplier whose country differs from P's known origin is reported in
 * transit[] as passing the part on ("via"), never as its origin.  Supplies of P to customers
 * that assemble none of the reached assemblies are not looked for (that would need a scan
 * of every relation); exposure and screening follow a bidder's own suppliers.
 *
 * Complexity: O(P + C + S + P log P), P the parts reached, C their contains relations, S the
 * relations into their manufacturers, each manufacturer scanned once (one BFS, one pass in topological order over
 * the reached sub-DAG: kt_graph_build has rejected contains cycles).
 *
 * Ownership: kt_prov_run() gives the caller a result to free with kt_prov_result_free()
 * (accepts NULL).  Ids index the graph, which must outlive the result.
 *
 * Example:
 *     kt_prov_result *r;
 *     if (kt_prov_run(g, kt_graph_find(g, "camera"), &r) == KT_OK)
 *         printf("hhi %.3f %s\n", r->hhi, kt_prov_band_name(r->band));
 *     kt_prov_result_free(r);
 */
#ifndef KT_PROV_H
#define KT_PROV_H

#include "../graph/kt_graph.h"
#include "../graph/kt_policy.h"

typedef enum { KT_PROV_SPLIT_NONE = 0, KT_PROV_SPLIT_SHARE, KT_PROV_SPLIT_QTY, KT_PROV_SPLIT_EQUAL } kt_prov_split;

typedef enum {
    KT_PROV_ORIGIN_UNKNOWN = 0,
    KT_PROV_ORIGIN_OWN,          /* the part's own country */
    KT_PROV_ORIGIN_MADE_BY,      /* the country on its made_by */
    KT_PROV_ORIGIN_MANUFACTURER  /* its manufacturer's country */
} kt_prov_origin_rule;

typedef enum { KT_PROV_NOT_CONCENTRATED = 0, KT_PROV_SOMEWHAT, KT_PROV_CONCENTRATED } kt_prov_band;

typedef struct {
    igraph_integer_t supplier;
    igraph_integer_t edge; /* the supplies relation */
} kt_prov_supplier;

typedef struct {
    igraph_integer_t node;
    int tier;                 /* 0 for the item itself (parts[0]) */
    int leaf;                 /* no contains of its own */
    kt_prov_split split;      /* how an assembly divides its share; NONE for leaves */
    double share;             /* fraction (0-1) of the item carried through this part */
    unsigned origin;          /* country index, 0 unknown */
    kt_prov_origin_rule rule;
    igraph_integer_t manufacturer; /* first made_by target, -1 */
    kt_prov_supplier *suppliers;   /* sorted by relation id */
    size_t nsuppliers;
} kt_prov_part;

typedef struct {
    unsigned country; /* 0: unknown */
    double share;     /* fraction 0-1 */
} kt_prov_origin;

typedef struct {
    igraph_integer_t part, supplier, edge;
    unsigned supplier_country, origin;
} kt_prov_transit;

typedef struct {
    igraph_integer_t item;
    kt_prov_part *parts; /* parts[0] is the item; the rest sorted by tier, then entity id */
    size_t nparts;
    kt_prov_origin *origins; /* by share, largest first, then country code; unknown last */
    size_t norigins;
    double unknown_share;
    double hhi, hhi_min, hhi_max;
    kt_prov_band band;
    double extra_eu_share;  /* known share from origins outside the EU (kt_prov_extra_eu); NaN before */
    double hhi_extra_eu;    /* HHI over the extra-EU origins alone; NaN when there are none */
    int eu_flag;            /* 1 flagged, 0 not, -1 not judged (no policy `eu` set) */
    kt_prov_transit *transit; /* by part id, supplier id, relation id */
    size_t ntransit;
} kt_prov_result;

/* Errors: KT_ENOMEM; KT_EUSAGE when item is not a vertex. */
kt_err kt_prov_run(const kt_graph *g, igraph_integer_t item, kt_prov_result **out);
/* Fill extra_eu_share, hhi_extra_eu and eu_flag from r's origins and p's `eu` set (p may be
 * NULL).  Complexity: O(origins). */
void kt_prov_extra_eu(kt_prov_result *r, const kt_policy *p);
void kt_prov_result_free(kt_prov_result *r);

const char *kt_prov_split_name(kt_prov_split s);       /* "share", "qty", "equal", "" */
const char *kt_prov_rule_name(kt_prov_origin_rule r);  /* "own", "made_by", "manufacturer", "unknown" */
const char *kt_prov_band_name(kt_prov_band b);         /* "not_concentrated", "somewhat_concentrated", "concentrated" */

#endif
