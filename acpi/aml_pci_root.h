/* acpi/aml_pci_root.h - PCI host bridges of the namespace (PNP0A03, PNP0A08):
 * segment (_SEG), bus range (the bus-number descriptor of _CRS, ACPI 6.5,
 * 6.4.3.5), address windows, and with the MCFG the ECAM base of each
 * (PCI Firmware 3.3, 4.1.2; ACPI 6.5, 6.5.6).
 *
 *     struct acpi_aml_pci_root root;
 *     const struct acpi_aml_node *n = NULL;
 *     while (acpi_aml_pci_root_next(aml, n, &mcfg, &root) == ACPI_OK) {
 *         n = root.node; ... root.segment, root.bus_start, root.ecam_base ...
 *     }
 */
#ifndef ACPI_AML_PCI_ROOT_H
#define ACPI_AML_PCI_ROOT_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/mcfg.h"
#include "acpi/status.h"

#define ACPI_AML_PCI_WINDOWS_MAX 16

enum acpi_aml_pci_window_type {
    ACPI_AML_PCI_WINDOW_MEMORY = 0,   /* the address descriptor's resource types */
    ACPI_AML_PCI_WINDOW_IO = 1,
};

struct acpi_aml_pci_window {
    enum acpi_aml_pci_window_type type;
    uint64_t minimum, maximum;   /* on the PCI side */
    uint64_t translation;        /* CPU address = PCI address + translation */
    bool prefetchable;           /* memory: type-specific flags 2:1 == 2 (Table 6.45) */
};

struct acpi_aml_pci_root {
    const struct acpi_aml_node *node;
    uint16_t segment;            /* _SEG, 0 when absent */
    uint8_t bus_start, bus_end;  /* _CRS bus range; else _BBN..0xFF */
    bool bus_from_crs;
    uint8_t bbn;                 /* _BBN, else bus_start */
    uint32_t sta;                /* _STA or the default */
    struct acpi_aml_pci_window windows[ACPI_AML_PCI_WINDOWS_MAX];
    uint32_t window_count, window_total;
    enum acpi_status crs_status; /* of _CRS: ACPI_OK, or why there are no windows */
    bool has_ecam;               /* an MCFG allocation covers segment and bus_start */
    uint64_t ecam_base;          /* address of bus 0 of the allocation (as MCFG states) */
    uint8_t ecam_bus_start, ecam_bus_end;
};

/* The next host bridge after `prev` (NULL: the first): a device whose _HID or
 * _CID is PNP0A03 or PNP0A08 and that has no such device above it (a root, not
 * a bridge below one). `mcfg` may be NULL. ACPI_END after the last one. */
ACPI_MUST_USE enum acpi_status acpi_aml_pci_root_next(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *prev,
                                                      const struct acpi_mcfg *mcfg,
                                                      struct acpi_aml_pci_root *out);

/* Fill *out for one host bridge node. */
ACPI_MUST_USE enum acpi_status acpi_aml_pci_root_get(struct acpi_aml *aml,
                                                     const struct acpi_aml_node *node,
                                                     const struct acpi_mcfg *mcfg,
                                                     struct acpi_aml_pci_root *out);

/* true when `node` is a PCI host bridge device (PNP0A03/PNP0A08 by _HID or _CID). */
bool acpi_aml_is_pci_root(struct acpi_aml *aml, const struct acpi_aml_node *node);

#endif
