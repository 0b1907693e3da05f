/* acpi/aml_resources.c - _CRS, _PRS and _SRS (ACPI 6.5, 6.2.2, 6.2.12, 6.2.16)
 * through the resource-descriptor decoder (6.4). */
#include "acpi/aml_resources.h"

#include "acpi/aml_device.h"

enum acpi_status acpi_aml_resources_get(struct acpi_aml *aml, const struct acpi_aml_node *device,
                                        enum acpi_aml_resource_method which,
                                        struct acpi_aml_value *out)
{
    enum acpi_status st =
        acpi_aml_device_eval(aml, device, which == ACPI_AML_CRS ? "_CRS" : "_PRS", NULL, 0, out);
    if (st == ACPI_OK && out->type != ACPI_AML_TYPE_BUFFER) {
        acpi_aml_value_release(aml, out);
        return ACPI_AML_BAD_OPERAND;
    }
    return st;
}

enum acpi_status acpi_aml_resources_check(const uint8_t *bytes, size_t len, uint32_t *count)
{
    struct acpi_resource_iter it;
    struct acpi_resource r;
    uint32_t n = 0;
    if (count != NULL) {
        *count = 0;
    }
    if (len == 0) {
        return ACPI_OK;   /* an empty list, as ACPICA repairs it (see the header) */
    }
    acpi_resource_iter_init(&it, bytes, len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (r.type != ACPI_RESOURCE_END_TAG) {
            n++;
        }
    }
    if (count != NULL) {
        *count = n;
    }
    return it.status == ACPI_END ? ACPI_OK : it.status;
}

enum acpi_status acpi_aml_resources_set(struct acpi_aml *aml, const struct acpi_aml_node *device,
                                        const uint8_t *bytes, size_t len)
{
    if (len > UINT32_MAX) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_value arg = { .type = ACPI_AML_TYPE_BUFFER };
    arg.u.buffer.ptr = bytes;
    arg.u.buffer.len = (uint32_t)len;
    struct acpi_aml_value result;
    enum acpi_status st = acpi_aml_device_eval(aml, device, "_SRS", &arg, 1, &result);
    if (st == ACPI_OK) {
        acpi_aml_value_release(aml, &result);
    }
    return st;
}

static void add_range(struct acpi_aml_range *list, uint32_t *count, uint32_t *total,
                      uint64_t base, uint64_t length, bool producer)
{
    if (*count < ACPI_AML_RANGES_MAX) {
        list[*count] = (struct acpi_aml_range){ .base = base, .length = length,
                                                .producer = producer };
        (*count)++;
    }
    (*total)++;
}

static void add_irq(struct acpi_aml_device_resources *out, const struct acpi_aml_irq *irq)
{
    if (out->irq_count < ACPI_AML_IRQS_MAX) {
        out->irqs[out->irq_count++] = *irq;
    }
    out->irq_total++;
}

static void add_address(struct acpi_aml_device_resources *out,
                        const struct acpi_resource_address *a)
{
    /* Table 6.44, general flags bit 0: 1 consumer, 0 producer (a window). */
    bool producer = (a->general_flags & 0x01u) == 0;
    uint64_t base = a->minimum + a->translation_offset;
    if (a->resource_type == ACPI_RESOURCE_ADDRESS_MEMORY) {
        add_range(out->mmio, &out->mmio_count, &out->mmio_total, base, a->length, producer);
    } else if (a->resource_type == ACPI_RESOURCE_ADDRESS_IO) {
        add_range(out->io, &out->io_count, &out->io_total, base, a->length, producer);
    }
}

void acpi_aml_resources_add(struct acpi_aml_device_resources *out, const struct acpi_resource *r)
{
    switch (r->type) {
    case ACPI_RESOURCE_IRQ:
        /* Table 6.36: one bit per IRQ 0-15. */
        for (uint32_t i = 0; i < 16; i++) {
            if ((r->u.irq.mask >> i) & 1u) {
                struct acpi_aml_irq irq = { .number = i,
                                            .edge_triggered = r->u.irq.edge_triggered,
                                            .active_low = r->u.irq.active_low,
                                            .shared = r->u.irq.shared,
                                            .wake_capable = r->u.irq.wake_capable };
                add_irq(out, &irq);
            }
        }
        break;
    case ACPI_RESOURCE_EXTENDED_IRQ:
        /* Table 6.58 flags: bit 1 edge, 2 active low, 3 shared, 4 wake. */
        for (size_t i = 0; i < r->u.extended_irq.interrupts.count; i++) {
            uint8_t f = r->u.extended_irq.flags;
            struct acpi_aml_irq irq = {
                .number = acpi_resource_u32_at(&r->u.extended_irq.interrupts, i),
                .edge_triggered = (f & 0x02u) != 0, .active_low = (f & 0x04u) != 0,
                .shared = (f & 0x08u) != 0, .wake_capable = (f & 0x10u) != 0,
                .extended = true,
            };
            add_irq(out, &irq);
        }
        break;
    case ACPI_RESOURCE_IO:
        add_range(out->io, &out->io_count, &out->io_total, r->u.io.minimum, r->u.io.length,
                  false);
        break;
    case ACPI_RESOURCE_FIXED_IO:
        add_range(out->io, &out->io_count, &out->io_total, r->u.fixed_io.base,
                  r->u.fixed_io.length, false);
        break;
    case ACPI_RESOURCE_MEMORY24:
        add_range(out->mmio, &out->mmio_count, &out->mmio_total, r->u.memory24.minimum,
                  r->u.memory24.length, false);
        break;
    case ACPI_RESOURCE_MEMORY32:
        add_range(out->mmio, &out->mmio_count, &out->mmio_total, r->u.memory32.minimum,
                  r->u.memory32.length, false);
        break;
    case ACPI_RESOURCE_FIXED_MEMORY32:
        add_range(out->mmio, &out->mmio_count, &out->mmio_total, r->u.fixed_memory32.base,
                  r->u.fixed_memory32.length, false);
        break;
    case ACPI_RESOURCE_ADDRESS16:
    case ACPI_RESOURCE_ADDRESS32:
    case ACPI_RESOURCE_ADDRESS64:
    case ACPI_RESOURCE_EXTENDED_ADDRESS:
        add_address(out, &r->u.address);
        break;
    default:
        break;
    }
}

enum acpi_status acpi_aml_resources_summarize(const uint8_t *bytes, size_t len,
                                              struct acpi_aml_device_resources *out)
{
    *out = (struct acpi_aml_device_resources){ 0 };
    if (len == 0) {
        return ACPI_OK;   /* an empty list, as ACPICA repairs it (see the header) */
    }
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, bytes, len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (r.type != ACPI_RESOURCE_END_TAG) {
            out->descriptors++;
            acpi_aml_resources_add(out, &r);
        }
    }
    return it.status == ACPI_END ? ACPI_OK : it.status;
}

enum acpi_status acpi_aml_device_resources(struct acpi_aml *aml,
                                           const struct acpi_aml_node *device,
                                           struct acpi_aml_device_resources *out)
{
    struct acpi_aml_value crs;
    enum acpi_status st = acpi_aml_resources_get(aml, device, ACPI_AML_CRS, &crs);
    if (st != ACPI_OK) {
        *out = (struct acpi_aml_device_resources){ 0 };
        return st;
    }
    st = acpi_aml_resources_summarize(crs.u.buffer.ptr, crs.u.buffer.len, out);
    acpi_aml_value_release(aml, &crs);
    return st;
}
