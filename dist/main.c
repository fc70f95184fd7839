/* main.c: keten-mpi, the keten command with screen --mpi (see kt_dist.h).  Every rank runs the
 * command, reading its files itself; only rank 0 writes (the others write to /dev/null, their
 * fatal messages excepted), and every rank exits with rank 0's status. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cli/node_cmd.h"
#include "../cli/own_cli.h"
#include "../cli/screen_out.h"
#include "dist_i.h"

/* cli/main.c's main, compiled under this name into keten-mpi (Makefile) */
int kt_cli_main(int argc, char **argv);

FILE *kt_dist_stderr;

/* This process's peak resident memory in kB (VmHWM), 0 when unknown. */
static long long peak_kb(void)
{
    char line[256];
    long long kb = 0;
    FILE *f = fopen("/proc/self/status", "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = atoll(line + 6);
    if (f)
        fclose(f);
    return kb;
}

/* --timings: each rank's peak memory and partitioned state, printed by rank 0. */
static void report(int rank, int size)
{
    enum { N = 7 };
    long long mine[N] = {peak_kb(),           kt_dist_last.owned,  kt_dist_last.steps, kt_dist_last.bytes,
                         kt_dist_last.rss_kb, kt_dist_last.pss_kb, kt_dist_last.priv_kb};
    long long *all = rank == 0 ? calloc((size_t)size * N, sizeof *all) : NULL;
    MPI_Gather(mine, N, MPI_LONG_LONG, all, N, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    if (rank == 0)
        fprintf(stderr, "keten: --mpi on %d ranks: partition read in %.2f s, searches %.2f s, paths %.2f s\n", size,
                kt_dist_last.partition, kt_dist_last.searches, kt_dist_last.paths);
    for (int r = 0; all && r < size; r++) {
        const long long *a = all + N * r;
        fprintf(stderr,
                "keten: rank %d: peak %.0f MB; at its largest: private %.0f MB, rss %.0f MB, pss %.0f MB; owns %lld "
                "vertices, %lld steps, %.0f MB of search state\n",
                r, a[0] / 1024.0, a[6] / 1024.0, a[4] / 1024.0, a[5] / 1024.0, a[1], a[2], a[3] / 1048576.0);
    }
    free(all);
}

int main(int argc, char **argv)
{
    int rank, size, code, timings = 0, mpi = 0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    kt_dist_stderr = stderr;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        timings |= strcmp(argv[i], "--timings") == 0;
        mpi |= strcmp(argv[i], "--mpi") == 0;
    }
    /* --timings is screen's option; the other commands take it here only (the ranks' figures) */
    if (timings && argc > 1 && strcmp(argv[1], "screen") != 0) {
        int j = 1;
        for (int i = 1; i < argc; i++)
            if (strcmp(argv[i], "--timings") != 0)
                argv[j++] = argv[i];
        argc = j;
        argv[argc] = NULL;
    }
    if (rank != 0) {
        /* the command's messages and output are rank 0's to write; fatal ones go to stderr */
        int fd = dup(2), null = open("/dev/null", O_WRONLY | O_CLOEXEC);
        kt_dist_stderr = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
            close(null);
        }
    }
    kt_graph_snapshot_lazy = 1; /* each rank keeps resident only the pages it reads */
    kt_cli_screen_mpi = kt_dist_screen;
    kt_cli_exposure_mpi = kt_dist_exposure;
    kt_cli_owners_mpi = kt_dist_owners;
    kt_cli_critical_mpi = kt_dist_critical;
    /* without --mpi, keten-mpi is plain keten on rank 0: the others wait (and write no file) */
    code = rank == 0 || mpi ? kt_cli_main(argc, argv) : 0;
    if (rank == 0)
        kt_dist_done(code);
    else
        code = kt_dist_worker();
    if (timings)
        report(rank, size);
    if (kt_dist_stderr && kt_dist_stderr != stderr)
        fclose(kt_dist_stderr);
    MPI_Finalize();
    return code;
}
