/* Page-table entries: the out-of-line helper (the others are inline in paging.h). */
#include "x86_64/paging.h"

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
