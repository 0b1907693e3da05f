/* FACS: the QEMU fixtures' and the corpus's FACS against ACPICA's decoding,
 * the global lock protocol of ACPI 6.5 5.2.10.1, and evil lengths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/facs.h"
#include "iasl_text.h"
#include "support.h"

static void compare(const struct iasl_text *t, const struct acpi_facs *f)
{
    uint64_t v;
    assert_true(iasl_hex(t, 0, 64, "Length", &v));
    assert_int_equal(f->length, v);
    assert_true(iasl_hex(t, 0, 64, "Hardware Signature", &v));
    assert_int_equal(f->hardware_signature, v);
    assert_true(iasl_hex(t, 0, 64, "32 Firmware Waking Vector", &v));
    assert_int_equal(f->firmware_waking_vector, v);
    assert_true(iasl_hex(t, 0, 64, "Global Lock", &v));
    assert_int_equal(f->global_lock, v);
    assert_true(iasl_hex(t, 0, 64, "Flags (decoded below)", &v));
    assert_int_equal(f->flags, v);
    assert_true(iasl_hex(t, 0, 64, "Version", &v));
    assert_int_equal(f->version, v);
    /* Version 0 structures have reserved bytes where later ones keep these. */
    if (f->version >= 1) {
        assert_true(iasl_hex(t, 0, 64, "64 Firmware Waking Vector", &v));
        assert_int_equal(f->x_firmware_waking_vector, v);
    }
    if (f->version >= 2) {
        assert_true(iasl_hex(t, 0, 64, "OspmFlags (decoded below)", &v));
        assert_int_equal(f->ospm_flags, v);
    }
}

static void qemu_facs_match_dsl(void **state)
{
    (void)state;
    static const char *const configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf",
                                          "i440fx-seabios-nohpet"};
    for (size_t i = 0; i < sizeof configs / sizeof configs[0]; i++) {
        char dat[256], dsl[256];
        snprintf(dat, sizeof dat, "fixtures/qemu/%s/tables/FACS.dat", configs[i]);
        snprintf(dsl, sizeof dsl, "fixtures/qemu/%s/tables/FACS.dsl", configs[i]);
        uint8_t *bytes;
        size_t len;
        assert_int_equal(support_read_file(support_path(dat), &bytes, &len), 0);
        struct iasl_text t;
        assert_int_equal(iasl_text_load(support_path(dsl), &t), 0);
        struct acpi_facs f;
        assert_int_equal(acpi_facs_parse(bytes, len, &f), ACPI_OK);
        compare(&t, &f);
        iasl_text_free(&t);
        free(bytes);
    }
}

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    int *count = ctx;
    struct acpi_facs f;
    assert_int_equal(acpi_facs_parse(bytes, len, &f), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    compare(&t, &f);
    iasl_text_free(&t);
    (*count)++;
}

static void corpus_facs_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    int count = 0;
    assert_true(corpus_each_table("facs", compare_one, &count) >= 39);
}

static void global_lock_protocol(void **state)
{
    (void)state;
    /* ACPI 6.5 5.2.10.1: free -> owned; owned -> owned + pending. */
    assert_int_equal(acpi_facs_global_lock_acquire_value(0), ACPI_FACS_GLOBAL_LOCK_OWNED);
    assert_int_equal(acpi_facs_global_lock_acquire_value(ACPI_FACS_GLOBAL_LOCK_OWNED),
                     ACPI_FACS_GLOBAL_LOCK_OWNED | ACPI_FACS_GLOBAL_LOCK_PENDING);
    /* A stale pending bit with the lock free: acquire clears it. */
    assert_int_equal(acpi_facs_global_lock_acquire_value(ACPI_FACS_GLOBAL_LOCK_PENDING),
                     ACPI_FACS_GLOBAL_LOCK_OWNED);
    /* Reserved bits are kept. */
    assert_int_equal(acpi_facs_global_lock_acquire_value(0xF0), 0xF2);
    assert_int_equal(acpi_facs_global_lock_release_value(0xF3), 0xF0);
}

static void evil_facs(void **state)
{
    (void)state;
    uint8_t b[128] = {'F', 'A', 'C', 'S', 64};
    struct acpi_facs f;
    assert_int_equal(acpi_facs_parse(b, 63, &f), ACPI_TRUNCATED);
    b[4] = 63;
    assert_int_equal(acpi_facs_parse(b, 64, &f), ACPI_BAD_LENGTH);
    b[4] = 65;
    assert_int_equal(acpi_facs_parse(b, 64, &f), ACPI_TRUNCATED);
    b[4] = 64;
    b[0] = 'X';
    assert_int_equal(acpi_facs_parse(b, 64, &f), ACPI_BAD_SIGNATURE);
    assert_int_equal(acpi_facs_parse(NULL, 64, &f), ACPI_INVALID_ARGUMENT);
    /* Version 0: the 64-bit vector and OSPM flags are reserved, not read. */
    b[0] = 'F';
    memset(b + 24, 0xAB, 16);
    b[32] = 0;
    assert_int_equal(acpi_facs_parse(b, 64, &f), ACPI_OK);
    assert_int_equal(f.x_firmware_waking_vector, 0);
    assert_int_equal(f.ospm_flags, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(qemu_facs_match_dsl),
        cmocka_unit_test(corpus_facs_matches_acpica),
        cmocka_unit_test(global_lock_protocol),
        cmocka_unit_test(evil_facs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
