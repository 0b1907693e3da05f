#include "hw_model.h"

#include <stdarg.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iasl_text.h"
#include "support.h"

static uint8_t *backing(struct hw_model *m, bool mem, uint64_t addr)
{
    if (mem) {
        assert_true(addr >= HW_MODEL_MEM_BASE && addr - HW_MODEL_MEM_BASE < sizeof m->mem);
        return &m->mem[addr - HW_MODEL_MEM_BASE];
    }
    assert_true(addr < sizeof m->io);
    return &m->io[addr];
}

static const struct hw_span *span_of(const struct hw_model *m, bool mem, uint64_t addr)
{
    for (unsigned i = 0; i < m->span_count; i++) {
        const struct hw_span *s = &m->spans[i];
        if (s->mem == mem && addr >= s->first && addr - s->first < s->count)
            return s;
    }
    return NULL;
}

static uint64_t core_read(struct hw_model *m, bool mem, uint64_t addr, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++) {
        for (unsigned t = 0; t < m->trigger_count; t++) {
            struct hw_trigger *tr = &m->triggers[t];
            if (tr->armed && tr->mem == mem && tr->target == addr + i && tr->reads++ >= tr->delay) {
                *backing(m, mem, tr->target) |= tr->target_bit;
                tr->armed = false;
            }
        }
        v |= (uint64_t)*backing(m, mem, addr + i) << (8 * i);
    }
    return v;
}

static void core_write(struct hw_model *m, bool mem, uint64_t addr, unsigned bytes, uint64_t value)
{
    for (unsigned t = 0; t < m->trigger_count; t++) {
        struct hw_trigger *tr = &m->triggers[t];
        if (tr->mem == mem && tr->write_addr == addr && (value & tr->write_mask) == tr->write_match) {
            tr->fired++;
            if (tr->delay != HW_MODEL_NEVER) {
                tr->armed = true;
                tr->reads = 0;
            }
        }
    }
    for (unsigned i = 0; i < bytes; i++) {
        const struct hw_span *s = span_of(m, mem, addr + i);
        uint8_t *b = backing(m, mem, addr + i);
        uint8_t byte = (uint8_t)(value >> (8 * i));
        if (s != NULL && s->kind == HW_W1C)
            *b = (uint8_t)(*b & ~byte);
        else if (s != NULL && s->kind == HW_PM1_CNT && addr + i == s->first + 1)
            *b = (uint8_t)(byte & ~0x20u); /* SLP_EN (bit 13) reads as 0 */
        else
            *b = byte;
    }
}

static uint32_t span_read(void *dev, uint16_t port, unsigned width)
{
    struct hw_span *s = dev;
    return (uint32_t)core_read(s->m, false, port, width);
}

static void span_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct hw_span *s = dev;
    core_write(s->m, false, port, width, value);
}

static enum acpi_status io_read(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    struct hw_model *m = ctx;
    *value = mock_port_read(&m->ports, port, width / 8);
    return ACPI_OK;
}

static enum acpi_status io_write(void *ctx, uint16_t port, unsigned width, uint32_t value)
{
    struct hw_model *m = ctx;
    mock_port_write(&m->ports, port, width / 8, value);
    return ACPI_OK;
}

static void mem_record(struct hw_model *m, uint64_t addr, unsigned width, bool w, uint64_t v)
{
    assert_true(m->mem_log_count < sizeof m->mem_log / sizeof m->mem_log[0]);
    m->mem_log[m->mem_log_count++] = (struct hw_mem_access){addr, (uint8_t)width, w, v};
}

static enum acpi_status mem_read(void *ctx, uint64_t phys, unsigned width, uint64_t *value)
{
    struct hw_model *m = ctx;
    *value = core_read(m, true, phys, width / 8);
    mem_record(m, phys, width, false, *value);
    return ACPI_OK;
}

static enum acpi_status mem_write(void *ctx, uint64_t phys, unsigned width, uint64_t value)
{
    struct hw_model *m = ctx;
    mem_record(m, phys, width, true, value);
    core_write(m, true, phys, width / 8, value);
    return ACPI_OK;
}

struct hw_model *hw_model_new(void)
{
    struct hw_model *m = calloc(1, sizeof *m);
    assert_non_null(m);
    mock_port_init(&m->ports);
    m->host = (struct acpi_hw_host){
        .ctx = m, .memory_read = mem_read, .memory_write = mem_write,
        .io_read = io_read, .io_write = io_write};
    return m;
}

void hw_model_free(struct hw_model *m)
{
    free(m);
}

static struct hw_span *add_span(struct hw_model *m, bool mem, uint64_t first, uint32_t count,
                                enum hw_span_kind kind)
{
    assert_true(m->span_count < sizeof m->spans / sizeof m->spans[0]);
    struct hw_span *s = &m->spans[m->span_count++];
    *s = (struct hw_span){m, mem, first, count, kind};
    return s;
}

void hw_model_io(struct hw_model *m, uint16_t first, uint32_t count, enum hw_span_kind kind)
{
    struct hw_span *s = add_span(m, false, first, count, kind);
    assert_int_equal(mock_port_add(&m->ports, first, (uint16_t)count, span_read, span_write, s), 0);
}

void hw_model_mem(struct hw_model *m, uint64_t first, uint32_t count, enum hw_span_kind kind)
{
    add_span(m, true, first, count, kind);
}

void hw_model_fadt(struct hw_model *m, const struct acpi_fadt *f)
{
    uint32_t evt[2] = {f->pm1a_evt_blk, f->pm1b_evt_blk};
    uint32_t cnt[2] = {f->pm1a_cnt_blk, f->pm1b_cnt_blk};
    for (int i = 0; i < 2; i++) {
        if (evt[i] != 0) {
            hw_model_io(m, (uint16_t)evt[i], f->pm1_evt_len / 2u, HW_W1C);
            hw_model_io(m, (uint16_t)(evt[i] + f->pm1_evt_len / 2u), f->pm1_evt_len / 2u, HW_RAM);
        }
        if (cnt[i] != 0)
            hw_model_io(m, (uint16_t)cnt[i], f->pm1_cnt_len, HW_PM1_CNT);
    }
    if (f->pm_tmr_blk != 0)
        hw_model_io(m, (uint16_t)f->pm_tmr_blk, f->pm_tmr_len, HW_RAM);
    uint32_t gpe[2] = {f->gpe0_blk, f->gpe1_blk};
    uint8_t len[2] = {f->gpe0_blk_len, f->gpe1_blk_len};
    for (int i = 0; i < 2; i++) {
        if (gpe[i] == 0 || len[i] == 0)
            continue;
        hw_model_io(m, (uint16_t)gpe[i], len[i] / 2u, HW_W1C);
        hw_model_io(m, (uint16_t)(gpe[i] + len[i] / 2u), len[i] / 2u, HW_RAM);
    }
    if (f->smi_cmd != 0)
        hw_model_io(m, (uint16_t)f->smi_cmd, 1, HW_RAM);
}

struct hw_trigger *hw_model_trigger(struct hw_model *m, bool mem, uint64_t write_addr,
                                    uint32_t mask, uint32_t match, uint64_t target, uint8_t bit,
                                    uint32_t delay)
{
    assert_true(m->trigger_count < sizeof m->triggers / sizeof m->triggers[0]);
    struct hw_trigger *t = &m->triggers[m->trigger_count++];
    *t = (struct hw_trigger){.mem = mem, .write_addr = write_addr, .write_mask = mask,
                             .write_match = match, .target = target, .target_bit = bit,
                             .delay = delay};
    return t;
}

uint16_t hw_model_get16(const struct hw_model *m, uint16_t port)
{
    return (uint16_t)(m->io[port] | (m->io[(uint16_t)(port + 1)] << 8));
}

void hw_model_set16(struct hw_model *m, uint16_t port, uint16_t value)
{
    m->io[port] = (uint8_t)value;
    m->io[(uint16_t)(port + 1)] = (uint8_t)(value >> 8);
}

static void count_stall(void *ctx, uint32_t us)
{
    struct hw_model *m = ctx;
    assert_int_equal(us, 10);
    m->stalls++;
}

struct acpi_hw_wait hw_model_wait(struct hw_model *m, uint32_t max_polls)
{
    return (struct acpi_hw_wait){.ctx = m, .stall = count_stall, .interval_us = 10,
                                 .max_polls = max_polls};
}

void hw_model_expect(const struct hw_model *m, size_t i, uint16_t port, unsigned width,
                     bool is_write, uint32_t value)
{
    if (i >= m->ports.log_count)
        fail_msg("access %zu missing (log has %zu)", i, m->ports.log_count);
    const struct mock_port_access *a = &m->ports.log[i];
    if (a->port != port || a->width != width || a->is_write != is_write || a->value != value)
        fail_msg("access %zu: %s%u 0x%X = 0x%X, expected %s%u 0x%X = 0x%X", i,
                 a->is_write ? "out" : "in", a->width, a->port, a->value,
                 is_write ? "out" : "in", width, port, value);
}

struct acpi_fadt hw_model_qemu_fadt(const char *config)
{
    char rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/FACP.dat", config);
    uint8_t *bytes;
    size_t len;
    assert_int_equal(support_read_file(support_path(rel), &bytes, &len), 0);
    struct acpi_fadt fadt;
    assert_int_equal(acpi_fadt_parse(bytes, len, &fadt), ACPI_OK);
    fadt.header.bytes = NULL; /* the decoded fields are all we keep */
    free(bytes);
    return fadt;
}

struct hw_model *hw_model_qemu(const char *config, struct acpi_fadt *fadt)
{
    struct hw_model *m = hw_model_new();
    *fadt = hw_model_qemu_fadt(config);
    hw_model_fadt(m, fadt);
    return m;
}

struct acpi_fadt hw_model_blank_fadt(void)
{
    struct acpi_fadt f;
    memset(&f, 0, sizeof f);
    f.length = ACPI_FADT_LENGTH_6_5;
    f.header.length = ACPI_FADT_LENGTH_6_5;
    return f;
}

struct each_fadt {
    hw_model_fadt_fn fn;
    void *ctx;
};

static void each_fadt(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    const struct each_fadt *e = ctx;
    struct acpi_fadt fadt;
    assert_int_equal(acpi_fadt_parse(bytes, len, &fadt), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    e->fn(path, &fadt, &t, e->ctx);
    iasl_text_free(&t);
}

int hw_model_each_corpus_fadt(hw_model_fadt_fn fn, void *ctx)
{
    if (!iasl_available())
        return -1;
    struct each_fadt e = {fn, ctx};
    return corpus_each_table("facp", each_fadt, &e);
}

/* The integer elements of Name (_Sx, Package ...) in a fixture's DSDT.dsl:
 * iasl prints one element a line, as Zero, One, Ones or 0xNN. */
size_t hw_model_dsl_package(const char *config, const char *name, uint64_t *out, size_t max)
{
    char rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/DSDT.dsl", config);
    uint8_t *bytes;
    size_t len;
    assert_int_equal(support_read_file(support_path(rel), &bytes, &len), 0);
    char *text = malloc(len + 1); /* NUL-terminated for strstr */
    assert_non_null(text);
    memcpy(text, bytes, len);
    text[len] = '\0';
    free(bytes);
    char needle[32];
    snprintf(needle, sizeof needle, "Name (%s, Package (", name);
    char *p = strstr(text, needle);
    size_t n = 0;
    if (p != NULL) {
        p = strchr(p, '{');
        assert_non_null(p);
        p++;
        while (n < max) {
            while (*p != '\0' && isspace((unsigned char)*p))
                p++;
            if (*p == '}' || *p == '\0')
                break;
            if (strncmp(p, "Zero", 4) == 0)
                out[n++] = 0, p += 4;
            else if (strncmp(p, "Ones", 4) == 0)
                out[n++] = ~(uint64_t)0, p += 4;
            else if (strncmp(p, "One", 3) == 0)
                out[n++] = 1, p += 3;
            else if (strncmp(p, "0x", 2) == 0)
                out[n++] = strtoull(p, &p, 16);
            else
                fail_msg("unexpected package element in %s: %.20s", rel, p);
            if (*p == ',')
                p++;
        }
    }
    free(text);
    return n;
}

static void hw_lock_acquire(void *ctx)
{
    struct hw_lock *l = ctx;
    assert_false(l->held);
    l->held = true;
    l->acquired++;
}

static void hw_lock_release(void *ctx)
{
    struct hw_lock *l = ctx;
    assert_true(l->held);
    l->held = false;
    l->released++;
}

struct acpi_sci_lock hw_lock_sci(struct hw_lock *lock)
{
    return (struct acpi_sci_lock){lock, hw_lock_acquire, hw_lock_release};
}
