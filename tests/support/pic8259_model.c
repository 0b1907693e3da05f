/* The 8259A pair model (see pic8259_model.h). */
#include "pic8259_model.h"

#include <string.h>

static void icw1(struct pic8259_chip *c, uint8_t v)
{
    c->icw1 = v;
    c->imr = 0;
    c->isr = 0;
    c->read_isr = false;
    if ((v & 0x01u) == 0) {
        c->icw4 = 0;
    }
    c->state = PIC_WAIT_ICW2;
    c->initialized = false;
}

static int highest(uint8_t bits)
{
    for (int i = 0; i < 8; i++) {
        if ((bits >> i) & 1u) {
            return i;
        }
    }
    return -1;
}

static void command_write(struct pic8259_chip *c, uint8_t v)
{
    if ((v & 0x10u) != 0) {
        icw1(c, v);
        return;
    }
    if (c->state != PIC_READY) {
        c->protocol_errors++;
        return;
    }
    if ((v & 0x18u) == 0x08u) {            /* OCW3 */
        if ((v & 0x02u) != 0) {
            c->read_isr = (v & 0x01u) != 0;
        }
        if ((v & 0x04u) != 0 || (v & 0x40u) != 0) {
            c->unsupported++;             /* poll and special mask mode */
        }
        return;
    }
    /* OCW2: R SL EOI in D7..D5, level in D2..D0. */
    switch (v >> 5) {
    case 1: {                                /* non-specific EOI */
        int l = highest(c->isr);
        if (l >= 0) {
            c->isr = (uint8_t)(c->isr & ~(1u << l));
        }
        c->eoi_nonspecific++;
        break;
    }
    case 3:                                  /* specific EOI */
        c->isr = (uint8_t)(c->isr & ~(1u << (v & 7u)));
        c->eoi_specific++;
        break;
    case 2:                                  /* no operation */
        break;
    default:
        c->unsupported++;
        break;
    }
}

static void data_write(struct pic8259_chip *c, uint8_t v)
{
    switch (c->state) {
    case PIC_WAIT_ICW2:
        c->icw2 = v;
        c->state = (c->icw1 & 0x02u) == 0 ? PIC_WAIT_ICW3
                   : (c->icw1 & 0x01u) != 0 ? PIC_WAIT_ICW4 : PIC_READY;
        break;
    case PIC_WAIT_ICW3:
        c->icw3 = v;
        c->state = (c->icw1 & 0x01u) != 0 ? PIC_WAIT_ICW4 : PIC_READY;
        break;
    case PIC_WAIT_ICW4:
        c->icw4 = v;
        c->state = PIC_READY;
        break;
    default:
        c->imr = v;
        return;
    }
    c->initialized = c->state == PIC_READY;
}

static uint32_t port_read(void *dev, uint16_t port, unsigned width)
{
    struct pic8259_model *m = dev;
    (void)width;
    struct pic8259_chip *c = &m->chip[port >= 0xA0 ? 1 : 0];
    if ((port & 1u) != 0) {
        return c->imr;
    }
    return c->read_isr ? c->isr : c->irr;
}

static void port_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct pic8259_model *m = dev;
    (void)width;
    if (port == 0x80) {
        m->delay_writes++;
        return;
    }
    struct pic8259_chip *c = &m->chip[port >= 0xA0 ? 1 : 0];
    if ((port & 1u) != 0) {
        data_write(c, (uint8_t)value);
    } else {
        command_write(c, (uint8_t)value);
    }
}

void pic8259_model_init(struct pic8259_model *m, struct mock_port *p)
{
    memset(m, 0, sizeof *m);
    (void)mock_port_add(p, 0x20, 2, port_read, port_write, m);
    (void)mock_port_add(p, 0xA0, 2, port_read, port_write, m);
    (void)mock_port_add(p, 0x80, 1, NULL, port_write, m);
}

void pic8259_model_raise(struct pic8259_model *m, unsigned irq)
{
    m->chip[irq / 8].irr |= (uint8_t)(1u << (irq % 8));
}

void pic8259_model_lower(struct pic8259_model *m, unsigned irq)
{
    m->chip[irq / 8].irr &= (uint8_t)~(1u << (irq % 8));
}

/* The request a chip would signal: unmasked, and above every in-service level. */
static int pending(const struct pic8259_chip *c, uint8_t extra_irr)
{
    int l = highest((uint8_t)((c->irr | extra_irr) & ~c->imr));
    int s = highest(c->isr);
    return (l >= 0 && (s < 0 || l < s)) ? l : -1;
}

int pic8259_model_ack(struct pic8259_model *m, unsigned *irq_out)
{
    struct pic8259_chip *ma = &m->chip[0];
    struct pic8259_chip *sl = &m->chip[1];
    int sl_level = pending(sl, 0);
    int l = pending(ma, sl_level >= 0 ? (uint8_t)(1u << 2) : 0);
    if (l < 0) {
        return -1;
    }
    ma->irr &= (uint8_t)~(1u << l);
    ma->isr |= (uint8_t)(1u << l);
    if (l == 2 && (ma->icw3 & 0x04u) != 0) {
        sl->irr &= (uint8_t)~(1u << sl_level);
        sl->isr |= (uint8_t)(1u << sl_level);
        *irq_out = 8u + (unsigned)sl_level;
        return (sl->icw2 & 0xF8u) | sl_level;
    }
    *irq_out = (unsigned)l;
    return (ma->icw2 & 0xF8u) | l;
}

int pic8259_model_spurious(struct pic8259_model *m, bool on_slave)
{
    if (on_slave) {
        /* The master saw IR2 and acknowledges it; the slave's request vanished. */
        m->chip[0].isr |= 1u << 2;
        return (m->chip[1].icw2 & 0xF8u) | 7;
    }
    return (m->chip[0].icw2 & 0xF8u) | 7;
}
