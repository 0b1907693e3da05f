/*
 * ps2/scancode.h: a byte-by-byte decoder of keyboard scan-code sets 1 and 2 into key
 * events (ps2/keycode.h). Pure code: no I/O, no allocation, the state is one small
 * struct owned by the caller; feed it every byte the keyboard port delivers.
 *
 * Set 1 is what an 8042 with translation on (configuration byte bit 6, the BIOS
 * default) delivers whatever the keyboard's own set; set 2 is what the keyboard
 * sends untranslated. Tables: Microsoft, "Keyboard Scan Code Specification",
 * Windows Platform Design Notes, revision 1.3a (16 March 2000), Appendix A (set 1
 * and set 2 make/break codes) and Appendix C (ACPI and consumer keys).
 *
 * Handled: every E0 sequence of those tables; the fake shifts the keyboard wraps
 * around extended keys to undo its own Num Lock/Shift emulation (set 1 E0 2A, E0 AA,
 * E0 36, E0 B6; set 2 E0 12, E0 F0 12, E0 59, E0 F0 59) are dropped with
 * PS2_IGNORED, so Print Screen (E0 2A E0 37) is one PS2_KEY_PRINT_SCREEN press;
 * Pause (set 1 E1 1D 45 E1 9D C5, set 2 E1 14 77 E1 F0 14 F0 77) is a press and a
 * release of PS2_KEY_PAUSE, since the key sends both when it goes down and nothing
 * when it comes up; Ctrl+Pause (E0 46 / E0 7E) is PS2_KEY_BREAK, Alt+Print Screen
 * (54 / 84) PS2_KEY_SYSRQ. Hangul and Hanja (F2, F1) have no break code: a press only.
 *
 * Bytes that are not scan codes: 0x00 and 0xFF (key detection error or overrun) give
 * PS2_KEY_OVERRUN; in set 2 the device replies 0xAA (self-test passed), 0xFA (ACK),
 * 0xFC/0xFD (self-test failed), 0xEE (echo) and 0xFE (resend) give PS2_IGNORED. In
 * set 1, 0xFA and 0xFC give PS2_IGNORED too, but 0xAA, 0xEE, 0xFD and 0xFE are the
 * break codes of Left Shift, F23, Yen and keypad comma and decode as such, so replies
 * to commands must be read by the command layer (ps2/device.h), not fed here. A byte that breaks a sequence gives PS2_UNKNOWN_SCANCODE (or, in a
 * Pause sequence, is decoded afresh), and the decoder is idle again: no input leaves
 * it stuck.
 */
#ifndef PS2_SCANCODE_H
#define PS2_SCANCODE_H

#include <stdint.h>

#include "ps2/keycode.h"
#include "ps2/status.h"

enum ps2_scancode_set {
    PS2_SCANCODE_SET_1 = 1,
    PS2_SCANCODE_SET_2 = 2,
};

/* Decoder state; set it up with ps2_decoder_init. Fields are private. */
struct ps2_decoder {
    uint8_t set;
    uint8_t state;
};

/* Starts an idle decoder for `set`. PS2_BAD_ARGUMENT for a NULL decoder or a set
 * other than 1 or 2 (the decoder is then left unchanged). */
PS2_MUST_USE enum ps2_status ps2_decoder_init(struct ps2_decoder *dec, enum ps2_scancode_set set);

/* Forgets a partly received sequence (after the caller lost bytes). */
void ps2_decoder_reset(struct ps2_decoder *dec);

/* Takes one byte. PS2_OK: *event holds a key event. PS2_PENDING: more bytes are
 * needed. PS2_IGNORED: a fake shift or a device reply, no key. PS2_UNKNOWN_SCANCODE:
 * the byte (or the sequence it ended) is in no table. PS2_KEY_OVERRUN: 0x00/0xFF.
 * *event is written only with PS2_OK. */
PS2_MUST_USE enum ps2_status ps2_decoder_feed(struct ps2_decoder *dec, uint8_t byte,
                                              struct ps2_key_event *event);

#endif
