/* pci_types/msi.c - MSI capability decoding and programming (PCI 3.0, 6.8.1). */
#include "pci_types/msi.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define MSI_CONTROL 2u
#define MSI_ADDRESS 4u
#define MSI_UPPER_ADDRESS 8u

/* Size of the structure: 10 bytes (32-bit), 14 (64-bit), plus 10 with masking
 * (mask, pending), rounded as the spec lays them out. */
static unsigned msi_size(uint16_t control)
{
    unsigned size = (control & PCI_MSI_CONTROL_64BIT) ? 0x0Eu : 0x0Au;
    if (control & PCI_MSI_CONTROL_PER_VECTOR_MASKING)
        size = (control & PCI_MSI_CONTROL_64BIT) ? 0x18u : 0x14u;
    return size;
}

enum pci_status pci_msi_read(const struct pci_function *fn, uint8_t offset, struct pci_msi *out)
{
    uint16_t control;
    if (!fn || !out)
        return PCI_INVALID_ARGUMENT;
    if (offset < 0x40u || (offset & 3u) || pci_read8(fn, offset) != PCI_CAP_MSI)
        return PCI_BAD_CAPABILITY;
    control = pci_read16(fn, (uint16_t)(offset + MSI_CONTROL));
    if ((unsigned)offset + msi_size(control) > PCI_CONFIG_SIZE)
        return PCI_BAD_CAPABILITY;
    out->offset = offset;
    out->control = control;
    out->enabled = (control & PCI_MSI_CONTROL_ENABLE) != 0;
    out->is_64bit = (control & PCI_MSI_CONTROL_64BIT) != 0;
    out->per_vector_masking = (control & PCI_MSI_CONTROL_PER_VECTOR_MASKING) != 0;
    out->multiple_message_capable = (uint8_t)((control & PCI_MSI_CONTROL_MMC_MASK) >> 1);
    out->multiple_message_enable = (uint8_t)((control & PCI_MSI_CONTROL_MME_MASK) >> 4);
    out->address = pci_read32(fn, (uint16_t)(offset + MSI_ADDRESS));
    if (out->is_64bit)
        out->address |= (uint64_t)pci_read32(fn, (uint16_t)(offset + MSI_UPPER_ADDRESS)) << 32;
    out->data_offset = (uint16_t)(offset + (out->is_64bit ? 0x0Cu : 0x08u));
    out->data = pci_read16(fn, out->data_offset);
    out->mask_offset = 0;
    out->mask_bits = 0;
    out->pending_bits = 0;
    if (out->per_vector_masking) {
        out->mask_offset = (uint16_t)(offset + (out->is_64bit ? 0x10u : 0x0Cu));
        out->mask_bits = pci_read32(fn, out->mask_offset);
        out->pending_bits = pci_read32(fn, (uint16_t)(out->mask_offset + 4u));
    }
    return PCI_OK;
}

enum pci_status pci_msi_program(const struct pci_function *fn, uint8_t offset, uint64_t address,
                                uint16_t data, uint8_t log2_vectors)
{
    struct pci_msi msi;
    enum pci_status st = pci_msi_read(fn, offset, &msi);
    uint16_t control;
    if (st != PCI_OK)
        return st;
    if ((!msi.is_64bit && address > UINT32_MAX) || log2_vectors > msi.multiple_message_capable)
        return PCI_UNSUPPORTED;
    st = pci_write32(fn, (uint16_t)(offset + MSI_ADDRESS), (uint32_t)address);
    if (st == PCI_OK && msi.is_64bit)
        st = pci_write32(fn, (uint16_t)(offset + MSI_UPPER_ADDRESS), (uint32_t)(address >> 32));
    if (st == PCI_OK)
        st = pci_write16(fn, msi.data_offset, data);
    if (st != PCI_OK)
        return st;
    control = (uint16_t)((msi.control & ~PCI_MSI_CONTROL_MME_MASK) |
                         ((unsigned)log2_vectors << 4));
    return pci_write16(fn, (uint16_t)(offset + MSI_CONTROL), control);
}

enum pci_status pci_msi_set_enable(const struct pci_function *fn, uint8_t offset, bool enable)
{
    struct pci_msi msi;
    enum pci_status st = pci_msi_read(fn, offset, &msi);
    uint16_t control;
    if (st != PCI_OK)
        return st;
    control = enable ? (uint16_t)(msi.control | PCI_MSI_CONTROL_ENABLE)
                     : (uint16_t)(msi.control & ~PCI_MSI_CONTROL_ENABLE);
    return pci_write16(fn, (uint16_t)(offset + MSI_CONTROL), control);
}

enum pci_status pci_msi_set_mask(const struct pci_function *fn, uint8_t offset, uint32_t mask)
{
    struct pci_msi msi;
    enum pci_status st = pci_msi_read(fn, offset, &msi);
    if (st != PCI_OK)
        return st;
    if (!msi.per_vector_masking)
        return PCI_UNSUPPORTED;
    return pci_write32(fn, msi.mask_offset, mask);
}
