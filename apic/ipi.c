/*
 * apic/ipi.c: the interrupt command register in both modes and the INIT-SIPI-SIPI
 * sequence (SDM Vol. 3A 11.6.1, 11.12.9, 9.4.4.1; MP spec 1.4 B.4).
 */
#include "apic/ipi.h"

enum apic_status apic_icr_encode(enum apic_lapic_mode mode, const struct apic_ipi *ipi,
                                 uint32_t *low, uint32_t *high)
{
    if (ipi == NULL || low == NULL || high == NULL ||
        (mode != APIC_MODE_XAPIC && mode != APIC_MODE_X2APIC)) {
        return APIC_INVALID_ARGUMENT;
    }
    enum apic_ipi_delivery d = ipi->delivery;
    if (d != APIC_IPI_FIXED && d != APIC_IPI_LOWEST_PRIORITY && d != APIC_IPI_SMI &&
        d != APIC_IPI_NMI && d != APIC_IPI_INIT && d != APIC_IPI_STARTUP) {
        return APIC_INVALID_ARGUMENT;
    }
    if ((unsigned)ipi->dest_mode > 1 || (unsigned)ipi->trigger > 1 ||
        (unsigned)ipi->shorthand > APIC_SHORTHAND_ALL_EXCLUDING_SELF) {
        return APIC_INVALID_ARGUMENT;
    }
    if ((d == APIC_IPI_FIXED || d == APIC_IPI_LOWEST_PRIORITY) && ipi->vector < 16) {
        return APIC_INVALID_ARGUMENT;
    }
    /* De-assert (level 0) exists only as INIT level de-assert, level triggered
     * (SDM 11.6.1: "the level flag must be set to 0 and trigger mode flag to 1").
     * 11.6.1 also says the Pentium 4 and Xeon do not support it; every x2APIC
     * processor is later than those, so x2APIC mode refuses it (11.12.9 itself
     * says nothing about it: an inference, not a quoted rule). */
    if (!ipi->level_assert && (d != APIC_IPI_INIT || ipi->trigger != APIC_TRIGGER_LEVEL ||
                         mode == APIC_MODE_X2APIC)) {
        return APIC_INVALID_ARGUMENT;
    }
    if (mode == APIC_MODE_XAPIC && ipi->destination > 0xFFu) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t v = ipi->vector | ((uint32_t)d << APIC_ICR_DELIVERY_SHIFT) |
                 ((uint32_t)ipi->shorthand << APIC_ICR_SHORTHAND_SHIFT);
    v |= ipi->dest_mode == APIC_DEST_LOGICAL ? APIC_ICR_LOGICAL : 0u;
    v |= ipi->level_assert ? APIC_ICR_ASSERT : 0u;
    v |= ipi->trigger == APIC_TRIGGER_LEVEL ? APIC_ICR_LEVEL : 0u;
    *low = v;
    *high = mode == APIC_MODE_XAPIC ? ipi->destination << 24 : ipi->destination;
    return APIC_OK;
}

static uint32_t spin_limit(const struct apic_lapic *l)
{
    return l->spin_limit != 0 ? l->spin_limit : APIC_DEFAULT_SPIN_LIMIT;
}

/* xAPIC: poll the ICR's delivery status until idle, at most spin_limit reads. */
static bool wait_idle(const struct apic_lapic *l)
{
    for (uint32_t i = 0; i < spin_limit(l); i++) {
        if ((apic_lapic_read(l, APIC_REG_ICR_LOW) & APIC_ICR_SEND_PENDING) == 0) {
            return true;
        }
    }
    return false;
}

enum apic_status apic_lapic_send_ipi(const struct apic_lapic *l, const struct apic_ipi *ipi)
{
    if (l == NULL || l->host == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    if (l->mode != APIC_MODE_XAPIC && l->mode != APIC_MODE_X2APIC) {
        return APIC_WRONG_MODE;
    }
    uint32_t low;
    uint32_t high;
    enum apic_status s = apic_icr_encode(l->mode, ipi, &low, &high);
    if (s != APIC_OK) {
        return s;
    }
    if (l->mode == APIC_MODE_X2APIC) {
        /* One 64-bit write sends (SDM 11.12.9); no delivery status to poll. */
        l->host->wrmsr(l->host->ctx, APIC_X2APIC_MSR(APIC_REG_ICR_LOW),
                       ((uint64_t)high << 32) | low);
        return APIC_OK;
    }
    if (!wait_idle(l)) {
        return APIC_TIMEOUT;
    }
    apic_lapic_write(l, APIC_REG_ICR_HIGH, high);
    apic_lapic_write(l, APIC_REG_ICR_LOW, low);
    return wait_idle(l) ? APIC_OK : APIC_TIMEOUT;
}

static enum apic_status send_simple(const struct apic_lapic *l, uint32_t dest,
                                    enum apic_ipi_delivery d, uint8_t vector)
{
    struct apic_ipi ipi = {.vector = vector, .delivery = d, .dest_mode = APIC_DEST_PHYSICAL,
                           .level_assert = true, .trigger = APIC_TRIGGER_EDGE,
                           .shorthand = APIC_SHORTHAND_NONE, .destination = dest};
    return apic_lapic_send_ipi(l, &ipi);
}

enum apic_status apic_lapic_send_fixed(const struct apic_lapic *l, uint32_t dest, uint8_t vector)
{
    return send_simple(l, dest, APIC_IPI_FIXED, vector);
}

enum apic_status apic_lapic_send_nmi(const struct apic_lapic *l, uint32_t dest)
{
    return send_simple(l, dest, APIC_IPI_NMI, 0);
}

enum apic_status apic_lapic_send_init(const struct apic_lapic *l, uint32_t dest)
{
    return send_simple(l, dest, APIC_IPI_INIT, 0);
}

enum apic_status apic_lapic_send_startup(const struct apic_lapic *l, uint32_t dest, uint8_t page)
{
    return send_simple(l, dest, APIC_IPI_STARTUP, page);
}

enum apic_status apic_lapic_self_ipi(const struct apic_lapic *l, uint8_t vector)
{
    if (l == NULL || l->host == NULL || vector < 16) {
        return APIC_INVALID_ARGUMENT;
    }
    if (l->mode == APIC_MODE_X2APIC) {
        l->host->wrmsr(l->host->ctx, APIC_X2APIC_MSR(APIC_REG_SELF_IPI), vector);
        return APIC_OK;
    }
    struct apic_ipi ipi = {.vector = vector, .delivery = APIC_IPI_FIXED, .level_assert = true,
                           .shorthand = APIC_SHORTHAND_SELF};
    return apic_lapic_send_ipi(l, &ipi);
}

enum apic_status apic_lapic_start_ap(const struct apic_lapic *l, const struct apic_startup *s)
{
    if (l == NULL || s == NULL || l->host == NULL || l->host->delay_us == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    /* The SIPI vector VV starts the AP at 000VV000H, a 4 KiB page in the first
     * megabyte; "Vectors A0-BF are reserved; do not use vectors in this range"
     * (MP spec 1.4 B.4.2; the SDM's 11.6.1 and 9.4.4.1 do not repeat the rule). */
    uint32_t page = s->trampoline >> 12;
    if ((s->trampoline & 0xFFFu) != 0 || s->trampoline >= 0x100000u ||
        (page >= 0xA0u && page <= 0xBFu)) {
        return APIC_INVALID_ARGUMENT;
    }
    if (s->init_deassert && l->mode == APIC_MODE_X2APIC) {
        return APIC_NOT_SUPPORTED;
    }
    struct apic_ipi ipi = {
        .delivery = APIC_IPI_INIT, .dest_mode = APIC_DEST_PHYSICAL, .level_assert = true,
        .trigger = APIC_TRIGGER_EDGE,
        .shorthand = s->broadcast ? APIC_SHORTHAND_ALL_EXCLUDING_SELF : APIC_SHORTHAND_NONE,
        .destination = s->broadcast ? 0 : s->apic_id};
    enum apic_status st = apic_lapic_send_ipi(l, &ipi);
    if (st == APIC_OK && s->init_deassert) {
        /* SDM 11.6.1: INIT level de-assert goes to all processors whatever the
         * destination; software should give the "all including self" shorthand. */
        struct apic_ipi deassert = {.delivery = APIC_IPI_INIT, .level_assert = false,
                                    .trigger = APIC_TRIGGER_LEVEL,
                                    .shorthand = APIC_SHORTHAND_ALL_INCLUDING_SELF};
        st = apic_lapic_send_ipi(l, &deassert);
    }
    if (st != APIC_OK) {
        return st;
    }
    l->host->delay_us(l->host->ctx, s->init_delay_us != 0 ? s->init_delay_us : 10000u);
    ipi.delivery = APIC_IPI_STARTUP;
    ipi.vector = (uint8_t)page;
    for (int i = 0; i < 2 && st == APIC_OK; i++) {
        st = apic_lapic_send_ipi(l, &ipi);
        l->host->delay_us(l->host->ctx, s->sipi_delay_us != 0 ? s->sipi_delay_us : 200u);
    }
    return st;
}
