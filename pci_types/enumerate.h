/* pci_types/enumerate.h - finding every function without allocation.
 *
 * A cursor (struct pci_enum, on the caller's stack) visits functions in
 * address order. Brute force probes every device of every bus in a range;
 * recursive starts at a root bus and adds the secondary bus of every
 * PCI-to-PCI or CardBus bridge it finds, so only buses that exist are
 * probed. Function 0 decides multi-function (header type bit 7, PCI Local
 * Bus 3.0, 6.2.1): functions 1-7 are probed only when it is set. Buses are
 * scanned in increasing order (a 256-bit set of pending buses) and a
 * bridge's secondary bus is followed only when it is above the bridge's own
 * bus, so each bus is scanned once and bogus bus numbers cannot loop.
 */
#ifndef PCI_TYPES_ENUMERATE_H
#define PCI_TYPES_ENUMERATE_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"
#include "pci_types/header.h"

struct pci_enum {
    const struct pci_config_access *access;
    uint16_t segment;
    uint8_t first_bus;
    uint8_t last_bus;
    bool recursive;
    uint32_t pending[8];    /* buses still to scan, one bit each */
    uint16_t bus;           /* bus being scanned, 256 when done */
    uint8_t device;
    uint8_t function;
    bool multifunction;     /* of the current device's function 0 */
};

struct pci_enum_entry {
    struct pci_function function;   /* access + address, ready for the decoders */
    struct pci_header_common header;
};

/* Every bus first_bus..last_bus (both included). access is borrowed. */
void pci_enum_init_brute_force(struct pci_enum *e, const struct pci_config_access *access,
                               uint16_t segment, uint8_t first_bus, uint8_t last_bus);

/* Start at root_bus and follow bridges to buses in root_bus..last_bus. */
void pci_enum_init_recursive(struct pci_enum *e, const struct pci_config_access *access,
                             uint16_t segment, uint8_t root_bus, uint8_t last_bus);

/* PCI_OK with the next present function (entry->function.access points at
 * the cursor's access), PCI_END after the last. A function whose header type
 * is not 0-2 is still returned (its header.header_type tells). */
PCI_MUST_USE enum pci_status pci_enum_next(struct pci_enum *e, struct pci_enum_entry *entry);

/* Callback form: calls visit for every function until it returns false.
 * Returns PCI_OK when all were visited, PCI_END when visit stopped early. */
typedef bool (*pci_enum_visitor)(void *ctx, const struct pci_enum_entry *entry);
PCI_MUST_USE enum pci_status pci_enumerate(const struct pci_config_access *access,
                                           uint16_t segment, uint8_t first_bus,
                                           uint8_t last_bus, bool recursive,
                                           pci_enum_visitor visit, void *ctx);

#endif
