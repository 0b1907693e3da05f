/* acpi/aml_region.h - operation regions and field access (ACPI 6.5, 5.5.2.4,
 * 19.6.46-48, 19.6.64, 19.6.7): access widths, update rules, index and bank
 * fields, buffer fields, the default handlers and host-registered ones. Private
 * to acpi/aml_*.c. */
#ifndef ACPI_AML_REGION_H
#define ACPI_AML_REGION_H

#include "acpi/aml_exec.h"

/* Read a field unit: an Integer when it fits the running code's integer width,
 * else a Buffer. */
ACPI_MUST_USE enum acpi_status acpi_aml_field_read(struct acpi_aml *aml, struct aml_object *field,
                                              struct aml_object **out);
/* Write `value` (converted to an integer or a buffer) into a field unit. */
ACPI_MUST_USE enum acpi_status acpi_aml_field_write(struct acpi_aml *aml, struct aml_object *field,
                                               struct aml_object *value);
ACPI_MUST_USE enum acpi_status acpi_aml_bfield_read(struct acpi_aml *aml, struct aml_object *bf,
                                               struct aml_object **out);
ACPI_MUST_USE enum acpi_status acpi_aml_bfield_write(struct acpi_aml *aml, struct aml_object *bf,
                                                struct aml_object *value);

/* One access of `width` bytes at byte `offset` of the region node `rn`,
 * through the most specific handler. */
ACPI_MUST_USE enum acpi_status acpi_aml_region_access(struct acpi_aml *aml, struct acpi_aml_node *rn,
                                                 uint64_t offset, uint8_t width, bool write,
                                                 uint64_t *value);

/* A buffer-protocol access (SMBus, IPMI, GenericSerialBus) of `field`. */
ACPI_MUST_USE enum acpi_status acpi_aml_region_buffer_access(struct acpi_aml *aml,
                                                        const struct aml_object *field,
                                                        bool write, uint8_t *buffer,
                                                        uint32_t len);

/* Run _REG(space, 1) for every region of `space` under `device` (NULL: all). */
void acpi_aml_region_run_reg(struct acpi_aml *aml, struct acpi_aml_node *device, uint8_t space,
                        uint32_t *run, uint32_t *failed);

#endif
