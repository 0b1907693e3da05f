/*
 * ps2/device.h: talking to the device on a PS/2 port (keyboard or mouse): commands
 * acknowledged with ACK (0xFA) or refused with RESEND (0xFE), reset with its basic
 * assurance test, identify, enable/disable scanning. IBM PS/2 Hardware Interface
 * Technical Reference, "Keyboard and Auxiliary Device" command sets.
 *
 * port is 1 (first, keyboard) or 2 (second, auxiliary) of an initialised (or bound)
 * struct ps2_controller. Bytes that arrive from the other port while a command waits
 * for its answer are dropped. Every wait is bounded by the controller's spin limit.
 */
#ifndef PS2_DEVICE_H
#define PS2_DEVICE_H

#include <stddef.h>
#include <stdint.h>

#include "ps2/controller.h"

#define PS2_DEV_ACK 0xFAu
#define PS2_DEV_RESEND 0xFEu
#define PS2_DEV_ECHO 0xEEu
#define PS2_DEV_BAT_PASSED 0xAAu
#define PS2_DEV_BAT_FAILED 0xFCu  /* also 0xFD */

#define PS2_DEV_CMD_RESET 0xFFu
#define PS2_DEV_CMD_RESEND 0xFEu
#define PS2_DEV_CMD_SET_DEFAULTS 0xF6u
#define PS2_DEV_CMD_DISABLE_SCANNING 0xF5u
#define PS2_DEV_CMD_ENABLE_SCANNING 0xF4u
#define PS2_DEV_CMD_IDENTIFY 0xF2u

/* Tries per byte: the first send and up to this many resends after 0xFE. */
#define PS2_DEVICE_TRIES 3u

/* The identify answer: 0 to 2 bytes (none from an AT keyboard; AB 83 from an MF2
 * keyboard, AB 41 through translation; 00 a mouse, 03 IntelliMouse, 04 5 buttons). */
struct ps2_device_id {
    uint8_t bytes[2];
    uint8_t count;
};

/* Sends `len` bytes (a command and its data), each one answered with ACK before the
 * next; a RESEND sends the same byte again, PS2_DEVICE_TRIES times at most
 * (PS2_RESEND_LIMIT), then reads `reply_len` reply bytes into `reply`.
 * PS2_BAD_RESPONSE when a byte is answered with something else; PS2_TIMEOUT when
 * nothing comes. */
PS2_MUST_USE enum ps2_status ps2_device_command(struct ps2_controller *ctl, unsigned port,
                                                const uint8_t *bytes, size_t len,
                                                uint8_t *reply, size_t reply_len);

/* Reset (0xFF): ACK, then the basic assurance test's 0xAA (in either order, as some
 * devices answer), then a mouse's ID byte, which goes to id (keyboards send none).
 * PS2_DEVICE_TEST_FAILED on 0xFC/0xFD, PS2_NO_DEVICE when nothing answers or the
 * controller answers with its time-out error bit. */
PS2_MUST_USE enum ps2_status ps2_device_reset(struct ps2_controller *ctl, unsigned port,
                                              struct ps2_device_id *id);

/* Identify (0xF2) with scanning disabled first (0xF5), as the answer would be mixed
 * with scan codes otherwise; scanning stays disabled. */
PS2_MUST_USE enum ps2_status ps2_device_identify(struct ps2_controller *ctl, unsigned port,
                                                 struct ps2_device_id *id);

/* 0xF4 / 0xF5: the device starts or stops sending scan codes (mouse: packets). */
PS2_MUST_USE enum ps2_status ps2_device_enable_scanning(struct ps2_controller *ctl,
                                                        unsigned port);
PS2_MUST_USE enum ps2_status ps2_device_disable_scanning(struct ps2_controller *ctl,
                                                         unsigned port);

/* Waits (bounded) for the next byte from `port`, dropping bytes of the other port. */
PS2_MUST_USE enum ps2_status ps2_device_read(struct ps2_controller *ctl, unsigned port,
                                             uint8_t *byte);

#endif
