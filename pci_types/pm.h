/* pci_types/pm.h - PCI Power Management capability (ID 0x01; PCI Bus Power
 * Management Interface 1.2, chapter 3).
 *
 * +2 PMC: version 2:0, PME clock 3, DSI 5, aux current 8:6, D1 9, D2 10,
 * PME support 15:11 (D0, D1, D2, D3hot, D3cold). +4 PMCSR: power state 1:0,
 * No_Soft_Reset 3, PME_En 8, data select 12:9, data scale 14:13, PME_Status
 * 15 (RW1C). +6 PMCSR_BSE, +7 Data.
 */
#ifndef PCI_TYPES_PM_H
#define PCI_TYPES_PM_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

#define PCI_PM_PMC 2u
#define PCI_PM_PMCSR 4u
#define PCI_PM_PMCSR_STATE_MASK 0x0003u
#define PCI_PM_PMCSR_NO_SOFT_RESET 0x0008u
#define PCI_PM_PMCSR_PME_ENABLE 0x0100u
#define PCI_PM_PMCSR_PME_STATUS 0x8000u

enum pci_power_state {
    PCI_POWER_D0 = 0,
    PCI_POWER_D1 = 1,
    PCI_POWER_D2 = 2,
    PCI_POWER_D3HOT = 3,
};

struct pci_pm {
    uint8_t offset;
    uint16_t pmc;
    uint16_t pmcsr;
    uint8_t version;
    bool pme_clock;
    bool dsi;
    uint8_t aux_current;        /* 3-bit encoding */
    bool d1_support;
    bool d2_support;
    uint8_t pme_support;        /* bit 0 D0 ... bit 4 D3cold */
    uint8_t power_state;        /* enum pci_power_state */
    bool no_soft_reset;
    bool pme_enable;
    bool pme_status;
    uint8_t bridge_extensions;  /* PMCSR_BSE */
    uint8_t data;
};

/* Decode the capability at offset; PCI_BAD_CAPABILITY if the ID there is not
 * 0x01 or the 8-byte structure does not fit. */
PCI_MUST_USE enum pci_status pci_pm_read(const struct pci_function *fn, uint8_t offset,
                                         struct pci_pm *out);

/* Move to a power state (writes PMCSR bits 1:0, keeping PME_En and not
 * clearing PME_Status). PCI_UNSUPPORTED for D1/D2 when not supported. The
 * caller waits the transition times of 5.6.1 (10 ms from D3hot). */
PCI_MUST_USE enum pci_status pci_pm_set_state(const struct pci_function *fn, uint8_t offset,
                                              enum pci_power_state state);

/* "D0", "D1", "D2", "D3hot"; never NULL. */
const char *pci_power_state_name(uint8_t state);

#endif
