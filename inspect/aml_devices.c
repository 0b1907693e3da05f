/* osdev-inspect aml --devices | --prt | --sleep: the device layer's view of a
 * namespace (inspect/README.md documents the output). */
#include "aml_devices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/aml_battery.h"
#include "acpi/aml_device.h"
#include "acpi/aml_events.h"
#include "acpi/aml_pci_root.h"
#include "acpi/aml_prt.h"
#include "acpi/aml_resources.h"
#include "json.h"

#define MAX_ROUTES 8192u

bool inspect_aml_report_option(const char *arg, struct inspect_aml_report *r)
{
    if (strcmp(arg, "--devices") == 0) {
        r->devices = true;
    } else if (strcmp(arg, "--prt") == 0) {
        r->prt = true;
    } else if (strcmp(arg, "--sleep") == 0) {
        r->sleep = true;
    } else {
        return false;
    }
    return true;
}

bool inspect_aml_report_wanted(const struct inspect_aml_report *r)
{
    return r->devices || r->prt || r->sleep;
}

static const char *kind_name(enum acpi_aml_type t)
{
    switch (t) {
    case ACPI_AML_TYPE_PROCESSOR: return "processor";
    case ACPI_AML_TYPE_THERMAL_ZONE: return "thermal_zone";
    case ACPI_AML_TYPE_POWER_RESOURCE: return "power_resource";
    default: return "device";
    }
}

static void hex_bytes(char *out, const uint8_t *b, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

/* One decoded descriptor: its type and the fields a reader compares with
 * ACPICA's ResourceTemplate. */
static void json_descriptor(struct json *j, const struct acpi_resource *r)
{
    json_begin_object(j);
    json_kv_string(j, "type", acpi_resource_type_str(r->type));
    switch (r->type) {
    case ACPI_RESOURCE_IRQ:
        json_key(j, "irqs");
        json_begin_array(j);
        for (unsigned i = 0; i < 16; i++) {
            if ((r->u.irq.mask >> i) & 1u) json_uint(j, i);
        }
        json_end_array(j);
        json_kv_bool(j, "edge", r->u.irq.edge_triggered);
        json_kv_bool(j, "active_low", r->u.irq.active_low);
        json_kv_bool(j, "shared", r->u.irq.shared);
        break;
    case ACPI_RESOURCE_EXTENDED_IRQ:
        json_key(j, "irqs");
        json_begin_array(j);
        for (size_t i = 0; i < r->u.extended_irq.interrupts.count; i++) {
            json_uint(j, acpi_resource_u32_at(&r->u.extended_irq.interrupts, i));
        }
        json_end_array(j);
        json_kv_bool(j, "edge", (r->u.extended_irq.flags & 0x02u) != 0);
        json_kv_bool(j, "active_low", (r->u.extended_irq.flags & 0x04u) != 0);
        json_kv_bool(j, "shared", (r->u.extended_irq.flags & 0x08u) != 0);
        break;
    case ACPI_RESOURCE_IO:
        json_kv_uint(j, "minimum", r->u.io.minimum);
        json_kv_uint(j, "maximum", r->u.io.maximum);
        json_kv_uint(j, "alignment", r->u.io.alignment);
        json_kv_uint(j, "length", r->u.io.length);
        break;
    case ACPI_RESOURCE_FIXED_IO:
        json_kv_uint(j, "base", r->u.fixed_io.base);
        json_kv_uint(j, "length", r->u.fixed_io.length);
        break;
    case ACPI_RESOURCE_MEMORY24:
    case ACPI_RESOURCE_MEMORY32:
        json_kv_uint(j, "minimum", r->type == ACPI_RESOURCE_MEMORY24 ? r->u.memory24.minimum
                                                                      : r->u.memory32.minimum);
        json_kv_uint(j, "maximum", r->type == ACPI_RESOURCE_MEMORY24 ? r->u.memory24.maximum
                                                                      : r->u.memory32.maximum);
        json_kv_uint(j, "length", r->type == ACPI_RESOURCE_MEMORY24 ? r->u.memory24.length
                                                                     : r->u.memory32.length);
        break;
    case ACPI_RESOURCE_FIXED_MEMORY32:
        json_kv_uint(j, "base", r->u.fixed_memory32.base);
        json_kv_uint(j, "length", r->u.fixed_memory32.length);
        break;
    case ACPI_RESOURCE_ADDRESS16:
    case ACPI_RESOURCE_ADDRESS32:
    case ACPI_RESOURCE_ADDRESS64:
    case ACPI_RESOURCE_EXTENDED_ADDRESS:
        json_kv_uint(j, "resource_type", r->u.address.resource_type);
        json_kv_bool(j, "producer", (r->u.address.general_flags & 1u) == 0);
        json_kv_uint(j, "minimum", r->u.address.minimum);
        json_kv_uint(j, "maximum", r->u.address.maximum);
        json_kv_uint(j, "translation", r->u.address.translation_offset);
        json_kv_uint(j, "length", r->u.address.length);
        break;
    default:
        json_kv_uint(j, "length", r->length);
        break;
    }
    json_end_object(j);
}

/* "crs": {"status", "bytes" (hex), "descriptors": [...]}. Returns false when
 * a buffer that evaluated does not decode to its End Tag. */
static bool json_crs(struct json *j, struct acpi_aml *aml, const struct acpi_aml_node *n)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_resources_get(aml, n, ACPI_AML_CRS, &v);
    if (st == ACPI_NOT_FOUND) {
        return true;
    }
    json_key(j, "crs");
    json_begin_object(j);
    if (st != ACPI_OK) {
        json_kv_string(j, "status", acpi_status_str(st));
        json_end_object(j);
        return true;
    }
    char *hex = malloc(2 * (size_t)v.u.buffer.len + 1);
    if (hex != NULL) {
        hex_bytes(hex, v.u.buffer.ptr, v.u.buffer.len);
        json_kv_string(j, "bytes", hex);
        free(hex);
    }
    json_key(j, "descriptors");
    json_begin_array(j);
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, v.u.buffer.ptr, v.u.buffer.len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (r.type != ACPI_RESOURCE_END_TAG) {
            json_descriptor(j, &r);
        }
    }
    json_end_array(j);
    st = acpi_aml_resources_check(v.u.buffer.ptr, v.u.buffer.len, NULL);
    json_kv_string(j, "status", acpi_status_str(st));
    json_end_object(j);
    acpi_aml_value_release(aml, &v);
    return st == ACPI_OK;
}

/* The decoders' statuses that still fill the structure: every element the
 * package has is decoded (acpi/aml_battery.h). */
static bool battery_decoded(enum acpi_status st)
{
    return st == ACPI_OK || st == ACPI_TRUNCATED || st == ACPI_BAD_ENTRY;
}

/* key: {field: state} for each element that did not decode as valid. */
static void json_field_states(struct json *j, const char *key, const uint8_t *states,
                              size_t count, const char *const *names)
{
    json_key(j, key);
    json_begin_object(j);
    for (size_t i = 0; i < count; i++) {
        if (states[i] != ACPI_BATTERY_FIELD_VALID &&
            states[i] != ACPI_BATTERY_FIELD_NOT_PROVIDED) {
            json_kv_string(j, names[i],
                           acpi_battery_field_state_str((enum acpi_battery_field_state)states[i]));
        }
    }
    json_end_object(j);
}

static void json_battery_info(struct json *j, const struct acpi_battery_info *b)
{
    /* In the order of enum acpi_battery_info_field (_BIX's, 10.2.2.2). */
    static const char *const names[ACPI_BATTERY_INFO_FIELDS] = {
        "revision", "power_unit", "design_capacity", "last_full_charge_capacity",
        "technology", "design_voltage", "design_capacity_warning", "design_capacity_low",
        "cycle_count", "measurement_accuracy", "max_sampling_time", "min_sampling_time",
        "max_averaging_interval", "min_averaging_interval", "granularity_1",
        "granularity_2", "model_number", "serial_number", "battery_type",
        "oem_information", "swapping_capability",
    };
    const uint32_t ints[ACPI_BATTERY_INFO_FIELDS] = {
        b->revision, (uint32_t)b->power_unit, b->design_capacity,
        b->last_full_charge_capacity, b->technology, b->design_voltage,
        b->design_capacity_warning, b->design_capacity_low, b->cycle_count,
        b->measurement_accuracy, b->max_sampling_time, b->min_sampling_time,
        b->max_averaging_interval, b->min_averaging_interval, b->granularity_1,
        b->granularity_2, 0, 0, 0, 0, b->swapping_capability,
    };
    const char *const strings[ACPI_BATTERY_INFO_FIELDS] = {
        [ACPI_BATTERY_INFO_MODEL_NUMBER] = b->model_number,
        [ACPI_BATTERY_INFO_SERIAL_NUMBER] = b->serial_number,
        [ACPI_BATTERY_INFO_BATTERY_TYPE] = b->battery_type,
        [ACPI_BATTERY_INFO_OEM_INFORMATION] = b->oem_information,
    };
    json_kv_string(j, "source", b->extended ? "_BIX" : "_BIF");
    json_kv_uint(j, "elements", b->element_count);
    for (size_t i = 0; i < ACPI_BATTERY_INFO_FIELDS; i++) {
        if (b->state[i] == ACPI_BATTERY_FIELD_NOT_PROVIDED) {
            continue;
        }
        if (strings[i] != NULL) {
            json_kv_string(j, names[i], strings[i]);
        } else {
            json_kv_uint(j, names[i], ints[i]);
        }
    }
    json_field_states(j, "field_states", b->state, ACPI_BATTERY_INFO_FIELDS, names);
}

/* Batteries (PNP0C0A): "battery": {"info_status", the _BIX/_BIF fields,
 * "bst_status", "bst"}; AC adapters (ACPI0003): "psr". */
static void json_power(struct json *j, struct acpi_aml *aml, const struct acpi_aml_device_info *d)
{
    if (acpi_aml_device_matches(d, "ACPI0003")) {
        bool online = false;
        enum acpi_status st = acpi_ac_adapter_read_psr(aml, d->node, &online);
        if (st == ACPI_OK) json_kv_bool(j, "psr", online);
        else if (st != ACPI_NOT_FOUND) json_kv_string(j, "psr", acpi_status_str(st));
    }
    if (!acpi_aml_device_matches(d, "PNP0C0A")) {
        return;
    }
    json_key(j, "battery");
    json_begin_object(j);
    struct acpi_battery_info b;
    enum acpi_status st = acpi_battery_read_info(aml, d->node, &b);
    json_kv_string(j, "info_status", acpi_status_str(st));
    enum acpi_battery_power_unit unit = ACPI_BATTERY_UNIT_MW;
    if (battery_decoded(st)) {
        json_battery_info(j, &b);
        unit = b.power_unit;
    }
    static const char *const bst_names[ACPI_BATTERY_STATUS_FIELDS] = {
        "state", "present_rate", "remaining_capacity", "present_voltage",
    };
    struct acpi_battery_status bst;
    st = acpi_battery_read_status(aml, d->node, unit, &bst);
    json_kv_string(j, "bst_status", acpi_status_str(st));
    if (battery_decoded(st)) {
        json_key(j, "bst");
        json_begin_array(j);
        json_uint(j, bst.state);
        json_uint(j, bst.present_rate);
        json_uint(j, bst.remaining_capacity);
        json_uint(j, bst.present_voltage);
        json_end_array(j);
        json_field_states(j, "bst_states", bst.state_of, ACPI_BATTERY_STATUS_FIELDS, bst_names);
    }
    json_end_object(j);
}

/* "prs": {"status", "descriptors": N}: _PRS decoded to its End Tag. */
static bool json_prs(struct json *j, struct acpi_aml *aml, const struct acpi_aml_node *n)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_resources_get(aml, n, ACPI_AML_PRS, &v);
    if (st == ACPI_NOT_FOUND) {
        return true;
    }
    uint32_t count = 0;
    bool evaluated = st == ACPI_OK;
    if (evaluated) {
        st = acpi_aml_resources_check(v.u.buffer.ptr, v.u.buffer.len, &count);
        acpi_aml_value_release(aml, &v);
    }
    json_key(j, "prs");
    json_begin_object(j);
    json_kv_bool(j, "evaluated", evaluated);
    json_kv_string(j, "status", acpi_status_str(st));
    json_kv_uint(j, "descriptors", count);
    json_end_object(j);
    return !evaluated || st == ACPI_OK;
}

static void json_device(struct json *j, struct acpi_aml *aml, const struct acpi_aml_node *n,
                        int *status)
{
    struct acpi_aml_device_info d;
    char path[512];
    acpi_aml_node_path(n, path, sizeof path);
    json_begin_object(j);
    json_kv_string(j, "path", path);
    json_kv_string(j, "type", kind_name(acpi_aml_node_type(n)));
    if (acpi_aml_device_get_info(aml, n, &d) != ACPI_OK) {
        json_end_object(j);
        return;
    }
    if (d.valid & ACPI_AML_DEVICE_HAS_HID) json_kv_string(j, "hid", d.hid);
    if (d.valid & ACPI_AML_DEVICE_HAS_CID) {
        json_key(j, "cid");
        json_begin_array(j);
        for (uint32_t i = 0; i < d.cid_count; i++) json_string(j, d.cid[i]);
        json_end_array(j);
    }
    if (d.valid & ACPI_AML_DEVICE_HAS_UID) {
        if (d.valid & ACPI_AML_DEVICE_UID_INTEGER) json_kv_uint(j, "uid", d.uid_integer);
        else json_kv_string(j, "uid", d.uid);
    }
    if (d.valid & ACPI_AML_DEVICE_HAS_ADR) json_kv_uint(j, "adr", d.adr);
    if (d.valid & ACPI_AML_DEVICE_HAS_CLS) json_kv_uint(j, "cls", d.cls);
    json_kv_uint(j, "sta", d.sta);
    json_kv_bool(j, "sta_default", (d.valid & ACPI_AML_DEVICE_HAS_STA) == 0);
    if (d.valid & ACPI_AML_DEVICE_HAS_DDN) json_kv_string(j, "ddn", d.ddn);
    if (d.valid & ACPI_AML_DEVICE_HAS_STR) json_kv_string(j, "str", d.str);
    if (d.valid & ACPI_AML_DEVICE_HAS_SEG) json_kv_uint(j, "seg", d.seg);
    if (d.valid & ACPI_AML_DEVICE_HAS_BBN) json_kv_uint(j, "bbn", d.bbn);
    if (d.failed != 0) json_kv_uint(j, "failed", d.failed);
    json_power(j, aml, &d);
    if (!json_crs(j, aml, n) || !json_prs(j, aml, n)) {
        *status = 1;
    }
    json_end_object(j);
}

static void text_device(struct acpi_aml *aml, const struct acpi_aml_node *n, int *status)
{
    struct acpi_aml_device_info d;
    char path[512];
    acpi_aml_node_path(n, path, sizeof path);
    printf("%-32s %-14s", path, kind_name(acpi_aml_node_type(n)));
    if (acpi_aml_device_get_info(aml, n, &d) == ACPI_OK) {
        if (d.valid & ACPI_AML_DEVICE_HAS_HID) printf(" _HID=%s", d.hid);
        for (uint32_t i = 0; i < d.cid_count; i++) printf(" _CID=%s", d.cid[i]);
        if (d.valid & ACPI_AML_DEVICE_HAS_UID) printf(" _UID=%s", d.uid);
        if (d.valid & ACPI_AML_DEVICE_HAS_ADR) printf(" _ADR=0x%llX", (unsigned long long)d.adr);
        printf(" _STA=0x%X%s", (unsigned)d.sta,
               (d.valid & ACPI_AML_DEVICE_HAS_STA) ? "" : " (default)");
    }
    putchar('\n');
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_resources_get(aml, n, ACPI_AML_CRS, &v);
    if (st == ACPI_NOT_FOUND) {
        return;
    }
    if (st != ACPI_OK) {
        printf("    _CRS: %s\n", acpi_status_str(st));
        return;
    }
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, v.u.buffer.ptr, v.u.buffer.len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (r.type == ACPI_RESOURCE_END_TAG) {
            continue;
        }
        struct acpi_aml_device_resources one = { 0 };
        acpi_aml_resources_add(&one, &r);
        printf("    %s", acpi_resource_type_str(r.type));
        for (uint32_t i = 0; i < one.io_count; i++) {
            printf(" io 0x%llX+0x%llX", (unsigned long long)one.io[i].base,
                   (unsigned long long)one.io[i].length);
        }
        for (uint32_t i = 0; i < one.mmio_count; i++) {
            printf(" mem 0x%llX+0x%llX", (unsigned long long)one.mmio[i].base,
                   (unsigned long long)one.mmio[i].length);
        }
        for (uint32_t i = 0; i < one.irq_count; i++) {
            printf(" irq %u", (unsigned)one.irqs[i].number);
        }
        putchar('\n');
    }
    if (acpi_aml_resources_check(v.u.buffer.ptr, v.u.buffer.len, NULL) != ACPI_OK) {
        printf("    _CRS decode: %s at offset %zu\n", acpi_status_str(it.status), it.offset);
        *status = 1;
    }
    acpi_aml_value_release(aml, &v);
}

static void json_roots(struct json *j, struct acpi_aml *aml)
{
    json_key(j, "pci_roots");
    json_begin_array(j);
    struct acpi_aml_pci_root root;
    char path[512];
    for (const struct acpi_aml_node *prev = NULL;
         acpi_aml_pci_root_next(aml, prev, NULL, &root) == ACPI_OK; prev = root.node) {
        acpi_aml_node_path(root.node, path, sizeof path);
        json_begin_object(j);
        json_kv_string(j, "path", path);
        json_kv_uint(j, "segment", root.segment);
        json_kv_uint(j, "bus_start", root.bus_start);
        json_kv_uint(j, "bus_end", root.bus_end);
        json_kv_bool(j, "bus_from_crs", root.bus_from_crs);
        json_kv_string(j, "crs_status", acpi_status_str(root.crs_status));
        json_key(j, "windows");
        json_begin_array(j);
        for (uint32_t i = 0; i < root.window_count; i++) {
            const struct acpi_aml_pci_window *w = &root.windows[i];
            json_begin_object(j);
            json_kv_string(j, "type", w->type == ACPI_AML_PCI_WINDOW_IO ? "io" : "memory");
            json_kv_uint(j, "minimum", w->minimum);
            json_kv_uint(j, "maximum", w->maximum);
            json_kv_uint(j, "translation", w->translation);
            json_kv_bool(j, "prefetchable", w->prefetchable);
            json_end_object(j);
        }
        json_end_array(j);
        json_end_object(j);
    }
    json_end_array(j);
}

static int report_prt(struct json *j, struct acpi_aml *aml, const struct acpi_aml_host *host)
{
    enum acpi_status pic = acpi_aml_pic(aml, ACPI_AML_PIC_APIC);
    struct acpi_aml_prt_route *routes = calloc(MAX_ROUTES, sizeof *routes);
    if (routes == NULL) {
        return 2;
    }
    struct acpi_aml_prt_options opts = { .host = host, .set_links = true };
    uint32_t count = 0, failed = 0;
    enum acpi_status st = acpi_aml_prt_collect(aml, &opts, routes, MAX_ROUTES, &count, &failed);
    uint32_t kept = count < MAX_ROUTES ? count : MAX_ROUTES;
    int status = st == ACPI_OK && failed == 0 ? 0 : 1;
    char path[512];
    if (j != NULL) {
        json_key(j, "prt");
        json_begin_object(j);
        json_kv_string(j, "pic", acpi_status_str(pic));
        json_kv_uint(j, "prt_failed", failed);
        json_key(j, "routes");
        json_begin_array(j);
    } else {
        printf("_PIC(1): %s; %u routes, %u _PRT failed\n", acpi_status_str(pic),
               (unsigned)count, (unsigned)failed);
    }
    for (uint32_t i = 0; i < kept; i++) {
        const struct acpi_aml_prt_route *r = &routes[i];
        acpi_aml_node_path(r->bridge, path, sizeof path);
        char link[512] = "";
        if (r->link != NULL) {
            acpi_aml_node_path(r->link, link, sizeof link);
        }
        if (r->status != ACPI_OK) {
            status = 1;
        }
        if (j == NULL) {
            printf("%04X:", (unsigned)r->segment);
            if (r->bus == ACPI_AML_PRT_BUS_UNKNOWN) printf("??"); else printf("%02X", (unsigned)r->bus);
            printf(":%02X INT%c -> ", (unsigned)r->device, 'A' + r->pin);
            if (r->status == ACPI_OK) {
                printf("GSI %u %s %s", (unsigned)r->irq.number,
                       r->irq.active_low ? "active-low" : "active-high",
                       r->irq.edge_triggered ? "edge" : "level");
            } else {
                printf("%s", acpi_status_str(r->status));
            }
            printf("%s%s (%s)\n", r->link != NULL ? " via " : "", link, path);
            continue;
        }
        json_begin_object(j);
        json_kv_uint(j, "segment", r->segment);
        if (r->bus == ACPI_AML_PRT_BUS_UNKNOWN) json_kv_null(j, "bus");
        else json_kv_uint(j, "bus", r->bus);
        json_kv_uint(j, "device", r->device);
        json_kv_uint(j, "function", r->function);
        json_kv_uint(j, "pin", r->pin);
        json_kv_string(j, "bridge", path);
        if (r->link != NULL) json_kv_string(j, "link", link);
        json_kv_uint(j, "source_index", r->source_index);
        json_kv_string(j, "status", acpi_status_str(r->status));
        if (r->status == ACPI_OK) {
            json_kv_uint(j, "gsi", r->irq.number);
            json_kv_string(j, "polarity", r->irq.active_low ? "active_low" : "active_high");
            json_kv_string(j, "trigger", r->irq.edge_triggered ? "edge" : "level");
        }
        json_end_object(j);
    }
    if (j != NULL) {
        json_end_array(j);
        json_end_object(j);
    }
    free(routes);
    return status;
}

static int report_sleep(struct json *j, struct acpi_aml *aml)
{
    int status = 0;
    if (j != NULL) {
        json_key(j, "sleep");
        json_begin_array(j);
    }
    for (uint8_t s = 0; s <= 5; s++) {
        struct acpi_sleep_type t;
        enum acpi_status st = acpi_aml_sleep_type(aml, s, &t);
        if (st != ACPI_OK && st != ACPI_NOT_FOUND) {
            status = 1;
        }
        if (j == NULL) {
            if (st == ACPI_OK) {
                printf("\\_S%u: SLP_TYPa %u SLP_TYPb %u\n", s, t.a, t.b);
            } else {
                printf("\\_S%u: %s\n", s, acpi_status_str(st));
            }
            continue;
        }
        json_begin_object(j);
        json_kv_uint(j, "state", s);
        json_kv_string(j, "status", acpi_status_str(st));
        if (st == ACPI_OK) {
            json_kv_uint(j, "slp_typ_a", t.a);
            json_kv_uint(j, "slp_typ_b", t.b);
        }
        json_end_object(j);
    }
    if (j != NULL) {
        json_end_array(j);
    }
    return status;
}

int inspect_aml_report_print(struct acpi_aml *aml, const struct acpi_aml_host *host,
                             const struct inspect_aml_report *r, bool json)
{
    int status = 0;
    struct json j;
    if (json) {
        json_init(&j, stdout);
        json_begin_object(&j);
    }
    if (r->devices) {
        if (json) {
            json_key(&j, "devices");
            json_begin_array(&j);
        }
        for (const struct acpi_aml_node *n = acpi_aml_device_next(aml, NULL); n != NULL;
             n = acpi_aml_device_next(aml, n)) {
            if (json) json_device(&j, aml, n, &status);
            else text_device(aml, n, &status);
        }
        if (json) {
            json_end_array(&j);
            json_roots(&j, aml);
        }
    }
    if (r->prt) {
        int s = report_prt(json ? &j : NULL, aml, host);
        status = s > status ? s : status;
    }
    if (r->sleep) {
        int s = report_sleep(json ? &j : NULL, aml);
        status = s > status ? s : status;
    }
    if (json) {
        json_end_object(&j);
        json_finish(&j);
    }
    return status;
}
