/* See pci_report.h. Configuration space: PCI Local Bus 3.0 chapter 6, PCI
 * Express Base 4.0, 7.2.2 (ECAM). */
#include "pci_report.h"

#include "console.h"
#include "memory.h"
#include "pci_types/bar.h"
#include "pci_types/capability.h"
#include "pci_types/class.h"
#include "pci_types/ecam.h"
#include "pci_types/enumerate.h"
#include "pci_types/header.h"
#include "pci_types/legacy.h"

#define MAX_FUNCTIONS 64
#define COMPARED_BYTES 256u

struct function_list {
    struct pci_address addr[MAX_FUNCTIONS];
    unsigned count;
    bool overflow;
};

/* Collects the functions a cursor of pci_types/enumerate.h finds. */
static enum pci_status collect(struct pci_enum *e, struct function_list *out)
{
    struct pci_enum_entry entry;
    enum pci_status st;

    out->count = 0;
    out->overflow = false;
    while ((st = pci_enum_next(e, &entry)) == PCI_OK) {
        if (out->count < MAX_FUNCTIONS) {
            out->addr[out->count++] = entry.function.address;
        } else {
            out->overflow = true;
        }
    }
    return st;
}

static const char *bar_kind(enum pci_bar_kind kind)
{
    switch (kind) {
    case PCI_BAR_IO:
        return "io";
    case PCI_BAR_MEM32:
        return "mem32";
    case PCI_BAR_MEM64:
        return "mem64";
    default:
        return "unused";
    }
}

static bool print_function(const struct pci_function *f)
{
    struct pci_header_common h;
    char where[PCI_ADDRESS_STR_LEN + 1];
    char cls[96];

    if (pci_header_read_common(f, &h) != PCI_OK) {
        return false;
    }
    /* "BB:DD.F" without the segment, as QEMU and lspci print it. */
    (void)pci_address_format(pci_address_make(0, f->address.bus, f->address.device,
                                              f->address.function), where);
    const char *bdf = where + 5;
    (void)pci_class_describe(pci_header_class24(&h), cls, sizeof cls);
    console_printf("pci %s id=%04x:%04x class=%02x.%02x.%02x rev=%u header=%u", bdf, h.vendor_id,
                   h.device_id, h.class_code, h.subclass, h.prog_if, h.revision_id,
                   h.header_type);
    if (h.header_type == 0) {
        struct pci_header_type0 t0;
        if (pci_header_read_type0(f, &t0) == PCI_OK) {
            console_printf(" subsystem=%04x:%04x irq=%u pin=%u", t0.subsystem_vendor_id,
                           t0.subsystem_id, t0.interrupt_line, t0.interrupt_pin);
        }
    } else if (h.header_type == 1) {
        struct pci_header_type1 t1;
        if (pci_header_read_type1(f, &t1) == PCI_OK) {
            console_printf(" irq=%u pin=%u primary=%u secondary=%u subordinate=%u",
                           t1.interrupt_line, t1.interrupt_pin, t1.primary_bus, t1.secondary_bus,
                           t1.subordinate_bus);
        }
    }
    console_printf(" name=\"%s\"\n", cls);

    struct pci_bar_iter bars;
    struct pci_bar bar;
    enum pci_status st;
    pci_bar_iter_init(&bars, f, true);
    while ((st = pci_bar_next(&bars, &bar)) == PCI_OK) {
        if (bar.kind == PCI_BAR_UNUSED) {
            continue;
        }
        console_printf("bar %s index=%u kind=%s address=0x%llx size=0x%llx prefetchable=%u\n", bdf,
                       bar.index, bar_kind(bar.kind), (unsigned long long)bar.address,
                       (unsigned long long)bar.size, bar.prefetchable ? 1u : 0u);
    }
    bool ok = st == PCI_END;

    struct pci_cap_iter caps;
    struct pci_capability cap;
    pci_cap_iter_init(&caps, f);
    while ((st = pci_cap_next(&caps, &cap)) == PCI_OK) {
        console_printf("cap %s offset=0x%02x id=0x%02x name=\"%s\"\n", bdf, cap.offset, cap.id,
                       pci_cap_name(cap.id));
    }
    return ok && st == PCI_END;
}

/* ECAM and the legacy mechanism must show the same functions with the same
 * configuration header (the first 256 bytes, all the legacy one reaches). */
static void compare_ecam(const struct pci_config_access *legacy, const struct function_list *found,
                         const struct acpi_mcfg_allocation *region)
{
    struct pci_config_access access;
    struct pci_ecam ecam;
    struct function_list via_ecam;
    uint64_t window = pci_ecam_window_phys(region->base_address, region->start_bus);
    uint64_t size = pci_ecam_window_size(region->start_bus, region->end_bus);

    if (window + size > MEMORY_IDENTITY_LIMIT) {
        console_check(false, "pci-ecam", "ECAM window 0x%llx above the identity map",
                      (unsigned long long)window);
        return;
    }
    enum pci_status st = pci_ecam_window_init(&access, &ecam, (volatile void *)(uintptr_t)window,
                                              region->base_address, region->pci_segment_group,
                                              region->start_bus, region->end_bus);
    if (!console_check(st == PCI_OK, "pci-ecam", "%s", pci_status_str(st))) {
        return;
    }
    /* Every bus of the region, independently of the bridges the legacy walk followed. */
    struct pci_enum e;
    pci_enum_init_brute_force(&e, &access, region->pci_segment_group, region->start_bus,
                              region->end_bus);
    st = collect(&e, &via_ecam);
    bool same = st == PCI_END && via_ecam.count == found->count && !via_ecam.overflow;
    unsigned differing = 0;
    for (unsigned i = 0; same && i < found->count; i++) {
        struct pci_function a = pci_function_make(legacy, found->addr[i]);
        struct pci_function b = pci_function_make(&access, via_ecam.addr[i]);
        same = pci_address_compare(found->addr[i], via_ecam.addr[i]) == 0;
        for (uint16_t off = 0; same && off < COMPARED_BYTES; off += 4) {
            if (pci_read32(&a, off) != pci_read32(&b, off)) {
                differing++;
            }
        }
    }
    console_check(same && differing == 0, "pci-ecam-agree",
                  "legacy %u functions, ECAM %u functions, %u differing dwords", found->count,
                  via_ecam.count, differing);
    for (unsigned i = 0; i < via_ecam.count; i++) {
        struct pci_function f = pci_function_make(&access, via_ecam.addr[i]);
        struct pci_ext_cap_iter ext;
        struct pci_ext_capability ecap;
        char where[PCI_ADDRESS_STR_LEN + 1];
        (void)pci_address_format(via_ecam.addr[i], where);
        pci_ext_cap_iter_init(&ext, &f);
        while (pci_ext_cap_next(&ext, &ecap) == PCI_OK) {
            console_printf("ext-cap %s offset=0x%03x id=0x%04x version=%u name=\"%s\"\n", where + 5,
                           ecap.offset, ecap.id, ecap.version, pci_ext_cap_name(ecap.id));
        }
    }
}

void pci_report(const struct acpi_facts *facts)
{
    struct pci_config_access legacy_access;
    struct pci_legacy legacy;
    struct function_list found;
    bool ok = true;

    enum pci_status st = pci_legacy_access_init(&legacy_access, &legacy, NULL);
    if (!console_check(st == PCI_OK, "pci-legacy", "%s", pci_status_str(st))) {
        return;
    }
    /* Bus 0 and every bus behind a bridge (its Secondary Bus Number register). */
    struct pci_enum e;
    pci_enum_init_recursive(&e, &legacy_access, 0, 0, 255);
    st = collect(&e, &found);
    for (unsigned i = 0; i < found.count; i++) {
        struct pci_function f = pci_function_make(&legacy_access, found.addr[i]);
        ok = print_function(&f) && ok;
    }
    console_check(st == PCI_END && ok && !found.overflow && found.count > 0, "pci-enumerate",
                  "%u functions through 0xCF8/0xCFC, bus 0 and behind bridges%s: %s", found.count,
                  found.overflow ? " (list full)" : "", pci_status_str(st));
    for (unsigned i = 0; i < facts->ecam_count; i++) {
        if (facts->ecam[i].pci_segment_group == 0) {
            compare_ecam(&legacy_access, &found, &facts->ecam[i]);
            break;
        }
    }
}
