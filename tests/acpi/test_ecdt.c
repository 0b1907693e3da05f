/* ECDT: the corpus's table against ACPICA's decoding; evil lengths and strings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "acpi/ecdt.h"
#include "iasl_text.h"
#include "support.h"

static void check_gas(const struct iasl_text *t, uint32_t at, const struct acpi_gas *g)
{
    uint64_t v;
    assert_true(iasl_hex(t, at, at + 12, "Space ID", &v));
    assert_int_equal(g->space_id, v);
    assert_true(iasl_hex(t, at, at + 12, "Bit Width", &v));
    assert_int_equal(g->bit_width, v);
    assert_true(iasl_hex(t, at, at + 12, "Bit Offset", &v));
    assert_int_equal(g->bit_offset, v);
    assert_true(iasl_hex(t, at, at + 12, "Encoded Access Width", &v));
    assert_int_equal(g->access_size, v);
    assert_true(iasl_hex(t, at, at + 12, "Address", &v));
    assert_int_equal(g->address, v);
}

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    int *count = ctx;
    struct acpi_ecdt e;
    assert_int_equal(acpi_ecdt_parse(bytes, len, ACPI_CHECKSUM_STRICT, &e), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    const struct iasl_field *ctl = iasl_find(&t, 36, 48, "Command/Status Register", 0);
    const struct iasl_field *data = iasl_find(&t, 48, 60, "Data Register", 0);
    assert_non_null(ctl);
    assert_non_null(data);
    check_gas(&t, ctl->offset, &e.ec_control);
    check_gas(&t, data->offset, &e.ec_data);
    uint64_t v;
    assert_true(iasl_hex(&t, 60, 65, "UID", &v));
    assert_int_equal(e.uid, v);
    assert_true(iasl_hex(&t, 60, 66, "GPE Number", &v));
    assert_int_equal(e.gpe_bit, v);
    char name[128];
    assert_true(iasl_str(&t, 65, e.sdt.length, "Namepath", name, sizeof name));
    assert_int_equal(e.ec_id_length, strlen(name));
    assert_memory_equal(e.ec_id, name, e.ec_id_length);
    iasl_text_free(&t);
    (*count)++;
}

static void corpus_ecdt_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    int count = 0;
    assert_true(corpus_each_table("ecdt", compare_one, &count) >= 1);
}

static size_t build(uint8_t *b)
{
    static const char id[] = "\\_SB.PCI0.LPCB.EC0";
    memset(b, 0, 128);
    memcpy(b, "ECDT", 4);
    b[8] = 1;
    /* ACPI 6.5 Table 5.58: the classic EC at I/O ports 0x66 and 0x62. */
    const uint8_t ctl[12] = {1, 8, 0, 1, 0x66};
    const uint8_t dat[12] = {1, 8, 0, 1, 0x62};
    memcpy(b + 36, ctl, 12);
    memcpy(b + 48, dat, 12);
    b[64] = 0x17;
    memcpy(b + 65, id, sizeof id);
    size_t len = 65 + sizeof id;
    b[4] = (uint8_t)len;
    return len;
}

static void evil_ecdt(void **state)
{
    (void)state;
    uint8_t b[128];
    struct acpi_ecdt e;
    size_t len = build(b);
    assert_int_equal(acpi_ecdt_parse(b, len, ACPI_CHECKSUM_ACCEPT, &e), ACPI_OK);
    assert_int_equal(e.ec_control.address, 0x66);
    assert_int_equal(e.ec_data.address, 0x62);
    assert_int_equal(e.gpe_bit, 0x17);
    assert_int_equal(e.ec_id_length, strlen("\\_SB.PCI0.LPCB.EC0"));
    /* No NUL before the end of the table. */
    b[len - 1] = 'X';
    assert_int_equal(acpi_ecdt_parse(b, len, ACPI_CHECKSUM_ACCEPT, &e), ACPI_BAD_ENTRY);
    /* No room for EC_ID at all. */
    b[4] = 65;
    assert_int_equal(acpi_ecdt_parse(b, len, ACPI_CHECKSUM_ACCEPT, &e), ACPI_BAD_LENGTH);
    b[4] = 30;
    assert_int_equal(acpi_ecdt_parse(b, len, ACPI_CHECKSUM_ACCEPT, &e), ACPI_BAD_LENGTH);
    /* An empty name (just the NUL) is well-formed. */
    len = build(b);
    b[65] = 0;
    b[4] = 66;
    assert_int_equal(acpi_ecdt_parse(b, 66, ACPI_CHECKSUM_ACCEPT, &e), ACPI_OK);
    assert_int_equal(e.ec_id_length, 0);
    len = build(b);
    assert_int_equal(acpi_ecdt_parse(b, len - 1, ACPI_CHECKSUM_ACCEPT, &e), ACPI_TRUNCATED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_ecdt_matches_acpica),
        cmocka_unit_test(evil_ecdt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
