/* marks.c: marks on entities (sanctions, debarment, export control; see kt_graph.h).
 *
 * Marks are few next to relations: they are kept in one array, resolved to vertices and
 * sorted by vertex (then the order added) when the graph is built, and found by binary
 * search.  Complexity: O(M log M) at build, O(log M) per look-up. */
#include <stdlib.h>
#include <string.h>

#include "graph_i.h"

static const char *kind_names[KT_MARK__COUNT] = {"sanction", "sanction_linked", "debarment", "export_control"};

const char *kt_mark_kind_name(kt_mark_kind k) { return (unsigned)k < KT_MARK__COUNT ? kind_names[k] : "?"; }

int kt_mark_kind_parse(const char *s, kt_mark_kind *out)
{
    for (int i = 0; i < KT_MARK__COUNT; i++)
        if (strcmp(s, kind_names[i]) == 0) {
            *out = (kt_mark_kind)i;
            return 0;
        }
    return -1;
}

kt_err kt_graph_add_mark(kt_graph *g, const kt_mark_in *m, uint32_t file, long line, kt_diags *d)
{
    kt_graph_i_mark *x;
    uint32_t slot;

    if (!m->entity || !*m->entity || (unsigned)m->kind >= KT_MARK__COUNT)
        return kt_diags_add(d, KT_SEV_ERROR, "field_missing", file, line, NULL, "mark needs an entity and a kind");
    if (kt_graph_i_reserve((void **)&g->marks, &g->marks_cap, g->nmarks + 1, sizeof *g->marks) != 0 ||
        (slot = kt_graph_i_slot_add(g, m->entity)) == KT_INTERN_ENOMEM)
        return KT_ENOMEM;
    x = &g->marks[g->nmarks];
    memset(x, 0, sizeof *x);
    x->ent = slot;
    x->kind = (uint8_t)m->kind;
    x->file = (uint16_t)file;
    x->line = (uint32_t)line;
    if ((x->authority = kt_graph_i_str_add(g, m->authority)) == KT_INTERN_ENOMEM ||
        (x->programme = kt_graph_i_str_add(g, m->programme)) == KT_INTERN_ENOMEM ||
        (x->since = kt_graph_i_str_add(g, m->since)) == KT_INTERN_ENOMEM ||
        (x->until = kt_graph_i_str_add(g, m->until)) == KT_INTERN_ENOMEM ||
        (x->source = kt_graph_i_str_add(g, m->source)) == KT_INTERN_ENOMEM)
        return KT_ENOMEM;
    g->nmarks++;
    return KT_OK;
}

static int cmp_mark(const void *a, const void *b)
{
    const kt_graph_i_mark *x = a, *y = b;
    if (x->ent != y->ent)
        return x->ent < y->ent ? -1 : 1;
    /* the order added: file, then line (stable for the same input) */
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

kt_err kt_graph_i_marks_build(kt_graph *g, kt_diags *d, int *bad)
{
    for (size_t i = 0; i < g->nmarks; i++) {
        kt_graph_i_mark *m = &g->marks[i];
        uint32_t s = g->canon ? g->canon[m->ent] : m->ent;
        if (g->ents[s].file == NONE) {
            *bad = 1;
            kt_err rc = kt_diags_add(d, KT_SEV_ERROR, "mark_undeclared", m->file, m->line, NULL,
                                     "%s mark on undeclared entity \"%s\"", kind_names[m->kind], g->ids.str[m->ent]);
            if (rc != KT_OK)
                return rc;
        }
        m->ent = g->slot_vert ? g->slot_vert[m->ent] : m->ent;
    }
    if (g->nmarks > 1)
        qsort(g->marks, g->nmarks, sizeof *g->marks, cmp_mark);
    return KT_OK;
}

/* The first mark of v (index), by binary search. */
static size_t first_of(const kt_graph *g, igraph_integer_t v)
{
    size_t lo = 0, hi = g->nmarks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((igraph_integer_t)g->marks[mid].ent < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t kt_graph_mark_count(const kt_graph *g, igraph_integer_t v)
{
    size_t i = first_of(g, v), n = 0;
    while (i + n < g->nmarks && (igraph_integer_t)g->marks[i + n].ent == v)
        n++;
    return n;
}

static const char *xs(const kt_graph *g, uint32_t s) { return s == NONE ? NULL : g->strs.str[s]; }

void kt_graph_mark_get(const kt_graph *g, igraph_integer_t v, size_t i, kt_mark *out)
{
    const kt_graph_i_mark *m = &g->marks[first_of(g, v) + i];
    out->kind = (kt_mark_kind)m->kind;
    out->authority = xs(g, m->authority);
    out->programme = xs(g, m->programme);
    out->since = xs(g, m->since);
    out->until = xs(g, m->until);
    out->source = xs(g, m->source);
    out->file = g->files.str[m->file];
    out->line = m->line;
}

size_t kt_graph_marks_total(const kt_graph *g) { return g->nmarks; }

int kt_mark_active(const kt_mark *m, const char *date)
{
    char lo[11], hi[11];
    if (!date)
        return 1;
    if (m->since) {
        kt_graph_i_widen(m->since, 0, lo);
        if (strcmp(lo, date) > 0)
            return 0;
    }
    if (m->until) {
        kt_graph_i_widen(m->until, 1, hi);
        if (strcmp(hi, date) < 0)
            return 0;
    }
    return 1;
}
