/* See apic_report.h. Intel SDM Vol. 3A 11.4 (LAPIC base and enable), 11.9
 * (spurious interrupt), 11.12 (x2APIC); 82093AA datasheet 3.0; 8259A datasheet
 * (ICW1-ICW4, OCW1); ACPI 6.5 5.2.12 (MADT). */
#include "apic_report.h"

#include "acpi/fadt.h"
#include "acpi/madt.h"
#include "console.h"

/* The kernel's one instance, reached by the dispatcher (interrupts carry no
 * context). */
static const struct apic_report *active;
static struct irq_handlers handlers;

enum apic_polarity apic_polarity_of(enum acpi_mps_polarity p)
{
    return p == ACPI_POLARITY_ACTIVE_LOW ? APIC_POLARITY_ACTIVE_LOW : APIC_POLARITY_ACTIVE_HIGH;
}

enum apic_trigger apic_trigger_of(enum acpi_mps_trigger t)
{
    return t == ACPI_TRIGGER_LEVEL ? APIC_TRIGGER_LEVEL : APIC_TRIGGER_EDGE;
}

static const char *mode_name(enum apic_lapic_mode mode)
{
    switch (mode) {
    case APIC_MODE_XAPIC:
        return "xAPIC";
    case APIC_MODE_X2APIC:
        return "x2APIC";
    case APIC_MODE_DISABLED:
        return "disabled";
    default:
        return "invalid";
    }
}

static bool find_table(const struct acpi_root *root, const char *signature, struct acpi_sdt *sdt)
{
    struct acpi_table_ref ref;
    enum acpi_status st = acpi_find_table(root, signature, 0, &ref);
    return st == ACPI_OK && acpi_table_map(root, &ref, sdt) == ACPI_OK;
}

/* acpi/'s platform view from the MADT and the FADT. */
static bool build_platform(struct apic_report *r, const struct acpi_root *root)
{
    struct acpi_sdt madt_sdt, fadt_sdt;
    struct acpi_madt madt;
    struct acpi_fadt fadt;
    struct acpi_platform_tables tables = {0};
    struct acpi_platform *p = &r->plat;

    if (find_table(root, "APIC", &madt_sdt) &&
        acpi_madt_parse(madt_sdt.bytes, madt_sdt.length, &madt) == ACPI_OK) {
        tables.madt = &madt;
    }
    if (find_table(root, "FACP", &fadt_sdt) &&
        acpi_fadt_parse(fadt_sdt.bytes, fadt_sdt.length, &fadt) == ACPI_OK) {
        tables.fadt = &fadt;
    }
    /* ACPI 6.5 5.2.9.3: the flag exists from FADT revision 2 (ACPI 2.0) on;
     * older tables (QEMU's i440fx FADT is revision 1) leave it reserved. */
    r->has_8042 = tables.fadt == NULL || fadt.header.revision < 2 ||
                  !acpi_fadt_has(&fadt, ACPI_FADT_IAPC_BOOT_ARCH, 2) ||
                  (fadt.iapc_boot_arch & ACPI_IAPC_8042) != 0;
    p->io_apics.items = r->io_apic_items;
    p->io_apics.capacity = APIC_REPORT_MAX_IOAPICS;
    p->processors.items = r->cpu_items;
    p->processors.capacity = APIC_REPORT_MAX_CPUS;
    p->nmi_sources.items = r->nmi_items;
    p->nmi_sources.capacity = sizeof r->nmi_items / sizeof r->nmi_items[0];
    p->local_apic_nmis.items = r->lapic_nmi_items;
    p->local_apic_nmis.capacity = APIC_REPORT_MAX_CPUS;
    p->ecam.items = r->ecam_items;
    p->ecam.capacity = sizeof r->ecam_items / sizeof r->ecam_items[0];
    p->memory_ranges.items = r->memory_items;
    p->memory_ranges.capacity = sizeof r->memory_items / sizeof r->memory_items[0];
    enum acpi_status st = acpi_platform_build(&tables, p);
    return console_check(st == ACPI_OK && p->has_madt && p->io_apics.count > 0 &&
                             p->processors.count > 0,
                         "acpi-platform", "%s: %u processors, %u I/O APICs, 8259s %s",
                         acpi_status_str(st), (unsigned)p->processors.count,
                         (unsigned)p->io_apics.count, p->pcat_compat ? "present" : "absent");
}

/* The 8259 pair off: remapped to VECTOR_PIC_MASTER/SLAVE, then every line masked. */
static void disable_pic(const struct apic_report *r)
{
    if (!r->plat.pcat_compat) {
        console_printf("pic8259 none (MADT PCAT_COMPAT clear)\n");
        return;
    }
    enum apic_status st = apic_pic8259_disable(&apic_host_x86, VECTOR_PIC_MASTER, VECTOR_PIC_SLAVE);
    uint16_t mask = apic_pic8259_get_mask(&apic_host_x86);
    console_check(st == APIC_OK && mask == 0xFFFF, "pic8259-disabled",
                  "remapped to 0x%x/0x%x, mask 0x%04x read back (OCW1): %s", VECTOR_PIC_MASTER,
                  VECTOR_PIC_SLAVE, mask, apic_status_str(st));
}

static bool start_lapic(struct apic_report *r)
{
    struct apic_lapic *l = &r->lapic;
    enum apic_status st = apic_lapic_detect(&apic_host_x86, &r->info);

    if (!console_check(st == APIC_OK && r->info.present && r->info.bsp, "lapic-detect",
                       "CPUID APIC=%u x2APIC=%u TSC-deadline=%u, IA32_APIC_BASE 0x%llx BSP=%u "
                       "mode %s: %s",
                       r->info.present, r->info.x2apic_supported, r->info.tsc_deadline,
                       (unsigned long long)r->info.base_phys, r->info.bsp,
                       mode_name(r->info.mode), apic_status_str(st))) {
        return false;
    }
    /* The base page lies in the 0-4 GiB identity map. */
    st = apic_lapic_init(l, &apic_host_x86, (uintptr_t)r->info.base_phys);
    if (st == APIC_OK || st == APIC_WRONG_MODE) {
        st = apic_lapic_set_mode(l, r->info.x2apic_supported ? APIC_MODE_X2APIC : APIC_MODE_XAPIC);
    }
    if (st == APIC_OK) {
        st = apic_lapic_enable(l, VECTOR_SPURIOUS, 0);
    }
    if (!console_check(st == APIC_OK && apic_lapic_enabled(l), "lapic-enable",
                       "%s mode, spurious vector 0x%x: %s", mode_name(l->mode), VECTOR_SPURIOUS,
                       apic_status_str(st))) {
        return false;
    }
    struct apic_lapic_version v;
    apic_lapic_version(l, &v);
    uint32_t id = apic_lapic_id(l);
    uint32_t madt_bsp = r->plat.processors.count > 0 ? r->cpu_items[0].apic_id : UINT32_MAX;
    console_printf("lapic mode=%s id=%u version=0x%02x max_lvt=%u base=0x%llx tpr=0x%02x "
                   "svr=0x%x\n",
                   mode_name(l->mode), id, v.version, v.max_lvt,
                   (unsigned long long)r->info.base_phys, apic_lapic_tpr(l),
                   apic_lapic_read(l, APIC_REG_SVR));
    /* Three sources of the BSP's ID: the register, CPUID and the MADT's first entry. */
    uint32_t cpuid_id = l->mode == APIC_MODE_X2APIC ? r->info.x2apic_id : r->info.initial_apic_id;
    console_check(id == cpuid_id && id == madt_bsp && (v.version & 0xF0u) == 0x10u, "lapic-id",
                  "register %u, CPUID %u, MADT boot processor %u; version 0x%02x (integrated)",
                  id, cpuid_id, madt_bsp, v.version);
    return true;
}

static bool start_ioapics(struct apic_report *r)
{
    bool ok = true;

    r->ioapic_count = 0;
    for (size_t i = 0; i < r->plat.io_apics.count && i < APIC_REPORT_MAX_IOAPICS; i++) {
        const struct acpi_platform_io_apic *m = &r->io_apic_items[i];
        struct apic_ioapic *io = &r->ioapics[r->ioapic_count];
        enum apic_status st = apic_ioapic_init(io, &apic_host_x86, (uintptr_t)m->address,
                                               m->gsi_base);
        if (st == APIC_OK) {
            apic_ioapic_mask_all(io);
            r->ioapic_count++;
        }
        console_printf("ioapic-registers index=%u id=%u version=0x%02x entries=%u gsi_base=%u "
                       "addr=0x%x\n",
                       (unsigned)i, io->id, io->version, io->entries, m->gsi_base, m->address);
        ok = console_check(st == APIC_OK && io->id == m->io_apic_id && io->entries > 0,
                           "ioapic-registers", "IOAPICID %u (MADT %u), %u entries, all masked: %s",
                           io->id, m->io_apic_id, io->entries, apic_status_str(st)) && ok;
    }
    return ok && r->ioapic_count > 0;
}

static void set_gates(struct cpu_tables *t)
{
    bool ok = true;
    for (unsigned v = X86_FIRST_USER_VECTOR; v < 256; v++) {
        ok = x86_idt_set(&t->idt, v, x86_isr_stub_table[v], t->selectors.kernel_code,
                         X86_GATE_INTERRUPT, 0, 0) == X86_OK && ok;
    }
    console_check(ok, "idt-device-gates", "interrupt gates for vectors %u-255",
                  X86_FIRST_USER_VECTOR);
}

void apic_report(struct apic_report *r, const struct acpi_root *root, struct cpu_tables *tables)
{
    r->ready = false;
    r->plat_ok = build_platform(r, root);
    if (!r->plat_ok) {
        return;
    }
    disable_pic(r);
    set_gates(tables);
    if (!start_lapic(r) || !start_ioapics(r)) {
        return;
    }
    active = r;
    r->ready = true;
}

void apic_set_handlers(const struct irq_handlers *h)
{
    handlers = *h;
}

enum apic_status apic_enable_this_cpu(const struct apic_report *r)
{
    struct apic_lapic mine;
    enum apic_status st = apic_lapic_init(&mine, &apic_host_x86, r->lapic.mmio);
    if (st == APIC_OK || st == APIC_WRONG_MODE) {
        st = apic_lapic_set_mode(&mine, r->lapic.mode);
    }
    return st == APIC_OK ? apic_lapic_enable(&mine, VECTOR_SPURIOUS, 0) : st;
}

bool apic_dispatch(uint64_t vector)
{
    void (*handler)(void) = NULL;

    if (vector == VECTOR_SPURIOUS) {
        /* SDM 11.9: no EOI for the spurious vector. */
        return true;
    }
    if (vector == VECTOR_PIC_MASTER + 7 || vector == VECTOR_PIC_SLAVE + 7) {
        /* A masked 8259's spurious IRQ 7/15 (8259A datasheet): nothing in service. */
        (void)apic_pic8259_spurious(&apic_host_x86, (uint8_t)(vector - VECTOR_PIC_MASTER));
        return true;
    }
    if (vector == VECTOR_TIMER) {
        handler = handlers.timer;
    } else if (vector == VECTOR_KEYBOARD) {
        handler = handlers.keyboard;
    } else if (vector == VECTOR_IPI) {
        handler = handlers.ipi;
    }
    if (active == NULL || (vector != VECTOR_TIMER && vector != VECTOR_KEYBOARD &&
                           vector != VECTOR_IPI)) {
        return false;
    }
    /* A known vector without a handler (the timer's last interrupt after it
     * stopped) is acknowledged and dropped. */
    if (handler != NULL) {
        handler();
    }
    apic_lapic_eoi(&active->lapic);
    return true;
}
