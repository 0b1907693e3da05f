/* The demo kernel's own 4-level page tables, built with the x86_64 mapper from
 * frames of frames.h. The caller owns every struct. */
#ifndef KERNEL_MEMORY_H
#define KERNEL_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frames.h"
#include "x86_64/mapper.h"

/* The physical memory the boot tables and the kernel's tables identity-map;
 * also the limit of the frames handed out (page tables are reached through it). */
#define MEMORY_IDENTITY_LIMIT (UINT64_C(4) << 30)

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
