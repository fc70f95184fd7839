/* screen.c: bulk screening, verdicts and legal routes on hand-built tenders.
 *
 * Test policy (data, as always): C1 = {CN, HK}, C2 = {CN, HK, IR}, gpa = {NL, DE, US, HK},
 * eu = {NL, DE}; owners count from 10% of votes.
 * Entities (all "complete" unless said): a-nl NL, b-de DE, c-cn CN, d-us US, e-nl NL,
 * h-hk HK, soe-de DE state-owned, sub-nl NL, gap-nl NL (NOT complete, nothing known about its
 * suppliers or owners), product x (NL) containing part y, y made by c-cn (so y's origin is CN).
 * Relations: soe-de owns 30% of e-nl; c-cn owns 5% of e-nl; c-cn controls sub-nl (board);
 * consortium k: a-nl lead, c-cn member.
 * Tender context A: access given (sensitive ICT), mitigation insufficient: C3A met, C3B met.
 *
 * T1 clean: members a-nl (lead), b-de.  Nothing marked is reachable, no node where the data
 *    stops: C1 not_met, C2 not_met -> clear.  adv: both in the EU -> route none (0).
 * T2 member from CN: members a-nl, c-cn.  c-cn itself is marked C1 C2 (depth 0, party level).
 *    adv: CN outside the EU -> route exists -> all four met at party level -> exclusion_possible.
 * T3 lead clean, subcontractor controlled from CN: member a-nl, subcontractor sub-nl; sub-nl
 *    -controls- c-cn at depth 1 from the subcontractor: not party level -> specify_or_mitigate.
 * T4 component from CN: member a-nl offers x; x contains y (origin CN): finding y, via
 *    component, depth 1 -> specify_or_mitigate.
 * T5 US lead, member owned 30% by a state-owned enterprise: members d-us (lead), e-nl.
 *    soe-de reached by ownership at depth 1 from e-nl, interest 30%: C1 met (state_owned);
 *    c-cn holds only 5% (< 10%): not followed, so C2 not met and the data is complete:
 *    -> mitigate.  adv: d-us is outside the EU -> route exists; aw2012: US is a GPA party ->
 *    route none.  The verdict is mitigate under both.
 * T6 gap: member gap-nl: the data stops at gap-nl itself (suppliers_unknown, depth 0): C1 and C2
 *    unknown -> review.
 * T7 same party-level risk, two regimes: member h-hk (HK: C1 C2, a GPA party, outside the EU).
 *    adv: route exists -> exclusion_possible.  aw2012: HK is a GPA party -> route none ->
 *    specify_or_mitigate.
 * T8 consortium k (a-nl lead, c-cn member): as T2; c-cn is reached from the consortium at
 *    depth 1 (membership) and from its own start at depth 0: one finding, the depth-0 party-level
 *    one -> exclusion_possible under adv.
 * T10 member sub-nl, controlled by c-cn through an explicit control relation: the finding c-cn
 *    at depth 1 is party level ("controlled from"); sub-nl is in the EU, so no route under adv
 *    -> specify_or_mitigate.
 * T11 member i-ir (IR: C2 only, outside the EU) offering x, whose part y comes from CN: C1 is met
 *    only through the component, C2 at party level.  All four considerations are met, but not
 *    both at the bidder's own level -> specify_or_mitigate, although the route exists (1).
 * T12 member u-us (US: outside the EU, a GPA party), 60% owned by c-cn: 60% of the votes is more
 *    than the 50% control threshold, so u-us is controlled from c-cn: party level (C1 C2).
 *    adv: route exists -> exclusion_possible; aw2012: no route -> specify_or_mitigate.
 *    T5's soe-de holds 30% of e-nl: no control, so T5 stays not party level.
 * T13 member a3-nl, 80% owned by h3-nl, which subcontracts to s3-nl, 50% owned by c-cn: the
 *    finding c-cn at depth 3 (ownership, subcontract, ownership).  Its interest is that of the
 *    trailing run of ownership steps: 50% (of s3-nl), not 80% x 50%.  Not party level (the
 *    subcontract step breaks the control chain) -> specify_or_mitigate, route none (NL).
 * T9 a member id the data lacks: an error naming the bidder and the id.
 * T2 under context B (mitigation sufficient: C3B not met) -> mitigate; under context C
 *    (access not stated: C3A unknown) -> review.
 */
#include "../../analyses/kt_screen.h"
#include "test_util.h"

static const char policy_text[] =
    "{\"keten_policy\": \"1\", \"C1\": [\"CN\", \"HK\"], \"C2\": [\"CN\", \"HK\", \"IR\"],"
    " \"gpa\": [\"NL\", \"DE\", \"US\", \"HK\"], \"eu\": [\"NL\", \"DE\"], \"thresholds\": {\"owner_share\": 10}}";

static const char data[] =
    "{\"id\":\"a-nl\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"b-de\",\"type\":\"company\",\"country\":\"DE\",\"complete\":true}\n"
    "{\"id\":\"c-cn\",\"type\":\"company\",\"country\":\"CN\",\"complete\":true}\n"
    "{\"id\":\"d-us\",\"type\":\"company\",\"country\":\"US\",\"complete\":true}\n"
    "{\"id\":\"e-nl\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"h-hk\",\"type\":\"company\",\"country\":\"HK\",\"complete\":true}\n"
    "{\"id\":\"i-ir\",\"type\":\"company\",\"country\":\"IR\",\"complete\":true}\n"
    "{\"id\":\"u-us\",\"type\":\"company\",\"country\":\"US\",\"complete\":true}\n"
    "{\"id\":\"a3-nl\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"h3-nl\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"s3-nl\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"rel\":\"owns\",\"from\":\"h3-nl\",\"to\":\"a3-nl\",\"share\":80}\n"
    "{\"rel\":\"subcontracts\",\"from\":\"h3-nl\",\"to\":\"s3-nl\"}\n"
    "{\"rel\":\"owns\",\"from\":\"c-cn\",\"to\":\"s3-nl\",\"share\":50}\n"
    "{\"rel\":\"owns\",\"from\":\"c-cn\",\"to\":\"u-us\",\"share\":60}\n"
    "{\"id\":\"soe-de\",\"type\":\"company\",\"country\":\"DE\",\"state_owned\":true,\"complete\":true}\n"
    "{\"id\":\"sub-nl\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"gap-nl\",\"type\":\"company\",\"country\":\"NL\"}\n"
    "{\"id\":\"x\",\"type\":\"product\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"y\",\"type\":\"component\",\"complete\":true}\n"
    "{\"id\":\"k\",\"type\":\"consortium\"}\n"
    "{\"rel\":\"contains\",\"from\":\"x\",\"to\":\"y\"}\n"
    "{\"rel\":\"made_by\",\"from\":\"y\",\"to\":\"c-cn\"}\n"
    "{\"rel\":\"owns\",\"from\":\"soe-de\",\"to\":\"e-nl\",\"share\":30}\n"
    "{\"rel\":\"owns\",\"from\":\"c-cn\",\"to\":\"e-nl\",\"share\":5}\n"
    "{\"rel\":\"controls\",\"from\":\"c-cn\",\"to\":\"sub-nl\",\"basis\":\"board\"}\n"
    "{\"rel\":\"member_of\",\"from\":\"a-nl\",\"to\":\"k\",\"role\":\"lead\"}\n"
    "{\"rel\":\"member_of\",\"from\":\"c-cn\",\"to\":\"k\",\"role\":\"member\"}\n";

static void print_items(const kt_graph *g, const kt_screen_item *v, size_t n, int finding)
{
    for (size_t i = 0; i < n; i++) {
        const kt_screen_item *x = &v[i];
        printf("    %s %s depth %d from %s (%s)", finding ? "finding" : "unknown", kt_graph_entity_id(g, x->node),
               x->depth, kt_graph_entity_id(g, x->start), kt_role_name(x->role));
        if (finding) {
            printf(" reasons");
            for (unsigned bit = 1; bit < (1u << KT_REASON__COUNT); bit <<= 1)
                if (x->reasons & bit)
                    printf(" %s", kt_reason_name(bit));
            printf("%s", x->party ? " party" : "");
            if (!kt_ival_is_unknown(x->interest))
                printf(" interest %.1f-%.1f", x->interest.min, x->interest.max);
        } else {
            printf(" why");
            for (unsigned bit = 1; bit < (1u << KT_UNK__COUNT); bit <<= 1)
                if (x->why & bit)
                    printf(" %s", kt_unknown_name(bit));
        }
        printf(" path");
        for (int k = 0; k <= x->depth; k++)
            printf(" %s", kt_graph_entity_id(g, x->nodes[k]));
        printf("\n");
    }
}

static void run(const kt_screen *s, const kt_graph *g, const kt_screen_tender *ctx, const char *label,
                kt_tender_bidder *b)
{
    kt_screen_result r;
    kt_errinfo ei;
    if (kt_screen_bidder(s, ctx, b, &r, &ei) != KT_OK) {
        printf("%s: error %s\n", label, ei.msg);
        return;
    }
    printf("%s %s: %s  C1 %s C2 %s C3A %s C3B %s  route %d\n", label, kt_regime_name(ctx->regime),
           kt_verdict_name(r.verdict), kt_cons_name(r.cons[KT_C1]), kt_cons_name(r.cons[KT_C2]),
           kt_cons_name(r.cons[KT_C3A]), kt_cons_name(r.cons[KT_C3B]), r.route);
    print_items(g, r.findings, r.nfindings, 1);
    print_items(g, r.unknown, r.nunknown, 0);
    kt_screen_result_destroy(&r);
}

int main(void)
{
    kt_policy *p = NULL;
    kt_errinfo ei;
    kt_screen *s = NULL;
    kt_graph_init_library();
    if (kt_load_policy_buffer("policy.json", policy_text, strlen(policy_text), &p, &ei) != KT_OK) {
        printf("policy: %s\n", ei.msg);
        return 1;
    }
    kt_graph *g = test_load("data.jsonl", data, 0);
    if (!g || kt_screen_new(g, p, &s) != KT_OK)
        return 1;

    kt_screen_tender adv = {KT_REGIME_ADV, KT_ACCESS_ICT, 1, KT_MITIGATION_INSUFFICIENT};
    kt_screen_tender aw = {KT_REGIME_AW2012, KT_ACCESS_ICT, 1, KT_MITIGATION_INSUFFICIENT};
    kt_screen_tender mit = {KT_REGIME_ADV, KT_ACCESS_ICT, 1, KT_MITIGATION_SUFFICIENT};
    kt_screen_tender noacc = {KT_REGIME_ADV, 0, 0, KT_MITIGATION_INSUFFICIENT};

    kt_tender_member m1[] = {{"a-nl", 1}, {"b-de", 0}};
    kt_tender_member m2[] = {{"a-nl", 1}, {"c-cn", 0}};
    kt_tender_member m3[] = {{"a-nl", 1}};
    kt_tender_member m5[] = {{"d-us", 1}, {"e-nl", 0}};
    kt_tender_member m6[] = {{"gap-nl", 1}};
    kt_tender_member m7[] = {{"h-hk", 1}};
    kt_tender_member m10[] = {{"sub-nl", 1}};
    kt_tender_member m11[] = {{"i-ir", 1}};
    kt_tender_member m12[] = {{"u-us", 1}};
    kt_tender_member m13[] = {{"a3-nl", 1}};
    char *subs3[] = {"sub-nl"};
    char *offers4[] = {"x"};
    kt_tender_bidder t1 = {"T1", "clean", NULL, m1, 2, NULL, 0, NULL, 0, 1};
    kt_tender_bidder t2 = {"T2", "member CN", NULL, m2, 2, NULL, 0, NULL, 0, 2};
    kt_tender_bidder t3 = {"T3", "subcontractor", NULL, m3, 1, subs3, 1, NULL, 0, 3};
    kt_tender_bidder t4 = {"T4", "component", NULL, m3, 1, NULL, 0, offers4, 1, 4};
    kt_tender_bidder t5 = {"T5", "soe owner", NULL, m5, 2, NULL, 0, NULL, 0, 5};
    kt_tender_bidder t6 = {"T6", "gap", NULL, m6, 1, NULL, 0, NULL, 0, 6};
    kt_tender_bidder t7 = {"T7", "hk", NULL, m7, 1, NULL, 0, NULL, 0, 7};
    kt_tender_bidder t8 = {"T8", "consortium", "k", NULL, 0, NULL, 0, NULL, 0, 8};
    kt_tender_bidder t10 = {"T10", "controlled member", NULL, m10, 1, NULL, 0, NULL, 0, 10};
    kt_tender_bidder t11 = {"T11", "iran member, chinese part", NULL, m11, 1, NULL, 0, offers4, 1, 11};
    kt_tender_bidder t12 = {"T12", "us member, chinese majority owner", NULL, m12, 1, NULL, 0, NULL, 0, 12};
    kt_tender_bidder t13 = {"T13", "ownership, subcontract, ownership", NULL, m13, 1, NULL, 0, NULL, 0, 13};
    kt_tender_bidder bad = {"T9", "bad", NULL, (kt_tender_member[]){{"nobody", 1}}, 1, NULL, 0, NULL, 0, 9};

    run(s, g, &adv, "T1", &t1);
    run(s, g, &adv, "T2", &t2);
    run(s, g, &adv, "T3", &t3);
    run(s, g, &adv, "T4", &t4);
    run(s, g, &adv, "T5", &t5);
    run(s, g, &aw, "T5", &t5);
    run(s, g, &adv, "T6", &t6);
    run(s, g, &adv, "T7", &t7);
    run(s, g, &aw, "T7", &t7);
    run(s, g, &adv, "T8", &t8);
    run(s, g, &mit, "T2 mitigation sufficient", &t2);
    run(s, g, &noacc, "T2 access not stated", &t2);
    run(s, g, &adv, "T10", &t10);
    run(s, g, &adv, "T11", &t11);
    run(s, g, &adv, "T12", &t12);
    run(s, g, &aw, "T12", &t12);
    run(s, g, &adv, "T13", &t13);
    run(s, g, &adv, "T9", &bad);

    kt_screen_free(s);
    kt_graph_free(g);
    kt_policy_free(p);
    return 0;
}
