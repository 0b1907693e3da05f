/* Fuzz harness: the Multiboot2 boot-information parser. The input is the
 * structure; it is validated, then every tag goes through its typed accessor,
 * every memory map, EFI memory map and ELF section is iterated, and section
 * names are looked up with the input itself serving as physical memory from
 * address 0. A valid input is then rebuilt tag by tag with the builder and
 * must validate again with the same size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "multiboot2/multiboot2.h"

int fuzz_one(const uint8_t *data, size_t size);

struct memory {
    const uint8_t *data;
    size_t size;
};

static const void *input_map(void *ctx, uint64_t phys, size_t len)
{
    const struct memory *m = ctx;
    if (phys > m->size || len > m->size - phys)
        return NULL;
    return m->data + phys;
}

static void input_unmap(void *ctx, const void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static void walk_tag(const struct mb2_host *host, const struct mb2_tag *tag)
{
    union {
        struct mb2_string s;
        struct mb2_module m;
        struct mb2_basic_meminfo mi;
        struct mb2_bootdev bd;
        struct mb2_vbe vbe;
        struct mb2_framebuffer fb;
        struct mb2_apm apm;
        struct mb2_smbios sm;
        struct mb2_rsdp r;
        struct mb2_bytes b;
        uint64_t p64;
        uint32_t p32;
    } u;
    volatile uint64_t sink = 0;
    switch (tag->type) {
    case MB2_TAG_TYPE_CMDLINE:
    case MB2_TAG_TYPE_BOOT_LOADER_NAME:
        if (mb2_tag_string(tag, &u.s) == MB2_OK)
            sink += (uint64_t)u.s.string[u.s.len]; /* the NUL */
        break;
    case MB2_TAG_TYPE_MODULE:
        if (mb2_tag_module(tag, &u.m) == MB2_OK)
            sink += (uint64_t)u.m.string.string[u.m.string.len];
        break;
    case MB2_TAG_TYPE_BASIC_MEMINFO:
        sink += mb2_tag_basic_meminfo(tag, &u.mi);
        break;
    case MB2_TAG_TYPE_BOOTDEV:
        sink += mb2_tag_bootdev(tag, &u.bd);
        break;
    case MB2_TAG_TYPE_MMAP: {
        struct mb2_mmap mm;
        struct mb2_mmap_iter it;
        struct mb2_mmap_entry e;
        if (mb2_mmap(tag, &mm) == MB2_OK) {
            mb2_mmap_iter_init(&it, &mm);
            while (mb2_mmap_next(&it, &e) == MB2_OK)
                sink += e.base_addr + e.length + e.type;
        }
        break;
    }
    case MB2_TAG_TYPE_VBE:
        if (mb2_tag_vbe(tag, &u.vbe) == MB2_OK)
            sink += (uint64_t)u.vbe.vbe_control_info[511] + u.vbe.vbe_mode_info[255];
        break;
    case MB2_TAG_TYPE_FRAMEBUFFER:
        if (mb2_tag_framebuffer(tag, &u.fb) == MB2_OK && u.fb.framebuffer_palette_num_colors > 0)
            sink += u.fb.framebuffer_palette[(size_t)u.fb.framebuffer_palette_num_colors * 3 - 1];
        break;
    case MB2_TAG_TYPE_ELF_SECTIONS: {
        struct mb2_elf_sections es;
        struct mb2_elf_section_iter it;
        struct mb2_elf_section s;
        char name[64];
        if (mb2_elf_sections(tag, &es) == MB2_OK) {
            mb2_elf_section_iter_init(&it, &es);
            while (mb2_elf_section_next(&it, &s) == MB2_OK) {
                if (mb2_elf_section_name(host, &es, &s, name, sizeof(name)) == MB2_OK)
                    sink += strlen(name);
            }
        }
        break;
    }
    case MB2_TAG_TYPE_APM:
        sink += mb2_tag_apm(tag, &u.apm);
        break;
    case MB2_TAG_TYPE_EFI32:
    case MB2_TAG_TYPE_EFI64:
        sink += mb2_tag_efi_system_table(tag, &u.p64);
        break;
    case MB2_TAG_TYPE_EFI32_IH:
    case MB2_TAG_TYPE_EFI64_IH:
        sink += mb2_tag_efi_image_handle(tag, &u.p64);
        break;
    case MB2_TAG_TYPE_SMBIOS:
        if (mb2_tag_smbios(tag, &u.sm) == MB2_OK && u.sm.len > 0)
            sink += u.sm.tables[u.sm.len - 1];
        break;
    case MB2_TAG_TYPE_ACPI_OLD:
    case MB2_TAG_TYPE_ACPI_NEW:
        if (mb2_tag_acpi_rsdp(tag, &u.r) != MB2_TAG_TRUNCATED)
            sink += u.r.bytes[u.r.len - 1];
        break;
    case MB2_TAG_TYPE_NETWORK:
        sink += mb2_tag_network(tag, &u.b);
        break;
    case MB2_TAG_TYPE_EFI_MMAP: {
        struct mb2_efi_mmap em;
        struct mb2_efi_mmap_iter it;
        struct mb2_efi_memory_descriptor d;
        if (mb2_efi_mmap(tag, &em) == MB2_OK) {
            mb2_efi_mmap_iter_init(&it, &em);
            while (mb2_efi_mmap_next(&it, &d) == MB2_OK)
                sink += d.physical_start + d.number_of_pages;
        }
        break;
    }
    case MB2_TAG_TYPE_LOAD_BASE_ADDR:
        sink += mb2_tag_load_base_addr(tag, &u.p32);
        break;
    default:
        mb2_tag_payload(tag, &u.b);
        if (u.b.len > 0)
            sink += u.b.bytes[u.b.len - 1];
        break;
    }
    (void)sink;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct mb2_info info;
    uint32_t bad;
    if (mb2_info_load(data, size, &info, &bad) != MB2_OK)
        return 0;
    struct memory mem = {data, size};
    const struct mb2_host host = {&mem, input_map, input_unmap};
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    mb2_tag_iter_init(&it, &info);
    while (mb2_tag_next(&it, &tag) == MB2_OK)
        walk_tag(&host, &tag);

    /* Rebuild: every tag copied raw must give a valid structure of the same
     * size (the walk above stopped at the first end tag, so may the copy). */
    uint8_t *copy = aligned_alloc(8, ((size_t)info.total_size + 7) & ~(size_t)7);
    if (copy == NULL)
        return 0;
    struct mb2_builder b;
    if (mb2_builder_init(&b, copy, info.total_size) == MB2_OK) {
        mb2_tag_iter_init(&it, &info);
        while (mb2_tag_next(&it, &tag) == MB2_OK) {
            struct mb2_bytes raw;
            mb2_tag_payload(&tag, &raw);
            if (mb2_builder_add_raw(&b, tag.type, raw.bytes, raw.len) != MB2_OK)
                abort();
        }
        uint32_t built;
        struct mb2_info again;
        if (mb2_builder_finish(&b, &built) != MB2_OK || built > info.total_size ||
            mb2_info_load(copy, built, &again, NULL) != MB2_OK)
            abort();
    }
    free(copy);
    return 0;
}
