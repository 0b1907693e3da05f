/* pci_types/acs.c - Access Control Services (PCIe Base 6.0, 7.7.11). */
#include "pci_types/acs.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define ACS_SIZE 0x08u

enum pci_status pci_acs_read(const struct pci_function *fn, uint16_t offset, struct pci_acs *out)
{
    enum pci_status st;
    uint16_t cap, size = ACS_SIZE;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_ACS, ACS_SIZE);
    if (st != PCI_OK)
        return st;
    cap = pci_read16(fn, (uint16_t)(offset + PCI_ACS_CAPABILITY));
    out->egress_vector_bits = 0;
    if (cap & PCI_ACS_P2P_EGRESS_CONTROL) {
        /* 7.7.11.2: Egress Control Vector Size 15:8, 00h means 256 bits;
         * 7.7.11.4: the vector takes whole dwords. */
        out->egress_vector_bits = (uint16_t)((cap >> 8) ? (cap >> 8) : 256u);
        size = (uint16_t)(ACS_SIZE + 4u * ((out->egress_vector_bits + 31u) / 32u));
        st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_ACS, size);
        if (st != PCI_OK)
            return st;
    }
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->capability = cap;
    out->control = pci_read16(fn, (uint16_t)(offset + PCI_ACS_CONTROL));
    out->egress_vector0 =
        out->egress_vector_bits ? pci_read32(fn, (uint16_t)(offset + PCI_ACS_EGRESS_VECTOR)) : 0;
    return PCI_OK;
}

enum pci_status pci_acs_enable(const struct pci_function *fn, struct pci_acs *acs, uint16_t bits)
{
    uint16_t ctl;
    enum pci_status st;
    if (!fn || !acs)
        return PCI_INVALID_ARGUMENT;
    ctl = pci_read16(fn, (uint16_t)(acs->offset + PCI_ACS_CONTROL));
    ctl = (uint16_t)(ctl | (bits & acs->capability & PCI_ACS_ENABLE_BITS));
    st = pci_write16(fn, (uint16_t)(acs->offset + PCI_ACS_CONTROL), ctl);
    if (st == PCI_OK)
        acs->control = ctl;
    return st;
}
