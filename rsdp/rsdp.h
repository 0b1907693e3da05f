/* rsdp/rsdp.h - find and validate the ACPI Root System Description Pointer
 * (ACPI 6.5, 5.2.5) without allocation: BIOS-area search, validation of an
 * RSDP at a physical address or of a copy in hand, and (rsdp/efi.h) lookup
 * through the UEFI system table.
 *
 * Physical memory is reached only through the caller's map/unmap callbacks;
 * every map is unmapped before a function returns.
 */
#ifndef RSDP_RSDP_H
#define RSDP_RSDP_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define RSDP_MUST_USE __attribute__((warn_unused_result))
#else
#define RSDP_MUST_USE
#endif

enum rsdp_status {
    RSDP_OK = 0,
    RSDP_NOT_FOUND = 1,        /* no valid RSDP where we looked */
    RSDP_MAP_FAILED = 2,       /* the host's map() returned NULL */
    RSDP_INVALID_ARGUMENT = 3, /* NULL pointer from the caller */

    /* Bad firmware data. */
    RSDP_BAD_SIGNATURE = 100,    /* not "RSD PTR " */
    RSDP_BAD_CHECKSUM = 101,     /* the first 20 bytes do not sum to zero */
    RSDP_BAD_LENGTH = 102,       /* revision >= 2 with a Length below 36 or above 4 KiB */
    RSDP_BAD_EXT_CHECKSUM = 103, /* the Length bytes do not sum to zero */
    RSDP_TRUNCATED = 104,        /* the copy/area is shorter than the RSDP claims */
    RSDP_BAD_EFI_TABLE = 105,    /* the EFI system table is malformed */
};

#define RSDP_V1_LENGTH 20u  /* ACPI 1.0 part, covered by Checksum */
#define RSDP_V2_LENGTH 36u  /* ACPI 2.0+ structure, covered by Extended Checksum */
#define RSDP_MAX_LENGTH 4096u

/* ACPI 6.5, Table 5.3, as it sits in memory (read through rsdp_validate_*). */
struct rsdp_raw {
    char signature[8];
    uint8_t checksum;
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt_address;
    uint32_t length;
    uint64_t xsdt_address;
    uint8_t extended_checksum;
    uint8_t reserved[3];
} __attribute__((packed));
_Static_assert(sizeof(struct rsdp_raw) == RSDP_V2_LENGTH, "ACPI 6.5 Table 5.3: 36 bytes");

/* What the caller provides: map exactly [phys, phys+len) read-only and return
 * a pointer to byte phys (any alignment), NULL on failure; unmap receives the
 * same pointer and len. */
struct rsdp_host {
    void *ctx;
    const void *(*map)(void *ctx, uint64_t phys, size_t len);
    void (*unmap)(void *ctx, const void *virt, size_t len);
};

/* A validated RSDP. length is 20 for revision < 2; xsdt_address is 0 then. */
struct rsdp_info {
    uint64_t address; /* physical address (0 for a copy in hand) */
    uint8_t revision;
    uint8_t checksum;
    char oem_id[6]; /* not NUL-terminated */
    uint32_t rsdt_address;
    uint32_t length;
    uint64_t xsdt_address;
    uint8_t extended_checksum;
};

/* Search the first KiB of the EBDA (segment from the BDA word at 0x40E), then
 * 0xE0000-0xFFFFF, on 16-byte boundaries (ACPI 6.5, 5.2.5.1), returning the
 * first RSDP that validates. Maps one 4 KiB chunk (plus the 32 bytes an RSDP
 * starting in it may need) at a time. RSDP_NOT_FOUND when none validates
 * (strings "RSD PTR " with bad checksums are skipped); RSDP_MAP_FAILED if a
 * map failed. */
RSDP_MUST_USE enum rsdp_status rsdp_find_bios(const struct rsdp_host *host,
                                              struct rsdp_info *out);

/* Validate the RSDP at physical address phys (any alignment). Maps 20 bytes,
 * then Length bytes for revision >= 2. Returns the check that failed. */
RSDP_MUST_USE enum rsdp_status rsdp_validate_at(const struct rsdp_host *host, uint64_t phys,
                                                struct rsdp_info *out);

/* The same checks on len bytes already in hand (a Multiboot2 ACPI tag holds a
 * copy); out->address is 0. RSDP_TRUNCATED when len is shorter than the RSDP. */
RSDP_MUST_USE enum rsdp_status rsdp_validate_copy(const void *bytes, size_t len,
                                                  struct rsdp_info *out);

/* A short constant description of status; never NULL. */
const char *rsdp_status_str(enum rsdp_status status);

#endif
