/* acpi/ivrs.c - I/O Virtualization Reporting Structure (AMD IOMMU spec 48882, 5.2). */
#include "acpi/ivrs.h"

#include "acpi/le.h"

enum acpi_status acpi_ivrs_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_ivrs *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    *out = (struct acpi_ivrs){0};
    enum acpi_status st = acpi_sdt_validate(bytes, len, "IVRS", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    if (out->sdt.length < sizeof(struct acpi_ivrs_raw))
        return ACPI_BAD_LENGTH;
    uint32_t info = acpi_le32(out->sdt.bytes + offsetof(struct acpi_ivrs_raw, iv_info));
    out->iv_info = info;
    out->efr_supported = (info & 1u) != 0;
    out->gva_size = (uint8_t)((info >> 5) & 0x7u);
    out->pa_size = (uint8_t)((info >> 8) & 0x7Fu);
    out->va_size = (uint8_t)((info >> 15) & 0x7Fu);
    return ACPI_OK;
}

void acpi_ivrs_iter_init(struct acpi_ivrs_iter *it, const struct acpi_ivrs *ivrs)
{
    it->base = ivrs->sdt.bytes;
    it->length = ivrs->sdt.length;
    it->offset = sizeof(struct acpi_ivrs_raw);
    it->status = ACPI_OK;
}

static size_t fixed_length(uint8_t type)
{
    switch (type) {
    case ACPI_IVRS_IVHD_10H: return sizeof(struct acpi_ivrs_ivhd_raw);
    case ACPI_IVRS_IVHD_11H:
    case ACPI_IVRS_IVHD_40H: return sizeof(struct acpi_ivrs_ivhd_ext_raw);
    case ACPI_IVRS_IVMD_ALL:
    case ACPI_IVRS_IVMD_SELECT:
    case ACPI_IVRS_IVMD_RANGE: return sizeof(struct acpi_ivrs_ivmd_raw);
    default: return 4;
    }
}

static void decode_ivhd(const uint8_t *p, struct acpi_ivrs_block *b, size_t header)
{
    typedef struct acpi_ivrs_ivhd_raw T;
    b->device_id = acpi_le16(p + offsetof(T, device_id));
    b->capability_offset = acpi_le16(p + offsetof(T, capability_offset));
    b->iommu_base_address = acpi_le64(p + offsetof(T, iommu_base_address));
    b->pci_segment_group = acpi_le16(p + offsetof(T, pci_segment_group));
    b->iommu_info = acpi_le16(p + offsetof(T, iommu_info));
    b->iommu_attributes = acpi_le32(p + offsetof(T, iommu_feature_reporting));
    if (header == sizeof(struct acpi_ivrs_ivhd_ext_raw)) {
        typedef struct acpi_ivrs_ivhd_ext_raw E;
        b->efr_register_image = acpi_le64(p + offsetof(E, efr_register_image));
        b->efr_register_image_2 = acpi_le64(p + offsetof(E, efr_register_image_2));
    }
    b->entries = p + header;
    b->entries_length = b->length - header;
}

enum acpi_status acpi_ivrs_next(struct acpi_ivrs_iter *it, struct acpi_ivrs_block *out)
{
    if (it->status != ACPI_OK)
        return it->status;
    if (it->offset == it->length)
        return it->status = ACPI_END;
    /* 48882 5.2.2/5.2.3: Type (1), Flags (1), Length (2) open every block. */
    if (it->length - it->offset < 4)
        return it->status = ACPI_BAD_ENTRY;
    const uint8_t *p = it->base + it->offset;
    uint8_t type = p[0];
    uint16_t length = acpi_le16(p + 2);
    size_t fixed = fixed_length(type);
    if (length < fixed || length > it->length - it->offset)
        return it->status = ACPI_BAD_ENTRY;
    *out = (struct acpi_ivrs_block){0};
    out->type = type;
    out->flags = p[1];
    out->length = length;
    out->offset = (uint32_t)it->offset;
    out->bytes = p;
    switch (type) {
    case ACPI_IVRS_IVHD_10H:
    case ACPI_IVRS_IVHD_11H:
    case ACPI_IVRS_IVHD_40H:
        decode_ivhd(p, out, fixed);
        break;
    case ACPI_IVRS_IVMD_ALL:
    case ACPI_IVRS_IVMD_SELECT:
    case ACPI_IVRS_IVMD_RANGE: {
        typedef struct acpi_ivrs_ivmd_raw T;
        out->device_id = acpi_le16(p + offsetof(T, device_id));
        out->auxiliary_data = acpi_le16(p + offsetof(T, auxiliary_data));
        out->ivmd_start_address = acpi_le64(p + offsetof(T, ivmd_start_address));
        out->ivmd_memory_block_length = acpi_le64(p + offsetof(T, ivmd_memory_block_length));
        break;
    }
    default:
        break;
    }
    it->offset += length;
    return ACPI_OK;
}

void acpi_ivrs_device_iter_init(struct acpi_ivrs_iter *it, const struct acpi_ivrs_block *ivhd)
{
    it->base = ivhd->entries;
    it->length = ivhd->entries != NULL ? ivhd->entries_length : 0;
    it->offset = 0;
    it->status = ACPI_OK;
}

enum acpi_status acpi_ivrs_device_next(struct acpi_ivrs_iter *it, struct acpi_ivrs_device *out)
{
    if (it->status != ACPI_OK)
        return it->status;
    if (it->offset == it->length)
        return it->status = ACPI_END;
    size_t room = it->length - it->offset;
    const uint8_t *p = it->base + it->offset;
    uint8_t type = p[0];
    size_t length;
    /* 48882 5.2.2.2: types 00h-3Fh are 4 bytes, 40h-7Fh 8 bytes; F0h holds
     * its own UID length; no other length is defined. */
    if (type < 0x80) {
        length = (size_t)4 << (type >> 6);
    } else if (type == ACPI_IVRS_DEV_ACPI_HID) {
        if (room < sizeof(struct acpi_ivrs_acpi_hid_raw))
            return it->status = ACPI_BAD_ENTRY;
        length = sizeof(struct acpi_ivrs_acpi_hid_raw) +
                 p[offsetof(struct acpi_ivrs_acpi_hid_raw, uid_length)];
    } else {
        return it->status = ACPI_UNSUPPORTED;
    }
    if (length > room)
        return it->status = ACPI_BAD_ENTRY;
    *out = (struct acpi_ivrs_device){0};
    out->type = type;
    out->length = (uint8_t)length;
    out->device_id = acpi_le16(p + 1);
    out->data_setting = p[3];
    switch (type) {
    case ACPI_IVRS_DEV_ALIAS_SELECT:
    case ACPI_IVRS_DEV_ALIAS_RANGE_START:
        out->source_device_id = acpi_le16(p + 5);
        break;
    case ACPI_IVRS_DEV_EXT_SELECT:
    case ACPI_IVRS_DEV_EXT_RANGE_START:
        out->extended_data = acpi_le32(p + 4);
        break;
    case ACPI_IVRS_DEV_SPECIAL:
        /* Handle (1), device ID of the I/O APIC/HPET (2), variety (1). */
        out->handle = p[4];
        out->source_device_id = acpi_le16(p + 5);
        out->variety = p[7];
        break;
    case ACPI_IVRS_DEV_ACPI_HID: {
        typedef struct acpi_ivrs_acpi_hid_raw T;
        out->hardware_id = (const char *)(p + offsetof(T, hardware_id));
        out->compatible_id = (const char *)(p + offsetof(T, compatible_id));
        out->uid_format = p[offsetof(T, uid_format)];
        out->uid_length = p[offsetof(T, uid_length)];
        out->uid = p + sizeof(T);
        break;
    }
    default:
        break;
    }
    it->offset += length;
    return ACPI_OK;
}
