/* See bootinfo.h. Tag layouts: Multiboot2 specification 3.6. */
#include "bootinfo.h"

#include "console.h"
#include "crc32.h"
#include "format.h"

/* GRUB's boot information is a few KiB; this bounds what a corrupt
 * total_size could make the kernel read. */
#define BOOT_INFO_MAX_SIZE ((size_t)64 * 1024)
/* Modules whose text the report shows in full. */
#define MODULE_TEXT_MAX 256u

static enum mb2_status collect(struct boot_info *b, const struct mb2_tag *tag)
{
    enum mb2_status st = MB2_OK;

    switch (tag->type) {
    case MB2_TAG_TYPE_CMDLINE:
        st = mb2_tag_string(tag, &b->cmdline);
        b->have_cmdline = st == MB2_OK;
        break;
    case MB2_TAG_TYPE_BOOT_LOADER_NAME:
        st = mb2_tag_string(tag, &b->loader);
        b->have_loader = st == MB2_OK;
        break;
    case MB2_TAG_TYPE_MODULE:
        if (b->module_count < BOOT_MAX_MODULES) {
            st = mb2_tag_module(tag, &b->modules[b->module_count]);
            b->module_count += st == MB2_OK ? 1u : 0u;
        }
        break;
    case MB2_TAG_TYPE_MMAP:
        st = mb2_mmap(tag, &b->mmap);
        b->have_mmap = st == MB2_OK;
        break;
    case MB2_TAG_TYPE_FRAMEBUFFER:
        st = mb2_tag_framebuffer(tag, &b->fb);
        b->have_fb = st == MB2_OK;
        break;
    case MB2_TAG_TYPE_ACPI_NEW:
        st = mb2_tag_acpi_rsdp(tag, &b->rsdp_new);
        b->have_rsdp_new = st == MB2_OK;
        break;
    case MB2_TAG_TYPE_ACPI_OLD:
        st = mb2_tag_acpi_rsdp(tag, &b->rsdp_old);
        b->have_rsdp_old = st == MB2_OK;
        break;
    case MB2_TAG_TYPE_EFI64:
        st = mb2_tag_efi_system_table(tag, &b->efi64_system_table);
        b->have_efi64 = st == MB2_OK;
        break;
    default:
        break;
    }
    return st;
}

enum mb2_status boot_info_read(struct boot_info *b, uint32_t magic, uint64_t mbi)
{
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    enum mb2_status st;
    enum mb2_status first_bad = MB2_OK;

    *b = (struct boot_info){0};
    b->phys = mbi;
    if (magic != MB2_BOOTLOADER_MAGIC) {
        return MB2_INVALID_ARGUMENT;
    }
    st = mb2_info_load((const void *)(uintptr_t)mbi, BOOT_INFO_MAX_SIZE, &b->info, NULL);
    if (st != MB2_OK) {
        return st;
    }
    mb2_tag_iter_init(&it, &b->info);
    while ((st = mb2_tag_next(&it, &tag)) == MB2_OK) {
        enum mb2_status tag_st = collect(b, &tag);
        if (tag_st != MB2_OK && first_bad == MB2_OK) {
            first_bad = tag_st;
        }
    }
    if (st != MB2_END) {
        return st;
    }
    if (b->have_mmap) {
        struct mb2_mmap_iter mi;
        struct mb2_mmap_entry e;
        mb2_mmap_iter_init(&mi, &b->mmap);
        while (mb2_mmap_next(&mi, &e) == MB2_OK) {
            if (e.type == MB2_MEMORY_AVAILABLE) {
                b->usable_bytes += e.length;
            }
        }
    }
    return first_bad;
}

static void print_module(unsigned index, const struct mb2_module *m)
{
    char text[4 * MODULE_TEXT_MAX + 1];
    char string[128];
    const uint8_t *bytes = (const uint8_t *)(uintptr_t)m->mod_start;
    uint32_t size = m->mod_end >= m->mod_start ? m->mod_end - m->mod_start : 0;

    (void)format_escaped(string, sizeof string, m->string.string, m->string.len);
    console_printf("module index=%u start=0x%x end=0x%x size=%u crc32=0x%08x string=\"%s\"", index,
                   m->mod_start, m->mod_end, size, crc32(bytes, size), string);
    if (size <= MODULE_TEXT_MAX && format_escaped(text, sizeof text, bytes, size)) {
        console_printf(" text=\"%s\"", text);
    }
    console_printf("\n");
}

void boot_info_print(const struct boot_info *b)
{
    char text[512];

    console_printf("multiboot2 mbi=0x%llx total_size=%u\n", (unsigned long long)b->phys,
                   b->info.total_size);
    if (b->have_loader) {
        (void)format_escaped(text, sizeof text, b->loader.string, b->loader.len);
        console_printf("loader name=\"%s\"\n", text);
    }
    if (b->have_cmdline) {
        (void)format_escaped(text, sizeof text, b->cmdline.string, b->cmdline.len);
        console_printf("cmdline text=\"%s\"\n", text);
    }
    for (unsigned i = 0; i < b->module_count; i++) {
        print_module(i, &b->modules[i]);
    }
    if (b->have_mmap) {
        struct mb2_mmap_iter it;
        struct mb2_mmap_entry e;
        mb2_mmap_iter_init(&it, &b->mmap);
        while (mb2_mmap_next(&it, &e) == MB2_OK) {
            console_printf("mmap base=0x%llx length=0x%llx type=%u (%s)\n",
                           (unsigned long long)e.base_addr, (unsigned long long)e.length, e.type,
                           mb2_memory_type_name(e.type));
        }
        console_printf("memory usable=%llu (%llu MiB)\n", (unsigned long long)b->usable_bytes,
                       (unsigned long long)(b->usable_bytes >> 20));
    }
    if (b->have_fb) {
        console_printf("framebuffer addr=0x%llx width=%u height=%u pitch=%u bpp=%u type=%u\n",
                       (unsigned long long)b->fb.framebuffer_addr, b->fb.framebuffer_width,
                       b->fb.framebuffer_height, b->fb.framebuffer_pitch, b->fb.framebuffer_bpp,
                       b->fb.framebuffer_type);
    }
    if (b->have_efi64) {
        console_printf("efi64 system_table=0x%llx\n", (unsigned long long)b->efi64_system_table);
    }
}
