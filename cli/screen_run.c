/* screen_run.c: load a tender and screen its bidders (see screen_run.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "screen_run.h"

double kt_screen_run_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int kt_screen_run_add_answers(kt_screen_run *r, char *path)
{
    char **na = realloc(r->answers, (r->nanswers + 1) * sizeof *na);
    if (!na) {
        kt_cli_msg("out of memory");
        return -1;
    }
    r->answers = na;
    r->answers[r->nanswers++] = path;
    return 0;
}

int kt_screen_run_do(kt_screen_run *r)
{
    kt_errinfo ei;
    kt_err rc;
    const char *policy_path = r->policy_path;
    if (kt_load_tender(r->tender_path, &r->t, &ei) != KT_OK ||
        (!r->allow_outside && kt_tender_check_paths(r->t, &ei) != KT_OK)) {
        kt_cli_print_errinfo(&ei);
        return KT_EXIT_FAIL;
    }
    kt_tender *t = r->t;
    if (!policy_path)
        policy_path = t->policy;
    if (!policy_path) {
        kt_cli_msg("%s: the tender names no \"policy\" file; give one with --policy", t->path);
        return KT_EXIT_FAIL;
    }
    if (kt_cli_load_policy(policy_path, &r->p) != 0)
        return KT_EXIT_FAIL;
    if (r->decisions_path && (kt_load_decisions(r->decisions_path, &r->dec, &ei) != KT_OK ||
                              kt_case_check(r->dec, t, r->p, &ei) != KT_OK)) {
        kt_cli_print_errinfo(&ei);
        return KT_EXIT_FAIL;
    }
    /* the tender's data, then the bidders' answers: later files fill in what earlier ones left out */
    if (!(r->inputs = calloc(t->ndata + r->nanswers + 1, sizeof *r->inputs))) {
        kt_cli_msg("out of memory");
        return KT_EXIT_FAIL;
    }
    for (size_t i = 0; i < t->ndata; i++)
        r->inputs[r->ninputs++] = t->data[i];
    for (size_t i = 0; i < r->nanswers; i++)
        r->inputs[r->ninputs++] = r->answers[i];
    if (!kt_cli_as_of)
        kt_cli_as_of = t->as_of; /* the tender's date, unless --as-of says otherwise */
    /* keep the diagnostics: the HTML report lists the warnings */
    if (!(r->diags = kt_diags_new())) {
        kt_cli_msg("out of memory");
        return KT_EXIT_FAIL;
    }
    if (kt_cli_load(r->inputs, (int)r->ninputs, KT_FMT_AUTO, r->quiet, &r->g, r->diags) != KT_EXIT_OK) {
        if (r->g)
            kt_cli_print_diags(r->g, r->diags, 0);
        return KT_EXIT_FAIL;
    }
    if (!r->quiet && kt_graph_dropped_by_date(r->g))
        kt_cli_msg("as of %s: %zu relations not valid on that date left out", kt_cli_as_of,
                   kt_graph_dropped_by_date(r->g));
    if (!r->quiet && kt_diags_warnings(r->diags))
        kt_cli_msg("%zu warning%s in the input (see keten check)", kt_diags_warnings(r->diags),
                   kt_diags_warnings(r->diags) == 1 ? "" : "s");
    kt_graph_set_directors_control(r->g, kt_policy_directors_control(r->p));
    r->t_loaded = kt_screen_run_now();
    kt_cli_status_start(!r->quiet);
    kt_cli_status("finding the risk origins in the graph");
    kt_screen_tender ctx = {t->regime, t->access, t->access_given, t->mitigation, t->covered_by_agreements};
    kt_screen_opts so = {kt_load_get_threads()}; /* --threads N, else every online core */
    rc = r->mpi ? kt_cli_screen_mpi(r->g, r->p, t, &ctx, &r->s) : kt_screen_new_opts(r->g, r->p, &so, &r->s);
    if (rc != KT_OK) {
        kt_cli_msg("%s", kt_err_str(rc));
        return KT_EXIT_FAIL;
    }
    r->t_searched = kt_screen_run_now();
    size_t nb = t->nbidders ? t->nbidders : 1;
    r->res = calloc(nb, sizeof *r->res);
    r->cases = calloc(nb, sizeof *r->cases);
    kt_screen_tender *own = malloc(nb * sizeof *own);
    kt_err *rcs = malloc(nb * sizeof *rcs), *crc = malloc(nb * sizeof *crc);
    kt_errinfo *eis = malloc(nb * sizeof *eis);
    unsigned *access = malloc(nb * sizeof *access);
    if (!r->res || !r->cases || !own || !rcs || !eis || !crc || !access) {
        free(own);
        free(rcs);
        free(crc);
        free(access);
        free(eis);
        kt_cli_msg("out of memory");
        return KT_EXIT_FAIL;
    }
    for (size_t b = 0; b < t->nbidders; b++) {
        own[b] = ctx;
        kt_case_override(r->dec, t->bidders[b].id, &own[b]); /* the bidder's own C3A / C3B answers */
    }
    kt_cli_status("screening %zu bidders", t->nbidders);
    rc = kt_screen_bidders(r->s, own, t->bidders, t->nbidders, r->res, rcs, eis);
    if (rc == KT_OK) { /* the bidders' cases, on every thread; then read in order */
        for (size_t b = 0; b < t->nbidders; b++)
            access[b] = own[b].access_given ? own[b].access : 0;
        kt_case_bidders_init(r->cases, t->nbidders, r->g, r->res, t->bidders, access, r->dec, rcs, crc, so.threads);
    }
    int bad = 0;
    for (size_t b = 0; rc == KT_OK && b < t->nbidders; b++) {
        if (rcs[b] == KT_ENOTFOUND) {
            /* every unknown id, each with the bidder's line in the tender file */
            kt_cli_line(stderr, "%s:%ld: %s", t->path, eis[b].line, eis[b].msg);
            bad = 1;
            continue;
        }
        rc = crc[b];
    }
    free(own);
    free(rcs);
    free(crc);
    free(access);
    free(eis);
    if (rc != KT_OK) {
        kt_cli_status_end();
        kt_cli_msg("%s", kt_err_str(rc));
        return KT_EXIT_FAIL;
    }
    kt_cli_status_end();
    return bad ? KT_EXIT_FAIL : 0;
}

void kt_screen_run_destroy(kt_screen_run *r)
{
    if (r->t && r->res)
        for (size_t b = 0; b < r->t->nbidders; b++)
            kt_screen_result_destroy(&r->res[b]);
    if (r->t && r->cases)
        for (size_t b = 0; b < r->t->nbidders; b++)
            kt_case_bidder_destroy(&r->cases[b]);
    free(r->res);
    free(r->cases);
    free(r->inputs);
    free(r->answers);
    kt_screen_free(r->s);
    kt_graph_free(r->g);
    kt_diags_free(r->diags);
    kt_decisions_free(r->dec);
    kt_policy_free(r->p);
    kt_tender_free(r->t);
    memset(r, 0, sizeof *r);
}

kt_screen_report kt_screen_run_report(const kt_screen_run *r, int excel)
{
    kt_screen_report rep = {r->g, r->p, r->t, r->res, excel, r->cases, r->dec, (const char *const *)r->inputs,
                            r->ninputs, r->diags};
    return rep;
}
