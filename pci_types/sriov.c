/* pci_types/sriov.c - SR-IOV capability (PCIe Base 6.0, 9.3.3). */
#include "pci_types/sriov.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define SRIOV_SIZE 0x40u

enum pci_status pci_sriov_read(const struct pci_function *fn, uint16_t offset,
                               struct pci_sriov *out)
{
    enum pci_status st;
    uint32_t mig;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_SRIOV, SRIOV_SIZE);
    if (st != PCI_OK)
        return st;
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->capabilities = pci_read32(fn, (uint16_t)(offset + PCI_SRIOV_CAPABILITIES));
    out->control = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_CONTROL));
    out->status = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_STATUS));
    /* 9.3.3.2: VF Migration Interrupt Message Number 31:21. */
    out->migration_interrupt_message_number = (uint16_t)(out->capabilities >> 21);
    out->initial_vfs = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_INITIAL_VFS));
    out->total_vfs = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_TOTAL_VFS));
    out->num_vfs = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_NUM_VFS));
    out->function_dependency_link =
        pci_read8(fn, (uint16_t)(offset + PCI_SRIOV_FUNCTION_DEPENDENCY_LINK));
    out->first_vf_offset = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_FIRST_VF_OFFSET));
    out->vf_stride = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_VF_STRIDE));
    out->vf_device_id = pci_read16(fn, (uint16_t)(offset + PCI_SRIOV_VF_DEVICE_ID));
    out->supported_page_sizes = pci_read32(fn, (uint16_t)(offset + PCI_SRIOV_SUPPORTED_PAGE_SIZES));
    out->system_page_size = pci_read32(fn, (uint16_t)(offset + PCI_SRIOV_SYSTEM_PAGE_SIZE));
    for (unsigned i = 0; i < PCI_SRIOV_VF_BARS; i++)
        out->vf_bar[i] = pci_read32(fn, (uint16_t)(offset + PCI_SRIOV_VF_BAR0 + 4u * i));
    /* 9.3.3.15: VF Migration State BIR 2:0, offset 31:3 (8-byte units). */
    mig = pci_read32(fn, (uint16_t)(offset + PCI_SRIOV_MIGRATION_STATE));
    out->migration_state_bir = (uint8_t)(mig & 0x7u);
    out->migration_state_offset = mig & ~0x7u;
    return PCI_OK;
}

enum pci_status pci_sriov_vf_bar(const struct pci_sriov *sriov, uint8_t index, struct pci_bar *out)
{
    uint32_t low, high = 0;
    enum pci_status st;
    if (!sriov || !out || index >= PCI_SRIOV_VF_BARS)
        return PCI_INVALID_ARGUMENT;
    low = sriov->vf_bar[index];
    /* 9.3.3.14: bit 0 of a VF BAR is 0: VFs have no I/O space. */
    if (low & 1u)
        return PCI_BAD_BAR;
    if ((low & 0x6u) == 0x4u) {
        if (index + 1u >= PCI_SRIOV_VF_BARS)
            return PCI_BAD_BAR;
        high = sriov->vf_bar[index + 1u];
    }
    st = pci_bar_decode(low, high, out);
    out->index = index;
    return st;
}

enum pci_status pci_sriov_vf_bar_size(const struct pci_function *fn, const struct pci_sriov *sriov,
                                      uint8_t index, struct pci_bar *out)
{
    uint16_t ctl_at, ctl;
    enum pci_status st, st2;
    if (!fn)
        return PCI_INVALID_ARGUMENT;
    st = pci_sriov_vf_bar(sriov, index, out);
    if (st != PCI_OK)
        return st;
    /* 9.3.3.3.4: VF MSE off, so no VF decodes a transient all-ones BAR. */
    ctl_at = (uint16_t)(sriov->offset + PCI_SRIOV_CONTROL);
    ctl = pci_read16(fn, ctl_at);
    st = pci_write16(fn, ctl_at, (uint16_t)(ctl & ~PCI_SRIOV_CTL_VF_MSE));
    if (st != PCI_OK)
        return st;
    st = pci_bar_probe(fn, (uint16_t)(sriov->offset + PCI_SRIOV_VF_BAR0 + 4u * index), out);
    st2 = pci_write16(fn, ctl_at, ctl);
    return st != PCI_OK ? st : st2;
}

enum pci_status pci_sriov_vf_rid(const struct pci_sriov *sriov, uint16_t pf_rid, uint16_t vf,
                                 uint16_t *rid)
{
    if (!sriov || !rid || vf == 0 || vf > sriov->total_vfs)
        return PCI_INVALID_ARGUMENT;
    *rid = (uint16_t)(pf_rid + sriov->first_vf_offset + (uint32_t)(vf - 1u) * sriov->vf_stride);
    return PCI_OK;
}
