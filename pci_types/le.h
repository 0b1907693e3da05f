/* pci_types/le.h - private: alignment-safe little-endian loads of bytes. */
#ifndef PCI_TYPES_LE_H
#define PCI_TYPES_LE_H

#include <stdint.h>

static inline uint16_t pci_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (uint16_t)(p[1] << 8));
}

static inline uint32_t pci_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

#endif
