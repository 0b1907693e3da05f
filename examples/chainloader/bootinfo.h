/* The two boot information structures of the chainloader: GRUB's, read with
 * multiboot2/ (spec 3.6), and the kernel's, written with the builder. */
#ifndef CHAIN_BOOTINFO_H
#define CHAIN_BOOTINFO_H

#include "image.h"
#include "multiboot2/builder.h"

#define CHAIN_MAX_MODULES 8
/* GRUB's structure is a few KiB (an EFI memory map included). */
#define CHAIN_GRUB_INFO_MAX ((size_t)64 * 1024)

/* What GRUB gave; every pointer points into GRUB's structure. */
struct chain_grub_info {
    struct mb2_info info;
    uint32_t types;                 /* bit N: a well-formed tag of type N (< 32) */
    uint32_t module_count;
    struct mb2_module modules[CHAIN_MAX_MODULES];
    struct mb2_mmap mmap;
    struct mb2_basic_meminfo meminfo;
    struct mb2_bootdev bootdev;
    struct mb2_framebuffer framebuffer;
    struct mb2_vbe vbe;
    struct mb2_apm apm;
    struct mb2_smbios smbios;
    uint64_t efi32, efi64;          /* system table pointers */
    struct mb2_bytes acpi_old, acpi_new, network; /* payloads, passed on as they are */
    struct mb2_efi_mmap efi_mmap;
};

/* Validate GRUB's structure at MBI (identity-mapped) and collect its tags.
 * CHAIN_BAD_BOOT_INFO (detail: the mb2 status) when MAGIC is wrong, the
 * structure is malformed or it has no memory map; tags that fail to decode
 * are left out (their bit stays clear). */
enum chain_status chain_grub_read(struct chain_grub_info *g, uint32_t magic, uint32_t mbi,
                                  uint32_t *detail);

/* The tag types the new structure will hold (what chain_bootinfo_build writes). */
uint32_t chain_bootinfo_types(const struct chain_grub_info *g, const struct chain_plan *plan);

/* What the kernel gets besides GRUB's pass-through tags. */
struct chain_kernel_info {
    const char *cmdline;                 /* the kernel module's string */
    const struct mb2_module *modules;    /* GRUB's other modules, where they now are */
    uint32_t module_count;
    const struct mb2_mmap_entry *mmap;   /* GRUB's map with the reserved ranges carved */
    uint32_t mmap_count;
    const void *section_headers;         /* plan->shnum headers, sh_addr of copies set */
    uint32_t load_base;
};

/* Write the kernel's boot information into BUF (CAP bytes, 8-byte aligned)
 * and validate it with mb2_info_load: CHAIN_NO_MEMORY (buffer too small) or
 * CHAIN_BAD_BOOT_INFO with *DETAIL the mb2 status. */
enum chain_status chain_bootinfo_build(void *buf, size_t cap, const struct chain_grub_info *g,
                                       const struct chain_plan *plan,
                                       const struct chain_kernel_info *k, struct mb2_info *out,
                                       uint32_t *detail);

#endif
