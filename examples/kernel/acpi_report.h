/* The kernel's ACPI survey (rsdp/ and acpi/): the RSDP from the Multiboot2
 * tag and from the firmware (BIOS-area search, or the EFI system table when
 * GRUB passed one), which must agree; the table list; processors, I/O APICs
 * and overrides from the MADT; the HPET; MCFG regions; FADT reset and PM timer
 * registers. Prints report lines and records checks on the console. */
#ifndef KERNEL_ACPI_REPORT_H
#define KERNEL_ACPI_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/discovery.h"
#include "acpi/gas.h"
#include "acpi/hwreg.h"
#include "acpi/mcfg.h"
#include "bootinfo.h"

#define ACPI_REPORT_MAX_ECAM 4

/* What later steps of the kernel use. */
struct acpi_facts {
    bool have_root;
    struct acpi_root root;
    unsigned cpus;                  /* enabled processors in the MADT */
    unsigned ioapics;
    struct acpi_mcfg_allocation ecam[ACPI_REPORT_MAX_ECAM];
    unsigned ecam_count;
    bool have_pm_timer;
    struct acpi_pm_timer pm_timer;  /* from the FADT */
};

/* HOST maps physical memory for rsdp/ and acpi/. Fills *FACTS. */
void acpi_report(struct acpi_facts *facts, const struct boot_info *boot,
                 const struct acpi_host *host);

#endif
