/* Fuzz harness: apic/ against hostile hardware.
 *
 * Every value the library reads from the machine (MMIO, MSRs, CPUID, RDTSC, port
 * reads, the reference clock) is the next bytes of the input, zeros once it runs
 * out; writes are dropped. The LAPIC, IPI and start-up, timer calibration, HPET,
 * I/O APIC, 8259 and PIT paths all run with small spin limits: whatever the
 * registers say, every call must return (bounded waits) with a status, without
 * undefined behaviour, and what init accepts must be in range. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apic/apic.h"

int fuzz_one(const uint8_t *data, size_t size);

struct feed {
    const uint8_t *data;
    size_t size;
    size_t pos;
    uint64_t tsc;
};

static uint64_t take(struct feed *f, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++) {
        uint64_t b = f->pos < f->size ? f->data[f->pos++] : 0;
        v |= b << (8 * i);
    }
    return v;
}

static uint32_t rd32(void *ctx, uintptr_t addr) { (void)addr; return (uint32_t)take(ctx, 4); }
static uint64_t rd64(void *ctx, uintptr_t addr) { (void)addr; return take(ctx, 8); }
static void wr32(void *ctx, uintptr_t addr, uint32_t v) { (void)ctx; (void)addr; (void)v; }
static uint64_t rdmsr(void *ctx, uint32_t msr) { (void)msr; return take(ctx, 8); }
static void wrmsr(void *ctx, uint32_t msr, uint64_t v) { (void)ctx; (void)msr; (void)v; }
static uint8_t inb(void *ctx, uint16_t port) { (void)port; return (uint8_t)take(ctx, 1); }
static void outb(void *ctx, uint16_t port, uint8_t v) { (void)ctx; (void)port; (void)v; }
static void delay(void *ctx, uint32_t us) { (void)ctx; (void)us; }

static void cpuid(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
    (void)leaf;
    (void)subleaf;
    for (int i = 0; i < 4; i++) {
        out[i] = (uint32_t)take(ctx, 4);
    }
}

static uint64_t rdtsc(void *ctx)
{
    struct feed *f = ctx;
    f->tsc += take(f, 2);
    return f->tsc;
}

static uint64_t ref_read(void *ctx)
{
    return take(ctx, 4);
}

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* Every status is one of the enum's values. */
static void known(enum apic_status s)
{
    check((unsigned)s <= APIC_CALIBRATION_FAILED);
}

static void run_lapic(const struct apic_host *h, struct feed *f)
{
    struct apic_lapic_info info;
    known(apic_lapic_detect(h, &info));
    struct apic_lapic l;
    enum apic_status s = apic_lapic_init(&l, h, 0xFEE00000u);
    check((unsigned)l.mode <= APIC_MODE_INVALID);
    l.spin_limit = 64;
    if (s == APIC_OK) {
        check(l.mode == APIC_MODE_XAPIC || l.mode == APIC_MODE_X2APIC);
    }
    known(apic_lapic_set_mode(&l, (enum apic_lapic_mode)(take(f, 1) & 3u)));
    if (l.mode != APIC_MODE_XAPIC && l.mode != APIC_MODE_X2APIC) {
        return;
    }
    struct apic_lapic_version ver;
    apic_lapic_version(&l, &ver);
    (void)apic_lapic_id(&l);
    known(apic_lapic_enable(&l, (uint8_t)take(f, 1), (uint32_t)take(f, 2) & 0x1200u));
    (void)apic_lapic_read_esr(&l);
    uint32_t bank[8];
    apic_lapic_read_isr(&l, bank);
    for (int e = 0; e <= APIC_LVT_CMCI; e++) {
        struct apic_lvt lvt;
        if (apic_lapic_lvt_get(&l, (enum apic_lvt_entry)e, &lvt) == APIC_OK) {
            known(apic_lapic_lvt_set(&l, (enum apic_lvt_entry)e, &lvt));
        }
    }
    known(apic_lapic_send_fixed(&l, (uint32_t)take(f, 1), 0x40));
    struct apic_startup st = {.apic_id = (uint32_t)take(f, 1), .trampoline = 0x8000,
                              .init_deassert = (take(f, 1) & 1u) != 0};
    known(apic_lapic_start_ap(&l, &st));
    known(apic_lapic_self_ipi(&l, 0x50));
    unsigned bits = (unsigned)(take(f, 1) % 64u) + 1u;   /* counter width 1..64 */
    struct apic_ref_clock ref = {f, ref_read, take(f, 4),
                                 bits == 64 ? UINT64_MAX : (1ull << bits) - 1u};
    struct apic_calibration cal;
    uint32_t window = (uint32_t)(take(f, 2) % 20000u) + 1u;
    if (apic_lapic_timer_calibrate(&l, &ref, APIC_DIVIDE_16, window, &cal) == APIC_OK) {
        check(cal.counter_ticks > 0);
    }
    known(apic_lapic_timer_tsc_deadline(&l, 0xEC));
    known(apic_lapic_timer_periodic(&l, 0x30, APIC_DIVIDE_1, (uint32_t)take(f, 4) | 1u));
    apic_lapic_timer_stop(&l);
    apic_lapic_eoi(&l);
    uint64_t hz;
    enum apic_freq_source src;
    known(apic_tsc_frequency_cpuid(h, &hz, &src));
}

static void run_hpet(const struct apic_host *h, struct feed *f)
{
    struct apic_hpet hpet;
    if (apic_hpet_init(&hpet, h, 0xFED00000u) != APIC_OK) {
        return;
    }
    check(hpet.period_fs > 0 && hpet.period_fs <= APIC_HPET_MAX_PERIOD_FS);
    check(hpet.num_timers >= 1 && hpet.num_timers <= 32);
    (void)apic_hpet_counter(&hpet);
    struct apic_hpet_irq irq = {.fsb = (take(f, 1) & 1u) != 0, .route = (uint8_t)take(f, 1)};
    unsigned timer = (unsigned)take(f, 1) % 40u;
    known(apic_hpet_one_shot(&hpet, timer, &irq, take(f, 8), (take(f, 1) & 1u) != 0));
    known(apic_hpet_periodic(&hpet, timer, &irq, take(f, 4), (take(f, 1) & 1u) != 0));
    known(apic_hpet_legacy_replacement(&hpet, true));
    (void)apic_hpet_ns_to_ticks(&hpet, take(f, 8));
}

static void run_ioapic(const struct apic_host *h, struct feed *f)
{
    struct apic_ioapic io;
    if (apic_ioapic_init(&io, h, 0xFEC00000u, (uint32_t)take(f, 1)) != APIC_OK) {
        return;
    }
    check(io.entries >= 1 && io.entries <= APIC_IOAPIC_MAX_ENTRIES);
    struct apic_ioapic_redirection r;
    unsigned pin = (unsigned)take(f, 1);
    if (apic_ioapic_get(&io, pin, &r) == APIC_OK) {
        known(apic_ioapic_set(&io, pin, &r));
    }
    known(apic_ioapic_route_gsi(&io, 1, (uint32_t)take(f, 1), APIC_POLARITY_ACTIVE_LOW,
                                APIC_TRIGGER_LEVEL, 0x41, 0));
    apic_ioapic_mask_all(&io);
}

static void run_legacy(const struct apic_host *h, struct feed *f)
{
    known(apic_pic8259_remap(h, 0x20, 0x28, (uint16_t)take(f, 2)));
    (void)apic_pic8259_spurious(h, 7);
    (void)apic_pic8259_spurious(h, 15);
    known(apic_pic8259_eoi(h, (uint8_t)(take(f, 1) % 16u)));
    known(apic_pit_delay_us(h, (uint32_t)take(f, 3), 64));
    struct apic_ref_clock ref;
    if (apic_pit_ref_clock(h, &ref) == APIC_OK) {
        (void)ref.read(ref.ctx);
    }
    (void)apic_pit_read_status(h, 2);
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct feed f = {data, size, 0, 0};
    const struct apic_host h = {
        .ctx = &f, .mmio_read32 = rd32, .mmio_write32 = wr32,
        .mmio_read64 = (size > 0 && (data[0] & 1u) != 0) ? rd64 : NULL,
        .rdmsr = rdmsr, .wrmsr = wrmsr, .cpuid = cpuid, .rdtsc = rdtsc,
        .inb = inb, .outb = outb, .delay_us = delay,
    };
    run_lapic(&h, &f);
    run_hpet(&h, &f);
    run_ioapic(&h, &f);
    run_legacy(&h, &f);
    check(apic_status_str(APIC_TIMEOUT) != NULL);
    return 0;
}
