/* The kernel's PCI survey (pci_types/): every function found through the
 * legacy 0xCF8/0xCFC mechanism (bus 0 and the buses behind bridges), with
 * class names, BARs (sized) and capabilities; where the MCFG gives an ECAM
 * region, a brute-force scan of its every bus through ECAM, which must find
 * the same functions with the same first 256 bytes of configuration space.
 * Prints report lines, records checks. */
#ifndef KERNEL_PCI_REPORT_H
#define KERNEL_PCI_REPORT_H

#include "acpi_report.h"

void pci_report(const struct acpi_facts *facts);

#endif
