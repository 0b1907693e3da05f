/* pci_types/pm.c - Power Management capability (PCI PM 1.2, 3.2). */
#include "pci_types/pm.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define PM_SIZE 8u

enum pci_status pci_pm_read(const struct pci_function *fn, uint8_t offset, struct pci_pm *out)
{
    if (!fn || !out)
        return PCI_INVALID_ARGUMENT;
    if (offset < 0x40u || (offset & 3u) || (unsigned)offset + PM_SIZE > PCI_CONFIG_SIZE ||
        pci_read8(fn, offset) != PCI_CAP_POWER_MANAGEMENT)
        return PCI_BAD_CAPABILITY;
    out->offset = offset;
    out->pmc = pci_read16(fn, (uint16_t)(offset + PCI_PM_PMC));
    out->pmcsr = pci_read16(fn, (uint16_t)(offset + PCI_PM_PMCSR));
    out->version = (uint8_t)(out->pmc & 0x7u);
    out->pme_clock = (out->pmc >> 3) & 1u;
    out->dsi = (out->pmc >> 5) & 1u;
    out->aux_current = (uint8_t)((out->pmc >> 6) & 0x7u);
    out->d1_support = (out->pmc >> 9) & 1u;
    out->d2_support = (out->pmc >> 10) & 1u;
    out->pme_support = (uint8_t)(out->pmc >> 11);
    out->power_state = (uint8_t)(out->pmcsr & PCI_PM_PMCSR_STATE_MASK);
    out->no_soft_reset = (out->pmcsr & PCI_PM_PMCSR_NO_SOFT_RESET) != 0;
    out->pme_enable = (out->pmcsr & PCI_PM_PMCSR_PME_ENABLE) != 0;
    out->pme_status = (out->pmcsr & PCI_PM_PMCSR_PME_STATUS) != 0;
    out->bridge_extensions = pci_read8(fn, (uint16_t)(offset + 6u));
    out->data = pci_read8(fn, (uint16_t)(offset + 7u));
    return PCI_OK;
}

enum pci_status pci_pm_set_state(const struct pci_function *fn, uint8_t offset,
                                 enum pci_power_state state)
{
    struct pci_pm pm;
    enum pci_status st = pci_pm_read(fn, offset, &pm);
    uint16_t v;
    if (st != PCI_OK)
        return st;
    if ((unsigned)state > PCI_POWER_D3HOT || (state == PCI_POWER_D1 && !pm.d1_support) ||
        (state == PCI_POWER_D2 && !pm.d2_support))
        return PCI_UNSUPPORTED;
    /* Writing 1 to PME_Status would clear it: write it as 0. */
    v = (uint16_t)((pm.pmcsr & ~(PCI_PM_PMCSR_STATE_MASK | PCI_PM_PMCSR_PME_STATUS)) |
                   (unsigned)state);
    return pci_write16(fn, (uint16_t)(offset + PCI_PM_PMCSR), v);
}

const char *pci_power_state_name(uint8_t state)
{
    static const char *const names[] = {"D0", "D1", "D2", "D3hot"};
    return names[state & 3u];
}
