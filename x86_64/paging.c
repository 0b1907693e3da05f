#include "x86_64/paging.h"

#include "x86_64/addr.h"

uint64_t x86_pte_addr_mask(enum x86_page_size size)
{
    switch (size) {
    case X86_PAGE_4K: return X86_PTE_ADDR_4K;
    case X86_PAGE_2M: return X86_PTE_ADDR_2M;
    case X86_PAGE_1G: return X86_PTE_ADDR_1G;
    }
    return 0;
}

uint64_t x86_pte_addr(uint64_t entry, enum x86_page_size size)
{
    return entry & x86_pte_addr_mask(size);
}

uint64_t x86_pte_flags(uint64_t entry, enum x86_page_size size)
{
    return entry & ~x86_pte_addr_mask(size);
}

enum x86_status x86_pte_make(uint64_t phys, enum x86_page_size size, uint64_t flags, uint64_t *out)
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

enum x86_status x86_pte_set_addr(uint64_t *entry, uint64_t phys, enum x86_page_size size)
{
    uint64_t mask = x86_pte_addr_mask(size);
    if (mask == 0) {
        return X86_BAD_ARGUMENT;
    }
    uint64_t made;
    enum x86_status status = x86_pte_make(phys, size, *entry & ~mask, &made);
    if (status == X86_OK) {
        *entry = made;
    }
    return status;
}
