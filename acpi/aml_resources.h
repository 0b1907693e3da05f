/* acpi/aml_resources.h - a device's _CRS, _PRS and _SRS (ACPI 6.5, 6.2.2,
 * 6.2.12, 6.2.16), decoded with the descriptor walker of acpi/resource.h.
 *
 *     struct acpi_aml_value crs;
 *     if (acpi_aml_resources_get(aml, dev, ACPI_AML_CRS, &crs) == ACPI_OK) {
 *         struct acpi_resource_iter it;
 *         acpi_resource_iter_init(&it, crs.u.buffer.ptr, crs.u.buffer.len);
 *         ...
 *         acpi_aml_value_release(aml, &crs);
 *     }
 */
#ifndef ACPI_AML_RESOURCES_H
#define ACPI_AML_RESOURCES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/resource.h"
#include "acpi/status.h"

enum acpi_aml_resource_method {
    ACPI_AML_CRS, /* current resources */
    ACPI_AML_PRS, /* possible resources */
};

/* Evaluate the device's own _CRS or _PRS (methods that build the buffer at
 * run time included). On ACPI_OK *out is a Buffer the caller releases.
 * ACPI_NOT_FOUND when the device has none, ACPI_AML_BAD_OPERAND when it is
 * not a Buffer. */
ACPI_MUST_USE enum acpi_status acpi_aml_resources_get(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *device,
                                                      enum acpi_aml_resource_method which,
                                                      struct acpi_aml_value *out);

/* Walk a whole resource buffer: ACPI_OK when it ends in its End Tag (bytes
 * after it ignored), else the decoder's status. A zero-length buffer (firmware
 * returns `Buffer (Zero) {}` for "no resources") is an empty list, as ACPICA
 * repairs it into a lone End Tag (nsconvert.c). *count gets the number of
 * descriptors before the End Tag (NULL allowed). */
ACPI_MUST_USE enum acpi_status acpi_aml_resources_check(const uint8_t *bytes, size_t len,
                                                        uint32_t *count);

/* Call the device's _SRS with `len` bytes of resource template (the caller's,
 * copied by the interpreter). ACPI_NOT_FOUND when the device has no _SRS. */
ACPI_MUST_USE enum acpi_status acpi_aml_resources_set(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *device,
                                                      const uint8_t *bytes, size_t len);

/* The ready helper: a device's memory ranges, I/O ranges and interrupts from
 * its _CRS. Fixed and ranged descriptors alike give [base, base + length);
 * address space descriptors give [minimum + translation, + length) of the
 * producer or consumer (bit 0 of the general flags tells, `producer`). */
#define ACPI_AML_RANGES_MAX 16
#define ACPI_AML_IRQS_MAX 16

struct acpi_aml_range {
    uint64_t base;
    uint64_t length;
    bool producer;       /* a bridge's window rather than the device's own registers */
};

/* Interrupt polarity and trigger, as _CRS and _PRT state them. */
struct acpi_aml_irq {
    uint32_t number;     /* IRQ (legacy descriptor) or GSI (extended, without source) */
    bool edge_triggered;
    bool active_low;
    bool shared;
    bool wake_capable;
    bool extended;       /* from an Extended Interrupt descriptor */
};

struct acpi_aml_device_resources {
    struct acpi_aml_range mmio[ACPI_AML_RANGES_MAX];
    uint32_t mmio_count, mmio_total;   /* kept; in the buffer */
    struct acpi_aml_range io[ACPI_AML_RANGES_MAX];
    uint32_t io_count, io_total;
    struct acpi_aml_irq irqs[ACPI_AML_IRQS_MAX];
    uint32_t irq_count, irq_total;
    uint32_t descriptors;              /* before the End Tag */
};

/* Add one decoded descriptor to *out (interrupts, memory and I/O ranges;
 * other descriptors are ignored). */
void acpi_aml_resources_add(struct acpi_aml_device_resources *out, const struct acpi_resource *r);

/* Fill *out from a resource buffer (zero-length: an empty list, as above).
 * ACPI_OK when it ends in its End Tag, else
 * the decoder's status (what came before the bad descriptor is kept). */
ACPI_MUST_USE enum acpi_status acpi_aml_resources_summarize(const uint8_t *bytes, size_t len,
                                                            struct acpi_aml_device_resources *out);

/* Evaluate the device's _CRS and summarise it. */
ACPI_MUST_USE enum acpi_status acpi_aml_device_resources(struct acpi_aml *aml,
                                                         const struct acpi_aml_node *device,
                                                         struct acpi_aml_device_resources *out);

#endif
