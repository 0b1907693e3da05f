/*
 * ps2/controller.c: 8042 access and its set-up sequence (OSDev wiki, "8042 PS/2
 * Controller", "Initialising the PS/2 Controller", steps 3-10; bits from the IBM
 * PS/2 Hardware Interface Technical Reference).
 */
#include "ps2/controller.h"

#include <stddef.h>

#include "ps2/device.h"

#define FLUSH_LIMIT 64u

void ps2_controller_bind(struct ps2_controller *ctl, const struct ps2_io *io, void *ctx,
                         uint32_t spin_limit)
{
    ctl->io = io;
    ctl->ctx = ctx;
    ctl->spin_limit = spin_limit != 0 ? spin_limit : PS2_DEFAULT_SPIN_LIMIT;
    ctl->dual_channel = true; /* unknown until init: do not refuse port 2 */
    for (unsigned i = 0; i < 2; i++) {
        ctl->port_ok[i] = false;
        ctl->port_test[i] = 0xFF;
        ctl->device[i] = PS2_NO_DEVICE;
    }
    ctl->config = 0;
}

uint8_t ps2_controller_status(const struct ps2_controller *ctl)
{
    return ctl->io->inb(ctl->ctx, PS2_STATUS_PORT);
}

/* The input buffer must be empty before each write to 0x60 or 0x64. */
static enum ps2_status wait_input_empty(struct ps2_controller *ctl)
{
    for (uint32_t i = 0; i < ctl->spin_limit; i++) {
        if ((ps2_controller_status(ctl) & PS2_STATUS_INPUT_FULL) == 0) {
            return PS2_OK;
        }
    }
    return PS2_TIMEOUT;
}

static enum ps2_status write_data(struct ps2_controller *ctl, uint8_t byte)
{
    enum ps2_status st = wait_input_empty(ctl);
    if (st == PS2_OK) {
        ctl->io->outb(ctl->ctx, PS2_DATA_PORT, byte);
    }
    return st;
}

enum ps2_status ps2_controller_command(struct ps2_controller *ctl, uint8_t command)
{
    enum ps2_status st = wait_input_empty(ctl);
    if (st == PS2_OK) {
        ctl->io->outb(ctl->ctx, PS2_COMMAND_PORT, command);
    }
    return st;
}

static enum ps2_status take_output(struct ps2_controller *ctl, uint8_t status, uint8_t *byte,
                                   unsigned *port)
{
    *byte = ctl->io->inb(ctl->ctx, PS2_DATA_PORT);
    if (port != NULL) {
        *port = (status & PS2_STATUS_AUX_OUTPUT_FULL) != 0 ? 2u : 1u;
    }
    if ((status & (PS2_STATUS_PARITY_ERROR | PS2_STATUS_TIMEOUT_ERROR)) != 0) {
        return PS2_ERROR_BIT;
    }
    return PS2_OK;
}

enum ps2_status ps2_controller_poll(struct ps2_controller *ctl, uint8_t *byte, unsigned *port)
{
    uint8_t status = ps2_controller_status(ctl);
    if ((status & PS2_STATUS_OUTPUT_FULL) == 0) {
        return PS2_WOULD_BLOCK;
    }
    return take_output(ctl, status, byte, port);
}

enum ps2_status ps2_controller_read(struct ps2_controller *ctl, uint8_t *byte, unsigned *port)
{
    for (uint32_t i = 0; i < ctl->spin_limit; i++) {
        uint8_t status = ps2_controller_status(ctl);
        if ((status & PS2_STATUS_OUTPUT_FULL) != 0) {
            return take_output(ctl, status, byte, port);
        }
    }
    return PS2_TIMEOUT;
}

enum ps2_status ps2_controller_command_read(struct ps2_controller *ctl, uint8_t command,
                                            uint8_t *out)
{
    enum ps2_status st = ps2_controller_command(ctl, command);
    if (st != PS2_OK) {
        return st;
    }
    return ps2_controller_read(ctl, out, NULL);
}

enum ps2_status ps2_controller_command_write(struct ps2_controller *ctl, uint8_t command,
                                             uint8_t data)
{
    enum ps2_status st = ps2_controller_command(ctl, command);
    if (st != PS2_OK) {
        return st;
    }
    return write_data(ctl, data);
}

enum ps2_status ps2_controller_read_config(struct ps2_controller *ctl, uint8_t *config)
{
    return ps2_controller_command_read(ctl, PS2_CMD_READ_CONFIG, config);
}

enum ps2_status ps2_controller_write_config(struct ps2_controller *ctl, uint8_t config)
{
    enum ps2_status st = ps2_controller_command_write(ctl, PS2_CMD_WRITE_CONFIG, config);
    if (st == PS2_OK) {
        ctl->config = config;
    }
    return st;
}

enum ps2_status ps2_controller_send(struct ps2_controller *ctl, unsigned port, uint8_t byte)
{
    if (port == 1) {
        return write_data(ctl, byte);
    }
    if (port != 2) {
        return PS2_BAD_ARGUMENT;
    }
    if (!ctl->dual_channel) {
        return PS2_NO_PORT;
    }
    return ps2_controller_command_write(ctl, PS2_CMD_WRITE_PORT2, byte);
}

void ps2_controller_flush(struct ps2_controller *ctl)
{
    for (unsigned i = 0; i < FLUSH_LIMIT; i++) {
        if ((ps2_controller_status(ctl) & PS2_STATUS_OUTPUT_FULL) == 0) {
            return;
        }
        (void)ctl->io->inb(ctl->ctx, PS2_DATA_PORT);
    }
}

/* Dual-channel detection (OSDev step 7): with port 2 disabled, configuration bit 5
 * is set; enabling it clears the bit only if the port exists. Port 2 is disabled
 * again afterwards. */
static enum ps2_status detect_port2(struct ps2_controller *ctl, uint8_t config)
{
    ctl->dual_channel = false;
    if ((config & PS2_CONFIG_PORT2_CLOCK_OFF) == 0) {
        return PS2_OK; /* bit 5 clear with port 2 "disabled": there is no port 2 */
    }
    enum ps2_status st = ps2_controller_command(ctl, PS2_CMD_ENABLE_PORT2);
    uint8_t probe = 0;
    if (st == PS2_OK) {
        st = ps2_controller_read_config(ctl, &probe);
    }
    if (st != PS2_OK) {
        return st;
    }
    if ((probe & PS2_CONFIG_PORT2_CLOCK_OFF) == 0) {
        ctl->dual_channel = true;
        st = ps2_controller_command(ctl, PS2_CMD_DISABLE_PORT2);
    }
    return st;
}

/* Interface tests (OSDev step 8): 0xAB for port 1, 0xA9 for port 2. */
static enum ps2_status test_ports(struct ps2_controller *ctl)
{
    static const uint8_t tests[2] = {PS2_CMD_TEST_PORT1, PS2_CMD_TEST_PORT2};
    for (unsigned i = 0; i < 2; i++) {
        if (i == 1 && !ctl->dual_channel) {
            break;
        }
        enum ps2_status st = ps2_controller_command_read(ctl, tests[i], &ctl->port_test[i]);
        if (st != PS2_OK) {
            return st;
        }
        ctl->port_ok[i] = ctl->port_test[i] == PS2_PORT_TEST_PASSED;
    }
    return ctl->port_ok[0] || ctl->port_ok[1] ? PS2_OK : PS2_PORT_TEST_FAILED;
}

/* Enable the ports that passed (OSDev step 9) and reset their devices (step 10). */
static enum ps2_status enable_ports(struct ps2_controller *ctl, bool reset)
{
    static const uint8_t enables[2] = {PS2_CMD_ENABLE_PORT1, PS2_CMD_ENABLE_PORT2};
    for (unsigned i = 0; i < 2; i++) {
        if (!ctl->port_ok[i]) {
            continue;
        }
        enum ps2_status st = ps2_controller_command(ctl, enables[i]);
        if (st != PS2_OK) {
            return st;
        }
    }
    for (unsigned i = 0; reset && i < 2; i++) {
        if (ctl->port_ok[i]) {
            struct ps2_device_id id;
            ctl->device[i] = ps2_device_reset(ctl, i + 1, &id);
        }
    }
    return PS2_OK;
}

enum ps2_status ps2_controller_init(struct ps2_controller *ctl, const struct ps2_io *io,
                                    void *ctx, const struct ps2_controller_config *config)
{
    if (ctl == NULL || io == NULL || config == NULL) {
        return PS2_BAD_ARGUMENT;
    }
    ps2_controller_bind(ctl, io, ctx, config->spin_limit);
    if (!config->has_8042 || ps2_controller_status(ctl) == 0xFFu) {
        ctl->dual_channel = false; /* no controller: no second port either */
        return PS2_NO_CONTROLLER;
    }
    /* Step 3: disable both ports (0xA7 is ignored by single-channel controllers). */
    enum ps2_status st = ps2_controller_command(ctl, PS2_CMD_DISABLE_PORT1);
    if (st == PS2_OK) {
        st = ps2_controller_command(ctl, PS2_CMD_DISABLE_PORT2);
    }
    if (st != PS2_OK) {
        return st;
    }
    /* Step 4: flush. Step 5: no IRQs, no translation while testing. */
    ps2_controller_flush(ctl);
    uint8_t cfg = 0;
    st = ps2_controller_read_config(ctl, &cfg);
    if (st != PS2_OK) {
        return st;
    }
    cfg = (uint8_t)(cfg & ~(PS2_CONFIG_PORT1_IRQ | PS2_CONFIG_PORT2_IRQ | PS2_CONFIG_TRANSLATION));
    st = ps2_controller_write_config(ctl, cfg);
    /* Step 6: self-test, then the configuration byte again (some controllers reset
     * it during the test). */
    uint8_t answer = 0;
    if (st == PS2_OK) {
        st = ps2_controller_command_read(ctl, PS2_CMD_SELF_TEST, &answer);
    }
    if (st != PS2_OK) {
        return st;
    }
    if (answer != PS2_SELF_TEST_PASSED) {
        return PS2_SELF_TEST_FAILED;
    }
    st = ps2_controller_write_config(ctl, cfg);
    if (st == PS2_OK) {
        st = detect_port2(ctl, cfg); /* step 7 */
    }
    if (st == PS2_OK) {
        st = test_ports(ctl); /* step 8 */
    }
    if (st == PS2_OK) {
        st = enable_ports(ctl, config->reset_devices); /* steps 9-10 */
    }
    if (st != PS2_OK) {
        return st;
    }
    /* Last: IRQs for the working ports and translation, as asked. */
    st = ps2_controller_read_config(ctl, &cfg);
    if (st != PS2_OK) {
        return st;
    }
    cfg = (uint8_t)(cfg & ~(PS2_CONFIG_PORT1_IRQ | PS2_CONFIG_PORT2_IRQ | PS2_CONFIG_TRANSLATION));
    if (config->enable_irqs && ctl->port_ok[0]) {
        cfg |= PS2_CONFIG_PORT1_IRQ;
    }
    if (config->enable_irqs && ctl->port_ok[1]) {
        cfg |= PS2_CONFIG_PORT2_IRQ;
    }
    if (config->translation) {
        cfg |= PS2_CONFIG_TRANSLATION;
    }
    return ps2_controller_write_config(ctl, cfg);
}
