/* acpi/madt.c - Multiple APIC Description Table (ACPI 6.5, 5.2.12). */
#include "acpi/madt.h"

#include "acpi/le.h"

enum acpi_status acpi_madt_parse(const void *buf, size_t len, struct acpi_madt *out)
{
    if (buf == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_madt m;
    enum acpi_status st = acpi_sdt_validate(buf, len, "APIC", ACPI_CHECKSUM_ACCEPT, &m.header);
    if (st != ACPI_OK)
        return st;
    if (m.header.length < ACPI_MADT_ENTRIES_OFFSET)
        return ACPI_BAD_LENGTH;
    const uint8_t *p = buf;
    /* ACPI 6.5, Table 5.20. */
    m.local_interrupt_controller_address = acpi_le32(p + 36);
    m.flags = acpi_le32(p + 40);
    *out = m;
    return ACPI_OK;
}

void acpi_madt_iter_init(struct acpi_madt_iter *it, const struct acpi_madt *madt)
{
    it->table = madt->header.bytes;
    it->length = madt->header.length;
    it->offset = ACPI_MADT_ENTRIES_OFFSET;
    it->status = ACPI_OK;
}

/* Smallest length each decoded type needs (ACPI 6.5, 5.2.12.2-5.2.12.19). */
static uint8_t min_length(uint8_t type)
{
    static const uint8_t lengths[] = {
        [ACPI_MADT_LOCAL_APIC] = 8,
        [ACPI_MADT_IO_APIC] = 12,
        [ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE] = 10,
        [ACPI_MADT_NMI_SOURCE] = 8,
        [ACPI_MADT_LOCAL_APIC_NMI] = 6,
        [ACPI_MADT_LOCAL_APIC_ADDRESS_OVERRIDE] = 12,
        [ACPI_MADT_IO_SAPIC] = 16,
        [ACPI_MADT_LOCAL_SAPIC] = 17, /* UID string holds at least its NUL */
        [ACPI_MADT_PLATFORM_INTERRUPT_SOURCES] = 16,
        [ACPI_MADT_LOCAL_X2APIC] = 16,
        [ACPI_MADT_LOCAL_X2APIC_NMI] = 12,
        [ACPI_MADT_GICC] = 76, /* ACPI 5.0 size; 80 in 6.0, 82 in 6.5 */
        [ACPI_MADT_GICD] = 24,
        [ACPI_MADT_GIC_MSI_FRAME] = 24,
        [ACPI_MADT_GICR] = 16,
        [ACPI_MADT_GIC_ITS] = 20,
        [ACPI_MADT_MULTIPROCESSOR_WAKEUP] = 16,
        [ACPI_MADT_CORE_PIC] = 15,
        [ACPI_MADT_LIO_PIC] = 23,
        [ACPI_MADT_HT_PIC] = 21,
        [ACPI_MADT_EIO_PIC] = 13,
        [ACPI_MADT_MSI_PIC] = 19,
        [ACPI_MADT_BIO_PIC] = 17,
        [ACPI_MADT_LPC_PIC] = 15,
    };
    return type < sizeof lengths ? lengths[type] : 2;
}

static void decode_gicc(const uint8_t *e, uint8_t length, struct acpi_madt_gicc *g)
{
    /* ACPI 6.5, Table 5.37. */
    g->cpu_interface_number = acpi_le32(e + 4);
    g->acpi_processor_uid = acpi_le32(e + 8);
    g->flags = acpi_le32(e + 12);
    g->parking_protocol_version = acpi_le32(e + 16);
    g->performance_interrupt_gsiv = acpi_le32(e + 20);
    g->parked_address = acpi_le64(e + 24);
    g->physical_base_address = acpi_le64(e + 32);
    g->gicv = acpi_le64(e + 40);
    g->gich = acpi_le64(e + 48);
    g->vgic_maintenance_interrupt = acpi_le32(e + 56);
    g->gicr_base_address = acpi_le64(e + 60);
    g->mpidr = acpi_le64(e + 68);
    g->processor_power_efficiency_class = length >= 80 ? e[76] : 0;
    g->spe_overflow_interrupt = length >= 80 ? acpi_le16(e + 78) : 0;
    g->trbe_interrupt = length >= 82 ? acpi_le16(e + 80) : 0;
}

static void decode_local_sapic(const uint8_t *e, uint8_t length,
                               struct acpi_madt_local_sapic *s)
{
    /* ACPI 6.5, Table 5.32. */
    s->acpi_processor_id = e[2];
    s->local_sapic_id = e[3];
    s->local_sapic_eid = e[4];
    s->flags = acpi_le32(e + 8);
    s->acpi_processor_uid_value = acpi_le32(e + 12);
    s->acpi_processor_uid_string = NULL;
    for (uint8_t i = 16; i < length; i++) {
        if (e[i] == 0) {
            s->acpi_processor_uid_string = (const char *)(e + 16);
            break;
        }
    }
}

/* ACPI 6.5, 5.2.12.20 - 5.2.12.26: LoongArch structures, packed with no
 * alignment (64-bit fields at offset 3). */
static bool decode_loongarch(const uint8_t *e, struct acpi_madt_entry *out)
{
    switch (out->type) {
    case ACPI_MADT_CORE_PIC:
        out->u.core_pic.version = e[2];
        out->u.core_pic.acpi_processor_id = acpi_le32(e + 3);
        out->u.core_pic.physical_processor_id = acpi_le32(e + 7);
        out->u.core_pic.flags = acpi_le32(e + 11);
        return true;
    case ACPI_MADT_LIO_PIC:
        out->u.lio_pic.version = e[2];
        out->u.lio_pic.base_address = acpi_le64(e + 3);
        out->u.lio_pic.size = acpi_le16(e + 11);
        out->u.lio_pic.cascade_vector = acpi_le16(e + 13);
        out->u.lio_pic.cascade_vector_mapping = acpi_le64(e + 15);
        return true;
    case ACPI_MADT_HT_PIC:
        out->u.ht_pic.version = e[2];
        out->u.ht_pic.base_address = acpi_le64(e + 3);
        out->u.ht_pic.size = acpi_le16(e + 11);
        out->u.ht_pic.cascade_vector = acpi_le64(e + 13);
        return true;
    case ACPI_MADT_EIO_PIC:
        out->u.eio_pic.version = e[2];
        out->u.eio_pic.cascade_vector = e[3];
        out->u.eio_pic.node = e[4];
        out->u.eio_pic.node_map = acpi_le64(e + 5);
        return true;
    case ACPI_MADT_MSI_PIC:
        out->u.msi_pic.version = e[2];
        out->u.msi_pic.message_address = acpi_le64(e + 3);
        out->u.msi_pic.start = acpi_le32(e + 11);
        out->u.msi_pic.count = acpi_le32(e + 15);
        return true;
    case ACPI_MADT_BIO_PIC:
        out->u.bio_pic.version = e[2];
        out->u.bio_pic.base_address = acpi_le64(e + 3);
        out->u.bio_pic.size = acpi_le16(e + 11);
        out->u.bio_pic.hardware_id = acpi_le16(e + 13);
        out->u.bio_pic.gsi_base = acpi_le16(e + 15);
        return true;
    case ACPI_MADT_LPC_PIC:
        out->u.lpc_pic.version = e[2];
        out->u.lpc_pic.base_address = acpi_le64(e + 3);
        out->u.lpc_pic.size = acpi_le16(e + 11);
        out->u.lpc_pic.cascade_vector = acpi_le16(e + 13);
        return true;
    default:
        return false;
    }
}

static void decode(const uint8_t *e, uint8_t length, struct acpi_madt_entry *out)
{
    out->decoded = true;
    switch (out->type) {
    case ACPI_MADT_LOCAL_APIC: /* Table 5.23 */
        out->u.local_apic.acpi_processor_uid = e[2];
        out->u.local_apic.apic_id = e[3];
        out->u.local_apic.flags = acpi_le32(e + 4);
        break;
    case ACPI_MADT_IO_APIC: /* Table 5.25 */
        out->u.io_apic.io_apic_id = e[2];
        out->u.io_apic.io_apic_address = acpi_le32(e + 4);
        out->u.io_apic.global_system_interrupt_base = acpi_le32(e + 8);
        break;
    case ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE: /* Table 5.26 */
        out->u.interrupt_source_override.bus = e[2];
        out->u.interrupt_source_override.source = e[3];
        out->u.interrupt_source_override.global_system_interrupt = acpi_le32(e + 4);
        out->u.interrupt_source_override.flags = acpi_le16(e + 8);
        break;
    case ACPI_MADT_NMI_SOURCE: /* Table 5.28 */
        out->u.nmi_source.flags = acpi_le16(e + 2);
        out->u.nmi_source.global_system_interrupt = acpi_le32(e + 4);
        break;
    case ACPI_MADT_LOCAL_APIC_NMI: /* Table 5.29 */
        out->u.local_apic_nmi.acpi_processor_uid = e[2];
        out->u.local_apic_nmi.flags = acpi_le16(e + 3);
        out->u.local_apic_nmi.local_apic_lint = e[5];
        break;
    case ACPI_MADT_LOCAL_APIC_ADDRESS_OVERRIDE: /* Table 5.30 */
        out->u.local_apic_address_override.local_apic_address = acpi_le64(e + 4);
        break;
    case ACPI_MADT_IO_SAPIC: /* Table 5.31 */
        out->u.io_sapic.io_apic_id = e[2];
        out->u.io_sapic.global_system_interrupt_base = acpi_le32(e + 4);
        out->u.io_sapic.io_sapic_address = acpi_le64(e + 8);
        break;
    case ACPI_MADT_LOCAL_SAPIC:
        decode_local_sapic(e, length, &out->u.local_sapic);
        break;
    case ACPI_MADT_PLATFORM_INTERRUPT_SOURCES: /* Table 5.33 */
        out->u.platform_interrupt_source.flags = acpi_le16(e + 2);
        out->u.platform_interrupt_source.interrupt_type = e[4];
        out->u.platform_interrupt_source.processor_id = e[5];
        out->u.platform_interrupt_source.processor_eid = e[6];
        out->u.platform_interrupt_source.io_sapic_vector = e[7];
        out->u.platform_interrupt_source.global_system_interrupt = acpi_le32(e + 8);
        out->u.platform_interrupt_source.platform_interrupt_source_flags = acpi_le32(e + 12);
        break;
    case ACPI_MADT_LOCAL_X2APIC: /* Table 5.35 */
        out->u.local_x2apic.x2apic_id = acpi_le32(e + 4);
        out->u.local_x2apic.flags = acpi_le32(e + 8);
        out->u.local_x2apic.acpi_processor_uid = acpi_le32(e + 12);
        break;
    case ACPI_MADT_LOCAL_X2APIC_NMI: /* Table 5.36 */
        out->u.local_x2apic_nmi.flags = acpi_le16(e + 2);
        out->u.local_x2apic_nmi.acpi_processor_uid = acpi_le32(e + 4);
        out->u.local_x2apic_nmi.local_x2apic_lint = e[8];
        break;
    case ACPI_MADT_GICC:
        decode_gicc(e, length, &out->u.gicc);
        break;
    case ACPI_MADT_GICD: /* Table 5.39 */
        out->u.gicd.gic_id = acpi_le32(e + 4);
        out->u.gicd.physical_base_address = acpi_le64(e + 8);
        out->u.gicd.system_vector_base = acpi_le32(e + 16);
        out->u.gicd.gic_version = e[20];
        break;
    case ACPI_MADT_GIC_MSI_FRAME: /* Table 5.41 */
        out->u.gic_msi_frame.gic_msi_frame_id = acpi_le32(e + 4);
        out->u.gic_msi_frame.physical_base_address = acpi_le64(e + 8);
        out->u.gic_msi_frame.flags = acpi_le32(e + 16);
        out->u.gic_msi_frame.spi_count = acpi_le16(e + 20);
        out->u.gic_msi_frame.spi_base = acpi_le16(e + 22);
        break;
    case ACPI_MADT_GICR: /* Table 5.43 */
        out->u.gicr.discovery_range_base_address = acpi_le64(e + 4);
        out->u.gicr.discovery_range_length = acpi_le32(e + 12);
        break;
    case ACPI_MADT_GIC_ITS: /* Table 5.44 */
        out->u.gic_its.gic_its_id = acpi_le32(e + 4);
        out->u.gic_its.physical_base_address = acpi_le64(e + 8);
        break;
    case ACPI_MADT_MULTIPROCESSOR_WAKEUP: /* Table 5.45 */
        out->u.multiprocessor_wakeup.mailbox_version = acpi_le16(e + 2);
        out->u.multiprocessor_wakeup.mailbox_address = acpi_le64(e + 8);
        break;
    default:
        out->decoded = decode_loongarch(e, out);
        break;
    }
}

enum acpi_status acpi_madt_next(struct acpi_madt_iter *it, struct acpi_madt_entry *out)
{
    if (it == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (it->status != ACPI_OK)
        return it->status;
    if (it->offset >= it->length) {
        it->status = ACPI_END;
        return it->status;
    }
    /* ACPI 6.5, 5.2.12: each structure starts with Type and Length. */
    if (it->length - it->offset < 2) {
        it->status = ACPI_TRUNCATED;
        return it->status;
    }
    const uint8_t *e = it->table + it->offset;
    uint8_t type = e[0];
    uint8_t length = e[1];
    if (length < 2) {
        it->status = ACPI_BAD_ENTRY;
        return it->status;
    }
    if (length > it->length - it->offset) {
        it->status = ACPI_TRUNCATED;
        return it->status;
    }
    if (length < min_length(type)) {
        it->status = ACPI_BAD_ENTRY;
        return it->status;
    }
    out->type = type;
    out->length = length;
    out->offset = it->offset;
    out->bytes = e;
    decode(e, length, out);
    it->offset += length;
    return ACPI_OK;
}

enum acpi_status acpi_madt_local_apic_address(const struct acpi_madt *madt, uint64_t *out)
{
    if (madt == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    acpi_madt_iter_init(&it, madt);
    while (acpi_madt_next(&it, &e) == ACPI_OK) {
        if (e.type == ACPI_MADT_LOCAL_APIC_ADDRESS_OVERRIDE) {
            *out = e.u.local_apic_address_override.local_apic_address;
            return ACPI_OK;
        }
    }
    if (it.status != ACPI_END)
        return it.status;
    *out = madt->local_interrupt_controller_address;
    return ACPI_OK;
}
