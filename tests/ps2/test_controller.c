/* The 8042 controller, device and keyboard commands against the 8042 model of
 * tests/support/i8042_model.h: the set-up sequence as the OSDev wiki's "8042 PS/2
 * Controller" page orders it, with the command and status values of the IBM PS/2
 * Hardware Interface Technical Reference; a missing, mute or wedged controller;
 * RESEND handling; the typematic table of the Technical Reference. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ps2/keyboard.h"
#include "ps2/scancode.h"
#include "rig.h"

static enum ps2_status rig_init(struct rig *r)
{
    return ps2_controller_init(&r->ctl, &r->io, &r->ports, &r->cfg);
}

#define C(v) {I8042_LOG_COMMAND, (v), 0}
#define W(v, port) {I8042_LOG_DATA_WRITE, (v), (port)}
#define R(v, port) {I8042_LOG_DATA_READ, (v), (port)}

static void expect_log(const struct i8042_model *m, const struct i8042_log_entry *want, size_t n)
{
    for (size_t i = 0; i < n && i < m->log_count; i++) {
        const struct i8042_log_entry *g = &m->log[i];
        if (g->kind != want[i].kind || g->value != want[i].value || g->port != want[i].port) {
            fail_msg("log entry %zu: kind %d value %02X port %u, expected kind %d value %02X "
                     "port %u", i, (int)g->kind, g->value, g->port, (int)want[i].kind,
                     want[i].value, want[i].port);
        }
    }
    assert_int_equal(m->log_count, n);
}

/* The whole sequence on a dual-channel controller the BIOS left at 0x65. */
static void test_init_sequence(void **state)
{
    struct rig *r = *state;
    assert_int_equal(rig_init(r), PS2_OK);
    static const struct i8042_log_entry want[] = {
        C(0xAD), C(0xA7),                      /* step 3: disable both ports */
        C(0x20), R(0x75, 0),                   /* step 5: read the configuration byte */
        C(0x60), W(0x34, 0),                   /* IRQs and translation off */
        C(0xAA), R(0x55, 0),                   /* step 6: self-test */
        C(0x60), W(0x34, 0),                   /* the configuration byte again */
        C(0xA8), C(0x20), R(0x14, 0), C(0xA7), /* step 7: bit 5 cleared: dual channel */
        C(0xAB), R(0x00, 0), C(0xA9), R(0x00, 0), /* step 8: interface tests */
        C(0xAE), C(0xA8),                      /* step 9: enable */
        W(0xFF, 1), R(0xFA, 1), R(0xAA, 1),    /* step 10: keyboard reset, BAT passed */
        C(0xD4), W(0xFF, 2), R(0xFA, 2), R(0xAA, 2), R(0x00, 2), /* mouse reset, ID 0 */
        C(0x20), R(0x04, 0), C(0x60), W(0x07, 0), /* IRQ 1 and IRQ 12 on */
    };
    expect_log(&r->m, want, sizeof want / sizeof want[0]);
    assert_true(r->ctl.dual_channel);
    assert_true(r->ctl.port_ok[0] && r->ctl.port_ok[1]);
    assert_int_equal(r->ctl.device[0], PS2_OK);
    assert_int_equal(r->ctl.device[1], PS2_OK);
    assert_int_equal(r->ctl.config, 0x07);
    assert_int_equal(r->m.config, 0x07);
    assert_int_equal(r->m.kbd.resets, 1);
    assert_int_equal(r->ports.unclaimed, 0);
}

static void test_init_flushes_and_translates(void **state)
{
    struct rig *r = *state;
    static const uint8_t stale[] = {0x1C, 0xF0, 0x1C};
    i8042_model_type(&r->m, stale, sizeof stale);
    i8042_model_output(&r->m, 2, 0x08);
    r->cfg.translation = true;
    r->cfg.enable_irqs = false;
    r->cfg.reset_devices = false;
    assert_int_equal(rig_init(r), PS2_OK);
    /* after the two disables, four stale bytes read and dropped */
    assert_int_equal(r->m.log[2].kind, I8042_LOG_DATA_READ);
    assert_int_equal(r->m.log[5].value, 0x08);
    assert_int_equal(r->m.log[5].port, 2);
    assert_int_equal(r->m.log[6].kind, I8042_LOG_COMMAND);
    assert_int_equal(r->m.config, 0x44); /* translation on, IRQs off, clocks on */
    assert_int_equal(r->m.kbd.resets, 0);
    assert_int_equal(r->ctl.device[0], PS2_NO_DEVICE);
}

static void test_no_controller(void **state)
{
    struct rig *r = *state;
    r->cfg.has_8042 = false; /* FADT IAPC_BOOT_ARCH bit 1 clear */
    assert_int_equal(rig_init(r), PS2_NO_CONTROLLER);
    assert_int_equal(r->ports.log_count, 0); /* not even the status register read */
    assert_false(r->ctl.dual_channel);        /* no controller, no second port */
    r->cfg.has_8042 = true;
    r->m.absent = true;                       /* floating bus: 0xFF */
    assert_int_equal(rig_init(r), PS2_NO_CONTROLLER);
    assert_int_equal(r->ports.log_count, 1);
    assert_false(r->ports.log[0].is_write);
    assert_false(r->ctl.dual_channel);
}

static void test_dead_controllers(void **state)
{
    struct rig *r = *state;
    r->m.mute = true; /* takes commands, never answers */
    assert_int_equal(rig_init(r), PS2_TIMEOUT);
    r->m.mute = false;
    r->m.input_stuck = true; /* never takes a command */
    i8042_model_clear_log(&r->m);
    assert_int_equal(rig_init(r), PS2_TIMEOUT);
    assert_int_equal(r->m.log_count, 0);
    /* the default spin limit is bounded too */
    r->cfg.spin_limit = 0;
    assert_int_equal(rig_init(r), PS2_TIMEOUT);
    assert_int_equal(r->ctl.spin_limit, PS2_DEFAULT_SPIN_LIMIT);
}

static void test_self_test(void **state)
{
    struct rig *r = *state;
    r->m.self_test_fails = true;
    assert_int_equal(rig_init(r), PS2_SELF_TEST_FAILED);
    r->m.self_test_fails = false;
    r->m.self_test_resets_config = true; /* back to 0x65 with translation and IRQ 1 */
    i8042_model_clear_log(&r->m);
    assert_int_equal(rig_init(r), PS2_OK);
    assert_int_equal(r->m.log[8].kind, I8042_LOG_COMMAND); /* rewritten right after 0xAA */
    assert_int_equal(r->m.log[8].value, 0x60);
    assert_int_equal(r->m.log[9].value, 0x34);
    assert_true(r->ctl.dual_channel);
    assert_int_equal(r->m.config, 0x07);
}

static void test_single_channel(void **state)
{
    struct rig *r = *state;
    r->m.single_channel = true;
    r->m.config = 0x45; /* bit 5 clear although port 2 was "disabled": no port 2 */
    assert_int_equal(rig_init(r), PS2_OK);
    assert_false(r->ctl.dual_channel);
    assert_false(r->ctl.port_ok[1]);
    for (size_t i = 0; i < r->m.log_count; i++) {
        const struct i8042_log_entry *e = &r->m.log[i];
        assert_false(e->kind == I8042_LOG_COMMAND && (e->value == 0xA9 || e->value == 0xD4 ||
                                                      e->value == 0xA8));
    }
    assert_int_equal(r->m.config, 0x05);
    assert_int_equal(ps2_controller_send(&r->ctl, 2, 0xFF), PS2_NO_PORT);
    assert_int_equal(ps2_controller_send(&r->ctl, 3, 0xFF), PS2_BAD_ARGUMENT);
    /* bit 5 set but 0xA8 does not clear it: no port 2 either */
    i8042_model_init(&r->m);
    r->m.single_channel = true;
    assert_int_equal(rig_init(r), PS2_OK);
    assert_false(r->ctl.dual_channel);
}

static void test_port_tests(void **state)
{
    struct rig *r = *state;
    r->m.port_test[0] = 0x01; /* clock line stuck low */
    assert_int_equal(rig_init(r), PS2_OK);
    assert_false(r->ctl.port_ok[0]);
    assert_int_equal(r->ctl.port_test[0], 0x01);
    assert_true(r->ctl.port_ok[1]);
    assert_int_equal(r->m.config, 0x16); /* port 1 stays disabled, IRQ 12 only */
    assert_int_equal(r->m.kbd.resets, 0);
    r->m.port_test[1] = 0x04;
    assert_int_equal(rig_init(r), PS2_PORT_TEST_FAILED);
}

static void test_missing_and_failing_devices(void **state)
{
    struct rig *r = *state;
    r->m.kbd.present = false;
    r->m.mouse.present = false;
    assert_int_equal(rig_init(r), PS2_OK);
    assert_int_equal(r->ctl.device[0], PS2_NO_DEVICE);
    assert_int_equal(r->ctl.device[1], PS2_NO_DEVICE);
    i8042_model_init(&r->m);
    r->m.kbd.present = false;
    r->m.timeout_on_absent = true; /* 0xFE with the time-out bit instead of silence */
    assert_int_equal(rig_init(r), PS2_OK);
    assert_int_equal(r->ctl.device[0], PS2_NO_DEVICE);
    assert_int_equal(r->ctl.device[1], PS2_OK);
    assert_int_equal(ps2_keyboard_set_leds(&r->ctl, 1, 0), PS2_ERROR_BIT);
    i8042_model_init(&r->m);
    r->m.kbd.bat_fails = true;
    assert_int_equal(rig_init(r), PS2_OK);
    assert_int_equal(r->ctl.device[0], PS2_DEVICE_TEST_FAILED);
    i8042_model_init(&r->m);
    r->m.kbd.resend = 1; /* RESEND to the reset: sent again */
    assert_int_equal(rig_init(r), PS2_OK);
    assert_int_equal(r->ctl.device[0], PS2_OK);
    assert_int_equal(r->m.kbd.resets, 1);
}

static void test_keyboard_commands(void **state)
{
    struct rig *r = *state;
    assert_int_equal(ps2_keyboard_set_leds(&r->ctl, 1, 0x05), PS2_OK);
    assert_int_equal(r->m.kbd.leds, 0x05);
    static const struct i8042_log_entry leds[] = {W(0xED, 1), R(0xFA, 1), W(0x05, 1), R(0xFA, 1)};
    expect_log(&r->m, leds, 4);
    uint8_t set = 0;
    assert_int_equal(ps2_keyboard_get_scancode_set(&r->ctl, 1, &set), PS2_OK);
    assert_int_equal(set, 2);
    assert_int_equal(ps2_keyboard_set_scancode_set(&r->ctl, 1, 1), PS2_OK);
    assert_int_equal(r->m.kbd.set, 1);
    r->m.kbd.refuse_set = 1u << 3;
    assert_int_equal(ps2_keyboard_set_scancode_set(&r->ctl, 1, 3), PS2_RESEND_LIMIT);
    assert_int_equal(ps2_keyboard_set_scancode_set(&r->ctl, 1, 4), PS2_BAD_ARGUMENT);
    assert_int_equal(ps2_keyboard_set_typematic(&r->ctl, 1, 0x20), PS2_OK);
    assert_int_equal(r->m.kbd.typematic, 0x20);
    assert_int_equal(ps2_keyboard_echo(&r->ctl, 1), PS2_OK);
    struct ps2_device_id id;
    assert_int_equal(ps2_device_identify(&r->ctl, 1, &id), PS2_OK);
    assert_int_equal(id.count, 2); /* MF2 keyboard: AB 83 */
    assert_int_equal(id.bytes[0], 0xAB);
    assert_int_equal(id.bytes[1], 0x83);
    assert_false(r->m.kbd.scanning);
    assert_int_equal(ps2_device_enable_scanning(&r->ctl, 1), PS2_OK);
    assert_true(r->m.kbd.scanning);
    assert_int_equal(ps2_device_disable_scanning(&r->ctl, 1), PS2_OK);
    assert_false(r->m.kbd.scanning);
    assert_int_equal(ps2_device_reset(&r->ctl, 1, &id), PS2_OK);
    assert_int_equal(id.count, 0);
}

static void test_resend(void **state)
{
    struct rig *r = *state;
    r->m.kbd.resend = 2; /* the LED command is refused twice, then taken */
    assert_int_equal(ps2_keyboard_set_leds(&r->ctl, 1, 0x02), PS2_OK);
    static const struct i8042_log_entry want[] = {W(0xED, 1), R(0xFE, 1), W(0xED, 1),
        R(0xFE, 1), W(0xED, 1), R(0xFA, 1), W(0x02, 1), R(0xFA, 1)};
    expect_log(&r->m, want, sizeof want / sizeof want[0]);
    assert_int_equal(r->m.kbd.leds, 0x02);
    r->m.kbd.resend = 100;
    i8042_model_clear_log(&r->m);
    assert_int_equal(ps2_keyboard_set_leds(&r->ctl, 1, 0x01), PS2_RESEND_LIMIT);
    assert_int_equal(r->m.log_count, 2 * PS2_DEVICE_TRIES);
    r->m.kbd.resend = 100;
    struct ps2_device_id id;
    assert_int_equal(ps2_device_reset(&r->ctl, 1, &id), PS2_RESEND_LIMIT);
    r->m.kbd.resend = 0;
    r->m.kbd.present = false;
    assert_int_equal(ps2_keyboard_set_leds(&r->ctl, 1, 0x01), PS2_TIMEOUT);
    assert_int_equal(ps2_device_reset(&r->ctl, 1, &id), PS2_NO_DEVICE);
    /* an answer that is neither ACK nor RESEND */
    r->m.kbd.present = true;
    i8042_model_output(&r->m, 1, 0x42);
    assert_int_equal(ps2_keyboard_set_leds(&r->ctl, 1, 0x01), PS2_BAD_RESPONSE);
}

static void test_poll_and_decode(void **state)
{
    struct rig *r = *state;
    uint8_t byte = 0;
    unsigned port = 0;
    assert_int_equal(ps2_controller_poll(&r->ctl, &byte, &port), PS2_WOULD_BLOCK);
    static const uint8_t typed[] = {0xE0, 0x75, 0xE0, 0xF0, 0x75}; /* Up, pressed and released */
    i8042_model_type(&r->m, typed, sizeof typed);
    i8042_model_output(&r->m, 2, 0x09);
    struct ps2_decoder dec;
    assert_int_equal(ps2_decoder_init(&dec, PS2_SCANCODE_SET_2), PS2_OK);
    unsigned events = 0;
    while (ps2_controller_poll(&r->ctl, &byte, &port) == PS2_OK) {
        if (port == 2) {
            assert_int_equal(byte, 0x09); /* the mouse byte, tagged by the AUX bit */
            continue;
        }
        struct ps2_key_event ev;
        if (ps2_decoder_feed(&dec, byte, &ev) == PS2_OK) {
            assert_int_equal(ev.key, PS2_KEY_UP);
            assert_int_equal(ev.pressed, events == 0);
            events++;
        }
    }
    assert_int_equal(events, 2);
    /* the status register's bits straight through */
    assert_int_equal(ps2_controller_status(&r->ctl) & PS2_STATUS_OUTPUT_FULL, 0);
    assert_int_equal(ps2_controller_status(&r->ctl) & PS2_STATUS_SYSTEM_FLAG,
                     PS2_STATUS_SYSTEM_FLAG);
}

/* IBM Personal Computer AT Technical Reference (5170), Keyboard p. 4-7, "Set
 * Typematic Rate/Delay (Hex F3)": characters per second for bits 0-4 = 00 ... 1F. */
static const double typematic_table[32] = {
    30.0, 26.7, 24.0, 21.8, 20.0, 18.5, 17.1, 16.0, 15.0, 13.3, 12.0, 10.9, 10.0, 9.2, 8.6, 8.0,
    7.5, 6.7, 6.0, 5.5, 5.0, 4.6, 4.3, 4.0, 3.7, 3.3, 3.0, 2.7, 2.5, 2.3, 2.1, 2.0,
};

static void test_typematic(void **state)
{
    (void)state;
    for (unsigned i = 0; i < 32; i++) {
        unsigned want = (unsigned)(typematic_table[i] * 10.0 + 0.5);
        assert_int_equal(ps2_typematic_rate((uint8_t)i), want);
        assert_int_equal(ps2_typematic_encode((uint16_t)want, 250), i);
    }
    static const unsigned delays[4] = {250, 500, 750, 1000};
    for (unsigned d = 0; d < 4; d++) {
        assert_int_equal(ps2_typematic_delay((uint8_t)(d << 5)), delays[d]);
        assert_int_equal(ps2_typematic_encode(300, (uint16_t)delays[d]), d << 5);
    }
    assert_int_equal(ps2_typematic_encode(109, 500), 0x2B); /* the power-on default */
    assert_int_equal(ps2_typematic_encode(1000, 0), 0x00);
    assert_int_equal(ps2_typematic_encode(0, 5000), 0x7F);
}

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(ps2_status_str(PS2_OK), "PS2_OK");
    assert_string_equal(ps2_status_str(PS2_NO_CONTROLLER), "PS2_NO_CONTROLLER");
    assert_string_equal(ps2_status_str(PS2_BAD_PACKET), "PS2_BAD_PACKET");
    assert_string_equal(ps2_status_str((enum ps2_status)999), "unknown");
    for (int s = PS2_OK; s <= PS2_BAD_PACKET; s++) {
        assert_string_not_equal(ps2_status_str((enum ps2_status)s), "unknown");
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, rig_setup, rig_teardown)
    const struct CMUnitTest tests[] = {
        T(test_init_sequence),      T(test_init_flushes_and_translates),
        T(test_no_controller),      T(test_dead_controllers),
        T(test_self_test),          T(test_single_channel),
        T(test_port_tests),         T(test_missing_and_failing_devices),
        T(test_keyboard_commands),  T(test_resend),
        T(test_poll_and_decode),    T(test_typematic),
        T(test_status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
