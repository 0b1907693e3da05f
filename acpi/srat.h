/* acpi/srat.h - System Resource Affinity Table (ACPI 6.5, 5.2.16): which
 * proximity domain (NUMA node) each processor, memory range, GIC ITS and
 * generic initiator belongs to.
 *
 * The table stays in the caller's buffer; struct acpi_srat and the iterator
 * point into it and must not outlive it. Nothing is allocated or mapped.
 */
#ifndef ACPI_SRAT_H
#define ACPI_SRAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

/* ACPI 6.5, Table 5.71: header, Reserved (4 bytes, must be 1), Reserved (8). */
#define ACPI_SRAT_ENTRIES_OFFSET 48u

/* Structure types, ACPI 6.5, Table 5.72. */
enum acpi_srat_type {
    ACPI_SRAT_PROCESSOR_LOCAL_APIC_AFFINITY = 0,
    ACPI_SRAT_MEMORY_AFFINITY = 1,
    ACPI_SRAT_PROCESSOR_LOCAL_X2APIC_AFFINITY = 2,
    ACPI_SRAT_GICC_AFFINITY = 3,
    ACPI_SRAT_GIC_ITS_AFFINITY = 4,
    ACPI_SRAT_GENERIC_INITIATOR_AFFINITY = 5,
    ACPI_SRAT_GENERIC_PORT_AFFINITY = 6,
};

/* Flag bits (ACPI 6.5, Tables 5.74, 5.76, 5.78, 5.80, 5.83). */
#define ACPI_SRAT_ENABLED 0x1u              /* every structure with flags */
#define ACPI_SRAT_MEMORY_HOT_PLUGGABLE 0x2u /* memory affinity */
#define ACPI_SRAT_MEMORY_NON_VOLATILE 0x4u  /* memory affinity */

struct acpi_srat {
    struct acpi_sdt sdt;
};

/* Wire layouts (sizes from ACPI 6.5, Tables 5.73, 5.75, 5.77, 5.79, 5.81, 5.82). */
struct acpi_srat_processor_local_apic_affinity_raw {
    uint8_t type, length, proximity_domain_low, apic_id;
    uint32_t flags;
    uint8_t local_sapic_eid;
    uint8_t proximity_domain_high[3];
    uint32_t clock_domain;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_processor_local_apic_affinity_raw) == 16, "Table 5.73");

struct acpi_srat_memory_affinity_raw {
    uint8_t type, length;
    uint32_t proximity_domain;
    uint16_t reserved1;
    uint32_t base_address_low, base_address_high, length_low, length_high;
    uint32_t reserved2, flags;
    uint64_t reserved3;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_memory_affinity_raw) == 40, "Table 5.75");

struct acpi_srat_processor_local_x2apic_affinity_raw {
    uint8_t type, length;
    uint16_t reserved1;
    uint32_t proximity_domain, x2apic_id, flags, clock_domain, reserved2;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_processor_local_x2apic_affinity_raw) == 24, "Table 5.77");

struct acpi_srat_gicc_affinity_raw {
    uint8_t type, length;
    uint32_t proximity_domain, acpi_processor_uid, flags, clock_domain;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_gicc_affinity_raw) == 18, "Table 5.79");

struct acpi_srat_gic_its_affinity_raw {
    uint8_t type, length;
    uint32_t proximity_domain;
    uint16_t reserved;
    uint32_t its_id;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_gic_its_affinity_raw) == 12, "Table 5.81");

struct acpi_srat_generic_initiator_affinity_raw {
    uint8_t type, length, reserved1, device_handle_type;
    uint32_t proximity_domain;
    uint8_t device_handle[16];
    uint32_t flags, reserved2;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_generic_initiator_affinity_raw) == 32, "Table 5.82");

/* One decoded structure. Fields a type does not have are zero. */
struct acpi_srat_entry {
    uint8_t type;
    uint8_t length;
    uint32_t offset;           /* of the structure within the table */
    uint32_t proximity_domain; /* types 0 (all 32 bits assembled), 1-6 */
    uint32_t flags;            /* types 0-3, 5, 6 */
    uint32_t apic_id;          /* type 0: local APIC ID; type 2: x2APIC ID */
    uint8_t local_sapic_eid;   /* type 0 */
    uint32_t clock_domain;     /* types 0, 2, 3 */
    uint64_t base_address;     /* type 1 */
    uint64_t range_length;     /* type 1 ("Length" in Table 5.75) */
    uint32_t acpi_processor_uid; /* type 3 */
    uint32_t its_id;           /* type 4 */
    uint8_t device_handle_type; /* types 5, 6: 0 ACPI, 1 PCI */
    uint8_t device_handle[16];  /* types 5, 6 */
    const uint8_t *bytes;       /* the raw structure, `length` bytes */
};

struct acpi_srat_iter {
    const uint8_t *table;
    uint32_t length;
    uint32_t offset;
    enum acpi_status status;
};

/* Validate an SRAT in a buffer of len bytes (see acpi_sdt_validate for the
 * header statuses); ACPI_BAD_LENGTH if it is shorter than its 48-byte fixed part. */
ACPI_MUST_USE enum acpi_status acpi_srat_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_srat *out);

void acpi_srat_iter_init(struct acpi_srat_iter *it, const struct acpi_srat *srat);

/* Next structure: ACPI_OK, ACPI_END after the last, ACPI_BAD_ENTRY for a
 * structure whose length is below 2, below its type's size, or past the
 * table (iteration then stays stopped with that status). Unknown types are
 * returned with only type/length/offset/bytes set. */
ACPI_MUST_USE enum acpi_status acpi_srat_next(struct acpi_srat_iter *it,
                                              struct acpi_srat_entry *out);

#endif
