/* pci_types/pcie.c - PCI Express capability decoding (PCIe Base 6.0, 7.5.3). */
#include "pci_types/pcie.h"

#include <stddef.h>

#include "pci_types/capability.h"

/* Version 1 structures may end after the link registers (PCIe 1.1, 7.8);
 * 0x14 bytes covers everything decoded for them. */
#define PCIE_CAP_V1_MIN_SIZE 0x14u

enum pci_status pci_express_read(const struct pci_function *fn, uint8_t offset,
                                 struct pci_express *out)
{
    uint16_t caps;
    unsigned size;
    if (!fn || !out)
        return PCI_INVALID_ARGUMENT;
    if (offset < 0x40u || (offset & 3u) || pci_read8(fn, offset) != PCI_CAP_PCI_EXPRESS)
        return PCI_BAD_CAPABILITY;
    caps = pci_read16(fn, (uint16_t)(offset + PCIE_CAPABILITIES));
    out->version = (uint8_t)(caps & 0xFu);
    size = out->version >= 2 ? PCIE_CAP_V2_SIZE : PCIE_CAP_V1_MIN_SIZE;
    if (out->version == 0 || (unsigned)offset + size > PCI_CONFIG_SIZE)
        return PCI_BAD_CAPABILITY;
    out->offset = offset;
    out->capabilities = caps;
    out->port_type = (uint8_t)((caps >> 4) & 0xFu);
    out->slot_implemented = (caps & 0x0100u) != 0;
    out->interrupt_message_number = (uint8_t)((caps >> 9) & 0x1Fu);
    out->device_capabilities = pci_read32(fn, (uint16_t)(offset + PCIE_DEVICE_CAPABILITIES));
    out->device_control = pci_read16(fn, (uint16_t)(offset + PCIE_DEVICE_CONTROL));
    out->device_status = pci_read16(fn, (uint16_t)(offset + PCIE_DEVICE_STATUS));
    out->link_capabilities = pci_read32(fn, (uint16_t)(offset + PCIE_LINK_CAPABILITIES));
    out->link_control = pci_read16(fn, (uint16_t)(offset + PCIE_LINK_CONTROL));
    out->link_status = pci_read16(fn, (uint16_t)(offset + PCIE_LINK_STATUS));
    out->link_capabilities2 =
        out->version >= 2 ? pci_read32(fn, (uint16_t)(offset + PCIE_LINK_CAPABILITIES2)) : 0;

    /* 7.5.3.3 Device Capabilities: max payload 2:0, FLR 28. */
    out->max_payload_supported = (uint16_t)(128u << (out->device_capabilities & 0x7u));
    out->flr_capable = (out->device_capabilities >> 28) & 1u;
    /* 7.5.3.4 Device Control: max payload 7:5, max read request 14:12. */
    out->max_payload_size = (uint16_t)(128u << ((out->device_control >> 5) & 0x7u));
    out->max_read_request_size = (uint16_t)(128u << ((out->device_control >> 12) & 0x7u));
    /* 7.5.3.6 Link Capabilities: speed 3:0, width 9:4, ASPM 11:10, port 31:24. */
    out->max_link_speed = (uint8_t)(out->link_capabilities & 0xFu);
    out->max_link_width = (uint8_t)((out->link_capabilities >> 4) & 0x3Fu);
    out->aspm_support = (uint8_t)((out->link_capabilities >> 10) & 0x3u);
    out->port_number = (uint8_t)(out->link_capabilities >> 24);
    /* 7.5.3.8 Link Status: speed 3:0, width 9:4. */
    out->current_link_speed = (uint8_t)(out->link_status & 0xFu);
    out->negotiated_link_width = (uint8_t)((out->link_status >> 4) & 0x3Fu);
    return PCI_OK;
}

uint32_t pcie_link_speed_mts(uint8_t encoding)
{
    static const uint32_t mts[] = {0, 2500, 5000, 8000, 16000, 32000, 64000};
    return encoding < sizeof mts / sizeof mts[0] ? mts[encoding] : 0;
}

const char *pcie_link_speed_name(uint8_t encoding)
{
    static const char *const names[] = {"unknown", "2.5 GT/s", "5 GT/s", "8 GT/s",
                                        "16 GT/s", "32 GT/s", "64 GT/s"};
    return encoding < sizeof names / sizeof names[0] ? names[encoding] : "unknown";
}

const char *pcie_port_type_name(uint8_t port_type)
{
    switch (port_type) {
    case PCIE_TYPE_ENDPOINT: return "Endpoint";
    case PCIE_TYPE_LEGACY_ENDPOINT: return "Legacy Endpoint";
    case PCIE_TYPE_ROOT_PORT: return "Root Port";
    case PCIE_TYPE_UPSTREAM_SWITCH_PORT: return "Upstream Switch Port";
    case PCIE_TYPE_DOWNSTREAM_SWITCH_PORT: return "Downstream Switch Port";
    case PCIE_TYPE_PCIE_TO_PCI_BRIDGE: return "PCI Express to PCI/PCI-X Bridge";
    case PCIE_TYPE_PCI_TO_PCIE_BRIDGE: return "PCI/PCI-X to PCI Express Bridge";
    case PCIE_TYPE_RC_INTEGRATED_ENDPOINT: return "Root Complex Integrated Endpoint";
    case PCIE_TYPE_RC_EVENT_COLLECTOR: return "Root Complex Event Collector";
    default: return "Reserved";
    }
}
