/* The page the application processors start in (smp.c): real mode reaches
 * the first MiB only, and a STARTUP IPI names a 4 KiB page by its number
 * (Intel SDM Vol. 3A 9.4.4.1; MP Specification 1.4 B.4). */
#ifndef KERNEL_LOWMEM_H
#define KERNEL_LOWMEM_H

#include <stdint.h>

#include "multiboot2/mmap.h"

#define LOWMEM_PAGE 4096u

/* The lowest 4 KiB page in [4 KiB, 640 KiB) that one available entry of MMAP
 * covers whole and that does not overlap [AVOID_START, AVOID_END) (the boot
 * information); 0 when there is none. Page 0 holds the real-mode interrupt
 * vectors and the BIOS data area; 640 KiB up is VGA memory and ROM, and STARTUP
 * vectors 0xA0-0xBF are reserved. */
uint32_t lowmem_startup_page(const struct mb2_mmap *mmap, uint64_t avoid_start,
                             uint64_t avoid_end);

#endif
