/* queries.c: how long the analyses take after loading, on one graph loaded once.
 *
 *   build/bench/queries DATA.jsonl [TENDER.json POLICY.json]
 *
 * Times, for 100 companies chosen with a fixed seed: keten owners (kt_own_upstream) and keten
 * owned (kt_own_downstream); with a tender: the screening searches (kt_screen_new) and every
 * bidder (kt_screen_bidder), in wall-clock and CPU time.  Prints the fastest, median and
 * slowest query.  Timings live here, never in unit tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../analyses/kt_own.h"
#include "../analyses/kt_screen.h"
#include "../loaders/kt_load.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: on a shared machine it moves less than the wall clock. */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, double *t, int n, double extra)
{
    qsort(t, (size_t)n, sizeof *t, cmp_d);
    printf("%-34s n=%d  fastest %.3f ms  median %.3f ms  slowest %.3f ms", what, n, t[0] * 1e3, t[n / 2] * 1e3,
           t[n - 1] * 1e3);
    if (extra >= 0)
        printf("  (largest result: %.0f)", extra);
    printf("\n");
}

int main(int argc, char **argv)
{
    kt_errinfo ei;
    kt_graph *g = kt_graph_new();
    kt_diags *d = kt_diags_new();
    if (argc < 2) {
        fprintf(stderr, "usage: queries DATA.jsonl [TENDER.json POLICY.json]\n");
        return 2;
    }
    kt_graph_init_library();
    double t0 = now();
    if (kt_load_file(g, argv[1], KT_FMT_AUTO, d, &ei) != KT_OK || kt_graph_build(g, d) != KT_OK ||
        kt_diags_has_errors(d)) {
        fprintf(stderr, "load failed\n");
        return 2;
    }
    double t1 = now();
    printf("loaded %s: %ld entities, %ld relations in %.2f s; model %.0f MB, %.1f bytes per relation\n", argv[1],
           (long)kt_graph_vertex_count(g), (long)kt_graph_edge_count(g), t1 - t0, kt_graph_memory(g) / 1048576.0,
           (double)kt_graph_memory(g) / (double)kt_graph_edge_count(g));

    enum { N = 100 };
    double up[N], down[N], maxup = 0, maxdown = 0;
    kt_own_opts o;
    kt_own_opts_init(&o);
    srand(7);
    int done = 0;
    for (int tries = 0; done < N && tries < 100000; tries++) {
        igraph_integer_t v = (igraph_integer_t)((((long)rand() << 16) ^ rand()) % kt_graph_vertex_count(g));
        if (kt_graph_entity_type(g, v) != KT_ENT_COMPANY)
            continue;
        kt_own_result r;
        double a = now();
        if (kt_own_upstream(g, v, &o, &r, &ei) != KT_OK)
            return 1;
        up[done] = now() - a;
        if (r.n > maxup)
            maxup = (double)r.n;
        kt_own_result_destroy(&r);
        a = now();
        if (kt_own_downstream(g, v, &o, &r, &ei) != KT_OK)
            return 1;
        down[done] = now() - a;
        if (r.n > maxdown)
            maxdown = (double)r.n;
        kt_own_result_destroy(&r);
        done++;
    }
    report("owners (kt_own_upstream)", up, done, maxup);
    report("owned (kt_own_downstream)", down, done, maxdown);

    if (argc >= 4) {
        kt_tender *t = NULL;
        kt_policy *p = NULL;
        kt_screen *s = NULL;
        if (kt_load_tender(argv[2], &t, &ei) != KT_OK || kt_load_policy(argv[3], &p, &ei) != KT_OK) {
            fprintf(stderr, "%s:%ld: %s\n", ei.file, ei.line, ei.msg);
            return 2;
        }
        double a = now(), ca = cpu();
        if (kt_screen_new(g, p, &s) != KT_OK)
            return 1;
        double b = now(), cb = cpu();
        kt_screen_tender ctx = {t->regime, t->access, t->access_given, t->mitigation, t->covered_by_agreements};
        size_t findings = 0;
        for (size_t i = 0; i < t->nbidders; i++) {
            kt_screen_result r;
            if (kt_screen_bidder(s, &ctx, &t->bidders[i], &r, &ei) != KT_OK)
                return 1;
            findings += r.nfindings + r.nunknown;
            kt_screen_result_destroy(&r);
        }
        double c = now(), cc = cpu();
        printf("screen: searches %.2f s, %zu bidders %.2f s (%zu findings and unknowns), total %.2f s after loading\n",
               b - a, t->nbidders, c - b, findings, c - a);
        printf("screen, CPU time: searches %.2f s, bidders %.2f s\n", cb - ca, cc - cb);
        kt_screen_free(s);
        kt_policy_free(p);
        kt_tender_free(t);
    }
    kt_diags_free(d);
    kt_graph_free(g);
    return 0;
}
