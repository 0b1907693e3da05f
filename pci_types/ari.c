/* pci_types/ari.c - ARI capability (PCIe Base 6.0, 7.8.7). */
#include "pci_types/ari.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define ARI_SIZE 0x08u

enum pci_status pci_ari_read(const struct pci_function *fn, uint16_t offset, struct pci_ari *out)
{
    enum pci_status st;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_ARI, ARI_SIZE);
    if (st != PCI_OK)
        return st;
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->capability = pci_read16(fn, (uint16_t)(offset + PCI_ARI_CAPABILITY));
    out->control = pci_read16(fn, (uint16_t)(offset + PCI_ARI_CONTROL));
    out->mfvc_groups_capable = (out->capability & 0x1u) != 0;
    out->acs_groups_capable = (out->capability & 0x2u) != 0;
    out->next_function = (uint8_t)(out->capability >> 8);
    out->mfvc_groups_enable = (out->control & 0x1u) != 0;
    out->acs_groups_enable = (out->control & 0x2u) != 0;
    out->function_group = (uint8_t)((out->control >> 4) & 0x7u);
    return PCI_OK;
}
