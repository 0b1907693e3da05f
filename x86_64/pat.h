/* Page attribute table (Intel SDM Vol. 3A, 11.12): the IA32_PAT MSR layout, the
 * memory types, and the page-table bits that select a PAT entry.
 * Header only, pure data, every target.
 *
 * The PAT index of a page is PAT:PCD:PWT from its leaf entry (11.12.3): PWT is
 * bit 3 and PCD bit 4 at every level; PAT is bit 7 in a 4 KiB PTE and bit 12 in
 * a 2 MiB or 1 GiB entry (where bit 7 is PS). */
#ifndef X86_64_PAT_H
#define X86_64_PAT_H

#include <stdint.h>

#include "x86_64/page.h"

/* Memory types (SDM Table 11-10). 2 and 3 are reserved. */
enum x86_memory_type {
    X86_MT_UC = 0,        /* uncacheable */
    X86_MT_WC = 1,        /* write combining */
    X86_MT_WT = 4,        /* write through */
    X86_MT_WP = 5,        /* write protected */
    X86_MT_WB = 6,        /* write back */
    X86_MT_UC_MINUS = 7,  /* UC-, overridable by MTRR WC */
};

/* IA32_PAT after reset (SDM Table 11-12): PA0 WB, PA1 WT, PA2 UC-, PA3 UC, repeated. */
#define X86_PAT_DEFAULT UINT64_C(0x0007040600070406)

/* Type of entry INDEX (0..7) of the IA32_PAT value PAT: byte INDEX, bits 2:0. */
static inline enum x86_memory_type x86_pat_type(uint64_t pat, unsigned index)
{
    /* 32-bit halves: no 64-bit variable shift (a runtime helper on i686). */
    uint32_t half = (index & 4u) != 0 ? (uint32_t)(pat >> 32) : (uint32_t)pat;
    return (enum x86_memory_type)((half >> (8u * (index & 3u))) & 7u);
}

/* PAT with entry INDEX (0..7) set to TYPE. */
static inline uint64_t x86_pat_with_type(uint64_t pat, unsigned index, enum x86_memory_type type)
{
    unsigned shift = 8u * (index & 3u);
    uint32_t lo = (uint32_t)pat;
    uint32_t hi = (uint32_t)(pat >> 32);
    uint32_t *half = (index & 4u) != 0 ? &hi : &lo;
    *half = (*half & ~(UINT32_C(0xFF) << shift)) | (((uint32_t)type & 7u) << shift);
    return ((uint64_t)hi << 32) | lo;
}

/* Leaf-entry bits that select PAT entry INDEX (0..7) for a page of SIZE. */
static inline uint64_t x86_pat_entry_bits(unsigned index, enum x86_page_size size)
{
    uint64_t bits = 0;
    if ((index & 1u) != 0) {
        bits |= UINT64_C(1) << 3;                                /* PWT */
    }
    if ((index & 2u) != 0) {
        bits |= UINT64_C(1) << 4;                                /* PCD */
    }
    if ((index & 4u) != 0) {
        bits |= size == X86_PAGE_4K ? UINT64_C(1) << 7 : UINT64_C(1) << 12; /* PAT */
    }
    return bits;
}

/* PAT index (0..7) a leaf ENTRY of SIZE selects. */
static inline unsigned x86_pat_index_of(uint64_t entry, enum x86_page_size size)
{
    uint64_t pat = size == X86_PAGE_4K ? (entry >> 7) & 1u : (entry >> 12) & 1u;
    return (unsigned)(((entry >> 3) & 1u) | (((entry >> 4) & 1u) << 1) | (pat << 2));
}

#endif
