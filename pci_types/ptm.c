/* pci_types/ptm.c - Precision Time Measurement (PCIe Base 6.0, 7.9.15). */
#include "pci_types/ptm.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define PTM_SIZE 0x0Cu

enum pci_status pci_ptm_read(const struct pci_function *fn, uint16_t offset, struct pci_ptm *out)
{
    enum pci_status st;
    uint32_t cap, ctl;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_PTM, PTM_SIZE);
    if (st != PCI_OK)
        return st;
    cap = pci_read32(fn, (uint16_t)(offset + PCI_PTM_CAPABILITY));
    ctl = pci_read32(fn, (uint16_t)(offset + PCI_PTM_CONTROL));
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->capability = cap;
    out->control = ctl;
    out->requester_capable = (cap & 0x1u) != 0;
    out->responder_capable = (cap & 0x2u) != 0;
    out->root_capable = (cap & 0x4u) != 0;
    out->eptm_capable = (cap & 0x8u) != 0;
    out->local_clock_granularity = (uint8_t)(cap >> 8);
    out->enabled = (ctl & PCI_PTM_CTL_ENABLE) != 0;
    out->root_select = (ctl & PCI_PTM_CTL_ROOT_SELECT) != 0;
    out->effective_granularity = (uint8_t)(ctl >> 8);
    return PCI_OK;
}
