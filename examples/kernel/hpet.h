/* The HPET's registers read through volatile/'s access-restricted register
 * types, cross-checked with the ACPI HPET table: the capabilities register
 * must name the same vendor and comparator count, and the main counter must
 * count once enabled. The block must be identity-mapped. */
#ifndef KERNEL_HPET_H
#define KERNEL_HPET_H

#include <stdint.h>

#include "acpi/hpet.h"

/* Prints an hpet-registers line and records the hpet-registers check. TABLE
 * is the parsed ACPI HPET table. Leaves the main counter running. */
void hpet_report(const struct acpi_hpet *table);

#endif
