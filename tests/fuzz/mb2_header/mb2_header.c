/* Fuzz harness: the Multiboot2 header finder and validator. The input is a
 * kernel image; a header found is iterated and every tag decoded. */
#include <stdint.h>
#include <stdlib.h>

#include "multiboot2/header.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct mb2_header_info h;
    if (mb2_header_find(data, size, &h) != MB2_OK)
        return 0;
    /* The validator promised header_length bytes inside the input. */
    if (h.bytes < data || h.header_length > size - (size_t)(h.bytes - data))
        abort();
    struct mb2_header_tag_iter it;
    struct mb2_header_tag_view tag;
    volatile uint64_t sink = 0;
    mb2_header_tag_iter_init(&it, &h);
    while (mb2_header_tag_next(&it, &tag) == MB2_OK) {
        struct mb2_header_information_request req;
        struct mb2_header_tag_address a;
        struct mb2_header_tag_framebuffer fb;
        struct mb2_header_tag_relocatable r;
        uint32_t v;
        switch (tag.type) {
        case MB2_HEADER_TAG_INFORMATION_REQUEST:
            if (mb2_header_information_request(&tag, &req) == MB2_OK) {
                for (uint32_t i = 0; i < req.count; i++)
                    sink += mb2_header_information_request_type_at(&req, i);
            }
            break;
        case MB2_HEADER_TAG_ADDRESS:
            sink += mb2_header_address(&tag, &a);
            break;
        case MB2_HEADER_TAG_ENTRY_ADDRESS:
        case MB2_HEADER_TAG_ENTRY_ADDRESS_EFI32:
        case MB2_HEADER_TAG_ENTRY_ADDRESS_EFI64:
            sink += mb2_header_entry_address(&tag, &v);
            break;
        case MB2_HEADER_TAG_CONSOLE_FLAGS:
            sink += mb2_header_console_flags(&tag, &v);
            break;
        case MB2_HEADER_TAG_FRAMEBUFFER:
            sink += mb2_header_framebuffer(&tag, &fb);
            break;
        case MB2_HEADER_TAG_RELOCATABLE:
            sink += mb2_header_relocatable(&tag, &r);
            break;
        default:
            sink += tag.bytes[tag.size - 1];
            break;
        }
    }
    (void)sink;
    return 0;
}
