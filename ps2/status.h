/*
 * ps2/status.h: the one status enum of the ps2 library and its warn-unused-result
 * macro. PS2_OK is 0; the controller and device statuses come first, then those of
 * the decoder and the layouts, which are not errors but say what a byte or a key
 * event produced.
 */
#ifndef PS2_STATUS_H
#define PS2_STATUS_H

#include "ps2/version.h"

#define PS2_MUST_USE __attribute__((warn_unused_result))

enum ps2_status {
    PS2_OK = 0,
    /* controller and devices */
    PS2_NO_CONTROLLER = 1,      /* the FADT says no 8042, or its status port floats (0xFF) */
    PS2_TIMEOUT = 2,            /* a wait for the input or output buffer ran out of spins */
    PS2_SELF_TEST_FAILED = 3,   /* controller command 0xAA did not answer 0x55 */
    PS2_PORT_TEST_FAILED = 4,   /* interface test 0xAB/0xA9 answered other than 0x00 */
    PS2_NO_PORT = 5,            /* the second port was asked for on a single-channel 8042 */
    PS2_NO_DEVICE = 6,          /* no device answered on the port (or no port passed) */
    PS2_RESEND_LIMIT = 7,       /* the device answered RESEND (0xFE) to every retry */
    PS2_BAD_RESPONSE = 8,       /* the device answered neither ACK (0xFA) nor RESEND */
    PS2_DEVICE_TEST_FAILED = 9, /* reset's basic assurance test answered 0xFC/0xFD */
    PS2_BAD_ARGUMENT = 10,      /* a NULL pointer, a port other than 1/2, an unknown set */
    PS2_WOULD_BLOCK = 11,       /* non-blocking read: the output buffer is empty */
    PS2_ERROR_BIT = 12,         /* a byte came with the status register's parity/timeout bit */
    /* decoder */
    PS2_PENDING = 13,           /* byte taken as part of a longer sequence; no event yet */
    PS2_IGNORED = 14,           /* byte taken, no key: a fake shift or a device reply */
    PS2_UNKNOWN_SCANCODE = 15,  /* byte or sequence in no table; the decoder is idle again */
    PS2_KEY_OVERRUN = 16,       /* 0x00/0xFF: the keyboard's buffer overflowed or a key error */
    /* layouts */
    PS2_NO_CHARACTER = 17,      /* the event types no character (release, modifier, F1 ...) */
    PS2_DEAD_KEY = 18,          /* a dead key: held back to combine with the next key */
    /* mouse */
    PS2_BAD_PACKET = 19,        /* a first byte without bit 3 set: the stream resynchronises */
};

/* A constant English name for every status ("PS2_OK" ...); "unknown" otherwise. */
const char *ps2_status_str(enum ps2_status status);

#endif
