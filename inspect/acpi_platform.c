/* osdev-inspect acpi: the platform view acpi_platform_build() derives from
 * the first MADT, FADT, MCFG, HPET, SRAT and SLIT. Schema: inspect/README.md,
 * "acpi: more tables and platform". */
#include <stdio.h>
#include <string.h>

#include "acpi/platform.h"
#include "acpi_print.h"

#define MAX_ITEMS 1024

struct platform_storage {
    struct acpi_platform_io_apic io[64];
    struct acpi_platform_nmi_source nmi[64];
    struct acpi_platform_local_apic_nmi lnmi[MAX_ITEMS];
    struct acpi_platform_processor cpu[MAX_ITEMS];
    struct acpi_platform_ecam ecam[64];
    struct acpi_platform_memory_range mem[MAX_ITEMS];
    struct acpi_platform_gicc gicc[MAX_ITEMS];
    struct acpi_platform_gicr_range gicr[64];
    struct acpi_madt madt;
    struct acpi_fadt fadt;
    struct acpi_mcfg mcfg;
    struct acpi_hpet hpet;
    struct acpi_srat srat;
    struct acpi_slit slit;
};

/* The first usable instance of each table feeds the platform view. */
static enum acpi_status build_platform(const struct inspect_table *tables, size_t count,
                                       struct platform_storage *s, struct acpi_platform *p)
{
    struct acpi_platform_tables t = {0};
    for (size_t i = 0; i < count; i++) {
        const struct inspect_table *x = &tables[i];
        if (inspect_acpi_is(x, "APIC") && t.madt == NULL && acpi_madt_parse(x->bytes, x->len, &s->madt) == ACPI_OK)
            t.madt = &s->madt;
        else if (inspect_acpi_is(x, "FACP") && t.fadt == NULL &&
                 acpi_fadt_parse(x->bytes, x->len, &s->fadt) == ACPI_OK)
            t.fadt = &s->fadt;
        else if (inspect_acpi_is(x, "MCFG") && t.mcfg == NULL &&
                 acpi_mcfg_parse(x->bytes, x->len, &s->mcfg) == ACPI_OK)
            t.mcfg = &s->mcfg;
        else if (inspect_acpi_is(x, "HPET") && t.hpet == NULL &&
                 acpi_hpet_parse(x->bytes, x->len, &s->hpet) == ACPI_OK)
            t.hpet = &s->hpet;
        else if (inspect_acpi_is(x, "SRAT") && t.srat == NULL &&
                 acpi_srat_parse(x->bytes, x->len, ACPI_CHECKSUM_ACCEPT, &s->srat) == ACPI_OK)
            t.srat = &s->srat;
        else if (inspect_acpi_is(x, "SLIT") && t.slit == NULL &&
                 acpi_slit_parse(x->bytes, x->len, ACPI_CHECKSUM_ACCEPT, &s->slit) == ACPI_OK)
            t.slit = &s->slit;
    }
    memset(p, 0, sizeof *p);
    p->io_apics.items = s->io, p->io_apics.capacity = 64;
    p->nmi_sources.items = s->nmi, p->nmi_sources.capacity = 64;
    p->local_apic_nmis.items = s->lnmi, p->local_apic_nmis.capacity = MAX_ITEMS;
    p->processors.items = s->cpu, p->processors.capacity = MAX_ITEMS;
    p->ecam.items = s->ecam, p->ecam.capacity = 64;
    p->memory_ranges.items = s->mem, p->memory_ranges.capacity = MAX_ITEMS;
    p->gicc.items = s->gicc, p->gicc.capacity = MAX_ITEMS;
    p->gicr_ranges.items = s->gicr, p->gicr_ranges.capacity = 64;
    return acpi_platform_build(&t, p);
}

#define STORED(arr) ((arr).count < (arr).capacity ? (arr).count : (arr).capacity)

static const char *polarity_name(enum acpi_mps_polarity p)
{
    return p == ACPI_POLARITY_ACTIVE_LOW ? "active_low" : "active_high";
}

static const char *trigger_name(enum acpi_mps_trigger t)
{
    return t == ACPI_TRIGGER_LEVEL ? "level" : "edge";
}

/* ARM: the GIC distributor, redistributor ranges and one GICC per processor. */
static void json_platform_gic(struct json *j, const struct acpi_platform *p,
                              const struct platform_storage *s)
{
    json_begin_object(j);
    if (p->has_gicd) {
        json_kv_uint(j, "distributor_address", p->gicd_address);
        json_kv_uint(j, "version", p->gic_version);
    } else {
        json_kv_null(j, "distributor_address");
        json_kv_null(j, "version");
    }
    json_key(j, "redistributor_ranges");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p->gicr_ranges); i++) {
        json_begin_object(j);
        json_kv_uint(j, "base_address", s->gicr[i].base_address);
        json_kv_uint(j, "length", s->gicr[i].length);
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "cpu_interfaces");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p->gicc); i++) {
        const struct acpi_platform_gicc *c = &s->gicc[i];
        json_begin_object(j);
        json_kv_uint(j, "mpidr", c->mpidr);
        json_kv_uint(j, "acpi_processor_uid", c->acpi_processor_uid);
        json_kv_uint(j, "cpu_interface_number", c->cpu_interface_number);
        json_kv_bool(j, "enabled", c->enabled);
        json_kv_bool(j, "online_capable", c->online_capable);
        json_kv_uint(j, "gicc_base_address", c->gicc_base_address);
        json_kv_uint(j, "gicr_base_address", c->gicr_base_address);
        json_kv_uint(j, "gicv_base_address", c->gicv_base_address);
        json_kv_uint(j, "gich_base_address", c->gich_base_address);
        json_kv_uint(j, "performance_interrupt", c->performance_interrupt);
        json_kv_string(j, "performance_interrupt_trigger",
                       trigger_name(c->performance_interrupt_trigger));
        json_kv_uint(j, "vgic_maintenance_interrupt", c->vgic_maintenance_interrupt);
        if (c->has_proximity_domain)
            json_kv_uint(j, "proximity_domain", c->proximity_domain);
        else
            json_kv_null(j, "proximity_domain");
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}

void inspect_json_platform(struct json *j, const struct inspect_table *tables, size_t count)
{
    static struct platform_storage s;
    struct acpi_platform p;
    enum acpi_status st = build_platform(tables, count, &s, &p);
    json_key(j, "platform");
    json_begin_object(j);
    json_kv_string(j, "status", acpi_status_str(st));
    json_key(j, "interrupts");
    json_begin_object(j);
    if (p.has_madt)
        json_kv_uint(j, "local_apic_address", p.local_apic_address);
    else
        json_kv_null(j, "local_apic_address");
    json_kv_bool(j, "pcat_compat", p.pcat_compat);
    json_key(j, "io_apics");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p.io_apics); i++) {
        json_begin_object(j);
        json_kv_uint(j, "io_apic_id", s.io[i].io_apic_id);
        json_kv_uint(j, "address", s.io[i].address);
        json_kv_uint(j, "gsi_base", s.io[i].gsi_base);
        json_kv_uint(j, "gsi_next_base", s.io[i].gsi_next_base);
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "isa_irqs");
    json_begin_array(j);
    for (unsigned i = 0; i < 16; i++) {
        json_begin_object(j);
        json_kv_uint(j, "irq", i);
        json_kv_uint(j, "gsi", p.isa_irqs[i].gsi);
        json_kv_string(j, "polarity", polarity_name(p.isa_irqs[i].polarity));
        json_kv_string(j, "trigger", trigger_name(p.isa_irqs[i].trigger));
        json_kv_bool(j, "overridden", p.isa_irqs[i].overridden);
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "nmi_sources");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p.nmi_sources); i++) {
        json_begin_object(j);
        json_kv_uint(j, "gsi", s.nmi[i].gsi);
        json_kv_string(j, "polarity", polarity_name(s.nmi[i].polarity));
        json_kv_string(j, "trigger", trigger_name(s.nmi[i].trigger));
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "local_apic_nmis");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p.local_apic_nmis); i++) {
        json_begin_object(j);
        if (s.lnmi[i].all_processors)
            json_kv_null(j, "acpi_processor_uid");
        else
            json_kv_uint(j, "acpi_processor_uid", s.lnmi[i].acpi_processor_uid);
        json_kv_uint(j, "lint", s.lnmi[i].lint);
        json_kv_string(j, "polarity", polarity_name(s.lnmi[i].polarity));
        json_kv_string(j, "trigger", trigger_name(s.lnmi[i].trigger));
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "gic");
    if (p.has_gicd || STORED(p.gicc) > 0 || STORED(p.gicr_ranges) > 0)
        json_platform_gic(j, &p, &s);
    else
        json_null(j);
    json_end_object(j);
    json_key(j, "processors");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p.processors); i++) {
        const struct acpi_platform_processor *c = &s.cpu[i];
        json_begin_object(j);
        json_kv_uint(j, c->is_x2apic ? "x2apic_id" : "apic_id", c->apic_id);
        json_kv_uint(j, "acpi_processor_uid", c->acpi_processor_uid);
        json_kv_bool(j, "bsp", c->bsp);
        json_kv_bool(j, "enabled", c->enabled);
        json_kv_bool(j, "online_capable", c->online_capable);
        if (c->has_proximity_domain)
            json_kv_uint(j, "proximity_domain", c->proximity_domain);
        else
            json_kv_null(j, "proximity_domain");
        json_end_object(j);
    }
    json_end_array(j);
    if (p.has_pm_timer) {
        json_key(j, "pm_timer");
        json_begin_object(j);
        inspect_json_gas(j, "register", &p.pm_timer.reg);
        json_kv_uint(j, "bits", p.pm_timer.extended ? 32 : 24);
        json_end_object(j);
    } else {
        json_kv_null(j, "pm_timer");
    }
    if (p.has_reset_register) {
        json_key(j, "reset");
        json_begin_object(j);
        inspect_json_gas(j, "register", &p.reset_register);
        json_kv_uint(j, "value", p.reset_value);
        json_end_object(j);
    } else {
        json_kv_null(j, "reset");
    }
    if (p.has_hpet)
        json_kv_uint(j, "hpet_address", p.hpet_address);
    else
        json_kv_null(j, "hpet_address");
    json_key(j, "ecam");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p.ecam); i++) {
        json_begin_object(j);
        json_kv_uint(j, "base_address", s.ecam[i].base_address);
        json_kv_uint(j, "pci_segment_group", s.ecam[i].pci_segment_group);
        json_kv_uint(j, "start_bus", s.ecam[i].start_bus);
        json_kv_uint(j, "end_bus", s.ecam[i].end_bus);
        json_end_object(j);
    }
    json_end_array(j);
    json_key(j, "numa");
    json_begin_object(j);
    json_key(j, "memory_ranges");
    json_begin_array(j);
    for (size_t i = 0; i < STORED(p.memory_ranges); i++) {
        json_begin_object(j);
        json_kv_uint(j, "base_address", s.mem[i].base);
        json_kv_uint(j, "length", s.mem[i].length);
        json_kv_uint(j, "proximity_domain", s.mem[i].proximity_domain);
        json_kv_bool(j, "hot_pluggable", s.mem[i].hot_pluggable);
        json_kv_bool(j, "non_volatile", s.mem[i].non_volatile);
        json_end_object(j);
    }
    json_end_array(j);
    if (p.has_slit) {
        json_kv_uint(j, "localities", p.slit.number_of_system_localities);
    } else {
        json_kv_null(j, "localities");
    }
    json_end_object(j);
    json_end_object(j);
}

void inspect_text_platform(FILE *out, const struct inspect_table *tables, size_t count)
{
    static struct platform_storage s;
    struct acpi_platform p;
    enum acpi_status st = build_platform(tables, count, &s, &p);
    fprintf(out, "platform (%s)\n", acpi_status_str(st));
    if (p.has_madt)
        fprintf(out, "    local APIC 0x%llx, %s8259s\n", (unsigned long long)p.local_apic_address,
                p.pcat_compat ? "" : "no ");
    for (size_t i = 0; i < STORED(p.io_apics); i++)
        fprintf(out, "    I/O APIC %u at 0x%08x, GSI %u up\n", s.io[i].io_apic_id, s.io[i].address,
                s.io[i].gsi_base);
    for (unsigned i = 0; i < 16; i++)
        if (p.isa_irqs[i].overridden)
            fprintf(out, "    IRQ %u -> GSI %u %s %s\n", i, p.isa_irqs[i].gsi,
                    polarity_name(p.isa_irqs[i].polarity), trigger_name(p.isa_irqs[i].trigger));
    for (size_t i = 0; i < STORED(p.processors); i++)
        fprintf(out, "    CPU %s %u uid %u%s%s\n", s.cpu[i].is_x2apic ? "x2APIC" : "APIC",
                s.cpu[i].apic_id, s.cpu[i].acpi_processor_uid, s.cpu[i].bsp ? " (BSP)" : "",
                s.cpu[i].enabled ? "" : " (online capable)");
    if (p.has_gicd)
        fprintf(out, "    GIC distributor v%u at 0x%llx\n", p.gic_version,
                (unsigned long long)p.gicd_address);
    for (size_t i = 0; i < STORED(p.gicr_ranges); i++)
        fprintf(out, "    GIC redistributors 0x%llx+0x%x\n",
                (unsigned long long)s.gicr[i].base_address, s.gicr[i].length);
    for (size_t i = 0; i < STORED(p.gicc); i++)
        fprintf(out, "    CPU MPIDR 0x%llx uid %u GICC 0x%llx GICR 0x%llx GICV 0x%llx PMU GSIV %u%s\n",
                (unsigned long long)s.gicc[i].mpidr, s.gicc[i].acpi_processor_uid,
                (unsigned long long)s.gicc[i].gicc_base_address,
                (unsigned long long)s.gicc[i].gicr_base_address,
                (unsigned long long)s.gicc[i].gicv_base_address, s.gicc[i].performance_interrupt,
                s.gicc[i].enabled ? "" : " (online capable)");
    if (p.has_pm_timer)
        fprintf(out, "    PM timer %u bits at 0x%llx\n", p.pm_timer.extended ? 32 : 24,
                (unsigned long long)p.pm_timer.reg.address);
    if (p.has_reset_register)
        fprintf(out, "    reset: write 0x%02x to 0x%llx (space %u)\n", p.reset_value,
                (unsigned long long)p.reset_register.address, p.reset_register.space_id);
    for (size_t i = 0; i < STORED(p.ecam); i++)
        fprintf(out, "    ECAM 0x%llx segment %u buses %u-%u\n",
                (unsigned long long)s.ecam[i].base_address, s.ecam[i].pci_segment_group,
                s.ecam[i].start_bus, s.ecam[i].end_bus);
    for (size_t i = 0; i < STORED(p.memory_ranges); i++)
        fprintf(out, "    memory 0x%llx+0x%llx in domain %u\n", (unsigned long long)s.mem[i].base,
                (unsigned long long)s.mem[i].length, s.mem[i].proximity_domain);
}
