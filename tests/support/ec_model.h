/* A register-level ACPI Embedded Controller (ACPI 6.5, 12.2, 12.3) on the
 * mock port space: EC_SC (status on read, command on write) and EC_DATA,
 * the five commands RD_EC, WR_EC, BE_EC, BD_EC, QR_EC as a state machine,
 * a 256-byte address space, a queue of query numbers behind SCI_EVT.
 *
 * Time passes on status reads, the way a host polls: a byte the host writes
 * sets IBF and is taken (IBF cleared, the byte acted on) after ibf_delay
 * further status reads; a byte the EC produces sets OBF after obf_delay
 * further status reads. stall_input / stall_output make an EC that never
 * takes a byte / never produces one. Host protocol errors (a write while IBF
 * is set, a data read while OBF is clear, a data byte nobody asked for, an
 * unknown command) count in `violations`, so a test can prove the driver
 * followed 12.2.1. */
#ifndef TESTS_EC_MODEL_H
#define TESTS_EC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "mock_port.h"

#define EC_MODEL_QUEUE 16

enum ec_model_state {
    EC_MODEL_IDLE,
    EC_MODEL_RD_ADDRESS, /* RD_EC taken, waiting for the address */
    EC_MODEL_WR_ADDRESS, /* WR_EC taken, waiting for the address */
    EC_MODEL_WR_DATA,    /* WR_EC and address taken, waiting for the byte */
};

struct ec_model {
    uint8_t space[256];
    uint8_t status;           /* EC_SC as the host reads it */
    enum ec_model_state state;
    uint8_t address;
    /* The byte in the input buffer (valid while IBF is set). */
    uint8_t input;
    bool input_is_command;
    unsigned input_wait;      /* status reads left before the EC takes it */
    /* The byte the EC is producing, before OBF shows it. */
    uint8_t output;
    bool output_pending;
    unsigned output_wait;
    /* Behaviour. */
    unsigned ibf_delay, obf_delay;
    bool stall_input, stall_output;
    uint8_t burst_ack;        /* what BE_EC answers: 0x90 (12.3.3) */
    bool sci_stuck;           /* SCI_EVT never clears and QR_EC returns stuck_query */
    uint8_t stuck_query;
    /* Events. */
    uint8_t queue[EC_MODEL_QUEUE];
    unsigned queue_head, queue_count;
    /* What happened. */
    unsigned violations;
    unsigned commands[5];     /* RD_EC, WR_EC, BE_EC, BD_EC, QR_EC taken */
    unsigned status_reads;
};

void ec_model_init(struct ec_model *ec);
/* Claim data_port and command_port in the port space: 0, or -1. */
int ec_model_attach(struct ec_model *ec, struct mock_port *ports, uint16_t data_port,
                    uint16_t command_port);
/* Queue a query number (SCI_EVT set while the queue is not empty): 0 or -1 when full. */
int ec_model_queue_event(struct ec_model *ec, uint8_t query);

#endif
