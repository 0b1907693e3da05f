/* Fuzz harness: the DMAR parser, its remapping-structure iterator and every
 * structure's device-scope iterator on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/dmar.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_dmar dmar;
    if (acpi_dmar_parse(data, size, ACPI_CHECKSUM_ACCEPT, &dmar) != ACPI_OK)
        return 0;
    const uint8_t *end = data + dmar.sdt.length;
    struct acpi_dmar_iter it, sit;
    struct acpi_dmar_entry e;
    struct acpi_dmar_scope s;
    acpi_dmar_iter_init(&it, &dmar);
    while (acpi_dmar_next(&it, &e) == ACPI_OK) {
        if (e.bytes + e.length > end)
            abort();
        if (e.object_name != NULL && (const uint8_t *)e.object_name + e.object_name_length > end)
            abort();
        acpi_dmar_scope_iter_init(&sit, &e);
        while (acpi_dmar_scope_next(&sit, &s) == ACPI_OK) {
            if (s.path + 2 * s.path_count > e.bytes + e.length)
                abort();
        }
    }
    return 0;
}
