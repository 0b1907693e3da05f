/* The Multiboot2 header: constants against the specification, a complete
 * header defined at compile time in C and one written in assembly, both found
 * and validated; the capture kernel's header; every validation rule broken. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "multiboot2/multiboot2.h"

/* Values as the Multiboot2 specification (version 2.0) states them. */
static void test_spec_constants(void **state)
{
    (void)state;
    /* 3.1.2 and 3.3 */
    assert_int_equal(MB2_HEADER_MAGIC, 0xE85250D6u);
    assert_int_equal(MB2_BOOTLOADER_MAGIC, 0x36d76289u);
    assert_int_equal(MB2_HEADER_ARCHITECTURE_I386, 0);
    assert_int_equal(MB2_HEADER_ARCHITECTURE_MIPS32, 4);
    assert_int_equal(MB2_HEADER_SEARCH_LIMIT, 32768);
    assert_int_equal(MB2_HEADER_ALIGN, 8);
    /* 3.1.3 - 3.1.13: header tag types */
    assert_int_equal(MB2_HEADER_TAG_END, 0);
    assert_int_equal(MB2_HEADER_TAG_INFORMATION_REQUEST, 1);
    assert_int_equal(MB2_HEADER_TAG_ADDRESS, 2);
    assert_int_equal(MB2_HEADER_TAG_ENTRY_ADDRESS, 3);
    assert_int_equal(MB2_HEADER_TAG_CONSOLE_FLAGS, 4);
    assert_int_equal(MB2_HEADER_TAG_FRAMEBUFFER, 5);
    assert_int_equal(MB2_HEADER_TAG_MODULE_ALIGN, 6);
    assert_int_equal(MB2_HEADER_TAG_EFI_BS, 7);
    assert_int_equal(MB2_HEADER_TAG_ENTRY_ADDRESS_EFI32, 8);
    assert_int_equal(MB2_HEADER_TAG_ENTRY_ADDRESS_EFI64, 9);
    assert_int_equal(MB2_HEADER_TAG_RELOCATABLE, 10);
    assert_int_equal(MB2_HEADER_TAG_OPTIONAL, 1);
    assert_int_equal(MB2_CONSOLE_FLAGS_CONSOLE_REQUIRED, 1);
    assert_int_equal(MB2_CONSOLE_FLAGS_EGA_TEXT_SUPPORTED, 2);
    assert_int_equal(MB2_LOAD_PREFERENCE_NONE, 0);
    assert_int_equal(MB2_LOAD_PREFERENCE_LOW, 1);
    assert_int_equal(MB2_LOAD_PREFERENCE_HIGH, 2);
    /* 3.6.2 - 3.6.23: boot information tag types */
    assert_int_equal(MB2_TAG_TYPE_END, 0);
    assert_int_equal(MB2_TAG_TYPE_CMDLINE, 1);
    assert_int_equal(MB2_TAG_TYPE_BOOT_LOADER_NAME, 2);
    assert_int_equal(MB2_TAG_TYPE_MODULE, 3);
    assert_int_equal(MB2_TAG_TYPE_BASIC_MEMINFO, 4);
    assert_int_equal(MB2_TAG_TYPE_BOOTDEV, 5);
    assert_int_equal(MB2_TAG_TYPE_MMAP, 6);
    assert_int_equal(MB2_TAG_TYPE_VBE, 7);
    assert_int_equal(MB2_TAG_TYPE_FRAMEBUFFER, 8);
    assert_int_equal(MB2_TAG_TYPE_ELF_SECTIONS, 9);
    assert_int_equal(MB2_TAG_TYPE_APM, 10);
    assert_int_equal(MB2_TAG_TYPE_EFI32, 11);
    assert_int_equal(MB2_TAG_TYPE_EFI64, 12);
    assert_int_equal(MB2_TAG_TYPE_SMBIOS, 13);
    assert_int_equal(MB2_TAG_TYPE_ACPI_OLD, 14);
    assert_int_equal(MB2_TAG_TYPE_ACPI_NEW, 15);
    assert_int_equal(MB2_TAG_TYPE_NETWORK, 16);
    assert_int_equal(MB2_TAG_TYPE_EFI_MMAP, 17);
    assert_int_equal(MB2_TAG_TYPE_EFI_BS, 18);
    assert_int_equal(MB2_TAG_TYPE_EFI32_IH, 19);
    assert_int_equal(MB2_TAG_TYPE_EFI64_IH, 20);
    assert_int_equal(MB2_TAG_TYPE_LOAD_BASE_ADDR, 21);
    /* 3.6.8 memory types, 3.6.12 framebuffer types */
    assert_int_equal(MB2_MEMORY_AVAILABLE, 1);
    assert_int_equal(MB2_MEMORY_RESERVED, 2);
    assert_int_equal(MB2_MEMORY_ACPI_RECLAIMABLE, 3);
    assert_int_equal(MB2_MEMORY_NVS, 4);
    assert_int_equal(MB2_MEMORY_BADRAM, 5);
    assert_int_equal(MB2_FRAMEBUFFER_TYPE_INDEXED, 0);
    assert_int_equal(MB2_FRAMEBUFFER_TYPE_RGB, 1);
    assert_int_equal(MB2_FRAMEBUFFER_TYPE_EGA_TEXT, 2);
    /* Spec tag sizes: basic meminfo 16, bootdev 20, VBE 784, APM 28, EFI64 16. */
    assert_int_equal(sizeof(struct mb2_tag_basic_meminfo), 16);
    assert_int_equal(sizeof(struct mb2_tag_bootdev), 20);
    assert_int_equal(sizeof(struct mb2_tag_vbe), 784);
    assert_int_equal(sizeof(struct mb2_tag_apm), 28);
    assert_int_equal(sizeof(struct mb2_tag_u64), 16);
    assert_int_equal(sizeof(struct mb2_mmap_entry), 24);
    assert_int_equal(sizeof(struct mb2_header_tag_address), 24);
    assert_int_equal(sizeof(struct mb2_header_tag_relocatable), 24);
    assert_int_equal(sizeof(struct mb2_header_tag_framebuffer), 20);
    assert_string_equal(mb2_tag_type_name(MB2_TAG_TYPE_ACPI_NEW), "ACPI_NEW");
    assert_string_equal(mb2_tag_type_name(MB2_TAG_TYPE_LOAD_BASE_ADDR), "LOAD_BASE_ADDR");
}

/* A complete header defined at compile time with every header tag. */
struct test_header {
    struct mb2_header header;
    MB2_HEADER_SLOT(MB2_HEADER_TAG_INFORMATION_REQUEST_TYPE(3)) request;
    MB2_HEADER_SLOT(struct mb2_header_tag_address) address;
    MB2_HEADER_SLOT(struct mb2_header_tag_entry_address) entry;
    MB2_HEADER_SLOT(struct mb2_header_tag_entry_address) entry_efi32;
    MB2_HEADER_SLOT(struct mb2_header_tag_entry_address) entry_efi64;
    MB2_HEADER_SLOT(struct mb2_header_tag_console_flags) console;
    MB2_HEADER_SLOT(struct mb2_header_tag_framebuffer) framebuffer;
    MB2_HEADER_SLOT(struct mb2_header_tag) module_align;
    MB2_HEADER_SLOT(struct mb2_header_tag) efi_bs;
    MB2_HEADER_SLOT(struct mb2_header_tag_relocatable) relocatable;
    MB2_HEADER_SLOT(struct mb2_header_tag) end;
};

__attribute__((aligned(8))) static const struct test_header c_header = {
    .header = MB2_HEADER_INIT(MB2_HEADER_ARCHITECTURE_I386, sizeof(struct test_header)),
    .request = {MB2_HEADER_TAG_INFORMATION_REQUEST_INIT(0, 3, MB2_TAG_TYPE_MMAP,
                                                        MB2_TAG_TYPE_ACPI_NEW,
                                                        MB2_TAG_TYPE_FRAMEBUFFER)},
    .address = {MB2_HEADER_TAG_ADDRESS_INIT(0, 0x100000, 0x100000, 0x180000, 0x200000)},
    .entry = {MB2_HEADER_TAG_ENTRY_ADDRESS_INIT(MB2_HEADER_TAG_ENTRY_ADDRESS, 0, 0x100040)},
    .entry_efi32 = {MB2_HEADER_TAG_ENTRY_ADDRESS_INIT(MB2_HEADER_TAG_ENTRY_ADDRESS_EFI32,
                                                      MB2_HEADER_TAG_OPTIONAL, 0x100080)},
    .entry_efi64 = {MB2_HEADER_TAG_ENTRY_ADDRESS_INIT(MB2_HEADER_TAG_ENTRY_ADDRESS_EFI64,
                                                      MB2_HEADER_TAG_OPTIONAL, 0x1000c0)},
    .console = {MB2_HEADER_TAG_CONSOLE_FLAGS_INIT(MB2_HEADER_TAG_OPTIONAL,
                                                  MB2_CONSOLE_FLAGS_EGA_TEXT_SUPPORTED)},
    .framebuffer = {MB2_HEADER_TAG_FRAMEBUFFER_INIT(MB2_HEADER_TAG_OPTIONAL, 1024, 768, 32)},
    .module_align = {MB2_HEADER_TAG_MODULE_ALIGN_INIT(0)},
    .efi_bs = {MB2_HEADER_TAG_EFI_BS_INIT(MB2_HEADER_TAG_OPTIONAL)},
    .relocatable = {MB2_HEADER_TAG_RELOCATABLE_INIT(0, 0x100000, 0x10000000, 0x200000,
                                                    MB2_LOAD_PREFERENCE_LOW)},
    .end = {MB2_HEADER_TAG_END_INIT},
};

/* Spec 3.1.3: tags start on 8-byte boundaries; the checksum is exact. */
_Static_assert(offsetof(struct test_header, request) == 16, "request after the magic fields");
_Static_assert(offsetof(struct test_header, address) == 16 + 24, "request 20 bytes, padded to 24");
_Static_assert(offsetof(struct test_header, console) == 16 + 24 + 24 + 3 * 16, "entries padded");
_Static_assert(sizeof(struct test_header) % 8 == 0, "tags are padded");
_Static_assert(MB2_HEADER_CHECKSUM(0, 24) == 0x17ADAF12u, "checksum of a minimal header");

extern const uint8_t mb2_test_asm_header[];
extern const uint8_t mb2_test_asm_header_end[];

/* An image of LEN bytes with HDR at OFFSET and noise elsewhere. */
static uint8_t *image_with(const void *hdr, size_t hdr_len, size_t offset, size_t len)
{
    uint8_t *img = malloc(len);
    assert_non_null(img);
    for (size_t i = 0; i < len; i++)
        img[i] = (uint8_t)(i * 131u + 7u);
    memcpy(img + offset, hdr, hdr_len);
    return img;
}

static void test_c_header(void **state)
{
    (void)state;
    const size_t hlen = sizeof(c_header);
    uint8_t *img = image_with(&c_header, hlen, 4096, 8192);
    /* A stray magic with a bad checksum before the header is skipped. */
    memcpy(img + 1024, "\xd6\x50\x52\xe8", 4);
    struct mb2_header_info h;
    assert_int_equal(mb2_header_find(img, 8192, &h), MB2_OK);
    assert_int_equal(h.offset, 4096);
    assert_int_equal(h.architecture, MB2_HEADER_ARCHITECTURE_I386);
    assert_int_equal(h.header_length, hlen);
    assert_int_equal((uint32_t)(MB2_HEADER_MAGIC + h.architecture + h.header_length + h.checksum), 0);

    struct mb2_header_tag_iter it;
    struct mb2_header_tag_view tag;
    mb2_header_tag_iter_init(&it, &h);
    struct mb2_header_information_request req;
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.size, 20);
    assert_int_equal(mb2_header_information_request(&tag, &req), MB2_OK);
    assert_int_equal(req.count, 3);
    assert_int_equal(mb2_header_information_request_type_at(&req, 0), MB2_TAG_TYPE_MMAP);
    assert_int_equal(mb2_header_information_request_type_at(&req, 1), MB2_TAG_TYPE_ACPI_NEW);
    assert_int_equal(mb2_header_information_request_type_at(&req, 2), MB2_TAG_TYPE_FRAMEBUFFER);
    assert_int_equal(mb2_header_information_request_type_at(&req, 3), 0);
    struct mb2_header_tag_address a;
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_header_address(&tag, &a), MB2_OK);
    assert_int_equal(a.header_addr, 0x100000);
    assert_int_equal(a.load_end_addr, 0x180000);
    assert_int_equal(a.bss_end_addr, 0x200000);
    uint32_t entry;
    const uint32_t entries[3] = {0x100040, 0x100080, 0x1000c0};
    const uint16_t types[3] = {MB2_HEADER_TAG_ENTRY_ADDRESS, MB2_HEADER_TAG_ENTRY_ADDRESS_EFI32,
                               MB2_HEADER_TAG_ENTRY_ADDRESS_EFI64};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
        assert_int_equal(tag.type, types[i]);
        assert_int_equal(tag.size, 12);
        assert_int_equal(mb2_header_entry_address(&tag, &entry), MB2_OK);
        assert_int_equal(entry, entries[i]);
    }
    uint32_t flags;
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.flags, MB2_HEADER_TAG_OPTIONAL);
    assert_int_equal(mb2_header_console_flags(&tag, &flags), MB2_OK);
    assert_int_equal(flags, MB2_CONSOLE_FLAGS_EGA_TEXT_SUPPORTED);
    struct mb2_header_tag_framebuffer fb;
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_header_framebuffer(&tag, &fb), MB2_OK);
    assert_int_equal(fb.width, 1024);
    assert_int_equal(fb.height, 768);
    assert_int_equal(fb.depth, 32);
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.type, MB2_HEADER_TAG_MODULE_ALIGN);
    assert_int_equal(tag.size, 8);
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(tag.type, MB2_HEADER_TAG_EFI_BS);
    struct mb2_header_tag_relocatable r;
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_header_relocatable(&tag, &r), MB2_OK);
    assert_int_equal(r.min_addr, 0x100000);
    assert_int_equal(r.max_addr, 0x10000000);
    assert_int_equal(r.align, 0x200000);
    assert_int_equal(r.preference, MB2_LOAD_PREFERENCE_LOW);
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_END);
    /* Decoders refuse other tag types. */
    assert_int_equal(mb2_header_framebuffer(&tag, &fb), MB2_INVALID_ARGUMENT);
    assert_int_equal(mb2_header_entry_address(&tag, &entry), MB2_INVALID_ARGUMENT);
    free(img);
}

static void test_asm_header(void **state)
{
    (void)state;
    const size_t hlen = (size_t)(mb2_test_asm_header_end - mb2_test_asm_header);
    assert_int_equal(hlen, 16 + 16 + 16 + 8);
    uint8_t *img = image_with(mb2_test_asm_header, hlen, 32768 - hlen - 8, 40000);
    struct mb2_header_info h;
    assert_int_equal(mb2_header_find(img, 40000, &h), MB2_OK);
    assert_int_equal(h.offset, 32768 - hlen - 8);
    struct mb2_header_tag_iter it;
    struct mb2_header_tag_view tag;
    struct mb2_header_information_request req;
    uint32_t flags;
    mb2_header_tag_iter_init(&it, &h);
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_header_information_request(&tag, &req), MB2_OK);
    assert_int_equal(req.count, 2);
    assert_int_equal(mb2_header_information_request_type_at(&req, 1), MB2_TAG_TYPE_BOOT_LOADER_NAME);
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_OK);
    assert_int_equal(mb2_header_console_flags(&tag, &flags), MB2_OK);
    assert_int_equal(flags, 2);
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_END);
    free(img);
}

/* kernel.elf (the capture kernel): a header with only the end tag. */
static void test_capture_kernel(void **state)
{
    (void)state;
    size_t len;
    uint8_t *elf = fixture_file("fixtures/multiboot2/kernel.elf", &len);
    struct mb2_header_info h;
    assert_int_equal(mb2_header_find(elf, len, &h), MB2_OK);
    assert_int_equal(h.architecture, MB2_HEADER_ARCHITECTURE_I386);
    assert_int_equal(h.header_length, 24);
    /* It sits at the start of .text, file offset 0x1000 (readelf -S). */
    assert_int_equal(h.offset, 0x1000);
    struct mb2_header_tag_iter it;
    struct mb2_header_tag_view tag;
    mb2_header_tag_iter_init(&it, &h);
    assert_int_equal(mb2_header_tag_next(&it, &tag), MB2_END);
    free(elf);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* Rewrite the header at IMG+OFF with ARCH and LEN and a matching checksum. */
static void reseal(uint8_t *img, size_t off, uint32_t arch, uint32_t len)
{
    put32(img + off + 4, arch);
    put32(img + off + 8, len);
    put32(img + off + 12, MB2_HEADER_CHECKSUM(arch, len));
}

static void expect_header(const uint8_t *img, size_t len, enum mb2_status want)
{
    struct mb2_header_info h;
    assert_int_equal(mb2_header_find(img, len, &h), want);
}

static void test_evil_headers(void **state)
{
    (void)state;
    const size_t hlen = sizeof(c_header);
    const size_t off = 256;
    uint8_t *img = image_with(&c_header, hlen, off, 1024);
    expect_header(img, 1024, MB2_OK);

    img[off + 12] ^= 1; /* checksum */
    expect_header(img, 1024, MB2_BAD_CHECKSUM);
    img[off + 12] ^= 1;
    reseal(img, off, 1, (uint32_t)hlen); /* architecture */
    expect_header(img, 1024, MB2_BAD_ARCHITECTURE);
    reseal(img, off, MB2_HEADER_ARCHITECTURE_MIPS32, (uint32_t)hlen);
    expect_header(img, 1024, MB2_OK);
    reseal(img, off, 0, 16); /* no room for the end tag */
    expect_header(img, 1024, MB2_BAD_HEADER_LENGTH);
    reseal(img, off, 0, 1024); /* past the image */
    expect_header(img, 1024, MB2_BAD_HEADER_LENGTH);
    reseal(img, off, 0, 0xfffffff0u);
    expect_header(img, 1024, MB2_BAD_HEADER_LENGTH);
    reseal(img, off, 0, 48); /* ends inside the address tag at +40 */
    expect_header(img, 1024, MB2_TAG_OUT_OF_BOUNDS);
    reseal(img, off, 0, 40); /* ends right after the (padded) request tag */
    expect_header(img, 1024, MB2_NO_END_TAG);
    reseal(img, off, 0, (uint32_t)hlen);
    put32(img + off + 16 + 4, 4); /* request tag size below 8 */
    expect_header(img, 1024, MB2_TAG_TOO_SMALL);
    put32(img + off + 16 + 4, 20);
    put32(img + off + hlen - 4, 16); /* end tag of size 16 (runs past) */
    expect_header(img, 1024, MB2_TAG_OUT_OF_BOUNDS);
    put32(img + off + hlen - 4, 8);
    img[off + 16] = 0; /* request becomes an end tag of size 20 */
    expect_header(img, 1024, MB2_BAD_END_TAG);
    img[off + 16] = MB2_HEADER_TAG_INFORMATION_REQUEST;
    expect_header(img, 1024, MB2_OK);
    /* Truncated image, no magic at all, tiny inputs. */
    expect_header(img, off + 8, MB2_NOT_FOUND);
    expect_header(img, off + hlen - 1, MB2_BAD_HEADER_LENGTH);
    expect_header(img, 0, MB2_NOT_FOUND);
    free(img);

    /* Only 8-byte aligned offsets are searched. */
    img = image_with(&c_header, hlen, 260, 1024);
    expect_header(img, 1024, MB2_NOT_FOUND);
    free(img);
    /* Nothing past the first 32 KiB is searched. */
    img = image_with(&c_header, hlen, 32768, 40000);
    expect_header(img, 40000, MB2_NOT_FOUND);
    free(img);
    /* Straddling the 32 KiB limit. */
    img = image_with(&c_header, hlen, 32768 - 16, 40000);
    expect_header(img, 40000, MB2_BAD_HEADER_LENGTH);
    free(img);
    assert_int_equal(mb2_header_find(NULL, 0, NULL), MB2_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_constants), cmocka_unit_test(test_c_header),
        cmocka_unit_test(test_asm_header), cmocka_unit_test(test_capture_kernel),
        cmocka_unit_test(test_evil_headers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
