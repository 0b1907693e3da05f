/* Evil AML for acpi/aml.h: hand-assembled byte code that real firmware never
 * has (ACPI 6.5, chapter 20 encodings: PkgLength 20.2.4, NameString 20.2.2).
 * Every case must end in a status, never a crash or a hang, and the
 * interpreter must go on working after it: each table also holds \GOOD,
 * which returns 0x2A, evaluated after every failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/aml.h"
#include "aml_host.h"

struct bytes {
    uint8_t *b;
    size_t n, cap;
};

static void put(struct bytes *s, const void *p, size_t n)
{
    if (n == 0) {
        return;
    }
    if (s->n + n > s->cap) {
        s->cap = (s->n + n) * 2 + 64;
        s->b = realloc(s->b, s->cap);
        assert_non_null(s->b);
    }
    memcpy(s->b + s->n, p, n);
    s->n += n;
}

static void put1(struct bytes *s, uint8_t v)
{
    put(s, &v, 1);
}

/* PkgLength for a body of n bytes (the encoding counts itself). */
static void pkglen(struct bytes *s, size_t body)
{
    for (unsigned size = 1; size <= 4; size++) {
        size_t total = body + size;
        if (size == 1 && total < 0x40) {
            put1(s, (uint8_t)total);
            return;
        }
        if (size > 1 && total < (1u << (4 + 8 * (size - 1)))) {
            put1(s, (uint8_t)(((size - 1) << 6) | (total & 0x0F)));
            for (unsigned i = 1; i < size; i++) {
                put1(s, (uint8_t)(total >> (4 + 8 * (i - 1))));
            }
            return;
        }
    }
    fail();
}

/* Method (NAME, 0) { body } */
static void method(struct bytes *s, const char *name, const uint8_t *body, size_t n)
{
    put1(s, 0x14);
    pkglen(s, 4 + 1 + n);
    put(s, name, 4);
    put1(s, 0x00);
    put(s, body, n);
}

/* A DSDT around the body, with \GOOD appended, checksum right. */
static struct bytes table(const uint8_t *body, size_t n)
{
    struct bytes t = { 0 };
    uint8_t hdr[36] = { 'D', 'S', 'D', 'T', 0, 0, 0, 0, 2, 0, 'O', 'S', 'D', 'E', 'V', 0,
                        'E', 'V', 'I', 'L', 0, 0, 0, 0, 1, 0, 0, 0, 'I', 'N', 'T', 'L', 1 };
    put(&t, hdr, sizeof hdr);
    static const uint8_t good[] = { 0xA4, 0x0A, 0x2A };   /* Return (0x2A) */
    method(&t, "GOOD", good, sizeof good);
    put(&t, body, n);
    uint32_t len = (uint32_t)t.n;
    memcpy(t.b + 4, &len, 4);   /* little-endian host (x86_64 test machines) */
    uint8_t sum = 0;
    for (size_t i = 0; i < t.n; i++) {
        sum = (uint8_t)(sum + t.b[i]);
    }
    t.b[9] = (uint8_t)(0x100 - sum);
    return t;
}

/* A machine with nothing on it (tests/support/aml_host.h), the interpreter's
 * fake 1 ms-per-reading clock, 256 MiB at most. */
static struct aml_fake *machine;

static struct acpi_aml *interp(void)
{
    if (machine == NULL) {
        machine = aml_fake_new();
        assert_non_null(machine);
    }
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    aml_fake_host(machine, &host);
    aml_fake_memory(machine, &mem);
    mem.cap = 256u << 20;
    struct acpi_aml *aml;
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_OK);
    return aml;
}

static void still_works(struct acpi_aml *aml)
{
    struct acpi_aml_value v;
    assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\GOOD", NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.u.integer, 0x2A);
}

/* Load a table with body; evaluate \MAIN if `main` and check its status. */
static void run(const uint8_t *body, size_t n, enum acpi_status load_st, bool main,
                enum acpi_status main_st)
{
    struct bytes t = table(body, n);
    struct acpi_aml *aml = interp();
    assert_int_equal(acpi_aml_load_table(aml, t.b, t.n), load_st);
    still_works(aml);
    if (main) {
        struct acpi_aml_value v;
        assert_int_equal(acpi_aml_evaluate_path(aml, NULL, "\\MAIN", NULL, 0, &v), main_st);
        if (main_st == ACPI_OK) {
            acpi_aml_value_release(aml, &v);
        }
        assert_true(acpi_aml_error_count(aml) > 0 || main_st == ACPI_OK);
        still_works(aml);
    }
    acpi_aml_destroy(aml);
    free(t.b);
}

static void run_method(const uint8_t *body, size_t n, enum acpi_status st)
{
    struct bytes m = { 0 };
    method(&m, "MAIN", body, n);
    run(m.b, m.n, ACPI_OK, true, st);
    free(m.b);
}

/* Table-level declarations, then Method (MAIN) { body }: MAIN ends with st. */
static void run_declared(const uint8_t *decl, size_t ndecl, const uint8_t *body, size_t nbody,
                         enum acpi_status st)
{
    struct bytes b = { 0 };
    put(&b, decl, ndecl);
    method(&b, "MAIN", body, nbody);
    run(b.b, b.n, ACPI_OK, true, st);
    free(b.b);
}

static void test_truncated_pkglen(void **state)
{
    (void)state;
    /* Scope (\) claiming 0x30 bytes, 2 present. */
    static const uint8_t body[] = { 0x10, 0x30, 0x5C, 0x00 };
    run(body, sizeof body, ACPI_TRUNCATED, false, ACPI_OK);
}

static void test_name_outside_table(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0x08, 'A', 'B' };   /* Name (AB.. cut by the end */
    run(body, sizeof body, ACPI_TRUNCATED, false, ACPI_OK);
}

static void test_unknown_opcode(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0x02, 0x08, 'X', 'X', 'X', 'X', 0x01 };
    run(body, sizeof body, ACPI_AML_BAD_OPCODE, false, ACPI_OK);
}

static void test_recursion_forever(void **state)
{
    (void)state;
    static const uint8_t body[] = { 'M', 'A', 'I', 'N' };   /* MAIN () */
    run_method(body, sizeof body, ACPI_AML_STACK_OVERFLOW);
}

static void test_while_one(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0xA2, 0x02, 0x01 };   /* While (One) {} */
    run_method(body, sizeof body, ACPI_AML_LOOP_TIMEOUT);
}

static void test_while_one_at_load(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0xA2, 0x02, 0x01, 0x08, 'A', 'F', 'T', 'R', 0x01 };
    struct bytes t = table(body, sizeof body);
    struct acpi_aml *aml = interp();
    assert_int_equal(acpi_aml_load_table(aml, t.b, t.n), ACPI_AML_LOOP_TIMEOUT);
    /* The load went on after the loop: AFTR exists. */
    struct acpi_aml_node *n;
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\AFTR", &n), ACPI_OK);
    acpi_aml_destroy(aml);
    free(t.b);
}

static void test_huge_buffer(void **state)
{
    (void)state;
    /* Return (Buffer (0xFFFFFFFF) {}) */
    static const uint8_t body[] = { 0xA4, 0x11, 0x06, 0x0C, 0xFF, 0xFF, 0xFF, 0xFF };
    run_method(body, sizeof body, ACPI_AML_OUT_OF_MEMORY);
}

static void test_packages_million_deep(void **state)
{
    (void)state;
    /* Name (DEEP, Package (1) { Package (1) { ... One ... } }), built inside out. */
    const size_t depth = 1000000;
    size_t *len = malloc(depth * sizeof *len);
    assert_non_null(len);
    size_t inner = 1;   /* One */
    for (size_t i = 0; i < depth; i++) {
        struct bytes probe = { 0 };
        pkglen(&probe, inner + 1);
        len[i] = inner + 1;
        inner = 1 + probe.n + 1 + inner;
        free(probe.b);
    }
    struct bytes b = { 0 };
    put1(&b, 0x08);
    put(&b, "DEEP", 4);
    for (size_t i = depth; i-- > 0;) {
        put1(&b, 0x12);
        pkglen(&b, len[i]);
        put1(&b, 1);
    }
    put1(&b, 0x01);
    free(len);
    run(b.b, b.n, ACPI_AML_STACK_OVERFLOW, false, ACPI_OK);
    free(b.b);
}

static void test_expression_deep(void **state)
{
    (void)state;
    /* Return (Add (Add (... Add (One, One) ..., One), One)), 100000 deep. */
    const size_t depth = 100000;
    struct bytes b = { 0 };
    put1(&b, 0xA4);
    for (size_t i = 0; i < depth; i++) {
        put1(&b, 0x72);
    }
    put1(&b, 0x01);
    for (size_t i = 0; i < depth; i++) {
        static const uint8_t tail[] = { 0x01, 0x00 };   /* One, no target */
        put(&b, tail, sizeof tail);
    }
    run_method(b.b, b.n, ACPI_AML_STACK_OVERFLOW);
    free(b.b);
}

static void test_release_without_acquire(void **state)
{
    (void)state;
    static const uint8_t mtx[] = { 0x5B, 0x01, 'M', 'T', 'X', '_', 0x00 };
    static const uint8_t body[] = { 0x5B, 0x27, 'M', 'T', 'X', '_' };
    run_declared(mtx, sizeof mtx, body, sizeof body, ACPI_AML_NOT_OWNER);
}

static void test_acquire_below_level(void **state)
{
    (void)state;
    /* Mutex (HIGH, 5), Mutex (LOW_, 1); Acquire (HIGH), then Acquire (LOW_). */
    static const uint8_t decl[] = { 0x5B, 0x01, 'H', 'I', 'G', 'H', 0x05,
                                    0x5B, 0x01, 'L', 'O', 'W', '_', 0x01 };
    static const uint8_t body[] = { 0x5B, 0x23, 'H', 'I', 'G', 'H', 0xFF, 0xFF,
                                    0x5B, 0x23, 'L', 'O', 'W', '_', 0xFF, 0xFF };
    run_declared(decl, sizeof decl, body, sizeof body, ACPI_AML_SYNC_LEVEL);
}

static void test_store_into_constant(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0x70, 0x01, 0x00 };   /* Store (One, Zero) */
    run_method(body, sizeof body, ACPI_AML_READ_ONLY);
}

static void test_break_outside_while(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0xA5 };
    run_method(body, sizeof body, ACPI_AML_BAD_OPCODE);
}

static void test_divide_by_zero(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0xA4, 0x78, 0x01, 0x00, 0x00, 0x00 };
    run_method(body, sizeof body, ACPI_AML_DIVIDE_BY_ZERO);
}

static void test_index_past_end(void **state)
{
    (void)state;
    /* Return (DerefOf (Index (Buffer (2) {}, 5))) */
    static const uint8_t body[] = { 0xA4, 0x83, 0x88, 0x11, 0x03, 0x0A, 0x02, 0x0A, 0x05, 0x00 };
    run_method(body, sizeof body, ACPI_AML_INDEX_RANGE);
}

static void test_concat_res_empty(void **state)
{
    (void)state;
    /* Return (ConcatenateResTemplate (Buffer (0) {}, Buffer (0) {})): two empty
     * templates, nothing to read past (found by the device layer's fuzzer). */
    static const uint8_t body[] = { 0xA4, 0x84, 0x11, 0x02, 0x00, 0x11, 0x02, 0x00, 0x00 };
    run_method(body, sizeof body, ACPI_OK);
}

static void test_uninitialized_local(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0xA4, 0x60 };   /* Return (Local0) */
    run_method(body, sizeof body, ACPI_AML_UNINITIALIZED);
}

static void test_load_garbage(void **state)
{
    (void)state;
    /* Load (BUF_, Local0) of a buffer that is no table. */
    static const uint8_t decl[] = { 0x08, 'B', 'U', 'F', '_', 0x11, 0x04, 0x0A, 0x28, 0x00 };
    static const uint8_t body[] = { 0x5B, 0x20, 'B', 'U', 'F', '_', 0x60 };
    run_declared(decl, sizeof decl, body, sizeof body, ACPI_AML_BAD_TABLE);
}

/* DataTableRegion (DTR_, "DSDT", "", "") and Load (DTR_, Local0) at table
 * level: the table loads itself again and again; the re-entry bound ends it. */
static void test_load_itself(void **state)
{
    (void)state;
    static const uint8_t body[] = { 0x5B, 0x88, 'D', 'T', 'R', '_', 0x0D, 'D', 'S', 'D', 'T', 0x00,
                                    0x0D, 0x00, 0x0D, 0x00, 0x5B, 0x20, 'D', 'T', 'R', '_', 0x60 };
    struct bytes t = table(body, sizeof body);
    struct acpi_aml *aml = interp();
    enum acpi_status st = acpi_aml_load_table(aml, t.b, t.n);
    assert_true(st == ACPI_OK || st == ACPI_AML_ALREADY_EXISTS);
    assert_true(acpi_aml_table_count(aml) >= 2 && acpi_aml_table_count(aml) <= 8);
    still_works(aml);
    acpi_aml_destroy(aml);
    free(t.b);
}

static void test_header_lies(void **state)
{
    (void)state;
    struct bytes t = table(NULL, 0);
    struct acpi_aml *aml = interp();
    assert_int_equal(acpi_aml_load_table(aml, t.b, 20), ACPI_TRUNCATED);
    assert_int_equal(acpi_aml_load_table(aml, t.b, t.n - 1), ACPI_TRUNCATED);
    uint8_t len[4];
    memcpy(len, t.b + 4, 4);
    t.b[4] = 10;
    t.b[5] = t.b[6] = t.b[7] = 0;
    assert_int_equal(acpi_aml_load_table(aml, t.b, t.n), ACPI_BAD_LENGTH);
    memcpy(t.b + 4, len, 4);
    memcpy(t.b, "FACP", 4);
    assert_int_equal(acpi_aml_load_table(aml, t.b, t.n), ACPI_BAD_SIGNATURE);
    assert_int_equal(acpi_aml_table_count(aml), 0);
    acpi_aml_destroy(aml);
    free(t.b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_truncated_pkglen),
        cmocka_unit_test(test_name_outside_table),
        cmocka_unit_test(test_unknown_opcode),
        cmocka_unit_test(test_recursion_forever),
        cmocka_unit_test(test_while_one),
        cmocka_unit_test(test_while_one_at_load),
        cmocka_unit_test(test_huge_buffer),
        cmocka_unit_test(test_packages_million_deep),
        cmocka_unit_test(test_expression_deep),
        cmocka_unit_test(test_release_without_acquire),
        cmocka_unit_test(test_acquire_below_level),
        cmocka_unit_test(test_store_into_constant),
        cmocka_unit_test(test_break_outside_while),
        cmocka_unit_test(test_divide_by_zero),
        cmocka_unit_test(test_index_past_end),
        cmocka_unit_test(test_concat_res_empty),
        cmocka_unit_test(test_uninitialized_local),
        cmocka_unit_test(test_load_garbage),
        cmocka_unit_test(test_load_itself),
        cmocka_unit_test(test_header_lies),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    if (machine != NULL && aml_fake_live(machine) != 0) {
        failed++;   /* every interpreter freed all it took */
    }
    aml_fake_free(machine);
    return failed;
}
