/* spdx.c: SPDX 2.3 JSON documents (2.2 is read the same way).
 *
 * Mapping (docs/loaders.md has the table):
 *   packages (and files)          -> component, "SCOPE#<SPDXID>", SCOPE the documentNamespace,
 *                                    else the path as given; those the document describes
 *                                    (documentDescribes, DESCRIBES) -> product; externalRefs
 *                                    purl / cpe -> identifiers (merging across files is by them)
 *   part relations a -> b         -> contains a -> b (the relationship type is its source):
 *                                    CONTAINS, DEPENDS_ON, DYNAMIC_LINK, STATIC_LINK,
 *                                    HAS_PREREQUISITE; reversed (contains b -> a): CONTAINED_BY,
 *                                    DEPENDENCY_OF, PREREQUISITE_FOR and every *_DEPENDENCY_OF
 *                                    (BUILD_, DEV_, OPTIONAL_, PROVIDED_, RUNTIME_, TEST_)
 *   other relationship types      -> left out, counted by type (keten check "left out")
 *   originator (the maker)        -> made_by (package -> organisation or person)
 *   supplier (the distributor)    -> supplies (supplier -> the package itself, item = it)
 *   "Organization: name (email)" -> company "SCOPE#org:name"; "Person: ..." -> person
 *                                    "SCOPE#person:name"; NOASSERTION -> nothing
 * SPDX has no country field: countries come from other files merged by identifier.
 * Relationships to other documents (DocumentRef-...) give the warning spdx_external_ref.
 * Complexity: O(document size) expected. */
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

typedef struct {
    kt_load_ctx *c;
    const char *prefix;
    kt_load_map elems;  /* SPDXID -> 1 package/file, 2 snippet (known but not modelled) */
    kt_load_map desc;   /* SPDXIDs the document describes */
    kt_load_map pairs;  /* contains relations made */
    kt_load_buf b1, b2, b3;
} spdx;

static kt_err mark(kt_load_map *m, const char *k, size_t v)
{
    size_t *s = kt_load_i_map_get(m, k, 1);
    if (!s)
        return KT_ENOMEM;
    if (*s == KT_MAP_NEW)
        *s = v;
    return KT_OK;
}

/* "Organization: ACME (x@y)" -> type and name in b (parenthesised e-mail dropped); 0 when none. */
static int party(const char *s, kt_etype *t, kt_load_buf *b)
{
    const char *n;
    if (!s)
        return 0;
    if (strncmp(s, "Organization:", 13) == 0) {
        *t = KT_ENT_COMPANY;
        n = s + 13;
    } else if (strncmp(s, "Person:", 7) == 0) {
        *t = KT_ENT_PERSON;
        n = s + 7;
    } else {
        return 0;
    }
    while (*n == ' ')
        n++;
    size_t len = strlen(n);
    const char *paren = strrchr(n, '(');
    if (paren && len && n[len - 1] == ')')
        len = (size_t)(paren - n);
    while (len && n[len - 1] == ' ')
        len--;
    if (!len)
        return 0;
    if (kt_load_i_buf_printf(b, "%.*s", (int)len, n) != 0)
        return -1;
    return 1;
}

static kt_err add_party(spdx *x, const char *s, long line, const char **id)
{
    kt_etype t;
    kt_entity_in e;
    int r = party(s, &t, &x->b2);
    *id = NULL;
    if (r < 0)
        return KT_ENOMEM;
    if (r == 0)
        return KT_OK;
    if (kt_load_i_buf_printf(&x->b3, "%s#%s:%s", x->prefix, t == KT_ENT_PERSON ? "person" : "org", x->b2.s) != 0)
        return KT_ENOMEM;
    memset(&e, 0, sizeof e);
    e.id = x->b3.s;
    e.type = t;
    e.name = x->b2.s;
    *id = x->b3.s;
    return kt_graph_add_entity(x->c->g, &e, x->c->file, line, x->c->d);
}

static kt_err add_elem(spdx *x, const cJSON *p, long line, int is_file)
{
    const char *sid = kt_load_i_jstr(p, "SPDXID");
    const char *name = kt_load_i_jstr(p, is_file ? "fileName" : "name"), *ver = kt_load_i_jstr(p, "versionInfo");
    const char *schemes[4], *values[4];
    kt_entity_in e;
    kt_err rc;

    if (!sid || !*sid)
        return kt_diags_add(x->c->d, KT_SEV_ERROR, "field_missing", x->c->file, line, NULL,
                            "%s has no \"SPDXID\"", is_file ? "file" : "package");
    if ((rc = mark(&x->elems, sid, 1)) != KT_OK)
        return rc;
    memset(&e, 0, sizeof e);
    if (kt_load_i_buf_printf(&x->b1, "%s#%s", x->prefix, sid) != 0)
        return KT_ENOMEM;
    e.id = x->b1.s;
    e.type = kt_load_i_map_get(&x->desc, sid, 0) ? KT_ENT_PRODUCT : KT_ENT_COMPONENT;
    if (name && ver && *ver && kt_load_i_buf_printf(&x->b2, "%s %s", name, ver) == 0)
        e.name = x->b2.s;
    else
        e.name = name;
    e.source = sid;
    const cJSON *refs = cJSON_GetObjectItemCaseSensitive(p, "externalRefs"), *r;
    cJSON_ArrayForEach(r, refs)
    {
        const char *rt = kt_load_i_jstr(r, "referenceType"), *loc = kt_load_i_jstr(r, "referenceLocator");
        if (!rt || !loc || e.n_ident >= 4)
            continue;
        if (strcmp(rt, "purl") == 0)
            schemes[e.n_ident] = "purl";
        else if (strcmp(rt, "cpe22Type") == 0 || strcmp(rt, "cpe23Type") == 0)
            schemes[e.n_ident] = "cpe";
        else
            continue;
        values[e.n_ident++] = loc;
    }
    e.ident_scheme = schemes;
    e.ident_value = values;
    return kt_graph_add_entity(x->c->g, &e, x->c->file, line, x->c->d);
}

static kt_err contains(spdx *x, const char *a, const char *b, const char *kind, long line)
{
    if (kt_load_i_buf_printf(&x->b1, "%s\x1f%s", a, b) != 0)
        return KT_ENOMEM;
    size_t *seen = kt_load_i_map_get(&x->pairs, x->b1.s, 1);
    if (!seen)
        return KT_ENOMEM;
    if (*seen != KT_MAP_NEW)
        return KT_OK;
    *seen = 1;
    kt_load_buf fa = {0}, fb = {0};
    kt_rel_in r;
    kt_err rc = KT_ENOMEM;
    if (kt_load_i_buf_printf(&fa, "%s#%s", x->prefix, a) == 0 && kt_load_i_buf_printf(&fb, "%s#%s", x->prefix, b) == 0) {
        kt_rel_in_init(&r, KT_REL_CONTAINS, fa.s, fb.s);
        r.source = kind;
        rc = kt_graph_add_relation(x->c->g, &r, x->c->file, line, x->c->d);
    }
    free(fa.s);
    free(fb.s);
    return rc;
}

/* A relationship type that makes one element a part of another: 0 when a contains b, 1 when
 * b contains a, -1 for every other type (not a part relation: counted, left out). */
static int part_kind(const char *t)
{
    static const char *fwd[] = {"CONTAINS", "DEPENDS_ON", "DYNAMIC_LINK", "STATIC_LINK", "HAS_PREREQUISITE"};
    static const char *rev[] = {"CONTAINED_BY", "DEPENDENCY_OF", "PREREQUISITE_FOR"};
    size_t n = strlen(t);
    for (size_t i = 0; i < sizeof fwd / sizeof *fwd; i++)
        if (strcmp(t, fwd[i]) == 0)
            return 0;
    for (size_t i = 0; i < sizeof rev / sizeof *rev; i++)
        if (strcmp(t, rev[i]) == 0)
            return 1;
    /* BUILD_, DEV_, OPTIONAL_, PROVIDED_, RUNTIME_, TEST_DEPENDENCY_OF: b depends on a */
    if (n > 14 && strcmp(t + n - 14, "_DEPENDENCY_OF") == 0)
        return 1;
    return -1;
}

static kt_err relationships(spdx *x, const cJSON *rels, const long *lines, size_t nl)
{
    const cJSON *r;
    size_t i = 0;
    kt_err rc = KT_OK;
    cJSON_ArrayForEach(r, rels)
    {
        long line = i < nl ? lines[i] : 1;
        i++;
        const char *a = kt_load_i_jstr(r, "spdxElementId"), *t = kt_load_i_jstr(r, "relationshipType");
        const char *b = kt_load_i_jstr(r, "relatedSpdxElement");
        int rev;
        if (!a || !t || !b) {
            if ((rc = kt_diags_add(x->c->d, KT_SEV_ERROR, "field_missing", x->c->file, line, NULL,
                                   "relationship needs spdxElementId, relationshipType and relatedSpdxElement")) !=
                KT_OK)
                return rc;
            continue;
        }
        if ((rev = part_kind(t)) < 0) {
            if (strcmp(t, "DESCRIBES") != 0 || strcmp(a, "SPDXRef-DOCUMENT") != 0) { /* DESCRIBES made products */
                if (kt_load_i_buf_printf(&x->b1, "relationship %s", t) != 0)
                    return KT_ENOMEM;
                if ((rc = kt_diags_skip(x->c->d, x->c->file, x->b1.s)) != KT_OK)
                    return rc;
            }
            continue;
        }
        if (strcmp(a, "SPDXRef-DOCUMENT") == 0 || strcmp(b, "SPDXRef-DOCUMENT") == 0 || strcmp(b, "NOASSERTION") == 0 ||
            strcmp(b, "NONE") == 0) {
            /* the document itself, or nothing */
            if (kt_load_i_buf_printf(&x->b1, "relationship %s of the document or nothing", t) != 0)
                return KT_ENOMEM;
            if ((rc = kt_diags_skip(x->c->d, x->c->file, x->b1.s)) != KT_OK)
                return rc;
            continue;
        }
        if (strchr(a, ':') || strchr(b, ':')) {
            if ((rc = kt_diags_add(x->c->d, KT_SEV_WARNING, "spdx_external_ref", x->c->file, line, NULL,
                                   "%s relationship to another document is left out", t)) != KT_OK)
                return rc;
            continue;
        }
        size_t *ka = kt_load_i_map_get(&x->elems, a, 0), *kb = kt_load_i_map_get(&x->elems, b, 0);
        if ((ka && *ka == 2) || (kb && *kb == 2)) {
            if ((rc = kt_diags_skip(x->c->d, x->c->file, "relationship with a snippet")) != KT_OK)
                return rc;
            continue; /* snippets are not parts */
        }
        if ((rc = rev ? contains(x, b, a, t, line) : contains(x, a, b, t, line)) != KT_OK)
            return rc;
    }
    return KT_OK;
}

static kt_err suppliers(spdx *x, const cJSON *arr, const long *lines, size_t nl)
{
    const cJSON *p;
    size_t i = 0;
    kt_err rc = KT_OK;
    cJSON_ArrayForEach(p, arr)
    {
        long line = i < nl ? lines[i] : 1;
        i++;
        const char *sid = kt_load_i_jstr(p, "SPDXID"), *id;
        if (!sid)
            continue;
        kt_load_buf me = {0};
        if (kt_load_i_buf_printf(&me, "%s#%s", x->prefix, sid) != 0)
            return KT_ENOMEM;
        if ((rc = add_party(x, kt_load_i_jstr(p, "originator"), line, &id)) == KT_OK && id) {
            kt_rel_in r;
            kt_rel_in_init(&r, KT_REL_MADE_BY, me.s, id);
            r.source = sid;
            rc = kt_graph_add_relation(x->c->g, &r, x->c->file, line, x->c->d);
        }
        /* the supplier supplies the package itself: provenance and exposure find it there */
        if (rc == KT_OK && (rc = add_party(x, kt_load_i_jstr(p, "supplier"), line, &id)) == KT_OK && id) {
            kt_rel_in r;
            kt_rel_in_init(&r, KT_REL_SUPPLIES, id, me.s);
            r.item = me.s;
            r.source = sid;
            rc = kt_graph_add_relation(x->c->g, &r, x->c->file, line, x->c->d);
        }
        free(me.s);
        if (rc != KT_OK)
            return rc;
    }
    return KT_OK;
}

kt_err kt_load_i_spdx(kt_load_ctx *c, kt_src *s)
{
    const char *text;
    size_t len, np = 0, nf = 0, nr = 0;
    long *lp = NULL, *lf = NULL, *lr = NULL;
    kt_err rc = KT_OK;
    spdx x;
    cJSON *doc = kt_load_i_json_doc(c, s, &text, &len);
    const cJSON *o;

    memset(&x, 0, sizeof x);
    x.c = c;
    x.prefix = c->path;
    kt_load_i_map_init(&x.elems);
    kt_load_i_map_init(&x.desc);
    kt_load_i_map_init(&x.pairs);
    if (!doc)
        goto out;
    const char *ver = kt_load_i_jstr(doc, "spdxVersion");
    if (!cJSON_IsObject(doc) || !ver || strncmp(ver, "SPDX-2.", 7) != 0) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "spdx_not_document", c->file, 1, NULL,
                          "not an SPDX 2 JSON document (\"spdxVersion\": \"SPDX-2.3\" expected)");
        goto out;
    }
    const char *ns = kt_load_i_jstr(doc, "documentNamespace");
    if (ns && *ns)
        x.prefix = ns;
    const cJSON *pk = cJSON_GetObjectItemCaseSensitive(doc, "packages");
    const cJSON *fl = cJSON_GetObjectItemCaseSensitive(doc, "files");
    const cJSON *rl = cJSON_GetObjectItemCaseSensitive(doc, "relationships");
    if ((pk && !cJSON_IsArray(pk)) || (fl && !cJSON_IsArray(fl)) || (rl && !cJSON_IsArray(rl))) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "field_type", c->file, 1, NULL,
                          "\"packages\", \"files\" and \"relationships\" must be arrays");
        goto out;
    }
    cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(doc, "documentDescribes"))
    {
        if (cJSON_IsString(o) && (rc = mark(&x.desc, o->valuestring, 1)) != KT_OK)
            goto out;
    }
    cJSON_ArrayForEach(o, rl)
    {
        const char *a = kt_load_i_jstr(o, "spdxElementId"), *t = kt_load_i_jstr(o, "relationshipType");
        const char *b = kt_load_i_jstr(o, "relatedSpdxElement");
        if (a && t && b && strcmp(a, "SPDXRef-DOCUMENT") == 0 && strcmp(t, "DESCRIBES") == 0) {
            if ((rc = mark(&x.desc, b, 1)) != KT_OK)
                goto out;
        }
    }
    cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(doc, "snippets"))
    {
        const char *sid = kt_load_i_jstr(o, "SPDXID");
        if (sid && (rc = mark(&x.elems, sid, 2)) != KT_OK)
            goto out;
    }
    if (kt_load_i_json_elem_lines(text, len, "packages", &lp, &np) != 0 ||
        kt_load_i_json_elem_lines(text, len, "files", &lf, &nf) != 0 ||
        kt_load_i_json_elem_lines(text, len, "relationships", &lr, &nr) != 0) {
        rc = KT_ENOMEM;
        goto out;
    }
    size_t i = 0;
    cJSON_ArrayForEach(o, pk)
    {
        if ((rc = add_elem(&x, o, i < np ? lp[i] : 1, 0)) != KT_OK)
            goto out;
        i++;
    }
    i = 0;
    cJSON_ArrayForEach(o, fl)
    {
        if ((rc = add_elem(&x, o, i < nf ? lf[i] : 1, 1)) != KT_OK)
            goto out;
        i++;
    }
    if ((rc = relationships(&x, rl, lr, nr)) != KT_OK)
        goto out;
    rc = suppliers(&x, pk, lp, np);
out:
    free(x.b1.s);
    free(x.b2.s);
    free(x.b3.s);
    kt_load_i_map_destroy(&x.elems);
    kt_load_i_map_destroy(&x.desc);
    kt_load_i_map_destroy(&x.pairs);
    free(lp);
    free(lf);
    free(lr);
    cJSON_Delete(doc);
    return rc;
}

int kt_load_i_spdx_detect(const char *head, size_t len, size_t first)
{
    (void)first;
    return (len && (head[0] == '{' || head[0] == '[')) && kt_load_i_has(head, len, "\"spdxVersion\"");
}
