/* acpi/aml_region.c - operation region access (ACPI 6.5, 5.5.2.4 and 19.6.100):
 * the host's handlers by space (and device), the default SystemMemory, SystemIO
 * and PCI_Config handlers over the host callbacks, DataTableRegion reads, the
 * PCI address of a region (_ADR, _BBN, _SEG) and _REG. */
#include "acpi/aml_region.h"
#include "acpi/shift.h"

#include "acpi/aml_convert.h"
#include "acpi/aml_parse.h"
#include "volatile/access.h"

/* An integer-valued object of `dev` (_ADR, _BBN, _SEG), or `dflt` when absent. */
static enum acpi_status eval_int(struct acpi_aml *aml, struct acpi_aml_node *dev, uint32_t name,
                                 uint64_t dflt, uint64_t *out, bool *found)
{
    *out = dflt;
    *found = false;
    struct acpi_aml_node *n = acpi_aml_ns_child(&aml->ns, dev, name);
    if (n == NULL) {
        return ACPI_OK;
    }
    struct aml_object *r;
    enum acpi_status st = acpi_aml_exec_call(aml, n, NULL, 0, &r);
    if (st != ACPI_OK) {
        return st;
    }
    st = acpi_aml_to_integer(aml, r, out);
    acpi_aml_obj_put(&aml->mem, r);
    *found = st == ACPI_OK;
    return st;
}

/* True when id (an EISA ID integer or a string) names a PCI host bridge:
 * PNP0A03 or PNP0A08 (ACPI 6.5, 6.1.5 and the PCI Firmware Specification). */
static bool root_bridge_id(struct acpi_aml *aml, struct aml_object *id)
{
    if (id == NULL) {
        return false;
    }
    if (id->type == ACPI_AML_TYPE_INTEGER) {
        return id->u.integer == 0x030AD041u || id->u.integer == 0x080AD041u;
    }
    if (id->type == ACPI_AML_TYPE_STRING && id->u.string.len == 7) {
        const char *s = id->u.string.data;
        return s[0] == 'P' && s[1] == 'N' && s[2] == 'P' && s[3] == '0' && s[4] == 'A' &&
               s[5] == '0' && (s[6] == '3' || s[6] == '8');
    }
    if (id->type == ACPI_AML_TYPE_PACKAGE) {
        for (uint32_t i = 0; i < id->u.package.count; i++) {
            struct aml_object *e = id->u.package.elems[i];
            if (e != NULL && e->type != ACPI_AML_TYPE_PACKAGE && root_bridge_id(aml, e)) {
                return true;
            }
        }
    }
    return false;
}

static bool is_root_bridge(struct acpi_aml *aml, struct acpi_aml_node *dev)
{
    static const uint32_t names[2] = { AML_NAME('_', 'H', 'I', 'D'), AML_NAME('_', 'C', 'I', 'D') };
    for (int i = 0; i < 2; i++) {
        struct acpi_aml_node *n = acpi_aml_ns_child(&aml->ns, dev, names[i]);
        struct aml_object *r = NULL;
        if (n != NULL && acpi_aml_exec_call(aml, n, NULL, 0, &r) == ACPI_OK) {
            bool yes = root_bridge_id(aml, r);
            acpi_aml_obj_put(&aml->mem, r);
            if (yes) {
                return true;
            }
        } else {
            acpi_aml_obj_put(&aml->mem, r);
        }
    }
    return false;
}

/* ACPI 6.5, 6.5.6 and 6.1.1: device and function from the _ADR of the
 * region's device; bus and segment from _BBN and _SEG of the PCI host bridge
 * above it (the nearest PNP0A03/PNP0A08 device, as ACPICA finds it), 0 when
 * absent. */
static enum acpi_status pci_resolve(struct acpi_aml *aml, struct acpi_aml_node *node,
                                    struct aml_object *r)
{
    struct acpi_aml_node *dev = node->parent;
    uint64_t adr = 0, bbn = 0, seg = 0;
    bool found;
    enum acpi_status st = eval_int(aml, dev, AML_NAME('_', 'A', 'D', 'R'), 0, &adr, &found);
    struct acpi_aml_node *root = dev;
    while (st == ACPI_OK && root != NULL && !is_root_bridge(aml, root)) {
        root = root->parent;
    }
    if (st == ACPI_OK && root != NULL) {
        st = eval_int(aml, root, AML_NAME('_', 'B', 'B', 'N'), 0, &bbn, &found);
        if (st == ACPI_OK) {
            st = eval_int(aml, root, AML_NAME('_', 'S', 'E', 'G'), 0, &seg, &found);
        }
    }
    if (st != ACPI_OK) {
        return st;
    }
    r->u.region.pci_dev = (uint8_t)((adr >> 16) & 0x1F);
    r->u.region.pci_fn = (uint8_t)(adr & 0x07);
    r->u.region.pci_bus = (uint8_t)bbn;
    r->u.region.pci_seg = (uint16_t)seg;
    r->u.region.pci_resolved = true;
    return ACPI_OK;
}

static bool under(const struct acpi_aml_node *n, const struct acpi_aml_node *dev)
{
    for (; n != NULL; n = n->parent) {
        if (n == dev) {
            return true;
        }
    }
    return false;
}

/* A width-exact volatile access at an aligned pointer (volatile/access.h). */
static enum acpi_status memory_exact(void *p, uint8_t width, bool write, uint64_t *value)
{
    switch (width) {
    case 1:
        if (write) {
            vol_write8(p, (uint8_t)*value);
        } else {
            *value = vol_read8(p);
        }
        return ACPI_OK;
    case 2:
        if (write) {
            vol_write16(p, (uint16_t)*value);
        } else {
            *value = vol_read16(p);
        }
        return ACPI_OK;
    case 4:
        if (write) {
            vol_write32(p, (uint32_t)*value);
        } else {
            *value = vol_read32(p);
        }
        return ACPI_OK;
    case 8:
        if (write) {
            vol_write64(p, *value);
        } else {
            *value = vol_read64(p);
        }
        return ACPI_OK;
    default:
        return ACPI_AML_BAD_OPERAND;
    }
}

/* The same through single bytes, for a mapping that is not aligned. */
static enum acpi_status memory_bytes(void *p, uint8_t width, bool write, uint64_t *value)
{
    volatile uint8_t *b = p;
    if (write) {
        for (unsigned i = 0; i < width; i++) {
            b[i] = (uint8_t)shr64(*value, 8 * (uint64_t)i);
        }
    } else {
        uint64_t v = 0;
        for (unsigned i = 0; i < width; i++) {
            v |= shl64(b[i], 8 * (uint64_t)i);
        }
        *value = v;
    }
    return ACPI_OK;
}

static enum acpi_status default_access(struct acpi_aml *aml, struct aml_object *r,
                                       struct acpi_aml_region_access *a)
{
    const struct acpi_aml_host *h = &aml->host;
    switch (r->u.region.space) {
    case ACPI_AML_SPACE_SYSTEM_MEMORY: {
        if (h->map == NULL) {
            return ACPI_AML_NO_HANDLER;
        }
        void *p = h->map(h->ctx, a->address, a->width);
        if (p == NULL) {
            return ACPI_MAP_FAILED;
        }
        /* One access of exactly the field's width (devices such as QEMU's HPET
         * ignore narrower ones); an unaligned mapping gets byte accesses. */
        enum acpi_status st = ((uintptr_t)p & (a->width - 1u)) == 0
                                  ? memory_exact(p, a->width, a->write, a->value)
                                  : memory_bytes(p, a->width, a->write, a->value);
        h->unmap(h->ctx, p, a->width);
        return st;
    }
    case ACPI_AML_SPACE_SYSTEM_IO:
        if (a->width > 4 || a->address > 0xFFFF ||
            (a->write ? h->port_write == NULL : h->port_read == NULL)) {
            return ACPI_AML_NO_HANDLER;
        }
        if (a->write) {
            h->port_write(h->ctx, (uint16_t)a->address, a->width, (uint32_t)*a->value);
        } else {
            *a->value = h->port_read(h->ctx, (uint16_t)a->address, a->width);
        }
        return ACPI_OK;
    case ACPI_AML_SPACE_PCI_CONFIG:
        if (a->address > 0xFFF || (a->write ? h->pci_write == NULL : h->pci_read == NULL)) {
            return ACPI_AML_NO_HANDLER;
        }
        if (a->write) {
            h->pci_write(h->ctx, a->pci_segment, a->pci_bus, a->pci_device, a->pci_function,
                         (uint16_t)a->address, a->width, *a->value);
        } else {
            *a->value = h->pci_read(h->ctx, a->pci_segment, a->pci_bus, a->pci_device,
                                    a->pci_function, (uint16_t)a->address, a->width);
        }
        return ACPI_OK;
    case ACPI_AML_SPACE_DATA_TABLE: {
        if (r->u.region.data == NULL) {
            return ACPI_AML_NO_HANDLER;   /* an OperationRegion of space 0x7E from AML */
        }
        if (a->write) {
            return ACPI_AML_READ_ONLY;
        }
        uint64_t v = 0;
        for (unsigned i = 0; i < a->width; i++) {
            v |= shl64(r->u.region.data[a->address + i], 8 * (uint64_t)i);
        }
        *a->value = v;
        return ACPI_OK;
    }
    default:
        return ACPI_AML_NO_HANDLER;
    }
}

/* One access of `width` bytes at byte `offset` of region node `rn`. */
enum acpi_status acpi_aml_region_access(struct acpi_aml *aml, struct acpi_aml_node *rn,
                                   uint64_t offset, uint8_t width, bool write, uint64_t *value)
{
    struct aml_object *r = rn->object;
    if (r == NULL || r->type != ACPI_AML_TYPE_OPERATION_REGION) {
        return ACPI_AML_BAD_OPERAND;
    }
    if (offset > r->u.region.length || width > r->u.region.length - offset) {
        return ACPI_AML_REGION_RANGE;
    }
    struct acpi_aml_region_access a = {
        .space = r->u.region.space, .width = width, .write = write,
        .value = value, .node = rn,
    };
    a.address = r->u.region.space == ACPI_AML_SPACE_DATA_TABLE ? offset
                                                               : r->u.region.offset + offset;
    if (r->u.region.space == ACPI_AML_SPACE_PCI_CONFIG) {
        if (!r->u.region.pci_resolved) {
            enum acpi_status st = pci_resolve(aml, rn, r);
            if (st != ACPI_OK) {
                return st;
            }
        }
        a.pci_segment = r->u.region.pci_seg;
        a.pci_bus = r->u.region.pci_bus;
        a.pci_device = r->u.region.pci_dev;
        a.pci_function = r->u.region.pci_fn;
    }
    /* The most specific handler: one for the region's device, else space-wide. */
    const struct aml_handler *best = NULL;
    for (uint32_t i = 0; i < aml->nhandlers; i++) {
        const struct aml_handler *hd = &aml->handlers[i];
        if (hd->space == a.space && (hd->device == NULL || under(rn, hd->device)) &&
            (best == NULL || best->device == NULL)) {
            best = hd;
        }
    }
    if (!write) {
        *value = 0;
    }
    if (best != NULL) {
        return best->fn(best->ctx, &a);
    }
    return default_access(aml, r, &a);
}

/* The host's handler fills `buffer` on reads, through the access struct. */
/* NOLINTBEGIN(readability-non-const-parameter) */
enum acpi_status acpi_aml_region_buffer_access(struct acpi_aml *aml, const struct aml_object *field,
                                          bool write, uint8_t *buffer, uint32_t len)
/* NOLINTEND(readability-non-const-parameter) */
{
    struct acpi_aml_node *rn = field->u.field.region;
    const struct aml_object *r = rn->object;
    uint64_t unused = 0;
    struct acpi_aml_region_access a = {
        .space = r->u.region.space, .width = 1, .write = write, .value = &unused, .node = rn,
        .address = r->u.region.offset + (field->u.field.bit_offset >> 3),
        .buffer = buffer, .buffer_len = len, .attrib = field->u.field.attrib,
    };
    const struct aml_object *c = field->u.field.connection;
    if (c != NULL && c->type == ACPI_AML_TYPE_BUFFER) {
        a.connection = c->u.buffer.data;
        a.connection_len = c->u.buffer.len;
    }
    for (uint32_t i = 0; i < aml->nhandlers; i++) {
        const struct aml_handler *hd = &aml->handlers[i];
        if (hd->space == a.space && (hd->device == NULL || under(rn, hd->device))) {
            return hd->fn(hd->ctx, &a);
        }
    }
    return ACPI_AML_NO_HANDLER;   /* these spaces have no default handler */
}

/* _REG(space, 1) of `dev`, when it has one. */
static void run_reg(struct acpi_aml *aml, struct acpi_aml_node *dev, uint8_t space,
                    uint32_t *run, uint32_t *failed)
{
    struct acpi_aml_node *reg = acpi_aml_ns_child(&aml->ns, dev, AML_NAME('_', 'R', 'E', 'G'));
    if (reg == NULL) {
        return;
    }
    struct aml_object *args[2], *res = NULL;
    args[0] = acpi_aml_obj_integer(&aml->mem, space);
    args[1] = acpi_aml_obj_integer(&aml->mem, 1);
    enum acpi_status st = args[0] != NULL && args[1] != NULL
                              ? acpi_aml_exec_call(aml, reg, args, 2, &res)
                              : ACPI_AML_OUT_OF_MEMORY;
    acpi_aml_obj_put(&aml->mem, args[0]);
    acpi_aml_obj_put(&aml->mem, args[1]);
    acpi_aml_obj_put(&aml->mem, res);
    (*run)++;
    if (st != ACPI_OK) {
        (*failed)++;
    }
}

void acpi_aml_region_run_reg(struct acpi_aml *aml, struct acpi_aml_node *device, uint8_t space,
                        uint32_t *run, uint32_t *failed)
{
    bool orphan = device != NULL && space == ACPI_AML_SPACE_EMBEDDED_CONTROL;
    /* ACPI 6.5, 6.5.4: _REG(space, 1) once per device (scope) holding a region
     * of that space, in namespace order. */
    struct acpi_aml_node *start = device != NULL ? device : aml->ns.root;
    for (struct acpi_aml_node *n = start; n != NULL; n = acpi_aml_ns_next(n, false)) {
        if (device != NULL && n != device && !under(n, device)) {
            break;
        }
        if (n->object == NULL || n->object->type != ACPI_AML_TYPE_OPERATION_REGION ||
            n->object->u.region.space != space) {
            continue;
        }
        /* One call per parent: skip if an earlier sibling region of this space
         * already caused it. */
        bool earlier = false;
        for (struct acpi_aml_node *s = n->parent->first_child; s != n; s = s->next) {
            if (s->object != NULL && s->object->type == ACPI_AML_TYPE_OPERATION_REGION &&
                s->object->u.region.space == space) {
                earlier = true;
                break;
            }
        }
        if (!earlier) {
            run_reg(aml, n->parent, space, run, failed);
            if (n->parent == device) {
                orphan = false;
            }
        }
    }
    /* ACPICA's orphan rule (and Linux's EC driver relies on it): an
     * EmbeddedControl handler installed on a device that has no such region
     * of its own still runs that device's _REG(3, 1). */
    if (orphan) {
        run_reg(aml, device, space, run, failed);
    }
}
