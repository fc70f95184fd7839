/* main.c: keten-mpi, the keten command with screen --mpi (see kt_dist.h).  Under mpirun with
 * more than one rank it runs only `screen TENDER --mpi`; every rank runs the command, rank 0
 * alone writes, and every rank exits with rank 0's status. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../cli/screen_out.h"
#include "kt_dist.h"

/* cli/main.c's main, compiled under this name into keten-mpi (Makefile) */
int kt_cli_main(int argc, char **argv);

FILE *kt_dist_stderr;

int main(int argc, char **argv)
{
    int rank, size, code = 2, mpi = 0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    kt_dist_stderr = stderr;
    if (rank != 0) {
        int fd = dup(2);
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        kt_dist_stderr = f ? f : stderr;
        if (!freopen("/dev/null", "w", stdout) || (f && !freopen("/dev/null", "w", stderr)))
            kt_dist_stderr = stderr;
    }
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        mpi |= strcmp(argv[i], "--mpi") == 0;
    kt_cli_screen_mpi = kt_dist_screen;
    if (size > 1 && !mpi)
        fprintf(stderr, "keten: under mpirun with %d ranks keten-mpi runs 'screen TENDER --mpi' only\n", size);
    else
        code = kt_cli_main(argc, argv);
    MPI_Bcast(&code, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return code;
}
