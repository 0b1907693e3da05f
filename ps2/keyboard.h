/*
 * ps2/keyboard.h: keyboard commands (IBM PS/2 Hardware Interface Technical
 * Reference, "Keyboard Commands"): LEDs (0xED), echo (0xEE), scan-code set get and
 * select (0xF0), typematic rate and delay (0xF3). Reset, identify and scanning
 * on/off are device-generic: ps2/device.h. port is 1 normally (2 if the keyboard
 * sits on the auxiliary port).
 */
#ifndef PS2_KEYBOARD_H
#define PS2_KEYBOARD_H

#include <stdint.h>

#include "ps2/device.h"
#include "ps2/scancode.h"

#define PS2_KBD_CMD_SET_LEDS 0xEDu
#define PS2_KBD_CMD_ECHO 0xEEu
#define PS2_KBD_CMD_SCANCODE_SET 0xF0u
#define PS2_KBD_CMD_TYPEMATIC 0xF3u

/* Sets the LEDs: PS2_LED_* bits of ps2/modifiers.h (bit 0 Scroll, 1 Num, 2 Caps). */
PS2_MUST_USE enum ps2_status ps2_keyboard_set_leds(struct ps2_controller *ctl, unsigned port,
                                                   uint8_t leds);

/* Echo (0xEE): the keyboard answers 0xEE, with no ACK. PS2_BAD_RESPONSE otherwise. */
PS2_MUST_USE enum ps2_status ps2_keyboard_echo(struct ps2_controller *ctl, unsigned port);

/* The keyboard's current scan-code set (0xF0 0x00): 1, 2 or 3 in *set. Keyboards
 * behind translation answer 0x43, 0x41, 0x3F; those are mapped to 1, 2, 3 too.
 * PS2_BAD_RESPONSE for any other answer. */
PS2_MUST_USE enum ps2_status ps2_keyboard_get_scancode_set(struct ps2_controller *ctl,
                                                           unsigned port, uint8_t *set);
/* Selects scan-code set 1, 2 or 3 (0xF0 n). PS2_BAD_ARGUMENT for another value;
 * many keyboards refuse set 1 or 3 with RESEND (PS2_RESEND_LIMIT). */
PS2_MUST_USE enum ps2_status ps2_keyboard_set_scancode_set(struct ps2_controller *ctl,
                                                           unsigned port, uint8_t set);

/* Typematic byte (0xF3 data): bits 0-4 the repeat rate, bits 5-6 the delay.
 * Period = (8 + A) * 2^B * 4.17 ms with A = bits 0-2, B = bits 3-4, so 0x00 is
 * 30.0 characters per second and 0x1F is 2.0; delay = (1 + D) * 250 ms.
 * ps2_typematic_rate gives the rate in tenths of a character per second (300 for
 * 0x00) as the Technical Reference's table prints it; ps2_typematic_delay the delay
 * in milliseconds. */
uint16_t ps2_typematic_rate(uint8_t typematic);
uint16_t ps2_typematic_delay(uint8_t typematic);
/* The byte whose rate is nearest to `rate_tenths` (tenths of a character per second)
 * and whose delay is nearest to `delay_ms`; ties go to the slower rate, the longer
 * delay. */
uint8_t ps2_typematic_encode(uint16_t rate_tenths, uint16_t delay_ms);

PS2_MUST_USE enum ps2_status ps2_keyboard_set_typematic(struct ps2_controller *ctl,
                                                        unsigned port, uint8_t typematic);

#endif
