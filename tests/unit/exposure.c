/* exposure.c: kt_exp_run, worked by hand.
 *
 * Policy (exp_util.h): C1 = {CN}, C2 = {IR}, gpa = {DE, NL, US}, eu = {DE, NL}, owner_share 10.
 * So a CN node has reasons C1,non_gpa,non_eu; an IR node C2,non_gpa,non_eu; DE and NL none.
 * Paths are printed as node -relation@line-> node, with each relation's line in its text.
 *
 * 1. A component two tiers down made in a C2 country.  bidder offers cam (line 6, depth 1),
 *    cam contains board (line 7, depth 2), board contains chip (line 8, depth 3), chip
 *    made_by fab (line 9, depth 4).  chip has no country of its own and no country on its
 *    made_by, so its origin is its manufacturer's: IR.  Findings: chip (IR, C2, depth 3, via
 *    component) and fab (IR, depth 4, via supply: made_by is a supply step).  bidder, cam and
 *    board are NL/DE (no reasons); fab is complete; nothing unknown: "2 findings in the data".
 * 2. An EU supplier that only resells a part made in a C1 country.  reseller (DE) supplies
 *    the modem to bidder (line 6); bidder offers cam (line 7), cam contains modem (line 8),
 *    modem made_by maker (CN, line 9).  The reseller is reached (depth 1, supply) but is DE:
 *    not a finding.  Findings: modem (origin CN from its maker: C1, depth 2, via component)
 *    and maker (CN, depth 3, via supply).  reseller has no steps and is not complete:
 *    unknown (suppliers_unknown, depth 1).  "2 findings; the data is incomplete beyond 1 node".
 * 3. A 30% owner that is state-owned, a 5% owner that does not count, a person.  target is
 *    owned 30% by hold (DE, state_owned, line 6), 5% by small (CN, line 7), 40% by p (NL
 *    person, line 8); hold is owned 50-60% by st (a state, DE, line 9).
 *    small: 5 < 10, not a step, so not reached although CN: no finding.
 *    hold: depth 1, via ownership, state_owned; interest 30% in target.
 *    st: depth 2, state (a state: reason "state", not state_owned); interest along target <- hold <- st:
 *    [50 × 30 / 100, 60 × 30 / 100] = 15-18% in target.
 *    p: a person, terminal by nature, NL: neither finding nor unknown.
 *    "2 findings in the data".
 * 4. A diamond.  bidder is supplied by a (line 5, e0) and b (line 6, e1); x (CN) supplies
 *    b (line 7, e2) and a (line 8, e3).  Both routes to x have 2 steps.  Breadth-first, a
 *    is processed first and finds x over e3; then b offers e2 < e3 at the same depth, so the
 *    path is bidder <- b <- x: one finding, x, depth 2, path bidder -supplies@6-> b
 *    -supplies@7-> x.
 * 5. Missing data.  (a) bidder is supplied by s1 (not complete, nothing known below: unknown)
 *    and s2 (complete: known to have no suppliers), and offers widget (a product with no
 *    country, no parts, no maker: suppliers_unknown and origin_unknown).  No finding:
 *    "no finding, but the data is incomplete beyond 2 nodes".  (b) bidder supplied by s2
 *    only: "no finding in the data".  (c) a chain bidder <- c1 <- c2 <- c3 (CN) with
 *    max_depth 2: c2 is at depth 2 and its supplier c3 is not reached: unknown
 *    (depth_limit), no finding.  The same chain with the policy's max_depth 25: c3 is a
 *    finding at depth 3, nothing unknown.
 * 6. The start node itself marked: a CN company with no suppliers, complete: one finding at
 *    depth 0 with a one-node path.
 * Reached counts: 1: bidder cam board chip fab = 5; 2: bidder reseller cam modem maker = 5;
 * 3: target hold p st = 4 (not small); 4: 4; 5a: 4; 5b: 2; 5c: 3 (bidder c1 c2), then 4; 6: 1.
 */
#include "../../analyses/kt_exp.h"
#include "exp_util.h"

static void print_path(const kt_graph *g, const kt_exp_hop *p, int depth)
{
    printf("    path: %s", kt_graph_entity_id(g, p[0].node));
    for (int i = 1; i <= depth; i++)
        printf(" -%s@%ld-> %s", kt_rtype_name(kt_graph_rel_type(g, p[i].edge)), kt_graph_rel_line(g, p[i].edge),
               kt_graph_entity_id(g, p[i].node));
    printf("\n");
}

static void run(const kt_graph *g, const kt_policy *p, const char *start, int max_depth)
{
    kt_exp_result *r;
    kt_exp_opts o = {max_depth, -1};
    if (kt_exp_run(g, p, V(g, start), &o, &r) != KT_OK) {
        printf("  run failed\n");
        exit(1);
    }
    for (size_t i = 0; i < r->nfindings; i++) {
        const kt_exp_finding *f = &r->findings[i];
        unsigned c = kt_policy_origin(g, f->node);
        printf("  finding %s country %s reasons ", kt_graph_entity_id(g, f->node),
               c ? kt_country_table[c - 1].a2 : "-");
        print_reasons(f->reasons);
        printf(" via %s depth %d", f->depth ? kt_via_name(f->via) : "-", f->depth);
        if (f->has_interest) {
            if (kt_ival_is_unknown(f->interest))
                printf(" interest unknown");
            else
                printf(" interest %.4g-%.4g", f->interest.min, f->interest.max);
            printf(" in %s", kt_graph_entity_id(g, f->interest_in));
        }
        printf("\n");
        print_path(g, f->path, f->depth);
    }
    for (size_t i = 0; i < r->nunknown; i++) {
        const kt_exp_unknown *u = &r->unknown[i];
        printf("  unknown %s why", kt_graph_entity_id(g, u->node));
        for (unsigned b = 1; b < (1u << KT_UNK__COUNT); b <<= 1)
            if (u->why & b)
                printf(" %s", kt_unknown_name(b));
        printf(" depth %d\n", u->depth);
        print_path(g, u->path, u->depth);
    }
    printf("  reached %zu findings %zu unknown %zu\n", r->nreached, r->nfindings, r->nunknown);
    kt_exp_result_free(r);
}

int main(void)
{
    kt_graph *g;
    kt_policy *p;
    kt_graph_init_library();
    p = test_policy();

    printf("1. component two tiers down made in a C2 country\n");
    g = test_load("tiers.jsonl",
                  "{\"id\":\"bidder\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"cam\",\"type\":\"product\",\"country\":\"NL\"}\n"
                  "{\"id\":\"board\",\"type\":\"component\",\"country\":\"DE\"}\n"
                  "{\"id\":\"chip\",\"type\":\"component\"}\n"
                  "{\"id\":\"fab\",\"type\":\"company\",\"country\":\"IR\",\"complete\":true}\n"
                  "{\"rel\":\"offers\",\"from\":\"bidder\",\"to\":\"cam\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"cam\",\"to\":\"board\",\"qty\":1}\n"
                  "{\"rel\":\"contains\",\"from\":\"board\",\"to\":\"chip\",\"qty\":2}\n"
                  "{\"rel\":\"made_by\",\"from\":\"chip\",\"to\":\"fab\"}\n",
                  1);
    run(g, p, "bidder", 0);
    kt_graph_free(g);

    printf("2. an EU supplier reselling a part made in a C1 country\n");
    g = test_load("resell.jsonl",
                  "{\"id\":\"bidder\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"reseller\",\"type\":\"company\",\"country\":\"DE\"}\n"
                  "{\"id\":\"cam\",\"type\":\"product\",\"country\":\"NL\"}\n"
                  "{\"id\":\"modem\",\"type\":\"component\"}\n"
                  "{\"id\":\"maker\",\"type\":\"company\",\"country\":\"CN\",\"complete\":true}\n"
                  "{\"rel\":\"supplies\",\"from\":\"reseller\",\"to\":\"bidder\",\"item\":\"modem\"}\n"
                  "{\"rel\":\"offers\",\"from\":\"bidder\",\"to\":\"cam\"}\n"
                  "{\"rel\":\"contains\",\"from\":\"cam\",\"to\":\"modem\"}\n"
                  "{\"rel\":\"made_by\",\"from\":\"modem\",\"to\":\"maker\"}\n",
                  1);
    run(g, p, "bidder", 0);
    kt_graph_free(g);

    printf("3. a 30%% state-owned owner, a 5%% owner that does not count\n");
    g = test_load("owners.jsonl",
                  "{\"id\":\"target\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
                  "{\"id\":\"hold\",\"type\":\"company\",\"country\":\"DE\",\"state_owned\":true}\n"
                  "{\"id\":\"small\",\"type\":\"company\",\"country\":\"CN\"}\n"
                  "{\"id\":\"p\",\"type\":\"person\",\"country\":\"NL\"}\n"
                  "{\"id\":\"st\",\"type\":\"state\",\"country\":\"DE\"}\n"
                  "{\"rel\":\"owns\",\"from\":\"hold\",\"to\":\"target\",\"share\":30}\n"
                  "{\"rel\":\"owns\",\"from\":\"small\",\"to\":\"target\",\"share\":5}\n"
                  "{\"rel\":\"owns\",\"from\":\"p\",\"to\":\"target\",\"share\":40}\n"
                  "{\"rel\":\"owns\",\"from\":\"st\",\"to\":\"hold\",\"share\":{\"min\":50,\"max\":60}}\n",
                  1);
    run(g, p, "target", 0);
    kt_graph_free(g);

    printf("4. a diamond: one finding, the shortest path with the lowest last relation\n");
    g = test_load("diamond.jsonl",
                  "{\"id\":\"bidder\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"a\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"b\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"x\",\"type\":\"company\",\"country\":\"CN\",\"complete\":true}\n"
                  "{\"rel\":\"supplies\",\"from\":\"a\",\"to\":\"bidder\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"b\",\"to\":\"bidder\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"x\",\"to\":\"b\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"x\",\"to\":\"a\"}\n",
                  1);
    run(g, p, "bidder", 0);
    kt_graph_free(g);

    printf("5a. missing data: no finding, but incomplete\n");
    g = test_load("missing.jsonl",
                  "{\"id\":\"bidder\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"s1\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"s2\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
                  "{\"id\":\"widget\",\"type\":\"product\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"s1\",\"to\":\"bidder\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"s2\",\"to\":\"bidder\"}\n"
                  "{\"rel\":\"offers\",\"from\":\"bidder\",\"to\":\"widget\"}\n",
                  0);
    run(g, p, "bidder", 0);
    kt_graph_free(g);

    printf("5b. complete data: no finding in the data\n");
    g = test_load("clean.jsonl",
                  "{\"id\":\"bidder\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"s2\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
                  "{\"rel\":\"supplies\",\"from\":\"s2\",\"to\":\"bidder\"}\n",
                  1);
    run(g, p, "bidder", 0);
    kt_graph_free(g);

    printf("5c. a chain cut by max_depth 2, then followed to the end\n");
    g = test_load("chain.jsonl",
                  "{\"id\":\"bidder\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"c1\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"c2\",\"type\":\"company\",\"country\":\"NL\"}\n"
                  "{\"id\":\"c3\",\"type\":\"company\",\"country\":\"CN\",\"complete\":true}\n"
                  "{\"rel\":\"supplies\",\"from\":\"c1\",\"to\":\"bidder\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"c2\",\"to\":\"c1\"}\n"
                  "{\"rel\":\"supplies\",\"from\":\"c3\",\"to\":\"c2\"}\n",
                  1);
    run(g, p, "bidder", 2);
    printf("  -- max_depth 25\n");
    run(g, p, "bidder", 0);
    kt_graph_free(g);

    printf("6. the start node itself\n");
    g = test_load("self.jsonl", "{\"id\":\"cnco\",\"type\":\"company\",\"country\":\"CN\",\"complete\":true}\n", 0);
    run(g, p, "cnco", 0);
    kt_graph_free(g);

    kt_policy_free(p);
    return 0;
}
