/* acpi/event.c - fixed events, ACPI mode and the SCI (ACPI 6.5, 4.8.3.1,
 * 16.3, 5.6). */
#include "acpi/event.h"

#include <stddef.h>

static const uint16_t event_bits[ACPI_EVENT_COUNT] = {
    ACPI_PM1_STS_TMR, ACPI_PM1_STS_GBL, ACPI_PM1_STS_PWRBTN, ACPI_PM1_STS_SLPBTN,
    ACPI_PM1_STS_RTC,
};

uint16_t acpi_fixed_event_bit(enum acpi_fixed_event event)
{
    return (unsigned)event < ACPI_EVENT_COUNT ? event_bits[event] : 0;
}

/* Split one PM1x_EVT_BLK into its status and enable halves. The length is
 * PM1_EVT_LEN (the X_ bit width / 8 when that is 0), as for the GPE blocks. */
static enum acpi_status halves(const struct acpi_fadt *fadt, enum acpi_fadt_register which,
                               struct acpi_gas *sts, struct acpi_gas *en)
{
    struct acpi_gas g;
    enum acpi_status st = acpi_fadt_register(fadt, which, &g);
    if (st != ACPI_OK)
        return st;
    unsigned len = fadt->pm1_evt_len != 0 ? fadt->pm1_evt_len : g.bit_width / 8u;
    /* 5.2.9: at least 4 bytes, two halves; registers wider than 32 bits
     * exist nowhere (Tables 4.13/4.14 define 16). */
    if (len < 4 || len > 8 || len % 2 != 0)
        return ACPI_BAD_ENTRY;
    if (!acpi_hw_span_fits(&g, len))
        return ACPI_BAD_ADDRESS;
    g.bit_width = (uint8_t)(len * 4); /* half the block, in bits */
    g.bit_offset = 0;
    /* An access size wider than the half would reach into the other half. */
    if (g.access_size != ACPI_GAS_ACCESS_UNDEFINED && (8u << (g.access_size - 1)) > g.bit_width)
        g.access_size = ACPI_GAS_ACCESS_UNDEFINED;
    *sts = g;
    *en = g;
    en->address += len / 2;
    return ACPI_OK;
}

enum acpi_status acpi_events_init(struct acpi_events *ev, const struct acpi_hw_host *host,
                                  const struct acpi_fadt *fadt)
{
    if (ev == NULL || host == NULL || fadt == NULL)
        return ACPI_INVALID_ARGUMENT;
    *ev = (struct acpi_events){.host = host, .fadt = fadt};
    if (fadt->flags & ACPI_FADT_HW_REDUCED_ACPI)
        return ACPI_OK;
    enum acpi_status st = halves(fadt, ACPI_FADT_REG_PM1A_EVT, &ev->status[0], &ev->enable[0]);
    if (st != ACPI_OK)
        return st;
    ev->blocks = 1;
    st = halves(fadt, ACPI_FADT_REG_PM1B_EVT, &ev->status[1], &ev->enable[1]);
    if (st == ACPI_OK)
        ev->blocks = 2;
    else if (st != ACPI_NOT_FOUND)
        return st;
    /* Table 5.10: which events are fixed hardware. */
    uint16_t avail = ACPI_PM1_STS_TMR | ACPI_PM1_STS_GBL;
    if (!(fadt->flags & ACPI_FADT_PWR_BUTTON))
        avail |= ACPI_PM1_STS_PWRBTN;
    if (!(fadt->flags & ACPI_FADT_SLP_BUTTON))
        avail |= ACPI_PM1_STS_SLPBTN;
    if (!(fadt->flags & ACPI_FADT_FIX_RTC))
        avail |= ACPI_PM1_STS_RTC;
    ev->available = avail;
    return ACPI_OK;
}

void acpi_events_attach_gpe(struct acpi_events *ev, struct acpi_gpe *gpe)
{
    if (ev != NULL)
        ev->gpe = gpe;
}

bool acpi_fixed_event_available(const struct acpi_events *ev, enum acpi_fixed_event event)
{
    return ev != NULL && (ev->available & acpi_fixed_event_bit(event)) != 0;
}

enum acpi_status acpi_fixed_event_set_handler(struct acpi_events *ev, enum acpi_fixed_event event,
                                              acpi_fixed_event_handler handler, void *ctx)
{
    if (ev == NULL || (unsigned)event >= ACPI_EVENT_COUNT)
        return ACPI_INVALID_ARGUMENT;
    ev->handler[event] = handler;
    ev->handler_ctx[event] = ctx;
    return ACPI_OK;
}

/* Read PM1a and PM1b registers of one kind and OR them (4.8.3.1). */
static enum acpi_status read_ored(const struct acpi_events *ev, const struct acpi_gas *regs,
                                  uint16_t *value)
{
    if (ev == NULL || value == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (ev->blocks == 0)
        return ACPI_UNSUPPORTED;
    uint16_t v = 0;
    for (unsigned i = 0; i < ev->blocks; i++) {
        uint64_t r = 0;
        enum acpi_status st = acpi_hw_read(ev->host, &regs[i], &r);
        if (st != ACPI_OK)
            return st;
        v = (uint16_t)(v | r);
    }
    *value = v;
    return ACPI_OK;
}

static enum acpi_status write_both(const struct acpi_events *ev, const struct acpi_gas *regs,
                                   uint16_t value)
{
    if (ev == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (ev->blocks == 0)
        return ACPI_UNSUPPORTED;
    for (unsigned i = 0; i < ev->blocks; i++) {
        enum acpi_status st = acpi_hw_write(ev->host, &regs[i], value);
        if (st != ACPI_OK)
            return st;
    }
    return ACPI_OK;
}

enum acpi_status acpi_pm1_status_read(const struct acpi_events *ev, uint16_t *value)
{
    return read_ored(ev, ev != NULL ? ev->status : NULL, value);
}

enum acpi_status acpi_pm1_enable_read(const struct acpi_events *ev, uint16_t *value)
{
    return read_ored(ev, ev != NULL ? ev->enable : NULL, value);
}

enum acpi_status acpi_pm1_status_clear(const struct acpi_events *ev, uint16_t bits)
{
    return write_both(ev, ev != NULL ? ev->status : NULL, bits);
}

static enum acpi_status set_enable(struct acpi_events *ev, enum acpi_fixed_event event, bool on)
{
    if (ev == NULL || (unsigned)event >= ACPI_EVENT_COUNT)
        return ACPI_INVALID_ARGUMENT;
    uint16_t bit = event_bits[event];
    if (!(ev->available & bit))
        return ACPI_UNSUPPORTED;
    uint16_t v;
    enum acpi_status st = acpi_pm1_enable_read(ev, &v);
    if (st != ACPI_OK)
        return st;
    v = on ? (uint16_t)(v | bit) : (uint16_t)(v & ~bit);
    return write_both(ev, ev->enable, v);
}

enum acpi_status acpi_fixed_event_enable(struct acpi_events *ev, enum acpi_fixed_event event)
{
    return set_enable(ev, event, true);
}

enum acpi_status acpi_fixed_event_disable(struct acpi_events *ev, enum acpi_fixed_event event)
{
    return set_enable(ev, event, false);
}

enum acpi_status acpi_fixed_event_status(const struct acpi_events *ev, enum acpi_fixed_event event,
                                         bool *set, bool *enabled)
{
    if (ev == NULL || set == NULL || (unsigned)event >= ACPI_EVENT_COUNT)
        return ACPI_INVALID_ARGUMENT;
    uint16_t bit = event_bits[event];
    if (!(ev->available & bit))
        return ACPI_UNSUPPORTED;
    uint16_t v;
    enum acpi_status st = acpi_pm1_status_read(ev, &v);
    if (st != ACPI_OK)
        return st;
    *set = (v & bit) != 0;
    if (enabled == NULL)
        return ACPI_OK;
    st = acpi_pm1_enable_read(ev, &v);
    *enabled = (v & bit) != 0;
    return st;
}

enum acpi_status acpi_fixed_event_clear(const struct acpi_events *ev, enum acpi_fixed_event event)
{
    if (ev == NULL || (unsigned)event >= ACPI_EVENT_COUNT)
        return ACPI_INVALID_ARGUMENT;
    if (!(ev->available & event_bits[event]))
        return ACPI_UNSUPPORTED;
    return acpi_pm1_status_clear(ev, event_bits[event]);
}

enum acpi_status acpi_events_reset(struct acpi_events *ev)
{
    if (ev == NULL)
        return ACPI_INVALID_ARGUMENT;
    ev->pending = 0;
    if (ev->blocks == 0)
        return ACPI_OK;
    enum acpi_status st = write_both(ev, ev->enable, 0);
    return st == ACPI_OK ? acpi_pm1_status_clear(ev, ACPI_PM1_STS_ALL) : st;
}

enum acpi_status acpi_enable_acpi_mode(const struct acpi_hw_host *host,
                                       const struct acpi_fadt *fadt,
                                       const struct acpi_hw_wait *wait)
{
    if (host == NULL || fadt == NULL || wait == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (fadt->flags & ACPI_FADT_HW_REDUCED_ACPI)
        return ACPI_OK; /* 4.1: always in ACPI mode */
    struct acpi_gas cnt;
    enum acpi_status st = acpi_fadt_register(fadt, ACPI_FADT_REG_PM1A_CNT, &cnt);
    if (st != ACPI_OK)
        return st;
    uint64_t v = 0;
    st = acpi_hw_read(host, &cnt, &v);
    if (st != ACPI_OK || (v & ACPI_PM1_CNT_SCI_EN))
        return st;
    if (fadt->smi_cmd == 0 || fadt->acpi_enable == 0)
        return ACPI_UNSUPPORTED;
    /* 5.2.9, SMI_CMD: a system I/O port; the value is a byte. */
    struct acpi_gas smi = {ACPI_GAS_SYSTEM_IO, 8, 0, ACPI_GAS_ACCESS_BYTE, fadt->smi_cmd};
    st = acpi_hw_write(host, &smi, fadt->acpi_enable);
    if (st != ACPI_OK)
        return st;
    /* 16.3: the firmware sets SCI_EN once it has handed the hardware over. */
    return acpi_hw_poll(host, wait, &cnt, ACPI_PM1_CNT_SCI_EN, ACPI_PM1_CNT_SCI_EN, NULL);
}

void acpi_events_set_deferred(struct acpi_events *ev, bool deferred)
{
    if (ev != NULL)
        ev->deferred = deferred;
}

void acpi_events_set_lock(struct acpi_events *ev, const struct acpi_sci_lock *lock)
{
    if (ev != NULL)
        ev->lock = lock;
}

/* The fixed-event half of the SCI; *count the events acknowledged. */
static enum acpi_status fixed_events(struct acpi_events *ev, unsigned *count)
{
    uint16_t sts, en;
    enum acpi_status st = acpi_pm1_status_read(ev, &sts);
    if (st == ACPI_OK)
        st = acpi_pm1_enable_read(ev, &en);
    if (st != ACPI_OK)
        return st;
    for (unsigned e = 0; e < ACPI_EVENT_COUNT; e++) {
        uint16_t bit = event_bits[e];
        if (!(sts & en & bit & ev->available))
            continue;
        /* Acknowledge first: a new press while the handler runs sets the
         * bit again and raises the next SCI. */
        st = acpi_pm1_status_clear(ev, bit);
        if (st == ACPI_OK && ev->handler[e] == NULL)
            st = set_enable(ev, (enum acpi_fixed_event)e, false);
        if (st != ACPI_OK)
            return st;
        if (ev->handler[e] != NULL && ev->deferred)
            ev->pending = (uint16_t)(ev->pending | bit);
        else if (ev->handler[e] != NULL)
            ev->handler[e](ev->handler_ctx[e], (enum acpi_fixed_event)e);
        (*count)++;
    }
    return ACPI_OK;
}

enum acpi_status acpi_sci_handle(struct acpi_events *ev, unsigned *handled)
{
    if (handled != NULL)
        *handled = 0;
    if (ev == NULL)
        return ACPI_INVALID_ARGUMENT;
    unsigned count = 0;
    enum acpi_status st = ACPI_OK;
    if (ev->blocks != 0) {
        acpi_sci_lock_acquire(ev->lock);
        st = fixed_events(ev, &count);
        acpi_sci_lock_release(ev->lock);
    }
    unsigned gpes = 0;
    if (st == ACPI_OK && ev->gpe != NULL)
        st = acpi_gpe_dispatch(ev->gpe, &gpes);
    if (handled != NULL)
        *handled = count + gpes;
    return st;
}

unsigned acpi_fixed_events_run_deferred(struct acpi_events *ev)
{
    if (ev == NULL)
        return 0;
    acpi_sci_lock_acquire(ev->lock);
    uint16_t take = ev->pending;
    ev->pending = 0;
    acpi_sci_lock_release(ev->lock);
    unsigned ran = 0;
    for (unsigned e = 0; e < ACPI_EVENT_COUNT; e++) {
        if ((take & event_bits[e]) && ev->handler[e] != NULL) {
            ev->handler[e](ev->handler_ctx[e], (enum acpi_fixed_event)e);
            ran++;
        }
    }
    return ran;
}
