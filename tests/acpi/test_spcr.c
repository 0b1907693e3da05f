/* SPCR: corpus tables against ACPICA, revision 4 namespace string, evil suite. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "acpi/spcr.h"
#include "iasl_text.h"
#include "support.h"

#define CHECK(name, field)                                                                     \
    do {                                                                                       \
        uint64_t v_;                                                                           \
        assert_true(iasl_hex(&t, 36, s.sdt.length, name, &v_));                                \
        assert_int_equal(v_, (field));                                                         \
    } while (0)

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    int *count = ctx;
    struct acpi_spcr s;
    assert_int_equal(acpi_spcr_parse(bytes, len, ACPI_CHECKSUM_STRICT, &s), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    CHECK("Interface Type", s.interface_type);
    CHECK("Space ID", s.base_address.space_id);
    CHECK("Bit Width", s.base_address.bit_width);
    CHECK("Bit Offset", s.base_address.bit_offset);
    CHECK("Encoded Access Width", s.base_address.access_size);
    CHECK("Address", s.base_address.address);
    CHECK("Interrupt Type", s.interrupt_type);
    CHECK("PCAT-compatible IRQ", s.irq);
    CHECK("Interrupt", s.global_system_interrupt);
    CHECK("Baud Rate", s.configured_baud_rate);
    CHECK("Parity", s.parity);
    CHECK("Stop Bits", s.stop_bits);
    CHECK("Flow Control", s.flow_control);
    CHECK("Terminal Type", s.terminal_type);
    CHECK("PCI Device ID", s.pci_device_id);
    CHECK("PCI Vendor ID", s.pci_vendor_id);
    CHECK("PCI Bus", s.pci_bus_number);
    CHECK("PCI Device", s.pci_device_number);
    CHECK("PCI Function", s.pci_function_number);
    CHECK("PCI Flags", s.pci_flags);
    CHECK("PCI Segment", s.pci_segment);
    /* The SPCR spec's baud codes: 3 = 9600, 4 = 19200, 6 = 57600, 7 = 115200. */
    static const uint32_t baud[8] = {0, 0, 0, 9600, 19200, 0, 57600, 115200};
    assert_int_equal(s.baud_rate, s.configured_baud_rate < 8 ? baud[s.configured_baud_rate] : 0);
    iasl_text_free(&t);
    (*count)++;
}

static void corpus_spcr_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    int count = 0;
    assert_true(corpus_each_table("spcr", compare_one, &count) >= 3);
    assert_int_equal(count, 3);
}

/* A revision 4 SPCR laid out after the SPCR specification's field table:
 * COM1 at I/O 0x3F8 (the spec's own example GAS), 115200 via the precise
 * baud rate field, a 1.8432 MHz clock, namespace string "\_SB.COM1". */
static size_t build_v4(uint8_t *b)
{
    static const char ns[] = "\\_SB.COM1";
    memset(b, 0, 128);
    memcpy(b, "SPCR", 4);
    b[8] = 4;
    const uint8_t gas[12] = {0x01, 0x08, 0x00, 0x00, 0xF8, 0x03, 0, 0, 0, 0, 0, 0};
    memcpy(b + 40, gas, 12);
    b[52] = 0x02; /* I/O APIC */
    b[54] = 4;    /* GSI 4 */
    b[58] = 0;    /* "as is": the precise rate governs */
    b[60] = 1;
    b[64] = 0xFF, b[65] = 0xFF, b[66] = 0xFF, b[67] = 0xFF;
    b[76] = 0x00, b[77] = 0x20, b[78] = 0x1C, b[79] = 0x00; /* 1843200 Hz */
    b[80] = 0x00, b[81] = 0xC2, b[82] = 0x01, b[83] = 0x00; /* 115200 */
    b[84] = sizeof ns;
    b[86] = 88;
    memcpy(b + 88, ns, sizeof ns);
    size_t len = 88 + sizeof ns;
    b[4] = (uint8_t)len;
    return len;
}

static void revision4_fields(void **state)
{
    (void)state;
    uint8_t b[128];
    size_t len = build_v4(b);
    struct acpi_spcr s;
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_OK);
    assert_int_equal(s.base_address.space_id, ACPI_GAS_SYSTEM_IO);
    assert_int_equal(s.base_address.address, 0x3F8);
    assert_int_equal(s.global_system_interrupt, 4);
    assert_int_equal(s.uart_clock_frequency, 1843200);
    assert_int_equal(s.precise_baud_rate, 115200);
    assert_int_equal(s.baud_rate, 115200);
    assert_string_equal(s.namespace_string, "\\_SB.COM1");
    /* Revision 2 tables keep bytes 76-79 reserved: the clock is not read. */
    b[8] = 2;
    assert_int_equal(acpi_spcr_parse(b, 80, ACPI_CHECKSUM_ACCEPT, &s), ACPI_TRUNCATED);
    b[4] = 80;
    assert_int_equal(acpi_spcr_parse(b, 80, ACPI_CHECKSUM_ACCEPT, &s), ACPI_OK);
    assert_int_equal(s.uart_clock_frequency, 0);
    assert_null(s.namespace_string);
}

static void evil_spcr(void **state)
{
    (void)state;
    uint8_t b[128];
    struct acpi_spcr s;
    size_t len = build_v4(b);
    /* Below the revision 1 size. */
    b[4] = 79;
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_BAD_LENGTH);
    /* Revision 4 without room for its fields. */
    b[4] = 84;
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_BAD_LENGTH);
    /* Namespace string past the table. */
    len = build_v4(b);
    b[86] = 120;
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_BAD_ENTRY);
    /* Namespace string inside the fixed part. */
    len = build_v4(b);
    b[86] = 40;
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_BAD_ENTRY);
    /* Length that runs one byte past the table. */
    len = build_v4(b);
    b[84]++;
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_BAD_ENTRY);
    /* No NUL at the end of the string. */
    len = build_v4(b);
    b[len - 1] = 'X';
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_BAD_ENTRY);
    /* Zero-length string. */
    len = build_v4(b);
    b[84] = 0;
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_ACCEPT, &s), ACPI_BAD_ENTRY);
    /* Truncated buffer. */
    len = build_v4(b);
    assert_int_equal(acpi_spcr_parse(b, len - 1, ACPI_CHECKSUM_ACCEPT, &s), ACPI_TRUNCATED);
    assert_int_equal(acpi_spcr_parse(b, len, ACPI_CHECKSUM_STRICT, &s), ACPI_BAD_CHECKSUM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_spcr_matches_acpica),
        cmocka_unit_test(revision4_fields),
        cmocka_unit_test(evil_spcr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
