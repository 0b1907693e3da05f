/*
 * apic/hpet.c: HPET capabilities, main counter and comparators (IA-PC HPET
 * Specification 1.0a, 2.3 and 2.4).
 */
#include "apic/hpet.h"

#include "apic/calibrate.h"

static uint32_t rd32(const struct apic_hpet *h, uint32_t off)
{
    return h->host->mmio_read32(h->host->ctx, h->base + off);
}

static void wr32(const struct apic_hpet *h, uint32_t off, uint32_t v)
{
    h->host->mmio_write32(h->host->ctx, h->base + off, v);
}

static void wr64(const struct apic_hpet *h, uint32_t off, uint64_t v)
{
    wr32(h, off, (uint32_t)v);
    wr32(h, off + 4, (uint32_t)(v >> 32));
}

enum apic_status apic_hpet_init(struct apic_hpet *h, const struct apic_host *host, uintptr_t base)
{
    if (h == NULL || host == NULL || host->mmio_read32 == NULL || host->mmio_write32 == NULL ||
        base == 0) {
        return APIC_INVALID_ARGUMENT;
    }
    h->host = host;
    h->base = base;
    /* 2.3.4: REV_ID 7:0, NUM_TIM_CAP 12:8, COUNT_SIZE_CAP 13, LEG_RT_CAP 15,
     * VENDOR_ID 31:16, COUNTER_CLK_PERIOD 63:32. */
    uint32_t lo = rd32(h, APIC_HPET_CAPABILITIES);
    uint32_t period = rd32(h, APIC_HPET_CAPABILITIES + 4);
    h->revision = (uint8_t)lo;
    h->num_timers = (uint8_t)(((lo >> 8) & 0x1Fu) + 1);
    h->counter_64bit = (lo & (1u << 13)) != 0;
    h->legacy_capable = (lo & (1u << 15)) != 0;
    h->vendor_id = (uint16_t)(lo >> 16);
    h->period_fs = period;
    /* REV_ID 0 is not checked: real tables copy block IDs with a zero revision
     * (0x00008300), and the period is what the code depends on. */
    if (lo == 0xFFFFFFFFu || period == 0 || period > APIC_HPET_MAX_PERIOD_FS) {
        h->frequency_hz = 0;
        return APIC_BAD_HARDWARE;
    }
    h->frequency_hz = apic_muldiv_u64(1000000000000000u + period / 2, 1, period);
    return APIC_OK;
}

static void config_update(const struct apic_hpet *h, uint32_t clear, uint32_t set)
{
    wr32(h, APIC_HPET_CONFIG, (rd32(h, APIC_HPET_CONFIG) & ~clear) | set);
}

void apic_hpet_enable(const struct apic_hpet *h, bool enable)
{
    config_update(h, APIC_HPET_ENABLE_CNF, enable ? APIC_HPET_ENABLE_CNF : 0u);
}

void apic_hpet_set_counter(const struct apic_hpet *h, uint64_t value)
{
    if (h->counter_64bit) {
        wr64(h, APIC_HPET_COUNTER, value);
    } else {
        wr32(h, APIC_HPET_COUNTER, (uint32_t)value);
    }
}

enum apic_status apic_hpet_legacy_replacement(const struct apic_hpet *h, bool on)
{
    if (!h->legacy_capable) {
        return APIC_NOT_SUPPORTED;
    }
    config_update(h, APIC_HPET_LEG_RT_CNF, on ? APIC_HPET_LEG_RT_CNF : 0u);
    return APIC_OK;
}

uint64_t apic_hpet_counter(const struct apic_hpet *h)
{
    if (!h->counter_64bit) {
        return rd32(h, APIC_HPET_COUNTER);
    }
    if (h->host->mmio_read64 != NULL) {
        return h->host->mmio_read64(h->host->ctx, h->base + APIC_HPET_COUNTER);
    }
    /* High, low, high: a carry from the low half between the reads shows as two
     * different highs; then the pair is read again. */
    uint32_t hi = rd32(h, APIC_HPET_COUNTER + 4);
    uint32_t lo = 0;
    for (int tries = 0; tries < 4; tries++) {
        lo = rd32(h, APIC_HPET_COUNTER);
        uint32_t hi2 = rd32(h, APIC_HPET_COUNTER + 4);
        if (hi2 == hi) {
            break;
        }
        hi = hi2;
    }
    return ((uint64_t)hi << 32) | lo;
}

enum apic_status apic_hpet_timer_caps(const struct apic_hpet *h, unsigned timer,
                                      struct apic_hpet_timer_caps *out)
{
    if (h == NULL || out == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    if (timer >= h->num_timers) {
        return APIC_OUT_OF_RANGE;
    }
    uint32_t lo = rd32(h, APIC_HPET_TIMER_CONFIG(timer));
    out->periodic = (lo & APIC_HPET_TN_PER_INT_CAP) != 0;
    out->comparator_64bit = (lo & APIC_HPET_TN_SIZE_CAP) != 0;
    out->fsb = (lo & APIC_HPET_TN_FSB_INT_DEL_CAP) != 0;
    out->route_cap = rd32(h, APIC_HPET_TIMER_CONFIG(timer) + 4);
    return APIC_OK;
}

/* The configuration word for IRQ on TIMER (type and value-set bits aside), after
 * checking the timer can do it; FSB route written when FSB is asked for. */
static enum apic_status timer_config(const struct apic_hpet *h, unsigned timer,
                                     const struct apic_hpet_irq *irq, bool periodic,
                                     bool force_32, uint64_t value, uint32_t *config)
{
    struct apic_hpet_timer_caps caps;
    enum apic_status s = irq == NULL ? APIC_INVALID_ARGUMENT : apic_hpet_timer_caps(h, timer, &caps);
    if (s != APIC_OK) {
        return s;
    }
    if ((periodic && !caps.periodic) || (irq->fsb && !caps.fsb)) {
        return APIC_NOT_SUPPORTED;
    }
    if (!irq->fsb && (irq->route > 31 || (caps.route_cap & (1u << irq->route)) == 0)) {
        return APIC_NOT_SUPPORTED;
    }
    bool wide = caps.comparator_64bit && !force_32;
    if ((!wide && value > UINT32_MAX) || (unsigned)irq->trigger > 1) {
        return APIC_INVALID_ARGUMENT;
    }
    /* Keep the reserved bits as read; the capability bits (read only) are not
     * written back. */
    uint32_t c = rd32(h, APIC_HPET_TIMER_CONFIG(timer));
    c &= ~(APIC_HPET_TN_PER_INT_CAP | APIC_HPET_TN_SIZE_CAP | APIC_HPET_TN_FSB_INT_DEL_CAP);
    c &= ~(APIC_HPET_TN_INT_TYPE_CNF | APIC_HPET_TN_INT_ENB_CNF | APIC_HPET_TN_TYPE_CNF |
           APIC_HPET_TN_VAL_SET_CNF | APIC_HPET_TN_32MODE_CNF | (0x1Fu << APIC_HPET_TN_INT_ROUTE_SHIFT) |
           APIC_HPET_TN_FSB_EN_CNF);
    c |= APIC_HPET_TN_INT_ENB_CNF;
    c |= irq->trigger == APIC_TRIGGER_LEVEL ? APIC_HPET_TN_INT_TYPE_CNF : 0u;
    c |= (caps.comparator_64bit && force_32) ? APIC_HPET_TN_32MODE_CNF : 0u;
    if (irq->fsb) {
        /* 2.3.10: FSB_INT_VAL in bits 31:0, FSB_INT_ADDR in 63:32. */
        wr32(h, APIC_HPET_TIMER_FSB_ROUTE(timer), irq->fsb_value);
        wr32(h, APIC_HPET_TIMER_FSB_ROUTE(timer) + 4, irq->fsb_address);
        c |= APIC_HPET_TN_FSB_EN_CNF;
    } else {
        c |= (uint32_t)irq->route << APIC_HPET_TN_INT_ROUTE_SHIFT;
    }
    *config = c;
    return APIC_OK;
}

/* Whether TIMER's comparator is written as 64 bits under configuration CONFIG. */
static bool wide_comparator(const struct apic_hpet *h, unsigned timer, uint32_t config)
{
    return (config & APIC_HPET_TN_32MODE_CNF) == 0 &&
           (rd32(h, APIC_HPET_TIMER_CONFIG(timer)) & APIC_HPET_TN_SIZE_CAP) != 0;
}

static void write_comparator(const struct apic_hpet *h, unsigned timer, uint32_t config,
                             uint64_t value)
{
    if (wide_comparator(h, timer, config)) {
        wr64(h, APIC_HPET_TIMER_COMPARATOR(timer), value);
    } else {
        wr32(h, APIC_HPET_TIMER_COMPARATOR(timer), (uint32_t)value);
    }
}

enum apic_status apic_hpet_one_shot(const struct apic_hpet *h, unsigned timer,
                                    const struct apic_hpet_irq *irq, uint64_t deadline,
                                    bool force_32)
{
    uint32_t c;
    enum apic_status s = timer_config(h, timer, irq, false, force_32, deadline, &c);
    if (s != APIC_OK) {
        return s;
    }
    /* Comparator first, with the interrupt still disabled, then the config. */
    wr32(h, APIC_HPET_TIMER_CONFIG(timer), c & ~APIC_HPET_TN_INT_ENB_CNF);
    write_comparator(h, timer, c, deadline);
    wr32(h, APIC_HPET_TIMER_CONFIG(timer), c);
    return APIC_OK;
}

enum apic_status apic_hpet_periodic(const struct apic_hpet *h, unsigned timer,
                                    const struct apic_hpet_irq *irq, uint64_t period,
                                    bool force_32)
{
    uint32_t c;
    if (period == 0) {
        return APIC_INVALID_ARGUMENT;
    }
    enum apic_status s = timer_config(h, timer, irq, true, force_32, period, &c);
    if (s != APIC_OK) {
        return s;
    }
    /* 2.3.9.2.2: with the counter halted, Tn_VAL_SET_CNF lets a comparator write
     * set the accumulator (the first match, now + period); a write without it
     * sets the period. A 64-bit comparator written in 32-bit halves needs the bit
     * set again before the high half: Intel's datasheets give the sequence "set
     * TIMER0_VAL_SET_CNF, lower 32 bits, set TIMER0_VAL_SET_CNF, upper 32 bits"
     * (Pentium Silver/Celeron datasheet vol. 1, doc. 633935, "Periodic Versus
     * Non-Periodic Modes"; Atom E6xx datasheet 11.2.2.1; Atom C2000 datasheet
     * 28.4.1), and QEMU's hw/timer/hpet.c clears the bit after each half write.
     * That the bit clears itself is QEMU's behaviour and the datasheets'
     * implication; the HPET 1.0a text saying so was not found in a stored copy. */
    apic_hpet_enable(h, false);
    uint64_t first = apic_hpet_counter(h) + period;
    uint32_t cfg = c | APIC_HPET_TN_TYPE_CNF;
    uint32_t comparator = APIC_HPET_TIMER_COMPARATOR(timer);
    bool wide = wide_comparator(h, timer, c);
    wr32(h, APIC_HPET_TIMER_CONFIG(timer), cfg | APIC_HPET_TN_VAL_SET_CNF);
    wr32(h, comparator, (uint32_t)first);
    if (wide) {
        wr32(h, APIC_HPET_TIMER_CONFIG(timer), cfg | APIC_HPET_TN_VAL_SET_CNF);
        wr32(h, comparator + 4, (uint32_t)(first >> 32));
    }
    write_comparator(h, timer, c, period);
    apic_hpet_enable(h, true);
    return APIC_OK;
}

enum apic_status apic_hpet_timer_stop(const struct apic_hpet *h, unsigned timer)
{
    if (h == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    if (timer >= h->num_timers) {
        return APIC_OUT_OF_RANGE;
    }
    uint32_t c = rd32(h, APIC_HPET_TIMER_CONFIG(timer)) &
                 ~(APIC_HPET_TN_PER_INT_CAP | APIC_HPET_TN_SIZE_CAP | APIC_HPET_TN_FSB_INT_DEL_CAP);
    wr32(h, APIC_HPET_TIMER_CONFIG(timer), c & ~APIC_HPET_TN_INT_ENB_CNF);
    return APIC_OK;
}

uint32_t apic_hpet_int_status(const struct apic_hpet *h)
{
    return rd32(h, APIC_HPET_INT_STATUS);
}

void apic_hpet_int_clear(const struct apic_hpet *h, uint32_t mask)
{
    wr32(h, APIC_HPET_INT_STATUS, mask);
}

uint64_t apic_hpet_ns_to_ticks(const struct apic_hpet *h, uint64_t ns)
{
    /* ticks = ceil(ns * 10^6 fs / period). */
    uint64_t t = apic_muldiv_u64(ns, 1000000u, h->period_fs);
    if (t != UINT64_MAX && apic_muldiv_u64(t, h->period_fs, 1000000u) < ns) {
        t++;
    }
    return t;
}

static uint64_t hpet_ref_read(void *ctx)
{
    return apic_hpet_counter(ctx);
}

void apic_hpet_ref_clock(const struct apic_hpet *h, struct apic_ref_clock *out)
{
    /* The descriptor keeps a pointer to H: the callback gets it as context. */
    out->ctx = (void *)(uintptr_t)h;
    out->read = hpet_ref_read;
    out->frequency_hz = h->frequency_hz;
    out->mask = h->counter_64bit ? UINT64_MAX : 0xFFFFFFFFu;
}
