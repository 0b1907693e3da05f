/* multiboot2/elf_sections.h - the ELF sections tag (Multiboot2 specification
 * 3.6.7) with the layout GRUB 2.06 writes: 32-bit num, entsize and shndx,
 * then num section headers of entsize bytes (40 for ELF32, 64 for ELF64).
 *
 * Section headers stay in the caller's boot information. Section names live in
 * the string table section's memory, which is reached through the suite's map
 * contract (struct mb2_host), so a host test or a kernel with paging on can
 * serve it. */
#ifndef MB2_ELF_SECTIONS_H
#define MB2_ELF_SECTIONS_H

#include "multiboot2/info.h"

/* ELF section header types used by kernels (System V gABI, 4). */
#define MB2_ELF_SHT_NULL 0
#define MB2_ELF_SHT_PROGBITS 1
#define MB2_ELF_SHT_SYMTAB 2
#define MB2_ELF_SHT_STRTAB 3
#define MB2_ELF_SHT_NOBITS 8
/* Section flags. */
#define MB2_ELF_SHF_WRITE 0x1
#define MB2_ELF_SHF_ALLOC 0x2
#define MB2_ELF_SHF_EXECINSTR 0x4

#ifndef __ASSEMBLER__

/* GRUB 2.06's ELF sections tag, fixed part. */
struct mb2_tag_elf_sections {
    uint32_t type;
    uint32_t size;
    uint32_t num;
    uint32_t entsize;
    uint32_t shndx;
    /* section headers follow */
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_elf_sections) == 20, "ELF sections fixed part is 20 bytes");

/* System V gABI: Elf32_Shdr and Elf64_Shdr. */
struct mb2_elf32_shdr {
    uint32_t sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size;
    uint32_t sh_link, sh_info, sh_addralign, sh_entsize;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_elf32_shdr) == 40, "Elf32_Shdr is 40 bytes");

struct mb2_elf64_shdr {
    uint32_t sh_name, sh_type;
    uint64_t sh_flags, sh_addr, sh_offset, sh_size;
    uint32_t sh_link, sh_info;
    uint64_t sh_addralign, sh_entsize;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_elf64_shdr) == 64, "Elf64_Shdr is 64 bytes");

/* A checked ELF sections tag. */
struct mb2_elf_sections {
    uint32_t num;
    uint32_t entsize; /* 40 (ELF32) or 64 (ELF64) */
    uint32_t shndx;   /* index of the section name string table */
    const uint8_t *headers;
};

/* One section header, widened to 64 bits whatever the ELF class. */
struct mb2_elf_section {
    uint32_t sh_name, sh_type;
    uint64_t sh_flags, sh_addr, sh_offset, sh_size;
    uint32_t sh_link, sh_info;
    uint64_t sh_addralign, sh_entsize;
};

struct mb2_elf_section_iter {
    const struct mb2_elf_sections *sections;
    uint32_t index;
};

/* Check an ELF_SECTIONS tag: MB2_TAG_TRUNCATED below 20 bytes or when num
 * headers do not fit, MB2_UNSUPPORTED for an entsize other than 40 or 64,
 * MB2_BAD_INDEX when shndx is not below num (for num > 0). */
MB2_MUST_USE enum mb2_status mb2_elf_sections(const struct mb2_tag *tag,
                                              struct mb2_elf_sections *out);
/* Section INDEX decoded into OUT; MB2_BAD_INDEX when INDEX >= num. */
MB2_MUST_USE enum mb2_status mb2_elf_section_at(const struct mb2_elf_sections *sections,
                                                uint32_t index, struct mb2_elf_section *out);
void mb2_elf_section_iter_init(struct mb2_elf_section_iter *it,
                               const struct mb2_elf_sections *sections);
/* Next section header, MB2_END after the last. */
MB2_MUST_USE enum mb2_status mb2_elf_section_next(struct mb2_elf_section_iter *it,
                                                  struct mb2_elf_section *out);
/* Copy the name of SECTION (NUL-terminated) into BUF of BUF_LEN bytes, read
 * from the string table section (shndx) through HOST. MB2_NOT_FOUND if the
 * string table was not loaded (address 0) or is not SHT_STRTAB, MB2_BAD_INDEX
 * if sh_name is past the table, MB2_BAD_STRING without a NUL inside the table,
 * MB2_BUFFER_TOO_SMALL if the name does not fit, MB2_MAP_FAILED. Maps at most
 * BUF_LEN bytes and unmaps them before returning. */
MB2_MUST_USE enum mb2_status mb2_elf_section_name(const struct mb2_host *host,
                                                  const struct mb2_elf_sections *sections,
                                                  const struct mb2_elf_section *section,
                                                  char *buf, size_t buf_len);
#endif

#endif
