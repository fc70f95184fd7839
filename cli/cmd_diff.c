/* cmd_diff.c: keten diff OLD NEW: entities and relations added, removed and changed between two
 * loads of the data (files or snapshots), and what changed around watched entities. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../analyses/kt_diff.h"
#include "cli.h"

static const char help[] =
    "usage: keten diff [OPTIONS] OLD NEW\n"
    "Example: keten diff anpr.ktn samples/anpr-tender/data.jsonl --watch lumen-modules\n"
    "(anpr.ktn as made by the example of keten index --help)\n\n"
    "Compares two loads of the data, each a data file or a snapshot (keten index): entities added,\n"
    "removed and changed (type, name, country, flags, identifiers, tags), and relations added,\n"
    "removed and changed (a relation is its type, endpoints and item; changed means another\n"
    "share, votes, flags, basis, qty, country, scope or dates; where it stands in a file does not\n"
    "count).  For each watched entity, every change of its controllers, ultimate controllers,\n"
    "beneficial owners and state influence (each also by the upper bounds), as keten owners\n"
    "computes them.\n\n"
    "Options:\n"
    "  --watch ID        watch this entity (may be repeated)\n"
    "  --watch-file F    watch the ids in F, one a line (blank lines and lines from # ignored)\n"
    "  --json            print the result as one JSON document\n"
    "  --from FORMAT     read both as FORMAT instead of detecting it\n"
    "  --quiet           print errors only, not warnings\n"
    "  -h, --help        show this help\n\n"
    "Exit status: 0 compared, nothing watched changed; 1 compared and something watched changed\n"
    "(for scheduled runs); 2 could not compare.\n";

typedef struct {
    char **v;
    size_t n, cap;
    char *file_text; /* --watch-file contents, owned */
} ids;

static int ids_add(ids *w, char *id)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        char **v = realloc(w->v, cap * sizeof *v);
        if (!v)
            return -1;
        w->v = v;
        w->cap = cap;
    }
    w->v[w->n++] = id;
    return 0;
}

/* The ids of a watch file, one a line. */
static int read_watch_file(ids *w, const char *path)
{
    size_t len;
    char *t = kt_cli_read_file(path, &len);
    if (!t)
        return -1;
    w->file_text = t;
    for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = '\0';
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line || *line == '#')
            continue;
        if (ids_add(w, line) != 0) {
            kt_cli_msg("out of memory");
            return -1;
        }
    }
    return 0;
}

static const char *kind_name(kt_diff_kind k)
{
    return k == KT_DIFF_ADDED ? "added" : k == KT_DIFF_REMOVED ? "removed" : "changed";
}

static void count(const kt_diff_item *v, size_t n, size_t c[3])
{
    c[0] = c[1] = c[2] = 0;
    for (size_t i = 0; i < n; i++)
        c[v[i].kind]++;
}

typedef struct {
    const kt_graph *a, *b;
    const kt_diff *d;
    const kt_watch *w;
    char **watch;
    size_t nwatch;
} ctx;

/* The relation's key as text: "owns a -> b" or "supplies a -> b (item x)". */
static const char *rel_key(const kt_graph *g, igraph_integer_t e, char *buf, size_t len)
{
    igraph_integer_t it = kt_graph_rel_item(g, e);
    int n = snprintf(buf, len, "%s %s -> %s", kt_rtype_name(kt_graph_rel_type(g, e)),
                     kt_graph_entity_id(g, kt_graph_rel_from(g, e)), kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
    if (it >= 0 && n > 0 && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, " (item %s)", kt_graph_entity_id(g, it));
    return buf;
}

/* The fields that differ, as "name: old -> new; ..." or as a JSON object. */
static void changed_fields(const ctx *c, const kt_diff_item *x, int rel, FILE *f, cJSON *obj)
{
    static char fa[KT_DIFF_FIELDS][KT_DIFF_TEXT], fb[KT_DIFF_FIELDS][KT_DIFF_TEXT];
    const char *na[KT_DIFF_FIELDS], *nb[KT_DIFF_FIELDS];
    size_t n = rel ? kt_diff_rel_fields(c->a, x->a, na, fa) : kt_diff_entity_fields(c->a, x->a, na, fa);
    (void)(rel ? kt_diff_rel_fields(c->b, x->b, nb, fb) : kt_diff_entity_fields(c->b, x->b, nb, fb));
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(fa[i], fb[i]) == 0)
            continue;
        if (f)
            fprintf(f, "%s%s \"%s\" -> \"%s\"", first ? "" : "; ", na[i], fa[i], fb[i]);
        if (obj) {
            cJSON *o = cJSON_AddObjectToObject(obj, na[i]);
            cJSON_AddStringToObject(o, "old", fa[i]);
            cJSON_AddStringToObject(o, "new", fb[i]);
        }
        first = 0;
    }
}

static void text(const ctx *c)
{
    char w1[512], w2[512], k[512];
    size_t n[3];
    count(c->d->ents, c->d->nents, n);
    printf("entities: %zu added, %zu removed, %zu changed\n", n[0], n[1], n[2]);
    for (size_t i = 0; i < c->d->nents; i++) {
        const kt_diff_item *x = &c->d->ents[i];
        if (x->kind == KT_DIFF_CHANGED) {
            printf("  ~ %s: ", kt_graph_entity_id(c->a, x->a));
            changed_fields(c, x, 0, stdout, NULL);
            printf("  [%s -> %s]\n", kt_graph_entity_where(c->a, x->a, w1, sizeof w1),
                   kt_graph_entity_where(c->b, x->b, w2, sizeof w2));
        } else {
            const kt_graph *g = x->kind == KT_DIFF_ADDED ? c->b : c->a;
            igraph_integer_t v = x->kind == KT_DIFF_ADDED ? x->b : x->a;
            printf("  %c %s (%s)  [%s]\n", x->kind == KT_DIFF_ADDED ? '+' : '-', kt_graph_entity_id(g, v),
                   kt_etype_name(kt_graph_entity_type(g, v)), kt_graph_entity_where(g, v, w1, sizeof w1));
        }
    }
    count(c->d->rels, c->d->nrels, n);
    printf("relations: %zu added, %zu removed, %zu changed\n", n[0], n[1], n[2]);
    for (size_t i = 0; i < c->d->nrels; i++) {
        const kt_diff_item *x = &c->d->rels[i];
        if (x->kind == KT_DIFF_CHANGED) {
            printf("  ~ %s: ", rel_key(c->a, x->a, k, sizeof k));
            changed_fields(c, x, 1, stdout, NULL);
            printf("  [%s -> %s]\n", kt_graph_rel_where(c->a, x->a, w1, sizeof w1),
                   kt_graph_rel_where(c->b, x->b, w2, sizeof w2));
        } else {
            const kt_graph *g = x->kind == KT_DIFF_ADDED ? c->b : c->a;
            igraph_integer_t e = x->kind == KT_DIFF_ADDED ? x->b : x->a;
            printf("  %c %s  [%s]\n", x->kind == KT_DIFF_ADDED ? '+' : '-', rel_key(g, e, k, sizeof k),
                   kt_graph_rel_where(g, e, w1, sizeof w1));
        }
    }
    if (!c->nwatch)
        return;
    size_t changed = 0;
    for (size_t i = 0; i < c->nwatch; i++)
        changed += c->w[i].changed != 0;
    printf("watched: %zu of %zu changed\n", changed, c->nwatch);
    for (size_t i = 0; i < c->nwatch; i++) {
        const kt_watch *w = &c->w[i];
        printf("  %s: %s\n", c->watch[i],
               !w->in_a && !w->in_b ? "in neither (no such entity)"
               : !w->in_a           ? "new: not in the old data"
               : !w->in_b           ? "gone: not in the new data"
               : w->changed         ? "changed"
                                    : "unchanged");
        for (int s = 0; s < KT_WATCH_SETS; s++) {
            if (!w->ngone[s] && !w->ncame[s])
                continue;
            printf("    %s:", kt_watch_set_name(s));
            for (size_t j = 0; j < w->ncame[s]; j++)
                printf(" +%s", w->came[s][j]);
            for (size_t j = 0; j < w->ngone[s]; j++)
                printf(" -%s", w->gone[s][j]);
            printf("\n");
        }
    }
}

static cJSON *ent_item(void *p, size_t i)
{
    const ctx *c = p;
    const kt_diff_item *x = &c->d->ents[i];
    char w[512];
    cJSON *o = cJSON_CreateObject();
    const kt_graph *g = x->kind == KT_DIFF_ADDED ? c->b : c->a;
    igraph_integer_t v = x->kind == KT_DIFF_ADDED ? x->b : x->a;
    cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, v));
    cJSON_AddStringToObject(o, "change", kind_name(x->kind));
    cJSON_AddStringToObject(o, "type", kt_etype_name(kt_graph_entity_type(g, v)));
    if (x->kind == KT_DIFF_CHANGED)
        changed_fields(c, x, 0, NULL, cJSON_AddObjectToObject(o, "fields"));
    if (x->a >= 0)
        cJSON_AddStringToObject(o, "old_source", kt_graph_entity_where(c->a, x->a, w, sizeof w));
    else
        cJSON_AddNullToObject(o, "old_source");
    if (x->b >= 0)
        cJSON_AddStringToObject(o, "new_source", kt_graph_entity_where(c->b, x->b, w, sizeof w));
    else
        cJSON_AddNullToObject(o, "new_source");
    return o;
}

static cJSON *rel_item(void *p, size_t i)
{
    const ctx *c = p;
    const kt_diff_item *x = &c->d->rels[i];
    char w[512];
    cJSON *o = cJSON_CreateObject();
    const kt_graph *g = x->kind == KT_DIFF_ADDED ? c->b : c->a;
    igraph_integer_t e = x->kind == KT_DIFF_ADDED ? x->b : x->a, it = kt_graph_rel_item(g, e);
    cJSON_AddStringToObject(o, "rel", kt_rtype_name(kt_graph_rel_type(g, e)));
    cJSON_AddStringToObject(o, "from", kt_graph_entity_id(g, kt_graph_rel_from(g, e)));
    cJSON_AddStringToObject(o, "to", kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
    if (it >= 0)
        cJSON_AddStringToObject(o, "item", kt_graph_entity_id(g, it));
    else
        cJSON_AddNullToObject(o, "item");
    cJSON_AddStringToObject(o, "change", kind_name(x->kind));
    if (x->kind == KT_DIFF_CHANGED)
        changed_fields(c, x, 1, NULL, cJSON_AddObjectToObject(o, "fields"));
    if (x->a >= 0)
        cJSON_AddStringToObject(o, "old_source", kt_graph_rel_where(c->a, x->a, w, sizeof w));
    else
        cJSON_AddNullToObject(o, "old_source");
    if (x->b >= 0)
        cJSON_AddStringToObject(o, "new_source", kt_graph_rel_where(c->b, x->b, w, sizeof w));
    else
        cJSON_AddNullToObject(o, "new_source");
    return o;
}

static cJSON *counts_json(const kt_diff_item *v, size_t n)
{
    size_t k[3];
    cJSON *o = cJSON_CreateObject();
    count(v, n, k);
    cJSON_AddNumberToObject(o, "added", (double)k[0]);
    cJSON_AddNumberToObject(o, "removed", (double)k[1]);
    cJSON_AddNumberToObject(o, "changed", (double)k[2]);
    return o;
}

static cJSON *watch_item(void *p, size_t i)
{
    const ctx *c = p;
    const kt_watch *w = &c->w[i];
    cJSON *o = cJSON_CreateObject(), *sets;
    cJSON_AddStringToObject(o, "id", c->watch[i]);
    cJSON_AddBoolToObject(o, "in_old", w->in_a);
    cJSON_AddBoolToObject(o, "in_new", w->in_b);
    cJSON_AddBoolToObject(o, "changed", w->changed);
    sets = cJSON_AddObjectToObject(o, "changes");
    for (int s = 0; s < KT_WATCH_SETS; s++) {
        if (!w->ngone[s] && !w->ncame[s])
            continue;
        cJSON *x = cJSON_AddObjectToObject(sets, kt_watch_set_name(s));
        cJSON_AddItemToObject(x, "added", cJSON_CreateStringArray(w->came[s], (int)w->ncame[s]));
        cJSON_AddItemToObject(x, "removed", cJSON_CreateStringArray(w->gone[s], (int)w->ngone[s]));
    }
    return o;
}

static int json(const ctx *c)
{
    kt_cli_json_stream js;
    cJSON *head = cJSON_CreateObject(), *s;
    cJSON_AddStringToObject(head, "keten", KT_VERSION);
    cJSON_AddItemToObject(head, "old", kt_cli_files_json(c->a));
    cJSON_AddItemToObject(head, "new", kt_cli_files_json(c->b));
    if (kt_cli_json_begin(&js, stdout, head) != 0)
        return -1;
    kt_cli_json_items(&js, "entities", c->d->nents, ent_item, (void *)c);
    kt_cli_json_items(&js, "relations", c->d->nrels, rel_item, (void *)c);
    kt_cli_json_items(&js, "watched", c->nwatch, watch_item, (void *)c);
    s = cJSON_CreateObject();
    cJSON_AddItemToObject(s, "entities", counts_json(c->d->ents, c->d->nents));
    cJSON_AddItemToObject(s, "relations", counts_json(c->d->rels, c->d->nrels));
    size_t changed = 0;
    for (size_t i = 0; i < c->nwatch; i++)
        changed += c->w[i].changed != 0;
    cJSON_AddNumberToObject(s, "watched_changed", (double)changed);
    kt_cli_json_add(&js, "summary", s);
    return kt_cli_json_end(&js);
}

int kt_cmd_diff(int argc, char **argv)
{
    static const struct option opts[] = {{"watch", required_argument, NULL, 'w'},
                                         {"watch-file", required_argument, NULL, 'W'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"from", required_argument, NULL, 'f'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    ids watch = {0};
    int as_json = 0, quiet = 0, opt, code = KT_EXIT_FAIL;
    kt_format fmt = KT_FMT_AUTO;
    kt_graph *a = NULL, *b = NULL;
    kt_diff d = {0};
    kt_watch *w = NULL;
    kt_own_opts oo;
    kt_errinfo ei;
    kt_err rc;

    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (opt) {
        case 'w':
            if (ids_add(&watch, optarg) != 0) {
                kt_cli_msg("out of memory");
                goto out;
            }
            break;
        case 'W':
            if (watch.file_text) {
                code = kt_cli_usage_error("diff", "--watch-file may be given once");
                goto out;
            }
            if (read_watch_file(&watch, optarg) != 0)
                goto out;
            break;
        case 'j': as_json = 1; break;
        case 'q': quiet = 1; break;
        case 'f':
            if (kt_format_parse(optarg, &fmt) != 0) {
                code = kt_cli_usage_error("diff", "unknown format \"%s\"", optarg);
                goto out;
            }
            break;
        case 'h': fputs(help, stdout); code = KT_EXIT_OK; goto out;
        default: code = kt_cli_usage_error("diff", "bad option"); goto out;
        }
    }
    if (argc - optind != 2) {
        code = kt_cli_usage_error("diff", "give two inputs, OLD and NEW (each a data file or a snapshot)");
        goto out;
    }
    if (kt_cli_load(argv + optind, 1, fmt, quiet, &a, NULL) != KT_EXIT_OK ||
        kt_cli_load(argv + optind + 1, 1, fmt, quiet, &b, NULL) != KT_EXIT_OK)
        goto out;
    if (kt_diff_run(a, b, &d) != KT_OK || !(w = calloc(watch.n + 1, sizeof *w))) {
        kt_cli_msg("out of memory");
        goto out;
    }
    kt_own_opts_init(&oo);
    for (size_t i = 0; i < watch.n; i++)
        if ((rc = kt_diff_watch(a, b, watch.v[i], &oo, &w[i], &ei)) != KT_OK) {
            kt_cli_msg("%s", rc == KT_ENOMEM ? "out of memory" : ei.msg);
            goto out;
        }
    ctx c = {a, b, &d, w, watch.v, watch.n};
    code = KT_EXIT_OK;
    if (as_json) {
        if (json(&c) != 0)
            code = KT_EXIT_FAIL;
    } else {
        text(&c);
    }
    for (size_t i = 0; i < watch.n && code == KT_EXIT_OK; i++)
        if (w[i].changed)
            code = KT_EXIT_THRESHOLD;
out:
    for (size_t i = 0; w && i < watch.n; i++)
        kt_watch_destroy(&w[i]);
    free(w);
    kt_diff_destroy(&d);
    free(watch.v);
    free(watch.file_text);
    kt_graph_free(a);
    kt_graph_free(b);
    return code;
}
