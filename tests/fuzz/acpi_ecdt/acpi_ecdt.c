/* Fuzz harness: the ECDT parser on arbitrary bytes; EC_ID must end inside the table. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/ecdt.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_ecdt ecdt;
    if (acpi_ecdt_parse(data, size, ACPI_CHECKSUM_ACCEPT, &ecdt) != ACPI_OK)
        return 0;
    const uint8_t *id = (const uint8_t *)ecdt.ec_id;
    if (id + ecdt.ec_id_length >= data + ecdt.sdt.length || id[ecdt.ec_id_length] != 0)
        abort();
    return 0;
}
