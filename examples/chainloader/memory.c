/* See memory.h. Memory map entries: Multiboot2 specification 3.6.8. */
#include "memory.h"

#define ONE_MIB ((uint64_t)1 << 20)
#define FOUR_GIB ((uint64_t)1 << 32)

void chain_memory_init(struct chain_memory *m, const struct mb2_mmap *mmap)
{
    m->mmap = mmap;
    m->busy_count = 0;
}

enum chain_status chain_memory_busy(struct chain_memory *m, uint64_t start, uint64_t end)
{
    if (m->busy_count >= CHAIN_MAX_BUSY) {
        return CHAIN_NO_MEMORY;
    }
    m->busy[m->busy_count++] = (struct chain_range){start, end};
    return CHAIN_OK;
}

/* The end of the available entry holding POS, or POS if none does. */
static uint64_t available_end_at(const struct mb2_mmap *mmap, uint64_t pos)
{
    struct mb2_mmap_iter it;
    struct mb2_mmap_entry e;
    mb2_mmap_iter_init(&it, mmap);
    while (mb2_mmap_next(&it, &e) == MB2_OK) {
        uint64_t end = e.base_addr + e.length;
        if (e.type == MB2_MEMORY_AVAILABLE && e.base_addr <= pos && pos < end && end > e.base_addr) {
            return end;
        }
    }
    return pos;
}

bool chain_memory_available(const struct chain_memory *m, uint64_t start, uint64_t end)
{
    /* Adjacent available entries count as one: each step passes one entry. */
    uint64_t pos = start;
    for (uint32_t steps = 0; pos < end && steps <= m->mmap->count; steps++) {
        uint64_t next = available_end_at(m->mmap, pos);
        if (next == pos) {
            return false;
        }
        pos = next;
    }
    return pos >= end;
}

static bool fits_at(const struct chain_memory *m, uint64_t start, uint64_t size)
{
    if (start < ONE_MIB || start > FOUR_GIB || size > FOUR_GIB - start) {
        return false;
    }
    struct chain_range r = {start, start + size};
    for (uint32_t i = 0; i < m->busy_count; i++) {
        if (chain_ranges_overlap(r, m->busy[i])) {
            return false;
        }
    }
    return chain_memory_available(m, r.start, r.end);
}

static void consider(const struct chain_memory *m, uint64_t candidate, uint64_t size, uint64_t align,
                     uint64_t *best)
{
    if (candidate > FOUR_GIB) {
        return;
    }
    uint64_t start = (candidate < ONE_MIB ? ONE_MIB : candidate + align - 1) & ~(align - 1);
    if (start < *best && fits_at(m, start, size)) {
        *best = start;
    }
}

enum chain_status chain_memory_alloc(struct chain_memory *m, uint64_t size, uint64_t align,
                                     uint64_t *out)
{
    /* The lowest fit starts where an available entry or a busy range ends,
     * rounded up, or at 1 MiB. */
    uint64_t best = UINT64_MAX;
    struct mb2_mmap_iter it;
    struct mb2_mmap_entry e;

    if (size == 0 || align == 0 || (align & (align - 1)) != 0) {
        return CHAIN_NO_MEMORY;
    }
    consider(m, ONE_MIB, size, align, &best);
    mb2_mmap_iter_init(&it, m->mmap);
    while (mb2_mmap_next(&it, &e) == MB2_OK) {
        if (e.type == MB2_MEMORY_AVAILABLE) {
            consider(m, e.base_addr, size, align, &best);
        }
    }
    for (uint32_t i = 0; i < m->busy_count; i++) {
        consider(m, m->busy[i].end, size, align, &best);
    }
    if (best == UINT64_MAX) {
        return CHAIN_NO_MEMORY;
    }
    *out = best;
    return chain_memory_busy(m, best, best + size);
}

static enum chain_status emit(struct mb2_mmap_entry *out, uint32_t cap, uint32_t *n, uint64_t start,
                              uint64_t end, uint32_t type)
{
    if (*n >= cap) {
        return CHAIN_NO_MEMORY;
    }
    out[(*n)++] = (struct mb2_mmap_entry){start, end - start, type, 0};
    return CHAIN_OK;
}

/* Split one available entry [START, END) around the reserved ranges in it. */
static enum chain_status carve_entry(uint64_t start, uint64_t end, const struct chain_range *reserved,
                                     uint32_t count, struct mb2_mmap_entry *out, uint32_t cap,
                                     uint32_t *n)
{
    uint64_t pos = start;
    enum chain_status st = CHAIN_OK;
    /* Each round passes one reserved range, so COUNT + 1 rounds finish. */
    for (uint32_t round = 0; st == CHAIN_OK && pos < end && round <= count; round++) {
        const struct chain_range *next = NULL;
        for (uint32_t i = 0; i < count; i++) {
            if (chain_ranges_overlap(reserved[i], (struct chain_range){pos, end}) &&
                (next == NULL || reserved[i].start < next->start)) {
                next = &reserved[i];
            }
        }
        if (next == NULL) {
            return emit(out, cap, n, pos, end, MB2_MEMORY_AVAILABLE);
        }
        if (next->start > pos) {
            st = emit(out, cap, n, pos, next->start, MB2_MEMORY_AVAILABLE);
            pos = next->start;
        }
        uint64_t stop = next->end < end ? next->end : end;
        if (st == CHAIN_OK) {
            st = emit(out, cap, n, pos, stop, MB2_MEMORY_RESERVED);
        }
        pos = stop;
    }
    return st;
}

enum chain_status chain_mmap_carve(const struct mb2_mmap *mmap, const struct chain_range *reserved,
                                   uint32_t count, struct mb2_mmap_entry *out, uint32_t cap,
                                   uint32_t *out_count)
{
    struct mb2_mmap_iter it;
    struct mb2_mmap_entry e;
    enum chain_status st = CHAIN_OK;
    uint32_t n = 0;

    mb2_mmap_iter_init(&it, mmap);
    while (st == CHAIN_OK && mb2_mmap_next(&it, &e) == MB2_OK) {
        uint64_t end = e.base_addr + e.length;
        if (e.type != MB2_MEMORY_AVAILABLE || end <= e.base_addr) {
            st = n < cap ? CHAIN_OK : CHAIN_NO_MEMORY;
            if (st == CHAIN_OK) {
                out[n++] = e;
            }
        } else {
            st = carve_entry(e.base_addr, end, reserved, count, out, cap, &n);
        }
    }
    *out_count = n;
    return st;
}
