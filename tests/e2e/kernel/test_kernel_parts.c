/* Host tests of the demo kernel's own parts (examples/kernel): the frame
 * allocator and the APs' start-up page over GRUB's real memory maps
 * (../shared/fixtures/multiboot2), the report formatter, CRC-32 and the built
 * image's Multiboot2 header. Expected values come from the fixtures' decoded
 * .txt files, the C standard's printf semantics, the CRC-32 check value, the
 * Multiboot2 spec and grub.cfg. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "crc32.h"
#include "format.h"
#include "frames.h"
#include "lowmem.h"
#include "multiboot2/header.h"
#include "multiboot2/info.h"
#include "multiboot2/mmap.h"
#include "support.h"

#define GIB (UINT64_C(1) << 30)

/* A fixture MBI's memory map into *MMAP, which points into the returned
 * buffer (free it after use); the test is skipped when the fixtures are not
 * there. */
static uint64_t *load_mmap(const char *fixture, struct mb2_mmap *mmap)
{
    uint8_t *bytes;
    size_t len;
    struct mb2_info info;
    struct mb2_tag tag;

    if (support_read_file(support_path(fixture), &bytes, &len) != 0) {
        skip();     /* no ../shared beside the tree */
    }
    /* Tags are read in place: copy to an 8-byte aligned buffer. */
    uint64_t *aligned = calloc((len + 7) / 8, 8);
    assert_non_null(aligned);
    memcpy(aligned, bytes, len);
    free(bytes);
    assert_int_equal(mb2_info_load(aligned, len, &info, NULL), MB2_OK);
    assert_int_equal(mb2_tag_find(&info, MB2_TAG_TYPE_MMAP, &tag), MB2_OK);
    assert_int_equal(mb2_mmap(&tag, mmap), MB2_OK);
    return aligned;
}

/* Feeds the available entries of a fixture MBI's memory map to FA. */
static void load_map(struct frame_allocator *fa, const char *fixture)
{
    struct mb2_mmap mmap;
    struct mb2_mmap_iter it;
    struct mb2_mmap_entry e;
    uint64_t *aligned = load_mmap(fixture, &mmap);

    mb2_mmap_iter_init(&it, &mmap);
    while (mb2_mmap_next(&it, &e) == MB2_OK) {
        if (e.type == MB2_MEMORY_AVAILABLE) {
            assert_true(frame_allocator_add_usable(fa, e.base_addr, e.length));
        }
    }
    free(aligned);
}

/* grub-bios-q35.txt: available 0x100000-0x7fdefff above 1 MiB; the kernel's
 * sections end with .bss at 0x102000 + 0x4000, the MBI is at 0x1005e8 (792
 * bytes), the module at 0x106000-0x107388. */
static void test_bios_map_skips_image_mbi_module(void **state)
{
    struct frame_allocator fa;
    uint64_t frame;
    uint64_t count = 0;
    uint64_t first = 0;
    uint64_t last = 0;

    (void)state;
    frame_allocator_init(&fa, 4 * GIB);
    load_map(&fa, "fixtures/multiboot2/grub-bios-q35.mbi");
    assert_true(frame_allocator_reserve(&fa, 0x100000, 0x106000));
    assert_true(frame_allocator_reserve(&fa, 0x1005e8, 0x1005e8 + 792));
    assert_true(frame_allocator_reserve(&fa, 0x106000, 0x107388));
    while (frame_allocator_alloc(&fa, &frame)) {
        if (count == 0) {
            first = frame;
        }
        assert_true(frame > last || count == 0);
        last = frame;
        count++;
    }
    assert_int_equal(first, 0x108000);
    assert_int_equal(last, 0x7fde000);
    assert_int_equal(count, (0x7fdf000 - 0x108000) / 0x1000);
    assert_int_equal(fa.handed_out, count);
    assert_false(frame_allocator_alloc(&fa, &frame));
}

/* grub-efi-q35.txt: the available ranges above 1 MiB of OVMF's map. */
static const struct phys_range efi_available[] = {
    {0x100000, 0x800000},   {0x808000, 0x80b000},   {0x80c000, 0x810000},
    {0x900000, 0x6ab7000},  {0x6b78000, 0x74ed000}, {0x77ff000, 0x7f58000},
};

static void test_efi_map_only_available_frames(void **state)
{
    struct frame_allocator fa;
    uint64_t frame;
    uint64_t count = 0;
    uint64_t expected = 0;
    uint64_t previous = 0;

    (void)state;
    for (size_t i = 0; i < sizeof efi_available / sizeof efi_available[0]; i++) {
        expected += (efi_available[i].end - efi_available[i].start) / 0x1000;
    }
    frame_allocator_init(&fa, 4 * GIB);
    load_map(&fa, "fixtures/multiboot2/grub-efi-q35.mbi");
    while (frame_allocator_alloc(&fa, &frame)) {
        bool inside = false;
        for (size_t i = 0; i < sizeof efi_available / sizeof efi_available[0]; i++) {
            inside = inside || (frame >= efi_available[i].start &&
                                frame + 0x1000 <= efi_available[i].end);
        }
        assert_true(inside);
        assert_true(frame > previous);
        previous = frame;
        count++;
    }
    assert_int_equal(count, expected);
}

/* The limit: below 8 MiB only the range 0x100000-0x7fffff remains. */
static void test_limit_clips_ranges(void **state)
{
    struct frame_allocator fa;
    uint64_t frame;
    uint64_t count = 0;

    (void)state;
    frame_allocator_init(&fa, 0x800000);
    load_map(&fa, "fixtures/multiboot2/grub-efi-q35.mbi");
    while (frame_allocator_alloc(&fa, &frame)) {
        assert_true(frame >= 0x100000 && frame < 0x800000);
        count++;
    }
    assert_int_equal(count, 0x700);
}

/* A reserved range that covers the end of one usable range and the start of
 * the next, and unaligned ranges, never yield a frame overlapping them. */
static void test_reserved_and_unaligned_ranges(void **state)
{
    struct frame_allocator fa;
    uint64_t frame;
    uint64_t frames[8];
    unsigned n = 0;

    (void)state;
    frame_allocator_init(&fa, 4 * GIB);
    assert_true(frame_allocator_add_usable(&fa, 0x200800, 0x3000));  /* 0x201000-0x203000 */
    assert_true(frame_allocator_add_usable(&fa, 0x300000, 0x3000));  /* 0x300000-0x303000 */
    assert_true(frame_allocator_reserve(&fa, 0x202fff, 0x300001));
    while (frame_allocator_alloc(&fa, &frame)) {
        assert_true(n < 8);
        frames[n++] = frame;
    }
    assert_int_equal(n, 3);
    assert_int_equal(frames[0], 0x201000);
    assert_int_equal(frames[1], 0x301000);
    assert_int_equal(frames[2], 0x302000);
}

static size_t fmt(char *buf, size_t size, const char *f, ...)
{
    va_list args;
    va_start(args, f);
    size_t n = format_v(buf, size, f, args);
    va_end(args);
    return n;
}

/* C11 7.21.6.1 semantics for the conversions the kernel uses. */
/* The APs' start-up page on GRUB's real maps. grub-efi-q35.txt: available
 * 0x0-0x9ffff (then 0x100000 up), the MBI at 0x6000, 6688 bytes;
 * grub-bios-i440fx.txt: available 0x0-0x9fbff, the MBI above 1 MiB. */
static void test_startup_page(void **state)
{
    (void)state;
    struct mb2_mmap mmap;
    uint64_t *buf = load_mmap("fixtures/multiboot2/grub-efi-q35.mbi", &mmap);
    /* Page 0 is never chosen; the MBI's pages are skipped. */
    assert_int_equal(lowmem_startup_page(&mmap, 0x6000, 0x6000 + 6688), 0x1000);
    assert_int_equal(lowmem_startup_page(&mmap, 0x1000, 0x1000 + 6688), 0x3000);
    assert_int_equal(lowmem_startup_page(&mmap, 0x0, 0x9F001), 0);
    /* The last whole page below 640 KiB, 0x9F000, is still a candidate. */
    assert_int_equal(lowmem_startup_page(&mmap, 0x0, 0x9F000), 0x9F000);
    free(buf);

    buf = load_mmap("fixtures/multiboot2/grub-bios-i440fx.mbi", &mmap);
    assert_int_equal(lowmem_startup_page(&mmap, 0x100000, 0x101000), 0x1000);
    /* 0x9F000-0x9FBFF is available but not a whole page. */
    assert_int_equal(lowmem_startup_page(&mmap, 0x0, 0x9F000), 0);
    free(buf);
}

static void test_format_conversions(void **state)
{
    char buf[128];

    (void)state;
    assert_int_equal(fmt(buf, sizeof buf, "%08x|%X|%u|%d|%c|%%", 0x1234u, 0xabcu, 42u, -7, 'z'),
                     strlen("00001234|ABC|42|-7|z|%"));
    assert_string_equal(buf, "00001234|ABC|42|-7|z|%");
    fmt(buf, sizeof buf, "%llx %llu %lld", 0xfd00000000ull, 18446744073709551615ull, -5ll);
    assert_string_equal(buf, "fd00000000 18446744073709551615 -5");
    fmt(buf, sizeof buf, "[%.6s][%5s][%03d]", "BOCHS BXPC", "ab", -4);
    assert_string_equal(buf, "[BOCHS ][   ab][-04]");
    /* Output that does not fit is cut and still terminated. */
    assert_int_equal(fmt(buf, 6, "%s", "abcdefgh"), 5);
    assert_string_equal(buf, "abcde");
}

static void test_format_escaped(void **state)
{
    char buf[32];
    const char in[] = "a\"b\\\n\x01~";

    (void)state;
    assert_true(format_escaped(buf, sizeof buf, in, sizeof in - 1));
    assert_string_equal(buf, "a\\\"b\\\\\\n\\x01~");
    /* 4 bytes hold "a\"" and the NUL; 'b' no longer fits. */
    assert_false(format_escaped(buf, 4, in, sizeof in - 1));
    assert_string_equal(buf, "a\\\"");
}

/* The CRC-32 check value (CRC catalogue, CRC-32/ISO-HDLC): "123456789". */
static void test_crc32_check_value(void **state)
{
    (void)state;
    assert_int_equal(crc32("123456789", 9), 0xCBF43926u);
    assert_int_equal(crc32("", 0), 0);
}

/* The built kernel (x86_64-kernel cross build) carries a valid Multiboot2
 * header in its first 32 KiB (spec 3.1.1) whose framebuffer request is the
 * mode grub.cfg fixes with gfxpayload. Skipped without the cross build. */
static void test_kernel_image_header(void **state)
{
    const char *cross = getenv("OSDEV_CROSS_X86_64_KERNEL");
    const char *source = getenv("OSDEV_SOURCE_DIR");
    char path[4096];
    uint8_t *image;
    uint8_t *cfg;
    size_t image_len;
    size_t cfg_len;
    unsigned width = 0;
    unsigned height = 0;
    unsigned depth = 0;

    (void)state;
    if (cross == NULL || source == NULL) {
        skip();
    }
    snprintf(path, sizeof path, "%s/examples/kernel/kernel.elf", cross);
    if (support_read_file(path, &image, &image_len) != 0) {
        skip();
    }
    snprintf(path, sizeof path, "%s/examples/kernel/iso/boot/grub/grub.cfg", source);
    assert_int_equal(support_read_file(path, &cfg, &cfg_len), 0);
    char *text = calloc(cfg_len + 1, 1);
    assert_non_null(text);
    memcpy(text, cfg, cfg_len);
    const char *mode = strstr(text, "gfxpayload=");
    assert_non_null(mode);
    assert_int_equal(sscanf(mode, "gfxpayload=%ux%ux%u", &width, &height, &depth), 3);

    struct mb2_header_info hdr;
    struct mb2_header_tag_iter it;
    struct mb2_header_tag_view tag;
    struct mb2_header_tag_framebuffer fb;
    enum mb2_status st;
    bool found_fb = false;
    assert_int_equal(mb2_header_find(image, image_len, &hdr), MB2_OK);
    assert_true(hdr.offset + hdr.header_length <= MB2_HEADER_SEARCH_LIMIT);
    assert_int_equal(hdr.offset % MB2_HEADER_ALIGN, 0);
    assert_int_equal(hdr.architecture, MB2_HEADER_ARCHITECTURE_I386);
    mb2_header_tag_iter_init(&it, &hdr);
    while ((st = mb2_header_tag_next(&it, &tag)) == MB2_OK) {
        if (tag.type == MB2_HEADER_TAG_FRAMEBUFFER) {
            assert_int_equal(mb2_header_framebuffer(&tag, &fb), MB2_OK);
            assert_int_equal(fb.width, width);
            assert_int_equal(fb.height, height);
            assert_int_equal(fb.depth, depth);
            found_fb = true;
        }
    }
    assert_int_equal(st, MB2_END);
    assert_true(found_fb);
    free(text);
    free(cfg);
    free(image);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bios_map_skips_image_mbi_module),
        cmocka_unit_test(test_efi_map_only_available_frames),
        cmocka_unit_test(test_limit_clips_ranges),
        cmocka_unit_test(test_reserved_and_unaligned_ranges),
        cmocka_unit_test(test_startup_page),
        cmocka_unit_test(test_format_conversions),
        cmocka_unit_test(test_format_escaped),
        cmocka_unit_test(test_crc32_check_value),
        cmocka_unit_test(test_kernel_image_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
