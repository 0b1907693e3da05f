/* pci_types/pcie.h - PCI Express Capability structure (ID 0x10; PCIe Base
 * 6.0, 7.5.3).
 *
 * +0x02 PCI Express Capabilities (version 3:0, device/port type 7:4, slot
 * implemented 8, interrupt message number 13:9), +0x04 Device Capabilities,
 * +0x08 Device Control, +0x0A Device Status, +0x0C Link Capabilities, +0x10
 * Link Control, +0x12 Link Status, ... +0x2C Link Capabilities 2 (version 2
 * structures only). The struct keeps the raw registers and decodes the
 * fields a kernel uses to bring a link and a device up.
 */
#ifndef PCI_TYPES_PCIE_H
#define PCI_TYPES_PCIE_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

/* Register offsets from the capability's start. */
#define PCIE_CAPABILITIES 0x02u
#define PCIE_DEVICE_CAPABILITIES 0x04u
#define PCIE_DEVICE_CONTROL 0x08u
#define PCIE_DEVICE_STATUS 0x0Au
#define PCIE_LINK_CAPABILITIES 0x0Cu
#define PCIE_LINK_CONTROL 0x10u
#define PCIE_LINK_STATUS 0x12u
#define PCIE_SLOT_CAPABILITIES 0x14u
#define PCIE_DEVICE_CAPABILITIES2 0x24u
#define PCIE_LINK_CAPABILITIES2 0x2Cu
#define PCIE_CAP_V2_SIZE 0x3Cu

/* Device Control (7.5.3.4) and Device Status (7.5.3.5) bits. */
#define PCIE_DEVCTL_CORRECTABLE_ERROR_REPORTING 0x0001u
#define PCIE_DEVCTL_NONFATAL_ERROR_REPORTING 0x0002u
#define PCIE_DEVCTL_FATAL_ERROR_REPORTING 0x0004u
#define PCIE_DEVCTL_UNSUPPORTED_REQUEST_REPORTING 0x0008u
#define PCIE_DEVCTL_RELAXED_ORDERING 0x0010u
#define PCIE_DEVCTL_EXTENDED_TAG 0x0100u
#define PCIE_DEVCTL_NO_SNOOP 0x0800u
#define PCIE_DEVCTL_INITIATE_FLR 0x8000u
#define PCIE_DEVSTA_CORRECTABLE_ERROR 0x0001u
#define PCIE_DEVSTA_NONFATAL_ERROR 0x0002u
#define PCIE_DEVSTA_FATAL_ERROR 0x0004u
#define PCIE_DEVSTA_UNSUPPORTED_REQUEST 0x0008u
#define PCIE_DEVSTA_AUX_POWER 0x0010u
#define PCIE_DEVSTA_TRANSACTIONS_PENDING 0x0020u
/* Link Status (7.5.3.8). */
#define PCIE_LNKSTA_LINK_TRAINING 0x0800u
#define PCIE_LNKSTA_SLOT_CLOCK 0x1000u
#define PCIE_LNKSTA_DL_ACTIVE 0x2000u

/* Device/Port Type (7.5.3.2). */
enum pcie_port_type {
    PCIE_TYPE_ENDPOINT = 0x0,
    PCIE_TYPE_LEGACY_ENDPOINT = 0x1,
    PCIE_TYPE_ROOT_PORT = 0x4,
    PCIE_TYPE_UPSTREAM_SWITCH_PORT = 0x5,
    PCIE_TYPE_DOWNSTREAM_SWITCH_PORT = 0x6,
    PCIE_TYPE_PCIE_TO_PCI_BRIDGE = 0x7,
    PCIE_TYPE_PCI_TO_PCIE_BRIDGE = 0x8,
    PCIE_TYPE_RC_INTEGRATED_ENDPOINT = 0x9,
    PCIE_TYPE_RC_EVENT_COLLECTOR = 0xA,
};

struct pci_express {
    uint8_t offset;
    uint16_t capabilities;
    uint8_t version;                 /* capability version, 1 or 2 */
    uint8_t port_type;               /* enum pcie_port_type */
    bool slot_implemented;
    uint8_t interrupt_message_number;
    uint32_t device_capabilities;
    uint16_t device_control;
    uint16_t device_status;
    uint32_t link_capabilities;
    uint16_t link_control;
    uint16_t link_status;
    uint32_t link_capabilities2;     /* 0 for version 1 */
    /* Decoded. Payload and read request sizes in bytes (128 << field). */
    uint16_t max_payload_supported;
    uint16_t max_payload_size;
    uint16_t max_read_request_size;
    bool flr_capable;                /* Function Level Reset, DevCap bit 28 */
    uint8_t max_link_speed;          /* encoding: 1 = 2.5 GT/s ... 6 = 64 GT/s */
    uint8_t max_link_width;          /* lanes */
    uint8_t aspm_support;            /* bits: 1 L0s, 2 L1 */
    uint8_t port_number;
    uint8_t current_link_speed;
    uint8_t negotiated_link_width;
};

/* Decode the PCI Express capability at offset. PCI_BAD_CAPABILITY when the
 * ID is not 0x10, the version is 0, or a version 2 structure (0x3C bytes)
 * would run past 0xFF. */
PCI_MUST_USE enum pci_status pci_express_read(const struct pci_function *fn, uint8_t offset,
                                              struct pci_express *out);

/* Link speed encoding to MT/s as Link Capabilities 2 defines the vector for
 * speeds 1-6 (2500, 5000, 8000, 16000, 32000, 64000); 0 for others. */
uint32_t pcie_link_speed_mts(uint8_t encoding);
/* "2.5 GT/s" ... "64 GT/s", "unknown"; never NULL. */
const char *pcie_link_speed_name(uint8_t encoding);
/* "Endpoint", "Root Port", ...; "Reserved" for undefined types; never NULL. */
const char *pcie_port_type_name(uint8_t port_type);

#endif
