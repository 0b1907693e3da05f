/* The shared rig of the events tests (events_rig.h). */
#include "tests/acpi/events_rig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/support/support.h"

int events_table_compile(struct events_table *t, const char *asl)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/osdev_aml_events_XXXXXX");
    t->aml = NULL;
    if (mkdtemp(t->dir) == NULL) {
        return -1;
    }
    char path[320], cmd[800];
    snprintf(path, sizeof path, "%s/t.asl", t->dir);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }
    fputs(asl, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && iasl -p t t.asl >iasl.log 2>&1", t->dir);
    if (system(cmd) != 0) {
        return -1;
    }
    snprintf(path, sizeof path, "%s/t.aml", t->dir);
    return support_read_file(path, &t->aml, &t->len);
}

void events_table_remove(struct events_table *t)
{
    free(t->aml);
    t->aml = NULL;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", t->dir);
    if (system(cmd) != 0) {
        printf("could not remove %s\n", t->dir);
    }
}

bool acpiexec_run(const char *dir, const char *files, const char *commands,
                         acpiexec_line_fn fn, void *ctx)
{
    size_t size = strlen(dir) + strlen(files) + strlen(commands) + 128;
    char *cmd = malloc(size);
    char line[512];
    assert_non_null(cmd);
    snprintf(cmd, size, "cd '%s' && timeout 120 acpiexec -b '%s' %s 2>&1", dir, commands, files);
    FILE *p = popen(cmd, "r");
    free(cmd);
    if (p == NULL) {
        return false;
    }
    while (fgets(line, sizeof line, p) != NULL) {
        fn(line, ctx);
    }
    return pclose(p) != -1;
}

struct after_return {
    acpiexec_line_fn fn;
    void *ctx;
    bool returned;
};

static void after_return_line(const char *line, void *ctx)
{
    struct after_return *a = ctx;
    if (strstr(line, "Evaluation of") != NULL && strstr(line, "returned") != NULL) {
        a->returned = true;
    } else if (a->returned) {
        a->fn(line, a->ctx);
    }
}

bool acpiexec_eval(const char *dir, const char *files, const char *path,
                          acpiexec_line_fn fn, void *ctx)
{
    char commands[200];
    snprintf(commands, sizeof commands, "evaluate %s", path);
    struct after_return a = { fn, ctx, false };
    return acpiexec_run(dir, files, commands, after_return_line, &a) && a.returned;
}

void buffer_line(const char *line, void *ctx)
{
    struct bytes *x = ctx;
    const char *p = line;
    /* A buffer of up to 16 bytes is printed on its header line:
     * "  [Buffer] Length 0A =     0000: 47 01 ..." */
    const char *header = strstr(line, "[Buffer] Length");
    if (header != NULL) {
        p = strstr(header, "= ");
        if (p == NULL) {
            return;
        }
        p += 2;
    }
    while (*p == ' ') {
        p++;
    }
    if (strlen(p) < 6 || p[4] != ':') {
        return;
    }
    p += 5;
    const char *end = strstr(p, "//");
    while (end != NULL && p < end && x->n < sizeof x->b) {
        char *after;
        unsigned long v = strtoul(p, &after, 16);
        if (after == p || after > end) {
            break;
        }
        x->b[x->n++] = (uint8_t)v;
        p = after;
    }
}

static uint32_t rig_port_read(void *ctx, uint16_t port, uint8_t width)
{
    struct rig *r = ctx;
    return mock_port_read(&r->m->ports, port, width);
}

static void rig_port_write(void *ctx, uint16_t port, uint8_t width, uint32_t value)
{
    struct rig *r = ctx;
    mock_port_write(&r->m->ports, port, width, value);
}

static void rig_notify(void *ctx, const struct acpi_aml_node *node, uint64_t value)
{
    struct rig *r = ctx;
    acpi_aml_events_notify(&r->ae, node, value);
}

struct rig *rig_new(const struct events_table *t, bool deferred)
{
    struct rig *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->m = hw_model_qemu("q35-seabios", &r->fadt);
    hw_model_io(r->m, 0x80, 1, HW_RAM);
    /* The GPE block devices of test_aml_gpe.c's table (ACPI 6.5, 9.10): an
     * I/O block at 0xFC00 and a memory one at RIG_GPE_MMIO, each 2 status then
     * 2 (4 then 4) enable bytes. */
    hw_model_io(r->m, 0xFC00, 2, HW_W1C);
    hw_model_io(r->m, 0xFC02, 2, HW_RAM);
    hw_model_mem(r->m, RIG_GPE_MMIO, 4, HW_W1C);
    hw_model_mem(r->m, RIG_GPE_MMIO + 4, 4, HW_RAM);
    ec_model_init(&r->ecm);
    assert_int_equal(ec_model_attach(&r->ecm, &r->m->ports, 0x62, 0x66), 0);
    r->wait = hw_model_wait(r->m, 1000);
    r->fake = aml_fake_new();
    assert_non_null(r->fake);
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    aml_fake_host(r->fake, &host);
    aml_fake_memory(r->fake, &mem);
    host.ctx = r;
    host.map = NULL;
    host.unmap = NULL;
    host.port_read = rig_port_read;
    host.port_write = rig_port_write;
    host.notify = rig_notify;
    assert_int_equal(acpi_aml_create(&host, &mem, &r->aml), ACPI_OK);
    assert_int_equal(acpi_aml_load_table(r->aml, t->aml, t->len), ACPI_OK);
    struct acpi_aml_init_counts c;
    assert_int_equal(acpi_aml_initialize(r->aml, &c), ACPI_OK);
    assert_int_equal(acpi_events_init(&r->ev, &r->m->host, &r->fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_init(&r->gpe, &r->m->host, &r->fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_reset(&r->gpe), ACPI_OK);
    acpi_events_attach_gpe(&r->ev, &r->gpe);
    assert_int_equal(acpi_aml_events_init(&r->ae, r->aml, &r->ev, &r->gpe), ACPI_OK);
    acpi_aml_events_set_deferred(&r->ae, deferred);
    assert_int_equal(acpi_aml_events_scan(&r->ae), ACPI_OK);
    mock_port_clear_log(&r->m->ports);
    return r;
}

void rig_free(struct rig *r)
{
    acpi_aml_destroy(r->aml);
    aml_fake_free(r->fake);
    hw_model_free(r->m);
    free(r);
}

struct acpi_aml_node *node(struct rig *r, const char *path)
{
    struct acpi_aml_node *n;
    assert_int_equal(acpi_aml_lookup(r->aml, NULL, path, &n), ACPI_OK);
    return n;
}

bool bit(const uint8_t *bits, unsigned n)
{
    return (bits[n / 8] & (1u << (n % 8))) != 0;
}

size_t debug_writes(const struct rig *r, uint8_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < r->m->ports.log_count && n < max; i++) {
        const struct mock_port_access *a = &r->m->ports.log[i];
        if (a->is_write && a->port == 0x80) {
            out[n++] = (uint8_t)a->value;
        }
    }
    return n;
}

void raise_gpe(struct rig *r, unsigned n)
{
    r->m->io[0x620 + n / 8] |= (uint8_t)(1u << (n % 8));
}

void record(void *ctx, const struct acpi_aml_node *n, uint64_t value)
{
    struct seen *s = ctx;
    if (s->count < 8) {
        s->node[s->count] = n;
        s->value[s->count] = value;
    }
    s->count++;
}

struct ints {
    uint64_t *out;
    int max, n;
};

static void int_line(const char *line, void *ctx)
{
    struct ints *x = ctx;
    const char *i = strstr(line, "[Integer] = ");
    if (i != NULL && x->n < x->max) {
        x->out[x->n++] = strtoull(i + 12, NULL, 16);
    }
}

int acpiexec_ints(const char *dir, const char *path, uint64_t *out, int max)
{
    struct ints x = { out, max, 0 };
    return acpiexec_eval(dir, "t.aml", path, int_line, &x) ? x.n : -1;
}

int events_table_prepare(struct events_table *t, const char *asl)
{
    if (system("command -v iasl >/dev/null 2>&1 && command -v acpiexec >/dev/null 2>&1") != 0) {
        printf("skip: iasl or acpiexec missing (acpica-tools)\n");
        return 77;
    }
    if (events_table_compile(t, asl) != 0) {
        printf("skip: iasl could not compile the test table\n");
        return 77;
    }
    return 0;
}
