/* See log.h. */
#include "log.h"

#include <stdarg.h>
#include <stdint.h>

#include "uart16550/backend.h"

#define COM1_PORT 0x3F8

/* The one UART of the log: a boot stage has a single console, set once. */
static struct uart16550 *log_uart;

bool chain_log_init(struct uart16550 *u)
{
    const struct uart16550_config cfg = UART16550_CONFIG_DEFAULT;
    log_uart = uart16550_init_port(u, COM1_PORT, &cfg) == UART16550_OK ? u : NULL;
    return log_uart != NULL;
}

static void put(const char *s, uint32_t len)
{
    if (log_uart != NULL) {
        (void)uart16550_write(log_uart, s, len, NULL);
    }
}

/* Hexadecimal by shifts (64-bit division would need libgcc on i686);
 * decimal only for 32-bit values. */
static void put_number(uint64_t value, bool hex, unsigned width)
{
    char digits[24];
    uint32_t n = 0;
    uint32_t small = (uint32_t)value;
    do {
        if (hex) {
            digits[sizeof digits - 1 - n++] = "0123456789abcdef"[value & 0xF];
            value >>= 4;
        } else {
            digits[sizeof digits - 1 - n++] = (char)('0' + small % 10u);
            small /= 10u;
            value = small;
        }
    } while (value != 0 && n < sizeof digits);
    while (n < width && n < sizeof digits) {
        digits[sizeof digits - 1 - n++] = '0';
    }
    put(digits + sizeof digits - n, n);
}

void chain_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put("chain: ", 7);
    for (const char *p = fmt; *p != '\0'; p++) {
        if (*p != '%') {
            put(p, 1);
            continue;
        }
        unsigned width = 0;
        while (p[1] >= '0' && p[1] <= '9') {
            width = width * 10u + (unsigned)(*++p - '0');
        }
        bool wide = p[1] == 'l' && p[2] == 'l'; /* only %llx */
        p += wide ? 3 : 1;
        switch (*p) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            uint32_t len = 0;
            while (s[len] != '\0') {
                len++;
            }
            put(s, len);
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            put(&c, 1);
            break;
        }
        case 'u':
            put_number(va_arg(ap, unsigned), false, width);
            break;
        case 'x':
            put_number(wide ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned), true, width);
            break;
        case '\0':
            p--;
            break;
        default:
            put(p, 1);
            break;
        }
    }
    va_end(ap);
}
