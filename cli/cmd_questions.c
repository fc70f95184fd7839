/* cmd_questions.c: keten questions TENDER: every "unknown beyond this point" of every bidder
 * as a question a buyer can send, with an answer template in keten's native format. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "screen_run.h"

static const char help[] =
    "usage: keten questions TENDER [--format md|csv|jsonl] [-o FILE] [--bidder ID] [--policy FILE]\n"
    "                       [--answers FILE]... [--quiet] [--allow-outside]\n"
    "Example: keten questions samples/anpr-tender/tender.json\n\n"
    "Screen the tender and turn every place where the data stops (\"unknown beyond this point\")\n"
    "into a question to the bidder: the maker and parts of an item, the owners of a company\n"
    "from the policy's owner threshold, the country an item comes from.  Each bidder gets an\n"
    "answer template in keten's native format (JSON Lines) in which it declares its answer and\n"
    "the source of it; read the filled-in answers with keten screen --answers FILE and the gaps\n"
    "they close are gone.  A template left with its ?? placeholders does not load.\n\n"
    "  --format F       md (default: a letter per bidder with its template), csv (one row per\n"
    "                   question), jsonl (the answer templates alone)\n"
    "  -o FILE          write to FILE, whole or not at all (default: standard output)\n"
    "  --bidder ID      only this bidder\n"
    "  --policy FILE    use this policy file instead of the tender's\n"
    "  --answers FILE   answers already received (read as data after the tender's files)\n"
    "  --quiet          no warnings or progress on stderr\n"
    "  --allow-outside  read files the tender names outside its folder (see keten screen --help)\n"
    "  -h, --help       this help\n\n"
    "Exit status: 0 written (also when there is nothing to ask); 2 could not answer.\n";

/* The name of v for people: "Name (id)", or the id alone. */
static const char *who(const kt_graph *g, igraph_integer_t v, char *buf, size_t len)
{
    const char *name = kt_graph_entity_name(g, v);
    if (name[0])
        snprintf(buf, len, "%s (%s)", name, kt_graph_entity_id(g, v));
    else
        snprintf(buf, len, "%s", kt_graph_entity_id(g, v));
    return buf;
}

void kt_screen_question(const kt_screen_report *r, size_t b, size_t i, char *buf, size_t len)
{
    const kt_screen_item *x = &r->res[b].unknown[i];
    const kt_graph *g = r->g;
    char name[400];
    size_t used = 0;
    int item = kt_etype_is_item(kt_graph_entity_type(g, x->node));
    who(g, x->node, name, sizeof name);
    buf[0] = '\0';
#define ADD(...)                                                                                                       \
    do {                                                                                                               \
        int w_ = snprintf(buf + used, len - used, __VA_ARGS__);                                                        \
        if (w_ > 0)                                                                                                    \
            used = (size_t)w_ < len - used ? used + (size_t)w_ : len - 1;                                              \
    } while (0)
    if (x->why & KT_UNK_ENTITY)
        ADD("Who is the party recorded as unspecified at %s: its name, country and owners? ", name);
    if (x->why & KT_UNK_ORIGIN)
        ADD(item ? "In which country is %s made? " : "In which country is %s established? ", name);
    if (x->why & KT_UNK_SUPPLIERS) {
        if (item)
            ADD("Who makes %s, and which parts does it contain, with their makers? ", name);
        else
            ADD("Who owns %s (every holder of %g%% or more of the votes, up to the ultimate owners), and who "
                "supplies it for this contract? If the list is complete, say so. ",
                name, kt_policy_thresholds_get(r->p)->owner_share);
    }
    if (x->why & KT_UNK_DEPTH)
        ADD("The chain beyond %s is longer than the %d relations searched: describe it further. ", name,
            kt_policy_thresholds_get(r->p)->max_depth);
    ADD("(Reached from the %s %s at depth %d.)", kt_role_name(x->role), kt_graph_entity_id(g, x->start), x->depth);
#undef ADD
}

static void json_str(FILE *f, const char *s)
{
    cJSON *j = cJSON_CreateString(s);
    char *t = j ? cJSON_PrintUnformatted(j) : NULL;
    fputs(t ? t : "\"\"", f);
    free(t);
    cJSON_Delete(j);
}

/* The answer template for gap i of bidder b: native JSON Lines with ?? where the bidder fills in. */
static void answer_template(FILE *f, const kt_screen_report *r, size_t b, size_t i)
{
    const kt_screen_item *x = &r->res[b].unknown[i];
    const kt_graph *g = r->g;
    igraph_integer_t v = x->node;
    const char *id = kt_graph_entity_id(g, v), *name = kt_graph_entity_name(g, v);
    int item = kt_etype_is_item(kt_graph_entity_type(g, v));
    char src[256];
    snprintf(src, sizeof src, "answer of %s to question %s: ?? (name the document and its date)", r->t->bidders[b].id,
             r->cases ? r->cases[b].ukey[i] : "");
    /* the entity itself again: what it was declared as, with what the answer adds */
    fprintf(f, "{\"id\":");
    json_str(f, id);
    fprintf(f, ",\"type\":\"%s\"", x->why & KT_UNK_ENTITY ? "company" : kt_etype_name(kt_graph_entity_type(g, v)));
    if (name[0]) {
        fprintf(f, ",\"name\":");
        json_str(f, name);
    }
    if (x->why & (KT_UNK_ORIGIN | KT_UNK_ENTITY))
        fprintf(f, ",\"country\":\"??\"");
    if (x->why & KT_UNK_SUPPLIERS)
        fprintf(f, ",\"complete\":true");
    fprintf(f, ",\"source\":");
    json_str(f, src);
    fprintf(f, "}\n");
    if (!(x->why & KT_UNK_SUPPLIERS))
        return;
    if (item) {
        fprintf(f, "{\"rel\":\"made_by\",\"from\":");
        json_str(f, id);
        fprintf(f, ",\"to\":\"maker-id??\",\"source\":");
        json_str(f, src);
        fprintf(f, "}\n{\"id\":\"maker-id??\",\"type\":\"company\",\"name\":\"??\",\"country\":\"??\",\"source\":");
    } else {
        fprintf(f, "{\"rel\":\"owns\",\"from\":\"owner-id??\",\"to\":");
        json_str(f, id);
        fprintf(f, ",\"share\":\"??\",\"source\":");
        json_str(f, src);
        fprintf(f, "}\n{\"id\":\"owner-id??\",\"type\":\"company\",\"name\":\"??\",\"country\":\"??\",\"source\":");
    }
    json_str(f, src);
    fprintf(f, "}\n");
}

static int want(const char *only, const kt_screen_report *r, size_t b)
{
    return !only || strcmp(only, r->t->bidders[b].id) == 0;
}

static void md(FILE *f, const char *s)
{
    kt_cli_md_text(f, s ? s : "");
}

static int out_md(FILE *f, const kt_screen_report *r, const char *only)
{
    char buf[2048], why[200];
    fprintf(f, "# Questions to the bidders: ");
    md(f, r->t->title ? r->t->title : r->t->id);
    fprintf(f, "\n\nTender ");
    md(f, r->t->id);
    fprintf(f, ". Where the data keten was given stops, the screening cannot say whether a risk lies beyond. "
               "Each question below asks for what is missing; answer it by filling in the template (keten's "
               "native format, JSON Lines): replace every ?? and name the document each answer rests on.\n");
    for (size_t b = 0; b < r->t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        if (!want(only, r, b))
            continue;
        fprintf(f, "\n## ");
        md(f, r->t->bidders[b].id);
        if (r->t->bidders[b].name) {
            fprintf(f, ": ");
            md(f, r->t->bidders[b].name);
        }
        fprintf(f, "\n\n");
        if (!x->nunknown) {
            fprintf(f, "No questions: the data does not stop on any path searched.\n");
            continue;
        }
        for (size_t i = 0; i < x->nunknown; i++) {
            kt_screen_question(r, b, i, buf, sizeof buf);
            fprintf(f, "%zu. ", i + 1);
            md(f, buf);
            fprintf(f, " Missing: %s. Question %s.\n", kt_cli_why_text(x->unknown[i].why, "; ", why, sizeof why),
                    r->cases ? r->cases[b].ukey[i] : "");
        }
        fprintf(f, "\nAnswer template:\n\n```json\n");
        for (size_t i = 0; i < x->nunknown; i++)
            answer_template(f, r, b, i);
        fprintf(f, "```\n");
    }
    return ferror(f) ? -1 : 0;
}

static int out_csv(FILE *f, const kt_screen_report *r, const char *only)
{
    static const char *cols[] = {"tender", "bidder", "bidder_name", "question_key", "node", "node_name", "type",
                                 "missing", "question", "from", "depth"};
    char buf[2048], why[200], depth[16];
    kt_cli_csv_header(f, cols, sizeof cols / sizeof cols[0], ',');
    for (size_t b = 0; b < r->t->nbidders; b++) {
        const kt_screen_result *x = &r->res[b];
        for (size_t i = 0; want(only, r, b) && i < x->nunknown; i++) {
            const kt_screen_item *u = &x->unknown[i];
            kt_screen_question(r, b, i, buf, sizeof buf);
            snprintf(depth, sizeof depth, "%d", u->depth);
            kt_cli_csv_cell(f, r->t->id, 0, ',');
            kt_cli_csv_cell(f, r->t->bidders[b].id, 0, ',');
            kt_cli_csv_cell(f, r->t->bidders[b].name, 0, ',');
            kt_cli_csv_cell(f, r->cases ? r->cases[b].ukey[i] : "", 0, ',');
            kt_cli_csv_cell(f, kt_graph_entity_id(r->g, u->node), 0, ',');
            kt_cli_csv_cell(f, kt_graph_entity_name(r->g, u->node), 0, ',');
            kt_cli_csv_cell(f, kt_etype_name(kt_graph_entity_type(r->g, u->node)), 0, ',');
            kt_cli_csv_cell(f, kt_cli_why_text(u->why, "; ", why, sizeof why), 0, ',');
            kt_cli_csv_cell(f, buf, 0, ',');
            kt_cli_csv_cell(f, kt_graph_entity_id(r->g, u->start), 0, ',');
            fprintf(f, "%s\r\n", depth);
        }
    }
    return ferror(f) ? -1 : 0;
}

static int out_jsonl(FILE *f, const kt_screen_report *r, const char *only)
{
    fprintf(f, "{\"keten\":\"1\"}\n");
    for (size_t b = 0; b < r->t->nbidders; b++)
        for (size_t i = 0; want(only, r, b) && i < r->res[b].nunknown; i++)
            answer_template(f, r, b, i);
    return ferror(f) ? -1 : 0;
}

int kt_cmd_questions(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"bidder", required_argument, NULL, 'b'},
                                         {"policy", required_argument, NULL, 'p'},
                                         {"answers", required_argument, NULL, 'a'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"allow-outside", no_argument, NULL, 'A'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int opt, fmt = 0, code = KT_EXIT_FAIL;
    const char *out_path = NULL, *only = NULL;
    kt_screen_run run;

    memset(&run, 0, sizeof run);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (opt) {
        case 'f':
            fmt = !strcmp(optarg, "md") ? 0 : !strcmp(optarg, "csv") ? 1 : !strcmp(optarg, "jsonl") ? 2 : -1;
            if (fmt < 0) {
                kt_screen_run_destroy(&run);
                return kt_cli_usage_error("questions", "unknown format \"%s\" (md, csv, jsonl)", optarg);
            }
            break;
        case 'o': out_path = optarg; break;
        case 'b': only = optarg; break;
        case 'p': run.policy_path = optarg; break;
        case 'q': run.quiet = 1; break;
        case 'A': run.allow_outside = 1; break;
        case 'a':
            if (kt_screen_run_add_answers(&run, optarg) != 0) {
                kt_screen_run_destroy(&run);
                return KT_EXIT_FAIL;
            }
            break;
        case 'h': kt_screen_run_destroy(&run); fputs(help, stdout); return KT_EXIT_OK;
        default: kt_screen_run_destroy(&run); return kt_cli_usage_error("questions", "bad option");
        }
    }
    if (optind != argc - 1) {
        kt_screen_run_destroy(&run);
        return kt_cli_usage_error("questions", optind >= argc ? "no tender file" : "one tender file at a time");
    }
    run.tender_path = argv[optind];
    if (kt_screen_run_do(&run) != 0)
        goto out;
    if (only) {
        size_t b = 0;
        while (b < run.t->nbidders && strcmp(run.t->bidders[b].id, only) != 0)
            b++;
        if (b == run.t->nbidders) {
            kt_cli_msg("%s: no bidder \"%s\" in the tender", run.t->path, only);
            goto out;
        }
    }
    kt_screen_report rep = kt_screen_run_report(&run, 0);
    kt_cli_out o;
    if (kt_cli_out_open(&o, out_path) != 0)
        goto out;
    int wrc = fmt == 1 ? out_csv(o.f, &rep, only) : fmt == 2 ? out_jsonl(o.f, &rep, only) : out_md(o.f, &rep, only);
    if (kt_cli_out_close(&o, wrc == 0) == 0)
        code = KT_EXIT_OK;
out:
    kt_screen_run_destroy(&run);
    return code;
}
