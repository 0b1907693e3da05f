/* A register-level model of a National Semiconductor PC16550D UART for host tests.
 *
 * It implements the datasheet's register file (Table II): DLAB-selected RBR/THR/DLL
 * and IER/DLM, IIR/FCR, LCR, MCR, LSR, MSR, SCR; a 16-byte receive FIFO (or a single
 * holding register with FIFOs off) whose entries carry their own PE/FE/BI bits;
 * overrun; LSR error bits cleared by reading LSR; MSR delta bits cleared by reading
 * MSR; loopback (MCR bit 4: THR feeds the receiver, RTS/DTR/OUT1/OUT2 appear as
 * CTS/DSR/RI/DCD); IIR priorities (RLS > RDA/CTI > THRE > MS) gated by IER.
 * Transmitted bytes (outside loopback) are collected in `tx`. Every register access
 * is logged with the DLAB value in effect, so a test can assert a programming
 * sequence. Knobs simulate a busy or dead transmitter, CTS and an absent chip.
 *
 * Access it by register number (uart_model_read/uart_model_write), as a mock_port
 * device (uart_model_port_read/uart_model_port_write, 1-byte accesses only) or at
 * an address with a stride (uart_model_addr_read/uart_model_addr_write: register n
 * at base + (n << reg_shift), matching uart16550's backend signature). */
#ifndef TESTS_UART_MODEL_H
#define TESTS_UART_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UART_MODEL_FIFO 16
#define UART_MODEL_TX_MAX 4096
#define UART_MODEL_LOG_SIZE 1024

struct uart_model_access {
    uint8_t reg;    /* register number 0-7 */
    bool is_write;
    bool dlab;      /* LCR bit 7 at the time of the access */
    uint8_t value;  /* written value, or the value the read returned */
};

struct uart_model {
    /* registers */
    uint8_t dll, dlm, ier, fcr, lcr, mcr, scr;
    uint8_t msr_lines;        /* CTS/DSR/RI/DCD inputs (MSR bits 4-7) outside loopback */
    uint8_t msr_delta;        /* MSR bits 0-3, cleared on read */
    uint8_t lsr_sticky;       /* OE and the error bits latched for the next LSR read */
    bool thre_irq;            /* THRE interrupt pending (cleared by IIR read or THR write) */
    /* receive FIFO: data and per-entry error bits (LSR PE/FE/BI) */
    uint8_t rx[UART_MODEL_FIFO];
    uint8_t rx_err[UART_MODEL_FIFO];
    size_t rx_head, rx_count;
    /* transmitter */
    uint8_t tx[UART_MODEL_TX_MAX];
    size_t tx_len;
    unsigned tx_pending;      /* bytes in THR/FIFO not yet "sent" */
    unsigned tx_busy_polls;   /* knob: LSR reads a written byte stays in the FIFO */
    unsigned tx_countdown;    /* LSR reads left until the pending bytes go out */
    bool tx_dead;             /* knob: the transmitter never empties */
    bool absent;              /* knob: no chip; reads give 0xFF, writes vanish */
    bool no_fifo;             /* knob: an 8250/16450: FCR ignored, IIR bits 6-7 zero */
    bool loopback_broken;     /* knob: loopback does not deliver bytes */
    /* log */
    struct uart_model_access log[UART_MODEL_LOG_SIZE];
    size_t log_count;
    bool log_overflow;
    size_t tx_overflow;       /* bytes written while the FIFO was full */
    size_t bad_addr;          /* addr-accesses outside the 8 registers or misaligned */
    uintptr_t base;           /* for the addr-accessors */
    unsigned reg_shift;
};

/* Power-on state (datasheet Table III, "UART Reset Configuration"): IER, FCR, LCR,
 * MCR 0; LSR 0x60 (THRE, TEMT); IIR 0x01; no data. */
void uart_model_init(struct uart_model *m);

uint8_t uart_model_read(struct uart_model *m, unsigned reg);
void uart_model_write(struct uart_model *m, unsigned reg, uint8_t value);

/* The line delivers `byte` with LSR error bits `errors` (UART16550 PE/FE/BI values).
 * A full receiver drops it and latches OE, as the datasheet describes (FIFO mode: the
 * FIFO is kept; non-FIFO mode: the holding register is overwritten). */
void uart_model_receive(struct uart_model *m, uint8_t byte, uint8_t errors);
/* Sets the modem input lines (MSR bits 4-7) and their delta bits. */
void uart_model_set_lines(struct uart_model *m, uint8_t msr_lines);
/* The divisor latch value DLM:DLL. */
uint16_t uart_model_divisor(const struct uart_model *m);
void uart_model_clear_log(struct uart_model *m);

/* mock_port handlers: DEV is the model, register = port - m->base; 1-byte accesses
 * (anything else counts in bad_addr and reads all ones). */
uint32_t uart_model_port_read(void *dev, uint16_t port, unsigned width);
void uart_model_port_write(void *dev, uint16_t port, unsigned width, uint32_t value);
/* Address-based accessors, CTX is the model; see m->base and m->reg_shift. */
uint8_t uart_model_addr_read(void *ctx, uintptr_t addr);
void uart_model_addr_write(void *ctx, uintptr_t addr, uint8_t value);

#endif
