/* json.c: the JSON reader every JSON loader and the tender and policy readers share (see
 * load_i.h): one value per text, nothing after it, CR, LF and CRLF line ends, duplicate keys
 * and bad text found with their line.
 *
 * Strict texts (native, tender, policy): a duplicate key, invalid UTF-8 or a \u0000 escape is an
 * error.  Foreign formats: a duplicate key is a warning and the last value wins (as jq and
 * Python read it); invalid UTF-8 bytes become U+FFFD and \u0000 becomes \uFFFD, with a warning.
 * Trailing data after the value is an error in both.
 * Complexity: O(len) plus O(k log k) for an object of k keys; no recursion (explicit stack). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

long kt_load_i_count_lines(const char *text, const char *end)
{
    long n = 0;
    for (const char *p = text; p < end; p++)
        n += *p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n'));
    return n;
}

/* Maximum nesting of text up to end, outside strings. */
static int max_depth(const char *text, const char *end)
{
    int depth = 0, maxd = 0, in_str = 0;
    for (const char *p = text; p < end; p++) {
        if (in_str) {
            if (*p == '\\' && p + 1 < end)
                p++;
            else if (*p == '"')
                in_str = 0;
        } else if (*p == '"') {
            in_str = 1;
        } else if (*p == '{' || *p == '[') {
            if (++depth > maxd)
                maxd = depth;
        } else if (*p == '}' || *p == ']') {
            depth--;
        }
    }
    return maxd;
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when the bytes there are not one. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    unsigned cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Make room for at least need bytes in b (contents kept); 0, or -1 out of memory. */
static int grow(kt_load_buf *b, size_t need)
{
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s)
        return -1;
    b->s = s;
    b->cap = cap;
    return 0;
}

/* Find invalid UTF-8 and \u0000 escapes.  Strict: an error at the first, return -1.  Else: a
 * warning per line that has any, and *fixed a malloc'd copy with the repairs (NULL when none
 * was needed).  Returns 0, or -1 (error reported, or *oom set). */
static int check_text(kt_load_ctx *c, const char *text, size_t len, long first_line, char **fixed, size_t *flen,
                      int *oom)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    kt_load_buf out = {0};
    size_t o = 0; /* bytes of out used */
    long line = first_line, warned = 0;
    int in_str = 0;

    *fixed = NULL;
    /* the common case, plain ASCII without a \u0000 escape, in one cheap pass */
    unsigned char acc = 0, bs = 0;
    for (size_t i = 0; i < len; i++) {
        acc |= p[i];
        bs |= p[i] == '\\';
    }
    if (acc < 0x80 && (!bs || !memmem(text, len, "\\u0000", 6)))
        return 0;
    for (const unsigned char *q = p; q < end;) {
        size_t n = utf8_len(q, end);
        int nul = in_str && n == 1 && q[0] == '\\' && end - q >= 6 && memcmp(q, "\\u0000", 6) == 0;
        if (n == 1 && q[0] == '\\' && in_str && !nul && q + 1 < end) {
            /* an escape: skip its second byte, so \" and \\ are not misread */
            n = 2;
        } else if (n == 1 && q[0] == '"') {
            in_str = !in_str;
        }
        if (n && !nul) {
            if (out.s) {
                if (grow(&out, o + n + 1) != 0)
                    goto nomem;
                memcpy(out.s + o, q, n);
                o += n;
            }
            for (size_t i = 0; i < n; i++)
                line += q[i] == '\n' || (q[i] == '\r' && (q + i + 1 >= end || q[i + 1] != '\n'));
            q += n;
            continue;
        }
        if (c->strict) {
            kt_diags_add(c->d, KT_SEV_ERROR, nul ? "json_nul" : "json_utf8", c->file, line, NULL,
                         nul ? "\\u0000 in a string" : "invalid UTF-8");
            free(out.s);
            return -1;
        }
        if (!out.s) {
            /* first repair: copy what came before */
            o = (size_t)(q - p);
            if (grow(&out, len + len / 8 + 64) != 0)
                goto nomem;
            memcpy(out.s, p, o);
        }
        if (grow(&out, o + 7) != 0)
            goto nomem;
        if (warned != line) {
            warned = line;
            if (kt_diags_add(c->d, KT_SEV_WARNING, nul ? "json_nul" : "json_utf8", c->file, line, NULL,
                             nul ? "\\u0000 in a string read as U+FFFD" : "invalid UTF-8 read as U+FFFD") != KT_OK)
                goto nomem;
        }
        if (nul) {
            memcpy(out.s + o, "\\uFFFD", 6);
            o += 6;
            q += 6;
        } else {
            memcpy(out.s + o, "\xEF\xBF\xBD", 3);
            o += 3;
            q++;
        }
    }
    if (out.s) {
        out.s[o] = '\0';
        *fixed = out.s;
        *flen = o;
    }
    return 0;
nomem:
    free(out.s);
    *oom = 1;
    return -1;
}

/* ---- duplicate keys ---- */

typedef struct {
    size_t off, len; /* the key's text: in the document, or (decoded) in the scratch buffer */
    int decoded;
    long line;
    size_t order;
} key_t_;

typedef struct {
    const char *text;
    kt_load_buf scratch; /* decoded escaped keys */
    size_t used;
} keyctx;

static const char *key_str(const keyctx *k, const key_t_ *x)
{
    return x->decoded ? k->scratch.s + x->off : k->text + x->off;
}

static int cmp_key(const void *a, const void *b, void *ctx)
{
    const key_t_ *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(key_str(ctx, x), key_str(ctx, y), n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

/* Decode the escaped key at text[s, e) into the scratch buffer; its offset in *off. */
static int decode_key(keyctx *k, size_t s, size_t e, size_t *off, size_t *len)
{
    size_t need = k->used + (e - s) + 8;
    if (need > k->scratch.cap) {
        char *n = realloc(k->scratch.s, need * 2);
        if (!n)
            return -1;
        k->scratch.s = n;
        k->scratch.cap = need * 2;
    }
    char *o = k->scratch.s + k->used;
    size_t j = 0;
    for (size_t i = s; i < e; i++) {
        char ch = k->text[i];
        if (ch != '\\' || i + 1 >= e) {
            o[j++] = ch;
            continue;
        }
        ch = k->text[++i];
        if (ch == 'u' && i + 4 < e) {
            unsigned cp = (unsigned)strtoul((char[5]){k->text[i + 1], k->text[i + 2], k->text[i + 3], k->text[i + 4], 0},
                                            NULL, 16);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < e && k->text[i + 1] == '\\' && k->text[i + 2] == 'u') {
                unsigned lo = (unsigned)strtoul(
                    (char[5]){k->text[i + 3], k->text[i + 4], k->text[i + 5], k->text[i + 6], 0}, NULL, 16);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp < 0x80) {
                o[j++] = (char)cp;
            } else if (cp < 0x800) {
                o[j++] = (char)(0xC0 | (cp >> 6));
                o[j++] = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                o[j++] = (char)(0xE0 | (cp >> 12));
                o[j++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                o[j++] = (char)(0x80 | (cp & 0x3F));
            } else {
                o[j++] = (char)(0xF0 | (cp >> 18));
                o[j++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                o[j++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                o[j++] = (char)(0x80 | (cp & 0x3F));
            }
        } else {
            static const char from[] = "bfnrt", to[] = "\b\f\n\r\t";
            const char *f = strchr(from, ch);
            o[j++] = f && ch ? to[f - from] : ch;
        }
    }
    *off = k->used;
    *len = j;
    k->used += j;
    return 0;
}

/* Report the duplicates among keys[0..n) (one object's); returns how many, -1 out of memory. */
static long report_dups(kt_load_ctx *c, keyctx *k, key_t_ *keys, size_t n)
{
    long found = 0;
    if (n < 2)
        return 0;
    qsort_r(keys, n, sizeof *keys, cmp_key, k);
    for (size_t i = 1; i < n; i++) {
        const key_t_ *a = &keys[i - 1], *b = &keys[i];
        if (a->len != b->len || memcmp(key_str(k, a), key_str(k, b), a->len) != 0)
            continue;
        found++;
        if (kt_diags_add(c->d, c->strict ? KT_SEV_ERROR : KT_SEV_WARNING, "json_duplicate_key", c->file, b->line,
                         NULL, c->strict ? "duplicate key \"%.*s\"" : "duplicate key \"%.*s\": the last value is used",
                         (int)(b->len > 60 ? 60 : b->len), key_str(k, b)) != KT_OK)
            return -1;
    }
    return found;
}

/* Scan text[0, len) (a well-formed JSON value) for duplicate keys; returns how many (0 none),
 * -1 out of memory. */
static long scan_dups(kt_load_ctx *c, const char *text, size_t len, long first_line)
{
    keyctx k = {text, {0}, 0};
    key_t_ *keys = NULL;            /* keys of the open objects, innermost last */
    size_t nkeys = 0, capkeys = 0;
    size_t *frames = NULL;          /* start in keys[] of each open container; SIZE_MAX for arrays */
    size_t nframes = 0, capframes = 0;
    long line = first_line, found = 0;
    int expect_key = 0;

    for (size_t i = 0; i < len && found >= 0; i++) {
        char ch = text[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
            line++;
            continue;
        }
        if (ch == '{' || ch == '[') {
            if (nframes == capframes) {
                size_t nc = capframes ? capframes * 2 : 32;
                size_t *f = realloc(frames, nc * sizeof *f);
                if (!f)
                    goto nomem;
                frames = f;
                capframes = nc;
            }
            frames[nframes++] = ch == '{' ? nkeys : SIZE_MAX;
            expect_key = ch == '{';
        } else if (ch == '}' || ch == ']') {
            if (nframes && frames[nframes - 1] != SIZE_MAX) {
                long r = report_dups(c, &k, keys + frames[nframes - 1], nkeys - frames[nframes - 1]);
                if (r < 0)
                    goto nomem;
                found += r;
                nkeys = frames[nframes - 1];
                k.used = nkeys ? k.used : 0;
            }
            if (nframes)
                nframes--;
            expect_key = 0;
        } else if (ch == ',') {
            expect_key = nframes && frames[nframes - 1] != SIZE_MAX;
        } else if (ch == '"') {
            size_t s = ++i;
            int esc = 0;
            for (; i < len && text[i] != '"'; i++)
                if (text[i] == '\\') {
                    esc = 1;
                    i++;
                }
            if (!expect_key)
                continue;
            expect_key = 0;
            if (nkeys == capkeys) {
                size_t nc = capkeys ? capkeys * 2 : 64;
                key_t_ *kk = realloc(keys, nc * sizeof *kk);
                if (!kk)
                    goto nomem;
                keys = kk;
                capkeys = nc;
            }
            key_t_ *x = &keys[nkeys];
            x->off = s;
            x->len = i - s;
            x->decoded = esc;
            x->line = line;
            x->order = nkeys - frames[nframes - 1];
            if (esc && decode_key(&k, s, i, &x->off, &x->len) != 0)
                goto nomem;
            nkeys++;
        }
    }
    goto out;
nomem:
    found = -1;
out:
    free(keys);
    free(frames);
    free(k.scratch.s);
    return found;
}

typedef struct {
    cJSON *it;
    size_t pos;
} member;

/* Members by name, then by position in their object. */
static int cmp_member(const void *a, const void *b)
{
    const member *x = a, *y = b;
    int c = strcmp(x->it->string ? x->it->string : "", y->it->string ? y->it->string : "");
    return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

/* The nk members of object o in (*kids)[0, nk), sorted by name then position; *kids grows
 * (capacity *cap).  0, or -1 out of memory. */
static int sorted_members(const cJSON *o, size_t nk, member **kids, size_t *cap)
{
    if (nk > *cap) {
        member *k2 = realloc(*kids, nk * sizeof *k2);
        if (!k2)
            return -1;
        *kids = k2;
        *cap = nk;
    }
    size_t m = 0;
    for (cJSON *ch = o->child; ch; ch = ch->next, m++)
        (*kids)[m] = (member){ch, m};
    qsort(*kids, m, sizeof **kids, cmp_member);
    return 0;
}

/* Remove every member of every object that a later member of the same name overrides: the
 * last value wins.  Iterative.  Returns 0, -1 out of memory. */
static int last_wins(cJSON *root)
{
    cJSON **stack = NULL;
    member *kids = NULL;
    size_t n = 0, cap = 0, capk = 0;
    int rc = 0;
    if (!root)
        return 0;
    if (!(stack = malloc(16 * sizeof *stack)))
        return -1;
    cap = 16;
    stack[n++] = root;
    while (n) {
        cJSON *o = stack[--n];
        size_t nk = 0;
        for (cJSON *ch = o->child; ch; ch = ch->next)
            nk++;
        if (cJSON_IsObject(o) && nk >= 2) {
            /* first the overridden members go (so none of them is on the stack), then the
             * survivors' children are visited: sorted by name, then position, in each run of
             * one name all but the last go */
            size_t m = nk;
            if (sorted_members(o, nk, &kids, &capk) != 0) {
                rc = -1;
                goto out;
            }
            for (size_t i = 0; i + 1 < m; i++)
                if (kids[i].it->string && kids[i + 1].it->string &&
                    strcmp(kids[i].it->string, kids[i + 1].it->string) == 0)
                    cJSON_Delete(cJSON_DetachItemViaPointer(o, kids[i].it));
        }
        for (cJSON *ch = o->child; ch; ch = ch->next) {
            if (!(cJSON_IsObject(ch) || cJSON_IsArray(ch)))
                continue;
            if (n == cap) {
                cJSON **s2 = realloc(stack, cap * 2 * sizeof *s2);
                if (!s2) {
                    rc = -1;
                    goto out;
                }
                stack = s2;
                cap *= 2;
            }
            stack[n++] = ch;
        }
    }
out:
    free(stack);
    free(kids);
    return rc;
}

/* Does any object in the tree have two members of one name?  Iterative; small objects are
 * compared pairwise, larger ones sorted.  Returns 1, 0, or -1 out of memory. */
static int has_dups(const cJSON *root)
{
    const cJSON *small[64], **stack = small;
    size_t n = 0, cap = 64;
    member *kids = NULL;
    size_t capk = 0;
    int found = 0;
    stack[n++] = root;
    while (n && !found) {
        const cJSON *o = stack[--n];
        size_t nk = 0;
        for (const cJSON *ch = o->child; ch; ch = ch->next, nk++) {
            if (!(cJSON_IsObject(ch) || cJSON_IsArray(ch)) || !ch->child)
                continue;
            if (n == cap) {
                const cJSON **s2 = malloc(cap * 2 * sizeof *s2);
                if (!s2) {
                    found = -1;
                    goto out;
                }
                memcpy(s2, stack, n * sizeof *s2);
                if (stack != small)
                    free(stack);
                stack = s2;
                cap *= 2;
            }
            stack[n++] = ch;
        }
        if (!cJSON_IsObject(o) || nk < 2)
            continue;
        if (nk <= 16) {
            for (const cJSON *a = o->child; a && !found; a = a->next)
                for (const cJSON *b = a->next; b && !found; b = b->next)
                    found = a->string && b->string && a->string[0] == b->string[0] &&
                            strcmp(a->string, b->string) == 0; /* first letters: most pairs differ there */
            continue;
        }
        size_t m = nk;
        if (sorted_members(o, nk, &kids, &capk) != 0) {
            found = -1;
            goto out;
        }
        for (size_t i = 0; i + 1 < m && !found; i++)
            found = strcmp(kids[i].it->string ? kids[i].it->string : "", kids[i + 1].it->string ? kids[i + 1].it->string : "") == 0;
    }
out:
    if (stack != small)
        free(stack);
    free(kids);
    return found;
}

/* cJSON returns NULL both for malformed text and when an allocation fails.  Its allocations go
 * through kt_load_i_json_malloc (or native.c's arena), which note a failure here, so that running
 * out of memory is reported as such, not as a diagnostic about good input. */
static _Thread_local int json_alloc_failed; /* per thread: lines.c parses on several */

void *kt_load_i_json_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        json_alloc_failed = 1;
    return p;
}

void kt_load_i_json_note_oom(void)
{
    json_alloc_failed = 1;
}

void kt_load_i_json_hooks(void)
{
    cJSON_Hooks h = {kt_load_i_json_malloc, free};
    cJSON_InitHooks(&h);
}

cJSON *kt_load_i_json_parse(kt_load_ctx *c, const char *text, size_t len, long first_line)
{
    const char *end = NULL;
    char *fixed = NULL;
    size_t flen = 0;
    int oom = 0;
    cJSON *j = NULL;

    const kt_load_limits *lim = kt_load_get_limits();
    if (len > lim->string) {
        /* only a text longer than the limit can hold a string longer than it: no cost otherwise */
        const char *p = text, *e = text + len, *open = NULL;
        for (; p < e; p++) {
            if (open && *p == '\\' && p + 1 < e)
                p++;
            else if (*p == '"' && open && (unsigned long long)(p - open) > lim->string + 1)
                break;
            else if (*p == '"')
                open = open ? NULL : p;
        }
        if (p < e || (open && (unsigned long long)(e - open) > lim->string + 1)) {
            if (p >= e)
                p = e;
            kt_diags_add(c->d, KT_SEV_ERROR, "json_string_too_long", c->file,
                         first_line + kt_load_i_count_lines(text, open ? open : p), NULL,
                         "a string longer than %llu bytes; keten --limit string=N raises the limit", lim->string);
            return NULL;
        }
    }
    if (lim->depth < CJSON_NESTING_LIMIT && max_depth(text, text + len) > (int)lim->depth) {
        kt_diags_add(c->d, KT_SEV_ERROR, "json_too_deep", c->file, first_line, NULL,
                     "nesting deeper than %llu levels; keten --limit depth=N (up to 1000) raises the limit",
                     lim->depth);
        return NULL;
    }
    if (check_text(c, text, len, first_line, &fixed, &flen, &oom) != 0) {
        c->oom |= oom;
        return NULL;
    }
    if (fixed) {
        text = fixed;
        len = flen;
    }
    json_alloc_failed = 0;
    j = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!j && json_alloc_failed) {
        c->oom = 1;
        goto out;
    }
    if (!j) {
        if (!end || end < text || end > text + len)
            end = text + len;
        long line = first_line + kt_load_i_count_lines(text, end);
        if (max_depth(text, end + (end < text + len)) >= CJSON_NESTING_LIMIT)
            kt_diags_add(c->d, KT_SEV_ERROR, "json_too_deep", c->file, line, NULL, "nesting deeper than %d levels",
                         CJSON_NESTING_LIMIT);
        else if (end >= text + len)
            kt_diags_add(c->d, KT_SEV_ERROR, "json_malformed", c->file, line, NULL,
                         "malformed JSON: unexpected end of input");
        else
            kt_diags_add(c->d, KT_SEV_ERROR, "json_malformed", c->file, line, NULL, "malformed JSON near '%.*s'",
                         /* at most 12 bytes, and never past the text (which need not end in NUL) */
                         (int)(text + len - end < 12 ? text + len - end : 12), end);
        goto out;
    }
    /* one value only: anything but white space after it is a second value */
    const char *t = end;
    while (t < text + len && (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n'))
        t++;
    if (t < text + len) {
        kt_diags_add(c->d, KT_SEV_ERROR, "json_trailing_data", c->file, first_line + kt_load_i_count_lines(text, t),
                     NULL, "trailing data");
        cJSON_Delete(j);
        j = NULL;
        goto out;
    }
    /* duplicate keys: looked for in the tree (cheap); only then is the text scanned for lines */
    int any = has_dups(j);
    long dups = any < 0 ? -1 : any ? scan_dups(c, text, (size_t)(end - text), first_line) : 0;
    if (dups < 0 || (dups > 0 && !c->strict && last_wins(j) != 0)) {
        c->oom = 1;
        cJSON_Delete(j);
        j = NULL;
    } else if (dups > 0 && c->strict) {
        cJSON_Delete(j);
        j = NULL;
    }
out:
    free(fixed);
    return j;
}

kt_err kt_load_i_json_parse_doc(const char *path, const char *what, const char *text, size_t len, cJSON **out,
                                kt_errinfo *ei)
{
    kt_diags *d = kt_diags_new();
    kt_load_ctx c = {NULL, d, 0, path, 1, 0};
    kt_err rc = KT_OK;

    *out = NULL;
    if (!d)
        return kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
    kt_load_i_json_hooks();
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    *out = kt_load_i_json_parse(&c, text, len, 1);
    if (!*out) {
        const kt_diag *x = kt_diags_count(d) ? kt_diags_get(d, 0) : NULL;
        if (c.oom || !x)
            rc = kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
        else if (strcmp(x->code, "json_malformed") == 0 || strcmp(x->code, "json_too_deep") == 0)
            rc = kt_errinfo_set(ei, KT_EPARSE, path, x->line, "malformed JSON in %s file", what);
        else
            rc = kt_errinfo_set(ei, KT_EPARSE, path, x->line, "%s", x->msg);
    }
    kt_diags_free(d);
    return rc;
}

/* ---- records and documents ---- */

int kt_load_i_json_elem_lines(const char *text, size_t len, const char *key, long **lines, size_t *n)
{
    /* Track depth and strings; remember the last string seen directly in the root object and
     * whether a ':' followed it (then it was a key).  Inside the wanted array, the first
     * non-blank byte after '[' or ',' starts an element. */
    size_t cap = 0, klen = key ? strlen(key) : 0;
    long line = 1;
    int depth = 0, in_str = 0, target = -1, need = 0, key_match = 0, last_str_match = 0;
    const char *str_start = NULL;

    *lines = NULL;
    *n = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= len || text[i + 1] != '\n')))
            line++;
        if (in_str) {
            if (ch == '\\')
                i++;
            else if (ch == '"') {
                in_str = 0;
                if (depth == 1 && key)
                    last_str_match = (size_t)(text + i - str_start) == klen && memcmp(str_start, key, klen) == 0;
            }
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        if (target >= 0 && depth == target && need && ch != ']') {
            if (*n == cap) {
                cap = cap ? cap * 2 : 256;
                long *l = realloc(*lines, cap * sizeof *l);
                if (!l) {
                    free(*lines);
                    *lines = NULL;
                    return -1;
                }
                *lines = l;
            }
            (*lines)[(*n)++] = line;
            need = 0;
        }
        switch (ch) {
        case '"':
            in_str = 1;
            str_start = text + i + 1;
            break;
        case ':':
            if (depth == 1)
                key_match = last_str_match;
            break;
        case '[':
        case '{':
            depth++;
            if (ch == '[' && target < 0 && ((!key && depth == 1) || (key && depth == 2 && key_match))) {
                target = depth;
                need = 1;
            }
            break;
        case ']':
        case '}':
            if (depth == target)
                return 0;
            depth--;
            break;
        case ',':
            if (depth == target)
                need = 1;
            else if (depth == 1)
                key_match = last_str_match = 0;
            break;
        default:
            break;
        }
    }
    return 0;
}

const char *kt_load_i_str(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad)
{
    return kt_load_i_v_str(c, cJSON_GetObjectItemCaseSensitive(obj, key), key, line, record, bad);
}

int kt_load_i_bool(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad,
                   int *value)
{
    return kt_load_i_v_bool(c, cJSON_GetObjectItemCaseSensitive(obj, key), key, line, record, bad, value);
}

kt_ival kt_load_i_share(kt_load_ctx *c, const cJSON *obj, const char *key, long line, const char *record, int *bad)
{
    return kt_load_i_v_share(c, cJSON_GetObjectItemCaseSensitive(obj, key), key, line, record, bad);
}

int kt_load_i_json_line(kt_load_ctx *c, kt_src *s, cJSON **o)
{
    char *line;
    size_t len;
    int r;
    *o = NULL;
    while ((r = kt_load_i_src_line(s, &line, &len)) == 1) {
        const char *q = line;
        while (*q == ' ' || *q == '\t')
            q++;
        if (!*q)
            continue;
        *o = kt_load_i_json_parse(c, line, len, s->lineno);
        return 1;
    }
    return r;
}

long kt_load_i_line_of(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    long line = 1;
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(text + i, needle, n) == 0)
            return line;
        line += text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'));
    }
    return 1;
}

kt_err kt_load_i_read_doc(const char *path, const char *what, kt_load_i_doc_fn parse, void *out, kt_errinfo *ei)
{
    kt_src s;
    const char *text;
    size_t len;
    kt_err rc;
    FILE *in = fopen(path, "rb");

    if (!in)
        return kt_errinfo_set(ei, KT_ENOTFOUND, path, 0, "cannot open %s file: %s", what, strerror(errno));
    kt_load_i_src_file(&s, in);
    if (kt_load_i_src_all(&s, &text, &len) != 0)
        rc = s.limit ? kt_load_i_limit_error(&s, path, ei) : kt_errinfo_set(ei, KT_ENOMEM, path, 0, "out of memory");
    else if (s.io_error)
        rc = kt_errinfo_set(ei, KT_EIO, path, 0, "read error");
    else
        rc = parse(path, text, len, out, ei);
    kt_load_i_src_destroy(&s);
    fclose(in);
    return rc;
}

/* ---- JSON records: a top-level array, one object, or JSON Lines ---- */

/* Whether the first line of p[0..n) holds a whole JSON value (JSON Lines), rather than the
 * start of a value spread over several lines.  Complexity: O(length of the first line). */
static int first_line_is_value(const char *p, size_t n)
{
    const char *nl = memchr(p, '\n', n), *cr = memchr(p, '\r', n);
    if (cr && (!nl || cr < nl))
        nl = cr;
    size_t len = nl ? (size_t)(nl - p) : n;
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(p, len, &end, 0);
    int ok = o != NULL;
    cJSON_Delete(o);
    return ok || (!nl && n >= (1u << 16)); /* a first line longer than the peek: JSON Lines */
}

/* Lines whose trees go to fn in file order (kt_load_i_json_records_each). */
typedef struct {
    kt_load_rec_fn fn;
    void *ud;
} each_t;

static int keep_tree(kt_load_ctx *c, const cJSON *o, long line, void *rec)
{
    (void)c;
    (void)line;
    *(const cJSON **)rec = o;
    return 1;
}

static kt_err give_tree(kt_load_ctx *c, const void *rec, long line, void *ud)
{
    const each_t *e = ud;
    return e->fn(c, *(cJSON *const *)rec, line, e->ud);
}

static kt_err json_records(kt_load_ctx *c, kt_src *s, const char *key, kt_load_rec_fn fn, void *ud, int each);

kt_err kt_load_i_json_records(kt_load_ctx *c, kt_src *s, const char *key, kt_load_rec_fn fn, void *ud)
{
    return json_records(c, s, key, fn, ud, 0);
}

kt_err kt_load_i_json_records_each(kt_load_ctx *c, kt_src *s, const char *key, kt_load_rec_fn fn, void *ud)
{
    return json_records(c, s, key, fn, ud, 1);
}

static kt_err json_records(kt_load_ctx *c, kt_src *s, const char *key, kt_load_rec_fn fn, void *ud, int each)
{
    const char *p;
    size_t n = kt_load_i_src_peek(s, 1u << 16, &p), i = 0;
    kt_err rc = KT_OK;

    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        s->pos += 3;
        n = kt_load_i_src_peek(s, 1u << 16, &p);
    }
    while (i < n && isspace((unsigned char)p[i]))
        i++;
    if (i == n)
        return kt_diags_add(c->d, KT_SEV_WARNING, "file_empty", c->file, 0, NULL, "file is empty");
    if (p[i] == '{' && !key && !first_line_is_value(p + i, n - i)) {
        /* one pretty-printed object, not JSON Lines: the whole document is one record */
        const char *text;
        size_t len;
        cJSON *doc;
        if (kt_load_i_src_all(s, &text, &len) != 0)
            return KT_ENOMEM;
        if (!(doc = kt_load_i_json_parse(c, text, len, 1)))
            return KT_OK;
        return fn(c, doc, 1, ud);
    }
    if (p[i] == '[' || (key && p[i] == '{')) {
        const char *text;
        size_t len, nlines = 0, k = 0;
        long *lines = NULL;
        cJSON *doc, *arr;
        if (kt_load_i_src_all(s, &text, &len) != 0)
            return KT_ENOMEM;
        if (!(doc = kt_load_i_json_parse(c, text, len, 1)))
            return KT_OK;
        arr = p[i] == '[' ? doc : cJSON_GetObjectItemCaseSensitive(doc, key);
        if (!cJSON_IsArray(arr)) {
            rc = kt_diags_add(c->d, KT_SEV_ERROR, "record_type", c->file, 1, NULL,
                              p[i] == '[' ? "document must be a JSON array" : "\"%s\" must be an array", key);
            goto out_doc;
        }
        if (kt_load_i_json_elem_lines(text, len, arr == doc ? NULL : key, &lines, &nlines) != 0) {
            rc = KT_ENOMEM;
            goto out_doc;
        }
        while (arr->child && rc == KT_OK) {
            cJSON *o = cJSON_DetachItemViaPointer(arr, arr->child);
            rc = fn(c, o, k < nlines ? lines[k] : 1, ud);
            k++;
        }
        free(lines);
    out_doc:
        cJSON_Delete(doc);
        return rc;
    }
    if (each) {
        static const kt_load_lines_ops ops = {sizeof(cJSON *), keep_tree, give_tree, NULL, NULL, NULL};
        each_t e = {fn, ud};
        return kt_load_i_lines(c, s, &ops, &e);
    }
    cJSON *o;
    int r;
    while ((r = kt_load_i_json_line(c, s, &o)) == 1)
        if (o && (rc = fn(c, o, s->lineno, ud)) != KT_OK)
            return rc;
    return r < 0 ? KT_ENOMEM : KT_OK;
}

cJSON *kt_load_i_json_doc(kt_load_ctx *c, kt_src *s, const char **text, size_t *len)
{
    if (kt_load_i_src_all(s, text, len) != 0)
        return NULL;
    if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {
        *text += 3;
        *len -= 3;
    }
    return kt_load_i_json_parse(c, *text, *len, 1);
}

