/* The demo kernel's host for the AML interpreter (acpi/aml_host.h), built on
 * what the kernel has: physical memory through its identity map of 0-4 GiB
 * (memory.h), ports through x86_64/port.h, PCI configuration through the
 * ready-made backend of acpi/aml_host_pci.h: ECAM for every MCFG region
 * (every bus of it, offsets 0-0xFFF, through the identity map), Mechanism #1
 * (pci_types/legacy.h: segment 0, offsets 0-0xFF) for the buses none covers,
 * the ACPI PM timer as the monotonic clock with a busy stall and sleep over
 * it, interpreter messages, Notify and Fatal on the console (COM1 and the
 * framebuffer). */
#ifndef KERNEL_AML_HOST_H
#define KERNEL_AML_HOST_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml_host.h"
#include "acpi/aml_host_pci.h"
#include "acpi/hwreg.h"
#include "acpi/mcfg.h"

struct aml_kernel_host {
    const struct acpi_hw_host *hw; /* the PM timer's port access */
    struct acpi_pm_timer timer;
    bool have_timer;
    uint32_t last;  /* last PM timer reading */
    uint64_t ticks; /* ticks accumulated since the first reading */
    struct acpi_aml_pci pci; /* also the PCI report's access to every host bridge */
    unsigned log_lines; /* interpreter messages printed (bounded) */
};

/* Fills HOST with callbacks whose context is K (which must outlive it).
 * TIMER NULL: no PM timer, the interpreter's own counter is the clock and
 * stalls are bounded spin loops. ECAM: the MCFG's regions (ECAM_COUNT of
 * them); those outside the identity map are left out (their buses fall back
 * to Mechanism #1 on segment 0). */
void aml_kernel_host_init(struct aml_kernel_host *k, struct acpi_aml_host *host,
                          const struct acpi_hw_host *hw, const struct acpi_pm_timer *timer,
                          const struct acpi_mcfg_allocation *ecam, unsigned ecam_count);

/* Busy-waits US microseconds on the PM timer (bounded without one). */
void aml_kernel_stall_us(void *ctx, uint32_t us);

#endif
