/* acpi/sleep.c - sleep-state sequence (ACPI 6.5, 7.4.2, 16.1). */
#include "acpi/sleep.h"

#define SLP_TYP_MAX 7u /* a 3-bit field (Table 4.16, 4.8.3.7) */
#define SLEEP_STATUS_WAK_STS 0x80u /* 4.8.3.8 */

enum acpi_status acpi_sleep_type_decode(size_t count, const uint64_t *elements,
                                        struct acpi_sleep_type *out)
{
    if (out == NULL || (count != 0 && elements == NULL))
        return ACPI_INVALID_ARGUMENT;
    if (count == 0)
        return ACPI_BAD_ENTRY;
    uint64_t a, b;
    if (count == 1) {
        if (elements[0] > 0xFFFFu)
            return ACPI_BAD_ENTRY;
        a = elements[0] & 0xFFu;
        b = (elements[0] >> 8) & 0xFFu;
    } else {
        a = elements[0];
        b = elements[1];
    }
    if (a > SLP_TYP_MAX || b > SLP_TYP_MAX)
        return ACPI_BAD_ENTRY;
    out->a = (uint8_t)a;
    out->b = (uint8_t)b;
    return ACPI_OK;
}

static bool reduced(const struct acpi_events *ev)
{
    return (ev->fadt->flags & ACPI_FADT_HW_REDUCED_ACPI) != 0;
}

enum acpi_status acpi_sleep_wait_wake(const struct acpi_events *ev,
                                      const struct acpi_hw_wait *wait)
{
    if (ev == NULL || ev->fadt == NULL || wait == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (reduced(ev))
        return acpi_hw_poll(ev->host, wait, &ev->fadt->sleep_status_reg, SLEEP_STATUS_WAK_STS,
                            SLEEP_STATUS_WAK_STS, NULL);
    if (ev->blocks == 1)
        return acpi_hw_poll(ev->host, wait, &ev->status[0], ACPI_PM1_STS_WAK_STS,
                            ACPI_PM1_STS_WAK_STS, NULL);
    /* Two blocks: the bit may sit in either, so poll their OR. */
    uint32_t polls = wait->max_polls != 0 ? wait->max_polls : 1;
    for (uint32_t i = 0; i < polls; i++) {
        if (i != 0 && wait->stall != NULL)
            wait->stall(wait->ctx, wait->interval_us);
        uint16_t sts = 0;
        enum acpi_status st = acpi_pm1_status_read(ev, &sts);
        if (st != ACPI_OK || (sts & ACPI_PM1_STS_WAK_STS))
            return st;
    }
    return ACPI_HW_TIMEOUT;
}

enum acpi_status acpi_sleep_enter(struct acpi_events *ev, struct acpi_gpe *gpe, uint8_t state,
                                  struct acpi_sleep_type type, const struct acpi_hw_wait *wait)
{
    if (ev == NULL || ev->fadt == NULL || wait == NULL || state < 1 || state > 5)
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st = ACPI_OK;
    /* 16.1.x: only the wake GPEs stay armed while the machine sleeps. */
    if (gpe != NULL && gpe->block_count != 0)
        st = acpi_gpe_arm_wake(gpe);
    /* A stale status would wake the machine at once; WAK_STS is cleared by
     * acpi_hw_sleep itself. */
    if (st == ACPI_OK && ev->blocks != 0)
        st = acpi_pm1_status_clear(ev, ACPI_PM1_STS_ALL & ~ACPI_PM1_STS_WAK_STS);
    if (st == ACPI_OK)
        st = acpi_hw_sleep(ev->host, ev->fadt, type.a, type.b);
    if (st == ACPI_OK && state <= 3)
        st = acpi_sleep_wait_wake(ev, wait);
    return st;
}

/* One PM1 control block: SLP_TYP replaced, SLP_EN clear, the rest kept. */
static enum acpi_status write_s0(const struct acpi_events *ev, enum acpi_fadt_register which,
                                 uint8_t slp_typ)
{
    struct acpi_gas cnt;
    if (acpi_fadt_register(ev->fadt, which, &cnt) != ACPI_OK)
        return ACPI_OK; /* no PM1b */
    uint64_t v = 0;
    enum acpi_status st = acpi_hw_read(ev->host, &cnt, &v);
    if (st != ACPI_OK)
        return st;
    v &= ~(uint64_t)(ACPI_PM1_CNT_SLP_TYP_MASK | ACPI_PM1_CNT_SLP_EN);
    v |= ((uint64_t)slp_typ << ACPI_PM1_CNT_SLP_TYP_SHIFT) & ACPI_PM1_CNT_SLP_TYP_MASK;
    return acpi_hw_write(ev->host, &cnt, v);
}

enum acpi_status acpi_sleep_leave(struct acpi_events *ev, struct acpi_gpe *gpe,
                                  struct acpi_sleep_type s0)
{
    if (ev == NULL || ev->fadt == NULL)
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st;
    if (reduced(ev)) {
        const struct acpi_fadt *f = ev->fadt;
        st = f->sleep_control_reg.address == 0
                 ? ACPI_OK
                 : acpi_hw_write(ev->host, &f->sleep_control_reg,
                                 ((uint64_t)s0.a << ACPI_SLEEP_CONTROL_SLP_TYP_SHIFT) &
                                     ACPI_SLEEP_CONTROL_SLP_TYP_MASK);
        if (st == ACPI_OK && f->sleep_status_reg.address != 0)
            st = acpi_hw_write(ev->host, &f->sleep_status_reg, SLEEP_STATUS_WAK_STS);
    } else {
        st = write_s0(ev, ACPI_FADT_REG_PM1A_CNT, s0.a);
        if (st == ACPI_OK)
            st = write_s0(ev, ACPI_FADT_REG_PM1B_CNT, s0.b);
        if (st == ACPI_OK && ev->blocks != 0)
            st = acpi_pm1_status_clear(ev, ACPI_PM1_STS_WAK_STS | ACPI_PM1_STS_PWRBTN);
    }
    if (st == ACPI_OK && gpe != NULL && gpe->block_count != 0)
        st = acpi_gpe_restore_runtime(gpe);
    return st;
}
