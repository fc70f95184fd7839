/* tender.c: freeing a tender and naming its enums (see kt_tender.h). */
#include <stdlib.h>

#include "kt_tender.h"

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void kt_tender_free(kt_tender *t)
{
    if (!t)
        return;
    for (size_t b = 0; b < t->nbidders; b++) {
        kt_tender_bidder *x = &t->bidders[b];
        free(x->id);
        free(x->name);
        free(x->consortium);
        for (size_t m = 0; m < x->nmembers; m++)
            free(x->members[m].id);
        free(x->members);
        for (size_t m = 0; m < x->nsubcontractors; m++)
            free(x->subcontractors[m].id);
        free(x->subcontractors);
        free_list(x->offers, x->noffers);
    }
    free(t->bidders);
    free_list(t->data, t->ndata);
    free(t->policy);
    free(t->as_of);
    free(t->path);
    free(t->id);
    free(t->title);
    free(t->authority);
    free(t);
}

const char *kt_regime_name(kt_regime r)
{
    return r == KT_REGIME_ADV ? "adv" : r == KT_REGIME_NONE ? "none" : "aw2012";
}

const char *kt_mitigation_name(kt_mitigation m)
{
    switch (m) {
    case KT_MITIGATION_SUFFICIENT: return "sufficient";
    case KT_MITIGATION_INSUFFICIENT: return "insufficient";
    default: return "unknown";
    }
}
