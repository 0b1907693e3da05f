/* Host helper of the xkeyboard-config comparison (xkb_layouts.py): prints what
 * ps2_layout_translate types for every key of the three layouts, in each modifier
 * state the comparison needs. One line per layout,
 * key and state: "<layout> <KEY> <state> <value>", value "-" (nothing), "XXXX" (the
 * code point, hexadecimal) or "dXXXX" (a dead key with that spacing accent). The
 * expected values are not here: they come from /usr/share/X11/xkb. */
#include <stdio.h>

#include "ps2/layout.h"
#include "ps2/modifiers.h"

#include "key_names.h"

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
        for (int k = PS2_KEY_NONE + 1; k < PS2_KEY_COUNT; k++) {
            struct ps2_compose compose;
            ps2_compose_init(&compose);
            struct ps2_key_event ev = {(enum ps2_key)k, true};
            uint32_t out[2] = {0, 0};
            unsigned n = 0;
            enum ps2_status st = ps2_layout_translate(layout, &mods, &compose, &ev, out, &n);
            printf("%s %s %s ", layout->name, ps2_key_names[k], states[s].name);
            if (st == PS2_OK && n == 1) {
                printf("%04X\n", (unsigned)out[0]);
            } else if (st == PS2_DEAD_KEY) {
                printf("d%04X\n", (unsigned)compose.pending);
            } else if (st == PS2_NO_CHARACTER) {
                printf("-\n");
            } else {
                fprintf(stderr, "%s %s: %s\n", layout->name, ps2_key_names[k], ps2_status_str(st));
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
