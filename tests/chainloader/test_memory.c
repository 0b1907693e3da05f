/* The chainloader's memory bookkeeping (examples/chainloader/memory.c) over
 * GRUB's real memory map: the boot information GRUB 2.06 passed on i440fx +
 * SeaBIOS with 128 MiB (fixtures/multiboot2/grub-bios-i440fx.mbi; its .txt
 * lists the entries asserted here), plus a hand-built map for adjacent
 * available entries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "memory.h"
#include "multiboot2/builder.h"
#include "support.h"

#define MIB ((uint64_t)1 << 20)

struct fixture {
    uint8_t *bytes;
    struct mb2_info info;
    struct mb2_mmap mmap;
};

static int load(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    size_t len = 0;
    struct mb2_tag tag;
    if (f == NULL ||
        support_read_file(support_path("fixtures/multiboot2/grub-bios-i440fx.mbi"), &f->bytes,
                          &len) != 0 ||
        mb2_info_load(f->bytes, len, &f->info, NULL) != MB2_OK ||
        mb2_tag_find(&f->info, MB2_TAG_TYPE_MMAP, &tag) != MB2_OK ||
        mb2_mmap(&tag, &f->mmap) != MB2_OK) {
        return -1;
    }
    *state = f;
    return 0;
}

static int unload(void **state)
{
    struct fixture *f = *state;
    free(f->bytes);
    free(f);
    return 0;
}

static void assert_entry(const struct mb2_mmap_entry *e, uint64_t base, uint64_t length,
                         uint32_t type)
{
    assert_int_equal(e->base_addr, base);
    assert_int_equal(e->length, length);
    assert_int_equal(e->type, type);
}

/* The chainloader's two ranges inside GRUB's 0x100000-0x7fdffff entry. */
static void test_carve_loader_ranges(void **state)
{
    const struct fixture *f = *state;
    const struct chain_range reserved[] = {{0x1000000, 0x100c000}, {0x100c000, 0x101c000}};
    struct mb2_mmap_entry out[16];
    uint32_t n = 0;
    assert_int_equal(chain_mmap_carve(&f->mmap, reserved, 2, out, 16, &n), CHAIN_OK);
    assert_int_equal(n, 10);
    assert_entry(&out[0], 0x0, 0x9fc00, MB2_MEMORY_AVAILABLE);
    assert_entry(&out[1], 0x9fc00, 0x400, MB2_MEMORY_RESERVED);
    assert_entry(&out[2], 0xf0000, 0x10000, MB2_MEMORY_RESERVED);
    assert_entry(&out[3], 0x100000, 0xf00000, MB2_MEMORY_AVAILABLE);
    assert_entry(&out[4], 0x1000000, 0xc000, MB2_MEMORY_RESERVED);
    assert_entry(&out[5], 0x100c000, 0x10000, MB2_MEMORY_RESERVED);
    assert_entry(&out[6], 0x101c000, 0x7fe0000 - 0x101c000, MB2_MEMORY_AVAILABLE);
    assert_entry(&out[7], 0x7fe0000, 0x20000, MB2_MEMORY_RESERVED);
    assert_entry(&out[8], 0xfffc0000, 0x40000, MB2_MEMORY_RESERVED);
    assert_entry(&out[9], 0xfd00000000, 0x300000000, MB2_MEMORY_RESERVED);
}

/* A range over the end of an available entry and one over a reserved entry:
 * only available bytes are carved; reserved entries pass unchanged. */
static void test_carve_edges(void **state)
{
    const struct fixture *f = *state;
    const struct chain_range reserved[] = {{0x7fd0000, 0x7ff0000}, {0x9f000, 0xa0000}};
    struct mb2_mmap_entry out[16];
    uint32_t n = 0;
    assert_int_equal(chain_mmap_carve(&f->mmap, reserved, 2, out, 16, &n), CHAIN_OK);
    assert_int_equal(n, 9);
    assert_entry(&out[0], 0x0, 0x9f000, MB2_MEMORY_AVAILABLE);
    assert_entry(&out[1], 0x9f000, 0xc00, MB2_MEMORY_RESERVED);
    assert_entry(&out[2], 0x9fc00, 0x400, MB2_MEMORY_RESERVED);
    assert_entry(&out[4], 0x100000, 0x7fd0000 - 0x100000, MB2_MEMORY_AVAILABLE);
    assert_entry(&out[5], 0x7fd0000, 0x10000, MB2_MEMORY_RESERVED);
    assert_entry(&out[6], 0x7fe0000, 0x20000, MB2_MEMORY_RESERVED);
}

static void test_carve_full_table(void **state)
{
    const struct fixture *f = *state;
    const struct chain_range reserved[] = {{0x1000000, 0x100c000}};
    struct mb2_mmap_entry out[5];
    uint32_t n = 0;
    assert_int_equal(chain_mmap_carve(&f->mmap, reserved, 1, out, 5, &n), CHAIN_NO_MEMORY);
    assert_int_equal(n, 5);
}

static void test_available(void **state)
{
    const struct fixture *f = *state;
    struct chain_memory m;
    chain_memory_init(&m, &f->mmap);
    assert_true(chain_memory_available(&m, 0x100000, 0x200000));
    assert_true(chain_memory_available(&m, 0x100000, 0x7fe0000));
    assert_false(chain_memory_available(&m, 0x9f000, 0xa0000));    /* into the EBDA */
    assert_false(chain_memory_available(&m, 0x7fdf000, 0x7fe1000)); /* past the end of RAM */
    assert_false(chain_memory_available(&m, 0xf0000, 0xf1000));     /* BIOS area */
}

/* Lowest fit at or above 1 MiB, aligned, clear of every busy range. */
static void test_alloc(void **state)
{
    const struct fixture *f = *state;
    struct chain_memory m;
    uint64_t at = 0;
    chain_memory_init(&m, &f->mmap);
    assert_int_equal(chain_memory_busy(&m, 0x100000, 0x175003), CHAIN_OK);
    assert_int_equal(chain_memory_alloc(&m, 0x10, 16, &at), CHAIN_OK);
    assert_int_equal(at, 0x175010);
    assert_int_equal(chain_memory_alloc(&m, 0x1000, 0x1000, &at), CHAIN_OK);
    assert_int_equal(at, 0x176000);
    assert_int_equal(chain_memory_alloc(&m, 0x1000, 2 * MIB, &at), CHAIN_OK);
    assert_int_equal(at, 2 * MIB);
    /* 0x101c000 .. 0x7fe0000 is the largest hole once the loader is busy. */
    assert_int_equal(chain_memory_busy(&m, 0x1000000, 0x101c000), CHAIN_OK);
    assert_int_equal(chain_memory_alloc(&m, 0x7fe0000 - 0x101c000, 0x1000, &at), CHAIN_OK);
    assert_int_equal(at, 0x101c000);
    assert_int_equal(chain_memory_alloc(&m, 0x1000000, 0x1000, &at), CHAIN_NO_MEMORY);
    assert_int_equal(chain_memory_alloc(&m, 0x1000, 3, &at), CHAIN_NO_MEMORY); /* not 2^n */
}

static void test_busy_table_full(void **state)
{
    const struct fixture *f = *state;
    struct chain_memory m;
    chain_memory_init(&m, &f->mmap);
    for (uint32_t i = 0; i < CHAIN_MAX_BUSY; i++) {
        assert_int_equal(chain_memory_busy(&m, 0x200000 + i * 0x1000, 0x200800 + i * 0x1000),
                         CHAIN_OK);
    }
    assert_int_equal(chain_memory_busy(&m, 0, 1), CHAIN_NO_MEMORY);
}

/* Adjacent available entries (as a UEFI map has them) count as one range. */
static void test_adjacent_entries(void **state)
{
    (void)state;
    _Alignas(8) uint8_t buf[256];
    const struct mb2_mmap_entry entries[] = {
        {0x100000, 0x100000, MB2_MEMORY_AVAILABLE, 0},
        {0x200000, 0x100000, MB2_MEMORY_AVAILABLE, 0},
        {0x300000, 0x1000, MB2_MEMORY_NVS, 0},
    };
    struct mb2_builder b;
    struct mb2_info info;
    struct mb2_tag tag;
    struct mb2_mmap mmap;
    struct chain_memory m;
    uint64_t at = 0;
    assert_int_equal(mb2_builder_init(&b, buf, sizeof buf), MB2_OK);
    assert_int_equal(mb2_builder_add_mmap(&b, entries, 3), MB2_OK);
    assert_int_equal(mb2_builder_finish(&b, NULL), MB2_OK);
    assert_int_equal(mb2_info_load(buf, sizeof buf, &info, NULL), MB2_OK);
    assert_int_equal(mb2_tag_find(&info, MB2_TAG_TYPE_MMAP, &tag), MB2_OK);
    assert_int_equal(mb2_mmap(&tag, &mmap), MB2_OK);
    chain_memory_init(&m, &mmap);
    assert_true(chain_memory_available(&m, 0x180000, 0x280000));
    assert_false(chain_memory_available(&m, 0x280000, 0x301000));
    assert_int_equal(chain_memory_busy(&m, 0x100000, 0x1c0000), CHAIN_OK);
    assert_int_equal(chain_memory_alloc(&m, 0x80000, 0x1000, &at), CHAIN_OK);
    assert_int_equal(at, 0x1c0000);
    assert_int_equal(chain_memory_alloc(&m, 0x100000, 0x1000, &at), CHAIN_NO_MEMORY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_carve_loader_ranges),
        cmocka_unit_test(test_carve_edges),
        cmocka_unit_test(test_carve_full_table),
        cmocka_unit_test(test_available),
        cmocka_unit_test(test_alloc),
        cmocka_unit_test(test_busy_table_full),
        cmocka_unit_test(test_adjacent_entries),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
