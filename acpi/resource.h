/* acpi/resource.h - resource descriptors of _CRS, _PRS and _SRS buffers
 * (ACPI 6.5, section 6.4): the byte stream a ResourceTemplate compiles to.
 *
 * acpi_resource_next walks the stream one descriptor at a time, checks every
 * length and offset against the descriptor and the buffer, and decodes the
 * descriptor into struct acpi_resource. Nothing is copied: strings, pin
 * tables, interrupt lists and vendor data point into the caller's buffer.
 *
 *     struct acpi_resource_iter it;
 *     struct acpi_resource r;
 *     acpi_resource_iter_init(&it, buf, len);
 *     while (acpi_resource_next(&it, &r) == ACPI_OK) { ... r.type ... }
 *     if (it.status != ACPI_END) { the stream is malformed at it.offset }
 */
#ifndef ACPI_RESOURCE_H
#define ACPI_RESOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/gas.h"
#include "acpi/status.h"

/* Small item names (ACPI 6.5, Table 6.32) and large item names (Table 6.33). */
enum acpi_resource_small_name {
    ACPI_RESOURCE_SMALL_IRQ = 0x04,
    ACPI_RESOURCE_SMALL_DMA = 0x05,
    ACPI_RESOURCE_SMALL_START_DEPENDENT = 0x06,
    ACPI_RESOURCE_SMALL_END_DEPENDENT = 0x07,
    ACPI_RESOURCE_SMALL_IO = 0x08,
    ACPI_RESOURCE_SMALL_FIXED_IO = 0x09,
    ACPI_RESOURCE_SMALL_FIXED_DMA = 0x0A,
    ACPI_RESOURCE_SMALL_VENDOR = 0x0E,
    ACPI_RESOURCE_SMALL_END_TAG = 0x0F,
};

enum acpi_resource_large_name {
    ACPI_RESOURCE_LARGE_MEMORY24 = 0x01,
    ACPI_RESOURCE_LARGE_GENERIC_REGISTER = 0x02,
    ACPI_RESOURCE_LARGE_VENDOR = 0x04,
    ACPI_RESOURCE_LARGE_MEMORY32 = 0x05,
    ACPI_RESOURCE_LARGE_FIXED_MEMORY32 = 0x06,
    ACPI_RESOURCE_LARGE_DWORD_ADDRESS = 0x07,
    ACPI_RESOURCE_LARGE_WORD_ADDRESS = 0x08,
    ACPI_RESOURCE_LARGE_EXTENDED_IRQ = 0x09,
    ACPI_RESOURCE_LARGE_QWORD_ADDRESS = 0x0A,
    ACPI_RESOURCE_LARGE_EXTENDED_ADDRESS = 0x0B,
    ACPI_RESOURCE_LARGE_GPIO = 0x0C,
    ACPI_RESOURCE_LARGE_PIN_FUNCTION = 0x0D,
    ACPI_RESOURCE_LARGE_SERIAL_BUS = 0x0E,
    ACPI_RESOURCE_LARGE_PIN_CONFIGURATION = 0x0F,
    ACPI_RESOURCE_LARGE_PIN_GROUP = 0x10,
    ACPI_RESOURCE_LARGE_PIN_GROUP_FUNCTION = 0x11,
    ACPI_RESOURCE_LARGE_PIN_GROUP_CONFIGURATION = 0x12,
    ACPI_RESOURCE_LARGE_CLOCK_INPUT = 0x13,
};

/* What a decoded descriptor is. */
enum acpi_resource_type {
    ACPI_RESOURCE_IRQ,
    ACPI_RESOURCE_DMA,
    ACPI_RESOURCE_START_DEPENDENT,
    ACPI_RESOURCE_END_DEPENDENT,
    ACPI_RESOURCE_IO,
    ACPI_RESOURCE_FIXED_IO,
    ACPI_RESOURCE_FIXED_DMA,
    ACPI_RESOURCE_VENDOR_SMALL,
    ACPI_RESOURCE_END_TAG,
    ACPI_RESOURCE_MEMORY24,
    ACPI_RESOURCE_GENERIC_REGISTER,
    ACPI_RESOURCE_VENDOR_LARGE,
    ACPI_RESOURCE_MEMORY32,
    ACPI_RESOURCE_FIXED_MEMORY32,
    ACPI_RESOURCE_ADDRESS16, /* Word Address Space, Table 6.47 */
    ACPI_RESOURCE_ADDRESS32, /* DWord, Table 6.46 */
    ACPI_RESOURCE_ADDRESS64, /* QWord, Table 6.45 */
    ACPI_RESOURCE_EXTENDED_ADDRESS,
    ACPI_RESOURCE_EXTENDED_IRQ,
    ACPI_RESOURCE_GPIO,
    ACPI_RESOURCE_PIN_FUNCTION,
    ACPI_RESOURCE_SERIAL_BUS,
    ACPI_RESOURCE_PIN_CONFIGURATION,
    ACPI_RESOURCE_PIN_GROUP,
    ACPI_RESOURCE_PIN_GROUP_FUNCTION,
    ACPI_RESOURCE_PIN_GROUP_CONFIGURATION,
    ACPI_RESOURCE_CLOCK_INPUT,
    ACPI_RESOURCE_RESERVED, /* a reserved item name: only raw bytes are given */
};

/* A string inside the buffer: `length` chars, not counting a NUL (which the
 * firmware may have omitted at the end of a descriptor). */
struct acpi_resource_string {
    const char *chars;
    size_t length;
};

/* A table of `count` little-endian 16-bit (pins) or 32-bit (interrupts)
 * values inside the buffer; read element i with acpi_resource_u16_at/_u32_at. */
struct acpi_resource_array {
    const uint8_t *bytes;
    size_t count;
};

/* Optional Resource Source of address and interrupt descriptors. */
struct acpi_resource_source {
    bool present;
    uint8_t index;
    struct acpi_resource_string name;
};

/* Address space descriptors (Word/DWord/QWord/Extended), Tables 6.44-6.47. */
#define ACPI_RESOURCE_ADDRESS_MEMORY 0u
#define ACPI_RESOURCE_ADDRESS_IO 1u
#define ACPI_RESOURCE_ADDRESS_BUS_NUMBER 2u
struct acpi_resource_address {
    uint8_t resource_type;     /* 0 memory, 1 I/O, 2 bus number, 192-255 vendor */
    uint8_t general_flags;     /* bit 0 consumer, 1 decode sub, 2 min fixed, 3 max fixed */
    uint8_t type_specific_flags;
    uint8_t revision_id;       /* extended only */
    uint64_t granularity;
    uint64_t minimum;
    uint64_t maximum;
    uint64_t translation_offset;
    uint64_t length;
    uint64_t type_specific_attribute; /* extended only */
    struct acpi_resource_source source; /* not for extended */
};

/* Serial bus types, Table 6.57. */
enum acpi_resource_serial_bus_type {
    ACPI_RESOURCE_SERIAL_I2C = 1,
    ACPI_RESOURCE_SERIAL_SPI = 2,
    ACPI_RESOURCE_SERIAL_UART = 3,
    ACPI_RESOURCE_SERIAL_CSI2 = 4,
};

struct acpi_resource {
    enum acpi_resource_type type;
    uint8_t name;            /* the item name (small or large) */
    bool large;
    uint32_t offset;         /* of the descriptor in the buffer */
    const uint8_t *bytes;    /* the whole descriptor, header included */
    size_t length;           /* of the whole descriptor */
    union {
        struct { /* Table 6.36: IRQ, with or without the information byte */
            uint16_t mask;
            bool has_information;
            uint8_t information; /* 0x01 when absent: edge, active high */
            bool edge_triggered, active_low, shared, wake_capable;
        } irq;
        struct { uint8_t channel_mask, flags; } dma; /* Table 6.37 */
        struct { bool has_priority; uint8_t priority; } start_dependent; /* Table 6.38 */
        struct { /* Table 6.40 */
            uint8_t information; /* bit 0: 16-bit decode */
            uint16_t minimum, maximum;
            uint8_t alignment, length;
        } io;
        struct { uint16_t base; uint8_t length; } fixed_io; /* Table 6.41 */
        struct { uint16_t request_line, channel; uint8_t transfer_width; } fixed_dma; /* 6.42 */
        struct { /* small Table 6.43, large Table 6.51 */
            const uint8_t *data;
            size_t length;
            bool has_uuid;        /* large: sub type + UUID precede the data */
            uint8_t uuid_subtype;
            const uint8_t *uuid;  /* 16 bytes */
        } vendor;
        struct { uint8_t checksum; bool checksum_ok; } end_tag; /* Table 6.44 */
        struct { /* Table 6.49; addresses given in bytes (the fields hold bits 23:8) */
            uint8_t information;
            uint32_t minimum, maximum, alignment, length;
        } memory24;
        struct acpi_gas generic_register; /* Table 6.50 */
        struct { /* Table 6.52 */
            uint8_t information;
            uint32_t minimum, maximum, alignment, length;
        } memory32;
        struct { uint8_t information; uint32_t base, length; } fixed_memory32; /* 6.53 */
        struct acpi_resource_address address;
        struct { /* Table 6.58 */
            uint8_t flags; /* bit 0 consumer, 1 edge, 2 active low, 3 shared, 4 wake */
            struct acpi_resource_array interrupts; /* 32-bit */
            struct acpi_resource_source source;
        } extended_irq;
        struct { /* Table 6.60 */
            uint8_t revision_id, connection_type; /* 0 interrupt, 1 I/O */
            uint16_t general_flags, interrupt_io_flags;
            uint8_t pin_configuration;
            uint16_t output_drive_strength, debounce_timeout;
            struct acpi_resource_array pins; /* 16-bit */
            struct acpi_resource_source source;
            struct acpi_resource_array vendor; /* bytes; count = length */
        } gpio;
        struct { /* Pin Function, Table 6.62 */
            uint8_t revision_id;
            uint16_t flags;
            uint8_t pin_pull_configuration;
            uint16_t function_number;
            struct acpi_resource_array pins;
            struct acpi_resource_source source;
            struct acpi_resource_array vendor;
        } pin_function;
        struct { /* Table 6.63 and the I2C/SPI/UART/CSI-2 tables after it */
            uint8_t revision_id, serial_bus_type, general_flags, type_revision_id;
            uint16_t type_specific_flags;
            struct acpi_resource_array type_data; /* bytes: type-specific then vendor */
            struct acpi_resource_source source;
            uint32_t connection_speed; /* I2C, SPI: Hz; UART: baud */
            uint16_t slave_address;    /* I2C */
            uint8_t data_bit_length, clock_phase, clock_polarity; /* SPI */
            uint16_t device_selection; /* SPI */
            uint16_t rx_fifo_size, tx_fifo_size; /* UART */
            uint8_t parity, serial_lines_enabled; /* UART */
        } serial_bus;
        struct { /* Pin Configuration, Table 6.69 */
            uint8_t revision_id;
            uint16_t flags;
            uint8_t pin_configuration_type;
            uint32_t pin_configuration_value;
            struct acpi_resource_array pins;
            struct acpi_resource_source source;
            struct acpi_resource_array vendor;
        } pin_configuration;
        struct { /* Pin Group, Table 6.70 */
            uint8_t revision_id;
            uint16_t flags;
            struct acpi_resource_array pins;
            struct acpi_resource_string label;
            struct acpi_resource_array vendor;
        } pin_group;
        struct { /* Pin Group Function (6.71) and Pin Group Configuration (6.72) */
            uint8_t revision_id;
            uint16_t flags;
            uint16_t function_number;         /* function only */
            uint8_t pin_configuration_type;   /* configuration only */
            uint32_t pin_configuration_value; /* configuration only */
            struct acpi_resource_source source;
            struct acpi_resource_string label;
            struct acpi_resource_array vendor;
        } pin_group_function; /* also used for ACPI_RESOURCE_PIN_GROUP_CONFIGURATION */
        struct { /* Clock Input, ACPI 6.5 Table 6.73 */
            uint8_t revision_id;
            uint16_t flags;
            uint16_t frequency_divisor;
            uint32_t frequency_numerator;
            struct acpi_resource_source source;
        } clock_input;
    } u;
};

struct acpi_resource_iter {
    const uint8_t *bytes;
    size_t length;
    size_t offset;
    enum acpi_status status; /* ACPI_OK while walking, then the final status */
};

/* Start walking len bytes of resource data (the contents of a Buffer). */
void acpi_resource_iter_init(struct acpi_resource_iter *it, const void *bytes, size_t len);

/* Decode the next descriptor into *out. Returns ACPI_OK; ACPI_END after the
 * End Tag has been returned (bytes after it are not looked at); ACPI_TRUNCATED
 * when the buffer ends inside a descriptor or before an End Tag; ACPI_BAD_ENTRY
 * for a descriptor whose length is impossible for its item (ACPI 6.4 sizes) or
 * whose internal offsets point outside it. A failure is sticky and kept in
 * it->status, with it->offset at the bad descriptor. A wrong End Tag checksum
 * is reported in out->u.end_tag.checksum_ok, not as a failure. */
ACPI_MUST_USE enum acpi_status acpi_resource_next(struct acpi_resource_iter *it,
                                                  struct acpi_resource *out);

/* Element i of a 16-bit (pins) or 32-bit (interrupts) array; i < count. */
uint16_t acpi_resource_u16_at(const struct acpi_resource_array *a, size_t i);
uint32_t acpi_resource_u32_at(const struct acpi_resource_array *a, size_t i);

/* A short name for a descriptor type ("IRQ", "QWordAddressSpace" ...), never NULL. */
const char *acpi_resource_type_str(enum acpi_resource_type type);

#endif
