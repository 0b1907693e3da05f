/* acpi/slit.c - System Locality Information Table (ACPI 6.5, 5.2.17). */
#include "acpi/slit.h"

#include "acpi/le.h"

enum acpi_status acpi_slit_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_slit *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st = acpi_sdt_validate(bytes, len, "SLIT", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    if (out->sdt.length < ACPI_SLIT_ENTRIES_OFFSET)
        return ACPI_BAD_LENGTH;
    const uint8_t *p = out->sdt.bytes;
    uint64_t n = acpi_le64(p + offsetof(struct acpi_slit_raw, number_of_system_localities));
    uint64_t room = out->sdt.length - ACPI_SLIT_ENTRIES_OFFSET;
    /* N * N must fit in the table. The table is below 4 GiB, so N must be
     * below 2^16 and the product cannot overflow (and no 64-bit division is
     * needed, which 32-bit targets would take from libgcc). */
    if (n > 0xFFFFu || n * n > room)
        return ACPI_BAD_LENGTH;
    out->number_of_system_localities = n;
    out->entries = p + ACPI_SLIT_ENTRIES_OFFSET;
    return ACPI_OK;
}

enum acpi_status acpi_slit_distance(const struct acpi_slit *slit, uint64_t from, uint64_t to,
                                    uint8_t *distance)
{
    uint64_t n = slit->number_of_system_localities;
    if (from >= n || to >= n)
        return ACPI_NOT_FOUND;
    /* from < n and n * n <= table length, so the index cannot overflow. */
    *distance = slit->entries[from * n + to];
    return ACPI_OK;
}
