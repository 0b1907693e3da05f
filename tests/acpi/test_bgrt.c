/* BGRT: OVMF's and the corpus's tables against ACPICA's decoding; evil lengths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "acpi/bgrt.h"
#include "iasl_text.h"
#include "support.h"

static void compare(const struct iasl_text *t, const struct acpi_bgrt *b)
{
    uint64_t v;
    assert_true(iasl_hex(t, 36, 56, "Version", &v));
    assert_int_equal(b->version, v);
    assert_true(iasl_hex(t, 36, 56, "Status (decoded below)", &v));
    assert_int_equal(b->status, v);
    assert_int_equal(b->displayed, (v & 1) != 0);
    assert_true(iasl_hex(t, 36, 56, "Image Type", &v));
    assert_int_equal(b->image_type, v);
    assert_true(iasl_hex(t, 36, 56, "Image Address", &v));
    assert_int_equal(b->image_address, v);
    assert_true(iasl_hex(t, 36, 56, "Image OffsetX", &v));
    assert_int_equal(b->image_offset_x, v);
    assert_true(iasl_hex(t, 36, 56, "Image OffsetY", &v));
    assert_int_equal(b->image_offset_y, v);
}

static void ovmf_bgrt_matches_dsl(void **state)
{
    (void)state;
    uint8_t *bytes;
    size_t len;
    assert_int_equal(support_read_file(support_path("fixtures/qemu/q35-ovmf/tables/BGRT.dat"),
                                       &bytes, &len), 0);
    struct iasl_text t;
    assert_int_equal(iasl_text_load(support_path("fixtures/qemu/q35-ovmf/tables/BGRT.dsl"), &t), 0);
    struct acpi_bgrt b;
    assert_int_equal(acpi_bgrt_parse(bytes, len, ACPI_CHECKSUM_STRICT, &b), ACPI_OK);
    compare(&t, &b);
    iasl_text_free(&t);
    free(bytes);
}

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    int *count = ctx;
    struct acpi_bgrt b;
    assert_int_equal(acpi_bgrt_parse(bytes, len, ACPI_CHECKSUM_STRICT, &b), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    compare(&t, &b);
    iasl_text_free(&t);
    (*count)++;
}

static void corpus_bgrt_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    int count = 0;
    assert_true(corpus_each_table("bgrt", compare_one, &count) >= 28);
}

static void evil_bgrt(void **state)
{
    (void)state;
    uint8_t b[64] = {'B', 'G', 'R', 'T', 56, 0, 0, 0, 1};
    /* ACPI 6.5 Table 5.111: status bits 2:1 give 0/90/180/270 degrees. */
    b[38] = 0x05;
    struct acpi_bgrt out;
    assert_int_equal(acpi_bgrt_parse(b, 56, ACPI_CHECKSUM_ACCEPT, &out), ACPI_OK);
    assert_true(out.displayed);
    assert_int_equal(out.orientation_degrees, 180);
    assert_int_equal(acpi_bgrt_parse(b, 55, ACPI_CHECKSUM_ACCEPT, &out), ACPI_TRUNCATED);
    b[4] = 55;
    assert_int_equal(acpi_bgrt_parse(b, 56, ACPI_CHECKSUM_ACCEPT, &out), ACPI_BAD_LENGTH);
    b[4] = 0;
    assert_int_equal(acpi_bgrt_parse(b, 56, ACPI_CHECKSUM_ACCEPT, &out), ACPI_BAD_LENGTH);
    b[4] = 0xFF, b[5] = 0xFF, b[6] = 0xFF, b[7] = 0xFF;
    assert_int_equal(acpi_bgrt_parse(b, 64, ACPI_CHECKSUM_ACCEPT, &out), ACPI_TRUNCATED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ovmf_bgrt_matches_dsl),
        cmocka_unit_test(corpus_bgrt_matches_acpica),
        cmocka_unit_test(evil_bgrt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
