/* pci_types/bar.h - Base Address Registers and the Expansion ROM BAR
 * (PCI Local Bus 3.0, 6.2.5).
 *
 * Bit 0 tells I/O (1) from memory (0). Memory BARs: bits 2:1 type (00 32-bit,
 * 10 64-bit using the next BAR as upper half, 01 "below 1 MiB" of PCI 2.x read
 * as 32-bit, 11 reserved), bit 3 prefetchable, bits 31:4 address. I/O BARs:
 * bits 31:2 address. Sizing follows 6.2.5.1: with decoding disabled in the
 * command register, write all-ones, read back, restore the BAR(s) and the
 * command register. An unimplemented BAR reads back 0 and has kind
 * PCI_BAR_UNUSED.
 */
#ifndef PCI_TYPES_BAR_H
#define PCI_TYPES_BAR_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

enum pci_bar_kind {
    PCI_BAR_UNUSED = 0, /* not implemented (sized to 0) */
    PCI_BAR_IO = 1,
    PCI_BAR_MEM32 = 2,
    PCI_BAR_MEM64 = 3,  /* occupies this slot and the next */
};

struct pci_bar {
    uint8_t index;          /* slot 0-5 (type 0), 0-1 (type 1), 0 (type 2) */
    enum pci_bar_kind kind;
    bool prefetchable;      /* memory only */
    uint64_t address;       /* bus address with the flag bits removed */
    uint64_t size;          /* bytes; 0 when not sized (or unused) */
};

/* Number of BAR slots of a header layout: 6, 2, 1 (CardBus socket base) or 0. */
uint8_t pci_bar_count(uint8_t header_type);

/* Decode raw register values: low is BAR[n], high is BAR[n+1] and only used
 * for a 64-bit BAR. Leaves index and size 0. PCI_BAD_BAR for the reserved
 * memory type 11b. */
PCI_MUST_USE enum pci_status pci_bar_decode(uint32_t low, uint32_t high, struct pci_bar *out);

/* Read and decode BAR index of fn without sizing (size 0). index must not be
 * the upper half of a 64-bit BAR (the iterator below skips those).
 * PCI_INVALID_ARGUMENT (index beyond the layout's slots), PCI_NO_FUNCTION,
 * PCI_BAD_HEADER_TYPE, PCI_BAD_BAR (reserved type, or a 64-bit BAR in the
 * last slot). */
PCI_MUST_USE enum pci_status pci_bar_read(const struct pci_function *fn, uint8_t index,
                                          struct pci_bar *out);

/* As pci_bar_read, then size the BAR through the access callbacks; the BAR
 * and command registers hold their old values again on return. Needs a
 * writable backend (PCI_READ_ONLY otherwise). */
PCI_MUST_USE enum pci_status pci_bar_size(const struct pci_function *fn, uint8_t index,
                                          struct pci_bar *out);

/* The sizing step alone, for BAR registers anywhere in the configuration
 * space (pci_bar_size, the SR-IOV VF BARs): bar holds the decoded register
 * at offset (a PCI_BAR_MEM64 also uses offset + 4). Writes all-ones, reads
 * back and restores each register, then sets bar->size (0, with kind
 * PCI_BAR_UNUSED, when no address bit is writable). The caller turns the
 * decoding off around it. PCI_READ_ONLY without write callbacks. */
PCI_MUST_USE enum pci_status pci_bar_probe(const struct pci_function *fn, uint16_t offset,
                                           struct pci_bar *bar);

/* Iterate the BARs of fn in slot order, one item per BAR (a 64-bit BAR
 * consumes two slots). With sizing, unimplemented BARs come back as
 * PCI_BAR_UNUSED. pci_bar_next returns PCI_OK, PCI_END, or an error once
 * (the statuses of pci_bar_read/pci_bar_size), after which it returns PCI_END. */
struct pci_bar_iter {
    const struct pci_function *fn;
    uint8_t index;
    uint8_t count;
    bool size;
    enum pci_status status;  /* error that ended the iteration, or PCI_OK */
};
void pci_bar_iter_init(struct pci_bar_iter *it, const struct pci_function *fn, bool size);
PCI_MUST_USE enum pci_status pci_bar_next(struct pci_bar_iter *it, struct pci_bar *out);

/* Expansion ROM BAR (6.2.5.2): bit 0 enable, bits 31:11 address. */
struct pci_rom {
    bool enabled;
    uint32_t address;
    uint32_t size;          /* 0 when not sized or not implemented */
};
/* Read (and with pci_rom_size, size) the expansion ROM BAR of a type 0 or
 * type 1 header. PCI_UNSUPPORTED for a CardBus bridge (it has none). */
PCI_MUST_USE enum pci_status pci_rom_read(const struct pci_function *fn, struct pci_rom *out);
PCI_MUST_USE enum pci_status pci_rom_size(const struct pci_function *fn, struct pci_rom *out);

/* "io", "mem32", "mem64" or "unused"; never NULL. */
const char *pci_bar_kind_name(enum pci_bar_kind kind);

#endif
