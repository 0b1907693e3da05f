/* Fuzz harness: the SLIT parser and distance lookups on arbitrary bytes,
 * including indexes at and past the locality count. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/slit.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_slit slit;
    if (acpi_slit_parse(data, size, ACPI_CHECKSUM_ACCEPT, &slit) != ACPI_OK)
        return 0;
    uint64_t n = slit.number_of_system_localities;
    uint8_t d;
    uint64_t probes[] = {0, 1, n == 0 ? 0 : n - 1, n, n + 1, UINT64_MAX};
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        for (size_t j = 0; j < sizeof probes / sizeof probes[0]; j++) {
            enum acpi_status st = acpi_slit_distance(&slit, probes[i], probes[j], &d);
            if ((st == ACPI_OK) != (probes[i] < n && probes[j] < n))
                abort();
        }
    }
    return 0;
}
