/* Pages and frames of 4 KiB, 2 MiB and 1 GiB, and iteration over ranges of them
 * (Intel SDM Vol. 3A, 4.5: a PT entry maps 4 KiB, a PD entry with PS=1 2 MiB,
 * a PDPT entry with PS=1 1 GiB). A page is virtual, a frame physical; both are a
 * start address aligned to their size. Pure arithmetic: compiles on every target. */
#ifndef X86_64_PAGE_H
#define X86_64_PAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "x86_64/status.h"

enum x86_page_size {
    X86_PAGE_4K = 0x1000,
    X86_PAGE_2M = 0x200000,
    X86_PAGE_1G = 0x40000000,
};

/* Bit masks naming a set of page sizes (x86_map_range's choice of sizes). */
#define X86_SIZES_4K 1u
#define X86_SIZES_2M 2u
#define X86_SIZES_1G 4u
#define X86_SIZES_ALL (X86_SIZES_4K | X86_SIZES_2M | X86_SIZES_1G)

struct x86_page {                 /* a virtual page */
    uint64_t start;
    enum x86_page_size size;
};

struct x86_frame {                /* a physical frame */
    uint64_t start;
    enum x86_page_size size;
};

/* True for the three architectural sizes. */
static inline bool x86_page_size_is_valid(enum x86_page_size size)
{
    return size == X86_PAGE_4K || size == X86_PAGE_2M || size == X86_PAGE_1G;
}

/* Table level whose entry maps SIZE: 1 (4 KiB), 2 (2 MiB), 3 (1 GiB); 0 if invalid.
 * Inline, as the mapper asks it on every map. */
static inline unsigned x86_page_size_level(enum x86_page_size size)
{
    return size == X86_PAGE_4K ? 1u : size == X86_PAGE_2M ? 2u : size == X86_PAGE_1G ? 3u : 0u;
}

/* The page of SIZE that contains the canonical address VIRT (LEVELS 4 or 5).
 * X86_NOT_CANONICAL, or X86_BAD_ARGUMENT for a bad SIZE or LEVELS. */
X86_MUST_USE enum x86_status x86_page_containing(uint64_t virt, enum x86_page_size size,
                                                 unsigned levels, struct x86_page *out);

/* The frame of SIZE that contains PHYS. X86_BAD_PHYS_ADDR beyond 52 bits,
 * X86_BAD_ARGUMENT for a bad SIZE. */
X86_MUST_USE enum x86_status x86_frame_containing(uint64_t phys, enum x86_page_size size,
                                                  struct x86_frame *out);

/* A cursor over COUNT consecutive pages (or frames) of one size; lives on the
 * caller's stack. Counting instead of an exclusive end lets a range end at the
 * very top of the address space. */
struct x86_page_range {
    uint64_t next;
    uint64_t remaining;
    enum x86_page_size size;
};

/* Start a range of COUNT pages of SIZE at START. X86_NOT_ALIGNED if START is not
 * a multiple of SIZE, X86_OVERFLOW if the range passes 2^64, X86_BAD_ARGUMENT
 * for a bad SIZE. */
X86_MUST_USE enum x86_status x86_page_range_init(struct x86_page_range *range, uint64_t start,
                                                 uint64_t count, enum x86_page_size size);

/* The next page's start address into *START: X86_OK, or X86_END when done. */
X86_MUST_USE enum x86_status x86_page_range_next(struct x86_page_range *range, uint64_t *start);

#endif
