/* kt_policy.h: the user's screening policy, as data.
 *
 * keten names no country: which countries count for consideration C1 (laws obliging
 * cooperation with intelligence or military services), C2 (an offensive intelligence
 * programme against the Netherlands), the WTO GPA (Aanbestedingswet 2012 route) or the EU
 * (ADV route) comes from the policy file the user supplies (loaders/policy.c reads it;
 * samples/policy.json is an example with its public sources).
 *
 * Ownership: kt_policy_new() results belong to the caller (kt_policy_free() accepts NULL).
 * Strings returned are owned by the policy. */
#ifndef KT_POLICY_H
#define KT_POLICY_H

#include <stdint.h>

#include "kt_country.h"
#include "kt_graph.h"
#include "kt_measures.h"

/* Reasons a node is marked.  C1, C2, STATE_OWNED and STATE make a finding (the last two count
 * for C1: "or is a state company"); NON_GPA and NON_EU say which exclusion route the node's
 * country would open and annotate findings and bidders' members. */
enum {
    KT_REASON_C1 = 1u << 0,
    KT_REASON_C2 = 1u << 1,
    KT_REASON_STATE_OWNED = 1u << 2, /* a state_owned entity, when the policy's state_owned_counts takes it */
    KT_REASON_NON_GPA = 1u << 3,
    KT_REASON_NON_EU = 1u << 4,
    /* an entity mark in force on the graph's date (kt_graph_date) whose kind the policy names
     * under "marks" (kt_policy_mark_set): each makes a finding of its own */
    KT_REASON_SANCTIONED = 1u << 5,        /* a sanction mark */
    KT_REASON_DEBARRED = 1u << 6,          /* a debarment mark */
    KT_REASON_EXPORT_CONTROLLED = 1u << 7, /* an export control mark */
    KT_REASON_STATE = 1u << 8,             /* a state entity, when state_owned_counts takes it */
    KT_REASON__COUNT = 9
};
#define KT_REASON_MARKS (KT_REASON_SANCTIONED | KT_REASON_DEBARRED | KT_REASON_EXPORT_CONTROLLED)
#define KT_REASON_RISK (KT_REASON_C1 | KT_REASON_C2 | KT_REASON_STATE_OWNED | KT_REASON_STATE | KT_REASON_MARKS)
/* What counts for consideration 1. */
#define KT_REASON_C1_ANY (KT_REASON_C1 | KT_REASON_STATE_OWNED | KT_REASON_STATE)

/* The country sets.  AGREEMENTS: countries whose trade agreement with the EU covers
 * procurement ("GPA en handelsakkoorden"); optional in the file (when absent, the
 * Aanbestedingswet 2012 route is unknown for a party outside the GPA). */
typedef enum { KT_SET_C1 = 0, KT_SET_C2, KT_SET_GPA, KT_SET_EU, KT_SET_AGREEMENTS, KT_SET__COUNT } kt_policy_set;
const char *kt_policy_set_key(kt_policy_set s); /* "C1", "C2", "gpa", "eu", "agreements" */

typedef struct kt_policy kt_policy;

kt_policy *kt_policy_new(void);
void kt_policy_free(kt_policy *p);

/* Building (loaders/policy.c). */
void kt_policy_set_add(kt_policy *p, kt_policy_set s, unsigned country_index);
void kt_policy_set_given(kt_policy *p, kt_policy_set s); /* the set was named in the file */
kt_err kt_policy_set_text(kt_policy *p, const char *name, const char *file);

/* Which state_owned and state entities count for C1.  Default: every one ("a state company",
 * without qualification).  kt_policy_state_counts_sets narrows it to entities whose country is
 * in one of the sets given as a bit mask of (1u << kt_policy_set). */
void kt_policy_state_counts_sets(kt_policy *p, unsigned set_mask);
unsigned kt_policy_state_counts(const kt_policy *p); /* 0: any */

/* Statutory prohibitions that apply whatever the considerations say (e.g. Council Regulation
 * (EU) 833/2014 art. 5k): no award to a party established in one of `countries`, or owned
 * more than owned_above % (capital, through a chain of holdings each above it) by such a
 * party; covering the bidder's own parties and its subcontractors whose share of the contract
 * value is above covered_share_above %. */
#define KT_PROHIBITION_MAX 4
typedef struct {
    char *id, *basis, *source;
    uint8_t countries[KT_COUNTRY_MAX / 8];
    double owned_above;
    double covered_share_above;
} kt_prohibition;

/* Adds an empty prohibition (copies of the strings) and returns it, or NULL when out of memory
 * or KT_PROHIBITION_MAX are declared. */
kt_prohibition *kt_policy_prohibition_add(kt_policy *p, const char *id, const char *basis, const char *source);
size_t kt_policy_prohibition_count(const kt_policy *p);
const kt_prohibition *kt_policy_prohibition(const kt_policy *p, size_t i);
int kt_prohibition_country(const kt_prohibition *x, unsigned country_index);

/* Thresholds: owner_share (percent of votes from which an owner's origin counts; default
 * 10, Wet vifo significant influence), control (default 50, majority), max_depth (default
 * 25 steps). */
typedef struct {
    double owner_share;
    double control;
    int max_depth;
} kt_policy_thresholds;

kt_policy_thresholds *kt_policy_thresholds_mut(kt_policy *p);
const kt_policy_thresholds *kt_policy_thresholds_get(const kt_policy *p);

/* Which mark kinds make a finding (policy key "marks"); sanction_linked never does: being
 * linked to a listed party is not being listed. */
void kt_policy_mark_set(kt_policy *p, kt_mark_kind k);
int kt_policy_mark_makes_finding(const kt_policy *p, kt_mark_kind k);
/* The reason bit a mark kind gives (0 for sanction_linked). */
unsigned kt_mark_reason(kt_mark_kind k);

/* "directors_control": true in the policy: a director_of relation counts as control (default:
 * a director is shown, not counted as a controller).  Apply with kt_graph_set_directors_control. */
void kt_policy_set_directors_control(kt_policy *p, int on);
int kt_policy_directors_control(const kt_policy *p);

int kt_policy_in_set(const kt_policy *p, kt_policy_set s, unsigned country_index);
int kt_policy_set_was_given(const kt_policy *p, kt_policy_set s);
const char *kt_policy_name(const kt_policy *p); /* "" when none */
const char *kt_policy_file(const kt_policy *p);

/* The reasons for one country alone (C1, C2, NON_GPA, NON_EU); 0 for country index 0. */
unsigned kt_policy_country_reasons(const kt_policy *p, unsigned country_index);

/* The origin country of vertex v: an item's own country, else the country on its made_by, else
 * its manufacturer's country; any other entity's own country.  0 when unknown. */
unsigned kt_policy_origin(const kt_graph *g, igraph_integer_t v);

/* The reasons vertex v is marked: from its origin country, plus STATE_OWNED for state_owned
 * entities and STATE for state entities (when state_owned_counts takes them), plus SANCTIONED,
 * DEBARRED, EXPORT_CONTROLLED for its marks in force on kt_graph_date(g) of the kinds the policy
 * names.  Complexity: O(out-degree of v) for items, O(log M + marks of v) otherwise. */
unsigned kt_policy_reasons(const kt_policy *p, const kt_graph *g, igraph_integer_t v);

/* The catalogue of measures (kt_measures.h): owned by the policy; NULL when the policy has
 * none.  kt_policy_set_measures() hands c over to the policy (freeing any earlier one). */
void kt_policy_set_measures(kt_policy *p, kt_measures *c);
const kt_measures *kt_policy_measures(const kt_policy *p);

/* "C1", "C2", "state_owned", "non_gpa", "non_eu", "sanctioned", "debarred",
 * "export_controlled", "state" for one reason bit. */
const char *kt_reason_name(unsigned bit);

#endif
