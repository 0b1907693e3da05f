/* acpi/aml_battery.h - Control Method Batteries and AC adapters over the AML
 * interpreter (ACPI 6.5, 10.2 and 10.3).
 *
 * Find every battery (_HID or _CID "PNP0C0A") and AC adapter ("ACPI0003")
 * device, then decode what their methods return:
 *
 *     struct acpi_power_source_iter it;
 *     struct acpi_power_source src;
 *     acpi_power_source_iter_init(&it, aml);
 *     while (acpi_power_source_next(&it, &src) == ACPI_OK) {
 *         if (src.kind == ACPI_POWER_SOURCE_BATTERY && src.present) {
 *             struct acpi_battery_info info;    // _BIX, else _BIF
 *             struct acpi_battery_status st;    // _BST
 *             if (acpi_battery_read_info(aml, src.node, &info) == ACPI_OK &&
 *                 acpi_battery_read_status(aml, src.node, info.power_unit, &st) == ACPI_OK) ...
 *         }
 *     }
 *
 * Firmware is read, not trusted: every element of a package gets a field
 * state (valid, the spec's "unknown" value 0xFFFFFFFF, missing because the
 * package is short, of the wrong type, converted, truncated), and a decoder
 * returns a status that says whether every element was as the spec wants.
 * Nothing here allocates; strings are copied into the structures.
 */
#ifndef ACPI_AML_BATTERY_H
#define ACPI_AML_BATTERY_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/status.h"

/* The spec's "unknown" value of _BIF/_BIX/_BST integers (10.2.2.1, 10.2.2.7). */
#define ACPI_BATTERY_UNKNOWN 0xFFFFFFFFu
/* Bytes kept of each _BIF/_BIX string, the terminating NUL included. */
#define ACPI_BATTERY_STRING_MAX 64u

/* _STA bits (ACPI 6.5, 6.3.7): bit 4 is "battery present". */
#define ACPI_BATTERY_STA_PRESENT 0x01u
#define ACPI_BATTERY_STA_BATTERY_PRESENT 0x10u

/* How one element of a package decoded. */
enum acpi_battery_field_state {
    ACPI_BATTERY_FIELD_VALID = 0,
    ACPI_BATTERY_FIELD_UNKNOWN,        /* 0xFFFFFFFF where the spec allows "unknown" */
    ACPI_BATTERY_FIELD_MISSING,        /* the package ends before this element */
    ACPI_BATTERY_FIELD_WRONG_TYPE,     /* e.g. a string where an integer belongs: value 0 */
    ACPI_BATTERY_FIELD_CONVERTED,      /* a buffer or integer where a string belongs,
                                          converted as ACPICA does (see acpi_battery_info) */
    ACPI_BATTERY_FIELD_TRUNCATED,      /* a string longer than ACPI_BATTERY_STRING_MAX - 1,
                                          or an integer above 32 bits (low 32 kept) */
    ACPI_BATTERY_FIELD_NOT_PROVIDED,   /* not part of the object decoded (cycle count of _BIF,
                                          the swapping capability of a revision 0 _BIX) */
};
const char *acpi_battery_field_state_str(enum acpi_battery_field_state state);

enum acpi_power_source_kind {
    ACPI_POWER_SOURCE_BATTERY = 0,     /* PNP0C0A, 10.2 */
    ACPI_POWER_SOURCE_AC_ADAPTER = 1,  /* ACPI0003, 10.3 */
};

/* One battery or AC adapter device. */
struct acpi_power_source {
    const struct acpi_aml_node *node;
    enum acpi_power_source_kind kind;
    bool matched_by_cid;       /* found through _CID, not _HID */
    bool has_sta;
    uint32_t sta;              /* _STA, or 0x1F when absent (6.3.7) */
    /* Battery: _STA bit 4; AC adapter: bit 0. */
    bool present;
    /* _UID: an integer or a string (kept up to 15 characters). */
    bool has_uid;
    bool uid_is_string;
    uint64_t uid;
    char uid_string[16];
    enum acpi_status sta_status;   /* ACPI_OK, or why _STA could not be read */
};

/* A cursor over the namespace in namespace order. */
struct acpi_power_source_iter {
    struct acpi_aml *aml;
    const struct acpi_aml_node *next;
};

void acpi_power_source_iter_init(struct acpi_power_source_iter *it, struct acpi_aml *aml);
/* The next battery or AC adapter: ACPI_OK, ACPI_END after the last one,
 * ACPI_INVALID_ARGUMENT for NULL. _HID, _CID (an ID, or a package of them),
 * _STA and _UID are evaluated; an _HID that fails to evaluate is skipped as
 * not matching, a failing _STA is reported in sta_status (present false). */
ACPI_MUST_USE enum acpi_status acpi_power_source_next(struct acpi_power_source_iter *it,
                                                      struct acpi_power_source *out);

/* Power unit of _BIF/_BIX element "Power Unit" (10.2.2.1). Capacities are in
 * mWh (mAh), rates in mW (mA), voltages in mV whatever the unit. */
enum acpi_battery_power_unit {
    ACPI_BATTERY_UNIT_MW = 0,          /* mWh, mW */
    ACPI_BATTERY_UNIT_MA = 1,          /* mAh, mA */
};

/* The fields of _BIF and _BIX, in _BIX order (10.2.2.2): the index of
 * acpi_battery_info.state. */
enum acpi_battery_info_field {
    ACPI_BATTERY_INFO_REVISION = 0,              /* _BIX only */
    ACPI_BATTERY_INFO_POWER_UNIT,
    ACPI_BATTERY_INFO_DESIGN_CAPACITY,
    ACPI_BATTERY_INFO_LAST_FULL_CHARGE_CAPACITY,
    ACPI_BATTERY_INFO_TECHNOLOGY,
    ACPI_BATTERY_INFO_DESIGN_VOLTAGE,
    ACPI_BATTERY_INFO_DESIGN_CAPACITY_WARNING,
    ACPI_BATTERY_INFO_DESIGN_CAPACITY_LOW,
    ACPI_BATTERY_INFO_CYCLE_COUNT,               /* _BIX only, from here ... */
    ACPI_BATTERY_INFO_MEASUREMENT_ACCURACY,
    ACPI_BATTERY_INFO_MAX_SAMPLING_TIME,
    ACPI_BATTERY_INFO_MIN_SAMPLING_TIME,
    ACPI_BATTERY_INFO_MAX_AVERAGING_INTERVAL,
    ACPI_BATTERY_INFO_MIN_AVERAGING_INTERVAL,    /* ... to here */
    ACPI_BATTERY_INFO_GRANULARITY_1,
    ACPI_BATTERY_INFO_GRANULARITY_2,
    ACPI_BATTERY_INFO_MODEL_NUMBER,
    ACPI_BATTERY_INFO_SERIAL_NUMBER,
    ACPI_BATTERY_INFO_BATTERY_TYPE,
    ACPI_BATTERY_INFO_OEM_INFORMATION,
    ACPI_BATTERY_INFO_SWAPPING_CAPABILITY,       /* _BIX revision 1 (ACPI 6.0) */
    ACPI_BATTERY_INFO_FIELDS
};

/* _BIX "Battery Swapping Capability" (10.2.2.2). */
#define ACPI_BATTERY_SWAP_NONE 0x00u
#define ACPI_BATTERY_SWAP_COLD 0x01u
#define ACPI_BATTERY_SWAP_HOT 0x10u

/* Static battery information. String elements given as a buffer keep the
 * bytes before the first NUL, an integer becomes "" when 0 and otherwise 16
 * upper-case hex digits: ACPICA's repair of _BIF/_BIX (nsconvert.c; under a
 * revision 1 DSDT ACPICA writes 8 digits, which this layer cannot see). */
struct acpi_battery_info {
    bool extended;                     /* decoded from _BIX (else _BIF) */
    uint32_t element_count;            /* elements of the package returned */
    uint32_t revision;                 /* _BIX revision (0 or 1); 0 for _BIF */
    enum acpi_battery_power_unit power_unit;
    uint32_t design_capacity;
    uint32_t last_full_charge_capacity;
    uint32_t technology;               /* 0 primary (not rechargeable), 1 secondary */
    uint32_t design_voltage;
    uint32_t design_capacity_warning;
    uint32_t design_capacity_low;
    uint32_t cycle_count;
    uint32_t measurement_accuracy;     /* thousandths of a percent: 80000 = 80% */
    uint32_t max_sampling_time;        /* ms */
    uint32_t min_sampling_time;        /* ms */
    uint32_t max_averaging_interval;   /* ms */
    uint32_t min_averaging_interval;   /* ms */
    uint32_t granularity_1;            /* between low and warning */
    uint32_t granularity_2;            /* between warning and full */
    char model_number[ACPI_BATTERY_STRING_MAX];
    char serial_number[ACPI_BATTERY_STRING_MAX];
    char battery_type[ACPI_BATTERY_STRING_MAX];
    char oem_information[ACPI_BATTERY_STRING_MAX];
    uint32_t swapping_capability;      /* ACPI_BATTERY_SWAP_* */
    uint8_t state[ACPI_BATTERY_INFO_FIELDS];   /* enum acpi_battery_field_state */
};

/* Decode an evaluated _BIF (10.2.2.1, 13 elements) or _BIX (10.2.2.2,
 * 20 elements in revision 0, 21 in revision 1) package. Statuses: ACPI_OK when
 * every element had the spec's type (unknown values and converted strings
 * included: see state[]); ACPI_TRUNCATED when the package is shorter than its
 * revision needs (the elements present are decoded); ACPI_BAD_ENTRY when an
 * element had the wrong type or a power unit or technology outside 0-1;
 * ACPI_AML_BAD_OPERAND when the value is not a package; ACPI_INVALID_ARGUMENT
 * for NULL. A _BIX revision above 1 is decoded as revision 1. An element
 * that names an object (19.6.102: a reference, not a value) is read through
 * `aml` once; with aml NULL it is of the wrong type. */
ACPI_MUST_USE enum acpi_status acpi_battery_decode_bif(struct acpi_aml *aml,
                                                       const struct acpi_aml_value *bif,
                                                       struct acpi_battery_info *out);
ACPI_MUST_USE enum acpi_status acpi_battery_decode_bix(struct acpi_aml *aml,
                                                       const struct acpi_aml_value *bix,
                                                       struct acpi_battery_info *out);
/* Evaluate and decode _BIX, or _BIF when the device has no _BIX (Linux prefers
 * _BIX likewise). ACPI_NOT_FOUND when it has neither; the evaluation's status
 * when it fails; else the decoder's. */
ACPI_MUST_USE enum acpi_status acpi_battery_read_info(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *battery,
                                                      struct acpi_battery_info *out);

/* _BST "Battery State" bits (10.2.2.7). */
#define ACPI_BATTERY_STATE_DISCHARGING 0x1u
#define ACPI_BATTERY_STATE_CHARGING 0x2u
#define ACPI_BATTERY_STATE_CRITICAL 0x4u
#define ACPI_BATTERY_STATE_CHARGE_LIMITING 0x8u   /* ACPI 6.0 */

enum acpi_battery_status_field {
    ACPI_BATTERY_STATUS_STATE = 0,
    ACPI_BATTERY_STATUS_PRESENT_RATE,
    ACPI_BATTERY_STATUS_REMAINING_CAPACITY,
    ACPI_BATTERY_STATUS_PRESENT_VOLTAGE,
    ACPI_BATTERY_STATUS_FIELDS
};

struct acpi_battery_status {
    enum acpi_battery_power_unit power_unit;   /* carried from the caller (_BIF/_BIX) */
    uint32_t state;                    /* ACPI_BATTERY_STATE_* bits */
    bool discharging, charging, critical, charge_limiting;
    uint32_t present_rate;             /* mW or mA; ACPI_BATTERY_UNKNOWN */
    uint32_t remaining_capacity;       /* mWh or mAh; ACPI_BATTERY_UNKNOWN */
    uint32_t present_voltage;          /* mV; ACPI_BATTERY_UNKNOWN */
    uint8_t state_of[ACPI_BATTERY_STATUS_FIELDS];   /* enum acpi_battery_field_state */
};

/* Decode an evaluated _BST package (4 integers). Statuses and references as
 * for _BIF, and
 * ACPI_BAD_ENTRY when charging and discharging are both set (10.2.2.7 says
 * they are exclusive). */
ACPI_MUST_USE enum acpi_status acpi_battery_decode_bst(struct acpi_aml *aml,
                                                       const struct acpi_aml_value *bst,
                                                       enum acpi_battery_power_unit unit,
                                                       struct acpi_battery_status *out);
ACPI_MUST_USE enum acpi_status acpi_battery_read_status(struct acpi_aml *aml,
                                                        const struct acpi_aml_node *battery,
                                                        enum acpi_battery_power_unit unit,
                                                        struct acpi_battery_status *out);

/* _BTP(level) (10.2.2.8): ask for a notification when the remaining capacity
 * crosses `level` (in the power unit's capacity); 0 clears the trip point.
 * ACPI_NOT_FOUND when the battery has no _BTP; else the evaluation's status. */
ACPI_MUST_USE enum acpi_status acpi_battery_set_trip_point(struct acpi_aml *aml,
                                                           const struct acpi_aml_node *battery,
                                                           uint32_t level);

/* _PSR (10.3.1): 0 off-line, 1 on-line. Decode: ACPI_OK for 0 or 1;
 * ACPI_BAD_ENTRY for another integer (online is then "not zero", as Linux
 * reads it); ACPI_AML_BAD_OPERAND when not an integer. */
ACPI_MUST_USE enum acpi_status acpi_ac_adapter_decode_psr(const struct acpi_aml_value *psr,
                                                          bool *online);
ACPI_MUST_USE enum acpi_status acpi_ac_adapter_read_psr(struct acpi_aml *aml,
                                                        const struct acpi_aml_node *adapter,
                                                        bool *online);

#endif
