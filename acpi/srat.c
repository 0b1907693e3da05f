/* acpi/srat.c - System Resource Affinity Table (ACPI 6.5, 5.2.16). */
#include "acpi/srat.h"

#include "acpi/le.h"

#define LD8(p, T, f) ((p)[offsetof(T, f)])
#define LD16(p, T, f) acpi_le16((p) + offsetof(T, f))
#define LD32(p, T, f) acpi_le32((p) + offsetof(T, f))

enum acpi_status acpi_srat_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_srat *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st = acpi_sdt_validate(bytes, len, "SRAT", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    if (out->sdt.length < ACPI_SRAT_ENTRIES_OFFSET)
        return ACPI_BAD_LENGTH;
    return ACPI_OK;
}

void acpi_srat_iter_init(struct acpi_srat_iter *it, const struct acpi_srat *srat)
{
    it->table = srat->sdt.bytes;
    it->length = srat->sdt.length;
    it->offset = ACPI_SRAT_ENTRIES_OFFSET;
    it->status = ACPI_OK;
}

/* Minimum size of each known structure type (ACPI 6.5, Table 5.72 onwards). */
static uint8_t min_length(uint8_t type)
{
    switch (type) {
    case ACPI_SRAT_PROCESSOR_LOCAL_APIC_AFFINITY:
        return sizeof(struct acpi_srat_processor_local_apic_affinity_raw);
    case ACPI_SRAT_MEMORY_AFFINITY:
        return sizeof(struct acpi_srat_memory_affinity_raw);
    case ACPI_SRAT_PROCESSOR_LOCAL_X2APIC_AFFINITY:
        return sizeof(struct acpi_srat_processor_local_x2apic_affinity_raw);
    case ACPI_SRAT_GICC_AFFINITY:
        return sizeof(struct acpi_srat_gicc_affinity_raw);
    case ACPI_SRAT_GIC_ITS_AFFINITY:
        return sizeof(struct acpi_srat_gic_its_affinity_raw);
    case ACPI_SRAT_GENERIC_INITIATOR_AFFINITY:
    case ACPI_SRAT_GENERIC_PORT_AFFINITY:
        return sizeof(struct acpi_srat_generic_initiator_affinity_raw);
    default:
        return 2;
    }
}

static void decode(const uint8_t *p, struct acpi_srat_entry *e)
{
    switch (e->type) {
    case ACPI_SRAT_PROCESSOR_LOCAL_APIC_AFFINITY: {
        typedef struct acpi_srat_processor_local_apic_affinity_raw T;
        /* Table 5.73: bits 7:0 of the domain, then bits 31:8 three bytes later. */
        const uint8_t *hi = p + offsetof(T, proximity_domain_high);
        e->proximity_domain = (uint32_t)LD8(p, T, proximity_domain_low) |
                              ((uint32_t)hi[0] << 8) | ((uint32_t)hi[1] << 16) |
                              ((uint32_t)hi[2] << 24);
        e->apic_id = LD8(p, T, apic_id);
        e->flags = LD32(p, T, flags);
        e->local_sapic_eid = LD8(p, T, local_sapic_eid);
        e->clock_domain = LD32(p, T, clock_domain);
        break;
    }
    case ACPI_SRAT_MEMORY_AFFINITY: {
        typedef struct acpi_srat_memory_affinity_raw T;
        e->proximity_domain = LD32(p, T, proximity_domain);
        e->base_address = (uint64_t)LD32(p, T, base_address_low) |
                          ((uint64_t)LD32(p, T, base_address_high) << 32);
        e->range_length = (uint64_t)LD32(p, T, length_low) |
                          ((uint64_t)LD32(p, T, length_high) << 32);
        e->flags = LD32(p, T, flags);
        break;
    }
    case ACPI_SRAT_PROCESSOR_LOCAL_X2APIC_AFFINITY: {
        typedef struct acpi_srat_processor_local_x2apic_affinity_raw T;
        e->proximity_domain = LD32(p, T, proximity_domain);
        e->apic_id = LD32(p, T, x2apic_id);
        e->flags = LD32(p, T, flags);
        e->clock_domain = LD32(p, T, clock_domain);
        break;
    }
    case ACPI_SRAT_GICC_AFFINITY: {
        typedef struct acpi_srat_gicc_affinity_raw T;
        e->proximity_domain = LD32(p, T, proximity_domain);
        e->acpi_processor_uid = LD32(p, T, acpi_processor_uid);
        e->flags = LD32(p, T, flags);
        e->clock_domain = LD32(p, T, clock_domain);
        break;
    }
    case ACPI_SRAT_GIC_ITS_AFFINITY: {
        typedef struct acpi_srat_gic_its_affinity_raw T;
        e->proximity_domain = LD32(p, T, proximity_domain);
        e->its_id = LD32(p, T, its_id);
        break;
    }
    case ACPI_SRAT_GENERIC_INITIATOR_AFFINITY:
    case ACPI_SRAT_GENERIC_PORT_AFFINITY: {
        typedef struct acpi_srat_generic_initiator_affinity_raw T;
        e->device_handle_type = LD8(p, T, device_handle_type);
        e->proximity_domain = LD32(p, T, proximity_domain);
        for (size_t i = 0; i < sizeof e->device_handle; i++)
            e->device_handle[i] = p[offsetof(T, device_handle) + i];
        e->flags = LD32(p, T, flags);
        break;
    }
    default:
        break;
    }
}

enum acpi_status acpi_srat_next(struct acpi_srat_iter *it, struct acpi_srat_entry *out)
{
    if (it->status != ACPI_OK)
        return it->status;
    if (it->offset == it->length)
        return it->status = ACPI_END;
    /* Every structure starts with Type and Length bytes (Table 5.72). */
    if (it->length - it->offset < 2)
        return it->status = ACPI_BAD_ENTRY;
    const uint8_t *p = it->table + it->offset;
    uint8_t type = p[0];
    uint8_t length = p[1];
    if (length < min_length(type) || length > it->length - it->offset)
        return it->status = ACPI_BAD_ENTRY;
    *out = (struct acpi_srat_entry){0};
    out->type = type;
    out->length = length;
    out->offset = it->offset;
    out->bytes = p;
    decode(p, out);
    it->offset += length;
    return ACPI_OK;
}
