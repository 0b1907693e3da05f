/* SRAT: every corpus SRAT against ACPICA's decoding, and the evil suite. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "acpi/srat.h"
#include "iasl_text.h"
#include "support.h"

#define CHECK(name, field)                                                                     \
    do {                                                                                       \
        uint64_t v_;                                                                           \
        assert_true(iasl_hex(&t, e.offset, e.offset + e.length, name, &v_));                   \
        assert_int_equal(v_, (field));                                                         \
    } while (0)

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    int *entries = ctx;
    struct acpi_srat srat;
    assert_int_equal(acpi_srat_parse(bytes, len, ACPI_CHECKSUM_STRICT, &srat), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    struct acpi_srat_iter it;
    struct acpi_srat_entry e;
    size_t n = 0;
    acpi_srat_iter_init(&it, &srat);
    while (acpi_srat_next(&it, &e) == ACPI_OK) {
        /* ACPICA starts each subtable with its type at the subtable's offset. */
        const struct iasl_field *type = iasl_find(&t, e.offset, e.offset + 1, "Subtable Type", 0);
        assert_non_null(type);
        assert_int_equal(strtoul(type->value, NULL, 16), e.type);
        CHECK("Length", e.length);
        switch (e.type) {
        case ACPI_SRAT_PROCESSOR_LOCAL_APIC_AFFINITY: {
            uint64_t lo, hi;
            assert_true(iasl_hex(&t, e.offset, e.offset + e.length, "Proximity Domain Low(8)", &lo));
            assert_true(iasl_hex(&t, e.offset, e.offset + e.length, "Proximity Domain High(24)", &hi));
            assert_int_equal(e.proximity_domain, lo | (hi << 8));
            CHECK("Apic ID", e.apic_id);
            CHECK("Flags (decoded below)", e.flags);
            CHECK("Local Sapic EID", e.local_sapic_eid);
            CHECK("Clock Domain", e.clock_domain);
            break;
        }
        case ACPI_SRAT_MEMORY_AFFINITY:
            CHECK("Proximity Domain", e.proximity_domain);
            CHECK("Base Address", e.base_address);
            CHECK("Address Length", e.range_length);
            CHECK("Flags (decoded below)", e.flags);
            break;
        case ACPI_SRAT_PROCESSOR_LOCAL_X2APIC_AFFINITY:
            CHECK("Proximity Domain", e.proximity_domain);
            CHECK("Apic ID", e.apic_id);
            CHECK("Flags (decoded below)", e.flags);
            CHECK("Clock Domain", e.clock_domain);
            break;
        default:
            fail_msg("%s: a subtable type the corpus was not known to hold: %u", path, e.type);
        }
        n++;
    }
    assert_int_equal(it.status, ACPI_END);
    /* As many subtables as ACPICA found. */
    size_t expected = 0;
    while (iasl_find(&t, ACPI_SRAT_ENTRIES_OFFSET, srat.sdt.length, "Subtable Type", expected))
        expected++;
    assert_int_equal(n, expected);
    *entries += (int)n;
    iasl_text_free(&t);
}

static void corpus_srat_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    int entries = 0;
    int tables = corpus_each_table("srat", compare_one, &entries);
    assert_true(tables >= 4); /* the corpus README's census */
    assert_true(entries > 0);
}

/* A small SRAT built by hand from ACPI 6.5 Tables 5.71-5.77. */
static size_t build(uint8_t *b, size_t cap)
{
    memset(b, 0, cap);
    memcpy(b, "SRAT", 4);
    b[8] = 3;
    b[36] = 1; /* Reserved, "must be 1" */
    size_t o = 48;
    /* Local APIC affinity: domain 0x00030201 split 8/24, APIC ID 5, enabled. */
    uint8_t lapic[16] = {0, 16, 0x01, 5, 1, 0, 0, 0, 0, 0x02, 0x03, 0x00, 7, 0, 0, 0};
    memcpy(b + o, lapic, 16);
    o += 16;
    /* Memory affinity: domain 1, base 0x1_0000_0000, length 0x8000_0000, enabled + hot plug. */
    uint8_t mem[40] = {1, 40, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
                       0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0};
    memcpy(b + o, mem, 40);
    o += 40;
    /* x2APIC affinity: domain 2, x2APIC ID 0x100. */
    uint8_t x2[24] = {2, 24, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0};
    memcpy(b + o, x2, 24);
    o += 24;
    b[4] = (uint8_t)o;
    return o;
}

static void hand_built_srat_decodes(void **state)
{
    (void)state;
    uint8_t b[256];
    size_t len = build(b, sizeof b);
    struct acpi_srat srat;
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    struct acpi_srat_iter it;
    struct acpi_srat_entry e;
    acpi_srat_iter_init(&it, &srat);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.proximity_domain, 0x00030201);
    assert_int_equal(e.apic_id, 5);
    assert_int_equal(e.clock_domain, 7);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.base_address, 0x100000000ull);
    assert_int_equal(e.range_length, 0x80000000ull);
    assert_int_equal(e.flags, ACPI_SRAT_ENABLED | ACPI_SRAT_MEMORY_HOT_PLUGGABLE);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.proximity_domain, 2);
    assert_int_equal(e.apic_id, 0x100);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_END);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_END);
}

/* GICC, GIC ITS and generic initiator affinity (ACPI 6.5 Tables 5.79, 5.81,
 * 5.82), which no corpus computer carries. */
static void arm_and_initiator_structures(void **state)
{
    (void)state;
    uint8_t b[160] = {'S', 'R', 'A', 'T', 0, 0, 0, 0, 3};
    b[36] = 1;
    size_t o = 48;
    const uint8_t gicc[18] = {3, 18, 5, 0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0};
    memcpy(b + o, gicc, sizeof gicc);
    o += sizeof gicc;
    const uint8_t its[12] = {4, 12, 6, 0, 0, 0, 0, 0, 0x20, 0, 0, 0};
    memcpy(b + o, its, sizeof its);
    o += sizeof its;
    /* A PCI device handle: segment 0, BDF 00:1f.0 (0x00F8). */
    const uint8_t gi[32] = {5, 32, 0, 1, 8, 0, 0, 0, 0, 0, 0xF8, 0, 0, 0, 0, 0,
                            0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
    memcpy(b + o, gi, sizeof gi);
    o += sizeof gi;
    b[4] = (uint8_t)o;
    struct acpi_srat srat;
    assert_int_equal(acpi_srat_parse(b, o, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    struct acpi_srat_iter it;
    struct acpi_srat_entry e;
    acpi_srat_iter_init(&it, &srat);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_SRAT_GICC_AFFINITY);
    assert_int_equal(e.proximity_domain, 5);
    assert_int_equal(e.acpi_processor_uid, 7);
    assert_int_equal(e.flags, ACPI_SRAT_ENABLED);
    assert_int_equal(e.clock_domain, 9);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_SRAT_GIC_ITS_AFFINITY);
    assert_int_equal(e.proximity_domain, 6);
    assert_int_equal(e.its_id, 0x20);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_SRAT_GENERIC_INITIATOR_AFFINITY);
    assert_int_equal(e.device_handle_type, 1);
    assert_int_equal(e.proximity_domain, 8);
    assert_int_equal(e.device_handle[2], 0xF8);
    assert_int_equal(e.flags, ACPI_SRAT_ENABLED);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_END);
    /* A GICC structure one byte short of its 18. */
    b[49] = 17;
    acpi_srat_iter_init(&it, &srat);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_BAD_ENTRY);
}

static void evil_srat(void **state)
{
    (void)state;
    uint8_t b[256];
    size_t len = build(b, sizeof b);
    struct acpi_srat srat;
    struct acpi_srat_iter it;
    struct acpi_srat_entry e;
    /* Truncated buffer: the Length field says more than we hold. */
    assert_int_equal(acpi_srat_parse(b, len - 1, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_TRUNCATED);
    assert_int_equal(acpi_srat_parse(b, 20, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_TRUNCATED);
    /* Strict checksum policy on a table that does not sum to zero. */
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_STRICT, &srat), ACPI_BAD_CHECKSUM);
    /* Length below the fixed part. */
    b[4] = 40;
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_BAD_LENGTH);
    /* Zero-length subtable: a stop, not an endless loop, and it stays stopped. */
    len = build(b, sizeof b);
    b[48 + 16 + 1] = 0;
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    acpi_srat_iter_init(&it, &srat);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_BAD_ENTRY);
    /* Memory affinity shorter than its 40 bytes. */
    len = build(b, sizeof b);
    b[48 + 16 + 1] = 24;
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    acpi_srat_iter_init(&it, &srat);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_BAD_ENTRY);
    /* Last subtable's length runs past the table. */
    len = build(b, sizeof b);
    b[48 + 16 + 40 + 1] = 40;
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    acpi_srat_iter_init(&it, &srat);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_BAD_ENTRY);
    /* A single stray byte after the last subtable. */
    len = build(b, sizeof b);
    b[4] = (uint8_t)(len + 1);
    assert_int_equal(acpi_srat_parse(b, len + 1, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    acpi_srat_iter_init(&it, &srat);
    for (int i = 0; i < 3; i++)
        assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_BAD_ENTRY);
    /* An unknown type is handed over and skipped by its length. */
    len = build(b, sizeof b);
    b[48] = 0x7E;
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    acpi_srat_iter_init(&it, &srat);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, 0x7E);
    assert_int_equal(e.proximity_domain, 0);
    assert_int_equal(acpi_srat_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_SRAT_MEMORY_AFFINITY);
    /* Wrong signature and NULL. */
    memcpy(b, "SLIT", 4);
    assert_int_equal(acpi_srat_parse(b, len, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_BAD_SIGNATURE);
    assert_int_equal(acpi_srat_parse(NULL, len, ACPI_CHECKSUM_ACCEPT, &srat),
                     ACPI_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_srat_matches_acpica),
        cmocka_unit_test(hand_built_srat_decodes),
        cmocka_unit_test(arm_and_initiator_structures),
        cmocka_unit_test(evil_srat),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
