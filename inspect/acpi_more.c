/* osdev-inspect acpi: the tables beyond MADT/FADT/HPET/MCFG (SRAT, SLIT, SPCR,
 * BGRT, FACS, DMAR, IVRS, ECDT, WAET, a header for every other table) and the
 * platform information derived from all of them. Schema: inspect/README.md,
 * "acpi: more tables and platform". */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "acpi/bgrt.h"
#include "acpi/dmar.h"
#include "acpi/ecdt.h"
#include "acpi/facs.h"
#include "acpi/ivrs.h"
#include "acpi/platform.h"
#include "acpi/slit.h"
#include "acpi/spcr.h"
#include "acpi/srat.h"
#include "acpi/waet.h"
#include "inspect.h"

static bool is(const struct inspect_table *t, const char *sig)
{
    return memcmp(t->signature, sig, 4) == 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- JSON -------------------------------------------------------------- */

static void json_gas(struct json *j, const char *key, const struct acpi_gas *g)
{
    json_key(j, key);
    json_begin_object(j);
    json_kv_uint(j, "space_id", g->space_id);
    json_kv_uint(j, "bit_width", g->bit_width);
    json_kv_uint(j, "bit_offset", g->bit_offset);
    json_kv_uint(j, "access_size", g->access_size);
    json_kv_uint(j, "address", g->address);
    json_end_object(j);
}

static void json_head(struct json *j, const struct inspect_table *t, const struct acpi_sdt *h)
{
    json_kv_string(j, "file", base_name(t->path));
    json_key(j, "header");
    json_begin_object(j);
    json_kv_string_n(j, "signature", h->signature, 4);
    json_kv_uint(j, "length", h->length);
    json_kv_uint(j, "revision", h->revision);
    json_kv_uint(j, "checksum", h->checksum);
    json_kv_bool(j, "checksum_ok", h->checksum_ok);
    json_kv_string_n(j, "oem_id", h->oem_id, 6);
    json_kv_string_n(j, "oem_table_id", h->oem_table_id, 8);
    json_kv_uint(j, "oem_revision", h->oem_revision);
    json_end_object(j);
}

static void json_status(struct json *j, enum acpi_status st)
{
    json_kv_string(j, "status", acpi_status_str(st == ACPI_END ? ACPI_OK : st));
}

static void json_srat(struct json *j, const struct inspect_table *t)
{
    struct acpi_srat s;
    enum acpi_status st = acpi_srat_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &s.sdt);
        json_key(j, "entries");
        json_begin_array(j);
        struct acpi_srat_iter it;
        struct acpi_srat_entry e;
        acpi_srat_iter_init(&it, &s);
        while (acpi_srat_next(&it, &e) == ACPI_OK) {
            json_begin_object(j);
            json_kv_uint(j, "type", e.type);
            json_kv_uint(j, "offset", e.offset);
            json_kv_uint(j, "length", e.length);
            switch (e.type) {
            case ACPI_SRAT_PROCESSOR_LOCAL_APIC_AFFINITY:
            case ACPI_SRAT_PROCESSOR_LOCAL_X2APIC_AFFINITY:
                json_kv_uint(j, "proximity_domain", e.proximity_domain);
                json_kv_uint(j, e.type == 0 ? "apic_id" : "x2apic_id", e.apic_id);
                json_kv_uint(j, "flags", e.flags);
                json_kv_uint(j, "clock_domain", e.clock_domain);
                break;
            case ACPI_SRAT_MEMORY_AFFINITY:
                json_kv_uint(j, "proximity_domain", e.proximity_domain);
                json_kv_uint(j, "base_address", e.base_address);
                json_kv_uint(j, "length_bytes", e.range_length);
                json_kv_uint(j, "flags", e.flags);
                break;
            case ACPI_SRAT_GICC_AFFINITY:
                json_kv_uint(j, "proximity_domain", e.proximity_domain);
                json_kv_uint(j, "acpi_processor_uid", e.acpi_processor_uid);
                json_kv_uint(j, "flags", e.flags);
                json_kv_uint(j, "clock_domain", e.clock_domain);
                break;
            case ACPI_SRAT_GIC_ITS_AFFINITY:
                json_kv_uint(j, "proximity_domain", e.proximity_domain);
                json_kv_uint(j, "its_id", e.its_id);
                break;
            case ACPI_SRAT_GENERIC_INITIATOR_AFFINITY:
            case ACPI_SRAT_GENERIC_PORT_AFFINITY:
                json_kv_uint(j, "proximity_domain", e.proximity_domain);
                json_kv_uint(j, "device_handle_type", e.device_handle_type);
                json_kv_uint(j, "flags", e.flags);
                break;
            default:
                break;
            }
            json_end_object(j);
        }
        json_end_array(j);
        st = it.status;
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_slit(struct json *j, const struct inspect_table *t)
{
    struct acpi_slit s;
    enum acpi_status st = acpi_slit_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &s.sdt);
        json_kv_uint(j, "number_of_system_localities", s.number_of_system_localities);
        json_key(j, "entries");
        json_begin_array(j);
        for (uint64_t a = 0; a < s.number_of_system_localities; a++) {
            json_begin_array(j);
            for (uint64_t b = 0; b < s.number_of_system_localities; b++) {
                uint8_t d = 0;
                if (acpi_slit_distance(&s, a, b, &d) == ACPI_OK)
                    json_uint(j, d);
            }
            json_end_array(j);
        }
        json_end_array(j);
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_spcr(struct json *j, const struct inspect_table *t)
{
    struct acpi_spcr s;
    enum acpi_status st = acpi_spcr_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &s.sdt);
        json_kv_uint(j, "interface_type", s.interface_type);
        json_gas(j, "base_address", &s.base_address);
        json_kv_uint(j, "interrupt_type", s.interrupt_type);
        json_kv_uint(j, "irq", s.irq);
        json_kv_uint(j, "global_system_interrupt", s.global_system_interrupt);
        json_kv_uint(j, "configured_baud_rate", s.configured_baud_rate);
        json_kv_uint(j, "baud_rate", s.baud_rate);
        json_kv_uint(j, "parity", s.parity);
        json_kv_uint(j, "stop_bits", s.stop_bits);
        json_kv_uint(j, "flow_control", s.flow_control);
        json_kv_uint(j, "terminal_type", s.terminal_type);
        json_kv_uint(j, "pci_device_id", s.pci_device_id);
        json_kv_uint(j, "pci_vendor_id", s.pci_vendor_id);
        json_kv_uint(j, "pci_bus_number", s.pci_bus_number);
        json_kv_uint(j, "pci_device_number", s.pci_device_number);
        json_kv_uint(j, "pci_function_number", s.pci_function_number);
        json_kv_uint(j, "pci_flags", s.pci_flags);
        json_kv_uint(j, "pci_segment", s.pci_segment);
        json_kv_uint(j, "uart_clock_frequency", s.uart_clock_frequency);
        json_kv_uint(j, "precise_baud_rate", s.precise_baud_rate);
        if (s.namespace_string != NULL)
            json_kv_string(j, "namespace_string", s.namespace_string);
        else
            json_kv_null(j, "namespace_string");
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_bgrt(struct json *j, const struct inspect_table *t)
{
    struct acpi_bgrt b;
    enum acpi_status st = acpi_bgrt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &b);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &b.sdt);
        json_kv_uint(j, "version", b.version);
        json_kv_uint(j, "status_flags", b.status);
        json_kv_bool(j, "displayed", b.displayed);
        json_kv_uint(j, "orientation_degrees", b.orientation_degrees);
        json_kv_uint(j, "image_type", b.image_type);
        json_kv_uint(j, "image_address", b.image_address);
        json_kv_uint(j, "image_offset_x", b.image_offset_x);
        json_kv_uint(j, "image_offset_y", b.image_offset_y);
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_facs(struct json *j, const struct inspect_table *t)
{
    struct acpi_facs f;
    enum acpi_status st = acpi_facs_parse(t->bytes, t->len, &f);
    json_begin_object(j);
    json_kv_string(j, "file", base_name(t->path));
    if (st == ACPI_OK) {
        json_kv_uint(j, "length", f.length);
        json_kv_uint(j, "hardware_signature", f.hardware_signature);
        json_kv_uint(j, "firmware_waking_vector", f.firmware_waking_vector);
        json_kv_uint(j, "global_lock", f.global_lock);
        json_kv_uint(j, "flags", f.flags);
        json_kv_bool(j, "s4bios", f.s4bios);
        json_kv_bool(j, "wake_64bit_supported", f.wake_64bit_supported);
        json_kv_uint(j, "x_firmware_waking_vector", f.x_firmware_waking_vector);
        json_kv_uint(j, "version", f.version);
        json_kv_uint(j, "ospm_flags", f.ospm_flags);
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_dmar(struct json *j, const struct inspect_table *t)
{
    struct acpi_dmar d;
    enum acpi_status st = acpi_dmar_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &d);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &d.sdt);
        json_kv_uint(j, "host_address_width", d.host_address_width);
        json_kv_uint(j, "flags", d.flags);
        json_key(j, "structures");
        json_begin_array(j);
        struct acpi_dmar_iter it, sit;
        struct acpi_dmar_entry e;
        struct acpi_dmar_scope s;
        acpi_dmar_iter_init(&it, &d);
        while (acpi_dmar_next(&it, &e) == ACPI_OK) {
            json_begin_object(j);
            json_kv_uint(j, "type", e.type);
            json_kv_uint(j, "offset", e.offset);
            json_kv_uint(j, "length", e.length);
            switch (e.type) {
            case ACPI_DMAR_DRHD:
                json_kv_uint(j, "flags", e.flags);
                json_kv_uint(j, "size", e.size);
                json_kv_uint(j, "segment_number", e.segment_number);
                json_kv_uint(j, "register_base_address", e.register_base_address);
                break;
            case ACPI_DMAR_RMRR:
                json_kv_uint(j, "segment_number", e.segment_number);
                json_kv_uint(j, "base_address", e.base_address);
                json_kv_uint(j, "end_address", e.limit_address);
                break;
            case ACPI_DMAR_ATSR:
            case ACPI_DMAR_SATC:
                json_kv_uint(j, "flags", e.flags);
                json_kv_uint(j, "segment_number", e.segment_number);
                break;
            case ACPI_DMAR_RHSA:
                json_kv_uint(j, "register_base_address", e.register_base_address);
                json_kv_uint(j, "proximity_domain", e.proximity_domain);
                break;
            case ACPI_DMAR_ANDD:
                json_kv_uint(j, "acpi_device_number", e.acpi_device_number);
                json_kv_string_n(j, "object_name", e.object_name, e.object_name_length);
                break;
            default:
                break;
            }
            if (e.scopes != NULL) {
                json_key(j, "device_scopes");
                json_begin_array(j);
                acpi_dmar_scope_iter_init(&sit, &e);
                while (acpi_dmar_scope_next(&sit, &s) == ACPI_OK) {
                    json_begin_object(j);
                    json_kv_uint(j, "type", s.type);
                    json_kv_uint(j, "enumeration_id", s.enumeration_id);
                    json_kv_uint(j, "start_bus_number", s.start_bus_number);
                    json_key(j, "path");
                    json_begin_array(j);
                    for (size_t k = 0; k < s.path_count; k++) {
                        json_begin_object(j);
                        json_kv_uint(j, "device", s.path[2 * k]);
                        json_kv_uint(j, "function", s.path[2 * k + 1]);
                        json_end_object(j);
                    }
                    json_end_array(j);
                    json_end_object(j);
                }
                json_end_array(j);
                if (sit.status != ACPI_END)
                    json_status(j, sit.status);
            }
            json_end_object(j);
        }
        json_end_array(j);
        st = it.status;
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_ivrs(struct json *j, const struct inspect_table *t)
{
    struct acpi_ivrs v;
    enum acpi_status st = acpi_ivrs_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &v);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &v.sdt);
        json_kv_uint(j, "iv_info", v.iv_info);
        json_kv_uint(j, "va_size", v.va_size);
        json_kv_uint(j, "pa_size", v.pa_size);
        json_kv_uint(j, "gva_size", v.gva_size);
        json_key(j, "blocks");
        json_begin_array(j);
        struct acpi_ivrs_iter it, dit;
        struct acpi_ivrs_block b;
        struct acpi_ivrs_device d;
        acpi_ivrs_iter_init(&it, &v);
        while (acpi_ivrs_next(&it, &b) == ACPI_OK) {
            json_begin_object(j);
            json_kv_uint(j, "type", b.type);
            json_kv_uint(j, "flags", b.flags);
            json_kv_uint(j, "length", b.length);
            json_kv_uint(j, "device_id", b.device_id);
            if (b.entries != NULL) {
                json_kv_uint(j, "capability_offset", b.capability_offset);
                json_kv_uint(j, "iommu_base_address", b.iommu_base_address);
                json_kv_uint(j, "pci_segment_group", b.pci_segment_group);
                json_kv_uint(j, "iommu_info", b.iommu_info);
                json_kv_uint(j, "iommu_attributes", b.iommu_attributes);
                json_kv_uint(j, "efr_register_image", b.efr_register_image);
                json_key(j, "device_entries");
                json_begin_array(j);
                acpi_ivrs_device_iter_init(&dit, &b);
                while (acpi_ivrs_device_next(&dit, &d) == ACPI_OK) {
                    json_begin_object(j);
                    json_kv_uint(j, "type", d.type);
                    json_kv_uint(j, "device_id", d.device_id);
                    json_kv_uint(j, "data_setting", d.data_setting);
                    if (d.type == ACPI_IVRS_DEV_SPECIAL) {
                        json_kv_uint(j, "handle", d.handle);
                        json_kv_uint(j, "source_device_id", d.source_device_id);
                        json_kv_uint(j, "variety", d.variety);
                    } else if (d.type == ACPI_IVRS_DEV_ALIAS_SELECT ||
                               d.type == ACPI_IVRS_DEV_ALIAS_RANGE_START) {
                        json_kv_uint(j, "source_device_id", d.source_device_id);
                    } else if (d.type == ACPI_IVRS_DEV_ACPI_HID) {
                        json_kv_string_n(j, "hardware_id", d.hardware_id, 8);
                        json_kv_string_n(j, "compatible_id", d.compatible_id, 8);
                        json_kv_uint(j, "uid_format", d.uid_format);
                    }
                    json_end_object(j);
                }
                json_end_array(j);
                if (dit.status != ACPI_END)
                    json_status(j, dit.status);
            } else {
                json_kv_uint(j, "auxiliary_data", b.auxiliary_data);
                json_kv_uint(j, "ivmd_start_address", b.ivmd_start_address);
                json_kv_uint(j, "ivmd_memory_block_length", b.ivmd_memory_block_length);
            }
            json_end_object(j);
        }
        json_end_array(j);
        st = it.status;
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_ecdt(struct json *j, const struct inspect_table *t)
{
    struct acpi_ecdt e;
    enum acpi_status st = acpi_ecdt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &e);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &e.sdt);
        json_gas(j, "ec_control", &e.ec_control);
        json_gas(j, "ec_data", &e.ec_data);
        json_kv_uint(j, "uid", e.uid);
        json_kv_uint(j, "gpe_bit", e.gpe_bit);
        json_kv_string_n(j, "ec_id", e.ec_id, e.ec_id_length);
    }
    json_status(j, st);
    json_end_object(j);
}

static void json_waet(struct json *j, const struct inspect_table *t)
{
    struct acpi_waet w;
    enum acpi_status st = acpi_waet_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &w);
    json_begin_object(j);
    if (st == ACPI_OK) {
        json_head(j, t, &w.sdt);
        json_kv_uint(j, "emulated_device_flags", w.emulated_device_flags);
        json_kv_bool(j, "rtc_good", w.rtc_good);
        json_kv_bool(j, "pm_timer_good", w.pm_timer_good);
    }
    json_status(j, st);
    json_end_object(j);
}

/* ---- platform ------------------------------------------------------------ */

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
        if (is(x, "APIC") && t.madt == NULL && acpi_madt_parse(x->bytes, x->len, &s->madt) == ACPI_OK)
            t.madt = &s->madt;
        else if (is(x, "FACP") && t.fadt == NULL &&
                 acpi_fadt_parse(x->bytes, x->len, &s->fadt) == ACPI_OK)
            t.fadt = &s->fadt;
        else if (is(x, "MCFG") && t.mcfg == NULL &&
                 acpi_mcfg_parse(x->bytes, x->len, &s->mcfg) == ACPI_OK)
            t.mcfg = &s->mcfg;
        else if (is(x, "HPET") && t.hpet == NULL &&
                 acpi_hpet_parse(x->bytes, x->len, &s->hpet) == ACPI_OK)
            t.hpet = &s->hpet;
        else if (is(x, "SRAT") && t.srat == NULL &&
                 acpi_srat_parse(x->bytes, x->len, ACPI_CHECKSUM_ACCEPT, &s->srat) == ACPI_OK)
            t.srat = &s->srat;
        else if (is(x, "SLIT") && t.slit == NULL &&
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

static void json_platform(struct json *j, const struct inspect_table *tables, size_t count)
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
        json_gas(j, "register", &p.pm_timer.reg);
        json_kv_uint(j, "bits", p.pm_timer.extended ? 32 : 24);
        json_end_object(j);
    } else {
        json_kv_null(j, "pm_timer");
    }
    if (p.has_reset_register) {
        json_key(j, "reset");
        json_begin_object(j);
        json_gas(j, "register", &p.reset_register);
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

static bool known_elsewhere(const struct inspect_table *t)
{
    static const char *const sigs[] = {"RSD ", "APIC", "FACP", "HPET", "MCFG", "SRAT", "SLIT",
                                       "SPCR", "BGRT", "FACS", "DMAR", "IVRS", "ECDT", "WAET"};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (is(t, sigs[i]))
            return true;
    return false;
}

void inspect_acpi_more_json(struct json *j, const struct inspect_table *tables, size_t count)
{
    static const struct {
        const char *sig, *key;
        void (*fn)(struct json *, const struct inspect_table *);
    } kinds[] = {
        {"SRAT", "srat", json_srat}, {"SLIT", "slit", json_slit}, {"SPCR", "spcr", json_spcr},
        {"BGRT", "bgrt", json_bgrt}, {"FACS", "facs", json_facs}, {"DMAR", "dmar", json_dmar},
        {"IVRS", "ivrs", json_ivrs}, {"ECDT", "ecdt", json_ecdt}, {"WAET", "waet", json_waet},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        json_key(j, kinds[k].key);
        json_begin_array(j);
        for (size_t i = 0; i < count; i++)
            if (is(&tables[i], kinds[k].sig))
                kinds[k].fn(j, &tables[i]);
        json_end_array(j);
    }
    /* The generic header view of every table nothing above decodes. */
    json_key(j, "other");
    json_begin_array(j);
    for (size_t i = 0; i < count; i++) {
        const struct inspect_table *t = &tables[i];
        struct acpi_sdt h;
        if (known_elsewhere(t))
            continue;
        enum acpi_status st = acpi_sdt_validate(t->bytes, t->len, NULL, ACPI_CHECKSUM_ACCEPT, &h);
        json_begin_object(j);
        if (st == ACPI_OK)
            json_head(j, t, &h);
        else
            json_kv_string(j, "file", base_name(t->path));
        json_status(j, st);
        json_end_object(j);
    }
    json_end_array(j);
    json_platform(j, tables, count);
}

/* ---- text ---------------------------------------------------------------- */

static void text_gas(FILE *out, const char *name, const struct acpi_gas *g)
{
    fprintf(out, "    %s: space %u, %u bits at bit %u, access %u, address 0x%llx\n", name,
            g->space_id, g->bit_width, g->bit_offset, g->access_size,
            (unsigned long long)g->address);
}

static void text_table(FILE *out, const struct inspect_table *t)
{
    enum acpi_status st = ACPI_OK;
    if (is(t, "SRAT")) {
        struct acpi_srat s;
        st = acpi_srat_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
        if (st == ACPI_OK) {
            fprintf(out, "SRAT  %s\n", t->path);
            struct acpi_srat_iter it;
            struct acpi_srat_entry e;
            acpi_srat_iter_init(&it, &s);
            while (acpi_srat_next(&it, &e) == ACPI_OK) {
                if (e.type == ACPI_SRAT_MEMORY_AFFINITY)
                    fprintf(out, "    memory 0x%llx+0x%llx domain %u flags 0x%x\n",
                            (unsigned long long)e.base_address,
                            (unsigned long long)e.range_length, e.proximity_domain, e.flags);
                else if (e.type == 0 || e.type == 2)
                    fprintf(out, "    %s %u domain %u flags 0x%x\n", e.type == 0 ? "APIC" : "x2APIC",
                            e.apic_id, e.proximity_domain, e.flags);
                else
                    fprintf(out, "    type %u domain %u\n", e.type, e.proximity_domain);
            }
            st = it.status == ACPI_END ? ACPI_OK : it.status;
        }
    } else if (is(t, "SLIT")) {
        struct acpi_slit s;
        st = acpi_slit_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
        if (st == ACPI_OK) {
            fprintf(out, "SLIT  %s: %llu localities\n", t->path,
                    (unsigned long long)s.number_of_system_localities);
            for (uint64_t a = 0; a < s.number_of_system_localities && a < 64; a++) {
                fputs("   ", out);
                for (uint64_t b = 0; b < s.number_of_system_localities && b < 64; b++) {
                    uint8_t d = 0;
                    if (acpi_slit_distance(&s, a, b, &d) == ACPI_OK)
                        fprintf(out, " %3u", d);
                }
                fputc('\n', out);
            }
        }
    } else if (is(t, "SPCR")) {
        struct acpi_spcr s;
        st = acpi_spcr_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
        if (st == ACPI_OK) {
            fprintf(out, "SPCR  %s: interface %u, %u baud, IRQ %u / GSI %u (type 0x%x)\n",
                    t->path, s.interface_type, s.baud_rate, s.irq, s.global_system_interrupt,
                    s.interrupt_type);
            text_gas(out, "base address", &s.base_address);
        }
    } else if (is(t, "BGRT")) {
        struct acpi_bgrt b;
        st = acpi_bgrt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &b);
        if (st == ACPI_OK)
            fprintf(out, "BGRT  %s: image 0x%llx at (%u, %u), %s\n", t->path,
                    (unsigned long long)b.image_address, b.image_offset_x, b.image_offset_y,
                    b.displayed ? "displayed" : "not displayed");
    } else if (is(t, "FACS")) {
        struct acpi_facs f;
        st = acpi_facs_parse(t->bytes, t->len, &f);
        if (st == ACPI_OK)
            fprintf(out, "FACS  %s: version %u, hardware signature 0x%08x, waking vector "
                         "0x%08x / 0x%llx, global lock 0x%x, flags 0x%x\n",
                    t->path, f.version, f.hardware_signature, f.firmware_waking_vector,
                    (unsigned long long)f.x_firmware_waking_vector, f.global_lock, f.flags);
    } else if (is(t, "DMAR")) {
        struct acpi_dmar d;
        st = acpi_dmar_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &d);
        if (st == ACPI_OK) {
            fprintf(out, "DMAR  %s: host address width %u, flags 0x%x\n", t->path,
                    d.host_address_width + 1u, d.flags);
            struct acpi_dmar_iter it;
            struct acpi_dmar_entry e;
            acpi_dmar_iter_init(&it, &d);
            while (acpi_dmar_next(&it, &e) == ACPI_OK) {
                if (e.type == ACPI_DMAR_DRHD)
                    fprintf(out, "    DRHD 0x%llx segment %u flags 0x%x\n",
                            (unsigned long long)e.register_base_address, e.segment_number, e.flags);
                else if (e.type == ACPI_DMAR_RMRR)
                    fprintf(out, "    RMRR 0x%llx-0x%llx\n", (unsigned long long)e.base_address,
                            (unsigned long long)e.limit_address);
                else
                    fprintf(out, "    type %u, %u bytes\n", e.type, e.length);
            }
            st = it.status == ACPI_END ? ACPI_OK : it.status;
        }
    } else if (is(t, "IVRS")) {
        struct acpi_ivrs v;
        st = acpi_ivrs_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &v);
        if (st == ACPI_OK) {
            fprintf(out, "IVRS  %s: VA %u bits, PA %u bits\n", t->path, v.va_size, v.pa_size);
            struct acpi_ivrs_iter it;
            struct acpi_ivrs_block b;
            acpi_ivrs_iter_init(&it, &v);
            while (acpi_ivrs_next(&it, &b) == ACPI_OK)
                fprintf(out, "    block 0x%02x device 0x%04x base 0x%llx\n", b.type, b.device_id,
                        (unsigned long long)(b.entries != NULL ? b.iommu_base_address
                                                               : b.ivmd_start_address));
            st = it.status == ACPI_END ? ACPI_OK : it.status;
        }
    } else if (is(t, "ECDT")) {
        struct acpi_ecdt e;
        st = acpi_ecdt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &e);
        if (st == ACPI_OK) {
            fprintf(out, "ECDT  %s: %.*s, GPE bit %u\n", t->path, (int)e.ec_id_length, e.ec_id,
                    e.gpe_bit);
            text_gas(out, "command/status", &e.ec_control);
            text_gas(out, "data", &e.ec_data);
        }
    } else if (is(t, "WAET")) {
        struct acpi_waet w;
        st = acpi_waet_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &w);
        if (st == ACPI_OK)
            fprintf(out, "WAET  %s: RTC good %s, PM timer good %s\n", t->path,
                    w.rtc_good ? "yes" : "no", w.pm_timer_good ? "yes" : "no");
    } else {
        return;
    }
    if (st != ACPI_OK)
        fprintf(out, "%.4s  %s: %s\n", t->signature, t->path, acpi_status_str(st));
}

void inspect_acpi_more_text(const struct inspect_table *tables, size_t count, FILE *out)
{
    for (size_t i = 0; i < count; i++)
        text_table(out, &tables[i]);
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
