/* acpi/waet.h - Windows ACPI Emulated devices Table (Microsoft WAET
 * specification): a hypervisor's promise that its RTC and ACPI PM timer
 * behave well enough to skip the usual workarounds. QEMU provides one. */
#ifndef ACPI_WAET_H
#define ACPI_WAET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

struct acpi_waet_raw {
    struct acpi_sdt_header header;
    uint32_t emulated_device_flags;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_waet_raw) == 40, "WAET is 40 bytes");

#define ACPI_WAET_RTC_GOOD 0x1u          /* the RTC needs no status-register reads */
#define ACPI_WAET_PM_TIMER_GOOD 0x2u     /* one PM timer read suffices */

struct acpi_waet {
    struct acpi_sdt sdt;
    uint32_t emulated_device_flags;
    bool rtc_good;
    bool pm_timer_good;
};

/* Validate and decode a WAET: acpi_sdt_validate statuses, ACPI_BAD_LENGTH
 * when shorter than 40 bytes. */
ACPI_MUST_USE enum acpi_status acpi_waet_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_waet *out);

#endif
