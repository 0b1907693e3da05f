/* A register-level model of one CPU's local APIC for host tests (Intel SDM Vol. 3A
 * chapter 11, "APIC"; chapter 10 in older editions), reached through the apic
 * library's host callbacks: MMIO (xAPIC page at `mmio_base`), RDMSR/WRMSR
 * (IA32_APIC_BASE, the x2APIC MSRs 0x800-0x8FF, IA32_TSC_DEADLINE), CPUID (a table
 * the test fills), RDTSC and delay_us over a virtual clock.
 *
 * What it implements, with the SDM's rules:
 * - IA32_APIC_BASE state machine (11.12.5, Figure 11-27): an illegal transition,
 *   EXTD without CPUID x2APIC support, or a change of the BSP bit (a model
 *   choice, not an SDM rule) counts a #GP and changes nothing. Entering
 *   "disabled" resets the registers to the power-up state (the SDM only says
 *   they are not preserved, 11.12.5.1).
 * - Power-up state (11.4.7.1): LVTs 0x00010000 (masked), SVR 0xFF, DFR all ones.
 * - xAPIC MMIO only in xAPIC mode, MSRs 0x800+ only in x2APIC mode; in x2APIC mode
 *   the registers that do not exist there (0x810 ICR high, 0x80E DFR, 0x809 APR,
 *   0x80C RRD), writes to read-only ones, reads of write-only ones (EOI, SELF
 *   IPI) and non-zero writes to EOI/ESR count #GP (11.12.1.2, Table 11-6).
 * - ID: xAPIC bits 31:24, x2APIC 32 bits; x2APIC LDR derived (11.12.10.2).
 * - ICR: xAPIC high word then the low word sends; delivery status (bit 12) stays
 *   set for `icr_busy_reads` reads (or forever with `icr_stuck`). x2APIC: one
 *   64-bit write. Reserved bits set in a sent ICR count in `reserved_bits`.
 * - ESR: errors in `esr_pending` appear in the ESR on the next write (11.5.3).
 * - LVT: read-only bits 12 and 14 keep the model's values.
 * - Timer: current count from the virtual clock, bus_hz and the divider; one-shot
 *   stops at 0, periodic reloads (11.5.4).
 * Every send, delay, LVT write, EOI, IA32_APIC_BASE write, SELF IPI and TSC-deadline
 * write is logged with the virtual time. */
#ifndef TESTS_APIC_LAPIC_MODEL_H
#define TESTS_APIC_LAPIC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apic/host.h"

#define APIC_LAPIC_MODEL_LOG 512
#define APIC_LAPIC_MODEL_CPUID 16

enum apic_lapic_model_kind {
    LAPIC_EV_ICR = 1,       /* value: 64-bit ICR (xAPIC: high << 32 | low) */
    LAPIC_EV_DELAY,         /* value: microseconds */
    LAPIC_EV_LVT,           /* reg: xAPIC offset; value: what was written */
    LAPIC_EV_EOI,
    LAPIC_EV_APIC_BASE,     /* value: new IA32_APIC_BASE */
    LAPIC_EV_SELF_IPI,      /* value: vector */
    LAPIC_EV_TSC_DEADLINE,  /* value: deadline */
    LAPIC_EV_TIMER,         /* reg: 0x380 or 0x3E0; value written */
};

struct apic_lapic_model_event {
    enum apic_lapic_model_kind kind;
    uint32_t reg;
    uint64_t value;
    bool x2apic;            /* mode at the time */
    uint64_t time_ns;
};

struct apic_lapic_model_cpuid {
    uint32_t leaf, subleaf;
    uint32_t regs[4];
};

struct apic_lapic_model {
    uint32_t regs[0x400 / 4];          /* by xAPIC offset / 4 */
    uint64_t apic_base;
    uint32_t apic_id;                  /* x2APIC ID; xAPIC ID is its low 8 bits */
    uint32_t version;                  /* version register value */
    uintptr_t mmio_base;
    struct apic_lapic_model_cpuid cpuid[APIC_LAPIC_MODEL_CPUID];
    size_t cpuid_count;
    uint64_t tsc_deadline;
    /* virtual time */
    uint64_t *now_ns;                  /* shared clock; points to own_clock by default */
    uint64_t own_clock;
    uint64_t bus_hz;                   /* timer input clock (before the divider) */
    uint64_t tsc_hz;
    uint64_t timer_start_ns;
    uint32_t register_read_ns;         /* each register access advances the clock */
    /* knobs */
    unsigned icr_busy_reads;
    bool icr_stuck;
    uint8_t esr_pending;
    /* observations */
    unsigned icr_pending_left;
    struct apic_lapic_model_event log[APIC_LAPIC_MODEL_LOG];
    size_t log_count;
    size_t gp_faults;
    size_t bad_mmio;                   /* MMIO outside xAPIC mode or the page, misaligned */
    size_t reserved_bits;
    size_t eoi_count;
};

/* Power-up state in xAPIC mode at base 0xFEE00000 (BSP bit as given), ID, version
 * register value; CPUID leaf 0 (max 0xB) and 1 with APIC, x2APIC and TSC-deadline
 * support as given, leaf 0xB naming the x2APIC ID. bus_hz 100 MHz, tsc_hz 2 GHz. */
void apic_lapic_model_init(struct apic_lapic_model *m, uintptr_t mmio_base, uint32_t apic_id,
                           uint32_t version, bool bsp, bool x2apic_capable);
/* Set or replace a CPUID leaf. */
void apic_lapic_model_set_cpuid(struct apic_lapic_model *m, uint32_t leaf, uint32_t subleaf,
                                uint32_t eax, uint32_t ebx, uint32_t ecx, uint32_t edx);
/* A host whose callbacks reach the model (ctx = m); inb/outb/mmio_read64 NULL. */
void apic_lapic_model_host(struct apic_lapic_model *m, struct apic_host *out);
/* Events of one kind, in order, copied to OUT (up to MAX); returns how many exist. */
size_t apic_lapic_model_events(const struct apic_lapic_model *m, enum apic_lapic_model_kind kind,
                               struct apic_lapic_model_event *out, size_t max);

#endif
