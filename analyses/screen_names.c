/* screen_names.c: the names and sentences of screening's verdicts, states and rules (one place,
 * so every output format says the same). */
#include <string.h>

#include "kt_screen.h"

static const char *verdict_names[KT_VERDICT__COUNT] = {"clear", "mitigate", "review", "specify_or_mitigate",
                                                        "exclusion_possible", "prohibited"};

const char *kt_verdict_name(kt_verdict v)
{
    return (unsigned)v < KT_VERDICT__COUNT ? verdict_names[v] : "?";
}

int kt_verdict_parse(const char *s, kt_verdict *out)
{
    for (int i = 0; i < KT_VERDICT__COUNT; i++)
        if (strcmp(s, verdict_names[i]) == 0) {
            *out = (kt_verdict)i;
            return 0;
        }
    return -1;
}

const char *kt_cons_name(kt_cons c)
{
    switch (c) {
    case KT_CONS_MET: return "met";
    case KT_CONS_NOT_MET: return "not_met";
    case KT_CONS_IN_CHAIN: return "in_chain";
    default: return "unknown";
    }
}

const char *kt_role_name(kt_screen_role r)
{
    static const char *names[] = {"consortium", "lead", "member", "subcontractor", "offer"};
    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
}

const char *kt_route_name(kt_route r)
{
    switch (r) {
    case KT_ROUTE_EXISTS: return "exists";
    case KT_ROUTE_RELIABILITY: return "reliability";
    case KT_ROUTE_NONE: return "none";
    default: return "unknown";
    }
}

const char *kt_dim_name(int dim)
{
    static const char *names[KT_DIM__COUNT] = {"ownership", "supply", "components"};
    return (unsigned)dim < KT_DIM__COUNT ? names[dim] : "?";
}

static const struct {
    const char *name, *text;
} rules[KT_RULE__COUNT] = {
    [KT_RULE_PARTY_ITSELF] = {"party_itself", "the party itself is from a country in the set (or, for C1, is a "
                                              "state company or a state)"},
    [KT_RULE_CONTROLLED_FROM] =
        {"controlled_from",
         "a party controlling it through a chain of control (controls relations, or more than the control share of the "
         "votes at each step) is marked; for C2 a party controlled from a C2 country is read as coming from it (a "
         "subsidiary belongs to its parent's group)"},
    [KT_RULE_IN_CHAIN] = {"in_chain", "found only through components, suppliers, subcontractors without access or "
                                      "owners that do not control: a ground for requirements, not for exclusion"},
    [KT_RULE_NONE_INCOMPLETE] = {"no_finding_data_incomplete", "no finding, but the data stops on some path"},
    [KT_RULE_NONE_COMPLETE] = {"no_finding_data_complete", "no finding, and the data is complete along every path"},
    [KT_RULE_ACCESS_PARTY] = {"party_gets_access", "a party gets access to sensitive locations, ICT systems or vital "
                                                   "infrastructure"},
    [KT_RULE_ACCESS_NONE] = {"no_access", "no party gets such access"},
    [KT_RULE_ACCESS_UNSTATED] = {"access_not_stated", "the tender does not state the access a member gets"},
    [KT_RULE_MITIGATION] = {"assessor_mitigation", "the assessor's answer on whether mitigating measures are possible "
                                                   "and sufficient"},
    [KT_RULE_ROUTE_OUTSIDE_GPA] = {"aw2012_outside_gpa_and_agreements",
                                   "Aanbestedingswet 2012: a party established outside the GPA parties and the "
                                   "countries whose trade agreement with the EU covers procurement may be excluded"},
    [KT_RULE_ROUTE_NOT_COVERED] = {"aw2012_contract_not_covered",
                                   "Aanbestedingswet 2012, a contract outside the GPA and the trade agreements: a "
                                   "party established outside the EU may be excluded"},
    [KT_RULE_ROUTE_OUTSIDE_EU] = {"adv_outside_eu", "ADV: a party established outside the EU may be excluded"},
    [KT_RULE_ROUTE_RELIABILITY] = {"adv_reliability",
                                   "ADV (Directive 2009/81/EC art. 39(2)(e)): a bidder found not reliable enough to "
                                   "exclude risks to national security may be excluded, wherever it is established; "
                                   "this needs the assessor's finding"},
    [KT_RULE_ROUTE_REGIME_NONE] = {"regime_none", "the buyer is outside the procurement acts: there is no exclusion "
                                                  "route under them"},
    [KT_RULE_ROUTE_INSIDE] = {"all_parties_inside", "every party that tenders is established where the route does not "
                                                    "apply: there is no exclusion route"},
    [KT_RULE_ROUTE_COUNTRY_UNKNOWN] = {"country_unknown", "where a party that tenders is established is not known"},
    [KT_RULE_ROUTE_NO_AGREEMENTS] = {"agreements_not_in_policy",
                                     "a party is established outside the GPA parties, and the policy lists no trade "
                                     "agreements (\"agreements\") to tell whether one covers it"},
    [KT_RULE_V_PROHIBITED] = {"prohibition_applies", "a statutory prohibition declared in the policy applies to a "
                                                     "covered party, whatever the considerations say"},
    [KT_RULE_V_EXCLUSION] = {"all_met_one_party_route",
                             "all four considerations are met, by one party at party level that gets access, and a "
                             "legal route exists: exclusion may be considered"},
    [KT_RULE_V_ROUTE_UNKNOWN] = {"all_met_route_unknown", "all four considerations are met at party level, but whether "
                                                          "a legal route exists is not known: establish it first"},
    [KT_RULE_V_PROHIBITION_POSSIBLE] = {"prohibition_possible",
                                        "a prohibition would apply to a subcontractor whose share of the contract "
                                        "value is not stated: establish it"},
    [KT_RULE_V_NOT_MET] = {"consideration_not_met", "a finding, but a consideration is not met: exclusion is not "
                                                    "indicated; consider mitigating measures"},
    [KT_RULE_V_UNKNOWN] = {"consideration_unknown", "a finding, no consideration fails, but one is unknown: review "
                                                    "before deciding"},
    [KT_RULE_V_NOT_ONE_PARTY] = {"not_one_party", "C1, C2, C3A and C3B are met, but no one party carries C1 and C2 at "
                                                  "party level and gets access: set requirements in the "
                                                  "specifications or the contract"},
    [KT_RULE_V_CHAIN_ONLY] = {"in_chain_only", "C1 or C2 is found only in the chain (the rest met): set "
                                               "requirements in the specifications or the contract, not exclusion"},
    [KT_RULE_V_NO_ROUTE] = {"no_route", "all four are met at party level, but there is no exclusion route: set "
                                        "requirements in the specifications or the contract"},
    [KT_RULE_V_INCOMPLETE] = {"no_finding_data_incomplete",
                              "no finding, but the data is incomplete: review before deciding (even when C3A or C3B "
                              "is not met, \"clear\" would claim complete data)"},
    [KT_RULE_V_CLEAR] = {"no_finding_data_complete", "no finding in the data, and every dimension is complete"},
    [KT_RULE_V_MARKED] = {"listing_found", "a listing the policy makes a finding (sanction, debarment or export "
                                           "control) is found; it meets no consideration by itself: consider "
                                           "mitigating measures"},
};

const char *kt_screen_rule_name(kt_screen_rule r)
{
    return (unsigned)r < KT_RULE__COUNT ? rules[r].name : "?";
}

const char *kt_screen_rule_text(kt_screen_rule r)
{
    return (unsigned)r < KT_RULE__COUNT ? rules[r].text : "?";
}
