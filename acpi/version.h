/* acpi/version.h - version of the acpi library. */
#ifndef ACPI_VERSION_H
#define ACPI_VERSION_H

#define ACPI_VERSION_MAJOR 0
#define ACPI_VERSION_MINOR 1
#define ACPI_VERSION_PATCH 0

#endif
