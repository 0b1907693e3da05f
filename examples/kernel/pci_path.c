/* See pci_path.h. (Moved out of aml_report.c, which uses it too.) */
#include "pci_path.h"

#include "pci_types/header.h"

void pci_path_note(struct pci_path_bridges *b, const struct pci_enum_entry *entry)
{
    struct pci_header_type1 t1;

    if (entry->header.header_type == 1 && b->count < PCI_PATH_MAX_BRIDGES &&
        pci_header_read_type1(&entry->function, &t1) == PCI_OK) {
        const struct pci_address *a = &entry->function.address;
        b->items[b->count].bus = a->bus;
        b->items[b->count].device = a->device;
        b->items[b->count].secondary = t1.secondary_bus;
        b->count++;
    }
}

uint32_t pci_path_hops(const struct pci_path_bridges *b, uint8_t root_bus, uint8_t bus,
                       uint8_t device, struct acpi_aml_pci_hop hops[PCI_PATH_MAX_HOPS])
{
    struct acpi_aml_pci_hop up[PCI_PATH_MAX_HOPS];
    uint32_t n = 0;

    up[n++] = (struct acpi_aml_pci_hop){bus, device};
    while (bus != root_bus && n < PCI_PATH_MAX_HOPS) {
        unsigned i = 0;
        while (i < b->count && b->items[i].secondary != bus) {
            i++;
        }
        if (i == b->count) {
            return 0;
        }
        up[n++] = (struct acpi_aml_pci_hop){b->items[i].bus, b->items[i].device};
        bus = b->items[i].bus;
    }
    if (bus != root_bus) {
        return 0;
    }
    for (uint32_t i = 0; i < n; i++) {
        hops[i] = up[n - 1 - i];
    }
    return n;
}
