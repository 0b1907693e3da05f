/* pci_types/aer.c - Advanced Error Reporting (PCIe Base 6.0, 7.8.4). */
#include "pci_types/aer.h"

#include <stddef.h>

#include "pci_types/capability.h"
#include "pci_types/pcie.h"

#define AER_SIZE 0x2Cu      /* header through the Header Log */
#define AER_ROOT_SIZE 0x38u /* plus Root Error Command/Status, Error Source ID */

/* 7.8.4: the root registers exist in Root Ports and RC Event Collectors. */
static bool is_root(const struct pci_function *fn)
{
    uint8_t at;
    struct pci_express px;
    if (pci_cap_find(fn, PCI_CAP_PCI_EXPRESS, &at) != PCI_OK ||
        pci_express_read(fn, at, &px) != PCI_OK)
        return false;
    return px.port_type == PCIE_TYPE_ROOT_PORT || px.port_type == PCIE_TYPE_RC_EVENT_COLLECTOR;
}

static bool bit(uint32_t v, unsigned n)
{
    return ((v >> n) & 1u) != 0;
}

enum pci_status pci_aer_read(const struct pci_function *fn, uint16_t offset, struct pci_aer *out)
{
    enum pci_status st;
    uint32_t cc;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_AER, AER_SIZE);
    if (st != PCI_OK)
        return st;
    out->root = is_root(fn);
    if (out->root && (st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_AER, AER_ROOT_SIZE)) != PCI_OK)
        return st;
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->uncorrectable_status = pci_read32(fn, (uint16_t)(offset + PCI_AER_UNCOR_STATUS));
    out->uncorrectable_mask = pci_read32(fn, (uint16_t)(offset + PCI_AER_UNCOR_MASK));
    out->uncorrectable_severity = pci_read32(fn, (uint16_t)(offset + PCI_AER_UNCOR_SEVERITY));
    out->correctable_status = pci_read32(fn, (uint16_t)(offset + PCI_AER_COR_STATUS));
    out->correctable_mask = pci_read32(fn, (uint16_t)(offset + PCI_AER_COR_MASK));
    cc = pci_read32(fn, (uint16_t)(offset + PCI_AER_CAP_CONTROL));
    out->capabilities_control = cc;
    for (unsigned i = 0; i < 4; i++)
        out->header_log[i] = pci_read32(fn, (uint16_t)(offset + PCI_AER_HEADER_LOG + 4u * i));
    /* 7.8.4.7: First Error Pointer 4:0, then capable/enable pairs. */
    out->first_error_pointer = (uint8_t)(cc & 0x1Fu);
    out->ecrc_generation_capable = bit(cc, 5);
    out->ecrc_generation_enable = bit(cc, 6);
    out->ecrc_check_capable = bit(cc, 7);
    out->ecrc_check_enable = bit(cc, 8);
    out->multiple_header_recording_capable = bit(cc, 9);
    out->multiple_header_recording_enable = bit(cc, 10);
    out->tlp_prefix_log_present = bit(cc, 11);
    out->completion_timeout_prefix_header_log_capable = bit(cc, 12);
    out->root_error_command = 0;
    out->root_error_status = 0;
    out->error_source_correctable = 0;
    out->error_source_fatal_nonfatal = 0;
    out->root_interrupt_message_number = 0;
    if (out->root) {
        uint32_t src = pci_read32(fn, (uint16_t)(offset + PCI_AER_ERROR_SOURCE));
        out->root_error_command = pci_read32(fn, (uint16_t)(offset + PCI_AER_ROOT_COMMAND));
        out->root_error_status = pci_read32(fn, (uint16_t)(offset + PCI_AER_ROOT_STATUS));
        /* 7.8.4.10: Advanced Error Interrupt Message Number 31:27. */
        out->root_interrupt_message_number = (uint8_t)(out->root_error_status >> 27);
        /* 7.8.4.11: ERR_COR source 15:0, ERR_FATAL/NONFATAL source 31:16. */
        out->error_source_correctable = (uint16_t)(src & 0xFFFFu);
        out->error_source_fatal_nonfatal = (uint16_t)(src >> 16);
    }
    return PCI_OK;
}

enum pci_status pci_aer_clear_status(const struct pci_function *fn, const struct pci_aer *aer)
{
    enum pci_status st;
    if (!fn || !aer)
        return PCI_INVALID_ARGUMENT;
    st = pci_write32(fn, (uint16_t)(aer->offset + PCI_AER_UNCOR_STATUS), aer->uncorrectable_status);
    if (st == PCI_OK)
        st = pci_write32(fn, (uint16_t)(aer->offset + PCI_AER_COR_STATUS), aer->correctable_status);
    /* 7.8.4.10: the status bits are 6:0; 31:27 is the read-only message number. */
    if (st == PCI_OK && aer->root)
        st = pci_write32(fn, (uint16_t)(aer->offset + PCI_AER_ROOT_STATUS),
                         aer->root_error_status & 0x7Fu);
    return st;
}
