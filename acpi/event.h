/* acpi/event.h - fixed ACPI events through the PM1 event blocks (ACPI 6.5,
 * 4.8.3.1, Tables 4.13 and 4.14), the switch into ACPI mode through SMI_CMD
 * (4.8.3.2.1, 16.3), and the SCI entry point the kernel's interrupt handler
 * calls.
 *
 * Each PM1x_EVT_BLK is a status register then an enable register, each
 * PM1_EVT_LEN / 2 bytes. PM1a and PM1b (when present) are read and ORed, and
 * written both with the same value (4.8.3.1). The FADT flags say which
 * events are really fixed hardware: PWR_BUTTON / SLP_BUTTON set mean a
 * control-method button (a device with a GPE), FIX_RTC set means no RTC_STS;
 * a hardware-reduced platform has no PM1 event registers at all (4.1, and
 * 5.2.9's note on HW_REDUCED_ACPI: OSPM ignores the hardware register fields).
 *
 * struct acpi_events is owned by the caller; it keeps a pointer to the FADT
 * and, when acpi_events_attach_gpe was called, to the GPE state, both of which
 * must outlive it.
 */
#ifndef ACPI_EVENT_H
#define ACPI_EVENT_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/fadt.h"
#include "acpi/gpe.h"
#include "acpi/hwreg.h"
#include "acpi/status.h"

/* PM1 status bits (Table 4.13). */
#define ACPI_PM1_STS_TMR 0x0001u
#define ACPI_PM1_STS_BM 0x0010u
#define ACPI_PM1_STS_GBL 0x0020u
#define ACPI_PM1_STS_PWRBTN 0x0100u
#define ACPI_PM1_STS_SLPBTN 0x0200u
#define ACPI_PM1_STS_RTC 0x0400u
#define ACPI_PM1_STS_PCIEXP_WAKE 0x4000u
/* WAK_STS (0x8000) is ACPI_PM1_STS_WAK_STS in acpi/hwreg.h. */
#define ACPI_PM1_STS_ALL 0xC731u /* every defined status bit */
/* PM1 enable bits (Table 4.14); PCIEXP_WAKE_DIS disables when set. */
#define ACPI_PM1_EN_TMR 0x0001u
#define ACPI_PM1_EN_GBL 0x0020u
#define ACPI_PM1_EN_PWRBTN 0x0100u
#define ACPI_PM1_EN_SLPBTN 0x0200u
#define ACPI_PM1_EN_RTC 0x0400u
#define ACPI_PM1_EN_PCIEXP_WAKE_DIS 0x4000u

/* The fixed events that raise an SCI (those with an enable bit). */
enum acpi_fixed_event {
    ACPI_EVENT_PM_TIMER = 0, /* TMR: bit 23 (or 31) of the PM timer toggled */
    ACPI_EVENT_GLOBAL = 1,   /* GBL: the BIOS released the global lock */
    ACPI_EVENT_POWER_BUTTON = 2,
    ACPI_EVENT_SLEEP_BUTTON = 3,
    ACPI_EVENT_RTC = 4,      /* RTC alarm */
    ACPI_EVENT_COUNT = 5,
};

/* The status/enable bit of a fixed event (the same bit in both registers). */
uint16_t acpi_fixed_event_bit(enum acpi_fixed_event event);

typedef void (*acpi_fixed_event_handler)(void *ctx, enum acpi_fixed_event event);

struct acpi_events {
    const struct acpi_hw_host *host;
    const struct acpi_fadt *fadt;
    struct acpi_gas status[2]; /* PM1a, PM1b status halves */
    struct acpi_gas enable[2]; /* PM1a, PM1b enable halves */
    unsigned blocks;           /* 0 (hardware-reduced), 1 or 2 */
    uint16_t available;        /* status bits that are fixed hardware here */
    acpi_fixed_event_handler handler[ACPI_EVENT_COUNT];
    void *handler_ctx[ACPI_EVENT_COUNT];
    struct acpi_gpe *gpe;      /* NULL: the SCI handles fixed events only */
    uint16_t pending;          /* deferred: acknowledged, handler not yet run */
    bool deferred;
    const struct acpi_sci_lock *lock; /* NULL: the kernel serialises */
};

/* Describe the PM1 event blocks of a FADT (no hardware access). Statuses:
 * ACPI_OK (also on a hardware-reduced platform: blocks 0, no fixed events);
 * ACPI_NOT_FOUND when a full-hardware FADT lacks PM1a_EVT_BLK; ACPI_BAD_ENTRY
 * when a block's length is below 4 bytes (5.2.9: PM1_EVT_LEN >= 4), above 8
 * or odd; ACPI_BAD_ADDRESS when a block runs past port 0xFFFF (or its PCI
 * function's 64 KiB, or the address space). */
ACPI_MUST_USE enum acpi_status acpi_events_init(struct acpi_events *ev,
                                                const struct acpi_hw_host *host,
                                                const struct acpi_fadt *fadt);

/* Let the SCI entry point dispatch GPEs too (gpe may be NULL to detach). */
void acpi_events_attach_gpe(struct acpi_events *ev, struct acpi_gpe *gpe);

/* True when the event is fixed hardware on this platform. */
bool acpi_fixed_event_available(const struct acpi_events *ev, enum acpi_fixed_event event);

/* Install (or, with NULL, remove) the handler of one fixed event. Does not
 * enable it. ACPI_INVALID_ARGUMENT for an unknown event. */
ACPI_MUST_USE enum acpi_status acpi_fixed_event_set_handler(struct acpi_events *ev,
                                                            enum acpi_fixed_event event,
                                                            acpi_fixed_event_handler handler,
                                                            void *ctx);

/* Enable / disable one event: read PM1a|PM1b enable, change the bit, write
 * the result to both. ACPI_UNSUPPORTED when the event is not fixed hardware
 * here (control-method button, FIX_RTC, hardware-reduced); register statuses
 * as is. */
ACPI_MUST_USE enum acpi_status acpi_fixed_event_enable(struct acpi_events *ev,
                                                       enum acpi_fixed_event event);
ACPI_MUST_USE enum acpi_status acpi_fixed_event_disable(struct acpi_events *ev,
                                                        enum acpi_fixed_event event);

/* Whether the event's status bit is set (in PM1a or PM1b), and when enabled
 * is not NULL whether it is enabled. Statuses as acpi_fixed_event_enable. */
ACPI_MUST_USE enum acpi_status acpi_fixed_event_status(const struct acpi_events *ev,
                                                       enum acpi_fixed_event event, bool *set,
                                                       bool *enabled);

/* Clear the event's status bit: its bit alone written to both status
 * registers (write one to clear). Statuses as acpi_fixed_event_enable. */
ACPI_MUST_USE enum acpi_status acpi_fixed_event_clear(const struct acpi_events *ev,
                                                      enum acpi_fixed_event event);

/* The raw PM1 registers, ORed over PM1a and PM1b. ACPI_UNSUPPORTED on a
 * hardware-reduced platform. */
ACPI_MUST_USE enum acpi_status acpi_pm1_status_read(const struct acpi_events *ev, uint16_t *value);
ACPI_MUST_USE enum acpi_status acpi_pm1_enable_read(const struct acpi_events *ev, uint16_t *value);
/* Write `bits` (write one to clear) to both status registers. */
ACPI_MUST_USE enum acpi_status acpi_pm1_status_clear(const struct acpi_events *ev, uint16_t bits);

/* At initialisation: every fixed event disabled (enable registers written
 * 0, their reset value, which leaves PCIe wake enabled), every status bit
 * cleared and the deferred events forgotten.
 * ACPI_OK with no access on a hardware-reduced platform. */
ACPI_MUST_USE enum acpi_status acpi_events_reset(struct acpi_events *ev);

/* Switch the platform into ACPI mode (4.8.3.2.1, 16.3): nothing to do when
 * the platform is hardware-reduced or SCI_EN is already set in PM1a control;
 * otherwise write ACPI_ENABLE to the SMI_CMD port (an 8-bit write) and poll
 * SCI_EN within wait's bound. Statuses: ACPI_OK; ACPI_UNSUPPORTED when
 * SCI_EN is clear and SMI_CMD or ACPI_ENABLE is 0 (no way to switch);
 * ACPI_NOT_FOUND without PM1a control; ACPI_HW_TIMEOUT when SCI_EN never
 * became set; register statuses as is. */
ACPI_MUST_USE enum acpi_status acpi_enable_acpi_mode(const struct acpi_hw_host *host,
                                                     const struct acpi_fadt *fadt,
                                                     const struct acpi_hw_wait *wait);

/* Deferred mode (off after acpi_events_init): acpi_sci_handle acknowledges
 * a fixed event and records it instead of calling its handler;
 * acpi_fixed_events_run_deferred calls the handlers later, from a worker.
 * The lock (NULL: none; acpi/sci_lock.h) is held by acpi_sci_handle while it
 * handles the fixed events and by the worker call while it takes the
 * pending set; set the same one on the attached GPE state. */
void acpi_events_set_deferred(struct acpi_events *ev, bool deferred);
void acpi_events_set_lock(struct acpi_events *ev, const struct acpi_sci_lock *lock);

/* The SCI entry point, for the kernel's interrupt handler of FADT SCI_INT.
 * Reads PM1 status and enable; for each enabled fixed event whose status is
 * set, in enum order, clears the status and calls its handler, or in
 * deferred mode records it (an event with no handler is cleared and disabled
 * so it cannot storm); then, when a GPE state is attached, acpi_gpe_dispatch.
 * *handled (may be NULL) is the number of events and GPEs handled (in
 * deferred mode: acknowledged): 0 means the interrupt was not ours (a shared
 * line). Statuses: register access failures (what was handled before stays
 * handled and counted). */
ACPI_MUST_USE enum acpi_status acpi_sci_handle(struct acpi_events *ev, unsigned *handled);

/* For the worker: the handlers of the fixed events recorded in deferred
 * mode, in enum order, each once however often it fired; returns how many
 * ran. An event whose handler was removed meanwhile is dropped. */
unsigned acpi_fixed_events_run_deferred(struct acpi_events *ev);

#endif
