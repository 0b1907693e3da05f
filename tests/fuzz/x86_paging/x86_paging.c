/* Fuzz harness: arbitrary bytes as page-table memory for the x86_64 mapper.
 *
 * Input: byte 0 selects the paging mode (bit 0: 5-level) and the operations
 * (bits 1-7); bytes 1-8 a virtual address and bytes 9-12 a range length (both
 * little-endian; bit 0 of byte 9, below the range's 4 KiB granule, tells the
 * mapper that the top-level slot of the address is recursive, which it accepts
 * only when that entry points back at the root); the rest is physical memory
 * from address 0, up to 16 tables, with the root table at 0. Frames for new
 * tables come from 16 more pages behind them. The mapper must never crash, loop
 * or leave the window, must keep its own promises, and its inline window path
 * must agree with its callback path (checked below with abort()). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "x86_64/addr.h"
#include "x86_64/mapper.h"

int fuzz_one(const uint8_t *data, size_t size);

#define HEADER 13
#define INPUT_PAGES 16
#define SPARE_PAGES 16
#define MAX_RANGE (UINT64_C(4) << 20) /* bounds the work of one range call */

static _Alignas(4096) uint8_t memory[(INPUT_PAGES + SPARE_PAGES) * 4096];

struct spare {
    unsigned next;
};

static bool spare_alloc(void *ctx, uint64_t *phys)
{
    struct spare *s = ctx;
    if (s->next >= SPARE_PAGES) {
        return false;
    }
    *phys = (uint64_t)(INPUT_PAGES + s->next++) * 4096;
    return true;
}

static void spare_free(void *ctx, uint64_t phys)
{
    (void)ctx;
    if (phys % 4096 != 0 || phys >= sizeof(memory)) {
        abort(); /* the mapper freed something it never had */
    }
}

/* The window backend behind a function of its own, so the mapper takes its
 * general callback path: the reference for its inline window path. */
static void *window_by_call(void *ctx, uint64_t phys)
{
    return x86_phys_window_table(ctx, phys);
}

static uint64_t load(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        v |= (uint64_t)p[i] << (8 * i);
    }
    return v;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    if (size < HEADER) {
        return 0;
    }
    unsigned mode = data[0];
    unsigned levels = (mode & 1u) != 0 ? 5 : 4;
    uint64_t virt = load(data + 1, 8);
    uint64_t len = load(data + 9, 4) & (MAX_RANGE - 1) & ~UINT64_C(0xFFF);
    size_t mem_len = size - HEADER;
    if (mem_len > INPUT_PAGES * 4096) {
        mem_len = INPUT_PAGES * 4096;
    }
    memset(memory, 0, sizeof(memory));
    memcpy(memory, data + HEADER, mem_len);

    struct x86_phys_window window = { 0, sizeof(memory), (uintptr_t)memory };
    struct x86_phys_access mem = { &window, x86_phys_window_table };
    struct spare spare = { 0 };
    struct x86_frame_allocator frames = { &spare, spare_alloc, spare_free };
    struct x86_mapper m;
    if (x86_mapper_init(&m, 0, levels, &mem, &frames, NULL) != X86_OK) {
        abort();
    }
    if ((data[9] & 1u) != 0) {
        unsigned slot = x86_virt_table_index(virt, levels);
        const uint64_t *root = (const uint64_t *)(const void *)memory;
        enum x86_status rs = x86_mapper_set_recursive(&m, slot);
        bool points_back = (root[slot] & (X86_PTE_PRESENT | X86_PTE_HUGE)) == X86_PTE_PRESENT &&
                           (root[slot] & X86_PTE_ADDR_4K) == 0;
        if ((rs == X86_OK) != points_back) {
            abort(); /* accepted exactly when the entry is a recursive one */
        }
    }

    struct x86_translation t;
    enum x86_status st = x86_translate(&m, virt, &t);
    if (st == X86_OK && (!x86_phys_is_valid(t.phys) || !x86_page_size_is_valid(t.size) ||
                         t.phys - t.frame >= (uint64_t)t.size)) {
        abort();
    }
    /* The inline window path and the callback path agree on every walk. */
    struct x86_phys_access by_call = { &window, window_by_call };
    struct x86_mapper ref;
    if (x86_mapper_init(&ref, 0, levels, &by_call, NULL, NULL) != X86_OK) {
        abort();
    }
    ref.recursive = m.recursive;
    struct x86_translation rt;
    enum x86_status rst = x86_translate(&ref, virt, &rt);
    if (rst != st || (st == X86_OK && (rt.phys != t.phys || rt.flags != t.flags ||
                                       rt.size != t.size || rt.frame != t.frame))) {
        abort();
    }
    uint64_t page = virt & ~UINT64_C(0xFFF);
    if ((mode & 2u) != 0) {
        struct x86_frame fr;
        if (x86_unmap(&m, page, &fr) == X86_OK) {
            /* The entry is gone, so the same walk must now stop short. */
            if (x86_translate(&m, page, &t) == X86_OK) {
                abort();
            }
        }
    }
    if ((mode & 4u) != 0 && x86_update_flags(&m, page, X86_PTE_WRITABLE) == X86_OK &&
        (x86_translate(&m, page, &t) != X86_OK || (t.flags & X86_PTE_WRITABLE) == 0)) {
        abort(); /* the new flags must be what a walk finds */
    }
    if ((mode & 8u) != 0 && x86_unmap_range(&m, page, len) == X86_OK && len != 0 &&
        x86_translate(&m, page, &t) == X86_OK) {
        abort(); /* nothing stays mapped inside an unmapped range */
    }
    if ((mode & 16u) != 0) {
        enum x86_page_size page_size = (mode & 32u) != 0 ? X86_PAGE_2M : X86_PAGE_4K;
        uint64_t start = virt & ~((uint64_t)page_size - 1);
        if (x86_map(&m, start, 0, page_size, X86_PTE_USER) == X86_OK &&
            x86_translate(&m, start, &t) != X86_OK) {
            abort(); /* a successful map must translate */
        }
    }
    if ((mode & 64u) != 0 && x86_map_range(&m, page, 0, len, 0, X86_SIZES_ALL) == X86_OK &&
        len != 0 && x86_translate(&m, page, &t) != X86_OK) {
        abort();
    }
    if ((mode & 128u) != 0) {
        struct x86_translation before;
        enum x86_status was = x86_translate(&m, page, &before);
        if (x86_free_empty_tables(&m, page, len) == X86_OK && was == X86_OK &&
            (x86_translate(&m, page, &t) != X86_OK || t.phys != before.phys)) {
            abort(); /* freeing empty tables never changes a translation */
        }
    }
    return 0;
}
