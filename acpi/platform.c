/* acpi/platform.c - platform information from MADT, FADT, MCFG, HPET, SRAT, SLIT. */
#include "acpi/platform.h"

/* GICC CPU Interface Flags (ACPI 6.5, Table 5.38); bit 0 is ACPI_MADT_ENABLED. */
#define GICC_PERFORMANCE_INTERRUPT_EDGE (1u << 1)
#define GICC_ONLINE_CAPABLE (1u << 3)

/* Store one item if there is room; always count it. */
#define PUSH(arr, value)                                                                       \
    do {                                                                                       \
        if ((arr).count < (arr).capacity && (arr).items != NULL)                               \
            (arr).items[(arr).count] = (value);                                                \
        (arr).count++;                                                                         \
    } while (0)

#define STORED(arr) ((arr).count < (arr).capacity ? (arr).count : (arr).capacity)

/* MPS INTI flags (Table 5.27): "conforms to the bus" resolves to the ISA
 * bus's active-high, edge-triggered signalling. */
static enum acpi_mps_polarity resolve_polarity(uint16_t flags)
{
    enum acpi_mps_polarity p = acpi_mps_inti_polarity(flags);
    return p == ACPI_POLARITY_ACTIVE_LOW ? ACPI_POLARITY_ACTIVE_LOW : ACPI_POLARITY_ACTIVE_HIGH;
}

static enum acpi_mps_trigger resolve_trigger(uint16_t flags)
{
    enum acpi_mps_trigger t = acpi_mps_inti_trigger(flags);
    return t == ACPI_TRIGGER_LEVEL ? ACPI_TRIGGER_LEVEL : ACPI_TRIGGER_EDGE;
}

static void add_processor(struct acpi_platform *out, struct acpi_platform_processor p,
                          bool *bsp_seen)
{
    if (!p.enabled && !p.online_capable)
        return; /* 5.2.12.2: neither enabled nor online capable: not usable */
    if (p.enabled && !*bsp_seen) {
        /* 5.2.12: the boot processor's structure comes first; a disabled entry
         * before it does not change that, so move it to the front. */
        *bsp_seen = true;
        p.bsp = true;
        size_t stored = STORED(out->processors);
        if (out->processors.items != NULL && out->processors.capacity > 0) {
            size_t keep = stored < out->processors.capacity ? stored : out->processors.capacity - 1;
            for (size_t i = keep; i > 0; i--)
                out->processors.items[i] = out->processors.items[i - 1];
            out->processors.items[0] = p;
        }
        out->processors.count++;
        return;
    }
    PUSH(out->processors, p);
}

static enum acpi_status walk_madt(const struct acpi_madt *madt, struct acpi_platform *out)
{
    out->has_madt = true;
    out->pcat_compat = (madt->flags & ACPI_MADT_PCAT_COMPAT) != 0;
    enum acpi_status st = acpi_madt_local_apic_address(madt, &out->local_apic_address);
    if (st != ACPI_OK)
        out->local_apic_address = madt->local_interrupt_controller_address;
    bool bsp_seen = false;
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, madt);
    while (acpi_madt_next(&it, &e) == ACPI_OK) {
        switch (e.type) {
        case ACPI_MADT_LOCAL_APIC: {
            const struct acpi_madt_local_apic *l = &e.u.local_apic;
            struct acpi_platform_processor p = {
                .apic_id = l->apic_id,
                .acpi_processor_uid = l->acpi_processor_uid,
                .enabled = (l->flags & ACPI_MADT_ENABLED) != 0,
                .online_capable = (l->flags & ACPI_MADT_ONLINE_CAPABLE) != 0,
            };
            add_processor(out, p, &bsp_seen);
            break;
        }
        case ACPI_MADT_LOCAL_X2APIC: {
            const struct acpi_madt_local_x2apic *l = &e.u.local_x2apic;
            struct acpi_platform_processor p = {
                .apic_id = l->x2apic_id,
                .acpi_processor_uid = l->acpi_processor_uid,
                .is_x2apic = true,
                .enabled = (l->flags & ACPI_MADT_ENABLED) != 0,
                .online_capable = (l->flags & ACPI_MADT_ONLINE_CAPABLE) != 0,
            };
            add_processor(out, p, &bsp_seen);
            break;
        }
        case ACPI_MADT_GICC: {
            const struct acpi_madt_gicc *g = &e.u.gicc;
            struct acpi_platform_gicc c = {
                .mpidr = g->mpidr,
                .acpi_processor_uid = g->acpi_processor_uid,
                .cpu_interface_number = g->cpu_interface_number,
                .gicc_base_address = g->physical_base_address,
                .gicr_base_address = g->gicr_base_address,
                .gicv_base_address = g->gicv,
                .gich_base_address = g->gich,
                .performance_interrupt = g->performance_interrupt_gsiv,
                .performance_interrupt_trigger = (g->flags & GICC_PERFORMANCE_INTERRUPT_EDGE)
                                                     ? ACPI_TRIGGER_EDGE
                                                     : ACPI_TRIGGER_LEVEL,
                .vgic_maintenance_interrupt = g->vgic_maintenance_interrupt,
                .enabled = (g->flags & ACPI_MADT_ENABLED) != 0,
                .online_capable = (g->flags & GICC_ONLINE_CAPABLE) != 0,
            };
            /* 5.2.12.14: neither enabled nor online capable: not usable. */
            if (c.enabled || c.online_capable)
                PUSH(out->gicc, c);
            break;
        }
        case ACPI_MADT_GICD:
            /* 5.2.12.15: one distributor per system; keep the first. */
            if (!out->has_gicd) {
                out->has_gicd = true;
                out->gicd_address = e.u.gicd.physical_base_address;
                out->gic_version = e.u.gicd.gic_version;
            }
            break;
        case ACPI_MADT_GICR: {
            struct acpi_platform_gicr_range r = {e.u.gicr.discovery_range_base_address,
                                                 e.u.gicr.discovery_range_length};
            PUSH(out->gicr_ranges, r);
            break;
        }
        case ACPI_MADT_IO_APIC: {
            struct acpi_platform_io_apic a = {e.u.io_apic.io_apic_id, e.u.io_apic.io_apic_address,
                                              e.u.io_apic.global_system_interrupt_base, 0};
            PUSH(out->io_apics, a);
            break;
        }
        case ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE: {
            const struct acpi_madt_interrupt_source_override *o = &e.u.interrupt_source_override;
            /* 5.2.12.5: bus 0 is ISA; only ISA IRQs 0-15 can be overridden. */
            if (o->bus == 0 && o->source < 16)
                out->isa_irqs[o->source] = (struct acpi_platform_isa_irq){
                    o->global_system_interrupt, resolve_polarity(o->flags),
                    resolve_trigger(o->flags), true};
            break;
        }
        case ACPI_MADT_NMI_SOURCE: {
            struct acpi_platform_nmi_source n = {e.u.nmi_source.global_system_interrupt,
                                                 resolve_polarity(e.u.nmi_source.flags),
                                                 resolve_trigger(e.u.nmi_source.flags)};
            PUSH(out->nmi_sources, n);
            break;
        }
        case ACPI_MADT_LOCAL_APIC_NMI: {
            const struct acpi_madt_local_apic_nmi *n = &e.u.local_apic_nmi;
            struct acpi_platform_local_apic_nmi l = {n->acpi_processor_uid,
                                                     n->acpi_processor_uid == 0xFF,
                                                     n->local_apic_lint,
                                                     resolve_polarity(n->flags),
                                                     resolve_trigger(n->flags)};
            PUSH(out->local_apic_nmis, l);
            break;
        }
        case ACPI_MADT_LOCAL_X2APIC_NMI: {
            const struct acpi_madt_local_x2apic_nmi *n = &e.u.local_x2apic_nmi;
            struct acpi_platform_local_apic_nmi l = {n->acpi_processor_uid,
                                                     n->acpi_processor_uid == 0xFFFFFFFFu,
                                                     n->local_x2apic_lint,
                                                     resolve_polarity(n->flags),
                                                     resolve_trigger(n->flags)};
            PUSH(out->local_apic_nmis, l);
            break;
        }
        default:
            break;
        }
    }
    /* Each I/O APIC's range ends where the next higher base starts. */
    size_t n = STORED(out->io_apics);
    for (size_t i = 0; i < n; i++) {
        uint32_t base = out->io_apics.items[i].gsi_base, next = 0;
        for (size_t k = 0; k < n; k++) {
            uint32_t b = out->io_apics.items[k].gsi_base;
            if (b > base && (next == 0 || b < next))
                next = b;
        }
        out->io_apics.items[i].gsi_next_base = next;
    }
    return it.status == ACPI_END ? ACPI_OK : it.status;
}

/* Every stored item of ARR whose FIELD equals KEY lies in proximity DOMAIN. */
#define SET_DOMAIN(arr, field, key, domain)                                                    \
    do {                                                                                       \
        size_t n_ = STORED(arr);                                                               \
        for (size_t i_ = 0; i_ < n_; i_++) {                                                   \
            if ((arr).items[i_].field == (key)) {                                              \
                (arr).items[i_].has_proximity_domain = true;                                   \
                (arr).items[i_].proximity_domain = (domain);                                   \
            }                                                                                  \
        }                                                                                      \
    } while (0)

static enum acpi_status walk_srat(const struct acpi_srat *srat, struct acpi_platform *out)
{
    struct acpi_srat_iter it;
    struct acpi_srat_entry e;
    acpi_srat_iter_init(&it, srat);
    while (acpi_srat_next(&it, &e) == ACPI_OK) {
        /* Structures without the Enabled flag are to be ignored (5.2.16). */
        if ((e.flags & ACPI_SRAT_ENABLED) == 0)
            continue;
        if (e.type == ACPI_SRAT_PROCESSOR_LOCAL_APIC_AFFINITY ||
            e.type == ACPI_SRAT_PROCESSOR_LOCAL_X2APIC_AFFINITY) {
            SET_DOMAIN(out->processors, apic_id, e.apic_id, e.proximity_domain);
        } else if (e.type == ACPI_SRAT_GICC_AFFINITY) {
            /* 5.2.16.4: the GICC with that ACPI Processor UID. */
            SET_DOMAIN(out->gicc, acpi_processor_uid, e.acpi_processor_uid, e.proximity_domain);
        } else if (e.type == ACPI_SRAT_MEMORY_AFFINITY) {
            struct acpi_platform_memory_range m = {
                e.base_address, e.range_length, e.proximity_domain,
                (e.flags & ACPI_SRAT_MEMORY_HOT_PLUGGABLE) != 0,
                (e.flags & ACPI_SRAT_MEMORY_NON_VOLATILE) != 0};
            PUSH(out->memory_ranges, m);
        }
    }
    return it.status == ACPI_END ? ACPI_OK : it.status;
}

static void read_fadt(const struct acpi_fadt *fadt, struct acpi_platform *out)
{
    out->has_pm_timer = acpi_pm_timer_init(&out->pm_timer, fadt) == ACPI_OK;
    /* 4.8.3.6: the reset register counts only with RESET_REG_SUP set. */
    if (acpi_fadt_has(fadt, ACPI_FADT_RESET_VALUE, 1) && (fadt->flags & ACPI_FADT_RESET_REG_SUP) &&
        fadt->reset_reg.address != 0) {
        out->has_reset_register = true;
        out->reset_register = fadt->reset_reg;
        out->reset_value = fadt->reset_value;
    }
}

enum acpi_status acpi_platform_build(const struct acpi_platform_tables *tables,
                                     struct acpi_platform *out)
{
    if (tables == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    out->has_madt = out->has_gicd = out->pcat_compat = out->has_pm_timer = false;
    out->has_reset_register = out->has_hpet = out->has_slit = false;
    out->local_apic_address = out->hpet_address = out->gicd_address = 0;
    out->reset_value = out->gic_version = 0;
    out->io_apics.count = out->nmi_sources.count = out->local_apic_nmis.count = 0;
    out->processors.count = out->ecam.count = out->memory_ranges.count = 0;
    out->gicc.count = out->gicr_ranges.count = 0;
    for (uint32_t i = 0; i < 16; i++)
        out->isa_irqs[i] = (struct acpi_platform_isa_irq){i, ACPI_POLARITY_ACTIVE_HIGH,
                                                          ACPI_TRIGGER_EDGE, false};
    enum acpi_status bad = ACPI_OK, st;
    if (tables->madt != NULL && (st = walk_madt(tables->madt, out)) != ACPI_OK)
        bad = st;
    /* After the MADT: the SRAT annotates its processors. */
    if (tables->srat != NULL && (st = walk_srat(tables->srat, out)) != ACPI_OK && bad == ACPI_OK)
        bad = st;
    if (tables->fadt != NULL)
        read_fadt(tables->fadt, out);
    if (tables->hpet != NULL) {
        out->has_hpet = true;
        out->hpet_address = tables->hpet->base_address.address;
    }
    if (tables->mcfg != NULL) {
        struct acpi_mcfg_allocation a;
        for (uint32_t i = 0; acpi_mcfg_allocation(tables->mcfg, i, &a) == ACPI_OK; i++) {
            struct acpi_platform_ecam e = {a.base_address, a.pci_segment_group, a.start_bus,
                                           a.end_bus};
            PUSH(out->ecam, e);
        }
    }
    if (tables->slit != NULL) {
        out->has_slit = true;
        out->slit = *tables->slit;
    }
    if (bad != ACPI_OK)
        return bad;
    if (out->io_apics.count > out->io_apics.capacity ||
        out->nmi_sources.count > out->nmi_sources.capacity ||
        out->local_apic_nmis.count > out->local_apic_nmis.capacity ||
        out->processors.count > out->processors.capacity ||
        out->gicc.count > out->gicc.capacity ||
        out->gicr_ranges.count > out->gicr_ranges.capacity ||
        out->ecam.count > out->ecam.capacity ||
        out->memory_ranges.count > out->memory_ranges.capacity)
        return ACPI_BUFFER_TOO_SMALL;
    return ACPI_OK;
}

enum acpi_status acpi_platform_numa_distance(const struct acpi_platform *p, uint32_t from,
                                             uint32_t to, uint8_t *distance)
{
    if (p == NULL || distance == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (!p->has_slit)
        return ACPI_NOT_FOUND;
    /* SLIT localities are numbered by proximity domain (5.2.17). */
    return acpi_slit_distance(&p->slit, from, to, distance);
}
