/* acpi/aml_pci_root.c - PCI host bridges: segment, bus range and windows from
 * _SEG/_BBN/_CRS (ACPI 6.5, 6.5.6, 6.4.3.5), ECAM from the MCFG. */
#include "acpi/aml_pci_root.h"

#include "acpi/aml_device.h"
#include "acpi/resource.h"

bool acpi_aml_is_pci_root(struct acpi_aml *aml, const struct acpi_aml_node *node)
{
    enum acpi_aml_type t = acpi_aml_node_type(node);
    if (t != ACPI_AML_TYPE_DEVICE) {
        return false;
    }
    return acpi_aml_device_has_id(aml, node, "PNP0A08") ||
           acpi_aml_device_has_id(aml, node, "PNP0A03");
}

static void add_window(struct acpi_aml_pci_root *out, const struct acpi_resource_address *a)
{
    /* Only what the bridge produces is a window (general flags bit 0 clear). */
    if ((a->general_flags & 0x01u) != 0 || a->length == 0) {
        return;
    }
    out->window_total++;
    if (out->window_count == ACPI_AML_PCI_WINDOWS_MAX) {
        return;
    }
    struct acpi_aml_pci_window *w = &out->windows[out->window_count++];
    w->type = a->resource_type == ACPI_RESOURCE_ADDRESS_IO ? ACPI_AML_PCI_WINDOW_IO
                                                           : ACPI_AML_PCI_WINDOW_MEMORY;
    w->minimum = a->minimum;
    w->maximum = a->minimum + a->length - 1;
    w->translation = a->translation_offset;
    /* Table 6.45, memory type-specific flags bits 2:1: 3 = prefetchable. */
    w->prefetchable = w->type == ACPI_AML_PCI_WINDOW_MEMORY &&
                      ((a->type_specific_flags >> 1) & 3u) == 3u;
}

static enum acpi_status read_crs(struct acpi_aml *aml, struct acpi_aml_pci_root *out)
{
    struct acpi_aml_value crs;
    enum acpi_status st = acpi_aml_device_eval(aml, out->node, "_CRS", NULL, 0, &crs);
    if (st != ACPI_OK) {
        return st;
    }
    if (crs.type != ACPI_AML_TYPE_BUFFER) {
        acpi_aml_value_release(aml, &crs);
        return ACPI_AML_BAD_OPERAND;
    }
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, crs.u.buffer.ptr, crs.u.buffer.len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (r.type != ACPI_RESOURCE_ADDRESS16 && r.type != ACPI_RESOURCE_ADDRESS32 &&
            r.type != ACPI_RESOURCE_ADDRESS64 && r.type != ACPI_RESOURCE_EXTENDED_ADDRESS) {
            continue;
        }
        const struct acpi_resource_address *a = &r.u.address;
        if (a->resource_type == ACPI_RESOURCE_ADDRESS_BUS_NUMBER) {
            /* 6.4.3.5: the bus numbers the bridge decodes, [minimum, + length). */
            if (!out->bus_from_crs && a->length != 0 && a->minimum <= 0xFF) {
                uint64_t end = a->minimum + a->length - 1;
                out->bus_start = (uint8_t)a->minimum;
                out->bus_end = (uint8_t)(end > 0xFF ? 0xFF : end);
                out->bus_from_crs = true;
            }
        } else if (a->resource_type <= ACPI_RESOURCE_ADDRESS_IO) {
            add_window(out, a);
        }
    }
    acpi_aml_value_release(aml, &crs);
    return it.status == ACPI_END ? ACPI_OK : it.status;
}

static void find_ecam(const struct acpi_mcfg *mcfg, struct acpi_aml_pci_root *out)
{
    struct acpi_mcfg_allocation a;
    for (uint32_t i = 0; acpi_mcfg_allocation(mcfg, i, &a) == ACPI_OK; i++) {
        if (a.pci_segment_group == out->segment && a.start_bus <= out->bus_start &&
            out->bus_start <= a.end_bus) {
            out->has_ecam = true;
            out->ecam_base = a.base_address;
            out->ecam_bus_start = a.start_bus;
            out->ecam_bus_end = a.end_bus;
            return;
        }
    }
}

enum acpi_status acpi_aml_pci_root_get(struct acpi_aml *aml, const struct acpi_aml_node *node,
                                       const struct acpi_mcfg *mcfg,
                                       struct acpi_aml_pci_root *out)
{
    if (aml == NULL || node == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    *out = (struct acpi_aml_pci_root){ .node = node, .bus_end = 0xFF };
    uint64_t v;
    if (acpi_aml_device_eval_integer(aml, node, "_SEG", &v) == ACPI_OK) {
        out->segment = (uint16_t)v;
    }
    bool has_bbn = acpi_aml_device_eval_integer(aml, node, "_BBN", &v) == ACPI_OK;
    out->bbn = has_bbn ? (uint8_t)v : 0;
    out->bus_start = out->bbn;
    if (acpi_aml_device_status(aml, node, &out->sta) != ACPI_OK) {
        out->sta = 0;
    }
    out->crs_status = read_crs(aml, out);
    if (!has_bbn) {
        out->bbn = out->bus_start;
    }
    if (mcfg != NULL) {
        find_ecam(mcfg, out);
    }
    return ACPI_OK;
}

/* A host bridge is a PNP0A03/PNP0A08 device with no such device above it. */
static bool under_root(struct acpi_aml *aml, const struct acpi_aml_node *node)
{
    for (const struct acpi_aml_node *p = acpi_aml_node_parent(node); p != NULL;
         p = acpi_aml_node_parent(p)) {
        if (acpi_aml_is_pci_root(aml, p)) {
            return true;
        }
    }
    return false;
}

enum acpi_status acpi_aml_pci_root_next(struct acpi_aml *aml, const struct acpi_aml_node *prev,
                                        const struct acpi_mcfg *mcfg,
                                        struct acpi_aml_pci_root *out)
{
    enum acpi_status st = ACPI_END;
    acpi_aml_walk_begin(aml);   /* the walk evaluates _HID/_CID as it goes */
    for (struct acpi_aml_node *n = acpi_aml_device_next(aml, prev); n != NULL;
         n = acpi_aml_device_next(aml, n)) {
        if (acpi_aml_is_pci_root(aml, n) && !under_root(aml, n)) {
            st = acpi_aml_pci_root_get(aml, n, mcfg, out);
            break;
        }
    }
    acpi_aml_walk_end(aml);
    return st;
}
