/* acpi/mcfg.h: q35's MCFG (README: ECAM base 0xb0000000, segment 0, buses
 * 0-255) with function addresses checked against pci/index.txt, where each
 * function's page was read "via ECAM 0x..."; and corpus computers with a
 * bus range below 255 and with two MCFG tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "acpi/mcfg.h"
#include "support.h"

static uint8_t *load(const char *rel, size_t *len)
{
    uint8_t *data = NULL;
    assert_int_equal(support_read_file(support_path(rel), &data, len), 0);
    return data;
}

static void test_q35(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-seabios/tables/MCFG.dat", &len);
    struct acpi_mcfg m;
    assert_int_equal(acpi_mcfg_parse(t, len, &m), ACPI_OK);
    assert_int_equal(m.allocation_count, 1);
    struct acpi_mcfg_allocation a;
    assert_int_equal(acpi_mcfg_allocation(&m, 0, &a), ACPI_OK);
    assert_int_equal(a.base_address, 0xB0000000u);
    assert_int_equal(a.pci_segment_group, 0);
    assert_int_equal(a.start_bus, 0);
    assert_int_equal(a.end_bus, 255);
    assert_int_equal(acpi_mcfg_allocation(&m, 1, &a), ACPI_NOT_FOUND);
    uint64_t addr;
    /* pci/index.txt: 00_1f_2 via ECAM 0xb00fa000; 01_00_0 via 0xb0100000; 00_04_0 0xb0020000. */
    assert_int_equal(acpi_mcfg_config_address(&m, 0, 0, 0x1F, 2, &addr), ACPI_OK);
    assert_int_equal(addr, 0xB00FA000u);
    assert_int_equal(acpi_mcfg_config_address(&m, 0, 1, 0, 0, &addr), ACPI_OK);
    assert_int_equal(addr, 0xB0100000u);
    assert_int_equal(acpi_mcfg_config_address(&m, 0, 0, 4, 0, &addr), ACPI_OK);
    assert_int_equal(addr, 0xB0020000u);
    assert_int_equal(acpi_mcfg_config_address(&m, 1, 0, 0, 0, &addr), ACPI_NOT_FOUND);
    assert_int_equal(acpi_mcfg_config_address(&m, 0, 0, 32, 0, &addr), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_mcfg_config_address(&m, 0, 0, 0, 8, &addr), ACPI_INVALID_ARGUMENT);
    free(t);
}

/* corpus 58482FAA3885 truth.json: base 4026531840, buses 0-63. */
static void test_bus_range(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("corpus/acpi/58482FAA3885/mcfg.dat", &len);
    struct acpi_mcfg m;
    assert_int_equal(acpi_mcfg_parse(t, len, &m), ACPI_OK);
    struct acpi_mcfg_allocation a;
    assert_int_equal(acpi_mcfg_allocation(&m, 0, &a), ACPI_OK);
    assert_int_equal(a.base_address, 4026531840u);
    assert_int_equal(a.end_bus, 63);
    uint64_t addr;
    assert_int_equal(acpi_mcfg_config_address(&m, 0, 63, 31, 7, &addr), ACPI_OK);
    assert_int_equal(addr, 4026531840u + (63u << 20) + (31u << 15) + (7u << 12));
    assert_int_equal(acpi_mcfg_config_address(&m, 0, 64, 0, 0, &addr), ACPI_NOT_FOUND);
    free(t);
}

/* corpus 4B645993A72D has two MCFG tables (mcfg1.dat, mcfg2.dat); both parse. */
static void test_two_instances(void **state)
{
    (void)state;
    const char *files[] = {"corpus/acpi/4B645993A72D/mcfg1.dat",
                           "corpus/acpi/4B645993A72D/mcfg2.dat"};
    for (int i = 0; i < 2; i++) {
        size_t len;
        uint8_t *t = load(files[i], &len);
        struct acpi_mcfg m;
        assert_int_equal(acpi_mcfg_parse(t, len, &m), ACPI_OK);
        assert_int_equal(m.allocation_count, (len - 44) / 16);
        assert_true(m.allocation_count >= 1);
        free(t);
    }
}

static void test_bad(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-seabios/tables/MCFG.dat", &len);
    struct acpi_mcfg m;
    t[4] = 40; /* below header + reserved */
    assert_int_equal(acpi_mcfg_parse(t, len, &m), ACPI_BAD_LENGTH);
    t[4] = 50; /* header + 6 stray bytes: no whole allocation */
    assert_int_equal(acpi_mcfg_parse(t, len, &m), ACPI_OK);
    assert_int_equal(m.allocation_count, 0);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_q35),
        cmocka_unit_test(test_bus_range),
        cmocka_unit_test(test_two_instances),
        cmocka_unit_test(test_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
