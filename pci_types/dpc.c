/* pci_types/dpc.c - Downstream Port Containment (PCIe Base 6.0, 7.9.14). */
#include "pci_types/dpc.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define DPC_SIZE 0x0Cu
#define DPC_RP_SIZE 0x20u /* through RP PIO Exception */

static bool bit(uint16_t v, unsigned n)
{
    return ((v >> n) & 1u) != 0;
}

enum pci_status pci_dpc_read(const struct pci_function *fn, uint16_t offset, struct pci_dpc *out)
{
    enum pci_status st;
    uint16_t cap, ctl, sta;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_DPC, DPC_SIZE);
    if (st != PCI_OK)
        return st;
    cap = pci_read16(fn, (uint16_t)(offset + PCI_DPC_CAPABILITY));
    out->rp_extensions = bit(cap, 5);
    if (out->rp_extensions &&
        (st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_DPC, DPC_RP_SIZE)) != PCI_OK)
        return st;
    ctl = pci_read16(fn, (uint16_t)(offset + PCI_DPC_CONTROL));
    sta = pci_read16(fn, (uint16_t)(offset + PCI_DPC_STATUS));
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->capability = cap;
    out->control = ctl;
    out->status = sta;
    out->error_source_id = pci_read16(fn, (uint16_t)(offset + PCI_DPC_ERROR_SOURCE));
    out->interrupt_message_number = (uint8_t)(cap & 0x1Fu);
    out->poisoned_tlp_egress_blocking = bit(cap, 6);
    out->software_triggering = bit(cap, 7);
    /* 7.9.14.2: RP PIO Log Size 11:8, its bit 4 in bit 13. */
    out->rp_pio_log_size = (uint8_t)(((cap >> 8) & 0xFu) | (bit(cap, 13) ? 0x10u : 0u));
    out->dl_active_err_cor_signaling = bit(cap, 12);
    out->trigger_enable = (uint8_t)(ctl & 0x3u);
    out->completion_control = bit(ctl, 2);
    out->interrupt_enable = bit(ctl, 3);
    out->err_cor_enable = bit(ctl, 4);
    out->trigger_status = bit(sta, 0);
    out->trigger_reason = (uint8_t)((sta >> 1) & 0x3u);
    out->interrupt_status = bit(sta, 3);
    out->rp_busy = bit(sta, 4);
    out->trigger_reason_extension = (uint8_t)((sta >> 5) & 0x3u);
    out->rp_pio_first_error_pointer = (uint8_t)((sta >> 8) & 0x1Fu);
    out->rp_pio_status = 0;
    out->rp_pio_mask = 0;
    out->rp_pio_severity = 0;
    out->rp_pio_syserror = 0;
    out->rp_pio_exception = 0;
    if (out->rp_extensions) {
        out->rp_pio_status = pci_read32(fn, (uint16_t)(offset + PCI_DPC_RP_PIO_STATUS));
        out->rp_pio_mask = pci_read32(fn, (uint16_t)(offset + PCI_DPC_RP_PIO_MASK));
        out->rp_pio_severity = pci_read32(fn, (uint16_t)(offset + PCI_DPC_RP_PIO_SEVERITY));
        out->rp_pio_syserror = pci_read32(fn, (uint16_t)(offset + PCI_DPC_RP_PIO_SYSERROR));
        out->rp_pio_exception = pci_read32(fn, (uint16_t)(offset + PCI_DPC_RP_PIO_EXCEPTION));
    }
    return PCI_OK;
}
