/* Addresses and pages: canonical forms (Intel SDM Vol. 3A, 3.3.7.1 and 4.5),
 * table indices (Figures 4-8 to 4-10), alignment and page ranges. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include "x86_64/addr.h"
#include "x86_64/page.h"

static void test_canonical(void **state)
{
    (void)state;
    /* 48 bits: 0..0x00007FFFFFFFFFFF and 0xFFFF800000000000..max. */
    assert_true(x86_virt_is_canonical(UINT64_C(0x00007FFFFFFFFFFF), 4));
    assert_true(x86_virt_is_canonical(UINT64_C(0xFFFF800000000000), 4));
    assert_false(x86_virt_is_canonical(UINT64_C(0x0000800000000000), 4));
    assert_false(x86_virt_is_canonical(UINT64_C(0xFFFF7FFFFFFFFFFF), 4));
    /* 57 bits (LA57): 0..0x00FFFFFFFFFFFFFF and 0xFF00000000000000..max. */
    assert_true(x86_virt_is_canonical(UINT64_C(0x0000800000000000), 5));
    assert_true(x86_virt_is_canonical(UINT64_C(0x00FFFFFFFFFFFFFF), 5));
    assert_true(x86_virt_is_canonical(UINT64_C(0xFF00000000000000), 5));
    assert_false(x86_virt_is_canonical(UINT64_C(0x0100000000000000), 5));
    assert_false(x86_virt_is_canonical(0, 3));

    assert_int_equal(x86_virt_sign_extend(UINT64_C(0x0000800000000000), 4), UINT64_C(0xFFFF800000000000));
    assert_int_equal(x86_virt_sign_extend(UINT64_C(0x1234567890ABCDEF), 4), UINT64_C(0x0000567890ABCDEF));
    assert_int_equal(x86_virt_sign_extend(UINT64_C(0x0100000000000000), 5), UINT64_C(0xFF00000000000000));
    assert_int_equal(x86_virt_sign_extend(UINT64_C(0x0080000000000000), 5), UINT64_C(0x0080000000000000));
    assert_int_equal(x86_virt_sign_extend(42, 6), 42);
}

static void test_indices(void **state)
{
    (void)state;
    /* 0xFFFF800000201ABC: PML4 256 (bits 47:39), PDPT 0, PD 1, PT 1, offset 0xABC. */
    uint64_t v = UINT64_C(0xFFFF800000201ABC);
    assert_int_equal(x86_virt_table_index(v, 4), 256);
    assert_int_equal(x86_virt_table_index(v, 3), 0);
    assert_int_equal(x86_virt_table_index(v, 2), 1);
    assert_int_equal(x86_virt_table_index(v, 1), 1);
    assert_int_equal(x86_virt_page_offset(v), 0xABC);
    /* PML5 index: bits 56:48. */
    assert_int_equal(x86_virt_table_index(UINT64_C(0x0100000000000000), 5), 256);
    unsigned idx[5] = { 1, 1, 0, 256, 0 };
    assert_int_equal(x86_virt_from_indices(4, idx, 0xABC), v);
    assert_int_equal(x86_virt_from_indices(4, idx, 0x1ABC), v); /* offset masked to 12 bits */
    idx[4] = 256;
    assert_int_equal(x86_virt_from_indices(5, idx, 0), UINT64_C(0xFF00800000201000));
    assert_int_equal(x86_virt_from_indices(2, idx, 0), 0);
}

static void test_align(void **state)
{
    (void)state;
    uint64_t out = 7;
    assert_int_equal(x86_align_up(0x1001, 0x1000, &out), X86_OK);
    assert_int_equal(out, 0x2000);
    assert_int_equal(x86_align_up(0x2000, 0x1000, &out), X86_OK);
    assert_int_equal(out, 0x2000);
    assert_int_equal(x86_align_up(UINT64_C(0xFFFFFFFFFFFFF000), 0x1000, &out), X86_OK);
    assert_int_equal(out, UINT64_C(0xFFFFFFFFFFFFF000));
    out = 7;
    assert_int_equal(x86_align_up(UINT64_C(0xFFFFFFFFFFFFF001), 0x1000, &out), X86_OVERFLOW);
    assert_int_equal(out, 7);
    assert_int_equal(x86_align_up(5, 0, &out), X86_BAD_ARGUMENT);
    assert_int_equal(x86_align_up(5, 0x3000, &out), X86_BAD_ARGUMENT);
    assert_int_equal(x86_align_down(0x1FFF, 0x1000), 0x1000);
    assert_true(x86_is_aligned(0x200000, 0x200000));
    assert_false(x86_is_aligned(0x201000, 0x200000));
    assert_true(x86_phys_is_valid(UINT64_C(0x000FFFFFFFFFFFFF)));
    assert_false(x86_phys_is_valid(UINT64_C(0x0010000000000000)));
}

static void test_virt_add(void **state)
{
    (void)state;
    uint64_t out;
    assert_int_equal(x86_virt_add(UINT64_C(0xFFFF800000000000), 0x1000, 4, &out), X86_OK);
    assert_int_equal(out, UINT64_C(0xFFFF800000001000));
    assert_int_equal(x86_virt_add(UINT64_C(0x00007FFFFFFFF000), 0x1000, 4, &out), X86_NOT_CANONICAL);
    assert_int_equal(x86_virt_add(UINT64_C(0x0000800000000000), 0, 4, &out), X86_NOT_CANONICAL);
    assert_int_equal(x86_virt_add(UINT64_C(0xFFFFFFFFFFFFF000), 0x1000, 4, &out), X86_OVERFLOW);
    assert_int_equal(x86_virt_add(0, 0, 7, &out), X86_BAD_ARGUMENT);
}

static void test_pages(void **state)
{
    (void)state;
    struct x86_page page;
    assert_int_equal(x86_page_containing(UINT64_C(0xFFFF800000345678), X86_PAGE_2M, 4, &page), X86_OK);
    assert_int_equal(page.start, UINT64_C(0xFFFF800000200000));
    assert_int_equal(page.size, X86_PAGE_2M);
    assert_int_equal(x86_page_containing(UINT64_C(0x0000800000000000), X86_PAGE_4K, 4, &page),
                     X86_NOT_CANONICAL);
    assert_int_equal(x86_page_containing(0, (enum x86_page_size)4096 * 3, 4, &page), X86_BAD_ARGUMENT);
    struct x86_frame frame;
    assert_int_equal(x86_frame_containing(0x7FFFFFFF, X86_PAGE_1G, &frame), X86_OK);
    assert_int_equal(frame.start, 0x40000000);
    assert_int_equal(x86_frame_containing(UINT64_C(1) << 52, X86_PAGE_4K, &frame), X86_BAD_PHYS_ADDR);
    assert_int_equal(x86_frame_containing(0, (enum x86_page_size)0, &frame), X86_BAD_ARGUMENT);
    assert_int_equal(x86_page_size_level(X86_PAGE_4K), 1);
    assert_int_equal(x86_page_size_level(X86_PAGE_2M), 2);
    assert_int_equal(x86_page_size_level(X86_PAGE_1G), 3);
    assert_int_equal(x86_page_size_level((enum x86_page_size)0x800), 0);
    /* The sizes themselves: 4 KiB, 2 MiB, 1 GiB (SDM 4.5). */
    assert_int_equal(X86_PAGE_4K, 4096);
    assert_int_equal(X86_PAGE_2M, 2 * 1024 * 1024);
    assert_int_equal(X86_PAGE_1G, 1024 * 1024 * 1024);
}

static void test_ranges(void **state)
{
    (void)state;
    struct x86_page_range r;
    uint64_t start;
    assert_int_equal(x86_page_range_init(&r, 0x200000, 3, X86_PAGE_2M), X86_OK);
    assert_int_equal(x86_page_range_next(&r, &start), X86_OK);
    assert_int_equal(start, 0x200000);
    assert_int_equal(x86_page_range_next(&r, &start), X86_OK);
    assert_int_equal(start, 0x400000);
    assert_int_equal(x86_page_range_next(&r, &start), X86_OK);
    assert_int_equal(start, 0x600000);
    assert_int_equal(x86_page_range_next(&r, &start), X86_END);
    assert_int_equal(x86_page_range_next(&r, &start), X86_END);
    /* A range ending at the very top of the address space. */
    assert_int_equal(x86_page_range_init(&r, UINT64_C(0xFFFFFFFFFFFFE000), 2, X86_PAGE_4K), X86_OK);
    assert_int_equal(x86_page_range_next(&r, &start), X86_OK);
    assert_int_equal(x86_page_range_next(&r, &start), X86_OK);
    assert_int_equal(start, UINT64_C(0xFFFFFFFFFFFFF000));
    assert_int_equal(x86_page_range_next(&r, &start), X86_END);
    assert_int_equal(x86_page_range_init(&r, UINT64_C(0xFFFFFFFFFFFFE000), 3, X86_PAGE_4K), X86_OVERFLOW);
    assert_int_equal(x86_page_range_init(&r, 0, UINT64_MAX, X86_PAGE_1G), X86_OVERFLOW);
    assert_int_equal(x86_page_range_init(&r, 0x1000, 1, X86_PAGE_2M), X86_NOT_ALIGNED);
    assert_int_equal(x86_page_range_init(&r, 0, 1, (enum x86_page_size)1), X86_BAD_ARGUMENT);
    assert_int_equal(x86_page_range_init(&r, 0, 0, X86_PAGE_4K), X86_OK);
    assert_int_equal(x86_page_range_next(&r, &start), X86_END);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canonical), cmocka_unit_test(test_indices),
        cmocka_unit_test(test_align),     cmocka_unit_test(test_virt_add),
        cmocka_unit_test(test_pages),     cmocka_unit_test(test_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
