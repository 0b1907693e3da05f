/* What the files of `osdev-inspect acpi` share: the tables as loaded, the
 * JSON and text pieces every table printer uses, and one JSON and one text
 * printer per table. The printers live in files named after what they print:
 * acpi_madt.c (interrupt controllers and processors), acpi_fixed_hardware.c
 * (FADT, FACS), acpi_devices.c (HPET, MCFG, SPCR, BGRT, ECDT, WAET),
 * acpi_numa.c (SRAT, SLIT), acpi_iommu.c (DMAR, IVRS), acpi_platform.c (the
 * platform view); acpi_load.c reads the tables, acpi.c is the subcommand. */
#ifndef INSPECT_ACPI_PRINT_H
#define INSPECT_ACPI_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "acpi/gas.h"
#include "acpi/sdt.h"
#include "acpi/status.h"
#include "inspect.h"

/* The tables of a folder or a memory snapshot (acpi_load.c). */
struct inspect_acpi_tables {
    struct inspect_table *tables;
    size_t count;
    char **paths;
    size_t path_count;
    uint8_t **buffers;
};

/* Every file of DIR (recursively) whose header looks like an ACPI table, an
 * RSDP or a FACS; unreadable files are skipped. 0, or -1 when DIR cannot be
 * listed. */
int inspect_acpi_load_dir(const char *dir, struct inspect_acpi_tables *l);
/* The tables a kernel would find in the snapshot DIR (ranges.txt): RSDP by
 * the BIOS-area search or the EFI system table, then discovery. Problems
 * with the firmware's data go to stderr and set *result to 1; -1 when the
 * snapshot cannot be read. */
int inspect_acpi_load_memory(const char *dir, struct inspect_acpi_tables *l, int *result);
void inspect_acpi_unload(struct inspect_acpi_tables *l);

bool inspect_acpi_is(const struct inspect_table *t, const char *sig);
const char *inspect_base_name(const char *path);

/* JSON pieces: a GAS object under KEY; `file` and the `header` object of an
 * SDT; `status` ("ok" for ACPI_END, which ends a clean walk). */
void inspect_json_gas(struct json *j, const char *key, const struct acpi_gas *g);
void inspect_json_sdt_header(struct json *j, const struct inspect_table *t, const struct acpi_sdt *h);
void inspect_json_acpi_status(struct json *j, enum acpi_status st);

/* Text pieces: one register line; the header line of a table. */
void inspect_text_gas(FILE *out, const char *name, const struct acpi_gas *g);
void inspect_text_sdt_header(FILE *out, const struct inspect_table *t, const struct acpi_sdt *h);

/* One JSON object per table (MADT, FADT, HPET and MCFG only when they parse:
 * their failures are listed under `errors`; the others always, with
 * `status`). */
typedef void inspect_acpi_json_fn(struct json *j, const struct inspect_table *t);
/* The text of one table: for MADT, FADT, HPET and MCFG the lines after the
 * header line; for the others a summary that names the table. Returns why
 * decoding stopped (ACPI_OK when it did not). */
typedef enum acpi_status inspect_acpi_text_fn(FILE *out, const struct inspect_table *t);

inspect_acpi_json_fn inspect_json_madt, inspect_json_fadt, inspect_json_facs, inspect_json_hpet,
    inspect_json_mcfg, inspect_json_spcr, inspect_json_bgrt, inspect_json_ecdt, inspect_json_waet,
    inspect_json_srat, inspect_json_slit, inspect_json_dmar, inspect_json_ivrs;
inspect_acpi_text_fn inspect_text_madt, inspect_text_fadt, inspect_text_facs, inspect_text_hpet,
    inspect_text_mcfg, inspect_text_spcr, inspect_text_bgrt, inspect_text_ecdt, inspect_text_waet,
    inspect_text_srat, inspect_text_slit, inspect_text_dmar, inspect_text_ivrs;

/* The platform view (acpi_platform.c): the `platform` key, or the text block
 * that ends the report. */
void inspect_json_platform(struct json *j, const struct inspect_table *tables, size_t count);
void inspect_text_platform(FILE *out, const struct inspect_table *tables, size_t count);

#endif
