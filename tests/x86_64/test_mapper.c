/* Mapper tests: page tables built in a host buffer seen through the fixed-offset
 * window backend, checked entry by entry against the Intel SDM Vol. 3A layouts
 * (4.5: Tables 4-15 PML5E, 4-16 PML4E, 4-17 PDPTE 1 GiB, 4-18 PDPTE, 4-19 PDE
 * 2 MiB, 4-20 PDE, 4-21 PTE). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "x86_64/addr.h"
#include "x86_64/mapper.h"
#include "x86_64/status.h"
#include "mock_mem.h"

#define FRAMES 64
#define PHYS_BASE UINT64_C(0x200000)   /* where the pool sits in "physical" memory */

/* SDM bit positions, written out here rather than taken from the header. */
#define P (UINT64_C(1) << 0)
#define RW (UINT64_C(1) << 1)
#define US (UINT64_C(1) << 2)
#define PS (UINT64_C(1) << 7)
#define G (UINT64_C(1) << 8)
#define XD (UINT64_C(1) << 63)

struct fixture {
    uint8_t *pool;
    struct x86_phys_window window;
    /* frame allocator */
    size_t next;
    size_t limit;        /* frames the allocator may still hand out */
    uint64_t freed[FRAMES];
    size_t freed_count;
    uint64_t bad_frame;  /* if non-zero, alloc returns this once */
    /* TLB hook log */
    size_t page_flushes;
    size_t full_flushes;
    uint64_t last_flush;
    struct x86_mapper m;
};

static bool pool_alloc(void *ctx, uint64_t *phys)
{
    struct fixture *f = ctx;
    if (f->bad_frame != 0) {
        *phys = f->bad_frame;
        f->bad_frame = 0;
        return true;
    }
    if (f->next >= FRAMES || f->limit == 0) {
        return false;
    }
    f->limit--;
    /* Dirty the frame so the test sees the mapper zero it. */
    memset(f->pool + f->next * 4096, 0xA5, 4096);
    *phys = PHYS_BASE + (uint64_t)f->next++ * 4096;
    return true;
}

static void pool_free(void *ctx, uint64_t phys)
{
    struct fixture *f = ctx;
    assert_true(f->freed_count < FRAMES);
    f->freed[f->freed_count++] = phys;
}

static void flush_page(void *ctx, uint64_t virt)
{
    struct fixture *f = ctx;
    f->page_flushes++;
    f->last_flush = virt;
}

static void flush_all(void *ctx)
{
    struct fixture *f = ctx;
    f->full_flushes++;
}

static struct fixture *setup(unsigned levels)
{
    struct fixture *f = calloc(1, sizeof(*f));
    assert_non_null(f);
    f->pool = aligned_alloc(4096, FRAMES * 4096);
    assert_non_null(f->pool);
    f->window = (struct x86_phys_window){ PHYS_BASE, FRAMES * 4096, (uintptr_t)f->pool };
    f->limit = FRAMES;
    struct x86_phys_access mem = { &f->window, x86_phys_window_table };
    struct x86_frame_allocator frames = { f, pool_alloc, pool_free };
    struct x86_tlb tlb = { f, flush_page, flush_all };
    assert_int_equal(x86_mapper_create(&f->m, levels, &mem, &frames, &tlb), X86_OK);
    assert_int_equal(f->m.root, PHYS_BASE);
    return f;
}

static void teardown(struct fixture *f)
{
    free(f->pool);
    free(f);
}

/* The table at PHYS as the test sees it. */
static uint64_t *table(struct fixture *f, uint64_t phys)
{
    assert_true(phys >= PHYS_BASE && phys < PHYS_BASE + FRAMES * 4096);
    return (uint64_t *)(void *)(f->pool + (phys - PHYS_BASE));
}

static uint64_t addr_of(uint64_t entry)
{
    return entry & UINT64_C(0x000FFFFFFFFFF000); /* bits 51:12 */
}

static void test_map_4k_entries(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    /* 0xFFFF800000201000: PML4 256, PDPT 0, PD 1, PT 1. */
    uint64_t virt = UINT64_C(0xFFFF800000201000);
    assert_int_equal(x86_map(&f->m, virt, 0xABC000, X86_PAGE_4K, X86_PTE_WRITABLE | X86_PTE_NO_EXECUTE),
                     X86_OK);
    uint64_t *pml4 = table(f, f->m.root);
    assert_int_equal(pml4[256], (PHYS_BASE + 0x1000) | P | RW);
    for (unsigned i = 0; i < 512; i++) {
        if (i != 256) {
            assert_int_equal(pml4[i], 0);
        }
    }
    uint64_t *pdpt = table(f, addr_of(pml4[256]));
    assert_int_equal(pdpt[0], (PHYS_BASE + 0x2000) | P | RW);
    assert_int_equal(pdpt[1], 0); /* new tables are zeroed, not 0xA5 */
    uint64_t *pd = table(f, addr_of(pdpt[0]));
    assert_int_equal(pd[1], (PHYS_BASE + 0x3000) | P | RW);
    uint64_t *pt = table(f, addr_of(pd[1]));
    assert_int_equal(pt[1], UINT64_C(0xABC000) | P | RW | XD);
    assert_int_equal(pt[0], 0);

    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, virt + 0x123, &t), X86_OK);
    assert_int_equal(t.phys, 0xABC123);
    assert_int_equal(t.frame, 0xABC000);
    assert_int_equal(t.size, X86_PAGE_4K);
    assert_int_equal(t.flags, P | RW | XD);
    assert_int_equal(x86_translate(&f->m, virt + 0x1000, &t), X86_NOT_MAPPED);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x0000800000000000), &t), X86_NOT_CANONICAL);
    /* Mapping never flushes: a not-present entry is not cached. */
    assert_int_equal(f->page_flushes + f->full_flushes, 0);
    teardown(f);
}

static void test_map_huge_entries(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    /* 2 MiB page at 0x40200000 (PML4 0, PDPT 1, PD 1) -> 0x80000000. PAT for a
     * huge page is bit 12 (Table 4-19). */
    assert_int_equal(x86_map(&f->m, 0x40200000, 0x80000000, X86_PAGE_2M,
                             X86_PTE_GLOBAL | X86_PTE_PAT_HUGE),
                     X86_OK);
    uint64_t *pml4 = table(f, f->m.root);
    uint64_t *pdpt = table(f, addr_of(pml4[0]));
    uint64_t *pd = table(f, addr_of(pdpt[1]));
    assert_int_equal(pd[1], UINT64_C(0x80000000) | P | PS | G | (UINT64_C(1) << 12));
    assert_int_equal(pml4[0], addr_of(pml4[0]) | P); /* read-only kernel page: parents P only */

    /* 1 GiB page at 0x80000000 (PDPT 2) -> 0x1C0000000. */
    assert_int_equal(x86_map(&f->m, 0x80000000, UINT64_C(0x1C0000000), X86_PAGE_1G, X86_PTE_WRITABLE),
                     X86_OK);
    assert_int_equal(pdpt[2], UINT64_C(0x1C0000000) | P | RW | PS);
    assert_int_equal(pml4[0], addr_of(pml4[0]) | P | RW); /* writable added to the parent */

    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0x40212345, &t), X86_OK);
    assert_int_equal(t.phys, 0x80012345);
    assert_int_equal(t.size, X86_PAGE_2M);
    assert_int_equal(t.frame, 0x80000000);
    assert_int_equal(x86_translate(&f->m, 0xBFFFFFFF, &t), X86_OK);
    assert_int_equal(t.phys, UINT64_C(0x1FFFFFFFF));
    assert_int_equal(t.size, X86_PAGE_1G);

    /* A 4 KiB or 2 MiB mapping inside a huge page is refused. */
    assert_int_equal(x86_map(&f->m, 0x40201000, 0x1000, X86_PAGE_4K, 0), X86_HUGE_PAGE);
    assert_int_equal(x86_map(&f->m, 0x80200000, 0x200000, X86_PAGE_2M, 0), X86_HUGE_PAGE);
    assert_int_equal(x86_map(&f->m, 0x40200000, 0x200000, X86_PAGE_2M, 0), X86_ALREADY_MAPPED);
    /* A 2 MiB page where a page table already is. */
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_OK);
    assert_int_equal(x86_map(&f->m, 0, 0, X86_PAGE_2M, 0), X86_ALREADY_MAPPED);
    teardown(f);
}

static void test_map_arguments(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x2000, X86_PAGE_4K, 0), X86_OK);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x3000, X86_PAGE_4K, 0), X86_ALREADY_MAPPED);
    assert_int_equal(x86_map(&f->m, 0x1800, 0x3000, X86_PAGE_4K, 0), X86_NOT_ALIGNED);
    assert_int_equal(x86_map(&f->m, 0x2000, 0x3800, X86_PAGE_4K, 0), X86_NOT_ALIGNED);
    assert_int_equal(x86_map(&f->m, 0x201000, 0x200000, X86_PAGE_2M, 0), X86_NOT_ALIGNED);
    assert_int_equal(x86_map(&f->m, 0x200000, 0x201000, X86_PAGE_2M, 0), X86_NOT_ALIGNED);
    assert_int_equal(x86_map(&f->m, UINT64_C(0x0000800000000000), 0, X86_PAGE_4K, 0),
                     X86_NOT_CANONICAL);
    assert_int_equal(x86_map(&f->m, 0x2000, UINT64_C(1) << 52, X86_PAGE_4K, 0), X86_BAD_PHYS_ADDR);
    assert_int_equal(x86_map(&f->m, 0x2000, 0x3000, X86_PAGE_4K, UINT64_C(1) << 20), X86_BAD_FLAGS);
    assert_int_equal(x86_map(&f->m, 0x2000, 0x3000, (enum x86_page_size)0x2000, 0), X86_BAD_ARGUMENT);
    /* The PAT bit of a 4 KiB PTE is bit 7 (Table 4-21): allowed, no PS meaning. */
    assert_int_equal(x86_map(&f->m, 0x2000, 0x3000, X86_PAGE_4K, X86_PTE_PAT_4K), X86_OK);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0x2000, &t), X86_OK);
    assert_int_equal(t.size, X86_PAGE_4K);
    assert_int_equal(t.flags, P | (UINT64_C(1) << 7));
    teardown(f);
}

static void test_user_parents(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_map(&f->m, 0x400000, 0x5000, X86_PAGE_4K, 0), X86_OK);
    uint64_t *pml4 = table(f, f->m.root);
    uint64_t *pdpt = table(f, addr_of(pml4[0]));
    uint64_t *pd = table(f, addr_of(pdpt[0]));
    assert_int_equal(pml4[0] & (P | RW | US), P);
    /* A user, writable page in the same tables: every parent gains U/S and R/W
     * (SDM 4.6.1: rights combine over all levels). */
    assert_int_equal(x86_map(&f->m, 0x401000, 0x6000, X86_PAGE_4K, X86_PTE_USER | X86_PTE_WRITABLE),
                     X86_OK);
    assert_int_equal(pml4[0] & (P | RW | US), P | RW | US);
    assert_int_equal(pdpt[0] & (P | RW | US), P | RW | US);
    assert_int_equal(pd[2] & (P | RW | US), P | RW | US);
    uint64_t *pt = table(f, addr_of(pd[2]));
    assert_int_equal(pt[0], 0x5000 | P);             /* the kernel page stays as it was */
    assert_int_equal(pt[1], 0x6000 | P | RW | US);
    teardown(f);
}

static void test_unmap_and_update(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_map(&f->m, 0x200000, 0x600000, X86_PAGE_2M, X86_PTE_WRITABLE), X86_OK);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x7000, X86_PAGE_4K, X86_PTE_WRITABLE), X86_OK);

    struct x86_frame fr;
    assert_int_equal(x86_unmap(&f->m, 0x201000, &fr), X86_NOT_ALIGNED);
    assert_int_equal(x86_unmap(&f->m, 0x400000, &fr), X86_NOT_MAPPED);
    assert_int_equal(x86_unmap(&f->m, UINT64_C(0xFFF0000000000000), &fr), X86_NOT_CANONICAL);

    assert_int_equal(x86_update_flags(&f->m, 0x1000, X86_PTE_NO_EXECUTE | X86_PTE_USER), X86_OK);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0x1000, &t), X86_OK);
    assert_int_equal(t.flags, P | US | XD);
    assert_int_equal(t.frame, 0x7000);
    assert_int_equal(f->page_flushes, 1);
    assert_int_equal(f->last_flush, 0x1000);
    assert_int_equal(x86_update_flags(&f->m, 0x200000, 0), X86_OK);
    assert_int_equal(x86_translate(&f->m, 0x200000, &t), X86_OK);
    assert_int_equal(t.flags, P | PS);
    assert_int_equal(x86_update_flags(&f->m, 0x200000, UINT64_C(1) << 21), X86_BAD_FLAGS);
    assert_int_equal(x86_update_flags(&f->m, 0x3000, 0), X86_NOT_MAPPED);

    assert_int_equal(x86_unmap(&f->m, 0x200000, &fr), X86_OK);
    assert_int_equal(fr.start, 0x600000);
    assert_int_equal(fr.size, X86_PAGE_2M);
    assert_int_equal(f->last_flush, 0x200000);
    assert_int_equal(x86_translate(&f->m, 0x200000, &t), X86_NOT_MAPPED);
    assert_int_equal(x86_unmap(&f->m, 0x1000, NULL), X86_OK);
    assert_int_equal(x86_translate(&f->m, 0x1000, &t), X86_NOT_MAPPED);
    assert_int_equal(f->page_flushes, 4);
    teardown(f);
}

static void test_map_range_sizes(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    /* 1 GiB + 2 MiB + 4 KiB from a 1 GiB-aligned start: one page of each size. */
    uint64_t len = 0x40000000 + 0x200000 + 0x1000;
    assert_int_equal(x86_map_range(&f->m, 0x40000000, 0x80000000, len, X86_PTE_WRITABLE, X86_SIZES_ALL),
                     X86_OK);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0x40000000, &t), X86_OK);
    assert_int_equal(t.size, X86_PAGE_1G);
    assert_int_equal(x86_translate(&f->m, 0x80000000, &t), X86_OK);
    assert_int_equal(t.size, X86_PAGE_2M);
    assert_int_equal(t.frame, 0xC0000000);
    assert_int_equal(x86_translate(&f->m, 0x80200000, &t), X86_OK);
    assert_int_equal(t.size, X86_PAGE_4K);
    assert_int_equal(t.frame, 0xC0200000);
    assert_int_equal(x86_translate(&f->m, 0x80201000, &t), X86_NOT_MAPPED);

    /* Without 1 GiB pages the same kind of range uses 2 MiB pages; a phys that
     * is only 4 KiB-aligned forces 4 KiB pages. */
    assert_int_equal(x86_map_range(&f->m, UINT64_C(0x100000000), 0x40000000, 0x400000, 0,
                                   X86_SIZES_4K | X86_SIZES_2M),
                     X86_OK);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x100200000), &t), X86_OK);
    assert_int_equal(t.size, X86_PAGE_2M);
    assert_int_equal(x86_map_range(&f->m, UINT64_C(0x140000000), 0x1000, 0x200000, 0, X86_SIZES_ALL),
                     X86_OK);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x1401FF000), &t), X86_OK);
    assert_int_equal(t.size, X86_PAGE_4K);
    assert_int_equal(t.frame, 0x200000);
    /* Only 2 MiB allowed and a 4 KiB remainder: refused, nothing left behind. */
    assert_int_equal(x86_map_range(&f->m, UINT64_C(0x180000000), 0, 0x201000, 0, X86_SIZES_2M),
                     X86_NOT_ALIGNED);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x180000000), &t), X86_NOT_MAPPED);
    /* Argument checks. */
    assert_int_equal(x86_map_range(&f->m, 0x800, 0, 0x1000, 0, X86_SIZES_ALL), X86_NOT_ALIGNED);
    assert_int_equal(x86_map_range(&f->m, 0x1000, 0x800, 0x1000, 0, X86_SIZES_ALL), X86_NOT_ALIGNED);
    assert_int_equal(x86_map_range(&f->m, 0x1000, 0, 0x800, 0, X86_SIZES_ALL), X86_NOT_ALIGNED);
    assert_int_equal(x86_map_range(&f->m, UINT64_C(0x00007FFFFFFFF000), 0, 0x2000, 0, X86_SIZES_ALL),
                     X86_NOT_CANONICAL);
    assert_int_equal(x86_map_range(&f->m, UINT64_C(0xFFFFFFFFFFFFF000), 0, 0x2000, 0, X86_SIZES_ALL),
                     X86_OVERFLOW);
    assert_int_equal(x86_map_range(&f->m, 0x1000, X86_PHYS_ADDR_MAX - 0xFFF, 0x2000, 0, X86_SIZES_ALL),
                     X86_BAD_PHYS_ADDR);
    assert_int_equal(x86_map_range(&f->m, 0x1000, 0, 0, 0, X86_SIZES_ALL), X86_OK);
    teardown(f);
}

static void test_map_range_rollback(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    /* PML4 exists; the range needs a PDPT, a PD and two PTs (it crosses a 2 MiB
     * boundary): allow three frames so the second PT cannot be made. */
    f->limit = 3;
    uint64_t virt = 0x1FF000;
    assert_int_equal(x86_map_range(&f->m, virt, 0x10000, 0x3000, 0, X86_SIZES_4K), X86_NO_FRAME);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, virt, &t), X86_NOT_MAPPED);
    assert_int_equal(f->page_flushes, 1); /* the one page mapped, undone, flushed */
    teardown(f);
}

static void test_unmap_range_batched(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    /* 8 pages, a hole of 2, 8 pages: 16 unmaps, flushed one by one. */
    assert_int_equal(x86_map_range(&f->m, 0x10000, 0x10000, 0x8000, 0, X86_SIZES_4K), X86_OK);
    assert_int_equal(x86_map_range(&f->m, 0x1A000, 0x1A000, 0x8000, 0, X86_SIZES_4K), X86_OK);
    assert_int_equal(x86_unmap_range(&f->m, 0x10000, 0x12000), X86_OK);
    assert_int_equal(f->page_flushes, X86_TLB_BATCH);
    assert_int_equal(f->full_flushes, 0);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0x21000, &t), X86_NOT_MAPPED);
    /* 17 pages: one full flush instead. */
    assert_int_equal(x86_map_range(&f->m, 0x10000, 0x10000, 0x11000, 0, X86_SIZES_4K), X86_OK);
    assert_int_equal(x86_unmap_range(&f->m, 0x10000, 0x11000), X86_OK);
    assert_int_equal(f->page_flushes, X86_TLB_BATCH);
    assert_int_equal(f->full_flushes, 1);
    /* Holes at every level are skipped quickly (a 512 GiB range of nothing). */
    assert_int_equal(x86_unmap_range(&f->m, UINT64_C(0x8000000000), UINT64_C(0x8000000000)), X86_OK);
    /* A huge page straddling the end is refused. */
    assert_int_equal(x86_map(&f->m, 0x400000, 0x400000, X86_PAGE_2M, 0), X86_OK);
    assert_int_equal(x86_unmap_range(&f->m, 0x400000, 0x1000), X86_HUGE_PAGE);
    assert_int_equal(x86_unmap_range(&f->m, 0x3FF000, 0x2000), X86_HUGE_PAGE);
    assert_int_equal(x86_unmap_range(&f->m, 0x400000, 0x200000), X86_OK);
    assert_int_equal(x86_translate(&f->m, 0x400000, &t), X86_NOT_MAPPED);
    teardown(f);
}

static void test_free_empty_tables(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_OK);
    assert_int_equal(x86_map(&f->m, UINT64_C(0x8000001000), 0x2000, X86_PAGE_4K, 0), X86_OK);
    assert_int_equal(f->next, 7); /* root + 3 tables per address */
    assert_int_equal(x86_unmap(&f->m, 0x1000, NULL), X86_OK);
    /* The PT, PD and PDPT of 0x1000 are now empty; the other branch is not. */
    assert_int_equal(x86_free_empty_tables(&f->m, 0, UINT64_C(0x10000000000)), X86_OK);
    assert_int_equal(f->freed_count, 3);
    assert_int_equal(f->freed[0], PHYS_BASE + 0x3000); /* PT first, then PD, PDPT */
    assert_int_equal(f->freed[1], PHYS_BASE + 0x2000);
    assert_int_equal(f->freed[2], PHYS_BASE + 0x1000);
    assert_int_equal(f->full_flushes, 1);
    uint64_t *pml4 = table(f, f->m.root);
    assert_int_equal(pml4[0], 0);
    assert_true(pml4[1] != 0);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x8000001000), &t), X86_OK);
    /* Nothing more to free. */
    assert_int_equal(x86_free_empty_tables(&f->m, 0, UINT64_C(0x10000000000)), X86_OK);
    assert_int_equal(f->freed_count, 3);
    assert_int_equal(x86_free_empty_tables(&f->m, 0x800, 0x1000), X86_NOT_ALIGNED);
    f->m.frames.free = NULL;
    assert_int_equal(x86_free_empty_tables(&f->m, 0, 0x1000), X86_UNSUPPORTED);
    teardown(f);
}

static void test_five_level(void **state)
{
    (void)state;
    struct fixture *f = setup(5);
    /* Bit 49 set: not canonical with 48 bits, PML5 index 2 (bits 56:48) with 57. */
    uint64_t virt = UINT64_C(0x0002000000000000);
    assert_int_equal(x86_map(&f->m, virt, 0x9000, X86_PAGE_4K, X86_PTE_WRITABLE), X86_OK);
    uint64_t *pml5 = table(f, f->m.root);
    assert_int_equal(pml5[2], (PHYS_BASE + 0x1000) | P | RW);
    assert_int_equal(pml5[0], 0);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, virt + 5, &t), X86_OK);
    assert_int_equal(t.phys, 0x9005);
    assert_int_equal(f->next, 5); /* PML5, PML4, PDPT, PD, PT */
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFF00000000000000), &t), X86_NOT_MAPPED);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x0200000000000000), &t), X86_NOT_CANONICAL);
    teardown(f);
}

static void test_corrupt_tables(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    uint64_t *pml4 = table(f, f->m.root);
    struct x86_translation t;
    /* PML4[0] points at the PML4 itself. */
    pml4[0] = f->m.root | P | RW;
    assert_int_equal(x86_translate(&f->m, 0x1000, &t), X86_TABLE_CYCLE);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_TABLE_CYCLE);
    assert_int_equal(x86_unmap(&f->m, 0x1000, NULL), X86_TABLE_CYCLE);
    assert_int_equal(x86_unmap_range(&f->m, 0, 0x2000), X86_TABLE_CYCLE);
    assert_int_equal(x86_free_empty_tables(&f->m, 0, 0x2000), X86_TABLE_CYCLE);
    /* A table outside the memory the window grants. */
    pml4[0] = UINT64_C(0x7654000) | P;
    assert_int_equal(x86_translate(&f->m, 0x1000, &t), X86_BAD_TABLE);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_BAD_TABLE);
    /* PS is reserved in a PML4E (Table 4-16). */
    pml4[0] = PHYS_BASE | P | PS;
    assert_int_equal(x86_translate(&f->m, 0x1000, &t), X86_BAD_TABLE);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_BAD_TABLE);
    assert_int_equal(x86_free_empty_tables(&f->m, 0, 0x2000), X86_BAD_TABLE);
    pml4[0] = 0;
    teardown(f);
}

static void test_allocator_failures(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    f->bad_frame = PHYS_BASE + 0x800; /* misaligned */
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_BAD_FRAME);
    f->bad_frame = UINT64_C(0x10000000); /* aligned but outside the window */
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_BAD_TABLE);
    assert_int_equal(f->freed_count, 1); /* handed back */
    assert_int_equal(f->freed[0], 0x10000000);
    /* A frame that is already a table on the walk (here the root) is refused
     * before the mapper zeroes it. */
    uint64_t *pml4 = table(f, f->m.root);
    pml4[5] = 0x1234000 | P;
    f->bad_frame = f->m.root;
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_BAD_FRAME);
    assert_int_equal(pml4[5], 0x1234000 | P);
    pml4[5] = 0;
    f->limit = 0;
    assert_int_equal(x86_map(&f->m, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_NO_FRAME);
    /* A mapper without an allocator cannot create tables. */
    struct x86_mapper bare;
    struct x86_phys_access mem = { &f->window, x86_phys_window_table };
    assert_int_equal(x86_mapper_init(&bare, f->m.root, 4, &mem, NULL, NULL), X86_OK);
    assert_int_equal(x86_map(&bare, 0x1000, 0x1000, X86_PAGE_4K, 0), X86_NO_FRAME);
    assert_int_equal(x86_mapper_create(&bare, 4, &mem, NULL, NULL), X86_NO_FRAME);
    teardown(f);
}

static void test_init_arguments(void **state)
{
    (void)state;
    struct x86_phys_window w = { 0, 0, 0 };
    struct x86_phys_access mem = { &w, x86_phys_window_table };
    struct x86_phys_access none = { NULL, NULL };
    struct x86_mapper m;
    assert_int_equal(x86_mapper_init(&m, 0x1000, 3, &mem, NULL, NULL), X86_BAD_ARGUMENT);
    assert_int_equal(x86_mapper_init(&m, 0x1000, 4, NULL, NULL, NULL), X86_BAD_ARGUMENT);
    assert_int_equal(x86_mapper_init(&m, 0x1000, 4, &none, NULL, NULL), X86_BAD_ARGUMENT);
    assert_int_equal(x86_mapper_init(&m, 0x1800, 4, &mem, NULL, NULL), X86_NOT_ALIGNED);
    assert_int_equal(x86_mapper_init(&m, UINT64_C(1) << 52, 4, &mem, NULL, NULL), X86_BAD_PHYS_ADDR);
    assert_int_equal(x86_mapper_init(&m, 0x1000, 5, &mem, NULL, NULL), X86_OK);
    /* An empty window grants nothing: the root itself is unreachable. */
    struct x86_translation t;
    assert_int_equal(x86_translate(&m, 0, &t), X86_BAD_TABLE);
    /* Nor any root edited in: physical 0 or the last address, which the
     * inline walks' offset arithmetic would wrap to the window's start. */
    static const uint64_t roots[] = { 0, UINT64_MAX, UINT64_MAX - 0xFFF };
    for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
        m.root = roots[i];
        assert_int_equal(x86_translate(&m, 0x1000, &t), X86_BAD_TABLE);
        assert_int_equal(x86_map(&m, 0x1000, 0x2000, X86_PAGE_4K, RW), X86_BAD_TABLE);
        assert_int_equal(x86_unmap(&m, 0x1000, NULL), X86_BAD_TABLE);
    }
    /* A level count edited after init is refused, not walked. */
    m.levels = 7;
    assert_int_equal(x86_translate(&m, 0, &t), X86_BAD_ARGUMENT);
    assert_int_equal(x86_map(&m, 0, 0, X86_PAGE_4K, 0), X86_BAD_ARGUMENT);
    assert_int_equal(x86_unmap_range(&m, 0, 0x1000), X86_BAD_ARGUMENT);
}

static void test_backends(void **state)
{
    (void)state;
    static uint64_t tables[1024] __attribute__((aligned(4096)));
    struct x86_phys_window w = { 0x5000, sizeof(tables), (uintptr_t)tables };
    assert_ptr_equal(x86_phys_window_table(&w, 0x5000), (void *)tables);
    assert_ptr_equal(x86_phys_window_table(&w, 0x6000), (void *)&tables[512]);
    assert_null(x86_phys_window_table(&w, 0x4000));
    assert_null(x86_phys_window_table(&w, 0x7000));  /* would end past the window */
    assert_null(x86_phys_window_table(&w, UINT64_MAX & ~UINT64_C(0xFFF)));
    assert_ptr_equal(x86_phys_identity_table(NULL, (uintptr_t)tables), (void *)tables);
}

static void test_recursive(void **state)
{
    (void)state;
    /* Known addresses of a recursive entry at index 511 in 4-level paging: the
     * PML4 appears at 0xFFFFFFFFFFFFF000, and the page table that maps 0 at
     * 0xFFFFFF8000000000 (index 511 then 0, 0, 0). With index 510 the PML4
     * appears at 0xFFFFFF7FBFDFE000. */
    assert_int_equal(x86_recursive_table_addr(4, 511, 0, 4), UINT64_C(0xFFFFFFFFFFFFF000));
    assert_int_equal(x86_recursive_table_addr(4, 511, 0, 1), UINT64_C(0xFFFFFF8000000000));
    assert_int_equal(x86_recursive_table_addr(4, 510, 0x1234567000, 4), UINT64_C(0xFFFFFF7FBFDFE000));
    /* The PD of 0x40000000 (PML4 0, PDPT 1): 511, 511, 0, 1. */
    assert_int_equal(x86_recursive_table_addr(4, 511, 0x40000000, 2), UINT64_C(0xFFFFFFFFC0001000));
    assert_int_equal(x86_recursive_table_addr(5, 511, 0, 5), UINT64_C(0xFFFFFFFFFFFFF000));
    assert_int_equal(x86_recursive_table_addr(4, 512, 0, 1), 0);
    assert_int_equal(x86_recursive_table_addr(4, 511, 0, 5), 0);
    assert_int_equal(x86_recursive_table_addr(3, 511, 0, 1), 0);

    struct fixture *f = setup(4);
    assert_int_equal(f->m.recursive, X86_RECURSIVE_NONE);
    assert_int_equal(x86_recursive_install(&f->m, 511), X86_OK);
    assert_int_equal(f->m.recursive, 511);
    uint64_t *pml4 = table(f, f->m.root);
    assert_int_equal(pml4[511], f->m.root | P | RW | XD);
    assert_int_equal(x86_recursive_install(&f->m, 511), X86_ALREADY_MAPPED);
    assert_int_equal(x86_recursive_install(&f->m, 512), X86_BAD_ARGUMENT);
    /* 0x1000 is PML4 0, PDPT 0, PD 0, PT 1: the PDPT, PD and PT are the next
     * three frames of the pool. */
    assert_int_equal(x86_map(&f->m, 0x1000, 0xABC000, X86_PAGE_4K, X86_PTE_WRITABLE), X86_OK);
    teardown(f);
}

/* Translations through a recursive PML4 entry at 511, worked out from the SDM's
 * 4-level linear address (4.5.4, Figure 4-8): bits 47:39 select the PML4E, 38:30
 * the PDPTE, 29:21 the PDE, 20:12 the PTE, 11:0 the byte; bits 63:48 copy bit
 * 47. Each time the walk takes entry 511 of the PML4 it stays on the PML4, so
 * the walk ends one level higher and the final "page" is a table:
 *   (511, 511, 511, 511) = 0xFFFF_FFFF_FFFF_F000: the PML4 itself;
 *   (511, 511, 511, 0)   = 0xFFFF_FFFF_FFE0_0000: the PDPT of PML4 slot 0;
 *   (511, 511, 0, 0)     = 0xFFFF_FFFF_C000_0000: the PD of PDPT slot 0;
 *   (511, 0, 0, 0)       = 0xFFFF_FF80_0000_0000: the PT of PD slot 0, so byte
 *   8 * 1 of it is the PTE of 0x1000 (PT index 1). */
static void test_recursive_translate(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_recursive_install(&f->m, 511), X86_OK);
    assert_int_equal(x86_map(&f->m, 0x1000, 0xABC000, X86_PAGE_4K, X86_PTE_WRITABLE), X86_OK);
    const uint64_t pdpt = PHYS_BASE + 0x1000;
    const uint64_t pd = PHYS_BASE + 0x2000;
    const uint64_t pt = PHYS_BASE + 0x3000;
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFFFFFF000), &t), X86_OK);
    assert_int_equal(t.frame, PHYS_BASE);
    assert_int_equal(t.size, X86_PAGE_4K);
    assert_int_equal(t.flags, P | RW | XD); /* the recursive entry's own bits */
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFFFE00000), &t), X86_OK);
    assert_int_equal(t.frame, pdpt);
    assert_int_equal(t.flags, P | RW);      /* PML4[0] */
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFC0000000), &t), X86_OK);
    assert_int_equal(t.frame, pd);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFF8000000008), &t), X86_OK);
    assert_int_equal(t.frame, pt);
    assert_int_equal(t.phys, pt + 8);
    assert_int_equal(table(f, pt)[1], 0xABC000 | P | RW); /* what that byte holds */
    /* The same addresses as the library's own arithmetic states them. */
    assert_int_equal(x86_recursive_table_addr(4, 511, 0x1000, 1), UINT64_C(0xFFFFFF8000000000));
    assert_int_equal(x86_recursive_table_addr(4, 511, 0x1000, 2), UINT64_C(0xFFFFFFFFC0000000));
    assert_int_equal(x86_recursive_table_addr(4, 511, 0x1000, 3), UINT64_C(0xFFFFFFFFFFE00000));
    /* Nothing behind PDPT slot 1 of the window's PD view: (511, 511, 0, 1). */
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFC0001000), &t), X86_NOT_MAPPED);
    /* An ordinary address is unaffected. */
    assert_int_equal(x86_translate(&f->m, 0x1234, &t), X86_OK);
    assert_int_equal(t.phys, 0xABC234);
    teardown(f);
}

/* 5-level paging (SDM 4.5.4, Figure 4-9: bits 56:48 select the PML5E): with
 * entry 511 of the PML5 recursive, (511, 511, 511, 511, 511) =
 * 0xFFFF_FFFF_FFFF_F000 is the PML5, and (511, 2, 0, 0, 0) = 0xFFFF_0100_0000_0000
 * (511 << 48 | 2 << 39, bits 63:57 copying bit 56) is the PT of 2 << 48. */
static void test_recursive_five_level(void **state)
{
    (void)state;
    struct fixture *f = setup(5);
    assert_int_equal(x86_recursive_install(&f->m, 511), X86_OK);
    assert_int_equal(x86_map(&f->m, UINT64_C(0x0002000000000000), 0x9000, X86_PAGE_4K, 0), X86_OK);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFFFFFF000), &t), X86_OK);
    assert_int_equal(t.frame, PHYS_BASE);
    /* PML5, then PML4 (+0x1000), PDPT, PD, PT (+0x4000). */
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFF010000000000), &t), X86_OK);
    assert_int_equal(t.frame, PHYS_BASE + 0x4000);
    teardown(f);
}

/* Writing through the window: a 4 KiB "page" at (511, 0, 0, 5) =
 * 0xFFFF_FF80_0000_5000 is entry 5 of the PD of PDPT slot 0, i.e. the page table
 * for 5 * 2 MiB = 0xA00000 in the ordinary view. */
static void test_recursive_map(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_recursive_install(&f->m, 511), X86_OK);
    assert_int_equal(x86_map(&f->m, 0x1000, 0xABC000, X86_PAGE_4K, X86_PTE_WRITABLE), X86_OK);
    const uint64_t new_pt = PHYS_BASE + 0x10000; /* a pool frame the allocator has not reached */
    uint64_t *pt = table(f, new_pt);
    memset(pt, 0, 4096);
    pt[3] = 0xDEF000 | P;
    uint64_t window = UINT64_C(0xFFFFFF8000005000);
    assert_int_equal(x86_map(&f->m, window, new_pt, X86_PAGE_4K, X86_PTE_WRITABLE), X86_OK);
    assert_int_equal(table(f, PHYS_BASE + 0x2000)[5], new_pt | P | RW);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0xA03000 + 0x42, &t), X86_OK); /* PT index 3 */
    assert_int_equal(t.phys, 0xDEF042);
    assert_int_equal(x86_translate(&f->m, window, &t), X86_OK);
    assert_int_equal(t.frame, new_pt);
    /* Only plain 4 KiB entries go through the window: bit 7 would be PS in the
     * PD, a huge leaf would be PS a level up, USER would open the tables. */
    uint64_t next = UINT64_C(0xFFFFFF8000006000);
    assert_int_equal(x86_map(&f->m, next, new_pt, X86_PAGE_4K, X86_PTE_PAT_4K), X86_BAD_FLAGS);
    assert_int_equal(x86_map(&f->m, next, new_pt, X86_PAGE_4K, X86_PTE_USER), X86_BAD_FLAGS);
    assert_int_equal(x86_map(&f->m, UINT64_C(0xFFFFFF8000200000), 0x200000, X86_PAGE_2M, 0),
                     X86_BAD_ARGUMENT);
    assert_int_equal(x86_update_flags(&f->m, window, X86_PTE_USER), X86_BAD_FLAGS);
    assert_int_equal(x86_update_flags(&f->m, window, 0), X86_OK);
    assert_int_equal(table(f, PHYS_BASE + 0x2000)[5], new_pt | P);
    /* The recursive entry itself is no page: (511, 511, 511, 511). */
    uint64_t self = UINT64_C(0xFFFFFFFFFFFFF000);
    assert_int_equal(x86_unmap(&f->m, self, NULL), X86_BAD_ARGUMENT);
    assert_int_equal(x86_update_flags(&f->m, self, X86_PTE_WRITABLE), X86_BAD_ARGUMENT);
    assert_int_equal(x86_unmap_range(&f->m, self, 0x1000), X86_BAD_ARGUMENT);
    assert_int_equal(table(f, f->m.root)[511], f->m.root | P | RW | XD);
    /* Unmapping through the window clears the PD entry again. */
    struct x86_frame fr;
    assert_int_equal(x86_unmap(&f->m, window, &fr), X86_OK);
    assert_int_equal(fr.start, new_pt);
    assert_int_equal(table(f, PHYS_BASE + 0x2000)[5], 0);
    assert_int_equal(f->last_flush, window);
    /* Freeing over the whole window frees nothing and keeps the slot. */
    assert_int_equal(x86_free_empty_tables(&f->m, UINT64_C(0xFFFFFF8000000000),
                                           UINT64_C(0x8000000000)), X86_OK);
    assert_int_equal(f->freed_count, 0);
    assert_int_equal(table(f, f->m.root)[511], f->m.root | P | RW | XD);
    teardown(f);
}

/* Only the recursive slot the mapper knows may point back; any other
 * self-reference is still a cycle. */
static void test_recursive_unexpected(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    uint64_t *pml4 = table(f, f->m.root);
    assert_int_equal(x86_map(&f->m, 0x1000, 0xABC000, X86_PAGE_4K, 0), X86_OK);
    pml4[511] = f->m.root | P | RW;
    struct x86_translation t;
    /* Not told: the window is a cycle. */
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFFFFFF000), &t), X86_TABLE_CYCLE);
    assert_int_equal(x86_mapper_set_recursive(&f->m, 510), X86_NOT_MAPPED);
    assert_int_equal(x86_mapper_set_recursive(&f->m, 0), X86_BAD_TABLE); /* the PDPT */
    assert_int_equal(x86_mapper_set_recursive(&f->m, 513), X86_BAD_ARGUMENT);
    assert_int_equal(x86_mapper_set_recursive(&f->m, 511), X86_OK);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFFFFFF000), &t), X86_OK);
    assert_int_equal(t.frame, f->m.root);
    /* A second slot pointing at the PML4: 5 << 39 = 0x28000000000. */
    pml4[5] = f->m.root | P;
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x28000000000), &t), X86_TABLE_CYCLE);
    assert_int_equal(x86_map(&f->m, UINT64_C(0x28000000000), 0, X86_PAGE_4K, 0), X86_TABLE_CYCLE);
    assert_int_equal(pml4[5], f->m.root | P);
    pml4[5] = 0;
    /* A PDPT entry pointing back at the PML4, reached through the window
     * (511, 0, 7, 0) = 0xFFFF_FF80_00E0_0000 and directly (0, 7, 0, 0) =
     * 7 << 30 = 0x1C0000000. */
    uint64_t *pdpt = table(f, PHYS_BASE + 0x1000);
    pdpt[7] = f->m.root | P;
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x1C0000000), &t), X86_TABLE_CYCLE);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFF8000E00000), &t), X86_TABLE_CYCLE);
    pdpt[7] = 0;
    /* Forgotten again: a cycle once more. */
    assert_int_equal(x86_mapper_set_recursive(&f->m, X86_RECURSIVE_NONE), X86_OK);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0xFFFFFFFFFFFFF000), &t), X86_TABLE_CYCLE);
    teardown(f);
}

/* Physical memory as sparse ranges (tests/support/mock_mem): tables far apart,
 * one of them in the very last frame below 2^52. */
static void *mock_table(void *ctx, uint64_t phys)
{
    return mock_mem_at(ctx, phys, 4096);
}

struct list_alloc {
    const uint64_t *frames;
    size_t count;
};

static bool list_alloc(void *ctx, uint64_t *phys)
{
    struct list_alloc *a = ctx;
    if (a->count == 0) {
        return false;
    }
    *phys = *a->frames++;
    a->count--;
    return true;
}

static void test_sparse_memory(void **state)
{
    (void)state;
    static const uint64_t frames[] = { 0x1000, UINT64_C(0x7FFF0000000), UINT64_C(0xFFFFFFFFFF000),
                                       UINT64_C(0x123456789000) };
    struct mock_mem mm;
    mock_mem_init(&mm);
    for (size_t i = 0; i < 4; i++) {
        assert_non_null(mock_mem_add(&mm, frames[i], 4096));
    }
    struct list_alloc a = { frames, 4 };
    struct x86_phys_access mem = { &mm, mock_table };
    struct x86_frame_allocator alloc = { &a, list_alloc, NULL };
    struct x86_mapper m;
    assert_int_equal(x86_mapper_create(&m, 4, &mem, &alloc, NULL), X86_OK);
    assert_int_equal(m.root, 0x1000);
    assert_int_equal(x86_map(&m, UINT64_C(0xFFFFFFFF80000000), UINT64_C(0xFFFFFFFFFF000), X86_PAGE_4K,
                             X86_PTE_GLOBAL),
                     X86_OK);
    /* PML4 511 -> 0x7FFF0000000, PDPT 510 -> top frame, PD 0 -> 0x123456789000. */
    uint64_t *pml4 = (uint64_t *)(void *)mock_mem_at(&mm, 0x1000, 4096);
    assert_int_equal(pml4[511], UINT64_C(0x7FFF0000000) | P);
    uint64_t *pdpt = (uint64_t *)(void *)mock_mem_at(&mm, UINT64_C(0x7FFF0000000), 4096);
    assert_int_equal(pdpt[510], UINT64_C(0xFFFFFFFFFF000) | P);
    uint64_t *pd = (uint64_t *)(void *)mock_mem_at(&mm, UINT64_C(0xFFFFFFFFFF000), 4096);
    assert_int_equal(pd[0], UINT64_C(0x123456789000) | P);
    uint64_t *pt = (uint64_t *)(void *)mock_mem_at(&mm, UINT64_C(0x123456789000), 4096);
    assert_int_equal(pt[0], UINT64_C(0xFFFFFFFFFF000) | P | G);
    struct x86_translation t;
    assert_int_equal(x86_translate(&m, UINT64_C(0xFFFFFFFF80000FFF), &t), X86_OK);
    assert_int_equal(t.phys, UINT64_C(0xFFFFFFFFFFFFF));
    /* Out of frames for a second branch. */
    assert_int_equal(x86_map(&m, 0, 0, X86_PAGE_4K, 0), X86_NO_FRAME);
    mock_mem_free(&mm);
}

/* A backend that hands out misaligned pointers. */
static void *skewed_table(void *ctx, uint64_t phys)
{
    (void)phys;
    return (uint8_t *)ctx + 4;
}

static void test_misaligned_backend(void **state)
{
    (void)state;
    static uint64_t buffer[1024];
    struct x86_phys_access mem = { buffer, skewed_table };
    struct x86_mapper m;
    assert_int_equal(x86_mapper_init(&m, 0x1000, 4, &mem, NULL, NULL), X86_OK);
    struct x86_translation t;
    assert_int_equal(x86_translate(&m, 0, &t), X86_BAD_TABLE);
    assert_int_equal(x86_recursive_install(&m, 511), X86_BAD_TABLE);
    assert_int_equal(x86_free_empty_tables(&m, 0, 0x1000), X86_UNSUPPORTED);
}

/* A window whose virtual start is 4 bytes off an 8-byte boundary makes every
 * table pointer misaligned: refused, whether the root is aligned or (edited
 * after init) skewed by the same 4 bytes so that only the root lines up. */
static void test_window_skew(void **state)
{
    (void)state;
    static uint64_t buffer[1024 + 1] __attribute__((aligned(4096)));
    struct x86_phys_window w = { 0x1000, 0x2000, (uintptr_t)buffer + 4 };
    struct x86_phys_access mem = { &w, x86_phys_window_table };
    struct x86_mapper m;
    assert_int_equal(x86_mapper_init(&m, 0x1000, 4, &mem, NULL, NULL), X86_OK);
    struct x86_translation t;
    assert_int_equal(x86_translate(&m, 0, &t), X86_BAD_TABLE);
    assert_int_equal(x86_map(&m, 0, 0, X86_PAGE_4K, 0), X86_BAD_TABLE);
    assert_int_equal(x86_unmap(&m, 0, NULL), X86_BAD_TABLE);
    m.root = 0x1004;                /* its table at buffer + 8: aligned */
    buffer[1] = 0x2000 | P;         /* its entry 0: a table at buffer + 4 + 0x1000 */
    assert_int_equal(x86_translate(&m, 0, &t), X86_BAD_TABLE);
    assert_int_equal(x86_unmap(&m, 0, NULL), X86_BAD_TABLE);
}

/* The identity backend over host memory: physical address = the host address
 * of the tables (SDM 4.5 layouts, checked entry by entry); 4 KiB and 2 MiB
 * leaves through the same walks as the window. */
static uint64_t next_identity_frame;

static bool identity_alloc(void *ctx, uint64_t *phys)
{
    uint8_t *pool = ctx;
    if (next_identity_frame >= 8) {
        return false;
    }
    *phys = (uintptr_t)(pool + next_identity_frame++ * 4096);
    return true;
}

static void test_identity_backend(void **state)
{
    (void)state;
    uint8_t *pool = aligned_alloc(4096, 8 * 4096);
    assert_non_null(pool);
    next_identity_frame = 0;
    struct x86_phys_access mem = { NULL, x86_phys_identity_table };
    struct x86_frame_allocator frames = { pool, identity_alloc, NULL };
    struct x86_mapper m;
    assert_int_equal(x86_mapper_create(&m, 4, &mem, &frames, NULL), X86_OK);
    assert_int_equal(m.root, (uintptr_t)pool);
    assert_int_equal(x86_map(&m, 0x1000, 0x7000, X86_PAGE_4K, X86_PTE_WRITABLE), X86_OK);
    assert_int_equal(x86_map(&m, 0x40000000, 0x200000, X86_PAGE_2M, 0), X86_OK);
    uint64_t *pml4 = (uint64_t *)(void *)pool;
    uint64_t *pdpt = (uint64_t *)(void *)(pool + 4096);
    uint64_t *pd = (uint64_t *)(void *)(pool + 2 * 4096);
    uint64_t *pt = (uint64_t *)(void *)(pool + 3 * 4096);
    assert_int_equal(pml4[0], ((uintptr_t)pdpt) | P | RW);
    assert_int_equal(pdpt[0], ((uintptr_t)pd) | P | RW);
    assert_int_equal(pd[0], ((uintptr_t)pt) | P | RW);
    assert_int_equal(pt[1], 0x7000 | P | RW);
    struct x86_translation t;
    assert_int_equal(x86_translate(&m, 0x1234, &t), X86_OK);
    assert_int_equal(t.phys, 0x7234);
    assert_int_equal(x86_translate(&m, 0x40012345, &t), X86_OK);
    assert_int_equal(t.phys, 0x212345);
    assert_int_equal(t.size, X86_PAGE_2M);
    struct x86_frame fr;
    assert_int_equal(x86_unmap(&m, 0x40000000, &fr), X86_OK);
    assert_int_equal(fr.start, 0x200000);
    assert_int_equal(fr.size, X86_PAGE_2M);
    assert_int_equal(x86_unmap(&m, 0x1000, &fr), X86_OK);
    assert_int_equal(fr.start, 0x7000);
    assert_int_equal(x86_translate(&m, 0x1000, &t), X86_NOT_MAPPED);
    /* A table at physical 0 would be a NULL pointer: refused. */
    pd[0] = P;
    assert_int_equal(x86_translate(&m, 0x1000, &t), X86_BAD_TABLE);
    assert_int_equal(x86_map(&m, 0x1000, 0x7000, X86_PAGE_4K, 0), X86_BAD_TABLE);
    free(pool);
}

/* The window is read by x86_mapper_init (mapper.h): a window whose start is not
 * a 4 KiB multiple still works (through the callback), and a window shrunk and
 * given to x86_mapper_init again no longer grants the tables outside it. */
static void test_window_read_at_init(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x5000, X86_PAGE_4K, 0), X86_OK);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0x1008, &t), X86_OK);
    assert_int_equal(t.phys, 0x5008);
    struct x86_phys_access mem = f->m.mem;
    struct x86_frame_allocator frames = f->m.frames;
    /* Start 8 bytes below the pool: every table 8 bytes further in. */
    struct x86_phys_window skewed = { PHYS_BASE - 8, FRAMES * 4096 + 8, (uintptr_t)f->pool - 8 };
    mem.ctx = &skewed;
    assert_int_equal(x86_mapper_init(&f->m, PHYS_BASE, 4, &mem, &frames, NULL), X86_OK);
    assert_int_equal(x86_translate(&f->m, 0x1008, &t), X86_OK);
    assert_int_equal(t.phys, 0x5008);
    assert_int_equal(x86_map(&f->m, 0x2000, 0x6000, X86_PAGE_4K, 0), X86_OK);
    assert_int_equal(x86_unmap(&f->m, 0x2000, NULL), X86_OK);
    /* Only the root's frame left in the window: the PDPT is outside. */
    struct x86_phys_window small = { PHYS_BASE, 4096, (uintptr_t)f->pool };
    mem.ctx = &small;
    assert_int_equal(x86_mapper_init(&f->m, PHYS_BASE, 4, &mem, &frames, NULL), X86_OK);
    assert_int_equal(x86_translate(&f->m, 0x1008, &t), X86_BAD_TABLE);
    assert_int_equal(x86_map(&f->m, 0x2000, 0x6000, X86_PAGE_4K, 0), X86_BAD_TABLE);
    assert_int_equal(x86_unmap(&f->m, 0x1000, NULL), X86_BAD_TABLE);
    teardown(f);
}

/* A window of 48 frames, not a power of two: the inline walks test an offset
 * below the largest power of two in it (32 frames) in one step and check the
 * rest against the exact bound, so tables in frames 32..47 are walked as any
 * other and frame 48, the first one past the window, is refused. */
static void test_window_not_power_of_two(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    const uint64_t frames48 = 48 * 4096;
    struct x86_phys_window w = { PHYS_BASE, frames48, (uintptr_t)f->pool };
    struct x86_phys_access mem = { &w, x86_phys_window_table };
    struct x86_frame_allocator frames = { f, pool_alloc, pool_free };
    const uint64_t root = PHYS_BASE + 40 * 4096;
    memset(table(f, root), 0, 4096);
    f->next = 41;
    assert_int_equal(x86_mapper_init(&f->m, root, 4, &mem, &frames, NULL), X86_OK);
    assert_int_equal(x86_map(&f->m, 0x1000, 0x5000, X86_PAGE_4K, RW), X86_OK);
    /* PML4E -> PDPT in frame 41, PDPTE -> PD in 42, PDE -> PT in 43 (Tables
     * 4-16, 4-18, 4-20), PTE 1 (Table 4-21). */
    assert_int_equal(table(f, root)[0], (PHYS_BASE + 41 * 4096) | P | RW);
    assert_int_equal(table(f, PHYS_BASE + 41 * 4096)[0], (PHYS_BASE + 42 * 4096) | P | RW);
    assert_int_equal(table(f, PHYS_BASE + 42 * 4096)[0], (PHYS_BASE + 43 * 4096) | P | RW);
    assert_int_equal(table(f, PHYS_BASE + 43 * 4096)[1], 0x5000 | P | RW);
    struct x86_translation t;
    assert_int_equal(x86_translate(&f->m, 0x1008, &t), X86_OK);
    assert_int_equal(t.phys, 0x5008);
    /* The PD of PDPTE 1 in frame 47, the last in the window; its PT would be
     * frame 48, outside, so the map fails and leaves the PD empty. */
    f->next = 47;
    assert_int_equal(x86_map(&f->m, UINT64_C(0x40000000), 0x7000, X86_PAGE_4K, RW),
                     X86_BAD_TABLE);
    assert_int_equal(table(f, PHYS_BASE + 41 * 4096)[1], (PHYS_BASE + 47 * 4096) | P | RW);
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x40000000), &t), X86_NOT_MAPPED);
    /* A PDE naming frame 48 by hand: refused on every call. */
    table(f, PHYS_BASE + 47 * 4096)[0] = (PHYS_BASE + 48 * 4096) | P | RW;
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x40000000), &t), X86_BAD_TABLE);
    assert_int_equal(x86_map(&f->m, UINT64_C(0x40000000), 0x7000, X86_PAGE_4K, RW),
                     X86_BAD_TABLE);
    assert_int_equal(x86_unmap(&f->m, UINT64_C(0x40000000), NULL), X86_BAD_TABLE);
    /* PS in the PML4E of frame 41's slot is reserved (Table 4-16). */
    table(f, root)[2] = (PHYS_BASE + 41 * 4096) | P | RW | PS;
    assert_int_equal(x86_translate(&f->m, UINT64_C(0x10000000000), &t), X86_BAD_TABLE);
    assert_int_equal(x86_unmap(&f->m, 0x1000, NULL), X86_OK);
    assert_int_equal(table(f, PHYS_BASE + 43 * 4096)[1], 0);
    assert_int_equal(x86_translate(&f->m, 0x1008, &t), X86_NOT_MAPPED);
    teardown(f);
}

static void test_update_needs_page_start(void **state)
{
    (void)state;
    struct fixture *f = setup(4);
    assert_int_equal(x86_map(&f->m, 0x200000, 0x200000, X86_PAGE_2M, 0), X86_OK);
    assert_int_equal(x86_update_flags(&f->m, 0x201000, X86_PTE_WRITABLE), X86_NOT_ALIGNED);
    assert_int_equal(x86_update_flags(&f->m, UINT64_C(0x0000800000000000), 0), X86_NOT_CANONICAL);
    assert_int_equal(f->page_flushes, 0);
    teardown(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_4k_entries),
        cmocka_unit_test(test_map_huge_entries),
        cmocka_unit_test(test_map_arguments),
        cmocka_unit_test(test_user_parents),
        cmocka_unit_test(test_unmap_and_update),
        cmocka_unit_test(test_map_range_sizes),
        cmocka_unit_test(test_map_range_rollback),
        cmocka_unit_test(test_unmap_range_batched),
        cmocka_unit_test(test_free_empty_tables),
        cmocka_unit_test(test_five_level),
        cmocka_unit_test(test_corrupt_tables),
        cmocka_unit_test(test_allocator_failures),
        cmocka_unit_test(test_init_arguments),
        cmocka_unit_test(test_backends),
        cmocka_unit_test(test_recursive),
        cmocka_unit_test(test_recursive_translate),
        cmocka_unit_test(test_recursive_five_level),
        cmocka_unit_test(test_recursive_map),
        cmocka_unit_test(test_recursive_unexpected),
        cmocka_unit_test(test_sparse_memory),
        cmocka_unit_test(test_misaligned_backend),
        cmocka_unit_test(test_window_skew),
        cmocka_unit_test(test_update_needs_page_start),
        cmocka_unit_test(test_identity_backend),
        cmocka_unit_test(test_window_read_at_init),
        cmocka_unit_test(test_window_not_power_of_two),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
