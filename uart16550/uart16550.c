/*
 * uart16550/uart16550.c: the polled 16550 driver. Datasheet references are to the
 * National Semiconductor PC16550D, cited by register section name ("Line Control
 * Register", "FIFO Control Register", "Line Status Register", "Modem Control
 * Register", "Programmable Baud Generator") and by table (Table II, register summary).
 */
#include "uart16550/uart16550.h"

/* The byte the loopback self-test sends; any value works, this one has mixed bits. */
#define SELF_TEST_BYTE 0xAEu
/* MCR in normal operation: DTR and RTS asserted, OUT2 gates the IRQ line on PCs. */
#define MCR_NORMAL (UART16550_MCR_DTR | UART16550_MCR_RTS | UART16550_MCR_OUT2)

static uint8_t reg_read(const struct uart16550 *u, unsigned reg)
{
    return u->backend->read(u->ctx, u->base + ((uintptr_t)reg << u->reg_shift));
}

static void reg_write(const struct uart16550 *u, unsigned reg, uint8_t value)
{
    u->backend->write(u->ctx, u->base + ((uintptr_t)reg << u->reg_shift), value);
}

/* Reads LSR and keeps its error bits, which the read clears in the hardware, for the
 * next receive to report. */
static uint8_t read_lsr(struct uart16550 *u)
{
    uint8_t lsr = reg_read(u, UART16550_LSR);
    u->pending_errors = (uint8_t)(u->pending_errors | (lsr & UART16550_LSR_ERRORS));
    return lsr;
}

enum uart16550_status uart16550_divisor(uint32_t clock_hz, uint32_t baud, uint16_t *divisor)
{
    if (divisor == NULL) {
        return UART16550_BAD_CONFIG;
    }
    if (clock_hz == 0) {
        clock_hz = UART16550_DEFAULT_CLOCK_HZ;
    }
    /* The baud rate generator divides the clock by 16 * divisor (datasheet, "Programmable Baud Generator"). With
     * baud <= clock / 16, 16 * baud fits in 32 bits; 32-bit division only, so i686
     * needs no 64-bit division helper. */
    if (baud == 0 || baud > clock_hz / 16u) {
        return UART16550_BAD_BAUD;
    }
    uint32_t step = 16u * baud;
    uint32_t quotient = clock_hz / step;
    uint32_t remainder = clock_hz % step;
    if (remainder != 0 && remainder >= step - remainder) {
        quotient++; /* remainder >= half a step: round to nearest */
    }
    if (quotient == 0 || quotient > 0xFFFFu) {
        return UART16550_BAD_BAUD;
    }
    *divisor = (uint16_t)quotient;
    return UART16550_OK;
}

/* LCR bits for a configuration (datasheet, "Line Control Register": WLS, STB, PEN, EPS, stick). */
static enum uart16550_status line_control(const struct uart16550_config *config, uint8_t *lcr)
{
    if (config->data_bits < 5 || config->data_bits > 8) {
        return UART16550_BAD_CONFIG;
    }
    uint8_t value = (uint8_t)(config->data_bits - 5u);
    switch (config->stop_bits) {
    case 1: break;
    case 2: value |= UART16550_LCR_STB; break;
    default: return UART16550_BAD_CONFIG;
    }
    switch (config->parity) {
    case UART16550_PARITY_NONE: break;
    case UART16550_PARITY_ODD: value |= UART16550_LCR_PEN; break;
    case UART16550_PARITY_EVEN: value |= UART16550_LCR_PEN | UART16550_LCR_EPS; break;
    /* Stick parity: with EPS clear the parity bit is sent and checked as 1, with EPS
     * set as 0. */
    case UART16550_PARITY_MARK: value |= UART16550_LCR_PEN | UART16550_LCR_STICK; break;
    case UART16550_PARITY_SPACE:
        value |= UART16550_LCR_PEN | UART16550_LCR_EPS | UART16550_LCR_STICK;
        break;
    default: return UART16550_BAD_CONFIG;
    }
    *lcr = value;
    return UART16550_OK;
}

static enum uart16550_status fifo_control(const struct uart16550_config *config, uint8_t *fcr)
{
    static const uint8_t trigger_bits[] = {UART16550_FCR_TRIGGER_1, UART16550_FCR_TRIGGER_4,
                                           UART16550_FCR_TRIGGER_8, UART16550_FCR_TRIGGER_14};
    if (!config->fifo) {
        *fcr = 0;
        return UART16550_OK;
    }
    if ((unsigned)config->fifo_trigger >= sizeof trigger_bits) {
        return UART16550_BAD_CONFIG;
    }
    *fcr = (uint8_t)(UART16550_FCR_ENABLE | UART16550_FCR_CLEAR_RX | UART16550_FCR_CLEAR_TX |
                     trigger_bits[config->fifo_trigger]);
    return UART16550_OK;
}

/* In loopback mode the transmitter feeds the receiver (datasheet, "Modem Control Register", bit 4):
 * send one byte and expect it back within the spin limit. */
static enum uart16550_status self_test(struct uart16550 *u)
{
    reg_write(u, UART16550_MCR, (uint8_t)(MCR_NORMAL | UART16550_MCR_LOOP));
    /* Drop what arrived before init, so only the test byte can answer. */
    for (unsigned i = 0; i <= UART16550_FIFO_DEPTH && (read_lsr(u) & UART16550_LSR_DR); i++) {
        (void)reg_read(u, UART16550_RBR);
    }
    enum uart16550_status status = UART16550_NOT_PRESENT;
    if (uart16550_send_byte(u, SELF_TEST_BYTE) == UART16550_OK) {
        for (uint32_t spin = 0; spin < u->spin_limit; spin++) {
            if (read_lsr(u) & UART16550_LSR_DR) {
                if (reg_read(u, UART16550_RBR) == SELF_TEST_BYTE) {
                    status = UART16550_OK;
                }
                break;
            }
        }
    }
    reg_write(u, UART16550_MCR, MCR_NORMAL);
    u->pending_errors = 0;
    return status;
}

enum uart16550_status uart16550_init(struct uart16550 *u, const struct uart16550_backend *backend,
                                     void *ctx, uintptr_t base, unsigned reg_shift,
                                     const struct uart16550_config *config)
{
    if (u == NULL || backend == NULL || backend->read == NULL || backend->write == NULL ||
        config == NULL || reg_shift >= sizeof(uintptr_t) * 8u - 3u) {
        return UART16550_BAD_CONFIG;
    }
    uint8_t lcr = 0;
    uint8_t fcr = 0;
    uint16_t divisor = 0;
    enum uart16550_status status = line_control(config, &lcr);
    if (status == UART16550_OK) {
        status = fifo_control(config, &fcr);
    }
    if (status == UART16550_OK) {
        status = uart16550_divisor(config->clock_hz, config->baud, &divisor);
    }
    if (status != UART16550_OK) {
        return status;
    }
    u->backend = backend;
    u->ctx = ctx;
    u->base = base;
    u->reg_shift = reg_shift;
    u->spin_limit = config->spin_limit != 0 ? config->spin_limit : UART16550_DEFAULT_SPIN_LIMIT;
    u->crlf = config->crlf;
    u->flow_control = config->flow_control;
    u->lf_pending = false;
    u->fifo_depth = config->fifo ? (uint8_t)UART16550_FIFO_DEPTH : 1u;
    u->tx_room = 0;
    u->pending_errors = 0;
    u->last_errors = 0;

    reg_write(u, UART16550_IER, 0);                   /* no interrupts while programming */
    reg_write(u, UART16550_LCR, UART16550_LCR_DLAB);  /* DLL/DLM at registers 0 and 1 */
    reg_write(u, UART16550_DLL, (uint8_t)(divisor & 0xFFu));
    reg_write(u, UART16550_DLM, (uint8_t)(divisor >> 8));
    reg_write(u, UART16550_LCR, lcr);                 /* clears DLAB */
    reg_write(u, UART16550_FCR, fcr);
    /* An 8250/16450 ignores FCR: only trust a FIFO that IIR bits 6-7 report. */
    if (config->fifo && (reg_read(u, UART16550_IIR) & UART16550_IIR_FIFOS_ON) !=
                            UART16550_IIR_FIFOS_ON) {
        u->fifo_depth = 1;
    }
    reg_write(u, UART16550_MCR, MCR_NORMAL);
    if (config->loopback_test) {
        return self_test(u);
    }
    return UART16550_OK;
}

/* Room in the transmitter: THRE means THR (or the whole TX FIFO) is empty. */
static bool tx_ready(struct uart16550 *u)
{
    if (u->tx_room == 0 && (read_lsr(u) & UART16550_LSR_THRE)) {
        u->tx_room = u->fifo_depth;
    }
    if (u->tx_room == 0) {
        return false;
    }
    return !u->flow_control || (reg_read(u, UART16550_MSR) & UART16550_MSR_CTS);
}

static void put(struct uart16550 *u, uint8_t byte)
{
    reg_write(u, UART16550_THR, byte);
    u->tx_room--;
}

static enum uart16550_status wait_tx_ready(struct uart16550 *u)
{
    for (uint32_t spin = 0; spin < u->spin_limit; spin++) {
        if (tx_ready(u)) {
            return UART16550_OK;
        }
    }
    return UART16550_TIMEOUT;
}

/* Sends the "\n" of a translated "\r\n" that is still owed. */
static enum uart16550_status send_pending_lf(struct uart16550 *u, bool blocking)
{
    if (!u->lf_pending) {
        return UART16550_OK;
    }
    if (blocking) {
        enum uart16550_status status = wait_tx_ready(u);
        if (status != UART16550_OK) {
            return status;
        }
    } else if (!tx_ready(u)) {
        return UART16550_WOULD_BLOCK;
    }
    put(u, '\n');
    u->lf_pending = false;
    return UART16550_OK;
}

enum uart16550_status uart16550_send_byte(struct uart16550 *u, uint8_t byte)
{
    enum uart16550_status status = send_pending_lf(u, true);
    if (status == UART16550_OK) {
        status = wait_tx_ready(u);
    }
    if (status == UART16550_OK) {
        put(u, byte);
    }
    return status;
}

enum uart16550_status uart16550_try_send_byte(struct uart16550 *u, uint8_t byte)
{
    enum uart16550_status status = send_pending_lf(u, false);
    if (status != UART16550_OK) {
        return status;
    }
    if (!tx_ready(u)) {
        return UART16550_WOULD_BLOCK;
    }
    put(u, byte);
    return UART16550_OK;
}

static enum uart16550_status write_bytes(struct uart16550 *u, const void *buf, size_t len,
                                         size_t *written, bool blocking)
{
    const uint8_t *bytes = buf;
    size_t done = 0;
    enum uart16550_status status = UART16550_OK;
    if (buf == NULL && len != 0) {
        status = UART16550_BAD_CONFIG;
    }
    while (status == UART16550_OK && done < len) {
        uint8_t byte = bytes[done];
        bool translate = u->crlf && byte == '\n';
        status = blocking ? uart16550_send_byte(u, translate ? (uint8_t)'\r' : byte)
                          : uart16550_try_send_byte(u, translate ? (uint8_t)'\r' : byte);
        if (status == UART16550_OK) {
            done++;
            u->lf_pending = translate;
        }
    }
    if (status == UART16550_OK) {
        status = send_pending_lf(u, blocking);
    }
    if (written != NULL) {
        *written = done;
    }
    return status;
}

enum uart16550_status uart16550_write(struct uart16550 *u, const void *buf, size_t len,
                                      size_t *written)
{
    return write_bytes(u, buf, len, written, true);
}

enum uart16550_status uart16550_try_write(struct uart16550 *u, const void *buf, size_t len,
                                          size_t *written)
{
    return write_bytes(u, buf, len, written, false);
}

enum uart16550_status uart16550_write_string(struct uart16550 *u, const char *s)
{
    if (s == NULL) {
        return UART16550_BAD_CONFIG;
    }
    size_t len = 0;
    while (s[len] != '\0') {
        len++;
    }
    return uart16550_write(u, s, len, NULL);
}

enum uart16550_status uart16550_flush(struct uart16550 *u)
{
    enum uart16550_status status = send_pending_lf(u, true);
    if (status != UART16550_OK) {
        return status;
    }
    for (uint32_t spin = 0; spin < u->spin_limit; spin++) {
        if (read_lsr(u) & UART16550_LSR_TEMT) {
            return UART16550_OK;
        }
    }
    return UART16550_TIMEOUT;
}

/* Reads RBR and turns the error bits gathered since the last receive into a status,
 * most severe first. */
static enum uart16550_status take_byte(struct uart16550 *u, uint8_t *out)
{
    *out = reg_read(u, UART16550_RBR);
    uint8_t errors = u->pending_errors;
    u->pending_errors = 0;
    u->last_errors = errors;
    if (errors & UART16550_LSR_BI) {
        return UART16550_BREAK;
    }
    if (errors & UART16550_LSR_FE) {
        return UART16550_FRAMING_ERROR;
    }
    if (errors & UART16550_LSR_PE) {
        return UART16550_PARITY_ERROR;
    }
    if (errors & UART16550_LSR_OE) {
        return UART16550_OVERRUN;
    }
    return UART16550_OK;
}

enum uart16550_status uart16550_try_receive_byte(struct uart16550 *u, uint8_t *out)
{
    if (out == NULL) {
        return UART16550_BAD_CONFIG;
    }
    if (!(read_lsr(u) & UART16550_LSR_DR)) {
        return UART16550_WOULD_BLOCK;
    }
    return take_byte(u, out);
}

enum uart16550_status uart16550_receive_byte(struct uart16550 *u, uint8_t *out)
{
    if (out == NULL) {
        return UART16550_BAD_CONFIG;
    }
    for (uint32_t spin = 0; spin < u->spin_limit; spin++) {
        if (read_lsr(u) & UART16550_LSR_DR) {
            return take_byte(u, out);
        }
    }
    return UART16550_TIMEOUT;
}

void uart16550_enable_interrupts(struct uart16550 *u, uint8_t mask)
{
    reg_write(u, UART16550_IER, (uint8_t)(reg_read(u, UART16550_IER) | (mask & 0x0Fu)));
}

void uart16550_disable_interrupts(struct uart16550 *u, uint8_t mask)
{
    reg_write(u, UART16550_IER, (uint8_t)(reg_read(u, UART16550_IER) & ~mask & 0x0Fu));
}

uint8_t uart16550_interrupt_id(struct uart16550 *u)
{
    return reg_read(u, UART16550_IIR);
}

void uart16550_set_modem_control(struct uart16550 *u, uint8_t mcr)
{
    reg_write(u, UART16550_MCR, mcr);
}

uint8_t uart16550_modem_control(struct uart16550 *u)
{
    return reg_read(u, UART16550_MCR);
}

uint8_t uart16550_modem_status(struct uart16550 *u)
{
    return reg_read(u, UART16550_MSR);
}

const char *uart16550_status_str(enum uart16550_status status)
{
    switch (status) {
    case UART16550_OK: return "ok";
    case UART16550_WOULD_BLOCK: return "would block";
    case UART16550_TIMEOUT: return "timed out";
    case UART16550_BAD_BAUD: return "baud rate out of range";
    case UART16550_BAD_CONFIG: return "bad configuration";
    case UART16550_NOT_PRESENT: return "UART not present (loopback test failed)";
    case UART16550_OVERRUN: return "receiver overrun";
    case UART16550_PARITY_ERROR: return "parity error";
    case UART16550_FRAMING_ERROR: return "framing error";
    case UART16550_BREAK: return "break received";
    }
    return "unknown status";
}
