/* pci_types/bar.c - BAR decoding and sizing (PCI Local Bus 3.0, 6.2.5). */
#include "pci_types/bar.h"

#include <stddef.h>

#include "pci_types/header.h"

#define BAR_IO_FLAG 0x1u
#define BAR_MEM_TYPE_MASK 0x6u
#define BAR_MEM_TYPE_64 0x4u
#define BAR_MEM_TYPE_RESERVED 0x6u
#define BAR_MEM_PREFETCHABLE 0x8u
#define BAR_IO_ADDRESS_MASK 0xFFFFFFFCu
#define BAR_MEM_ADDRESS_MASK 0xFFFFFFF0u
#define ROM_ENABLE 0x1u
#define ROM_ADDRESS_MASK 0xFFFFF800u

uint8_t pci_bar_count(uint8_t header_type)
{
    switch (header_type & PCI_HEADER_TYPE_MASK) {
    case PCI_HEADER_TYPE_ENDPOINT: return 6;
    case PCI_HEADER_TYPE_PCI_BRIDGE: return 2;
    case PCI_HEADER_TYPE_CARDBUS_BRIDGE: return 1;
    default: return 0;
    }
}

enum pci_status pci_bar_decode(uint32_t low, uint32_t high, struct pci_bar *out)
{
    if (!out)
        return PCI_INVALID_ARGUMENT;
    out->index = 0;
    out->size = 0;
    out->prefetchable = false;
    if (low & BAR_IO_FLAG) {
        out->kind = PCI_BAR_IO;
        out->address = low & BAR_IO_ADDRESS_MASK;
        return PCI_OK;
    }
    if ((low & BAR_MEM_TYPE_MASK) == BAR_MEM_TYPE_RESERVED) {
        out->kind = PCI_BAR_UNUSED;
        out->address = 0;
        return PCI_BAD_BAR;
    }
    out->prefetchable = (low & BAR_MEM_PREFETCHABLE) != 0;
    out->address = low & BAR_MEM_ADDRESS_MASK;
    if ((low & BAR_MEM_TYPE_MASK) == BAR_MEM_TYPE_64) {
        out->kind = PCI_BAR_MEM64;
        out->address |= (uint64_t)high << 32;
    } else {
        out->kind = PCI_BAR_MEM32;
    }
    return PCI_OK;
}

/* Header layout of fn and its BAR count, with the absent/unknown statuses. */
static enum pci_status layout(const struct pci_function *fn, uint8_t *count)
{
    uint8_t type;
    if (pci_read16(fn, PCI_VENDOR_ID) == 0xFFFFu)
        return PCI_NO_FUNCTION;
    type = pci_read8(fn, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK;
    if (type > PCI_HEADER_TYPE_CARDBUS_BRIDGE)
        return PCI_BAD_HEADER_TYPE;
    *count = pci_bar_count(type);
    return PCI_OK;
}

static uint16_t bar_offset(uint8_t index)
{
    return (uint16_t)(PCI_BAR0 + 4u * index);
}

enum pci_status pci_bar_read(const struct pci_function *fn, uint8_t index, struct pci_bar *out)
{
    uint8_t count;
    uint32_t low, high = 0;
    enum pci_status st;
    if (!fn || !out)
        return PCI_INVALID_ARGUMENT;
    st = layout(fn, &count);
    if (st != PCI_OK)
        return st;
    if (index >= count)
        return PCI_INVALID_ARGUMENT;
    low = pci_read32(fn, bar_offset(index));
    if (!(low & BAR_IO_FLAG) && (low & BAR_MEM_TYPE_MASK) == BAR_MEM_TYPE_64) {
        if (index + 1u >= count)
            return PCI_BAD_BAR;
        high = pci_read32(fn, bar_offset((uint8_t)(index + 1u)));
    }
    st = pci_bar_decode(low, high, out);
    out->index = index;
    return st;
}

/* Write all-ones to a BAR register, read back, restore the old value. */
static enum pci_status probe(const struct pci_function *fn, uint16_t offset, uint32_t old,
                             uint32_t *readback)
{
    enum pci_status st = pci_write32(fn, offset, UINT32_MAX);
    if (st != PCI_OK)
        return st;
    *readback = pci_read32(fn, offset);
    return pci_write32(fn, offset, old);
}

/* Disable I/O and memory decoding while a BAR holds all-ones (6.2.5.1), so
 * the function does not answer at a bogus address meanwhile. */
static enum pci_status decode_off(const struct pci_function *fn, uint16_t *command)
{
    *command = pci_read16(fn, PCI_COMMAND);
    return pci_write16(fn, PCI_COMMAND,
                       (uint16_t)(*command & ~(PCI_COMMAND_IO_SPACE | PCI_COMMAND_MEMORY_SPACE)));
}

enum pci_status pci_bar_probe(const struct pci_function *fn, uint16_t offset, struct pci_bar *bar)
{
    uint32_t rb_low = 0, rb_high = 0;
    uint64_t mask;
    enum pci_status st;
    if (!fn || !bar)
        return PCI_INVALID_ARGUMENT;
    st = probe(fn, offset, pci_read32(fn, offset), &rb_low);
    if (st == PCI_OK && bar->kind == PCI_BAR_MEM64) {
        uint16_t upper = (uint16_t)(offset + 4u);
        st = probe(fn, upper, pci_read32(fn, upper), &rb_high);
    }
    if (st != PCI_OK)
        return st;
    /* The size is the lowest writable address bit: ~mask + 1. */
    if (bar->kind == PCI_BAR_IO) {
        uint32_t m = rb_low & BAR_IO_ADDRESS_MASK;
        /* A decoder of only 16 address bits reads back 0 in bits 31:16. */
        if (m != 0 && (rb_low >> 16) == 0)
            m |= 0xFFFF0000u;
        bar->size = m ? (uint32_t)(~m + 1u) : 0;
    } else if (bar->kind == PCI_BAR_MEM64) {
        mask = (uint64_t)rb_high << 32 | (rb_low & BAR_MEM_ADDRESS_MASK);
        bar->size = mask ? ~mask + 1u : 0;
    } else {
        uint32_t m = rb_low & BAR_MEM_ADDRESS_MASK;
        bar->size = m ? (uint32_t)(~m + 1u) : 0;
    }
    if (bar->size == 0) {
        bar->kind = PCI_BAR_UNUSED;
        bar->prefetchable = false;
    }
    return PCI_OK;
}

enum pci_status pci_bar_size(const struct pci_function *fn, uint8_t index, struct pci_bar *out)
{
    uint16_t command;
    enum pci_status st = pci_bar_read(fn, index, out);
    enum pci_status st2;
    if (st != PCI_OK)
        return st;
    st = decode_off(fn, &command);
    if (st != PCI_OK)
        return st;
    st = pci_bar_probe(fn, bar_offset(index), out);
    st2 = pci_write16(fn, PCI_COMMAND, command);
    return st != PCI_OK ? st : st2;
}

void pci_bar_iter_init(struct pci_bar_iter *it, const struct pci_function *fn, bool size)
{
    uint8_t count = 0;
    it->fn = fn;
    it->index = 0;
    it->size = size;
    it->status = fn ? layout(fn, &count) : PCI_INVALID_ARGUMENT;
    it->count = it->status == PCI_OK ? count : 0;
}

enum pci_status pci_bar_next(struct pci_bar_iter *it, struct pci_bar *out)
{
    enum pci_status st;
    uint8_t slots = 1;
    if (!it || !out)
        return PCI_INVALID_ARGUMENT;
    if (it->status != PCI_OK) {
        st = it->status;
        it->status = PCI_END;
        return st;
    }
    if (it->index >= it->count)
        return PCI_END;
    /* Decode first: a 64-bit BAR consumes the next slot even if it sizes to 0. */
    st = pci_bar_read(it->fn, it->index, out);
    if (st == PCI_OK && out->kind == PCI_BAR_MEM64)
        slots = 2;
    if (st == PCI_OK && it->size)
        st = pci_bar_size(it->fn, it->index, out);
    if (st != PCI_OK) {
        it->index = it->count;
        it->status = PCI_END;
        return st;
    }
    it->index = (uint8_t)(it->index + slots);
    return PCI_OK;
}

static uint16_t rom_offset(uint8_t type)
{
    switch (type) {
    case PCI_HEADER_TYPE_ENDPOINT: return PCI_EXPANSION_ROM;
    case PCI_HEADER_TYPE_PCI_BRIDGE: return PCI_BRIDGE_EXPANSION_ROM;
    default: return 0;
    }
}

static enum pci_status rom_register(const struct pci_function *fn, uint16_t *offset)
{
    uint8_t count;
    enum pci_status st;
    if (!fn)
        return PCI_INVALID_ARGUMENT;
    st = layout(fn, &count);
    if (st != PCI_OK)
        return st;
    *offset = rom_offset(pci_read8(fn, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK);
    return *offset ? PCI_OK : PCI_UNSUPPORTED;
}

enum pci_status pci_rom_read(const struct pci_function *fn, struct pci_rom *out)
{
    uint16_t offset = 0;
    uint32_t v;
    enum pci_status st;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    st = rom_register(fn, &offset);
    if (st != PCI_OK)
        return st;
    v = pci_read32(fn, offset);
    out->enabled = (v & ROM_ENABLE) != 0;
    out->address = v & ROM_ADDRESS_MASK;
    out->size = 0;
    return PCI_OK;
}

enum pci_status pci_rom_size(const struct pci_function *fn, struct pci_rom *out)
{
    uint16_t offset = 0, command;
    uint32_t old, rb = 0;
    enum pci_status st = pci_rom_read(fn, out), st2;
    if (st != PCI_OK)
        return st;
    (void)rom_register(fn, &offset);
    st = decode_off(fn, &command);
    if (st != PCI_OK)
        return st;
    old = pci_read32(fn, offset);
    /* 6.2.5.2: write ones to the address bits with the enable bit clear. */
    st = pci_write32(fn, offset, ROM_ADDRESS_MASK);
    if (st == PCI_OK) {
        rb = pci_read32(fn, offset);
        st = pci_write32(fn, offset, old);
    }
    st2 = pci_write16(fn, PCI_COMMAND, command);
    if (st != PCI_OK)
        return st;
    if (st2 != PCI_OK)
        return st2;
    rb &= ROM_ADDRESS_MASK;
    out->size = rb ? (uint32_t)(~rb + 1u) : 0;
    return PCI_OK;
}

const char *pci_bar_kind_name(enum pci_bar_kind kind)
{
    switch (kind) {
    case PCI_BAR_IO: return "io";
    case PCI_BAR_MEM32: return "mem32";
    case PCI_BAR_MEM64: return "mem64";
    case PCI_BAR_UNUSED: return "unused";
    }
    return "unknown";
}
