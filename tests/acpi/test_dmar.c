/* DMAR: every corpus DMAR against ACPICA's decoding (remapping structures,
 * device scopes and their paths), hand-built structures, the evil suite. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/dmar.h"
#include "iasl_text.h"
#include "support.h"

#define CHECK(name, field)                                                                     \
    do {                                                                                       \
        uint64_t v_;                                                                           \
        assert_true(iasl_hex(t, from, to, name, &v_));                                         \
        assert_int_equal(v_, (field));                                                         \
    } while (0)

struct totals {
    int structures, scopes, paths;
};

static void compare_scopes(const struct iasl_text *t, const struct acpi_dmar_entry *e,
                           struct totals *tot)
{
    struct acpi_dmar_iter it;
    struct acpi_dmar_scope s;
    acpi_dmar_scope_iter_init(&it, e);
    while (acpi_dmar_scope_next(&it, &s) == ACPI_OK) {
        uint32_t from = (uint32_t)(s.path - 6 - e->bytes) + e->offset, to = from + s.length;
        CHECK("Device Scope Type", s.type);
        CHECK("Entry Length", s.length);
        CHECK("Enumeration ID", s.enumeration_id);
        CHECK("PCI Bus Number", s.start_bus_number);
        /* ACPICA prints one "PCI Path : DD,FF" line per pair. */
        for (size_t i = 0; i < s.path_count; i++) {
            const struct iasl_field *p = iasl_find(t, from, to, "PCI Path", i);
            assert_non_null(p);
            char *end;
            unsigned long dev = strtoul(p->value, &end, 16);
            assert_int_equal(*end, ',');
            unsigned long fn = strtoul(end + 1, NULL, 16);
            assert_int_equal(s.path[2 * i], dev);
            assert_int_equal(s.path[2 * i + 1], fn);
            tot->paths++;
        }
        assert_null(iasl_find(t, from, to, "PCI Path", s.path_count));
        tot->scopes++;
    }
    assert_int_equal(it.status, ACPI_END);
}

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    struct totals *tot = ctx;
    struct acpi_dmar d;
    assert_int_equal(acpi_dmar_parse(bytes, len, ACPI_CHECKSUM_STRICT, &d), ACPI_OK);
    struct iasl_text text;
    if (iasl_text_decode(bytes, len, &text) != 0)
        fail_msg("iasl could not decode %s", path);
    const struct iasl_text *t = &text;
    uint32_t from = 36, to = 48;
    CHECK("Host Address Width", d.host_address_width);
    CHECK("Flags", d.flags);
    struct acpi_dmar_iter it;
    struct acpi_dmar_entry e;
    bool decoded = true; /* iasl stops at a type it does not know */
    size_t seen = 0;
    acpi_dmar_iter_init(&it, &d);
    while (acpi_dmar_next(&it, &e) == ACPI_OK) {
        tot->structures++;
        if (!decoded)
            continue;
        seen++;
        from = e.offset;
        to = e.offset + e.length;
        CHECK("Subtable Type", e.type);
        CHECK("Length", e.length);
        switch (e.type) {
        case ACPI_DMAR_DRHD:
            CHECK("Flags", e.flags);
            CHECK("PCI Segment Number", e.segment_number);
            CHECK("Register Base Address", e.register_base_address);
            compare_scopes(t, &e, tot);
            break;
        case ACPI_DMAR_RMRR:
            CHECK("PCI Segment Number", e.segment_number);
            CHECK("Base Address", e.base_address);
            CHECK("End Address (limit)", e.limit_address);
            compare_scopes(t, &e, tot);
            break;
        case ACPI_DMAR_ATSR:
            CHECK("Flags", e.flags);
            CHECK("PCI Segment Number", e.segment_number);
            compare_scopes(t, &e, tot);
            break;
        case ACPI_DMAR_ANDD: {
            CHECK("Device Number", e.acpi_device_number);
            char name[64];
            assert_true(iasl_str(t, from, to, "Device Name", name, sizeof name));
            assert_int_equal(e.object_name_length, strlen(name));
            assert_memory_equal(e.object_name, name, e.object_name_length);
            break;
        }
        default:
            /* SATC (type 5) postdates iasl 20200925, which prints it as
             * unknown and decodes nothing after it. */
            assert_int_equal(e.type, ACPI_DMAR_SATC);
            decoded = false;
            break;
        }
    }
    assert_int_equal(it.status, ACPI_END);
    /* We walked exactly the structures ACPICA walked. */
    assert_non_null(iasl_find(t, 48, d.sdt.length, "Subtable Type", seen - 1));
    assert_null(iasl_find(t, 48, d.sdt.length, "Subtable Type", seen));
    iasl_text_free(&text);
}

static void corpus_dmar_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    struct totals tot = {0};
    assert_true(corpus_each_table("dmar", compare_one, &tot) >= 17);
    assert_true(tot.structures >= 72); /* what iasl lists in the 17 corpus DMARs */
    assert_true(tot.scopes > 0);
    assert_true(tot.paths >= tot.scopes);
}

/* DMAR with one DRHD (INCLUDE_PCI_ALL, an I/O APIC scope with a two-hop path),
 * one RHSA and one ANDD, laid out after VT-d 8.1-8.7. */
static size_t build(uint8_t *b)
{
    memset(b, 0, 256);
    memcpy(b, "DMAR", 4);
    b[8] = 1;
    b[36] = 38; /* 39-bit DMA addresses */
    b[37] = ACPI_DMAR_FLAG_INTR_REMAP;
    size_t o = 48;
    const uint8_t drhd[26] = {0, 0, 26, 0, 1, 0, 0, 0, 0, 0x10, 0xD9, 0xFE, 0, 0, 0, 0,
                              /* scope */ 3, 10, 0, 0, 2, 0xF0, 0x1F, 0x00, 0x02, 0x03};
    memcpy(b + o, drhd, sizeof drhd);
    o += sizeof drhd;
    const uint8_t rhsa[20] = {3, 0, 20, 0, 0, 0, 0, 0, 0, 0x10, 0xD9, 0xFE, 0, 0, 0, 0, 1};
    memcpy(b + o, rhsa, sizeof rhsa);
    o += sizeof rhsa;
    const uint8_t andd[16] = {4, 0, 16, 0, 0, 0, 0, 7, '\\', '_', 'S', 'B', '.', 'U', 'A', 0};
    memcpy(b + o, andd, sizeof andd);
    o += sizeof andd;
    b[4] = (uint8_t)o;
    return o;
}

static void hand_built_dmar(void **state)
{
    (void)state;
    uint8_t b[256];
    size_t len = build(b);
    struct acpi_dmar d;
    assert_int_equal(acpi_dmar_parse(b, len, ACPI_CHECKSUM_ACCEPT, &d), ACPI_OK);
    assert_int_equal(d.host_address_width, 38);
    struct acpi_dmar_iter it, sit;
    struct acpi_dmar_entry e;
    struct acpi_dmar_scope s;
    acpi_dmar_iter_init(&it, &d);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_DMAR_DRHD);
    assert_int_equal(e.flags, ACPI_DMAR_DRHD_INCLUDE_PCI_ALL);
    assert_int_equal(e.register_base_address, 0xFED91000);
    acpi_dmar_scope_iter_init(&sit, &e);
    assert_int_equal(acpi_dmar_scope_next(&sit, &s), ACPI_OK);
    assert_int_equal(s.type, ACPI_DMAR_SCOPE_IOAPIC);
    assert_int_equal(s.enumeration_id, 2);
    assert_int_equal(s.start_bus_number, 0xF0);
    assert_int_equal(s.path_count, 2);
    assert_int_equal(s.path[0], 0x1F);
    assert_int_equal(s.path[3], 0x03);
    assert_int_equal(acpi_dmar_scope_next(&sit, &s), ACPI_END);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_DMAR_RHSA);
    assert_int_equal(e.proximity_domain, 1);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(e.type, ACPI_DMAR_ANDD);
    assert_int_equal(e.acpi_device_number, 7);
    assert_int_equal(e.object_name_length, 7);
    assert_memory_equal(e.object_name, "\\_SB.UA", 7);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_END);
}

static void evil_dmar(void **state)
{
    (void)state;
    uint8_t b[256];
    size_t len = build(b);
    struct acpi_dmar d;
    struct acpi_dmar_iter it, sit;
    struct acpi_dmar_entry e;
    struct acpi_dmar_scope s;
    /* Zero-length structure. */
    b[48 + 2] = 0;
    assert_int_equal(acpi_dmar_parse(b, len, ACPI_CHECKSUM_ACCEPT, &d), ACPI_OK);
    acpi_dmar_iter_init(&it, &d);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_BAD_ENTRY);
    /* DRHD shorter than its 16-byte fixed part. */
    len = build(b);
    b[48 + 2] = 12;
    acpi_dmar_iter_init(&it, &d);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_BAD_ENTRY);
    /* Structure past the table. */
    len = build(b);
    b[48 + 26 + 20 + 2] = 200;
    acpi_dmar_iter_init(&it, &d);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_BAD_ENTRY);
    /* Device scope: zero length, odd path length, past its structure. */
    static const uint8_t bad_lengths[] = {0, 5, 9, 12};
    for (size_t i = 0; i < sizeof bad_lengths; i++) {
        len = build(b);
        b[48 + 16 + 1] = bad_lengths[i];
        acpi_dmar_iter_init(&it, &d);
        assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
        acpi_dmar_scope_iter_init(&sit, &e);
        assert_int_equal(acpi_dmar_scope_next(&sit, &s), ACPI_BAD_ENTRY);
        assert_int_equal(acpi_dmar_scope_next(&sit, &s), ACPI_BAD_ENTRY);
    }
    /* ANDD whose name has no NUL: the name stops at the structure's end. */
    len = build(b);
    b[len - 1] = 'X';
    acpi_dmar_iter_init(&it, &d);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(acpi_dmar_next(&it, &e), ACPI_OK);
    assert_int_equal(e.object_name_length, 8);
    /* Header: truncated and too short. */
    assert_int_equal(acpi_dmar_parse(b, len - 1, ACPI_CHECKSUM_ACCEPT, &d), ACPI_TRUNCATED);
    b[4] = 47;
    assert_int_equal(acpi_dmar_parse(b, len, ACPI_CHECKSUM_ACCEPT, &d), ACPI_BAD_LENGTH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_dmar_matches_acpica),
        cmocka_unit_test(hand_built_dmar),
        cmocka_unit_test(evil_dmar),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
