/* pci_types/pci_types.h - umbrella header of the pci_types library.
 *
 * status.h      enum pci_status, pci_status_str
 * address.h     segment/bus/device/function, RID, ECAM and CF8 packing
 * access.h      configuration-access interface, checked reads/writes, image backend
 * legacy.h      Configuration Mechanism #1 (0xCF8/0xCFC) over port I/O
 * ecam.h        memory-mapped configuration (MCFG regions)
 * header.h      common, type 0, type 1, type 2 headers; command/status bits
 * bar.h         BAR and expansion ROM decoding and sizing
 * capability.h  capability and extended capability walks, IDs, names
 * pm.h msi.h msix.h pcie.h   decoders of those capabilities
 * aer.h acs.h ari.h dpc.h dsn.h l1pm.h ltr.h ptm.h rebar.h sriov.h vsec.h
 *               decoders of the PCI Express extended capabilities
 * class.h       class / subclass / programming interface table
 * enumerate.h   brute-force and recursive enumeration
 */
#ifndef PCI_TYPES_PCI_TYPES_H
#define PCI_TYPES_PCI_TYPES_H

#include "pci_types/access.h"
#include "pci_types/acs.h"
#include "pci_types/address.h"
#include "pci_types/aer.h"
#include "pci_types/ari.h"
#include "pci_types/bar.h"
#include "pci_types/capability.h"
#include "pci_types/class.h"
#include "pci_types/dpc.h"
#include "pci_types/dsn.h"
#include "pci_types/ecam.h"
#include "pci_types/enumerate.h"
#include "pci_types/header.h"
#include "pci_types/l1pm.h"
#include "pci_types/legacy.h"
#include "pci_types/ltr.h"
#include "pci_types/msi.h"
#include "pci_types/msix.h"
#include "pci_types/pcie.h"
#include "pci_types/pm.h"
#include "pci_types/ptm.h"
#include "pci_types/rebar.h"
#include "pci_types/sriov.h"
#include "pci_types/status.h"
#include "pci_types/version.h"
#include "pci_types/vsec.h"

#endif
