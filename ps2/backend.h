/*
 * ps2/backend.h: the ready-made port I/O for a real 8042 (x86 only; on other
 * architectures this header declares nothing). Two lines bring up the controller:
 *     struct ps2_controller_config cfg = PS2_CONTROLLER_CONFIG_DEFAULT;
 *     struct ps2_controller ps2; st = ps2_controller_init_port(&ps2, &cfg);
 */
#ifndef PS2_BACKEND_H
#define PS2_BACKEND_H

#include "ps2/controller.h"

#if defined(__x86_64__) || defined(__i386__)
/* inb/outb through x86_64/port.h; ctx is unused (NULL). */
extern const struct ps2_io ps2_io_port;

/* ps2_controller_init over ps2_io_port. */
PS2_MUST_USE enum ps2_status ps2_controller_init_port(struct ps2_controller *ctl,
                                                      const struct ps2_controller_config *config);
#endif

#endif
