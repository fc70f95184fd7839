/* critical.c: kt_crit_run, worked by hand.
 *
 * Needs: an item needs all its parts (AND); a customer needs one supplier per item (OR over
 * suppliers of the same item); several made_by of one item are alternatives (OR).
 *
 * 1. One supplier.  bidder buys the sensor from dist1 only (line 5), dist1 from fab only
 *    (line 6).  bidder's need "sensor" has one alternative: dist1 is only_supplier for
 *    bidder (depth 1); dist1's need has one: fab is only_supplier for dist1 (depth 2).
 * 2. A second supplier removes the single point of failure.  As 1, plus dist2 supplies the
 *    sensor to bidder (line 7) and fab supplies dist2 (line 8).  bidder's need is now a
 *    choice between dist1 and dist2: neither is a SPOF.  But both buy from fab: every route
 *    from the choice to the end of the data (choice -> dist1 -> fab, choice -> dist2 -> fab)
 *    passes fab, so fab is its post-dominator: on_every_route for bidder, item sensor,
 *    depth 2 (path bidder <- dist1 <- fab: lines 5 and 6, the lowest relation at each depth).
 * 3. Independent second source.  As 2, but dist2 buys from fab2 (line 8): the routes
 *    choice -> dist1 -> fab and choice -> dist2 -> fab2 share nothing: no SPOF at all.
 * 4. AND over parts, OR over manufacturers.  cam contains lens (line 7) and sensor (line 8):
 *    both required (depth 1).  lens is made by m1 (line 9) or m2 (line 10): neither is a
 *    SPOF.  sensor is made by m3 only (line 11): only_manufacturer for sensor (depth 2).
 *    Reading every branch as an alternative (one dominator tree to a common end) would
 *    report neither lens nor sensor: the route cam -> lens -> m1 avoids sensor.
 * 5. Declared sole source.  bidder buys x from s (sole_source, line 5) and from s2 (line 6):
 *    alternatives, so no SPOF by the rules; the declaration is listed as given.
 * 6. The known gap (kt_crit.h).  bidder buys k from a or b (lines 9, 10); a buys m from mm
 *    (line 11) and n from nn (line 12); b buys m from mm (line 13).  mm is a real SPOF
 *    (both alternatives need it), but the route choice -> a -> nn avoids it, so it is not
 *    post-dominating and not reported: nothing is reported.
 * Reached: 1: bidder dist1 fab = 3; 2: + dist2 = 4; 3: + fab2 = 5; 4: cam lens sensor m1 m2
 * m3 = 6; 5: bidder s s2 = 3; 6: bidder a b mm nn = 5.
 */
#include "../../analyses/kt_crit.h"
#include "exp_util.h"

static void run(const kt_graph *g, const char *start)
{
    kt_crit_result *r;
    if (kt_crit_run(g, V(g, start), &r) != KT_OK) {
        printf("  run failed\n");
        exit(1);
    }
    for (size_t i = 0; i < r->ncritical; i++) {
        const kt_crit_point *c = &r->critical[i];
        printf("  spof %s %s for %s", kt_graph_entity_id(g, c->node), kt_crit_rule_name(c->rule),
               kt_graph_entity_id(g, c->needed_by));
        if (c->item >= 0)
            printf(" item %s", kt_graph_entity_id(g, c->item));
        if (c->edge >= 0)
            printf(" line %ld", kt_graph_rel_line(g, c->edge));
        kt_crit_hop path[KT_CRIT_PATH_MAX];
        kt_crit_path(r, c, path);
        printf(" depth %d path %s", c->depth, kt_graph_entity_id(g, path[0].node));
        for (int k = 1; k < c->path_len; k++)
            printf(" -@%ld-> %s", kt_graph_rel_line(g, path[k].edge), kt_graph_entity_id(g, path[k].node));
        printf("\n");
    }
    for (size_t i = 0; i < r->nsole; i++)
        printf("  sole_source %s -> %s item %s line %ld\n", kt_graph_entity_id(g, r->sole[i].supplier),
               kt_graph_entity_id(g, r->sole[i].customer),
               r->sole[i].item >= 0 ? kt_graph_entity_id(g, r->sole[i].item) : "-",
               kt_graph_rel_line(g, r->sole[i].edge));
    printf("  reached %zu critical %zu sole_source %zu\n", r->nreached, r->ncritical, r->nsole);
    kt_crit_result_free(r);
}

#define ENT(id, type) "{\"id\":\"" id "\",\"type\":\"" type "\",\"country\":\"NL\"}\n"
#define SUP(from, to, item) "{\"rel\":\"supplies\",\"from\":\"" from "\",\"to\":\"" to "\",\"item\":\"" item "\"}\n"

int main(void)
{
    kt_graph *g;
    kt_graph_init_library();

    printf("1. one supplier\n");
    g = test_load("one.jsonl",
                  ENT("bidder", "company") ENT("dist1", "company") ENT("fab", "company") ENT("sensor", "component")
                      SUP("dist1", "bidder", "sensor") SUP("fab", "dist1", "sensor"),
                  0);
    run(g, "bidder");
    kt_graph_free(g);

    printf("2. a second supplier removes the single point of failure\n");
    g = test_load("two.jsonl",
                  ENT("bidder", "company") ENT("dist1", "company") ENT("fab", "company") ENT("sensor", "component")
                      SUP("dist1", "bidder", "sensor") SUP("fab", "dist1", "sensor") SUP("dist2", "bidder", "sensor")
                          SUP("fab", "dist2", "sensor") ENT("dist2", "company"),
                  0);
    run(g, "bidder");
    kt_graph_free(g);

    printf("3. an independent second source\n");
    g = test_load("indep.jsonl",
                  ENT("bidder", "company") ENT("dist1", "company") ENT("fab", "company") ENT("sensor", "component")
                      SUP("dist1", "bidder", "sensor") SUP("fab", "dist1", "sensor") SUP("dist2", "bidder", "sensor")
                          SUP("fab2", "dist2", "sensor") ENT("dist2", "company") ENT("fab2", "company"),
                  0);
    run(g, "bidder");
    kt_graph_free(g);

    printf("4. all parts needed, one of two manufacturers\n");
    g = test_load("parts.jsonl",
                  ENT("cam", "product") ENT("lens", "component") ENT("sensor", "component") ENT("m1", "company")
                      ENT("m2", "company") ENT("m3", "company")
                  "{\"rel\":\"contains\",\"from\":\"cam\",\"to\":\"lens\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"cam\",\"to\":\"sensor\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"lens\",\"to\":\"m1\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"lens\",\"to\":\"m2\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"sensor\",\"to\":\"m3\"}\n",
                  0);
    run(g, "cam");
    kt_graph_free(g);

    printf("5. a declared sole source\n");
    g = test_load("sole.jsonl",
                  ENT("bidder", "company") ENT("s", "company") ENT("s2", "company") ENT("x", "component")
                  "{\"rel\":\"supplies\",\"from\":\"s\",\"to\":\"bidder\",\"item\":\"x\",\"sole_source\":true}\n"
                      SUP("s2", "bidder", "x"),
                  0);
    run(g, "bidder");
    kt_graph_free(g);

    printf("6. the known gap: a SPOF beside another part is not found\n");
    g = test_load("gap.jsonl",
                  ENT("bidder", "company") ENT("a", "company") ENT("b", "company") ENT("mm", "company")
                      ENT("nn", "company") ENT("k", "component")
                  "{\"id\":\"m\",\"type\":\"component\",\"country\":\"NL\"}\n"
                  "{\"id\":\"n\",\"type\":\"component\",\"country\":\"NL\"}\n"
                  SUP("a", "bidder", "k") SUP("b", "bidder", "k") SUP("mm", "a", "m") SUP("nn", "a", "n")
                      SUP("mm", "b", "m"),
                  0);
    run(g, "bidder");
    kt_graph_free(g);
    return 0;
}
