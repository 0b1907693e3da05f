/* pci_types/dsn.h - Device Serial Number Extended Capability (ID 0x0003;
 * PCIe Base 6.0, 7.9.3).
 *
 * +0x04 Serial Number lower dword, +0x08 upper dword: an IEEE EUI-64,
 * which lspci prints upper byte first ("12-34-56-78-9a-bc-de-f0").
 */
#ifndef PCI_TYPES_DSN_H
#define PCI_TYPES_DSN_H

#include <stdint.h>

#include "pci_types/access.h"

#define PCI_DSN_LOWER 0x04u
#define PCI_DSN_UPPER 0x08u

/* The serial number of the DSN capability at offset in *serial.
 * PCI_BAD_CAPABILITY when the ID is not 0x0003 or its 0x0C bytes do not fit
 * in 4 KiB; PCI_UNSUPPORTED without a 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_dsn_read(const struct pci_function *fn, uint16_t offset,
                                          uint64_t *serial);

#endif
