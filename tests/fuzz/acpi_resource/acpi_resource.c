/* Fuzz harness: the resource descriptor iterator on an arbitrary byte stream.
 * Every descriptor, string, pin table and interrupt list it returns must lie
 * inside the stream, and the walk must end (each step consumes bytes). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/resource.h"

int fuzz_one(const uint8_t *data, size_t size);

static void inside(const void *p, size_t len, const uint8_t *data, size_t size)
{
    const uint8_t *b = p;
    if (len != 0 && (b < data || b > data + size || len > (size_t)(data + size - b)))
        abort();
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, data, size);
    size_t last = 0;
    int first = 1;
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (!first && r.offset <= last)
            abort();
        first = 0;
        last = r.offset;
        inside(r.bytes, r.length, data, size);
        switch (r.type) {
        case ACPI_RESOURCE_EXTENDED_IRQ:
            inside(r.u.extended_irq.interrupts.bytes, r.u.extended_irq.interrupts.count * 4, data, size);
            inside(r.u.extended_irq.source.name.chars, r.u.extended_irq.source.name.length, data, size);
            if (r.u.extended_irq.interrupts.count > 0)
                (void)acpi_resource_u32_at(&r.u.extended_irq.interrupts,
                                           r.u.extended_irq.interrupts.count - 1);
            break;
        case ACPI_RESOURCE_GPIO:
            inside(r.u.gpio.pins.bytes, r.u.gpio.pins.count * 2, data, size);
            inside(r.u.gpio.source.name.chars, r.u.gpio.source.name.length, data, size);
            inside(r.u.gpio.vendor.bytes, r.u.gpio.vendor.count, data, size);
            break;
        case ACPI_RESOURCE_PIN_FUNCTION:
            inside(r.u.pin_function.pins.bytes, r.u.pin_function.pins.count * 2, data, size);
            inside(r.u.pin_function.vendor.bytes, r.u.pin_function.vendor.count, data, size);
            break;
        case ACPI_RESOURCE_PIN_CONFIGURATION:
            inside(r.u.pin_configuration.pins.bytes, r.u.pin_configuration.pins.count * 2, data,
                   size);
            inside(r.u.pin_configuration.source.name.chars,
                   r.u.pin_configuration.source.name.length, data, size);
            break;
        case ACPI_RESOURCE_PIN_GROUP:
            inside(r.u.pin_group.pins.bytes, r.u.pin_group.pins.count * 2, data, size);
            inside(r.u.pin_group.label.chars, r.u.pin_group.label.length, data, size);
            break;
        case ACPI_RESOURCE_PIN_GROUP_FUNCTION:
        case ACPI_RESOURCE_PIN_GROUP_CONFIGURATION:
            inside(r.u.pin_group_function.source.name.chars,
                   r.u.pin_group_function.source.name.length, data, size);
            inside(r.u.pin_group_function.label.chars, r.u.pin_group_function.label.length,
                   data, size);
            break;
        case ACPI_RESOURCE_SERIAL_BUS:
            inside(r.u.serial_bus.type_data.bytes, r.u.serial_bus.type_data.count, data, size);
            inside(r.u.serial_bus.source.name.chars, r.u.serial_bus.source.name.length, data, size);
            break;
        case ACPI_RESOURCE_ADDRESS16:
        case ACPI_RESOURCE_ADDRESS32:
        case ACPI_RESOURCE_ADDRESS64:
            inside(r.u.address.source.name.chars, r.u.address.source.name.length, data, size);
            break;
        default:
            break;
        }
    }
    return 0;
}
