/* ps2/keyboard.c: keyboard commands and the typematic byte's encoding. */
#include "ps2/keyboard.h"

enum ps2_status ps2_keyboard_set_leds(struct ps2_controller *ctl, unsigned port, uint8_t leds)
{
    uint8_t cmd[2] = {PS2_KBD_CMD_SET_LEDS, (uint8_t)(leds & 0x07u)};
    return ps2_device_command(ctl, port, cmd, 2, NULL, 0);
}

enum ps2_status ps2_keyboard_echo(struct ps2_controller *ctl, unsigned port)
{
    enum ps2_status st = ps2_controller_send(ctl, port, PS2_KBD_CMD_ECHO);
    uint8_t answer = 0;
    if (st == PS2_OK) {
        st = ps2_device_read(ctl, port, &answer);
    }
    if (st == PS2_OK && answer != PS2_DEV_ECHO) {
        st = PS2_BAD_RESPONSE;
    }
    return st;
}

enum ps2_status ps2_keyboard_get_scancode_set(struct ps2_controller *ctl, unsigned port,
                                              uint8_t *set)
{
    if (set == NULL) {
        return PS2_BAD_ARGUMENT;
    }
    static const uint8_t cmd[2] = {PS2_KBD_CMD_SCANCODE_SET, 0x00};
    uint8_t answer = 0;
    enum ps2_status st = ps2_device_command(ctl, port, cmd, 2, &answer, 1);
    if (st != PS2_OK) {
        return st;
    }
    switch (answer) {
    case 1: case 0x43: *set = 1; return PS2_OK;
    case 2: case 0x41: *set = 2; return PS2_OK;
    case 3: case 0x3F: *set = 3; return PS2_OK;
    default: return PS2_BAD_RESPONSE;
    }
}

enum ps2_status ps2_keyboard_set_scancode_set(struct ps2_controller *ctl, unsigned port,
                                              uint8_t set)
{
    if (set < 1 || set > 3) {
        return PS2_BAD_ARGUMENT;
    }
    uint8_t cmd[2] = {PS2_KBD_CMD_SCANCODE_SET, set};
    return ps2_device_command(ctl, port, cmd, 2, NULL, 0);
}

/* IBM PC AT Technical Reference (5170), Keyboard p. 4-7, "Set Typematic Rate/Delay
 * (Hex F3)" (the PS/2 Technical Reference repeats it): the rate of bits 0-4 in tenths of
 * a character per second. It prints these values rather than the period formula's
 * (its rounding differs in places: 0x01 is 26.7 though 9 x 4.17 ms gives 26.6). */
static const uint16_t typematic_rates[32] = {
    300, 267, 240, 218, 200, 185, 171, 160, 150, 133, 120, 109, 100, 92, 86, 80,
    75, 67, 60, 55, 50, 46, 43, 40, 37, 33, 30, 27, 25, 23, 21, 20,
};

uint16_t ps2_typematic_rate(uint8_t typematic)
{
    return typematic_rates[typematic & 0x1Fu];
}

uint16_t ps2_typematic_delay(uint8_t typematic)
{
    return (uint16_t)(250u * (1u + ((typematic >> 5) & 0x03u)));
}

static uint32_t distance(uint32_t a, uint32_t b)
{
    return a > b ? a - b : b - a;
}

uint8_t ps2_typematic_encode(uint16_t rate_tenths, uint16_t delay_ms)
{
    uint8_t best_rate = 0;
    for (uint8_t r = 1; r < 0x20u; r++) {
        /* rates fall as r grows, so >= keeps the slower one on a tie */
        if (distance(ps2_typematic_rate(r), rate_tenths) <=
            distance(ps2_typematic_rate(best_rate), rate_tenths)) {
            best_rate = r;
        }
    }
    uint8_t best_delay = 0;
    for (uint8_t d = 1; d < 4u; d++) {
        uint8_t byte = (uint8_t)(d << 5);
        if (distance(ps2_typematic_delay(byte), delay_ms) <=
            distance(ps2_typematic_delay((uint8_t)(best_delay << 5)), delay_ms)) {
            best_delay = d;
        }
    }
    return (uint8_t)(best_rate | (uint8_t)(best_delay << 5));
}

enum ps2_status ps2_keyboard_set_typematic(struct ps2_controller *ctl, unsigned port,
                                           uint8_t typematic)
{
    uint8_t cmd[2] = {PS2_KBD_CMD_TYPEMATIC, (uint8_t)(typematic & 0x7Fu)};
    return ps2_device_command(ctl, port, cmd, 2, NULL, 0);
}
