/* screen_out.h: the output formats of keten screen (table, json, jsonl, csv, md).
 * Only cli/ uses it.  Every writer reads the same screened results; none computes. */
#ifndef KT_SCREEN_OUT_H
#define KT_SCREEN_OUT_H

#include <stdio.h>

#include "../analyses/kt_screen.h"
#include "../graph/kt_policy.h"
#include "../graph/kt_tender.h"

typedef struct {
    const kt_graph *g;
    const kt_policy *p;
    const kt_tender *t;
    const kt_screen_result *res; /* one per bidder, in tender order */
    int excel;                   /* CSV for Dutch Excel: BOM and ';' */
} kt_screen_report;

int kt_screen_out_table(FILE *f, const kt_screen_report *r);
int kt_screen_out_json(FILE *f, const kt_screen_report *r);
int kt_screen_out_jsonl(FILE *f, const kt_screen_report *r);
int kt_screen_out_csv(FILE *f, const kt_screen_report *r);
int kt_screen_out_md(FILE *f, const kt_screen_report *r);

/* One sentence on what a verdict rests on, for people. */
void kt_screen_out_explain(const kt_screen_report *r, size_t bidder, char *buf, size_t len);

/* keten screen --mpi: the search stage run over MPI ranks (dist/, linked only into keten-mpi;
 * NULL in keten).  It gives a screening state whose tables hold what the tender's bidders
 * read, as kt_screen_new() would. */
typedef kt_err (*kt_screen_search_fn)(const kt_graph *g, const kt_policy *p, const kt_tender *t,
                                      const kt_screen_tender *ctx, kt_screen **out);
extern kt_screen_search_fn kt_cli_screen_mpi;

extern const char kt_screen_notice[];

#endif
