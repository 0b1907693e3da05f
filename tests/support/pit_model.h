/* A register-level model of the Intel 8254 PIT and the PC/AT port 0x61 for host
 * tests, as mock_port devices at 0x40-0x43 and 0x61.
 *
 * From the 8254 datasheet: the control word (SC1:SC0 counter select, RW1:RW0
 * latch / LSB / MSB / LSB-then-MSB, M2:M0 mode, BCD) resets the counter's
 * byte flip-flops and sets OUT's initial state (low in mode 0, high otherwise);
 * the count is loaded when complete (0 means 65536) and counting starts on the
 * next clock; the counter latch command holds the count until both bytes are
 * read (as RW says); the read-back command (8254 only) latches counts and/or
 * status bytes (OUT, null count, the control bits 5:0) of the selected counters,
 * status read first. Modes 0 (interrupt on terminal count: OUT rises at 0, the
 * counter keeps decrementing), 2 (rate generator: OUT low for the clock at count
 * 1, reload) and 3 (square wave: OUT high for the first half) are modelled;
 * modes 1, 4, 5 and BCD count in `unsupported`. The gate of counter 2 is port
 * 0x61 bit 0 (counting stops while low; a rising gate reloads in mode 2 and 3);
 * port 0x61 bit 5 reads OUT2. Counters 0 and 1 have their gate high.
 *
 * Time: the counters follow a shared virtual clock at 1193182 Hz; every port
 * access advances it by `access_ns` (1 us, an ISA bus cycle order). */
#ifndef TESTS_PIT_MODEL_H
#define TESTS_PIT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mock_port.h"

struct pit_model_counter {
    uint8_t control;        /* last control word bits 5:0 */
    uint32_t reload;        /* count register (1..65536) */
    bool loaded;            /* a complete count was written */
    bool null_count;
    uint64_t start_tick;    /* tick when counting (re)started */
    uint64_t gated_ticks;   /* ticks counted before the current gate-low stretch */
    bool gate;
    uint8_t write_lsb;      /* LSB-then-MSB: the LSB already written */
    bool write_have_lsb;
    bool read_msb_next;
    bool latched;
    uint16_t latch;
    bool status_latched;
    uint8_t status;
    uint8_t port_b;         /* counter 2 only: speaker bit */
};

struct pit_model {
    struct pit_model_counter c[3];
    uint8_t port_b;         /* bits 3:0 as written */
    uint64_t *now_ns;
    uint64_t own_clock;
    uint32_t access_ns;
    size_t unsupported;
};

void pit_model_init(struct pit_model *m, struct mock_port *p);
/* Current count of counter N (what a latch would capture) and its OUT. */
uint16_t pit_model_count(struct pit_model *m, unsigned n);
bool pit_model_out(struct pit_model *m, unsigned n);
/* Mode (bits 3:1 of the control word) of counter N. */
unsigned pit_model_mode(const struct pit_model *m, unsigned n);

#endif
