/* pci_types/ecam.c - ECAM backend: pre-mapped window or map/unmap per access. */
#include "pci_types/ecam.h"

#include "volatile/access.h"

enum pci_status pci_ecam_function_phys(const struct pci_ecam *ecam, struct pci_address address,
                                       uint64_t *phys)
{
    uint64_t offset;
    if (!ecam || !phys || pci_address_ecam_offset(address, &offset) != PCI_OK)
        return PCI_INVALID_ARGUMENT;
    if (address.segment != ecam->segment || address.bus < ecam->start_bus ||
        address.bus > ecam->end_bus)
        return PCI_BUS_OUT_OF_RANGE;
    *phys = ecam->base + offset;
    return PCI_OK;
}

/* Virtual address of (address, offset) in the window, or 0 when outside. */
static uintptr_t window_addr(const struct pci_ecam *ecam, struct pci_address address,
                             uint16_t offset)
{
    uint64_t phys;
    if (pci_ecam_function_phys(ecam, address, &phys) != PCI_OK)
        return 0;
    return ecam->window + (uintptr_t)(phys - pci_ecam_window_phys(ecam->base, ecam->start_bus)) +
           offset;
}

static uint8_t window_read8(void *ctx, struct pci_address address, uint16_t offset)
{
    uintptr_t p = window_addr(ctx, address, offset);
    return p ? vol_read8((const volatile uint8_t *)p) : 0xFFu;
}

static uint16_t window_read16(void *ctx, struct pci_address address, uint16_t offset)
{
    uintptr_t p = window_addr(ctx, address, offset);
    return p ? vol_read16((const volatile uint16_t *)p) : 0xFFFFu;
}

static uint32_t window_read32(void *ctx, struct pci_address address, uint16_t offset)
{
    uintptr_t p = window_addr(ctx, address, offset);
    return p ? vol_read32((const volatile uint32_t *)p) : UINT32_MAX;
}

static void window_write8(void *ctx, struct pci_address address, uint16_t offset, uint8_t value)
{
    uintptr_t p = window_addr(ctx, address, offset);
    if (p)
        vol_write8((volatile uint8_t *)p, value);
}

static void window_write16(void *ctx, struct pci_address address, uint16_t offset,
                           uint16_t value)
{
    uintptr_t p = window_addr(ctx, address, offset);
    if (p)
        vol_write16((volatile uint16_t *)p, value);
}

static void window_write32(void *ctx, struct pci_address address, uint16_t offset,
                           uint32_t value)
{
    uintptr_t p = window_addr(ctx, address, offset);
    if (p)
        vol_write32((volatile uint32_t *)p, value);
}

static void set_common(struct pci_ecam *ecam, uint64_t base, uint16_t segment,
                       uint8_t start_bus, uint8_t end_bus)
{
    ecam->base = base;
    ecam->segment = segment;
    ecam->start_bus = start_bus;
    ecam->end_bus = end_bus;
    ecam->window = 0;
    ecam->map = NULL;
    ecam->unmap = NULL;
    ecam->map_ctx = NULL;
}

enum pci_status pci_ecam_window_init(struct pci_config_access *access, struct pci_ecam *ecam,
                                     volatile void *window, uint64_t base, uint16_t segment,
                                     uint8_t start_bus, uint8_t end_bus)
{
    if (!access || !ecam || !window || end_bus < start_bus)
        return PCI_INVALID_ARGUMENT;
    set_common(ecam, base, segment, start_bus, end_bus);
    ecam->window = (uintptr_t)window;
    access->ctx = ecam;
    access->read8 = window_read8;
    access->read16 = window_read16;
    access->read32 = window_read32;
    access->write8 = window_write8;
    access->write16 = window_write16;
    access->write32 = window_write32;
    access->config_size = PCIE_CONFIG_SIZE;
    return PCI_OK;
}

/* Mapped form: map exactly the bytes of one access, read them with one
 * volatile load of that width, unmap. */
static const void *mapped_get(const struct pci_ecam *ecam, struct pci_address address,
                              uint16_t offset, size_t width)
{
    uint64_t phys;
    if (pci_ecam_function_phys(ecam, address, &phys) != PCI_OK)
        return NULL;
    return ecam->map(ecam->map_ctx, phys + offset, width);
}

static uint8_t mapped_read8(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_ecam *ecam = ctx;
    const void *p = mapped_get(ecam, address, offset, 1);
    uint8_t v;
    if (!p)
        return 0xFFu;
    v = vol_read8((const volatile uint8_t *)(uintptr_t)p);
    ecam->unmap(ecam->map_ctx, p, 1);
    return v;
}

static uint16_t mapped_read16(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_ecam *ecam = ctx;
    const void *p = mapped_get(ecam, address, offset, 2);
    uint16_t v;
    if (!p)
        return 0xFFFFu;
    v = vol_read16((const volatile uint16_t *)(uintptr_t)p);
    ecam->unmap(ecam->map_ctx, p, 2);
    return v;
}

static uint32_t mapped_read32(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_ecam *ecam = ctx;
    const void *p = mapped_get(ecam, address, offset, 4);
    uint32_t v;
    if (!p)
        return UINT32_MAX;
    v = vol_read32((const volatile uint32_t *)(uintptr_t)p);
    ecam->unmap(ecam->map_ctx, p, 4);
    return v;
}

enum pci_status pci_ecam_mapped_init(struct pci_config_access *access, struct pci_ecam *ecam,
                                     uint64_t base, uint16_t segment, uint8_t start_bus,
                                     uint8_t end_bus,
                                     const void *(*map)(void *ctx, uint64_t phys, size_t len),
                                     void (*unmap)(void *ctx, const void *virt, size_t len),
                                     void *map_ctx)
{
    if (!access || !ecam || !map || !unmap || end_bus < start_bus)
        return PCI_INVALID_ARGUMENT;
    set_common(ecam, base, segment, start_bus, end_bus);
    ecam->map = map;
    ecam->unmap = unmap;
    ecam->map_ctx = map_ctx;
    access->ctx = ecam;
    access->read8 = mapped_read8;
    access->read16 = mapped_read16;
    access->read32 = mapped_read32;
    access->write8 = NULL;
    access->write16 = NULL;
    access->write32 = NULL;
    access->config_size = PCIE_CONFIG_SIZE;
    return PCI_OK;
}
