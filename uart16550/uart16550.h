/*
 * uart16550/uart16550.h: a polled driver for the 16550 UART (and its 8250/16450/16550A
 * relatives) over any register backend: x86 port I/O, MMIO with 8-bit registers, MMIO
 * with 32-bit registers and a stride (see uart16550/backend.h), or a test mock.
 *
 * The driver state is a struct uart16550 owned by the caller; nothing is allocated or
 * global. Every wait on the hardware polls a status register at most `spin_limit`
 * times and then returns UART16550_TIMEOUT, so a missing or wedged UART never hangs
 * the kernel. Hardware flow control is off by default: with it off, CTS is never
 * looked at, so a UART whose CTS line is not wired still sends.
 *
 * Register programming follows the PC16550D datasheet; register names are in regs.h.
 */
#ifndef UART16550_UART16550_H
#define UART16550_UART16550_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "uart16550/regs.h"
#include "uart16550/version.h"

#define UART16550_MUST_USE __attribute__((warn_unused_result))

enum uart16550_status {
    UART16550_OK = 0,
    UART16550_WOULD_BLOCK = 1,   /* non-blocking call: no data to read / no room to send */
    UART16550_TIMEOUT = 2,       /* a wait ran out of its spin limit */
    UART16550_BAD_BAUD = 3,      /* baud rate 0, or its divisor is 0 or above 0xFFFF */
    UART16550_BAD_CONFIG = 4,    /* data bits not 5-8, stop bits not 1-2, bad enum value,
                                    or a NULL backend/argument */
    UART16550_NOT_PRESENT = 5,   /* the loopback self-test did not get its byte back */
    UART16550_OVERRUN = 6,       /* LSR.OE: an earlier received byte was lost */
    UART16550_PARITY_ERROR = 7,  /* LSR.PE: the byte returned has a parity error */
    UART16550_FRAMING_ERROR = 8, /* LSR.FE: the byte returned had no valid stop bit */
    UART16550_BREAK = 9,         /* LSR.BI: a break condition was received */
};

enum uart16550_parity {
    UART16550_PARITY_NONE = 0,
    UART16550_PARITY_ODD = 1,
    UART16550_PARITY_EVEN = 2,
    UART16550_PARITY_MARK = 3,   /* parity bit always 1 */
    UART16550_PARITY_SPACE = 4,  /* parity bit always 0 */
};

enum uart16550_fifo_trigger {    /* receive FIFO interrupt trigger level */
    UART16550_TRIGGER_1 = 0,
    UART16550_TRIGGER_4 = 1,
    UART16550_TRIGGER_8 = 2,
    UART16550_TRIGGER_14 = 3,
};

/* Register access, width-specific and never split: `addr` is base + (reg << shift),
 * an I/O port number or a virtual address depending on the backend. */
struct uart16550_backend {
    uint8_t (*read)(void *ctx, uintptr_t addr);
    void (*write)(void *ctx, uintptr_t addr, uint8_t value);
};

struct uart16550_config {
    uint32_t clock_hz;       /* UART input clock in Hz; 0 means 1843200 (PC) */
    uint32_t baud;           /* bits per second; divisor = clock / (16 * baud), rounded */
    uint8_t data_bits;       /* 5 to 8 */
    enum uart16550_parity parity;
    uint8_t stop_bits;       /* 1 or 2 (2 means 1.5 with 5 data bits) */
    bool fifo;               /* enable and clear the FIFOs (16550 and later) */
    enum uart16550_fifo_trigger fifo_trigger;
    bool loopback_test;      /* init checks the UART answers in loopback mode */
    bool crlf;               /* uart16550_write turns "\n" into "\r\n" */
    bool flow_control;       /* wait for CTS before each byte (off: CTS ignored) */
    uint32_t spin_limit;     /* status polls per wait; 0 means UART16550_DEFAULT_SPIN_LIMIT */
};

#define UART16550_DEFAULT_SPIN_LIMIT 1000000u

/* 115200 baud 8N1 from a 1.8432 MHz clock, FIFOs on (trigger 14), loopback self-test,
 * "\n" -> "\r\n", no flow control, default spin limit. */
#define UART16550_CONFIG_DEFAULT                                                    \
    {                                                                               \
        UART16550_DEFAULT_CLOCK_HZ, 115200u, 8u, UART16550_PARITY_NONE, 1u, true,   \
            UART16550_TRIGGER_14, true, true, false, UART16550_DEFAULT_SPIN_LIMIT   \
    }

/* Driver state; fill it with uart16550_init. Fields are read-only to the caller. */
struct uart16550 {
    const struct uart16550_backend *backend;
    void *ctx;
    uintptr_t base;
    unsigned reg_shift;
    uint32_t spin_limit;
    bool crlf;
    bool flow_control;
    bool lf_pending;         /* a "\n" whose "\r" went out; sent before anything else */
    uint8_t fifo_depth;      /* bytes the transmitter takes after THRE: 16 or 1 */
    uint8_t tx_room;         /* bytes that may still be written without polling */
    uint8_t pending_errors;  /* LSR error bits seen while polling, not yet reported */
    uint8_t last_errors;     /* LSR error bits reported by the last receive */
};

/* The divisor latch value for `baud` from `clock_hz` (0 = 1.8432 MHz), rounded to the
 * nearest integer. UART16550_BAD_BAUD if baud is 0 or the divisor is 0 or > 0xFFFF. */
UART16550_MUST_USE enum uart16550_status uart16550_divisor(uint32_t clock_hz, uint32_t baud,
                                                           uint16_t *divisor);

/* Programs the UART at `base` (register n at base + (n << reg_shift)) through
 * `backend`/`ctx` as `config` says: IER = 0, LCR.DLAB, DLL/DLM, LCR, FCR, MCR = DTR |
 * RTS | OUT2, then the optional loopback self-test. `u`, `backend` and `ctx` must
 * outlive every later call. BAD_CONFIG/BAD_BAUD leave the hardware untouched;
 * NOT_PRESENT when the self-test's byte did not come back (u is then unusable). */
UART16550_MUST_USE enum uart16550_status uart16550_init(struct uart16550 *u,
                                                        const struct uart16550_backend *backend,
                                                        void *ctx, uintptr_t base,
                                                        unsigned reg_shift,
                                                        const struct uart16550_config *config);

/* Sends one byte as is, waiting (bounded) for room and, with flow control, for CTS.
 * TIMEOUT if the transmitter or CTS did not become ready within the spin limit. */
UART16550_MUST_USE enum uart16550_status uart16550_send_byte(struct uart16550 *u, uint8_t byte);

/* Sends one byte as is if the transmitter has room now (and CTS is set, with flow
 * control); WOULD_BLOCK otherwise. */
UART16550_MUST_USE enum uart16550_status uart16550_try_send_byte(struct uart16550 *u,
                                                                 uint8_t byte);

/* Sends `len` bytes of `buf`, "\n" as "\r\n" when config.crlf was set. Blocking
 * (bounded): on TIMEOUT, *written (may be NULL) says how many input bytes went out. */
UART16550_MUST_USE enum uart16550_status uart16550_write(struct uart16550 *u, const void *buf,
                                                         size_t len, size_t *written);

/* As uart16550_write, without waiting: stops with WOULD_BLOCK when the transmitter is
 * full; *written counts the input bytes consumed (a "\n" counts once its "\r" is out;
 * its "\n" then goes out first on the next send). */
UART16550_MUST_USE enum uart16550_status uart16550_try_write(struct uart16550 *u,
                                                             const void *buf, size_t len,
                                                             size_t *written);

/* uart16550_write of a NUL-terminated string. */
UART16550_MUST_USE enum uart16550_status uart16550_write_string(struct uart16550 *u,
                                                                const char *s);

/* Waits (bounded) until everything written has left the shift register (LSR.TEMT). */
UART16550_MUST_USE enum uart16550_status uart16550_flush(struct uart16550 *u);

/* Receives one byte, waiting at most spin_limit polls (TIMEOUT). When the line status
 * showed errors since the last receive, returns the most severe of BREAK,
 * FRAMING_ERROR, PARITY_ERROR, OVERRUN with the byte still stored in *out (a break
 * reads as 0); all error bits are in u->last_errors (LSR bit values). */
UART16550_MUST_USE enum uart16550_status uart16550_receive_byte(struct uart16550 *u,
                                                                uint8_t *out);

/* As uart16550_receive_byte, without waiting: WOULD_BLOCK when no byte is there. */
UART16550_MUST_USE enum uart16550_status uart16550_try_receive_byte(struct uart16550 *u,
                                                                    uint8_t *out);

/* Sets (enable) or clears (disable) the IER bits in `mask` (UART16550_IER_*). */
void uart16550_enable_interrupts(struct uart16550 *u, uint8_t mask);
void uart16550_disable_interrupts(struct uart16550 *u, uint8_t mask);

/* The IIR: UART16550_IIR_NO_INT set when nothing is pending, else the ID bits. Reading
 * it acknowledges a THRE interrupt (datasheet, Table IV). */
uint8_t uart16550_interrupt_id(struct uart16550 *u);

/* Writes MCR (UART16550_MCR_* bits), reads MCR, reads MSR (clears its delta bits). */
void uart16550_set_modem_control(struct uart16550 *u, uint8_t mcr);
uint8_t uart16550_modem_control(struct uart16550 *u);
uint8_t uart16550_modem_status(struct uart16550 *u);

/* A constant English name of `status` ("unknown status" for values not in the enum). */
const char *uart16550_status_str(enum uart16550_status status);

#endif
