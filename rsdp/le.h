/* rsdp/le.h - private: alignment-safe little-endian loads (an RSDP may sit at
 * any address: OVMF's ACPI 2.0 RSDP is not even 4-byte aligned). */
#ifndef RSDP_LE_H
#define RSDP_LE_H

#include <stdint.h>

static inline uint16_t rsdp_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (uint16_t)(p[1] << 8));
}

static inline uint32_t rsdp_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static inline uint64_t rsdp_le64(const uint8_t *p)
{
    return (uint64_t)rsdp_le32(p) | ((uint64_t)rsdp_le32(p + 4) << 32);
}

#endif
