/* pci_types/version.h - version of the pci_types library. */
#ifndef PCI_TYPES_VERSION_H
#define PCI_TYPES_VERSION_H

#define PCI_TYPES_VERSION_MAJOR 0
#define PCI_TYPES_VERSION_MINOR 1
#define PCI_TYPES_VERSION_PATCH 0

#endif
