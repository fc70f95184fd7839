/* loaders.c: each real-data loader's edge cases, on small fixtures.
 *
 * Cases and their hand-worked expectations:
 * 1. BODS 0.4 updates: record e1 is stated twice, "Old Name" on 2020-01-01 and "New Name" on
 *    2021-01-01: the later wins.  Record e2 ends "closed": gone, with the relationship r2 that
 *    named it closed too.  r1: p1 holds shareholding exclusiveMinimum 25, maximum 50 and
 *    votingRights exact 60 -> one owns p1 -> e1, share [25, 50] with EXCL_MIN (flag 16), votes
 *    [60, 60] (VOTES_GIVEN, flag 8): flags 24.  r3: appointmentOfBoard -> controls board.
 *    r4: unspecified interested party (reason "subjectUnableToConfirmOrIdentify") -> an
 *    entity "bods:unknown:s7" of type unknown, owning e1; its shareholding gives minimum 10
 *    only -> [10, 100].  Lines: r1 is on line 5, r3 on 7, r4 on 8 (one statement a line).  Entity e3 entityType stateBody, jurisdiction
 *    "FR" -> state, country FR.
 * 2. CycloneDX: (nested components take their top-level component's line, 5) product cam (metadata), lens nested in board: cam contains board (top level,
 *    no dependencies list), board contains lens (qty 2).  lens: manufacturer "Lens Works",
 *    address.country "Japan" -> JP -> made_by; supplier "Dist BV", country "NLD" -> NL ->
 *    supplies dist -> lens itself, item lens.  board: property countryOfOrigin "Taiwan" -> TW;
 *    supplier "Nowhere Ltd" with country "Atlantis" -> warning cdx_country_unrecognised, no
 *    country; it supplies board itself (item board).
 *    metadata.manufacture "Cam Co" (country "DE") -> made_by cam -> Cam Co.
 * 3. SPDX: app DEPENDS_ON lib, lib2 DEPENDENCY_OF app -> contains app -> lib, app -> lib2;
 *    lib originator "Organization: Maker (m@x)" -> made_by lib -> org:Maker; supplier
 *    "Organization: Dist" -> supplies org:Dist -> lib itself, item lib.
 * 4. GLEIF: level 1 gives names and countries of two LEIs; level 2 child IS_DIRECTLY_CONSOLIDATED_BY
 *    parent -> controls parent -> child basis consolidation; IS_ULTIMATELY_CONSOLIDATED_BY
 *    top -> controls top -> child, declared (flag 4); an INACTIVE one is left out.  Loaded
 *    together, "lei:" ids merge level 1 names into level 2 nodes: 3 entities, 2 relations.
 * 5. FollowTheMoney: Company c1 (topic gov.soe -> state_owned, flags 3; country "cn" -> CN),
 *    Person p (nationality "de" -> DE); Ownership p -> c1 "25.5" -> [25.5, 25.5] since
 *    2020-02; Ownership p -> x9 (not in the file) -> placeholder "ftm:x9" of type unknown.
 * 6. CSV: entities (identifiers.lei column, tags "a;b") and relations ("10-20" -> [10, 20],
 *    quoted name with a comma and an escaped quote).
 */
#include <math.h>

#include "test_util.h"
#include "../../loaders/load_i.h"

static void print_graph(const kt_graph *g)
{
    for (igraph_integer_t v = 0; v < kt_graph_vertex_count(g); v++)
        printf("  %s %s \"%s\" %s flags %u\n", kt_graph_entity_id(g, v), kt_etype_name(kt_graph_entity_type(g, v)),
               kt_graph_entity_name(g, v), kt_graph_entity_country(g, v)[0] ? kt_graph_entity_country(g, v) : "-",
               kt_graph_entity_flags(g, v));
    for (igraph_integer_t e = 0; e < kt_graph_edge_count(g); e++) {
        kt_ival s = kt_graph_rel_share(g, e), vo = kt_graph_rel_votes(g, e);
        printf("  %s %s -> %s", kt_rtype_name(kt_graph_rel_type(g, e)), kt_graph_entity_id(g, kt_graph_rel_from(g, e)),
               kt_graph_entity_id(g, kt_graph_rel_to(g, e)));
        if (!kt_ival_is_unknown(s))
            printf(" share [%g, %g]", s.min, s.max);
        if (!kt_ival_is_unknown(vo) && (kt_graph_rel_flags(g, e) & KT_RF_VOTES_GIVEN))
            printf(" votes [%g, %g]", vo.min, vo.max);
        if (kt_graph_rel_basis(g, e))
            printf(" basis %s", kt_basis_name(kt_graph_rel_basis(g, e)));
        if (kt_graph_rel_item(g, e) >= 0)
            printf(" item %s", kt_graph_entity_id(g, kt_graph_rel_item(g, e)));
        if (!isnan(kt_graph_rel_qty(g, e)))
            printf(" qty %g", kt_graph_rel_qty(g, e));
        if (kt_graph_rel_since(g, e))
            printf(" since %s", kt_graph_rel_since(g, e));
        printf(" flags %u line %ld\n", kt_graph_rel_flags(g, e), kt_graph_rel_line(g, e));
    }
}

static void run(const char *title, const char *const *names, const char *const *texts, kt_format fmt)
{
    kt_graph *g = kt_graph_new();
    kt_diags *d = kt_diags_new();
    kt_errinfo ei;
    printf("%s\n", title);
    for (int i = 0; names[i]; i++)
        if (kt_load_buffer(g, names[i], texts[i], strlen(texts[i]), fmt, d, &ei) != KT_OK) {
            printf("load failed: %s\n", ei.msg);
            exit(1);
        }
    kt_graph_build(g, d);
    kt_diags_sort(d);
    for (size_t i = 0; i < kt_diags_count(d); i++) {
        const kt_diag *x = kt_diags_get(d, i);
        if (strcmp(x->code, "item_no_origin") && strcmp(x->code, "entity_isolated"))
            printf("  %s:%ld: %s\n", kt_graph_file_name(g, x->file), x->line, x->code);
    }
    if (!kt_diags_has_errors(d)) {
        if (kt_graph_check(g, stdout) != 0)
            exit(1);
        print_graph(g);
    }
    kt_diags_free(d);
    kt_graph_free(g);
}

static const char bods[] =
    "{\"statementId\":\"s1\",\"statementDate\":\"2020-01-01\",\"recordId\":\"e1\",\"recordType\":\"entity\","
    "\"recordDetails\":{\"entityType\":{\"type\":\"registeredEntity\"},\"name\":\"Old Name\"}}\n"
    "{\"statementId\":\"s2\",\"statementDate\":\"2021-01-01\",\"recordId\":\"e1\",\"recordType\":\"entity\","
    "\"recordDetails\":{\"entityType\":{\"type\":\"registeredEntity\"},\"name\":\"New Name\"}}\n"
    "{\"statementId\":\"s3\",\"recordId\":\"e2\",\"recordType\":\"entity\",\"recordStatus\":\"closed\","
    "\"recordDetails\":{\"entityType\":{\"type\":\"registeredEntity\"},\"name\":\"Gone\"}}\n"
    "{\"statementId\":\"s4\",\"recordId\":\"p1\",\"recordType\":\"person\","
    "\"recordDetails\":{\"personType\":\"knownPerson\",\"names\":[{\"fullName\":\"P One\"}]}}\n"
    "{\"statementId\":\"s5\",\"recordId\":\"r1\",\"recordType\":\"relationship\",\"recordDetails\":{"
    "\"isComponent\":false,\"subject\":\"e1\",\"interestedParty\":\"p1\",\"interests\":["
    "{\"type\":\"shareholding\",\"share\":{\"exclusiveMinimum\":25,\"maximum\":50}},"
    "{\"type\":\"votingRights\",\"share\":{\"exact\":60}}]}}\n"
    "{\"statementId\":\"s6\",\"recordId\":\"r2\",\"recordType\":\"relationship\",\"recordStatus\":\"closed\","
    "\"recordDetails\":{\"subject\":\"e2\",\"interestedParty\":\"p1\",\"interests\":[]}}\n"
    "{\"statementId\":\"s8\",\"recordId\":\"r3\",\"recordType\":\"relationship\",\"recordDetails\":{"
    "\"subject\":\"e1\",\"interestedParty\":\"e3\",\"interests\":[{\"type\":\"appointmentOfBoard\"}]}}\n"
    "{\"statementId\":\"s7\",\"recordId\":\"r4\",\"recordType\":\"relationship\",\"recordDetails\":{"
    "\"subject\":\"e1\",\"interestedParty\":{\"reason\":\"subjectUnableToConfirmOrIdentify\"},"
    "\"interests\":[{\"type\":\"shareholding\",\"share\":{\"minimum\":10}}]}}\n"
    "{\"statementId\":\"s9\",\"recordId\":\"e3\",\"recordType\":\"entity\",\"recordDetails\":{"
    "\"entityType\":{\"type\":\"stateBody\"},\"name\":\"Ministry\",\"jurisdiction\":{\"code\":\"FR\"}}}\n";

static const char cdx[] =
    "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\n"
    "\"metadata\":{\"component\":{\"bom-ref\":\"cam\",\"name\":\"Camera\"},\n"
    "  \"manufacture\":{\"name\":\"Cam Co\",\"address\":{\"country\":\"DE\"}}},\n"
    "\"components\":[\n"
    "  {\"bom-ref\":\"board\",\"name\":\"Board\",\"supplier\":{\"name\":\"Nowhere Ltd\",\"address\":{\"country\":\"Atlantis\"}},\n"
    "   \"properties\":[{\"name\":\"cdx:device:countryOfOrigin\",\"value\":\"Taiwan\"}],\n"
    "   \"components\":[{\"bom-ref\":\"lens\",\"name\":\"Lens\",\"manufacturer\":{\"name\":\"Lens Works\",\"address\":{\"country\":\"Japan\"}},\n"
    "     \"supplier\":{\"name\":\"Dist BV\",\"address\":{\"country\":\"NLD\"}},\n"
    "     \"properties\":[{\"name\":\"cdx:device:quantity\",\"value\":\"2\"}]}]}\n"
    "]}\n";

static const char spdx[] =
    "{\"spdxVersion\":\"SPDX-2.3\",\"documentDescribes\":[\"SPDXRef-app\"],\n"
    "\"packages\":[\n"
    "{\"SPDXID\":\"SPDXRef-app\",\"name\":\"app\"},\n"
    "{\"SPDXID\":\"SPDXRef-lib\",\"name\":\"lib\",\"versionInfo\":\"1.0\",\"originator\":\"Organization: Maker (m@x)\",\"supplier\":\"Organization: Dist\"},\n"
    "{\"SPDXID\":\"SPDXRef-lib2\",\"name\":\"lib2\",\"supplier\":\"NOASSERTION\"}],\n"
    "\"relationships\":[\n"
    "{\"spdxElementId\":\"SPDXRef-app\",\"relationshipType\":\"DEPENDS_ON\",\"relatedSpdxElement\":\"SPDXRef-lib\"},\n"
    "{\"spdxElementId\":\"SPDXRef-lib2\",\"relationshipType\":\"DEPENDENCY_OF\",\"relatedSpdxElement\":\"SPDXRef-app\"}]}\n";

static const char gl1[] = "LEI,Entity.LegalName,Entity.LegalAddress.Country\n"
                          "5493001KJTIIGC8Y1R12,Child Co,NL\n"
                          "529900T8BM49AURSDO55,\"Parent, Holding\",DE\n";
static const char gl2[] =
    "Relationship.StartNode.NodeID,Relationship.StartNode.NodeIDType,Relationship.EndNode.NodeID,"
    "Relationship.EndNode.NodeIDType,Relationship.RelationshipType,Relationship.RelationshipStatus\n"
    "5493001KJTIIGC8Y1R12,LEI,529900T8BM49AURSDO55,LEI,IS_DIRECTLY_CONSOLIDATED_BY,ACTIVE\n"
    "5493001KJTIIGC8Y1R12,LEI,213800ABCDEFGHIJKL12,LEI,IS_ULTIMATELY_CONSOLIDATED_BY,ACTIVE\n"
    "5493001KJTIIGC8Y1R12,LEI,213800ABCDEFGHIJKL99,LEI,IS_DIRECTLY_CONSOLIDATED_BY,INACTIVE\n";

static const char ftm[] =
    "{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Soe Co\"],\"country\":[\"cn\"],\"topics\":[\"gov.soe\"]}}\n"
    "{\"id\":\"p\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Per Son\"],\"nationality\":[\"de\"]}}\n"
    "{\"id\":\"o1\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"p\"],\"asset\":[\"c1\"],\"percentage\":[\"25.5\"],\"startDate\":[\"2020-02\"]}}\n"
    "{\"id\":\"o2\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"p\"],\"asset\":[\"x9\"]}}\n";

static const char csv_e[] = "id,type,name,country,identifiers.lei,tags\n"
                            "a,company,\"A, \"\"the\"\" firm\",NL,5493001KJTIIGC8Y1R12,x;y\n"
                            "b,company,B,,,\n";
static const char csv_r[] = "rel,from,to,share\n"
                            "owns,a,b,10-20\n";

/* cJSON returns NULL for malformed text and when memory runs out: the reader tells them apart.
 * With an allocator that always fails (and says so, as native.c's arena does), good text gives
 * NULL with c.oom set and no diagnostic; with keten's allocator, malformed text gives a
 * json_malformed diagnostic and c.oom unset. */
static void *no_memory(size_t n)
{
    (void)n;
    kt_load_i_json_note_oom();
    return NULL;
}

static void json_oom(void)
{
    kt_diags *d = kt_diags_new();
    kt_load_ctx c = {NULL, d, 0, "x.json", 1, 0};
    cJSON_Hooks h = {no_memory, free};
    printf("7. out of memory is not malformed JSON\n");
    cJSON_InitHooks(&h);
    cJSON *j = kt_load_i_json_parse(&c, "{\"a\": [1, 2]}", 13, 1);
    printf("  no memory: %s, oom %d, diagnostics %zu\n", j ? "parsed" : "NULL", c.oom, kt_diags_count(d));
    kt_load_i_json_hooks();
    c.oom = 0;
    j = kt_load_i_json_parse(&c, "{\"a\": [1, }", 11, 1);
    printf("  malformed: %s, oom %d, diagnostic %s\n", j ? "parsed" : "NULL", c.oom,
           kt_diags_count(d) ? kt_diags_get(d, 0)->code : "none");
    cJSON_Delete(j);
    cJSON_InitHooks(NULL);
    kt_diags_free(d);
}

int main(void)
{
    kt_graph_init_library();
    run("1. bods", (const char *const[]){"b.jsonl", NULL}, (const char *const[]){bods}, KT_FMT_AUTO);
    run("2. cyclonedx", (const char *const[]){"c.json", NULL}, (const char *const[]){cdx}, KT_FMT_AUTO);
    run("3. spdx", (const char *const[]){"s.json", NULL}, (const char *const[]){spdx}, KT_FMT_AUTO);
    run("4. gleif", (const char *const[]){"l1.csv", "l2.csv", NULL}, (const char *const[]){gl1, gl2}, KT_FMT_AUTO);
    run("5. ftm", (const char *const[]){"f.jsonl", NULL}, (const char *const[]){ftm}, KT_FMT_AUTO);
    run("6. csv", (const char *const[]){"e.csv", "r.csv", NULL}, (const char *const[]){csv_e, csv_r}, KT_FMT_AUTO);
    json_oom();
    return 0;
}
