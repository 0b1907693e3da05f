/* pci_types/dpc.h - Downstream Port Containment Extended Capability
 * (ID 0x001D; PCIe Base 6.0, 7.9.14).
 *
 * +0x04 DPC Capability (16), +0x06 DPC Control (16), +0x08 DPC Status (16),
 * +0x0A DPC Error Source ID (16). Root Ports with the RP Extensions for DPC
 * add the RP PIO registers: +0x0C Status, +0x10 Mask, +0x14 Severity,
 * +0x18 SysError, +0x1C Exception (7.9.14.7-7.9.14.11), decoded when that
 * capability bit is set.
 */
#ifndef PCI_TYPES_DPC_H
#define PCI_TYPES_DPC_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_DPC_CAPABILITY 0x04u
#define PCI_DPC_CONTROL 0x06u
#define PCI_DPC_STATUS 0x08u
#define PCI_DPC_ERROR_SOURCE 0x0Au
#define PCI_DPC_RP_PIO_STATUS 0x0Cu
#define PCI_DPC_RP_PIO_MASK 0x10u
#define PCI_DPC_RP_PIO_SEVERITY 0x14u
#define PCI_DPC_RP_PIO_SYSERROR 0x18u
#define PCI_DPC_RP_PIO_EXCEPTION 0x1Cu

/* DPC Trigger Enable, Control 1:0 (7.9.14.3). */
enum pci_dpc_trigger {
    PCI_DPC_TRIGGER_DISABLED = 0,
    PCI_DPC_TRIGGER_FATAL = 1,       /* on ERR_FATAL */
    PCI_DPC_TRIGGER_NONFATAL = 2,    /* on ERR_NONFATAL or ERR_FATAL */
};

struct pci_dpc {
    uint16_t offset;
    uint8_t version;
    uint16_t capability;            /* raw +0x04 */
    uint16_t control;               /* raw +0x06 */
    uint16_t status;                /* raw +0x08 */
    uint16_t error_source_id;       /* +0x0A */
    /* Capability (7.9.14.2). */
    uint8_t interrupt_message_number;       /* 4:0 */
    bool rp_extensions;                     /* 5 */
    bool poisoned_tlp_egress_blocking;      /* 6 */
    bool software_triggering;               /* 7 */
    uint8_t rp_pio_log_size;                /* 11:8, with bit 13 as bit 4 */
    bool dl_active_err_cor_signaling;       /* 12 */
    /* Control (7.9.14.3). */
    uint8_t trigger_enable;                 /* 1:0, enum pci_dpc_trigger */
    bool completion_control;                /* 2: completions with UR (0: CA) */
    bool interrupt_enable;                  /* 3 */
    bool err_cor_enable;                    /* 4 */
    /* Status (7.9.14.4). */
    bool trigger_status;                    /* 0 */
    uint8_t trigger_reason;                 /* 2:1 */
    bool interrupt_status;                  /* 3 */
    bool rp_busy;                           /* 4 */
    uint8_t trigger_reason_extension;       /* 6:5 */
    uint8_t rp_pio_first_error_pointer;     /* 12:8 */
    /* RP PIO registers, 0 without rp_extensions. */
    uint32_t rp_pio_status;
    uint32_t rp_pio_mask;
    uint32_t rp_pio_severity;
    uint32_t rp_pio_syserror;
    uint32_t rp_pio_exception;
};

/* Decode the DPC capability at offset. PCI_BAD_CAPABILITY when the ID is not
 * 0x001D or the structure (0x0C bytes, 0x20 with the RP PIO registers) does
 * not fit in 4 KiB; PCI_UNSUPPORTED without a 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_dpc_read(const struct pci_function *fn, uint16_t offset,
                                          struct pci_dpc *out);

#endif
