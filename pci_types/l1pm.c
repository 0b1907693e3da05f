/* pci_types/l1pm.c - L1 PM Substates capability (PCIe Base 6.0, 7.8.3). */
#include "pci_types/l1pm.h"

#include <stddef.h>

#include "pci_types/capability.h"

#define L1PM_SIZE 0x10u        /* through Control 2 */
#define L1PM_STATUS_SIZE 0x14u /* with the Status register */

enum pci_status pci_l1pm_read(const struct pci_function *fn, uint16_t offset, struct pci_l1pm *out)
{
    enum pci_status st;
    uint32_t cap, c1, c2;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_L1_PM_SUBSTATES, L1PM_SIZE);
    if (st != PCI_OK)
        return st;
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    cap = pci_read32(fn, (uint16_t)(offset + PCI_L1PM_CAPABILITIES));
    c1 = pci_read32(fn, (uint16_t)(offset + PCI_L1PM_CONTROL1));
    c2 = pci_read32(fn, (uint16_t)(offset + PCI_L1PM_CONTROL2));
    out->capabilities = cap;
    out->control1 = c1;
    out->control2 = c2;
    /* Earlier revisions of the structure end after Control 2. */
    out->status = (uint32_t)offset + L1PM_STATUS_SIZE <= PCIE_CONFIG_SIZE
                      ? pci_read32(fn, (uint16_t)(offset + PCI_L1PM_STATUS))
                      : 0;
    out->supported = (uint8_t)(cap & 0x1Fu);
    out->port_common_mode_restore_time = (uint8_t)(cap >> 8);
    out->port_t_power_on_scale = (uint8_t)((cap >> 16) & 0x3u);
    out->port_t_power_on_value = (uint8_t)((cap >> 19) & 0x1Fu);
    out->enabled = (uint8_t)(c1 & 0xFu);
    out->common_mode_restore_time = (uint8_t)(c1 >> 8);
    out->ltr_l1_2_threshold_value = (uint16_t)((c1 >> 16) & 0x3FFu);
    out->ltr_l1_2_threshold_scale = (uint8_t)(c1 >> 29);
    out->t_power_on_scale = (uint8_t)(c2 & 0x3u);
    out->t_power_on_value = (uint8_t)((c2 >> 3) & 0x1Fu);
    return PCI_OK;
}

uint32_t pci_l1pm_t_power_on_us(uint8_t scale, uint8_t value)
{
    static const uint8_t unit_us[] = {2, 10, 100};
    return scale < sizeof unit_us ? (uint32_t)value * unit_us[scale] : UINT32_MAX;
}
