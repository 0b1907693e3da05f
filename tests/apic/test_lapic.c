/* apic/lapic.h against the local APIC model: detection and IA32_APIC_BASE mode
 * transitions (SDM Vol. 3A 11.4.4, 11.12.5, Figure 11-27), ID (11.4.6, 11.12.5.1),
 * version (Figure 11-7), TPR/PPR (11.8.3), EOI (11.8.5), SVR (Figure 11-23),
 * ISR/TMR/IRR (11.8.4), ESR (11.5.3, Figure 11-9), LDR/DFR (11.6.2.2, 11.12.10.2)
 * and every LVT entry (11.5.1, Figure 11-8). Expected register values are written
 * from those layouts bit by bit. */
#include <stdio.h>
#include <string.h>

#include "apic_test.h"

static void test_detect(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0x12345, TEST_LAPIC_VERSION, false);
    struct apic_lapic_info info;
    assert_int_equal(apic_lapic_detect(&f.host, &info), APIC_OK);
    assert_true(info.present);
    assert_true(info.x2apic_supported);
    assert_true(info.tsc_deadline);
    assert_true(info.bsp);
    assert_int_equal(info.mode, APIC_MODE_XAPIC);
    assert_int_equal(info.base_phys, 0xFEE00000u);
    assert_int_equal(info.initial_apic_id, 0x45);      /* CPUID.01H:EBX[31:24] */
    assert_int_equal(info.x2apic_id, 0x12345);         /* CPUID.0BH:EDX */

    /* CPUID.01H:EDX bit 9 clear: no APIC at all. */
    apic_lapic_model_set_cpuid(&f.model, 1, 0, 0, 0, 0, 0);
    assert_int_equal(apic_lapic_detect(&f.host, &info), APIC_NOT_SUPPORTED);
    assert_false(info.present);
    assert_int_equal(apic_lapic_detect(NULL, &info), APIC_INVALID_ARGUMENT);
}

static void test_transition_table(void **state)
{
    (void)state;
    /* SDM 11.12.5: from disabled only to xAPIC; from xAPIC to x2APIC or disabled;
     * from x2APIC only to disabled; the invalid state neither entered nor left. */
    const bool allowed[4][4] = {
        /* to:    DIS    XAPIC  X2APIC INVALID */
        /* DIS */ {true, true, false, false},
        /* XAPIC*/ {true, true, true, false},
        /* X2  */ {true, false, true, false},
        /* INV */ {false, false, false, false},
    };
    for (int from = 0; from < 4; from++) {
        for (int to = 0; to < 4; to++) {
            assert_int_equal(apic_lapic_transition_allowed((enum apic_lapic_mode)from,
                                                           (enum apic_lapic_mode)to),
                             allowed[from][to]);
        }
    }
}

static void test_mode_switches(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 3, TEST_LAPIC_VERSION, false);
    struct apic_lapic_model_event ev[4];

    /* xAPIC -> x2APIC: one write setting EXTD (bit 10) with EN (11) and BSP (8). */
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_X2APIC), APIC_OK);
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_APIC_BASE, ev, 4), 1);
    assert_int_equal(ev[0].value, 0xFEE00000u | (1u << 11) | (1u << 10) | (1u << 8));
    assert_int_equal(f.lapic.mode, APIC_MODE_X2APIC);

    /* x2APIC -> xAPIC: through disabled (EN = EXTD = 0), then EN. */
    f.model.log_count = 0;
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_XAPIC), APIC_OK);
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_APIC_BASE, ev, 4), 2);
    assert_int_equal(ev[0].value, 0xFEE00000u | (1u << 8));
    assert_int_equal(ev[1].value, 0xFEE00000u | (1u << 11) | (1u << 8));

    /* disabled -> x2APIC: through xAPIC. */
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_DISABLED), APIC_OK);
    f.model.log_count = 0;
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_X2APIC), APIC_OK);
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_APIC_BASE, ev, 4), 2);
    assert_int_equal(ev[0].value, 0xFEE00000u | (1u << 11) | (1u << 8));
    assert_int_equal(ev[1].value, 0xFEE00000u | (1u << 11) | (1u << 10) | (1u << 8));
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_INVALID), APIC_BAD_TRANSITION);
    assert_int_equal(f.model.gp_faults, 0);

    /* No CPUID x2APIC support: refused before any write. */
    struct lapic_fixture g;
    apic_lapic_model_init(&g.model, TEST_LAPIC_MMIO, 1, TEST_LAPIC_VERSION, false, false);
    apic_lapic_model_host(&g.model, &g.host);
    assert_int_equal(apic_lapic_init(&g.lapic, &g.host, TEST_LAPIC_MMIO), APIC_OK);
    assert_int_equal(apic_lapic_set_mode(&g.lapic, APIC_MODE_X2APIC), APIC_NOT_SUPPORTED);
    assert_int_equal(apic_lapic_model_events(&g.model, LAPIC_EV_APIC_BASE, ev, 4), 0);
    assert_int_equal(g.lapic.mode, APIC_MODE_XAPIC);
}

static void test_init_states(void **state)
{
    (void)state;
    struct lapic_fixture f;
    apic_lapic_model_init(&f.model, TEST_LAPIC_MMIO, 1, TEST_LAPIC_VERSION, false, true);
    apic_lapic_model_host(&f.model, &f.host);
    /* xAPIC without a mapping cannot be used. */
    assert_int_equal(apic_lapic_init(&f.lapic, &f.host, 0), APIC_WRONG_MODE);
    /* A globally disabled LAPIC (EN = 0): set_mode can still enable it. */
    f.model.apic_base &= ~(1ull << 11);
    assert_int_equal(apic_lapic_init(&f.lapic, &f.host, TEST_LAPIC_MMIO), APIC_WRONG_MODE);
    assert_int_equal(f.lapic.mode, APIC_MODE_DISABLED);
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_XAPIC), APIC_OK);
    /* set_mode to xAPIC needs the page. */
    f.lapic.mmio = 0;
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_DISABLED), APIC_OK);
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_XAPIC), APIC_INVALID_ARGUMENT);
    assert_int_equal(f.lapic.mode, APIC_MODE_DISABLED);
    struct apic_host none = {0};
    assert_int_equal(apic_lapic_init(&f.lapic, &none, TEST_LAPIC_MMIO), APIC_INVALID_ARGUMENT);
}

static void test_id_and_version(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0x1234, TEST_LAPIC_VERSION, false);
    /* xAPIC: the ID register holds the 8-bit ID in bits 31:24. */
    assert_int_equal(f.model.regs[0], 0);
    assert_int_equal(apic_lapic_read(&f.lapic, APIC_REG_ID), 0x34000000u);
    assert_int_equal(apic_lapic_id(&f.lapic), 0x34);
    assert_int_equal(apic_lapic_id8(&f.lapic), 0x34);
    struct apic_lapic_version v;
    apic_lapic_version(&f.lapic, &v);
    assert_int_equal(v.version, 0x15);
    assert_int_equal(v.max_lvt, 6);
    assert_true(v.eoi_broadcast_suppression);

    struct lapic_fixture x;
    lapic_fixture_init(&x, 0x1234, 0x00040014u, true);
    assert_int_equal(apic_lapic_id(&x.lapic), 0x1234);    /* x2APIC: all 32 bits */
    assert_int_equal(apic_lapic_id8(&x.lapic), 0x34);
    apic_lapic_version(&x.lapic, &v);
    assert_int_equal(v.version, 0x14);
    assert_int_equal(v.max_lvt, 4);
    assert_false(v.eoi_broadcast_suppression);
    assert_int_equal(x.model.bad_mmio, 0);
    assert_int_equal(x.model.gp_faults, 0);
}

static void check_priority_and_eoi(bool x2apic)
{
    struct lapic_fixture f;
    lapic_fixture_init(&f, 2, TEST_LAPIC_VERSION, x2apic);
    apic_lapic_set_tpr(&f.lapic, 0x20);
    assert_int_equal(f.model.regs[0x080 / 4], 0x20);
    assert_int_equal(apic_lapic_tpr(&f.lapic), 0x20);
    f.model.regs[0x0A0 / 4] = 0x31;
    assert_int_equal(apic_lapic_ppr(&f.lapic), 0x31);
    /* Two vectors in service: EOI retires the highest (SDM 11.8.5). */
    f.model.regs[0x110 / 4] = 1u << 1;        /* vector 0x21 */
    f.model.regs[0x130 / 4] = 1u << 0;        /* vector 0x60 */
    apic_lapic_eoi(&f.lapic);
    assert_int_equal(f.model.eoi_count, 1);
    assert_int_equal(f.model.regs[0x130 / 4], 0);
    assert_int_equal(f.model.regs[0x110 / 4], 2);
    struct apic_lapic_model_event ev;
    assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_EOI, &ev, 1), 1);
    assert_int_equal(ev.value, 0);            /* x2APIC faults on a non-zero EOI */
    assert_int_equal(ev.x2apic, x2apic);
    assert_int_equal(f.model.gp_faults, 0);
    assert_int_equal(f.model.bad_mmio, 0);
}

static void test_priority_and_eoi(void **state)
{
    (void)state;
    check_priority_and_eoi(false);
    check_priority_and_eoi(true);
}

static void test_svr(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, false);
    assert_int_equal(f.model.regs[0x0F0 / 4], 0xFF);   /* 11.4.7.1: reset value */
    assert_false(apic_lapic_enabled(&f.lapic));
    assert_int_equal(apic_lapic_enable(&f.lapic, 0xFF, 0), APIC_OK);
    assert_int_equal(f.model.regs[0x0F0 / 4], 0x1FF);   /* bit 8: software enable */
    assert_true(apic_lapic_enabled(&f.lapic));
    assert_int_equal(apic_lapic_enable(&f.lapic, 0xEF, APIC_SVR_FOCUS_DISABLE | APIC_SVR_EOI_SUPPRESS),
                     APIC_OK);
    assert_int_equal(f.model.regs[0x0F0 / 4], 0xEFu | (1u << 8) | (1u << 9) | (1u << 12));
    apic_lapic_disable(&f.lapic);
    assert_int_equal(f.model.regs[0x0F0 / 4], 0xEFu | (1u << 9) | (1u << 12));
    assert_int_equal(apic_lapic_enable(&f.lapic, 0xFF, 1u << 3), APIC_INVALID_ARGUMENT);

    /* Version bit 24 clear: EOI-broadcast suppression cannot be set. */
    struct lapic_fixture g;
    lapic_fixture_init(&g, 0, 0x00050014u, true);
    assert_int_equal(apic_lapic_enable(&g.lapic, 0xFF, APIC_SVR_EOI_SUPPRESS), APIC_NOT_SUPPORTED);
    assert_int_equal(apic_lapic_enable(&g.lapic, 0xFF, 0), APIC_OK);
    assert_int_equal(g.model.regs[0x0F0 / 4], 0x1FF);
}

static void test_isr_tmr_irr(void **state)
{
    (void)state;
    for (int x2 = 0; x2 < 2; x2++) {
        struct lapic_fixture f;
        lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, x2 != 0);
        /* Vector v is bit v % 32 of register v / 32 (SDM Figure 11-20). */
        f.model.regs[(0x100 + 0x10 * (0x31 / 32)) / 4] = 1u << (0x31 % 32);
        f.model.regs[(0x180 + 0x10 * 7) / 4] = 1u << 31;     /* TMR vector 255 */
        f.model.regs[(0x200 + 0x10 * 1) / 4] = 1u << 0;      /* IRR vector 32 */
        uint32_t isr[8];
        uint32_t tmr[8];
        uint32_t irr[8];
        apic_lapic_read_isr(&f.lapic, isr);
        apic_lapic_read_tmr(&f.lapic, tmr);
        apic_lapic_read_irr(&f.lapic, irr);
        for (unsigned v = 0; v < 256; v++) {
            assert_int_equal(apic_vector_bit(isr, (uint8_t)v), v == 0x31);
            assert_int_equal(apic_vector_bit(tmr, (uint8_t)v), v == 255);
            assert_int_equal(apic_vector_bit(irr, (uint8_t)v), v == 32);
        }
        assert_int_equal(f.model.gp_faults, 0);
        assert_int_equal(f.model.bad_mmio, 0);
    }
}

static void test_esr_write_then_read(void **state)
{
    (void)state;
    for (int x2 = 0; x2 < 2; x2++) {
        struct lapic_fixture f;
        lapic_fixture_init(&f, 0, TEST_LAPIC_VERSION, x2 != 0);
        /* Figure 11-9: bit 6 receive illegal vector, bit 5 send illegal vector. */
        f.model.esr_pending = (1u << 6) | (1u << 5);
        assert_int_equal(apic_lapic_read_esr(&f.lapic),
                         APIC_ESR_RECEIVE_ILLEGAL_VECTOR | APIC_ESR_SEND_ILLEGAL_VECTOR);
        assert_int_equal(APIC_ESR_RECEIVE_ILLEGAL_VECTOR, 0x40);
        assert_int_equal(APIC_ESR_ILLEGAL_REGISTER, 0x80);
        /* Without a write the ESR would still show the old errors; the next
         * write-then-read shows none. */
        assert_int_equal(apic_lapic_read_esr(&f.lapic), 0);
        assert_int_equal(f.model.gp_faults, 0);
    }
}

static void test_logical_destination(void **state)
{
    (void)state;
    struct lapic_fixture f;
    lapic_fixture_init(&f, 0x23, TEST_LAPIC_VERSION, false);
    assert_int_equal(apic_lapic_set_logical(&f.lapic, 0x01, 0xF), APIC_OK);
    assert_int_equal(f.model.regs[0x0E0 / 4], 0xFFFFFFFFu);  /* flat model */
    assert_int_equal(f.model.regs[0x0D0 / 4], 0x01000000u);  /* LDR bits 31:24 */
    assert_int_equal(apic_lapic_logical_id(&f.lapic), 0x01);
    assert_int_equal(apic_lapic_set_logical(&f.lapic, 0x12, 0x0), APIC_OK);
    assert_int_equal(f.model.regs[0x0E0 / 4], 0x0FFFFFFFu);  /* cluster model */
    assert_int_equal(apic_lapic_set_logical(&f.lapic, 0x12, 0x5), APIC_INVALID_ARGUMENT);

    /* x2APIC: LDR read only, cluster ID[19:4] << 16 | 1 << ID[3:0] (11.12.10.2). */
    assert_int_equal(apic_lapic_set_mode(&f.lapic, APIC_MODE_X2APIC), APIC_OK);
    assert_int_equal(apic_lapic_logical_id(&f.lapic), (2u << 16) | (1u << 3));
    assert_int_equal(apic_lapic_set_logical(&f.lapic, 1, 0xF), APIC_WRONG_MODE);
    assert_int_equal(f.model.gp_faults, 0);
}

struct lvt_case {
    enum apic_lvt_entry entry;
    struct apic_lvt lvt;
    uint32_t expect;   /* from Figure 11-8 */
};

static void test_lvt_encoding(void **state)
{
    (void)state;
    /* Bits: 7:0 vector, 10:8 delivery (000 fixed, 010 SMI, 100 NMI, 101 INIT,
     * 111 ExtINT), 13 polarity (1 low), 15 trigger (1 level), 16 mask, 18:17 timer
     * mode (00 one-shot, 01 periodic, 10 TSC-deadline). */
    const struct lvt_case cases[] = {
        {APIC_LVT_TIMER, {.vector = 0x20, .timer_mode = APIC_TIMER_PERIODIC}, 0x00020020u},
        {APIC_LVT_TIMER, {.vector = 0xEC, .timer_mode = APIC_TIMER_TSC_DEADLINE}, 0x000400ECu},
        {APIC_LVT_TIMER, {.vector = 0x30, .masked = true}, 0x00010030u},
        {APIC_LVT_LINT0, {.delivery = APIC_LVT_EXTINT, .masked = false}, 0x00000700u},
        {APIC_LVT_LINT0, {.vector = 0x30, .polarity = APIC_POLARITY_ACTIVE_LOW,
                          .trigger = APIC_TRIGGER_LEVEL}, 0x0000A030u},
        {APIC_LVT_LINT1, {.delivery = APIC_LVT_NMI}, 0x00000400u},
        {APIC_LVT_LINT1, {.delivery = APIC_LVT_NMI, .polarity = APIC_POLARITY_ACTIVE_LOW},
         0x00002400u},
        {APIC_LVT_LINT0, {.delivery = APIC_LVT_INIT, .masked = true}, 0x00010500u},
        {APIC_LVT_ERROR, {.vector = 0xFE}, 0x000000FEu},
        {APIC_LVT_THERMAL, {.delivery = APIC_LVT_SMI}, 0x00000200u},
        {APIC_LVT_PERFORMANCE, {.delivery = APIC_LVT_NMI}, 0x00000400u},
        {APIC_LVT_CMCI, {.vector = 0xF0}, 0x000000F0u},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t v = 0;
        assert_int_equal(apic_lvt_encode(cases[i].entry, &cases[i].lvt, &v), APIC_OK);
        assert_int_equal(v, cases[i].expect);
        struct apic_lvt back;
        apic_lvt_decode(cases[i].entry, v, &back);
        assert_int_equal(back.vector, cases[i].lvt.vector);
        assert_int_equal(back.delivery, cases[i].lvt.delivery);
        assert_int_equal(back.polarity, cases[i].lvt.polarity);
        assert_int_equal(back.trigger, cases[i].lvt.trigger);
        assert_int_equal(back.masked, cases[i].lvt.masked);
        assert_int_equal(back.timer_mode, cases[i].lvt.timer_mode);
    }
    /* Register offsets (Table 11-1). */
    assert_int_equal(apic_lvt_offset(APIC_LVT_CMCI), 0x2F0);
    assert_int_equal(apic_lvt_offset(APIC_LVT_TIMER), 0x320);
    assert_int_equal(apic_lvt_offset(APIC_LVT_THERMAL), 0x330);
    assert_int_equal(apic_lvt_offset(APIC_LVT_PERFORMANCE), 0x340);
    assert_int_equal(apic_lvt_offset(APIC_LVT_LINT0), 0x350);
    assert_int_equal(apic_lvt_offset(APIC_LVT_LINT1), 0x360);
    assert_int_equal(apic_lvt_offset(APIC_LVT_ERROR), 0x370);
}

static void test_lvt_rejects(void **state)
{
    (void)state;
    uint32_t v = 0x5A5A;
    const struct lvt_case bad[] = {
        {APIC_LVT_LINT1, {.vector = 0x40, .trigger = APIC_TRIGGER_LEVEL}, 0},  /* LINT1: edge only */
        {APIC_LVT_THERMAL, {.delivery = APIC_LVT_EXTINT}, 0},
        {APIC_LVT_PERFORMANCE, {.delivery = APIC_LVT_INIT}, 0},
        {APIC_LVT_CMCI, {.delivery = APIC_LVT_EXTINT}, 0},
        {APIC_LVT_TIMER, {.delivery = APIC_LVT_NMI}, 0},
        {APIC_LVT_ERROR, {.delivery = APIC_LVT_SMI}, 0},
        {APIC_LVT_TIMER, {.vector = 5}, 0},                                    /* vector < 16 */
        {APIC_LVT_TIMER, {.vector = 0x40, .polarity = APIC_POLARITY_ACTIVE_LOW}, 0},
        {APIC_LVT_ERROR, {.vector = 0x40, .trigger = APIC_TRIGGER_LEVEL}, 0},
        {APIC_LVT_LINT0, {.vector = 0x40, .timer_mode = APIC_TIMER_PERIODIC}, 0},
        {APIC_LVT_TIMER, {.vector = 0x40, .timer_mode = (enum apic_timer_mode)3}, 0},
        {APIC_LVT_LINT0, {.delivery = (enum apic_lvt_delivery)3}, 0},
        {(enum apic_lvt_entry)7, {.vector = 0x40}, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(apic_lvt_encode(bad[i].entry, &bad[i].lvt, &v), APIC_INVALID_ARGUMENT);
    }
    assert_int_equal(v, 0x5A5A);
}

static void test_lvt_program_both_modes(void **state)
{
    (void)state;
    for (int x2 = 0; x2 < 2; x2++) {
        struct lapic_fixture f;
        lapic_fixture_init(&f, 1, TEST_LAPIC_VERSION, x2 != 0);
        struct apic_lvt nmi = {.delivery = APIC_LVT_NMI};
        assert_int_equal(apic_lapic_lvt_set(&f.lapic, APIC_LVT_LINT1, &nmi), APIC_OK);
        assert_int_equal(f.model.regs[0x360 / 4], 0x400);
        struct apic_lapic_model_event ev;
        assert_int_equal(apic_lapic_model_events(&f.model, LAPIC_EV_LVT, &ev, 1), 1);
        assert_int_equal(ev.reg, 0x360);
        assert_int_equal(ev.x2apic, x2 != 0);
        /* Read-only bits read back: delivery status 12, remote IRR 14. */
        f.model.regs[0x350 / 4] = 0x0000D031u;   /* level, remote IRR, pending */
        struct apic_lvt got;
        assert_int_equal(apic_lapic_lvt_get(&f.lapic, APIC_LVT_LINT0, &got), APIC_OK);
        assert_int_equal(got.vector, 0x31);
        assert_int_equal(got.trigger, APIC_TRIGGER_LEVEL);
        assert_true(got.remote_irr);
        assert_true(got.delivery_pending);
        assert_false(got.masked);
        assert_int_equal(apic_lapic_lvt_mask(&f.lapic, APIC_LVT_LINT0, true), APIC_OK);
        assert_int_equal(f.model.regs[0x350 / 4], 0x0001D031u);
        assert_int_equal(apic_lapic_lvt_mask(&f.lapic, APIC_LVT_LINT0, false), APIC_OK);
        assert_int_equal(f.model.regs[0x350 / 4], 0x0000D031u);
        /* Every entry present on a max-LVT-6 APIC. */
        for (int e = 0; e <= APIC_LVT_CMCI; e++) {
            assert_int_equal(apic_lapic_lvt_get(&f.lapic, (enum apic_lvt_entry)e, &got), APIC_OK);
        }
        assert_int_equal(f.model.gp_faults, 0);
        assert_int_equal(f.model.bad_mmio, 0);
    }
}

static void test_lvt_absent_entries(void **state)
{
    (void)state;
    /* Max LVT 3 (an early P6: timer, LINT0, LINT1, error), 4 (+performance), 5 (+thermal). */
    const struct { uint32_t version; bool perf, thermal, cmci; } cases[] = {
        {0x00030011u, false, false, false},
        {0x00040014u, true, false, false},
        {0x00050014u, true, true, false},
        {0x00060015u, true, true, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct lapic_fixture f;
        lapic_fixture_init(&f, 1, cases[i].version, false);
        struct apic_lvt lvt = {.vector = 0x40, .masked = true};
        assert_int_equal(apic_lapic_lvt_set(&f.lapic, APIC_LVT_PERFORMANCE, &lvt),
                         cases[i].perf ? APIC_OK : APIC_OUT_OF_RANGE);
        assert_int_equal(apic_lapic_lvt_set(&f.lapic, APIC_LVT_THERMAL, &lvt),
                         cases[i].thermal ? APIC_OK : APIC_OUT_OF_RANGE);
        assert_int_equal(apic_lapic_lvt_mask(&f.lapic, APIC_LVT_CMCI, true),
                         cases[i].cmci ? APIC_OK : APIC_OUT_OF_RANGE);
        assert_int_equal(apic_lapic_lvt_set(&f.lapic, APIC_LVT_ERROR, &lvt), APIC_OK);
    }
}

static void test_status_str(void **state)
{
    (void)state;
    assert_string_equal(apic_status_str(APIC_OK), "APIC_OK");
    assert_string_equal(apic_status_str(APIC_TIMEOUT), "APIC_TIMEOUT");
    assert_string_equal(apic_status_str(APIC_CALIBRATION_FAILED), "APIC_CALIBRATION_FAILED");
    for (int s = 0; s <= APIC_CALIBRATION_FAILED; s++) {
        assert_string_not_equal(apic_status_str((enum apic_status)s), "APIC_UNKNOWN");
    }
    assert_string_equal(apic_status_str((enum apic_status)99), "APIC_UNKNOWN");
}

/* The ready-made host's unprivileged callbacks on this machine: CPUID leaf 0's
 * vendor string against the kernel's own reading in /proc/cpuinfo, and RDTSC
 * never going backwards on one CPU. */
static void test_x86_backend_cpuid(void **state)
{
    (void)state;
#if defined(__x86_64__) || defined(__i386__)
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f == NULL) {
        skip();
    }
    char line[512];
    char vendor[64] = "";
    while (fgets(line, sizeof line, f) != NULL) {
        if (sscanf(line, "vendor_id : %63s", vendor) == 1) {
            break;
        }
    }
    fclose(f);
    if (vendor[0] == '\0') {
        skip();
    }
    uint32_t r[4];
    apic_host_x86.cpuid(apic_host_x86.ctx, 0, 0, r);
    char got[13];
    memcpy(got, &r[1], 4);       /* EBX, EDX, ECX */
    memcpy(got + 4, &r[3], 4);
    memcpy(got + 8, &r[2], 4);
    got[12] = '\0';
    assert_string_equal(got, vendor);
    uint64_t t0 = apic_host_x86.rdtsc(apic_host_x86.ctx);
    uint64_t t1 = apic_host_x86.rdtsc(apic_host_x86.ctx);
    assert_true(t1 >= t0);
    assert_non_null(apic_host_x86.mmio_read64);   /* x86_64: one 64-bit load */
#else
    skip();
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_transition_table),
        cmocka_unit_test(test_mode_switches),
        cmocka_unit_test(test_init_states),
        cmocka_unit_test(test_id_and_version),
        cmocka_unit_test(test_priority_and_eoi),
        cmocka_unit_test(test_svr),
        cmocka_unit_test(test_isr_tmr_irr),
        cmocka_unit_test(test_esr_write_then_read),
        cmocka_unit_test(test_logical_destination),
        cmocka_unit_test(test_lvt_encoding),
        cmocka_unit_test(test_lvt_rejects),
        cmocka_unit_test(test_lvt_program_both_modes),
        cmocka_unit_test(test_lvt_absent_entries),
        cmocka_unit_test(test_status_str),
        cmocka_unit_test(test_x86_backend_cpuid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
