/* LoadTable on the demo kernel (ACPI 6.5, 19.6.74): the interpreter's
 * find_table host callback (acpi/aml_host.h) over the firmware's root table
 * through acpi/ discovery. The table is matched as ACPICA's AcpiTbFindTable
 * matches it: the signature exactly; the OEM ID and OEM table ID as given by
 * the AML, padded with NULs to 6 and 8 bytes and compared whole, an empty one
 * matching any table. Only the RSDT/XSDT entries are searched (the DSDT and
 * the FACS are not listed there). The table's mapping is kept: method bodies
 * execute from its bytes for the interpreter's lifetime. */
#ifndef KERNEL_AML_TABLES_H
#define KERNEL_AML_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "acpi/aml_host.h"
#include "acpi/discovery.h"

struct aml_tables_stats {
    unsigned requests; /* LoadTable lookups the AML made */
    unsigned found;    /* of them, tables handed to the interpreter */
};

/* Sets HOST's find_table to the lookup over ROOT (which must outlive the
 * interpreter). The callback's context belongs to the rest of the host, so
 * the root and the counts are kept here: one interpreter per kernel. */
void aml_tables_attach(struct acpi_aml_host *host, const struct acpi_root *root);

/* The lookup itself: ACPI_OK with *bytes and *len set, ACPI_NOT_FOUND when no
 * valid root entry matches. */
ACPI_MUST_USE enum acpi_status aml_tables_find(const struct acpi_root *root, const char sig[4],
                                               const char oem_id[6], const char oem_table_id[8],
                                               const uint8_t **bytes, size_t *len);

/* What the firmware's AML asked for since aml_tables_attach. */
struct aml_tables_stats aml_tables_stats(void);

/* The aml-load-table report line (COM1 and the framebuffer). */
void aml_tables_report(void);

#endif
