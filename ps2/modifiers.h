/*
 * ps2/modifiers.h: the modifier state machine: which of Shift, Ctrl, Alt, AltGr
 * (Right Alt) and GUI are held, and the Caps/Num/Scroll Lock toggles, with the LED
 * byte the caller sends with keyboard command 0xED (ps2/keyboard.h) when it changes.
 *
 * A lock toggles when its key goes down, not again while it is held (a held key
 * repeats its make code), and not when it comes up.
 */
#ifndef PS2_MODIFIERS_H
#define PS2_MODIFIERS_H

#include <stdbool.h>
#include <stdint.h>

#include "ps2/keycode.h"

/* LED bits of the 0xED data byte (IBM PS/2 Technical Reference, "Set/Reset Status
 * Indicators"). */
#define PS2_LED_SCROLL_LOCK 0x01u
#define PS2_LED_NUM_LOCK 0x02u
#define PS2_LED_CAPS_LOCK 0x04u

/* Held keys, one bit each. */
#define PS2_MOD_LEFT_SHIFT 0x0001u
#define PS2_MOD_RIGHT_SHIFT 0x0002u
#define PS2_MOD_LEFT_CTRL 0x0004u
#define PS2_MOD_RIGHT_CTRL 0x0008u
#define PS2_MOD_LEFT_ALT 0x0010u
#define PS2_MOD_RIGHT_ALT 0x0020u /* AltGr */
#define PS2_MOD_LEFT_GUI 0x0040u
#define PS2_MOD_RIGHT_GUI 0x0080u
/* Lock keys held right now (so a repeat does not toggle again). */
#define PS2_MOD_CAPS_HELD 0x0100u
#define PS2_MOD_NUM_HELD 0x0200u
#define PS2_MOD_SCROLL_HELD 0x0400u

#define PS2_MOD_SHIFT (PS2_MOD_LEFT_SHIFT | PS2_MOD_RIGHT_SHIFT)
#define PS2_MOD_CTRL (PS2_MOD_LEFT_CTRL | PS2_MOD_RIGHT_CTRL)
#define PS2_MOD_ALTGR PS2_MOD_RIGHT_ALT

struct ps2_modifiers {
    uint16_t held;  /* PS2_MOD_* bits */
    uint8_t locks;  /* PS2_LED_* bits: the toggles that are on */
};

/* All keys up; the locks as `leds` says (PS2_LED_* bits, e.g. PS2_LED_NUM_LOCK to
 * start with Num Lock on as most BIOSes do). */
void ps2_modifiers_init(struct ps2_modifiers *mods, uint8_t leds);

/* Applies one key event. Returns true when the lock state changed, so the caller
 * should send ps2_modifiers_leds(mods) to the keyboard; false otherwise. Events of
 * keys that are not modifiers change nothing. */
bool ps2_modifiers_update(struct ps2_modifiers *mods, const struct ps2_key_event *event);

/* The LED byte for command 0xED (bit 0 Scroll, bit 1 Num, bit 2 Caps Lock). */
uint8_t ps2_modifiers_leds(const struct ps2_modifiers *mods);

bool ps2_modifiers_shift(const struct ps2_modifiers *mods);
bool ps2_modifiers_ctrl(const struct ps2_modifiers *mods);
/* Left Alt only: Right Alt is AltGr. */
bool ps2_modifiers_alt(const struct ps2_modifiers *mods);
bool ps2_modifiers_altgr(const struct ps2_modifiers *mods);

#endif
