/* acpi/resource.c - resource descriptor decoding (ACPI 6.5, section 6.4). */
#include "acpi/resource.h"

#include "acpi/le.h"

/* Wire layouts, header included, as ACPI 6.5 section 6.4 lays them out. */
struct irq_descriptor { uint8_t tag; uint16_t mask; uint8_t information; } __attribute__((packed));
_Static_assert(sizeof(struct irq_descriptor) == 4, "6.4.2.1");
struct dma_descriptor { uint8_t tag, channel_mask, flags; } __attribute__((packed));
_Static_assert(sizeof(struct dma_descriptor) == 3, "6.4.2.2");
struct io_port_descriptor {
    uint8_t tag, information;
    uint16_t minimum, maximum;
    uint8_t alignment, length;
} __attribute__((packed));
_Static_assert(sizeof(struct io_port_descriptor) == 8, "6.4.2.5");
struct fixed_io_descriptor { uint8_t tag; uint16_t base; uint8_t length; } __attribute__((packed));
_Static_assert(sizeof(struct fixed_io_descriptor) == 4, "6.4.2.6");
struct fixed_dma_descriptor {
    uint8_t tag;
    uint16_t request_line, channel;
    uint8_t transfer_width;
} __attribute__((packed));
_Static_assert(sizeof(struct fixed_dma_descriptor) == 6, "6.4.2.7");
struct end_tag_descriptor { uint8_t tag, checksum; } __attribute__((packed));
_Static_assert(sizeof(struct end_tag_descriptor) == 2, "6.4.2.9");

struct large_header { uint8_t tag; uint16_t length; } __attribute__((packed));
_Static_assert(sizeof(struct large_header) == 3, "6.4.3");
struct memory24_descriptor {
    struct large_header h;
    uint8_t information;
    uint16_t minimum, maximum, alignment, length;
} __attribute__((packed));
_Static_assert(sizeof(struct memory24_descriptor) == 12, "6.4.3.1");
struct generic_register_descriptor {
    struct large_header h;
    struct acpi_gas_raw gas;
} __attribute__((packed));
_Static_assert(sizeof(struct generic_register_descriptor) == 15, "6.4.3.7");
struct memory32_descriptor {
    struct large_header h;
    uint8_t information;
    uint32_t minimum, maximum, alignment, length;
} __attribute__((packed));
_Static_assert(sizeof(struct memory32_descriptor) == 20, "6.4.3.3");
struct fixed_memory32_descriptor {
    struct large_header h;
    uint8_t information;
    uint32_t base, length;
} __attribute__((packed));
_Static_assert(sizeof(struct fixed_memory32_descriptor) == 12, "6.4.3.4");
struct word_address_descriptor {
    struct large_header h;
    uint8_t resource_type, general_flags, type_specific_flags;
    uint16_t granularity, minimum, maximum, translation_offset, length;
} __attribute__((packed));
_Static_assert(sizeof(struct word_address_descriptor) == 16, "6.4.3.5.3");
struct dword_address_descriptor {
    struct large_header h;
    uint8_t resource_type, general_flags, type_specific_flags;
    uint32_t granularity, minimum, maximum, translation_offset, length;
} __attribute__((packed));
_Static_assert(sizeof(struct dword_address_descriptor) == 26, "6.4.3.5.2");
struct qword_address_descriptor {
    struct large_header h;
    uint8_t resource_type, general_flags, type_specific_flags;
    uint64_t granularity, minimum, maximum, translation_offset, length;
} __attribute__((packed));
_Static_assert(sizeof(struct qword_address_descriptor) == 46, "6.4.3.5.1");
struct extended_address_descriptor {
    struct large_header h;
    uint8_t resource_type, general_flags, type_specific_flags, revision_id, reserved;
    uint64_t granularity, minimum, maximum, translation_offset, length;
    uint64_t type_specific_attribute;
} __attribute__((packed));
_Static_assert(sizeof(struct extended_address_descriptor) == 56, "6.4.3.5.4");
struct extended_irq_descriptor {
    struct large_header h;
    uint8_t flags, interrupt_table_length;
} __attribute__((packed));
_Static_assert(sizeof(struct extended_irq_descriptor) == 5, "6.4.3.6");
struct gpio_descriptor {
    struct large_header h;
    uint8_t revision_id, connection_type;
    uint16_t general_flags, interrupt_io_flags;
    uint8_t pin_configuration;
    uint16_t output_drive_strength, debounce_timeout, pin_table_offset;
    uint8_t resource_source_index;
    uint16_t resource_source_name_offset, vendor_data_offset, vendor_data_length;
} __attribute__((packed));
_Static_assert(sizeof(struct gpio_descriptor) == 23, "6.4.3.8.1");
struct pin_function_descriptor {
    struct large_header h;
    uint8_t revision_id;
    uint16_t flags;
    uint8_t pin_pull_configuration;
    uint16_t function_number, pin_table_offset;
    uint8_t resource_source_index;
    uint16_t resource_source_name_offset, vendor_data_offset, vendor_data_length;
} __attribute__((packed));
_Static_assert(sizeof(struct pin_function_descriptor) == 18, "6.4.3.9");
struct serial_bus_descriptor {
    struct large_header h;
    uint8_t revision_id, resource_source_index, serial_bus_type, general_flags;
    uint16_t type_specific_flags;
    uint8_t type_specific_revision_id;
    uint16_t type_data_length;
} __attribute__((packed));
_Static_assert(sizeof(struct serial_bus_descriptor) == 12, "6.4.3.8.2");
struct pin_configuration_descriptor {
    struct large_header h;
    uint8_t revision_id;
    uint16_t flags;
    uint8_t pin_configuration_type;
    uint32_t pin_configuration_value;
    uint16_t pin_table_offset;
    uint8_t resource_source_index;
    uint16_t resource_source_name_offset, vendor_data_offset, vendor_data_length;
} __attribute__((packed));
_Static_assert(sizeof(struct pin_configuration_descriptor) == 20, "6.4.3.10");
struct pin_group_descriptor {
    struct large_header h;
    uint8_t revision_id;
    uint16_t flags, pin_table_offset, resource_label_offset;
    uint16_t vendor_data_offset, vendor_data_length;
} __attribute__((packed));
_Static_assert(sizeof(struct pin_group_descriptor) == 14, "6.4.3.11");
struct pin_group_function_descriptor {
    struct large_header h;
    uint8_t revision_id;
    uint16_t flags, function_number;
    uint8_t resource_source_index;
    uint16_t resource_source_name_offset, resource_source_label_offset;
    uint16_t vendor_data_offset, vendor_data_length;
} __attribute__((packed));
_Static_assert(sizeof(struct pin_group_function_descriptor) == 17, "6.4.3.12");
struct pin_group_configuration_descriptor {
    struct large_header h;
    uint8_t revision_id;
    uint16_t flags;
    uint8_t pin_configuration_type;
    uint32_t pin_configuration_value;
    uint8_t resource_source_index;
    uint16_t resource_source_name_offset, resource_source_label_offset;
    uint16_t vendor_data_offset, vendor_data_length;
} __attribute__((packed));
_Static_assert(sizeof(struct pin_group_configuration_descriptor) == 20, "6.4.3.13");
struct clock_input_descriptor {
    struct large_header h;
    uint8_t revision_id;
    uint16_t flags, frequency_divisor;
    uint32_t frequency_numerator;
} __attribute__((packed));
_Static_assert(sizeof(struct clock_input_descriptor) == 12, "6.4.3.14");

/* Bytes of type-specific data each serial bus type needs (6.4.3.8.2.x). */
#define I2C_TYPE_DATA 6u
#define SPI_TYPE_DATA 9u
#define UART_TYPE_DATA 10u

#define F8(p, T, f) ((p)[offsetof(T, f)])
#define F16(p, T, f) acpi_le16((p) + offsetof(T, f))
#define F32(p, T, f) acpi_le32((p) + offsetof(T, f))
#define F64(p, T, f) acpi_le64((p) + offsetof(T, f))

void acpi_resource_iter_init(struct acpi_resource_iter *it, const void *bytes, size_t len)
{
    it->bytes = bytes;
    it->length = bytes != NULL ? len : 0;
    it->offset = 0;
    it->status = ACPI_OK;
}

uint16_t acpi_resource_u16_at(const struct acpi_resource_array *a, size_t i)
{
    return acpi_le16(a->bytes + 2 * i);
}

uint32_t acpi_resource_u32_at(const struct acpi_resource_array *a, size_t i)
{
    return acpi_le32(a->bytes + 4 * i);
}

/* A string from p[start] up to a NUL or p[end]. */
static struct acpi_resource_string string_at(const uint8_t *p, size_t start, size_t end)
{
    size_t n = 0;
    while (start + n < end && p[start + n] != 0)
        n++;
    return (struct acpi_resource_string){(const char *)(p + start), n};
}

/* The optional Resource Source Index and Resource Source after the fixed
 * part of address, extended interrupt and clock descriptors (6.4.3.5). */
static struct acpi_resource_source trailing_source(const uint8_t *p, size_t fixed, size_t total)
{
    struct acpi_resource_source s = {0};
    if (total > fixed) {
        s.present = true;
        s.index = p[fixed];
        s.name = string_at(p, fixed + 1, total);
    }
    return s;
}

/* Offsets inside a pin-style descriptor (GPIO, pin function/configuration/
 * group): pins from `pins` to `name`, a name from `name` to the vendor data
 * (or the end when the vendor offset is 0), vendor data within the
 * descriptor. All offsets count from the descriptor's first byte. */
struct pin_layout {
    size_t fixed, total;
    uint16_t pins, name, vendor_offset, vendor_length;
    bool has_pins;
};

static bool pin_layout_ok(const struct pin_layout *l)
{
    size_t name_end = l->vendor_offset != 0 ? l->vendor_offset : l->total;
    if (l->has_pins && (l->pins < l->fixed || l->pins > l->name || (l->name - l->pins) % 2 != 0))
        return false;
    if (l->name < l->fixed || l->name > name_end || name_end > l->total)
        return false;
    if (l->vendor_length != 0 &&
        (l->vendor_offset < l->fixed || l->vendor_offset > l->total ||
         l->vendor_length > l->total - l->vendor_offset))
        return false;
    return true;
}

static size_t name_end(const struct pin_layout *l)
{
    return l->vendor_offset != 0 ? l->vendor_offset : l->total;
}

static struct acpi_resource_array vendor_of(const uint8_t *p, const struct pin_layout *l)
{
    if (l->vendor_length == 0)
        return (struct acpi_resource_array){NULL, 0};
    return (struct acpi_resource_array){p + l->vendor_offset, l->vendor_length};
}

static enum acpi_status decode_small(const uint8_t *p, size_t len, struct acpi_resource *r)
{
    /* Table 6.32: byte 0 = 0 | name (4 bits) | length (3 bits). */
    switch (r->name) {
    case ACPI_RESOURCE_SMALL_IRQ: /* 6.4.2.1: 2 or 3 bytes of data */
        if (len != 2 && len != 3)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_IRQ;
        r->u.irq.mask = F16(p, struct irq_descriptor, mask);
        r->u.irq.has_information = len == 3;
        /* Without the byte: high true, edge sensitive, not shared. */
        r->u.irq.information = len == 3 ? F8(p, struct irq_descriptor, information) : 0x01;
        r->u.irq.edge_triggered = (r->u.irq.information & 0x01) != 0;
        r->u.irq.active_low = (r->u.irq.information & 0x08) != 0;
        r->u.irq.shared = (r->u.irq.information & 0x10) != 0;
        r->u.irq.wake_capable = (r->u.irq.information & 0x20) != 0;
        return ACPI_OK;
    case ACPI_RESOURCE_SMALL_DMA: /* 6.4.2.2 */
        if (len != 2)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_DMA;
        r->u.dma.channel_mask = F8(p, struct dma_descriptor, channel_mask);
        r->u.dma.flags = F8(p, struct dma_descriptor, flags);
        return ACPI_OK;
    case ACPI_RESOURCE_SMALL_START_DEPENDENT: /* 6.4.2.3: 0 or 1 byte */
        if (len > 1)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_START_DEPENDENT;
        r->u.start_dependent.has_priority = len == 1;
        r->u.start_dependent.priority = len == 1 ? p[1] : 0;
        return ACPI_OK;
    case ACPI_RESOURCE_SMALL_END_DEPENDENT: /* 6.4.2.4 */
        if (len != 0)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_END_DEPENDENT;
        return ACPI_OK;
    case ACPI_RESOURCE_SMALL_IO: { /* 6.4.2.5 */
        typedef struct io_port_descriptor T;
        if (len != sizeof(T) - 1)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_IO;
        r->u.io.information = F8(p, T, information);
        r->u.io.minimum = F16(p, T, minimum);
        r->u.io.maximum = F16(p, T, maximum);
        r->u.io.alignment = F8(p, T, alignment);
        r->u.io.length = F8(p, T, length);
        return ACPI_OK;
    }
    case ACPI_RESOURCE_SMALL_FIXED_IO: { /* 6.4.2.6 */
        typedef struct fixed_io_descriptor T;
        if (len != sizeof(T) - 1)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_FIXED_IO;
        r->u.fixed_io.base = F16(p, T, base);
        r->u.fixed_io.length = F8(p, T, length);
        return ACPI_OK;
    }
    case ACPI_RESOURCE_SMALL_FIXED_DMA: { /* 6.4.2.7 */
        typedef struct fixed_dma_descriptor T;
        if (len != sizeof(T) - 1)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_FIXED_DMA;
        r->u.fixed_dma.request_line = F16(p, T, request_line);
        r->u.fixed_dma.channel = F16(p, T, channel);
        r->u.fixed_dma.transfer_width = F8(p, T, transfer_width);
        return ACPI_OK;
    }
    case ACPI_RESOURCE_SMALL_VENDOR: /* 6.4.2.8: 1 to 7 bytes */
        if (len == 0)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_VENDOR_SMALL;
        r->u.vendor.data = p + 1;
        r->u.vendor.length = len;
        return ACPI_OK;
    case ACPI_RESOURCE_SMALL_END_TAG: /* 6.4.2.9 */
        if (len != 1)
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_END_TAG;
        r->u.end_tag.checksum = p[1];
        return ACPI_OK;
    default:
        r->type = ACPI_RESOURCE_RESERVED;
        return ACPI_OK;
    }
}

static void decode_address(const uint8_t *p, size_t total, struct acpi_resource *r)
{
    struct acpi_resource_address *a = &r->u.address;
    /* The first three data bytes are common to every address descriptor. */
    a->resource_type = p[3];
    a->general_flags = p[4];
    a->type_specific_flags = p[5];
    switch (r->name) {
    case ACPI_RESOURCE_LARGE_WORD_ADDRESS: {
        typedef struct word_address_descriptor T;
        r->type = ACPI_RESOURCE_ADDRESS16;
        a->granularity = F16(p, T, granularity);
        a->minimum = F16(p, T, minimum);
        a->maximum = F16(p, T, maximum);
        a->translation_offset = F16(p, T, translation_offset);
        a->length = F16(p, T, length);
        a->source = trailing_source(p, sizeof(T), total);
        break;
    }
    case ACPI_RESOURCE_LARGE_DWORD_ADDRESS: {
        typedef struct dword_address_descriptor T;
        r->type = ACPI_RESOURCE_ADDRESS32;
        a->granularity = F32(p, T, granularity);
        a->minimum = F32(p, T, minimum);
        a->maximum = F32(p, T, maximum);
        a->translation_offset = F32(p, T, translation_offset);
        a->length = F32(p, T, length);
        a->source = trailing_source(p, sizeof(T), total);
        break;
    }
    case ACPI_RESOURCE_LARGE_QWORD_ADDRESS: {
        typedef struct qword_address_descriptor T;
        r->type = ACPI_RESOURCE_ADDRESS64;
        a->granularity = F64(p, T, granularity);
        a->minimum = F64(p, T, minimum);
        a->maximum = F64(p, T, maximum);
        a->translation_offset = F64(p, T, translation_offset);
        a->length = F64(p, T, length);
        a->source = trailing_source(p, sizeof(T), total);
        break;
    }
    default: {
        typedef struct extended_address_descriptor T;
        r->type = ACPI_RESOURCE_EXTENDED_ADDRESS;
        a->revision_id = F8(p, T, revision_id);
        a->granularity = F64(p, T, granularity);
        a->minimum = F64(p, T, minimum);
        a->maximum = F64(p, T, maximum);
        a->translation_offset = F64(p, T, translation_offset);
        a->length = F64(p, T, length);
        a->type_specific_attribute = F64(p, T, type_specific_attribute);
        break;
    }
    }
}

static enum acpi_status decode_gpio(const uint8_t *p, size_t total, struct acpi_resource *r)
{
    typedef struct gpio_descriptor T;
    struct pin_layout l = {sizeof(T), total, F16(p, T, pin_table_offset),
                           F16(p, T, resource_source_name_offset), F16(p, T, vendor_data_offset),
                           F16(p, T, vendor_data_length), true};
    if (!pin_layout_ok(&l))
        return ACPI_BAD_ENTRY;
    r->type = ACPI_RESOURCE_GPIO;
    r->u.gpio.revision_id = F8(p, T, revision_id);
    r->u.gpio.connection_type = F8(p, T, connection_type);
    r->u.gpio.general_flags = F16(p, T, general_flags);
    r->u.gpio.interrupt_io_flags = F16(p, T, interrupt_io_flags);
    r->u.gpio.pin_configuration = F8(p, T, pin_configuration);
    r->u.gpio.output_drive_strength = F16(p, T, output_drive_strength);
    r->u.gpio.debounce_timeout = F16(p, T, debounce_timeout);
    r->u.gpio.pins = (struct acpi_resource_array){p + l.pins, (size_t)(l.name - l.pins) / 2};
    r->u.gpio.source.present = true;
    r->u.gpio.source.index = F8(p, T, resource_source_index);
    r->u.gpio.source.name = string_at(p, l.name, name_end(&l));
    r->u.gpio.vendor = vendor_of(p, &l);
    return ACPI_OK;
}

static enum acpi_status decode_pin_function(const uint8_t *p, size_t total,
                                            struct acpi_resource *r)
{
    typedef struct pin_function_descriptor T;
    struct pin_layout l = {sizeof(T), total, F16(p, T, pin_table_offset),
                           F16(p, T, resource_source_name_offset), F16(p, T, vendor_data_offset),
                           F16(p, T, vendor_data_length), true};
    if (!pin_layout_ok(&l))
        return ACPI_BAD_ENTRY;
    r->type = ACPI_RESOURCE_PIN_FUNCTION;
    r->u.pin_function.revision_id = F8(p, T, revision_id);
    r->u.pin_function.flags = F16(p, T, flags);
    r->u.pin_function.pin_pull_configuration = F8(p, T, pin_pull_configuration);
    r->u.pin_function.function_number = F16(p, T, function_number);
    r->u.pin_function.pins = (struct acpi_resource_array){p + l.pins, (size_t)(l.name - l.pins) / 2};
    r->u.pin_function.source.present = true;
    r->u.pin_function.source.index = F8(p, T, resource_source_index);
    r->u.pin_function.source.name = string_at(p, l.name, name_end(&l));
    r->u.pin_function.vendor = vendor_of(p, &l);
    return ACPI_OK;
}

static enum acpi_status decode_pin_configuration(const uint8_t *p, size_t total,
                                                 struct acpi_resource *r)
{
    typedef struct pin_configuration_descriptor T;
    struct pin_layout l = {sizeof(T), total, F16(p, T, pin_table_offset),
                           F16(p, T, resource_source_name_offset), F16(p, T, vendor_data_offset),
                           F16(p, T, vendor_data_length), true};
    if (!pin_layout_ok(&l))
        return ACPI_BAD_ENTRY;
    r->type = ACPI_RESOURCE_PIN_CONFIGURATION;
    r->u.pin_configuration.revision_id = F8(p, T, revision_id);
    r->u.pin_configuration.flags = F16(p, T, flags);
    r->u.pin_configuration.pin_configuration_type = F8(p, T, pin_configuration_type);
    r->u.pin_configuration.pin_configuration_value = F32(p, T, pin_configuration_value);
    r->u.pin_configuration.pins =
        (struct acpi_resource_array){p + l.pins, (size_t)(l.name - l.pins) / 2};
    r->u.pin_configuration.source.present = true;
    r->u.pin_configuration.source.index = F8(p, T, resource_source_index);
    r->u.pin_configuration.source.name = string_at(p, l.name, name_end(&l));
    r->u.pin_configuration.vendor = vendor_of(p, &l);
    return ACPI_OK;
}

static enum acpi_status decode_pin_group(const uint8_t *p, size_t total, struct acpi_resource *r)
{
    typedef struct pin_group_descriptor T;
    struct pin_layout l = {sizeof(T), total, F16(p, T, pin_table_offset),
                           F16(p, T, resource_label_offset), F16(p, T, vendor_data_offset),
                           F16(p, T, vendor_data_length), true};
    if (!pin_layout_ok(&l))
        return ACPI_BAD_ENTRY;
    r->type = ACPI_RESOURCE_PIN_GROUP;
    r->u.pin_group.revision_id = F8(p, T, revision_id);
    r->u.pin_group.flags = F16(p, T, flags);
    r->u.pin_group.pins = (struct acpi_resource_array){p + l.pins, (size_t)(l.name - l.pins) / 2};
    r->u.pin_group.label = string_at(p, l.name, name_end(&l));
    r->u.pin_group.vendor = vendor_of(p, &l);
    return ACPI_OK;
}

/* Pin Group Function and Pin Group Configuration: a resource source name,
 * then a resource source label, then vendor data (6.4.3.12, 6.4.3.13). */
static enum acpi_status decode_pin_group_ref(const uint8_t *p, size_t total, size_t fixed,
                                             uint8_t index, uint16_t name, uint16_t label,
                                             uint16_t vendor_offset, uint16_t vendor_length,
                                             struct acpi_resource *r)
{
    struct pin_layout l = {fixed, total, 0, label, vendor_offset, vendor_length, false};
    if (!pin_layout_ok(&l) || name < fixed || name > label)
        return ACPI_BAD_ENTRY;
    r->u.pin_group_function.source.present = true;
    r->u.pin_group_function.source.index = index;
    r->u.pin_group_function.source.name = string_at(p, name, label);
    r->u.pin_group_function.label = string_at(p, label, name_end(&l));
    r->u.pin_group_function.vendor = vendor_of(p, &l);
    return ACPI_OK;
}

static enum acpi_status decode_pin_group_function(const uint8_t *p, size_t total,
                                                  struct acpi_resource *r)
{
    typedef struct pin_group_function_descriptor T;
    r->type = ACPI_RESOURCE_PIN_GROUP_FUNCTION;
    r->u.pin_group_function.revision_id = F8(p, T, revision_id);
    r->u.pin_group_function.flags = F16(p, T, flags);
    r->u.pin_group_function.function_number = F16(p, T, function_number);
    return decode_pin_group_ref(p, total, sizeof(T), F8(p, T, resource_source_index),
                                F16(p, T, resource_source_name_offset),
                                F16(p, T, resource_source_label_offset),
                                F16(p, T, vendor_data_offset), F16(p, T, vendor_data_length), r);
}

static enum acpi_status decode_pin_group_configuration(const uint8_t *p, size_t total,
                                                       struct acpi_resource *r)
{
    typedef struct pin_group_configuration_descriptor T;
    r->type = ACPI_RESOURCE_PIN_GROUP_CONFIGURATION;
    r->u.pin_group_function.revision_id = F8(p, T, revision_id);
    r->u.pin_group_function.flags = F16(p, T, flags);
    r->u.pin_group_function.pin_configuration_type = F8(p, T, pin_configuration_type);
    r->u.pin_group_function.pin_configuration_value = F32(p, T, pin_configuration_value);
    return decode_pin_group_ref(p, total, sizeof(T), F8(p, T, resource_source_index),
                                F16(p, T, resource_source_name_offset),
                                F16(p, T, resource_source_label_offset),
                                F16(p, T, vendor_data_offset), F16(p, T, vendor_data_length), r);
}

static enum acpi_status decode_serial_bus(const uint8_t *p, size_t total, struct acpi_resource *r)
{
    typedef struct serial_bus_descriptor T;
    uint16_t tlen = F16(p, T, type_data_length);
    if (tlen > total - sizeof(T))
        return ACPI_BAD_ENTRY;
    uint8_t bus = F8(p, T, serial_bus_type);
    const uint8_t *d = p + sizeof(T);
    r->type = ACPI_RESOURCE_SERIAL_BUS;
    r->u.serial_bus.revision_id = F8(p, T, revision_id);
    r->u.serial_bus.serial_bus_type = bus;
    r->u.serial_bus.general_flags = F8(p, T, general_flags);
    r->u.serial_bus.type_specific_flags = F16(p, T, type_specific_flags);
    r->u.serial_bus.type_revision_id = F8(p, T, type_specific_revision_id);
    r->u.serial_bus.type_data = (struct acpi_resource_array){d, tlen};
    r->u.serial_bus.source.present = true;
    r->u.serial_bus.source.index = F8(p, T, resource_source_index);
    r->u.serial_bus.source.name = string_at(p, sizeof(T) + tlen, total);
    switch (bus) {
    case ACPI_RESOURCE_SERIAL_I2C: /* 6.4.3.8.2.1: speed (4), slave address (2) */
        if (tlen < I2C_TYPE_DATA)
            return ACPI_BAD_ENTRY;
        r->u.serial_bus.connection_speed = acpi_le32(d);
        r->u.serial_bus.slave_address = acpi_le16(d + 4);
        break;
    case ACPI_RESOURCE_SERIAL_SPI: /* 6.4.3.8.2.2: speed, bits, phase, polarity, select */
        if (tlen < SPI_TYPE_DATA)
            return ACPI_BAD_ENTRY;
        r->u.serial_bus.connection_speed = acpi_le32(d);
        r->u.serial_bus.data_bit_length = d[4];
        r->u.serial_bus.clock_phase = d[5];
        r->u.serial_bus.clock_polarity = d[6];
        r->u.serial_bus.device_selection = acpi_le16(d + 7);
        break;
    case ACPI_RESOURCE_SERIAL_UART: /* 6.4.3.8.2.3: baud, rx/tx FIFO, parity, lines */
        if (tlen < UART_TYPE_DATA)
            return ACPI_BAD_ENTRY;
        r->u.serial_bus.connection_speed = acpi_le32(d);
        r->u.serial_bus.rx_fifo_size = acpi_le16(d + 4);
        r->u.serial_bus.tx_fifo_size = acpi_le16(d + 6);
        r->u.serial_bus.parity = d[8];
        r->u.serial_bus.serial_lines_enabled = d[9];
        break;
    default: /* CSI-2 (6.4.3.8.2.4) carries all it says in its flags */
        break;
    }
    return ACPI_OK;
}

/* Smallest data length of each large item; `exact` when no more is allowed. */
static bool large_length_ok(uint8_t name, size_t total)
{
    switch (name) {
    case ACPI_RESOURCE_LARGE_MEMORY24: return total == sizeof(struct memory24_descriptor);
    case ACPI_RESOURCE_LARGE_GENERIC_REGISTER:
        return total == sizeof(struct generic_register_descriptor);
    case ACPI_RESOURCE_LARGE_MEMORY32: return total == sizeof(struct memory32_descriptor);
    case ACPI_RESOURCE_LARGE_FIXED_MEMORY32:
        return total == sizeof(struct fixed_memory32_descriptor);
    case ACPI_RESOURCE_LARGE_WORD_ADDRESS: return total >= sizeof(struct word_address_descriptor);
    case ACPI_RESOURCE_LARGE_DWORD_ADDRESS:
        return total >= sizeof(struct dword_address_descriptor);
    case ACPI_RESOURCE_LARGE_QWORD_ADDRESS:
        return total >= sizeof(struct qword_address_descriptor);
    case ACPI_RESOURCE_LARGE_EXTENDED_ADDRESS:
        return total == sizeof(struct extended_address_descriptor);
    case ACPI_RESOURCE_LARGE_EXTENDED_IRQ:
        return total >= sizeof(struct extended_irq_descriptor) + 4;
    case ACPI_RESOURCE_LARGE_GPIO: return total >= sizeof(struct gpio_descriptor);
    case ACPI_RESOURCE_LARGE_PIN_FUNCTION: return total >= sizeof(struct pin_function_descriptor);
    case ACPI_RESOURCE_LARGE_SERIAL_BUS: return total >= sizeof(struct serial_bus_descriptor);
    case ACPI_RESOURCE_LARGE_PIN_CONFIGURATION:
        return total >= sizeof(struct pin_configuration_descriptor);
    case ACPI_RESOURCE_LARGE_PIN_GROUP: return total >= sizeof(struct pin_group_descriptor);
    case ACPI_RESOURCE_LARGE_PIN_GROUP_FUNCTION:
        return total >= sizeof(struct pin_group_function_descriptor);
    case ACPI_RESOURCE_LARGE_PIN_GROUP_CONFIGURATION:
        return total >= sizeof(struct pin_group_configuration_descriptor);
    case ACPI_RESOURCE_LARGE_CLOCK_INPUT: return total >= sizeof(struct clock_input_descriptor);
    default: return true; /* reserved: the length alone is all we know */
    }
}

static enum acpi_status decode_large(const uint8_t *p, size_t total, struct acpi_resource *r)
{
    if (!large_length_ok(r->name, total))
        return ACPI_BAD_ENTRY;
    switch (r->name) {
    case ACPI_RESOURCE_LARGE_MEMORY24: {
        typedef struct memory24_descriptor T;
        r->type = ACPI_RESOURCE_MEMORY24;
        r->u.memory24.information = F8(p, T, information);
        /* 6.4.3.1: minimum/maximum hold address bits 23:8; alignment is in
         * bytes (0 meaning 64 KiB); length counts 256-byte blocks. */
        r->u.memory24.minimum = (uint32_t)F16(p, T, minimum) << 8;
        r->u.memory24.maximum = (uint32_t)F16(p, T, maximum) << 8;
        r->u.memory24.alignment = F16(p, T, alignment);
        r->u.memory24.length = (uint32_t)F16(p, T, length) << 8;
        return ACPI_OK;
    }
    case ACPI_RESOURCE_LARGE_GENERIC_REGISTER:
        r->type = ACPI_RESOURCE_GENERIC_REGISTER;
        return acpi_gas_parse(p + offsetof(struct generic_register_descriptor, gas),
                              ACPI_GAS_LENGTH, &r->u.generic_register);
    case ACPI_RESOURCE_LARGE_VENDOR: /* 6.4.3.2 */
        r->type = ACPI_RESOURCE_VENDOR_LARGE;
        r->u.vendor.data = p + 3;
        r->u.vendor.length = total - 3;
        /* ACPI 3.0 on: UUID sub type (1) and UUID (16) open the data. */
        if (total - 3 >= 17) {
            r->u.vendor.has_uuid = true;
            r->u.vendor.uuid_subtype = p[3];
            r->u.vendor.uuid = p + 4;
        }
        return ACPI_OK;
    case ACPI_RESOURCE_LARGE_MEMORY32: {
        typedef struct memory32_descriptor T;
        r->type = ACPI_RESOURCE_MEMORY32;
        r->u.memory32.information = F8(p, T, information);
        r->u.memory32.minimum = F32(p, T, minimum);
        r->u.memory32.maximum = F32(p, T, maximum);
        r->u.memory32.alignment = F32(p, T, alignment);
        r->u.memory32.length = F32(p, T, length);
        return ACPI_OK;
    }
    case ACPI_RESOURCE_LARGE_FIXED_MEMORY32: {
        typedef struct fixed_memory32_descriptor T;
        r->type = ACPI_RESOURCE_FIXED_MEMORY32;
        r->u.fixed_memory32.information = F8(p, T, information);
        r->u.fixed_memory32.base = F32(p, T, base);
        r->u.fixed_memory32.length = F32(p, T, length);
        return ACPI_OK;
    }
    case ACPI_RESOURCE_LARGE_WORD_ADDRESS:
    case ACPI_RESOURCE_LARGE_DWORD_ADDRESS:
    case ACPI_RESOURCE_LARGE_QWORD_ADDRESS:
    case ACPI_RESOURCE_LARGE_EXTENDED_ADDRESS:
        decode_address(p, total, r);
        return ACPI_OK;
    case ACPI_RESOURCE_LARGE_EXTENDED_IRQ: { /* 6.4.3.6 */
        typedef struct extended_irq_descriptor T;
        size_t count = F8(p, T, interrupt_table_length);
        if (count == 0 || count * 4 > total - sizeof(T))
            return ACPI_BAD_ENTRY;
        r->type = ACPI_RESOURCE_EXTENDED_IRQ;
        r->u.extended_irq.flags = F8(p, T, flags);
        r->u.extended_irq.interrupts = (struct acpi_resource_array){p + sizeof(T), count};
        r->u.extended_irq.source = trailing_source(p, sizeof(T) + count * 4, total);
        return ACPI_OK;
    }
    case ACPI_RESOURCE_LARGE_GPIO: return decode_gpio(p, total, r);
    case ACPI_RESOURCE_LARGE_PIN_FUNCTION: return decode_pin_function(p, total, r);
    case ACPI_RESOURCE_LARGE_SERIAL_BUS: return decode_serial_bus(p, total, r);
    case ACPI_RESOURCE_LARGE_PIN_CONFIGURATION: return decode_pin_configuration(p, total, r);
    case ACPI_RESOURCE_LARGE_PIN_GROUP: return decode_pin_group(p, total, r);
    case ACPI_RESOURCE_LARGE_PIN_GROUP_FUNCTION: return decode_pin_group_function(p, total, r);
    case ACPI_RESOURCE_LARGE_PIN_GROUP_CONFIGURATION:
        return decode_pin_group_configuration(p, total, r);
    case ACPI_RESOURCE_LARGE_CLOCK_INPUT: {
        typedef struct clock_input_descriptor T;
        r->type = ACPI_RESOURCE_CLOCK_INPUT;
        r->u.clock_input.revision_id = F8(p, T, revision_id);
        r->u.clock_input.flags = F16(p, T, flags);
        r->u.clock_input.frequency_divisor = F16(p, T, frequency_divisor);
        r->u.clock_input.frequency_numerator = F32(p, T, frequency_numerator);
        r->u.clock_input.source = trailing_source(p, sizeof(T), total);
        return ACPI_OK;
    }
    default:
        r->type = ACPI_RESOURCE_RESERVED;
        return ACPI_OK;
    }
}

enum acpi_status acpi_resource_next(struct acpi_resource_iter *it, struct acpi_resource *out)
{
    if (it->status != ACPI_OK)
        return it->status;
    if (it->offset >= it->length)
        return it->status = ACPI_TRUNCATED; /* no End Tag */
    const uint8_t *p = it->bytes + it->offset;
    size_t room = it->length - it->offset;
    *out = (struct acpi_resource){0};
    out->offset = (uint32_t)it->offset;
    out->bytes = p;
    size_t total;
    enum acpi_status st;
    if (p[0] & 0x80) {
        /* 6.4.3: large item: name in bits 6:0, 16-bit length of the data. */
        if (room < sizeof(struct large_header))
            return it->status = ACPI_TRUNCATED;
        total = sizeof(struct large_header) + acpi_le16(p + 1);
        if (total > room)
            return it->status = ACPI_TRUNCATED;
        out->large = true;
        out->name = p[0] & 0x7F;
        out->length = total;
        st = decode_large(p, total, out);
    } else {
        total = 1u + (p[0] & 0x07u);
        if (total > room)
            return it->status = ACPI_TRUNCATED;
        out->name = (p[0] >> 3) & 0x0F;
        out->length = total;
        st = decode_small(p, total - 1, out);
    }
    if (st != ACPI_OK)
        return it->status = ACPI_BAD_ENTRY;
    it->offset += total;
    if (out->type == ACPI_RESOURCE_END_TAG) {
        /* 6.4.2.9: a zero checksum means "not computed"; otherwise every
         * byte of the template, the checksum included, sums to zero. */
        uint8_t sum = 0;
        for (size_t i = 0; i < it->offset; i++)
            sum = (uint8_t)(sum + it->bytes[i]);
        out->u.end_tag.checksum_ok = out->u.end_tag.checksum == 0 || sum == 0;
        it->status = ACPI_END; /* the caller still gets this descriptor */
    }
    return ACPI_OK;
}

const char *acpi_resource_type_str(enum acpi_resource_type type)
{
    switch (type) {
    case ACPI_RESOURCE_IRQ: return "IRQ";
    case ACPI_RESOURCE_DMA: return "DMA";
    case ACPI_RESOURCE_START_DEPENDENT: return "StartDependentFn";
    case ACPI_RESOURCE_END_DEPENDENT: return "EndDependentFn";
    case ACPI_RESOURCE_IO: return "IO";
    case ACPI_RESOURCE_FIXED_IO: return "FixedIO";
    case ACPI_RESOURCE_FIXED_DMA: return "FixedDMA";
    case ACPI_RESOURCE_VENDOR_SMALL: return "VendorShort";
    case ACPI_RESOURCE_END_TAG: return "EndTag";
    case ACPI_RESOURCE_MEMORY24: return "Memory24";
    case ACPI_RESOURCE_GENERIC_REGISTER: return "Register";
    case ACPI_RESOURCE_VENDOR_LARGE: return "VendorLong";
    case ACPI_RESOURCE_MEMORY32: return "Memory32";
    case ACPI_RESOURCE_FIXED_MEMORY32: return "Memory32Fixed";
    case ACPI_RESOURCE_ADDRESS16: return "WordSpace";
    case ACPI_RESOURCE_ADDRESS32: return "DWordSpace";
    case ACPI_RESOURCE_ADDRESS64: return "QWordSpace";
    case ACPI_RESOURCE_EXTENDED_ADDRESS: return "ExtendedSpace";
    case ACPI_RESOURCE_EXTENDED_IRQ: return "Interrupt";
    case ACPI_RESOURCE_GPIO: return "GpioConnection";
    case ACPI_RESOURCE_PIN_FUNCTION: return "PinFunction";
    case ACPI_RESOURCE_SERIAL_BUS: return "SerialBus";
    case ACPI_RESOURCE_PIN_CONFIGURATION: return "PinConfig";
    case ACPI_RESOURCE_PIN_GROUP: return "PinGroup";
    case ACPI_RESOURCE_PIN_GROUP_FUNCTION: return "PinGroupFunction";
    case ACPI_RESOURCE_PIN_GROUP_CONFIGURATION: return "PinGroupConfig";
    case ACPI_RESOURCE_CLOCK_INPUT: return "ClockInput";
    case ACPI_RESOURCE_RESERVED: return "Reserved";
    }
    return "unknown";
}
