/* acpi/aml_sleep_state.c - \_Sx packages to SLP_TYP values (ACPI 6.5, 7.4.2). */
#include "acpi/aml_sleep_state.h"

#define SLP_TYP_MASK 0x7u

enum acpi_status acpi_aml_sleep_type(struct acpi_aml *aml, uint8_t state,
                                     struct acpi_aml_sleep_type *out)
{
    if (aml == NULL || out == NULL || state > 5) {
        return ACPI_INVALID_ARGUMENT;
    }
    char path[] = "\\_S0_";
    path[3] = (char)('0' + state);
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_evaluate_path(aml, NULL, path, NULL, 0, &v);
    if (st == ACPI_AML_UNRESOLVED_NAME) {
        st = ACPI_NOT_FOUND;
    }
    if (st != ACPI_OK) {
        return st;
    }
    *out = (struct acpi_aml_sleep_type){ .state = state };
    const struct acpi_aml_value *e = v.u.package.elements;
    if (v.type != ACPI_AML_TYPE_PACKAGE || v.u.package.count == 0 ||
        e[0].type != ACPI_AML_TYPE_INTEGER ||
        (v.u.package.count > 1 && e[1].type != ACPI_AML_TYPE_INTEGER)) {
        st = ACPI_AML_BAD_OPERAND;
    } else {
        out->elements = v.u.package.count;
        out->slp_typ_a = (uint8_t)(e[0].u.integer & SLP_TYP_MASK);
        uint64_t b = v.u.package.count > 1 ? e[1].u.integer : e[0].u.integer >> 8;
        out->slp_typ_b = (uint8_t)(b & SLP_TYP_MASK);
    }
    acpi_aml_value_release(aml, &v);
    return st;
}
