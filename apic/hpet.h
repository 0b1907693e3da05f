/*
 * apic/hpet.h: the HPET register block (IA-PC HPET Specification 1.0a, 2.3):
 * capabilities, main counter, comparators in one-shot and periodic mode, FSB
 * (MSI) delivery and the legacy replacement route. acpi/ finds the block (the
 * HPET table's base address); this file drives the registers.
 *
 * The block is 1 KiB of MMIO at the kernel's virtual address BASE; registers are
 * 64 bits wide and accessed as two 32-bit halves (low first) through
 * host->mmio_read32/mmio_write32, which is allowed by spec 2.3.1 and works on
 * i686. The main counter uses host->mmio_read64 when given (one access) and else
 * the hi-lo-hi rule (a 32-bit reader must detect the carry between the halves).
 *
 * Offsets and bits agree with Linux's asm/hpet.h and QEMU's hpet.c. Section
 * numbers: 2.3.9.2.1/2.3.9.2.2 (non-periodic/periodic) as Intel's datasheets
 * cite them; the others (2.3.4-2.3.10) were not seen in a readable copy.
 */
#ifndef APIC_HPET_H
#define APIC_HPET_H

#include "apic/host.h"

/* Register offsets (HPET spec 2.3.1, the memory-mapped register space). */
#define APIC_HPET_CAPABILITIES 0x000u
#define APIC_HPET_CONFIG       0x010u
#define APIC_HPET_INT_STATUS   0x020u
#define APIC_HPET_COUNTER      0x0F0u
#define APIC_HPET_TIMER_CONFIG(n)     (0x100u + 0x20u * (n))
#define APIC_HPET_TIMER_COMPARATOR(n) (0x108u + 0x20u * (n))
#define APIC_HPET_TIMER_FSB_ROUTE(n)  (0x110u + 0x20u * (n))

/* General configuration (2.3.5). */
#define APIC_HPET_ENABLE_CNF (1u << 0)
#define APIC_HPET_LEG_RT_CNF (1u << 1)

/* Timer N configuration and capabilities (2.3.8). */
#define APIC_HPET_TN_INT_TYPE_CNF   (1u << 1)   /* 1: level */
#define APIC_HPET_TN_INT_ENB_CNF    (1u << 2)
#define APIC_HPET_TN_TYPE_CNF       (1u << 3)   /* 1: periodic */
#define APIC_HPET_TN_PER_INT_CAP    (1u << 4)
#define APIC_HPET_TN_SIZE_CAP       (1u << 5)   /* 1: 64-bit comparator */
#define APIC_HPET_TN_VAL_SET_CNF    (1u << 6)
#define APIC_HPET_TN_32MODE_CNF     (1u << 8)
#define APIC_HPET_TN_INT_ROUTE_SHIFT 9          /* bits 13:9 */
#define APIC_HPET_TN_FSB_EN_CNF     (1u << 14)
#define APIC_HPET_TN_FSB_INT_DEL_CAP (1u << 15)

/* The period may not exceed 100 ns (0x05F5E100 fs, 2.3.4). */
#define APIC_HPET_MAX_PERIOD_FS 100000000u

struct apic_hpet {
    const struct apic_host *host;
    uintptr_t base;
    uint32_t period_fs;       /* COUNTER_CLK_PERIOD */
    uint64_t frequency_hz;    /* 10^15 / period, rounded to nearest */
    uint16_t vendor_id;
    uint8_t revision;
    uint8_t num_timers;       /* NUM_TIM_CAP + 1 */
    bool counter_64bit;       /* COUNT_SIZE_CAP */
    bool legacy_capable;      /* LEG_RT_CAP */
};

struct apic_hpet_timer_caps {
    bool periodic;            /* Tn_PER_INT_CAP */
    bool comparator_64bit;    /* Tn_SIZE_CAP */
    bool fsb;                 /* Tn_FSB_INT_DEL_CAP */
    uint32_t route_cap;       /* Tn_INT_ROUTE_CAP: bit k set = I/O APIC input k allowed */
};

/* How a comparator interrupts: through I/O APIC input ROUTE (0..31, allowed by
 * route_cap), or as an FSB message (FSB_ADDRESS/FSB_VALUE, an MSI address and
 * data). Legacy replacement overrides the route of timers 0 and 1. */
struct apic_hpet_irq {
    bool fsb;
    uint8_t route;
    enum apic_trigger trigger;   /* level needs the status bit cleared by the handler */
    uint32_t fsb_address;
    uint32_t fsb_value;
};

/* Read the capabilities. APIC_BAD_HARDWARE when the block reads all ones or the
 * period is 0 or above 100 ns (2.3.4). */
APIC_MUST_USE enum apic_status apic_hpet_init(struct apic_hpet *h, const struct apic_host *host,
                                              uintptr_t base);

/* Start / halt the main counter (ENABLE_CNF); set the counter while halted. */
void apic_hpet_enable(const struct apic_hpet *h, bool enable);
void apic_hpet_set_counter(const struct apic_hpet *h, uint64_t value);
/* Legacy replacement (LEG_RT_CNF, 2.3.5): timer 0 to IRQ0 of the 8259 and
 * input 2 of the I/O APIC, timer 1 to IRQ8. APIC_NOT_SUPPORTED without LEG_RT_CAP. */
APIC_MUST_USE enum apic_status apic_hpet_legacy_replacement(const struct apic_hpet *h, bool on);

/* The main counter. A 32-bit counter reads as its 32 bits; a 64-bit one with a
 * single read (host->mmio_read64) or high, low, high again until both highs
 * agree (at most 4 tries: a carry happens at most once per 2^32 ticks). */
uint64_t apic_hpet_counter(const struct apic_hpet *h);

APIC_MUST_USE enum apic_status apic_hpet_timer_caps(const struct apic_hpet *h, unsigned timer,
                                                    struct apic_hpet_timer_caps *out);

/* One-shot: interrupt when the counter reaches DEADLINE (absolute ticks).
 * Periodic (Tn_PER_INT_CAP): every PERIOD ticks, first at now + PERIOD, set with
 * Tn_VAL_SET_CNF (before each 32-bit half, as Intel's chipset datasheets
 * require) while the counter is halted (2.3.9.2.2), then the period written
 * without it; the counter is restarted. FORCE_32 uses 32-bit mode on a 64-bit
 * comparator (Tn_32MODE_CNF).
 * APIC_OUT_OF_RANGE for a timer beyond num_timers; APIC_NOT_SUPPORTED for
 * periodic, FSB or a route the timer lacks; APIC_INVALID_ARGUMENT for a value
 * too wide for a 32-bit comparator or a period of 0. */
APIC_MUST_USE enum apic_status apic_hpet_one_shot(const struct apic_hpet *h, unsigned timer,
                                                  const struct apic_hpet_irq *irq,
                                                  uint64_t deadline, bool force_32);
APIC_MUST_USE enum apic_status apic_hpet_periodic(const struct apic_hpet *h, unsigned timer,
                                                  const struct apic_hpet_irq *irq,
                                                  uint64_t period, bool force_32);
/* Disable timer's interrupt (Tn_INT_ENB_CNF = 0). */
APIC_MUST_USE enum apic_status apic_hpet_timer_stop(const struct apic_hpet *h, unsigned timer);
/* Level-triggered status: read the bits, and clear the ones in MASK (write 1). */
uint32_t apic_hpet_int_status(const struct apic_hpet *h);
void apic_hpet_int_clear(const struct apic_hpet *h, uint32_t mask);

/* Ticks for NS nanoseconds at this HPET's period (rounded up). */
uint64_t apic_hpet_ns_to_ticks(const struct apic_hpet *h, uint64_t ns);

/* A reference clock (apic/host.h) over the main counter: frequency_hz rounded
 * from the period, mask by counter size. H must outlive OUT. */
void apic_hpet_ref_clock(const struct apic_hpet *h, struct apic_ref_clock *out);

#endif
