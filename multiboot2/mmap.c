/* multiboot2/mmap.c - memory map (Multiboot2 spec 3.6.8) and EFI memory map
 * (3.6.19) tags. */
#include "multiboot2/mmap.h"

#include "multiboot2/le.h"

#define FIELD(p, type, member) ((p) + offsetof(struct type, member))

enum mb2_status mb2_mmap(const struct mb2_tag *tag, struct mb2_mmap *out)
{
    if (tag == NULL || tag->type != MB2_TAG_TYPE_MMAP)
        return MB2_INVALID_ARGUMENT;
    const uint32_t fixed = sizeof(struct mb2_tag_mmap);
    if (tag->size < fixed)
        return MB2_TAG_TRUNCATED;
    out->entry_size = mb2_le32(FIELD(tag->bytes, mb2_tag_mmap, entry_size));
    out->entry_version = mb2_le32(FIELD(tag->bytes, mb2_tag_mmap, entry_version));
    /* Spec 3.6.8: entry_size is a multiple of 8; an entry holds at least the
     * 24 bytes of version 0, and later versions only append fields. */
    if (out->entry_size < sizeof(struct mb2_mmap_entry) || (out->entry_size % 8u) != 0)
        return MB2_BAD_ENTRY_SIZE;
    const uint32_t bytes = tag->size - fixed;
    if (bytes % out->entry_size != 0)
        return MB2_BAD_ENTRY_SIZE;
    out->count = bytes / out->entry_size;
    out->entries = tag->bytes + fixed;
    return MB2_OK;
}

void mb2_mmap_iter_init(struct mb2_mmap_iter *it, const struct mb2_mmap *mmap)
{
    it->next = mmap->entries;
    it->entry_size = mmap->entry_size;
    it->left = mmap->count;
}

enum mb2_status mb2_mmap_next(struct mb2_mmap_iter *it, struct mb2_mmap_entry *out)
{
    if (it->left == 0)
        return MB2_END;
    const uint8_t *e = it->next;
    out->base_addr = mb2_le64(FIELD(e, mb2_mmap_entry, base_addr));
    out->length = mb2_le64(FIELD(e, mb2_mmap_entry, length));
    out->type = mb2_le32(FIELD(e, mb2_mmap_entry, type));
    out->reserved = mb2_le32(FIELD(e, mb2_mmap_entry, reserved));
    it->next += it->entry_size;
    it->left--;
    return MB2_OK;
}

const char *mb2_memory_type_name(uint32_t type)
{
    switch (type) {
    case MB2_MEMORY_AVAILABLE: return "available";
    case MB2_MEMORY_ACPI_RECLAIMABLE: return "ACPI reclaimable";
    case MB2_MEMORY_NVS: return "NVS";
    case MB2_MEMORY_BADRAM: return "bad RAM";
    default: return "reserved";
    }
}

enum mb2_status mb2_efi_mmap(const struct mb2_tag *tag, struct mb2_efi_mmap *out)
{
    if (tag == NULL || tag->type != MB2_TAG_TYPE_EFI_MMAP)
        return MB2_INVALID_ARGUMENT;
    const uint32_t fixed = sizeof(struct mb2_tag_efi_mmap);
    if (tag->size < fixed)
        return MB2_TAG_TRUNCATED;
    out->descriptor_size = mb2_le32(FIELD(tag->bytes, mb2_tag_efi_mmap, descriptor_size));
    out->descriptor_version = mb2_le32(FIELD(tag->bytes, mb2_tag_efi_mmap, descriptor_version));
    out->count = 0;
    out->descriptors = tag->bytes + fixed;
    /* UEFI 2.10, 7.2: descriptors are DescriptorSize apart, which may exceed
     * sizeof(EFI_MEMORY_DESCRIPTOR); never assume 40. */
    if (out->descriptor_size < sizeof(struct mb2_efi_memory_descriptor))
        return MB2_BAD_ENTRY_SIZE;
    const uint32_t bytes = tag->size - fixed;
    if (bytes % out->descriptor_size != 0)
        return MB2_BAD_ENTRY_SIZE;
    out->count = bytes / out->descriptor_size;
    if (out->descriptor_version != MB2_EFI_MEMORY_DESCRIPTOR_VERSION)
        return MB2_UNSUPPORTED;
    return MB2_OK;
}

void mb2_efi_mmap_iter_init(struct mb2_efi_mmap_iter *it, const struct mb2_efi_mmap *map)
{
    it->next = map->descriptors;
    it->descriptor_size = map->descriptor_size;
    it->left = map->count;
}

enum mb2_status mb2_efi_mmap_next(struct mb2_efi_mmap_iter *it,
                                  struct mb2_efi_memory_descriptor *out)
{
    if (it->left == 0)
        return MB2_END;
    const uint8_t *d = it->next;
    out->type = mb2_le32(FIELD(d, mb2_efi_memory_descriptor, type));
    out->pad = mb2_le32(FIELD(d, mb2_efi_memory_descriptor, pad));
    out->physical_start = mb2_le64(FIELD(d, mb2_efi_memory_descriptor, physical_start));
    out->virtual_start = mb2_le64(FIELD(d, mb2_efi_memory_descriptor, virtual_start));
    out->number_of_pages = mb2_le64(FIELD(d, mb2_efi_memory_descriptor, number_of_pages));
    out->attribute = mb2_le64(FIELD(d, mb2_efi_memory_descriptor, attribute));
    it->next += it->descriptor_size;
    it->left--;
    return MB2_OK;
}
