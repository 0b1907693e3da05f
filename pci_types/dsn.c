/* pci_types/dsn.c - Device Serial Number (PCIe Base 6.0, 7.9.3). */
#include "pci_types/dsn.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define DSN_SIZE 0x0Cu

enum pci_status pci_dsn_read(const struct pci_function *fn, uint16_t offset, uint64_t *serial)
{
    enum pci_status st;
    if (!serial)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_DEVICE_SERIAL_NUMBER, DSN_SIZE);
    if (st != PCI_OK)
        return st;
    *serial = (uint64_t)pci_read32(fn, (uint16_t)(offset + PCI_DSN_UPPER)) << 32 |
              pci_read32(fn, (uint16_t)(offset + PCI_DSN_LOWER));
    return PCI_OK;
}
