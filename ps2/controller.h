/*
 * ps2/controller.h: the 8042 PS/2 controller (the "keyboard controller" of the PC/AT
 * and its successors in every chipset's super I/O or embedded controller).
 *
 * Registers: data port 0x60 (read: output buffer, write: input buffer), status
 * register 0x64 (read), command register 0x64 (write). Bits and commands are those
 * of the IBM PS/2 Hardware Interface Technical Reference ("Keyboard/Auxiliary Device
 * Controller") and the Intel 8042/8242 keyboard controller data sheets; the set-up
 * sequence is the one the OSDev wiki's "8042 PS/2 Controller" page gives.
 *
 * Port I/O is injected (struct ps2_io plus ctx); ps2/backend.h has the x86 one.
 * Every wait polls the status register at most spin_limit times, then returns
 * PS2_TIMEOUT, so a missing or wedged controller is a status, never a hang.
 * The controller state is a struct owned by the caller; nothing is global.
 */
#ifndef PS2_CONTROLLER_H
#define PS2_CONTROLLER_H

#include <stdbool.h>
#include <stdint.h>

#include "ps2/status.h"

#define PS2_DATA_PORT 0x60u
#define PS2_STATUS_PORT 0x64u  /* read */
#define PS2_COMMAND_PORT 0x64u /* write */

/* Status register (port 0x64, read). */
#define PS2_STATUS_OUTPUT_FULL 0x01u     /* a byte waits at port 0x60 for the host */
#define PS2_STATUS_INPUT_FULL 0x02u      /* the controller has not yet taken the last write */
#define PS2_STATUS_SYSTEM_FLAG 0x04u     /* set by firmware after a passed self-test */
#define PS2_STATUS_COMMAND 0x08u         /* last write went to 0x64 (1) or 0x60 (0) */
#define PS2_STATUS_KEYBOARD_LOCK 0x10u   /* inhibit switch: 0 = keyboard locked */
#define PS2_STATUS_AUX_OUTPUT_FULL 0x20u /* the output byte came from the second port */
#define PS2_STATUS_TIMEOUT_ERROR 0x40u
#define PS2_STATUS_PARITY_ERROR 0x80u

/* Controller configuration byte (commands 0x20/0x60). */
#define PS2_CONFIG_PORT1_IRQ 0x01u       /* IRQ 1 on output from the first port */
#define PS2_CONFIG_PORT2_IRQ 0x02u       /* IRQ 12 on output from the second port */
#define PS2_CONFIG_SYSTEM_FLAG 0x04u
#define PS2_CONFIG_PORT1_CLOCK_OFF 0x10u /* first port's clock disabled */
#define PS2_CONFIG_PORT2_CLOCK_OFF 0x20u /* second port's clock disabled */
#define PS2_CONFIG_TRANSLATION 0x40u     /* first port's set 2 codes translated to set 1 */

/* Controller commands (port 0x64). */
#define PS2_CMD_READ_CONFIG 0x20u
#define PS2_CMD_WRITE_CONFIG 0x60u
#define PS2_CMD_DISABLE_PORT2 0xA7u
#define PS2_CMD_ENABLE_PORT2 0xA8u
#define PS2_CMD_TEST_PORT2 0xA9u
#define PS2_CMD_SELF_TEST 0xAAu
#define PS2_CMD_TEST_PORT1 0xABu
#define PS2_CMD_DISABLE_PORT1 0xADu
#define PS2_CMD_ENABLE_PORT1 0xAEu
#define PS2_CMD_WRITE_PORT2 0xD4u        /* the next data byte goes to the second port */

#define PS2_SELF_TEST_PASSED 0x55u
#define PS2_PORT_TEST_PASSED 0x00u       /* else 1-4: clock/data line stuck low/high */

#define PS2_DEFAULT_SPIN_LIMIT 1000000u

/* Byte-wide port access; never split or merged. */
struct ps2_io {
    uint8_t (*inb)(void *ctx, uint16_t port);
    void (*outb)(void *ctx, uint16_t port, uint8_t value);
};

struct ps2_controller_config {
    bool has_8042;       /* the FADT's IAPC_BOOT_ARCH bit 1 "8042" (acpi/fadt.h:
                            ACPI_IAPC_8042); pass true without ACPI or with a revision 1
                            FADT, where the field is reserved and reads 0 (QEMU i440fx) */
    bool translation;    /* leave translation on: the first port then delivers set 1 */
    bool enable_irqs;    /* finally set the IRQ bits of the ports that work */
    bool reset_devices;  /* reset (0xFF) each working port's device during init */
    uint32_t spin_limit; /* status polls per wait; 0 means PS2_DEFAULT_SPIN_LIMIT */
};

/* has_8042, no translation, IRQs on, devices reset, default spin limit. */
#define PS2_CONTROLLER_CONFIG_DEFAULT {true, false, true, true, PS2_DEFAULT_SPIN_LIMIT}

/* Controller state; filled by ps2_controller_init. Fields are read-only to callers. */
struct ps2_controller {
    const struct ps2_io *io;
    void *ctx;
    uint32_t spin_limit;
    bool dual_channel;        /* a second (auxiliary) port exists (false after
                                 PS2_NO_CONTROLLER; true after bind: not known) */
    bool port_ok[2];          /* interface test passed, port enabled */
    uint8_t port_test[2];     /* interface test answers (0x00 = passed), 0xFF not run */
    enum ps2_status device[2]; /* the device reset's status per port (PS2_NO_DEVICE
                                  when not run or no device answered) */
    uint8_t config;           /* configuration byte last written */
};

/* Binds the controller state to `io`/`ctx` without touching the hardware, for a
 * kernel that set up the controller elsewhere (or a test). */
void ps2_controller_bind(struct ps2_controller *ctl, const struct ps2_io *io, void *ctx,
                         uint32_t spin_limit);

/* The whole set-up: no controller (config->has_8042 false, or the status register
 * reads 0xFF as a floating bus does) -> PS2_NO_CONTROLLER, touching nothing else;
 * disable both ports; flush the output buffer; clear the IRQ and translation bits of
 * the configuration byte; self-test 0xAA -> 0x55 (else PS2_SELF_TEST_FAILED) and
 * write the configuration byte again, as some controllers reset it; detect a second
 * port (0xA8 clears configuration bit 5 only on dual-channel controllers); interface
 * tests 0xAB/0xA9; enable the ports that passed; reset their devices; set the IRQ
 * and translation bits asked for. PS2_PORT_TEST_FAILED when no port passed; each
 * port's outcome is in ctl->port_ok/port_test/device. PS2_TIMEOUT when the
 * controller stops answering. `io`/`ctx` must outlive `ctl`. */
PS2_MUST_USE enum ps2_status ps2_controller_init(struct ps2_controller *ctl,
                                                 const struct ps2_io *io, void *ctx,
                                                 const struct ps2_controller_config *config);

/* The status register. */
uint8_t ps2_controller_status(const struct ps2_controller *ctl);

/* Writes a controller command (port 0x64) once the input buffer is empty. */
PS2_MUST_USE enum ps2_status ps2_controller_command(struct ps2_controller *ctl, uint8_t command);
/* A command followed by a byte read back (0x20, 0xAA, 0xAB, 0xA9 ...). */
PS2_MUST_USE enum ps2_status ps2_controller_command_read(struct ps2_controller *ctl,
                                                         uint8_t command, uint8_t *out);
/* A command followed by a data byte written to port 0x60 (0x60, 0xD4 ...). */
PS2_MUST_USE enum ps2_status ps2_controller_command_write(struct ps2_controller *ctl,
                                                          uint8_t command, uint8_t data);

PS2_MUST_USE enum ps2_status ps2_controller_read_config(struct ps2_controller *ctl,
                                                        uint8_t *config);
PS2_MUST_USE enum ps2_status ps2_controller_write_config(struct ps2_controller *ctl,
                                                         uint8_t config);

/* Sends one byte to the device on `port` (1 or 2; port 2 through command 0xD4).
 * PS2_BAD_ARGUMENT for another port, PS2_NO_PORT for port 2 on a single-channel
 * controller (as init found it). */
PS2_MUST_USE enum ps2_status ps2_controller_send(struct ps2_controller *ctl, unsigned port,
                                                 uint8_t byte);

/* Waits (bounded) for an output byte; *port says where it came from: 2 when the
 * status register's AUX bit was set, else 1 (port may be NULL). PS2_ERROR_BIT when
 * the status had the parity or timeout error bit set (the byte is still returned). */
PS2_MUST_USE enum ps2_status ps2_controller_read(struct ps2_controller *ctl, uint8_t *byte,
                                                 unsigned *port);

/* As ps2_controller_read without waiting: PS2_WOULD_BLOCK when the output buffer is
 * empty. For interrupt handlers (IRQ 1 / IRQ 12) and polling loops. With both ports'
 * IRQs on, an IRQ 1 handler can read a mouse byte (the controller has one output
 * buffer): check *port and hand port-2 bytes to the mouse decoder. */
PS2_MUST_USE enum ps2_status ps2_controller_poll(struct ps2_controller *ctl, uint8_t *byte,
                                                 unsigned *port);

/* Reads and drops output bytes until the buffer is empty, at most 64 of them
 * (a device that keeps sending cannot hold it forever). */
void ps2_controller_flush(struct ps2_controller *ctl);

#endif
