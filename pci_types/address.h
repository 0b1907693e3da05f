/* pci_types/address.h - a PCI function's address: segment (PCI Firmware
 * spec: "PCI Segment Group"), bus, device, function, and its packed forms.
 *
 * Plain values, no ownership. Device is 0-31 and function 0-7 (PCI Local
 * Bus 3.0, 3.2.2.3.1); pci_address_valid() checks that before a packed form
 * is used.
 */
#ifndef PCI_TYPES_ADDRESS_H
#define PCI_TYPES_ADDRESS_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/status.h"

#define PCI_MAX_DEVICE 31u
#define PCI_MAX_FUNCTION 7u
/* Configuration space sizes: conventional PCI and PCI Express. */
#define PCI_CONFIG_SIZE 256u
#define PCIE_CONFIG_SIZE 4096u

struct pci_address {
    uint16_t segment;
    uint8_t bus;
    uint8_t device;   /* 0-31 */
    uint8_t function; /* 0-7 */
};

/* Build an address; out-of-range device/function are kept as given so that
 * pci_address_valid() can reject them. */
static inline struct pci_address pci_address_make(uint16_t segment, uint8_t bus,
                                                  uint8_t device, uint8_t function)
{
    struct pci_address a = {segment, bus, device, function};
    return a;
}

/* True when device <= 31 and function <= 7. */
bool pci_address_valid(struct pci_address address);

/* Routing ID (PCIe Base 6.0, 2.2.4.2): bus[15:8] device[7:3] function[2:0].
 * PCI_INVALID_ARGUMENT when the address is not valid. */
PCI_MUST_USE enum pci_status pci_address_to_rid(struct pci_address address,
                                                uint16_t *rid);
/* The inverse, with the given segment (cannot fail). */
struct pci_address pci_address_from_rid(uint16_t segment, uint16_t rid);

/* Byte offset of the function's 4 KiB page inside an ECAM region whose base
 * belongs to bus 0 (PCIe Base 6.0, 7.2.2: bus<<20 | device<<15 | function<<12). */
PCI_MUST_USE enum pci_status pci_address_ecam_offset(struct pci_address address,
                                                     uint64_t *offset);

/* Configuration Mechanism #1 CONFIG_ADDRESS value (PCI Local Bus 3.0,
 * 3.2.2.3.2): enable bit 31, bus[23:16], device[15:11], function[10:8],
 * register[7:2]. register_offset must be below 256. */
PCI_MUST_USE enum pci_status pci_address_config_address(struct pci_address address,
                                                        uint16_t register_offset,
                                                        uint32_t *value);

/* Order of addresses: segment, bus, device, function. <0, 0, >0. */
int pci_address_compare(struct pci_address a, struct pci_address b);

/* Writes "ssss:bb:dd.f" (the form lspci -D prints) and a NUL into buf, which
 * must hold at least PCI_ADDRESS_STR_LEN bytes; returns buf. */
#define PCI_ADDRESS_STR_LEN 13u
char *pci_address_format(struct pci_address address, char *buf);

#endif
