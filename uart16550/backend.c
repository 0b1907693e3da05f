/*
 * uart16550/backend.c: register backends for real hardware: x86 port I/O through
 * x86_64/port.h, MMIO through volatile/access.h (one access of the register's width
 * per register access, never split or merged).
 */
#include "uart16550/backend.h"

#include "volatile/access.h"
#include "x86_64/port.h"

static uint8_t mmio8_read(void *ctx, uintptr_t addr)
{
    (void)ctx;
    return vol_read8((const volatile uint8_t *)addr);
}

static void mmio8_write(void *ctx, uintptr_t addr, uint8_t value)
{
    (void)ctx;
    vol_write8((volatile uint8_t *)addr, value);
}

static uint8_t mmio32_read(void *ctx, uintptr_t addr)
{
    (void)ctx;
    return (uint8_t)(vol_read32((const volatile uint32_t *)addr) & 0xFFu);
}

static void mmio32_write(void *ctx, uintptr_t addr, uint8_t value)
{
    (void)ctx;
    vol_write32((volatile uint32_t *)addr, value);
}

const struct uart16550_backend uart16550_backend_mmio8 = {mmio8_read, mmio8_write};
const struct uart16550_backend uart16550_backend_mmio32 = {mmio32_read, mmio32_write};

enum uart16550_status uart16550_init_mmio8(struct uart16550 *u, uintptr_t base,
                                           unsigned reg_shift,
                                           const struct uart16550_config *config)
{
    return uart16550_init(u, &uart16550_backend_mmio8, NULL, base, reg_shift, config);
}

enum uart16550_status uart16550_init_mmio32(struct uart16550 *u, uintptr_t base,
                                            unsigned reg_shift,
                                            const struct uart16550_config *config)
{
    return uart16550_init(u, &uart16550_backend_mmio32, NULL, base, reg_shift, config);
}

#if defined(__x86_64__) || defined(__i386__)
static uint8_t port_read(void *ctx, uintptr_t addr)
{
    (void)ctx;
    return x86_inb((uint16_t)addr);
}

static void port_write(void *ctx, uintptr_t addr, uint8_t value)
{
    (void)ctx;
    x86_outb((uint16_t)addr, value);
}

const struct uart16550_backend uart16550_backend_port = {port_read, port_write};

enum uart16550_status uart16550_init_port(struct uart16550 *u, uint16_t base,
                                          const struct uart16550_config *config)
{
    return uart16550_init(u, &uart16550_backend_port, NULL, base, 0, config);
}
#endif
