/* Page-table entries and PAT selection against the Intel SDM Vol. 3A layouts:
 * Tables 4-19 (PDE mapping 2 MiB), 4-17 (PDPTE mapping 1 GiB), 4-21 (PTE),
 * 11.12.3 (PAT index from PAT:PCD:PWT), Table 11-12 (PAT after reset). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include "x86_64/paging.h"
#include "x86_64/pat.h"
#include "x86_64/registers.h"

static void test_flag_bits(void **state)
{
    (void)state;
    /* Bit positions from Table 4-21 (PTE). */
    assert_int_equal(X86_PTE_PRESENT, 0x1);
    assert_int_equal(X86_PTE_WRITABLE, 0x2);
    assert_int_equal(X86_PTE_USER, 0x4);
    assert_int_equal(X86_PTE_WRITE_THROUGH, 0x8);
    assert_int_equal(X86_PTE_CACHE_DISABLE, 0x10);
    assert_int_equal(X86_PTE_ACCESSED, 0x20);
    assert_int_equal(X86_PTE_DIRTY, 0x40);
    assert_int_equal(X86_PTE_PAT_4K, 0x80);
    assert_int_equal(X86_PTE_GLOBAL, 0x100);
    assert_int_equal(X86_PTE_PAT_HUGE, 0x1000);
    assert_int_equal(X86_PTE_PROTECTION_KEY, UINT64_C(0x7800000000000000));
    assert_int_equal(X86_PTE_NO_EXECUTE, UINT64_C(0x8000000000000000));
    /* Bits 58:52 and 11:9 are ignored by the CPU: available to software. */
    assert_int_equal(X86_PTE_AVAILABLE_HIGH, UINT64_C(0x07F0000000000000));
    assert_int_equal(X86_PTE_AVAILABLE_LOW, 0xE00);
    /* Every bit is named exactly once in a 4 KiB PTE: address | flags = all. */
    uint64_t all = X86_PTE_ADDR_4K | 0xFFF | X86_PTE_AVAILABLE_HIGH | X86_PTE_PROTECTION_KEY |
                   X86_PTE_NO_EXECUTE;
    assert_int_equal(all, UINT64_MAX);
}

static void test_make_entries(void **state)
{
    (void)state;
    uint64_t e;
    assert_int_equal(x86_pte_make(UINT64_C(0x000FFFFFFFFFF000), X86_PAGE_4K,
                                  X86_PTE_PRESENT | X86_PTE_WRITABLE, &e),
                     X86_OK);
    assert_int_equal(e, UINT64_C(0x000FFFFFFFFFF003));
    /* 2 MiB: PS is bit 7, address bits 51:21. */
    assert_int_equal(x86_pte_make(0x40200000, X86_PAGE_2M, X86_PTE_PRESENT, &e), X86_OK);
    assert_int_equal(e, UINT64_C(0x40200081));
    assert_int_equal(x86_pte_addr(e, X86_PAGE_2M), 0x40200000);
    assert_int_equal(x86_pte_flags(e, X86_PAGE_2M), 0x81);
    /* 1 GiB with the PAT bit (12) and no-execute. */
    assert_int_equal(x86_pte_make(UINT64_C(0x1C0000000), X86_PAGE_1G,
                                  X86_PTE_PRESENT | X86_PTE_PAT_HUGE | X86_PTE_NO_EXECUTE, &e),
                     X86_OK);
    assert_int_equal(e, UINT64_C(0x80000001C0001081));
    assert_int_equal(x86_pte_addr(e, X86_PAGE_1G), UINT64_C(0x1C0000000));

    assert_int_equal(x86_pte_make(0x1000, X86_PAGE_2M, 0, &e), X86_NOT_ALIGNED);
    assert_int_equal(x86_pte_make(UINT64_C(1) << 52, X86_PAGE_4K, 0, &e), X86_BAD_PHYS_ADDR);
    assert_int_equal(x86_pte_make(0, X86_PAGE_4K, 0x1000, &e), X86_BAD_FLAGS);
    assert_int_equal(x86_pte_make(0, X86_PAGE_2M, UINT64_C(1) << 21, &e), X86_BAD_FLAGS);
    assert_int_equal(x86_pte_make(0, (enum x86_page_size)3, 0, &e), X86_BAD_ARGUMENT);
    assert_int_equal(x86_pte_addr_mask((enum x86_page_size)3), 0);

    e = UINT64_C(0x8000000000ABC063);
    assert_int_equal(x86_pte_set_addr(&e, 0xDEF000, X86_PAGE_4K), X86_OK);
    assert_int_equal(e, UINT64_C(0x8000000000DEF063));
    assert_int_equal(x86_pte_set_addr(&e, 0xDEF800, X86_PAGE_4K), X86_NOT_ALIGNED);
    assert_int_equal(e, UINT64_C(0x8000000000DEF063));
    assert_int_equal(x86_pte_set_addr(&e, 0, (enum x86_page_size)3), X86_BAD_ARGUMENT);
    assert_true(x86_pte_is_present(e));
    assert_false(x86_pte_is_present(e & ~UINT64_C(1)));
}

static void test_protection_key(void **state)
{
    (void)state;
    uint64_t e = x86_pte_with_protection_key(UINT64_C(0x8000000000001003), 0xB);
    assert_int_equal(e, UINT64_C(0xD800000000001003)); /* key in bits 62:59 */
    assert_int_equal(x86_pte_protection_key(e), 0xB);
    assert_int_equal(x86_pte_with_protection_key(e, 0), UINT64_C(0x8000000000001003));
}

static void test_pat(void **state)
{
    (void)state;
    /* Reset value: PA0 WB(6), PA1 WT(4), PA2 UC-(7), PA3 UC(0), then again. */
    assert_int_equal(x86_pat_type(X86_PAT_DEFAULT, 0), X86_MT_WB);
    assert_int_equal(x86_pat_type(X86_PAT_DEFAULT, 1), X86_MT_WT);
    assert_int_equal(x86_pat_type(X86_PAT_DEFAULT, 2), X86_MT_UC_MINUS);
    assert_int_equal(x86_pat_type(X86_PAT_DEFAULT, 3), X86_MT_UC);
    assert_int_equal(x86_pat_type(X86_PAT_DEFAULT, 7), X86_MT_UC);
    /* The common Linux choice: PA4 = WC. */
    uint64_t pat = x86_pat_with_type(X86_PAT_DEFAULT, 4, X86_MT_WC);
    assert_int_equal(pat, UINT64_C(0x0007040100070406));
    /* Index 5 = PAT:PCD:PWT = 1:0:1. */
    assert_int_equal(x86_pat_entry_bits(5, X86_PAGE_4K), 0x80 | 0x08);
    assert_int_equal(x86_pat_entry_bits(5, X86_PAGE_2M), 0x1000 | 0x08);
    assert_int_equal(x86_pat_entry_bits(6, X86_PAGE_1G), 0x1000 | 0x10);
    assert_int_equal(x86_pat_entry_bits(0, X86_PAGE_4K), 0);
    for (unsigned i = 0; i < 8; i++) {
        assert_int_equal(x86_pat_index_of(x86_pat_entry_bits(i, X86_PAGE_4K), X86_PAGE_4K), i);
        assert_int_equal(x86_pat_index_of(x86_pat_entry_bits(i, X86_PAGE_2M) | 0x80, X86_PAGE_2M), i);
    }
}

static void test_cr3(void **state)
{
    (void)state;
    /* SDM Table 4-13 (CR4.PCIDE = 1): bits 11:0 PCID, 51:12 the PML4/PML5
     * address; bit 63 on a MOV to CR3 keeps the PCID's TLB entries. */
    uint64_t cr3 = x86_cr3_make(UINT64_C(0x0000123456789000), 0xABC);
    assert_int_equal(cr3, UINT64_C(0x0000123456789ABC));
    assert_int_equal(x86_cr3_root(cr3 | X86_CR3_NO_FLUSH), UINT64_C(0x0000123456789000));
    assert_int_equal(x86_cr3_pcid(cr3), 0xABC);
    assert_int_equal(X86_CR3_NO_FLUSH, UINT64_C(0x8000000000000000));
    assert_int_equal(x86_cr3_make(0x1000, 0x1FFF), 0x1FFF); /* PCID masked to 12 bits */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flag_bits), cmocka_unit_test(test_make_entries),
        cmocka_unit_test(test_protection_key), cmocka_unit_test(test_pat),
        cmocka_unit_test(test_cr3),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
