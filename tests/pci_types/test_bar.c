/* BAR decoding and sizing: every BAR and expansion ROM QEMU lists in
 * `info pci` (pci.txt) for i440fx, q35 SeaBIOS and q35 OVMF, sized through
 * the mock's writable masks, plus the corner cases of PCI Local Bus 3.0,
 * 6.2.5 on hand-made registers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mock_pci.h"
#include "pci_types/pci_types.h"
#include "support.h"

static const char *const configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf"};

static void check_function(struct mock_pci *m, const struct pci_config_access *acc,
                           struct mock_pci_function *f)
{
    struct pci_function fn = pci_function_make(acc, f->address);
    struct pci_bar_iter it;
    struct pci_bar bar;
    struct pci_rom rom;
    int seen[6] = {0};
    uint8_t *before = malloc(f->size);
    enum pci_status st;
    assert_non_null(before);
    memcpy(before, f->bytes, f->size);

    pci_bar_iter_init(&it, &fn, true);
    while ((st = pci_bar_next(&it, &bar)) == PCI_OK) {
        const struct mock_pci_bar_info *want = &f->bars[bar.index];
        seen[bar.index] = 1;
        if (!want->present) {
            assert_int_equal(bar.kind, PCI_BAR_UNUSED);
            assert_int_equal(bar.size, 0);
            continue;
        }
        assert_int_equal(bar.kind, want->is_io ? PCI_BAR_IO
                                               : want->is_64bit ? PCI_BAR_MEM64 : PCI_BAR_MEM32);
        assert_int_equal(bar.prefetchable, want->prefetchable);
        assert_int_equal(bar.address, want->address);
        assert_int_equal(bar.size, want->size);
    }
    assert_int_equal(st, PCI_END);
    /* Every BAR pci.txt lists was reported. */
    for (unsigned n = 0; n < 6; n++)
        if (f->bars[n].present)
            assert_true(seen[n]);

    if ((f->bytes[0x0E] & 0x7F) <= 1) {
        assert_int_equal(pci_rom_size(&fn, &rom), PCI_OK);
        assert_int_equal(rom.size, f->bars[6].present ? f->bars[6].size : 0);
        assert_false(rom.enabled);
    }
    /* Sizing restored every register it touched. */
    assert_memory_equal(before, f->bytes, f->size);
    assert_int_equal(m->bad_accesses, 0);
    free(before);
}

static void test_every_fixture_bar(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++) {
        struct mock_pci m;
        struct pci_config_access acc;
        char dir[128];
        snprintf(dir, sizeof dir, "fixtures/qemu/%s", configs[c]);
        assert_true(mock_pci_load_fixture(&m, support_path(dir)) > 0);
        mock_pci_access(&m, &acc);
        for (size_t i = 0; i < m.count; i++)
            check_function(&m, &acc, &m.functions[i]);
        mock_pci_free(&m);
    }
}

/* pci.txt of q35-seabios: 01:00.0 BAR4 "64 bit prefetchable memory at
 * 0xfe000000 [0xfe003fff]"; the iterator returns it once and skips slot 5. */
static void test_64bit_bar_consumes_two_slots(void **state)
{
    struct mock_pci m;
    struct pci_config_access acc;
    struct pci_bar bar;
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/q35-seabios")), 7);
    mock_pci_access(&m, &acc);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 1, 0, 0));
    assert_int_equal(pci_bar_size(&fn, 4, &bar), PCI_OK);
    assert_int_equal(bar.kind, PCI_BAR_MEM64);
    assert_true(bar.prefetchable);
    assert_int_equal(bar.address, 0xfe000000u);
    assert_int_equal(bar.size, 0x4000);
    struct pci_bar_iter it;
    unsigned count = 0;
    pci_bar_iter_init(&it, &fn, false);
    while (pci_bar_next(&it, &bar) == PCI_OK) {
        assert_int_not_equal(bar.index, 5);
        count++;
    }
    assert_int_equal(count, 5); /* slots 0-4, the 64-bit one covering 4-5 */
    mock_pci_free(&m);
}

static void test_decode(void **state)
{
    struct pci_bar bar;
    (void)state;
    /* PCI 3.0, 6.2.5.1: bit 0 = 1 I/O, address in bits 31:2. */
    assert_int_equal(pci_bar_decode(0x0000c001u, 0, &bar), PCI_OK);
    assert_int_equal(bar.kind, PCI_BAR_IO);
    assert_int_equal(bar.address, 0xc000);
    /* Memory: type 10b = 64-bit, bit 3 prefetchable. */
    assert_int_equal(pci_bar_decode(0xfe00000cu, 0x12u, &bar), PCI_OK);
    assert_int_equal(bar.kind, PCI_BAR_MEM64);
    assert_true(bar.prefetchable);
    assert_int_equal(bar.address, 0x12fe000000u);
    /* Type 01b (below 1 MiB, PCI 2.x) reads as 32-bit. */
    assert_int_equal(pci_bar_decode(0x000d0002u, 0xFFFFFFFFu, &bar), PCI_OK);
    assert_int_equal(bar.kind, PCI_BAR_MEM32);
    assert_int_equal(bar.address, 0xd0000);
    /* Type 11b is reserved. */
    assert_int_equal(pci_bar_decode(0xfe000006u, 0, &bar), PCI_BAD_BAR);
    assert_string_equal(pci_bar_kind_name(PCI_BAR_MEM64), "mem64");
    assert_int_equal(pci_bar_count(0), 6);
    assert_int_equal(pci_bar_count(1), 2);
    assert_int_equal(pci_bar_count(2), 1);
    assert_int_equal(pci_bar_count(5), 0);
}

/* Hand-made function: BAR5 claims 64 bits (no slot for the upper half),
 * BAR0 is a 16-bit I/O decoder of 32 bytes, BAR1 a 64-bit BAR of 4 GiB. */
static void test_corner_cases(void **state)
{
    uint8_t img[256];
    struct mock_pci m;
    struct mock_pci_function *f;
    struct pci_config_access acc;
    struct pci_bar bar;
    (void)state;
    memset(img, 0, sizeof img);
    img[0] = 0x34; img[1] = 0x12;
    img[0x10] = 0x01;                 /* BAR0 I/O */
    img[0x14] = 0x0C;                 /* BAR1 64-bit prefetchable */
    img[0x24] = 0x04;                 /* BAR5 64-bit: invalid in the last slot */
    mock_pci_init(&m, 256);
    f = mock_pci_add(&m, pci_address_make(0, 0, 5, 0), img, sizeof img);
    assert_non_null(f);
    mock_pci_set_writable(f, 0x04, 2, 0x0003);
    mock_pci_set_writable(f, 0x10, 4, 0x0000FFE0u);
    mock_pci_set_writable(f, 0x14, 4, 0);
    mock_pci_set_writable(f, 0x18, 4, 0xFFFFFFFFu);
    mock_pci_access(&m, &acc);
    struct pci_function fn = pci_function_make(&acc, f->address);

    assert_int_equal(pci_bar_size(&fn, 0, &bar), PCI_OK);
    assert_int_equal(bar.kind, PCI_BAR_IO);
    assert_int_equal(bar.size, 0x20);
    assert_int_equal(pci_bar_size(&fn, 1, &bar), PCI_OK);
    assert_int_equal(bar.kind, PCI_BAR_MEM64);
    assert_int_equal(bar.size, UINT64_C(0x100000000));
    assert_int_equal(pci_bar_size(&fn, 3, &bar), PCI_OK);
    assert_int_equal(bar.kind, PCI_BAR_UNUSED);
    assert_int_equal(pci_bar_read(&fn, 5, &bar), PCI_BAD_BAR);
    assert_int_equal(pci_bar_read(&fn, 6, &bar), PCI_INVALID_ARGUMENT);

    struct pci_bar_iter it;
    enum pci_status st;
    unsigned ok = 0;
    pci_bar_iter_init(&it, &fn, true);
    while ((st = pci_bar_next(&it, &bar)) == PCI_OK)
        ok++;
    assert_int_equal(ok, 4);          /* 0, 1(+2), 3, 4 */
    assert_int_equal(st, PCI_BAD_BAR); /* then slot 5 */
    assert_int_equal(pci_bar_next(&it, &bar), PCI_END);

    /* Read-only backends cannot size. */
    struct pci_config_image image;
    struct pci_config_access ro;
    pci_image_access_init(&ro, &image, img, sizeof img);
    struct pci_function rofn = pci_function_make(&ro, f->address);
    assert_int_equal(pci_bar_size(&rofn, 0, &bar), PCI_READ_ONLY);
    assert_int_equal(pci_bar_read(&rofn, 0, &bar), PCI_OK);
    assert_int_equal(bar.size, 0);

    /* Absent function. */
    struct pci_function absent = pci_function_make(&acc, pci_address_make(0, 0, 6, 0));
    assert_int_equal(pci_bar_read(&absent, 0, &bar), PCI_NO_FUNCTION);
    pci_bar_iter_init(&it, &absent, false);
    assert_int_equal(pci_bar_next(&it, &bar), PCI_NO_FUNCTION);
    assert_int_equal(pci_bar_next(&it, &bar), PCI_END);
    assert_int_equal(m.bad_accesses, 0);
    mock_pci_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_fixture_bar),
        cmocka_unit_test(test_64bit_bar_consumes_two_slots),
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_corner_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
