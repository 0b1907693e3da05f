/* rsdp/efi.h - find the RSDP through the UEFI system table's configuration
 * table (UEFI 2.10, 4.3 and 4.6), given the EFI_SYSTEM_TABLE's physical
 * address (a Multiboot2 EFI32/EFI64 tag or a loader hands it over). */
#ifndef RSDP_EFI_H
#define RSDP_EFI_H

#include "rsdp/rsdp.h"

/* Pointer width of the firmware that built the system table. */
enum rsdp_efi_width {
    RSDP_EFI64 = 0,
    RSDP_EFI32 = 1,
};

#define RSDP_EFI_SYSTEM_TABLE_SIGNATURE 0x5453595320494249ull /* "IBI SYST" */
#define RSDP_EFI_MAX_CONFIG_ENTRIES 4096u

/* Walk the configuration table for ACPI_20_TABLE_GUID (preferred) and
 * ACPI_TABLE_GUID, and validate the RSDP each points to (2.0 first, falling
 * back to 1.0 when the 2.0 one is absent or invalid). Maps the system table
 * header, then each 24- (or 20-) byte configuration entry in turn.
 * RSDP_BAD_EFI_TABLE: wrong signature, header too small, more than
 * RSDP_EFI_MAX_CONFIG_ENTRIES entries, a NULL table with entries or one that
 * wraps around the address space;
 * RSDP_NOT_FOUND: no ACPI GUID; otherwise the RSDP validation status. */
RSDP_MUST_USE enum rsdp_status rsdp_find_efi(const struct rsdp_host *host,
                                             uint64_t system_table,
                                             enum rsdp_efi_width width,
                                             struct rsdp_info *out);

#endif
