/* The ELF sections tag of GRUB 2.06's captures against the section headers of
 * kernel.elf (the image GRUB loaded) and the .txt decoding; section names read
 * through the map contract from the memory snapshot; malformed tags. */
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
#include "multiboot2/builder.h"
#include "multiboot2/elf_sections.h"
#include "support.h"
#include "truth.h"

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* kernel.elf's section header table (ELF32, System V gABI 4). */
struct elf_file {
    uint8_t *bytes;
    size_t len;
    uint32_t shoff;
    uint16_t shentsize, shnum, shstrndx;
};

static void elf_open(struct elf_file *e)
{
    e->bytes = fixture_file("fixtures/multiboot2/kernel.elf", &e->len);
    assert_memory_equal(e->bytes, "\x7f" "ELF", 4);
    assert_int_equal(e->bytes[4], 1); /* ELFCLASS32 */
    e->shoff = rd32(e->bytes + 0x20);
    e->shentsize = rd16(e->bytes + 0x2e);
    e->shnum = rd16(e->bytes + 0x30);
    e->shstrndx = rd16(e->bytes + 0x32);
    assert_true(e->shoff + (size_t)e->shnum * e->shentsize <= e->len);
}

static const uint8_t *elf_shdr(const struct elf_file *e, uint32_t i)
{
    return e->bytes + e->shoff + (size_t)i * e->shentsize;
}

static const char *elf_name(const struct elf_file *e, uint32_t i)
{
    const uint8_t *strtab = elf_shdr(e, e->shstrndx);
    return (const char *)e->bytes + rd32(strtab + 16) + rd32(elf_shdr(e, i));
}

static void test_sections_match_kernel_elf(void **state)
{
    (void)state;
    struct elf_file e;
    elf_open(&e);
    for (size_t i = 0; i < FIXTURE_COUNT; i++) {
        static struct truth t;
        struct fixture f;
        struct mb2_tag tag;
        assert_int_equal(truth_load(fixture_names[i], &t), 0);
        fixture_load(fixture_names[i], &f);
        assert_int_equal(mb2_tag_find(&f.info, MB2_TAG_TYPE_ELF_SECTIONS, &tag), MB2_OK);
        /* GRUB 2.06's layout: 20-byte fixed part with 32-bit fields. */
        assert_int_equal(tag.size, 20 + (uint32_t)e.shnum * e.shentsize);
        struct mb2_elf_sections secs;
        assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_OK);
        assert_int_equal(secs.num, e.shnum);
        assert_int_equal(secs.num, t.elf_num);
        assert_int_equal(secs.entsize, e.shentsize);
        assert_int_equal(secs.entsize, t.elf_entsize);
        assert_int_equal(secs.shndx, e.shstrndx);
        assert_int_equal(secs.shndx, t.elf_shndx);

        struct mock_mem mem;
        char rel[128];
        mock_mem_init(&mem);
        snprintf(rel, sizeof(rel), "fixtures/multiboot2/%s.mem", fixture_names[i]);
        assert_true(mock_mem_load_ranges(&mem, support_path(rel)) > 0);
        struct mb2_host host = {&mem, mock_mem_map, mock_mem_unmap};

        struct mb2_elf_section_iter it;
        struct mb2_elf_section s;
        uint32_t n = 0;
        mb2_elf_section_iter_init(&it, &secs);
        while (mb2_elf_section_next(&it, &s) == MB2_OK) {
            const uint8_t *h = elf_shdr(&e, n);
            assert_int_equal(s.sh_name, rd32(h + 0));
            assert_int_equal(s.sh_type, rd32(h + 4));
            assert_int_equal(s.sh_flags, rd32(h + 8));
            assert_int_equal(s.sh_offset, rd32(h + 16));
            assert_int_equal(s.sh_size, rd32(h + 20));
            assert_int_equal(s.sh_link, rd32(h + 24));
            assert_int_equal(s.sh_info, rd32(h + 28));
            assert_int_equal(s.sh_addralign, rd32(h + 32));
            assert_int_equal(s.sh_entsize, rd32(h + 36));
            /* Allocated sections sit where the ELF says; GRUB loads the
             * others (symbols, strings) and writes their address. */
            if ((s.sh_flags & MB2_ELF_SHF_ALLOC) != 0)
                assert_int_equal(s.sh_addr, rd32(h + 12));
            assert_int_equal(s.sh_name, t.elf[n].name_off);
            assert_int_equal(s.sh_type, t.elf[n].type);
            assert_int_equal(s.sh_flags, t.elf[n].flags);
            assert_int_equal(s.sh_addr, t.elf[n].addr);
            assert_int_equal(s.sh_offset, t.elf[n].offset);
            assert_int_equal(s.sh_size, t.elf[n].size);

            char name[32];
            assert_int_equal(mb2_elf_section_name(&host, &secs, &s, name, sizeof(name)), MB2_OK);
            assert_string_equal(name, elf_name(&e, n));
            n++;
        }
        assert_int_equal(n, e.shnum);
        assert_true(mock_mem_clean(&mem));

        /* A name longer than the buffer; a buffer of exactly the name. */
        struct mb2_elf_section text;
        char small[6];
        assert_int_equal(mb2_elf_section_at(&secs, 1, &text), MB2_OK);
        assert_int_equal(mb2_elf_section_name(&host, &secs, &text, small, 5),
                         MB2_BUFFER_TOO_SMALL);
        assert_int_equal(mb2_elf_section_name(&host, &secs, &text, small, 6), MB2_OK);
        assert_string_equal(small, ".text");
        /* sh_name past the string table. */
        struct mb2_elf_section bad = text;
        bad.sh_name = t.elf[t.elf_shndx].size;
        assert_int_equal(mb2_elf_section_name(&host, &secs, &bad, small, 6), MB2_BAD_INDEX);
        assert_int_equal(mb2_elf_section_at(&secs, secs.num, &bad), MB2_BAD_INDEX);
        assert_true(mock_mem_clean(&mem));
        mock_mem_free(&mem);

        /* Memory that was not captured: the map fails. */
        struct mock_mem empty;
        mock_mem_init(&empty);
        struct mb2_host none = {&empty, mock_mem_map, mock_mem_unmap};
        assert_int_equal(mb2_elf_section_name(&none, &secs, &text, small, 6), MB2_MAP_FAILED);
        mock_mem_free(&empty);
        fixture_free(&f);
    }
    free(e.bytes);
}

/* Malformed tags: shndx out of range, entsize unknown, headers past the tag,
 * a string table without its NUL or not of type STRTAB. */
static void test_evil_sections(void **state)
{
    (void)state;
    struct fixture f;
    struct mb2_tag orig;
    fixture_load("grub-bios-i440fx", &f);
    assert_int_equal(mb2_tag_find(&f.info, MB2_TAG_TYPE_ELF_SECTIONS, &orig), MB2_OK);
    uint8_t *buf = malloc(orig.size);
    assert_non_null(buf);
    memcpy(buf, orig.bytes, orig.size);
    struct mb2_tag tag = {orig.type, orig.size, 0, buf};
    struct mb2_elf_sections secs;

    put32(buf + 16, 7); /* shndx == num */
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_BAD_INDEX);
    put32(buf + 16, 0xffffffffu);
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_BAD_INDEX);
    put32(buf + 16, 6);
    put32(buf + 12, 0);
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_UNSUPPORTED);
    put32(buf + 12, 32);
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_UNSUPPORTED);
    put32(buf + 12, 40);
    put32(buf + 8, 8); /* one header more than the tag holds */
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_TAG_TRUNCATED);
    put32(buf + 8, 0x40000000u);
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_TAG_TRUNCATED);
    put32(buf + 8, 7);
    tag.size = 16;
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_TAG_TRUNCATED);
    tag.size = orig.size;
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_OK);

    /* A string table of 4 bytes "abcd" without NUL. */
    uint8_t strtab[4] = {'a', 'b', 'c', 'd'};
    struct mock_mem mem;
    mock_mem_init(&mem);
    assert_int_equal(mock_mem_add_copy(&mem, 0x5000, strtab, sizeof(strtab)), 0);
    struct mb2_host host = {&mem, mock_mem_map, mock_mem_unmap};
    uint8_t *sh6 = buf + 20 + 6 * 40;
    put32(sh6 + 12, 0x5000); /* sh_addr */
    put32(sh6 + 20, 4);      /* sh_size */
    struct mb2_elf_section s = {0};
    char name[16];
    assert_int_equal(mb2_elf_section_name(&host, &secs, &s, name, sizeof(name)), MB2_BAD_STRING);
    s.sh_name = 4;
    assert_int_equal(mb2_elf_section_name(&host, &secs, &s, name, sizeof(name)), MB2_BAD_INDEX);
    put32(sh6 + 4, MB2_ELF_SHT_PROGBITS);
    assert_int_equal(mb2_elf_section_name(&host, &secs, &s, name, sizeof(name)), MB2_NOT_FOUND);
    put32(sh6 + 4, MB2_ELF_SHT_STRTAB);
    put32(sh6 + 12, 0); /* not loaded */
    assert_int_equal(mb2_elf_section_name(&host, &secs, &s, name, sizeof(name)), MB2_NOT_FOUND);
    assert_true(mock_mem_clean(&mem));
    mock_mem_free(&mem);
    free(buf);
    fixture_free(&f);
}

/* ELF64 section headers (entsize 64), as a 64-bit kernel's tag carries them. */
static void test_elf64(void **state)
{
    (void)state;
    uint8_t hdrs[2 * 64] = {0};
    /* Section 1: sh_name 1, SHT_STRTAB, sh_addr 0xffffffff80001000, sh_size 16. */
    put32(hdrs + 64 + 0, 1);
    put32(hdrs + 64 + 4, MB2_ELF_SHT_STRTAB);
    put32(hdrs + 64 + 16, 0x80001000u);
    put32(hdrs + 64 + 20, 0xffffffffu);
    put32(hdrs + 64 + 32, 16);
    _Alignas(8) uint8_t buf[256];
    struct mb2_builder b;
    assert_int_equal(mb2_builder_init(&b, buf, sizeof(buf)), MB2_OK);
    assert_int_equal(mb2_builder_add_elf_sections(&b, 2, 64, 1, hdrs), MB2_OK);
    assert_int_equal(mb2_builder_finish(&b, NULL), MB2_OK);
    struct mb2_info info;
    struct mb2_tag tag;
    assert_int_equal(mb2_info_load(buf, sizeof(buf), &info, NULL), MB2_OK);
    assert_int_equal(mb2_tag_find(&info, MB2_TAG_TYPE_ELF_SECTIONS, &tag), MB2_OK);
    struct mb2_elf_sections secs;
    struct mb2_elf_section s;
    assert_int_equal(mb2_elf_sections(&tag, &secs), MB2_OK);
    assert_int_equal(mb2_elf_section_at(&secs, 1, &s), MB2_OK);
    assert_int_equal(s.sh_addr, 0xffffffff80001000ull);
    assert_int_equal(s.sh_size, 16);
    assert_int_equal(s.sh_type, MB2_ELF_SHT_STRTAB);
    /* Its name through a fixed-offset direct map of a host buffer. */
    char strtab[16] = "\0.strtab";
    uint64_t offset = (uint64_t)(uintptr_t)strtab - 0xffffffff80001000ull;
    struct mb2_host host = MB2_HOST_DIRECT(&offset);
    char name[16];
    assert_int_equal(mb2_elf_section_name(&host, &secs, &s, name, sizeof(name)), MB2_OK);
    assert_string_equal(name, ".strtab");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections_match_kernel_elf),
        cmocka_unit_test(test_evil_sections),
        cmocka_unit_test(test_elf64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
