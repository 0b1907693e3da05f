/* The HPET model (see hpet_model.h). */
#include "hpet_model.h"

#include <string.h>

/* Host-only models: 128-bit products keep the clock arithmetic exact. */
__extension__ typedef unsigned __int128 model_u128;

#define CFG_ENABLE 1u
#define CFG_LEGACY 2u

static bool counter64(const struct hpet_model *m)
{
    return (m->capabilities & (1u << 13)) != 0;
}

static unsigned num_timers(const struct hpet_model *m)
{
    return (unsigned)((m->capabilities >> 8) & 0x1Fu) + 1u;
}

void hpet_model_init(struct hpet_model *m, uintptr_t base, uint64_t caps, uint32_t timer_caps,
                     uint32_t route_cap)
{
    memset(m, 0, sizeof *m);
    m->base = base;
    m->capabilities = caps;
    m->now_ns = &m->own_clock;
    m->read_ns = 100;
    for (unsigned i = 0; i < HPET_MODEL_TIMERS; i++) {
        m->timers[i].caps = timer_caps & ((1u << 4) | (1u << 5) | (1u << 15));
        m->timers[i].route_cap = route_cap;
        m->timers[i].comparator = (timer_caps & (1u << 5)) ? UINT64_MAX : 0xFFFFFFFFu;
    }
}

uint64_t hpet_model_counter(struct hpet_model *m)
{
    uint64_t v = m->counter_at_start;
    if ((m->config & CFG_ENABLE) != 0) {
        uint32_t period_fs = (uint32_t)(m->capabilities >> 32);
        v += (uint64_t)((model_u128)(*m->now_ns - m->start_ns) * 1000000u / period_fs);
    }
    return counter64(m) ? v : (v & 0xFFFFFFFFu);
}

void hpet_model_set_counter(struct hpet_model *m, uint64_t value)
{
    m->counter_at_start = value;
    m->start_ns = *m->now_ns;
}

static void log_write(struct hpet_model *m, uint32_t off, uint32_t value)
{
    if (m->log_count < HPET_MODEL_LOG) {
        m->log[m->log_count++] = (struct hpet_model_write){off, value};
    }
}

/* Writable configuration bits of timer T (2.3.8). */
static uint32_t writable(const struct hpet_model_timer *t)
{
    uint32_t w = (1u << 1) | (1u << 2) | (1u << 6) | (0x1Fu << 9);
    w |= (t->caps & (1u << 4)) ? (1u << 3) : 0u;
    w |= (t->caps & (1u << 5)) ? (1u << 8) : 0u;
    w |= (t->caps & (1u << 15)) ? (1u << 14) : 0u;
    return w;
}

static bool narrow(const struct hpet_model_timer *t)
{
    return (t->caps & (1u << 5)) == 0 || (t->config & (1u << 8)) != 0;
}

/* Each 32-bit half is its own write. With Tn_VAL_SET_CNF pending a write goes to
 * the comparator (the accumulator) and consumes the bit (Intel's datasheets set
 * it again before the other half: Pentium Silver/Celeron vol. 1 "Periodic Versus
 * Non-Periodic Modes", Atom C2000 28.4.1; QEMU's hpet.c clears it after each
 * half); without it, in periodic mode, it sets that half of the period; in
 * one-shot mode the comparator. (QEMU's low-half write with the bit also sets the
 * period; the library writes the period afterwards, so the two agree on it.) */
static void comparator_write(struct hpet_model_timer *t, bool high, uint32_t value)
{
    if (high && narrow(t)) {
        return;
    }
    bool periodic = (t->config & (1u << 3)) != 0;
    uint64_t *target = (periodic && !t->val_set_pending) ? &t->period : &t->comparator;
    if (high) {
        *target = (*target & 0xFFFFFFFFu) | ((uint64_t)value << 32);
    } else {
        *target = narrow(t) ? value : ((*target & ~0xFFFFFFFFull) | value);
    }
    t->val_set_pending = false;
}

static uint32_t model_read(void *ctx, uintptr_t addr)
{
    struct hpet_model *m = ctx;
    uintptr_t off = addr - m->base;
    if (addr < m->base || off >= 0x400 || (off & 3u) != 0) {
        m->bad_access++;
        return 0;
    }
    bool high = (off & 4u) != 0;
    uintptr_t reg = off & ~(uintptr_t)7u;
    if (reg == 0x000) {
        return high ? (uint32_t)(m->capabilities >> 32) : (uint32_t)m->capabilities;
    }
    if (reg == 0x010) {
        return high ? 0 : m->config;
    }
    if (reg == 0x020) {
        return high ? 0 : m->int_status;
    }
    if (reg == 0x0F0) {
        *m->now_ns += m->read_ns;
        uint64_t c = hpet_model_counter(m);
        return high ? (counter64(m) ? (uint32_t)(c >> 32) : 0u) : (uint32_t)c;
    }
    if (reg >= 0x100 && (reg - 0x100) / 0x20 < num_timers(m)) {
        struct hpet_model_timer *t = &m->timers[(reg - 0x100) / 0x20];
        switch ((reg - 0x100) % 0x20) {
        case 0x00:
            return high ? t->route_cap : (t->config | t->caps);
        case 0x08:
            return high ? (uint32_t)(t->comparator >> 32) : (uint32_t)t->comparator;
        default:
            return high ? (uint32_t)(t->fsb_route >> 32) : (uint32_t)t->fsb_route;
        }
    }
    return 0;
}

static void model_write(void *ctx, uintptr_t addr, uint32_t value)
{
    struct hpet_model *m = ctx;
    uintptr_t off = addr - m->base;
    if (addr < m->base || off >= 0x400 || (off & 3u) != 0) {
        m->bad_access++;
        return;
    }
    log_write(m, (uint32_t)off, value);
    bool high = (off & 4u) != 0;
    uintptr_t reg = off & ~(uintptr_t)7u;
    if (reg == 0x010 && !high) {
        uint64_t now = hpet_model_counter(m);
        uint32_t mask = CFG_ENABLE | ((m->capabilities & (1u << 15)) ? CFG_LEGACY : 0u);
        m->config = value & mask;
        m->counter_at_start = now;
        m->start_ns = *m->now_ns;
    } else if (reg == 0x020 && !high) {
        m->int_status &= ~value;
    } else if (reg == 0x0F0 && (m->config & CFG_ENABLE) == 0) {
        uint64_t c = m->counter_at_start;
        if (high) {
            c = counter64(m) ? ((c & 0xFFFFFFFFu) | ((uint64_t)value << 32)) : c;
        } else {
            c = (c & ~0xFFFFFFFFull) | value;
        }
        hpet_model_set_counter(m, c);
    } else if (reg >= 0x100 && (reg - 0x100) / 0x20 < num_timers(m)) {
        struct hpet_model_timer *t = &m->timers[(reg - 0x100) / 0x20];
        switch ((reg - 0x100) % 0x20) {
        case 0x00:
            if (!high) {
                t->config = value & writable(t) & ~(1u << 6);
                if ((value & (1u << 6)) != 0) {
                    t->val_set_pending = true;
                }
                unsigned route = (value >> 9) & 0x1Fu;
                if ((value & (1u << 14)) == 0 && (value & (1u << 2)) != 0 &&
                    (t->route_cap & (1u << route)) == 0) {
                    m->bad_route++;
                }
            }
            break;
        case 0x08:
            comparator_write(t, high, value);
            break;
        default:
            t->fsb_route = high ? ((t->fsb_route & 0xFFFFFFFFu) | ((uint64_t)value << 32))
                                : ((t->fsb_route & ~0xFFFFFFFFull) | value);
            break;
        }
    }
}

static uint64_t model_read64(void *ctx, uintptr_t addr)
{
    struct hpet_model *m = ctx;
    if (addr != m->base + 0x0F0) {
        m->bad_access++;
        return 0;
    }
    m->reads64++;
    *m->now_ns += m->read_ns;
    return hpet_model_counter(m);
}

void hpet_model_host(struct hpet_model *m, struct apic_host *out, bool with_read64)
{
    memset(out, 0, sizeof *out);
    out->ctx = m;
    out->mmio_read32 = model_read;
    out->mmio_write32 = model_write;
    out->mmio_read64 = with_read64 ? model_read64 : NULL;
}
