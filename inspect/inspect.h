/* osdev-inspect: subcommands and what they share. */
#ifndef INSPECT_INSPECT_H
#define INSPECT_INSPECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "json.h"

/* Each subcommand gets argv with argv[0] = its own name; returns the process status
 * (0 success, 1 some input was bad but reported, 2 usage or unreadable input). */
int inspect_acpi_main(int argc, char **argv);
int inspect_pci_main(int argc, char **argv);
int inspect_mb2_main(int argc, char **argv);
int inspect_aml_main(int argc, char **argv);

/* One ACPI table (or RSDP) as osdev-inspect acpi loaded it. */
struct inspect_table {
    char signature[5];      /* NUL-terminated; "RSD " for an RSDP */
    const uint8_t *bytes;   /* the file's bytes */
    size_t len;             /* the file's length (may differ from the header's Length) */
    const char *path;       /* where it came from */
};

#endif
