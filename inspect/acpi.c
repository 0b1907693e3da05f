/* osdev-inspect acpi [--json] [DIR]: decode the ACPI tables of DIR (default
 * /sys/firmware/acpi/tables) with the acpi library. Tables are recognised by
 * their header, not their file name; files that are not tables are skipped.
 * With --memory DIR, DIR is a physical-memory snapshot (ranges.txt, as in
 * ../shared/fixtures) and the tables are found the way a kernel finds them:
 * the RSDP by the BIOS-area search or through the EFI system table, then
 * discovery from it.
 * Checksums follow the accept-and-report policy of ACPICA's disassembler: a
 * table with a wrong checksum is decoded and the mismatch reported. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/discovery.h"
#include "acpi/fadt.h"
#include "acpi/hpet.h"
#include "acpi/madt.h"
#include "acpi/mcfg.h"
#include "acpi/sdt.h"
#include "files.h"
#include "inspect.h"
#include "rsdp/efi.h"
#include "rsdp/rsdp.h"

#define DEFAULT_DIR "/sys/firmware/acpi/tables"
#define FACS_MIN_LENGTH 64u

/* ACPI signatures are upper-case letters, digits and '_' (OEM tables too). */
static bool signature_char(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Classify a file: an RSDP, a FACS, a table with an SDT header, or nothing. */
static bool identify(const uint8_t *b, size_t len, char sig[5])
{
    if (len >= 8 && memcmp(b, "RSD PTR ", 8) == 0) {
        memcpy(sig, "RSD ", 5);
        return true;
    }
    if (len < 8)
        return false;
    for (size_t i = 0; i < 4; i++)
        if (!signature_char(b[i]))
            return false;
    uint32_t length = (uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 |
                      (uint32_t)b[7] << 24;
    uint32_t min = memcmp(b, "FACS", 4) == 0 ? FACS_MIN_LENGTH : ACPI_SDT_HEADER_LENGTH;
    if (length < min || length > ACPI_TABLE_MAX_LENGTH)
        return false;
    memcpy(sig, b, 4);
    sig[4] = '\0';
    return true;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- JSON ------------------------------------------------------------ */

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

static void json_header(struct json *j, const struct acpi_sdt *h, const char *path)
{
    json_kv_string(j, "file", base_name(path));
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
    json_kv_string_n(j, "asl_compiler_id", (const char *)h->bytes + 28, 4);
    json_kv_uint(j, "asl_compiler_revision", h->creator_revision);
    json_end_object(j);
}

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

/* Returns the status that ended the entry list (ACPI_END when clean). */
static enum acpi_status json_madt(struct json *j, const struct inspect_table *t,
                                  const struct acpi_madt *m)
{
    json_header(j, &m->header, t->path);
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
    return it.status;
}

/* One FADT field, only when the table is long enough to hold it. */
#define FADT_U(key, field, off, size)                                                          \
    do {                                                                                       \
        if (acpi_fadt_has(f, off, size))                                                       \
            json_kv_uint(j, key, f->field);                                                    \
    } while (0)
#define FADT_GAS(key, field, off)                                                              \
    do {                                                                                       \
        if (acpi_fadt_has(f, off, ACPI_GAS_LENGTH))                                            \
            json_gas(j, key, &f->field);                                                       \
    } while (0)

static void json_fadt(struct json *j, const struct inspect_table *t, const struct acpi_fadt *f)
{
    json_header(j, &f->header, t->path);
    FADT_U("firmware_ctrl", firmware_ctrl, ACPI_FADT_FIRMWARE_CTRL, 4);
    FADT_U("dsdt", dsdt, ACPI_FADT_DSDT, 4);
    FADT_U("int_model", int_model, ACPI_FADT_INT_MODEL, 1);
    FADT_U("preferred_pm_profile", preferred_pm_profile, ACPI_FADT_PREFERRED_PM_PROFILE, 1);
    FADT_U("sci_int", sci_int, ACPI_FADT_SCI_INT, 2);
    FADT_U("smi_cmd", smi_cmd, ACPI_FADT_SMI_CMD, 4);
    FADT_U("acpi_enable", acpi_enable, ACPI_FADT_ACPI_ENABLE, 1);
    FADT_U("acpi_disable", acpi_disable, ACPI_FADT_ACPI_DISABLE, 1);
    FADT_U("s4bios_req", s4bios_req, ACPI_FADT_S4BIOS_REQ, 1);
    FADT_U("pstate_cnt", pstate_cnt, ACPI_FADT_PSTATE_CNT, 1);
    FADT_U("pm1a_evt_blk", pm1a_evt_blk, ACPI_FADT_PM1A_EVT_BLK, 4);
    FADT_U("pm1b_evt_blk", pm1b_evt_blk, ACPI_FADT_PM1B_EVT_BLK, 4);
    FADT_U("pm1a_cnt_blk", pm1a_cnt_blk, ACPI_FADT_PM1A_CNT_BLK, 4);
    FADT_U("pm1b_cnt_blk", pm1b_cnt_blk, ACPI_FADT_PM1B_CNT_BLK, 4);
    FADT_U("pm2_cnt_blk", pm2_cnt_blk, ACPI_FADT_PM2_CNT_BLK, 4);
    FADT_U("pm_tmr_blk", pm_tmr_blk, ACPI_FADT_PM_TMR_BLK, 4);
    FADT_U("gpe0_blk", gpe0_blk, ACPI_FADT_GPE0_BLK, 4);
    FADT_U("gpe1_blk", gpe1_blk, ACPI_FADT_GPE1_BLK, 4);
    FADT_U("pm1_evt_len", pm1_evt_len, ACPI_FADT_PM1_EVT_LEN, 1);
    FADT_U("pm1_cnt_len", pm1_cnt_len, ACPI_FADT_PM1_CNT_LEN, 1);
    FADT_U("pm2_cnt_len", pm2_cnt_len, ACPI_FADT_PM2_CNT_LEN, 1);
    FADT_U("pm_tmr_len", pm_tmr_len, ACPI_FADT_PM_TMR_LEN, 1);
    FADT_U("gpe0_blk_len", gpe0_blk_len, ACPI_FADT_GPE0_BLK_LEN, 1);
    FADT_U("gpe1_blk_len", gpe1_blk_len, ACPI_FADT_GPE1_BLK_LEN, 1);
    FADT_U("gpe1_base", gpe1_base, ACPI_FADT_GPE1_BASE, 1);
    FADT_U("cst_cnt", cst_cnt, ACPI_FADT_CST_CNT, 1);
    FADT_U("p_lvl2_lat", p_lvl2_lat, ACPI_FADT_P_LVL2_LAT, 2);
    FADT_U("p_lvl3_lat", p_lvl3_lat, ACPI_FADT_P_LVL3_LAT, 2);
    FADT_U("flush_size", flush_size, ACPI_FADT_FLUSH_SIZE, 2);
    FADT_U("flush_stride", flush_stride, ACPI_FADT_FLUSH_STRIDE, 2);
    FADT_U("duty_offset", duty_offset, ACPI_FADT_DUTY_OFFSET, 1);
    FADT_U("duty_width", duty_width, ACPI_FADT_DUTY_WIDTH, 1);
    FADT_U("day_alrm", day_alrm, ACPI_FADT_DAY_ALRM, 1);
    FADT_U("mon_alrm", mon_alrm, ACPI_FADT_MON_ALRM, 1);
    FADT_U("century", century, ACPI_FADT_CENTURY, 1);
    FADT_U("iapc_boot_arch", iapc_boot_arch, ACPI_FADT_IAPC_BOOT_ARCH, 2);
    FADT_U("flags", flags, ACPI_FADT_FLAGS, 4);
    FADT_GAS("reset_reg", reset_reg, ACPI_FADT_RESET_REG);
    FADT_U("reset_value", reset_value, ACPI_FADT_RESET_VALUE, 1);
    FADT_U("arm_boot_arch", arm_boot_arch, ACPI_FADT_ARM_BOOT_ARCH, 2);
    FADT_U("minor_revision", minor_version, ACPI_FADT_MINOR_VERSION, 1);
    FADT_U("x_firmware_ctrl", x_firmware_ctrl, ACPI_FADT_X_FIRMWARE_CTRL, 8);
    FADT_U("x_dsdt", x_dsdt, ACPI_FADT_X_DSDT, 8);
    FADT_GAS("x_pm1a_evt_blk", x_pm1a_evt_blk, ACPI_FADT_X_PM1A_EVT_BLK);
    FADT_GAS("x_pm1b_evt_blk", x_pm1b_evt_blk, ACPI_FADT_X_PM1B_EVT_BLK);
    FADT_GAS("x_pm1a_cnt_blk", x_pm1a_cnt_blk, ACPI_FADT_X_PM1A_CNT_BLK);
    FADT_GAS("x_pm1b_cnt_blk", x_pm1b_cnt_blk, ACPI_FADT_X_PM1B_CNT_BLK);
    FADT_GAS("x_pm2_cnt_blk", x_pm2_cnt_blk, ACPI_FADT_X_PM2_CNT_BLK);
    FADT_GAS("x_pm_tmr_blk", x_pm_tmr_blk, ACPI_FADT_X_PM_TMR_BLK);
    FADT_GAS("x_gpe0_blk", x_gpe0_blk, ACPI_FADT_X_GPE0_BLK);
    FADT_GAS("x_gpe1_blk", x_gpe1_blk, ACPI_FADT_X_GPE1_BLK);
    FADT_GAS("sleep_control_reg", sleep_control_reg, ACPI_FADT_SLEEP_CONTROL_REG);
    FADT_GAS("sleep_status_reg", sleep_status_reg, ACPI_FADT_SLEEP_STATUS_REG);
    FADT_U("hypervisor_vendor_identity", hypervisor_vendor_identity,
           ACPI_FADT_HYPERVISOR_VENDOR_IDENTITY, 8);
    json_key(j, "effective");
    json_begin_object(j);
    json_kv_uint(j, "dsdt", acpi_fadt_dsdt_address(f));
    json_kv_uint(j, "facs", acpi_fadt_facs_address(f));
    json_end_object(j);
}

static void json_hpet(struct json *j, const struct inspect_table *t, const struct acpi_hpet *h)
{
    json_header(j, &h->header, t->path);
    json_kv_uint(j, "event_timer_block_id", h->event_timer_block_id);
    json_key(j, "block_id");
    json_begin_object(j);
    json_kv_uint(j, "hardware_rev_id", h->block_id.hardware_rev_id);
    json_kv_uint(j, "number_of_comparators", h->block_id.number_of_comparators);
    json_kv_bool(j, "count_size_cap", h->block_id.count_size_cap);
    json_kv_bool(j, "legacy_replacement_capable", h->block_id.legacy_replacement_capable);
    json_kv_uint(j, "pci_vendor_id", h->block_id.pci_vendor_id);
    json_end_object(j);
    json_gas(j, "address", &h->base_address);
    json_kv_uint(j, "hpet_number", h->hpet_number);
    json_kv_uint(j, "min_tick", h->main_counter_minimum_clock_tick);
    json_kv_uint(j, "page_protection", h->page_protection);
}

static void json_mcfg(struct json *j, const struct inspect_table *t, const struct acpi_mcfg *m)
{
    json_header(j, &m->header, t->path);
    json_key(j, "allocations");
    json_begin_array(j);
    struct acpi_mcfg_allocation a;
    for (uint32_t i = 0; acpi_mcfg_allocation(m, i, &a) == ACPI_OK; i++) {
        json_begin_object(j);
        json_kv_uint(j, "base", a.base_address);
        json_kv_uint(j, "segment", a.pci_segment_group);
        json_kv_uint(j, "start_bus", a.start_bus);
        json_kv_uint(j, "end_bus", a.end_bus);
        json_end_object(j);
    }
    json_end_array(j);
}

/* ---- text ------------------------------------------------------------ */

static void text_header(FILE *out, const struct inspect_table *t, const struct acpi_sdt *h)
{
    fprintf(out, "%.4s  %s: length %u, revision %u, OEM \"%.6s\" \"%.8s\" rev 0x%x, checksum 0x%02x %s\n",
            h->signature, t->path, h->length, h->revision, h->oem_id, h->oem_table_id,
            h->oem_revision, h->checksum, h->checksum_ok ? "ok" : "MISMATCH");
}

static void text_gas(FILE *out, const char *name, const struct acpi_gas *g)
{
    fprintf(out, "    %-20s space %u, width %u, offset %u, access %u, address 0x%llx\n", name,
            g->space_id, g->bit_width, g->bit_offset, g->access_size,
            (unsigned long long)g->address);
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

static enum acpi_status text_madt(FILE *out, const struct acpi_madt *m)
{
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
    return it.status;
}

static void text_fadt(FILE *out, const struct acpi_fadt *f)
{
    fprintf(out, "    DSDT 0x%llx, FACS 0x%llx, SCI %u, SMI_CMD 0x%x, profile %u, flags 0x%x, "
                 "IA-PC boot 0x%x\n",
            (unsigned long long)acpi_fadt_dsdt_address(f),
            (unsigned long long)acpi_fadt_facs_address(f), f->sci_int, f->smi_cmd,
            f->preferred_pm_profile, f->flags, f->iapc_boot_arch);
    static const char *const names[] = {"PM1a_EVT", "PM1b_EVT", "PM1a_CNT", "PM1b_CNT",
                                        "PM2_CNT", "PM_TMR", "GPE0", "GPE1"};
    for (int r = ACPI_FADT_REG_PM1A_EVT; r <= ACPI_FADT_REG_GPE1; r++) {
        struct acpi_gas g;
        if (acpi_fadt_register(f, (enum acpi_fadt_register)r, &g) == ACPI_OK)
            text_gas(out, names[r], &g);
    }
    if (acpi_fadt_has(f, ACPI_FADT_RESET_VALUE, 1) && (f->flags & ACPI_FADT_RESET_REG_SUP)) {
        text_gas(out, "RESET_REG", &f->reset_reg);
        fprintf(out, "    %-20s 0x%02x\n", "RESET_VALUE", f->reset_value);
    }
    if (f->flags & ACPI_FADT_HW_REDUCED_ACPI)
        fprintf(out, "    hardware-reduced ACPI (no fixed PM blocks, no FACS required)\n");
    if (acpi_fadt_has(f, ACPI_FADT_SLEEP_STATUS_REG, ACPI_GAS_LENGTH) &&
        !acpi_gas_is_null(&f->sleep_control_reg)) {
        text_gas(out, "SLEEP_CONTROL_REG", &f->sleep_control_reg);
        text_gas(out, "SLEEP_STATUS_REG", &f->sleep_status_reg);
    }
}

/* ---- driver ---------------------------------------------------------- */

struct loaded {
    struct inspect_table *tables;
    size_t count;
    char **paths;
    size_t path_count;
    uint8_t **buffers;
};

static int load(const char *dir, struct loaded *l)
{
    memset(l, 0, sizeof *l);
    if (!inspect_is_dir(dir) || inspect_list_files(dir, true, &l->paths, &l->path_count) != 0)
        return -1;
    l->tables = calloc(l->path_count + 1, sizeof *l->tables);
    l->buffers = calloc(l->path_count + 1, sizeof *l->buffers);
    if (l->tables == NULL || l->buffers == NULL)
        return -1;
    for (size_t i = 0; i < l->path_count; i++) {
        uint8_t *data = NULL;
        size_t len = 0;
        if (inspect_read_file(l->paths[i], &data, &len) != 0)
            continue; /* unreadable (sysfs permissions): not a table we can show */
        struct inspect_table *t = &l->tables[l->count];
        if (!identify(data, len, t->signature)) {
            free(data);
            continue;
        }
        l->buffers[l->count] = data;
        t->bytes = data;
        t->len = len;
        t->path = l->paths[i];
        l->count++;
    }
    return 0;
}

/* ---- a physical-memory snapshot ------------------------------------- */

#define MAX_RANGES 64
#define MAX_MEMORY_TABLES 256
#define EFI_POINTER_ALIGN 0x400000u /* UEFI 2.10, 4.3.1.1: 4 MiB boundaries */

struct snapshot {
    uint64_t base[MAX_RANGES];
    size_t len[MAX_RANGES];
    uint8_t *bytes[MAX_RANGES];
    size_t count;
};

static const void *snap_map(void *ctx, uint64_t phys, size_t len)
{
    const struct snapshot *m = ctx;
    for (size_t i = 0; i < m->count; i++)
        if (phys >= m->base[i] && phys - m->base[i] <= m->len[i] &&
            len <= m->len[i] - (phys - m->base[i]))
            return m->bytes[i] + (phys - m->base[i]);
    return NULL;
}

static void snap_unmap(void *ctx, const void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static int snap_load(const char *dir, struct snapshot *m)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ranges.txt", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char line[1024];
    int rc = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned long long base;
        unsigned long long len;
        char file[512];
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (m->count == MAX_RANGES || sscanf(line, "%llx %llx %511s", &base, &len, file) != 3) {
            rc = -1;
            break;
        }
        char fp[4700];
        snprintf(fp, sizeof fp, "%s/%s", dir, file);
        uint8_t *data;
        size_t got;
        if (inspect_read_file(fp, &data, &got) != 0 || got != len) {
            rc = -1;
            break;
        }
        m->base[m->count] = base;
        m->len[m->count] = got;
        m->bytes[m->count++] = data;
    }
    fclose(f);
    return rc;
}

/* UEFI 2.10, 4.3.1.1: an EFI_SYSTEM_TABLE_POINTER ("IBI SYST", then the
 * table's 64-bit address) sits on a 4 MiB boundary for debuggers. */
static uint64_t snap_efi_system_table(const struct snapshot *m)
{
    for (size_t i = 0; i < m->count; i++) {
        uint64_t first = (m->base[i] + EFI_POINTER_ALIGN - 1) & ~(uint64_t)(EFI_POINTER_ALIGN - 1);
        for (uint64_t a = first; a - m->base[i] + 16 <= m->len[i]; a += EFI_POINTER_ALIGN) {
            const uint8_t *p = m->bytes[i] + (a - m->base[i]);
            if (memcmp(p, "IBI SYST", 8) != 0)
                continue;
            uint64_t table = 0;
            for (int b = 7; b >= 0; b--)
                table = table << 8 | p[8 + b];
            return table;
        }
    }
    return 0;
}

/* Append a copy of [phys, phys+len) as a table named by where it was. */
static void add_copy(struct loaded *l, struct snapshot *m, uint64_t phys, size_t len,
                     const char *sig)
{
    if (l->count >= MAX_MEMORY_TABLES)
        return;
    const uint8_t *p = snap_map(m, phys, len);
    uint8_t *copy = p != NULL ? malloc(len) : NULL;
    char *name = malloc(32);
    if (copy == NULL || name == NULL) {
        free(copy);
        free(name);
        return;
    }
    memcpy(copy, p, len);
    snprintf(name, 32, "memory@0x%llx", (unsigned long long)phys);
    struct inspect_table *t = &l->tables[l->count];
    memcpy(t->signature, sig, 4);
    t->signature[4] = '\0';
    t->bytes = copy;
    t->len = len;
    t->path = name;
    l->buffers[l->count] = copy;
    l->paths[l->count] = name;
    l->count++;
    l->path_count = l->count;
}

static int load_memory(const char *dir, struct loaded *l, int *result)
{
    memset(l, 0, sizeof *l);
    struct snapshot m = {.count = 0};
    int rc = snap_load(dir, &m);
    l->tables = calloc(MAX_MEMORY_TABLES, sizeof *l->tables);
    l->buffers = calloc(MAX_MEMORY_TABLES, sizeof *l->buffers);
    l->paths = calloc(MAX_MEMORY_TABLES, sizeof *l->paths);
    if (rc != 0 || l->tables == NULL || l->buffers == NULL || l->paths == NULL)
        rc = -1;
    struct rsdp_host rh = {&m, snap_map, snap_unmap};
    struct rsdp_info info;
    enum rsdp_status rs = RSDP_NOT_FOUND;
    if (rc == 0) {
        rs = rsdp_find_bios(&rh, &info);
        uint64_t st = rs == RSDP_NOT_FOUND ? snap_efi_system_table(&m) : 0;
        if (st != 0)
            rs = rsdp_find_efi(&rh, st, RSDP_EFI64, &info);
        if (rs != RSDP_OK) {
            fprintf(stderr, "osdev-inspect acpi: no RSDP in %s: %s\n", dir, rsdp_status_str(rs));
            *result = 1;
        }
    }
    if (rc == 0 && rs == RSDP_OK) {
        add_copy(l, &m, info.address, info.length, "RSD ");
        struct acpi_host host = {&m, snap_map, snap_unmap};
        struct acpi_root root;
        enum acpi_status st = acpi_root_init(&root, &host, &info, ACPI_CHECKSUM_ACCEPT);
        if (st == ACPI_OK) {
            add_copy(l, &m, root.address, root.header.length, root.xsdt ? "XSDT" : "RSDT");
            struct acpi_table_iter it;
            struct acpi_table_ref ref;
            acpi_table_iter_init(&it, &root);
            while ((st = acpi_table_next(&it, &ref)) != ACPI_END) {
                if (st == ACPI_OK) {
                    add_copy(l, &m, ref.address, ref.header.length, ref.header.signature);
                } else {
                    fprintf(stderr, "osdev-inspect acpi: table at 0x%llx: %s\n",
                            (unsigned long long)ref.address, acpi_status_str(st));
                    *result = 1;
                }
            }
            if (acpi_find_dsdt(&root, &ref) == ACPI_OK)
                add_copy(l, &m, ref.address, ref.header.length, "DSDT");
            if (acpi_find_facs(&root, &ref) == ACPI_OK)
                add_copy(l, &m, ref.address, ref.header.length, "FACS");
        } else {
            fprintf(stderr, "osdev-inspect acpi: root table: %s\n", acpi_status_str(st));
            *result = 1;
        }
    }
    for (size_t i = 0; i < m.count; i++)
        free(m.bytes[i]);
    return rc;
}

static void unload(struct loaded *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->buffers[i]);
    free(l->buffers);
    free(l->tables);
    if (l->paths != NULL)
        inspect_free_list(l->paths, l->path_count);
}

static bool is(const struct inspect_table *t, const char *sig)
{
    return memcmp(t->signature, sig, 4) == 0;
}

static void report_error(struct json *j, FILE *out, const struct inspect_table *t,
                         enum acpi_status st, int *result)
{
    *result = 1;
    if (j != NULL) {
        json_begin_object(j);
        json_kv_string(j, "file", base_name(t->path));
        json_kv_string(j, "signature", t->signature);
        json_kv_string(j, "status", acpi_status_str(st));
        json_end_object(j);
    } else {
        fprintf(out, "%.4s  %s: %s\n", t->signature, t->path, acpi_status_str(st));
    }
}

/* The table list: every file recognised, with its header status. */
static void json_table_list(struct json *j, const struct loaded *l, int *result)
{
    json_key(j, "tables");
    json_begin_array(j);
    for (size_t i = 0; i < l->count; i++) {
        const struct inspect_table *t = &l->tables[i];
        json_begin_object(j);
        json_kv_string(j, "file", base_name(t->path));
        json_kv_string(j, "signature", t->signature);
        if (is(t, "RSD ")) {
            struct rsdp_info r;
            enum rsdp_status rs = rsdp_validate_copy(t->bytes, t->len, &r);
            json_kv_string(j, "status", rsdp_status_str(rs));
            if (rs == RSDP_OK) {
                json_kv_uint(j, "revision", r.revision);
                json_kv_string_n(j, "oem_id", r.oem_id, 6);
                json_kv_uint(j, "rsdt_address", r.rsdt_address);
                json_kv_uint(j, "xsdt_address", r.xsdt_address);
            } else {
                *result = 1;
            }
        } else if (is(t, "FACS")) {
            json_kv_string(j, "status", "ok");
            json_kv_uint(j, "length", t->len);
        } else {
            struct acpi_sdt h;
            enum acpi_status st = acpi_sdt_validate(t->bytes, t->len, NULL,
                                                    ACPI_CHECKSUM_ACCEPT, &h);
            json_kv_string(j, "status", acpi_status_str(st));
            if (st == ACPI_OK) {
                json_kv_uint(j, "length", h.length);
                json_kv_uint(j, "revision", h.revision);
                json_kv_uint(j, "checksum", h.checksum);
                json_kv_bool(j, "checksum_ok", h.checksum_ok);
                json_kv_string_n(j, "oem_id", h.oem_id, 6);
                json_kv_string_n(j, "oem_table_id", h.oem_table_id, 8);
            } else {
                *result = 1;
            }
        }
        json_end_object(j);
    }
    json_end_array(j);
}

static void run_json(const struct loaded *l, int *result)
{
    struct json jw;
    struct json *j = &jw;
    json_init(j, stdout);
    json_begin_object(j);
    json_table_list(j, l, result);
    json_key(j, "errors");
    json_begin_array(j);
    /* Parse once for errors first, so "errors" precedes the decoded tables. */
    for (size_t i = 0; i < l->count; i++) {
        const struct inspect_table *t = &l->tables[i];
        enum acpi_status st = ACPI_OK;
        if (is(t, "APIC")) {
            struct acpi_madt m;
            st = acpi_madt_parse(t->bytes, t->len, &m);
            if (st == ACPI_OK) {
                struct acpi_madt_iter it;
                struct acpi_madt_entry e;
                acpi_madt_iter_init(&it, &m);
                while (acpi_madt_next(&it, &e) == ACPI_OK)
                    continue;
                st = it.status == ACPI_END ? ACPI_OK : it.status;
            }
        } else if (is(t, "FACP")) {
            struct acpi_fadt f;
            st = acpi_fadt_parse(t->bytes, t->len, &f);
        } else if (is(t, "HPET")) {
            struct acpi_hpet h;
            st = acpi_hpet_parse(t->bytes, t->len, &h);
        } else if (is(t, "MCFG")) {
            struct acpi_mcfg m;
            st = acpi_mcfg_parse(t->bytes, t->len, &m);
        }
        if (st != ACPI_OK)
            report_error(j, stdout, t, st, result);
    }
    json_end_array(j);

    static const char *const sigs[] = {"APIC", "FACP", "HPET", "MCFG"};
    static const char *const keys[] = {"madt", "fadt", "hpet", "mcfg"};
    for (size_t s = 0; s < 4; s++) {
        json_key(j, keys[s]);
        json_begin_array(j);
        for (size_t i = 0; i < l->count; i++) {
            const struct inspect_table *t = &l->tables[i];
            if (!is(t, sigs[s]))
                continue;
            struct acpi_madt madt;
            struct acpi_fadt fadt;
            struct acpi_hpet hpet;
            struct acpi_mcfg mcfg;
            if (s == 0 && acpi_madt_parse(t->bytes, t->len, &madt) == ACPI_OK) {
                json_begin_object(j);
                enum acpi_status st = json_madt(j, t, &madt);
                json_kv_string(j, "status", acpi_status_str(st == ACPI_END ? ACPI_OK : st));
                json_end_object(j);
            } else if (s == 1 && acpi_fadt_parse(t->bytes, t->len, &fadt) == ACPI_OK) {
                json_begin_object(j);
                json_fadt(j, t, &fadt);
                json_end_object(j);
            } else if (s == 2 && acpi_hpet_parse(t->bytes, t->len, &hpet) == ACPI_OK) {
                json_begin_object(j);
                json_hpet(j, t, &hpet);
                json_end_object(j);
            } else if (s == 3 && acpi_mcfg_parse(t->bytes, t->len, &mcfg) == ACPI_OK) {
                json_begin_object(j);
                json_mcfg(j, t, &mcfg);
                json_end_object(j);
            }
        }
        json_end_array(j);
    }
    inspect_acpi_more_json(j, l->tables, l->count);
    json_end_object(j);
    json_finish(j);
}

static void run_text(const struct loaded *l, int *result)
{
    FILE *out = stdout;
    for (size_t i = 0; i < l->count; i++) {
        const struct inspect_table *t = &l->tables[i];
        if (is(t, "RSD ")) {
            struct rsdp_info r;
            enum rsdp_status rs = rsdp_validate_copy(t->bytes, t->len, &r);
            if (rs == RSDP_OK)
                fprintf(out, "RSDP  %s: revision %u, OEM \"%.6s\", RSDT 0x%08x, XSDT 0x%llx\n",
                        t->path, r.revision, r.oem_id, r.rsdt_address,
                        (unsigned long long)r.xsdt_address);
            else {
                fprintf(out, "RSDP  %s: %s\n", t->path, rsdp_status_str(rs));
                *result = 1;
            }
            continue;
        }
        if (is(t, "FACS")) {
            fprintf(out, "FACS  %s: length %zu\n", t->path, t->len);
            continue;
        }
        struct acpi_sdt h;
        enum acpi_status st = acpi_sdt_validate(t->bytes, t->len, NULL, ACPI_CHECKSUM_ACCEPT, &h);
        if (st != ACPI_OK) {
            report_error(NULL, out, t, st, result);
            continue;
        }
        text_header(out, t, &h);
        struct acpi_madt madt;
        struct acpi_fadt fadt;
        struct acpi_hpet hpet;
        struct acpi_mcfg mcfg;
        if (is(t, "APIC")) {
            st = acpi_madt_parse(t->bytes, t->len, &madt);
            if (st == ACPI_OK) {
                st = text_madt(out, &madt);
                st = st == ACPI_END ? ACPI_OK : st;
            }
        } else if (is(t, "FACP")) {
            st = acpi_fadt_parse(t->bytes, t->len, &fadt);
            if (st == ACPI_OK)
                text_fadt(out, &fadt);
        } else if (is(t, "HPET")) {
            st = acpi_hpet_parse(t->bytes, t->len, &hpet);
            if (st == ACPI_OK) {
                fprintf(out, "    HPET %u, block ID 0x%08x (vendor 0x%04x, last comparator %u), "
                             "min tick %u\n",
                        hpet.hpet_number, hpet.event_timer_block_id,
                        hpet.block_id.pci_vendor_id, hpet.block_id.number_of_comparators,
                        hpet.main_counter_minimum_clock_tick);
                text_gas(out, "base address", &hpet.base_address);
            }
        } else if (is(t, "MCFG")) {
            st = acpi_mcfg_parse(t->bytes, t->len, &mcfg);
            struct acpi_mcfg_allocation a;
            for (uint32_t n = 0; st == ACPI_OK && acpi_mcfg_allocation(&mcfg, n, &a) == ACPI_OK;
                 n++)
                fprintf(out, "    ECAM 0x%llx segment %u buses %u-%u\n",
                        (unsigned long long)a.base_address, a.pci_segment_group, a.start_bus,
                        a.end_bus);
        }
        if (st != ACPI_OK)
            report_error(NULL, out, t, st, result);
    }
    inspect_acpi_more_text(l->tables, l->count, out);
}

int inspect_acpi_main(int argc, char **argv)
{
    bool json = false;
    bool memory = false;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (strcmp(argv[i], "--memory") == 0) {
            memory = true;
        } else if (argv[i][0] == '-' || dir != NULL) {
            fprintf(stderr, "usage: osdev-inspect acpi [--json] [DIR | --memory SNAPSHOT_DIR]\n");
            return 2;
        } else {
            dir = argv[i];
        }
    }
    if (memory && dir == NULL) {
        fprintf(stderr, "osdev-inspect acpi: --memory needs a snapshot folder (ranges.txt)\n");
        return 2;
    }
    if (dir == NULL)
        dir = DEFAULT_DIR;
    struct loaded l;
    int result = 0;
    if ((memory ? load_memory(dir, &l, &result) : load(dir, &l)) != 0) {
        fprintf(stderr, "osdev-inspect acpi: cannot read %s\n", dir);
        unload(&l);
        return 2;
    }
    if (json)
        run_json(&l, &result);
    else
        run_text(&l, &result);
    unload(&l);
    return result;
}
