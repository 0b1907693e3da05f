/* acpi/bgrt.h - Boot Graphics Resource Table (ACPI 6.5, 5.2.23): where the
 * firmware's boot logo image lies and where it was drawn on screen.
 * Decoded into a value struct; the image itself is not touched. */
#ifndef ACPI_BGRT_H
#define ACPI_BGRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/sdt.h"
#include "acpi/status.h"

/* ACPI 6.5, Table 5.111. */
struct acpi_bgrt_raw {
    struct acpi_sdt_header header;
    uint16_t version;
    uint8_t status;
    uint8_t image_type;
    uint64_t image_address;
    uint32_t image_offset_x;
    uint32_t image_offset_y;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_bgrt_raw) == 56, "ACPI 6.5 Table 5.111");

#define ACPI_BGRT_STATUS_DISPLAYED 0x01u        /* bit 0: the image is on screen */
#define ACPI_BGRT_STATUS_ORIENTATION_MASK 0x06u /* bits 2:1: 0, 90, 180, 270 degrees */
#define ACPI_BGRT_IMAGE_TYPE_BITMAP 0u

struct acpi_bgrt {
    struct acpi_sdt sdt;
    uint16_t version;     /* 1 */
    uint8_t status;
    uint8_t image_type;   /* 0: a BMP file */
    uint64_t image_address;
    uint32_t image_offset_x;
    uint32_t image_offset_y;
    bool displayed;               /* status bit 0 */
    uint16_t orientation_degrees; /* status bits 2:1 times 90 */
};

/* Validate and decode a BGRT: acpi_sdt_validate statuses, ACPI_BAD_LENGTH
 * when shorter than 56 bytes. */
ACPI_MUST_USE enum acpi_status acpi_bgrt_parse(const void *bytes, size_t len,
                                               enum acpi_checksum_policy policy,
                                               struct acpi_bgrt *out);

#endif
