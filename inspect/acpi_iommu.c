/* osdev-inspect acpi: the IOMMUs, Intel VT-d's DMAR and AMD-Vi's IVRS. */
#include <stdio.h>

#include "acpi/dmar.h"
#include "acpi/ivrs.h"
#include "acpi_print.h"

void inspect_json_dmar(struct json *j, const struct inspect_table *t)
{
    struct acpi_dmar d;
    enum acpi_status st = acpi_dmar_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &d);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &d.sdt);
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
                    inspect_json_acpi_status(j, sit.status);
            }
            json_end_object(j);
        }
        json_end_array(j);
        st = it.status;
    }
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_dmar(FILE *out, const struct inspect_table *t)
{
    struct acpi_dmar d;
    enum acpi_status st = acpi_dmar_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &d);
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
    return st;
}

void inspect_json_ivrs(struct json *j, const struct inspect_table *t)
{
    struct acpi_ivrs v;
    enum acpi_status st = acpi_ivrs_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &v);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &v.sdt);
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
                    inspect_json_acpi_status(j, dit.status);
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
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_ivrs(FILE *out, const struct inspect_table *t)
{
    struct acpi_ivrs v;
    enum acpi_status st = acpi_ivrs_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &v);
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
    return st;
}
