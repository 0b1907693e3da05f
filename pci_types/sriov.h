/* pci_types/sriov.h - Single Root I/O Virtualization Extended Capability
 * (ID 0x0010; PCIe Base 6.0, 9.3.3).
 *
 * +0x04 SR-IOV Capabilities, +0x08 SR-IOV Control, +0x0A SR-IOV Status,
 * +0x0C InitialVFs, +0x0E TotalVFs, +0x10 NumVFs, +0x12 Function Dependency
 * Link, +0x14 First VF Offset, +0x16 VF Stride, +0x1A VF Device ID, +0x1C
 * Supported Page Sizes, +0x20 System Page Size, +0x24-0x38 VF BAR0-5, +0x3C
 * VF Migration State Array Offset. 0x40 bytes in all.
 *
 * VF BARs are memory BARs only (9.3.3.14: bit 0 reads 0, no I/O space for
 * VFs). Sized like ordinary BARs, each gives the space of one VF; the VFs'
 * regions lie back to back, NumVFs of them, from the VF BAR's address. The
 * sizes follow the System Page Size in force (9.3.3.13: VF BARs are
 * aligned to it), so program that first.
 */
#ifndef PCI_TYPES_SRIOV_H
#define PCI_TYPES_SRIOV_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"
#include "pci_types/bar.h"

#define PCI_SRIOV_CAPABILITIES 0x04u
#define PCI_SRIOV_CONTROL 0x08u
#define PCI_SRIOV_STATUS 0x0Au
#define PCI_SRIOV_INITIAL_VFS 0x0Cu
#define PCI_SRIOV_TOTAL_VFS 0x0Eu
#define PCI_SRIOV_NUM_VFS 0x10u
#define PCI_SRIOV_FUNCTION_DEPENDENCY_LINK 0x12u
#define PCI_SRIOV_FIRST_VF_OFFSET 0x14u
#define PCI_SRIOV_VF_STRIDE 0x16u
#define PCI_SRIOV_VF_DEVICE_ID 0x1Au
#define PCI_SRIOV_SUPPORTED_PAGE_SIZES 0x1Cu
#define PCI_SRIOV_SYSTEM_PAGE_SIZE 0x20u
#define PCI_SRIOV_VF_BAR0 0x24u
#define PCI_SRIOV_MIGRATION_STATE 0x3Cu
#define PCI_SRIOV_VF_BARS 6u

/* SR-IOV Capabilities (9.3.3.2). */
#define PCI_SRIOV_CAP_VF_MIGRATION 0x00000001u
#define PCI_SRIOV_CAP_ARI_PRESERVED 0x00000002u
#define PCI_SRIOV_CAP_VF_10BIT_TAG 0x00000004u
/* SR-IOV Control (9.3.3.3). */
#define PCI_SRIOV_CTL_VF_ENABLE 0x0001u
#define PCI_SRIOV_CTL_VF_MIGRATION_ENABLE 0x0002u
#define PCI_SRIOV_CTL_VF_MIGRATION_INTERRUPT 0x0004u
#define PCI_SRIOV_CTL_VF_MSE 0x0008u
#define PCI_SRIOV_CTL_ARI_HIERARCHY 0x0010u
#define PCI_SRIOV_CTL_VF_10BIT_TAG 0x0020u
/* SR-IOV Status (9.3.3.4). */
#define PCI_SRIOV_STA_VF_MIGRATION 0x0001u

struct pci_sriov {
    uint16_t offset;
    uint8_t version;
    uint32_t capabilities;          /* raw +0x04 */
    uint16_t control;               /* raw +0x08 */
    uint16_t status;                /* raw +0x0A */
    uint16_t migration_interrupt_message_number; /* Capabilities 31:21 */
    uint16_t initial_vfs;
    uint16_t total_vfs;
    uint16_t num_vfs;
    uint8_t function_dependency_link;
    uint16_t first_vf_offset;
    uint16_t vf_stride;
    uint16_t vf_device_id;
    uint32_t supported_page_sizes;  /* bit n set: pages of 2^(n+12) bytes */
    uint32_t system_page_size;      /* one bit, same encoding */
    uint32_t vf_bar[PCI_SRIOV_VF_BARS]; /* raw VF BAR registers */
    uint32_t migration_state_offset;    /* +0x3C 31:3 (an offset into a BAR) */
    uint8_t migration_state_bir;        /* +0x3C 2:0 */
};

/* Decode the SR-IOV capability at offset. PCI_BAD_CAPABILITY when the ID is
 * not 0x0010 or the 0x40 bytes do not fit in 4 KiB; PCI_UNSUPPORTED
 * without a 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_sriov_read(const struct pci_function *fn, uint16_t offset,
                                            struct pci_sriov *out);

/* Decode VF BAR index (0-5) from the registers sriov holds, size 0; index
 * must not be the upper half of a 64-bit VF BAR. PCI_INVALID_ARGUMENT for
 * index > 5; PCI_BAD_BAR for an I/O or reserved-type VF BAR or a 64-bit VF
 * BAR in slot 5. */
PCI_MUST_USE enum pci_status pci_sriov_vf_bar(const struct pci_sriov *sriov, uint8_t index,
                                              struct pci_bar *out);

/* As pci_sriov_vf_bar, then size it through the access callbacks: VF MSE is
 * cleared while the register holds all-ones (9.3.3.3.4) and the VF BAR and
 * SR-IOV Control hold their old values again on return. out->size is the
 * space of one VF. Needs a writable backend (PCI_READ_ONLY otherwise). */
PCI_MUST_USE enum pci_status pci_sriov_vf_bar_size(const struct pci_function *fn,
                                                   const struct pci_sriov *sriov, uint8_t index,
                                                   struct pci_bar *out);

/* Routing ID of VF number vf (1-based) of the PF whose RID is pf_rid:
 * pf_rid + First VF Offset + (vf - 1) * VF Stride, modulo 2^16 (9.3.3.9,
 * 9.3.3.10). PCI_INVALID_ARGUMENT when vf is 0 or above TotalVFs. */
PCI_MUST_USE enum pci_status pci_sriov_vf_rid(const struct pci_sriov *sriov, uint16_t pf_rid,
                                              uint16_t vf, uint16_t *rid);

#endif
