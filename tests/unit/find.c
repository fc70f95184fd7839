/* find.c: folding, edit distance, nearest names and kt_find (analyses/find.c).
 *
 * Worked by hand:
 * - folding: "Škoda" -> "skoda" (Š = S + caron, caron dropped, lower case); "Straße" ->
 *   "strasse" (ß folds to ss); "e" + U+0301 (decomposed é) -> "e"; Greek "ΑΘΗΝΑ" -> "αθηνα";
 *   Cyrillic "МОСКВА" -> "москва"; "Ёлка" -> "елка" (Ё = Е + diaeresis); full-width "ＡＢＣ"
 *   -> "abc"; Chinese "华为" unchanged; an invalid byte 0xFF is kept.
 * - distance: kitten -> sitting 3 (k->s, e->i, +g); flaw -> lawn 2 (-f, +n); "" -> "abc" 3;
 *   with max 2, kitten -> sitting reports 3 (= max + 1).
 * - nearest among {check, screen, owners, owned}: "scren" -> screen (1 insertion);
 *   "ownd" -> owned (1 insertion; owners is 2 away); "x" -> none (1 byte: no suggestion);
 *   "zzzzzz" -> none (distance 6 > 2).
 * - kt_find over six entities: "acme" equals the id "acme" (rank 0), the id "acme-bv" and
 *   name "ACME Holding" contain it (rank 2): acme, then acme-bv, acme-h by id.
 *   "529900T8BM49AURSDO55" equals an LEI of lei-co (rank 0, scheme lei).
 *   "škoda auto" equals the name "Škoda Auto" of skoda (rank 1) and is contained in the
 *   name "Skoda Auto Deutschland" of skoda-de (rank 2).  "华为" is in hw's name; "москва"
 *   matches "МОСКВА ЗАВОД".  "" matches nothing. */
#include "../../analyses/kt_find.h"
#include "test_util.h"

static const char data[] =
    "{\"keten\":\"1\"}\n"
    "{\"id\":\"acme\",\"type\":\"company\",\"name\":\"Acme\"}\n"
    "{\"id\":\"acme-bv\",\"type\":\"company\",\"name\":\"Something B.V.\"}\n"
    "{\"id\":\"acme-h\",\"type\":\"company\",\"name\":\"ACME Holding\"}\n"
    "{\"id\":\"lei-co\",\"type\":\"company\",\"name\":\"Lei Co\",\"identifiers\":{\"lei\":\"529900T8BM49AURSDO55\"}}\n"
    "{\"id\":\"skoda\",\"type\":\"company\",\"name\":\"\xc5\xa0koda Auto\",\"country\":\"CZ\"}\n"
    "{\"id\":\"skoda-de\",\"type\":\"company\",\"name\":\"Skoda Auto Deutschland\",\"country\":\"DE\"}\n"
    "{\"id\":\"hw\",\"type\":\"company\",\"name\":\"\xe5\x8d\x8e\xe4\xb8\xba Technologies\",\"country\":\"CN\"}\n"
    "{\"id\":\"mz\",\"type\":\"company\",\"name\":\"\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90 \xd0\x97\xd0\x90\xd0\x92\xd0\x9e\xd0\x94\"}\n"
    "{\"rel\":\"owns\",\"from\":\"acme\",\"to\":\"acme-bv\",\"share\":100}\n"
    "{\"rel\":\"owns\",\"from\":\"acme-h\",\"to\":\"acme\",\"share\":100}\n"
    "{\"rel\":\"owns\",\"from\":\"lei-co\",\"to\":\"acme-h\",\"share\":100}\n"
    "{\"rel\":\"owns\",\"from\":\"skoda\",\"to\":\"skoda-de\",\"share\":100}\n"
    "{\"rel\":\"owns\",\"from\":\"hw\",\"to\":\"mz\",\"share\":10}\n";

static void fold(const char *s)
{
    char buf[64];
    kt_find_fold(s, buf, sizeof buf);
    printf("  [");
    for (const unsigned char *p = (const unsigned char *)buf; *p; p++)
        printf(*p < 0x80 ? "%c" : "\\x%02x", *p);
    printf("]\n");
}

static void find(const kt_graph *g, const char *text)
{
    kt_find_result r;
    if (kt_find(g, text, &r) != KT_OK) {
        printf("kt_find failed\n");
        exit(1);
    }
    printf("  find [%s]: %zu\n", text, r.n);
    for (size_t i = 0; i < r.n; i++)
        printf("    %s rank %d%s%s\n", kt_graph_entity_id(g, r.hits[i].v), (int)r.hits[i].rank,
               r.hits[i].matched ? " by " : "", r.hits[i].matched ? r.hits[i].matched : "");
    kt_find_result_destroy(&r);
}

int main(void)
{
    static const char *const cmds[] = {"check", "screen", "owners", "owned"};
    printf("fold\n");
    fold("\xc5\xa0koda");
    fold("Stra\xc3\x9f" "e");
    fold("e\xcc\x81");
    fold("\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91");
    fold("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90");
    fold("\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0");
    fold("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3");
    fold("\xe5\x8d\x8e\xe4\xb8\xba");
    fold("a\xff" "b");
    printf("distance\n");
    printf("  %zu %zu %zu %zu\n", kt_find_distance("kitten", "sitting", 10), kt_find_distance("flaw", "lawn", 10),
           kt_find_distance("", "abc", 10), kt_find_distance("kitten", "sitting", 2));
    printf("nearest\n");
    printf("  %ld %ld %ld %ld\n", kt_find_nearest("scren", cmds, 4), kt_find_nearest("ownd", cmds, 4),
           kt_find_nearest("x", cmds, 4), kt_find_nearest("zzzzzz", cmds, 4));
    kt_graph *g = test_load("find.jsonl", data, 1);
    if (!g)
        return 1;
    printf("kt_find\n");
    find(g, "acme");
    find(g, "529900T8BM49AURSDO55");
    find(g, "\xc5\xa1koda auto");
    find(g, "\xe5\x8d\x8e\xe4\xb8\xba");
    find(g, "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
    find(g, "");
    printf("nearest id\n");
    igraph_integer_t v = kt_find_nearest_id(g, "skoda-d");
    printf("  %s\n", v >= 0 ? kt_graph_entity_id(g, v) : "none");
    v = kt_find_nearest_id(g, "qqqqqqqq");
    printf("  %s\n", v >= 0 ? kt_graph_entity_id(g, v) : "none");
    kt_graph_free(g);
    return 0;
}
