/* bods.c: Beneficial Ownership Data Standard 0.2, 0.3 and 0.4, as a JSON array or JSON Lines.
 *
 * Mapping (docs/loaders.md has the table):
 *   entity statement/record     -> company ("bods:" + statementID or recordId), identifiers
 *                                  (scheme as given, XI-LEI as "lei"), jurisdiction -> country;
 *                                  entityType state / stateBody -> state; anonymousEntity /
 *                                  unknownEntity -> unknown; arrangement -> company tagged
 *                                  "arrangement"; publicListing.hasPublicListing -> listed
 *   person statement/record     -> person (first nationality, else first address, is the country);
 *                                  anonymousPerson / unknownPerson -> unknown
 *   ownership-or-control        -> interestedParty -> subject: shareholding gives owns with its
 *                                  share, voting rights its votes, board appointment controls
 *                                  (board), contract rights controls (contract), legal framework
 *                                  controls (statute), every other influence controls (other);
 *                                  an interest of no or unknown type gives owns with an unknown
 *                                  share and a warning (bods_interest_untyped)
 *   isComponent false with componentRecords / componentStatementIDs, or an interest
 *   directOrIndirect "indirect"  -> the relation is a declared summary (KT_RF_DECLARED)
 *   unspecified interested party -> an entity of type unknown, "bods:unknown:" + statement id
 *   0.4: the latest statement (statementDate, then file order) of each recordId wins, and a
 *   record whose latest statement has recordStatus "closed" is left out; 0.2/0.3: statements
 *   named in another's replacesStatements are left out.  Interests with an endDate have
 *   ended and are left out (bods_interest_ended).
 * Every entity and relation records the line of its statement and the statement id as source.
 * Complexity: O(statements + interests) expected; all statements are held in memory because
 * a later statement may replace an earlier one. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

#define MAX_IDENT 16

typedef struct {
    cJSON *o;      /* the statement, owned */
    long line;
    int v04;       /* 0.4 record form */
    int live;      /* still in force after updates */
} stmt;

typedef struct {
    stmt *v;
    size_t n, cap;
} stmts;

static kt_err collect(kt_load_ctx *c, cJSON *o, long line, void *ud)
{
    stmts *s = ud;
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return kt_diags_add(c->d, KT_SEV_ERROR, "record_type", c->file, line, NULL, "statement must be a JSON object");
    }
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 256;
        stmt *v = realloc(s->v, nc * sizeof *v);
        if (!v) {
            cJSON_Delete(o);
            return KT_ENOMEM;
        }
        s->v = v;
        s->cap = nc;
    }
    stmt *x = &s->v[s->n++];
    x->o = o;
    x->line = line;
    x->v04 = cJSON_GetObjectItemCaseSensitive(o, "recordDetails") || cJSON_GetObjectItemCaseSensitive(o, "recordType");
    x->live = 1;
    return KT_OK;
}

/* Lower case without '-' or '_': "voting-rights" and "votingRights" become "votingrights". */
static void fold(const char *s, char *out, size_t len)
{
    size_t j = 0;
    for (; s && *s && j + 1 < len; s++)
        if (*s != '-' && *s != '_')
            out[j++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    out[j] = '\0';
}

static const char *stmt_id(const stmt *x)
{
    const char *id = kt_load_i_jstr(x->o, "statementId");
    return id ? id : kt_load_i_jstr(x->o, "statementID");
}

/* 0.4: keep the latest statement of each record; drop closed records.
 * 0.2/0.3: drop replaced statements. */
static kt_err apply_updates(kt_load_ctx *c, stmts *s)
{
    kt_load_map latest, replaced;
    kt_err rc = KT_OK;

    kt_load_i_map_init(&latest);
    kt_load_i_map_init(&replaced);
    for (size_t i = 0; i < s->n; i++) {
        stmt *x = &s->v[i];
        if (x->v04) {
            const char *rid = kt_load_i_jstr(x->o, "recordId");
            if (!rid || !*rid) {
                x->live = 0;
                rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, x->line, NULL,
                                  "statement has no \"recordId\"");
                if (rc != KT_OK)
                    goto out;
                continue;
            }
            size_t *w = kt_load_i_map_get(&latest, rid, 1);
            if (!w) {
                rc = KT_ENOMEM;
                goto out;
            }
            if (*w != KT_MAP_NEW) {
                const char *a = kt_load_i_jstr(s->v[*w].o, "statementDate"), *b = kt_load_i_jstr(x->o, "statementDate");
                /* ISO dates compare as strings; a later or equal date (later in the file) wins */
                if (strcmp(b ? b : "", a ? a : "") < 0) {
                    x->live = 0;
                    continue;
                }
                s->v[*w].live = 0;
            }
            *w = i;
        } else {
            const cJSON *rep = cJSON_GetObjectItemCaseSensitive(x->o, "replacesStatements");
            const cJSON *r;
            cJSON_ArrayForEach(r, rep)
            {
                if (cJSON_IsString(r)) {
                    size_t *w = kt_load_i_map_get(&replaced, r->valuestring, 1);
                    if (!w) {
                        rc = KT_ENOMEM;
                        goto out;
                    }
                    *w = i;
                }
            }
        }
    }
    for (size_t i = 0; i < s->n; i++) {
        stmt *x = &s->v[i];
        if (!x->live)
            continue;
        if (x->v04) {
            const char *st = kt_load_i_jstr(x->o, "recordStatus");
            if (st && strcmp(st, "closed") == 0)
                x->live = 0;
        } else {
            const char *id = stmt_id(x);
            if (id && kt_load_i_map_get(&replaced, id, 0))
                x->live = 0;
        }
    }
out:
    kt_load_i_map_destroy(&latest);
    kt_load_i_map_destroy(&replaced);
    return rc;
}

/* The details object: recordDetails (0.4) or the statement itself. */
static const cJSON *details(const stmt *x, kt_load_ctx *c, int *bad)
{
    if (!x->v04)
        return x->o;
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(x->o, "recordDetails");
    if (!cJSON_IsObject(d)) {
        kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, x->line, NULL, "\"recordDetails\" must be an object");
        *bad = 1;
        return NULL;
    }
    return d;
}

/* The record type: "entity", "person", "relationship", or NULL. */
static const char *kind(const stmt *x)
{
    const char *t = kt_load_i_jstr(x->o, x->v04 ? "recordType" : "statementType");
    if (!t)
        return NULL;
    if (strcmp(t, "entity") == 0 || strcmp(t, "entityStatement") == 0)
        return "entity";
    if (strcmp(t, "person") == 0 || strcmp(t, "personStatement") == 0)
        return "person";
    if (strcmp(t, "relationship") == 0 || strcmp(t, "ownershipOrControlStatement") == 0)
        return "relationship";
    return NULL;
}

/* The id under which statement x is referred to: recordId (0.4) or statementID. */
static const char *ref_id(const stmt *x)
{
    return x->v04 ? kt_load_i_jstr(x->o, "recordId") : stmt_id(x);
}

static const char *country_of(kt_load_ctx *c, const cJSON *j, long line)
{
    if (!cJSON_IsObject(j))
        return NULL;
    const char *code = kt_load_i_jstr(j, "code"), *name = kt_load_i_jstr(j, "name");
    const char *a2 = code ? kt_country_normalise(code) : NULL;
    if (!a2)
        a2 = kt_load_i_country(c, code ? code : name, "bods_country_unrecognised", line, NULL);
    return a2;
}

static kt_err load_party(kt_load_ctx *c, const stmt *x, int person, kt_load_buf *id)
{
    int bad = 0;
    const cJSON *d = details(x, c, &bad);
    kt_entity_in e;
    const char *schemes[MAX_IDENT], *values[MAX_IDENT], *tags[1];
    const char *rid = ref_id(x);

    if (bad)
        return KT_OK;
    if (!rid || !*rid)
        return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, x->line, NULL, "statement has no id");
    if (kt_load_i_buf_printf(id, "bods:%s", rid) != 0)
        return KT_ENOMEM;
    memset(&e, 0, sizeof e);
    e.id = id->s;
    e.source = stmt_id(x);
    schemes[0] = "bods";
    values[0] = rid;
    e.n_ident = 1;
    if (person) {
        const char *pt = kt_load_i_jstr(d, "personType");
        const cJSON *names = cJSON_GetObjectItemCaseSensitive(d, "names"), *n;
        e.type = pt && (strcmp(pt, "anonymousPerson") == 0 || strcmp(pt, "unknownPerson") == 0) ? KT_ENT_UNKNOWN
                                                                                                    : KT_ENT_PERSON;
        cJSON_ArrayForEach(n, names)
        {
            const char *fn = kt_load_i_jstr(n, "fullName");
            if (fn && !e.name)
                e.name = fn;
        }
        const cJSON *nat = cJSON_GetObjectItemCaseSensitive(d, "nationalities");
        if (cJSON_IsArray(nat) && nat->child)
            e.country = country_of(c, nat->child, x->line);
        const cJSON *addr = cJSON_GetObjectItemCaseSensitive(d, "addresses");
        if (!e.country && cJSON_IsArray(addr) && addr->child)
            e.country = country_of(c, cJSON_GetObjectItemCaseSensitive(addr->child, "country"), x->line);
    } else {
        const cJSON *et = cJSON_GetObjectItemCaseSensitive(d, "entityType");
        const char *t = cJSON_IsObject(et) ? kt_load_i_jstr(et, "type") : cJSON_IsString(et) ? et->valuestring : NULL;
        e.type = KT_ENT_COMPANY;
        if (t && (strcmp(t, "state") == 0 || strcmp(t, "stateBody") == 0))
            e.type = KT_ENT_STATE;
        else if (t && (strcmp(t, "anonymousEntity") == 0 || strcmp(t, "unknownEntity") == 0))
            e.type = KT_ENT_UNKNOWN;
        else if (t && strcmp(t, "arrangement") == 0) {
            tags[0] = "arrangement";
            e.tags = tags;
            e.n_tags = 1;
        }
        e.name = kt_load_i_str(c, d, "name", x->line, NULL, &bad);
        const cJSON *j = cJSON_GetObjectItemCaseSensitive(d, "jurisdiction");
        if (!j)
            j = cJSON_GetObjectItemCaseSensitive(d, "incorporatedInJurisdiction");
        e.country = country_of(c, j, x->line);
        const cJSON *ids = cJSON_GetObjectItemCaseSensitive(d, "identifiers"), *i;
        cJSON_ArrayForEach(i, ids)
        {
            const char *sc = kt_load_i_jstr(i, "scheme"), *v = kt_load_i_jstr(i, "id");
            if (!sc)
                sc = kt_load_i_jstr(i, "schemeName");
            if (!sc || !v || e.n_ident >= MAX_IDENT)
                continue;
            schemes[e.n_ident] = strcmp(sc, "XI-LEI") == 0 ? "lei" : sc;
            values[e.n_ident++] = v;
        }
        const cJSON *pl = cJSON_GetObjectItemCaseSensitive(d, "publicListing");
        int listed;
        if (cJSON_IsObject(pl) && kt_load_i_bool(c, pl, "hasPublicListing", x->line, NULL, &bad, &listed))
            e.flags |= KT_EF_LISTED_SET | (listed ? KT_EF_LISTED : 0);
    }
    if (bad)
        return KT_OK;
    e.ident_scheme = schemes;
    e.ident_value = values;
    return kt_graph_add_entity(c->g, &e, c->file, x->line, c->d);
}

/* A BODS share object -> interval and exclusive-bound flags. */
static kt_ival share_of(kt_load_ctx *c, const cJSON *sh, long line, unsigned *flags, int *bad)
{
    static const char *keys[5] = {"exact", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"};
    double v[5];
    int given[5] = {0};
    kt_ival iv = kt_ival_unknown();

    if (!sh || cJSON_IsNull(sh))
        return iv;
    if (!cJSON_IsObject(sh)) {
        kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL, "field \"share\" must be an object");
        *bad = 1;
        return iv;
    }
    for (int k = 0; k < 5; k++) {
        const cJSON *j = cJSON_GetObjectItemCaseSensitive(sh, keys[k]);
        if (!j || cJSON_IsNull(j))
            continue;
        if (!cJSON_IsNumber(j)) {
            kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL, "share \"%s\" must be a number", keys[k]);
            *bad = 1;
            return iv;
        }
        if (!isfinite(j->valuedouble)) {
            kt_diags_add(c->d, KT_SEV_ERROR, "share_out_of_range", c->file, line, NULL,
                         "share \"%s\" is not a finite number", keys[k]);
            *bad = 1;
            return iv;
        }
        v[k] = j->valuedouble;
        given[k] = 1;
    }
    if (given[0]) {
        iv.min = iv.max = v[0];
        return iv;
    }
    if (!given[1] && !given[2] && !given[3] && !given[4])
        return iv;
    iv.min = 0;
    iv.max = 100;
    if (given[1])
        iv.min = v[1];
    else if (given[3]) {
        iv.min = v[3];
        *flags |= KT_RF_SHARE_EXCL_MIN;
    }
    if (given[2])
        iv.max = v[2];
    else if (given[4]) {
        iv.max = v[4];
        *flags |= KT_RF_SHARE_EXCL_MAX;
    }
    return iv;
}

enum { I_SHARE, I_VOTES, I_CONTROL, I_UNTYPED };

static int interest_kind(const char *type, kt_basis *basis)
{
    char f[64];
    fold(type, f, sizeof f);
    *basis = KT_BASIS_OTHER;
    if (!type || !*f || strcmp(f, "unknowninterest") == 0 || strcmp(f, "unpublishedinterest") == 0)
        return I_UNTYPED;
    if (strcmp(f, "shareholding") == 0)
        return I_SHARE;
    if (strcmp(f, "votingrights") == 0)
        return I_VOTES;
    if (strcmp(f, "appointmentofboard") == 0) {
        *basis = KT_BASIS_BOARD;
        return I_CONTROL;
    }
    if (strcmp(f, "rightsgrantedbycontract") == 0 || strcmp(f, "conditionalrightsgrantedbycontract") == 0) {
        *basis = KT_BASIS_CONTRACT;
        return I_CONTROL;
    }
    if (strcmp(f, "controlbylegalframework") == 0) {
        *basis = KT_BASIS_STATUTE;
        return I_CONTROL;
    }
    static const char *other[] = {"otherinfluenceorcontrol", "influenceorcontrol", "seniormanagingofficial",
                                  "settloroftrust", "trusteeoftrust", "protectoroftrust",
                                  "beneficiaryoftrust", "beneficiaryoflegalarrangement",
                                  "rightstosurplusassetsondissolution", "rightstoprofitorincome",
                                  "righttoprofitorincomefromassets", "enjoymentanduseofassets",
                                  "controlviacompanyrulesorarticles", "nominee", "nominator",
                                  "rightstosurplusassets", "otherinfluenceorcontrolovertrust", NULL};
    for (const char **o = other; *o; o++)
        if (strcmp(f, *o) == 0)
            return I_CONTROL;
    return -1;
}

/* The entity id a party reference points at; an unspecified party gets an unknown node. */
static kt_err party_ref(kt_load_ctx *c, const stmt *x, const cJSON *ref, const char *what, kt_load_buf *id, int *bad)
{
    const char *sid = stmt_id(x);
    const char *r = NULL, *reason = NULL;

    if (cJSON_IsString(ref)) {
        r = ref->valuestring;
    } else if (cJSON_IsObject(ref)) {
        r = kt_load_i_jstr(ref, "describedByEntityStatement");
        if (!r)
            r = kt_load_i_jstr(ref, "describedByPersonStatement");
        if (!r) {
            const cJSON *u = cJSON_GetObjectItemCaseSensitive(ref, "unspecified");
            reason = kt_load_i_jstr(cJSON_IsObject(u) ? u : ref, "reason");
            if (!reason && cJSON_IsString(u))
                reason = u->valuestring;
            if (!reason)
                reason = "unspecified";
        }
    }
    if (r && *r)
        return kt_load_i_buf_printf(id, "bods:%s", r) ? KT_ENOMEM : KT_OK;
    if (!reason || strcmp(what, "interestedParty") != 0) {
        *bad = 1;
        return kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, x->line, NULL,
                            "relationship has no \"%s\" reference", what);
    }
    /* an unspecified interested party: an explicit unknown owner, never silently nobody */
    kt_entity_in e;
    kt_load_buf name = {0};
    kt_err rc;
    if (kt_load_i_buf_printf(id, "bods:unknown:%s", sid ? sid : "?") != 0 ||
        kt_load_i_buf_printf(&name, "unknown owner (%s)", reason) != 0) {
        free(name.s);
        return KT_ENOMEM;
    }
    memset(&e, 0, sizeof e);
    e.id = id->s;
    e.type = KT_ENT_UNKNOWN;
    e.name = name.s;
    e.source = sid;
    rc = kt_graph_add_entity(c->g, &e, c->file, x->line, c->d);
    free(name.s);
    return rc;
}

static kt_err load_relationship(kt_load_ctx *c, const stmt *x)
{
    int bad = 0;
    const cJSON *d = details(x, c, &bad);
    kt_load_buf from = {0}, to = {0};
    kt_err rc = KT_OK;
    const char *sid = stmt_id(x);
    char since[11], own_since[11], ctl_since[KT_BASIS__COUNT][11];

    if (bad)
        return KT_OK;
    if ((rc = party_ref(c, x, cJSON_GetObjectItemCaseSensitive(d, "subject"), "subject", &to, &bad)) != KT_OK ||
        bad)
        goto out;
    if ((rc = party_ref(c, x, cJSON_GetObjectItemCaseSensitive(d, "interestedParty"), "interestedParty", &from,
                        &bad)) != KT_OK ||
        bad)
        goto out;

    int declared = 0, is_comp = 0;
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(d, "componentRecords");
    if (!comp)
        comp = cJSON_GetObjectItemCaseSensitive(d, "componentStatementIDs");
    kt_load_i_bool(c, d, "isComponent", x->line, NULL, &bad, &is_comp);
    if (!is_comp && cJSON_GetArraySize(comp) > 0)
        declared = 1;

    const cJSON *ints = cJSON_GetObjectItemCaseSensitive(d, "interests"), *in;
    if (ints && !cJSON_IsArray(ints)) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, x->line, NULL, "field \"interests\" must be an array");
        goto out;
    }
    kt_rel_in own;
    int have_own = 0, untyped = 0, n_live = 0;
    unsigned sflags = 0;
    kt_basis seen[KT_BASIS__COUNT] = {0};
    kt_rel_in ctl[KT_BASIS__COUNT];
    kt_rel_in_init(&own, KT_REL_OWNS, from.s, to.s);
    own.source = sid;
    cJSON_ArrayForEach(in, ints)
    {
        if (!cJSON_IsObject(in)) {
            rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, x->line, NULL, "each interest must be an object");
            goto out;
        }
        const char *type = kt_load_i_str(c, in, "type", x->line, NULL, &bad);
        const char *doi = kt_load_i_str(c, in, "directOrIndirect", x->line, NULL, &bad);
        const char *sd = kt_load_i_str(c, in, "startDate", x->line, NULL, &bad);
        const char *ed = kt_load_i_str(c, in, "endDate", x->line, NULL, &bad);
        unsigned fl = 0;
        kt_ival sh = share_of(c, cJSON_GetObjectItemCaseSensitive(in, "share"), x->line, &fl, &bad);
        kt_basis basis;
        if (bad)
            goto out;
        if (ed && *ed) {
            rc = kt_diags_add(c->d, KT_SEV_WARNING, "bods_interest_ended", c->file, x->line, NULL,
                              "interest \"%s\" ended on %.20s and is left out", type ? type : "?", ed);
            if (rc != KT_OK)
                goto out;
            continue;
        }
        n_live++;
        if (doi && strcmp(doi, "indirect") == 0 && !is_comp)
            declared = 1;
        int k = interest_kind(type, &basis);
        if (k < 0) {
            rc = kt_diags_add(c->d, KT_SEV_WARNING, "bods_interest_untyped", c->file, x->line, NULL,
                              "interest type \"%.40s\" is not recognised: read as ownership of unknown share", type);
            if (rc != KT_OK)
                goto out;
            k = I_UNTYPED;
            have_own = 1; /* warned already */
        }
        const char *sdate = kt_load_i_date(c, sd, since, x->line, NULL);
        switch (k) {
        case I_SHARE:
            if (kt_ival_is_unknown(own.share)) {
                own.share = sh;
                sflags = fl;
            }
            have_own = 1;
            if (sdate && !own.since)
                own.since = memcpy(own_since, sdate, 11);
            break;
        case I_VOTES:
            if (kt_ival_is_unknown(own.votes))
                own.votes = sh;
            have_own = 1;
            if (sdate && !own.since)
                own.since = memcpy(own_since, sdate, 11);
            break;
        case I_CONTROL:
            if (!seen[basis]) {
                seen[basis] = 1;
                kt_rel_in_init(&ctl[basis], KT_REL_CONTROLS, from.s, to.s);
                ctl[basis].basis = basis;
                ctl[basis].source = sid;
                if (sdate)
                    ctl[basis].since = memcpy(ctl_since[basis], sdate, 11);
            }
            break;
        default:
            untyped = 1;
            break;
        }
    }
    if (n_live == 0 && cJSON_GetArraySize(ints) > 0)
        goto out; /* every interest has ended */
    if (n_live == 0 || (untyped && !have_own)) {
        have_own = 1;
        rc = kt_diags_add(c->d, KT_SEV_WARNING, "bods_interest_untyped", c->file, x->line, NULL,
                          "interest of no stated type: read as ownership of unknown share");
        if (rc != KT_OK)
            goto out;
    }
    unsigned dflag = declared ? KT_RF_DECLARED : 0;
    if (have_own) {
        own.flags |= sflags | dflag;
        if ((rc = kt_graph_add_relation(c->g, &own, c->file, x->line, c->d)) != KT_OK)
            goto out;
    }
    for (int b = 0; b < KT_BASIS__COUNT; b++)
        if (seen[b]) {
            ctl[b].flags |= dflag;
            if ((rc = kt_graph_add_relation(c->g, &ctl[b], c->file, x->line, c->d)) != KT_OK)
                goto out;
        }
out:
    free(from.s);
    free(to.s);
    return rc;
}

kt_err kt_load_i_bods(kt_load_ctx *c, kt_src *s)
{
    stmts st = {0};
    kt_load_buf id = {0};
    kt_err rc = kt_load_i_json_records(c, s, NULL, collect, &st);

    if (rc == KT_OK)
        rc = apply_updates(c, &st);
    for (size_t i = 0; i < st.n && rc == KT_OK; i++) {
        const stmt *x = &st.v[i];
        const char *k;
        if (!x->live)
            continue;
        if (!(k = kind(x))) {
            rc = kt_diags_add(c->d, KT_SEV_ERROR, "bods_statement_type", c->file, x->line, NULL,
                              "statement of unknown type (entity, person or relationship expected)");
            continue;
        }
        if (strcmp(k, "relationship") == 0)
            rc = load_relationship(c, x);
        else
            rc = load_party(c, x, strcmp(k, "person") == 0, &id);
    }
    for (size_t i = 0; i < st.n; i++)
        cJSON_Delete(st.v[i].o);
    free(st.v);
    free(id.s);
    return rc;
}
