/* ps2/modifiers.c: held modifiers and lock toggles. */
#include "ps2/modifiers.h"

#include <stddef.h>

void ps2_modifiers_init(struct ps2_modifiers *mods, uint8_t leds)
{
    mods->held = 0;
    mods->locks = leds & (PS2_LED_SCROLL_LOCK | PS2_LED_NUM_LOCK | PS2_LED_CAPS_LOCK);
}

static const struct {
    uint8_t key;
    uint16_t held;
    uint8_t lock; /* PS2_LED_* bit toggled on press, 0 for plain modifiers */
} modifier_keys[] = {
    {PS2_KEY_LEFT_SHIFT, PS2_MOD_LEFT_SHIFT, 0},
    {PS2_KEY_RIGHT_SHIFT, PS2_MOD_RIGHT_SHIFT, 0},
    {PS2_KEY_LEFT_CTRL, PS2_MOD_LEFT_CTRL, 0},
    {PS2_KEY_RIGHT_CTRL, PS2_MOD_RIGHT_CTRL, 0},
    {PS2_KEY_LEFT_ALT, PS2_MOD_LEFT_ALT, 0},
    {PS2_KEY_RIGHT_ALT, PS2_MOD_RIGHT_ALT, 0},
    {PS2_KEY_LEFT_GUI, PS2_MOD_LEFT_GUI, 0},
    {PS2_KEY_RIGHT_GUI, PS2_MOD_RIGHT_GUI, 0},
    {PS2_KEY_CAPS_LOCK, PS2_MOD_CAPS_HELD, PS2_LED_CAPS_LOCK},
    {PS2_KEY_NUM_LOCK, PS2_MOD_NUM_HELD, PS2_LED_NUM_LOCK},
    {PS2_KEY_SCROLL_LOCK, PS2_MOD_SCROLL_HELD, PS2_LED_SCROLL_LOCK},
};

bool ps2_modifiers_update(struct ps2_modifiers *mods, const struct ps2_key_event *event)
{
    for (size_t i = 0; i < sizeof modifier_keys / sizeof modifier_keys[0]; i++) {
        if (modifier_keys[i].key != (uint8_t)event->key) {
            continue;
        }
        uint16_t bit = modifier_keys[i].held;
        if (!event->pressed) {
            mods->held = (uint16_t)(mods->held & ~bit);
            return false;
        }
        bool repeat = (mods->held & bit) != 0;
        mods->held = (uint16_t)(mods->held | bit);
        if (modifier_keys[i].lock == 0 || repeat) {
            return false;
        }
        mods->locks ^= modifier_keys[i].lock;
        return true;
    }
    return false;
}

uint8_t ps2_modifiers_leds(const struct ps2_modifiers *mods)
{
    return mods->locks;
}

bool ps2_modifiers_shift(const struct ps2_modifiers *mods)
{
    return (mods->held & PS2_MOD_SHIFT) != 0;
}

bool ps2_modifiers_ctrl(const struct ps2_modifiers *mods)
{
    return (mods->held & PS2_MOD_CTRL) != 0;
}

bool ps2_modifiers_alt(const struct ps2_modifiers *mods)
{
    return (mods->held & PS2_MOD_LEFT_ALT) != 0;
}

bool ps2_modifiers_altgr(const struct ps2_modifiers *mods)
{
    return (mods->held & PS2_MOD_ALTGR) != 0;
}
