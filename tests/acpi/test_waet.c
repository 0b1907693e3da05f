/* WAET: QEMU's and the corpus's table against ACPICA's decoding; evil lengths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "acpi/waet.h"
#include "iasl_text.h"
#include "support.h"

static void compare(const struct iasl_text *t, const struct acpi_waet *w)
{
    uint64_t v;
    assert_true(iasl_hex(t, 36, 40, "Flags (decoded below)", &v));
    assert_int_equal(w->emulated_device_flags, v);
    assert_int_equal(w->rtc_good, (v & 1) != 0);
    assert_int_equal(w->pm_timer_good, (v & 2) != 0);
}

static void qemu_waet_matches_dsl(void **state)
{
    (void)state;
    static const char *const configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf",
                                          "i440fx-seabios-nohpet"};
    for (size_t i = 0; i < sizeof configs / sizeof configs[0]; i++) {
        char dat[256], dsl[256];
        snprintf(dat, sizeof dat, "fixtures/qemu/%s/tables/WAET.dat", configs[i]);
        snprintf(dsl, sizeof dsl, "fixtures/qemu/%s/tables/WAET.dsl", configs[i]);
        uint8_t *bytes;
        size_t len;
        assert_int_equal(support_read_file(support_path(dat), &bytes, &len), 0);
        struct iasl_text t;
        assert_int_equal(iasl_text_load(support_path(dsl), &t), 0);
        struct acpi_waet w;
        assert_int_equal(acpi_waet_parse(bytes, len, ACPI_CHECKSUM_STRICT, &w), ACPI_OK);
        compare(&t, &w);
        /* QEMU promises a PM timer that needs one read (its WAET.dsl). */
        assert_true(w.pm_timer_good);
        iasl_text_free(&t);
        free(bytes);
    }
}

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    int *count = ctx;
    struct acpi_waet w;
    assert_int_equal(acpi_waet_parse(bytes, len, ACPI_CHECKSUM_STRICT, &w), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    compare(&t, &w);
    iasl_text_free(&t);
    (*count)++;
}

static void corpus_waet_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    int count = 0;
    assert_true(corpus_each_table("waet", compare_one, &count) >= 1);
}

static void evil_waet(void **state)
{
    (void)state;
    uint8_t b[40] = {'W', 'A', 'E', 'T', 40, 0, 0, 0, 1};
    struct acpi_waet w;
    assert_int_equal(acpi_waet_parse(b, 40, ACPI_CHECKSUM_ACCEPT, &w), ACPI_OK);
    assert_int_equal(acpi_waet_parse(b, 39, ACPI_CHECKSUM_ACCEPT, &w), ACPI_TRUNCATED);
    b[4] = 39;
    assert_int_equal(acpi_waet_parse(b, 40, ACPI_CHECKSUM_ACCEPT, &w), ACPI_BAD_LENGTH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(qemu_waet_matches_dsl),
        cmocka_unit_test(corpus_waet_matches_acpica),
        cmocka_unit_test(evil_waet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
