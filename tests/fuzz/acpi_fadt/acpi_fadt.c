/* Fuzz harness: the FADT parser and its accessors on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "acpi/fadt.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_fadt fadt;
    if (acpi_fadt_parse(data, size, &fadt) != ACPI_OK)
        return 0;
    for (int r = ACPI_FADT_REG_PM1A_EVT; r <= ACPI_FADT_REG_GPE1; r++) {
        struct acpi_gas gas;
        consume((int)acpi_fadt_register(&fadt, (enum acpi_fadt_register)r, &gas));
    }
    (void)acpi_fadt_dsdt_address(&fadt);
    (void)acpi_fadt_facs_address(&fadt);
    return 0;
}
