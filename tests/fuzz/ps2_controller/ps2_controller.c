/* Fuzz harness: the controller, device, keyboard and mouse code against a controller
 * that answers with arbitrary bytes.
 *
 * Input: byte 0 picks the set-up options (bit 0 translation, 1 IRQs, 2 device reset,
 * 3 has_8042); the rest is what the hardware says: each status-register read takes
 * the next byte as the status, each data-register read the next byte as data; once
 * the input is used up the controller goes quiet (status 0: nothing to read, ready to
 * take writes). Every call must return a status of ps2/status.h, never loop beyond
 * its bounds (the port accesses are counted against a limit derived from the spin
 * limit), and never write anywhere but ports 0x60 and 0x64. Violations abort(). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ps2/keyboard.h"
#include "ps2/mouse.h"

int fuzz_one(const uint8_t *data, size_t size);

#define SPIN_LIMIT 16u
#define MAX_INPUT 65536u
/* Every access but the polls after the input ran out consumes an input byte, and the
 * calls below make a few thousand waits at most: far below this, unless a loop is
 * unbounded. */
#define ACCESS_LIMIT 1000000u

struct fake {
    const uint8_t *data;
    size_t size, pos;
    unsigned long accesses;
};

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

static uint8_t next(struct fake *f)
{
    return f->pos < f->size ? f->data[f->pos++] : 0x00;
}

static uint8_t fake_inb(void *ctx, uint16_t port)
{
    struct fake *f = ctx;
    check(port == PS2_DATA_PORT || port == PS2_STATUS_PORT);
    check(++f->accesses < ACCESS_LIMIT);
    return next(f);
}

static void fake_outb(void *ctx, uint16_t port, uint8_t value)
{
    struct fake *f = ctx;
    (void)value;
    check(port == PS2_DATA_PORT || port == PS2_COMMAND_PORT);
    check(++f->accesses < ACCESS_LIMIT);
}

static void status_ok(enum ps2_status st)
{
    check((unsigned)st <= (unsigned)PS2_BAD_PACKET);
}

int fuzz_one(const uint8_t *data, size_t size)
{
    if (size < 1 || size > MAX_INPUT) {
        return 0;
    }
    static const struct ps2_io io = {fake_inb, fake_outb};
    struct fake f = {data + 1, size - 1, 0, 0};
    struct ps2_controller_config cfg = {
        (data[0] & 8u) != 0, (data[0] & 1u) != 0, (data[0] & 2u) != 0, (data[0] & 4u) != 0,
        SPIN_LIMIT};
    struct ps2_controller ctl;
    enum ps2_status st = ps2_controller_init(&ctl, &io, &f, &cfg);
    status_ok(st);
    if (st == PS2_NO_CONTROLLER) {
        return 0;
    }
    for (unsigned i = 0; i < 2; i++) {
        status_ok(ctl.device[i]);
    }
    uint8_t byte = 0, set = 0, id = 0;
    unsigned port = 0;
    struct ps2_device_id dev;
    status_ok(ps2_keyboard_set_leds(&ctl, 1, 0x07));
    status_ok(ps2_keyboard_get_scancode_set(&ctl, 1, &set));
    status_ok(ps2_keyboard_set_scancode_set(&ctl, 1, 2));
    status_ok(ps2_keyboard_set_typematic(&ctl, 1, 0x2B));
    status_ok(ps2_keyboard_echo(&ctl, 1));
    status_ok(ps2_device_identify(&ctl, 1, &dev));
    check(dev.count <= 2);
    status_ok(ps2_device_reset(&ctl, 1, &dev));
    status_ok(ps2_mouse_init(&ctl, 2, 100, &id));
    for (unsigned i = 0; i < 8; i++) {
        st = ps2_controller_poll(&ctl, &byte, &port);
        status_ok(st);
        check(st == PS2_WOULD_BLOCK || port == 1 || port == 2);
    }
    ps2_controller_flush(&ctl);
    return 0;
}
