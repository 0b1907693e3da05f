/* pci_types/vsec.c - Vendor-Specific Extended Capability (PCIe Base 6.0, 7.9.5). */
#include "pci_types/vsec.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define VSEC_MIN_SIZE 0x08u

enum pci_status pci_vsec_read(const struct pci_function *fn, uint16_t offset,
                              struct pci_vsec *out)
{
    enum pci_status st;
    uint32_t h;
    uint16_t len;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_VENDOR_SPECIFIC, VSEC_MIN_SIZE);
    if (st != PCI_OK)
        return st;
    h = pci_read32(fn, (uint16_t)(offset + PCI_VSEC_HEADER));
    len = (uint16_t)(h >> 20);
    /* 7.9.5.2: the length covers both headers, so at least 8 bytes. */
    if (len < VSEC_MIN_SIZE)
        return PCI_BAD_CAPABILITY;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_VENDOR_SPECIFIC, len);
    if (st != PCI_OK)
        return st;
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->id = (uint16_t)(h & 0xFFFFu);
    out->revision = (uint8_t)((h >> 16) & 0xFu);
    out->length = len;
    return PCI_OK;
}
