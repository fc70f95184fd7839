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
    char *key;           /* normalised name */
    uint64_t pre;        /* its first 8 bytes, big-endian: most comparisons end here */
    uint32_t v;          /* the vertex */
    int cls;             /* 0 organisation, 1 person, 2 item */
} cand;

/* Lower-case words of letters and digits (other bytes of UTF-8 kept), legal forms dropped,
 * joined by one space: "ACME Holding B.V." -> "acme holding". */
static char *normalise(const char *s)
{
    size_t n = strlen(s), o = 0;
    char small[256];
    char *out = malloc(n + 2), *word = n < sizeof small ? small : malloc(n + 1);
    if (!out || !word) {
        free(out);
        if (word != small)
            free(word);
        return NULL;
    }
    out[0] = '\0';
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
    return out;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    int c = x->pre != y->pre ? (x->pre < y->pre ? -1 : 1) : strcmp(x->key, y->key);
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
        if (!(c[n].key = normalise(name))) {
            rc = KT_ENOMEM;
            goto out;
        }
        if (!c[n].key[0]) {
            free(c[n].key);
            continue;
        }
        c[n].pre = 0;
        for (size_t k = 0; k < 8 && c[n].key[k]; k++)
            c[n].pre |= (uint64_t)(unsigned char)c[n].key[k] << (56 - 8 * k);
        c[n].cls = t == KT_ENT_PERSON ? 1 : kt_etype_is_item(t) ? 2 : 0;
        c[n].v = (uint32_t)v;
        n++;
    }
    qsort(c, n, sizeof *c, cmp_cand);
    for (size_t i = 0, first = 0; i < n && rc == KT_OK; i++) {
        if (i == 0 || strcmp(c[i].key, c[first].key) != 0 || c[i].cls != c[first].cls) {
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
                          kt_graph_entity_id(g, b), kt_graph_entity_id(g, a), where, c[i].key);
    }
out:
    for (size_t i = 0; i < n; i++)
        free(c[i].key);
    free(c);
    return rc;
}
