/*
 * ps2/layout.c: the translation rules of ps2/layout.h. The tables themselves are in
 * layouts.c.
 */
#include "ps2/layout.h"

#include <stddef.h>

void ps2_compose_init(struct ps2_compose *compose)
{
    compose->pending = 0;
}

/* Keys that type the same on every layout. */
static uint16_t fixed_character(enum ps2_key key)
{
    switch (key) {
    case PS2_KEY_ENTER:
    case PS2_KEY_KP_ENTER: return 0x000A;
    case PS2_KEY_TAB: return 0x0009;
    case PS2_KEY_BACKSPACE: return 0x0008;
    case PS2_KEY_ESCAPE: return 0x001B;
    case PS2_KEY_DELETE: return 0x007F;
    case PS2_KEY_SPACE: return 0x0020;
    case PS2_KEY_KP_SLASH: return '/';
    case PS2_KEY_KP_ASTERISK: return '*';
    case PS2_KEY_KP_MINUS: return '-';
    case PS2_KEY_KP_PLUS: return '+';
    case PS2_KEY_KP_EQUALS: return '=';
    case PS2_KEY_KP_COMMA: return ',';
    default: return 0;
    }
}

/* The digit a keypad key types with Num Lock; 0 for the other keys. */
static uint16_t keypad_digit(enum ps2_key key)
{
    static const struct {
        uint8_t key;
        char digit;
    } digits[] = {
        {PS2_KEY_KP_0, '0'}, {PS2_KEY_KP_1, '1'}, {PS2_KEY_KP_2, '2'}, {PS2_KEY_KP_3, '3'},
        {PS2_KEY_KP_4, '4'}, {PS2_KEY_KP_5, '5'}, {PS2_KEY_KP_6, '6'}, {PS2_KEY_KP_7, '7'},
        {PS2_KEY_KP_8, '8'}, {PS2_KEY_KP_9, '9'},
    };
    for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++) {
        if (digits[i].key == (uint8_t)key) {
            return (uint16_t)digits[i].digit;
        }
    }
    return 0;
}

/* Dead key + base letter (Unicode's precomposed Latin-1 letters). */
static uint16_t combine(uint16_t accent, uint16_t base)
{
    static const struct {
        uint16_t accent;
        char letters[7];          /* base letters, lower then upper case in `out` */
        uint16_t out[12];
    } rows[] = {
        {0x005E, "aeiou", {0xE2, 0xEA, 0xEE, 0xF4, 0xFB, 0, 0xC2, 0xCA, 0xCE, 0xD4, 0xDB, 0}},
        {0x00B4, "aeiouy", {0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFD, 0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xDD}},
        {0x0060, "aeiou", {0xE0, 0xE8, 0xEC, 0xF2, 0xF9, 0, 0xC0, 0xC8, 0xCC, 0xD2, 0xD9, 0}},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        if (rows[r].accent != accent) {
            continue;
        }
        for (size_t i = 0; i < 6 && rows[r].letters[i] != '\0'; i++) {
            uint16_t lower = (uint16_t)rows[r].letters[i];
            if (base == lower) {
                return rows[r].out[i];
            }
            if (base == (uint16_t)(lower - 0x20u)) {
                return rows[r].out[6 + i];
            }
        }
    }
    return 0;
}

/* The character (or spacing accent, *dead set) the key types; 0 for none. */
static uint16_t key_character(const struct ps2_layout *layout, const struct ps2_modifiers *mods,
                              enum ps2_key key, bool *dead)
{
    bool shift = ps2_modifiers_shift(mods);
    *dead = false;
    uint16_t fixed = fixed_character(key);
    if (fixed != 0) {
        return fixed;
    }
    uint16_t digit = keypad_digit(key);
    if (digit != 0 || key == PS2_KEY_KP_PERIOD) {
        bool num = (ps2_modifiers_leds(mods) & PS2_LED_NUM_LOCK) != 0;
        if (num == shift) {
            /* navigation; the keypad's Del still deletes */
            return key == PS2_KEY_KP_PERIOD ? 0x007F : 0;
        }
        return key == PS2_KEY_KP_PERIOD ? layout->keypad_decimal : digit;
    }
    const struct ps2_layout_key *k = &layout->keys[key];
    unsigned level;
    if (layout->has_altgr && ps2_modifiers_altgr(mods)) {
        level = shift ? 3u : 2u; /* Caps Lock acts on levels 0 and 1 only */
    } else {
        bool caps = k->caps && (ps2_modifiers_leds(mods) & PS2_LED_CAPS_LOCK) != 0;
        level = shift != caps ? 1u : 0u;
    }
    *dead = (k->dead & (1u << level)) != 0;
    uint16_t c = k->level[level];
    /* Ctrl + a letter: the C0 control code (Ctrl+A = U+0001 ... Ctrl+Z = U+001A) of
     * the letter the layout puts there, as terminals do. */
    if (ps2_modifiers_ctrl(mods) && level < 2 && !*dead) {
        uint16_t lower = (uint16_t)(c | 0x20u);
        if (lower >= 'a' && lower <= 'z') {
            return (uint16_t)(lower - 'a' + 1u);
        }
    }
    return c;
}

enum ps2_status ps2_layout_translate(const struct ps2_layout *layout,
                                     const struct ps2_modifiers *mods,
                                     struct ps2_compose *compose,
                                     const struct ps2_key_event *event,
                                     uint32_t out[2], unsigned *count)
{
    if (layout == NULL || mods == NULL || compose == NULL || event == NULL || out == NULL ||
        count == NULL || (unsigned)event->key >= PS2_KEY_COUNT) {
        return PS2_BAD_ARGUMENT;
    }
    *count = 0;
    if (!event->pressed || event->key == PS2_KEY_NONE) {
        return PS2_NO_CHARACTER;
    }
    bool dead = false;
    uint16_t c = key_character(layout, mods, event->key, &dead);
    if (c == 0) {
        return PS2_NO_CHARACTER;
    }
    uint16_t pending = compose->pending;
    if (pending == 0) {
        if (dead) {
            compose->pending = c;
            return PS2_DEAD_KEY;
        }
        out[0] = c;
        *count = 1;
        return PS2_OK;
    }
    compose->pending = 0;
    if (c == ' ') {
        out[0] = pending;
        *count = 1;
        return PS2_OK;
    }
    uint16_t combined = dead ? 0 : combine(pending, c);
    if (combined != 0) {
        out[0] = combined;
        *count = 1;
        return PS2_OK;
    }
    out[0] = pending;
    out[1] = c;
    *count = 2;
    return PS2_OK;
}
