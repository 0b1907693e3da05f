/* acpi/aml_host_pci.h - PCI configuration access for the AML host and the PCI
 * enumeration of every host bridge, over pci_types/ (acpi/aml_host_pci.c).
 *
 * The one file of acpi/ that needs pci_types/ (with its volatile/ and
 * x86_64/port.h): a vendor without pci_types/ leaves this pair out and the
 * rest of acpi/ still builds (tests/build/libraries.json, "optional").
 *
 * Configuration access by segment/bus/device/function, as the interpreter's
 * pci_read/pci_write callbacks (acpi/aml_host.h) and the device layer need it:
 *  - ECAM (PCIe Base 6.0, 7.2.2) for every region of the MCFG (PCI Firmware
 *    3.3, 4.1.2): every bus of the region, every offset 0-0xFFF;
 *  - Configuration Mechanism #1 (PCI Local Bus 3.0, 3.2.2.3.2) as the fallback
 *    for segment 0 buses that no ECAM region covers (no MCFG at all on a PC
 *    like i440fx): offsets 0-0xFF, the rest reads all ones;
 *  - anything else reads all ones (an absent function) and drops writes.
 * Widths 1, 2 and 4 are single accesses of that width at a naturally aligned
 * offset (misaligned: all ones, write dropped); width 8 (QWordAcc fields) is
 * two dword accesses, the low dword at `offset` (4-aligned) first, then
 * offset + 4. ACPICA hands the 64-bit width of such a field unchanged to its
 * OS layer (AcpiExPciConfigSpaceHandler, exregion.c), where each host decides
 * (FreeBSD's refuses it; others read two dwords); Mechanism #1 has no 8-byte
 * access, so two dwords is what works on every backend here.
 *
 *     static struct acpi_aml_pci pci;
 *     acpi_aml_pci_init(&pci);
 *     if (acpi_aml_pci_add_mcfg(&pci, &mcfg, my_ecam_window, NULL) != ACPI_OK)
 *         log("some MCFG regions not mapped");  // my_ecam_window: uncached maps
 *     if (acpi_aml_pci_set_legacy(&pci, NULL) != ACPI_OK)  // x86 in/out
 *         log("no Mechanism #1");
 *     // in the host's own callbacks (host.ctx is the kernel's):
 *     //   return acpi_aml_pci_read(&pci, seg, bus, dev, fn, offset, width);
 *
 * A kernel must serialise configuration accesses (Mechanism #1 is a two-step
 * sequence); the struct is the caller's and must outlive every use. */
#ifndef ACPI_AML_HOST_PCI_H
#define ACPI_AML_HOST_PCI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/aml_pci_root.h"
#include "acpi/mcfg.h"
#include "acpi/status.h"
#include "pci_types/access.h"
#include "pci_types/ecam.h"
#include "pci_types/enumerate.h"
#include "pci_types/legacy.h"

/* ECAM regions one backend holds (MCFG allocations: one on each of the 40
 * corpus computers and QEMU's q35; multi-segment servers have a few). */
#define ACPI_AML_PCI_ECAM_MAX 16u

struct acpi_aml_pci_ecam {
    struct pci_ecam ecam;
    struct pci_config_access access;
};

struct acpi_aml_pci {
    struct acpi_aml_pci_ecam ecam[ACPI_AML_PCI_ECAM_MAX];
    uint32_t ecam_count;
    uint32_t ecam_skipped; /* MCFG allocations not added (no window, table full, bad range) */
    struct pci_legacy legacy;
    struct pci_config_access legacy_access;
    bool have_legacy;
};

/* An empty backend: every access reads all ones until regions are added. */
void acpi_aml_pci_init(struct acpi_aml_pci *p);

/* One ECAM region as a pre-mapped window: `window` is the virtual address of
 * start_bus's space, pci_ecam_window_size(start_bus, end_bus) bytes mapped
 * uncached; reads and writes. ACPI_INVALID_ARGUMENT for NULL or
 * end_bus < start_bus, ACPI_BUFFER_TOO_SMALL when ACPI_AML_PCI_ECAM_MAX
 * regions are held already. */
ACPI_MUST_USE enum acpi_status acpi_aml_pci_add_ecam_window(struct acpi_aml_pci *p,
                                                            volatile void *window, uint64_t base,
                                                            uint16_t segment, uint8_t start_bus,
                                                            uint8_t end_bus);

/* One ECAM region through the read-only map contract (each access maps exactly
 * its bytes and unmaps them before returning, as pci_types/ecam.h does):
 * reads only, writes to the region are dropped. Statuses as above. */
ACPI_MUST_USE enum acpi_status
acpi_aml_pci_add_ecam_mapped(struct acpi_aml_pci *p, uint64_t base, uint16_t segment,
                             uint8_t start_bus, uint8_t end_bus,
                             const void *(*map)(void *ctx, uint64_t phys, size_t len),
                             void (*unmap)(void *ctx, const void *virt, size_t len), void *map_ctx);

/* Every allocation of the MCFG as a window: window(ctx, phys, size) maps
 * `size` bytes from `phys` (pci_ecam_window_phys/size of the allocation)
 * uncached and returns their virtual address, or NULL to skip the region.
 * Skipped or unaddable allocations count in p->ecam_skipped. ACPI_OK when
 * every allocation was added, ACPI_NOT_FOUND when some were skipped,
 * ACPI_INVALID_ARGUMENT for NULL arguments. */
ACPI_MUST_USE enum acpi_status
acpi_aml_pci_add_mcfg(struct acpi_aml_pci *p, const struct acpi_mcfg *mcfg,
                      volatile void *(*window)(void *ctx, uint64_t phys, uint64_t size), void *ctx);

/* Mechanism #1 for segment 0 where no ECAM region covers the bus: io gives the
 * port I/O (copied); NULL selects x86 in/out (ACPI_UNSUPPORTED elsewhere). */
ACPI_MUST_USE enum acpi_status acpi_aml_pci_set_legacy(struct acpi_aml_pci *p,
                                                       const struct pci_port_io *io);

/* The pci_types/ access that reaches (segment, bus): the first ECAM region
 * covering it, else Mechanism #1 for segment 0, else NULL. Borrowed from p. */
const struct pci_config_access *acpi_aml_pci_access(const struct acpi_aml_pci *p, uint16_t segment,
                                                    uint8_t bus);

/* The AML host's pci_read: width 1, 2, 4 or 8 bytes at offset 0-0xFFF; all
 * ones (of the width) for what nothing reaches, a bad width or offset. */
uint64_t acpi_aml_pci_read(const struct acpi_aml_pci *p, uint16_t segment, uint8_t bus,
                           uint8_t device, uint8_t function, uint16_t offset, uint8_t width);

/* The AML host's pci_write. ACPI_OK; ACPI_INVALID_ARGUMENT (bad width,
 * misaligned offset, device > 31, function > 7, offset outside what the
 * backend reaches); ACPI_NOT_FOUND (nothing reaches segment and bus);
 * ACPI_UNSUPPORTED (a read-only mapped ECAM region). Nothing is written
 * unless ACPI_OK (both dwords of a width-8 write are checked first). */
ACPI_MUST_USE enum acpi_status acpi_aml_pci_write(const struct acpi_aml_pci *p, uint16_t segment,
                                                  uint8_t bus, uint8_t device, uint8_t function,
                                                  uint16_t offset, uint8_t width, uint64_t value);

/* Enumeration below one host bridge (acpi/aml_pci_root.h): recursive from its
 * root bus (bus_start) through bridges to buses up to bus_end, through the
 * access that reaches (segment, bus_start), and within one ECAM region (its
 * end bus bounds the walk). ACPI_OK with *e ready for pci_enum_next;
 * ACPI_NOT_FOUND when nothing reaches the root bus (e is then empty). */
ACPI_MUST_USE enum acpi_status acpi_aml_pci_root_enum_init(struct pci_enum *e,
                                                           const struct acpi_aml_pci *p,
                                                           const struct acpi_aml_pci_root *root);

/* Every function below every host bridge of the namespace that is present
 * (_STA bit 0), bridge by bridge in namespace order: visit(ctx, root, entry)
 * until it returns false. `root` is scratch for the walk (about 700 bytes,
 * the caller's); mcfg may be NULL. ACPI_OK when all were visited (also with
 * no host bridge), ACPI_END when visit stopped early, ACPI_INVALID_ARGUMENT.
 * A bridge that nothing reaches is skipped and counted in *unreached (may be
 * NULL). */
typedef bool (*acpi_aml_pci_visitor)(void *ctx, const struct acpi_aml_pci_root *root,
                                     const struct pci_enum_entry *entry);
ACPI_MUST_USE enum acpi_status
acpi_aml_pci_enumerate_roots(struct acpi_aml *aml, const struct acpi_mcfg *mcfg,
                             const struct acpi_aml_pci *p, struct acpi_aml_pci_root *root,
                             acpi_aml_pci_visitor visit, void *ctx, uint32_t *unreached);

#endif
