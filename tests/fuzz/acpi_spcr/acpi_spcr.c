/* Fuzz harness: the SPCR parser on arbitrary bytes; a namespace string it
 * returns must lie inside the table and end in a NUL. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/spcr.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_spcr spcr;
    if (acpi_spcr_parse(data, size, ACPI_CHECKSUM_ACCEPT, &spcr) != ACPI_OK)
        return 0;
    if (spcr.namespace_string != NULL) {
        const uint8_t *s = (const uint8_t *)spcr.namespace_string;
        if (s < data || s + spcr.namespace_string_length > data + spcr.sdt.length ||
            s[spcr.namespace_string_length - 1] != 0)
            abort();
    }
    return 0;
}
