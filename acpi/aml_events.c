/* acpi/aml_events.c - GPE methods, _PRW, Notify, the EC device, the power
 * button and the sleep sequence over the AML interpreter (ACPI 6.5, 5.6,
 * 7.3.13, 7.4, 12.11). */
#include "acpi/aml_events.h"

#include "acpi/aml_device.h"
#include "acpi/resource.h"

/* A child of node named exactly name (4 characters): the predefined names
 * here must not be searched upward (5.3), a device without _PRW does not
 * borrow its parent's. */
static struct acpi_aml_node *child(const struct acpi_aml_node *node, const char *name)
{
    for (struct acpi_aml_node *c = acpi_aml_node_first_child(node); c != NULL;
         c = acpi_aml_node_next_sibling(c)) {
        const char *n = acpi_aml_node_name(c);
        if (n[0] == name[0] && n[1] == name[1] && n[2] == name[2] && n[3] == name[3]) {
            return c;
        }
    }
    return NULL;
}

static void count_failure(struct acpi_aml_events *ae, enum acpi_status st)
{
    if (st != ACPI_OK) {
        ae->method_failures++;
        ae->last_failure = st;
    }
}

/* Call node with up to one integer argument, dropping the result. */
static enum acpi_status call(struct acpi_aml_events *ae, const struct acpi_aml_node *node,
                             const uint64_t *arg)
{
    struct acpi_aml_value in = { .type = ACPI_AML_TYPE_INTEGER };
    struct acpi_aml_value out;
    if (arg != NULL) {
        in.u.integer = *arg;
    }
    enum acpi_status st = acpi_aml_evaluate(ae->aml, node, &in, arg != NULL ? 1u : 0u, &out);
    if (st == ACPI_OK) {
        acpi_aml_value_release(ae->aml, &out);
    }
    count_failure(ae, st);
    return st;
}

/* Call PATH(arg) when it exists (an absent optional method is no error). */
static void call_optional(struct acpi_aml_events *ae, const char *path, uint64_t arg)
{
    struct acpi_aml_node *n;
    if (acpi_aml_lookup(ae->aml, NULL, path, &n) == ACPI_OK &&
        acpi_aml_node_type(n) == ACPI_AML_TYPE_METHOD) {
        (void)call(ae, n, &arg);
    }
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static char hex_char(unsigned v)
{
    return (char)(v < 10 ? '0' + v : 'A' + (v - 10));
}

/* ---- Notify (5.6.6) ---- */

enum acpi_aml_notify_class acpi_aml_notify_class(uint64_t value)
{
    if (value <= 0x0F) {
        return ACPI_AML_NOTIFY_GENERIC;
    }
    return value >= 0x80 && value <= 0xFF ? ACPI_AML_NOTIFY_DEVICE : ACPI_AML_NOTIFY_RESERVED;
}

const char *acpi_aml_notify_name(uint64_t value)
{
    /* Table 5.184; 0x0A is reserved, 0x0C was Shutdown Request before 6.0. */
    static const char *const names[16] = {
        "Bus Check", "Device Check", "Device Wake", "Eject Request",
        "Device Check Light", "Frequency Mismatch", "Bus Mode Mismatch", "Power Fault",
        "Capabilities Check", "Device PLD Check", "Reserved", "System Locality Update",
        "Reserved", "System Resource Affinity Update",
        "Heterogeneous Memory Attributes Update", "Error Disconnect Recover",
    };
    return value < 16 ? names[value] : NULL;
}

void acpi_aml_events_notify(struct acpi_aml_events *ae, const struct acpi_aml_node *node,
                            uint64_t value)
{
    if (ae == NULL) {
        return;
    }
    if (ae->queue_count == ACPI_AML_NOTIFY_QUEUE) {
        ae->notify_dropped++;
        return;
    }
    uint32_t slot = (ae->queue_head + ae->queue_count) % ACPI_AML_NOTIFY_QUEUE;
    ae->queue[slot].node = node;
    ae->queue[slot].value = value;
    ae->queue_count++;
}

uint32_t acpi_aml_events_deliver(struct acpi_aml_events *ae)
{
    uint32_t n = 0;
    /* A handler may cause more values (it may evaluate AML now): the loop
     * is bounded by one queue's worth per call, the rest waits. */
    while (ae != NULL && ae->queue_count > 0 && n < ACPI_AML_NOTIFY_QUEUE) {
        const struct acpi_aml_node *node = ae->queue[ae->queue_head].node;
        uint64_t value = ae->queue[ae->queue_head].value;
        ae->queue_head = (ae->queue_head + 1) % ACPI_AML_NOTIFY_QUEUE;
        ae->queue_count--;
        n++;
        for (unsigned i = 0; i < ACPI_AML_NOTIFY_HANDLERS; i++) {
            if (ae->handlers[i].fn != NULL && ae->handlers[i].node == node) {
                ae->handlers[i].fn(ae->handlers[i].ctx, node, value);
            }
        }
        if (ae->global != NULL) {
            ae->global(ae->global_ctx, node, value);
        }
    }
    return n;
}

enum acpi_status acpi_aml_notify_install(struct acpi_aml_events *ae,
                                         const struct acpi_aml_node *node,
                                         acpi_aml_notify_handler fn, void *ctx)
{
    if (ae == NULL || fn == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    if (node == NULL) {
        if (ae->global != NULL) {
            return ACPI_AML_ALREADY_EXISTS;
        }
        ae->global = fn;
        ae->global_ctx = ctx;
        return ACPI_OK;
    }
    unsigned free_slot = ACPI_AML_NOTIFY_HANDLERS;
    for (unsigned i = 0; i < ACPI_AML_NOTIFY_HANDLERS; i++) {
        if (ae->handlers[i].fn != NULL && ae->handlers[i].node == node) {
            return ACPI_AML_ALREADY_EXISTS;
        }
        if (ae->handlers[i].fn == NULL && free_slot == ACPI_AML_NOTIFY_HANDLERS) {
            free_slot = i;
        }
    }
    if (free_slot == ACPI_AML_NOTIFY_HANDLERS) {
        return ACPI_BUFFER_TOO_SMALL;
    }
    ae->handlers[free_slot].node = node;
    ae->handlers[free_slot].fn = fn;
    ae->handlers[free_slot].ctx = ctx;
    return ACPI_OK;
}

enum acpi_status acpi_aml_notify_remove(struct acpi_aml_events *ae,
                                        const struct acpi_aml_node *node)
{
    if (ae == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    if (node == NULL) {
        if (ae->global == NULL) {
            return ACPI_NOT_FOUND;
        }
        ae->global = NULL;
        return ACPI_OK;
    }
    for (unsigned i = 0; i < ACPI_AML_NOTIFY_HANDLERS; i++) {
        if (ae->handlers[i].fn != NULL && ae->handlers[i].node == node) {
            ae->handlers[i].fn = NULL;
            ae->handlers[i].node = NULL;
            return ACPI_OK;
        }
    }
    return ACPI_NOT_FOUND;
}

/* ---- devices by _HID (6.1.5) ---- */

/* The compressed EISA ID of "AAA####" (6.1.5): three letters of 5 bits
 * (A = 1) and four hex digits, stored big-endian in a little-endian
 * integer. Returns 0 for text of another form. */
static uint32_t eisa_id(const char *s)
{
    uint32_t vendor = 0, product = 0;
    for (unsigned i = 0; i < 3; i++) {
        if (s[i] < 'A' || s[i] > 'Z') {
            return 0;
        }
        vendor = (vendor << 5) | (uint32_t)(s[i] - 'A' + 1);
    }
    for (unsigned i = 3; i < 7; i++) {
        int d = hex_digit(s[i]);
        if (d < 0) {
            return 0;
        }
        product = (product << 4) | (uint32_t)d;
    }
    if (s[7] != '\0') {
        return 0;
    }
    return (vendor >> 8) | ((vendor & 0xFFu) << 8) | ((product >> 8) << 16) |
           ((product & 0xFFu) << 24);
}

static bool text_equal(const char *a, uint32_t alen, const char *b)
{
    uint32_t i = 0;
    for (; i < alen && b[i] != '\0'; i++) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return i == alen && b[i] == '\0';
}

static bool hid_matches(struct acpi_aml *aml, const struct acpi_aml_node *dev, const char *hid,
                        uint32_t eisa)
{
    struct acpi_aml_node *h = child(dev, "_HID");
    struct acpi_aml_value v;
    if (h == NULL || acpi_aml_evaluate(aml, h, NULL, 0, &v) != ACPI_OK) {
        return false;
    }
    bool match = (v.type == ACPI_AML_TYPE_INTEGER && eisa != 0 && v.u.integer == eisa) ||
                 (v.type == ACPI_AML_TYPE_STRING && text_equal(v.u.string.ptr, v.u.string.len, hid));
    acpi_aml_value_release(aml, &v);
    return match;
}

/* 6.3.7: an absent _STA means present; bit 0 is "present". */
static bool present(struct acpi_aml *aml, const struct acpi_aml_node *dev)
{
    struct acpi_aml_node *s = child(dev, "_STA");
    struct acpi_aml_value v;
    if (s == NULL) {
        return true;
    }
    if (acpi_aml_evaluate(aml, s, NULL, 0, &v) != ACPI_OK) {
        return false;
    }
    bool p = v.type == ACPI_AML_TYPE_INTEGER && (v.u.integer & 1u) != 0;
    acpi_aml_value_release(aml, &v);
    return p;
}

const struct acpi_aml_node *acpi_aml_device_find_hid(struct acpi_aml *aml,
                                                     const struct acpi_aml_node *after,
                                                     const char *hid)
{
    if (aml == NULL || hid == NULL) {
        return NULL;
    }
    uint32_t eisa = eisa_id(hid);
    const struct acpi_aml_node *found = NULL;
    acpi_aml_walk_begin(aml);   /* the walk evaluates _HID/_STA as it goes */
    const struct acpi_aml_node *n = after != NULL ? acpi_aml_node_next(after) : acpi_aml_root(aml);
    for (; n != NULL && found == NULL; n = acpi_aml_node_next(n)) {
        if (acpi_aml_node_type(n) == ACPI_AML_TYPE_DEVICE && hid_matches(aml, n, hid, eisa) &&
            present(aml, n)) {
            found = n;
        }
    }
    acpi_aml_walk_end(aml);
    return found;
}

/* ---- _PRW (7.3.13) ---- */

/* A package element naming an object: a reference, or a path string. */
static const struct acpi_aml_node *element_node(struct acpi_aml *aml,
                                                const struct acpi_aml_value *v)
{
    struct acpi_aml_node *n = NULL;
    switch (v->type) {
    case ACPI_AML_TYPE_STRING:
        return acpi_aml_lookup(aml, NULL, v->u.string.ptr, &n) == ACPI_OK ? n : NULL;
    case ACPI_AML_TYPE_REFERENCE:
    case ACPI_AML_TYPE_DEVICE:
    case ACPI_AML_TYPE_POWER_RESOURCE:
        return v->u.node;
    default:
        return NULL;
    }
}

enum acpi_status acpi_aml_wake_decode(struct acpi_aml *aml, const struct acpi_aml_value *prw,
                                      struct acpi_aml_wake *out)
{
    if (aml == NULL || prw == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    *out = (struct acpi_aml_wake){ 0 };
    if (prw->type != ACPI_AML_TYPE_PACKAGE || prw->u.package.count < 2) {
        return ACPI_BAD_ENTRY;
    }
    const struct acpi_aml_value *e = prw->u.package.elements;
    uint64_t gpe;
    if (e[0].type == ACPI_AML_TYPE_INTEGER) {
        gpe = e[0].u.integer;
    } else if (e[0].type == ACPI_AML_TYPE_PACKAGE && e[0].u.package.count == 2 &&
               e[0].u.package.elements[1].type == ACPI_AML_TYPE_INTEGER) {
        /* {GPE block device, bit index} (7.3.13, 9.10). */
        out->gpe_device = element_node(aml, &e[0].u.package.elements[0]);
        gpe = e[0].u.package.elements[1].u.integer;
        if (out->gpe_device == NULL) {
            return ACPI_BAD_ENTRY;
        }
    } else {
        return ACPI_BAD_ENTRY;
    }
    if (gpe >= ACPI_GPE_MAX || e[1].type != ACPI_AML_TYPE_INTEGER || e[1].u.integer > 5) {
        return ACPI_BAD_ENTRY;
    }
    out->gpe = (uint16_t)gpe;
    out->sleep_state = (uint8_t)e[1].u.integer;
    uint32_t extra = prw->u.package.count - 2;
    out->power_count = (uint8_t)(extra > 255 ? 255 : extra);
    for (uint32_t i = 0; i < extra && i < ACPI_AML_WAKE_POWER_MAX; i++) {
        out->power[i] = element_node(aml, &e[2 + i]);
    }
    return ACPI_OK;
}

static void scan_prw(struct acpi_aml_events *ae)
{
    for (const struct acpi_aml_node *n = acpi_aml_root(ae->aml); n != NULL;
         n = acpi_aml_node_next(n)) {
        enum acpi_aml_type t = acpi_aml_node_type(n);
        struct acpi_aml_node *p = NULL;
        if (t == ACPI_AML_TYPE_DEVICE || t == ACPI_AML_TYPE_PROCESSOR ||
            t == ACPI_AML_TYPE_THERMAL_ZONE) {
            p = child(n, "_PRW");
        }
        if (p == NULL) {
            continue;
        }
        struct acpi_aml_value v;
        struct acpi_aml_wake w;
        enum acpi_status st = acpi_aml_evaluate(ae->aml, p, NULL, 0, &v);
        if (st == ACPI_OK) {
            st = acpi_aml_wake_decode(ae->aml, &v, &w);
            acpi_aml_value_release(ae->aml, &v);
        }
        if (st != ACPI_OK) {
            ae->prw_bad++;
            continue;
        }
        if (ae->wake_count == ACPI_AML_WAKE_MAX) {
            ae->prw_dropped++;
            continue;
        }
        w.device = n;
        ae->wake[ae->wake_count++] = w;
        /* A number outside its block, or a block that is not known, cannot
         * be armed. */
        struct acpi_aml_gpe_scope *gs = acpi_aml_gpe_scope_of(ae, w.gpe_device);
        if (gs == NULL || acpi_gpe_set_wake(gs->regs, w.gpe, true) != ACPI_OK) {
            ae->prw_outside++;
        }
    }
}

const struct acpi_aml_wake *acpi_aml_wake_find(const struct acpi_aml_events *ae,
                                               const struct acpi_aml_node *device)
{
    for (unsigned i = 0; ae != NULL && i < ae->wake_count; i++) {
        if (ae->wake[i].device == device) {
            return &ae->wake[i];
        }
    }
    return NULL;
}

/* ---- GPE methods (5.6.4.1) ---- */

/* The _Lxx/_Exx children of a scope (\_GPE or a block device). */
static void scan_methods(struct acpi_aml_gpe_scope *gs)
{
    for (struct acpi_aml_node *c = acpi_aml_node_first_child(gs->scope); c != NULL;
         c = acpi_aml_node_next_sibling(c)) {
        const char *name = acpi_aml_node_name(c);
        int hi = hex_digit(name[2]), lo = hex_digit(name[3]);
        if (acpi_aml_node_type(c) != ACPI_AML_TYPE_METHOD || name[0] != '_' ||
            (name[1] != 'L' && name[1] != 'E') || hi < 0 || lo < 0) {
            continue;
        }
        uint16_t number = (uint16_t)(hi * 16 + lo);
        if (gs->method[number] != NULL) {
            continue; /* _L01 and _E01 both: the first wins, as in ACPICA */
        }
        gs->method[number] = c;
        gs->methods++;
        /* Only a number outside the registers fails. */
        if (gs->regs == NULL ||
            acpi_gpe_set_trigger(gs->regs, number,
                                 name[1] == 'E' ? ACPI_GPE_EDGE : ACPI_GPE_LEVEL) != ACPI_OK) {
            gs->outside++;
        }
    }
}

static bool is_wake(const struct acpi_gpe *gpe, uint16_t n)
{
    return (gpe->wake[n / 8] & (1u << (n % 8))) != 0;
}

/* Every GPE of gs with a method that is not a wake GPE, enabled. */
static enum acpi_status enable_methods(struct acpi_aml_gpe_scope *gs)
{
    for (uint16_t n = 0; gs->regs != NULL && n < ACPI_GPE_MAX; n++) {
        if (gs->method[n] == NULL || !acpi_gpe_valid(gs->regs, n) || is_wake(gs->regs, n)) {
            continue;
        }
        enum acpi_status st = acpi_gpe_enable(gs->regs, n);
        if (st != ACPI_OK) {
            return st;
        }
        gs->enabled++;
    }
    return ACPI_OK;
}

static void apply_mode(struct acpi_gpe *gpe, const struct acpi_aml_events *ae)
{
    acpi_gpe_set_deferred(gpe, ae->deferred);
    acpi_gpe_set_lock(gpe, ae->lock);
}

enum acpi_status acpi_aml_events_init(struct acpi_aml_events *ae, struct acpi_aml *aml,
                                      struct acpi_events *events, struct acpi_gpe *gpe)
{
    if (ae == NULL || aml == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    *ae = (struct acpi_aml_events){ .aml = aml, .events = events, .gpe = gpe };
    ae->fadt_gpes.ae = ae;
    ae->fadt_gpes.regs = gpe;
    if (gpe != NULL) {
        acpi_gpe_set_handler(gpe, acpi_aml_events_gpe, &ae->fadt_gpes);
    }
    return ACPI_OK;
}

/* One ACPI0006 device (9.10): the FADT's stand-in, or a block kept with its
 * registers reset and its methods found; a register access status. */
static enum acpi_status add_block_device(struct acpi_aml_events *ae,
                                         const struct acpi_aml_node *dev)
{
    struct acpi_aml_gpe_block_info info;
    enum acpi_status st = acpi_aml_gpe_block_get(ae->aml, dev, &info);
    if (st == ACPI_NOT_FOUND && ae->gpe_fadt_device == NULL) {
        ae->gpe_fadt_device = dev;
        return ACPI_OK;
    }
    struct acpi_aml_gpe_device *d = &ae->gpe_devices[ae->gpe_device_count];
    if (st != ACPI_OK || ae->gpe_device_count == ACPI_AML_GPE_DEVICES || ae->gpe == NULL ||
        ae->gpe->host == NULL ||
        acpi_gpe_init_block(&d->regs, ae->gpe->host, &info.address, info.length) != ACPI_OK) {
        ae->gpe_block_bad++;
        return ACPI_OK;
    }
    d->info = info;
    d->gpes = (struct acpi_aml_gpe_scope){ .ae = ae, .regs = &d->regs, .scope = dev };
    acpi_gpe_set_handler(&d->regs, acpi_aml_events_gpe, &d->gpes);
    apply_mode(&d->regs, ae);
    ae->gpe_device_count++;
    scan_methods(&d->gpes);
    return acpi_gpe_reset(&d->regs);
}

enum acpi_status acpi_aml_events_scan(struct acpi_aml_events *ae)
{
    if (ae == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_node *gpe_scope;
    if (acpi_aml_lookup(ae->aml, NULL, "\\_GPE", &gpe_scope) == ACPI_OK) {
        ae->fadt_gpes.scope = gpe_scope;
        scan_methods(&ae->fadt_gpes);
    }
    enum acpi_status st = ACPI_OK;
    /* The walks below keep node pointers across evaluations. */
    acpi_aml_walk_begin(ae->aml);
    for (const struct acpi_aml_node *b = acpi_aml_device_find(ae->aml, NULL, "ACPI0006", NULL);
         b != NULL; b = acpi_aml_device_find(ae->aml, b, "ACPI0006", NULL)) {
        if (!present(ae->aml, b)) {
            continue;
        }
        ae->gpe_block_devices++;
        enum acpi_status bst = add_block_device(ae, b);
        st = st == ACPI_OK ? bst : st;
    }
    scan_prw(ae);
    acpi_aml_walk_end(ae->aml);
    if (st == ACPI_OK) {
        st = enable_methods(&ae->fadt_gpes);
    }
    for (unsigned i = 0; st == ACPI_OK && i < ae->gpe_device_count; i++) {
        st = enable_methods(&ae->gpe_devices[i].gpes);
    }
    return st;
}

struct acpi_aml_gpe_scope *acpi_aml_gpe_scope_of(struct acpi_aml_events *ae,
                                                 const struct acpi_aml_node *gpe_device)
{
    if (ae == NULL) {
        return NULL;
    }
    if (gpe_device == NULL || gpe_device == ae->gpe_fadt_device) {
        return ae->gpe != NULL ? &ae->fadt_gpes : NULL;
    }
    for (unsigned i = 0; i < ae->gpe_device_count; i++) {
        if (ae->gpe_devices[i].gpes.scope == gpe_device) {
            return &ae->gpe_devices[i].gpes;
        }
    }
    return NULL;
}

/* ---- the SCI and the worker (5.6.4) ---- */

/* ae's mode and lock onto every register state it uses. */
static void apply_everywhere(struct acpi_aml_events *ae)
{
    acpi_events_set_deferred(ae->events, ae->deferred);
    acpi_events_set_lock(ae->events, ae->lock);
    if (ae->gpe != NULL) {
        apply_mode(ae->gpe, ae);
    }
    for (unsigned i = 0; i < ae->gpe_device_count; i++) {
        apply_mode(&ae->gpe_devices[i].regs, ae);
    }
}

void acpi_aml_events_set_deferred(struct acpi_aml_events *ae, bool deferred)
{
    if (ae != NULL) {
        ae->deferred = deferred;
        apply_everywhere(ae);
    }
}

void acpi_aml_events_set_lock(struct acpi_aml_events *ae, const struct acpi_sci_lock *lock)
{
    if (ae != NULL) {
        ae->lock = lock;
        apply_everywhere(ae);
    }
}

/* Dispatch the block devices on the SCI (sci) or on `interrupt`. */
static enum acpi_status dispatch_devices(struct acpi_aml_events *ae, bool sci, uint32_t interrupt,
                                         unsigned *handled)
{
    enum acpi_status first = ACPI_OK;
    for (unsigned i = 0; i < ae->gpe_device_count; i++) {
        const struct acpi_aml_gpe_block_info *info = &ae->gpe_devices[i].info;
        if (sci ? info->has_interrupt : (!info->has_interrupt || info->interrupt != interrupt)) {
            continue;
        }
        unsigned n = 0;
        enum acpi_status st = acpi_gpe_dispatch(&ae->gpe_devices[i].regs, &n);
        *handled += n;
        first = first == ACPI_OK ? st : first;
    }
    return first;
}

enum acpi_status acpi_aml_events_sci(struct acpi_aml_events *ae, unsigned *handled)
{
    unsigned count = 0, n = 0;
    if (handled != NULL) {
        *handled = 0;
    }
    if (ae == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    enum acpi_status st = ACPI_OK;
    if (ae->events != NULL) {
        st = acpi_sci_handle(ae->events, &n);
        count += n;
    }
    if (ae->gpe != NULL && (ae->events == NULL || ae->events->gpe != ae->gpe)) {
        enum acpi_status gst = acpi_gpe_dispatch(ae->gpe, &n);
        count += n;
        st = st == ACPI_OK ? gst : st;
    }
    enum acpi_status dst = dispatch_devices(ae, true, 0, &count);
    if (handled != NULL) {
        *handled = count;
    }
    return st == ACPI_OK ? dst : st;
}

enum acpi_status acpi_aml_gpe_interrupt(struct acpi_aml_events *ae, uint32_t interrupt,
                                        unsigned *handled)
{
    unsigned count = 0;
    if (ae == NULL) {
        if (handled != NULL) {
            *handled = 0;
        }
        return ACPI_INVALID_ARGUMENT;
    }
    enum acpi_status st = dispatch_devices(ae, false, interrupt, &count);
    if (handled != NULL) {
        *handled = count;
    }
    return st;
}

enum acpi_status acpi_aml_events_work(struct acpi_aml_events *ae, unsigned *ran)
{
    unsigned count = 0, n = 0;
    if (ran != NULL) {
        *ran = 0;
    }
    if (ae == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    count += acpi_fixed_events_run_deferred(ae->events);
    enum acpi_status st = ACPI_OK;
    if (ae->gpe != NULL) {
        st = acpi_gpe_run_deferred(ae->gpe, &n);
        count += n;
    }
    for (unsigned i = 0; i < ae->gpe_device_count; i++) {
        enum acpi_status dst = acpi_gpe_run_deferred(&ae->gpe_devices[i].regs, &n);
        count += n;
        st = st == ACPI_OK ? dst : st;
    }
    (void)acpi_aml_events_deliver(ae);
    if (ran != NULL) {
        *ran = count;
    }
    return st;
}

bool acpi_aml_events_work_pending(const struct acpi_aml_events *ae)
{
    if (ae == NULL) {
        return false;
    }
    bool any = (ae->events != NULL && ae->events->pending != 0) ||
               acpi_gpe_deferred_pending(ae->gpe) || ae->queue_count != 0;
    for (unsigned i = 0; !any && i < ae->gpe_device_count; i++) {
        any = acpi_gpe_deferred_pending(&ae->gpe_devices[i].regs);
    }
    return any;
}

/* ---- the embedded controller (12.11) ---- */

static void on_query(void *ctx, uint8_t query)
{
    struct acpi_aml_events *ae = ctx;
    char name[5] = { '_', 'Q', hex_char(query >> 4), hex_char(query & 0xFu), '\0' };
    struct acpi_aml_node *m = ae->ec_device != NULL ? child(ae->ec_device, name) : NULL;
    ae->ec_queries++;
    if (m == NULL || acpi_aml_node_type(m) != ACPI_AML_TYPE_METHOD) {
        ae->ec_queries_missing++;
        return;
    }
    (void)call(ae, m, NULL);
}

enum acpi_gpe_result acpi_aml_events_gpe(void *ctx, uint16_t gpe, enum acpi_gpe_trigger trigger)
{
    struct acpi_aml_gpe_scope *gs = ctx;
    struct acpi_aml_events *ae = gs->ae;
    (void)trigger;
    if (ae->ec != NULL && gs == ae->ec_gpes && gpe == ae->ec->gpe) {
        count_failure(ae, acpi_ec_handle_gpe(ae->ec, on_query, ae, NULL));
    } else if (gpe < ACPI_GPE_MAX && gs->method[gpe] != NULL) {
        (void)call(ae, gs->method[gpe], NULL);
    }
    (void)acpi_aml_events_deliver(ae);
    return ACPI_GPE_DONE;
}

static enum acpi_status ec_region(void *ctx, const struct acpi_aml_region_access *access)
{
    const struct acpi_ec *ec = ctx;
    if (access->address > 0xFF) {
        return ACPI_BAD_ADDRESS;
    }
    return acpi_ec_space_access(ec, access->write, (uint32_t)access->address,
                                (unsigned)access->width * 8u, access->value);
}

/* EC_DATA and EC_SC from _CRS: the first two I/O or Fixed I/O descriptors
 * (12.11: data first, then command/status). */
static enum acpi_status ec_ports(struct acpi_aml *aml, const struct acpi_aml_node *dev,
                                 struct acpi_aml_ec_info *info)
{
    struct acpi_aml_node *crs = child(dev, "_CRS");
    struct acpi_aml_value v;
    if (crs == NULL) {
        return ACPI_BAD_ENTRY;
    }
    enum acpi_status st = acpi_aml_evaluate(aml, crs, NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    uint16_t ports[2];
    unsigned found = 0;
    if (v.type == ACPI_AML_TYPE_BUFFER) {
        struct acpi_resource_iter it;
        struct acpi_resource r;
        acpi_resource_iter_init(&it, v.u.buffer.ptr, v.u.buffer.len);
        while (found < 2 && acpi_resource_next(&it, &r) == ACPI_OK) {
            if (r.type == ACPI_RESOURCE_IO) {
                ports[found++] = r.u.io.minimum;
            } else if (r.type == ACPI_RESOURCE_FIXED_IO) {
                ports[found++] = r.u.fixed_io.base;
            }
        }
    }
    acpi_aml_value_release(aml, &v);
    if (found < 2) {
        return ACPI_BAD_ENTRY;
    }
    info->data_port = ports[0];
    info->command_port = ports[1];
    return ACPI_OK;
}

enum acpi_status acpi_aml_ec_find(struct acpi_aml *aml, const struct acpi_aml_node *after,
                                  struct acpi_aml_ec_info *info)
{
    if (aml == NULL || info == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    *info = (struct acpi_aml_ec_info){ 0 };
    info->device = acpi_aml_device_find_hid(aml, after, "PNP0C09");
    if (info->device == NULL) {
        return ACPI_NOT_FOUND;
    }
    struct acpi_aml_node *g = child(info->device, "_GPE");
    struct acpi_aml_value v;
    if (g != NULL && acpi_aml_evaluate(aml, g, NULL, 0, &v) == ACPI_OK) {
        const struct acpi_aml_value *number = &v;
        /* 12.11: Package { GPE block device reference, index } (9.10). */
        if (v.type == ACPI_AML_TYPE_PACKAGE && v.u.package.count == 2) {
            info->gpe_device = element_node(aml, &v.u.package.elements[0]);
            number = info->gpe_device != NULL ? &v.u.package.elements[1] : NULL;
        }
        if (number != NULL && number->type == ACPI_AML_TYPE_INTEGER &&
            number->u.integer < ACPI_GPE_MAX) {
            info->gpe = (uint16_t)number->u.integer;
            info->has_gpe = true;
        } else {
            info->gpe_device = NULL;
        }
        acpi_aml_value_release(aml, &v);
    }
    return ec_ports(aml, info->device, info);
}

enum acpi_status acpi_aml_ec_attach(struct acpi_aml_events *ae, const struct acpi_ec *ec,
                                    struct acpi_aml_node *device,
                                    const struct acpi_aml_node *gpe_device)
{
    if (ae == NULL || ec == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_gpe_scope *gs = acpi_aml_gpe_scope_of(ae, gpe_device);
    if (gpe_device != NULL && gs == NULL) {
        return ACPI_NOT_FOUND;
    }
    /* The GPE first, so a query raised by _REG is seen. */
    ae->ec = ec;
    ae->ec_device = device;
    ae->ec_gpes = gs;
    if (gs != NULL && acpi_gpe_valid(gs->regs, ec->gpe)) {
        enum acpi_status st = acpi_gpe_set_trigger(gs->regs, ec->gpe, ACPI_GPE_EDGE);
        if (st == ACPI_OK) {
            st = acpi_gpe_enable(gs->regs, ec->gpe);
        }
        if (st != ACPI_OK) {
            return st;
        }
    }
    /* The interpreter keeps a non-const context: ec is only read. */
    union { const struct acpi_ec *c; void *p; } ctx = { .c = ec };
    return acpi_aml_install_region_handler(ae->aml, device, ACPI_AML_SPACE_EMBEDDED_CONTROL,
                                           ec_region, ctx.p);
}

/* ---- the power button (4.8.2.2.1) ---- */

static void on_fixed_power_button(void *ctx, enum acpi_fixed_event event)
{
    struct acpi_aml_events *ae = ctx;
    (void)event;
    ae->power_button(ae->power_button_ctx, NULL, 0x80);
}

static void on_power_button_notify(void *ctx, const struct acpi_aml_node *node, uint64_t value)
{
    struct acpi_aml_events *ae = ctx;
    if (value == 0x80) { /* Table 5.186: button pressed */
        ae->power_button(ae->power_button_ctx, node, value);
    }
}

enum acpi_status acpi_aml_power_button_install(struct acpi_aml_events *ae,
                                               acpi_aml_notify_handler fn, void *ctx,
                                               unsigned *devices)
{
    if (ae == NULL || fn == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    ae->power_button = fn;
    ae->power_button_ctx = ctx;
    unsigned count = 0;
    bool any = false;
    enum acpi_status st = ACPI_OK;
    if (ae->events != NULL && acpi_fixed_event_available(ae->events, ACPI_EVENT_POWER_BUTTON)) {
        any = true;
        st = acpi_fixed_event_set_handler(ae->events, ACPI_EVENT_POWER_BUTTON,
                                          on_fixed_power_button, ae);
        if (st == ACPI_OK) {
            st = acpi_fixed_event_enable(ae->events, ACPI_EVENT_POWER_BUTTON);
        }
    }
    for (const struct acpi_aml_node *b = acpi_aml_device_find_hid(ae->aml, NULL, "PNP0C0C");
         b != NULL && st == ACPI_OK; b = acpi_aml_device_find_hid(ae->aml, b, "PNP0C0C")) {
        any = true;
        count++;
        st = acpi_aml_notify_install(ae, b, on_power_button_notify, ae);
        const struct acpi_aml_wake *w = acpi_aml_wake_find(ae, b);
        struct acpi_aml_gpe_scope *gs = w != NULL ? acpi_aml_gpe_scope_of(ae, w->gpe_device) : NULL;
        if (st == ACPI_OK && gs != NULL && acpi_gpe_valid(gs->regs, w->gpe)) {
            st = acpi_gpe_enable(gs->regs, w->gpe);
        }
    }
    if (devices != NULL) {
        *devices = count;
    }
    return st == ACPI_OK && !any ? ACPI_NOT_FOUND : st;
}

/* ---- sleep states (7.4) ---- */

enum acpi_status acpi_aml_sleep_type(struct acpi_aml *aml, uint8_t state,
                                     struct acpi_sleep_type *out)
{
    if (aml == NULL || out == NULL || state > 5) {
        return ACPI_INVALID_ARGUMENT;
    }
    char path[6] = { '\\', '_', 'S', (char)('0' + state), '_', '\0' };
    struct acpi_aml_node *n;
    if (acpi_aml_lookup(aml, NULL, path, &n) != ACPI_OK) {
        return ACPI_NOT_FOUND;
    }
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_evaluate(aml, n, NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    /* 7.4.2: SLP_TYPa, SLP_TYPb, then reserved elements; only the first
     * two matter (or the single packed one), so four are enough. */
    uint64_t ints[4];
    size_t count = 0;
    st = v.type == ACPI_AML_TYPE_PACKAGE ? ACPI_OK : ACPI_BAD_ENTRY;
    for (uint32_t i = 0; st == ACPI_OK && i < v.u.package.count && count < 4; i++) {
        if (v.u.package.elements[i].type != ACPI_AML_TYPE_INTEGER) {
            st = i >= 2 ? ACPI_OK : ACPI_BAD_ENTRY;
            break;
        }
        ints[count++] = v.u.package.elements[i].u.integer;
    }
    acpi_aml_value_release(aml, &v);
    return st == ACPI_OK ? acpi_sleep_type_decode(count, ints, out) : st;
}

/* \_SI._SST indicator values (9.1.1). */
enum { SST_OFF = 0, SST_WORKING = 1, SST_WAKING = 2, SST_SLEEPING = 3, SST_CONTEXT = 4 };

enum acpi_status acpi_aml_sleep_prepare(struct acpi_aml_events *ae, uint8_t state,
                                        struct acpi_sleep_type *type)
{
    if (ae == NULL || type == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    enum acpi_status st = acpi_aml_sleep_type(ae->aml, state, type);
    if (st != ACPI_OK) {
        return st;
    }
    call_optional(ae, "\\_TTS", state);
    call_optional(ae, "\\_PTS", state);
    call_optional(ae, "\\_SI._SST",
                  state == 4 ? SST_CONTEXT : (state >= 1 && state <= 3 ? SST_SLEEPING : SST_OFF));
    (void)acpi_aml_events_deliver(ae);
    /* acpi_sleep_enter arms the FADT blocks; the block devices here. */
    for (unsigned i = 0; st == ACPI_OK && i < ae->gpe_device_count; i++) {
        st = acpi_gpe_arm_wake(&ae->gpe_devices[i].regs);
    }
    return st;
}

enum acpi_status acpi_aml_sleep_wake(struct acpi_aml_events *ae, uint8_t state)
{
    if (ae == NULL || ae->events == NULL || state < 1 || state > 4) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_sleep_type s0 = { 0, 0 };
    if (acpi_aml_sleep_type(ae->aml, 0, &s0) != ACPI_OK) {
        s0 = (struct acpi_sleep_type){ 0, 0 };
    }
    enum acpi_status st = acpi_sleep_leave(ae->events, ae->gpe, s0);
    for (unsigned i = 0; i < ae->gpe_device_count; i++) {
        enum acpi_status bst = acpi_gpe_restore_runtime(&ae->gpe_devices[i].regs);
        st = st == ACPI_OK ? bst : st;
    }
    call_optional(ae, "\\_SI._SST", SST_WAKING);
    call_optional(ae, "\\_WAK", state);
    call_optional(ae, "\\_SI._SST", SST_WORKING);
    call_optional(ae, "\\_TTS", 0);
    (void)acpi_aml_events_deliver(ae);
    return st;
}

enum acpi_status acpi_aml_power_off(struct acpi_aml_events *ae, const struct acpi_hw_wait *wait)
{
    if (ae == NULL || ae->events == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_sleep_type type;
    enum acpi_status st = acpi_aml_sleep_prepare(ae, 5, &type);
    if (st != ACPI_OK) {
        return st;
    }
    return acpi_sleep_enter(ae->events, ae->gpe, 5, type, wait);
}
