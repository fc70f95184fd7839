/* nativefast.c: the direct decoder of common native records (loaders/native_fast.c) against the
 * tree decoder (cJSON, then loaders/native.c), on random lines made to sit on every edge of what
 * it takes: each field of relations and entities, values of the wrong type or null, unknown and
 * repeated keys, escapes, non-ASCII and control bytes, empty ids, unknown relation and entity
 * types, dates, bases and roles that are not valid, numbers strict JSON rejects or that are not
 * finite or need more than a double's 15 digits, shares as {"min", "max"} with a key missing,
 * repeated or extra, identifiers and tags, white space, trailing data, lines cut anywhere.
 *
 * Whenever the direct decoder takes a line, the tree decoder must take it too, without a
 * diagnostic, and make the same record: every field, strings by their text, numbers to the
 * bit, the ids' keys.  When it does not take a line, the line must be as it was (the tree
 * decoder reads it next).  A seeded generator: the counts below are exact. */
#include <cjson/cJSON.h>
#include <math.h>

#include "test_util.h"
#include "../../loaders/native_i.h"

#define TEXTGEN_SEED 2463534242ull
#include "textgen.h"

/* 1 in n, or in 10 n on a calm line (half of them): most lines have one problem at most */
static int calm;
static int rare(unsigned n)
{
    return rnd(calm ? 10 * n : n) == 0;
}

static void ws(void)
{
    static const char *w[] = {"", "", "", "", " ", "  ", "\t", "\r", "\v", "\x01"};
    put(w[!rare(6) ? rnd(6) : rnd(sizeof w / sizeof *w)]);
}

static void pick(const char *const *v, size_t n)
{
    put(v[rnd((unsigned)n)]);
}
#define PICK(v) pick(v, sizeof v / sizeof *v)

/* a string of plain[]: on a calm line one of the first nvalid */
static void str(const char *const *plain, size_t nplain, size_t nvalid)
{
    static const char *odd[] = {"", "\\n", "\\\"", "\\u0041", "\xc3\xa9", "\x7f", "\x01", " x", "\\", "'"};
    put("\"");
    if (!rare(8))
        pick(plain, calm ? nvalid : nplain);
    else
        PICK(odd);
    if (rare(10))
        PICK(odd);
    put("\"");
}

static void number(void)
{
    static const char *n[] = {"0", "-0", "1", "12", "51.59", "22.39", "44.78", "33.333333333333336", "0.1",
                              "100", "100.0", "99.99999", "-1.25", "1e2", "1E+1", "2e-0", "0.000001",
                              "123456789012345", "1234567890123456", "12345678901234567890", "0.1234567890123456",
                              "1.000000000000000000001", "12.345678901234567", "98765.432109876543", "1e400",
                              "-1e400", "01", "1.", ".5", "-", "+1",
                              "1e", "0x10", "1.2.3", "NaN", "Infinity"};
    pick(n, calm ? 24 : sizeof n / sizeof *n);
}

static void share(void)
{
    unsigned k = rnd(12);
    if (k < 6) {
        number();
    } else if (k < 10) {
        static const char *keys[] = {"\"min\"", "\"max\"", "\"min\"", "\"max\"", "\"mid\"", "\"mi\\u006e\""};
        put("{");
        ws();
        int a = rnd(4) ? 0 : (int)rnd(6);
        put(a ? keys[a] : "\"min\"");
        put(":");
        ws();
        number();
        if (rnd(10)) {
            put(",");
            ws();
            put(rnd(8) ? "\"max\"" : keys[rnd(6)]);
            ws();
            put(":");
            rnd(12) ? number() : put("\"5\"");
        }
        if (!rnd(10))
            put(",\"note\":1");
        ws();
        put("}");
    } else {
        static const char *v[] = {"null", "\"50\"", "true", "[50]", "{}"};
        PICK(v);
    }
}

static const char *const ids[] = {"c1", "c100178", "p7", "item-60178", "a-very-long-entity-id-0001", "x y", "NL"};

static void value(const char *key)
{
    static const char *rels[] = {"owns", "owns", "controls", "supplies", "contains", "made_by", "director_of",
                                 "role_in", "subcontracts", "member_of", "offers", "Owns", "own", ""};
    static const char *types[] = {"company", "company", "person", "state", "product", "component", "service",
                                  "consortium", "unknown", "Company", ""};
    static const char *dates[] = {"2020", "2020-06", "2020-06-30", "2020-13", "2020-06-32", "20-06-30", "x"};
    static const char *bases[] = {"board", "golden_share", "contract", "statute", "other", "consolidation", "none",
                                  ""};
    static const char *roles[] = {"lead", "member", "trustee", "General Director", ""};
    static const char *countries[] = {"NL", "DE", "CN", "nl", "XX", "Netherlands", ""};
    static const char *words[] = {"Company 178 B.V.", "src-1", "", "scope of work", "a"};
    static const char *wrong[] = {"null", "null", "1", "true", "[]", "{\"a\":1}", "\"s\""};
    if (rare(14)) {
        PICK(wrong);
        return;
    }
    if (!strcmp(key, "rel"))
        str(rels, sizeof rels / sizeof *rels, 11);
    else if (!strcmp(key, "type"))
        str(types, sizeof types / sizeof *types, 8);
    else if (!strcmp(key, "from") || !strcmp(key, "to") || !strcmp(key, "id") || !strcmp(key, "item"))
        str(ids, sizeof ids / sizeof *ids - (rnd(10) ? 2 : 0), 5);
    else if (!strcmp(key, "since") || !strcmp(key, "until"))
        str(dates, sizeof dates / sizeof *dates, 3);
    else if (!strcmp(key, "basis"))
        str(bases, sizeof bases / sizeof *bases, 6);
    else if (!strcmp(key, "role"))
        str(roles, sizeof roles / sizeof *roles, 2);
    else if (!strcmp(key, "country"))
        str(countries, sizeof countries / sizeof *countries, 7);
    else if (!strcmp(key, "share") || !strcmp(key, "votes"))
        share();
    else if (!strcmp(key, "qty"))
        rnd(6) ? number() : put("\"2\"");
    else if (!strcmp(key, "sole_source") || !strcmp(key, "declared") || !strcmp(key, "beneficial") ||
             !strcmp(key, "state_owned") || !strcmp(key, "listed") || !strcmp(key, "complete"))
        put(rnd(3) ? (rnd(2) ? "true" : "false") : rnd(2) ? "null" : "1");
    else if (!strcmp(key, "identifiers"))
        put(rnd(3) ? "{\"lei\":\"529900T8BM49AURSDO55\"}" : rnd(2) ? "null" : "{}");
    else if (!strcmp(key, "tags"))
        put(rnd(3) ? "[\"a\",\"b\"]" : rnd(2) ? "null" : "[]");
    else
        str(words, sizeof words / sizeof *words, 5);
}

/* one line: mostly a relation or an entity with some of its fields in any order */
static void line(void)
{
    static const char *rel_keys[] = {"rel", "from", "to", "share", "votes", "qty", "item", "source", "since", "until",
                                     "scope", "country", "basis", "role", "sole_source", "declared", "beneficial"};
    static const char *ent_keys[] = {"id", "type", "name", "country", "source", "state_owned", "listed", "complete",
                                     "identifiers", "tags"};
    static const char *other[] = {"keten", "mark", "entity", "note", "", "Rel", "relx"};
    const char *keys[24];
    int n = 0, isrel = rnd(10) < 7;
    const char *const *set = isrel ? rel_keys : ent_keys;
    int nset = isrel ? 17 : 10;

    len = 0;
    calm = rnd(2);
    keys[n++] = set[0];
    keys[n++] = set[1];
    if (isrel)
        keys[n++] = set[2];
    for (int k = rnd(5); k > 0; k--) {
        const char *x = set[rnd((unsigned)nset)];
        int dup = 0;
        for (int i = 0; i < n; i++)
            dup |= !strcmp(keys[i], x);
        if (!dup || !calm)
            keys[n++] = x; /* repeated sometimes */
    }
    if (rare(10))
        keys[n++] = other[rnd(7)];
    if (rare(12))
        keys[n++] = isrel ? ent_keys[rnd(10)] : rel_keys[rnd(17)];
    if (rare(15))
        n = 1 + (int)rnd(2); /* a required field missing */
    for (int i = n - 1; i > 0; i--) { /* any order */
        int j = (int)rnd((unsigned)i + 1);
        const char *t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
    }
    ws();
    put(rnd(80) ? "{" : "[");
    for (int i = 0; i < n; i++) {
        if (i)
            put(rnd(60) ? "," : "");
        ws();
        put("\"");
        put(keys[i]);
        put("\"");
        ws();
        put(rnd(80) ? ":" : "");
        ws();
        value(keys[i]);
        ws();
    }
    put(rnd(80) ? "}" : "");
    if (!rnd(40))
        put(rnd(2) ? "x" : ",");
    ws();
    if (!rnd(30))
        len = rnd((unsigned)len + 1); /* cut anywhere */
    buf[len] = '\0';
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static int same_dbl(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static int same_key(const kt_id_key *a, const kt_id_key *b)
{
    return a->len == b->len && a->hash == b->hash && a->text == b->text;
}

static int same_rec(const kt_native_rec *a, const kt_native_rec *b)
{
    if (a->kind != b->kind)
        return 0;
    for (int k = 0; k < 3; k++)
        if (!same_key(&a->keys[k], &b->keys[k]))
            return 0;
    if (a->kind == REC_REL) {
        const kt_rel_in *x = &a->u.r, *y = &b->u.r;
        return x->type == y->type && same_str(x->from, y->from) && same_str(x->to, y->to) &&
               same_dbl(x->share.min, y->share.min) && same_dbl(x->share.max, y->share.max) &&
               same_dbl(x->votes.min, y->votes.min) && same_dbl(x->votes.max, y->votes.max) &&
               x->flags == y->flags && x->basis == y->basis && same_str(x->item, y->item) &&
               same_dbl(x->qty, y->qty) && same_str(x->country, y->country) && same_str(x->scope, y->scope) &&
               same_str(x->role, y->role) && same_str(x->since, y->since) && same_str(x->until, y->until) &&
               same_str(x->source, y->source);
    }
    const kt_entity_in *x = &a->u.e, *y = &b->u.e;
    return same_str(x->id, y->id) && x->type == y->type && same_str(x->name, y->name) &&
           same_str(x->country, y->country) && x->flags == y->flags && x->n_ident == y->n_ident &&
           x->n_tags == y->n_tags && same_str(x->source, y->source);
}

int main(void)
{
    enum { N = 60000 };
    long taken = 0, taken_rel = 0, taken_ent = 0, tree_quiet = 0, tree_said = 0, tree_none = 0;
    long wrong = 0, changed = 0, disagree = 0, taken_flat = 0, nested = 0;
    kt_load_i_json_hooks();
    for (int i = 0; i < N; i++) {
        char orig[sizeof buf];
        kt_native_rec fast, slow;
        line();
        memcpy(orig, buf, len + 1);
        memset(&fast, 0xa5, sizeof fast);
        /* under a depth limit of 1 (--limit depth=1) a share object is too deep: declined */
        kt_native_rec flat;
        if (kt_load_i_native_fast(buf, len, 1, &flat)) {
            taken_flat++;
            nested += strchr(strchr(orig, '{') + 1, '{') != NULL;
            memcpy(buf, orig, len + 1);
        } else if (memcmp(buf, orig, len + 1) != 0) {
            changed++;
        }
        int ok = kt_load_i_native_fast(buf, len, 1000, &fast);
        if (!ok && memcmp(buf, orig, len + 1) != 0)
            changed++;

        /* the tree's way, on the line as written */
        kt_diags *d = kt_diags_new();
        kt_load_ctx c = {NULL, d, 0, "t.jsonl", 1, 0};
        cJSON *o = kt_load_i_json_parse(&c, orig, len, 1);
        int k = o ? kt_load_i_native_decode(&c, o, 1, &slow) : 0;
        size_t said = kt_diags_count(d);
        if (ok) {
            taken++;
            taken_rel += fast.kind == REC_REL;
            taken_ent += fast.kind == REC_ENT;
            if (k != 1 || said != 0) {
                if (disagree++ < 5)
                    printf("taken, but the tree decoder says %d with %zu diagnostics: %s\n", k, said, orig);
            } else if (!same_rec(&fast, &slow)) {
                if (wrong++ < 5)
                    printf("a different record: %s\n", orig);
            }
        } else if (k == 1 && said == 0) {
            tree_quiet++;
        } else if (said) {
            tree_said++;
        } else {
            tree_none++;
        }
        cJSON_Delete(o);
        kt_diags_free(d);
    }
    printf("%d random lines: %ld taken directly (%ld relations, %ld entities); of the rest, %ld decoded by the "
           "tree without a word, %ld with a diagnostic, %ld giving no record\n",
           N, taken, taken_rel, taken_ent, tree_quiet, tree_said, tree_none);
    printf("taken directly but not by the tree without a word: %ld; a different record: %ld; a line left changed: "
           "%ld\n",
           disagree, wrong, changed);
    printf("with a depth limit of 1: %ld taken, %ld of them with a nested object\n", taken_flat, nested);
    return 0;
}
