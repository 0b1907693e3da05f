/* pci_types/access.c - checked configuration reads and writes, image backend. */
#include "pci_types/access.h"

#include "pci_types/le.h"

/* Accesses are naturally aligned (PCI Local Bus 3.0, 3.2.2.3.2; PCIe Base
 * 6.0, 7.2.2: ECAM accesses must not cross a DW boundary). */
static int offset_ok(const struct pci_function *fn, uint16_t offset, unsigned width)
{
    if (!fn || !fn->access || !pci_address_valid(fn->address))
        return 0;
    if (offset % width != 0)
        return 0;
    return (uint32_t)offset + width <= fn->access->config_size;
}

uint8_t pci_read8(const struct pci_function *fn, uint16_t offset)
{
    if (!offset_ok(fn, offset, 1) || !fn->access->read8)
        return 0xFFu;
    return fn->access->read8(fn->access->ctx, fn->address, offset);
}

uint16_t pci_read16(const struct pci_function *fn, uint16_t offset)
{
    if (!offset_ok(fn, offset, 2) || !fn->access->read16)
        return 0xFFFFu;
    return fn->access->read16(fn->access->ctx, fn->address, offset);
}

uint32_t pci_read32(const struct pci_function *fn, uint16_t offset)
{
    if (!offset_ok(fn, offset, 4) || !fn->access->read32)
        return UINT32_MAX;
    return fn->access->read32(fn->access->ctx, fn->address, offset);
}

static enum pci_status write_check(const struct pci_function *fn, uint16_t offset,
                                   unsigned width)
{
    if (!fn || !fn->access || !pci_address_valid(fn->address))
        return PCI_INVALID_ARGUMENT;
    if (!offset_ok(fn, offset, width))
        return PCI_BAD_OFFSET;
    return PCI_OK;
}

enum pci_status pci_write8(const struct pci_function *fn, uint16_t offset, uint8_t value)
{
    enum pci_status st = write_check(fn, offset, 1);
    if (st != PCI_OK)
        return st;
    if (!fn->access->write8)
        return PCI_READ_ONLY;
    fn->access->write8(fn->access->ctx, fn->address, offset, value);
    return PCI_OK;
}

enum pci_status pci_write16(const struct pci_function *fn, uint16_t offset, uint16_t value)
{
    enum pci_status st = write_check(fn, offset, 2);
    if (st != PCI_OK)
        return st;
    if (!fn->access->write16)
        return PCI_READ_ONLY;
    fn->access->write16(fn->access->ctx, fn->address, offset, value);
    return PCI_OK;
}

enum pci_status pci_write32(const struct pci_function *fn, uint16_t offset, uint32_t value)
{
    enum pci_status st = write_check(fn, offset, 4);
    if (st != PCI_OK)
        return st;
    if (!fn->access->write32)
        return PCI_READ_ONLY;
    fn->access->write32(fn->access->ctx, fn->address, offset, value);
    return PCI_OK;
}

/* Image backend: byte-wise so a short image yields all-ones past its end. */
static uint8_t image_byte(const struct pci_config_image *img, uint32_t offset)
{
    return offset < img->len ? img->bytes[offset] : 0xFFu;
}

static uint8_t image_read8(void *ctx, struct pci_address address, uint16_t offset)
{
    (void)address;
    return image_byte(ctx, offset);
}

static uint16_t image_read16(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_config_image *img = ctx;
    uint8_t b[2] = {image_byte(img, offset), image_byte(img, (uint32_t)offset + 1u)};
    (void)address;
    return pci_le16(b);
}

static uint32_t image_read32(void *ctx, struct pci_address address, uint16_t offset)
{
    const struct pci_config_image *img = ctx;
    uint8_t b[4];
    (void)address;
    for (uint32_t i = 0; i < 4; i++)
        b[i] = image_byte(img, offset + i);
    return pci_le32(b);
}

void pci_image_access_init(struct pci_config_access *access, struct pci_config_image *image,
                           const void *bytes, size_t len)
{
    image->bytes = bytes;
    image->len = bytes ? len : 0;
    access->ctx = image;
    access->read8 = image_read8;
    access->read16 = image_read16;
    access->read32 = image_read32;
    access->write8 = NULL;
    access->write16 = NULL;
    access->write32 = NULL;
    access->config_size = (uint16_t)(len >= PCIE_CONFIG_SIZE ? PCIE_CONFIG_SIZE : PCI_CONFIG_SIZE);
}
