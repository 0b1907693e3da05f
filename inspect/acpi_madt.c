/* osdev-inspect acpi: the MADT (interrupt controllers and processors) as
 * JSON in the corpus's truth.json names, and as text. */
#include <stdio.h>

#include "acpi/madt.h"
#include "acpi_print.h"

static void json_inti(struct json *j, uint16_t flags)
{
    json_kv_uint(j, "flags", flags);
    json_kv_uint(j, "polarity", acpi_mps_inti_polarity(flags));
    json_kv_uint(j, "trigger_mode", acpi_mps_inti_trigger(flags));
}

static void json_enabled(struct json *j, uint32_t flags)
{
    json_kv_uint(j, "flags", flags);
    json_kv_bool(j, "enabled", (flags & ACPI_MADT_ENABLED) != 0);
    json_kv_bool(j, "online_capable", (flags & ACPI_MADT_ONLINE_CAPABLE) != 0);
}

static void json_madt_loongarch(struct json *j, const struct acpi_madt_entry *e)
{
    switch (e->type) {
    case ACPI_MADT_CORE_PIC:
        json_kv_uint(j, "version", e->u.core_pic.version);
        json_kv_uint(j, "processor_id", e->u.core_pic.acpi_processor_id);
        json_kv_uint(j, "core_id", e->u.core_pic.physical_processor_id);
        json_kv_uint(j, "flags", e->u.core_pic.flags);
        break;
    case ACPI_MADT_LIO_PIC:
        json_kv_uint(j, "version", e->u.lio_pic.version);
        json_kv_uint(j, "address", e->u.lio_pic.base_address);
        json_kv_uint(j, "size", e->u.lio_pic.size);
        json_kv_uint(j, "cascade", e->u.lio_pic.cascade_vector);
        json_kv_uint(j, "cascade_map", e->u.lio_pic.cascade_vector_mapping);
        break;
    case ACPI_MADT_HT_PIC:
        json_kv_uint(j, "version", e->u.ht_pic.version);
        json_kv_uint(j, "address", e->u.ht_pic.base_address);
        json_kv_uint(j, "size", e->u.ht_pic.size);
        json_kv_uint(j, "cascade", e->u.ht_pic.cascade_vector);
        break;
    case ACPI_MADT_EIO_PIC:
        json_kv_uint(j, "version", e->u.eio_pic.version);
        json_kv_uint(j, "cascade", e->u.eio_pic.cascade_vector);
        json_kv_uint(j, "node", e->u.eio_pic.node);
        json_kv_uint(j, "node_map", e->u.eio_pic.node_map);
        break;
    case ACPI_MADT_MSI_PIC:
        json_kv_uint(j, "version", e->u.msi_pic.version);
        json_kv_uint(j, "msg_address", e->u.msi_pic.message_address);
        json_kv_uint(j, "start", e->u.msi_pic.start);
        json_kv_uint(j, "count", e->u.msi_pic.count);
        break;
    case ACPI_MADT_BIO_PIC:
        json_kv_uint(j, "version", e->u.bio_pic.version);
        json_kv_uint(j, "address", e->u.bio_pic.base_address);
        json_kv_uint(j, "size", e->u.bio_pic.size);
        json_kv_uint(j, "id", e->u.bio_pic.hardware_id);
        json_kv_uint(j, "gsi_base", e->u.bio_pic.gsi_base);
        break;
    case ACPI_MADT_LPC_PIC:
        json_kv_uint(j, "version", e->u.lpc_pic.version);
        json_kv_uint(j, "address", e->u.lpc_pic.base_address);
        json_kv_uint(j, "size", e->u.lpc_pic.size);
        json_kv_uint(j, "cascade", e->u.lpc_pic.cascade_vector);
        break;
    default:
        break;
    }
}

static void json_madt_gic(struct json *j, const struct acpi_madt_entry *e)
{
    switch (e->type) {
    case ACPI_MADT_GICC:
        json_kv_uint(j, "cpu_interface_number", e->u.gicc.cpu_interface_number);
        json_kv_uint(j, "uid", e->u.gicc.acpi_processor_uid);
        json_enabled(j, e->u.gicc.flags);
        json_kv_uint(j, "parking_protocol_version", e->u.gicc.parking_protocol_version);
        json_kv_uint(j, "performance_interrupt", e->u.gicc.performance_interrupt_gsiv);
        json_kv_uint(j, "parked_address", e->u.gicc.parked_address);
        json_kv_uint(j, "base_address", e->u.gicc.physical_base_address);
        json_kv_uint(j, "gicv_base_address", e->u.gicc.gicv);
        json_kv_uint(j, "gich_base_address", e->u.gicc.gich);
        json_kv_uint(j, "vgic_interrupt", e->u.gicc.vgic_maintenance_interrupt);
        json_kv_uint(j, "gicr_base_address", e->u.gicc.gicr_base_address);
        json_kv_uint(j, "mpidr", e->u.gicc.mpidr);
        json_kv_uint(j, "efficiency_class", e->u.gicc.processor_power_efficiency_class);
        json_kv_uint(j, "spe_interrupt", e->u.gicc.spe_overflow_interrupt);
        json_kv_uint(j, "trbe_interrupt", e->u.gicc.trbe_interrupt);
        break;
    case ACPI_MADT_GICD:
        json_kv_uint(j, "gic_id", e->u.gicd.gic_id);
        json_kv_uint(j, "base_address", e->u.gicd.physical_base_address);
        json_kv_uint(j, "global_irq_base", e->u.gicd.system_vector_base);
        json_kv_uint(j, "version", e->u.gicd.gic_version);
        break;
    case ACPI_MADT_GIC_MSI_FRAME:
        json_kv_uint(j, "msi_frame_id", e->u.gic_msi_frame.gic_msi_frame_id);
        json_kv_uint(j, "base_address", e->u.gic_msi_frame.physical_base_address);
        json_kv_uint(j, "flags", e->u.gic_msi_frame.flags);
        json_kv_uint(j, "spi_count", e->u.gic_msi_frame.spi_count);
        json_kv_uint(j, "spi_base", e->u.gic_msi_frame.spi_base);
        break;
    case ACPI_MADT_GICR:
        json_kv_uint(j, "base_address", e->u.gicr.discovery_range_base_address);
        /* Not "length": every entry object has the entry's own. */
        json_kv_uint(j, "discovery_range_length", e->u.gicr.discovery_range_length);
        break;
    case ACPI_MADT_GIC_ITS:
        json_kv_uint(j, "translation_id", e->u.gic_its.gic_its_id);
        json_kv_uint(j, "base_address", e->u.gic_its.physical_base_address);
        break;
    default:
        json_madt_loongarch(j, e);
        break;
    }
}

/* Field names of the corpus's truth.json (ACPICA's wording in snake case). */
static void json_madt_entry(struct json *j, const struct acpi_madt_entry *e)
{
    json_begin_object(j);
    json_kv_uint(j, "type", e->type);
    json_kv_uint(j, "offset", e->offset);
    json_kv_uint(j, "length", e->length);
    switch (e->type) {
    case ACPI_MADT_LOCAL_APIC:
        json_kv_uint(j, "acpi_processor_id", e->u.local_apic.acpi_processor_uid);
        json_kv_uint(j, "apic_id", e->u.local_apic.apic_id);
        json_enabled(j, e->u.local_apic.flags);
        break;
    case ACPI_MADT_IO_APIC:
        json_kv_uint(j, "io_apic_id", e->u.io_apic.io_apic_id);
        json_kv_uint(j, "address", e->u.io_apic.io_apic_address);
        json_kv_uint(j, "gsi_base", e->u.io_apic.global_system_interrupt_base);
        break;
    case ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE:
        json_kv_uint(j, "bus", e->u.interrupt_source_override.bus);
        json_kv_uint(j, "source", e->u.interrupt_source_override.source);
        json_kv_uint(j, "gsi", e->u.interrupt_source_override.global_system_interrupt);
        json_inti(j, e->u.interrupt_source_override.flags);
        break;
    case ACPI_MADT_NMI_SOURCE:
        json_inti(j, e->u.nmi_source.flags);
        json_kv_uint(j, "gsi", e->u.nmi_source.global_system_interrupt);
        break;
    case ACPI_MADT_LOCAL_APIC_NMI:
        json_kv_uint(j, "acpi_processor_id", e->u.local_apic_nmi.acpi_processor_uid);
        json_inti(j, e->u.local_apic_nmi.flags);
        json_kv_uint(j, "lint", e->u.local_apic_nmi.local_apic_lint);
        break;
    case ACPI_MADT_LOCAL_APIC_ADDRESS_OVERRIDE:
        json_kv_uint(j, "address", e->u.local_apic_address_override.local_apic_address);
        break;
    case ACPI_MADT_IO_SAPIC:
        json_kv_uint(j, "io_sapic_id", e->u.io_sapic.io_apic_id);
        json_kv_uint(j, "gsi_base", e->u.io_sapic.global_system_interrupt_base);
        json_kv_uint(j, "address", e->u.io_sapic.io_sapic_address);
        break;
    case ACPI_MADT_LOCAL_SAPIC:
        json_kv_uint(j, "acpi_processor_id", e->u.local_sapic.acpi_processor_id);
        json_kv_uint(j, "local_sapic_id", e->u.local_sapic.local_sapic_id);
        json_kv_uint(j, "local_sapic_eid", e->u.local_sapic.local_sapic_eid);
        json_enabled(j, e->u.local_sapic.flags);
        json_kv_uint(j, "uid", e->u.local_sapic.acpi_processor_uid_value);
        if (e->u.local_sapic.acpi_processor_uid_string != NULL)
            json_kv_string(j, "uid_string", e->u.local_sapic.acpi_processor_uid_string);
        break;
    case ACPI_MADT_PLATFORM_INTERRUPT_SOURCES:
        json_inti(j, e->u.platform_interrupt_source.flags);
        json_kv_uint(j, "interrupt_type", e->u.platform_interrupt_source.interrupt_type);
        json_kv_uint(j, "processor_id", e->u.platform_interrupt_source.processor_id);
        json_kv_uint(j, "processor_eid", e->u.platform_interrupt_source.processor_eid);
        json_kv_uint(j, "io_sapic_vector", e->u.platform_interrupt_source.io_sapic_vector);
        json_kv_uint(j, "gsi", e->u.platform_interrupt_source.global_system_interrupt);
        json_kv_uint(j, "platform_flags",
                     e->u.platform_interrupt_source.platform_interrupt_source_flags);
        break;
    case ACPI_MADT_LOCAL_X2APIC:
        json_kv_uint(j, "x2apic_id", e->u.local_x2apic.x2apic_id);
        json_enabled(j, e->u.local_x2apic.flags);
        json_kv_uint(j, "uid", e->u.local_x2apic.acpi_processor_uid);
        break;
    case ACPI_MADT_LOCAL_X2APIC_NMI:
        json_inti(j, e->u.local_x2apic_nmi.flags);
        json_kv_uint(j, "uid", e->u.local_x2apic_nmi.acpi_processor_uid);
        json_kv_uint(j, "lint", e->u.local_x2apic_nmi.local_x2apic_lint);
        break;
    case ACPI_MADT_MULTIPROCESSOR_WAKEUP:
        json_kv_uint(j, "mailbox_version", e->u.multiprocessor_wakeup.mailbox_version);
        json_kv_uint(j, "mailbox_address", e->u.multiprocessor_wakeup.mailbox_address);
        break;
    default:
        json_madt_gic(j, e);
        break;
    }
    json_end_object(j);
}

void inspect_json_madt(struct json *j, const struct inspect_table *t)
{
    struct acpi_madt madt;
    if (acpi_madt_parse(t->bytes, t->len, &madt) != ACPI_OK)
        return;
    const struct acpi_madt *m = &madt;
    json_begin_object(j);
    inspect_json_sdt_header(j, t, &m->header);
    json_kv_uint(j, "local_apic_address", m->local_interrupt_controller_address);
    json_kv_uint(j, "flags", m->flags);
    json_kv_bool(j, "pcat_compat", (m->flags & ACPI_MADT_PCAT_COMPAT) != 0);
    json_key(j, "entries");
    json_begin_array(j);
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, m);
    while (acpi_madt_next(&it, &e) == ACPI_OK)
        json_madt_entry(j, &e);
    json_end_array(j);
    inspect_json_acpi_status(j, it.status);
    json_end_object(j);
}

static const char *madt_type_name(uint8_t type)
{
    static const char *const names[] = {
        "Local APIC", "I/O APIC", "Interrupt Source Override", "NMI Source",
        "Local APIC NMI", "Local APIC Address Override", "I/O SAPIC", "Local SAPIC",
        "Platform Interrupt Sources", "Local x2APIC", "Local x2APIC NMI", "GIC CPU Interface",
        "GIC Distributor", "GIC MSI Frame", "GIC Redistributor", "GIC ITS",
        "Multiprocessor Wakeup", "Core PIC", "LIO PIC", "HT PIC", "EIO PIC", "MSI PIC",
        "BIO PIC", "LPC PIC",
    };
    return type < sizeof names / sizeof names[0] ? names[type] : "unknown/OEM";
}

enum acpi_status inspect_text_madt(FILE *out, const struct inspect_table *t)
{
    struct acpi_madt madt;
    enum acpi_status st = acpi_madt_parse(t->bytes, t->len, &madt);
    if (st != ACPI_OK)
        return st;
    const struct acpi_madt *m = &madt;
    fprintf(out, "    local APIC address 0x%08x, flags 0x%x%s\n",
            m->local_interrupt_controller_address, m->flags,
            (m->flags & ACPI_MADT_PCAT_COMPAT) ? " (PC-AT compatible 8259s)" : "");
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, m);
    while (acpi_madt_next(&it, &e) == ACPI_OK) {
        fprintf(out, "    [%3u] type 0x%02x %-27s", e.offset, e.type, madt_type_name(e.type));
        switch (e.type) {
        case ACPI_MADT_LOCAL_APIC:
            fprintf(out, " uid %u, APIC ID %u, flags 0x%x\n", e.u.local_apic.acpi_processor_uid,
                    e.u.local_apic.apic_id, e.u.local_apic.flags);
            break;
        case ACPI_MADT_IO_APIC:
            fprintf(out, " ID %u at 0x%08x, GSI base %u\n", e.u.io_apic.io_apic_id,
                    e.u.io_apic.io_apic_address, e.u.io_apic.global_system_interrupt_base);
            break;
        case ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE:
            fprintf(out, " bus %u IRQ %u -> GSI %u, polarity %u, trigger %u\n",
                    e.u.interrupt_source_override.bus, e.u.interrupt_source_override.source,
                    e.u.interrupt_source_override.global_system_interrupt,
                    acpi_mps_inti_polarity(e.u.interrupt_source_override.flags),
                    acpi_mps_inti_trigger(e.u.interrupt_source_override.flags));
            break;
        case ACPI_MADT_LOCAL_APIC_NMI:
            fprintf(out, " uid %u, LINT%u, flags 0x%x\n", e.u.local_apic_nmi.acpi_processor_uid,
                    e.u.local_apic_nmi.local_apic_lint, e.u.local_apic_nmi.flags);
            break;
        case ACPI_MADT_LOCAL_X2APIC:
            fprintf(out, " uid %u, x2APIC ID %u, flags 0x%x\n",
                    e.u.local_x2apic.acpi_processor_uid, e.u.local_x2apic.x2apic_id,
                    e.u.local_x2apic.flags);
            break;
        case ACPI_MADT_LOCAL_X2APIC_NMI:
            fprintf(out, " uid 0x%x, LINT%u, flags 0x%x\n",
                    e.u.local_x2apic_nmi.acpi_processor_uid,
                    e.u.local_x2apic_nmi.local_x2apic_lint, e.u.local_x2apic_nmi.flags);
            break;
        default:
            fprintf(out, " length %u\n", e.length);
            break;
        }
    }
    return it.status == ACPI_END ? ACPI_OK : it.status;
}
