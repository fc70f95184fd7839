/* own.c: ownership and control (analyses/kt_own.h).  Shares in percent; "x" is multiplication.
 *
 * Cases and their hand-worked expectations (integrated interest = sum over walks of the
 * product of shares; control = more than 50% of votes held directly or through controlled
 * entities; votes equal capital unless given):
 *
 * 1. Pyramid: A 100% of B1, A 80% of B2, B1 20% of C, B2 40% of C.  Target C.
 *    B2: 40, B1: 20 (direct).  A: 100% x 20% + 80% x 40% = 20 + 32 = 52%.
 *    Control: B1 (20) and B2 (40) alone do not pass 50; A controls B1 (100 > 50) and B2
 *    (80 > 50), so A's votes in C are 20 + 40 = 60 > 50: A controls C.  Ultimate: A.
 *    A's strongest path: A>B2>C (32%) beats A>B1>C (20%).  Order: A 52, B2 40, B1 20.
 *    Downstream from A: B1 100 (controls), B2 80 (controls), C 52 (controls).
 *    Paths A -> C: A>B2>C [32, 32] then A>B1>C [20, 20]; with max_paths 1 only the first,
 *    and the list says it was cut.
 * 2. 70% then 60%: person P 70% of X, X 60% of Y.  Target Y.  X: 60, controls (60 > 50).
 *    P: 70% x 60% = 42%; P controls X (70 > 50) and X holds 60 > 50 of Y: P controls Y.
 *    Ultimate: P.  P is a beneficial owner (42 >= 25, and controls).
 * 3. 30% then 80%: person Q 30% of M, M 80% of N.  Target N.  M: 80, controls.  Q: 30% x
 *    80% = 24%; Q does not control M (30), so Q's votes in N are 0: Q controls nothing.
 *    Ultimate: M (no one controls M).  Beneficial owners: none (24 < 25, no control).
 * 4. Cross-holding: X 60% of A, Y 60% of B, A 40% of B, B 40% of A.  Target B.
 *    With u the integrated interest in B (u_B counting B's own walks back to itself + 1):
 *      u_A = 0.4 u_B,  u_B = 1 + 0.4 u_A,  u_X = 0.6 u_A,  u_Y = 0.6 u_B
 *      u_B = 1 + 0.16 u_B  =>  u_B = 1 / 0.84 = 1.190476190...
 *      A: 0.4 / 0.84 = 47.619048%;  X: 0.24 / 0.84 = 28.571429%;  Y: 0.6 / 0.84 = 71.428571%
 *    The outside owners X and Y add up to 0.84 / 0.84 = 100%.
 *    Control: Y holds 60 > 50 of B: Y controls B.  X controls A (60) but A holds only 40 of B;
 *    B holds 40 of A (no).  Ultimate: Y.  Order: Y 71.43, A 47.62, X 28.57.  X and Y are
 *    persons: both beneficial owners (28.57 >= 25; 71.43 >= 25 and controls).
 * 5. Ranges: person P holds 40-60% of H, H holds 80% of T.  Target T.  H: 80, controls.
 *    P: [40 x 80, 60 x 80] = [32, 48]%.  Control of H: lower bound 40 no, upper bound 60
 *    yes: P "may" control H and so T.  Ultimate (definite): H; ultimate (may): P.
 *    P is a beneficial owner already by the lower bound (32 >= 25).
 * 6. Unknown and missing shares.  Target T: K owns T (no share given), L owns 50% of T,
 *    M owns L (no share), N owns 10% of L and T (no share).
 *    L: [50, 50] known; 50 is not more than 50: no control, even by upper bounds.
 *    N: known walk N>L>T 10% x 50% = 5%, unknown walk N>T: [5, min(100, 5 + 100)] = [5, 100]
 *       partial; upper bound 100 > 50: may control.
 *    K: [0, 100] unknown, may control.  M: [0 x 50, 100 x 50] = [0, 50] unknown; M may
 *       control L, but L's 50 is not more than 50: no.
 *    Order by min then max: L [50,50], N [5,100], K [0,100], M [0,50].
 *    Ultimate (definite): none.  Ultimate (may): K, N (no one may control them).
 * 7. Declared summary beside the chain: P 70% of X, X 60% of Y, and a declared P -> Y 42%;
 *    a declared Q -> Y 55% with no chain.  Target Y.  P: computed 42 (the declared 42 is a
 *    cross-check, not added: not 84), declared [42, 42], controls (through X).  Q: capital 0,
 *    no ownership walk (none), declared [55, 55] > 50: Q controls Y (declared).  Ultimate: P, Q.
 *    Both persons control Y, so both are beneficial owners.
 * 8. BO rule: person R holds exactly 25% of T, S 75%.  --bo-rule ge: R is a beneficial owner
 *    (AMLR: 25% or more); gt: not (2015/849: more than 25%).  S: 75 > 25 and controls: both.
 * 9. State influence: state ST holds 60% of G, G 30% of T; F (state_owned) 5% of T; person
 *    W 65% of T.  Target T.  ST controls G; state influence: F, G, ST; none controls T
 *    (G 30, F 5; ST's group 30).  ST's integrated interest: 60% x 30% = 18%.  W controls T
 *    (65 > 50), is a beneficial owner and the ultimate controller.
 * 10. A 100,000-deep chain c100000 -> ... -> c1 -> c0, 100% each.  Target c0: 100000 owners,
 *    each 100% and controlling; c100000 is the only ultimate controller and its path has
 *    100000 relations; no cycle sweeps.  Downstream from c100000: 100000 entities.  Paths
 *    c100000 -> c0: one path of 100000 relations, product 100%.
 */
#include <math.h>

#include "../../analyses/kt_own.h"
#include "test_util.h"

static void print_ival(const char *label, kt_ival iv)
{
    if (kt_ival_is_unknown(iv))
        printf(" %s -", label);
    else
        printf(" %s [%.6f, %.6f]", label, iv.min, iv.max);
}

static void print_result(const kt_graph *g, const kt_own_result *r)
{
    igraph_integer_t path[64];
    for (size_t i = 0; i < r->n; i++) {
        const kt_own_party *p = &r->parties[i];
        printf("  %s", kt_graph_entity_id(g, p->v));
        print_ival("direct", p->direct);
        print_ival("capital", p->capital);
        print_ival("votes", p->votes);
        printf(" %s controls %s", kt_own_status_name(p->status), kt_own_ctrl_name(p->controls));
        if (p->has_declared)
            print_ival("declared", p->declared);
        printf("%s%s%s%s%s%s%s", p->flags & KT_OWN_F_BO ? " bo" : "", p->flags & KT_OWN_F_BO_MAY ? " bo-may" : "",
               p->flags & KT_OWN_F_ULTIMATE ? " ultimate" : "",
               p->flags & KT_OWN_F_ULTIMATE_MAY ? " ultimate-may" : "", p->flags & KT_OWN_F_STATE ? " state" : "",
               p->flags & KT_OWN_F_STATE_MAY ? " state-may" : "",
               p->flags & KT_OWN_F_DECLARED_CTRL ? " declared-control" : "");
        size_t len = kt_own_party_path(r, i, path, 64);
        printf(" path");
        for (size_t k = 0; k < len && k < 64; k++) {
            igraph_integer_t e = path[k];
            if (k == 0)
                printf(" %s", kt_graph_entity_id(g, kt_graph_rel_from(g, e)));
            printf(">%s", kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
        }
        printf("\n");
    }
    printf("  ultimate:");
    for (size_t i = 0; i < r->n_ultimate; i++)
        printf(" %s", kt_graph_entity_id(g, r->parties[r->ultimate[i]].v));
    printf("\n  ultimate (may):");
    for (size_t i = 0; i < r->n_ultimate_may; i++)
        printf(" %s", kt_graph_entity_id(g, r->parties[r->ultimate_may[i]].v));
    printf("\n");
}

static void up(const kt_graph *g, const char *target, const kt_own_opts *o)
{
    kt_own_result r;
    kt_errinfo ei;
    if (kt_own_upstream(g, V(g, target), o, &r, &ei) != KT_OK) {
        printf("failed: %s\n", ei.msg);
        exit(1);
    }
    print_result(g, &r);
    kt_own_result_destroy(&r);
}

static void down(const kt_graph *g, const char *source)
{
    kt_own_result r;
    kt_errinfo ei;
    if (kt_own_downstream(g, V(g, source), NULL, &r, &ei) != KT_OK) {
        printf("failed: %s\n", ei.msg);
        exit(1);
    }
    print_result(g, &r);
    kt_own_result_destroy(&r);
}

static void paths(const kt_graph *g, const char *from, const char *to, long max_paths)
{
    kt_own_opts o;
    kt_own_paths p;
    kt_errinfo ei;
    kt_own_opts_init(&o);
    o.max_paths = max_paths;
    if (kt_own_paths_find(g, V(g, from), V(g, to), &o, &p, &ei) != KT_OK) {
        printf("failed: %s\n", ei.msg);
        exit(1);
    }
    for (size_t i = 0; i < p.n; i++) {
        printf("  %s", from);
        for (size_t k = 0; k < p.paths[i].len; k++)
            printf(">%s", kt_graph_entity_id(g, kt_graph_rel_to(g, p.paths[i].edges[k])));
        print_ival("product", p.paths[i].product);
        printf(" weak %d\n", p.paths[i].weak);
    }
    printf("  cut: max_paths %d max_depth %d budget %d\n", p.cut_max_paths, p.cut_max_depth, p.cut_budget);
    kt_own_paths_destroy(&p);
}

#define E(id, type) "{\"id\":\"" id "\",\"type\":\"" type "\"}\n"
#define OWNS(f, t, sh) "{\"rel\":\"owns\",\"from\":\"" f "\",\"to\":\"" t "\",\"share\":" sh "}\n"

static void deep_chain(void)
{
    enum { N = 100000 };
    kt_graph *g = kt_graph_new();
    kt_diags *d = kt_diags_new();
    uint32_t f = kt_graph_add_file(g, "chain");
    char a[32], b[32];
    for (long i = 0; i <= N; i++) {
        kt_entity_in e;
        memset(&e, 0, sizeof e);
        snprintf(a, sizeof a, "c%ld", i);
        e.id = a;
        e.type = KT_ENT_COMPANY;
        kt_graph_add_entity(g, &e, f, i + 1, d);
    }
    for (long i = 0; i < N; i++) {
        kt_rel_in r;
        snprintf(a, sizeof a, "c%ld", i + 1);
        snprintf(b, sizeof b, "c%ld", i);
        kt_rel_in_init(&r, KT_REL_OWNS, a, b);
        r.share.min = r.share.max = 100;
        kt_graph_add_relation(g, &r, f, N + 2 + i, d);
    }
    if (kt_graph_build(g, d) != KT_OK || kt_diags_has_errors(d) || kt_graph_check(g, stdout) != 0) {
        printf("build failed\n");
        exit(1);
    }
    kt_own_result r;
    kt_errinfo ei;
    if (kt_own_upstream(g, V(g, "c0"), NULL, &r, &ei) != KT_OK) {
        printf("failed: %s\n", ei.msg);
        exit(1);
    }
    size_t ctl = 0, full = 0;
    for (size_t i = 0; i < r.n; i++) {
        ctl += r.parties[i].controls == KT_OWN_YES;
        full += r.parties[i].capital.min == 100 && r.parties[i].capital.max == 100;
    }
    long top = kt_own_result_find(&r, V(g, "c100000"));
    printf("  owners %zu, 100%% %zu, controlling %zu, sweeps %ld\n", r.n, full, ctl, r.sweeps);
    printf("  ultimate %zu: %s, path of %s: %zu relations\n", r.n_ultimate,
           kt_graph_entity_id(g, r.parties[r.ultimate[0]].v), kt_graph_entity_id(g, r.parties[top].v),
           r.parties[top].path_len);
    kt_own_result_destroy(&r);
    if (kt_own_downstream(g, V(g, "c100000"), NULL, &r, &ei) != KT_OK) {
        printf("failed: %s\n", ei.msg);
        exit(1);
    }
    ctl = 0;
    for (size_t i = 0; i < r.n; i++)
        ctl += r.parties[i].controls == KT_OWN_YES;
    printf("  downstream %zu, controlled %zu\n", r.n, ctl);
    kt_own_result_destroy(&r);
    kt_own_opts o;
    kt_own_paths p;
    kt_own_opts_init(&o);
    if (kt_own_paths_find(g, V(g, "c100000"), V(g, "c0"), &o, &p, &ei) != KT_OK) {
        printf("failed: %s\n", ei.msg);
        exit(1);
    }
    printf("  paths %zu, relations %zu, product [%.6f, %.6f]\n", p.n, p.n ? p.paths[0].len : 0,
           p.n ? p.paths[0].product.min : NAN, p.n ? p.paths[0].product.max : NAN);
    kt_own_paths_destroy(&p);
    kt_diags_free(d);
    kt_graph_free(g);
}

int main(void)
{
    kt_graph *g;
    kt_own_opts o;
    kt_graph_init_library();
    kt_own_opts_init(&o);

    printf("1. pyramid\n");
    g = test_load("pyramid.jsonl",
                  E("A", "company") E("B1", "company") E("B2", "company") E("C", "company")
                      OWNS("A", "B1", "100") OWNS("A", "B2", "80") OWNS("B1", "C", "20") OWNS("B2", "C", "40"),
                  1);
    up(g, "C", &o);
    printf(" downstream from A\n");
    down(g, "A");
    printf(" paths A -> C\n");
    paths(g, "A", "C", 100);
    printf(" paths A -> C, at most 1\n");
    paths(g, "A", "C", 1);
    kt_graph_free(g);

    printf("2. 70%% then 60%%\n");
    g = test_load("c2.jsonl", E("P", "person") E("X", "company") E("Y", "company") OWNS("P", "X", "70") OWNS("X", "Y", "60"), 1);
    up(g, "Y", &o);
    kt_graph_free(g);

    printf("3. 30%% then 80%%\n");
    g = test_load("c3.jsonl", E("Q", "person") E("M", "company") E("N", "company") OWNS("Q", "M", "30") OWNS("M", "N", "80"), 1);
    up(g, "N", &o);
    kt_graph_free(g);

    printf("4. cross-holding\n");
    g = test_load("c4.jsonl",
                  E("X", "person") E("Y", "person") E("A", "company") E("B", "company")
                      OWNS("X", "A", "60") OWNS("Y", "B", "60") OWNS("A", "B", "40") OWNS("B", "A", "40"),
                  1);
    up(g, "B", &o);
    {
        kt_own_result r;
        kt_errinfo ei;
        kt_own_upstream(g, V(g, "B"), &o, &r, &ei);
        double sum = r.parties[kt_own_result_find(&r, V(g, "X"))].capital.min +
                     r.parties[kt_own_result_find(&r, V(g, "Y"))].capital.min;
        printf("  outside owners X + Y: %.6f, cycle solved: %s\n", sum, r.sweeps > 0 ? "yes" : "no");
        kt_own_result_destroy(&r);
    }
    kt_graph_free(g);

    printf("5. ranges\n");
    g = test_load("c5.jsonl",
                  E("P", "person") E("H", "company") E("T", "company")
                      OWNS("P", "H", "{\"min\":40,\"max\":60}") OWNS("H", "T", "80"),
                  1);
    up(g, "T", &o);
    kt_graph_free(g);

    printf("6. unknown and missing shares\n");
    g = test_load("c6.jsonl",
                  E("T", "company") E("K", "company") E("L", "company") E("M", "company") E("N", "company")
                  "{\"rel\":\"owns\",\"from\":\"K\",\"to\":\"T\"}\n" OWNS("L", "T", "50")
                  "{\"rel\":\"owns\",\"from\":\"M\",\"to\":\"L\"}\n" OWNS("N", "L", "10")
                  "{\"rel\":\"owns\",\"from\":\"N\",\"to\":\"T\",\"share\":null}\n",
                  1);
    up(g, "T", &o);
    kt_graph_free(g);

    printf("7. declared summary beside the chain\n");
    g = test_load("c7.jsonl",
                  E("P", "person") E("Q", "person") E("X", "company") E("Y", "company")
                      OWNS("P", "X", "70") OWNS("X", "Y", "60")
                  "{\"rel\":\"owns\",\"from\":\"P\",\"to\":\"Y\",\"share\":42,\"declared\":true}\n"
                  "{\"rel\":\"owns\",\"from\":\"Q\",\"to\":\"Y\",\"share\":55,\"declared\":true}\n",
                  1);
    up(g, "Y", &o);
    kt_graph_free(g);

    printf("8. bo rule\n");
    g = test_load("c8.jsonl", E("R", "person") E("S", "person") E("T", "company") OWNS("R", "T", "25") OWNS("S", "T", "75"), 1);
    printf(" ge\n");
    up(g, "T", &o);
    printf(" gt\n");
    o.bo_gt = 1;
    up(g, "T", &o);
    o.bo_gt = 0;
    kt_graph_free(g);

    printf("9. state influence\n");
    g = test_load("c9.jsonl",
                  E("ST", "state") E("G", "company") "{\"id\":\"F\",\"type\":\"company\",\"state_owned\":true}\n"
                  E("W", "person") E("T", "company")
                      OWNS("ST", "G", "60") OWNS("G", "T", "30") OWNS("F", "T", "5") OWNS("W", "T", "65"),
                  1);
    up(g, "T", &o);
    kt_graph_free(g);

    printf("10. 100,000-deep chain\n");
    deep_chain();
    return 0;
}
