/* A register-level PC16550D model for host tests; see uart_model.h. */
#include "uart_model.h"

#include <string.h>

/* Register numbers and bits (PC16550D datasheet, Table II), spelled out here rather
 * than taken from uart16550/regs.h so the model does not share the driver's errors. */
enum { REG_DATA = 0, REG_IER = 1, REG_IIR_FCR = 2, REG_LCR = 3, REG_MCR = 4, REG_LSR = 5,
       REG_MSR = 6, REG_SCR = 7 };
#define LCR_DLAB 0x80u
#define MCR_LOOP 0x10u
#define LSR_DR 0x01u
#define LSR_OE 0x02u
#define LSR_ERRORS_PFB 0x1Cu /* PE, FE, BI: per received character */
#define LSR_THRE 0x20u
#define LSR_TEMT 0x40u
#define LSR_FIFO_ERR 0x80u
#define IER_ERBFI 0x01u
#define IER_ETBEI 0x02u
#define IER_ELSI 0x04u
#define IER_EDSSI 0x08u
#define FCR_ENABLE 0x01u
#define FCR_CLEAR_RX 0x02u
#define FCR_CLEAR_TX 0x04u

void uart_model_init(struct uart_model *m)
{
    memset(m, 0, sizeof *m);
}

static bool fifo_on(const struct uart_model *m)
{
    return !m->no_fifo && (m->fcr & FCR_ENABLE);
}

static size_t rx_capacity(const struct uart_model *m)
{
    return fifo_on(m) ? UART_MODEL_FIFO : 1;
}

static void log_access(struct uart_model *m, unsigned reg, bool is_write, uint8_t value)
{
    if (m->log_count == UART_MODEL_LOG_SIZE) {
        m->log_overflow = true;
        return;
    }
    struct uart_model_access *a = &m->log[m->log_count++];
    a->reg = (uint8_t)reg;
    a->is_write = is_write;
    a->dlab = (m->lcr & LCR_DLAB) != 0;
    a->value = value;
}

void uart_model_receive(struct uart_model *m, uint8_t byte, uint8_t errors)
{
    if (m->rx_count == rx_capacity(m)) {
        m->lsr_sticky |= LSR_OE;
        if (!fifo_on(m)) {
            /* 16450 mode: the new character overwrites the holding register. */
            m->rx[m->rx_head] = byte;
            m->rx_err[m->rx_head] = (uint8_t)(errors & LSR_ERRORS_PFB);
        }
        return;
    }
    size_t slot = (m->rx_head + m->rx_count) % UART_MODEL_FIFO;
    m->rx[slot] = byte;
    m->rx_err[slot] = (uint8_t)(errors & LSR_ERRORS_PFB);
    m->rx_count++;
}

void uart_model_set_lines(struct uart_model *m, uint8_t msr_lines)
{
    uint8_t old = m->msr_lines;
    uint8_t lines = (uint8_t)(msr_lines & 0xF0u);
    /* Delta bits: DCTS, DDSR, DDCD on any change; TERI when RI goes from on to off. */
    if ((old ^ lines) & 0x10u) { m->msr_delta |= 0x01u; }
    if ((old ^ lines) & 0x20u) { m->msr_delta |= 0x02u; }
    if ((old & 0x40u) && !(lines & 0x40u)) { m->msr_delta |= 0x04u; }
    if ((old ^ lines) & 0x80u) { m->msr_delta |= 0x08u; }
    m->msr_lines = lines;
}

uint16_t uart_model_divisor(const struct uart_model *m)
{
    return (uint16_t)(m->dll | (m->dlm << 8));
}

void uart_model_clear_log(struct uart_model *m)
{
    m->log_count = 0;
    m->log_overflow = false;
}

static bool thr_empty(const struct uart_model *m)
{
    return m->tx_pending == 0;
}

static uint8_t lsr_value(const struct uart_model *m)
{
    uint8_t lsr = m->lsr_sticky;
    if (m->rx_count > 0) {
        lsr |= LSR_DR | m->rx_err[m->rx_head];
    }
    if (thr_empty(m)) {
        lsr |= LSR_THRE | LSR_TEMT;
    }
    if (fifo_on(m)) {
        for (size_t i = 0; i < m->rx_count; i++) {
            if (m->rx_err[(m->rx_head + i) % UART_MODEL_FIFO] != 0) {
                lsr |= LSR_FIFO_ERR;
            }
        }
    }
    return lsr;
}

/* A poll of LSR lets simulated time pass for the transmitter. */
static void tx_tick(struct uart_model *m)
{
    if (m->tx_pending == 0 || m->tx_dead) {
        return;
    }
    if (m->tx_countdown > 0) {
        m->tx_countdown--;
    }
    if (m->tx_countdown == 0) {
        m->tx_pending = 0;
        m->thre_irq = true;
    }
}

static uint8_t read_lsr(struct uart_model *m)
{
    uint8_t lsr = lsr_value(m);
    m->lsr_sticky = 0;
    if (m->rx_count > 0) {
        m->rx_err[m->rx_head] = 0; /* reported: LSR read clears PE, FE, BI */
    }
    tx_tick(m);
    return lsr;
}

static uint8_t read_iir(struct uart_model *m)
{
    uint8_t fifo_bits = fifo_on(m) ? 0xC0u : 0x00u;
    uint8_t lsr = lsr_value(m);
    if ((m->ier & IER_ELSI) && (lsr & (LSR_OE | LSR_ERRORS_PFB))) {
        return (uint8_t)(fifo_bits | 0x06u);
    }
    if ((m->ier & IER_ERBFI) && m->rx_count > 0) {
        static const size_t trigger[] = {1, 4, 8, 14};
        if (fifo_on(m) && m->rx_count < trigger[m->fcr >> 6]) {
            return (uint8_t)(fifo_bits | 0x0Cu); /* character timeout */
        }
        return (uint8_t)(fifo_bits | 0x04u);
    }
    if ((m->ier & IER_ETBEI) && m->thre_irq) {
        m->thre_irq = false; /* Table IV: reading IIR resets the THRE interrupt */
        return (uint8_t)(fifo_bits | 0x02u);
    }
    if ((m->ier & IER_EDSSI) && m->msr_delta) {
        return fifo_bits;
    }
    return (uint8_t)(fifo_bits | 0x01u);
}

static uint8_t read_msr(struct uart_model *m)
{
    uint8_t lines = m->msr_lines;
    if (m->mcr & MCR_LOOP) {
        /* Loopback: RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD. */
        lines = (uint8_t)(((m->mcr & 0x02u) << 3) | ((m->mcr & 0x01u) << 5) |
                          ((m->mcr & 0x04u) << 4) | ((m->mcr & 0x08u) << 4));
    }
    uint8_t msr = (uint8_t)(lines | m->msr_delta);
    m->msr_delta = 0;
    return msr;
}

static uint8_t read_reg(struct uart_model *m, unsigned reg)
{
    bool dlab = (m->lcr & LCR_DLAB) != 0;
    switch (reg) {
    case REG_DATA:
        if (dlab) {
            return m->dll;
        }
        if (m->rx_count == 0) {
            return 0;
        }
        {
            uint8_t byte = m->rx[m->rx_head];
            m->rx_head = (m->rx_head + 1) % UART_MODEL_FIFO;
            m->rx_count--;
            return byte;
        }
    case REG_IER: return dlab ? m->dlm : m->ier;
    case REG_IIR_FCR: return read_iir(m);
    case REG_LCR: return m->lcr;
    case REG_MCR: return m->mcr;
    case REG_LSR: return read_lsr(m);
    case REG_MSR: return read_msr(m);
    default: return m->scr;
    }
}

static void write_thr(struct uart_model *m, uint8_t value)
{
    m->thre_irq = false;
    if (m->mcr & MCR_LOOP) {
        if (!m->loopback_broken) {
            uart_model_receive(m, value, 0);
        }
        return;
    }
    if (m->tx_pending >= (fifo_on(m) ? UART_MODEL_FIFO : 1u)) {
        m->tx_overflow++;
        return;
    }
    if (m->tx_len < UART_MODEL_TX_MAX) {
        m->tx[m->tx_len++] = value;
    }
    if (m->tx_busy_polls == 0 && !m->tx_dead) {
        return; /* sent at once */
    }
    m->tx_pending++;
    m->tx_countdown = m->tx_busy_polls;
}

static void write_fcr(struct uart_model *m, uint8_t value)
{
    if (m->no_fifo) {
        return;
    }
    bool was_on = fifo_on(m);
    m->fcr = (uint8_t)(value & 0xC9u);
    /* Changing FCR bit 0 clears both FIFOs; bits 1 and 2 clear one each
     * (datasheet, "FIFO Control Register"). */
    if ((value & FCR_CLEAR_RX) || was_on != fifo_on(m)) {
        m->rx_count = 0;
        m->rx_head = 0;
    }
    if ((value & FCR_CLEAR_TX) || was_on != fifo_on(m)) {
        m->tx_pending = 0;
    }
}

static void write_reg(struct uart_model *m, unsigned reg, uint8_t value)
{
    bool dlab = (m->lcr & LCR_DLAB) != 0;
    switch (reg) {
    case REG_DATA:
        if (dlab) {
            m->dll = value;
        } else {
            write_thr(m, value);
        }
        break;
    case REG_IER:
        if (dlab) {
            m->dlm = value;
        } else {
            if ((value & IER_ETBEI) && !(m->ier & IER_ETBEI) && thr_empty(m)) {
                m->thre_irq = true;
            }
            m->ier = (uint8_t)(value & 0x0Fu);
        }
        break;
    case REG_IIR_FCR: write_fcr(m, value); break;
    case REG_LCR: m->lcr = value; break;
    case REG_MCR: m->mcr = (uint8_t)(value & 0x1Fu); break;
    case REG_LSR: break; /* factory test only */
    case REG_MSR: break;
    default: m->scr = value; break;
    }
}

uint8_t uart_model_read(struct uart_model *m, unsigned reg)
{
    uint8_t value = 0xFF;
    if (!m->absent && reg < 8) {
        value = read_reg(m, reg);
    }
    log_access(m, reg, false, value);
    return value;
}

void uart_model_write(struct uart_model *m, unsigned reg, uint8_t value)
{
    log_access(m, reg, true, value);
    if (!m->absent && reg < 8) {
        write_reg(m, reg, value);
    }
}

uint32_t uart_model_port_read(void *dev, uint16_t port, unsigned width)
{
    struct uart_model *m = dev;
    if (width != 1 || port < m->base || port - m->base >= 8) {
        m->bad_addr++;
        return 0xFFFFFFFFu;
    }
    return uart_model_read(m, (unsigned)(port - m->base));
}

void uart_model_port_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct uart_model *m = dev;
    if (width != 1 || port < m->base || port - m->base >= 8) {
        m->bad_addr++;
        return;
    }
    uart_model_write(m, (unsigned)(port - m->base), (uint8_t)value);
}

static bool addr_reg(struct uart_model *m, uintptr_t addr, unsigned *reg)
{
    uintptr_t offset = addr - m->base;
    if (addr < m->base || (offset & ((1u << m->reg_shift) - 1u)) != 0 ||
        (offset >> m->reg_shift) >= 8) {
        m->bad_addr++;
        return false;
    }
    *reg = (unsigned)(offset >> m->reg_shift);
    return true;
}

uint8_t uart_model_addr_read(void *ctx, uintptr_t addr)
{
    struct uart_model *m = ctx;
    unsigned reg = 0;
    return addr_reg(m, addr, &reg) ? uart_model_read(m, reg) : 0xFF;
}

void uart_model_addr_write(void *ctx, uintptr_t addr, uint8_t value)
{
    struct uart_model *m = ctx;
    unsigned reg = 0;
    if (addr_reg(m, addr, &reg)) {
        uart_model_write(m, reg, value);
    }
}
