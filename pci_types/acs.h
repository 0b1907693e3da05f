/* pci_types/acs.h - Access Control Services Extended Capability (ID 0x000D;
 * PCIe Base 6.0, 7.7.11).
 *
 * +0x04 ACS Capability (16 bits: the controls the function implements, and
 * the Egress Control Vector Size in 15:8), +0x06 ACS Control (16 bits: the
 * same bits as enables, plus the I/O Request Blocking and Memory Target
 * Access controls), +0x08 Egress Control Vector, one bit per function or
 * port, present only when P2P Egress Control is implemented.
 */
#ifndef PCI_TYPES_ACS_H
#define PCI_TYPES_ACS_H

#include <stdint.h>

#include "pci_types/access.h"

#define PCI_ACS_CAPABILITY 0x04u
#define PCI_ACS_CONTROL 0x06u
#define PCI_ACS_EGRESS_VECTOR 0x08u

/* Capability bits (7.7.11.2) and the matching enables (7.7.11.3). */
#define PCI_ACS_SOURCE_VALIDATION 0x0001u
#define PCI_ACS_TRANSLATION_BLOCKING 0x0002u
#define PCI_ACS_P2P_REQUEST_REDIRECT 0x0004u
#define PCI_ACS_P2P_COMPLETION_REDIRECT 0x0008u
#define PCI_ACS_UPSTREAM_FORWARDING 0x0010u
#define PCI_ACS_P2P_EGRESS_CONTROL 0x0020u
#define PCI_ACS_DIRECT_TRANSLATED_P2P 0x0040u
#define PCI_ACS_ENHANCED_CAPABILITY 0x0080u /* Capability only (7.7.11.2) */
#define PCI_ACS_ENABLE_BITS 0x007Fu         /* enables with a capability bit */
/* Control-only fields, valid with the Enhanced Capability (7.7.11.3). */
#define PCI_ACS_CTL_IO_REQUEST_BLOCKING 0x0080u
#define PCI_ACS_CTL_DSP_MEMORY_TARGET_ACCESS_SHIFT 8   /* 9:8 */
#define PCI_ACS_CTL_USP_MEMORY_TARGET_ACCESS_SHIFT 10  /* 11:10 */
#define PCI_ACS_CTL_UNCLAIMED_REQUEST_REDIRECT 0x1000u

struct pci_acs {
    uint16_t offset;
    uint8_t version;
    uint16_t capability;     /* raw +0x04 */
    uint16_t control;        /* raw +0x06 */
    /* Egress Control Vector Size in bits (7.7.11.2: 0 encodes 256); 0 when
     * P2P Egress Control is not implemented. */
    uint16_t egress_vector_bits;
    uint32_t egress_vector0; /* first dword of the vector, 0 when absent */
};

/* Decode the ACS capability at offset. PCI_BAD_CAPABILITY when the ID is not
 * 0x000D or the structure (8 bytes, plus the vector rounded up to dwords)
 * does not fit in 4 KiB; PCI_UNSUPPORTED without a 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_acs_read(const struct pci_function *fn, uint16_t offset,
                                          struct pci_acs *out);

/* Set the enables of bits (PCI_ACS_* of the capability) that the function
 * implements, leaving its other control bits as they are; acs->control is
 * updated. Bits it does not implement are ignored (7.7.11.3 makes their
 * enables hardwired 0). */
PCI_MUST_USE enum pci_status pci_acs_enable(const struct pci_function *fn, struct pci_acs *acs,
                                            uint16_t bits);

#endif
