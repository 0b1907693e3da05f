/* acpi/ecdt.h - Embedded Controller Boot Resources Table (ACPI 6.5, 5.2.15):
 * the EC's command/status and data registers, its GPE and namespace path,
 * so EC operation regions work before the namespace is loaded.
 * ec_id points into the caller's buffer. */
#ifndef ACPI_ECDT_H
#define ACPI_ECDT_H

#include <stddef.h>
#include <stdint.h>

#include "acpi/gas.h"
#include "acpi/sdt.h"
#include "acpi/status.h"

/* ACPI 6.5, Table 5.58 (EC_ID, a NUL-terminated string, follows). */
struct acpi_ecdt_raw {
    struct acpi_sdt_header header;
    struct acpi_gas_raw ec_control;
    struct acpi_gas_raw ec_data;
    uint32_t uid;
    uint8_t gpe_bit;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_ecdt_raw) == 65, "ACPI 6.5 Table 5.58 fixed part");

struct acpi_ecdt {
    struct acpi_sdt sdt;
    struct acpi_gas ec_control; /* EC_SC: command (write) / status (read) */
    struct acpi_gas ec_data;
    uint32_t uid;               /* the EC device's _UID */
    uint8_t gpe_bit;            /* its SCI's bit in GPE0/GPE1 */
    const char *ec_id;          /* full namespace path, e.g. "\\_SB.PCI0.LPCB.EC0" */
    size_t ec_id_length;        /* without the NUL */
};

/* Validate and decode an ECDT: acpi_sdt_validate statuses; ACPI_BAD_LENGTH
 * when shorter than 66 bytes (fixed part plus at least the NUL);
 * ACPI_BAD_ENTRY when EC_ID has no NUL before the table's end. */
ACPI_MUST_USE enum acpi_status acpi_ecdt_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_ecdt *out);

#endif
