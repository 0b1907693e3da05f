/* See console.h. */
#include "console.h"

#include <stdarg.h>

#include "format.h"

struct console {
    struct uart16550 *uart;
    struct fbcon *fb;
    unsigned checks;
    unsigned failed;
};

static struct console console;

void console_init(struct uart16550 *uart)
{
    console.uart = uart;
}

void console_attach_fb(struct fbcon *fb)
{
    console.fb = fb;
}

static void write_all(const char *text, size_t len, bool to_fb)
{
    if (console.uart != NULL) {
        /* A timeout can only mean the UART stopped draining; nothing else can
         * report it, so the text is dropped. */
        (void)uart16550_write(console.uart, text, len, NULL);
    }
    if (console.fb != NULL && to_fb) {
        fbcon_write(console.fb, text, len);
    }
}

static void vprint_to(const char *fmt, va_list args, bool to_fb)
{
    /* Long enough for the longest report text: a module of 256 bytes, each
     * escaped to 4 characters (bootinfo.c). */
    char line[1280];
    size_t len = format_v(line, sizeof line, fmt, args);
    write_all(line, len, to_fb);
}

static void vprint(const char *fmt, va_list args)
{
    vprint_to(fmt, args, true);
}

void console_serial_printf(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vprint_to(fmt, args, false);
    va_end(args);
}

void console_printf(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vprint(fmt, args);
    va_end(args);
}

bool console_check(bool ok, const char *name, const char *detail_fmt, ...)
{
    console.checks++;
    if (!ok) {
        console.failed++;
    }
    if (console.fb != NULL && !ok) {
        fbcon_set_color(console.fb, 0xFF, 0x60, 0x60);
    } else if (console.fb != NULL) {
        fbcon_set_color(console.fb, 0x70, 0xE0, 0x70);
    }
    console_printf("check %s %s", name, ok ? "ok" : "FAIL");
    if (detail_fmt[0] != '\0') {
        va_list args;
        va_start(args, detail_fmt);
        console_printf(" ");
        vprint(detail_fmt, args);
        va_end(args);
    }
    console_printf("\n");
    if (console.fb != NULL) {
        fbcon_set_color(console.fb, 0xE0, 0xE0, 0xE0);
    }
    return ok;
}

unsigned console_checks_total(void)
{
    return console.checks;
}

unsigned console_checks_failed(void)
{
    return console.failed;
}
