/* Fuzz harness: the SRAT parser and its structure iterator on arbitrary
 * bytes, under both checksum policies. Every structure must lie inside the
 * table and the walk must end. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/srat.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_srat srat;
    if (acpi_srat_parse(data, size, ACPI_CHECKSUM_ACCEPT, &srat) != ACPI_OK)
        return 0;
    struct acpi_srat_iter it;
    struct acpi_srat_entry e;
    acpi_srat_iter_init(&it, &srat);
    size_t end = 0;
    while (acpi_srat_next(&it, &e) == ACPI_OK) {
        end = (size_t)e.offset + e.length;
        if (e.length < 2 || end > srat.sdt.length)
            abort();
    }
    if (it.status == ACPI_END && end != 0 && end != srat.sdt.length)
        abort();
    return 0;
}
