/* bods.c: Beneficial Ownership Data Standard 0.2, 0.3 and 0.4, as a JSON array or JSON Lines.
 *
 * Mapping (docs/loaders.md has the table):
 *   entity statement/record     -> company ("bods:" + statementID or recordId), identifiers
 *                                  (scheme as given, XI-LEI as "lei"), jurisdiction -> country
 *                                  (a subdivision code "US-DE" gives its country); entityType
 *                                  state / stateBody -> state; anonymousEntity / unknownEntity ->
 *                                  unknown; arrangement -> company tagged "arrangement";
 *                                  publicListing.hasPublicListing -> listed
 *   person statement/record     -> person (first nationality, else first address, is the country);
 *                                  anonymousPerson / unknownPerson -> unknown
 *   relationship                -> interestedParty -> subject, one relation per kind of interest
 *                                  (interests[] below): owns (shareholding, voting rights,
 *                                  rights to capital, surplus or profit), controls (board
 *                                  appointment, contract, legal framework, other influence,
 *                                  nominator), role_in (trust roles, nominee), director_of (board
 *                                  member or chair, senior managing official); an interest of no
 *                                  or unknown type gives owns with the share as given and a
 *                                  warning (bods_interest_untyped)
 *   beneficialOwnershipOrControl -> the relation's flag KT_RF_BENEFICIAL (declared beneficial owner)
 *   an interest directOrIndirect "indirect", or one not said to be direct in a relationship with
 *   isComponent false and componentRecords / componentStatementIDs -> a declared summary
 *   (KT_RF_DECLARED); a direct interest stays a relation of its own
 *   unspecified interested party -> an entity of type unknown, "bods:unknown:" + statement id
 *   history: every statement is kept with the days it speaks for (apply_updates), and each
 *   interest's startDate / endDate within them become since / until; --as-of chooses.
 * Every entity and relation records the line of its statement and the statement id as source.
 * Complexity: O(n log n) for n statements (history is sorted by record and date); all
 * statements are held in memory because a later statement may replace an earlier one. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

#define MAX_IDENT 16

typedef struct {
    cJSON *o;      /* the statement, owned */
    long line;
    int v04;       /* 0.4 record form */
    int live;      /* entities and persons: the statement that describes the party */
    int closed;    /* 0.4 recordStatus "closed": in force at no time from its date */
    char date[11]; /* statementDate, "" when none */
    char from[11], to[11]; /* relationships: the days this statement speaks for, "" open */
    size_t latest; /* the latest statement of the same record (itself when none later) */
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
    *x = (stmt){0};
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

/* Statements in history order: by record (0.4 recordId), then statementDate, then file order. */
typedef struct {
    const char *rid, *when;
    size_t i;
} hkey;

static int cmp_hkey(const void *a, const void *b)
{
    const hkey *x = a, *y = b;
    int c = strcmp(x->rid, y->rid);
    if (!c)
        c = strcmp(x->when, y->when);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static void day_before(const char *date, char out[11]);

/* History.  0.4: the statements of one record, in date order, each speak for the days from
 * their statementDate (the first: from the start) to the day before the next one's; the
 * latest describes an entity or person (kept even when closed: earlier relationships name
 * it); a closed relationship statement is in force at no time.  0.2/0.3: a statement named
 * in a later one's replacesStatements speaks until the day before the replacing one's date;
 * a replaced party statement stands for the one that replaced it (redirect).
 * Complexity: O(n log n) for n statements. */
static kt_err apply_updates(kt_load_ctx *c, stmts *s, kt_load_map *redirect)
{
    kt_err rc = KT_OK;
    hkey *k = malloc((s->n + 1) * sizeof *k);
    size_t nk = 0;

    if (!k)
        return KT_ENOMEM;
    for (size_t i = 0; i < s->n; i++) {
        stmt *x = &s->v[i];
        x->latest = i;
        const char *sd = kt_load_i_jstr(x->o, "statementDate");
        if (sd && !kt_load_i_date(c, sd, x->date, x->line, NULL))
            x->date[0] = '\0';
        if (!x->v04) {
            const cJSON *rep = cJSON_GetObjectItemCaseSensitive(x->o, "replacesStatements"), *r;
            cJSON_ArrayForEach(r, rep)
            {
                if (!cJSON_IsString(r))
                    continue;
                size_t *w = kt_load_i_map_get(redirect, r->valuestring, 1);
                if (!w) {
                    rc = KT_ENOMEM;
                    goto out;
                }
                *w = i;
            }
            continue;
        }
        const char *rid = kt_load_i_jstr(x->o, "recordId"), *st = kt_load_i_jstr(x->o, "recordStatus");
        if (!rid || !*rid) {
            x->live = 0;
            if ((rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_missing", c->file, x->line, NULL,
                                   "statement has no \"recordId\"")) != KT_OK)
                goto out;
            continue;
        }
        x->closed = st && strcmp(st, "closed") == 0;
        k[nk].rid = rid;
        k[nk].when = sd ? sd : "";
        k[nk++].i = i;
    }
    /* 0.4 records */
    qsort(k, nk, sizeof *k, cmp_hkey);
    for (size_t a = 0, b; a < nk; a = b) {
        for (b = a + 1; b < nk && strcmp(k[a].rid, k[b].rid) == 0; b++)
            ;
        for (size_t j = a; j < b; j++) {
            stmt *x = &s->v[k[j].i];
            x->live = j + 1 == b;
            x->latest = k[b - 1].i;
            if (j > a)
                memcpy(x->from, x->date, 11);
            if (j + 1 < b && s->v[k[j + 1].i].date[0])
                day_before(s->v[k[j + 1].i].date, x->to);
        }
    }
    /* 0.2/0.3 replacements */
    for (size_t i = 0; i < s->n; i++) {
        stmt *x = &s->v[i];
        const char *id = x->v04 ? NULL : stmt_id(x);
        size_t *w = id ? kt_load_i_map_get(redirect, id, 0) : NULL;
        if (!w || *w == i)
            continue;
        const stmt *y = &s->v[*w];
        x->live = 0; /* a party: the replacing statement describes it */
        if (y->date[0])
            day_before(y->date, x->to);
        else
            x->closed = 1; /* replaced at an unknown time: only the replacement is kept */
        size_t last = *w;
        for (int hop = 0; hop < 64; hop++) {
            const char *nid = stmt_id(&s->v[last]);
            size_t *nw = nid ? kt_load_i_map_get(redirect, nid, 0) : NULL;
            if (!nw || *nw == last)
                break;
            last = *nw;
        }
        x->latest = last;
    }
    for (size_t i = 0; i < s->n && rc == KT_OK; i++) { /* a replacing statement speaks from its own date */
        stmt *x = &s->v[i];
        const cJSON *rep = cJSON_GetObjectItemCaseSensitive(x->o, "replacesStatements"), *r;
        if (x->v04 || cJSON_GetArraySize(rep) == 0)
            continue;
        memcpy(x->from, x->date, 11);
        /* the replaced statement may be in another file: the graph ends its relations there */
        char before[11];
        if (!x->date[0])
            continue;
        day_before(x->date, before);
        cJSON_ArrayForEach(r, rep)
        {
            if (cJSON_IsString(r) && (rc = kt_graph_supersede(c->g, r->valuestring, before)) != KT_OK)
                break;
        }
    }
out:
    free(k);
    return rc;
}

/* The end date the latest statement of x's record gives an interest of this type: an ending
 * learnt later applies to what earlier statements said. */
static const char *later_end(const stmts *s, const stmt *x, const char *type, kt_load_ctx *c, char out[11])
{
    const stmt *l = &s->v[x->latest];
    if (l == x || !type)
        return NULL;
    const cJSON *d = l->v04 ? cJSON_GetObjectItemCaseSensitive(l->o, "recordDetails") : l->o, *in;
    cJSON_ArrayForEach(in, cJSON_GetObjectItemCaseSensitive(d, "interests"))
    {
        const char *t = kt_load_i_jstr(in, "type"), *ed = kt_load_i_jstr(in, "endDate");
        if (t && ed && strcmp(t, type) == 0)
            return kt_load_i_date(c, ed, out, l->line, NULL);
    }
    return NULL;
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
    char cc[3];
    /* a subdivision code (ISO 3166-2: "US-DE", "GB-SCT") names a place in its country */
    if (code && strlen(code) > 3 && code[2] == '-') {
        memcpy(cc, code, 2);
        cc[2] = '\0';
        code = cc;
    }
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

/* A BODS share object -> interval and exclusive-bound flags.  0.4 gives exclusiveMinimum and
 * exclusiveMaximum as numbers (the bound itself); 0.2 and 0.3 as booleans saying whether
 * minimum and maximum are exclusive. */
static kt_ival share_of(kt_load_ctx *c, const cJSON *sh, long line, unsigned *flags, int *bad)
{
    static const char *keys[5] = {"exact", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"};
    double v[5];
    int given[5] = {0}, excl[2] = {0};
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
        if (k >= 3 && cJSON_IsBool(j)) {
            excl[k - 3] = cJSON_IsTrue(j);
            continue;
        }
        if (!cJSON_IsNumber(j)) {
            kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, line, NULL,
                         k >= 3 ? "share \"%s\" must be a number (0.4) or a boolean (0.2, 0.3)"
                                : "share \"%s\" must be a number",
                         keys[k]);
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
    if (given[1]) {
        iv.min = v[1];
        if (excl[0])
            *flags |= KT_RF_SHARE_EXCL_MIN;
    } else if (given[3]) {
        iv.min = v[3];
        *flags |= KT_RF_SHARE_EXCL_MIN;
    }
    if (given[2]) {
        iv.max = v[2];
        if (excl[1])
            *flags |= KT_RF_SHARE_EXCL_MAX;
    } else if (given[4]) {
        iv.max = v[4];
        *flags |= KT_RF_SHARE_EXCL_MAX;
    }
    return iv;
}

/* What an interest type means (docs/loaders.md has the table). */
enum { I_SHARE, I_VOTES, I_RIGHTS, I_CONTROL, I_ROLE, I_DIRECTOR, I_UNTYPED };

typedef struct {
    const char *folded; /* lower case without '-' and '_' (0.2 hyphenates, 0.3 on camelCase) */
    int kind;
    kt_basis basis;     /* I_CONTROL */
    const char *role;   /* I_ROLE, I_DIRECTOR */
} interest_map;

static const interest_map interests[] = {
    {"shareholding", I_SHARE, 0, NULL},
    {"votingrights", I_VOTES, 0, NULL},
    {"rightstosurplusassetsondissolution", I_RIGHTS, 0, NULL},
    {"rightstosurplusassets", I_RIGHTS, 0, NULL},
    {"rightstoprofitorincome", I_RIGHTS, 0, NULL},
    {"righttoprofitorincomefromassets", I_RIGHTS, 0, NULL},
    {"enjoymentanduseofassets", I_RIGHTS, 0, NULL},
    {"appointmentofboard", I_CONTROL, KT_BASIS_BOARD, NULL},
    {"rightsgrantedbycontract", I_CONTROL, KT_BASIS_CONTRACT, NULL},
    {"conditionalrightsgrantedbycontract", I_CONTROL, KT_BASIS_CONTRACT, NULL},
    {"controlbylegalframework", I_CONTROL, KT_BASIS_STATUTE, NULL},
    {"otherinfluenceorcontrol", I_CONTROL, KT_BASIS_OTHER, NULL},
    {"influenceorcontrol", I_CONTROL, KT_BASIS_OTHER, NULL},
    {"controlviacompanyrulesorarticles", I_CONTROL, KT_BASIS_OTHER, NULL},
    {"otherinfluenceorcontrolovertrust", I_CONTROL, KT_BASIS_OTHER, NULL},
    {"nominator", I_CONTROL, KT_BASIS_OTHER, NULL}, /* the nominee acts for the nominator */
    {"trustee", I_ROLE, 0, "trustee"},
    {"trusteeoftrust", I_ROLE, 0, "trustee"},
    {"settlor", I_ROLE, 0, "settlor"},
    {"settloroftrust", I_ROLE, 0, "settlor"},
    {"protector", I_ROLE, 0, "protector"},
    {"protectoroftrust", I_ROLE, 0, "protector"},
    {"beneficiaryoflegalarrangement", I_ROLE, 0, "beneficiary"},
    {"beneficiaryoftrust", I_ROLE, 0, "beneficiary"},
    {"enforcer", I_ROLE, 0, "enforcer"},
    {"nominee", I_ROLE, 0, "nominee"},
    {"boardmember", I_DIRECTOR, 0, "board_member"},
    {"boardchair", I_DIRECTOR, 0, "board_chair"},
    {"seniormanagingofficial", I_DIRECTOR, 0, "senior_managing_official"},
    {"unknowninterest", I_UNTYPED, 0, NULL},
    {"unpublishedinterest", I_UNTYPED, 0, NULL},
};

/* The meaning of type, or NULL when the type is not recognised. */
static const interest_map *interest_of(const char *type)
{
    static const interest_map untyped = {"", I_UNTYPED, 0, NULL};
    char f[64];
    fold(type, f, sizeof f);
    if (!type || !*f)
        return &untyped;
    for (size_t i = 0; i < sizeof interests / sizeof *interests; i++)
        if (strcmp(f, interests[i].folded) == 0)
            return &interests[i];
    return NULL;
}

/* The entity id a party reference points at; an unspecified party gets an unknown node. */
static kt_err party_ref(kt_load_ctx *c, const stmt *x, const cJSON *ref, const char *what, kt_load_buf *id, int *bad,
                        kt_load_map *redirect, const stmts *s)
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
    if (r && *r) {
        /* 0.2/0.3: a replaced party statement stands for the statement that replaced it */
        for (int hop = 0; hop < 64 && !x->v04; hop++) {
            size_t *w = kt_load_i_map_get(redirect, r, 0);
            const char *n = w ? stmt_id(&s->v[*w]) : NULL;
            if (!n || strcmp(n, r) == 0)
                break;
            r = n;
        }
        return kt_load_i_buf_printf(id, "bods:%s", r) ? KT_ENOMEM : KT_OK;
    }
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

/* The day before an ISO date (a partial date: the day before its first day). */
static void day_before(const char *date, char out[11])
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = atoi(date), m = strlen(date) >= 7 ? atoi(date + 5) : 1, d = strlen(date) >= 10 ? atoi(date + 8) : 1;
    if (m < 1 || m > 12)
        m = 1;
    if (d > 31)
        d = 31;
    if (--d < 1) {
        if (--m < 1) {
            m = 12;
            y--;
        }
        d = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    }
    char tmp[40]; /* room for any int: the date itself is 10 characters */
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y < 0 ? 0 : y % 10000, m, d);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

/* One relation being put together from a relationship's interests: relations of one kind,
 * basis and role, direct or declared, with the same validity, are one relation. */
typedef struct {
    kt_rel_in r;
    char since[16], until[16];
    int got[3];       /* owns: a shareholding, a right to capital/surplus/profit, voting rights */
    kt_ival iv[3];    /* their shares */
    unsigned fl[3];   /* their exclusive-bound flags */
} pend;

#define MAX_PEND 32

static pend *pend_get(pend *p, size_t *n, kt_rtype t, kt_basis b, const char *role, unsigned flags,
                      const char *since, const char *until, const char *from, const char *to)
{
    for (size_t i = 0; i < *n; i++) {
        kt_rel_in *r = &p[i].r;
        if (r->type == t && r->basis == b && (r->flags & KT_RF_DECLARED) == (flags & KT_RF_DECLARED) &&
            ((!role && !r->role) || (role && r->role && strcmp(role, r->role) == 0)) &&
            (t == KT_REL_OWNS || (strcmp(since ? since : "", p[i].since) == 0 &&
                                  strcmp(until ? until : "", p[i].until) == 0)))
            return &p[i];
    }
    if (*n == MAX_PEND)
        return NULL;
    pend *x = &p[(*n)++];
    memset(x, 0, sizeof *x);
    kt_rel_in_init(&x->r, t, from, to);
    x->r.basis = b;
    x->r.role = role;
    x->r.flags = flags & KT_RF_DECLARED;
    snprintf(x->since, sizeof x->since, "%s", since ? since : "");
    snprintf(x->until, sizeof x->until, "%s", until ? until : "");
    return x;
}

static kt_err load_relationship(kt_load_ctx *c, const stmt *x, kt_load_map *redirect, const stmts *all)
{
    int bad = 0;
    const cJSON *d = details(x, c, &bad);
    kt_load_buf from = {0}, to = {0};
    kt_err rc = KT_OK;
    const char *sid = stmt_id(x);
    pend p[MAX_PEND];
    size_t np = 0;

    if (bad)
        return KT_OK;
    if ((rc = party_ref(c, x, cJSON_GetObjectItemCaseSensitive(d, "subject"), "subject", &to, &bad, redirect, all)) !=
            KT_OK ||
        bad)
        goto out;
    if ((rc = party_ref(c, x, cJSON_GetObjectItemCaseSensitive(d, "interestedParty"), "interestedParty", &from, &bad,
                        redirect, all)) != KT_OK ||
        bad)
        goto out;

    int summary = 0, is_comp = 0;
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(d, "componentRecords");
    if (!comp)
        comp = cJSON_GetObjectItemCaseSensitive(d, "componentStatementIDs");
    kt_load_i_bool(c, d, "isComponent", x->line, NULL, &bad, &is_comp);
    if (!is_comp && cJSON_GetArraySize(comp) > 0)
        summary = 1;

    const cJSON *ints = cJSON_GetObjectItemCaseSensitive(d, "interests"), *in;
    if (ints && !cJSON_IsArray(ints)) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, x->line, NULL, "field \"interests\" must be an array");
        goto out;
    }
    int n_in = 0, n_live = 0;
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
        int bo = 0;
        unsigned fl = 0;
        char sbuf[11], ebuf[11], lo[16], hi[11];
        kt_ival sh = share_of(c, cJSON_GetObjectItemCaseSensitive(in, "share"), x->line, &fl, &bad);
        kt_load_i_bool(c, in, "beneficialOwnershipOrControl", x->line, NULL, &bad, &bo);
        if (bad)
            goto out;
        n_in++;
        /* validity: the interest's own dates within the statement's window (x->from, x->to);
         * an endDate is the day the interest ceased, so it held until the day before */
        const char *since = kt_load_i_date(c, sd, sbuf, x->line, NULL), *until = NULL;
        const char *end = kt_load_i_date(c, ed, ebuf, x->line, NULL);
        char lbuf[11];
        const char *lend = end ? NULL : later_end(all, x, type, c, lbuf);
        if (lend)
            end = lend;
        if (since && strlen(since) < 10) /* a partial date starts on its first day */
            snprintf(lo, sizeof lo, "%s%s", since, strlen(since) == 4 ? "-01-01" : "-01"), since = lo;
        if (x->from[0] && (!since || strcmp(x->from, since) > 0))
            since = x->from;
        if (end)
            day_before(end, hi), until = hi;
        if (x->to[0] && (!until || strcmp(x->to, until) < 0))
            until = x->to;
        if (x->closed || (since && until && strcmp(since, until) > 0))
            continue; /* not in force at any time this statement speaks for */
        n_live++;
        /* a direct interest stands as itself even in a summary; an indirect one is declared */
        int declared = doi && strcmp(doi, "indirect") == 0 ? !is_comp
                                                           : summary && !(doi && strcmp(doi, "direct") == 0);
        unsigned dfl = (declared ? KT_RF_DECLARED : 0) | (bo ? KT_RF_BENEFICIAL : 0);
        const interest_map *m = interest_of(type);
        if (!m) {
            rc = kt_diags_add(c->d, KT_SEV_WARNING, "bods_interest_untyped", c->file, x->line, NULL,
                              "interest type \"%.40s\" is not recognised: read as ownership of unknown share", type);
            if (rc != KT_OK)
                goto out;
        }
        if (!m || m->kind == I_UNTYPED) {
            if (m && (rc = kt_diags_add(c->d, KT_SEV_WARNING, "bods_interest_untyped", c->file, x->line, NULL,
                                        "interest of no stated type: read as ownership of unknown share")) != KT_OK)
                goto out;
            m = &interests[0]; /* ownership, share as given (usually unknown) */
        }
        kt_rtype rt = m->kind == I_CONTROL    ? KT_REL_CONTROLS
                      : m->kind == I_ROLE     ? KT_REL_ROLE_IN
                      : m->kind == I_DIRECTOR ? KT_REL_DIRECTOR_OF
                                              : KT_REL_OWNS;
        pend *q = pend_get(p, &np, rt, m->kind == I_CONTROL ? m->basis : KT_BASIS_NONE, m->role, dfl, since, until,
                           from.s, to.s);
        if (!q) {
            rc = kt_diags_add(c->d, KT_SEV_WARNING, "bods_interest_untyped", c->file, x->line, NULL,
                              "more than %d distinct interests: the rest are left out", MAX_PEND);
            break;
        }
        q->r.flags |= dfl & KT_RF_BENEFICIAL;
        if (!q->since[0] && since)
            snprintf(q->since, sizeof q->since, "%s", since);
        if (!q->until[0] && until)
            snprintf(q->until, sizeof q->until, "%s", until);
        if (rt != KT_REL_OWNS)
            continue;
        if (m->kind == I_SHARE && !q->got[0]) {
            q->got[0] = 1, q->iv[0] = sh, q->fl[0] = fl;
        } else if (m->kind == I_RIGHTS && !q->got[1]) {
            q->got[1] = 1, q->iv[1] = sh, q->fl[1] = fl;
        } else if (m->kind == I_VOTES && !q->got[2]) {
            q->got[2] = 1, q->iv[2] = sh;
        }
    }
    if (n_in > 0 && n_live == 0)
        goto out; /* every interest had ended, or the record is closed */
    if (n_in == 0 && !x->closed) {
        rc = kt_diags_add(c->d, KT_SEV_WARNING, "bods_interest_untyped", c->file, x->line, NULL,
                          "interest of no stated type: read as ownership of unknown share");
        if (rc != KT_OK)
            goto out;
        pend_get(p, &np, KT_REL_OWNS, KT_BASIS_NONE, NULL, summary ? KT_RF_DECLARED : 0, x->from[0] ? x->from : NULL,
                 x->to[0] ? x->to : NULL, from.s, to.s);
    }
    for (size_t i = 0; i < np && rc == KT_OK; i++) {
        kt_rel_in *r = &p[i].r;
        /* the share is the shareholding's, else that of a right to capital, surplus or profit
         * (whose votes are then not said: 0-100); the votes are the voting rights' */
        int k = p[i].got[0] ? 0 : p[i].got[1] ? 1 : -1;
        if (k >= 0) {
            r->share = p[i].iv[k];
            r->flags |= p[i].fl[k];
        }
        if (p[i].got[2])
            r->votes = p[i].iv[2];
        else if (k == 1 && !kt_ival_is_unknown(r->share))
            r->votes.min = 0, r->votes.max = 100;
        r->source = sid;
        r->since = p[i].since[0] ? p[i].since : NULL;
        r->until = p[i].until[0] ? p[i].until : NULL;
        rc = kt_graph_add_relation(c->g, r, c->file, x->line, c->d);
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
    kt_load_map redirect;
    kt_load_i_map_init(&redirect);
    kt_err rc = kt_load_i_json_records(c, s, NULL, collect, &st);

    if (rc == KT_OK)
        rc = apply_updates(c, &st, &redirect);
    for (size_t i = 0; i < st.n && rc == KT_OK; i++) {
        const stmt *x = &st.v[i];
        const char *k;
        if (!(k = kind(x))) {
            rc = kt_diags_add(c->d, KT_SEV_ERROR, "bods_statement_type", c->file, x->line, NULL,
                              "statement of unknown type (entity, person or relationship expected)");
            continue;
        }
        if (strcmp(k, "relationship") == 0)
            rc = load_relationship(c, x, &redirect, &st);
        else if (x->live)
            rc = load_party(c, x, strcmp(k, "person") == 0, &id);
    }
    kt_load_i_map_destroy(&redirect);
    for (size_t i = 0; i < st.n; i++)
        cJSON_Delete(st.v[i].o);
    free(st.v);
    free(id.s);
    return rc;
}

int kt_load_i_bods_detect(const char *head, size_t len, size_t first)
{
    (void)first;
    return (len && (head[0] == '{' || head[0] == '[')) && (kt_load_i_has(head, len, "\"statementID\"") || kt_load_i_has(head, len, "\"statementId\"") ||
                  kt_load_i_has(head, len, "\"statementType\"") || kt_load_i_has(head, len, "\"recordDetails\""));
}
