/* osdev-inspect acpi [--json] [DIR | --memory SNAPSHOT]: decode the ACPI
 * tables of DIR (default /sys/firmware/acpi/tables) or of a memory snapshot
 * with the acpi library (acpi_load.c reads them; the printers are named in
 * acpi_print.h). Checksums follow the accept-and-report policy of ACPICA's
 * disassembler: a table with a wrong checksum is decoded and the mismatch
 * reported. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "acpi/fadt.h"
#include "acpi/hpet.h"
#include "acpi/madt.h"
#include "acpi/mcfg.h"
#include "acpi_print.h"
#include "rsdp/rsdp.h"

#define DEFAULT_DIR "/sys/firmware/acpi/tables"

/* The tables with a printer of their own, in the order of the JSON keys.
 * `detail`: text lines after the header line, and a failure makes the exit
 * status 1; otherwise `text` prints a summary after all header lines. */
static const struct acpi_kind {
    const char *sig, *key;
    inspect_acpi_json_fn *json;
    inspect_acpi_text_fn *text;
    bool detail;
} kinds[] = {
    {"APIC", "madt", inspect_json_madt, inspect_text_madt, true},
    {"FACP", "fadt", inspect_json_fadt, inspect_text_fadt, true},
    {"HPET", "hpet", inspect_json_hpet, inspect_text_hpet, true},
    {"MCFG", "mcfg", inspect_json_mcfg, inspect_text_mcfg, true},
    {"SRAT", "srat", inspect_json_srat, inspect_text_srat, false},
    {"SLIT", "slit", inspect_json_slit, inspect_text_slit, false},
    {"SPCR", "spcr", inspect_json_spcr, inspect_text_spcr, false},
    {"BGRT", "bgrt", inspect_json_bgrt, inspect_text_bgrt, false},
    {"FACS", "facs", inspect_json_facs, inspect_text_facs, false},
    {"DMAR", "dmar", inspect_json_dmar, inspect_text_dmar, false},
    {"IVRS", "ivrs", inspect_json_ivrs, inspect_text_ivrs, false},
    {"ECDT", "ecdt", inspect_json_ecdt, inspect_text_ecdt, false},
    {"WAET", "waet", inspect_json_waet, inspect_text_waet, false},
};
#define KINDS (sizeof kinds / sizeof kinds[0])

static const struct acpi_kind *kind_of(const struct inspect_table *t)
{
    for (size_t k = 0; k < KINDS; k++)
        if (inspect_acpi_is(t, kinds[k].sig))
            return &kinds[k];
    return NULL;
}

static void report_error(struct json *j, FILE *out, const struct inspect_table *t,
                         enum acpi_status st, int *result)
{
    *result = 1;
    if (j != NULL) {
        json_begin_object(j);
        json_kv_string(j, "file", inspect_base_name(t->path));
        json_kv_string(j, "signature", t->signature);
        json_kv_string(j, "status", acpi_status_str(st));
        json_end_object(j);
    } else {
        fprintf(out, "%.4s  %s: %s\n", t->signature, t->path, acpi_status_str(st));
    }
}

/* The table list: every file recognised, with its header status. */
static void json_table_list(struct json *j, const struct inspect_acpi_tables *l, int *result)
{
    json_key(j, "tables");
    json_begin_array(j);
    for (size_t i = 0; i < l->count; i++) {
        const struct inspect_table *t = &l->tables[i];
        json_begin_object(j);
        json_kv_string(j, "file", inspect_base_name(t->path));
        json_kv_string(j, "signature", t->signature);
        if (inspect_acpi_is(t, "RSD ")) {
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
        } else if (inspect_acpi_is(t, "FACS")) {
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

static void run_json(const struct inspect_acpi_tables *l, int *result)
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
        if (inspect_acpi_is(t, "APIC")) {
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
        } else if (inspect_acpi_is(t, "FACP")) {
            struct acpi_fadt f;
            st = acpi_fadt_parse(t->bytes, t->len, &f);
        } else if (inspect_acpi_is(t, "HPET")) {
            struct acpi_hpet h;
            st = acpi_hpet_parse(t->bytes, t->len, &h);
        } else if (inspect_acpi_is(t, "MCFG")) {
            struct acpi_mcfg m;
            st = acpi_mcfg_parse(t->bytes, t->len, &m);
        }
        if (st != ACPI_OK)
            report_error(j, stdout, t, st, result);
    }
    json_end_array(j);

    for (size_t k = 0; k < KINDS; k++) {
        json_key(j, kinds[k].key);
        json_begin_array(j);
        for (size_t i = 0; i < l->count; i++)
            if (inspect_acpi_is(&l->tables[i], kinds[k].sig))
                kinds[k].json(j, &l->tables[i]);
        json_end_array(j);
    }
    /* The generic header view of every table nothing above decodes. */
    json_key(j, "other");
    json_begin_array(j);
    for (size_t i = 0; i < l->count; i++) {
        const struct inspect_table *t = &l->tables[i];
        struct acpi_sdt h;
        if (inspect_acpi_is(t, "RSD ") || kind_of(t) != NULL)
            continue;
        enum acpi_status st = acpi_sdt_validate(t->bytes, t->len, NULL, ACPI_CHECKSUM_ACCEPT, &h);
        json_begin_object(j);
        if (st == ACPI_OK)
            inspect_json_sdt_header(j, t, &h);
        else
            json_kv_string(j, "file", inspect_base_name(t->path));
        inspect_json_acpi_status(j, st);
        json_end_object(j);
    }
    json_end_array(j);
    inspect_json_platform(j, l->tables, l->count);
    json_end_object(j);
    json_finish(j);
}

static void run_text(const struct inspect_acpi_tables *l, int *result)
{
    FILE *out = stdout;
    for (size_t i = 0; i < l->count; i++) {
        const struct inspect_table *t = &l->tables[i];
        if (inspect_acpi_is(t, "RSD ")) {
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
        if (inspect_acpi_is(t, "FACS")) {
            fprintf(out, "FACS  %s: length %zu\n", t->path, t->len);
            continue;
        }
        struct acpi_sdt h;
        enum acpi_status st = acpi_sdt_validate(t->bytes, t->len, NULL, ACPI_CHECKSUM_ACCEPT, &h);
        if (st != ACPI_OK) {
            report_error(NULL, out, t, st, result);
            continue;
        }
        inspect_text_sdt_header(out, t, &h);
        const struct acpi_kind *k = kind_of(t);
        if (k != NULL && k->detail)
            st = k->text(out, t);
        if (st != ACPI_OK)
            report_error(NULL, out, t, st, result);
    }
    for (size_t i = 0; i < l->count; i++) {
        const struct inspect_table *t = &l->tables[i];
        const struct acpi_kind *k = kind_of(t);
        enum acpi_status st = k != NULL && !k->detail ? k->text(out, t) : ACPI_OK;
        if (st != ACPI_OK)
            fprintf(out, "%.4s  %s: %s\n", t->signature, t->path, acpi_status_str(st));
    }
    inspect_text_platform(out, l->tables, l->count);
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
    struct inspect_acpi_tables l;
    int result = 0;
    if ((memory ? inspect_acpi_load_memory(dir, &l, &result) : inspect_acpi_load_dir(dir, &l)) != 0) {
        fprintf(stderr, "osdev-inspect acpi: cannot read %s\n", dir);
        inspect_acpi_unload(&l);
        return 2;
    }
    if (json)
        run_json(&l, &result);
    else
        run_text(&l, &result);
    inspect_acpi_unload(&l);
    return result;
}
