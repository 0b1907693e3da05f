/* The 64-bit task-state segment (Intel SDM Vol. 3A, 7.7, Figure 7-11).
 * Header only: the layout and an initialiser. Pure data, every target.
 * RSP0-2 are the stacks loaded on a privilege change to ring 0-2; IST1-7 are
 * the interrupt stacks an IDT gate can select; the I/O permission bitmap
 * starts at iomap_base bytes from the TSS base (a value >= the limit means
 * "no bitmap": every port access from CPL > IOPL faults). */
#ifndef X86_64_TSS_H
#define X86_64_TSS_H

#include <stdint.h>

struct __attribute__((packed)) x86_tss {
    uint32_t reserved0;
    uint64_t rsp[3];       /* RSP0, RSP1, RSP2 */
    uint64_t reserved1;
    uint64_t ist[7];       /* ist[0] is IST1 ... ist[6] is IST7 */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
};
_Static_assert(sizeof(struct x86_tss) == 104, "SDM Figure 7-11: 104-byte 64-bit TSS");

/* Limit for the TSS descriptor of a TSS without an I/O bitmap. */
#define X86_TSS_LIMIT ((uint32_t)sizeof(struct x86_tss) - 1u)

/* A TSS with every stack zero and no I/O permission bitmap. */
static inline void x86_tss_init(struct x86_tss *tss)
{
    *tss = (struct x86_tss){ .iomap_base = (uint16_t)sizeof(struct x86_tss) };
}

#endif
