/* dupes.c: entities that are probably the same but were not merged (see kt_graph.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "graph_i.h"

/* Legal-form words that say nothing about which company it is: ltd, limited, llc, inc,
 * incorporated, corp, corporation, co, company, plc, gmbh, ag, sa, sas, bv, nv, oy, ab, spa, srl,
 * as, kg, pte, pty, jsc, ooo, oao, pao, zao, llp, lp, the.  By length, so a word costs one or
 * two compares instead of 32 (this ran for every word of millions of names). */
static int is_form(const char *w, size_t n)
{
    static const char *const by_len[13] = {
        NULL, NULL, "coagsabvnvoyabaskglp", "ltdllcincplcsasspasrlpteptyjscooooaopaozaollpthe", "corpgmbh",
        NULL, NULL, "limitedcompany", NULL, NULL, NULL, "corporation", "incorporated"};
    const char *c = n < 13 ? by_len[n] : NULL;
    if (!c)
        return 0;
    for (; *c; c += n)
        if (memcmp(c, w, n) == 0)
            return 1;
    return 0;
}

typedef struct { /* 24 bytes: one per named entity */
    size_t key;          /* normalised name: its offset in the key text */
    uint64_t pre;        /* its first 8 bytes, big-endian: most comparisons end here */
    uint32_t v;          /* the vertex */
    int cls;             /* 0 organisation, 1 person, 2 item */
} cand;

/* Normalised names, one after another, each NUL-terminated: one block, not a malloc each. */
typedef struct {
    char *s;
    size_t len, cap;
} keytext;

/* Append s lower-cased to words of letters and digits (other bytes of UTF-8 kept), legal forms
 * dropped, joined by one space, to k: "ACME Holding B.V." -> "acme holding".  Returns its
 * offset, or SIZE_MAX out of memory. */
static size_t normalise(const char *s, keytext *k)
{
    size_t n = strlen(s), o = 0;
    if (k->len + n + 2 > k->cap) {
        size_t cap = k->cap ? k->cap * 2 : (1u << 16);
        while (cap < k->len + n + 2)
            cap *= 2;
        char *b = realloc(k->s, cap);
        if (!b)
            return SIZE_MAX;
        k->s = b;
        k->cap = cap;
    }
    char small[256];
    char *out = k->s + k->len, *word = n < sizeof small ? small : malloc(n + 1);
    if (!word)
        return SIZE_MAX;
    for (size_t i = 0; i <= n;) {
        size_t w = 0;
        while (i < n && !(isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        while (i < n && (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == '.')) {
            if (s[i] != '.') /* "B.V." is "bv" */
                word[w++] = (char)tolower((unsigned char)s[i]);
            i++;
        }
        if (i >= n && w == 0)
            break;
        if (w && !is_form(word, w)) {
            if (o)
                out[o++] = ' ';
            memcpy(out + o, word, w);
            o += w;
        }
    }
    out[o] = '\0';
    if (word != small)
        free(word);
    size_t off = k->len;
    k->len += o + 1;
    return off;
}

static int cmp_cand(const void *a, const void *b, void *ctx)
{
    const cand *x = a, *y = b;
    const char *text = ctx;
    int c = x->pre != y->pre ? (x->pre < y->pre ? -1 : 1) : strcmp(text + x->key, text + y->key);
    if (c)
        return c;
    if (x->cls != y->cls)
        return x->cls - y->cls;
    return x->v < y->v ? -1 : x->v > y->v;
}

static int share_ident(const kt_graph *g, igraph_integer_t a, igraph_integer_t b)
{
    for (size_t i = 0; i < kt_graph_entity_ident_count(g, a); i++) {
        const char *s1, *v1;
        kt_graph_entity_ident(g, a, i, &s1, &v1);
        for (size_t j = 0; j < kt_graph_entity_ident_count(g, b); j++) {
            const char *s2, *v2;
            kt_graph_entity_ident(g, b, j, &s2, &v2);
            if (strcmp(s1, s2) == 0 && strcmp(v1, v2) == 0)
                return 1;
        }
    }
    return 0;
}

kt_err kt_graph_find_duplicates(const kt_graph *g, kt_diags *d)
{
    igraph_integer_t nv = kt_graph_vertex_count(g);
    cand *c = malloc((size_t)(nv ? nv : 1) * sizeof *c);
    keytext kt = {NULL, 0, 0};
    size_t n = 0;
    kt_err rc = KT_OK;
    char where[320];

    if (!c)
        return KT_ENOMEM;
    for (igraph_integer_t v = 0; v < nv; v++) {
        kt_etype t = kt_graph_entity_type(g, v);
        const char *name = kt_graph_entity_name(g, v);
        if (t == KT_ENT_UNKNOWN || !name[0])
            continue;
        if ((c[n].key = normalise(name, &kt)) == SIZE_MAX) {
            rc = KT_ENOMEM;
            goto out;
        }
        const char *key = kt.s + c[n].key;
        if (!key[0]) {
            kt.len = c[n].key; /* nothing kept */
            continue;
        }
        c[n].pre = 0;
        for (size_t k = 0; k < 8 && key[k]; k++)
            c[n].pre |= (uint64_t)(unsigned char)key[k] << (56 - 8 * k);
        c[n].cls = t == KT_ENT_PERSON ? 1 : kt_etype_is_item(t) ? 2 : 0;
        c[n].v = (uint32_t)v;
        n++;
    }
    qsort_r(c, n, sizeof *c, cmp_cand, kt.s);
    for (size_t i = 0, first = 0; i < n && rc == KT_OK; i++) {
        if (i == 0 || strcmp(kt.s + c[i].key, kt.s + c[first].key) != 0 || c[i].cls != c[first].cls) {
            first = i;
            continue;
        }
        igraph_integer_t a = c[first].v, b = c[i].v;
        if (share_ident(g, a, b))
            continue;
        const kt_graph_i_ent *x = &g->ents[g->vert_slot ? g->vert_slot[b] : (uint32_t)b];
        kt_graph_entity_where(g, a, where, sizeof where);
        rc = kt_diags_add(d, KT_SEV_WARNING, "likely_duplicate", x->file, x->line,
                          x->line ? NULL : kt_graph_entity_id(g, b),
                          "entity \"%s\" may be the same as \"%s\" at %s (same name \"%s\"); not merged",
                          kt_graph_entity_id(g, b), kt_graph_entity_id(g, a), where, kt.s + c[i].key);
    }
out:
    free(kt.s);
    free(c);
    return rc;
}
