/* The PS/2 mouse: set-up against the 8042 model's mouse (IntelliMouse knocks) and the
 * packet decoder against the packet layout of the IBM PS/2 Hardware Interface
 * Technical Reference ("Pointing Device", data report format) and Microsoft's
 * IntelliMouse 4-byte formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "ps2/mouse.h"
#include "rig.h"

static void test_init_ids(void **state)
{
    struct rig *r = *state;
    uint8_t id = 0xFF;
    assert_int_equal(ps2_mouse_init(&r->ctl, 2, 100, &id), PS2_OK);
    assert_int_equal(id, PS2_MOUSE_ID_STANDARD);
    assert_true(r->m.mouse.reporting);
    assert_int_equal(r->m.mouse.rate, 100);
    r->m.mouse.wheel = true;
    assert_int_equal(ps2_mouse_init(&r->ctl, 2, 60, &id), PS2_OK);
    assert_int_equal(id, PS2_MOUSE_ID_WHEEL);
    assert_int_equal(r->m.mouse.rate, 60);
    r->m.mouse.five_buttons = true;
    assert_int_equal(ps2_mouse_init(&r->ctl, 2, 200, &id), PS2_OK);
    assert_int_equal(id, PS2_MOUSE_ID_FIVE_BUTTON);
    /* every command went through 0xD4 to the second port */
    size_t d4 = 0, to_mouse = 0;
    for (size_t i = 0; i < r->m.log_count; i++) {
        d4 += r->m.log[i].kind == I8042_LOG_COMMAND && r->m.log[i].value == 0xD4;
        to_mouse += r->m.log[i].kind == I8042_LOG_DATA_WRITE && r->m.log[i].port == 2;
    }
    assert_true(d4 > 0);
    assert_int_equal(d4, to_mouse);
    assert_int_equal(ps2_mouse_set_resolution(&r->ctl, 2, 3), PS2_OK);
    assert_int_equal(r->m.mouse.resolution, 3);
    assert_int_equal(ps2_mouse_set_resolution(&r->ctl, 2, 4), PS2_BAD_ARGUMENT);
    assert_int_equal(ps2_mouse_set_scaling(&r->ctl, 2, true), PS2_OK);
    assert_true(r->m.mouse.scaling21);
    assert_int_equal(ps2_mouse_set_scaling(&r->ctl, 2, false), PS2_OK);
    assert_false(r->m.mouse.scaling21);
    assert_int_equal(ps2_mouse_init(&r->ctl, 2, 50, &id), PS2_BAD_ARGUMENT);
    assert_int_equal(ps2_mouse_set_sample_rate(&r->ctl, 2, 0), PS2_BAD_ARGUMENT);
    r->m.mouse.present = false;
    assert_int_equal(ps2_mouse_init(&r->ctl, 2, 100, &id), PS2_NO_DEVICE);
}

static void feed_packet(struct ps2_mouse_decoder *dec, const uint8_t *bytes, size_t n,
                        struct ps2_mouse_packet *p)
{
    for (size_t i = 0; i + 1 < n; i++) {
        assert_int_equal(ps2_mouse_decoder_feed(dec, bytes[i], p), PS2_PENDING);
    }
    assert_int_equal(ps2_mouse_decoder_feed(dec, bytes[n - 1], p), PS2_OK);
}

static void test_standard_packets(void **state)
{
    (void)state;
    struct ps2_mouse_decoder dec;
    struct ps2_mouse_packet p;
    ps2_mouse_decoder_init(&dec, PS2_MOUSE_ID_STANDARD);
    /* left button, +16 right, +5 up */
    feed_packet(&dec, (const uint8_t[]){0x09, 0x10, 0x05}, 3, &p);
    assert_int_equal(p.buttons, PS2_MOUSE_LEFT);
    assert_int_equal(p.dx, 16);
    assert_int_equal(p.dy, 5);
    assert_int_equal(p.dz, 0);
    assert_false(p.x_overflow || p.y_overflow);
    /* right and middle, X and Y sign bits: -16, -5; the extremes -256 and 255 */
    feed_packet(&dec, (const uint8_t[]){0x3E, 0xF0, 0xFB}, 3, &p);
    assert_int_equal(p.buttons, PS2_MOUSE_RIGHT | PS2_MOUSE_MIDDLE);
    assert_int_equal(p.dx, -16);
    assert_int_equal(p.dy, -5);
    feed_packet(&dec, (const uint8_t[]){0x18, 0x00, 0xFF}, 3, &p);
    assert_int_equal(p.dx, -256);
    assert_int_equal(p.dy, 255);
    /* overflow bits */
    feed_packet(&dec, (const uint8_t[]){0xC8, 0xFF, 0xFF}, 3, &p);
    assert_true(p.x_overflow && p.y_overflow);
    feed_packet(&dec, (const uint8_t[]){0x48, 0x00, 0x00}, 3, &p);
    assert_true(p.x_overflow);
    assert_false(p.y_overflow);
}

static void test_resync(void **state)
{
    (void)state;
    struct ps2_mouse_decoder dec;
    struct ps2_mouse_packet p;
    ps2_mouse_decoder_init(&dec, PS2_MOUSE_ID_STANDARD);
    /* a stream that starts mid-packet: bytes without bit 3 are dropped */
    assert_int_equal(ps2_mouse_decoder_feed(&dec, 0x10, &p), PS2_BAD_PACKET);
    assert_int_equal(ps2_mouse_decoder_feed(&dec, 0x05, &p), PS2_BAD_PACKET);
    feed_packet(&dec, (const uint8_t[]){0x0A, 0x01, 0x02}, 3, &p);
    assert_int_equal(p.buttons, PS2_MOUSE_RIGHT);
    assert_int_equal(p.dx, 1);
    assert_int_equal(p.dy, 2);
}

static void test_intellimouse_packets(void **state)
{
    (void)state;
    struct ps2_mouse_decoder dec;
    struct ps2_mouse_packet p;
    ps2_mouse_decoder_init(&dec, PS2_MOUSE_ID_WHEEL);
    feed_packet(&dec, (const uint8_t[]){0x08, 0x00, 0x00, 0xFF}, 4, &p);
    assert_int_equal(p.dz, -1);
    feed_packet(&dec, (const uint8_t[]){0x08, 0x00, 0x00, 0x01}, 4, &p);
    assert_int_equal(p.dz, 1);
    ps2_mouse_decoder_init(&dec, PS2_MOUSE_ID_FIVE_BUTTON);
    feed_packet(&dec, (const uint8_t[]){0x09, 0x00, 0x00, 0x3F}, 4, &p);
    assert_int_equal(p.dz, -1);
    assert_int_equal(p.buttons, PS2_MOUSE_LEFT | PS2_MOUSE_BUTTON4 | PS2_MOUSE_BUTTON5);
    feed_packet(&dec, (const uint8_t[]){0x08, 0x00, 0x00, 0x17}, 4, &p);
    assert_int_equal(p.dz, 7);
    assert_int_equal(p.buttons, PS2_MOUSE_BUTTON4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_init_ids, rig_setup, rig_teardown),
        cmocka_unit_test(test_standard_packets),
        cmocka_unit_test(test_resync),
        cmocka_unit_test(test_intellimouse_packets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
