/* The register models of tests/support/ themselves, against the documents they
 * follow (if a model lies, the library tests lie): the local APIC model against
 * SDM Vol. 3A 11.4.7.1 (power-up state), 11.12.5 (IA32_APIC_BASE transitions),
 * 11.12.1.2 (x2APIC register access); the I/O APIC model against the 82093AA
 * datasheet 3.2; the HPET model against IA-PC HPET 1.0a 2.3; the 8259A model
 * against the 8259A datasheet's initialization sequence and OCW2/OCW3; the 8254
 * model against the 8254 datasheet's modes 0 and 2, latch and read-back. */
#include "apic_test.h"
#include "hpet_model.h"
#include "ioapic_model.h"
#include "pic8259_model.h"
#include "pit_model.h"

static void test_lapic_model_reset_and_transitions(void **state)
{
    (void)state;
    struct apic_lapic_model m;
    struct apic_host h;
    apic_lapic_model_init(&m, TEST_LAPIC_MMIO, 5, TEST_LAPIC_VERSION, true, true);
    apic_lapic_model_host(&m, &h);
    /* 11.4.7.1: LVTs masked (0x00010000), SVR 0xFF, DFR all ones. */
    for (uint32_t off = 0x320; off <= 0x370; off += 0x10) {
        assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + off), 0x00010000u);
    }
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x2F0), 0x00010000u);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0xF0), 0xFFu);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0xE0), 0xFFFFFFFFu);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x20), 5u << 24);
    assert_int_equal(h.rdmsr(h.ctx, 0x1B), 0xFEE00900u);   /* EN, BSP */
    /* MSRs 0x800+ fault in xAPIC mode. */
    (void)h.rdmsr(h.ctx, 0x802);
    assert_int_equal(m.gp_faults, 1);
    /* Forbidden transitions fault and change nothing: xAPIC -> invalid (EXTD
     * without EN, 11.12.5.1), reserved bit 9 (11.4.4), and a BSP bit change
     * (the model's own strictness: the SDM does not say it faults). */
    h.wrmsr(h.ctx, 0x1B, 0xFEE00500u);
    h.wrmsr(h.ctx, 0x1B, 0xFEE00800u);
    h.wrmsr(h.ctx, 0x1B, 0xFEE00B00u);
    assert_int_equal(m.gp_faults, 4);
    assert_int_equal(h.rdmsr(h.ctx, 0x1B), 0xFEE00900u);
    /* xAPIC -> x2APIC; then x2APIC -> xAPIC directly faults. */
    h.wrmsr(h.ctx, 0x1B, 0xFEE00D00u);
    assert_int_equal(h.rdmsr(h.ctx, 0x802), 5);
    h.wrmsr(h.ctx, 0x1B, 0xFEE00900u);
    assert_int_equal(m.gp_faults, 5);
    /* x2APIC: MMIO is gone; ICR high, DFR do not exist; read-only and EOI rules. */
    (void)h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x20);
    assert_int_equal(m.bad_mmio, 1);
    (void)h.rdmsr(h.ctx, 0x831);
    (void)h.rdmsr(h.ctx, 0x80E);
    h.wrmsr(h.ctx, 0x802, 1);          /* ID is read only */
    h.wrmsr(h.ctx, 0x80B, 1);          /* EOI takes 0 only */
    h.wrmsr(h.ctx, 0x828, 1);          /* ESR takes 0 only */
    (void)h.rdmsr(h.ctx, 0x83F);       /* SELF IPI is write only */
    (void)h.rdmsr(h.ctx, 0x80B);       /* EOI is write only (Table 11-6) */
    assert_int_equal(m.gp_faults, 12);
    /* x2APIC -> disabled resets the registers; disabled -> x2APIC faults. */
    h.wrmsr(h.ctx, 0x80F, 0x1FF);
    h.wrmsr(h.ctx, 0x1B, 0xFEE00100u);
    h.wrmsr(h.ctx, 0x1B, 0xFEE00D00u);
    assert_int_equal(m.gp_faults, 13);
    h.wrmsr(h.ctx, 0x1B, 0xFEE00900u);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0xF0), 0xFFu);
    assert_int_equal(m.gp_faults, 13);

    /* Without CPUID x2APIC support, EXTD faults. */
    apic_lapic_model_init(&m, TEST_LAPIC_MMIO, 5, TEST_LAPIC_VERSION, true, false);
    h.wrmsr(h.ctx, 0x1B, 0xFEE00D00u);
    assert_int_equal(m.gp_faults, 1);
}

static void test_lapic_model_registers(void **state)
{
    (void)state;
    struct apic_lapic_model m;
    struct apic_host h;
    apic_lapic_model_init(&m, TEST_LAPIC_MMIO, 1, TEST_LAPIC_VERSION, true, true);
    apic_lapic_model_host(&m, &h);
    /* ESR: pending errors appear only after a write (11.5.3). */
    m.esr_pending = 0x80;
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x280), 0);
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x280, 0);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x280), 0x80);
    /* ICR: pending for the configured reads after a send; reserved bits counted. */
    m.icr_busy_reads = 2;
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x310, 0x01000000u);
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x300, 0x00004040u);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x300) & 0x1000, 0x1000);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x300) & 0x1000, 0x1000);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x300) & 0x1000, 0);
    assert_int_equal(m.reserved_bits, 0);
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x300, 0x00104040u);   /* bit 20 reserved */
    assert_int_equal(m.reserved_bits, 1);
    /* LVT read-only bits 12 and 14 keep their state. */
    m.regs[0x350 / 4] = 0x00015000u;
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x350, 0x00000700u);
    assert_int_equal(m.regs[0x350 / 4], 0x00005700u);
    /* Timer: divide by 2 (code 000), 100 MHz: 1 us = 50 ticks; one-shot stops at 0. */
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x3E0, 0x0);
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x320, 0x00000040u);
    h.mmio_write32(h.ctx, TEST_LAPIC_MMIO + 0x380, 100);
    h.delay_us(h.ctx, 1);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x390), 50);
    h.delay_us(h.ctx, 5);
    assert_int_equal(h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x390), 0);
    /* Misaligned and out-of-page MMIO. */
    (void)h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x24);
    (void)h.mmio_read32(h.ctx, TEST_LAPIC_MMIO + 0x400);
    assert_int_equal(m.bad_mmio, 2);
    /* CPUID leaves as set. */
    uint32_t r[4];
    h.cpuid(h.ctx, 1, 0, r);
    assert_int_equal(r[2] & (1u << 21), 1u << 21);
    h.cpuid(h.ctx, 0x40000000u, 0, r);
    assert_int_equal(r[0] | r[1] | r[2] | r[3], 0);
}

static void test_ioapic_model(void **state)
{
    (void)state;
    struct ioapic_model m;
    struct apic_host h;
    ioapic_model_init(&m, 0xFEC00000u, 3, 24);
    ioapic_model_host(&m, &h);
    /* 3.2.4: every entry masked after reset. */
    for (unsigned p = 0; p < 24; p++) {
        assert_int_equal(ioapic_model_entry(&m, p), 0x10000u);
    }
    h.mmio_write32(h.ctx, 0xFEC00000u, 1);
    assert_int_equal(h.mmio_read32(h.ctx, 0xFEC00010u), 0x00170011u);
    h.mmio_write32(h.ctx, 0xFEC00010u, 0);          /* version is read only */
    assert_int_equal(h.mmio_read32(h.ctx, 0xFEC00010u), 0x00170011u);
    h.mmio_write32(h.ctx, 0xFEC00000u, 0);
    h.mmio_write32(h.ctx, 0xFEC00010u, 0xFFFFFFFFu);
    assert_int_equal(m.id, 0x0F000000u);           /* only bits 27:24 */
    h.mmio_write32(h.ctx, 0xFEC00000u, 0x10);
    h.mmio_write32(h.ctx, 0xFEC00010u, 0xFFFFFFFFu);
    assert_int_equal(m.redtbl[0][0], 0xFFFFAFFFu);  /* bits 12, 14 stay 0 */
    h.mmio_write32(h.ctx, 0xFEC00000u, 0x11);
    h.mmio_write32(h.ctx, 0xFEC00010u, 0xFFFFFFFFu);
    assert_int_equal(m.redtbl[0][1], 0xFF000000u);  /* bits 55:32 reserved */
    h.mmio_write32(h.ctx, 0xFEC00000u, 0x40);       /* entry 24 does not exist */
    (void)h.mmio_read32(h.ctx, 0xFEC00010u);
    assert_int_equal(m.bad_index, 1);
    (void)h.mmio_read32(h.ctx, 0xFEC00004u);
    assert_int_equal(m.bad_access, 1);
}

static void test_hpet_model(void **state)
{
    (void)state;
    struct hpet_model m;
    struct apic_host h;
    const uintptr_t b = 0xFED00000u;
    hpet_model_init(&m, b, 0x8086A201ull | (10000000ull << 32), (1u << 4) | (1u << 5), 0x4);
    hpet_model_host(&m, &h, false);
    /* Counter halted: reads do not move it; writable. */
    h.mmio_write32(h.ctx, b + 0xF0, 100);
    assert_int_equal(h.mmio_read32(h.ctx, b + 0xF0), 100);
    assert_int_equal(h.mmio_read32(h.ctx, b + 0xF0), 100);
    /* Enabled: 100 MHz, each read 100 ns = 10 ticks. */
    h.mmio_write32(h.ctx, b + 0x10, 1);
    assert_int_equal(h.mmio_read32(h.ctx, b + 0xF0), 110);
    h.mmio_write32(h.ctx, b + 0xF0, 0);            /* ignored while running */
    assert_int_equal(h.mmio_read32(h.ctx, b + 0xF0), 120);
    /* LEG_RT_CNF only with LEG_RT_CAP; here it is capable. */
    h.mmio_write32(h.ctx, b + 0x10, 3);
    assert_int_equal(m.config, 3);
    /* Periodic with VAL_SET: a write with it pending sets that half of the
     * comparator and clears it (it reads back 0); writes without it set the period. */
    h.mmio_write32(h.ctx, b + 0x100, (1u << 2) | (1u << 3) | (1u << 6) | (2u << 9));
    assert_int_equal(h.mmio_read32(h.ctx, b + 0x100) & (1u << 6), 0);
    h.mmio_write32(h.ctx, b + 0x108, 5000);
    h.mmio_write32(h.ctx, b + 0x10C, 7);           /* VAL_SET used up: period high */
    assert_int_equal(m.timers[0].comparator, 0xFFFFFFFF00000000ull | 5000);
    assert_int_equal(m.timers[0].period >> 32, 7);
    h.mmio_write32(h.ctx, b + 0x100, (1u << 2) | (1u << 3) | (1u << 6) | (2u << 9));
    h.mmio_write32(h.ctx, b + 0x10C, 0);
    h.mmio_write32(h.ctx, b + 0x108, 1000);
    h.mmio_write32(h.ctx, b + 0x10C, 0);
    assert_int_equal(m.timers[0].comparator, 5000);
    assert_int_equal(m.timers[0].period, 1000);
    /* The capability bits read back; a route outside the cap is flagged. */
    assert_int_equal(h.mmio_read32(h.ctx, b + 0x100) & 0x30, 0x30);
    h.mmio_write32(h.ctx, b + 0x100, (1u << 2) | (3u << 9));
    assert_int_equal(m.bad_route, 1);
    /* Timer 3 does not exist (3 timers): reads 0. */
    assert_int_equal(h.mmio_read32(h.ctx, b + 0x160), 0);
    /* A 32-bit main counter has no high half. */
    hpet_model_init(&m, b, 0x80868201ull | (10000000ull << 32), 0, 1);
    hpet_model_set_counter(&m, 0x1FFFFFFFFull);
    assert_int_equal(h.mmio_read32(h.ctx, b + 0xF4), 0);
    assert_int_equal(h.mmio_read32(h.ctx, b + 0xF0), 0xFFFFFFFFu);
}

static void test_pic8259_model(void **state)
{
    (void)state;
    struct mock_port p;
    mock_port_init(&p);
    struct pic8259_model m;
    pic8259_model_init(&m, &p);
    /* Single mode (SNGL = 1) without ICW4 (IC4 = 0): ICW1, ICW2, done. */
    mock_port_write(&p, 0x20, 1, 0x12);
    mock_port_write(&p, 0x21, 1, 0x40);
    assert_true(m.chip[0].initialized);
    assert_int_equal(m.chip[0].icw4, 0);
    mock_port_write(&p, 0x21, 1, 0x55);          /* now OCW1 */
    assert_int_equal(m.chip[0].imr, 0x55);
    assert_int_equal(mock_port_read(&p, 0x21, 1), 0x55);
    /* ICW1 clears the IMR; a command write in the middle of the sequence is an error. */
    mock_port_write(&p, 0x20, 1, 0x11);
    assert_int_equal(m.chip[0].imr, 0);
    mock_port_write(&p, 0x20, 1, 0x20);
    assert_int_equal(m.chip[0].protocol_errors, 1);
    mock_port_write(&p, 0x21, 1, 0x20);
    mock_port_write(&p, 0x21, 1, 0x04);
    mock_port_write(&p, 0x21, 1, 0x01);
    assert_true(m.chip[0].initialized);
    assert_int_equal(m.chip[0].icw3, 0x04);
    mock_port_write(&p, 0xA0, 1, 0x11);
    mock_port_write(&p, 0xA1, 1, 0x28);
    mock_port_write(&p, 0xA1, 1, 0x02);
    mock_port_write(&p, 0xA1, 1, 0x01);
    /* Fixed priority: IRQ 3 in service holds IRQ 5 back until its EOI. */
    unsigned irq;
    pic8259_model_raise(&m, 3);
    assert_int_equal(pic8259_model_ack(&m, &irq), 0x23);
    pic8259_model_raise(&m, 5);
    assert_int_equal(pic8259_model_ack(&m, &irq), -1);
    pic8259_model_raise(&m, 1);                   /* higher priority: nests */
    assert_int_equal(pic8259_model_ack(&m, &irq), 0x21);
    mock_port_write(&p, 0x20, 1, 0x20);           /* non-specific: highest (IR1) */
    assert_int_equal(m.chip[0].isr, 0x08);
    mock_port_write(&p, 0x20, 1, 0x63);           /* specific IR3 */
    assert_int_equal(m.chip[0].isr, 0);
    assert_int_equal(pic8259_model_ack(&m, &irq), 0x25);
    /* OCW3 selects ISR or IRR for command-port reads. */
    mock_port_write(&p, 0x20, 1, 0x0B);
    assert_int_equal(mock_port_read(&p, 0x20, 1), 0x20);
    mock_port_write(&p, 0x20, 1, 0x0A);
    assert_int_equal(mock_port_read(&p, 0x20, 1), 0x00);
    /* Masked requests wait. */
    mock_port_write(&p, 0x20, 1, 0x20);
    mock_port_write(&p, 0x21, 1, 0x01);
    pic8259_model_raise(&m, 0);
    assert_int_equal(pic8259_model_ack(&m, &irq), -1);
    assert_int_equal(mock_port_read(&p, 0x20, 1), 0x01);   /* still requested */
}

static void test_pit_model(void **state)
{
    (void)state;
    struct mock_port p;
    mock_port_init(&p);
    struct pit_model m;
    pit_model_init(&m, &p);
    m.access_ns = 0;
    /* Mode 0: OUT low after the control word, high at terminal count. */
    mock_port_write(&p, 0x43, 1, 0x30);
    mock_port_write(&p, 0x40, 1, 100);
    mock_port_write(&p, 0x40, 1, 0);
    assert_false(pit_model_out(&m, 0));
    *m.now_ns += 50000;    /* 59 ticks, one of them the load */
    assert_int_equal(pit_model_count(&m, 0), 100 - 58);
    assert_false(pit_model_out(&m, 0));
    *m.now_ns += 50000;
    assert_true(pit_model_out(&m, 0));
    /* Latch: the value holds until both bytes are read. */
    mock_port_write(&p, 0x43, 1, 0x00);
    uint16_t held = pit_model_count(&m, 0);
    *m.now_ns += 10000;
    uint8_t lo = (uint8_t)mock_port_read(&p, 0x40, 1);
    uint8_t hi = (uint8_t)mock_port_read(&p, 0x40, 1);
    assert_int_equal(lo | (hi << 8), held);
    assert_int_not_equal(pit_model_count(&m, 0), held);
    /* Mode 2, count 0 = 65536: periodic, OUT low only at count 1. */
    mock_port_write(&p, 0x43, 1, 0x34);
    mock_port_write(&p, 0x40, 1, 0);
    mock_port_write(&p, 0x40, 1, 0);
    assert_int_equal(m.c[0].reload, 65536);
    assert_true(pit_model_out(&m, 0));
    /* Read-back of counter 0 status: OUT 1, null count 0, control 0x34. */
    mock_port_write(&p, 0x43, 1, 0xE2);
    assert_int_equal(mock_port_read(&p, 0x40, 1), 0xB4);
    /* Gate 2 low holds counter 2. */
    mock_port_write(&p, 0x43, 1, 0xB4);
    mock_port_write(&p, 0x42, 1, 0);
    mock_port_write(&p, 0x42, 1, 0);
    uint16_t c2 = pit_model_count(&m, 2);
    *m.now_ns += 1000000;
    assert_int_equal(pit_model_count(&m, 2), c2);
    mock_port_write(&p, 0x61, 1, 0x01);
    *m.now_ns += 1000000;
    assert_true(pit_model_count(&m, 2) < 65536 - 1190);
    assert_int_equal(m.unsupported, 0);
    mock_port_write(&p, 0x43, 1, 0x3B);           /* mode 5, BCD */
    assert_int_equal(m.unsupported, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lapic_model_reset_and_transitions),
        cmocka_unit_test(test_lapic_model_registers),
        cmocka_unit_test(test_ioapic_model),
        cmocka_unit_test(test_hpet_model),
        cmocka_unit_test(test_pic8259_model),
        cmocka_unit_test(test_pit_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
