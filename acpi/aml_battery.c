/* acpi/aml_battery.c - _BIF, _BIX, _BST and _PSR (ACPI 6.5, 10.2.2 and 10.3). */
#include "acpi/aml_battery.h"

#include "acpi/aml_device.h"

/* Where each field of struct acpi_aml_battery_info sits in _BIF and _BIX
 * (element index, or -1 when the package lacks it). */
enum field {
    F_REVISION, F_POWER_UNIT, F_DESIGN_CAPACITY, F_LAST_FULL, F_TECHNOLOGY, F_VOLTAGE,
    F_WARNING, F_LOW, F_CYCLES, F_ACCURACY, F_MAX_SAMPLING, F_MIN_SAMPLING, F_MAX_AVERAGING,
    F_MIN_AVERAGING, F_GRANULARITY_1, F_GRANULARITY_2, F_MODEL, F_SERIAL, F_TYPE, F_OEM,
    F_SWAPPING, F_COUNT
};

/* 10.2.2.1: 13 elements. */
static const int8_t bif_index[F_COUNT] = {
    -1, 0, 1, 2, 3, 4, 5, 6, -1, -1, -1, -1, -1, -1, 7, 8, 9, 10, 11, 12, -1,
};
/* 10.2.2.2: 20 elements (revision 0), 21 with the swapping capability (1). */
static const int8_t bix_index[F_COUNT] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
};

static uint32_t *integer_field(struct acpi_aml_battery_info *b, enum field f)
{
    switch (f) {
    case F_REVISION: return &b->revision;
    case F_POWER_UNIT: return &b->power_unit;
    case F_DESIGN_CAPACITY: return &b->design_capacity;
    case F_LAST_FULL: return &b->last_full_charge_capacity;
    case F_TECHNOLOGY: return &b->technology;
    case F_VOLTAGE: return &b->design_voltage;
    case F_WARNING: return &b->design_capacity_warning;
    case F_LOW: return &b->design_capacity_low;
    case F_CYCLES: return &b->cycle_count;
    case F_ACCURACY: return &b->measurement_accuracy;
    case F_MAX_SAMPLING: return &b->max_sampling_time;
    case F_MIN_SAMPLING: return &b->min_sampling_time;
    case F_MAX_AVERAGING: return &b->max_averaging_interval;
    case F_MIN_AVERAGING: return &b->min_averaging_interval;
    case F_GRANULARITY_1: return &b->granularity_1;
    case F_GRANULARITY_2: return &b->granularity_2;
    case F_SWAPPING: return &b->swapping_capability;
    default: return NULL;
    }
}

static char *text_field(struct acpi_aml_battery_info *b, enum field f)
{
    switch (f) {
    case F_MODEL: return b->model_number;
    case F_SERIAL: return b->serial_number;
    case F_TYPE: return b->battery_type;
    case F_OEM: return b->oem_information;
    default: return NULL;
    }
}

/* A String, or a Buffer holding characters up to a NUL; an Integer 0 is an
 * empty string (firmware writes Zero for "no OEM information"; ACPICA repairs
 * it into "" the same way). */
static bool copy_text(const struct acpi_aml_value *v, char *out)
{
    const char *s;
    uint32_t len;
    if (v->type == ACPI_AML_TYPE_INTEGER && v->u.integer == 0) {
        out[0] = '\0';
        return true;
    }
    if (v->type == ACPI_AML_TYPE_STRING) {
        s = v->u.string.ptr;
        len = v->u.string.len;
    } else if (v->type == ACPI_AML_TYPE_BUFFER) {
        s = (const char *)v->u.buffer.ptr;
        len = v->u.buffer.len;
    } else {
        return false;
    }
    uint32_t n = 0;
    for (; n < len && n + 1 < ACPI_AML_BATTERY_TEXT_LEN && s[n] != '\0'; n++) {
        out[n] = s[n];
    }
    out[n] = '\0';
    return true;
}

static enum acpi_status fill(struct acpi_aml_battery_info *out, const struct acpi_aml_value *pkg,
                             const int8_t *index, uint32_t needed)
{
    if (pkg->type != ACPI_AML_TYPE_PACKAGE || pkg->u.package.count < needed) {
        return ACPI_AML_BAD_OPERAND;
    }
    for (int f = 0; f < F_COUNT; f++) {
        if (index[f] < 0 || (uint32_t)index[f] >= pkg->u.package.count) {
            continue;
        }
        const struct acpi_aml_value *e = &pkg->u.package.elements[index[f]];
        uint32_t *i = integer_field(out, (enum field)f);
        if (i != NULL) {
            if (e->type != ACPI_AML_TYPE_INTEGER) {
                return ACPI_AML_BAD_OPERAND;
            }
            *i = (uint32_t)e->u.integer;
        } else if (!copy_text(e, text_field(out, (enum field)f))) {
            return ACPI_AML_BAD_OPERAND;
        }
    }
    return ACPI_OK;
}

enum acpi_status acpi_aml_battery_info(struct acpi_aml *aml, const struct acpi_aml_node *battery,
                                       struct acpi_aml_battery_info *out)
{
    *out = (struct acpi_aml_battery_info){ 0 };
    struct acpi_aml_value v;
    bool extended = true;
    enum acpi_status st = acpi_aml_device_eval(aml, battery, "_BIX", NULL, 0, &v);
    if (st == ACPI_NOT_FOUND) {
        extended = false;
        st = acpi_aml_device_eval(aml, battery, "_BIF", NULL, 0, &v);
    }
    if (st != ACPI_OK) {
        return st;
    }
    out->extended = extended;
    st = extended ? fill(out, &v, bix_index, 20) : fill(out, &v, bif_index, 13);
    if (st == ACPI_OK && extended && out->revision == 0) {
        out->swapping_capability = 0;   /* a 21st element is not part of revision 0 */
    }
    acpi_aml_value_release(aml, &v);
    return st;
}

enum acpi_status acpi_aml_battery_status(struct acpi_aml *aml, const struct acpi_aml_node *battery,
                                         struct acpi_aml_battery_status *out)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, battery, "_BST", NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    uint32_t f[4] = { 0 };
    if (v.type != ACPI_AML_TYPE_PACKAGE || v.u.package.count < 4) {
        st = ACPI_AML_BAD_OPERAND;
    }
    for (uint32_t i = 0; i < 4 && st == ACPI_OK; i++) {
        const struct acpi_aml_value *e = &v.u.package.elements[i];
        if (e->type != ACPI_AML_TYPE_INTEGER) {
            st = ACPI_AML_BAD_OPERAND;
        } else {
            f[i] = (uint32_t)e->u.integer;
        }
    }
    acpi_aml_value_release(aml, &v);
    if (st == ACPI_OK) {
        *out = (struct acpi_aml_battery_status){ .state = f[0], .present_rate = f[1],
                                                 .remaining_capacity = f[2],
                                                 .present_voltage = f[3] };
    }
    return st;
}

enum acpi_status acpi_aml_power_source_online(struct acpi_aml *aml,
                                              const struct acpi_aml_node *adapter, bool *online)
{
    uint64_t v;
    enum acpi_status st = acpi_aml_device_eval_integer(aml, adapter, "_PSR", &v);
    if (st == ACPI_OK) {
        *online = v != 0;   /* 10.3.1: 0 off-line, 1 on-line */
    }
    return st;
}
