/* See aml_report.h. The device layer of acpi/ does the AML side: device
 * walk and IDs (aml_device.h), _CRS summaries (aml_resources.h), host
 * bridges (aml_pci_root.h), _PIC and _PRT with the link devices (aml_prt.h);
 * this file loads the tables, prints, and walks the PCI functions. */
#include "aml_report.h"

#include "acpi/aml_device.h"
#include "acpi/aml_host_pci.h"
#include "acpi/aml_pci_root.h"
#include "acpi/aml_prt.h"
#include "acpi/aml_resources.h"
#include "acpi/discovery.h"
#include "acpi/mcfg.h"
#include "aml_tables.h"
#include "console.h"
#include "pci_path.h"
#include "pci_types/enumerate.h"

/* aml-crs and aml-prt lines (dozens) go to COM1 only, the rest to the
 * framebuffer too. */

#define PATH_LEN 64u
#define MAX_ROUTES 256u

/* Interpreter memory before any heap: the arena lives in this array. */
static uint8_t aml_arena[AML_ARENA_BYTES] __attribute__((aligned(16)));

struct survey {
    unsigned devices, with_hid, crs_run, crs_decoded, host_bridges;
    bool have_mcfg;
    struct acpi_mcfg mcfg; /* points into the MCFG, which stays mapped */
    struct acpi_aml_prt_route routes[MAX_ROUTES];
    uint32_t route_count;
};

/* ---------------------------------------------------------------- loading */

static bool load_one(struct aml_state *s, const struct acpi_root *root,
                     const struct acpi_table_ref *ref)
{
    struct acpi_sdt sdt;
    enum acpi_status st = acpi_table_map(root, ref, &sdt);

    /* The mapping is kept: method bodies execute from the table's bytes. */
    if (st == ACPI_OK) {
        st = acpi_aml_load_table(s->aml, sdt.bytes, sdt.length);
    }
    console_printf("aml-table signature=%.4s address=0x%llx length=%u oem_table=\"%.8s\" "
                   "status=\"%s\"\n",
                   ref->header.signature, (unsigned long long)ref->address, ref->header.length,
                   ref->header.oem_table_id, acpi_status_str(st));
    return st == ACPI_OK;
}

static bool load_tables(struct aml_state *s, const struct acpi_root *root)
{
    struct acpi_table_ref ref;
    unsigned loaded = 0;
    unsigned failed = 0;

    if (acpi_find_dsdt(root, &ref) == ACPI_OK) {
        if (load_one(s, root, &ref)) {
            loaded++;
        } else {
            failed++;
        }
    } else {
        failed++;
    }
    /* Every SSDT of the root table, in its order (6.5.1 loads them after the DSDT). */
    for (uint32_t i = 0; i < root->entry_count && acpi_find_table(root, "SSDT", i, &ref) == ACPI_OK;
         i++) {
        if (load_one(s, root, &ref)) {
            loaded++;
        } else {
            failed++;
        }
    }
    return console_check(failed == 0 && loaded > 0 && acpi_aml_table_count(s->aml) == loaded,
                         "aml-load", "%u tables loaded (DSDT and SSDTs), %u failed", loaded,
                         failed);
}

static void print_errors(const struct aml_state *s)
{
    uint32_t n = acpi_aml_error_count(s->aml);
    struct acpi_aml_error e;

    for (uint32_t i = 0; i < n && acpi_aml_error_get(s->aml, i, &e); i++) {
        console_printf("aml-error path=%s status=\"%s\" table=%u offset=0x%x\n", e.path,
                       acpi_status_str(e.status), e.table, e.aml_offset);
    }
}

/* ---------------------------------------------------------------- devices */

/* A device's _CRS through the ready helper: its own registers and the
 * windows it produces (host bridges), its interrupts. */
static void print_resources(const char *path, const struct acpi_aml_device_resources *r)
{
    for (uint32_t i = 0; i < r->io_count; i++) {
        console_serial_printf("aml-crs path=%s kind=io base=0x%llx length=0x%llx producer=%u\n",
                              path, (unsigned long long)r->io[i].base,
                              (unsigned long long)r->io[i].length, r->io[i].producer);
    }
    for (uint32_t i = 0; i < r->mmio_count; i++) {
        console_serial_printf("aml-crs path=%s kind=mem base=0x%llx length=0x%llx producer=%u\n",
                              path, (unsigned long long)r->mmio[i].base,
                              (unsigned long long)r->mmio[i].length, r->mmio[i].producer);
    }
    for (uint32_t i = 0; i < r->irq_count; i++) {
        const struct acpi_aml_irq *q = &r->irqs[i];
        console_serial_printf("aml-crs path=%s kind=irq irq=%u edge=%u active_low=%u shared=%u "
                              "extended=%u\n",
                              path, q->number, q->edge_triggered, q->active_low, q->shared,
                              q->extended);
    }
}

static void report_device(const struct aml_state *s, struct survey *sv,
                          const struct acpi_aml_node *n)
{
    static struct acpi_aml_device_info info;
    static struct acpi_aml_device_resources res;
    char path[PATH_LEN];

    sv->devices++;
    if (acpi_aml_device_get_info(s->aml, n, &info) != ACPI_OK ||
        (info.valid & ACPI_AML_DEVICE_HAS_HID) == 0) {
        return;
    }
    sv->with_hid++;
    (void)acpi_aml_node_path(n, path, sizeof path);
    console_printf("aml-device path=%s hid=%s cid=%s sta=0x%x\n", path, info.hid,
                   info.cid_count > 0 ? info.cid[0] : "-", info.sta);
    if ((info.sta & ACPI_AML_STA_PRESENT) == 0) {
        return;
    }
    enum acpi_status st = acpi_aml_device_resources(s->aml, n, &res);
    if (st == ACPI_NOT_FOUND) {
        return;
    }
    sv->crs_run++;
    if (st == ACPI_OK) {
        sv->crs_decoded++;
        print_resources(path, &res);
    } else {
        console_printf("aml-crs path=%s status=\"%s\"\n", path, acpi_status_str(st));
    }
}

static void report_devices(const struct aml_state *s, struct survey *sv)
{
    for (const struct acpi_aml_node *n = acpi_aml_device_next(s->aml, NULL); n != NULL;
         n = acpi_aml_device_next(s->aml, n)) {
        if (acpi_aml_node_type(n) == ACPI_AML_TYPE_DEVICE) {
            report_device(s, sv, n);
        }
    }
    console_check(sv->with_hid > 0 && sv->crs_decoded == sv->crs_run, "aml-devices",
                  "%u devices, %u with _HID; %u _CRS evaluated, %u decoded to their End Tag",
                  sv->devices, sv->with_hid, sv->crs_run, sv->crs_decoded);
}

/* Every PCI host bridge with its segment, bus range and windows; MCFG gives
 * the ECAM region of each. */
static void report_host_bridges(const struct aml_state *s, const struct acpi_root *root,
                                struct survey *sv)
{
    static struct acpi_aml_pci_root bridge;
    struct acpi_table_ref ref;
    struct acpi_sdt sdt;
    sv->have_mcfg = acpi_find_table(root, "MCFG", 0, &ref) == ACPI_OK &&
                    acpi_table_map(root, &ref, &sdt) == ACPI_OK &&
                    acpi_mcfg_parse(sdt.bytes, sdt.length, &sv->mcfg) == ACPI_OK;
    const struct acpi_aml_node *prev = NULL;
    enum acpi_status st;
    char path[PATH_LEN];

    /* The MCFG mapping stays: acpi_mcfg keeps pointers into the table. */
    while ((st = acpi_aml_pci_root_next(s->aml, prev, sv->have_mcfg ? &sv->mcfg : NULL, &bridge)) ==
           ACPI_OK) {
        (void)acpi_aml_node_path(bridge.node, path, sizeof path);
        console_printf("aml-host-bridge path=%s segment=%u bus_start=%u bus_end=%u bbn=%u "
                       "windows=%u ecam=0x%llx\n",
                       path, bridge.segment, bridge.bus_start, bridge.bus_end, bridge.bbn,
                       bridge.window_count,
                       (unsigned long long)(bridge.has_ecam ? bridge.ecam_base : 0));
        sv->host_bridges++;
        prev = bridge.node;
    }
    console_check(st == ACPI_END && sv->host_bridges > 0, "aml-host-bridges",
                  "%u PCI host bridges: %s", sv->host_bridges, acpi_status_str(st));
}

/* ---------------------------------------------------------------- _PRT */

/* PIC mode (_PIC(0), ACPI 6.5, 5.8.1): the firmware wrote the IRQs of that
 * mode into the functions' Interrupt Line registers, which QEMU's `info pci`
 * shows; the kernel's I/O APIC set-up does not route PCI interrupts. Each
 * route on COM1, one line per device. */
static void report_prt(struct aml_state *s, struct survey *sv)
{
    const struct acpi_aml_prt_options opts = {.host = &s->host, .set_links = false};
    uint32_t failed = 0;
    uint32_t unresolved = 0;
    char path[PATH_LEN];

    enum acpi_status pic = acpi_aml_pic(s->aml, ACPI_AML_PIC_8259);
    enum acpi_status st =
        acpi_aml_prt_collect(s->aml, &opts, sv->routes, MAX_ROUTES, &sv->route_count, &failed);
    if (sv->route_count > MAX_ROUTES) {
        sv->route_count = MAX_ROUTES;
    }
    for (uint32_t i = 0; i < sv->route_count; i++) {
        const struct acpi_aml_prt_route *r = &sv->routes[i];
        bool new_line =
            i == 0 || r->bus != sv->routes[i - 1].bus || r->device != sv->routes[i - 1].device;
        if (new_line) {
            console_serial_printf("%saml-prt bus=%u device=%u", i == 0 ? "" : "\n", r->bus,
                                  r->device);
        }
        if (r->link != NULL) {
            (void)acpi_aml_node_path(r->link, path, sizeof path);
        } else {
            path[0] = 'g';
            path[1] = 's';
            path[2] = 'i';
            path[3] = '\0';
        }
        if (r->status == ACPI_OK) {
            console_serial_printf(" %c=%s:%u", 'A' + r->pin, path, r->irq.number);
        } else {
            console_serial_printf(" %c=%s:unresolved", 'A' + r->pin, path);
            unresolved++;
        }
    }
    if (sv->route_count > 0) {
        console_serial_printf("\n");
    }
    console_check((st == ACPI_OK) && sv->route_count > 0 && failed == 0 && unresolved == 0,
                  "aml-prt", "_PIC(0): %s; %u _PRT entries, %u unresolved, %u _PRT failed: %s",
                  acpi_status_str(pic), sv->route_count, unresolved, failed, acpi_status_str(st));
}

/* ---------------------------------------------------------------- PCI IRQs */

/* The walk below every host bridge (acpi/aml_host_pci.h's visitor): each
 * function with an interrupt pin is looked up in the routes of its own host
 * bridge's segment, from that bridge's root bus down (bus numbers are unique
 * within a segment, so the root bus names the bridge whose _PRT answers). */
struct irq_walk {
    const struct survey *sv;
    const struct acpi_aml_node *root; /* the host bridge of `bridges` */
    struct pci_path_bridges bridges;
    char path[PATH_LEN];
    unsigned count, routed, same;
};

static bool visit_pci_irq(void *ctx, const struct acpi_aml_pci_root *root,
                          const struct pci_enum_entry *entry)
{
    struct irq_walk *w = ctx;
    const struct pci_function *f = &entry->function;
    const struct pci_address *a = &f->address;
    struct acpi_aml_pci_hop hops[PCI_PATH_MAX_HOPS];
    const struct acpi_aml_prt_route *r = NULL;

    if (root->node != w->root) {
        w->root = root->node;
        w->bridges.count = 0;
        (void)acpi_aml_node_path(root->node, w->path, sizeof w->path);
    }
    /* The recursive walk meets a bridge before the functions behind it. */
    pci_path_note(&w->bridges, entry);
    uint8_t pin = pci_read8(f, 0x3D); /* Interrupt Pin */
    if (pin < 1 || pin > 4) {
        return true;
    }
    uint32_t n = pci_path_hops(&w->bridges, root->bus_start, a->bus, a->device, hops);
    if (n == 0 || acpi_aml_prt_lookup_path(w->sv->routes, w->sv->route_count, root->segment, hops,
                                           n, (uint8_t)(pin - 1u), &r) != ACPI_OK) {
        r = NULL;
    }
    uint8_t line = pci_read8(f, 0x3C); /* Interrupt Line */
    char link[PATH_LEN] = "gsi";
    w->count++;
    if (r != NULL) {
        w->routed++;
        w->same += r->irq.number == line ? 1u : 0u;
        if (r->link != NULL) {
            (void)acpi_aml_node_path(r->link, link, sizeof link);
        }
    }
    console_printf("aml-pci-irq %02x:%02x.%x pin=%u irq=%u line=%u root=%s link=%s%s%s\n", a->bus,
                   a->device, a->function, pin, r != NULL ? r->irq.number : 0u, line, w->path,
                   r != NULL ? link : "-", r != NULL ? "" : " unrouted",
                   r != NULL && r->irq.number != line ? " differs" : "");
    return true;
}

/* Every function below every present host bridge, through the AML host's
 * configuration access (ECAM where the MCFG covers the bus, else 0xCF8). */
static void report_pci_irqs(const struct aml_state *s, const struct survey *sv)
{
    static struct acpi_aml_pci_root root;
    static struct irq_walk w;
    uint32_t unreached = 0;

    w = (struct irq_walk){.sv = sv};
    enum acpi_status st =
        acpi_aml_pci_enumerate_roots(s->aml, sv->have_mcfg ? &sv->mcfg : NULL, &s->khost.pci, &root,
                                     visit_pci_irq, &w, &unreached);
    /* Firmware (SeaBIOS, OVMF) writes the IRQ of its own routing into
     * Interrupt Line, which has no effect on the hardware (PCI Local Bus 3.0,
     * 6.2.4); the OS follows _PRT. The two come from different programs (the
     * DSDT from QEMU, the register from SeaBIOS or OVMF), so a function whose
     * _PRT IRQ differs from it is reported ("differs"), not failed: behind a
     * q35 pxb-pcie expander SeaBIOS 1.16 writes IRQ 10 where QEMU 7.2's _PRT
     * gives 11, and the NIC there raises 11 (pci_irq_probe, e2e_pcihost.py).
     * The e2e tests compare every function with `info pci`. */
    console_check(st == ACPI_OK && unreached == 0 && w.count > 0 && w.routed == w.count,
                  "aml-pci-irq",
                  "%u functions with an interrupt pin below %u host bridges, %u routed by the "
                  "_PRT of their own (%u equal to their Interrupt Line register, %u differ); %u "
                  "bridges unreached: %s",
                  w.count, sv->host_bridges, w.routed, w.same, w.routed - w.same, unreached,
                  acpi_status_str(st));
}

/* ---------------------------------------------------------------- survey */

static uint64_t now_ns(const struct aml_state *s)
{
    return s->host.clock_ns != NULL ? s->host.clock_ns(s->host.ctx) : 0;
}

static void keep_fadt(struct aml_state *s, const struct acpi_root *root)
{
    struct acpi_table_ref ref;
    struct acpi_sdt sdt;

    if (acpi_find_table(root, "FACP", 0, &ref) != ACPI_OK ||
        acpi_table_map(root, &ref, &sdt) != ACPI_OK) {
        return;
    }
    s->have_fadt = acpi_fadt_parse(sdt.bytes, sdt.length, &s->fadt) == ACPI_OK;
    acpi_table_unmap(root, &sdt);
}

void aml_survey(struct aml_state *s, const struct acpi_facts *facts, const struct acpi_hw_host *hw)
{
    static struct survey sv;
    struct acpi_aml_init_counts counts = {0};

    *s = (struct aml_state){0};
    if (!facts->have_root) {
        return;
    }
    keep_fadt(s, &facts->root);
    aml_kernel_host_init(&s->khost, &s->host, hw, facts->have_pm_timer ? &facts->pm_timer : NULL,
                         facts->ecam, facts->ecam_count);
    uint64_t t0 = now_ns(s);
    aml_tables_attach(&s->host, &facts->root); /* LoadTable */
    enum acpi_status st = acpi_aml_arena_init(aml_arena, sizeof aml_arena, &s->mem);
    if (st == ACPI_OK) {
        st = acpi_aml_create(&s->host, &s->mem, &s->aml);
    }
    if (!console_check(st == ACPI_OK, "aml-create", "arena of %u bytes (static): %s",
                       AML_ARENA_BYTES, acpi_status_str(st))) {
        s->aml = NULL;
        return;
    }
    (void)load_tables(s, &facts->root);
    uint64_t t1 = now_ns(s);
    st = acpi_aml_initialize(s->aml, &counts);
    uint64_t t2 = now_ns(s);
    console_printf("aml-init devices=%u sta_run=%u sta_failed=%u ini_run=%u ini_failed=%u "
                   "reg_run=%u reg_failed=%u not_present=%u\n",
                   counts.devices, counts.sta_run, counts.sta_failed, counts.ini_run,
                   counts.ini_failed, counts.reg_run, counts.reg_failed, counts.not_present);
    console_check(st == ACPI_OK && counts.sta_failed == 0 && counts.ini_failed == 0,
                  "aml-initialize", "%u _STA (%u failed), %u _INI (%u failed): %s", counts.sta_run,
                  counts.sta_failed, counts.ini_run, counts.ini_failed, acpi_status_str(st));

    sv = (struct survey){0};
    report_devices(s, &sv);
    uint64_t t3 = now_ns(s);
    report_host_bridges(s, &facts->root, &sv);
    report_prt(s, &sv);
    uint64_t t4 = now_ns(s);
    report_pci_irqs(s, &sv);
    print_errors(s);
    uint64_t t5 = now_ns(s);
    /* PM-timer milliseconds of each phase, printing included. */
    console_printf(
        "aml-time load_ms=%llu init_ms=%llu devices_ms=%llu prt_ms=%llu pci_ms=%llu\n",
        (unsigned long long)((t1 - t0) / 1000000u), (unsigned long long)((t2 - t1) / 1000000u),
        (unsigned long long)((t3 - t2) / 1000000u), (unsigned long long)((t4 - t3) / 1000000u),
        (unsigned long long)((t5 - t4) / 1000000u));
    console_printf("aml-memory arena=%u used=%llu peak=%llu high_water=%llu errors=%u\n",
                   AML_ARENA_BYTES, (unsigned long long)acpi_aml_memory_used(s->aml),
                   (unsigned long long)acpi_aml_memory_peak(s->aml),
                   (unsigned long long)acpi_aml_arena_high_water(&s->mem),
                   acpi_aml_error_count(s->aml));
}
