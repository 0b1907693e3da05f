/* acpi/spcr.h - Serial Port Console Redirection table (Microsoft SPCR
 * specification, revisions 1 to 4): the UART the firmware used as its
 * console, so a kernel can keep talking on it from its first instruction.
 *
 * Decoded into a value struct; only namespace_string points into the
 * caller's buffer.
 */
#ifndef ACPI_SPCR_H
#define ACPI_SPCR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/gas.h"
#include "acpi/sdt.h"
#include "acpi/status.h"

/* SPCR specification, "Serial Port Console Redirection Table" field table. */
struct acpi_spcr_raw {
    struct acpi_sdt_header header;
    uint8_t interface_type;
    uint8_t reserved1[3];
    struct acpi_gas_raw base_address;
    uint8_t interrupt_type;
    uint8_t irq;
    uint32_t global_system_interrupt;
    uint8_t configured_baud_rate;
    uint8_t parity;
    uint8_t stop_bits;
    uint8_t flow_control;
    uint8_t terminal_type;
    uint8_t language;
    uint16_t pci_device_id;
    uint16_t pci_vendor_id;
    uint8_t pci_bus_number;
    uint8_t pci_device_number;
    uint8_t pci_function_number;
    uint32_t pci_flags;
    uint8_t pci_segment;
    uint32_t uart_clock_frequency;     /* revision 3+ (reserved before) */
    uint32_t precise_baud_rate;        /* revision 4+ */
    uint16_t namespace_string_length;  /* revision 4+ */
    uint16_t namespace_string_offset;  /* revision 4+ */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_spcr_raw) == 88, "SPCR revision 4 fixed part is 88 bytes");

/* Revisions 1-3 end after uart_clock_frequency (80 bytes). */
#define ACPI_SPCR_V1_LENGTH 80u

/* Interface Type values for revision 1 (later revisions use the DBG2 serial
 * port subtypes, where 0 and 1 keep these meanings). */
#define ACPI_SPCR_INTERFACE_16550 0u
#define ACPI_SPCR_INTERFACE_16450 1u

/* Interrupt Type bits. */
#define ACPI_SPCR_INTERRUPT_8259 0x01u
#define ACPI_SPCR_INTERRUPT_IO_APIC 0x02u
#define ACPI_SPCR_INTERRUPT_IO_SAPIC 0x04u
#define ACPI_SPCR_INTERRUPT_ARMH_GIC 0x08u
#define ACPI_SPCR_INTERRUPT_RISCV_PLIC 0x10u

struct acpi_spcr {
    struct acpi_sdt sdt;
    uint8_t interface_type;
    struct acpi_gas base_address;
    uint8_t interrupt_type;
    uint8_t irq;
    uint32_t global_system_interrupt;
    uint8_t configured_baud_rate; /* the code: 0 as-is, 3 9600, 4 19200, 6 57600, 7 115200 */
    uint32_t baud_rate;           /* in bits/s: precise_baud_rate if non-zero, else from the
                                     code; 0 for "as is" or an unknown code */
    uint8_t parity;               /* 0 = none */
    uint8_t stop_bits;            /* 1 = 1 stop bit */
    uint8_t flow_control;         /* bit 0 DCD, 1 RTS/CTS, 2 XON/XOFF */
    uint8_t terminal_type;        /* 0 VT100, 1 VT100+, 2 VT-UTF8, 3 ANSI, 4 debugger */
    uint8_t language;
    uint16_t pci_device_id;       /* 0xFFFF: not a PCI device */
    uint16_t pci_vendor_id;
    uint8_t pci_bus_number;
    uint8_t pci_device_number;
    uint8_t pci_function_number;
    uint32_t pci_flags;
    uint8_t pci_segment;
    uint32_t uart_clock_frequency; /* revision >= 3, else 0 */
    uint32_t precise_baud_rate;    /* revision >= 4, else 0 */
    const char *namespace_string;  /* revision >= 4: into the table, NUL-terminated; else NULL */
    uint16_t namespace_string_length; /* including the NUL */
};

/* Validate and decode an SPCR. Statuses: those of acpi_sdt_validate;
 * ACPI_BAD_LENGTH if the table is shorter than its revision's fixed part
 * (80 bytes, 88 from revision 4); ACPI_BAD_ENTRY if a revision 4 namespace
 * string lies outside the table or is not NUL-terminated inside its length. */
ACPI_MUST_USE enum acpi_status acpi_spcr_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_spcr *out);

#endif
