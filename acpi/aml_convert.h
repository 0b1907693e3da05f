/* acpi/aml_convert.h - operand resolution, the implicit conversions of ACPI 6.5,
 * 19.3.5.4-19.3.5.7 and the store rules of 19.3.5.8. Private to acpi/aml_*.c. */
#ifndef ACPI_AML_CONVERT_H
#define ACPI_AML_CONVERT_H

#include "acpi/aml_exec.h"

/* The data behind an operand: fields and buffer fields are read, Index
 * references and named-node references give their object. *out holds one
 * reference the caller puts. */
ACPI_MUST_USE enum acpi_status acpi_aml_resolve(struct acpi_aml *aml, struct aml_object *in,
                                           struct aml_object **out);
/* Implicit conversions (integers are truncated to the running code's width). */
ACPI_MUST_USE enum acpi_status acpi_aml_to_integer(struct acpi_aml *aml, struct aml_object *in,
                                              uint64_t *out);
ACPI_MUST_USE enum acpi_status acpi_aml_to_buffer(struct acpi_aml *aml, struct aml_object *in,
                                             struct aml_object **out);
ACPI_MUST_USE enum acpi_status acpi_aml_to_string(struct acpi_aml *aml, struct aml_object *in,
                                             struct aml_object **out);
/* Convert `in` to `type` (INTEGER, STRING or BUFFER) by the implicit rules. */
ACPI_MUST_USE enum acpi_status acpi_aml_convert_to(struct acpi_aml *aml, struct aml_object *in,
                                              uint8_t type, struct aml_object **out);

/* Compare two operands by the type of the first, the second converted to it
 * (ACPI 6.5, 19.6.69-71 and Match 19.6.81): *cmp is -1, 0 or 1. */
ACPI_MUST_USE enum acpi_status acpi_aml_compare(struct acpi_aml *aml, struct aml_object *a,
                                           struct aml_object *b, int *cmp);

/* Store `value` into `target` (a REFERENCE object) by the rules of 19.3.5.8;
 * with `copy_object`, CopyObject's rule (no conversion, the target is replaced). */
ACPI_MUST_USE enum acpi_status acpi_aml_store(struct acpi_aml *aml, struct aml_object *target,
                                         struct aml_object *value, bool copy_object);

/* The value of a named node used as a TermArg (fields read, data shared). */
ACPI_MUST_USE enum acpi_status acpi_aml_node_value(struct acpi_aml *aml, struct acpi_aml_node *node,
                                              struct aml_object **out);

#endif
