/* Ground truth of a GRUB capture: the "## Decoded" part of
 * ../shared/fixtures/multiboot2/<name>.txt (written by the capture script, not
 * by this library), parsed into plain values for the tests to compare with. */
#ifndef TESTS_MB2_TRUTH_H
#define TESTS_MB2_TRUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRUTH_MAX 160

struct truth_tag { uint32_t offset, type, size; };
struct truth_mmap { uint64_t first, last, len; uint32_t type; };
struct truth_elf { uint32_t name_off, type, flags, addr, offset, size; };
struct truth_efi { uint32_t type; uint64_t phys, pages, attr; };

struct truth {
    uint64_t ebx;
    uint32_t total_size;
    struct truth_tag tags[64];
    size_t ntags;
    char cmdline[128], boot_loader_name[128], mod_string[64];
    uint32_t mod_start, mod_end, mod_len;
    uint32_t load_base_addr;
    uint32_t mem_lower, mem_upper;
    uint32_t biosdev, partition, sub_partition;
    uint32_t apm[8]; /* version cseg offset cseg_16 dseg flags cseg_len cseg_16_len */
    uint64_t fb_addr;
    uint32_t fb_pitch, fb_width, fb_height, fb_bpp, fb_type;
    uint64_t efi64_system_table;
    uint32_t acpi_old_rev, acpi_old_rsdt;
    char acpi_old_oem[7];
    uint32_t acpi_new_rev, acpi_new_rsdt;
    uint64_t acpi_new_xsdt;
    char acpi_new_oem[7];
    uint32_t entry_size, entry_version;
    struct truth_mmap mmap[64];
    size_t nmmap;
    uint32_t elf_num, elf_entsize, elf_shndx;
    struct truth_elf elf[32];
    size_t nelf;
    uint32_t descriptor_size, descriptor_version, descriptor_count;
    struct truth_efi efi[TRUTH_MAX];
    size_t nefi;
};

/* Parse fixtures/multiboot2/NAME.txt; 0 on success, -1 on a read or parse failure. */
int truth_load(const char *name, struct truth *t);
/* The index of the first tag of TYPE in t->tags, or -1. */
int truth_find(const struct truth *t, uint32_t type);

#endif
