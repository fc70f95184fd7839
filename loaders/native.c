/* native.c: keten's own format, version 1, as a JSON document or as JSON Lines.
 *
 * Document: {"keten": "1", "entities": [...], "relations": [...], "marks": [...]}.
 * JSON Lines: one object per line; "rel" makes it a relation, "type" an entity; an optional
 * first line {"keten": "1"} names the version.  The README has the field reference.
 * Complexity: O(input size); one cJSON tree per line (JSON Lines) or per document. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "native_i.h"

#define MAX_LIST 64 /* identifiers and tags kept per entity */

enum { E_COMPLETE, E_COUNTRY, E_ID, E_IDENTIFIERS, E_LISTED, E_NAME, E_SOURCE, E_STATE_OWNED, E_TAGS, E_TYPE, E__N };
static const char *const ent_keys[E__N] = {"complete", "country",     "id",   "identifiers", "listed",
                                           "name",     "source",      "state_owned", "tags", "type"}; /* sorted */

/* The decode steps (decode_entity, decode_relation, decode_mark) set *ok when the record is
 * to be added; problems go to c->d.  They may run on any thread (lines.c). */
static kt_err decode_entity(kt_load_ctx *c, const cJSON *o, long line, kt_entity_in *ep, const char **schemes,
                            const char **values, const char **tags, int *ok)
{
    kt_entity_in e;
    int bad = 0, b;
    const char *type;
    const cJSON *f[E__N];

    *ok = 0;
    kt_load_i_fields(c, o, ent_keys, E__N, f, 1, line, NULL);
    memset(&e, 0, sizeof e);
    e.id = kt_load_i_v_str(c, f[E_ID], "id", line, NULL, &bad);
    type = kt_load_i_v_str(c, f[E_TYPE], "type", line, NULL, &bad);
    if (bad)
        return KT_OK;
    if (!e.id || !e.id[0])
        return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL, "entity has no \"id\"");
    if (!type || kt_etype_parse(type, &e.type) != 0)
        return kt_diags_add(c->d, KT_SEV_ERROR, "type_unknown", c->file, line, NULL,
                            "unknown entity type \"%s\" (company, person, state, product, component, consortium, service)",
                            type ? type : "");
    e.name = kt_load_i_v_str(c, f[E_NAME], "name", line, NULL, &bad);
    e.country = kt_load_i_v_str(c, f[E_COUNTRY], "country", line, NULL, &bad);
    e.source = kt_load_i_v_str(c, f[E_SOURCE], "source", line, NULL, &bad);
    if (kt_load_i_v_bool(c, f[E_STATE_OWNED], "state_owned", line, NULL, &bad, &b))
        e.flags |= KT_EF_STATE_OWNED_SET | (b ? KT_EF_STATE_OWNED : 0);
    if (kt_load_i_v_bool(c, f[E_LISTED], "listed", line, NULL, &bad, &b))
        e.flags |= KT_EF_LISTED_SET | (b ? KT_EF_LISTED : 0);
    if (kt_load_i_v_bool(c, f[E_COMPLETE], "complete", line, NULL, &bad, &b))
        e.flags |= KT_EF_COMPLETE_SET | (b ? KT_EF_COMPLETE : 0);

    const cJSON *ids = f[E_IDENTIFIERS];
    if (ids && !cJSON_IsNull(ids)) {
        if (!cJSON_IsObject(ids)) {
            kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL,
                         "field \"identifiers\" must be an object of scheme: value");
            bad = 1;
        } else {
            for (const cJSON *x = ids->child; x && e.n_ident < MAX_LIST; x = x->next) {
                if (!cJSON_IsString(x)) {
                    kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL,
                                 "identifier \"%s\" must be a string", x->string);
                    bad = 1;
                    continue;
                }
                schemes[e.n_ident] = x->string;
                values[e.n_ident++] = x->valuestring;
            }
        }
    }
    const cJSON *tl = f[E_TAGS];
    if (tl && !cJSON_IsNull(tl)) {
        if (!cJSON_IsArray(tl)) {
            kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL, "field \"tags\" must be an array");
            bad = 1;
        } else {
            for (const cJSON *x = tl->child; x && e.n_tags < MAX_LIST; x = x->next) {
                if (!cJSON_IsString(x)) {
                    kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL, "tags must be strings");
                    bad = 1;
                    break;
                }
                tags[e.n_tags++] = x->valuestring;
            }
        }
    }
    if (bad)
        return KT_OK;
    e.ident_scheme = schemes;
    e.ident_value = values;
    e.tags = tags;
    *ep = e;
    *ok = 1;
    return KT_OK;
}

enum { R_BASIS, R_BENEFICIAL, R_COUNTRY, R_DECLARED, R_FROM, R_ITEM, R_QTY, R_REL, R_ROLE, R_SCOPE, R_SHARE,
       R_SINCE, R_SOLE_SOURCE, R_SOURCE, R_TO, R_UNTIL, R_VOTES, R__N };
static const char *const rel_keys[R__N] = {"basis", "beneficial", "country", "declared", "from",   "item",
                                           "qty",   "rel",        "role",    "scope",    "share",  "since",
                                           "sole_source", "source", "to",   "until",    "votes"}; /* sorted */

int kt_load_i_native_rel_finish(kt_rel_in *r, const char *basis, const char *role)
{
    if (r->since && !kt_load_i_is_date(r->since))
        return 1;
    if (r->until && !kt_load_i_is_date(r->until))
        return 2;
    if (basis && kt_basis_parse(basis, &r->basis) != 0)
        return 3;
    if (role && (r->type == KT_REL_DIRECTOR_OF || r->type == KT_REL_ROLE_IN))
        r->role = role; /* free text: "trustee", "board_member", "General Director" */
    else if (role && kt_load_i_streq(role, "lead"))
        r->flags |= KT_RF_LEAD;
    else if (role && !kt_load_i_streq(role, "member"))
        return 4;
    return 0;
}

static kt_err decode_relation(kt_load_ctx *c, const cJSON *o, long line, kt_rel_in *rp, int *ok)
{
    kt_rel_in r;
    int bad = 0, b;
    const char *rel, *from, *to, *basis, *role;
    const cJSON *f[R__N];

    *ok = 0;
    kt_load_i_fields(c, o, rel_keys, R__N, f, 1, line, NULL);
    rel = kt_load_i_v_str(c, f[R_REL], "rel", line, NULL, &bad);
    from = kt_load_i_v_str(c, f[R_FROM], "from", line, NULL, &bad);
    to = kt_load_i_v_str(c, f[R_TO], "to", line, NULL, &bad);
    if (bad)
        return KT_OK;
    kt_rel_in_init(&r, KT_REL_OWNS, from, to);
    if (!rel || kt_rtype_parse(rel, &r.type) != 0)
        return kt_diags_add(c->d, KT_SEV_ERROR, "rel_unknown", c->file, line, NULL,
                            "unknown relation \"%s\" (owns, controls, supplies, subcontracts, contains, made_by, "
                            "member_of, offers, director_of, role_in)",
                            rel ? rel : "");
    if (!from || !from[0] || !to || !to[0])
        return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL,
                            "%s relation needs \"from\" and \"to\"", rel);
    r.source = kt_load_i_v_str(c, f[R_SOURCE], "source", line, NULL, &bad);
    r.since = kt_load_i_v_str(c, f[R_SINCE], "since", line, NULL, &bad);
    r.until = kt_load_i_v_str(c, f[R_UNTIL], "until", line, NULL, &bad);
    r.share = kt_load_i_v_share(c, f[R_SHARE], "share", line, NULL, &bad);
    r.votes = kt_load_i_v_share(c, f[R_VOTES], "votes", line, NULL, &bad);
    r.item = kt_load_i_v_str(c, f[R_ITEM], "item", line, NULL, &bad);
    r.scope = kt_load_i_v_str(c, f[R_SCOPE], "scope", line, NULL, &bad);
    r.country = kt_load_i_v_str(c, f[R_COUNTRY], "country", line, NULL, &bad);
    basis = kt_load_i_v_str(c, f[R_BASIS], "basis", line, NULL, &bad);
    role = kt_load_i_v_str(c, f[R_ROLE], "role", line, NULL, &bad);
    if (kt_load_i_v_bool(c, f[R_SOLE_SOURCE], "sole_source", line, NULL, &bad, &b) && b)
        r.flags |= KT_RF_SOLE_SOURCE;
    /* a declared indirect summary (as BODS primary indirect, GLEIF ultimate parent) */
    if (kt_load_i_v_bool(c, f[R_DECLARED], "declared", line, NULL, &bad, &b) && b)
        r.flags |= KT_RF_DECLARED;
    /* the source names the from-party a beneficial owner of the to-party */
    if (kt_load_i_v_bool(c, f[R_BENEFICIAL], "beneficial", line, NULL, &bad, &b) && b)
        r.flags |= KT_RF_BENEFICIAL;
    const cJSON *q = f[R_QTY];
    if (q && !cJSON_IsNull(q)) {
        if (!cJSON_IsNumber(q) || !isfinite(q->valuedouble)) {
            kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL, "field \"qty\" must be a number");
            bad = 1;
        } else {
            r.qty = q->valuedouble;
        }
    }
    if (bad)
        return KT_OK;
    switch (kt_load_i_native_rel_finish(&r, basis, role)) {
    case 1:
        return kt_diags_add(c->d, KT_SEV_ERROR, "date_invalid", c->file, line, NULL,
                            "since \"%s\" is not an ISO date (YYYY-MM-DD)", r.since);
    case 2:
        return kt_diags_add(c->d, KT_SEV_ERROR, "date_invalid", c->file, line, NULL,
                            "until \"%s\" is not an ISO date (YYYY-MM-DD)", r.until);
    case 3:
        return kt_diags_add(c->d, KT_SEV_ERROR, "basis_unknown", c->file, line, NULL,
                            "unknown control basis \"%s\" (board, golden_share, contract, statute, other)", basis);
    case 4:
        return kt_diags_add(c->d, KT_SEV_ERROR, "role_unknown", c->file, line, NULL,
                            "unknown role \"%s\" (lead, member)", role);
    }
    *rp = r;
    *ok = 1;
    return KT_OK;
}

enum { M_AUTHORITY, M_ENTITY, M_MARK, M_PROGRAMME, M_SINCE, M_SOURCE, M_UNTIL, M__N };
static const char *const mark_keys[M__N] = {"authority", "entity", "mark",  "programme",
                                            "since",     "source", "until"}; /* sorted */

/* {"mark": "sanction", "entity": ID, "authority", "programme", "since", "until", "source"} */
static kt_err decode_mark(kt_load_ctx *c, const cJSON *o, long line, kt_mark_in *mp, int *ok)
{
    kt_mark_in m;
    int bad = 0;
    const char *kind;
    const cJSON *f[M__N];

    *ok = 0;
    kt_load_i_fields(c, o, mark_keys, M__N, f, 1, line, NULL);
    memset(&m, 0, sizeof m);
    kind = kt_load_i_v_str(c, f[M_MARK], "mark", line, NULL, &bad);
    m.entity = kt_load_i_v_str(c, f[M_ENTITY], "entity", line, NULL, &bad);
    m.authority = kt_load_i_v_str(c, f[M_AUTHORITY], "authority", line, NULL, &bad);
    m.programme = kt_load_i_v_str(c, f[M_PROGRAMME], "programme", line, NULL, &bad);
    m.since = kt_load_i_v_str(c, f[M_SINCE], "since", line, NULL, &bad);
    m.until = kt_load_i_v_str(c, f[M_UNTIL], "until", line, NULL, &bad);
    m.source = kt_load_i_v_str(c, f[M_SOURCE], "source", line, NULL, &bad);
    if (bad)
        return KT_OK;
    if (!kind || kt_mark_kind_parse(kind, &m.kind) != 0)
        return kt_diags_add(c->d, KT_SEV_ERROR, "mark_unknown", c->file, line, NULL,
                            "unknown mark \"%s\" (sanction, sanction_linked, debarment, export_control)",
                            kind ? kind : "");
    if (!m.entity || !m.entity[0])
        return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL, "mark needs \"entity\"");
    if ((m.since && !kt_load_i_is_date(m.since)) || (m.until && !kt_load_i_is_date(m.until)))
        return kt_diags_add(c->d, KT_SEV_ERROR, "date_invalid", c->file, line, NULL,
                            "%s \"%s\" is not an ISO date (YYYY-MM-DD)", m.since && !kt_load_i_is_date(m.since)
                            ? "since" : "until", m.since && !kt_load_i_is_date(m.since) ? m.since : m.until);
    *mp = m;
    *ok = 1;
    return KT_OK;
}

/* Which of the keys that decide a record's kind it has: one pass, first letters first. */
enum { HAS_REL = 1, HAS_TYPE = 2, HAS_KETEN = 4, HAS_MARK = 8 };
static unsigned record_kind(const cJSON *o)
{
    unsigned k = 0;
    for (const cJSON *f = o->child; f; f = f->next) {
        const char *n = f->string;
        if (!n)
            continue;
        if (kt_load_i_streq(n, "rel"))
            k |= HAS_REL;
        else if (kt_load_i_streq(n, "type"))
            k |= HAS_TYPE;
        else if (kt_load_i_streq(n, "keten"))
            k |= HAS_KETEN;
        else if (kt_load_i_streq(n, "mark"))
            k |= HAS_MARK;
    }
    return k;
}

typedef kt_native_rec nrec;

/* Decode o into *x (the entity's lists into the MAX_LIST arrays given); *ok as above. */
static kt_err decode_record(kt_load_ctx *c, const cJSON *o, long line, nrec *x, const char **schemes,
                            const char **values, const char **tags, int *ok)
{
    *ok = 0;
    if (!cJSON_IsObject(o))
        return kt_diags_add(c->d, KT_SEV_ERROR, "record_type", c->file, line, NULL, "record must be a JSON object");
    unsigned k = record_kind(o);
    if (k & HAS_REL)
        return x->kind = REC_REL, decode_relation(c, o, line, &x->u.r, ok);
    if (k & HAS_TYPE)
        return x->kind = REC_ENT, decode_entity(c, o, line, &x->u.e, schemes, values, tags, ok);
    if (k & HAS_MARK)
        return x->kind = REC_MARK, decode_mark(c, o, line, &x->u.m, ok);
    return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL,
                        "record has neither \"rel\" (a relation), \"type\" (an entity) nor \"mark\"");
}

static kt_err add_record(kt_load_ctx *c, const nrec *x, long line)
{
    switch (x->kind) {
    case REC_REL:
        return kt_graph_add_relation(c->g, &x->u.r, c->file, line, c->d);
    case REC_ENT:
        return kt_graph_add_entity(c->g, &x->u.e, c->file, line, c->d);
    default:
        return kt_graph_add_mark(c->g, &x->u.m, c->file, line, c->d);
    }
}

static kt_err load_record(kt_load_ctx *c, const cJSON *o, long line)
{
    const char *schemes[MAX_LIST], *values[MAX_LIST], *tags[MAX_LIST];
    nrec x;
    int ok;
    kt_err rc = decode_record(c, o, line, &x, schemes, values, tags, &ok);
    return rc != KT_OK || !ok ? rc : add_record(c, &x, line);
}

kt_err kt_load_i_native_record(kt_load_ctx *c, const cJSON *o, long line)
{
    return load_record(c, o, line);
}

static kt_err check_version(kt_load_ctx *c, const cJSON *o, long line)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "keten");
    if (!cJSON_IsString(v) || strcmp(v->valuestring, "1") != 0)
        return kt_diags_add(c->d, KT_SEV_ERROR, "version_unsupported", c->file, line, NULL,
                            "unsupported native format version (this keten reads \"keten\": \"1\")");
    return KT_OK;
}

static kt_err load_document(kt_load_ctx *c, const char *text, size_t len)
{
    kt_err rc = KT_OK;
    long *lines = NULL;
    size_t nlines = 0;
    cJSON *doc = kt_load_i_json_parse(c, text, len, 1);
    static const char *keys[3] = {"entities", "relations", "marks"};

    if (!doc)
        return KT_OK;
    if (!cJSON_IsObject(doc)) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "record_type", c->file, 1, NULL, "document must be a JSON object");
        goto out;
    }
    if ((rc = check_version(c, doc, 1)) != KT_OK || kt_diags_has_errors(c->d))
        goto out;
    for (int k = 0; k < 3; k++) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, keys[k]);
        if (!arr)
            continue;
        if (!cJSON_IsArray(arr)) {
            rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, 1, NULL, "\"%s\" must be an array", keys[k]);
            goto out;
        }
        free(lines);
        if (kt_load_i_json_elem_lines(text, len, keys[k], &lines, &nlines) != 0) {
            rc = KT_ENOMEM;
            goto out;
        }
        size_t i = 0;
        for (const cJSON *o = arr->child; o; o = o->next, i++) {
            long line = i < nlines ? lines[i] : 1;
            if (k == 0 && cJSON_IsObject(o) && cJSON_GetObjectItemCaseSensitive(o, "rel"))
                rc = kt_diags_add(c->d, KT_SEV_ERROR, "record_type", c->file, line, NULL,
                                  "a relation in \"entities\"");
            else if (k == 1 && cJSON_IsObject(o) && !cJSON_GetObjectItemCaseSensitive(o, "rel"))
                rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL,
                                  "relation has no \"rel\"");
            else if (k == 2 && cJSON_IsObject(o) && !cJSON_GetObjectItemCaseSensitive(o, "mark"))
                rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, line, NULL, "mark has no \"mark\"");
            else
                rc = load_record(c, o, line);
            if (rc != KT_OK)
                goto out;
        }
    }
out:
    free(lines);
    cJSON_Delete(doc);
    return rc;
}

/* Is the first line a complete JSON object?  Then the input is JSON Lines, unless that one
 * object is a whole document (it has "entities" or "relations"). */
static int looks_like_lines(const char *p, size_t n)
{
    const char *nl = memchr(p, '\n', n);
    size_t first = nl ? (size_t)(nl - p) : n;
    cJSON *o = cJSON_ParseWithLength(p, first);
    int lines = 0;
    if (o) {
        lines = cJSON_IsObject(o) && !cJSON_GetObjectItemCaseSensitive(o, "entities") &&
                !cJSON_GetObjectItemCaseSensitive(o, "relations");
        cJSON_Delete(o);
    }
    return lines;
}

/* JSON Lines go through lines.c: kt_load_i_native_decode on the parsing threads, add_line in file order. */
int kt_load_i_native_decode(kt_load_ctx *c, const cJSON *o, long line, void *rec)
{
    const char *schemes[MAX_LIST], *values[MAX_LIST], *tags[MAX_LIST];
    nrec *x = rec;
    int ok = 0;
    kt_err rc;
    if (cJSON_IsObject(o) && record_kind(o) == HAS_KETEN)
        rc = check_version(c, o, line);
    else
        rc = decode_record(c, o, line, x, schemes, values, tags, &ok);
    if (rc != KT_OK)
        return -1;
    memset(x->keys, 0, sizeof x->keys);
    if (ok && x->kind == REC_REL) {
        x->keys[0] = kt_graph_id_key(x->u.r.from);
        x->keys[1] = kt_graph_id_key(x->u.r.to);
        if (x->u.r.item)
            x->keys[2] = kt_graph_id_key(x->u.r.item);
    } else if (ok && x->kind == REC_ENT) {
        x->keys[0] = kt_graph_id_key(x->u.e.id);
    }
    if (ok && x->kind == REC_ENT && (x->u.e.n_ident || x->u.e.n_tags)) {
        /* the lists move from this stack frame to the chunk's memory */
        size_t ni = x->u.e.n_ident, nt = x->u.e.n_tags;
        const char **l = kt_load_i_lines_alloc((2 * ni + nt + 1) * sizeof *l);
        if (!l)
            return -1;
        memcpy(l, schemes, ni * sizeof *l);
        memcpy(l + ni, values, ni * sizeof *l);
        memcpy(l + 2 * ni, tags, nt * sizeof *l);
        x->u.e.ident_scheme = l;
        x->u.e.ident_value = l + ni;
        x->u.e.tags = l + 2 * ni;
    }
    return ok;
}

static int decode_text(char *text, size_t len, size_t max_depth, void *rec)
{
    return kt_load_i_native_fast(text, len, max_depth, rec);
}

static kt_err add_line(kt_load_ctx *c, const void *rec, long line, void *ud)
{
    (void)ud;
    const nrec *x = rec;
    if (x->kind == REC_REL)
        return kt_graph_add_relation_keyed(c->g, &x->u.r, x->keys, c->file, line, c->d);
    if (x->kind == REC_ENT)
        return kt_graph_add_entity_keyed(c->g, &x->u.e, x->keys, c->file, line, c->d);
    return add_record(c, x, line);
}

/* The entity ids the next records name, looked up together: the lookups (a cache miss each at
 * millions of entities) overlap instead of queueing.  Measured: 10M relations load about 15%
 * faster. */
static void prefetch_lines(kt_load_ctx *c, const void *recs, size_t n)
{
    const nrec *x = recs;
    kt_id_key keys[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 2 <= 64; i++) {
        if (x[i].kind == REC_REL) {
            keys[k++] = x[i].keys[0];
            keys[k++] = x[i].keys[1];
        } else if (x[i].kind == REC_ENT) {
            keys[k++] = x[i].keys[0];
        }
    }
    kt_graph_prefetch_keys(c->g, keys, k);
}

/* The ids of a chunk's records that the model already holds, found on the parsing thread (a
 * cache miss each at millions of ids, taken off the loading thread): by batches, so that the
 * misses of a batch overlap. */
static int nkeys(const nrec *x)
{
    return x->kind == REC_REL ? 3 : x->kind == REC_ENT ? 1 : 0; /* from, to, item; id */
}

static void resolve_lines(kt_load_ctx *c, void *recs, size_t n)
{
    nrec *x = recs;
    kt_id_key keys[96];
    for (size_t done = 0; done < n; done += 32) {
        size_t m = n - done < 32 ? n - done : 32, k = 0;
        for (size_t i = done; i < done + m; i++)
            for (int j = 0; j < nkeys(&x[i]); j++)
                keys[k++] = x[i].keys[j];
        kt_graph_resolve_keys(c->g, keys, k);
        k = 0;
        for (size_t i = done; i < done + m; i++)
            for (int j = 0; j < nkeys(&x[i]); j++)
                x[i].keys[j].known = keys[k++].known;
    }
}

kt_err kt_load_i_native(kt_load_ctx *c, kt_src *s)
{
    const char *p;
    size_t n = kt_load_i_src_peek(s, 1u << 16, &p);

    /* skip a UTF-8 byte order mark */
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        s->pos += 3;
        n = kt_load_i_src_peek(s, 1u << 16, &p);
    }
    if (n == 0)
        return kt_diags_add(c->d, KT_SEV_WARNING, "file_empty", c->file, 0, NULL, "file is empty");
    if (!looks_like_lines(p, n)) {
        const char *text;
        size_t len;
        if (kt_load_i_src_all(s, &text, &len) != 0)
            return KT_ENOMEM;
        return load_document(c, text, len);
    }
    static const kt_load_lines_ops ops = {sizeof(nrec), kt_load_i_native_decode, add_line, prefetch_lines,
                                          decode_text, NULL};
    static const kt_load_lines_ops shared_ops = {sizeof(nrec), kt_load_i_native_decode, add_line, prefetch_lines,
                                                 decode_text, resolve_lines};
    /* a large file makes many ids: room for one per 256 bytes (the bench data has one per 250)
     * saves the id table's doublings, each a rehash of every id so far.  A file with fewer ids
     * wastes at most 16 bytes per 256 of input (6%) after the build, 32 while loading */
    kt_graph_reserve(c->g, (size_t)(s->total / 256), (size_t)(s->total / 48)); /* a relation line is 50+ bytes */
    /* on more than one thread, the workers look up the ids the model already has */
    int shared = kt_load_get_threads() > 1 && kt_graph_share_ids(c->g, 1) == KT_OK;
    kt_err rc = kt_load_i_lines(c, s, shared ? &shared_ops : &ops, NULL);
    if (shared)
        kt_graph_share_ids(c->g, 0);
    return rc;
}

/* The fallback: whatever no other format claims is read as keten's own. */
int kt_load_i_native_detect(const char *head, size_t len, size_t first)
{
    (void)head;
    (void)len;
    (void)first;
    return 1;
}
