/* apic/ipi.h against the local APIC model: ICR layout (SDM Vol. 3A 11.6.1,
 * Figure 11-12; x2APIC 11.12.9, Figure 11-28), delivery-status waits, SELF IPI
 * (11.12.11) and the INIT-SIPI-SIPI start-up with its waits (SDM 9.4.4.1 "Typical
 * BSP Initialization Sequence", whose example writes 000C4500H and 000C46XXH to
 * the ICR; MultiProcessor Specification 1.4, B.4). */
#include "apic_test.h"

static uint32_t icr_low(const struct apic_ipi *ipi, enum apic_lapic_mode mode, uint32_t *high)
{
    uint32_t low = 0;
    assert_int_equal(apic_icr_encode(mode, ipi, &low, high), APIC_OK);
    return low;
}

static void test_icr_layout(void **state)
{
    (void)state;
    uint32_t high = 0;
    /* The SDM's broadcast INIT: shorthand 11 (bits 19:18), level assert (14),
     * delivery 101 (10:8). */
    struct apic_ipi init_all = {.delivery = APIC_IPI_INIT, .level_assert = true,
                                .shorthand = APIC_SHORTHAND_ALL_EXCLUDING_SELF};
    assert_int_equal(icr_low(&init_all, APIC_MODE_XAPIC, &high), 0x000C4500u);
    /* The SDM's broadcast SIPI with vector 08H (start at 08000H): delivery 110. */
    struct apic_ipi sipi_all = init_all;
    sipi_all.delivery = APIC_IPI_STARTUP;
    sipi_all.vector = 0x08;
    assert_int_equal(icr_low(&sipi_all, APIC_MODE_XAPIC, &high), 0x000C4608u);
    /* Fixed, physical, destination 3: destination in bits 63:56 (xAPIC). */
    struct apic_ipi fixed = {.vector = 0x40, .delivery = APIC_IPI_FIXED, .level_assert = true,
                             .destination = 3};
    assert_int_equal(icr_low(&fixed, APIC_MODE_XAPIC, &high), 0x00004040u);
    assert_int_equal(high, 0x03000000u);
    /* x2APIC: destination in bits 63:32, all 32 bits. */
    fixed.destination = 0x00012345u;
    assert_int_equal(icr_low(&fixed, APIC_MODE_X2APIC, &high), 0x00004040u);
    assert_int_equal(high, 0x00012345u);
    /* Logical (bit 11), lowest priority (001), NMI (100), SMI (010). */
    struct apic_ipi lp = {.vector = 0x50, .delivery = APIC_IPI_LOWEST_PRIORITY,
                          .dest_mode = APIC_DEST_LOGICAL, .level_assert = true, .destination = 0x0F};
    assert_int_equal(icr_low(&lp, APIC_MODE_XAPIC, &high), 0x00004950u);
    assert_int_equal(high, 0x0F000000u);
    struct apic_ipi nmi = {.delivery = APIC_IPI_NMI, .level_assert = true, .destination = 1};
    assert_int_equal(icr_low(&nmi, APIC_MODE_XAPIC, &high), 0x00004400u);
    struct apic_ipi smi = {.delivery = APIC_IPI_SMI, .level_assert = true, .destination = 1};
    assert_int_equal(icr_low(&smi, APIC_MODE_XAPIC, &high), 0x00004200u);
    /* INIT level de-assert: level 0, trigger level (bit 15), all including self (10). */
    struct apic_ipi deassert = {.delivery = APIC_IPI_INIT, .level_assert = false,
                                .trigger = APIC_TRIGGER_LEVEL,
                                .shorthand = APIC_SHORTHAND_ALL_INCLUDING_SELF};
    assert_int_equal(icr_low(&deassert, APIC_MODE_XAPIC, &high), 0x00088500u);
    /* Self shorthand 01. */
    struct apic_ipi self = {.vector = 0xF3, .level_assert = true, .shorthand = APIC_SHORTHAND_SELF};
    assert_int_equal(icr_low(&self, APIC_MODE_XAPIC, &high), 0x000440F3u);
}

static void test_icr_rejects(void **state)
{
    (void)state;
    uint32_t lo = 7;
    uint32_t hi = 7;
    const struct apic_ipi bad[] = {
        {.vector = 0x40, .level_assert = true, .destination = 256},              /* xAPIC: 8 bits */
        {.vector = 0x0F, .level_assert = true},                                  /* fixed vector < 16 */
        {.vector = 0x05, .delivery = APIC_IPI_LOWEST_PRIORITY, .level_assert = true},
        {.vector = 0x40, .level_assert = false, .trigger = APIC_TRIGGER_LEVEL},  /* de-assert, not INIT */
        {.delivery = APIC_IPI_INIT, .level_assert = false},                      /* de-assert, edge */
        {.vector = 0x40, .delivery = (enum apic_ipi_delivery)3, .level_assert = true},
        {.vector = 0x40, .delivery = (enum apic_ipi_delivery)7, .level_assert = true},
        {.vector = 0x40, .level_assert = true, .shorthand = (enum apic_ipi_shorthand)4},
        {.vector = 0x40, .level_assert = true, .dest_mode = (enum apic_dest_mode)2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(apic_icr_encode(APIC_MODE_XAPIC, &bad[i], &lo, &hi), APIC_INVALID_ARGUMENT);
    }
    /* No INIT level de-assert in x2APIC mode (SDM 11.6.1: not on Pentium 4 and later). */
    struct apic_ipi deassert = {.delivery = APIC_IPI_INIT, .level_assert = false,
                                .trigger = APIC_TRIGGER_LEVEL};
    assert_int_equal(apic_icr_encode(APIC_MODE_X2APIC, &deassert, &lo, &hi), APIC_INVALID_ARGUMENT);
    struct apic_ipi ok = {.vector = 0x40, .level_assert = true, .destination = 0xFFFFFFFFu};
    assert_int_equal(apic_icr_encode(APIC_MODE_DISABLED, &ok, &lo, &hi), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_icr_encode(APIC_MODE_X2APIC, &ok, &lo, &hi), APIC_OK);
    assert_int_equal(hi, 0xFFFFFFFFu);
}

static void test_send_xapic(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    f.model.icr_busy_reads = 5;
    assert_int_equal(apic_lapic_send_fixed(&f.lapic, 3, 0x40), APIC_OK);
    struct apic_lapic_model_event ev[4];
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_ICR, ev, 4), 1);
    /* The high word (destination) was in place when the low word sent. */
    assert_int_equal(ev[0].value, 0x0300000000004040ull);
    assert_int_equal(f.model.icr_pending_left, 0);   /* waited the pending reads out */
    assert_int_equal(apic_lapic_send_nmi(&f.lapic, 2), APIC_OK);
    assert_int_equal(apic_lapic_send_init(&f.lapic, 2), APIC_OK);
    assert_int_equal(apic_lapic_send_startup(&f.lapic, 2, 0x9F), APIC_OK);
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_ICR, ev, 4), 4);
    assert_int_equal(ev[1].value, 0x0200000000004400ull);
    assert_int_equal(ev[2].value, 0x0200000000004500ull);
    assert_int_equal(ev[3].value, 0x020000000000469Full);
    assert_int_equal(f.model.reserved_bits, 0);
    assert_int_equal(f.model.bad_mmio, 0);
}

static void test_send_timeouts(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    f.lapic.spin_limit = 100;
    /* A previous IPI stuck pending: nothing is sent. */
    f.model.icr_stuck = true;
    assert_int_equal(apic_lapic_send_fixed(&f.lapic, 1, 0x40), APIC_TIMEOUT);
    struct apic_lapic_model_event ev[2];
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_ICR, ev, 2), 0);
    /* The new IPI stays pending longer than the limit: sent, then timed out. */
    f.model.icr_stuck = false;
    f.model.icr_busy_reads = 1000;
    assert_int_equal(apic_lapic_send_fixed(&f.lapic, 1, 0x40), APIC_TIMEOUT);
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_ICR, ev, 2), 1);
    /* A disabled LAPIC sends nothing. */
    f.lapic.mode = APIC_MODE_DISABLED;
    assert_int_equal(apic_lapic_send_fixed(&f.lapic, 1, 0x40), APIC_WRONG_MODE);
}

static void test_send_x2apic(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, true);
    f.model.icr_stuck = true;   /* x2APIC has no delivery status: never polled */
    assert_int_equal(apic_lapic_send_fixed(&f.lapic, 0x12345, 0x41), APIC_OK);
    struct apic_lapic_model_event ev;
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_ICR, &ev, 1), 1);
    assert_int_equal(ev.value, 0x0001234500004041ull);
    assert_true(ev.x2apic);
    assert_int_equal(f.model.reserved_bits, 0);
    assert_int_equal(f.model.gp_faults, 0);
    assert_int_equal(f.model.bad_mmio, 0);
}

static void test_self_ipi(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, true);
    assert_int_equal(apic_lapic_self_ipi(&f.lapic, 0x61), APIC_OK);
    struct apic_lapic_model_event ev;
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_SELF_IPI, &ev, 1), 1);
    assert_int_equal(ev.reg, 0x3F0);    /* MSR 0x83F */
    assert_int_equal(ev.value, 0x61);
    uint32_t irr[8];
    apic_lapic_read_irr(&f.lapic, irr);
    assert_true(apic_vector_bit(irr, 0x61));
    assert_int_equal(apic_lapic_self_ipi(&f.lapic, 3), APIC_INVALID_ARGUMENT);

    struct lapic_fixture x;
    lapic_fixture_init(&x, 0, TEST_LAPIC_VERSION, false);
    assert_int_equal(apic_lapic_self_ipi(&x.lapic, 0x61), APIC_OK);
    assert_int_equal(apic_lapic_model_events(&x.model, LAPIC_EV_ICR, &ev, 1), 1);
    assert_int_equal(ev.value, 0x0000000000044061ull);   /* shorthand self */
}

/* The start-up's ICR writes and delays, in order. */
static void check_sequence(const struct apic_lapic_model *m, const uint64_t *icrs, size_t n_icrs,
                           size_t init_count)
{
    size_t icr = 0;
    size_t delays = 0;
    uint64_t t_init = 0;
    uint64_t t_sipi = 0;
    for (size_t i = 0; i < m->log_count; i++) {
        const struct apic_lapic_model_event *e = &m->log[i];
        if (e->kind == LAPIC_EV_ICR) {
            assert_true(icr < n_icrs);
            assert_int_equal(e->value, icrs[icr]);
            if (icr == init_count) {
                /* SDM 9.4.4.1 and MP spec B.4: 10 ms from INIT to the first SIPI. */
                assert_true(e->time_ns - t_init >= 10000000u);
                t_sipi = e->time_ns;
            } else if (icr == init_count + 1) {
                /* 200 us between the two SIPIs. */
                assert_true(e->time_ns - t_sipi >= 200000u);
            } else {
                t_init = e->time_ns;
            }
            icr++;
        } else if (e->kind == LAPIC_EV_DELAY) {
            /* one delay after the INIT(s), one after each SIPI */
            const uint64_t expect[] = {10000, 200, 200};
            assert_true(delays < 3);
            assert_int_equal(e->value, expect[delays]);
            assert_int_equal(icr, init_count + delays);
            delays++;
        }
    }
    assert_int_equal(icr, n_icrs);
    assert_int_equal(delays, 3);
    assert_int_equal(m->reserved_bits, 0);
}

static void test_start_ap_xapic(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    f.model.icr_busy_reads = 3;
    struct apic_startup s = {.apic_id = 1, .trampoline = 0x8000};
    assert_int_equal(apic_lapic_start_ap(&f.lapic, &s), APIC_OK);
    const uint64_t one[] = {0x0100000000004500ull, 0x0100000000004608ull, 0x0100000000004608ull};
    check_sequence(&f.model, one, 3, 1);

    /* The SDM's broadcast form, exactly its 000C4500H and 000C4608H. */
    f.model.log_count = 0;
    s.broadcast = true;
    assert_int_equal(apic_lapic_start_ap(&f.lapic, &s), APIC_OK);
    const uint64_t all[] = {0x000C4500u, 0x000C4608u, 0x000C4608u};
    check_sequence(&f.model, all, 3, 1);

    /* INIT assert, then INIT level de-assert (SDM 11.6.1: level 0, trigger 1, all
     * including self), then the SIPIs. */
    f.model.log_count = 0;
    s.broadcast = false;
    s.init_deassert = true;
    s.trampoline = 0x9F000;
    assert_int_equal(apic_lapic_start_ap(&f.lapic, &s), APIC_OK);
    const uint64_t mp[] = {0x0100000000004500ull, 0x00088500u, 0x010000000000469Full,
                           0x010000000000469Full};
    check_sequence(&f.model, mp, 4, 2);
}

static void test_start_ap_x2apic(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, true);
    struct apic_startup s = {.apic_id = 0x100, .trampoline = 0x1000};
    assert_int_equal(apic_lapic_start_ap(&f.lapic, &s), APIC_OK);
    const uint64_t seq[] = {0x0000010000004500ull, 0x0000010000004601ull, 0x0000010000004601ull};
    check_sequence(&f.model, seq, 3, 1);
    s.init_deassert = true;
    assert_int_equal(apic_lapic_start_ap(&f.lapic, &s), APIC_NOT_SUPPORTED);
    assert_int_equal(f.model.gp_faults, 0);
}

static void test_start_ap_rejects(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    const uint32_t bad[] = {0x8001, 0x100000, 0xA0000, 0xBF000, 0xFFFFF000u};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct apic_startup s = {.apic_id = 1, .trampoline = bad[i]};
        assert_int_equal(apic_lapic_start_ap(&f.lapic, &s), APIC_INVALID_ARGUMENT);
    }
    assert_int_equal(f.model.log_count, 0);   /* nothing sent, nothing waited */
    struct apic_startup ok = {.apic_id = 1, .trampoline = 0xC0000};
    f.host.delay_us = NULL;
    assert_int_equal(apic_lapic_start_ap(&f.lapic, &ok), APIC_INVALID_ARGUMENT);
    /* A custom wait is honoured. */
    apic_lapic_model_host(&f.model, &f.host);
    ok.init_delay_us = 20000;
    ok.sipi_delay_us = 300;
    assert_int_equal(apic_lapic_start_ap(&f.lapic, &ok), APIC_OK);
    struct apic_lapic_model_event ev[3];
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_DELAY, ev, 3), 3);
    assert_int_equal(ev[0].value, 20000);
    assert_int_equal(ev[1].value, 300);
    assert_int_equal(ev[2].value, 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_icr_layout),
        cmocka_unit_test(test_icr_rejects),
        cmocka_unit_test(test_send_xapic),
        cmocka_unit_test(test_send_timeouts),
        cmocka_unit_test(test_send_x2apic),
        cmocka_unit_test(test_self_ipi),
        cmocka_unit_test(test_start_ap_xapic),
        cmocka_unit_test(test_start_ap_x2apic),
        cmocka_unit_test(test_start_ap_rejects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
