/* native_fast.c: the common native JSON Lines record decoded straight from its text.
 *
 * Almost every line of a large native file is a plain relation or entity: a flat object of known
 * fields, ASCII strings without escapes, a number or {"min": a, "max": b} for a share.  Parsing it
 * into a cJSON tree and then reading the tree (native.c) costs two passes, an allocation and a
 * copy per value and a key compare per field.  kt_load_i_native_fast takes such a line in one pass:
 * each key is known by its length and letters, each string stays where it is in the line (its
 * closing quote becomes its NUL), and the record is filled as the tree decoder fills it.
 *
 * It takes only what the tree decoder takes without a word: the first unknown or repeated key,
 * value of another type, escape, non-ASCII byte, number that is not strict JSON or not finite,
 * unknown relation or entity type, empty id, invalid date, unknown basis or role, identifiers or
 * tags given, or anything after the object makes it restore the line and answer 0, and the line
 * goes the tree's way, which says what is wrong.  So what keten accepts, repairs, warns about
 * and rejects never depends on which decoder ran; tests/unit/nativefast.c compares the two on
 * random lines and expects the same record every time this one answers.
 * Complexity: O(line length), no allocation. */
#include <math.h>
#include <string.h>

#include "native_i.h"

/* the fields either kind of record may have; K_OTHER: any other key */
enum { K_BASIS, K_BENEFICIAL, K_COMPLETE, K_COUNTRY, K_DECLARED, K_FROM, K_ID, K_IDENTIFIERS, K_ITEM, K_LISTED,
       K_NAME, K_QTY, K_REL, K_ROLE, K_SCOPE, K_SHARE, K_SINCE, K_SOLE_SOURCE, K_SOURCE, K_STATE_OWNED, K_TAGS,
       K_TO, K_TYPE, K_UNTIL, K_VOTES, K__N, K_OTHER = K__N };

/* the fields of each kind, as bits */
#define B(k) (1u << (k))
static const unsigned rel_fields = B(K_BASIS) | B(K_BENEFICIAL) | B(K_COUNTRY) | B(K_DECLARED) | B(K_FROM) |
                                   B(K_ITEM) | B(K_QTY) | B(K_REL) | B(K_ROLE) | B(K_SCOPE) | B(K_SHARE) |
                                   B(K_SINCE) | B(K_SOLE_SOURCE) | B(K_SOURCE) | B(K_TO) | B(K_UNTIL) | B(K_VOTES);
static const unsigned ent_fields = B(K_COMPLETE) | B(K_COUNTRY) | B(K_ID) | B(K_IDENTIFIERS) | B(K_LISTED) |
                                   B(K_NAME) | B(K_SOURCE) | B(K_STATE_OWNED) | B(K_TAGS) | B(K_TYPE);

static const char *const key_names[K__N] = {
    "basis", "beneficial", "complete", "country", "declared", "from",        "id",   "identifiers", "item",
    "listed", "name",      "qty",      "rel",     "role",     "scope",       "share", "since",      "sole_source",
    "source", "state_owned", "tags",   "to",      "type",     "until",       "votes"};
static const unsigned char key_len[K__N] = {5, 10, 8, 7, 8, 4, 2, 11, 4, 6, 4, 3, 3,
                                            4, 5, 5, 5, 11, 6, 11, 4, 2, 4, 5, 5};

static int key_of(const char *s, size_t n)
{
    /* candidates by first letter; then one compare */
    int a, b;
    switch (s[0]) {
    case 'b': a = K_BASIS, b = K_BENEFICIAL; break;
    case 'c': a = K_COMPLETE, b = K_COUNTRY; break;
    case 'd': a = K_DECLARED, b = K_DECLARED; break;
    case 'f': a = K_FROM, b = K_FROM; break;
    case 'i': a = K_ID, b = K_ITEM; break;
    case 'l': a = K_LISTED, b = K_LISTED; break;
    case 'n': a = K_NAME, b = K_NAME; break;
    case 'q': a = K_QTY, b = K_QTY; break;
    case 'r': a = K_REL, b = K_ROLE; break;
    case 's': a = K_SCOPE, b = K_STATE_OWNED; break;
    case 't': a = K_TAGS, b = K_TYPE; break;
    case 'u': a = K_UNTIL, b = K_UNTIL; break;
    case 'v': a = K_VOTES, b = K_VOTES; break;
    default: return K_OTHER;
    }
    for (int k = a; k <= b; k++)
        if (key_len[k] == n && memcmp(key_names[k], s, n) == 0)
            return k;
    return K_OTHER;
}

/* A value as the line gives it. */
enum { V_NULL, V_FALSE, V_TRUE, V_STR, V_NUM, V_RANGE };
typedef struct {
    int kind;
    const char *s; /* V_STR: NUL-terminated in the line */
    double a, b;   /* V_NUM: a; V_RANGE: min a, max b */
} val;

typedef struct {
    char *p, *e;
    char *quotes[64]; /* closing quotes made NULs, put back when the line is not taken */
    int nquotes;
    size_t max_depth; /* the depth limit: a share object is the second level */
} scan;

static void skip_ws(scan *s)
{
    while (s->p < s->e && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n'))
        s->p++;
}

/* A string of printable ASCII without escapes at s->p (its opening quote); NUL-terminated in
 * place.  NULL outside that. */
static const char *string(scan *s, size_t *len)
{
    char *b = s->p + 1, *q = b;
    while (q < s->e && *q != '"') {
        unsigned char c = (unsigned char)*q;
        if (c < 0x20 || c >= 0x7f || c == '\\')
            return NULL;
        q++;
    }
    if (q == s->e || s->nquotes == (int)(sizeof s->quotes / sizeof *s->quotes))
        return NULL;
    *q = '\0';
    s->quotes[s->nquotes++] = q;
    s->p = q + 1;
    *len = (size_t)(q - b);
    return b;
}

static const double pow10_exact[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/* A number in strict JSON syntax followed by a delimiter, as cJSON reads it (strtod of at most 63
 * bytes); finite.  0 or -1. */
static int number(scan *s, double *out)
{
    const char *b = s->p, *e = s->e, *p = kt_load_i_json_number_end(b, e);
    uint64_t m = 0;
    int digits = 0, frac = 0, simple = 1, after_point = 0;
    if (!p)
        return -1;
    for (const char *q = b; q < p && simple; q++) {
        if (*q >= '0' && *q <= '9') {
            if (++digits <= 19)
                m = m * 10 + (uint64_t)(*q - '0');
            frac += after_point;
        } else if (*q == '.') {
            after_point = 1;
        } else if (*q == 'e' || *q == 'E') {
            simple = 0;
        }
    }
    if (p - b > 63 || !(p == e || *p == ' ' || *p == '\t' || *p == ',' || *p == '}' || *p == '\r' || *p == '\n'))
        return -1;
    double v;
    if (simple && digits <= 15 && frac <= 15) {
        /* both exact in a double, and the one division correctly rounded: strtod's value */
        v = (double)m / pow10_exact[frac];
        if (*b == '-')
            v = -v;
    } else {
        char buf[64], *end;
        memcpy(buf, b, (size_t)(p - b));
        buf[p - b] = '\0';
        v = strtod(buf, &end);
        if (end != buf + (p - b))
            return -1;
    }
    if (!isfinite(v))
        return -1;
    *out = v;
    s->p = (char *)p;
    return 0;
}

static int literal(scan *s, const char *word, size_t n)
{
    if ((size_t)(s->e - s->p) < n || memcmp(s->p, word, n) != 0)
        return -1;
    s->p += n;
    return 0;
}

/* {"min": a, "max": b}, each key once and nothing else */
static int range(scan *s, val *v)
{
    int seen = 0;
    s->p++;
    for (int i = 0; i < 2; i++) {
        size_t n;
        const char *k;
        double x;
        skip_ws(s);
        if (i == 1) {
            if (s->p == s->e || *s->p != ',')
                return -1;
            s->p++;
            skip_ws(s);
        }
        if (s->p == s->e || *s->p != '"' || !(k = string(s, &n)) || n != 3)
            return -1;
        int which = memcmp(k, "min", 3) == 0 ? 1 : memcmp(k, "max", 3) == 0 ? 2 : 0;
        if (!which || (seen & which))
            return -1;
        seen |= which;
        skip_ws(s);
        if (s->p == s->e || *s->p != ':')
            return -1;
        s->p++;
        skip_ws(s);
        if (number(s, &x) != 0)
            return -1;
        if (which == 1)
            v->a = x;
        else
            v->b = x;
    }
    skip_ws(s);
    if (s->p == s->e || *s->p != '}')
        return -1;
    s->p++;
    v->kind = V_RANGE;
    return 0;
}

static int value(scan *s, val *v)
{
    size_t n;
    switch (*s->p) {
    case '"':
        v->kind = V_STR;
        return (v->s = string(s, &n)) ? 0 : -1;
    case 't':
        v->kind = V_TRUE;
        return literal(s, "true", 4);
    case 'f':
        v->kind = V_FALSE;
        return literal(s, "false", 5);
    case 'n':
        v->kind = V_NULL;
        return literal(s, "null", 4);
    case '{':
        return s->max_depth >= 2 ? range(s, v) : -1;
    default:
        v->kind = V_NUM;
        return number(s, &v->a);
    }
}

/* The members of the object: vals[k] for each known key k given (bit k of *seen). */
static int members(scan *s, val *vals, unsigned *seen)
{
    skip_ws(s);
    if (s->p == s->e || *s->p != '{')
        return -1;
    s->p++;
    skip_ws(s);
    if (s->p < s->e && *s->p == '}')
        return -1; /* an empty object is no record */
    for (;;) {
        size_t n;
        const char *k;
        skip_ws(s);
        if (s->p == s->e || *s->p != '"' || !(k = string(s, &n)) || n == 0)
            return -1;
        int key = key_of(k, n);
        if (key == K_OTHER || (*seen & B(key)))
            return -1; /* the tree's way: a warning, an error, or another kind of record */
        *seen |= B(key);
        skip_ws(s);
        if (s->p == s->e || *s->p != ':')
            return -1;
        s->p++;
        skip_ws(s);
        if (s->p == s->e || value(s, &vals[key]) != 0)
            return -1;
        /* a string, literal or number must end here: white space, a comma or the brace */
        skip_ws(s);
        if (s->p == s->e)
            return -1;
        if (*s->p == '}')
            break;
        if (*s->p != ',')
            return -1;
        s->p++;
    }
    s->p++;
    skip_ws(s);
    return s->p == s->e ? 0 : -1;
}

/* A string field: absent or null gives NULL; another type is the tree's to report. */
static int str_field(const val *vals, unsigned seen, int k, const char **out)
{
    *out = NULL;
    if (!(seen & B(k)) || vals[k].kind == V_NULL)
        return 0;
    if (vals[k].kind != V_STR)
        return -1;
    *out = vals[k].s;
    return 0;
}

/* A true/false field: *flag set when true; absent or null leaves it. */
static int bool_field(const val *vals, unsigned seen, int k, unsigned *flags, unsigned flag)
{
    if (!(seen & B(k)) || vals[k].kind == V_NULL || vals[k].kind == V_FALSE)
        return 0;
    if (vals[k].kind != V_TRUE)
        return -1;
    *flags |= flag;
    return 0;
}

static int share_field(const val *vals, unsigned seen, int k, kt_ival *out)
{
    *out = kt_ival_unknown();
    if (!(seen & B(k)) || vals[k].kind == V_NULL)
        return 0;
    if (vals[k].kind == V_NUM)
        out->min = out->max = vals[k].a;
    else if (vals[k].kind == V_RANGE)
        out->min = vals[k].a, out->max = vals[k].b;
    else
        return -1;
    return 0;
}

static int relation(const val *vals, unsigned seen, kt_native_rec *x)
{
    kt_rel_in *r = &x->u.r;
    const char *rel, *from, *to, *basis, *role;
    if (str_field(vals, seen, K_REL, &rel) || str_field(vals, seen, K_FROM, &from) ||
        str_field(vals, seen, K_TO, &to) || !rel || !from || !from[0] || !to || !to[0])
        return -1;
    kt_rel_in_init(r, KT_REL_OWNS, from, to);
    if (kt_rtype_parse(rel, &r->type) != 0)
        return -1;
    if (str_field(vals, seen, K_SOURCE, &r->source) || str_field(vals, seen, K_SINCE, &r->since) ||
        str_field(vals, seen, K_UNTIL, &r->until) || str_field(vals, seen, K_ITEM, &r->item) ||
        str_field(vals, seen, K_SCOPE, &r->scope) || str_field(vals, seen, K_COUNTRY, &r->country) ||
        str_field(vals, seen, K_BASIS, &basis) || str_field(vals, seen, K_ROLE, &role) ||
        share_field(vals, seen, K_SHARE, &r->share) || share_field(vals, seen, K_VOTES, &r->votes) ||
        bool_field(vals, seen, K_SOLE_SOURCE, &r->flags, KT_RF_SOLE_SOURCE) ||
        bool_field(vals, seen, K_DECLARED, &r->flags, KT_RF_DECLARED) ||
        bool_field(vals, seen, K_BENEFICIAL, &r->flags, KT_RF_BENEFICIAL))
        return -1;
    if ((seen & B(K_QTY)) && vals[K_QTY].kind != V_NULL) {
        if (vals[K_QTY].kind != V_NUM)
            return -1;
        r->qty = vals[K_QTY].a;
    }
    if (kt_load_i_native_rel_finish(r, basis, role) != 0)
        return -1;
    x->kind = REC_REL;
    x->keys[0] = kt_graph_id_key(from);
    x->keys[1] = kt_graph_id_key(to);
    if (r->item)
        x->keys[2] = kt_graph_id_key(r->item);
    return 0;
}

static int entity(const val *vals, unsigned seen, kt_native_rec *x)
{
    kt_entity_in *e = &x->u.e;
    const char *type;
    memset(e, 0, sizeof *e);
    if (str_field(vals, seen, K_ID, &e->id) || str_field(vals, seen, K_TYPE, &type) || !e->id || !e->id[0] ||
        !type || kt_etype_parse(type, &e->type) != 0)
        return -1;
    if (str_field(vals, seen, K_NAME, &e->name) || str_field(vals, seen, K_COUNTRY, &e->country) ||
        str_field(vals, seen, K_SOURCE, &e->source))
        return -1;
    static const int bools[3] = {K_STATE_OWNED, K_LISTED, K_COMPLETE};
    static const unsigned set[3] = {KT_EF_STATE_OWNED_SET, KT_EF_LISTED_SET, KT_EF_COMPLETE_SET};
    static const unsigned on[3] = {KT_EF_STATE_OWNED, KT_EF_LISTED, KT_EF_COMPLETE};
    for (int i = 0; i < 3; i++) {
        const val *v = &vals[bools[i]];
        if (!(seen & B(bools[i])) || v->kind == V_NULL)
            continue;
        if (v->kind != V_TRUE && v->kind != V_FALSE)
            return -1;
        e->flags |= set[i] | (v->kind == V_TRUE ? on[i] : 0);
    }
    /* lists: the tree's way (null ones are as absent) */
    if (((seen & B(K_IDENTIFIERS)) && vals[K_IDENTIFIERS].kind != V_NULL) ||
        ((seen & B(K_TAGS)) && vals[K_TAGS].kind != V_NULL))
        return -1;
    x->kind = REC_ENT;
    x->keys[0] = kt_graph_id_key(e->id);
    return 0;
}

int kt_load_i_native_fast(char *text, size_t len, size_t max_depth, kt_native_rec *x)
{
    scan s;
    val vals[K__N];
    unsigned seen = 0;
    int ok;

    s.p = text;
    s.e = text + len;
    s.nquotes = 0;
    s.max_depth = max_depth;
    memset(x->keys, 0, sizeof x->keys);
    if (members(&s, vals, &seen) != 0)
        ok = 0;
    else if (seen & B(K_REL))
        ok = !(seen & ~rel_fields) && relation(vals, seen, x) == 0;
    else if (seen & B(K_TYPE))
        ok = !(seen & ~ent_fields) && entity(vals, seen, x) == 0;
    else
        ok = 0;
    if (!ok)
        for (int i = 0; i < s.nquotes; i++)
            *s.quotes[i] = '"';
    return ok;
}
