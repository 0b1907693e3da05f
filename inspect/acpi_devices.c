/* osdev-inspect acpi: the devices the static tables describe: the HPET
 * event timer, PCI Express ECAM windows (MCFG), the serial console (SPCR),
 * the boot graphics (BGRT), the embedded controller (ECDT) and the
 * emulated-device hints of a virtual machine (WAET). */
#include <stdio.h>

#include "acpi/bgrt.h"
#include "acpi/ecdt.h"
#include "acpi/hpet.h"
#include "acpi/mcfg.h"
#include "acpi/spcr.h"
#include "acpi/waet.h"
#include "acpi_print.h"

void inspect_json_hpet(struct json *j, const struct inspect_table *t)
{
    struct acpi_hpet hpet;
    if (acpi_hpet_parse(t->bytes, t->len, &hpet) != ACPI_OK)
        return;
    const struct acpi_hpet *h = &hpet;
    json_begin_object(j);
    inspect_json_sdt_header(j, t, &h->header);
    json_kv_uint(j, "event_timer_block_id", h->event_timer_block_id);
    json_key(j, "block_id");
    json_begin_object(j);
    json_kv_uint(j, "hardware_rev_id", h->block_id.hardware_rev_id);
    json_kv_uint(j, "number_of_comparators", h->block_id.number_of_comparators);
    json_kv_bool(j, "count_size_cap", h->block_id.count_size_cap);
    json_kv_bool(j, "legacy_replacement_capable", h->block_id.legacy_replacement_capable);
    json_kv_uint(j, "pci_vendor_id", h->block_id.pci_vendor_id);
    json_end_object(j);
    inspect_json_gas(j, "address", &h->base_address);
    json_kv_uint(j, "hpet_number", h->hpet_number);
    json_kv_uint(j, "min_tick", h->main_counter_minimum_clock_tick);
    json_kv_uint(j, "page_protection", h->page_protection);
    json_end_object(j);
}

enum acpi_status inspect_text_hpet(FILE *out, const struct inspect_table *t)
{
    struct acpi_hpet hpet;
    enum acpi_status st = acpi_hpet_parse(t->bytes, t->len, &hpet);
    if (st != ACPI_OK)
        return st;
    fprintf(out, "    HPET %u, block ID 0x%08x (vendor 0x%04x, last comparator %u), min tick %u\n",
            hpet.hpet_number, hpet.event_timer_block_id, hpet.block_id.pci_vendor_id,
            hpet.block_id.number_of_comparators, hpet.main_counter_minimum_clock_tick);
    inspect_text_gas(out, "base address", &hpet.base_address);
    return ACPI_OK;
}

void inspect_json_mcfg(struct json *j, const struct inspect_table *t)
{
    struct acpi_mcfg mcfg;
    if (acpi_mcfg_parse(t->bytes, t->len, &mcfg) != ACPI_OK)
        return;
    const struct acpi_mcfg *m = &mcfg;
    json_begin_object(j);
    inspect_json_sdt_header(j, t, &m->header);
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
    json_end_object(j);
}

enum acpi_status inspect_text_mcfg(FILE *out, const struct inspect_table *t)
{
    struct acpi_mcfg mcfg;
    enum acpi_status st = acpi_mcfg_parse(t->bytes, t->len, &mcfg);
    struct acpi_mcfg_allocation a;
    for (uint32_t n = 0; st == ACPI_OK && acpi_mcfg_allocation(&mcfg, n, &a) == ACPI_OK; n++)
        fprintf(out, "    ECAM 0x%llx segment %u buses %u-%u\n", (unsigned long long)a.base_address,
                a.pci_segment_group, a.start_bus, a.end_bus);
    return st;
}

void inspect_json_spcr(struct json *j, const struct inspect_table *t)
{
    struct acpi_spcr s;
    enum acpi_status st = acpi_spcr_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &s.sdt);
        json_kv_uint(j, "interface_type", s.interface_type);
        inspect_json_gas(j, "base_address", &s.base_address);
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
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_spcr(FILE *out, const struct inspect_table *t)
{
    struct acpi_spcr s;
    enum acpi_status st = acpi_spcr_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &s);
    if (st == ACPI_OK) {
        fprintf(out, "SPCR  %s: interface %u, %u baud, IRQ %u / GSI %u (type 0x%x)\n",
                t->path, s.interface_type, s.baud_rate, s.irq, s.global_system_interrupt,
                s.interrupt_type);
        inspect_text_gas(out, "base address", &s.base_address);
    }
    return st;
}

void inspect_json_bgrt(struct json *j, const struct inspect_table *t)
{
    struct acpi_bgrt b;
    enum acpi_status st = acpi_bgrt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &b);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &b.sdt);
        json_kv_uint(j, "version", b.version);
        json_kv_uint(j, "status_flags", b.status);
        json_kv_bool(j, "displayed", b.displayed);
        json_kv_uint(j, "orientation_degrees", b.orientation_degrees);
        json_kv_uint(j, "image_type", b.image_type);
        json_kv_uint(j, "image_address", b.image_address);
        json_kv_uint(j, "image_offset_x", b.image_offset_x);
        json_kv_uint(j, "image_offset_y", b.image_offset_y);
    }
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_bgrt(FILE *out, const struct inspect_table *t)
{
    struct acpi_bgrt b;
    enum acpi_status st = acpi_bgrt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &b);
    if (st == ACPI_OK)
        fprintf(out, "BGRT  %s: image 0x%llx at (%u, %u), %s\n", t->path,
                (unsigned long long)b.image_address, b.image_offset_x, b.image_offset_y,
                b.displayed ? "displayed" : "not displayed");
    return st;
}

void inspect_json_ecdt(struct json *j, const struct inspect_table *t)
{
    struct acpi_ecdt e;
    enum acpi_status st = acpi_ecdt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &e);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &e.sdt);
        inspect_json_gas(j, "ec_control", &e.ec_control);
        inspect_json_gas(j, "ec_data", &e.ec_data);
        json_kv_uint(j, "uid", e.uid);
        json_kv_uint(j, "gpe_bit", e.gpe_bit);
        json_kv_string_n(j, "ec_id", e.ec_id, e.ec_id_length);
    }
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_ecdt(FILE *out, const struct inspect_table *t)
{
    struct acpi_ecdt e;
    enum acpi_status st = acpi_ecdt_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &e);
    if (st == ACPI_OK) {
        fprintf(out, "ECDT  %s: %.*s, GPE bit %u\n", t->path, (int)e.ec_id_length, e.ec_id,
                e.gpe_bit);
        inspect_text_gas(out, "command/status", &e.ec_control);
        inspect_text_gas(out, "data", &e.ec_data);
    }
    return st;
}

void inspect_json_waet(struct json *j, const struct inspect_table *t)
{
    struct acpi_waet w;
    enum acpi_status st = acpi_waet_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &w);
    json_begin_object(j);
    if (st == ACPI_OK) {
        inspect_json_sdt_header(j, t, &w.sdt);
        json_kv_uint(j, "emulated_device_flags", w.emulated_device_flags);
        json_kv_bool(j, "rtc_good", w.rtc_good);
        json_kv_bool(j, "pm_timer_good", w.pm_timer_good);
    }
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_waet(FILE *out, const struct inspect_table *t)
{
    struct acpi_waet w;
    enum acpi_status st = acpi_waet_parse(t->bytes, t->len, ACPI_CHECKSUM_ACCEPT, &w);
    if (st == ACPI_OK)
        fprintf(out, "WAET  %s: RTC good %s, PM timer good %s\n", t->path,
                w.rtc_good ? "yes" : "no", w.pm_timer_good ? "yes" : "no");
    return st;
}
