/* Page-table entries of 4-level and 5-level paging (Intel SDM Vol. 3A, 4.5,
 * Tables 4-15 to 4-20: PML5E, PML4E, PDPTE, PDE, PTE).
 *
 * An entry is a uint64_t. Bits 51..12 hold the physical address of the next table
 * or of a 4 KiB frame; in an entry that maps a 2 MiB or 1 GiB page (PS = 1) the
 * address starts at bit 21 or 30 and bit 12 is the PAT bit, while in a 4 KiB PTE
 * bit 7 is the PAT bit. Pure data: compiles on every target, so 32-bit entry code
 * can build the first long-mode tables with it. */
#ifndef X86_64_PAGING_H
#define X86_64_PAGING_H

#include <stdbool.h>
#include <stdint.h>

#include "x86_64/addr.h"
#include "x86_64/page.h"
#include "x86_64/status.h"

#define X86_PTE_PRESENT        (UINT64_C(1) << 0)
#define X86_PTE_WRITABLE       (UINT64_C(1) << 1)   /* R/W */
#define X86_PTE_USER           (UINT64_C(1) << 2)   /* U/S */
#define X86_PTE_WRITE_THROUGH  (UINT64_C(1) << 3)   /* PWT */
#define X86_PTE_CACHE_DISABLE  (UINT64_C(1) << 4)   /* PCD */
#define X86_PTE_ACCESSED       (UINT64_C(1) << 5)
#define X86_PTE_DIRTY          (UINT64_C(1) << 6)   /* leaf entries only */
#define X86_PTE_HUGE           (UINT64_C(1) << 7)   /* PS, in PDPTEs and PDEs */
#define X86_PTE_PAT_4K         (UINT64_C(1) << 7)   /* PAT, in 4 KiB PTEs */
#define X86_PTE_GLOBAL         (UINT64_C(1) << 8)   /* leaf entries only */
#define X86_PTE_AVAILABLE_LOW  (UINT64_C(0x7) << 9)     /* bits 11..9, ignored by the CPU */
#define X86_PTE_PAT_HUGE       (UINT64_C(1) << 12)  /* PAT, in 2 MiB / 1 GiB entries */
#define X86_PTE_AVAILABLE_HIGH (UINT64_C(0x7F) << 52)   /* bits 58..52, ignored */
#define X86_PTE_PROTECTION_KEY (UINT64_C(0xF) << 59)    /* bits 62..59 (CR4.PKE/PKS) */
#define X86_PTE_NO_EXECUTE     (UINT64_C(1) << 63)  /* XD, needs EFER.NXE */

#define X86_PTE_ADDR_4K UINT64_C(0x000FFFFFFFFFF000)   /* bits 51..12 */
#define X86_PTE_ADDR_2M UINT64_C(0x000FFFFFFFE00000)   /* bits 51..21 */
#define X86_PTE_ADDR_1G UINT64_C(0x000FFFFFC0000000)   /* bits 51..30 */

static inline bool x86_pte_is_present(uint64_t entry)
{
    return (entry & X86_PTE_PRESENT) != 0;
}

/* Mask of the address bits of an entry that maps SIZE (the 4 KiB mask also
 * applies to entries that reference a table); 0 for an invalid SIZE. The entry
 * helpers are inline: a walk decodes an entry per level, and a call into another
 * unit per entry would cost more than the decoding. */
static inline uint64_t x86_pte_addr_mask(enum x86_page_size size)
{
    return size == X86_PAGE_4K   ? X86_PTE_ADDR_4K
           : size == X86_PAGE_2M ? X86_PTE_ADDR_2M
           : size == X86_PAGE_1G ? X86_PTE_ADDR_1G
                                 : 0;
}

/* Physical address held by ENTRY when it maps SIZE (or references a table, for
 * X86_PAGE_4K). */
static inline uint64_t x86_pte_addr(uint64_t entry, enum x86_page_size size)
{
    return entry & x86_pte_addr_mask(size);
}

/* The bits of ENTRY other than its address bits for SIZE. */
static inline uint64_t x86_pte_flags(uint64_t entry, enum x86_page_size size)
{
    return entry & ~x86_pte_addr_mask(size);
}

/* An entry mapping the frame at PHYS of SIZE with FLAGS into *OUT. For 2 MiB and
 * 1 GiB sizes PS (bit 7) is set; FLAGS may hold X86_PTE_PAT_HUGE there.
 * X86_BAD_PHYS_ADDR beyond 52 bits, X86_NOT_ALIGNED if PHYS is not a multiple of
 * SIZE, X86_BAD_FLAGS if FLAGS overlap the address bits, X86_BAD_ARGUMENT for
 * a bad SIZE. */
X86_MUST_USE static inline enum x86_status x86_pte_make(uint64_t phys, enum x86_page_size size,
                                                        uint64_t flags, uint64_t *out)
{
    uint64_t mask = x86_pte_addr_mask(size);
    if (mask == 0) {
        return X86_BAD_ARGUMENT;
    }
    if (!x86_phys_is_valid(phys)) {
        return X86_BAD_PHYS_ADDR;
    }
    if (!x86_is_aligned(phys, (uint64_t)size)) {
        return X86_NOT_ALIGNED;
    }
    if ((flags & mask) != 0) {
        return X86_BAD_FLAGS;
    }
    /* SDM Tables 4-17 and 4-18: PS = 1 makes a PDPTE/PDE map a page. */
    uint64_t huge = size == X86_PAGE_4K ? 0 : X86_PTE_HUGE;
    *out = phys | flags | huge;
    return X86_OK;
}

/* Replace the address of *ENTRY (mapping SIZE) with PHYS, keeping its flags.
 * Statuses as x86_pte_make. */
X86_MUST_USE enum x86_status x86_pte_set_addr(uint64_t *entry, uint64_t phys,
                                              enum x86_page_size size);

/* Protection key (bits 62..59) of a leaf entry. */
static inline unsigned x86_pte_protection_key(uint64_t entry)
{
    return (unsigned)((entry & X86_PTE_PROTECTION_KEY) >> 59);
}

/* ENTRY with its protection key replaced by KEY (0..15; higher bits ignored). */
static inline uint64_t x86_pte_with_protection_key(uint64_t entry, unsigned key)
{
    return (entry & ~X86_PTE_PROTECTION_KEY) | ((uint64_t)(key & 0xFu) << 59);
}

#endif
