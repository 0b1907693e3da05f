/* acpi/sdt.h - the System Description Table header (ACPI 6.5, 5.2.6) shared by
 * every table except the RSDP and FACS, its checksum, and validation of one
 * table held in a caller's buffer.
 *
 * Nothing here maps memory or keeps pointers beyond what the caller passed:
 * struct acpi_sdt points into the caller's buffer, which must outlive it.
 */
#ifndef ACPI_SDT_H
#define ACPI_SDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/status.h"

#define ACPI_SDT_HEADER_LENGTH 36u

/* ACPI 6.5, Table 5.4: DESCRIPTION_HEADER as it sits in memory. Read it with
 * the accessors below (or acpi_sdt_validate), never by dereferencing a cast
 * pointer: tables are not guaranteed to be aligned. */
struct acpi_sdt_header {
    char signature[4];
    uint32_t length; /* whole table, header included */
    uint8_t revision;
    uint8_t checksum; /* all bytes of the table sum to 0 mod 256 */
    char oem_id[6];
    char oem_table_id[8];
    uint32_t oem_revision;
    uint32_t creator_id;       /* "ASL compiler ID" in ACPICA's words */
    uint32_t creator_revision; /* "ASL compiler revision" */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_sdt_header) == ACPI_SDT_HEADER_LENGTH,
               "ACPI 6.5 Table 5.4: the header is 36 bytes");

/* What to do when a table's bytes do not sum to zero. Real firmware ships
 * wrong checksums; ACPICA warns and uses the table anyway (ACCEPT). */
enum acpi_checksum_policy {
    ACPI_CHECKSUM_STRICT = 0, /* reject with ACPI_BAD_CHECKSUM */
    ACPI_CHECKSUM_ACCEPT = 1, /* use the table, set checksum_ok = false */
};

/* A validated table: its header fields decoded, plus where its bytes are. */
struct acpi_sdt {
    const uint8_t *bytes; /* the table (header first), `length` bytes; caller-owned */
    uint32_t length;
    char signature[4]; /* not NUL-terminated */
    uint8_t revision;
    uint8_t checksum;
    char oem_id[6];       /* not NUL-terminated, space padded as in firmware */
    char oem_table_id[8]; /* likewise */
    uint32_t oem_revision;
    uint32_t creator_id;
    uint32_t creator_revision;
    bool checksum_ok; /* the bytes sum to zero */
};

/* Sum of len bytes modulo 256: 0 for a correct table. */
uint8_t acpi_checksum(const void *bytes, size_t len);

/* Decode the 36-byte header at bytes (len is what the caller can read there)
 * without looking at the rest of the table: out->bytes = bytes, checksum_ok
 * false. ACPI_TRUNCATED if len < 36, ACPI_BAD_LENGTH if the length field is
 * below 36. Discovery uses this to learn how much to map. */
ACPI_MUST_USE enum acpi_status acpi_sdt_read_header(const void *bytes, size_t len,
                                                    struct acpi_sdt *out);

/* Validate one table in a buffer of buf_len bytes: header present, length
 * field >= 36 and <= buf_len, signature equal to `signature` (4 chars; NULL to
 * accept any), checksum according to policy. On ACPI_OK *out describes the
 * table. Statuses: ACPI_INVALID_ARGUMENT, ACPI_TRUNCATED, ACPI_BAD_LENGTH,
 * ACPI_BAD_SIGNATURE, ACPI_BAD_CHECKSUM (STRICT only). */
ACPI_MUST_USE enum acpi_status acpi_sdt_validate(const void *buf, size_t buf_len,
                                                 const char *signature,
                                                 enum acpi_checksum_policy policy,
                                                 struct acpi_sdt *out);

/* True if the table's signature equals the 4 characters at sig. */
bool acpi_sdt_is(const struct acpi_sdt *sdt, const char *sig);

#endif
