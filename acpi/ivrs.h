/* acpi/ivrs.h - I/O Virtualization Reporting Structure (AMD I/O
 * Virtualization Technology (IOMMU) Specification, 48882, section 5.2): the
 * AMD IOMMUs (IVHD blocks of types 10h, 11h and 40h, each with device entries
 * saying which devices it translates) and memory that must stay mapped for
 * devices (IVMD blocks 20h-22h).
 *
 * Everything points into the caller's buffer. Two iterators: acpi_ivrs_next
 * over IVHD/IVMD blocks, acpi_ivrs_device_next over one IVHD's device entries.
 */
#ifndef ACPI_IVRS_H
#define ACPI_IVRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

/* 48882 5.2.1: header, IVinfo, 8 reserved bytes. */
struct acpi_ivrs_raw {
    struct acpi_sdt_header header;
    uint32_t iv_info;
    uint64_t reserved;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_ivrs_raw) == 48, "IVRS fixed part");

/* Block types, 48882 5.2.2 and 5.2.3. */
enum acpi_ivrs_type {
    ACPI_IVRS_IVHD_10H = 0x10,
    ACPI_IVRS_IVHD_11H = 0x11,
    ACPI_IVRS_IVHD_40H = 0x40,
    ACPI_IVRS_IVMD_ALL = 0x20,
    ACPI_IVRS_IVMD_SELECT = 0x21,
    ACPI_IVRS_IVMD_RANGE = 0x22,
};

/* IVHD type 10h; types 11h and 40h extend it to 40 bytes (ivhd_ext_raw). */
struct acpi_ivrs_ivhd_raw {
    uint8_t type, flags;
    uint16_t length;
    uint16_t device_id;
    uint16_t capability_offset;
    uint64_t iommu_base_address;
    uint16_t pci_segment_group;
    uint16_t iommu_info;
    uint32_t iommu_feature_reporting; /* 10h: feature reporting; 11h/40h: attributes */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_ivrs_ivhd_raw) == 24, "IVHD type 10h header");

struct acpi_ivrs_ivhd_ext_raw {
    struct acpi_ivrs_ivhd_raw common;
    uint64_t efr_register_image;
    uint64_t efr_register_image_2; /* reserved in older revisions */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_ivrs_ivhd_ext_raw) == 40, "IVHD type 11h/40h header");

/* IVMD, 48882 5.2.3. */
struct acpi_ivrs_ivmd_raw {
    uint8_t type, flags;
    uint16_t length;
    uint16_t device_id;
    uint16_t auxiliary_data;
    uint64_t reserved;
    uint64_t ivmd_start_address;
    uint64_t ivmd_memory_block_length;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_ivrs_ivmd_raw) == 32, "IVMD block");

/* IVHD device entry of type F0h (ACPI_HID); UID bytes follow. */
struct acpi_ivrs_acpi_hid_raw {
    uint8_t type;
    uint16_t device_id;
    uint8_t data_setting;
    char hardware_id[8];
    char compatible_id[8];
    uint8_t uid_format;
    uint8_t uid_length;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_ivrs_acpi_hid_raw) == 22, "ACPI_HID device entry");

/* Device entry types, 48882 Table "IVHD Device Entry Type Codes". */
enum acpi_ivrs_device_type {
    ACPI_IVRS_DEV_PAD4 = 0x00,
    ACPI_IVRS_DEV_ALL = 0x01,
    ACPI_IVRS_DEV_SELECT = 0x02,
    ACPI_IVRS_DEV_RANGE_START = 0x03,
    ACPI_IVRS_DEV_RANGE_END = 0x04,
    ACPI_IVRS_DEV_PAD8 = 0x40,
    ACPI_IVRS_DEV_ALIAS_SELECT = 0x42,
    ACPI_IVRS_DEV_ALIAS_RANGE_START = 0x43,
    ACPI_IVRS_DEV_EXT_SELECT = 0x46,
    ACPI_IVRS_DEV_EXT_RANGE_START = 0x47,
    ACPI_IVRS_DEV_SPECIAL = 0x48,
    ACPI_IVRS_DEV_ACPI_HID = 0xF0,
};

/* Variety of a special device (type 48h). */
#define ACPI_IVRS_SPECIAL_IOAPIC 0x1u
#define ACPI_IVRS_SPECIAL_HPET 0x2u

struct acpi_ivrs {
    struct acpi_sdt sdt;
    uint32_t iv_info;
    uint8_t va_size;   /* IVinfo bits 21:15 */
    uint8_t pa_size;   /* bits 14:8 */
    uint8_t gva_size;  /* bits 7:5 */
    bool efr_supported; /* bit 0 */
};

/* One IVHD or IVMD block. Fields a type does not have are zero. */
struct acpi_ivrs_block {
    uint8_t type;
    uint8_t flags;
    uint16_t length;
    uint32_t offset;            /* in the table */
    uint16_t device_id;         /* IVHD: the IOMMU's BDF; IVMD: the device (21h) or range start (22h) */
    uint16_t capability_offset; /* IVHD */
    uint64_t iommu_base_address; /* IVHD */
    uint16_t pci_segment_group; /* IVHD */
    uint16_t iommu_info;        /* IVHD */
    uint32_t iommu_attributes;  /* IVHD: feature reporting (10h) or attributes (11h/40h) */
    uint64_t efr_register_image; /* IVHD 11h/40h */
    uint64_t efr_register_image_2; /* IVHD 11h/40h */
    uint16_t auxiliary_data;    /* IVMD: range end device (22h) */
    uint64_t ivmd_start_address; /* IVMD */
    uint64_t ivmd_memory_block_length; /* IVMD */
    const uint8_t *entries;     /* IVHD device entries */
    size_t entries_length;
    const uint8_t *bytes;       /* the whole block */
};

/* One IVHD device entry (4, 8 or variable length). */
struct acpi_ivrs_device {
    uint8_t type;
    uint8_t length;
    uint16_t device_id;
    uint8_t data_setting;
    uint16_t source_device_id; /* alias entries (42h, 43h) */
    uint32_t extended_data;    /* extended entries (46h, 47h) */
    uint8_t handle;            /* special (48h): I/O APIC ID or HPET number */
    uint8_t variety;           /* special (48h) */
    const char *hardware_id;   /* ACPI_HID (F0h): 8 chars, not NUL-terminated */
    const char *compatible_id; /* ACPI_HID: 8 chars */
    uint8_t uid_format;        /* ACPI_HID: 0 none, 1 integer, 2 string */
    const uint8_t *uid;        /* ACPI_HID: uid_length bytes */
    uint8_t uid_length;
};

struct acpi_ivrs_iter {
    const uint8_t *base;
    size_t length;
    size_t offset;
    enum acpi_status status;
};

/* Validate an IVRS: acpi_sdt_validate statuses, ACPI_BAD_LENGTH below 48 bytes. */
ACPI_MUST_USE enum acpi_status acpi_ivrs_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_ivrs *out);

void acpi_ivrs_iter_init(struct acpi_ivrs_iter *it, const struct acpi_ivrs *ivrs);

/* Next block: ACPI_OK, ACPI_END, ACPI_BAD_ENTRY (length below 4, below the
 * type's fixed part or past the table; sticky). Unknown block types come
 * back with type/flags/length/offset/bytes only. */
ACPI_MUST_USE enum acpi_status acpi_ivrs_next(struct acpi_ivrs_iter *it,
                                              struct acpi_ivrs_block *out);

void acpi_ivrs_device_iter_init(struct acpi_ivrs_iter *it, const struct acpi_ivrs_block *ivhd);

/* Next device entry: ACPI_OK, ACPI_END, ACPI_BAD_ENTRY (an entry past the
 * block) or ACPI_UNSUPPORTED (a type of unknown length, 80h-FFh except F0h:
 * the rest of the block cannot be walked). Both failures are sticky. */
ACPI_MUST_USE enum acpi_status acpi_ivrs_device_next(struct acpi_ivrs_iter *it,
                                                     struct acpi_ivrs_device *out);

#endif
