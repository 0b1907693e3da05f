/* acpi/mcfg.h - PCI Express memory-mapped configuration space table,
 * signature "MCFG" (PCI Firmware Specification 3.2, 4.1.2, Table 4-3): the
 * ECAM regions, and the address of one function's configuration space. */
#ifndef ACPI_MCFG_H
#define ACPI_MCFG_H

#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

#define ACPI_MCFG_ALLOCATIONS_OFFSET 44u
#define ACPI_MCFG_ALLOCATION_LENGTH 16u

/* One "Configuration Space Base Address Allocation Structure". */
struct acpi_mcfg_allocation {
    uint64_t base_address; /* ECAM base; bus numbers count from 0 at this address */
    uint16_t pci_segment_group;
    uint8_t start_bus;
    uint8_t end_bus;
};

struct acpi_mcfg {
    struct acpi_sdt header;
    uint32_t allocation_count; /* whole 16-byte structures after offset 44 */
};

/* Parse the MCFG in buf (len readable bytes). Checksum recorded, not enforced.
 * Trailing bytes shorter than a structure are ignored. Statuses:
 * ACPI_TRUNCATED, ACPI_BAD_LENGTH (< 44), ACPI_BAD_SIGNATURE. */
ACPI_MUST_USE enum acpi_status acpi_mcfg_parse(const void *buf, size_t len,
                                               struct acpi_mcfg *out);

/* Allocation number index (0-based); ACPI_NOT_FOUND past the last one. */
ACPI_MUST_USE enum acpi_status acpi_mcfg_allocation(const struct acpi_mcfg *mcfg,
                                                    uint32_t index,
                                                    struct acpi_mcfg_allocation *out);

/* Physical address of the 4 KiB configuration space of segment:bus:dev.fn:
 * base + (bus << 20 | device << 15 | function << 12) of the allocation that
 * covers the segment and bus (PCIe Base 6.0, 7.2.2). ACPI_INVALID_ARGUMENT
 * for device > 31 or function > 7; ACPI_NOT_FOUND when no allocation covers
 * the bus. */
ACPI_MUST_USE enum acpi_status acpi_mcfg_config_address(const struct acpi_mcfg *mcfg,
                                                        uint16_t segment, uint8_t bus,
                                                        uint8_t device, uint8_t function,
                                                        uint64_t *out);

#endif
