/* A register-level model of the PC's two cascaded Intel 8259A interrupt
 * controllers for host tests, as mock_port devices at 0x20-0x21 (master) and
 * 0xA0-0xA1 (slave on the master's IR2), plus port 0x80 (the delay port, whose
 * writes it counts).
 *
 * Each chip follows the 8259A datasheet's initialization sequence: a command-port
 * write with D4 = 1 is ICW1 (clears the IMR, selects the IRR for reads, forgets
 * special mask mode and, with IC4 = 0, zeroes ICW4); the next data-port writes are
 * ICW2 (vector base T7-T3), ICW3 (only when SNGL = 0) and ICW4 (only when IC4 = 1);
 * after that a data write is OCW1 (the IMR). Command writes with D4:D3 = 00 are
 * OCW2 (EOI: non-specific clears the highest-priority ISR bit, specific the named
 * one; rotate and set-priority forms are counted in `unsupported`), with 01 OCW3
 * (RR/RIS select IRR or ISR for the next command-port reads). A data-port read
 * returns the IMR; a command write during initialisation counts in `protocol_errors`.
 *
 * Interrupts: pic8259_model_raise sets an IRR bit; pic8259_model_ack performs the
 * INTA cycle (fixed priority IR0 highest, masked and lower-priority-than-in-service
 * requests wait, the slave answers for IR2) and returns the vector; with nothing
 * requested it answers with the IR7 vector and sets no ISR bit (a spurious
 * interrupt). */
#ifndef TESTS_PIC8259_MODEL_H
#define TESTS_PIC8259_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mock_port.h"

enum pic8259_model_state { PIC_READY = 0, PIC_WAIT_ICW2, PIC_WAIT_ICW3, PIC_WAIT_ICW4 };

struct pic8259_chip {
    enum pic8259_model_state state;
    uint8_t icw1, icw2, icw3, icw4;
    uint8_t imr, irr, isr;
    bool read_isr;
    bool initialized;           /* a full ICW sequence completed */
    size_t eoi_nonspecific;
    size_t eoi_specific;
    size_t protocol_errors;
    size_t unsupported;
};

struct pic8259_model {
    struct pic8259_chip chip[2];   /* 0 master, 1 slave */
    size_t delay_writes;
};

/* Power-on: both chips uninitialised, IMR 0, and claim the ports in P. */
void pic8259_model_init(struct pic8259_model *m, struct mock_port *p);
/* Request IRQ (0..15) / withdraw it (a request that goes away before INTA). */
void pic8259_model_raise(struct pic8259_model *m, unsigned irq);
void pic8259_model_lower(struct pic8259_model *m, unsigned irq);
/* The INTA cycle: the vector the CPU receives; *irq_out the IRQ the vector
 * stands for (7 or 15 when spurious). Returns -1 when nothing is signalled
 * to the CPU at all (every request masked). */
int pic8259_model_ack(struct pic8259_model *m, unsigned *irq_out);
/* A spurious INTA: the request of IRQ vanished during the cycle (IRQ 0-7 on the
 * master, 8-15 through the slave): the chip answers IR7 without an ISR bit. */
int pic8259_model_spurious(struct pic8259_model *m, bool on_slave);

#endif
