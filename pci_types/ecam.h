/* pci_types/ecam.h - PCI Express Enhanced Configuration Access Mechanism
 * (PCIe Base 6.0, 7.2.2): each function's 4 KiB configuration space at
 * base + (bus << 20 | device << 15 | function << 12).
 *
 * The region comes from an ACPI MCFG entry (PCI Firmware 3.3, 4.1.2): base
 * address, segment group, start and end bus; the base belongs to bus 0 even
 * when the start bus is higher. Two forms:
 *  - a pre-mapped window (read and write): the kernel maps
 *    pci_ecam_window_size(start, end) bytes from
 *    pci_ecam_window_phys(base, start) uncached and passes the virtual
 *    address of that first byte;
 *  - the read-only map contract (map/unmap per access, as mock_mem and the
 *    other libraries' hosts provide); writes then report PCI_READ_ONLY.
 * Addresses outside the segment or bus range read all-ones; writes to them
 * are dropped. Accesses are single volatile loads/stores of their width.
 */
#ifndef PCI_TYPES_ECAM_H
#define PCI_TYPES_ECAM_H

#include <stddef.h>
#include <stdint.h>

#include "pci_types/access.h"

struct pci_ecam {
    uint64_t base;        /* physical base, belongs to bus 0 (MCFG "Base Address") */
    uint16_t segment;     /* PCI segment group number */
    uint8_t start_bus;
    uint8_t end_bus;
    uintptr_t window;     /* virtual address of start_bus's space, 0 in the mapped form */
    const void *(*map)(void *ctx, uint64_t phys, size_t len);
    void (*unmap)(void *ctx, const void *virt, size_t len);
    void *map_ctx;
};

/* Physical address and size of the part of the region that covers buses
 * start_bus..end_bus. */
static inline uint64_t pci_ecam_window_phys(uint64_t base, uint8_t start_bus)
{
    return base + ((uint64_t)start_bus << 20);
}
static inline uint64_t pci_ecam_window_size(uint8_t start_bus, uint8_t end_bus)
{
    return end_bus < start_bus ? 0 : ((uint64_t)(end_bus - start_bus) + 1u) << 20;
}

/* Pre-mapped window. PCI_INVALID_ARGUMENT when window is NULL or
 * end_bus < start_bus. ecam is caller-owned and must outlive access. */
PCI_MUST_USE enum pci_status pci_ecam_window_init(struct pci_config_access *access,
                                                  struct pci_ecam *ecam,
                                                  volatile void *window, uint64_t base,
                                                  uint16_t segment, uint8_t start_bus,
                                                  uint8_t end_bus);

/* Read-only map contract: map(ctx, phys, len) returns a pointer to exactly
 * that byte or NULL (the read then yields all-ones); every map is unmapped
 * with the same pointer and length before the read returns. */
PCI_MUST_USE enum pci_status pci_ecam_mapped_init(
    struct pci_config_access *access, struct pci_ecam *ecam, uint64_t base,
    uint16_t segment, uint8_t start_bus, uint8_t end_bus,
    const void *(*map)(void *ctx, uint64_t phys, size_t len),
    void (*unmap)(void *ctx, const void *virt, size_t len), void *map_ctx);

/* Physical address of a function's configuration space: PCI_OK,
 * PCI_INVALID_ARGUMENT (bad address), PCI_BUS_OUT_OF_RANGE (other segment,
 * bus outside the region). */
PCI_MUST_USE enum pci_status pci_ecam_function_phys(const struct pci_ecam *ecam,
                                                    struct pci_address address,
                                                    uint64_t *phys);

#endif
