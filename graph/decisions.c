/* decisions.c: freeing an assessor's record and naming its enums (see kt_decisions.h). */
#include <stdlib.h>
#include <string.h>

#include "kt_decisions.h"

static const char *const names[KT_DEC__COUNT] = {"undecided", "accept", "require_measures", "ask_bidder", "exclude"};

void kt_decisions_free(kt_decisions *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        kt_decision_rec *x = &d->v[i];
        free(x->bidder);
        free(x->key);
        free(x->node);
        free(x->assessment);
        free(x->reasoning);
        free(x->by);
        free(x->date);
        for (size_t m = 0; m < x->nmeasures; m++)
            free(x->measures[m]);
        free(x->measures);
    }
    free(d->v);
    free(d->path);
    free(d->tender);
    free(d);
}

const char *kt_decision_name(kt_decision d) { return d < KT_DEC__COUNT ? names[d] : "?"; }

int kt_decision_parse(const char *s, kt_decision *out)
{
    for (int i = 1; i < KT_DEC__COUNT; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (kt_decision)i;
            return 0;
        }
    return -1;
}

const char *kt_about_name(kt_about a)
{
    static const char *const about[] = {"bidder", "finding", "C3A", "C3B"};
    return a <= KT_ABOUT_C3B ? about[a] : "?";
}
