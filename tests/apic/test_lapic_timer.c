/* apic/lapic_timer.h and apic/calibrate.h: LAPIC timer programming (SDM Vol. 3A
 * 11.5.4, Figure 11-8 timer mode bits, Figure 11-10 divide configuration), the
 * TSC-deadline mode (11.5.4.1), CPUID leaves 15H/16H (SDM Vol. 2A, CPUID), and
 * calibration against an ACPI PM timer (3579545 Hz, ACPI 6.5 4.8.3.3), the HPET
 * model and the PIT model sharing the LAPIC model's virtual clock: the measured
 * frequency must lie within the reported error bound of the model's true one. */
#include "apic_test.h"
#include "hpet_model.h"
#include "mock_port.h"
#include "pit_model.h"

__extension__ typedef unsigned __int128 u128;

static void test_divide_encoding(void **state)
{
    (void)state;
    /* Figure 11-10: bits 3,1,0: 000 /2, 001 /4, 010 /8, 011 /16, 100 /32,
     * 101 /64, 110 /128, 111 /1 (bit 2 reserved). */
    const struct { enum apic_timer_divide d; uint32_t reg; } cases[] = {
        {APIC_DIVIDE_2, 0x0}, {APIC_DIVIDE_4, 0x1}, {APIC_DIVIDE_8, 0x2}, {APIC_DIVIDE_16, 0x3},
        {APIC_DIVIDE_32, 0x8}, {APIC_DIVIDE_64, 0x9}, {APIC_DIVIDE_128, 0xA}, {APIC_DIVIDE_1, 0xB},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t v = 0xFF;
        assert_int_equal(apic_timer_divide_encode(cases[i].d, &v), APIC_OK);
        assert_int_equal(v, cases[i].reg);
    }
    uint32_t v;
    assert_int_equal(apic_timer_divide_encode((enum apic_timer_divide)3, &v), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_timer_divide_encode((enum apic_timer_divide)0, &v), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_timer_divide_encode((enum apic_timer_divide)256, &v), APIC_INVALID_ARGUMENT);
}

static void test_one_shot_and_periodic(void **state)
{
    (void)state;
    for (int x2 = 0; x2 < 2; x2++) {
        struct lapic_fixture f;
        lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, x2 != 0);
        assert_int_equal(apic_lapic_timer_one_shot(&f.lapic, 0x30, APIC_DIVIDE_16, 6250), APIC_OK);
        /* LVT first (one-shot, vector 0x30, unmasked), then divider, then count. */
        assert_int_equal(f.model.log_count, 3);
        assert_int_equal(f.model.log[0].kind, LAPIC_EV_LVT);
        assert_int_equal(f.model.log[0].reg, 0x320);
        assert_int_equal(f.model.log[0].value, 0x00000030u);
        assert_int_equal(f.model.log[1].reg, 0x3E0);
        assert_int_equal(f.model.log[1].value, 0x3);
        assert_int_equal(f.model.log[2].reg, 0x380);
        assert_int_equal(f.model.log[2].value, 6250);
        /* 100 MHz / 16 = 6.25 MHz: after 0.5 ms, 3125 ticks are gone; after 2 ms, 0. */
        *f.model.now_ns += 500000;
        assert_int_equal(apic_lapic_timer_current(&f.lapic), 3125);
        *f.model.now_ns += 1500000;
        assert_int_equal(apic_lapic_timer_current(&f.lapic), 0);

        f.model.log_count = 0;
        assert_int_equal(apic_lapic_timer_periodic(&f.lapic, 0x31, APIC_DIVIDE_1, 1000), APIC_OK);
        assert_int_equal(f.model.log[0].value, 0x00020031u);   /* bits 18:17 = 01 */
        assert_int_equal(f.model.log[1].value, 0xB);
        /* periodic: 10.5 us at 100 MHz = 1050 ticks: 50 into the second period */
        *f.model.now_ns += 10500;
        assert_int_equal(apic_lapic_timer_current(&f.lapic), 950);

        apic_lapic_timer_stop(&f.lapic);
        assert_int_equal(f.model.regs[0x320 / 4], 0x00030031u);   /* masked, same mode */
        assert_int_equal(f.model.regs[0x380 / 4], 0);
        assert_int_equal(apic_lapic_timer_one_shot(&f.lapic, 0x30, APIC_DIVIDE_16, 0),
                         APIC_INVALID_ARGUMENT);
        assert_int_equal(apic_lapic_timer_periodic(&f.lapic, 0x0F, APIC_DIVIDE_16, 1),
                         APIC_INVALID_ARGUMENT);
        assert_int_equal(apic_lapic_timer_periodic(&f.lapic, 0x30, (enum apic_timer_divide)5, 1),
                         APIC_INVALID_ARGUMENT);
        assert_int_equal(f.model.gp_faults, 0);
        assert_int_equal(f.model.bad_mmio, 0);
    }
}

static void test_tsc_deadline(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, true);
    assert_int_equal(apic_lapic_timer_tsc_deadline(&f.lapic, 0xEC), APIC_OK);
    assert_int_equal(f.model.regs[0x320 / 4], 0x000400ECu);    /* bits 18:17 = 10 */
    apic_lapic_tsc_deadline_arm(&f.lapic, 0x123456789ull);
    struct apic_lapic_model_event ev;
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_TSC_DEADLINE, &ev, 1), 1);
    assert_int_equal(ev.value, 0x123456789ull);
    assert_int_equal(f.model.tsc_deadline, 0x123456789ull);
    /* CPUID.01H:ECX[24] clear: not supported, nothing written. */
    apic_lapic_model_set_cpuid(&f.model, 1, 0, 0, 0, 1u << 21, 1u << 9);
    f.model.log_count = 0;
    assert_int_equal(apic_lapic_timer_tsc_deadline(&f.lapic, 0xEC), APIC_NOT_SUPPORTED);
    assert_int_equal(f.model.log_count, 0);
}

static void test_count_for_us(void **state)
{
    (void)state;
    assert_int_equal(apic_timer_count_for_us(6250000u, 1000), 6250);
    assert_int_equal(apic_timer_count_for_us(1500000u, 1), 2);     /* 1.5 rounds up */
    assert_int_equal(apic_timer_count_for_us(1400000u, 1), 1);
    assert_int_equal(apic_timer_count_for_us(1000u, 1), 1);        /* at least 1 */
    assert_int_equal(apic_timer_count_for_us(1000000000u, 10000000u), UINT32_MAX);
}

/* An ACPI PM timer on the shared clock: 3579545 Hz, 24 bits; a read costs 1 us
 * (an I/O port read; real ones take 0.5-1.5 us). */
struct pm_timer {
    uint64_t *now_ns;
    uint64_t offset_ticks;
};

static uint64_t pm_read(void *ctx)
{
    struct pm_timer *t = ctx;
    *t->now_ns += 1000;
    return ((u128)*t->now_ns * 3579545u / 1000000000u + t->offset_ticks) & 0xFFFFFFu;
}

static void assert_within(const struct apic_calibration *c, uint64_t truth)
{
    uint64_t diff = c->frequency_hz > truth ? c->frequency_hz - truth : truth - c->frequency_hz;
    /* |measured - true| <= error_ppm * true / 10^6 */
    assert_true((u128)diff * 1000000u <= (u128)c->error_ppm * truth);
    print_message("      measured %llu Hz (true %llu), bound %u ppm, off by %llu ppm\n",
                  (unsigned long long)c->frequency_hz, (unsigned long long)truth, c->error_ppm,
                  (unsigned long long)((u128)diff * 1000000u / truth));
}

static void test_calibrate_pm_timer(void **state)
{
    (void)state;
    const uint64_t buses[] = {100000000u, 1000000000u, 24000000u, 133333333u};
    for (size_t i = 0; i < sizeof buses / sizeof buses[0]; i++) {
        struct lapic_fixture f;
        lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, i % 2 != 0);
        f.model.bus_hz = buses[i];
        f.model.register_read_ns = 200;
        /* Start 2 ms before the 24-bit wrap, so the window crosses it. */
        struct pm_timer pm = {f.model.now_ns, 0x1000000u - 7000u};
        struct apic_ref_clock ref = {&pm, pm_read, 3579545u, 0xFFFFFFu};
        struct apic_calibration c;
        assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &ref, APIC_DIVIDE_16, 10000, &c),
                         APIC_OK);
        assert_within(&c, buses[i]);
        assert_true(c.error_ppm < 1000);
        assert_true(c.ref_ticks >= 35795);           /* at least the 10 ms window */
        /* The timer ran masked and is left stopped. */
        assert_int_equal(f.model.regs[0x320 / 4] & (1u << 16), 1u << 16);
        assert_int_equal(f.model.regs[0x380 / 4], 0);
        assert_int_equal(f.model.gp_faults, 0);
    }
}

static void test_calibrate_hpet_and_pit(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    f.model.bus_hz = 200000000u;

    /* HPET at 14.31818 MHz (period 69841279 fs), on the same clock. */
    struct hpet_model hm;
    hpet_model_init(&hm, 0xFED00000u, 0x0000000000008086A201ull | (69841279ull << 32), 0x30, 4);
    hm.now_ns = f.model.now_ns;
    struct apic_host hh;
    hpet_model_host(&hm, &hh, false);
    struct apic_hpet hpet;
    assert_int_equal(apic_hpet_init(&hpet, &hh, 0xFED00000u), APIC_OK);
    apic_hpet_enable(&hpet, true);
    struct apic_ref_clock ref;
    apic_hpet_ref_clock(&hpet, &ref);
    assert_int_equal(ref.frequency_hz, 14318180u);
    struct apic_calibration c;
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &ref, APIC_DIVIDE_2, 5000, &c), APIC_OK);
    assert_within(&c, 200000000u);

    /* PIT channel 2 (1193182 Hz, 16 bits, 3 port accesses per read). */
    struct mock_port ports;
    mock_port_init(&ports);
    struct pit_model pm;
    pit_model_init(&pm, &ports);
    pm.now_ns = f.model.now_ns;
    struct apic_host ph = {.ctx = &ports, .inb = mock_port_in8, .outb = mock_port_out8};
    assert_int_equal(apic_pit_ref_clock(&ph, &ref), APIC_OK);
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &ref, APIC_DIVIDE_2, 100000, &c), APIC_OK);
    assert_within(&c, 200000000u);
    assert_int_equal(pm.unsupported, 0);
}

static void test_calibrate_failures(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    struct pm_timer pm = {f.model.now_ns, 0};
    struct apic_ref_clock ref = {&pm, pm_read, 3579545u, 0xFFFFFFu};
    struct apic_calibration c;
    /* The timer does not count (no bus clock). */
    f.model.bus_hz = 0;
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &ref, APIC_DIVIDE_1, 1000, &c),
                     APIC_CALIBRATION_FAILED);
    /* 5 GHz / 1 runs out of 2^32 counts within the 1 s window. */
    f.model.bus_hz = 5000000000u;
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &ref, APIC_DIVIDE_1, 1000000, &c),
                     APIC_TIMEOUT);
    /* A reference that never moves: the spin limit ends the wait. */
    uint64_t frozen_clock = 0;
    struct pm_timer frozen = {&frozen_clock, 0};
    f.model.bus_hz = 100000000u;
    f.lapic.spin_limit = 1000;
    struct apic_ref_clock stuck = {&frozen, pm_read, 3579545u, 0xFFFFFFu};
    frozen_clock = 0;
    /* pm_read advances its clock 1 us per read: 1000 reads are 1 ms, short of 10 ms. */
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &stuck, APIC_DIVIDE_1, 10000, &c),
                     APIC_TIMEOUT);
    struct apic_ref_clock bad = ref;
    bad.mask = 0x12345;   /* not a power of two minus one */
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &bad, APIC_DIVIDE_1, 1000, &c),
                     APIC_INVALID_ARGUMENT);
    bad = ref;
    bad.frequency_hz = 0;
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &bad, APIC_DIVIDE_1, 1000, &c),
                     APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_lapic_timer_calibrate(&f.lapic, &ref, APIC_DIVIDE_1, 0, &c),
                     APIC_INVALID_ARGUMENT);
}

static void test_tsc_frequency(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    uint64_t hz = 0;
    enum apic_freq_source src;
    /* Max leaf 0xB: neither 15H nor 16H. */
    assert_int_equal(apic_tsc_frequency_cpuid(&f.host, &hz, &src), APIC_NOT_FOUND);
    assert_int_equal(apic_lapic_timer_frequency_cpuid(&f.host, &hz), APIC_NOT_FOUND);
    /* Leaf 15H: TSC = ECX (crystal Hz) * EBX / EAX; a 24 MHz crystal, ratio 300/2. */
    apic_lapic_model_set_cpuid(&f.model, 0, 0, 0x16, 0, 0, 0);
    apic_lapic_model_set_cpuid(&f.model, 0x15, 0, 2, 300, 24000000u, 0);
    assert_int_equal(apic_tsc_frequency_cpuid(&f.host, &hz, &src), APIC_OK);
    assert_int_equal(hz, 3600000000u);
    assert_int_equal(src, APIC_FREQ_CPUID_15H);
    assert_int_equal(apic_lapic_timer_frequency_cpuid(&f.host, &hz), APIC_OK);
    assert_int_equal(hz, 24000000u);
    /* SDM 11.5.4: the timer runs on the crystal only when the TSC/crystal ratio is
     * enumerated (EBX not 0); a crystal without the ratio says nothing about it. */
    apic_lapic_model_set_cpuid(&f.model, 0x15, 0, 2, 0, 24000000u, 0);
    assert_int_equal(apic_lapic_timer_frequency_cpuid(&f.host, &hz), APIC_NOT_FOUND);
    /* Crystal not enumerated (ECX 0): leaf 16H EAX[15:0], base MHz. */
    apic_lapic_model_set_cpuid(&f.model, 0x15, 0, 2, 300, 0, 0);
    apic_lapic_model_set_cpuid(&f.model, 0x16, 0, 3400, 3900, 100, 0);
    assert_int_equal(apic_tsc_frequency_cpuid(&f.host, &hz, &src), APIC_OK);
    assert_int_equal(hz, 3400000000u);
    assert_int_equal(src, APIC_FREQ_CPUID_16H);
    assert_int_equal(apic_lapic_timer_frequency_cpuid(&f.host, &hz), APIC_NOT_FOUND);
    apic_lapic_model_set_cpuid(&f.model, 0x16, 0, 0, 0, 0, 0);
    assert_int_equal(apic_tsc_frequency_cpuid(&f.host, &hz, &src), APIC_NOT_FOUND);

    /* Else calibrate: the model's TSC runs at 2.5 GHz. */
    f.model.tsc_hz = 2500000000u;
    struct pm_timer pm = {f.model.now_ns, 0};
    struct apic_ref_clock ref = {&pm, pm_read, 3579545u, 0xFFFFFFu};
    struct apic_calibration c;
    assert_int_equal(apic_tsc_calibrate(&f.host, &ref, 20000, &c), APIC_OK);
    assert_within(&c, 2500000000u);
    struct apic_host no_tsc = f.host;
    no_tsc.rdtsc = NULL;
    assert_int_equal(apic_tsc_calibrate(&no_tsc, &ref, 20000, &c), APIC_INVALID_ARGUMENT);
}

static void test_muldiv(void **state)
{
    (void)state;
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        uint64_t a = x >> (i % 64);
        uint64_t b = (x * 0x2545F4914F6CDD1Dull) >> ((i / 64) % 64);
        uint64_t c = (x ^ 0xDEADBEEFull) >> (i % 61);
        if (c == 0) {
            c = 1;
        }
        u128 q = (u128)a * b / c;
        uint64_t expect = q > UINT64_MAX ? UINT64_MAX : (uint64_t)q;
        assert_int_equal(apic_muldiv_u64(a, b, c), expect);
    }
    assert_int_equal(apic_muldiv_u64(UINT64_MAX, UINT64_MAX, UINT64_MAX), UINT64_MAX);
    assert_int_equal(apic_muldiv_u64(1, 1, 0), UINT64_MAX);
    assert_int_equal(apic_muldiv_u64(1000000000000000u, 1, 69841279u), 14318179u); /* 14318179.94 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_divide_encoding),
        cmocka_unit_test(test_one_shot_and_periodic),
        cmocka_unit_test(test_tsc_deadline),
        cmocka_unit_test(test_count_for_us),
        cmocka_unit_test(test_calibrate_pm_timer),
        cmocka_unit_test(test_calibrate_hpet_and_pit),
        cmocka_unit_test(test_calibrate_failures),
        cmocka_unit_test(test_tsc_frequency),
        cmocka_unit_test(test_muldiv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
