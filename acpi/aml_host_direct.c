/* acpi/aml_host_direct.c - the ready-made AML host for a kernel running on the
 * hardware, over the direct register backend of acpi/hwreg.h: physical memory
 * at virtual address phys + memory_offset, x86 port I/O through x86_64/port.h,
 * PCI configuration mechanism #1 (segment 0, bus 0, offsets up to 0xFF; the
 * ready-made backend of acpi/aml_host_pci.h reaches every MCFG region through
 * ECAM and every segment-0 bus: route pci_read/pci_write to it). A vendor that
 * does not want it leaves this file out. */
#include "acpi/aml_host_direct.h"

static void *direct_map(void *ctx, uint64_t phys, size_t len)
{
    const struct acpi_aml_direct *d = ctx;
    (void)len;
    return (void *)(uintptr_t)(phys + d->memory_offset);
}

static void direct_unmap(void *ctx, void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static uint32_t direct_port_read(void *ctx, uint16_t port, uint8_t width)
{
    const struct acpi_aml_direct *d = ctx;
    uint32_t v = 0;
    if (d->hw.io_read == NULL || d->hw.io_read(d->hw.ctx, port, 8u * width, &v) != ACPI_OK) {
        return 0xFFFFFFFFu;
    }
    return v;
}

static void direct_port_write(void *ctx, uint16_t port, uint8_t width, uint32_t value)
{
    const struct acpi_aml_direct *d = ctx;
    if (d->hw.io_write != NULL) {
        enum acpi_status st = d->hw.io_write(d->hw.ctx, port, 8u * width, value);
        (void)st;   /* the AML has no way to see a failed port write */
    }
}

static uint64_t direct_pci_read(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                                uint16_t offset, uint8_t width)
{
    const struct acpi_aml_direct *d = ctx;
    uint32_t v;
    if (seg != 0 || bus != 0 || width > 4 || d->hw.pci_read == NULL ||
        d->hw.pci_read(d->hw.ctx, dev, fn, offset, 8u * width, &v) != ACPI_OK) {
        return ~0ull;   /* what an absent function reads */
    }
    return v;
}

static void direct_pci_write(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                             uint16_t offset, uint8_t width, uint64_t value)
{
    const struct acpi_aml_direct *d = ctx;
    if (seg == 0 && bus == 0 && width <= 4 && d->hw.pci_write != NULL) {
        enum acpi_status st = d->hw.pci_write(d->hw.ctx, dev, fn, offset, 8u * width,
                                              (uint32_t)value);
        (void)st;
    }
}

void acpi_aml_host_direct(struct acpi_aml_host *host, struct acpi_aml_direct *direct)
{
    struct acpi_hw_direct hw = { .memory_offset = direct->memory_offset };
    direct->hw_direct = hw;
    acpi_hw_host_direct(&direct->hw, &direct->hw_direct);
    *host = (struct acpi_aml_host){
        .ctx = direct, .map = direct_map, .unmap = direct_unmap,
        .port_read = direct_port_read, .port_write = direct_port_write,
        .pci_read = direct_pci_read, .pci_write = direct_pci_write,
    };
}
