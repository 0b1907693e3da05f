/* See timer.h. Intel SDM Vol. 3A 11.5.4 (APIC timer); ACPI 6.5 4.8.3.3 (PM
 * timer, 3.579545 MHz). */
#include "timer.h"

#include "console.h"
#include "x86_64/instructions.h"

#define CALIBRATION_WINDOW_US 20000u
#define TIMER_DIVIDE APIC_DIVIDE_16
/* Bound of the tick count in PM-timer time: twice the expected duration. */
#define TIMER_WAIT_US (2u * 1000000u / TIMER_RATE_HZ * (TIMER_COUNT_TICKS + 1u))

static volatile uint64_t ticks;

static void on_tick(void)
{
    ticks++;
}

void pm_clock_init(struct pm_clock *c, const struct acpi_hw_host *hw,
                   const struct acpi_pm_timer *timer)
{
    c->hw = *hw;
    c->timer = *timer;
}

uint32_t pm_clock_read(const struct pm_clock *c)
{
    uint32_t now = 0;
    if (acpi_pm_timer_read(&c->hw, &c->timer, &now) != ACPI_OK) {
        return 0;
    }
    return now;
}

bool pm_clock_wait(const struct pm_clock *c, bool (*done)(void *ctx), void *ctx,
                   uint32_t timeout_us)
{
    uint32_t last = pm_clock_read(c);
    uint64_t waited = 0;
    /* A second bound for a PM timer that stops reading: each poll is an I/O
     * read of about a microsecond or more, so this is never the shorter one. */
    uint64_t polls_left = (uint64_t)timeout_us * 4u;

    x86_sti();
    while (!done(ctx)) {
        /* Summed in steps, so a wait longer than one counter wrap stays right. */
        uint32_t now = pm_clock_read(c);
        waited += acpi_pm_timer_ticks_to_ns(acpi_pm_timer_elapsed(&c->timer, last, now)) / 1000u;
        last = now;
        if (waited >= timeout_us || polls_left-- == 0) {
            x86_cli();
            return done(ctx);
        }
        x86_pause();
    }
    x86_cli();
    return true;
}

static uint64_t ref_read(void *ctx)
{
    return pm_clock_read(ctx);
}

struct tick_goal {
    uint64_t target;
    uint64_t shown;     /* interrupts drawn as dots so far */
};

/* pm_clock_wait's condition; draws one dot per interrupt as it goes. */
static bool reached(void *ctx)
{
    struct tick_goal *g = ctx;
    uint64_t now = ticks;
    for (; g->shown < now && g->shown < g->target; g->shown++) {
        console_printf(".");
    }
    return now >= g->target;
}

void timer_report(const struct apic_report *r, const struct pm_clock *clock)
{
    const struct apic_lapic *l = &r->lapic;
    struct apic_ref_clock ref = {(void *)(uintptr_t)clock, ref_read, ACPI_PM_TIMER_FREQUENCY_HZ,
                                 clock->timer.mask};
    struct apic_calibration cal;

    enum apic_status st = apic_lapic_timer_calibrate(l, &ref, TIMER_DIVIDE, CALIBRATION_WINDOW_US,
                                                     &cal);
    if (!console_check(st == APIC_OK && cal.frequency_hz > 0, "lapic-timer-calibration",
                       "input clock %llu Hz +- %u ppm over %llu PM-timer ticks, divide %u: %s",
                       (unsigned long long)cal.frequency_hz, cal.error_ppm,
                       (unsigned long long)cal.ref_ticks, (unsigned)TIMER_DIVIDE,
                       apic_status_str(st))) {
        return;
    }
    uint32_t count = apic_timer_count_for_us(cal.frequency_hz / TIMER_DIVIDE,
                                             1000000u / TIMER_RATE_HZ);
    const struct irq_handlers h = {.timer = on_tick};
    apic_set_handlers(&h);
    ticks = 0;
    st = apic_lapic_timer_periodic(l, VECTOR_TIMER, TIMER_DIVIDE, count);
    /* Count from the first interrupt, so the interval spans whole periods. */
    struct tick_goal goal = {1, 0};
    console_printf("timer-interrupts ");
    bool started = st == APIC_OK && pm_clock_wait(clock, reached, &goal, TIMER_WAIT_US);
    uint32_t pm_start = pm_clock_read(clock);
    goal.target = 1 + TIMER_COUNT_TICKS;
    bool counted = started && pm_clock_wait(clock, reached, &goal, TIMER_WAIT_US);
    uint32_t pm_ticks = acpi_pm_timer_elapsed(&clock->timer, pm_start, pm_clock_read(clock));
    uint64_t counted_ticks = ticks - 1;
    apic_lapic_timer_stop(l);
    console_printf("\n");

    /* Rate in millihertz: ticks x PM frequency x 1000 / PM ticks. */
    uint64_t mhz = pm_ticks == 0 ? 0
                                 : apic_muldiv_u64(counted_ticks * 1000u,
                                                   ACPI_PM_TIMER_FREQUENCY_HZ, pm_ticks);
    uint64_t want = (uint64_t)TIMER_RATE_HZ * 1000u;
    uint64_t slack = want * TIMER_TOLERANCE_PERCENT / 100u;
    console_printf("lapic-timer vector=0x%x divide=%u initial_count=%u input_hz=%llu "
                   "error_ppm=%u programmed_hz=%u ticks=%llu pm_ticks=%u rate_mhz=%llu\n",
                   VECTOR_TIMER, (unsigned)TIMER_DIVIDE, count,
                   (unsigned long long)cal.frequency_hz, cal.error_ppm, TIMER_RATE_HZ,
                   (unsigned long long)counted_ticks, pm_ticks, (unsigned long long)mhz);
    console_check(counted && mhz + slack >= want && mhz <= want + slack, "lapic-timer-rate",
                  "%llu interrupts in %llu us of PM-timer time = %llu.%03llu Hz, programmed %u Hz "
                  "+- %u%%: %s",
                  (unsigned long long)counted_ticks,
                  (unsigned long long)(acpi_pm_timer_ticks_to_ns(pm_ticks) / 1000u),
                  (unsigned long long)(mhz / 1000u), (unsigned long long)(mhz % 1000u),
                  TIMER_RATE_HZ, TIMER_TOLERANCE_PERCENT, apic_status_str(st));
}
