/* uart16550 driver against the register-level 16550 model (tests/support/uart_model.h).
 * Expected register values come from the PC16550D datasheet: divisors from its
 * Table I ("Baud Rates Using 1.8432 MHz Crystal"), LCR/FCR/MCR bits from its register
 * sections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mock_port.h"
#include "uart16550/backend.h"
#include "uart16550/uart16550.h"
#include "uart_model.h"

static const struct uart16550_backend model_backend = {uart_model_addr_read,
                                                       uart_model_addr_write};

static struct uart16550_config default_config(void)
{
    struct uart16550_config cfg = UART16550_CONFIG_DEFAULT;
    return cfg;
}

/* Inits a fresh model and the driver on it; register n at base + n. */
static enum uart16550_status bring_up(struct uart_model *m, struct uart16550 *u,
                                      const struct uart16550_config *cfg)
{
    uart_model_init(m);
    return uart16550_init(u, &model_backend, m, 0, 0, cfg);
}

/* The writes of the log, as "reg:value" pairs with DLAB, for sequence checks. */
static size_t writes(const struct uart_model *m, struct uart_model_access *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < m->log_count && n < max; i++) {
        if (m->log[i].is_write) {
            out[n++] = m->log[i];
        }
    }
    return n;
}

static void test_divisor_table(void **state)
{
    (void)state;
    /* PC16550D Table I, 1.8432 MHz: baud rate -> divisor (decimal). */
    static const struct { uint32_t baud; uint16_t divisor; } table[] = {
        {50, 2304}, {75, 1536}, {110, 1047}, {150, 768}, {300, 384}, {600, 192},
        {1200, 96}, {1800, 64}, {2000, 58}, {2400, 48}, {3600, 32}, {4800, 24},
        {7200, 16}, {9600, 12}, {19200, 6}, {38400, 3}, {56000, 2},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        uint16_t divisor = 0;
        assert_int_equal(uart16550_divisor(0, table[i].baud, &divisor), UART16550_OK);
        assert_int_equal(divisor, table[i].divisor);
    }
    uint16_t divisor = 0;
    assert_int_equal(uart16550_divisor(1843200, 115200, &divisor), UART16550_OK);
    assert_int_equal(divisor, 1);
    assert_int_equal(uart16550_divisor(0, 0, &divisor), UART16550_BAD_BAUD);
    assert_int_equal(uart16550_divisor(0, 115201, &divisor), UART16550_BAD_BAUD);
    assert_int_equal(uart16550_divisor(0, 1, &divisor), UART16550_BAD_BAUD); /* 115200 */
    assert_int_equal(uart16550_divisor(0, 9600, NULL), UART16550_BAD_CONFIG);
    /* 65535 is the largest divisor: 1843200 / 16 / 65535 = 1.76 rounds to 2 baud. */
    assert_int_equal(uart16550_divisor(0, 2, &divisor), UART16550_OK);
    assert_int_equal(divisor, 57600);
    assert_int_equal(uart16550_divisor(UINT32_MAX, 1, &divisor), UART16550_BAD_BAUD);
}

static void test_init_sequence(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    cfg.loopback_test = false;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    struct uart_model_access w[16];
    size_t n = writes(&m, w, 16);
    /* IER off; DLAB; DLL, DLM (with DLAB set); LCR 8N1 (DLAB clear); FCR enable +
     * clear both FIFOs + trigger 14; MCR DTR | RTS | OUT2. */
    static const struct { uint8_t reg, value; bool dlab; } want[] = {
        {1, 0x00, false}, {3, 0x80, false}, {0, 0x01, true}, {1, 0x00, true},
        {3, 0x03, true}, {2, 0xC7, false}, {4, 0x0B, false},
    };
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(w[i].reg, want[i].reg);
        assert_int_equal(w[i].value, want[i].value);
        assert_int_equal(w[i].dlab, want[i].dlab);
    }
    assert_int_equal(uart_model_divisor(&m), 1);
    assert_int_equal(m.lcr, 0x03);
    assert_int_equal(m.ier, 0x00);
    assert_int_equal(m.mcr, 0x0B);
    assert_int_equal(m.tx_len, 0);
}

static void test_line_control_values(void **state)
{
    (void)state;
    /* Line Control Register: WLS = data bits - 5; STB; PEN; EPS; stick parity (bit 5). */
    static const struct {
        uint8_t data_bits, stop_bits;
        enum uart16550_parity parity;
        uint8_t lcr;
    } cases[] = {
        {8, 1, UART16550_PARITY_NONE, 0x03}, {7, 2, UART16550_PARITY_EVEN, 0x1E},
        {5, 1, UART16550_PARITY_ODD, 0x08},  {6, 1, UART16550_PARITY_MARK, 0x29},
        {8, 2, UART16550_PARITY_SPACE, 0x3F},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct uart_model m;
        struct uart16550 u;
        struct uart16550_config cfg = default_config();
        cfg.data_bits = cases[i].data_bits;
        cfg.stop_bits = cases[i].stop_bits;
        cfg.parity = cases[i].parity;
        cfg.baud = 9600;
        cfg.fifo_trigger = UART16550_TRIGGER_4;
        assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
        assert_int_equal(m.lcr, cases[i].lcr);
        assert_int_equal(uart_model_divisor(&m), 12);
        assert_int_equal(m.fcr, 0x41); /* enable, trigger 4 (FCR bits 6-7 = 01) */
    }
}

static void test_bad_config_touches_nothing(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    cfg.data_bits = 9;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_BAD_CONFIG);
    cfg = default_config();
    cfg.stop_bits = 3;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_BAD_CONFIG);
    cfg = default_config();
    cfg.parity = (enum uart16550_parity)9;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_BAD_CONFIG);
    cfg = default_config();
    cfg.fifo_trigger = (enum uart16550_fifo_trigger)4;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_BAD_CONFIG);
    cfg = default_config();
    cfg.baud = 0;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_BAD_BAUD);
    assert_int_equal(m.log_count, 0);
    assert_int_equal(uart16550_init(&u, NULL, &m, 0, 0, &cfg), UART16550_BAD_CONFIG);
    assert_int_equal(uart16550_init(&u, &model_backend, &m, 0, 0, NULL), UART16550_BAD_CONFIG);
}

static void test_loopback_self_test(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    /* The test byte went through loopback, never out of the line, and MCR is back
     * to normal with loopback off. */
    assert_int_equal(m.tx_len, 0);
    assert_int_equal(m.mcr, 0x0B);
    bool saw_loop = false;
    for (size_t i = 0; i < m.log_count; i++) {
        if (m.log[i].is_write && m.log[i].reg == 4 && (m.log[i].value & 0x10)) {
            saw_loop = true;
        }
    }
    assert_true(saw_loop);

    /* A missing chip (floating bus, all ones) and a broken loopback are reported,
     * within the spin limit. */
    cfg.spin_limit = 100;
    uart_model_init(&m);
    m.absent = true;
    assert_int_equal(uart16550_init(&u, &model_backend, &m, 0, 0, &cfg), UART16550_NOT_PRESENT);
    uart_model_init(&m);
    m.loopback_broken = true;
    assert_int_equal(uart16550_init(&u, &model_backend, &m, 0, 0, &cfg), UART16550_NOT_PRESENT);
    assert_true(m.log_count < 130);
    assert_int_equal(m.mcr, 0x0B);
}

static void test_write_crlf(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    assert_int_equal(uart16550_write_string(&u, "hi\nyo\n"), UART16550_OK);
    assert_int_equal(m.tx_len, 8);
    assert_memory_equal(m.tx, "hi\r\nyo\r\n", 8);

    cfg.crlf = false;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    size_t written = 0;
    assert_int_equal(uart16550_write(&u, "a\nb", 3, &written), UART16550_OK);
    assert_int_equal(written, 3);
    assert_memory_equal(m.tx, "a\nb", 3);
    assert_int_equal(uart16550_send_byte(&u, '\n'), UART16550_OK); /* raw: never translated */
    assert_int_equal(m.tx_len, 4);
    assert_int_equal(m.tx_overflow, 0);
}

static void test_busy_transmitter_without_fifo(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    cfg.fifo = false;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    m.tx_busy_polls = 3; /* each byte needs three LSR polls to leave */
    assert_int_equal(uart16550_write_string(&u, "abc\n"), UART16550_OK);
    assert_int_equal(m.tx_len, 5);
    assert_memory_equal(m.tx, "abc\r\n", 5);
    assert_int_equal(m.tx_overflow, 0);
    assert_int_equal(uart16550_flush(&u), UART16550_OK);

    /* Non-blocking: one byte fits, the next would block. */
    size_t written = 9;
    assert_int_equal(uart16550_try_write(&u, "xy", 2, &written), UART16550_WOULD_BLOCK);
    assert_int_equal(written, 1);
    assert_int_equal(uart16550_try_send_byte(&u, 'z'), UART16550_WOULD_BLOCK);
    assert_int_equal(m.tx_overflow, 0);
}

static void test_try_write_keeps_lf_owed(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    cfg.fifo = false;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    m.tx_dead = true; /* nothing leaves until the test says so */
    m.tx_pending = 0;
    size_t written = 0;
    assert_int_equal(uart16550_try_write(&u, "\nq", 2, &written), UART16550_WOULD_BLOCK);
    assert_int_equal(written, 1); /* "\r" went out, "\n" is owed */
    assert_int_equal(m.tx_len, 1);
    m.tx_dead = false;
    m.tx_busy_polls = 5; /* from now on each byte stays in THR for five polls */
    m.tx_pending = 0;
    assert_int_equal(uart16550_try_send_byte(&u, 'q'), UART16550_WOULD_BLOCK);
    assert_memory_equal(m.tx, "\r\n", 2); /* the owed "\n" went first */
    m.tx_pending = 0;
    assert_int_equal(uart16550_try_send_byte(&u, 'q'), UART16550_OK);
    assert_memory_equal(m.tx, "\r\nq", 3);
}

static void test_dead_transmitter_times_out(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    cfg.spin_limit = 50;
    cfg.fifo = false;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    m.tx_dead = true;
    assert_int_equal(uart16550_send_byte(&u, 'a'), UART16550_OK); /* THR was empty */
    uart_model_clear_log(&m);
    assert_int_equal(uart16550_send_byte(&u, 'b'), UART16550_TIMEOUT);
    assert_int_equal(m.log_count, 50); /* exactly spin_limit LSR polls */
    size_t written = 7;
    assert_int_equal(uart16550_write(&u, "cd", 2, &written), UART16550_TIMEOUT);
    assert_int_equal(written, 0);
    assert_int_equal(uart16550_flush(&u), UART16550_TIMEOUT);
}

static void test_flow_control(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    /* Off (default): CTS is never looked at, so an unwired CTS does not stop output. */
    struct uart16550_config cfg = default_config();
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    uart_model_set_lines(&m, 0x00);
    assert_int_equal(uart16550_send_byte(&u, 'x'), UART16550_OK);
    assert_int_equal(m.tx_len, 1);
    /* On: waits for CTS (bounded), sends once it is set. */
    cfg.flow_control = true;
    cfg.spin_limit = 20;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    assert_int_equal(uart16550_send_byte(&u, 'y'), UART16550_TIMEOUT);
    assert_int_equal(uart16550_try_send_byte(&u, 'y'), UART16550_WOULD_BLOCK);
    assert_int_equal(m.tx_len, 0);
    uart_model_set_lines(&m, 0x10);
    assert_int_equal(uart16550_send_byte(&u, 'y'), UART16550_OK);
    assert_int_equal(m.tx[0], 'y');
}

static void test_receive(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    cfg.spin_limit = 10;
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    uint8_t byte = 0;
    assert_int_equal(uart16550_try_receive_byte(&u, &byte), UART16550_WOULD_BLOCK);
    assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_TIMEOUT);
    assert_int_equal(uart16550_receive_byte(&u, NULL), UART16550_BAD_CONFIG);
    for (unsigned i = 0; i < 256; i++) {
        uart_model_receive(&m, (uint8_t)i, 0);
        assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_OK);
        assert_int_equal(byte, i);
    }
    uart_model_receive(&m, 'k', 0);
    assert_int_equal(uart16550_try_receive_byte(&u, &byte), UART16550_OK);
    assert_int_equal(byte, 'k');
    assert_int_equal(u.last_errors, 0);
}

static void test_line_errors(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    uint8_t byte = 0;
    uart_model_receive(&m, 'p', 0x04);
    uart_model_receive(&m, 'f', 0x08);
    uart_model_receive(&m, 0, 0x10 | 0x08); /* a break also shows as framing error */
    uart_model_receive(&m, 'o', 0);
    assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_PARITY_ERROR);
    assert_int_equal(byte, 'p');
    assert_int_equal(u.last_errors, 0x04);
    assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_FRAMING_ERROR);
    assert_int_equal(byte, 'f');
    assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_BREAK);
    assert_int_equal(byte, 0);
    assert_int_equal(u.last_errors, 0x18);
    assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_OK);
    assert_int_equal(byte, 'o');

    /* Overrun: 17 bytes into the 16-byte FIFO. */
    for (unsigned i = 0; i < 17; i++) {
        uart_model_receive(&m, (uint8_t)('A' + i), 0);
    }
    assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_OVERRUN);
    assert_int_equal(byte, 'A');
    for (unsigned i = 1; i < 16; i++) {
        assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_OK);
        assert_int_equal(byte, 'A' + i);
    }

    /* An error seen while a send polled LSR (which clears it in the chip) is still
     * reported by the next receive. */
    uart_model_receive(&m, 'e', 0x04);
    assert_int_equal(uart16550_send_byte(&u, '.'), UART16550_OK);
    assert_int_equal(uart16550_receive_byte(&u, &byte), UART16550_PARITY_ERROR);
    assert_int_equal(byte, 'e');
}

static void test_interrupts_and_modem(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    assert_int_equal(bring_up(&m, &u, &cfg), UART16550_OK);
    uart16550_enable_interrupts(&u, UART16550_IER_ERBFI | UART16550_IER_ETBEI);
    assert_int_equal(m.ier, 0x03);
    assert_int_equal(uart16550_interrupt_id(&u), UART16550_IIR_FIFOS_ON | UART16550_IIR_ID_THRE);
    assert_int_equal(uart16550_interrupt_id(&u), UART16550_IIR_FIFOS_ON | UART16550_IIR_NO_INT);
    uart16550_disable_interrupts(&u, UART16550_IER_ETBEI);
    assert_int_equal(m.ier, 0x01);
    for (unsigned i = 0; i < 14; i++) { /* trigger level 14 reached: RDA, not timeout */
        uart_model_receive(&m, 'r', 0);
    }
    assert_int_equal(uart16550_interrupt_id(&u), UART16550_IIR_FIFOS_ON | UART16550_IIR_ID_RDA);

    uart16550_set_modem_control(&u, UART16550_MCR_DTR | UART16550_MCR_OUT2);
    assert_int_equal(uart16550_modem_control(&u), 0x09);
    uart_model_set_lines(&m, UART16550_MSR_DSR | UART16550_MSR_DCD);
    assert_int_equal(uart16550_modem_status(&u), 0x20 | 0x80 | 0x02 | 0x08);
    assert_int_equal(uart16550_modem_status(&u), 0x20 | 0x80);
}

static void test_16450_without_fifo(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config(); /* asks for FIFOs */
    uart_model_init(&m);
    m.no_fifo = true;
    m.tx_busy_polls = 2;
    assert_int_equal(uart16550_init(&u, &model_backend, &m, 0, 0, &cfg), UART16550_OK);
    /* IIR bits 6-7 stayed 0, so the driver sends one byte per THRE, losing none. */
    assert_int_equal(uart16550_write_string(&u, "0123456789abcdefXYZ"), UART16550_OK);
    assert_int_equal(m.tx_overflow, 0);
    assert_int_equal(m.tx_len, 19);
}

static void test_strided_mmio(void **state)
{
    (void)state;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    uart_model_init(&m);
    m.base = 0x10000000;
    m.reg_shift = 2;
    assert_int_equal(uart16550_init(&u, &model_backend, &m, 0x10000000, 2, &cfg), UART16550_OK);
    assert_int_equal(uart16550_write_string(&u, "ok"), UART16550_OK);
    assert_int_equal(m.bad_addr, 0);
    assert_memory_equal(m.tx, "ok", 2);
    assert_int_equal(m.lcr, 0x03);
}

/* The ready-made MMIO backends on plain memory standing in for the registers: each
 * register access is one access of the backend's width at base + (n << reg_shift). */
static void test_mmio_backends_on_memory(void **state)
{
    (void)state;
    uint32_t words[8];
    memset(words, 0xEE, sizeof words);
    uart16550_backend_mmio32.write(NULL, (uintptr_t)&words[3], 0x83);
    assert_int_equal(words[3], 0x00000083u); /* a full 32-bit store, upper bits 0 */
    words[5] = 0xFFFFFF60u;
    assert_int_equal(uart16550_backend_mmio32.read(NULL, (uintptr_t)&words[5]), 0x60);

    uint8_t bytes[8];
    memset(bytes, 0xEE, sizeof bytes);
    uart16550_backend_mmio8.write(NULL, (uintptr_t)&bytes[4], 0x0B);
    assert_int_equal(bytes[4], 0x0B);
    assert_int_equal(bytes[3], 0xEE);
    assert_int_equal(bytes[5], 0xEE);
    assert_int_equal(uart16550_backend_mmio8.read(NULL, (uintptr_t)&bytes[4]), 0x0B);

    /* init over memory with a stride of 4: the last value written to each register
     * is left in its word (memory does not split THR/DLL or IIR/FCR). */
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    cfg.loopback_test = false;
    cfg.baud = 9600;
    memset(words, 0, sizeof words);
    assert_int_equal(uart16550_init_mmio32(&u, (uintptr_t)words, 2, &cfg), UART16550_OK);
    assert_int_equal(words[0], 12);   /* DLL */
    assert_int_equal(words[1], 0);    /* DLM, after IER = 0 */
    assert_int_equal(words[2], 0xC7); /* FCR */
    assert_int_equal(words[3], 0x03); /* LCR */
    assert_int_equal(words[4], 0x0B); /* MCR */
    assert_int_equal(words[5], 0);    /* LSR was only read */
}

/* The port backend's shape: 8-bit accesses at base + n, here through mock_port. */
static uint8_t port_read(void *ctx, uintptr_t addr)
{
    return mock_port_in8(ctx, (uint16_t)addr);
}

static void port_write(void *ctx, uintptr_t addr, uint8_t value)
{
    mock_port_out8(ctx, (uint16_t)addr, value);
}

static void test_com1_through_mock_ports(void **state)
{
    (void)state;
    static struct mock_port ports;
    struct uart_model m;
    struct uart16550 u;
    struct uart16550_config cfg = default_config();
    const struct uart16550_backend backend = {port_read, port_write};
    uart_model_init(&m);
    m.base = 0x3F8;
    mock_port_init(&ports);
    assert_int_equal(mock_port_add(&ports, 0x3F8, 8, uart_model_port_read, uart_model_port_write, &m), 0);
    assert_int_equal(uart16550_init(&u, &backend, &ports, 0x3F8, 0, &cfg), UART16550_OK);
    assert_int_equal(uart16550_write_string(&u, "COM1"), UART16550_OK);
    assert_memory_equal(m.tx, "COM1", 4);
    assert_int_equal(ports.unclaimed, 0);
    for (size_t i = 0; i < ports.log_count; i++) {
        assert_int_equal(ports.log[i].width, 1);
        assert_in_range(ports.log[i].port, 0x3F8, 0x3FF);
    }
    /* Nothing at COM2: the all-ones bus fails the self-test instead of hanging. */
    cfg.spin_limit = 100;
    assert_int_equal(uart16550_init(&u, &backend, &ports, 0x2F8, 0, &cfg), UART16550_NOT_PRESENT);
}

static void test_status_str(void **state)
{
    (void)state;
    assert_string_equal(uart16550_status_str(UART16550_OK), "ok");
    assert_string_equal(uart16550_status_str(UART16550_TIMEOUT), "timed out");
    assert_string_equal(uart16550_status_str(UART16550_BREAK), "break received");
    for (int s = 0; s <= UART16550_BREAK; s++) {
        assert_string_not_equal(uart16550_status_str((enum uart16550_status)s), "unknown status");
    }
    assert_string_equal(uart16550_status_str((enum uart16550_status)42), "unknown status");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_divisor_table),
        cmocka_unit_test(test_init_sequence),
        cmocka_unit_test(test_line_control_values),
        cmocka_unit_test(test_bad_config_touches_nothing),
        cmocka_unit_test(test_loopback_self_test),
        cmocka_unit_test(test_write_crlf),
        cmocka_unit_test(test_busy_transmitter_without_fifo),
        cmocka_unit_test(test_try_write_keeps_lf_owed),
        cmocka_unit_test(test_dead_transmitter_times_out),
        cmocka_unit_test(test_flow_control),
        cmocka_unit_test(test_receive),
        cmocka_unit_test(test_line_errors),
        cmocka_unit_test(test_interrupts_and_modem),
        cmocka_unit_test(test_16450_without_fifo),
        cmocka_unit_test(test_strided_mmio),
        cmocka_unit_test(test_mmio_backends_on_memory),
        cmocka_unit_test(test_com1_through_mock_ports),
        cmocka_unit_test(test_status_str),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
