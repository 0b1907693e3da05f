/* The test rig of the controller and mouse tests: the 8042 model on mock ports 0x60
 * and 0x64, the library's port callbacks over them, a controller state. */
#ifndef TESTS_PS2_RIG_H
#define TESTS_PS2_RIG_H

#include <stdlib.h>

#include "i8042_model.h"
#include "mock_port.h"
#include "ps2/controller.h"

struct rig {
    struct mock_port ports;
    struct i8042_model m;
    struct ps2_io io;
    struct ps2_controller ctl;
    struct ps2_controller_config cfg; /* the default, with a spin limit of 1000 */
};

/* A power-on model on fresh ports (no log). Returns 0, or -1 if the ports clash. */
static int rig_reset(struct rig *r)
{
    mock_port_init(&r->ports);
    i8042_model_init(&r->m);
    if (mock_port_add(&r->ports, 0x60, 1, i8042_model_port_read, i8042_model_port_write,
                      &r->m) != 0 ||
        mock_port_add(&r->ports, 0x64, 1, i8042_model_port_read, i8042_model_port_write,
                      &r->m) != 0) {
        return -1;
    }
    return 0;
}

/* CMocka setup: a rig in *state; the controller bound (not initialised). */
static int rig_setup(void **state)
{
    struct rig *r = calloc(1, sizeof *r);
    if (r == NULL || rig_reset(r) != 0) {
        free(r);
        return -1;
    }
    r->io = (struct ps2_io){mock_port_in8, mock_port_out8};
    r->cfg = (struct ps2_controller_config)PS2_CONTROLLER_CONFIG_DEFAULT;
    r->cfg.spin_limit = 1000;
    ps2_controller_bind(&r->ctl, &r->io, &r->ports, r->cfg.spin_limit);
    *state = r;
    return 0;
}

static int rig_teardown(void **state)
{
    free(*state);
    return 0;
}

#endif
