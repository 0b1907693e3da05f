/* Typed accessors and memory maps on GRUB 2.06's captures, every expected
 * value from the capture script's .txt decoding, the module against mod.bin
 * and the EFI capture's RSDP copies against the qemu/q35-ovmf fixture; then
 * malformed tags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "mock_mem.h"
#include "multiboot2/mmap.h"
#include "multiboot2/tags.h"
#include "support.h"
#include "truth.h"

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* A writable tag: HDR type/size then PAYLOAD, in an exactly-sized buffer. */
static struct mb2_tag make_tag(uint8_t *buf, uint32_t type, const void *payload, uint32_t len)
{
    put32(buf, type);
    put32(buf + 4, 8 + len);
    memcpy(buf + 8, payload, len);
    return (struct mb2_tag){type, 8 + len, 8, buf};
}

static void find(const struct fixture *f, uint32_t type, struct mb2_tag *tag)
{
    assert_int_equal(mb2_tag_find(&f->info, type, tag), MB2_OK);
}

static void test_strings_and_module(void **state)
{
    (void)state;
    size_t mod_len;
    uint8_t *mod = fixture_file("fixtures/multiboot2/mod.bin", &mod_len);
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        struct mb2_tag tag;
        struct mb2_string s;
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        find(&f, MB2_TAG_TYPE_CMDLINE, &tag);
        assert_int_equal(mb2_tag_string(&tag, &s), MB2_OK);
        assert_string_equal(s.string, t.cmdline);
        assert_int_equal(s.len, strlen(t.cmdline));
        find(&f, MB2_TAG_TYPE_BOOT_LOADER_NAME, &tag);
        assert_int_equal(mb2_tag_string(&tag, &s), MB2_OK);
        assert_string_equal(s.string, t.boot_loader_name);

        struct mb2_module m;
        find(&f, MB2_TAG_TYPE_MODULE, &tag);
        assert_int_equal(mb2_tag_module(&tag, &m), MB2_OK);
        assert_int_equal(m.mod_start, t.mod_start);
        assert_int_equal(m.mod_end, t.mod_end);
        assert_int_equal(m.mod_end - m.mod_start, t.mod_len);
        assert_int_equal(m.mod_end - m.mod_start, mod_len);
        assert_string_equal(m.string.string, t.mod_string);

        /* The snapshot holds the module where GRUB put it below 1 MiB (EFI). */
        struct mock_mem mem;
        char rel[128];
        mock_mem_init(&mem);
        snprintf(rel, sizeof(rel), "fixtures/multiboot2/%s.mem", fixture_names[i]);
        assert_true(mock_mem_load_ranges(&mem, support_path(rel)) > 0);
        const uint8_t *content = mock_mem_at(&mem, m.mod_start, m.mod_end - m.mod_start);
        if (truth_find(&t, MB2_TAG_TYPE_EFI64) >= 0)
            assert_non_null(content);
        if (content != NULL)
            assert_memory_equal(content, mod, mod_len);
        else
            assert_true(m.mod_start >= 0x100000); /* only the MBI page was kept there */
        mock_mem_free(&mem);

        uint32_t base;
        find(&f, MB2_TAG_TYPE_LOAD_BASE_ADDR, &tag);
        assert_int_equal(mb2_tag_load_base_addr(&tag, &base), MB2_OK);
        assert_int_equal(base, t.load_base_addr);
        /* A typed accessor refuses another tag type. */
        assert_int_equal(mb2_tag_module(&tag, &m), MB2_INVALID_ARGUMENT);
        assert_int_equal(mb2_tag_string(&tag, &s), MB2_INVALID_ARGUMENT);
        fixture_free(&f);
    }
    free(mod);
}

static void test_meminfo_bootdev_apm_fb(void **state)
{
    (void)state;
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        struct mb2_tag tag;
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        struct mb2_basic_meminfo mi;
        find(&f, MB2_TAG_TYPE_BASIC_MEMINFO, &tag);
        assert_int_equal(mb2_tag_basic_meminfo(&tag, &mi), MB2_OK);
        assert_int_equal(mi.mem_lower, t.mem_lower);
        assert_int_equal(mi.mem_upper, t.mem_upper);

        const bool bios = truth_find(&t, MB2_TAG_TYPE_APM) >= 0;
        if (!bios) {
            /* EFI: no BOOTDEV, APM or FRAMEBUFFER; mem_upper stops at the
             * NVS hole at 8 MiB (fixtures README). */
            assert_int_equal(mi.mem_upper, 7168);
            assert_int_equal(mb2_tag_find(&f.info, MB2_TAG_TYPE_FRAMEBUFFER, &tag), MB2_NOT_FOUND);
            assert_int_equal(mb2_tag_find(&f.info, MB2_TAG_TYPE_BOOTDEV, &tag), MB2_NOT_FOUND);
            uint64_t st;
            find(&f, MB2_TAG_TYPE_EFI64, &tag);
            assert_int_equal(mb2_tag_efi_system_table(&tag, &st), MB2_OK);
            assert_int_equal(st, t.efi64_system_table);
            fixture_free(&f);
            continue;
        }
        struct mb2_bootdev bd;
        find(&f, MB2_TAG_TYPE_BOOTDEV, &tag);
        assert_int_equal(mb2_tag_bootdev(&tag, &bd), MB2_OK);
        assert_int_equal(bd.biosdev, t.biosdev);
        assert_int_equal(bd.biosdev, 0xe0); /* the CD */
        assert_int_equal(bd.partition, t.partition);
        assert_int_equal(bd.sub_partition, t.sub_partition);

        struct mb2_apm apm;
        find(&f, MB2_TAG_TYPE_APM, &tag);
        assert_int_equal(mb2_tag_apm(&tag, &apm), MB2_OK);
        assert_int_equal(apm.version, t.apm[0]);
        assert_int_equal(apm.cseg, t.apm[1]);
        assert_int_equal(apm.offset, t.apm[2]);
        assert_int_equal(apm.cseg_16, t.apm[3]);
        assert_int_equal(apm.dseg, t.apm[4]);
        assert_int_equal(apm.flags, t.apm[5]);
        assert_int_equal(apm.cseg_len, t.apm[6]);
        assert_int_equal(apm.cseg_16_len, t.apm[7]);

        struct mb2_framebuffer fb;
        find(&f, MB2_TAG_TYPE_FRAMEBUFFER, &tag);
        assert_int_equal(mb2_tag_framebuffer(&tag, &fb), MB2_OK);
        assert_int_equal(fb.framebuffer_addr, t.fb_addr);
        assert_int_equal(fb.framebuffer_pitch, t.fb_pitch);
        assert_int_equal(fb.framebuffer_width, t.fb_width);
        assert_int_equal(fb.framebuffer_height, t.fb_height);
        assert_int_equal(fb.framebuffer_bpp, t.fb_bpp);
        assert_int_equal(fb.framebuffer_type, t.fb_type);
        /* EGA text 80x25 at 0xB8000 (fixtures README). */
        assert_int_equal(fb.framebuffer_type, MB2_FRAMEBUFFER_TYPE_EGA_TEXT);
        assert_null(fb.framebuffer_palette);
        fixture_free(&f);
    }
}

static void test_mmap(void **state)
{
    (void)state;
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        struct mb2_tag tag;
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        struct mb2_mmap mm;
        find(&f, MB2_TAG_TYPE_MMAP, &tag);
        assert_int_equal(mb2_mmap(&tag, &mm), MB2_OK);
        assert_int_equal(mm.entry_size, t.entry_size);
        assert_int_equal(mm.entry_version, t.entry_version);
        assert_int_equal(mm.count, t.nmmap);
        struct mb2_mmap_iter it;
        struct mb2_mmap_entry e;
        size_t n = 0;
        bool type20 = false, above_1t = false;
        mb2_mmap_iter_init(&it, &mm);
        while (mb2_mmap_next(&it, &e) == MB2_OK) {
            assert_true(n < t.nmmap);
            assert_int_equal(e.base_addr, t.mmap[n].first);
            assert_int_equal(e.length, t.mmap[n].len);
            assert_int_equal(e.base_addr + e.length - 1, t.mmap[n].last);
            assert_int_equal(e.type, t.mmap[n].type);
            if (e.type == 20) {
                type20 = true; /* EfiRuntimeServicesCode as GRUB passes it */
                assert_string_equal(mb2_memory_type_name(e.type), "reserved");
            }
            above_1t |= e.base_addr == 0xFD00000000ull;
            n++;
        }
        assert_int_equal(n, t.nmmap);
        assert_int_equal(mb2_mmap_next(&it, &e), MB2_END);
        if (truth_find(&t, MB2_TAG_TYPE_EFI_MMAP) >= 0)
            assert_true(type20);
        else
            assert_true(above_1t);
        fixture_free(&f);
    }
}

static void test_efi_mmap(void **state)
{
    (void)state;
    static struct truth t;
    struct fixture f;
    struct mb2_tag tag;
    assert_int_equal(truth_load("grub-efi-q35", &t), 0);
    fixture_load("grub-efi-q35", &f);
    struct mb2_efi_mmap map;
    find(&f, MB2_TAG_TYPE_EFI_MMAP, &tag);
    assert_int_equal(mb2_efi_mmap(&tag, &map), MB2_OK);
    assert_int_equal(map.descriptor_size, t.descriptor_size);
    assert_int_equal(map.descriptor_version, t.descriptor_version);
    assert_int_equal(map.count, t.descriptor_count);
    assert_int_equal(map.count, t.nefi);
    struct mb2_efi_mmap_iter it;
    struct mb2_efi_memory_descriptor d;
    size_t n = 0;
    mb2_efi_mmap_iter_init(&it, &map);
    while (mb2_efi_mmap_next(&it, &d) == MB2_OK) {
        assert_true(n < t.nefi);
        assert_int_equal(d.type, t.efi[n].type);
        assert_int_equal(d.physical_start, t.efi[n].phys);
        assert_int_equal(d.number_of_pages, t.efi[n].pages);
        assert_int_equal(d.attribute, t.efi[n].attr);
        n++;
    }
    assert_int_equal(n, 118);
    /* No EFI boot services tag: GRUB exited them. */
    assert_int_equal(mb2_tag_find(&f.info, MB2_TAG_TYPE_EFI_BS, &tag), MB2_NOT_FOUND);
    fixture_free(&f);
}

static void test_acpi(void **state)
{
    (void)state;
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        struct mb2_tag tag;
        struct mb2_rsdp r;
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        find(&f, MB2_TAG_TYPE_ACPI_OLD, &tag);
        assert_int_equal(mb2_tag_acpi_rsdp(&tag, &r), MB2_OK);
        assert_memory_equal(r.signature, "RSD PTR ", 8);
        assert_memory_equal(r.oem_id, t.acpi_old_oem, 6);
        assert_int_equal(r.revision, t.acpi_old_rev);
        assert_int_equal(r.rsdt_address, t.acpi_old_rsdt);
        assert_int_equal(r.len, 20);
        if (truth_find(&t, MB2_TAG_TYPE_ACPI_NEW) < 0) {
            assert_int_equal(mb2_tag_find(&f.info, MB2_TAG_TYPE_ACPI_NEW, &tag), MB2_NOT_FOUND);
            fixture_free(&f);
            continue;
        }
        /* EFI: the copies are OVMF's two RSDPs (fixtures/qemu/q35-ovmf). */
        size_t len;
        uint8_t *v1 = fixture_file("fixtures/qemu/q35-ovmf/tables/RSDP-0777e000.dat", &len);
        assert_int_equal(len, r.len);
        assert_memory_equal(r.bytes, v1, len);
        free(v1);
        find(&f, MB2_TAG_TYPE_ACPI_NEW, &tag);
        assert_int_equal(mb2_tag_acpi_rsdp(&tag, &r), MB2_OK);
        assert_int_equal(r.revision, t.acpi_new_rev);
        assert_int_equal(r.rsdt_address, t.acpi_new_rsdt);
        assert_int_equal(r.xsdt_address, t.acpi_new_xsdt);
        assert_memory_equal(r.oem_id, t.acpi_new_oem, 6);
        assert_int_equal(r.length, 36);
        uint8_t *v2 = fixture_file("fixtures/qemu/q35-ovmf/tables/RSDP.dat", &len);
        assert_int_equal(len, r.len);
        assert_memory_equal(r.bytes, v2, len);
        free(v2);
        /* The fixture's README: RSDT 0x777d074, XSDT 0x777d0e8. */
        assert_int_equal(r.rsdt_address, 0x777d074);
        assert_int_equal(r.xsdt_address, 0x777d0e8);
        fixture_free(&f);
    }
}

/* Malformed variable parts of tags. */
static void test_evil_tags(void **state)
{
    (void)state;
    uint8_t buf[256];
    struct mb2_tag tag;

    /* Strings without their NUL inside the tag. */
    tag = make_tag(buf, MB2_TAG_TYPE_CMDLINE, "abc", 3);
    struct mb2_string s;
    assert_int_equal(mb2_tag_string(&tag, &s), MB2_BAD_STRING);
    tag = make_tag(buf, MB2_TAG_TYPE_BOOT_LOADER_NAME, "", 0);
    assert_int_equal(mb2_tag_string(&tag, &s), MB2_BAD_STRING);
    uint8_t mod[10] = {0, 0x10, 0, 0, 0, 0x20, 0, 0, 'x', 'y'};
    struct mb2_module m;
    tag = make_tag(buf, MB2_TAG_TYPE_MODULE, mod, sizeof(mod));
    assert_int_equal(mb2_tag_module(&tag, &m), MB2_BAD_STRING);
    tag = make_tag(buf, MB2_TAG_TYPE_MODULE, mod, 6);
    assert_int_equal(mb2_tag_module(&tag, &m), MB2_TAG_TRUNCATED);

    /* Memory maps: entry_size 0, smaller than an entry, not dividing the tag. */
    uint8_t mm[8 + 48] = {0};
    struct mb2_mmap map;
    tag = make_tag(buf, MB2_TAG_TYPE_MMAP, mm, sizeof(mm));
    assert_int_equal(mb2_mmap(&tag, &map), MB2_BAD_ENTRY_SIZE);
    put32(mm, 16);
    tag = make_tag(buf, MB2_TAG_TYPE_MMAP, mm, sizeof(mm));
    assert_int_equal(mb2_mmap(&tag, &map), MB2_BAD_ENTRY_SIZE);
    put32(mm, 32);
    tag = make_tag(buf, MB2_TAG_TYPE_MMAP, mm, sizeof(mm));
    assert_int_equal(mb2_mmap(&tag, &map), MB2_BAD_ENTRY_SIZE);
    put32(mm, 28); /* not a multiple of 8 */
    tag = make_tag(buf, MB2_TAG_TYPE_MMAP, mm, 8 + 28);
    assert_int_equal(mb2_mmap(&tag, &map), MB2_BAD_ENTRY_SIZE);
    put32(mm, 0xfffffff8u);
    tag = make_tag(buf, MB2_TAG_TYPE_MMAP, mm, sizeof(mm));
    assert_int_equal(mb2_mmap(&tag, &map), MB2_BAD_ENTRY_SIZE);
    put32(mm, 48); /* a larger entry of a later version: one entry */
    tag = make_tag(buf, MB2_TAG_TYPE_MMAP, mm, sizeof(mm));
    assert_int_equal(mb2_mmap(&tag, &map), MB2_OK);
    assert_int_equal(map.count, 1);
    tag = make_tag(buf, MB2_TAG_TYPE_MMAP, mm, 4);
    assert_int_equal(mb2_mmap(&tag, &map), MB2_TAG_TRUNCATED);

    /* EFI memory map: descriptor_size below 40, not dividing, unknown version. */
    uint8_t em[8 + 96] = {0};
    struct mb2_efi_mmap emap;
    put32(em, 32);
    put32(em + 4, 1);
    tag = make_tag(buf, MB2_TAG_TYPE_EFI_MMAP, em, sizeof(em));
    assert_int_equal(mb2_efi_mmap(&tag, &emap), MB2_BAD_ENTRY_SIZE);
    put32(em, 40);
    tag = make_tag(buf, MB2_TAG_TYPE_EFI_MMAP, em, sizeof(em));
    assert_int_equal(mb2_efi_mmap(&tag, &emap), MB2_BAD_ENTRY_SIZE);
    put32(em, 48);
    put32(em + 4, 2);
    tag = make_tag(buf, MB2_TAG_TYPE_EFI_MMAP, em, sizeof(em));
    assert_int_equal(mb2_efi_mmap(&tag, &emap), MB2_UNSUPPORTED);
    assert_int_equal(emap.count, 2);

    /* Framebuffer: a palette larger than the tag; RGB without its 6 bytes. */
    uint8_t fb[24 + 2 + 6] = {0};
    struct mb2_framebuffer f;
    fb[21] = MB2_FRAMEBUFFER_TYPE_INDEXED;
    fb[24] = 3; /* 3 colours = 9 bytes, only 6 present */
    tag = make_tag(buf, MB2_TAG_TYPE_FRAMEBUFFER, fb, sizeof(fb));
    assert_int_equal(mb2_tag_framebuffer(&tag, &f), MB2_BAD_LENGTH);
    fb[24] = 2;
    tag = make_tag(buf, MB2_TAG_TYPE_FRAMEBUFFER, fb, sizeof(fb));
    assert_int_equal(mb2_tag_framebuffer(&tag, &f), MB2_OK);
    assert_int_equal(f.framebuffer_palette_num_colors, 2);
    assert_ptr_equal(f.framebuffer_palette, buf + 8 + 26);
    fb[21] = MB2_FRAMEBUFFER_TYPE_RGB;
    tag = make_tag(buf, MB2_TAG_TYPE_FRAMEBUFFER, fb, 24 + 4);
    assert_int_equal(mb2_tag_framebuffer(&tag, &f), MB2_TAG_TRUNCATED);
    fb[24] = 16; fb[25] = 8; fb[26] = 8; fb[27] = 8; fb[28] = 0; fb[29] = 8;
    tag = make_tag(buf, MB2_TAG_TYPE_FRAMEBUFFER, fb, 24 + 6);
    assert_int_equal(mb2_tag_framebuffer(&tag, &f), MB2_OK);
    assert_int_equal(f.rgb.framebuffer_red_field_position, 16);
    assert_int_equal(f.rgb.framebuffer_blue_mask_size, 8);
    tag = make_tag(buf, MB2_TAG_TYPE_FRAMEBUFFER, fb, 20);
    assert_int_equal(mb2_tag_framebuffer(&tag, &f), MB2_TAG_TRUNCATED);

    /* ACPI copies: bad signature, bad checksum, bad length, bad extended checksum. */
    struct fixture fx;
    fixture_load("grub-efi-q35", &fx);
    struct mb2_tag orig;
    struct mb2_rsdp r;
    find(&fx, MB2_TAG_TYPE_ACPI_NEW, &orig);
    memcpy(buf, orig.bytes, orig.size);
    tag = (struct mb2_tag){orig.type, orig.size, 0, buf};
    buf[8 + 20] ^= 1; /* length field: 37 > the 36-byte copy */
    assert_int_equal(mb2_tag_acpi_rsdp(&tag, &r), MB2_BAD_LENGTH);
    buf[8 + 20] ^= 1;
    buf[8 + 33] ^= 1; /* extended checksum */
    assert_int_equal(mb2_tag_acpi_rsdp(&tag, &r), MB2_BAD_CHECKSUM);
    buf[8 + 33] ^= 1;
    buf[8 + 8] ^= 1; /* checksum of the first 20 bytes */
    assert_int_equal(mb2_tag_acpi_rsdp(&tag, &r), MB2_BAD_CHECKSUM);
    assert_int_equal(r.xsdt_address, 0x777d0e8); /* filled in anyway */
    buf[8] = 'X';
    assert_int_equal(mb2_tag_acpi_rsdp(&tag, &r), MB2_BAD_SIGNATURE);
    tag.size = 8 + 30;
    assert_int_equal(mb2_tag_acpi_rsdp(&tag, &r), MB2_TAG_TRUNCATED);
    fixture_free(&fx);

    /* Fixed-size tags shorter than their layout. */
    uint8_t z[16] = {0};
    uint64_t p64;
    uint32_t p32;
    struct mb2_apm apm;
    struct mb2_vbe vbe;
    struct mb2_smbios sm;
    struct mb2_bootdev bd;
    struct mb2_basic_meminfo mi;
    tag = make_tag(buf, MB2_TAG_TYPE_EFI64, z, 4);
    assert_int_equal(mb2_tag_efi_system_table(&tag, &p64), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_EFI32_IH, z, 2);
    assert_int_equal(mb2_tag_efi_image_handle(&tag, &p64), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_LOAD_BASE_ADDR, z, 2);
    assert_int_equal(mb2_tag_load_base_addr(&tag, &p32), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_APM, z, 16);
    assert_int_equal(mb2_tag_apm(&tag, &apm), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_VBE, z, 16);
    assert_int_equal(mb2_tag_vbe(&tag, &vbe), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_SMBIOS, z, 4);
    assert_int_equal(mb2_tag_smbios(&tag, &sm), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_BOOTDEV, z, 8);
    assert_int_equal(mb2_tag_bootdev(&tag, &bd), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_BASIC_MEMINFO, z, 4);
    assert_int_equal(mb2_tag_basic_meminfo(&tag, &mi), MB2_TAG_TRUNCATED);
    tag = make_tag(buf, MB2_TAG_TYPE_EFI32, z, 4);
    assert_int_equal(mb2_tag_efi_system_table(&tag, &p64), MB2_OK);
    assert_int_equal(mb2_tag_efi_image_handle(&tag, &p64), MB2_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_and_module), cmocka_unit_test(test_meminfo_bootdev_apm_fb),
        cmocka_unit_test(test_mmap), cmocka_unit_test(test_efi_mmap),
        cmocka_unit_test(test_acpi), cmocka_unit_test(test_evil_tags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
