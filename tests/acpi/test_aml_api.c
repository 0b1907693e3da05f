/* acpi/aml.h: lifetime, memory, namespace and evaluation on QEMU's q35 DSDT.
 * Expected values from the fixture's DSDT.dsl (iasl's disassembly): PCI0's
 * _HID is EisaId("PNP0A08") = 0x080AD041, \_S5_ is Package (4) {0, 0, 0, 0},
 * the table's revision is 1 (32-bit integers, ACPI 6.5, 19.6.28); the
 * predefined objects from ACPI 6.5, 5.3.1 and 5.7 with Linux's values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/aml.h"
#include "acpi/aml_host_direct.h"
#include "aml_host.h"
#include "support.h"

static uint8_t *load(const char *rel, size_t *len)
{
    uint8_t *data = NULL;
    assert_int_equal(support_read_file(support_path(rel), &data, len), 0);
    return data;
}

/* An interpreter on a machine with nothing on it (tests/support/aml_host.h). */
static struct acpi_aml *interp(struct aml_fake **f, const struct acpi_aml_memory *use_mem)
{
    *f = aml_fake_new();
    assert_non_null(*f);
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    aml_fake_host(*f, &host);
    aml_fake_memory(*f, &mem);
    struct acpi_aml *aml;
    assert_int_equal(acpi_aml_create(&host, use_mem != NULL ? use_mem : &mem, &aml), ACPI_OK);
    return aml;
}

static struct acpi_aml *q35(struct aml_fake **f, uint8_t **dsdt)
{
    size_t len;
    *dsdt = load("fixtures/qemu/q35-seabios/tables/DSDT.dat", &len);
    struct acpi_aml *aml = interp(f, NULL);
    assert_int_equal(acpi_aml_load_table(aml, *dsdt, len), ACPI_OK);
    return aml;
}

static void test_predefined(void **state)
{
    (void)state;
    struct aml_fake *f;
    struct acpi_aml *aml = interp(&f, NULL);
    static const struct { const char *path; enum acpi_aml_type type; } want[] = {
        { "\\_GPE", ACPI_AML_TYPE_SCOPE }, { "\\_PR_", ACPI_AML_TYPE_SCOPE },
        { "\\_SB_", ACPI_AML_TYPE_DEVICE }, { "\\_SI_", ACPI_AML_TYPE_SCOPE },
        { "\\_TZ_", ACPI_AML_TYPE_DEVICE }, { "\\_GL_", ACPI_AML_TYPE_MUTEX },
        { "\\_OSI", ACPI_AML_TYPE_METHOD }, { "\\_OS_", ACPI_AML_TYPE_STRING },
        { "\\_REV", ACPI_AML_TYPE_INTEGER },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        struct acpi_aml_node *n;
        assert_int_equal(acpi_aml_lookup(aml, NULL, want[i].path, &n), ACPI_OK);
        assert_int_equal(acpi_aml_node_type(n), want[i].type);
    }
    struct acpi_aml_value v;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_REV", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.type, ACPI_AML_TYPE_INTEGER);
    assert_int_equal(v.u.integer, 2);
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_OS", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.type, ACPI_AML_TYPE_STRING);
    assert_string_equal(v.u.string.ptr, "Microsoft Windows NT");
    acpi_aml_value_release(aml, &v);
    /* _OSI: the Windows strings and the feature strings, editable. */
    struct acpi_aml_value arg = { .type = ACPI_AML_TYPE_STRING };
    arg.u.string.ptr = "Windows 2015";
    arg.u.string.len = 12;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_OSI", &arg, 1, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 0xFFFFFFFFu);
    arg.u.string.ptr = "Linux";
    arg.u.string.len = 5;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_OSI", &arg, 1, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 0);
    assert_int_equal(acpi_aml_osi_add(aml, "Linux"), ACPI_OK);
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_OSI", &arg, 1, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 0xFFFFFFFFu);
    assert_int_equal(acpi_aml_osi_remove(aml, "Linux"), ACPI_OK);
    assert_int_equal(acpi_aml_osi_remove(aml, "Linux"), ACPI_NOT_FOUND);
    acpi_aml_destroy(aml);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
}

static void test_q35_namespace(void **state)
{
    (void)state;
    struct aml_fake *f;
    uint8_t *dsdt;
    struct acpi_aml *aml = q35(&f, &dsdt);
    struct acpi_aml_init_counts counts;
    assert_int_equal(acpi_aml_initialize(aml, &counts), ACPI_OK);
    struct acpi_aml_node *pci0, *again;
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB.PCI0", &pci0), ACPI_OK);
    assert_int_equal(acpi_aml_node_type(pci0), ACPI_AML_TYPE_DEVICE);
    assert_memory_equal(acpi_aml_node_name(pci0), "PCI0", 4);
    char path[64];
    assert_int_equal(acpi_aml_node_path(pci0, path, sizeof path), 10);
    assert_string_equal(path, "\\_SB_.PCI0");
    /* Relative and single-segment upward search (ACPI 6.5, 5.3). */
    assert_int_equal(acpi_aml_lookup(aml, acpi_aml_root(aml), "_SB.PCI0", &again), ACPI_OK);
    assert_ptr_equal(again, pci0);
    struct acpi_aml_node *sb;
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB", &sb), ACPI_OK);
    assert_ptr_equal(acpi_aml_node_parent(pci0), sb);
    assert_int_equal(acpi_aml_lookup(aml, pci0, "_SB_", &again), ACPI_OK);
    assert_ptr_equal(again, sb);
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB.NONE", &again), ACPI_NOT_FOUND);
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB.TOOLONG", &again), ACPI_INVALID_ARGUMENT);

    struct acpi_aml_value v;
    assert_int_equal(acpi_aml_evaluate_path(aml, pci0, "_HID", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.type, ACPI_AML_TYPE_INTEGER);
    assert_int_equal(v.u.integer, 0x080AD041u);
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_S5", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.type, ACPI_AML_TYPE_PACKAGE);
    assert_int_equal(v.u.package.count, 4);
    for (uint32_t i = 0; i < 4; i++) {
        assert_int_equal(v.u.package.elements[i].type, ACPI_AML_TYPE_INTEGER);
        assert_int_equal(v.u.package.elements[i].u.integer, 0);
    }
    acpi_aml_value_release(aml, &v);
    /* _PIC(1) stores into PICF (DSDT.dsl: PICF = Arg0). */
    struct acpi_aml_value one = { .type = ACPI_AML_TYPE_INTEGER, .u.integer = 1 };
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\_PIC", &one, 1, NULL), ACPI_OK);
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\PICF", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 1);
    /* The walk visits every node once, parents first. */
    size_t walked = 0;
    for (struct acpi_aml_node *n = acpi_aml_root(aml); n != NULL; n = acpi_aml_node_next(n)) {
        walked++;
        if (n != acpi_aml_root(aml)) {
            struct acpi_aml_node *p = acpi_aml_node_parent(n);
            bool found = false;
            for (struct acpi_aml_node *s = acpi_aml_node_first_child(p); s != NULL;
                 s = acpi_aml_node_next_sibling(s)) {
                found |= s == n;
            }
            assert_true(found);
        }
    }
    assert_true(walked > 250);   /* acpiexec counts 286 nodes (its own \\_TI_ included) */
    assert_int_equal(acpi_aml_table_count(aml), 1);
    assert_int_equal(acpi_aml_error_count(aml), 0);
    acpi_aml_destroy(aml);
    free(dsdt);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
}

/* Two interpreters at once share nothing. */
static void test_instances(void **state)
{
    (void)state;
    struct aml_fake *f1, *f2;
    uint8_t *d1, *d2;
    struct acpi_aml *a = q35(&f1, &d1);
    struct acpi_aml *b = q35(&f2, &d2);
    struct acpi_aml_value one = { .type = ACPI_AML_TYPE_INTEGER, .u.integer = 1 }, v;
    assert_int_equal(acpi_aml_evaluate_path(a, NULL, "\\_PIC", &one, 1, NULL), ACPI_OK);
    assert_int_equal(acpi_aml_evaluate_path(b, NULL, "\\PICF", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 0);
    assert_int_equal(acpi_aml_evaluate_path(a, NULL, "\\PICF", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 1);
    acpi_aml_destroy(a);
    assert_int_equal(aml_fake_live(f1), 0);
    assert_true(aml_fake_live(f2) > 0);
    acpi_aml_destroy(b);
    assert_int_equal(aml_fake_live(f2), 0);
    free(d1);
    free(d2);
    aml_fake_free(f1);
    aml_fake_free(f2);
}

/* The arena over a static array is enough for a whole namespace. */
static void test_arena(void **state)
{
    (void)state;
    static uint8_t buf[4u << 20];
    struct acpi_aml_memory mem;
    assert_int_equal(acpi_aml_arena_init(buf, 8, &mem), ACPI_BUFFER_TOO_SMALL);
    assert_int_equal(acpi_aml_arena_init(buf + 1, sizeof buf - 1, &mem), ACPI_OK);
    size_t len;
    uint8_t *dsdt = load("fixtures/qemu/q35-seabios/tables/DSDT.dat", &len);
    struct aml_fake *f;
    struct acpi_aml *aml = interp(&f, &mem);
    assert_int_equal(acpi_aml_load_table(aml, dsdt, len), ACPI_OK);
    struct acpi_aml_init_counts counts;
    assert_int_equal(acpi_aml_initialize(aml, &counts), ACPI_OK);
    assert_true(acpi_aml_memory_peak(aml) < sizeof buf);
    assert_true(acpi_aml_arena_high_water(&mem) < sizeof buf);
    assert_true(acpi_aml_memory_used(aml) <= acpi_aml_memory_peak(aml));
    acpi_aml_destroy(aml);
    /* Everything went back: a second interpreter gets the same space. */
    assert_int_equal(acpi_aml_arena_init(buf, sizeof buf, &mem), ACPI_OK);
    aml_fake_free(f);
    aml = interp(&f, &mem);
    acpi_aml_destroy(aml);
    aml_fake_free(f);
    free(dsdt);
}

/* A cap below the namespace's need: the load fails with a status, teardown
 * still frees all. */
static void test_cap(void **state)
{
    (void)state;
    size_t len;
    uint8_t *dsdt = load("fixtures/qemu/q35-seabios/tables/DSDT.dat", &len);
    struct aml_fake *f = aml_fake_new();
    assert_non_null(f);
    struct acpi_aml_memory mem;
    aml_fake_memory(f, &mem);
    mem.cap = 48u << 10;
    struct aml_fake *g;
    struct acpi_aml *aml = interp(&g, &mem);
    assert_int_equal(acpi_aml_load_table(aml, dsdt, len), ACPI_AML_OUT_OF_MEMORY);
    assert_true(acpi_aml_memory_peak(aml) <= 48u << 10);
    acpi_aml_destroy(aml);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
    aml_fake_free(g);
    free(dsdt);
}

/* The ready-made direct host: a SystemMemory field lands at phys + offset.
 * OperationRegion (RAM_, SystemMemory, 0x1000, 0x10), Field (RAM_, ByteAcc)
 * { FLD_, 8 }, Method (MAIN) { FLD_ = 0x55; Return (FLD_) } (ACPI 6.5, 20.2.5). */
static void test_direct_host(void **state)
{
    (void)state;
    static const uint8_t body[] = {
        0x5B, 0x80, 'R', 'A', 'M', '_', 0x00, 0x0B, 0x00, 0x10, 0x0A, 0x10,
        0x5B, 0x81, 0x0B, 'R', 'A', 'M', '_', 0x01, 'F', 'L', 'D', '_', 0x08,
        0x14, 0x12, 'M', 'A', 'I', 'N', 0x00, 0x70, 0x0A, 0x55, 'F', 'L', 'D', '_',
        0xA4, 'F', 'L', 'D', '_',
    };
    uint8_t t[36 + sizeof body] = { 'D', 'S', 'D', 'T', 36 + sizeof body, 0, 0, 0, 2 };
    memcpy(t + 36, body, sizeof body);
    uint8_t sum = 0;
    for (size_t i = 0; i < sizeof t; i++) {
        sum = (uint8_t)(sum + t[i]);
    }
    t[9] = (uint8_t)-sum;
    static uint8_t ram[16];
    static struct acpi_aml_direct direct;
    direct.memory_offset = (uintptr_t)ram - 0x1000u;
    struct acpi_aml_host host;
    acpi_aml_host_direct(&host, &direct);
    struct aml_fake *f = aml_fake_new();
    assert_non_null(f);
    struct acpi_aml_memory mem;
    aml_fake_memory(f, &mem);
    struct acpi_aml *aml;
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_OK);
    assert_int_equal(acpi_aml_load_table(aml, t, sizeof t), ACPI_OK);
    struct acpi_aml_value v;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\MAIN", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 0x55);
    assert_int_equal(ram[0], 0x55);
    assert_int_equal(ram[1], 0);
    acpi_aml_destroy(aml);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
}

/* A DSDT around hand-assembled AML (header of ACPI 6.5, 5.2.6). */
static uint8_t *wrap(const uint8_t *body, size_t n, size_t *len)
{
    *len = 36 + n;
    uint8_t *t = calloc(1, *len);
    assert_non_null(t);
    memcpy(t, "DSDT", 4);
    t[4] = (uint8_t)*len;
    t[5] = (uint8_t)(*len >> 8);
    t[8] = 2;
    memcpy(t + 36, body, n);
    uint8_t sum = 0;
    for (size_t i = 0; i < *len; i++) {
        sum = (uint8_t)(sum + t[i]);
    }
    t[9] = (uint8_t)-sum;
    return t;
}

struct smbus_log {
    unsigned calls;
    struct acpi_aml_region_access last;
    uint8_t written[34];
};

static enum acpi_status smbus_handler(void *ctx, const struct acpi_aml_region_access *a)
{
    struct smbus_log *log = ctx;
    log->calls++;
    log->last = *a;
    if (a->buffer == NULL || a->buffer_len != 34) {
        return ACPI_INVALID_ARGUMENT;
    }
    if (a->write) {
        memcpy(log->written, a->buffer, 34);
    } else {
        a->buffer[0] = 0;      /* Status: OK */
        a->buffer[1] = 1;      /* Length */
        a->buffer[2] = 0x5A;   /* the byte read */
    }
    return ACPI_OK;
}

/* ACPI 6.5, 5.5.2.4.5: an SMBus field goes to the handler as a 34-byte
 * buffer. OperationRegion (SMB_, SMBus, 0x1000, 0x100), Field (SMB_, BufferAcc)
 * { AccessAs (BufferAcc, AttribByte), Offset (0x12), CMD_, 8 },
 * Method (MAIN) { CMD_ = Buffer () { 0, 1, 0x77 }; Return (CMD_) }. */
static void test_smbus_buffer_protocol(void **state)
{
    (void)state;
    static const uint8_t body[] = {
        0x5B, 0x80, 'S', 'M', 'B', '_', 0x04, 0x0B, 0x00, 0x10, 0x0B, 0x00, 0x01,
        0x5B, 0x81, 0x11, 'S', 'M', 'B', '_', 0x05, 0x01, 0x05, 0x06, 0x00, 0x40, 0x09,
        'C', 'M', 'D', '_', 0x08,
        0x14, 0x17, 'M', 'A', 'I', 'N', 0x00,
        0x70, 0x11, 0x06, 0x0A, 0x03, 0x00, 0x01, 0x77, 'C', 'M', 'D', '_',
        0xA4, 'C', 'M', 'D', '_',
    };
    size_t len;
    uint8_t *t = wrap(body, sizeof body, &len);
    struct aml_fake *f;
    struct acpi_aml *aml = interp(&f, NULL);
    struct smbus_log log = { 0 };
    assert_int_equal(acpi_aml_install_region_handler(aml, NULL, ACPI_AML_SPACE_SMBUS,
                                                     smbus_handler, &log), ACPI_OK);
    assert_int_equal(acpi_aml_load_table(aml, t, len), ACPI_OK);
    struct acpi_aml_value v;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\MAIN", NULL, 0, &v), ACPI_OK);
    assert_int_equal(log.calls, 2);
    assert_false(log.last.write);
    assert_int_equal(log.last.space, ACPI_AML_SPACE_SMBUS);
    assert_int_equal(log.last.address, 0x1012);   /* region offset + Offset (0x12) */
    assert_int_equal(log.last.attrib, 0x06);
    assert_int_equal(log.written[1], 1);
    assert_int_equal(log.written[2], 0x77);
    assert_int_equal(v.type, ACPI_AML_TYPE_BUFFER);
    assert_int_equal(v.u.buffer.len, 34);
    assert_int_equal(v.u.buffer.ptr[2], 0x5A);
    acpi_aml_value_release(aml, &v);
    acpi_aml_destroy(aml);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
    free(t);
}

/* The host's tables for LoadTable: one SSDT ("OSDEV", "LOADME") holding
 * Name (VALU, 0x99). */
static enum acpi_status find_loadme(void *ctx, const char sig[4], const char oem_id[6],
                                    const char oem_table_id[8], const uint8_t **bytes,
                                    size_t *len)
{
    const uint8_t *ssdt = ctx;
    if (memcmp(sig, "SSDT", 4) != 0 || memcmp(oem_id, "OSDEV", 5) != 0 ||
        memcmp(oem_table_id, "LOADME", 6) != 0) {
        return ACPI_NOT_FOUND;
    }
    *bytes = ssdt;
    *len = (size_t)ssdt[4];
    return ACPI_OK;
}

/* ACPI 6.5, 19.6.74: LoadTable with a RootPath and a ParameterPath. iasl's
 * disassembly of the DSDT: Scope (\\) { Name (PARM, Zero) }
 * Method (MAIN) { LoadTable ("SSDT", "OSDEV", "LOADME", "\\_SB_", "\\PARM", 0x42)
 * Return (\\_SB.VALU + \\PARM) }: VALU lands under \\_SB_, PARM gets 0x42. */
static void test_load_table_paths(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0x10, 0x09, 0x5C, 0x00, 0x08, 0x50, 0x41, 0x52, 0x4D, 0x00, 0x14, 0x3F, 0x4D, 0x41, 0x49, 0x4E, 0x00, 0x5B, 0x1F, 0x0D, 0x53, 0x53, 0x44, 0x54, 0x00, 0x0D, 0x4F, 0x53, 0x44, 0x45, 0x56, 0x00, 0x0D, 0x4C, 0x4F, 0x41, 0x44, 0x4D, 0x45, 0x00, 0x0D, 0x5C, 0x5F, 0x53, 0x42, 0x5F, 0x00, 0x0D, 0x5C, 0x50, 0x41, 0x52, 0x4D, 0x00, 0x0A, 0x42, 0xA4, 0x72, 0x5C, 0x2E, 0x5F, 0x53, 0x42, 0x5F, 0x56, 0x41, 0x4C, 0x55, 0x5C, 0x50, 0x41, 0x52, 0x4D, 0x00 };
    static const uint8_t valu[] = { 0x08, 'V', 'A', 'L', 'U', 0x0A, 0x99 };
    size_t len, slen;
    uint8_t *t = wrap(body, sizeof body, &len);
    uint8_t *ssdt = wrap(valu, sizeof valu, &slen);
    memcpy(ssdt, "SSDT", 4);
    memcpy(ssdt + 10, "OSDEV\0LOADME\0\0", 14);
    uint8_t sum = 0;
    ssdt[9] = 0;
    for (size_t i = 0; i < slen; i++) {
        sum = (uint8_t)(sum + ssdt[i]);
    }
    ssdt[9] = (uint8_t)-sum;
    struct aml_fake *f = aml_fake_new();
    assert_non_null(f);
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    aml_fake_host(f, &host);
    aml_fake_memory(f, &mem);
    host.find_table = find_loadme;
    host.ctx = ssdt;   /* no memory access in this test: the callbacks see the SSDT */
    host.map = NULL;
    struct acpi_aml *aml;
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_OK);
    assert_int_equal(acpi_aml_load_table(aml, t, len), ACPI_OK);
    struct acpi_aml_value v;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\MAIN", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 0x99 + 0x42);
    struct acpi_aml_node *n;
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB.VALU", &n), ACPI_OK);
    assert_int_equal(acpi_aml_table_count(aml), 2);
    acpi_aml_destroy(aml);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
    free(t);
    free(ssdt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_predefined),
        cmocka_unit_test(test_q35_namespace),
        cmocka_unit_test(test_instances),
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_direct_host),
        cmocka_unit_test(test_smbus_buffer_protocol),
        cmocka_unit_test(test_load_table_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
