/* Host helper of the xkeyboard-config comparison (xkb_layouts.py): prints what
 * ps2_layout_translate types for every key of the main block and the keypad of the
 * three layouts, in each modifier state the comparison needs. One line per layout,
 * key and state: "<layout> <KEY> <state> <value>", value "-" (nothing), "XXXX" (the
 * code point, hexadecimal) or "dXXXX" (a dead key with that spacing accent). The
 * expected values are not here: they come from /usr/share/X11/xkb. */
#include <stdio.h>

#include "ps2/layout.h"
#include "ps2/modifiers.h"

#define K(name) {PS2_KEY_##name, #name}

static const struct {
    enum ps2_key key;
    const char *name;
} keys[] = {
    K(ESCAPE), K(BACKTICK), K(1), K(2), K(3), K(4), K(5), K(6), K(7), K(8), K(9), K(0),
    K(MINUS), K(EQUALS), K(BACKSPACE), K(TAB), K(Q), K(W), K(E), K(R), K(T), K(Y), K(U),
    K(I), K(O), K(P), K(LEFT_BRACKET), K(RIGHT_BRACKET), K(BACKSLASH), K(A), K(S), K(D),
    K(F), K(G), K(H), K(J), K(K), K(L), K(SEMICOLON), K(APOSTROPHE), K(ENTER),
    K(NON_US_BACKSLASH), K(Z), K(X), K(C), K(V), K(B), K(N), K(M), K(COMMA), K(PERIOD),
    K(SLASH), K(SPACE), K(DELETE), K(KP_SLASH), K(KP_ASTERISK), K(KP_MINUS), K(KP_7),
    K(KP_8), K(KP_9), K(KP_PLUS), K(KP_4), K(KP_5), K(KP_6), K(KP_1), K(KP_2), K(KP_3),
    K(KP_ENTER), K(KP_0), K(KP_PERIOD), K(KP_EQUALS),
};

/* The states: the keys held down, and the locks that are on. */
static const struct {
    const char *name;
    enum ps2_key held[2];
    uint8_t locks;
} states[] = {
    {"plain", {PS2_KEY_NONE, PS2_KEY_NONE}, 0},
    {"shift", {PS2_KEY_LEFT_SHIFT, PS2_KEY_NONE}, 0},
    {"altgr", {PS2_KEY_RIGHT_ALT, PS2_KEY_NONE}, 0},
    {"shift_altgr", {PS2_KEY_LEFT_SHIFT, PS2_KEY_RIGHT_ALT}, 0},
    {"caps", {PS2_KEY_NONE, PS2_KEY_NONE}, PS2_LED_CAPS_LOCK},
    {"num", {PS2_KEY_NONE, PS2_KEY_NONE}, PS2_LED_NUM_LOCK},
};

static int dump(const struct ps2_layout *layout)
{
    for (size_t s = 0; s < sizeof states / sizeof states[0]; s++) {
        struct ps2_modifiers mods;
        ps2_modifiers_init(&mods, states[s].locks);
        for (size_t h = 0; h < 2; h++) {
            if (states[s].held[h] != PS2_KEY_NONE) {
                struct ps2_key_event down = {states[s].held[h], true};
                (void)ps2_modifiers_update(&mods, &down);
            }
        }
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
            struct ps2_compose compose;
            ps2_compose_init(&compose);
            struct ps2_key_event ev = {keys[k].key, true};
            uint32_t out[2] = {0, 0};
            unsigned n = 0;
            enum ps2_status st = ps2_layout_translate(layout, &mods, &compose, &ev, out, &n);
            printf("%s %s %s ", layout->name, keys[k].name, states[s].name);
            if (st == PS2_OK && n == 1) {
                printf("%04X\n", (unsigned)out[0]);
            } else if (st == PS2_DEAD_KEY) {
                printf("d%04X\n", (unsigned)compose.pending);
            } else if (st == PS2_NO_CHARACTER) {
                printf("-\n");
            } else {
                fprintf(stderr, "%s %s: %s\n", layout->name, keys[k].name, ps2_status_str(st));
                return 1;
            }
        }
    }
    return 0;
}

int main(void)
{
    const struct ps2_layout *layouts[] = {&ps2_layout_us, &ps2_layout_uk, &ps2_layout_de};
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        if (dump(layouts[i]) != 0) {
            return 1;
        }
    }
    return 0;
}
