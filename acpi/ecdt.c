/* acpi/ecdt.c - Embedded Controller Boot Resources Table (ACPI 6.5, 5.2.15). */
#include "acpi/ecdt.h"

#include "acpi/le.h"

#define OFF(f) offsetof(struct acpi_ecdt_raw, f)

enum acpi_status acpi_ecdt_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_ecdt *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    *out = (struct acpi_ecdt){0};
    enum acpi_status st = acpi_sdt_validate(bytes, len, "ECDT", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    const uint8_t *p = out->sdt.bytes;
    uint32_t length = out->sdt.length;
    if (length <= sizeof(struct acpi_ecdt_raw))
        return ACPI_BAD_LENGTH;
    st = acpi_gas_parse(p + OFF(ec_control), ACPI_GAS_LENGTH, &out->ec_control);
    if (st == ACPI_OK)
        st = acpi_gas_parse(p + OFF(ec_data), ACPI_GAS_LENGTH, &out->ec_data);
    if (st != ACPI_OK)
        return st;
    out->uid = acpi_le32(p + OFF(uid));
    out->gpe_bit = p[OFF(gpe_bit)];
    size_t start = sizeof(struct acpi_ecdt_raw);
    size_t n = 0;
    while (start + n < length && p[start + n] != 0)
        n++;
    if (start + n == length)
        return ACPI_BAD_ENTRY;
    out->ec_id = (const char *)(p + start);
    out->ec_id_length = n;
    return ACPI_OK;
}
