/* The port-I/O host of the 8259 and PIT tests: mock_port's 8-bit callbacks, and
 * the writes of its log (port, value) without the 8259's delay port 0x80. */
#ifndef TESTS_APIC_PORT_TEST_H
#define TESTS_APIC_PORT_TEST_H

#include "apic/host.h"
#include "mock_port.h"

static inline struct apic_host port_host(struct mock_port *p)
{
    struct apic_host h = {.ctx = p, .inb = mock_port_in8, .outb = mock_port_out8};
    return h;
}

/* Writes from log entry FROM on, except to port 0x80, as port << 8 | value. */
static inline size_t port_writes(const struct mock_port *p, size_t from, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = from; i < p->log_count; i++) {
        if (p->log[i].is_write && p->log[i].port != 0x80 && n < max) {
            out[n++] = ((uint32_t)p->log[i].port << 8) | (p->log[i].value & 0xFFu);
        }
    }
    return n;
}

#endif
