/* Mock x86 port I/O space for host tests.
 *
 * Devices register handlers for a span of ports; every access is logged (port,
 * width, direction, value) so a test can assert an exact programming sequence.
 * A read of a port no device claims returns all ones, as an empty ISA bus does;
 * a write there is dropped. Both count in `unclaimed`.
 *
 * The width-specific callbacks (mock_port_in8 ... mock_port_out32) take the
 * struct mock_port as CTX and match the port backends of the libraries. */
#ifndef TESTS_MOCK_PORT_H
#define TESTS_MOCK_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MOCK_PORT_MAX_DEVICES 16
#define MOCK_PORT_LOG_SIZE 8192

/* WIDTH is the access size in bytes: 1, 2 or 4. */
typedef uint32_t (*mock_port_read_fn)(void *dev, uint16_t port, unsigned width);
typedef void (*mock_port_write_fn)(void *dev, uint16_t port, unsigned width, uint32_t value);

struct mock_port_device {
    uint16_t first;
    uint16_t count;
    mock_port_read_fn read;   /* NULL: reads return all ones */
    mock_port_write_fn write; /* NULL: writes are dropped */
    void *dev;
};

struct mock_port_access {
    uint16_t port;
    uint8_t width;
    bool is_write;
    uint32_t value; /* written value, or the value the read returned */
};

struct mock_port {
    struct mock_port_device devices[MOCK_PORT_MAX_DEVICES];
    size_t device_count;
    struct mock_port_access log[MOCK_PORT_LOG_SIZE];
    size_t log_count;
    bool log_overflow;
    size_t unclaimed;
};

void mock_port_init(struct mock_port *p);
/* Claim ports [first, first+count). Returns 0, or -1 on overlap or a full table. */
int mock_port_add(struct mock_port *p, uint16_t first, uint16_t count,
                  mock_port_read_fn read, mock_port_write_fn write, void *dev);

uint32_t mock_port_read(struct mock_port *p, uint16_t port, unsigned width);
void mock_port_write(struct mock_port *p, uint16_t port, unsigned width, uint32_t value);
void mock_port_clear_log(struct mock_port *p);

uint8_t mock_port_in8(void *ctx, uint16_t port);
uint16_t mock_port_in16(void *ctx, uint16_t port);
uint32_t mock_port_in32(void *ctx, uint16_t port);
void mock_port_out8(void *ctx, uint16_t port, uint8_t value);
void mock_port_out16(void *ctx, uint16_t port, uint16_t value);
void mock_port_out32(void *ctx, uint16_t port, uint32_t value);

#endif
