/* Fuzz harness: the FACS parser and, on the same bytes read as a table, the
 * WAET parser (both are fixed-size structures with no subtables). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/facs.h"
#include "acpi/waet.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_facs facs;
    if (acpi_facs_parse(data, size, &facs) == ACPI_OK) {
        if (facs.length < 64 || facs.length > size)
            abort();
        uint32_t next = acpi_facs_global_lock_acquire_value(facs.global_lock);
        if (!(next & ACPI_FACS_GLOBAL_LOCK_OWNED))
            abort();
        if (acpi_facs_global_lock_release_value(next) & 3u)
            abort();
    }
    struct acpi_waet waet;
    if (acpi_waet_parse(data, size, ACPI_CHECKSUM_ACCEPT, &waet) == ACPI_OK &&
        waet.sdt.length < 40)
        abort();
    return 0;
}
