/* See aml_report.h (aml_poweroff). The soft-off sequence of ACPI 6.5, 7.4.2
 * (\_S5 package), 7.4.1 (_PTS) and 16.1.7 (S5: SLP_TYP with SLP_EN). */
#include "acpi/aml_events.h"
#include "acpi/event.h"
#include "aml_report.h"
#include "console.h"

/* ACPI mode: SCI_EN polled every 1 ms, for at most 1 s. */
#define ACPI_ENABLE_POLLS 1000u
/* After SLP_EN a machine stops within microseconds; 1 s without that is a failure. */
#define OFF_WAIT_US 1000000u

/* \_PTS(5) when the firmware has one (7.4.1): ACPI_NOT_FOUND when absent. */
static enum acpi_status prepare_to_sleep(const struct aml_state *s)
{
    struct acpi_aml_node *pts;
    struct acpi_aml_value arg = {.type = ACPI_AML_TYPE_INTEGER, .u.integer = 5};
    struct acpi_aml_value result;

    enum acpi_status st = acpi_aml_lookup(s->aml, NULL, "\\_PTS", &pts);
    if (st != ACPI_OK) {
        return st;
    }
    st = acpi_aml_evaluate(s->aml, pts, &arg, 1, &result);
    if (st == ACPI_OK) {
        acpi_aml_value_release(s->aml, &result);
    }
    return st;
}

void aml_poweroff(struct aml_state *s, const struct acpi_hw_host *hw, void (*before_off)(void))
{
    struct acpi_sleep_type type = {0, 0};
    const struct acpi_hw_wait wait = {&s->khost, aml_kernel_stall_us, 1000u, ACPI_ENABLE_POLLS};

    if (s->aml == NULL || !s->have_fadt) {
        console_check(false, "poweroff", "no interpreter or no FADT");
        return;
    }
    /* \_S5: SLP_TYPa, SLP_TYPb and two reserved integers (7.4.2). */
    enum acpi_status st = acpi_aml_sleep_type(s->aml, 5, &type);
    if (!console_check(st == ACPI_OK, "s5", "\\_S5 SLP_TYPa=%u SLP_TYPb=%u: %s", type.a,
                       type.b, acpi_status_str(st))) {
        return;
    }
    st = prepare_to_sleep(s);
    console_printf("poweroff pts=\"%s\"\n", st == ACPI_NOT_FOUND ? "absent" : acpi_status_str(st));
    if (st != ACPI_OK && st != ACPI_NOT_FOUND) {
        console_check(false, "poweroff", "\\_PTS(5): %s", acpi_status_str(st));
        return;
    }
    /* SLP_EN is only defined in ACPI mode (4.8.3.2.1): SMI_CMD/ACPI_ENABLE
     * when the firmware left the platform in legacy mode. */
    st = acpi_enable_acpi_mode(hw, &s->fadt, &wait);
    if (st != ACPI_OK && st != ACPI_UNSUPPORTED) {
        console_check(false, "poweroff", "ACPI mode: %s", acpi_status_str(st));
        return;
    }
    console_printf("poweroff slp_typ_a=%u slp_typ_b=%u acpi_mode=\"%s\": all checks passed, "
                   "powering off\n",
                   type.a, type.b, acpi_status_str(st));
    before_off();
    st = acpi_hw_sleep(hw, &s->fadt, type.a, type.b);
    aml_kernel_stall_us(&s->khost, OFF_WAIT_US);
    console_check(false, "poweroff", "still running 1 s after SLP_EN: %s", acpi_status_str(st));
}
