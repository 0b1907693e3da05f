/* Fuzz harness: the BGRT parser on arbitrary bytes, under both checksum policies. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/bgrt.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_bgrt bgrt;
    enum acpi_status strict = acpi_bgrt_parse(data, size, ACPI_CHECKSUM_STRICT, &bgrt);
    enum acpi_status accept = acpi_bgrt_parse(data, size, ACPI_CHECKSUM_ACCEPT, &bgrt);
    /* A table the strict policy takes, the lenient one takes too. */
    if (strict == ACPI_OK && accept != ACPI_OK)
        abort();
    if (accept == ACPI_OK && bgrt.orientation_degrees > 270)
        abort();
    return 0;
}
