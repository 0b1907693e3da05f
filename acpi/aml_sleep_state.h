/* acpi/aml_sleep_state.h - the \_S0 ... \_S5 objects (ACPI 6.5, 7.4.2): the
 * SLP_TYP values a kernel writes to PM1a and PM1b control (or the sleep
 * control register of hardware-reduced platforms) to enter a sleep state.
 */
#ifndef ACPI_AML_SLEEP_STATE_H
#define ACPI_AML_SLEEP_STATE_H

#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/status.h"

struct acpi_aml_sleep_type {
    uint8_t state;        /* 0-5 */
    uint8_t slp_typ_a;    /* PM1a_CNT.SLP_TYP (3 bits, ACPI 6.5, 4.8.4.2.1) */
    uint8_t slp_typ_b;    /* PM1b_CNT.SLP_TYP */
    uint32_t elements;    /* in the package */
};

/* Evaluate \_Sx for `state` 0-5. The package's first element is the PM1a value
 * and its second the PM1b value; a package of one integer holds PM1a in bits
 * 7:0 and PM1b in bits 15:8 (older firmware, as ACPICA reads it). Values are
 * masked to SLP_TYP's 3 bits. ACPI_NOT_FOUND when the state is not supported,
 * ACPI_AML_BAD_OPERAND for a malformed package, ACPI_INVALID_ARGUMENT for
 * state > 5. */
ACPI_MUST_USE enum acpi_status acpi_aml_sleep_type(struct acpi_aml *aml, uint8_t state,
                                                   struct acpi_aml_sleep_type *out);

#endif
