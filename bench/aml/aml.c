/* bench/aml: load and initialise the AML namespace of every computer of
 * ../shared/corpus/acpi (DSDT, then the SSDTs in numeric order) and of the QEMU
 * fixtures, as a kernel does at boot, then walk the namespace and format every
 * path (what a namespace dump costs). Per computer: the CPU time of the best of
 * REPEAT runs and the interpreter's peak memory (every byte it asked the
 * allocator for); then median, total and largest over the corpus.
 *
 * The host has no hardware, as uACPI's test runner has none
 * (tests/support/aml_host.h): memory reads zeros until written and keeps what
 * is written, ports read zeros and drop writes, every PCI function is absent
 * (all ones); the clock is the monotonic clock, Sleep and Stall return at once.
 *
 * usage: bench_aml [SHARED_DIR]   (default: the build's OSDEV_SHARED_DIR) */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "acpi/aml.h"
#include "aml_host.h"
#include "support.h"

#define REPEAT 5
#define MAX_FILES 96
#define MAX_COMPUTERS 128

static uint64_t clock_ns(void *ctx)
{
    (void)ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void no_sleep(void *ctx, uint64_t ms)
{
    (void)ctx;
    (void)ms;
}

static void no_stall(void *ctx, uint32_t us)
{
    (void)ctx;
    (void)us;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct file {
    uint8_t *data;
    size_t len;
    long order;
};

static int by_order(const void *a, const void *b)
{
    const struct file *x = a, *y = b;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* DSDT first, then SSDTs by the number in their file name. */
static size_t read_tables(const char *dir, struct file *files)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return 0;
    }
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < MAX_FILES) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        uint8_t *data = NULL;
        if (support_read_file(path, &data, &len) != 0) {
            continue;
        }
        if (len < 36 ||
            (memcmp(data, "DSDT", 4) != 0 && memcmp(data, "SSDT", 4) != 0)) {
            free(data);
            continue;
        }
        long num = 0;
        for (const char *p = e->d_name; *p != '\0' && *p != '.'; p++) {
            if (*p >= '0' && *p <= '9') {
                num = num * 10 + (*p - '0');
            }
        }
        files[n++] = (struct file){ data, len, memcmp(data, "DSDT", 4) == 0 ? -1 : num };
    }
    closedir(d);
    qsort(files, n, sizeof *files, by_order);
    return n;
}

struct result {
    char name[64];
    double cpu;
    size_t peak, arena;
    unsigned nodes, errors;
};

/* The same work once over the ready-made arena: its high-water mark is the
 * static buffer this computer needs. */
static struct aml_fake *machine;

static size_t arena_need(const struct file *files, size_t n, const struct acpi_aml_host *host)
{
    static uint8_t buf[32u << 20];
    struct acpi_aml_memory mem;
    struct acpi_aml *aml;
    aml_fake_clear(machine);
    if (acpi_aml_arena_init(buf, sizeof buf, &mem) != ACPI_OK ||
        acpi_aml_create(host, &mem, &aml) != ACPI_OK) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (acpi_aml_load_table(aml, files[i].data, files[i].len) != ACPI_OK) {
            /* counted by the timed runs */
        }
    }
    struct acpi_aml_init_counts counts;
    if (acpi_aml_initialize(aml, &counts) != ACPI_OK) {
        /* counted by the timed runs */
    }
    acpi_aml_destroy(aml);
    return acpi_aml_arena_high_water(&mem);
}

static int run(const struct file *files, size_t n, struct result *r)
{
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    aml_fake_host(machine, &host);
    aml_fake_memory(machine, &mem);
    host.clock_ns = clock_ns;
    host.sleep_ms = no_sleep;
    host.stall_us = no_stall;
    r->cpu = 1e9;
    r->arena = arena_need(files, n, &host);
    for (int rep = 0; rep < REPEAT; rep++) {
        aml_fake_clear(machine);
        double t0 = cpu_now();
        struct acpi_aml *aml;
        if (acpi_aml_create(&host, &mem, &aml) != ACPI_OK) {
            return -1;
        }
        for (size_t i = 0; i < n; i++) {
            if (acpi_aml_load_table(aml, files[i].data, files[i].len) != ACPI_OK) {
                /* reported in the error count */
            }
        }
        struct acpi_aml_init_counts counts;
        if (acpi_aml_initialize(aml, &counts) != ACPI_OK) {
            /* reported in the error count */
        }
        char path[512];
        unsigned nodes = 0;
        size_t sum = 0;
        for (struct acpi_aml_node *nd = acpi_aml_root(aml); nd != NULL;
             nd = acpi_aml_node_next(nd)) {
            sum += acpi_aml_node_path(nd, path, sizeof path) + (size_t)acpi_aml_node_type(nd);
            nodes++;
        }
        r->nodes = nodes + (unsigned)(sum & 0);
        r->errors = acpi_aml_error_count(aml);
        r->peak = acpi_aml_memory_peak(aml);
        acpi_aml_destroy(aml);
        double t = cpu_now() - t0;
        if (t < r->cpu) {
            r->cpu = t;
        }
    }
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static void bench_dir(const char *dir, const char *label, struct result *out, size_t *count)
{
    struct file files[MAX_FILES];
    size_t n = read_tables(dir, files);
    if (n == 0) {
        return;
    }
    struct result *r = &out[*count];
    snprintf(r->name, sizeof r->name, "%s", label);
    if (run(files, n, r) == 0) {
        printf("%-22s %3zu tables %6u nodes %3u errors %8.2f ms CPU %8.1f KiB peak "
               "%8.1f KiB arena\n", r->name, n, r->nodes, r->errors, r->cpu * 1e3,
               (double)r->peak / 1024.0, (double)r->arena / 1024.0);
        (*count)++;
    }
    for (size_t i = 0; i < n; i++) {
        free(files[i].data);
    }
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : OSDEV_SHARED_DIR;
    machine = aml_fake_new();
    if (machine == NULL) {
        return 1;
    }
    static struct result results[MAX_COMPUTERS];
    size_t count = 0;
    char dir[1024];
    printf("bench_aml: create + load DSDT/SSDTs + initialise + path walk, best of %d\n", REPEAT);
    snprintf(dir, sizeof dir, "%s/corpus/acpi", shared);
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "bench_aml: cannot open %s\n", dir);
        return 1;
    }
    char names[MAX_COMPUTERS][64];
    size_t nnames = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nnames < MAX_COMPUTERS) {
        if (e->d_name[0] != '.' && strlen(e->d_name) < sizeof names[0]) {
            snprintf(names[nnames++], sizeof names[0], "%s", e->d_name);
        }
    }
    closedir(d);
    qsort(names, nnames, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    for (size_t i = 0; i < nnames; i++) {
        char sub[1200];
        snprintf(sub, sizeof sub, "%.1023s/%.63s", dir, names[i]);
        bench_dir(sub, names[i], results, &count);
    }
    size_t corpus = count;
    if (corpus != 0) {
        double cpu[MAX_COMPUTERS], total = 0, max = 0;
        size_t peak[MAX_COMPUTERS], arena_max = 0;
        for (size_t i = 0; i < corpus; i++) {
            cpu[i] = results[i].cpu;
            peak[i] = results[i].peak;
            arena_max = results[i].arena > arena_max ? results[i].arena : arena_max;
            total += cpu[i];
            max = cpu[i] > max ? cpu[i] : max;
        }
        qsort(cpu, corpus, sizeof cpu[0], cmp_double);
        qsort(peak, corpus, sizeof peak[0], cmp_size);
        printf("corpus: %zu computers  CPU median %.2f ms  total %.1f ms  largest %.2f ms  "
               "peak memory median %.1f KiB  largest %.1f KiB  arena largest %.1f KiB\n",
               corpus, cpu[corpus / 2] * 1e3, total * 1e3, max * 1e3,
               (double)peak[corpus / 2] / 1024.0, (double)peak[corpus - 1] / 1024.0,
               (double)arena_max / 1024.0);
        /* One figure per line, the form tools/bench puts in its summary table. */
        printf("corpus_cpu_median %.2f ms\ncorpus_cpu_total %.1f ms\ncorpus_cpu_largest %.2f ms\n",
               cpu[corpus / 2] * 1e3, total * 1e3, max * 1e3);
    }
    static const char *const qemu[] = { "i440fx-seabios", "i440fx-seabios-nohpet", "q35-seabios",
                                        "q35-ovmf" };
    for (size_t i = 0; i < sizeof qemu / sizeof qemu[0]; i++) {
        snprintf(dir, sizeof dir, "%s/fixtures/qemu/%s/tables", shared, qemu[i]);
        bench_dir(dir, qemu[i], results, &count);
    }
    aml_fake_free(machine);
    return 0;
}
