/* multiboot2/builder.c - writing boot information (Multiboot2 spec 3.6.2:
 * fixed part, 8-byte aligned tags, end tag). */
#include "multiboot2/builder.h"

#include "multiboot2/le.h"

#define HDR sizeof(struct mb2_tag_header)

enum mb2_status mb2_builder_init(struct mb2_builder *b, void *buf, size_t cap)
{
    b->buf = buf;
    b->cap = cap;
    b->len = 0;
    b->status = MB2_OK;
    if (buf == NULL)
        b->status = MB2_INVALID_ARGUMENT;
    else if (((uintptr_t)buf & (MB2_TAG_ALIGN - 1u)) != 0)
        b->status = MB2_MISALIGNED;
    else if (cap < sizeof(struct mb2_info_header) + HDR)
        b->status = MB2_BUFFER_TOO_SMALL;
    if (b->status != MB2_OK)
        return b->status;
    for (size_t i = 0; i < sizeof(struct mb2_info_header); i++)
        b->buf[i] = 0;
    b->len = sizeof(struct mb2_info_header);
    return MB2_OK;
}

/* Reserve a tag of TYPE with PAYLOAD bytes after its header, room for the end
 * tag kept; returns the payload's start (zeroed with the padding) or NULL. */
static uint8_t *begin_tag(struct mb2_builder *b, uint32_t type, size_t payload)
{
    if (b->status != MB2_OK)
        return NULL;
    const size_t room = b->cap - b->len;
    if (payload > UINT32_MAX - HDR || room < HDR ||
        payload > room - HDR) {
        b->status = MB2_BUFFER_TOO_SMALL;
        return NULL;
    }
    const size_t size = HDR + payload;
    const size_t padded = (size + (MB2_TAG_ALIGN - 1u)) & ~(size_t)(MB2_TAG_ALIGN - 1u);
    /* The padded tag plus the end tag must still fit. */
    if (padded > room || room - padded < HDR) {
        b->status = MB2_BUFFER_TOO_SMALL;
        return NULL;
    }
    uint8_t *t = b->buf + b->len;
    for (size_t i = 0; i < padded; i++)
        t[i] = 0;
    mb2_put32(t + offsetof(struct mb2_tag_header, type), type);
    mb2_put32(t + offsetof(struct mb2_tag_header, size), (uint32_t)size);
    b->len += padded;
    return t + HDR;
}

/* FIXED + LEN payload bytes, or SIZE_MAX (which never fits) on overflow. */
static size_t payload_size(size_t fixed, size_t len)
{
    return len > SIZE_MAX - fixed ? SIZE_MAX : fixed + len;
}

static void copy(uint8_t *dst, const void *src, size_t len)
{
    const uint8_t *s = src;
    for (size_t i = 0; i < len; i++)
        dst[i] = s[i];
}

static size_t string_len(const char *s)
{
    size_t n = 0;
    while (s[n] != 0)
        n++;
    return n;
}

enum mb2_status mb2_builder_add_raw(struct mb2_builder *b, uint32_t type, const void *payload,
                                    size_t len)
{
    if (len > 0 && payload == NULL && b->status == MB2_OK)
        b->status = MB2_INVALID_ARGUMENT;
    uint8_t *p = begin_tag(b, type, len);
    if (p != NULL)
        copy(p, payload, len);
    return b->status;
}

enum mb2_status mb2_builder_add_string(struct mb2_builder *b, uint32_t type, const char *string)
{
    if (string == NULL && b->status == MB2_OK)
        b->status = MB2_INVALID_ARGUMENT;
    if (b->status != MB2_OK)
        return b->status;
    return mb2_builder_add_raw(b, type, string, string_len(string) + 1);
}

enum mb2_status mb2_builder_add_module(struct mb2_builder *b, uint32_t mod_start,
                                       uint32_t mod_end, const char *string)
{
    if (string == NULL && b->status == MB2_OK)
        b->status = MB2_INVALID_ARGUMENT;
    if (b->status != MB2_OK)
        return b->status;
    const size_t slen = string_len(string) + 1;
    const size_t fixed = sizeof(struct mb2_tag_module) - HDR;
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_MODULE, fixed + slen);
    if (p != NULL) {
        mb2_put32(p + offsetof(struct mb2_tag_module, mod_start) - HDR, mod_start);
        mb2_put32(p + offsetof(struct mb2_tag_module, mod_end) - HDR, mod_end);
        copy(p + fixed, string, slen);
    }
    return b->status;
}

enum mb2_status mb2_builder_add_basic_meminfo(struct mb2_builder *b, uint32_t mem_lower,
                                              uint32_t mem_upper)
{
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_BASIC_MEMINFO,
                           sizeof(struct mb2_tag_basic_meminfo) - HDR);
    if (p != NULL) {
        mb2_put32(p + offsetof(struct mb2_tag_basic_meminfo, mem_lower) - HDR, mem_lower);
        mb2_put32(p + offsetof(struct mb2_tag_basic_meminfo, mem_upper) - HDR, mem_upper);
    }
    return b->status;
}

enum mb2_status mb2_builder_add_bootdev(struct mb2_builder *b, const struct mb2_bootdev *bootdev)
{
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_BOOTDEV, sizeof(struct mb2_tag_bootdev) - HDR);
    if (p != NULL) {
        mb2_put32(p + offsetof(struct mb2_tag_bootdev, biosdev) - HDR, bootdev->biosdev);
        mb2_put32(p + offsetof(struct mb2_tag_bootdev, partition) - HDR, bootdev->partition);
        mb2_put32(p + offsetof(struct mb2_tag_bootdev, sub_partition) - HDR,
                  bootdev->sub_partition);
    }
    return b->status;
}

enum mb2_status mb2_builder_add_mmap(struct mb2_builder *b, const struct mb2_mmap_entry *entries,
                                     size_t count)
{
    const size_t es = sizeof(struct mb2_mmap_entry);
    if (count > (UINT32_MAX / es) && b->status == MB2_OK)
        b->status = MB2_BUFFER_TOO_SMALL;
    const size_t fixed = sizeof(struct mb2_tag_mmap) - HDR;
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_MMAP, fixed + count * es);
    if (p != NULL) {
        mb2_put32(p + offsetof(struct mb2_tag_mmap, entry_size) - HDR, (uint32_t)es);
        mb2_put32(p + offsetof(struct mb2_tag_mmap, entry_version) - HDR, 0);
        for (size_t i = 0; i < count; i++) {
            uint8_t *e = p + fixed + i * es;
            mb2_put64(e + offsetof(struct mb2_mmap_entry, base_addr), entries[i].base_addr);
            mb2_put64(e + offsetof(struct mb2_mmap_entry, length), entries[i].length);
            mb2_put32(e + offsetof(struct mb2_mmap_entry, type), entries[i].type);
            mb2_put32(e + offsetof(struct mb2_mmap_entry, reserved), 0);
        }
    }
    return b->status;
}

enum mb2_status mb2_builder_add_vbe(struct mb2_builder *b, const struct mb2_vbe *vbe)
{
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_VBE, sizeof(struct mb2_tag_vbe) - HDR);
    if (p != NULL) {
        mb2_put16(p + offsetof(struct mb2_tag_vbe, vbe_mode) - HDR, vbe->vbe_mode);
        mb2_put16(p + offsetof(struct mb2_tag_vbe, vbe_interface_seg) - HDR,
                  vbe->vbe_interface_seg);
        mb2_put16(p + offsetof(struct mb2_tag_vbe, vbe_interface_off) - HDR,
                  vbe->vbe_interface_off);
        mb2_put16(p + offsetof(struct mb2_tag_vbe, vbe_interface_len) - HDR,
                  vbe->vbe_interface_len);
        if (vbe->vbe_control_info != NULL)
            copy(p + offsetof(struct mb2_tag_vbe, vbe_control_info) - HDR,
                 vbe->vbe_control_info, 512);
        if (vbe->vbe_mode_info != NULL)
            copy(p + offsetof(struct mb2_tag_vbe, vbe_mode_info) - HDR, vbe->vbe_mode_info, 256);
    }
    return b->status;
}

enum mb2_status mb2_builder_add_framebuffer(struct mb2_builder *b,
                                            const struct mb2_framebuffer *fb)
{
    const size_t common = sizeof(struct mb2_tag_framebuffer_common) - HDR;
    size_t extra = 0;
    if (fb->framebuffer_type == MB2_FRAMEBUFFER_TYPE_INDEXED) {
        if (fb->framebuffer_palette_num_colors > 0 && fb->framebuffer_palette == NULL &&
            b->status == MB2_OK)
            b->status = MB2_INVALID_ARGUMENT;
        extra = 2 + (size_t)fb->framebuffer_palette_num_colors * sizeof(struct mb2_color);
    } else if (fb->framebuffer_type == MB2_FRAMEBUFFER_TYPE_RGB) {
        extra = sizeof(struct mb2_framebuffer_rgb);
    }
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_FRAMEBUFFER, common + extra);
    if (p == NULL)
        return b->status;
#define FB_AT(m) (p + offsetof(struct mb2_tag_framebuffer_common, m) - HDR)
    mb2_put64(FB_AT(framebuffer_addr), fb->framebuffer_addr);
    mb2_put32(FB_AT(framebuffer_pitch), fb->framebuffer_pitch);
    mb2_put32(FB_AT(framebuffer_width), fb->framebuffer_width);
    mb2_put32(FB_AT(framebuffer_height), fb->framebuffer_height);
    *FB_AT(framebuffer_bpp) = fb->framebuffer_bpp;
    *FB_AT(framebuffer_type) = fb->framebuffer_type;
#undef FB_AT
    uint8_t *color = p + common;
    if (fb->framebuffer_type == MB2_FRAMEBUFFER_TYPE_INDEXED) {
        mb2_put16(color, fb->framebuffer_palette_num_colors);
        copy(color + 2, fb->framebuffer_palette, extra - 2);
    } else if (fb->framebuffer_type == MB2_FRAMEBUFFER_TYPE_RGB) {
        copy(color, &fb->rgb, sizeof(fb->rgb));
    }
    return b->status;
}

enum mb2_status mb2_builder_add_elf_sections(struct mb2_builder *b, uint32_t num, uint32_t entsize,
                                             uint32_t shndx, const void *headers)
{
    if (b->status == MB2_OK && ((uint64_t)num * entsize > UINT32_MAX))
        b->status = MB2_BUFFER_TOO_SMALL;
    if (b->status == MB2_OK && num > 0 && headers == NULL)
        b->status = MB2_INVALID_ARGUMENT;
    const size_t fixed = sizeof(struct mb2_tag_elf_sections) - HDR;
    const size_t bytes = (size_t)num * entsize;
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_ELF_SECTIONS, fixed + bytes);
    if (p != NULL) {
        mb2_put32(p + offsetof(struct mb2_tag_elf_sections, num) - HDR, num);
        mb2_put32(p + offsetof(struct mb2_tag_elf_sections, entsize) - HDR, entsize);
        mb2_put32(p + offsetof(struct mb2_tag_elf_sections, shndx) - HDR, shndx);
        copy(p + fixed, headers, bytes);
    }
    return b->status;
}

enum mb2_status mb2_builder_add_apm(struct mb2_builder *b, const struct mb2_apm *apm)
{
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_APM, sizeof(struct mb2_tag_apm) - HDR);
    if (p != NULL) {
#define APM_AT(m) (p + offsetof(struct mb2_tag_apm, m) - HDR)
        mb2_put16(APM_AT(version), apm->version);
        mb2_put16(APM_AT(cseg), apm->cseg);
        mb2_put32(APM_AT(offset), apm->offset);
        mb2_put16(APM_AT(cseg_16), apm->cseg_16);
        mb2_put16(APM_AT(dseg), apm->dseg);
        mb2_put16(APM_AT(flags), apm->flags);
        mb2_put16(APM_AT(cseg_len), apm->cseg_len);
        mb2_put16(APM_AT(cseg_16_len), apm->cseg_16_len);
        mb2_put16(APM_AT(dseg_len), apm->dseg_len);
#undef APM_AT
    }
    return b->status;
}

enum mb2_status mb2_builder_add_u32(struct mb2_builder *b, uint32_t type, uint32_t value)
{
    uint8_t *p = begin_tag(b, type, sizeof(uint32_t));
    if (p != NULL)
        mb2_put32(p, value);
    return b->status;
}

enum mb2_status mb2_builder_add_u64(struct mb2_builder *b, uint32_t type, uint64_t value)
{
    uint8_t *p = begin_tag(b, type, sizeof(uint64_t));
    if (p != NULL)
        mb2_put64(p, value);
    return b->status;
}

enum mb2_status mb2_builder_add_smbios(struct mb2_builder *b, uint8_t major, uint8_t minor,
                                       const void *tables, size_t len)
{
    if (b->status == MB2_OK && len > 0 && tables == NULL)
        b->status = MB2_INVALID_ARGUMENT;
    const size_t fixed = sizeof(struct mb2_tag_smbios) - HDR;
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_SMBIOS, payload_size(fixed, len));
    if (p != NULL) {
        p[offsetof(struct mb2_tag_smbios, major) - HDR] = major;
        p[offsetof(struct mb2_tag_smbios, minor) - HDR] = minor;
        copy(p + fixed, tables, len);
    }
    return b->status;
}

enum mb2_status mb2_builder_add_efi_mmap(struct mb2_builder *b, uint32_t descriptor_size,
                                         uint32_t descriptor_version, const void *map, size_t len)
{
    if (b->status == MB2_OK && len > 0 && map == NULL)
        b->status = MB2_INVALID_ARGUMENT;
    const size_t fixed = sizeof(struct mb2_tag_efi_mmap) - HDR;
    uint8_t *p = begin_tag(b, MB2_TAG_TYPE_EFI_MMAP, payload_size(fixed, len));
    if (p != NULL) {
        mb2_put32(p + offsetof(struct mb2_tag_efi_mmap, descriptor_size) - HDR, descriptor_size);
        mb2_put32(p + offsetof(struct mb2_tag_efi_mmap, descriptor_version) - HDR,
                  descriptor_version);
        copy(p + fixed, map, len);
    }
    return b->status;
}

enum mb2_status mb2_builder_finish(struct mb2_builder *b, uint32_t *size)
{
    if (b->status != MB2_OK)
        return b->status;
    /* begin_tag keeps room for the end tag; a second finish finds none. */
    if (b->cap - b->len < HDR) {
        b->status = MB2_BUFFER_TOO_SMALL;
        return b->status;
    }
    uint8_t *t = b->buf + b->len;
    mb2_put32(t + offsetof(struct mb2_tag_header, type), MB2_TAG_TYPE_END);
    mb2_put32(t + offsetof(struct mb2_tag_header, size), (uint32_t)HDR);
    b->len += HDR;
    if (b->len > UINT32_MAX) {
        b->status = MB2_BUFFER_TOO_SMALL;
        return b->status;
    }
    mb2_put32(b->buf + offsetof(struct mb2_info_header, total_size), (uint32_t)b->len);
    mb2_put32(b->buf + offsetof(struct mb2_info_header, reserved), 0);
    if (size != NULL)
        *size = (uint32_t)b->len;
    b->cap = b->len; /* the structure is complete: no more tags */
    return MB2_OK;
}
