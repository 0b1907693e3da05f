/* acpi/facs.h - Firmware ACPI Control Structure (ACPI 6.5, 5.2.10): the
 * waking vectors, the global lock shared with firmware, and the hardware
 * signature that tells a resume from S4 whether the hardware changed.
 *
 * The FACS has no standard table header and no checksum. Decoding copies the
 * fields; acpi_facs_global_lock_* operate on the live structure in memory.
 */
#ifndef ACPI_FACS_H
#define ACPI_FACS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/status.h"

/* ACPI 6.5, Table 5.14. */
struct acpi_facs_raw {
    char signature[4];
    uint32_t length;
    uint32_t hardware_signature;
    uint32_t firmware_waking_vector;
    uint32_t global_lock;
    uint32_t flags;
    uint64_t x_firmware_waking_vector;
    uint8_t version;
    uint8_t reserved1[3];
    uint32_t ospm_flags;
    uint8_t reserved2[24];
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_facs_raw) == 64, "ACPI 6.5 Table 5.14");

/* Flags (Table 5.15) and OSPM-enabled flags (Table 5.16). */
#define ACPI_FACS_S4BIOS_F 0x1u
#define ACPI_FACS_64BIT_WAKE_SUPPORTED_F 0x2u
#define ACPI_FACS_OSPM_64BIT_WAKE_F 0x1u
/* Global lock bits (Table 5.17). */
#define ACPI_FACS_GLOBAL_LOCK_PENDING 0x1u
#define ACPI_FACS_GLOBAL_LOCK_OWNED 0x2u

struct acpi_facs {
    const uint8_t *bytes; /* the structure in the caller's buffer */
    uint32_t length;      /* >= 64 */
    uint32_t hardware_signature;
    uint32_t firmware_waking_vector;
    uint32_t global_lock;
    uint32_t flags;
    uint64_t x_firmware_waking_vector; /* version >= 1, else 0 */
    uint8_t version;
    uint32_t ospm_flags;               /* version >= 2, else 0 */
    bool s4bios;                       /* flags bit 0 */
    bool wake_64bit_supported;         /* flags bit 1 */
};

/* Decode a FACS from a buffer of len bytes. Statuses: ACPI_INVALID_ARGUMENT,
 * ACPI_TRUNCATED (len below 64 or below the length field), ACPI_BAD_SIGNATURE
 * (not "FACS"), ACPI_BAD_LENGTH (length field below 64). */
ACPI_MUST_USE enum acpi_status acpi_facs_parse(const void *bytes, size_t len,
                                               struct acpi_facs *out);

/* The next value of the Global Lock dword when acquiring (ACPI 6.5,
 * 5.2.10.1): set Owned and clear Pending; if it was already owned, set
 * Pending instead of clearing it. The caller
 * performs the compare-and-swap on the live dword with this value and owns
 * the lock if the old value had Owned clear. */
uint32_t acpi_facs_global_lock_acquire_value(uint32_t old);

/* The next value when releasing: clear Owned and Pending. If the old value had
 * Pending set, the caller must signal the firmware (set GBL_RLS). */
uint32_t acpi_facs_global_lock_release_value(uint32_t old);

#endif
