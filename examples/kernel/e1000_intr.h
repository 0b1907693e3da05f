/* The interrupt registers of Intel's PCI/PCIe Gigabit Ethernet controllers
 * that QEMU emulates: the 82540EM (`-device e1000`, PCI 8086:100E) and the
 * 82574L (`-device e1000e`, PCI 8086:10D3). Just enough to make the function
 * raise its legacy interrupt (INTx) on demand and drop it again, which proves
 * an interrupt route end to end without sending a packet.
 *
 * Registers (memory BAR 0, 32-bit accesses), the same offsets on both:
 * PCI/PCI-X Family of Gigabit Ethernet Controllers Software Developer's
 * Manual (8254x) 13.4.17-13.4.21, 82574 GbE Controller Datasheet
 * 10.2.4.1-10.2.4.5 (offsets as Linux's e1000 register headers give them):
 *   ICR 0xC0  Interrupt Cause Read: read-to-clear (on the 82574 when MSI-X
 *             is off, as QEMU's e1000e implements it), which deasserts INTx;
 *   ICS 0xC8  Interrupt Cause Set: write 1s to set cause bits, as if the
 *             event had happened; the interrupt is asserted when a set cause
 *             is enabled in IMS;
 *   IMS 0xD0  Interrupt Mask Set/Read: write 1s to enable causes;
 *   IMC 0xD8  Interrupt Mask Clear: write 1s to disable causes.
 * INTx is used only while MSI (and MSI-X on the 82574) is disabled (PCI Local
 * Bus 3.0, 6.8.1.3 and 6.8.2.3) and the command register's Interrupt Disable
 * bit is clear (6.2.2); bus mastering is not needed (no DMA, no MSI write). */
#ifndef KERNEL_E1000_INTR_H
#define KERNEL_E1000_INTR_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define E1000_REG_ICR 0xC0u
#define E1000_REG_ICS 0xC8u
#define E1000_REG_IMS 0xD0u
#define E1000_REG_IMC 0xD8u
/* BAR 0 covers the register file: 128 KiB on both controllers. */
#define E1000_REGS_SIZE 0x20000u

/* ICR/ICS/IMS bit 0: Transmit Descriptor Written Back. The kernel sends
 * nothing, so the device never sets it by itself. */
#define E1000_ICR_TXDW (1u << 0)
/* 82574 ICR bit 31: INT_ASSERTED (10.2.4.1); reserved on the 8254x. */
#define E1000_ICR_INT_ASSERTED (1u << 31)

struct e1000_nic {
    struct pci_function fn;
    uint16_t device_id;
    const char *model;
    uint64_t bar0;
    volatile uint32_t *regs; /* BAR 0 through the kernel's identity map */
};

/* The model name of a supported controller, NULL for any other ID. */
const char *e1000_model(uint16_t vendor_id, uint16_t device_id);

/* Every cause disabled (IMC all ones), then ICR read to drop any stale one:
 * the function no longer asserts INTx. */
void e1000_intr_quiet(const struct e1000_nic *n);
/* Enables CAUSE in IMS, then sets it through ICS: INTx goes up. */
void e1000_intr_raise(const struct e1000_nic *n, uint32_t cause);
/* Reads (and so clears) ICR: INTx goes down. Returns the causes read. */
uint32_t e1000_intr_ack(const struct e1000_nic *n);

#endif
