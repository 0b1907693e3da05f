/*
 * apic/lapic.c: local APIC detection, mode switching, identification, priority,
 * enable, ISR/TMR/IRR, ESR and the local vector table (SDM Vol. 3A, 11.4-11.12).
 */
#include "apic/lapic.h"

#include "x86_64/registers.h"

/* CPUID.01H feature bits (SDM Vol. 2A, CPUID, the tables "Feature Information
 * Returned in the ECX Register" and "... EDX Register"; their numbers differ
 * between editions and were not checked). */
#define CPUID1_EDX_APIC        (1u << 9)
#define CPUID1_ECX_X2APIC      (1u << 21)
#define CPUID1_ECX_TSC_DEADLINE (1u << 24)

static bool host_has_msr(const struct apic_host *host)
{
    return host != NULL && host->rdmsr != NULL && host->wrmsr != NULL;
}

static enum apic_lapic_mode mode_of(uint64_t apic_base)
{
    bool en = (apic_base & X86_APIC_BASE_ENABLE) != 0;
    bool extd = (apic_base & X86_APIC_BASE_X2APIC) != 0;
    if (en) {
        return extd ? APIC_MODE_X2APIC : APIC_MODE_XAPIC;
    }
    return extd ? APIC_MODE_INVALID : APIC_MODE_DISABLED;
}

static uint64_t with_mode(uint64_t apic_base, enum apic_lapic_mode mode)
{
    uint64_t v = apic_base & ~(X86_APIC_BASE_ENABLE | X86_APIC_BASE_X2APIC);
    if (mode == APIC_MODE_XAPIC || mode == APIC_MODE_X2APIC) {
        v |= X86_APIC_BASE_ENABLE;
    }
    if (mode == APIC_MODE_X2APIC) {
        v |= X86_APIC_BASE_X2APIC;
    }
    return v;
}

enum apic_status apic_lapic_detect(const struct apic_host *host, struct apic_lapic_info *out)
{
    if (host == NULL || out == NULL || host->cpuid == NULL || !host_has_msr(host)) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t r[4];
    host->cpuid(host->ctx, 0, 0, r);
    uint32_t max_leaf = r[0];
    host->cpuid(host->ctx, 1, 0, r);
    out->present = (r[3] & CPUID1_EDX_APIC) != 0;
    out->x2apic_supported = (r[2] & CPUID1_ECX_X2APIC) != 0;
    out->tsc_deadline = (r[2] & CPUID1_ECX_TSC_DEADLINE) != 0;
    out->initial_apic_id = (uint8_t)(r[1] >> 24);
    out->x2apic_id = out->initial_apic_id;
    if (max_leaf >= 0xB) {
        /* Leaf 0xB: EBX[15:0] = 0 means the leaf is not implemented (SDM CPUID). */
        host->cpuid(host->ctx, 0xB, 0, r);
        if ((r[1] & 0xFFFFu) != 0) {
            out->x2apic_id = r[3];
        }
    }
    if (!out->present) {
        out->bsp = false;
        out->mode = APIC_MODE_DISABLED;
        out->base_phys = 0;
        return APIC_NOT_SUPPORTED;
    }
    uint64_t base = host->rdmsr(host->ctx, X86_MSR_APIC_BASE);
    out->bsp = (base & X86_APIC_BASE_BSP) != 0;
    out->mode = mode_of(base);
    out->base_phys = base & X86_APIC_BASE_ADDR_MASK;
    return APIC_OK;
}

enum apic_status apic_lapic_init(struct apic_lapic *l, const struct apic_host *host,
                                 uintptr_t mmio)
{
    if (l == NULL || !host_has_msr(host)) {
        return APIC_INVALID_ARGUMENT;
    }
    l->host = host;
    l->mmio = mmio;
    l->spin_limit = 0;
    l->mode = mode_of(host->rdmsr(host->ctx, X86_MSR_APIC_BASE));
    if (l->mode == APIC_MODE_XAPIC && (mmio == 0 || host->mmio_read32 == NULL ||
                                       host->mmio_write32 == NULL)) {
        return APIC_WRONG_MODE;
    }
    return (l->mode == APIC_MODE_XAPIC || l->mode == APIC_MODE_X2APIC) ? APIC_OK
                                                                       : APIC_WRONG_MODE;
}

bool apic_lapic_transition_allowed(enum apic_lapic_mode from, enum apic_lapic_mode to)
{
    if (from == to) {
        return from != APIC_MODE_INVALID;
    }
    switch (from) {
    case APIC_MODE_DISABLED:
        return to == APIC_MODE_XAPIC;
    case APIC_MODE_XAPIC:
        return to == APIC_MODE_X2APIC || to == APIC_MODE_DISABLED;
    case APIC_MODE_X2APIC:
        return to == APIC_MODE_DISABLED;
    default:
        return false;
    }
}

enum apic_status apic_lapic_set_mode(struct apic_lapic *l, enum apic_lapic_mode target)
{
    if (l == NULL || !host_has_msr(l->host) || (unsigned)target > APIC_MODE_INVALID) {
        return APIC_INVALID_ARGUMENT;
    }
    const struct apic_host *h = l->host;
    if (target == APIC_MODE_INVALID) {
        return APIC_BAD_TRANSITION;
    }
    if (target == APIC_MODE_X2APIC) {
        if (h->cpuid == NULL) {
            return APIC_INVALID_ARGUMENT;
        }
        uint32_t r[4];
        h->cpuid(h->ctx, 1, 0, r);
        if ((r[2] & CPUID1_ECX_X2APIC) == 0) {
            return APIC_NOT_SUPPORTED;
        }
    }
    /* xAPIC mode is reached through the MMIO page: it must be there. */
    if (target == APIC_MODE_XAPIC &&
        (l->mmio == 0 || h->mmio_read32 == NULL || h->mmio_write32 == NULL)) {
        return APIC_INVALID_ARGUMENT;
    }
    uint64_t base = h->rdmsr(h->ctx, X86_MSR_APIC_BASE);
    enum apic_lapic_mode cur = mode_of(base);
    if (cur == APIC_MODE_INVALID) {
        return APIC_BAD_TRANSITION;
    }
    /* At most two steps: through xAPIC (from disabled) or through disabled (from
     * x2APIC back to xAPIC), each one an allowed transition. */
    for (int step = 0; step < 2 && cur != target; step++) {
        enum apic_lapic_mode next = target;
        if (!apic_lapic_transition_allowed(cur, target)) {
            next = (cur == APIC_MODE_DISABLED) ? APIC_MODE_XAPIC : APIC_MODE_DISABLED;
        }
        base = with_mode(base, next);
        h->wrmsr(h->ctx, X86_MSR_APIC_BASE, base);
        cur = next;
    }
    l->mode = mode_of(h->rdmsr(h->ctx, X86_MSR_APIC_BASE));
    return l->mode == target ? APIC_OK : APIC_BAD_TRANSITION;
}

uint32_t apic_lapic_read(const struct apic_lapic *l, uint32_t offset)
{
    if (l->mode == APIC_MODE_X2APIC) {
        return (uint32_t)l->host->rdmsr(l->host->ctx, APIC_X2APIC_MSR(offset));
    }
    return l->host->mmio_read32(l->host->ctx, l->mmio + offset);
}

void apic_lapic_write(const struct apic_lapic *l, uint32_t offset, uint32_t value)
{
    if (l->mode == APIC_MODE_X2APIC) {
        l->host->wrmsr(l->host->ctx, APIC_X2APIC_MSR(offset), value);
    } else {
        l->host->mmio_write32(l->host->ctx, l->mmio + offset, value);
    }
}

uint32_t apic_lapic_id(const struct apic_lapic *l)
{
    uint32_t id = apic_lapic_read(l, APIC_REG_ID);
    /* SDM 11.4.6: xAPIC ID in bits 31:24; x2APIC ID is the whole register (11.12.5.1). */
    return l->mode == APIC_MODE_X2APIC ? id : id >> 24;
}

uint8_t apic_lapic_id8(const struct apic_lapic *l)
{
    return (uint8_t)apic_lapic_id(l);
}

void apic_lapic_version(const struct apic_lapic *l, struct apic_lapic_version *out)
{
    /* SDM Figure 11-7: version 7:0, max LVT entry 23:16, EOI suppression bit 24. */
    uint32_t v = apic_lapic_read(l, APIC_REG_VERSION);
    out->version = (uint8_t)v;
    out->max_lvt = (uint8_t)(v >> 16);
    out->eoi_broadcast_suppression = (v & (1u << 24)) != 0;
}

void apic_lapic_set_tpr(const struct apic_lapic *l, uint8_t tpr)
{
    apic_lapic_write(l, APIC_REG_TPR, tpr);
}

uint8_t apic_lapic_tpr(const struct apic_lapic *l)
{
    return (uint8_t)apic_lapic_read(l, APIC_REG_TPR);
}

uint8_t apic_lapic_ppr(const struct apic_lapic *l)
{
    return (uint8_t)apic_lapic_read(l, APIC_REG_PPR);
}

enum apic_status apic_lapic_enable(const struct apic_lapic *l, uint8_t vector, uint32_t flags)
{
    if ((flags & ~(APIC_SVR_FOCUS_DISABLE | APIC_SVR_EOI_SUPPRESS)) != 0) {
        return APIC_INVALID_ARGUMENT;
    }
    if ((flags & APIC_SVR_EOI_SUPPRESS) != 0) {
        struct apic_lapic_version ver;
        apic_lapic_version(l, &ver);
        if (!ver.eoi_broadcast_suppression) {
            return APIC_NOT_SUPPORTED;
        }
    }
    apic_lapic_write(l, APIC_REG_SVR, APIC_SVR_ENABLE | flags | vector);
    return APIC_OK;
}

void apic_lapic_disable(const struct apic_lapic *l)
{
    apic_lapic_write(l, APIC_REG_SVR, apic_lapic_read(l, APIC_REG_SVR) & ~APIC_SVR_ENABLE);
}

bool apic_lapic_enabled(const struct apic_lapic *l)
{
    return (apic_lapic_read(l, APIC_REG_SVR) & APIC_SVR_ENABLE) != 0;
}

/* The 8 registers of ISR, TMR or IRR sit 0x10 apart (one MSR apart in x2APIC). */
static void read_bank(const struct apic_lapic *l, uint32_t first, uint32_t out[8])
{
    for (uint32_t i = 0; i < 8; i++) {
        out[i] = apic_lapic_read(l, first + i * 0x10u);
    }
}

void apic_lapic_read_isr(const struct apic_lapic *l, uint32_t out[8])
{
    read_bank(l, APIC_REG_ISR0, out);
}

void apic_lapic_read_tmr(const struct apic_lapic *l, uint32_t out[8])
{
    read_bank(l, APIC_REG_TMR0, out);
}

void apic_lapic_read_irr(const struct apic_lapic *l, uint32_t out[8])
{
    read_bank(l, APIC_REG_IRR0, out);
}

uint32_t apic_lapic_read_esr(const struct apic_lapic *l)
{
    /* SDM 11.5.3: a write (of 0; x2APIC faults on non-zero) latches the errors. */
    apic_lapic_write(l, APIC_REG_ESR, 0);
    return apic_lapic_read(l, APIC_REG_ESR) & 0xFFu;
}

enum apic_status apic_lapic_set_logical(const struct apic_lapic *l, uint8_t ldr, uint8_t dfr_model)
{
    if (l->mode != APIC_MODE_XAPIC) {
        return APIC_WRONG_MODE;
    }
    if (dfr_model != 0xFu && dfr_model != 0x0u) {
        return APIC_INVALID_ARGUMENT;
    }
    /* SDM 11.6.2.2: DFR bits 31:28 select the model (1111 flat, 0000 cluster),
     * bits 27:0 are reserved and read as ones (the DFR resets to all ones,
     * 11.12.5.1); LDR bits 31:24 hold the logical APIC ID. */
    apic_lapic_write(l, APIC_REG_DFR, ((uint32_t)dfr_model << 28) | 0x0FFFFFFFu);
    apic_lapic_write(l, APIC_REG_LDR, (uint32_t)ldr << 24);
    return APIC_OK;
}

uint32_t apic_lapic_logical_id(const struct apic_lapic *l)
{
    uint32_t v = apic_lapic_read(l, APIC_REG_LDR);
    return l->mode == APIC_MODE_X2APIC ? v : v >> 24;
}

uint32_t apic_lvt_offset(enum apic_lvt_entry entry)
{
    static const uint32_t offsets[] = {
        [APIC_LVT_TIMER] = APIC_REG_LVT_TIMER,     [APIC_LVT_THERMAL] = APIC_REG_LVT_THERMAL,
        [APIC_LVT_PERFORMANCE] = APIC_REG_LVT_PERF, [APIC_LVT_LINT0] = APIC_REG_LVT_LINT0,
        [APIC_LVT_LINT1] = APIC_REG_LVT_LINT1,     [APIC_LVT_ERROR] = APIC_REG_LVT_ERROR,
        [APIC_LVT_CMCI] = APIC_REG_LVT_CMCI,
    };
    return (unsigned)entry < sizeof offsets / sizeof offsets[0] ? offsets[entry] : 0;
}

static bool delivery_allowed(enum apic_lvt_entry entry, enum apic_lvt_delivery d)
{
    switch (entry) {
    case APIC_LVT_TIMER:
    case APIC_LVT_ERROR:
        return d == APIC_LVT_FIXED; /* no delivery-mode field (Figure 11-8) */
    case APIC_LVT_LINT0:
    case APIC_LVT_LINT1:
        return d == APIC_LVT_FIXED || d == APIC_LVT_SMI || d == APIC_LVT_NMI ||
               d == APIC_LVT_INIT || d == APIC_LVT_EXTINT;
    default: /* thermal, performance, CMCI: INIT and ExtINT are not supported */
        return d == APIC_LVT_FIXED || d == APIC_LVT_SMI || d == APIC_LVT_NMI;
    }
}

enum apic_status apic_lvt_encode(enum apic_lvt_entry entry, const struct apic_lvt *lvt,
                                 uint32_t *value)
{
    if (lvt == NULL || value == NULL || apic_lvt_offset(entry) == 0 ||
        !delivery_allowed(entry, lvt->delivery)) {
        return APIC_INVALID_ARGUMENT;
    }
    bool lint = entry == APIC_LVT_LINT0 || entry == APIC_LVT_LINT1;
    /* Vectors 0-15 are illegal for fixed delivery (SDM 11.5.2, ESR bit 6). A
     * masked entry may keep one (the reset value is vector 0, masked), though
     * 11.5.2 warns the APIC may flag an illegal vector "regardless of whether the
     * mask bit is set"; apic_lapic_read_esr clears such a stale error. */
    if (lvt->delivery == APIC_LVT_FIXED && lvt->vector < 16 && !lvt->masked) {
        return APIC_INVALID_ARGUMENT;
    }
    if ((!lint && (lvt->polarity != APIC_POLARITY_ACTIVE_HIGH ||
                   lvt->trigger != APIC_TRIGGER_EDGE)) ||
        (unsigned)lvt->polarity > 1 || (unsigned)lvt->trigger > 1) {
        return APIC_INVALID_ARGUMENT;
    }
    /* SDM 11.5.1, Trigger Mode: "Software should always set the trigger mode in
     * the LVT LINT1 register to 0 (edge sensitive). Level-sensitive interrupts
     * are not supported for LINT1." */
    if (entry == APIC_LVT_LINT1 && lvt->trigger == APIC_TRIGGER_LEVEL) {
        return APIC_INVALID_ARGUMENT;
    }
    if ((entry != APIC_LVT_TIMER && lvt->timer_mode != APIC_TIMER_ONE_SHOT) ||
        (unsigned)lvt->timer_mode > APIC_TIMER_TSC_DEADLINE) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t v = lvt->vector;
    if (entry != APIC_LVT_TIMER && entry != APIC_LVT_ERROR) {
        v |= (uint32_t)lvt->delivery << APIC_LVT_DELIVERY_SHIFT;
    }
    if (lint) {
        v |= lvt->polarity == APIC_POLARITY_ACTIVE_LOW ? APIC_LVT_ACTIVE_LOW : 0u;
        v |= lvt->trigger == APIC_TRIGGER_LEVEL ? APIC_LVT_LEVEL : 0u;
    }
    v |= lvt->masked ? APIC_LVT_MASKED : 0u;
    if (entry == APIC_LVT_TIMER) {
        v |= (uint32_t)lvt->timer_mode << APIC_LVT_TIMER_MODE_SHIFT;
    }
    *value = v;
    return APIC_OK;
}

void apic_lvt_decode(enum apic_lvt_entry entry, uint32_t value, struct apic_lvt *out)
{
    bool lint = entry == APIC_LVT_LINT0 || entry == APIC_LVT_LINT1;
    bool has_mode = entry != APIC_LVT_TIMER && entry != APIC_LVT_ERROR;
    out->vector = (uint8_t)(value & APIC_LVT_VECTOR_MASK);
    out->delivery = has_mode ? (enum apic_lvt_delivery)((value >> APIC_LVT_DELIVERY_SHIFT) & 7u)
                             : APIC_LVT_FIXED;
    out->polarity = lint && (value & APIC_LVT_ACTIVE_LOW) != 0 ? APIC_POLARITY_ACTIVE_LOW
                                                               : APIC_POLARITY_ACTIVE_HIGH;
    out->trigger = lint && (value & APIC_LVT_LEVEL) != 0 ? APIC_TRIGGER_LEVEL : APIC_TRIGGER_EDGE;
    out->masked = (value & APIC_LVT_MASKED) != 0;
    out->timer_mode = entry == APIC_LVT_TIMER
                          ? (enum apic_timer_mode)((value >> APIC_LVT_TIMER_MODE_SHIFT) & 3u)
                          : APIC_TIMER_ONE_SHOT;
    out->delivery_pending = (value & APIC_LVT_DELIVERY_STATUS) != 0;
    out->remote_irr = lint && (value & APIC_LVT_REMOTE_IRR) != 0;
}

/* Whether this LAPIC implements ENTRY. SDM 11.4.8: max LVT is the number of
 * entries minus one: 3 on the Pentium (4 entries), 4 on the P6 family, 5 on the
 * Pentium 4 and Xeon, 6 from Nehalem on. Which entry each step adds
 * (performance at 4, thermal at 5, CMCI at 6) is inferred from which of those
 * processors have which entry (11.5.1); the SDM states no such mapping, and
 * Linux's clear_local_APIC makes the same three checks. CPUID does not confirm
 * CMCI here: an AMD CPU with max LVT >= 6 would fault on MSR 0x82F in x2APIC
 * mode (a note in another kernel's code, not checked against AMD's manual). */
static enum apic_status entry_present(const struct apic_lapic *l, enum apic_lvt_entry entry)
{
    if (apic_lvt_offset(entry) == 0) {
        return APIC_INVALID_ARGUMENT;
    }
    unsigned need = entry == APIC_LVT_CMCI ? 6u : entry == APIC_LVT_THERMAL ? 5u
                  : entry == APIC_LVT_PERFORMANCE ? 4u : 0u;
    struct apic_lapic_version ver;
    apic_lapic_version(l, &ver);
    return ver.max_lvt >= need ? APIC_OK : APIC_OUT_OF_RANGE;
}

enum apic_status apic_lapic_lvt_set(const struct apic_lapic *l, enum apic_lvt_entry entry,
                                    const struct apic_lvt *lvt)
{
    uint32_t v;
    enum apic_status s = apic_lvt_encode(entry, lvt, &v);
    if (s == APIC_OK) {
        s = entry_present(l, entry);
    }
    if (s == APIC_OK) {
        apic_lapic_write(l, apic_lvt_offset(entry), v);
    }
    return s;
}

enum apic_status apic_lapic_lvt_get(const struct apic_lapic *l, enum apic_lvt_entry entry,
                                    struct apic_lvt *out)
{
    enum apic_status s = out == NULL ? APIC_INVALID_ARGUMENT : entry_present(l, entry);
    if (s == APIC_OK) {
        apic_lvt_decode(entry, apic_lapic_read(l, apic_lvt_offset(entry)), out);
    }
    return s;
}

enum apic_status apic_lapic_lvt_mask(const struct apic_lapic *l, enum apic_lvt_entry entry,
                                     bool masked)
{
    enum apic_status s = entry_present(l, entry);
    if (s == APIC_OK) {
        uint32_t off = apic_lvt_offset(entry);
        /* Bits 12 and 14 are read only; writing back what was read is harmless. */
        uint32_t v = apic_lapic_read(l, off) & ~APIC_LVT_MASKED;
        apic_lapic_write(l, off, v | (masked ? APIC_LVT_MASKED : 0u));
    }
    return s;
}
