/* Fuzz harness: the IVRS parser, its IVHD/IVMD iterator and every IVHD's
 * device-entry iterator on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/ivrs.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_ivrs ivrs;
    if (acpi_ivrs_parse(data, size, ACPI_CHECKSUM_ACCEPT, &ivrs) != ACPI_OK)
        return 0;
    struct acpi_ivrs_iter it, dit;
    struct acpi_ivrs_block b;
    struct acpi_ivrs_device d;
    acpi_ivrs_iter_init(&it, &ivrs);
    while (acpi_ivrs_next(&it, &b) == ACPI_OK) {
        if (b.bytes + b.length > data + ivrs.sdt.length)
            abort();
        acpi_ivrs_device_iter_init(&dit, &b);
        size_t walked = 0;
        while (acpi_ivrs_device_next(&dit, &d) == ACPI_OK) {
            walked += d.length;
            if (walked > b.entries_length)
                abort();
            if (d.uid != NULL && d.uid + d.uid_length > b.bytes + b.length)
                abort();
        }
    }
    return 0;
}
