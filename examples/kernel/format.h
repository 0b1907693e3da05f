/* A small printf for the kernel's report. Conversions: %s %c %d %u %x %X %%,
 * with the length modifiers l, ll and z, a width and the '0' flag. */
#ifndef KERNEL_FORMAT_H
#define KERNEL_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Formats into buf (always NUL-terminated when size > 0; output that does not
 * fit is cut). Returns the number of characters stored, without the NUL. */
size_t format_v(char *buf, size_t size, const char *fmt, va_list args);
size_t format(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
