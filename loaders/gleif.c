/* gleif.c: GLEIF golden-copy CSV: level 1 LEI records and level 2 relationship records.
 *
 * The header row says which: "LEI" and "Entity.LegalName" (level 1), or
 * "Relationship.StartNode.NodeID" (level 2).  Columns are found by name, so the many other
 * golden-copy columns may be present or not.
 * Mapping (docs/loaders.md has the table):
 *   level 1 row        -> company "lei:" + LEI, identifier ("lei", LEI), Entity.LegalName,
 *                         country Entity.LegalAddress.Country (else the headquarters country)
 *   level 2 row        -> StartNode is the child, EndNode the parent:
 *     IS_DIRECTLY_CONSOLIDATED_BY   -> controls parent -> child, basis consolidation
 *     IS_ULTIMATELY_CONSOLIDATED_BY -> the same, flagged declared (a summary of the chain)
 *     other types (IS_INTERNATIONAL_BRANCH_OF, ...) -> left out, warning gleif_rel_type
 *     RelationshipStatus INACTIVE   -> left out (ended)
 *   both ends of a relationship are declared as companies "lei:" + LEI, so level 2 loads
 *   alone; the level 1 file fills in names and countries (same id, same identifier).
 * An LEI must be 20 letters and digits (ISO 17442), else gleif_lei_invalid (error).
 * Complexity: O(input size); streams row by row. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

enum { C_LEI, C_NAME, C_LCTY, C_HCTY, C_START, C_START_T, C_END, C_END_T, C_TYPE, C_STATUS, C__N };
static const char *colnames[C__N] = {"LEI",
                                     "Entity.LegalName",
                                     "Entity.LegalAddress.Country",
                                     "Entity.HeadquartersAddress.Country",
                                     "Relationship.StartNode.NodeID",
                                     "Relationship.StartNode.NodeIDType",
                                     "Relationship.EndNode.NodeID",
                                     "Relationship.EndNode.NodeIDType",
                                     "Relationship.RelationshipType",
                                     "Relationship.RelationshipStatus"};

static int lei_ok(const char *s)
{
    size_t n = strlen(s);
    if (n != 20)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]) && !isupper((unsigned char)s[i]))
            return 0;
    return 1;
}

static kt_err company(kt_load_ctx *c, const char *lei, const char *name, const char *cty, long line, kt_load_buf *b)
{
    kt_entity_in e;
    const char *sch[1] = {"lei"}, *val[1] = {lei};
    if (!lei_ok(lei))
        return kt_diags_add(c->d, KT_SEV_ERROR, "gleif_lei_invalid", c->file, line, NULL,
                            "LEI \"%.40s\" is not 20 upper-case letters and digits", lei);
    if (kt_load_i_buf_printf(b, "lei:%s", lei) != 0)
        return KT_ENOMEM;
    memset(&e, 0, sizeof e);
    e.id = b->s;
    e.type = KT_ENT_COMPANY;
    e.name = name && *name ? name : NULL;
    e.country = kt_load_i_country(c, cty, "gleif_country_unrecognised", line, NULL);
    e.ident_scheme = sch;
    e.ident_value = val;
    e.n_ident = 1;
    return kt_graph_add_entity(c->g, &e, c->file, line, c->d);
}

kt_err kt_load_i_gleif(kt_load_ctx *c, kt_src *s)
{
    kt_load_csv r;
    kt_load_buf b1 = {0}, b2 = {0};
    long col[C__N];
    size_t ncols;
    kt_err rc = KT_OK;
    int got, level;

    kt_load_i_csv_init(&r);
    got = kt_load_i_csv_row(&r, s, c);
    if (got <= 0 || got == 2) {
        rc = got < 0 ? KT_ENOMEM
                     : got == 0 ? kt_diags_add(c->d, KT_SEV_WARNING, "file_empty", c->file, 0, NULL, "file is empty")
                                : KT_OK;
        goto out;
    }
    ncols = r.n;
    for (int k = 0; k < C__N; k++) {
        col[k] = -1;
        for (size_t i = 0; i < r.n; i++)
            if (strcmp(kt_load_i_csv_field(&r, i), colnames[k]) == 0)
                col[k] = (long)i;
    }
    level = col[C_START] >= 0 && col[C_END] >= 0 && col[C_TYPE] >= 0 ? 2 : col[C_LEI] >= 0 ? 1 : 0;
    if (!level) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "gleif_header", c->file, r.line, NULL,
                          "not a GLEIF golden-copy header (\"LEI\" or \"Relationship.StartNode.NodeID\" expected)");
        goto out;
    }
#define F(k) (col[k] >= 0 ? kt_load_i_csv_field(&r, (size_t)col[k]) : "")
    while (kt_load_i_csv_next(&r, s, c, ncols, &rc)) {
        if (level == 1) {
            const char *cty = F(C_LCTY);
            rc = company(c, F(C_LEI), F(C_NAME), *cty ? cty : F(C_HCTY), r.line, &b1);
            continue;
        }
        const char *type = F(C_TYPE), *st = F(C_STATUS);
        int declared;
        if (strcmp(type, "IS_DIRECTLY_CONSOLIDATED_BY") == 0)
            declared = 0;
        else if (strcmp(type, "IS_ULTIMATELY_CONSOLIDATED_BY") == 0)
            declared = 1;
        else {
            rc = kt_diags_add(c->d, KT_SEV_WARNING, "gleif_rel_type", c->file, r.line, NULL,
                              "relationship type \"%.40s\" is not a control relation and is left out", type);
            continue;
        }
        if (strcmp(st, "INACTIVE") == 0)
            continue;
        if ((*F(C_START_T) && strcmp(F(C_START_T), "LEI") != 0) || (*F(C_END_T) && strcmp(F(C_END_T), "LEI") != 0)) {
            rc = kt_diags_add(c->d, KT_SEV_WARNING, "gleif_node_type", c->file, r.line, NULL,
                              "relationship node is not an LEI and is left out");
            continue;
        }
        if ((rc = company(c, F(C_START), NULL, NULL, r.line, &b1)) != KT_OK ||
            (rc = company(c, F(C_END), NULL, NULL, r.line, &b2)) != KT_OK)
            break;
        if (!lei_ok(F(C_START)) || !lei_ok(F(C_END)))
            continue;
        kt_rel_in rel;
        kt_rel_in_init(&rel, KT_REL_CONTROLS, b2.s, b1.s);
        rel.basis = KT_BASIS_CONSOLIDATION;
        rel.flags = declared ? KT_RF_DECLARED : 0;
        rc = kt_graph_add_relation(c->g, &rel, c->file, r.line, c->d);
    }
#undef F
out:
    kt_load_i_csv_destroy(&r);
    free(b1.s);
    free(b2.s);
    return rc;
}

int kt_load_i_gleif_detect(const char *head, size_t len, size_t first)
{
    return len && head[0] != '{' && head[0] != '[' &&
           (kt_load_i_has(head, first, "Relationship.StartNode.NodeID") || kt_load_i_has(head, first, "Entity.LegalName"));
}
