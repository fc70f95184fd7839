/* kt_tender.h: a tender to screen, as data (read by loaders/tender.c).
 *
 * A tender names its regime (Aanbestedingswet 2012, ADV, or none: a buyer outside the
 * procurement acts), whether the contract is covered by the EU's trade agreements, which kinds
 * of access the contract opens (consideration C3A), the assessor's answer on mitigation (C3B),
 * the data and policy files, and the bidders: each a consortium entity from the data, or inline
 * members (the lead marked), and subcontractors and offered items.  Members and
 * subcontractors may carry their share of the contract value and the access they get.
 *
 * Ownership: kt_tender_new()/the loader's result belongs to the caller; kt_tender_free()
 * accepts NULL and frees every string in it. */
#ifndef KT_TENDER_H
#define KT_TENDER_H

#include <stddef.h>

typedef enum { KT_REGIME_AW2012 = 0, KT_REGIME_ADV, KT_REGIME_NONE } kt_regime;
typedef enum { KT_MITIGATION_UNKNOWN = 0, KT_MITIGATION_SUFFICIENT, KT_MITIGATION_INSUFFICIENT } kt_mitigation;

enum {
    KT_ACCESS_LOCATIONS = 1u << 0,      /* sensitive locations */
    KT_ACCESS_ICT = 1u << 1,            /* sensitive ICT systems */
    KT_ACCESS_INFRASTRUCTURE = 1u << 2  /* vital infrastructure */
};

/* A member or a subcontractor. */
typedef struct {
    char *id;
    int lead;
    double share;      /* per cent of the contract value; NaN when not given */
    unsigned access;   /* KT_ACCESS_* it gets, when access_given */
    int access_given;  /* 0: the default, the tender's access for members, none for subcontractors */
} kt_tender_member;

typedef struct {
    char *id, *name;
    char *consortium;            /* entity id, or NULL when members are inline */
    kt_tender_member *members;
    size_t nmembers;
    kt_tender_member *subcontractors;
    size_t nsubcontractors;
    char **offers;
    size_t noffers;
    long line;                   /* where the bidder stands in the tender file */
} kt_tender_bidder;

typedef struct {
    char *path;                  /* the tender file */
    char *id, *title, *authority;
    kt_regime regime;
    int covered_by_agreements;   /* default 1; 0: the contract is outside the GPA and the trade
                                  * agreements, so under aw2012 any party from outside the EU
                                  * may be excluded */
    unsigned access;             /* KT_ACCESS_* */
    int access_given;            /* 0: the tender does not say: C3A unknown */
    kt_mitigation mitigation;
    char **data;                 /* graph files, resolved against the tender's folder */
    size_t ndata;
    char *policy;                /* resolved likewise */
    long data_line, policy_line; /* where "data" and "policy" stand in the tender file */
    char *as_of;                 /* the date the screening is about (YYYY-MM-DD), or NULL */
    kt_tender_bidder *bidders;
    size_t nbidders;
} kt_tender;

void kt_tender_free(kt_tender *t);

const char *kt_regime_name(kt_regime r);             /* "aw2012", "adv", "none" */
const char *kt_mitigation_name(kt_mitigation m);     /* "sufficient", "insufficient", "unknown" */

#endif
