/* The kernel's AML survey (acpi/aml.h): the DSDT and every SSDT of the root
 * table loaded into the interpreter, whose memory is an arena over a static
 * buffer (no heap needed); the namespace initialised (_REG, _STA, _INI);
 * every device with a _HID, its _STA and its decoded _CRS resources; the host
 * bridges with their bus range; the _PRT routes of every host bridge (and
 * bridge below one) resolved through the PCI interrupt link devices; and,
 * for every PCI function with an interrupt pin below every host bridge, the
 * IRQ the _PRT of its own host bridge gives (swizzled through PCI-to-PCI
 * bridges, PCI-to-PCI Bridge Architecture 1.2, 9.1). Prints report lines and
 * records checks. The interpreter stays alive for aml_poweroff. */
#ifndef KERNEL_AML_REPORT_H
#define KERNEL_AML_REPORT_H

#include <stdbool.h>

#include "acpi/aml.h"
#include "acpi/fadt.h"
#include "acpi_report.h"
#include "aml_host.h"

/* The static arena: QEMU's namespaces peak at 90-190 KiB (acpi/README.md). */
#define AML_ARENA_BYTES (1024u * 1024u)

struct aml_state {
    struct acpi_aml *aml; /* NULL when the interpreter could not start */
    struct aml_kernel_host khost;
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    bool have_fadt;
    struct acpi_fadt fadt;
};

/* Runs the survey over FACTS' root table; HW reaches the fixed hardware. */
void aml_survey(struct aml_state *s, const struct acpi_facts *facts, const struct acpi_hw_host *hw);

/* Soft-off through \_S5 (ACPI 6.5, 7.4.2 and 16.1.7): \_S5's SLP_TYPa/b,
 * \_PTS(5) when present, ACPI mode on, a "powering off" line, BEFORE_OFF
 * (the kernel ends its report and drains COM1), then SLP_TYP|SLP_EN in
 * PM1a/PM1b control. Returns only when a step failed or the machine is still
 * running 1 s later; a failed check says which. */
void aml_poweroff(struct aml_state *s, const struct acpi_hw_host *hw, void (*before_off)(void));

#endif
