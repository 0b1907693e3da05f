/* pci_types/capability.h - the capability list (PCI Local Bus 3.0, 6.7) and
 * the PCI Express extended capability list (PCIe Base 6.0, 7.6), with the
 * IDs of the PCI Code and ID Assignment specification (1.15, chapters 2-3).
 *
 * Both walks are cursors on the caller's stack. The bottom two bits of
 * every pointer (the Capabilities Pointer, each Next pointer, each Next
 * Capability Offset) are reserved, and software must mask them (PCI Local
 * Bus 3.0, 6.7; PCIe Base 6.0, 7.6.3): the walks mask them, as lspci does.
 * They never loop: every offset visited is remembered in a bitmap, and a
 * pointer outside its range (0x40-0xFC standard, 0x100-0xFFC extended) or a
 * revisited offset ends the walk with an error status. The extended walk ends cleanly on a header of 0 (no
 * extended capabilities) or all-ones (conventional function on a PCIe
 * platform, or a 256-byte access backend).
 */
#ifndef PCI_TYPES_CAPABILITY_H
#define PCI_TYPES_CAPABILITY_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

/* Capability IDs (Code and ID Assignment 1.15, chapter 2). */
enum pci_cap_id {
    PCI_CAP_NULL = 0x00,
    PCI_CAP_POWER_MANAGEMENT = 0x01,
    PCI_CAP_AGP = 0x02,
    PCI_CAP_VPD = 0x03,
    PCI_CAP_SLOT_ID = 0x04,
    PCI_CAP_MSI = 0x05,
    PCI_CAP_COMPACTPCI_HOT_SWAP = 0x06,
    PCI_CAP_PCIX = 0x07,
    PCI_CAP_HYPERTRANSPORT = 0x08,
    PCI_CAP_VENDOR_SPECIFIC = 0x09,
    PCI_CAP_DEBUG_PORT = 0x0A,
    PCI_CAP_COMPACTPCI_CRC = 0x0B,
    PCI_CAP_HOT_PLUG = 0x0C,
    PCI_CAP_BRIDGE_SUBSYSTEM_VENDOR_ID = 0x0D,
    PCI_CAP_AGP_8X = 0x0E,
    PCI_CAP_SECURE_DEVICE = 0x0F,
    PCI_CAP_PCI_EXPRESS = 0x10,
    PCI_CAP_MSIX = 0x11,
    PCI_CAP_SATA_CONFIG = 0x12,
    PCI_CAP_ADVANCED_FEATURES = 0x13,
    PCI_CAP_ENHANCED_ALLOCATION = 0x14,
    PCI_CAP_FLATTENING_PORTAL_BRIDGE = 0x15,
};

/* Extended capability IDs (Code and ID Assignment 1.15, chapter 3). */
enum pci_ext_cap_id {
    PCI_EXT_CAP_NULL = 0x0000,
    PCI_EXT_CAP_AER = 0x0001,
    PCI_EXT_CAP_VIRTUAL_CHANNEL = 0x0002,
    PCI_EXT_CAP_DEVICE_SERIAL_NUMBER = 0x0003,
    PCI_EXT_CAP_POWER_BUDGETING = 0x0004,
    PCI_EXT_CAP_RC_LINK_DECLARATION = 0x0005,
    PCI_EXT_CAP_RC_INTERNAL_LINK_CONTROL = 0x0006,
    PCI_EXT_CAP_RC_EVENT_COLLECTOR_ASSOCIATION = 0x0007,
    PCI_EXT_CAP_MFVC = 0x0008,
    PCI_EXT_CAP_VIRTUAL_CHANNEL_MFVC = 0x0009,
    PCI_EXT_CAP_RCRB_HEADER = 0x000A,
    PCI_EXT_CAP_VENDOR_SPECIFIC = 0x000B,
    PCI_EXT_CAP_CONFIG_ACCESS_CORRELATION = 0x000C,
    PCI_EXT_CAP_ACS = 0x000D,
    PCI_EXT_CAP_ARI = 0x000E,
    PCI_EXT_CAP_ATS = 0x000F,
    PCI_EXT_CAP_SRIOV = 0x0010,
    PCI_EXT_CAP_MRIOV = 0x0011,
    PCI_EXT_CAP_MULTICAST = 0x0012,
    PCI_EXT_CAP_PAGE_REQUEST = 0x0013,
    PCI_EXT_CAP_AMD_RESERVED = 0x0014,
    PCI_EXT_CAP_RESIZABLE_BAR = 0x0015,
    PCI_EXT_CAP_DYNAMIC_POWER_ALLOCATION = 0x0016,
    PCI_EXT_CAP_TPH_REQUESTER = 0x0017,
    PCI_EXT_CAP_LTR = 0x0018,
    PCI_EXT_CAP_SECONDARY_PCIE = 0x0019,
    PCI_EXT_CAP_PMUX = 0x001A,
    PCI_EXT_CAP_PASID = 0x001B,
    PCI_EXT_CAP_LN_REQUESTER = 0x001C,
    PCI_EXT_CAP_DPC = 0x001D,
    PCI_EXT_CAP_L1_PM_SUBSTATES = 0x001E,
    PCI_EXT_CAP_PTM = 0x001F,
    PCI_EXT_CAP_MPCIE = 0x0020,
    PCI_EXT_CAP_FRS_QUEUEING = 0x0021,
    PCI_EXT_CAP_READINESS_TIME_REPORTING = 0x0022,
    PCI_EXT_CAP_DESIGNATED_VENDOR_SPECIFIC = 0x0023,
    PCI_EXT_CAP_VF_RESIZABLE_BAR = 0x0024,
    PCI_EXT_CAP_DATA_LINK_FEATURE = 0x0025,
    PCI_EXT_CAP_PHYSICAL_LAYER_16 = 0x0026,
    PCI_EXT_CAP_LANE_MARGINING = 0x0027,
    PCI_EXT_CAP_HIERARCHY_ID = 0x0028,
    PCI_EXT_CAP_NPEM = 0x0029,
    PCI_EXT_CAP_PHYSICAL_LAYER_32 = 0x002A,
    PCI_EXT_CAP_ALTERNATE_PROTOCOL = 0x002B,
    PCI_EXT_CAP_SFI = 0x002C,
    PCI_EXT_CAP_SHADOW_FUNCTIONS = 0x002D,
    PCI_EXT_CAP_DATA_OBJECT_EXCHANGE = 0x002E,
    PCI_EXT_CAP_DEVICE3 = 0x002F,
    PCI_EXT_CAP_IDE = 0x0030,
    PCI_EXT_CAP_PHYSICAL_LAYER_64 = 0x0031,
    PCI_EXT_CAP_FLIT_LOGGING = 0x0032,
    PCI_EXT_CAP_FLIT_PERFORMANCE_MEASUREMENT = 0x0033,
    PCI_EXT_CAP_FLIT_ERROR_INJECTION = 0x0034,
};

/* First offset of the extended list (PCIe Base 6.0, 7.6.1). */
#define PCI_EXT_CAP_START 0x100u

struct pci_capability {
    uint8_t id;
    uint8_t offset;  /* of the capability's ID byte */
};

struct pci_ext_capability {
    uint16_t id;
    uint8_t version;
    uint16_t offset;
};

struct pci_cap_iter {
    const struct pci_function *fn;
    uint8_t next;            /* offset of the next item, 0 at the end */
    uint32_t seen[2];        /* one bit per dword 0x40-0xFC (32-bit words: no
                                libgcc shift helpers on 32-bit targets) */
    enum pci_status status;  /* PCI_OK while walking, then the final status */
};

struct pci_ext_cap_iter {
    const struct pci_function *fn;
    uint16_t next;
    uint32_t seen[30];       /* one bit per dword 0x100-0xFFC */
    enum pci_status status;
};

/* Start a walk. The list is empty when the function is absent, when
 * the status register's Capabilities List bit is clear, or when the layout
 * has no capabilities pointer. fn is borrowed for the walk. */
void pci_cap_iter_init(struct pci_cap_iter *it, const struct pci_function *fn);
/* PCI_OK with the next capability; PCI_END after the last; PCI_BAD_POINTER
 * or PCI_CYCLE when the list is malformed. The final status repeats. */
PCI_MUST_USE enum pci_status pci_cap_next(struct pci_cap_iter *it, struct pci_capability *out);

/* Same for the extended list. Needs a 4096-byte access backend
 * (config_size); otherwise the list is empty. */
void pci_ext_cap_iter_init(struct pci_ext_cap_iter *it, const struct pci_function *fn);
PCI_MUST_USE enum pci_status pci_ext_cap_next(struct pci_ext_cap_iter *it,
                                              struct pci_ext_capability *out);

/* Offset of the first capability with this ID: PCI_OK, PCI_NOT_FOUND, or
 * the walk's error. */
PCI_MUST_USE enum pci_status pci_cap_find(const struct pci_function *fn, uint8_t id,
                                          uint8_t *offset);
PCI_MUST_USE enum pci_status pci_ext_cap_find(const struct pci_function *fn, uint16_t id,
                                              uint16_t *offset);

/* For the extended-capability decoders: PCI_OK when the function has a
 * 4 KiB space and the structure at offset has this ID, starts dword aligned
 * in 0x100-0xFFC and its size bytes end inside the 4 KiB space;
 * PCI_UNSUPPORTED without a 4096-byte access backend; PCI_BAD_CAPABILITY
 * otherwise. */
PCI_MUST_USE enum pci_status pci_ext_cap_check(const struct pci_function *fn, uint16_t offset,
                                               uint16_t id, uint16_t size);

/* Capability Version, bits 19:16 of the header at offset (7.6.3). */
uint8_t pci_ext_cap_version(const struct pci_function *fn, uint16_t offset);

/* Vendor-specific capability (PCI Local Bus 3.0, 6.8.4): byte 2 is the
 * length of the whole structure including the 3-byte header. */
struct pci_vendor_cap {
    uint8_t offset;
    uint8_t length;
};
/* PCI_BAD_CAPABILITY when the ID is not 0x09, the length is below 3 or the
 * structure would run past offset 0xFF. */
PCI_MUST_USE enum pci_status pci_vendor_cap_read(const struct pci_function *fn, uint8_t offset,
                                                 struct pci_vendor_cap *out);

/* Names from the Code and ID Assignment specification ("MSI-X", "Advanced
 * Error Reporting"...); "Reserved" for IDs it does not define; never NULL. */
const char *pci_cap_name(uint8_t id);
const char *pci_ext_cap_name(uint16_t id);

#endif
