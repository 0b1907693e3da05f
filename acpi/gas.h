/* acpi/gas.h - Generic Address Structure (ACPI 6.5, 5.2.3.2): where a register
 * lives (system memory, system I/O, PCI configuration space, ...). Decoding
 * only; register access is in acpi/hwreg.h. */
#ifndef ACPI_GAS_H
#define ACPI_GAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/status.h"

#define ACPI_GAS_LENGTH 12u

/* ACPI 6.5, Table 5.1, as it sits in memory (read it with acpi_gas_parse). */
struct acpi_gas_raw {
    uint8_t address_space_id;
    uint8_t register_bit_width;
    uint8_t register_bit_offset;
    uint8_t access_size;
    uint64_t address;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_gas_raw) == ACPI_GAS_LENGTH,
               "ACPI 6.5 Table 5.1: a GAS is 12 bytes");

/* Address Space ID values, ACPI 6.5 Table 5.1. */
enum acpi_gas_space {
    ACPI_GAS_SYSTEM_MEMORY = 0x00,
    ACPI_GAS_SYSTEM_IO = 0x01,
    ACPI_GAS_PCI_CONFIG = 0x02,
    ACPI_GAS_EMBEDDED_CONTROLLER = 0x03,
    ACPI_GAS_SMBUS = 0x04,
    ACPI_GAS_SYSTEM_CMOS = 0x05,
    ACPI_GAS_PCI_BAR_TARGET = 0x06,
    ACPI_GAS_IPMI = 0x07,
    ACPI_GAS_GENERAL_PURPOSE_IO = 0x08,
    ACPI_GAS_GENERIC_SERIAL_BUS = 0x09,
    ACPI_GAS_PLATFORM_COMMUNICATIONS_CHANNEL = 0x0A,
    ACPI_GAS_PLATFORM_RUNTIME_MECHANISM = 0x0B,
    ACPI_GAS_FUNCTIONAL_FIXED_HARDWARE = 0x7F,
};

/* Access Size values, ACPI 6.5 Table 5.1. */
enum acpi_gas_access_size {
    ACPI_GAS_ACCESS_UNDEFINED = 0, /* legacy: use the register bit width */
    ACPI_GAS_ACCESS_BYTE = 1,
    ACPI_GAS_ACCESS_WORD = 2,
    ACPI_GAS_ACCESS_DWORD = 3,
    ACPI_GAS_ACCESS_QWORD = 4,
};

/* A decoded GAS (field names as in ACPI 6.5 Table 5.1 / ACPICA's output). */
struct acpi_gas {
    uint8_t space_id;
    uint8_t bit_width;
    uint8_t bit_offset;
    uint8_t access_size;
    uint64_t address;
};

/* Decode the 12 bytes at bytes (len is what the caller can read there).
 * ACPI_TRUNCATED if len < 12; ACPI_INVALID_ARGUMENT on NULL. */
ACPI_MUST_USE enum acpi_status acpi_gas_parse(const void *bytes, size_t len,
                                              struct acpi_gas *out);

/* True when the GAS describes no register (ACPI: an all-zero address means
 * "not supported"). */
bool acpi_gas_is_null(const struct acpi_gas *gas);

#endif
