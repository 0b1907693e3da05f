/* Physical memory of the demo kernel: a frame allocator over the usable RAM of
 * the Multiboot2 memory map, and the kernel's own 4-level page tables built
 * with the x86_64 mapper. The caller owns every struct. */
#ifndef KERNEL_MEMORY_H
#define KERNEL_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "x86_64/mapper.h"

#define MEMORY_MAX_RANGES 32
#define MEMORY_MAX_RESERVED 8

/* The physical memory the boot tables and the kernel's tables identity-map;
 * also the limit of the frames handed out (page tables are reached through it). */
#define MEMORY_IDENTITY_LIMIT (UINT64_C(4) << 30)

struct phys_range {
    uint64_t start, end;        /* [start, end) */
};

/* Hands out 4 KiB frames in address order from the usable ranges, skipping the
 * reserved ones (kernel image, boot information, modules) and the first MiB.
 * Frames are never given back. */
struct frame_allocator {
    struct phys_range usable[MEMORY_MAX_RANGES];
    unsigned usable_count;
    struct phys_range reserved[MEMORY_MAX_RESERVED];
    unsigned reserved_count;
    unsigned range;             /* usable range the next frame comes from */
    uint64_t next;              /* next candidate frame in it */
    uint64_t handed_out;        /* frames given so far */
};

void frame_allocator_init(struct frame_allocator *fa);
/* Adds usable RAM, clipped to [1 MiB, MEMORY_IDENTITY_LIMIT) and to whole
 * frames. False when the table of ranges is full (the range is then unused). */
bool frame_allocator_add_usable(struct frame_allocator *fa, uint64_t base, uint64_t len);
/* Excludes [start, end) from allocation. False when the table is full. */
bool frame_allocator_reserve(struct frame_allocator *fa, uint64_t start, uint64_t end);
/* The x86_frame_allocator alloc callback; ctx is the struct frame_allocator. */
bool frame_allocator_alloc(void *ctx, uint64_t *phys);

/* Builds new tables in M (created from FA): physical 0 - 4 GiB identity-mapped
 * with 2 MiB pages (no-execute when NX is on), and the kernel image at its
 * higher-half address with 4 KiB pages: text read-only and executable, rodata
 * read-only, data and bss writable. Returns the first failing mapper status. */
enum x86_status memory_build_kernel_tables(struct x86_mapper *m, struct frame_allocator *fa,
                                           bool nx);

/* Loads CR3 with M's top-level table. */
void memory_switch_to(const struct x86_mapper *m);

/* The physical address of a kernel-image virtual address (linked at KERNEL_VMA). */
uint64_t memory_kernel_phys(const void *virt);

#endif
