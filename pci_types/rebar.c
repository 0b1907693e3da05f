/* pci_types/rebar.c - Resizable BAR capability (PCIe Base 6.0, 7.8.6). */
#include "pci_types/rebar.h"

#include <stddef.h>

#include "pci_types/capability.h"
#include "pci_types/shift.h"

#define REBAR_CTL_SIZE_SHIFT 8
#define REBAR_CTL_SIZE_MASK 0x3F00u

static void decode_entry(struct pci_rebar_entry *e, uint32_t cap, uint32_t ctl)
{
    e->capability = cap;
    e->control = ctl;
    e->bar_index = (uint8_t)(ctl & 0x7u);
    e->current_size = (uint8_t)((ctl & REBAR_CTL_SIZE_MASK) >> REBAR_CTL_SIZE_SHIFT);
    /* 7.8.6.2: Capability bit 4 + n is 2^n MiB for n = 0-27; 7.8.6.3:
     * Control bit 16 + k is 2^(28 + k) MiB for k = 0-15. */
    e->supported = (uint64_t)(cap >> 4) | ((uint64_t)(ctl >> 16) << 28);
}

enum pci_status pci_rebar_read(const struct pci_function *fn, uint16_t offset,
                               struct pci_rebar *out)
{
    enum pci_status st;
    uint8_t count;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_RESIZABLE_BAR, PCI_REBAR_CONTROL(0) + 4u);
    if (st != PCI_OK)
        return st;
    /* 7.8.6.3: Number of Resizable BARs, 1-6, is valid in entry 0 only. */
    count = (uint8_t)((pci_read32(fn, (uint16_t)(offset + PCI_REBAR_CONTROL(0))) >> 5) & 0x7u);
    if (count == 0 || count > PCI_REBAR_MAX_ENTRIES)
        return PCI_BAD_CAPABILITY;
    st = pci_ext_cap_check(fn, offset, PCI_EXT_CAP_RESIZABLE_BAR,
                           (uint16_t)(PCI_REBAR_CONTROL(count - 1u) + 4u));
    if (st != PCI_OK)
        return st;
    out->offset = offset;
    out->version = pci_ext_cap_version(fn, offset);
    out->count = count;
    for (unsigned i = 0; i < PCI_REBAR_MAX_ENTRIES; i++) {
        uint32_t cap = 0, ctl = 0;
        if (i < count) {
            cap = pci_read32(fn, (uint16_t)(offset + PCI_REBAR_CAPABILITY(i)));
            ctl = pci_read32(fn, (uint16_t)(offset + PCI_REBAR_CONTROL(i)));
        }
        decode_entry(&out->entries[i], cap, ctl);
    }
    return PCI_OK;
}

uint64_t pci_rebar_size_bytes(uint8_t encoding)
{
    return encoding <= PCI_REBAR_MAX_SIZE_ENCODING ? pci_shl64(1, 20u + encoding) : 0;
}

enum pci_status pci_rebar_set_size(const struct pci_function *fn, struct pci_rebar *rebar,
                                   uint8_t entry, uint8_t encoding)
{
    uint16_t at;
    uint32_t ctl;
    enum pci_status st;
    if (!fn || !rebar || entry >= rebar->count || entry >= PCI_REBAR_MAX_ENTRIES)
        return PCI_INVALID_ARGUMENT;
    if (encoding > PCI_REBAR_MAX_SIZE_ENCODING ||
        !(rebar->entries[entry].supported & pci_shl64(1, encoding)))
        return PCI_UNSUPPORTED;
    at = (uint16_t)(rebar->offset + PCI_REBAR_CONTROL(entry));
    ctl = pci_read32(fn, at);
    ctl = (ctl & ~(uint32_t)REBAR_CTL_SIZE_MASK) | ((uint32_t)encoding << REBAR_CTL_SIZE_SHIFT);
    st = pci_write32(fn, at, ctl);
    if (st == PCI_OK)
        decode_entry(&rebar->entries[entry], rebar->entries[entry].capability, ctl);
    return st;
}
