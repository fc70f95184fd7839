/* kt_viz.h: diagrams of ownership chains, exposure paths and bills of materials.
 *
 * Three layers, each usable alone:
 *   1. the diagram model (kt_viz_diagram): nodes with a kind, a name, a country, note lines
 *      and reason codes; edges with a kind, a share and an optional label.  Nothing in it
 *      knows about Graphviz.
 *   2. adapters that fill a diagram from an analysis's result: kt_viz_ownership (kt_own: the
 *      owners and controllers, or the controlled group), kt_viz_exposure (kt_exp: the paths
 *      to each finding and to each node beyond which nothing is known), kt_viz_screen (a
 *      screening result), kt_viz_provenance (a bill of materials with makers, origins and
 *      transit suppliers).  The adapters compute nothing of their own: a diagram shows what
 *      the command that runs the same analysis reports.
 *   3. the writer: kt_viz_fold (at most N nodes, the rest in "+37 more owners" summaries) and
 *      kt_viz_render, which builds a libcgraph graph and writes DOT (agwrite, no layout) or
 *      lays it out with libgvc's dot engine in-process and writes SVG, PNG or PDF.
 *
 * Conventions (those of the Open Ownership visualiser): everything flows left to right into
 * the subject (rankdir=LR): owner -> owned, supplier -> customer, part -> assembly, maker ->
 * item, subcontractor -> contractor, member -> consortium.  People are ellipses, companies
 * boxes, states hexagons, items (products, components) rounded "component" boxes, consortia
 * folders, unknown parties dashed circles, the "?" where the data stops a dashed rounded box
 * saying what is not known, summaries notes.  Ownership edges are blue and read "Owns 60%"
 * ("Owns 25–50%" for a range), control edges orange and read "Controls"; computed interests
 * are dashed and read "Integrated 52%" or "Controls (indirect)".  Pen width grows in five
 * steps with the share's lower bound (<10, 10-25, 25-50, 50-75, >=75 %).  A marked node has
 * a thick red border, a tinted fill and its reason codes written in its label, so the
 * diagram works in black and white.
 *
 * Labels: node labels are HTML-like labels built with entity escaping (& < > " '); edge,
 * summary, unknown and graph labels are plain labels set with agsafeset (agwrite quotes
 * them).  In both, & is &amp; and a backslash is &#92;&#92;, because Graphviz applies its
 * escString rules (\N is the node name, \\ a backslash) after decoding entities.
 * Invalid UTF-8 becomes U+FFFD and control characters become spaces, so SVG stays well-formed.
 *
 * Determinism: kt_viz_render sorts nodes by name and edges by (from, to, kind, label) before
 * making the cgraph graph, so the same diagram gives byte-identical DOT.
 *
 * Ownership: a kt_viz_diagram is a plain struct the caller owns: kt_viz_diagram_init() it,
 * fill it, kt_viz_diagram_destroy() it (NULL-safe).  Every string in it is a private copy.
 * Graph strings are borrowed only while an adapter runs.  Nothing here prints: errors come
 * back as kt_err with a kt_errinfo message.  kt_viz_render keeps one Graphviz context for
 * the life of the process (Graphviz is not thread-safe: render from one thread at a time).
 *
 * Example (what `keten diagram ownership acme data.jsonl -o acme.svg` does):
 *     kt_viz_diagram d;
 *     kt_viz_diagram_init(&d);
 *     kt_err rc = kt_viz_ownership(&d, g, kt_graph_find(g, "acme"), 0, NULL, &ei);
 *     if (rc == KT_OK) rc = kt_viz_fold(&d, 200);
 *     if (rc == KT_OK) rc = kt_viz_render(&d, KT_VIZ_SVG, out, &ei);
 *     kt_viz_diagram_destroy(&d);
 *
 * For `keten screen TENDER --diagrams DIR` (one exposure diagram per bidder with findings):
 *     kt_viz_exposure_render(g, policy, bidder_vertex, KT_VIZ_SVG, 200, file, &ei);
 * Write each file through kt_cli_out_open/kt_cli_out_close so a failure leaves nothing behind.
 */
#ifndef KT_VIZ_H
#define KT_VIZ_H

#include <stddef.h>
#include <stdio.h>

#include "../graph/kt_graph.h"
#include "../analyses/kt_screen.h"
#include "../graph/kt_policy.h"

typedef enum { KT_VIZ_DOT = 0, KT_VIZ_SVG, KT_VIZ_PNG, KT_VIZ_PDF, KT_VIZ__FORMATS } kt_viz_format;

/* "dot", "svg", "png", "pdf" -> format; 0 on success. */
int kt_viz_format_parse(const char *s, kt_viz_format *out);
/* The format named by a file name's extension (case-insensitive, ".gv" is DOT); 0 on success. */
int kt_viz_format_from_path(const char *path, kt_viz_format *out);
const char *kt_viz_format_name(kt_viz_format f);

typedef enum {
    KT_VIZ_N_PERSON = 0,
    KT_VIZ_N_COMPANY,
    KT_VIZ_N_STATE,
    KT_VIZ_N_ITEM,     /* product or component */
    KT_VIZ_N_GROUP,    /* consortium */
    KT_VIZ_N_UNKNOWN,  /* an unknown party, or the "?" beyond the last known node */
    KT_VIZ_N_SUMMARY,  /* "+37 more owners": nodes left out by kt_viz_fold */
    KT_VIZ_N__COUNT
} kt_viz_nkind;

typedef enum {
    KT_VIZ_E_OWNS = 0,   /* owner -> owned, share = capital */
    KT_VIZ_E_CONTROLS,   /* controller -> controlled */
    KT_VIZ_E_INDIRECT,   /* integrated interest (share) or indirect control (share unknown),
                          * or a declared summary (with a label): dashed */
    KT_VIZ_E_SUPPLY,     /* supplier -> customer, maker -> item, item -> bidder offering it */
    KT_VIZ_E_COMPONENT,  /* part -> assembly */
    KT_VIZ_E_SUBCONTRACT,/* subcontractor -> contractor */
    KT_VIZ_E_MEMBERSHIP, /* member -> consortium */
    KT_VIZ_E_UNKNOWN,    /* "?" -> the last known node: dashed grey */
    KT_VIZ_E__COUNT
} kt_viz_ekind;

/* Node flags. */
enum {
    KT_VIZ_NF_ROOT = 1u << 0,     /* the diagram's subject: bold border, never folded away */
    KT_VIZ_NF_TRANSIT = 1u << 1,  /* a supplier that trades an item it does not make */
    KT_VIZ_NF_ULTIMATE = 1u << 2  /* an ultimate controller or beneficial owner (kt_own's flags;
                                   * the words are in the node's note) */
};

typedef struct {
    char *name;        /* DOT node name: the entity id, or a made-up "?..." / "+..." name */
    kt_viz_nkind kind;
    char *label;       /* first line, bold: the entity's name (its id when it has none) */
    char *note;        /* further lines, '\n'-separated, or NULL ("transit supplier") */
    char *country;     /* ISO 3166-1 alpha-2, or NULL */
    unsigned reasons;  /* KT_REASON_* bits; any risk bit marks the node */
    unsigned flags;    /* KT_VIZ_NF_* */
    igraph_integer_t v;/* graph vertex, -1 for made-up nodes */
    size_t count;      /* summary nodes: how many nodes were left out */
} kt_viz_node;

typedef struct {
    size_t from, to;   /* node indexes */
    kt_viz_ekind kind;
    kt_ival share;     /* owns, indirect: percent (kt_ival_unknown() when not known) */
    char *label;       /* NULL: made from kind and share ("Owns 60%", "Controls") */
} kt_viz_edge;

typedef struct {
    char *title;       /* graph label, or NULL */
    kt_viz_node *nodes;
    size_t n_nodes, cap_nodes;
    kt_viz_edge *edges;
    size_t n_edges, cap_edges;
} kt_viz_diagram;

void kt_viz_diagram_init(kt_viz_diagram *d);
void kt_viz_diagram_destroy(kt_viz_diagram *d); /* NULL-safe; leaves d initialised and empty */

/* Add a node (strings are copied; label NULL means name).  *idx receives its index. */
kt_err kt_viz_node_add(kt_viz_diagram *d, kt_viz_nkind kind, const char *name, const char *label,
                       const char *country, size_t *idx);
/* Add a node for graph vertex v: kind from its type, label from its name, its country (an
 * item's origin country) and, when p is not NULL, its reasons. */
kt_err kt_viz_node_entity(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t v,
                          size_t *idx);
/* Append a line to a node's note. */
kt_err kt_viz_node_note(kt_viz_diagram *d, size_t idx, const char *line);
/* Add an edge (label copied; NULL: made from kind and share when rendered). */
kt_err kt_viz_edge_add(kt_viz_diagram *d, size_t from, size_t to, kt_viz_ekind kind, kt_ival share,
                       const char *label);
kt_err kt_viz_set_title(kt_viz_diagram *d, const char *title);

/* The text an edge shows: its label, or "Owns 60%", "Owns 25–50%", "Owns (share unknown)",
 * "Controls", "Integrated 52%", "Controls (indirect)", ... into buf. */
const char *kt_viz_edge_text(const kt_viz_edge *e, char *buf, size_t len);
/* Pen width step 1..5 for a share (lower bound): <10, 10-25, 25-50, 50-75, >=75 %; 1 unknown. */
int kt_viz_pen_step(kt_ival share);

/* Keep at most max_nodes nodes (summary nodes included; max_nodes >= 2).  Nodes are kept in
 * order: the root (KT_VIZ_NF_ROOT, else node 0), every marked node with the path to it, the
 * rest breadth-first from the root; each kept node whose neighbours were left out gets one
 * summary node "+N more owners" (suppliers, parts, ...) counting every node left out behind it.
 * Complexity: O((|N| + |E|) log |N|) per round, at most a few rounds. */
kt_err kt_viz_fold(kt_viz_diagram *d, size_t max_nodes);

/* Write d in format fmt to out: DOT is the unlaid-out graph as agwrite prints it; SVG, PNG and
 * PDF are laid out by dot and rendered by libgvc.  Graphviz's messages go into ei->msg.
 * Complexity: O(|N| log |N| + |E| log |E|) to build; the dot layout dominates (network simplex,
 * in practice near-linear on trees, quadratic at worst). */
kt_err kt_viz_render(const kt_viz_diagram *d, kt_viz_format fmt, FILE *out, kt_errinfo *ei);

/* Ownership diagram of target, drawn from kt_own_upstream (down == 0) or kt_own_downstream
 * (down != 0) with kt_own's default thresholds (control: more than 50% of the votes;
 * beneficial owner: 25% or more), i.e. what `keten owners` / `keten owned` report: target,
 * the result's parties, every owns and controls relation among them, and dashed edges with
 * kt_own's integrated capital interest ("Integrated 52%", "Integrated 20–40%"; with no
 * ownership walk "Controls (indirect)", or "May control (indirect)" when only the upper
 * bounds give control):
 *   up:   from each ultimate controller and beneficial owner, definite or possible, to
 *         target; notes "ultimate controller", "beneficial owner", "state influence" (each
 *         "possible ..." when only the upper bounds give it) from the party's flags, and
 *         "state influence" on target when a state controls it;
 *   down: from target to each party; notes "controlled" / "possibly controlled".
 * A dashed edge that a drawn relation already says (the integrated interest is the direct
 * share; control held by a direct controls relation) is left out, and so is one with nothing
 * to say (no ownership walk and no control).  p (may be NULL) marks nodes.
 * Complexity: that of kt_own_upstream/downstream on the subgraph U it reaches, plus the sum
 * of the in-degrees of U's entities (expected) to find the relations among them. */
kt_err kt_viz_ownership(kt_viz_diagram *d, const kt_graph *g, igraph_integer_t target, int down,
                        const kt_policy *p, kt_errinfo *ei);

/* Exposure diagram of node under policy p, drawn from kt_exp_run(g, p, node, NULL), i.e. what
 * `keten exposure` reports: the path of every finding (marked with its reason codes) and of
 * every unknown node, each as the result holds it, and after each unknown node a dashed "?"
 * listing kt_unknown_text() of its why bits (the shared rule kt_dep_unknown, kt_dep.h: "suppliers,
 * parts or owners not known", "party not identified", "not followed beyond the depth limit",
 * "country or origin not known") and "unknown beyond this point".
 * Complexity: that of kt_exp_run (O(R + D) for R nodes reached, D their degrees), plus
 * O(F x d) expected to draw F paths of depth up to d. */
kt_err kt_viz_exposure(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t node,
                       kt_errinfo *ei);

/* Provenance diagram of item, drawn from kt_prov_run's result: its parts (contains) all the
 * way down, each part's makers (made_by, with the place of production when given) and the
 * suppliers kt_prov found for it; a supplier is a transit supplier exactly when kt_prov lists
 * it in transit[] (its country differs from the part's known origin), and a part kt_prov gives
 * no origin is noted "origin unknown".  p (may be NULL) marks nodes.
 * Complexity: that of kt_prov_run, plus O(T log T) for its T transit relations. */
kt_err kt_viz_provenance(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t item,
                         kt_errinfo *ei);

/* kt_viz_exposure + kt_viz_fold(max_nodes) + kt_viz_render, for keten screen --diagrams. */
kt_err kt_viz_exposure_render(const kt_graph *g, const kt_policy *p, igraph_integer_t node, kt_viz_format fmt,
                              size_t max_nodes, FILE *out, kt_errinfo *ei);

/* The evidence of one screened bidder: the bidder (root), its parties and items, the path of
 * every finding and of every point where the data stops (with a dashed "?" after it).
 * Complexity: O(n x k) for n drawn nodes and k paths: screening results are small. */
kt_err kt_viz_screen(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, const char *bidder_id,
                     const char *bidder_name, const kt_screen_result *r);

#endif
