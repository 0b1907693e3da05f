/* multiboot2/builder.h - write a Multiboot2 boot information structure into a
 * caller buffer, tag by tag (for chainloaders, tests, and kernels that rebuild
 * one). The result passes mb2_info_load().
 *
 * The buffer is the caller's and must be 8-byte aligned. Every add returns a
 * status and the first failure sticks: later adds do nothing and return it,
 * so a caller may check only mb2_builder_finish(). MB2_BUFFER_TOO_SMALL means
 * the tag (or the end tag) did not fit; the bytes written so far stay valid
 * up to the last complete tag. Padding between tags is written as zeros. */
#ifndef MB2_BUILDER_H
#define MB2_BUILDER_H

#include "multiboot2/elf_sections.h"
#include "multiboot2/mmap.h"
#include "multiboot2/tags.h"

#ifndef __ASSEMBLER__

struct mb2_builder {
    uint8_t *buf;
    size_t cap;
    size_t len;             /* bytes used, always a multiple of 8 */
    enum mb2_status status; /* first failure, MB2_OK while none */
};

/* Start a structure in BUF (CAP bytes): MB2_MISALIGNED if BUF is not 8-byte
 * aligned, MB2_BUFFER_TOO_SMALL below 16 bytes (fixed part + end tag). */
MB2_MUST_USE enum mb2_status mb2_builder_init(struct mb2_builder *b, void *buf, size_t cap);

/* Any tag: TYPE and LEN payload bytes (unknown and vendor tags, ACPI_OLD /
 * ACPI_NEW with an RSDP copy, NETWORK with a DHCP ACK, EFI_BS with none). */
MB2_MUST_USE enum mb2_status mb2_builder_add_raw(struct mb2_builder *b, uint32_t type,
                                                 const void *payload, size_t len);
/* CMDLINE or BOOT_LOADER_NAME with a NUL-terminated STRING. */
MB2_MUST_USE enum mb2_status mb2_builder_add_string(struct mb2_builder *b, uint32_t type,
                                                    const char *string);
/* MODULE: [MOD_START, MOD_END) and its NUL-terminated STRING. */
MB2_MUST_USE enum mb2_status mb2_builder_add_module(struct mb2_builder *b, uint32_t mod_start,
                                                    uint32_t mod_end, const char *string);
/* BASIC_MEMINFO in KiB. */
MB2_MUST_USE enum mb2_status mb2_builder_add_basic_meminfo(struct mb2_builder *b,
                                                           uint32_t mem_lower, uint32_t mem_upper);
/* BOOTDEV. */
MB2_MUST_USE enum mb2_status mb2_builder_add_bootdev(struct mb2_builder *b,
                                                     const struct mb2_bootdev *bootdev);
/* MMAP with entry_size 24, entry_version 0 and COUNT entries. */
MB2_MUST_USE enum mb2_status mb2_builder_add_mmap(struct mb2_builder *b,
                                                  const struct mb2_mmap_entry *entries,
                                                  size_t count);
/* VBE: NULL control/mode info blocks are written as zeros. */
MB2_MUST_USE enum mb2_status mb2_builder_add_vbe(struct mb2_builder *b, const struct mb2_vbe *vbe);
/* FRAMEBUFFER: the common part, then the palette (INDEXED) or the RGB layout. */
MB2_MUST_USE enum mb2_status mb2_builder_add_framebuffer(struct mb2_builder *b,
                                                         const struct mb2_framebuffer *fb);
/* ELF_SECTIONS in GRUB's layout: NUM headers of ENTSIZE (40 or 64) bytes. */
MB2_MUST_USE enum mb2_status mb2_builder_add_elf_sections(struct mb2_builder *b, uint32_t num,
                                                          uint32_t entsize, uint32_t shndx,
                                                          const void *headers);
/* APM. */
MB2_MUST_USE enum mb2_status mb2_builder_add_apm(struct mb2_builder *b, const struct mb2_apm *apm);
/* A tag holding one 32-bit value: EFI32, EFI32_IH, LOAD_BASE_ADDR. */
MB2_MUST_USE enum mb2_status mb2_builder_add_u32(struct mb2_builder *b, uint32_t type,
                                                 uint32_t value);
/* A tag holding one 64-bit value: EFI64, EFI64_IH. */
MB2_MUST_USE enum mb2_status mb2_builder_add_u64(struct mb2_builder *b, uint32_t type,
                                                 uint64_t value);
/* SMBIOS: version MAJOR.MINOR and LEN bytes of tables. */
MB2_MUST_USE enum mb2_status mb2_builder_add_smbios(struct mb2_builder *b, uint8_t major,
                                                    uint8_t minor, const void *tables, size_t len);
/* EFI_MMAP: LEN bytes of descriptors DESCRIPTOR_SIZE apart. */
MB2_MUST_USE enum mb2_status mb2_builder_add_efi_mmap(struct mb2_builder *b,
                                                      uint32_t descriptor_size,
                                                      uint32_t descriptor_version,
                                                      const void *map, size_t len);
/* Append the end tag and write total_size; *SIZE (may be NULL) gets it. */
MB2_MUST_USE enum mb2_status mb2_builder_finish(struct mb2_builder *b, uint32_t *size);
#endif

#endif
