/* acpi/aml_host_pci.c - the AML host's PCI configuration backend over
 * pci_types/ (ECAM per MCFG region, Mechanism #1 fallback) and the
 * enumeration of every host bridge. See acpi/aml_host_pci.h. */
#include "acpi/aml_host_pci.h"

#include "acpi/aml_device.h"

#define ECAM_MAX_OFFSET 0xFFFu

void acpi_aml_pci_init(struct acpi_aml_pci *p)
{
    if (p != NULL) {
        *p = (struct acpi_aml_pci){0};
    }
}

static struct acpi_aml_pci_ecam *next_slot(struct acpi_aml_pci *p, enum acpi_status *st)
{
    if (p->ecam_count >= ACPI_AML_PCI_ECAM_MAX) {
        *st = ACPI_BUFFER_TOO_SMALL;
        return NULL;
    }
    *st = ACPI_OK;
    return &p->ecam[p->ecam_count];
}

enum acpi_status acpi_aml_pci_add_ecam_window(struct acpi_aml_pci *p, volatile void *window,
                                              uint64_t base, uint16_t segment, uint8_t start_bus,
                                              uint8_t end_bus)
{
    enum acpi_status st = ACPI_INVALID_ARGUMENT;
    struct acpi_aml_pci_ecam *slot = p != NULL ? next_slot(p, &st) : NULL;
    if (slot == NULL) {
        return st;
    }
    if (pci_ecam_window_init(&slot->access, &slot->ecam, window, base, segment, start_bus,
                             end_bus) != PCI_OK) {
        return ACPI_INVALID_ARGUMENT;
    }
    p->ecam_count++;
    return ACPI_OK;
}

enum acpi_status
acpi_aml_pci_add_ecam_mapped(struct acpi_aml_pci *p, uint64_t base, uint16_t segment,
                             uint8_t start_bus, uint8_t end_bus,
                             const void *(*map)(void *ctx, uint64_t phys, size_t len),
                             void (*unmap)(void *ctx, const void *virt, size_t len), void *map_ctx)
{
    enum acpi_status st = ACPI_INVALID_ARGUMENT;
    struct acpi_aml_pci_ecam *slot = p != NULL ? next_slot(p, &st) : NULL;
    if (slot == NULL) {
        return st;
    }
    if (pci_ecam_mapped_init(&slot->access, &slot->ecam, base, segment, start_bus, end_bus, map,
                             unmap, map_ctx) != PCI_OK) {
        return ACPI_INVALID_ARGUMENT;
    }
    p->ecam_count++;
    return ACPI_OK;
}

enum acpi_status
acpi_aml_pci_add_mcfg(struct acpi_aml_pci *p, const struct acpi_mcfg *mcfg,
                      volatile void *(*window)(void *ctx, uint64_t phys, uint64_t size), void *ctx)
{
    struct acpi_mcfg_allocation a;
    uint32_t skipped = 0;

    if (p == NULL || mcfg == NULL || window == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    /* acpi_mcfg_allocation bounds the index by the table's whole entries. */
    for (uint32_t i = 0; acpi_mcfg_allocation(mcfg, i, &a) == ACPI_OK; i++) {
        volatile void *w = NULL;
        if (a.start_bus <= a.end_bus) {
            w = window(ctx, pci_ecam_window_phys(a.base_address, a.start_bus),
                       pci_ecam_window_size(a.start_bus, a.end_bus));
        }
        if (w == NULL || acpi_aml_pci_add_ecam_window(p, w, a.base_address, a.pci_segment_group,
                                                      a.start_bus, a.end_bus) != ACPI_OK) {
            skipped++;
        }
    }
    p->ecam_skipped += skipped;
    return skipped == 0 ? ACPI_OK : ACPI_NOT_FOUND;
}

enum acpi_status acpi_aml_pci_set_legacy(struct acpi_aml_pci *p, const struct pci_port_io *io)
{
    if (p == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    enum pci_status st = pci_legacy_access_init(&p->legacy_access, &p->legacy, io);
    p->have_legacy = st == PCI_OK;
    if (st == PCI_OK) {
        return ACPI_OK;
    }
    return io == NULL ? ACPI_UNSUPPORTED : ACPI_INVALID_ARGUMENT;
}

static const struct acpi_aml_pci_ecam *find_ecam(const struct acpi_aml_pci *p, uint16_t segment,
                                                 uint8_t bus)
{
    for (uint32_t i = 0; i < p->ecam_count && i < ACPI_AML_PCI_ECAM_MAX; i++) {
        const struct pci_ecam *e = &p->ecam[i].ecam;
        if (e->segment == segment && e->start_bus <= bus && bus <= e->end_bus) {
            return &p->ecam[i];
        }
    }
    return NULL;
}

const struct pci_config_access *acpi_aml_pci_access(const struct acpi_aml_pci *p, uint16_t segment,
                                                    uint8_t bus)
{
    if (p == NULL) {
        return NULL;
    }
    const struct acpi_aml_pci_ecam *e = find_ecam(p, segment, bus);
    if (e != NULL) {
        return &e->access;
    }
    return segment == 0 && p->have_legacy ? &p->legacy_access : NULL;
}

/* All ones of `width` bytes: what an absent function reads. (No variable
 * 64-bit shift: on i686 that is a libgcc call, __ashldi3.) */
static uint64_t all_ones(uint8_t width)
{
    switch (width) {
    case 1:
        return 0xFFu;
    case 2:
        return 0xFFFFu;
    case 3:
        return 0xFFFFFFu;
    case 4:
        return UINT32_MAX;
    default:
        return UINT64_MAX;
    }
}

/* The function to access, or false when nothing reaches it or the width and
 * offset are not an access the backend makes (natural alignment; width 8 as
 * two dwords, so 4-aligned; inside the backend's config_size). */
static bool target(const struct acpi_aml_pci *p, struct pci_address a, uint16_t offset,
                   uint8_t width, struct pci_function *out)
{
    const struct pci_config_access *acc = acpi_aml_pci_access(p, a.segment, a.bus);
    uint16_t align = width == 8 ? 4u : width;

    if (acc == NULL || (width != 1 && width != 2 && width != 4 && width != 8) ||
        offset > ECAM_MAX_OFFSET || (offset & (align - 1u)) != 0 ||
        (uint32_t)offset + width > acc->config_size || !pci_address_valid(a)) {
        return false;
    }
    *out = pci_function_make(acc, a);
    return true;
}

uint64_t acpi_aml_pci_read(const struct acpi_aml_pci *p, uint16_t segment, uint8_t bus,
                           uint8_t device, uint8_t function, uint16_t offset, uint8_t width)
{
    struct pci_function f;

    if (p == NULL ||
        !target(p, pci_address_make(segment, bus, device, function), offset, width, &f)) {
        return all_ones(width);
    }
    switch (width) {
    case 1:
        return pci_read8(&f, offset);
    case 2:
        return pci_read16(&f, offset);
    case 4:
        return pci_read32(&f, offset);
    default:
        return pci_read32(&f, offset) | (uint64_t)pci_read32(&f, (uint16_t)(offset + 4u)) << 32;
    }
}

static enum acpi_status from_pci(enum pci_status st)
{
    switch (st) {
    case PCI_OK:
        return ACPI_OK;
    case PCI_READ_ONLY:
        return ACPI_UNSUPPORTED;
    default:
        return ACPI_INVALID_ARGUMENT;
    }
}

enum acpi_status acpi_aml_pci_write(const struct acpi_aml_pci *p, uint16_t segment, uint8_t bus,
                                    uint8_t device, uint8_t function, uint16_t offset,
                                    uint8_t width, uint64_t value)
{
    struct pci_function f;

    if (p == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    if (acpi_aml_pci_access(p, segment, bus) == NULL) {
        return ACPI_NOT_FOUND;
    }
    if (!target(p, pci_address_make(segment, bus, device, function), offset, width, &f)) {
        return ACPI_INVALID_ARGUMENT;
    }
    /* A read-only backend refuses before anything is written, so a width-8
     * write never stores its low dword alone. */
    if (f.access->write8 == NULL || f.access->write16 == NULL || f.access->write32 == NULL) {
        return ACPI_UNSUPPORTED;
    }
    switch (width) {
    case 1:
        return from_pci(pci_write8(&f, offset, (uint8_t)value));
    case 2:
        return from_pci(pci_write16(&f, offset, (uint16_t)value));
    case 4:
        return from_pci(pci_write32(&f, offset, (uint32_t)value));
    default: {
        enum acpi_status st = from_pci(pci_write32(&f, offset, (uint32_t)value));
        return st != ACPI_OK
                   ? st
                   : from_pci(pci_write32(&f, (uint16_t)(offset + 4u), (uint32_t)(value >> 32)));
    }
    }
}

enum acpi_status acpi_aml_pci_root_enum_init(struct pci_enum *e, const struct acpi_aml_pci *p,
                                             const struct acpi_aml_pci_root *root)
{
    if (e == NULL || p == NULL || root == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    const struct pci_config_access *acc = acpi_aml_pci_access(p, root->segment, root->bus_start);
    uint8_t last = root->bus_end;
    /* One ECAM region per walk: buses past its end bus are not in its window
     * (a bridge numbering them points outside what MCFG describes). */
    const struct acpi_aml_pci_ecam *ecam = find_ecam(p, root->segment, root->bus_start);
    if (ecam != NULL && ecam->ecam.end_bus < last) {
        last = ecam->ecam.end_bus;
    }
    /* acc NULL or last < bus_start leave the cursor empty (pci_enum_next ends). */
    pci_enum_init_recursive(e, acc, root->segment, root->bus_start, last);
    return acc != NULL ? ACPI_OK : ACPI_NOT_FOUND;
}

enum acpi_status acpi_aml_pci_enumerate_roots(struct acpi_aml *aml, const struct acpi_mcfg *mcfg,
                                              const struct acpi_aml_pci *p,
                                              struct acpi_aml_pci_root *root,
                                              acpi_aml_pci_visitor visit, void *ctx,
                                              uint32_t *unreached)
{
    const struct acpi_aml_node *prev = NULL;
    uint32_t missed = 0;
    enum acpi_status result = ACPI_OK;

    if (aml == NULL || p == NULL || root == NULL || visit == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    while (result == ACPI_OK && acpi_aml_pci_root_next(aml, prev, mcfg, root) == ACPI_OK) {
        prev = root->node;
        if ((root->sta & ACPI_AML_STA_PRESENT) == 0) {
            continue;
        }
        struct pci_enum e;
        struct pci_enum_entry entry;
        if (acpi_aml_pci_root_enum_init(&e, p, root) != ACPI_OK) {
            missed++;
            continue;
        }
        while (pci_enum_next(&e, &entry) == PCI_OK) {
            if (!visit(ctx, root, &entry)) {
                result = ACPI_END;
                break;
            }
        }
    }
    if (unreached != NULL) {
        *unreached = missed;
    }
    return result;
}
