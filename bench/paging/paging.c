/* Benchmark of the x86_64 mapper over host memory with the fixed-offset backend:
 * nanoseconds per map, translate and unmap of 16384 4 KiB pages (64 MiB) and of
 * 512 2 MiB pages (1 GiB), the median of several rounds. Prints one
 * "<name> <value> ns" line per figure. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v)
{
    qsort(v, ROUNDS, sizeof(double), compare);
    return v[ROUNDS / 2];
}

static void fail(const char *what, enum x86_status status)
{
    fprintf(stderr, "bench_paging: %s: %s\n", what, x86_status_str(status));
    exit(1);
}

/* One round for COUNT pages of SIZE: map, translate, unmap; times per page. */
static void round_of(struct pool *pool, enum x86_page_size size, size_t count, double out[3])
{
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
    double t0 = now_ns();
    for (size_t i = 0; i < count; i++) {
        st = x86_map(&m, BASE_VIRT + i * step, BASE_PHYS + i * step, size, X86_PTE_WRITABLE);
        if (st != X86_OK) {
            fail("map", st);
        }
    }
    double t1 = now_ns();
    uint64_t sum = 0;
    for (size_t i = 0; i < count; i++) {
        struct x86_translation t;
        st = x86_translate(&m, BASE_VIRT + i * step + 8, &t);
        if (st != X86_OK) {
            fail("translate", st);
        }
        sum += t.phys;
    }
    double t2 = now_ns();
    for (size_t i = 0; i < count; i++) {
        st = x86_unmap(&m, BASE_VIRT + i * step, NULL);
        if (st != X86_OK) {
            fail("unmap", st);
        }
    }
    double t3 = now_ns();
    /* The translations must be right, or the figures mean nothing. */
    uint64_t want = count * (BASE_PHYS + 8) + step * (count * (count - 1) / 2);
    if (sum != want) {
        fprintf(stderr, "bench_paging: wrong translations\n");
        exit(1);
    }
    out[0] = (t1 - t0) / (double)count;
    out[1] = (t2 - t1) / (double)count;
    out[2] = (t3 - t2) / (double)count;
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
    for (size_t k = 0; k < 2; k++) {
        double map[ROUNDS];
        double translate[ROUNDS];
        double unmap[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double t[3];
            round_of(&pool, kinds[k].size, kinds[k].count, t);
            map[r] = t[0];
            translate[r] = t[1];
            unmap[r] = t[2];
        }
        printf("map_%s %.1f ns\n", kinds[k].suffix, median(map));
        printf("translate_%s %.1f ns\n", kinds[k].suffix, median(translate));
        printf("unmap_%s %.1f ns\n", kinds[k].suffix, median(unmap));
    }
    free(pool.memory);
    return 0;
}
