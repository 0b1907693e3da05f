/* Fuzz harness: the HPET table parser on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "acpi/hpet.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_hpet hpet;
    consume((int)acpi_hpet_parse(data, size, &hpet));
    return 0;
}
