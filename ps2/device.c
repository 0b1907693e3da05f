/* ps2/device.c: the ACK/RESEND protocol of PS/2 devices and their common commands. */
#include "ps2/device.h"

enum ps2_status ps2_device_read(struct ps2_controller *ctl, unsigned port, uint8_t *byte)
{
    /* Each read is bounded; bytes of the other port are few (one per keypress or
     * packet byte), so allow a bounded number of them too. */
    for (unsigned dropped = 0; dropped < 64u; dropped++) {
        unsigned from = 0;
        enum ps2_status st = ps2_controller_read(ctl, byte, &from);
        if (st != PS2_OK && st != PS2_ERROR_BIT) {
            return st;
        }
        if (from == port) {
            return st;
        }
    }
    return PS2_TIMEOUT;
}

static enum ps2_status send_acked(struct ps2_controller *ctl, unsigned port, uint8_t byte)
{
    for (unsigned tries = 0; tries < PS2_DEVICE_TRIES; tries++) {
        enum ps2_status st = ps2_controller_send(ctl, port, byte);
        uint8_t answer = 0;
        if (st == PS2_OK) {
            st = ps2_device_read(ctl, port, &answer);
        }
        if (st != PS2_OK) {
            return st;
        }
        if (answer == PS2_DEV_ACK) {
            return PS2_OK;
        }
        if (answer != PS2_DEV_RESEND) {
            return PS2_BAD_RESPONSE;
        }
    }
    return PS2_RESEND_LIMIT;
}

enum ps2_status ps2_device_command(struct ps2_controller *ctl, unsigned port,
                                   const uint8_t *bytes, size_t len, uint8_t *reply,
                                   size_t reply_len)
{
    if (ctl == NULL || (bytes == NULL && len != 0) || (reply == NULL && reply_len != 0)) {
        return PS2_BAD_ARGUMENT;
    }
    for (size_t i = 0; i < len; i++) {
        enum ps2_status st = send_acked(ctl, port, bytes[i]);
        if (st != PS2_OK) {
            return st;
        }
    }
    for (size_t i = 0; i < reply_len; i++) {
        enum ps2_status st = ps2_device_read(ctl, port, &reply[i]);
        if (st != PS2_OK) {
            return st;
        }
    }
    return PS2_OK;
}

enum ps2_status ps2_device_reset(struct ps2_controller *ctl, unsigned port,
                                 struct ps2_device_id *id)
{
    if (ctl == NULL || id == NULL) {
        return PS2_BAD_ARGUMENT;
    }
    id->count = 0;
    enum ps2_status st = ps2_controller_send(ctl, port, PS2_DEV_CMD_RESET);
    if (st != PS2_OK) {
        return st;
    }
    /* ACK and the BAT result, in either order; a RESEND means send again. */
    bool acked = false;
    bool tested = false;
    for (unsigned tries = 0, reads = 0; !(acked && tested) && reads < 4u; reads++) {
        uint8_t b = 0;
        st = ps2_device_read(ctl, port, &b);
        /* Nothing, or the controller's own time-out answer (status bit 6). */
        if ((st == PS2_TIMEOUT || st == PS2_ERROR_BIT) && !acked && !tested) {
            return PS2_NO_DEVICE;
        }
        if (st != PS2_OK) {
            return st;
        }
        if (b == PS2_DEV_ACK) {
            acked = true;
        } else if (b == PS2_DEV_BAT_PASSED) {
            tested = true;
        } else if (b == PS2_DEV_BAT_FAILED || b == 0xFDu) {
            return PS2_DEVICE_TEST_FAILED;
        } else if (b == PS2_DEV_RESEND && ++tries < PS2_DEVICE_TRIES) {
            st = ps2_controller_send(ctl, port, PS2_DEV_CMD_RESET);
            if (st != PS2_OK) {
                return st;
            }
        } else {
            return b == PS2_DEV_RESEND ? PS2_RESEND_LIMIT : PS2_BAD_RESPONSE;
        }
    }
    if (!(acked && tested)) {
        return PS2_BAD_RESPONSE;
    }
    /* A mouse follows with its ID; a keyboard sends nothing more. The wait for a
     * keyboard's absent ID byte costs one spin limit. */
    uint8_t b = 0;
    if (port == 2 && ps2_device_read(ctl, port, &b) == PS2_OK) {
        id->bytes[0] = b;
        id->count = 1;
    }
    return PS2_OK;
}

enum ps2_status ps2_device_identify(struct ps2_controller *ctl, unsigned port,
                                    struct ps2_device_id *id)
{
    if (ctl == NULL || id == NULL) {
        return PS2_BAD_ARGUMENT;
    }
    id->count = 0;
    static const uint8_t disable = PS2_DEV_CMD_DISABLE_SCANNING;
    static const uint8_t identify = PS2_DEV_CMD_IDENTIFY;
    enum ps2_status st = ps2_device_command(ctl, port, &disable, 1, NULL, 0);
    if (st == PS2_OK) {
        st = ps2_device_command(ctl, port, &identify, 1, NULL, 0);
    }
    if (st != PS2_OK) {
        return st;
    }
    /* 0, 1 or 2 bytes follow: the end is a timeout. */
    while (id->count < 2 && ps2_device_read(ctl, port, &id->bytes[id->count]) == PS2_OK) {
        id->count++;
        if (id->count == 1 && id->bytes[0] != 0xABu && id->bytes[0] != 0xACu) {
            break; /* a one-byte (mouse) ID; keyboards' IDs start with AB (or AC) */
        }
    }
    return PS2_OK;
}

enum ps2_status ps2_device_enable_scanning(struct ps2_controller *ctl, unsigned port)
{
    static const uint8_t cmd = PS2_DEV_CMD_ENABLE_SCANNING;
    return ps2_device_command(ctl, port, &cmd, 1, NULL, 0);
}

enum ps2_status ps2_device_disable_scanning(struct ps2_controller *ctl, unsigned port)
{
    static const uint8_t cmd = PS2_DEV_CMD_DISABLE_SCANNING;
    return ps2_device_command(ctl, port, &cmd, 1, NULL, 0);
}
