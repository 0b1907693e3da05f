/* acpi/aml_battery.h - control method batteries (PNP0C0A) and AC adapters
 * (ACPI0003), ACPI 6.5, chapter 10: _BIF/_BIX (static information), _BST
 * (status) and _PSR (power source online), read into structures. Nothing here
 * acts on the values. */
#ifndef ACPI_AML_BATTERY_H
#define ACPI_AML_BATTERY_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/status.h"

/* Model, serial number, type and OEM strings kept (longer ones truncated). */
#define ACPI_AML_BATTERY_TEXT_LEN 32
/* Capacities and rates of 0xFFFFFFFF mean "unknown" (10.2.2.1). */
#define ACPI_AML_BATTERY_UNKNOWN 0xFFFFFFFFu

/* _BIX (10.2.2.2) or, when the battery has none, _BIF (10.2.2.1): the fields
 * _BIF lacks are 0 then (`extended` false). */
struct acpi_aml_battery_info {
    bool extended;                  /* from _BIX */
    uint32_t revision;              /* _BIX only: 0, or 1 with swapping_capability */
    uint32_t power_unit;            /* 0 mWh/mW, 1 mAh/mA */
    uint32_t design_capacity;
    uint32_t last_full_charge_capacity;
    uint32_t technology;            /* 0 primary, 1 rechargeable */
    uint32_t design_voltage;        /* mV */
    uint32_t design_capacity_warning;
    uint32_t design_capacity_low;
    uint32_t cycle_count;           /* _BIX only, and the four after it */
    uint32_t measurement_accuracy;  /* thousandths of a percent */
    uint32_t max_sampling_time, min_sampling_time;        /* ms */
    uint32_t max_averaging_interval, min_averaging_interval; /* ms */
    uint32_t granularity_1, granularity_2;
    char model_number[ACPI_AML_BATTERY_TEXT_LEN];
    char serial_number[ACPI_AML_BATTERY_TEXT_LEN];
    char battery_type[ACPI_AML_BATTERY_TEXT_LEN];
    char oem_information[ACPI_AML_BATTERY_TEXT_LEN];
    uint32_t swapping_capability;   /* _BIX revision 1 */
};

/* _BST (10.2.2.11). */
struct acpi_aml_battery_status {
    uint32_t state;                 /* bit 0 discharging, 1 charging, 2 critical, 3 charge limiting */
    uint32_t present_rate;
    uint32_t remaining_capacity;
    uint32_t present_voltage;       /* mV */
};

/* Read _BIX, or _BIF when there is no _BIX. ACPI_NOT_FOUND when the device
 * has neither, ACPI_AML_BAD_OPERAND for a package of the wrong shape (an
 * integer field that is not an Integer, fewer elements than the revision
 * has). String fields may be Strings or Buffers (firmware uses both), or an
 * Integer 0 for an empty one. */
ACPI_MUST_USE enum acpi_status acpi_aml_battery_info(struct acpi_aml *aml,
                                                     const struct acpi_aml_node *battery,
                                                     struct acpi_aml_battery_info *out);

/* Read _BST. */
ACPI_MUST_USE enum acpi_status acpi_aml_battery_status(struct acpi_aml *aml,
                                                       const struct acpi_aml_node *battery,
                                                       struct acpi_aml_battery_status *out);

/* _PSR of a power source device: *online true when it supplies the system. */
ACPI_MUST_USE enum acpi_status acpi_aml_power_source_online(struct acpi_aml *aml,
                                                            const struct acpi_aml_node *adapter,
                                                            bool *online);

#endif
