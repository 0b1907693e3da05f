/* See lowmem.h. */
#include "lowmem.h"

#include <stdbool.h>

#define LOWMEM_END 0xA0000u

uint32_t lowmem_startup_page(const struct mb2_mmap *mmap, uint64_t avoid_start,
                             uint64_t avoid_end)
{
    struct mb2_mmap_iter it;
    struct mb2_mmap_entry e;
    uint64_t best = 0;

    mb2_mmap_iter_init(&it, mmap);
    while (mb2_mmap_next(&it, &e) == MB2_OK) {
        if (e.type != MB2_MEMORY_AVAILABLE || e.base_addr >= LOWMEM_END) {
            continue;
        }
        uint64_t start = (e.base_addr + LOWMEM_PAGE - 1) & ~(uint64_t)(LOWMEM_PAGE - 1);
        uint64_t end = e.length > LOWMEM_END - e.base_addr ? LOWMEM_END : e.base_addr + e.length;
        if (start < LOWMEM_PAGE) {
            start = LOWMEM_PAGE;
        }
        for (uint64_t p = start; p + LOWMEM_PAGE <= end; p += LOWMEM_PAGE) {
            bool clash = p < avoid_end && avoid_start < p + LOWMEM_PAGE;
            if (!clash) {
                if (best == 0 || p < best) {
                    best = p;
                }
                break;
            }
        }
    }
    return (uint32_t)best;
}
