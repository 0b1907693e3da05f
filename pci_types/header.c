/* pci_types/header.c - common, type 0, type 1 and type 2 header readers. */
#include "pci_types/header.h"

#include <stddef.h>

enum pci_status pci_header_read_common(const struct pci_function *fn,
                                       struct pci_header_common *out)
{
    uint32_t id, class_rev, misc;
    if (!fn || !out)
        return PCI_INVALID_ARGUMENT;
    id = pci_read32(fn, PCI_VENDOR_ID);
    if ((id & 0xFFFFu) == 0xFFFFu)
        return PCI_NO_FUNCTION;
    class_rev = pci_read32(fn, PCI_REVISION_ID);
    misc = pci_read32(fn, PCI_CACHE_LINE_SIZE);
    out->vendor_id = (uint16_t)id;
    out->device_id = (uint16_t)(id >> 16);
    out->command = pci_read16(fn, PCI_COMMAND);
    out->status = pci_read16(fn, PCI_STATUS);
    out->revision_id = (uint8_t)class_rev;
    out->prog_if = (uint8_t)(class_rev >> 8);
    out->subclass = (uint8_t)(class_rev >> 16);
    out->class_code = (uint8_t)(class_rev >> 24);
    out->cache_line_size = (uint8_t)misc;
    out->latency_timer = (uint8_t)(misc >> 8);
    out->header_type = (uint8_t)((misc >> 16) & PCI_HEADER_TYPE_MASK);
    out->multifunction = ((misc >> 16) & PCI_HEADER_TYPE_MULTIFUNCTION) != 0;
    out->bist = (uint8_t)(misc >> 24);
    return out->header_type <= PCI_HEADER_TYPE_CARDBUS_BRIDGE ? PCI_OK : PCI_BAD_HEADER_TYPE;
}

/* The function's layout, or a status when it is absent or another layout. */
static enum pci_status expect_layout(const struct pci_function *fn, uint8_t layout)
{
    uint8_t type;
    if (!fn)
        return PCI_INVALID_ARGUMENT;
    if (pci_read16(fn, PCI_VENDOR_ID) == 0xFFFFu)
        return PCI_NO_FUNCTION;
    type = pci_read8(fn, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK;
    return type == layout ? PCI_OK : PCI_WRONG_HEADER_TYPE;
}

enum pci_status pci_header_read_type0(const struct pci_function *fn,
                                      struct pci_header_type0 *out)
{
    enum pci_status st = expect_layout(fn, PCI_HEADER_TYPE_ENDPOINT);
    if (!out)
        return PCI_INVALID_ARGUMENT;
    if (st != PCI_OK)
        return st;
    for (uint16_t i = 0; i < 6; i++)
        out->bar[i] = pci_read32(fn, (uint16_t)(PCI_BAR0 + 4u * i));
    out->cardbus_cis_pointer = pci_read32(fn, PCI_CARDBUS_CIS);
    out->subsystem_vendor_id = pci_read16(fn, PCI_SUBSYSTEM_VENDOR_ID);
    out->subsystem_id = pci_read16(fn, PCI_SUBSYSTEM_ID);
    out->expansion_rom = pci_read32(fn, PCI_EXPANSION_ROM);
    out->capabilities_pointer = pci_read8(fn, PCI_CAPABILITIES_POINTER);
    out->interrupt_line = pci_read8(fn, PCI_INTERRUPT_LINE);
    out->interrupt_pin = pci_read8(fn, PCI_INTERRUPT_PIN);
    out->min_grant = pci_read8(fn, PCI_MIN_GNT);
    out->max_latency = pci_read8(fn, PCI_MAX_LAT);
    return PCI_OK;
}

enum pci_status pci_header_read_type1(const struct pci_function *fn,
                                      struct pci_header_type1 *out)
{
    enum pci_status st = expect_layout(fn, PCI_HEADER_TYPE_PCI_BRIDGE);
    uint8_t io_base, io_limit;
    uint16_t mem_base, mem_limit, pref_base, pref_limit;
    if (!out)
        return PCI_INVALID_ARGUMENT;
    if (st != PCI_OK)
        return st;
    out->bar[0] = pci_read32(fn, PCI_BAR0);
    out->bar[1] = pci_read32(fn, PCI_BAR0 + 4u);
    out->primary_bus = pci_read8(fn, PCI_BRIDGE_PRIMARY_BUS);
    out->secondary_bus = pci_read8(fn, PCI_BRIDGE_SECONDARY_BUS);
    out->subordinate_bus = pci_read8(fn, PCI_BRIDGE_SUBORDINATE_BUS);
    out->secondary_latency_timer = pci_read8(fn, PCI_BRIDGE_SECONDARY_LATENCY);

    /* 3.2.5.6: address bits 15:12 in bits 7:4; limit's low 12 bits are ones;
     * bits 3:0 == 1 add the upper 16 bits of 0x30/0x32. */
    io_base = pci_read8(fn, PCI_BRIDGE_IO_BASE);
    io_limit = pci_read8(fn, PCI_BRIDGE_IO_LIMIT);
    out->io_32bit = (io_base & 0x0Fu) == 1u;
    out->io_base = (uint32_t)(io_base & 0xF0u) << 8;
    out->io_limit = (uint32_t)(io_limit & 0xF0u) << 8 | 0xFFFu;
    if (out->io_32bit) {
        out->io_base |= (uint32_t)pci_read16(fn, PCI_BRIDGE_IO_BASE_UPPER16) << 16;
        out->io_limit |= (uint32_t)pci_read16(fn, PCI_BRIDGE_IO_LIMIT_UPPER16) << 16;
    }
    out->secondary_status = pci_read16(fn, PCI_BRIDGE_SECONDARY_STATUS);

    /* 3.2.5.8: bits 15:4 are address bits 31:20; the limit ends at 0xFFFFF. */
    mem_base = pci_read16(fn, PCI_BRIDGE_MEMORY_BASE);
    mem_limit = pci_read16(fn, PCI_BRIDGE_MEMORY_LIMIT);
    out->memory_base = (uint32_t)(mem_base & 0xFFF0u) << 16;
    out->memory_limit = (uint32_t)(mem_limit & 0xFFF0u) << 16 | 0xFFFFFu;

    /* 3.2.5.9-10: same encoding; bits 3:0 == 1 add upper 32 bits. */
    pref_base = pci_read16(fn, PCI_BRIDGE_PREF_MEMORY_BASE);
    pref_limit = pci_read16(fn, PCI_BRIDGE_PREF_MEMORY_LIMIT);
    out->prefetchable_64bit = (pref_base & 0x0Fu) == 1u;
    out->prefetchable_base = (uint64_t)(pref_base & 0xFFF0u) << 16;
    out->prefetchable_limit = (uint64_t)(pref_limit & 0xFFF0u) << 16 | 0xFFFFFu;
    if (out->prefetchable_64bit) {
        out->prefetchable_base |= (uint64_t)pci_read32(fn, PCI_BRIDGE_PREF_BASE_UPPER32) << 32;
        out->prefetchable_limit |= (uint64_t)pci_read32(fn, PCI_BRIDGE_PREF_LIMIT_UPPER32) << 32;
    }
    out->capabilities_pointer = pci_read8(fn, PCI_CAPABILITIES_POINTER);
    out->expansion_rom = pci_read32(fn, PCI_BRIDGE_EXPANSION_ROM);
    out->interrupt_line = pci_read8(fn, PCI_INTERRUPT_LINE);
    out->interrupt_pin = pci_read8(fn, PCI_INTERRUPT_PIN);
    out->bridge_control = pci_read16(fn, PCI_BRIDGE_CONTROL);
    return PCI_OK;
}

enum pci_status pci_header_read_type2(const struct pci_function *fn,
                                      struct pci_header_type2 *out)
{
    enum pci_status st = expect_layout(fn, PCI_HEADER_TYPE_CARDBUS_BRIDGE);
    if (!out)
        return PCI_INVALID_ARGUMENT;
    if (st != PCI_OK)
        return st;
    out->socket_base = pci_read32(fn, PCI_CARDBUS_SOCKET_BASE);
    out->capabilities_pointer = pci_read8(fn, PCI_CARDBUS_CAPABILITIES_POINTER);
    out->secondary_status = pci_read16(fn, PCI_CARDBUS_SECONDARY_STATUS);
    out->pci_bus = pci_read8(fn, PCI_CARDBUS_PCI_BUS);
    out->cardbus_bus = pci_read8(fn, PCI_CARDBUS_CARDBUS_BUS);
    out->subordinate_bus = pci_read8(fn, PCI_CARDBUS_SUBORDINATE_BUS);
    out->cardbus_latency_timer = pci_read8(fn, PCI_CARDBUS_LATENCY_TIMER);
    /* Memory base/limit 0 and 1 at 0x1C-0x28, I/O base/limit 0 and 1 at 0x2C-0x38. */
    for (uint16_t i = 0; i < 2; i++) {
        out->memory_base[i] = pci_read32(fn, (uint16_t)(PCI_CARDBUS_MEMORY_BASE0 + 8u * i));
        out->memory_limit[i] = pci_read32(fn, (uint16_t)(PCI_CARDBUS_MEMORY_BASE0 + 8u * i + 4u));
        out->io_base[i] = pci_read32(fn, (uint16_t)(PCI_CARDBUS_IO_BASE0 + 8u * i));
        out->io_limit[i] = pci_read32(fn, (uint16_t)(PCI_CARDBUS_IO_BASE0 + 8u * i + 4u));
    }
    out->interrupt_line = pci_read8(fn, PCI_INTERRUPT_LINE);
    out->interrupt_pin = pci_read8(fn, PCI_INTERRUPT_PIN);
    out->bridge_control = pci_read16(fn, PCI_CARDBUS_BRIDGE_CONTROL);
    out->subsystem_vendor_id = pci_read16(fn, PCI_CARDBUS_SUBSYSTEM_VENDOR_ID);
    out->subsystem_id = pci_read16(fn, PCI_CARDBUS_SUBSYSTEM_ID);
    out->legacy_mode_base = pci_read32(fn, PCI_CARDBUS_LEGACY_BASE);
    return PCI_OK;
}

enum pci_status pci_command_set(const struct pci_function *fn, uint16_t bits)
{
    return pci_write16(fn, PCI_COMMAND, (uint16_t)(pci_read16(fn, PCI_COMMAND) | bits));
}

enum pci_status pci_command_clear(const struct pci_function *fn, uint16_t bits)
{
    return pci_write16(fn, PCI_COMMAND, (uint16_t)(pci_read16(fn, PCI_COMMAND) & ~bits));
}

enum pci_status pci_status_register_clear(const struct pci_function *fn, uint16_t bits)
{
    return pci_write16(fn, PCI_STATUS, bits);
}

uint8_t pci_header_capabilities_pointer_offset(uint8_t header_type)
{
    switch (header_type & PCI_HEADER_TYPE_MASK) {
    case PCI_HEADER_TYPE_ENDPOINT:
    case PCI_HEADER_TYPE_PCI_BRIDGE: return PCI_CAPABILITIES_POINTER;
    case PCI_HEADER_TYPE_CARDBUS_BRIDGE: return PCI_CARDBUS_CAPABILITIES_POINTER;
    default: return 0;
    }
}

const char *pci_header_type_name(uint8_t header_type)
{
    switch (header_type & PCI_HEADER_TYPE_MASK) {
    case PCI_HEADER_TYPE_ENDPOINT: return "endpoint";
    case PCI_HEADER_TYPE_PCI_BRIDGE: return "PCI-to-PCI bridge";
    case PCI_HEADER_TYPE_CARDBUS_BRIDGE: return "CardBus bridge";
    default: return "unknown";
    }
}
