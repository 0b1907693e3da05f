/* pci_types/vsec.h - Vendor-Specific Extended Capability (ID 0x000B; PCIe
 * Base 6.0, 7.9.5).
 *
 * +0x04 Vendor-Specific Header: VSEC ID 15:0 (the vendor's own numbering,
 * to be read together with the function's Vendor ID), VSEC Rev 19:16, VSEC
 * Length 31:20 (bytes of the whole structure, both headers included). The
 * vendor's registers follow from +0x08.
 */
#ifndef PCI_TYPES_VSEC_H
#define PCI_TYPES_VSEC_H

#include <stdint.h>

#include "pci_types/access.h"

#define PCI_VSEC_HEADER 0x04u
#define PCI_VSEC_DATA 0x08u

struct pci_vsec {
    uint16_t offset;
    uint8_t version;
    uint16_t id;        /* VSEC ID */
    uint8_t revision;   /* VSEC Rev */
    uint16_t length;    /* VSEC Length, bytes from offset */
};

/* Decode the VSEC at offset. PCI_BAD_CAPABILITY when the ID is not 0x000B,
 * the length is below the 8 bytes of its headers, or offset + length runs
 * past 4 KiB; PCI_UNSUPPORTED without a 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_vsec_read(const struct pci_function *fn, uint16_t offset,
                                           struct pci_vsec *out);

#endif
