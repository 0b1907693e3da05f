/*
 * ps2/scancode.c: scan-code sets 1 and 2 (Microsoft Keyboard Scan Code Specification
 * rev. 1.3a, Appendix A "Scan code tables" and Appendix C "ACPI and consumer keys").
 * Set 1 breaks are the make code with bit 7 set; set 2 breaks put F0 before the last
 * byte of the make code.
 */
#include "ps2/scancode.h"

#include <stdbool.h>
#include <stddef.h>

/* Set 1, one-byte make codes (Appendix A, "Scan 1 Make" column). */
static const uint8_t set1_base[0x80] = {
    [0x01] = PS2_KEY_ESCAPE, [0x02] = PS2_KEY_1, [0x03] = PS2_KEY_2, [0x04] = PS2_KEY_3,
    [0x05] = PS2_KEY_4, [0x06] = PS2_KEY_5, [0x07] = PS2_KEY_6, [0x08] = PS2_KEY_7,
    [0x09] = PS2_KEY_8, [0x0A] = PS2_KEY_9, [0x0B] = PS2_KEY_0, [0x0C] = PS2_KEY_MINUS,
    [0x0D] = PS2_KEY_EQUALS, [0x0E] = PS2_KEY_BACKSPACE, [0x0F] = PS2_KEY_TAB,
    [0x10] = PS2_KEY_Q, [0x11] = PS2_KEY_W, [0x12] = PS2_KEY_E, [0x13] = PS2_KEY_R,
    [0x14] = PS2_KEY_T, [0x15] = PS2_KEY_Y, [0x16] = PS2_KEY_U, [0x17] = PS2_KEY_I,
    [0x18] = PS2_KEY_O, [0x19] = PS2_KEY_P, [0x1A] = PS2_KEY_LEFT_BRACKET,
    [0x1B] = PS2_KEY_RIGHT_BRACKET, [0x1C] = PS2_KEY_ENTER, [0x1D] = PS2_KEY_LEFT_CTRL,
    [0x1E] = PS2_KEY_A, [0x1F] = PS2_KEY_S, [0x20] = PS2_KEY_D, [0x21] = PS2_KEY_F,
    [0x22] = PS2_KEY_G, [0x23] = PS2_KEY_H, [0x24] = PS2_KEY_J, [0x25] = PS2_KEY_K,
    [0x26] = PS2_KEY_L, [0x27] = PS2_KEY_SEMICOLON, [0x28] = PS2_KEY_APOSTROPHE,
    [0x29] = PS2_KEY_BACKTICK, [0x2A] = PS2_KEY_LEFT_SHIFT, [0x2B] = PS2_KEY_BACKSLASH,
    [0x2C] = PS2_KEY_Z, [0x2D] = PS2_KEY_X, [0x2E] = PS2_KEY_C, [0x2F] = PS2_KEY_V,
    [0x30] = PS2_KEY_B, [0x31] = PS2_KEY_N, [0x32] = PS2_KEY_M, [0x33] = PS2_KEY_COMMA,
    [0x34] = PS2_KEY_PERIOD, [0x35] = PS2_KEY_SLASH, [0x36] = PS2_KEY_RIGHT_SHIFT,
    [0x37] = PS2_KEY_KP_ASTERISK, [0x38] = PS2_KEY_LEFT_ALT, [0x39] = PS2_KEY_SPACE,
    [0x3A] = PS2_KEY_CAPS_LOCK, [0x3B] = PS2_KEY_F1, [0x3C] = PS2_KEY_F2,
    [0x3D] = PS2_KEY_F3, [0x3E] = PS2_KEY_F4, [0x3F] = PS2_KEY_F5, [0x40] = PS2_KEY_F6,
    [0x41] = PS2_KEY_F7, [0x42] = PS2_KEY_F8, [0x43] = PS2_KEY_F9, [0x44] = PS2_KEY_F10,
    [0x45] = PS2_KEY_NUM_LOCK, [0x46] = PS2_KEY_SCROLL_LOCK, [0x47] = PS2_KEY_KP_7,
    [0x48] = PS2_KEY_KP_8, [0x49] = PS2_KEY_KP_9, [0x4A] = PS2_KEY_KP_MINUS,
    [0x4B] = PS2_KEY_KP_4, [0x4C] = PS2_KEY_KP_5, [0x4D] = PS2_KEY_KP_6,
    [0x4E] = PS2_KEY_KP_PLUS, [0x4F] = PS2_KEY_KP_1, [0x50] = PS2_KEY_KP_2,
    [0x51] = PS2_KEY_KP_3, [0x52] = PS2_KEY_KP_0, [0x53] = PS2_KEY_KP_PERIOD,
    [0x54] = PS2_KEY_SYSRQ, [0x56] = PS2_KEY_NON_US_BACKSLASH, [0x57] = PS2_KEY_F11,
    [0x58] = PS2_KEY_F12, [0x59] = PS2_KEY_KP_EQUALS, [0x64] = PS2_KEY_F13,
    [0x65] = PS2_KEY_F14, [0x66] = PS2_KEY_F15, [0x67] = PS2_KEY_F16, [0x68] = PS2_KEY_F17,
    [0x69] = PS2_KEY_F18, [0x6A] = PS2_KEY_F19, [0x6B] = PS2_KEY_F20, [0x6C] = PS2_KEY_F21,
    [0x6D] = PS2_KEY_F22, [0x6E] = PS2_KEY_F23, [0x70] = PS2_KEY_INTL_KATAKANA_HIRAGANA,
    [0x73] = PS2_KEY_INTL_RO, [0x76] = PS2_KEY_F24, [0x79] = PS2_KEY_INTL_HENKAN,
    [0x7B] = PS2_KEY_INTL_MUHENKAN, [0x7D] = PS2_KEY_INTL_YEN, [0x7E] = PS2_KEY_KP_COMMA,
    /* Not in the specification: the codes QEMU sends for F13-F15 (its keycodemapdb,
     * from Linux's set 2 table; the 8042 translates set 2 2F/37/3F to these). No
     * other key uses them, so both conventions decode (ps2/README.md). */
    [0x5D] = PS2_KEY_F13, [0x5E] = PS2_KEY_F14, [0x5F] = PS2_KEY_F15,
};

/* Set 1, E0-prefixed make codes (Appendix A and C). */
static const uint8_t set1_e0[0x80] = {
    [0x10] = PS2_KEY_PREVIOUS_TRACK, [0x19] = PS2_KEY_NEXT_TRACK,
    [0x1C] = PS2_KEY_KP_ENTER, [0x1D] = PS2_KEY_RIGHT_CTRL, [0x20] = PS2_KEY_MUTE,
    [0x21] = PS2_KEY_CALCULATOR, [0x22] = PS2_KEY_PLAY_PAUSE, [0x24] = PS2_KEY_STOP,
    [0x2E] = PS2_KEY_VOLUME_DOWN, [0x30] = PS2_KEY_VOLUME_UP, [0x32] = PS2_KEY_WWW_HOME,
    [0x35] = PS2_KEY_KP_SLASH, [0x37] = PS2_KEY_PRINT_SCREEN, [0x38] = PS2_KEY_RIGHT_ALT,
    [0x46] = PS2_KEY_BREAK, [0x47] = PS2_KEY_HOME, [0x48] = PS2_KEY_UP,
    [0x49] = PS2_KEY_PAGE_UP, [0x4B] = PS2_KEY_LEFT, [0x4D] = PS2_KEY_RIGHT,
    [0x4F] = PS2_KEY_END, [0x50] = PS2_KEY_DOWN, [0x51] = PS2_KEY_PAGE_DOWN,
    [0x52] = PS2_KEY_INSERT, [0x53] = PS2_KEY_DELETE, [0x5B] = PS2_KEY_LEFT_GUI,
    [0x5C] = PS2_KEY_RIGHT_GUI, [0x5D] = PS2_KEY_APPS, [0x5E] = PS2_KEY_POWER,
    [0x5F] = PS2_KEY_SLEEP, [0x63] = PS2_KEY_WAKE, [0x65] = PS2_KEY_WWW_SEARCH,
    [0x66] = PS2_KEY_WWW_FAVORITES, [0x67] = PS2_KEY_WWW_REFRESH, [0x68] = PS2_KEY_WWW_STOP,
    [0x69] = PS2_KEY_WWW_FORWARD, [0x6A] = PS2_KEY_WWW_BACK, [0x6B] = PS2_KEY_MY_COMPUTER,
    [0x6C] = PS2_KEY_MAIL, [0x6D] = PS2_KEY_MEDIA_SELECT,
};

/* Set 2, one-byte make codes (Appendix A, "Scan 2 Make" column). */
static const uint8_t set2_base[0x85] = {
    [0x01] = PS2_KEY_F9, [0x03] = PS2_KEY_F5, [0x04] = PS2_KEY_F3, [0x05] = PS2_KEY_F1,
    [0x06] = PS2_KEY_F2, [0x07] = PS2_KEY_F12, [0x08] = PS2_KEY_F13, [0x09] = PS2_KEY_F10,
    [0x0A] = PS2_KEY_F8, [0x0B] = PS2_KEY_F6, [0x0C] = PS2_KEY_F4, [0x0D] = PS2_KEY_TAB,
    [0x0E] = PS2_KEY_BACKTICK, [0x0F] = PS2_KEY_KP_EQUALS, [0x10] = PS2_KEY_F14,
    [0x11] = PS2_KEY_LEFT_ALT, [0x12] = PS2_KEY_LEFT_SHIFT,
    [0x13] = PS2_KEY_INTL_KATAKANA_HIRAGANA, [0x14] = PS2_KEY_LEFT_CTRL,
    [0x15] = PS2_KEY_Q, [0x16] = PS2_KEY_1, [0x18] = PS2_KEY_F15, [0x1A] = PS2_KEY_Z,
    [0x1B] = PS2_KEY_S, [0x1C] = PS2_KEY_A, [0x1D] = PS2_KEY_W, [0x1E] = PS2_KEY_2,
    [0x20] = PS2_KEY_F16, [0x21] = PS2_KEY_C, [0x22] = PS2_KEY_X, [0x23] = PS2_KEY_D,
    [0x24] = PS2_KEY_E, [0x25] = PS2_KEY_4, [0x26] = PS2_KEY_3, [0x28] = PS2_KEY_F17,
    [0x29] = PS2_KEY_SPACE, [0x2A] = PS2_KEY_V, [0x2B] = PS2_KEY_F, [0x2C] = PS2_KEY_T,
    [0x2D] = PS2_KEY_R, [0x2E] = PS2_KEY_5, [0x30] = PS2_KEY_F18, [0x31] = PS2_KEY_N,
    [0x32] = PS2_KEY_B, [0x33] = PS2_KEY_H, [0x34] = PS2_KEY_G, [0x35] = PS2_KEY_Y,
    [0x36] = PS2_KEY_6, [0x38] = PS2_KEY_F19, [0x3A] = PS2_KEY_M, [0x3B] = PS2_KEY_J,
    [0x3C] = PS2_KEY_U, [0x3D] = PS2_KEY_7, [0x3E] = PS2_KEY_8, [0x40] = PS2_KEY_F20,
    [0x41] = PS2_KEY_COMMA, [0x42] = PS2_KEY_K, [0x43] = PS2_KEY_I, [0x44] = PS2_KEY_O,
    [0x45] = PS2_KEY_0, [0x46] = PS2_KEY_9, [0x48] = PS2_KEY_F21, [0x49] = PS2_KEY_PERIOD,
    [0x4A] = PS2_KEY_SLASH, [0x4B] = PS2_KEY_L, [0x4C] = PS2_KEY_SEMICOLON,
    [0x4D] = PS2_KEY_P, [0x4E] = PS2_KEY_MINUS, [0x50] = PS2_KEY_F22,
    [0x51] = PS2_KEY_INTL_RO, [0x52] = PS2_KEY_APOSTROPHE, [0x54] = PS2_KEY_LEFT_BRACKET,
    [0x55] = PS2_KEY_EQUALS, [0x57] = PS2_KEY_F23, [0x58] = PS2_KEY_CAPS_LOCK,
    [0x59] = PS2_KEY_RIGHT_SHIFT, [0x5A] = PS2_KEY_ENTER, [0x5B] = PS2_KEY_RIGHT_BRACKET,
    [0x5D] = PS2_KEY_BACKSLASH, [0x5F] = PS2_KEY_F24, [0x61] = PS2_KEY_NON_US_BACKSLASH,
    [0x64] = PS2_KEY_INTL_HENKAN, [0x66] = PS2_KEY_BACKSPACE, [0x67] = PS2_KEY_INTL_MUHENKAN,
    [0x69] = PS2_KEY_KP_1, [0x6A] = PS2_KEY_INTL_YEN, [0x6B] = PS2_KEY_KP_4,
    [0x6C] = PS2_KEY_KP_7, [0x6D] = PS2_KEY_KP_COMMA, [0x70] = PS2_KEY_KP_0,
    [0x71] = PS2_KEY_KP_PERIOD, [0x72] = PS2_KEY_KP_2, [0x73] = PS2_KEY_KP_5,
    [0x74] = PS2_KEY_KP_6, [0x75] = PS2_KEY_KP_8, [0x76] = PS2_KEY_ESCAPE,
    [0x77] = PS2_KEY_NUM_LOCK, [0x78] = PS2_KEY_F11, [0x79] = PS2_KEY_KP_PLUS,
    [0x7A] = PS2_KEY_KP_3, [0x7B] = PS2_KEY_KP_MINUS, [0x7C] = PS2_KEY_KP_ASTERISK,
    [0x7D] = PS2_KEY_KP_9, [0x7E] = PS2_KEY_SCROLL_LOCK, [0x83] = PS2_KEY_F7,
    [0x84] = PS2_KEY_SYSRQ,
    /* Not in the specification: keycodemapdb's (QEMU's) codes for F13-F15 and SysRq
     * (the 8042 translates 7F, like 84, to set 1 54). Unused otherwise. */
    [0x2F] = PS2_KEY_F13, [0x37] = PS2_KEY_F14, [0x3F] = PS2_KEY_F15,
    [0x7F] = PS2_KEY_SYSRQ,
};

/* Set 2, E0-prefixed make codes (Appendix A and C). */
static const uint8_t set2_e0[0x80] = {
    [0x10] = PS2_KEY_WWW_SEARCH, [0x11] = PS2_KEY_RIGHT_ALT, [0x14] = PS2_KEY_RIGHT_CTRL,
    [0x15] = PS2_KEY_PREVIOUS_TRACK, [0x18] = PS2_KEY_WWW_FAVORITES,
    [0x1F] = PS2_KEY_LEFT_GUI, [0x20] = PS2_KEY_WWW_REFRESH, [0x21] = PS2_KEY_VOLUME_DOWN,
    [0x23] = PS2_KEY_MUTE, [0x27] = PS2_KEY_RIGHT_GUI, [0x28] = PS2_KEY_WWW_STOP,
    [0x2B] = PS2_KEY_CALCULATOR, [0x2F] = PS2_KEY_APPS, [0x30] = PS2_KEY_WWW_FORWARD,
    [0x32] = PS2_KEY_VOLUME_UP, [0x34] = PS2_KEY_PLAY_PAUSE, [0x37] = PS2_KEY_POWER,
    [0x38] = PS2_KEY_WWW_BACK, [0x3A] = PS2_KEY_WWW_HOME, [0x3B] = PS2_KEY_STOP,
    [0x3F] = PS2_KEY_SLEEP, [0x40] = PS2_KEY_MY_COMPUTER, [0x48] = PS2_KEY_MAIL,
    [0x4A] = PS2_KEY_KP_SLASH, [0x4D] = PS2_KEY_NEXT_TRACK, [0x50] = PS2_KEY_MEDIA_SELECT,
    [0x5A] = PS2_KEY_KP_ENTER, [0x5E] = PS2_KEY_WAKE, [0x69] = PS2_KEY_END,
    [0x6B] = PS2_KEY_LEFT, [0x6C] = PS2_KEY_HOME, [0x70] = PS2_KEY_INSERT,
    [0x71] = PS2_KEY_DELETE, [0x72] = PS2_KEY_DOWN, [0x74] = PS2_KEY_RIGHT,
    [0x75] = PS2_KEY_UP, [0x7A] = PS2_KEY_PAGE_DOWN, [0x7C] = PS2_KEY_PRINT_SCREEN,
    [0x7D] = PS2_KEY_PAGE_UP, [0x7E] = PS2_KEY_BREAK,
};

/* Prefix bytes and the keys without a break code (Appendix A, note on Lang1/Lang2). */
#define SC_E0 0xE0u
#define SC_E1 0xE1u
#define SC2_BREAK 0xF0u
#define SC_HANJA 0xF1u
#define SC_HANGUL 0xF2u

/* Decoder states: where in a multi-byte sequence the last byte left us. */
enum {
    ST_IDLE = 0,
    ST_E0,          /* E0 seen */
    ST_E0_F0,       /* set 2: E0 F0 seen */
    ST_F0,          /* set 2: F0 seen */
    ST_E1,          /* E1 seen: set 1 expects 1D/9D, set 2 14/F0 */
    ST_E1_MAKE,     /* set 1 E1 1D, set 2 E1 14: expects 45 / 77 */
    ST_E1_BREAK,    /* set 1 E1 9D: expects C5; set 2 E1 F0: expects 14 */
    ST_E1_F0_14,    /* set 2 E1 F0 14: expects F0 */
    ST_E1_F0_14_F0, /* set 2 E1 F0 14 F0: expects 77 */
};

enum ps2_status ps2_decoder_init(struct ps2_decoder *dec, enum ps2_scancode_set set)
{
    if (dec == NULL || (set != PS2_SCANCODE_SET_1 && set != PS2_SCANCODE_SET_2)) {
        return PS2_BAD_ARGUMENT;
    }
    dec->set = (uint8_t)set;
    dec->state = ST_IDLE;
    return PS2_OK;
}

void ps2_decoder_reset(struct ps2_decoder *dec)
{
    dec->state = ST_IDLE;
}

static enum ps2_status emit(const uint8_t *table, size_t size, uint8_t code, bool pressed,
                            struct ps2_key_event *event)
{
    if (code >= size || table[code] == PS2_KEY_NONE) {
        return PS2_UNKNOWN_SCANCODE;
    }
    event->key = (enum ps2_key)table[code];
    event->pressed = pressed;
    return PS2_OK;
}

static enum ps2_status pause_event(bool pressed, struct ps2_key_event *event)
{
    event->key = PS2_KEY_PAUSE;
    event->pressed = pressed;
    return PS2_OK;
}

/* The one-byte codes that are not keys: keyboard errors in either set. */
static bool is_overrun(uint8_t byte)
{
    return byte == 0x00u || byte == 0xFFu;
}

/* Hangul/Hanja: a make code with no break in both sets. */
static enum ps2_status lang_key(uint8_t byte, struct ps2_key_event *event)
{
    event->key = byte == SC_HANGUL ? PS2_KEY_LANG_HANGUL : PS2_KEY_LANG_HANJA;
    event->pressed = true;
    return PS2_OK;
}

static enum ps2_status set1_idle(struct ps2_decoder *dec, uint8_t byte,
                                 struct ps2_key_event *event)
{
    if (byte == SC_E0) {
        dec->state = ST_E0;
        return PS2_PENDING;
    }
    if (byte == SC_E1) {
        dec->state = ST_E1;
        return PS2_PENDING;
    }
    if (byte == SC_HANGUL || byte == SC_HANJA) {
        return lang_key(byte, event);
    }
    if (is_overrun(byte)) {
        return PS2_KEY_OVERRUN;
    }
    enum ps2_status st = emit(set1_base, sizeof set1_base, byte & 0x7Fu, (byte & 0x80u) == 0,
                              event);
    /* 0xFA (ACK), 0xFC (self-test failed): break codes of unused makes, so replies. */
    if (st == PS2_UNKNOWN_SCANCODE && (byte == 0xFAu || byte == 0xFCu)) {
        return PS2_IGNORED;
    }
    return st;
}

static enum ps2_status set2_idle(struct ps2_decoder *dec, uint8_t byte,
                                 struct ps2_key_event *event)
{
    switch (byte) {
    case SC_E0: dec->state = ST_E0; return PS2_PENDING;
    case SC_E1: dec->state = ST_E1; return PS2_PENDING;
    case SC2_BREAK: dec->state = ST_F0; return PS2_PENDING;
    case SC_HANGUL:
    case SC_HANJA: return lang_key(byte, event);
    /* Device replies: BAT passed/failed, echo, ACK, resend (no key uses them). */
    case 0xAAu: case 0xFCu: case 0xFDu: case 0xEEu: case 0xFAu: case 0xFEu:
        return PS2_IGNORED;
    default: break;
    }
    if (is_overrun(byte)) {
        return PS2_KEY_OVERRUN;
    }
    return emit(set2_base, sizeof set2_base, byte, true, event);
}

/* Set 1 E0 xx: the fake shifts are dropped. */
static enum ps2_status set1_extended(uint8_t byte, struct ps2_key_event *event)
{
    uint8_t code = byte & 0x7Fu;
    if (code == 0x2Au || code == 0x36u) {
        return PS2_IGNORED;
    }
    return emit(set1_e0, sizeof set1_e0, code, (byte & 0x80u) == 0, event);
}

/* Set 2 E0 xx or E0 F0 xx: the fake shifts 12 and 59 are dropped. */
static enum ps2_status set2_extended(uint8_t byte, bool pressed, struct ps2_key_event *event)
{
    if (byte == 0x12u || byte == 0x59u) {
        return PS2_IGNORED;
    }
    return emit(set2_e0, sizeof set2_e0, byte, pressed, event);
}

/* Pause: set 1 E1 1D 45 / E1 9D C5; set 2 E1 14 77 / E1 F0 14 F0 77. Returns the
 * next state, or ST_IDLE with *done set when the byte completed a press or release,
 * or ST_IDLE with *done clear when it broke the sequence. */
static uint8_t pause_step(uint8_t set, uint8_t state, uint8_t byte, int *done)
{
    static const struct {
        uint8_t state, set, byte, next;
        int done; /* 1: press complete, 2: release complete */
    } steps[] = {
        {ST_E1, 1, 0x1D, ST_E1_MAKE, 0},       {ST_E1_MAKE, 1, 0x45, ST_IDLE, 1},
        {ST_E1, 1, 0x9D, ST_E1_BREAK, 0},      {ST_E1_BREAK, 1, 0xC5, ST_IDLE, 2},
        {ST_E1, 2, 0x14, ST_E1_MAKE, 0},       {ST_E1_MAKE, 2, 0x77, ST_IDLE, 1},
        {ST_E1, 2, 0xF0, ST_E1_BREAK, 0},      {ST_E1_BREAK, 2, 0x14, ST_E1_F0_14, 0},
        {ST_E1_F0_14, 2, 0xF0, ST_E1_F0_14_F0, 0}, {ST_E1_F0_14_F0, 2, 0x77, ST_IDLE, 2},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (steps[i].state == state && steps[i].set == set && steps[i].byte == byte) {
            *done = steps[i].done;
            return steps[i].next;
        }
    }
    *done = 0;
    return ST_IDLE;
}

enum ps2_status ps2_decoder_feed(struct ps2_decoder *dec, uint8_t byte,
                                 struct ps2_key_event *event)
{
    uint8_t state = dec->state;
    bool set1 = dec->set == PS2_SCANCODE_SET_1;
    dec->state = ST_IDLE;
    switch (state) {
    case ST_IDLE:
        return set1 ? set1_idle(dec, byte, event) : set2_idle(dec, byte, event);
    case ST_E0:
        if (set1) {
            return set1_extended(byte, event);
        }
        if (byte == SC2_BREAK) {
            dec->state = ST_E0_F0;
            return PS2_PENDING;
        }
        return set2_extended(byte, true, event);
    case ST_E0_F0:
        return set2_extended(byte, false, event);
    case ST_F0:
        return emit(set2_base, sizeof set2_base, byte, false, event);
    default: {
        int done = 0;
        dec->state = pause_step(dec->set, state, byte, &done);
        if (done != 0) {
            return pause_event(done == 1, event);
        }
        if (dec->state != ST_IDLE) {
            return PS2_PENDING;
        }
        /* The byte broke a Pause sequence: it may start a code of its own. */
        return set1 ? set1_idle(dec, byte, event) : set2_idle(dec, byte, event);
    }
    }
}
