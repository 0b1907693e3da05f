/* See format.h. */
#include "format.h"

#include <stdint.h>

struct out {
    char *buf;
    size_t size;
    size_t len;
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->size) {
        o->buf[o->len++] = c;
    }
}

static void put_number(struct out *o, uint64_t value, unsigned base, bool upper, bool negative,
                       unsigned width, char pad)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    unsigned n = 0;

    do {
        tmp[n++] = digits[value % base];
        value /= base;
    } while (value != 0);
    unsigned total = n + (negative ? 1U : 0U);
    if (negative && pad == '0') {
        put(o, '-');
    }
    while (total < width) {
        put(o, pad);
        total++;
    }
    if (negative && pad != '0') {
        put(o, '-');
    }
    while (n > 0) {
        put(o, tmp[--n]);
    }
}

size_t format_v(char *buf, size_t size, const char *fmt, va_list args)
{
    struct out o = {buf, size, 0};

    if (size > 0) {
        buf[0] = '\0';
    }
    for (const char *p = fmt; *p != '\0'; p++) {
        if (*p != '%') {
            put(&o, *p);
            continue;
        }
        p++;
        char pad = ' ';
        unsigned width = 0;
        unsigned longs = 0;
        if (*p == '0') {
            pad = '0';
            p++;
        }
        while (*p >= '0' && *p <= '9') {
            width = width * 10 + (unsigned)(*p - '0');
            p++;
        }
        unsigned precision = UINT32_MAX;
        if (*p == '.') {
            precision = 0;
            p++;
            while (*p >= '0' && *p <= '9') {
                precision = precision * 10 + (unsigned)(*p - '0');
                p++;
            }
        }
        while (*p == 'l') {
            longs++;
            p++;
        }
        switch (*p) {
        case 's': {
            const char *s = va_arg(args, const char *);
            unsigned n = 0;
            if (s == NULL) {
                s = "(null)";
            }
            while (n < precision && s[n] != '\0') {
                n++;
            }
            for (unsigned i = n; i < width; i++) {
                put(&o, ' ');
            }
            for (unsigned i = 0; i < n; i++) {
                put(&o, s[i]);
            }
            break;
        }
        case 'c':
            put(&o, (char)va_arg(args, int));
            break;
        case 'd': {
            int64_t v = longs > 0 ? va_arg(args, long long) : va_arg(args, int);
            uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
            put_number(&o, magnitude, 10, false, v < 0, width, pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            uint64_t v = longs > 0 ? va_arg(args, unsigned long long) : va_arg(args, unsigned int);
            put_number(&o, v, *p == 'u' ? 10U : 16U, *p == 'X', false, width, pad);
            break;
        }
        case '%':
            put(&o, '%');
            break;
        default:
            /* Unknown conversion (or a format ending in '%'): print it as is. */
            put(&o, '%');
            if (*p == '\0') {
                p--;
            } else {
                put(&o, *p);
            }
            break;
        }
    }
    if (o.size > 0) {
        o.buf[o.len] = '\0';
    }
    return o.len;
}

bool format_escaped(char *buf, size_t size, const void *bytes, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const uint8_t *in = bytes;
    struct out o = {buf, size, 0};

    for (size_t i = 0; i < len; i++) {
        uint8_t c = in[i];
        char two = 0;
        if (c == '\\' || c == '"') {
            two = (char)c;
        } else if (c == '\n') {
            two = 'n';
        } else if (c == '\r') {
            two = 'r';
        } else if (c == '\t') {
            two = 't';
        }
        size_t need = two != 0 ? 2 : (c < 0x20 || c > 0x7E) ? 4 : 1;
        if (o.len + need >= size) {
            if (size > 0) {
                buf[o.len] = '\0';
            }
            return false;
        }
        if (two != 0) {
            put(&o, '\\');
            put(&o, two);
        } else if (need == 4) {
            put(&o, '\\');
            put(&o, 'x');
            put(&o, hex[c >> 4]);
            put(&o, hex[c & 15]);
        } else {
            put(&o, (char)c);
        }
    }
    if (size > 0) {
        buf[o.len] = '\0';
    }
    return true;
}
