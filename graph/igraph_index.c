/* igraph_index.c: the model's igraph_t, its two edge indexes made at once (see graph_i.h).
 *
 * igraph_create copies the edges into the graph and then orders them twice, by (from, to) for the out-index
 * and by (to, from) for the in-index, one after the other, with a linked-list radix sort whose
 * every step is a cache miss at millions of edges: an eighth of loading 10M relations.  Here
 * the model's endpoint vectors move into the graph without a copy, and each order is two
 * counting sorts (sequential reads, 32-bit scratch), the in-index on a second thread.  The result is igraph's to the byte: edges of the same (from, to) pair in descending
 * edge id, as igraph_vector_int_pair_order leaves them, and the start vectors as
 * igraph_i_create_start_vectors makes them (tests/unit/graph.c compares both with
 * igraph_create on random multigraphs).
 * Complexity: O(|V| + |E|); scratch 4 (|V| + 1) + 4 |E| bytes per index, what igraph's own sort
 * takes for one. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "graph_i.h"

static int graph_threads;

void kt_graph_set_threads(int n)
{
    graph_threads = n > 0 ? n : 0;
}

typedef struct {
    const igraph_integer_t *k1, *k2; /* sort by k1, then k2 */
    igraph_integer_t ne, nv;
    igraph_integer_t *order, *start; /* out: ne edge ids; nv + 1 starts */
    int failed;
} index_job;

static void *make_index(void *arg)
{
    index_job *j = arg;
    igraph_integer_t ne = j->ne, nv = j->nv;
    uint32_t *cnt = malloc(((size_t)nv + 1) * sizeof *cnt), *tmp = malloc((ne ? (size_t)ne : 1) * sizeof *tmp);
    if (!cnt || !tmp) {
        j->failed = 1;
        goto out;
    }
    /* by k2, equal keys in descending edge id */
    memset(cnt, 0, ((size_t)nv + 1) * sizeof *cnt);
    for (igraph_integer_t i = 0; i < ne; i++)
        cnt[j->k2[i] + 1]++;
    for (igraph_integer_t v = 0; v < nv; v++)
        cnt[v + 1] += cnt[v];
    for (igraph_integer_t i = ne; i-- > 0;)
        tmp[cnt[j->k2[i]]++] = (uint32_t)i;
    /* then stably by k1 */
    memset(cnt, 0, ((size_t)nv + 1) * sizeof *cnt);
    for (igraph_integer_t i = 0; i < ne; i++)
        cnt[j->k1[i] + 1]++;
    for (igraph_integer_t v = 0; v < nv; v++)
        cnt[v + 1] += cnt[v];
    for (igraph_integer_t v = 0; v <= nv; v++)
        j->start[v] = cnt[v]; /* edges before v's: igraph's start vector */
    for (igraph_integer_t i = 0; i < ne; i++) {
        uint32_t e = tmp[i];
        j->order[cnt[j->k1[e]]++] = e;
    }
out:
    free(cnt);
    free(tmp);
    return NULL;
}

/* igraph_create's way, for sizes past the 32-bit scratch (not reached in practice). */
static kt_err create_plain(igraph_t *ig, igraph_vector_int_t *from, igraph_vector_int_t *to, igraph_integer_t nv)
{
    igraph_integer_t ne = igraph_vector_int_size(from);
    igraph_vector_int_t ed;
    kt_err rc;
    if (igraph_vector_int_init(&ed, 2 * ne) != IGRAPH_SUCCESS)
        return KT_ENOMEM;
    for (igraph_integer_t i = 0; i < ne; i++) {
        VECTOR(ed)[2 * i] = VECTOR(*from)[i];
        VECTOR(ed)[2 * i + 1] = VECTOR(*to)[i];
    }
    rc = kt_graph_igraph_err(igraph_create(ig, &ed, nv, IGRAPH_DIRECTED));
    igraph_vector_int_destroy(&ed);
    if (rc == KT_OK) {
        igraph_vector_int_clear(from);
        igraph_vector_int_clear(to);
    }
    return rc;
}

kt_err kt_graph_i_create(igraph_t *ig, igraph_vector_int_t *from, igraph_vector_int_t *to, igraph_integer_t nv)
{
    igraph_integer_t ne = igraph_vector_int_size(from);
    kt_err rc;

    if (ne >= (igraph_integer_t)UINT32_MAX || nv >= (igraph_integer_t)UINT32_MAX)
        return create_plain(ig, from, to, nv);
    if ((rc = kt_graph_igraph_err(igraph_empty(ig, nv, IGRAPH_DIRECTED))) != KT_OK)
        return rc;
    if (igraph_vector_int_resize(&ig->oi, ne) != IGRAPH_SUCCESS ||
        igraph_vector_int_resize(&ig->ii, ne) != IGRAPH_SUCCESS ||
        igraph_vector_int_resize(&ig->os, nv + 1) != IGRAPH_SUCCESS ||
        igraph_vector_int_resize(&ig->is, nv + 1) != IGRAPH_SUCCESS) {
        igraph_destroy(ig);
        return KT_ENOMEM;
    }
    /* the endpoint vectors move in whole (igraph_create would copy them): plain structs */
    igraph_vector_int_t x = ig->from;
    ig->from = *from;
    *from = x;
    x = ig->to;
    ig->to = *to;
    *to = x;
    index_job out = {VECTOR(ig->from), VECTOR(ig->to), ne, nv, VECTOR(ig->oi), VECTOR(ig->os), 0};
    index_job in = {VECTOR(ig->to), VECTOR(ig->from), ne, nv, VECTOR(ig->ii), VECTOR(ig->is), 0};
    long cores = graph_threads ? graph_threads : sysconf(_SC_NPROCESSORS_ONLN);
    pthread_t t;
    int threaded = cores > 1 && ne >= 4096 && pthread_create(&t, NULL, make_index, &in) == 0;
    make_index(&out);
    if (threaded)
        pthread_join(t, NULL);
    else
        make_index(&in);
    igraph_invalidate_cache(ig);
    if (out.failed || in.failed) {
        /* give the endpoints back, as on every failure */
        x = ig->from;
        ig->from = *from;
        *from = x;
        x = ig->to;
        ig->to = *to;
        *to = x;
        igraph_destroy(ig);
        return KT_ENOMEM;
    }
    return KT_OK;
}
