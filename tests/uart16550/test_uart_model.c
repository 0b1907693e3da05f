/* The 16550 model itself, against the PC16550D datasheet (register sections named in
 * each test): if the model lies, the driver tests lie. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "uart_model.h"

static void test_reset_state(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    /* Table III: LSR = 0110 0000 (THRE, TEMT), IIR = 0000 0001, others 0. */
    assert_int_equal(uart_model_read(&m, 5), 0x60);
    assert_int_equal(uart_model_read(&m, 2), 0x01);
    assert_int_equal(uart_model_read(&m, 1), 0x00);
    assert_int_equal(uart_model_read(&m, 3), 0x00);
    assert_int_equal(uart_model_read(&m, 4), 0x00);
}

static void test_dlab_selects_divisor_latch(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    uart_model_write(&m, 3, 0x80); /* LCR bit 7: DLAB */
    uart_model_write(&m, 0, 0x0C);
    uart_model_write(&m, 1, 0x00);
    assert_int_equal(uart_model_divisor(&m), 12);
    assert_int_equal(m.tx_len, 0); /* nothing went to THR */
    uart_model_write(&m, 3, 0x03);
    uart_model_write(&m, 0, 'A');  /* DLAB = 0: THR */
    uart_model_write(&m, 1, 0x05); /* IER */
    assert_int_equal(uart_model_divisor(&m), 12);
    assert_int_equal(m.tx_len, 1);
    assert_int_equal(m.tx[0], 'A');
    assert_int_equal(uart_model_read(&m, 1), 0x05);
    assert_true(m.log[1].dlab);
    assert_false(m.log[5].dlab);
}

static void test_lsr_read_clears_errors(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    uart_model_write(&m, 2, 0x01); /* FIFOs on */
    for (int i = 0; i < 17; i++) { /* one more than the 16-byte FIFO */
        uart_model_receive(&m, (uint8_t)i, 0);
    }
    uart_model_receive(&m, 0x55, 0x04);
    /* Line Status Register: OE set on overrun, reset when the CPU reads LSR; DR with data. */
    uint8_t lsr = uart_model_read(&m, 5);
    assert_int_equal(lsr & 0x03, 0x03);
    assert_int_equal(uart_model_read(&m, 5) & 0x02, 0);
    assert_int_equal(uart_model_read(&m, 0), 0); /* the FIFO kept the first 16 */
}

static void test_per_character_errors(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    uart_model_write(&m, 2, 0x01);
    uart_model_receive(&m, 'a', 0);
    uart_model_receive(&m, 'b', 0x08); /* framing error on 'b' */
    /* Line Status Register: PE/FE/BI are revealed when their character is at the top of the FIFO;
     * bit 7 says some character in the FIFO has an error. */
    assert_int_equal(uart_model_read(&m, 5), 0x01 | 0x20 | 0x40 | 0x80);
    assert_int_equal(uart_model_read(&m, 0), 'a');
    assert_int_equal(uart_model_read(&m, 5), 0x01 | 0x08 | 0x20 | 0x40 | 0x80);
    assert_int_equal(uart_model_read(&m, 0), 'b');
    assert_int_equal(uart_model_read(&m, 5), 0x60);
}

static void test_loopback(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    uart_model_write(&m, 4, 0x10 | 0x02 | 0x08); /* LOOP, RTS, OUT2 */
    /* Modem Control Register: in loopback RTS drives CTS and OUT2 drives DCD. */
    assert_int_equal(uart_model_read(&m, 6) & 0xF0, 0x10 | 0x80);
    uart_model_write(&m, 0, 0x5A);
    assert_int_equal(m.tx_len, 0); /* the transmitter output is held in mark state */
    assert_int_equal(uart_model_read(&m, 5) & 0x01, 0x01);
    assert_int_equal(uart_model_read(&m, 0), 0x5A);
}

static void test_fifo_control(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    uart_model_write(&m, 2, 0xC1); /* enable, trigger 14 */
    assert_int_equal(uart_model_read(&m, 2) & 0xC0, 0xC0);
    uart_model_receive(&m, 1, 0);
    uart_model_write(&m, 2, 0xC3); /* clear the receive FIFO */
    assert_int_equal(uart_model_read(&m, 5) & 0x01, 0);
    m.no_fifo = true;              /* a 16450 ignores FCR */
    uart_model_write(&m, 2, 0x00);
    assert_int_equal(uart_model_read(&m, 2) & 0xC0, 0x00);
}

static void test_interrupt_priorities(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    uart_model_write(&m, 1, 0x0F);
    /* Table IV: THRE pending after enabling ETBEI with THR empty; reading IIR
     * clears it. */
    assert_int_equal(uart_model_read(&m, 2), 0x02);
    assert_int_equal(uart_model_read(&m, 2), 0x01);
    uart_model_receive(&m, 'x', 0);
    assert_int_equal(uart_model_read(&m, 2), 0x04);
    uart_model_receive(&m, 'y', 0);  /* non-FIFO: overrun */
    assert_int_equal(uart_model_read(&m, 2), 0x06); /* line status first */
    uart_model_set_lines(&m, 0x10);
    (void)uart_model_read(&m, 5);
    (void)uart_model_read(&m, 0);
    assert_int_equal(uart_model_read(&m, 2), 0x00); /* modem status */
    assert_int_equal(uart_model_read(&m, 6), 0x11); /* CTS and DCTS */
    assert_int_equal(uart_model_read(&m, 6), 0x10); /* delta cleared by the read */
}

static void test_absent_and_strided(void **state)
{
    (void)state;
    struct uart_model m;
    uart_model_init(&m);
    m.absent = true;
    assert_int_equal(uart_model_read(&m, 5), 0xFF);
    uart_model_init(&m);
    m.base = 0x10000;
    m.reg_shift = 2;
    uart_model_addr_write(&m, 0x10000 + 7 * 4, 0x42);
    assert_int_equal(uart_model_read(&m, 7), 0x42);
    assert_int_equal(uart_model_addr_read(&m, 0x10000 + 7 * 4), 0x42);
    uart_model_addr_write(&m, 0x10001, 1);  /* misaligned */
    uart_model_addr_write(&m, 0x10000 + 8 * 4, 1); /* past the 8 registers */
    assert_int_equal(m.bad_addr, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reset_state),
        cmocka_unit_test(test_dlab_selects_divisor_latch),
        cmocka_unit_test(test_lsr_read_clears_errors),
        cmocka_unit_test(test_per_character_errors),
        cmocka_unit_test(test_loopback),
        cmocka_unit_test(test_fifo_control),
        cmocka_unit_test(test_interrupt_priorities),
        cmocka_unit_test(test_absent_and_strided),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
