/* PCI interrupt routing proven by real interrupts, in both interrupt models
 * (ACPI 6.5, 5.8.1 _PIC; 6.2.13 _PRT), with a QEMU NIC (e1000_intr.h) that
 * asserts its INTx pin on demand:
 * - PIC mode, as the survey (aml_report.h) left the firmware: the NIC's _PRT
 *   route through its PCI interrupt link gives an ISA IRQ; the 8259 input is
 *   set level-triggered in the ELCR (PIIX3 / ICH9 datasheets, ports
 *   4D0h-4D1h) and unmasked, the BSP's LINT0 takes the 8259's output as
 *   ExtINT (virtual wire, MP Specification 1.4, 3.6.2.2), and the test below
 *   runs at once, all three steps; then 8259 and LINT0 are masked again.
 * - APIC mode: \_PIC(1), the route gives a GSI with polarity and trigger
 *   (through the link on i440fx, the GSIx links on q35), the MADT's interrupt
 *   source override of that number is applied (5.2.12.5), and the I/O APIC
 *   pin owning the GSI is programmed to VECTOR_PCI_INTX on this CPU.
 * The test, for each:
 *   1. line unmasked: exactly one interrupt arrives; the handler reads ICR
 *      (the NIC drops INTx), then acknowledges (8259 EOI, or LAPIC EOI: for a
 *      level-triggered pin the other order would deliver it again);
 *   2. line masked: the NIC asserts again (its PCI Status Interrupt Status
 *      bit, PCI Local Bus 3.0 6.2.3, says so) and nothing arrives. In APIC
 *      mode the kernel leaves it so while the harness reads QEMU's `info pic`
 *      (the pin's IRR bit) and `info irq`;
 *   3. unmasking delivers the held interrupt exactly once (APIC mode: in
 *      pci_irq_finish, after that), then the NIC is quiet and the line masked
 *      again, the state the \_S5 power-off expects.
 * A NIC behind another host bridge (pci_irq_probe) is only probed: which
 * 8259 input its INTx raises, with all of them masked.
 * Detail lines (pci-intx-*) go to COM1 only; the checks to both consoles. */
#ifndef KERNEL_PCI_IRQ_H
#define KERNEL_PCI_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi_report.h"
#include "aml_report.h"
#include "apic_report.h"
#include "e1000_intr.h"
#include "pci_path.h"
#include "pci_types/legacy.h"
#include "timer.h"

#define VECTOR_PCI_INTX 0x60u

/* Where the NIC's INTx ends. */
struct pci_irq_line {
    bool pic;                     /* an 8259 input; else an I/O APIC pin */
    uint32_t number;              /* ISA IRQ (PIC) or GSI (APIC) */
    uint8_t vector;
    const struct apic_ioapic *ioapic;
    unsigned pin;                 /* of the I/O APIC */
};

struct pci_irq {
    bool armed; /* APIC steps 1-2 ran: pci_irq_finish has step 3 to do */
    bool probe; /* pci_irq_probe's NIC (its lines are named pci-intx-probe-*) */
    uint16_t probe_mask; /* the 8259 mask pci_irq_probe_finish restores */
    struct pci_legacy legacy;
    struct pci_config_access access;
    struct e1000_nic nic;
    struct acpi_aml_pci_hop hops[PCI_PATH_MAX_HOPS]; /* bus 0 down to the NIC */
    uint32_t nhops;
    const struct apic_report *apic;
    struct pci_irq_line line;     /* the one under test */
    struct pm_clock clock;
    volatile unsigned delivered; /* interrupts counted on VECTOR_PCI_INTX */
    volatile uint32_t last_icr;  /* ICR as the handler read it */
    unsigned asserted;           /* INTx assertions the kernel caused */
};

/* The PIC-mode test, then APIC steps 1 and 2, over the interpreter AML (whose
 * PIC-mode survey ran), the interrupt controllers APIC set up, and FACTS' PM
 * timer. */
void pci_irq_demo(struct pci_irq *p, struct aml_state *aml, const struct apic_report *apic,
                  const struct acpi_facts *facts, const struct acpi_hw_host *hw);

/* The dispatcher's part: true when VECTOR is the line's under test (handled
 * and acknowledged). */
bool pci_irq_dispatch(uint64_t vector);

/* APIC step 3 (nothing when steps 1-2 did not run). */
void pci_irq_finish(struct pci_irq *p);

/* A NIC below a host bridge other than bus 0's (pxb-pcie): its PIC-mode _PRT
 * route, and the 8259 input its INTx really raises (IRR with every 8259
 * input masked, so nothing is delivered), reported for the e2e test to
 * compare with QEMU's view; INTx stays up while the harness looks (after
 * pci_irq_demo, whose assertions go to other inputs on QEMU's machines).
 * \_PIC is left at APIC mode. */
void pci_irq_probe(struct pci_irq *p, struct aml_state *aml, const struct apic_report *apic,
                   const struct acpi_facts *facts, const struct acpi_hw_host *hw);

/* After the wait: INTx dropped (ICR read), the 8259 mask restored. */
void pci_irq_probe_finish(struct pci_irq *p);

#endif
