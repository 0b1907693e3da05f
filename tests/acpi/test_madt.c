/* acpi/madt.h on real MADTs (expected values from truth.json, ACPICA's
 * decoding) and on structures built from the ACPI 6.5 tables for the types
 * no real table here carries, plus malformed entries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/madt.h"
#include "support.h"

static uint8_t *load(const char *rel, size_t *len)
{
    uint8_t *data = NULL;
    assert_int_equal(support_read_file(support_path(rel), &data, len), 0);
    return data;
}

/* q35-ovmf truth.json: 4 local APICs, an I/O APIC, 5 overrides, 1 LAPIC NMI. */
static void test_qemu_madt(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/APIC.dat", &len);
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(t, len, &madt), ACPI_OK);
    assert_int_equal(madt.local_interrupt_controller_address, 4276092928u);
    assert_int_equal(madt.flags, 1);
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, &madt);
    for (uint8_t cpu = 0; cpu < 4; cpu++) {
        assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
        assert_int_equal(e.type, ACPI_MADT_LOCAL_APIC);
        assert_int_equal(e.offset, 44 + 8 * cpu);
        assert_int_equal(e.u.local_apic.acpi_processor_uid, cpu);
        assert_int_equal(e.u.local_apic.apic_id, cpu);
        assert_int_equal(e.u.local_apic.flags, ACPI_MADT_ENABLED);
    }
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_MADT_IO_APIC);
    assert_int_equal(e.offset, 76);
    assert_int_equal(e.u.io_apic.io_apic_id, 0);
    assert_int_equal(e.u.io_apic.io_apic_address, 4273995776u);
    assert_int_equal(e.u.io_apic.global_system_interrupt_base, 0);
    static const uint8_t sources[] = {0, 5, 9, 10, 11};
    static const uint32_t gsis[] = {2, 5, 9, 10, 11};
    static const uint16_t flags[] = {0, 13, 13, 13, 13};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
        assert_int_equal(e.type, ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE);
        assert_int_equal(e.u.interrupt_source_override.bus, 0);
        assert_int_equal(e.u.interrupt_source_override.source, sources[i]);
        assert_int_equal(e.u.interrupt_source_override.global_system_interrupt, gsis[i]);
        assert_int_equal(e.u.interrupt_source_override.flags, flags[i]);
    }
    /* flags 13: polarity 1 (active high), trigger 3 (level) in truth.json. */
    assert_int_equal(acpi_mps_inti_polarity(13), ACPI_POLARITY_ACTIVE_HIGH);
    assert_int_equal(acpi_mps_inti_trigger(13), ACPI_TRIGGER_LEVEL);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_MADT_LOCAL_APIC_NMI);
    assert_int_equal(e.offset, 138);
    assert_int_equal(e.u.local_apic_nmi.acpi_processor_uid, 255);
    assert_int_equal(e.u.local_apic_nmi.local_apic_lint, 1);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_END);
    assert_int_equal(it.status, ACPI_END);
    uint64_t lapic;
    assert_int_equal(acpi_madt_local_apic_address(&madt, &lapic), ACPI_OK);
    assert_int_equal(lapic, 0xFEE00000u);
    free(t);
}

/* corpus 4B645993A72D truth.json: 149 structures (56 local APIC, 56 x2APIC,
 * 28 of the undefined type 0x7F, 5 I/O APIC, 2 overrides, 1 NMI, 1 x2APIC NMI). */
static void test_corpus_x2apic_and_unknown(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("corpus/acpi/4B645993A72D/apic.dat", &len);
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(t, len, &madt), ACPI_OK);
    assert_int_equal(madt.header.length, 1822);
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    unsigned counts[256] = {0};
    unsigned total = 0;
    acpi_madt_iter_init(&it, &madt);
    while (acpi_madt_next(&it, &e) == ACPI_OK) {
        counts[e.type]++;
        total++;
        if (e.type == 0x7F) {
            assert_false(e.decoded);
            assert_int_equal(e.length, 12);
        }
        if (e.offset == 914) {
            assert_int_equal(e.type, ACPI_MADT_LOCAL_X2APIC);
            assert_int_equal(e.u.local_x2apic.x2apic_id, 4294967295u);
            assert_int_equal(e.u.local_x2apic.acpi_processor_uid, 0);
            assert_int_equal(e.u.local_x2apic.flags, 0);
        }
        if (e.offset == 1810) {
            assert_int_equal(e.type, ACPI_MADT_LOCAL_X2APIC_NMI);
            assert_int_equal(e.u.local_x2apic_nmi.acpi_processor_uid, 4294967295u);
            assert_int_equal(e.u.local_x2apic_nmi.flags, 13);
            assert_int_equal(e.u.local_x2apic_nmi.local_x2apic_lint, 1);
        }
        if (e.offset == 504) {
            assert_int_equal(e.u.io_apic.io_apic_id, 9);
            assert_int_equal(e.u.io_apic.io_apic_address, 4273999872u);
            assert_int_equal(e.u.io_apic.global_system_interrupt_base, 24);
        }
    }
    assert_int_equal(it.status, ACPI_END);
    assert_int_equal(total, 149);
    assert_int_equal(counts[0], 56);
    assert_int_equal(counts[9], 56);
    assert_int_equal(counts[0x7F], 28);
    assert_int_equal(counts[1], 5);
    assert_int_equal(counts[2], 2);
    assert_int_equal(counts[4], 1);
    assert_int_equal(counts[10], 1);
    free(t);
}

/* Build a MADT: header of a real one, then the given structures. */
static uint8_t *build(const uint8_t *entries, size_t n, size_t *len)
{
    size_t hlen;
    uint8_t *real = load("fixtures/qemu/q35-ovmf/tables/APIC.dat", &hlen);
    *len = ACPI_MADT_ENTRIES_OFFSET + n;
    uint8_t *t = malloc(*len);
    assert_non_null(t);
    memcpy(t, real, ACPI_MADT_ENTRIES_OFFSET);
    memcpy(t + ACPI_MADT_ENTRIES_OFFSET, entries, n);
    t[4] = (uint8_t)*len;
    t[5] = (uint8_t)(*len >> 8);
    free(real);
    return t;
}

/* Layouts of ACPI 6.5 Tables 5.30, 5.28, 5.31, 5.37, 5.39, 5.45. */
static void test_built_types(void **state)
{
    (void)state;
    static const uint8_t entries[] = {
        /* Local APIC Address Override: 0x0000000123456000 */
        0x05, 12, 0, 0, 0x00, 0x60, 0x45, 0x23, 0x01, 0, 0, 0,
        /* NMI Source: flags 0x000D, GSI 0x11 */
        0x03, 8, 0x0D, 0x00, 0x11, 0, 0, 0,
        /* I/O SAPIC: ID 3, GSI base 0x30, address 0xFEC80000 */
        0x06, 16, 3, 0, 0x30, 0, 0, 0, 0x00, 0x00, 0xC8, 0xFE, 0, 0, 0, 0,
        /* GICD: GIC ID 1, base 0x08000000, version 3 */
        0x0C, 24, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0,
        /* Multiprocessor Wakeup: version 0, mailbox 0x7FFF0000 */
        0x10, 16, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0xFF, 0x7F, 0, 0, 0, 0,
        /* OEM type 0x80 with 3 bytes of data */
        0x80, 5, 0xAA, 0xBB, 0xCC,
    };
    size_t len;
    uint8_t *t = build(entries, sizeof entries, &len);
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(t, len, &madt), ACPI_OK);
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, &madt);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.u.local_apic_address_override.local_apic_address, 0x123456000ull);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.u.nmi_source.flags, 0x0D);
    assert_int_equal(e.u.nmi_source.global_system_interrupt, 0x11);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.u.io_sapic.io_apic_id, 3);
    assert_int_equal(e.u.io_sapic.global_system_interrupt_base, 0x30);
    assert_int_equal(e.u.io_sapic.io_sapic_address, 0xFEC80000u);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.u.gicd.gic_id, 1);
    assert_int_equal(e.u.gicd.physical_base_address, 0x08000000u);
    assert_int_equal(e.u.gicd.gic_version, 3);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.u.multiprocessor_wakeup.mailbox_address, 0x7FFF0000u);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, 0x80);
    assert_false(e.decoded);
    assert_int_equal(e.bytes[2], 0xAA);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_END);
    /* The override wins over the 32-bit field (ACPI 6.5, 5.2.12.8). */
    uint64_t lapic;
    assert_int_equal(acpi_madt_local_apic_address(&madt, &lapic), ACPI_OK);
    assert_int_equal(lapic, 0x123456000ull);
    free(t);
}

/* ACPI 6.5, 5.2.12.20 and 5.2.12.24: LoongArch CORE PIC and MSI PIC, whose
 * 64-bit fields sit at odd offsets. */
static void test_built_loongarch(void **state)
{
    (void)state;
    static const uint8_t entries[] = {
        /* CORE PIC v1: processor 2, core 5, enabled */
        0x11, 15, 1, 2, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0,
        /* MSI PIC v1: address 0x2FF00000, start 64, count 192 */
        0x15, 19, 1, 0x00, 0x00, 0xF0, 0x2F, 0, 0, 0, 0, 64, 0, 0, 0, 192, 0, 0, 0,
        /* EIO PIC one byte short of its 13 */
        0x14, 12, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0,
    };
    size_t len;
    uint8_t *t = build(entries, sizeof entries, &len);
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(t, len, &madt), ACPI_OK);
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, &madt);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_true(e.decoded);
    assert_int_equal(e.u.core_pic.version, 1);
    assert_int_equal(e.u.core_pic.acpi_processor_id, 2);
    assert_int_equal(e.u.core_pic.physical_processor_id, 5);
    assert_int_equal(e.u.core_pic.flags, 1);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_OK);
    assert_int_equal(e.u.msi_pic.message_address, 0x2FF00000u);
    assert_int_equal(e.u.msi_pic.start, 64);
    assert_int_equal(e.u.msi_pic.count, 192);
    assert_int_equal(acpi_madt_next(&it, &e), ACPI_BAD_ENTRY);
    free(t);
}

static enum acpi_status run_to_end(const uint8_t *entries, size_t n, unsigned *seen)
{
    size_t len;
    uint8_t *t = build(entries, n, &len);
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(t, len, &madt), ACPI_OK);
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, &madt);
    *seen = 0;
    while (acpi_madt_next(&it, &e) == ACPI_OK)
        (*seen)++;
    /* A stopped iterator keeps its status. */
    assert_int_equal(acpi_madt_next(&it, &e), it.status);
    free(t);
    return it.status;
}

static void test_malformed(void **state)
{
    (void)state;
    unsigned seen;
    static const uint8_t zero_length[] = {0x00, 8, 0, 0, 1, 0, 0, 0, 0x7F, 0};
    assert_int_equal(run_to_end(zero_length, sizeof zero_length, &seen), ACPI_BAD_ENTRY);
    assert_int_equal(seen, 1);
    static const uint8_t past_end[] = {0x00, 8, 0, 0, 1, 0, 0, 0, 0x01, 12, 0, 0};
    assert_int_equal(run_to_end(past_end, sizeof past_end, &seen), ACPI_TRUNCATED);
    assert_int_equal(seen, 1);
    static const uint8_t too_short[] = {0x00, 6, 0, 0, 1, 0}; /* local APIC needs 8 */
    assert_int_equal(run_to_end(too_short, sizeof too_short, &seen), ACPI_BAD_ENTRY);
    static const uint8_t lone_byte[] = {0x00, 8, 0, 0, 1, 0, 0, 0, 0x00};
    assert_int_equal(run_to_end(lone_byte, sizeof lone_byte, &seen), ACPI_TRUNCATED);
    assert_int_equal(seen, 1);

    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/APIC.dat", &len);
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(t, 43, &madt), ACPI_TRUNCATED);
    t[4] = 40;
    assert_int_equal(acpi_madt_parse(t, len, &madt), ACPI_BAD_LENGTH);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qemu_madt),
        cmocka_unit_test(test_corpus_x2apic_and_unknown),
        cmocka_unit_test(test_built_types),
        cmocka_unit_test(test_built_loongarch),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
