/* acpi/bgrt.c - Boot Graphics Resource Table (ACPI 6.5, 5.2.23). */
#include "acpi/bgrt.h"

#include "acpi/le.h"

#define OFF(f) offsetof(struct acpi_bgrt_raw, f)

enum acpi_status acpi_bgrt_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_bgrt *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    *out = (struct acpi_bgrt){0};
    enum acpi_status st = acpi_sdt_validate(bytes, len, "BGRT", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    if (out->sdt.length < sizeof(struct acpi_bgrt_raw))
        return ACPI_BAD_LENGTH;
    const uint8_t *p = out->sdt.bytes;
    out->version = acpi_le16(p + OFF(version));
    out->status = p[OFF(status)];
    out->image_type = p[OFF(image_type)];
    out->image_address = acpi_le64(p + OFF(image_address));
    out->image_offset_x = acpi_le32(p + OFF(image_offset_x));
    out->image_offset_y = acpi_le32(p + OFF(image_offset_y));
    out->displayed = (out->status & ACPI_BGRT_STATUS_DISPLAYED) != 0;
    out->orientation_degrees = (uint16_t)(((out->status & ACPI_BGRT_STATUS_ORIENTATION_MASK) >> 1) * 90u);
    return ACPI_OK;
}
