/* Header decoding on every function QEMU captured, checked against the
 * capture's index.txt and QEMU's own `info pci` (pci.txt); type 2 on bytes
 * laid out as the CardBus bridge header defines them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fixture_index.h"
#include "mock_pci.h"
#include "pci_types/pci_types.h"
#include "support.h"

static const char *const configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf"};

static void test_common_header_matches_index(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++) {
        struct fixture_function want[16];
        struct mock_pci m;
        struct pci_config_access acc;
        char dir[128];
        int n = fixture_index_read(configs[c], want, 16);
        assert_true(n > 0);
        snprintf(dir, sizeof dir, "fixtures/qemu/%s", configs[c]);
        assert_int_equal(mock_pci_load_fixture(&m, support_path(dir)), n);
        mock_pci_access(&m, &acc);
        for (int i = 0; i < n; i++) {
            struct pci_function fn = pci_function_make(&acc, want[i].address);
            struct pci_header_common h;
            assert_int_equal(pci_header_read_common(&fn, &h), PCI_OK);
            assert_int_equal(h.vendor_id, want[i].vendor);
            assert_int_equal(h.device_id, want[i].device);
            assert_int_equal(pci_header_class24(&h), want[i].class24);
            assert_int_equal(h.header_type, want[i].header_type_byte & 0x7F);
            assert_int_equal(h.multifunction, (want[i].header_type_byte & 0x80) != 0);
        }
        assert_int_equal(m.bad_accesses, 0);
        mock_pci_free(&m);
    }
}

/* Subsystem IDs and interrupt routing of type 0 functions: pci.txt prints
 * "PCI subsystem 1af4:1100" for every endpoint and "IRQ n, pin A" where a
 * pin is wired. */
static void test_type0_against_info_pci(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++) {
        struct mock_pci m;
        struct pci_config_access acc;
        char dir[128];
        snprintf(dir, sizeof dir, "fixtures/qemu/%s", configs[c]);
        assert_true(mock_pci_load_fixture(&m, support_path(dir)) > 0);
        mock_pci_access(&m, &acc);
        for (size_t i = 0; i < m.count; i++) {
            const struct mock_pci_function *f = &m.functions[i];
            struct pci_function fn = pci_function_make(&acc, f->address);
            struct pci_header_type0 t0;
            enum pci_status st = pci_header_read_type0(&fn, &t0);
            if ((f->bytes[0x0E] & 0x7F) != 0) {
                assert_int_equal(st, PCI_WRONG_HEADER_TYPE);
                continue;
            }
            assert_int_equal(st, PCI_OK);
            assert_int_equal(t0.subsystem_vendor_id, 0x1af4);
            assert_int_equal(t0.subsystem_id, 0x1100);
            if (f->irq >= 0) {
                assert_int_equal(t0.interrupt_line, f->irq);
                assert_int_equal(t0.interrupt_pin, f->pin - 'A' + 1);
            } else {
                assert_int_equal(t0.interrupt_pin, PCI_INTERRUPT_PIN_NONE);
            }
        }
        mock_pci_free(&m);
    }
}

static void test_type1_root_port(void **state)
{
    struct mock_pci m;
    struct pci_config_access acc;
    struct pci_header_type1 t1;
    struct pci_header_type2 t2;
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/q35-seabios")), 7);
    mock_pci_access(&m, &acc);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 0, 4, 0));
    assert_int_equal(pci_header_read_type1(&fn, &t1), PCI_OK);
    /* pci.txt: BUS 0, secondary bus 1, subordinate bus 1, IO range
     * [0xc000, 0xbfff], memory range [0xfe800000, 0xfe9fffff], prefetchable
     * memory range [0xfe000000, 0xfe1fffff], IRQ 10, pin A. lspci -F: I/O
     * 16-bit, prefetchable 64-bit, BridgeCtl SERR+. */
    assert_int_equal(t1.primary_bus, 0);
    assert_int_equal(t1.secondary_bus, 1);
    assert_int_equal(t1.subordinate_bus, 1);
    assert_int_equal(t1.io_base, 0xc000);
    assert_int_equal(t1.io_limit, 0xbfff);
    assert_false(t1.io_32bit);
    assert_int_equal(t1.memory_base, 0xfe800000u);
    assert_int_equal(t1.memory_limit, 0xfe9fffffu);
    assert_true(t1.prefetchable_64bit);
    assert_int_equal(t1.prefetchable_base, 0xfe000000u);
    assert_int_equal(t1.prefetchable_limit, 0xfe1fffffu);
    assert_int_equal(t1.interrupt_line, 10);
    assert_int_equal(t1.interrupt_pin, PCI_INTERRUPT_PIN_INTA);
    assert_int_equal(t1.bridge_control, PCI_BRIDGE_CONTROL_SERR_ENABLE);
    assert_int_equal(t1.capabilities_pointer, 0x54);
    assert_int_equal(pci_header_read_type2(&fn, &t2), PCI_WRONG_HEADER_TYPE);
    assert_string_equal(pci_header_type_name(1), "PCI-to-PCI bridge");
    mock_pci_free(&m);
}

/* A CardBus bridge header built from the PC Card Standard's layout. */
static void test_type2_layout(void **state)
{
    uint8_t b[256];
    struct pci_config_image img;
    struct pci_config_access acc;
    struct pci_header_type2 t2;
    struct pci_header_common h;
    (void)state;
    memset(b, 0, sizeof b);
    b[0] = 0x4C; b[1] = 0x10; b[2] = 0x15; b[3] = 0xAC;   /* 104c:ac15 */
    b[0x0A] = 0x07; b[0x0B] = 0x06;                       /* CardBus bridge */
    b[0x0E] = 0x82;                                       /* type 2, multi-function */
    b[0x10] = 0x00; b[0x11] = 0x10; b[0x12] = 0x00; b[0x13] = 0xE0; /* socket 0xE0001000 */
    b[0x14] = 0xA0;                                       /* capabilities pointer */
    b[0x18] = 2; b[0x19] = 3; b[0x1A] = 4; b[0x1B] = 0xB0;
    b[0x1C + 3] = 0xE1; b[0x20 + 3] = 0xE1; b[0x20 + 2] = 0xFF; /* mem 0: E1000000-E1FF0000 */
    b[0x2C + 1] = 0x40; b[0x30 + 1] = 0x40; b[0x30] = 0xFC;    /* io 0: 0x4000-0x40FC */
    b[0x3C] = 11; b[0x3D] = 1; b[0x3E] = 0x40;
    b[0x40] = 0x28; b[0x41] = 0x10; b[0x42] = 0x01; b[0x43] = 0x00;
    b[0x44] = 0x01; b[0x45] = 0x03;
    pci_image_access_init(&acc, &img, b, sizeof b);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 2, 0, 0));
    assert_int_equal(pci_header_read_common(&fn, &h), PCI_OK);
    assert_true(h.multifunction);
    assert_int_equal(h.header_type, PCI_HEADER_TYPE_CARDBUS_BRIDGE);
    assert_int_equal(pci_header_read_type2(&fn, &t2), PCI_OK);
    assert_int_equal(t2.socket_base, 0xE0001000u);
    assert_int_equal(t2.capabilities_pointer, 0xA0);
    assert_int_equal(t2.pci_bus, 2);
    assert_int_equal(t2.cardbus_bus, 3);
    assert_int_equal(t2.subordinate_bus, 4);
    assert_int_equal(t2.cardbus_latency_timer, 0xB0);
    assert_int_equal(t2.memory_base[0], 0xE1000000u);
    assert_int_equal(t2.memory_limit[0], 0xE1FF0000u);
    assert_int_equal(t2.io_base[0], 0x4000);
    assert_int_equal(t2.io_limit[0], 0x40FC);
    assert_int_equal(t2.interrupt_line, 11);
    assert_int_equal(t2.bridge_control, 0x40);
    assert_int_equal(t2.subsystem_vendor_id, 0x1028);
    assert_int_equal(t2.subsystem_id, 0x0001);
    assert_int_equal(t2.legacy_mode_base, 0x0301);
    assert_int_equal(pci_header_capabilities_pointer_offset(2), 0x14);
    struct pci_header_type0 t0;
    assert_int_equal(pci_header_read_type0(&fn, &t0), PCI_WRONG_HEADER_TYPE);
    /* Unknown layouts are reported, absent functions too. */
    b[0x0E] = 0x03;
    assert_int_equal(pci_header_read_common(&fn, &h), PCI_BAD_HEADER_TYPE);
    assert_int_equal(pci_header_capabilities_pointer_offset(3), 0);
    b[0] = 0xFF; b[1] = 0xFF;
    assert_int_equal(pci_header_read_common(&fn, &h), PCI_NO_FUNCTION);
    assert_int_equal(pci_header_read_type2(&fn, &t2), PCI_NO_FUNCTION);
}

static void test_command_bits(void **state)
{
    struct mock_pci m;
    struct pci_config_access acc;
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/i440fx-seabios")), 6);
    mock_pci_access(&m, &acc);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 0, 3, 0));
    uint16_t before = pci_read16(&fn, PCI_COMMAND);
    assert_int_equal(pci_command_set(&fn, PCI_COMMAND_BUS_MASTER | PCI_COMMAND_INTERRUPT_DISABLE),
                     PCI_OK);
    assert_int_equal(pci_read16(&fn, PCI_COMMAND),
                     before | PCI_COMMAND_BUS_MASTER | PCI_COMMAND_INTERRUPT_DISABLE);
    assert_int_equal(pci_command_clear(&fn, PCI_COMMAND_IO_SPACE), PCI_OK);
    assert_int_equal(pci_read16(&fn, PCI_COMMAND) & PCI_COMMAND_IO_SPACE, 0);
    assert_int_equal(pci_status_register_clear(&fn, PCI_STATUS_RECEIVED_MASTER_ABORT), PCI_OK);
    mock_pci_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_common_header_matches_index),
        cmocka_unit_test(test_type0_against_info_pci),
        cmocka_unit_test(test_type1_root_port),
        cmocka_unit_test(test_type2_layout),
        cmocka_unit_test(test_command_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
