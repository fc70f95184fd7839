/* cyclonedx.c: CycloneDX 1.2-1.6 JSON bills of materials.
 *
 * Mapping (docs/loaders.md has the table):
 *   metadata.component            -> product; every other component -> component; every
 *                                    service -> service
 *   entity ids                    -> "SCOPE#<bom-ref>", SCOPE the BOM's serialNumber, else the
 *                                    path as given (a bom-ref is unique only within its BOM, and
 *                                    two bidders' "bom.json" are different files); without
 *                                    bom-ref "SCOPE#<name>@<version>"; purl and cpe become
 *                                    identifiers, so one package merges across BOMs by them only
 *   nested components, services   -> contains (parent -> child)
 *   dependencies ref -> dependsOn -> contains; without a dependencies list, top-level
 *                                    components and services are contained by the metadata
 *                                    component
 *   property cdx:device:quantity  -> qty of the contains relations into the component
 *   manufacturer, metadata.manufacture (deprecated) -> made_by (component -> organisation)
 *   supplier, a service's provider -> supplies (organisation -> the component or service
 *                                    itself, item = it); a supplier other than the manufacturer
 *                                    is how transit shows
 *   a service's data flows        -> tags "data:<classification>:<flow>"
 *   organisation address.country, property cdx:device:countryOfOrigin (the component's own
 *                                    country) -> country, normalised from names, alpha-3 and
 *                                    aliases; unrecognised: warning cdx_country_unrecognised
 *   compositions aggregate complete -> complete on the assemblies and dependencies it names;
 *                                    any other aggregate -> complete set to false
 * Organisations are "SCOPE#<bom-ref>" or "SCOPE#org:<name>": the same name in two BOMs is not
 * silently one organisation (keten check lists it as a likely duplicate).
 * Complexity: O(document size) expected; nested components are walked with an explicit stack. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

typedef struct {
    const cJSON *o;
    size_t parent; /* index of the enclosing component, SIZE_MAX at top level */
    long line;
    char *id;
    double qty;    /* cdx:device:quantity, NaN */
    int service;   /* from "services" */
} comp;

typedef struct {
    kt_load_ctx *c;
    const char *prefix;
    comp *v;
    size_t n, cap;
    kt_load_map byref;  /* bom-ref -> index in v */
    kt_load_map flags;  /* bom-ref -> composition flags */
    kt_load_map pairs;  /* "from\x1fto" of contains relations made */
    int has_meta;       /* v[0] is metadata.component */
    kt_load_buf b1, b2;
} cdx;

static const char *prop(const cJSON *o, const char *name)
{
    const cJSON *ps = cJSON_GetObjectItemCaseSensitive(o, "properties"), *p;
    cJSON_ArrayForEach(p, ps)
    {
        const char *n = kt_load_i_jstr(p, "name");
        if (n && strcmp(n, name) == 0)
            return kt_load_i_jstr(p, "value");
    }
    return NULL;
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

static kt_err push_comp(cdx *x, const cJSON *o, size_t parent, long line, int service)
{
    kt_load_buf id = {0};
    const char *ref = kt_load_i_jstr(o, "bom-ref"), *name = kt_load_i_jstr(o, "name");
    const char *ver = kt_load_i_jstr(o, "version");
    int r;

    if (x->n == x->cap) {
        size_t nc = x->cap ? x->cap * 2 : 64;
        comp *v = realloc(x->v, nc * sizeof *v);
        if (!v)
            return KT_ENOMEM;
        x->v = v;
        x->cap = nc;
    }
    if (ref && *ref)
        r = kt_load_i_buf_printf(&id, "%s#%s", x->prefix, ref);
    else if (name)
        r = kt_load_i_buf_printf(&id, "%s#%s@%s", x->prefix, name, ver ? ver : "");
    else
        r = kt_load_i_buf_printf(&id, "%s#component-%zu", x->prefix, x->n);
    if (r != 0)
        return KT_ENOMEM;
    comp *k = &x->v[x->n];
    k->o = o;
    k->parent = parent;
    k->line = line;
    k->id = id.s;
    k->qty = NAN;
    k->service = service;
    const char *q = prop(o, "cdx:device:quantity");
    double qv;
    if (q && kt_load_i_number(q, &qv) == 0 && qv >= 0)
        k->qty = qv;
    else if (q)
        kt_diags_add(x->c->d, KT_SEV_WARNING, "cdx_quantity_invalid", x->c->file, line, NULL,
                     "quantity \"%.40s\" is not a number and is left out", q);
    if (ref && *ref) {
        size_t *slot = kt_load_i_map_get(&x->byref, ref, 1);
        if (!slot)
            return KT_ENOMEM;
        if (*slot == KT_MAP_NEW)
            *slot = x->n;
    }
    x->n++;
    return KT_OK;
}

/* The elements of the top-level array key ("components", "services"), each at its line. */
static kt_err walk_top(cdx *x, const cJSON *doc, const char *key, const long *lines, size_t nlines)
{
    const cJSON *top = cJSON_GetObjectItemCaseSensitive(doc, key), *o;
    size_t i = 0;
    kt_err rc;
    if (top && !cJSON_IsArray(top))
        return kt_diags_add(x->c->d, KT_SEV_ERROR, "field_type", x->c->file, 1, NULL, "\"%s\" must be an array", key);
    cJSON_ArrayForEach(o, top)
    {
        long line = i < nlines ? lines[i] : 1;
        i++;
        if (!cJSON_IsObject(o)) {
            if ((rc = kt_diags_add(x->c->d, KT_SEV_ERROR, "record_type", x->c->file, line, NULL,
                                   "%s must be a JSON object", key[0] == 's' ? "service" : "component")) != KT_OK)
                return rc;
            continue;
        }
        if ((rc = push_comp(x, o, SIZE_MAX, line, key[0] == 's')) != KT_OK)
            return rc;
    }
    return KT_OK;
}

/* All components and services, depth first, without recursion: metadata.component is index 0
 * when given. */
static kt_err walk(cdx *x, const cJSON *doc, const long *lc, size_t nc, const long *ls, size_t ns)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "metadata");
    const cJSON *mc = cJSON_GetObjectItemCaseSensitive(meta, "component"), *o;
    kt_err rc;

    if (cJSON_IsObject(mc)) {
        if ((rc = push_comp(x, mc, SIZE_MAX, 1, 0)) != KT_OK)
            return rc;
        x->has_meta = 1;
    }
    if ((rc = walk_top(x, doc, "components", lc, nc)) != KT_OK || (rc = walk_top(x, doc, "services", ls, ns)) != KT_OK)
        return rc;
    /* the nested ones: v itself is the work list, each entry's children appended after it */
    for (size_t k = 0; k < x->n; k++) {
        int svc = x->v[k].service;
        const cJSON *kids = cJSON_GetObjectItemCaseSensitive(x->v[k].o, svc ? "services" : "components");
        cJSON_ArrayForEach(o, kids)
        {
            if (!cJSON_IsObject(o))
                continue;
            if ((rc = push_comp(x, o, k, x->v[k].line, svc)) != KT_OK)
                return rc;
        }
    }
    return KT_OK;
}

static kt_err compositions(cdx *x, const cJSON *doc)
{
    const cJSON *cs = cJSON_GetObjectItemCaseSensitive(doc, "compositions"), *c;
    cJSON_ArrayForEach(c, cs)
    {
        const char *agg = kt_load_i_jstr(c, "aggregate");
        if (!agg)
            continue;
        unsigned f = strcmp(agg, "complete") == 0 ? (KT_EF_COMPLETE | KT_EF_COMPLETE_SET) : KT_EF_COMPLETE_SET;
        static const char *keys[2] = {"assemblies", "dependencies"};
        for (int k = 0; k < 2; k++) {
            const cJSON *refs = cJSON_GetObjectItemCaseSensitive(c, keys[k]), *r;
            cJSON_ArrayForEach(r, refs)
            {
                if (!cJSON_IsString(r))
                    continue;
                size_t *slot = kt_load_i_map_get(&x->flags, r->valuestring, 1);
                if (!slot)
                    return KT_ENOMEM;
                /* complete and incomplete both said: incomplete, the cautious answer, wins */
                *slot = *slot == KT_MAP_NEW ? f : (*slot & f);
            }
        }
    }
    return KT_OK;
}

static kt_err add_components(cdx *x)
{
    kt_err rc;
    for (size_t k = 0; k < x->n; k++) {
        const comp *p = &x->v[k];
        kt_entity_in e;
        const char *schemes[2], *values[2];
        const char *ref = kt_load_i_jstr(p->o, "bom-ref"), *name = kt_load_i_jstr(p->o, "name");
        const char *ver = kt_load_i_jstr(p->o, "version");
        memset(&e, 0, sizeof e);
        e.id = p->id;
        e.type = k == 0 && x->has_meta ? KT_ENT_PRODUCT : p->service ? KT_ENT_SERVICE : KT_ENT_COMPONENT;
        if (name && ver && *ver) {
            if (kt_load_i_buf_printf(&x->b1, "%s %s", name, ver) != 0)
                return KT_ENOMEM;
            e.name = x->b1.s;
        } else {
            e.name = name;
        }
        e.source = ref;
        e.country = kt_load_i_country(x->c, prop(p->o, "cdx:device:countryOfOrigin"), "cdx_country_unrecognised",
                                      p->line, NULL);
        const char *purl = kt_load_i_jstr(p->o, "purl"), *cpe = kt_load_i_jstr(p->o, "cpe");
        if (purl) {
            schemes[e.n_ident] = "purl";
            values[e.n_ident++] = purl;
        }
        if (cpe) {
            schemes[e.n_ident] = "cpe";
            values[e.n_ident++] = cpe;
        }
        e.ident_scheme = schemes;
        e.ident_value = values;
        size_t *fl = ref ? kt_load_i_map_get(&x->flags, ref, 0) : NULL;
        if (fl)
            e.flags = (unsigned)*fl;
        /* a service's data flows, kept as tags: "data:PII:bi-directional" */
        char **tags = NULL;
        const cJSON *flows = p->service ? cJSON_GetObjectItemCaseSensitive(p->o, "data") : NULL, *f;
        size_t nt = 0, cap = (size_t)cJSON_GetArraySize(flows);
        if (cap && !(tags = calloc(cap, sizeof *tags)))
            return KT_ENOMEM;
        rc = KT_OK;
        cJSON_ArrayForEach(f, flows)
        {
            const char *cl = kt_load_i_jstr(f, "classification"), *fw = kt_load_i_jstr(f, "flow");
            kt_load_buf t = {0};
            if (!cl && !fw)
                continue;
            if (kt_load_i_buf_printf(&t, "data:%s:%s", cl ? cl : "", fw ? fw : "") != 0) {
                rc = KT_ENOMEM;
                break;
            }
            tags[nt++] = t.s;
        }
        e.tags = (const char *const *)tags;
        e.n_tags = nt;
        if (rc == KT_OK)
            rc = kt_graph_add_entity(x->c->g, &e, x->c->file, p->line, x->c->d);
        for (size_t i = 0; i < nt; i++)
            free(tags[i]);
        free(tags);
        if (rc != KT_OK)
            return rc;
    }
    return KT_OK;
}

/* contains from -> to (entity ids); ti the part's component index or SIZE_MAX. */
static kt_err contains(cdx *x, const char *from, const char *to, size_t ti, long line, const char *src)
{
    if (kt_load_i_buf_printf(&x->b2, "%s\x1f%s", from, to) != 0)
        return KT_ENOMEM;
    size_t *seen = kt_load_i_map_get(&x->pairs, x->b2.s, 1);
    if (!seen)
        return KT_ENOMEM;
    if (*seen != KT_MAP_NEW)
        return KT_OK; /* nesting and dependencies often say the same */
    *seen = 1;
    kt_rel_in r;
    kt_rel_in_init(&r, KT_REL_CONTAINS, from, to);
    r.source = src;
    if (ti != SIZE_MAX)
        r.qty = x->v[ti].qty;
    return kt_graph_add_relation(x->c->g, &r, x->c->file, line, x->c->d);
}

static kt_err structure(cdx *x, const cJSON *doc, const long *lines, size_t nlines)
{
    const cJSON *deps = cJSON_GetObjectItemCaseSensitive(doc, "dependencies"), *d;
    int has_meta = x->has_meta;
    int use_deps = cJSON_GetArraySize(deps) > 0;
    kt_err rc;

    for (size_t k = 0; k < x->n; k++) {
        const comp *p = &x->v[k];
        if (p->parent != SIZE_MAX) {
            if ((rc = contains(x, x->v[p->parent].id, p->id, k, p->line, kt_load_i_jstr(p->o, "bom-ref"))) != KT_OK)
                return rc;
        } else if (!use_deps && has_meta && k > 0) {
            if ((rc = contains(x, x->v[0].id, p->id, k, p->line, kt_load_i_jstr(p->o, "bom-ref"))) != KT_OK)
                return rc;
        }
    }
    if (deps && !cJSON_IsArray(deps))
        return kt_diags_add(x->c->d, KT_SEV_ERROR, "field_type", x->c->file, 1, NULL, "\"dependencies\" must be an array");
    size_t i = 0;
    cJSON_ArrayForEach(d, deps)
    {
        long line = i < nlines ? lines[i] : 1;
        i++;
        const char *ref = kt_load_i_jstr(d, "ref");
        const cJSON *on = cJSON_GetObjectItemCaseSensitive(d, "dependsOn"), *t;
        if (!ref) {
            if ((rc = kt_diags_add(x->c->d, KT_SEV_ERROR, "field_missing", x->c->file, line, NULL,
                                   "dependency has no \"ref\"")) != KT_OK)
                return rc;
            continue;
        }
        size_t *fi = kt_load_i_map_get(&x->byref, ref, 0);
        cJSON_ArrayForEach(t, on)
        {
            if (!cJSON_IsString(t))
                continue;
            size_t *ti = kt_load_i_map_get(&x->byref, t->valuestring, 0);
            /* unknown refs still make a relation: kt_graph_build reports the undeclared end */
            if (kt_load_i_buf_printf(&x->b1, "%s#%s", x->prefix, fi ? "" : ref) != 0)
                return KT_ENOMEM;
            char *from = fi ? x->v[*fi].id : x->b1.s;
            kt_load_buf tb = {0};
            if (!ti && kt_load_i_buf_printf(&tb, "%s#%s", x->prefix, t->valuestring) != 0)
                return KT_ENOMEM;
            rc = contains(x, from, ti ? x->v[*ti].id : tb.s, ti ? *ti : SIZE_MAX, line, ref);
            free(tb.s);
            if (rc != KT_OK)
                return rc;
        }
    }
    return KT_OK;
}

/* An organisation (organizationalEntity): its entity id in x->b1, or NULL when it has none. */
static kt_err org(cdx *x, const cJSON *o, long line, const char **id)
{
    *id = NULL;
    if (!cJSON_IsObject(o))
        return KT_OK;
    const char *ref = kt_load_i_jstr(o, "bom-ref"), *name = kt_load_i_jstr(o, "name");
    if (!(ref && *ref) && !(name && *name))
        return kt_diags_add(x->c->d, KT_SEV_WARNING, "cdx_org_unnamed", x->c->file, line, NULL,
                            "organisation with neither name nor bom-ref is left out");
    if ((ref && *ref ? kt_load_i_buf_printf(&x->b1, "%s#%s", x->prefix, ref)
                     : kt_load_i_buf_printf(&x->b1, "%s#org:%s", x->prefix, name)) != 0)
        return KT_ENOMEM;
    kt_entity_in e;
    memset(&e, 0, sizeof e);
    e.id = x->b1.s;
    e.type = KT_ENT_COMPANY;
    e.name = name;
    e.source = ref;
    const cJSON *addr = cJSON_GetObjectItemCaseSensitive(o, "address");
    e.country = kt_load_i_country(x->c, kt_load_i_jstr(addr, "country"), "cdx_country_unrecognised", line, NULL);
    *id = x->b1.s;
    return kt_graph_add_entity(x->c->g, &e, x->c->file, line, x->c->d);
}

/* A relation of type t from -> to with the component's bom-ref as source; item when given. */
static kt_err party_rel(cdx *x, const comp *p, kt_rtype t, const char *from, const char *to, const char *item)
{
    kt_rel_in r;
    kt_rel_in_init(&r, t, from, to);
    r.item = item;
    r.source = kt_load_i_jstr(p->o, "bom-ref");
    return kt_graph_add_relation(x->c->g, &r, x->c->file, p->line, x->c->d);
}

static kt_err parties(cdx *x, const cJSON *doc)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "metadata");
    kt_err rc = KT_OK;
    const char *oid;

    for (size_t k = 0; k < x->n; k++) {
        const comp *p = &x->v[k];
        int product = k == 0 && x->has_meta;
        const cJSON *man = p->service ? NULL : cJSON_GetObjectItemCaseSensitive(p->o, "manufacturer");
        if (!man && product)
            man = cJSON_GetObjectItemCaseSensitive(meta, "manufacture"); /* deprecated in 1.6 */
        if ((rc = org(x, man, p->line, &oid)) != KT_OK)
            return rc;
        if (oid && (rc = party_rel(x, p, KT_REL_MADE_BY, p->id, oid, NULL)) != KT_OK)
            return rc;
        if (product)
            continue; /* the product's own supplier is the bidder: the tender data says so */
        /* the supplier (a service's provider) supplies the part itself: provenance, exposure
         * and the provenance diagram find it there */
        if ((rc = org(x, cJSON_GetObjectItemCaseSensitive(p->o, p->service ? "provider" : "supplier"), p->line,
                      &oid)) != KT_OK)
            return rc;
        if (!oid)
            continue;
        char *sup = dupstr(oid);
        if (!sup)
            return KT_ENOMEM;
        rc = party_rel(x, p, KT_REL_SUPPLIES, sup, p->id, p->id);
        free(sup);
        if (rc != KT_OK)
            return rc;
    }
    return KT_OK;
}

kt_err kt_load_i_cyclonedx(kt_load_ctx *c, kt_src *s)
{
    const char *text;
    size_t len, nc = 0, nd = 0, ns = 0;
    long *lc = NULL, *ld = NULL, *ls = NULL;
    kt_err rc = KT_OK;
    cdx x;
    cJSON *doc = kt_load_i_json_doc(c, s, &text, &len);

    memset(&x, 0, sizeof x);
    x.c = c;
    x.prefix = c->path;
    kt_load_i_map_init(&x.byref);
    kt_load_i_map_init(&x.flags);
    kt_load_i_map_init(&x.pairs);
    if (!doc)
        goto out;
    const char *fmt = kt_load_i_jstr(doc, "bomFormat"), *ver = kt_load_i_jstr(doc, "specVersion");
    if (!cJSON_IsObject(doc) || !fmt || strcmp(fmt, "CycloneDX") != 0) {
        rc = kt_diags_add(c->d, KT_SEV_ERROR, "cdx_not_bom", c->file, 1, NULL,
                          "not a CycloneDX JSON BOM (\"bomFormat\": \"CycloneDX\" expected)");
        goto out;
    }
    if (!ver || !(strcmp(ver, "1.2") == 0 || strcmp(ver, "1.3") == 0 || strcmp(ver, "1.4") == 0 ||
                  strcmp(ver, "1.5") == 0 || strcmp(ver, "1.6") == 0))
        if ((rc = kt_diags_add(c->d, KT_SEV_WARNING, "cdx_version", c->file, 1, NULL,
                               "specVersion \"%.10s\" is not 1.2-1.6: read as 1.6", ver ? ver : "")) != KT_OK)
            goto out;
    const char *serial = kt_load_i_jstr(doc, "serialNumber");
    if (serial && *serial)
        x.prefix = serial;
    if (kt_load_i_json_elem_lines(text, len, "components", &lc, &nc) != 0 ||
        kt_load_i_json_elem_lines(text, len, "services", &ls, &ns) != 0 ||
        kt_load_i_json_elem_lines(text, len, "dependencies", &ld, &nd) != 0) {
        rc = KT_ENOMEM;
        goto out;
    }
    if ((rc = compositions(&x, doc)) != KT_OK || (rc = walk(&x, doc, lc, nc, ls, ns)) != KT_OK ||
        (rc = add_components(&x)) != KT_OK || (rc = structure(&x, doc, ld, nd)) != KT_OK)
        goto out;
    rc = parties(&x, doc);
out:
    for (size_t k = 0; k < x.n; k++)
        free(x.v[k].id);
    free(x.v);
    free(x.b1.s);
    free(x.b2.s);
    kt_load_i_map_destroy(&x.byref);
    kt_load_i_map_destroy(&x.flags);
    kt_load_i_map_destroy(&x.pairs);
    free(lc);
    free(ld);
    free(ls);
    cJSON_Delete(doc);
    return rc;
}

int kt_load_i_cyclonedx_detect(const char *head, size_t len, size_t first)
{
    (void)first;
    return (len && (head[0] == '{' || head[0] == '[')) && kt_load_i_has(head, len, "\"bomFormat\"") && kt_load_i_has(head, len, "CycloneDX");
}
