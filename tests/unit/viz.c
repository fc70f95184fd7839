/* viz.c: diagrams: edge texts, pen widths, escaping, the ownership adapter, folding, and the
 * DOT / SVG / PNG writers, read back with libcgraph.
 *
 * Cases and their hand-worked expectations:
 * 1. Edge texts: share 60 -> "Owns 60%"; [25, 50] -> "Owns 25–50%" (en dash); unknown ->
 *    "Owns (share unknown)"; 100/3 -> two decimals "Owns 33.33%"; controls -> "Controls";
 *    indirect 30 -> "Integrated interest 30%", unknown -> "Indirect control".
 *    Pen steps by the lower bound: 5 -> 1, 10 -> 2, 24.99 -> 2, 25 -> 3, 50 -> 4, 75 -> 5,
 *    100 -> 5, unknown -> 1.
 * 2. Escaping: HTML text a"b\c<d>&e'f -> a&quot;b&#92;&#92;c&lt;d&gt;&amp;e&#39;f; plain text
 *    keeps " < > ' and writes & and \ as entities; a newline is <BR/> (HTML) or \n (plain);
 *    byte 0xFF (invalid UTF-8) -> U+FFFD (EF BF BD); byte 0x01 -> a space; UTF-8 kept.
 * 3. Ownership of c: a owns 60% of b, b owns 50% of c, p owns 100% of a, state s controls b,
 *    q owns 25-50% of c.  Closure {c, b, q, a, s, p}: 6 nodes.  Edges: 5 relations, plus
 *    dashed edges from the ultimate owners: p's interest in c = 1.0 x 0.6 x 0.5 = 30%;
 *    s holds no capital, only control: "Indirect control"; q's only path is its direct 25-50%,
 *    which the dashed edge would repeat, so none; a is owned by p and is not a person: none.
 *    7 edges.  Node names in DOT are the entity ids; labels keep quotes, backslash, < >,
 *    Cyrillic, Chinese and Arabic through agwrite and agmemread.
 * 4. The same diagram written twice gives identical DOT.
 * 5. SVG of case 3: 6 groups with class="node"; the Cyrillic/backslash name appears as text,
 *    and "Q\N" stays "Q\N" (not replaced by the node name).  PNG starts with 89 50 4E 47 0D 0A
 *    1A 0A.
 * 6. Folding a star (root r and ten owners o0..o9, o9 marked C1) to 5 nodes: budget 4 keeps
 *    r, o9 (marked, with its path), o0, o1; the other seven (o2..o8) are one summary
 *    "+7 more owners" with a dotted edge into r: 4 + 1 = 5 nodes, 3 + 1 = 4 edges.
 * 7. Exposure of bidder x under a policy with C1 = {CN}, GPA = EU = {NL}: x is supplied by y (CN: finding) and z
 *    (NL, no owners, not complete: "owners unknown"); w (NL, listed) supplies x too and is
 *    neither: not drawn.  Nodes x, y, z, "?z": 4; edges y->x, z->x, ?z->z: 3.
 */
#include <graphviz/cgraph.h>
#include <math.h>

#include "../../viz/kt_viz.h"
#include "../../viz/viz_i.h"
#include "test_util.h"

static void print_text(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x20 && *p < 0x7f)
            putchar(*p);
        else
            printf("<%02X>", *p);
    putchar('\n');
}

static char *render(const kt_viz_diagram *d, kt_viz_format f, size_t *len)
{
    char *buf = NULL;
    kt_errinfo ei;
    FILE *m = open_memstream(&buf, len);
    if (kt_viz_render(d, f, m, &ei) != KT_OK) {
        printf("render failed: %s\n", ei.msg);
        exit(1);
    }
    fclose(m);
    return buf;
}

static const char *attr(void *obj, const char *name)
{
    char *v = agget(obj, (char *)name);
    return v && *v ? v : "-";
}

static void print_dot(const char *dot)
{
    Agraph_t *g = agmemread(dot);
    if (!g) {
        printf("agmemread failed\n");
        exit(1);
    }
    printf("  %d nodes, %d edges\n", agnnodes(g), agnedges(g));
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        char *label = agget(n, "label");
        printf("  node %s shape=%s %s label=", agnameof(n), attr(n, "shape"), aghtmlstr(label) ? "html" : "plain");
        print_text(label);
    }
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            printf("  edge %s -> %s style=%s penwidth=%s label=", agnameof(agtail(e)), agnameof(aghead(e)),
                   attr(e, "style"), attr(e, "penwidth"));
            print_text(agget(e, "label"));
        }
    agclose(g);
}

static const char own_data[] =
    "{\"id\":\"c\",\"type\":\"company\",\"name\":\"\xC3\x87" "a \\\"C\\\" <Ltd>\",\"country\":\"NL\"}\n"
    "{\"id\":\"b\",\"type\":\"company\",\"name\":\"B & Co\",\"country\":\"CY\"}\n"
    "{\"id\":\"a\",\"type\":\"company\",\"name\":\"A\",\"country\":\"NL\"}\n"
    "{\"id\":\"p\",\"type\":\"person\",\"name\":\"\xD0\x9F\xD1\x91\xD1\x82\xD1\x80 \\\\ \xE7\x8E\x8B\","
    "\"country\":\"RU\"}\n"
    "{\"id\":\"s\",\"type\":\"state\",\"name\":\"\xD8\xAF\xD9\x88\xD9\x84\xD8\xA9\",\"country\":\"AE\"}\n"
    "{\"id\":\"q\",\"type\":\"person\",\"name\":\"Q\\\\N\",\"country\":\"NL\"}\n"
    "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":60}\n"
    "{\"rel\":\"owns\",\"from\":\"b\",\"to\":\"c\",\"share\":50}\n"
    "{\"rel\":\"owns\",\"from\":\"p\",\"to\":\"a\",\"share\":100}\n"
    "{\"rel\":\"controls\",\"from\":\"s\",\"to\":\"b\"}\n"
    "{\"rel\":\"owns\",\"from\":\"q\",\"to\":\"c\",\"share\":{\"min\":25,\"max\":50}}\n";

int main(void)
{
    char buf[256];
    kt_viz_edge e;
    kt_viz_i_buf b;
    kt_viz_diagram d;
    kt_errinfo ei;
    size_t len, len2;
    kt_graph_init_library();

    printf("1. edge texts and pen steps\n");
    memset(&e, 0, sizeof e);
    e.kind = KT_VIZ_E_OWNS;
    e.share = (kt_ival){60, 60};
    printf("  %s\n", kt_viz_edge_text(&e, buf, sizeof buf));
    e.share = (kt_ival){25, 50};
    printf("  ");
    print_text(kt_viz_edge_text(&e, buf, sizeof buf));
    e.share = kt_ival_unknown();
    printf("  %s\n", kt_viz_edge_text(&e, buf, sizeof buf));
    e.share = (kt_ival){100.0 / 3, 100.0 / 3};
    printf("  %s\n", kt_viz_edge_text(&e, buf, sizeof buf));
    e.kind = KT_VIZ_E_CONTROLS;
    printf("  %s\n", kt_viz_edge_text(&e, buf, sizeof buf));
    e.kind = KT_VIZ_E_INDIRECT;
    e.share = (kt_ival){30, 30};
    printf("  %s\n", kt_viz_edge_text(&e, buf, sizeof buf));
    e.share = kt_ival_unknown();
    printf("  %s\n", kt_viz_edge_text(&e, buf, sizeof buf));
    {
        double xs[] = {5, 10, 24.99, 25, 50, 75, 100};
        printf("  steps:");
        for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++)
            printf(" %d", kt_viz_pen_step((kt_ival){xs[i], 100}));
        printf(" unknown %d\n", kt_viz_pen_step(kt_ival_unknown()));
    }

    printf("2. escaping\n");
    kt_viz_i_buf_init(&b);
    kt_viz_i_put_html(&b, "a\"b\\c<d>&e'f\nx\xFFy\x01z \xD0\x96");
    printf("  html:  ");
    print_text(b.s);
    kt_viz_i_buf_destroy(&b);
    kt_viz_i_buf_init(&b);
    kt_viz_i_put_plain(&b, "a\"b\\c<d>&e'f\nx\xFFy\x01z \xD0\x96");
    printf("  plain: ");
    print_text(b.s);
    kt_viz_i_buf_destroy(&b);

    printf("3. ownership diagram, DOT read back\n");
    kt_graph *g = test_load("own.jsonl", own_data, 1);
    kt_viz_diagram_init(&d);
    if (kt_viz_ownership(&d, g, V(g, "c"), 0, NULL, &ei) != KT_OK) {
        printf("ownership failed: %s\n", ei.msg);
        return 1;
    }
    char *dot = render(&d, KT_VIZ_DOT, &len);
    print_dot(dot);

    printf("4. deterministic DOT\n");
    char *dot2 = render(&d, KT_VIZ_DOT, &len2);
    printf("  identical: %s\n", len == len2 && memcmp(dot, dot2, len) == 0 ? "yes" : "no");
    free(dot);
    free(dot2);

    printf("5. SVG and PNG\n");
    {
        char *svg = render(&d, KT_VIZ_SVG, &len);
        int nodes = 0;
        for (const char *p = svg; (p = strstr(p, "class=\"node\"")) != NULL; p++)
            nodes++;
        printf("  svg nodes: %d\n", nodes);
        printf("  svg keeps the name: %s\n",
               strstr(svg, "\xD0\x9F\xD1\x91\xD1\x82\xD1\x80 \\ \xE7\x8E\x8B") ? "yes" : "no");
        printf("  svg keeps Q\\N: %s\n", strstr(svg, ">Q\\N</text>") ? "yes" : "no");
        free(svg);
        char *png = render(&d, KT_VIZ_PNG, &len);
        printf("  png signature: %s\n", len > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0 ? "yes" : "no");
        free(png);
    }
    kt_viz_diagram_destroy(&d);
    kt_graph_free(g);

    printf("6. folding\n");
    kt_viz_diagram_init(&d);
    {
        size_t r, o;
        kt_viz_node_add(&d, KT_VIZ_N_COMPANY, "r", "Root", "NL", &r);
        d.nodes[r].flags |= KT_VIZ_NF_ROOT;
        for (int i = 0; i < 10; i++) {
            char name[16];
            snprintf(name, sizeof name, "o%d", i);
            kt_viz_node_add(&d, KT_VIZ_N_PERSON, name, NULL, "NL", &o);
            if (i == 9)
                d.nodes[o].reasons = KT_REASON_C1;
            kt_viz_edge_add(&d, o, r, KT_VIZ_E_OWNS, (kt_ival){10, 10}, NULL);
        }
    }
    kt_viz_fold(&d, 5);
    dot = render(&d, KT_VIZ_DOT, &len);
    print_dot(dot);
    free(dot);
    kt_viz_diagram_destroy(&d);

    printf("7. exposure\n");
    {
        static const char pol[] = "{\"keten_policy\":\"1\",\"C1\":[\"CN\"],\"C2\":[],\"gpa\":[\"NL\"],\"eu\":[\"NL\"]}";
        static const char data[] = "{\"id\":\"x\",\"type\":\"company\",\"name\":\"X\",\"country\":\"NL\",\"listed\":true}\n"
                                   "{\"id\":\"y\",\"type\":\"company\",\"name\":\"Y\",\"country\":\"CN\",\"complete\":true}\n"
                                   "{\"id\":\"z\",\"type\":\"company\",\"name\":\"Z\",\"country\":\"NL\"}\n"
                                   "{\"id\":\"w\",\"type\":\"company\",\"name\":\"W\",\"country\":\"NL\",\"listed\":true}\n"
                                   "{\"rel\":\"supplies\",\"from\":\"y\",\"to\":\"x\"}\n"
                                   "{\"rel\":\"supplies\",\"from\":\"z\",\"to\":\"x\"}\n"
                                   "{\"rel\":\"supplies\",\"from\":\"w\",\"to\":\"x\"}\n";
        kt_policy *p = NULL;
        if (kt_load_policy_buffer("p.json", pol, strlen(pol), &p, &ei) != KT_OK) {
            printf("policy failed: %s:%ld: %s\n", ei.file, ei.line, ei.msg);
            return 1;
        }
        g = test_load("exp.jsonl", data, 1);
        kt_viz_diagram_init(&d);
        if (kt_viz_exposure(&d, g, p, V(g, "x"), &ei) != KT_OK) {
            printf("exposure failed: %s\n", ei.msg);
            return 1;
        }
        dot = render(&d, KT_VIZ_DOT, &len);
        print_dot(dot);
        free(dot);
        kt_viz_diagram_destroy(&d);
        kt_graph_free(g);
        kt_policy_free(p);
    }
    return 0;
}
