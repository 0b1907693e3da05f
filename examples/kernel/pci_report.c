/* See pci_report.h. Configuration space: PCI Local Bus 3.0 chapter 6, PCI
 * Express Base 4.0, 7.2.2 (ECAM). */
#include "pci_report.h"

#include "acpi/aml_device.h"
#include "acpi/aml_host_pci.h"
#include "acpi/aml_pci_root.h"
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
#define PATH_LEN 64u

/* Per-function lines (dozens) go to COM1 only, as aml_report.c's aml-crs
 * lines do: on the framebuffer they would scroll the keyboard demo's line,
 * printed before this report, off the screen. */

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

static bool print_function(const struct pci_function *f, const char *root)
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
    console_serial_printf("pci %s id=%04x:%04x class=%02x.%02x.%02x rev=%u header=%u", bdf,
                          h.vendor_id, h.device_id, h.class_code, h.subclass, h.prog_if,
                          h.revision_id, h.header_type);
    if (h.header_type == 0) {
        struct pci_header_type0 t0;
        if (pci_header_read_type0(f, &t0) == PCI_OK) {
            console_serial_printf(" subsystem=%04x:%04x irq=%u pin=%u", t0.subsystem_vendor_id,
                                  t0.subsystem_id, t0.interrupt_line, t0.interrupt_pin);
        }
    } else if (h.header_type == 1) {
        struct pci_header_type1 t1;
        if (pci_header_read_type1(f, &t1) == PCI_OK) {
            console_serial_printf(" irq=%u pin=%u primary=%u secondary=%u subordinate=%u",
                                  t1.interrupt_line, t1.interrupt_pin, t1.primary_bus,
                                  t1.secondary_bus, t1.subordinate_bus);
        }
    }
    console_serial_printf(" root=%s name=\"%s\"\n", root, cls);

    struct pci_bar_iter bars;
    struct pci_bar bar;
    enum pci_status st;
    pci_bar_iter_init(&bars, f, true);
    while ((st = pci_bar_next(&bars, &bar)) == PCI_OK) {
        if (bar.kind == PCI_BAR_UNUSED) {
            continue;
        }
        console_serial_printf(
            "bar %s index=%u kind=%s address=0x%llx size=0x%llx prefetchable=%u\n", bdf, bar.index,
            bar_kind(bar.kind), (unsigned long long)bar.address, (unsigned long long)bar.size,
            bar.prefetchable ? 1u : 0u);
    }
    bool ok = st == PCI_END;

    struct pci_cap_iter caps;
    struct pci_capability cap;
    pci_cap_iter_init(&caps, f);
    while ((st = pci_cap_next(&caps, &cap)) == PCI_OK) {
        console_serial_printf("cap %s offset=0x%02x id=0x%02x name=\"%s\"\n", bdf, cap.offset,
                              cap.id, pci_cap_name(cap.id));
    }
    return ok && st == PCI_END;
}

/* Address order, so a list gathered bridge by bridge compares with a scan. */
static void sort_functions(struct function_list *list)
{
    for (unsigned i = 1; i < list->count; i++) {
        struct pci_address a = list->addr[i];
        unsigned j = i;
        for (; j > 0 && pci_address_compare(list->addr[j - 1], a) > 0; j--) {
            list->addr[j] = list->addr[j - 1];
        }
        list->addr[j] = a;
    }
}

/* ECAM and the legacy mechanism must show the same functions with the same
 * configuration header (the first 256 bytes, all the legacy one reaches). */
static void compare_ecam(const struct pci_config_access *legacy, const struct function_list *found,
                         const struct acpi_mcfg_allocation *region, const struct aml_state *aml)
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
    /* Every bus of the region, independently of the bridges the walks followed. */
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
                  "host bridges' walks %u functions, ECAM scan %u functions, %u dwords differing "
                  "from 0xCF8/0xCFC",
                  found->count, via_ecam.count, differing);
    /* The interpreter's pci_read (aml_host.c over acpi/aml_host_pci.h) reads
     * what ECAM holds on every bus, above 0xFF too (PCI_Config regions). */
    if (aml->aml != NULL) {
        unsigned mismatched = 0;
        for (unsigned i = 0; i < via_ecam.count; i++) {
            struct pci_function f = pci_function_make(&access, via_ecam.addr[i]);
            const struct pci_address *a = &via_ecam.addr[i];
            for (uint16_t off = 0; off < PCIE_CONFIG_SIZE; off += 0x100) {
                uint64_t v = aml->host.pci_read(aml->host.ctx, a->segment, a->bus, a->device,
                                                a->function, off, 4);
                mismatched += v != pci_read32(&f, off) ? 1u : 0u;
            }
        }
        console_check(mismatched == 0, "pci-aml-host",
                      "AML host pci_read of offsets 0x000-0xF00 (every 0x100) of %u functions: %u "
                      "differ from ECAM",
                      via_ecam.count, mismatched);
    }
    for (unsigned i = 0; i < via_ecam.count; i++) {
        struct pci_function f = pci_function_make(&access, via_ecam.addr[i]);
        struct pci_ext_cap_iter ext;
        struct pci_ext_capability ecap;
        char where[PCI_ADDRESS_STR_LEN + 1];
        (void)pci_address_format(via_ecam.addr[i], where);
        pci_ext_cap_iter_init(&ext, &f);
        while (pci_ext_cap_next(&ext, &ecap) == PCI_OK) {
            console_serial_printf("ext-cap %s offset=0x%03x id=0x%04x version=%u name=\"%s\"\n",
                                  where + 5, ecap.offset, ecap.id, ecap.version,
                                  pci_ext_cap_name(ecap.id));
        }
    }
}

/* Prints every function one cursor finds, appending it to FOUND. */
static bool report_walk(struct pci_enum *e, const char *root, struct function_list *found,
                        unsigned *count)
{
    struct pci_enum_entry entry;
    bool ok = true;
    enum pci_status st;

    *count = 0;
    while ((st = pci_enum_next(e, &entry)) == PCI_OK) {
        ok = print_function(&entry.function, root) && ok;
        (*count)++;
        if (found->count < MAX_FUNCTIONS) {
            found->addr[found->count++] = entry.function.address;
        } else {
            found->overflow = true;
        }
    }
    return ok && st == PCI_END;
}

/* Every host bridge the device layer finds, each walked through the AML
 * host's backend (acpi/aml_host_pci.h). False when there is none. */
static bool report_host_bridges(const struct aml_state *aml, const struct acpi_facts *facts,
                                struct function_list *found, bool *ok)
{
    static struct acpi_aml_pci_root root;
    static struct acpi_mcfg mcfg;
    struct acpi_table_ref ref;
    struct acpi_sdt sdt;
    const struct acpi_aml_node *prev = NULL;
    unsigned bridges = 0;
    unsigned unreached = 0;
    char path[PATH_LEN];

    /* The MCFG stays mapped: struct acpi_mcfg points into its bytes. */
    bool have_mcfg = acpi_find_table(&facts->root, "MCFG", 0, &ref) == ACPI_OK &&
                     acpi_table_map(&facts->root, &ref, &sdt) == ACPI_OK &&
                     acpi_mcfg_parse(sdt.bytes, sdt.length, &mcfg) == ACPI_OK;
    while (acpi_aml_pci_root_next(aml->aml, prev, have_mcfg ? &mcfg : NULL, &root) == ACPI_OK) {
        struct pci_enum e;
        unsigned count = 0;
        prev = root.node;
        if ((root.sta & ACPI_AML_STA_PRESENT) == 0) {
            continue;
        }
        bridges++;
        (void)acpi_aml_node_path(root.node, path, sizeof path);
        enum acpi_status st = acpi_aml_pci_root_enum_init(&e, &aml->khost.pci, &root);
        const struct pci_config_access *acc =
            acpi_aml_pci_access(&aml->khost.pci, root.segment, root.bus_start);
        if (st == ACPI_OK) {
            *ok = report_walk(&e, path, found, &count) && *ok;
        } else {
            unreached++;
        }
        console_printf("pci-root path=%s segment=%u bus_start=%u bus_end=%u access=%s "
                       "functions=%u\n",
                       path, root.segment, root.bus_start, root.bus_end,
                       acc == NULL                            ? "none"
                       : acc == &aml->khost.pci.legacy_access ? "cf8"
                                                              : "ecam",
                       count);
    }
    if (bridges == 0) {
        return false;
    }
    console_check(unreached == 0, "pci-roots",
                  "%u host bridges walked, %u with no configuration access", bridges, unreached);
    return true;
}

void pci_report(const struct acpi_facts *facts, const struct aml_state *aml)
{
    struct pci_config_access legacy_access;
    struct pci_legacy legacy;
    static struct function_list found;
    bool ok = true;

    enum pci_status st = pci_legacy_access_init(&legacy_access, &legacy, NULL);
    if (!console_check(st == PCI_OK, "pci-legacy", "%s", pci_status_str(st))) {
        return;
    }
    found.count = 0;
    found.overflow = false;
    const char *how = "every host bridge, from its root bus and behind bridges";
    if (aml->aml == NULL || !facts->have_root || !report_host_bridges(aml, facts, &found, &ok)) {
        /* No interpreter or no host bridge in it: bus 0 and every bus behind a
         * bridge (its Secondary Bus Number register). */
        struct pci_enum e;
        unsigned count;
        how = "0xCF8/0xCFC, bus 0 and behind bridges";
        pci_enum_init_recursive(&e, &legacy_access, 0, 0, 255);
        ok = report_walk(&e, "-", &found, &count);
    }
    console_check(ok && !found.overflow && found.count > 0, "pci-enumerate", "%u functions: %s%s",
                  found.count, how, found.overflow ? " (list full)" : "");
    sort_functions(&found);
    for (unsigned i = 0; i < facts->ecam_count; i++) {
        if (facts->ecam[i].pci_segment_group == 0) {
            compare_ecam(&legacy_access, &found, &facts->ecam[i], aml);
            break;
        }
    }
}
