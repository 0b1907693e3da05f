/* The 82093AA I/O APIC model (see ioapic_model.h). */
#include "ioapic_model.h"

#include <string.h>

void ioapic_model_init(struct ioapic_model *m, uintptr_t base, uint8_t id, unsigned pins)
{
    memset(m, 0, sizeof *m);
    m->base = base;
    m->id = (uint32_t)(id & 0xFu) << 24;
    m->arb = m->id;   /* 3.2.1/3.2.3: the arbitration ID takes what the ID register gets */
    m->version = 0x11;
    m->pins = pins > IOAPIC_MODEL_MAX_PINS ? IOAPIC_MODEL_MAX_PINS : pins;
    for (unsigned i = 0; i < m->pins; i++) {
        m->redtbl[i][0] = 1u << 16;   /* 3.2.4: the mask bit is set on reset */
    }
}

static uint32_t *entry_word(struct ioapic_model *m, uint8_t index)
{
    if (index < 0x10 || index >= 0x10 + 2 * m->pins) {
        return NULL;
    }
    unsigned pin = (index - 0x10u) / 2;
    return &m->redtbl[pin][(index - 0x10u) & 1u];
}

static uint32_t window_read(struct ioapic_model *m)
{
    uint8_t i = m->ioregsel;
    if (i == 0x00) {
        return m->id;
    }
    if (i == 0x01) {
        return m->version | ((uint32_t)(m->pins - 1) << 16);
    }
    if (i == 0x02) {
        return m->arb;
    }
    uint32_t *w = entry_word(m, i);
    if (w == NULL) {
        m->bad_index++;
        return 0;
    }
    return *w;
}

static void window_write(struct ioapic_model *m, uint32_t value)
{
    uint8_t i = m->ioregsel;
    if (m->log_count < IOAPIC_MODEL_LOG) {
        m->log[m->log_count++] = (struct ioapic_model_write){i, value};
    }
    if (i == 0x00) {
        /* 3.2.1: "same data is loaded into both" the ID and arbitration ID. */
        m->id = value & (0xFu << 24);
        m->arb = m->id;
        return;
    }
    if (i == 0x01 || i == 0x02) {
        return;   /* read only */
    }
    uint32_t *w = entry_word(m, i);
    if (w == NULL) {
        m->bad_index++;
        return;
    }
    if (((i - 0x10u) & 1u) == 0) {
        uint32_t ro = (1u << 12) | (1u << 14);
        *w = (value & ~ro) | (*w & ro);
    } else {
        *w = value & 0xFF000000u;   /* bits 55:32 reserved */
    }
}

static uint32_t model_read(void *ctx, uintptr_t addr)
{
    struct ioapic_model *m = ctx;
    if (m->absent) {
        return 0xFFFFFFFFu;
    }
    if (addr == m->base + 0x10) {
        return window_read(m);
    }
    if (addr == m->base) {
        return m->ioregsel;
    }
    m->bad_access++;
    return 0;
}

static void model_write(void *ctx, uintptr_t addr, uint32_t value)
{
    struct ioapic_model *m = ctx;
    if (m->absent) {
        return;
    }
    if (addr == m->base) {
        m->ioregsel = (uint8_t)value;
    } else if (addr == m->base + 0x10) {
        window_write(m, value);
    } else {
        m->bad_access++;
    }
}

void ioapic_model_host(struct ioapic_model *m, struct apic_host *out)
{
    memset(out, 0, sizeof *out);
    out->ctx = m;
    out->mmio_read32 = model_read;
    out->mmio_write32 = model_write;
}

uint64_t ioapic_model_entry(const struct ioapic_model *m, unsigned pin)
{
    return ((uint64_t)m->redtbl[pin][1] << 32) | m->redtbl[pin][0];
}
