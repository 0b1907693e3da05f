/*
 * ps2/layouts.c: the US, UK and German layout tables (Microsoft "Windows keyboard
 * layouts": US 00000409, United Kingdom 00000809, German 00000407), indexed by key
 * code. Levels: base, Shift, AltGr, AltGr+Shift; keys not listed type nothing here
 * (ps2/layout.c handles Space, Enter, Tab, Backspace, Escape, Delete and the keypad).
 */
#include "ps2/layout.h"

/* A letter that follows Caps Lock; with an AltGr character or not. */
#define LETTER(lower) {{(lower), (lower) - 0x20, 0, 0}, 0, true}
#define LETTER_ALTGR(lower, altgr, altgr_shift) {{(lower), (lower) - 0x20, (altgr), (altgr_shift)}, 0, true}
/* A key with a base and a Shift character, and optional AltGr characters. */
#define KEY2(base, shifted) {{(base), (shifted), 0, 0}, 0, false}
#define KEY3(base, shifted, altgr) {{(base), (shifted), (altgr), 0}, 0, false}
/* A key with dead levels: bit n of `dead` for level n (ps2/layout.h). */
#define DEADKEY(base, shifted, dead) {{(base), (shifted), 0, 0}, (dead), false}

/* The letters every one of the three layouts has at the US positions (all but Y and
 * Z, which German swaps, and the ones with AltGr characters on some layouts). */
#define COMMON_LETTERS                                                                   \
    [PS2_KEY_B] = LETTER('b'), [PS2_KEY_C] = LETTER('c'), [PS2_KEY_D] = LETTER('d'),     \
    [PS2_KEY_F] = LETTER('f'), [PS2_KEY_G] = LETTER('g'), [PS2_KEY_H] = LETTER('h'),     \
    [PS2_KEY_J] = LETTER('j'), [PS2_KEY_K] = LETTER('k'), [PS2_KEY_L] = LETTER('l'),     \
    [PS2_KEY_N] = LETTER('n'), [PS2_KEY_P] = LETTER('p'), [PS2_KEY_R] = LETTER('r'),     \
    [PS2_KEY_S] = LETTER('s'), [PS2_KEY_T] = LETTER('t'), [PS2_KEY_V] = LETTER('v'),     \
    [PS2_KEY_W] = LETTER('w'), [PS2_KEY_X] = LETTER('x')

/* Keys where US and UK agree (the UK layout differs at 2, 3, `, ' and the ISO keys). */
#define US_UK_COMMON                                                                     \
    COMMON_LETTERS, [PS2_KEY_Q] = LETTER('q'), [PS2_KEY_M] = LETTER('m'),                \
    [PS2_KEY_Y] = LETTER('y'), [PS2_KEY_Z] = LETTER('z'),                                \
    [PS2_KEY_1] = KEY2('1', '!'), [PS2_KEY_5] = KEY2('5', '%'),                          \
    [PS2_KEY_6] = KEY2('6', '^'), [PS2_KEY_7] = KEY2('7', '&'),                          \
    [PS2_KEY_8] = KEY2('8', '*'), [PS2_KEY_9] = KEY2('9', '('),                          \
    [PS2_KEY_0] = KEY2('0', ')'), [PS2_KEY_MINUS] = KEY2('-', '_'),                      \
    [PS2_KEY_EQUALS] = KEY2('=', '+'), [PS2_KEY_LEFT_BRACKET] = KEY2('[', '{'),          \
    [PS2_KEY_RIGHT_BRACKET] = KEY2(']', '}'), [PS2_KEY_SEMICOLON] = KEY2(';', ':'),      \
    [PS2_KEY_COMMA] = KEY2(',', '<'), [PS2_KEY_PERIOD] = KEY2('.', '>'),                 \
    [PS2_KEY_SLASH] = KEY2('/', '?')

static const struct ps2_layout_key us_keys[PS2_KEY_COUNT] = {
    US_UK_COMMON,
    [PS2_KEY_A] = LETTER('a'), [PS2_KEY_E] = LETTER('e'), [PS2_KEY_I] = LETTER('i'),
    [PS2_KEY_O] = LETTER('o'), [PS2_KEY_U] = LETTER('u'),
    [PS2_KEY_BACKTICK] = KEY2('`', '~'), [PS2_KEY_2] = KEY2('2', '@'),
    [PS2_KEY_3] = KEY2('3', '#'), [PS2_KEY_4] = KEY2('4', '$'),
    [PS2_KEY_BACKSLASH] = KEY2('\\', '|'), [PS2_KEY_APOSTROPHE] = KEY2('\'', '"'),
    /* the 102nd key, where a US layout is used on an ISO keyboard */
    [PS2_KEY_NON_US_BACKSLASH] = KEY2('\\', '|'),
};

static const struct ps2_layout_key uk_keys[PS2_KEY_COUNT] = {
    US_UK_COMMON,
    [PS2_KEY_A] = LETTER_ALTGR('a', 0x00E1, 0x00C1), [PS2_KEY_E] = LETTER_ALTGR('e', 0x00E9, 0x00C9),
    [PS2_KEY_I] = LETTER_ALTGR('i', 0x00ED, 0x00CD), [PS2_KEY_O] = LETTER_ALTGR('o', 0x00F3, 0x00D3),
    [PS2_KEY_U] = LETTER_ALTGR('u', 0x00FA, 0x00DA),
    [PS2_KEY_BACKTICK] = KEY3('`', 0x00AC, 0x00A6),     /* ` ¬ ¦ */
    [PS2_KEY_2] = KEY2('2', '"'), [PS2_KEY_3] = KEY2('3', 0x00A3), /* £ */
    [PS2_KEY_4] = KEY3('4', '$', 0x20AC),                /* € */
    [PS2_KEY_BACKSLASH] = KEY2('#', '~'),                /* the ISO key left of Enter */
    [PS2_KEY_APOSTROPHE] = KEY2('\'', '@'),
    [PS2_KEY_NON_US_BACKSLASH] = KEY2('\\', '|'),
};

static const struct ps2_layout_key de_keys[PS2_KEY_COUNT] = {
    COMMON_LETTERS,
    [PS2_KEY_A] = LETTER('a'), [PS2_KEY_I] = LETTER('i'), [PS2_KEY_O] = LETTER('o'),
    [PS2_KEY_U] = LETTER('u'),
    [PS2_KEY_Q] = LETTER_ALTGR('q', '@', 0), [PS2_KEY_E] = LETTER_ALTGR('e', 0x20AC, 0),
    [PS2_KEY_M] = LETTER_ALTGR('m', 0x00B5, 0),          /* µ */
    [PS2_KEY_Y] = LETTER('z'), [PS2_KEY_Z] = LETTER('y'),
    [PS2_KEY_BACKTICK] = DEADKEY('^', 0x00B0, 0x01),     /* dead ^, and ° */
    [PS2_KEY_1] = KEY2('1', '!'), [PS2_KEY_2] = KEY3('2', '"', 0x00B2),
    [PS2_KEY_3] = KEY3('3', 0x00A7, 0x00B3),            /* § ³ */
    [PS2_KEY_4] = KEY2('4', '$'), [PS2_KEY_5] = KEY2('5', '%'), [PS2_KEY_6] = KEY2('6', '&'),
    [PS2_KEY_7] = KEY3('7', '/', '{'), [PS2_KEY_8] = KEY3('8', '(', '['),
    [PS2_KEY_9] = KEY3('9', ')', ']'), [PS2_KEY_0] = KEY3('0', '=', '}'),
    [PS2_KEY_MINUS] = KEY3(0x00DF, '?', '\\'),           /* ß */
    [PS2_KEY_EQUALS] = DEADKEY(0x00B4, '`', 0x03),      /* dead ´ and ` */
    [PS2_KEY_LEFT_BRACKET] = LETTER(0x00FC),             /* ü */
    [PS2_KEY_RIGHT_BRACKET] = KEY3('+', '*', '~'),
    [PS2_KEY_BACKSLASH] = KEY2('#', '\''),               /* the ISO key left of Enter */
    [PS2_KEY_SEMICOLON] = LETTER(0x00F6),                /* ö */
    [PS2_KEY_APOSTROPHE] = LETTER(0x00E4),               /* ä */
    [PS2_KEY_NON_US_BACKSLASH] = KEY3('<', '>', '|'),
    [PS2_KEY_COMMA] = KEY2(',', ';'), [PS2_KEY_PERIOD] = KEY2('.', ':'),
    [PS2_KEY_SLASH] = KEY2('-', '_'),
};

const struct ps2_layout ps2_layout_us = {"us", us_keys, '.', false};
const struct ps2_layout ps2_layout_uk = {"uk", uk_keys, '.', true};
const struct ps2_layout ps2_layout_de = {"de", de_keys, ',', true};
