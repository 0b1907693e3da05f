/* The kernel's interrupt controllers (apic/ with acpi/'s platform view): the
 * 8259 pair remapped and fully masked, this CPU's local APIC (x2APIC mode when
 * CPUID offers it, else xAPIC) software-enabled, every I/O APIC of the MADT
 * read and masked, IDT gates for vectors 32-255, and one dispatcher for the
 * device and IPI vectors. Prints report lines and records checks. */
#ifndef KERNEL_APIC_REPORT_H
#define KERNEL_APIC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/discovery.h"
#include "acpi/platform.h"
#include "apic/apic.h"
#include "interrupts.h"

/* Vectors: the 8259s are remapped above every vector in use, so a spurious
 * IRQ 7/15 of a masked 8259 lands on its own vector (0xE7, 0xEF). */
#define VECTOR_KEYBOARD 0x31u
#define VECTOR_TIMER 0x40u
#define VECTOR_IPI 0x50u
#define VECTOR_PIC_MASTER 0xE0u
#define VECTOR_PIC_SLAVE 0xE8u
#define VECTOR_SPURIOUS 0xFFu

#define APIC_REPORT_MAX_IOAPICS 4
#define APIC_REPORT_MAX_CPUS 16

struct apic_report {
    struct acpi_platform plat;
    bool plat_ok;
    bool has_8042;                  /* FADT IAPC_BOOT_ARCH 8042 (assumed before revision 2) */
    struct acpi_platform_io_apic io_apic_items[APIC_REPORT_MAX_IOAPICS];
    struct acpi_platform_processor cpu_items[APIC_REPORT_MAX_CPUS];
    struct acpi_platform_nmi_source nmi_items[4];
    struct acpi_platform_local_apic_nmi lapic_nmi_items[APIC_REPORT_MAX_CPUS];
    struct acpi_platform_ecam ecam_items[4];
    struct acpi_platform_memory_range memory_items[8];
    struct apic_lapic lapic;        /* this CPU's; the same struct serves every CPU */
    struct apic_lapic_info info;
    struct apic_ioapic ioapics[APIC_REPORT_MAX_IOAPICS];
    size_t ioapic_count;
    bool ready;                     /* LAPIC enabled, I/O APICs masked, gates set */
};

/* Handlers of the vectors the dispatcher knows (set by timer.c, keyboard.c,
 * smp.c); each runs with interrupts off, the dispatcher sends the EOI. */
struct irq_handlers {
    void (*timer)(void);
    void (*keyboard)(void);
    void (*ipi)(void);
};

/* Sets everything up from the ACPI tables under ROOT; TABLES gets gates 32-255. */
void apic_report(struct apic_report *r, const struct acpi_root *root, struct cpu_tables *tables);

/* Installs the handlers (fields may be NULL). */
void apic_set_handlers(const struct irq_handlers *handlers);

/* The interrupt dispatcher's part for vectors 32-255: true when VECTOR was one
 * of the kernel's (handled and acknowledged), false for an unknown vector. */
bool apic_dispatch(uint64_t vector);

/* Enables the LAPIC of the CPU that calls it (an AP) in the BSP's mode with the
 * spurious vector. */
enum apic_status apic_enable_this_cpu(const struct apic_report *r);

/* Polarity and trigger of acpi/'s resolved ISA IRQ in apic/'s terms. */
enum apic_polarity apic_polarity_of(enum acpi_mps_polarity p);
enum apic_trigger apic_trigger_of(enum acpi_mps_trigger t);

#endif
