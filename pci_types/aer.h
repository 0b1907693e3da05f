/* pci_types/aer.h - Advanced Error Reporting Extended Capability (ID 0x0001;
 * PCIe Base 6.0, 7.8.4).
 *
 * +0x04 Uncorrectable Error Status (RW1CS), +0x08 Uncorrectable Error Mask,
 * +0x0C Uncorrectable Error Severity (1 = fatal), +0x10 Correctable Error
 * Status (RW1CS), +0x14 Correctable Error Mask, +0x18 Advanced Error
 * Capabilities and Control, +0x1C Header Log (four dwords). Root Ports and
 * Root Complex Event Collectors add +0x2C Root Error Command, +0x30 Root
 * Error Status and +0x34 Error Source Identification (7.8.4.9-7.8.4.11).
 */
#ifndef PCI_TYPES_AER_H
#define PCI_TYPES_AER_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_AER_UNCOR_STATUS 0x04u
#define PCI_AER_UNCOR_MASK 0x08u
#define PCI_AER_UNCOR_SEVERITY 0x0Cu
#define PCI_AER_COR_STATUS 0x10u
#define PCI_AER_COR_MASK 0x14u
#define PCI_AER_CAP_CONTROL 0x18u
#define PCI_AER_HEADER_LOG 0x1Cu
#define PCI_AER_ROOT_COMMAND 0x2Cu
#define PCI_AER_ROOT_STATUS 0x30u
#define PCI_AER_ERROR_SOURCE 0x34u

/* Uncorrectable error bits, the same in status, mask and severity (7.8.4.2). */
#define PCI_AER_UE_DATA_LINK_PROTOCOL (UINT32_C(1) << 4)
#define PCI_AER_UE_SURPRISE_DOWN (UINT32_C(1) << 5)
#define PCI_AER_UE_POISONED_TLP (UINT32_C(1) << 12)
#define PCI_AER_UE_FLOW_CONTROL_PROTOCOL (UINT32_C(1) << 13)
#define PCI_AER_UE_COMPLETION_TIMEOUT (UINT32_C(1) << 14)
#define PCI_AER_UE_COMPLETER_ABORT (UINT32_C(1) << 15)
#define PCI_AER_UE_UNEXPECTED_COMPLETION (UINT32_C(1) << 16)
#define PCI_AER_UE_RECEIVER_OVERFLOW (UINT32_C(1) << 17)
#define PCI_AER_UE_MALFORMED_TLP (UINT32_C(1) << 18)
#define PCI_AER_UE_ECRC (UINT32_C(1) << 19)
#define PCI_AER_UE_UNSUPPORTED_REQUEST (UINT32_C(1) << 20)
#define PCI_AER_UE_ACS_VIOLATION (UINT32_C(1) << 21)
#define PCI_AER_UE_INTERNAL (UINT32_C(1) << 22)
#define PCI_AER_UE_MC_BLOCKED_TLP (UINT32_C(1) << 23)
#define PCI_AER_UE_ATOMICOP_EGRESS_BLOCKED (UINT32_C(1) << 24)
#define PCI_AER_UE_TLP_PREFIX_BLOCKED (UINT32_C(1) << 25)
#define PCI_AER_UE_POISONED_TLP_EGRESS_BLOCKED (UINT32_C(1) << 26)
/* Correctable error bits, status and mask (7.8.4.5). */
#define PCI_AER_CE_RECEIVER_ERROR (UINT32_C(1) << 0)
#define PCI_AER_CE_BAD_TLP (UINT32_C(1) << 6)
#define PCI_AER_CE_BAD_DLLP (UINT32_C(1) << 7)
#define PCI_AER_CE_REPLAY_NUM_ROLLOVER (UINT32_C(1) << 8)
#define PCI_AER_CE_REPLAY_TIMER_TIMEOUT (UINT32_C(1) << 12)
#define PCI_AER_CE_ADVISORY_NONFATAL (UINT32_C(1) << 13)
#define PCI_AER_CE_INTERNAL (UINT32_C(1) << 14)
#define PCI_AER_CE_HEADER_LOG_OVERFLOW (UINT32_C(1) << 15)
/* Root Error Command (7.8.4.9). */
#define PCI_AER_ROOT_CMD_COR_ENABLE 0x1u
#define PCI_AER_ROOT_CMD_NONFATAL_ENABLE 0x2u
#define PCI_AER_ROOT_CMD_FATAL_ENABLE 0x4u

struct pci_aer {
    uint16_t offset;
    uint8_t version;
    uint32_t uncorrectable_status;
    uint32_t uncorrectable_mask;
    uint32_t uncorrectable_severity;
    uint32_t correctable_status;
    uint32_t correctable_mask;
    uint32_t capabilities_control;   /* raw +0x18 */
    uint32_t header_log[4];
    /* Decoded from +0x18 (7.8.4.7). */
    uint8_t first_error_pointer;     /* bit index of the first uncorrectable error */
    bool ecrc_generation_capable;
    bool ecrc_generation_enable;
    bool ecrc_check_capable;
    bool ecrc_check_enable;
    bool multiple_header_recording_capable;
    bool multiple_header_recording_enable;
    bool tlp_prefix_log_present;
    bool completion_timeout_prefix_header_log_capable;
    /* Root Port / Root Complex Event Collector registers (root true). */
    bool root;
    uint32_t root_error_command;
    uint32_t root_error_status;
    uint16_t error_source_correctable;     /* ERR_COR Source Identification */
    uint16_t error_source_fatal_nonfatal;  /* ERR_FATAL/NONFATAL Source Identification */
    uint8_t root_interrupt_message_number; /* Root Error Status 31:27 */
};

/* Decode the AER capability at offset. The root registers are read when the
 * function's PCI Express capability says Root Port or Root Complex Event
 * Collector. PCI_BAD_CAPABILITY when the ID is not 0x0001 or the structure
 * (0x2C bytes, 0x38 with the root registers) does not fit in 4 KiB;
 * PCI_UNSUPPORTED without a 4 KiB access backend. */
PCI_MUST_USE enum pci_status pci_aer_read(const struct pci_function *fn, uint16_t offset,
                                          struct pci_aer *out);

/* Clear the error status bits aer holds (both status registers, and Root
 * Error Status when root) by writing them back: the bits are RW1C (7.8.4.2,
 * 7.8.4.5, 7.8.4.10). PCI_READ_ONLY without write callbacks. */
PCI_MUST_USE enum pci_status pci_aer_clear_status(const struct pci_function *fn,
                                                  const struct pci_aer *aer);

#endif
