/* pci_types/ptm.h - Precision Time Measurement Extended Capability
 * (ID 0x001F; PCIe Base 6.0, 7.9.15).
 *
 * +0x04 PTM Capability (Requester, Responder, Root, ePTM capable; Local
 * Clock Granularity 15:8 in ns), +0x08 PTM Control (PTM Enable, Root
 * Select, Effective Granularity 15:8).
 */
#ifndef PCI_TYPES_PTM_H
#define PCI_TYPES_PTM_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_PTM_CAPABILITY 0x04u
#define PCI_PTM_CONTROL 0x08u
#define PCI_PTM_CTL_ENABLE 0x1u
#define PCI_PTM_CTL_ROOT_SELECT 0x2u

struct pci_ptm {
    uint16_t offset;
    uint8_t version;
    uint32_t capability;          /* raw +0x04 */
    uint32_t control;             /* raw +0x08 */
    bool requester_capable;       /* 7.9.15.2 bit 0 */
    bool responder_capable;       /* 1 */
    bool root_capable;            /* 2 */
    bool eptm_capable;            /* 3 */
    /* 15:8: 0 not implemented, 1-254 ns, 255 greater than 254 ns. */
    uint8_t local_clock_granularity;
    bool enabled;                 /* 7.9.15.3 bit 0 */
    bool root_select;             /* 1 */
    uint8_t effective_granularity; /* 15:8, same encoding */
};

/* Decode the PTM capability at offset. PCI_BAD_CAPABILITY when the ID is not
 * 0x001F or its 0x0C bytes do not fit in 4 KiB; PCI_UNSUPPORTED without a
 * 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_ptm_read(const struct pci_function *fn, uint16_t offset,
                                          struct pci_ptm *out);

#endif
