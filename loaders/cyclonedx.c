/* cyclonedx.c: CycloneDX 1.2-1.6 JSON bills of materials.
 *
 * Mapping (docs/loaders.md has the table):
 *   metadata.component            -> product; every other component -> component
 *   entity ids                    -> "<file name>#<bom-ref>" (a bom-ref is unique only within its
 *                                    BOM); without bom-ref "<file name>#<name>@<version>";
 *                                    purl and cpe become identifiers, so one package merges
 *                                    across BOMs
 *   nested components             -> contains (parent -> child)
 *   dependencies ref -> dependsOn -> contains; without a dependencies list, top-level
 *                                    components are contained by the metadata component
 *   property cdx:device:quantity  -> qty of the contains relations into the component
 *   manufacturer, metadata.manufacture (deprecated) -> made_by (component -> organisation)
 *   supplier                      -> supplies (organisation -> each assembly containing the
 *                                    component, item = the component); a supplier other than
 *                                    the manufacturer is how transit shows
 *   organisation address.country, property cdx:device:countryOfOrigin (the component's own
 *                                    country) -> country, normalised from names, alpha-3 and
 *                                    aliases; unrecognised: warning cdx_country_unrecognised
 *   compositions aggregate complete -> complete on the assemblies and dependencies it names;
 *                                    any other aggregate -> complete set to false
 * Organisations are "<file name>#<bom-ref>" or "<file name>#org:<name>": the same name in two
 * BOMs is not silently one organisation (keten check lists it as a likely duplicate).
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
} comp;

typedef struct {
    kt_load_ctx *c;
    const char *prefix;
    comp *v;
    size_t n, cap;
    kt_load_map byref;  /* bom-ref -> index in v */
    kt_load_map flags;  /* bom-ref -> composition flags */
    kt_load_map pairs;  /* "from\x1fto" of contains relations made */
    size_t *efrom, *eto; /* contains relations between known components */
    size_t ne, ecap;
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

static kt_err push_comp(cdx *x, const cJSON *o, size_t parent, long line)
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

/* All components, depth first, without recursion: metadata.component is index 0 when given. */
static kt_err walk(cdx *x, const cJSON *doc, const long *lines, size_t nlines)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "metadata");
    const cJSON *mc = cJSON_GetObjectItemCaseSensitive(meta, "component");
    const cJSON *top = cJSON_GetObjectItemCaseSensitive(doc, "components"), *o;
    size_t i = 0;
    kt_err rc;

    if (cJSON_IsObject(mc)) {
        if ((rc = push_comp(x, mc, SIZE_MAX, 1)) != KT_OK)
            return rc;
        x->has_meta = 1;
    }
    if (top && !cJSON_IsArray(top))
        return kt_diags_add(x->c->d, KT_SEV_ERROR, "field_type", x->c->file, 1, NULL, "\"components\" must be an array");
    cJSON_ArrayForEach(o, top)
    {
        long line = i < nlines ? lines[i] : 1;
        i++;
        if (!cJSON_IsObject(o)) {
            if ((rc = kt_diags_add(x->c->d, KT_SEV_ERROR, "record_type", x->c->file, line, NULL,
                                   "component must be a JSON object")) != KT_OK)
                return rc;
            continue;
        }
        if ((rc = push_comp(x, o, SIZE_MAX, line)) != KT_OK)
            return rc;
    }
    /* the nested ones: v itself is the work list, each entry's children appended after it */
    for (size_t k = 0; k < x->n; k++) {
        const cJSON *kids = cJSON_GetObjectItemCaseSensitive(x->v[k].o, "components");
        cJSON_ArrayForEach(o, kids)
        {
            if (!cJSON_IsObject(o))
                continue;
            if ((rc = push_comp(x, o, k, x->v[k].line)) != KT_OK)
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
        e.type = k == 0 && x->has_meta ? KT_ENT_PRODUCT : KT_ENT_COMPONENT;
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
        if ((rc = kt_graph_add_entity(x->c->g, &e, x->c->file, p->line, x->c->d)) != KT_OK)
            return rc;
    }
    return KT_OK;
}

/* contains from -> to (entity ids); fi/ti the component indexes or SIZE_MAX. */
static kt_err contains(cdx *x, const char *from, const char *to, size_t fi, size_t ti, long line, const char *src)
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
    if (fi != SIZE_MAX && ti != SIZE_MAX) {
        if (x->ne == x->ecap) {
            size_t nc = x->ecap ? x->ecap * 2 : 64;
            size_t *a = realloc(x->efrom, nc * sizeof *a);
            if (!a)
                return KT_ENOMEM;
            x->efrom = a;
            size_t *b = realloc(x->eto, nc * sizeof *b);
            if (!b)
                return KT_ENOMEM;
            x->eto = b;
            x->ecap = nc;
        }
        x->efrom[x->ne] = fi;
        x->eto[x->ne++] = ti;
    }
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
            if ((rc = contains(x, x->v[p->parent].id, p->id, p->parent, k, p->line, kt_load_i_jstr(p->o, "bom-ref"))) !=
                KT_OK)
                return rc;
        } else if (!use_deps && has_meta && k > 0) {
            if ((rc = contains(x, x->v[0].id, p->id, 0, k, p->line, kt_load_i_jstr(p->o, "bom-ref"))) != KT_OK)
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
            rc = contains(x, from, ti ? x->v[*ti].id : tb.s, fi ? *fi : SIZE_MAX, ti ? *ti : SIZE_MAX, line, ref);
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

static kt_err parties(cdx *x, const cJSON *doc)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "metadata");
    int has_meta = x->has_meta;
    kt_err rc = KT_OK;
    const char *oid;
    /* the assemblies of each component: contains relations bucketed by their part */
    size_t *start = calloc(x->n + 1, sizeof *start), *order = malloc((x->ne + 1) * sizeof *order);
    if (!start || !order) {
        rc = KT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < x->ne; i++)
        start[x->eto[i] + 1]++;
    for (size_t k = 0; k < x->n; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < x->ne; i++)
        order[start[x->eto[i]]++] = i;
    for (size_t k = x->n; k > 0; k--)
        start[k] = start[k - 1];
    start[0] = 0;

    for (size_t k = 0; k < x->n; k++) {
        const comp *p = &x->v[k];
        const cJSON *man = cJSON_GetObjectItemCaseSensitive(p->o, "manufacturer");
        if (!man && k == 0 && has_meta)
            man = cJSON_GetObjectItemCaseSensitive(meta, "manufacture"); /* deprecated in 1.6 */
        if ((rc = org(x, man, p->line, &oid)) != KT_OK)
            goto out;
        if (oid) {
            kt_rel_in r;
            kt_rel_in_init(&r, KT_REL_MADE_BY, p->id, oid);
            r.source = kt_load_i_jstr(p->o, "bom-ref");
            if ((rc = kt_graph_add_relation(x->c->g, &r, x->c->file, p->line, x->c->d)) != KT_OK)
                goto out;
        }
        if (k == 0 && has_meta)
            continue; /* the product's own supplier is the bidder: the tender data says so */
        if ((rc = org(x, cJSON_GetObjectItemCaseSensitive(p->o, "supplier"), p->line, &oid)) != KT_OK)
            goto out;
        if (!oid)
            continue;
        char *sup = dupstr(oid);
        int any = 0;
        if (!sup) {
            rc = KT_ENOMEM;
            goto out;
        }
        for (size_t j = start[k]; j < start[k + 1] && rc == KT_OK; j++) {
            size_t i = order[j];
            kt_rel_in r;
            kt_rel_in_init(&r, KT_REL_SUPPLIES, sup, x->v[x->efrom[i]].id);
            r.item = p->id;
            r.source = kt_load_i_jstr(p->o, "bom-ref");
            rc = kt_graph_add_relation(x->c->g, &r, x->c->file, p->line, x->c->d);
            any = 1;
        }
        if (!any && has_meta && rc == KT_OK) {
            kt_rel_in r;
            kt_rel_in_init(&r, KT_REL_SUPPLIES, sup, x->v[0].id);
            r.item = p->id;
            r.source = kt_load_i_jstr(p->o, "bom-ref");
            rc = kt_graph_add_relation(x->c->g, &r, x->c->file, p->line, x->c->d);
        }
        free(sup);
        if (rc != KT_OK)
            goto out;
    }
out:
    free(start);
    free(order);
    return rc;
}

kt_err kt_load_i_cyclonedx(kt_load_ctx *c, kt_src *s)
{
    const char *text;
    size_t len, nc = 0, nd = 0;
    long *lc = NULL, *ld = NULL;
    kt_err rc = KT_OK;
    cdx x;
    cJSON *doc = kt_load_i_json_doc(c, s, &text, &len);

    memset(&x, 0, sizeof x);
    x.c = c;
    x.prefix = kt_load_i_basename(c->path);
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
    if (kt_load_i_json_elem_lines(text, len, "components", &lc, &nc) != 0 ||
        kt_load_i_json_elem_lines(text, len, "dependencies", &ld, &nd) != 0) {
        rc = KT_ENOMEM;
        goto out;
    }
    if ((rc = compositions(&x, doc)) != KT_OK || (rc = walk(&x, doc, lc, nc)) != KT_OK ||
        (rc = add_components(&x)) != KT_OK || (rc = structure(&x, doc, ld, nd)) != KT_OK)
        goto out;
    rc = parties(&x, doc);
out:
    for (size_t k = 0; k < x.n; k++)
        free(x.v[k].id);
    free(x.v);
    free(x.efrom);
    free(x.eto);
    free(x.b1.s);
    free(x.b2.s);
    kt_load_i_map_destroy(&x.byref);
    kt_load_i_map_destroy(&x.flags);
    kt_load_i_map_destroy(&x.pairs);
    free(lc);
    free(ld);
    cJSON_Delete(doc);
    return rc;
}
