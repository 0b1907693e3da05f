/* See frames.h. */
#include "frames.h"

#define LOW_MEMORY_END 0x100000u
#define FRAME_MASK ((uint64_t)FRAME_SIZE - 1)

void frame_allocator_init(struct frame_allocator *fa, uint64_t limit)
{
    fa->limit = limit & ~FRAME_MASK;
    fa->usable_count = 0;
    fa->reserved_count = 0;
    fa->range = 0;
    fa->next = 0;
    fa->handed_out = 0;
}

bool frame_allocator_add_usable(struct frame_allocator *fa, uint64_t base, uint64_t len)
{
    uint64_t end = base + len < base ? UINT64_MAX : base + len;
    uint64_t start = base < LOW_MEMORY_END ? LOW_MEMORY_END : base;

    if (end > fa->limit) {
        end = fa->limit;
    }
    if (start > UINT64_MAX - FRAME_MASK) {
        return true;
    }
    start = (start + FRAME_MASK) & ~FRAME_MASK;
    end &= ~FRAME_MASK;
    if (start >= end) {
        return true;
    }
    if (fa->usable_count == FRAMES_MAX_RANGES) {
        return false;
    }
    fa->usable[fa->usable_count].start = start;
    fa->usable[fa->usable_count].end = end;
    fa->usable_count++;
    return true;
}

bool frame_allocator_reserve(struct frame_allocator *fa, uint64_t start, uint64_t end)
{
    if (fa->reserved_count == FRAMES_MAX_RESERVED) {
        return false;
    }
    fa->reserved[fa->reserved_count].start = start & ~FRAME_MASK;
    fa->reserved[fa->reserved_count].end = end;
    fa->reserved_count++;
    return true;
}

/* The first frame boundary at or after the end of the reserved range that
 * holds FRAME_START, or 0 if none does. */
static uint64_t reserved_end(const struct frame_allocator *fa, uint64_t frame_start)
{
    for (unsigned i = 0; i < fa->reserved_count; i++) {
        const struct phys_range *r = &fa->reserved[i];
        if (frame_start < r->end && frame_start + FRAME_SIZE > r->start) {
            return r->end > UINT64_MAX - FRAME_MASK ? UINT64_MAX & ~FRAME_MASK
                                                     : (r->end + FRAME_MASK) & ~FRAME_MASK;
        }
    }
    return 0;
}

bool frame_allocator_alloc(void *ctx, uint64_t *phys)
{
    struct frame_allocator *fa = ctx;

    while (fa->range < fa->usable_count) {
        const struct phys_range *r = &fa->usable[fa->range];
        if (fa->next < r->start) {
            fa->next = r->start;
        }
        if (fa->next >= r->end || r->end - fa->next < FRAME_SIZE) {
            fa->range++;
            continue;
        }
        uint64_t skip = reserved_end(fa, fa->next);
        if (skip != 0) {
            fa->next = skip;
            continue;
        }
        *phys = fa->next;
        fa->next += FRAME_SIZE;
        fa->handed_out++;
        return true;
    }
    return false;
}
