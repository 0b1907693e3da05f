/* Fixed events, ACPI mode and the SCI entry point: QEMU's FADTs and the 40
 * corpus FADTs against ACPICA's decoding (PM1 block addresses, the flags
 * that make a button a control-method one), exact port accesses over the
 * W1C register model (ACPI 6.5, 4.8.3.1, Tables 4.13/4.14, 16.3), PM1b and
 * hardware-reduced FADTs made by hand, and firmware that never sets SCI_EN. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/event.h"
#include "hw_model.h"
#include "iasl_text.h"
#include "support.h"

struct qemu_truth {
    uint64_t pm1a_evt, pm1_evt_len, pm1a_cnt, smi_cmd, acpi_enable, flags;
};

static struct qemu_truth qemu_truth(const char *config)
{
    char rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/FACP.dsl", config);
    struct iasl_text t;
    assert_int_equal(iasl_text_load(support_path(rel), &t), 0);
    struct qemu_truth q;
    assert_true(iasl_hex(&t, 0x38, 0x3C, "PM1A Event Block Address", &q.pm1a_evt));
    assert_true(iasl_hex(&t, 0x58, 0x59, "PM1 Event Block Length", &q.pm1_evt_len));
    assert_true(iasl_hex(&t, 0x40, 0x44, "PM1A Control Block Address", &q.pm1a_cnt));
    assert_true(iasl_hex(&t, 0x30, 0x34, "SMI Command Port", &q.smi_cmd));
    assert_true(iasl_hex(&t, 0x34, 0x35, "ACPI Enable Value", &q.acpi_enable));
    assert_true(iasl_hex(&t, 0x70, 0x74, "Flags (decoded below)", &q.flags));
    iasl_text_free(&t);
    return q;
}

static const char *const qemu_configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf"};

static void qemu_power_button(void **state)
{
    (void)state;
    for (size_t c = 0; c < 3; c++) {
        struct qemu_truth q = qemu_truth(qemu_configs[c]);
        uint16_t sts = (uint16_t)q.pm1a_evt, en = (uint16_t)(q.pm1a_evt + q.pm1_evt_len / 2);
        struct acpi_fadt fadt;
        struct hw_model *m = hw_model_qemu(qemu_configs[c], &fadt);
        struct acpi_events ev;
        assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
        assert_int_equal(ev.blocks, 1);
        /* QEMU: a fixed power button (PWR_BUTTON clear), a control-method
         * sleep button (SLP_BUTTON set). */
        assert_false(q.flags & ACPI_FADT_PWR_BUTTON);
        assert_true(q.flags & ACPI_FADT_SLP_BUTTON);
        assert_true(acpi_fixed_event_available(&ev, ACPI_EVENT_POWER_BUTTON));
        assert_false(acpi_fixed_event_available(&ev, ACPI_EVENT_SLEEP_BUTTON));
        assert_true(acpi_fixed_event_available(&ev, ACPI_EVENT_RTC));
        assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_SLEEP_BUTTON), ACPI_UNSUPPORTED);
        assert_int_equal(m->ports.log_count, 0);
        /* PWRBTN_EN is bit 8 of PM1_EN (Table 4.14), a 16-bit register. */
        assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_POWER_BUTTON), ACPI_OK);
        hw_model_expect(m, 0, en, 2, false, 0);
        hw_model_expect(m, 1, en, 2, true, 0x0100);
        assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_RTC), ACPI_OK);
        hw_model_expect(m, 3, en, 2, true, 0x0500);
        assert_int_equal(acpi_fixed_event_disable(&ev, ACPI_EVENT_POWER_BUTTON), ACPI_OK);
        hw_model_expect(m, 5, en, 2, true, 0x0400);
        /* PWRBTN_STS and TMR_STS pending: status reports it, clear writes
         * the one bit (W1C) and leaves TMR_STS. */
        hw_model_set16(m, sts, 0x0101);
        bool set, enabled;
        assert_int_equal(acpi_fixed_event_status(&ev, ACPI_EVENT_POWER_BUTTON, &set, &enabled),
                         ACPI_OK);
        assert_true(set);
        assert_false(enabled);
        mock_port_clear_log(&m->ports);
        assert_int_equal(acpi_fixed_event_clear(&ev, ACPI_EVENT_POWER_BUTTON), ACPI_OK);
        assert_int_equal(m->ports.log_count, 1);
        hw_model_expect(m, 0, sts, 2, true, 0x0100);
        assert_int_equal(hw_model_get16(m, sts), 0x0001);
        assert_int_equal(m->ports.unclaimed, 0);
        hw_model_free(m);
    }
}

static void reset_clears_everything(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    hw_model_set16(m, 0x600, 0x8521);
    hw_model_set16(m, 0x602, 0x0121);
    struct acpi_events ev;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_events_reset(&ev), ACPI_OK);
    assert_int_equal(m->ports.log_count, 2);
    hw_model_expect(m, 0, 0x602, 2, true, 0);
    /* Every status bit Table 4.13 defines, written once. */
    hw_model_expect(m, 1, 0x600, 2, true, 0xC731);
    assert_int_equal(hw_model_get16(m, 0x600), 0);
    assert_int_equal(hw_model_get16(m, 0x602), 0);
    hw_model_free(m);
}

struct seen {
    struct hw_model *m;
    enum acpi_fixed_event events[8];
    uint16_t status_at_call[8];
    unsigned n;
    uint16_t gpes[8];
    unsigned gpe_n;
};

static void on_fixed(void *ctx, enum acpi_fixed_event e)
{
    struct seen *s = ctx;
    assert_true(s->n < 8);
    s->status_at_call[s->n] = hw_model_get16(s->m, 0x600);
    s->events[s->n++] = e;
}

static enum acpi_gpe_result on_gpe(void *ctx, uint16_t n, enum acpi_gpe_trigger trigger)
{
    struct seen *s = ctx;
    (void)trigger;
    assert_true(s->gpe_n < 8);
    s->gpes[s->gpe_n++] = n;
    return ACPI_GPE_DONE;
}

static void sci_dispatches_and_acknowledges(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    struct acpi_events ev;
    struct acpi_gpe gpe;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    acpi_events_attach_gpe(&ev, &gpe);
    struct seen s = {.m = m};
    assert_int_equal(acpi_fixed_event_set_handler(&ev, ACPI_EVENT_POWER_BUTTON, on_fixed, &s),
                     ACPI_OK);
    assert_int_equal(acpi_fixed_event_set_handler(&ev, ACPI_EVENT_PM_TIMER, on_fixed, &s),
                     ACPI_OK);
    acpi_gpe_set_handler(&gpe, on_gpe, &s);
    assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_POWER_BUTTON), ACPI_OK);
    assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_PM_TIMER), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 2), ACPI_OK);

    /* Nothing pending: 0 handled, reads only (a shared line that is not ours). */
    mock_port_clear_log(&m->ports);
    unsigned handled = 99;
    assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    for (size_t i = 0; i < m->ports.log_count; i++)
        assert_false(m->ports.log[i].is_write);

    /* Power button, PM timer and RTC (not enabled) pending, and GPE 2. */
    hw_model_set16(m, 0x600, ACPI_PM1_STS_PWRBTN | ACPI_PM1_STS_TMR | ACPI_PM1_STS_RTC);
    m->io[0x620] = 0x04;
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_OK);
    assert_int_equal(handled, 3);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.events[0], ACPI_EVENT_PM_TIMER);
    assert_int_equal(s.events[1], ACPI_EVENT_POWER_BUTTON);
    /* Acknowledged before the handler ran: its bit is already clear. */
    assert_false(s.status_at_call[1] & ACPI_PM1_STS_PWRBTN);
    assert_int_equal(s.gpe_n, 1);
    assert_int_equal(s.gpes[0], 2);
    assert_int_equal(hw_model_get16(m, 0x600), ACPI_PM1_STS_RTC); /* not ours to clear */
    hw_model_expect(m, 0, 0x600, 2, false, 0x0501);
    hw_model_expect(m, 1, 0x602, 2, false, 0x0101);
    hw_model_expect(m, 2, 0x600, 2, true, ACPI_PM1_STS_TMR);
    hw_model_expect(m, 3, 0x600, 2, true, ACPI_PM1_STS_PWRBTN);

    /* An enabled event with no handler is cleared and disabled (no storm). */
    assert_int_equal(acpi_fixed_event_set_handler(&ev, ACPI_EVENT_PM_TIMER, NULL, NULL), ACPI_OK);
    hw_model_set16(m, 0x600, ACPI_PM1_STS_TMR);
    assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_OK);
    assert_int_equal(handled, 1);
    assert_int_equal(hw_model_get16(m, 0x602), ACPI_PM1_EN_PWRBTN);
    assert_int_equal(hw_model_get16(m, 0x600), 0);
    assert_int_equal(s.n, 2);
    hw_model_free(m);
}

/* Deferred mode: the SCI acknowledges the power button and records it;
 * the handler runs once in the worker call, however often it fired. */
static void sci_deferred_fixed_events(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    struct acpi_events ev;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    struct seen s = {.m = m};
    assert_int_equal(acpi_fixed_event_set_handler(&ev, ACPI_EVENT_POWER_BUTTON, on_fixed, &s),
                     ACPI_OK);
    assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_POWER_BUTTON), ACPI_OK);
    acpi_events_set_deferred(&ev, true);
    unsigned handled;
    for (int press = 0; press < 2; press++) {
        hw_model_set16(m, 0x600, ACPI_PM1_STS_PWRBTN);
        assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_OK);
        assert_int_equal(handled, 1);
        assert_int_equal(hw_model_get16(m, 0x600), 0); /* acknowledged (4.8.3.1) */
    }
    assert_int_equal(s.n, 0);
    assert_int_equal(ev.pending, ACPI_PM1_STS_PWRBTN);
    /* Still enabled: the fixed button is not masked, only acknowledged. */
    assert_int_equal(hw_model_get16(m, 0x602), ACPI_PM1_EN_PWRBTN);
    assert_int_equal(acpi_fixed_events_run_deferred(&ev), 1);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.events[0], ACPI_EVENT_POWER_BUTTON);
    assert_int_equal(acpi_fixed_events_run_deferred(&ev), 0);
    /* Reset forgets what was recorded. */
    hw_model_set16(m, 0x600, ACPI_PM1_STS_PWRBTN);
    assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_OK);
    assert_int_equal(acpi_events_reset(&ev), ACPI_OK);
    assert_int_equal(acpi_fixed_events_run_deferred(&ev), 0);
    assert_int_equal(acpi_fixed_events_run_deferred(NULL), 0);
    hw_model_free(m);
}

static void pm1b_read_ored_written_both(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_fadt fadt = hw_model_blank_fadt();
    fadt.pm1a_evt_blk = 0x400, fadt.pm1b_evt_blk = 0x500, fadt.pm1_evt_len = 4;
    hw_model_fadt(m, &fadt);
    struct acpi_events ev;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(ev.blocks, 2);
    /* RTC_EN already set in PM1b only: the OR of both is the current value,
     * and the new value goes to both (4.8.3.1). */
    hw_model_set16(m, 0x502, ACPI_PM1_EN_RTC);
    assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_SLEEP_BUTTON), ACPI_OK);
    hw_model_expect(m, 0, 0x402, 2, false, 0);
    hw_model_expect(m, 1, 0x502, 2, false, ACPI_PM1_EN_RTC);
    hw_model_expect(m, 2, 0x402, 2, true, ACPI_PM1_EN_RTC | ACPI_PM1_EN_SLPBTN);
    hw_model_expect(m, 3, 0x502, 2, true, ACPI_PM1_EN_RTC | ACPI_PM1_EN_SLPBTN);
    /* Status in PM1b only still reads as set; the clear goes to both. */
    hw_model_set16(m, 0x500, ACPI_PM1_STS_SLPBTN);
    bool set;
    assert_int_equal(acpi_fixed_event_status(&ev, ACPI_EVENT_SLEEP_BUTTON, &set, NULL), ACPI_OK);
    assert_true(set);
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_fixed_event_clear(&ev, ACPI_EVENT_SLEEP_BUTTON), ACPI_OK);
    hw_model_expect(m, 0, 0x400, 2, true, ACPI_PM1_STS_SLPBTN);
    hw_model_expect(m, 1, 0x500, 2, true, ACPI_PM1_STS_SLPBTN);
    assert_int_equal(hw_model_get16(m, 0x500), 0);
    /* An 8-byte PM1_EVT_LEN: 4-byte halves, enable at +4, 32-bit accesses. */
    fadt = hw_model_blank_fadt();
    fadt.pm1a_evt_blk = 0x400, fadt.pm1_evt_len = 8;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(ev.enable[0].address, 0x404);
    assert_int_equal(ev.enable[0].bit_width, 32);
    /* X_PM1a_EVT_BLK with a dword access size over a 2-byte half: the
     * access size would reach into the enable half, so the half's own size. */
    fadt = hw_model_blank_fadt();
    fadt.pm1_evt_len = 4;
    fadt.x_pm1a_evt_blk = (struct acpi_gas){ACPI_GAS_SYSTEM_IO, 32, 0, ACPI_GAS_ACCESS_DWORD, 0x400};
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    mock_port_clear_log(&m->ports);
    uint16_t v;
    assert_int_equal(acpi_pm1_enable_read(&ev, &v), ACPI_OK);
    hw_model_expect(m, 0, 0x402, 2, false, 0x0600);
    hw_model_free(m);
}

static void acpi_mode_switch(void **state)
{
    (void)state;
    for (size_t c = 0; c < 3; c++) {
        struct qemu_truth q = qemu_truth(qemu_configs[c]);
        struct acpi_fadt fadt;
        struct hw_model *m = hw_model_qemu(qemu_configs[c], &fadt);
        /* The firmware answers ACPI_ENABLE on SMI_CMD by setting SCI_EN
         * after 3 more reads of PM1a control (16.3). */
        hw_model_trigger(m, false, q.smi_cmd, 0xFF, (uint32_t)q.acpi_enable, q.pm1a_cnt, 0x01, 3);
        struct acpi_hw_wait wait = hw_model_wait(m, 10);
        assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_OK);
        hw_model_expect(m, 0, (uint16_t)q.pm1a_cnt, 2, false, 0);
        hw_model_expect(m, 1, (uint16_t)q.smi_cmd, 1, true, (uint32_t)q.acpi_enable);
        for (size_t i = 2; i < 5; i++)
            hw_model_expect(m, i, (uint16_t)q.pm1a_cnt, 2, false, 0);
        hw_model_expect(m, 5, (uint16_t)q.pm1a_cnt, 2, false, ACPI_PM1_CNT_SCI_EN);
        assert_int_equal(m->ports.log_count, 6);
        assert_int_equal(m->stalls, 3);
        /* Already in ACPI mode: one read, no SMI. */
        mock_port_clear_log(&m->ports);
        assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_OK);
        assert_int_equal(m->ports.log_count, 1);
        hw_model_free(m);
    }
}

static void acpi_mode_firmware_never_answers(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    struct hw_trigger *t = hw_model_trigger(m, false, 0xB2, 0xFF, 0x02, 0x604, 1, HW_MODEL_NEVER);
    struct acpi_hw_wait wait = hw_model_wait(m, 25);
    assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_HW_TIMEOUT);
    assert_int_equal(t->fired, 1);
    /* The bound: 1 read before the SMI, then exactly 25 polls, 24 stalls. */
    assert_int_equal(m->ports.log_count, 27);
    assert_int_equal(m->stalls, 24);
    /* A spin limit without a stall callback is a bound too. */
    wait.stall = NULL;
    wait.max_polls = 0; /* counts as 1 */
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_HW_TIMEOUT);
    assert_int_equal(m->ports.log_count, 3);
    /* No SMI_CMD or no ACPI_ENABLE value: no way to switch. */
    fadt.smi_cmd = 0;
    assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_UNSUPPORTED);
    fadt = hw_model_qemu_fadt("q35-seabios");
    fadt.acpi_enable = 0;
    assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_UNSUPPORTED);
    assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, NULL), ACPI_INVALID_ARGUMENT);
    fadt.pm1a_cnt_blk = 0;
    fadt.x_pm1a_cnt_blk.address = 0;
    assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_NOT_FOUND);
    hw_model_free(m);
}

static void hardware_reduced_has_no_pm1(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_fadt fadt = hw_model_blank_fadt();
    fadt.flags = ACPI_FADT_HW_REDUCED_ACPI;
    fadt.pm1a_evt_blk = 0x400, fadt.pm1_evt_len = 4; /* ignored (5.2.9) */
    struct acpi_events ev;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(ev.blocks, 0);
    for (int e = 0; e < ACPI_EVENT_COUNT; e++) {
        assert_false(acpi_fixed_event_available(&ev, (enum acpi_fixed_event)e));
        assert_int_equal(acpi_fixed_event_enable(&ev, (enum acpi_fixed_event)e), ACPI_UNSUPPORTED);
    }
    uint16_t v;
    assert_int_equal(acpi_pm1_status_read(&ev, &v), ACPI_UNSUPPORTED);
    assert_int_equal(acpi_events_reset(&ev), ACPI_OK);
    unsigned handled = 7;
    assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    struct acpi_hw_wait wait = hw_model_wait(m, 3);
    assert_int_equal(acpi_enable_acpi_mode(&m->host, &fadt, &wait), ACPI_OK);
    assert_int_equal(m->ports.log_count, 0);
    hw_model_free(m);
}

static enum acpi_status failing_write(void *ctx, uint16_t port, unsigned width, uint32_t value)
{
    (void)ctx, (void)port, (void)width, (void)value;
    return ACPI_MAP_FAILED;
}

static void evil_blocks(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_events ev;
    struct acpi_fadt fadt = hw_model_blank_fadt();
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_NOT_FOUND); /* no PM1a */
    fadt.pm1a_evt_blk = 0x400;
    fadt.pm1_evt_len = 2; /* below the spec's 4 */
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_BAD_ENTRY);
    fadt.pm1_evt_len = 5;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_BAD_ENTRY);
    fadt.pm1_evt_len = 10; /* 5-byte halves: 40-bit registers */
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_BAD_ENTRY);
    fadt.pm1_evt_len = 4;
    fadt.pm1b_evt_blk = 0xFFFE; /* the enable half at 0x10000 */
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_BAD_ADDRESS);
    fadt.pm1b_evt_blk = 0;
    /* A PCI configuration space block at offset 0xFFFE would carry into the
     * next function. */
    fadt.x_pm1a_evt_blk = (struct acpi_gas){ACPI_GAS_PCI_CONFIG, 32, 0, 0, 0x001F0000FFFEull};
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_BAD_ADDRESS);
    fadt.x_pm1a_evt_blk.address = 0x001F00000040ull;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(ev.enable[0].address, 0x001F00000042ull);
    fadt.x_pm1a_evt_blk.address = 0;
    assert_int_equal(acpi_events_init(NULL, &m->host, &fadt), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_fixed_event_enable(&ev, (enum acpi_fixed_event)9), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_fixed_event_clear(&ev, ACPI_EVENT_COUNT), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_fixed_event_set_handler(&ev, ACPI_EVENT_COUNT, NULL, NULL),
                     ACPI_INVALID_ARGUMENT);
    bool set;
    assert_int_equal(acpi_fixed_event_status(&ev, ACPI_EVENT_RTC, NULL, NULL),
                     ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_fixed_event_status(NULL, ACPI_EVENT_RTC, &set, NULL),
                     ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_fixed_event_bit((enum acpi_fixed_event)40), 0);
    assert_int_equal(acpi_sci_handle(NULL, NULL), ACPI_INVALID_ARGUMENT);
    /* FIX_RTC: no RTC_STS in fixed hardware. */
    fadt.flags = ACPI_FADT_FIX_RTC | ACPI_FADT_PWR_BUTTON;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_fixed_event_clear(&ev, ACPI_EVENT_RTC), ACPI_UNSUPPORTED);
    assert_int_equal(acpi_fixed_event_status(&ev, ACPI_EVENT_POWER_BUTTON, &set, NULL),
                     ACPI_UNSUPPORTED);
    /* A failing host write comes back as is. */
    struct acpi_hw_host broken = m->host;
    broken.io_write = failing_write;
    hw_model_fadt(m, &fadt);
    assert_int_equal(acpi_events_init(&ev, &broken, &fadt), ACPI_OK);
    assert_int_equal(acpi_events_reset(&ev), ACPI_MAP_FAILED);
    assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_GLOBAL), ACPI_MAP_FAILED);
    hw_model_set16(m, 0x400, ACPI_PM1_STS_GBL);
    hw_model_set16(m, 0x402, ACPI_PM1_EN_GBL);
    unsigned handled = 5;
    assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_MAP_FAILED);
    assert_int_equal(handled, 0);
    hw_model_free(m);
}

/* ---- the corpus: PM1 blocks and fixed buttons as ACPICA decodes them ---- */

struct tally {
    int fadts, reduced, pm1b, fixed_power, fixed_sleep;
};

static void corpus_one(const char *path, const struct acpi_fadt *fp, const struct iasl_text *t,
                       void *ctx)
{
    struct tally *tally = ctx;
    (void)path;
    struct acpi_fadt fadt = *fp;
    tally->fadts++;
    uint64_t flags = 0, evt_len = 0, a = 0, b = 0;
    assert_true(iasl_hex(t, 0x70, 0x74, "Flags (decoded below)", &flags));
    assert_true(iasl_hex(t, 0x58, 0x59, "PM1 Event Block Length", &evt_len));
    assert_true(iasl_hex(t, 0x38, 0x3C, "PM1A Event Block Address", &a));
    assert_true(iasl_hex(t, 0x3C, 0x40, "PM1B Event Block Address", &b));
    uint64_t x = 0;
    if (fadt.length >= 148 + 12 && iasl_hex(t, 148, 160, "Address", &x) && x != 0)
        a = x;
    if (fadt.length >= 160 + 12 && iasl_hex(t, 160, 172, "Address", &x) && x != 0)
        b = x;
    struct hw_model *m = hw_model_new();
    struct acpi_events ev;
    assert_int_equal(acpi_events_init(&ev, &m->host, &fadt), ACPI_OK);
    if (flags & (1u << 20)) { /* HW_REDUCED_ACPI */
        tally->reduced++;
        assert_int_equal(ev.blocks, 0);
        assert_int_equal(ev.available, 0);
    } else {
        assert_int_equal(ev.blocks, b != 0 ? 2 : 1);
        tally->pm1b += b != 0;
        assert_int_equal(ev.status[0].address, a);
        assert_int_equal(ev.enable[0].address, a + evt_len / 2);
        assert_int_equal(ev.status[0].bit_width, evt_len * 4);
        /* Table 5.10: bit 4 PWR_BUTTON, bit 5 SLP_BUTTON, bit 6 FIX_RTC. */
        bool power = !(flags & (1u << 4)), sleep = !(flags & (1u << 5));
        assert_int_equal(acpi_fixed_event_available(&ev, ACPI_EVENT_POWER_BUTTON), power);
        assert_int_equal(acpi_fixed_event_available(&ev, ACPI_EVENT_SLEEP_BUTTON), sleep);
        assert_int_equal(acpi_fixed_event_available(&ev, ACPI_EVENT_RTC), !(flags & (1u << 6)));
        tally->fixed_power += power;
        tally->fixed_sleep += sleep;
    }
    hw_model_free(m);
}

static void corpus_pm1_matches_acpica(void **state)
{
    (void)state;
    struct tally tally = {0};
    int n = hw_model_each_corpus_fadt(corpus_one, &tally);
    if (n < 0)
        skip();
    assert_int_equal(n, 40);
    print_message("corpus: %d FADTs (%d hardware-reduced, %d with PM1b); fixed power button on "
                  "%d, fixed sleep button on %d\n",
                  tally.fadts, tally.reduced, tally.pm1b, tally.fixed_power, tally.fixed_sleep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(qemu_power_button),
        cmocka_unit_test(reset_clears_everything),
        cmocka_unit_test(sci_dispatches_and_acknowledges),
        cmocka_unit_test(sci_deferred_fixed_events),
        cmocka_unit_test(pm1b_read_ored_written_both),
        cmocka_unit_test(acpi_mode_switch),
        cmocka_unit_test(acpi_mode_firmware_never_answers),
        cmocka_unit_test(hardware_reduced_has_no_pm1),
        cmocka_unit_test(evil_blocks),
        cmocka_unit_test(corpus_pm1_matches_acpica),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
