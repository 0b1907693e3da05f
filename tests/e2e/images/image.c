/*
 * The e2e image: proves uart16550 and qemu_exit on real emulated hardware.
 *
 *   i686     COM1 through the port backend (0x3F8), exit through isa-debug-exit;
 *   riscv64  the virt machine's NS16550A through the 8-bit MMIO backend
 *            (0x10000000, 3.6864 MHz clock), exit through sifive_test;
 *   aarch64  semihosting console (the virt machine's UART is a PL011, out of scope),
 *            exit through semihosting SYS_EXIT.
 *
 * Protocol (tests/e2e/small/run_small.py drives it): the image prints
 * "osdev-e2e <arch> ready\n" (with "\r\n" on the UART). On a UART it then echoes
 * every input byte unchanged, except that a 0x00 byte starts a command:
 *   0x00 'x' <code>  print "\nexit <code>\n", then qemu_exit(code);
 *   0x00 's'         print "\nexit success\n", then qemu_exit_success();
 *   0x00 'f'         print "\nexit failure\n", then qemu_exit_failure();
 *   0x00 'r'         riscv64 only: print "\nreset\n", then sifive_test RESET (the
 *                    machine restarts the image, which prints its banner again).
 * On aarch64 the command comes from QEMU's -append text through semihosting
 * SYS_GET_CMDLINE instead (-semihosting-config ...,arg=TEXT): "x<decimal code>", "s",
 * "f", or "e<decimal code>" for SYS_EXIT_EXTENDED.
 * If the UART cannot be brought up the image exits with code 0x7E.
 */
#include <stddef.h>
#include <stdint.h>

#include "qemu_exit/qemu_exit.h"
#include "uart16550/backend.h"

#define INIT_FAILED_CODE 0x7Eu

void image_main(void);

#if defined(__i386__)
#define IMAGE_ARCH "i686"
#elif defined(__riscv)
#define IMAGE_ARCH "riscv64"
#elif defined(__aarch64__)
#define IMAGE_ARCH "aarch64"
#else
#error "tests/e2e/images: no e2e image for this architecture"
#endif

#if defined(__aarch64__)
struct console {
    int unused;
};

static int console_init(struct console *c)
{
    (void)c;
    return 0;
}

static void put_text(struct console *c, const char *s)
{
    (void)c;
    qemu_exit_semihosting_write0(s);
}

/* Semihosting SYS_GET_CMDLINE (0x15): X1 points at {buffer, length}. */
#define SYS_GET_CMDLINE 0x15u

static void get_command(struct console *c, uint8_t *command, uint32_t *code)
{
    (void)c;
    static char text[64];
    uint64_t block[2] = {(uint64_t)(uintptr_t)text, sizeof text};
    *command = 0;
    *code = 0;
    if (qemu_exit_semihosting_call(SYS_GET_CMDLINE, (uint64_t)(uintptr_t)block) != 0) {
        return;
    }
    *command = (uint8_t)text[0];
    for (size_t i = 1; i < sizeof text && text[i] >= '0' && text[i] <= '9'; i++) {
        *code = *code * 10u + (uint32_t)(text[i] - '0');
    }
}
#else
struct console {
    struct uart16550 uart;
};

static int console_init(struct console *c)
{
    struct uart16550_config cfg = UART16550_CONFIG_DEFAULT;
#if defined(__i386__)
    return uart16550_init_port(&c->uart, 0x3F8, &cfg) == UART16550_OK ? 0 : -1;
#else
    cfg.clock_hz = 3686400u; /* QEMU virt: the NS16550A runs from 3.6864 MHz */
    return uart16550_init_mmio8(&c->uart, 0x10000000u, 0, &cfg) == UART16550_OK ? 0 : -1;
#endif
}

static void put_text(struct console *c, const char *s)
{
    (void)uart16550_write_string(&c->uart, s); /* crlf translation on */
}

static void put_raw(struct console *c, uint8_t byte)
{
    while (uart16550_send_byte(&c->uart, byte) == UART16550_TIMEOUT) {
    }
}

static uint8_t get_byte(struct console *c)
{
    uint8_t byte = 0;
    /* Waits are bounded by the spin limit; keep waiting for the host. A line error
     * still delivers its byte, which is what the echo test wants to see. */
    while (uart16550_receive_byte(&c->uart, &byte) == UART16550_TIMEOUT) {
    }
    return byte;
}

/* Echoes input until a 0x00 byte, then reads the command (and its code byte). */
static void get_command(struct console *c, uint8_t *command, uint32_t *code)
{
    uint8_t byte = get_byte(c);
    while (byte != 0) {
        put_raw(c, byte);
        byte = get_byte(c);
    }
    *command = get_byte(c);
    *code = *command == 'x' ? get_byte(c) : 0;
}
#endif

static void put_decimal(struct console *c, uint32_t value)
{
    char digits[11];
    size_t n = sizeof digits - 1;
    digits[n] = '\0';
    do {
        digits[--n] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0 && n > 0);
    put_text(c, &digits[n]);
}

void image_main(void)
{
    const struct qemu_exit dev = QEMU_EXIT_DEFAULT;
    struct console console;
    if (console_init(&console) != 0) {
        qemu_exit(&dev, INIT_FAILED_CODE);
    }
    put_text(&console, "osdev-e2e " IMAGE_ARCH " ready\n");
    for (;;) {
        uint8_t command = 0;
        uint32_t code = 0;
        get_command(&console, &command, &code);
        switch (command) {
        case 'x':
            put_text(&console, "\nexit ");
            put_decimal(&console, code);
            put_text(&console, "\n");
            qemu_exit(&dev, code);
        case 's':
            put_text(&console, "\nexit success\n");
            qemu_exit_success(&dev);
        case 'f':
            put_text(&console, "\nexit failure\n");
            qemu_exit_failure(&dev);
#if defined(__riscv)
        case 'r':
            put_text(&console, "\nreset\n");
            qemu_exit_sifive_test_reset(dev.sifive_test_addr);
#endif
#if defined(__aarch64__)
        case 'e':
            put_text(&console, "\nexit extended ");
            put_decimal(&console, code);
            put_text(&console, "\n");
            qemu_exit_semihosting_exit_extended(code);
        default:
            put_text(&console, "\nunknown command\n");
            qemu_exit(&dev, INIT_FAILED_CODE);
#else
        default:
            put_text(&console, "\nunknown command\n");
            break;
#endif
        }
    }
}
