/* derived.c: the derived indexes of graph/derived.c on hand-worked graphs, and a snapshot's
 * copies of them equal to what is computed from the model, on random graphs, with the cycle
 * flags checked against a brute-force reachability reference. */
#include <stdint.h>
#include <unistd.h>

#include "test_util.h"

static void show(const kt_graph *g)
{
    uint8_t *cyc;
    float *bom;
    kt_graph_owners o;
    kt_graph_deps d;
    if (kt_graph_cycles(g, &cyc) != KT_OK || kt_graph_bom_shares(g, &bom) != KT_OK ||
        kt_graph_owners_build(g, kt_graph_directors_control(g), NULL, &o) != KT_OK ||
        kt_graph_deps_build(g, &d) != KT_OK) {
        printf("failed\n");
        exit(1);
    }
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++) {
        printf("  %-3s cyclic %d gaps %u bom %.3f owners", kt_graph_entity_id(g, v), cyc[v], kt_graph_gaps(g, v),
               bom[v]);
        for (int32_t i = o.off[v]; i < o.off[v + 1]; i++)
            printf(" %s%s", kt_graph_entity_id(g, o.from[i]), o.rel[i] & KT_OWNER_CAPITAL ? "(capital)" : "");
        printf(" dependents");
        for (int32_t i = d.off[v]; i < d.off[v + 1]; i++)
            printf(" %s(%s)", kt_graph_entity_id(g, d.dep[i].node), kt_rtype_name(kt_graph_rel_type(g, d.dep[i].rel)));
        printf("\n");
    }
    free(cyc);
    free(bom);
    kt_graph_owners_free(&o);
    kt_graph_deps_free(&d);
}

/* 1 when v reaches u (u != v) and u reaches v, over capital owns relations (not declared
 * summaries, not self-loops). */
static int on_cycle(const kt_graph *g, igraph_integer_t v)
{
    igraph_integer_t n = kt_graph_vertex_count(g), ne = kt_graph_edge_count(g);
    uint8_t *a = calloc((size_t)n, 1), *b = calloc((size_t)n, 1);
    int changed = 1, yes = 0;
    a[v] = b[v] = 1; /* a: reached from v; b: reaching v (Bellman-Ford style, O(|V| |E|)) */
    while (changed) {
        changed = 0;
        for (igraph_integer_t e = 0; e < ne; e++) {
            igraph_integer_t x = kt_graph_rel_from(g, e), y = kt_graph_rel_to(g, e);
            if (x == y || kt_graph_rel_type(g, e) != KT_REL_OWNS || (kt_graph_rel_flags(g, e) & KT_RF_DECLARED))
                continue;
            if (a[x] && !a[y])
                a[y] = 1, changed = 1;
            if (b[y] && !b[x])
                b[x] = 1, changed = 1;
        }
    }
    for (igraph_integer_t u = 0; u < n; u++)
        yes |= u != v && a[u] && b[u];
    free(a);
    free(b);
    return yes;
}

/* A random graph of n companies and items, m relations of random types (self-loops too). */
static kt_graph *random_graph(unsigned seed, int n, int m)
{
    static const char *types[] = {"owns", "controls", "supplies", "subcontracts", "member_of", "director_of"};
    size_t cap = 128 + (size_t)(n + m) * 128, len = 0;
    char *text = malloc(cap);
    int *held = calloc((size_t)n, sizeof *held); /* per company: % of its capital held so far */
    srand(seed);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, cap - len, "{\"id\":\"v%d\",\"type\":\"%s\",\"country\":\"%s\"}\n", i,
                                i % 7 == 6 ? "person" : "company", i % 3 ? "NL" : "CN");
    for (int k = 0; k < m; k++) {
        int a = rand() % n, b = rand() % n, t = rand() % 10;
        int share = rand() % 60 + 1;
        if (t >= 6)
            t = 0; /* owns more often than the others: cycles of capital ownership */
        if (t == 5 && a % 7 != 6)
            t = 0; /* a director is a person */
        if (t == 0 && share > 100 - held[b])
            t = 2; /* no more than the whole capital */
        if (t == 0) {
            held[b] += share;
            len += (size_t)snprintf(text + len, cap - len,
                                    "{\"rel\":\"owns\",\"from\":\"v%d\",\"to\":\"v%d\",\"share\":%d%s}\n", a, b, share,
                                    rand() % 6 ? "" : ",\"declared\":true"); /* a summary: on no cycle */
        } else {
            len += (size_t)snprintf(text + len, cap - len, "{\"rel\":\"%s\",\"from\":\"v%d\",\"to\":\"v%d\"}\n", types[t],
                                    a, b);
        }
    }
    kt_graph *g = test_load("r.jsonl", text, 0);
    free(text);
    free(held);
    return g;
}

/* Save g, open it again, and compare every kept index with what is computed. */
static long roundtrip(const kt_graph *g, long *cyclic, long *bad_ref)
{
    char path[] = "/tmp/kt-derived-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
    kt_errinfo ei;
    kt_graph *h = NULL;
    long bad = 0;
    if (!f || kt_graph_save(g, NULL, "test", f, &ei) != KT_OK || fclose(f) != 0 ||
        kt_graph_open(path, &h, NULL, &ei) != KT_OK) {
        printf("save or open failed\n");
        exit(1);
    }
    unlink(path);
    uint8_t *cyc;
    float *bom;
    kt_graph_owners o, ko;
    kt_graph_deps d, kd;
    if (kt_graph_cycles(g, &cyc) != KT_OK || kt_graph_bom_shares(g, &bom) != KT_OK ||
        kt_graph_owners_build(g, 0, NULL, &o) != KT_OK || kt_graph_deps_build(g, &d) != KT_OK)
        exit(1);
    const uint8_t *kc = kt_graph_cycles_kept(h), *kg = kt_graph_gaps_kept(h);
    const float *kb = kt_graph_bom_kept(h);
    if (!kc || !kg || !kb || !kt_graph_owners_kept(h, &ko) || !kt_graph_deps_kept(h, &kd) || ko.n != o.n ||
        kd.n != d.n)
        return 1000000;
    igraph_integer_t n = kt_graph_vertex_count(g);
    for (igraph_integer_t v = 0; v < n; v++) {
        bad += kc[v] != cyc[v] || kg[v] != kt_graph_gaps(g, v) || kb[v] != bom[v] || ko.off[v] != o.off[v] ||
               kd.off[v] != d.off[v];
        *cyclic += cyc[v];
        *bad_ref += cyc[v] != on_cycle(g, v);
    }
    for (size_t i = 0; i < o.n; i++)
        bad += ko.from[i] != o.from[i] || ko.rel[i] != o.rel[i];
    for (size_t i = 0; i < d.n; i++)
        bad += kd.dep[i].node != d.dep[i].node || kd.dep[i].rel != d.dep[i].rel;
    /* a snapshot's owners index is made without directors: not given where they control */
    kt_graph_set_directors_control(h, 1);
    bad += kt_graph_owners_kept(h, &ko) != 0;
    free(cyc);
    free(bom);
    kt_graph_owners_free(&o);
    kt_graph_deps_free(&d);
    kt_graph_free(h);
    return bad;
}

int main(void)
{
    kt_graph_init_library();
    /* a owns b, b controls c, c owns a: no cycle of capital (control is not capital); f and g own
     * each other: a cycle; h owns 10% of f, f 100% of h by a declared summary: no cycle; d
     * supplies a; e owns itself (no cycle); c
     * holds 60% of a, a 100% of b; p directs b; the assembly x has the parts y (made in NL, its
     * own country) and z (no origin) */
    kt_graph *g = test_load("hand.jsonl",
                            "{\"id\":\"a\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"id\":\"b\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"id\":\"c\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"id\":\"d\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"id\":\"e\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"id\":\"p\",\"type\":\"person\",\"country\":\"NL\"}\n"
                            "{\"id\":\"x\",\"type\":\"product\",\"country\":\"NL\"}\n"
                            "{\"id\":\"y\",\"type\":\"component\",\"country\":\"NL\"}\n"
                            "{\"id\":\"z\",\"type\":\"component\"}\n"
                            "{\"id\":\"f\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"id\":\"g\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"id\":\"h\",\"type\":\"company\",\"country\":\"NL\"}\n"
                            "{\"rel\":\"owns\",\"from\":\"c\",\"to\":\"a\",\"share\":60}\n"
                            "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":100}\n"
                            "{\"rel\":\"controls\",\"from\":\"b\",\"to\":\"c\",\"basis\":\"board\"}\n"
                            "{\"rel\":\"supplies\",\"from\":\"d\",\"to\":\"a\"}\n"
                            "{\"rel\":\"owns\",\"from\":\"e\",\"to\":\"e\",\"share\":100}\n"
                            "{\"rel\":\"director_of\",\"from\":\"p\",\"to\":\"b\"}\n"
                            "{\"rel\":\"contains\",\"from\":\"x\",\"to\":\"y\"}\n"
                            "{\"rel\":\"contains\",\"from\":\"x\",\"to\":\"z\"}\n"
                            "{\"rel\":\"owns\",\"from\":\"f\",\"to\":\"g\",\"share\":50}\n"
                            "{\"rel\":\"owns\",\"from\":\"g\",\"to\":\"f\",\"share\":30}\n"
                            "{\"rel\":\"owns\",\"from\":\"h\",\"to\":\"f\",\"share\":10}\n"
                            "{\"rel\":\"owns\",\"from\":\"f\",\"to\":\"h\",\"share\":100,\"declared\":true}\n",
                            1);
    if (!g)
        return 1;
    printf("hand-worked, directors do not control:\n");
    show(g);
    kt_graph_set_directors_control(g, 1);
    printf("directors control:\n");
    show(g);
    kt_graph_set_directors_control(g, 0);
    long c = 0, r = 0, b = roundtrip(g, &c, &r);
    printf("snapshot: %ld differences, %ld on a cycle, %ld against the reference\n", b, c, r);
    kt_graph_free(g);

    long bad = 0, cyclic = 0, bad_ref = 0;
    for (unsigned seed = 1; seed <= 40; seed++) {
        kt_graph *x = random_graph(seed, 20 + (int)seed, 30 + 2 * (int)seed);
        if (!x)
            return 1;
        bad += roundtrip(x, &cyclic, &bad_ref);
        kt_graph_free(x);
    }
    printf("40 random graphs: %ld differences between a snapshot and its model, %s vertices on a cycle, %ld "
           "against the reference\n",
           bad, cyclic >= 50 ? "at least 50" : "too few", bad_ref);
    return 0;
}
