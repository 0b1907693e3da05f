/* See aml_tables.h. */
#include "aml_tables.h"

#include <stdbool.h>

#include "console.h"
#include "format.h"

/* The callback's state (see aml_tables_attach). */
static const struct acpi_root *tables_root;
static struct aml_tables_stats stats;

/* ACPICA's rule: an empty request matches; otherwise the whole NUL-padded
 * field equals the header's. */
static bool id_matches(const char *have, const char *want, size_t n)
{
    if (want[0] == '\0') {
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        if (have[i] != want[i]) {
            return false;
        }
    }
    return true;
}

enum acpi_status aml_tables_find(const struct acpi_root *root, const char sig[4],
                                 const char oem_id[6], const char oem_table_id[8],
                                 const uint8_t **bytes, size_t *len)
{
    struct acpi_table_iter it;
    struct acpi_table_ref ref;
    enum acpi_status st;

    /* An empty signature names no table (ACPICA: AE_BAD_SIGNATURE). */
    if (sig[0] == '\0') {
        return ACPI_NOT_FOUND;
    }
    acpi_table_iter_init(&it, root);
    while ((st = acpi_table_next(&it, &ref)) != ACPI_END) {
        /* A bad entry (zero, unmappable, bad checksum) is skipped, as
         * acpi_find_table does. */
        if (st != ACPI_OK || !id_matches(ref.header.signature, sig, 4) ||
            !id_matches(ref.header.oem_id, oem_id, 6) ||
            !id_matches(ref.header.oem_table_id, oem_table_id, 8)) {
            continue;
        }
        struct acpi_sdt sdt;
        st = acpi_table_map(root, &ref, &sdt);
        if (st != ACPI_OK) {
            return st;
        }
        *bytes = sdt.bytes;
        *len = sdt.length;
        return ACPI_OK;
    }
    return ACPI_NOT_FOUND;
}

/* An ID as the AML gave it (up to its first NUL), escaped for the report. */
static void escape_id(char *buf, size_t size, const char *id, size_t n)
{
    size_t len = 0;
    while (len < n && id[len] != '\0') {
        len++;
    }
    (void)format_escaped(buf, size, id, len);
}

static enum acpi_status find_table(void *ctx, const char sig[4], const char oem_id[6],
                                   const char oem_table_id[8], const uint8_t **bytes, size_t *len)
{
    char s[4 * 4 + 1], o[6 * 4 + 1], t[8 * 4 + 1]; /* at most \xNN for every byte */

    (void)ctx; /* aml_host.c's: the root is kept here */
    stats.requests++;
    enum acpi_status st = tables_root != NULL
                              ? aml_tables_find(tables_root, sig, oem_id, oem_table_id, bytes, len)
                              : ACPI_NOT_FOUND;
    escape_id(s, sizeof s, sig, 4);
    escape_id(o, sizeof o, oem_id, 6);
    escape_id(t, sizeof t, oem_table_id, 8);
    console_serial_printf("aml-load-table signature=\"%s\" oem_id=\"%s\" oem_table_id=\"%s\" "
                          "status=\"%s\"\n",
                          s, o, t, acpi_status_str(st));
    stats.found += st == ACPI_OK ? 1u : 0u;
    return st;
}

void aml_tables_attach(struct acpi_aml_host *host, const struct acpi_root *root)
{
    tables_root = root;
    stats = (struct aml_tables_stats){0};
    host->find_table = find_table;
}

struct aml_tables_stats aml_tables_stats(void)
{
    return stats;
}

void aml_tables_report(void)
{
    console_serial_printf("aml-load-table-summary requests=%u found=%u (LoadTable through the root "
                   "table%s)\n",
                   stats.requests, stats.found,
                   stats.requests == 0 ? ": the firmware's AML never used it" : "");
}
