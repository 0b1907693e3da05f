/* pci_types/address.c - PCI address validation and packing. */
#include "pci_types/address.h"

bool pci_address_valid(struct pci_address address)
{
    return address.device <= PCI_MAX_DEVICE && address.function <= PCI_MAX_FUNCTION;
}

enum pci_status pci_address_to_rid(struct pci_address address, uint16_t *rid)
{
    if (!rid || !pci_address_valid(address))
        return PCI_INVALID_ARGUMENT;
    *rid = (uint16_t)((unsigned)address.bus << 8 | (unsigned)address.device << 3 |
                      address.function);
    return PCI_OK;
}

struct pci_address pci_address_from_rid(uint16_t segment, uint16_t rid)
{
    return pci_address_make(segment, (uint8_t)(rid >> 8), (uint8_t)((rid >> 3) & 0x1Fu),
                            (uint8_t)(rid & 0x7u));
}

enum pci_status pci_address_ecam_offset(struct pci_address address, uint64_t *offset)
{
    if (!offset || !pci_address_valid(address))
        return PCI_INVALID_ARGUMENT;
    *offset = (uint64_t)address.bus << 20 | (uint64_t)address.device << 15 |
              (uint64_t)address.function << 12;
    return PCI_OK;
}

enum pci_status pci_address_config_address(struct pci_address address,
                                           uint16_t register_offset, uint32_t *value)
{
    if (!value || !pci_address_valid(address))
        return PCI_INVALID_ARGUMENT;
    if (register_offset >= PCI_CONFIG_SIZE)
        return PCI_BAD_OFFSET;
    *value = UINT32_C(0x80000000) | (uint32_t)address.bus << 16 |
             (uint32_t)address.device << 11 | (uint32_t)address.function << 8 |
             (uint32_t)(register_offset & 0xFCu);
    return PCI_OK;
}

int pci_address_compare(struct pci_address a, struct pci_address b)
{
    uint64_t ka = (uint64_t)a.segment << 24 | (uint64_t)a.bus << 16 |
                  (uint64_t)a.device << 8 | a.function;
    uint64_t kb = (uint64_t)b.segment << 24 | (uint64_t)b.bus << 16 |
                  (uint64_t)b.device << 8 | b.function;
    return (ka > kb) - (ka < kb);
}

static char hex_digit(unsigned v)
{
    return "0123456789abcdef"[v & 0xFu];
}

char *pci_address_format(struct pci_address address, char *buf)
{
    buf[0] = hex_digit(address.segment >> 12u);
    buf[1] = hex_digit(address.segment >> 8u);
    buf[2] = hex_digit(address.segment >> 4u);
    buf[3] = hex_digit(address.segment);
    buf[4] = ':';
    buf[5] = hex_digit(address.bus >> 4u);
    buf[6] = hex_digit(address.bus);
    buf[7] = ':';
    buf[8] = hex_digit((unsigned)address.device >> 4u);
    buf[9] = hex_digit(address.device);
    buf[10] = '.';
    buf[11] = hex_digit(address.function);
    buf[12] = '\0';
    return buf;
}
