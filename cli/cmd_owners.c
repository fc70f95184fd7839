/* cmd_owners.c: keten owners ENTITY FILE...: who owns and controls an entity.  The printing
 * of a kt_own_result here serves keten owned (cmd_owned.c) too. */
#include <stdlib.h>
#include <string.h>

#include "own_cli.h"

static const char help_owners[] =
    "usage: keten owners [OPTIONS] ENTITY FILE...\n"
    "Example: keten owners lumen-modules samples/anpr-tender/data.jsonl\n\n"
    "Everyone upstream of ENTITY through owns and controls relations: direct shares, integrated\n"
    "interest in capital and votes (the sum over every chain of the product of the shares,\n"
    "cross-holdings solved), whether each controls ENTITY, the ultimate controllers, the\n"
    "beneficial owners, state influence (states, state-owned entities and what they control),\n"
    "and for each owner its strongest path with the source of every relation on it.\n\n" KT_OWN_CLI_OPTIONS;

static cJSON *ids(const kt_graph *g, const kt_own_result *r, unsigned flag)
{
    cJSON *a = cJSON_CreateArray();
    /* sorted by id: parties are sorted by interest, so collect and sort */
    size_t k = 0, *idx = malloc((r->n + 1) * sizeof *idx);
    if (!idx)
        return a;
    for (size_t i = 0; i < r->n; i++)
        if (r->parties[i].flags & flag)
            idx[k++] = i;
    kt_own_sort_by_id(g, r, idx, k);
    for (size_t i = 0; i < k; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(kt_graph_entity_id(g, r->parties[idx[i]].v)));
    free(idx);
    return a;
}

static const char *yes_may(unsigned flags, unsigned yes, unsigned may)
{
    return (flags & yes) ? "yes" : (flags & may) ? "may" : "no";
}

typedef struct {
    const kt_graph *g;
    const kt_own_result *r;
    igraph_integer_t *path;
} json_ctx;

/* One owner (or owned entity) as JSON, for kt_cli_print_json_items. */
static cJSON *party_json(void *vctx, size_t i)
{
    json_ctx *c = vctx;
    const kt_graph *g = c->g;
    const kt_own_result *r = c->r;
    igraph_integer_t *path = c->path;
    int down = r->downstream;
    const kt_own_party *p = &r->parties[i];
    cJSON *o = cJSON_CreateObject(), *pa, *ev;
    cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, p->v));
    cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, p->v));
    cJSON_AddStringToObject(o, "type", kt_etype_name(kt_graph_entity_type(g, p->v)));
    cJSON_AddStringToObject(o, "country", kt_graph_entity_country(g, p->v));
    cJSON_AddItemToObject(o, "direct", p->has_direct ? kt_cli_ival_json(p->direct) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "direct_votes", p->has_direct ? kt_cli_ival_json(p->direct_votes) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "integrated", kt_own_cli_interest_json(p->capital));
    cJSON_AddItemToObject(o, "integrated_votes", kt_own_cli_interest_json(p->votes));
    cJSON_AddStringToObject(o, "cycle", !p->cycle ? "no" : !(p->cycle & 2) ? "yes" : down ? "with_source" : "with_target");
    cJSON_AddStringToObject(o, "integrated_status", kt_own_status_name(p->status));
    cJSON_AddItemToObject(o, "declared", p->has_declared ? kt_cli_ival_json(p->declared) : cJSON_CreateNull());
    cJSON_AddBoolToObject(o, "controls", p->controls == KT_OWN_YES);
    cJSON_AddStringToObject(o, "control", kt_own_ctrl_name(p->controls));
    cJSON_AddBoolToObject(o, "control_declared", (p->flags & KT_OWN_F_DECLARED_CTRL) != 0);
    if (!down) {
        cJSON_AddStringToObject(o, "beneficial_owner", yes_may(p->flags, KT_OWN_F_BO, KT_OWN_F_BO_MAY));
        cJSON_AddStringToObject(o, "ultimate_controller",
                                yes_may(p->flags, KT_OWN_F_ULTIMATE, KT_OWN_F_ULTIMATE_MAY));
        cJSON_AddStringToObject(o, "state_influence", yes_may(p->flags, KT_OWN_F_STATE, KT_OWN_F_STATE_MAY));
    }
    cJSON_AddBoolToObject(o, "state_or_state_owned", (p->flags & KT_OWN_F_STATEISH) != 0);
    size_t len = kt_own_party_path(r, i, path, KT_OWN_CLI_PATH_MAX), m = len < KT_OWN_CLI_PATH_MAX ? len : KT_OWN_CLI_PATH_MAX;
    pa = cJSON_AddArrayToObject(o, "path");
    ev = cJSON_CreateArray();
    /* a very deep chain keeps the first (owners) or last (owned) KT_OWN_CLI_PATH_MAX relations */
    cJSON_AddNumberToObject(o, "path_elided", (double)(len - m));
    for (size_t k = 0; k < m; k++) {
        if (k == 0)
            cJSON_AddItemToArray(pa, cJSON_CreateString(kt_graph_entity_id(g, kt_graph_rel_from(g, path[k]))));
        cJSON_AddItemToArray(pa, cJSON_CreateString(kt_graph_entity_id(g, kt_graph_rel_to(g, path[k]))));
        cJSON_AddItemToArray(ev, kt_own_cli_step_json(g, path[k]));
    }
    cJSON_AddItemToObject(o, "evidence", ev);
    return o;
}

/* What the data states about the subject beside what keten computes: parties it declares
 * beneficial owners (KT_RF_BENEFICIAL on a relation into the subject), and roles and
 * directorships (role_in, director_of), which are shown but are not ownership or control.
 * Complexity: O(in-degree of the subject). */
static int is_declared_bo(const kt_graph *g, igraph_integer_t e)
{
    return (kt_graph_rel_flags(g, e) & KT_RF_BENEFICIAL) != 0;
}

static int is_role(const kt_graph *g, igraph_integer_t e)
{
    kt_rtype t = kt_graph_rel_type(g, e);
    return t == KT_REL_ROLE_IN || t == KT_REL_DIRECTOR_OF;
}

static cJSON *stated_json(const kt_graph *g, igraph_integer_t subject, int (*want)(const kt_graph *, igraph_integer_t))
{
    const igraph_integer_t *in;
    igraph_integer_t n = kt_graph_in(g, subject, &in);
    cJSON *a = cJSON_CreateArray();
    char w[512];
    for (igraph_integer_t i = 0; a && i < n; i++) {
        if (!want(g, in[i]))
            continue;
        igraph_integer_t f = kt_graph_rel_from(g, in[i]);
        const char *role = kt_graph_rel_role(g, in[i]);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", kt_graph_entity_id(g, f));
        cJSON_AddStringToObject(o, "name", kt_graph_entity_name(g, f));
        cJSON_AddStringToObject(o, "relation", kt_rtype_name(kt_graph_rel_type(g, in[i])));
        if (role)
            cJSON_AddStringToObject(o, "role", role);
        else
            cJSON_AddNullToObject(o, "role");
        cJSON_AddStringToObject(o, "source", kt_graph_rel_where(g, in[i], w, sizeof w));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static void stated_text(const kt_graph *g, igraph_integer_t subject)
{
    cJSON *bo = stated_json(g, subject, is_declared_bo), *roles = stated_json(g, subject, is_role), *x;
    const char *last = "";
    printf("declared beneficial owners (as the data states them):");
    if (!cJSON_GetArraySize(bo))
        printf(" none stated");
    cJSON_ArrayForEach(x, bo)
    {
        const char *id = cJSON_GetObjectItem(x, "id")->valuestring;
        if (strcmp(id, last) != 0) /* in-relations come sorted by party */
            printf(" %s", kt_cli_text(id));
        last = id;
    }
    printf("\n");
    if (cJSON_GetArraySize(roles)) {
        printf("roles (shown; not ownership or control):\n");
        cJSON_ArrayForEach(x, roles)
        {
            const char *name = cJSON_GetObjectItem(x, "name")->valuestring;
            const cJSON *role = cJSON_GetObjectItem(x, "role");
            printf("  %s%s%s%s %s %s [%s]\n", kt_cli_text(cJSON_GetObjectItem(x, "id")->valuestring),
                   name[0] ? " (" : "", kt_cli_text(name), name[0] ? ")" : "",
                   cJSON_GetObjectItem(x, "relation")->valuestring,
                   cJSON_IsString(role) ? kt_cli_text(role->valuestring) : "-",
                   kt_cli_text(cJSON_GetObjectItem(x, "source")->valuestring));
        }
    }
    cJSON_Delete(bo);
    cJSON_Delete(roles);
}

/* The document without its list of parties, which kt_cli_print_json_items adds last. */
static cJSON *result_head(const kt_graph *g, const kt_own_result *r)
{
    cJSON *doc = kt_own_cli_doc(g);
    int down = r->downstream;
    cJSON_AddStringToObject(doc, down ? "source" : "target", kt_graph_entity_id(g, r->subject));
    cJSON_AddStringToObject(doc, "name", kt_graph_entity_name(g, r->subject));
    cJSON_AddItemToObject(doc, "thresholds", kt_own_cli_thresholds_json(g, &r->opts));
    if (!down) {
        cJSON_AddItemToObject(doc, "ultimate_controllers", ids(g, r, KT_OWN_F_ULTIMATE));
        cJSON_AddItemToObject(doc, "possible_ultimate_controllers", ids(g, r, KT_OWN_F_ULTIMATE_MAY));
        cJSON_AddItemToObject(doc, "beneficial_owners", ids(g, r, KT_OWN_F_BO));
        cJSON_AddItemToObject(doc, "possible_beneficial_owners", ids(g, r, KT_OWN_F_BO_MAY));
        cJSON_AddItemToObject(doc, "state_influence", ids(g, r, KT_OWN_F_STATE));
        cJSON_AddItemToObject(doc, "possible_state_influence", ids(g, r, KT_OWN_F_STATE_MAY));
        cJSON_AddBoolToObject(doc, "target_state_influence", r->subject_state != 0);
        cJSON_AddItemToObject(doc, "declared_beneficial_owners", stated_json(g, r->subject, is_declared_bo));
        cJSON_AddItemToObject(doc, "roles", stated_json(g, r->subject, is_role));
    }
    return doc;
}


static void list_text(const kt_graph *g, const kt_own_result *r, const char *label, unsigned flag, const char *none)
{
    cJSON *a = ids(g, r, flag), *x;
    printf("%s:", label);
    if (!cJSON_GetArraySize(a))
        printf(" %s", none);
    cJSON_ArrayForEach(x, a) printf(" %s", x->valuestring);
    printf("\n");
    cJSON_Delete(a);
}

/* Print a table row without trailing blanks. */
static void row_end(FILE *m, char **buf, size_t *len)
{
    fclose(m);
    size_t n = strlen(*buf);
    while (n > 0 && (*buf)[n - 1] == ' ')
        n--;
    printf("%.*s\n", (int)n, *buf);
    free(*buf);
    *buf = NULL;
}

static void result_text(const kt_graph *g, const kt_own_result *r, igraph_integer_t *path)
{
    char *buf = NULL;
    size_t blen = 0;
    char d[64], c[64], v[64];
    int down = r->downstream;
    const char *name = kt_graph_entity_name(g, r->subject);
    printf("%s %s%s%s%s\n", down ? "owned or controlled by" : "owners and controllers of",
           kt_cli_text(kt_graph_entity_id(g, r->subject)), name[0] ? " (" : "", kt_cli_text(name), name[0] ? ")" : "");
    kt_own_cli_thresholds_text(stdout, g, &r->opts);
    printf("\n");
    if (r->n == 0) {
        printf("%s\n", down ? "owns and controls nothing in the data" : "no owner or controller in the data");
        if (!down)
            stated_text(g, r->subject);
        return;
    }
    int wname = 4; /* the NAME column: as wide as the widest name */
    for (size_t i = 0; i < r->n; i++) {
        int w = kt_cli_text_width(kt_cli_text(kt_graph_entity_name(g, r->parties[i].v)));
        wname = w > wname ? w : wname;
    }
    printf("%-20s ", "ENTITY");
    kt_cli_pad(stdout, "NAME", wname);
    printf(" %-10s %-10s %-12s %-12s %-8s %s\n", "TYPE", "DIRECT", "INTEGRATED", "VOTES", "KNOWN",
           down ? "CONTROLLED" : "CONTROLS  NOTES");
    for (size_t i = 0; i < r->n; i++) {
        const kt_own_party *p = &r->parties[i];
        FILE *m = open_memstream(&buf, &blen);
        if (!m)
            return;
        const char *pname = kt_graph_entity_name(g, p->v);
        fprintf(m, "%-20s ", kt_cli_text(kt_graph_entity_id(g, p->v)));
        kt_cli_pad(m, pname[0] ? pname : "-", wname);
        fprintf(m, " %-10s %-10s %-12s %-12s %-8s %s", kt_etype_name(kt_graph_entity_type(g, p->v)),
               p->has_direct ? kt_cli_pct(p->direct, d, sizeof d) : "-", kt_own_cli_interest(p->capital, c, sizeof c),
               kt_own_cli_interest(p->votes, v, sizeof v), kt_own_status_name(p->status),
               p->controls == KT_OWN_YES ? "yes" : p->controls == KT_OWN_MAY ? "may" : "no ");
        if (!down) {
            if (p->flags & KT_OWN_F_ULTIMATE)
                fprintf(m, "       ultimate");
            else if (p->flags & KT_OWN_F_ULTIMATE_MAY)
                fprintf(m, "       may-be-ultimate");
            else
                fprintf(m, "      ");
            if (p->flags & KT_OWN_F_BO)
                fprintf(m, " beneficial-owner");
            else if (p->flags & KT_OWN_F_BO_MAY)
                fprintf(m, " may-be-beneficial-owner");
            if (p->flags & KT_OWN_F_STATE)
                fprintf(m, " state-influence");
            else if (p->flags & KT_OWN_F_STATE_MAY)
                fprintf(m, " may-be-state-influence");
            if (p->has_declared)
                fprintf(m, " declared:%s", kt_cli_pct(p->declared, d, sizeof d));
        }
        if (kt_own_cli_over(p->capital) || kt_own_cli_over(p->votes))
            fprintf(m, " (%s)", kt_own_cli_over_note(p, down));
        row_end(m, &buf, &blen);
    }
    if (!down) {
        printf("\n");
        list_text(g, r, "ultimate controllers", KT_OWN_F_ULTIMATE, "none found in the data");
        list_text(g, r, "possible ultimate controllers (upper bounds)", KT_OWN_F_ULTIMATE_MAY, "none");
        list_text(g, r, "beneficial owners", KT_OWN_F_BO, "none found in the data");
        list_text(g, r, "possible beneficial owners (upper bounds)", KT_OWN_F_BO_MAY, "none");
        list_text(g, r, "state influence", KT_OWN_F_STATE, "none found in the data");
        list_text(g, r, "possible state influence (upper bounds)", KT_OWN_F_STATE_MAY, "none");
        stated_text(g, r->subject);
    }
    /* each party's first relation is formatted once and reused by every path through it: a
     * long chain prints the same relations up to KT_OWN_CLI_PATH_MAX times */
    char **memo = calloc(r->n + 1, sizeof *memo);
    size_t *chain = malloc(KT_OWN_CLI_PATH_MAX * sizeof *chain);
    printf("\nstrongest paths, with the source of each relation:\n");
    for (size_t i = 0; i < r->n && memo && chain; i++) {
        size_t len = r->parties[i].path_len, m = len < KT_OWN_CLI_PATH_MAX ? len : KT_OWN_CLI_PATH_MAX, k = 0;
        for (long p = (long)i; p >= 0 && k < m; p = r->parties[p].path_next)
            chain[r->downstream ? m - 1 - k++ : k++] = (size_t)p;
        const char *pname = kt_graph_entity_name(g, r->parties[i].v);
        printf("%s%s%s%s:\n", kt_cli_text(kt_graph_entity_id(g, r->parties[i].v)), pname[0] ? " (" : "",
               kt_cli_text(pname), pname[0] ? ")" : "");
        if (m < len && r->downstream)
            printf("  %s ... %zu more relations ...\n", kt_cli_text(kt_graph_entity_id(g, r->subject)), len - m);
        for (k = 0; k < m; k++) {
            char **t = &memo[chain[k]];
            size_t tl;
            FILE *f;
            if (!*t && (f = open_memstream(t, &tl)) != NULL) {
                kt_own_cli_step_text(f, g, r->parties[chain[k]].path_edge);
                fclose(f);
            }
            printf("  %s", *t ? *t : "?\n");
        }
        if (m < len && !r->downstream)
            printf("  ... %zu more relations to %s\n", len - m, kt_cli_text(kt_graph_entity_id(g, r->subject)));
    }
    for (size_t i = 0; memo && i < r->n; i++)
        free(memo[i]);
    free(memo);
    free(chain);
}

int kt_own_cli_parties(const char *cmd, const char *help, int down, int argc, char **argv)
{
    kt_own_cli c;
    kt_graph *g = NULL;
    kt_own_result r;
    kt_errinfo ei;
    igraph_integer_t *path = NULL;
    int code = kt_own_cli_parse(cmd, help, argc, argv, &c);
    kt_err rc;

    memset(&r, 0, sizeof r);
    if (code >= 0)
        return code;
    if (argc - optind < 2)
        return kt_cli_usage_error(cmd, argc - optind < 1 ? "no entity given" : "no input files");
    const char *id = argv[optind];
    if ((code = kt_own_cli_load(&c, argv + optind + 1, argc - optind - 1, &g)) != KT_EXIT_OK)
        goto out;
    igraph_integer_t v = kt_cli_entity(g, id);
    if (v < 0) {
        code = KT_EXIT_FAIL;
        goto out;
    }
    rc = down ? kt_own_downstream(g, v, &c.o, &r, &ei) : (c.mpi ? kt_cli_owners_mpi : kt_own_upstream)(g, v, &c.o, &r, &ei);
    if (rc != KT_OK) {
        kt_cli_msg("%s", rc == KT_ENOMEM ? "out of memory" : ei.msg);
        code = KT_EXIT_FAIL;
        goto out;
    }
    if (!(path = malloc(KT_OWN_CLI_PATH_MAX * sizeof *path))) {
        kt_cli_msg("out of memory");
        code = KT_EXIT_FAIL;
        goto out;
    }
    if (c.json) {
        json_ctx jc = {g, &r, path};
        if (kt_cli_print_json_items(stdout, result_head(g, &r), r.downstream ? "owned" : "owners", r.n, party_json,
                                    &jc) != 0)
            code = KT_EXIT_FAIL;
    } else {
        result_text(g, &r, path);
    }
out:
    free(path);
    kt_own_result_destroy(&r);
    kt_graph_free(g);
    return code;
}

int kt_cmd_owners(int argc, char **argv)
{
    return kt_own_cli_parties("owners", help_owners, 0, argc, argv);
}
