/* osdev-inspect aml [--json] [--eval PATH [ARG...]] FILE... | DIR
 *
 * Load a DSDT and SSDTs with the AML interpreter of acpi/aml.h, initialise the
 * namespace on a host with no hardware, and print the namespace (or, with
 * --eval, one object's value). The fake host (inspect/README.md):
 *  - every operation region reads zeros until written and keeps what is
 *    written (as ACPICA's acpiexec simulates regions), SystemMemory and
 *    SystemIO and every other space alike, per (space, address) byte;
 *  - PCI_Config regions likewise (acpiexec's simulation, keyed by space and
 *    address as acpiexec keys its region buffers); with --pci-absent instead
 *    every PCI function is absent: reads are all ones and writes are dropped
 *    (what uACPI's test runner does);
 *  - the clock is the host's monotonic clock; Sleep and Stall do not wait but
 *    move the clock forward by their time;
 *  - Notify, Fatal and the Debug object go to stderr with --verbose. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "acpi/aml.h"
#include "files.h"
#include "inspect.h"

#define DEFAULT_DIR "/sys/firmware/acpi/tables"
#define PAGE_BYTES 4096u
#define PAGE_BUCKETS 1024u
#define MAX_VALUE_DEPTH 64

/* ---- the fake host ---------------------------------------------------------- */

struct page {
    struct page *next;
    uint8_t space;
    uint64_t base;
    uint8_t bytes[PAGE_BYTES];
};

struct fake_host {
    struct page *buckets[PAGE_BUCKETS];
    uint64_t slept_ns;
    bool verbose;
};

static uint8_t *page_byte(struct fake_host *h, uint8_t space, uint64_t addr, bool create)
{
    uint64_t base = addr & ~(uint64_t)(PAGE_BYTES - 1);
    size_t b = (size_t)(((base >> 12) * 31u + space) % PAGE_BUCKETS);
    for (struct page *p = h->buckets[b]; p != NULL; p = p->next) {
        if (p->base == base && p->space == space) {
            return &p->bytes[addr - base];
        }
    }
    if (!create) {
        return NULL;
    }
    struct page *p = calloc(1, sizeof *p);
    if (p == NULL) {
        return NULL;
    }
    p->space = space;
    p->base = base;
    p->next = h->buckets[b];
    h->buckets[b] = p;
    return &p->bytes[addr - base];
}

static uint64_t fake_read(struct fake_host *h, uint8_t space, uint64_t addr, unsigned width)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < width; i++) {
        const uint8_t *b = page_byte(h, space, addr + i, false);
        v |= (uint64_t)(b != NULL ? *b : 0) << (8 * i);
    }
    return v;
}

static void fake_write(struct fake_host *h, uint8_t space, uint64_t addr, unsigned width,
                       uint64_t v)
{
    for (unsigned i = 0; i < width; i++) {
        uint8_t *b = page_byte(h, space, addr + i, true);
        if (b != NULL) {
            *b = (uint8_t)(v >> (8 * i));
        }
    }
}

/* map: a page-internal pointer (the interpreter maps one access at a time, of
 * at most 8 aligned bytes; an access across a page goes byte by byte through a
 * bounce page of its own). */
static void *fake_map(void *ctx, uint64_t phys, size_t len)
{
    struct fake_host *h = ctx;
    if (len == 0 || len > 8) {
        return NULL;
    }
    if ((phys & (PAGE_BYTES - 1)) + len > PAGE_BYTES) {
        return NULL;
    }
    return page_byte(h, ACPI_AML_SPACE_SYSTEM_MEMORY, phys, true);
}

static void fake_unmap(void *ctx, void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static uint32_t fake_port_read(void *ctx, uint16_t port, uint8_t width)
{
    return (uint32_t)fake_read(ctx, ACPI_AML_SPACE_SYSTEM_IO, port, width);
}

static void fake_port_write(void *ctx, uint16_t port, uint8_t width, uint32_t value)
{
    fake_write(ctx, ACPI_AML_SPACE_SYSTEM_IO, port, width, value);
}

static uint64_t fake_pci_read(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                              uint16_t offset, uint8_t width)
{
    (void)ctx; (void)seg; (void)bus; (void)dev; (void)fn; (void)offset;
    return width >= 8 ? ~0ull : (1ull << (8 * width)) - 1;
}

static void fake_pci_write(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                           uint16_t offset, uint8_t width, uint64_t value)
{
    (void)ctx; (void)seg; (void)bus; (void)dev; (void)fn; (void)offset; (void)width;
    (void)value;
}

static uint64_t fake_clock(void *ctx)
{
    struct fake_host *h = ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec + h->slept_ns;
}

static void fake_sleep(void *ctx, uint64_t ms)
{
    ((struct fake_host *)ctx)->slept_ns += ms * 1000000ull;
}

static void fake_stall(void *ctx, uint32_t us)
{
    ((struct fake_host *)ctx)->slept_ns += (uint64_t)us * 1000ull;
}

static void fake_log(void *ctx, enum acpi_aml_log_level level, const char *msg)
{
    struct fake_host *h = ctx;
    if (h->verbose || level == ACPI_AML_LOG_ERROR) {
        if (h->verbose) {
            fprintf(stderr, "%s\n", msg);
        }
    }
}

/* Every other space: the same zero-until-written bytes. */
static enum acpi_status fake_region(void *ctx, const struct acpi_aml_region_access *a)
{
    if (a->write) {
        fake_write(ctx, a->space, a->address, a->width, *a->value);
    } else {
        *a->value = fake_read(ctx, a->space, a->address, a->width);
    }
    return ACPI_OK;
}

static void *mem_alloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void mem_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)size;
    free(ptr);
}

static void fake_free(struct fake_host *h)
{
    for (size_t i = 0; i < PAGE_BUCKETS; i++) {
        while (h->buckets[i] != NULL) {
            struct page *p = h->buckets[i];
            h->buckets[i] = p->next;
            free(p);
        }
    }
}

/* ---- input files -------------------------------------------------------------- */

struct table_file {
    char *path;
    uint8_t *data;
    size_t len;
    long order;       /* DSDT -1, then the number in an SSDT's file name */
};

static bool is_aml_table(const uint8_t *b, size_t len, bool *dsdt)
{
    if (len < 36) {
        return false;
    }
    *dsdt = memcmp(b, "DSDT", 4) == 0;
    return *dsdt || memcmp(b, "SSDT", 4) == 0 || memcmp(b, "PSDT", 4) == 0;
}

static long file_number(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    long n = 0;
    bool any = false;
    for (const char *p = base; *p != '\0' && *p != '.'; p++) {
        if (*p >= '0' && *p <= '9') {
            n = n * 10 + (*p - '0');
            any = true;
        }
    }
    return any ? n : 0;
}

static int by_order(const void *a, const void *b)
{
    const struct table_file *x = a, *y = b;
    if (x->order != y->order) {
        return x->order < y->order ? -1 : 1;
    }
    return strcmp(x->path, y->path);
}

/* ---- output -------------------------------------------------------------------- */

static const char *type_name(enum acpi_aml_type t)
{
    switch (t) {
    case ACPI_AML_TYPE_UNINITIALIZED: return "uninitialized";
    case ACPI_AML_TYPE_INTEGER: return "integer";
    case ACPI_AML_TYPE_STRING: return "string";
    case ACPI_AML_TYPE_BUFFER: return "buffer";
    case ACPI_AML_TYPE_PACKAGE: return "package";
    case ACPI_AML_TYPE_FIELD_UNIT: return "field_unit";
    case ACPI_AML_TYPE_DEVICE: return "device";
    case ACPI_AML_TYPE_EVENT: return "event";
    case ACPI_AML_TYPE_METHOD: return "method";
    case ACPI_AML_TYPE_MUTEX: return "mutex";
    case ACPI_AML_TYPE_OPERATION_REGION: return "operation_region";
    case ACPI_AML_TYPE_POWER_RESOURCE: return "power_resource";
    case ACPI_AML_TYPE_PROCESSOR: return "processor";
    case ACPI_AML_TYPE_THERMAL_ZONE: return "thermal_zone";
    case ACPI_AML_TYPE_BUFFER_FIELD: return "buffer_field";
    case ACPI_AML_TYPE_DDB_HANDLE: return "ddb_handle";
    case ACPI_AML_TYPE_DEBUG: return "debug";
    case ACPI_AML_TYPE_REFERENCE: return "reference";
    case ACPI_AML_TYPE_SCOPE: return "scope";
    case ACPI_AML_TYPE_ALIAS: return "alias";
    }
    return "unknown";
}

/* EISA ID (ACPI 6.5, 6.1.5) to its 7-character text. */
static void eisa_id(uint64_t v, char out[8])
{
    uint32_t id = (uint32_t)v;
    uint32_t sw = ((id & 0xFF) << 24) | ((id & 0xFF00) << 8) | ((id >> 8) & 0xFF00) | (id >> 24);
    out[0] = (char)('@' + ((sw >> 26) & 0x1F));
    out[1] = (char)('@' + ((sw >> 21) & 0x1F));
    out[2] = (char)('@' + ((sw >> 16) & 0x1F));
    snprintf(out + 3, 5, "%04X", sw & 0xFFFF);
}

static void json_value(struct json *j, const struct acpi_aml_value *v, int depth)
{
    json_begin_object(j);
    json_kv_string(j, "type", type_name(v->type));
    switch (v->type) {
    case ACPI_AML_TYPE_INTEGER:
        json_kv_uint(j, "value", v->u.integer);
        break;
    case ACPI_AML_TYPE_STRING:
        json_kv_string_n(j, "value", v->u.string.ptr, v->u.string.len);
        break;
    case ACPI_AML_TYPE_BUFFER:
        json_key(j, "value");
        json_begin_array(j);
        for (uint32_t i = 0; i < v->u.buffer.len; i++) {
            json_uint(j, v->u.buffer.ptr[i]);
        }
        json_end_array(j);
        break;
    case ACPI_AML_TYPE_PACKAGE:
        json_key(j, "value");
        json_begin_array(j);
        for (uint32_t i = 0; i < v->u.package.count && depth < MAX_VALUE_DEPTH; i++) {
            json_value(j, &v->u.package.elements[i], depth + 1);
        }
        json_end_array(j);
        break;
    case ACPI_AML_TYPE_REFERENCE:
        if (v->u.node != NULL) {
            char path[256];
            acpi_aml_node_path(v->u.node, path, sizeof path);
            json_kv_string(j, "value", path);
        }
        break;
    default:
        break;
    }
    json_end_object(j);
}

static void text_value(FILE *out, const struct acpi_aml_value *v, int depth)
{
    switch (v->type) {
    case ACPI_AML_TYPE_INTEGER:
        fprintf(out, "0x%llX", (unsigned long long)v->u.integer);
        break;
    case ACPI_AML_TYPE_STRING:
        fprintf(out, "\"%.*s\"", (int)v->u.string.len, v->u.string.ptr);
        break;
    case ACPI_AML_TYPE_BUFFER:
        fputs("Buffer {", out);
        for (uint32_t i = 0; i < v->u.buffer.len; i++) {
            fprintf(out, "%s0x%02X", i ? ", " : "", v->u.buffer.ptr[i]);
        }
        fputs("}", out);
        break;
    case ACPI_AML_TYPE_PACKAGE:
        fputs("Package {", out);
        for (uint32_t i = 0; i < v->u.package.count && depth < MAX_VALUE_DEPTH; i++) {
            fputs(i ? ", " : "", out);
            text_value(out, &v->u.package.elements[i], depth + 1);
        }
        fputs("}", out);
        break;
    default:
        fputs(type_name(v->type), out);
        break;
    }
}

/* _HID/_CID/_UID values are shown as text: EISA IDs decoded. */
static void id_text(const struct acpi_aml_value *v, char *buf, size_t size)
{
    if (v->type == ACPI_AML_TYPE_INTEGER) {
        eisa_id(v->u.integer, buf);
    } else if (v->type == ACPI_AML_TYPE_STRING) {
        snprintf(buf, size, "%.*s", (int)v->u.string.len, v->u.string.ptr);
    } else {
        snprintf(buf, size, "?");
    }
}

struct dev_info {
    bool has_hid, has_uid, has_adr, has_sta;
    char hid[64], uid[64];
    uint64_t adr, sta;
    char cid[8][64];
    unsigned ncid;
};

static void device_info(struct acpi_aml *aml, struct acpi_aml_node *n, struct dev_info *d)
{
    memset(d, 0, sizeof *d);
    struct acpi_aml_value v;
    if (acpi_aml_evaluate_path(aml, n, "_HID", NULL, 0, &v) == ACPI_OK) {
        d->has_hid = v.type == ACPI_AML_TYPE_INTEGER || v.type == ACPI_AML_TYPE_STRING;
        id_text(&v, d->hid, sizeof d->hid);
        acpi_aml_value_release(aml, &v);
    }
    if (acpi_aml_evaluate_path(aml, n, "_CID", NULL, 0, &v) == ACPI_OK) {
        if (v.type == ACPI_AML_TYPE_PACKAGE) {
            for (uint32_t i = 0; i < v.u.package.count && d->ncid < 8; i++) {
                id_text(&v.u.package.elements[i], d->cid[d->ncid++], sizeof d->cid[0]);
            }
        } else if (v.type == ACPI_AML_TYPE_INTEGER || v.type == ACPI_AML_TYPE_STRING) {
            id_text(&v, d->cid[d->ncid++], sizeof d->cid[0]);
        }
        acpi_aml_value_release(aml, &v);
    }
    if (acpi_aml_evaluate_path(aml, n, "_UID", NULL, 0, &v) == ACPI_OK) {
        if (v.type == ACPI_AML_TYPE_INTEGER) {
            d->has_uid = true;
            snprintf(d->uid, sizeof d->uid, "%llu", (unsigned long long)v.u.integer);
        } else if (v.type == ACPI_AML_TYPE_STRING) {
            d->has_uid = true;
            id_text(&v, d->uid, sizeof d->uid);
        }
        acpi_aml_value_release(aml, &v);
    }
    if (acpi_aml_evaluate_path(aml, n, "_ADR", NULL, 0, &v) == ACPI_OK) {
        d->has_adr = v.type == ACPI_AML_TYPE_INTEGER;
        d->adr = v.u.integer;
        acpi_aml_value_release(aml, &v);
    }
    struct acpi_aml_node *sta;
    if (acpi_aml_lookup(aml, n, "_STA", &sta) == ACPI_OK && acpi_aml_node_parent(sta) == n) {
        if (acpi_aml_evaluate(aml, sta, NULL, 0, &v) == ACPI_OK) {
            d->has_sta = v.type == ACPI_AML_TYPE_INTEGER;
            d->sta = v.u.integer;
            acpi_aml_value_release(aml, &v);
        }
    } else {
        d->has_sta = true;   /* ACPI 6.5, 6.3.7: no _STA means 0x0F */
        d->sta = 0x0F;
    }
}

/* A child lookup that does not search upward: only the device's own name. */
static bool own_child(struct acpi_aml_node *n, const char *name)
{
    for (struct acpi_aml_node *c = acpi_aml_node_first_child(n); c != NULL;
         c = acpi_aml_node_next_sibling(c)) {
        if (memcmp(acpi_aml_node_name(c), name, 4) == 0) {
            return true;
        }
    }
    return false;
}

static void print_json(struct acpi_aml *aml, uint32_t ntables,
                       const struct acpi_aml_init_counts *c, bool with_devices)
{
    struct json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_kv_uint(&j, "tables", ntables);
    json_key(&j, "objects");
    json_begin_array(&j);
    char path[512];
    for (struct acpi_aml_node *n = acpi_aml_root(aml); n != NULL; n = acpi_aml_node_next(n)) {
        acpi_aml_node_path(n, path, sizeof path);
        enum acpi_aml_type t = acpi_aml_node_type(n);
        json_begin_object(&j);
        json_kv_string(&j, "path", path);
        json_kv_string(&j, "type", type_name(t));
        if (t == ACPI_AML_TYPE_METHOD) {
            json_kv_uint(&j, "args", acpi_aml_node_method_args(n));
        }
        if (t == ACPI_AML_TYPE_ALIAS && acpi_aml_node_alias_target(n) != NULL) {
            acpi_aml_node_path(acpi_aml_node_alias_target(n), path, sizeof path);
            json_kv_string(&j, "target", path);
        }
        if (with_devices && (t == ACPI_AML_TYPE_DEVICE || t == ACPI_AML_TYPE_PROCESSOR ||
                             t == ACPI_AML_TYPE_THERMAL_ZONE)) {
            struct dev_info d;
            device_info(aml, n, &d);
            if (d.has_hid && own_child(n, "_HID")) json_kv_string(&j, "hid", d.hid);
            if (d.ncid != 0 && own_child(n, "_CID")) {
                json_key(&j, "cid");
                json_begin_array(&j);
                for (unsigned i = 0; i < d.ncid; i++) json_string(&j, d.cid[i]);
                json_end_array(&j);
            }
            if (d.has_uid && own_child(n, "_UID")) json_kv_string(&j, "uid", d.uid);
            if (d.has_adr && own_child(n, "_ADR")) json_kv_uint(&j, "adr", d.adr);
            if (d.has_sta) json_kv_uint(&j, "sta", d.sta);
        }
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key(&j, "init");
    json_begin_object(&j);
    json_kv_uint(&j, "devices", c->devices);
    json_kv_uint(&j, "sta_run", c->sta_run);
    json_kv_uint(&j, "sta_failed", c->sta_failed);
    json_kv_uint(&j, "ini_run", c->ini_run);
    json_kv_uint(&j, "ini_failed", c->ini_failed);
    json_kv_uint(&j, "reg_run", c->reg_run);
    json_kv_uint(&j, "reg_failed", c->reg_failed);
    json_kv_uint(&j, "not_present", c->not_present);
    json_end_object(&j);
    json_kv_uint(&j, "error_count", acpi_aml_error_count(aml));
    json_key(&j, "errors");
    json_begin_array(&j);
    struct acpi_aml_error e;
    for (uint32_t i = 0; acpi_aml_error_get(aml, i, &e); i++) {
        json_begin_object(&j);
        json_kv_string(&j, "path", e.path);
        json_kv_string(&j, "status", acpi_status_str(e.status));
        json_kv_uint(&j, "table", e.table);
        json_kv_uint(&j, "offset", e.aml_offset);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_kv_uint(&j, "memory_peak", acpi_aml_memory_peak(aml));
    json_end_object(&j);
    json_finish(&j);
}

static void print_text(struct acpi_aml *aml, uint32_t ntables,
                       const struct acpi_aml_init_counts *c)
{
    printf("AML namespace: %u tables\n", (unsigned)ntables);
    char path[512];
    for (struct acpi_aml_node *n = acpi_aml_root(aml); n != NULL; n = acpi_aml_node_next(n)) {
        acpi_aml_node_path(n, path, sizeof path);
        enum acpi_aml_type t = acpi_aml_node_type(n);
        printf("%-40s %s", path, type_name(t));
        if (t == ACPI_AML_TYPE_METHOD) {
            printf(" args=%u", acpi_aml_node_method_args(n));
        }
        if (t == ACPI_AML_TYPE_DEVICE || t == ACPI_AML_TYPE_PROCESSOR ||
            t == ACPI_AML_TYPE_THERMAL_ZONE) {
            struct dev_info d;
            device_info(aml, n, &d);
            if (d.has_hid && own_child(n, "_HID")) printf(" _HID=%s", d.hid);
            for (unsigned i = 0; i < d.ncid && own_child(n, "_CID"); i++) printf(" _CID=%s", d.cid[i]);
            if (d.has_uid && own_child(n, "_UID")) printf(" _UID=%s", d.uid);
            if (d.has_adr && own_child(n, "_ADR")) printf(" _ADR=0x%llX", (unsigned long long)d.adr);
            if (d.has_sta) printf(" _STA=0x%llX", (unsigned long long)d.sta);
        }
        putchar('\n');
    }
    printf("init: %u devices, _STA %u (%u failed), _INI %u (%u failed), _REG %u (%u failed), "
           "%u not present\n", c->devices, c->sta_run, c->sta_failed, c->ini_run, c->ini_failed,
           c->reg_run, c->reg_failed, c->not_present);
    struct acpi_aml_error e;
    printf("errors: %u\n", (unsigned)acpi_aml_error_count(aml));
    for (uint32_t i = 0; acpi_aml_error_get(aml, i, &e); i++) {
        printf("  %s: %s (offset 0x%X)\n", e.path, acpi_status_str(e.status), e.aml_offset);
    }
}

/* ---- main ----------------------------------------------------------------------- */

static int usage(void)
{
    fputs("usage: osdev-inspect aml [--json] [--verbose] [--pci-absent] [--eval PATH [ARG...] --]\n"
          "                         FILE... | DIR\n",
          stderr);
    return 2;
}

static bool parse_arg(const char *s, struct acpi_aml_value *v)
{
    char *end;
    memset(v, 0, sizeof *v);
    unsigned long long x = strtoull(s, &end, 0);
    if (*s != '\0' && *end == '\0') {
        v->type = ACPI_AML_TYPE_INTEGER;
        v->u.integer = x;
    } else {
        v->type = ACPI_AML_TYPE_STRING;
        v->u.string.ptr = s;
        v->u.string.len = (uint32_t)strlen(s);
    }
    return true;
}

static int add_file(struct table_file **files, size_t *n, const char *path, bool from_dir)
{
    uint8_t *data;
    size_t len;
    if (inspect_read_file(path, &data, &len) != 0) {
        fprintf(stderr, "osdev-inspect aml: cannot read %s\n", path);
        return 2;
    }
    bool dsdt = false;
    if (!is_aml_table(data, len, &dsdt)) {
        free(data);
        if (from_dir) {
            return 0;
        }
        fprintf(stderr, "osdev-inspect aml: %s is not a DSDT or SSDT\n", path);
        return 1;
    }
    struct table_file *f = realloc(*files, (*n + 1) * sizeof **files);
    if (f == NULL) {
        free(data);
        return 2;
    }
    *files = f;
    f[*n].path = strdup(path);
    f[*n].data = data;
    f[*n].len = len;
    f[*n].order = dsdt ? -1 : file_number(path);
    (*n)++;
    return 0;
}

int inspect_aml_main(int argc, char **argv)
{
    bool json = false, verbose = false, pci_absent = false;
    const char *eval = NULL;
    struct acpi_aml_value eval_args[7];
    uint32_t eval_argc = 0;
    struct table_file *files = NULL;
    size_t nfiles = 0;
    int status = 0;
    int i = 1;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t ninputs = 0;
    if (inputs == NULL) {
        return 2;
    }
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (strcmp(argv[i], "--verbose") == 0) {
            verbose = true;
        } else if (strcmp(argv[i], "--pci-absent") == 0) {
            pci_absent = true;
        } else if (strcmp(argv[i], "--eval") == 0) {
            if (++i >= argc) {
                free(inputs);
                return usage();
            }
            eval = argv[i];
            /* Arguments follow until "--" or a path that exists as a file. */
            while (i + 1 < argc && strcmp(argv[i + 1], "--") != 0 &&
                   strncmp(argv[i + 1], "--", 2) != 0) {
                FILE *probe = fopen(argv[i + 1], "rb");
                if (probe != NULL) {
                    fclose(probe);
                    break;
                }
                if (eval_argc == 7) {
                    free(inputs);
                    return usage();
                }
                parse_arg(argv[++i], &eval_args[eval_argc++]);
            }
            if (i + 1 < argc && strcmp(argv[i + 1], "--") == 0) {
                i++;
            }
        } else if (strcmp(argv[i], "--help") == 0) {
            free(inputs);
            usage();
            return 0;
        } else {
            inputs[ninputs++] = argv[i];
        }
    }
    if (ninputs == 0) {
        inputs[ninputs++] = DEFAULT_DIR;
    }
    for (size_t k = 0; k < ninputs && status < 2; k++) {
        if (inspect_is_dir(inputs[k])) {
            char **paths;
            size_t count;
            if (inspect_list_files(inputs[k], false, &paths, &count) != 0) {
                fprintf(stderr, "osdev-inspect aml: cannot list %s\n", inputs[k]);
                status = 2;
                break;
            }
            for (size_t p = 0; p < count && status < 2; p++) {
                int r = add_file(&files, &nfiles, paths[p], true);
                status = r > status ? r : status;
            }
            inspect_free_list(paths, count);
        } else {
            int r = add_file(&files, &nfiles, inputs[k], false);
            status = r > status ? r : status;
        }
    }
    free(inputs);
    /* Files named on the command line keep their order; a directory's are
     * sorted DSDT first, then SSDTs by number. A single directory is the usual
     * case, so the whole list is sorted only when one directory was given. */
    if (ninputs == 1 && nfiles > 1) {
        qsort(files, nfiles, sizeof *files, by_order);
    }
    struct fake_host *fh = calloc(1, sizeof *fh);
    struct acpi_aml *aml = NULL;
    if (fh == NULL || status >= 2 || nfiles == 0) {
        if (nfiles == 0 && status < 2) {
            fprintf(stderr, "osdev-inspect aml: no DSDT or SSDT found\n");
            status = 2;
        }
        goto out;
    }
    fh->verbose = verbose;
    struct acpi_aml_host host = {
        .ctx = fh, .map = fake_map, .unmap = fake_unmap,
        .port_read = fake_port_read, .port_write = fake_port_write,
        .pci_read = fake_pci_read, .pci_write = fake_pci_write,
        .clock_ns = fake_clock, .sleep_ms = fake_sleep, .stall_us = fake_stall,
        .log = fake_log,
    };
    /* A cap, so hostile AML cannot take the machine's memory. */
    struct acpi_aml_memory mem = { .alloc = mem_alloc, .free = mem_free, .cap = 512u << 20 };
    if (acpi_aml_create(&host, &mem, &aml) != ACPI_OK) {
        status = 2;
        goto out;
    }
    for (uint8_t s = ACPI_AML_SPACE_PCI_CONFIG; s <= ACPI_AML_SPACE_PCC; s++) {
        if (s == ACPI_AML_SPACE_PCI_CONFIG && pci_absent) {
            continue;
        }
        if (acpi_aml_install_region_handler(aml, NULL, s, fake_region, fh) != ACPI_OK) {
            status = 2;
        }
    }
    for (size_t k = 0; k < nfiles; k++) {
        enum acpi_status st = acpi_aml_load_table(aml, files[k].data, files[k].len);
        if (st != ACPI_OK) {
            if (!json) {
                fprintf(stderr, "osdev-inspect aml: %s: %s\n", files[k].path, acpi_status_str(st));
            }
            status = status > 1 ? status : 1;
        }
    }
    struct acpi_aml_init_counts counts;
    if (acpi_aml_initialize(aml, &counts) != ACPI_OK) {
        status = status > 1 ? status : 1;
    }
    if (eval != NULL) {
        struct acpi_aml_value v;
        enum acpi_status st = acpi_aml_evaluate_path(aml, NULL, eval, eval_args, eval_argc, &v);
        if (st != ACPI_OK) {
            if (json) {
                struct json j;
                json_init(&j, stdout);
                json_begin_object(&j);
                json_kv_string(&j, "path", eval);
                json_kv_string(&j, "status", acpi_status_str(st));
                json_end_object(&j);
                json_finish(&j);
            } else {
                printf("%s: %s\n", eval, acpi_status_str(st));
            }
            status = status > 1 ? status : 1;
        } else {
            if (json) {
                struct json j;
                json_init(&j, stdout);
                json_value(&j, &v, 0);
                json_finish(&j);
            } else {
                printf("%s = ", eval);
                text_value(stdout, &v, 0);
                putchar('\n');
            }
            acpi_aml_value_release(aml, &v);
        }
    } else if (json) {
        print_json(aml, (uint32_t)nfiles, &counts, true);
    } else {
        print_text(aml, (uint32_t)nfiles, &counts);
    }
    if (eval == NULL && acpi_aml_error_count(aml) != 0) {
        status = status > 1 ? status : 1;
    }
out:
    acpi_aml_destroy(aml);
    if (fh != NULL) {
        fake_free(fh);
        free(fh);
    }
    for (size_t k = 0; k < nfiles; k++) {
        free(files[k].path);
        free(files[k].data);
    }
    free(files);
    return status;
}
