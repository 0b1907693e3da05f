/* A small printf for the kernel's report. Conversions: %s %c %d %u %x %X %%,
 * with the length modifier ll (long long; also taken for l), a width, the
 * '0' flag and a precision for %s ("%.6s" reads at most 6 characters of a
 * string without NUL). */
#ifndef KERNEL_FORMAT_H
#define KERNEL_FORMAT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Formats into buf (always NUL-terminated when size > 0; output that does not
 * fit is cut). Returns the number of characters stored, without the NUL. */
size_t format_v(char *buf, size_t size, const char *fmt, va_list args);

/* Copies LEN bytes into buf as printable ASCII: backslash, double quote and
 * bytes outside 0x20-0x7E become \\ \" \n \r \t or \xNN. NUL-terminated;
 * returns false when the escaped text did not fit (buf then holds a prefix). */
bool format_escaped(char *buf, size_t size, const void *bytes, size_t len);

#endif
