/* bench/acpi: how long the acpi and rsdp libraries take on real data.
 *
 * 1. Every computer of ../shared/corpus/acpi: load its tables, then time
 *    validating every table header and checksum and parsing every MADT (all
 *    entries), FADT (all registers), HPET and MCFG. Per computer and total.
 * 2. Every QEMU snapshot of ../shared/fixtures/qemu: the BIOS-area RSDP search
 *    and, where it finds an RSDP, the walk of every table reachable from it.
 *
 * Besides the tables, one "<name> <value> us" line per figure (corpus_pass,
 * rsdp_search <snapshot>, table_walk <snapshot>, rsdp_efi q35-ovmf); under
 * callgrind one repetition each, with "<name> <n> instructions" per operation
 * (file loading is not counted).
 *
 * usage: bench_acpi [SHARED_DIR]   (default: the build's OSDEV_SHARED_DIR) */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/bench.h"
#include "acpi/discovery.h"
#include "acpi/fadt.h"
#include "acpi/hpet.h"
#include "acpi/madt.h"
#include "acpi/mcfg.h"
#include "acpi/sdt.h"
#include "rsdp/efi.h"
#include "rsdp/rsdp.h"

#define MAX_TABLES 128
#define MAX_RANGES 16

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *data = malloc(n > 0 ? (size_t)n : 1);
    if (data != NULL && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return data;
}

struct table {
    uint8_t *bytes;
    size_t len;
};

/* One full pass over a computer's tables; returns the number of MADT entries
 * seen so the work cannot be optimised away. */
static unsigned parse_all(const struct table *t, size_t count)
{
    unsigned seen = 0;
    for (size_t i = 0; i < count; i++) {
        struct acpi_sdt sdt;
        if (acpi_sdt_validate(t[i].bytes, t[i].len, NULL, ACPI_CHECKSUM_ACCEPT, &sdt) != ACPI_OK)
            continue;
        seen += sdt.checksum_ok;
        struct acpi_madt madt;
        struct acpi_fadt fadt;
        struct acpi_hpet hpet;
        struct acpi_mcfg mcfg;
        if (acpi_sdt_is(&sdt, "APIC") && acpi_madt_parse(t[i].bytes, t[i].len, &madt) == ACPI_OK) {
            struct acpi_madt_iter it;
            struct acpi_madt_entry e;
            acpi_madt_iter_init(&it, &madt);
            while (acpi_madt_next(&it, &e) == ACPI_OK)
                seen++;
        } else if (acpi_sdt_is(&sdt, "FACP") &&
                   acpi_fadt_parse(t[i].bytes, t[i].len, &fadt) == ACPI_OK) {
            struct acpi_gas g;
            for (int r = ACPI_FADT_REG_PM1A_EVT; r <= ACPI_FADT_REG_GPE1; r++)
                seen += acpi_fadt_register(&fadt, (enum acpi_fadt_register)r, &g) == ACPI_OK;
        } else if (acpi_sdt_is(&sdt, "HPET") &&
                   acpi_hpet_parse(t[i].bytes, t[i].len, &hpet) == ACPI_OK) {
            seen += hpet.hpet_number;
        } else if (acpi_sdt_is(&sdt, "MCFG") &&
                   acpi_mcfg_parse(t[i].bytes, t[i].len, &mcfg) == ACPI_OK) {
            seen += mcfg.allocation_count;
        }
    }
    return seen;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void bench_corpus(const char *shared)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/corpus/acpi", shared);
    DIR *d = opendir(dir);
    if (d == NULL) {
        printf("no corpus at %s\n", dir);
        return;
    }
    char *names[256];
    size_t n_names = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n_names < 256)
        if (e->d_name[0] != '.' && strchr(e->d_name, '.') == NULL)
            names[n_names++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n_names, sizeof names[0], compare_names);

    printf("corpus: parse every table (header + checksum; MADT, FADT, HPET, MCFG decoded)\n");
    printf("%-14s %7s %9s %12s\n", "computer", "tables", "bytes", "us/parse");
    double total = 0;
    unsigned sink = 0;
    const int reps = bench_under_valgrind() ? 1 : 200;
    bench_phase_begin();
    for (size_t c = 0; c < n_names; c++) {
        bench_collect(false);
        struct table tables[MAX_TABLES];
        size_t count = 0;
        size_t bytes = 0;
        char sub[1300];
        snprintf(sub, sizeof sub, "%s/%s", dir, names[c]);
        DIR *td = opendir(sub);
        while (td != NULL && (e = readdir(td)) != NULL && count < MAX_TABLES) {
            size_t l = strlen(e->d_name);
            if (l < 4 || strcmp(e->d_name + l - 4, ".dat") != 0)
                continue;
            char path[1600];
            snprintf(path, sizeof path, "%s/%s", sub, e->d_name);
            tables[count].bytes = read_file(path, &tables[count].len);
            if (tables[count].bytes != NULL)
                bytes += tables[count++].len;
        }
        if (td != NULL)
            closedir(td);
        sink += parse_all(tables, count); /* warm the caches first */
        bench_collect(true);
        double t0 = now();
        for (int r = 0; r < reps; r++)
            sink += parse_all(tables, count);
        double per = (now() - t0) / reps;
        bench_collect(false);
        total += per;
        printf("%-14s %7zu %9zu %12.1f\n", names[c], count, bytes, per * 1e6);
        for (size_t i = 0; i < count; i++)
            free(tables[i].bytes);
        free(names[c]);
    }
    bench_collect(true);
    bench_phase_end("corpus_pass", (uint64_t)reps);
    printf("total for %zu computers: %.1f us per pass (check %u)\n", n_names, total * 1e6, sink);
    printf("corpus_pass %.1f us\n\n", total * 1e6);
}

/* A snapshot's ranges.txt as plain memory for the map contract. */
struct memory {
    uint64_t base[MAX_RANGES];
    size_t len[MAX_RANGES];
    uint8_t *bytes[MAX_RANGES];
    size_t count;
};

static const void *map(void *ctx, uint64_t phys, size_t len)
{
    const struct memory *m = ctx;
    for (size_t i = 0; i < m->count; i++)
        if (phys >= m->base[i] && phys - m->base[i] <= m->len[i] &&
            len <= m->len[i] - (phys - m->base[i]))
            return m->bytes[i] + (phys - m->base[i]);
    return NULL;
}

static void unmap(void *ctx, const void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static int load_ranges(const char *dir, struct memory *m)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/ranges.txt", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char line[512];
    m->count = 0;
    while (fgets(line, sizeof line, f) != NULL && m->count < MAX_RANGES) {
        unsigned long long base, len;
        char file[256];
        if (line[0] == '#' || sscanf(line, "%llx %llx %255s", &base, &len, file) != 3)
            continue;
        char fp[1500];
        snprintf(fp, sizeof fp, "%s/%s", dir, file);
        size_t got;
        m->bytes[m->count] = read_file(fp, &got);
        if (m->bytes[m->count] == NULL || got != len)
            continue;
        m->base[m->count] = base;
        m->len[m->count] = (size_t)len;
        m->count++;
    }
    fclose(f);
    return 0;
}

static void bench_snapshots(const char *shared)
{
    static const char *const configs[] = {"i440fx-seabios", "q35-seabios", "i440fx-seabios-nohpet",
                                          "i440fx-seabios-noacpi", "q35-ovmf"};
    printf("QEMU snapshots: BIOS-area RSDP search, then walking every table\n");
    printf("%-24s %-10s %12s %12s\n", "snapshot", "search", "us/search", "us/walk");
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++) {
        char dir[1100];
        snprintf(dir, sizeof dir, "%s/fixtures/qemu/%s", shared, configs[c]);
        struct memory m;
        if (load_ranges(dir, &m) != 0)
            continue;
        struct rsdp_host rh = {&m, map, unmap};
        struct rsdp_info info;
        const int reps = bench_under_valgrind() ? 1 : 200;
        char figure[2][64];
        snprintf(figure[0], sizeof figure[0], "rsdp_search %s", configs[c]);
        snprintf(figure[1], sizeof figure[1], "table_walk %s", configs[c]);
        enum rsdp_status st = rsdp_find_bios(&rh, &info); /* warm-up */
        bench_phase_begin();
        double t0 = now();
        for (int r = 0; r < reps; r++)
            st = rsdp_find_bios(&rh, &info);
        double search = (now() - t0) / reps;
        bench_phase_end(figure[0], (uint64_t)reps);
        double walk = 0;
        if (st == RSDP_OK) {
            struct acpi_host host = {&m, map, unmap};
            unsigned tables = 0;
            bench_phase_begin();
            t0 = now();
            for (int r = 0; r < reps; r++) {
                struct acpi_root root;
                struct acpi_table_iter it;
                struct acpi_table_ref ref;
                if (acpi_root_init(&root, &host, &info, ACPI_CHECKSUM_STRICT) != ACPI_OK)
                    break;
                acpi_table_iter_init(&it, &root);
                while (acpi_table_next(&it, &ref) != ACPI_END)
                    tables++;
                tables += acpi_find_dsdt(&root, &ref) == ACPI_OK;
                tables += acpi_find_facs(&root, &ref) == ACPI_OK;
            }
            walk = (now() - t0) / reps;
            bench_phase_end(figure[1], (uint64_t)reps);
        }
        printf("%-24s %-10s %12.1f %12.1f\n", configs[c], rsdp_status_str(st), search * 1e6,
               walk * 1e6);
        printf("%s %.3f us\n", figure[0], search * 1e6);
        if (st == RSDP_OK)
            printf("%s %.3f us\n", figure[1], walk * 1e6);
        if (strcmp(configs[c], "q35-ovmf") == 0) {
            /* q35-ovmf/README.md: EFI_SYSTEM_TABLE at 0x075ec018. */
            bench_phase_begin();
            t0 = now();
            for (int r = 0; r < reps; r++)
                st = rsdp_find_efi(&rh, 0x075EC018, RSDP_EFI64, &info);
            double efi = (now() - t0) / reps;
            bench_phase_end("rsdp_efi q35-ovmf", (uint64_t)reps);
            printf("%-24s %-10s %12.1f\n", "q35-ovmf (EFI table)", rsdp_status_str(st), efi * 1e6);
            printf("rsdp_efi q35-ovmf %.3f us\n", efi * 1e6);
        }
        for (size_t i = 0; i < m.count; i++)
            free(m.bytes[i]);
    }
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : OSDEV_SHARED_DIR;
    bench_corpus(shared);
    bench_snapshots(shared);
    return 0;
}
