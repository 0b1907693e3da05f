/* inspect/aml_devices.h - the --devices, --prt and --sleep reports of
 * osdev-inspect aml (the device layer: acpi/aml_device.h, aml_resources.h,
 * aml_pci_root.h, aml_prt.h, aml_events.h). */
#ifndef INSPECT_AML_DEVICES_H
#define INSPECT_AML_DEVICES_H

#include <stdbool.h>

#include "acpi/aml.h"

struct inspect_aml_report {
    bool devices, prt, sleep;
};

/* true when `arg` is one of the report options (and records it in *r). */
bool inspect_aml_report_option(const char *arg, struct inspect_aml_report *r);
/* true when any report was asked for. */
bool inspect_aml_report_wanted(const struct inspect_aml_report *r);
/* Print the reports asked for, after initialisation; `host` is the
 * interpreter's host (PCI reads for bridges' secondary buses). Returns the
 * exit status: 0, or 1 when something failed to evaluate or decode. */
int inspect_aml_report_print(struct acpi_aml *aml, const struct acpi_aml_host *host,
                             const struct inspect_aml_report *r, bool json);

#endif
