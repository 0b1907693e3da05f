/* See pci_irq.h. ACPI 6.5, 5.8.1 (_PIC), 6.2.13 (_PRT), 5.2.12.5 (interrupt
 * source overrides); 82093AA datasheet 3.2.4 (redirection entries, Remote
 * IRR); 8259A datasheet (OCW1 masks, level-triggered IRR); Intel SDM Vol. 3A
 * 11.5.1 (LVT: ExtINT is level-sensitive) and 11.8.5 (no LAPIC EOI for
 * ExtINT; EOI of level-triggered interrupts); PCI Local Bus 3.0, 6.2.2
 * (Command) and 6.2.3 (Status). */
#include "pci_irq.h"

#include "acpi/aml_host_pci.h"
#include "acpi/aml_prt.h"
#include "console.h"
#include "memory.h"
#include "pci_types/bar.h"
#include "pci_types/capability.h"
#include "pci_types/enumerate.h"
#include "pci_types/header.h"
#include "pci_types/msi.h"
#include "pci_types/msix.h"
#include "x86_64/port.h"

#define MAX_ROUTES 256u
/* QEMU raises INTx within the ICS write; these bounds are PM-timer time. */
#define ARRIVAL_WAIT_US 100000u
/* After the interrupt: no second one may follow within this. */
#define QUIET_WAIT_US 10000u
/* With the line masked: nothing may arrive within this. */
#define MASKED_WAIT_US 20000u
/* Edge/Level Control Registers of the PIIX3 and ICH9 (one bit per IRQ, 1 =
 * level): ELCR1 for IRQ 0-7, ELCR2 for IRQ 8-15. */
#define ELCR1_PORT 0x4D0u
#define ELCR2_PORT 0x4D1u
#define PCI_INTERRUPT_PIN 0x3Du

/* The one instance, reached by the dispatcher (interrupts carry no context). */
static struct pci_irq *active;
/* The routes of the current interrupt model. */
static struct acpi_aml_prt_route routes[MAX_ROUTES];

/* A route as the NIC's line uses it. */
struct intx_route {
    uint32_t number; /* what _PRT or the link gives */
    enum apic_polarity polarity;
    enum apic_trigger trigger;
    char link[64];
};

static const char *polarity_name(enum apic_polarity p)
{
    return p == APIC_POLARITY_ACTIVE_LOW ? "low" : "high";
}

static const char *trigger_name(enum apic_trigger t)
{
    return t == APIC_TRIGGER_LEVEL ? "level" : "edge";
}

/* ---------------------------------------------------------------- the NIC */

/* The first supported NIC below bus 0, through Mechanism #1 (the firmware
 * assigned its BARs), with its path through the bridges the walk met first. */
static bool find_nic(struct pci_irq *p)
{
    struct pci_path_bridges bridges = {0};
    struct pci_enum e;
    struct pci_enum_entry entry;

    if (pci_legacy_access_init(&p->access, &p->legacy, NULL) != PCI_OK) {
        return false;
    }
    pci_enum_init_recursive(&e, &p->access, 0, 0, 255);
    while (pci_enum_next(&e, &entry) == PCI_OK) {
        pci_path_note(&bridges, &entry);
        const char *model = e1000_model(entry.header.vendor_id, entry.header.device_id);
        const struct pci_address *a = &entry.function.address;
        if (model != NULL && entry.header.header_type == 0) {
            p->nic = (struct e1000_nic){
                .fn = pci_function_make(&p->access, *a),
                .device_id = entry.header.device_id,
                .model = model,
            };
            p->nhops = pci_path_hops(&bridges, 0, a->bus, a->device, p->hops);
            return true;
        }
    }
    return false;
}

static uint8_t interrupt_pin(const struct pci_irq *p)
{
    return p->access.read8(p->access.ctx, p->nic.fn.address, PCI_INTERRUPT_PIN);
}

static bool intx_asserted(const struct pci_irq *p)
{
    const struct pci_config_access *a = &p->access;
    return (a->read16(a->ctx, p->nic.fn.address, PCI_STATUS) & PCI_STATUS_INTERRUPT) != 0;
}

/* Memory decoding on, INTx allowed (Interrupt Disable clear), MSI and MSI-X
 * off, BAR 0 reachable through the identity map. */
static bool prepare_device(struct pci_irq *p)
{
    const struct pci_function *fn = &p->nic.fn;
    const char *msi = "absent";
    const char *msix = "absent";
    struct pci_bar bar;
    struct pci_msi m;
    struct pci_msix x;
    uint8_t offset;

    enum pci_status st = pci_bar_read(fn, 0, &bar);
    bool ok = st == PCI_OK && (bar.kind == PCI_BAR_MEM32 || bar.kind == PCI_BAR_MEM64) &&
              bar.address != 0 && bar.address <= MEMORY_IDENTITY_LIMIT - E1000_REGS_SIZE;
    if (pci_cap_find(fn, PCI_CAP_MSI, &offset) == PCI_OK && pci_msi_read(fn, offset, &m) == PCI_OK) {
        msi = m.enabled ? "was-on" : "off";
        ok = (!m.enabled || pci_msi_set_enable(fn, offset, false) == PCI_OK) && ok;
    }
    if (pci_cap_find(fn, PCI_CAP_MSIX, &offset) == PCI_OK &&
        pci_msix_read(fn, offset, &x) == PCI_OK) {
        msix = x.enabled ? "was-on" : "off";
        ok = (!x.enabled || pci_msix_set_control(fn, offset, false, false) == PCI_OK) && ok;
    }
    ok = pci_command_set(fn, PCI_COMMAND_MEMORY_SPACE) == PCI_OK && ok;
    ok = pci_command_clear(fn, PCI_COMMAND_INTERRUPT_DISABLE) == PCI_OK && ok;
    uint16_t command = fn->access->read16(fn->access->ctx, fn->address, PCI_COMMAND);
    ok = ok && (command & PCI_COMMAND_MEMORY_SPACE) != 0 &&
         (command & PCI_COMMAND_INTERRUPT_DISABLE) == 0;
    p->nic.bar0 = bar.address;
    p->nic.regs = (volatile uint32_t *)(uintptr_t)bar.address;
    uint8_t pin = interrupt_pin(p);
    ok = ok && pin >= 1 && pin <= 4;
    console_serial_printf("%s bdf=%02x:%02x.%x id=8086:%04x model=%s pin=%c "
                          "bar0=0x%llx command=0x%04x msi=%s msix=%s\n",
                          p->probe ? "pci-intx-probe-device" : "pci-intx-device", fn->address.bus,
                          fn->address.device, fn->address.function, p->nic.device_id, p->nic.model,
                          pin >= 1 && pin <= 4 ? 'A' + pin - 1 : '-',
                          (unsigned long long)bar.address, command, msi, msix);
    return console_check(ok, p->probe ? "pci-intx-probe-device" : "pci-intx-device",
                         "%s at %02x:%02x.%x INT%c: BAR 0 memory at 0x%llx, memory decoding on, "
                         "INTx enabled, MSI %s, MSI-X %s",
                         p->nic.model, fn->address.bus, fn->address.device, fn->address.function,
                         pin >= 1 && pin <= 4 ? 'A' + pin - 1 : '-',
                         (unsigned long long)bar.address, msi, msix);
}

/* ---------------------------------------------------------------- routes */

/* The NIC's route among the _PRT entries of the current interrupt model. */
static enum acpi_status find_route(struct aml_state *aml, const struct pci_irq *p,
                                   struct intx_route *out)
{
    const struct acpi_aml_prt_options opts = {.host = &aml->host, .set_links = false};
    const struct acpi_aml_prt_route *r = NULL;
    const struct pci_address *a = &p->nic.fn.address;
    uint32_t count = 0;

    enum acpi_status st = acpi_aml_prt_collect(aml->aml, &opts, routes, MAX_ROUTES, &count, NULL);
    if (count > MAX_ROUTES) {
        count = MAX_ROUTES;
    }
    if (p->nhops == 0) {
        return ACPI_NOT_FOUND; /* no path from bus 0 */
    }
    /* Behind bridges without a _PRT the pin is swizzled on the way up. */
    if (st == ACPI_OK || st == ACPI_BUFFER_TOO_SMALL) {
        st = acpi_aml_prt_lookup_path(routes, count, a->segment, p->hops, p->nhops,
                                      (uint8_t)(interrupt_pin(p) - 1u), &r);
    }
    if (st != ACPI_OK || r == NULL) {
        return st != ACPI_OK ? st : ACPI_NOT_FOUND;
    }
    *out = (struct intx_route){
        .number = r->irq.number,
        .polarity = r->irq.active_low ? APIC_POLARITY_ACTIVE_LOW : APIC_POLARITY_ACTIVE_HIGH,
        .trigger = r->irq.edge_triggered ? APIC_TRIGGER_EDGE : APIC_TRIGGER_LEVEL,
        .link = "gsi",
    };
    if (r->link != NULL) {
        (void)acpi_aml_node_path(r->link, out->link, sizeof out->link);
    }
    return ACPI_OK;
}

/* ---------------------------------------------------------------- the test */

static enum apic_status line_mask(const struct pci_irq *p, bool masked)
{
    if (p->line.pic) {
        return apic_pic8259_mask_irq(&apic_host_x86, (uint8_t)p->line.number, masked);
    }
    return apic_ioapic_mask(p->line.ioapic, p->line.pin, masked);
}

static bool reached(void *ctx)
{
    const struct pci_irq *p = ctx;
    return p->delivered >= p->asserted;
}

static bool exceeded(void *ctx)
{
    const struct pci_irq *p = ctx;
    return p->delivered > p->asserted;
}

/* Waits for the interrupts asserted so far, then makes sure no more follow
 * and the NIC dropped INTx. */
static bool exactly_delivered(struct pci_irq *p)
{
    bool arrived = pm_clock_wait(&p->clock, reached, p, ARRIVAL_WAIT_US);
    bool extra = pm_clock_wait(&p->clock, exceeded, p, QUIET_WAIT_US);
    return arrived && !extra && !intx_asserted(p);
}

/* Step 1: the line unmasked (by the caller), one assertion, one interrupt. */
static bool step_deliver(struct pci_irq *p)
{
    unsigned before = p->delivered;
    p->last_icr = 0;
    p->asserted = before + 1u;
    e1000_intr_raise(&p->nic, E1000_ICR_TXDW);
    return exactly_delivered(p) && p->delivered == before + 1u &&
           (p->last_icr & E1000_ICR_TXDW) != 0;
}

/* Step 2: the line masked, one more assertion, INTx held, nothing arrives. */
static bool step_hold(struct pci_irq *p)
{
    unsigned before = p->delivered;
    enum apic_status st = line_mask(p, true);
    p->asserted = before + 1u;
    e1000_intr_raise(&p->nic, E1000_ICR_TXDW);
    bool leaked = pm_clock_wait(&p->clock, reached, p, MASKED_WAIT_US);
    return st == APIC_OK && !leaked && p->delivered == before && intx_asserted(p);
}

/* Step 3: unmasked, the held interrupt arrives once; then quiet and masked. */
static bool step_release(struct pci_irq *p)
{
    unsigned before = p->delivered;
    enum apic_status st = line_mask(p, false);
    bool once = exactly_delivered(p) && p->delivered == before + 1u;
    e1000_intr_quiet(&p->nic);
    enum apic_status mask = line_mask(p, true);
    return st == APIC_OK && mask == APIC_OK && once && !intx_asserted(p);
}

/* ---------------------------------------------------------------- PIC mode */

static uint16_t elcr_read(void)
{
    return (uint16_t)(x86_inb(ELCR1_PORT) | (unsigned)x86_inb(ELCR2_PORT) << 8);
}

/* The 8259 input of the PIC-mode route, through LINT0 as ExtINT; all three
 * steps at once. Leaves the 8259 mask and LINT0 as they were (SeaBIOS and
 * OVMF leave LINT0 in ExtINT mode, the 8259 being masked). */
static void pic_mode_test(struct pci_irq *p, struct aml_state *aml)
{
    const struct apic_lapic *lapic = &p->apic->lapic;
    struct intx_route r = {0};
    struct apic_lvt saved = {0};
    enum acpi_status st = find_route(aml, p, &r);
    bool ok = st == ACPI_OK && r.number < 16 && r.number != APIC_PIC_CASCADE_IRQ &&
              p->apic->plat.pcat_compat;
    uint16_t elcr_before = elcr_read();
    uint16_t mask_before = apic_pic8259_get_mask(&apic_host_x86);
    bool held = false;
    bool irr = false;
    bool deliver = false;
    bool release = false;

    if (ok) {
        uint16_t bit = (uint16_t)(1u << r.number);
        /* PCI interrupts are level-triggered, shareable (PCI 3.0, 2.2.6). */
        if ((elcr_before & bit) == 0) {
            x86_outb(r.number < 8 ? ELCR1_PORT : ELCR2_PORT,
                     (uint8_t)((elcr_before | bit) >> (r.number < 8 ? 0 : 8)));
        }
        const struct apic_lvt extint = {.delivery = APIC_LVT_EXTINT,
                                        .trigger = APIC_TRIGGER_LEVEL};
        ok = apic_lapic_lvt_get(lapic, APIC_LVT_LINT0, &saved) == APIC_OK &&
             apic_lapic_lvt_set(lapic, APIC_LVT_LINT0, &extint) == APIC_OK &&
             (elcr_read() & bit) != 0;
        p->line = (struct pci_irq_line){
            .pic = true,
            .number = r.number,
            .vector = (uint8_t)(r.number < 8 ? VECTOR_PIC_MASTER + r.number
                                             : VECTOR_PIC_SLAVE + r.number - 8u),
        };
        e1000_intr_quiet(&p->nic);
        active = p;
        ok = ok && apic_pic8259_mask_irq(&apic_host_x86, (uint8_t)r.number, false) == APIC_OK;
        deliver = ok && step_deliver(p);
        held = ok && step_hold(p);
        /* A level-triggered 8259 input's IRR bit follows the line, masked or not. */
        irr = (apic_pic8259_irr(&apic_host_x86) & bit) != 0;
        release = ok && step_release(p);
        apic_pic8259_set_mask(&apic_host_x86, mask_before);
        (void)apic_lapic_lvt_set(lapic, APIC_LVT_LINT0, &saved);
        active = NULL;
    }
    console_serial_printf("pci-intx-pic irq=%u link=%s vector=0x%x elcr=0x%04x elcr_after=0x%04x "
                          "lint0_was_masked=%u delivered=%u held=%u irr=%u released=%u "
                          "asserted=%u\n",
                          r.number, r.link, p->line.vector, elcr_before, elcr_read(),
                          saved.masked, deliver, held, irr, release, p->asserted);
    console_check(ok && deliver && held && irr && release, "pci-intx-pic",
                  "PIC mode: _PRT via %s gives IRQ %u (%s); through the 8259 (level in the "
                  "ELCR) and LINT0 ExtINT: one interrupt, held while masked, one more once "
                  "unmasked",
                  r.link, r.number, acpi_status_str(st));
}

/* ---------------------------------------------------------------- APIC mode */

/* \_PIC(1), the route, the MADT's override: the line's GSI and its pin. */
static bool apic_route(struct pci_irq *p, struct aml_state *aml, struct intx_route *r)
{
    const struct apic_report *apic = p->apic;
    enum acpi_status pic = acpi_aml_pic(aml->aml, ACPI_AML_PIC_APIC);
    enum acpi_status st = find_route(aml, p, r);
    uint32_t gsi = r->number;
    bool overridden = false;
    bool agrees = true;
    size_t index = 0;

    /* A link's interrupt below 16 is also an ISA IRQ line: where the MADT
     * overrides it, the override says which GSI that line reaches (5.2.12.5).
     * QEMU overrides 5, 9, 10 and 11 to themselves, level, active high. */
    if (st == ACPI_OK && r->number < 16 && apic->plat.isa_irqs[r->number].overridden) {
        const struct acpi_platform_isa_irq *o = &apic->plat.isa_irqs[r->number];
        gsi = o->gsi;
        overridden = true;
        agrees = apic_polarity_of(o->polarity) == r->polarity &&
                 apic_trigger_of(o->trigger) == r->trigger;
    }
    enum apic_status found = apic_ioapic_find(apic->ioapics, apic->ioapic_count, gsi, &index);
    if (found == APIC_OK) {
        p->line = (struct pci_irq_line){
            .number = gsi,
            .vector = VECTOR_PCI_INTX,
            .ioapic = &apic->ioapics[index],
            .pin = gsi - apic->ioapics[index].gsi_base,
        };
    }
    console_serial_printf("pci-intx-route pin=%c hops=%u link=%s number=%u gsi=%u polarity=%s "
                          "trigger=%s overridden=%u ioapic=%u ioapic_pin=%u\n",
                          'A' + interrupt_pin(p) - 1, p->nhops, r->link, r->number, gsi,
                          polarity_name(r->polarity), trigger_name(r->trigger), overridden,
                          (unsigned)index, p->line.pin);
    return console_check((pic == ACPI_OK || pic == ACPI_NOT_FOUND) && st == ACPI_OK && agrees &&
                             found == APIC_OK,
                         "pci-intx-route",
                         "_PIC(1): %s; _PRT via %s: %s, GSI %u %s %s, MADT override %s; I/O "
                         "APIC %u pin %u",
                         acpi_status_str(pic), r->link, acpi_status_str(st), gsi,
                         polarity_name(r->polarity), trigger_name(r->trigger),
                         !overridden ? "none" : agrees ? "agrees" : "differs",
                         (unsigned)index, p->line.pin);
}

/* APIC steps 1 and 2. */
static void apic_mode_test(struct pci_irq *p, struct aml_state *aml)
{
    const struct apic_report *apic = p->apic;
    uint8_t dest = apic_lapic_id8(&apic->lapic);
    struct apic_ioapic_redirection back = {0};
    struct intx_route r = {0};

    if (!apic_route(p, aml, &r)) {
        return;
    }
    e1000_intr_quiet(&p->nic);
    enum apic_status st = apic_ioapic_route_gsi(apic->ioapics, apic->ioapic_count,
                                                p->line.number, r.polarity, r.trigger,
                                                VECTOR_PCI_INTX, dest);
    active = p;
    bool deliver = st == APIC_OK && step_deliver(p);
    st = st == APIC_OK ? apic_ioapic_get(p->line.ioapic, p->line.pin, &back) : st;
    console_serial_printf("pci-intx-interrupt gsi=%u vector=0x%x delivered=%u icr=0x%x "
                          "intx_after=%u remote_irr=%u\n",
                          p->line.number, back.vector, p->delivered, p->last_icr,
                          intx_asserted(p), back.remote_irr);
    console_check(deliver && st == APIC_OK && back.vector == VECTOR_PCI_INTX && !back.masked &&
                      !back.remote_irr && back.polarity == r.polarity &&
                      back.trigger == r.trigger && back.destination == dest,
                  "pci-intx-delivered",
                  "APIC mode: ICS.TXDW set: one interrupt on vector 0x%x to APIC ID %u (%u "
                  "in all), ICR 0x%x read in the handler, INTx down after it, Remote IRR %u "
                  "after the EOI",
                  VECTOR_PCI_INTX, dest, p->delivered, p->last_icr, back.remote_irr);
    if (!deliver) {
        return;
    }
    bool held = step_hold(p);
    console_serial_printf("pci-intx-masked gsi=%u asserted=%u delivered=%u intx=%u\n",
                          p->line.number, p->asserted, p->delivered, intx_asserted(p));
    console_check(held, "pci-intx-masked",
                  "pin masked, ICS.TXDW set again: INTx up (PCI Status), no interrupt in %u ms; "
                  "held until the harness looked",
                  MASKED_WAIT_US / 1000u);
    p->armed = held;
}

void pci_irq_demo(struct pci_irq *p, struct aml_state *aml, const struct apic_report *apic,
                  const struct acpi_facts *facts, const struct acpi_hw_host *hw)
{
    *p = (struct pci_irq){.apic = apic};
    if (aml->aml == NULL || !apic->ready || !facts->have_pm_timer) {
        return;
    }
    if (!find_nic(p)) {
        console_serial_printf("pci-intx none (no 82540EM or 82574L NIC)\n");
        return;
    }
    pm_clock_init(&p->clock, hw, &facts->pm_timer);
    uint32_t start = pm_clock_read(&p->clock);
    if (prepare_device(p)) {
        pic_mode_test(p, aml);
        apic_mode_test(p, aml);
    }
    /* PM-timer time of all this (printing included): what the boot pays. */
    uint32_t ticks = acpi_pm_timer_elapsed(&p->clock.timer, start, pm_clock_read(&p->clock));
    console_serial_printf("pci-intx-time us=%llu\n",
                          (unsigned long long)(acpi_pm_timer_ticks_to_ns(ticks) / 1000u));
}

bool pci_irq_dispatch(uint64_t vector)
{
    struct pci_irq *p = active;

    if (p == NULL || vector != p->line.vector) {
        return false;
    }
    /* Level-triggered: the source drops INTx first, then the acknowledge;
     * the other order would deliver the same interrupt again. */
    p->last_icr = e1000_intr_ack(&p->nic);
    p->delivered++;
    if (p->line.pic) {
        /* ExtINT: the 8259 is acknowledged, the LAPIC is not (SDM 11.8.5). */
        (void)apic_pic8259_eoi(&apic_host_x86, (uint8_t)p->line.number);
    } else {
        apic_lapic_eoi(&p->apic->lapic);
    }
    return true;
}

void pci_irq_finish(struct pci_irq *p)
{
    if (!p->armed) {
        return;
    }
    p->armed = false;
    bool release = step_release(p);
    console_serial_printf("pci-intx-unmasked delivered=%u asserted=%u intx_after=%u\n",
                          p->delivered, p->asserted, intx_asserted(p));
    console_check(release && p->delivered == p->asserted, "pci-intx-unmasked",
                  "APIC mode: the held interrupt arrived once the pin was unmasked (%u "
                  "interrupts for %u assertions in all); NIC quiet, pin masked again",
                  p->delivered, p->asserted);
    active = NULL;
}

/* ---------------------------------------------------------------- other host bridges */

/* The first supported NIC below a host bridge other than bus 0's, with its
 * path from that bridge's root bus (the walk of acpi/aml_host_pci.h). */
struct nic_search {
    struct pci_irq *p;
    const struct acpi_aml_node *root;
    struct pci_path_bridges bridges;
    bool found;
};

static bool visit_other_root(void *ctx, const struct acpi_aml_pci_root *root,
                             const struct pci_enum_entry *entry)
{
    struct nic_search *s = ctx;
    const struct pci_address *a = &entry->function.address;

    if (root->segment == 0 && root->bus_start == 0) {
        return true; /* pci_irq_demo's bridge */
    }
    if (root->node != s->root) {
        s->root = root->node;
        s->bridges.count = 0;
    }
    pci_path_note(&s->bridges, entry);
    const char *model = e1000_model(entry->header.vendor_id, entry->header.device_id);
    if (model == NULL || entry->header.header_type != 0 || root->segment != 0) {
        return true; /* Mechanism #1 (the test's access) reaches segment 0 only */
    }
    s->p->nic = (struct e1000_nic){
        .fn = pci_function_make(&s->p->access, *a),
        .device_id = entry->header.device_id,
        .model = model,
    };
    s->p->nhops = pci_path_hops(&s->bridges, root->bus_start, a->bus, a->device, s->p->hops);
    s->found = true;
    return false;
}

/* Which 8259 input the NIC's INTx really drives, against its PIC-mode _PRT
 * route: every 8259 input masked (nothing is delivered), the NIC asserts
 * INTx once and holds it, the IRR read before and with it up (inputs the
 * ELCR makes level follow the line; edge ones latch the rise). */
void pci_irq_probe(struct pci_irq *p, struct aml_state *aml, const struct apic_report *apic,
                   const struct acpi_facts *facts, const struct acpi_hw_host *hw)
{
    static struct acpi_aml_pci_root root;
    static struct nic_search search;
    struct intx_route r = {.link = "-"};

    *p = (struct pci_irq){.apic = apic, .probe = true};
    if (aml->aml == NULL || !apic->ready || !facts->have_pm_timer ||
        pci_legacy_access_init(&p->access, &p->legacy, NULL) != PCI_OK) {
        return;
    }
    search = (struct nic_search){.p = p};
    enum acpi_status st = acpi_aml_pci_enumerate_roots(aml->aml, NULL, &aml->khost.pci, &root,
                                                       visit_other_root, &search, NULL);
    if (!search.found) {
        console_serial_printf("pci-intx-probe none (no NIC behind another host bridge: %s)\n",
                              acpi_status_str(st));
        return;
    }
    pm_clock_init(&p->clock, hw, &facts->pm_timer);
    if (!prepare_device(p)) {
        return;
    }
    /* PIC mode for the route, then back to the APIC mode pci_irq_demo left. */
    enum acpi_status pic = acpi_aml_pic(aml->aml, ACPI_AML_PIC_8259);
    st = find_route(aml, p, &r);
    enum acpi_status apic_mode = acpi_aml_pic(aml->aml, ACPI_AML_PIC_APIC);
    const struct pci_address *a = &p->nic.fn.address;
    uint8_t line = p->access.read8(p->access.ctx, *a, 0x3C); /* Interrupt Line */

    p->probe_mask = apic_pic8259_get_mask(&apic_host_x86);
    apic_pic8259_set_mask(&apic_host_x86, 0xFFFFu);
    e1000_intr_quiet(&p->nic);
    uint16_t before = apic_pic8259_irr(&apic_host_x86);
    e1000_intr_raise(&p->nic, E1000_ICR_TXDW);
    p->asserted = 1;
    bool up = intx_asserted(p);
    uint16_t irr_up = apic_pic8259_irr(&apic_host_x86);
    uint16_t rose = (uint16_t)(irr_up & ~before);
    p->armed = up;

    console_serial_printf("pci-intx-probe bdf=%02x:%02x.%x hops=%u prt_irq=%u link=%s line=%u "
                          "irr_before=0x%04x irr_up=0x%04x intx_up=%u asserted=%u\n",
                          a->bus, a->device, a->function, p->nhops, r.number, r.link, line, before,
                          irr_up, up, p->asserted);
    /* Which input rose is for the e2e test to judge against QEMU's view
     * (info pic, info irq); this checks that the probe itself worked. */
    console_check((pic == ACPI_OK || pic == ACPI_NOT_FOUND) && st == ACPI_OK &&
                      (apic_mode == ACPI_OK || apic_mode == ACPI_NOT_FOUND) && up && rose != 0,
                  "pci-intx-probe",
                  "%s at %02x:%02x.%x behind another host bridge: _PRT (PIC mode) via %s gives "
                  "IRQ %u (%s); INTx up and held: the 8259 IRR gained 0x%04x; Interrupt Line %u",
                  p->nic.model, a->bus, a->device, a->function, r.link, r.number,
                  acpi_status_str(st), rose, line);
}

void pci_irq_probe_finish(struct pci_irq *p)
{
    if (!p->armed) {
        return;
    }
    p->armed = false;
    (void)e1000_intr_ack(&p->nic);
    e1000_intr_quiet(&p->nic);
    bool down = !intx_asserted(p);
    uint16_t irr = apic_pic8259_irr(&apic_host_x86);
    apic_pic8259_set_mask(&apic_host_x86, p->probe_mask);
    console_serial_printf("pci-intx-probe-down intx=%u irr=0x%04x\n", !down, irr);
    console_check(down, "pci-intx-probe-down",
                  "ICR read: the probed NIC dropped INTx; 8259 mask restored");
}
