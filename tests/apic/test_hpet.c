/* apic/hpet.h against the HPET model (IA-PC HPET Specification 1.0a: 2.3.4
 * capabilities, 2.3.5 configuration, 2.3.6 interrupt status, 2.3.7 main counter,
 * 2.3.8 timer configuration and capabilities, 2.3.9 comparator, 2.3.10 FSB route,
 * 2.3.9.2.2 periodic set-up), plus the capability words ("Event Timer Block ID")
 * of the HPET tables of the real computers in ../shared/corpus/acpi. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "apic_test.h"
#include "hpet_model.h"
#include "support.h"

#define HPET_BASE ((uintptr_t)0xFED00000u)
#define PERIOD_14MHZ 69841279ull   /* 14.31818 MHz crystal */
#define PERIOD_10NS 10000000ull    /* 100 MHz */
/* rev 1, 3 timers (NUM_TIM_CAP 2), 64-bit, legacy capable, vendor 8086 */
#define CAPS_LOW 0x8086A201ull

struct hpet_fixture {
    struct hpet_model model;
    struct apic_host host;
    struct apic_hpet hpet;
};

static void hpet_fixture_init(struct hpet_fixture *f, uint64_t caps, uint32_t timer_caps,
                              uint32_t route_cap, bool read64)
{
    hpet_model_init(&f->model, HPET_BASE, caps, timer_caps, route_cap);
    hpet_model_host(&f->model, &f->host, read64);
    assert_int_equal(apic_hpet_init(&f->hpet, &f->host, HPET_BASE), APIC_OK);
}

static void test_capabilities(void **state)
{
    (void)state;
    struct hpet_fixture f;
    hpet_fixture_init(&f, CAPS_LOW | (PERIOD_14MHZ << 32), 0x30, 0x00F00004u, false);
    assert_int_equal(f.hpet.revision, 1);
    assert_int_equal(f.hpet.num_timers, 3);
    assert_true(f.hpet.counter_64bit);
    assert_true(f.hpet.legacy_capable);
    assert_int_equal(f.hpet.vendor_id, 0x8086);
    assert_int_equal(f.hpet.period_fs, 69841279u);
    assert_int_equal(f.hpet.frequency_hz, 14318180u);   /* 14318179.94 rounded */

    struct apic_hpet h;
    struct hpet_model m;
    struct apic_host host;
    const uint64_t bad[] = {
        0xFFFFFFFFFFFFFFFFull,                    /* nothing there */
        CAPS_LOW,                                 /* period 0 */
        CAPS_LOW | (100000001ull << 32),          /* above 100 ns (2.3.4) */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hpet_model_init(&m, HPET_BASE, bad[i], 0, 0);
        hpet_model_host(&m, &host, false);
        assert_int_equal(apic_hpet_init(&h, &host, HPET_BASE), APIC_BAD_HARDWARE);
    }
    hpet_model_init(&m, HPET_BASE, CAPS_LOW | (100000000ull << 32), 0, 0);
    hpet_model_host(&m, &host, false);
    assert_int_equal(apic_hpet_init(&h, &host, HPET_BASE), APIC_OK);   /* exactly 100 ns */
    /* REV_ID 0, as two real tables copy it (0x00008300): accepted. */
    hpet_model_init(&m, HPET_BASE, 0x8300ull | (PERIOD_14MHZ << 32), 0, 0);
    hpet_model_host(&m, &host, false);
    assert_int_equal(apic_hpet_init(&h, &host, HPET_BASE), APIC_OK);
    assert_int_equal(apic_hpet_init(&h, &host, 0), APIC_INVALID_ARGUMENT);
}

/* The HPET table's Event Timer Block ID (offset 36; the HPET spec's description
 * table) is a copy of the capability register's low 32 bits. Decode each real
 * one by the bit layout of 2.3.4 here and through apic_hpet_init. */
static void test_real_block_ids(void **state)
{
    (void)state;
    const char *root = support_path("corpus/acpi");
    DIR *d = opendir(root);
    if (d == NULL) {
        skip();
    }
    size_t checked = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/hpet.dat", root, e->d_name);
        uint8_t *data;
        size_t len;
        if (support_read_file(path, &data, &len) != 0) {
            continue;
        }
        assert_true(len >= 56);
        uint32_t id = (uint32_t)data[36] | ((uint32_t)data[37] << 8) | ((uint32_t)data[38] << 16) |
                      ((uint32_t)data[39] << 24);
        free(data);
        struct hpet_fixture f;
        hpet_model_init(&f.model, HPET_BASE, id | (PERIOD_14MHZ << 32), 0, 0);
        hpet_model_host(&f.model, &f.host, false);
        assert_int_equal(apic_hpet_init(&f.hpet, &f.host, HPET_BASE), APIC_OK);
        assert_int_equal(f.hpet.revision, id & 0xFFu);
        assert_int_equal(f.hpet.num_timers, ((id >> 8) & 0x1Fu) + 1u);
        assert_int_equal(f.hpet.counter_64bit, (id >> 13) & 1u);
        assert_int_equal(f.hpet.legacy_capable, (id >> 15) & 1u);
        assert_int_equal(f.hpet.vendor_id, id >> 16);
        assert_true(f.hpet.num_timers >= 3);   /* the spec's minimum */
        checked++;
    }
    closedir(d);
    print_message("      %zu real HPET block IDs decoded\n", checked);
    assert_true(checked > 0);
}

static void test_counter_reads(void **state)
{
    (void)state;
    /* 32-bit counter (COUNT_SIZE_CAP 0): one 32-bit read. */
    struct hpet_fixture f;
    hpet_fixture_init(&f, 0x80868001ull | (PERIOD_10NS << 32), 0, 1, false);  /* bit 13 clear */
    assert_false(f.hpet.counter_64bit);
    hpet_model_set_counter(&f.model, 0xFFFFFFF0u);
    assert_int_equal(apic_hpet_counter(&f.hpet), 0xFFFFFFF0u);   /* halted */

    /* 64-bit counter with a single 64-bit read (x86_64 backends). */
    struct hpet_fixture g;
    hpet_fixture_init(&g, CAPS_LOW | (PERIOD_10NS << 32), 0x30, 1, true);
    hpet_model_set_counter(&g.model, 0x123456789ull);
    assert_int_equal(apic_hpet_counter(&g.hpet), 0x123456789ull);
    assert_int_equal(g.model.reads64, 1);

    /* 64-bit counter read in halves (i686): running at 100 MHz, every read takes
     * 100 ns = 10 ticks, and the low half wraps between the first high read and
     * the low read. High-low-high sees two highs, reads again, and returns a
     * value from after the carry, never the torn 0x1_0000000x. */
    struct hpet_fixture h;
    hpet_fixture_init(&h, CAPS_LOW | (PERIOD_10NS << 32), 0x30, 1, false);
    hpet_model_set_counter(&h.model, 0x1FFFFFFF0ull);
    apic_hpet_enable(&h.hpet, true);
    uint64_t v = apic_hpet_counter(&h.hpet);
    uint64_t after = hpet_model_counter(&h.model);
    assert_true(v >= 0x200000000ull);
    assert_true(v <= after);
    /* Far from a carry the first pair agrees: three reads. */
    size_t before = h.model.log_count;
    hpet_model_set_counter(&h.model, 0x500000000ull);
    v = apic_hpet_counter(&h.hpet);
    assert_true(v >= 0x500000000ull && v < 0x500001000ull);
    assert_int_equal(h.model.log_count, before);   /* reads are not logged writes */
}

static void test_enable_and_legacy(void **state)
{
    (void)state;
    struct hpet_fixture f;
    hpet_fixture_init(&f, CAPS_LOW | (PERIOD_10NS << 32), 0x30, 1, false);
    apic_hpet_enable(&f.hpet, true);
    assert_int_equal(f.model.config, 1);     /* ENABLE_CNF bit 0 */
    assert_int_equal(apic_hpet_legacy_replacement(&f.hpet, true), APIC_OK);
    assert_int_equal(f.model.config, 3);     /* LEG_RT_CNF bit 1 */
    assert_int_equal(apic_hpet_legacy_replacement(&f.hpet, false), APIC_OK);
    apic_hpet_enable(&f.hpet, false);
    assert_int_equal(f.model.config, 0);
    apic_hpet_set_counter(&f.hpet, 0x0000000A00000005ull);
    assert_int_equal(hpet_model_counter(&f.model), 0x0000000A00000005ull);

    struct hpet_fixture g;
    hpet_fixture_init(&g, (CAPS_LOW & ~(1ull << 15)) | (PERIOD_10NS << 32), 0x30, 1, false);
    assert_int_equal(apic_hpet_legacy_replacement(&g.hpet, true), APIC_NOT_SUPPORTED);
    assert_int_equal(g.model.config, 0);
}

static void test_timer_caps(void **state)
{
    (void)state;
    struct hpet_fixture f;
    hpet_fixture_init(&f, CAPS_LOW | (PERIOD_10NS << 32), (1u << 4) | (1u << 5) | (1u << 15),
                      0x00F00004u, false);
    struct apic_hpet_timer_caps c;
    assert_int_equal(apic_hpet_timer_caps(&f.hpet, 2, &c), APIC_OK);
    assert_true(c.periodic);
    assert_true(c.comparator_64bit);
    assert_true(c.fsb);
    assert_int_equal(c.route_cap, 0x00F00004u);   /* inputs 2 and 20-23 */
    assert_int_equal(apic_hpet_timer_caps(&f.hpet, 3, &c), APIC_OUT_OF_RANGE);
    assert_int_equal(apic_hpet_timer_stop(&f.hpet, 3), APIC_OUT_OF_RANGE);
}

static void test_one_shot(void **state)
{
    (void)state;
    struct hpet_fixture f;
    hpet_fixture_init(&f, CAPS_LOW | (PERIOD_10NS << 32), (1u << 4) | (1u << 5), 0x00F00004u, false);
    struct apic_hpet_irq irq = {.route = 20, .trigger = APIC_TRIGGER_LEVEL};
    assert_int_equal(apic_hpet_one_shot(&f.hpet, 1, &irq, 0x0000000100000010ull, false), APIC_OK);
    /* 2.3.8: Tn_INT_TYPE_CNF (1) level, Tn_INT_ENB_CNF (2), route 20 in bits 13:9;
     * one-shot (TYPE_CNF 0), 64-bit (32MODE 0). Written disabled, comparator, then enabled. */
    const uint32_t config = (1u << 1) | (1u << 2) | (20u << 9);
    assert_int_equal(f.model.log_count, 4);
    assert_int_equal(f.model.log[0].offset, 0x120);
    assert_int_equal(f.model.log[0].value, config & ~(1u << 2));
    assert_int_equal(f.model.log[1].offset, 0x128);
    assert_int_equal(f.model.log[1].value, 0x10);
    assert_int_equal(f.model.log[2].offset, 0x12C);
    assert_int_equal(f.model.log[2].value, 1);
    assert_int_equal(f.model.log[3].offset, 0x120);
    assert_int_equal(f.model.log[3].value, config);
    assert_int_equal(f.model.timers[1].comparator, 0x0000000100000010ull);
    assert_int_equal(f.model.bad_route, 0);

    /* 32-bit mode on the 64-bit comparator: Tn_32MODE_CNF (8), low half only. */
    f.model.log_count = 0;
    irq.trigger = APIC_TRIGGER_EDGE;
    irq.route = 2;
    assert_int_equal(apic_hpet_one_shot(&f.hpet, 0, &irq, 0x1234, true), APIC_OK);
    assert_int_equal(f.model.log_count, 3);
    assert_int_equal(f.model.log[2].value, (1u << 2) | (1u << 8) | (2u << 9));
    assert_int_equal(apic_hpet_one_shot(&f.hpet, 0, &irq, 0x100000000ull, true), APIC_INVALID_ARGUMENT);
    /* Routes outside Tn_INT_ROUTE_CAP, FSB without Tn_FSB_INT_DEL_CAP. */
    irq.route = 3;
    assert_int_equal(apic_hpet_one_shot(&f.hpet, 0, &irq, 1, false), APIC_NOT_SUPPORTED);
    irq.route = 32;
    assert_int_equal(apic_hpet_one_shot(&f.hpet, 0, &irq, 1, false), APIC_NOT_SUPPORTED);
    irq.fsb = true;
    assert_int_equal(apic_hpet_one_shot(&f.hpet, 0, &irq, 1, false), APIC_NOT_SUPPORTED);
    assert_int_equal(apic_hpet_timer_stop(&f.hpet, 0), APIC_OK);
    assert_int_equal(f.model.timers[0].config & (1u << 2), 0);
}

static void test_periodic(void **state)
{
    (void)state;
    struct hpet_fixture f;
    hpet_fixture_init(&f, CAPS_LOW | (PERIOD_10NS << 32), (1u << 4) | (1u << 5), 0x4, false);
    hpet_model_set_counter(&f.model, 0x1FFFF0000ull);
    apic_hpet_enable(&f.hpet, true);
    f.model.log_count = 0;
    struct apic_hpet_irq irq = {.route = 2};
    assert_int_equal(apic_hpet_periodic(&f.hpet, 0, &irq, 100000, false), APIC_OK);
    /* 2.3.9.2.2 and Intel's chipset datasheets: counter halted (ENABLE_CNF 0);
     * TYPE_CNF (3) with VAL_SET_CNF (6) before each 32-bit half of the first
     * match (counter + period); then the period without VAL_SET; restart. */
    uint64_t halted_at = f.model.counter_at_start;
    uint64_t first = halted_at + 100000;
    const uint32_t cfg = (1u << 2) | (1u << 3) | (1u << 6) | (2u << 9);
    const struct hpet_model_write expect[] = {
        {0x010, 0}, {0x100, cfg}, {0x108, (uint32_t)first}, {0x100, cfg},
        {0x10C, (uint32_t)(first >> 32)}, {0x108, 100000}, {0x10C, 0}, {0x010, 1},
    };
    assert_int_equal(f.model.log_count, sizeof expect / sizeof expect[0]);
    for (size_t i = 0; i < f.model.log_count; i++) {
        assert_int_equal(f.model.log[i].offset, expect[i].offset);
        assert_int_equal(f.model.log[i].value, expect[i].value);
    }
    assert_true(halted_at >= 0x1FFFF0000ull);
    assert_int_equal(first >> 32, 2);               /* the high half matters here */
    assert_int_equal(f.model.timers[0].comparator, first);
    assert_int_equal(f.model.timers[0].period, 100000);
    assert_false(f.model.timers[0].val_set_pending);
    assert_int_equal(f.model.config & 1u, 1u);

    /* A timer without Tn_PER_INT_CAP refuses; a zero period is refused. */
    struct hpet_fixture g;
    hpet_fixture_init(&g, CAPS_LOW | (PERIOD_10NS << 32), 0, 0x4, false);
    assert_int_equal(apic_hpet_periodic(&g.hpet, 1, &irq, 100, false), APIC_NOT_SUPPORTED);
    assert_int_equal(apic_hpet_periodic(&f.hpet, 0, &irq, 0, false), APIC_INVALID_ARGUMENT);
    /* 32-bit timer: the value set and the period are 32-bit writes. */
    f.model.log_count = 0;
    assert_int_equal(apic_hpet_periodic(&f.hpet, 0, &irq, 1000, true), APIC_OK);
    assert_int_equal(f.model.timers[0].period, 1000);
    for (size_t i = 0; i < f.model.log_count; i++) {
        assert_int_not_equal(f.model.log[i].offset, 0x10C);   /* no high-half write */
    }
}

static void test_fsb_and_status(void **state)
{
    (void)state;
    struct hpet_fixture f;
    hpet_fixture_init(&f, CAPS_LOW | (PERIOD_10NS << 32), (1u << 5) | (1u << 15), 0, false);
    /* An MSI to LAPIC 0 (address 0xFEE00000), vector 0x45, edge. */
    struct apic_hpet_irq irq = {.fsb = true, .fsb_address = 0xFEE00000u, .fsb_value = 0x45};
    assert_int_equal(apic_hpet_one_shot(&f.hpet, 2, &irq, 1000, false), APIC_OK);
    /* 2.3.10: FSB_INT_ADDR in bits 63:32, FSB_INT_VAL in 31:0; Tn_FSB_EN_CNF (14). */
    assert_int_equal(f.model.timers[2].fsb_route, 0xFEE0000000000045ull);
    assert_int_equal(f.model.timers[2].config, (1u << 2) | (1u << 14));
    f.model.int_status = 0x5;
    assert_int_equal(apic_hpet_int_status(&f.hpet), 0x5);
    apic_hpet_int_clear(&f.hpet, 0x1);   /* write 1 to clear (2.3.6) */
    assert_int_equal(f.model.int_status, 0x4);
    assert_int_equal(f.model.bad_access, 0);
}

static void test_ns_to_ticks(void **state)
{
    (void)state;
    struct hpet_fixture f;
    hpet_fixture_init(&f, CAPS_LOW | (PERIOD_10NS << 32), 0, 1, false);
    assert_int_equal(apic_hpet_ns_to_ticks(&f.hpet, 1000), 100);
    assert_int_equal(apic_hpet_ns_to_ticks(&f.hpet, 1001), 101);   /* rounded up */
    struct hpet_fixture g;
    hpet_fixture_init(&g, CAPS_LOW | (PERIOD_14MHZ << 32), 0, 1, false);
    assert_int_equal(apic_hpet_ns_to_ticks(&g.hpet, 1000000), 14319);   /* 14318.18 */
    struct apic_ref_clock ref;
    apic_hpet_ref_clock(&g.hpet, &ref);
    assert_int_equal(ref.mask, UINT64_MAX);
    assert_int_equal(ref.frequency_hz, 14318180u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_capabilities),
        cmocka_unit_test(test_real_block_ids),
        cmocka_unit_test(test_counter_reads),
        cmocka_unit_test(test_enable_and_legacy),
        cmocka_unit_test(test_timer_caps),
        cmocka_unit_test(test_one_shot),
        cmocka_unit_test(test_periodic),
        cmocka_unit_test(test_fsb_and_status),
        cmocka_unit_test(test_ns_to_ticks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
