/* Class codes: names from the PCI Code and ID Assignment specification
 * (1.15, chapter 1) and the classes QEMU's devices report (index.txt). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "pci_types/class.h"

static void test_describe_fixture_classes(void **state)
{
    char buf[128];
    (void)state;
    /* q35 00:1f.2 class 01.06.01; lspci prints "SATA controller ... prog-if 01 [AHCI 1.0]". */
    assert_int_equal(pci_class_describe(0x010601, buf, sizeof buf), strlen("SATA controller, AHCI 1.0"));
    assert_string_equal(buf, "SATA controller, AHCI 1.0");
    /* i440fx 00:01.1 class 01.01.80: compatibility mode-only, bus master (bit 7). */
    pci_class_describe(0x010180, buf, sizeof buf);
    assert_string_equal(buf, "IDE controller, ISA compatibility mode-only, bus mastering");
    /* 06.04.00 PCI-to-PCI bridge, normal decode (q35 root port). */
    pci_class_describe(0x060400, buf, sizeof buf);
    assert_string_equal(buf, "PCI-to-PCI bridge, normal decode");
    /* 0c.05.00 SMBus: no programming interfaces defined. */
    pci_class_describe(0x0c0500, buf, sizeof buf);
    assert_string_equal(buf, "SMBus");
    pci_class_describe(0x020000, buf, sizeof buf);
    assert_string_equal(buf, "Ethernet controller");
    pci_class_describe(0x030000, buf, sizeof buf);
    assert_string_equal(buf, "VGA-compatible controller, VGA-compatible");
    pci_class_describe(0x068000, buf, sizeof buf);
    assert_string_equal(buf, "Other bridge device");
}

static void test_spec_entries(void **state)
{
    (void)state;
    assert_string_equal(pci_class_name(0x01), "Mass storage controller");
    assert_string_equal(pci_class_name(0x13), "Non-Essential Instrumentation");
    assert_string_equal(pci_subclass_name(0x01, 0x08), "Non-volatile memory controller");
    assert_string_equal(pci_prog_if_name(0x01, 0x08, 0x02), "NVM Express I/O controller");
    assert_string_equal(pci_prog_if_name(0x0C, 0x03, 0x30), "xHCI");
    assert_string_equal(pci_prog_if_name(0x0C, 0x03, 0x40), "USB4 Host Interface");
    assert_string_equal(pci_prog_if_name(0x0C, 0x03, 0xFE), "USB device");
    assert_string_equal(pci_prog_if_name(0x08, 0x02, 0x03), "High Performance Event Timer");
    assert_string_equal(pci_prog_if_name(0x08, 0x00, 0x10), "I/O APIC");
    assert_string_equal(pci_prog_if_name(0x07, 0x00, 0x02), "16550-compatible");
    assert_string_equal(pci_subclass_name(0x08, 0x07), "Root Complex Event Collector");
    assert_string_equal(pci_subclass_name(0x0C, 0x0A), "MIPI I3C Host Controller Interface");
    assert_string_equal(pci_subclass_name(0x0D, 0x41), "Cellular controller/modem plus Ethernet (802.11)");
    assert_string_equal(pci_subclass_name(0x12, 0x01),
                        "SNIA Smart Data Accelerator Interface (SDXI) controller");
    assert_string_equal(pci_prog_if_name(0x05, 0x02, 0x10), "CXL 2.0 or later");
    assert_string_equal(pci_prog_if_name(0x06, 0x09, 0x80), "secondary bus towards host CPU");
}

static void test_unknown_values_never_fail(void **state)
{
    char buf[8];
    (void)state;
    /* This machine's virtio functions report class 0xffff ("ff" base). */
    assert_string_equal(pci_class_name(0xFF), "Device does not fit any defined class");
    assert_string_equal(pci_subclass_name(0xFF, 0xFF), "Unknown subclass");
    assert_null(pci_prog_if_name(0xFF, 0xFF, 0x00));
    assert_string_equal(pci_class_name(0x14), "Unknown class");
    assert_string_equal(pci_subclass_name(0x01, 0x42), "Unknown subclass");
    assert_null(pci_prog_if_name(0x01, 0x06, 0x77));
    /* Every 24-bit value has a description; truncation keeps a NUL. */
    for (uint32_t c = 0; c <= 0xFFFFFF; c += 0x10101) {
        char big[160];
        size_t n = pci_class_describe(c, big, sizeof big);
        assert_true(n > 0 && n < sizeof big);
        assert_int_equal(strlen(big), n);
    }
    size_t full = pci_class_describe(0x010601, buf, sizeof buf);
    assert_int_equal(full, strlen("SATA controller, AHCI 1.0"));
    assert_string_equal(buf, "SATA co");
    assert_int_equal(pci_class_describe(0x010601, NULL, 0), full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_describe_fixture_classes),
        cmocka_unit_test(test_spec_entries),
        cmocka_unit_test(test_unknown_values_never_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
