/*
 * ps2/mouse.h: the PS/2 mouse: set-up (reset, IntelliMouse detection, sample rate,
 * data reporting) and a byte-by-byte packet decoder for the standard 3-byte packet
 * and the IntelliMouse 4-byte packets (IBM PS/2 Hardware Interface Technical
 * Reference, "Pointing Device"; Microsoft, "Wheel mouse" IntelliMouse extensions:
 * sample rates 200, 100, 80 then identify answers 3 with a wheel; 200, 200, 80 then
 * answers 4 with a wheel and buttons 4 and 5).
 *
 * Packet byte 1: bit 0 left, 1 right, 2 middle, 3 always 1, 4 X sign, 5 Y sign,
 * 6 X overflow, 7 Y overflow; byte 2 X and byte 3 Y movement (9-bit two's complement
 * with the sign bits; Y grows upwards); byte 4 (ID 3) the wheel as a signed byte,
 * (ID 4) bits 0-3 the wheel as a signed nibble, bit 4 button 4, bit 5 button 5.
 */
#ifndef PS2_MOUSE_H
#define PS2_MOUSE_H

#include <stdbool.h>
#include <stdint.h>

#include "ps2/device.h"

#define PS2_MOUSE_CMD_SET_SCALING_1_1 0xE6u
#define PS2_MOUSE_CMD_SET_SCALING_2_1 0xE7u
#define PS2_MOUSE_CMD_SET_RESOLUTION 0xE8u
#define PS2_MOUSE_CMD_SET_SAMPLE_RATE 0xF3u

#define PS2_MOUSE_ID_STANDARD 0x00u
#define PS2_MOUSE_ID_WHEEL 0x03u
#define PS2_MOUSE_ID_FIVE_BUTTON 0x04u

#define PS2_MOUSE_LEFT 0x01u
#define PS2_MOUSE_RIGHT 0x02u
#define PS2_MOUSE_MIDDLE 0x04u
#define PS2_MOUSE_BUTTON4 0x08u
#define PS2_MOUSE_BUTTON5 0x10u

struct ps2_mouse_packet {
    int16_t dx, dy;     /* -256..255; meaningless when the overflow flag is set */
    int8_t dz;          /* wheel: positive = towards the user (0 without a wheel) */
    uint8_t buttons;    /* PS2_MOUSE_* bits */
    bool x_overflow, y_overflow;
};

/* Packet assembly state; set it up with ps2_mouse_decoder_init. */
struct ps2_mouse_decoder {
    uint8_t id;         /* device ID: packet size 3 for 0, 4 for 3 and 4 */
    uint8_t count;      /* bytes of the current packet received */
    uint8_t bytes[4];
};

/* Reset, then the IntelliMouse knocks (ID 3, then ID 4), then `sample_rate` (one of
 * 10, 20, 40, 60, 80, 100, 200; else PS2_BAD_ARGUMENT before any I/O) and data
 * reporting on. *id gets the final device ID for ps2_mouse_decoder_init. Polled: run
 * it before an IRQ 12 handler reads port 0x60, or the handler takes the answers. */
PS2_MUST_USE enum ps2_status ps2_mouse_init(struct ps2_controller *ctl, unsigned port,
                                            uint8_t sample_rate, uint8_t *id);

/* Sample rate (0xF3), in reports per second: 10, 20, 40, 60, 80, 100 or 200. */
PS2_MUST_USE enum ps2_status ps2_mouse_set_sample_rate(struct ps2_controller *ctl,
                                                       unsigned port, uint8_t rate);

/* Resolution (0xE8): 0-3 = 1, 2, 4, 8 counts per millimetre; PS2_BAD_ARGUMENT above 3. */
PS2_MUST_USE enum ps2_status ps2_mouse_set_resolution(struct ps2_controller *ctl,
                                                      unsigned port, uint8_t resolution);
/* Scaling 1:1 (0xE6) or 2:1 (0xE7, two_to_one). */
PS2_MUST_USE enum ps2_status ps2_mouse_set_scaling(struct ps2_controller *ctl, unsigned port,
                                                   bool two_to_one);

/* Starts assembling packets of a device with `id` (4-byte packets for IDs 3 and 4). */
void ps2_mouse_decoder_init(struct ps2_mouse_decoder *dec, uint8_t id);

/* Takes one byte. PS2_OK: *packet holds a complete packet. PS2_PENDING: more bytes
 * needed. PS2_BAD_PACKET: a first byte without bit 3 set, dropped so the decoder
 * resynchronises on the next byte that has it. */
PS2_MUST_USE enum ps2_status ps2_mouse_decoder_feed(struct ps2_mouse_decoder *dec, uint8_t byte,
                                                    struct ps2_mouse_packet *packet);

#endif
