/* See aml_report.h. Object names and packages: ACPI 6.5, chapter 6 (_HID,
 * _CID, _STA 6.3.7, _CRS 6.2.2, _PRT 6.2.13, _BBN 6.5.5); resource
 * descriptors: 6.4; EISA IDs: 6.1.5. */
#include "aml_report.h"

#include "acpi/discovery.h"
#include "acpi/resource.h"
#include "console.h"
#include "pci_types/enumerate.h"
#include "pci_types/header.h"

/* aml-crs and aml-prt lines (dozens) go to COM1 only, the rest to the
 * framebuffer too. */

#define PATH_LEN 64u
#define ID_LEN 16u
#define MAX_ROUTES 128u
#define MAX_FUNCTIONS 64u
#define MAX_BRIDGES 16u
/* _STA without the method: present, enabled, shown, functioning (6.3.7). */
#define STA_DEFAULT 0xFu
#define STA_PRESENT 0x1u

/* Interpreter memory before any heap: the arena lives in this array. */
static uint8_t aml_arena[AML_ARENA_BYTES] __attribute__((aligned(16)));

struct route {
    uint8_t device;
    uint8_t pin; /* 0 = INTA (the _PRT encoding) */
    uint32_t irq;
};

struct survey {
    unsigned devices, with_hid, crs_run, crs_decoded, host_bridges;
    struct acpi_aml_node *root_bridge; /* the host bridge of bus 0 */
    struct route routes[MAX_ROUTES];
    unsigned route_count, route_failed;
};

static bool same_name(const struct acpi_aml_node *n, const char *name)
{
    const char *have = acpi_aml_node_name(n);
    for (unsigned i = 0; i < 4; i++) {
        if (have[i] != name[i]) {
            return false;
        }
    }
    return true;
}

/* A child by its 4-character name: no upward search, unlike acpi_aml_lookup. */
static struct acpi_aml_node *child(const struct acpi_aml_node *n, const char *name)
{
    for (struct acpi_aml_node *c = acpi_aml_node_first_child(n); c != NULL;
         c = acpi_aml_node_next_sibling(c)) {
        if (same_name(c, name)) {
            return c;
        }
    }
    return NULL;
}

static enum acpi_status eval_child(const struct aml_state *s, const struct acpi_aml_node *n,
                                   const char *name, struct acpi_aml_value *out)
{
    const struct acpi_aml_node *c = child(n, name);
    if (c == NULL) {
        return ACPI_NOT_FOUND;
    }
    return acpi_aml_evaluate(s->aml, c, NULL, 0, out);
}

static bool eval_integer(const struct aml_state *s, const struct acpi_aml_node *n, const char *name,
                         uint64_t *out)
{
    struct acpi_aml_value v;
    if (eval_child(s, n, name, &v) != ACPI_OK) {
        return false;
    }
    bool ok = v.type == ACPI_AML_TYPE_INTEGER;
    if (ok) {
        *out = v.u.integer;
    }
    acpi_aml_value_release(s->aml, &v);
    return ok;
}

static char hex_digit(uint32_t v)
{
    return "0123456789ABCDEF"[v & 0xFu];
}

/* An ID object as text: a compressed EISA ID (6.1.5: three 5-bit letters
 * and four hex digits, stored byte-swapped) or a string passed through. */
static bool id_text(const struct acpi_aml_value *v, char out[ID_LEN])
{
    if (v->type == ACPI_AML_TYPE_INTEGER) {
        uint32_t raw = (uint32_t)v->u.integer;
        uint32_t id = raw >> 24 | (raw >> 8 & 0xFF00u) | (raw << 8 & 0xFF0000u) | raw << 24;
        out[0] = (char)('@' + (id >> 26 & 0x1Fu));
        out[1] = (char)('@' + (id >> 21 & 0x1Fu));
        out[2] = (char)('@' + (id >> 16 & 0x1Fu));
        for (unsigned i = 0; i < 4; i++) {
            out[3 + i] = hex_digit(id >> (12 - 4 * i));
        }
        out[7] = '\0';
        return true;
    }
    if (v->type == ACPI_AML_TYPE_STRING) {
        unsigned i = 0;
        for (; i + 1 < ID_LEN && i < v->u.string.len && v->u.string.ptr[i] != '\0'; i++) {
            out[i] = v->u.string.ptr[i];
        }
        out[i] = '\0';
        return true;
    }
    return false;
}

static bool same_text(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static bool is_host_bridge_id(const char *id)
{
    return same_text(id, "PNP0A03") || same_text(id, "PNP0A08");
}

/* _CID: one ID or a package of them (6.1.2). */
static bool cid_is_host_bridge(const struct aml_state *s, const struct acpi_aml_node *n)
{
    struct acpi_aml_value v;
    char id[ID_LEN];
    bool found = false;

    if (eval_child(s, n, "_CID", &v) != ACPI_OK) {
        return false;
    }
    if (v.type == ACPI_AML_TYPE_PACKAGE) {
        for (uint32_t i = 0; i < v.u.package.count && !found; i++) {
            found = id_text(&v.u.package.elements[i], id) && is_host_bridge_id(id);
        }
    } else {
        found = id_text(&v, id) && is_host_bridge_id(id);
    }
    acpi_aml_value_release(s->aml, &v);
    return found;
}

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

/* ---------------------------------------------------------------- _CRS */

static const char *address_kind(uint8_t resource_type)
{
    switch (resource_type) {
    case ACPI_RESOURCE_ADDRESS_MEMORY:
        return "mem";
    case ACPI_RESOURCE_ADDRESS_IO:
        return "io";
    case ACPI_RESOURCE_ADDRESS_BUS_NUMBER:
        return "bus";
    default:
        return "vendor";
    }
}

static void print_resource(const char *path, const struct acpi_resource *r)
{
    const char *p = path;
    switch (r->type) {
    case ACPI_RESOURCE_IRQ:
        console_serial_printf("aml-crs path=%s kind=irq mask=0x%x edge=%u active_low=%u\n", p,
                              r->u.irq.mask, r->u.irq.edge_triggered, r->u.irq.active_low);
        break;
    case ACPI_RESOURCE_EXTENDED_IRQ:
        for (size_t i = 0; i < r->u.extended_irq.interrupts.count; i++) {
            console_serial_printf("aml-crs path=%s kind=gsi gsi=%u flags=0x%x\n", p,
                                  acpi_resource_u32_at(&r->u.extended_irq.interrupts, i),
                                  r->u.extended_irq.flags);
        }
        break;
    case ACPI_RESOURCE_DMA:
        console_serial_printf("aml-crs path=%s kind=dma mask=0x%x\n", p, r->u.dma.channel_mask);
        break;
    case ACPI_RESOURCE_IO:
        console_serial_printf("aml-crs path=%s kind=io base=0x%x max=0x%x length=%u\n", p,
                              r->u.io.minimum, r->u.io.maximum, r->u.io.length);
        break;
    case ACPI_RESOURCE_FIXED_IO:
        console_serial_printf("aml-crs path=%s kind=io base=0x%x max=0x%x length=%u\n", p,
                              r->u.fixed_io.base, r->u.fixed_io.base, r->u.fixed_io.length);
        break;
    case ACPI_RESOURCE_MEMORY24:
        console_serial_printf("aml-crs path=%s kind=mem base=0x%x length=0x%x\n", p,
                              r->u.memory24.minimum, r->u.memory24.length);
        break;
    case ACPI_RESOURCE_MEMORY32:
        console_serial_printf("aml-crs path=%s kind=mem base=0x%x length=0x%x\n", p,
                              r->u.memory32.minimum, r->u.memory32.length);
        break;
    case ACPI_RESOURCE_FIXED_MEMORY32:
        console_serial_printf("aml-crs path=%s kind=mem base=0x%x length=0x%x\n", p,
                              r->u.fixed_memory32.base, r->u.fixed_memory32.length);
        break;
    case ACPI_RESOURCE_ADDRESS16:
    case ACPI_RESOURCE_ADDRESS32:
    case ACPI_RESOURCE_ADDRESS64:
    case ACPI_RESOURCE_EXTENDED_ADDRESS:
        console_serial_printf(
            "aml-crs path=%s kind=%s base=0x%llx max=0x%llx length=0x%llx\n", p,
            address_kind(r->u.address.resource_type), (unsigned long long)r->u.address.minimum,
            (unsigned long long)r->u.address.maximum, (unsigned long long)r->u.address.length);
        break;
    default:
        console_serial_printf("aml-crs path=%s kind=other type=\"%s\"\n", p,
                              acpi_resource_type_str(r->type));
        break;
    }
}

/* Prints every descriptor of a _CRS buffer; true when it ends in its End Tag.
 * A bus-number descriptor's range goes to bus_min and bus_max (host bridges). */
static bool print_crs(const char *path, const struct acpi_aml_value *v, uint64_t *bus_min,
                      uint64_t *bus_max)
{
    struct acpi_resource_iter it;
    struct acpi_resource r;
    enum acpi_status st;

    acpi_resource_iter_init(&it, v->u.buffer.ptr, v->u.buffer.len);
    while ((st = acpi_resource_next(&it, &r)) == ACPI_OK) {
        if (r.type == ACPI_RESOURCE_END_TAG) {
            continue;
        }
        print_resource(path, &r);
        if ((r.type == ACPI_RESOURCE_ADDRESS16 || r.type == ACPI_RESOURCE_ADDRESS32 ||
             r.type == ACPI_RESOURCE_ADDRESS64) &&
            r.u.address.resource_type == ACPI_RESOURCE_ADDRESS_BUS_NUMBER) {
            *bus_min = r.u.address.minimum;
            *bus_max = r.u.address.maximum;
        }
    }
    if (st != ACPI_END) {
        console_serial_printf("aml-crs path=%s status=\"%s\" offset=%llu\n", path,
                              acpi_status_str(st), (unsigned long long)it.offset);
    }
    return st == ACPI_END;
}

/* ---------------------------------------------------------------- devices */

static void report_device(const struct aml_state *s, struct survey *sv, struct acpi_aml_node *n)
{
    char path[PATH_LEN];
    char hid[ID_LEN];
    struct acpi_aml_value v;
    uint64_t sta = STA_DEFAULT;

    sv->devices++;
    if (eval_child(s, n, "_HID", &v) != ACPI_OK) {
        return;
    }
    bool have_hid = id_text(&v, hid);
    acpi_aml_value_release(s->aml, &v);
    if (!have_hid) {
        return;
    }
    sv->with_hid++;
    (void)acpi_aml_node_path(n, path, sizeof path);
    if (child(n, "_STA") != NULL && !eval_integer(s, n, "_STA", &sta)) {
        sta = 0;
    }
    console_printf("aml-device path=%s hid=%s sta=0x%llx\n", path, hid, (unsigned long long)sta);
    if ((sta & STA_PRESENT) == 0) {
        return;
    }

    uint64_t bus_min = 0;
    uint64_t bus_max = 0;
    bool has_bus = false;
    if (eval_child(s, n, "_CRS", &v) == ACPI_OK) {
        if (v.type == ACPI_AML_TYPE_BUFFER) {
            sv->crs_run++;
            bus_max = UINT64_MAX;
            sv->crs_decoded += print_crs(path, &v, &bus_min, &bus_max) ? 1u : 0u;
            has_bus = bus_max != UINT64_MAX;
        }
        acpi_aml_value_release(s->aml, &v);
    }
    if (is_host_bridge_id(hid) || cid_is_host_bridge(s, n)) {
        uint64_t seg = 0;
        uint64_t bbn = has_bus ? bus_min : 0;
        (void)eval_integer(s, n, "_SEG", &seg);
        (void)eval_integer(s, n, "_BBN", &bbn);
        console_printf("aml-host-bridge path=%s segment=%llu bbn=%llu bus_min=%llu bus_max=%llu\n",
                       path, (unsigned long long)seg, (unsigned long long)bbn,
                       (unsigned long long)(has_bus ? bus_min : bbn),
                       (unsigned long long)(has_bus ? bus_max : 255u));
        sv->host_bridges++;
        if (seg == 0 && bbn == 0 && sv->root_bridge == NULL) {
            sv->root_bridge = n;
        }
    }
}

static void report_devices(const struct aml_state *s, struct survey *sv)
{
    for (struct acpi_aml_node *n = acpi_aml_root(s->aml); n != NULL; n = acpi_aml_node_next(n)) {
        if (acpi_aml_node_type(n) == ACPI_AML_TYPE_DEVICE) {
            report_device(s, sv, n);
        }
    }
    console_check(sv->with_hid > 0 && sv->crs_decoded == sv->crs_run, "aml-devices",
                  "%u devices, %u with _HID; %u _CRS evaluated, %u decoded to their End Tag, "
                  "%u host bridges",
                  sv->devices, sv->with_hid, sv->crs_run, sv->crs_decoded, sv->host_bridges);
}

/* ---------------------------------------------------------------- _PRT */

/* The IRQ a PCI interrupt link device (PNP0C0F) is set to: its current
 * _CRS, an IRQ or Extended Interrupt descriptor (6.2.13). */
static bool link_irq(const struct aml_state *s, const struct acpi_aml_node *link, uint32_t *irq)
{
    struct acpi_aml_value v;
    struct acpi_resource_iter it;
    struct acpi_resource r;
    bool found = false;

    if (eval_child(s, link, "_CRS", &v) != ACPI_OK) {
        return false;
    }
    if (v.type == ACPI_AML_TYPE_BUFFER) {
        acpi_resource_iter_init(&it, v.u.buffer.ptr, v.u.buffer.len);
        while (!found && acpi_resource_next(&it, &r) == ACPI_OK) {
            if (r.type == ACPI_RESOURCE_IRQ && r.u.irq.mask != 0) {
                *irq = (uint32_t)__builtin_ctz(r.u.irq.mask);
                found = true;
            } else if (r.type == ACPI_RESOURCE_EXTENDED_IRQ &&
                       r.u.extended_irq.interrupts.count > 0) {
                *irq = acpi_resource_u32_at(&r.u.extended_irq.interrupts, 0);
                found = true;
            }
        }
    }
    acpi_aml_value_release(s->aml, &v);
    return found;
}

/* One _PRT entry: Package {Address, Pin, Source, Source Index}. */
static bool route_entry(const struct aml_state *s, const struct acpi_aml_node *bridge,
                        const struct acpi_aml_value *e, struct route *out)
{
    char link_path[PATH_LEN] = "none";
    const struct acpi_aml_value *el = e->u.package.elements;

    if (e->type != ACPI_AML_TYPE_PACKAGE || e->u.package.count < 4 ||
        el[0].type != ACPI_AML_TYPE_INTEGER || el[1].type != ACPI_AML_TYPE_INTEGER ||
        el[3].type != ACPI_AML_TYPE_INTEGER || el[1].u.integer > 3) {
        return false;
    }
    out->device = (uint8_t)(el[0].u.integer >> 16 & 0x1Fu);
    out->pin = (uint8_t)el[1].u.integer;
    const struct acpi_aml_node *link = NULL;
    struct acpi_aml_node *found = NULL;
    bool ok;
    if (el[2].type == ACPI_AML_TYPE_INTEGER) {
        /* Source 0: the index is the global system interrupt itself. */
        out->irq = (uint32_t)el[3].u.integer;
        ok = el[2].u.integer == 0;
    } else {
        if (el[2].type == ACPI_AML_TYPE_REFERENCE) {
            link = el[2].u.node;
        } else if (el[2].type == ACPI_AML_TYPE_STRING &&
                   acpi_aml_lookup(s->aml, bridge, el[2].u.string.ptr, &found) == ACPI_OK) {
            link = found;
        }
        ok = link != NULL && link_irq(s, link, &out->irq);
        if (link != NULL) {
            (void)acpi_aml_node_path(link, link_path, sizeof link_path);
        }
    }
    if (ok) {
        console_serial_printf(" %c=%s:%u", 'A' + out->pin, link_path, out->irq);
    } else {
        console_serial_printf(" %c=%s:unresolved", 'A' + out->pin, link_path);
    }
    return ok;
}

static void report_prt(const struct aml_state *s, struct survey *sv)
{
    struct acpi_aml_value v;

    if (sv->root_bridge == NULL || eval_child(s, sv->root_bridge, "_PRT", &v) != ACPI_OK) {
        console_check(false, "aml-prt", "no host bridge of bus 0 with a _PRT");
        return;
    }
    if (v.type == ACPI_AML_TYPE_PACKAGE) {
        /* One line per device: its pins' sources and IRQs (QEMU lists 4 per slot). */
        uint64_t line_device = UINT64_MAX;
        for (uint32_t i = 0; i < v.u.package.count; i++) {
            const struct acpi_aml_value *e = &v.u.package.elements[i];
            uint64_t device = e->type == ACPI_AML_TYPE_PACKAGE && e->u.package.count > 0 &&
                                      e->u.package.elements[0].type == ACPI_AML_TYPE_INTEGER
                                  ? e->u.package.elements[0].u.integer >> 16 & 0x1Fu
                                  : UINT64_MAX - 1;
            if (device != line_device) {
                console_serial_printf("%saml-prt device=%llu",
                                      line_device == UINT64_MAX ? "" : "\n",
                                      (unsigned long long)device);
                line_device = device;
            }
            struct route r;
            if (route_entry(s, sv->root_bridge, &v.u.package.elements[i], &r) &&
                sv->route_count < MAX_ROUTES) {
                sv->routes[sv->route_count++] = r;
            } else {
                sv->route_failed++;
            }
        }
        if (line_device != UINT64_MAX) {
            console_serial_printf("\n");
        }
    }
    acpi_aml_value_release(s->aml, &v);
    console_check(sv->route_count > 0 && sv->route_failed == 0, "aml-prt",
                  "%u _PRT entries of the bus 0 host bridge resolved, %u not", sv->route_count,
                  sv->route_failed);
}

/* ---------------------------------------------------------------- PCI IRQs */

struct bridge {
    uint8_t bus, device, secondary;
};

static const struct route *find_route(const struct survey *sv, uint8_t device, uint8_t pin)
{
    for (unsigned i = 0; i < sv->route_count; i++) {
        if (sv->routes[i].device == device && sv->routes[i].pin == pin) {
            return &sv->routes[i];
        }
    }
    return NULL;
}

/* Walks up to bus 0: a bridge without its own _PRT passes device D's pin P
 * to its own slot as pin (P + D) mod 4 (PCI-to-PCI Bridge Architecture 1.2,
 * Table 9-1). Bridges below the root are not given _PRT in QEMU's tables. */
static const struct route *route_function(const struct survey *sv, const struct bridge *bridges,
                                          unsigned bridge_count, uint8_t bus, uint8_t device,
                                          uint8_t pin)
{
    for (unsigned hops = 0; bus != 0 && hops < MAX_BRIDGES; hops++) {
        const struct bridge *up = NULL;
        for (unsigned i = 0; i < bridge_count && up == NULL; i++) {
            if (bridges[i].secondary == bus) {
                up = &bridges[i];
            }
        }
        if (up == NULL) {
            return NULL;
        }
        pin = (uint8_t)((pin + device) % 4u);
        device = up->device;
        bus = up->bus;
    }
    return bus == 0 ? find_route(sv, device, pin) : NULL;
}

static void report_pci_irqs(const struct survey *sv)
{
    struct pci_legacy legacy;
    struct pci_config_access access;
    struct pci_enum e;
    struct pci_enum_entry entry;
    struct bridge bridges[MAX_BRIDGES];
    struct pci_address pinned[MAX_FUNCTIONS];
    uint8_t pins[MAX_FUNCTIONS];
    unsigned bridge_count = 0;
    unsigned count = 0;
    unsigned routed = 0;
    unsigned same = 0;

    if (pci_legacy_access_init(&access, &legacy, NULL) != PCI_OK) {
        return;
    }
    pci_enum_init_recursive(&e, &access, 0, 0, 255);
    while (pci_enum_next(&e, &entry) == PCI_OK) {
        const struct pci_function *f = &entry.function;
        if (entry.header.header_type == 1 && bridge_count < MAX_BRIDGES) {
            struct pci_header_type1 t1;
            if (pci_header_read_type1(f, &t1) == PCI_OK) {
                bridges[bridge_count++] =
                    (struct bridge){f->address.bus, f->address.device, t1.secondary_bus};
            }
        }
        uint8_t pin = access.read8(access.ctx, f->address, 0x3D); /* Interrupt Pin */
        if (pin >= 1 && pin <= 4 && count < MAX_FUNCTIONS) {
            pinned[count] = f->address;
            pins[count++] = pin;
        }
    }
    for (unsigned i = 0; i < count; i++) {
        const struct pci_address *a = &pinned[i];
        const struct route *r =
            route_function(sv, bridges, bridge_count, a->bus, a->device, (uint8_t)(pins[i] - 1u));
        uint8_t line = access.read8(access.ctx, *a, 0x3C); /* Interrupt Line */
        if (r != NULL) {
            routed++;
            same += r->irq == line ? 1u : 0u;
        }
        console_printf("aml-pci-irq %02x:%02x.%x pin=%u irq=%u line=%u%s\n", a->bus, a->device,
                       a->function, pins[i], r != NULL ? r->irq : 0u, line,
                       r != NULL ? "" : " unrouted");
    }
    /* Firmware (SeaBIOS, OVMF) writes the routed IRQ into Interrupt Line. */
    console_check(routed == count && same == count, "aml-pci-irq",
                  "%u functions with an interrupt pin, %u routed by _PRT, %u equal to their "
                  "Interrupt Line register",
                  count, routed, same);
}

/* ---------------------------------------------------------------- survey */

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
    aml_kernel_host_init(&s->khost, &s->host, hw, facts->have_pm_timer ? &facts->pm_timer : NULL);
    enum acpi_status st = acpi_aml_arena_init(aml_arena, sizeof aml_arena, &s->mem);
    if (st == ACPI_OK) {
        st = acpi_aml_create(&s->host, &s->mem, &s->aml);
    }
    if (st == ACPI_OK) {
        st = acpi_aml_install_region_handler(s->aml, NULL, ACPI_AML_SPACE_SYSTEM_MEMORY,
                                             aml_kernel_memory_handler, &s->khost);
    }
    if (!console_check(st == ACPI_OK, "aml-create", "arena of %u bytes (static): %s",
                       AML_ARENA_BYTES, acpi_status_str(st))) {
        s->aml = NULL;
        return;
    }
    (void)load_tables(s, &facts->root);
    st = acpi_aml_initialize(s->aml, &counts);
    console_printf("aml-init devices=%u sta_run=%u sta_failed=%u ini_run=%u ini_failed=%u "
                   "reg_run=%u reg_failed=%u not_present=%u\n",
                   counts.devices, counts.sta_run, counts.sta_failed, counts.ini_run,
                   counts.ini_failed, counts.reg_run, counts.reg_failed, counts.not_present);
    console_check(st == ACPI_OK && counts.sta_failed == 0 && counts.ini_failed == 0,
                  "aml-initialize", "%u _STA (%u failed), %u _INI (%u failed): %s", counts.sta_run,
                  counts.sta_failed, counts.ini_run, counts.ini_failed, acpi_status_str(st));

    sv = (struct survey){0};
    report_devices(s, &sv);
    report_prt(s, &sv);
    report_pci_irqs(&sv);
    print_errors(s);
    console_printf("aml-memory arena=%u used=%llu peak=%llu high_water=%llu errors=%u\n",
                   AML_ARENA_BYTES, (unsigned long long)acpi_aml_memory_used(s->aml),
                   (unsigned long long)acpi_aml_memory_peak(s->aml),
                   (unsigned long long)acpi_aml_arena_high_water(&s->mem),
                   acpi_aml_error_count(s->aml));
}
