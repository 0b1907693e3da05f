/* acpi/facs.c - Firmware ACPI Control Structure (ACPI 6.5, 5.2.10). */
#include "acpi/facs.h"

#include "acpi/le.h"

#define OFF(f) offsetof(struct acpi_facs_raw, f)

enum acpi_status acpi_facs_parse(const void *bytes, size_t len, struct acpi_facs *out)
{
    if (bytes == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    *out = (struct acpi_facs){0};
    const uint8_t *p = bytes;
    if (len < sizeof(struct acpi_facs_raw))
        return ACPI_TRUNCATED;
    if (p[0] != 'F' || p[1] != 'A' || p[2] != 'C' || p[3] != 'S')
        return ACPI_BAD_SIGNATURE;
    uint32_t length = acpi_le32(p + OFF(length));
    if (length < sizeof(struct acpi_facs_raw))
        return ACPI_BAD_LENGTH;
    if (length > len)
        return ACPI_TRUNCATED;
    out->bytes = p;
    out->length = length;
    out->hardware_signature = acpi_le32(p + OFF(hardware_signature));
    out->firmware_waking_vector = acpi_le32(p + OFF(firmware_waking_vector));
    out->global_lock = acpi_le32(p + OFF(global_lock));
    out->flags = acpi_le32(p + OFF(flags));
    out->version = p[OFF(version)];
    /* Table 5.14: X_Firmware_Waking_Vector arrived with version 1, OSPM
     * flags with version 2; earlier structures have reserved bytes there. */
    if (out->version >= 1)
        out->x_firmware_waking_vector = acpi_le64(p + OFF(x_firmware_waking_vector));
    if (out->version >= 2)
        out->ospm_flags = acpi_le32(p + OFF(ospm_flags));
    out->s4bios = (out->flags & ACPI_FACS_S4BIOS_F) != 0;
    out->wake_64bit_supported = (out->flags & ACPI_FACS_64BIT_WAKE_SUPPORTED_F) != 0;
    return ACPI_OK;
}

uint32_t acpi_facs_global_lock_acquire_value(uint32_t old)
{
    uint32_t next = (old & ~(uint32_t)ACPI_FACS_GLOBAL_LOCK_PENDING) | ACPI_FACS_GLOBAL_LOCK_OWNED;
    if (old & ACPI_FACS_GLOBAL_LOCK_OWNED)
        next |= ACPI_FACS_GLOBAL_LOCK_PENDING;
    return next;
}

uint32_t acpi_facs_global_lock_release_value(uint32_t old)
{
    return old & ~(uint32_t)(ACPI_FACS_GLOBAL_LOCK_OWNED | ACPI_FACS_GLOBAL_LOCK_PENDING);
}
