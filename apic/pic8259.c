/*
 * apic/pic8259.c: the PC's 8259A pair (8259A datasheet, ICW/OCW formats).
 */
#include "apic/pic8259.h"

static void out_wait(const struct apic_host *h, uint16_t port, uint8_t v)
{
    h->outb(h->ctx, port, v);
    h->outb(h->ctx, APIC_PIC_DELAY_PORT, 0);
}

static bool host_ok(const struct apic_host *h)
{
    return h != NULL && h->inb != NULL && h->outb != NULL;
}

enum apic_status apic_pic8259_remap(const struct apic_host *host, uint8_t master_base,
                                    uint8_t slave_base, uint16_t mask)
{
    if (!host_ok(host) || (master_base & 7u) != 0 || (slave_base & 7u) != 0 ||
        master_base < 32 || slave_base < 32) {
        return APIC_INVALID_ARGUMENT;
    }
    /* ICW1 starts the sequence on each chip; ICW2-4 follow on the data port. */
    out_wait(host, APIC_PIC_MASTER_CMD, APIC_PIC_ICW1 | APIC_PIC_ICW1_IC4);
    out_wait(host, APIC_PIC_SLAVE_CMD, APIC_PIC_ICW1 | APIC_PIC_ICW1_IC4);
    out_wait(host, APIC_PIC_MASTER_DATA, master_base);
    out_wait(host, APIC_PIC_SLAVE_DATA, slave_base);
    out_wait(host, APIC_PIC_MASTER_DATA, 1u << APIC_PIC_CASCADE_IRQ); /* slave on IR2 */
    out_wait(host, APIC_PIC_SLAVE_DATA, APIC_PIC_CASCADE_IRQ);        /* slave ID 2 */
    out_wait(host, APIC_PIC_MASTER_DATA, APIC_PIC_ICW4_8086);
    out_wait(host, APIC_PIC_SLAVE_DATA, APIC_PIC_ICW4_8086);
    apic_pic8259_set_mask(host, mask);
    return APIC_OK;
}

enum apic_status apic_pic8259_disable(const struct apic_host *host, uint8_t master_base,
                                      uint8_t slave_base)
{
    return apic_pic8259_remap(host, master_base, slave_base, 0xFFFFu);
}

uint16_t apic_pic8259_get_mask(const struct apic_host *host)
{
    return (uint16_t)(host->inb(host->ctx, APIC_PIC_MASTER_DATA) |
                      (host->inb(host->ctx, APIC_PIC_SLAVE_DATA) << 8));
}

void apic_pic8259_set_mask(const struct apic_host *host, uint16_t mask)
{
    host->outb(host->ctx, APIC_PIC_MASTER_DATA, (uint8_t)mask);
    host->outb(host->ctx, APIC_PIC_SLAVE_DATA, (uint8_t)(mask >> 8));
}

enum apic_status apic_pic8259_mask_irq(const struct apic_host *host, uint8_t irq, bool masked)
{
    if (!host_ok(host) || irq > 15) {
        return APIC_INVALID_ARGUMENT;
    }
    uint16_t m = apic_pic8259_get_mask(host);
    if (masked) {
        m = (uint16_t)(m | (1u << irq));
    } else {
        m = (uint16_t)(m & ~(1u << irq));
        if (irq >= 8) {
            m = (uint16_t)(m & ~(1u << APIC_PIC_CASCADE_IRQ));
        }
    }
    apic_pic8259_set_mask(host, m);
    return APIC_OK;
}

enum apic_status apic_pic8259_eoi(const struct apic_host *host, uint8_t irq)
{
    if (!host_ok(host) || irq > 15) {
        return APIC_INVALID_ARGUMENT;
    }
    if (irq >= 8) {
        host->outb(host->ctx, APIC_PIC_SLAVE_CMD, APIC_PIC_OCW2_EOI);
    }
    host->outb(host->ctx, APIC_PIC_MASTER_CMD, APIC_PIC_OCW2_EOI);
    return APIC_OK;
}

enum apic_status apic_pic8259_eoi_specific(const struct apic_host *host, uint8_t irq)
{
    if (!host_ok(host) || irq > 15) {
        return APIC_INVALID_ARGUMENT;
    }
    if (irq >= 8) {
        host->outb(host->ctx, APIC_PIC_SLAVE_CMD, (uint8_t)(APIC_PIC_OCW2_SEOI | (irq - 8u)));
        host->outb(host->ctx, APIC_PIC_MASTER_CMD,
                   (uint8_t)(APIC_PIC_OCW2_SEOI | APIC_PIC_CASCADE_IRQ));
    } else {
        host->outb(host->ctx, APIC_PIC_MASTER_CMD, (uint8_t)(APIC_PIC_OCW2_SEOI | irq));
    }
    return APIC_OK;
}

/* OCW3 selects which register a read of the command port returns. */
static uint16_t read_pair(const struct apic_host *host, uint8_t ocw3)
{
    host->outb(host->ctx, APIC_PIC_MASTER_CMD, ocw3);
    host->outb(host->ctx, APIC_PIC_SLAVE_CMD, ocw3);
    uint16_t v = (uint16_t)(host->inb(host->ctx, APIC_PIC_MASTER_CMD) |
                            (host->inb(host->ctx, APIC_PIC_SLAVE_CMD) << 8));
    if (ocw3 != APIC_PIC_OCW3_READ_IRR) {
        host->outb(host->ctx, APIC_PIC_MASTER_CMD, APIC_PIC_OCW3_READ_IRR);
        host->outb(host->ctx, APIC_PIC_SLAVE_CMD, APIC_PIC_OCW3_READ_IRR);
    }
    return v;
}

uint16_t apic_pic8259_isr(const struct apic_host *host)
{
    return read_pair(host, APIC_PIC_OCW3_READ_ISR);
}

uint16_t apic_pic8259_irr(const struct apic_host *host)
{
    return read_pair(host, APIC_PIC_OCW3_READ_IRR);
}

bool apic_pic8259_spurious(const struct apic_host *host, uint8_t irq)
{
    if (!host_ok(host) || (irq != 7 && irq != 15)) {
        return false;
    }
    /* A request that went away before INTA makes the chip answer with its IR7
     * vector without setting the ISR bit (8259A datasheet, "Interrupt Sequence"). */
    if ((apic_pic8259_isr(host) & (1u << irq)) != 0) {
        return false;
    }
    if (irq == 15) {
        /* The master did see IR2 from the slave and set its ISR bit. */
        host->outb(host->ctx, APIC_PIC_MASTER_CMD, APIC_PIC_OCW2_EOI);
    }
    return true;
}
