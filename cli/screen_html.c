/* screen_html.c: keten screen --format html: one self-contained report.  Nothing is fetched
 * from outside (a Content-Security-Policy forbids it), diagrams are inline SVG, nothing needs
 * JavaScript, and it prints on A4 with a page per bidder.  Every text from the data, the
 * tender, the policy or the decisions goes through esc(). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../viz/kt_viz.h"
#include "cli.h"
#include "screen_out.h"

#define MAX_WARNINGS 200

static const char css[] =
    "@page{size:A4;margin:14mm 12mm}"
    "body{font:10.5pt/1.4 system-ui,'DejaVu Sans',sans-serif;color:#111;max-width:60em;margin:1em auto;padding:0 1em}"
    "h1{font-size:17pt;margin:0 0 .3em}h2{font-size:13pt;margin:1.2em 0 .4em;border-bottom:1px solid #999}"
    "h3{font-size:11pt;margin:1em 0 .3em}"
    "table{border-collapse:collapse;margin:.3em 0;width:100%}td,th{border:1px solid #bbb;padding:2px 5px;"
    "text-align:left;vertical-align:top;font-size:9.5pt}th{background:#eee}"
    ".notice{border-left:4px solid #555;background:#f4f4f4;padding:.4em .8em}"
    ".v{display:inline-block;padding:1px 8px;border-radius:3px;font-weight:bold}"
    ".v-clear{background:#d9f2d9}.v-mitigate{background:#fff3c4}.v-review{background:#e3e3ff}"
    ".v-specify_or_mitigate{background:#ffe0b3}.v-exclusion_possible{background:#f7c6c6}"
    ".v-prohibited{background:#e39b9b}.v-other{background:#ddd}.why{margin:.1em 0;font-size:9.5pt}"
    ".finding,.gap{border:1px solid #ccc;border-radius:3px;padding:.3em .6em;margin:.5em 0;break-inside:avoid}"
    ".path{margin:.2em 0 .2em 1.2em;padding:0}.path li{font-size:9pt}.src{color:#555}"
    ".undecided{color:#8a4b00;font-weight:bold}.stale{color:#a00;font-weight:bold}"
    ".hash{font-family:monospace;font-size:8pt;word-break:break-all}"
    ".diagram svg{max-width:100%;height:auto}"
    "section.bidder{break-before:page}"
    "@media print{body{max-width:none;margin:0;padding:0}a{color:inherit;text-decoration:none}}";

/* Text from anywhere outside keten, escaped for HTML text and attribute values alike; control
 * characters shown as \xNN. */
static void esc(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default:
            /* control characters as visible text, as in every other output */
            if ((unsigned char)*s < 0x20 || *s == 0x7f)
                fprintf(f, "\\x%02x", (unsigned char)*s);
            else
                fputc(*s, f);
        }
    }
}

/* A bidder id as an HTML id: letters, digits, '-' and '_' kept, anything else as _XX. */
static void anchor(FILE *f, const char *id)
{
    fputs("bidder-", f);
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-')
            fputc(*p, f);
        else
            fprintf(f, "_%02X", *p);
    }
}

static void row(FILE *f, const char *k, const char *v)
{
    fprintf(f, "<tr><th>%s</th><td>", k);
    esc(f, v);
    fputs("</td></tr>\n", f);
}

static void verdict(FILE *f, kt_verdict v)
{
    const char *n = kt_verdict_name(v);
    fprintf(f, "<span class=\"v v-%s\">%s</span>", v < KT_VERDICT__COUNT ? n : "other", n);
}

/* Text one of the table's writers prints, captured and escaped as a paragraph of class cls. */
typedef void (*text_fn)(FILE *f, const kt_screen_report *r, size_t b, int slot);

static void captured(FILE *f, const char *cls, const kt_screen_report *r, size_t b, int slot, text_fn fn,
                     const kt_screen_item *x)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return;
    if (fn)
        fn(m, r, b, slot);
    else
        kt_screen_out_prohibition_text(m, r, x);
    fclose(m);
    while (len && buf[len - 1] == '\n') /* the table's line end is not text */
        buf[--len] = '\0';
    fprintf(f, "<p class=\"%s\">", cls);
    for (char *line = buf, *nl; line; line = nl ? nl + 1 : NULL) { /* the table's lines, as lines */
        if ((nl = strchr(line, '\n')))
            *nl = '\0';
        esc(f, line);
        fputs(nl ? "<br>" : "", f);
    }
    fputs("</p>\n", f);
    free(buf);
}

static void coverage_fn(FILE *f, const kt_screen_report *r, size_t b, int slot)
{
    (void)slot;
    kt_screen_out_coverage_text(f, r, b);
}

/* The run's date: SOURCE_DATE_EPOCH when set (reproducible builds), else now; UTC. */
static void run_date(char *buf, size_t len)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    long l;
    time_t t = e && kt_cli_parse_long(e, 0, 253402300799L, &l) == 0 ? (time_t)l : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, len, "%Y-%m-%d %H:%M UTC", &tm);
}

static void header(FILE *f, const kt_screen_report *r)
{
    const kt_tender *t = r->t;
    const kt_policy_thresholds *th = kt_policy_thresholds_get(r->p);
    char buf[256], hash[65];
    fputs("<header>\n<h1>Screening report: ", f);
    esc(f, t->title ? t->title : t->id);
    fputs("</h1>\n<p class=\"notice\">", f);
    esc(f, kt_screen_notice);
    fputs("</p>\n<table class=\"meta\">\n", f);
    row(f, "Tender", t->id);
    if (t->authority)
        row(f, "Authority", t->authority);
    row(f, "Regime", kt_regime_name(t->regime));
    fputs("<tr><th>Access (C3A)</th><td>", f);
    if (!t->access_given)
        fputs("not stated (C3A unknown)", f);
    else if (!t->access)
        fputs("none (C3A not met)", f);
    else
        fprintf(f, "%s%s%s", t->access & KT_ACCESS_LOCATIONS ? "sensitive locations " : "",
                t->access & KT_ACCESS_ICT ? "sensitive ICT systems " : "",
                t->access & KT_ACCESS_INFRASTRUCTURE ? "vital infrastructure" : "");
    fputs("</td></tr>\n", f);
    row(f, "Mitigation (C3B)", kt_mitigation_name(t->mitigation));
    if (kt_graph_as_of(r->g))
        row(f, "As of", kt_graph_as_of(r->g));
    row(f, "keten", KT_VERSION);
    run_date(buf, sizeof buf);
    row(f, "Run", buf);
    fputs("</table>\n<h2>Inputs</h2>\n<table>\n<tr><th>File</th><th>Kind</th><th>SHA-256</th><th>Entities</th>"
          "<th>Relations</th></tr>\n", f);
    kt_cli_sha256_file(t->path, hash);
    fputs("<tr><td>", f);
    esc(f, t->path);
    fprintf(f, "</td><td>tender</td><td class=\"hash\">%s</td><td></td><td></td></tr>\n", hash);
    kt_cli_sha256_file(kt_policy_file(r->p), hash);
    fputs("<tr><td>", f);
    esc(f, kt_policy_file(r->p));
    fputs("</td><td>policy: ", f);
    esc(f, kt_policy_name(r->p));
    fprintf(f, "</td><td class=\"hash\">%s</td><td></td><td></td></tr>\n", hash);
    if (r->decisions) {
        kt_cli_sha256_file(r->decisions->path, hash);
        fputs("<tr><td>", f);
        esc(f, r->decisions->path);
        fprintf(f, "</td><td>decisions (%zu entries)</td><td class=\"hash\">%s</td><td></td><td></td></tr>\n",
                r->decisions->n, hash);
    }
    /* records per data file: each entity counts where it was first declared.  O(F (|V| + |E|)) */
    for (uint32_t k = 0; k < kt_graph_file_count(r->g); k++) {
        const char *name = kt_graph_file_name(r->g, k);
        size_t ne = 0, nr = 0;
        for (igraph_integer_t v = 0; v < kt_graph_vertex_count(r->g); v++)
            ne += strcmp(kt_graph_entity_file(r->g, v), name) == 0;
        for (igraph_integer_t e = 0; e < kt_graph_edge_count(r->g); e++)
            nr += strcmp(kt_graph_rel_file(r->g, e), name) == 0;
        kt_cli_sha256_file(name, hash);
        fputs("<tr><td>", f);
        esc(f, name);
        fprintf(f, "</td><td>%s</td><td class=\"hash\">%s</td><td>%zu</td><td>%zu</td></tr>\n",
                k < t->ndata ? "data" : "answers", hash, ne, nr);
    }
    fprintf(f, "</table>\n<p>Thresholds: owners counted from %g%% of the votes; control above %g%%; paths searched "
               "up to %d relations.</p>\n",
            th->owner_share, th->control, th->max_depth);
    size_t nw = r->diags ? kt_diags_warnings(r->diags) : 0;
    fprintf(f, "<h2>Warnings</h2>\n<p>%zu warning%s in the input%s</p>\n", nw, nw == 1 ? "" : "s",
            nw > MAX_WARNINGS ? " (the first 200 below; keten check lists all)" : "");
    if (nw) {
        fputs("<ul>\n", f);
        size_t shown = 0;
        for (size_t i = 0; r->diags && i < kt_diags_count(r->diags) && shown < MAX_WARNINGS; i++) {
            const kt_diag *x = kt_diags_get(r->diags, i);
            if (x->sev != KT_SEV_WARNING)
                continue;
            shown++;
            fputs("<li>", f);
            esc(f, x->file == UINT32_MAX ? "" : kt_graph_file_name(r->g, x->file));
            if (x->line)
                fprintf(f, ":%ld", x->line);
            fputs(": ", f);
            esc(f, x->msg);
            fputs(" [", f);
            esc(f, x->code);
            fputs("]</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
}

static void measures_table(FILE *f, const kt_screen_report *r)
{
    const kt_measures *c = kt_policy_measures(r->p);
    fputs("<h2>Measures in the policy's catalogue</h2>\n", f);
    if (!kt_measures_count(c)) {
        fputs("<p>The policy has no catalogue of measures.</p>\n", f);
        return;
    }
    fputs("<table>\n<tr><th>Measure</th><th>Applies to</th><th>Requirement</th><th>Source</th></tr>\n", f);
    for (size_t i = 0; i < kt_measures_count(c); i++) {
        const kt_measure *m = kt_measures_get(c, i);
        fprintf(f, "<tr id=\"measure-%zu\"><td><b>", i);
        esc(f, m->id);
        fputs("</b><br>", f);
        esc(f, m->title);
        fputs("</td><td>", f);
        for (int b = 0, any = 0; b < KT_MK__COUNT; b++)
            if (m->kinds & (1u << b))
                fprintf(f, "%s%s", any++ ? ", " : "", kt_measure_kind_name(1u << b));
        fputs("</td><td>", f);
        esc(f, m->requirement);
        fputs("</td><td>", f);
        esc(f, m->source);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void overview(FILE *f, const kt_screen_report *r)
{
    static const char *cons[] = {"C1", "C2", "C3A", "C3B"};
    fputs("<h2>Overview</h2>\n<table>\n<tr><th>Bidder</th><th>Verdict</th>", f);
    for (int c = 0; c < KT_CONS__COUNT; c++)
        fprintf(f, "<th>%s</th>", cons[c]);
    fputs("<th>Route</th><th>Findings</th><th>Gaps</th><th>Undecided</th><th>Stale</th></tr>\n", f);
    for (size_t b = 0; b < r->t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        fputs("<tr><td><a href=\"#", f);
        anchor(f, r->t->bidders[b].id);
        fputs("\">", f);
        esc(f, r->t->bidders[b].id);
        fputs("</a> ", f);
        esc(f, r->t->bidders[b].name);
        fputs("</td><td>", f);
        verdict(f, x->verdict);
        fputs("</td>", f);
        for (int c = 0; c < KT_CONS__COUNT; c++)
            fprintf(f, "<td>%s</td>", kt_cons_name(x->cons[c]));
        fprintf(f, "<td>%s</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>\n", kt_route_name(x->route),
                x->nfindings, x->nunknown, r->cases ? r->cases[b].nundecided : x->nfindings,
                r->cases ? r->cases[b].nstale : 0);
    }
    fputs("</table>\n", f);
}

static void path_list(FILE *f, const kt_graph *g, const kt_screen_item *x)
{
    char where[512];
    fputs("<ol class=\"path\">\n<li>", f);
    esc(f, kt_graph_entity_id(g, x->nodes[0]));
    fputs("</li>\n", f);
    for (int i = 0; i < x->depth; i++) {
        igraph_integer_t e = x->edges[i];
        fprintf(f, "<li>%s &rarr; <b>", kt_rtype_name(kt_graph_rel_type(g, e)));
        esc(f, kt_graph_entity_id(g, x->nodes[i + 1]));
        fputs("</b> ", f);
        esc(f, kt_graph_entity_name(g, x->nodes[i + 1]));
        fputs(" <span class=\"src\">[", f);
        esc(f, kt_graph_rel_where(g, e, where, sizeof where));
        fputs("]</span></li>\n", f);
    }
    fputs("</ol>\n", f);
}

static void measures_of(FILE *f, const kt_screen_report *r, unsigned kinds)
{
    const kt_measures *c = kt_policy_measures(r->p);
    size_t idx[64], n = kt_measures_for(c, kinds, idx, 64);
    if (!kt_measures_count(c))
        return;
    fputs("<p>Measures that apply: ", f);
    if (!n)
        fputs("none in the catalogue", f);
    for (size_t i = 0; i < n && i < 64; i++) {
        fprintf(f, "%s<a href=\"#measure-%zu\">", i ? ", " : "", idx[i]);
        esc(f, kt_measures_get(c, idx[i])->id);
        fputs("</a>", f);
    }
    fputs("</p>\n", f);
}

static void decision(FILE *f, const kt_decision_rec *d, const char *what)
{
    fprintf(f, "<p><b>%s:</b> %s", what,
            d->about == KT_ABOUT_C3B ? kt_mitigation_name(d->mitigation) : kt_decision_name(d->decision));
    if (d->about == KT_ABOUT_C3A)
        fprintf(f, "access: %s%s%s%s", d->access & KT_ACCESS_LOCATIONS ? "sensitive locations " : "",
                d->access & KT_ACCESS_ICT ? "sensitive ICT systems " : "",
                d->access & KT_ACCESS_INFRASTRUCTURE ? "vital infrastructure" : "", d->access ? "" : "none");
    if (d->by) {
        fputs(", by ", f);
        esc(f, d->by);
    }
    if (d->date) {
        fputs(", ", f);
        esc(f, d->date);
    }
    if (d->nmeasures) {
        fputs(". Measures chosen: ", f);
        for (size_t m = 0; m < d->nmeasures; m++) {
            fputs(m ? ", " : "", f);
            esc(f, d->measures[m]);
        }
    }
    fputs("</p>\n", f);
    if (d->assessment) {
        fputs("<p>Assessment: ", f);
        esc(f, d->assessment);
        fputs("</p>\n", f);
    }
    if (d->reasoning) {
        fputs("<p>Reasoning: ", f);
        esc(f, d->reasoning);
        fputs("</p>\n", f);
    }
}

/* The evidence diagram as inline SVG: Graphviz's output without its XML prolog and comments. */
static void diagram(FILE *f, const kt_screen_report *r, size_t b)
{
    const kt_screen_result *x = &r->res[b];
    kt_viz_diagram d;
    kt_errinfo ei = {0};
    char *svg = NULL;
    size_t len = 0;
    if (!x->nfindings && !x->nunknown && !x->nprohibited)
        return;
    FILE *m = open_memstream(&svg, &len);
    if (!m)
        return;
    kt_viz_diagram_init(&d);
    kt_err rc = kt_viz_screen(&d, r->g, r->p, r->t->bidders[b].id, r->t->bidders[b].name, x);
    if (rc == KT_OK)
        rc = kt_viz_fold(&d, 200);
    if (rc == KT_OK)
        rc = kt_viz_render(&d, KT_VIZ_SVG, m, &ei);
    fclose(m);
    kt_viz_diagram_destroy(&d);
    fputs("<h3>Diagram</h3>\n<div class=\"diagram\">\n", f);
    const char *p = svg ? strstr(svg, "<svg") : NULL;
    if (rc != KT_OK || !p) {
        fputs("<p>(the diagram could not be drawn)</p>\n", f);
    } else {
        while (*p) {
            const char *c = strstr(p, "<!--");
            if (!c) {
                fputs(p, f);
                break;
            }
            fwrite(p, 1, (size_t)(c - p), f);
            const char *e = strstr(c + 4, "-->");
            if (!e)
                break;
            p = e + 3;
        }
    }
    fputs("</div>\n", f);
    free(svg);
}

static void bidder(FILE *f, const kt_screen_report *r, size_t b)
{
    const kt_screen_result *x = &r->res[b];
    const kt_tender_bidder *tb = &r->t->bidders[b];
    const kt_case_bidder *c = r->cases ? &r->cases[b] : NULL;
    char buf[2048], rs[200], pct[64];
    fputs("<section class=\"bidder\" id=\"", f);
    anchor(f, tb->id);
    fputs("\">\n<h2>", f);
    esc(f, tb->id);
    if (tb->name) {
        fputs(": ", f);
        esc(f, tb->name);
    }
    fputs("</h2>\n<p>", f);
    verdict(f, x->verdict);
    fputs(" ", f);
    kt_screen_out_explain(r, b, buf, sizeof buf);
    esc(f, buf);
    fputs("</p>\n<table><tr>", f);
    for (int k = 0; k < KT_CONS__COUNT; k++)
        fprintf(f, "<th>%s</th><td>%s</td>", k == 0 ? "C1" : k == 1 ? "C2" : k == 2 ? "C3A" : "C3B",
                kt_cons_name(x->cons[k]));
    fprintf(f, "<th>Route (%s)</th><td>%s</td></tr></table>\n", kt_regime_name(r->t->regime), kt_route_name(x->route));
    for (int slot = 0; slot < KT_WHY_VERDICT; slot++)
        captured(f, "why", r, b, slot, kt_screen_out_why_text, NULL);
    captured(f, "why", r, b, 0, coverage_fn, NULL);
    if (x->nprohibited) {
        fputs("<h3>Prohibitions</h3>\n", f);
        for (size_t i = 0; i < x->nprohibited; i++) {
            fputs("<div class=\"finding\">\n", f);
            captured(f, "why", r, b, 0, NULL, &x->prohibited[i]);
            path_list(f, r->g, &x->prohibited[i]);
            fputs("</div>\n", f);
        }
    }
    fputs("<h3>Parties</h3>\n<table><tr><th>Entity</th><th>Role</th><th>Country</th><th>Marked</th></tr>\n", f);
    for (size_t m = 0; m < x->nmembers; m++) {
        igraph_integer_t v = x->members[m].v;
        fputs("<tr><td>", f);
        esc(f, kt_graph_entity_id(r->g, v));
        fputs(" ", f);
        esc(f, kt_graph_entity_name(r->g, v));
        fprintf(f, "</td><td>%s</td><td>", kt_role_name(x->members[m].role));
        esc(f, kt_graph_entity_country(r->g, v));
        fputs("</td><td>", f);
        esc(f, kt_cli_reasons_text(x->members[m].reasons, " ", rs, sizeof rs));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n<h3>Findings</h3>\n", f);
    if (!x->nfindings)
        fprintf(f, "<p>No finding in the data%s.</p>\n", x->nunknown ? ", but the data is incomplete" : "");
    for (size_t i = 0; i < x->nfindings; i++) {
        const kt_screen_item *it = &x->findings[i];
        const char *country = kt_cli_country(kt_policy_origin(r->g, it->node));
        fputs("<div class=\"finding\">\n<p><b>", f);
        esc(f, kt_graph_entity_id(r->g, it->node));
        fputs("</b> ", f);
        esc(f, kt_graph_entity_name(r->g, it->node));
        fprintf(f, " (%s): %s; depth %d from the %s ", country[0] ? country : "country unknown",
                kt_cli_reasons_text(it->reasons, " ", rs, sizeof rs), it->depth, kt_role_name(it->role));
        esc(f, kt_graph_entity_id(r->g, it->start));
        fprintf(f, "%s</p>\n", it->party ? "; at the bidder's own level" : "");
        if (!kt_ival_is_unknown(it->interest))
            fprintf(f, "<p>Ownership interest along the path: %s</p>\n", kt_cli_pct(it->interest, pct, sizeof pct));
        path_list(f, r->g, it);
        if (c) {
            measures_of(f, r, c->fkinds[i]);
            if (c->fdec[i] && c->fdec[i]->decision != KT_DEC_NONE)
                decision(f, c->fdec[i], "Decision");
            else
                fprintf(f, "<p class=\"undecided\">Undecided</p>\n");
            fprintf(f, "<p class=\"src\">Key %s</p>\n", c->fkey[i]);
        }
        fputs("</div>\n", f);
    }
    diagram(f, r, b);
    fputs("<h3>Decisions</h3>\n", f);
    if (!r->decisions)
        fputs("<p>No decisions file was given.</p>\n", f);
    if (c && c->c3a && c->c3a->access_set)
        decision(f, c->c3a, "C3A for this bidder (overrides the tender's)");
    if (c && c->c3b && c->c3b->mitigation != KT_MITIGATION_UNKNOWN)
        decision(f, c->c3b, "C3B for this bidder (overrides the tender's): mitigation");
    if (c && c->bidder && c->bidder->decision != KT_DEC_NONE)
        decision(f, c->bidder, "Decision on the bidder");
    for (size_t s = 0; c && s < c->nstale; s++) {
        const kt_decision_rec *d = c->stale[s];
        fprintf(f, "<div class=\"finding\"><p class=\"stale\">Stale decision (key %s, line %ld): no finding has this "
                   "key now; the path it was about changed or is gone. Decide again.</p>\n", d->key, d->line);
        snprintf(buf, sizeof buf, "About %s", d->node ? d->node : "a finding");
        decision(f, d, buf);
        fputs("</div>\n", f);
    }
    if (r->decisions && c)
        fprintf(f, "<p>%zu of %zu findings undecided.</p>\n", c->nundecided, x->nfindings);
    fputs("<h3>Questions to the bidder</h3>\n", f);
    if (!x->nunknown)
        fputs("<p>None: the data does not stop on any path searched.</p>\n", f);
    for (size_t i = 0; i < x->nunknown; i++) {
        fputs("<div class=\"gap\"><p>", f);
        kt_screen_question(r, b, i, buf, sizeof buf);
        esc(f, buf);
        fputs("</p>\n", f);
        path_list(f, r->g, &x->unknown[i]);
        if (c)
            fprintf(f, "<p class=\"src\">Question %s; missing: %s</p>\n", c->ukey[i],
                    kt_cli_why_text(x->unknown[i].why, "; ", rs, sizeof rs));
        fputs("</div>\n", f);
    }
    fputs("</section>\n", f);
}

int kt_screen_out_html(FILE *f, const kt_screen_report *r)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "img-src data:\">\n<meta name=\"generator\" content=\"keten " KT_VERSION "\">\n<title>Screening report: ",
          f);
    esc(f, r->t->title ? r->t->title : r->t->id);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
    header(f, r);
    overview(f, r);
    measures_table(f, r);
    fputs("</header>\n", f);
    for (size_t b = 0; b < r->t->nbidders; b++)
        bidder(f, r, b);
    fputs("</body>\n</html>\n", f);
    return ferror(f) ? -1 : 0;
}
