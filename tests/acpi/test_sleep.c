/* Sleep states: \_S3/\_S4/\_S5 of QEMU's DSDTs as ACPICA disassembles them
 * (the .dsl beside each fixture) decoded to SLP_TYP pairs; the register
 * sequence of S5 and S3 (wake GPEs armed, PM1 status cleared, WAK_STS
 * cleared, SLP_TYP then SLP_EN, WAK_STS polled within a bound) over the
 * register model with QEMU's FADTs (ACPI 6.5, 7.4.2, 16.1); hand-made FADTs
 * for PM1b and the hardware-reduced sleep registers; waking up again. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/sleep.h"
#include "hw_model.h"
#include "support.h"

static void decode_qemu_packages(void **state)
{
    (void)state;
    static const char *configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf"};
    static const char *names[] = {"_S3", "_S4", "_S5"};
    int decoded = 0;
    for (size_t c = 0; c < 3; c++) {
        for (size_t s = 0; s < 3; s++) {
            uint64_t el[8];
            size_t n = hw_model_dsl_package(configs[c], names[s], el, 8);
            assert_int_equal(n, 4);
            struct acpi_sleep_type t;
            assert_int_equal(acpi_sleep_type_decode(n, el, &t), ACPI_OK);
            assert_int_equal(t.a, el[0]);
            assert_int_equal(t.b, el[1]);
            decoded++;
        }
        /* The check: QEMU's \_S5 is SLP_TYP 0 for both blocks. */
        uint64_t el[8];
        size_t n = hw_model_dsl_package(configs[c], "_S5", el, 8);
        struct acpi_sleep_type t;
        assert_int_equal(acpi_sleep_type_decode(n, el, &t), ACPI_OK);
        assert_int_equal(t.a, 0);
        assert_int_equal(t.b, 0);
    }
    print_message("QEMU: %d \\_Sx packages decoded as iasl states them\n", decoded);
}

static void decode_forms_and_evil(void **state)
{
    (void)state;
    struct acpi_sleep_type t;
    /* Old firmware: one integer, SLP_TYPa in bits 7:0, SLP_TYPb in 15:8. */
    uint64_t one = 0x0705;
    assert_int_equal(acpi_sleep_type_decode(1, &one, &t), ACPI_OK);
    assert_int_equal(t.a, 5);
    assert_int_equal(t.b, 7);
    uint64_t two[3] = {6, 3, 0xDEAD}; /* the reserved third element is ignored */
    assert_int_equal(acpi_sleep_type_decode(3, two, &t), ACPI_OK);
    assert_int_equal(t.a, 6);
    assert_int_equal(t.b, 3);
    assert_int_equal(acpi_sleep_type_decode(0, two, &t), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_sleep_type_decode(1, NULL, &t), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_sleep_type_decode(2, two, NULL), ACPI_INVALID_ARGUMENT);
    uint64_t big[2] = {8, 0}; /* SLP_TYP is 3 bits */
    assert_int_equal(acpi_sleep_type_decode(2, big, &t), ACPI_BAD_ENTRY);
    big[0] = 0, big[1] = ~(uint64_t)0;
    assert_int_equal(acpi_sleep_type_decode(2, big, &t), ACPI_BAD_ENTRY);
    one = 0x10005;
    assert_int_equal(acpi_sleep_type_decode(1, &one, &t), ACPI_BAD_ENTRY);
    one = 0x0805;
    assert_int_equal(acpi_sleep_type_decode(1, &one, &t), ACPI_BAD_ENTRY);
}

struct rig {
    struct hw_model *m;
    struct acpi_fadt fadt;
    struct acpi_events ev;
    struct acpi_gpe gpe;
};

static void rig_qemu(struct rig *r, const char *config)
{
    r->m = hw_model_qemu(config, &r->fadt);
    assert_int_equal(acpi_events_init(&r->ev, &r->m->host, &r->fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_init(&r->gpe, &r->m->host, &r->fadt), ACPI_OK);
}

static struct acpi_sleep_type qemu_type(const char *config, const char *name)
{
    uint64_t el[8];
    size_t n = hw_model_dsl_package(config, name, el, 8);
    struct acpi_sleep_type t;
    assert_int_equal(acpi_sleep_type_decode(n, el, &t), ACPI_OK);
    return t;
}

static void soft_off_i440fx(void **state)
{
    (void)state;
    struct rig r;
    rig_qemu(&r, "i440fx-seabios");
    /* i440fx FACP.dsl: PM1a event 0x600 (4 bytes), control 0x604, GPE0 0xAFE0
     * (4 bytes). The firmware left SCI_EN set; GPE 2 is armed for run time,
     * GPE 9 is a wake GPE (_PRW). */
    r.m->io[0x604] = 0x01;
    assert_int_equal(acpi_gpe_enable(&r.gpe, 2), ACPI_OK);
    assert_int_equal(acpi_gpe_set_wake(&r.gpe, 9, true), ACPI_OK);
    hw_model_set16(r.m, 0x600, ACPI_PM1_STS_PWRBTN | ACPI_PM1_STS_WAK_STS);
    mock_port_clear_log(&r.m->ports);
    struct acpi_hw_wait wait = hw_model_wait(r.m, 10);
    struct acpi_sleep_type s5 = qemu_type("i440fx-seabios", "_S5");
    assert_int_equal(acpi_sleep_enter(&r.ev, &r.gpe, 5, s5, &wait), ACPI_OK);
    /* Only the wake GPE stays enabled; GPE statuses cleared. */
    hw_model_expect(r.m, 0, 0xAFE2, 1, true, 0x00);
    hw_model_expect(r.m, 1, 0xAFE3, 1, true, 0x02);
    hw_model_expect(r.m, 2, 0xAFE0, 1, true, 0xFF);
    hw_model_expect(r.m, 3, 0xAFE1, 1, true, 0xFF);
    /* Every PM1 status but WAK_STS, then WAK_STS alone (7.4.2). */
    hw_model_expect(r.m, 4, 0x600, 2, true, 0x4731);
    hw_model_expect(r.m, 5, 0x600, 2, true, 0x8000);
    /* SLP_TYP first, then SLP_EN (16.1.x), SCI_EN kept. */
    hw_model_expect(r.m, 6, 0x604, 2, false, 0x0001);
    hw_model_expect(r.m, 7, 0x604, 2, true, 0x0001);
    hw_model_expect(r.m, 8, 0x604, 2, true, 0x2001);
    /* S5 does not come back: no WAK_STS poll. */
    assert_int_equal(r.m->ports.log_count, 9);
    assert_int_equal(hw_model_get16(r.m, 0x600), 0);
    assert_int_equal(r.m->ports.unclaimed, 0);
    hw_model_free(r.m);
}

static void s3_and_back(void **state)
{
    (void)state;
    struct rig r;
    rig_qemu(&r, "q35-seabios");
    r.m->io[0x604] = 0x01;
    assert_int_equal(acpi_gpe_enable(&r.gpe, 1), ACPI_OK);
    /* The chipset sets WAK_STS (bit 15 of 0x600) when the machine is back,
     * here after the OS has read it twice following the SLP_EN write. */
    hw_model_trigger(r.m, false, 0x604, 0x2000, 0x2000, 0x601, 0x80, 2);
    struct acpi_sleep_type s3 = qemu_type("q35-seabios", "_S3");
    assert_int_equal(s3.a, 1);
    mock_port_clear_log(&r.m->ports);
    struct acpi_hw_wait wait = hw_model_wait(r.m, 10);
    assert_int_equal(acpi_sleep_enter(&r.ev, &r.gpe, 3, s3, &wait), ACPI_OK);
    /* q35: 8 enable and 8 status GPE bytes, 2 PM1 status writes, 3 control
     * accesses, then 3 polls of PM1a status. */
    size_t base = 16 + 2;
    hw_model_expect(r.m, base + 1, 0x604, 2, true, 0x0401);
    hw_model_expect(r.m, base + 2, 0x604, 2, true, 0x2401);
    hw_model_expect(r.m, base + 3, 0x600, 2, false, 0x0000);
    hw_model_expect(r.m, base + 4, 0x600, 2, false, 0x0000);
    hw_model_expect(r.m, base + 5, 0x600, 2, false, 0x8000);
    assert_int_equal(r.m->ports.log_count, base + 6);
    assert_int_equal(r.m->stalls, 2);
    assert_int_equal(r.m->io[0x628], 0x00); /* GPE 1 not a wake GPE */
    /* Back: \_S0's SLP_TYP with SLP_EN clear, WAK_STS and PWRBTN_STS
     * cleared, run-time GPEs back on. */
    hw_model_set16(r.m, 0x600, ACPI_PM1_STS_WAK_STS | ACPI_PM1_STS_PWRBTN | ACPI_PM1_STS_RTC);
    mock_port_clear_log(&r.m->ports);
    struct acpi_sleep_type s0 = {0, 0};
    assert_int_equal(acpi_sleep_leave(&r.ev, &r.gpe, s0), ACPI_OK);
    hw_model_expect(r.m, 0, 0x604, 2, false, 0x0401);
    hw_model_expect(r.m, 1, 0x604, 2, true, 0x0001);
    hw_model_expect(r.m, 2, 0x600, 2, true, 0x8100);
    hw_model_expect(r.m, 3, 0x628, 1, true, 0x02);
    assert_int_equal(hw_model_get16(r.m, 0x600), ACPI_PM1_STS_RTC);
    hw_model_free(r.m);
}

static void s3_never_wakes_is_a_timeout(void **state)
{
    (void)state;
    struct rig r;
    rig_qemu(&r, "q35-ovmf");
    struct hw_trigger *t = hw_model_trigger(r.m, false, 0x604, 0x2000, 0x2000, 0x601, 0x80,
                                            HW_MODEL_NEVER);
    struct acpi_hw_wait wait = hw_model_wait(r.m, 40);
    struct acpi_sleep_type s3 = qemu_type("q35-ovmf", "_S3");
    assert_int_equal(acpi_sleep_enter(&r.ev, NULL, 3, s3, &wait), ACPI_HW_TIMEOUT);
    assert_int_equal(t->fired, 1);
    assert_int_equal(r.m->stalls, 39);
    /* Without a GPE state, no GPE register was touched. */
    for (size_t i = 0; i < r.m->ports.log_count; i++)
        assert_false(r.m->ports.log[i].port >= 0x620 && r.m->ports.log[i].port < 0x630);
    assert_int_equal(acpi_sleep_enter(&r.ev, NULL, 0, s3, &wait), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_sleep_enter(&r.ev, NULL, 6, s3, &wait), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_sleep_enter(&r.ev, NULL, 3, s3, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_sleep_enter(NULL, NULL, 3, s3, &wait), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_sleep_leave(NULL, NULL, s3), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_sleep_wait_wake(&r.ev, NULL), ACPI_INVALID_ARGUMENT);
    hw_model_free(r.m);
}

static void pm1b_wake_in_either_block(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_fadt fadt = hw_model_blank_fadt();
    fadt.pm1a_evt_blk = 0x400, fadt.pm1b_evt_blk = 0x500, fadt.pm1_evt_len = 4;
    fadt.pm1a_cnt_blk = 0x404, fadt.pm1b_cnt_blk = 0x504, fadt.pm1_cnt_len = 2;
    hw_model_fadt(m, &fadt);
    struct acpi_events ev;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    /* WAK_STS shows up in PM1b only, after PM1b control got SLP_EN. */
    hw_model_trigger(m, false, 0x504, 0x2000, 0x2000, 0x501, 0x80, 1);
    struct acpi_hw_wait wait = hw_model_wait(m, 10);
    struct acpi_sleep_type t = {5, 7};
    assert_int_equal(acpi_sleep_enter(&ev, NULL, 1, t, &wait), ACPI_OK);
    /* Each block its own SLP_TYP (SLP_EN reads back as 0). */
    assert_int_equal(hw_model_get16(m, 0x404), 5 << 10);
    assert_int_equal(hw_model_get16(m, 0x504), 7 << 10);
    /* Both status registers cleared, each write to both blocks. */
    assert_int_equal(m->ports.log[0].port, 0x400);
    assert_int_equal(m->ports.log[1].port, 0x500);
    assert_int_equal(m->ports.log[1].value, 0x4731);
    hw_model_free(m);
}

static void hardware_reduced_sleep_registers(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_fadt fadt = hw_model_blank_fadt();
    fadt.flags = ACPI_FADT_HW_REDUCED_ACPI;
    uint64_t ctl = HW_MODEL_MEM_BASE + 0x200, sts = HW_MODEL_MEM_BASE + 0x201;
    fadt.sleep_control_reg = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 8, 0, 1, ctl};
    fadt.sleep_status_reg = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 8, 0, 1, sts};
    hw_model_mem(m, ctl, 1, HW_RAM);
    hw_model_mem(m, sts, 1, HW_W1C);
    m->mem[0x201] = 0x80; /* a stale WAK_STS */
    /* 4.8.3.7/4.8.3.8: SLP_EN is bit 5 of sleep control, WAK_STS bit 7 of status. */
    hw_model_trigger(m, true, ctl, 0x20, 0x20, sts, 0x80, 1);
    struct acpi_events ev;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    struct acpi_hw_wait wait = hw_model_wait(m, 10);
    struct acpi_sleep_type t = {5, 0};
    assert_int_equal(acpi_sleep_enter(&ev, NULL, 3, t, &wait), ACPI_OK);
    assert_int_equal(m->ports.log_count, 0); /* no PM1 registers at all */
    assert_int_equal(m->mem_log[0].addr, sts);
    assert_true(m->mem_log[0].is_write);
    assert_int_equal(m->mem_log[0].value, 0x80);
    assert_int_equal(m->mem_log[1].addr, ctl);
    assert_int_equal(m->mem_log[1].value, (5 << 2) | 0x20);
    assert_int_equal(m->mem_log[2].addr, sts);
    assert_int_equal(m->mem_log[2].value, 0x00); /* stale bit cleared */
    assert_int_equal(m->mem_log[3].value, 0x80); /* the real wake */
    assert_int_equal(m->mem_log_count, 4);
    /* Leaving: \_S0's SLP_TYP with SLP_EN clear, then WAK_STS cleared. */
    m->mem_log_count = 0;
    struct acpi_sleep_type s0 = {0, 0};
    assert_int_equal(acpi_sleep_leave(&ev, NULL, s0), ACPI_OK);
    assert_int_equal(m->mem_log_count, 2);
    assert_int_equal(m->mem_log[0].addr, ctl);
    assert_int_equal(m->mem_log[0].value, 0);
    assert_int_equal(m->mem_log[1].addr, sts);
    assert_int_equal(m->mem[0x201], 0);
    /* No sleep status register: nothing to poll. */
    fadt.sleep_status_reg.address = 0;
    assert_int_equal(acpi_sleep_wait_wake(&ev, &wait), ACPI_NOT_FOUND);
    fadt.sleep_control_reg.address = 0;
    assert_int_equal(acpi_sleep_enter(&ev, NULL, 5, t, &wait), ACPI_NOT_FOUND);
    hw_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decode_qemu_packages),
        cmocka_unit_test(decode_forms_and_evil),
        cmocka_unit_test(soft_off_i440fx),
        cmocka_unit_test(s3_and_back),
        cmocka_unit_test(s3_never_wakes_is_a_timeout),
        cmocka_unit_test(pm1b_wake_in_either_block),
        cmocka_unit_test(hardware_reduced_sleep_registers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
