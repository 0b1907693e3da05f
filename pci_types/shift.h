/* pci_types/shift.h - private: a 64-bit left shift by a variable count built
 * from 32-bit halves, so that 32-bit targets need no libgcc helper
 * (__ashldi3), which a freestanding kernel does not link. */
#ifndef PCI_TYPES_SHIFT_H
#define PCI_TYPES_SHIFT_H

#include <stdint.h>

/* v << n for n < 64. */
static inline uint64_t pci_shl64(uint64_t v, unsigned n)
{
    uint32_t lo = (uint32_t)v, hi = (uint32_t)(v >> 32);
    if (n >= 32) {
        hi = lo << (n - 32);
        lo = 0;
    } else if (n > 0) {
        hi = (hi << n) | (lo >> (32 - n));
        lo <<= n;
    }
    return ((uint64_t)hi << 32) | lo;
}

#endif
