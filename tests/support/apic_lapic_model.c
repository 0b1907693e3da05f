/* The local APIC model (see apic_lapic_model.h). */
#include "apic_lapic_model.h"

#include <string.h>

/* Host-only models: 128-bit products keep the clock arithmetic exact. */
__extension__ typedef unsigned __int128 model_u128;

#define MSR_APIC_BASE 0x1Bu
#define MSR_TSC_DEADLINE 0x6E0u
#define BASE_BSP (1ull << 8)
#define BASE_EXTD (1ull << 10)
#define BASE_EN (1ull << 11)

static bool is_x2(const struct apic_lapic_model *m)
{
    return (m->apic_base & (BASE_EN | BASE_EXTD)) == (BASE_EN | BASE_EXTD);
}

static bool is_xapic(const struct apic_lapic_model *m)
{
    return (m->apic_base & (BASE_EN | BASE_EXTD)) == BASE_EN;
}

static void log_event(struct apic_lapic_model *m, enum apic_lapic_model_kind kind, uint32_t reg,
                      uint64_t value)
{
    if (m->log_count < APIC_LAPIC_MODEL_LOG) {
        struct apic_lapic_model_event *e = &m->log[m->log_count++];
        e->kind = kind;
        e->reg = reg;
        e->value = value;
        e->x2apic = is_x2(m);
        e->time_ns = *m->now_ns;
    }
}

/* SDM 11.4.7.1: the state after power-up or after the APIC is disabled. */
static void reset_registers(struct apic_lapic_model *m)
{
    memset(m->regs, 0, sizeof m->regs);
    for (uint32_t off = 0x320; off <= 0x370; off += 0x10) {
        m->regs[off / 4] = 0x00010000u;
    }
    m->regs[0x2F0 / 4] = 0x00010000u;
    m->regs[0x0F0 / 4] = 0xFFu;
    m->regs[0x0E0 / 4] = 0xFFFFFFFFu;
    m->tsc_deadline = 0;
}

void apic_lapic_model_init(struct apic_lapic_model *m, uintptr_t mmio_base, uint32_t apic_id,
                           uint32_t version, bool bsp, bool x2apic_capable)
{
    memset(m, 0, sizeof *m);
    m->now_ns = &m->own_clock;
    m->mmio_base = mmio_base;
    m->apic_id = apic_id;
    m->version = version;
    m->apic_base = 0xFEE00000u | BASE_EN | (bsp ? BASE_BSP : 0);
    m->bus_hz = 100000000u;
    m->tsc_hz = 2000000000u;
    reset_registers(m);
    apic_lapic_model_set_cpuid(m, 0, 0, 0xB, 0x756E6547, 0x6C65746E, 0x49656E69);
    apic_lapic_model_set_cpuid(m, 1, 0, 0x000306A9, (apic_id & 0xFFu) << 24,
                               (x2apic_capable ? 1u << 21 : 0u) | (1u << 24), 1u << 9);
    apic_lapic_model_set_cpuid(m, 0xB, 0, 1, 1, 0x100, apic_id);
}

void apic_lapic_model_set_cpuid(struct apic_lapic_model *m, uint32_t leaf, uint32_t subleaf,
                                uint32_t eax, uint32_t ebx, uint32_t ecx, uint32_t edx)
{
    size_t i = 0;
    while (i < m->cpuid_count && !(m->cpuid[i].leaf == leaf && m->cpuid[i].subleaf == subleaf)) {
        i++;
    }
    if (i == APIC_LAPIC_MODEL_CPUID) {
        return;
    }
    if (i == m->cpuid_count) {
        m->cpuid_count++;
    }
    m->cpuid[i] = (struct apic_lapic_model_cpuid){leaf, subleaf, {eax, ebx, ecx, edx}};
}

static uint32_t divider(const struct apic_lapic_model *m)
{
    uint32_t d = m->regs[0x3E0 / 4];
    uint32_t code = (d & 3u) | ((d >> 1) & 4u);   /* Figure 11-10: bits 3, 1, 0 */
    return code == 7u ? 1u : 2u << code;
}

static uint32_t timer_current(const struct apic_lapic_model *m)
{
    uint32_t initial = m->regs[0x380 / 4];
    if (initial == 0) {
        return 0;
    }
    uint64_t elapsed_ns = *m->now_ns - m->timer_start_ns;
    /* ticks = elapsed * bus_hz / divider / 1e9, kept in 128 bits. */
    model_u128 ticks = (model_u128)elapsed_ns * m->bus_hz / divider(m) / 1000000000u;
    uint32_t mode = (m->regs[0x320 / 4] >> 17) & 3u;
    if (mode == 1) {
        return initial - (uint32_t)(ticks % initial);
    }
    return ticks >= initial ? 0u : initial - (uint32_t)ticks;
}

static uint32_t read_reg(struct apic_lapic_model *m, uint32_t off)
{
    *m->now_ns += m->register_read_ns;
    switch (off) {
    case 0x020:
        return is_x2(m) ? m->apic_id : (m->apic_id & 0xFFu) << 24;
    case 0x030:
        return m->version;
    case 0x300: {
        uint32_t v = m->regs[off / 4] & ~(1u << 12);
        if (m->icr_stuck || m->icr_pending_left > 0) {
            if (m->icr_pending_left > 0) {
                m->icr_pending_left--;
            }
            v |= 1u << 12;
        }
        return v;
    }
    case 0x390:
        return timer_current(m);
    default:
        return m->regs[off / 4];
    }
}

static bool is_lvt(uint32_t off)
{
    return off == 0x2F0 || (off >= 0x320 && off <= 0x370);
}

/* Reserved ICR bits (Figure 11-12; x2APIC Figure 11-28 drops delivery status). */
static void check_icr(struct apic_lapic_model *m, uint64_t icr, bool x2)
{
    uint64_t reserved = (1ull << 13) | (3ull << 16) | (0xFFFull << 20);
    if (x2) {
        reserved |= 1ull << 12;
    } else {
        reserved |= 0x00FFFFFFull << 32;
    }
    if ((icr & reserved) != 0) {
        m->reserved_bits++;
    }
    m->icr_pending_left = m->icr_busy_reads;
}

static void write_reg(struct apic_lapic_model *m, uint32_t off, uint32_t value)
{
    *m->now_ns += m->register_read_ns;
    if (is_lvt(off)) {
        uint32_t ro = (1u << 12) | (1u << 14);
        m->regs[off / 4] = (value & ~ro) | (m->regs[off / 4] & ro);
        log_event(m, LAPIC_EV_LVT, off, value);
        return;
    }
    switch (off) {
    case 0x0B0:
        m->eoi_count++;
        log_event(m, LAPIC_EV_EOI, off, value);
        for (int w = 7; w >= 0; w--) {   /* clear the highest in-service vector */
            uint32_t *isr = &m->regs[(0x100 + 0x10 * (uint32_t)w) / 4];
            if (*isr != 0) {
                *isr &= ~(1u << (31 - __builtin_clz(*isr)));
                break;
            }
        }
        return;
    case 0x280:
        m->regs[off / 4] = m->esr_pending;
        m->esr_pending = 0;
        return;
    case 0x300: {
        m->regs[off / 4] = value;
        uint64_t icr = ((uint64_t)m->regs[0x310 / 4] << 32) | value;
        check_icr(m, icr, false);
        log_event(m, LAPIC_EV_ICR, off, icr);
        return;
    }
    case 0x380:
        m->regs[off / 4] = value;
        m->timer_start_ns = *m->now_ns;
        log_event(m, LAPIC_EV_TIMER, off, value);
        return;
    case 0x3E0:
        m->regs[off / 4] = value & 0xBu;
        log_event(m, LAPIC_EV_TIMER, off, value);
        return;
    case 0x0E0:
        m->regs[off / 4] = value | 0x0FFFFFFFu;
        return;
    default:
        m->regs[off / 4] = value;
        return;
    }
}

static bool xapic_register_exists(uint32_t off)
{
    return off == 0x020 || off == 0x030 || (off >= 0x080 && off <= 0x0F0) ||
           (off >= 0x100 && off <= 0x280) || (off >= 0x2F0 && off <= 0x390) || off == 0x3E0;
}

static uint32_t model_mmio_read32(void *ctx, uintptr_t addr)
{
    struct apic_lapic_model *m = ctx;
    uintptr_t off = addr - m->mmio_base;
    if (!is_xapic(m) || addr < m->mmio_base || off >= 0x400 || (off & 0xF) != 0 ||
        !xapic_register_exists((uint32_t)off)) {
        m->bad_mmio++;
        return 0;
    }
    return read_reg(m, (uint32_t)off);
}

static void model_mmio_write32(void *ctx, uintptr_t addr, uint32_t value)
{
    struct apic_lapic_model *m = ctx;
    uintptr_t off = addr - m->mmio_base;
    if (!is_xapic(m) || addr < m->mmio_base || off >= 0x400 || (off & 0xF) != 0 ||
        !xapic_register_exists((uint32_t)off)) {
        m->bad_mmio++;
        return;
    }
    write_reg(m, (uint32_t)off, value);
}

/* Registers of Table 11-6 (x2APIC MSRs) as xAPIC offsets, and which are writable. */
static bool x2_exists(uint32_t off, bool write)
{
    switch (off) {
    case 0x020: case 0x030: case 0x0A0: case 0x0D0: case 0x390:
        return !write;
    case 0x0B0:   /* EOI: write only (Table 11-6) */
        return write;
    case 0x080: case 0x0F0: case 0x280: case 0x2F0: case 0x300:
    case 0x320: case 0x330: case 0x340: case 0x350: case 0x360: case 0x370:
    case 0x380: case 0x3E0:
        return true;
    case 0x3F0:
        return write;
    default:
        return !write && off >= 0x100 && off <= 0x270;
    }
}

static enum { LM_DISABLED, LM_XAPIC, LM_X2APIC, LM_INVALID } state_of(uint64_t base)
{
    bool en = (base & BASE_EN) != 0;
    bool extd = (base & BASE_EXTD) != 0;
    return en ? (extd ? LM_X2APIC : LM_XAPIC) : (extd ? LM_INVALID : LM_DISABLED);
}

static bool cpuid_x2apic(const struct apic_lapic_model *m)
{
    for (size_t i = 0; i < m->cpuid_count; i++) {
        if (m->cpuid[i].leaf == 1) {
            return (m->cpuid[i].regs[2] & (1u << 21)) != 0;
        }
    }
    return false;
}

static void write_apic_base(struct apic_lapic_model *m, uint64_t value)
{
    int from = state_of(m->apic_base);
    int to = state_of(value);
    /* SDM 11.12.5.1: disabled -> xAPIC; xAPIC -> x2APIC or disabled; x2APIC ->
     * disabled. Anything else (and the invalid state) faults. Bits 7:0 and 9 are
     * reserved (11.4.4). A changed BSP bit also counts as a fault here: the SDM
     * does not say that it faults (the model is stricter, so that a library that
     * touches the bit is caught). */
    bool ok = from == to || (from == LM_DISABLED && to == LM_XAPIC) ||
              (from == LM_XAPIC && (to == LM_X2APIC || to == LM_DISABLED)) ||
              (from == LM_X2APIC && to == LM_DISABLED);
    if (to == LM_INVALID || (to == LM_X2APIC && !cpuid_x2apic(m)) ||
        ((value ^ m->apic_base) & BASE_BSP) != 0 || (value & 0x2FFull) != 0) {
        ok = false;
    }
    if (!ok) {
        m->gp_faults++;
        return;
    }
    m->apic_base = value;
    log_event(m, LAPIC_EV_APIC_BASE, MSR_APIC_BASE, value);
    if (to == LM_DISABLED) {
        reset_registers(m);
    }
    if (from == LM_XAPIC && to == LM_X2APIC) {
        /* 11.12.10.2: logical x2APIC ID = cluster (ID[19:4]) << 16 | 1 << ID[3:0]. */
        m->regs[0x0D0 / 4] = ((m->apic_id >> 4) << 16) | (1u << (m->apic_id & 0xFu));
    }
}

static uint64_t model_rdmsr(void *ctx, uint32_t msr)
{
    struct apic_lapic_model *m = ctx;
    if (msr == MSR_APIC_BASE) {
        return m->apic_base;
    }
    if (msr == MSR_TSC_DEADLINE) {
        return m->tsc_deadline;
    }
    uint32_t off = (msr - 0x800u) << 4;
    if (!is_x2(m) || msr < 0x800u || msr > 0x8FFu || !x2_exists(off, false)) {
        m->gp_faults++;
        return 0;
    }
    if (off == 0x300) {
        return ((uint64_t)m->regs[0x310 / 4] << 32) | m->regs[0x300 / 4];
    }
    return read_reg(m, off);
}

static void model_wrmsr(void *ctx, uint32_t msr, uint64_t value)
{
    struct apic_lapic_model *m = ctx;
    if (msr == MSR_APIC_BASE) {
        write_apic_base(m, value);
        return;
    }
    if (msr == MSR_TSC_DEADLINE) {
        m->tsc_deadline = value;
        log_event(m, LAPIC_EV_TSC_DEADLINE, 0, value);
        return;
    }
    uint32_t off = (msr - 0x800u) << 4;
    if (!is_x2(m) || msr < 0x800u || msr > 0x8FFu || !x2_exists(off, true)) {
        m->gp_faults++;
        return;
    }
    /* EOI and ESR take only 0; the high half of 32-bit registers is reserved. */
    if (((off == 0x0B0 || off == 0x280) && value != 0) || (off != 0x300 && (value >> 32) != 0)) {
        m->gp_faults++;
        return;
    }
    if (off == 0x300) {
        m->regs[0x310 / 4] = (uint32_t)(value >> 32);
        m->regs[0x300 / 4] = (uint32_t)value;
        check_icr(m, value, true);
        log_event(m, LAPIC_EV_ICR, off, value);
        return;
    }
    if (off == 0x3F0) {
        /* SELF IPI: vector in bits 7:0, the rest reserved (11.12.11). */
        if ((value & ~0xFFull) != 0) {
            m->gp_faults++;
            return;
        }
        m->regs[(0x200 + 0x10 * ((uint32_t)value >> 5)) / 4] |= 1u << (value & 31u);
        log_event(m, LAPIC_EV_SELF_IPI, off, value);
        return;
    }
    write_reg(m, off, (uint32_t)value);
}

static void model_cpuid(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
    struct apic_lapic_model *m = ctx;
    memset(out, 0, 4 * sizeof out[0]);
    for (size_t i = 0; i < m->cpuid_count; i++) {
        if (m->cpuid[i].leaf == leaf && (m->cpuid[i].subleaf == subleaf || leaf < 4)) {
            memcpy(out, m->cpuid[i].regs, sizeof m->cpuid[i].regs);
            return;
        }
    }
}

static uint64_t model_rdtsc(void *ctx)
{
    struct apic_lapic_model *m = ctx;
    *m->now_ns += 20;   /* RDTSC itself takes time */
    return (uint64_t)((model_u128)*m->now_ns * m->tsc_hz / 1000000000u);
}

static void model_delay(void *ctx, uint32_t us)
{
    struct apic_lapic_model *m = ctx;
    log_event(m, LAPIC_EV_DELAY, 0, us);
    *m->now_ns += (uint64_t)us * 1000u;
}

void apic_lapic_model_host(struct apic_lapic_model *m, struct apic_host *out)
{
    memset(out, 0, sizeof *out);
    out->ctx = m;
    out->mmio_read32 = model_mmio_read32;
    out->mmio_write32 = model_mmio_write32;
    out->rdmsr = model_rdmsr;
    out->wrmsr = model_wrmsr;
    out->cpuid = model_cpuid;
    out->rdtsc = model_rdtsc;
    out->delay_us = model_delay;
}

size_t apic_lapic_model_events(const struct apic_lapic_model *m, enum apic_lapic_model_kind kind,
                               struct apic_lapic_model_event *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < m->log_count; i++) {
        if (m->log[i].kind == kind) {
            if (n < max) {
                out[n] = m->log[i];
            }
            n++;
        }
    }
    return n;
}
