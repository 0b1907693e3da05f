/* ps2/mouse.c: mouse set-up and packet decoding. */
#include "ps2/mouse.h"

#include <stddef.h>

#define PACKET_ALWAYS_ONE 0x08u
#define PACKET_X_SIGN 0x10u
#define PACKET_Y_SIGN 0x20u
#define PACKET_X_OVERFLOW 0x40u
#define PACKET_Y_OVERFLOW 0x80u

static bool valid_rate(uint8_t rate)
{
    static const uint8_t rates[] = {10, 20, 40, 60, 80, 100, 200};
    for (size_t i = 0; i < sizeof rates; i++) {
        if (rates[i] == rate) {
            return true;
        }
    }
    return false;
}

enum ps2_status ps2_mouse_set_sample_rate(struct ps2_controller *ctl, unsigned port,
                                          uint8_t rate)
{
    if (!valid_rate(rate)) {
        return PS2_BAD_ARGUMENT;
    }
    uint8_t cmd[2] = {PS2_MOUSE_CMD_SET_SAMPLE_RATE, rate};
    return ps2_device_command(ctl, port, cmd, 2, NULL, 0);
}

enum ps2_status ps2_mouse_set_resolution(struct ps2_controller *ctl, unsigned port,
                                         uint8_t resolution)
{
    if (resolution > 3) {
        return PS2_BAD_ARGUMENT;
    }
    uint8_t cmd[2] = {PS2_MOUSE_CMD_SET_RESOLUTION, resolution};
    return ps2_device_command(ctl, port, cmd, 2, NULL, 0);
}

enum ps2_status ps2_mouse_set_scaling(struct ps2_controller *ctl, unsigned port,
                                      bool two_to_one)
{
    uint8_t cmd = two_to_one ? PS2_MOUSE_CMD_SET_SCALING_2_1 : PS2_MOUSE_CMD_SET_SCALING_1_1;
    return ps2_device_command(ctl, port, &cmd, 1, NULL, 0);
}

/* Three sample rates in a row, then identify. */
static enum ps2_status knock(struct ps2_controller *ctl, unsigned port, const uint8_t rates[3],
                             struct ps2_device_id *id)
{
    for (unsigned i = 0; i < 3; i++) {
        enum ps2_status st = ps2_mouse_set_sample_rate(ctl, port, rates[i]);
        if (st != PS2_OK) {
            return st;
        }
    }
    return ps2_device_identify(ctl, port, id);
}

enum ps2_status ps2_mouse_init(struct ps2_controller *ctl, unsigned port, uint8_t sample_rate,
                               uint8_t *id)
{
    if (ctl == NULL || id == NULL || !valid_rate(sample_rate)) {
        return PS2_BAD_ARGUMENT;
    }
    struct ps2_device_id dev;
    enum ps2_status st = ps2_device_reset(ctl, port, &dev);
    if (st != PS2_OK) {
        return st;
    }
    *id = dev.count > 0 ? dev.bytes[0] : PS2_MOUSE_ID_STANDARD;
    static const uint8_t wheel[3] = {200, 100, 80};
    static const uint8_t five[3] = {200, 200, 80};
    st = knock(ctl, port, wheel, &dev);
    if (st == PS2_OK && dev.count == 1 && dev.bytes[0] == PS2_MOUSE_ID_WHEEL) {
        *id = PS2_MOUSE_ID_WHEEL;
        st = knock(ctl, port, five, &dev);
        if (st == PS2_OK && dev.count == 1 && dev.bytes[0] == PS2_MOUSE_ID_FIVE_BUTTON) {
            *id = PS2_MOUSE_ID_FIVE_BUTTON;
        }
    }
    if (st == PS2_OK) {
        st = ps2_mouse_set_sample_rate(ctl, port, sample_rate);
    }
    if (st == PS2_OK) {
        st = ps2_device_enable_scanning(ctl, port);
    }
    return st;
}

void ps2_mouse_decoder_init(struct ps2_mouse_decoder *dec, uint8_t id)
{
    dec->id = id;
    dec->count = 0;
}

/* 9-bit two's complement: the sign bit from byte 1 and the low eight bits. */
static int16_t movement(uint8_t low, bool negative)
{
    return (int16_t)(negative ? (int)low - 256 : (int)low);
}

enum ps2_status ps2_mouse_decoder_feed(struct ps2_mouse_decoder *dec, uint8_t byte,
                                       struct ps2_mouse_packet *packet)
{
    if (dec->count == 0 && (byte & PACKET_ALWAYS_ONE) == 0) {
        return PS2_BAD_PACKET;
    }
    dec->bytes[dec->count++] = byte;
    uint8_t size = dec->id == PS2_MOUSE_ID_WHEEL || dec->id == PS2_MOUSE_ID_FIVE_BUTTON ? 4 : 3;
    if (dec->count < size) {
        return PS2_PENDING;
    }
    dec->count = 0;
    uint8_t b0 = dec->bytes[0];
    packet->buttons = b0 & (PS2_MOUSE_LEFT | PS2_MOUSE_RIGHT | PS2_MOUSE_MIDDLE);
    packet->dx = movement(dec->bytes[1], (b0 & PACKET_X_SIGN) != 0);
    packet->dy = movement(dec->bytes[2], (b0 & PACKET_Y_SIGN) != 0);
    packet->x_overflow = (b0 & PACKET_X_OVERFLOW) != 0;
    packet->y_overflow = (b0 & PACKET_Y_OVERFLOW) != 0;
    packet->dz = 0;
    if (dec->id == PS2_MOUSE_ID_WHEEL) {
        packet->dz = (int8_t)(dec->bytes[3] >= 0x80u ? (int)dec->bytes[3] - 256 : dec->bytes[3]);
    } else if (dec->id == PS2_MOUSE_ID_FIVE_BUTTON) {
        uint8_t z = dec->bytes[3] & 0x0Fu;
        packet->dz = (int8_t)(z >= 8u ? (int)z - 16 : (int)z);
        if ((dec->bytes[3] & 0x10u) != 0) {
            packet->buttons |= PS2_MOUSE_BUTTON4;
        }
        if ((dec->bytes[3] & 0x20u) != 0) {
            packet->buttons |= PS2_MOUSE_BUTTON5;
        }
    }
    return PS2_OK;
}
