/* acpi/slit.h - System Locality Information Table (ACPI 6.5, 5.2.17): the
 * matrix of relative distances between proximity domains (localities).
 *
 * The table stays in the caller's buffer; struct acpi_slit points into it.
 */
#ifndef ACPI_SLIT_H
#define ACPI_SLIT_H

#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

/* ACPI 6.5, Table 5.84: header, Number of System Localities (8 bytes), then
 * the N x N entries, row i holding the distances from locality i. */
struct acpi_slit_raw {
    struct acpi_sdt_header header;
    uint64_t number_of_system_localities;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_slit_raw) == 44, "ACPI 6.5 Table 5.84");

#define ACPI_SLIT_ENTRIES_OFFSET 44u
#define ACPI_SLIT_LOCAL_DISTANCE 10u       /* a locality to itself */
#define ACPI_SLIT_UNREACHABLE 0xFFu        /* no path between the two */

struct acpi_slit {
    struct acpi_sdt sdt;
    uint64_t number_of_system_localities;
    const uint8_t *entries; /* number_of_system_localities^2 bytes, row-major */
};

/* Validate a SLIT: the header (acpi_sdt_validate statuses), then
 * ACPI_BAD_LENGTH if the table is shorter than 44 bytes or the matrix
 * (N * N bytes, N * N not overflowing) does not fit in the table's length.
 * Bytes after the matrix are ignored: real firmware pads (a one-locality
 * SLIT of 108 bytes exists in the corpus). */
ACPI_MUST_USE enum acpi_status acpi_slit_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_slit *out);

/* Distance from locality `from` to locality `to`: ACPI_OK, or ACPI_NOT_FOUND
 * when either index is not below number_of_system_localities. */
ACPI_MUST_USE enum acpi_status acpi_slit_distance(const struct acpi_slit *slit, uint64_t from,
                                                  uint64_t to, uint8_t *distance);

#endif
