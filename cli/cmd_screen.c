/* cmd_screen.c: keten screen TENDER: every bidder of a tender, with a verdict and its evidence. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <errno.h>
#include <sys/stat.h>

#include "../analyses/kt_screen.h"
#include "../viz/kt_viz.h"
#include "cli.h"
#include "screen_run.h"
#include "screen_since.h"

static const char help[] =
    "usage: keten screen TENDER [--format table|json|jsonl|csv|md|html] [-o FILE] [--fail-on VERDICT]\n"
    "                    [--policy FILE] [--decisions FILE] [--answers FILE]... [--excel] [--quiet]\n"
    "                    [--allow-outside] [--force] [--since PREVIOUS.json]\n"
    "       keten screen TENDER --decisions-template -o FILE [--decisions FILE]\n"
    "Example: keten screen samples/anpr-tender/tender.json\n\n"
    "Screen every bidder of a tender against the four considerations (C1, C2, C3A, C3B) and\n"
    "the legal route for exclusion, with the findings and the paths that prove them.  The\n"
    "tender file names the regime (aw2012, adv or none), the access the contract opens, the\n"
    "assessor's answer on mitigation, the data files and the policy file.\n\n"
    "  --format F       table (default), json, jsonl (one bidder per line), csv (one row per\n"
    "                   bidder and finding), md (a report to read), html (one self-contained\n"
    "                   report with diagrams, a page per bidder when printed; needs -o)\n"
    "  -o FILE          write to FILE, whole or not at all (default: standard output)\n"
    "  --fail-on V      exit 1 when any bidder is at verdict V or worse; from least to most\n"
    "                   severe: clear, mitigate, review, specify_or_mitigate, exclusion_possible,\n"
    "                   prohibited\n"
    "  --policy FILE    use this policy file instead of the tender's\n"
    "  --decisions FILE the assessor's record (keten_decisions JSON): decisions per bidder and\n"
    "                   finding, merged into the output; a decision whose finding is gone is\n"
    "                   reported stale, a finding with none undecided; a bidder's C3A or C3B\n"
    "                   answer overrides the tender's\n"
    "  --decisions-template  write a decisions file to fill in (with -o FILE), keeping the\n"
    "                   decisions of --decisions that still match\n"
    "  --answers FILE   bidders' answers (keten's native format, see keten questions): read as\n"
    "                   data after the tender's files; may be given more than once\n"
    "  --diagrams DIR   also draw one evidence diagram per bidder with findings or unknowns into\n"
    "                   DIR/BIDDER.svg (made when missing); a bidder id with other characters\n"
    "                   than letters, digits, - _ . gets them as _ and ~HASH after, so no two\n"
    "                   bidders share a file; files that exist stop the run\n"
    "  --force          overwrite diagram files that exist\n"
    "  --diagram-format F  svg (default), png, pdf or dot for --diagrams\n"
    "  --since F        compare with an earlier run's --format json output F instead: per bidder\n"
    "                   a changed verdict, findings added, gone or changed (same finding, other\n"
    "                   path or sources), unknowns opened or closed, and decisions gone stale:\n"
    "                   on a finding of the earlier run that is gone or changed; with --decisions\n"
    "                   in both runs, a bidder's decision or C3B answer whose bidder's verdict\n"
    "                   or findings changed.  Unchanged bidders are counted, not listed (as a\n"
    "                   table or --format json)\n"
    "  --excel          CSV for Excel with a Dutch locale: UTF-8 byte order mark and ';'\n"
    "  --allow-outside  read data and policy files the tender names outside its own folder, or\n"
    "                   that are not regular files (refused by default: a tender may come from\n"
    "                   outside)\n"
    "  --quiet          no warnings or progress on stderr\n"
    "  --mpi            run the searches partitioned over the ranks of mpirun (keten-mpi,\n"
    "                   built by 'make mpi'; the same output for any number of ranks)\n"
    "  --timings        print how long loading, the searches, the bidders and the output took\n"
    "  -h, --help       this help\n\n"
    "keten supports the assessor's risk analysis; it does not replace it.\n"
    "Exit status: 0 screened; 1 screened and a bidder reached --fail-on; 2 could not screen.\n";

kt_screen_search_fn kt_cli_screen_mpi = NULL;

enum { FMT_TABLE, FMT_JSON, FMT_JSONL, FMT_CSV, FMT_MD, FMT_HTML };

static int parse_format(const char *s, int *out)
{
    static const char *names[] = {"table", "json", "jsonl", "csv", "md", "html"};
    for (int i = 0; i < 6; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = i;
            return 0;
        }
    return -1;
}

#define now kt_screen_run_now

/* A file name for a bidder id: letters, digits, '-', '_' and '.' kept, anything else '_'.  When
 * that changed or shortened the id, "~" and a hash of the whole id follow, so "a/b", "a_b" and
 * "a b" get three names ("a_b~...", "a_b", "a_b~..."): an id kept as it is never has a '~'. */
static void safe_name(const char *id, char *buf, size_t len)
{
    size_t j = 0, max = len - 18; /* room for "~" and 16 hex digits */
    const char *s = id;
    int changed = 0;
    for (; *s && j < max; s++, j++) {
        int keep = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
                   *s == '-' || *s == '_' || (*s == '.' && j > 0);
        buf[j] = keep ? *s : '_';
        changed |= !keep;
    }
    buf[j] = '\0';
    if (changed || *s || j == 0) {
        unsigned long long h = 14695981039346656037ULL; /* FNV-1a, 64 bits */
        for (s = id; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211ULL;
        snprintf(buf + j, len - j, "~%016llx", h);
    }
}

/* The diagram file of bidder b in dir. */
static void diagram_path(const char *dir, const kt_tender *t, size_t b, kt_viz_format fmt, char *path, size_t len)
{
    char name[200];
    safe_name(t->bidders[b].id, name, sizeof name);
    snprintf(path, len, "%s/%s.%s", dir, name, kt_viz_format_name(fmt));
}

/* Before anything is written: without --force, a diagram file that exists already stops the run. */
static int diagrams_free(const char *dir, kt_viz_format fmt, const kt_tender *t, const kt_screen_result *res)
{
    int bad = 0;
    for (size_t b = 0; b < t->nbidders; b++) {
        char path[4096];
        struct stat st;
        if (!res[b].nfindings && !res[b].nunknown)
            continue;
        diagram_path(dir, t, b, fmt, path, sizeof path);
        if (lstat(path, &st) == 0) {
            kt_cli_msg("%s exists: not overwritten (--force overwrites)", path);
            bad = 1;
        }
    }
    return bad ? -1 : 0;
}

/* One diagram per bidder with findings or unknowns, each file whole or not at all. */
static int write_diagrams(const char *dir, kt_viz_format fmt, const kt_graph *g, const kt_policy *p,
                          const kt_tender *t, const kt_screen_result *res)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        kt_cli_msg("%s: cannot make folder: %s", dir, strerror(errno));
        return -1;
    }
    for (size_t b = 0; b < t->nbidders; b++) {
        const kt_screen_result *r = &res[b];
        char path[4096];
        kt_errinfo ei = {0};
        kt_viz_diagram d;
        kt_cli_out o;
        if (!r->nfindings && !r->nunknown && !r->nprohibited)
            continue;
        diagram_path(dir, t, b, fmt, path, sizeof path);
        kt_viz_diagram_init(&d);
        kt_err rc = kt_viz_screen(&d, g, p, t->bidders[b].id, t->bidders[b].name, r);
        if (rc == KT_OK)
            rc = kt_viz_fold(&d, 200);
        if (rc == KT_OK && kt_cli_out_open(&o, path) == 0) {
            rc = kt_viz_render(&d, fmt, o.f, &ei);
            if (kt_cli_out_close(&o, rc == KT_OK) != 0 && rc == KT_OK)
                rc = KT_EIO;
        } else if (rc == KT_OK) {
            rc = KT_EIO;
        }
        kt_viz_diagram_destroy(&d);
        if (rc != KT_OK) {
            kt_cli_msg("%s: %s", path, ei.msg[0] ? ei.msg : kt_err_str(rc));
            return -1;
        }
    }
    return 0;
}

int kt_cmd_screen(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"fail-on", required_argument, NULL, 'F'},
                                         {"policy", required_argument, NULL, 'p'},
                                         {"excel", no_argument, NULL, 'x'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"timings", no_argument, NULL, 'T'},
                                         {"mpi", no_argument, NULL, 'M'},
                                         {"diagrams", required_argument, NULL, 'D'},
                                         {"diagram-format", required_argument, NULL, 'G'},
                                         {"decisions", required_argument, NULL, 'd'},
                                         {"decisions-template", no_argument, NULL, 'P'},
                                         {"answers", required_argument, NULL, 'a'},
                                         {"allow-outside", no_argument, NULL, 'A'},
                                         {"since", required_argument, NULL, 'S'},
                                         {"force", no_argument, NULL, 'W'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int opt, fmt = FMT_TABLE, quiet = 0, excel = 0, code = KT_EXIT_FAIL, fail_set = 0, timings = 0, allow_outside = 0, force = 0;
    int mpi = 0;
    double t_start = now(), t_loaded = 0, t_searched = 0, t_screened = 0;
    const char *out_path = NULL, *policy_path = NULL, *diagrams = NULL, *decisions_path = NULL, *since = NULL;
    int want_template = 0;
    kt_viz_format dfmt = KT_VIZ_SVG;
    kt_verdict fail_on = KT_VERDICT_CLEAR;
    kt_screen_run run;
    const kt_tender *t = NULL;
    const kt_screen_result *res = NULL;

    memset(&run, 0, sizeof run);

    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (opt) {
        case 'f':
            if (parse_format(optarg, &fmt) != 0)
                return kt_cli_usage_error("screen", "unknown format \"%s\" (%s)", optarg, kt_format_list());
            break;
        case 'o': out_path = optarg; break;
        case 'F':
            if (kt_verdict_parse(optarg, &fail_on) != 0)
                return kt_cli_usage_error("screen", "unknown verdict \"%s\"", optarg);
            fail_set = 1;
            break;
        case 'p': policy_path = optarg; break;
        case 'x': excel = 1; break;
        case 'q': quiet = 1; break;
        case 'T': timings = 1; break;
        case 'M': mpi = 1; break;
        case 'A': allow_outside = 1; break;
        case 'W': force = 1; break;
        case 'D': diagrams = optarg; break;
        case 'S': since = optarg; break;
        case 'G':
            if (kt_viz_format_parse(optarg, &dfmt) != 0)
                return kt_cli_usage_error("screen", "unknown diagram format \"%s\"", optarg);
            break;
        case 'd': decisions_path = optarg; break;
        case 'P': want_template = 1; break;
        case 'a':
            if (kt_screen_run_add_answers(&run, optarg) != 0) {
                kt_screen_run_destroy(&run);
                return KT_EXIT_FAIL;
            }
            break;
        case 'h': kt_screen_run_destroy(&run); fputs(help, stdout); return KT_EXIT_OK;
        default: kt_screen_run_destroy(&run); return kt_cli_usage_error("screen", "bad option");
        }
    }
    if (optind != argc - 1 || ((want_template || fmt == FMT_HTML) && (!out_path || !strcmp(out_path, "-")))) {
        kt_screen_run_destroy(&run);
        if (optind != argc - 1)
            return kt_cli_usage_error("screen", optind >= argc ? "no tender file" : "one tender file at a time");
        return kt_cli_usage_error("screen", "%s writes a file: give -o FILE",
                                  want_template ? "--decisions-template" : "--format html");
    }
    if (mpi && !kt_cli_screen_mpi) {
        kt_screen_run_destroy(&run);
        return kt_cli_usage_error("screen", "--mpi needs keten-mpi (built by 'make mpi') run under mpirun");
    }
    if (since && fmt != FMT_TABLE && fmt != FMT_JSON) {
        kt_screen_run_destroy(&run);
        return kt_cli_usage_error("screen", "--since compares as a table or as json");
    }

    run.tender_path = argv[optind];
    run.policy_path = policy_path;
    run.decisions_path = decisions_path;
    run.quiet = quiet;
    run.allow_outside = allow_outside;
    run.mpi = mpi;
    if (kt_screen_run_do(&run) != 0)
        goto out;
    t = run.t;
    res = run.res;
    t_loaded = run.t_loaded;
    t_searched = run.t_searched;
    t_screened = now();

    kt_screen_report rep = kt_screen_run_report(&run, excel);
    if (diagrams && !force && diagrams_free(diagrams, dfmt, t, res) != 0)
        goto out;
    kt_cli_out o;
    if (kt_cli_out_open(&o, out_path) != 0)
        goto out;
    int wrc;
    if (since) {
        /* the new run as JSON in memory, compared with the earlier run's */
        char *text = NULL;
        size_t len = 0;
        int changed;
        FILE *m = open_memstream(&text, &len);
        wrc = m ? kt_screen_out_json(m, &rep) : -1;
        if (m && fclose(m) != 0)
            wrc = -1;
        if (wrc == 0)
            wrc = kt_screen_since(o.f, since, text, len, fmt == FMT_JSON, &changed);
        else
            kt_cli_msg("out of memory");
        free(text);
    } else
    switch (want_template ? -1 : fmt) {
    case -1: wrc = kt_screen_case_template(o.f, &rep); break;
    case FMT_HTML: wrc = kt_screen_out_html(o.f, &rep); break;
    case FMT_JSON: wrc = kt_screen_out_json(o.f, &rep); break;
    case FMT_JSONL: wrc = kt_screen_out_jsonl(o.f, &rep); break;
    case FMT_CSV: wrc = kt_screen_out_csv(o.f, &rep); break;
    case FMT_MD: wrc = kt_screen_out_md(o.f, &rep); break;
    default: wrc = kt_screen_out_table(o.f, &rep); break;
    }
    if (kt_cli_out_close(&o, wrc == 0) != 0)
        goto out;
    if (diagrams && write_diagrams(diagrams, dfmt, run.g, run.p, t, res) != 0)
        goto out;
    code = KT_EXIT_OK;
    if (timings)
        kt_cli_msg("timings: load %.2f s, searches %.2f s, %zu bidders %.2f s, output %.2f s", t_loaded - t_start,
                   t_searched - t_loaded, t->nbidders, t_screened - t_searched, now() - t_screened);
    if (fail_set)
        for (size_t b = 0; b < t->nbidders; b++)
            if (res[b].verdict >= fail_on)
                code = KT_EXIT_THRESHOLD;
out:
    kt_screen_run_destroy(&run);
    return code;
}
