/* multiboot2/tags.c - typed accessors for the fixed-layout tags
 * (Multiboot2 specification 3.6.3 - 3.6.23). */
#include "multiboot2/tags.h"

#include "multiboot2/le.h"

#define FIELD(p, type, member) ((p) + offsetof(struct type, member))

/* The tag has type T and holds at least MIN bytes. */
static enum mb2_status check(const struct mb2_tag *tag, uint32_t t, size_t min)
{
    if (tag == NULL || tag->type != t)
        return MB2_INVALID_ARGUMENT;
    return tag->size < min ? MB2_TAG_TRUNCATED : MB2_OK;
}

/* A NUL-terminated string in [p, p+room). */
static enum mb2_status string_in(const uint8_t *p, size_t room, struct mb2_string *out)
{
    for (size_t i = 0; i < room; i++) {
        if (p[i] == 0) {
            out->string = (const char *)p;
            out->len = i;
            return MB2_OK;
        }
    }
    return MB2_BAD_STRING;
}

enum mb2_status mb2_tag_string(const struct mb2_tag *tag, struct mb2_string *out)
{
    if (tag == NULL ||
        (tag->type != MB2_TAG_TYPE_CMDLINE && tag->type != MB2_TAG_TYPE_BOOT_LOADER_NAME))
        return MB2_INVALID_ARGUMENT;
    const size_t hdr = sizeof(struct mb2_tag_header);
    if (tag->size < hdr)
        return MB2_TAG_TOO_SMALL;
    return string_in(tag->bytes + hdr, tag->size - hdr, out);
}

enum mb2_status mb2_tag_module(const struct mb2_tag *tag, struct mb2_module *out)
{
    enum mb2_status st = check(tag, MB2_TAG_TYPE_MODULE, sizeof(struct mb2_tag_module));
    if (st != MB2_OK)
        return st;
    const uint8_t *p = tag->bytes;
    out->mod_start = mb2_le32(FIELD(p, mb2_tag_module, mod_start));
    out->mod_end = mb2_le32(FIELD(p, mb2_tag_module, mod_end));
    const size_t fixed = sizeof(struct mb2_tag_module);
    return string_in(p + fixed, tag->size - fixed, &out->string);
}

enum mb2_status mb2_tag_basic_meminfo(const struct mb2_tag *tag, struct mb2_basic_meminfo *out)
{
    enum mb2_status st =
        check(tag, MB2_TAG_TYPE_BASIC_MEMINFO, sizeof(struct mb2_tag_basic_meminfo));
    if (st != MB2_OK)
        return st;
    out->mem_lower = mb2_le32(FIELD(tag->bytes, mb2_tag_basic_meminfo, mem_lower));
    out->mem_upper = mb2_le32(FIELD(tag->bytes, mb2_tag_basic_meminfo, mem_upper));
    return MB2_OK;
}

enum mb2_status mb2_tag_bootdev(const struct mb2_tag *tag, struct mb2_bootdev *out)
{
    enum mb2_status st = check(tag, MB2_TAG_TYPE_BOOTDEV, sizeof(struct mb2_tag_bootdev));
    if (st != MB2_OK)
        return st;
    out->biosdev = mb2_le32(FIELD(tag->bytes, mb2_tag_bootdev, biosdev));
    out->partition = mb2_le32(FIELD(tag->bytes, mb2_tag_bootdev, partition));
    out->sub_partition = mb2_le32(FIELD(tag->bytes, mb2_tag_bootdev, sub_partition));
    return MB2_OK;
}

enum mb2_status mb2_tag_vbe(const struct mb2_tag *tag, struct mb2_vbe *out)
{
    enum mb2_status st = check(tag, MB2_TAG_TYPE_VBE, sizeof(struct mb2_tag_vbe));
    if (st != MB2_OK)
        return st;
    const uint8_t *p = tag->bytes;
    out->vbe_mode = mb2_le16(FIELD(p, mb2_tag_vbe, vbe_mode));
    out->vbe_interface_seg = mb2_le16(FIELD(p, mb2_tag_vbe, vbe_interface_seg));
    out->vbe_interface_off = mb2_le16(FIELD(p, mb2_tag_vbe, vbe_interface_off));
    out->vbe_interface_len = mb2_le16(FIELD(p, mb2_tag_vbe, vbe_interface_len));
    out->vbe_control_info = FIELD(p, mb2_tag_vbe, vbe_control_info);
    out->vbe_mode_info = FIELD(p, mb2_tag_vbe, vbe_mode_info);
    return MB2_OK;
}

enum mb2_status mb2_tag_framebuffer(const struct mb2_tag *tag, struct mb2_framebuffer *out)
{
    const size_t common = sizeof(struct mb2_tag_framebuffer_common);
    enum mb2_status st = check(tag, MB2_TAG_TYPE_FRAMEBUFFER, common);
    if (st != MB2_OK)
        return st;
    const uint8_t *p = tag->bytes;
    out->framebuffer_addr = mb2_le64(FIELD(p, mb2_tag_framebuffer_common, framebuffer_addr));
    out->framebuffer_pitch = mb2_le32(FIELD(p, mb2_tag_framebuffer_common, framebuffer_pitch));
    out->framebuffer_width = mb2_le32(FIELD(p, mb2_tag_framebuffer_common, framebuffer_width));
    out->framebuffer_height = mb2_le32(FIELD(p, mb2_tag_framebuffer_common, framebuffer_height));
    out->framebuffer_bpp = *FIELD(p, mb2_tag_framebuffer_common, framebuffer_bpp);
    out->framebuffer_type = *FIELD(p, mb2_tag_framebuffer_common, framebuffer_type);
    out->framebuffer_palette_num_colors = 0;
    out->framebuffer_palette = NULL;
    out->rgb = (struct mb2_framebuffer_rgb){0, 0, 0, 0, 0, 0};
    const uint8_t *color = p + common;
    size_t room = tag->size - common;

    switch (out->framebuffer_type) {
    case MB2_FRAMEBUFFER_TYPE_INDEXED:
        /* GRUB 2.06: u16 framebuffer_palette_num_colors, then 3-byte entries. */
        if (room < 2)
            return MB2_TAG_TRUNCATED;
        out->framebuffer_palette_num_colors = mb2_le16(color);
        if ((size_t)out->framebuffer_palette_num_colors * sizeof(struct mb2_color) > room - 2)
            return MB2_BAD_LENGTH;
        out->framebuffer_palette = color + 2;
        return MB2_OK;
    case MB2_FRAMEBUFFER_TYPE_RGB:
        if (room < sizeof(struct mb2_framebuffer_rgb))
            return MB2_TAG_TRUNCATED;
        out->rgb.framebuffer_red_field_position = color[0];
        out->rgb.framebuffer_red_mask_size = color[1];
        out->rgb.framebuffer_green_field_position = color[2];
        out->rgb.framebuffer_green_mask_size = color[3];
        out->rgb.framebuffer_blue_field_position = color[4];
        out->rgb.framebuffer_blue_mask_size = color[5];
        return MB2_OK;
    default:
        /* EGA text carries no colour information. */
        return MB2_OK;
    }
}

enum mb2_status mb2_tag_apm(const struct mb2_tag *tag, struct mb2_apm *out)
{
    enum mb2_status st = check(tag, MB2_TAG_TYPE_APM, sizeof(struct mb2_tag_apm));
    if (st != MB2_OK)
        return st;
    const uint8_t *p = tag->bytes;
    out->version = mb2_le16(FIELD(p, mb2_tag_apm, version));
    out->cseg = mb2_le16(FIELD(p, mb2_tag_apm, cseg));
    out->offset = mb2_le32(FIELD(p, mb2_tag_apm, offset));
    out->cseg_16 = mb2_le16(FIELD(p, mb2_tag_apm, cseg_16));
    out->dseg = mb2_le16(FIELD(p, mb2_tag_apm, dseg));
    out->flags = mb2_le16(FIELD(p, mb2_tag_apm, flags));
    out->cseg_len = mb2_le16(FIELD(p, mb2_tag_apm, cseg_len));
    out->cseg_16_len = mb2_le16(FIELD(p, mb2_tag_apm, cseg_16_len));
    out->dseg_len = mb2_le16(FIELD(p, mb2_tag_apm, dseg_len));
    return MB2_OK;
}

/* A tag holding one pointer, 32-bit for TYPE32 and 64-bit for TYPE64. */
static enum mb2_status pointer_tag(const struct mb2_tag *tag, uint32_t type32, uint32_t type64,
                                   uint64_t *out)
{
    if (tag == NULL)
        return MB2_INVALID_ARGUMENT;
    if (tag->type == type32) {
        if (tag->size < sizeof(struct mb2_tag_u32))
            return MB2_TAG_TRUNCATED;
        *out = mb2_le32(FIELD(tag->bytes, mb2_tag_u32, value));
        return MB2_OK;
    }
    if (tag->type == type64) {
        if (tag->size < sizeof(struct mb2_tag_u64))
            return MB2_TAG_TRUNCATED;
        *out = mb2_le64(FIELD(tag->bytes, mb2_tag_u64, value));
        return MB2_OK;
    }
    return MB2_INVALID_ARGUMENT;
}

enum mb2_status mb2_tag_efi_system_table(const struct mb2_tag *tag, uint64_t *out)
{
    return pointer_tag(tag, MB2_TAG_TYPE_EFI32, MB2_TAG_TYPE_EFI64, out);
}

enum mb2_status mb2_tag_efi_image_handle(const struct mb2_tag *tag, uint64_t *out)
{
    return pointer_tag(tag, MB2_TAG_TYPE_EFI32_IH, MB2_TAG_TYPE_EFI64_IH, out);
}

enum mb2_status mb2_tag_load_base_addr(const struct mb2_tag *tag, uint32_t *out)
{
    enum mb2_status st = check(tag, MB2_TAG_TYPE_LOAD_BASE_ADDR, sizeof(struct mb2_tag_u32));
    if (st != MB2_OK)
        return st;
    *out = mb2_le32(FIELD(tag->bytes, mb2_tag_u32, value));
    return MB2_OK;
}

enum mb2_status mb2_tag_smbios(const struct mb2_tag *tag, struct mb2_smbios *out)
{
    enum mb2_status st = check(tag, MB2_TAG_TYPE_SMBIOS, sizeof(struct mb2_tag_smbios));
    if (st != MB2_OK)
        return st;
    out->major = *FIELD(tag->bytes, mb2_tag_smbios, major);
    out->minor = *FIELD(tag->bytes, mb2_tag_smbios, minor);
    out->tables = tag->bytes + sizeof(struct mb2_tag_smbios);
    out->len = tag->size - sizeof(struct mb2_tag_smbios);
    return MB2_OK;
}

static uint8_t sum8(const uint8_t *p, size_t len)
{
    uint8_t s = 0;
    for (size_t i = 0; i < len; i++)
        s = (uint8_t)(s + p[i]);
    return s;
}

enum mb2_status mb2_tag_acpi_rsdp(const struct mb2_tag *tag, struct mb2_rsdp *out)
{
    if (tag == NULL || (tag->type != MB2_TAG_TYPE_ACPI_OLD && tag->type != MB2_TAG_TYPE_ACPI_NEW))
        return MB2_INVALID_ARGUMENT;
    const bool is_new = tag->type == MB2_TAG_TYPE_ACPI_NEW;
    const size_t hdr = sizeof(struct mb2_tag_header);
    const size_t need = is_new ? sizeof(struct mb2_rsdp_v2) : sizeof(struct mb2_rsdp_v1);
    if (tag->size < hdr + need)
        return MB2_TAG_TRUNCATED;
    const uint8_t *r = tag->bytes + hdr;
    out->bytes = r;
    out->len = tag->size - hdr;
    for (size_t i = 0; i < sizeof(out->signature); i++)
        out->signature[i] = (char)r[offsetof(struct mb2_rsdp_v1, signature) + i];
    out->checksum = r[offsetof(struct mb2_rsdp_v1, checksum)];
    for (size_t i = 0; i < sizeof(out->oem_id); i++)
        out->oem_id[i] = (char)r[offsetof(struct mb2_rsdp_v1, oem_id) + i];
    out->revision = r[offsetof(struct mb2_rsdp_v1, revision)];
    out->rsdt_address = mb2_le32(FIELD(r, mb2_rsdp_v1, rsdt_address));
    out->length = is_new ? mb2_le32(FIELD(r, mb2_rsdp_v2, length)) : 0;
    out->xsdt_address = is_new ? mb2_le64(FIELD(r, mb2_rsdp_v2, xsdt_address)) : 0;

    static const char sig[8] = {'R', 'S', 'D', ' ', 'P', 'T', 'R', ' '};
    for (size_t i = 0; i < sizeof(sig); i++) {
        if (out->signature[i] != sig[i])
            return MB2_BAD_SIGNATURE;
    }
    /* ACPI 6.5, 5.2.5.3: the first 20 bytes sum to zero; in revision 2 and
     * later all Length bytes do too. */
    if (sum8(r, sizeof(struct mb2_rsdp_v1)) != 0)
        return MB2_BAD_CHECKSUM;
    if (is_new) {
        if (out->length < sizeof(struct mb2_rsdp_v2) || out->length > out->len)
            return MB2_BAD_LENGTH;
        if (sum8(r, out->length) != 0)
            return MB2_BAD_CHECKSUM;
    }
    return MB2_OK;
}

enum mb2_status mb2_tag_network(const struct mb2_tag *tag, struct mb2_bytes *out)
{
    enum mb2_status st = check(tag, MB2_TAG_TYPE_NETWORK, sizeof(struct mb2_tag_header));
    if (st != MB2_OK)
        return st;
    mb2_tag_payload(tag, out);
    return MB2_OK;
}

void mb2_tag_payload(const struct mb2_tag *tag, struct mb2_bytes *out)
{
    const size_t hdr = sizeof(struct mb2_tag_header);
    out->bytes = tag->bytes + hdr;
    out->len = tag->size > hdr ? tag->size - hdr : 0;
}
