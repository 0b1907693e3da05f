/* rsdp/: BIOS-area search, validation and the EFI lookup on QEMU's real
 * firmware memory (../shared/fixtures/qemu). Expected addresses come from the
 * fixtures' README.md files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mock_mem.h"
#include "rsdp/efi.h"
#include "rsdp/rsdp.h"
#include "support.h"

static struct rsdp_host host_of(struct mock_mem *m)
{
    struct rsdp_host h = {m, mock_mem_map, mock_mem_unmap};
    return h;
}

static void load(struct mock_mem *m, const char *config)
{
    mock_mem_init(m);
    assert_true(mock_mem_load_ranges(m, support_path(config)) >= 1);
}

/* fixtures/README.md: "finds the RSDP at 0x000F59D0 (i440fx) or 0x000F59E0 (q35)";
 * the per-fixture README gives revision 0 and the RSDT address. */
static void find_bios(const char *config, uint64_t address, uint32_t rsdt)
{
    struct mock_mem m;
    load(&m, config);
    struct rsdp_host h = host_of(&m);
    struct rsdp_info info;
    assert_int_equal(rsdp_find_bios(&h, &info), RSDP_OK);
    assert_int_equal(info.address, address);
    assert_int_equal(info.revision, 0);
    assert_int_equal(info.length, RSDP_V1_LENGTH);
    assert_memory_equal(info.oem_id, "BOCHS ", 6);
    assert_int_equal(info.rsdt_address, rsdt);
    assert_int_equal(info.xsdt_address, 0);
    assert_true(mock_mem_clean(&m));
    /* "mapping as little as needed": one chunk of at most 4 KiB + 36 at a time. */
    assert_true(m.largest_map <= 4096 + RSDP_V2_LENGTH);
    mock_mem_free(&m);
}

static void test_bios_i440fx(void **state)
{
    (void)state;
    find_bios("fixtures/qemu/i440fx-seabios", 0x000F59D0, 0x07FE1B33);
}

static void test_bios_q35(void **state)
{
    (void)state;
    find_bios("fixtures/qemu/q35-seabios", 0x000F59E0, 0x07FE2487);
}

static void test_bios_nohpet(void **state)
{
    (void)state;
    find_bios("fixtures/qemu/i440fx-seabios-nohpet", 0x000F59D0, 0x07FE1A6D);
}

/* OVMF keeps no RSDP in the BIOS area; acpi=off has none anywhere. */
static void not_found(const char *config)
{
    struct mock_mem m;
    load(&m, config);
    struct rsdp_host h = host_of(&m);
    struct rsdp_info info;
    assert_int_equal(rsdp_find_bios(&h, &info), RSDP_NOT_FOUND);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

static void test_bios_ovmf_not_found(void **state)
{
    (void)state;
    not_found("fixtures/qemu/q35-ovmf");
}

static void test_bios_noacpi_not_found(void **state)
{
    (void)state;
    not_found("fixtures/qemu/i440fx-seabios-noacpi");
}

/* q35-ovmf/README.md: EFI_SYSTEM_TABLE at 0x075ec018; ACPI_20_TABLE -> 0x0777e014
 * (rev 2, RSDT 0x777d074, XSDT 0x777d0e8, not 16-byte aligned). */
static void test_efi_ovmf(void **state)
{
    (void)state;
    struct mock_mem m;
    load(&m, "fixtures/qemu/q35-ovmf");
    struct rsdp_host h = host_of(&m);
    struct rsdp_info info;
    assert_int_equal(rsdp_find_efi(&h, 0x075EC018, RSDP_EFI64, &info), RSDP_OK);
    assert_int_equal(info.address, 0x0777E014);
    assert_int_equal(info.revision, 2);
    assert_int_equal(info.length, RSDP_V2_LENGTH);
    assert_int_equal(info.rsdt_address, 0x0777D074);
    assert_int_equal(info.xsdt_address, 0x0777D0E8);
    assert_true(mock_mem_clean(&m));

    /* The second EFI_SYSTEM_TABLE of the README (0x07ee43c0) has 0 entries. */
    assert_int_equal(rsdp_find_efi(&h, 0x07EE43C0, RSDP_EFI64, &info), RSDP_NOT_FOUND);
    /* A page with no system table signature. */
    assert_int_equal(rsdp_find_efi(&h, 0x07400100, RSDP_EFI64, &info), RSDP_BAD_EFI_TABLE);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

/* The ACPI 1.0 RSDP of OVMF at 0x0777e000 (README: rev 0, RSDT 0x777d000). */
static void test_validate_at_ovmf_v1(void **state)
{
    (void)state;
    struct mock_mem m;
    load(&m, "fixtures/qemu/q35-ovmf");
    struct rsdp_host h = host_of(&m);
    struct rsdp_info info;
    assert_int_equal(rsdp_validate_at(&h, 0x0777E000, &info), RSDP_OK);
    assert_int_equal(info.revision, 0);
    assert_int_equal(info.rsdt_address, 0x0777D000);
    /* 16 bytes in: no signature there. */
    assert_int_equal(rsdp_validate_at(&h, 0x0777E010, &info), RSDP_BAD_SIGNATURE);
    /* Outside the captured memory: the map fails, nothing is read. */
    assert_int_equal(rsdp_validate_at(&h, 0x00B01277, &info), RSDP_MAP_FAILED);
    m.bad_maps = 0;
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

static void read_rsdp(const char *rel, uint8_t **data, size_t *len)
{
    assert_int_equal(support_read_file(support_path(rel), data, len), 0);
}

/* The copy in tables/RSDP.dat (36 bytes, rev 2), and corrupted copies of it. */
static void test_validate_copy(void **state)
{
    (void)state;
    uint8_t *data;
    size_t len;
    read_rsdp("fixtures/qemu/q35-ovmf/tables/RSDP.dat", &data, &len);
    assert_int_equal(len, 36);
    struct rsdp_info info;
    assert_int_equal(rsdp_validate_copy(data, len, &info), RSDP_OK);
    assert_int_equal(info.address, 0);
    assert_int_equal(info.xsdt_address, 0x0777D0E8);
    assert_int_equal(rsdp_validate_copy(data, 35, &info), RSDP_TRUNCATED);
    assert_int_equal(rsdp_validate_copy(data, 19, &info), RSDP_TRUNCATED);

    uint8_t copy[36];
    memcpy(copy, data, 36);
    copy[0] = 'X';
    assert_int_equal(rsdp_validate_copy(copy, 36, &info), RSDP_BAD_SIGNATURE);
    memcpy(copy, data, 36);
    copy[8] ^= 1; /* Checksum */
    assert_int_equal(rsdp_validate_copy(copy, 36, &info), RSDP_BAD_CHECKSUM);
    memcpy(copy, data, 36);
    copy[33] ^= 1; /* Reserved: only the extended checksum covers it */
    assert_int_equal(rsdp_validate_copy(copy, 36, &info), RSDP_BAD_EXT_CHECKSUM);
    memcpy(copy, data, 36);
    copy[20] = 20; /* Length below 36; the 20-byte checksum does not cover it */
    assert_int_equal(rsdp_validate_copy(copy, 36, &info), RSDP_BAD_LENGTH);
    memcpy(copy, data, 36);
    copy[20] = 40; /* claims more than the copy holds */
    assert_int_equal(rsdp_validate_copy(copy, 36, &info), RSDP_TRUNCATED);
    assert_int_equal(rsdp_validate_copy(NULL, 36, &info), RSDP_INVALID_ARGUMENT);
    free(data);
}

/* A stray "RSD PTR " with a bad checksum before the real RSDP is skipped. */
static void test_search_skips_bad_candidates(void **state)
{
    (void)state;
    uint8_t *data;
    size_t len;
    read_rsdp("fixtures/qemu/q35-ovmf/tables/RSDP.dat", &data, &len);
    struct mock_mem m;
    mock_mem_init(&m);
    uint8_t *low = mock_mem_add(&m, 0, 0x100000);
    assert_non_null(low);
    /* BDA: EBDA at 0x9FC00; a bad candidate in the EBDA, a good one at 0xFFFD0
     * whose 36 bytes end 12 bytes before 1 MiB, and a bad one at 0xE0000. */
    low[0x40E] = 0xC0;
    low[0x40F] = 0x9F;
    memcpy(low + 0x9FC10, data, 36);
    low[0x9FC10 + 8] ^= 0x55;
    memcpy(low + 0xE0000, data, 20);
    memcpy(low + 0xFFFD0, data, 36);
    struct rsdp_host h = host_of(&m);
    struct rsdp_info info;
    assert_int_equal(rsdp_find_bios(&h, &info), RSDP_OK);
    assert_int_equal(info.address, 0xFFFD0);
    assert_int_equal(info.revision, 2);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
    free(data);
}

/* multiboot2/grub-efi-q35.txt: GRUB's tags hold copies of both OVMF RSDPs
 * (type 14 at +0x398, size 28: rev 0, RSDT 0x0777d000; type 15 at +0x3b8,
 * size 44: rev 2, XSDT 0x777d0e8) and the EFI system table address (type 12
 * at +0x388: 0x075ec018), which the q35-ovmf snapshot (same OVMF) serves. */
static uint32_t le32_at(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void test_multiboot2_tags(void **state)
{
    (void)state;
    uint8_t *mbi;
    size_t len;
    read_rsdp("fixtures/multiboot2/grub-efi-q35.mbi", &mbi, &len);
    assert_true(len >= 0x3b8 + 44);
    assert_int_equal(le32_at(mbi + 0x398), 14);
    assert_int_equal(le32_at(mbi + 0x3b8), 15);
    struct rsdp_info info;
    assert_int_equal(rsdp_validate_copy(mbi + 0x398 + 8, le32_at(mbi + 0x398 + 4) - 8, &info),
                     RSDP_OK);
    assert_int_equal(info.revision, 0);
    assert_int_equal(info.rsdt_address, 0x0777D000);
    assert_int_equal(rsdp_validate_copy(mbi + 0x3b8 + 8, le32_at(mbi + 0x3b8 + 4) - 8, &info),
                     RSDP_OK);
    assert_int_equal(info.revision, 2);
    assert_int_equal(info.xsdt_address, 0x0777D0E8);

    assert_int_equal(le32_at(mbi + 0x388), 12);
    uint64_t system_table = le32_at(mbi + 0x388 + 8) | (uint64_t)le32_at(mbi + 0x388 + 12) << 32;
    struct mock_mem m;
    load(&m, "fixtures/qemu/q35-ovmf");
    struct rsdp_host h = host_of(&m);
    assert_int_equal(rsdp_find_efi(&h, system_table, RSDP_EFI64, &info), RSDP_OK);
    assert_int_equal(info.address, 0x0777E014);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
    free(mbi);
}

/* A 32-bit EFI_SYSTEM_TABLE built by the test (UEFI 2.10, 4.3.1: header 24
 * bytes, 10 pointer-sized members, NumberOfTableEntries at 64,
 * ConfigurationTable at 68; 20-byte configuration entries), over the OVMF
 * snapshot's RSDPs: the ACPI 2.0 entry points at a bad RSDP, so the ACPI 1.0
 * one (0x0777e000) is used. */
static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void test_efi32_fallback(void **state)
{
    (void)state;
    static const uint8_t acpi20[16] = {0x71, 0xe8, 0x68, 0x88, 0xf1, 0xe4, 0xd3, 0x11,
                                       0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81};
    static const uint8_t acpi10[16] = {0x30, 0x2d, 0x9d, 0xeb, 0x88, 0x2d, 0xd3, 0x11,
                                       0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d};
    struct mock_mem m;
    load(&m, "fixtures/qemu/q35-ovmf");
    uint8_t *st = mock_mem_add(&m, 0x10000000, 0x1000);
    assert_non_null(st);
    memcpy(st, "IBI SYST", 8);
    put32(st + 12, 72);          /* HeaderSize */
    put32(st + 64, 3);           /* NumberOfTableEntries */
    put32(st + 68, 0x10000100);  /* ConfigurationTable */
    uint8_t *cfg = st + 0x100;
    memset(cfg, 0x11, 16);       /* some other GUID */
    put32(cfg + 16, 0x12345678);
    memcpy(cfg + 20, acpi20, 16);
    put32(cfg + 36, 0x0777E010); /* no RSDP there */
    memcpy(cfg + 40, acpi10, 16);
    put32(cfg + 56, 0x0777E000);
    struct rsdp_host h = host_of(&m);
    struct rsdp_info info;
    assert_int_equal(rsdp_find_efi(&h, 0x10000000, RSDP_EFI32, &info), RSDP_OK);
    assert_int_equal(info.address, 0x0777E000);
    assert_int_equal(info.revision, 0);
    /* Without the ACPI 1.0 entry the 2.0 entry's failure is reported. */
    put32(st + 64, 2);
    assert_int_equal(rsdp_find_efi(&h, 0x10000000, RSDP_EFI32, &info), RSDP_BAD_SIGNATURE);
    /* A header too small for the 32-bit layout. */
    put32(st + 12, 60);
    assert_int_equal(rsdp_find_efi(&h, 0x10000000, RSDP_EFI32, &info), RSDP_BAD_EFI_TABLE);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

/* A failing map is reported, not a crash. */
static void test_map_failure(void **state)
{
    (void)state;
    struct mock_mem m;
    mock_mem_init(&m);
    struct rsdp_host h = host_of(&m);
    struct rsdp_info info;
    assert_int_equal(rsdp_find_bios(&h, &info), RSDP_MAP_FAILED);
    assert_int_equal(m.live_count, 0);
    mock_mem_free(&m);
}

static void test_status_strings(void **state)
{
    (void)state;
    assert_string_equal(rsdp_status_str(RSDP_OK), "ok");
    assert_string_equal(rsdp_status_str(RSDP_BAD_EXT_CHECKSUM), "bad extended checksum");
    assert_string_equal(rsdp_status_str((enum rsdp_status)999), "unknown status");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bios_i440fx),
        cmocka_unit_test(test_bios_q35),
        cmocka_unit_test(test_bios_nohpet),
        cmocka_unit_test(test_bios_ovmf_not_found),
        cmocka_unit_test(test_bios_noacpi_not_found),
        cmocka_unit_test(test_efi_ovmf),
        cmocka_unit_test(test_validate_at_ovmf_v1),
        cmocka_unit_test(test_validate_copy),
        cmocka_unit_test(test_search_skips_bad_candidates),
        cmocka_unit_test(test_multiboot2_tags),
        cmocka_unit_test(test_efi32_fallback),
        cmocka_unit_test(test_map_failure),
        cmocka_unit_test(test_status_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
