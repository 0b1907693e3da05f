/* The mock configuration space itself: fixture loading, all-ones for absent
 * functions and for 0x100-0xFFF of conventional functions, writable masks
 * derived from QEMU's `info pci`, and the emulated 0xCF8/0xCFC ports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mock_pci.h"
#include "support.h"

static void read_fixture_file(const char *rel, uint8_t **data, size_t *len)
{
    assert_int_equal(support_read_file(support_path(rel), data, len), 0);
}

static void test_loads_every_function(void **state)
{
    struct mock_pci m;
    (void)state;
    /* pci/index.txt lists 6 functions for i440fx and 7 for q35-seabios. */
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/i440fx-seabios")), 6);
    assert_int_equal(m.config_size, 256);
    mock_pci_free(&m);
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/q35-seabios")), 7);
    assert_int_equal(m.config_size, 4096);
    mock_pci_free(&m);
}

static void test_reads_match_files(void **state)
{
    struct mock_pci m;
    uint8_t *data;
    size_t len;
    struct pci_address a = pci_address_make(0, 1, 0, 0);
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/q35-seabios")), 7);
    read_fixture_file("fixtures/qemu/q35-seabios/pci/01_00_0.bin", &data, &len);
    assert_int_equal(len, 4096);
    for (uint16_t off = 0; off < 4096; off += 4) {
        uint32_t want = (uint32_t)data[off] | (uint32_t)data[off + 1] << 8 |
                        (uint32_t)data[off + 2] << 16 | (uint32_t)data[off + 3] << 24;
        assert_int_equal(mock_pci_read(&m, a, off, 4), want);
    }
    assert_int_equal(mock_pci_read(&m, a, 0x02, 2), data[2] | data[3] << 8);
    assert_int_equal(mock_pci_read(&m, a, 0x0B, 1), data[0x0B]);
    /* 01:00.0 is 1af4:1041 (pci.txt). */
    assert_int_equal(mock_pci_read(&m, a, 0, 4), 0x10411af4u);
    free(data);
    mock_pci_free(&m);
}

static void test_absent_and_extended_read_all_ones(void **state)
{
    struct mock_pci m;
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/q35-seabios")), 7);
    /* Nothing at 00:02.0 on this machine. */
    assert_int_equal(mock_pci_read(&m, pci_address_make(0, 0, 2, 0), 0, 4), 0xFFFFFFFFu);
    assert_int_equal(mock_pci_read(&m, pci_address_make(0, 0, 2, 0), 0, 2), 0xFFFFu);
    /* The host bridge is conventional: 0x100 reads all-ones on q35 (NOTES.md). */
    assert_int_equal(mock_pci_read(&m, pci_address_make(0, 0, 0, 0), 0x100, 4), 0xFFFFFFFFu);
    assert_int_equal(m.bad_accesses, 0);
    /* Misaligned and out-of-range accesses are contract violations. */
    (void)mock_pci_read(&m, pci_address_make(0, 0, 0, 0), 0x02, 4);
    (void)mock_pci_read(&m, pci_address_make(0, 0, 0, 0), 0x1000, 1);
    assert_int_equal(m.bad_accesses, 2);
    mock_pci_free(&m);
}

static void test_bar_masks_from_info_pci(void **state)
{
    struct mock_pci m;
    struct pci_address e1000 = pci_address_make(0, 0, 3, 0);
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/i440fx-seabios")), 6);
    /* pci.txt: BAR0 32-bit memory 0xfebc0000-0xfebdffff (128 KiB), BAR1 I/O
     * 0xc000-0xc03f (64 bytes), ROM size 0x40000. */
    mock_pci_write(&m, e1000, 0x10, 4, 0xFFFFFFFFu);
    assert_int_equal(mock_pci_read(&m, e1000, 0x10, 4), 0xFFFE0000u);
    mock_pci_write(&m, e1000, 0x14, 4, 0xFFFFFFFFu);
    assert_int_equal(mock_pci_read(&m, e1000, 0x14, 4), 0xFFFFFFC1u);
    mock_pci_write(&m, e1000, 0x30, 4, 0xFFFFF800u);
    assert_int_equal(mock_pci_read(&m, e1000, 0x30, 4), 0xFFFC0000u);
    /* BAR2 is not listed: unimplemented, read-only zero. */
    mock_pci_write(&m, e1000, 0x18, 4, 0xFFFFFFFFu);
    assert_int_equal(mock_pci_read(&m, e1000, 0x18, 4), 0);
    /* Vendor ID is read-only. */
    mock_pci_write(&m, e1000, 0x00, 2, 0x1234);
    assert_int_equal(mock_pci_read(&m, e1000, 0x00, 2), 0x8086);
    assert_int_equal(mock_pci_find(&m, e1000)->irq, 11);
    assert_int_equal(mock_pci_find(&m, e1000)->pin, 'A');
    mock_pci_free(&m);
}

static void test_cf8_cfc_ports(void **state)
{
    struct mock_pci m;
    struct pci_port_io io;
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/i440fx-seabios")), 6);
    mock_pci_port_io(&m, &io);
    /* CONFIG_ADDRESS of 00:01.1 register 0x08: class 01.01.80 (index.txt). */
    io.out32(io.ctx, 0xCF8, 0x80000000u | 1u << 11 | 1u << 8 | 0x08u);
    assert_int_equal(io.in32(io.ctx, 0xCF8), 0x80000908u);
    assert_int_equal(io.in8(io.ctx, 0xCFF), 0x01);
    assert_int_equal(io.in8(io.ctx, 0xCFE), 0x01);
    assert_int_equal(io.in8(io.ctx, 0xCFD), 0x80);
    /* Register 0 of 00:00.0: 8086:1237. */
    io.out32(io.ctx, 0xCF8, 0x80000000u);
    assert_int_equal(io.in16(io.ctx, 0xCFC), 0x8086);
    assert_int_equal(io.in16(io.ctx, 0xCFE), 0x1237);
    assert_int_equal(m.bad_accesses, 0);
    /* Enable bit clear: no configuration cycle. */
    io.out32(io.ctx, 0xCF8, 0);
    assert_int_equal(io.in32(io.ctx, 0xCFC), 0xFFFFFFFFu);
    assert_int_equal(m.bad_accesses, 1);
    mock_pci_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_every_function),
        cmocka_unit_test(test_reads_match_files),
        cmocka_unit_test(test_absent_and_extended_read_all_ones),
        cmocka_unit_test(test_bar_masks_from_info_pci),
        cmocka_unit_test(test_cf8_cfc_ports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
