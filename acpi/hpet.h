/* acpi/hpet.h - HPET description table, signature "HPET" (IA-PC HPET
 * specification 1.0a, 3.2.4, Table 3). */
#ifndef ACPI_HPET_H
#define ACPI_HPET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/gas.h"
#include "acpi/sdt.h"
#include "acpi/status.h"

#define ACPI_HPET_LENGTH 56u

/* Event Timer Block ID, decoded (its bits mirror the General Capabilities
 * and ID register of the first timer block, HPET 1.0a, 2.3.4). */
struct acpi_hpet_block_id {
    uint8_t hardware_rev_id;          /* bits 7:0 */
    uint8_t number_of_comparators;    /* bits 12:8: index of the last comparator (timers - 1) */
    bool count_size_cap;              /* bit 13: 64-bit main counter */
    bool legacy_replacement_capable;  /* bit 15: LegacyReplacement IRQ routing */
    uint16_t pci_vendor_id;           /* bits 31:16 */
};

struct acpi_hpet {
    struct acpi_sdt header;
    uint32_t event_timer_block_id; /* raw */
    struct acpi_hpet_block_id block_id;
    struct acpi_gas base_address;  /* lower 32-bit base address in the spec's words */
    uint8_t hpet_number;
    uint16_t main_counter_minimum_clock_tick; /* in periodic mode */
    uint8_t page_protection;       /* bits 3:0: 0 none, 1 4 KiB, 2 64 KiB; 7:4 OEM */
};

/* Parse the HPET table in buf (len readable bytes). Checksum recorded, not
 * enforced. Statuses: ACPI_TRUNCATED, ACPI_BAD_LENGTH (< 56),
 * ACPI_BAD_SIGNATURE. */
ACPI_MUST_USE enum acpi_status acpi_hpet_parse(const void *buf, size_t len,
                                               struct acpi_hpet *out);

#endif
