/* osdev-inspect acpi: the tables to show, from a folder of table files
 * (recognised by their header, not their name) or from a physical-memory
 * snapshot (ranges.txt, as in ../shared/fixtures), where they are found the
 * way a kernel finds them: the RSDP by the BIOS-area search or through the
 * EFI system table, then discovery from it. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/discovery.h"
#include "acpi_print.h"
#include "files.h"
#include "rsdp/efi.h"
#include "rsdp/rsdp.h"

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

int inspect_acpi_load_dir(const char *dir, struct inspect_acpi_tables *l)
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
static void add_copy(struct inspect_acpi_tables *l, struct snapshot *m, uint64_t phys, size_t len,
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

int inspect_acpi_load_memory(const char *dir, struct inspect_acpi_tables *l, int *result)
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

void inspect_acpi_unload(struct inspect_acpi_tables *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->buffers[i]);
    free(l->buffers);
    free(l->tables);
    if (l->paths != NULL)
        inspect_free_list(l->paths, l->path_count);
}
