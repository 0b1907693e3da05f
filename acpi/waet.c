/* acpi/waet.c - Windows ACPI Emulated devices Table. */
#include "acpi/waet.h"

#include "acpi/le.h"

enum acpi_status acpi_waet_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_waet *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    *out = (struct acpi_waet){0};
    enum acpi_status st = acpi_sdt_validate(bytes, len, "WAET", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    if (out->sdt.length < sizeof(struct acpi_waet_raw))
        return ACPI_BAD_LENGTH;
    out->emulated_device_flags =
        acpi_le32(out->sdt.bytes + offsetof(struct acpi_waet_raw, emulated_device_flags));
    out->rtc_good = (out->emulated_device_flags & ACPI_WAET_RTC_GOOD) != 0;
    out->pm_timer_good = (out->emulated_device_flags & ACPI_WAET_PM_TIMER_GOOD) != 0;
    return ACPI_OK;
}
