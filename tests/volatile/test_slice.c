/* volatile/slice.h: bounds, sub-slices, copies and fill; a failed call touches nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "volatile/slice.h"

static void test_read_write_bounds(void **state)
{
    (void)state;
    uint32_t mem[4] = {10, 20, 30, 40};
    struct vol_slice32 s = vol_slice32_make(mem, 4);
    uint32_t value = 0;
    assert_int_equal(vol_slice32_read(s, 3, &value), VOL_OK);
    assert_int_equal(value, 40);
    assert_int_equal(vol_slice32_read(s, 4, &value), VOL_OUT_OF_BOUNDS);
    assert_int_equal(vol_slice32_read(s, SIZE_MAX, &value), VOL_OUT_OF_BOUNDS);
    assert_int_equal(vol_slice32_read(s, 0, NULL), VOL_NULL_POINTER);
    assert_int_equal(vol_slice32_write(s, 0, 7), VOL_OK);
    assert_int_equal(vol_slice32_write(s, 4, 9), VOL_OUT_OF_BOUNDS);
    assert_int_equal(mem[0], 7);
    assert_int_equal(mem[3], 40);

    /* Generic forms pick the function by slice type. */
    assert_int_equal(VOL_SLICE_WRITE(s, 1, 21), VOL_OK);
    assert_int_equal(VOL_SLICE_READ(vol_slice32_read_only(s), 1, &value), VOL_OK);
    assert_int_equal(value, 21);
    assert_int_equal(VOL_SLICE_WRITE(vol_slice32_write_only(s), 2, 31), VOL_OK);
    assert_int_equal(mem[2], 31);
}

static void test_empty_slice(void **state)
{
    (void)state;
    struct vol_ro_slice8 s = vol_ro_slice8_make(NULL, 0);
    uint8_t value = 0;
    assert_int_equal(vol_ro_slice8_read(s, 0, &value), VOL_OUT_OF_BOUNDS);
    assert_int_equal(vol_ro_slice8_copy_into(s, NULL, 0), VOL_OK);
    struct vol_ro_slice8 sub;
    assert_int_equal(vol_ro_slice8_sub(s, 0, 0, &sub), VOL_OK);
    assert_int_equal(sub.len, 0);
}

static void test_sub_slices(void **state)
{
    (void)state;
    uint16_t mem[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    struct vol_slice16 s = vol_slice16_make(mem, 8);
    struct vol_slice16 sub;
    assert_int_equal(vol_slice16_sub(s, 2, 5, &sub), VOL_OK);
    assert_int_equal(sub.len, 3);
    uint16_t value = 0;
    assert_int_equal(vol_slice16_read(sub, 0, &value), VOL_OK);
    assert_int_equal(value, 2);
    assert_int_equal(vol_slice16_read(sub, 3, &value), VOL_OUT_OF_BOUNDS);

    /* start > end, end > len, both at the edge */
    assert_int_equal(vol_slice16_sub(s, 5, 4, &sub), VOL_BAD_RANGE);
    assert_int_equal(vol_slice16_sub(s, 0, 9, &sub), VOL_BAD_RANGE);
    assert_int_equal(vol_slice16_sub(s, 9, 9, &sub), VOL_BAD_RANGE);
    assert_int_equal(vol_slice16_sub(s, SIZE_MAX, SIZE_MAX, &sub), VOL_BAD_RANGE);
    assert_int_equal(vol_slice16_sub(s, 8, 8, &sub), VOL_OK);
    assert_int_equal(sub.len, 0);
    assert_int_equal(vol_slice16_sub(s, 0, 8, NULL), VOL_NULL_POINTER);

    struct vol_wo_slice16 wo = vol_slice16_write_only(s);
    struct vol_wo_slice16 wo_sub;
    assert_int_equal(vol_wo_slice16_sub(wo, 6, 8, &wo_sub), VOL_OK);
    vol_wo_slice16_fill(wo_sub, 0xBEEF);
    assert_int_equal(mem[5], 5);
    assert_int_equal(mem[6], 0xBEEF);
    assert_int_equal(mem[7], 0xBEEF);
}

static void test_copy_into_from(void **state)
{
    (void)state;
    uint64_t device[3] = {0x1111111111111111ull, 0x2222222222222222ull, 0x3333333333333333ull};
    struct vol_slice64 s = vol_slice64_make(device, 3);
    uint64_t buf[3] = {0};
    assert_int_equal(vol_slice64_copy_into(s, buf, 2), VOL_LENGTH_MISMATCH);
    assert_int_equal(buf[0], 0); /* nothing copied on failure */
    assert_int_equal(vol_slice64_copy_into(s, NULL, 3), VOL_NULL_POINTER);
    assert_int_equal(VOL_SLICE_COPY_INTO(s, buf, 3), VOL_OK);
    assert_memory_equal(buf, device, sizeof buf);

    const uint64_t src[3] = {7, 8, 9};
    assert_int_equal(vol_slice64_copy_from(s, src, 4), VOL_LENGTH_MISMATCH);
    assert_int_equal(device[0], 0x1111111111111111ull);
    assert_int_equal(vol_slice64_copy_from(s, NULL, 3), VOL_NULL_POINTER);
    assert_int_equal(VOL_SLICE_COPY_FROM(vol_slice64_write_only(s), src, 3), VOL_OK);
    assert_int_equal(device[2], 9);

    struct vol_ro_slice64 ro = vol_slice64_read_only(s);
    assert_int_equal(vol_ro_slice64_copy_into(ro, buf, 3), VOL_OK);
    assert_int_equal(buf[1], 8);
}

static void test_fill_exact_extent(void **state)
{
    (void)state;
    uint8_t mem[10];
    memset(mem, 0xEE, sizeof mem);
    struct vol_slice8 s = vol_slice8_make(mem + 1, 8);
    VOL_SLICE_FILL(s, 0x5A);
    assert_int_equal(mem[0], 0xEE);
    for (size_t i = 1; i < 9; i++) {
        assert_int_equal(mem[i], 0x5A);
    }
    assert_int_equal(mem[9], 0xEE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_write_bounds),
        cmocka_unit_test(test_empty_slice),
        cmocka_unit_test(test_sub_slices),
        cmocka_unit_test(test_copy_into_from),
        cmocka_unit_test(test_fill_exact_extent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
