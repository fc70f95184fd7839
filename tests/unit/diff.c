/* diff.c: keten diff's comparison (analyses/diff.c).
 *
 * Hand-worked case.  OLD: a owns b in two share classes (30% and 20%), a owns c 50%, x controls
 * b; b is "Bee".  NEW: a owns b 30% and 25%, a owns c 50%, d owns c 10%; x no longer controls b;
 * b is "Bee Ltd"; d is new.  Entities: d added, b changed (name).  Relations: the 30% stakes pair
 * off as equal; 20% -> 25% is one changed relation (same key a->b); controls x->b removed; owns
 * d->c added; a->c unchanged.  Watching b: in OLD its one controller is x (the controls
 * relation; a holds 30 + 20 = 50%, not more than half); in NEW a holds 30 + 25 = 55% of the votes
 * and x holds nothing: a comes and x goes as controller, ultimate controller, and ultimate
 * controller by the upper bounds (the shares are exact, so the bounds agree).
 *
 * Brute force: 300 random pairs of graphs on 4 companies, 0-6 owns/controls relations each with
 * shares from {10, 20, unknown}; the counts of added, removed and changed relations must equal a
 * reference that counts per key: matched = size of the multiset intersection of the facts,
 * changed = min(old - matched, new - matched), the rest added or removed. */
#include "../../analyses/kt_diff.h"
#include "test_util.h"

static void counts(const kt_diff *d, size_t ent[3], size_t rel[3])
{
    memset(ent, 0, 3 * sizeof *ent);
    memset(rel, 0, 3 * sizeof *rel);
    for (size_t i = 0; i < d->nents; i++)
        ent[d->ents[i].kind]++;
    for (size_t i = 0; i < d->nrels; i++)
        rel[d->rels[i].kind]++;
}

static const char *OLD = "{\"id\":\"a\",\"type\":\"company\"}\n{\"id\":\"b\",\"type\":\"company\",\"name\":\"Bee\"}\n"
                         "{\"id\":\"c\",\"type\":\"company\"}\n{\"id\":\"x\",\"type\":\"company\"}\n"
                         "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":30}\n"
                         "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":20}\n"
                         "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"c\",\"share\":50}\n"
                         "{\"rel\":\"controls\",\"from\":\"x\",\"to\":\"b\",\"basis\":\"board\"}\n";
static const char *NEW = "{\"id\":\"a\",\"type\":\"company\"}\n{\"id\":\"b\",\"type\":\"company\",\"name\":\"Bee Ltd\"}\n"
                         "{\"id\":\"c\",\"type\":\"company\"}\n{\"id\":\"x\",\"type\":\"company\"}\n"
                         "{\"id\":\"d\",\"type\":\"company\"}\n"
                         "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"c\",\"share\":50}\n"
                         "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":25}\n"
                         "{\"rel\":\"owns\",\"from\":\"d\",\"to\":\"c\",\"share\":10}\n"
                         "{\"rel\":\"owns\",\"from\":\"a\",\"to\":\"b\",\"share\":30}\n";

/* A random small graph as native text into buf. */
static void random_graph(char *buf, size_t len, unsigned *seed)
{
    static const char *share[3] = {",\"share\":10", ",\"share\":20", ""};
    size_t n = (size_t)snprintf(buf, len, "{\"id\":\"p\",\"type\":\"company\"}\n{\"id\":\"q\",\"type\":\"company\"}\n"
                                          "{\"id\":\"r\",\"type\":\"company\"}\n{\"id\":\"s\",\"type\":\"company\"}\n");
    int k = rand_r(seed) % 7;
    for (int i = 0; i < k; i++) {
        const char *ids = "pqrs";
        char f = ids[rand_r(seed) % 3], t = ids[1 + rand_r(seed) % 3];
        if (f == t)
            t = 's';
        int ctl = rand_r(seed) % 4 == 0;
        n += (size_t)snprintf(buf + n, len - n, "{\"rel\":\"%s\",\"from\":\"%c\",\"to\":\"%c\"%s}\n",
                              ctl ? "controls" : "owns", f, t, ctl ? "" : share[rand_r(seed) % 3]);
    }
}

/* The reference counts: per key, the facts as text, matched as multisets. */
static void reference(const kt_graph *a, const kt_graph *b, size_t rel[3])
{
    static char fa[KT_DIFF_FIELDS][KT_DIFF_TEXT];
    const char *names[KT_DIFF_FIELDS];
    char ka[64][160], kb[64][160];
    int used[64] = {0};
    size_t na = (size_t)kt_graph_edge_count(a), nb = (size_t)kt_graph_edge_count(b);
    const kt_graph *gs[2] = {a, b};
    char(*ks[2])[160] = {ka, kb};
    for (int s = 0; s < 2; s++)
        for (igraph_integer_t e = 0; e < kt_graph_edge_count(gs[s]); e++) {
            size_t nf = kt_diff_rel_fields(gs[s], e, names, fa), at;
            at = (size_t)snprintf(ks[s][e], 160, "%s %s %s|", kt_rtype_name(kt_graph_rel_type(gs[s], e)),
                                  kt_graph_entity_id(gs[s], kt_graph_rel_from(gs[s], e)),
                                  kt_graph_entity_id(gs[s], kt_graph_rel_to(gs[s], e)));
            for (size_t i = 0; i < nf && at < 150; i++)
                at += (size_t)snprintf(ks[s][e] + at, 160 - at, "%s;", fa[i]);
        }
    rel[0] = rel[1] = rel[2] = 0;
    /* exact matches first */
    int matched_a[64] = {0};
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!used[j] && strcmp(ka[i], kb[j]) == 0) {
                used[j] = matched_a[i] = 1;
                break;
            }
    /* then, per key, the leftovers pair as changed */
    for (size_t i = 0; i < na; i++) {
        if (matched_a[i])
            continue;
        size_t keylen = (size_t)(strchr(ka[i], '|') - ka[i]);
        int paired = 0;
        for (size_t j = 0; j < nb && !paired; j++)
            if (!used[j] && strncmp(ka[i], kb[j], keylen + 1) == 0) {
                used[j] = 1;
                paired = 1;
            }
        rel[paired ? 2 : 1]++;
    }
    for (size_t j = 0; j < nb; j++)
        rel[0] += !used[j];
}

int main(void)
{
    kt_graph_init_library();
    kt_graph *a = test_load("old.jsonl", OLD, 0), *b = test_load("new.jsonl", NEW, 0);
    kt_diff d;
    size_t ent[3], rel[3];
    if (!a || !b || kt_diff_run(a, b, &d) != KT_OK)
        return 1;
    counts(&d, ent, rel);
    printf("entities: %zu added, %zu removed, %zu changed\n", ent[0], ent[1], ent[2]);
    printf("relations: %zu added, %zu removed, %zu changed\n", rel[0], rel[1], rel[2]);
    for (size_t i = 0; i < d.nrels; i++) {
        const kt_diff_item *x = &d.rels[i];
        const kt_graph *g = x->kind == KT_DIFF_ADDED ? b : a;
        igraph_integer_t e = x->kind == KT_DIFF_ADDED ? x->b : x->a;
        printf("  %s %s %s -> %s", x->kind == KT_DIFF_ADDED ? "+" : x->kind == KT_DIFF_REMOVED ? "-" : "~",
               kt_rtype_name(kt_graph_rel_type(g, e)), kt_graph_entity_id(g, kt_graph_rel_from(g, e)),
               kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
        if (x->kind == KT_DIFF_CHANGED)
            printf(" share %g -> %g", kt_graph_rel_share(a, x->a).min, kt_graph_rel_share(b, x->b).min);
        printf("\n");
    }
    kt_own_opts o;
    kt_watch w;
    kt_errinfo ei;
    kt_own_opts_init(&o);
    if (kt_diff_watch(a, b, "b", &o, &w, &ei) != KT_OK)
        return 1;
    printf("watch b: changed %d\n", w.changed);
    for (int s = 0; s < KT_WATCH_SETS; s++) {
        for (size_t i = 0; i < w.ncame[s]; i++)
            printf("  %s +%s\n", kt_watch_set_name(s), w.came[s][i]);
        for (size_t i = 0; i < w.ngone[s]; i++)
            printf("  %s -%s\n", kt_watch_set_name(s), w.gone[s][i]);
    }
    kt_watch_destroy(&w);
    kt_diff_destroy(&d);
    kt_graph_free(a);
    kt_graph_free(b);

    unsigned seed = 17;
    int bad = 0;
    for (int round = 0; round < 300; round++) {
        char ta[2048], tb[2048];
        size_t ref[3];
        random_graph(ta, sizeof ta, &seed);
        random_graph(tb, sizeof tb, &seed);
        a = test_load("a", ta, 0);
        b = test_load("b", tb, 0);
        if (!a || !b || kt_diff_run(a, b, &d) != KT_OK) {
            /* over 100% in one graph: an error, nothing to compare */
            kt_graph_free(a);
            kt_graph_free(b);
            continue;
        }
        counts(&d, ent, rel);
        reference(a, b, ref);
        if (memcmp(rel, ref, sizeof rel) != 0 && bad++ < 3)
            printf("round %d differs: %zu %zu %zu, reference %zu %zu %zu\n%s--\n%s", round, rel[0], rel[1], rel[2],
                   ref[0], ref[1], ref[2], ta, tb);
        kt_diff_destroy(&d);
        kt_graph_free(a);
        kt_graph_free(b);
    }
    printf("random: %s\n", bad ? "differences" : "300 rounds agree with the reference");
    return 0;
}
