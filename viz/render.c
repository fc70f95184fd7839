/* render.c: a kt_viz_diagram as a libcgraph graph, written as DOT or laid out and rendered
 * in-process by libgvc (see kt_viz.h for the conventions). */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "viz_i.h"

static const char *const format_names[KT_VIZ__FORMATS] = {"dot", "svg", "png", "pdf"};

const char *kt_viz_format_name(kt_viz_format f)
{
    return (unsigned)f < KT_VIZ__FORMATS ? format_names[f] : "?";
}

int kt_viz_format_parse(const char *s, kt_viz_format *out)
{
    for (int i = 0; i < KT_VIZ__FORMATS; i++)
        if (strcmp(s, format_names[i]) == 0) {
            *out = (kt_viz_format)i;
            return 0;
        }
    return -1;
}

int kt_viz_format_from_path(const char *path, kt_viz_format *out)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return -1;
    if (strcasecmp(dot + 1, "gv") == 0) {
        *out = KT_VIZ_DOT;
        return 0;
    }
    for (int i = 0; i < KT_VIZ__FORMATS; i++)
        if (strcasecmp(dot + 1, format_names[i]) == 0) {
            *out = (kt_viz_format)i;
            return 0;
        }
    return -1;
}

/* ---- styles ---- */

static const struct {
    const char *shape, *style, *fill, *word;
} nstyle[KT_VIZ_N__COUNT] = {
    [KT_VIZ_N_PERSON] = {"ellipse", "filled", "#eef4fb", "person"},
    [KT_VIZ_N_COMPANY] = {"box", "filled", "#f4f4f4", "company"},
    [KT_VIZ_N_STATE] = {"hexagon", "filled", "#efe8f7", "state"},
    [KT_VIZ_N_ITEM] = {"component", "filled", "#eef7ee", "item"},
    [KT_VIZ_N_GROUP] = {"folder", "filled", "#f4f4f4", "consortium"},
    [KT_VIZ_N_UNKNOWN] = {"circle", "dashed", "#ffffff", "unknown"},
    [KT_VIZ_N_SUMMARY] = {"note", "filled,dotted", "#fafafa", "summary"},
};

static const struct {
    const char *color, *style;
} estyle[KT_VIZ_E__COUNT] = {
    [KT_VIZ_E_OWNS] = {"#1f5fa8", "solid"},       [KT_VIZ_E_CONTROLS] = {"#d9730d", "solid"},
    [KT_VIZ_E_INDIRECT] = {"#1f5fa8", "dashed"},  [KT_VIZ_E_SUPPLY] = {"#4d4d4d", "solid"},
    [KT_VIZ_E_COMPONENT] = {"#2e7d32", "solid"},  [KT_VIZ_E_SUBCONTRACT] = {"#6a3d9a", "solid"},
    [KT_VIZ_E_MEMBERSHIP] = {"#777777", "solid"}, [KT_VIZ_E_UNKNOWN] = {"#999999", "dashed"},
};

static const char *const pen[6] = {"1", "1", "1.75", "2.5", "3.5", "4.5"};

/* ---- sorting ---- */

static const kt_viz_diagram *sort_d; /* qsort has no context argument in C11 */

static int node_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(sort_d->nodes[x].name, sort_d->nodes[y].name);
    return c ? c : (x > y) - (x < y);
}

static int edge_cmp(const void *a, const void *b)
{
    const kt_viz_edge *x = &sort_d->edges[*(const size_t *)a], *y = &sort_d->edges[*(const size_t *)b];
    char tx[256], ty[256];
    int c = strcmp(sort_d->nodes[x->from].name, sort_d->nodes[y->from].name);
    if (!c)
        c = strcmp(sort_d->nodes[x->to].name, sort_d->nodes[y->to].name);
    if (!c)
        c = (int)x->kind - (int)y->kind;
    if (!c)
        c = strcmp(kt_viz_edge_text(x, tx, sizeof tx), kt_viz_edge_text(y, ty, sizeof ty));
    return c ? c : (x > y) - (x < y);
}

/* ---- Graphviz messages: collected, never printed ---- */

static char gv_msg[256];

/* One Graphviz context for the whole process, made on first use and kept: Graphviz 2.43's
 * pango plugin caches the last font name in a static that a freed context leaves dangling,
 * so a second gvContext after gvFreeContext reads freed memory.  Reusing it also saves
 * reading the plugin configuration for every bidder's diagram. */
static GVC_t *gv_context;

static int gv_err(char *msg)
{
    size_t n = strlen(gv_msg);
    if (n < sizeof gv_msg - 1)
        snprintf(gv_msg + n, sizeof gv_msg - n, "%s", msg);
    return 0;
}

/* ---- building ---- */

/* agsafeset and agstrdup_html take char *; the strings are not modified. */
static void set(void *obj, const char *attr, const char *value)
{
    agsafeset(obj, (char *)attr, (char *)value, "");
}

static int set_html(Agraph_t *g, void *obj, const char *attr, const char *html)
{
    char *h = agstrdup_html(g, (char *)html);
    if (!h)
        return -1;
    set(obj, attr, h);
    agstrfree(g, h);
    return 0;
}

/* The HTML-like label of a node: bold name, kind and country, notes, reason codes. */
static void node_label(kt_viz_i_buf *b, const kt_viz_node *n)
{
    kt_viz_i_puts(b, "<B>");
    kt_viz_i_put_html(b, n->label);
    kt_viz_i_puts(b, "</B><BR/><FONT POINT-SIZE=\"10\">");
    kt_viz_i_puts(b, nstyle[n->kind].word);
    kt_viz_i_puts(b, " \xC2\xB7 "); /* middle dot */
    kt_viz_i_put_html(b, n->country ? n->country : "country unknown");
    kt_viz_i_puts(b, "</FONT>");
    if (n->note) {
        kt_viz_i_puts(b, "<BR/><FONT POINT-SIZE=\"10\"><I>");
        kt_viz_i_put_html(b, n->note);
        kt_viz_i_puts(b, "</I></FONT>");
    }
    if (n->reasons) {
        kt_viz_i_puts(b, n->reasons & KT_REASON_RISK ? "<BR/><B>MARKED: " : "<BR/>codes: ");
        int first = 1;
        for (unsigned bit = 1; bit < (1u << KT_REASON__COUNT); bit <<= 1)
            if (n->reasons & bit) {
                kt_viz_i_puts(b, first ? "" : ", ");
                kt_viz_i_puts(b, kt_reason_name(bit));
                first = 0;
            }
        kt_viz_i_puts(b, n->reasons & KT_REASON_RISK ? "</B>" : "");
    }
}

static kt_err build(const kt_viz_diagram *d, Agraph_t *g, Agnode_t **gn, kt_viz_i_buf *b, kt_errinfo *ei)
{
    size_t *order = NULL;
    kt_err rc = KT_OK;
    char text[512];

    agattr(g, AGRAPH, "rankdir", "LR");
    agattr(g, AGRAPH, "fontname", "Helvetica");
    agattr(g, AGRAPH, "nodesep", "0.3");
    agattr(g, AGRAPH, "ranksep", "0.6");
    agattr(g, AGNODE, "fontname", "Helvetica");
    agattr(g, AGNODE, "fontsize", "12");
    agattr(g, AGNODE, "margin", "0.12,0.06");
    agattr(g, AGEDGE, "fontname", "Helvetica");
    agattr(g, AGEDGE, "fontsize", "10");
    if (d->title) {
        kt_viz_i_buf_init(b);
        kt_viz_i_put_plain(b, d->title);
        if (b->oom)
            goto oom;
        set(g, "label", b->s);
        set(g, "labelloc", "t");
        kt_viz_i_buf_destroy(b);
        kt_viz_i_buf_init(b);
    }
    if (!(order = malloc((d->n_nodes + d->n_edges + 1) * sizeof *order)))
        goto oom;
    sort_d = d;
    for (size_t i = 0; i < d->n_nodes; i++)
        order[i] = i;
    qsort(order, d->n_nodes, sizeof *order, node_cmp);
    for (size_t k = 0; k < d->n_nodes; k++) {
        const kt_viz_node *n = &d->nodes[order[k]];
        Agnode_t *an;
        /* a made-up name may meet an entity id: add primes until it is unique */
        kt_viz_i_buf_destroy(b);
        kt_viz_i_buf_init(b);
        kt_viz_i_put_visible(b, n->name);
        while (!b->oom && agnode(g, b->s, 0))
            kt_viz_i_puts(b, "'");
        if (b->oom || !(an = agnode(g, b->s, 1)))
            goto oom;
        gn[order[k]] = an;
        /* a "?" that says what is not known: a circle around its lines of text would be as
         * tall as they are wide, so a dashed rounded box */
        int said = n->kind == KT_VIZ_N_UNKNOWN && n->v < 0 && n->note;
        set(an, "shape", said ? "box" : nstyle[n->kind].shape);
        set(an, "fillcolor", nstyle[n->kind].fill);
        if (n->reasons & KT_REASON_RISK) {
            set(an, "style", n->kind == KT_VIZ_N_UNKNOWN ? "dashed,filled" : "filled,bold");
            set(an, "color", "#b00020");
            set(an, "fillcolor", "#f9d6d5");
            set(an, "penwidth", "3");
        } else if (n->reasons) {
            set(an, "style", "filled");
            set(an, "color", "#8a6d00");
            set(an, "fillcolor", "#fff4c2");
            set(an, "penwidth", "2");
        } else {
            set(an, "style", said ? "dashed,rounded" : nstyle[n->kind].style);
            if (n->flags & KT_VIZ_NF_ROOT)
                set(an, "penwidth", "2.5");
        }
        if (n->flags & KT_VIZ_NF_TRANSIT)
            set(an, "style", n->reasons & KT_REASON_RISK ? "filled,dashed,bold" : "filled,dashed");
        kt_viz_i_buf_destroy(b);
        kt_viz_i_buf_init(b);
        if (n->kind == KT_VIZ_N_SUMMARY || (n->kind == KT_VIZ_N_UNKNOWN && n->v < 0)) {
            /* made-up nodes: plain labels, the other quoting path */
            kt_viz_i_put_plain(b, n->label);
            if (n->note) {
                kt_viz_i_puts(b, "\\n");
                kt_viz_i_put_plain(b, n->note);
            }
            if (b->oom)
                goto oom;
            set(an, "label", b->s);
            set(an, "fontsize", "10");
        } else {
            node_label(b, n);
            if (b->oom || set_html(g, an, "label", b->s) != 0)
                goto oom;
        }
    }
    for (size_t i = 0; i < d->n_edges; i++)
        order[i] = i;
    qsort(order, d->n_edges, sizeof *order, edge_cmp);
    for (size_t k = 0; k < d->n_edges; k++) {
        const kt_viz_edge *e = &d->edges[order[k]];
        Agedge_t *ae = agedge(g, gn[e->from], gn[e->to], NULL, 1);
        if (!ae)
            goto oom;
        set(ae, "color", estyle[e->kind].color);
        set(ae, "fontcolor", estyle[e->kind].color);
        set(ae, "style", estyle[e->kind].style);
        if (e->kind == KT_VIZ_E_OWNS || e->kind == KT_VIZ_E_INDIRECT)
            set(ae, "penwidth", pen[kt_viz_pen_step(e->share)]);
        if (d->nodes[e->from].kind == KT_VIZ_N_SUMMARY || d->nodes[e->to].kind == KT_VIZ_N_SUMMARY)
            set(ae, "style", "dotted");
        kt_viz_edge_text(e, text, sizeof text);
        if (*text) {
            kt_viz_i_buf_destroy(b);
            kt_viz_i_buf_init(b);
            kt_viz_i_put_plain(b, text);
            if (b->oom)
                goto oom;
            set(ae, "label", b->s);
        }
    }
    goto out;
oom:
    rc = kt_errinfo_set(ei, KT_ENOMEM, "", 0, "out of memory building the diagram");
out:
    free(order);
    return rc;
}

/* Cairo stamps a PDF with the time it was made ("/CreationDate (D:YYYYMMDDHHMMSSZ)"), so two
 * runs differ.  Overwrite the date in place (same length: the cross-reference offsets stay
 * right) with SOURCE_DATE_EPOCH when set (reproducible-builds.org), else 2000-01-01. */
static void pdf_fix_date(char *data, size_t len)
{
    static const char key[] = "/CreationDate (D:";
    char *p = memmem(data, len, key, sizeof key - 1);
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char stamp[32];
    struct tm tm;
    time_t when = 946684800; /* 2000-01-01T00:00:00Z */
    if (!p || (size_t)(p - data) + sizeof key - 1 + 15 > len)
        return;
    p += sizeof key - 1;
    for (int i = 0; i < 14; i++)
        if (p[i] < '0' || p[i] > '9')
            return;
    if (env && *env) {
        char *end;
        long long x = strtoll(env, &end, 10);
        if (!*end && x >= 0 && x <= 253402300799LL) /* up to 9999-12-31: 14 digits */
            when = (time_t)x;
    }
    if (!gmtime_r(&when, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm) != 14)
        return;
    memcpy(p, stamp, 14);
}

kt_err kt_viz_render(const kt_viz_diagram *d, kt_viz_format fmt, FILE *out, kt_errinfo *ei)
{
    kt_err rc = KT_OK;
    Agraph_t *g = NULL;
    Agnode_t **gn = NULL;
    GVC_t *gvc = NULL;
    int laid_out = 0;
    char *data = NULL;
    unsigned len = 0;
    kt_viz_i_buf b;
    agusererrf old_errf = agseterrf(gv_err);

    gv_msg[0] = '\0';
    kt_viz_i_buf_init(&b);
    if ((unsigned)fmt >= KT_VIZ__FORMATS) {
        rc = kt_errinfo_set(ei, KT_EUSAGE, "", 0, "unknown diagram format");
        goto out;
    }
    if (!(gn = calloc(d->n_nodes + 1, sizeof *gn)) || !(g = agopen("keten", Agdirected, NULL))) {
        rc = kt_errinfo_set(ei, KT_ENOMEM, "", 0, "out of memory building the diagram");
        goto out;
    }
    if ((rc = build(d, g, gn, &b, ei)) != KT_OK)
        goto out;
    if (fmt == KT_VIZ_DOT) {
        /* agwrite ends without a newline; text files end with one */
        if (agwrite(g, out) != 0 || fputc('\n', out) == EOF || fflush(out) != 0 || ferror(out))
            rc = kt_errinfo_set(ei, KT_EIO, "", 0, "cannot write the diagram");
        goto out;
    }
    if (!gv_context)
        gv_context = gvContext();
    if (!(gvc = gv_context)) {
        rc = kt_errinfo_set(ei, KT_ENOMEM, "", 0, "cannot start Graphviz");
        goto out;
    }
    if (gvLayout(gvc, g, "dot") != 0) {
        rc = kt_errinfo_set(ei, KT_EGRAPH, "", 0, "graphviz layout failed: %s", gv_msg);
        goto out;
    }
    laid_out = 1;
    if (gvRenderData(gvc, g, kt_viz_format_name(fmt), &data, &len) != 0 || !data) {
        rc = kt_errinfo_set(ei, KT_EGRAPH, "", 0, "graphviz cannot render %s: %s", kt_viz_format_name(fmt),
                            gv_msg);
        goto out;
    }
    if (fmt == KT_VIZ_PDF)
        pdf_fix_date(data, len);
    if (fwrite(data, 1, len, out) != len || fflush(out) != 0 || ferror(out))
        rc = kt_errinfo_set(ei, KT_EIO, "", 0, "cannot write the diagram");
out:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, g);
    if (g)
        agclose(g);
    kt_viz_i_buf_destroy(&b);
    free(gn);
    agseterrf(old_errf);
    return rc;
}
