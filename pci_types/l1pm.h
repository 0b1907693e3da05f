/* pci_types/l1pm.h - L1 PM Substates Extended Capability (ID 0x001E; PCIe
 * Base 6.0, 7.8.3).
 *
 * +0x04 L1 PM Substates Capabilities (which of PCI-PM L1.1/L1.2 and ASPM
 * L1.1/L1.2 the port supports, its Common_Mode_Restore_Time and
 * T_POWER_ON), +0x08 Control 1 (the enables, the programmed
 * Common_Mode_Restore_Time and LTR_L1.2_THRESHOLD), +0x0C Control 2 (the
 * programmed T_POWER_ON), +0x10 Status (Link Activation Status), read when
 * the 0x14-byte structure fits.
 */
#ifndef PCI_TYPES_L1PM_H
#define PCI_TYPES_L1PM_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_L1PM_CAPABILITIES 0x04u
#define PCI_L1PM_CONTROL1 0x08u
#define PCI_L1PM_CONTROL2 0x0Cu
#define PCI_L1PM_STATUS 0x10u

/* Capabilities bits 4:0 (7.8.3.2) and Control 1 enables 3:0 (7.8.3.3). */
#define PCI_L1PM_PCIPM_L1_2 0x01u
#define PCI_L1PM_PCIPM_L1_1 0x02u
#define PCI_L1PM_ASPM_L1_2 0x04u
#define PCI_L1PM_ASPM_L1_1 0x08u
#define PCI_L1PM_CAP_SUPPORTED 0x10u      /* L1 PM Substates Supported */
#define PCI_L1PM_CAP_LINK_ACTIVATION 0x20u

struct pci_l1pm {
    uint16_t offset;
    uint8_t version;
    uint32_t capabilities;                  /* raw +0x04 */
    uint32_t control1;                      /* raw +0x08 */
    uint32_t control2;                      /* raw +0x0C */
    uint32_t status;                        /* raw +0x10, 0 when it does not fit */
    /* Capabilities (7.8.3.2). */
    uint8_t supported;                      /* PCI_L1PM_* bits 4:0 */
    uint8_t port_common_mode_restore_time;  /* 15:8, us */
    uint8_t port_t_power_on_scale;          /* 17:16: 0 2 us, 1 10 us, 2 100 us */
    uint8_t port_t_power_on_value;          /* 23:19 */
    /* Control 1 (7.8.3.3). */
    uint8_t enabled;                        /* PCI_L1PM_* enables 3:0 */
    uint8_t common_mode_restore_time;       /* 15:8, us */
    uint16_t ltr_l1_2_threshold_value;      /* 25:16 */
    uint8_t ltr_l1_2_threshold_scale;       /* 31:29, LTR's scale encoding */
    /* Control 2 (7.8.3.4). */
    uint8_t t_power_on_scale;               /* 1:0 */
    uint8_t t_power_on_value;               /* 7:3 */
};

/* Decode the L1 PM Substates capability at offset. PCI_BAD_CAPABILITY when
 * the ID is not 0x001E or the 0x10 bytes through Control 2 do not fit in
 * 4 KiB; PCI_UNSUPPORTED without a 4 KiB backend. */
PCI_MUST_USE enum pci_status pci_l1pm_read(const struct pci_function *fn, uint16_t offset,
                                           struct pci_l1pm *out);

/* T_POWER_ON in us: value times 2, 10 or 100 by scale; UINT32_MAX for the
 * reserved scale 3 (7.8.3.2). */
uint32_t pci_l1pm_t_power_on_us(uint8_t scale, uint8_t value);

#endif
