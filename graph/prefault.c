/* prefault.c: a helper thread that faults in, a stretch ahead of the loading thread, the pages of
 * the arrays a large load is about to write (see graph_i.h).
 *
 * The first write to a page costs a fault and the kernel's zeroing of it; at 10M relations that
 * was a third of the loading thread's time on the test machine (a virtual machine, where the
 * host backs each page on first touch too).  MADV_POPULATE_WRITE does the same work on this
 * thread instead and never changes a byte, so the loading thread's writes race with nothing; it
 * finds the pages there.  Each range is filled no further than the loading thread asks (a stretch
 * ahead of its fill level), so the peak stays what the load itself touches plus the stretch.
 * The loading thread stops the helper (kt_graph_i_pf_stop, which joins it) before it moves or
 * frees any array the helper was given.  Without MADV_POPULATE_WRITE (kernels before 5.14, other
 * systems) no thread is started. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "graph_i.h"

#define STEP ((size_t)8 << 20) /* bytes per madvise call: the loading thread never waits long */

struct kt_graph_i_pf {
    pthread_t t;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    struct {
        char *base;
        size_t done, upto; /* bytes from base: faulted in, wanted */
    } r[KT_GRAPH_I_PF_RANGES];
};

static void *run(void *arg)
{
    kt_graph_i_pf *pf = arg;
    pthread_mutex_lock(&pf->mu);
    while (!pf->stop) {
        int k = 0;
        while (k < KT_GRAPH_I_PF_RANGES && pf->r[k].done >= pf->r[k].upto)
            k++;
        if (k == KT_GRAPH_I_PF_RANGES) {
            pthread_cond_wait(&pf->cv, &pf->mu);
            continue;
        }
        char *a = pf->r[k].base + pf->r[k].done;
        size_t n = pf->r[k].upto - pf->r[k].done;
        if (n > STEP)
            n = STEP;
        pthread_mutex_unlock(&pf->mu);
#ifdef MADV_POPULATE_WRITE
        madvise(a, n, MADV_POPULATE_WRITE); /* failure: the pages fault in when written, as without this */
#endif
        pthread_mutex_lock(&pf->mu);
        if (pf->r[k].base + pf->r[k].done == a) /* the range was not handed a new block meanwhile */
            pf->r[k].done += n;
    }
    pthread_mutex_unlock(&pf->mu);
    return NULL;
}

kt_graph_i_pf *kt_graph_i_pf_start(void)
{
#ifdef MADV_POPULATE_WRITE
    kt_graph_i_pf *pf = calloc(1, sizeof *pf);
    if (!pf)
        return NULL;
    if (pthread_mutex_init(&pf->mu, NULL) != 0) {
        free(pf);
        return NULL;
    }
    if (pthread_cond_init(&pf->cv, NULL) != 0) {
        pthread_mutex_destroy(&pf->mu);
        free(pf);
        return NULL;
    }
    if (pthread_create(&pf->t, NULL, run, pf) != 0) {
        pthread_cond_destroy(&pf->cv);
        pthread_mutex_destroy(&pf->mu);
        free(pf);
        return NULL;
    }
    return pf;
#else
    return NULL;
#endif
}

void kt_graph_i_pf_want(kt_graph_i_pf *pf, int k, void *base, size_t bytes)
{
    const uintptr_t page = 4096;
    if (!pf || !base || !bytes)
        return;
    /* whole pages inside the block only: its first and last pages may be another block's too */
    uintptr_t a = ((uintptr_t)base + page - 1) & ~(page - 1), b = ((uintptr_t)base + bytes) & ~(page - 1);
    if (b <= a)
        return;
    pthread_mutex_lock(&pf->mu);
    if (pf->r[k].base != (char *)a) { /* another block: nothing of it is faulted in or wanted yet */
        pf->r[k].base = (char *)a;
        pf->r[k].done = pf->r[k].upto = 0;
    }
    if (b - a > pf->r[k].upto) {
        pf->r[k].upto = b - a;
        pthread_cond_signal(&pf->cv);
    }
    pthread_mutex_unlock(&pf->mu);
}

void kt_graph_i_pf_stop(kt_graph_i_pf **pfp)
{
    kt_graph_i_pf *pf = *pfp;
    if (!pf)
        return;
    pthread_mutex_lock(&pf->mu);
    pf->stop = 1;
    pthread_cond_signal(&pf->cv);
    pthread_mutex_unlock(&pf->mu);
    pthread_join(pf->t, NULL);
    pthread_cond_destroy(&pf->cv);
    pthread_mutex_destroy(&pf->mu);
    free(pf);
    *pfp = NULL;
}
