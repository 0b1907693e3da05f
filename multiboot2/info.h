/* multiboot2/info.h - the Multiboot2 boot information: constants, wire layout,
 * validation and the tag iterator (Multiboot2 specification 3.6).
 *
 * The boot information is owned by the caller (the bootloader's memory, a file
 * read into a buffer); the library only reads it and keeps pointers into it.
 * mb2_info_load() validates the whole structure once, so every later iterator
 * step only re-checks what it reads. Constants are usable from assembly. */
#ifndef MB2_INFO_H
#define MB2_INFO_H

#include "multiboot2/status.h"

/* EAX on entry to the kernel (spec 3.3). */
#define MB2_BOOTLOADER_MAGIC 0x36d76289

/* Tags are 8-byte aligned (spec 3.6.2). */
#define MB2_TAG_ALIGN 8

/* Boot information tag types (spec 3.6.2 - 3.6.23). */
#define MB2_TAG_TYPE_END 0
#define MB2_TAG_TYPE_CMDLINE 1
#define MB2_TAG_TYPE_BOOT_LOADER_NAME 2
#define MB2_TAG_TYPE_MODULE 3
#define MB2_TAG_TYPE_BASIC_MEMINFO 4
#define MB2_TAG_TYPE_BOOTDEV 5
#define MB2_TAG_TYPE_MMAP 6
#define MB2_TAG_TYPE_VBE 7
#define MB2_TAG_TYPE_FRAMEBUFFER 8
#define MB2_TAG_TYPE_ELF_SECTIONS 9
#define MB2_TAG_TYPE_APM 10
#define MB2_TAG_TYPE_EFI32 11
#define MB2_TAG_TYPE_EFI64 12
#define MB2_TAG_TYPE_SMBIOS 13
#define MB2_TAG_TYPE_ACPI_OLD 14
#define MB2_TAG_TYPE_ACPI_NEW 15
#define MB2_TAG_TYPE_NETWORK 16
#define MB2_TAG_TYPE_EFI_MMAP 17
#define MB2_TAG_TYPE_EFI_BS 18
#define MB2_TAG_TYPE_EFI32_IH 19
#define MB2_TAG_TYPE_EFI64_IH 20
#define MB2_TAG_TYPE_LOAD_BASE_ADDR 21

/* Memory map entry types (spec 3.6.8); any other value is reserved memory
 * (GRUB 2.06 on UEFI passes 20 for EfiRuntimeServicesCode). */
#define MB2_MEMORY_AVAILABLE 1
#define MB2_MEMORY_RESERVED 2
#define MB2_MEMORY_ACPI_RECLAIMABLE 3
#define MB2_MEMORY_NVS 4
#define MB2_MEMORY_BADRAM 5

/* Framebuffer types (spec 3.6.12). */
#define MB2_FRAMEBUFFER_TYPE_INDEXED 0
#define MB2_FRAMEBUFFER_TYPE_RGB 1
#define MB2_FRAMEBUFFER_TYPE_EGA_TEXT 2

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fixed part of the boot information (spec 3.6.2). */
struct mb2_info_header {
    uint32_t total_size;
    uint32_t reserved;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_info_header) == 8, "mb2_info_header is 8 bytes");

/* Common start of every tag (spec 3.6.2). */
struct mb2_tag_header {
    uint32_t type;
    uint32_t size;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_header) == 8, "mb2_tag_header is 8 bytes");

/* The map contract of the suite: map returns a pointer to exactly PHYS (any
 * alignment) or NULL; unmap gets back the same pointer and length. */
struct mb2_host {
    void *ctx;
    const void *(*map)(void *ctx, uint64_t phys, size_t len);
    void (*unmap)(void *ctx, const void *virt, size_t len);
};

/* Ready-made map backend for a kernel: physical memory is visible at
 * phys + offset (modulo 2^64), where CTX points at a uint64_t offset (NULL: identity, as
 * under GRUB's protected mode or an identity-mapped long mode). Fails (NULL)
 * when the range does not fit the address space. Unmap does nothing. */
const void *mb2_direct_map(void *ctx, uint64_t phys, size_t len);
void mb2_direct_unmap(void *ctx, const void *virt, size_t len);
#define MB2_HOST_DIRECT(offset_ptr) {(offset_ptr), mb2_direct_map, mb2_direct_unmap}

/* A validated boot information structure: BYTES points at total_size bytes. */
struct mb2_info {
    const uint8_t *bytes;
    uint32_t total_size;
};

/* One tag as the iterator returns it: BYTES points at its header, SIZE is the
 * tag's own size field (padding excluded), OFFSET its place in the structure. */
struct mb2_tag {
    uint32_t type;
    uint32_t size;
    uint32_t offset;
    const uint8_t *bytes;
};

/* Cursor over the tags of a validated structure (on the caller's stack). */
struct mb2_tag_iter {
    const uint8_t *bytes;
    uint32_t total_size;
    uint32_t offset;
};

/* Validate the boot information at ADDR, which the caller guarantees readable
 * for 8 bytes and then for total_size bytes as long as total_size <= MAX_SIZE.
 * Nothing past the fixed part is read before total_size is checked against
 * MAX_SIZE. Checks, each with its own status: 8-byte alignment (MISALIGNED),
 * 16 <= total_size (TOTAL_SIZE_TOO_SMALL) <= MAX_SIZE (TOTAL_SIZE_TOO_LARGE),
 * total_size % 8 (TOTAL_SIZE_UNALIGNED), every tag: size >= 8 (TAG_TOO_SMALL),
 * inside total_size (TAG_OUT_OF_BOUNDS) and so on an 8-byte boundary, then
 * an end tag of size 8 (BAD_END_TAG) before total_size runs out (NO_END_TAG).
 * Bytes after the first end tag are ignored (the walk ends there).
 * On failure *BAD_OFFSET (may be NULL) gets the offset of the offending tag
 * (0 for the fixed part). OUT is written only on MB2_OK. */
MB2_MUST_USE enum mb2_status mb2_info_load(const void *addr, size_t max_size,
                                           struct mb2_info *out, uint32_t *bad_offset);

/* The same from a physical address through HOST: maps the 8-byte fixed part,
 * unmaps it, then maps total_size bytes and validates them. On MB2_OK the
 * mapping stays until mb2_info_unmap(); on failure nothing stays mapped.
 * MB2_MAP_FAILED if a map returns NULL. */
MB2_MUST_USE enum mb2_status mb2_info_map(const struct mb2_host *host, uint64_t phys,
                                          size_t max_size, struct mb2_info *out,
                                          uint32_t *bad_offset);
/* Release the mapping made by mb2_info_map(). */
void mb2_info_unmap(const struct mb2_host *host, const struct mb2_info *info);

/* Start iterating the tags of INFO. */
void mb2_tag_iter_init(struct mb2_tag_iter *it, const struct mb2_info *info);
/* Next tag in order, unknown and vendor types included. MB2_END at the end tag
 * (not returned); a malformed tag gives its validation status. */
MB2_MUST_USE enum mb2_status mb2_tag_next(struct mb2_tag_iter *it, struct mb2_tag *out);
/* Next tag of TYPE after the iterator's position: MB2_END if none is left. */
MB2_MUST_USE enum mb2_status mb2_tag_next_of_type(struct mb2_tag_iter *it, uint32_t type,
                                                  struct mb2_tag *out);
/* First tag of TYPE in INFO, or MB2_NOT_FOUND. */
MB2_MUST_USE enum mb2_status mb2_tag_find(const struct mb2_info *info, uint32_t type,
                                          struct mb2_tag *out);
/* The spec's name of a tag type ("CMDLINE", "MMAP" ...), NULL for unknown types. */
const char *mb2_tag_type_name(uint32_t type);
#endif

#endif
