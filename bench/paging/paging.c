/* Benchmark of the x86_64 mapper over host memory with the fixed-offset backend
 * (bench/README.md defines the work): nanoseconds per map, translate and unmap
 * of 16384 4 KiB pages (64 MiB) and of 512 2 MiB pages (1 GiB), the median of
 * 9 rounds; under callgrind one round, with instructions per call as well.
 * Prints one "<name> <value> <unit>" line per figure. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/bench.h"
#include "x86_64/mapper.h"

#define ROUNDS 9
#define POOL_FRAMES 64
#define PAGES_4K 16384
#define PAGES_2M 512
#define BASE_VIRT UINT64_C(0xFFFF800000000000)
#define BASE_PHYS UINT64_C(0x100000000)

struct pool {
    uint8_t *memory;
    size_t next;
};

static bool pool_alloc(void *ctx, uint64_t *phys)
{
    struct pool *p = ctx;
    if (p->next >= POOL_FRAMES) {
        return false;
    }
    *phys = (uint64_t)p->next++ * 4096;
    return true;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int rounds)
{
    qsort(v, (size_t)rounds, sizeof(double), compare);
    return v[rounds / 2];
}

static void fail(const char *what, enum x86_status status)
{
    fprintf(stderr, "bench_paging: %s: %s\n", what, x86_status_str(status));
    exit(1);
}

/* Phase timing: under callgrind each phase is also one counted phase. */
struct phase {
    bool counted;
    double start;
};

static void phase_begin(struct phase *p)
{
    if (p->counted) {
        bench_phase_begin();
    }
    p->start = bench_now_ns();
}

/* Nanoseconds per operation of the phase NAME of COUNT operations. */
static double phase_end(struct phase *p, const char *name, size_t count)
{
    double ns = (bench_now_ns() - p->start) / (double)count;
    if (p->counted) {
        bench_phase_end(name, count);
    }
    return ns;
}

/* One round for COUNT pages of SIZE: map, translate, unmap; times per page.
 * With COUNTED, each phase is one callgrind phase named after SUFFIX. */
static void round_of(struct pool *pool, enum x86_page_size size, size_t count, double out[3],
                     const char *suffix, bool counted)
{
    char names[3][32];
    snprintf(names[0], sizeof(names[0]), "map_%s", suffix);
    snprintf(names[1], sizeof(names[1]), "translate_%s", suffix);
    snprintf(names[2], sizeof(names[2]), "unmap_%s", suffix);
    pool->next = 0;
    struct x86_phys_window window = { 0, POOL_FRAMES * 4096, (uintptr_t)pool->memory };
    struct x86_phys_access mem = { &window, x86_phys_window_table };
    struct x86_frame_allocator frames = { pool, pool_alloc, NULL };
    struct x86_mapper m;
    enum x86_status st = x86_mapper_create(&m, 4, &mem, &frames, NULL);
    if (st != X86_OK) {
        fail("create", st);
    }
    uint64_t step = (uint64_t)size;
    struct phase p = { counted, 0 };
    phase_begin(&p);
    for (size_t i = 0; i < count; i++) {
        st = x86_map(&m, BASE_VIRT + i * step, BASE_PHYS + i * step, size, X86_PTE_WRITABLE);
        if (st != X86_OK) {
            fail("map", st);
        }
    }
    out[0] = phase_end(&p, names[0], count);
    uint64_t sum = 0;
    phase_begin(&p);
    for (size_t i = 0; i < count; i++) {
        struct x86_translation t;
        st = x86_translate(&m, BASE_VIRT + i * step + 8, &t);
        if (st != X86_OK) {
            fail("translate", st);
        }
        sum += t.phys;
    }
    out[1] = phase_end(&p, names[1], count);
    phase_begin(&p);
    for (size_t i = 0; i < count; i++) {
        st = x86_unmap(&m, BASE_VIRT + i * step, NULL);
        if (st != X86_OK) {
            fail("unmap", st);
        }
    }
    out[2] = phase_end(&p, names[2], count);
    /* The translations must be right, or the figures mean nothing. */
    uint64_t want = count * (BASE_PHYS + 8) + step * (count * (count - 1) / 2);
    if (sum != want) {
        fprintf(stderr, "bench_paging: wrong translations\n");
        exit(1);
    }
}

int main(void)
{
    struct pool pool = { aligned_alloc(4096, POOL_FRAMES * 4096), 0 };
    if (pool.memory == NULL) {
        return 1;
    }
    memset(pool.memory, 0, POOL_FRAMES * 4096);
    static const struct {
        const char *suffix;
        enum x86_page_size size;
        size_t count;
    } kinds[] = { { "4k", X86_PAGE_4K, PAGES_4K }, { "2m", X86_PAGE_2M, PAGES_2M } };
    /* Under valgrind one round, counted; times there only show the slowdown. */
    bool counted = bench_under_valgrind();
    int rounds = counted ? 1 : ROUNDS;
    for (size_t k = 0; k < 2; k++) {
        double map[ROUNDS];
        double translate[ROUNDS];
        double unmap[ROUNDS];
        for (int r = 0; r < rounds; r++) {
            double t[3];
            round_of(&pool, kinds[k].size, kinds[k].count, t, kinds[k].suffix, counted);
            map[r] = t[0];
            translate[r] = t[1];
            unmap[r] = t[2];
        }
        char name[32];
        snprintf(name, sizeof(name), "map_%s", kinds[k].suffix);
        bench_print_ns(name, median(map, rounds));
        snprintf(name, sizeof(name), "translate_%s", kinds[k].suffix);
        bench_print_ns(name, median(translate, rounds));
        snprintf(name, sizeof(name), "unmap_%s", kinds[k].suffix);
        bench_print_ns(name, median(unmap, rounds));
    }
    free(pool.memory);
    return 0;
}
