/* pci_types/msi.h - Message Signaled Interrupts capability (ID 0x05; PCI
 * Local Bus 3.0, 6.8.1).
 *
 * Layout after the ID and next bytes: Message Control (+2): bit 0 enable,
 * bits 3:1 multiple message capable (log2 of vectors), bits 6:4 multiple
 * message enable, bit 7 64-bit address capable, bit 8 per-vector masking
 * capable. Message Address (+4), Message Upper Address (+8, 64-bit only),
 * Message Data (+8 or +0xC), then Mask Bits and Pending Bits (+0xC/+0x10 or
 * +0x10/+0x14) when per-vector masking is capable.
 */
#ifndef PCI_TYPES_MSI_H
#define PCI_TYPES_MSI_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_MSI_CONTROL_ENABLE 0x0001u
#define PCI_MSI_CONTROL_MMC_MASK 0x000Eu
#define PCI_MSI_CONTROL_MME_MASK 0x0070u
#define PCI_MSI_CONTROL_64BIT 0x0080u
#define PCI_MSI_CONTROL_PER_VECTOR_MASKING 0x0100u

struct pci_msi {
    uint8_t offset;
    uint16_t control;
    bool enabled;
    bool is_64bit;
    bool per_vector_masking;
    uint8_t multiple_message_capable;  /* log2 of the vectors requested, 0-5 */
    uint8_t multiple_message_enable;   /* log2 of the vectors allocated */
    uint64_t address;
    uint16_t data;
    uint32_t mask_bits;                /* 0 without per-vector masking */
    uint32_t pending_bits;
    /* Register offsets inside configuration space, computed from the flags. */
    uint16_t data_offset;
    uint16_t mask_offset;              /* 0 without per-vector masking */
};

/* Decode the MSI capability at offset. PCI_BAD_CAPABILITY when the ID there
 * is not 0x05 or the structure would run past 0xFF. */
PCI_MUST_USE enum pci_status pci_msi_read(const struct pci_function *fn, uint8_t offset,
                                          struct pci_msi *out);

/* Program address and data and allocate 2^log2_vectors vectors (6.8.3.1);
 * leaves the enable bit alone. PCI_UNSUPPORTED when the address needs 64
 * bits and the function has 32, or log2_vectors exceeds the capable count;
 * write statuses of access.h. */
PCI_MUST_USE enum pci_status pci_msi_program(const struct pci_function *fn, uint8_t offset,
                                             uint64_t address, uint16_t data,
                                             uint8_t log2_vectors);

/* Set or clear the MSI enable bit. */
PCI_MUST_USE enum pci_status pci_msi_set_enable(const struct pci_function *fn, uint8_t offset,
                                                bool enable);

/* Write the per-vector Mask Bits. PCI_UNSUPPORTED without per-vector masking. */
PCI_MUST_USE enum pci_status pci_msi_set_mask(const struct pci_function *fn, uint8_t offset,
                                              uint32_t mask);

#endif
