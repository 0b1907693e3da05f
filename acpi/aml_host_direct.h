/* acpi/aml_host_direct.h - a ready-made struct acpi_aml_host for a kernel on the
 * hardware (acpi/aml_host_direct.c), built on acpi/hwreg.h's direct backend:
 *
 *     static struct acpi_aml_direct direct = { .memory_offset = HHDM_OFFSET };
 *     struct acpi_aml_host host;
 *     acpi_aml_host_direct(&host, &direct);
 *     host.clock_ns = my_clock; host.sleep_ms = my_sleep; host.log = my_log;
 *
 * map returns phys + memory_offset (every physical address must be mapped
 * there), unmap does nothing; ports through inline in/out on x86; PCI
 * configuration through mechanism #1 for segment 0, bus 0, offsets 0-0xFF
 * (others read all ones). For every MCFG region (ECAM, offsets to 0xFFF,
 * every bus) and Mechanism #1 on every bus, set pci_read/pci_write to
 * callbacks over acpi/aml_host_pci.h (acpi_aml_pci_read/write), which needs
 * pci_types/.
 * `direct` must outlive the host: it is the callbacks' context. */
#ifndef ACPI_AML_HOST_DIRECT_H
#define ACPI_AML_HOST_DIRECT_H

#include <stdint.h>

#include "acpi/aml_host.h"
#include "acpi/hwreg.h"

struct acpi_aml_direct {
    uintptr_t memory_offset;
    struct acpi_hw_direct hw_direct;   /* filled by acpi_aml_host_direct */
    struct acpi_hw_host hw;
};

void acpi_aml_host_direct(struct acpi_aml_host *host, struct acpi_aml_direct *direct);

#endif
