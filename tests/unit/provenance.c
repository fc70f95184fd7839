/* provenance.c: kt_prov_run, worked by hand.  Shares are fractions of the item (0-1).
 *
 * 1. Splits by share, by qty, and equal.  cam (no country) is made by integ (NL): assembled
 *    in NL (rule manufacturer).  cam contains housing (share 20) and board (share 80): both
 *    give a share, so split by share: housing 0.2, board 0.8.  board contains chip (qty 3)
 *    and cap (qty 1): split by qty: chip 0.8 × 3/4 = 0.6, cap 0.8 × 1/4 = 0.2.  housing
 *    contains shell (qty 1) and screws (no qty): not all have qty, so equal: 0.1 each.
 *    Origins of the leaves: chip CN (its manufacturer fab), cap DE (own), shell NL (the
 *    country on its made_by, although its maker shellco is DE), screws unknown.
 *    Shares: CN 0.6, DE 0.2, NL 0.1, unknown 0.1 (unknown last).
 *    HHI = 0.36 + 0.04 + 0.01 + 0.01 = 0.42: concentrated (>= 0.25).  Outside the EU (test
 *    policy eu = {DE, NL}): CN alone, 0.6 of the item (> 0.5), HHI over it 1 (> 0.4): EU flag.
 *    Bounds: min = 0.36 + 0.04 + 0.01 = 0.41 (unknown spread thin); max = 0.41 + 0.1² +
 *    2 × 0.1 × 0.6 = 0.41 + 0.01 + 0.12 = 0.54 (unknown all CN: 0.7² + 0.04 + 0.01 = 0.54).
 *    Tiers: board, housing 1; cap, chip, screws, shell 2 (sorted by tier, then id).
 * 2. A shared sub-assembly (a DAG).  kit (NL) contains a (qty 1) and b (qty 1): 0.5 each.
 *    a contains mod (qty 1) and x (qty 1): 0.25 each; b contains mod (qty 2): all of b, 0.5.
 *    mod is reached along both routes: 0.25 + 0.5 = 0.75; x 0.25.  mod CN, x DE.
 *    HHI = 0.75² + 0.25² = 0.5625 + 0.0625 = 0.625: concentrated; no unknown, so min = max =
 *    0.625.  Outside the EU: CN 0.75, HHI 1: EU flag.
 * 3. Transit.  cam2 (NL) is made by integ (NL) and contains modem, made by maker (CN).
 *    reseller (DE) supplies integ with the modem (line 7); maker supplies integ with it too
 *    (line 8).  modem's origin is CN (manufacturer); reseller's DE differs: transit "modem
 *    via reseller (DE), origin CN"; maker is CN = origin: not transit.  Shares: CN 1.0,
 *    HHI 1: concentrated; outside the EU 1.0, HHI 1: EU flag.
 * 4. Bands.  flat5 contains p1..p5 with no qty: 0.2 each, origins NL, DE, US, CN, IR (five
 *    buckets of 0.2): HHI = 5 × 0.04 = 0.2: somewhat concentrated (0.15 <= 0.2 < 0.25).  Outside
 *    the EU: US, CN, IR, 0.6 of the item, HHI over them 3 × (1/3)² = 0.3333 (not above 0.4): no
 *    EU flag.  With the test policy, p4 (CN) is C1 and p5 (IR) is C2.  flat7 contains p1..p7
 *    (p6 FR, p7 BE): 1/7 each, HHI = 7/49 = 1/7 = 0.1429: not concentrated; outside the EU (FR
 *    and BE are not in the test policy's eu set): US, CN, IR, FR, BE = 5/7 = 0.7143, HHI over
 *    them 5 × (1/5)² = 0.2: no EU flag.
 * 5. An all-German product: german (DE) contains g1, g2 (DE): HHI 1, concentrated, but nothing
 *    comes from outside the EU (extra-EU share 0, no HHI over extra-EU origins): no EU flag.
 */
#include <math.h>

#include "../../analyses/kt_prov.h"
#include "exp_util.h"

static const char *cc(unsigned c) { return c ? kt_country_table[c - 1].a2 : "unknown"; }

static void run(const kt_graph *g, const kt_policy *p, const char *item)
{
    kt_prov_result *r;
    if (kt_prov_run(g, V(g, item), &r) != KT_OK) {
        printf("  run failed\n");
        exit(1);
    }
    const kt_prov_part *it = &r->parts[0];
    printf("  item %s assembled in %s (%s), split %s\n", kt_graph_entity_id(g, it->node), cc(it->origin),
           kt_prov_rule_name(it->rule), kt_prov_split_name(it->split));
    for (size_t i = 1; i < r->nparts; i++) {
        const kt_prov_part *x = &r->parts[i];
        printf("  tier %d %s share %.4f origin %s (%s)", x->tier, kt_graph_entity_id(g, x->node), x->share,
               cc(x->origin), kt_prov_rule_name(x->rule));
        if (x->leaf)
            printf(" leaf");
        else
            printf(" split %s", kt_prov_split_name(x->split));
        if (x->manufacturer >= 0)
            printf(" maker %s", kt_graph_entity_id(g, x->manufacturer));
        for (size_t k = 0; k < x->nsuppliers; k++)
            printf(" supplier %s@%ld", kt_graph_entity_id(g, x->suppliers[k].supplier),
                   kt_graph_rel_line(g, x->suppliers[k].edge));
        unsigned marks = kt_policy_country_reasons(p, x->origin) & (KT_REASON_C1 | KT_REASON_C2);
        if (marks) {
            printf(" marks ");
            print_reasons(marks);
        }
        printf("\n");
    }
    for (size_t i = 0; i < r->norigins; i++)
        printf("  origin %s %.4f\n", cc(r->origins[i].country), r->origins[i].share);
    kt_prov_extra_eu(r, p);
    printf("  hhi %.4f [%.4f, %.4f] %s eu_flag %d unknown %.4f extra_eu %.4f", r->hhi, r->hhi_min, r->hhi_max,
           kt_prov_band_name(r->band), r->eu_flag, r->unknown_share, r->extra_eu_share);
    if (isnan(r->hhi_extra_eu))
        printf(" hhi_extra_eu none\n");
    else
        printf(" hhi_extra_eu %.4f\n", r->hhi_extra_eu);
    for (size_t i = 0; i < r->ntransit; i++)
        printf("  transit %s via %s (%s) origin %s at line %ld\n", kt_graph_entity_id(g, r->transit[i].part),
               kt_graph_entity_id(g, r->transit[i].supplier), cc(r->transit[i].supplier_country),
               cc(r->transit[i].origin), kt_graph_rel_line(g, r->transit[i].edge));
    kt_prov_result_free(r);
}

int main(void)
{
    kt_graph *g;
    kt_policy *p;
    kt_graph_init_library();
    p = test_policy();

    printf("1. splits by share, qty and equal\n");
    g = test_load("splits.jsonl",
                  "{\"id\":\"cam\",\"type\":\"product\"}\n"
                  "{\"id\":\"integ\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"housing\",\"type\":\"component\"}\n"
                  "{\"id\":\"board\",\"type\":\"component\"}\n"
                  "{\"id\":\"chip\",\"type\":\"component\"}\n"
                  "{\"id\":\"cap\",\"type\":\"component\",\"country\":\"DE\"}\n"
                  "{\"id\":\"shell\",\"type\":\"component\"}\n"
                  "{\"id\":\"screws\",\"type\":\"component\"}\n"
                  "{\"id\":\"fab\",\"type\":\"company\",\"country\":\"CN\"}\n"
                  "{\"id\":\"shellco\",\"type\":\"company\",\"country\":\"DE\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"cam\",\"to\":\"integ\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"cam\",\"to\":\"housing\",\"share\":20}\n"
                  "{\"rel\":\"contains\",\"from\":\"cam\",\"to\":\"board\",\"share\":80}\n"
                  "{\"rel\":\"contains\",\"from\":\"board\",\"to\":\"chip\",\"qty\":3}\n"
                  "{\"rel\":\"contains\",\"from\":\"board\",\"to\":\"cap\",\"qty\":1}\n"
                  "{\"rel\":\"contains\",\"from\":\"housing\",\"to\":\"shell\",\"qty\":1}\n"
                  "{\"rel\":\"contains\",\"from\":\"housing\",\"to\":\"screws\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"chip\",\"to\":\"fab\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"shell\",\"to\":\"shellco\",\"country\":\"NL\"}\n",
                  0);
    run(g, p, "cam");
    kt_graph_free(g);

    printf("2. a shared sub-assembly contributes along each route\n");
    g = test_load("dag.jsonl",
                  "{\"id\":\"kit\",\"type\":\"product\",\"country\":\"NL\"}\n"
                  "{\"id\":\"a\",\"type\":\"component\",\"country\":\"NL\"}\n"
                  "{\"id\":\"b\",\"type\":\"component\",\"country\":\"NL\"}\n"
                  "{\"id\":\"mod\",\"type\":\"component\",\"country\":\"CN\"}\n"
                  "{\"id\":\"x\",\"type\":\"component\",\"country\":\"DE\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"kit\",\"to\":\"a\",\"qty\":1}\n"
                  "{\"rel\":\"contains\",\"from\":\"kit\",\"to\":\"b\",\"qty\":1}\n"
                  "{\"rel\":\"contains\",\"from\":\"a\",\"to\":\"mod\",\"qty\":1}\n"
                  "{\"rel\":\"contains\",\"from\":\"a\",\"to\":\"x\",\"qty\":1}\n"
                  "{\"rel\":\"contains\",\"from\":\"b\",\"to\":\"mod\",\"qty\":2}\n",
                  1);
    run(g, p, "kit");
    kt_graph_free(g);

    printf("3. an EU reseller of a part made in a C1 country: transit\n");
    g = test_load("transit.jsonl",
                  "{\"id\":\"cam2\",\"type\":\"product\",\"country\":\"NL\"}\n"
                  "{\"id\":\"integ\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"modem\",\"type\":\"component\"}\n"
                  "{\"id\":\"maker\",\"type\":\"company\",\"country\":\"CN\"}\n"
                  "{\"id\":\"reseller\",\"type\":\"company\",\"country\":\"DE\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"cam2\",\"to\":\"integ\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"reseller\",\"to\":\"integ\",\"item\":\"modem\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"maker\",\"to\":\"integ\",\"item\":\"modem\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"cam2\",\"to\":\"modem\",\"qty\":1}\n"
                  "{\"rel\":\"made_by\",\"from\":\"modem\",\"to\":\"maker\"}\n",
                  1);
    run(g, p, "cam2");
    kt_graph_free(g);

    printf("4. bands: somewhat concentrated, not concentrated\n");
    g = test_load("bands.jsonl",
                  "{\"id\":\"flat5\",\"type\":\"product\",\"country\":\"NL\"}\n"
                  "{\"id\":\"flat7\",\"type\":\"product\",\"country\":\"NL\"}\n"
                  "{\"id\":\"p1\",\"type\":\"component\",\"country\":\"NL\"}\n"
                  "{\"id\":\"p2\",\"type\":\"component\",\"country\":\"DE\"}\n"
                  "{\"id\":\"p3\",\"type\":\"component\",\"country\":\"US\"}\n"
                  "{\"id\":\"p4\",\"type\":\"component\",\"country\":\"CN\"}\n"
                  "{\"id\":\"p5\",\"type\":\"component\",\"country\":\"IR\"}\n"
                  "{\"id\":\"p6\",\"type\":\"component\",\"country\":\"FR\"}\n"
                  "{\"id\":\"p7\",\"type\":\"component\",\"country\":\"BE\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat5\",\"to\":\"p1\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat5\",\"to\":\"p2\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat5\",\"to\":\"p3\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat5\",\"to\":\"p4\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat5\",\"to\":\"p5\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat7\",\"to\":\"p1\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat7\",\"to\":\"p2\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat7\",\"to\":\"p3\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat7\",\"to\":\"p4\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat7\",\"to\":\"p5\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat7\",\"to\":\"p6\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"flat7\",\"to\":\"p7\"}\n",
                  1);
    run(g, p, "flat5");
    run(g, p, "flat7");
    kt_graph_free(g);

    printf("5. an all-German product is not flagged\n");
    g = test_load("german.jsonl",
                  "{\"id\":\"german\",\"type\":\"product\",\"country\":\"DE\"}\n"
                  "{\"id\":\"g1\",\"type\":\"component\",\"country\":\"DE\"}\n"
                  "{\"id\":\"g2\",\"type\":\"component\",\"country\":\"DE\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"german\",\"to\":\"g1\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"german\",\"to\":\"g2\"}\n",
                  0);
    run(g, p, "german");
    kt_graph_free(g);

    kt_policy_free(p);
    return 0;
}
