/* pci_types/access.h - the configuration-access interface every decoder in
 * this library reads through, and a backend over a byte image.
 *
 * A host fills struct pci_config_access with width-specific callbacks. The
 * library calls them only with a valid address (device <= 31, function <= 7)
 * and a naturally aligned offset below config_size, and never splits an
 * access into narrower ones. A read of an absent function must return
 * all-ones, as hardware does. Write callbacks may be NULL for a read-only
 * backend; writes then report PCI_READ_ONLY.
 *
 * Ready backends: legacy.h (Configuration Mechanism #1, I/O ports 0xCF8/0xCFC),
 * ecam.h (memory-mapped, PCIe), and pci_image_access_init() below.
 */
#ifndef PCI_TYPES_ACCESS_H
#define PCI_TYPES_ACCESS_H

#include <stddef.h>
#include <stdint.h>

#include "pci_types/address.h"
#include "pci_types/status.h"

struct pci_config_access {
    void *ctx;
    uint8_t (*read8)(void *ctx, struct pci_address address, uint16_t offset);
    uint16_t (*read16)(void *ctx, struct pci_address address, uint16_t offset);
    uint32_t (*read32)(void *ctx, struct pci_address address, uint16_t offset);
    void (*write8)(void *ctx, struct pci_address address, uint16_t offset, uint8_t value);
    void (*write16)(void *ctx, struct pci_address address, uint16_t offset, uint16_t value);
    void (*write32)(void *ctx, struct pci_address address, uint16_t offset, uint32_t value);
    /* Bytes reachable per function: PCI_CONFIG_SIZE (256) or PCIE_CONFIG_SIZE (4096). */
    uint16_t config_size;
};

/* One function reached through one access backend. Borrowed pointer: the
 * access struct must outlive every use. */
struct pci_function {
    const struct pci_config_access *access;
    struct pci_address address;
};

static inline struct pci_function pci_function_make(const struct pci_config_access *access,
                                                    struct pci_address address)
{
    struct pci_function f = {access, address};
    return f;
}

/* Checked reads: an invalid address, a misaligned offset or one outside the
 * backend's config_size reads as all-ones (what absent hardware returns), so
 * decoders treat it like an absent function. */
uint8_t pci_read8(const struct pci_function *fn, uint16_t offset);
uint16_t pci_read16(const struct pci_function *fn, uint16_t offset);
uint32_t pci_read32(const struct pci_function *fn, uint16_t offset);

/* Checked writes: PCI_OK, PCI_INVALID_ARGUMENT (bad address), PCI_BAD_OFFSET
 * (misaligned or outside config_size), PCI_READ_ONLY (no write callback). */
PCI_MUST_USE enum pci_status pci_write8(const struct pci_function *fn, uint16_t offset,
                                        uint8_t value);
PCI_MUST_USE enum pci_status pci_write16(const struct pci_function *fn, uint16_t offset,
                                         uint16_t value);
PCI_MUST_USE enum pci_status pci_write32(const struct pci_function *fn, uint16_t offset,
                                         uint32_t value);

/* Image backend: serves one function's configuration space from bytes in
 * memory (a sysfs "config" file, a fixture, a fuzz input) for every address.
 * Bytes past len read as all-ones; config_size is 4096 when len >= 4096,
 * else 256. Read-only. image and bytes are borrowed. */
struct pci_config_image {
    const uint8_t *bytes;
    size_t len;
};
void pci_image_access_init(struct pci_config_access *access, struct pci_config_image *image,
                           const void *bytes, size_t len);

#endif
