/* pci_types/status.c - descriptions of enum pci_status. */
#include "pci_types/status.h"

const char *pci_status_str(enum pci_status status)
{
    switch (status) {
    case PCI_OK: return "ok";
    case PCI_END: return "end of iteration";
    case PCI_NOT_FOUND: return "not found";
    case PCI_INVALID_ARGUMENT: return "invalid argument";
    case PCI_BAD_OFFSET: return "offset outside configuration space or misaligned";
    case PCI_READ_ONLY: return "configuration access is read-only";
    case PCI_NO_FUNCTION: return "no function at this address";
    case PCI_WRONG_HEADER_TYPE: return "wrong header type for this accessor";
    case PCI_UNSUPPORTED: return "not supported by this function";
    case PCI_BUS_OUT_OF_RANGE: return "bus outside the ECAM bus range";
    case PCI_BAD_POINTER: return "bad capability pointer";
    case PCI_CYCLE: return "capability list cycle";
    case PCI_BAD_BAR: return "bad base address register";
    case PCI_BAD_CAPABILITY: return "malformed capability structure";
    case PCI_BAD_HEADER_TYPE: return "unknown header type";
    }
    return "unknown status";
}
