/* A register-level model of an HPET timer block for host tests (IA-PC HPET
 * Specification 1.0a, 2.3 "Register Definition and Usage Model"), reached through
 * 32-bit MMIO callbacks (and an optional 64-bit read) of the apic library's host.
 *
 * - General capabilities (2.3.4): the 64-bit value the test gives, read only.
 * - General configuration (2.3.5): ENABLE_CNF, LEG_RT_CNF (only when LEG_RT_CAP).
 * - Interrupt status (2.3.6): write 1 to clear.
 * - Main counter (2.3.7): runs from the shared virtual clock while ENABLE_CNF is
 *   set; writable while halted; a 32-bit counter (COUNT_SIZE_CAP 0) has no high
 *   half. Every counter read advances the clock by `read_ns`.
 * - Timer N configuration (2.3.8): writable bits only; Tn_PER_INT_CAP,
 *   Tn_SIZE_CAP, Tn_FSB_INT_DEL_CAP and Tn_INT_ROUTE_CAP from the test;
 *   Tn_TYPE_CNF only with Tn_PER_INT_CAP; a route outside Tn_INT_ROUTE_CAP counts
 *   in `bad_route`; Tn_VAL_SET_CNF reads 0 and is remembered until the next
 *   comparator write.
 * - Comparator (2.3.9, periodic mode 2.3.9.2.2): a 32-bit write with
 *   Tn_VAL_SET_CNF pending sets that half of the comparator (the first match)
 *   and clears the bit, so a 64-bit value written in halves needs it set twice,
 *   as Intel's chipset datasheets say; a write in periodic mode without it sets
 *   that half of the period; in one-shot mode a write sets the comparator.
 *   With Tn_32MODE_CNF or a 32-bit timer, high-half writes are ignored.
 * - FSB route (2.3.10): stored.
 * Every 32-bit write is logged (offset, value); accesses outside the 1 KiB block
 * or unaligned count in `bad_access`. */
#ifndef TESTS_HPET_MODEL_H
#define TESTS_HPET_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apic/host.h"

#define HPET_MODEL_TIMERS 32
#define HPET_MODEL_LOG 512

struct hpet_model_timer {
    uint32_t caps;          /* read-only low bits: 4 PER_INT_CAP, 5 SIZE_CAP, 15 FSB_CAP */
    uint32_t route_cap;
    uint32_t config;        /* writable low bits */
    bool val_set_pending;
    uint64_t comparator;
    uint64_t period;
    uint64_t fsb_route;
};

struct hpet_model_write {
    uint32_t offset;
    uint32_t value;
};

struct hpet_model {
    uintptr_t base;
    uint64_t capabilities;
    uint32_t config;
    uint32_t int_status;
    uint64_t counter_at_start;   /* counter value when last enabled or written */
    uint64_t start_ns;
    uint64_t *now_ns;
    uint64_t own_clock;
    uint32_t read_ns;
    struct hpet_model_timer timers[HPET_MODEL_TIMERS];
    struct hpet_model_write log[HPET_MODEL_LOG];
    size_t log_count;
    size_t bad_access;
    size_t bad_route;
    size_t reads64;
};

/* Capabilities CAPS (low 32 bits: REV_ID, NUM_TIM_CAP, COUNT_SIZE_CAP, LEG_RT_CAP,
 * VENDOR_ID; high 32: period in fs); every timer starts with the caps given
 * (TIMER_CAPS bits 4, 5, 15) and ROUTE_CAP; counter halted at 0. */
void hpet_model_init(struct hpet_model *m, uintptr_t base, uint64_t caps, uint32_t timer_caps,
                     uint32_t route_cap);
/* A host with mmio_read32/mmio_write32 (and mmio_read64 when WITH_READ64). */
void hpet_model_host(struct hpet_model *m, struct apic_host *out, bool with_read64);
uint64_t hpet_model_counter(struct hpet_model *m);
/* Halted counter set to VALUE (test set-up). */
void hpet_model_set_counter(struct hpet_model *m, uint64_t value);

#endif
