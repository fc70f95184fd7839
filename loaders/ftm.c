/* ftm.c: FollowTheMoney entities as JSON Lines (the OpenSanctions export form).
 *
 * Each line is {"id", "schema", "properties"}, every property an array of strings.
 * Mapping (docs/loaders.md has the table):
 *   Company, Organization, LegalEntity -> company; PublicBody -> state; Person -> person;
 *     id "ftm:" + id, identifier ("ftm", id), leiCode -> lei, innCode -> inn, ogrnCode -> ogrn,
 *     wikidataId -> wikidata; caption (else the first name); country from jurisdiction /
 *     country / mainCountry (persons: nationality / citizenship / country), lower-case codes
 *     normalised; topics become tags, gov.soe sets state_owned, and sanction, sanction.linked,
 *     debarment, export.control become marks (authority "OpenSanctions topic")
 *   Ownership owner -> asset        -> owns, percentage -> share, startDate -> since, endDate ->
 *     until (ended ones are kept: the date filter decides); with a graph date, the records of
 *     one owner in one asset in force on it are one holding restated (ftm_ownership_restated)
 *   Directorship director -> organization -> director_of with its role: not control
 *   Control controller -> controlled -> controls (controlType appointment: board, contractual:
 *     contract, else other)
 *   Sanction entity                 -> a sanction mark: authority, program (else programId),
 *     since (earliest startDate, else listingDate), until (endDate)
 *   other schemas (Family, Address, Payment, ...) are not read: counted per schema
 *     (ftm_schema_skipped)
 *   a relation to an entity not in the file gets a placeholder entity of type unknown and the
 *     warning ftm_ref_unknown, so the relation is kept and the gap is visible
 * Complexity: O(input size) expected, plus O(k log k) for k Ownership records held when the
 * graph has a date; streams line by line, keeping the ids it has seen. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../graph/kt_mem.h"
#include "load_i.h"

#define MAX_LIST 16

typedef struct {
    char *schema;
    size_t n;
    long line; /* of the first record */
} skipinfo;

typedef struct {
    char *from, *to, *source; /* "ftm:" ids and the record id */
    kt_ival share;
    char since[11], until[11];
    long line;
    size_t seq;
} held;

typedef struct {
    kt_load_map declared; /* ftm id -> 1 */
    kt_load_map refs;     /* ftm id -> line of its first reference */
    char **order;         /* referenced ids in order of first reference (for stable output) */
    size_t nref, refcap;
    kt_load_buf b1, b2, b3;
    kt_load_map skip;     /* schema -> index in skips */
    skipinfo *skips;      /* schemas not read, in order of first occurrence */
    size_t nskip, skipcap;
    held *held;           /* Ownership records held until the end (hold()) */
    size_t nheld, heldcap;
} ftm;

/* The first string of property key; a wrong type is a field_type error (*bad). */
static const char *prop(kt_load_ctx *c, const cJSON *props, const char *key, long line, int *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, key);
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsArray(v) || (v->child && !cJSON_IsString(v->child))) {
        kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL,
                     "property \"%s\" must be an array of strings", key);
        *bad = 1;
        return NULL;
    }
    return v->child ? v->child->valuestring : NULL;
}

/* Room for one more element in *p (n used of *cap, each sz bytes); 0 on success. */
static int grow(void **p, size_t *cap, size_t n, size_t sz)
{
    return kt_grow(p, cap, n + 1, sz) == KT_OK ? 0 : -1;
}

static kt_err reference(ftm *f, const char *id, long line)
{
    size_t *r = kt_load_i_map_get(&f->refs, id, 1);
    if (!r)
        return KT_ENOMEM;
    if (*r != KT_MAP_NEW)
        return KT_OK;
    *r = (size_t)line;
    if (grow((void **)&f->order, &f->refcap, f->nref, sizeof *f->order) != 0)
        return KT_ENOMEM;
    size_t n = strlen(id) + 1;
    if (!(f->order[f->nref] = malloc(n)))
        return KT_ENOMEM;
    memcpy(f->order[f->nref++], id, n);
    return KT_OK;
}

static kt_err entity(kt_load_ctx *c, ftm *f, const cJSON *o, const cJSON *props, const char *id, const char *schema,
                     long line)
{
    static const char *idprops[4][2] = {{"leiCode", "lei"}, {"innCode", "inn"}, {"ogrnCode", "ogrn"},
                                        {"wikidataId", "wikidata"}};
    const char *schemes[5], *values[5], *tags[MAX_LIST];
    kt_entity_in e;
    int bad = 0, person = strcmp(schema, "Person") == 0;
    const char *cty = NULL;

    memset(&e, 0, sizeof e);
    if (kt_load_i_buf_printf(&f->b1, "ftm:%s", id) != 0)
        return KT_ENOMEM;
    e.id = f->b1.s;
    e.type = person ? KT_ENT_PERSON : strcmp(schema, "PublicBody") == 0 ? KT_ENT_STATE : KT_ENT_COMPANY;
    /* the caption is the name FtM chose to show (Kalashnikov Concern, not its former name) */
    e.name = kt_load_i_jstr(o, "caption");
    if (!e.name || !*e.name)
        e.name = prop(c, props, "name", line, &bad);
    static const char *pc[3] = {"nationality", "citizenship", "country"};
    static const char *oc[3] = {"jurisdiction", "country", "mainCountry"};
    for (int k = 0; k < 3 && !cty; k++)
        cty = prop(c, props, person ? pc[k] : oc[k], line, &bad);
    e.country = kt_load_i_country(c, cty, "ftm_country_unrecognised", line, NULL);
    schemes[0] = "ftm";
    values[0] = id;
    e.n_ident = 1;
    for (int k = 0; k < 4; k++) {
        const char *v = prop(c, props, idprops[k][0], line, &bad);
        if (v && *v) {
            schemes[e.n_ident] = idprops[k][1];
            values[e.n_ident++] = v;
        }
    }
    const cJSON *topics = cJSON_GetObjectItemCaseSensitive(props, "topics"), *t;
    prop(c, props, "topics", line, &bad);
    static const char *mark_topics[KT_MARK__COUNT] = {"sanction", "sanction.linked", "debarment", "export.control"};
    unsigned marks = 0;
    cJSON_ArrayForEach(t, topics)
    {
        if (!cJSON_IsString(t))
            continue;
        if (strcmp(t->valuestring, "gov.soe") == 0)
            e.flags |= KT_EF_STATE_OWNED | KT_EF_STATE_OWNED_SET;
        for (int k = 0; k < KT_MARK__COUNT; k++)
            if (strcmp(t->valuestring, mark_topics[k]) == 0)
                marks |= 1u << k;
        if (e.n_tags < MAX_LIST)
            tags[e.n_tags++] = t->valuestring;
    }
    if (bad)
        return KT_OK;
    e.ident_scheme = schemes;
    e.ident_value = values;
    e.tags = tags;
    e.source = id;
    size_t *dcl = kt_load_i_map_get(&f->declared, id, 1);
    if (!dcl)
        return KT_ENOMEM;
    *dcl = 1;
    kt_err rc = kt_graph_add_entity(c->g, &e, c->file, line, c->d);
    /* a topic is OpenSanctions' summary of the entity's listings: a mark without authority */
    for (int k = 0; k < KT_MARK__COUNT && rc == KT_OK; k++)
        if (marks & (1u << k)) {
            kt_mark_in m;
            memset(&m, 0, sizeof m);
            m.entity = e.id;
            m.kind = (kt_mark_kind)k;
            m.programme = mark_topics[k];
            m.authority = "OpenSanctions topic";
            m.source = id;
            rc = kt_graph_add_mark(c->g, &m, c->file, line, c->d);
        }
    return rc;
}

/* The earliest of a date property's values (ISO dates compare as strings), or NULL. */
static const char *earliest(const cJSON *props, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(props, key), *x;
    const char *best = NULL;
    cJSON_ArrayForEach(x, v)
    {
        if (cJSON_IsString(x) && *x->valuestring && (!best || strcmp(x->valuestring, best) < 0))
            best = x->valuestring;
    }
    return best;
}

/* Ownership records held until the end of the file (only when the graph has a date): the
 * same owner and asset stated in several records in force on that date are one holding
 * restated (registers republish it: 50%, then 48%, then 51%), not stakes to add up. */
static kt_err hold(ftm *f, const kt_rel_in *r, long line)
{
    if (grow((void **)&f->held, &f->heldcap, f->nheld, sizeof *f->held) != 0)
        return KT_ENOMEM;
    held *h = &f->held[f->nheld];
    memset(h, 0, sizeof *h);
    h->share = r->share;
    h->line = line;
    h->seq = f->nheld;
    if (!(h->from = strdup(r->from)) || !(h->to = strdup(r->to)) || !(h->source = strdup(r->source))) {
        free(h->from);
        free(h->to);
        return KT_ENOMEM;
    }
    snprintf(h->since, sizeof h->since, "%s", r->since ? r->since : "");
    snprintf(h->until, sizeof h->until, "%s", r->until ? r->until : "");
    f->nheld++;
    return KT_OK;
}

static int cmp_held(const void *a, const void *b)
{
    const held *x = a, *y = b;
    int c = strcmp(x->from, y->from);
    if (!c)
        c = strcmp(x->to, y->to);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Whether [since, until] (partial dates widened to whole years or months) holds date. */
static int in_force(const held *h, const char *date)
{
    char lo[11], hi[11];
    size_t n;
    if (h->since[0]) {
        snprintf(lo, sizeof lo, "%s", h->since);
        n = strlen(lo);
        if (n == 4 || n == 7)
            memcpy(lo + n, n == 4 ? "-01-01" : "-01", n == 4 ? 7 : 4);
        if (strcmp(lo, date) > 0)
            return 0;
    }
    if (h->until[0]) {
        snprintf(hi, sizeof hi, "%s", h->until);
        n = strlen(hi);
        if (n == 4 || n == 7)
            memcpy(hi + n, n == 4 ? "-12-31" : "-31", n == 4 ? 7 : 4);
        if (strcmp(hi, date) < 0)
            return 0;
    }
    return 1;
}

static kt_err add_held(kt_load_ctx *c, const held *h, kt_ival share, const char *since, const char *until)
{
    kt_rel_in r;
    kt_rel_in_init(&r, KT_REL_OWNS, h->from, h->to);
    r.share = share;
    r.since = since && *since ? since : NULL;
    r.until = until && *until ? until : NULL;
    r.source = h->source;
    return kt_graph_add_relation(c->g, &r, c->file, h->line, c->d);
}

/* Add the held Ownership records: per owner and asset, those in force on the graph's date
 * become one relation whose share spans what they state (unknown when none states one),
 * with a warning naming the records; the rest keep their own dates (the date filter leaves
 * them out).  Complexity: O(k log k) for k Ownership records. */
static kt_err flush_held(kt_load_ctx *c, ftm *f)
{
    const char *date = kt_graph_date(c->g);
    kt_err rc = KT_OK;
    qsort(f->held, f->nheld, sizeof *f->held, cmp_held);
    for (size_t a = 0, b; a < f->nheld && rc == KT_OK; a = b) {
        size_t live = 0, first = 0;
        kt_ival span = kt_ival_unknown();
        char ids[512] = "";
        for (b = a; b < f->nheld && strcmp(f->held[a].from, f->held[b].from) == 0 &&
                    strcmp(f->held[a].to, f->held[b].to) == 0;
             b++) {
            const held *h = &f->held[b];
            if (!in_force(h, date)) {
                rc = rc == KT_OK ? add_held(c, h, h->share, h->since, h->until) : rc;
                continue;
            }
            if (!live++)
                first = b;
            size_t n = strlen(ids);
            snprintf(ids + n, sizeof ids - n, "%s%s", n ? ", " : "", h->source);
            if (!kt_ival_is_unknown(h->share)) {
                if (kt_ival_is_unknown(span))
                    span = h->share;
                span.min = h->share.min < span.min ? h->share.min : span.min;
                span.max = h->share.max > span.max ? h->share.max : span.max;
            }
        }
        if (!live || rc != KT_OK)
            continue;
        const held *h = &f->held[first];
        if (live == 1) {
            rc = add_held(c, h, h->share, h->since, h->until);
            continue;
        }
        char s[64];
        rc = kt_diags_add(c->d, KT_SEV_WARNING, "ftm_ownership_restated", c->file, h->line, NULL,
                          "%zu Ownership records of %.60s in %.60s are in force on %s (%.300s): read as one "
                          "holding of %s",
                          live, h->from, h->to, date, ids, kt_ival_text(span, "-", "unknown share", s, sizeof s));
        if (rc == KT_OK)
            rc = add_held(c, h, span, NULL, NULL);
    }
    return rc;
}

enum { R_OWNERSHIP, R_DIRECTORSHIP, R_CONTROL };

static kt_err relation(kt_load_ctx *c, ftm *f, const cJSON *props, const char *id, int kind, long line)
{
    static const char *names[3] = {"Ownership", "Directorship", "Control"};
    static const char *ends[3][2] = {{"owner", "asset"}, {"director", "organization"}, {"controller", "controlled"}};
    int bad = 0, own = kind == R_OWNERSHIP;
    const char *from = prop(c, props, ends[kind][0], line, &bad);
    const char *to = prop(c, props, ends[kind][1], line, &bad);
    const char *pct = own ? prop(c, props, "percentage", line, &bad) : NULL;
    const char *sd = prop(c, props, "startDate", line, &bad), *ed = prop(c, props, "endDate", line, &bad);
    const char *role = kind == R_DIRECTORSHIP ? prop(c, props, "role", line, &bad) : NULL;
    const char *ctype = kind == R_CONTROL ? prop(c, props, "controlType", line, &bad) : NULL;
    char since[11], until[11];
    kt_rel_in r;
    kt_err rc;

    if (bad)
        return KT_OK;
    if (!from || !to)
        return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL, "%s needs \"%s\" and \"%s\"",
                            names[kind], ends[kind][0], ends[kind][1]);
    if ((rc = reference(f, from, line)) != KT_OK || (rc = reference(f, to, line)) != KT_OK)
        return rc;
    if (kt_load_i_buf_printf(&f->b2, "ftm:%s", from) != 0 || kt_load_i_buf_printf(&f->b3, "ftm:%s", to) != 0)
        return KT_ENOMEM;
    kt_rel_in_init(&r, own ? KT_REL_OWNS : kind == R_DIRECTORSHIP ? KT_REL_DIRECTOR_OF : KT_REL_CONTROLS, f->b2.s,
                   f->b3.s);
    if (kind == R_DIRECTORSHIP)
        r.role = role && *role ? role : "director";
    if (kind == R_CONTROL)
        r.basis = ctype && strcmp(ctype, "appointment") == 0   ? KT_BASIS_BOARD
                  : ctype && strcmp(ctype, "contractual") == 0 ? KT_BASIS_CONTRACT
                                                               : KT_BASIS_OTHER;
    if (pct) {
        char buf[64];
        double v;
        size_t n = strlen(pct);
        snprintf(buf, sizeof buf, "%s", pct);
        if (n && n < sizeof buf && buf[n - 1] == '%')
            buf[n - 1] = '\0';
        if (kt_load_i_number(buf, &v) == 0)
            r.share.min = r.share.max = v;
        else if ((rc = kt_diags_add(c->d, KT_SEV_WARNING, "ftm_share_invalid", c->file, line, NULL,
                                    "percentage \"%.40s\" is not a number: share left unknown", pct)) != KT_OK)
            return rc;
    }
    /* an ended relation is kept with its dates: --as-of (default today) decides */
    r.since = kt_load_i_date(c, sd, since, line, NULL);
    r.until = kt_load_i_date(c, ed, until, line, NULL);
    r.source = id;
    if (own && kt_graph_date(c->g))
        return hold(f, &r, line); /* restatements are judged once the whole file is read */
    return kt_graph_add_relation(c->g, &r, c->file, line, c->d);
}

/* A Sanction record: a sanction mark on its entity, with authority, programme and dates. */
static kt_err sanction(kt_load_ctx *c, ftm *f, const cJSON *props, const char *id, long line)
{
    int bad = 0;
    const char *ent = prop(c, props, "entity", line, &bad);
    const char *status = prop(c, props, "status", line, &bad);
    char since[11], until[11];
    kt_mark_in m;
    kt_err rc;

    memset(&m, 0, sizeof m);
    m.kind = KT_MARK_SANCTION;
    m.authority = prop(c, props, "authority", line, &bad);
    m.programme = prop(c, props, "program", line, &bad);
    if (!m.programme)
        m.programme = prop(c, props, "programId", line, &bad);
    prop(c, props, "startDate", line, &bad);
    prop(c, props, "endDate", line, &bad);
    prop(c, props, "listingDate", line, &bad);
    if (bad)
        return KT_OK;
    if (!ent || !*ent)
        return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL, "Sanction needs \"entity\"");
    const char *sd = earliest(props, "startDate");
    m.since = kt_load_i_date(c, sd ? sd : earliest(props, "listingDate"), since, line, NULL);
    m.until = kt_load_i_date(c, prop(c, props, "endDate", line, &bad), until, line, NULL);
    if (status && !m.until &&
        (strcasecmp(status, "inactive") == 0 || strcasecmp(status, "expired") == 0 ||
         strcasecmp(status, "suspended") == 0 || strcasecmp(status, "revoked") == 0))
        return kt_diags_add(c->d, KT_SEV_WARNING, "ftm_sanction_inactive", c->file, line, NULL,
                            "Sanction with status \"%.20s\" and no end date: not read as a sanction in force",
                            status);
    if ((rc = reference(f, ent, line)) != KT_OK)
        return rc;
    if (kt_load_i_buf_printf(&f->b2, "ftm:%s", ent) != 0)
        return KT_ENOMEM;
    m.entity = f->b2.s;
    m.source = id;
    return kt_graph_add_mark(c->g, &m, c->file, line, c->d);
}

/* A schema keten does not read: counted, and reported once per schema at the end. */
static kt_err skipped(ftm *f, const char *schema, long line)
{
    size_t *w = kt_load_i_map_get(&f->skip, schema, 1);
    if (!w)
        return KT_ENOMEM;
    if (*w == KT_MAP_NEW) {
        if (grow((void **)&f->skips, &f->skipcap, f->nskip, sizeof *f->skips) != 0)
            return KT_ENOMEM;
        *w = f->nskip;
        f->skips[f->nskip].line = line;
        f->skips[f->nskip].n = 0;
        if (!(f->skips[f->nskip].schema = strdup(schema)))
            return KT_ENOMEM;
        f->nskip++;
    }
    f->skips[*w].n++;
    return KT_OK;
}

static kt_err record(kt_load_ctx *c, cJSON *o, long line, void *ud)
{
    ftm *f = ud;
    kt_err rc = KT_OK;
    int bad = 0;
    const char *id, *schema;
    const cJSON *props;

    if (!cJSON_IsObject(o)) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "record_type", c->file, line, NULL, "record must be a JSON object");
        goto out;
    }
    id = kt_load_i_str(c, o, "id", line, NULL, &bad);
    schema = kt_load_i_str(c, o, "schema", line, NULL, &bad);
    props = cJSON_GetObjectItemCaseSensitive(o, "properties");
    if (bad)
        goto out;
    if (!id || !*id || !schema) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL, "entity needs \"id\" and \"schema\"");
        goto out;
    }
    if (props && !cJSON_IsObject(props)) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL, "field \"properties\" must be an object");
        goto out;
    }
    if (strcmp(schema, "Company") == 0 || strcmp(schema, "Organization") == 0 || strcmp(schema, "LegalEntity") == 0 ||
        strcmp(schema, "PublicBody") == 0 || strcmp(schema, "Person") == 0)
        rc = entity(c, f, o, props, id, schema, line);
    else if (strcmp(schema, "Ownership") == 0)
        rc = relation(c, f, props, id, R_OWNERSHIP, line);
    else if (strcmp(schema, "Directorship") == 0)
        rc = relation(c, f, props, id, R_DIRECTORSHIP, line);
    else if (strcmp(schema, "Control") == 0)
        rc = relation(c, f, props, id, R_CONTROL, line);
    else if (strcmp(schema, "Sanction") == 0)
        rc = sanction(c, f, props, id, line);
    else
        rc = skipped(f, schema, line);
out:
    cJSON_Delete(o);
    return rc;
}

kt_err kt_load_i_ftm(kt_load_ctx *c, kt_src *s)
{
    ftm f;
    kt_err rc;

    memset(&f, 0, sizeof f);
    kt_load_i_map_init(&f.declared);
    kt_load_i_map_init(&f.refs);
    kt_load_i_map_init(&f.skip);
    rc = kt_load_i_json_records_each(c, s, NULL, record, &f); /* record copies what it keeps */
    if (rc == KT_OK && f.nheld)
        rc = flush_held(c, &f);
    for (size_t i = 0; i < f.nskip && rc == KT_OK; i++)
        rc = kt_diags_add(c->d, KT_SEV_WARNING, "ftm_schema_skipped", c->file, f.skips[i].line, NULL,
                          "%zu record%s of schema %.40s not read (not an entity, ownership, control, directorship "
                          "or sanction)",
                          f.skips[i].n, f.skips[i].n == 1 ? "" : "s", f.skips[i].schema);
    for (size_t i = 0; i < f.nref && rc == KT_OK; i++) {
        const char *id = f.order[i];
        if (kt_load_i_map_get(&f.declared, id, 0))
            continue;
        long line = (long)*kt_load_i_map_get(&f.refs, id, 0);
        kt_entity_in e;
        if (kt_load_i_buf_printf(&f.b1, "ftm:%s", id) != 0) {
            rc = KT_ENOMEM;
            break;
        }
        memset(&e, 0, sizeof e);
        e.id = f.b1.s;
        e.type = KT_ENT_UNKNOWN;
        e.name = "(not in the file)";
        e.source = id;
        if ((rc = kt_diags_add(c->d, KT_SEV_WARNING, "ftm_ref_unknown", c->file, line, NULL,
                               "entity \"%s\" is referred to but not in the file: kept as an unknown entity", id)) !=
                KT_OK ||
            (rc = kt_graph_add_entity(c->g, &e, c->file, line, c->d)) != KT_OK)
            break;
    }
    for (size_t i = 0; i < f.nref; i++)
        free(f.order[i]);
    free(f.order);
    free(f.b1.s);
    free(f.b2.s);
    free(f.b3.s);
    for (size_t i = 0; i < f.nheld; i++) {
        free(f.held[i].from);
        free(f.held[i].to);
        free(f.held[i].source);
    }
    free(f.held);
    for (size_t i = 0; i < f.nskip; i++)
        free(f.skips[i].schema);
    free(f.skips);
    kt_load_i_map_destroy(&f.skip);
    kt_load_i_map_destroy(&f.declared);
    kt_load_i_map_destroy(&f.refs);
    return rc;
}

/* FollowTheMoney: one {"id", "schema", "properties"} per line. */
int kt_load_i_ftm_detect(const char *head, size_t len, size_t first)
{
    return len && head[0] == '{' && kt_load_i_has(head, first, "\"schema\"") &&
           kt_load_i_has(head, first, "\"properties\"");
}
