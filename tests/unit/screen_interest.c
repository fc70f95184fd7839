/* screen_interest.c: a screening finding's interest is the marked party's integrated capital
 * interest in the company where the path's trailing ownership run starts, exactly as
 * kt_own_upstream gives it (screen_interest.c solves most companies itself, so this checks
 * it against the ownership engine, to the bit).
 *
 * Policy: C1 and C2 = CN; owner_share 10 (an owns relation of 10% or more is a dependency step).
 *
 * Hand-worked (member = the bidder's one member; every company declared complete):
 * H1 x-cn holds 23.5% of a directly and 100% of w, which holds 76.5% of a: the walk sum is
 *    23.5 + 100 x 76.5 = 100%, not the 23.5% of the direct step (a has two owners: no one-walk).
 *    The finding is the party-level one, through control: a <- w <- x-cn, depth 2.
 * H2 y-cn holds 50% of b1 and 50% of b2; b1 holds 40% and b2 20% of c; c holds 100% of d.
 *    Member d: y-cn found at depth 3 (d <- c <- b1 <- y-cn); interest in d:
 *    100 x (50 x 40 + 50 x 20)/100^2 = 30%.
 * H3 z-cn holds 60% of p; p holds 50% of q, q holds 20% of p (a cross-holding); q holds 100% of
 *    m.  Member m: walks z-cn -> p -> (q -> p)^k -> q -> m: 0.6 x 0.5 x sum 0.1^k = 0.3 / 0.9
 *    = 33.33% (the ownership cycle lies below z-cn: solved by the ownership engine).
 * H4 v-cn holds 40-60% of r (a range): interest 40-60%; r holds 100% of s, member s: the same.
 *
 * Random graphs (fixed seed): 60 graphs of 14 companies, a third in CN, each company 0-3
 * owners with shares 10-60% (some unknown, some ranges), cross-holdings included; every
 * company screened as a bidder's one member, and every finding whose path ends in ownership
 * steps compared with kt_own_upstream of its run's start: same bounds, bit for bit, and
 * unknown exactly when the engine gives none.  The count of comparisons is printed so that a
 * run comparing nothing fails. */
#include <math.h>

#include "../../analyses/kt_own.h"
#include "../../analyses/kt_screen.h"
#include "test_util.h"

static const char policy[] = "{\"keten_policy\": \"1\", \"C1\": [\"CN\"], \"C2\": [\"CN\"], \"gpa\": [\"NL\"],"
                             " \"eu\": [\"NL\"], \"thresholds\": {\"owner_share\": 10}}";

#define CO(id, c) "{\"id\":\"" id "\",\"type\":\"company\",\"country\":\"" c "\",\"complete\":true}\n"
#define OWNS(a, b, s) "{\"rel\":\"owns\",\"from\":\"" a "\",\"to\":\"" b "\",\"share\":" s "}\n"

static const char hand[] =
    CO("x-cn", "CN") CO("a", "NL") CO("w", "NL") OWNS("x-cn", "a", "23.5") OWNS("x-cn", "w", "100")
    OWNS("w", "a", "76.5")
    CO("y-cn", "CN") CO("b1", "NL") CO("b2", "NL") CO("c", "NL") CO("d", "NL") OWNS("y-cn", "b1", "50")
    OWNS("y-cn", "b2", "50") OWNS("b1", "c", "40") OWNS("b2", "c", "20") OWNS("c", "d", "100")
    CO("z-cn", "CN") CO("p", "NL") CO("q", "NL") CO("m", "NL") OWNS("z-cn", "p", "60") OWNS("p", "q", "50")
    OWNS("q", "p", "20") OWNS("q", "m", "100")
    CO("v-cn", "CN") CO("r", "NL") CO("s", "NL") OWNS("v-cn", "r", "{\"min\": 40, \"max\": 60}")
    OWNS("r", "s", "100");

/* The run's start: where the trailing ownership steps of x's path begin. */
static igraph_integer_t run_start(const kt_graph *g, const kt_screen_item *x)
{
    int k = x->depth;
    while (k > 0 && kt_graph_rel_type(g, x->edges[k - 1]) == KT_REL_OWNS)
        k--;
    return x->nodes[k];
}

/* Screen member id alone; compare every ownership finding with kt_own_upstream.  Returns the
 * number of mismatches; *compared counts the comparisons; prints the findings when verbose. */
static int screen_one(const kt_screen *s, const kt_graph *g, const char *id, int verbose, long *compared)
{
    kt_tender_member mem;
    kt_tender_bidder b;
    kt_screen_tender t = {KT_REGIME_ADV, 0, 1, KT_MITIGATION_INSUFFICIENT, 1};
    kt_screen_result r;
    kt_errinfo ei;
    int bad = 0;
    memset(&mem, 0, sizeof mem);
    memset(&b, 0, sizeof b);
    mem.id = (char *)id;
    mem.share = NAN;
    b.id = (char *)id;
    b.members = &mem;
    b.nmembers = 1;
    if (kt_screen_bidder(s, &t, &b, &r, &ei) != KT_OK) {
        printf("%s: error %s\n", id, ei.msg);
        return 1;
    }
    for (size_t i = 0; i < r.nfindings; i++) {
        const kt_screen_item *x = &r.findings[i];
        if (!x->has_ownership)
            continue;
        igraph_integer_t c = run_start(g, x);
        kt_own_opts o;
        kt_own_result own;
        kt_own_opts_init(&o);
        kt_ival want = kt_ival_unknown();
        if (kt_own_upstream(g, c, &o, &own, &ei) == KT_OK) {
            long k = kt_own_result_find(&own, x->node);
            if (k >= 0)
                want = own.parties[k].capital;
        }
        kt_own_result_destroy(&own);
        int same = kt_ival_is_unknown(want) ? kt_ival_is_unknown(x->interest)
                                            : !kt_ival_is_unknown(x->interest) && x->interest.min == want.min &&
                                                  x->interest.max == want.max;
        (*compared)++;
        if (!same) {
            bad++;
            printf("MISMATCH %s: %s in %s: screen %.17g-%.17g, kt_own %.17g-%.17g\n", id,
                   kt_graph_entity_id(g, x->node), kt_graph_entity_id(g, c), x->interest.min, x->interest.max,
                   want.min, want.max);
        }
        if (verbose)
            printf("  %s: %s depth %d, interest in %s %.2f-%.2f\n", id, kt_graph_entity_id(g, x->node), x->depth,
                   kt_graph_entity_id(g, c), x->interest.min, x->interest.max);
    }
    kt_screen_result_destroy(&r);
    return bad;
}

static unsigned long seed = 12345;
static unsigned rnd(unsigned n)
{
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)((seed >> 33) % n);
}

int main(void)
{
    kt_policy *p = NULL;
    kt_errinfo ei;
    kt_screen *s = NULL;
    long compared = 0;
    int bad = 0;
    kt_graph_init_library();
    if (kt_load_policy_buffer("p.json", policy, strlen(policy), &p, &ei) != KT_OK) {
        printf("policy: %s\n", ei.msg);
        return 1;
    }
    printf("== hand-worked\n");
    kt_graph *g = test_load("hand.jsonl", hand, 1);
    if (!g || kt_screen_new(g, p, &s) != KT_OK)
        return 1;
    static const char *const members[] = {"a", "d", "m", "s"};
    for (size_t i = 0; i < sizeof members / sizeof *members; i++)
        bad += screen_one(s, g, members[i], 1, &compared);
    kt_screen_free(s);
    kt_graph_free(g);

    printf("== random graphs\n");
    long rcompared = 0;
    for (int gi = 0; gi < 60; gi++) {
        enum { N = 14 };
        char text[16384], line[256];
        size_t len = 0;
        for (int v = 0; v < N; v++) {
            snprintf(line, sizeof line, "{\"id\":\"e%d\",\"type\":\"company\",\"country\":\"%s\",\"complete\":true}\n", v,
                     rnd(3) == 0 ? "CN" : "NL");
            len += (size_t)snprintf(text + len, sizeof text - len, "%s", line);
        }
        for (int v = 0; v < N; v++) {
            int owners = (int)rnd(4), left = 100;
            for (int k = 0; k < owners && left >= 10; k++) {
                int o = (int)rnd(N), sh = 10 + (int)rnd(51), kind = (int)rnd(6);
                if (o == v)
                    continue;
                if (sh > left - 1)
                    sh = left - 1; /* room for the decimal */
                left -= sh + 1;
                if (kind == 0)
                    snprintf(line, sizeof line, "{\"rel\":\"owns\",\"from\":\"e%d\",\"to\":\"e%d\"}\n", o, v);
                else if (kind == 1)
                    snprintf(line, sizeof line,
                             "{\"rel\":\"owns\",\"from\":\"e%d\",\"to\":\"e%d\",\"share\":{\"min\":%d,\"max\":%d}}\n", o, v,
                             sh / 2 + 5, sh);
                else
                    snprintf(line, sizeof line, "{\"rel\":\"owns\",\"from\":\"e%d\",\"to\":\"e%d\",\"share\":%d.%d}\n", o,
                             v, sh, (int)rnd(10));
                len += (size_t)snprintf(text + len, sizeof text - len, "%s", line);
            }
        }
        kt_graph *rg = test_load("random.jsonl", text, 0);
        if (!rg || kt_screen_new(rg, p, &s) != KT_OK)
            return 1;
        for (int v = 0; v < N; v++) {
            char id[16];
            snprintf(id, sizeof id, "e%d", v);
            bad += screen_one(s, rg, id, 0, &rcompared);
        }
        kt_screen_free(s);
        kt_graph_free(rg);
    }
    printf("random: %s (%s)\n", rcompared >= 100 ? "at least 100 interests compared" : "too few compared",
           bad ? "mismatches" : "no mismatch");
    kt_policy_free(p);
    return bad != 0;
}
