/* screen_par.c: the screening stages' work spread over threads (screen_i.h).
 *
 * Tasks are numbered; each worker takes the next number from a shared counter until none are
 * left, so every task runs exactly once, on whichever thread is free.  The tasks write only
 * their own outputs (a search its tables, a bidder its result), so what they produce never
 * depends on the number of threads or on which thread ran what. */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "screen_i.h"

int kt_screen_i_threads(int threads)
{
    if (threads > 0)
        return threads;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

typedef struct {
    atomic_size_t next;
    size_t n;
    kt_screen_i_task fn;
    void *arg;
} pool;

typedef struct {
    pool *p;
    int worker;
} worker_arg;

static void *work(void *a)
{
    worker_arg *w = a;
    for (;;) {
        size_t i = atomic_fetch_add(&w->p->next, 1);
        if (i >= w->p->n)
            break;
        w->p->fn(w->p->arg, i, w->worker);
    }
    return NULL;
}

void kt_screen_i_parallel(int threads, size_t n, kt_screen_i_task fn, void *arg)
{
    pool p = {0, n, fn, arg};
    pthread_t tid[64];
    worker_arg wa[64];
    int started = 0;

    atomic_init(&p.next, 0);
    if (threads > 64)
        threads = 64;
    if ((size_t)threads > n)
        threads = n ? (int)n : 1;
    /* workers 1..threads-1 on new threads, worker 0 on this one; a thread that cannot be
     * started leaves its share to the others */
    for (int t = 1; t < threads; t++) {
        wa[started + 1] = (worker_arg){&p, started + 1};
        if (pthread_create(&tid[started], NULL, work, &wa[started + 1]) != 0)
            break;
        started++;
    }
    wa[0] = (worker_arg){&p, 0};
    work(&wa[0]);
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
}

void kt_screen_parallel(int threads, size_t n, kt_screen_task fn, void *arg)
{
    kt_screen_i_parallel(kt_screen_i_threads(threads), n, fn, arg);
}

int kt_screen_threads(int threads)
{
    return kt_screen_i_threads(threads);
}
