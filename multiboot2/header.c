/* multiboot2/header.c - finding and validating a Multiboot2 header in a
 * kernel image and decoding its tags (Multiboot2 specification 3.1). */
#include "multiboot2/header.h"

#include "multiboot2/le.h"

#define FIELD(p, type, member) ((p) + offsetof(struct type, member))
#define TAG_HDR sizeof(struct mb2_header_tag)

static uint32_t align8(uint32_t v)
{
    return (v + (MB2_HEADER_ALIGN - 1u)) & ~(uint32_t)(MB2_HEADER_ALIGN - 1u);
}

void mb2_header_tag_iter_init(struct mb2_header_tag_iter *it, const struct mb2_header_info *hdr)
{
    it->bytes = hdr->bytes;
    it->length = hdr->header_length;
    it->offset = sizeof(struct mb2_header);
}

enum mb2_status mb2_header_tag_next(struct mb2_header_tag_iter *it,
                                    struct mb2_header_tag_view *out)
{
    if (it->offset >= it->length || it->length - it->offset < TAG_HDR)
        return MB2_NO_END_TAG;
    const uint8_t *p = it->bytes + it->offset;
    out->type = mb2_le16(FIELD(p, mb2_header_tag, type));
    out->flags = mb2_le16(FIELD(p, mb2_header_tag, flags));
    out->size = mb2_le32(FIELD(p, mb2_header_tag, size));
    out->offset = it->offset;
    out->bytes = p;
    if (out->size < TAG_HDR)
        return MB2_TAG_TOO_SMALL;
    if (out->size > it->length - it->offset)
        return MB2_TAG_OUT_OF_BOUNDS;
    if (out->type == MB2_HEADER_TAG_END)
        return out->size == TAG_HDR ? MB2_END : MB2_BAD_END_TAG;
    /* Spec 3.1.3: tags are padded to 8 bytes; the iterator stays put on
     * errors, so the caller sees the same status again. */
    it->offset += align8(out->size);
    return MB2_OK;
}

/* Check the candidate at OFF (magic already matched). */
static enum mb2_status check_candidate(const uint8_t *image, size_t len, uint32_t off,
                                       struct mb2_header_info *out)
{
    const uint8_t *h = image + off;
    out->offset = off;
    out->architecture = mb2_le32(FIELD(h, mb2_header, architecture));
    out->header_length = mb2_le32(FIELD(h, mb2_header, header_length));
    out->checksum = mb2_le32(FIELD(h, mb2_header, checksum));
    out->bytes = h;
    /* Spec 3.1.2: magic + architecture + header_length + checksum == 0 (mod 2^32). */
    if ((uint32_t)(MB2_HEADER_MAGIC + out->architecture + out->header_length + out->checksum) != 0)
        return MB2_BAD_CHECKSUM;
    if (out->architecture != MB2_HEADER_ARCHITECTURE_I386 &&
        out->architecture != MB2_HEADER_ARCHITECTURE_MIPS32)
        return MB2_BAD_ARCHITECTURE;
    const size_t limit = len < MB2_HEADER_SEARCH_LIMIT ? len : MB2_HEADER_SEARCH_LIMIT;
    if (out->header_length < sizeof(struct mb2_header) + TAG_HDR ||
        out->header_length > limit - off)
        return MB2_BAD_HEADER_LENGTH;
    struct mb2_header_tag_iter it;
    struct mb2_header_tag_view tag;
    enum mb2_status st;
    mb2_header_tag_iter_init(&it, out);
    while ((st = mb2_header_tag_next(&it, &tag)) == MB2_OK)
        continue;
    return st == MB2_END ? MB2_OK : st;
}

enum mb2_status mb2_header_find(const void *image, size_t len, struct mb2_header_info *out)
{
    if (image == NULL || out == NULL)
        return MB2_INVALID_ARGUMENT;
    const uint8_t *p = image;
    const size_t limit = len < MB2_HEADER_SEARCH_LIMIT ? len : MB2_HEADER_SEARCH_LIMIT;
    enum mb2_status first = MB2_NOT_FOUND;
    struct mb2_header_info first_info = {0, 0, 0, 0, NULL};
    for (uint32_t off = 0; limit >= sizeof(struct mb2_header) &&
                           off <= limit - sizeof(struct mb2_header);
         off += MB2_HEADER_ALIGN) {
        if (mb2_le32(p + off) != MB2_HEADER_MAGIC)
            continue;
        struct mb2_header_info cand;
        enum mb2_status st = check_candidate(p, len, off, &cand);
        if (st == MB2_OK) {
            *out = cand;
            return MB2_OK;
        }
        if (first == MB2_NOT_FOUND) {
            first = st;
            first_info = cand;
        }
        /* A magic with a valid checksum is the header, even if malformed. */
        if (st != MB2_BAD_CHECKSUM)
            break;
    }
    if (first != MB2_NOT_FOUND)
        *out = first_info;
    return first;
}

static enum mb2_status check(const struct mb2_header_tag_view *tag, uint16_t type, size_t min)
{
    if (tag == NULL || tag->type != type)
        return MB2_INVALID_ARGUMENT;
    return tag->size < min ? MB2_TAG_TRUNCATED : MB2_OK;
}

enum mb2_status mb2_header_information_request(const struct mb2_header_tag_view *tag,
                                               struct mb2_header_information_request *out)
{
    enum mb2_status st = check(tag, MB2_HEADER_TAG_INFORMATION_REQUEST, TAG_HDR);
    if (st != MB2_OK)
        return st;
    out->count = (tag->size - (uint32_t)TAG_HDR) / 4u;
    out->mbi_tag_types = tag->bytes + TAG_HDR;
    return MB2_OK;
}

uint32_t mb2_header_information_request_type_at(const struct mb2_header_information_request *req,
                                                uint32_t index)
{
    return index < req->count ? mb2_le32(req->mbi_tag_types + (size_t)index * 4u) : 0;
}

static void tag_header(const struct mb2_header_tag_view *tag, struct mb2_header_tag *out)
{
    out->type = tag->type;
    out->flags = tag->flags;
    out->size = tag->size;
}

enum mb2_status mb2_header_address(const struct mb2_header_tag_view *tag,
                                   struct mb2_header_tag_address *out)
{
    enum mb2_status st =
        check(tag, MB2_HEADER_TAG_ADDRESS, sizeof(struct mb2_header_tag_address));
    if (st != MB2_OK)
        return st;
    tag_header(tag, &out->tag);
    out->header_addr = mb2_le32(FIELD(tag->bytes, mb2_header_tag_address, header_addr));
    out->load_addr = mb2_le32(FIELD(tag->bytes, mb2_header_tag_address, load_addr));
    out->load_end_addr = mb2_le32(FIELD(tag->bytes, mb2_header_tag_address, load_end_addr));
    out->bss_end_addr = mb2_le32(FIELD(tag->bytes, mb2_header_tag_address, bss_end_addr));
    return MB2_OK;
}

enum mb2_status mb2_header_entry_address(const struct mb2_header_tag_view *tag,
                                         uint32_t *entry_addr)
{
    if (tag == NULL || (tag->type != MB2_HEADER_TAG_ENTRY_ADDRESS &&
                        tag->type != MB2_HEADER_TAG_ENTRY_ADDRESS_EFI32 &&
                        tag->type != MB2_HEADER_TAG_ENTRY_ADDRESS_EFI64))
        return MB2_INVALID_ARGUMENT;
    if (tag->size < sizeof(struct mb2_header_tag_entry_address))
        return MB2_TAG_TRUNCATED;
    *entry_addr = mb2_le32(FIELD(tag->bytes, mb2_header_tag_entry_address, entry_addr));
    return MB2_OK;
}

enum mb2_status mb2_header_console_flags(const struct mb2_header_tag_view *tag,
                                         uint32_t *console_flags)
{
    enum mb2_status st = check(tag, MB2_HEADER_TAG_CONSOLE_FLAGS,
                               sizeof(struct mb2_header_tag_console_flags));
    if (st != MB2_OK)
        return st;
    *console_flags = mb2_le32(FIELD(tag->bytes, mb2_header_tag_console_flags, console_flags));
    return MB2_OK;
}

enum mb2_status mb2_header_framebuffer(const struct mb2_header_tag_view *tag,
                                       struct mb2_header_tag_framebuffer *out)
{
    enum mb2_status st =
        check(tag, MB2_HEADER_TAG_FRAMEBUFFER, sizeof(struct mb2_header_tag_framebuffer));
    if (st != MB2_OK)
        return st;
    tag_header(tag, &out->tag);
    out->width = mb2_le32(FIELD(tag->bytes, mb2_header_tag_framebuffer, width));
    out->height = mb2_le32(FIELD(tag->bytes, mb2_header_tag_framebuffer, height));
    out->depth = mb2_le32(FIELD(tag->bytes, mb2_header_tag_framebuffer, depth));
    return MB2_OK;
}

enum mb2_status mb2_header_relocatable(const struct mb2_header_tag_view *tag,
                                       struct mb2_header_tag_relocatable *out)
{
    enum mb2_status st =
        check(tag, MB2_HEADER_TAG_RELOCATABLE, sizeof(struct mb2_header_tag_relocatable));
    if (st != MB2_OK)
        return st;
    tag_header(tag, &out->tag);
    out->min_addr = mb2_le32(FIELD(tag->bytes, mb2_header_tag_relocatable, min_addr));
    out->max_addr = mb2_le32(FIELD(tag->bytes, mb2_header_tag_relocatable, max_addr));
    out->align = mb2_le32(FIELD(tag->bytes, mb2_header_tag_relocatable, align));
    out->preference = mb2_le32(FIELD(tag->bytes, mb2_header_tag_relocatable, preference));
    return MB2_OK;
}
