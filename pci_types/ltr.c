/* pci_types/ltr.c - LTR capability (PCIe Base 6.0, 7.8.2). */
#include "pci_types/ltr.h"

#include <stddef.h>

#include "pci_types/capability.h"
#include "pci_types/shift.h"

#define LTR_SIZE 0x08u
#define LTR_REGISTER_MASK 0x1FFFu /* 9:0 value, 12:10 scale; 15:13 RsvdP */

enum pci_status pci_ltr_read(const struct pci_function *fn, uint16_t offset, struct pci_ltr *out)
{
    enum pci_status st;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_LTR, LTR_SIZE);
    if (st != PCI_OK)
        return st;
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->max_snoop = pci_read16(fn, (uint16_t)(offset + PCI_LTR_MAX_SNOOP));
    out->max_no_snoop = pci_read16(fn, (uint16_t)(offset + PCI_LTR_MAX_NO_SNOOP));
    out->max_snoop_value = (uint16_t)(out->max_snoop & 0x3FFu);
    out->max_snoop_scale = (uint8_t)((out->max_snoop >> 10) & 0x7u);
    out->max_no_snoop_value = (uint16_t)(out->max_no_snoop & 0x3FFu);
    out->max_no_snoop_scale = (uint8_t)((out->max_no_snoop >> 10) & 0x7u);
    return PCI_OK;
}

uint64_t pci_ltr_latency_ns(uint16_t value, uint8_t scale)
{
    if (scale > 5u)
        return UINT64_MAX;
    return pci_shl64(value, 5u * scale);
}

enum pci_status pci_ltr_set_max(const struct pci_function *fn, const struct pci_ltr *ltr,
                                uint16_t max_snoop, uint16_t max_no_snoop)
{
    enum pci_status st;
    uint16_t at;
    if (!fn || !ltr)
        return PCI_INVALID_ARGUMENT;
    /* Reserved bits 15:13 are preserved (RsvdP). */
    at = (uint16_t)(ltr->offset + PCI_LTR_MAX_SNOOP);
    st = pci_write16(fn, at, (uint16_t)((pci_read16(fn, at) & ~LTR_REGISTER_MASK) |
                                        (max_snoop & LTR_REGISTER_MASK)));
    if (st != PCI_OK)
        return st;
    at = (uint16_t)(ltr->offset + PCI_LTR_MAX_NO_SNOOP);
    return pci_write16(fn, at, (uint16_t)((pci_read16(fn, at) & ~LTR_REGISTER_MASK) |
                                          (max_no_snoop & LTR_REGISTER_MASK)));
}
