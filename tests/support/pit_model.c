/* The 8254 PIT model (see pit_model.h). */
#include "pit_model.h"

#include <string.h>

/* Host-only models: 128-bit products keep the clock arithmetic exact. */
__extension__ typedef unsigned __int128 model_u128;

#define PIT_HZ 1193182u

static uint64_t now_tick(const struct pit_model *m)
{
    return (uint64_t)((model_u128)*m->now_ns * PIT_HZ / 1000000000u);
}

unsigned pit_model_mode(const struct pit_model *m, unsigned n)
{
    unsigned mode = (m->c[n].control >> 1) & 7u;
    return mode >= 6 ? mode - 4 : mode;   /* 110 and 111 are modes 2 and 3 */
}

/* Ticks counted so far since the count was loaded. */
static uint64_t elapsed(const struct pit_model *m, unsigned n)
{
    const struct pit_model_counter *c = &m->c[n];
    if (!c->loaded) {
        return 0;
    }
    uint64_t t = c->gated_ticks;
    if (c->gate) {
        uint64_t now = now_tick(m);
        /* Loading takes one clock (datasheet: "the first CLK pulse loads"). */
        t += now > c->start_tick ? now - c->start_tick - 1 : 0;
    }
    return t;
}

uint16_t pit_model_count(struct pit_model *m, unsigned n)
{
    struct pit_model_counter *c = &m->c[n];
    if (!c->loaded) {
        return 0;
    }
    uint64_t e = elapsed(m, n);
    unsigned mode = pit_model_mode(m, n);
    if (mode == 2) {
        return (uint16_t)(c->reload - (e % c->reload));
    }
    if (mode == 3) {
        /* decrements by two, reloading each half period */
        uint64_t half = c->reload / 2;
        return (uint16_t)(c->reload - 2 * (e % (half == 0 ? 1 : half)));
    }
    /* mode 0: from reload down through 0, wrapping to 0xFFFF */
    return (uint16_t)((c->reload - e) & 0xFFFFu);
}

bool pit_model_out(struct pit_model *m, unsigned n)
{
    struct pit_model_counter *c = &m->c[n];
    unsigned mode = pit_model_mode(m, n);
    if (!c->loaded) {
        return mode != 0;
    }
    uint64_t e = elapsed(m, n);
    if (mode == 0) {
        return e >= c->reload;
    }
    if (mode == 2) {
        return (e % c->reload) != c->reload - 1;
    }
    return (e % c->reload) < (c->reload + 1) / 2;
}

static void set_gate(struct pit_model *m, unsigned n, bool gate)
{
    struct pit_model_counter *c = &m->c[n];
    if (gate == c->gate) {
        return;
    }
    if (!gate) {
        c->gated_ticks = elapsed(m, n);
    } else {
        unsigned mode = pit_model_mode(m, n);
        if (mode == 2 || mode == 3) {
            c->gated_ticks = 0;   /* rising gate reloads */
        }
        c->start_tick = now_tick(m);
    }
    c->gate = gate;
}

static void control_word(struct pit_model *m, uint8_t v)
{
    unsigned sc = v >> 6;
    if (sc == 3) {
        /* Read-back: D5 COUNT# and D4 STATUS# are active low; D3..D1 counters 2..0. */
        for (unsigned n = 0; n < 3; n++) {
            if ((v & (2u << n)) == 0) {
                continue;
            }
            struct pit_model_counter *c = &m->c[n];
            if ((v & 0x20u) == 0 && !c->latched) {
                c->latch = pit_model_count(m, n);
                c->latched = true;
                c->read_msb_next = false;
            }
            if ((v & 0x10u) == 0 && !c->status_latched) {
                c->status = (uint8_t)((pit_model_out(m, n) ? 0x80u : 0u) |
                                      (c->null_count ? 0x40u : 0u) | c->control);
                c->status_latched = true;
            }
        }
        return;
    }
    struct pit_model_counter *c = &m->c[sc];
    if ((v & 0x30u) == 0) {   /* counter latch command */
        if (!c->latched) {
            c->latch = pit_model_count(m, sc);
            c->latched = true;
            c->read_msb_next = false;
        }
        return;
    }
    c->control = v & 0x3Fu;
    c->loaded = false;
    c->null_count = true;
    c->write_have_lsb = false;
    c->read_msb_next = false;
    c->latched = false;
    c->gated_ticks = 0;
    unsigned mode = pit_model_mode(m, sc);
    if ((v & 1u) != 0 || mode == 1 || mode == 4 || mode == 5) {
        m->unsupported++;
    }
}

static void load(struct pit_model *m, unsigned n, uint32_t count)
{
    struct pit_model_counter *c = &m->c[n];
    c->reload = count == 0 ? 65536u : count;
    c->loaded = true;
    c->null_count = false;
    c->gated_ticks = 0;
    c->start_tick = now_tick(m);
}

static void counter_write(struct pit_model *m, unsigned n, uint8_t v)
{
    struct pit_model_counter *c = &m->c[n];
    switch ((c->control >> 4) & 3u) {
    case 1:
        load(m, n, v);
        break;
    case 2:
        load(m, n, (uint32_t)v << 8);
        break;
    case 3:
        if (!c->write_have_lsb) {
            c->write_lsb = v;
            c->write_have_lsb = true;
        } else {
            c->write_have_lsb = false;
            load(m, n, c->write_lsb | ((uint32_t)v << 8));
        }
        break;
    default:
        m->unsupported++;
        break;
    }
}

static uint8_t counter_read(struct pit_model *m, unsigned n)
{
    struct pit_model_counter *c = &m->c[n];
    if (c->status_latched) {
        c->status_latched = false;
        return c->status;
    }
    uint16_t value = c->latched ? c->latch : pit_model_count(m, n);
    unsigned rw = (c->control >> 4) & 3u;
    uint8_t out;
    bool last;
    if (rw == 1) {
        out = (uint8_t)value;
        last = true;
    } else if (rw == 2) {
        out = (uint8_t)(value >> 8);
        last = true;
    } else {
        out = c->read_msb_next ? (uint8_t)(value >> 8) : (uint8_t)value;
        last = c->read_msb_next;
        c->read_msb_next = !c->read_msb_next;
    }
    if (last) {
        c->latched = false;
    }
    return out;
}

static uint32_t port_read(void *dev, uint16_t port, unsigned width)
{
    struct pit_model *m = dev;
    (void)width;
    *m->now_ns += m->access_ns;
    if (port == 0x61) {
        return (uint32_t)(m->port_b & 0x0Fu) | (pit_model_out(m, 2) ? 0x20u : 0u);
    }
    if (port == 0x43) {
        return 0xFF;   /* the control register cannot be read */
    }
    return counter_read(m, port - 0x40u);
}

static void port_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct pit_model *m = dev;
    (void)width;
    *m->now_ns += m->access_ns;
    if (port == 0x61) {
        m->port_b = (uint8_t)(value & 0x0Fu);
        set_gate(m, 2, (value & 1u) != 0);
    } else if (port == 0x43) {
        control_word(m, (uint8_t)value);
    } else {
        counter_write(m, port - 0x40u, (uint8_t)value);
    }
}

void pit_model_init(struct pit_model *m, struct mock_port *p)
{
    memset(m, 0, sizeof *m);
    m->now_ns = &m->own_clock;
    m->access_ns = 1000;
    m->c[0].gate = true;
    m->c[1].gate = true;
    (void)mock_port_add(p, 0x40, 4, port_read, port_write, m);
    (void)mock_port_add(p, 0x61, 1, port_read, port_write, m);
}
