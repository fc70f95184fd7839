/* screen_threads.c: screening on several threads gives what the one-thread, one-bidder-at-a-time
 * screening gives, to the bit; and the searches, the cycles and the index behind them match
 * plain references written from their definitions (kt_screen.h), not from screen.c.
 *
 * Random graphs (fixed seed): 12 graphs of 260 entities (companies in CN, RU, HK, NL, DE, US
 * or of no known country, some state-owned, some declared complete; persons; states; products
 * and components; consortia) and about 1,100 relations of every type (owns with exact, decimal,
 * ranged and unknown shares, some with votes above control; controls; supplies; subcontracts;
 * contains; made_by; member_of; offers): small enough to check by brute force, dense enough
 * that breadth-first searches meet ties everywhere.  Bidders: every company as a sole member,
 * every consortium, and mixed bidders (lead, member, subcontractors with and without shares
 * or access, offers).
 *
 * 1. Reference: kt_screen_new, then kt_screen_bidder on each bidder in order (the memo of
 *    interests filled as it goes).  Compared with kt_screen_new_opts + kt_screen_bidders on
 *    1, 2, 3, 4 and 7 threads: every field of every result, doubles bit for bit.
 * 2. Searches: for every search, a plain breadth-first search from kt_screen_source over the
 *    steps kt_screen_step gives, sources in vertex order and steps in relation order, a
 *    vertex at max_depth not expanded: dist and next equal at every vertex.
 * 3. Cycles: a vertex is on a cycle when some other vertex reaches it and is reached from it
 *    over capital owns relations (not declared summaries; breadth-first from every vertex):
 *    equal to the screening's flags at every vertex.
 * 4. Where the data stops, read from the index: kt_dep_unknown at every vertex.
 * The counts printed make a run that compares nothing fail. */
#include <math.h>

#include "../../analyses/screen_i.h"
#include "test_util.h"

static const char policy[] =
    "{\"keten_policy\": \"1\", \"C1\": [\"CN\", \"HK\", \"RU\"], \"C2\": [\"CN\"], \"gpa\": [\"NL\", \"DE\", \"US\"],"
    " \"eu\": [\"NL\", \"DE\"], \"agreements\": [\"MX\"],"
    " \"prohibitions\": [{\"id\": \"p\", \"legal_basis\": \"test\", \"countries\": [\"RU\"], \"owned_above\": 50, "
    "\"covered_share_above\": 10}],"
    " \"thresholds\": {\"owner_share\": 10, \"control\": 50, \"max_depth\": 6}}";

static unsigned long seed = 4242;
static unsigned rnd(unsigned n)
{
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)((seed >> 33) % n);
}

enum { N = 260, R = 1100, NB = 220 };
static char kind[N]; /* c company, p person, s state, i item, k consortium */

static void add(char **text, size_t *len, size_t *cap, const char *line)
{
    size_t n = strlen(line);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *text = realloc(*text, *cap);
    }
    memcpy(*text + *len, line, n + 1);
    *len += n;
}

static char *graph_text(void)
{
    static const char *const countries[] = {"CN", "RU", "HK", "NL", "NL", "DE", "US", ""};
    char *text = NULL, line[256];
    size_t len = 0, cap = 0;
    int left[N], vleft[N]; /* capital and votes not yet held, per cent */
    for (int v = 0; v < N; v++) {
        left[v] = vleft[v] = 100;
        unsigned k = rnd(20);
        kind[v] = k < 11 ? 'c' : k < 13 ? 'p' : k == 13 ? 's' : k < 18 ? 'i' : 'k';
        const char *c = countries[rnd(8)];
        const char *type = kind[v] == 'c'   ? "company"
                           : kind[v] == 'p' ? "person"
                           : kind[v] == 's' ? "state"
                           : kind[v] == 'k' ? "consortium"
                           : rnd(2)         ? "product"
                                            : "component";
        snprintf(line, sizeof line, "{\"id\":\"e%d\",\"type\":\"%s\"%s%s%s%s%s}\n", v, type,
                 *c ? ",\"country\":\"" : "", c, *c ? "\"" : "", rnd(3) == 0 ? ",\"complete\":true" : "",
                 kind[v] == 'c' && rnd(12) == 0 ? ",\"state_owned\":true" : "");
        add(&text, &len, &cap, line);
    }
    for (int r = 0; r < R; r++) {
        int a = (int)rnd(N), b = (int)rnd(N);
        char ka = kind[a], kb = kind[b];
        if (ka == 'i' && kb == 'i' && a >= b)
            continue; /* a bill of materials is acyclic */
        if (ka == 'i' && kb == 'i')
            snprintf(line, sizeof line, "{\"rel\":\"contains\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", a, b);
        else if (ka == 'i' && kb == 'c')
            snprintf(line, sizeof line, "{\"rel\":\"made_by\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", a, b);
        else if (ka == 'c' && kb == 'i')
            snprintf(line, sizeof line, "{\"rel\":\"offers\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", a, b);
        else if (ka == 'c' && kb == 'k')
            snprintf(line, sizeof line, "{\"rel\":\"member_of\",\"from\":\"e%d\",\"to\":\"e%d\"%s}\n", a, b,
                     rnd(3) == 0 ? ",\"role\":\"lead\"" : "");
        else if ((ka == 'p' || ka == 's' || ka == 'c') && kb == 'c') {
            int t = (int)rnd(10), sh = 5 + (int)rnd(96), room = left[b] < vleft[b] ? left[b] : vleft[b];
            if (t < 7 && t != 5 && room < 12)
                t = 7; /* no capital or votes left to hold (an unknown share may hold the rest) */
            if (t < 7 && sh > room - 2)
                sh = room - 2;                                           /* room for the decimal */
            int votes = t < 5 && vleft[b] - sh - 1 >= 60 && rnd(4) == 0; /* votes 60: control */
            if (t < 7 && t != 5) {
                left[b] -= sh + 1;
                vleft[b] -= votes ? 60 : sh + 1;
            }
            if (t < 5)
                snprintf(line, sizeof line, "{\"rel\":\"owns\",\"from\":\"e%d\",\"to\":\"e%d\",\"share\":%d.%u%s}\n", a,
                         b, sh, rnd(10), votes ? ",\"votes\":60" : "");
            else if (t == 5)
                snprintf(line, sizeof line, "{\"rel\":\"owns\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", a, b);
            else if (t == 6)
                snprintf(line, sizeof line,
                         "{\"rel\":\"owns\",\"from\":\"e%d\",\"to\":\"e%d\",\"share\":{\"min\":%d,\"max\":%d}}\n", a, b,
                         sh / 2, sh);
            else if (t == 7)
                snprintf(line, sizeof line, "{\"rel\":\"controls\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", a, b);
            else if (ka == 'c' && t == 8)
                snprintf(line, sizeof line, "{\"rel\":\"supplies\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", a, b);
            else if (ka == 'c')
                snprintf(line, sizeof line, "{\"rel\":\"subcontracts\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", b, a);
            else
                continue;
        } else
            continue;
        add(&text, &len, &cap, line);
    }
    return text;
}

/* The bidders: every company alone, every consortium, then mixed ones. */
static size_t bidders(kt_tender_bidder *b, kt_tender_member *mem, char ids[][16], char **offers)
{
    size_t n = 0, m = 0, o = 0;
    for (int v = 0; v < N && n < NB; v++) {
        if (kind[v] != 'c' && kind[v] != 'k')
            continue;
        memset(&b[n], 0, sizeof b[n]);
        snprintf(ids[v], 16, "e%d", v);
        b[n].id = ids[v];
        if (kind[v] == 'k') {
            b[n].consortium = ids[v];
        } else {
            memset(&mem[m], 0, sizeof mem[m]);
            mem[m].id = ids[v];
            mem[m].lead = 1;
            mem[m].share = NAN;
            b[n].members = &mem[m++];
            b[n].nmembers = 1;
        }
        n++;
    }
    for (int k = 0; k < 40 && n < NB; k++) {
        int pick[4], np = 0;
        while (np < 4) {
            int v = (int)rnd(N);
            if (kind[v] == 'c')
                snprintf(ids[v], 16, "e%d", v), pick[np++] = v;
        }
        memset(&b[n], 0, sizeof b[n]);
        b[n].id = ids[pick[0]];
        b[n].members = &mem[m];
        for (int i = 0; i < 2; i++) {
            memset(&mem[m], 0, sizeof mem[m]);
            mem[m].id = ids[pick[i]];
            mem[m].lead = i == 0;
            mem[m++].share = NAN;
        }
        b[n].nmembers = 2;
        b[n].subcontractors = &mem[m];
        for (int i = 2; i < 4; i++) {
            memset(&mem[m], 0, sizeof mem[m]);
            mem[m].id = ids[pick[i]];
            mem[m].share = rnd(3) == 0 ? NAN : (double)rnd(30);
            mem[m].access = rnd(2);
            mem[m++].access_given = (int)rnd(2);
        }
        b[n].nsubcontractors = 2;
        for (int v = (int)rnd(N), tries = 0; tries < N; v = (v + 1) % N, tries++)
            if (kind[v] == 'i') {
                snprintf(ids[v], 16, "e%d", v);
                offers[o] = ids[v];
                b[n].offers = &offers[o++];
                b[n].noffers = 1;
                break;
            }
        n++;
    }
    return n;
}

static int same_d(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

static int same_items(const kt_screen_item *a, const kt_screen_item *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const kt_screen_item *x = &a[i], *y = &b[i];
        if (x->node != y->node || x->reasons != y->reasons || x->why != y->why || x->start != y->start ||
            x->role != y->role || x->depth != y->depth || x->party != y->party ||
            !same_d(x->interest.min, y->interest.min) || !same_d(x->interest.max, y->interest.max) ||
            x->has_ownership != y->has_ownership || x->prohibition != y->prohibition || x->covered != y->covered ||
            x->seq != y->seq || memcmp(x->nodes, y->nodes, ((size_t)x->depth + 1) * sizeof *x->nodes) ||
            (x->depth && memcmp(x->edges, y->edges, (size_t)x->depth * sizeof *x->edges)))
            return 0;
    }
    return 1;
}

static int same_result(const kt_screen_result *a, const kt_screen_result *b, long *items)
{
    if (a->verdict != b->verdict || memcmp(a->cons, b->cons, sizeof a->cons) || a->route != b->route ||
        memcmp(a->why, b->why, sizeof a->why) || a->nmembers != b->nmembers || a->nfindings != b->nfindings ||
        a->nunknown != b->nunknown || a->nprohibited != b->nprohibited || a->party_risk != b->party_risk ||
        memcmp(a->complete, b->complete, sizeof a->complete) || !same_d(a->bom_known, b->bom_known) ||
        !same_d(a->ownership_known, b->ownership_known))
        return 0;
    for (size_t i = 0; i < a->nmembers; i++) {
        const kt_screen_party *x = &a->members[i], *y = &b->members[i];
        if (x->v != y->v || x->role != y->role || x->reasons != y->reasons || x->party != y->party ||
            x->access != y->access || x->access_known != y->access_known || !same_d(x->share, y->share) ||
            x->party_reasons != y->party_reasons || x->outside != y->outside ||
            !same_d(x->ownership_known, y->ownership_known))
            return 0;
    }
    *items += (long)(a->nfindings + a->nunknown + a->nprohibited);
    return same_items(a->findings, b->findings, a->nfindings) && same_items(a->unknown, b->unknown, a->nunknown) &&
           same_items(a->prohibited, b->prohibited, a->nprohibited);
}

/* 2: the plain breadth-first search for search c; mismatching vertices. */
static long check_search(const kt_screen *s, const kt_graph *g, int c, long *reached)
{
    igraph_integer_t nv = kt_graph_vertex_count(g), ne = kt_graph_edge_count(g), a, b;
    int32_t *dist = malloc((size_t)nv * sizeof *dist), *next = malloc((size_t)nv * sizeof *next);
    int32_t *queue = malloc((size_t)nv * sizeof *queue);
    long bad = 0;
    size_t head = 0, tail = 0;
    for (igraph_integer_t v = 0; v < nv; v++) {
        dist[v] = kt_screen_source(s, c, v) ? 0 : -1;
        next[v] = -1;
        if (!dist[v])
            queue[tail++] = (int32_t)v;
    }
    while (head < tail) {
        int32_t v = queue[head++];
        if (dist[v] >= s->max_depth)
            continue;
        for (igraph_integer_t e = 0; e < ne; e++) /* every relation, in order: steps into v */
            if (((kt_screen_step(s, e, &a, &b) >> c) & 1) && b == v && dist[a] < 0) {
                dist[a] = dist[v] + 1;
                next[a] = (int32_t)e;
                queue[tail++] = (int32_t)a;
            }
    }
    for (igraph_integer_t v = 0; v < nv; v++) {
        bad += dist[v] != s->dist[c][v] || (s->next[c] && next[v] != s->next[c][v]);
        *reached += dist[v] >= 0;
    }
    free(dist);
    free(next);
    free(queue);
    return bad;
}

/* 3: v on a cycle when another vertex reaches it and is reached from it, over capital owns. */
static long check_cycles(const kt_screen *s, const kt_graph *g, long *cyclic)
{
    igraph_integer_t nv = kt_graph_vertex_count(g);
    char *reach = malloc((size_t)nv * (size_t)nv);
    int32_t *queue = malloc((size_t)nv * sizeof *queue);
    long bad = 0;
    for (igraph_integer_t r = 0; r < nv; r++) {
        char *seen = reach + (size_t)r * (size_t)nv;
        size_t head = 0, tail = 0;
        memset(seen, 0, (size_t)nv);
        seen[r] = 1;
        queue[tail++] = (int32_t)r;
        while (head < tail) {
            const igraph_integer_t *out;
            igraph_integer_t v = queue[head++], deg = kt_graph_out(g, v, &out);
            for (igraph_integer_t i = 0; i < deg; i++) {
                igraph_integer_t u = kt_graph_rel_to(g, out[i]);
                if (kt_graph_rel_type(g, out[i]) != KT_REL_OWNS || (kt_graph_rel_flags(g, out[i]) & KT_RF_DECLARED))
                    continue;
                if (!seen[u])
                    seen[u] = 1, queue[tail++] = (int32_t)u;
            }
        }
    }
    for (igraph_integer_t v = 0; v < nv; v++) {
        int on = 0;
        for (igraph_integer_t u = 0; u < nv && !on; u++)
            on = u != v && reach[(size_t)v * (size_t)nv + (size_t)u] && reach[(size_t)u * (size_t)nv + (size_t)v];
        bad += on != s->cyclic[v];
        *cyclic += on;
    }
    free(reach);
    free(queue);
    return bad;
}

int main(void)
{
    kt_policy *p = NULL;
    kt_errinfo ei;
    static const int threads[] = {1, 2, 3, 4, 7};
    long results = 0, items = 0, interests = 0, bad_results = 0, vertices = 0, reached = 0, bad_search = 0;
    long cyclic = 0, bad_cycles = 0, searches = 0, unknown = 0, bad_unknown = 0;
    kt_graph_init_library();
    if (kt_load_policy_buffer("p.json", policy, strlen(policy), &p, &ei) != KT_OK) {
        printf("policy: %s\n", ei.msg);
        return 1;
    }
    for (int gi = 0; gi < 12; gi++) {
        char *text = graph_text();
        kt_graph *g = test_load("random.jsonl", text, 0);
        free(text);
        static kt_tender_bidder b[NB];
        static kt_tender_member mem[3 * NB];
        static char ids[N][16];
        static char *offers[NB];
        kt_screen_tender t = {KT_REGIME_ADV, 1, 1, KT_MITIGATION_INSUFFICIENT, 1};
        kt_screen *ref = NULL;
        if (!g || kt_screen_new(g, p, &ref) != KT_OK)
            return 1;
        size_t n = bidders(b, mem, ids, offers);
        kt_screen_result *want = calloc(n, sizeof *want);
        kt_err *want_rc = calloc(n, sizeof *want_rc);
        for (size_t i = 0; i < n; i++)
            want_rc[i] = kt_screen_bidder(ref, &t, &b[i], &want[i], &ei);
        for (size_t k = 0; k < sizeof threads / sizeof *threads; k++) {
            kt_screen_opts o = {threads[k]};
            kt_screen *s = NULL;
            kt_screen_result *got = calloc(n, sizeof *got);
            kt_err *rcs = calloc(n, sizeof *rcs);
            kt_errinfo *eis = calloc(n, sizeof *eis);
            if (kt_screen_new_opts(g, p, &o, &s) != KT_OK)
                return 1;
            /* one context per bidder */
            kt_screen_tender *ctx = calloc(n, sizeof *ctx);
            for (size_t i = 0; i < n; i++)
                ctx[i] = t;
            if (kt_screen_bidders(s, ctx, b, n, got, rcs, eis) != KT_OK)
                return 1;
            for (size_t i = 0; i < n; i++) {
                results++;
                if (rcs[i] != want_rc[i] || (rcs[i] == KT_OK && !same_result(&want[i], &got[i], &items))) {
                    if (bad_results++ < 5)
                        printf("MISMATCH graph %d, %d threads, bidder %s\n", gi, threads[k], b[i].id);
                }
                for (size_t f = 0; k == 0 && rcs[i] == KT_OK && f < got[i].nfindings; f++)
                    interests += !kt_ival_is_unknown(got[i].findings[f].interest);
                kt_screen_result_destroy(&got[i]);
            }
            if (k == 0) {
                for (int c = 0; c < kt_screen_searches(s); c++)
                    if (s->dist[c]) {
                        searches++;
                        bad_search += check_search(s, g, c, &reached);
                        vertices += kt_graph_vertex_count(g);
                    }
                bad_cycles += check_cycles(s, g, &cyclic);
                for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++) {
                    unsigned u = kt_dep_unknown(g, v, s->owner_share);
                    bad_unknown += u != s->unknown[v];
                    unknown += (u & KT_UNK_SUPPLIERS) != 0;
                }
            }
            free(ctx);
            free(got);
            free(rcs);
            free(eis);
            kt_screen_free(s);
        }
        for (size_t i = 0; i < n; i++)
            kt_screen_result_destroy(&want[i]);
        free(want);
        free(want_rc);
        kt_screen_free(ref);
        kt_graph_free(g);
    }
    printf("results: %s compared on 1-7 threads (%s findings, unknowns and hits; %s interests): %s\n",
           results >= 10000 ? "at least 10000" : "too few", items >= 20000 ? "at least 20000" : "too few",
           interests >= 500 ? "at least 500" : "too few", bad_results ? "MISMATCHES" : "all identical");
    printf("searches: %ld against the plain search, %s vertex entries (%s reached): %s\n", searches,
           vertices >= 30000 ? "at least 30000" : "too few", reached >= 5000 ? "at least 5000" : "too few",
           bad_search ? "MISMATCHES" : "all identical");
    printf("cycles: %s vertices on a cycle: %s\n", cyclic >= 200 ? "at least 200" : "too few",
           bad_cycles ? "MISMATCHES" : "all identical");
    printf("where the data stops: %s vertices without a dependency step: %s\n",
           unknown >= 50 ? "at least 50" : "too few", bad_unknown ? "MISMATCHES" : "all as kt_dep_unknown");
    kt_policy_free(p);
    return bad_results || bad_search || bad_cycles || bad_unknown;
}
