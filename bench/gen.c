/* gen.c: bench/gen.py's data model at C speed, for the large sizes (100M relations).
 *
 *   build/bench/gen --relations 100000000 --out bench/data/r100m.jsonl \
 *                   [--tender bench/data/t100m.json --bidders 10000 --policy ../../samples/policy.json] [--seed 1]
 *
 * The same steps, proportions and distributions as gen.py, record for record: the same entity
 * counts and ids, power-law ownership over a growing pool of holdings with every company's
 * owners holding at most 99% plus 0.5% cross-holdings, 5% share ranges, explicit control, a
 * four-tier acyclic bill of materials, supplier tiers with sole sources, subcontracting,
 * consortia and their offers, and a tender of --bidders bidders; the records are written in
 * json.dumps's layout ("key": value, ", " between fields).  The random numbers come from
 * xoshiro256** instead of Python's Mersenne Twister, so the file is a look-alike of gen.py's
 * with the same seed, not the same bytes (bench/README.md).  About 10.5 GB at 100M.
 * The tender names the data by its base name when both files share a folder, else by the path
 * given; the policy path is written as given (relative to the tender's folder).
 * Memory: one long per company (the room left for its owners), 160 MB at 100M. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const cc[] = {"NL", "DE", "BE", "FR", "US", "GB", "CN", "TW", "JP", "KR", "RU", "CY",
                                 "IE", "CH", "SG", "PL", "IT", "ES", "SE", "IR", "AE", "IN", "VN", "MY"};
static const double cw[] = {20, 14, 6, 8, 10, 5, 10, 4, 4, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 0.2, 1, 2, 1, 1};
#define NCC (sizeof cc / sizeof cc[0])

/* ---- random numbers: xoshiro256**, seeded through splitmix64 ---- */
static uint64_t st[4];

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next(void)
{
    uint64_t r = rotl(st[1] * 5, 7) * 9, t = st[1] << 17;
    st[2] ^= st[0];
    st[3] ^= st[1];
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    st[3] = rotl(st[3], 45);
    return r;
}

static void seed(uint64_t s)
{
    for (int i = 0; i < 4; i++) {
        uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        st[i] = z ^ (z >> 31);
    }
}

static double unif(void) { return (double)(next() >> 11) * 0x1.0p-53; }           /* [0, 1) */
static long range(long n) { return (long)(((unsigned __int128)next() * (uint64_t)n) >> 64); } /* [0, n) */

/* ---- output: a buffer of records, written in large blocks ---- */
static FILE *out;
static char buf[1 << 20];
static size_t used;

static void flush(void)
{
    if (fwrite(buf, 1, used, out) != used) {
        perror("gen: write");
        exit(1);
    }
    used = 0;
}

static void put(const char *s)
{
    size_t n = strlen(s);
    if (used + n > sizeof buf)
        flush();
    memcpy(buf + used, s, n);
    used += n;
}

static void num(long v)
{
    char t[24];
    int n = 0;
    if (v < 0) {
        put("-");
        v = -v;
    }
    do
        t[sizeof t - 1 - n++] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    if (used + (size_t)n > sizeof buf)
        flush();
    memcpy(buf + used, t + sizeof t - n, (size_t)n);
    used += (size_t)n;
}

static void id(char kind, long i)
{
    char k[2] = {kind, 0};
    put(k);
    num(i);
}

/* A share of cents/100 as Python prints a float rounded to two places: 5.0, 5.1, 5.25. */
static void cents(long c)
{
    num(c / 100);
    put(".");
    if (c % 100 == 0)
        put("0");
    else if (c % 10 == 0)
        num(c % 100 / 10);
    else {
        if (c % 100 < 10)
            put("0");
        num(c % 100);
    }
}

static void rel(const char *type, char fk, long from, char tk, long to)
{
    put("{\"rel\": \"");
    put(type);
    put("\", \"from\": \"");
    id(fk, from);
    put("\", \"to\": \"");
    id(tk, to);
    put("\"");
}

int main(int argc, char **argv)
{
    long R = 0, bidders = 10000;
    uint64_t s = 1;
    const char *path = NULL, *tender = NULL, *policy = "../../samples/policy.json";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--relations"))
            R = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--out"))
            path = argv[i + 1];
        else if (!strcmp(argv[i], "--seed"))
            s = strtoull(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--tender"))
            tender = argv[i + 1];
        else if (!strcmp(argv[i], "--bidders"))
            bidders = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--policy"))
            policy = argv[i + 1];
        else
            break;
    }
    if (R <= 0 || !path || argc % 2 == 0) {
        fprintf(stderr, "usage: gen --relations N --out FILE [--seed S] [--tender FILE --bidders N --policy PATH]\n");
        return 2;
    }
    if (!(out = fopen(path, "w"))) {
        perror(path);
        return 1;
    }
    seed(s);

    /* the country of entity i: a weighted draw, 65,536 of them made up front as in gen.py */
    static unsigned char country[1 << 16];
    double tw = 0;
    for (size_t k = 0; k < NCC; k++)
        tw += cw[k];
    for (int i = 0; i < 1 << 16; i++) {
        double x = unif() * tw;
        size_t k = 0;
        while (k + 1 < NCC && x >= cw[k])
            x -= cw[k++];
        country[i] = (unsigned char)k;
    }
    long n_comp = R / 5 > 10 ? R / 5 : 10, n_pers = R / 25 > 5 ? R / 25 : 5, n_state = 20;
    long n_items = (long)(R * 0.35 / 2) > 10 ? (long)(R * 0.35 / 2) : 10, n_cons = R / 200 > 1 ? R / 200 : 1;
    long nrel = 0;

    put("{\"keten\":\"1\"}\n");
    for (long i = 0; i < n_state; i++) {
        put("{\"id\": \"s");
        num(i);
        put("\", \"type\": \"state\", \"name\": \"State ");
        num(i);
        put("\", \"country\": \"");
        put(cc[i % (long)NCC]);
        put("\"}\n");
    }
    for (long i = 0; i < n_comp; i++) {
        put("{\"id\": \"c");
        num(i);
        put("\", \"type\": \"company\", \"name\": \"Company ");
        num(i);
        put(" B.V.\", \"country\": \"");
        put(cc[country[i & 0xFFFF]]);
        put("\"");
        if (i % 97 == 0)
            put(", \"state_owned\": true");
        if (i % 5 == 0) {
            char t[40];
            snprintf(t, sizeof t, "LEI%016ld", i);
            put(", \"identifiers\": {\"lei\": \"");
            put(t);
            put("\"}");
        }
        if (i % 3 == 0)
            put(", \"complete\": true");
        put("}\n");
    }
    for (long i = 0; i < n_pers; i++) {
        put("{\"id\": \"p");
        num(i);
        put("\", \"type\": \"person\", \"name\": \"Person ");
        num(i);
        put("\", \"country\": \"");
        put(cc[country[(i * 7) & 0xFFFF]]);
        put("\"}\n");
    }
    /* items: tier 0 products, tiers 1-4 components */
    long tiers[5] = {n_items / 10, n_items / 5, n_items / 4, n_items / 4, 0}, tier_start[5], sum = 0;
    tiers[4] = n_items - tiers[0] - tiers[1] - tiers[2] - tiers[3];
    for (int t = 0; t < 5; t++) {
        tier_start[t] = sum;
        sum += tiers[t];
    }
    for (int t = 0; t < 5; t++)
        for (long j = 0; j < tiers[t]; j++) {
            long i = tier_start[t] + j;
            put("{\"id\": \"i");
            num(i);
            put(t == 0 ? "\", \"type\": \"product\", \"name\": \"Item " : "\", \"type\": \"component\", \"name\": \"Item ");
            num(i);
            put("\"");
            if (i % 4 == 0) {
                put(", \"country\": \"");
                put(cc[country[(i * 13) & 0xFFFF]]);
                put("\"");
            }
            if (t == 4 || i % 3 == 0)
                put(", \"complete\": true");
            put("}\n");
        }
    for (long i = 0; i < n_cons; i++) {
        put("{\"id\": \"k");
        num(i);
        put("\", \"type\": \"consortium\", \"name\": \"Consortium ");
        num(i);
        put("\"}\n");
    }

    /* ownership: preferential attachment over a pool of holdings that grows */
    long budget_own = (long)(R * 0.30), made = 0, i = 0, npool = 64, cap = 1024;
    long *pool = malloc((size_t)cap * sizeof *pool);
    long *room = malloc((size_t)n_comp * sizeof *room); /* cents the owners may still hold (99%) */
    static const int kchoice[] = {0, 1, 1, 2, 2, 3, 4};
    if (!pool || !room) {
        fprintf(stderr, "gen: out of memory\n");
        return 1;
    }
    for (long k = 0; k < npool; k++)
        pool[k] = range(n_comp);
    for (long k = 0; k < n_comp; k++)
        room[k] = 9900;
    while (made < budget_own) {
        long target = i % n_comp;
        i++;
        int k = kchoice[range(7)];
        long left = room[target];
        for (int m = 0; m < k; m++) {
            double r = unif();
            char ok = 'c';
            long owner;
            if (r < 0.6)
                owner = pool[range(npool)];
            else if (r < 0.85)
                owner = range(n_comp);
            else if (r < 0.98)
                ok = 'p', owner = range(n_pers);
            else
                ok = 's', owner = range(n_state);
            if (ok == 'c' && owner == target)
                continue;
            /* a share drawn from [1, left] and rounded to cents */
            long share = left > 100 ? (long)(100 + unif() * (double)(left - 100) + 0.5) : 0;
            if (share <= 0)
                break;
            left -= share;
            room[target] = left;
            rel("owns", ok, owner, 'c', target);
            if (unif() < 0.05 && share >= 200) {
                put(", \"share\": {\"min\": ");
                cents((share + 1) / 2);
                put(", \"max\": ");
                cents(share);
                put("}}\n");
            } else {
                put(", \"share\": ");
                cents(share);
                put("}\n");
            }
            made++;
            if (ok == 'c' && unif() < 0.01) {
                if (npool == cap && !(pool = realloc(pool, (size_t)(cap *= 2) * sizeof *pool))) {
                    fprintf(stderr, "gen: out of memory\n");
                    return 1;
                }
                pool[npool++] = owner;
            }
        }
        if (unif() < 0.005 && target + 1 < n_comp && made < budget_own) {
            /* a cross-holding: small enough never to push a company's owners past 100% */
            rel("owns", 'c', target, 'c', target + 1);
            put(", \"share\": 0.5}\n");
            made++;
        }
    }
    nrel += made;
    free(room);
    free(pool);

    /* explicit control */
    for (long n = 0; n < (long)(R * 0.02); n++) {
        long a = range(n_comp), b = range(n_comp);
        if (a != b) {
            rel("controls", 'c', a, 'c', b);
            put(", \"basis\": \"board\"}\n");
            nrel++;
        }
    }
    /* bills of materials: every component of tier t+1 in one or two items of tier t */
    static const int qty[] = {1, 1, 2, 4};
    for (int t = 1; t < 5; t++)
        for (long j = 0; j < tiers[t]; j++) {
            long it = tier_start[t] + j, parent = tier_start[t - 1] + range(tiers[t - 1]);
            rel("contains", 'i', parent, 'i', it);
            put(", \"qty\": ");
            num(qty[range(4)]);
            put("}\n");
            nrel++;
            if (unif() < 0.1) {
                long parent2 = tier_start[t - 1] + range(tiers[t - 1]);
                if (parent2 != parent) {
                    rel("contains", 'i', parent2, 'i', it);
                    put("}\n");
                    nrel++;
                }
            }
        }
    for (long it = 0; it < n_items; it++) {
        rel("made_by", 'i', it, 'c', range(n_comp));
        put("}\n");
        nrel++;
    }
    /* supplier tiers and subcontracting */
    while (nrel < R - 2 * n_cons * 3 - (long)(R * 0.05)) {
        long sup = range(n_comp), cust = range(n_comp);
        if (sup == cust)
            continue;
        rel("supplies", 'c', sup, 'c', cust);
        put(", \"item\": \"");
        id('i', range(n_items));
        put(unif() < 0.1 ? "\", \"sole_source\": true}\n" : "\"}\n");
        nrel++;
    }
    for (long n = 0; n < (long)(R * 0.05); n++) {
        long a = range(n_comp), b = range(n_comp);
        if (a != b) {
            rel("subcontracts", 'c', a, 'c', b);
            put(", \"scope\": \"installation\"}\n");
            nrel++;
        }
    }
    /* consortia: 2-3 members each, one lead, one offered product */
    for (long k = 0; k < n_cons; k++) {
        int nm = 2 + (int)range(2);
        for (int m = 0; m < nm; m++) {
            rel("member_of", 'c', range(n_comp), 'k', k);
            put(m == 0 ? ", \"role\": \"lead\"}\n" : ", \"role\": \"member\"}\n");
            nrel++;
        }
        rel("offers", 'k', k, 'i', range(tiers[0]));
        put("}\n");
        nrel++;
    }
    flush();
    if (fclose(out) != 0) {
        perror(path);
        return 1;
    }

    if (tender) {
        const char *ps = strrchr(path, '/'), *ts = strrchr(tender, '/');
        size_t pd = ps ? (size_t)(ps - path) : 0, td = ts ? (size_t)(ts - tender) : 0;
        const char *data = pd == td && strncmp(path, tender, pd) == 0 ? (ps ? ps + 1 : path) : path;
        if (!(out = fopen(tender, "w"))) {
            perror(tender);
            return 1;
        }
        put("{\"keten_tender\": \"1\", \"id\": \"bench\", \"title\": \"Synthetic benchmark tender\", "
            "\"authority\": \"Benchmark\", \"regime\": \"adv\", \"access\": [\"sensitive_ict\"], "
            "\"mitigation\": \"insufficient\", \"data\": [\"");
        put(data);
        put("\"], \"policy\": \"");
        put(policy);
        put("\", \"bidders\": [");
        for (long b = 0; b < bidders; b++) {
            put(b ? ", {\"id\": \"b" : "{\"id\": \"b");
            num(b);
            put("\", \"name\": \"Bidder ");
            num(b);
            if (b % 2 == 0) {
                put("\", \"consortium\": \"");
                id('k', b % n_cons);
                put("\"}");
            } else {
                put("\", \"members\": [{\"id\": \"");
                id('c', range(n_comp));
                put("\", \"lead\": true}, {\"id\": \"");
                id('c', range(n_comp));
                put("\"}], \"subcontractors\": [\"");
                id('c', range(n_comp));
                put("\"], \"offers\": [\"");
                id('i', range(tiers[0]));
                put("\"]}");
            }
        }
        put("]}");
        flush();
        if (fclose(out) != 0) {
            perror(tender);
            return 1;
        }
    }
    fprintf(stderr, "%s: %ld relations, %ld companies, %ld persons, %ld items\n", path, nrel, n_comp, n_pers, n_items);
    return 0;
}
