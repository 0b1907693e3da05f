/*
 * apic/calibrate.h: measuring a counter's frequency against a reference clock
 * (struct apic_ref_clock in apic/host.h), and the 64-bit arithmetic it needs
 * without libgcc (no __udivdi3 on i686).
 *
 * Method: the measured counter M is read between two reference reads at the
 * start (r0, M0, r0') and at the end (r1, M1, r1') of a window of at least
 * WINDOW_US. The true time between the two reads of M lies between
 * (r1 - r0' - 1) and (r1' - r0 + 1) reference ticks (a counter value r means a
 * time in [r, r + 1) ticks); the estimate uses the middle, so
 *
 *     |error| <= ((r1' - r0) - (r1 - r0') + 2) / 2 / (r1 - r0' - 1)   (bracket + 1 tick)
 *              + 1 / (M1 - M0)                                         (M's own tick)
 *
 * which is what result.error_ppm reports, rounded up. Example: the PM timer
 * (3579545 Hz) over 10 ms with reads taking 1 us: (4 + 4 + 2) / 2 / 35790 =
 * 140 ppm, plus 1 ppm for a 1 GHz counter; a 50 ms window gives 28 ppm. A
 * reference frequency that is not an integer (HPET: 10^15 / period) adds its
 * rounding, below 0.1 ppm above 10 MHz. Interrupts or SMIs inside a bracket
 * widen it and so widen the reported bound, never silently.
 */
#ifndef APIC_CALIBRATE_H
#define APIC_CALIBRATE_H

#include "apic/host.h"

struct apic_calibration {
    uint64_t frequency_hz;  /* measured counter ticks per second */
    uint32_t error_ppm;     /* bound on |measured - true| / true, in parts per million */
    uint64_t ref_ticks;     /* reference ticks the window lasted (midpoint) */
    uint64_t counter_ticks; /* measured counter ticks in the window */
};

/* The counter to measure: READ counts up and wraps at MASK. */
struct apic_counter {
    void *ctx;
    uint64_t (*read)(void *ctx);
    uint64_t mask;
};

/* Measure COUNTER against REF over at least WINDOW_US microseconds (1..10^7).
 * The reference is polled at most SPIN_LIMIT times (0: APIC_DEFAULT_SPIN_LIMIT).
 * APIC_TIMEOUT when the window did not pass within the limit;
 * APIC_CALIBRATION_FAILED when either counter did not advance. */
APIC_MUST_USE enum apic_status apic_calibrate(const struct apic_counter *counter,
                                              const struct apic_ref_clock *ref,
                                              uint32_t window_us, uint32_t spin_limit,
                                              struct apic_calibration *out);

/* floor(a * b / c) for c != 0, exact, and UINT64_MAX when the result does not
 * fit; shifts and subtractions only. */
uint64_t apic_muldiv_u64(uint64_t a, uint64_t b, uint64_t c);

#endif
