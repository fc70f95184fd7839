/* critical_dom.c: critical.c's post-dominators (Lengauer-Tarjan, iterative) against igraph's
 * igraph_dominator_tree on random small graphs: 3,000 graphs of 2-26 vertices, random edges
 * (self-loops, parallel edges, cycles, vertices with no path to the sink), every third with a
 * chain 0 -> 1 -> ... -> n-1 added; the sink is the last vertex.  Both must give the same
 * immediate post-dominator for every vertex (igraph marks a vertex with no path to the sink
 * with a negative number, critical.c with -1). */
#include <stdio.h>

#include "../../analyses/critical.c" /* the static post_dominators() */

static unsigned long seed = 12345;
static int rnd(int n)
{
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    return (int)((seed >> 33) % (unsigned long)n);
}

int main(void)
{
    long bad = 0, tot = 0, unreachable = 0;
    kt_graph_init_library();
    for (int it = 0; it < 3000; it++) {
        int n = 2 + rnd(25), m = rnd(3 * n);
        igraph_vector_int_t fe, d;
        igraph_t F;
        igraph_integer_t root = n - 1, *dom;
        igraph_vector_int_init(&fe, 0);
        for (int e = 0; e < m; e++) {
            igraph_vector_int_push_back(&fe, rnd(n));
            igraph_vector_int_push_back(&fe, rnd(n));
        }
        for (int v = 0; it % 3 == 0 && v + 1 < n; v++) {
            igraph_vector_int_push_back(&fe, v);
            igraph_vector_int_push_back(&fe, v + 1);
        }
        igraph_create(&F, &fe, n, IGRAPH_DIRECTED);
        igraph_vector_int_init(&d, 0);
        igraph_dominator_tree(&F, root, &d, NULL, NULL, IGRAPH_IN);
        if (post_dominators(&fe, n, root, &dom) != KT_OK) {
            printf("out of memory\n");
            return 1;
        }
        for (int v = 0; v < n; v++) {
            if (v == root)
                continue;
            tot++;
            unreachable += dom[v] == -1;
            if (dom[v] != VECTOR(d)[v] && !(dom[v] == -1 && VECTOR(d)[v] < 0) && bad++ < 5)
                printf("graph %d vertex %d: %ld, igraph %ld\n", it, v, (long)dom[v], (long)VECTOR(d)[v]);
        }
        free(dom);
        igraph_destroy(&F);
        igraph_vector_int_destroy(&fe);
        igraph_vector_int_destroy(&d);
    }
    printf("vertices %ld (no path to the sink %ld), differing %ld\n", tot, unreachable, bad);
    return 0;
}
