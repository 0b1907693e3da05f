/* Boot information validation and the tag iterator, on GRUB 2.06's captures
 * (expected values from the capture script's .txt decoding) and on an "evil"
 * suite that breaks every validation rule once. */
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
#include "multiboot2/info.h"
#include "support.h"
#include "truth.h"

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* Every tag in order: offset, type and size as the .txt lists them. */
static void test_fixture_tags(void **state)
{
    (void)state;
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        assert_int_equal(f.len, t.total_size);
        assert_int_equal(f.info.total_size, t.total_size);
        struct mb2_tag_iter it;
        struct mb2_tag tag;
        mb2_tag_iter_init(&it, &f.info);
        size_t n = 0;
        enum mb2_status st;
        while ((st = mb2_tag_next(&it, &tag)) == MB2_OK) {
            assert_true(n < t.ntags);
            assert_int_equal(tag.offset, t.tags[n].offset);
            assert_int_equal(tag.type, t.tags[n].type);
            assert_int_equal(tag.size, t.tags[n].size);
            assert_ptr_equal(tag.bytes, f.bytes + tag.offset);
            assert_non_null(mb2_tag_type_name(tag.type));
            n++;
        }
        assert_int_equal(st, MB2_END);
        /* The .txt lists the end tag too; the iterator stops at it. */
        assert_int_equal(n + 1, t.ntags);
        assert_int_equal(t.tags[n].type, MB2_TAG_TYPE_END);
        assert_int_equal(mb2_tag_next(&it, &tag), MB2_END);
        fixture_free(&f);
    }
}

static void test_find(void **state)
{
    (void)state;
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        for (uint32_t type = 1; type <= MB2_TAG_TYPE_LOAD_BASE_ADDR; type++) {
            struct mb2_tag tag;
            int k = truth_find(&t, type);
            enum mb2_status st = mb2_tag_find(&f.info, type, &tag);
            if (k < 0) {
                assert_int_equal(st, MB2_NOT_FOUND);
            } else {
                assert_int_equal(st, MB2_OK);
                assert_int_equal(tag.offset, t.tags[k].offset);
            }
        }
        /* Exactly one module in these captures: next_of_type ends after it. */
        struct mb2_tag_iter it;
        struct mb2_tag tag;
        mb2_tag_iter_init(&it, &f.info);
        assert_int_equal(mb2_tag_next_of_type(&it, MB2_TAG_TYPE_MODULE, &tag), MB2_OK);
        assert_int_equal(tag.offset, t.tags[truth_find(&t, MB2_TAG_TYPE_MODULE)].offset);
        assert_int_equal(mb2_tag_next_of_type(&it, MB2_TAG_TYPE_MODULE, &tag), MB2_END);
        fixture_free(&f);
    }
}

/* The tag order differs between BIOS and EFI (fixtures README); GRUB always
 * emits LOAD_BASE_ADDR first. */
static void test_order_differs(void **state)
{
    (void)state;
    struct fixture bios, efi;
    fixture_load("grub-bios-q35", &bios);
    fixture_load("grub-efi-q35", &efi);
    struct mb2_tag a, b;
    assert_int_equal(mb2_tag_find(&bios.info, MB2_TAG_TYPE_APM, &a), MB2_OK);
    assert_int_equal(mb2_tag_find(&efi.info, MB2_TAG_TYPE_APM, &b), MB2_NOT_FOUND);
    assert_int_equal(mb2_tag_find(&efi.info, MB2_TAG_TYPE_EFI64, &b), MB2_OK);
    assert_int_equal(mb2_tag_find(&bios.info, MB2_TAG_TYPE_EFI64, &a), MB2_NOT_FOUND);
    struct mb2_tag_iter it;
    mb2_tag_iter_init(&it, &efi.info);
    assert_int_equal(mb2_tag_next(&it, &b), MB2_OK);
    assert_int_equal(b.type, MB2_TAG_TYPE_LOAD_BASE_ADDR);
    fixture_free(&bios);
    fixture_free(&efi);
}

/* A writable copy of the i440fx capture at an 8-byte boundary plus SHIFT. */
static uint8_t *evil_copy(size_t shift, size_t *len, uint8_t **base)
{
    struct fixture f;
    fixture_load("grub-bios-i440fx", &f);
    *base = aligned_alloc(8, (f.len + shift + 7) & ~(size_t)7);
    assert_non_null(*base);
    memcpy(*base + shift, f.bytes, f.len);
    *len = f.len;
    fixture_free(&f);
    return *base + shift;
}

static void expect_bad(uint8_t *p, size_t max, enum mb2_status want, uint32_t want_offset)
{
    struct mb2_info info;
    uint32_t bad = 0xdead;
    assert_int_equal(mb2_info_load(p, max, &info, &bad), want);
    assert_int_equal(bad, want_offset);
}

static void test_evil(void **state)
{
    (void)state;
    uint8_t *base;
    size_t len;
    uint8_t *p;

    /* Rule: 8-byte alignment. */
    p = evil_copy(4, &len, &base);
    expect_bad(p, len, MB2_MISALIGNED, 0);
    free(base);

    /* Rule: total_size at least fixed part + end tag. */
    p = evil_copy(0, &len, &base);
    put32(p, 8);
    expect_bad(p, len, MB2_TOTAL_SIZE_TOO_SMALL, 0);
    put32(p, 0);
    expect_bad(p, len, MB2_TOTAL_SIZE_TOO_SMALL, 0);
    free(base);

    /* Rule: total_size below the caller's bound (checked before any tag is read). */
    p = evil_copy(0, &len, &base);
    expect_bad(p, len - 8, MB2_TOTAL_SIZE_TOO_LARGE, 0);
    expect_bad(p, 4, MB2_TOTAL_SIZE_TOO_LARGE, 0);
    put32(p, 0xfffffff8u);
    expect_bad(p, len, MB2_TOTAL_SIZE_TOO_LARGE, 0);
    free(base);

    /* Rule: total_size a multiple of 8. */
    p = evil_copy(0, &len, &base);
    put32(p, (uint32_t)len - 4);
    expect_bad(p, len, MB2_TOTAL_SIZE_UNALIGNED, 0);
    free(base);

    /* Rule: every tag at least 8 bytes (CMDLINE at +0x18 gets size 4). */
    p = evil_copy(0, &len, &base);
    put32(p + 0x18 + 4, 4);
    expect_bad(p, len, MB2_TAG_TOO_SMALL, 0x18);
    put32(p + 0x18 + 4, 0);
    expect_bad(p, len, MB2_TAG_TOO_SMALL, 0x18);
    free(base);

    /* Rule: every tag inside total_size (ACPI_OLD at +0x2c0 runs past the end). */
    p = evil_copy(0, &len, &base);
    put32(p + 0x2c0 + 4, 0x31);
    expect_bad(p, len, MB2_TAG_OUT_OF_BOUNDS, 0x2c0);
    put32(p + 0x2c0 + 4, 0xffffffffu);
    expect_bad(p, len, MB2_TAG_OUT_OF_BOUNDS, 0x2c0);
    free(base);

    /* Rule: an end tag must come (the end tag at +0x2e0 becomes a vendor tag). */
    p = evil_copy(0, &len, &base);
    put32(p + 0x2e0, 0x8000);
    expect_bad(p, len, MB2_NO_END_TAG, 0x2e8);
    free(base);

    /* Rule: the end tag's size is 8 (ACPI_OLD at +0x2c0 becomes type 0, size 28). */
    p = evil_copy(0, &len, &base);
    put32(p + 0x2c0, MB2_TAG_TYPE_END);
    expect_bad(p, len, MB2_BAD_END_TAG, 0x2c0);
    free(base);

    /* Rule: a MMAP tag whose size swallows the rest leaves no end tag. */
    p = evil_copy(0, &len, &base);
    put32(p + 0x90 + 4, (uint32_t)len - 0x90);
    expect_bad(p, len, MB2_NO_END_TAG, (uint32_t)len);
    free(base);

    assert_int_equal(mb2_info_load(NULL, 64, NULL, NULL), MB2_INVALID_ARGUMENT);
}

/* Unknown and vendor tags pass through with their raw bytes. */
static void test_unknown_tags(void **state)
{
    (void)state;
    uint8_t *base;
    size_t len;
    uint8_t *p = evil_copy(0, &len, &base);
    put32(p + 0x8, 0xabcd1234u); /* LOAD_BASE_ADDR (size 12) becomes a vendor tag */
    struct mb2_info info;
    assert_int_equal(mb2_info_load(p, len, &info, NULL), MB2_OK);
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    mb2_tag_iter_init(&it, &info);
    assert_int_equal(mb2_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.type, 0xabcd1234u);
    assert_int_equal(tag.size, 12);
    assert_null(mb2_tag_type_name(tag.type));
    assert_ptr_equal(tag.bytes, p + 8);
    /* An early end tag ends the walk (ACPI_OLD at +0x2c0 becomes END, size 8). */
    put32(p + 0x2c0, MB2_TAG_TYPE_END);
    put32(p + 0x2c4, 8);
    assert_int_equal(mb2_info_load(p, len, &info, NULL), MB2_OK);
    assert_int_equal(mb2_tag_find(&info, MB2_TAG_TYPE_ACPI_OLD, &tag), MB2_NOT_FOUND);
    free(base);
}

/* mb2_info_map over the memory snapshot taken when the kernel had the MBI:
 * the mapped bytes are those of the .mbi, every map is unmapped. */
static void test_map_snapshot(void **state)
{
    (void)state;
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        struct mock_mem mem;
        char rel[128];
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        mock_mem_init(&mem);
        snprintf(rel, sizeof(rel), "fixtures/multiboot2/%s.mem", fixture_names[i]);
        assert_true(mock_mem_load_ranges(&mem, support_path(rel)) > 0);
        struct mb2_host host = {&mem, mock_mem_map, mock_mem_unmap};
        struct mb2_info info;
        uint32_t bad;
        assert_int_equal(mb2_info_map(&host, t.ebx, 1u << 20, &info, &bad), MB2_OK);
        assert_int_equal(info.total_size, f.len);
        assert_memory_equal(info.bytes, f.bytes, f.len);
        mb2_info_unmap(&host, &info);
        assert_true(mock_mem_clean(&mem));
        /* A bound below total_size, a misaligned address, uncaptured memory. */
        assert_int_equal(mb2_info_map(&host, t.ebx, 16, &info, &bad), MB2_TOTAL_SIZE_TOO_LARGE);
        assert_int_equal(mb2_info_map(&host, t.ebx + 4, 1u << 20, &info, &bad), MB2_MISALIGNED);
        assert_true(mock_mem_clean(&mem));
        assert_int_equal(mb2_info_map(&host, 0x40000000, 1u << 20, &info, &bad), MB2_MAP_FAILED);
        assert_int_equal(mem.live_count, 0);
        mock_mem_free(&mem);
        fixture_free(&f);
    }
}

/* The direct backend: identity (NULL offset) and a fixed offset. */
static void test_direct_map(void **state)
{
    (void)state;
    struct fixture f;
    fixture_load("grub-efi-q35", &f);
    struct mb2_host identity = MB2_HOST_DIRECT(NULL);
    struct mb2_info info;
    assert_int_equal(mb2_info_map(&identity, (uint64_t)(uintptr_t)f.bytes, f.len, &info, NULL),
                     MB2_OK);
    assert_ptr_equal(info.bytes, f.bytes);
    mb2_info_unmap(&identity, &info);
    uint64_t offset = (uint64_t)(uintptr_t)f.bytes - 0x6000;
    struct mb2_host shifted = MB2_HOST_DIRECT(&offset);
    assert_int_equal(mb2_info_map(&shifted, 0x6000, f.len, &info, NULL), MB2_OK);
    assert_ptr_equal(info.bytes, f.bytes);
    assert_null(mb2_direct_map(NULL, UINTPTR_MAX - 8, 64));
    fixture_free(&f);
}

/* Every bound below total_size is refused before any tag is read; every
 * value of every byte of every tag header gives a status, and a structure
 * that validates walks to its end tag (exactly-sized copies for ASan). */
static void test_exhaustive_corruption(void **state)
{
    (void)state;
    struct fixture f;
    fixture_load("grub-bios-i440fx", &f);
    struct mb2_info info;
    uint32_t bad;
    for (size_t max = 0; max < f.len; max++)
        assert_int_equal(mb2_info_load(f.bytes, max, &info, &bad), MB2_TOTAL_SIZE_TOO_LARGE);
    uint8_t *copy = aligned_alloc(8, f.len);
    assert_non_null(copy);
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    mb2_tag_iter_init(&it, &f.info);
    size_t valid = 0, invalid = 0;
    while (mb2_tag_next(&it, &tag) == MB2_OK) {
        for (uint32_t k = 0; k < 8; k++) {
            for (unsigned v = 0; v < 256; v++) {
                memcpy(copy, f.bytes, f.len);
                copy[tag.offset + k] = (uint8_t)v;
                enum mb2_status st = mb2_info_load(copy, f.len, &info, &bad);
                if (st != MB2_OK) {
                    assert_true(st >= MB2_MISALIGNED && st <= MB2_BAD_END_TAG);
                    assert_true(bad <= f.len);
                    invalid++;
                    continue;
                }
                struct mb2_tag_iter w;
                struct mb2_tag t2;
                enum mb2_status ws;
                mb2_tag_iter_init(&w, &info);
                while ((ws = mb2_tag_next(&w, &t2)) == MB2_OK)
                    assert_true(t2.offset + t2.size <= info.total_size);
                assert_int_equal(ws, MB2_END);
                valid++;
            }
        }
    }
    assert_true(valid > 0 && invalid > 0);
    free(copy);
    fixture_free(&f);
}

static void test_status_str(void **state)
{
    (void)state;
    assert_string_equal(mb2_status_str(MB2_OK), "ok");
    for (int s = 0; s < 140; s++)
        assert_non_null(mb2_status_str((enum mb2_status)s));
    assert_string_equal(mb2_status_str(MB2_NO_END_TAG), "no end tag");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_tags), cmocka_unit_test(test_find),
        cmocka_unit_test(test_order_differs), cmocka_unit_test(test_evil),
        cmocka_unit_test(test_unknown_tags), cmocka_unit_test(test_map_snapshot),
        cmocka_unit_test(test_direct_map), cmocka_unit_test(test_exhaustive_corruption),
        cmocka_unit_test(test_status_str),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
