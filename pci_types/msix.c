/* pci_types/msix.c - MSI-X capability and table entries (PCI 3.0, 6.8.2). */
#include "pci_types/msix.h"

#include <stddef.h>

#include "pci_types/capability.h"
#include "volatile/access.h"

#define MSIX_CONTROL 2u
#define MSIX_TABLE 4u
#define MSIX_PBA 8u
#define MSIX_SIZE 12u
/* Dword indices inside a 16-byte table entry (6.8.2.6-6.8.2.9). */
#define ENTRY_ADDRESS_LO 0u
#define ENTRY_ADDRESS_HI 1u
#define ENTRY_DATA 2u
#define ENTRY_VECTOR_CONTROL 3u

enum pci_status pci_msix_read(const struct pci_function *fn, uint8_t offset, struct pci_msix *out)
{
    uint32_t table, pba;
    if (!fn || !out)
        return PCI_INVALID_ARGUMENT;
    if (offset < 0x40u || (offset & 3u) || (unsigned)offset + MSIX_SIZE > PCI_CONFIG_SIZE ||
        pci_read8(fn, offset) != PCI_CAP_MSIX)
        return PCI_BAD_CAPABILITY;
    out->offset = offset;
    out->control = pci_read16(fn, (uint16_t)(offset + MSIX_CONTROL));
    out->table_size = (uint16_t)((out->control & PCI_MSIX_CONTROL_TABLE_SIZE_MASK) + 1u);
    out->enabled = (out->control & PCI_MSIX_CONTROL_ENABLE) != 0;
    out->function_mask = (out->control & PCI_MSIX_CONTROL_FUNCTION_MASK) != 0;
    table = pci_read32(fn, (uint16_t)(offset + MSIX_TABLE));
    pba = pci_read32(fn, (uint16_t)(offset + MSIX_PBA));
    out->table_bir = (uint8_t)(table & PCI_MSIX_BIR_MASK);
    out->table_offset = table & ~(uint32_t)PCI_MSIX_BIR_MASK;
    out->pba_bir = (uint8_t)(pba & PCI_MSIX_BIR_MASK);
    out->pba_offset = pba & ~(uint32_t)PCI_MSIX_BIR_MASK;
    return out->table_bir > 5u || out->pba_bir > 5u ? PCI_BAD_CAPABILITY : PCI_OK;
}

enum pci_status pci_msix_set_control(const struct pci_function *fn, uint8_t offset, bool enable,
                                     bool function_mask)
{
    struct pci_msix msix;
    enum pci_status st = pci_msix_read(fn, offset, &msix);
    uint16_t control;
    if (st != PCI_OK)
        return st;
    control = (uint16_t)(msix.control &
                         ~(PCI_MSIX_CONTROL_ENABLE | PCI_MSIX_CONTROL_FUNCTION_MASK));
    if (enable)
        control |= PCI_MSIX_CONTROL_ENABLE;
    if (function_mask)
        control |= PCI_MSIX_CONTROL_FUNCTION_MASK;
    return pci_write16(fn, (uint16_t)(offset + MSIX_CONTROL), control);
}

static volatile uint32_t *entry_dword(volatile void *table, uint16_t index, unsigned dword)
{
    return (volatile uint32_t *)((uintptr_t)table + (uintptr_t)index * PCI_MSIX_ENTRY_SIZE +
                                 (uintptr_t)dword * 4u);
}

enum pci_status pci_msix_entry_mask(volatile void *table, uint16_t table_size, uint16_t index,
                                    bool masked)
{
    volatile uint32_t *vc;
    uint32_t v;
    if (!table || index >= table_size)
        return PCI_INVALID_ARGUMENT;
    vc = entry_dword(table, index, ENTRY_VECTOR_CONTROL);
    v = vol_read32(vc);
    v = masked ? (v | PCI_MSIX_ENTRY_VECTOR_CONTROL_MASKED)
               : (v & ~(uint32_t)PCI_MSIX_ENTRY_VECTOR_CONTROL_MASKED);
    vol_write32(vc, v);
    return PCI_OK;
}

enum pci_status pci_msix_entry_program(volatile void *table, uint16_t table_size, uint16_t index,
                                       uint64_t address, uint32_t data, bool masked)
{
    /* Mask while address and data change so no half-written message fires. */
    enum pci_status st = pci_msix_entry_mask(table, table_size, index, true);
    if (st != PCI_OK)
        return st;
    vol_write32(entry_dword(table, index, ENTRY_ADDRESS_LO), (uint32_t)address);
    vol_write32(entry_dword(table, index, ENTRY_ADDRESS_HI), (uint32_t)(address >> 32));
    vol_write32(entry_dword(table, index, ENTRY_DATA), data);
    return masked ? PCI_OK : pci_msix_entry_mask(table, table_size, index, false);
}
