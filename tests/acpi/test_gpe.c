/* GPE blocks: geometry from QEMU's FADTs and the 40 corpus FADTs against
 * ACPICA's decoding (iasl), exact byte-wide port accesses for enable,
 * status, clear, reset, wake masks and dispatch (ACPI 6.5, 4.8.4.1, 5.6.4)
 * over the W1C register model; hand-made FADTs for GPE1 with a base, an
 * MMIO X_GPE0 block and malformed blocks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/gpe.h"
#include "hw_model.h"
#include "iasl_text.h"
#include "support.h"

/* GPE0 address and length as ACPICA decodes the fixture's FADT. */
static void qemu_gpe0(const char *config, uint64_t *address, uint64_t *length)
{
    char rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/FACP.dsl", config);
    struct iasl_text t;
    assert_int_equal(iasl_text_load(support_path(rel), &t), 0);
    assert_true(iasl_hex(&t, 0x50, 0x54, "GPE0 Block Address", address));
    assert_true(iasl_hex(&t, 0x5C, 0x5D, "GPE0 Block Length", length));
    iasl_text_free(&t);
}

static void qemu_geometry_and_enable(void **state)
{
    (void)state;
    static const char *configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf"};
    for (size_t c = 0; c < 3; c++) {
        uint64_t addr, len;
        qemu_gpe0(configs[c], &addr, &len);
        struct acpi_fadt fadt;
        struct hw_model *m = hw_model_qemu(configs[c], &fadt);
        struct acpi_gpe gpe;
        assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
        /* 4.8.4.1: half the block is status, one bit per GPE. */
        assert_int_equal(gpe.block_count, 1);
        assert_int_equal(acpi_gpe_count(&gpe), len / 2 * 8);
        assert_true(acpi_gpe_valid(&gpe, (uint16_t)(len / 2 * 8 - 1)));
        assert_false(acpi_gpe_valid(&gpe, (uint16_t)(len / 2 * 8)));
        /* QEMU's DSDT has \_GPE._E02 (hotplug): enabling GPE 2 is a byte
         * read-modify-write of the first enable register. */
        assert_int_equal(acpi_gpe_enable(&gpe, 2), ACPI_OK);
        hw_model_expect(m, 0, (uint16_t)(addr + len / 2), 1, false, 0);
        hw_model_expect(m, 1, (uint16_t)(addr + len / 2), 1, true, 0x04);
        /* GPE 9: the second register, bit 1. */
        assert_int_equal(acpi_gpe_enable(&gpe, 9), ACPI_OK);
        hw_model_expect(m, 3, (uint16_t)(addr + len / 2 + 1), 1, true, 0x02);
        assert_int_equal(acpi_gpe_disable(&gpe, 2), ACPI_OK);
        hw_model_expect(m, 5, (uint16_t)(addr + len / 2), 1, true, 0x00);
        assert_int_equal(m->ports.log_count, 6);
        assert_int_equal(m->ports.unclaimed, 0);
        hw_model_free(m);
    }
}

static void status_and_clear(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    /* q35 FACP.dsl: GPE0 at 0x620, 16 bytes: status 0x620-0x627, enable 0x628-0x62F. */
    m->io[0x621] = 0x82; /* GPE 9 and GPE 15 pending */
    m->io[0x629] = 0x02; /* GPE 9 enabled */
    bool set, en;
    assert_int_equal(acpi_gpe_status(&gpe, 9, &set, &en), ACPI_OK);
    assert_true(set);
    assert_true(en);
    assert_int_equal(acpi_gpe_status(&gpe, 15, &set, &en), ACPI_OK);
    assert_true(set);
    assert_false(en);
    assert_int_equal(acpi_gpe_status(&gpe, 8, &set, NULL), ACPI_OK);
    assert_false(set);
    mock_port_clear_log(&m->ports);
    /* Write one to clear: the GPE's bit alone, one byte write, no read. */
    assert_int_equal(acpi_gpe_clear(&gpe, 9), ACPI_OK);
    assert_int_equal(m->ports.log_count, 1);
    hw_model_expect(m, 0, 0x621, 1, true, 0x02);
    assert_int_equal(m->io[0x621], 0x80); /* GPE 15 still pending */
    hw_model_free(m);
}

static void reset_and_wake_masks(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("i440fx-seabios", &fadt);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    /* i440fx FACP.dsl: GPE0 at 0xAFE0, 4 bytes. */
    m->io[0xAFE0] = 0xFF, m->io[0xAFE1] = 0x13, m->io[0xAFE2] = 0x55, m->io[0xAFE3] = 0x01;
    assert_int_equal(acpi_gpe_reset(&gpe), ACPI_OK);
    /* Enables first (no new SCI while statuses are cleared), then statuses. */
    assert_int_equal(m->ports.log_count, 4);
    hw_model_expect(m, 0, 0xAFE2, 1, true, 0);
    hw_model_expect(m, 1, 0xAFE3, 1, true, 0);
    hw_model_expect(m, 2, 0xAFE0, 1, true, 0xFF);
    hw_model_expect(m, 3, 0xAFE1, 1, true, 0xFF);
    assert_memory_equal(&m->io[0xAFE0], "\0\0\0\0", 4);
    /* Run-time GPE 2 and wake GPEs 3 (_PRW) and 9. */
    assert_int_equal(acpi_gpe_enable(&gpe, 2), ACPI_OK);
    assert_int_equal(acpi_gpe_set_wake(&gpe, 3, true), ACPI_OK);
    assert_int_equal(acpi_gpe_set_wake(&gpe, 9, true), ACPI_OK);
    assert_int_equal(m->io[0xAFE2], 0x04); /* marking a wake GPE touches nothing */
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_gpe_arm_wake(&gpe), ACPI_OK);
    hw_model_expect(m, 0, 0xAFE2, 1, true, 0x08);
    hw_model_expect(m, 1, 0xAFE3, 1, true, 0x02);
    hw_model_expect(m, 2, 0xAFE0, 1, true, 0xFF);
    hw_model_expect(m, 3, 0xAFE1, 1, true, 0xFF);
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_gpe_restore_runtime(&gpe), ACPI_OK);
    hw_model_expect(m, 0, 0xAFE2, 1, true, 0x04);
    hw_model_expect(m, 1, 0xAFE3, 1, true, 0x00);
    assert_int_equal(acpi_gpe_set_wake(&gpe, 9, false), ACPI_OK);
    assert_int_equal(acpi_gpe_arm_wake(&gpe), ACPI_OK);
    assert_int_equal(m->io[0xAFE3], 0x00);
    hw_model_free(m);
}

struct calls {
    struct hw_model *m;
    uint16_t gpe[16];
    enum acpi_gpe_trigger trigger[16];
    bool status_at_call[16];
    unsigned n;
    enum acpi_gpe_result result; /* what the handler answers */
};

static enum acpi_gpe_result record(void *ctx, uint16_t n, enum acpi_gpe_trigger trigger)
{
    struct calls *c = ctx;
    assert_true(c->n < 16);
    c->gpe[c->n] = n;
    c->trigger[c->n] = trigger;
    /* q35 GPE0 status byte of this GPE, as the hardware holds it now. */
    c->status_at_call[c->n] = (c->m->io[0x620 + n / 8] >> (n % 8)) & 1u;
    c->n++;
    return c->result;
}

static void dispatch_edge_and_level(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    struct calls c = {.m = m};
    acpi_gpe_set_handler(&gpe, record, &c);
    /* q35's DSDT: \_GPE._E01 and _E02 are edge GPEs; 0x21 a level one. */
    assert_int_equal(acpi_gpe_set_trigger(&gpe, 1, ACPI_GPE_EDGE), ACPI_OK);
    assert_int_equal(acpi_gpe_set_trigger(&gpe, 2, ACPI_GPE_EDGE), ACPI_OK);
    assert_int_equal(acpi_gpe_set_trigger(&gpe, 0x21, ACPI_GPE_LEVEL), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 1), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 2), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 0x21), ACPI_OK);
    m->io[0x620] = 0x16;       /* GPEs 1, 2 and 4 (4 not enabled) */
    m->io[0x624] = 0x02;       /* GPE 0x21 */
    mock_port_clear_log(&m->ports);
    unsigned handled;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 3);
    assert_int_equal(c.n, 3);
    assert_int_equal(c.gpe[0], 1);
    assert_int_equal(c.gpe[1], 2);
    assert_int_equal(c.gpe[2], 0x21);
    assert_int_equal(c.trigger[0], ACPI_GPE_EDGE);
    assert_int_equal(c.trigger[2], ACPI_GPE_LEVEL);
    /* 5.6.4: edge cleared before its handler, level after it. */
    assert_false(c.status_at_call[0]);
    assert_false(c.status_at_call[1]);
    assert_true(c.status_at_call[2]);
    assert_int_equal(m->io[0x620], 0x10); /* GPE 4 untouched: not enabled */
    assert_int_equal(m->io[0x624], 0x00);
    /* Register 0: read status, read enable, clear bit 1, clear bit 2. */
    hw_model_expect(m, 0, 0x620, 1, false, 0x16);
    hw_model_expect(m, 1, 0x628, 1, false, 0x06);
    hw_model_expect(m, 2, 0x620, 1, true, 0x02);
    hw_model_expect(m, 3, 0x620, 1, true, 0x04);
    /* Nothing pending: reads only, 0 handled (a shared SCI that is not ours). */
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    for (size_t i = 0; i < m->ports.log_count; i++)
        assert_false(m->ports.log[i].is_write);
    assert_int_equal(m->ports.log_count, 16);
    hw_model_free(m);
}

static void deferred_level_gpe(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    struct calls c = {.m = m, .result = ACPI_GPE_DEFERRED};
    acpi_gpe_set_handler(&gpe, record, &c);
    assert_int_equal(acpi_gpe_enable(&gpe, 0x0B), ACPI_OK); /* level, the default */
    assert_int_equal(acpi_gpe_set_trigger(&gpe, 0x0C, ACPI_GPE_EDGE), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 0x0C), ACPI_OK);
    m->io[0x621] = 0x18; /* GPEs 0x0B and 0x0C */
    unsigned handled;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 2);
    /* Deferred: both masked in the hardware; the level one still pending,
     * the edge one cleared before its handler; both still run-time GPEs. */
    assert_int_equal(m->io[0x629], 0x00);
    assert_int_equal(m->io[0x621], 0x08);
    assert_int_equal(gpe.runtime[1], 0x18);
    /* A second SCI meanwhile finds nothing enabled. */
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    /* The method ran: clear (level), then unmask. */
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_gpe_finish(&gpe, 0x0B), ACPI_OK);
    hw_model_expect(m, 0, 0x621, 1, true, 0x08);
    hw_model_expect(m, 1, 0x629, 1, false, 0x00);
    hw_model_expect(m, 2, 0x629, 1, true, 0x08);
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_gpe_finish(&gpe, 0x0C), ACPI_OK); /* edge: no clear */
    hw_model_expect(m, 0, 0x629, 1, false, 0x08);
    hw_model_expect(m, 1, 0x629, 1, true, 0x18);
    assert_int_equal(m->ports.log_count, 2);
    /* Disabled while its method ran: finishing clears but does not unmask. */
    m->io[0x621] = 0x08;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(acpi_gpe_disable(&gpe, 0x0B), ACPI_OK);
    assert_int_equal(acpi_gpe_finish(&gpe, 0x0B), ACPI_OK);
    assert_int_equal(m->io[0x621], 0x00);
    assert_int_equal(m->io[0x629], 0x10);
    assert_int_equal(acpi_gpe_finish(&gpe, 0x40), ACPI_INVALID_ARGUMENT);
    hw_model_free(m);
}

struct locked_calls {
    struct calls c;
    struct hw_lock *lock;
    bool held_at_call[16];
};

static enum acpi_gpe_result record_locked(void *ctx, uint16_t n, enum acpi_gpe_trigger trigger)
{
    struct locked_calls *lc = ctx;
    lc->held_at_call[lc->c.n] = lc->lock->held;
    return record(&lc->c, n, trigger);
}

/* Deferred mode (5.6.4's order split over the SCI and a worker): the SCI
 * acknowledges an edge GPE, masks both and calls nothing; the worker runs
 * each handler outside the lock, clears a level GPE after it and unmasks. */
static void deferred_mode_split(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("q35-seabios", &fadt);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    struct hw_lock lock = {0};
    struct acpi_sci_lock sci_lock = hw_lock_sci(&lock);
    struct locked_calls lc = {.c = {.m = m}, .lock = &lock};
    acpi_gpe_set_handler(&gpe, record_locked, &lc);
    acpi_gpe_set_lock(&gpe, &sci_lock);
    acpi_gpe_set_deferred(&gpe, true);
    assert_int_equal(acpi_gpe_set_trigger(&gpe, 2, ACPI_GPE_EDGE), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 2), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 0x21), ACPI_OK); /* level */
    assert_false(acpi_gpe_deferred_pending(&gpe));
    m->io[0x620] = 0x04;
    m->io[0x624] = 0x02;
    unsigned handled, ran;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 2);
    assert_int_equal(lc.c.n, 0);                 /* nothing ran in the SCI */
    assert_int_equal(m->io[0x620], 0x00);            /* edge acknowledged */
    assert_int_equal(m->io[0x624], 0x02);            /* level still asserted */
    assert_int_equal(m->io[0x628], 0x00);            /* both masked */
    assert_int_equal(m->io[0x62C], 0x00);
    assert_true(acpi_gpe_deferred_pending(&gpe));
    assert_int_equal(lock.acquired, 1);
    /* Another edge while the worker has not run yet: latched, masked. */
    m->io[0x620] = 0x04;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    assert_int_equal(acpi_gpe_run_deferred(&gpe, &ran), ACPI_OK);
    assert_int_equal(ran, 2);
    assert_int_equal(lc.c.n, 2);
    assert_int_equal(lc.c.gpe[0], 2);
    assert_int_equal(lc.c.gpe[1], 0x21);
    assert_false(lc.held_at_call[0]);                /* methods run outside the lock */
    assert_false(lc.held_at_call[1]);
    assert_true(lc.c.status_at_call[1]);             /* level: cleared after its method */
    assert_int_equal(m->io[0x624], 0x00);
    assert_int_equal(m->io[0x628], 0x04);            /* unmasked */
    assert_int_equal(m->io[0x62C], 0x02);
    assert_false(acpi_gpe_deferred_pending(&gpe));
    assert_int_equal(lock.acquired, lock.released);
    /* The latched edge raises the next SCI once unmasked. */
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 1);
    assert_int_equal(acpi_gpe_run_deferred(&gpe, &ran), ACPI_OK);
    assert_int_equal(ran, 1);
    /* Immediate mode again: the handler runs inside the dispatch, under the lock. */
    acpi_gpe_set_deferred(&gpe, false);
    m->io[0x624] = 0x02;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(lc.c.n, 4);
    assert_true(lc.held_at_call[3]);
    assert_int_equal(m->io[0x624], 0x00);
    assert_int_equal(acpi_gpe_run_deferred(&gpe, &ran), ACPI_OK);
    assert_int_equal(ran, 0);
    assert_int_equal(acpi_gpe_run_deferred(NULL, &ran), ACPI_INVALID_ARGUMENT);
    hw_model_free(m);
}

/* A GPE block device's registers (ACPI 6.5, 9.10's example: IO (Decode16,
 * 0xFC00, 0xFC03, 4, 4)): status bytes 0xFC00-0xFC01, enable bytes
 * 0xFC02-0xFC03 (4.8.4.1's layout), GPEs 0-15 of the block. */
static void block_device_registers(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    hw_model_io(m, 0xFC00, 2, HW_W1C);
    hw_model_io(m, 0xFC02, 2, HW_RAM);
    struct acpi_gpe gpe;
    struct acpi_gas io = {ACPI_GAS_SYSTEM_IO, 8, 0, ACPI_GAS_ACCESS_BYTE, 0xFC00};
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, &io, 4), ACPI_OK);
    assert_int_equal(acpi_gpe_count(&gpe), 16);
    assert_true(acpi_gpe_valid(&gpe, 15));
    assert_false(acpi_gpe_valid(&gpe, 16));
    assert_int_equal(acpi_gpe_reset(&gpe), ACPI_OK);
    mock_port_clear_log(&m->ports);
    assert_int_equal(acpi_gpe_enable(&gpe, 9), ACPI_OK);
    hw_model_expect(m, 0, 0xFC03, 1, false, 0x00);
    hw_model_expect(m, 1, 0xFC03, 1, true, 0x02);
    m->io[0xFC01] = 0x02;
    assert_int_equal(acpi_gpe_clear(&gpe, 9), ACPI_OK);
    assert_int_equal(m->io[0xFC01], 0x00);
    assert_int_equal(m->ports.unclaimed, 0);
    /* Malformed blocks, each a status. */
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, &io, 3), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, &io, 0), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, &io, 66), ACPI_BAD_ENTRY);
    assert_int_equal(acpi_gpe_count(&gpe), 0);
    io.address = 0xFFFE;
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, &io, 4), ACPI_BAD_ADDRESS);
    io.space_id = ACPI_GAS_PCI_CONFIG;
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, &io, 4), ACPI_UNSUPPORTED);
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, NULL, 4), ACPI_INVALID_ARGUMENT);
    /* The largest block: 64 bytes, GPEs 0-255, in memory. */
    struct acpi_gas mem = {ACPI_GAS_SYSTEM_MEMORY, 8, 0, ACPI_GAS_ACCESS_BYTE, HW_MODEL_MEM_BASE};
    assert_int_equal(acpi_gpe_init_block(&gpe, &m->host, &mem, 64), ACPI_OK);
    assert_int_equal(acpi_gpe_count(&gpe), 256);
    hw_model_free(m);
}

static void dispatch_without_handler_disables(void **state)
{
    (void)state;
    struct acpi_fadt fadt;
    struct hw_model *m = hw_model_qemu("i440fx-seabios", &fadt);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, 2), ACPI_OK);
    m->io[0xAFE0] = 0x04;
    unsigned handled;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 1);
    assert_int_equal(m->io[0xAFE0], 0);
    assert_int_equal(m->io[0xAFE2], 0);
    assert_int_equal(gpe.runtime[0], 0);
    hw_model_free(m);
}

static void gpe1_with_base(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_fadt fadt = hw_model_blank_fadt();
    fadt.gpe0_blk = 0x1000, fadt.gpe0_blk_len = 8; /* GPEs 0x00-0x1F */
    fadt.gpe1_blk = 0x2000, fadt.gpe1_blk_len = 4; /* GPEs 0x40-0x4F */
    fadt.gpe1_base = 0x40;
    hw_model_fadt(m, &fadt);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    assert_int_equal(gpe.block_count, 2);
    assert_int_equal(acpi_gpe_count(&gpe), 0x50);
    assert_true(acpi_gpe_valid(&gpe, 0x1F));
    assert_false(acpi_gpe_valid(&gpe, 0x20)); /* the gap between the blocks */
    assert_false(acpi_gpe_valid(&gpe, 0x3F));
    assert_true(acpi_gpe_valid(&gpe, 0x40));
    assert_false(acpi_gpe_valid(&gpe, 0x50));
    assert_int_equal(acpi_gpe_enable(&gpe, 0x20), ACPI_INVALID_ARGUMENT);
    assert_int_equal(m->ports.log_count, 0);
    /* GPE 0x4A: GPE1 register 1, bit 2; enable half at 0x2002. */
    assert_int_equal(acpi_gpe_enable(&gpe, 0x4A), ACPI_OK);
    hw_model_expect(m, 1, 0x2003, 1, true, 0x04);
    struct calls c = {.m = m};
    acpi_gpe_set_handler(&gpe, record, &c);
    m->io[0x2001] = 0x04;
    unsigned handled;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_OK);
    assert_int_equal(handled, 1);
    assert_int_equal(c.gpe[0], 0x4A);
    assert_int_equal(m->io[0x2001], 0);
    assert_int_equal(m->ports.unclaimed, 0);
    hw_model_free(m);
}

static void x_gpe0_in_memory(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_fadt fadt = hw_model_blank_fadt();
    /* X_GPE0_BLK wins over GPE0_BLK (5.2.9); GPE0_BLK_LEN still gives the size. */
    fadt.gpe0_blk = 0x1000, fadt.gpe0_blk_len = 4;
    fadt.x_gpe0_blk = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 32, 0, 0, HW_MODEL_MEM_BASE + 0x100};
    hw_model_mem(m, HW_MODEL_MEM_BASE + 0x100, 2, HW_W1C);
    hw_model_mem(m, HW_MODEL_MEM_BASE + 0x102, 2, HW_RAM);
    struct acpi_gpe gpe;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_count(&gpe), 16);
    assert_int_equal(acpi_gpe_enable(&gpe, 12), ACPI_OK);
    assert_int_equal(m->mem_log_count, 2);
    assert_int_equal(m->mem_log[1].addr, HW_MODEL_MEM_BASE + 0x103);
    assert_int_equal(m->mem_log[1].width, 8); /* byte-wide whatever the GAS width */
    assert_int_equal(m->mem_log[1].value, 0x10);
    m->mem[0x101] = 0x10;
    assert_int_equal(acpi_gpe_clear(&gpe, 12), ACPI_OK);
    assert_int_equal(m->mem[0x101], 0);
    /* Without GPE0_BLK_LEN the X_ bit width gives the length. */
    fadt.gpe0_blk_len = 0;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_count(&gpe), 16);
    assert_int_equal(m->ports.log_count, 0);
    hw_model_free(m);
}

static enum acpi_status failing_read(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    (void)ctx, (void)port, (void)width, (void)value;
    return ACPI_MAP_FAILED;
}

static void evil_blocks(void **state)
{
    (void)state;
    struct hw_model *m = hw_model_new();
    struct acpi_gpe gpe;
    struct acpi_fadt f = hw_model_blank_fadt();
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_NOT_FOUND); /* no blocks */
    assert_int_equal(acpi_gpe_count(&gpe), 0);
    assert_int_equal(acpi_gpe_dispatch(&gpe, NULL), ACPI_OK);
    f.gpe0_blk = 0x1000, f.gpe0_blk_len = 5;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_BAD_ENTRY); /* odd length */
    f.gpe0_blk_len = 66; /* 264 GPEs: beyond _L/_Exx's 0-255 */
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_BAD_ENTRY);
    f.gpe0_blk_len = 64; /* 256 GPEs: exactly the limit */
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_OK);
    assert_int_equal(acpi_gpe_count(&gpe), 256);
    f.gpe0_blk = 0xFFF0, f.gpe0_blk_len = 32; /* past port 0xFFFF */
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_BAD_ADDRESS);
    f.gpe0_blk = 0xFFF0, f.gpe0_blk_len = 16; /* ends exactly at 0xFFFF */
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_OK);
    f.x_gpe0_blk = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 0, 0, 0, UINT64_MAX - 8};
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_BAD_ADDRESS); /* wraps */
    f.x_gpe0_blk.address = 0;
    /* GPE1 overlapping GPE0: reported, GPE0 alone kept and usable. */
    f = hw_model_blank_fadt();
    f.gpe0_blk = 0x1000, f.gpe0_blk_len = 8;
    f.gpe1_blk = 0x2000, f.gpe1_blk_len = 4, f.gpe1_base = 0x10;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_BAD_ENTRY);
    assert_int_equal(gpe.block_count, 1);
    assert_int_equal(acpi_gpe_count(&gpe), 32);
    f.gpe1_base = 0xF8; /* 0xF8 + 32 > 256 */
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_BAD_ENTRY);
    assert_int_equal(gpe.block_count, 1);
    f.gpe1_base = 0xF0, f.gpe1_blk_len = 3;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_BAD_ENTRY);
    /* Hardware-reduced: the GPE fields are ignored (5.2.9). */
    f.gpe1_blk_len = 4;
    f.flags = ACPI_FADT_HW_REDUCED_ACPI;
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_NOT_FOUND);
    /* Bad arguments. */
    f.flags = 0;
    assert_int_equal(acpi_gpe_init(NULL, &m->host, &f), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_init(&gpe, NULL, &f), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_init(&gpe, &m->host, &f), ACPI_OK);
    bool set;
    assert_int_equal(acpi_gpe_status(&gpe, 0x1000, &set, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_status(&gpe, 1, NULL, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_clear(&gpe, 300), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_set_wake(&gpe, 0x30, true), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_set_trigger(&gpe, 1, (enum acpi_gpe_trigger)7),
                     ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_reset(NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_gpe_dispatch(NULL, NULL), ACPI_INVALID_ARGUMENT);
    assert_false(acpi_gpe_valid(NULL, 0));
    /* A failing host comes back as is, and nothing was handled. */
    struct acpi_hw_host broken = m->host;
    broken.io_read = failing_read;
    assert_int_equal(acpi_gpe_init(&gpe, &broken, &f), ACPI_OK);
    unsigned handled = 99;
    assert_int_equal(acpi_gpe_dispatch(&gpe, &handled), ACPI_MAP_FAILED);
    assert_int_equal(handled, 0);
    assert_int_equal(acpi_gpe_enable(&gpe, 1), ACPI_MAP_FAILED);
    hw_model_free(m);
}

/* ---- the corpus: the registers we touch are the ones ACPICA names ---- */

struct corpus_tally {
    int fadts, with_gpe, reduced, registers_checked;
};

/* A host that records where each read went and returns 0. */
struct recorder {
    uint64_t addr[4];
    unsigned width[4];
    unsigned count;
};

static void rec(struct recorder *r, uint64_t addr, unsigned width)
{
    assert_true(r->count < 4);
    r->addr[r->count] = addr;
    r->width[r->count++] = width;
}

static enum acpi_status rec_mem(void *ctx, uint64_t phys, unsigned width, uint64_t *value)
{
    rec(ctx, phys, width);
    *value = 0;
    return ACPI_OK;
}

static enum acpi_status rec_io(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    rec(ctx, port, width);
    *value = 0;
    return ACPI_OK;
}

static enum acpi_status rec_pci(void *ctx, uint8_t dev, uint8_t fn, uint16_t off, unsigned width,
                                uint32_t *value)
{
    rec(ctx, ((uint64_t)dev << 32) | ((uint64_t)fn << 16) | off, width);
    *value = 0;
    return ACPI_OK;
}

static uint64_t field(const struct iasl_text *t, uint32_t from, uint32_t to, const char *name)
{
    uint64_t v = 0;
    if (!iasl_hex(t, from, to, name, &v))
        return 0;
    return v;
}

/* Port or address of the first status byte and the block length, as ACPICA
 * decodes them: the X_ GAS address when the table has it and it is non-zero
 * (5.2.9), else the 32-bit block; the length from the _LEN byte. */
static void expect_block(const struct iasl_text *t, uint32_t fadt_len, uint32_t blk32,
                         uint32_t x_off, uint64_t *addr)
{
    *addr = field(t, blk32, blk32 + 4, blk32 == 0x50 ? "GPE0 Block Address" : "GPE1 Block Address");
    if (fadt_len >= x_off + 12) {
        uint64_t x = field(t, x_off, x_off + 12, "Address");
        if (x != 0)
            *addr = x;
    }
}

static void corpus_one(const char *path, const struct acpi_fadt *fp, const struct iasl_text *t,
                       void *ctx)
{
    struct corpus_tally *tally = ctx;
    (void)path;
    struct acpi_fadt fadt = *fp;
    tally->fadts++;
    uint64_t flags = field(t, 0x70, 0x74, "Flags (decoded below)");
    uint64_t len0 = field(t, 0x5C, 0x5D, "GPE0 Block Length");
    uint64_t len1 = field(t, 0x5D, 0x5E, "GPE1 Block Length");
    uint64_t base1 = field(t, 0x5E, 0x5F, "GPE1 Base Offset");
    uint64_t a0, a1;
    expect_block(t, fadt.length, 0x50, 220, &a0);
    expect_block(t, fadt.length, 0x54, 232, &a1);
    struct recorder r = {0};
    struct acpi_hw_host host = {.ctx = &r, .memory_read = rec_mem, .io_read = rec_io,
                                .pci_read = rec_pci};
    struct acpi_gpe gpe;
    enum acpi_status st = acpi_gpe_init(&gpe, &host, &fadt);
    if (flags & (1u << 20)) { /* Table 5.10 bit 20: HW_REDUCED_ACPI */
        tally->reduced++;
        assert_int_equal(st, ACPI_NOT_FOUND);
    } else if ((a0 == 0 || len0 == 0) && (a1 == 0 || len1 == 0)) {
        assert_int_equal(st, ACPI_NOT_FOUND);
    } else {
        assert_int_equal(st, ACPI_OK);
        tally->with_gpe++;
        unsigned n0 = a0 != 0 && len0 != 0 ? (unsigned)len0 / 2 * 8 : 0;
        unsigned n1 = a1 != 0 && len1 != 0 ? (unsigned)len1 / 2 * 8 : 0;
        assert_int_equal(acpi_gpe_count(&gpe), n1 != 0 ? base1 + n1 : n0);
        /* The last GPE of each block: its status byte is the block's
         * (len/2 - 1)th, its enable byte len/2 further on. */
        uint64_t addrs[2] = {a0, a1}, lens[2] = {len0, len1}, bases[2] = {0, base1};
        for (int b = 0; b < 2; b++) {
            if (addrs[b] == 0 || lens[b] == 0)
                continue;
            uint16_t last = (uint16_t)(bases[b] + lens[b] / 2 * 8 - 1);
            bool set, en;
            r.count = 0;
            assert_int_equal(acpi_gpe_status(&gpe, last, &set, &en), ACPI_OK);
            assert_int_equal(r.count, 2);
            assert_int_equal(r.width[0], 8);
            assert_int_equal(r.width[1], 8);
            assert_int_equal(r.addr[0], addrs[b] + lens[b] / 2 - 1);
            assert_int_equal(r.addr[1], addrs[b] + lens[b] - 1);
            tally->registers_checked += 2;
        }
    }
}

static void corpus_blocks_match_acpica(void **state)
{
    (void)state;
    struct corpus_tally tally = {0};
    int n = hw_model_each_corpus_fadt(corpus_one, &tally);
    if (n < 0)
        skip();
    assert_int_equal(n, 40);
    print_message("corpus: %d FADTs, %d with GPE blocks (%d register addresses equal "
                  "ACPICA's), %d hardware-reduced\n",
                  tally.fadts, tally.with_gpe, tally.registers_checked, tally.reduced);
    assert_int_equal(tally.fadts, 40);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(qemu_geometry_and_enable),
        cmocka_unit_test(status_and_clear),
        cmocka_unit_test(reset_and_wake_masks),
        cmocka_unit_test(dispatch_edge_and_level),
        cmocka_unit_test(deferred_level_gpe),
        cmocka_unit_test(deferred_mode_split),
        cmocka_unit_test(block_device_registers),
        cmocka_unit_test(dispatch_without_handler_disables),
        cmocka_unit_test(gpe1_with_base),
        cmocka_unit_test(x_gpe0_in_memory),
        cmocka_unit_test(evil_blocks),
        cmocka_unit_test(corpus_blocks_match_acpica),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
