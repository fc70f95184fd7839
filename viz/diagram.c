/* diagram.c: the diagram model, edge texts and folding to --max-nodes (see kt_viz.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_dep.h"
#include "../graph/kt_mem.h"
#include "viz_i.h"

char *kt_viz_i_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}

void kt_viz_diagram_init(kt_viz_diagram *d)
{
    memset(d, 0, sizeof *d);
}

static void node_free(kt_viz_node *n)
{
    free(n->name);
    free(n->label);
    free(n->note);
    free(n->country);
}

void kt_viz_diagram_destroy(kt_viz_diagram *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_nodes; i++)
        node_free(&d->nodes[i]);
    for (size_t i = 0; i < d->n_edges; i++)
        free(d->edges[i].label);
    free(d->nodes);
    free(d->edges);
    free(d->title);
    kt_viz_diagram_init(d);
}

kt_err kt_viz_set_title(kt_viz_diagram *d, const char *title)
{
    char *t = kt_viz_i_strdup(title);
    if (title && !t)
        return KT_ENOMEM;
    free(d->title);
    d->title = t;
    return KT_OK;
}

kt_err kt_viz_node_add(kt_viz_diagram *d, kt_viz_nkind kind, const char *name, const char *label,
                       const char *country, size_t *idx)
{
    if (kt_grow((void **)&d->nodes, &d->cap_nodes, d->n_nodes + 1, sizeof *d->nodes) != KT_OK)
        return KT_ENOMEM;
    kt_viz_node *n = &d->nodes[d->n_nodes];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->v = -1;
    n->name = kt_viz_i_strdup(name);
    n->label = kt_viz_i_strdup(label ? label : name);
    n->country = country && *country ? kt_viz_i_strdup(country) : NULL;
    if (!n->name || !n->label || (country && *country && !n->country)) {
        node_free(n);
        return KT_ENOMEM;
    }
    if (idx)
        *idx = d->n_nodes;
    d->n_nodes++;
    return KT_OK;
}

static kt_viz_nkind kind_of(kt_etype t)
{
    switch (t) {
    case KT_ENT_PERSON: return KT_VIZ_N_PERSON;
    case KT_ENT_STATE: return KT_VIZ_N_STATE;
    case KT_ENT_PRODUCT:
    case KT_ENT_COMPONENT:
    case KT_ENT_SERVICE: return KT_VIZ_N_ITEM;
    case KT_ENT_CONSORTIUM: return KT_VIZ_N_GROUP;
    case KT_ENT_UNKNOWN: return KT_VIZ_N_UNKNOWN;
    default: return KT_VIZ_N_COMPANY;
    }
}

kt_err kt_viz_node_entity(kt_viz_diagram *d, const kt_graph *g, const kt_policy *p, igraph_integer_t v,
                          size_t *idx)
{
    const char *name = kt_graph_entity_name(g, v);
    const char *country = kt_graph_entity_country(g, v);
    unsigned ci = kt_policy_origin(g, v);
    size_t i;
    kt_err rc;

    /* an item shows where it is made, which may come from its made_by */
    if (!*country && ci)
        country = kt_country_table[ci - 1].a2;
    rc = kt_viz_node_add(d, kind_of(kt_graph_entity_type(g, v)), kt_graph_entity_id(g, v),
                         *name ? name : kt_graph_entity_id(g, v), country, &i);
    if (rc != KT_OK)
        return rc;
    d->nodes[i].v = v;
    if (p)
        d->nodes[i].reasons = kt_policy_reasons(p, g, v);
    if (idx)
        *idx = i;
    return KT_OK;
}

kt_err kt_viz_node_note(kt_viz_diagram *d, size_t idx, const char *line)
{
    kt_viz_node *n = &d->nodes[idx];
    size_t old = n->note ? strlen(n->note) : 0, add = strlen(line);
    char *s = realloc(n->note, old + add + 2);
    if (!s)
        return KT_ENOMEM;
    if (old)
        s[old++] = '\n';
    memcpy(s + old, line, add + 1);
    n->note = s;
    return KT_OK;
}

kt_err kt_viz_edge_add(kt_viz_diagram *d, size_t from, size_t to, kt_viz_ekind kind, kt_ival share,
                       const char *label)
{
    if (kt_grow((void **)&d->edges, &d->cap_edges, d->n_edges + 1, sizeof *d->edges) != KT_OK)
        return KT_ENOMEM;
    kt_viz_edge *e = &d->edges[d->n_edges];
    e->from = from;
    e->to = to;
    e->kind = kind;
    e->share = share;
    e->label = kt_viz_i_strdup(label);
    if (label && !e->label)
        return KT_ENOMEM;
    d->n_edges++;
    return KT_OK;
}

kt_err kt_viz_i_unknown_after(kt_viz_diagram *d, const char *name, unsigned why, size_t at)
{
    size_t q;
    kt_err rc = kt_viz_node_add(d, KT_VIZ_N_UNKNOWN, name, "?", NULL, &q);
    for (unsigned bit = 1; rc == KT_OK && bit < (1u << KT_UNK__COUNT); bit <<= 1)
        if (why & bit)
            rc = kt_viz_node_note(d, q, kt_unknown_text(bit));
    if (rc == KT_OK)
        rc = kt_viz_edge_add(d, q, at, KT_VIZ_E_UNKNOWN, kt_ival_unknown(), "unknown beyond this point");
    return rc;
}

const char *kt_viz_i_share_text(kt_ival s, char *buf, size_t len)
{
    /* en dash, as the issue writes ranges: "Owns 25–50%" */
    return kt_ival_text(s, "\xe2\x80\x93", "(share unknown)", buf, len);
}

const char *kt_viz_edge_text(const kt_viz_edge *e, char *buf, size_t len)
{
    char s[80];
    if (e->label) {
        snprintf(buf, len, "%s", e->label);
        return buf;
    }
    switch (e->kind) {
    case KT_VIZ_E_OWNS: snprintf(buf, len, "Owns %s", kt_viz_i_share_text(e->share, s, sizeof s)); break;
    case KT_VIZ_E_CONTROLS: snprintf(buf, len, "Controls"); break;
    case KT_VIZ_E_INDIRECT:
        if (kt_ival_is_unknown(e->share))
            snprintf(buf, len, "Controls (indirect)");
        else
            snprintf(buf, len, "Integrated %s", kt_viz_i_share_text(e->share, s, sizeof s));
        break;
    case KT_VIZ_E_SUPPLY: snprintf(buf, len, "Supplies"); break;
    case KT_VIZ_E_COMPONENT: snprintf(buf, len, "Part"); break;
    case KT_VIZ_E_SUBCONTRACT: snprintf(buf, len, "Subcontractor"); break;
    case KT_VIZ_E_MEMBERSHIP: snprintf(buf, len, "Member"); break;
    default: snprintf(buf, len, "%s", ""); break;
    }
    return buf;
}

int kt_viz_pen_step(kt_ival share)
{
    /* Wet vifo's 10% and 25%, and a majority, are the lines an assessor looks for */
    if (kt_ival_is_unknown(share) || share.min < 10)
        return 1;
    if (share.min < 25)
        return 2;
    if (share.min < 50)
        return 3;
    if (share.min < 75)
        return 4;
    return 5;
}

/* ---- folding ---- */

/* Summary nouns by edge kind and by whether the left-out node is the edge's from end:
 * {singular, plural} */
static const char *const nouns[KT_VIZ_E__COUNT][2][2] = {
    [KT_VIZ_E_OWNS] = {{"holding", "holdings"}, {"owner", "owners"}},
    [KT_VIZ_E_CONTROLS] = {{"controlled company", "controlled companies"}, {"controller", "controllers"}},
    [KT_VIZ_E_INDIRECT] = {{"holding", "holdings"}, {"owner", "owners"}},
    [KT_VIZ_E_SUPPLY] = {{"customer", "customers"}, {"supplier", "suppliers"}},
    [KT_VIZ_E_COMPONENT] = {{"assembly", "assemblies"}, {"part", "parts"}},
    [KT_VIZ_E_SUBCONTRACT] = {{"contractor", "contractors"}, {"subcontractor", "subcontractors"}},
    [KT_VIZ_E_MEMBERSHIP] = {{"consortium", "consortia"}, {"member", "members"}},
    [KT_VIZ_E_UNKNOWN] = {{"unknown", "unknowns"}, {"unknown", "unknowns"}},
};

typedef struct {
    size_t n;          /* nodes */
    size_t *adj_start; /* CSR over both directions: n + 1 */
    size_t *adj;       /* edge indexes */
    size_t *order;     /* priority order */
    size_t *parent;    /* BFS parent, SIZE_MAX for the root and unreached nodes */
    size_t *pedge;     /* edge to the parent */
    size_t *bfs;       /* BFS order (then unreached nodes) */
    char *kept;
    size_t *anc;       /* nearest kept ancestor of a left-out node */
    size_t *count;     /* left-out nodes behind a kept node */
    int *noun;         /* per kept node: -1 none yet, -2 mixed, else kind * 2 + from_side */
} fold_ctx;

static void fold_free(fold_ctx *c)
{
    free(c->adj_start);
    free(c->adj);
    free(c->order);
    free(c->parent);
    free(c->pedge);
    free(c->bfs);
    free(c->kept);
    free(c->anc);
    free(c->count);
    free(c->noun);
}

/* Breadth-first order from root over edges in both directions, then the priority order:
 * root, marked nodes with their paths (ancestors first), then the rest breadth-first. */
static void fold_order(const kt_viz_diagram *d, fold_ctx *c, size_t root)
{
    size_t n = c->n, head = 0, tail = 0, k = 0;
    char *seen = c->kept; /* borrowed as scratch; cleared below */

    memset(seen, 0, n);
    for (size_t i = 0; i < n; i++)
        c->parent[i] = c->pedge[i] = SIZE_MAX;
    c->bfs[tail++] = root;
    seen[root] = 1;
    for (size_t start = 0; start < n; start++) {
        if (head == tail) {
            /* a node the root does not reach: it starts its own search */
            while (start < n && seen[start])
                start++;
            if (start == n)
                break;
            seen[start] = 1;
            c->bfs[tail++] = start;
        }
        while (head < tail) {
            size_t u = c->bfs[head++];
            for (size_t j = c->adj_start[u]; j < c->adj_start[u + 1]; j++) {
                const kt_viz_edge *e = &d->edges[c->adj[j]];
                size_t w = e->from == u ? e->to : e->from;
                if (!seen[w]) {
                    seen[w] = 1;
                    c->parent[w] = u;
                    c->pedge[w] = c->adj[j];
                    c->bfs[tail++] = w;
                }
            }
        }
    }
    /* priority: seen[] now marks "already in order" */
    memset(seen, 0, n);
    c->order[k++] = root;
    seen[root] = 1;
    for (size_t i = 0; i < n; i++) {
        size_t m = c->bfs[i];
        if (seen[m] || !(d->nodes[m].reasons & KT_REASON_RISK))
            continue;
        /* push the path root..m, ancestors first: walk up, then reverse in place */
        size_t first = k;
        for (size_t x = m; x != SIZE_MAX && !seen[x]; x = c->parent[x]) {
            seen[x] = 1;
            c->order[k++] = x;
        }
        for (size_t a = first, b = k - 1; a < b; a++, b--) {
            size_t t = c->order[a];
            c->order[a] = c->order[b];
            c->order[b] = t;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (!seen[c->bfs[i]]) {
            seen[c->bfs[i]] = 1;
            c->order[k++] = c->bfs[i];
        }
}

/* Keep the first budget nodes of the priority order; returns how many summary nodes that needs. */
static size_t fold_try(const kt_viz_diagram *d, fold_ctx *c, size_t budget, size_t root)
{
    size_t n = c->n, summaries = 0;
    memset(c->kept, 0, n);
    for (size_t i = 0; i < budget && i < n; i++)
        c->kept[c->order[i]] = 1;
    for (size_t i = 0; i < n; i++) {
        c->count[i] = 0;
        c->noun[i] = -1;
    }
    /* breadth-first order sees a parent before its children */
    for (size_t i = 0; i < n; i++) {
        size_t x = c->bfs[i], p = c->parent[x];
        if (c->kept[x])
            continue;
        if (p == SIZE_MAX)
            c->anc[x] = root;
        else
            c->anc[x] = c->kept[p] ? p : c->anc[p];
        size_t a = c->anc[x];
        if (c->count[a]++ == 0)
            summaries++;
        if (p == a && c->pedge[x] != SIZE_MAX) {
            const kt_viz_edge *e = &d->edges[c->pedge[x]];
            int nn = (int)e->kind * 2 + (e->from == x);
            c->noun[a] = c->noun[a] == -1 || c->noun[a] == nn ? nn : -2;
        }
    }
    return summaries;
}

kt_err kt_viz_fold(kt_viz_diagram *d, size_t max_nodes)
{
    kt_err rc = KT_OK;
    fold_ctx c;
    size_t n = d->n_nodes, root = 0, budget, *newidx = NULL;
    kt_viz_diagram out;

    memset(&c, 0, sizeof c);
    kt_viz_diagram_init(&out);
    if (max_nodes < 2)
        max_nodes = 2;
    if (n <= max_nodes)
        return KT_OK;
    for (size_t i = 0; i < n; i++)
        if (d->nodes[i].flags & KT_VIZ_NF_ROOT) {
            root = i;
            break;
        }
    c.n = n;
    c.adj_start = calloc(n + 1, sizeof *c.adj_start);
    c.adj = malloc((2 * d->n_edges + 1) * sizeof *c.adj);
    c.order = malloc(n * sizeof *c.order);
    c.parent = malloc(n * sizeof *c.parent);
    c.pedge = malloc(n * sizeof *c.pedge);
    c.bfs = malloc(n * sizeof *c.bfs);
    c.kept = malloc(n);
    c.anc = malloc(n * sizeof *c.anc);
    c.count = malloc(n * sizeof *c.count);
    c.noun = malloc(n * sizeof *c.noun);
    newidx = malloc(n * sizeof *newidx);
    if (!c.adj_start || !c.adj || !c.order || !c.parent || !c.pedge || !c.bfs || !c.kept || !c.anc || !c.count ||
        !c.noun || !newidx) {
        rc = KT_ENOMEM;
        goto out;
    }
    /* CSR adjacency, both directions, in edge order */
    for (size_t i = 0; i < d->n_edges; i++) {
        c.adj_start[d->edges[i].from + 1]++;
        c.adj_start[d->edges[i].to + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        c.adj_start[i + 1] += c.adj_start[i];
    {
        size_t *fill = newidx; /* scratch */
        memcpy(fill, c.adj_start, n * sizeof *fill);
        for (size_t i = 0; i < d->n_edges; i++) {
            c.adj[fill[d->edges[i].from]++] = i;
            if (d->edges[i].to != d->edges[i].from)
                c.adj[fill[d->edges[i].to]++] = i;
        }
    }
    fold_order(d, &c, root);
    /* shrink the budget until kept nodes plus their summaries fit; each round removes at
     * least one node, and in practice one or two rounds suffice */
    budget = max_nodes - 1;
    for (;;) {
        size_t s = fold_try(d, &c, budget, root);
        if (budget + s <= max_nodes || budget == 1)
            break;
        budget = budget + s - max_nodes < budget ? budget - (budget + s - max_nodes) : 1;
    }
    /* rebuild: kept nodes in their old order, then one summary per kept node that needs one */
    for (size_t i = 0; i < n; i++) {
        newidx[i] = SIZE_MAX;
        if (!c.kept[i])
            continue;
        if ((rc = kt_grow((void **)&out.nodes, &out.cap_nodes, out.n_nodes + 1, sizeof *out.nodes)) != KT_OK)
            goto out;
        out.nodes[out.n_nodes] = d->nodes[i];
        memset(&d->nodes[i], 0, sizeof d->nodes[i]); /* moved */
        newidx[i] = out.n_nodes++;
    }
    for (size_t i = 0; i < d->n_edges; i++) {
        const kt_viz_edge *e = &d->edges[i];
        if (newidx[e->from] != SIZE_MAX && newidx[e->to] != SIZE_MAX &&
            (rc = kt_viz_edge_add(&out, newidx[e->from], newidx[e->to], e->kind, e->share, e->label)) != KT_OK)
            goto out;
    }
    for (size_t a = 0; a < n; a++) {
        if (!c.kept[a] || !c.count[a])
            continue;
        char label[128], *name;
        size_t si, an = newidx[a];
        int nn = c.noun[a];
        const char *noun = nn >= 0 ? nouns[nn / 2][nn % 2][c.count[a] != 1] : (c.count[a] == 1 ? "node" : "nodes");
        snprintf(label, sizeof label, "+%zu more %s", c.count[a], noun);
        /* named after the node it hangs from; kt_viz_render makes names unique */
        if (!(name = malloc(strlen(out.nodes[an].name) + 8))) {
            rc = KT_ENOMEM;
            goto out;
        }
        sprintf(name, "+more:%s", out.nodes[an].name);
        rc = kt_viz_node_add(&out, KT_VIZ_N_SUMMARY, name, label, NULL, &si);
        free(name);
        if (rc != KT_OK)
            goto out;
        out.nodes[si].count = c.count[a];
        kt_viz_ekind k = nn >= 0 ? (kt_viz_ekind)(nn / 2) : KT_VIZ_E_UNKNOWN;
        int from_side = nn >= 0 ? nn % 2 : 0;
        if ((rc = kt_viz_edge_add(&out, from_side ? si : an, from_side ? an : si, k, kt_ival_unknown(), "")) != KT_OK)
            goto out;
    }
    out.title = d->title;
    d->title = NULL;
    kt_viz_diagram_destroy(d);
    *d = out;
    kt_viz_diagram_init(&out);
out:
    kt_viz_diagram_destroy(&out);
    free(newidx);
    fold_free(&c);
    return rc;
}
