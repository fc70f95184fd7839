/* screen_out.h: the output formats of keten screen (table, json, jsonl, csv, md).
 * Only cli/ uses it.  Every writer reads the same screened results; none computes. */
#ifndef KT_SCREEN_OUT_H
#define KT_SCREEN_OUT_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "../analyses/kt_case.h"
#include "../analyses/kt_screen.h"
#include "../graph/kt_policy.h"
#include "../graph/kt_tender.h"

typedef struct {
    const kt_graph *g;
    const kt_policy *p;
    const kt_tender *t;
    const kt_screen_result *res; /* one per bidder, in tender order */
    int excel;                   /* CSV for Dutch Excel: BOM and ';' */
    const kt_case_bidder *cases; /* one per bidder: keys, measures, decisions (NULL: none) */
    const kt_decisions *decisions; /* the assessor's record (NULL when none was given) */
    const char *const *inputs;   /* every data file read (the tender's and --answers), ninputs */
    size_t ninputs;
    const kt_diags *diags;       /* the loaders' warnings (NULL: not kept) */
} kt_screen_report;

int kt_screen_out_table(FILE *f, const kt_screen_report *r);
int kt_screen_out_json(FILE *f, const kt_screen_report *r);
int kt_screen_out_jsonl(FILE *f, const kt_screen_report *r);
int kt_screen_out_csv(FILE *f, const kt_screen_report *r);
int kt_screen_out_md(FILE *f, const kt_screen_report *r);

/* The case file in each format (cli/screen_case.c): per finding (finding = 1) or gap (0)
 * number i of bidder b, and per bidder.  Each does nothing when r->cases is NULL. */
void kt_screen_case_text(FILE *f, const kt_screen_report *r, size_t b, size_t i, int finding, int md);
void kt_screen_case_bidder_text(FILE *f, const kt_screen_report *r, size_t b, int md);
void kt_screen_case_item_json(cJSON *o, const kt_screen_report *r, size_t b, size_t i, int finding);
void kt_screen_case_bidder_json(cJSON *o, const kt_screen_report *r, size_t b);
void kt_screen_case_header_json(cJSON *o, const kt_screen_report *r);
/* The mitigation answer in force for bidder b: its own C3B answer, else the tender's. */
kt_mitigation kt_screen_case_mitigation(const kt_screen_report *r, size_t b);
/* CSV: the header's extra columns, and the cells of one row (i = SIZE_MAX: no finding). */
extern const char *const kt_screen_case_csv_cols[];
extern const size_t kt_screen_case_ncsv;
void kt_screen_case_csv(FILE *f, const kt_screen_report *r, size_t b, size_t i, char sep);
/* A decisions file to fill in: every bidder's C3A, C3B and overall entry, and one entry per
 * finding with its key; decisions already made (r->decisions) are kept.  Stale decisions are
 * left out: the finding they were about is gone, and the report lists them. */
int kt_screen_case_template(FILE *f, const kt_screen_report *r);
/* As the table prints them, for the HTML report to escape: one slot's why (a consideration,
 * KT_WHY_ROUTE), the coverage line, a prohibition hit. */
void kt_screen_out_why_text(FILE *f, const kt_screen_report *r, size_t b, int slot);
void kt_screen_out_coverage_text(FILE *f, const kt_screen_report *r, size_t b);
void kt_screen_out_prohibition_text(FILE *f, const kt_screen_report *r, const kt_screen_item *x);
/* The HTML report (cli/screen_html.c). */
int kt_screen_out_html(FILE *f, const kt_screen_report *r);
/* The questions to bidders (cli/cmd_questions.c shares them with the HTML report): the
 * question about gap i of bidder b, as a sentence. */
void kt_screen_question(const kt_screen_report *r, size_t b, size_t i, char *buf, size_t len);

/* One sentence on what a verdict rests on, for people. */
void kt_screen_out_explain(const kt_screen_report *r, size_t bidder, char *buf, size_t len);

extern const char kt_screen_notice[];

#endif
