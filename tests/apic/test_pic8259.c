/* apic/pic8259.h against the 8259A pair model. Command bytes are checked against
 * the 8259A datasheet's formats: ICW1 (A0 = 0, D4 = 1; D0 IC4, D1 SNGL, D3 LTIM),
 * ICW2 (A0 = 1, T7-T3 vector base), ICW3 (master: bit per slave input; slave: its
 * ID), ICW4 (D0 uPM 8086, D1 AEOI), OCW1 (the mask), OCW2 (D7-D5 R SL EOI: 001
 * non-specific, 011 specific with L2-L0), OCW3 (D4:D3 = 01, RR RIS: 10 IRR, 11 ISR). */
#include "apic_test.h"
#include "pic8259_model.h"
#include "port_test.h"

struct pic_fixture {
    struct mock_port ports;
    struct pic8259_model model;
    struct apic_host host;
};

static void pic_fixture_init(struct pic_fixture *f)
{
    mock_port_init(&f->ports);
    pic8259_model_init(&f->model, &f->ports);
    f->host = port_host(&f->ports);
}

static void test_remap_sequence(void **state)
{
    (void)state;
    struct pic_fixture f;
    pic_fixture_init(&f);
    assert_int_equal(apic_pic8259_remap(&f.host, 0x20, 0x28, 0xFFFB), APIC_OK);
    uint32_t w[16];
    size_t n = port_writes(&f.ports, 0, w, 16);
    const uint32_t expect[] = {
        0x2011, 0xA011,   /* ICW1: edge, cascade, ICW4 needed */
        0x2120, 0xA128,   /* ICW2: vectors 0x20-0x27, 0x28-0x2F */
        0x2104, 0xA102,   /* ICW3: slave on IR2; slave ID 2 */
        0x2101, 0xA101,   /* ICW4: 8086 mode, normal EOI */
        0x21FB, 0xA1FF,   /* OCW1: all masked but the cascade */
    };
    assert_int_equal(n, sizeof expect / sizeof expect[0]);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(w[i], expect[i]);
    }
    assert_int_equal(f.model.delay_writes, 8);   /* a recovery write after each ICW */
    for (int c = 0; c < 2; c++) {
        assert_true(f.model.chip[c].initialized);
        assert_int_equal(f.model.chip[c].protocol_errors, 0);
    }
    assert_int_equal(apic_pic8259_get_mask(&f.host), 0xFFFB);
    assert_int_equal(f.ports.unclaimed, 0);
    /* Bases must leave the low three bits to the IR level and avoid exceptions. */
    assert_int_equal(apic_pic8259_remap(&f.host, 0x21, 0x28, 0), APIC_INVALID_ARGUMENT);
    assert_int_equal(apic_pic8259_remap(&f.host, 0x08, 0x70, 0), APIC_INVALID_ARGUMENT);
}

static void test_masks(void **state)
{
    (void)state;
    struct pic_fixture f;
    pic_fixture_init(&f);
    assert_int_equal(apic_pic8259_remap(&f.host, 0x30, 0x38, 0xFFFF), APIC_OK);
    assert_int_equal(apic_pic8259_mask_irq(&f.host, 12, false), APIC_OK);
    /* Unmasking IRQ 12 opens slave input 4 and the master's cascade input 2. */
    assert_int_equal(f.model.chip[1].imr, 0xEF);
    assert_int_equal(f.model.chip[0].imr, 0xFB);
    assert_int_equal(apic_pic8259_mask_irq(&f.host, 1, false), APIC_OK);
    assert_int_equal(f.model.chip[0].imr, 0xF9);
    assert_int_equal(apic_pic8259_mask_irq(&f.host, 12, true), APIC_OK);
    assert_int_equal(f.model.chip[1].imr, 0xFF);
    assert_int_equal(apic_pic8259_mask_irq(&f.host, 16, true), APIC_INVALID_ARGUMENT);
}

static void test_eoi(void **state)
{
    (void)state;
    struct pic_fixture f;
    pic_fixture_init(&f);
    assert_int_equal(apic_pic8259_remap(&f.host, 0x20, 0x28, 0x0000), APIC_OK);
    unsigned irq;
    pic8259_model_raise(&f.model, 1);
    assert_int_equal(pic8259_model_ack(&f.model, &irq), 0x21);
    assert_int_equal(apic_pic8259_isr(&f.host), 0x0002);
    size_t from = f.ports.log_count;
    assert_int_equal(apic_pic8259_eoi(&f.host, 1), APIC_OK);
    uint32_t w[4];
    assert_int_equal(port_writes(&f.ports, from, w, 4), 1);
    assert_int_equal(w[0], 0x2020);                  /* OCW2 non-specific EOI */
    assert_int_equal(f.model.chip[0].isr, 0);

    pic8259_model_raise(&f.model, 12);
    assert_int_equal(pic8259_model_ack(&f.model, &irq), 0x2C);
    assert_int_equal(irq, 12);
    assert_int_equal(apic_pic8259_isr(&f.host), 0x1004);   /* slave IR4, master IR2 */
    from = f.ports.log_count;
    assert_int_equal(apic_pic8259_eoi(&f.host, 12), APIC_OK);
    assert_int_equal(port_writes(&f.ports, from, w, 4), 2);
    assert_int_equal(w[0], 0xA020);                  /* slave first, */
    assert_int_equal(w[1], 0x2020);                  /* then the master */
    assert_int_equal(apic_pic8259_isr(&f.host), 0);

    /* Specific EOI: OCW2 011 L2-L0. */
    pic8259_model_raise(&f.model, 9);
    assert_int_equal(pic8259_model_ack(&f.model, &irq), 0x29);
    from = f.ports.log_count;
    assert_int_equal(apic_pic8259_eoi_specific(&f.host, 9), APIC_OK);
    assert_int_equal(port_writes(&f.ports, from, w, 4), 2);
    assert_int_equal(w[0], 0xA061);
    assert_int_equal(w[1], 0x2062);
    assert_int_equal(apic_pic8259_isr(&f.host), 0);
    pic8259_model_raise(&f.model, 3);
    assert_int_equal(pic8259_model_ack(&f.model, &irq), 0x23);
    from = f.ports.log_count;
    assert_int_equal(apic_pic8259_eoi_specific(&f.host, 3), APIC_OK);
    assert_int_equal(port_writes(&f.ports, from, w, 4), 1);
    assert_int_equal(w[0], 0x2063);
    assert_int_equal(f.model.chip[0].eoi_specific, 2);
    assert_int_equal(apic_pic8259_eoi(&f.host, 16), APIC_INVALID_ARGUMENT);
}

static void test_isr_irr_reads(void **state)
{
    (void)state;
    struct pic_fixture f;
    pic_fixture_init(&f);
    assert_int_equal(apic_pic8259_remap(&f.host, 0x20, 0x28, 0x0000), APIC_OK);
    unsigned irq;
    pic8259_model_raise(&f.model, 1);
    pic8259_model_raise(&f.model, 4);
    pic8259_model_raise(&f.model, 14);
    assert_int_equal(pic8259_model_ack(&f.model, &irq), 0x21);
    size_t from = f.ports.log_count;
    assert_int_equal(apic_pic8259_isr(&f.host), 0x0002);
    uint32_t w[8];
    assert_int_equal(port_writes(&f.ports, from, w, 8), 4);
    assert_int_equal(w[0], 0x200B);                  /* OCW3 read ISR */
    assert_int_equal(w[1], 0xA00B);
    assert_int_equal(w[2], 0x200A);                  /* back to IRR */
    assert_int_equal(w[3], 0xA00A);
    assert_int_equal(apic_pic8259_irr(&f.host), 0x4010);
    assert_false(f.model.chip[0].read_isr);
}

static void test_spurious(void **state)
{
    (void)state;
    struct pic_fixture f;
    pic_fixture_init(&f);
    assert_int_equal(apic_pic8259_remap(&f.host, 0x20, 0x28, 0x0000), APIC_OK);
    /* IRQ 7 whose request vanished: vector 0x27, no ISR bit, no EOI. */
    assert_int_equal(pic8259_model_spurious(&f.model, false), 0x27);
    assert_true(apic_pic8259_spurious(&f.host, 7));
    assert_int_equal(f.model.chip[0].eoi_nonspecific, 0);
    /* A real IRQ 7. */
    unsigned irq;
    pic8259_model_raise(&f.model, 7);
    assert_int_equal(pic8259_model_ack(&f.model, &irq), 0x27);
    assert_false(apic_pic8259_spurious(&f.host, 7));
    assert_int_equal(apic_pic8259_eoi(&f.host, 7), APIC_OK);
    /* IRQ 15 spurious at the slave: the master's IR2 is in service and gets its
     * EOI; the slave gets none. */
    assert_int_equal(pic8259_model_spurious(&f.model, true), 0x2F);
    size_t slave_eois = f.model.chip[1].eoi_nonspecific;
    assert_true(apic_pic8259_spurious(&f.host, 15));
    assert_int_equal(f.model.chip[0].isr, 0);
    assert_int_equal(f.model.chip[1].eoi_nonspecific, slave_eois);
    /* Other IRQs are never spurious. */
    assert_false(apic_pic8259_spurious(&f.host, 3));
}

static void test_disable(void **state)
{
    (void)state;
    struct pic_fixture f;
    pic_fixture_init(&f);
    assert_int_equal(apic_pic8259_disable(&f.host, 0xF0, 0xF8), APIC_OK);
    assert_int_equal(f.model.chip[0].icw2, 0xF0);
    assert_int_equal(f.model.chip[1].icw2, 0xF8);
    assert_int_equal(f.model.chip[0].imr, 0xFF);
    assert_int_equal(f.model.chip[1].imr, 0xFF);
    unsigned irq;
    pic8259_model_raise(&f.model, 0);
    pic8259_model_raise(&f.model, 9);
    assert_int_equal(pic8259_model_ack(&f.model, &irq), -1);   /* nothing reaches the CPU */
    struct apic_host none = {0};
    assert_int_equal(apic_pic8259_disable(&none, 0xF0, 0xF8), APIC_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_remap_sequence),
        cmocka_unit_test(test_masks),
        cmocka_unit_test(test_eoi),
        cmocka_unit_test(test_isr_irr_reads),
        cmocka_unit_test(test_spurious),
        cmocka_unit_test(test_disable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
