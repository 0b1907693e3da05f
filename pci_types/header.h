/* pci_types/header.h - configuration-space headers (PCI Local Bus 3.0, 6.1;
 * PCI-to-PCI Bridge Architecture 1.2, 3.2; PC Card 8.0 / CardBus bridge;
 * PCIe Base 6.0, 7.5.1).
 *
 * Every function starts with the common 16-byte part; byte 0x0E selects the
 * layout of the rest: type 0 (endpoint), type 1 (PCI-to-PCI bridge), type 2
 * (CardBus bridge). The readers copy the fields into plain structs through a
 * struct pci_function (access.h); nothing is kept.
 */
#ifndef PCI_TYPES_HEADER_H
#define PCI_TYPES_HEADER_H

#include <stdbool.h>
#include <stdint.h>

#include "pci_types/access.h"

/* Register offsets of the common header. */
#define PCI_VENDOR_ID 0x00u
#define PCI_DEVICE_ID 0x02u
#define PCI_COMMAND 0x04u
#define PCI_STATUS 0x06u
#define PCI_REVISION_ID 0x08u
#define PCI_CLASS_PROG_IF 0x09u
#define PCI_CLASS_SUBCLASS 0x0Au
#define PCI_CLASS_BASE 0x0Bu
#define PCI_CACHE_LINE_SIZE 0x0Cu
#define PCI_LATENCY_TIMER 0x0Du
#define PCI_HEADER_TYPE 0x0Eu
#define PCI_BIST 0x0Fu
/* Type 0 */
#define PCI_BAR0 0x10u
#define PCI_CARDBUS_CIS 0x28u
#define PCI_SUBSYSTEM_VENDOR_ID 0x2Cu
#define PCI_SUBSYSTEM_ID 0x2Eu
#define PCI_EXPANSION_ROM 0x30u
#define PCI_CAPABILITIES_POINTER 0x34u
#define PCI_INTERRUPT_LINE 0x3Cu
#define PCI_INTERRUPT_PIN 0x3Du
#define PCI_MIN_GNT 0x3Eu
#define PCI_MAX_LAT 0x3Fu
/* Type 1 */
#define PCI_BRIDGE_PRIMARY_BUS 0x18u
#define PCI_BRIDGE_SECONDARY_BUS 0x19u
#define PCI_BRIDGE_SUBORDINATE_BUS 0x1Au
#define PCI_BRIDGE_SECONDARY_LATENCY 0x1Bu
#define PCI_BRIDGE_IO_BASE 0x1Cu
#define PCI_BRIDGE_IO_LIMIT 0x1Du
#define PCI_BRIDGE_SECONDARY_STATUS 0x1Eu
#define PCI_BRIDGE_MEMORY_BASE 0x20u
#define PCI_BRIDGE_MEMORY_LIMIT 0x22u
#define PCI_BRIDGE_PREF_MEMORY_BASE 0x24u
#define PCI_BRIDGE_PREF_MEMORY_LIMIT 0x26u
#define PCI_BRIDGE_PREF_BASE_UPPER32 0x28u
#define PCI_BRIDGE_PREF_LIMIT_UPPER32 0x2Cu
#define PCI_BRIDGE_IO_BASE_UPPER16 0x30u
#define PCI_BRIDGE_IO_LIMIT_UPPER16 0x32u
#define PCI_BRIDGE_EXPANSION_ROM 0x38u
#define PCI_BRIDGE_CONTROL 0x3Eu
/* Type 2 */
#define PCI_CARDBUS_SOCKET_BASE 0x10u
#define PCI_CARDBUS_CAPABILITIES_POINTER 0x14u
#define PCI_CARDBUS_SECONDARY_STATUS 0x16u
#define PCI_CARDBUS_PCI_BUS 0x18u
#define PCI_CARDBUS_CARDBUS_BUS 0x19u
#define PCI_CARDBUS_SUBORDINATE_BUS 0x1Au
#define PCI_CARDBUS_LATENCY_TIMER 0x1Bu
#define PCI_CARDBUS_MEMORY_BASE0 0x1Cu
#define PCI_CARDBUS_IO_BASE0 0x2Cu
#define PCI_CARDBUS_BRIDGE_CONTROL 0x3Eu
#define PCI_CARDBUS_SUBSYSTEM_VENDOR_ID 0x40u
#define PCI_CARDBUS_SUBSYSTEM_ID 0x42u
#define PCI_CARDBUS_LEGACY_BASE 0x44u

/* Command register bits (PCI Local Bus 3.0, 6.2.2). */
#define PCI_COMMAND_IO_SPACE 0x0001u
#define PCI_COMMAND_MEMORY_SPACE 0x0002u
#define PCI_COMMAND_BUS_MASTER 0x0004u
#define PCI_COMMAND_SPECIAL_CYCLES 0x0008u
#define PCI_COMMAND_MEMORY_WRITE_INVALIDATE 0x0010u
#define PCI_COMMAND_VGA_PALETTE_SNOOP 0x0020u
#define PCI_COMMAND_PARITY_ERROR_RESPONSE 0x0040u
#define PCI_COMMAND_IDSEL_STEPPING 0x0080u
#define PCI_COMMAND_SERR_ENABLE 0x0100u
#define PCI_COMMAND_FAST_BACK_TO_BACK 0x0200u
#define PCI_COMMAND_INTERRUPT_DISABLE 0x0400u

/* Status register bits (PCI Local Bus 3.0, 6.2.3). Error bits are RW1C:
 * clear them with pci_status_register_clear(). */
#define PCI_STATUS_INTERRUPT 0x0008u
#define PCI_STATUS_CAPABILITIES_LIST 0x0010u
#define PCI_STATUS_66MHZ_CAPABLE 0x0020u
#define PCI_STATUS_FAST_BACK_TO_BACK 0x0080u
#define PCI_STATUS_MASTER_DATA_PARITY_ERROR 0x0100u
#define PCI_STATUS_DEVSEL_MASK 0x0600u
#define PCI_STATUS_SIGNALED_TARGET_ABORT 0x0800u
#define PCI_STATUS_RECEIVED_TARGET_ABORT 0x1000u
#define PCI_STATUS_RECEIVED_MASTER_ABORT 0x2000u
#define PCI_STATUS_SIGNALED_SYSTEM_ERROR 0x4000u
#define PCI_STATUS_DETECTED_PARITY_ERROR 0x8000u

/* Header type byte (6.2.1): layout in bits 6:0, multi-function in bit 7. */
#define PCI_HEADER_TYPE_MASK 0x7Fu
#define PCI_HEADER_TYPE_MULTIFUNCTION 0x80u

/* Bridge control bits (PCI-to-PCI Bridge 1.2, 3.2.5.18). */
#define PCI_BRIDGE_CONTROL_PARITY_ERROR_RESPONSE 0x0001u
#define PCI_BRIDGE_CONTROL_SERR_ENABLE 0x0002u
#define PCI_BRIDGE_CONTROL_ISA_ENABLE 0x0004u
#define PCI_BRIDGE_CONTROL_VGA_ENABLE 0x0008u
#define PCI_BRIDGE_CONTROL_VGA_16BIT 0x0010u
#define PCI_BRIDGE_CONTROL_MASTER_ABORT_MODE 0x0020u
#define PCI_BRIDGE_CONTROL_SECONDARY_BUS_RESET 0x0040u
#define PCI_BRIDGE_CONTROL_FAST_BACK_TO_BACK 0x0080u

enum pci_header_type {
    PCI_HEADER_TYPE_ENDPOINT = 0,
    PCI_HEADER_TYPE_PCI_BRIDGE = 1,
    PCI_HEADER_TYPE_CARDBUS_BRIDGE = 2,
};

/* Interrupt pin register values (6.2.4): 0 none, 1-4 INTA#-INTD#. */
enum pci_interrupt_pin {
    PCI_INTERRUPT_PIN_NONE = 0,
    PCI_INTERRUPT_PIN_INTA = 1,
    PCI_INTERRUPT_PIN_INTB = 2,
    PCI_INTERRUPT_PIN_INTC = 3,
    PCI_INTERRUPT_PIN_INTD = 4,
};

/* Common header, 0x00-0x0F. */
struct pci_header_common {
    uint16_t vendor_id;
    uint16_t device_id;
    uint16_t command;
    uint16_t status;
    uint8_t revision_id;
    uint8_t prog_if;
    uint8_t subclass;
    uint8_t class_code;        /* base class */
    uint8_t cache_line_size;
    uint8_t latency_timer;
    uint8_t header_type;       /* layout, bits 6:0 */
    bool multifunction;        /* bit 7 of the header type byte */
    uint8_t bist;
};

/* 24-bit class code: base << 16 | subclass << 8 | prog_if. */
static inline uint32_t pci_header_class24(const struct pci_header_common *h)
{
    return (uint32_t)h->class_code << 16 | (uint32_t)h->subclass << 8 | h->prog_if;
}

/* Type 0 fields after the common header. BAR registers are raw: decode
 * them with bar.h. */
struct pci_header_type0 {
    uint32_t bar[6];
    uint32_t cardbus_cis_pointer;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
    uint32_t expansion_rom;
    uint8_t capabilities_pointer;
    uint8_t interrupt_line;
    uint8_t interrupt_pin;
    uint8_t min_grant;
    uint8_t max_latency;
};

/* Type 1 fields, with the windows decoded to byte addresses (PCI-to-PCI
 * Bridge 1.2, 3.2.5.6-3.2.5.10). A window whose limit is below its base is
 * closed (forwards nothing). */
struct pci_header_type1 {
    uint32_t bar[2];
    uint8_t primary_bus;
    uint8_t secondary_bus;
    uint8_t subordinate_bus;
    uint8_t secondary_latency_timer;
    bool io_32bit;                 /* I/O base bits 3:0 == 1 */
    uint32_t io_base;              /* first byte forwarded */
    uint32_t io_limit;             /* last byte forwarded */
    uint16_t secondary_status;
    uint32_t memory_base;
    uint32_t memory_limit;
    bool prefetchable_64bit;       /* prefetchable base bits 3:0 == 1 */
    uint64_t prefetchable_base;
    uint64_t prefetchable_limit;
    uint8_t capabilities_pointer;
    uint32_t expansion_rom;
    uint8_t interrupt_line;
    uint8_t interrupt_pin;
    uint16_t bridge_control;
};

/* Type 2 fields a kernel reads (PC Card Standard 8.0, CardBus bridge). */
struct pci_header_type2 {
    uint32_t socket_base;          /* CardBus socket / ExCA registers (memory) */
    uint8_t capabilities_pointer;
    uint16_t secondary_status;
    uint8_t pci_bus;
    uint8_t cardbus_bus;
    uint8_t subordinate_bus;
    uint8_t cardbus_latency_timer;
    uint32_t memory_base[2];
    uint32_t memory_limit[2];
    uint32_t io_base[2];
    uint32_t io_limit[2];
    uint8_t interrupt_line;
    uint8_t interrupt_pin;
    uint16_t bridge_control;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
    uint32_t legacy_mode_base;
};

/* Read the common header. PCI_NO_FUNCTION when the vendor ID is 0xFFFF (out
 * is then left untouched), PCI_BAD_HEADER_TYPE when the layout is not 0-2
 * (out is filled), PCI_INVALID_ARGUMENT for NULL arguments. */
PCI_MUST_USE enum pci_status pci_header_read_common(const struct pci_function *fn,
                                                    struct pci_header_common *out);

/* Read the layout-specific part. PCI_WRONG_HEADER_TYPE when the function's
 * layout differs, PCI_NO_FUNCTION when nothing answers. */
PCI_MUST_USE enum pci_status pci_header_read_type0(const struct pci_function *fn,
                                                   struct pci_header_type0 *out);
PCI_MUST_USE enum pci_status pci_header_read_type1(const struct pci_function *fn,
                                                   struct pci_header_type1 *out);
PCI_MUST_USE enum pci_status pci_header_read_type2(const struct pci_function *fn,
                                                   struct pci_header_type2 *out);

/* Read-modify-write of the command register: set or clear the given
 * PCI_COMMAND_* bits. Write statuses of access.h. */
PCI_MUST_USE enum pci_status pci_command_set(const struct pci_function *fn, uint16_t bits);
PCI_MUST_USE enum pci_status pci_command_clear(const struct pci_function *fn, uint16_t bits);
/* Clear RW1C status bits by writing ones to exactly those bits. */
PCI_MUST_USE enum pci_status pci_status_register_clear(const struct pci_function *fn,
                                                       uint16_t bits);

/* Offset of the capabilities pointer register for a header layout: 0x34 for
 * types 0 and 1, 0x14 for type 2, 0 for unknown layouts. */
uint8_t pci_header_capabilities_pointer_offset(uint8_t header_type);

/* "endpoint", "PCI-to-PCI bridge", "CardBus bridge" or "unknown"; never NULL. */
const char *pci_header_type_name(uint8_t header_type);

#endif
