/* Fuzz harness: the MADT parser and its entry iterator on arbitrary bytes;
 * the iterator must end (ACPI_END or an error) within the table. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/madt.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_madt madt;
    if (acpi_madt_parse(data, size, &madt) != ACPI_OK)
        return 0;
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    size_t count = 0;
    acpi_madt_iter_init(&it, &madt);
    while (acpi_madt_next(&it, &e) == ACPI_OK) {
        /* Every entry lies inside the table and is at least 2 bytes long. */
        if (e.length < 2 || e.offset + e.length > madt.header.length)
            abort();
        if (e.type == ACPI_MADT_LOCAL_SAPIC && e.u.local_sapic.acpi_processor_uid_string) {
            const char *s = e.u.local_sapic.acpi_processor_uid_string;
            while (*s)
                s++;
        }
        count++;
    }
    if (it.status == ACPI_OK || count > size / 2)
        abort();
    uint64_t lapic;
    consume((int)acpi_madt_local_apic_address(&madt, &lapic));
    return 0;
}
