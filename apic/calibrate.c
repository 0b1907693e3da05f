/*
 * apic/calibrate.c: counter calibration against a reference clock, and exact
 * 64x64/64 arithmetic for it (see apic/calibrate.h for the error bound).
 */
#include "apic/calibrate.h"

uint64_t apic_muldiv_u64(uint64_t a, uint64_t b, uint64_t c)
{
    if (c == 0) {
        return UINT64_MAX;
    }
    /* 128-bit product hi:lo from 32-bit halves. */
    uint64_t a_lo = a & 0xFFFFFFFFu;
    uint64_t a_hi = a >> 32;
    uint64_t b_lo = b & 0xFFFFFFFFu;
    uint64_t b_hi = b >> 32;
    uint64_t ll = a_lo * b_lo;
    uint64_t lh = a_lo * b_hi;
    uint64_t hl = a_hi * b_lo;
    uint64_t hh = a_hi * b_hi;
    uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
    uint64_t lo = (ll & 0xFFFFFFFFu) | (mid << 32);
    uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    if (hi >= c) {
        return UINT64_MAX;   /* quotient needs more than 64 bits */
    }
    /* Restoring division of hi:lo by c, one quotient bit per step. */
    uint64_t q = 0;
    for (int i = 63; i >= 0; i--) {
        bool carry = (hi >> 63) != 0;
        hi = (hi << 1) | (lo >> 63);
        lo <<= 1;
        q <<= 1;
        if (carry || hi >= c) {
            hi -= c;
            q |= 1;
        }
    }
    return q;
}

/* A reference reader that accumulates wrapped deltas into 64 bits. */
struct ref_track {
    const struct apic_ref_clock *ref;
    uint64_t last;
    uint64_t total;
};

static uint64_t ref_now(struct ref_track *t)
{
    uint64_t raw = t->ref->read(t->ref->ctx) & t->ref->mask;
    t->total += (raw - t->last) & t->ref->mask;
    t->last = raw;
    return t->total;
}

enum apic_status apic_calibrate(const struct apic_counter *counter,
                                const struct apic_ref_clock *ref, uint32_t window_us,
                                uint32_t spin_limit, struct apic_calibration *out)
{
    if (counter == NULL || counter->read == NULL || ref == NULL || ref->read == NULL ||
        out == NULL || ref->frequency_hz == 0 || ref->mask == 0 ||
        (ref->mask & (ref->mask + 1)) != 0 || counter->mask == 0 || window_us == 0 ||
        window_us > 10000000u) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t limit = spin_limit != 0 ? spin_limit : APIC_DEFAULT_SPIN_LIMIT;
    uint64_t window = apic_muldiv_u64(ref->frequency_hz, window_us, 1000000u);
    if (window < 2) {
        window = 2;
    }
    struct ref_track t = {ref, ref->read(ref->ctx) & ref->mask, 0};
    uint64_t r0 = ref_now(&t);
    uint64_t m0 = counter->read(counter->ctx);
    uint64_t r0b = ref_now(&t);
    uint64_t now = r0b;
    uint32_t polls = 0;
    while (now - r0 < window) {
        if (++polls > limit) {
            return APIC_TIMEOUT;
        }
        now = ref_now(&t);
    }
    uint64_t r1 = ref_now(&t);
    uint64_t m1 = counter->read(counter->ctx);
    uint64_t r1b = ref_now(&t);
    uint64_t ticks = (m1 - m0) & counter->mask;
    if (ticks == 0 || r1 - r0b < 2) {
        return APIC_CALIBRATION_FAILED;
    }
    uint64_t t_min = r1 - r0b - 1;
    uint64_t spread = (r1b - r0) - (r1 - r0b) + 2;   /* = t_max - t_min */
    /* Midpoint time is t_min + spread / 2 ticks; frequency = ticks * f / time,
     * computed with time doubled to stay integral. */
    uint64_t time2 = 2 * t_min + spread;
    out->frequency_hz = apic_muldiv_u64(ticks, 2 * ref->frequency_hz, time2);
    out->ref_ticks = time2 / 2;
    out->counter_ticks = ticks;
    uint64_t ppm = apic_muldiv_u64(spread, 500000u, t_min) + 1 +
                   apic_muldiv_u64(1000000u, 1, ticks) + 1;
    out->error_ppm = ppm > UINT32_MAX ? UINT32_MAX : (uint32_t)ppm;
    return APIC_OK;
}
