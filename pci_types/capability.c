/* pci_types/capability.c - capability list walks and capability names. */
#include "pci_types/capability.h"

#include <stddef.h>

#include "pci_types/header.h"

#define CAP_FIRST 0x40u
#define CAP_LAST 0xFCu
#define EXT_CAP_LAST 0xFFCu

void pci_cap_iter_init(struct pci_cap_iter *it, const struct pci_function *fn)
{
    uint8_t ptr_reg;
    it->fn = fn;
    it->next = 0;
    it->seen[0] = 0;
    it->seen[1] = 0;
    it->status = PCI_OK;
    if (!fn || pci_read16(fn, PCI_VENDOR_ID) == 0xFFFFu ||
        !(pci_read16(fn, PCI_STATUS) & PCI_STATUS_CAPABILITIES_LIST)) {
        it->status = PCI_END;
        return;
    }
    ptr_reg = pci_header_capabilities_pointer_offset(pci_read8(fn, PCI_HEADER_TYPE));
    if (ptr_reg == 0) {
        it->status = PCI_END;
        return;
    }
    /* 6.7: the bottom two bits of the pointer are reserved; software masks them. */
    it->next = (uint8_t)(pci_read8(fn, ptr_reg) & ~3u);
}

enum pci_status pci_cap_next(struct pci_cap_iter *it, struct pci_capability *out)
{
    uint8_t at;
    unsigned dword;
    if (!it || !out)
        return PCI_INVALID_ARGUMENT;
    if (it->status != PCI_OK)
        return it->status;
    at = it->next;
    if (at == 0) {
        it->status = PCI_END;
        return PCI_END;
    }
    /* 6.7: capabilities live after the predefined header. A masked 8-bit
     * pointer cannot pass 0xFC, so only the lower bound can fail. */
    if (at < CAP_FIRST) {
        it->status = PCI_BAD_POINTER;
        return it->status;
    }
    dword = (at - CAP_FIRST) / 4u;
    if (it->seen[dword / 32u] & (UINT32_C(1) << (dword % 32u))) {
        it->status = PCI_CYCLE;
        return it->status;
    }
    it->seen[dword / 32u] |= UINT32_C(1) << (dword % 32u);
    out->id = pci_read8(it->fn, at);
    out->offset = at;
    /* 6.7: the Next pointer's bottom two bits are reserved: masked. */
    it->next = (uint8_t)(pci_read8(it->fn, (uint16_t)(at + 1u)) & ~3u);
    return PCI_OK;
}

void pci_ext_cap_iter_init(struct pci_ext_cap_iter *it, const struct pci_function *fn)
{
    it->fn = fn;
    it->next = PCI_EXT_CAP_START;
    for (size_t i = 0; i < sizeof it->seen / sizeof it->seen[0]; i++)
        it->seen[i] = 0;
    it->status = PCI_OK;
    if (!fn || !fn->access || fn->access->config_size < PCIE_CONFIG_SIZE ||
        pci_read16(fn, PCI_VENDOR_ID) == 0xFFFFu)
        it->status = PCI_END;
}

enum pci_status pci_ext_cap_next(struct pci_ext_cap_iter *it, struct pci_ext_capability *out)
{
    uint16_t at;
    uint32_t header, dword;
    if (!it || !out)
        return PCI_INVALID_ARGUMENT;
    if (it->status != PCI_OK)
        return it->status;
    at = it->next;
    if (at == 0) {
        it->status = PCI_END;
        return PCI_END;
    }
    /* 7.6.3: the next offset is 0 (end) or inside 0x100-0xFFC; masked to
     * 12 bits and dword alignment, it cannot pass 0xFFC. */
    if (at < PCI_EXT_CAP_START) {
        it->status = PCI_BAD_POINTER;
        return it->status;
    }
    dword = (uint32_t)(at - PCI_EXT_CAP_START) / 4u;
    if (it->seen[dword / 32u] & (UINT32_C(1) << (dword % 32u))) {
        it->status = PCI_CYCLE;
        return it->status;
    }
    it->seen[dword / 32u] |= UINT32_C(1) << (dword % 32u);
    header = pci_read32(it->fn, at);
    /* 7.6.1: a header of 0 at 0x100 means no extended capabilities; all-ones
     * is what a function without extended space returns. */
    if (header == 0 || header == UINT32_MAX) {
        it->status = PCI_END;
        return PCI_END;
    }
    out->id = (uint16_t)(header & 0xFFFFu);
    out->version = (uint8_t)((header >> 16) & 0xFu);
    out->offset = at;
    /* 7.6.3: bits 21:20 of the Next Capability Offset are reserved and
     * software must mask them. */
    it->next = (uint16_t)((header >> 20) & ~3u);
    return PCI_OK;
}

enum pci_status pci_cap_find(const struct pci_function *fn, uint8_t id, uint8_t *offset)
{
    struct pci_cap_iter it;
    struct pci_capability cap;
    enum pci_status st;
    if (!fn || !offset)
        return PCI_INVALID_ARGUMENT;
    pci_cap_iter_init(&it, fn);
    while ((st = pci_cap_next(&it, &cap)) == PCI_OK) {
        if (cap.id == id) {
            *offset = cap.offset;
            return PCI_OK;
        }
    }
    return st == PCI_END ? PCI_NOT_FOUND : st;
}

enum pci_status pci_ext_cap_find(const struct pci_function *fn, uint16_t id, uint16_t *offset)
{
    struct pci_ext_cap_iter it;
    struct pci_ext_capability cap;
    enum pci_status st;
    if (!fn || !offset)
        return PCI_INVALID_ARGUMENT;
    pci_ext_cap_iter_init(&it, fn);
    while ((st = pci_ext_cap_next(&it, &cap)) == PCI_OK) {
        if (cap.id == id) {
            *offset = cap.offset;
            return PCI_OK;
        }
    }
    return st == PCI_END ? PCI_NOT_FOUND : st;
}

enum pci_status pci_ext_cap_check(const struct pci_function *fn, uint16_t offset, uint16_t id,
                                  uint16_t size)
{
    if (!fn)
        return PCI_INVALID_ARGUMENT;
    if (!fn->access || fn->access->config_size < PCIE_CONFIG_SIZE)
        return PCI_UNSUPPORTED;
    /* 7.6.3: structures start dword aligned inside 0x100-0xFFC and must end
     * inside the 4 KiB space. */
    if (offset < PCI_EXT_CAP_START || offset > EXT_CAP_LAST || (offset & 3u) != 0 ||
        size < 4u || (uint32_t)offset + size > PCIE_CONFIG_SIZE ||
        pci_read16(fn, offset) != id)
        return PCI_BAD_CAPABILITY;
    return PCI_OK;
}

uint8_t pci_ext_cap_version(const struct pci_function *fn, uint16_t offset)
{
    return (uint8_t)((pci_read32(fn, offset) >> 16) & 0xFu);
}

enum pci_status pci_vendor_cap_read(const struct pci_function *fn, uint8_t offset,
                                    struct pci_vendor_cap *out)
{
    if (!fn || !out)
        return PCI_INVALID_ARGUMENT;
    if (offset < CAP_FIRST || offset > CAP_LAST ||
        pci_read8(fn, offset) != PCI_CAP_VENDOR_SPECIFIC)
        return PCI_BAD_CAPABILITY;
    out->offset = offset;
    out->length = pci_read8(fn, (uint16_t)(offset + 2u));
    if (out->length < 3u || (unsigned)offset + out->length > PCI_CONFIG_SIZE)
        return PCI_BAD_CAPABILITY;
    return PCI_OK;
}

/* Code and ID Assignment 1.15, table in chapter 2. */
static const char *const cap_names[] = {
    "Null Capability",
    "PCI Power Management Interface",
    "AGP",
    "Vital Product Data",
    "Slot Identification",
    "Message Signaled Interrupts",
    "CompactPCI Hot Swap",
    "PCI-X",
    "HyperTransport",
    "Vendor Specific",
    "Debug port",
    "CompactPCI central resource control",
    "PCI Hot-Plug",
    "PCI Bridge Subsystem Vendor ID",
    "AGP 8x",
    "Secure Device",
    "PCI Express",
    "MSI-X",
    "Serial ATA Data/Index Configuration",
    "Advanced Features",
    "Enhanced Allocation",
    "Flattening Portal Bridge",
};

/* Code and ID Assignment 1.15, table in chapter 3. */
static const char *const ext_cap_names[] = {
    "Null Capability",
    "Advanced Error Reporting",
    "Virtual Channel",
    "Device Serial Number",
    "Power Budgeting",
    "Root Complex Link Declaration",
    "Root Complex Internal Link Control",
    "Root Complex Event Collector Endpoint Association",
    "Multi-Function Virtual Channel",
    "Virtual Channel (MFVC present)",
    "Root Complex Register Block Header",
    "Vendor-Specific Extended Capability",
    "Configuration Access Correlation",
    "Access Control Services",
    "Alternative Routing-ID Interpretation",
    "Address Translation Services",
    "Single Root I/O Virtualization",
    "Multi-Root I/O Virtualization",
    "Multicast",
    "Page Request Interface",
    "Reserved for AMD",
    "Resizable BAR",
    "Dynamic Power Allocation",
    "TPH Requester",
    "Latency Tolerance Reporting",
    "Secondary PCI Express",
    "Protocol Multiplexing",
    "Process Address Space ID",
    "LN Requester",
    "Downstream Port Containment",
    "L1 PM Substates",
    "Precision Time Measurement",
    "PCI Express over M-PHY",
    "FRS Queueing",
    "Readiness Time Reporting",
    "Designated Vendor-Specific Extended Capability",
    "VF Resizable BAR",
    "Data Link Feature",
    "Physical Layer 16.0 GT/s",
    "Lane Margining at the Receiver",
    "Hierarchy ID",
    "Native PCIe Enclosure Management",
    "Physical Layer 32.0 GT/s",
    "Alternate Protocol",
    "System Firmware Intermediary",
    "Shadow Functions",
    "Data Object Exchange",
    "Device 3",
    "Integrity and Data Encryption",
    "Physical Layer 64.0 GT/s",
    "Flit Logging",
    "Flit Performance Measurement",
    "Flit Error Injection",
};

const char *pci_cap_name(uint8_t id)
{
    return id < sizeof cap_names / sizeof cap_names[0] ? cap_names[id] : "Reserved";
}

const char *pci_ext_cap_name(uint16_t id)
{
    return id < sizeof ext_cap_names / sizeof ext_cap_names[0] ? ext_cap_names[id] : "Reserved";
}
