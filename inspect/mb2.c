/* osdev-inspect mb2 [--json] [--mem DIR] FILE: validate a Multiboot2
 * boot-information image (the bytes a bootloader passed in EBX) with the
 * multiboot2 library and print every tag decoded. A structure that fails
 * validation is reported with the validator's status and the offset of the
 * offending tag (status 1); a tag whose contents are malformed gets an "error"
 * member and status 1 too. With --mem, DIR holds a memory snapshot in the
 * fixtures' ranges.txt format, served through the map contract so ELF
 * section names can be read from the string table GRUB loaded. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "inspect.h"
#include "multiboot2/multiboot2.h"

/* A memory snapshot: up to MEM_MAX_RANGES files at physical addresses. */
#define MEM_MAX_RANGES 32

struct mem_range {
    uint64_t base;
    uint8_t *bytes;
    size_t len;
};

struct memory {
    struct mem_range ranges[MEM_MAX_RANGES];
    size_t count;
};

/* Load DIR/ranges.txt ("<hex base> <hex length> <file>" lines, '#' comments);
 * 0 on success, -1 with a message on stderr. */
static int memory_load(struct memory *m, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/ranges.txt", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    char line[4096];
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
        unsigned long long base, len;
        char name[1024];
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "%llx %llx %1023s", &base, &len, name) != 3 || m->count == MEM_MAX_RANGES) {
            fprintf(stderr, "%s: bad line: %s", path, line);
            rc = -1;
            break;
        }
        struct mem_range *r = &m->ranges[m->count];
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        if (inspect_read_file(path, &r->bytes, &r->len) != 0 || r->len != len) {
            fprintf(stderr, "%s: unreadable or not %llu bytes\n", path, len);
            free(r->bytes);
            rc = -1;
            break;
        }
        r->base = base;
        m->count++;
    }
    fclose(f);
    return rc;
}

static void memory_free(struct memory *m)
{
    for (size_t i = 0; i < m->count; i++)
        free(m->ranges[i].bytes);
    m->count = 0;
}

/* The map contract over the snapshot: only ranges inside one file. */
static const void *memory_map(void *ctx, uint64_t phys, size_t len)
{
    const struct memory *m = ctx;
    for (size_t i = 0; i < m->count; i++) {
        const struct mem_range *r = &m->ranges[i];
        if (phys >= r->base && phys - r->base <= r->len && len <= r->len - (phys - r->base))
            return r->bytes + (phys - r->base);
    }
    return NULL;
}

static void memory_unmap(void *ctx, const void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

/* Where fields go: JSON members, or "key value" text on one line per item.
 * HOST is set when a memory snapshot was given. */
struct out {
    bool json;
    struct json j;
    FILE *f;
    const struct mb2_host *host;
};

static void field(struct out *o, const char *key, uint64_t v)
{
    if (o->json)
        json_kv_uint(&o->j, key, v);
    else
        fprintf(o->f, " %s 0x%" PRIx64, key, v);
}

static void field_str(struct out *o, const char *key, const char *s, size_t len)
{
    if (o->json) {
        json_kv_string_n(&o->j, key, s, len);
    } else {
        fprintf(o->f, " %s \"", key);
        for (size_t i = 0; i < len && s[i] != 0; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
                fputc(c, o->f);
            else
                fprintf(o->f, "\\x%02x", c);
        }
        fputc('"', o->f);
    }
}

static void list_begin(struct out *o, const char *key)
{
    if (o->json) {
        json_key(&o->j, key);
        json_begin_array(&o->j);
    }
}

static void list_end(struct out *o)
{
    if (o->json)
        json_end_array(&o->j);
}

static void item_begin(struct out *o)
{
    if (o->json)
        json_begin_object(&o->j);
    else
        fputs("\n     ", o->f);
}

static void item_end(struct out *o)
{
    if (o->json)
        json_end_object(&o->j);
}

/* Report a malformed tag; returns false so callers can count it. */
static bool tag_error(struct out *o, enum mb2_status st)
{
    if (o->json)
        json_kv_string(&o->j, "error", mb2_status_str(st));
    else
        fprintf(o->f, " ERROR: %s", mb2_status_str(st));
    return false;
}

static bool show_mmap(struct out *o, const struct mb2_tag *tag)
{
    struct mb2_mmap mm;
    enum mb2_status st = mb2_mmap(tag, &mm);
    if (st != MB2_OK)
        return tag_error(o, st);
    field(o, "entry_size", mm.entry_size);
    field(o, "entry_version", mm.entry_version);
    list_begin(o, "entries");
    struct mb2_mmap_iter it;
    struct mb2_mmap_entry e;
    mb2_mmap_iter_init(&it, &mm);
    while (mb2_mmap_next(&it, &e) == MB2_OK) {
        item_begin(o);
        field(o, "base_addr", e.base_addr);
        field(o, "length", e.length);
        field(o, "type", e.type);
        if (!o->json)
            fprintf(o->f, " (%s)", mb2_memory_type_name(e.type));
        item_end(o);
    }
    list_end(o);
    return true;
}

static bool show_efi_mmap(struct out *o, const struct mb2_tag *tag)
{
    struct mb2_efi_mmap map;
    enum mb2_status st = mb2_efi_mmap(tag, &map);
    if (st != MB2_OK && st != MB2_UNSUPPORTED)
        return tag_error(o, st);
    field(o, "descriptor_size", map.descriptor_size);
    field(o, "descriptor_version", map.descriptor_version);
    if (st != MB2_OK)
        return tag_error(o, st);
    list_begin(o, "descriptors");
    struct mb2_efi_mmap_iter it;
    struct mb2_efi_memory_descriptor d;
    mb2_efi_mmap_iter_init(&it, &map);
    while (mb2_efi_mmap_next(&it, &d) == MB2_OK) {
        item_begin(o);
        field(o, "type", d.type);
        field(o, "physical_start", d.physical_start);
        field(o, "virtual_start", d.virtual_start);
        field(o, "number_of_pages", d.number_of_pages);
        field(o, "attribute", d.attribute);
        item_end(o);
    }
    list_end(o);
    return true;
}

static bool show_elf_sections(struct out *o, const struct mb2_tag *tag)
{
    struct mb2_elf_sections es;
    enum mb2_status st = mb2_elf_sections(tag, &es);
    if (st != MB2_OK)
        return tag_error(o, st);
    field(o, "num", es.num);
    field(o, "entsize", es.entsize);
    field(o, "shndx", es.shndx);
    list_begin(o, "sections");
    struct mb2_elf_section_iter it;
    struct mb2_elf_section s;
    mb2_elf_section_iter_init(&it, &es);
    while (mb2_elf_section_next(&it, &s) == MB2_OK) {
        item_begin(o);
        field(o, "sh_name", s.sh_name);
        field(o, "sh_type", s.sh_type);
        field(o, "sh_flags", s.sh_flags);
        field(o, "sh_addr", s.sh_addr);
        field(o, "sh_offset", s.sh_offset);
        field(o, "sh_size", s.sh_size);
        char name[256];
        if (o->host != NULL) {
            enum mb2_status ns = mb2_elf_section_name(o->host, &es, &s, name, sizeof(name));
            if (ns == MB2_OK)
                field_str(o, "name", name, sizeof(name));
            else if (o->json)
                json_kv_null(&o->j, "name");
        }
        item_end(o);
    }
    list_end(o);
    return true;
}

static bool show_framebuffer(struct out *o, const struct mb2_tag *tag)
{
    struct mb2_framebuffer fb;
    enum mb2_status st = mb2_tag_framebuffer(tag, &fb);
    if (st != MB2_OK)
        return tag_error(o, st);
    field(o, "framebuffer_addr", fb.framebuffer_addr);
    field(o, "framebuffer_pitch", fb.framebuffer_pitch);
    field(o, "framebuffer_width", fb.framebuffer_width);
    field(o, "framebuffer_height", fb.framebuffer_height);
    field(o, "framebuffer_bpp", fb.framebuffer_bpp);
    field(o, "framebuffer_type", fb.framebuffer_type);
    if (fb.framebuffer_type == MB2_FRAMEBUFFER_TYPE_INDEXED) {
        field(o, "framebuffer_palette_num_colors", fb.framebuffer_palette_num_colors);
    } else if (fb.framebuffer_type == MB2_FRAMEBUFFER_TYPE_RGB) {
        field(o, "framebuffer_red_field_position", fb.rgb.framebuffer_red_field_position);
        field(o, "framebuffer_red_mask_size", fb.rgb.framebuffer_red_mask_size);
        field(o, "framebuffer_green_field_position", fb.rgb.framebuffer_green_field_position);
        field(o, "framebuffer_green_mask_size", fb.rgb.framebuffer_green_mask_size);
        field(o, "framebuffer_blue_field_position", fb.rgb.framebuffer_blue_field_position);
        field(o, "framebuffer_blue_mask_size", fb.rgb.framebuffer_blue_mask_size);
    }
    return true;
}

static bool show_rsdp(struct out *o, const struct mb2_tag *tag)
{
    struct mb2_rsdp r;
    enum mb2_status st = mb2_tag_acpi_rsdp(tag, &r);
    if (st == MB2_TAG_TRUNCATED || st == MB2_INVALID_ARGUMENT)
        return tag_error(o, st);
    field_str(o, "signature", r.signature, sizeof(r.signature));
    field_str(o, "oem_id", r.oem_id, sizeof(r.oem_id));
    field(o, "revision", r.revision);
    field(o, "rsdt_address", r.rsdt_address);
    if (tag->type == MB2_TAG_TYPE_ACPI_NEW) {
        field(o, "length", r.length);
        field(o, "xsdt_address", r.xsdt_address);
    }
    return st == MB2_OK ? true : tag_error(o, st);
}

/* The fields of one tag; false when its contents are malformed. */
static bool show_fields(struct out *o, const struct mb2_tag *tag)
{
    enum mb2_status st = MB2_OK;
    switch (tag->type) {
    case MB2_TAG_TYPE_CMDLINE:
    case MB2_TAG_TYPE_BOOT_LOADER_NAME: {
        struct mb2_string s;
        if ((st = mb2_tag_string(tag, &s)) == MB2_OK)
            field_str(o, "string", s.string, s.len);
        break;
    }
    case MB2_TAG_TYPE_MODULE: {
        struct mb2_module m;
        if ((st = mb2_tag_module(tag, &m)) == MB2_OK) {
            field(o, "mod_start", m.mod_start);
            field(o, "mod_end", m.mod_end);
            field_str(o, "string", m.string.string, m.string.len);
        }
        break;
    }
    case MB2_TAG_TYPE_BASIC_MEMINFO: {
        struct mb2_basic_meminfo mi;
        if ((st = mb2_tag_basic_meminfo(tag, &mi)) == MB2_OK) {
            field(o, "mem_lower", mi.mem_lower);
            field(o, "mem_upper", mi.mem_upper);
        }
        break;
    }
    case MB2_TAG_TYPE_BOOTDEV: {
        struct mb2_bootdev bd;
        if ((st = mb2_tag_bootdev(tag, &bd)) == MB2_OK) {
            field(o, "biosdev", bd.biosdev);
            field(o, "partition", bd.partition);
            field(o, "sub_partition", bd.sub_partition);
        }
        break;
    }
    case MB2_TAG_TYPE_MMAP:
        return show_mmap(o, tag);
    case MB2_TAG_TYPE_VBE: {
        struct mb2_vbe v;
        if ((st = mb2_tag_vbe(tag, &v)) == MB2_OK) {
            field(o, "vbe_mode", v.vbe_mode);
            field(o, "vbe_interface_seg", v.vbe_interface_seg);
            field(o, "vbe_interface_off", v.vbe_interface_off);
            field(o, "vbe_interface_len", v.vbe_interface_len);
        }
        break;
    }
    case MB2_TAG_TYPE_FRAMEBUFFER:
        return show_framebuffer(o, tag);
    case MB2_TAG_TYPE_ELF_SECTIONS:
        return show_elf_sections(o, tag);
    case MB2_TAG_TYPE_APM: {
        struct mb2_apm a;
        if ((st = mb2_tag_apm(tag, &a)) == MB2_OK) {
            field(o, "version", a.version);
            field(o, "cseg", a.cseg);
            /* The spec's `offset` (entry point in cseg): `offset` is the tag's own. */
            field(o, "entry_offset", a.offset);
            field(o, "cseg_16", a.cseg_16);
            field(o, "dseg", a.dseg);
            field(o, "flags", a.flags);
            field(o, "cseg_len", a.cseg_len);
            field(o, "cseg_16_len", a.cseg_16_len);
            field(o, "dseg_len", a.dseg_len);
        }
        break;
    }
    case MB2_TAG_TYPE_EFI32:
    case MB2_TAG_TYPE_EFI64: {
        uint64_t p;
        if ((st = mb2_tag_efi_system_table(tag, &p)) == MB2_OK)
            field(o, "pointer", p);
        break;
    }
    case MB2_TAG_TYPE_EFI32_IH:
    case MB2_TAG_TYPE_EFI64_IH: {
        uint64_t p;
        if ((st = mb2_tag_efi_image_handle(tag, &p)) == MB2_OK)
            field(o, "pointer", p);
        break;
    }
    case MB2_TAG_TYPE_SMBIOS: {
        struct mb2_smbios sm;
        if ((st = mb2_tag_smbios(tag, &sm)) == MB2_OK) {
            field(o, "major", sm.major);
            field(o, "minor", sm.minor);
            field(o, "tables_length", sm.len);
        }
        break;
    }
    case MB2_TAG_TYPE_ACPI_OLD:
    case MB2_TAG_TYPE_ACPI_NEW:
        return show_rsdp(o, tag);
    case MB2_TAG_TYPE_NETWORK: {
        struct mb2_bytes b;
        if ((st = mb2_tag_network(tag, &b)) == MB2_OK)
            field(o, "dhcpack_length", b.len);
        break;
    }
    case MB2_TAG_TYPE_EFI_MMAP:
        return show_efi_mmap(o, tag);
    case MB2_TAG_TYPE_LOAD_BASE_ADDR: {
        uint32_t base;
        if ((st = mb2_tag_load_base_addr(tag, &base)) == MB2_OK)
            field(o, "load_base_addr", base);
        break;
    }
    default: /* EFI_BS carries nothing; unknown and vendor tags: raw length */
        if (tag->type != MB2_TAG_TYPE_EFI_BS)
            field(o, "payload_length", tag->size - 8u);
        break;
    }
    return st == MB2_OK ? true : tag_error(o, st);
}

static int report(struct out *o, const char *path, const uint8_t *data, size_t len)
{
    struct mb2_info info;
    uint32_t bad = 0;
    enum mb2_status st = mb2_info_load(data, len, &info, &bad);
    if (st != MB2_OK) {
        if (o->json) {
            json_begin_object(&o->j);
            json_kv_string(&o->j, "error", mb2_status_str(st));
            json_kv_uint(&o->j, "status", (uint64_t)st);
            json_kv_uint(&o->j, "offset", bad);
            json_end_object(&o->j);
            json_finish(&o->j);
        } else {
            fprintf(o->f, "%s: invalid boot information: %s (status %d) at offset 0x%x\n", path,
                    mb2_status_str(st), (int)st, bad);
        }
        return 1;
    }
    int malformed = 0;
    if (o->json) {
        json_begin_object(&o->j);
        json_kv_uint(&o->j, "total_size", info.total_size);
        json_key(&o->j, "tags");
        json_begin_array(&o->j);
    } else {
        fprintf(o->f, "%s: total_size %u\n", path, info.total_size);
    }
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    mb2_tag_iter_init(&it, &info);
    while (mb2_tag_next(&it, &tag) == MB2_OK) {
        const char *name = mb2_tag_type_name(tag.type);
        if (o->json) {
            json_begin_object(&o->j);
            json_kv_uint(&o->j, "type", tag.type);
            if (name != NULL)
                json_kv_string(&o->j, "name", name);
            else
                json_kv_null(&o->j, "name");
            json_kv_uint(&o->j, "size", tag.size);
            json_kv_uint(&o->j, "offset", tag.offset);
        } else {
            fprintf(o->f, "tag @+0x%04x: type %u (%s), size %u\n   ", tag.offset, tag.type,
                    name != NULL ? name : "unknown", tag.size);
        }
        if (!show_fields(o, &tag))
            malformed++;
        if (o->json)
            json_end_object(&o->j);
        else
            fputc('\n', o->f);
    }
    if (o->json) {
        json_end_array(&o->j);
        json_end_object(&o->j);
        json_finish(&o->j);
    }
    return malformed > 0 ? 1 : 0;
}

int inspect_mb2_main(int argc, char **argv)
{
    struct out o = {.json = false, .f = stdout, .host = NULL};
    const char *path = NULL;
    const char *mem_dir = NULL;
    bool usage = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            o.json = true;
        } else if (strcmp(argv[i], "--mem") == 0 && i + 1 < argc) {
            mem_dir = argv[++i];
        } else if (path == NULL && argv[i][0] != '-') {
            path = argv[i];
        } else {
            usage = true;
        }
    }
    if (path == NULL || usage) {
        fputs("usage: osdev-inspect mb2 [--json] [--mem DIR] FILE\n", stderr);
        return 2;
    }
    uint8_t *data = NULL;
    size_t len = 0;
    if (inspect_read_file(path, &data, &len) != 0) {
        perror(path);
        return 2;
    }
    /* The validator wants the structure 8-byte aligned, as a bootloader
     * places it; malloc's result is. */
    static struct memory mem;
    const struct mb2_host host = {&mem, memory_map, memory_unmap};
    if (mem_dir != NULL) {
        if (memory_load(&mem, mem_dir) != 0) {
            memory_free(&mem);
            free(data);
            return 2;
        }
        o.host = &host;
    }
    if (o.json)
        json_init(&o.j, stdout);
    int rc = report(&o, path, data, len);
    memory_free(&mem);
    free(data);
    return rc;
}
