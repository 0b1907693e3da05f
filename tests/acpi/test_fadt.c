/* acpi/fadt.h on real FADTs of revisions 1, 3 and 6 (values from the
 * fixtures' and corpus's truth.json, i.e. ACPICA's decoding), the X_ field
 * precedence rules, and short tables whose missing fields must not be read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/fadt.h"
#include "support.h"

static uint8_t *load(const char *rel, size_t *len)
{
    uint8_t *data = NULL;
    assert_int_equal(support_read_file(support_path(rel), &data, len), 0);
    return data;
}

/* i440fx-seabios truth.json: the ACPI 1.0 FADT (116 bytes). */
static void test_revision1(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/i440fx-seabios/tables/FACP.dat", &len);
    struct acpi_fadt f;
    assert_int_equal(acpi_fadt_parse(t, len, &f), ACPI_OK);
    assert_int_equal(f.length, 116);
    assert_int_equal(f.header.revision, 1);
    assert_int_equal(f.firmware_ctrl, 134086656);
    assert_int_equal(f.dsdt, 134086720);
    assert_int_equal(f.int_model, 1);
    assert_int_equal(f.sci_int, 9);
    assert_int_equal(f.smi_cmd, 178);
    assert_int_equal(f.acpi_enable, 241);
    assert_int_equal(f.acpi_disable, 240);
    assert_int_equal(f.pm1a_evt_blk, 1536);
    assert_int_equal(f.pm1a_cnt_blk, 1540);
    assert_int_equal(f.pm_tmr_blk, 1544);
    assert_int_equal(f.gpe0_blk, 45024);
    assert_int_equal(f.pm1_evt_len, 4);
    assert_int_equal(f.pm1_cnt_len, 2);
    assert_int_equal(f.pm_tmr_len, 4);
    assert_int_equal(f.gpe0_blk_len, 4);
    assert_int_equal(f.p_lvl2_lat, 4095);
    assert_int_equal(f.p_lvl3_lat, 4095);
    assert_int_equal(f.century, 50);
    assert_int_equal(f.flags, 32933);
    /* Beyond 116 bytes: absent, zero. */
    assert_true(acpi_fadt_has(&f, ACPI_FADT_FLAGS, 4));
    assert_false(acpi_fadt_has(&f, ACPI_FADT_RESET_REG, 12));
    assert_false(acpi_fadt_has(&f, ACPI_FADT_X_DSDT, 8));
    assert_int_equal(f.x_dsdt, 0);
    assert_int_equal(f.reset_reg.address, 0);
    /* Effective values come from the 32-bit fields. */
    assert_int_equal(acpi_fadt_dsdt_address(&f), 134086720);
    assert_int_equal(acpi_fadt_facs_address(&f), 134086656);
    struct acpi_gas g;
    assert_int_equal(acpi_fadt_register(&f, ACPI_FADT_REG_PM_TMR, &g), ACPI_OK);
    assert_int_equal(g.space_id, ACPI_GAS_SYSTEM_IO);
    assert_int_equal(g.bit_width, 32);
    assert_int_equal(g.address, 1544);
    assert_int_equal(acpi_fadt_register(&f, ACPI_FADT_REG_PM1B_EVT, &g), ACPI_NOT_FOUND);
    assert_int_equal(acpi_fadt_register(&f, ACPI_FADT_REG_GPE1, &g), ACPI_NOT_FOUND);
    free(t);
}

/* q35-ovmf truth.json: revision 3, 244 bytes, X_ fields present. */
static void test_revision3(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/FACP.dat", &len);
    struct acpi_fadt f;
    assert_int_equal(acpi_fadt_parse(t, len, &f), ACPI_OK);
    assert_int_equal(f.length, 244);
    assert_int_equal(f.iapc_boot_arch, 2);
    assert_int_equal(f.flags, 33957);
    assert_true(f.flags & ACPI_FADT_RESET_REG_SUP);
    assert_int_equal(f.reset_reg.space_id, 1);
    assert_int_equal(f.reset_reg.bit_width, 8);
    assert_int_equal(f.reset_reg.address, 3321);
    assert_int_equal(f.reset_value, 15);
    assert_int_equal(f.x_firmware_ctrl, 0);
    assert_int_equal(f.x_dsdt, 125280256);
    assert_int_equal(f.x_gpe0_blk.bit_width, 128);
    assert_int_equal(f.x_gpe0_blk.address, 1568);
    assert_int_equal(f.x_pm1a_cnt_blk.bit_width, 16);
    assert_true(acpi_fadt_has(&f, ACPI_FADT_X_GPE1_BLK, 12));
    assert_false(acpi_fadt_has(&f, ACPI_FADT_SLEEP_CONTROL_REG, 12));
    /* X_FIRMWARE_CTRL is 0, so FIRMWARE_CTRL is the FACS (README: 0x077dd000). */
    assert_int_equal(acpi_fadt_facs_address(&f), 0x077DD000);
    assert_int_equal(acpi_fadt_dsdt_address(&f), 0x0777A000);
    struct acpi_gas g;
    assert_int_equal(acpi_fadt_register(&f, ACPI_FADT_REG_GPE0, &g), ACPI_OK);
    assert_int_equal(g.bit_width, 128);
    assert_int_equal(g.address, 1568);
    free(t);
}

/* corpus 00089523C3BB truth.json: revision 6, 276 bytes, minor 2; its
 * X_PM_TMR_BLK has access size 3 (dword), which the 32-bit block cannot say. */
static void test_revision6(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("corpus/acpi/00089523C3BB/facp.dat", &len);
    struct acpi_fadt f;
    assert_int_equal(acpi_fadt_parse(t, len, &f), ACPI_OK);
    assert_int_equal(f.length, ACPI_FADT_LENGTH_6_5);
    assert_int_equal(f.minor_version, 2);
    assert_int_equal(f.flags, 247525);
    assert_int_equal(f.x_dsdt, 1933680640);
    assert_int_equal(f.firmware_ctrl, 1934901248);
    assert_true(acpi_fadt_has(&f, ACPI_FADT_HYPERVISOR_VENDOR_IDENTITY, 8));
    assert_int_equal(f.hypervisor_vendor_identity, 0);
    struct acpi_gas g;
    assert_int_equal(acpi_fadt_register(&f, ACPI_FADT_REG_PM_TMR, &g), ACPI_OK);
    assert_int_equal(g.access_size, ACPI_GAS_ACCESS_DWORD);
    assert_int_equal(g.address, 6152);
    free(t);
}

/* A 2.0-style short FADT (129 bytes, as corpus 5949EA99A04B ships) made from
 * the 244-byte QEMU table by shortening Length, in an exactly-sized buffer:
 * RESET_REG and RESET_VALUE are read, ARM_BOOT_ARCH and every X_ field not. */
static void test_short_fadt(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/FACP.dat", &len);
    uint8_t *s = malloc(129);
    assert_non_null(s);
    memcpy(s, t, 129);
    s[4] = 129;
    s[5] = 0;
    struct acpi_fadt f;
    assert_int_equal(acpi_fadt_parse(s, 129, &f), ACPI_OK);
    assert_false(f.header.checksum_ok);
    assert_true(acpi_fadt_has(&f, ACPI_FADT_RESET_VALUE, 1));
    assert_int_equal(f.reset_value, 15);
    assert_false(acpi_fadt_has(&f, ACPI_FADT_ARM_BOOT_ARCH, 2));
    assert_int_equal(f.x_dsdt, 0);
    assert_int_equal(f.x_gpe0_blk.address, 0);
    assert_int_equal(acpi_fadt_dsdt_address(&f), 0x0777A000);
    free(s);

    /* Shorter than ACPI 1.0's 116 bytes: refused. */
    s = malloc(100);
    assert_non_null(s);
    memcpy(s, t, 100);
    s[4] = 100;
    assert_int_equal(acpi_fadt_parse(s, 100, &f), ACPI_BAD_LENGTH);
    free(s);
    /* Length beyond the buffer: truncated, not read. */
    assert_int_equal(acpi_fadt_parse(t, 243, &f), ACPI_TRUNCATED);
    assert_int_equal(acpi_fadt_parse(t + 1, len - 1, &f), ACPI_BAD_SIGNATURE);
    free(t);
}

/* ACPI 6.5, Table 5.9: a non-zero X_DSDT / X_FIRMWARE_CTRL wins. */
static void test_x_precedence(void **state)
{
    (void)state;
    size_t len;
    uint8_t *t = load("fixtures/qemu/q35-ovmf/tables/FACP.dat", &len);
    t[ACPI_FADT_X_FIRMWARE_CTRL] = 0x40;
    t[ACPI_FADT_X_FIRMWARE_CTRL + 4] = 0x01; /* 0x1_0000_0040 */
    t[ACPI_FADT_X_PM_TMR_BLK + 4] = 0x00;    /* X_PM_TMR_BLK address 0x608 -> 0x600 */
    struct acpi_fadt f;
    assert_int_equal(acpi_fadt_parse(t, len, &f), ACPI_OK);
    assert_int_equal(acpi_fadt_facs_address(&f), 0x100000040ull);
    struct acpi_gas g;
    assert_int_equal(acpi_fadt_register(&f, ACPI_FADT_REG_PM_TMR, &g), ACPI_OK);
    assert_int_equal(g.address, 0x600);
    /* X_ address zero: the 32-bit block is used. */
    memset(t + ACPI_FADT_X_PM_TMR_BLK + 4, 0, 8);
    assert_int_equal(acpi_fadt_parse(t, len, &f), ACPI_OK);
    assert_int_equal(acpi_fadt_register(&f, ACPI_FADT_REG_PM_TMR, &g), ACPI_OK);
    assert_int_equal(g.address, 1544);
    assert_int_equal(g.bit_width, 32);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_revision1),
        cmocka_unit_test(test_revision3),
        cmocka_unit_test(test_revision6),
        cmocka_unit_test(test_short_fadt),
        cmocka_unit_test(test_x_precedence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
