/*
 * apic/lapic_timer.h: the local APIC timer (SDM Vol. 3A 11.5.4) in one-shot,
 * periodic and TSC-deadline mode with the divide configuration register, its
 * calibration against a reference clock, and the TSC frequency from CPUID leaves
 * 0x15/0x16 (SDM Vol. 2A, CPUID; Vol. 3B 19.7.3) or calibrated the same way.
 *
 * Host callbacks used: those of apic/lapic.h; cpuid (TSC-deadline support,
 * leaves 0x15/0x16); wrmsr (IA32_TSC_DEADLINE); rdtsc (TSC calibration).
 * The error bound of every calibration is the one of apic/calibrate.h.
 */
#ifndef APIC_LAPIC_TIMER_H
#define APIC_LAPIC_TIMER_H

#include "apic/calibrate.h"
#include "apic/lapic.h"

/* Divide configuration (SDM Figure 11-10): the value is the divisor. */
enum apic_timer_divide {
    APIC_DIVIDE_1 = 1, APIC_DIVIDE_2 = 2, APIC_DIVIDE_4 = 4, APIC_DIVIDE_8 = 8,
    APIC_DIVIDE_16 = 16, APIC_DIVIDE_32 = 32, APIC_DIVIDE_64 = 64, APIC_DIVIDE_128 = 128
};

/* The divide configuration register value for DIVIDE (bits 3, 1:0), or
 * APIC_INVALID_ARGUMENT for a value that is not a power of two up to 128. */
APIC_MUST_USE enum apic_status apic_timer_divide_encode(enum apic_timer_divide divide,
                                                        uint32_t *value);

/* Start the timer: VECTOR (16..255), the divider, and the initial count (not 0:
 * a zero count stops the timer; use apic_lapic_timer_stop). The LVT timer entry
 * is written first, then the divider, then the count, which arms it (11.5.4). */
APIC_MUST_USE enum apic_status apic_lapic_timer_one_shot(const struct apic_lapic *l,
                                                         uint8_t vector,
                                                         enum apic_timer_divide divide,
                                                         uint32_t initial_count);
APIC_MUST_USE enum apic_status apic_lapic_timer_periodic(const struct apic_lapic *l,
                                                         uint8_t vector,
                                                         enum apic_timer_divide divide,
                                                         uint32_t initial_count);

/* TSC-deadline mode (SDM 11.5.4.1): APIC_NOT_SUPPORTED without
 * CPUID.01H:ECX[24]. Arm by writing an absolute TSC value; 0 disarms. */
APIC_MUST_USE enum apic_status apic_lapic_timer_tsc_deadline(const struct apic_lapic *l,
                                                             uint8_t vector);
void apic_lapic_tsc_deadline_arm(const struct apic_lapic *l, uint64_t tsc_deadline);

/* Mask the timer entry and write a zero initial count. */
void apic_lapic_timer_stop(const struct apic_lapic *l);
uint32_t apic_lapic_timer_current(const struct apic_lapic *l);

/* The initial count for PERIOD_US at timer frequency HZ (already divided):
 * rounded to nearest, at least 1; UINT32_MAX when it does not fit. */
uint32_t apic_timer_count_for_us(uint64_t hz, uint32_t period_us);

/* Measure the LAPIC timer's input frequency (the bus or core crystal clock,
 * before the divider): runs it masked in one-shot mode from 0xFFFFFFFF with
 * DIVIDE, over WINDOW_US of REF; out->frequency_hz is ticks x divider per
 * second. The timer is left stopped. Statuses of apic_calibrate; APIC_TIMEOUT
 * also when the count ran out within the window (choose a larger divider). */
APIC_MUST_USE enum apic_status apic_lapic_timer_calibrate(const struct apic_lapic *l,
                                                          const struct apic_ref_clock *ref,
                                                          enum apic_timer_divide divide,
                                                          uint32_t window_us,
                                                          struct apic_calibration *out);

/* Where a frequency came from. */
enum apic_freq_source {
    APIC_FREQ_CPUID_15H = 1,  /* crystal Hz x EBX / EAX (exact) */
    APIC_FREQ_CPUID_16H = 2,  /* processor base frequency in MHz (nominal) */
};

/* TSC frequency from CPUID: leaf 0x15 when it names the crystal (ECX != 0) and
 * the ratio (EAX, EBX != 0), else leaf 0x16's base MHz. APIC_NOT_FOUND when
 * neither is there: calibrate with apic_tsc_calibrate. */
APIC_MUST_USE enum apic_status apic_tsc_frequency_cpuid(const struct apic_host *host,
                                                        uint64_t *hz,
                                                        enum apic_freq_source *source);
/* The LAPIC timer's input clock from CPUID 0x15's crystal (SDM 11.5.4: the core
 * crystal clock when leaf 0x15 enumerates the TSC/crystal ratio, EAX and EBX not
 * 0, and ECX gives its frequency); APIC_NOT_FOUND otherwise (the bus clock:
 * calibrate). */
APIC_MUST_USE enum apic_status apic_lapic_timer_frequency_cpuid(const struct apic_host *host,
                                                                uint64_t *hz);

/* Measure the TSC (host->rdtsc) against REF over WINDOW_US. */
APIC_MUST_USE enum apic_status apic_tsc_calibrate(const struct apic_host *host,
                                                  const struct apic_ref_clock *ref,
                                                  uint32_t window_us,
                                                  struct apic_calibration *out);

#endif
