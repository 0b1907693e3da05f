/* Fuzz harness: the MCFG parser, every allocation and the ECAM address of a
 * few functions, on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/mcfg.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_mcfg mcfg;
    if (acpi_mcfg_parse(data, size, &mcfg) != ACPI_OK)
        return 0;
    struct acpi_mcfg_allocation a;
    uint32_t n = 0;
    while (acpi_mcfg_allocation(&mcfg, n, &a) == ACPI_OK)
        n++;
    if (n != mcfg.allocation_count)
        abort();
    uint64_t addr;
    consume((int)acpi_mcfg_config_address(&mcfg, 0, 0, 0, 0, &addr));
    consume((int)acpi_mcfg_config_address(&mcfg, 0, 255, 31, 7, &addr));
    consume((int)acpi_mcfg_config_address(&mcfg, 0xFFFF, 128, 1, 1, &addr));
    return 0;
}
