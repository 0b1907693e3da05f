/* acpi/aml_battery.h over malformed packages, built by hand as the
 * interpreter hands them out: every case ends in a status and field states,
 * never a crash. Expected values from ACPI 6.5, 10.2.2.1 (_BIF, 13
 * elements), 10.2.2.2 (_BIX, 20 elements in revision 0, 21 in revision 1),
 * 10.2.2.7 (_BST, 4 integers, 0xFFFFFFFF unknown), 10.3.1 (_PSR 0 or 1), and
 * ACPICA's string repair (nsconvert.c: buffer bytes before the first NUL;
 * integer 0 is "", another its hex digits). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/aml_battery.h"
#include "aml_host.h"

#define MAX_ELEMS 40

struct pkg {
    struct acpi_aml_value v;
    struct acpi_aml_value e[MAX_ELEMS];
};

static void integers(struct pkg *p, uint32_t count, uint64_t value)
{
    memset(p, 0, sizeof *p);
    p->v.type = ACPI_AML_TYPE_PACKAGE;
    p->v.u.package.elements = p->e;
    p->v.u.package.count = count;
    for (uint32_t i = 0; i < count; i++) {
        p->e[i].type = ACPI_AML_TYPE_INTEGER;
        p->e[i].u.integer = value;
    }
}

static void set_str(struct acpi_aml_value *e, const char *s, uint32_t len)
{
    e->type = ACPI_AML_TYPE_STRING;
    e->u.string.ptr = s;
    e->u.string.len = len;
}

static void test_not_a_package(void **state)
{
    (void)state;
    struct acpi_battery_info info;
    struct acpi_battery_status st;
    bool online = true;
    struct acpi_aml_value v = { .type = ACPI_AML_TYPE_INTEGER };
    assert_int_equal(acpi_battery_decode_bif(NULL, NULL, &info), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_battery_decode_bix(NULL, &v, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_battery_decode_bst(NULL, NULL, ACPI_BATTERY_UNIT_MW, &st),
                     ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ac_adapter_decode_psr(&v, NULL), ACPI_INVALID_ARGUMENT);
    static const enum acpi_aml_type types[] = {
        ACPI_AML_TYPE_UNINITIALIZED, ACPI_AML_TYPE_INTEGER, ACPI_AML_TYPE_STRING,
        ACPI_AML_TYPE_BUFFER, ACPI_AML_TYPE_DEVICE, ACPI_AML_TYPE_REFERENCE,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        v = (struct acpi_aml_value){ .type = types[i] };
        assert_int_equal(acpi_battery_decode_bif(NULL, &v, &info), ACPI_AML_BAD_OPERAND);
        assert_int_equal(acpi_battery_decode_bix(NULL, &v, &info), ACPI_AML_BAD_OPERAND);
        assert_int_equal(acpi_battery_decode_bst(NULL, &v, ACPI_BATTERY_UNIT_MA, &st),
                         ACPI_AML_BAD_OPERAND);
        if (types[i] != ACPI_AML_TYPE_INTEGER) {
            assert_int_equal(acpi_ac_adapter_decode_psr(&v, &online), ACPI_AML_BAD_OPERAND);
            assert_false(online);
        }
    }
}

/* An empty package: every field missing, the status says truncated. */
static void test_empty_packages(void **state)
{
    (void)state;
    struct pkg p;
    struct acpi_battery_info info;
    struct acpi_battery_status st;
    integers(&p, 0, 0);
    assert_int_equal(acpi_battery_decode_bif(NULL, &p.v, &info), ACPI_TRUNCATED);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_POWER_UNIT], ACPI_BATTERY_FIELD_MISSING);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_OEM_INFORMATION], ACPI_BATTERY_FIELD_MISSING);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_CYCLE_COUNT], ACPI_BATTERY_FIELD_NOT_PROVIDED);
    assert_string_equal(info.oem_information, "");
    assert_int_equal(acpi_battery_decode_bix(NULL, &p.v, &info), ACPI_TRUNCATED);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_REVISION], ACPI_BATTERY_FIELD_MISSING);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_CYCLE_COUNT], ACPI_BATTERY_FIELD_MISSING);
    /* Revision 0 (missing reads as 0): no swapping capability asked for. */
    assert_int_equal(info.state[ACPI_BATTERY_INFO_SWAPPING_CAPABILITY],
                     ACPI_BATTERY_FIELD_NOT_PROVIDED);
    assert_int_equal(acpi_battery_decode_bst(NULL, &p.v, ACPI_BATTERY_UNIT_MW, &st),
                     ACPI_TRUNCATED);
    for (unsigned i = 0; i < ACPI_BATTERY_STATUS_FIELDS; i++) {
        assert_int_equal(st.state_of[i], ACPI_BATTERY_FIELD_MISSING);
    }
}

/* Packages and buffers where integers belong: wrong type, value 0; a type
 * error outranks a short package in the status. */
static void test_wrong_types(void **state)
{
    (void)state;
    struct pkg p, inner;
    struct acpi_battery_status st;
    integers(&inner, 1, 1);
    integers(&p, 3, 7);
    p.e[0] = inner.v;
    p.e[1].type = ACPI_AML_TYPE_BUFFER;
    p.e[2].type = ACPI_AML_TYPE_REFERENCE;   /* no interpreter to read it through */
    assert_int_equal(acpi_battery_decode_bst(NULL, &p.v, ACPI_BATTERY_UNIT_MA, &st),
                     ACPI_BAD_ENTRY);
    assert_int_equal(st.power_unit, ACPI_BATTERY_UNIT_MA);
    assert_int_equal(st.state_of[ACPI_BATTERY_STATUS_STATE], ACPI_BATTERY_FIELD_WRONG_TYPE);
    assert_int_equal(st.state_of[ACPI_BATTERY_STATUS_PRESENT_RATE], ACPI_BATTERY_FIELD_WRONG_TYPE);
    assert_int_equal(st.state_of[ACPI_BATTERY_STATUS_REMAINING_CAPACITY],
                     ACPI_BATTERY_FIELD_WRONG_TYPE);
    assert_int_equal(st.state_of[ACPI_BATTERY_STATUS_PRESENT_VOLTAGE], ACPI_BATTERY_FIELD_MISSING);
    assert_int_equal(st.state, 0);

    /* A package where a _BIF string belongs. */
    struct acpi_battery_info info;
    integers(&p, 13, 1);
    p.e[12] = inner.v;
    set_str(&p.e[9], "M", 1);
    set_str(&p.e[10], "S", 1);
    set_str(&p.e[11], "T", 1);
    assert_int_equal(acpi_battery_decode_bif(NULL, &p.v, &info), ACPI_BAD_ENTRY);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_OEM_INFORMATION], ACPI_BATTERY_FIELD_WRONG_TYPE);
    assert_string_equal(info.model_number, "M");
}

/* Strings as buffers, integers, over-long, with a NUL inside. */
static void test_string_repair(void **state)
{
    (void)state;
    static uint8_t long_buf[200];
    static const uint8_t nul_inside[] = { 'A', 'B', 0, 'C' };
    memset(long_buf, 'x', sizeof long_buf);   /* no NUL at all */
    struct pkg p;
    struct acpi_battery_info info;
    integers(&p, 13, 1);
    p.e[9].type = ACPI_AML_TYPE_BUFFER;
    p.e[9].u.buffer.ptr = nul_inside;
    p.e[9].u.buffer.len = sizeof nul_inside;
    p.e[10].type = ACPI_AML_TYPE_BUFFER;
    p.e[10].u.buffer.ptr = long_buf;
    p.e[10].u.buffer.len = sizeof long_buf;
    p.e[11].u.integer = 0;
    p.e[12].u.integer = 0xBEEF;
    assert_int_equal(acpi_battery_decode_bif(NULL, &p.v, &info), ACPI_OK);
    assert_string_equal(info.model_number, "AB");
    assert_int_equal(info.state[ACPI_BATTERY_INFO_MODEL_NUMBER], ACPI_BATTERY_FIELD_CONVERTED);
    assert_int_equal(strlen(info.serial_number), ACPI_BATTERY_STRING_MAX - 1);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_SERIAL_NUMBER], ACPI_BATTERY_FIELD_TRUNCATED);
    assert_string_equal(info.battery_type, "");
    assert_int_equal(info.state[ACPI_BATTERY_INFO_BATTERY_TYPE], ACPI_BATTERY_FIELD_CONVERTED);
    assert_string_equal(info.oem_information, "000000000000BEEF");
    /* A string object whose length stops before its text ends, and one of 0. */
    set_str(&p.e[9], "ABCDEF", 3);
    set_str(&p.e[10], "", 0);
    assert_int_equal(acpi_battery_decode_bif(NULL, &p.v, &info), ACPI_OK);
    assert_string_equal(info.model_number, "ABC");
    assert_string_equal(info.serial_number, "");
    assert_int_equal(info.state[ACPI_BATTERY_INFO_SERIAL_NUMBER], ACPI_BATTERY_FIELD_VALID);
}

/* _BIX revisions: 0 with 20, 0 with 21 (the 21st decoded), 1 with 20 (the
 * swapping capability missing), 7 with 21 (read as revision 1). */
static void test_bix_revisions(void **state)
{
    (void)state;
    struct pkg p;
    struct acpi_battery_info info;
    integers(&p, 20, 1);
    for (unsigned i = 16; i < 20; i++) {
        set_str(&p.e[i], "s", 1);
    }
    p.e[0].u.integer = 0;
    assert_int_equal(acpi_battery_decode_bix(NULL, &p.v, &info), ACPI_OK);
    assert_true(info.extended);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_SWAPPING_CAPABILITY],
                     ACPI_BATTERY_FIELD_NOT_PROVIDED);
    p.e[0].u.integer = 1;
    assert_int_equal(acpi_battery_decode_bix(NULL, &p.v, &info), ACPI_TRUNCATED);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_SWAPPING_CAPABILITY], ACPI_BATTERY_FIELD_MISSING);
    p.v.u.package.count = 21;
    p.e[20].type = ACPI_AML_TYPE_INTEGER;
    p.e[20].u.integer = ACPI_BATTERY_SWAP_HOT;
    p.e[0].u.integer = 0;
    assert_int_equal(acpi_battery_decode_bix(NULL, &p.v, &info), ACPI_OK);
    assert_int_equal(info.swapping_capability, ACPI_BATTERY_SWAP_HOT);
    p.e[0].u.integer = 7;
    assert_int_equal(acpi_battery_decode_bix(NULL, &p.v, &info), ACPI_OK);
    assert_int_equal(info.revision, 7);
    assert_int_equal(info.swapping_capability, ACPI_BATTERY_SWAP_HOT);
    /* More elements than any revision has: the extra ones are ignored. */
    p.v.u.package.count = MAX_ELEMS;
    assert_int_equal(acpi_battery_decode_bix(NULL, &p.v, &info), ACPI_OK);
    assert_int_equal(info.element_count, MAX_ELEMS);
}

/* Unknowns, 64-bit values, out-of-range enums and the exclusive bits. */
static void test_values(void **state)
{
    (void)state;
    struct pkg p;
    struct acpi_battery_status st;
    struct acpi_battery_info info;
    integers(&p, 4, ACPI_BATTERY_UNKNOWN);
    p.e[0].u.integer = ACPI_BATTERY_STATE_CRITICAL | ACPI_BATTERY_STATE_CHARGE_LIMITING;
    assert_int_equal(acpi_battery_decode_bst(NULL, &p.v, ACPI_BATTERY_UNIT_MW, &st), ACPI_OK);
    assert_true(st.critical && st.charge_limiting && !st.charging && !st.discharging);
    for (unsigned i = 1; i < ACPI_BATTERY_STATUS_FIELDS; i++) {
        assert_int_equal(st.state_of[i], ACPI_BATTERY_FIELD_UNKNOWN);
    }
    p.e[0].u.integer = ACPI_BATTERY_STATE_CHARGING | ACPI_BATTERY_STATE_DISCHARGING;
    p.e[1].u.integer = 0x100000005ull;
    assert_int_equal(acpi_battery_decode_bst(NULL, &p.v, ACPI_BATTERY_UNIT_MW, &st),
                     ACPI_BAD_ENTRY);
    assert_int_equal(st.present_rate, 5);
    assert_int_equal(st.state_of[ACPI_BATTERY_STATUS_PRESENT_RATE], ACPI_BATTERY_FIELD_TRUNCATED);

    integers(&p, 13, 0);
    for (unsigned i = 9; i < 13; i++) {
        set_str(&p.e[i], "s", 1);
    }
    p.e[0].u.integer = 2;   /* neither mW nor mA */
    assert_int_equal(acpi_battery_decode_bif(NULL, &p.v, &info), ACPI_BAD_ENTRY);
    p.e[0].u.integer = 1;
    p.e[3].u.integer = 9;   /* neither primary nor secondary */
    assert_int_equal(acpi_battery_decode_bif(NULL, &p.v, &info), ACPI_BAD_ENTRY);
    p.e[3].u.integer = 0;
    p.e[5].u.integer = ACPI_BATTERY_UNKNOWN;   /* warning capacity has no "unknown" */
    assert_int_equal(acpi_battery_decode_bif(NULL, &p.v, &info), ACPI_OK);
    assert_int_equal(info.state[ACPI_BATTERY_INFO_DESIGN_CAPACITY_WARNING],
                     ACPI_BATTERY_FIELD_VALID);
    assert_int_equal(info.power_unit, ACPI_BATTERY_UNIT_MA);

    bool online;
    struct acpi_aml_value v = { .type = ACPI_AML_TYPE_INTEGER };
    assert_int_equal(acpi_ac_adapter_decode_psr(&v, &online), ACPI_OK);
    assert_false(online);
    v.u.integer = 1;
    assert_int_equal(acpi_ac_adapter_decode_psr(&v, &online), ACPI_OK);
    assert_true(online);
    v.u.integer = 0xFF;
    assert_int_equal(acpi_ac_adapter_decode_psr(&v, &online), ACPI_BAD_ENTRY);
    assert_true(online);
}

static void test_field_state_text(void **state)
{
    (void)state;
    for (int s = ACPI_BATTERY_FIELD_VALID; s <= ACPI_BATTERY_FIELD_NOT_PROVIDED; s++) {
        assert_non_null(acpi_battery_field_state_str((enum acpi_battery_field_state)s));
    }
    assert_string_equal(acpi_battery_field_state_str((enum acpi_battery_field_state)99),
                        "invalid field state");
}

/* The iterator and readers with bad arguments, and over an empty namespace. */
static void test_iterator_arguments(void **state)
{
    (void)state;
    struct acpi_power_source_iter it;
    struct acpi_power_source src;
    acpi_power_source_iter_init(&it, NULL);
    assert_int_equal(acpi_power_source_next(&it, &src), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_power_source_next(NULL, &src), ACPI_INVALID_ARGUMENT);
    struct aml_fake *f = aml_fake_new();
    assert_non_null(f);
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    aml_fake_host(f, &host);
    aml_fake_memory(f, &mem);
    struct acpi_aml *aml;
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_OK);
    acpi_power_source_iter_init(&it, aml);
    assert_int_equal(acpi_power_source_next(&it, &src), ACPI_END);
    assert_int_equal(acpi_power_source_next(&it, &src), ACPI_END);
    struct acpi_battery_info info;
    struct acpi_battery_status st;
    bool online;
    const struct acpi_aml_node *sb = NULL;
    struct acpi_aml_node *n;
    assert_int_equal(acpi_aml_lookup(aml, NULL, "\\_SB", &n), ACPI_OK);
    sb = n;
    assert_int_equal(acpi_battery_read_info(aml, sb, &info), ACPI_NOT_FOUND);
    assert_int_equal(acpi_battery_read_status(aml, sb, ACPI_BATTERY_UNIT_MW, &st),
                     ACPI_NOT_FOUND);
    assert_int_equal(acpi_battery_set_trip_point(aml, sb, 10), ACPI_NOT_FOUND);
    assert_int_equal(acpi_ac_adapter_read_psr(aml, sb, &online), ACPI_NOT_FOUND);
    assert_int_equal(acpi_battery_read_info(NULL, sb, &info), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_battery_set_trip_point(aml, NULL, 1), ACPI_INVALID_ARGUMENT);
    acpi_aml_destroy(aml);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_not_a_package),
        cmocka_unit_test(test_empty_packages),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_string_repair),
        cmocka_unit_test(test_bix_revisions),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_field_state_text),
        cmocka_unit_test(test_iterator_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
