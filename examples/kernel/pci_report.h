/* The kernel's PCI survey (pci_types/): every function below every host
 * bridge the AML device layer found (acpi/aml_pci_root.h), each walked from
 * its root bus through bridges within its _CRS bus range, through the AML
 * host's backend (acpi/aml_host_pci.h: ECAM where the MCFG has it, else
 * 0xCF8/0xCFC); without an interpreter, bus 0 and the buses behind its
 * bridges through 0xCF8/0xCFC. Each function with class names, BARs (sized)
 * and capabilities. Where the MCFG gives an ECAM region of segment 0, a
 * brute-force scan of its every bus through ECAM must find the same
 * functions, with the same first 256 bytes as the legacy mechanism reads.
 * Prints report lines, records checks. Runs after aml_survey. */
#ifndef KERNEL_PCI_REPORT_H
#define KERNEL_PCI_REPORT_H

#include "acpi_report.h"
#include "aml_report.h"

void pci_report(const struct acpi_facts *facts, const struct aml_state *aml);

#endif
