/* The kernel's report output: every line goes to COM1 (through uart16550) and,
 * once attached, to the framebuffer console. Also the kernel's check list: each
 * check prints a "check NAME ok|FAIL" line and is counted for the final status.
 * One console per kernel, kept in console.c (the kernel's only output path). */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "fbcon.h"
#include "uart16550/uart16550.h"

/* Starts output on an initialised UART (which must outlive the console). */
void console_init(struct uart16550 *uart);

/* Adds the framebuffer console (initialised, outliving the console). */
void console_attach_fb(struct fbcon *fb);

/* printf-style (format.h) text, sent as is to every output. */
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The same on COM1 only: bulk detail (resource descriptors, routing tables)
 * that would push the rest of the report off the framebuffer. */
void console_serial_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Records a kernel self-check and prints "check NAME ok" or "check NAME FAIL
 * detail" (detail printf-style). Returns ok. */
bool console_check(bool ok, const char *name, const char *detail_fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Number of checks recorded so far and how many of them failed. */
unsigned console_checks_total(void);
unsigned console_checks_failed(void);

#endif
