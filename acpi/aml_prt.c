/* acpi/aml_prt.c - _PIC, _PRT, PCI interrupt link devices and the bridge
 * swizzle (ACPI 6.5, 5.8.1, 6.2.13; PCI-to-PCI Bridge Architecture 1.2, 9.1). */
#include "acpi/aml_prt.h"

#include "acpi/aml_device.h"
#include "acpi/aml_pci_root.h"
#include "acpi/resource.h"

/* Bridges nested deeper than this below a root get ACPI_AML_PRT_BUS_UNKNOWN. */
#define MAX_BRIDGE_DEPTH 16

enum acpi_status acpi_aml_pic(struct acpi_aml *aml, enum acpi_aml_pic_mode mode)
{
    struct acpi_aml_node *pic;
    enum acpi_status st = acpi_aml_lookup(aml, NULL, "\\_PIC", &pic);
    if (st != ACPI_OK) {
        return st;
    }
    struct acpi_aml_value arg = { .type = ACPI_AML_TYPE_INTEGER };
    arg.u.integer = (uint64_t)mode;
    struct acpi_aml_value result;
    st = acpi_aml_evaluate(aml, pic, &arg, 1, &result);
    if (st == ACPI_OK) {
        acpi_aml_value_release(aml, &result);
    }
    return st;
}

uint8_t acpi_aml_prt_swizzle(uint8_t device, uint8_t pin)
{
    return (uint8_t)((device + pin) % 4u);
}

/* The interrupt of the index-th IRQ or Extended IRQ descriptor of a buffer:
 * the lowest IRQ of the mask, or the first interrupt of the list. With
 * `allow_zero` false an interrupt 0 means "not routed" (link _CRS). */
static enum acpi_status nth_interrupt(const uint8_t *bytes, size_t len, uint32_t index,
                                      bool allow_zero, struct acpi_aml_irq *out)
{
    struct acpi_resource_iter it;
    struct acpi_resource r;
    uint32_t seen = 0;
    acpi_resource_iter_init(&it, bytes, len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (r.type != ACPI_RESOURCE_IRQ && r.type != ACPI_RESOURCE_EXTENDED_IRQ) {
            continue;
        }
        if (seen++ != index) {
            continue;
        }
        struct acpi_aml_device_resources one = { 0 };
        acpi_aml_resources_add(&one, &r);
        if (one.irq_count == 0) {
            return ACPI_NOT_FOUND;
        }
        *out = one.irqs[0];
        return out->number == 0 && !allow_zero ? ACPI_NOT_FOUND : ACPI_OK;
    }
    return it.status == ACPI_END || it.status == ACPI_OK ? ACPI_NOT_FOUND : it.status;
}

static enum acpi_status link_interrupt(struct acpi_aml *aml, const struct acpi_aml_node *link,
                                       enum acpi_aml_resource_method which, uint32_t index,
                                       struct acpi_aml_irq *out)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_resources_get(aml, link, which, &v);
    if (st != ACPI_OK) {
        return st;
    }
    st = nth_interrupt(v.u.buffer.ptr, v.u.buffer.len, index, which == ACPI_AML_PRS, out);
    acpi_aml_value_release(aml, &v);
    return st;
}

enum acpi_status acpi_aml_link_current(struct acpi_aml *aml, const struct acpi_aml_node *link,
                                       uint32_t index, struct acpi_aml_irq *out)
{
    return link_interrupt(aml, link, ACPI_AML_CRS, index, out);
}

enum acpi_status acpi_aml_link_possible(struct acpi_aml *aml, const struct acpi_aml_node *link,
                                        struct acpi_aml_irq *out)
{
    return link_interrupt(aml, link, ACPI_AML_PRS, 0, out);
}

enum acpi_status acpi_aml_link_set(struct acpi_aml *aml, const struct acpi_aml_node *link,
                                   const struct acpi_aml_irq *irq)
{
    uint8_t buf[11];
    size_t n;
    if (irq->extended) {
        /* Table 6.58: tag, length 6, flags (consumer), count 1, the interrupt. */
        buf[0] = 0x89;
        buf[1] = 6;
        buf[2] = 0;
        buf[3] = (uint8_t)(0x01u | (irq->edge_triggered ? 0x02u : 0) |
                           (irq->active_low ? 0x04u : 0) | (irq->shared ? 0x08u : 0) |
                           (irq->wake_capable ? 0x10u : 0));
        buf[4] = 1;
        for (unsigned i = 0; i < 4; i++) {
            buf[5 + i] = (uint8_t)(irq->number >> (8 * i));
        }
        n = 9;
    } else {
        /* Table 6.36: IRQ descriptor with its information byte. */
        if (irq->number > 15) {
            return ACPI_INVALID_ARGUMENT;
        }
        uint16_t mask = (uint16_t)(1u << irq->number);
        buf[0] = 0x23;
        buf[1] = (uint8_t)mask;
        buf[2] = (uint8_t)(mask >> 8);
        buf[3] = (uint8_t)((irq->edge_triggered ? 0x01u : 0) | (irq->active_low ? 0x08u : 0) |
                           (irq->shared ? 0x10u : 0) | (irq->wake_capable ? 0x20u : 0));
        n = 4;
    }
    buf[n++] = 0x79;   /* End Tag, checksum 0 (6.4.2.9: treated as correct) */
    buf[n++] = 0;
    return acpi_aml_resources_set(aml, link, buf, n);
}

enum acpi_status acpi_aml_link_disable(struct acpi_aml *aml, const struct acpi_aml_node *link)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, link, "_DIS", NULL, 0, &v);
    if (st == ACPI_OK) {
        acpi_aml_value_release(aml, &v);
    }
    return st;
}

static bool is_ancestor(const struct acpi_aml_node *a, const struct acpi_aml_node *n)
{
    for (const struct acpi_aml_node *p = acpi_aml_node_parent(n); p != NULL;
         p = acpi_aml_node_parent(p)) {
        if (p == a) {
            return true;
        }
    }
    return false;
}

/* The secondary bus of `bridge` below the root bridge `root` on `root_bus`:
 * each device on the way down names its bridge by _ADR, whose configuration
 * space holds the secondary bus number (PCI-to-PCI Bridge 1.2, 3.2.5.3). */
static uint16_t secondary_bus(struct acpi_aml *aml, const struct acpi_aml_prt_options *opts,
                              const struct acpi_aml_node *root, uint16_t segment,
                              uint8_t root_bus, const struct acpi_aml_node *bridge)
{
    if (opts == NULL || opts->host == NULL || opts->host->pci_read == NULL) {
        return ACPI_AML_PRT_BUS_UNKNOWN;
    }
    const struct acpi_aml_node *chain[MAX_BRIDGE_DEPTH];
    uint32_t depth = 0;
    for (const struct acpi_aml_node *p = bridge; p != root; p = acpi_aml_node_parent(p)) {
        if (p == NULL || depth == MAX_BRIDGE_DEPTH) {
            return ACPI_AML_PRT_BUS_UNKNOWN;
        }
        chain[depth++] = p;
    }
    const struct acpi_aml_host *h = opts->host;
    uint8_t bus = root_bus;
    while (depth-- > 0) {
        uint64_t adr;
        if (acpi_aml_device_eval_integer(aml, chain[depth], "_ADR", &adr) != ACPI_OK) {
            return ACPI_AML_PRT_BUS_UNKNOWN;
        }
        uint8_t dev = (uint8_t)((adr >> 16) & 0x1Fu), fn = (uint8_t)(adr & 0x7u);
        uint64_t vendor = h->pci_read(h->ctx, segment, bus, dev, fn, 0x00, 2);
        uint64_t header = h->pci_read(h->ctx, segment, bus, dev, fn, 0x0E, 1);
        if ((vendor & 0xFFFFu) == 0xFFFFu || ((header & 0x7Fu) != 1 && (header & 0x7Fu) != 2)) {
            return ACPI_AML_PRT_BUS_UNKNOWN;
        }
        bus = (uint8_t)h->pci_read(h->ctx, segment, bus, dev, fn, 0x19, 1);
    }
    return bus;
}

static void resolve(struct acpi_aml *aml, const struct acpi_aml_prt_options *opts,
                    const struct acpi_aml_value *source, struct acpi_aml_prt_route *r)
{
    if (source->type == ACPI_AML_TYPE_INTEGER) {
        /* 6.2.13: Source 0 - the Source Index is a GSI, level, active low. */
        r->irq = (struct acpi_aml_irq){ .number = r->source_index, .active_low = true,
                                        .shared = true };
        r->status = source->u.integer == 0 ? ACPI_OK : ACPI_AML_BAD_OPERAND;
        return;
    }
    struct acpi_aml_node *link = NULL;
    if (source->type == ACPI_AML_TYPE_REFERENCE || source->type == ACPI_AML_TYPE_DEVICE) {
        link = (struct acpi_aml_node *)source->u.node;
    } else if (source->type == ACPI_AML_TYPE_STRING) {
        r->status = acpi_aml_lookup(aml, r->bridge, source->u.string.ptr, &link);
        if (r->status != ACPI_OK) {
            return;
        }
    }
    if (link == NULL || acpi_aml_node_type(link) != ACPI_AML_TYPE_DEVICE) {
        r->status = ACPI_AML_BAD_OPERAND;
        return;
    }
    r->link = link;
    r->status = acpi_aml_link_current(aml, link, r->source_index, &r->irq);
    if (r->status == ACPI_NOT_FOUND && opts != NULL && opts->set_links) {
        struct acpi_aml_irq choice;
        r->status = acpi_aml_link_possible(aml, link, &choice);
        if (r->status == ACPI_OK) {
            r->status = acpi_aml_link_set(aml, link, &choice);
        }
        if (r->status == ACPI_OK) {
            r->status = acpi_aml_link_current(aml, link, r->source_index, &r->irq);
        }
    }
}

struct collector {
    struct acpi_aml_prt_route *routes;
    uint32_t cap, count, failed;
};

static void read_prt(struct acpi_aml *aml, const struct acpi_aml_prt_options *opts,
                     const struct acpi_aml_node *bridge, uint16_t segment, uint16_t bus,
                     struct collector *c)
{
    struct acpi_aml_value prt;
    enum acpi_status st = acpi_aml_device_eval(aml, bridge, "_PRT", NULL, 0, &prt);
    if (st == ACPI_NOT_FOUND) {
        return;
    }
    if (st != ACPI_OK || prt.type != ACPI_AML_TYPE_PACKAGE) {
        if (st == ACPI_OK) {
            acpi_aml_value_release(aml, &prt);
        }
        c->failed++;
        return;
    }
    for (uint32_t i = 0; i < prt.u.package.count; i++) {
        const struct acpi_aml_value *e = &prt.u.package.elements[i];
        struct acpi_aml_prt_route r = { .segment = segment, .bus = bus, .bridge = bridge,
                                        .status = ACPI_AML_BAD_OPERAND };
        /* 6.2.13: Package {Address, Pin, Source, Source Index}. */
        if (e->type == ACPI_AML_TYPE_PACKAGE && e->u.package.count == 4 &&
            e->u.package.elements[0].type == ACPI_AML_TYPE_INTEGER &&
            e->u.package.elements[1].type == ACPI_AML_TYPE_INTEGER &&
            e->u.package.elements[3].type == ACPI_AML_TYPE_INTEGER) {
            const struct acpi_aml_value *f = e->u.package.elements;
            r.device = (uint16_t)(f[0].u.integer >> 16);
            r.function = (uint16_t)f[0].u.integer;
            r.pin = (uint8_t)f[1].u.integer;
            r.source_index = (uint32_t)f[3].u.integer;
            if (f[1].u.integer <= 3) {
                resolve(aml, opts, &f[2], &r);
            }
        }
        if (c->count < c->cap) {
            c->routes[c->count] = r;
        }
        c->count++;
    }
    acpi_aml_value_release(aml, &prt);
}

enum acpi_status acpi_aml_prt_collect(struct acpi_aml *aml, const struct acpi_aml_prt_options *opts,
                                      struct acpi_aml_prt_route *routes, uint32_t cap,
                                      uint32_t *count, uint32_t *failed)
{
    if (aml == NULL || count == NULL || (routes == NULL && cap != 0)) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct collector c = { .routes = routes, .cap = cap };
    struct acpi_aml_pci_root root;
    acpi_aml_walk_begin(aml);   /* _PRT, _ADR and _BBN are evaluated during the walk */
    for (const struct acpi_aml_node *prev = NULL;
         acpi_aml_pci_root_next(aml, prev, NULL, &root) == ACPI_OK; prev = root.node) {
        read_prt(aml, opts, root.node, root.segment, root.bus_start, &c);
        for (struct acpi_aml_node *n = acpi_aml_node_next(root.node);
             n != NULL && is_ancestor(root.node, n); n = acpi_aml_node_next(n)) {
            if (acpi_aml_node_type(n) == ACPI_AML_TYPE_DEVICE &&
                acpi_aml_device_child(n, "_PRT") != NULL &&
                acpi_aml_device_child(n, "_ADR") != NULL) {
                uint16_t bus = secondary_bus(aml, opts, root.node, root.segment, root.bus_start, n);
                read_prt(aml, opts, n, root.segment, bus, &c);
            }
        }
    }
    acpi_aml_walk_end(aml);
    *count = c.count;
    if (failed != NULL) {
        *failed = c.failed;
    }
    return c.count > cap ? ACPI_BUFFER_TOO_SMALL : ACPI_OK;
}

static bool bus_has_routes(const struct acpi_aml_prt_route *routes, uint32_t count,
                           uint16_t segment, uint8_t bus)
{
    for (uint32_t i = 0; i < count; i++) {
        if (routes[i].segment == segment && routes[i].bus == bus) {
            return true;
        }
    }
    return false;
}

enum acpi_status acpi_aml_prt_lookup(const struct acpi_aml_prt_route *routes, uint32_t count,
                                     uint16_t segment, uint8_t bus, uint8_t device, uint8_t pin,
                                     const struct acpi_aml_prt_route **out)
{
    for (uint32_t i = 0; i < count; i++) {
        const struct acpi_aml_prt_route *r = &routes[i];
        if (r->status == ACPI_OK && r->segment == segment && r->bus == bus &&
            r->device == device && r->pin == pin) {
            *out = r;
            return ACPI_OK;
        }
    }
    return ACPI_NOT_FOUND;
}

enum acpi_status acpi_aml_prt_lookup_path(const struct acpi_aml_prt_route *routes,
                                          uint32_t count, uint16_t segment,
                                          const struct acpi_aml_pci_hop *hops, uint32_t nhops,
                                          uint8_t pin, const struct acpi_aml_prt_route **out)
{
    if (pin > 3) {
        return ACPI_INVALID_ARGUMENT;
    }
    uint8_t p = pin;
    for (uint32_t i = nhops; i-- > 0;) {
        if (bus_has_routes(routes, count, segment, hops[i].bus)) {
            return acpi_aml_prt_lookup(routes, count, segment, hops[i].bus, hops[i].device, p,
                                       out);
        }
        p = acpi_aml_prt_swizzle(hops[i].device, p);
    }
    return ACPI_NOT_FOUND;
}
