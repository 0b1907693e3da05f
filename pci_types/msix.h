/* pci_types/msix.h - MSI-X capability (ID 0x11; PCI Local Bus 3.0, 6.8.2).
 *
 * Message Control (+2): bits 10:0 table size minus one, bit 14 function
 * mask, bit 15 enable. Table Offset/BIR (+4) and PBA Offset/BIR (+8): bits
 * 2:0 select the BAR, bits 31:3 the QWORD-aligned offset in it. The table
 * lives in memory space: the kernel maps BAR[table_bir] + table_offset
 * (table_size * 16 bytes, uncached) and programs entries through that
 * pointer with pci_msix_entry_*; every access is one 32-bit volatile store
 * (6.8.2: DWORD accesses to the table).
 */
#ifndef PCI_TYPES_MSIX_H
#define PCI_TYPES_MSIX_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_MSIX_CONTROL_TABLE_SIZE_MASK 0x07FFu
#define PCI_MSIX_CONTROL_FUNCTION_MASK 0x4000u
#define PCI_MSIX_CONTROL_ENABLE 0x8000u
#define PCI_MSIX_BIR_MASK 0x7u
#define PCI_MSIX_ENTRY_SIZE 16u
#define PCI_MSIX_ENTRY_VECTOR_CONTROL_MASKED 0x1u

struct pci_msix {
    uint8_t offset;
    uint16_t control;
    uint16_t table_size;       /* number of entries, 1-2048 */
    bool enabled;
    bool function_mask;
    uint8_t table_bir;         /* 0-5 valid; 6-7 are reserved values */
    uint32_t table_offset;
    uint8_t pba_bir;
    uint32_t pba_offset;
};

/* Decode the MSI-X capability at offset. PCI_BAD_CAPABILITY when the ID is
 * not 0x11, the structure would run past 0xFF, or a BIR is 6 or 7. */
PCI_MUST_USE enum pci_status pci_msix_read(const struct pci_function *fn, uint8_t offset,
                                           struct pci_msix *out);

/* Write the enable and function-mask bits of Message Control. */
PCI_MUST_USE enum pci_status pci_msix_set_control(const struct pci_function *fn, uint8_t offset,
                                                  bool enable, bool function_mask);

/* Program entry index of a mapped table of table_size entries: masks it,
 * writes address and data, then writes the vector control (masked or not).
 * PCI_INVALID_ARGUMENT when table is NULL or index >= table_size. */
PCI_MUST_USE enum pci_status pci_msix_entry_program(volatile void *table, uint16_t table_size,
                                                    uint16_t index, uint64_t address,
                                                    uint32_t data, bool masked);
/* Set or clear the mask bit of one entry. */
PCI_MUST_USE enum pci_status pci_msix_entry_mask(volatile void *table, uint16_t table_size,
                                                 uint16_t index, bool masked);

#endif
