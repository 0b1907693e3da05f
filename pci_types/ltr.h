/* pci_types/ltr.h - Latency Tolerance Reporting Extended Capability
 * (ID 0x0018; PCIe Base 6.0, 7.8.2).
 *
 * +0x04 Max Snoop Latency, +0x06 Max No-Snoop Latency: the largest latency
 * an upstream port may report, which system software programs from the
 * platform's needs. Each is a value (9:0) times a scale (12:10): 1, 32,
 * 1024, 32768, 1048576 or 33554432 ns; scales 6 and 7 are not permitted.
 */
#ifndef PCI_TYPES_LTR_H
#define PCI_TYPES_LTR_H

#include <stdint.h>

#include "pci_types/access.h"

#define PCI_LTR_MAX_SNOOP 0x04u
#define PCI_LTR_MAX_NO_SNOOP 0x06u

struct pci_ltr {
    uint16_t offset;
    uint8_t version;
    uint16_t max_snoop;          /* raw +0x04 */
    uint16_t max_no_snoop;       /* raw +0x06 */
    uint16_t max_snoop_value;    /* 9:0 */
    uint8_t max_snoop_scale;     /* 12:10 */
    uint16_t max_no_snoop_value;
    uint8_t max_no_snoop_scale;
};

/* Decode the LTR capability at offset. PCI_BAD_CAPABILITY when the ID is not
 * 0x0018 or its 8 bytes do not fit in 4 KiB; PCI_UNSUPPORTED without a
 * 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_ltr_read(const struct pci_function *fn, uint16_t offset,
                                          struct pci_ltr *out);

/* value * 32^scale in ns for scales 0-5 (7.8.2.2); UINT64_MAX for the
 * scales 6 and 7 the spec does not permit. Also the encoding of the L1 PM
 * Substates LTR_L1.2_THRESHOLD (7.8.3.3). */
uint64_t pci_ltr_latency_ns(uint16_t value, uint8_t scale);

/* Program both maxima as raw register values (value | scale << 10). */
PCI_MUST_USE enum pci_status pci_ltr_set_max(const struct pci_function *fn,
                                             const struct pci_ltr *ltr, uint16_t max_snoop,
                                             uint16_t max_no_snoop);

#endif
