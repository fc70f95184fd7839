/* screen_batch.c: every bidder of a tender, on every thread (kt_screen.h, kt_screen_bidders).
 *
 * The same results as kt_screen_bidder called on each bidder in order, by construction:
 *   1. each bidder on its own (any thread): its result, with the interests the one-walk case
 *      gives; the others listed, per bidder, in the order kt_screen_bidder asks its memo;
 *   2. the companies those runs start at, numbered in order of first need (one thread), and
 *      each company's upstream solved (way 2 of screen_interest.c) once, on any thread: a
 *      function of the company alone;
 *   3. the memo's history replayed in bidder order (one thread): a company's entries answer
 *      until a marked party is missing from them and some party of its upstream was above an
 *      ownership cycle; from then on the ownership engine's entries (way 3) answer for that
 *      company, as when kt_screen_i_interest replaces them;
 *   4. way 3 for the companies that step 3 switched, once each, on any thread; the waiting
 *      findings read it.
 * Complexity: kt_screen_bidder's for every bidder, each company's way 2 and way 3 at most once;
 * per thread one memo's scratch (screen_interest.c); O(findings) for the replay. */
#include <stdlib.h>
#include <string.h>

#include "screen_i.h"

typedef struct {
    int worker;          /* whose memo holds the entries */
    size_t start, count; /* in that memo's ent[] */
} range;

typedef struct {
    igraph_integer_t c;
    range solved, own;
    int partial, state; /* state 1: way 3 answers (step 3) */
    kt_err rc;
} company;

typedef struct {
    const kt_screen *s;
    const kt_screen_tender *ctx;
    const kt_tender_bidder *b;
    kt_screen_result *out;
    kt_err *rcs;
    kt_errinfo *ei;
    kt_screen_i_pending *pend; /* per bidder */
    kt_screen_i_memo *memo;    /* per worker */
    company *co;
    size_t *todo; /* step 4: the companies switched to way 3 */
} job;

static void bidder_task(void *arg, size_t i, int w)
{
    job *j = arg;
    j->rcs[i] = kt_screen_i_bidder(j->s, &j->ctx[i], &j->b[i], &j->out[i], &j->ei[i], &j->pend[i]);
}

static void solve_task(void *arg, size_t i, int w)
{
    job *j = arg;
    company *c = &j->co[i];
    kt_screen_i_memo *m = &j->memo[w];
    c->solved = (range){w, m->nent, 0};
    c->rc = kt_screen_i_solve(j->s, m, c->c, &c->partial);
    c->solved.count = m->nent - c->solved.start;
}

static void own_task(void *arg, size_t i, int w)
{
    job *j = arg;
    company *c = &j->co[j->todo[i]];
    kt_screen_i_memo *m = &j->memo[w];
    c->own = (range){w, m->nent, 0};
    c->rc = kt_screen_i_solve_own(j->s, m, c->c);
    c->own.count = m->nent - c->own.start;
}

/* The interest of node v among a range's entries: 1 when there. */
static int lookup(const job *j, const range *r, igraph_integer_t v, kt_ival *iv)
{
    const kt_screen_i_memo *m = &j->memo[r->worker];
    for (size_t i = r->start; i < r->start + r->count; i++)
        if (m->ent[i].v == v) {
            *iv = m->ent[i].capital;
            return 1;
        }
    return 0;
}

/* Step 3 (way3 0): the findings in bidder order; a company's entries answer until one is
 * missing while its upstream was partial, then it waits for way 3 (listed in todo[]).  Step 4
 * (way3 1): the waiting findings read way 3's entries.  Returns the companies listed. */
static size_t replay(job *j, size_t n, int way3)
{
    size_t ntodo = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < j->pend[i].n; k++) {
            company *c = &j->co[j->pend[i].v[k].company];
            kt_screen_item *x = &j->out[i].findings[j->pend[i].v[k].finding];
            if (way3) {
                if (j->pend[i].v[k].wait)
                    lookup(j, &c->own, x->node, &x->interest);
                continue;
            }
            if (c->state == 0 && !lookup(j, &c->solved, x->node, &x->interest) && c->partial) {
                c->state = 1;
                j->todo[ntodo++] = (size_t)j->pend[i].v[k].company;
            }
            j->pend[i].v[k].wait = c->state == 1;
        }
    return ntodo;
}

kt_err kt_screen_bidders(const kt_screen *s, const kt_screen_tender *ctx, const kt_tender_bidder *b, size_t n,
                         kt_screen_result *out, kt_err *rcs, kt_errinfo *ei)
{
    job j = {s, ctx, b, out, rcs, ei, NULL, NULL, NULL, NULL};
    kt_vmap map;
    size_t nco = 0, capco = 0, ntodo = 0;
    kt_err rc = KT_OK;

    kt_vmap_init(&map);
    memset(out, 0, n * sizeof *out);
    j.pend = calloc(n ? n : 1, sizeof *j.pend);
    j.memo = calloc((size_t)s->threads, sizeof *j.memo);
    if (!j.pend || !j.memo) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (int w = 0; w < s->threads; w++)
        kt_vmap_init(&j.memo[w].map);
    /* 1 */
    kt_screen_i_parallel(s->threads, n, bidder_task, &j);
    /* 2: the companies in order of first need */
    for (size_t i = 0; i < n; i++) {
        if (rcs[i] == KT_ENOMEM) {
            rc = KT_ENOMEM;
            goto out;
        }
        for (size_t k = 0; k < j.pend[i].n; k++) {
            igraph_integer_t idx;
            int fresh;
            if (kt_vmap_put(&map, j.pend[i].v[k].company, &idx, &fresh) != KT_OK ||
                (fresh && kt_vmap_grow((void **)&j.co, &capco, (size_t)idx + 1, sizeof *j.co) != KT_OK)) {
                rc = KT_ENOMEM;
                goto out;
            }
            if (fresh)
                j.co[idx] = (company){j.pend[i].v[k].company, {0}, {0}, 0, 0, KT_OK};
            j.pend[i].v[k].company = idx; /* from here on: the company's number */
        }
    }
    nco = map.n;
    kt_screen_i_parallel(s->threads, nco, solve_task, &j);
    for (size_t c = 0; c < nco; c++)
        if (j.co[c].rc != KT_OK) {
            rc = j.co[c].rc;
            goto out;
        }
    /* 3: the memo's history, in bidder order; a finding answered by way 3 waits (interest
     * unknown, marked by its company's state) */
    if (!(j.todo = malloc((nco ? nco : 1) * sizeof *j.todo))) {
        rc = KT_ENOMEM;
        goto out;
    }
    ntodo = replay(&j, n, 0);
    /* 4 */
    kt_screen_i_parallel(s->threads, ntodo, own_task, &j);
    for (size_t t = 0; t < ntodo; t++)
        if (j.co[j.todo[t]].rc == KT_ENOMEM) {
            rc = KT_ENOMEM;
            goto out;
        }
    replay(&j, n, 1);
out:
    for (size_t i = 0; j.pend && i < n; i++)
        free(j.pend[i].v);
    for (int w = 0; j.memo && w < s->threads; w++)
        kt_screen_i_memo_free(&j.memo[w]);
    free(j.pend);
    free(j.memo);
    free(j.co);
    free(j.todo);
    kt_vmap_destroy(&map);
    if (rc != KT_OK)
        for (size_t i = 0; i < n; i++)
            kt_screen_result_destroy(&out[i]);
    return rc;
}
