/* acpi/hpet.c - HPET description table (IA-PC HPET 1.0a, Table 3). */
#include "acpi/hpet.h"

#include "acpi/le.h"

enum acpi_status acpi_hpet_parse(const void *buf, size_t len, struct acpi_hpet *out)
{
    if (buf == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_hpet h;
    enum acpi_status st = acpi_sdt_validate(buf, len, "HPET", ACPI_CHECKSUM_ACCEPT, &h.header);
    if (st != ACPI_OK)
        return st;
    if (h.header.length < ACPI_HPET_LENGTH)
        return ACPI_BAD_LENGTH;
    const uint8_t *p = buf;
    uint32_t id = acpi_le32(p + 36);
    h.event_timer_block_id = id;
    h.block_id.hardware_rev_id = (uint8_t)(id & 0xFFu);
    h.block_id.number_of_comparators = (uint8_t)((id >> 8) & 0x1Fu);
    h.block_id.count_size_cap = (id >> 13) & 1u;
    h.block_id.legacy_replacement_capable = (id >> 15) & 1u;
    h.block_id.pci_vendor_id = (uint16_t)(id >> 16);
    st = acpi_gas_parse(p + 40, ACPI_GAS_LENGTH, &h.base_address);
    if (st != ACPI_OK)
        return st;
    h.hpet_number = p[52];
    h.main_counter_minimum_clock_tick = acpi_le16(p + 53);
    h.page_protection = p[55];
    *out = h;
    return ACPI_OK;
}
