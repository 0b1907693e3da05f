/* The LAPIC timer (apic/lapic_timer.h): its input clock calibrated against the
 * ACPI PM timer, then TIMER_RATE_HZ periodic interrupts counted over an
 * interval the PM timer measures, so the rate holds in the guest's own time
 * whatever the host's speed. Prints the lapic-timer line and its checks. */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include "acpi/hwreg.h"
#include "apic_report.h"

#define TIMER_RATE_HZ 100u
/* Interrupts counted (at TIMER_RATE_HZ: half a second of guest time). */
#define TIMER_COUNT_TICKS 50u
/* The measured rate must lie within this many percent of TIMER_RATE_HZ. */
#define TIMER_TOLERANCE_PERCENT 5u

/* The PM timer as apic/'s reference clock and as a bounded wait. */
struct pm_clock {
    struct acpi_hw_host hw;
    struct acpi_pm_timer timer;
};

void pm_clock_init(struct pm_clock *c, const struct acpi_hw_host *hw,
                   const struct acpi_pm_timer *timer);
/* One raw read (0 on a failed read). */
uint32_t pm_clock_read(const struct pm_clock *c);
/* Waits until DONE(ctx) is true or TIMEOUT_US of PM-timer time passed (or
 * 4 x TIMEOUT_US polls, should the PM timer stop reading), with interrupts
 * enabled; returns with them disabled. Returns DONE(ctx). */
bool pm_clock_wait(const struct pm_clock *c, bool (*done)(void *ctx), void *ctx,
                   uint32_t timeout_us);

void timer_report(const struct apic_report *r, const struct pm_clock *clock);

#endif
