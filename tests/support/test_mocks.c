/* Tests of the test doubles themselves: if a mock lies, every library test lies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mock_mem.h"
#include "mock_port.h"
#include "support.h"

/* Addresses stated in ../shared/fixtures/README.md ("What a test can expect"). */
static void rsdp_signature_in_snapshot(const char *config, uint64_t rsdp)
{
    struct mock_mem m;
    mock_mem_init(&m);
    assert_true(mock_mem_load_ranges(&m, support_path(config)) >= 2);
    const char *p = mock_mem_map(&m, rsdp, 8);
    assert_non_null(p);
    assert_memory_equal(p, "RSD PTR ", 8);
    mock_mem_unmap(&m, p, 8);
    assert_true(mock_mem_clean(&m));
    mock_mem_free(&m);
}

static void test_snapshot_i440fx(void **state)
{
    (void)state;
    rsdp_signature_in_snapshot("fixtures/qemu/i440fx-seabios", 0x000F59D0);
}

static void test_snapshot_q35(void **state)
{
    (void)state;
    rsdp_signature_in_snapshot("fixtures/qemu/q35-seabios", 0x000F59E0);
}

static void test_snapshot_ranges_match_file(void **state)
{
    (void)state;
    struct mock_mem m;
    mock_mem_init(&m);
    /* q35-seabios/ranges.txt: 0x0 0x100000 low-1m.bin, 0x07fe0000 0x3000 acpi-07fe0000.bin */
    assert_int_equal(mock_mem_load_ranges(&m, support_path("fixtures/qemu/q35-seabios")), 2);
    assert_non_null(mock_mem_at(&m, 0x07fe0000, 0x3000));
    assert_null(mock_mem_at(&m, 0x07fe0000, 0x3001));
    assert_null(mock_mem_at(&m, 0x00100000, 1));
    mock_mem_free(&m);
}

static void test_map_checks(void **state)
{
    (void)state;
    struct mock_mem m;
    mock_mem_init(&m);
    uint8_t *a = mock_mem_add(&m, 0x1000, 0x1000);
    uint8_t *b = mock_mem_add(&m, 0x2000, 0x1000);
    assert_non_null(a);
    assert_non_null(b);
    assert_null(mock_mem_add(&m, 0x1800, 0x1000)); /* overlap */
    assert_null(mock_mem_add(&m, UINT64_MAX - 4, 16)); /* wraps */
    a[0xFFF] = 0x5A;

    const uint8_t *p = mock_mem_map(&m, 0x1FFF, 1);
    assert_non_null(p);
    assert_int_equal(*p, 0x5A);
    assert_false(mock_mem_clean(&m)); /* still mapped */
    mock_mem_unmap(&m, p, 1);
    assert_true(mock_mem_clean(&m));

    /* Straddling two ranges or leaving them fails and is counted. */
    assert_null(mock_mem_map(&m, 0x1FFF, 2));
    assert_null(mock_mem_map(&m, 0x3000, 1));
    assert_null(mock_mem_map(&m, UINT64_MAX, 2));
    assert_int_equal(m.bad_maps, 3);
    assert_int_equal(m.last_bad_phys, UINT64_MAX);
    assert_false(mock_mem_clean(&m));
    mock_mem_reset_counters(&m);

    /* An unmap with the wrong length, or of something never mapped, is counted. */
    p = mock_mem_map(&m, 0x2000, 16);
    mock_mem_unmap(&m, p, 8);
    assert_int_equal(m.bad_unmaps, 1);
    mock_mem_unmap(&m, p, 16);
    assert_int_equal(m.live_count, 0);
    assert_int_equal(m.largest_map, 16);
    assert_false(mock_mem_clean(&m));
    mock_mem_free(&m);
}

struct latch {
    uint8_t value;
    unsigned writes;
};

static uint32_t latch_read(void *dev, uint16_t port, unsigned width)
{
    (void)port;
    (void)width;
    return ((struct latch *)dev)->value;
}

static void latch_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    (void)port;
    (void)width;
    struct latch *l = dev;
    l->value = (uint8_t)value;
    l->writes++;
}

static void test_ports(void **state)
{
    (void)state;
    struct mock_port p;
    struct latch l = { 0, 0 };
    mock_port_init(&p);
    assert_int_equal(mock_port_add(&p, 0x3F8, 8, latch_read, latch_write, &l), 0);
    assert_int_equal(mock_port_add(&p, 0x3FF, 1, NULL, NULL, NULL), -1); /* overlap */
    assert_int_equal(mock_port_add(&p, 0xFFFF, 2, NULL, NULL, NULL), -1); /* past 64 KiB */

    mock_port_out8(&p, 0x3FB, 0x83);
    assert_int_equal(mock_port_in8(&p, 0x3FB), 0x83);
    assert_int_equal(l.writes, 1);
    /* Unclaimed ports float high, at the access width. */
    assert_int_equal(mock_port_in8(&p, 0x80), 0xFF);
    assert_int_equal(mock_port_in16(&p, 0x80), 0xFFFF);
    assert_int_equal(mock_port_in32(&p, 0xCFC), 0xFFFFFFFFu);
    mock_port_out32(&p, 0xCF8, 0x80000000u);
    assert_int_equal(p.unclaimed, 4);

    assert_int_equal(p.log_count, 6);
    assert_true(p.log[0].is_write);
    assert_int_equal(p.log[0].port, 0x3FB);
    assert_int_equal(p.log[0].width, 1);
    assert_int_equal(p.log[0].value, 0x83);
    assert_false(p.log[1].is_write);
    assert_int_equal(p.log[1].value, 0x83);
    assert_int_equal(p.log[5].width, 4);
    mock_port_clear_log(&p);
    assert_int_equal(p.log_count, 0);
}

static void test_read_file(void **state)
{
    (void)state;
    uint8_t *data = NULL;
    size_t len = 0;
    /* tables/RSDP.dat of q35-seabios is a revision 0 RSDP: 20 bytes (fixtures README). */
    assert_int_equal(support_read_file(support_path("fixtures/qemu/q35-seabios/tables/RSDP.dat"),
                                       &data, &len), 0);
    assert_int_equal(len, 20);
    assert_memory_equal(data, "RSD PTR ", 8);
    free(data);
    assert_int_equal(support_read_file(support_path("no/such/file"), &data, &len), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snapshot_i440fx),
        cmocka_unit_test(test_snapshot_q35),
        cmocka_unit_test(test_snapshot_ranges_match_file),
        cmocka_unit_test(test_map_checks),
        cmocka_unit_test(test_ports),
        cmocka_unit_test(test_read_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
