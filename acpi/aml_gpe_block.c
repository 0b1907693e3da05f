/* acpi/aml_gpe_block.c - GPE block devices' _CRS (ACPI 6.5, 9.10). */
#include "acpi/aml_gpe_block.h"

#include "acpi/aml_resources.h"
#include "acpi/resource.h"

static uint32_t saturate(uint64_t v)
{
    return v > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)v;
}

/* The register range of one descriptor: false when it is not one. */
static bool register_range(const struct acpi_resource *r, struct acpi_gas *g, uint64_t *len)
{
    *g = (struct acpi_gas){ .space_id = ACPI_GAS_SYSTEM_MEMORY, .bit_width = 8,
                            .access_size = ACPI_GAS_ACCESS_BYTE };
    switch (r->type) {
    case ACPI_RESOURCE_IO: /* Table 6.40 */
        g->space_id = ACPI_GAS_SYSTEM_IO;
        g->address = r->u.io.minimum;
        *len = r->u.io.length;
        return true;
    case ACPI_RESOURCE_FIXED_IO: /* Table 6.41 */
        g->space_id = ACPI_GAS_SYSTEM_IO;
        g->address = r->u.fixed_io.base;
        *len = r->u.fixed_io.length;
        return true;
    case ACPI_RESOURCE_MEMORY24: /* Table 6.49 */
        g->address = r->u.memory24.minimum;
        *len = r->u.memory24.length;
        return true;
    case ACPI_RESOURCE_MEMORY32: /* Table 6.52 */
        g->address = r->u.memory32.minimum;
        *len = r->u.memory32.length;
        return true;
    case ACPI_RESOURCE_FIXED_MEMORY32: /* Table 6.53 */
        g->address = r->u.fixed_memory32.base;
        *len = r->u.fixed_memory32.length;
        return true;
    case ACPI_RESOURCE_GENERIC_REGISTER: /* Table 6.50: the block's GAS */
        g->space_id = r->u.generic_register.space_id;
        g->address = r->u.generic_register.address;
        *len = r->u.generic_register.bit_width / 8u;
        return true;
    case ACPI_RESOURCE_ADDRESS16:
    case ACPI_RESOURCE_ADDRESS32:
    case ACPI_RESOURCE_ADDRESS64:
    case ACPI_RESOURCE_EXTENDED_ADDRESS: /* Tables 6.44-6.47: memory or I/O only */
        if (r->u.address.resource_type != ACPI_RESOURCE_ADDRESS_MEMORY &&
            r->u.address.resource_type != ACPI_RESOURCE_ADDRESS_IO) {
            return false;
        }
        if (r->u.address.resource_type == ACPI_RESOURCE_ADDRESS_IO) {
            g->space_id = ACPI_GAS_SYSTEM_IO;
        }
        g->address = r->u.address.minimum;
        *len = r->u.address.length;
        return true;
    default:
        return false;
    }
}

/* The interrupt of one descriptor: ACPI_NOT_FOUND when it is not one. */
static enum acpi_status interrupt(const struct acpi_resource *r,
                                  struct acpi_aml_gpe_block_info *out)
{
    if (r->type == ACPI_RESOURCE_IRQ) { /* Table 6.36 */
        if (r->u.irq.mask == 0) {
            return ACPI_BAD_ENTRY;
        }
        uint32_t irq = 0;
        while (!((r->u.irq.mask >> irq) & 1u)) {
            irq++;
        }
        out->interrupt = irq;
        out->edge_triggered = r->u.irq.edge_triggered;
        out->active_low = r->u.irq.active_low;
        return ACPI_OK;
    }
    if (r->type == ACPI_RESOURCE_EXTENDED_IRQ) { /* Table 6.58 */
        if (r->u.extended_irq.interrupts.count == 0) {
            return ACPI_BAD_ENTRY;
        }
        out->interrupt = acpi_resource_u32_at(&r->u.extended_irq.interrupts, 0);
        out->edge_triggered = (r->u.extended_irq.flags & 0x02u) != 0;
        out->active_low = (r->u.extended_irq.flags & 0x04u) != 0;
        return ACPI_OK;
    }
    return ACPI_NOT_FOUND;
}

enum acpi_status acpi_aml_gpe_block_decode(const uint8_t *crs, size_t len,
                                           struct acpi_aml_gpe_block_info *out)
{
    if (out == NULL || (crs == NULL && len != 0)) {
        return ACPI_INVALID_ARGUMENT;
    }
    *out = (struct acpi_aml_gpe_block_info){ 0 };
    if (len == 0) {
        return ACPI_BAD_ENTRY; /* Buffer (Zero) {}: an empty list, no registers */
    }
    bool have_range = false;
    uint64_t length = 0;
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, crs, len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        struct acpi_gas g;
        uint64_t l;
        if (!have_range && register_range(&r, &g, &l)) {
            out->address = g;
            length = l;
            have_range = true;
            continue;
        }
        if (!out->has_interrupt) {
            enum acpi_status st = interrupt(&r, out);
            if (st == ACPI_OK) {
                out->has_interrupt = true;
            } else if (st != ACPI_NOT_FOUND) {
                return st;
            }
        }
    }
    if (it.status != ACPI_OK && it.status != ACPI_END) {
        return it.status;
    }
    if (!have_range || length == 0) {
        return ACPI_BAD_ENTRY;
    }
    out->length = saturate(length);
    return ACPI_OK;
}

enum acpi_status acpi_aml_gpe_block_get(struct acpi_aml *aml, const struct acpi_aml_node *device,
                                        struct acpi_aml_gpe_block_info *out)
{
    if (aml == NULL || device == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_value crs;
    enum acpi_status st = acpi_aml_resources_get(aml, device, ACPI_AML_CRS, &crs);
    if (st != ACPI_OK) {
        *out = (struct acpi_aml_gpe_block_info){ .device = device };
        return st;
    }
    st = acpi_aml_gpe_block_decode(crs.u.buffer.ptr, crs.u.buffer.len, out);
    acpi_aml_value_release(aml, &crs);
    out->device = device;
    return st;
}
