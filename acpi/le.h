/* acpi/le.h - private: alignment-safe little-endian loads of firmware bytes.
 * ACPI tables sit at any address (XSDT entries are 64-bit values at 4-byte
 * offsets), so every multi-byte field is assembled from single bytes. */
#ifndef ACPI_LE_H
#define ACPI_LE_H

#include <stdint.h>

static inline uint16_t acpi_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (uint16_t)(p[1] << 8));
}

static inline uint32_t acpi_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static inline uint64_t acpi_le64(const uint8_t *p)
{
    return (uint64_t)acpi_le32(p) | ((uint64_t)acpi_le32(p + 4) << 32);
}

#endif
