/*
 * apic/ioapic.c: 82093AA I/O APIC registers and GSI routing (82093AA datasheet
 * 3.0-3.2; ACPI 6.5 5.2.12.3 for the GSI base).
 */
#include "apic/ioapic.h"

uint32_t apic_ioapic_read(const struct apic_ioapic *io, uint8_t index)
{
    io->host->mmio_write32(io->host->ctx, io->base + APIC_IOAPIC_IOREGSEL, index);
    return io->host->mmio_read32(io->host->ctx, io->base + APIC_IOAPIC_IOWIN);
}

void apic_ioapic_write(const struct apic_ioapic *io, uint8_t index, uint32_t value)
{
    io->host->mmio_write32(io->host->ctx, io->base + APIC_IOAPIC_IOREGSEL, index);
    io->host->mmio_write32(io->host->ctx, io->base + APIC_IOAPIC_IOWIN, value);
}

enum apic_status apic_ioapic_init(struct apic_ioapic *io, const struct apic_host *host,
                                  uintptr_t base, uint32_t gsi_base)
{
    if (io == NULL || host == NULL || host->mmio_read32 == NULL || host->mmio_write32 == NULL ||
        base == 0) {
        return APIC_INVALID_ARGUMENT;
    }
    io->host = host;
    io->base = base;
    io->gsi_base = gsi_base;
    uint32_t ver = apic_ioapic_read(io, APIC_IOAPIC_REG_VER);
    /* 3.2.2: version 7:0, maximum redirection entry 23:16. */
    uint32_t entries = ((ver >> 16) & 0xFFu) + 1u;
    io->version = (uint8_t)ver;
    if (ver == 0xFFFFFFFFu || entries > APIC_IOAPIC_MAX_ENTRIES) {
        io->entries = 0;
        return APIC_BAD_HARDWARE;
    }
    io->entries = (uint8_t)entries;
    io->id = (uint8_t)((apic_ioapic_read(io, APIC_IOAPIC_REG_ID) >> 24) & 0xFu);
    return APIC_OK;
}

enum apic_status apic_ioapic_set_id(struct apic_ioapic *io, uint8_t id)
{
    if (io == NULL || id > 15) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t v = apic_ioapic_read(io, APIC_IOAPIC_REG_ID) & ~(0xFu << 24);
    apic_ioapic_write(io, APIC_IOAPIC_REG_ID, v | ((uint32_t)id << 24));
    io->id = id;
    return APIC_OK;
}

uint8_t apic_ioapic_arbitration_id(const struct apic_ioapic *io)
{
    return (uint8_t)((apic_ioapic_read(io, APIC_IOAPIC_REG_ARB) >> 24) & 0xFu);
}

enum apic_status apic_ioapic_encode(const struct apic_ioapic_redirection *r, uint64_t *value)
{
    if (r == NULL || value == NULL || (unsigned)r->polarity > 1 || (unsigned)r->trigger > 1) {
        return APIC_INVALID_ARGUMENT;
    }
    enum apic_ioapic_delivery d = r->delivery;
    if (d != APIC_IOAPIC_FIXED && d != APIC_IOAPIC_LOWEST_PRIORITY && d != APIC_IOAPIC_SMI &&
        d != APIC_IOAPIC_NMI && d != APIC_IOAPIC_INIT && d != APIC_IOAPIC_EXTINT) {
        return APIC_INVALID_ARGUMENT;
    }
    /* 3.2.4 DELMOD: SMI and ExtINT require edge trigger; NMI and INIT "must be
     * programmed" edge for proper operation (the 82374EB ESC's I/O APIC table
     * words it the same way). Only fixed and lowest priority may be level. */
    if (d != APIC_IOAPIC_FIXED && d != APIC_IOAPIC_LOWEST_PRIORITY &&
        r->trigger != APIC_TRIGGER_EDGE) {
        return APIC_INVALID_ARGUMENT;
    }
    /* 3.2.4 INTVEC: vectors range from 10h to FEh. */
    if ((d == APIC_IOAPIC_FIXED || d == APIC_IOAPIC_LOWEST_PRIORITY) &&
        (r->vector < 0x10u || r->vector > 0xFEu) && !r->masked) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t lo = r->vector | ((uint32_t)d << APIC_IOAPIC_DELIVERY_SHIFT);
    lo |= r->logical ? APIC_IOAPIC_LOGICAL : 0u;
    lo |= r->polarity == APIC_POLARITY_ACTIVE_LOW ? APIC_IOAPIC_ACTIVE_LOW : 0u;
    lo |= r->trigger == APIC_TRIGGER_LEVEL ? APIC_IOAPIC_LEVEL : 0u;
    lo |= r->masked ? APIC_IOAPIC_MASKED : 0u;
    *value = ((uint64_t)r->destination << 56) | lo;
    return APIC_OK;
}

void apic_ioapic_decode(uint64_t value, struct apic_ioapic_redirection *out)
{
    uint32_t lo = (uint32_t)value;
    out->vector = (uint8_t)lo;
    out->delivery = (enum apic_ioapic_delivery)((lo >> APIC_IOAPIC_DELIVERY_SHIFT) & 7u);
    out->logical = (lo & APIC_IOAPIC_LOGICAL) != 0;
    out->polarity = (lo & APIC_IOAPIC_ACTIVE_LOW) != 0 ? APIC_POLARITY_ACTIVE_LOW
                                                       : APIC_POLARITY_ACTIVE_HIGH;
    out->trigger = (lo & APIC_IOAPIC_LEVEL) != 0 ? APIC_TRIGGER_LEVEL : APIC_TRIGGER_EDGE;
    out->masked = (lo & APIC_IOAPIC_MASKED) != 0;
    out->destination = (uint8_t)(value >> 56);
    out->delivery_pending = (lo & APIC_IOAPIC_DELIVERY_STATUS) != 0;
    out->remote_irr = (lo & APIC_IOAPIC_REMOTE_IRR) != 0;
}

enum apic_status apic_ioapic_set(const struct apic_ioapic *io, unsigned pin,
                                 const struct apic_ioapic_redirection *r)
{
    uint64_t v;
    if (io == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    enum apic_status s = apic_ioapic_encode(r, &v);
    if (s != APIC_OK) {
        return s;
    }
    if (pin >= io->entries) {
        return APIC_OUT_OF_RANGE;
    }
    uint8_t index = (uint8_t)APIC_IOAPIC_REG_REDTBL(pin);
    apic_ioapic_write(io, index, (uint32_t)v | APIC_IOAPIC_MASKED);
    apic_ioapic_write(io, (uint8_t)(index + 1u), (uint32_t)(v >> 32));
    apic_ioapic_write(io, index, (uint32_t)v);
    return APIC_OK;
}

enum apic_status apic_ioapic_get(const struct apic_ioapic *io, unsigned pin,
                                 struct apic_ioapic_redirection *out)
{
    if (io == NULL || out == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    if (pin >= io->entries) {
        return APIC_OUT_OF_RANGE;
    }
    uint8_t index = (uint8_t)APIC_IOAPIC_REG_REDTBL(pin);
    uint64_t lo = apic_ioapic_read(io, index);
    uint64_t hi = apic_ioapic_read(io, (uint8_t)(index + 1u));
    apic_ioapic_decode((hi << 32) | lo, out);
    return APIC_OK;
}

static void mask_pin(const struct apic_ioapic *io, unsigned pin, bool masked)
{
    uint8_t index = (uint8_t)APIC_IOAPIC_REG_REDTBL(pin);
    /* Bits 12 and 14 are read only: writing them back changes nothing. */
    uint32_t lo = apic_ioapic_read(io, index) & ~APIC_IOAPIC_MASKED;
    apic_ioapic_write(io, index, lo | (masked ? APIC_IOAPIC_MASKED : 0u));
}

enum apic_status apic_ioapic_mask(const struct apic_ioapic *io, unsigned pin, bool masked)
{
    if (io == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    if (pin >= io->entries) {
        return APIC_OUT_OF_RANGE;
    }
    mask_pin(io, pin, masked);
    return APIC_OK;
}

void apic_ioapic_mask_all(const struct apic_ioapic *io)
{
    for (unsigned pin = 0; pin < io->entries; pin++) {
        mask_pin(io, pin, true);
    }
}

enum apic_status apic_ioapic_find(const struct apic_ioapic *list, size_t count, uint32_t gsi,
                                  size_t *index)
{
    if ((list == NULL && count != 0) || index == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    for (size_t i = 0; i < count; i++) {
        /* gsi - base compared unsigned: a GSI below the base wraps to a large value. */
        if (gsi >= list[i].gsi_base && gsi - list[i].gsi_base < list[i].entries) {
            *index = i;
            return APIC_OK;
        }
    }
    return APIC_NOT_FOUND;
}

enum apic_status apic_ioapic_route_gsi(const struct apic_ioapic *list, size_t count, uint32_t gsi,
                                       enum apic_polarity polarity, enum apic_trigger trigger,
                                       uint8_t vector, uint8_t dest)
{
    size_t i;
    enum apic_status s = apic_ioapic_find(list, count, gsi, &i);
    if (s != APIC_OK) {
        return s;
    }
    struct apic_ioapic_redirection r = {.vector = vector, .delivery = APIC_IOAPIC_FIXED,
                                        .polarity = polarity, .trigger = trigger,
                                        .destination = dest};
    return apic_ioapic_set(&list[i], gsi - list[i].gsi_base, &r);
}
