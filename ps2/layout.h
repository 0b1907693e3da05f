/*
 * ps2/layout.h: keyboard layouts: key events plus modifier state into Unicode code
 * points, with dead keys.
 *
 * Layouts (the published Microsoft keyboard layouts, "Windows keyboard layouts",
 * learn.microsoft.com/globalization/windows-keyboard-layouts):
 *   ps2_layout_us  US (KLID 00000409): no AltGr; Right Alt is a plain Alt.
 *   ps2_layout_uk  United Kingdom (00000809): £, ¬, AltGr+4 €, AltGr+` ¦, AltGr+vowel
 *                  acute (á é í ó ú), "# ~" left of Enter, "\ |" left of Z.
 *   ps2_layout_de  German (00000407): QWERTZ, ä ö ü ß, AltGr @ € ² ³ { [ ] } \ ~ | µ;
 *                  dead keys ^ (left of 1), ´ and ` (right of ß); keypad decimal ','.
 * Rules common to all: letters follow Caps Lock (Caps Lock and Shift together give
 * lower case); the keypad types digits and the decimal sign when Num Lock is on and
 * Shift is not held (Shift inverts Num Lock), else it is navigation (no character);
 * Enter and keypad Enter give U+000A, Tab U+0009, Backspace U+0008, Escape U+001B,
 * Delete U+007F. Ctrl with a letter gives its C0 control code (Ctrl+C = U+0003; on
 * German QWERTZ Ctrl+Z is the key labelled Z, PS2_KEY_Y); otherwise Ctrl and Left Alt
 * do not change the character, and the caller reads them from the modifiers.
 * Dead keys: a dead key press gives PS2_DEAD_KEY and is held in the caller's
 * struct ps2_compose; the next key that types a character combines with it (â, é,
 * è ...), or, with no such combination, both characters come out (the accent, then
 * the key's own character), as Windows does; Space after a dead key gives the accent
 * alone. Key presses that type nothing (arrows, modifiers) leave it pending.
 */
#ifndef PS2_LAYOUT_H
#define PS2_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "ps2/keycode.h"
#include "ps2/modifiers.h"
#include "ps2/status.h"

/* One key's characters at the four levels: base, Shift, AltGr, AltGr+Shift
 * (0: none). `dead` has bit n set when level n is a dead key (its character is the
 * spacing accent); `caps` says Caps Lock acts as Shift on levels 0 and 1. */
struct ps2_layout_key {
    uint16_t level[4];
    uint8_t dead;
    bool caps;
};

struct ps2_layout {
    const char *name;                              /* "us", "uk", "de" */
    const struct ps2_layout_key *keys;             /* indexed by enum ps2_key */
    uint16_t keypad_decimal;                       /* '.' or ',' */
    bool has_altgr;                                /* false: Right Alt is a plain Alt */
};

extern const struct ps2_layout ps2_layout_us;
extern const struct ps2_layout ps2_layout_uk;
extern const struct ps2_layout ps2_layout_de;

/* Dead-key state between key presses; zero it (or call ps2_compose_init) first. */
struct ps2_compose {
    uint16_t pending; /* spacing accent of the pending dead key, 0 if none */
};

void ps2_compose_init(struct ps2_compose *compose);

/* Translates one key event with the modifier state after it (call
 * ps2_modifiers_update first). PS2_OK: out[0..*count) hold 1 or 2 code points.
 * PS2_NO_CHARACTER: a release, or a key that types nothing. PS2_DEAD_KEY: a dead
 * key is now pending in *compose. PS2_BAD_ARGUMENT: a NULL pointer or a key code
 * out of range. */
PS2_MUST_USE enum ps2_status ps2_layout_translate(const struct ps2_layout *layout,
                                                  const struct ps2_modifiers *mods,
                                                  struct ps2_compose *compose,
                                                  const struct ps2_key_event *event,
                                                  uint32_t out[2], unsigned *count);

#endif
