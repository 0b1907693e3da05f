/* acpi/discovery.h - find tables in physical memory from a validated RSDP
 * (ACPI 6.5, 5.2.5 - 5.2.8): the XSDT when the RSDP has revision >= 2 and a
 * non-zero XsdtAddress, else the RSDT; iteration over every table with its
 * header validated as it is mapped; lookup by signature and instance; the
 * DSDT and FACS through the FADT.
 *
 * Nothing is allocated and nothing stays mapped between calls: each function
 * maps what it reads through the host's callbacks and unmaps it before it
 * returns. A table's bytes are only mapped again by acpi_table_map().
 */
#ifndef ACPI_DISCOVERY_H
#define ACPI_DISCOVERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"
#include "rsdp/rsdp.h"

/* Largest table discovery will map (real DSDTs stay below 1 MiB); a Length
 * above it is reported as ACPI_BAD_LENGTH. */
#define ACPI_TABLE_MAX_LENGTH (16u * 1024u * 1024u)

/* The map contract of the suite (the same shape as struct rsdp_host): map
 * returns a pointer to byte phys (any alignment) or NULL; unmap receives the
 * same pointer and length. */
struct acpi_host {
    void *ctx;
    const void *(*map)(void *ctx, uint64_t phys, size_t len);
    void (*unmap)(void *ctx, const void *virt, size_t len);
};

/* The root table in use; filled by acpi_root_init, owned by the caller. */
struct acpi_root {
    struct acpi_host host;
    enum acpi_checksum_policy policy;
    uint64_t address;      /* physical address of the RSDT or XSDT */
    bool xsdt;             /* entries are 64-bit (XSDT) or 32-bit (RSDT) */
    uint32_t entry_count;
    struct acpi_sdt header; /* header.bytes is NULL: the table is not kept mapped */
};

/* A table found in memory: its address and validated header (header.bytes
 * is NULL until acpi_table_map). */
struct acpi_table_ref {
    uint64_t address;
    struct acpi_sdt header;
};

/* Choose and validate the root table of rsdp under policy: the XSDT when the
 * revision is >= 2 and XsdtAddress is non-zero, falling back to the RSDT if
 * the XSDT fails validation and the RSDT passes (root->xsdt says which).
 * Statuses (of the XSDT when both fail): ACPI_INVALID_ARGUMENT,
 * ACPI_MAP_FAILED, ACPI_BAD_ADDRESS (root address 0), ACPI_BAD_SIGNATURE,
 * ACPI_BAD_LENGTH, ACPI_BAD_CHECKSUM (STRICT). */
ACPI_MUST_USE enum acpi_status acpi_root_init(struct acpi_root *root,
                                              const struct acpi_host *host,
                                              const struct rsdp_info *rsdp,
                                              enum acpi_checksum_policy policy);

/* Check the table at phys: map its header, check Length (36 ..
 * ACPI_TABLE_MAX_LENGTH), map the whole table for the checksum under the
 * root's policy, unmap. signature NULL accepts any. */
ACPI_MUST_USE enum acpi_status acpi_table_probe(const struct acpi_root *root, uint64_t phys,
                                                const char *signature,
                                                struct acpi_table_ref *out);

/* Cursor over the root table's entries. */
struct acpi_table_iter {
    const struct acpi_root *root;
    uint32_t index;
};

void acpi_table_iter_init(struct acpi_table_iter *it, const struct acpi_root *root);

/* The next entry of the RSDT/XSDT. ACPI_END after the last. Any other non-OK
 * status describes that entry alone (out->address says which; ACPI_BAD_ADDRESS
 * for a zero entry): the iterator has moved on and the caller may continue. */
ACPI_MUST_USE enum acpi_status acpi_table_next(struct acpi_table_iter *it,
                                               struct acpi_table_ref *out);

/* The index-th (0-based) valid table with this signature among the root
 * table's entries ("SSDT", 1 = the second SSDT). Entries that fail
 * validation are skipped. "DSDT" and "FACS" are not listed in the root table:
 * use acpi_find_dsdt / acpi_find_facs. ACPI_NOT_FOUND when absent. */
ACPI_MUST_USE enum acpi_status acpi_find_table(const struct acpi_root *root,
                                               const char *signature, uint32_t index,
                                               struct acpi_table_ref *out);

/* The DSDT named by the (first) FADT: X_DSDT when present and non-zero, else
 * DSDT (ACPI 6.5, Table 5.9). */
ACPI_MUST_USE enum acpi_status acpi_find_dsdt(const struct acpi_root *root,
                                              struct acpi_table_ref *out);

/* The FACS (ACPI 6.5, 5.2.10) named by the FADT's X_FIRMWARE_CTRL or
 * FIRMWARE_CTRL. The FACS has no checksum and no SDT header: out->header has
 * signature and length only. ACPI_NOT_FOUND when both fields are 0
 * (hardware-reduced platforms); ACPI_BAD_LENGTH below 64 bytes. */
ACPI_MUST_USE enum acpi_status acpi_find_facs(const struct acpi_root *root,
                                              struct acpi_table_ref *out);

/* Map the whole table of ref; on ACPI_OK *table points at its Length bytes and
 * table->bytes into the mapping. Release with acpi_table_unmap. */
ACPI_MUST_USE enum acpi_status acpi_table_map(const struct acpi_root *root,
                                              const struct acpi_table_ref *ref,
                                              struct acpi_sdt *table);
void acpi_table_unmap(const struct acpi_root *root, const struct acpi_sdt *table);

#endif
