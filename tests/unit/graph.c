/* graph.c: the model and the native loader.
 *
 * Cases and their hand-worked expectations:
 * 1. JSON Lines: 3 entities, 2 relations; a relation may name an entity declared later.
 * 2. Document form: records get the line their object starts on (entities on lines 3 and 4,
 *    the relation on line 6).
 * 3. Identifier merge: "acme" and "acme-bv" carry lei X; they are one vertex, relations to
 *    either land on it; the country conflict (NL vs BE) is a warning naming line 1.
 * 4. Errors: undeclared endpoint, share 140, min > max, bad country, duplicate id with
 *    another type, owners' shares 60 + 50 = 110 > 100, contains cycle a -> b -> a.
 * 5. Warnings: isolated entity, owns self-loop, item with no origin.
 * 6. Ranges and votes: share {25, 50} stays [25, 50]; votes default to share; given votes kept.
 * 7. As of a date: owns a->b 2020-01-01..2022-06-30, c->b since 2023, d->b until "2021" (the
 *    whole year: to 2021-12-31), e->b undated.  As of 2021-07-01: c is left out (1 dropped),
 *    a, d, e stay.  As of 2022-01-01: c and d are left out (2 dropped), a and e stay.
 * 8. One fact in two files: a.jsonl says p owns 60% of t; b.jsonl says the same, and that q
 *    owns 40% of t twice (two share classes, say).  b's copy of p's 60% is left out with a
 *    duplicate_relation warning naming a.jsonl:3, so p holds 60 and q 40 + 40 = 80: the owners
 *    hold 140% in all and the >100% check still fires (repeats within one file stay).  Without
 *    q's second line the total is 100% and the graph builds with 3 relations.
 */
#include <math.h>

#include "test_util.h"
#include "../../graph/kt_mem.h"
#include "../../graph/graph_i.h"

static void print_graph(const kt_graph *g)
{
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++)
        printf("  v%ld %s %s \"%s\" %s\n", (long)v, kt_graph_entity_id(g, v),
               kt_etype_name(kt_graph_entity_type(g, v)), kt_graph_entity_name(g, v),
               kt_graph_entity_country(g, v)[0] ? kt_graph_entity_country(g, v) : "-");
    for (igraph_integer_t e = 0; e < kt_graph_edge_count(g); e++) {
        char where[300];
        kt_ival s = kt_graph_rel_share(g, e), vo = kt_graph_rel_votes(g, e);
        printf("  e%ld %s %s -> %s", (long)e, kt_rtype_name(kt_graph_rel_type(g, e)),
               kt_graph_entity_id(g, kt_graph_rel_from(g, e)), kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
        if (!kt_ival_is_unknown(s))
            printf(" share [%g, %g] votes [%g, %g]", s.min, s.max, vo.min, vo.max);
        printf(" at %s\n", kt_graph_rel_where(g, e, where, sizeof where));
    }
}

int main(void)
{
    kt_graph *g;
    kt_graph_init_library();

    printf("1. json lines\n");
    g = test_load("lines.jsonl",
                  "{\"id\":\"a\",\"type\":\"company\",\"name\":\"A\",\"country\":\"NL\"}\n"
                  "{\"rel\":\"owns\",\"from\":\"p\",\"to\":\"a\",\"share\":60,\"source\":\"kvk-1\"}\n"
                  "{\"id\":\"p\",\"type\":\"person\",\"name\":\"P\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"a\",\"to\":\"q\"}\n"
                  "{\"id\":\"q\",\"type\":\"company\",\"country\":\"DE\"}\n",
                  1);
    print_graph(g);
    kt_graph_free(g);

    printf("2. document form\n");
    g = test_load("doc.json",
                  "{\"keten\": \"1\",\n"
                  " \"entities\": [\n"
                  "  {\"id\": \"x\", \"type\": \"company\"},\n"
                  "  {\"id\": \"y\", \"type\": \"company\"}\n"
                  " ], \"relations\": [\n"
                  "  {\"rel\": \"controls\", \"from\": \"x\", \"to\": \"y\", \"basis\": \"board\"}\n"
                  " ]}\n",
                  1);
    print_graph(g);
    printf("  basis %s\n", kt_basis_name(kt_graph_rel_basis(g, 0)));
    kt_graph_free(g);

    printf("3. identifier merge\n");
    g = test_load("merge.jsonl",
                  "{\"id\":\"acme\",\"type\":\"company\",\"country\":\"NL\",\"identifiers\":{\"lei\":\"X\"}}\n"
                  "{\"rel\":\"owns\",\"from\":\"p\",\"to\":\"acme-bv\",\"share\":30}\n"
                  "{\"id\":\"p\",\"type\":\"person\"}\n"
                  "{\"id\":\"acme-bv\",\"type\":\"company\",\"name\":\"Acme\",\"country\":\"BE\",\"identifiers\":{\"lei\":\"X\"}}\n",
                  1);
    print_graph(g);
    printf("  find acme-bv -> v%ld, name \"%s\"\n", (long)kt_graph_find(g, "acme-bv"),
           kt_graph_entity_name(g, kt_graph_find(g, "acme-bv")));
    kt_graph_free(g);

    printf("4. errors\n");
    g = test_load("bad.jsonl",
                  "{\"id\":\"a\",\"type\":\"company\"}\n"
                  "{\"id\":\"b\",\"type\":\"company\"}\n"
                  "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"ghost\"}\n"
                  "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":140}\n"
                  "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":{\"min\":50,\"max\":20}}\n"
                  "{\"id\":\"c\",\"type\":\"company\",\"country\":\"XX\"}\n"
                  "{\"id\":\"a\",\"type\":\"person\"}\n",
                  1);
    printf("  graph %s\n", g ? "built" : "refused");
    g = test_load("bad2.jsonl",
                  "{\"id\":\"a\",\"type\":\"company\"}\n"
                  "{\"id\":\"b\",\"type\":\"company\"}\n"
                  "{\"id\":\"c\",\"type\":\"person\"}\n"
                  "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":60}\n"
                  "{\"rel\":\"owns\",\"from\":\"c\",\"to\":\"b\",\"share\":50}\n"
                  "{\"id\":\"i\",\"type\":\"product\",\"country\":\"NL\"}\n"
                  "{\"id\":\"j\",\"type\":\"component\",\"country\":\"NL\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"i\",\"to\":\"j\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"j\",\"to\":\"i\"}\n",
                  1);
    printf("  graph %s\n", g ? "built" : "refused");

    printf("5. warnings\n");
    g = test_load("warn.jsonl",
                  "{\"id\":\"a\",\"type\":\"company\"}\n"
                  "{\"id\":\"lonely\",\"type\":\"company\"}\n"
                  "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"a\",\"share\":5}\n"
                  "{\"id\":\"cam\",\"type\":\"product\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"cam\",\"to\":\"a\"}\n",
                  1);
    printf("  graph %s\n", g ? "built" : "refused");
    kt_graph_free(g);

    printf("6. ranges and votes\n");
    g = test_load("ranges.jsonl",
                  "{\"id\":\"a\",\"type\":\"company\"}\n"
                  "{\"id\":\"b\",\"type\":\"company\"}\n"
                  "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":{\"min\":25,\"max\":50}}\n"
                  "{\"rel\":\"owns\",\"from\":\"b\",\"to\":\"a\",\"share\":10,\"votes\":30}\n",
                  1);
    print_graph(g);
    kt_graph_free(g);

    static const char dated[] =
        "{\"id\":\"a\",\"type\":\"company\"}\n{\"id\":\"b\",\"type\":\"company\"}\n"
        "{\"id\":\"c\",\"type\":\"company\"}\n{\"id\":\"d\",\"type\":\"company\"}\n"
        "{\"id\":\"e\",\"type\":\"company\"}\n"
        "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":10,\"since\":\"2020-01-01\",\"until\":\"2022-06-30\"}\n"
        "{\"rel\":\"owns\",\"from\":\"c\",\"to\":\"b\",\"share\":10,\"since\":\"2023\"}\n"
        "{\"rel\":\"owns\",\"from\":\"d\",\"to\":\"b\",\"share\":10,\"until\":\"2021\"}\n"
        "{\"rel\":\"owns\",\"from\":\"e\",\"to\":\"b\",\"share\":10}\n";
    static const char *dates[] = {"2021-07-01", "2022-01-01"};
    for (int k = 0; k < 2; k++) {
        kt_diags *d = kt_diags_new();
        kt_errinfo ei;
        printf("7. as of %s\n", dates[k]);
        g = kt_graph_new();
        if (kt_graph_set_as_of(g, dates[k]) != KT_OK ||
            kt_load_buffer(g, "dated.jsonl", dated, strlen(dated), KT_FMT_AUTO, d, &ei) != KT_OK ||
            kt_graph_build(g, d) != KT_OK || kt_graph_check(g, stdout) != 0)
            return 1;
        printf("  dropped %zu\n", kt_graph_dropped_by_date(g));
        print_graph(g);
        kt_graph_free(g);
        kt_diags_free(d);
    }
    static const char fa[] = "{\"id\":\"p\",\"type\":\"person\"}\n{\"id\":\"t\",\"type\":\"company\"}\n"
                             "{\"rel\":\"owns\",\"from\":\"p\",\"to\":\"t\",\"share\":60}\n";
    static const char fb[] = "{\"id\":\"q\",\"type\":\"person\"}\n"
                             "{\"rel\":\"owns\",\"from\":\"p\",\"to\":\"t\",\"share\":60}\n"
                             "{\"rel\":\"owns\",\"from\":\"q\",\"to\":\"t\",\"share\":40}\n"
                             "{\"rel\":\"owns\",\"from\":\"q\",\"to\":\"t\",\"share\":40}\n";
    for (int k = 0; k < 2; k++) {
        kt_diags *d = kt_diags_new();
        kt_errinfo ei;
        size_t lb = k == 0 ? strlen(fb) : strlen(fb) - strlen("{\"rel\":\"owns\",\"from\":\"q\",\"to\":\"t\",\"share\":40}\n");
        printf("8. one fact in two files%s\n", k ? ", without the repeat" : "");
        g = kt_graph_new();
        if (kt_load_buffer(g, "a.jsonl", fa, strlen(fa), KT_FMT_AUTO, d, &ei) != KT_OK ||
            kt_load_buffer(g, "b.jsonl", fb, lb, KT_FMT_AUTO, d, &ei) != KT_OK)
            return 1;
        kt_graph_build(g, d);
        kt_diags_sort(d);
        for (size_t i = 0; i < kt_diags_count(d); i++) {
            const kt_diag *x = kt_diags_get(d, i);
            printf("  %s:%ld: %s: %s\n", kt_graph_file_name(g, x->file), x->line, x->code, x->msg);
        }
        if (!kt_diags_has_errors(d))
            print_graph(g);
        kt_graph_free(g);
        kt_diags_free(d);
    }
    kt_graph *bad = kt_graph_new();
    printf("  bad date refused: %s\n", bad && kt_graph_set_as_of(bad, "2021-7-1") == KT_EINVALID ? "yes" : "no");
    kt_graph_free(bad);

    /* an edge list of odd length (3 ends): igraph fails with "invalid (odd length) edges vector";
     * the handler keeps its reason, and the code maps to KT_EGRAPH (IGRAPH_ENOMEM to KT_ENOMEM) */
    printf("9. igraph errors\n");
    {
        igraph_t ig;
        igraph_vector_int_t e;
        igraph_vector_int_init_int(&e, 3, 0, 1, 1);
        kt_err rc = kt_graph_igraph_err(igraph_create(&ig, &e, 2, IGRAPH_DIRECTED));
        igraph_vector_int_destroy(&e);
        printf("  create: %s, reason kept: %s\n", rc == KT_EGRAPH ? "KT_EGRAPH" : "?",
               strstr(kt_err_str(rc), "graph library error: ") && strstr(kt_err_str(rc), "odd") ? "yes" : "no");
        printf("  out of memory: %s\n", kt_graph_igraph_err(IGRAPH_ENOMEM) == KT_ENOMEM ? "KT_ENOMEM" : "?");
    }

    /* kt_grow: capacity doubles from 16 (1 -> 16, 17 -> 32, 100 -> 128); a size whose bytes do
     * not fit in size_t fails before anything is allocated and leaves the array as it was */
    printf("10. array growth\n");
    {
        int *v = NULL;
        size_t cap = 0;
        kt_err r1 = kt_grow((void **)&v, &cap, 1, sizeof *v);
        size_t c1 = cap;
        kt_err r2 = kt_grow((void **)&v, &cap, 17, sizeof *v);
        size_t c2 = cap;
        kt_err r3 = kt_grow((void **)&v, &cap, 100, sizeof *v);
        int *before = v;
        kt_err r4 = kt_grow((void **)&v, &cap, SIZE_MAX / 2, sizeof *v);
        printf("  caps %zu %zu %zu (%s), overflow: %s, unchanged: %s\n", c1, c2, cap,
               r1 == KT_OK && r2 == KT_OK && r3 == KT_OK ? "ok" : "failed", r4 == KT_ENOMEM ? "KT_ENOMEM" : "?",
               v == before && cap == 128 ? "yes" : "no");
        free(v);
    }

    /* kt_graph_i_create against igraph_create on random multigraphs (self-loops, repeated
     * pairs, isolated vertices, no edges): from, to, both orders and both start vectors equal,
     * on one thread and on two (above 4096 edges the in-index has its own) */
    printf("11. igraph index\n");
    {
        unsigned seed = 7;
        int same = 0, cases = 0;
        for (int t = 0; t < 40; t++) {
            igraph_integer_t nv = t % 10 == 0 ? 1 : 1 + (igraph_integer_t)((seed = seed * 1103515245u + 12345u) >> 16) % 300;
            igraph_integer_t ne = t % 10 == 1 ? 0 : (t % 3 == 0 ? 5000 : (igraph_integer_t)((seed = seed * 1103515245u + 12345u) >> 16) % 900);
            igraph_vector_int_t ed;
            igraph_t a, b;
            igraph_vector_int_init(&ed, 2 * ne);
            for (igraph_integer_t i = 0; i < 2 * ne; i++) {
                seed = seed * 1103515245u + 12345u;
                /* few distinct values at times: many repeated pairs */
                VECTOR(ed)[i] = (igraph_integer_t)(seed >> 16) % (t % 4 == 2 ? (nv < 3 ? nv : 3) : nv);
            }
            kt_graph_set_threads(t % 2 ? 1 : 2);
            igraph_create(&a, &ed, nv, IGRAPH_DIRECTED);
            igraph_vector_int_t fr, to;
            igraph_vector_int_init(&fr, ne);
            igraph_vector_int_init(&to, ne);
            for (igraph_integer_t i = 0; i < ne; i++) {
                VECTOR(fr)[i] = VECTOR(ed)[2 * i];
                VECTOR(to)[i] = VECTOR(ed)[2 * i + 1];
            }
            if (kt_graph_i_create(&b, &fr, &to, nv) == KT_OK) {
                same += igraph_vector_int_all_e(&a.from, &b.from) && igraph_vector_int_all_e(&a.to, &b.to) &&
                        igraph_vector_int_all_e(&a.oi, &b.oi) && igraph_vector_int_all_e(&a.ii, &b.ii) &&
                        igraph_vector_int_all_e(&a.os, &b.os) && igraph_vector_int_all_e(&a.is, &b.is) &&
                        igraph_vcount(&b) == nv && igraph_ecount(&b) == ne;
                igraph_destroy(&b);
            }
            cases++;
            igraph_vector_int_destroy(&fr);
            igraph_vector_int_destroy(&to);
            igraph_destroy(&a);
            igraph_vector_int_destroy(&ed);
        }
        kt_graph_set_threads(0);
        printf("  %d of %d graphs indexed as igraph_create does\n", same, cases);
    }
    return 0;
}
