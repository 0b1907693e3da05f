/* acpi/madt.h - Multiple APIC Description Table, signature "APIC" (ACPI 6.5,
 * 5.2.12): the table's fixed part and an iterator over its interrupt
 * controller structures, decoding every type ACPI 6.5 defines (0x00-0x17:
 * APIC, SAPIC, GIC, multiprocessor wakeup and the LoongArch PICs). Reserved
 * and OEM types (0x18-0xFF) are returned undecoded: their type, length and
 * bytes.
 *
 *     struct acpi_madt madt; struct acpi_madt_iter it; struct acpi_madt_entry e;
 *     if (acpi_madt_parse(buf, len, &madt) == ACPI_OK) {
 *         acpi_madt_iter_init(&it, &madt);
 *         while (acpi_madt_next(&it, &e) == ACPI_OK) { ... }
 *         // it.status: ACPI_END after a clean end, else why it stopped
 *     }
 */
#ifndef ACPI_MADT_H
#define ACPI_MADT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

#define ACPI_MADT_PCAT_COMPAT (1u << 0) /* MADT Flags, Table 5.20 */
#define ACPI_MADT_ENTRIES_OFFSET 44u

/* Interrupt Controller Structure types (ACPI 6.5, Table 5.21). */
enum acpi_madt_type {
    ACPI_MADT_LOCAL_APIC = 0x00,
    ACPI_MADT_IO_APIC = 0x01,
    ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE = 0x02,
    ACPI_MADT_NMI_SOURCE = 0x03,
    ACPI_MADT_LOCAL_APIC_NMI = 0x04,
    ACPI_MADT_LOCAL_APIC_ADDRESS_OVERRIDE = 0x05,
    ACPI_MADT_IO_SAPIC = 0x06,
    ACPI_MADT_LOCAL_SAPIC = 0x07,
    ACPI_MADT_PLATFORM_INTERRUPT_SOURCES = 0x08,
    ACPI_MADT_LOCAL_X2APIC = 0x09,
    ACPI_MADT_LOCAL_X2APIC_NMI = 0x0A,
    ACPI_MADT_GICC = 0x0B,
    ACPI_MADT_GICD = 0x0C,
    ACPI_MADT_GIC_MSI_FRAME = 0x0D,
    ACPI_MADT_GICR = 0x0E,
    ACPI_MADT_GIC_ITS = 0x0F,
    ACPI_MADT_MULTIPROCESSOR_WAKEUP = 0x10,
    ACPI_MADT_CORE_PIC = 0x11, /* LoongArch, ACPI 6.5 */
    ACPI_MADT_LIO_PIC = 0x12,
    ACPI_MADT_HT_PIC = 0x13,
    ACPI_MADT_EIO_PIC = 0x14,
    ACPI_MADT_MSI_PIC = 0x15,
    ACPI_MADT_BIO_PIC = 0x16,
    ACPI_MADT_LPC_PIC = 0x17,
};

/* Local APIC / x2APIC / SAPIC / GICC flags (Tables 5.24, 5.40). */
#define ACPI_MADT_ENABLED (1u << 0)
#define ACPI_MADT_ONLINE_CAPABLE (1u << 1)

/* MPS INTI flags (ACPI 6.5, Table 5.27): polarity bits 1:0, trigger bits 3:2. */
enum acpi_mps_polarity {
    ACPI_POLARITY_CONFORMS = 0,
    ACPI_POLARITY_ACTIVE_HIGH = 1,
    ACPI_POLARITY_RESERVED = 2,
    ACPI_POLARITY_ACTIVE_LOW = 3,
};
enum acpi_mps_trigger {
    ACPI_TRIGGER_CONFORMS = 0,
    ACPI_TRIGGER_EDGE = 1,
    ACPI_TRIGGER_RESERVED = 2,
    ACPI_TRIGGER_LEVEL = 3,
};
static inline enum acpi_mps_polarity acpi_mps_inti_polarity(uint16_t flags)
{
    return (enum acpi_mps_polarity)(flags & 3u);
}
static inline enum acpi_mps_trigger acpi_mps_inti_trigger(uint16_t flags)
{
    return (enum acpi_mps_trigger)((flags >> 2) & 3u);
}

/* Field names follow ACPI 6.5 (section in brackets). */
struct acpi_madt_local_apic { /* 5.2.12.2 */
    uint8_t acpi_processor_uid;
    uint8_t apic_id;
    uint32_t flags;
};
struct acpi_madt_io_apic { /* 5.2.12.3 */
    uint8_t io_apic_id;
    uint32_t io_apic_address;
    uint32_t global_system_interrupt_base;
};
struct acpi_madt_interrupt_source_override { /* 5.2.12.5 */
    uint8_t bus;
    uint8_t source;
    uint32_t global_system_interrupt;
    uint16_t flags; /* MPS INTI flags */
};
struct acpi_madt_nmi_source { /* 5.2.12.6 */
    uint16_t flags;
    uint32_t global_system_interrupt;
};
struct acpi_madt_local_apic_nmi { /* 5.2.12.7; uid 0xFF = all processors */
    uint8_t acpi_processor_uid;
    uint16_t flags;
    uint8_t local_apic_lint;
};
struct acpi_madt_local_apic_address_override { /* 5.2.12.8 */
    uint64_t local_apic_address;
};
struct acpi_madt_io_sapic { /* 5.2.12.9 */
    uint8_t io_apic_id;
    uint32_t global_system_interrupt_base;
    uint64_t io_sapic_address;
};
struct acpi_madt_local_sapic { /* 5.2.12.10 */
    uint8_t acpi_processor_id;
    uint8_t local_sapic_id;
    uint8_t local_sapic_eid;
    uint32_t flags;
    uint32_t acpi_processor_uid_value;
    const char *acpi_processor_uid_string; /* inside the table, NUL-terminated */
};
struct acpi_madt_platform_interrupt_source { /* 5.2.12.11 */
    uint16_t flags;
    uint8_t interrupt_type; /* 1 PMI, 2 INIT, 3 corrected platform error */
    uint8_t processor_id;
    uint8_t processor_eid;
    uint8_t io_sapic_vector;
    uint32_t global_system_interrupt;
    uint32_t platform_interrupt_source_flags;
};
struct acpi_madt_local_x2apic { /* 5.2.12.12 */
    uint32_t x2apic_id;
    uint32_t flags;
    uint32_t acpi_processor_uid;
};
struct acpi_madt_local_x2apic_nmi { /* 5.2.12.13 */
    uint16_t flags;
    uint32_t acpi_processor_uid; /* 0xFFFFFFFF = all processors */
    uint8_t local_x2apic_lint;
};
struct acpi_madt_gicc { /* 5.2.12.14; fields after mpidr exist from ACPI 6.0/6.5 */
    uint32_t cpu_interface_number;
    uint32_t acpi_processor_uid;
    uint32_t flags;
    uint32_t parking_protocol_version;
    uint32_t performance_interrupt_gsiv;
    uint64_t parked_address;
    uint64_t physical_base_address;
    uint64_t gicv;
    uint64_t gich;
    uint32_t vgic_maintenance_interrupt;
    uint64_t gicr_base_address;
    uint64_t mpidr;
    uint8_t processor_power_efficiency_class; /* length >= 80 (ACPI 6.0) */
    uint16_t spe_overflow_interrupt;          /* length >= 80 (ACPI 6.3) */
    uint16_t trbe_interrupt;                  /* length >= 82 (ACPI 6.5) */
};
struct acpi_madt_gicd { /* 5.2.12.15 */
    uint32_t gic_id;
    uint64_t physical_base_address;
    uint32_t system_vector_base;
    uint8_t gic_version;
};
struct acpi_madt_gic_msi_frame { /* 5.2.12.16 */
    uint32_t gic_msi_frame_id;
    uint64_t physical_base_address;
    uint32_t flags;
    uint16_t spi_count;
    uint16_t spi_base;
};
struct acpi_madt_gicr { /* 5.2.12.17 */
    uint64_t discovery_range_base_address;
    uint32_t discovery_range_length;
};
struct acpi_madt_gic_its { /* 5.2.12.18 */
    uint32_t gic_its_id;
    uint64_t physical_base_address;
};
struct acpi_madt_multiprocessor_wakeup { /* 5.2.12.19 */
    uint16_t mailbox_version;
    uint64_t mailbox_address;
};

struct acpi_madt_core_pic { /* 5.2.12.20 */
    uint8_t version;
    uint32_t acpi_processor_id;
    uint32_t physical_processor_id;
    uint32_t flags; /* bit 0: enabled */
};
struct acpi_madt_lio_pic { /* 5.2.12.21 */
    uint8_t version;
    uint64_t base_address;
    uint16_t size;
    uint16_t cascade_vector;
    uint64_t cascade_vector_mapping;
};
struct acpi_madt_ht_pic { /* 5.2.12.22 */
    uint8_t version;
    uint64_t base_address;
    uint16_t size;
    uint64_t cascade_vector;
};
struct acpi_madt_eio_pic { /* 5.2.12.23 */
    uint8_t version;
    uint8_t cascade_vector;
    uint8_t node;
    uint64_t node_map;
};
struct acpi_madt_msi_pic { /* 5.2.12.24 */
    uint8_t version;
    uint64_t message_address;
    uint32_t start;
    uint32_t count;
};
struct acpi_madt_bio_pic { /* 5.2.12.25 */
    uint8_t version;
    uint64_t base_address;
    uint16_t size;
    uint16_t hardware_id;
    uint16_t gsi_base;
};
struct acpi_madt_lpc_pic { /* 5.2.12.26 */
    uint8_t version;
    uint64_t base_address;
    uint16_t size;
    uint16_t cascade_vector;
};

/* One interrupt controller structure. `decoded` is false for reserved and
 * OEM types (0x18 and up): use type, length and bytes. */
struct acpi_madt_entry {
    uint8_t type;
    uint8_t length;
    uint32_t offset;      /* from the start of the table */
    const uint8_t *bytes; /* the entry, `length` bytes, inside the caller's buffer */
    bool decoded;
    union {
        struct acpi_madt_local_apic local_apic;
        struct acpi_madt_io_apic io_apic;
        struct acpi_madt_interrupt_source_override interrupt_source_override;
        struct acpi_madt_nmi_source nmi_source;
        struct acpi_madt_local_apic_nmi local_apic_nmi;
        struct acpi_madt_local_apic_address_override local_apic_address_override;
        struct acpi_madt_io_sapic io_sapic;
        struct acpi_madt_local_sapic local_sapic;
        struct acpi_madt_platform_interrupt_source platform_interrupt_source;
        struct acpi_madt_local_x2apic local_x2apic;
        struct acpi_madt_local_x2apic_nmi local_x2apic_nmi;
        struct acpi_madt_gicc gicc;
        struct acpi_madt_gicd gicd;
        struct acpi_madt_gic_msi_frame gic_msi_frame;
        struct acpi_madt_gicr gicr;
        struct acpi_madt_gic_its gic_its;
        struct acpi_madt_multiprocessor_wakeup multiprocessor_wakeup;
        struct acpi_madt_core_pic core_pic;
        struct acpi_madt_lio_pic lio_pic;
        struct acpi_madt_ht_pic ht_pic;
        struct acpi_madt_eio_pic eio_pic;
        struct acpi_madt_msi_pic msi_pic;
        struct acpi_madt_bio_pic bio_pic;
        struct acpi_madt_lpc_pic lpc_pic;
    } u;
};

struct acpi_madt {
    struct acpi_sdt header;
    uint32_t local_interrupt_controller_address;
    uint32_t flags;
};

/* Parse the fixed part of the MADT in buf (len readable bytes). Checksum is
 * recorded in header.checksum_ok, not enforced. Statuses: ACPI_TRUNCATED,
 * ACPI_BAD_LENGTH (shorter than 44 bytes), ACPI_BAD_SIGNATURE. */
ACPI_MUST_USE enum acpi_status acpi_madt_parse(const void *buf, size_t len,
                                               struct acpi_madt *out);

/* Cursor over the structures; holds a pointer into the table's buffer. */
struct acpi_madt_iter {
    const uint8_t *table;
    uint32_t length;
    uint32_t offset;
    enum acpi_status status; /* ACPI_OK while going, then ACPI_END or the error */
};

void acpi_madt_iter_init(struct acpi_madt_iter *it, const struct acpi_madt *madt);

/* Next structure into *out. ACPI_END after the last one; ACPI_BAD_ENTRY for
 * a length below 2 or below the size its type requires; ACPI_TRUNCATED when
 * an entry runs past the table. After a non-OK status it keeps returning it. */
ACPI_MUST_USE enum acpi_status acpi_madt_next(struct acpi_madt_iter *it,
                                              struct acpi_madt_entry *out);

/* The local APIC address to use: a Local APIC Address Override structure's
 * 64-bit address if the table has one (5.2.12.8), else the 32-bit field.
 * Returns the iteration's error status if the table is malformed before one
 * is found. */
ACPI_MUST_USE enum acpi_status acpi_madt_local_apic_address(const struct acpi_madt *madt,
                                                            uint64_t *out);

#endif
