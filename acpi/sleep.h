/* acpi/sleep.h - the sleep-state sequence around acpi_hw_sleep (ACPI 6.5,
 * 7.4.2, 16.1): SLP_TYP values decoded from the integers of an \_Sx package,
 * the register steps before the SLP_TYP/SLP_EN writes, the bounded wait for
 * WAK_STS after S1-S3, and the steps after waking.
 *
 * The AML layer evaluates \_Sx (and runs _PTS before acpi_sleep_enter, _WAK
 * after acpi_sleep_leave); this layer does the register work only. The
 * kernel does what is its own before acpi_sleep_enter: for S3 the FACS
 * waking vector (acpi/facs.h), and for S1-S4 flushing the CPU caches
 * (WBINVD on x86, 16.1.x), with interrupts off.
 */
#ifndef ACPI_SLEEP_H
#define ACPI_SLEEP_H

#include <stddef.h>
#include <stdint.h>

#include "acpi/event.h"
#include "acpi/gpe.h"
#include "acpi/hwreg.h"
#include "acpi/status.h"

/* The two 3-bit SLP_TYP values of one sleep state: a for PM1a control (and
 * the hardware-reduced sleep control register), b for PM1b control. */
struct acpi_sleep_type {
    uint8_t a;
    uint8_t b;
};

/* Decode the integer elements of an \_Sx package (7.4.2): with two or more
 * elements, element 0 is SLP_TYPa and element 1 SLP_TYPb (the rest is
 * reserved); old firmware returns one element holding SLP_TYPa in bits 7:0
 * and SLP_TYPb in bits 15:8 (ACPICA and Linux read it so). Statuses: ACPI_OK;
 * ACPI_INVALID_ARGUMENT for NULL; ACPI_BAD_ENTRY for an empty package or a
 * value that does not fit the 3-bit field. */
ACPI_MUST_USE enum acpi_status acpi_sleep_type_decode(size_t count, const uint64_t *elements,
                                                      struct acpi_sleep_type *out);

/* Enter sleep state `state` (1-5) after _PTS: every GPE enable register gets
 * the wake mask and every GPE status is cleared (when gpe is not NULL, see
 * acpi_gpe_arm_wake); every PM1 status bit but WAK_STS is cleared; then
 * acpi_hw_sleep (WAK_STS cleared, SLP_TYP written to PM1a then PM1b, then
 * SLP_EN to both; or the sleep control register). For S1-S3, if the write
 * returns (S1 on real hardware, any state under a mock), WAK_STS is polled
 * within wait's bound. Statuses: ACPI_OK (awake again, or S4/S5 written);
 * ACPI_INVALID_ARGUMENT for a state outside 1-5; ACPI_HW_TIMEOUT when
 * WAK_STS never came; the statuses of acpi_hw_sleep. */
ACPI_MUST_USE enum acpi_status acpi_sleep_enter(struct acpi_events *ev, struct acpi_gpe *gpe,
                                                uint8_t state, struct acpi_sleep_type type,
                                                const struct acpi_hw_wait *wait);

/* Wait (bounded) for WAK_STS: PM1a|PM1b status bit 15, or bit 7 of the
 * hardware-reduced sleep status register. ACPI_OK, ACPI_HW_TIMEOUT, or
 * register statuses (ACPI_NOT_FOUND on a hardware-reduced platform without
 * a sleep status register). */
ACPI_MUST_USE enum acpi_status acpi_sleep_wait_wake(const struct acpi_events *ev,
                                                    const struct acpi_hw_wait *wait);

/* After waking (before _WAK): write the \_S0 SLP_TYP values to PM1a/PM1b
 * control with SLP_EN clear (or to the sleep control register), so the
 * chipset does not take the old sleep type again; clear WAK_STS and
 * PWRBTN_STS (the press that woke the machine must not read as a new
 * one); put the run-time GPE enables back (gpe may be NULL). Statuses those
 * of register access. */
ACPI_MUST_USE enum acpi_status acpi_sleep_leave(struct acpi_events *ev, struct acpi_gpe *gpe,
                                                struct acpi_sleep_type s0);

#endif
