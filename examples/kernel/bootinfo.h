/* What the kernel takes from GRUB's Multiboot2 boot information (read with
 * multiboot2/): command line, loader name, modules, memory map, framebuffer,
 * the ACPI RSDP copies and the EFI system table. Pointers point into the boot
 * information, which stays identity-mapped and is never overwritten (the frame
 * allocator reserves it). */
#ifndef KERNEL_BOOTINFO_H
#define KERNEL_BOOTINFO_H

#include <stdbool.h>
#include <stdint.h>

#include "multiboot2/info.h"
#include "multiboot2/mmap.h"
#include "multiboot2/tags.h"

#define BOOT_MAX_MODULES 4

struct boot_info {
    struct mb2_info info;
    uint64_t phys;                  /* where GRUB put it */
    struct mb2_string cmdline, loader;
    bool have_cmdline, have_loader;
    struct mb2_module modules[BOOT_MAX_MODULES];
    unsigned module_count;
    struct mb2_mmap mmap;
    bool have_mmap;
    uint64_t usable_bytes;          /* sum of the "available" entries */
    struct mb2_framebuffer fb;
    bool have_fb;
    struct mb2_rsdp rsdp_new, rsdp_old;
    bool have_rsdp_new, have_rsdp_old;
    uint64_t efi64_system_table;
    bool have_efi64;
};

/* Validates the boot information at physical MBI (identity-mapped) and
 * collects the tags above. MB2_INVALID_ARGUMENT when MAGIC is not
 * MB2_BOOTLOADER_MAGIC, the mb2_info_load status when the structure is
 * malformed, otherwise the status of the first tag that failed to decode
 * (the other tags are still collected). */
enum mb2_status boot_info_read(struct boot_info *b, uint32_t magic, uint64_t mbi);

/* Prints the report lines: loader, cmdline, module (with CRC-32 and text),
 * mmap entries, usable memory, framebuffer, EFI system table. */
void boot_info_print(const struct boot_info *b);

#endif
