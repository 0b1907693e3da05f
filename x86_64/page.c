#include "x86_64/page.h"

#include "x86_64/addr.h"

enum x86_status x86_page_containing(uint64_t virt, enum x86_page_size size, unsigned levels,
                                    struct x86_page *out)
{
    if (!x86_page_size_is_valid(size) || x86_virt_bits(levels) == 0) {
        return X86_BAD_ARGUMENT;
    }
    if (!x86_virt_is_canonical(virt, levels)) {
        return X86_NOT_CANONICAL;
    }
    out->start = x86_align_down(virt, (uint64_t)size);
    out->size = size;
    return X86_OK;
}

enum x86_status x86_frame_containing(uint64_t phys, enum x86_page_size size, struct x86_frame *out)
{
    if (!x86_page_size_is_valid(size)) {
        return X86_BAD_ARGUMENT;
    }
    if (!x86_phys_is_valid(phys)) {
        return X86_BAD_PHYS_ADDR;
    }
    out->start = x86_align_down(phys, (uint64_t)size);
    out->size = size;
    return X86_OK;
}

/* BYTES / SIZE with constant shifts (no 64-bit division helper on 32-bit targets). */
static uint64_t pages_in(uint64_t bytes, enum x86_page_size size)
{
    switch (size) {
    case X86_PAGE_4K: return bytes >> 12;
    case X86_PAGE_2M: return bytes >> 21;
    case X86_PAGE_1G: return bytes >> 30;
    }
    return 0;
}

enum x86_status x86_page_range_init(struct x86_page_range *range, uint64_t start, uint64_t count,
                                    enum x86_page_size size)
{
    if (!x86_page_size_is_valid(size)) {
        return X86_BAD_ARGUMENT;
    }
    if (!x86_is_aligned(start, (uint64_t)size)) {
        return X86_NOT_ALIGNED;
    }
    /* The last page must start at or below 2^64 - SIZE: (count - 1) pages after START. */
    if (count != 0 && count - 1 > pages_in(UINT64_MAX - (uint64_t)size + 1 - start, size)) {
        return X86_OVERFLOW;
    }
    range->next = start;
    range->remaining = count;
    range->size = size;
    return X86_OK;
}

enum x86_status x86_page_range_next(struct x86_page_range *range, uint64_t *start)
{
    if (range->remaining == 0) {
        return X86_END;
    }
    *start = range->next;
    range->remaining--;
    if (range->remaining != 0) {
        range->next += (uint64_t)range->size;
    }
    return X86_OK;
}
