/* jsonfast.c: the common JSON Lines record parsed in one pass, into the tree cJSON makes.
 *
 * A line of plain data (an object of ASCII strings without escapes, numbers, true, false, null,
 * arrays and objects a few levels deep, no key twice in one object) is by far the most common
 * record, and cJSON parses it slowly: three strncmp calls before every value, a locale lookup per
 * number, and keten's own passes before and after (depth, UTF-8 and \u0000, duplicate keys).
 * kt_load_i_json_fast parses exactly that subset and builds the tree cJSON 1.7 would build for
 * it (same types, strings, numbers by strtod as cJSON reads them, child/next/prev links with the
 * first child's prev at the last).  Anything outside the subset (another byte, an escape, a
 * number that is not strict JSON, a repeated key, more depth) gives NULL, and the caller parses
 * the line the slow way, which reports what is wrong: what keten accepts, rejects, warns about
 * and says never depends on which parser ran.  tests/unit/jsonfast.c compares both on random
 * lines.  keten never calls setlocale, so strtod reads '.' as cJSON does.
 * Iterative (an explicit stack), O(length). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

#define FAST_DEPTH 16   /* deeper lines take the slow path */
#define FAST_MEMBERS 32 /* members per object checked for repeats; more take the slow path */

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* after a scalar: white space, a comma, a closing bracket, or the end */
static int is_end(const char *p, const char *e)
{
    return p == e || is_ws(*p) || *p == ',' || *p == '}' || *p == ']';
}

static cJSON *node(kt_load_i_alloc_fn alloc)
{
    cJSON *x = alloc(sizeof *x);
    if (x)
        memset(x, 0, sizeof *x);
    return x;
}

/* A string at *pp (at its opening quote) of printable ASCII without escapes, copied; *pp moves
 * past its closing quote.  NULL outside the subset or out of memory. */
static char *string(const char **pp, const char *e, kt_load_i_alloc_fn alloc)
{
    const char *s = *pp + 1, *p = s;
    while (p < e && *p != '"') {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c >= 0x7f || c == '\\')
            return NULL;
        p++;
    }
    if (p == e)
        return NULL;
    char *out = alloc((size_t)(p - s) + 1);
    if (!out)
        return NULL;
    memcpy(out, s, (size_t)(p - s));
    out[p - s] = '\0';
    *pp = p + 1;
    return out;
}

const char *kt_load_i_json_number_end(const char *p, const char *e)
{
    if (p < e && *p == '-')
        p++;
    if (p < e && *p == '0')
        p++;
    else if (p < e && *p >= '1' && *p <= '9')
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    else
        return NULL;
    if (p < e && *p == '.') {
        if (++p == e || !(*p >= '0' && *p <= '9'))
            return NULL;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (p == e || !(*p >= '0' && *p <= '9'))
            return NULL;
        while (p < e && *p >= '0' && *p <= '9')
            p++;
    }
    return p;
}

/* A number in strict JSON syntax, then a delimiter; 63 bytes at most (cJSON's buffer).  0 or -1. */
static int number(const char **pp, const char *e, cJSON *x)
{
    const char *s = *pp, *p = kt_load_i_json_number_end(s, e);
    if (!p)
        return -1;
    if (p - s > 63 || !is_end(p, e))
        return -1;
    char buf[64], *end;
    memcpy(buf, s, (size_t)(p - s)); /* the line need not end in NUL here */
    buf[p - s] = '\0';
    double v = strtod(buf, &end);
    if (end != buf + (p - s))
        return -1;
    x->type = cJSON_Number;
    x->valuedouble = v;
    /* saturated, as cJSON does */
    x->valueint = v >= (double)INT_MAX ? INT_MAX : v <= (double)INT_MIN ? INT_MIN : (int)v;
    *pp = p;
    return 0;
}

static int literal(const char **pp, const char *e, const char *word, size_t n)
{
    if ((size_t)(e - *pp) < n || memcmp(*pp, word, n) != 0 || !is_end(*pp + n, e))
        return -1;
    *pp += n;
    return 0;
}

static void skip_ws(const char **pp, const char *e)
{
    while (*pp < e && is_ws(**pp))
        (*pp)++;
}

cJSON *kt_load_i_json_fast(const char *text, size_t len, size_t max_depth, kt_load_i_alloc_fn alloc)
{
    struct {
        cJSON *c, *last;       /* the container, its last child so far */
        const char *keys[FAST_MEMBERS];
        int nkeys;
    } st[FAST_DEPTH];
    const char *p = text, *e = text + len;
    int depth = 0;
    cJSON *root = NULL;

    if (max_depth > FAST_DEPTH)
        max_depth = FAST_DEPTH;
    skip_ws(&p, e);
    if (p == e || *p != '{' || max_depth < 1 || !(root = node(alloc)))
        return NULL;
    root->type = cJSON_Object;
    st[0].c = root;
    st[0].last = NULL;
    st[0].nkeys = 0;
    depth = 1;
    p++;
    /* at the top of the loop: just after '{', '[' or a value inside the container st[depth-1] */
    for (;;) {
        cJSON *c = st[depth - 1].c;
        int obj = c->type == cJSON_Object;
        skip_ws(&p, e);
        if (p == e)
            return NULL;
        if (*p == (obj ? '}' : ']')) {
            /* the container ends */
            p++;
            if (st[depth - 1].last)
                c->child->prev = st[depth - 1].last;
            if (--depth == 0)
                break;
            continue;
        }
        if (st[depth - 1].last) { /* a value is there: a comma must follow */
            if (*p != ',')
                return NULL;
            p++;
            skip_ws(&p, e);
            if (p == e)
                return NULL;
        }
        cJSON *x = node(alloc);
        if (!x)
            return NULL;
        if (obj) {
            if (*p != '"' || !(x->string = string(&p, e, alloc)))
                return NULL;
            if (st[depth - 1].nkeys == FAST_MEMBERS)
                return NULL;
            for (int i = 0; i < st[depth - 1].nkeys; i++)
                if (kt_load_i_streq(st[depth - 1].keys[i], x->string))
                    return NULL; /* a repeated key: the slow path warns */
            st[depth - 1].keys[st[depth - 1].nkeys++] = x->string;
            skip_ws(&p, e);
            if (p == e || *p != ':')
                return NULL;
            p++;
            skip_ws(&p, e);
            if (p == e)
                return NULL;
        }
        /* link x as the container's next child */
        if (st[depth - 1].last) {
            st[depth - 1].last->next = x;
            x->prev = st[depth - 1].last;
        } else {
            c->child = x;
        }
        st[depth - 1].last = x;
        switch (*p) {
        case '"':
            x->type = cJSON_String;
            if (!(x->valuestring = string(&p, e, alloc)))
                return NULL;
            break;
        case 't':
            x->type = cJSON_True;
            x->valueint = 1;
            if (literal(&p, e, "true", 4) != 0)
                return NULL;
            break;
        case 'f':
            x->type = cJSON_False;
            if (literal(&p, e, "false", 5) != 0)
                return NULL;
            break;
        case 'n':
            x->type = cJSON_NULL;
            if (literal(&p, e, "null", 4) != 0)
                return NULL;
            break;
        case '{':
        case '[':
            if ((size_t)depth >= max_depth)
                return NULL;
            x->type = *p == '{' ? cJSON_Object : cJSON_Array;
            st[depth].c = x;
            st[depth].last = NULL;
            st[depth].nkeys = 0;
            depth++;
            p++;
            continue;
        default:
            if (number(&p, e, x) != 0)
                return NULL;
        }
    }
    skip_ws(&p, e);
    return p == e ? root : NULL;
}
