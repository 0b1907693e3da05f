/* Host tests of the demo kernel's LoadTable callback (examples/kernel/
 * aml_tables.c), the same code the kernel runs, over real firmware:
 * - QEMU's q35 + SeaBIOS memory snapshot (../shared/fixtures/qemu/q35-seabios):
 *   the RSDP found in it, its RSDT, and every table it lists looked up by the
 *   signature and OEM IDs of the fixture's own tables/<SIG>.dat, which the
 *   callback must hand back byte for byte; ACPICA's matching rules
 *   (AcpiTbFindTable: NUL-padded IDs compared whole, empty ones match any)
 *   for the misses; damaged entries (a broken checksum, a zeroed RSDT entry)
 *   skipped. QEMU's AML itself never calls LoadTable.
 * - A real computer whose firmware does (corpus 4B645993A72D, whose SSDT4
 *   runs LoadTable ("OEM1", "INTEL", "CPU EIST", "", "", Zero) in ISTT): its
 *   tables placed in mock memory as an XSDT lists them, the DSDT where the
 *   FADT points, loaded and initialised as the kernel does, then that same
 *   LoadTable run from a small test method: the OEM1 table is found through
 *   the root table and its objects appear (Scope (\_SB.SCK0.CP00) with _PPC,
 *   _PCT and _PSS, as `iasl -d oem1.dat` disassembles it).
 * - Corpus 01ACEA39AAB2's LoadTable ("PRAD", "PRADID", "PRADTID") from its
 *   HEC2._INI during initialisation: the lookup returns its prad.dat whole and
 *   the table loads (\_SB.PRAD._HID as acpiexec evaluates it). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/aml.h"
#include "acpi/discovery.h"
#include "examples/kernel/aml_tables.h"
#include "examples/kernel/console.h"
#include "mock_mem.h"
#include "rsdp/rsdp.h"
#include "support.h"
#include "tests/support/aml_host.h" /* the fake host (not the kernel's aml_host.h) */

/* aml_tables.c's request lines go to the test's output. */
void console_serial_printf(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
}

static uint8_t *read_file(const char *rel, size_t *len)
{
    uint8_t *bytes;
    if (support_read_file(support_path(rel), &bytes, len) != 0) {
        skip(); /* no ../shared beside the tree */
    }
    return bytes;
}

static void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A header (ACPI 6.5, 5.2.6) for LEN bytes with a valid checksum once the
 * body is in place: call fix_checksum after. */
static void header(uint8_t *t, const char sig[4], uint32_t len, const char oem[6],
                   const char table_id[8])
{
    memcpy(t, sig, 4);
    put_le32(t + 4, len);
    t[8] = 2;
    memcpy(t + 10, oem, 6);
    memcpy(t + 16, table_id, 8);
    put_le32(t + 24, 1);
    memcpy(t + 28, "OSDV", 4);
    put_le32(t + 32, 1);
}

static void fix_checksum(uint8_t *t, uint32_t len)
{
    uint8_t sum = 0;
    t[9] = 0;
    for (uint32_t i = 0; i < len; i++) {
        sum = (uint8_t)(sum + t[i]);
    }
    t[9] = (uint8_t)(0x100u - sum);
}

/* ---------------------------------------------------------------- QEMU */

struct qemu_root {
    struct mock_mem m;
    struct acpi_root root;
};

static void qemu_root(struct qemu_root *q)
{
    struct rsdp_info rsdp;
    mock_mem_init(&q->m);
    if (mock_mem_load_ranges(&q->m, support_path("fixtures/qemu/q35-seabios")) < 2) {
        mock_mem_free(&q->m);
        skip();
    }
    struct rsdp_host rh = {&q->m, mock_mem_map, mock_mem_unmap};
    struct acpi_host ah = {&q->m, mock_mem_map, mock_mem_unmap};
    assert_int_equal(rsdp_find_bios(&rh, &rsdp), RSDP_OK);
    assert_int_equal(acpi_root_init(&q->root, &ah, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
}

/* Every table the RSDT lists (RSDT.dsl: FACP APIC HPET MCFG WAET), found by
 * its own IDs and equal to the fixture's extracted copy. */
static void test_qemu_every_root_table(void **state)
{
    (void)state;
    static const char *const sigs[] = {"FACP", "APIC", "HPET", "MCFG", "WAET"};
    struct qemu_root q;
    qemu_root(&q);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        char rel[96];
        size_t len = 0;
        snprintf(rel, sizeof rel, "fixtures/qemu/q35-seabios/tables/%s.dat", sigs[i]);
        uint8_t *want = read_file(rel, &len);
        char oem[6], tid[8];
        memcpy(oem, want + 10, 6);
        memcpy(tid, want + 16, 8);
        const uint8_t *bytes = NULL;
        size_t got = 0;
        assert_int_equal(aml_tables_find(&q.root, sigs[i], oem, tid, &bytes, &got), ACPI_OK);
        assert_int_equal(got, len);
        assert_memory_equal(bytes, want, len);
        mock_mem_unmap(&q.m, bytes, got);
        /* Empty OEM IDs match any table of that signature. */
        static const char none6[6], none8[8];
        assert_int_equal(aml_tables_find(&q.root, sigs[i], none6, none8, &bytes, &got), ACPI_OK);
        assert_memory_equal(bytes, want, len);
        mock_mem_unmap(&q.m, bytes, got);
        free(want);
    }
    assert_true(mock_mem_clean(&q.m));
    mock_mem_free(&q.m);
}

/* ACPICA's misses: a signature the root does not list, the DSDT (not an RSDT
 * entry), a NUL-padded "BOCHS" against the header's space-padded "BOCHS ",
 * another OEM table ID, an empty signature. */
static void test_qemu_misses(void **state)
{
    (void)state;
    static const char bochs[6] = {'B', 'O', 'C', 'H', 'S', ' '};
    static const char bochs_nul[6] = {'B', 'O', 'C', 'H', 'S', '\0'};
    static const char bxpc[8] = {'B', 'X', 'P', 'C', ' ', ' ', ' ', ' '};
    static const char other[8] = {'B', 'X', 'D', 'S', 'D', 'T', '\0', '\0'};
    static const char none6[6], none8[8];
    const uint8_t *bytes = NULL;
    size_t len = 0;
    struct qemu_root q;
    qemu_root(&q);
    assert_int_equal(aml_tables_find(&q.root, "SSDT", none6, none8, &bytes, &len), ACPI_NOT_FOUND);
    assert_int_equal(aml_tables_find(&q.root, "DSDT", none6, none8, &bytes, &len), ACPI_NOT_FOUND);
    assert_int_equal(aml_tables_find(&q.root, "FACP", bochs_nul, none8, &bytes, &len),
                     ACPI_NOT_FOUND);
    assert_int_equal(aml_tables_find(&q.root, "FACP", bochs, other, &bytes, &len),
                     ACPI_NOT_FOUND);
    assert_int_equal(aml_tables_find(&q.root, "\0\0\0\0", bochs, bxpc, &bytes, &len),
                     ACPI_NOT_FOUND);
    assert_int_equal(aml_tables_find(&q.root, "FACP", bochs, bxpc, &bytes, &len), ACPI_OK);
    mock_mem_unmap(&q.m, bytes, len);
    assert_true(mock_mem_clean(&q.m));
    mock_mem_free(&q.m);
}

/* Damaged firmware: one byte of the real APIC table flipped (its checksum now
 * fails) and the RSDT's HPET entry zeroed: under the strict checksum policy
 * both are skipped (not found, no map outside memory), the other tables are
 * still found. The RSDT's own checksum is repaired so the root stays valid. */
static void test_qemu_damaged_entries(void **state)
{
    (void)state;
    static const char none6[6], none8[8];
    const uint8_t *bytes = NULL;
    size_t len = 0;
    struct qemu_root q;
    qemu_root(&q);
    struct acpi_table_iter it;
    struct acpi_table_ref ref;
    uint32_t index = 0;
    acpi_table_iter_init(&it, &q.root);
    while (acpi_table_next(&it, &ref) != ACPI_END) {
        uint8_t *rsdt = mock_mem_at(&q.m, q.root.address, q.root.header.length);
        assert_non_null(rsdt);
        if (memcmp(ref.header.signature, "APIC", 4) == 0) {
            uint8_t *apic = mock_mem_at(&q.m, ref.address, ref.header.length);
            assert_non_null(apic);
            apic[ref.header.length - 1] ^= 0xFF;
        } else if (memcmp(ref.header.signature, "HPET", 4) == 0) {
            put_le32(rsdt + 36 + 4 * index, 0);
            fix_checksum(rsdt, q.root.header.length);
        }
        index++;
    }
    assert_int_equal(aml_tables_find(&q.root, "APIC", none6, none8, &bytes, &len), ACPI_NOT_FOUND);
    assert_int_equal(aml_tables_find(&q.root, "HPET", none6, none8, &bytes, &len), ACPI_NOT_FOUND);
    assert_int_equal(aml_tables_find(&q.root, "WAET", none6, none8, &bytes, &len), ACPI_OK);
    mock_mem_unmap(&q.m, bytes, len);
    assert_int_equal(q.m.bad_maps, 0);
    assert_true(mock_mem_clean(&q.m));
    mock_mem_free(&q.m);
}

/* ---------------------------------------------------------------- LoadTable */

#define COMPUTER "corpus/acpi/4B645993A72D"
#define TABLES_BASE UINT64_C(0x100000000) /* above the firmware's own addresses */
#define TABLE_STRIDE UINT64_C(0x100000)
#define XSDT_ADDRESS UINT64_C(0x0F000000)
#define MAX_TABLES 64

/* Method (MAIN) { Return (LoadTable ("OEM1", "INTEL", "CPU EIST", "", "", Zero)) },
 * the call SSDT4's ISTT makes (ACPI 6.5, 20.2.5.2: MethodOp PkgLength NameString
 * MethodFlags; 20.2.5.4: LoadTableOp 5B 1F and six TermArgs). */
static const uint8_t main_method[] = {
    0x14, 0x25, 'M', 'A', 'I', 'N', 0x00,
    0xA4, 0x5B, 0x1F,
    0x0D, 'O', 'E', 'M', '1', 0x00,
    0x0D, 'I', 'N', 'T', 'E', 'L', 0x00,
    0x0D, 'C', 'P', 'U', ' ', 'E', 'I', 'S', 'T', 0x00,
    0x0D, 0x00, 0x0D, 0x00, 0x00,
};

/* COMPUTER's tables in M as its XSDT would list them (every table file but
 * the DSDT and the FACS), the DSDT at the FADT's X_DSDT. */
static void corpus_memory(struct mock_mem *m, struct rsdp_info *rsdp, const char *computer)
{
    char dirpath[512];
    snprintf(dirpath, sizeof dirpath, "%s", support_path(computer));
    DIR *dir = opendir(dirpath);
    if (dir == NULL) {
        skip();
    }
    char names[MAX_TABLES][64];
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && count < MAX_TABLES) {
        size_t n = strlen(e->d_name);
        if (n > 4 && n < 60 && strcmp(e->d_name + n - 4, ".dat") == 0 &&
            strcmp(e->d_name, "dsdt.dat") != 0 && strcmp(e->d_name, "facs.dat") != 0) {
            snprintf(names[count++], sizeof names[0], "%s", e->d_name);
        }
    }
    closedir(dir);
    assert_true(count > 5);

    uint32_t xsdt_len = 36 + 8 * (uint32_t)count;
    uint8_t *xsdt = calloc(1, xsdt_len);
    assert_non_null(xsdt);
    header(xsdt, "XSDT", xsdt_len, "OSDEV ", "TESTROOT");
    uint64_t dsdt_address = 0;
    for (size_t i = 0; i < count; i++) {
        char rel[128];
        size_t len = 0;
        snprintf(rel, sizeof rel, "%s/%s", computer, names[i]);
        uint8_t *t = read_file(rel, &len);
        uint64_t at = TABLES_BASE + i * TABLE_STRIDE;
        assert_int_equal(mock_mem_add_copy(m, at, t, len), 0);
        put_le32(xsdt + 36 + 8 * i, (uint32_t)at);
        put_le32(xsdt + 40 + 8 * i, (uint32_t)(at >> 32));
        if (memcmp(t, "FACP", 4) == 0) {
            /* ACPI 6.5, Table 5.9: X_DSDT at offset 140, else DSDT at 40. */
            dsdt_address = len >= 148 ? (uint64_t)le32(t + 140) | (uint64_t)le32(t + 144) << 32 : 0;
            dsdt_address = dsdt_address != 0 ? dsdt_address : le32(t + 40);
        }
        free(t);
    }
    fix_checksum(xsdt, xsdt_len);
    assert_int_equal(mock_mem_add_copy(m, XSDT_ADDRESS, xsdt, xsdt_len), 0);
    free(xsdt);
    size_t len = 0;
    char rel[128];
    snprintf(rel, sizeof rel, "%s/dsdt.dat", computer);
    uint8_t *dsdt = read_file(rel, &len);
    assert_true(dsdt_address != 0);
    assert_int_equal(mock_mem_add_copy(m, dsdt_address, dsdt, len), 0);
    free(dsdt);
    *rsdp = (struct rsdp_info){.revision = 2, .xsdt_address = XSDT_ADDRESS, .length = 36};
}

/* Create an interpreter over the fake host with the kernel's LoadTable
 * callback on ROOT, and load and initialise as the kernel does
 * (aml_report.c): the DSDT, then every SSDT in order. *ssdts gets their
 * number. */
static struct acpi_aml *load_like_kernel(struct acpi_root *root, struct aml_fake **fake,
                                         uint32_t *ssdts)
{
    *fake = aml_fake_new();
    assert_non_null(*fake);
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    struct acpi_aml *aml = NULL;
    aml_fake_host(*fake, &host);
    aml_fake_memory(*fake, &mem);
    aml_tables_attach(&host, root);
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_OK);
    struct acpi_table_ref ref;
    struct acpi_sdt sdt;
    assert_int_equal(acpi_find_dsdt(root, &ref), ACPI_OK);
    assert_int_equal(acpi_table_map(root, &ref, &sdt), ACPI_OK);
    /* A term that fails is reported and the load goes on, as with ACPICA. */
    enum acpi_status st = acpi_aml_load_table(aml, sdt.bytes, sdt.length);
    printf("DSDT: %s\n", acpi_status_str(st));
    *ssdts = 0;
    while (acpi_find_table(root, "SSDT", *ssdts, &ref) == ACPI_OK) {
        assert_int_equal(acpi_table_map(root, &ref, &sdt), ACPI_OK);
        st = acpi_aml_load_table(aml, sdt.bytes, sdt.length);
        printf("SSDT %u: %s\n", *ssdts, acpi_status_str(st));
        (*ssdts)++;
    }
    struct acpi_aml_init_counts counts;
    st = acpi_aml_initialize(aml, &counts);
    printf("initialize: %s, %u _INI run\n", acpi_status_str(st), counts.ini_run);
    return aml;
}

static void test_load_table_on_real_firmware(void **state)
{
    (void)state;
    struct mock_mem m;
    struct rsdp_info rsdp;
    struct acpi_root root;
    mock_mem_init(&m);
    corpus_memory(&m, &rsdp, COMPUTER);
    struct acpi_host ah = {&m, mock_mem_map, mock_mem_unmap};
    assert_int_equal(acpi_root_init(&root, &ah, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    assert_true(root.xsdt);

    struct aml_fake *fake = NULL;
    uint32_t ssdts = 0;
    struct acpi_aml *aml = load_like_kernel(&root, &fake, &ssdts);
    assert_int_equal(ssdts, 4); /* ssdt1.dat .. ssdt4.dat */
    uint32_t tables = acpi_aml_table_count(aml);
    struct aml_tables_stats before = aml_tables_stats();
    struct acpi_aml_node *n = NULL;
    /* The processor scope exists (the DSDT declares it); _PSS only comes with OEM1. */
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB.SCK0.CP00", &n), ACPI_OK);
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB.SCK0.CP00._PSS", &n), ACPI_NOT_FOUND);

    uint8_t test_table[36 + sizeof main_method];
    header(test_table, "SSDT", sizeof test_table, "OSDEV ", "LOADTEST");
    memcpy(test_table + 36, main_method, sizeof main_method);
    fix_checksum(test_table, sizeof test_table);
    assert_int_equal(acpi_aml_load_table(aml, test_table, sizeof test_table), ACPI_OK);
    struct acpi_aml_value handle;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\MAIN", NULL, 0, &handle), ACPI_OK);
    assert_int_equal(handle.type, ACPI_AML_TYPE_DDB_HANDLE);
    acpi_aml_value_release(aml, &handle);

    struct aml_tables_stats after = aml_tables_stats();
    assert_int_equal(after.requests - before.requests, 1);
    assert_int_equal(after.found - before.found, 1);
    assert_int_equal(acpi_aml_table_count(aml), tables + 2); /* the test table and OEM1 */
    static const char *const objects[] = {"\\_SB.SCK0.CP00._PPC", "\\_SB.SCK0.CP00._PCT",
                                          "\\_SB.SCK0.CP00._PSS"};
    for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
        assert_int_equal(acpi_aml_lookup(aml, NULL, objects[i], &n), ACPI_OK);
        assert_int_equal(acpi_aml_node_type(n), ACPI_AML_TYPE_METHOD);
    }
    assert_int_equal(m.bad_maps, 0);
    acpi_aml_destroy(aml);
    aml_fake_free(fake);
    mock_mem_free(&m);
}

/* The other real LoadTable of the corpus: 01ACEA39AAB2's \_SB.PCI0.HEC2._INI
 * runs LoadTable ("PRAD", "PRADID", "PRADTID", "", "", Zero) when
 * _OSI ("Processor Aggregator Device") is true (ours is). The callback finds
 * that table among the root's and returns it whole (prad.dat); the interpreter
 * loads it whatever its signature, as ACPICA does: acpiexec 20200925 over the
 * computer's DSDT and SSDTs, prad.dat and a method running the same LoadTable
 * reports "Dynamic OEM Table Load" of [PRAD: PRADTID], 5 objects, and
 * \_SB.PRAD._HID = "ACPI000C". */
static void test_corpus_prad_load_table(void **state)
{
    (void)state;
    static const char oem[6] = {'P', 'R', 'A', 'D', 'I', 'D'};
    static const char tid[8] = {'P', 'R', 'A', 'D', 'T', 'I', 'D', '\0'};
    struct mock_mem m;
    struct rsdp_info rsdp;
    struct acpi_root root;
    const uint8_t *bytes = NULL;
    size_t got = 0;
    size_t len = 0;
    mock_mem_init(&m);
    corpus_memory(&m, &rsdp, "corpus/acpi/01ACEA39AAB2");
    struct acpi_host ah = {&m, mock_mem_map, mock_mem_unmap};
    assert_int_equal(acpi_root_init(&root, &ah, &rsdp, ACPI_CHECKSUM_STRICT), ACPI_OK);
    uint8_t *want = read_file("corpus/acpi/01ACEA39AAB2/prad.dat", &len);
    assert_int_equal(aml_tables_find(&root, "PRAD", oem, tid, &bytes, &got), ACPI_OK);
    assert_int_equal(got, len);
    assert_memory_equal(bytes, want, len);
    mock_mem_unmap(&m, bytes, got);
    free(want);

    struct aml_fake *fake = NULL;
    uint32_t ssdts = 0;
    struct acpi_aml *aml = load_like_kernel(&root, &fake, &ssdts);
    assert_int_equal(ssdts, 10); /* ssdt1.dat .. ssdt10.dat */
    assert_int_equal(aml_tables_stats().found, 1);
    for (uint32_t i = 0; i < acpi_aml_error_count(aml); i++) {
        struct acpi_aml_error e;
        if (acpi_aml_error_get(aml, i, &e)) {
            assert_null(strstr(e.path, "HEC2"));
        }
    }
    struct acpi_aml_value hid;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_SB.PRAD._HID", NULL, 0, &hid), ACPI_OK);
    assert_int_equal(hid.type, ACPI_AML_TYPE_STRING);
    assert_string_equal(hid.u.string.ptr, "ACPI000C");
    acpi_aml_value_release(aml, &hid);
    acpi_aml_destroy(aml);
    aml_fake_free(fake);
    assert_int_equal(m.bad_maps, 0);
    mock_mem_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qemu_every_root_table),
        cmocka_unit_test(test_qemu_misses),
        cmocka_unit_test(test_qemu_damaged_entries),
        cmocka_unit_test(test_load_table_on_real_firmware),
        cmocka_unit_test(test_corpus_prad_load_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
