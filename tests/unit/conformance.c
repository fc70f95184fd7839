/* conformance.c: every file under the shared sample data (${KETEN_SHARED}/data), loaded alone,
 * with what it contains checked.  Without the folder the test prints "skipped" and exits 77, which
 * the runner counts as skipped, never as passed.
 *
 * Expectations, worked out by reading each file (no output of keten was pasted):
 * bods/indirect-ownership.json (0.4): entities A (ad3f6c2fcc9e), B (d4ab89ea169a), Person 1
 *   (c25d4d612c2c, nationality GB).  Relationship 4cf2837bd01f: B holds shareholding exact 60
 *   in A, isComponent true -> owns B -> A [60, 60], not declared.  05e81af035e4: Person 1 in B,
 *   interest with no type -> owns, share unknown (warning bods_interest_untyped).
 *   d8d75ccf40e4: isComponent false, componentRecords given, directOrIndirect indirect, exact 30
 *   -> owns Person 1 -> A [30, 30] flagged declared.  3 entities, 3 relations.
 * bods/bods-0.3-os-03-dr-04.json: the same in 0.3 form, ids are statementIDs:
 *   e2bbe3ce -> 8729fec1 [60, 60]; 6b9cfb52 -> 8729fec1 [30, 30] declared.
 * bods/bods-package.json: 10478c6cf6de -> c359f58d2977 [100, 100]; the person's address is GB.
 * bods/bods-package-entity-owning-entity.json: e83cce729ada -> 12b7dd0770ce minimum 75,
 *   exclusiveMaximum 100 -> [75, 100] with KT_RF_SHARE_EXCL_MAX only.
 * bods/joint-ownership.json: arrangement 91b4236a7d89 (a company tagged "arrangement") owns
 *   31c55e425764 (CHRINON LTD, jurisdiction GB) [100, 100]; persons 1accb8b18b99 and
 *   f040df24d9ec own the arrangement [50, 50] each.  4 entities, 3 relations.
 * bods/multiple-indirect-ownership.json: C (d177864a8b39) and D (05fbbfb94b79) own 50% of
 *   B (63e3a8a8946f) each; Person 1 (92ebf964a1f6) -> C and -> D share unknown; declared
 *   Person 1 -> B [60, 60].  4 entities, 5 relations.
 * cyclonedx/hbom-...-1.4.json: metadata component pcie-sata-adaptor-board (product, name
 *   "pcie-sata-adaptor-board rev-1"), 6 device components, no dependencies -> the board
 *   contains each; quantities 1, 8, 1, 1, 2, 2 (molex 8, 826632-3 2, MP000003 2).  Suppliers
 *   Samtec, Molex, 3M, Multicomp (twice: one entity), TE Connectivity -> 5 companies, 6 supplies
 *   relations supplier -> the component itself (item the component).  12 entities, 12
 *   relations.  Ids are scoped by the serialNumber urn:uuid:e8c355aa-2142-4084-a8c7-6d42c8610ba2.
 * cyclonedx/spec-valid-compositions-1.6.json: app -> shaded library and -> acme library
 *   (dependencies), shaded -> oss library (nesting): 3 contains.  Compositions: complete names
 *   the shaded library (assembly) and the app (dependencies) -> complete; unknown names the acme
 *   library -> complete set, false; the oss library is in none -> no flag.  4 entities.
 * spdx/SPDXJSONExample-v2.3.spdx.json: 4 packages and 5 files; documentDescribes names
 *   SPDXRef-File and SPDXRef-Package -> 2 products, 7 components.  glibc (SPDXRef-Package):
 *   supplier "Person: Jane Doe (...)" -> person, originator "Organization: ExampleCodeInspect
 *   (...)" -> company.  Relationships: SPDXRef-JenaLib CONTAINS SPDXRef-Package and
 *   SPDXRef-Package DYNAMIC_LINK SPDXRef-Saxon are part relations between elements (DOCUMENT
 *   CONTAINS is the document's) -> 2 contains; made_by glibc -> ExampleCodeInspect; supplies
 *   Jane Doe -> glibc itself, item glibc.  11 entities, 4 relations.  Ids are scoped by the
 *   documentNamespace.
 * ftm/zala-entities.ftm.json: 11 Company + 6 Person -> 17 entities, all country ru -> RU.
 *   14 Ownership records: 11 have an endDate, kept with it; as of 2024-06-01 in force are
 *   NK-nR5AXM9AVPq4pQaSPSaVam -> NK-abdzbEBkqyT29GyREbiURZ twice (no percentage; 49 since
 *   2016-03-29: one holding restated, read as 49), NK-aU5ybkbRFJucf8YMwsJvDw -> NK-abdz... 51
 *   since 2015-11-25 (51 + 49 = 100), and NK-aU5... -> NK-cPks3aTbes8k4aCerfBAzN (2024-03-22 to
 *   2024-06-24, no percentage): 3 owns, 1 ftm_ownership_restated warning.
 *   As of 2019-01-01 NK-aU5... -> ru-inn-5920040846 100% (2013-06-06 to 2019-08-02) is in
 *   force; NK-aU5... -> NK-abdz... is stated as 51, 50 (to 2023-03-02) and 48 (to 2023-12-21),
 *   all in force: one holding of 48-51 (a warning), not 149.
 *   3 Directorship records -> 3 director_of with their role (not controls).  Topics: 13
 *   sanction, 1 sanction.linked, 9 debarment, 4 export.control; 41 Sanction records, one
 *   (364/2023, NSDC) from 2023-07-01 to 2033-07-01.  Schemas not read: 11 Address, 4 Family,
 *   1 Passport.  No gov.soe topic.
 */
#include <math.h>
#include <sys/stat.h>

#include "test_util.h"

static int fails;
#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            printf("FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond);                                                   \
            fails++;                                                                                                   \
        }                                                                                                              \
    } while (0)

static char dir[1024];
static const char *as_of; /* the date the next load is judged on; NULL: no date filter */

static kt_graph *load(const char *rel, size_t *warnings)
{
    char path[1300];
    kt_graph *g = kt_graph_new();
    kt_graph_set_as_of(g, as_of);
    kt_diags *d = kt_diags_new();
    kt_errinfo ei;
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    if (kt_load_file(g, path, KT_FMT_AUTO, d, &ei) != KT_OK || kt_graph_build(g, d) != KT_OK ||
        kt_diags_has_errors(d)) {
        printf("FAILED to load %s\n", rel);
        for (size_t i = 0; i < kt_diags_count(d); i++)
            printf("  %ld %s %s\n", kt_diags_get(d, i)->line, kt_diags_get(d, i)->code, kt_diags_get(d, i)->msg);
        exit(1);
    }
    if (kt_graph_check(g, stdout) != 0)
        exit(1);
    if (warnings)
        *warnings = kt_diags_warnings(d);
    kt_diags_free(d);
    return g;
}

/* The relation of type t from -> to (the n-th such, from 0), or -1. */
static igraph_integer_t rel(const kt_graph *g, kt_rtype t, const char *from, const char *to, int n)
{
    igraph_integer_t a = kt_graph_find(g, from), b = kt_graph_find(g, to);
    const igraph_integer_t *e;
    if (a < 0 || b < 0)
        return -1;
    igraph_integer_t k = kt_graph_out(g, a, &e);
    for (igraph_integer_t i = 0; i < k; i++)
        if (kt_graph_rel_to(g, e[i]) == b && kt_graph_rel_type(g, e[i]) == t && n-- == 0)
            return e[i];
    return -1;
}

/* Is there a relation of type t from -> to whose item is item (NULL: any) and whose share is
 * [lo, hi] (NaN: unknown; lo < 0: any)?  Parallel relations come in no promised order. */
static int has_rel(const kt_graph *g, kt_rtype t, const char *from, const char *to, const char *item, double lo,
                   double hi);

static int share_is(const kt_graph *g, igraph_integer_t e, double lo, double hi)
{
    if (e < 0)
        return 0;
    kt_ival s = kt_graph_rel_share(g, e);
    if (isnan(lo))
        return kt_ival_is_unknown(s);
    return s.min == lo && s.max == hi;
}

static int has_rel(const kt_graph *g, kt_rtype t, const char *from, const char *to, const char *item, double lo,
                   double hi)
{
    igraph_integer_t e;
    for (int n = 0; (e = rel(g, t, from, to, n)) >= 0; n++) {
        if (item && kt_graph_rel_item(g, e) != kt_graph_find(g, item))
            continue;
        if (lo < 0 || share_is(g, e, lo, hi))
            return 1;
    }
    return 0;
}

static size_t count_type(const kt_graph *g, kt_etype t)
{
    size_t n = 0;
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++)
        n += kt_graph_entity_type(g, v) == t;
    return n;
}

static size_t count_rel(const kt_graph *g, kt_rtype t)
{
    size_t n = 0;
    for (igraph_integer_t e = 0; e < kt_graph_edge_count(g); e++)
        n += kt_graph_rel_type(g, e) == t;
    return n;
}

static void bods(void)
{
    kt_graph *g = load("bods/indirect-ownership.json", NULL);
    igraph_integer_t e;
    CHECK(kt_graph_vertex_count(g) == 3 && kt_graph_edge_count(g) == 3);
    e = rel(g, KT_REL_OWNS, "bods:d4ab89ea169a", "bods:ad3f6c2fcc9e", 0);
    CHECK(share_is(g, e, 60, 60) && !(kt_graph_rel_flags(g, e) & KT_RF_DECLARED));
    e = rel(g, KT_REL_OWNS, "bods:c25d4d612c2c", "bods:ad3f6c2fcc9e", 0);
    CHECK(share_is(g, e, 30, 30) && (kt_graph_rel_flags(g, e) & KT_RF_DECLARED));
    CHECK(e >= 0 && strcmp(kt_graph_rel_source(g, e), "cdb6acc7-426e-4a7a-9410-895d556fd329") == 0);
    e = rel(g, KT_REL_OWNS, "bods:c25d4d612c2c", "bods:d4ab89ea169a", 0);
    CHECK(share_is(g, e, NAN, NAN) && !(kt_graph_rel_flags(g, e) & KT_RF_DECLARED));
    CHECK(strcmp(kt_graph_entity_country(g, V(g, "bods:c25d4d612c2c")), "GB") == 0);
    CHECK(kt_graph_entity_type(g, V(g, "bods:c25d4d612c2c")) == KT_ENT_PERSON);
    CHECK(strcmp(kt_graph_entity_name(g, V(g, "bods:ad3f6c2fcc9e")), "Company A") == 0);
    kt_graph_free(g);

    g = load("bods/bods-0.3-os-03-dr-04.json", NULL);
    CHECK(kt_graph_vertex_count(g) == 3 && kt_graph_edge_count(g) == 3);
    e = rel(g, KT_REL_OWNS, "bods:e2bbe3ce-f5b4-42d0-bb68-9b405e8fd6a0", "bods:8729fec1-eb01-4866-ba40-dd5525d43db8", 0);
    CHECK(share_is(g, e, 60, 60) && !(kt_graph_rel_flags(g, e) & KT_RF_DECLARED));
    e = rel(g, KT_REL_OWNS, "bods:6b9cfb52-505a-49cb-ab02-cc856a4e5c66", "bods:8729fec1-eb01-4866-ba40-dd5525d43db8", 0);
    CHECK(share_is(g, e, 30, 30) && (kt_graph_rel_flags(g, e) & KT_RF_DECLARED));
    kt_graph_free(g);

    g = load("bods/bods-package.json", NULL);
    CHECK(kt_graph_vertex_count(g) == 2 && kt_graph_edge_count(g) == 1);
    CHECK(share_is(g, rel(g, KT_REL_OWNS, "bods:10478c6cf6de", "bods:c359f58d2977", 0), 100, 100));
    CHECK(strcmp(kt_graph_entity_country(g, V(g, "bods:10478c6cf6de")), "GB") == 0);
    kt_graph_free(g);

    g = load("bods/bods-package-entity-owning-entity.json", NULL);
    e = rel(g, KT_REL_OWNS, "bods:e83cce729ada", "bods:12b7dd0770ce", 0);
    CHECK(share_is(g, e, 75, 100));
    CHECK(e >= 0 && (kt_graph_rel_flags(g, e) & (KT_RF_SHARE_EXCL_MIN | KT_RF_SHARE_EXCL_MAX)) == KT_RF_SHARE_EXCL_MAX);
    kt_graph_free(g);

    g = load("bods/joint-ownership.json", NULL);
    CHECK(kt_graph_vertex_count(g) == 4 && kt_graph_edge_count(g) == 3);
    CHECK(share_is(g, rel(g, KT_REL_OWNS, "bods:91b4236a7d89", "bods:31c55e425764", 0), 100, 100));
    CHECK(share_is(g, rel(g, KT_REL_OWNS, "bods:1accb8b18b99", "bods:91b4236a7d89", 0), 50, 50));
    CHECK(share_is(g, rel(g, KT_REL_OWNS, "bods:f040df24d9ec", "bods:91b4236a7d89", 0), 50, 50));
    CHECK(kt_graph_entity_tag_count(g, V(g, "bods:91b4236a7d89")) == 1 &&
          strcmp(kt_graph_entity_tag(g, V(g, "bods:91b4236a7d89"), 0), "arrangement") == 0);
    CHECK(strcmp(kt_graph_entity_country(g, V(g, "bods:31c55e425764")), "GB") == 0);
    kt_graph_free(g);

    g = load("bods/multiple-indirect-ownership.json", NULL);
    CHECK(kt_graph_vertex_count(g) == 4 && kt_graph_edge_count(g) == 5);
    CHECK(share_is(g, rel(g, KT_REL_OWNS, "bods:d177864a8b39", "bods:63e3a8a8946f", 0), 50, 50));
    CHECK(share_is(g, rel(g, KT_REL_OWNS, "bods:05fbbfb94b79", "bods:63e3a8a8946f", 0), 50, 50));
    CHECK(share_is(g, rel(g, KT_REL_OWNS, "bods:92ebf964a1f6", "bods:d177864a8b39", 0), NAN, NAN));
    e = rel(g, KT_REL_OWNS, "bods:92ebf964a1f6", "bods:63e3a8a8946f", 0);
    CHECK(share_is(g, e, 60, 60) && (kt_graph_rel_flags(g, e) & KT_RF_DECLARED));
    kt_graph_free(g);
    printf("bods: ok\n");
}

static void cyclonedx(void)
{
    kt_graph *g = load("cyclonedx/hbom-pcie-sata-adapter-board.cdx-1.4.json", NULL);
#define HB "urn:uuid:e8c355aa-2142-4084-a8c7-6d42c8610ba2"
    const char *b = HB "#pcie-sata-adaptor-board";
    char id[200], org[200];
    static const char *parts[6] = {"PCIE-098-02-F-D-EMS2", "molex-47155-4001", "3M-5622-4100-ML",
                                   "MC9A22-1034", "826632-3", "MP000003"};
    static const double qty[6] = {1, 8, 1, 1, 2, 2};
    static const char *sup[6] = {"Samtec", "Molex", "3M", "Multicomp", "TE Connectivity", "Multicomp"};
    CHECK(kt_graph_vertex_count(g) == 12 && kt_graph_edge_count(g) == 12);
    CHECK(count_type(g, KT_ENT_PRODUCT) == 1 && count_type(g, KT_ENT_COMPONENT) == 6 &&
          count_type(g, KT_ENT_COMPANY) == 5);
    CHECK(kt_graph_entity_type(g, V(g, b)) == KT_ENT_PRODUCT);
    CHECK(strcmp(kt_graph_entity_name(g, V(g, b)), "pcie-sata-adaptor-board rev-1") == 0);
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, HB "#%s", parts[i]);
        snprintf(org, sizeof org, HB "#org:%s", sup[i]);
        igraph_integer_t e = rel(g, KT_REL_CONTAINS, b, id, 0);
        CHECK(e >= 0 && kt_graph_rel_qty(g, e) == qty[i]);
        CHECK(has_rel(g, KT_REL_SUPPLIES, org, id, id, -1, -1));
    }
    kt_graph_free(g);

    g = load("cyclonedx/spec-valid-compositions-1.6.json", NULL);
#define SC "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79"
    const char *app = SC "#acme-application-1.0";
    const char *sh = SC "#pkg:maven/partner/shaded-library@1.0";
    const char *oss = SC "#pkg:maven/ossproject/library@2.0";
    const char *acme = SC "#pkg:maven/acme/library@3.0";
    CHECK(kt_graph_vertex_count(g) == 4 && kt_graph_edge_count(g) == 3);
    CHECK(rel(g, KT_REL_CONTAINS, app, sh, 0) >= 0 && rel(g, KT_REL_CONTAINS, app, acme, 0) >= 0 &&
          rel(g, KT_REL_CONTAINS, sh, oss, 0) >= 0);
    CHECK(kt_graph_entity_flags(g, V(g, sh)) == (KT_EF_COMPLETE | KT_EF_COMPLETE_SET));
    CHECK(kt_graph_entity_flags(g, V(g, app)) == (KT_EF_COMPLETE | KT_EF_COMPLETE_SET));
    CHECK(kt_graph_entity_flags(g, V(g, acme)) == KT_EF_COMPLETE_SET);
    CHECK(kt_graph_entity_flags(g, V(g, oss)) == 0);
    CHECK(kt_graph_entity_ident_count(g, V(g, sh)) == 1);
    kt_graph_free(g);
    printf("cyclonedx: ok\n");
}

static void spdx(void)
{
    kt_graph *g = load("spdx/SPDXJSONExample-v2.3.spdx.json", NULL);
#define NS "http://spdx.org/spdxdocs/spdx-example-444504E0-4F89-41D3-9A0C-0305E82C3301"
    const char *p = NS "#SPDXRef-Package";
    const char *jena = NS "#SPDXRef-JenaLib";
    const char *saxon = NS "#SPDXRef-Saxon";
    const char *org = NS "#org:ExampleCodeInspect";
    const char *jane = NS "#person:Jane Doe";
    CHECK(kt_graph_vertex_count(g) == 11 && kt_graph_edge_count(g) == 4);
    CHECK(count_type(g, KT_ENT_PRODUCT) == 2 && count_type(g, KT_ENT_COMPONENT) == 7);
    CHECK(kt_graph_entity_type(g, V(g, jane)) == KT_ENT_PERSON && kt_graph_entity_type(g, V(g, org)) == KT_ENT_COMPANY);
    CHECK(rel(g, KT_REL_CONTAINS, jena, p, 0) >= 0);
    CHECK(strcmp(kt_graph_rel_source(g, rel(g, KT_REL_CONTAINS, p, saxon, 0)), "DYNAMIC_LINK") == 0);
    CHECK(rel(g, KT_REL_MADE_BY, p, org, 0) >= 0);
    igraph_integer_t e = rel(g, KT_REL_SUPPLIES, jane, p, 0);
    CHECK(e >= 0 && kt_graph_rel_item(g, e) == V(g, p));
    kt_graph_free(g);
    printf("spdx: ok\n");
}

static void ftm(void)
{
    size_t w;
    as_of = "2024-06-01";
    kt_graph *g = load("ftm/zala-entities.ftm.json", &w);
    as_of = NULL;
    const char *a = "ftm:NK-abdzbEBkqyT29GyREbiURZ";
    CHECK(kt_graph_vertex_count(g) == 17 && count_type(g, KT_ENT_COMPANY) == 11 && count_type(g, KT_ENT_PERSON) == 6);
    CHECK(count_rel(g, KT_REL_OWNS) == 3 && count_rel(g, KT_REL_CONTROLS) == 0 &&
          count_rel(g, KT_REL_DIRECTOR_OF) == 3);
    igraph_integer_t e = rel(g, KT_REL_OWNS, "ftm:NK-aU5ybkbRFJucf8YMwsJvDw", a, 0);
    CHECK(share_is(g, e, 51, 51) && strcmp(kt_graph_rel_since(g, e), "2015-11-25") == 0);
    CHECK(has_rel(g, KT_REL_OWNS, "ftm:NK-nR5AXM9AVPq4pQaSPSaVam", a, NULL, 49, 49));
    CHECK(rel(g, KT_REL_OWNS, "ftm:NK-nR5AXM9AVPq4pQaSPSaVam", a, 1) < 0);
    e = rel(g, KT_REL_OWNS, "ftm:NK-aU5ybkbRFJucf8YMwsJvDw", "ftm:NK-cPks3aTbes8k4aCerfBAzN", 0);
    CHECK(e >= 0 && strcmp(kt_graph_rel_until(g, e), "2024-06-24") == 0);
    e = rel(g, KT_REL_DIRECTOR_OF, "ftm:NK-mCEmxFfuhfdjpC8gsxH74o", a, 0);
    CHECK(e >= 0 && strcmp(kt_graph_rel_role(g, e), "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР") == 0);
    /* names come from the caption */
    CHECK(strcmp(kt_graph_entity_name(g, kt_graph_find(g, "ftm:NK-nR5AXM9AVPq4pQaSPSaVam")),
                 "JSC Kalashnikov Concern") == 0);
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++) {
        CHECK(strcmp(kt_graph_entity_country(g, v), "RU") == 0);
        CHECK(!(kt_graph_entity_flags(g, v) & KT_EF_STATE_OWNED));
    }
    size_t nk[KT_MARK__COUNT] = {0};
    int nsdc = 0;
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++)
        for (size_t i = 0; i < kt_graph_mark_count(g, v); i++) {
            kt_mark m;
            kt_graph_mark_get(g, v, i, &m);
            nk[m.kind]++;
            if (m.programme && strcmp(m.programme, "364/2023") == 0) {
                nsdc++;
                CHECK(strcmp(m.authority, "National Security and Defense Council") == 0);
                CHECK(strcmp(m.since, "2023-07-01") == 0 && strcmp(m.until, "2033-07-01") == 0);
                CHECK(kt_mark_active(&m, "2024-06-01") && !kt_mark_active(&m, "2023-06-30"));
            }
        }
    CHECK(nk[KT_MARK_SANCTION] == 13 + 41 && nk[KT_MARK_SANCTION_LINKED] == 1 && nk[KT_MARK_DEBARMENT] == 9 &&
          nk[KT_MARK_EXPORT_CONTROL] == 4 && nsdc == 1);
    kt_graph_free(g);

    as_of = "2019-01-01";
    g = load("ftm/zala-entities.ftm.json", &w);
    as_of = NULL;
    e = rel(g, KT_REL_OWNS, "ftm:NK-aU5ybkbRFJucf8YMwsJvDw", "ftm:ru-inn-5920040846", 0);
    CHECK(share_is(g, e, 100, 100) && strcmp(kt_graph_rel_until(g, e), "2019-08-02") == 0);
    CHECK(has_rel(g, KT_REL_OWNS, "ftm:NK-aU5ybkbRFJucf8YMwsJvDw", a, NULL, 48, 51));
    CHECK(rel(g, KT_REL_OWNS, "ftm:NK-aU5ybkbRFJucf8YMwsJvDw", a, 1) < 0);
    kt_graph_free(g);
    printf("ftm: ok\n");
}

int main(void)
{
    const char *shared = getenv("KETEN_SHARED");
    struct stat st;
    kt_graph_init_library();
    snprintf(dir, sizeof dir, "%s/data", shared ? shared : "../../../shared");
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("conformance: skipped (no shared data at %s)\n", dir);
        return 77;
    }
    bods();
    cyclonedx();
    spdx();
    ftm();
    return fails ? 1 : 0;
}
