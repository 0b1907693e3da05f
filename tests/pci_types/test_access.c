/* Addresses, statuses and the three configuration-access backends: the
 * image backend, Configuration Mechanism #1 over emulated ports, and ECAM
 * (window and map/unmap) over QEMU q35's captured ECAM pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mock_mem.h"
#include "mock_pci.h"
#include "pci_types/pci_types.h"
#include "support.h"

/* q35-seabios/README.md and MCFG: ECAM at 0xB0000000, buses 0-255. */
#define Q35_ECAM_BASE 0xB0000000u

static void test_address_packing(void **state)
{
    uint16_t rid;
    uint64_t off;
    uint32_t ca;
    char buf[PCI_ADDRESS_STR_LEN];
    (void)state;
    /* index.txt: 00:1f.2 was read at ECAM 0xb00fa000, 01:00.0 at 0xb0100000. */
    assert_int_equal(pci_address_ecam_offset(pci_address_make(0, 0, 0x1f, 2), &off), PCI_OK);
    assert_int_equal(off, 0xfa000u);
    assert_int_equal(pci_address_ecam_offset(pci_address_make(0, 1, 0, 0), &off), PCI_OK);
    assert_int_equal(off, 0x100000u);
    assert_int_equal(pci_address_to_rid(pci_address_make(0, 1, 0x1f, 7), &rid), PCI_OK);
    assert_int_equal(rid, 0x01FF);
    struct pci_address back = pci_address_from_rid(3, 0x01FF);
    assert_int_equal(back.segment, 3);
    assert_int_equal(back.bus, 1);
    assert_int_equal(back.device, 0x1f);
    assert_int_equal(back.function, 7);
    /* PCI 3.0, 3.2.2.3.2: enable | bus 23:16 | device 15:11 | function 10:8 | reg 7:2. */
    assert_int_equal(pci_address_config_address(pci_address_make(0, 2, 3, 1), 0x3E, &ca), PCI_OK);
    assert_int_equal(ca, 0x8002193Cu);
    assert_int_equal(pci_address_config_address(pci_address_make(0, 0, 0, 0), 0x100, &ca),
                     PCI_BAD_OFFSET);
    assert_int_equal(pci_address_to_rid(pci_address_make(0, 0, 32, 0), &rid), PCI_INVALID_ARGUMENT);
    assert_int_equal(pci_address_ecam_offset(pci_address_make(0, 0, 0, 8), &off),
                     PCI_INVALID_ARGUMENT);
    assert_string_equal(pci_address_format(pci_address_make(0, 0, 0x1f, 2), buf), "0000:00:1f.2");
    assert_true(pci_address_compare(pci_address_make(0, 1, 0, 0), pci_address_make(0, 0, 31, 7)) > 0);
    assert_int_equal(pci_address_compare(pci_address_make(1, 2, 3, 4), pci_address_make(1, 2, 3, 4)), 0);
}

static void test_status_strings(void **state)
{
    (void)state;
    for (int s = 0; s <= 110; s++)
        assert_non_null(pci_status_str((enum pci_status)s));
    assert_string_equal(pci_status_str(PCI_OK), "ok");
    assert_string_equal(pci_status_str(PCI_CYCLE), "capability list cycle");
}

static void test_image_backend(void **state)
{
    uint8_t *data;
    size_t len;
    struct pci_config_image img;
    struct pci_config_access acc;
    struct pci_function fn;
    (void)state;
    assert_int_equal(support_read_file(support_path("fixtures/qemu/i440fx-seabios/pci/00_03_0.bin"),
                                       &data, &len), 0);
    pci_image_access_init(&acc, &img, data, len);
    fn = pci_function_make(&acc, pci_address_make(0, 0, 3, 0));
    assert_int_equal(acc.config_size, 256);
    /* 8086:100e, class 02.00.00 (index.txt). */
    assert_int_equal(pci_read16(&fn, PCI_VENDOR_ID), 0x8086);
    assert_int_equal(pci_read16(&fn, PCI_DEVICE_ID), 0x100e);
    assert_int_equal(pci_read8(&fn, PCI_CLASS_BASE), 0x02);
    /* Misaligned or beyond config_size: all-ones, never a callback. */
    assert_int_equal(pci_read32(&fn, 0x02), 0xFFFFFFFFu);
    assert_int_equal(pci_read16(&fn, 0xFF), 0xFFFFu);
    assert_int_equal(pci_read8(&fn, 0x100), 0xFF);
    assert_int_equal(pci_write16(&fn, PCI_COMMAND, 0), PCI_READ_ONLY);
    assert_int_equal(pci_write16(&fn, 0x101, 0), PCI_BAD_OFFSET);
    fn.address.device = 40;
    assert_int_equal(pci_read16(&fn, PCI_VENDOR_ID), 0xFFFF);
    assert_int_equal(pci_write8(&fn, 0, 0), PCI_INVALID_ARGUMENT);
    /* A short image reads all-ones past its end. */
    pci_image_access_init(&acc, &img, data, 6);
    fn.address.device = 3;
    assert_int_equal(pci_read32(&fn, 4), 0xFFFF0000u | (uint32_t)(data[4] | data[5] << 8));
    free(data);
}

static void test_legacy_mechanism(void **state)
{
    struct mock_pci m;
    struct pci_port_io io;
    struct pci_legacy legacy;
    struct pci_config_access acc;
    struct pci_function fn;
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/i440fx-seabios")), 6);
    mock_pci_port_io(&m, &io);
    assert_int_equal(pci_legacy_access_init(&acc, &legacy, &io), PCI_OK);
    assert_int_equal(acc.config_size, 256);
    /* 00:01.1 IDE 8086:7010, class 01.01.80 (index.txt, pci.txt). */
    fn = pci_function_make(&acc, pci_address_make(0, 0, 1, 1));
    assert_int_equal(pci_read32(&fn, 0), 0x70108086u);
    assert_int_equal(pci_read16(&fn, 0x0A), 0x0101);
    assert_int_equal(pci_read8(&fn, 0x09), 0x80);
    /* BAR4: I/O at 0xc040 (pci.txt). */
    assert_int_equal(pci_read32(&fn, 0x20) & ~3u, 0xc040u);
    /* Writes reach the writable bits only: interrupt line. */
    assert_int_equal(pci_write8(&fn, PCI_INTERRUPT_LINE, 5), PCI_OK);
    assert_int_equal(pci_read8(&fn, PCI_INTERRUPT_LINE), 5);
    assert_int_equal(pci_write16(&fn, PCI_VENDOR_ID, 0), PCI_OK);
    assert_int_equal(pci_read16(&fn, PCI_VENDOR_ID), 0x8086);
    assert_int_equal(pci_write32(&fn, 0x20, 0xFFFFFFFFu), PCI_OK);
    assert_int_equal(pci_read32(&fn, 0x20), 0xFFFFFFF1u); /* 16 bytes of I/O */
    /* Segment 1 is not reachable through 0xCF8. */
    fn.address.segment = 1;
    assert_int_equal(pci_read32(&fn, 0), 0xFFFFFFFFu);
    /* An absent device reads all-ones. */
    fn = pci_function_make(&acc, pci_address_make(0, 0, 9, 0));
    assert_int_equal(pci_read16(&fn, 0), 0xFFFF);
    assert_int_equal(m.bad_accesses, 0);
    io.in8 = NULL;
    assert_int_equal(pci_legacy_access_init(&acc, &legacy, &io), PCI_INVALID_ARGUMENT);
    mock_pci_free(&m);
}

/* A 2-bus window (buses 0 and 1) filled with the captured ECAM pages. */
static uint8_t *q35_window(void)
{
    static const char *const names[] = {"00_00_0", "00_01_0", "00_04_0", "00_1f_0",
                                        "00_1f_2", "00_1f_3", "01_00_0"};
    uint8_t *win = malloc(2u << 20);
    assert_non_null(win);
    memset(win, 0xFF, 2u << 20);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char rel[128];
        unsigned bus, dev, fn;
        uint8_t *data;
        size_t len;
        assert_int_equal(sscanf(names[i], "%x_%x_%x", &bus, &dev, &fn), 3);
        snprintf(rel, sizeof rel, "fixtures/qemu/q35-seabios/pci/%s.bin", names[i]);
        assert_int_equal(support_read_file(support_path(rel), &data, &len), 0);
        assert_int_equal(len, 4096);
        memcpy(win + ((size_t)bus << 20 | (size_t)dev << 15 | (size_t)fn << 12), data, len);
        free(data);
    }
    return win;
}

static void test_ecam_window(void **state)
{
    uint8_t *win = q35_window();
    struct pci_ecam ecam;
    struct pci_config_access acc;
    struct pci_function fn;
    uint64_t phys;
    (void)state;
    assert_int_equal(pci_ecam_window_init(&acc, &ecam, win, Q35_ECAM_BASE, 0, 0, 1), PCI_OK);
    assert_int_equal(acc.config_size, 4096);
    fn = pci_function_make(&acc, pci_address_make(0, 1, 0, 0));
    assert_int_equal(pci_read32(&fn, 0), 0x10411af4u); /* virtio-net 1af4:1041 */
    /* The root port's AER header at 0x100: ID 1, version 2, next 0x148 (lspci -F). */
    fn = pci_function_make(&acc, pci_address_make(0, 0, 4, 0));
    assert_int_equal(pci_read32(&fn, 0x100), 0x14820001u);
    assert_int_equal(pci_write8(&fn, PCI_INTERRUPT_LINE, 0x33), PCI_OK);
    assert_int_equal(win[(4u << 15) + PCI_INTERRUPT_LINE], 0x33);
    /* Bus 2 is outside the window: all-ones, no access. */
    fn = pci_function_make(&acc, pci_address_make(0, 2, 0, 0));
    assert_int_equal(pci_read32(&fn, 0), 0xFFFFFFFFu);
    assert_int_equal(pci_ecam_function_phys(&ecam, pci_address_make(0, 0, 0x1f, 2), &phys), PCI_OK);
    assert_int_equal(phys, 0xb00fa000u);
    assert_int_equal(pci_ecam_function_phys(&ecam, pci_address_make(0, 2, 0, 0), &phys),
                     PCI_BUS_OUT_OF_RANGE);
    assert_int_equal(pci_ecam_function_phys(&ecam, pci_address_make(1, 0, 0, 0), &phys),
                     PCI_BUS_OUT_OF_RANGE);
    assert_int_equal(pci_ecam_window_init(&acc, &ecam, win, Q35_ECAM_BASE, 0, 2, 1),
                     PCI_INVALID_ARGUMENT);
    /* A window for buses 1-1 starts at bus 1's page. */
    assert_int_equal(pci_ecam_window_phys(Q35_ECAM_BASE, 1), 0xb0100000u);
    assert_int_equal(pci_ecam_window_size(1, 1), 1u << 20);
    assert_int_equal(pci_ecam_window_init(&acc, &ecam, win + (1u << 20), Q35_ECAM_BASE, 0, 1, 1),
                     PCI_OK);
    fn = pci_function_make(&acc, pci_address_make(0, 1, 0, 0));
    assert_int_equal(pci_read16(&fn, PCI_DEVICE_ID), 0x1041);
    free(win);
}

static void test_ecam_mapped(void **state)
{
    uint8_t *win = q35_window();
    struct mock_mem mem;
    struct pci_ecam ecam;
    struct pci_config_access acc;
    struct pci_function fn;
    (void)state;
    mock_mem_init(&mem);
    assert_int_equal(mock_mem_add_copy(&mem, Q35_ECAM_BASE, win, 2u << 20), 0);
    assert_int_equal(pci_ecam_mapped_init(&acc, &ecam, Q35_ECAM_BASE, 0, 0, 1, mock_mem_map,
                                          mock_mem_unmap, &mem), PCI_OK);
    fn = pci_function_make(&acc, pci_address_make(0, 0, 0x1f, 2));
    /* 8086:2922 class 01.06.01 (index.txt). */
    assert_int_equal(pci_read16(&fn, PCI_VENDOR_ID), 0x8086);
    assert_int_equal(pci_read16(&fn, PCI_DEVICE_ID), 0x2922);
    assert_int_equal(pci_read32(&fn, 0x08) >> 8, 0x010601u);
    assert_int_equal(pci_write8(&fn, PCI_INTERRUPT_LINE, 1), PCI_READ_ONLY);
    /* Every map was one access wide and unmapped again. */
    assert_true(mock_mem_clean(&mem));
    assert_int_equal(mem.largest_map, 4);
    /* A region whose bytes were not captured fails the map: all-ones. */
    assert_int_equal(pci_ecam_mapped_init(&acc, &ecam, 0xC0000000u, 0, 0, 255, mock_mem_map,
                                          mock_mem_unmap, &mem), PCI_OK);
    assert_int_equal(pci_read32(&fn, 0), 0xFFFFFFFFu);
    mock_mem_free(&mem);
    free(win);
}

/* A kernel's first scan on q35: recursive enumeration through the ECAM
 * window finds the 7 functions QEMU's `info pci` lists, bus 1 through the
 * root port's secondary bus number. */
static void test_ecam_enumeration(void **state)
{
    static const struct pci_address want[] = {{0, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 4, 0},
                                              {0, 0, 0x1f, 0}, {0, 0, 0x1f, 2}, {0, 0, 0x1f, 3},
                                              {0, 1, 0, 0}};
    uint8_t *win = q35_window();
    struct pci_ecam ecam;
    struct pci_config_access acc;
    struct pci_enum e;
    struct pci_enum_entry ent;
    size_t n = 0;
    (void)state;
    assert_int_equal(pci_ecam_window_init(&acc, &ecam, win, Q35_ECAM_BASE, 0, 0, 1), PCI_OK);
    pci_enum_init_recursive(&e, &acc, 0, 0, 1);
    while (pci_enum_next(&e, &ent) == PCI_OK) {
        assert_true(n < sizeof want / sizeof want[0]);
        assert_int_equal(pci_address_compare(ent.function.address, want[n]), 0);
        n++;
    }
    assert_int_equal(n, sizeof want / sizeof want[0]);
    free(win);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_address_packing),
        cmocka_unit_test(test_status_strings),
        cmocka_unit_test(test_image_backend),
        cmocka_unit_test(test_legacy_mechanism),
        cmocka_unit_test(test_ecam_window),
        cmocka_unit_test(test_ecam_mapped),
        cmocka_unit_test(test_ecam_enumeration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
