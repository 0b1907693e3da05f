/* pci_types/ari.h - Alternative Routing-ID Interpretation Extended
 * Capability (ID 0x000E; PCIe Base 6.0, 7.8.7).
 *
 * +0x04 ARI Capability (MFVC and ACS Function Groups capable, Next Function
 * Number 15:8), +0x06 ARI Control (the two Function Groups enables,
 * Function Group 6:4). With ARI the 8-bit Next Function Number links the
 * functions of a device, which may number up to 256.
 */
#ifndef PCI_TYPES_ARI_H
#define PCI_TYPES_ARI_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_ARI_CAPABILITY 0x04u
#define PCI_ARI_CONTROL 0x06u

struct pci_ari {
    uint16_t offset;
    uint8_t version;
    uint16_t capability;         /* raw +0x04 */
    uint16_t control;            /* raw +0x06 */
    bool mfvc_groups_capable;    /* 7.8.7.2 bit 0 */
    bool acs_groups_capable;     /* bit 1 */
    uint8_t next_function;       /* 15:8: next function of the device, 0 at the end */
    bool mfvc_groups_enable;     /* 7.8.7.3 bit 0 */
    bool acs_groups_enable;      /* bit 1 */
    uint8_t function_group;      /* 6:4 */
};

/* Decode the ARI capability at offset. PCI_BAD_CAPABILITY when the ID is not
 * 0x000E or its 8 bytes do not fit in 4 KiB; PCI_UNSUPPORTED without a
 * 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_ari_read(const struct pci_function *fn, uint16_t offset,
                                          struct pci_ari *out);

#endif
