/* acpi/shift.h - private: 64-bit shifts by a variable count built from 32-bit
 * halves, so that i686 code needs no libgcc (__ashldi3, __lshrdi3: a
 * freestanding kernel links no runtime library). A count of 64 or more gives 0,
 * which is also AML's ShiftLeft/ShiftRight result (ACPI 6.5, 19.6.124-125). */
#ifndef ACPI_SHIFT_H
#define ACPI_SHIFT_H

#include <stdint.h>

static inline uint64_t shl64(uint64_t v, uint64_t n)
{
    uint32_t lo = (uint32_t)v, hi = (uint32_t)(v >> 32);
    if (n >= 64) {
        return 0;
    }
    if (n >= 32) {
        hi = lo << (n - 32);
        lo = 0;
    } else if (n > 0) {
        hi = (hi << n) | (lo >> (32 - n));
        lo <<= n;
    }
    return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t shr64(uint64_t v, uint64_t n)
{
    uint32_t lo = (uint32_t)v, hi = (uint32_t)(v >> 32);
    if (n >= 64) {
        return 0;
    }
    if (n >= 32) {
        lo = hi >> (n - 32);
        hi = 0;
    } else if (n > 0) {
        lo = (lo >> n) | (hi << (32 - n));
        hi >>= n;
    }
    return ((uint64_t)hi << 32) | lo;
}

#endif
