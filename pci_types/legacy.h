/* pci_types/legacy.h - PCI Configuration Mechanism #1 (PCI Local Bus 3.0,
 * 3.2.2.3.2): CONFIG_ADDRESS at I/O port 0xCF8, CONFIG_DATA at 0xCFC-0xCFF.
 *
 * Reaches the first 256 bytes of segment 0 only. The port I/O comes from a
 * struct pci_port_io (any backend, a mock in tests); on x86,
 * pci_legacy_x86_port_io() fills one with the inline in/out of x86_64/port.h.
 * The two-step address/data sequence is not atomic: a kernel must serialise
 * configuration accesses (one lock around every pci_read and pci_write) and
 * keep interrupt handlers from using the mechanism in between.
 *
 * Use:
 *     struct pci_legacy legacy; struct pci_config_access acc;
 *     pci_legacy_access_init(&acc, &legacy, NULL);   // x86: inline in/out
 */
#ifndef PCI_TYPES_LEGACY_H
#define PCI_TYPES_LEGACY_H

#include <stdint.h>

#include "pci_types/access.h"

#define PCI_LEGACY_CONFIG_ADDRESS 0xCF8u
#define PCI_LEGACY_CONFIG_DATA 0xCFCu

/* Width-specific port I/O; must never split an access. */
struct pci_port_io {
    void *ctx;
    uint8_t (*in8)(void *ctx, uint16_t port);
    uint16_t (*in16)(void *ctx, uint16_t port);
    uint32_t (*in32)(void *ctx, uint16_t port);
    void (*out8)(void *ctx, uint16_t port, uint8_t value);
    void (*out16)(void *ctx, uint16_t port, uint16_t value);
    void (*out32)(void *ctx, uint16_t port, uint32_t value);
};

/* Backend state: a copy of the port I/O callbacks. Caller-owned; must
 * outlive the access struct that points at it. */
struct pci_legacy {
    struct pci_port_io io;
};

#if defined(__x86_64__) || defined(__i386__)
/* Fill io with the x86 IN/OUT instructions (ctx unused). */
void pci_legacy_x86_port_io(struct pci_port_io *io);
#endif

/* Make access a Mechanism #1 backend over io (copied into legacy). io NULL
 * selects the x86 instructions on x86 and is PCI_INVALID_ARGUMENT elsewhere.
 * Addresses with a segment other than 0 read all-ones and ignore writes. */
PCI_MUST_USE enum pci_status pci_legacy_access_init(struct pci_config_access *access,
                                                    struct pci_legacy *legacy,
                                                    const struct pci_port_io *io);

#endif
