/* qemu_exit: the encodings each exit device expects and the statuses QEMU ends with.
 * Expected values: ../shared/NOTES.md (isa-debug-exit statuses measured here),
 * QEMU's hw/misc/sifive_test.h (FINISHER_FAIL 0x3333, FINISHER_PASS 0x5555,
 * FINISHER_RESET 0x7777, code in bits 16-31) and the Arm semihosting specification
 * (SYS_EXIT 0x18, SYS_EXIT_EXTENDED 0x20, ADP_Stopped_ApplicationExit 0x20026). The
 * writes themselves run in tests/e2e/small under QEMU. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "qemu_exit/qemu_exit.h"

static void test_isa_debug_exit_status(void **state)
{
    (void)state;
    /* NOTES.md: 0x10 -> 33, 0x11 -> 35; 0x00 and 0x80 both give 1. */
    assert_int_equal(qemu_exit_isa_debug_exit_status(0x10), 33);
    assert_int_equal(qemu_exit_isa_debug_exit_status(0x11), 35);
    assert_int_equal(qemu_exit_isa_debug_exit_status(0x00), 1);
    assert_int_equal(qemu_exit_isa_debug_exit_status(0x80), 1);
    /* (code << 1) | 1 for the e2e codes. */
    assert_int_equal(qemu_exit_isa_debug_exit_status(1), 3);
    assert_int_equal(qemu_exit_isa_debug_exit_status(2), 5);
    assert_int_equal(qemu_exit_isa_debug_exit_status(113), 227);
    for (uint32_t code = 0; code < 512; code++) {
        assert_int_equal(qemu_exit_isa_debug_exit_status(code) & 1, 1); /* never even */
    }
}

static void test_sifive_test_values(void **state)
{
    (void)state;
    assert_int_equal(QEMU_EXIT_SIFIVE_TEST_ADDR, 0x100000);
    assert_int_equal(QEMU_EXIT_SIFIVE_TEST_PASS, 0x5555);
    assert_int_equal(QEMU_EXIT_SIFIVE_TEST_RESET, 0x7777);
    assert_int_equal(qemu_exit_sifive_test_fail_value(0), 0x00003333);
    assert_int_equal(qemu_exit_sifive_test_fail_value(1), 0x00013333);
    assert_int_equal(qemu_exit_sifive_test_fail_value(113), 0x00713333);
    assert_int_equal(qemu_exit_sifive_test_fail_value(0xFFFF), 0xFFFF3333u);
}

static void test_semihosting_block(void **state)
{
    (void)state;
    struct qemu_exit_semihosting_exit_block block = {0, 0};
    qemu_exit_semihosting_exit_block(&block, 113);
    assert_int_equal(block.reason, 0x20026);
    assert_int_equal(block.subcode, 113);
    assert_int_equal(QEMU_EXIT_SYS_EXIT, 0x18);
    assert_int_equal(QEMU_EXIT_SYS_EXIT_EXTENDED, 0x20);
    assert_int_equal(QEMU_EXIT_SYS_WRITE0, 0x04);
    assert_int_equal(QEMU_EXIT_SYS_READC, 0x07);
}

static void test_default_devices(void **state)
{
    (void)state;
    const struct qemu_exit dev = QEMU_EXIT_DEFAULT;
    /* The suite runs QEMU with -device isa-debug-exit,iobase=0xf4,iosize=0x04. */
    assert_int_equal(dev.isa_debug_exit.iobase, 0xF4);
    assert_int_equal(dev.isa_debug_exit.iosize, 4);
    assert_int_equal(dev.sifive_test_addr, 0x100000);
#if defined(__x86_64__) || defined(__i386__)
    assert_int_equal(qemu_exit_success_status(&dev), 33);
#else
    assert_int_equal(qemu_exit_success_status(&dev), 0);
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_isa_debug_exit_status),
        cmocka_unit_test(test_sifive_test_values),
        cmocka_unit_test(test_semihosting_block),
        cmocka_unit_test(test_default_devices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
