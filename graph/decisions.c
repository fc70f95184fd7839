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
    free(d->order);
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

static int cmp_order(const void *a, const void *b, void *ctx)
{
    const kt_decisions *d = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(d->v[x].bidder, d->v[y].bidder);
    return c ? c : (x > y) - (x < y);
}

kt_err kt_decisions_index(kt_decisions *d)
{
    free(d->order);
    if (!(d->order = malloc((d->n ? d->n : 1) * sizeof *d->order)))
        return KT_ENOMEM;
    for (size_t i = 0; i < d->n; i++)
        d->order[i] = i;
    qsort_r(d->order, d->n, sizeof *d->order, cmp_order, d);
    return KT_OK;
}

void kt_decisions_range(const kt_decisions *d, const char *bidder, size_t *lo, size_t *hi)
{
    size_t a = 0, b = d && d->order ? d->n : 0;
    while (a < b) { /* the first entry not before bidder */
        size_t m = a + (b - a) / 2;
        if (strcmp(d->v[d->order[m]].bidder, bidder) < 0)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    while (d && d->order && a < d->n && strcmp(d->v[d->order[a]].bidder, bidder) == 0)
        a++;
    *hi = a;
}
