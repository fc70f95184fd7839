/* lines.c: JSON Lines parsed on every core, merged in file order (see load_i.h).
 *
 * The input is read in chunks cut at line ends (KT_LOAD_CHUNK_DEFAULT bytes, or the
 * KETEN_LOAD_CHUNK environment variable: a testing aid that splits small files into many
 * chunks), one chunk at a time by whichever thread is free, a worker first.  Workers parse a
 * chunk's lines (ops->decode_text straight from the text where the format has it, else cJSON into
 * the chunk's own arena and ops->decode), with the chunk's own diagnostics and line numbers
 * counted from the chunk's start, then let the format look ahead at the records (ops->resolve).
 * The loading thread takes the chunks in file order and, line by line, replays each line's
 * diagnostics and adds its record (ops->add): everything that depends on order (interning,
 * first-seen rules, duplicates, conflicts, the diagnostics' order and cap, limits) happens
 * there, as in a serial read.  The chunks do not depend on the number of threads, so neither
 * does anything keten prints.
 *
 * Memory: at most threads + 1 chunks are in flight, each its text, its parse trees and its
 * records (about 3 MiB at the default size); the whole input is never held.  All threads
 * allocate from one malloc arena (M_ARENA_MAX): what a worker frees is reused by the model
 * that grows after it, so the peak stays that of a serial load.
 * Complexity: O(input size) work, spread over the threads; the merge is O(records). */
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "load_i.h"

#define KT_LOAD_CHUNK_DEFAULT (256u << 10)

/* ---- arenas: cJSON allocates from the current thread's chunk arena ---- */

typedef struct {
    char *block;    /* the current block of ARENA_BLOCK bytes */
    size_t used;
    char **full;    /* the blocks filled before it, reused after a reset */
    size_t nfull, reuse, capfull; /* reuse: how many of them are filled again */
    char **big;     /* values larger than a quarter block, each its own, freed at reset */
    size_t nbig, capbig;
    int failed;
} arena_t;

#define ARENA_BLOCK (256u << 10)

static _Thread_local arena_t *tl_arena; /* NULL: cJSON uses malloc */

static int push_ptr(char ***v, size_t *n, size_t *cap, char *p)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char **x = realloc(*v, nc * sizeof *x);
        if (!x)
            return -1;
        *v = x;
        *cap = nc;
    }
    (*v)[(*n)++] = p;
    return 0;
}

/* Blocks are kept from chunk to chunk, so parsing does not churn malloc (which would leave the
 * heap fragmented under the model growing beside it). */
static void *arena_alloc(arena_t *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n > ARENA_BLOCK / 4) {
        char *b = malloc(n);
        if (!b || push_ptr(&a->big, &a->nbig, &a->capbig, b) != 0) {
            free(b);
            goto fail;
        }
        return b;
    }
    if (!a->block || a->used + n > ARENA_BLOCK) {
        char *b;
        if (a->block && a->reuse < a->nfull) {
            /* swap the current block for the next filled one */
            b = a->full[a->reuse];
            a->full[a->reuse++] = a->block;
        } else {
            if (!(b = malloc(ARENA_BLOCK)))
                goto fail;
            if (a->block && push_ptr(&a->full, &a->nfull, &a->capfull, a->block) != 0) {
                free(b);
                goto fail;
            }
            if (a->block)
                a->reuse = a->nfull;
        }
        a->block = b;
        a->used = 0;
    }
    void *p = a->block + a->used;
    a->used += n;
    return p;
fail:
    a->failed = 1;
    kt_load_i_json_note_oom();
    return NULL;
}

static void arena_reset(arena_t *a)
{
    for (size_t i = 0; i < a->nbig; i++)
        free(a->big[i]);
    a->nbig = 0;
    a->reuse = 0;
    a->used = 0;
    a->failed = 0;
}

static void arena_destroy(arena_t *a)
{
    arena_reset(a);
    for (size_t i = 0; i < a->nfull; i++)
        free(a->full[i]);
    free(a->full);
    free(a->big);
    free(a->block);
    memset(a, 0, sizeof *a);
}

static void *hook_malloc(size_t n)
{
    return tl_arena ? arena_alloc(tl_arena, n) : kt_load_i_json_malloc(n);
}

static void hook_free(void *p)
{
    if (!tl_arena)
        free(p); /* arena memory goes at the chunk's reset */
}

void *kt_load_i_lines_alloc(size_t n)
{
    return tl_arena ? arena_alloc(tl_arena, n) : NULL;
}

/* ---- chunks ---- */

enum { C_FREE, C_READ, C_PARSING, C_PARSED };

typedef struct {
    int state;
    char *buf;             /* the chunk's text, whole lines (NUL-terminated in place when parsed) */
    size_t len, cap;
    int last;              /* the input ends with this chunk */
    const char *read_limit; /* the limit reading this chunk went past (then it holds nothing) */
    arena_t arena;
    kt_diags *d;           /* its diagnostics, lines counted from 1 at the chunk's start */
    char *recs;            /* nrecs records of ops->rec_size bytes */
    long *lines;           /* each record's line in the chunk */
    size_t nrecs, caprecs;
    long nlines;           /* lines in the chunk */
    long limit_line;       /* the first line longer than the line limit, 0 none */
    int oom;               /* parsing ran out of memory after the records it has */
} chunk_t;

typedef struct {
    kt_load_ctx *c;
    const kt_load_lines_ops *ops;
    chunk_t *slots;
    size_t nslots;
    size_t read_seq, parse_seq, merge_seq; /* chunks read; taken for parsing; merged */
    int stop;
    /* reading, a task for whichever thread is free (one at a time): the source, the unfinished
     * last line of the chunk read before, the chunk size */
    kt_src *src;
    char *carry;
    size_t ncarry, capcarry, size;
    int eof, reading, read_failed;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} pool_t;

static size_t chunk_size(void)
{
    const char *e = getenv("KETEN_LOAD_CHUNK");
    if (e && *e >= '1' && *e <= '9') {
        unsigned long long v = strtoull(e, NULL, 10);
        if (v >= 1 && v <= (1ull << 30))
            return (size_t)v;
    }
    return KT_LOAD_CHUNK_DEFAULT;
}

/* Room for one more record in ch; -1 out of memory. */
static int rec_room(chunk_t *ch, size_t rec_size)
{
    if (ch->nrecs < ch->caprecs)
        return 0;
    size_t nc = ch->caprecs ? ch->caprecs * 2 : 1024;
    char *r = realloc(ch->recs, nc * rec_size);
    long *l = r ? realloc(ch->lines, nc * sizeof *l) : NULL;
    if (r)
        ch->recs = r;
    if (!l)
        return -1;
    ch->lines = l;
    ch->caprecs = nc;
    return 0;
}

/* Parse every line of ch (on any thread). */
static void parse_chunk(pool_t *p, chunk_t *ch)
{
    const kt_load_lines_ops *ops = p->ops;
    const kt_load_limits *lim = kt_load_get_limits();
    kt_load_ctx wc = *p->c;
    char *s = ch->buf, *end = ch->buf + ch->len;
    char *cr = NULL, *nl; /* the next CR (a line end too) at or after s, end when none; NULL: not looked for */
    long ln = 0;

    wc.d = ch->d;
    wc.oom = 0;
    tl_arena = &ch->arena;
    while (s < end) {
        if ((!cr || cr < s) && !(cr = memchr(s, '\r', (size_t)(end - s))))
            cr = end;
        if (!(nl = memchr(s, '\n', (size_t)(end - s))))
            nl = end;
        char *e = cr < nl ? cr : nl;
        size_t n = (size_t)(e - s), skip = e < end ? 1 : 0;
        if (e + 1 < end && e[0] == '\r' && e[1] == '\n')
            skip = 2;
        ln++;
        if (n > lim->line) {
            ch->limit_line = ln;
            break;
        }
        *e = '\0'; /* the buffer has a byte to spare after the last line */
        const char *q = s;
        s = e + skip;
        while (*q == ' ' || *q == '\t')
            q++;
        if (!*q)
            continue;
        if (rec_room(ch, ops->rec_size) != 0) {
            ch->oom = 1;
            break;
        }
        char *rec = ch->recs + ch->nrecs * ops->rec_size;
        /* e - n: the line's start; the common record straight from the text, the common line
         * in one pass, anything else by cJSON */
        if (ops->decode_text && n <= lim->string && ops->decode_text(e - n, n, (size_t)lim->depth, rec)) {
            ch->lines[ch->nrecs++] = ln;
            continue;
        }
        cJSON *o = n <= lim->string ? kt_load_i_json_fast(e - n, n, lim->depth, hook_malloc) : NULL;
        if (!o && !ch->arena.failed)
            o = kt_load_i_json_parse(&wc, e - n, n, ln);
        if (wc.oom || ch->arena.failed) {
            ch->oom = 1;
            break;
        }
        if (!o)
            continue;
        int k = ops->decode(&wc, o, ln, rec);
        if (k < 0 || wc.oom || ch->arena.failed) {
            ch->oom = 1;
            break;
        }
        if (k > 0)
            ch->lines[ch->nrecs++] = ln;
    }
    ch->nlines = ln;
    tl_arena = NULL;
    if (ops->resolve && !ch->oom)
        ops->resolve(&wc, ch->recs, ch->nrecs);
}

/* Read the next chunk into ch: carry (the unfinished last line of the previous chunk) first,
 * then at least size bytes, cut after the last line end.  What follows the cut goes back to
 * carry.  0, or -1 out of memory. */
static int read_chunk(kt_src *s, chunk_t *ch, char **carry, size_t *ncarry, size_t *capcarry, size_t size)
{
    const kt_load_limits *lim = kt_load_get_limits();
    size_t want = size > *ncarry ? size : *ncarry + 1;
    ch->len = 0;
    for (;;) {
        if (ch->cap < want + 2) {
            char *b = realloc(ch->buf, want + 2);
            if (!b)
                return -1;
            ch->buf = b;
            ch->cap = want + 2;
        }
        if (*ncarry) { /* (memcpy never sees the NULL of an empty carry) */
            memcpy(ch->buf, *carry, *ncarry);
            ch->len = *ncarry;
            *ncarry = 0;
        }
        long got = kt_load_i_src_read(s, ch->buf + ch->len, want - ch->len);
        if (got < 0) {
            ch->read_limit = s->limit;
            s->limit = NULL; /* reported when the merge gets here */
            ch->len = 0;
            ch->last = 1;
            return 0;
        }
        ch->len += (size_t)got;
        if (s->eof && s->pos >= s->len) { /* the end of input, and nothing left of a peek */
            ch->last = 1;
            return 0;
        }
        /* the last line end whose kind is known: a CR in the last byte may be half a CRLF */
        size_t cut = 0;
        for (size_t i = ch->len; i-- > 0;) {
            if (ch->buf[i] == '\n' || (ch->buf[i] == '\r' && i + 1 < ch->len)) {
                cut = i + 1;
                break;
            }
        }
        if (cut == 0 && ch->len > lim->line + 1)
            cut = ch->len; /* one line past the limit: the parse stops there */
        if (cut) {
            size_t rest = ch->len - cut;
            if (rest > *capcarry) {
                char *b = realloc(*carry, rest);
                if (!b)
                    return -1;
                *carry = b;
                *capcarry = rest;
            }
            if (rest)
                memcpy(*carry, ch->buf + cut, rest);
            *ncarry = rest;
            ch->len = cut;
            return 0;
        }
        /* no line end yet: a line longer than the chunk; read on */
        want = ch->len * 2;
    }
}

/* With p->mu held: whether a chunk may be read now (a free slot, nobody reading). */
static int can_read(const pool_t *p)
{
    return !p->eof && !p->reading && !p->read_failed && p->read_seq - p->merge_seq < p->nslots;
}

/* With p->mu held (let go while reading): read the next chunk. */
static void read_next(pool_t *p)
{
    chunk_t *ch = &p->slots[p->read_seq % p->nslots];
    p->reading = 1;
    pthread_mutex_unlock(&p->mu);
    int r = read_chunk(p->src, ch, &p->carry, &p->ncarry, &p->capcarry, p->size);
    pthread_mutex_lock(&p->mu);
    p->reading = 0;
    if (r != 0) {
        p->read_failed = 1;
    } else {
        ch->state = C_READ;
        p->eof = ch->last;
        p->read_seq++;
    }
    pthread_cond_broadcast(&p->cv);
}

/* With p->mu held (let go while parsing): parse the next chunk read. */
static void parse_next(pool_t *p)
{
    chunk_t *ch = &p->slots[p->parse_seq++ % p->nslots];
    ch->state = C_PARSING;
    pthread_mutex_unlock(&p->mu);
    parse_chunk(p, ch);
    pthread_mutex_lock(&p->mu);
    ch->state = C_PARSED;
    pthread_cond_broadcast(&p->cv);
}

/* A worker reads ahead when it can (so that the loading thread, which merges, seldom has to),
 * else parses. */
static void *worker(void *arg)
{
    pool_t *p = arg;
    pthread_mutex_lock(&p->mu);
    while (!p->stop) {
        if (can_read(p))
            read_next(p);
        else if (p->parse_seq < p->read_seq)
            parse_next(p);
        else
            pthread_cond_wait(&p->cv, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

kt_err kt_load_i_lines(kt_load_ctx *c, kt_src *s, const kt_load_lines_ops *ops, void *ud)
{
    int nthreads = kt_load_get_threads();
    long base = 0; /* lines before the chunk being merged */
    pthread_t *tids = NULL;
    int nworkers = 0, limited = 0;
    const char *limit_hit = NULL; /* what the load stopped at, for s once the workers are done */
    long limit_line = 0;
    kt_err rc = KT_OK;
    pool_t p;
    const kt_load_limits *lim = kt_load_get_limits();

    memset(&p, 0, sizeof p);
    p.c = c;
    p.ops = ops;
    p.src = s;
    p.size = chunk_size();
    p.nslots = (size_t)nthreads + 1; /* one read ahead of those being parsed and merged */
    if (!(p.slots = calloc(p.nslots, sizeof *p.slots)))
        return KT_ENOMEM;
    for (size_t i = 0; i < p.nslots; i++)
        if (!(p.slots[i].d = kt_diags_new())) {
            rc = KT_ENOMEM;
            goto out;
        } else {
            kt_diags_set_cap(p.slots[i].d, SIZE_MAX); /* the merge applies the cap */
        }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    cJSON_Hooks hooks = {hook_malloc, hook_free};
    cJSON_InitHooks(&hooks);
#ifdef M_ARENA_MAX
    if (nthreads > 1)
        mallopt(M_ARENA_MAX, 1);
#endif
    if (nthreads > 1 && !(tids = calloc((size_t)nthreads - 1, sizeof *tids)))
        rc = KT_ENOMEM;
    for (int i = 0; rc == KT_OK && i < nthreads - 1; i++)
        if (pthread_create(&tids[i], NULL, worker, &p) == 0)
            nworkers++;

    while (rc == KT_OK && !limited) {
        /* the next chunk in order, once parsed: meanwhile help parse, or read when nobody does */
        chunk_t *ch = NULL;
        pthread_mutex_lock(&p.mu);
        for (;;) {
            if (p.merge_seq < p.read_seq && p.slots[p.merge_seq % p.nslots].state == C_PARSED) {
                ch = &p.slots[p.merge_seq % p.nslots];
                break;
            }
            if (p.read_failed || (p.eof && p.merge_seq == p.read_seq))
                break;
            if (p.parse_seq < p.read_seq)
                parse_next(&p);
            else if (can_read(&p))
                read_next(&p);
            else
                pthread_cond_wait(&p.cv, &p.mu);
        }
        if (!ch && p.read_failed)
            rc = KT_ENOMEM;
        pthread_mutex_unlock(&p.mu);
        if (!ch)
            break;

        /* merge: where the chunk stops (a limit), then its lines in order */
        long stop = ch->nlines + 1; /* the first line (in the chunk) not to take */
        const char *limit = NULL;
        if (ch->limit_line)
            stop = ch->limit_line, limit = "line";
        if ((unsigned long long)(base + stop - 1) > lim->records) {
            stop = (long)(lim->records - (unsigned long long)base) + 1;
            limit = "records";
        }
        size_t nd = kt_diags_count(ch->d), di = 0;
        tl_arena = &ch->arena; /* what add does with cJSON stays in the chunk's memory */
        for (size_t r = 0; r <= ch->nrecs && rc == KT_OK; r++) {
            long upto = r < ch->nrecs && ch->lines[r] < stop ? ch->lines[r] : stop - 1;
            for (; di < nd && rc == KT_OK; di++) {
                const kt_diag *x = kt_diags_get(ch->d, di);
                if (x->line > upto)
                    break;
                rc = kt_diags_add(c->d, x->sev, x->code, x->file, x->line ? base + x->line : 0, x->record, "%s",
                                  x->msg);
            }
            if (r == ch->nrecs || ch->lines[r] >= stop || rc != KT_OK)
                break;
            if (ops->prefetch && r % 32 == 0)
                ops->prefetch(c, ch->recs + r * ops->rec_size,
                              ch->nrecs - r < 32 ? ch->nrecs - r : 32);
            rc = ops->add(c, ch->recs + r * ops->rec_size, base + ch->lines[r], ud);
        }
        tl_arena = NULL;
        if (rc == KT_OK && ch->oom)
            rc = KT_ENOMEM;
        if (rc == KT_OK && (limit || ch->read_limit)) {
            /* kt_load_stream reports it, at the line after s->lineno */
            limit_hit = limit ? limit : ch->read_limit;
            limit_line = base + stop - 1;
            limited = 1;
        }
        base += ch->nlines;
        /* the chunk is free again */
        arena_reset(&ch->arena);
        kt_diags_free(ch->d);
        ch->d = kt_diags_new();
        if (!ch->d)
            rc = KT_ENOMEM;
        else
            kt_diags_set_cap(ch->d, SIZE_MAX);
        ch->nrecs = 0;
        ch->limit_line = ch->nlines = 0;
        ch->oom = 0;
        ch->read_limit = NULL;
        pthread_mutex_lock(&p.mu);
        ch->state = C_FREE;
        p.merge_seq++;
        pthread_cond_broadcast(&p.cv); /* a slot to read into */
        pthread_mutex_unlock(&p.mu);
    }

    pthread_mutex_lock(&p.mu);
    p.stop = 1;
    pthread_cond_broadcast(&p.cv);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < nworkers; i++)
        pthread_join(tids[i], NULL);
    free(tids);
    /* the source is this thread's again */
    s->lineno = limited ? limit_line : base;
    if (limited)
        s->limit = limit_hit;
    kt_load_i_json_hooks();
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
out:
    for (size_t i = 0; i < p.nslots; i++) {
        arena_destroy(&p.slots[i].arena);
        kt_diags_free(p.slots[i].d);
        free(p.slots[i].buf);
        free(p.slots[i].recs);
        free(p.slots[i].lines);
    }
    free(p.slots);
    free(p.carry);
    return rc;
}
