/* jsonfast.c: the one-pass parser of common JSON Lines records (loaders/jsonfast.c) against
 * cJSON itself, on random lines made to sit on every edge of the subset it takes: escapes,
 * non-ASCII and control bytes, numbers strict JSON rejects but cJSON reads ("01", "1.", "1e"),
 * literals cut short or run on, repeated keys, depth, white space cJSON takes and JSON does not,
 * missing commas and colons, trailing data, lines cut anywhere.
 *
 * Whenever the fast parser gives a tree, cJSON must parse the same line to the same tree (every
 * type, key, string, number and link), with nothing after it but white space and no key twice
 * in any object: then the slow path would have given the same record with no diagnostic.  When
 * it gives NULL the line goes to the slow path, so that is always safe; the counts show the
 * fast path takes what it should.  A seeded generator: the counts below are exact. */
#include <cjson/cJSON.h>

#include "test_util.h"
#include "../../loaders/load_i.h"

#define TEXTGEN_SEED 88172645463325252ull
#include "textgen.h"

/* ---- the text ---- */

static void ws(void)
{
    static const char *w[] = {"", "", "", " ", "  ", "\t", "\r", "\n", "\v", "\f", "\x01"};
    put(w[rnd(sizeof w / sizeof *w)]);
}

static void str(void)
{
    static const char *pieces[] = {"a", "id", "c1", "Acme B.V.", " ", "x y", "NL", "-", "0",
                                   "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u0000", "\\x",
                                   "\xc3\xa9", "\x7f", "\xff", "\x01", "\t", "'", "{", "]", ":"};
    put("\"");
    for (unsigned i = rnd(4); i > 0; i--) {
        unsigned k = rnd(sizeof pieces / sizeof *pieces);
        put(pieces[k < 9 || rnd(3) ? (k < 9 ? k : rnd(9)) : k]); /* mostly plain pieces */
    }
    put("\"");
}

static void number(void)
{
    static const char *n[] = {"0", "-0", "1", "12", "57.84", "-1.25e-3", "1e5", "1E+5", "2e-0",
                              "2147483647", "2147483648", "-2147483649", "1e400", "-1e400",
                              "0.1", "01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "1.2.3",
                              "--1", "1-2", "123456789012345678901234567890123456789012345678901234567890123",
                              "1234567890123456789012345678901234567890123456789012345678901234"};
    put(n[rnd(sizeof n / sizeof *n)]);
}

static void value(int depth);

static void object(int depth)
{
    static const char *keys[] = {"id", "type", "rel", "from", "to", "share", "name", "", "a"};
    put("{");
    unsigned n = rnd(5);
    for (unsigned i = 0; i < n; i++) {
        if (i)
            put(rnd(40) ? "," : "");
        ws();
        if (rnd(6) == 0) {
            str();
        } else {
            put("\"");
            put(keys[rnd(sizeof keys / sizeof *keys)]);
            put("\"");
        }
        ws();
        put(rnd(40) ? ":" : "");
        ws();
        value(depth + 1);
        ws();
    }
    put(rnd(60) ? "}" : "");
}

static void value(int depth)
{
    static const char *lit[] = {"true", "false", "null", "tru", "nul", "nullx", "True", "truefalse"};
    unsigned k = rnd(depth > 18 ? 4 : 7);
    if (k == 0)
        str();
    else if (k == 1)
        number();
    else if (k == 2)
        put(lit[rnd(3) ? rnd(3) : rnd(sizeof lit / sizeof *lit)]);
    else if (k == 3)
        str();
    else if (k == 4 || k == 5)
        object(depth);
    else {
        put("[");
        for (unsigned i = rnd(4); i > 0; i--) {
            ws();
            value(depth + 1);
            ws();
            if (i > 1)
                put(rnd(40) ? "," : "");
        }
        put(rnd(60) ? "]" : "");
    }
}

/* ---- the fast parser's allocations, freed after each line ---- */

static void *allocs[4096];
static size_t nallocs;

static void *track(size_t n)
{
    if (nallocs == sizeof allocs / sizeof *allocs)
        return NULL;
    return allocs[nallocs++] = malloc(n);
}

static void untrack(void)
{
    while (nallocs)
        free(allocs[--nallocs]);
}

/* ---- comparing trees (bounded depth: recursion is fine here) ---- */

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same(const cJSON *a, const cJSON *b)
{
    if (a->type != b->type || !same_str(a->string, b->string) || !same_str(a->valuestring, b->valuestring) ||
        a->valueint != b->valueint || memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) != 0)
        return 0;
    const cJSON *x = a->child, *y = b->child, *px = NULL, *py = NULL;
    for (; x && y; px = x, py = y, x = x->next, y = y->next) {
        if ((px && (x->prev != px || y->prev != py)) || !same(x, y))
            return 0;
    }
    if (x || y)
        return 0;
    /* the first child's prev is the last child, in both */
    return !a->child || (a->child->prev == px && b->child->prev == py);
}

static int dup_keys(const cJSON *o)
{
    for (const cJSON *x = o->child; x; x = x->next) {
        if (cJSON_IsObject(o))
            for (const cJSON *y = x->next; y; y = y->next)
                if (strcmp(x->string, y->string) == 0)
                    return 1;
        if (dup_keys(x))
            return 1;
    }
    return 0;
}

int main(void)
{
    const int lines = 40000;
    int fast = 0, slow_ok = 0, slow_bad = 0, bad = 0, depth_cut = 0;

    for (int i = 0; i < lines; i++) {
        len = 0;
        ws();
        if (rnd(8) == 0)
            value(0);
        else
            object(0);
        ws();
        if (rnd(50) == 0)
            put(rnd(2) ? "x" : "{}");
        if (rnd(30) == 0 && len > 1)
            len = 1 + rnd((unsigned)len); /* cut anywhere */
        buf[len] = '\0';
        size_t max_depth = rnd(10) == 0 ? 2 : 1000;

        cJSON *f = kt_load_i_json_fast(buf, len, max_depth, track);
        const char *end = NULL;
        cJSON *c = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
        int c_ok = c != NULL;
        if (c_ok) { /* as kt_load_i_json_parse: only white space may follow */
            const char *t = end;
            while (t < buf + len && (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n'))
                t++;
            c_ok = t == buf + len;
        }
        if (f) {
            fast++;
            if (!c_ok || !cJSON_IsObject(c) || dup_keys(c) || !same(f, c)) {
                if (bad++ < 5)
                    printf("MISMATCH on line %d: %s\n", i, buf);
            }
        } else if (c_ok) {
            slow_ok++;
            if (max_depth == 2)
                depth_cut++;
        } else {
            slow_bad++;
        }
        cJSON_Delete(c);
        untrack();
    }
    printf("lines %d: fast path %d, slow path %d parsed by cJSON (%d of them at depth limit 2), %d not\n",
           lines, fast, slow_ok, depth_cut, slow_bad);
    printf("mismatches: %d\n", bad);
    /* the plain record must take the fast path */
    const char *plain[] = {"{\"rel\": \"owns\", \"from\": \"c397515\", \"to\": \"c0\", \"share\": 57.84}",
                           "{\"id\": \"s0\", \"type\": \"state\", \"name\": \"State 0\", \"country\": \"NL\"}",
                           "{\"id\":\"x\",\"properties\":{\"name\":[\"A\",\"B\"]},\"n\":[1,-2.5e3,true,false,null,{}]}"};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        cJSON *f = kt_load_i_json_fast(plain[i], strlen(plain[i]), 1000, track);
        printf("plain %zu: %s\n", i, f ? "fast" : "slow");
        untrack();
    }
    return bad != 0;
}
