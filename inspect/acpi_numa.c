/* osdev-inspect acpi: NUMA, the SRAT's affinity structures and the SLIT's
 * distance matrix. */
#include <stdio.h>

#include "acpi/slit.h"
#include "acpi/srat.h"
#include "acpi_print.h"

void inspect_json_srat(struct json *j, const struct inspect_table *t)
{
    struct acpi_srat s;
    enum acpi_status st = acpi_srat_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &s.sdt);
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
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_srat(FILE *out, const struct inspect_table *t)
{
    struct acpi_srat s;
    enum acpi_status st = acpi_srat_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
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
    return st;
}

void inspect_json_slit(struct json *j, const struct inspect_table *t)
{
    struct acpi_slit s;
    enum acpi_status st = acpi_slit_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &s.sdt);
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
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_slit(FILE *out, const struct inspect_table *t)
{
    struct acpi_slit s;
    enum acpi_status st = acpi_slit_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
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
    return st;
}
