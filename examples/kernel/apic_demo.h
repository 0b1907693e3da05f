/* Interrupts from real devices, a timer and the other CPUs, in order:
 * apic_report.c (8259s off, LAPIC, I/O APICs), timer.c (LAPIC timer against
 * the PM timer), smp.c (APs and IPIs), keyboard.c (IRQ 1, typed text). */
#ifndef KERNEL_APIC_DEMO_H
#define KERNEL_APIC_DEMO_H

#include "acpi_report.h"
#include "apic_report.h"
#include "bootinfo.h"
#include "interrupts.h"

/* HW reaches the PM timer; KERNEL_CR3 the kernel's tables (for the APs);
 * SERIAL_ONLY writes a marker to COM1 alone. */
void apic_demo(struct apic_report *r, const struct acpi_facts *acpi, struct cpu_tables *tables,
               const struct boot_info *boot, const struct acpi_hw_host *hw, uint64_t kernel_cr3,
               void (*serial_only)(const char *text));

#endif
