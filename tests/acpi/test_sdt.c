/* acpi/sdt.h and acpi/gas.h on real tables: QEMU's (values from the
 * fixtures' README.md and iasl's .dsl) and a corpus computer whose OEMB table
 * ships a wrong checksum (corpus meta.json). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/gas.h"
#include "acpi/sdt.h"
#include "support.h"

static uint8_t *load(const char *rel, size_t *len)
{
    uint8_t *data = NULL;
    assert_int_equal(support_read_file(support_path(rel), &data, len), 0);
    return data;
}

/* q35-seabios/README.md: APIC, length 144, rev 1, OEM "BOCHS " "BXPC", checksum ok. */
static void test_validate_fixture_table(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-seabios/tables/APIC.dat", &len);
    struct acpi_sdt sdt;
    assert_int_equal(acpi_sdt_validate(t, len, "APIC", ACPI_CHECKSUM_STRICT, &sdt), ACPI_OK);
    assert_ptr_equal(sdt.bytes, t);
    assert_int_equal(sdt.length, 144);
    assert_int_equal(sdt.revision, 1);
    assert_memory_equal(sdt.oem_id, "BOCHS ", 6);
    assert_memory_equal(sdt.oem_table_id, "BXPC    ", 8);
    assert_true(sdt.checksum_ok);
    assert_true(acpi_sdt_is(&sdt, "APIC"));
    assert_int_equal(acpi_checksum(t, len), 0);
    /* Any signature accepted with NULL; a different one refused. */
    assert_int_equal(acpi_sdt_validate(t, len, NULL, ACPI_CHECKSUM_STRICT, &sdt), ACPI_OK);
    assert_int_equal(acpi_sdt_validate(t, len, "FACP", ACPI_CHECKSUM_STRICT, &sdt),
                     ACPI_BAD_SIGNATURE);
    free(t);
}

/* truth.json of q35-ovmf: header of HPET (asl_compiler_id "BXPC", revision 1). */
static void test_header_fields(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/HPET.dat", &len);
    struct acpi_sdt sdt;
    assert_int_equal(acpi_sdt_read_header(t, len, &sdt), ACPI_OK);
    assert_int_equal(sdt.length, 56);
    assert_int_equal(sdt.checksum, 0xB4);
    assert_int_equal(sdt.oem_revision, 1);
    assert_memory_equal(&t[28], "BXPC", 4);
    assert_int_equal(sdt.creator_id, 0x43505842); /* "BXPC" little-endian */
    assert_int_equal(sdt.creator_revision, 1);
    assert_false(sdt.checksum_ok); /* read_header does not check it */
    free(t);
}

static void test_checksum_policy(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-seabios/tables/FACP.dat", &len);
    t[100] ^= 0x40;
    struct acpi_sdt sdt;
    assert_int_equal(acpi_sdt_validate(t, len, "FACP", ACPI_CHECKSUM_STRICT, &sdt),
                     ACPI_BAD_CHECKSUM);
    assert_int_equal(acpi_sdt_validate(t, len, "FACP", ACPI_CHECKSUM_ACCEPT, &sdt), ACPI_OK);
    assert_false(sdt.checksum_ok);
    free(t);
}

/* corpus/acpi/1979FBF2D488/meta.json: oemb.dat has checksum_ok false. */
static void test_corpus_bad_checksum(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("corpus/acpi/1979FBF2D488/oemb.dat", &len);
    struct acpi_sdt sdt;
    assert_int_equal(acpi_sdt_validate(t, len, "OEMB", ACPI_CHECKSUM_STRICT, &sdt),
                     ACPI_BAD_CHECKSUM);
    assert_int_equal(acpi_sdt_validate(t, len, "OEMB", ACPI_CHECKSUM_ACCEPT, &sdt), ACPI_OK);
    assert_false(sdt.checksum_ok);
    free(t);
}

static void test_bad_lengths(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-seabios/tables/MCFG.dat", &len);
    struct acpi_sdt sdt;
    assert_int_equal(acpi_sdt_validate(t, len - 1, "MCFG", ACPI_CHECKSUM_ACCEPT, &sdt),
                     ACPI_TRUNCATED);
    assert_int_equal(acpi_sdt_validate(t, 35, NULL, ACPI_CHECKSUM_ACCEPT, &sdt), ACPI_TRUNCATED);
    t[4] = 35; /* Length below the header's own size */
    t[5] = 0;
    assert_int_equal(acpi_sdt_validate(t, len, NULL, ACPI_CHECKSUM_ACCEPT, &sdt), ACPI_BAD_LENGTH);
    assert_int_equal(acpi_sdt_validate(NULL, len, NULL, ACPI_CHECKSUM_ACCEPT, &sdt),
                     ACPI_INVALID_ARGUMENT);
    free(t);
}

/* FACP.dsl of q35-seabios: Reset Register at offset 116: SystemIO, width 8,
 * address 0xCF9; truncated input is refused. */
static void test_gas(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-seabios/tables/FACP.dat", &len);
    struct acpi_gas g;
    assert_int_equal(acpi_gas_parse(t + 116, len - 116, &g), ACPI_OK);
    assert_int_equal(g.space_id, ACPI_GAS_SYSTEM_IO);
    assert_int_equal(g.bit_width, 8);
    assert_int_equal(g.bit_offset, 0);
    assert_int_equal(g.access_size, ACPI_GAS_ACCESS_UNDEFINED);
    assert_int_equal(g.address, 0xCF9);
    assert_false(acpi_gas_is_null(&g));
    assert_int_equal(acpi_gas_parse(t + 116, 11, &g), ACPI_TRUNCATED);
    free(t);
}

static void test_status_strings(void **state)
{
    (void)state;
    assert_string_equal(acpi_status_str(ACPI_OK), "ok");
    assert_string_equal(acpi_status_str(ACPI_BAD_CHECKSUM), "bad checksum");
    assert_string_equal(acpi_status_str((enum acpi_status)9999), "unknown status");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validate_fixture_table),
        cmocka_unit_test(test_header_fields),
        cmocka_unit_test(test_checksum_policy),
        cmocka_unit_test(test_corpus_bad_checksum),
        cmocka_unit_test(test_bad_lengths),
        cmocka_unit_test(test_gas),
        cmocka_unit_test(test_status_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
