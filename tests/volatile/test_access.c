/* volatile/access.h: typed accesses, register wrappers, register blocks. Memory here
 * is ordinary host memory standing in for a device; the width and count of the
 * machine accesses are checked by the codegen test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "volatile/volatile.h"

/* A register block in the style of a datasheet table: offsets 0, 4, 8, 0xC, 0x10. */
struct test_regs {
    struct vol_ro32 status;  /* 0x00 */
    struct vol_wo32 command; /* 0x04 */
    struct vol_rw16 control; /* 0x08 */
    uint8_t reserved[2];     /* 0x0A */
    struct vol_rw8 flags;    /* 0x0C */
    uint8_t reserved2[3];    /* 0x0D */
    struct vol_rw64 counter; /* 0x10 */
};
VOL_ASSERT_OFFSET(struct test_regs, status, 0x00);
VOL_ASSERT_OFFSET(struct test_regs, command, 0x04);
VOL_ASSERT_OFFSET(struct test_regs, control, 0x08);
VOL_ASSERT_OFFSET(struct test_regs, flags, 0x0C);
VOL_ASSERT_OFFSET(struct test_regs, counter, 0x10);
_Static_assert(sizeof(struct test_regs) == 0x18, "block size");

static void test_raw_widths(void **state)
{
    (void)state;
    union {
        uint64_t q;
        uint32_t d[2];
        uint16_t w[4];
        uint8_t b[8];
    } mem = {.q = 0};
    vol_write8(&mem.b[0], 0x11);
    vol_write8(&mem.b[1], 0x22);
    vol_write16(&mem.w[1], 0x4433);
    vol_write32(&mem.d[1], 0x88776655u);
    assert_int_equal(mem.q, 0x8877665544332211ull); /* little-endian composition */
    assert_int_equal(vol_read8(&mem.b[7]), 0x88);
    assert_int_equal(vol_read16(&mem.w[2]), 0x6655);
    assert_int_equal(vol_read32(&mem.d[0]), 0x44332211u);
    assert_int_equal(vol_read64(&mem.q), 0x8877665544332211ull);
    vol_write64(&mem.q, 0x0123456789ABCDEFull);
    assert_int_equal(mem.d[0], 0x89ABCDEFu);
    assert_int_equal(mem.d[1], 0x01234567u);
}

static void test_generic_raw_pointers(void **state)
{
    (void)state;
    uint32_t word = 0;
    volatile uint32_t *reg = &word;
    VOL_WRITE(reg, 0xCAFEF00Du);
    assert_int_equal(VOL_READ(reg), 0xCAFEF00Du);
    const volatile uint32_t *ro = &word;
    assert_int_equal(VOL_READ(ro), 0xCAFEF00Du);
}

static void test_block_fields(void **state)
{
    (void)state;
    _Alignas(8) uint8_t device[sizeof(struct test_regs)] = {0};
    device[0] = 0x78; /* status = 0x12345678, little-endian */
    device[1] = 0x56;
    device[2] = 0x34;
    device[3] = 0x12;
    struct test_regs *regs = VOL_BLOCK(struct test_regs, (uintptr_t)device);

    assert_int_equal(VOL_READ(VOL_FIELD(regs, status)), 0x12345678u);
    VOL_WRITE(VOL_FIELD(regs, command), 0xA5A5A5A5u);
    assert_int_equal(device[4], 0xA5);
    assert_int_equal(device[7], 0xA5);

    VOL_WRITE(&regs->control, 0x00F0);
    assert_int_equal(VOL_UPDATE(&regs->control, 0x0030, 0x0101), 0x01C1);
    assert_int_equal(device[8], 0xC1);
    assert_int_equal(device[9], 0x01);
    assert_int_equal(device[10], 0x00); /* the gap is untouched */

    VOL_WRITE(&regs->flags, 0x0F);
    assert_int_equal(VOL_SET_BITS(&regs->flags, 0x80), 0x8F);
    assert_int_equal(VOL_CLEAR_BITS(&regs->flags, 0x03), 0x8C);
    assert_int_equal(device[12], 0x8C);
    assert_int_equal(device[13], 0x00);

    VOL_WRITE(&regs->counter, 0x1122334455667788ull);
    assert_int_equal(device[16], 0x88);
    assert_int_equal(device[23], 0x11);
    assert_int_equal(VOL_READ(&regs->counter), 0x1122334455667788ull);

    /* Through a const block pointer every register can still be read. */
    const struct test_regs *view = regs;
    assert_int_equal(VOL_READ(&view->control), 0x01C1);
    assert_int_equal(VOL_READ(&view->status), 0x12345678u);
}

static void test_status_str(void **state)
{
    (void)state;
    assert_string_equal(vol_status_str(VOL_OK), "ok");
    assert_string_equal(vol_status_str(VOL_OUT_OF_BOUNDS), "index out of bounds");
    assert_string_equal(vol_status_str(VOL_BAD_RANGE), "bad sub-slice range");
    assert_string_equal(vol_status_str(VOL_LENGTH_MISMATCH), "length mismatch");
    assert_string_equal(vol_status_str(VOL_NULL_POINTER), "null pointer");
    assert_string_equal(vol_status_str((enum vol_status)99), "unknown status");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raw_widths),
        cmocka_unit_test(test_generic_raw_pointers),
        cmocka_unit_test(test_block_fields),
        cmocka_unit_test(test_status_str),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
