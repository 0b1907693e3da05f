/* multiboot2/header.h - the Multiboot2 header a kernel image carries
 * (Multiboot2 specification 3.1): constants usable from assembly, packed wire
 * structs, initializer macros that define a complete, checksummed header in a
 * C file at compile time, and a finder/validator/tag iterator for bootloaders.
 *
 * Defining a header in C (each tag in an MB2_HEADER_SLOT, which pads it to
 * 8 bytes as spec 3.1.3 requires; the variable must be 8-byte aligned and the
 * linker must keep it in the image's first 32 KiB):
 *
 *   struct kernel_mb2_header {
 *       struct mb2_header header;
 *       MB2_HEADER_SLOT(struct mb2_header_tag_framebuffer) framebuffer;
 *       MB2_HEADER_SLOT(struct mb2_header_tag) end;
 *   };
 *   __attribute__((section(".multiboot2"), used, aligned(8)))
 *   static const struct kernel_mb2_header kernel_mb2_header = {
 *       .header = MB2_HEADER_INIT(MB2_HEADER_ARCHITECTURE_I386,
 *                                 sizeof(struct kernel_mb2_header)),
 *       .framebuffer = {MB2_HEADER_TAG_FRAMEBUFFER_INIT(MB2_HEADER_TAG_OPTIONAL, 1024, 768, 32)},
 *       .end = {MB2_HEADER_TAG_END_INIT},
 *   };
 *
 * From assembly: .long MB2_HEADER_MAGIC, MB2_HEADER_ARCHITECTURE_I386, len,
 * -(MB2_HEADER_MAGIC + MB2_HEADER_ARCHITECTURE_I386 + len), then the tags. */
#ifndef MB2_HEADER_H
#define MB2_HEADER_H

#include "multiboot2/status.h"

/* Spec 3.1.2: the magic field of the header. */
#define MB2_HEADER_MAGIC 0xE85250D6
/* Spec 3.1.1: the header lies in the first 32768 bytes, 64-bit aligned. */
#define MB2_HEADER_SEARCH_LIMIT 32768
#define MB2_HEADER_ALIGN 8
/* Spec 3.1.2: architecture. */
#define MB2_HEADER_ARCHITECTURE_I386 0
#define MB2_HEADER_ARCHITECTURE_MIPS32 4

/* Spec 3.1.3: header tag types. */
#define MB2_HEADER_TAG_END 0
#define MB2_HEADER_TAG_INFORMATION_REQUEST 1
#define MB2_HEADER_TAG_ADDRESS 2
#define MB2_HEADER_TAG_ENTRY_ADDRESS 3
#define MB2_HEADER_TAG_CONSOLE_FLAGS 4
#define MB2_HEADER_TAG_FRAMEBUFFER 5
#define MB2_HEADER_TAG_MODULE_ALIGN 6
#define MB2_HEADER_TAG_EFI_BS 7
#define MB2_HEADER_TAG_ENTRY_ADDRESS_EFI32 8
#define MB2_HEADER_TAG_ENTRY_ADDRESS_EFI64 9
#define MB2_HEADER_TAG_RELOCATABLE 10

/* Spec 3.1.3: bit 0 of a tag's flags: the bootloader may ignore the tag. */
#define MB2_HEADER_TAG_OPTIONAL 1
/* Spec 3.1.9: console_flags bits. */
#define MB2_CONSOLE_FLAGS_CONSOLE_REQUIRED 1
#define MB2_CONSOLE_FLAGS_EGA_TEXT_SUPPORTED 2
/* Spec 3.1.13: relocatable preference. */
#define MB2_LOAD_PREFERENCE_NONE 0
#define MB2_LOAD_PREFERENCE_LOW 1
#define MB2_LOAD_PREFERENCE_HIGH 2

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

/* Spec 3.1.1 / 3.1.2: the header's magic fields. */
struct mb2_header {
    uint32_t magic;
    uint32_t architecture;
    uint32_t header_length;
    uint32_t checksum;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_header) == 16, "header magic fields are 16 bytes");

/* Spec 3.1.3: every header tag starts so; the end tag is only this. */
struct mb2_header_tag {
    uint16_t type;
    uint16_t flags;
    uint32_t size;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_header_tag) == 8, "header tag is 8 bytes");

/* Spec 3.1.4: information request with N requested boot information tag types. */
#define MB2_HEADER_TAG_INFORMATION_REQUEST_TYPE(n)                                          \
    struct __attribute__((packed)) {                                                        \
        struct mb2_header_tag tag;                                                          \
        uint32_t mbi_tag_types[n];                                                          \
    }

/* Spec 3.1.5. */
struct mb2_header_tag_address {
    struct mb2_header_tag tag;
    uint32_t header_addr;
    uint32_t load_addr;
    uint32_t load_end_addr;
    uint32_t bss_end_addr;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_header_tag_address) == 24, "address tag is 24 bytes");

/* Spec 3.1.6 - 3.1.8: entry address (i386, EFI i386, EFI amd64). */
struct mb2_header_tag_entry_address {
    struct mb2_header_tag tag;
    uint32_t entry_addr;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_header_tag_entry_address) == 12, "entry address tag is 12 bytes");

/* Spec 3.1.9. */
struct mb2_header_tag_console_flags {
    struct mb2_header_tag tag;
    uint32_t console_flags;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_header_tag_console_flags) == 12, "console flags tag is 12 bytes");

/* Spec 3.1.10. */
struct mb2_header_tag_framebuffer {
    struct mb2_header_tag tag;
    uint32_t width;
    uint32_t height;
    uint32_t depth;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_header_tag_framebuffer) == 20, "framebuffer tag is 20 bytes");

/* Spec 3.1.13. */
struct mb2_header_tag_relocatable {
    struct mb2_header_tag tag;
    uint32_t min_addr;
    uint32_t max_addr;
    uint32_t align;
    uint32_t preference;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_header_tag_relocatable) == 24, "relocatable tag is 24 bytes");

/* Compile-time definition helpers. A slot pads its tag to a multiple of 8. */
#define MB2_HEADER_SLOT(tag_type)                                                           \
    union {                                                                                 \
        tag_type tag;                                                                       \
        uint8_t bytes[(sizeof(tag_type) + MB2_HEADER_ALIGN - 1) & ~(size_t)(MB2_HEADER_ALIGN - 1)]; \
    }
#define MB2_HEADER_CHECKSUM(arch, length)                                                   \
    ((uint32_t)(0u - ((uint32_t)MB2_HEADER_MAGIC + (uint32_t)(arch) + (uint32_t)(length))))
#define MB2_HEADER_INIT(arch, length)                                                       \
    {MB2_HEADER_MAGIC, (arch), (length), MB2_HEADER_CHECKSUM((arch), (length))}
#define MB2_HEADER_TAG_INIT(type, flags, size) {(type), (flags), (size)}
#define MB2_HEADER_TAG_END_INIT {MB2_HEADER_TAG_END, 0, sizeof(struct mb2_header_tag)}
/* N is the number of types given after FLAGS. */
#define MB2_HEADER_TAG_INFORMATION_REQUEST_INIT(flags, n, ...)                              \
    {MB2_HEADER_TAG_INIT(MB2_HEADER_TAG_INFORMATION_REQUEST, (flags),                       \
                         sizeof(struct mb2_header_tag) + sizeof(uint32_t) * (n)),           \
     {__VA_ARGS__}}
#define MB2_HEADER_TAG_ADDRESS_INIT(flags, header_addr, load_addr, load_end_addr, bss_end_addr) \
    {MB2_HEADER_TAG_INIT(MB2_HEADER_TAG_ADDRESS, (flags), sizeof(struct mb2_header_tag_address)), \
     (header_addr), (load_addr), (load_end_addr), (bss_end_addr)}
/* TYPE: MB2_HEADER_TAG_ENTRY_ADDRESS, _EFI32 or _EFI64. */
#define MB2_HEADER_TAG_ENTRY_ADDRESS_INIT(type, flags, entry_addr)                          \
    {MB2_HEADER_TAG_INIT((type), (flags), sizeof(struct mb2_header_tag_entry_address)),      \
     (entry_addr)}
#define MB2_HEADER_TAG_CONSOLE_FLAGS_INIT(flags, console_flags)                             \
    {MB2_HEADER_TAG_INIT(MB2_HEADER_TAG_CONSOLE_FLAGS, (flags),                             \
                         sizeof(struct mb2_header_tag_console_flags)),                      \
     (console_flags)}
#define MB2_HEADER_TAG_FRAMEBUFFER_INIT(flags, width, height, depth)                        \
    {MB2_HEADER_TAG_INIT(MB2_HEADER_TAG_FRAMEBUFFER, (flags),                               \
                         sizeof(struct mb2_header_tag_framebuffer)),                        \
     (width), (height), (depth)}
#define MB2_HEADER_TAG_MODULE_ALIGN_INIT(flags)                                             \
    MB2_HEADER_TAG_INIT(MB2_HEADER_TAG_MODULE_ALIGN, (flags), sizeof(struct mb2_header_tag))
#define MB2_HEADER_TAG_EFI_BS_INIT(flags)                                                   \
    MB2_HEADER_TAG_INIT(MB2_HEADER_TAG_EFI_BS, (flags), sizeof(struct mb2_header_tag))
#define MB2_HEADER_TAG_RELOCATABLE_INIT(flags, min_addr, max_addr, align, preference)       \
    {MB2_HEADER_TAG_INIT(MB2_HEADER_TAG_RELOCATABLE, (flags),                               \
                         sizeof(struct mb2_header_tag_relocatable)),                        \
     (min_addr), (max_addr), (align), (preference)}

/* A header found in an image. BYTES points at header_length bytes of it. */
struct mb2_header_info {
    uint32_t offset; /* from the image's start */
    uint32_t architecture;
    uint32_t header_length;
    uint32_t checksum;
    const uint8_t *bytes;
};

/* One header tag as the iterator returns it; BYTES points at its start. */
struct mb2_header_tag_view {
    uint16_t type;
    uint16_t flags;
    uint32_t size;
    uint32_t offset; /* from the header's start */
    const uint8_t *bytes;
};

struct mb2_header_tag_iter {
    const uint8_t *bytes;
    uint32_t length;
    uint32_t offset;
};

/* Decoded header tags (fields named as in spec 3.1.4 - 3.1.13). */
struct mb2_header_information_request {
    uint32_t count;            /* number of requested types */
    const uint8_t *mbi_tag_types; /* count little-endian u32, read with _type_at() */
};

/* Search IMAGE (LEN bytes, the caller's) for the header: the first 32 KiB at
 * 8-byte alignment (spec 3.1.1). A candidate must have the magic, a checksum
 * that makes the four fields sum to 0 (MB2_BAD_CHECKSUM), a known architecture
 * (MB2_BAD_ARCHITECTURE) and 16 + 8 <= header_length, inside the image and the
 * first 32 KiB (MB2_BAD_HEADER_LENGTH); then its tags must be well formed (as
 * mb2_header_tag_next checks them). Candidates with a bad checksum are skipped
 * (the magic may occur by chance); if no candidate is valid the first one's
 * status is returned, MB2_NOT_FOUND if no magic occurs. */
MB2_MUST_USE enum mb2_status mb2_header_find(const void *image, size_t len,
                                             struct mb2_header_info *out);
void mb2_header_tag_iter_init(struct mb2_header_tag_iter *it, const struct mb2_header_info *hdr);
/* Next tag; MB2_END at the end tag. MB2_TAG_TOO_SMALL (size < 8),
 * MB2_TAG_OUT_OF_BOUNDS (past header_length), MB2_BAD_END_TAG (size not 8),
 * MB2_NO_END_TAG. */
MB2_MUST_USE enum mb2_status mb2_header_tag_next(struct mb2_header_tag_iter *it,
                                                 struct mb2_header_tag_view *out);
/* Typed decoders; MB2_INVALID_ARGUMENT for another tag type, MB2_TAG_TRUNCATED
 * when the tag is shorter than its layout. */
MB2_MUST_USE enum mb2_status
mb2_header_information_request(const struct mb2_header_tag_view *tag,
                               struct mb2_header_information_request *out);
uint32_t mb2_header_information_request_type_at(const struct mb2_header_information_request *req,
                                                uint32_t index);
MB2_MUST_USE enum mb2_status mb2_header_address(const struct mb2_header_tag_view *tag,
                                                struct mb2_header_tag_address *out);
/* ENTRY_ADDRESS, ENTRY_ADDRESS_EFI32 or ENTRY_ADDRESS_EFI64. */
MB2_MUST_USE enum mb2_status mb2_header_entry_address(const struct mb2_header_tag_view *tag,
                                                      uint32_t *entry_addr);
MB2_MUST_USE enum mb2_status mb2_header_console_flags(const struct mb2_header_tag_view *tag,
                                                      uint32_t *console_flags);
MB2_MUST_USE enum mb2_status mb2_header_framebuffer(const struct mb2_header_tag_view *tag,
                                                    struct mb2_header_tag_framebuffer *out);
MB2_MUST_USE enum mb2_status mb2_header_relocatable(const struct mb2_header_tag_view *tag,
                                                    struct mb2_header_tag_relocatable *out);
#endif

#endif
