/* Application processors: each one enabled in the MADT is started with
 * INIT-SIPI-SIPI (apic/ipi.h) through trampoline.S, copied to a page the
 * Multiboot2 memory map calls available below 1 MiB. An AP enters long mode,
 * switches to the kernel's page tables and its own stack, loads the kernel's
 * GDT and IDT (not the TSS: the BSP's is busy; APs run no code that needs an
 * IST stack), enables its LAPIC in the BSP's mode and reports in. Then the
 * BSP sends each AP a fixed IPI, which the AP counts. Every wait is bounded
 * by PM-timer time. Prints ap, ipi and smp lines and their checks. */
#ifndef KERNEL_SMP_H
#define KERNEL_SMP_H

#include "apic_report.h"
#include "bootinfo.h"
#include "interrupts.h"
#include "timer.h"

#define SMP_AP_WAIT_US 1000000u
#define SMP_IPI_WAIT_US 500000u

/* KERNEL_CR3: the kernel's tables (the BSP's CR3). */
void smp_report(const struct apic_report *r, const struct cpu_tables *tables,
                const struct boot_info *boot, const struct pm_clock *clock, uint64_t kernel_cr3);

#endif
