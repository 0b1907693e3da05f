/* pci_types/rebar.h - Resizable BAR Extended Capability (ID 0x0015; PCIe
 * Base 6.0, 7.8.6).
 *
 * After the header come one to six entries of two dwords: +0x04 + 8n
 * Resizable BAR Capability (bits 31:4: sizes 1 MiB ... 128 TiB supported),
 * +0x08 + 8n Resizable BAR Control (BAR Index 2:0, Number of Resizable BARs
 * 7:5 in entry 0 only, BAR Size 13:8, and in 31:16 the supported sizes
 * 256 TiB ... 8 EiB). Sizes are encoded as n for 2^n MiB, n = 0-43.
 */
#ifndef PCI_TYPES_REBAR_H
#define PCI_TYPES_REBAR_H

#include <stdint.h>

#include "pci_types/access.h"

#define PCI_REBAR_CAPABILITY(n) (0x04u + 8u * (n))
#define PCI_REBAR_CONTROL(n) (0x08u + 8u * (n))
#define PCI_REBAR_MAX_ENTRIES 6u
#define PCI_REBAR_MAX_SIZE_ENCODING 43u /* 2^43 MiB = 8 EiB */

struct pci_rebar_entry {
    uint32_t capability;   /* raw */
    uint32_t control;      /* raw */
    uint8_t bar_index;     /* Control 2:0: the BAR this entry resizes */
    uint8_t current_size;  /* Control 13:8: encoding n, 2^n MiB */
    uint64_t supported;    /* bit n set: 2^n MiB supported (Capability 31:4 and Control 31:16) */
};

struct pci_rebar {
    uint16_t offset;
    uint8_t version;
    uint8_t count;         /* Number of Resizable BARs, entry 0's Control 7:5 */
    struct pci_rebar_entry entries[PCI_REBAR_MAX_ENTRIES];
};

/* Decode the Resizable BAR capability at offset. PCI_BAD_CAPABILITY when the
 * ID is not 0x0015, the number of entries is outside 1-6 (7.8.6.3), or the
 * entries do not fit in 4 KiB; PCI_UNSUPPORTED without a 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_rebar_read(const struct pci_function *fn, uint16_t offset,
                                            struct pci_rebar *out);

/* Bytes of a size encoding: 2^n MiB; 0 for n above 43. */
uint64_t pci_rebar_size_bytes(uint8_t encoding);

/* Program entry's BAR Size to encoding (7.8.6.3). PCI_INVALID_ARGUMENT for
 * an entry beyond count; PCI_UNSUPPORTED when the entry does not list that
 * size. The caller turns memory decoding off first and reassigns the BAR
 * afterwards (its size, and so its alignment, changed). rebar is updated. */
PCI_MUST_USE enum pci_status pci_rebar_set_size(const struct pci_function *fn,
                                                struct pci_rebar *rebar, uint8_t entry,
                                                uint8_t encoding);

#endif
