/* apic/pit.h against the 8254 model. Control words are checked against the 8254
 * datasheet's "Control Word Format" (SC1 SC0 | RW1 RW0 | M2 M1 M0 | BCD: RW 11 =
 * LSB then MSB, 00 = counter latch; M 000 mode 0, 010 mode 2), its read-back
 * command (11 COUNT# STATUS# CNT2 CNT1 CNT0 0) and status byte (OUT, NULL COUNT,
 * RW1 RW0 M2 M1 M0 BCD), and PC/AT port 0x61 (bit 0 timer-2 gate, bit 1 speaker
 * data, bit 5 timer-2 output). */
#include "apic_test.h"
#include "pit_model.h"
#include "port_test.h"

struct pit_fixture {
    struct mock_port ports;
    struct pit_model model;
    struct apic_host host;
};

static void pit_fixture_init(struct pit_fixture *f)
{
    mock_port_init(&f->ports);
    pit_model_init(&f->model, &f->ports);
    f->host = port_host(&f->ports);
}

static void test_channel0(void **state)
{
    (void)state;
    struct pit_fixture f;
    pit_fixture_init(&f);
    /* 100 Hz: 1193182 / 100 = 11931.82 -> 11932 = 0x2E9C. */
    assert_int_equal(apic_pit_count_for_hz(100), 11932);
    assert_int_equal(apic_pit_channel0_periodic(&f.host, 11932), APIC_OK);
    uint32_t w[8];
    assert_int_equal(port_writes(&f.ports, 0, w, 8), 3);
    assert_int_equal(w[0], 0x4334);   /* counter 0, LSB/MSB, mode 2, binary */
    assert_int_equal(w[1], 0x409C);
    assert_int_equal(w[2], 0x402E);
    assert_int_equal(pit_model_mode(&f.model, 0), 2);
    size_t from = f.ports.log_count;
    assert_int_equal(apic_pit_channel0_one_shot(&f.host, 65536), APIC_OK);
    assert_int_equal(port_writes(&f.ports, from, w, 8), 3);
    assert_int_equal(w[0], 0x4330);   /* mode 0 */
    assert_int_equal(w[1], 0x4000);   /* 65536 is written as 0 */
    assert_int_equal(w[2], 0x4000);
    assert_int_equal(f.model.c[0].reload, 65536);
    assert_int_equal(apic_pit_start(&f.host, 0, APIC_PIT_MODE_RATE, 1), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_pit_start(&f.host, 0, APIC_PIT_MODE_RATE, 0), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_pit_start(&f.host, 0, APIC_PIT_MODE_RATE, 65537), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_pit_start(&f.host, 3, APIC_PIT_MODE_RATE, 100), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_pit_start(&f.host, 0, (enum apic_pit_mode)6, 100), APIC_INVALID_ARGUMENT);
    assert_int_equal(f.model.unsupported, 0);

    assert_int_equal(apic_pit_count_for_hz(1000), 1193);
    assert_int_equal(apic_pit_count_for_hz(18), 65536);    /* 66288 clamps */
    assert_int_equal(apic_pit_count_for_hz(0), 65536);
    assert_int_equal(apic_pit_count_for_hz(1000000), 2);   /* 1.19 clamps to 2 */
}

static void test_latch_and_status(void **state)
{
    (void)state;
    struct pit_fixture f;
    pit_fixture_init(&f);
    assert_int_equal(apic_pit_channel0_periodic(&f.host, 50000), APIC_OK);
    *f.model.now_ns += 10000000;   /* 10 ms = 11931 ticks */
    size_t from = f.ports.log_count;
    uint16_t c = apic_pit_read_count(&f.host, 0);
    uint32_t w[4];
    assert_int_equal(port_writes(&f.ports, from, w, 4), 1);
    assert_int_equal(w[0], 0x4300);   /* counter latch command for counter 0 */
    assert_true(c < 50000 - 11900 && c > 50000 - 11940);
    uint16_t later = apic_pit_read_count(&f.host, 0);
    assert_true(later < c);           /* counting down */

    from = f.ports.log_count;
    assert_int_equal(apic_pit_read_count(&f.host, 3), 0);
    assert_int_equal(apic_pit_read_status(&f.host, 3), 0);
    assert_int_equal(f.ports.log_count, from);   /* no access at all */
    uint8_t st = apic_pit_read_status(&f.host, 0);
    assert_int_equal(f.ports.log[f.ports.log_count - 2].value, 0xE2);   /* read-back, status, counter 0 */
    assert_int_equal(st & 0x3F, 0x34);   /* the control bits as programmed */
    assert_int_equal(st & 0x40, 0);      /* count loaded */
    assert_int_equal(st & 0x80, 0x80);   /* mode 2: OUT high between pulses */
    /* Channel 2 right after a control word: null count, OUT low in mode 0. */
    assert_int_equal(apic_pit_start(&f.host, 2, APIC_PIT_MODE_TERMINAL_COUNT, 100), APIC_OK);
    f.ports.log_count = 0;
    st = apic_pit_read_status(&f.host, 2);
    assert_int_equal(f.ports.log[0].value, 0xE8);
    assert_int_equal(st & 0xBF, 0x30);
}

static void test_gate2(void **state)
{
    (void)state;
    struct pit_fixture f;
    pit_fixture_init(&f);
    f.model.port_b = 0x02;   /* speaker data on, as a BIOS may leave it */
    apic_pit_gate2(&f.host, true);
    assert_int_equal(f.model.port_b, 0x01);   /* gate on, speaker off */
    assert_true(f.model.c[2].gate);
    apic_pit_gate2(&f.host, false);
    assert_int_equal(f.model.port_b, 0x00);
    assert_false(f.model.c[2].gate);
}

static void test_delay(void **state)
{
    (void)state;
    struct pit_fixture f;
    pit_fixture_init(&f);
    uint64_t t0 = *f.model.now_ns;
    assert_int_equal(apic_pit_delay_us(&f.host, 1000, 0), APIC_OK);
    uint64_t took = *f.model.now_ns - t0;
    assert_true(took >= 1000000);            /* at least the time asked */
    assert_true(took < 1000000 + 200000);    /* not far beyond (polls of 2 us) */
    /* 120 ms: three pieces (50, 50, 20 ms), each a mode-0 control word 0xB0.
     * Slow port accesses (100 us) keep the polls within the port log. */
    f.ports.log_count = 0;
    f.model.access_ns = 100000;
    t0 = *f.model.now_ns;
    assert_int_equal(apic_pit_delay_us(&f.host, 120000, 0), APIC_OK);
    assert_true(*f.model.now_ns - t0 >= 120000000u);
    size_t words = 0;
    for (size_t i = 0; i < f.ports.log_count; i++) {
        if (f.ports.log[i].is_write && f.ports.log[i].port == 0x43) {
            assert_int_equal(f.ports.log[i].value, 0xB0);
            words++;
        }
    }
    assert_int_equal(words, 3);
    assert_false(f.ports.log_overflow);
    assert_false(f.model.c[2].gate);         /* left off */
    /* Too few polls for 50 ms. */
    assert_int_equal(apic_pit_delay_us(&f.host, 50000, 5), APIC_TIMEOUT);
    /* No PIT: the empty bus reads 0xFF, OUT2 "high" at once. */
    struct mock_port empty;
    mock_port_init(&empty);
    struct apic_host none = port_host(&empty);
    assert_int_equal(apic_pit_delay_us(&none, 10, 0), APIC_BAD_HARDWARE);
}

static void test_ref_clock(void **state)
{
    (void)state;
    struct pit_fixture f;
    pit_fixture_init(&f);
    struct apic_ref_clock ref;
    assert_int_equal(apic_pit_ref_clock(&f.host, &ref), APIC_OK);
    assert_int_equal(pit_model_mode(&f.model, 2), 2);
    assert_int_equal(f.model.c[2].reload, 65536);
    assert_true(f.model.c[2].gate);
    assert_int_equal(ref.frequency_hz, 1193182u);
    assert_int_equal(ref.mask, 0xFFFF);
    uint64_t a = ref.read(ref.ctx);
    *f.model.now_ns += 1000000;   /* 1 ms = 1193 ticks */
    uint64_t b = ref.read(ref.ctx);
    uint64_t d = (b - a) & 0xFFFF;
    assert_true(d >= 1193 && d < 1193 + 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_channel0),
        cmocka_unit_test(test_latch_and_status),
        cmocka_unit_test(test_gate2),
        cmocka_unit_test(test_delay),
        cmocka_unit_test(test_ref_clock),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
