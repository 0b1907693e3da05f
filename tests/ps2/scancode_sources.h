/* Scan codes from sources independent of the Microsoft specification's transcription
 * (scancode_table.h), for the decoder test:
 *
 * 1. QEMU's keycodemapdb (github.com/qemu/keycodemapdb, data/keymaps.csv at commit
 *    22b8996dba9041874845c7446ce89ec4ae2b713d): per key its QEMU QKeyCode name, Linux
 *    key name, "AT set1 keycode" and "AT set2 keycode" (0xE0xx: E0-prefixed). QEMU's
 *    PS/2 keyboard (hw/input/ps2.c) sends exactly these for QMP send-key, except for
 *    Pause and Print Screen (item 3).
 * 2. The 8042's set 2 to set 1 translation (IBM PC AT keyboard controller; the table
 *    as QEMU's hw/input/ps2.c applies it, translate_table[]), codes 00-84; above 84
 *    it passes bytes through. An F0 makes the next translated byte a break (bit 7).
 * 3. The byte sequences hw/input/ps2.c (QEMU 7.x) sends for Pause and Print Screen,
 *    which depend on the modifiers held.
 */
#ifndef TESTS_PS2_SCANCODE_SOURCES_H
#define TESTS_PS2_SCANCODE_SOURCES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ps2/keycode.h"

struct kcm_row {
    const char *qcode;  /* QKeyCode name ("-": keycodemapdb gives none) */
    const char *linux;  /* Linux key name */
    uint16_t set1, set2;
    enum ps2_key key;   /* the library's key for that row */
};

static const struct kcm_row kcm_rows[] = {
    {"esc", "KEY_ESC", 0x01, 0x76, PS2_KEY_ESCAPE},
    {"1", "KEY_1", 0x02, 0x16, PS2_KEY_1}, {"2", "KEY_2", 0x03, 0x1e, PS2_KEY_2},
    {"3", "KEY_3", 0x04, 0x26, PS2_KEY_3}, {"4", "KEY_4", 0x05, 0x25, PS2_KEY_4},
    {"5", "KEY_5", 0x06, 0x2e, PS2_KEY_5}, {"6", "KEY_6", 0x07, 0x36, PS2_KEY_6},
    {"7", "KEY_7", 0x08, 0x3d, PS2_KEY_7}, {"8", "KEY_8", 0x09, 0x3e, PS2_KEY_8},
    {"9", "KEY_9", 0x0a, 0x46, PS2_KEY_9}, {"0", "KEY_0", 0x0b, 0x45, PS2_KEY_0},
    {"minus", "KEY_MINUS", 0x0c, 0x4e, PS2_KEY_MINUS},
    {"equal", "KEY_EQUAL", 0x0d, 0x55, PS2_KEY_EQUALS},
    {"backspace", "KEY_BACKSPACE", 0x0e, 0x66, PS2_KEY_BACKSPACE},
    {"tab", "KEY_TAB", 0x0f, 0x0d, PS2_KEY_TAB},
    {"q", "KEY_Q", 0x10, 0x15, PS2_KEY_Q}, {"w", "KEY_W", 0x11, 0x1d, PS2_KEY_W},
    {"e", "KEY_E", 0x12, 0x24, PS2_KEY_E}, {"r", "KEY_R", 0x13, 0x2d, PS2_KEY_R},
    {"t", "KEY_T", 0x14, 0x2c, PS2_KEY_T}, {"y", "KEY_Y", 0x15, 0x35, PS2_KEY_Y},
    {"u", "KEY_U", 0x16, 0x3c, PS2_KEY_U}, {"i", "KEY_I", 0x17, 0x43, PS2_KEY_I},
    {"o", "KEY_O", 0x18, 0x44, PS2_KEY_O}, {"p", "KEY_P", 0x19, 0x4d, PS2_KEY_P},
    {"bracket_left", "KEY_LEFTBRACE", 0x1a, 0x54, PS2_KEY_LEFT_BRACKET},
    {"bracket_right", "KEY_RIGHTBRACE", 0x1b, 0x5b, PS2_KEY_RIGHT_BRACKET},
    {"ret", "KEY_ENTER", 0x1c, 0x5a, PS2_KEY_ENTER},
    {"ctrl", "KEY_LEFTCTRL", 0x1d, 0x14, PS2_KEY_LEFT_CTRL},
    {"a", "KEY_A", 0x1e, 0x1c, PS2_KEY_A}, {"s", "KEY_S", 0x1f, 0x1b, PS2_KEY_S},
    {"d", "KEY_D", 0x20, 0x23, PS2_KEY_D}, {"f", "KEY_F", 0x21, 0x2b, PS2_KEY_F},
    {"g", "KEY_G", 0x22, 0x34, PS2_KEY_G}, {"h", "KEY_H", 0x23, 0x33, PS2_KEY_H},
    {"j", "KEY_J", 0x24, 0x3b, PS2_KEY_J}, {"k", "KEY_K", 0x25, 0x42, PS2_KEY_K},
    {"l", "KEY_L", 0x26, 0x4b, PS2_KEY_L},
    {"semicolon", "KEY_SEMICOLON", 0x27, 0x4c, PS2_KEY_SEMICOLON},
    {"apostrophe", "KEY_APOSTROPHE", 0x28, 0x52, PS2_KEY_APOSTROPHE},
    {"grave_accent", "KEY_GRAVE", 0x29, 0x0e, PS2_KEY_BACKTICK},
    {"shift", "KEY_LEFTSHIFT", 0x2a, 0x12, PS2_KEY_LEFT_SHIFT},
    {"backslash", "KEY_BACKSLASH", 0x2b, 0x5d, PS2_KEY_BACKSLASH},
    {"z", "KEY_Z", 0x2c, 0x1a, PS2_KEY_Z}, {"x", "KEY_X", 0x2d, 0x22, PS2_KEY_X},
    {"c", "KEY_C", 0x2e, 0x21, PS2_KEY_C}, {"v", "KEY_V", 0x2f, 0x2a, PS2_KEY_V},
    {"b", "KEY_B", 0x30, 0x32, PS2_KEY_B}, {"n", "KEY_N", 0x31, 0x31, PS2_KEY_N},
    {"m", "KEY_M", 0x32, 0x3a, PS2_KEY_M},
    {"comma", "KEY_COMMA", 0x33, 0x41, PS2_KEY_COMMA},
    {"dot", "KEY_DOT", 0x34, 0x49, PS2_KEY_PERIOD},
    {"slash", "KEY_SLASH", 0x35, 0x4a, PS2_KEY_SLASH},
    {"shift_r", "KEY_RIGHTSHIFT", 0x36, 0x59, PS2_KEY_RIGHT_SHIFT},
    {"kp_multiply", "KEY_KPASTERISK", 0x37, 0x7c, PS2_KEY_KP_ASTERISK},
    {"alt", "KEY_LEFTALT", 0x38, 0x11, PS2_KEY_LEFT_ALT},
    {"spc", "KEY_SPACE", 0x39, 0x29, PS2_KEY_SPACE},
    {"caps_lock", "KEY_CAPSLOCK", 0x3a, 0x58, PS2_KEY_CAPS_LOCK},
    {"f1", "KEY_F1", 0x3b, 0x05, PS2_KEY_F1}, {"f2", "KEY_F2", 0x3c, 0x06, PS2_KEY_F2},
    {"f3", "KEY_F3", 0x3d, 0x04, PS2_KEY_F3}, {"f4", "KEY_F4", 0x3e, 0x0c, PS2_KEY_F4},
    {"f5", "KEY_F5", 0x3f, 0x03, PS2_KEY_F5}, {"f6", "KEY_F6", 0x40, 0x0b, PS2_KEY_F6},
    {"f7", "KEY_F7", 0x41, 0x83, PS2_KEY_F7}, {"f8", "KEY_F8", 0x42, 0x0a, PS2_KEY_F8},
    {"f9", "KEY_F9", 0x43, 0x01, PS2_KEY_F9}, {"f10", "KEY_F10", 0x44, 0x09, PS2_KEY_F10},
    {"num_lock", "KEY_NUMLOCK", 0x45, 0x77, PS2_KEY_NUM_LOCK},
    {"scroll_lock", "KEY_SCROLLLOCK", 0x46, 0x7e, PS2_KEY_SCROLL_LOCK},
    {"kp_7", "KEY_KP7", 0x47, 0x6c, PS2_KEY_KP_7}, {"kp_8", "KEY_KP8", 0x48, 0x75, PS2_KEY_KP_8},
    {"kp_9", "KEY_KP9", 0x49, 0x7d, PS2_KEY_KP_9},
    {"kp_subtract", "KEY_KPMINUS", 0x4a, 0x7b, PS2_KEY_KP_MINUS},
    {"kp_4", "KEY_KP4", 0x4b, 0x6b, PS2_KEY_KP_4}, {"kp_5", "KEY_KP5", 0x4c, 0x73, PS2_KEY_KP_5},
    {"kp_6", "KEY_KP6", 0x4d, 0x74, PS2_KEY_KP_6},
    {"kp_add", "KEY_KPPLUS", 0x4e, 0x79, PS2_KEY_KP_PLUS},
    {"kp_1", "KEY_KP1", 0x4f, 0x69, PS2_KEY_KP_1}, {"kp_2", "KEY_KP2", 0x50, 0x72, PS2_KEY_KP_2},
    {"kp_3", "KEY_KP3", 0x51, 0x7a, PS2_KEY_KP_3}, {"kp_0", "KEY_KP0", 0x52, 0x70, PS2_KEY_KP_0},
    {"kp_decimal", "KEY_KPDOT", 0x53, 0x71, PS2_KEY_KP_PERIOD},
    {"sysrq", "KEY_SYSRQ", 0x54, 0x7f, PS2_KEY_SYSRQ},
    {"less", "KEY_102ND", 0x56, 0x61, PS2_KEY_NON_US_BACKSLASH},
    {"f11", "KEY_F11", 0x57, 0x78, PS2_KEY_F11}, {"f12", "KEY_F12", 0x58, 0x07, PS2_KEY_F12},
    {"ro", "KEY_RO", 0x73, 0x51, PS2_KEY_INTL_RO},
    {"henkan", "KEY_HENKAN", 0x79, 0x64, PS2_KEY_INTL_HENKAN},
    {"katakanahiragana", "KEY_KATAKANAHIRAGANA", 0x70, 0x13, PS2_KEY_INTL_KATAKANA_HIRAGANA},
    {"muhenkan", "KEY_MUHENKAN", 0x7b, 0x67, PS2_KEY_INTL_MUHENKAN},
    {"kp_enter", "KEY_KPENTER", 0xe01c, 0xe05a, PS2_KEY_KP_ENTER},
    {"ctrl_r", "KEY_RIGHTCTRL", 0xe01d, 0xe014, PS2_KEY_RIGHT_CTRL},
    {"kp_divide", "KEY_KPSLASH", 0xe035, 0xe04a, PS2_KEY_KP_SLASH},
    {"alt_r", "KEY_RIGHTALT", 0xe038, 0xe011, PS2_KEY_RIGHT_ALT},
    {"home", "KEY_HOME", 0xe047, 0xe06c, PS2_KEY_HOME},
    {"up", "KEY_UP", 0xe048, 0xe075, PS2_KEY_UP},
    {"pgup", "KEY_PAGEUP", 0xe049, 0xe07d, PS2_KEY_PAGE_UP},
    {"left", "KEY_LEFT", 0xe04b, 0xe06b, PS2_KEY_LEFT},
    {"right", "KEY_RIGHT", 0xe04d, 0xe074, PS2_KEY_RIGHT},
    {"end", "KEY_END", 0xe04f, 0xe069, PS2_KEY_END},
    {"down", "KEY_DOWN", 0xe050, 0xe072, PS2_KEY_DOWN},
    {"pgdn", "KEY_PAGEDOWN", 0xe051, 0xe07a, PS2_KEY_PAGE_DOWN},
    {"insert", "KEY_INSERT", 0xe052, 0xe070, PS2_KEY_INSERT},
    {"delete", "KEY_DELETE", 0xe053, 0xe071, PS2_KEY_DELETE},
    {"audiomute", "KEY_MUTE", 0xe020, 0xe023, PS2_KEY_MUTE},
    {"volumedown", "KEY_VOLUMEDOWN", 0xe02e, 0xe021, PS2_KEY_VOLUME_DOWN},
    {"volumeup", "KEY_VOLUMEUP", 0xe030, 0xe032, PS2_KEY_VOLUME_UP},
    {"power", "KEY_POWER", 0xe05e, 0xe037, PS2_KEY_POWER},
    {"kp_equals", "KEY_KPEQUAL", 0x59, 0x0f, PS2_KEY_KP_EQUALS},
    {"kp_comma", "KEY_KPCOMMA", 0x7e, 0x6d, PS2_KEY_KP_COMMA},
    {"lang1", "KEY_HANGEUL", 0xf2, 0xf2, PS2_KEY_LANG_HANGUL},
    {"lang2", "KEY_HANJA", 0xf1, 0xf1, PS2_KEY_LANG_HANJA},
    {"yen", "KEY_YEN", 0x7d, 0x6a, PS2_KEY_INTL_YEN},
    {"meta_l", "KEY_LEFTMETA", 0xe05b, 0xe01f, PS2_KEY_LEFT_GUI},
    {"meta_r", "KEY_RIGHTMETA", 0xe05c, 0xe027, PS2_KEY_RIGHT_GUI},
    {"compose", "KEY_COMPOSE", 0xe05d, 0xe02f, PS2_KEY_APPS},
    {"stop", "KEY_STOP", 0xe068, 0xe028, PS2_KEY_WWW_STOP},
    {"calculator", "KEY_CALC", 0xe021, 0xe02b, PS2_KEY_CALCULATOR},
    {"sleep", "KEY_SLEEP", 0xe05f, 0xe03f, PS2_KEY_SLEEP},
    {"wake", "KEY_WAKEUP", 0xe063, 0xe05e, PS2_KEY_WAKE},
    {"mail", "KEY_MAIL", 0xe06c, 0xe048, PS2_KEY_MAIL},
    {"ac_bookmarks", "KEY_BOOKMARKS", 0xe066, 0xe018, PS2_KEY_WWW_FAVORITES},
    {"computer", "KEY_COMPUTER", 0xe06b, 0xe040, PS2_KEY_MY_COMPUTER},
    {"ac_back", "KEY_BACK", 0xe06a, 0xe038, PS2_KEY_WWW_BACK},
    {"ac_forward", "KEY_FORWARD", 0xe069, 0xe030, PS2_KEY_WWW_FORWARD},
    {"audionext", "KEY_NEXTSONG", 0xe019, 0xe04d, PS2_KEY_NEXT_TRACK},
    {"audioplay", "KEY_PLAYPAUSE", 0xe022, 0xe034, PS2_KEY_PLAY_PAUSE},
    {"audioprev", "KEY_PREVIOUSSONG", 0xe010, 0xe015, PS2_KEY_PREVIOUS_TRACK},
    {"audiostop", "KEY_STOPCD", 0xe024, 0xe03b, PS2_KEY_STOP},
    {"ac_home", "KEY_HOMEPAGE", 0xe032, 0xe03a, PS2_KEY_WWW_HOME},
    {"ac_refresh", "KEY_REFRESH", 0xe067, 0xe020, PS2_KEY_WWW_REFRESH},
    {"mediaselect", "KEY_MEDIA", 0xe06d, 0xe050, PS2_KEY_MEDIA_SELECT},
    {"-", "KEY_SEARCH", 0xe065, 0xe010, PS2_KEY_WWW_SEARCH},
    /* F13-F15: keycodemapdb's codes differ from the specification's (64-66 / 08 10
     * 18); the decoder accepts both (ps2/README.md). */
    {"f13", "KEY_F13", 0x5d, 0x2f, PS2_KEY_F13},
    {"f14", "KEY_F14", 0x5e, 0x37, PS2_KEY_F14},
    {"f15", "KEY_F15", 0x5f, 0x3f, PS2_KEY_F15},
};

/* keycodemapdb rows the library decodes differently, with the reason: the set 1
 * code and the key the decoder gives for it. keycodemapdb has set 1 codes for these
 * (from Linux's XT emulation) but no set 2 code, so QEMU's keyboard in its default
 * set 2 (and so through the 8042's translation) never sends them. */
struct kcm_conflict {
    const char *linux;
    uint16_t set1;
    enum ps2_key decoded;  /* PS2_KEY_NONE: not decoded */
    const char *why;
};

static const struct kcm_conflict kcm_conflicts[] = {
    {"KEY_F16", 0x55, PS2_KEY_NONE, "the specification gives F16 set 1 67"},
    {"KEY_F17", 0xe003, PS2_KEY_NONE, "F17 is 68 in the specification"},
    {"KEY_F18", 0xe077, PS2_KEY_NONE, "F18 is 69 in the specification"},
    {"KEY_F19", 0xe004, PS2_KEY_NONE, "F19 is 6A in the specification"},
    {"KEY_F20", 0x5a, PS2_KEY_NONE, "F20 is 6B in the specification"},
    {"KEY_F21", 0x74, PS2_KEY_NONE, "F21 is 6C in the specification"},
    {"KEY_F22", 0xe079, PS2_KEY_NONE, "F22 is 6D in the specification"},
    {"KEY_F23", 0x6d, PS2_KEY_F22, "the specification's F22; its F23 is 6E"},
    {"KEY_F24", 0x6f, PS2_KEY_NONE, "F24 is 76 in the specification"},
    {"KEY_ZENKAKUHANKAKU", 0x76, PS2_KEY_F24, "the specification's F24 (set 2 5F too)"},
    {"KEY_PAUSE", 0xe046, PS2_KEY_BREAK,
     "Ctrl+Pause's code in the specification; QEMU sends Pause as E1 sequences"},
};

/* The 8042's translation of set 2 codes 00-84 to set 1 (IBM PC AT; QEMU
 * hw/input/ps2.c translate_table). */
static const uint8_t i8042_translation[0x85] = {
    0xff, 0x43, 0x41, 0x3f, 0x3d, 0x3b, 0x3c, 0x58, 0x64, 0x44, 0x42, 0x40, 0x3e, 0x0f, 0x29, 0x59,
    0x65, 0x38, 0x2a, 0x70, 0x1d, 0x10, 0x02, 0x5a, 0x66, 0x71, 0x2c, 0x1f, 0x1e, 0x11, 0x03, 0x5b,
    0x67, 0x2e, 0x2d, 0x20, 0x12, 0x05, 0x04, 0x5c, 0x68, 0x39, 0x2f, 0x21, 0x14, 0x13, 0x06, 0x5d,
    0x69, 0x31, 0x30, 0x23, 0x22, 0x15, 0x07, 0x5e, 0x6a, 0x72, 0x32, 0x24, 0x16, 0x08, 0x09, 0x5f,
    0x6b, 0x33, 0x25, 0x17, 0x18, 0x0b, 0x0a, 0x60, 0x6c, 0x34, 0x35, 0x26, 0x27, 0x19, 0x0c, 0x61,
    0x6d, 0x73, 0x28, 0x74, 0x1a, 0x0d, 0x62, 0x6e, 0x3a, 0x36, 0x1c, 0x1b, 0x75, 0x2b, 0x63, 0x76,
    0x55, 0x56, 0x77, 0x78, 0x79, 0x7a, 0x0e, 0x7b, 0x7c, 0x4f, 0x7d, 0x4b, 0x47, 0x7e, 0x7f, 0x6f,
    0x52, 0x53, 0x50, 0x4c, 0x4d, 0x48, 0x01, 0x45, 0x57, 0x4e, 0x51, 0x4a, 0x37, 0x49, 0x46, 0x54,
    0x80, 0x81, 0x82, 0x41, 0x54,
};

/* The 8042's translation of a set 2 byte sequence to set 1: F0 is dropped and sets
 * bit 7 of the next translated byte. Returns the number of bytes in `out`. */
static inline size_t i8042_translate(const uint8_t *in, size_t n, uint8_t *out)
{
    size_t m = 0;
    bool brk = false;
    for (size_t i = 0; i < n; i++) {
        if (in[i] == 0xF0) {
            brk = true;
            continue;
        }
        uint8_t t = in[i] < sizeof i8042_translation ? i8042_translation[in[i]] : in[i];
        out[m++] = (uint8_t)(brk ? t | 0x80u : t);
        brk = false;
    }
    return m;
}

/* What QEMU's keyboard sends (hw/input/ps2.c, ps2_keyboard_event) for Pause and
 * Print Screen, by the modifiers held; and the events the decoder must give. The
 * modifier's own press happened before; its bytes here are QEMU's fake release and
 * press around SysRq. */
struct qemu_sequence {
    const char *what;
    int set;
    unsigned count;
    const char *bytes;
    struct ps2_key_event events[4];
};

static const struct qemu_sequence qemu_sequences[] = {
    {"Pause", 1, 2, "E1 1D 45 E1 9D C5", {{PS2_KEY_PAUSE, true}, {PS2_KEY_PAUSE, false}}},
    {"Ctrl+Pause", 1, 2, "E0 46 E0 C6", {{PS2_KEY_BREAK, true}, {PS2_KEY_BREAK, false}}},
    {"Print", 1, 1, "E0 2A E0 37", {{PS2_KEY_PRINT_SCREEN, true}}},
    {"Print up", 1, 1, "E0 B7 E0 AA", {{PS2_KEY_PRINT_SCREEN, false}}},
    {"Shift/Ctrl+Print", 1, 1, "E0 37", {{PS2_KEY_PRINT_SCREEN, true}}},
    {"Shift/Ctrl+Print up", 1, 1, "E0 B7", {{PS2_KEY_PRINT_SCREEN, false}}},
    {"Alt+Print", 1, 3, "B8 38 54",
     {{PS2_KEY_LEFT_ALT, false}, {PS2_KEY_LEFT_ALT, true}, {PS2_KEY_SYSRQ, true}}},
    {"Alt+Print up", 1, 3, "D4 B8 38",
     {{PS2_KEY_SYSRQ, false}, {PS2_KEY_LEFT_ALT, false}, {PS2_KEY_LEFT_ALT, true}}},
    {"AltGr+Print", 1, 3, "E0 B8 E0 38 54",
     {{PS2_KEY_RIGHT_ALT, false}, {PS2_KEY_RIGHT_ALT, true}, {PS2_KEY_SYSRQ, true}}},
    {"AltGr+Print up", 1, 3, "D4 E0 B8 E0 38",
     {{PS2_KEY_SYSRQ, false}, {PS2_KEY_RIGHT_ALT, false}, {PS2_KEY_RIGHT_ALT, true}}},
    {"Pause", 2, 2, "E1 14 77 E1 F0 14 F0 77", {{PS2_KEY_PAUSE, true}, {PS2_KEY_PAUSE, false}}},
    {"Ctrl+Pause", 2, 2, "E0 7E E0 F0 7E", {{PS2_KEY_BREAK, true}, {PS2_KEY_BREAK, false}}},
    {"Print", 2, 1, "E0 12 E0 7C", {{PS2_KEY_PRINT_SCREEN, true}}},
    {"Print up", 2, 1, "E0 F0 7C E0 F0 12", {{PS2_KEY_PRINT_SCREEN, false}}},
    {"Shift/Ctrl+Print", 2, 1, "E0 7C", {{PS2_KEY_PRINT_SCREEN, true}}},
    {"Shift/Ctrl+Print up", 2, 1, "E0 F0 7C", {{PS2_KEY_PRINT_SCREEN, false}}},
    {"Alt+Print", 2, 3, "F0 11 11 84",
     {{PS2_KEY_LEFT_ALT, false}, {PS2_KEY_LEFT_ALT, true}, {PS2_KEY_SYSRQ, true}}},
    {"Alt+Print up", 2, 3, "F0 84 F0 11 11",
     {{PS2_KEY_SYSRQ, false}, {PS2_KEY_LEFT_ALT, false}, {PS2_KEY_LEFT_ALT, true}}},
    {"AltGr+Print", 2, 3, "E0 F0 11 E0 11 84",
     {{PS2_KEY_RIGHT_ALT, false}, {PS2_KEY_RIGHT_ALT, true}, {PS2_KEY_SYSRQ, true}}},
    {"AltGr+Print up", 2, 3, "F0 84 E0 F0 11 E0 11",
     {{PS2_KEY_SYSRQ, false}, {PS2_KEY_RIGHT_ALT, false}, {PS2_KEY_RIGHT_ALT, true}}},
};

#endif
