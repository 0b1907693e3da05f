/* acpi/dmar.c - DMA Remapping Reporting table (Intel VT-d, chapter 8). */
#include "acpi/dmar.h"

#include "acpi/le.h"

enum acpi_status acpi_dmar_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_dmar *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    *out = (struct acpi_dmar){0};
    enum acpi_status st = acpi_sdt_validate(bytes, len, "DMAR", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    if (out->sdt.length < sizeof(struct acpi_dmar_raw))
        return ACPI_BAD_LENGTH;
    out->host_address_width = out->sdt.bytes[offsetof(struct acpi_dmar_raw, host_address_width)];
    out->flags = out->sdt.bytes[offsetof(struct acpi_dmar_raw, flags)];
    return ACPI_OK;
}

void acpi_dmar_iter_init(struct acpi_dmar_iter *it, const struct acpi_dmar *dmar)
{
    it->base = dmar->sdt.bytes;
    it->length = dmar->sdt.length;
    it->offset = sizeof(struct acpi_dmar_raw);
    it->status = ACPI_OK;
}

/* Fixed part of each type, before its device scopes or name (VT-d 8.3-8.8). */
static size_t fixed_length(uint16_t type)
{
    switch (type) {
    case ACPI_DMAR_DRHD: return sizeof(struct acpi_dmar_drhd_raw);
    case ACPI_DMAR_RMRR: return sizeof(struct acpi_dmar_rmrr_raw);
    case ACPI_DMAR_ATSR:
    case ACPI_DMAR_SATC: return sizeof(struct acpi_dmar_atsr_raw);
    case ACPI_DMAR_RHSA: return sizeof(struct acpi_dmar_rhsa_raw);
    case ACPI_DMAR_ANDD: return sizeof(struct acpi_dmar_andd_raw);
    default: return 4;
    }
}

static void set_scopes(struct acpi_dmar_entry *e, const uint8_t *p, size_t fixed)
{
    e->scopes = p + fixed;
    e->scopes_length = e->length - fixed;
}

static void decode(const uint8_t *p, struct acpi_dmar_entry *e)
{
    switch (e->type) {
    case ACPI_DMAR_DRHD: {
        typedef struct acpi_dmar_drhd_raw T;
        e->flags = p[offsetof(T, flags)];
        e->size = p[offsetof(T, size)];
        e->segment_number = acpi_le16(p + offsetof(T, segment_number));
        e->register_base_address = acpi_le64(p + offsetof(T, register_base_address));
        set_scopes(e, p, sizeof(T));
        break;
    }
    case ACPI_DMAR_RMRR: {
        typedef struct acpi_dmar_rmrr_raw T;
        e->segment_number = acpi_le16(p + offsetof(T, segment_number));
        e->base_address = acpi_le64(p + offsetof(T, base_address));
        e->limit_address = acpi_le64(p + offsetof(T, limit_address));
        set_scopes(e, p, sizeof(T));
        break;
    }
    case ACPI_DMAR_ATSR:
    case ACPI_DMAR_SATC: {
        typedef struct acpi_dmar_atsr_raw T;
        e->flags = p[offsetof(T, flags)];
        e->segment_number = acpi_le16(p + offsetof(T, segment_number));
        set_scopes(e, p, sizeof(T));
        break;
    }
    case ACPI_DMAR_RHSA: {
        typedef struct acpi_dmar_rhsa_raw T;
        e->register_base_address = acpi_le64(p + offsetof(T, register_base_address));
        e->proximity_domain = acpi_le32(p + offsetof(T, proximity_domain));
        break;
    }
    case ACPI_DMAR_ANDD: {
        typedef struct acpi_dmar_andd_raw T;
        e->acpi_device_number = p[offsetof(T, acpi_device_number)];
        e->object_name = (const char *)(p + sizeof(T));
        size_t n = 0;
        while (sizeof(T) + n < e->length && p[sizeof(T) + n] != 0)
            n++;
        e->object_name_length = n;
        break;
    }
    default:
        break;
    }
}

enum acpi_status acpi_dmar_next(struct acpi_dmar_iter *it, struct acpi_dmar_entry *out)
{
    if (it->status != ACPI_OK)
        return it->status;
    if (it->offset == it->length)
        return it->status = ACPI_END;
    /* VT-d 8.2: every structure starts with a 16-bit Type and 16-bit Length. */
    if (it->length - it->offset < 4)
        return it->status = ACPI_BAD_ENTRY;
    const uint8_t *p = it->base + it->offset;
    uint16_t type = acpi_le16(p);
    uint16_t length = acpi_le16(p + 2);
    if (length < fixed_length(type) || length > it->length - it->offset)
        return it->status = ACPI_BAD_ENTRY;
    *out = (struct acpi_dmar_entry){0};
    out->type = type;
    out->length = length;
    out->offset = (uint32_t)it->offset;
    out->bytes = p;
    decode(p, out);
    it->offset += length;
    return ACPI_OK;
}

void acpi_dmar_scope_iter_init(struct acpi_dmar_iter *it, const struct acpi_dmar_entry *entry)
{
    it->base = entry->scopes;
    it->length = entry->scopes != NULL ? entry->scopes_length : 0;
    it->offset = 0;
    it->status = ACPI_OK;
}

enum acpi_status acpi_dmar_scope_next(struct acpi_dmar_iter *it, struct acpi_dmar_scope *out)
{
    typedef struct acpi_dmar_device_scope_raw T;
    if (it->status != ACPI_OK)
        return it->status;
    if (it->offset == it->length)
        return it->status = ACPI_END;
    if (it->length - it->offset < sizeof(T))
        return it->status = ACPI_BAD_ENTRY;
    const uint8_t *p = it->base + it->offset;
    uint8_t length = p[offsetof(T, length)];
    /* VT-d 8.3.1: Length = 6 + 2 * (number of path entries). */
    if (length < sizeof(T) || (length - sizeof(T)) % 2 != 0 || length > it->length - it->offset)
        return it->status = ACPI_BAD_ENTRY;
    out->type = p[offsetof(T, type)];
    out->length = length;
    out->flags = p[offsetof(T, flags)];
    out->enumeration_id = p[offsetof(T, enumeration_id)];
    out->start_bus_number = p[offsetof(T, start_bus_number)];
    out->path = p + sizeof(T);
    out->path_count = (length - sizeof(T)) / 2;
    it->offset += length;
    return ACPI_OK;
}
