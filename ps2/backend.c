/* ps2/backend.c: x86 port I/O for the 8042 through the header-only x86_64/port.h. */
#include "ps2/backend.h"

#if defined(__x86_64__) || defined(__i386__)
#include <stddef.h>

#include "x86_64/port.h"

static uint8_t port_inb(void *ctx, uint16_t port)
{
    (void)ctx;
    return x86_inb(port);
}

static void port_outb(void *ctx, uint16_t port, uint8_t value)
{
    (void)ctx;
    x86_outb(port, value);
}

const struct ps2_io ps2_io_port = {port_inb, port_outb};

enum ps2_status ps2_controller_init_port(struct ps2_controller *ctl,
                                         const struct ps2_controller_config *config)
{
    return ps2_controller_init(ctl, &ps2_io_port, NULL, config);
}
#else
/* ISO C forbids an empty translation unit. */
typedef int ps2_backend_not_x86;
#endif
