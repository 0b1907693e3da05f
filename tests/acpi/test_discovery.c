/* acpi/discovery.h through mock physical memory loaded from QEMU's real
 * firmware memory. The expected table list (address, signature, length and
 * RSDT[n]/XSDT[n] position) is read from each fixture's README.md, so the
 * test asserts what the capture scripts stated. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/discovery.h"
#include "mock_mem.h"
#include "rsdp/efi.h"
#include "rsdp/rsdp.h"
#include "support.h"

#define MAX_ROWS 32

/* One row of a README's "ACPI tables" table. */
struct row {
    char file[128];
    char sig[5];
    uint64_t address;
    uint32_t length;
    char referenced_by[128];
};

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ')
        i++;
    memmove(s, s + i, strlen(s + i) + 1);
}

/* | file | sig | phys addr | length | rev | OEM ID | OEM table ID | checksum | referenced by | */
static size_t readme_rows(const char *config, struct row *rows)
{
    char path[512];
    snprintf(path, sizeof path, "%s/README.md", support_path(config));
    uint8_t *text;
    size_t len;
    assert_int_equal(support_read_file(path, &text, &len), 0);
    char *copy = malloc(len + 1);
    assert_non_null(copy);
    memcpy(copy, text, len);
    copy[len] = '\0';
    free(text);
    size_t count = 0;
    for (char *line = strtok(copy, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        if (strncmp(line, "| ", 2) != 0 || strncmp(line, "| file", 6) == 0)
            continue;
        char cells[10][128];
        size_t n = 0;
        char *p = line + 1;
        while (n < 10 && *p) {
            char *bar = strchr(p, '|');
            if (bar == NULL)
                break;
            size_t w = (size_t)(bar - p) < 127 ? (size_t)(bar - p) : 127;
            memcpy(cells[n], p, w);
            cells[n][w] = '\0';
            trim(cells[n]);
            n++;
            p = bar + 1;
        }
        if (n < 9 || strncmp(cells[2], "0x", 2) != 0)
            continue;
        assert_true(count < MAX_ROWS);
        struct row *r = &rows[count++];
        snprintf(r->file, sizeof r->file, "%s", cells[0]);
        memcpy(r->sig, cells[1], 4);
        r->sig[4] = '\0';
        r->address = strtoull(cells[2], NULL, 16);
        r->length = (uint32_t)strtoul(cells[3], NULL, 10);
        snprintf(r->referenced_by, sizeof r->referenced_by, "%s", cells[8]);
    }
    free(copy);
    return count;
}

/* The row referenced as ROOT[index] ("RSDT[2]" or "XSDT[2]"), or NULL. */
static const struct row *root_row(const struct row *rows, size_t count, bool xsdt, uint32_t index)
{
    char needle[16];
    snprintf(needle, sizeof needle, "%s[%u]", xsdt ? "XSDT" : "RSDT", index);
    for (size_t i = 0; i < count; i++) {
        if (strstr(rows[i].referenced_by, needle) != NULL &&
            strstr(rows[i].referenced_by, "RSDP@") == NULL)
            return &rows[i];
    }
    return NULL;
}

static size_t root_row_count(const struct row *rows, size_t count, bool xsdt)
{
    size_t n = 0;
    while (root_row(rows, count, xsdt, (uint32_t)n) != NULL)
        n++;
    return n;
}

static const struct row *referenced(const struct row *rows, size_t count, const char *what)
{
    for (size_t i = 0; i < count; i++)
        if (strstr(rows[i].referenced_by, what) != NULL)
            return &rows[i];
    return NULL;
}

static struct acpi_host host_of(struct mock_mem *m)
{
    struct acpi_host h = {m, mock_mem_map, mock_mem_unmap};
    return h;
}

/* Walk everything reachable from rsdp and compare with the README. */
static void walk_and_compare(struct mock_mem *m, const struct rsdp_info *rsdp,
                             const struct row *rows, size_t count)
{
    struct acpi_host host = host_of(m);
    struct acpi_root root;
    assert_int_equal(acpi_root_init(&root, &host, rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    const struct row *root_table = referenced(rows, count, root.xsdt ? "RSDP.XsdtAddress"
                                                                      : "RSDP.RsdtAddress");
    if (rsdp->address == 0x0777E000) /* OVMF's secondary RSDP and its own RSDT */
        root_table = referenced(rows, count, "RSDP@0x777e000");
    assert_non_null(root_table);
    assert_int_equal(root.address, root_table->address);
    assert_int_equal(root.header.length, root_table->length);

    size_t expected = root_row_count(rows, count, root.xsdt);
    assert_int_equal(root.entry_count, expected);
    struct acpi_table_iter it;
    struct acpi_table_ref ref;
    acpi_table_iter_init(&it, &root);
    uint32_t n = 0;
    enum acpi_status st;
    while ((st = acpi_table_next(&it, &ref)) != ACPI_END) {
        assert_int_equal(st, ACPI_OK);
        const struct row *r = root_row(rows, count, root.xsdt, n);
        assert_non_null(r);
        assert_int_equal(ref.address, r->address);
        assert_memory_equal(ref.header.signature, r->sig, 4);
        assert_int_equal(ref.header.length, r->length);
        assert_true(ref.header.checksum_ok);
        /* Lookup by signature finds the same table. */
        struct acpi_table_ref found;
        assert_int_equal(acpi_find_table(&root, r->sig, 0, &found), ACPI_OK);
        assert_int_equal(found.address, r->address);
        n++;
    }
    assert_int_equal(n, expected);

    const struct row *dsdt = referenced(rows, count, "FACP.DSDT");
    assert_non_null(dsdt);
    assert_int_equal(acpi_find_dsdt(&root, &ref), ACPI_OK);
    assert_int_equal(ref.address, dsdt->address);
    assert_int_equal(ref.header.length, dsdt->length);
    const struct row *facs = referenced(rows, count, "FACP.FIRMWARE_CTRL");
    assert_non_null(facs);
    assert_int_equal(acpi_find_facs(&root, &ref), ACPI_OK);
    assert_int_equal(ref.address, facs->address);
    assert_int_equal(ref.header.length, facs->length);

    /* A mapped table is the README's bytes. */
    struct acpi_sdt table;
    assert_int_equal(acpi_find_table(&root, "APIC", 0, &ref), ACPI_OK);
    assert_int_equal(acpi_table_map(&root, &ref, &table), ACPI_OK);
    assert_int_equal(acpi_checksum(table.bytes, table.length), 0);
    acpi_table_unmap(&root, &table);
    assert_int_equal(acpi_find_table(&root, "APIC", 1, &ref), ACPI_NOT_FOUND);
    assert_int_equal(acpi_find_table(&root, "SSDT", 0, &ref), ACPI_NOT_FOUND);

    assert_true(mock_mem_clean(m));
}

static void seabios(const char *config)
{
    struct row rows[MAX_ROWS];
    size_t count = readme_rows(config, rows);
    assert_true(count >= 5);
    struct mock_mem m;
    mock_mem_init(&m);
    assert_true(mock_mem_load_ranges(&m, support_path(config)) >= 2);
    struct rsdp_host rh = {&m, mock_mem_map, mock_mem_unmap};
    struct rsdp_info rsdp;
    assert_int_equal(rsdp_find_bios(&rh, &rsdp), RSDP_OK);
    walk_and_compare(&m, &rsdp, rows, count);
    mock_mem_free(&m);
}

static void test_i440fx(void **state)
{
    (void)state;
    seabios("fixtures/qemu/i440fx-seabios");
}

static void test_q35(void **state)
{
    (void)state;
    seabios("fixtures/qemu/q35-seabios");
}

static void test_nohpet(void **state)
{
    (void)state;
    seabios("fixtures/qemu/i440fx-seabios-nohpet");
    struct mock_mem m;
    mock_mem_init(&m);
    assert_true(mock_mem_load_ranges(&m, support_path("fixtures/qemu/i440fx-seabios-nohpet")) >= 2);
    struct rsdp_host rh = {&m, mock_mem_map, mock_mem_unmap};
    struct rsdp_info rsdp;
    assert_int_equal(rsdp_find_bios(&rh, &rsdp), RSDP_OK);
    struct acpi_host host = host_of(&m);
    struct acpi_root root;
    struct acpi_table_ref ref;
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_int_equal(acpi_find_table(&root, "HPET", 0, &ref), ACPI_NOT_FOUND);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

/* OVMF: the ACPI 2.0 RSDP through the EFI system table walks the XSDT; the
 * ACPI 1.0 RSDP at 0x0777e000 walks its own RSDT; both succeed. */
static void test_ovmf(void **state)
{
    (void)state;
    const char *config = "fixtures/qemu/q35-ovmf";
    struct row rows[MAX_ROWS];
    size_t count = readme_rows(config, rows);
    struct mock_mem m;
    mock_mem_init(&m);
    assert_true(mock_mem_load_ranges(&m, support_path(config)) >= 2);
    struct rsdp_host rh = {&m, mock_mem_map, mock_mem_unmap};
    struct rsdp_info rsdp;
    assert_int_equal(rsdp_find_efi(&rh, 0x075EC018, RSDP_EFI64, &rsdp), RSDP_OK);
    walk_and_compare(&m, &rsdp, rows, count);
    struct acpi_root root;
    struct acpi_host host = host_of(&m);
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_true(root.xsdt);

    assert_int_equal(rsdp_validate_at(&rh, 0x0777E000, &rsdp), RSDP_OK);
    walk_and_compare(&m, &rsdp, rows, count);
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_false(root.xsdt);
    mock_mem_free(&m);
}

/* Corrupt the MADT of q35-seabios in memory (README: APIC at 0x07fe235b,
 * RSDT[1]): STRICT reports the entry and skips it in lookups, ACCEPT returns
 * it with checksum_ok false. A corrupted RSDT fails root_init under STRICT. */
static void test_checksum_policy(void **state)
{
    (void)state;
    struct mock_mem m;
    mock_mem_init(&m);
    assert_true(mock_mem_load_ranges(&m, support_path("fixtures/qemu/q35-seabios")) >= 2);
    struct rsdp_host rh = {&m, mock_mem_map, mock_mem_unmap};
    struct rsdp_info rsdp;
    assert_int_equal(rsdp_find_bios(&rh, &rsdp), RSDP_OK);
    uint8_t *apic = mock_mem_at(&m, 0x07FE235B, 144);
    assert_non_null(apic);
    apic[40] ^= 0x02; /* MADT Flags */
    struct acpi_host host = host_of(&m);
    struct acpi_root root;
    struct acpi_table_iter it;
    struct acpi_table_ref ref;

    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    acpi_table_iter_init(&it, &root);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_OK);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_BAD_CHECKSUM);
    assert_int_equal(ref.address, 0x07FE235B);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_OK); /* goes on after a bad entry */
    assert_memory_equal(ref.header.signature, "HPET", 4);
    assert_int_equal(acpi_find_table(&root, "APIC", 0, &ref), ACPI_NOT_FOUND);

    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_ACCEPT), ACPI_OK);
    assert_int_equal(acpi_find_table(&root, "APIC", 0, &ref), ACPI_OK);
    assert_false(ref.header.checksum_ok);

    uint8_t *rsdt = mock_mem_at(&m, rsdp.rsdt_address, 36);
    rsdt[20] ^= 1; /* OEM table ID */
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_BAD_CHECKSUM);
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_ACCEPT), ACPI_OK);
    assert_false(root.header.checksum_ok);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

/* A memory image built from real tables of a corpus computer: an XSDT with a
 * zero entry, an entry outside memory, two SSDTs and a table with an absurd
 * Length. Lookups by index find the second SSDT; bad entries are reported one
 * by one and iteration goes on. */
static void put_u64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t add_table(struct mock_mem *m, uint64_t base, const char *rel)
{
    uint8_t *data;
    size_t len;
    assert_int_equal(support_read_file(support_path(rel), &data, &len), 0);
    assert_int_equal(mock_mem_add_copy(m, base, data, len), 0);
    free(data);
    return base;
}

static void test_built_xsdt(void **state)
{
    (void)state;
    struct mock_mem m;
    mock_mem_init(&m);
    uint64_t entries[6];
    entries[0] = add_table(&m, 0x100000, "corpus/acpi/4B645993A72D/ssdt1.dat");
    entries[1] = 0;
    entries[2] = 0xDEAD0000; /* not mapped */
    entries[3] = add_table(&m, 0x200000, "corpus/acpi/4B645993A72D/ssdt2.dat");
    entries[4] = add_table(&m, 0x300000, "corpus/acpi/4B645993A72D/mcfg1.dat");
    uint8_t *bad = mock_mem_add(&m, 0x400000, 0x1000);
    memcpy(bad, "SSDT", 4);
    bad[4] = 0xFF, bad[5] = 0xFF, bad[6] = 0xFF, bad[7] = 0x7F; /* Length 2 GiB */
    entries[5] = 0x400000;

    uint8_t *xsdt = mock_mem_add(&m, 0x80004, 36 + 8 * 6); /* 4-byte aligned only */
    memcpy(xsdt, "XSDT", 4);
    xsdt[4] = (uint8_t)(36 + 8 * 6);
    xsdt[8] = 1;
    for (int i = 0; i < 6; i++)
        put_u64(xsdt + 36 + 8 * i, entries[i]);
    xsdt[9] = (uint8_t)(0x100 - acpi_checksum(xsdt, 36 + 8 * 6));

    struct rsdp_info rsdp = {0};
    rsdp.revision = 2;
    rsdp.rsdt_address = 0x12345678; /* ignored: XSDT wins */
    rsdp.xsdt_address = 0x80004;
    struct acpi_host host = host_of(&m);
    struct acpi_root root;
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_true(root.xsdt);
    assert_int_equal(root.entry_count, 6);

    struct acpi_table_iter it;
    struct acpi_table_ref ref;
    acpi_table_iter_init(&it, &root);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_OK);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_BAD_ADDRESS);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_MAP_FAILED);
    assert_int_equal(ref.address, 0xDEAD0000);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_OK);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_OK);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_BAD_LENGTH);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_END);
    assert_int_equal(acpi_table_next(&it, &ref), ACPI_END);

    assert_int_equal(acpi_find_table(&root, "SSDT", 1, &ref), ACPI_OK);
    assert_int_equal(ref.address, 0x200000);
    assert_int_equal(acpi_find_table(&root, "SSDT", 2, &ref), ACPI_NOT_FOUND);
    assert_int_equal(acpi_find_table(&root, "MCFG", 0, &ref), ACPI_OK);
    /* No FADT: no DSDT or FACS to resolve. */
    assert_int_equal(acpi_find_dsdt(&root, &ref), ACPI_NOT_FOUND);
    assert_int_equal(acpi_find_facs(&root, &ref), ACPI_NOT_FOUND);
    /* Only the deliberate map of 0xDEAD0000 left the ranges. */
    assert_int_equal(m.live_count, 0);
    assert_int_equal(m.bad_unmaps, 0);
    assert_true(m.bad_maps >= 1);
    mock_mem_free(&m);
}

/* OVMF's ACPI 2.0 RSDP copied with its XsdtAddress pointing at the APIC table
 * (a broken XSDT): discovery falls back to the RSDT (README: 0x0777d074) and
 * still lists the README's RSDT[n] tables. A zero XsdtAddress means RSDT too. */
static void test_xsdt_fallback(void **state)
{
    (void)state;
    const char *config = "fixtures/qemu/q35-ovmf";
    struct row rows[MAX_ROWS];
    size_t count = readme_rows(config, rows);
    struct mock_mem m;
    mock_mem_init(&m);
    assert_true(mock_mem_load_ranges(&m, support_path(config)) >= 2);
    struct rsdp_host rh = {&m, mock_mem_map, mock_mem_unmap};
    struct rsdp_info rsdp;
    assert_int_equal(rsdp_validate_at(&rh, 0x0777E014, &rsdp), RSDP_OK);
    rsdp.xsdt_address = 0x07778000;
    struct acpi_host host = host_of(&m);
    struct acpi_root root;
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_false(root.xsdt);
    assert_int_equal(root.address, 0x0777D074);
    assert_int_equal(root.entry_count, root_row_count(rows, count, false));
    rsdp.xsdt_address = 0;
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_false(root.xsdt);
    /* Neither table valid: the XSDT's status. */
    rsdp.xsdt_address = 0x07778000;
    rsdp.rsdt_address = 0x07777000;
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT),
                     ACPI_BAD_SIGNATURE);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

/* A real computer's tables (corpus 00089523C3BB: ACPI 6 FADT, 20 SSDTs) put
 * behind a test-built XSDT. The FADT names its DSDT and FACS at their
 * firmware addresses (truth.json: x_dsdt = dsdt = 0x7341a000, firmware_ctrl =
 * 0x73544000, x_firmware_ctrl = 0), where the test places them. Then the FADT
 * is edited to check the X_ precedence rules. */
static int compare_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_corpus_computer(void **state)
{
    (void)state;
    static const char *const files[] = {
        "apic", "dbg2", "dbgp", "dmar", "facp", "fidt", "fpdt", "hpet", "lpit", "mcfg",
        "nhlt", "ptdt", "ssdt1", "ssdt2", "ssdt3", "ssdt4", "ssdt5", "ssdt6", "ssdt7", "ssdt8",
        "ssdt9", "ssdt10", "ssdt11", "ssdt12", "ssdt13", "ssdt14", "ssdt15", "ssdt16", "ssdt17",
        "ssdt18", "ssdt19", "ssdt20", "uefi", "wsmt",
    };
    const size_t n = sizeof files / sizeof files[0];
    const char *sorted[sizeof files / sizeof files[0]];
    memcpy(sorted, files, sizeof sorted);
    qsort(sorted, n, sizeof sorted[0], compare_str);
    struct mock_mem m;
    mock_mem_init(&m);
    char rel[128];
    uint64_t facp = 0;
    uint8_t *xsdt = mock_mem_add(&m, 0x1000, 36 + 8 * n);
    assert_non_null(xsdt);
    for (size_t i = 0; i < n; i++) {
        snprintf(rel, sizeof rel, "corpus/acpi/00089523C3BB/%s.dat", sorted[i]);
        uint64_t at = 0x100000 * (i + 1);
        add_table(&m, at, rel);
        put_u64(xsdt + 36 + 8 * i, at);
        if (strcmp(sorted[i], "facp") == 0)
            facp = at;
    }
    memcpy(xsdt, "XSDT", 4);
    xsdt[4] = (uint8_t)(36 + 8 * n);
    xsdt[5] = (uint8_t)((36 + 8 * n) >> 8);
    xsdt[9] = (uint8_t)(0x100 - acpi_checksum(xsdt, 36 + 8 * n));
    add_table(&m, 0x7341A000, "corpus/acpi/00089523C3BB/dsdt.dat");
    add_table(&m, 0x73544000, "corpus/acpi/00089523C3BB/facs.dat");

    struct rsdp_info rsdp = {0};
    rsdp.revision = 2;
    rsdp.xsdt_address = 0x1000;
    struct acpi_host host = host_of(&m);
    struct acpi_root root;
    assert_int_equal(acpi_root_init(&root, &host, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_int_equal(root.entry_count, n);
    struct acpi_table_iter it;
    struct acpi_table_ref ref;
    unsigned ssdts = 0;
    acpi_table_iter_init(&it, &root);
    enum acpi_status st;
    while ((st = acpi_table_next(&it, &ref)) != ACPI_END) {
        assert_int_equal(st, ACPI_OK);
        ssdts += acpi_sdt_is(&ref.header, "SSDT");
    }
    assert_int_equal(ssdts, 20);
    assert_int_equal(acpi_find_table(&root, "SSDT", 19, &ref), ACPI_OK);
    assert_int_equal(acpi_find_table(&root, "SSDT", 20, &ref), ACPI_NOT_FOUND);
    assert_int_equal(acpi_find_dsdt(&root, &ref), ACPI_OK);
    assert_int_equal(ref.address, 0x7341A000);
    assert_memory_equal(ref.header.signature, "DSDT", 4);
    assert_int_equal(acpi_find_facs(&root, &ref), ACPI_OK);
    assert_int_equal(ref.address, 0x73544000);

    /* ACPI 6.5, Table 5.9: a non-zero X_DSDT wins over DSDT... */
    uint8_t *f = mock_mem_at(&m, facp, 276);
    assert_non_null(f);
    f[40] = 0x00, f[41] = 0x00, f[42] = 0xAD, f[43] = 0xDE; /* DSDT = 0xDEAD0000 */
    f[9] = 0;
    f[9] = (uint8_t)(0x100 - acpi_checksum(f, 276));
    assert_int_equal(acpi_find_dsdt(&root, &ref), ACPI_OK);
    assert_int_equal(ref.address, 0x7341A000);
    /* ...and a zero X_DSDT leaves the 32-bit field, here pointing nowhere. */
    memset(f + 140, 0, 8);
    f[9] = 0;
    f[9] = (uint8_t)(0x100 - acpi_checksum(f, 276));
    assert_int_equal(acpi_find_dsdt(&root, &ref), ACPI_MAP_FAILED);
    assert_int_equal(m.live_count, 0);
    assert_int_equal(m.bad_unmaps, 0);
    mock_mem_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_i440fx),
        cmocka_unit_test(test_q35),
        cmocka_unit_test(test_nohpet),
        cmocka_unit_test(test_ovmf),
        cmocka_unit_test(test_checksum_policy),
        cmocka_unit_test(test_built_xsdt),
        cmocka_unit_test(test_corpus_computer),
        cmocka_unit_test(test_xsdt_fallback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
