/* screen_run.h: loading and screening a tender, shared by keten screen and keten questions:
 * the tender, its policy, the assessor's decisions, the data and the bidders' answers, then
 * every bidder screened with its own C3A/C3B answers and its case built.
 * Ownership: everything in a kt_screen_run after kt_screen_run_do() belongs to it; release
 * with kt_screen_run_destroy(). */
#ifndef KT_SCREEN_RUN_H
#define KT_SCREEN_RUN_H

#include "screen_out.h"

typedef struct {
    /* in */
    const char *tender_path, *policy_path, *decisions_path; /* policy: NULL for the tender's */
    char **answers;                                         /* answer files, read after the data
                                                             * (kt_screen_run_add_answers) */
    size_t nanswers;
    int quiet;
    int allow_outside;      /* read files the tender names outside its folder (--allow-outside) */
    int mpi;                /* the searches over MPI ranks (--mpi: kt_cli_screen_mpi) */
    /* out */
    kt_tender *t;
    kt_policy *p;
    kt_decisions *dec;
    kt_graph *g;
    kt_diags *diags;        /* the loaders' warnings */
    kt_screen *s;
    kt_screen_result *res;  /* per bidder */
    kt_case_bidder *cases;  /* per bidder */
    char **inputs;          /* borrowed names: the tender's data, then the answers */
    size_t ninputs;
    double t_loaded, t_searched; /* seconds (CLOCK_MONOTONIC) when loading and the searches ended */
} kt_screen_run;

/* Add an answers file (--answers, any number of times); the names are borrowed from argv.
 * Returns 0, or -1 when out of memory (after a message). */
int kt_screen_run_add_answers(kt_screen_run *r, char *path);

/* Load and screen.  Returns 0, or KT_EXIT_FAIL after printing what went wrong. */
int kt_screen_run_do(kt_screen_run *r);
void kt_screen_run_destroy(kt_screen_run *r);
/* The report every writer reads. */
kt_screen_report kt_screen_run_report(const kt_screen_run *r, int excel);
double kt_screen_run_now(void);

#endif
