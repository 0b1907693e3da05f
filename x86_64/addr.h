/* Virtual and physical addresses (Intel SDM Vol. 3A, 4.1.1 and 4.5).
 *
 * Addresses are plain uint64_t values. A virtual address is canonical when bits
 * 63..N-1 all equal bit N-1, with N = 48 for 4-level paging and N = 57 for
 * 5-level paging (CR4.LA57). Physical addresses are limited to 52 bits
 * (MAXPHYADDR is at most 52, SDM 4.1.4). Page-table levels are numbered as the
 * SDM does by what they map: 1 = page table (PT), 2 = page directory (PD),
 * 3 = PDPT, 4 = PML4, 5 = PML5. Pure arithmetic: compiles on every target. */
#ifndef X86_64_ADDR_H
#define X86_64_ADDR_H

#include <stdbool.h>
#include <stdint.h>

#include "x86_64/status.h"

#define X86_PHYS_ADDR_BITS 52
#define X86_PHYS_ADDR_MAX ((UINT64_C(1) << X86_PHYS_ADDR_BITS) - 1)
#define X86_PAGE_SHIFT 12
#define X86_TABLE_ENTRIES 512

/* Number of linear-address bits for LEVELS (4 -> 48, 5 -> 57); 0 if LEVELS is neither. */
static inline unsigned x86_virt_bits(unsigned levels)
{
    return levels == 4 ? 48u : levels == 5 ? 57u : 0u;
}

/* Index into the table of LEVEL (1..5) that VIRT selects: bits 12+9(L-1) .. +8
 * (0 for another LEVEL). Constant shifts only, so 32-bit targets need no
 * compiler-runtime helper for 64-bit shifts. */
static inline unsigned x86_virt_table_index(uint64_t virt, unsigned level)
{
    switch (level) {
    case 1: return (unsigned)(virt >> 12) & 0x1FFu;
    case 2: return (unsigned)(virt >> 21) & 0x1FFu;
    case 3: return (unsigned)(virt >> 30) & 0x1FFu;
    case 4: return (unsigned)(virt >> 39) & 0x1FFu;
    case 5: return (unsigned)(virt >> 48) & 0x1FFu;
    default: return 0;
    }
}

/* Offset of VIRT inside its 4 KiB page (bits 11..0). */
static inline uint64_t x86_virt_page_offset(uint64_t virt)
{
    return virt & 0xFFFu;
}

/* True when PHYS fits in 52 bits. */
static inline bool x86_phys_is_valid(uint64_t phys)
{
    return phys <= X86_PHYS_ADDR_MAX;
}

/* True when ALIGN is a non-zero power of two. */
static inline bool x86_is_power_of_two(uint64_t align)
{
    return align != 0 && (align & (align - 1)) == 0;
}

/* ADDR rounded down to ALIGN (a power of two; cannot overflow). */
static inline uint64_t x86_align_down(uint64_t addr, uint64_t align)
{
    return addr & ~(align - 1);
}

/* True when ADDR is a multiple of ALIGN (a power of two). */
static inline bool x86_is_aligned(uint64_t addr, uint64_t align)
{
    return (addr & (align - 1)) == 0;
}

/* ADDR rounded up to ALIGN into *OUT. X86_BAD_ARGUMENT if ALIGN is not a power of
 * two, X86_OVERFLOW if the result does not fit in 64 bits (*OUT untouched). */
X86_MUST_USE enum x86_status x86_align_up(uint64_t addr, uint64_t align, uint64_t *out);

/* True when VIRT is canonical for LEVELS (4 or 5); false for any other LEVELS. */
bool x86_virt_is_canonical(uint64_t virt, unsigned levels);

/* VIRT truncated to the paging mode's bits and sign-extended from the top one,
 * which makes any value canonical (what the Rust crate's new_truncate does).
 * LEVELS other than 4 or 5 give VIRT unchanged. */
uint64_t x86_virt_sign_extend(uint64_t virt, unsigned levels);

/* VIRT + OFFSET into *OUT if the sum does not wrap and is canonical for LEVELS.
 * X86_OVERFLOW on wrap-around, X86_NOT_CANONICAL if the sum (or VIRT) leaves the
 * canonical space, X86_BAD_ARGUMENT for LEVELS other than 4 or 5. */
X86_MUST_USE enum x86_status x86_virt_add(uint64_t virt, uint64_t offset, unsigned levels,
                                          uint64_t *out);

/* The canonical address whose table indices are INDEX[L-1] for each level L
 * (1..LEVELS, each masked to 9 bits) with page offset OFFSET (masked to 12 bits).
 * LEVELS must be 4 or 5 (other values give 0). */
uint64_t x86_virt_from_indices(unsigned levels, const unsigned index[], uint64_t offset);

#endif
