/* main.c: keten-mpi, the keten command with screen --mpi (see kt_dist.h).  Rank 0 runs the
 * command as keten does; the other ranks serve its jobs (kt_dist_worker) until it is done,
 * and every rank exits with rank 0's status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cli/screen_out.h"
#include "kt_dist.h"

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
    long long mine[4] = {peak_kb(), kt_dist_last.owned, kt_dist_last.steps, kt_dist_last.bytes};
    long long *all = rank == 0 ? calloc((size_t)size * 4, sizeof *all) : NULL;
    MPI_Gather(mine, 4, MPI_LONG_LONG, all, 4, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    if (rank == 0)
        fprintf(stderr, "keten: --mpi on %d ranks: partition sent in %.2f s, searches %.2f s, paths %.2f s\n", size,
                kt_dist_last.partition, kt_dist_last.searches, kt_dist_last.paths);
    for (int r = 0; all && r < size; r++)
        fprintf(stderr, "keten: rank %d: peak %.0f MB; owns %lld vertices, %lld steps, %.0f MB of search state\n", r,
                all[4 * r] / 1024.0, all[4 * r + 1], all[4 * r + 2], all[4 * r + 3] / 1048576.0);
    free(all);
}

int main(int argc, char **argv)
{
    int rank, size, code, timings = 0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    kt_dist_stderr = stderr;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        timings |= strcmp(argv[i], "--timings") == 0;
    if (rank == 0) {
        kt_cli_screen_mpi = kt_dist_screen;
        code = kt_cli_main(argc, argv);
        kt_dist_done(code);
    } else {
        code = kt_dist_worker();
    }
    if (timings)
        report(rank, size);
    MPI_Finalize();
    return code;
}
