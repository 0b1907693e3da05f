/* acpi/aml_init.c - namespace initialisation (ACPI 6.5, 6.5.1) and region
 * handler installation (6.5.4 _REG). */
#include "acpi/aml_convert.h"
#include "acpi/aml_region.h"

#define STA_PRESENT 0x01u
#define STA_FUNCTIONING 0x08u

/* Run `name` of `dev` if it exists; *ran tells whether it did. */
static enum acpi_status run_child(struct acpi_aml *aml, struct acpi_aml_node *dev, uint32_t name,
                                  struct aml_object **res, bool *ran)
{
    *res = NULL;
    *ran = false;
    struct acpi_aml_node *n = acpi_aml_ns_child(&aml->ns, dev, name);
    if (n == NULL) {
        return ACPI_OK;
    }
    *ran = true;
    /* Its own outermost call: mutexes it left held are released at its end. */
    return acpi_aml_exec_call(aml, n, NULL, 0, res);
}

/* Run _INI of dev when it has one, counting. */
static void run_ini(struct acpi_aml *aml, struct acpi_aml_node *dev,
                    struct acpi_aml_init_counts *c, enum acpi_status *first)
{
    struct aml_object *r;
    bool ran;
    enum acpi_status st = run_child(aml, dev, AML_NAME('_', 'I', 'N', 'I'), &r, &ran);
    acpi_aml_obj_put(&aml->mem, r);
    if (!ran) {
        return;
    }
    c->ini_run++;
    if (st != ACPI_OK) {
        c->ini_failed++;
        if (*first == ACPI_OK) {
            *first = st;
        }
    }
}

static bool is_device_like(const struct acpi_aml_node *n)
{
    enum acpi_aml_type t = acpi_aml_node_type(n);
    return t == ACPI_AML_TYPE_DEVICE || t == ACPI_AML_TYPE_PROCESSOR ||
           t == ACPI_AML_TYPE_THERMAL_ZONE;
}

static const uint8_t default_spaces[] = {
    ACPI_AML_SPACE_SYSTEM_MEMORY, ACPI_AML_SPACE_SYSTEM_IO, ACPI_AML_SPACE_PCI_CONFIG,
};

enum acpi_status acpi_aml_initialize(struct acpi_aml *aml, struct acpi_aml_init_counts *counts)
{
    if (aml == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct acpi_aml_init_counts c = { 0 };
    enum acpi_status first = ACPI_OK;
    acpi_aml_lock(aml);
    acpi_aml_pin_nodes(aml);
    /* 6.5.1 step 1, 6.5.4: the default spaces' handlers are in place, and the
     * host's installed so far: tell the AML, one space after the other. */
    for (size_t i = 0; i < sizeof default_spaces; i++) {
        acpi_aml_region_run_reg(aml, NULL, default_spaces[i], &c.reg_run, &c.reg_failed);
    }
    for (uint32_t i = 0; i < aml->nhandlers; i++) {
        uint8_t space = aml->handlers[i].space;
        bool seen = space <= ACPI_AML_SPACE_PCI_CONFIG;
        for (uint32_t k = 0; k < i && !seen; k++) {
            seen = aml->handlers[k].space == space;
        }
        if (!seen) {
            acpi_aml_region_run_reg(aml, aml->handlers[i].device, space, &c.reg_run, &c.reg_failed);
        }
    }
    if (c.reg_failed != 0) {
        first = ACPI_AML_BAD_OPERAND;
    }
    /* \_SB._INI before any device (ACPICA and Linux order). */
    struct acpi_aml_node *sb = acpi_aml_ns_child(&aml->ns, aml->ns.root, AML_NAME('_', 'S', 'B', '_'));
    if (sb != NULL) {
        run_ini(aml, sb, &c, &first);
    }
    /* 6.5.1: _STA then _INI of every device, parents first; a device neither
     * present nor functioning hides its children. Nodes created by an _INI are
     * visited too, since the walk reads the tree as it goes. */
    struct acpi_aml_node *n = aml->ns.root->first_child;
    while (n != NULL) {
        bool skip_children = false;
        if (is_device_like(n)) {
            c.devices++;
            uint64_t sta = 0x0F;
            struct aml_object *r;
            bool ran;
            enum acpi_status st = run_child(aml, n, AML_NAME('_', 'S', 'T', 'A'), &r, &ran);
            if (ran) {
                c.sta_run++;
                if (st == ACPI_OK) {
                    st = acpi_aml_to_integer(aml, r, &sta);
                }
                if (st != ACPI_OK) {
                    c.sta_failed++;
                    sta = 0;
                    if (first == ACPI_OK) {
                        first = st;
                    }
                }
            }
            acpi_aml_obj_put(&aml->mem, r);
            if ((sta & STA_PRESENT) != 0 && n != sb) {
                run_ini(aml, n, &c, &first);
            } else if ((sta & (STA_PRESENT | STA_FUNCTIONING)) == 0) {
                c.not_present++;
                skip_children = true;
            }
        }
        n = acpi_aml_ns_next(n, skip_children);
    }
    aml->initialized = true;
    acpi_aml_unpin_nodes(aml);
    acpi_aml_unlock(aml);
    if (counts != NULL) {
        *counts = c;
    }
    return first;
}

enum acpi_status acpi_aml_install_region_handler(struct acpi_aml *aml, struct acpi_aml_node *device,
                                                 uint8_t space, acpi_aml_region_handler handler,
                                                 void *ctx)
{
    if (aml == NULL || handler == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    /* Under the lock: a kernel installs its EC handler while other threads
     * may be evaluating. */
    acpi_aml_lock(aml);
    if (aml->nhandlers == AML_MAX_HANDLERS) {
        acpi_aml_unlock(aml);
        return ACPI_AML_OUT_OF_MEMORY;
    }
    aml->handlers[aml->nhandlers++] = (struct aml_handler){
        .space = space, .device = device, .fn = handler, .ctx = ctx,
    };
    /* 6.5.4: _REG once the handler is there; before initialisation,
     * acpi_aml_initialize runs it for every space with a handler. */
    if (aml->initialized) {
        uint32_t run = 0, failed = 0;
        acpi_aml_pin_nodes(aml);
        acpi_aml_region_run_reg(aml, device, space, &run, &failed);
        acpi_aml_unpin_nodes(aml);
    }
    acpi_aml_unlock(aml);
    return ACPI_OK;
}
