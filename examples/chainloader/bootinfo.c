/* See bootinfo.h. Tag layouts: Multiboot2 specification 3.6. */
#include "bootinfo.h"

#include "chain.h"

#define BIT(type) (1u << (type))

static bool decode(struct chain_grub_info *g, const struct mb2_tag *tag)
{
    switch (tag->type) {
    case MB2_TAG_TYPE_MODULE:
        if (g->module_count >= CHAIN_MAX_MODULES) {
            return false;
        }
        if (mb2_tag_module(tag, &g->modules[g->module_count]) != MB2_OK) {
            return false;
        }
        g->module_count++;
        return true;
    case MB2_TAG_TYPE_MMAP:
        return mb2_mmap(tag, &g->mmap) == MB2_OK;
    case MB2_TAG_TYPE_BASIC_MEMINFO:
        return mb2_tag_basic_meminfo(tag, &g->meminfo) == MB2_OK;
    case MB2_TAG_TYPE_BOOTDEV:
        return mb2_tag_bootdev(tag, &g->bootdev) == MB2_OK;
    case MB2_TAG_TYPE_FRAMEBUFFER:
        return mb2_tag_framebuffer(tag, &g->framebuffer) == MB2_OK;
    case MB2_TAG_TYPE_VBE:
        return mb2_tag_vbe(tag, &g->vbe) == MB2_OK;
    case MB2_TAG_TYPE_APM:
        return mb2_tag_apm(tag, &g->apm) == MB2_OK;
    case MB2_TAG_TYPE_SMBIOS:
        return mb2_tag_smbios(tag, &g->smbios) == MB2_OK;
    case MB2_TAG_TYPE_EFI32:
        return mb2_tag_efi_system_table(tag, &g->efi32) == MB2_OK;
    case MB2_TAG_TYPE_EFI64:
        return mb2_tag_efi_system_table(tag, &g->efi64) == MB2_OK;
    case MB2_TAG_TYPE_ACPI_OLD:
        mb2_tag_payload(tag, &g->acpi_old);
        return true;
    case MB2_TAG_TYPE_ACPI_NEW:
        mb2_tag_payload(tag, &g->acpi_new);
        return true;
    case MB2_TAG_TYPE_NETWORK:
        return mb2_tag_network(tag, &g->network) == MB2_OK;
    case MB2_TAG_TYPE_EFI_MMAP: {
        /* An unknown descriptor version is still passed on as bytes. */
        enum mb2_status st = mb2_efi_mmap(tag, &g->efi_mmap);
        return st == MB2_OK || st == MB2_UNSUPPORTED;
    }
    default:
        /* Command line, loader name and load base are the chainloader's own;
         * boot services and image handles end with GRUB's exit from them. */
        return false;
    }
}

enum chain_status chain_grub_read(struct chain_grub_info *g, uint32_t magic, uint32_t mbi,
                                  uint32_t *detail)
{
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    enum mb2_status st;

    *g = (struct chain_grub_info){0};
    *detail = (uint32_t)MB2_INVALID_ARGUMENT;
    if (magic != MB2_BOOTLOADER_MAGIC) {
        return CHAIN_BAD_BOOT_INFO;
    }
    st = mb2_info_load((const void *)(uintptr_t)mbi, CHAIN_GRUB_INFO_MAX, &g->info, NULL);
    *detail = (uint32_t)st;
    if (st != MB2_OK) {
        return CHAIN_BAD_BOOT_INFO;
    }
    mb2_tag_iter_init(&it, &g->info);
    while ((st = mb2_tag_next(&it, &tag)) == MB2_OK) {
        if (tag.type < 32 && decode(g, &tag)) {
            g->types |= BIT(tag.type);
        }
    }
    *detail = (uint32_t)(st == MB2_END ? MB2_NOT_FOUND : st);
    return st == MB2_END && (g->types & BIT(MB2_TAG_TYPE_MMAP)) != 0 ? CHAIN_OK
                                                                       : CHAIN_BAD_BOOT_INFO;
}

/* GRUB's tags passed on to the kernel as they came. */
#define PASSED_ON                                                                            \
    (BIT(MB2_TAG_TYPE_BASIC_MEMINFO) | BIT(MB2_TAG_TYPE_BOOTDEV) | BIT(MB2_TAG_TYPE_MMAP) |  \
     BIT(MB2_TAG_TYPE_FRAMEBUFFER) | BIT(MB2_TAG_TYPE_VBE) | BIT(MB2_TAG_TYPE_APM) |         \
     BIT(MB2_TAG_TYPE_EFI32) | BIT(MB2_TAG_TYPE_EFI64) | BIT(MB2_TAG_TYPE_SMBIOS) |          \
     BIT(MB2_TAG_TYPE_ACPI_OLD) | BIT(MB2_TAG_TYPE_ACPI_NEW) | BIT(MB2_TAG_TYPE_NETWORK) |   \
     BIT(MB2_TAG_TYPE_EFI_MMAP))

uint32_t chain_bootinfo_types(const struct chain_grub_info *g, const struct chain_plan *plan)
{
    /* The end tag and the module list (possibly empty) are always there. */
    uint32_t types = BIT(MB2_TAG_TYPE_END) | BIT(MB2_TAG_TYPE_CMDLINE) |
                     BIT(MB2_TAG_TYPE_BOOT_LOADER_NAME) | BIT(MB2_TAG_TYPE_MODULE) |
                     BIT(MB2_TAG_TYPE_LOAD_BASE_ADDR) | (g->types & PASSED_ON);
    if (plan->shnum != 0) {
        types |= BIT(MB2_TAG_TYPE_ELF_SECTIONS);
    }
    return types;
}

static void add_passed_on(struct mb2_builder *b, const struct chain_grub_info *g,
                          const struct chain_kernel_info *k)
{
    if (g->types & BIT(MB2_TAG_TYPE_BASIC_MEMINFO)) {
        (void)mb2_builder_add_basic_meminfo(b, g->meminfo.mem_lower, g->meminfo.mem_upper);
    }
    if (g->types & BIT(MB2_TAG_TYPE_BOOTDEV)) {
        (void)mb2_builder_add_bootdev(b, &g->bootdev);
    }
    (void)mb2_builder_add_mmap(b, k->mmap, k->mmap_count);
    if (g->types & BIT(MB2_TAG_TYPE_FRAMEBUFFER)) {
        (void)mb2_builder_add_framebuffer(b, &g->framebuffer);
    }
    if (g->types & BIT(MB2_TAG_TYPE_VBE)) {
        (void)mb2_builder_add_vbe(b, &g->vbe);
    }
    if (g->types & BIT(MB2_TAG_TYPE_APM)) {
        (void)mb2_builder_add_apm(b, &g->apm);
    }
    if (g->types & BIT(MB2_TAG_TYPE_EFI32)) {
        (void)mb2_builder_add_u32(b, MB2_TAG_TYPE_EFI32, (uint32_t)g->efi32);
    }
    if (g->types & BIT(MB2_TAG_TYPE_EFI64)) {
        (void)mb2_builder_add_u64(b, MB2_TAG_TYPE_EFI64, g->efi64);
    }
    if (g->types & BIT(MB2_TAG_TYPE_SMBIOS)) {
        (void)mb2_builder_add_smbios(b, g->smbios.major, g->smbios.minor, g->smbios.tables,
                                     g->smbios.len);
    }
    if (g->types & BIT(MB2_TAG_TYPE_ACPI_OLD)) {
        (void)mb2_builder_add_raw(b, MB2_TAG_TYPE_ACPI_OLD, g->acpi_old.bytes, g->acpi_old.len);
    }
    if (g->types & BIT(MB2_TAG_TYPE_ACPI_NEW)) {
        (void)mb2_builder_add_raw(b, MB2_TAG_TYPE_ACPI_NEW, g->acpi_new.bytes, g->acpi_new.len);
    }
    if (g->types & BIT(MB2_TAG_TYPE_NETWORK)) {
        (void)mb2_builder_add_raw(b, MB2_TAG_TYPE_NETWORK, g->network.bytes, g->network.len);
    }
    if (g->types & BIT(MB2_TAG_TYPE_EFI_MMAP)) {
        (void)mb2_builder_add_efi_mmap(b, g->efi_mmap.descriptor_size,
                                       g->efi_mmap.descriptor_version, g->efi_mmap.descriptors,
                                       (size_t)g->efi_mmap.count * g->efi_mmap.descriptor_size);
    }
}

enum chain_status chain_bootinfo_build(void *buf, size_t cap, const struct chain_grub_info *g,
                                       const struct chain_plan *plan,
                                       const struct chain_kernel_info *k, struct mb2_info *out,
                                       uint32_t *detail)
{
    struct mb2_builder b;
    uint32_t size = 0;

    /* The builder's first failure sticks, so only init and finish are checked. */
    enum mb2_status st = mb2_builder_init(&b, buf, cap);
    if (st == MB2_OK) {
        (void)mb2_builder_add_string(&b, MB2_TAG_TYPE_BOOT_LOADER_NAME, CHAIN_LOADER_NAME);
        (void)mb2_builder_add_string(&b, MB2_TAG_TYPE_CMDLINE, k->cmdline);
        for (uint32_t i = 0; i < k->module_count; i++) {
            (void)mb2_builder_add_module(&b, k->modules[i].mod_start, k->modules[i].mod_end,
                                         k->modules[i].string.string);
        }
        add_passed_on(&b, g, k);
        if (plan->shnum != 0) {
            (void)mb2_builder_add_elf_sections(&b, plan->shnum, plan->shentsize, plan->shstrndx,
                                               k->section_headers);
        }
        (void)mb2_builder_add_u32(&b, MB2_TAG_TYPE_LOAD_BASE_ADDR, k->load_base);
        st = mb2_builder_finish(&b, &size);
    }
    *detail = (uint32_t)st;
    if (st != MB2_OK) {
        return st == MB2_BUFFER_TOO_SMALL ? CHAIN_NO_MEMORY : CHAIN_BAD_BOOT_INFO;
    }
    /* What the kernel will check first: the structure as a whole (spec 3.6.1). */
    st = mb2_info_load(buf, cap, out, NULL);
    *detail = (uint32_t)st;
    return st == MB2_OK ? CHAIN_OK : CHAIN_BAD_BOOT_INFO;
}
