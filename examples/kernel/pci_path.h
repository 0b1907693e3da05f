/* The path from a host bridge's root bus down to a PCI function through PCI-to-PCI bridges, for
 * the _PRT lookup of acpi/aml_prt.h (acpi_aml_prt_lookup_path takes it as
 * hops; below a bridge without a _PRT the pin is swizzled, PCI-to-PCI Bridge
 * Architecture 1.2, 9.1). Filled from an enumeration that met the bridges
 * before the functions behind them (pci_types/enumerate.h's recursive walk). */
#ifndef KERNEL_PCI_PATH_H
#define KERNEL_PCI_PATH_H

#include <stdint.h>

#include "acpi/aml_prt.h"
#include "pci_types/enumerate.h"

#define PCI_PATH_MAX_BRIDGES 16u
#define PCI_PATH_MAX_HOPS 8u

struct pci_path_bridges {
    struct {
        uint8_t bus, device, secondary;
    } items[PCI_PATH_MAX_BRIDGES];
    unsigned count;
};

/* Records ENTRY when it is a PCI-to-PCI bridge (header type 1); others, and
 * bridges beyond PCI_PATH_MAX_BRIDGES, are left out. */
void pci_path_note(struct pci_path_bridges *b, const struct pci_enum_entry *entry);

/* The hops from ROOT_BUS (bus 0, or the first bus of another host bridge) to
 * (BUS, DEVICE), the device last. Returns their number, 0 when a bus on the
 * way has no recorded bridge (or the path is longer than PCI_PATH_MAX_HOPS). */
uint32_t pci_path_hops(const struct pci_path_bridges *b, uint8_t root_bus, uint8_t bus,
                       uint8_t device, struct acpi_aml_pci_hop hops[PCI_PATH_MAX_HOPS]);

#endif
