/* A physical frame allocator over the usable RAM of a memory map: it hands out
 * 4 KiB frames in address order from the usable ranges, skipping reserved
 * ranges (the kernel image, the boot information, modules), the first MiB and
 * everything at or above a limit (the memory the kernel can reach). Frames are
 * never given back. The caller owns the struct; nothing else is kept. */
#ifndef KERNEL_FRAMES_H
#define KERNEL_FRAMES_H

#include <stdbool.h>
#include <stdint.h>

#define FRAME_SIZE 4096u
#define FRAMES_MAX_RANGES 32
#define FRAMES_MAX_RESERVED 8

struct phys_range {
    uint64_t start, end;        /* [start, end) */
};

struct frame_allocator {
    uint64_t limit;             /* no frame at or above this address */
    struct phys_range usable[FRAMES_MAX_RANGES];
    unsigned usable_count;
    struct phys_range reserved[FRAMES_MAX_RESERVED];
    unsigned reserved_count;
    unsigned range;             /* usable range the next frame comes from */
    uint64_t next;              /* next candidate frame in it */
    uint64_t handed_out;        /* frames given so far */
};

/* An allocator with no ranges yet, handing out frames below LIMIT only. */
void frame_allocator_init(struct frame_allocator *fa, uint64_t limit);
/* Adds usable RAM [base, base + len), clipped to [1 MiB, limit) and to whole
 * frames; frames come out range by range in the order the ranges were added.
 * False when the table of ranges is full (the range is then unused). */
bool frame_allocator_add_usable(struct frame_allocator *fa, uint64_t base, uint64_t len);
/* Excludes [start, end) from allocation. False when the table is full. */
bool frame_allocator_reserve(struct frame_allocator *fa, uint64_t start, uint64_t end);
/* The next free frame into *phys; false when none is left. Its signature is
 * the alloc callback of x86_64/mapper.h's struct x86_frame_allocator (ctx is
 * the struct frame_allocator). */
bool frame_allocator_alloc(void *ctx, uint64_t *phys);

#endif
