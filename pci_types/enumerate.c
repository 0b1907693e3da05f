/* pci_types/enumerate.c - bus scanning by brute force or through bridges. */
#include "pci_types/enumerate.h"

#include <stddef.h>

#define BUS_DONE 256u

static void mark(uint32_t set[8], unsigned bus)
{
    set[bus / 32u] |= UINT32_C(1) << (bus % 32u);
}

/* Lowest pending bus in first..last, removed from the set, or BUS_DONE. */
static uint16_t take_lowest(struct pci_enum *e)
{
    for (unsigned bus = e->first_bus; bus <= e->last_bus; bus++) {
        uint32_t bit = UINT32_C(1) << (bus % 32u);
        if (e->pending[bus / 32u] & bit) {
            e->pending[bus / 32u] &= ~bit;
            return (uint16_t)bus;
        }
    }
    return BUS_DONE;
}

static void init_common(struct pci_enum *e, const struct pci_config_access *access,
                        uint16_t segment, uint8_t first_bus, uint8_t last_bus, bool recursive)
{
    e->access = access;
    e->segment = segment;
    e->first_bus = first_bus;
    e->last_bus = last_bus;
    e->recursive = recursive;
    for (unsigned i = 0; i < 8; i++)
        e->pending[i] = 0;
    e->device = 0;
    e->function = 0;
    e->multifunction = false;
    e->bus = BUS_DONE;
}

void pci_enum_init_brute_force(struct pci_enum *e, const struct pci_config_access *access,
                               uint16_t segment, uint8_t first_bus, uint8_t last_bus)
{
    init_common(e, access, segment, first_bus, last_bus, false);
    if (!access || last_bus < first_bus)
        return;
    e->bus = first_bus;
}

void pci_enum_init_recursive(struct pci_enum *e, const struct pci_config_access *access,
                             uint16_t segment, uint8_t root_bus, uint8_t last_bus)
{
    init_common(e, access, segment, root_bus, last_bus, true);
    if (!access || last_bus < root_bus)
        return;
    e->bus = root_bus;
}

/* Move the cursor past the current (bus, device, function). */
static void advance(struct pci_enum *e)
{
    if (e->function < 7u && e->multifunction) {
        e->function++;
        return;
    }
    e->function = 0;
    e->multifunction = false;
    if (e->device < PCI_MAX_DEVICE) {
        e->device++;
        return;
    }
    e->device = 0;
    if (e->recursive)
        e->bus = take_lowest(e);
    else
        e->bus = e->bus < e->last_bus ? (uint16_t)(e->bus + 1u) : BUS_DONE;
}

enum pci_status pci_enum_next(struct pci_enum *e, struct pci_enum_entry *entry)
{
    if (!e || !entry)
        return PCI_INVALID_ARGUMENT;
    while (e->bus != BUS_DONE) {
        struct pci_function fn = pci_function_make(
            e->access, pci_address_make(e->segment, (uint8_t)e->bus, e->device, e->function));
        enum pci_status st = pci_header_read_common(&fn, &entry->header);
        if (st == PCI_NO_FUNCTION) {
            /* Function 0 absent: the device is absent (6.2.1). */
            if (e->function == 0)
                e->multifunction = false;
            advance(e);
            continue;
        }
        if (e->function == 0)
            e->multifunction = entry->header.multifunction;
        entry->function = fn;
        if (e->recursive && (entry->header.header_type == PCI_HEADER_TYPE_PCI_BRIDGE ||
                             entry->header.header_type == PCI_HEADER_TYPE_CARDBUS_BRIDGE)) {
            /* Type 1 and type 2 both hold the secondary bus number at 0x19. */
            uint8_t secondary = pci_read8(&fn, PCI_BRIDGE_SECONDARY_BUS);
            if (secondary > e->bus && secondary <= e->last_bus)
                mark(e->pending, secondary);
        }
        advance(e);
        return PCI_OK;
    }
    return PCI_END;
}

enum pci_status pci_enumerate(const struct pci_config_access *access, uint16_t segment,
                              uint8_t first_bus, uint8_t last_bus, bool recursive,
                              pci_enum_visitor visit, void *ctx)
{
    struct pci_enum e;
    struct pci_enum_entry entry;
    if (!access || !visit)
        return PCI_INVALID_ARGUMENT;
    if (recursive)
        pci_enum_init_recursive(&e, access, segment, first_bus, last_bus);
    else
        pci_enum_init_brute_force(&e, access, segment, first_bus, last_bus);
    while (pci_enum_next(&e, &entry) == PCI_OK)
        if (!visit(ctx, &entry))
            return PCI_END;
    return PCI_OK;
}
