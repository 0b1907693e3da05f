/* The builder: GRUB's captures rebuilt tag by tag come out byte-identical
 * (padding aside, which GRUB leaves stale);
 * a small structure equals bytes computed by hand from spec 3.6; every tag
 * type round-trips through the validator and the accessors; too-small
 * buffers are reported and never overrun. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "multiboot2/builder.h"

/* Re-add TAG (decoded with the library's accessors) to B. */
static void rebuild_tag(struct mb2_builder *b, const struct mb2_tag *tag)
{
    struct mb2_string s;
    struct mb2_module m;
    struct mb2_basic_meminfo mi;
    struct mb2_bootdev bd;
    struct mb2_mmap mm;
    struct mb2_framebuffer fb;
    struct mb2_elf_sections es;
    struct mb2_apm apm;
    struct mb2_efi_mmap em;
    struct mb2_bytes raw;
    uint64_t v64;
    uint32_t v32;
    switch (tag->type) {
    case MB2_TAG_TYPE_CMDLINE:
    case MB2_TAG_TYPE_BOOT_LOADER_NAME:
        assert_int_equal(mb2_tag_string(tag, &s), MB2_OK);
        assert_int_equal(mb2_builder_add_string(b, tag->type, s.string), MB2_OK);
        break;
    case MB2_TAG_TYPE_MODULE:
        assert_int_equal(mb2_tag_module(tag, &m), MB2_OK);
        assert_int_equal(mb2_builder_add_module(b, m.mod_start, m.mod_end, m.string.string), MB2_OK);
        break;
    case MB2_TAG_TYPE_BASIC_MEMINFO:
        assert_int_equal(mb2_tag_basic_meminfo(tag, &mi), MB2_OK);
        assert_int_equal(mb2_builder_add_basic_meminfo(b, mi.mem_lower, mi.mem_upper), MB2_OK);
        break;
    case MB2_TAG_TYPE_BOOTDEV:
        assert_int_equal(mb2_tag_bootdev(tag, &bd), MB2_OK);
        assert_int_equal(mb2_builder_add_bootdev(b, &bd), MB2_OK);
        break;
    case MB2_TAG_TYPE_MMAP: {
        assert_int_equal(mb2_mmap(tag, &mm), MB2_OK);
        struct mb2_mmap_entry entries[64];
        struct mb2_mmap_iter it;
        size_t n = 0;
        mb2_mmap_iter_init(&it, &mm);
        while (n < 64 && mb2_mmap_next(&it, &entries[n]) == MB2_OK)
            n++;
        assert_int_equal(n, mm.count);
        assert_int_equal(mb2_builder_add_mmap(b, entries, n), MB2_OK);
        break;
    }
    case MB2_TAG_TYPE_FRAMEBUFFER:
        assert_int_equal(mb2_tag_framebuffer(tag, &fb), MB2_OK);
        assert_int_equal(mb2_builder_add_framebuffer(b, &fb), MB2_OK);
        break;
    case MB2_TAG_TYPE_ELF_SECTIONS:
        assert_int_equal(mb2_elf_sections(tag, &es), MB2_OK);
        assert_int_equal(mb2_builder_add_elf_sections(b, es.num, es.entsize, es.shndx, es.headers),
                         MB2_OK);
        break;
    case MB2_TAG_TYPE_APM:
        assert_int_equal(mb2_tag_apm(tag, &apm), MB2_OK);
        assert_int_equal(mb2_builder_add_apm(b, &apm), MB2_OK);
        break;
    case MB2_TAG_TYPE_EFI64:
        assert_int_equal(mb2_tag_efi_system_table(tag, &v64), MB2_OK);
        assert_int_equal(mb2_builder_add_u64(b, tag->type, v64), MB2_OK);
        break;
    case MB2_TAG_TYPE_LOAD_BASE_ADDR:
        assert_int_equal(mb2_tag_load_base_addr(tag, &v32), MB2_OK);
        assert_int_equal(mb2_builder_add_u32(b, tag->type, v32), MB2_OK);
        break;
    case MB2_TAG_TYPE_EFI_MMAP:
        assert_int_equal(mb2_efi_mmap(tag, &em), MB2_OK);
        assert_int_equal(mb2_builder_add_efi_mmap(b, em.descriptor_size, em.descriptor_version,
                                                  em.descriptors,
                                                  (size_t)em.count * em.descriptor_size),
                         MB2_OK);
        break;
    default: /* ACPI copies */
        mb2_tag_payload(tag, &raw);
        assert_int_equal(mb2_builder_add_raw(b, tag->type, raw.bytes, raw.len), MB2_OK);
        break;
    }
}

/* OURS equals GRUB's bytes in every byte the spec defines: the fixed part and
 * each tag's SIZE bytes. GRUB 2.06 leaves stale bytes in the padding between
 * tags; the builder writes zeros there. */
static void assert_same_tags(const uint8_t *ours, const struct fixture *grub)
{
    assert_memory_equal(ours, grub->bytes, 8);
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    mb2_tag_iter_init(&it, &grub->info);
    uint32_t end = 8;
    while (mb2_tag_next(&it, &tag) == MB2_OK) {
        assert_memory_equal(ours + tag.offset, tag.bytes, tag.size);
        for (uint32_t k = tag.offset + tag.size; k < ((tag.offset + tag.size + 7u) & ~7u); k++)
            assert_int_equal(ours[k], 0);
        end = (tag.offset + tag.size + 7u) & ~7u;
    }
    assert_memory_equal(ours + end, grub->bytes + end, 8); /* end tag */
    assert_int_equal(end + 8, grub->len);
}

static void test_rebuild_grub(void **state)
{
    (void)state;
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        struct fixture f;
        fixture_load(fixture_names[i], &f);
        uint8_t *out = aligned_alloc(8, f.len);
        assert_non_null(out);
        memset(out, 0xa5, f.len);
        struct mb2_builder b;
        assert_int_equal(mb2_builder_init(&b, out, f.len), MB2_OK);
        struct mb2_tag_iter it;
        struct mb2_tag tag;
        mb2_tag_iter_init(&it, &f.info);
        while (mb2_tag_next(&it, &tag) == MB2_OK)
            rebuild_tag(&b, &tag);
        uint32_t size = 0;
        assert_int_equal(mb2_builder_finish(&b, &size), MB2_OK);
        assert_int_equal(size, f.len);
        assert_same_tags(out, &f);
        free(out);
        fixture_free(&f);
    }
}

/* Spec 3.6.2 - 3.6.5 by hand: fixed part, CMDLINE "ab" (size 11, padded to
 * 16), BASIC_MEMINFO 639/129920 KiB, end tag: 48 bytes. */
static void test_hand_computed(void **state)
{
    (void)state;
    static const uint8_t expect[48] = {
        48, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 11, 0, 0, 0, 'a', 'b', 0, 0, 0, 0, 0, 0,
        4, 0, 0, 0, 16, 0, 0, 0, 0x7f, 0x02, 0, 0, 0x80, 0xfb, 0x01, 0,
        0, 0, 0, 0, 8, 0, 0, 0,
    };
    _Alignas(8) uint8_t buf[48];
    memset(buf, 0xee, sizeof(buf));
    struct mb2_builder b;
    uint32_t size;
    assert_int_equal(mb2_builder_init(&b, buf, sizeof(buf)), MB2_OK);
    assert_int_equal(mb2_builder_add_string(&b, MB2_TAG_TYPE_CMDLINE, "ab"), MB2_OK);
    assert_int_equal(mb2_builder_add_basic_meminfo(&b, 639, 129920), MB2_OK);
    assert_int_equal(mb2_builder_finish(&b, &size), MB2_OK);
    assert_int_equal(size, 48);
    assert_memory_equal(buf, expect, sizeof(expect));
    /* Complete: no more tags, no second end tag. */
    assert_int_equal(mb2_builder_add_u32(&b, MB2_TAG_TYPE_LOAD_BASE_ADDR, 1), MB2_BUFFER_TOO_SMALL);
    assert_int_equal(mb2_builder_finish(&b, &size), MB2_BUFFER_TOO_SMALL);
}

/* Every cap below the needed size fails with BUFFER_TOO_SMALL without
 * writing past the cap (exactly-sized heap buffers for ASan). */
static void test_too_small(void **state)
{
    (void)state;
    struct fixture f;
    fixture_load("grub-efi-q35", &f);
    for (size_t cap = 0; cap <= f.len; cap += (cap < 64 || cap > f.len - 64) ? 1 : 61) {
        uint8_t *out = aligned_alloc(8, (cap + 7) & ~(size_t)7);
        assert_non_null(out);
        struct mb2_builder b;
        enum mb2_status st = mb2_builder_init(&b, out, cap);
        struct mb2_tag_iter it;
        struct mb2_tag tag;
        mb2_tag_iter_init(&it, &f.info);
        while (st == MB2_OK && mb2_tag_next(&it, &tag) == MB2_OK) {
            struct mb2_bytes raw;
            mb2_tag_payload(&tag, &raw);
            st = mb2_builder_add_raw(&b, tag.type, raw.bytes, raw.len);
        }
        /* The first failure sticks. */
        assert_int_equal(mb2_builder_finish(&b, NULL), cap == f.len ? MB2_OK : MB2_BUFFER_TOO_SMALL);
        assert_true(b.len <= cap);
        if (cap == f.len)
            assert_same_tags(out, &f);
        free(out);
    }
    fixture_free(&f);
}

static void test_arguments(void **state)
{
    (void)state;
    _Alignas(8) uint8_t buf[64];
    struct mb2_builder b;
    assert_int_equal(mb2_builder_init(&b, buf + 4, 32), MB2_MISALIGNED);
    assert_int_equal(mb2_builder_add_u32(&b, 21, 0), MB2_MISALIGNED);
    assert_int_equal(mb2_builder_init(&b, buf, 15), MB2_BUFFER_TOO_SMALL);
    assert_int_equal(mb2_builder_init(&b, NULL, 64), MB2_INVALID_ARGUMENT);
    assert_int_equal(mb2_builder_init(&b, buf, 64), MB2_OK);
    assert_int_equal(mb2_builder_add_string(&b, MB2_TAG_TYPE_CMDLINE, NULL), MB2_INVALID_ARGUMENT);
    assert_int_equal(mb2_builder_finish(&b, NULL), MB2_INVALID_ARGUMENT);
    /* The smallest structure: fixed part and end tag. */
    assert_int_equal(mb2_builder_init(&b, buf, 16), MB2_OK);
    uint32_t size;
    assert_int_equal(mb2_builder_finish(&b, &size), MB2_OK);
    assert_int_equal(size, 16);
    struct mb2_info info;
    assert_int_equal(mb2_info_load(buf, 16, &info, NULL), MB2_OK);
}

/* Tags GRUB did not emit here, built and read back. */
static void test_round_trip(void **state)
{
    (void)state;
    _Alignas(8) static uint8_t buf[4096];
    struct mb2_builder b;
    assert_int_equal(mb2_builder_init(&b, buf, sizeof(buf)), MB2_OK);
    static const uint8_t palette[6] = {0, 0, 0, 255, 255, 255};
    struct mb2_framebuffer indexed = {.framebuffer_addr = 0xfd000000, .framebuffer_pitch = 1024,
                                      .framebuffer_width = 1024, .framebuffer_height = 768,
                                      .framebuffer_bpp = 8,
                                      .framebuffer_type = MB2_FRAMEBUFFER_TYPE_INDEXED,
                                      .framebuffer_palette_num_colors = 2,
                                      .framebuffer_palette = palette};
    struct mb2_framebuffer rgb = {.framebuffer_addr = 0x80000000, .framebuffer_pitch = 5120,
                                  .framebuffer_width = 1280, .framebuffer_height = 800,
                                  .framebuffer_bpp = 32, .framebuffer_type = MB2_FRAMEBUFFER_TYPE_RGB,
                                  .rgb = {16, 8, 8, 8, 0, 8}};
    static uint8_t control[512], mode[256];
    control[0] = 'V';
    mode[255] = 0x42;
    struct mb2_vbe vbe = {0x118, 0xc000, 0x1234, 0x56, control, mode};
    static const uint8_t smbios[4] = {'_', 'S', 'M', '_'};
    static const uint8_t dhcp[5] = {2, 1, 6, 0, 0x63};
    assert_int_equal(mb2_builder_add_framebuffer(&b, &indexed), MB2_OK);
    assert_int_equal(mb2_builder_add_framebuffer(&b, &rgb), MB2_OK);
    assert_int_equal(mb2_builder_add_vbe(&b, &vbe), MB2_OK);
    assert_int_equal(mb2_builder_add_smbios(&b, 3, 2, smbios, sizeof(smbios)), MB2_OK);
    assert_int_equal(mb2_builder_add_raw(&b, MB2_TAG_TYPE_NETWORK, dhcp, sizeof(dhcp)), MB2_OK);
    assert_int_equal(mb2_builder_add_u32(&b, MB2_TAG_TYPE_EFI32, 0x7f000000), MB2_OK);
    assert_int_equal(mb2_builder_add_u32(&b, MB2_TAG_TYPE_EFI32_IH, 0x7e000000), MB2_OK);
    assert_int_equal(mb2_builder_add_u64(&b, MB2_TAG_TYPE_EFI64_IH, 0x17e000000ull), MB2_OK);
    assert_int_equal(mb2_builder_add_raw(&b, MB2_TAG_TYPE_EFI_BS, NULL, 0), MB2_OK);
    assert_int_equal(mb2_builder_add_raw(&b, 0x7fff0001u, "vendor", 6), MB2_OK);
    assert_int_equal(mb2_builder_finish(&b, NULL), MB2_OK);

    struct mb2_info info;
    assert_int_equal(mb2_info_load(buf, sizeof(buf), &info, NULL), MB2_OK);
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    struct mb2_framebuffer fb;
    mb2_tag_iter_init(&it, &info);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.size, 32 + 2 + 6); /* common part, u16 count, 2 colours */
    assert_int_equal(mb2_tag_framebuffer(&tag, &fb), MB2_OK);
    assert_int_equal(fb.framebuffer_palette_num_colors, 2);
    assert_memory_equal(fb.framebuffer_palette, palette, 6);
    assert_int_equal(fb.framebuffer_width, 1024);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.size, 32 + 6);
    assert_int_equal(mb2_tag_framebuffer(&tag, &fb), MB2_OK);
    assert_int_equal(fb.framebuffer_addr, 0x80000000);
    assert_int_equal(fb.rgb.framebuffer_red_field_position, 16);
    assert_int_equal(fb.rgb.framebuffer_blue_field_position, 0);
    struct mb2_vbe v;
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.size, 784);
    assert_int_equal(mb2_tag_vbe(&tag, &v), MB2_OK);
    assert_int_equal(v.vbe_mode, 0x118);
    assert_int_equal(v.vbe_interface_off, 0x1234);
    assert_int_equal(v.vbe_control_info[0], 'V');
    assert_int_equal(v.vbe_mode_info[255], 0x42);
    struct mb2_smbios sm;
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_tag_smbios(&tag, &sm), MB2_OK);
    assert_int_equal(sm.major, 3);
    assert_int_equal(sm.minor, 2);
    assert_int_equal(sm.len, 4);
    assert_memory_equal(sm.tables, smbios, 4);
    struct mb2_bytes net;
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_tag_network(&tag, &net), MB2_OK);
    assert_int_equal(net.len, 5);
    assert_memory_equal(net.bytes, dhcp, 5);
    uint64_t p;
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.size, 12);
    assert_int_equal(mb2_tag_efi_system_table(&tag, &p), MB2_OK);
    assert_int_equal(p, 0x7f000000);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_tag_efi_image_handle(&tag, &p), MB2_OK);
    assert_int_equal(p, 0x7e000000);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.size, 16);
    assert_int_equal(mb2_tag_efi_image_handle(&tag, &p), MB2_OK);
    assert_int_equal(p, 0x17e000000ull);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.type, MB2_TAG_TYPE_EFI_BS);
    assert_int_equal(tag.size, 8);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.type, 0x7fff0001u);
    assert_int_equal(tag.size, 14);
    assert_memory_equal(tag.bytes + 8, "vendor", 6);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_END);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rebuild_grub), cmocka_unit_test(test_hand_computed),
        cmocka_unit_test(test_too_small), cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
