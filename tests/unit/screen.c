/* screen.c: bulk screening, verdicts, legal routes and prohibitions on hand-built tenders.
 *
 * Policy P1 (data, as always; marks: sanctions make findings): C1 = {CN, HK, TR}, C2 = {CN, HK, IR}, gpa = {NL, DE, US, HK, GB},
 * eu = {NL, DE}, agreements = {MX}; owners count from 10% of votes, control above 50%;
 * prohibition "5k": parties established in RU, or owned more than 50% by one, covering
 * subcontractors above 10% of the contract value.
 * Policy P2: the same sets without `agreements`; state_owned_counts ["C1"]; owner_share 50
 * (above the control threshold 30).
 * Entities (all "complete" unless said): a-nl NL, b-de DE, c-cn CN, d-us US, e-nl NL, h-hk HK,
 * i-ir IR, u-us US, soe-de DE state-owned, sub-nl NL, gap-nl NL (NOT complete, nothing known),
 * product x (NL) containing part y, y made by c-cn (y's origin CN), consortium k (a-nl lead,
 * c-cn member), mx-co MX, r-ru RU, r-sub NL, r-sub2 NL, m-gb GB, a-tr TR, b-cn CN, tr2 TR,
 * f-nl NL, o-nl NL (NOT complete, 100% owned by person p-nl), state st-nl (NL), w-nl NL, t-nl
 * NL, nc-x (a company of unknown country).
 * Relations: soe-de owns 30% of e-nl; c-cn owns 5% of e-nl; c-cn controls sub-nl; h3-nl owns 80%
 * of a3-nl and subcontracts to s3-nl, 50% owned by c-cn; c-cn owns 60% of u-us, 60% of mx-co,
 * 40% of f-nl and controls nc-x; r-ru owns 60% of r-sub and 40% of r-sub2; a-tr owns 100% of
 * m-gb, b-cn 60% of a-tr; st-nl owns 23.5% of t-nl and 100% of w-nl, w-nl 76.5% of t-nl.
 * Tenders give access sensitive_ict and mitigation insufficient (C3A, C3B met) unless said.
 *
 * Hand-worked, P1, regime adv:
 * T1 a-nl, b-de: nothing marked, nothing missing: C1, C2 not_met -> clear; both in the EU: no
 *    route (all_parties_inside).
 * T2 a-nl, c-cn: c-cn itself is C1 C2 (party_itself); CN is outside the EU -> exclusion_possible.
 * T3 subcontractor sub-nl without access: c-cn controls it, but a subcontractor without access is
 *    no party: C1, C2 in_chain -> specify_or_mitigate (in_chain_only).
 * T3b the same subcontractor with access to sensitive locations: a party; controlled from c-cn:
 *    C1, C2 met (controlled_from), and sub-nl gets access: one party carries all.  a-nl is in the
 *    EU, but with a party-level C1 risk ADV's reliability ground applies -> exclusion_possible,
 *    route reliability.
 * T4 a-nl offering x: y (CN) as a component: in_chain -> specify_or_mitigate; the bill of
 *    materials has a known origin throughout (100%).
 * T5 d-us, e-nl: soe-de holds 30% of e-nl (not control): state_owned in_chain; c-cn's 5% is below
 *    owner_share; C2 not_met (complete) -> mitigate; interest 30%.  d-us outside the EU: exists.
 * T6 gap-nl: the data stops at gap-nl (suppliers_unknown), ownership and supply incomplete
 *    (ownership known 0%): C1, C2 unknown -> review.
 * T7 h-hk: party_itself, outside the EU -> exclusion_possible.
 * T8 consortium k: c-cn at depth 0 as a member -> exclusion_possible.
 * T10 member sub-nl, controlled by c-cn: controlled_from; NL; reliability -> exclusion_possible.
 * T11 i-ir offering x: C2 at party level (i-ir), C1 only through y -> C1 in_chain ->
 *    specify_or_mitigate; route exists.
 * T12 u-us, 60% c-cn: control -> party level; interest 60% -> exclusion_possible.
 * T13 a3-nl: c-cn at depth 3 through a subcontract: in_chain; the interest is c-cn's integrated
 *    interest in s3-nl (where the trailing ownership run starts): 50%.
 * T14 (issue 12, item 6) m-gb, 100% a-tr (TR: C1), which is 60% b-cn (CN: C1 C2): both control
 *    m-gb; a-tr gives C1 (interest 100%), b-cn gives C2 too (interest 60% x 100% = 60%): C1, C2
 *    met at m-gb (controlled_from); GB is outside the EU -> exclusion_possible.
 * T15 i-ir (C2) and tr2 (C1), each party_itself: all four met, but no one party carries both ->
 *    specify_or_mitigate (not_one_party).
 * T16 (5k) a-nl with subcontractor r-sub at 15% of the contract value: r-sub is 60% owned by
 *    r-ru (RU): covered (15 > 10) -> prohibited, path r-sub r-ru.
 * T17 the same at 5%: not covered -> clear.
 * T18 the same with no share stated: the prohibition may apply -> review (prohibition_possible).
 * T19 member r-sub2, 40% r-ru: not more than 50% -> clear.
 * T21 member soe-de (state_owned_counts "any"): C1 met party_itself (state_owned), C2 not_met ->
 *    mitigate; route reliability (a party-level C1 risk under ADV).
 * T22 member o-nl: owners add up to 100% (p-nl) but no supplier declared and not complete:
 *    supply incomplete -> C1, C2 unknown -> review; ownership known 100%.
 * T23 member t-nl: the state st-nl holds 23.5% directly and 76.5% through w-nl (100% owned):
 *    controlled through w-nl (76.5% > 50%): C1 met (controlled_from, reason state); the interest
 *    is the integrated 23.5 + 100% x 76.5 = 100%, not 23.5%; C2 not_met -> mitigate.
 * T25 member nc-x (country unknown), controlled by c-cn: C1, C2 met; nc-x itself is unknown
 *    beyond (origin_unknown); adv: reliability -> exclusion_possible.
 * T27 member sx-nl (NL), under a sanction mark the policy makes a finding: no C1 or C2, the data
 *    complete: C1 and C2 not_met.  A listing meets no consideration but is never clear: counted as a
 *    finding, with considerations not met -> mitigate (listing_found).  Route none.
 * P1, regime aw2012: T2 exists (CN outside the GPA and agreements) -> exclusion_possible; T12 US
 *    and T14 GB are GPA parties -> no route -> specify_or_mitigate (no_route); T16mx mx-co (MX,
 *    60% c-cn): an agreements country -> no route -> specify_or_mitigate; T25 country unknown ->
 *    review (all_met_route_unknown).
 * P1, aw2012 with covered_by_agreements false: mx-co and u-us are outside the EU -> exists ->
 *    exclusion_possible.
 * P1, regime none: T2 -> specify_or_mitigate (no route, regime_none); T1 clear; T16 prohibited
 *    (a prohibition applies whatever the regime).
 * P1, adv, mitigation sufficient: T2 -> mitigate.  Access not stated: T2 C3A unknown -> review.
 *    Access none: T2 -> mitigate; gap-nl -> review (no finding, incomplete data; C3A not met).
 * P2, adv: soe-de: DE is in no listed set -> not marked -> clear; t-nl: st-nl (NL) not counted
 *    -> clear; f-nl (40% c-cn: below owner_share 50 but above control 30): controlled from
 *    c-cn -> C1, C2 met at party level, interest 40% -> exclusion_possible (reliability).
 * P2, aw2012: mx-co outside the GPA, the policy lists no agreements -> route unknown -> review.
 * T9 a member id the data lacks: an error naming the bidder and the id; T9b a misspelt key in a
 * member object: an error at its line.
 */
#include <math.h>

#include "../../analyses/kt_screen.h"
#include "test_util.h"

#define SETS                                                                                                    \
    "\"C1\": [\"CN\", \"HK\", \"TR\"], \"C2\": [\"CN\", \"HK\", \"IR\"], \"gpa\": [\"NL\", \"DE\", \"US\", \"HK\", " \
    "\"GB\"], \"eu\": [\"NL\", \"DE\"]"

static const char policy1[] =
    "{\"keten_policy\": \"1\", " SETS ", \"agreements\": {\"countries\": [\"MX\"], \"sources\": [\"test\"]},"
    " \"prohibitions\": [{\"id\": \"5k\", \"legal_basis\": \"Reg. 833/2014 art. 5k\", \"countries\": [\"RU\"],"
    " \"owned_above\": 50, \"covered_share_above\": 10}],"
    " \"marks\": [\"sanction\"], \"thresholds\": {\"owner_share\": 10}}";
static const char policy2[] = "{\"keten_policy\": \"1\", " SETS ", \"state_owned_counts\": [\"C1\"],"
                              " \"thresholds\": {\"owner_share\": 50, \"control\": 30}}";

#define CO(id, c) "{\"id\":\"" id "\",\"type\":\"company\",\"country\":\"" c "\",\"complete\":true}\n"
#define OWNS(a, b, s) "{\"rel\":\"owns\",\"from\":\"" a "\",\"to\":\"" b "\",\"share\":" s "}\n"

static const char data[] =
    CO("a-nl", "NL") CO("b-de", "DE") CO("c-cn", "CN") CO("d-us", "US") CO("e-nl", "NL") CO("h-hk", "HK")
    CO("i-ir", "IR") CO("u-us", "US") CO("a3-nl", "NL") CO("h3-nl", "NL") CO("s3-nl", "NL") CO("sub-nl", "NL")
    CO("mx-co", "MX") CO("r-ru", "RU") CO("r-sub", "NL") CO("r-sub2", "NL") CO("m-gb", "GB") CO("a-tr", "TR")
    CO("b-cn", "CN") CO("tr2", "TR") CO("f-nl", "NL") CO("w-nl", "NL") CO("t-nl", "NL") CO("sx-nl", "NL")
    "{\"mark\":\"sanction\",\"entity\":\"sx-nl\",\"authority\":\"test\"}\n"
    "{\"id\":\"soe-de\",\"type\":\"company\",\"country\":\"DE\",\"state_owned\":true,\"complete\":true}\n"
    "{\"id\":\"gap-nl\",\"type\":\"company\",\"country\":\"NL\"}\n"
    "{\"id\":\"o-nl\",\"type\":\"company\",\"country\":\"NL\"}\n"
    "{\"id\":\"p-nl\",\"type\":\"person\",\"country\":\"NL\"}\n"
    "{\"id\":\"st-nl\",\"type\":\"state\",\"country\":\"NL\"}\n"
    "{\"id\":\"nc-x\",\"type\":\"company\",\"complete\":true}\n"
    "{\"id\":\"x\",\"type\":\"product\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"y\",\"type\":\"component\",\"complete\":true}\n"
    "{\"id\":\"k\",\"type\":\"consortium\"}\n"
    "{\"rel\":\"contains\",\"from\":\"x\",\"to\":\"y\"}\n"
    "{\"rel\":\"made_by\",\"from\":\"y\",\"to\":\"c-cn\"}\n"
    OWNS("soe-de", "e-nl", "30") OWNS("c-cn", "e-nl", "5") OWNS("h3-nl", "a3-nl", "80") OWNS("c-cn", "s3-nl", "50")
    OWNS("c-cn", "u-us", "60") OWNS("c-cn", "mx-co", "60") OWNS("c-cn", "f-nl", "40") OWNS("r-ru", "r-sub", "60")
    OWNS("r-ru", "r-sub2", "40") OWNS("a-tr", "m-gb", "100") OWNS("b-cn", "a-tr", "60") OWNS("p-nl", "o-nl", "100")
    OWNS("st-nl", "t-nl", "23.5") OWNS("st-nl", "w-nl", "100") OWNS("w-nl", "t-nl", "76.5")
    "{\"rel\":\"subcontracts\",\"from\":\"h3-nl\",\"to\":\"s3-nl\"}\n"
    "{\"rel\":\"controls\",\"from\":\"c-cn\",\"to\":\"sub-nl\",\"basis\":\"board\"}\n"
    "{\"rel\":\"controls\",\"from\":\"c-cn\",\"to\":\"nc-x\",\"basis\":\"board\"}\n"
    "{\"rel\":\"member_of\",\"from\":\"a-nl\",\"to\":\"k\",\"role\":\"lead\"}\n"
    "{\"rel\":\"member_of\",\"from\":\"c-cn\",\"to\":\"k\",\"role\":\"member\"}\n";

static void print_items(const kt_graph *g, const kt_screen_item *v, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        const kt_screen_item *x = &v[i];
        printf("    %s %s depth %d from %s (%s)", what, kt_graph_entity_id(g, x->node), x->depth,
               kt_graph_entity_id(g, x->start), kt_role_name(x->role));
        if (x->prohibition >= 0)
            printf(" prohibition %d covered %d", x->prohibition, x->covered);
        else if (what[0] == 'f') {
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

static void print_result(const kt_graph *g, const char *label, const kt_tender *t, const kt_screen_result *r)
{
    printf("%s %s: %s  C1 %s C2 %s C3A %s C3B %s  route %s\n", label, kt_regime_name(t->regime),
           kt_verdict_name(r->verdict), kt_cons_name(r->cons[KT_C1]), kt_cons_name(r->cons[KT_C2]),
           kt_cons_name(r->cons[KT_C3A]), kt_cons_name(r->cons[KT_C3B]), kt_route_name(r->route));
    printf("    why");
    for (int w = 0; w < KT_WHY__COUNT; w++)
        printf(" %s", kt_screen_rule_name(r->why[w]));
    printf("\n    complete");
    for (int d = 0; d < KT_DIM__COUNT; d++)
        printf(" %s %s", kt_dim_name(d), r->complete[d] ? "yes" : "no");
    printf("; bom %s; ownership %.1f\n", isnan(r->bom_known) ? "none" : r->bom_known == 100 ? "100" : "partial",
           r->ownership_known);
    print_items(g, r->findings, r->nfindings, "finding");
    print_items(g, r->unknown, r->nunknown, "unknown");
    print_items(g, r->prohibited, r->nprohibited, "prohibited");
}

/* Screen every bidder of a tender whose header is head and bidders the JSON list bidders. */
static void run(const kt_screen *s, const kt_graph *g, const char *head, const char *bidders)
{
    char text[4096];
    kt_tender *t = NULL;
    kt_errinfo ei;
    snprintf(text, sizeof text, "{\"keten_tender\": \"1\", \"id\": \"t\", \"data\": \"d\", %s, \"bidders\": %s}", head,
             bidders);
    if (kt_load_tender_buffer("t.json", text, strlen(text), &t, &ei) != KT_OK) {
        printf("tender: %s:%ld: %s\n", ei.file, ei.line, ei.msg);
        return;
    }
    kt_screen_tender ctx = {t->regime, t->access, t->access_given, t->mitigation, t->covered_by_agreements};
    for (size_t b = 0; b < t->nbidders; b++) {
        kt_screen_result r;
        if (kt_screen_bidder(s, &ctx, &t->bidders[b], &r, &ei) != KT_OK) {
            printf("%s: error %s\n", t->bidders[b].id, ei.msg);
            continue;
        }
        print_result(g, t->bidders[b].id, t, &r);
        kt_screen_result_destroy(&r);
    }
    kt_tender_free(t);
}

#define ADV "\"regime\": \"adv\", \"access\": [\"sensitive_ict\"], \"mitigation\": \"insufficient\""
#define AW "\"regime\": \"aw2012\", \"access\": [\"sensitive_ict\"], \"mitigation\": \"insufficient\""
#define M(id, m) "{\"id\": \"" id "\", \"members\": [" m "]}"

int main(void)
{
    kt_policy *p1 = NULL, *p2 = NULL;
    kt_errinfo ei;
    kt_screen *s1 = NULL, *s2 = NULL;
    kt_graph_init_library();
    if (kt_load_policy_buffer("p1.json", policy1, strlen(policy1), &p1, &ei) != KT_OK ||
        kt_load_policy_buffer("p2.json", policy2, strlen(policy2), &p2, &ei) != KT_OK) {
        printf("policy: %s:%ld: %s\n", ei.file, ei.line, ei.msg);
        return 1;
    }
    kt_graph *g = test_load("data.jsonl", data, 0);
    if (!g || kt_screen_new(g, p1, &s1) != KT_OK || kt_screen_new(g, p2, &s2) != KT_OK)
        return 1;

    printf("== P1 adv\n");
    run(s1, g, ADV,
        "[" M("T1", "{\"id\": \"a-nl\", \"lead\": true}, \"b-de\"") ", " M("T2", "\"a-nl\", \"c-cn\"") ","
        " {\"id\": \"T3\", \"members\": [\"a-nl\"], \"subcontractors\": [\"sub-nl\"]},"
        " {\"id\": \"T3b\", \"members\": [\"a-nl\"], \"subcontractors\": [{\"id\": \"sub-nl\", \"access\": "
        "[\"sensitive_locations\"]}]},"
        " {\"id\": \"T4\", \"members\": [\"a-nl\"], \"offers\": [\"x\"]}, " M("T5", "{\"id\": \"d-us\", \"lead\": true}, \"e-nl\"") ", "
        M("T6", "\"gap-nl\"") ", " M("T7", "\"h-hk\"") ", {\"id\": \"T8\", \"consortium\": \"k\"}, " M("T10", "\"sub-nl\"") ","
        " {\"id\": \"T11\", \"members\": [\"i-ir\"], \"offers\": [\"x\"]}, " M("T12", "\"u-us\"") ", " M("T13", "\"a3-nl\"") ", "
        M("T14", "\"m-gb\"") ", " M("T15", "\"i-ir\", \"tr2\"") ","
        " {\"id\": \"T16\", \"members\": [\"a-nl\"], \"subcontractors\": [{\"id\": \"r-sub\", \"share\": 15}]},"
        " {\"id\": \"T17\", \"members\": [\"a-nl\"], \"subcontractors\": [{\"id\": \"r-sub\", \"share\": 5}]},"
        " {\"id\": \"T18\", \"members\": [\"a-nl\"], \"subcontractors\": [\"r-sub\"]}, " M("T19", "\"r-sub2\"") ", "
        M("T21", "\"soe-de\"") ", " M("T22", "\"o-nl\"") ", " M("T23", "\"t-nl\"") ", " M("T25", "\"nc-x\"") ", " M("T27", "\"sx-nl\"") "]");
    printf("== P1 aw2012\n");
    run(s1, g, AW,
        "[" M("T2", "\"a-nl\", \"c-cn\"") ", " M("T12", "\"u-us\"") ", " M("T14", "\"m-gb\"") ", " M("T16mx", "\"mx-co\"") ", "
        M("T25", "\"nc-x\"") "]");
    printf("== P1 aw2012, not covered by the agreements\n");
    run(s1, g, AW ", \"covered_by_agreements\": false", "[" M("T16mx", "\"mx-co\"") ", " M("T12", "\"u-us\"") "]");
    printf("== P1 none\n");
    run(s1, g, "\"regime\": \"none\", \"access\": [\"sensitive_ict\"], \"mitigation\": \"insufficient\"",
        "[" M("T1", "\"a-nl\", \"b-de\"") ", " M("T2", "\"a-nl\", \"c-cn\"") ","
        " {\"id\": \"T16\", \"members\": [\"a-nl\"], \"subcontractors\": [{\"id\": \"r-sub\", \"share\": 15}]}]");
    printf("== P1 adv, mitigation sufficient\n");
    run(s1, g, "\"regime\": \"adv\", \"access\": [\"sensitive_ict\"], \"mitigation\": \"sufficient\"",
        "[" M("T2", "\"a-nl\", \"c-cn\"") "]");
    printf("== P1 adv, access not stated\n");
    run(s1, g, "\"regime\": \"adv\", \"mitigation\": \"insufficient\"", "[" M("T2", "\"a-nl\", \"c-cn\"") "]");
    printf("== P1 adv, no access\n");
    run(s1, g, "\"regime\": \"adv\", \"access\": [], \"mitigation\": \"insufficient\"",
        "[" M("T2", "\"a-nl\", \"c-cn\"") ", " M("T6", "\"gap-nl\"") "]");
    printf("== P2 adv\n");
    run(s2, g, ADV, "[" M("T21", "\"soe-de\"") ", " M("T23", "\"t-nl\"") ", " M("T26", "\"f-nl\"") "]");
    printf("== P2 aw2012\n");
    run(s2, g, AW, "[" M("T16mx", "\"mx-co\"") "]");
    printf("== errors\n");
    run(s1, g, ADV, "[" M("T9", "\"nobody\"") "]");
    run(s1, g, ADV, "[{\"id\": \"T9b\", \"members\": [{\"id\": \"a-nl\", \"ownr_share\": 3}]}]");

    kt_screen_free(s1);
    kt_screen_free(s2);
    kt_graph_free(g);
    kt_policy_free(p1);
    kt_policy_free(p2);
    return 0;
}
