/*
 * apic/pic8259.h: the legacy pair of 8259A interrupt controllers of the PC
 * (Intel 8259A datasheet: initialization command words ICW1-ICW4, operation
 * command words OCW1-OCW3), master at ports 0x20/0x21 with the slave cascaded on
 * its IR2, slave at 0xA0/0xA1.
 *
 * Host callbacks used: inb/outb. Each initialisation write is followed by a
 * write to port 0x80 (the POST port, unused on PCs) as the recovery delay older
 * chipsets need between accesses.
 */
#ifndef APIC_PIC8259_H
#define APIC_PIC8259_H

#include "apic/host.h"

#define APIC_PIC_MASTER_CMD  0x20u
#define APIC_PIC_MASTER_DATA 0x21u
#define APIC_PIC_SLAVE_CMD   0xA0u
#define APIC_PIC_SLAVE_DATA  0xA1u
#define APIC_PIC_DELAY_PORT  0x80u
#define APIC_PIC_CASCADE_IRQ 2u

/* Command words (8259A datasheet, "Initialization Command Words" and
 * "Operation Command Words" figures; the figure numbers were not found in a
 * stored copy of the datasheet). The bits agree with QEMU's hw/intc/i8259.c:
 * ICW1 D4 = 1 with IC4 D0, SNGL D1, LTIM D3; ICW4 uPM D0, AEOI D1, SFNM D4;
 * OCW2 commands in D7:D5 (001 non-specific EOI, 011 specific EOI, level in
 * D2:D0); OCW3 D4:D3 = 01 with RR D1 and RIS D0 (1 = ISR). */
#define APIC_PIC_ICW1_IC4    0x01u   /* ICW4 follows */
#define APIC_PIC_ICW1_SNGL   0x02u   /* single (no ICW3) */
#define APIC_PIC_ICW1_LTIM   0x08u   /* level-triggered inputs */
#define APIC_PIC_ICW1        0x10u   /* D4 = 1 marks ICW1 */
#define APIC_PIC_ICW4_8086   0x01u   /* uPM: 8086/8088 mode */
#define APIC_PIC_ICW4_AEOI   0x02u
#define APIC_PIC_OCW2_EOI    0x20u   /* non-specific EOI */
#define APIC_PIC_OCW2_SEOI   0x60u   /* specific EOI, level in bits 2:0 */
#define APIC_PIC_OCW3        0x08u   /* D4:D3 = 01 marks OCW3 */
#define APIC_PIC_OCW3_READ_IRR 0x0Au
#define APIC_PIC_OCW3_READ_ISR 0x0Bu

/* Initialise both chips: ICW1 (edge, cascade, ICW4), ICW2 vector bases, ICW3
 * (master: slave on IR2; slave: identity 2), ICW4 8086 mode with normal EOI,
 * then the masks (bit n of MASK: IRQ n masked; bit 2 is left as given).
 * APIC_INVALID_ARGUMENT when a base is not a multiple of 8 (the low three bits
 * are the IR level, ICW2) or below 32 (the CPU's exception vectors). */
APIC_MUST_USE enum apic_status apic_pic8259_remap(const struct apic_host *host, uint8_t master_base,
                                                  uint8_t slave_base, uint16_t mask);

/* Remap to the given bases (so a stray interrupt lands outside the exceptions)
 * and mask all sixteen lines: the PIC is off for APIC mode. */
APIC_MUST_USE enum apic_status apic_pic8259_disable(const struct apic_host *host,
                                                    uint8_t master_base, uint8_t slave_base);

/* The 16-bit mask (OCW1 of both chips); set or clear one IRQ's bit. Unmasking
 * a slave IRQ (8..15) also unmasks the cascade line 2 of the master. */
uint16_t apic_pic8259_get_mask(const struct apic_host *host);
void apic_pic8259_set_mask(const struct apic_host *host, uint16_t mask);
APIC_MUST_USE enum apic_status apic_pic8259_mask_irq(const struct apic_host *host, uint8_t irq,
                                                     bool masked);

/* End of interrupt for IRQ (0..15): non-specific EOI to the slave (IRQ 8..15),
 * then to the master. The specific form names the level: IRQ - 8 to the slave
 * and the cascade level 2 to the master, or IRQ to the master. */
APIC_MUST_USE enum apic_status apic_pic8259_eoi(const struct apic_host *host, uint8_t irq);
APIC_MUST_USE enum apic_status apic_pic8259_eoi_specific(const struct apic_host *host, uint8_t irq);

/* In-service and request registers of both chips (OCW3 read commands), slave
 * in the high byte. The read selection is left on IRR (the power-on state). */
uint16_t apic_pic8259_isr(const struct apic_host *host);
uint16_t apic_pic8259_irr(const struct apic_host *host);

/* Call at the start of the IRQ 7 or IRQ 15 handler. True when the interrupt is
 * spurious (its ISR bit is clear): then the handler returns without an EOI to
 * that chip; for a spurious IRQ 15 this function already sent the master the
 * EOI its cascade line 2 needs. False for real interrupts and other IRQs. */
bool apic_pic8259_spurious(const struct apic_host *host, uint8_t irq);

#endif
