/* acpi/mcfg.c - MCFG (PCI Firmware Specification 3.2, Table 4-3). */
#include "acpi/mcfg.h"

#include "acpi/le.h"

enum acpi_status acpi_mcfg_parse(const void *buf, size_t len, struct acpi_mcfg *out)
{
    if (buf == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_mcfg m;
    enum acpi_status st = acpi_sdt_validate(buf, len, "MCFG", ACPI_CHECKSUM_ACCEPT, &m.header);
    if (st != ACPI_OK)
        return st;
    /* Header, then 8 reserved bytes, then the allocations. */
    if (m.header.length < ACPI_MCFG_ALLOCATIONS_OFFSET)
        return ACPI_BAD_LENGTH;
    m.allocation_count =
        (m.header.length - ACPI_MCFG_ALLOCATIONS_OFFSET) / ACPI_MCFG_ALLOCATION_LENGTH;
    *out = m;
    return ACPI_OK;
}

enum acpi_status acpi_mcfg_allocation(const struct acpi_mcfg *mcfg, uint32_t index,
                                      struct acpi_mcfg_allocation *out)
{
    if (mcfg == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (index >= mcfg->allocation_count)
        return ACPI_NOT_FOUND;
    const uint8_t *a = mcfg->header.bytes + ACPI_MCFG_ALLOCATIONS_OFFSET +
                       (size_t)index * ACPI_MCFG_ALLOCATION_LENGTH;
    out->base_address = acpi_le64(a);
    out->pci_segment_group = acpi_le16(a + 8);
    out->start_bus = a[10];
    out->end_bus = a[11];
    return ACPI_OK;
}

enum acpi_status acpi_mcfg_config_address(const struct acpi_mcfg *mcfg, uint16_t segment,
                                          uint8_t bus, uint8_t device, uint8_t function,
                                          uint64_t *out)
{
    if (mcfg == NULL || out == NULL || device > 31 || function > 7)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_mcfg_allocation a;
    for (uint32_t i = 0; acpi_mcfg_allocation(mcfg, i, &a) == ACPI_OK; i++) {
        if (a.pci_segment_group != segment || bus < a.start_bus || bus > a.end_bus)
            continue;
        *out = a.base_address + (((uint64_t)bus << 20) | ((uint64_t)device << 15) |
                                 ((uint64_t)function << 12));
        return ACPI_OK;
    }
    return ACPI_NOT_FOUND;
}
