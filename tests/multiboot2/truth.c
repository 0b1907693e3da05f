/* Parser of the capture script's decoding (see truth.h). */
#include "truth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

/* UEFI 2.10, 7.2 EFI_MEMORY_TYPE, spelled as the capture script prints them. */
static const char *const efi_types[] = {
    "Reserved",     "LoaderCode",  "LoaderData", "BootServicesCode", "BootServicesData",
    "RuntimeServicesCode", "RuntimeServicesData", "Conventional", "Unusable",
    "ACPIReclaim",  "ACPINVS",     "MMIO",       "MMIOPortSpace",    "PalCode", "Persistent",
};

static void quoted(const char *line, char *out, size_t len)
{
    const char *a = strchr(line, '"');
    const char *b = a != NULL ? strchr(a + 1, '"') : NULL;
    out[0] = 0;
    if (a == NULL || b == NULL || (size_t)(b - a - 1) >= len)
        return;
    memcpy(out, a + 1, (size_t)(b - a - 1));
    out[b - a - 1] = 0;
}

int truth_load(const char *name, struct truth *t)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "fixtures/multiboot2/%s.txt", name);
    FILE *f = fopen(support_path(rel), "r");
    if (f == NULL)
        return -1;
    memset(t, 0, sizeof(*t));
    char line[512];
    uint32_t cur = 0xffffffffu;
    bool decoded = false;
    while (fgets(line, sizeof(line), f) != NULL) {
        unsigned a, b, c, d, e, g, h, i2;
        unsigned long long x, y, z;
        char word[64];
        if (sscanf(line, "MBI load address (EBX): %llx", &x) == 1)
            t->ebx = x;
        if (strncmp(line, "## Decoded", 10) == 0)
            decoded = true;
        if (!decoded)
            continue;
        if (sscanf(line, "total_size = %u", &a) == 1) {
            t->total_size = a;
        } else if (sscanf(line, "tag @+%x: type %u (%63[^)]), size %u", &a, &b, word, &c) == 4) {
            if (t->ntags < 64)
                t->tags[t->ntags++] = (struct truth_tag){a, b, c};
            cur = b;
        } else if (sscanf(line, " load_base_addr %x", &a) == 1) {
            t->load_base_addr = a;
        } else if (strstr(line, "string: \"") != NULL) {
            quoted(line, cur == 1 ? t->cmdline : t->boot_loader_name, 128);
        } else if (sscanf(line, " mod_start %x mod_end %x (len %u)", &a, &b, &c) == 3) {
            t->mod_start = a;
            t->mod_end = b;
            t->mod_len = c;
            quoted(line, t->mod_string, sizeof(t->mod_string));
        } else if (sscanf(line, " version %x cseg %x offset %x cseg_16 %x dseg %x flags %x cseg_len %u cseg_16_len %u",
                          &a, &b, &c, &d, &e, &g, &h, &i2) == 8) {
            uint32_t v[8] = {a, b, c, d, e, g, h, i2};
            memcpy(t->apm, v, sizeof(v));
        } else if (sscanf(line, " entry_size %u entry_version %u", &a, &b) == 2) {
            t->entry_size = a;
            t->entry_version = b;
        } else if (sscanf(line, " 0x%llx-0x%llx len 0x%llx type %u", &x, &y, &z, &a) == 4) {
            if (t->nmmap < 64)
                t->mmap[t->nmmap++] = (struct truth_mmap){x, y, z, a};
        } else if (sscanf(line, " num %u entsize %u shndx %u", &a, &b, &c) == 3) {
            t->elf_num = a;
            t->elf_entsize = b;
            t->elf_shndx = c;
        } else if (sscanf(line, " [%u] name_off %u type %u flags %x addr %x offset %x size %x",
                          &i2, &a, &b, &c, &d, &e, &g) == 7) {
            if (t->nelf < 32)
                t->elf[t->nelf++] = (struct truth_elf){a, b, c, d, e, g};
        } else if (sscanf(line, " mem_lower %u KiB, mem_upper %u KiB", &a, &b) == 2) {
            t->mem_lower = a;
            t->mem_upper = b;
        } else if (sscanf(line, " biosdev %x partition %x sub_partition %x", &a, &b, &c) == 3) {
            t->biosdev = a;
            t->partition = b;
            t->sub_partition = c;
        } else if (sscanf(line, " addr %llx pitch %u %ux%u bpp %u type %u", &x, &a, &b, &c, &d, &e) == 6) {
            t->fb_addr = x;
            t->fb_pitch = a;
            t->fb_width = b;
            t->fb_height = c;
            t->fb_bpp = d;
            t->fb_type = e;
        } else if (sscanf(line, " EFI system table (64-bit) %llx", &x) == 1) {
            t->efi64_system_table = x;
        } else if (strstr(line, "RSDP copy (20 bytes)") != NULL) {
            quoted(line, t->acpi_old_oem, sizeof(t->acpi_old_oem));
            const char *r = strstr(line, " rev ");
            if (r == NULL || sscanf(r, " rev %u RSDT %x", &a, &b) != 2)
                goto fail;
            t->acpi_old_rev = a;
            t->acpi_old_rsdt = b;
        } else if (strstr(line, "RSDP copy (36 bytes)") != NULL) {
            quoted(line, t->acpi_new_oem, sizeof(t->acpi_new_oem));
            const char *r = strstr(line, " rev ");
            if (r == NULL || sscanf(r, " rev %u RSDT %x XSDT %llx", &a, &b, &x) != 3)
                goto fail;
            t->acpi_new_rev = a;
            t->acpi_new_rsdt = b;
            t->acpi_new_xsdt = x;
        } else if (sscanf(line, " descriptor_size %u descriptor_version %u, %u descriptors", &a, &b, &c) == 3) {
            t->descriptor_size = a;
            t->descriptor_version = b;
            t->descriptor_count = c;
        } else if (sscanf(line, " %63s phys %llx pages %llu attr %x", word, &x, &y, &a) == 4) {
            unsigned long long attr;
            const char *at = strstr(line, "attr ");
            if (at == NULL || sscanf(at, "attr %llx", &attr) != 1)
                goto fail;
            uint32_t type = 0xffffffffu;
            for (uint32_t k = 0; k < sizeof(efi_types) / sizeof(efi_types[0]); k++) {
                if (strcmp(word, efi_types[k]) == 0)
                    type = k;
            }
            if (type == 0xffffffffu || t->nefi >= TRUTH_MAX)
                goto fail;
            t->efi[t->nefi++] = (struct truth_efi){type, x, y, attr};
        }
    }
    fclose(f);
    return t->ntags > 0 ? 0 : -1;
fail:
    fclose(f);
    return -1;
}

int truth_find(const struct truth *t, uint32_t type)
{
    for (size_t i = 0; i < t->ntags; i++) {
        if (t->tags[i].type == type)
            return (int)i;
    }
    return -1;
}
