/* The 8042 model itself, register by register, against the IBM PS/2 Hardware
 * Interface Technical Reference: status bits (OBF 0x01, IBF 0x02, system flag 0x04,
 * A2 0x08, AUX output 0x20), the configuration byte and the port enable commands,
 * 0xD4 routing, the devices' answers, and the knobs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "i8042_model.h"

static uint8_t command_read(struct i8042_model *m, uint8_t cmd)
{
    i8042_model_write_command(m, cmd);
    assert_true(i8042_model_read_status(m) & 0x01);
    return i8042_model_read_data(m);
}

static void expect_bytes(struct i8042_model *m, unsigned port, const uint8_t *want, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t st = i8042_model_read_status(m);
        assert_true(st & 0x01);
        assert_int_equal((st & 0x20) != 0, port == 2);
        assert_int_equal(i8042_model_read_data(m), want[i]);
    }
    assert_int_equal(i8042_model_read_status(m) & 0x01, 0);
}

static void test_controller_registers(void **state)
{
    (void)state;
    struct i8042_model m;
    i8042_model_init(&m);
    assert_int_equal(i8042_model_read_status(&m), 0x04); /* system flag only */
    assert_int_equal(command_read(&m, 0x20), 0x65);
    assert_true(i8042_model_read_status(&m) & 0x08);     /* last write was a command */
    i8042_model_write_command(&m, 0x60);
    i8042_model_write_data(&m, 0x00);
    assert_int_equal(i8042_model_read_status(&m) & 0x08, 0);
    assert_int_equal(m.config, 0x00);
    i8042_model_write_command(&m, 0xAD);
    i8042_model_write_command(&m, 0xA7);
    assert_int_equal(command_read(&m, 0x20), 0x30);
    i8042_model_write_command(&m, 0xAE);
    i8042_model_write_command(&m, 0xA8);
    assert_int_equal(command_read(&m, 0x20), 0x00);
    assert_int_equal(command_read(&m, 0xAA), 0x55);
    assert_int_equal(command_read(&m, 0xAB), 0x00);
    assert_int_equal(command_read(&m, 0xA9), 0x00);
    m.single_channel = true;
    i8042_model_write_command(&m, 0xA7);
    assert_int_equal(command_read(&m, 0x20), 0x00);     /* no port 2: bit 5 untouched */
    i8042_model_write_command(&m, 0xA9);
    assert_int_equal(i8042_model_read_status(&m) & 0x01, 0);
    assert_int_equal(m.log_count, 22); /* 14 commands, 1 data write, 7 reads */
}

static void test_devices(void **state)
{
    (void)state;
    struct i8042_model m;
    i8042_model_init(&m);
    i8042_model_write_data(&m, 0xFF);
    expect_bytes(&m, 1, (const uint8_t[]){0xFA, 0xAA}, 2);
    i8042_model_write_data(&m, 0xF2);
    expect_bytes(&m, 1, (const uint8_t[]){0xFA, 0xAB, 0x83}, 3);
    i8042_model_write_data(&m, 0xF0);
    i8042_model_write_data(&m, 0x00);
    expect_bytes(&m, 1, (const uint8_t[]){0xFA, 0xFA, 0x02}, 3);
    m.kbd.resend = 1;
    i8042_model_write_data(&m, 0xEE);
    i8042_model_write_data(&m, 0xEE);
    expect_bytes(&m, 1, (const uint8_t[]){0xFE, 0xEE}, 2);
    i8042_model_write_data(&m, 0x42); /* not a command */
    expect_bytes(&m, 1, (const uint8_t[]){0xFE}, 1);
    /* 0xD4: the next data byte goes to the mouse; its answers carry the AUX bit */
    i8042_model_write_command(&m, 0xD4);
    i8042_model_write_data(&m, 0xFF);
    expect_bytes(&m, 2, (const uint8_t[]){0xFA, 0xAA, 0x00}, 3);
    m.mouse.wheel = true;
    static const uint8_t knock[] = {200, 100, 80};
    for (size_t i = 0; i < 3; i++) {
        i8042_model_write_command(&m, 0xD4);
        i8042_model_write_data(&m, 0xF3);
        i8042_model_write_command(&m, 0xD4);
        i8042_model_write_data(&m, knock[i]);
        expect_bytes(&m, 2, (const uint8_t[]){0xFA, 0xFA}, 2);
    }
    i8042_model_write_command(&m, 0xD4);
    i8042_model_write_data(&m, 0xF2);
    expect_bytes(&m, 2, (const uint8_t[]){0xFA, 0x03}, 2);
}

static void test_knobs(void **state)
{
    (void)state;
    struct i8042_model m;
    i8042_model_init(&m);
    m.absent = true;
    assert_int_equal(i8042_model_read_status(&m), 0xFF);
    assert_int_equal(i8042_model_read_data(&m), 0xFF);
    i8042_model_init(&m);
    m.mute = true;
    i8042_model_write_command(&m, 0x20);
    assert_int_equal(i8042_model_read_status(&m) & 0x01, 0);
    i8042_model_init(&m);
    m.input_stuck = true;
    assert_true(i8042_model_read_status(&m) & 0x02);
    i8042_model_write_command(&m, 0x20);
    assert_int_equal(i8042_model_read_status(&m) & 0x01, 0);
    i8042_model_init(&m);
    m.kbd.present = false;
    i8042_model_write_data(&m, 0xFF); /* absent keyboard: silence */
    assert_int_equal(i8042_model_read_status(&m) & 0x01, 0);
    m.timeout_on_absent = true;       /* or 0xFE with the time-out bit */
    i8042_model_write_data(&m, 0xFF);
    assert_int_equal(i8042_model_read_status(&m) & 0xC1, 0x41);
    assert_int_equal(i8042_model_read_data(&m), 0xFE);
    assert_int_equal(i8042_model_read_status(&m) & 0x41, 0);
    i8042_model_init(&m);
    for (unsigned i = 0; i < I8042_MODEL_QUEUE + 3; i++) {
        i8042_model_output(&m, 1, (uint8_t)i);
    }
    assert_int_equal(m.dropped, 3);
    i8042_model_init(&m);
    m.kbd.scanning = false;
    i8042_model_type(&m, (const uint8_t[]){0x1C}, 1);
    assert_int_equal(i8042_model_read_status(&m) & 0x01, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_controller_registers),
        cmocka_unit_test(test_devices),
        cmocka_unit_test(test_knobs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
