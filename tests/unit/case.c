/* case.c: the assessor's case file (analyses/case.c, loaders/decisions.c, loaders/measures.c).
 *
 * Graph (native JSON Lines): consortium k with lead m (NL); k offers cam, which contains part
 * (made in CN); o (CN) owns 30% of m; m subcontracts sub; sub supplies cam.
 * Paths built by hand (kt_screen_item) and what they are, by the rule in kt_measures.h:
 *   A: k -offers-> cam -contains-> part             -> component (+ access when the bidder has access)
 *   B: m <-owns- o (path m, o: one owns step)         -> ownership
 *   C: k -member_of... (depth 0 at m, party level)    -> party
 *   D: m -subcontracts-> sub -supplies-> cam          -> supplier, subcontractor (cam is where it
 *                                                        ends, reached by supplies: no component step);
 *   B read from a subcontractor (the starting point's role)  -> ownership, subcontractor
 *   a gap at part                                     -> unknown only
 * Keys: the same path gives the same key; the same data read from "elsewhere/case.jsonl" gives
 * the same key (base names only); share 30 -> 40 on the owns relation changes B's key and not
 * A's; a gap and a finding on the same path differ.
 * Decisions: B1 has a decision on A's key (require_measures), none on B, and one on key
 * 0000000000000000 (stale); a C3A entry with access [] and a C3B entry "sufficient":
 *   fdec[A] = the entry on line 4, fdec[B] = none, 1 stale (line 5), 1 undecided;
 *   override: access_given 1, access 0 (none), mitigation sufficient.
 * Check: against tender T with bidders B1, B2 and a policy whose catalogue has m1: ok; with a
 * policy without m1: line 4 names m1; with B2 renamed B3: line 7 (B2's entry); tender U: line 1.
 * Loader errors, each with its line (worked from the texts below). */
#include "../../analyses/kt_case.h"
#include "exp_util.h"

static const char data[] =
    "{\"keten\":\"1\"}\n"
    "{\"id\":\"k\",\"type\":\"consortium\",\"name\":\"K\"}\n"
    "{\"id\":\"m\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"cam\",\"type\":\"product\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"id\":\"part\",\"type\":\"component\",\"country\":\"CN\",\"complete\":true}\n"
    "{\"id\":\"o\",\"type\":\"company\",\"country\":\"CN\",\"complete\":true}\n"
    "{\"id\":\"sub\",\"type\":\"company\",\"country\":\"NL\",\"complete\":true}\n"
    "{\"rel\":\"member_of\",\"from\":\"m\",\"to\":\"k\",\"role\":\"lead\"}\n"
    "{\"rel\":\"offers\",\"from\":\"k\",\"to\":\"cam\"}\n"
    "{\"rel\":\"contains\",\"from\":\"cam\",\"to\":\"part\",\"qty\":1}\n"
    "{\"rel\":\"owns\",\"from\":\"o\",\"to\":\"m\",\"share\":%d}\n"
    "{\"rel\":\"subcontracts\",\"from\":\"m\",\"to\":\"sub\"}\n"
    "{\"rel\":\"supplies\",\"from\":\"sub\",\"to\":\"cam\"}\n";

static igraph_integer_t edge(const kt_graph *g, const char *from, const char *to)
{
    for (igraph_integer_t e = 0; e < kt_graph_edge_count(g); e++)
        if (kt_graph_rel_from(g, e) == V(g, from) && kt_graph_rel_to(g, e) == V(g, to))
            return e;
    printf("no relation %s -> %s\n", from, to);
    exit(1);
}

/* Path items, filled by hand: nodes and edges point into static arrays. */
typedef struct {
    igraph_integer_t nodes[4], edges[3];
    kt_screen_item it;
} path;

static void mk(path *p, const kt_graph *g, const char *const *ids, int n, int party)
{
    memset(p, 0, sizeof *p);
    for (int i = 0; i < n; i++)
        p->nodes[i] = V(g, ids[i]);
    for (int i = 0; i + 1 < n; i++) {
        /* the owns step runs against the path (owner -> owned) */
        igraph_integer_t a = p->nodes[i], b = p->nodes[i + 1];
        p->edges[i] = strcmp(ids[i + 1], "o") == 0 ? edge(g, ids[i + 1], ids[i]) : edge(g, ids[i], ids[i + 1]);
        (void)a, (void)b;
    }
    p->it.node = p->nodes[n - 1];
    p->it.start = p->nodes[0];
    p->it.depth = n - 1;
    p->it.party = party;
    p->it.nodes = p->nodes;
    p->it.edges = p->edges;
}

static void kinds(const char *label, unsigned k)
{
    printf("  %s:", label);
    for (int b = 0; b < KT_MK__COUNT; b++)
        if (k & (1u << b))
            printf(" %s", kt_measure_kind_name(1u << b));
    printf("\n");
}

static kt_graph *load(const char *name, int share)
{
    char text[2048];
    snprintf(text, sizeof text, data, share);
    return test_load(name, text, 1);
}

static void bad_decisions(const char *text)
{
    kt_decisions *d = NULL;
    kt_errinfo ei;
    if (kt_load_decisions_buffer("d.json", text, strlen(text), &d, &ei) == KT_OK) {
        printf("  loaded (wrongly)\n");
        kt_decisions_free(d);
        return;
    }
    printf("  %s:%ld: %s\n", ei.file, ei.line, ei.msg);
}

static void bad_measures(const char *measures)
{
    char text[2048];
    kt_policy *p = NULL;
    kt_errinfo ei;
    snprintf(text, sizeof text, "{\"keten_policy\": \"1\", \"C1\": [], \"C2\": [], \"gpa\": [], \"eu\": [],\n"
                                " \"measures\": [\n%s]}\n", measures);
    if (kt_load_policy_buffer("p.json", text, strlen(text), &p, &ei) == KT_OK) {
        printf("  loaded %zu measures\n", kt_measures_count(kt_policy_measures(p)));
        kt_policy_free(p);
        return;
    }
    printf("  %s:%ld: %s\n", ei.file, ei.line, ei.msg);
}

int main(void)
{
    static const char *pa[] = {"k", "cam", "part"}, *pb[] = {"m", "o"}, *pc[] = {"m"},
                      *pd[] = {"m", "sub", "cam"};
    kt_graph *g = load("case.jsonl", 30), *g2 = load("elsewhere/case.jsonl", 30), *g3 = load("case.jsonl", 40);
    path A, B, C, D, A2, B2, A3, B3;
    char ka[KT_CASE_KEY_LEN], kb[KT_CASE_KEY_LEN], k2[KT_CASE_KEY_LEN], kgap[KT_CASE_KEY_LEN];
    if (!g || !g2 || !g3)
        return 1;
    mk(&A, g, pa, 3, 0);
    mk(&B, g, pb, 2, 0);
    mk(&C, g, pc, 1, 1);
    mk(&D, g, pd, 3, 0);
    printf("kinds\n");
    kinds("A", kt_case_kinds(g, &A.it, 1, 0));
    kinds("A with access", kt_case_kinds(g, &A.it, 1, KT_ACCESS_ICT));
    kinds("B", kt_case_kinds(g, &B.it, 1, 0));
    kinds("C", kt_case_kinds(g, &C.it, 1, 0));
    kinds("D", kt_case_kinds(g, &D.it, 1, 0));
    B.it.role = KT_ROLE_SUBCONTRACTOR; /* B's path read from a subcontractor */
    kinds("B from a subcontractor", kt_case_kinds(g, &B.it, 1, 0));
    B.it.role = KT_ROLE_CONSORTIUM;
    kinds("gap", kt_case_kinds(g, &A.it, 0, KT_ACCESS_ICT));

    printf("keys\n");
    kt_case_key(g, &A.it, 1, ka);
    kt_case_key(g, &B.it, 1, kb);
    kt_case_key(g, &A.it, 1, k2);
    printf("  A twice: %s\n", strcmp(ka, k2) ? "differs" : "same");
    printf("  A and B: %s\n", strcmp(ka, kb) ? "differ" : "same");
    kt_case_key(g, &A.it, 0, kgap);
    printf("  A as finding and as gap: %s\n", strcmp(ka, kgap) ? "differ" : "same");
    mk(&A2, g2, pa, 3, 0);
    mk(&B2, g2, pb, 2, 0);
    kt_case_key(g2, &A2.it, 1, k2);
    printf("  A from elsewhere/: %s\n", strcmp(ka, k2) ? "differs" : "same");
    mk(&A3, g3, pa, 3, 0);
    mk(&B3, g3, pb, 2, 0);
    kt_case_key(g3, &A3.it, 1, k2);
    printf("  A after the share changed: %s\n", strcmp(ka, k2) ? "differs" : "same");
    kt_case_key(g3, &B3.it, 1, k2);
    printf("  B after the share changed: %s\n", strcmp(kb, k2) ? "differs" : "same");
    printf("  length %zu\n", strlen(ka));

    printf("decisions\n");
    char text[2048];
    snprintf(text, sizeof text,
             "{\"keten_decisions\": \"1\", \"tender\": \"T\",\n"
             " \"decisions\": [\n"
             "  {\"bidder\": \"B1\", \"about\": \"C3A\", \"access\": []},\n"
             "  {\"bidder\": \"B1\", \"about\": \"finding\", \"key\": \"%s\", \"decision\": \"require_measures\", \"measures\": [\"m1\"]},\n"
             "  {\"bidder\": \"B1\", \"about\": \"finding\", \"key\": \"0000000000000000\", \"decision\": \"accept\"},\n"
             "  {\"bidder\": \"B1\", \"about\": \"C3B\", \"mitigation\": \"sufficient\", \"by\": \"X\", \"date\": \"2026-11-20\"},\n"
             "  {\"bidder\": \"B2\", \"about\": \"bidder\", \"decision\": null}]}\n",
             ka);
    kt_decisions *d = NULL;
    kt_errinfo ei;
    if (kt_load_decisions_buffer("d.json", text, strlen(text), &d, &ei) != KT_OK) {
        printf("%s:%ld: %s\n", ei.file, ei.line, ei.msg);
        return 1;
    }
    kt_screen_item items[2] = {A.it, B.it};
    kt_screen_result r;
    memset(&r, 0, sizeof r);
    r.findings = items;
    r.nfindings = 2;
    kt_case_bidder c;
    if (kt_case_bidder_init(&c, g, &r, "B1", KT_ACCESS_ICT, d) != KT_OK)
        return 1;
    printf("  finding A: %s (line %ld)\n", c.fdec[0] ? kt_decision_name(c.fdec[0]->decision) : "none",
           c.fdec[0] ? c.fdec[0]->line : 0L);
    printf("  finding B: %s\n", c.fdec[1] ? kt_decision_name(c.fdec[1]->decision) : "none");
    printf("  stale %zu (line %ld), undecided %zu\n", c.nstale, c.nstale ? c.stale[0]->line : 0L, c.nundecided);
    printf("  C3A %s, C3B %s\n", c.c3a ? "given" : "none", c.c3b ? kt_mitigation_name(c.c3b->mitigation) : "none");
    kinds("A's kinds in the case", c.fkinds[0]);
    kt_case_bidder_destroy(&c);
    kt_screen_tender st = {KT_REGIME_ADV, KT_ACCESS_LOCATIONS, 1, KT_MITIGATION_INSUFFICIENT, 1};
    kt_case_override(d, "B1", &st);
    printf("  override B1: access_given %d access %u mitigation %s\n", st.access_given, st.access,
           kt_mitigation_name(st.mitigation));

    printf("check\n");
    kt_tender t;
    kt_tender_bidder bidders[2];
    memset(&t, 0, sizeof t);
    memset(bidders, 0, sizeof bidders);
    bidders[0].id = "B1";
    bidders[1].id = "B2";
    t.id = "T";
    t.bidders = bidders;
    t.nbidders = 2;
    static const char ptext[] = "{\"keten_policy\": \"1\", \"C1\": [], \"C2\": [], \"gpa\": [], \"eu\": [],\n"
                                " \"measures\": [{\"id\": \"m1\", \"title\": \"M\", \"applies_to\": [\"any\"], "
                                "\"requirement\": \"r\", \"source\": \"s\"}]}";
    kt_policy *p = NULL, *p0 = test_policy();
    if (kt_load_policy_buffer("p.json", ptext, strlen(ptext), &p, &ei) != KT_OK)
        return 1;
    printf("  %s\n", kt_case_check(d, &t, p, &ei) == KT_OK ? "ok" : ei.msg);
    printf("  %ld: %s\n", kt_case_check(d, &t, p0, &ei) == KT_OK ? 0L : ei.line, ei.msg);
    kt_policy_free(p0);
    bidders[1].id = "B3";
    printf("  %ld: %s\n", kt_case_check(d, &t, p, &ei) == KT_OK ? 0L : ei.line, ei.msg);
    bidders[1].id = "B2";
    t.id = "U";
    printf("  %ld: %s\n", kt_case_check(d, &t, p, &ei) == KT_OK ? 0L : ei.line, ei.msg);
    kt_policy_free(p);
    kt_decisions_free(d);

    printf("bad decisions\n");
    bad_decisions("{\"keten_decisions\": \"2\", \"tender\": \"T\", \"decisions\": []}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [],\n \"note\": 1}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [\n"
                  "  {\"bidder\": \"B1\", \"about\": \"bidder\", \"decison\": \"accept\"}]}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [\n"
                  "  {\"bidder\": \"B1\", \"about\": \"bidder\"},\n"
                  "  {\"bidder\": \"B1\", \"about\": \"finding\", \"key\": \"XYZ\"}]}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [\n"
                  "  {\"bidder\": \"B1\", \"about\": \"finding\", \"key\": \"0123456789abcdef\"},\n"
                  "  {\"bidder\": \"B1\", \"about\": \"finding\", \"key\": \"0123456789abcdef\"}]}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [\n"
                  "  {\"bidder\": \"B1\", \"about\": \"bidder\", \"decision\": \"reject\"}]}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [\n"
                  "  {\"bidder\": \"B1\", \"about\": \"C3B\", \"mitigation\": \"sufficient\", \"date\": \"20-11-2026\"}]}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [\n"
                  "  {\"bidder\": \"B1\", \"about\": \"C3A\", \"access\": [\"everything\"]}]}");
    bad_decisions("{\"keten_decisions\": \"1\", \"tender\": \"T\", \"decisions\": [\n"
                  "  {\"bidder\": \"B1\", \"about\": \"C3A\", \"decision\": \"accept\"}]}");

    printf("measures\n");
    bad_measures("  {\"id\": \"a\", \"title\": \"A\", \"applies_to\": [\"component\"], \"requirement\": \"r\", \"source\": \"s\"},\n"
                 "  {\"id\": \"b\", \"title\": \"B\", \"applies_to\": [\"any\"], \"requirement\": \"r\", \"source\": \"s\"}\n");
    bad_measures("  {\"id\": \"a\", \"title\": \"A\", \"applies_to\": [\"component\"], \"requirement\": \"r\"}\n");
    bad_measures("  {\"id\": \"a\", \"title\": \"A\", \"applies_to\": [\"components\"], \"requirement\": \"r\", \"source\": \"s\"}\n");
    bad_measures("  {\"id\": \"a\", \"title\": \"A\", \"applies_to\": [\"party\"], \"requirement\": \"r\", \"source\": \"s\"},\n"
                 "  {\"id\": \"a\", \"title\": \"B\", \"applies_to\": [\"party\"], \"requirement\": \"r\", \"source\": \"s\"}\n");
    bad_measures("  {\"id\": \"a\", \"title\": \"A\", \"applies_to\": [], \"requirement\": \"r\", \"source\": \"s\", \"url\": 1}\n");
    kt_graph_free(g);
    kt_graph_free(g2);
    kt_graph_free(g3);
    return 0;
}
