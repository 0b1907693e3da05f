/* IVRS: every corpus IVRS against ACPICA's decoding (IVHD blocks and their
 * device entries), hand-built IVHD 40h/IVMD/ACPI_HID entries, evil suite. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "acpi/ivrs.h"
#include "iasl_text.h"
#include "support.h"

#define CHECK(name, field)                                                                     \
    do {                                                                                       \
        uint64_t v_;                                                                           \
        assert_true(iasl_hex(t, from, to, name, &v_));                                         \
        assert_int_equal(v_, (field));                                                         \
    } while (0)

struct totals {
    int blocks, devices;
};

static void compare_devices(const struct iasl_text *t, const struct acpi_ivrs_block *b,
                            struct totals *tot)
{
    struct acpi_ivrs_iter it;
    struct acpi_ivrs_device d;
    acpi_ivrs_device_iter_init(&it, b);
    uint32_t at = b->offset + (uint32_t)(b->entries - b->bytes);
    while (acpi_ivrs_device_next(&it, &d) == ACPI_OK) {
        uint32_t from = at, to = at + d.length;
        CHECK("Entry Type", d.type);
        CHECK("Device ID", d.device_id);
        CHECK("Data Setting", d.data_setting);
        if (d.type == ACPI_IVRS_DEV_SPECIAL) {
            CHECK("Handle", d.handle);
            CHECK("Source Used Device ID", d.source_device_id);
            CHECK("Variety", d.variety);
        } else if (d.type == ACPI_IVRS_DEV_ALIAS_SELECT || d.type == ACPI_IVRS_DEV_ALIAS_RANGE_START) {
            CHECK("Source Used Device ID", d.source_device_id);
        }
        at += d.length;
        tot->devices++;
    }
    assert_int_equal(it.status, ACPI_END);
}

static void compare_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    struct totals *tot = ctx;
    struct acpi_ivrs ivrs;
    assert_int_equal(acpi_ivrs_parse(bytes, len, ACPI_CHECKSUM_STRICT, &ivrs), ACPI_OK);
    struct iasl_text text;
    if (iasl_text_decode(bytes, len, &text) != 0)
        fail_msg("iasl could not decode %s", path);
    const struct iasl_text *t = &text;
    uint32_t from = 36, to = 40;
    CHECK("Virtualization Info", ivrs.iv_info);
    struct acpi_ivrs_iter it;
    struct acpi_ivrs_block b;
    bool decoded = true;
    size_t seen = 0;
    acpi_ivrs_iter_init(&it, &ivrs);
    while (acpi_ivrs_next(&it, &b) == ACPI_OK) {
        tot->blocks++;
        if (!decoded)
            continue;
        seen++;
        from = b.offset;
        to = b.offset + b.length;
        CHECK("Subtable Type", b.type);
        CHECK("Flags", b.flags);
        CHECK("Length", b.length);
        CHECK("DeviceId", b.device_id);
        if (b.type == ACPI_IVRS_IVHD_10H || b.type == ACPI_IVRS_IVHD_11H) {
            CHECK("Capability Offset", b.capability_offset);
            CHECK("Base Address", b.iommu_base_address);
            CHECK("PCI Segment Group", b.pci_segment_group);
            CHECK("Virtualization Info", b.iommu_info);
            CHECK(b.type == ACPI_IVRS_IVHD_10H ? "Feature Reporting" : "Attributes",
                  b.iommu_attributes);
            if (b.type == ACPI_IVRS_IVHD_11H)
                CHECK("EFR Image", b.efr_register_image);
            compare_devices(t, &b, tot);
        } else {
            /* Type 40h postdates iasl 20200925, which stops decoding there. */
            assert_int_equal(b.type, ACPI_IVRS_IVHD_40H);
            decoded = false;
        }
    }
    assert_int_equal(it.status, ACPI_END);
    assert_null(iasl_find(t, 48, ivrs.sdt.length, "Subtable Type", seen));
    iasl_text_free(&text);
}

static void corpus_ivrs_matches_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    struct totals tot = {0};
    assert_true(corpus_each_table("ivrs", compare_one, &tot) >= 11);
    /* iasl lists 28 blocks and 174 device entries across the 11 tables. */
    assert_true(tot.blocks >= 28);
    assert_true(tot.devices >= 174);
}

/* IVRS with an IVHD 40h (40-byte header; entries: select, ACPI_HID with a
 * 2-byte UID, special I/O APIC) and an IVMD 22h, per AMD 48882 5.2. */
static size_t build(uint8_t *b)
{
    memset(b, 0, 256);
    memcpy(b, "IVRS", 4);
    b[8] = 2;
    b[36] = 0x41, b[37] = 0x30, b[38] = 0x20; /* VA 64, PA 48, GVA 2, EFR supported */
    size_t o = 48;
    uint8_t ivhd[40 + 4 + 24 + 8] = {0x40, 0xB0, sizeof ivhd, 0, 0x02, 0, 0x40, 0,
                                     0, 0, 0x40, 0xFD, 0, 0, 0, 0};
    uint8_t *e = ivhd + 40;
    e[0] = 0x02, e[1] = 0x10, e[2] = 0x00; /* select 00:02.0 */
    e += 4;
    e[0] = 0xF0, e[1] = 0xA0, e[2] = 0x00, e[3] = 0xD7;
    memcpy(e + 4, "AMDI0020", 8);
    memcpy(e + 12, "        ", 8);
    e[20] = 2, e[21] = 2, e[22] = 'I', e[23] = '0';
    e += 24;
    e[0] = 0x48, e[4] = 0x21, e[5] = 0xA0, e[7] = 0x01; /* I/O APIC 0x21 at 00:14.0 */
    memcpy(b + o, ivhd, sizeof ivhd);
    o += sizeof ivhd;
    uint8_t ivmd[32] = {0x22, 0x08, 32, 0, 0x00, 0x01, 0xFF, 0x01};
    ivmd[16 + 2] = 0xE0;   /* start 0x00E00000 */
    ivmd[24 + 2] = 0x10;   /* length 0x00100000 */
    memcpy(b + o, ivmd, sizeof ivmd);
    o += sizeof ivmd;
    b[4] = (uint8_t)o;
    return o;
}

static void hand_built_ivrs(void **state)
{
    (void)state;
    uint8_t b[256];
    size_t len = build(b);
    struct acpi_ivrs ivrs;
    assert_int_equal(acpi_ivrs_parse(b, len, ACPI_CHECKSUM_ACCEPT, &ivrs), ACPI_OK);
    assert_true(ivrs.efr_supported);
    assert_int_equal(ivrs.gva_size, 2);
    assert_int_equal(ivrs.pa_size, 48);
    assert_int_equal(ivrs.va_size, 64);
    struct acpi_ivrs_iter it, dit;
    struct acpi_ivrs_block blk;
    struct acpi_ivrs_device d;
    acpi_ivrs_iter_init(&it, &ivrs);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_OK);
    assert_int_equal(blk.type, ACPI_IVRS_IVHD_40H);
    assert_int_equal(blk.iommu_base_address, 0xFD400000);
    assert_int_equal(blk.entries_length, 36);
    acpi_ivrs_device_iter_init(&dit, &blk);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_OK);
    assert_int_equal(d.type, ACPI_IVRS_DEV_SELECT);
    assert_int_equal(d.device_id, 0x0010);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_OK);
    assert_int_equal(d.type, ACPI_IVRS_DEV_ACPI_HID);
    assert_int_equal(d.length, 24);
    assert_memory_equal(d.hardware_id, "AMDI0020", 8);
    assert_int_equal(d.uid_length, 2);
    assert_memory_equal(d.uid, "I0", 2);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_OK);
    assert_int_equal(d.type, ACPI_IVRS_DEV_SPECIAL);
    assert_int_equal(d.handle, 0x21);
    assert_int_equal(d.source_device_id, 0x00A0);
    assert_int_equal(d.variety, ACPI_IVRS_SPECIAL_IOAPIC);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_END);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_OK);
    assert_int_equal(blk.type, ACPI_IVRS_IVMD_RANGE);
    assert_int_equal(blk.device_id, 0x0100);
    assert_int_equal(blk.auxiliary_data, 0x01FF);
    assert_int_equal(blk.ivmd_start_address, 0xE00000);
    assert_int_equal(blk.ivmd_memory_block_length, 0x100000);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_END);
}

static void evil_ivrs(void **state)
{
    (void)state;
    uint8_t b[256];
    size_t len = build(b);
    struct acpi_ivrs ivrs;
    struct acpi_ivrs_iter it, dit;
    struct acpi_ivrs_block blk;
    struct acpi_ivrs_device d;
    assert_int_equal(acpi_ivrs_parse(b, len, ACPI_CHECKSUM_ACCEPT, &ivrs), ACPI_OK);
    /* IVHD 40h shorter than its 40-byte header; zero length; past the table. */
    static const uint8_t bad[] = {24, 0, 255};
    for (size_t i = 0; i < sizeof bad; i++) {
        build(b);
        b[48 + 2] = bad[i];
        acpi_ivrs_iter_init(&it, &ivrs);
        assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_BAD_ENTRY);
        assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_BAD_ENTRY);
    }
    /* ACPI_HID entry whose UID runs past the block. */
    build(b);
    b[48 + 40 + 4 + 21] = 200;
    acpi_ivrs_iter_init(&it, &ivrs);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_OK);
    acpi_ivrs_device_iter_init(&dit, &blk);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_OK);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_BAD_ENTRY);
    /* A device entry type with no defined length stops the walk. */
    build(b);
    b[48 + 40] = 0x85;
    acpi_ivrs_iter_init(&it, &ivrs);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_OK);
    acpi_ivrs_device_iter_init(&dit, &blk);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_UNSUPPORTED);
    /* An 8-byte entry cut by the end of the block. */
    build(b);
    b[48 + 2] = 40 + 4 + 24 + 4;
    acpi_ivrs_iter_init(&it, &ivrs);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_OK);
    acpi_ivrs_device_iter_init(&dit, &blk);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_OK);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_OK);
    assert_int_equal(acpi_ivrs_device_next(&dit, &d), ACPI_BAD_ENTRY);
    /* IVMD shorter than 32 bytes. */
    len = build(b);
    b[48 + 76 + 2] = 16;
    acpi_ivrs_iter_init(&it, &ivrs);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_OK);
    assert_int_equal(acpi_ivrs_next(&it, &blk), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_ivrs_parse(b, len - 1, ACPI_CHECKSUM_ACCEPT, &ivrs), ACPI_TRUNCATED);
    b[4] = 47;
    assert_int_equal(acpi_ivrs_parse(b, len, ACPI_CHECKSUM_ACCEPT, &ivrs), ACPI_BAD_LENGTH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_ivrs_matches_acpica),
        cmocka_unit_test(hand_built_ivrs),
        cmocka_unit_test(evil_ivrs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
