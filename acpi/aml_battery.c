/* acpi/aml_battery.c - Control Method Batteries (ACPI 6.5, 10.2) and AC
 * adapters (10.3) over the AML interpreter. */
#include "acpi/aml_battery.h"

#include <stddef.h>

#include "acpi/aml_device.h"
#include "acpi/shift.h"

/* 0x1F: what an absent _STA means (ACPI 6.5, 6.3.7). */
#define STA_DEFAULT 0x1Fu
/* Elements of a revision 1 _BIX (10.2.2.2); revision 0 has 20. */
#define BIX_REV1_ELEMENTS 21u
/* Upper bound of the _CID package elements looked at. */
#define CID_MAX 32u

const char *acpi_battery_field_state_str(enum acpi_battery_field_state state)
{
    switch (state) {
    case ACPI_BATTERY_FIELD_VALID: return "valid";
    case ACPI_BATTERY_FIELD_UNKNOWN: return "unknown";
    case ACPI_BATTERY_FIELD_MISSING: return "missing";
    case ACPI_BATTERY_FIELD_WRONG_TYPE: return "wrong type";
    case ACPI_BATTERY_FIELD_CONVERTED: return "converted";
    case ACPI_BATTERY_FIELD_TRUNCATED: return "truncated";
    case ACPI_BATTERY_FIELD_NOT_PROVIDED: return "not provided";
    }
    return "invalid field state";
}

/* ---- finding the devices ------------------------------------------------------ */

/* An ID value (6.1.5: EISA ID integer or string) equal to `id`, through the
 * device layer's text form of it. */
static bool id_matches(const struct acpi_aml_value *v, const char *id)
{
    char text[ACPI_AML_ID_LEN];
    if (acpi_aml_id_text(v, text) != ACPI_OK) {
        return false;
    }
    size_t i = 0;
    for (; text[i] != '\0' && text[i] == id[i]; i++) {
    }
    return text[i] == id[i];
}

/* _CID: one ID or a package of them (6.1.2). */
static bool cid_matches(const struct acpi_aml_value *v, const char *id)
{
    if (v->type != ACPI_AML_TYPE_PACKAGE) {
        return id_matches(v, id);
    }
    uint32_t n = v->u.package.count < CID_MAX ? v->u.package.count : CID_MAX;
    for (uint32_t i = 0; i < n; i++) {
        if (id_matches(&v->u.package.elements[i], id)) {
            return true;
        }
    }
    return false;
}

static const char *const kind_id[] = {
    [ACPI_POWER_SOURCE_BATTERY] = "PNP0C0A",
    [ACPI_POWER_SOURCE_AC_ADAPTER] = "ACPI0003",
};

/* Which kind `dev` is, by _HID then _CID; false when neither. */
static bool device_kind(struct acpi_aml *aml, const struct acpi_aml_node *dev,
                        enum acpi_power_source_kind *kind, bool *by_cid)
{
    static const char *const names[] = { "_HID", "_CID" };
    for (unsigned which = 0; which < 2; which++) {
        struct acpi_aml_value v;
        if (acpi_aml_device_eval(aml, dev, names[which], NULL, 0, &v) != ACPI_OK) {
            continue;
        }
        bool hit = false;
        for (unsigned k = 0; k < 2 && !hit; k++) {
            hit = which == 0 ? id_matches(&v, kind_id[k]) : cid_matches(&v, kind_id[k]);
            if (hit) {
                *kind = (enum acpi_power_source_kind)k;
            }
        }
        acpi_aml_value_release(aml, &v);
        if (hit) {
            *by_cid = which == 1;
            return true;
        }
    }
    return false;
}

static void read_uid(struct acpi_aml *aml, struct acpi_power_source *out)
{
    struct acpi_aml_value v;
    if (acpi_aml_device_eval(aml, out->node, "_UID", NULL, 0, &v) != ACPI_OK) {
        return;
    }
    if (v.type == ACPI_AML_TYPE_INTEGER) {
        out->has_uid = true;
        out->uid = v.u.integer;
    } else if (v.type == ACPI_AML_TYPE_STRING) {
        out->has_uid = true;
        out->uid_is_string = true;
        uint32_t i = 0;
        for (; i < v.u.string.len && i + 1 < sizeof out->uid_string && v.u.string.ptr[i] != '\0';
             i++) {
            out->uid_string[i] = v.u.string.ptr[i];
        }
        out->uid_string[i] = '\0';
    }
    acpi_aml_value_release(aml, &v);
}

static void read_sta(struct acpi_aml *aml, struct acpi_power_source *out)
{
    struct acpi_aml_value v;
    out->sta = STA_DEFAULT;
    out->sta_status = acpi_aml_device_eval(aml, out->node, "_STA", NULL, 0, &v);
    if (out->sta_status == ACPI_NOT_FOUND) {
        out->sta_status = ACPI_OK;
    } else if (out->sta_status == ACPI_OK) {
        out->has_sta = true;
        if (v.type == ACPI_AML_TYPE_INTEGER) {
            out->sta = (uint32_t)v.u.integer;
        } else {
            out->sta_status = ACPI_AML_BAD_OPERAND;
            out->sta = 0;
        }
        acpi_aml_value_release(aml, &v);
    } else {
        out->sta = 0;
    }
    uint32_t bit = out->kind == ACPI_POWER_SOURCE_BATTERY ? ACPI_BATTERY_STA_BATTERY_PRESENT
                                                          : ACPI_BATTERY_STA_PRESENT;
    out->present = (out->sta & bit) != 0;
}

void acpi_power_source_iter_init(struct acpi_power_source_iter *it, struct acpi_aml *aml)
{
    it->aml = aml;
    it->next = aml != NULL ? acpi_aml_root(aml) : NULL;
}

enum acpi_status acpi_power_source_next(struct acpi_power_source_iter *it,
                                        struct acpi_power_source *out)
{
    if (it == NULL || out == NULL || it->aml == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    enum acpi_status st = ACPI_END;
    acpi_aml_walk_begin(it->aml);   /* _HID/_CID are evaluated during the walk */
    /* acpi_aml_node_next visits each node once, so this ends after the last. */
    while (it->next != NULL && st == ACPI_END) {
        const struct acpi_aml_node *dev = it->next;
        it->next = acpi_aml_node_next(dev);
        enum acpi_power_source_kind kind;
        bool by_cid;
        if (acpi_aml_node_type(dev) != ACPI_AML_TYPE_DEVICE ||
            !device_kind(it->aml, dev, &kind, &by_cid)) {
            continue;
        }
        *out = (struct acpi_power_source){ .node = dev, .kind = kind, .matched_by_cid = by_cid };
        read_sta(it->aml, out);
        read_uid(it->aml, out);
        st = ACPI_OK;
    }
    acpi_aml_walk_end(it->aml);
    return st;
}

/* ---- package elements --------------------------------------------------------- */

struct decoder {
    const struct acpi_aml_value *pkg;
    uint8_t *states;
    enum acpi_status status;
    /* With an interpreter, an element that names an object (ACPI 6.5,
     * 19.6.102: a NameString in a package is a reference to it, not its
     * value) is read through it once, as ACPICA resolves such elements. */
    struct acpi_aml *aml;
    struct acpi_aml_value tmp;
    bool have_tmp;
};

/* Element `index` of the package, its reference resolved when it has one:
 * NULL past the end. Valid until the next call. */
static const struct acpi_aml_value *element(struct decoder *d, uint32_t index)
{
    if (d->have_tmp) {
        acpi_aml_value_release(d->aml, &d->tmp);
        d->have_tmp = false;
    }
    if (index >= d->pkg->u.package.count) {
        return NULL;
    }
    const struct acpi_aml_value *e = &d->pkg->u.package.elements[index];
    if (e->type == ACPI_AML_TYPE_REFERENCE && e->u.node != NULL && d->aml != NULL &&
        acpi_aml_evaluate(d->aml, e->u.node, NULL, 0, &d->tmp) == ACPI_OK) {
        d->have_tmp = true;
        return &d->tmp;
    }
    return e;
}

static enum acpi_status finish(struct decoder *d)
{
    (void)element(d, UINT32_MAX);
    return d->status;
}

static void worse(struct decoder *d, enum acpi_status s)
{
    /* A type error outranks a short package: both are reported, the first
     * kind of trouble that the caller must not ignore wins. */
    if (d->status == ACPI_OK || (s == ACPI_BAD_ENTRY && d->status == ACPI_TRUNCATED)) {
        d->status = s;
    }
}

/* Element `index` as a 32-bit integer into field `field`; `may_be_unknown`
 * for the values the spec lets be 0xFFFFFFFF. */
static uint32_t get_int(struct decoder *d, uint32_t index, unsigned field, bool may_be_unknown)
{
    const struct acpi_aml_value *e = element(d, index);
    if (e == NULL) {
        d->states[field] = ACPI_BATTERY_FIELD_MISSING;
        worse(d, ACPI_TRUNCATED);
        return 0;
    }
    if (e->type != ACPI_AML_TYPE_INTEGER) {
        d->states[field] = ACPI_BATTERY_FIELD_WRONG_TYPE;
        worse(d, ACPI_BAD_ENTRY);
        return 0;
    }
    uint32_t v = (uint32_t)e->u.integer;
    /* The fields are DWORDs (10.2.2.1); a wider value cannot be meant. */
    if (e->u.integer > 0xFFFFFFFFu) {
        d->states[field] = ACPI_BATTERY_FIELD_TRUNCATED;
        worse(d, ACPI_BAD_ENTRY);
    } else if (may_be_unknown && v == ACPI_BATTERY_UNKNOWN) {
        d->states[field] = ACPI_BATTERY_FIELD_UNKNOWN;
    } else {
        d->states[field] = ACPI_BATTERY_FIELD_VALID;
    }
    return v;
}

/* A small integer field whose values are 0..max (power unit, technology). */
static uint32_t get_enum(struct decoder *d, uint32_t index, unsigned field, uint32_t max)
{
    uint32_t v = get_int(d, index, field, false);
    if (d->states[field] == ACPI_BATTERY_FIELD_VALID && v > max) {
        worse(d, ACPI_BAD_ENTRY);
    }
    return v;
}

static void put_char(char *dst, uint32_t *n, char c, bool *cut)
{
    if (*n + 1 < ACPI_BATTERY_STRING_MAX) {
        dst[(*n)++] = c;
    } else {
        *cut = true;
    }
}

/* Element `index` as a string, repaired as ACPICA's nsconvert.c does: a
 * buffer keeps its bytes before the first NUL; an integer 0 is "", another
 * integer its 16 upper-case hex digits. */
static void get_str(struct decoder *d, uint32_t index, unsigned field, char *dst)
{
    static const char hex[] = "0123456789ABCDEF";
    uint32_t n = 0;
    bool cut = false;
    dst[0] = '\0';
    const struct acpi_aml_value *e = element(d, index);
    if (e == NULL) {
        d->states[field] = ACPI_BATTERY_FIELD_MISSING;
        worse(d, ACPI_TRUNCATED);
        return;
    }
    d->states[field] = ACPI_BATTERY_FIELD_CONVERTED;
    if (e->type == ACPI_AML_TYPE_STRING) {
        d->states[field] = ACPI_BATTERY_FIELD_VALID;
        for (uint32_t i = 0; i < e->u.string.len && e->u.string.ptr[i] != '\0'; i++) {
            put_char(dst, &n, e->u.string.ptr[i], &cut);
        }
    } else if (e->type == ACPI_AML_TYPE_BUFFER) {
        for (uint32_t i = 0; i < e->u.buffer.len && e->u.buffer.ptr[i] != 0; i++) {
            put_char(dst, &n, (char)e->u.buffer.ptr[i], &cut);
        }
    } else if (e->type == ACPI_AML_TYPE_INTEGER) {
        for (int shift = 60; e->u.integer != 0 && shift >= 0; shift -= 4) {
            put_char(dst, &n, hex[shr64(e->u.integer, shift) & 0xFu], &cut);
        }
    } else {
        d->states[field] = ACPI_BATTERY_FIELD_WRONG_TYPE;
        worse(d, ACPI_BAD_ENTRY);
    }
    dst[n] = '\0';
    if (cut) {
        d->states[field] = ACPI_BATTERY_FIELD_TRUNCATED;
    }
}

static bool start(struct decoder *d, struct acpi_aml *aml, const struct acpi_aml_value *pkg,
                  uint8_t *states, unsigned fields)
{
    *d = (struct decoder){ .pkg = pkg, .states = states, .status = ACPI_OK, .aml = aml };
    for (unsigned i = 0; i < fields; i++) {
        states[i] = ACPI_BATTERY_FIELD_NOT_PROVIDED;
    }
    return pkg->type == ACPI_AML_TYPE_PACKAGE;
}

/* ---- _BIF and _BIX -------------------------------------------------------------- */

/* The fields _BIF and _BIX share, from element `at` on (_BIF: 0, _BIX: 1):
 * power unit up to design capacity of low. */
static void decode_capacities(struct decoder *d, uint32_t at, struct acpi_battery_info *out)
{
    out->power_unit = (enum acpi_battery_power_unit)get_enum(d, at, ACPI_BATTERY_INFO_POWER_UNIT, 1);
    out->design_capacity = get_int(d, at + 1, ACPI_BATTERY_INFO_DESIGN_CAPACITY, true);
    out->last_full_charge_capacity =
        get_int(d, at + 2, ACPI_BATTERY_INFO_LAST_FULL_CHARGE_CAPACITY, true);
    out->technology = get_enum(d, at + 3, ACPI_BATTERY_INFO_TECHNOLOGY, 1);
    out->design_voltage = get_int(d, at + 4, ACPI_BATTERY_INFO_DESIGN_VOLTAGE, true);
    out->design_capacity_warning =
        get_int(d, at + 5, ACPI_BATTERY_INFO_DESIGN_CAPACITY_WARNING, false);
    out->design_capacity_low = get_int(d, at + 6, ACPI_BATTERY_INFO_DESIGN_CAPACITY_LOW, false);
}

/* The granularities and the four strings, from element `at` on (_BIF: 7,
 * _BIX: 14). */
static void decode_strings(struct decoder *d, uint32_t at, struct acpi_battery_info *out)
{
    out->granularity_1 = get_int(d, at, ACPI_BATTERY_INFO_GRANULARITY_1, false);
    out->granularity_2 = get_int(d, at + 1, ACPI_BATTERY_INFO_GRANULARITY_2, false);
    get_str(d, at + 2, ACPI_BATTERY_INFO_MODEL_NUMBER, out->model_number);
    get_str(d, at + 3, ACPI_BATTERY_INFO_SERIAL_NUMBER, out->serial_number);
    get_str(d, at + 4, ACPI_BATTERY_INFO_BATTERY_TYPE, out->battery_type);
    get_str(d, at + 5, ACPI_BATTERY_INFO_OEM_INFORMATION, out->oem_information);
}

/* The checks both decoders begin with: ACPI_OK when `pkg` is a package. */
static enum acpi_status info_start(struct decoder *d, struct acpi_aml *aml,
                                   const struct acpi_aml_value *pkg,
                                   struct acpi_battery_info *out, bool extended)
{
    if (pkg == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    *out = (struct acpi_battery_info){ .extended = extended };
    if (!start(d, aml, pkg, out->state, ACPI_BATTERY_INFO_FIELDS)) {
        return ACPI_AML_BAD_OPERAND;
    }
    out->element_count = pkg->u.package.count;
    return ACPI_OK;
}

enum acpi_status acpi_battery_decode_bif(struct acpi_aml *aml, const struct acpi_aml_value *bif,
                                         struct acpi_battery_info *out)
{
    struct decoder d;
    enum acpi_status s = info_start(&d, aml, bif, out, false);
    if (s != ACPI_OK) {
        return s;
    }
    /* 10.2.2.1: the 13 elements of _BIF. */
    decode_capacities(&d, 0, out);
    decode_strings(&d, 7, out);
    return finish(&d);
}

enum acpi_status acpi_battery_decode_bix(struct acpi_aml *aml, const struct acpi_aml_value *bix,
                                         struct acpi_battery_info *out)
{
    struct decoder d;
    enum acpi_status s = info_start(&d, aml, bix, out, true);
    if (s != ACPI_OK) {
        return s;
    }
    /* 10.2.2.2: revision, then _BIF's first seven fields, then cycle count to
     * min averaging interval, then _BIF's last six, then (revision 1, ACPI
     * 6.0) the swapping capability. */
    out->revision = get_int(&d, 0, ACPI_BATTERY_INFO_REVISION, false);
    decode_capacities(&d, 1, out);
    out->cycle_count = get_int(&d, 8, ACPI_BATTERY_INFO_CYCLE_COUNT, true);
    out->measurement_accuracy = get_int(&d, 9, ACPI_BATTERY_INFO_MEASUREMENT_ACCURACY, false);
    out->max_sampling_time = get_int(&d, 10, ACPI_BATTERY_INFO_MAX_SAMPLING_TIME, false);
    out->min_sampling_time = get_int(&d, 11, ACPI_BATTERY_INFO_MIN_SAMPLING_TIME, false);
    out->max_averaging_interval = get_int(&d, 12, ACPI_BATTERY_INFO_MAX_AVERAGING_INTERVAL, false);
    out->min_averaging_interval = get_int(&d, 13, ACPI_BATTERY_INFO_MIN_AVERAGING_INTERVAL, false);
    decode_strings(&d, 14, out);
    /* A revision 0 package has no swapping capability; firmware that says
     * revision 0 but gives 21 elements gets the 21st decoded too. */
    if (out->revision >= 1 || bix->u.package.count >= BIX_REV1_ELEMENTS) {
        out->swapping_capability =
            get_int(&d, BIX_REV1_ELEMENTS - 1, ACPI_BATTERY_INFO_SWAPPING_CAPABILITY, false);
    }
    return finish(&d);
}

enum acpi_status acpi_battery_read_info(struct acpi_aml *aml, const struct acpi_aml_node *battery,
                                        struct acpi_battery_info *out)
{
    if (aml == NULL || battery == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_value v;
    bool extended = true;
    enum acpi_status s = acpi_aml_device_eval(aml, battery, "_BIX", NULL, 0, &v);
    if (s == ACPI_NOT_FOUND) {
        extended = false;
        s = acpi_aml_device_eval(aml, battery, "_BIF", NULL, 0, &v);
    }
    if (s != ACPI_OK) {
        return s;
    }
    s = extended ? acpi_battery_decode_bix(aml, &v, out) : acpi_battery_decode_bif(aml, &v, out);
    acpi_aml_value_release(aml, &v);
    return s;
}

/* ---- _BST, _BTP, _PSR ----------------------------------------------------------- */

enum acpi_status acpi_battery_decode_bst(struct acpi_aml *aml, const struct acpi_aml_value *bst,
                                         enum acpi_battery_power_unit unit,
                                         struct acpi_battery_status *out)
{
    if (bst == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    *out = (struct acpi_battery_status){ .power_unit = unit };
    struct decoder d;
    if (!start(&d, aml, bst, out->state_of, ACPI_BATTERY_STATUS_FIELDS)) {
        return ACPI_AML_BAD_OPERAND;
    }
    /* 10.2.2.7: state, present rate, remaining capacity, present voltage. */
    out->state = get_int(&d, 0, ACPI_BATTERY_STATUS_STATE, false);
    out->present_rate = get_int(&d, 1, ACPI_BATTERY_STATUS_PRESENT_RATE, true);
    out->remaining_capacity = get_int(&d, 2, ACPI_BATTERY_STATUS_REMAINING_CAPACITY, true);
    out->present_voltage = get_int(&d, 3, ACPI_BATTERY_STATUS_PRESENT_VOLTAGE, true);
    out->discharging = (out->state & ACPI_BATTERY_STATE_DISCHARGING) != 0;
    out->charging = (out->state & ACPI_BATTERY_STATE_CHARGING) != 0;
    out->critical = (out->state & ACPI_BATTERY_STATE_CRITICAL) != 0;
    out->charge_limiting = (out->state & ACPI_BATTERY_STATE_CHARGE_LIMITING) != 0;
    /* "Bit [0] and Bit [1] are mutually exclusive." */
    if (out->discharging && out->charging) {
        worse(&d, ACPI_BAD_ENTRY);
    }
    return finish(&d);
}

enum acpi_status acpi_battery_read_status(struct acpi_aml *aml, const struct acpi_aml_node *battery,
                                          enum acpi_battery_power_unit unit,
                                          struct acpi_battery_status *out)
{
    if (aml == NULL || battery == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_value v;
    enum acpi_status s = acpi_aml_device_eval(aml, battery, "_BST", NULL, 0, &v);
    if (s != ACPI_OK) {
        return s;
    }
    s = acpi_battery_decode_bst(aml, &v, unit, out);
    acpi_aml_value_release(aml, &v);
    return s;
}

enum acpi_status acpi_battery_set_trip_point(struct acpi_aml *aml,
                                             const struct acpi_aml_node *battery, uint32_t level)
{
    if (aml == NULL || battery == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_value arg = { .type = ACPI_AML_TYPE_INTEGER };
    arg.u.integer = level;
    struct acpi_aml_value v;
    enum acpi_status s = acpi_aml_device_eval(aml, battery, "_BTP", &arg, 1, &v);
    if (s == ACPI_OK) {
        acpi_aml_value_release(aml, &v);
    }
    return s;
}

enum acpi_status acpi_ac_adapter_decode_psr(const struct acpi_aml_value *psr, bool *online)
{
    if (psr == NULL || online == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    *online = false;
    if (psr->type != ACPI_AML_TYPE_INTEGER) {
        return ACPI_AML_BAD_OPERAND;
    }
    *online = psr->u.integer != 0;
    return psr->u.integer <= 1 ? ACPI_OK : ACPI_BAD_ENTRY;
}

enum acpi_status acpi_ac_adapter_read_psr(struct acpi_aml *aml, const struct acpi_aml_node *adapter,
                                          bool *online)
{
    if (aml == NULL || adapter == NULL || online == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_value v;
    enum acpi_status s = acpi_aml_device_eval(aml, adapter, "_PSR", NULL, 0, &v);
    if (s != ACPI_OK) {
        *online = false;
        return s;
    }
    s = acpi_ac_adapter_decode_psr(&v, online);
    acpi_aml_value_release(aml, &v);
    return s;
}
