/* pci_types/legacy.c - Configuration Mechanism #1 over injected port I/O. */
#include "pci_types/legacy.h"

#include <stddef.h>

#if defined(__x86_64__) || defined(__i386__)
#include "x86_64/port.h"

static uint8_t x86_in8(void *ctx, uint16_t port)
{
    (void)ctx;
    return x86_inb(port);
}
static uint16_t x86_in16(void *ctx, uint16_t port)
{
    (void)ctx;
    return x86_inw(port);
}
static uint32_t x86_in32(void *ctx, uint16_t port)
{
    (void)ctx;
    return x86_inl(port);
}
static void x86_out8(void *ctx, uint16_t port, uint8_t value)
{
    (void)ctx;
    x86_outb(port, value);
}
static void x86_out16(void *ctx, uint16_t port, uint16_t value)
{
    (void)ctx;
    x86_outw(port, value);
}
static void x86_out32(void *ctx, uint16_t port, uint32_t value)
{
    (void)ctx;
    x86_outl(port, value);
}

void pci_legacy_x86_port_io(struct pci_port_io *io)
{
    io->ctx = NULL;
    io->in8 = x86_in8;
    io->in16 = x86_in16;
    io->in32 = x86_in32;
    io->out8 = x86_out8;
    io->out16 = x86_out16;
    io->out32 = x86_out32;
}
#endif

/* Selects the register: CONFIG_ADDRESS carries the dword, the low two offset
 * bits pick the byte lane of CONFIG_DATA (0xCFC + offset % 4). */
static int select_register(const struct pci_legacy *legacy, struct pci_address address,
                           uint16_t offset)
{
    uint32_t value;
    if (address.segment != 0 ||
        pci_address_config_address(address, offset, &value) != PCI_OK)
        return 0;
    legacy->io.out32(legacy->io.ctx, PCI_LEGACY_CONFIG_ADDRESS, value);
    return 1;
}

static uint16_t data_port(uint16_t offset)
{
    return (uint16_t)(PCI_LEGACY_CONFIG_DATA + (offset & 3u));
}

static uint8_t legacy_read8(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_legacy *legacy = ctx;
    if (!select_register(legacy, address, offset))
        return 0xFFu;
    return legacy->io.in8(legacy->io.ctx, data_port(offset));
}

static uint16_t legacy_read16(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_legacy *legacy = ctx;
    if (!select_register(legacy, address, offset))
        return 0xFFFFu;
    return legacy->io.in16(legacy->io.ctx, data_port(offset));
}

static uint32_t legacy_read32(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_legacy *legacy = ctx;
    if (!select_register(legacy, address, offset))
        return UINT32_MAX;
    return legacy->io.in32(legacy->io.ctx, data_port(offset));
}

static void legacy_write8(void *ctx, struct pci_address address, uint16_t offset,
                          uint8_t value)
{
    const struct pci_legacy *legacy = ctx;
    if (select_register(legacy, address, offset))
        legacy->io.out8(legacy->io.ctx, data_port(offset), value);
}

static void legacy_write16(void *ctx, struct pci_address address, uint16_t offset,
                           uint16_t value)
{
    const struct pci_legacy *legacy = ctx;
    if (select_register(legacy, address, offset))
        legacy->io.out16(legacy->io.ctx, data_port(offset), value);
}

static void legacy_write32(void *ctx, struct pci_address address, uint16_t offset,
                           uint32_t value)
{
    const struct pci_legacy *legacy = ctx;
    if (select_register(legacy, address, offset))
        legacy->io.out32(legacy->io.ctx, data_port(offset), value);
}

enum pci_status pci_legacy_access_init(struct pci_config_access *access,
                                       struct pci_legacy *legacy,
                                       const struct pci_port_io *io)
{
    if (!access || !legacy)
        return PCI_INVALID_ARGUMENT;
    if (io) {
        if (!io->in8 || !io->in16 || !io->in32 || !io->out8 || !io->out16 || !io->out32)
            return PCI_INVALID_ARGUMENT;
        legacy->io = *io;
    } else {
#if defined(__x86_64__) || defined(__i386__)
        pci_legacy_x86_port_io(&legacy->io);
#else
        return PCI_INVALID_ARGUMENT;
#endif
    }
    access->ctx = legacy;
    access->read8 = legacy_read8;
    access->read16 = legacy_read16;
    access->read32 = legacy_read32;
    access->write8 = legacy_write8;
    access->write16 = legacy_write16;
    access->write32 = legacy_write32;
    access->config_size = PCI_CONFIG_SIZE;
    return PCI_OK;
}
