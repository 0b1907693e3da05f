/* acpi/dmar.h - DMA Remapping Reporting table (Intel VT-d specification,
 * chapter 8): the IOMMUs (DRHD), memory that stays identity-mapped for
 * devices (RMRR), ATS-capable root ports (ATSR), IOMMU NUMA locality (RHSA),
 * ACPI namespace devices (ANDD) and SoC-integrated address translation (SATC),
 * each with device scopes that name devices by a PCI path.
 *
 * Everything points into the caller's buffer: no copies, no allocation.
 * Two iterators: acpi_dmar_next over remapping structures, and
 * acpi_dmar_scope_next over the device scopes of one structure.
 */
#ifndef ACPI_DMAR_H
#define ACPI_DMAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

/* VT-d 8.1: header, Host Address Width, Flags, 10 reserved bytes. */
struct acpi_dmar_raw {
    struct acpi_sdt_header header;
    uint8_t host_address_width; /* the DMA address width minus 1 */
    uint8_t flags;
    uint8_t reserved[10];
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_raw) == 48, "VT-d 8.1: DMAR fixed part");

#define ACPI_DMAR_FLAG_INTR_REMAP 0x1u
#define ACPI_DMAR_FLAG_X2APIC_OPT_OUT 0x2u
#define ACPI_DMAR_FLAG_DMA_CTRL_PLATFORM_OPT_IN 0x4u

/* Remapping structure types, VT-d 8.2. */
enum acpi_dmar_type {
    ACPI_DMAR_DRHD = 0,
    ACPI_DMAR_RMRR = 1,
    ACPI_DMAR_ATSR = 2,
    ACPI_DMAR_RHSA = 3,
    ACPI_DMAR_ANDD = 4,
    ACPI_DMAR_SATC = 5,
};

/* VT-d 8.3: DMA Remapping Hardware Unit Definition. */
struct acpi_dmar_drhd_raw {
    uint16_t type, length;
    uint8_t flags;
    uint8_t size; /* VT-d 4.0: register set size as 2^size pages; reserved before */
    uint16_t segment_number;
    uint64_t register_base_address;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_drhd_raw) == 16, "VT-d 8.3");
#define ACPI_DMAR_DRHD_INCLUDE_PCI_ALL 0x1u

/* VT-d 8.4: Reserved Memory Region Reporting. */
struct acpi_dmar_rmrr_raw {
    uint16_t type, length;
    uint16_t reserved;
    uint16_t segment_number;
    uint64_t base_address;
    uint64_t limit_address; /* inclusive */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_rmrr_raw) == 24, "VT-d 8.4");

/* VT-d 8.5: Root Port ATS Capability Reporting (SATC, 8.8, has the same shape). */
struct acpi_dmar_atsr_raw {
    uint16_t type, length;
    uint8_t flags;
    uint8_t reserved;
    uint16_t segment_number;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_atsr_raw) == 8, "VT-d 8.5");
#define ACPI_DMAR_ATSR_ALL_PORTS 0x1u

/* VT-d 8.6: Remapping Hardware Static Affinity. */
struct acpi_dmar_rhsa_raw {
    uint16_t type, length;
    uint32_t reserved;
    uint64_t register_base_address;
    uint32_t proximity_domain;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_rhsa_raw) == 20, "VT-d 8.6");

/* VT-d 8.7: ACPI Name-space Device Declaration (object name follows). */
struct acpi_dmar_andd_raw {
    uint16_t type, length;
    uint8_t reserved[3];
    uint8_t acpi_device_number;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_andd_raw) == 8, "VT-d 8.7");

/* VT-d 8.3.1: Device Scope Structure (path of (device, function) pairs follows). */
struct acpi_dmar_device_scope_raw {
    uint8_t type, length;
    uint8_t flags; /* reserved before VT-d 3.x */
    uint8_t reserved;
    uint8_t enumeration_id;
    uint8_t start_bus_number;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_device_scope_raw) == 6, "VT-d 8.3.1");

enum acpi_dmar_scope_type {
    ACPI_DMAR_SCOPE_PCI_ENDPOINT = 1,
    ACPI_DMAR_SCOPE_PCI_SUB_HIERARCHY = 2,
    ACPI_DMAR_SCOPE_IOAPIC = 3,
    ACPI_DMAR_SCOPE_MSI_CAPABLE_HPET = 4,
    ACPI_DMAR_SCOPE_ACPI_NAMESPACE_DEVICE = 5,
};

struct acpi_dmar {
    struct acpi_sdt sdt;
    uint8_t host_address_width;
    uint8_t flags;
};

/* One remapping structure. Fields a type does not have are zero. */
struct acpi_dmar_entry {
    uint16_t type;
    uint16_t length;
    uint32_t offset;           /* in the table */
    uint8_t flags;             /* DRHD, ATSR, SATC */
    uint8_t size;              /* DRHD */
    uint16_t segment_number;   /* DRHD, RMRR, ATSR, SATC */
    uint64_t register_base_address; /* DRHD, RHSA */
    uint64_t base_address;     /* RMRR */
    uint64_t limit_address;    /* RMRR, inclusive */
    uint32_t proximity_domain; /* RHSA */
    uint8_t acpi_device_number; /* ANDD */
    const char *object_name;   /* ANDD: into the table */
    size_t object_name_length; /* ANDD: up to the NUL or the structure's end */
    const uint8_t *scopes;     /* device scopes (DRHD, RMRR, ATSR, SATC) */
    size_t scopes_length;
    const uint8_t *bytes;      /* the whole structure */
};

/* One device scope; path_count (device, function) pairs start at path. */
struct acpi_dmar_scope {
    uint8_t type;
    uint8_t length;
    uint8_t flags;
    uint8_t enumeration_id;   /* I/O APIC ID, HPET number or ACPI device number */
    uint8_t start_bus_number;
    const uint8_t *path;      /* path_count * 2 bytes: device, function */
    size_t path_count;
};

struct acpi_dmar_iter {
    const uint8_t *base;
    size_t length;
    size_t offset;
    enum acpi_status status;
};

/* Validate a DMAR: acpi_sdt_validate statuses, ACPI_BAD_LENGTH below 48 bytes. */
ACPI_MUST_USE enum acpi_status acpi_dmar_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_dmar *out);

void acpi_dmar_iter_init(struct acpi_dmar_iter *it, const struct acpi_dmar *dmar);

/* Next remapping structure: ACPI_OK, ACPI_END, or ACPI_BAD_ENTRY (length
 * below 4 or below its type's fixed part, or past the table; sticky).
 * Unknown types come back with type/length/offset/bytes only. */
ACPI_MUST_USE enum acpi_status acpi_dmar_next(struct acpi_dmar_iter *it,
                                              struct acpi_dmar_entry *out);

void acpi_dmar_scope_iter_init(struct acpi_dmar_iter *it, const struct acpi_dmar_entry *entry);

/* Next device scope of the entry: ACPI_OK, ACPI_END, or ACPI_BAD_ENTRY (a
 * scope shorter than 6 bytes, an odd path length, or past the structure). */
ACPI_MUST_USE enum acpi_status acpi_dmar_scope_next(struct acpi_dmar_iter *it,
                                                    struct acpi_dmar_scope *out);

#endif
