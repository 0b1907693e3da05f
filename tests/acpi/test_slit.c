/* SLIT: corpus tables against ACPICA's matrix, bounds-checked lookup, evil sizes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/slit.h"
#include "iasl_text.h"
#include "support.h"

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    int *rows = ctx;
    struct acpi_slit slit;
    assert_int_equal(acpi_slit_parse(bytes, len, ACPI_CHECKSUM_STRICT, &slit), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    uint64_t n;
    assert_true(iasl_hex(&t, 36, 44, "Localities", &n));
    assert_int_equal(slit.number_of_system_localities, n);
    for (uint64_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "Locality %3u", (unsigned)i);
        const struct iasl_field *row = iasl_find(&t, 44, slit.sdt.length, name, 0);
        assert_non_null(row);
        /* ACPICA prints the row as hex bytes separated by spaces. */
        char *p = (char *)row->value;
        for (uint64_t j = 0; j < n; j++) {
            char *end;
            unsigned long want = strtoul(p, &end, 16);
            assert_true(end != p);
            p = end;
            uint8_t d;
            assert_int_equal(acpi_slit_distance(&slit, i, j, &d), ACPI_OK);
            assert_int_equal(d, want);
        }
        (*rows)++;
    }
    uint8_t d;
    assert_int_equal(acpi_slit_distance(&slit, n, 0, &d), ACPI_NOT_FOUND);
    assert_int_equal(acpi_slit_distance(&slit, 0, n, &d), ACPI_NOT_FOUND);
    iasl_text_free(&t);
}

static void corpus_slit_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    int rows = 0;
    assert_true(corpus_each_table("slit", compare_one, &rows) >= 3);
    assert_true(rows >= 9); /* two 4-locality tables and one 1-locality one */
}

static size_t build(uint8_t *b, uint64_t n, size_t matrix)
{
    memset(b, 0, 128);
    memcpy(b, "SLIT", 4);
    b[8] = 1;
    for (int i = 0; i < 8; i++)
        b[36 + i] = (uint8_t)(n >> (8 * i));
    size_t len = 44 + matrix;
    b[4] = (uint8_t)len;
    return len;
}

static void evil_slit(void **state)
{
    (void)state;
    uint8_t b[128];
    struct acpi_slit slit;
    /* Matrix smaller than N * N. */
    size_t len = build(b, 3, 8);
    assert_int_equal(acpi_slit_parse(b, len, ACPI_CHECKSUM_ACCEPT, &slit), ACPI_BAD_LENGTH);
    /* N * N overflows 64 bits. */
    len = build(b, (uint64_t)1 << 32, 16);
    assert_int_equal(acpi_slit_parse(b, len, ACPI_CHECKSUM_ACCEPT, &slit), ACPI_BAD_LENGTH);
    len = build(b, UINT64_MAX, 16);
    assert_int_equal(acpi_slit_parse(b, len, ACPI_CHECKSUM_ACCEPT, &slit), ACPI_BAD_LENGTH);
    /* Shorter than the locality count itself. */
    len = build(b, 1, 1);
    b[4] = 40;
    assert_int_equal(acpi_slit_parse(b, len, ACPI_CHECKSUM_ACCEPT, &slit), ACPI_BAD_LENGTH);
    /* The buffer holds less than the Length field says. */
    len = build(b, 2, 4);
    assert_int_equal(acpi_slit_parse(b, len - 1, ACPI_CHECKSUM_ACCEPT, &slit), ACPI_TRUNCATED);
    /* Zero localities: valid, every lookup misses. */
    len = build(b, 0, 0);
    assert_int_equal(acpi_slit_parse(b, len, ACPI_CHECKSUM_ACCEPT, &slit), ACPI_OK);
    uint8_t d;
    assert_int_equal(acpi_slit_distance(&slit, 0, 0, &d), ACPI_NOT_FOUND);
    /* Padding after the matrix is accepted (firmware does it, see the corpus). */
    len = build(b, 2, 10);
    b[44] = 10, b[45] = 21, b[46] = 21, b[47] = 10;
    assert_int_equal(acpi_slit_parse(b, len, ACPI_CHECKSUM_ACCEPT, &slit), ACPI_OK);
    assert_int_equal(acpi_slit_distance(&slit, 0, 1, &d), ACPI_OK);
    assert_int_equal(d, 21);
    assert_int_equal(acpi_slit_distance(&slit, 1, 1, &d), ACPI_OK);
    assert_int_equal(d, ACPI_SLIT_LOCAL_DISTANCE);
    assert_int_equal(acpi_slit_distance(&slit, 2, 0, &d), ACPI_NOT_FOUND);
    assert_int_equal(acpi_slit_distance(&slit, UINT64_MAX, UINT64_MAX, &d), ACPI_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_slit_matches_acpica),
        cmocka_unit_test(evil_slit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
