/* osdev-inspect acpi: the JSON and text pieces every table printer uses. */
#include <string.h>

#include "acpi_print.h"

bool inspect_acpi_is(const struct inspect_table *t, const char *sig)
{
    return memcmp(t->signature, sig, 4) == 0;
}

const char *inspect_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void inspect_json_gas(struct json *j, const char *key, const struct acpi_gas *g)
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

/* The corpus's truth.json names (../shared/corpus/README.md). */
void inspect_json_sdt_header(struct json *j, const struct inspect_table *t, const struct acpi_sdt *h)
{
    json_kv_string(j, "file", inspect_base_name(t->path));
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

void inspect_json_acpi_status(struct json *j, enum acpi_status st)
{
    json_kv_string(j, "status", acpi_status_str(st == ACPI_END ? ACPI_OK : st));
}

void inspect_text_gas(FILE *out, const char *name, const struct acpi_gas *g)
{
    fprintf(out, "    %-20s space %u, width %u, offset %u, access %u, address 0x%llx\n", name,
            g->space_id, g->bit_width, g->bit_offset, g->access_size,
            (unsigned long long)g->address);
}

void inspect_text_sdt_header(FILE *out, const struct inspect_table *t, const struct acpi_sdt *h)
{
    fprintf(out, "%.4s  %s: length %u, revision %u, OEM \"%.6s\" \"%.8s\" rev 0x%x, checksum 0x%02x %s\n",
            h->signature, t->path, h->length, h->revision, h->oem_id, h->oem_table_id,
            h->oem_revision, h->checksum, h->checksum_ok ? "ok" : "MISMATCH");
}
