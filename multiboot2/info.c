/* multiboot2/info.c - validation of the boot information and the tag iterator
 * (Multiboot2 specification 3.6.2). */
#include "multiboot2/info.h"

#include "multiboot2/le.h"

/* Fixed part (8 bytes) plus the smallest end tag (8 bytes). */
#define MB2_INFO_MIN_SIZE 16u

static uint32_t align8(uint32_t v)
{
    return (v + (MB2_TAG_ALIGN - 1u)) & ~(uint32_t)(MB2_TAG_ALIGN - 1u);
}

/* Check the tag at IT->offset (which is 8-aligned and below total_size) and
 * describe it in OUT; the iterator does not move. Offsets and total_size are
 * multiples of 8, so a tag that fits also fits with its padding. */
static enum mb2_status read_tag(const struct mb2_tag_iter *it, struct mb2_tag *out)
{
    uint32_t off = it->offset;
    uint32_t room = it->total_size - off;

    if (room < sizeof(struct mb2_tag_header))
        return MB2_NO_END_TAG;
    const uint8_t *p = it->bytes + off;
    out->type = mb2_le32(p + offsetof(struct mb2_tag_header, type));
    out->size = mb2_le32(p + offsetof(struct mb2_tag_header, size));
    out->offset = off;
    out->bytes = p;
    if (out->size < sizeof(struct mb2_tag_header))
        return MB2_TAG_TOO_SMALL;
    if (out->size > room)
        return MB2_TAG_OUT_OF_BOUNDS;
    if (out->type == MB2_TAG_TYPE_END) {
        /* Spec 3.6.2: the end tag has type 0 and size 8. */
        return out->size == sizeof(struct mb2_tag_header) ? MB2_END : MB2_BAD_END_TAG;
    }
    return MB2_OK;
}

/* Everything but the alignment rule, which is checked on the address the
 * bootloader gave (virtual for mb2_info_load, physical for mb2_info_map). */
static enum mb2_status validate(const uint8_t *bytes, size_t max_size, struct mb2_info *out,
                                uint32_t *bad_offset)
{
    if (max_size < sizeof(struct mb2_info_header))
        return MB2_TOTAL_SIZE_TOO_LARGE;
    uint32_t total = mb2_le32(bytes + offsetof(struct mb2_info_header, total_size));
    if (total < MB2_INFO_MIN_SIZE)
        return MB2_TOTAL_SIZE_TOO_SMALL;
    if (total > max_size)
        return MB2_TOTAL_SIZE_TOO_LARGE;
    if ((total & (MB2_TAG_ALIGN - 1u)) != 0)
        return MB2_TOTAL_SIZE_UNALIGNED;

    struct mb2_tag_iter it = {bytes, total, sizeof(struct mb2_info_header)};
    for (;;) {
        struct mb2_tag tag;
        enum mb2_status st = read_tag(&it, &tag);
        if (st == MB2_END)
            break;
        if (st != MB2_OK) {
            *bad_offset = it.offset;
            return st;
        }
        it.offset += align8(tag.size);
        if (it.offset >= total) {
            *bad_offset = it.offset;
            return MB2_NO_END_TAG;
        }
    }
    out->bytes = bytes;
    out->total_size = total;
    return MB2_OK;
}

enum mb2_status mb2_info_load(const void *addr, size_t max_size, struct mb2_info *out,
                              uint32_t *bad_offset)
{
    uint32_t dummy;
    if (bad_offset == NULL)
        bad_offset = &dummy;
    *bad_offset = 0;
    if (addr == NULL || out == NULL)
        return MB2_INVALID_ARGUMENT;
    /* Spec 3.6.2: the structure starts 8-byte aligned. */
    if (((uintptr_t)addr & (MB2_TAG_ALIGN - 1u)) != 0)
        return MB2_MISALIGNED;
    return validate(addr, max_size, out, bad_offset);
}

enum mb2_status mb2_info_map(const struct mb2_host *host, uint64_t phys, size_t max_size,
                             struct mb2_info *out, uint32_t *bad_offset)
{
    uint32_t dummy;
    if (bad_offset == NULL)
        bad_offset = &dummy;
    *bad_offset = 0;
    if (host == NULL || host->map == NULL || host->unmap == NULL || out == NULL)
        return MB2_INVALID_ARGUMENT;
    if ((phys & (MB2_TAG_ALIGN - 1u)) != 0)
        return MB2_MISALIGNED;
    const uint8_t *fixed = host->map(host->ctx, phys, sizeof(struct mb2_info_header));
    if (fixed == NULL)
        return MB2_MAP_FAILED;
    uint32_t total = mb2_le32(fixed + offsetof(struct mb2_info_header, total_size));
    host->unmap(host->ctx, fixed, sizeof(struct mb2_info_header));
    if (total < MB2_INFO_MIN_SIZE)
        return MB2_TOTAL_SIZE_TOO_SMALL;
    if (total > max_size)
        return MB2_TOTAL_SIZE_TOO_LARGE;
    const void *all = host->map(host->ctx, phys, total);
    if (all == NULL)
        return MB2_MAP_FAILED;
    /* Loads are byte-wise, so the mapping may have any virtual alignment. */
    enum mb2_status st = validate(all, total, out, bad_offset);
    if (st != MB2_OK)
        host->unmap(host->ctx, all, total);
    return st;
}

void mb2_info_unmap(const struct mb2_host *host, const struct mb2_info *info)
{
    host->unmap(host->ctx, info->bytes, info->total_size);
}

void mb2_tag_iter_init(struct mb2_tag_iter *it, const struct mb2_info *info)
{
    it->bytes = info->bytes;
    it->total_size = info->total_size;
    it->offset = sizeof(struct mb2_info_header);
}

enum mb2_status mb2_tag_next(struct mb2_tag_iter *it, struct mb2_tag *out)
{
    if (it->offset >= it->total_size)
        return MB2_END;
    enum mb2_status st = read_tag(it, out);
    if (st != MB2_OK) {
        /* Stay at the end (or the bad tag) so later calls repeat the status. */
        return st;
    }
    it->offset += align8(out->size);
    return MB2_OK;
}

enum mb2_status mb2_tag_next_of_type(struct mb2_tag_iter *it, uint32_t type,
                                     struct mb2_tag *out)
{
    enum mb2_status st;
    while ((st = mb2_tag_next(it, out)) == MB2_OK) {
        if (out->type == type)
            return MB2_OK;
    }
    return st;
}

enum mb2_status mb2_tag_find(const struct mb2_info *info, uint32_t type, struct mb2_tag *out)
{
    struct mb2_tag_iter it;
    mb2_tag_iter_init(&it, info);
    enum mb2_status st = mb2_tag_next_of_type(&it, type, out);
    return st == MB2_END ? MB2_NOT_FOUND : st;
}

const char *mb2_tag_type_name(uint32_t type)
{
    static const char *const names[] = {
        "END",         "CMDLINE", "BOOT_LOADER_NAME", "MODULE",   "BASIC_MEMINFO",
        "BOOTDEV",     "MMAP",    "VBE",              "FRAMEBUFFER", "ELF_SECTIONS",
        "APM",         "EFI32",   "EFI64",            "SMBIOS",   "ACPI_OLD",
        "ACPI_NEW",    "NETWORK", "EFI_MMAP",         "EFI_BS",   "EFI32_IH",
        "EFI64_IH",    "LOAD_BASE_ADDR",
    };
    if (type >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[type];
}

const void *mb2_direct_map(void *ctx, uint64_t phys, size_t len)
{
    const uint64_t offset = ctx != NULL ? *(const uint64_t *)ctx : 0;
    /* Modulo 2^64, so an offset may also move addresses down. */
    const uint64_t virt = phys + offset;
    if (virt > UINTPTR_MAX || len > UINTPTR_MAX - virt)
        return NULL;
    return (const void *)(uintptr_t)virt;
}

void mb2_direct_unmap(void *ctx, const void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}
