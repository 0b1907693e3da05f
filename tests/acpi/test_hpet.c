/* acpi/hpet.h on QEMU's HPET; expected values from HPET.dsl (iasl) and
 * truth.json of q35-ovmf: Hardware Block ID 8086A201, base 0xFED00000. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "acpi/hpet.h"
#include "support.h"

static uint8_t *load(const char *rel, size_t *len)
{
    uint8_t *data = NULL;
    assert_int_equal(support_read_file(support_path(rel), &data, len), 0);
    return data;
}

static void test_qemu_hpet(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/HPET.dat", &len);
    struct acpi_hpet h;
    assert_int_equal(acpi_hpet_parse(t, len, &h), ACPI_OK);
    assert_int_equal(h.event_timer_block_id, 0x8086A201u);
    /* HPET 1.0a Table 3 bit fields of 0x8086A201. */
    assert_int_equal(h.block_id.hardware_rev_id, 0x01);
    assert_int_equal(h.block_id.number_of_comparators, 2);
    assert_true(h.block_id.count_size_cap);
    assert_true(h.block_id.legacy_replacement_capable);
    assert_int_equal(h.block_id.pci_vendor_id, 0x8086);
    assert_int_equal(h.base_address.space_id, ACPI_GAS_SYSTEM_MEMORY);
    assert_int_equal(h.base_address.address, 0xFED00000u);
    assert_int_equal(h.hpet_number, 0);
    assert_int_equal(h.main_counter_minimum_clock_tick, 0);
    assert_int_equal(h.page_protection, 0);
    assert_true(h.header.checksum_ok);
    free(t);
}

static void test_bad_hpet(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/HPET.dat", &len);
    struct acpi_hpet h;
    assert_int_equal(acpi_hpet_parse(t, len - 1, &h), ACPI_TRUNCATED);
    t[4] = 52; /* Length shorter than the table's 56 bytes */
    assert_int_equal(acpi_hpet_parse(t, len, &h), ACPI_BAD_LENGTH);
    t[0] = 'X';
    assert_int_equal(acpi_hpet_parse(t, len, &h), ACPI_BAD_SIGNATURE);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qemu_hpet),
        cmocka_unit_test(test_bad_hpet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
