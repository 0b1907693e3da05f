/* acpi/gas.c - Generic Address Structure decoding (ACPI 6.5, 5.2.3.2). */
#include "acpi/gas.h"

#include "acpi/le.h"

enum acpi_status acpi_gas_parse(const void *bytes, size_t len, struct acpi_gas *out)
{
    if (bytes == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (len < ACPI_GAS_LENGTH)
        return ACPI_TRUNCATED;
    const uint8_t *p = bytes;
    out->space_id = p[0];
    out->bit_width = p[1];
    out->bit_offset = p[2];
    out->access_size = p[3];
    out->address = acpi_le64(p + 4);
    return ACPI_OK;
}

bool acpi_gas_is_null(const struct acpi_gas *gas)
{
    return gas->address == 0;
}
