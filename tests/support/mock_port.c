#include "mock_port.h"

#include <string.h>

void mock_port_init(struct mock_port *p)
{
    memset(p, 0, sizeof *p);
}

int mock_port_add(struct mock_port *p, uint16_t first, uint16_t count,
                  mock_port_read_fn read, mock_port_write_fn write, void *dev)
{
    uint32_t end = (uint32_t)first + count;
    if (count == 0 || end > 0x10000u || p->device_count == MOCK_PORT_MAX_DEVICES) {
        return -1;
    }
    for (size_t i = 0; i < p->device_count; i++) {
        const struct mock_port_device *d = &p->devices[i];
        if (first < (uint32_t)d->first + d->count && d->first < end) {
            return -1;
        }
    }
    p->devices[p->device_count++] = (struct mock_port_device){ first, count, read, write, dev };
    return 0;
}

static const struct mock_port_device *claimant(const struct mock_port *p, uint16_t port)
{
    for (size_t i = 0; i < p->device_count; i++) {
        const struct mock_port_device *d = &p->devices[i];
        if (port >= d->first && port - d->first < d->count) {
            return d;
        }
    }
    return NULL;
}

static void record(struct mock_port *p, uint16_t port, unsigned width, bool is_write, uint32_t value)
{
    if (p->log_count == MOCK_PORT_LOG_SIZE) {
        p->log_overflow = true;
        return;
    }
    p->log[p->log_count++] = (struct mock_port_access){ port, (uint8_t)width, is_write, value };
}

static uint32_t width_mask(unsigned width)
{
    return width >= 4 ? 0xFFFFFFFFu : (1u << (8 * width)) - 1u;
}

uint32_t mock_port_read(struct mock_port *p, uint16_t port, unsigned width)
{
    const struct mock_port_device *d = claimant(p, port);
    uint32_t value = width_mask(width);
    if (d == NULL) {
        p->unclaimed++;
    } else if (d->read != NULL) {
        value = d->read(d->dev, port, width) & width_mask(width);
    }
    record(p, port, width, false, value);
    return value;
}

void mock_port_write(struct mock_port *p, uint16_t port, unsigned width, uint32_t value)
{
    const struct mock_port_device *d = claimant(p, port);
    value &= width_mask(width);
    record(p, port, width, true, value);
    if (d == NULL) {
        p->unclaimed++;
    } else if (d->write != NULL) {
        d->write(d->dev, port, width, value);
    }
}

void mock_port_clear_log(struct mock_port *p)
{
    p->log_count = 0;
    p->log_overflow = false;
    p->unclaimed = 0;
}

uint8_t mock_port_in8(void *ctx, uint16_t port)
{
    return (uint8_t)mock_port_read(ctx, port, 1);
}

uint16_t mock_port_in16(void *ctx, uint16_t port)
{
    return (uint16_t)mock_port_read(ctx, port, 2);
}

uint32_t mock_port_in32(void *ctx, uint16_t port)
{
    return mock_port_read(ctx, port, 4);
}

void mock_port_out8(void *ctx, uint16_t port, uint8_t value)
{
    mock_port_write(ctx, port, 1, value);
}

void mock_port_out16(void *ctx, uint16_t port, uint16_t value)
{
    mock_port_write(ctx, port, 2, value);
}

void mock_port_out32(void *ctx, uint16_t port, uint32_t value)
{
    mock_port_write(ctx, port, 4, value);
}
